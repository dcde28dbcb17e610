#include "volumechartplot.h"

#include "actionchecklist.h"
#include "theme.h"

#include <QAreaSeries>
#include <QCategoryAxis>
#include <QGraphicsLayout>
#include <QGraphicsRectItem>
#include <QGraphicsSimpleTextItem>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>
#include <array>
#include <cmath>

namespace {

constexpr int kActionLines = 5; // the busiest actions get a line each, the rest share "other"
constexpr int kToolTipActions = 5;
constexpr int kMaxNameLength = 40;
constexpr auto kKeyProperty = "volumeLineKey";

const QString kTotalKey = QStringLiteral("total:");
const QString kOtherKey = QStringLiteral("other:");

// Database text in a legend or tooltip: control characters made visible, long names cut.
QString shownName(const QString &action)
{
    const QString visible = visibleText(action);
    return visible.size() > kMaxNameLength ? visible.left(kMaxNameLength - 1) + QChar(0x2026)
                                           : visible;
}

// A round maximum above `peak` with room for the peak's label, and a tick step that keeps
// every tick on an integer.
std::pair<qint64, qint64> niceScale(qint64 peak)
{
    const double target = std::max(1.0, static_cast<double>(peak) * 1.15);
    const double rough = target / 4;
    const double magnitude = std::pow(10.0, std::floor(std::log10(rough)));
    qint64 step = 1;
    for (double factor : { 1.0, 2.0, 2.5, 5.0, 10.0 }) {
        step = std::max<qint64>(1, std::llround(factor * magnitude));
        if (static_cast<double>(step) >= rough) {
            break;
        }
    }
    const auto steps = static_cast<qint64>(std::ceil(target / static_cast<double>(step)));
    return { step * std::max<qint64>(1, steps), step };
}

// The busiest actions of the whole series, most calls first (ties by name).
QStringList busiestActions(const VolumeSeries &series, qsizetype count)
{
    QMap<QString, qint64> sums;
    for (const VolumeBucket &bucket : series.buckets) {
        for (auto it = bucket.actions.cbegin(); it != bucket.actions.cend(); ++it) {
            sums[it.key()] += it.value();
        }
    }
    QStringList names = sums.keys();
    std::stable_sort(names.begin(), names.end(),
        [&](const QString &a, const QString &b) { return sums.value(a) > sums.value(b); });
    return names.mid(0, count);
}

} // namespace

VolumeChartPlot::VolumeChartPlot()
    : m_axisX(new QCategoryAxis)
    , m_axisY(new QValueAxis)
    , m_peakLabel(new QGraphicsSimpleTextItem(this))
    , m_openBand(new QGraphicsRectItem(this))
    , m_openLabel(new QGraphicsSimpleTextItem(m_openBand))
{
    setMargins(QMargins(4, 4, 14, 0));
    layout()->setContentsMargins(0, 0, 0, 0);
    setBackgroundRoundness(0);
    addAxis(m_axisX, Qt::AlignBottom);
    addAxis(m_axisY, Qt::AlignLeft);
    m_axisX->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    m_axisY->setLabelFormat(QStringLiteral("%d"));
    m_axisY->setMinorTickCount(0);
    legend()->setAlignment(Qt::AlignRight);
    legend()->setMarkerShape(QLegend::MarkerShapeFromSeries);
    // How many labels fit depends on the plot's width.
    connect(this, &QChart::plotAreaChanged, this, [this] {
        updateTicks();
        placeOverlays();
    });
    // Below the lines, so that hover and clicks still find the buckets.
    m_openBand->setZValue(-1);
    m_openBand->setPen(Qt::NoPen);
    m_openBand->setAcceptedMouseButtons(Qt::NoButton);
    m_openBand->hide();
    m_openLabel->setText(tr("so far"));
    // Above the series and the legend; drawn by the chart, not as a point label of the peak's
    // series, so that it can be kept inside the plot and clear of "so far".
    m_peakLabel->setZValue(50);
    m_peakLabel->setAcceptedMouseButtons(Qt::NoButton);
    m_peakLabel->hide();
}

