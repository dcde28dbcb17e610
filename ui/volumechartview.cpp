#include "volumechartview.h"

#include "actionchecklist.h"

#include <QCategoryAxis>
#include <QFrame>
#include <QGraphicsLayout>
#include <QGraphicsLineItem>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QMouseEvent>
#include <QProgressBar>
#include <QScatterSeries>
#include <QToolTip>
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

// Distinct hues that read on light and dark backgrounds; the total uses the palette's highlight.
QColor actionColor(int index)
{
    static const std::array<QColor, kActionLines> colors { QColor(0xd5, 0x5e, 0x00),
        QColor(0x00, 0x9e, 0x73), QColor(0x8e, 0x63, 0xc4), QColor(0xe6, 0x9f, 0x00),
        QColor(0xcc, 0x79, 0xa7) };
    return colors.at(static_cast<size_t>(index) % colors.size());
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

VolumeChartView::VolumeChartView(QWidget *parent)
    : QChartView(parent)
    , m_axisX(new QCategoryAxis)
    , m_axisY(new QValueAxis)
    , m_hoverLine(new QGraphicsLineItem)
    , m_placeholder(new QLabel(viewport()))
    , m_busy(new QFrame(viewport()))
{
    setObjectName(QStringLiteral("chartView"));
    setFrameShape(QFrame::NoFrame);
    setRenderHint(QPainter::Antialiasing);
    setMouseTracking(true);
    QChart *plot = chart();
    plot->setMargins(QMargins(4, 4, 8, 0));
    plot->layout()->setContentsMargins(0, 0, 0, 0);
    plot->setBackgroundRoundness(0);
    plot->addAxis(m_axisX, Qt::AlignBottom);
    plot->addAxis(m_axisY, Qt::AlignLeft);
    m_axisX->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    m_axisY->setLabelFormat(QStringLiteral("%d"));
    m_axisY->setMinorTickCount(0);
    plot->legend()->setAlignment(Qt::AlignRight);
    plot->legend()->setMarkerShape(QLegend::MarkerShapeFromSeries);
    plot->scene()->addItem(m_hoverLine);
    m_hoverLine->setZValue(1000);
    m_hoverLine->hide();
    connect(plot, &QChart::plotAreaChanged, this, [this] {
        updateTicks();
        placeOverlays();
    });

    m_placeholder->setObjectName(QStringLiteral("chartPlaceholder"));
    m_placeholder->setTextFormat(Qt::PlainText);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setAttribute(Qt::WA_TransparentForMouseEvents);
    m_placeholder->hide();

    m_busy->setObjectName(QStringLiteral("chartBusy"));
    m_busy->setFrameShape(QFrame::StyledPanel);
    m_busy->setAutoFillBackground(true);
    m_busy->setAttribute(Qt::WA_TransparentForMouseEvents);
    auto *busyLayout = new QHBoxLayout(m_busy);
    busyLayout->setContentsMargins(6, 2, 6, 2);
    auto *bar = new QProgressBar;
    bar->setRange(0, 0);
    bar->setTextVisible(false);
    bar->setFixedSize(fontMetrics().averageCharWidth() * 6, fontMetrics().height() / 2);
    busyLayout->addWidget(new QLabel(tr("Loading…")));
    busyLayout->addWidget(bar);
    m_busy->hide();

    applyPalette();
}

void VolumeChartView::setSeries(const VolumeSeries &series)
{
    m_series = series;
    rebuild();
}

void VolumeChartView::setActionLines(bool show)
{
    if (show != m_actionLines) {
        m_actionLines = show;
        rebuild();
    }
}

void VolumeChartView::setTimeZone(const QTimeZone &zone)
{
    m_zone = zone;
    rebuild();
}

void VolumeChartView::setPlaceholder(const QString &text, bool withAxes)
{
    if (text == m_placeholder->text() && withAxes == m_placeholderAxes) {
        return;
    }
    m_placeholder->setText(text);
    m_placeholderAxes = withAxes;
    rebuild();
}

QString VolumeChartView::placeholder() const
{
    return m_placeholder->text();
}

void VolumeChartView::setBusy(bool busy)
{
    m_busy->setVisible(busy);
    placeOverlays();
}

void VolumeChartView::rebuild()
{
    QChart *plot = chart();
    hover(std::nullopt, {});
    plot->removeAllSeries(); // deletes them, and their legend markers with them
    m_total = nullptr;
    m_peakSeries = nullptr;
    m_peak.reset();
    m_timeline = VolumeChartTimeline(m_series, m_zone);
    const bool hasText = !m_placeholder->text().isEmpty();
    m_drawLines = !hasText && !m_timeline.isEmpty()
        && m_series.buckets.size() == m_series.range.bucketStarts.size();
    const bool axes = !m_timeline.isEmpty() && (m_drawLines || m_placeholderAxes);
    m_axisX->setVisible(axes);
    m_axisY->setVisible(axes);
    m_axisX->setGridLineVisible(axes);
    m_axisY->setGridLineVisible(axes);
    m_axisY->setLabelsVisible(m_drawLines); // an empty period's 0 and 1 would mean nothing
    plot->legend()->setVisible(m_drawLines);
    m_placeholder->setVisible(hasText);
    updateAxes();
    if (m_drawLines) {
        QList<qint64> totals;
        for (const VolumeBucket &bucket : std::as_const(m_series.buckets)) {
            totals.append(bucket.total);
        }
        const QColor totalColor = palette().color(QPalette::Highlight);
        m_total = addLine(kTotalKey, tr("Total"), totals, QPen(totalColor, 3));
        if (m_actionLines) {
            const QStringList busiest = busiestActions(m_series, kActionLines);
            QList<qint64> other = totals;
            for (int a = 0; a < busiest.size(); ++a) {
                QList<qint64> counts;
                for (int i = 0; i < m_series.buckets.size(); ++i) {
                    counts.append(m_series.buckets.at(i).actions.value(busiest.at(a)));
                    other[i] = std::max<qint64>(0, other.at(i) - counts.constLast());
                }
                addLine(QStringLiteral("action:") + busiest.at(a), shownName(busiest.at(a)), counts,
                    QPen(actionColor(a), 1.5));
            }
            if (std::any_of(other.cbegin(), other.cend(), [](qint64 n) { return n > 0; })) {
                QPen pen(palette().color(QPalette::PlaceholderText), 1.5, Qt::DashLine);
                addLine(kOtherKey, tr("other"), other, pen);
            }
        }
        addPeak(totalColor);
    }
    placeOverlays();
}

QLineSeries *VolumeChartView::addLine(
    const QString &key, const QString &name, const QList<qint64> &counts, const QPen &pen)
{
    QList<QPointF> points;
    points.reserve(counts.size());
    for (int i = 0; i < counts.size(); ++i) {
        points.append({ m_timeline.bucketX(i), static_cast<qreal>(counts.at(i)) });
    }
    auto *line = new QLineSeries;
    line->setProperty(kKeyProperty, key);
    // Legend labels are rich text in Qt Charts: escaped, an action name stays literal.
    line->setName(name.toHtmlEscaped());
    line->replace(points);
    line->setPen(pen);
    chart()->addSeries(line);
    line->attachAxis(m_axisX);
    line->attachAxis(m_axisY);
    const bool hidden = m_hiddenLines.contains(key);
    line->setVisible(!hidden);
    const QList<QLegendMarker *> markers = chart()->legend()->markers(line);
    for (QLegendMarker *marker : markers) {
        marker->setVisible(true);
        styleMarker(marker);
        connect(marker, &QLegendMarker::clicked, this, [this, marker] { toggleLine(marker); });
    }
    return line;
}

void VolumeChartView::addPeak(const QColor &color)
{
    const auto peak = std::max_element(m_series.buckets.cbegin(), m_series.buckets.cend(),
        [](const VolumeBucket &a, const VolumeBucket &b) { return a.total < b.total; });
    if (peak == m_series.buckets.cend() || peak->total <= 0) {
        return;
    }
    m_peak = static_cast<int>(peak - m_series.buckets.cbegin());
    m_peakSeries = new QScatterSeries;
    m_peakSeries->setObjectName(QStringLiteral("peak"));
    m_peakSeries->setMarkerShape(QScatterSeries::MarkerShapeCircle);
    m_peakSeries->setMarkerSize(9);
    m_peakSeries->setColor(color);
    m_peakSeries->setBorderColor(palette().color(QPalette::Base));
    m_peakSeries->append(m_timeline.bucketX(*m_peak), static_cast<qreal>(peak->total));
    m_peakSeries->setPointLabelsFormat(tr("peak %1").arg(QLocale().toString(peak->total)));
    m_peakSeries->setPointLabelsVisible(true);
    m_peakSeries->setPointLabelsClipping(false);
    m_peakSeries->setPointLabelsColor(palette().color(QPalette::Text));
    m_peakSeries->setPointLabelsFont(font());
    chart()->addSeries(m_peakSeries);
    m_peakSeries->attachAxis(m_axisX);
    m_peakSeries->attachAxis(m_axisY);
    m_peakSeries->setVisible(m_total->isVisible());
    const QList<QLegendMarker *> markers = chart()->legend()->markers(m_peakSeries);
    for (QLegendMarker *marker : markers) {
        marker->setVisible(false);
    }
}

void VolumeChartView::updateAxes()
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
    m_ticks.clear(); // labels depend on the plot's width: placed anew
    updateTicks();
}