void VolumeChartPlot::setSeries(const VolumeSeries &series)
{
    m_series = series;
    rebuild();
}

void VolumeChartPlot::setActionLines(bool show)
{
    if (show != m_actionLines) {
        m_actionLines = show;
        rebuild();
    }
}

void VolumeChartPlot::setTimeZone(const QTimeZone &zone)
{
    m_zone = zone;
    rebuild();
}

void VolumeChartPlot::setShown(bool lines, bool axes)
{
    if (lines != m_linesShown || axes != m_axesShown) {
        m_linesShown = lines;
        m_axesShown = axes;
        rebuild();
    }
}

void VolumeChartPlot::rebuild()
{
    removeAllSeries(); // deletes them, and their legend markers with them
    m_total = nullptr;
    m_peakSeries = nullptr;
    m_bands.clear();
    m_bandCounts.clear();
    m_peak.reset();
    m_timeline = VolumeChartTimeline(m_series, m_zone);
    const bool complete
        = !m_timeline.isEmpty() && m_series.buckets.size() == m_series.range.bucketStarts.size();
    const bool lines = m_linesShown && complete;
    const bool axes = !m_timeline.isEmpty() && (lines || m_axesShown);
    m_axisX->setVisible(axes);
    m_axisY->setVisible(axes);
    m_axisX->setGridLineVisible(axes);
    m_axisY->setGridLineVisible(axes);
    m_axisY->setLabelsVisible(lines); // an empty period's 0 and 1 would mean nothing
    legend()->setVisible(lines);
    updateAxes();
    if (!lines) {
        placeOverlays();
        return;
    }
    QList<qint64> totals;
    for (const VolumeBucket &bucket : std::as_const(m_series.buckets)) {
        totals.append(bucket.total);
    }
    QString totalName = tr("Total");
    if (m_actionLines) {
        const QStringList busiest = busiestActions(m_series, kActionLines);
        QList<qint64> other = totals;
        for (int i = 0; i < m_series.buckets.size(); ++i) {
            for (const QString &action : busiest) {
                other[i] = std::max<qint64>(
                    0, other.at(i) - m_series.buckets.at(i).actions.value(action));
            }
        }
        if (busiest.size() == 1
            && std::all_of(other.cbegin(), other.cend(), [](qint64 n) { return n == 0; })) {
            // One action makes up the whole series: its band would only repeat the total.
            totalName = tr("Total (%1)", "the total when one action makes it up")
                            .arg(shownName(busiest.first()));
        } else {
            addBands(busiest, other);
        }
    }
    const QColor totalColor = m_palette.color(QPalette::Highlight);
    m_total = addLine(kTotalKey, totalName, totals, QPen(totalColor, m_bands.isEmpty() ? 3 : 2));
    addPeak(totalColor);
    placeOverlays();
}

// The busiest actions and "other" as stacked areas: the busiest at the bottom, and in the
// legend in the order of the stack, from the top.
void VolumeChartPlot::addBands(const QStringList &actions, const QList<qint64> &other)
{
    struct Band
    {
        QString key;
        QString name;
        QList<qint64> counts;
        QColor color;
    };
    QList<Band> bands;
    for (int a = 0; a < actions.size(); ++a) {
        QList<qint64> counts;
        for (const VolumeBucket &bucket : std::as_const(m_series.buckets)) {
            counts.append(bucket.actions.value(actions.at(a)));
        }
        bands.append({ QStringLiteral("action:") + actions.at(a), shownName(actions.at(a)), counts,
            m_bandColors.value(actions.at(a), Theme::series(a)) });
    }
    if (std::any_of(other.cbegin(), other.cend(), [](qint64 n) { return n > 0; })) {
        QColor grey = m_palette.color(QPalette::PlaceholderText);
        grey.setAlphaF(0.6F); // made lighter again by the band's own transparency
        bands.append({ kOtherKey, tr("other"), other, grey });
    }
    QList<QAreaSeries *> added;
    for (auto band = bands.crbegin(); band != bands.crend(); ++band) {
        auto *area = new QAreaSeries;
        auto *upper = new QLineSeries(area);
        auto *lower = new QLineSeries(area);
        area->setUpperSeries(upper);
        area->setLowerSeries(lower);
        QColor fill = band->color;
        fill.setAlphaF(fill.alphaF() * 0.7F);
        area->setBrush(fill);
        // A hairline in the background colour keeps neighbouring bands apart.
        area->setPen(QPen(m_palette.color(QPalette::Base), 1));
        added.prepend(area);
        m_bandCounts.prepend(band->counts);
        finishSeries(area, band->key, band->name);
    }
    m_bands = added;
    restack();
}

// Each shown band on top of the shown bands below it; a hidden band keeps its place, flat.
void VolumeChartPlot::restack()
{
    QList<qint64> base(m_series.buckets.size(), 0);
    for (int b = 0; b < m_bands.size(); ++b) {
        const bool shown = m_bands.at(b)->isVisible();
        QList<QPointF> lower;
        QList<QPointF> upper;
        for (int i = 0; i < base.size(); ++i) {
            const qreal x = m_timeline.bucketX(i);
            lower.append({ x, static_cast<qreal>(base.at(i)) });
            if (shown) {
                base[i] += m_bandCounts.at(b).at(i);
            }
            upper.append({ x, static_cast<qreal>(base.at(i)) });
        }
        m_bands.at(b)->lowerSeries()->replace(lower);
        m_bands.at(b)->upperSeries()->replace(upper);
    }
}

void VolumeChartPlot::placeOverlays()
{
    placeOpenBucketBand();
    placeLabels();
}

// Hindsight writes a row when a call ends, and the last bucket is still filling: without a
// mark, every 7- and 30-day chart would end in a drop that looks like an outage.
void VolumeChartPlot::placeOpenBucketBand()
{
    const int last = static_cast<int>(m_series.buckets.size()) - 1;
    if (!m_total || last < 1) {
        m_openBand->hide();
        return;
    }
    const QRectF area = currentPlotArea();
    const qreal from = bucketPoint(last - 1).x();
    const qreal to = bucketPoint(last).x();
    if (area.width() <= 0 || to <= from) {
        m_openBand->hide();
        return;
    }
    QColor shade = m_palette.color(QPalette::Text);
    shade.setAlphaF(0.06F);
    m_openBand->setBrush(shade);
    m_openBand->setRect(QRectF(from, area.top(), to - from, area.height()));
    m_openLabel->setBrush(m_palette.color(QPalette::PlaceholderText));
    m_openLabel->setFont(m_font);
    m_openBand->setToolTip(tr("The last bucket is still open: calls are counted when they end."));
    m_openBand->show();
}

QLineSeries *VolumeChartPlot::addLine(
    const QString &key, const QString &name, const QList<qint64> &counts, const QPen &pen)
{
    QList<QPointF> points;
    points.reserve(counts.size());
    for (int i = 0; i < counts.size(); ++i) {
        points.append({ m_timeline.bucketX(i), static_cast<qreal>(counts.at(i)) });
    }
    auto *line = new QLineSeries;
    line->replace(points);
    line->setPen(pen);
    finishSeries(line, key, name);
    return line;
}

void VolumeChartPlot::finishSeries(QAbstractSeries *series, const QString &key, const QString &name)
{
    series->setProperty(kKeyProperty, key);
    // Legend labels are rich text in Qt Charts: escaped, an action name stays literal.
    series->setName(name.toHtmlEscaped());
    addSeries(series);
    series->attachAxis(m_axisX);
    series->attachAxis(m_axisY);
    series->setVisible(!m_hiddenLines.contains(key));
    const QList<QLegendMarker *> markers = legend()->markers(series);
    for (QLegendMarker *marker : markers) {
        marker->setVisible(true);
        styleMarker(marker);
        connect(marker, &QLegendMarker::clicked, this, [this, marker] { toggleLine(marker); });
    }
}