void VolumeChartView::updateTicks()
{
    QRectF area = plotArea();
    if (area.width() <= 0) {
        area = QRectF(0, 0, viewport()->width() * 0.8, 1);
    }
    const QList<VolumeChartTimeline::Tick> ticks
        = m_timeline.ticks(area.width(), QFontMetrics(m_axisX->labelsFont()));
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

void VolumeChartView::applyPalette()
{
    const QPalette colors = palette();
    const bool dark = colors.color(QPalette::Window).lightness() < 128;
    QChart *plot = chart();
    plot->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    plot->setBackgroundBrush(colors.brush(QPalette::Base));
    plot->setBackgroundPen(Qt::NoPen);
    plot->setBackgroundRoundness(0);
    QColor grid = colors.color(QPalette::Text);
    grid.setAlphaF(0.12F);
    for (QAbstractAxis *axis : std::initializer_list<QAbstractAxis *> { m_axisX, m_axisY }) {
        axis->setLabelsFont(font());
        axis->setLabelsColor(colors.color(QPalette::Text));
        axis->setGridLineColor(grid);
        axis->setLinePenColor(grid);
    }
    plot->legend()->setFont(font());
    plot->legend()->setLabelColor(colors.color(QPalette::Text));
    m_hoverLine->setPen(QPen(grid.darker(dark ? 60 : 200), 1, Qt::DashLine));
    QPalette placeholderColors = m_placeholder->palette();
    placeholderColors.setColor(QPalette::WindowText, colors.color(QPalette::PlaceholderText));
    m_placeholder->setPalette(placeholderColors);
    QFont larger = font();
    larger.setPointSizeF(larger.pointSizeF() * 1.15);
    m_placeholder->setFont(larger);
    m_busy->setPalette(colors);
    m_busy->setBackgroundRole(QPalette::Window);
    rebuild();
}

void VolumeChartView::toggleLine(QLegendMarker *marker)
{
    QAbstractSeries *line = marker->series();
    const QString key = line->property(kKeyProperty).toString();
    line->setVisible(!line->isVisible());
    if (line->isVisible()) {
        m_hiddenLines.remove(key);
    } else {
        m_hiddenLines.insert(key);
    }
    if (line == m_total && m_peakSeries) {
        m_peakSeries->setVisible(line->isVisible());
        const QList<QLegendMarker *> peakMarkers = chart()->legend()->markers(m_peakSeries);
        for (QLegendMarker *peakMarker : peakMarkers) {
            peakMarker->setVisible(false);
        }
    }
    // Qt hides a hidden series' marker; it stays, dimmed, so that it can be clicked back.
    marker->setVisible(true);
    styleMarker(marker);
}

void VolumeChartView::styleMarker(QLegendMarker *marker)
{
    const auto *line = qobject_cast<QLineSeries *>(marker->series());
    if (!line) {
        return;
    }
    const bool shown = line->isVisible();
    QColor label = palette().color(QPalette::Text);
    QColor color = line->pen().color();
    if (!shown) {
        label.setAlphaF(0.35F);
        color.setAlphaF(0.25F);
    }
    marker->setLabelBrush(label);
    QPen pen = line->pen();
    pen.setColor(color);
    marker->setPen(pen);
    marker->setBrush(color);
    QFont font = chart()->legend()->font();
    font.setStrikeOut(!shown);
    marker->setFont(font);
}

QRectF VolumeChartView::plotArea() const
{
    // The chart lays itself out lazily; positions asked right after a change must be current.
    if (QGraphicsLayout *layout = chart()->layout()) {
        layout->activate();
    }
    return chart()->plotArea();
}

std::optional<int> VolumeChartView::bucketAt(QPoint pos) const
{
    const QRectF area = plotArea();
    const QPointF at = chart()->mapFromScene(mapToScene(pos));
    if (!m_drawLines || area.width() <= 0 || !area.adjusted(-1, -6, 1, 6).contains(at)) {
        return std::nullopt;
    }
    const qreal x = m_timeline.minimum()
        + (at.x() - area.left()) / area.width() * (m_timeline.maximum() - m_timeline.minimum());
    return m_timeline.bucketAtX(x);
}

QPoint VolumeChartView::bucketPosition(int index) const
{
    const QRectF area = plotArea();
    if (index < 0 || index >= m_timeline.bucketCount() || index >= m_series.buckets.size()
        || area.width() <= 0 || m_timeline.maximum() <= m_timeline.minimum()) {
        return {};
    }
    const qreal x = area.left()
        + (m_timeline.bucketX(index) - m_timeline.minimum())
            / (m_timeline.maximum() - m_timeline.minimum()) * area.width();
    const qreal value = static_cast<qreal>(m_series.buckets.at(index).total);
    qreal y = area.bottom() - value / std::max<qreal>(1, m_axisY->max()) * area.height();
    y = std::clamp(y, area.top() + 3, area.bottom() - 3);
    return mapFromScene(chart()->mapToScene(QPointF(x, y)));
}

QString VolumeChartView::bucketToolTip(int index) const
{
    const VolumeBucket &bucket = m_series.buckets.at(index);
    const QLocale locale;
    const auto row = [&](const QString &name, qint64 count, bool bold) {
        const QString number = locale.toString(count);
        return QStringLiteral("<tr><td>%1</td><td align=\"right\">%2</td></tr>")
            .arg(name.toHtmlEscaped(), bold ? QStringLiteral("<b>%1</b>").arg(number) : number);
    };
    QString html = QStringLiteral("<p style=\"white-space:pre\"><b>%1</b></p><table>")
                       .arg(m_timeline.rangeText(index).toHtmlEscaped());
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
        html += row(
            tr("%n other action(s)", nullptr, static_cast<int>(names.size() - kToolTipActions)),
            rest, false);
    }
    return html + QStringLiteral("</table>");
}