void VolumeChartPlot::addPeak(const QColor &color)
{
    const auto peak = std::max_element(m_series.buckets.cbegin(), m_series.buckets.cend(),
        [](const VolumeBucket &a, const VolumeBucket &b) { return a.total < b.total; });
    if (peak == m_series.buckets.cend() || peak->total <= 0) {
        return;
    }
    m_peak = static_cast<int>(peak - m_series.buckets.cbegin());
    m_peakSeries = new QScatterSeries;
    m_peakSeries->setMarkerShape(QScatterSeries::MarkerShapeCircle);
    m_peakSeries->setMarkerSize(9);
    m_peakSeries->setColor(color);
    m_peakSeries->setBorderColor(m_palette.color(QPalette::Base));
    m_peakSeries->append(m_timeline.bucketX(*m_peak), static_cast<qreal>(peak->total));
    addSeries(m_peakSeries);
    m_peakSeries->attachAxis(m_axisX);
    m_peakSeries->attachAxis(m_axisY);
    m_peakSeries->setVisible(m_total->isVisible());
    const QList<QLegendMarker *> markers = legend()->markers(m_peakSeries);
    for (QLegendMarker *marker : markers) {
        marker->setVisible(false);
    }
    m_peakLabel->setText(tr("peak %1").arg(QLocale().toString(peak->total)));
    m_peakLabel->setBrush(m_palette.color(QPalette::Text));
    m_peakLabel->setFont(m_font);
}

// Above the peak, moved sideways to stay inside the plot, or beside the marker when the
// plot is too low for it above; "so far" then takes the first place in its band that is
// clear of it: the top, just below the peak's label, or the bottom.
void VolumeChartPlot::placeLabels()
{
    const QRectF area = currentPlotArea();
    m_peakLabel->hide();
    if (m_peak && m_peakSeries && m_peakSeries->isVisible() && area.width() > 0) {
        const QSizeF size = m_peakLabel->boundingRect().size();
        const QPointF point = bucketPoint(*m_peak);
        constexpr qreal kGap = 6; // clears the marker
        QPointF at(point.x() - size.width() / 2, point.y() - kGap - size.height());
        if (at.y() < area.top() + 1) {
            at.setY(std::max(area.top() + 1, point.y() - size.height() / 2));
            const bool rightFits = point.x() + kGap + size.width() <= area.right() - 2;
            at.setX(rightFits ? point.x() + kGap : point.x() - kGap - size.width());
        }
        at.setX(std::min(at.x(), area.right() - 2 - size.width()));
        at.setX(std::max(at.x(), area.left() + 2));
        m_peakLabel->setPos(at);
        m_peakLabel->setVisible(
            size.width() + 4 <= area.width() && size.height() + 2 <= area.height());
    }
    m_openLabel->hide();
    if (!m_openBand->isVisible()) {
        return;
    }
    const QRectF band = m_openBand->rect();
    const QSizeF size = m_openLabel->boundingRect().size();
    if (size.width() + 8 > band.width()) {
        return;
    }
    const QRectF peak = peakLabelRect().adjusted(-2, -2, 2, 2);
    QList<qreal> tops { band.top() + 2 };
    if (!peak.isNull()) {
        tops.append(peak.bottom() + 2);
    }
    tops.append(band.bottom() - size.height() - 2);
    for (const qreal top : std::as_const(tops)) {
        const QRectF label(QPointF(band.right() - size.width() - 4, top), size);
        if (label.top() >= area.top() && label.bottom() <= area.bottom()
            && (peak.isNull() || !label.intersects(peak))) {
            m_openLabel->setPos(label.topLeft());
            m_openLabel->show();
            return;
        }
    }
}

QRectF VolumeChartPlot::peakLabelRect() const
{
    return m_peakLabel->isVisible() ? m_peakLabel->mapRectToItem(this, m_peakLabel->boundingRect())
                                    : QRectF();
}

QRectF VolumeChartPlot::openBucketLabelRect() const
{
    return m_openLabel->isVisible() ? m_openLabel->mapRectToItem(this, m_openLabel->boundingRect())
                                    : QRectF();
}

QString VolumeChartPlot::peakLabelText() const
{
    return m_peakLabel->isVisible() ? m_peakLabel->text() : QString();
}

void VolumeChartPlot::updateAxes()
{
    qint64 peak = 0;
    for (const VolumeBucket &bucket : std::as_const(m_series.buckets)) {
        peak = std::max(peak, bucket.total);
    }
    const auto [maximum, step] = niceScale(peak);
    m_axisY->setRange(0, static_cast<qreal>(maximum));
    m_axisY->setTickCount(static_cast<int>(maximum / step) + 1);
    if (!m_timeline.isEmpty()) {
        m_axisX->setRange(m_timeline.minimum(), m_timeline.maximum());
    }
    m_ticks.clear(); // placed anew for the new range
    updateTicks();
}

void VolumeChartPlot::updateTicks()
{
    qreal width = plotArea().width();
    if (width <= 0) {
        width = size().width() * 0.8; // before the first layout: near enough, corrected after it
    }
    const QList<VolumeChartTimeline::Tick> ticks
        = m_timeline.ticks(width, QFontMetrics(m_axisX->labelsFont()));
    if (ticks == m_ticks && !m_axisX->categoriesLabels().isEmpty()) {
        return; // relabelling would lay the chart out again
    }
    m_ticks = ticks;
    const QStringList old = m_axisX->categoriesLabels();
    for (const QString &label : old) {
        m_axisX->remove(label);
    }
    // Only taken while there are no categories (it must lie before the first one); the axis
    // draws a grid line there, so it stays on the left edge.
    m_axisX->setStartValue(m_timeline.minimum());
    for (const VolumeChartTimeline::Tick &tick : std::as_const(m_ticks)) {
        m_axisX->append(tick.text, tick.x);
    }
}