void VolumeChartView::hover(std::optional<int> bucket, QPoint globalPos)
{
    if (!bucket) {
        if (m_hovered) {
            QToolTip::hideText();
        }
        m_hovered.reset();
        m_hoverLine->hide();
        return;
    }
    const QRectF area = plotArea();
    const QPointF at = chart()->mapFromScene(mapToScene(bucketPosition(*bucket)));
    m_hoverLine->setLine(at.x(), area.top(), at.x(), area.bottom());
    m_hoverLine->show();
    if (bucket != m_hovered) {
        m_hovered = bucket;
        QToolTip::showText(globalPos, bucketToolTip(*bucket), this);
    }
}

void VolumeChartView::mousePressEvent(QMouseEvent *event)
{
    // The scene gets the press first: legend markers are items in it.
    QChartView::mousePressEvent(event);
    m_pressed
        = event->button() == Qt::LeftButton ? bucketAt(event->position().toPoint()) : std::nullopt;
    event->accept();
}

void VolumeChartView::mouseReleaseEvent(QMouseEvent *event)
{
    QChartView::mouseReleaseEvent(event);
    const std::optional<int> bucket = bucketAt(event->position().toPoint());
    if (event->button() == Qt::LeftButton && bucket && bucket == m_pressed) {
        emit bucketClicked(*bucket);
    }
    m_pressed.reset();
    event->accept();
}

void VolumeChartView::mouseMoveEvent(QMouseEvent *event)
{
    hover(bucketAt(event->position().toPoint()), event->globalPosition().toPoint());
    // The scene still sees the move: legend markers and the chart's items stay interactive.
    QChartView::mouseMoveEvent(event);
}

void VolumeChartView::leaveEvent(QEvent *event)
{
    hover(std::nullopt, {});
    QChartView::leaveEvent(event);
}

void VolumeChartView::resizeEvent(QResizeEvent *event)
{
    QChartView::resizeEvent(event);
    hover(std::nullopt, {});
    placeOverlays();
}

void VolumeChartView::changeEvent(QEvent *event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        applyPalette();
    }
}

void VolumeChartView::placeOverlays()
{
    const QRect whole = viewport()->rect();
    QRect area = whole;
    const QRectF plot = plotArea();
    if (m_axisX->isVisible() && plot.width() > 0) {
        area = mapFromScene(chart()->mapToScene(plot)).boundingRect();
    }
    m_placeholder->setGeometry(area.adjusted(8, 4, -8, -4));
    const QSize badge = m_busy->sizeHint();
    m_busy->setGeometry(QRect(QPoint(area.right() - badge.width() - 6, area.top() + 6), badge));
    m_busy->raise();
}