void VolumeChartPlot::applyPalette(const QPalette &palette, const QFont &font)
{
    m_palette = palette;
    m_font = font;
    setTheme(Theme::isDark(palette) ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    setBackgroundBrush(palette.brush(QPalette::Base));
    setBackgroundPen(Qt::NoPen);
    setBackgroundRoundness(0);
    QColor grid = palette.color(QPalette::Text);
    grid.setAlphaF(0.12F);
    for (QAbstractAxis *axis : std::initializer_list<QAbstractAxis *> { m_axisX, m_axisY }) {
        axis->setLabelsFont(font);
        axis->setLabelsColor(palette.color(QPalette::Text));
        axis->setGridLineColor(grid);
        axis->setLinePenColor(grid);
    }
    legend()->setFont(font);
    legend()->setLabelColor(palette.color(QPalette::Text));
    rebuild();
}

void VolumeChartPlot::toggleLine(QLegendMarker *marker)
{
    QAbstractSeries *line = marker->series();
    const QString key = line->property(kKeyProperty).toString();
    if (m_legendFilters && key.startsWith(QLatin1String("action:"))) {
        emit groupClicked(key.mid(int(qstrlen("action:"))));
        return;
    }
    line->setVisible(!line->isVisible());
    if (line->isVisible()) {
        m_hiddenLines.remove(key);
    } else {
        m_hiddenLines.insert(key);
    }
    if (line == m_total && m_peakSeries) {
        m_peakSeries->setVisible(line->isVisible());
        const QList<QLegendMarker *> peakMarkers = legend()->markers(m_peakSeries);
        for (QLegendMarker *peakMarker : peakMarkers) {
            peakMarker->setVisible(false);
        }
        placeLabels();
    }
    if (qobject_cast<QAreaSeries *>(line)) {
        restack(); // the bands above close up over a hidden one
    }
    // Qt hides a hidden series' marker; it stays, dimmed, so that it can be clicked back.
    marker->setVisible(true);
    styleMarker(marker);
}

void VolumeChartPlot::styleMarker(QLegendMarker *marker)
{
    const QAbstractSeries *series = marker->series();
    QPen pen;
    if (const auto *line = qobject_cast<const QLineSeries *>(series)) {
        pen = line->pen();
    } else if (const auto *area = qobject_cast<const QAreaSeries *>(series)) {
        pen = QPen(area->brush().color(), 1);
        // "From series" leaves an area's square unfilled (Qt 6.4): a filled square, stated.
        marker->setShape(QLegend::MarkerShapeRectangle);
    } else {
        return;
    }
    const bool shown = series->isVisible();
    QColor label = m_palette.color(QPalette::Text);
    QColor color = pen.color();
    if (!shown) {
        label.setAlphaF(0.35F);
        color.setAlphaF(0.25F);
    }
    marker->setLabelBrush(label);
    pen.setColor(color);
    marker->setPen(pen);
    marker->setBrush(color);
    QFont font = legend()->font();
    font.setStrikeOut(!shown);
    marker->setFont(font);
}

QRectF VolumeChartPlot::currentPlotArea() const
{
    // The chart lays itself out lazily, after the event loop turns.
    if (QGraphicsLayout *chartLayout = layout()) {
        chartLayout->activate();
    }
    return plotArea();
}

std::optional<int> VolumeChartPlot::bucketAt(QPointF pos) const
{
    const QRectF area = currentPlotArea();
    if (!m_total || area.width() <= 0 || !area.adjusted(-1, -6, 1, 6).contains(pos)) {
        return std::nullopt;
    }
    const qreal span = m_timeline.maximum() - m_timeline.minimum();
    return m_timeline.bucketAtX(
        m_timeline.minimum() + (pos.x() - area.left()) / area.width() * span);
}

QPointF VolumeChartPlot::bucketPoint(int index) const
{
    const QRectF area = currentPlotArea();
    const qreal span = m_timeline.maximum() - m_timeline.minimum();
    if (index < 0 || index >= m_timeline.bucketCount() || index >= m_series.buckets.size()
        || area.width() <= 0 || span <= 0) {
        return {};
    }
    const qreal x
        = area.left() + (m_timeline.bucketX(index) - m_timeline.minimum()) / span * area.width();
    const qreal value = static_cast<qreal>(m_series.buckets.at(index).total);
    const qreal y = area.bottom() - value / std::max<qreal>(1, m_axisY->max()) * area.height();
    // Inside the plot even for a zero, so that a click there lands on the bucket.
    return { x, std::clamp(y, area.top() + 3, area.bottom() - 3) };
}

QString VolumeChartPlot::bucketToolTip(int index) const
{
    const VolumeBucket &bucket = m_series.buckets.at(index);
    const QLocale locale;
    const auto row = [&](const QString &name, qint64 count, bool bold) {
        const QString number = locale.toString(count);
        return QStringLiteral("<tr><td>%1</td><td align=\"right\">%2</td></tr>")
            .arg(name.toHtmlEscaped(), bold ? QStringLiteral("<b>%1</b>").arg(number) : number);
    };
    QString span = m_timeline.rangeText(index);
    if (index == m_series.buckets.size() - 1) {
        span = tr("%1 (so far)", "the bucket that is still open").arg(span);
    }
    QString html = QStringLiteral("<p style=\"white-space:pre\"><b>%1</b></p><table>")
                       .arg(span.toHtmlEscaped());
    html += row(tr("Total"), bucket.total, true);
    QStringList names = bucket.actions.keys();
    std::stable_sort(names.begin(), names.end(), [&](const QString &a, const QString &b) {
        return bucket.actions.value(a) > bucket.actions.value(b);
    });
    qint64 rest = bucket.total;
    for (int i = 0; i < names.size() && i < kToolTipActions; ++i) {
        const qint64 count = bucket.actions.value(names.at(i));
        html += row(shownName(names.at(i)), count, false);
        rest -= count;
    }
    if (names.size() > kToolTipActions && rest > 0) {
        const auto others = static_cast<int>(names.size() - kToolTipActions);
        html += row(m_byTenant ? tr("%n other tenants", "tooltip: tenants not listed", others)
                               : tr("%n other actions", "tooltip: actions not listed", others),
            rest, false);
    }
    return html + QStringLiteral("</table>");
}
