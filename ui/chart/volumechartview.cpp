#include "volumechartview.h"

#include "volumechartplot.h"

#include <QFrame>
#include <QGraphicsLineItem>
#include <QGraphicsScene>
#include <QHBoxLayout>
#include <QHelpEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QProgressBar>
#include <QToolTip>

#include <limits>

namespace {

// A bucket's tooltip stays until the pointer leaves the bucket, not for Qt's ten seconds.
constexpr int kToolTipTime = std::numeric_limits<int>::max();

} // namespace

VolumeChartView::VolumeChartView(QWidget *parent)
    : QChartView(parent)
    , m_plot(new VolumeChartPlot)
    , m_hoverLine(new QGraphicsLineItem(m_plot))
    , m_placeholder(new QLabel(viewport()))
    , m_busy(new QFrame(viewport()))
{
    setObjectName(QStringLiteral("chartView"));
    setChart(m_plot);
    setFrameShape(QFrame::NoFrame);
    setRenderHint(QPainter::Antialiasing);
    setMouseTracking(true);
    m_hoverLine->setZValue(1000);
    m_hoverLine->hide();
    connect(m_plot, &QChart::plotAreaChanged, this, &VolumeChartView::placeOverlays);

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

void VolumeChartView::setPlaceholder(const QString &text, bool withAxes)
{
    hover(std::nullopt, {});
    m_placeholder->setText(text);
    m_placeholder->setVisible(!text.isEmpty());
    m_plot->setShown(text.isEmpty(), text.isEmpty() || withAxes);
    placeOverlays();
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

std::optional<int> VolumeChartView::bucketAt(QPoint pos) const
{
    return m_plot->bucketAt(m_plot->mapFromScene(mapToScene(pos)));
}

QPoint VolumeChartView::bucketPosition(int index) const
{
    const QPointF at = m_plot->bucketPoint(index);
    return at.isNull() ? QPoint() : mapFromScene(m_plot->mapToScene(at));
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
    const QRectF area = m_plot->currentPlotArea();
    const qreal x = m_plot->bucketPoint(*bucket).x();
    m_hoverLine->setLine(x, area.top(), x, area.bottom());
    m_hoverLine->show();
    if (bucket != m_hovered) {
        m_hovered = bucket;
        QToolTip::showText(globalPos, m_plot->bucketToolTip(*bucket), this, {}, kToolTipTime);
    }
}

bool VolumeChartView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        // Qt asks for a tooltip once the pointer rests; the scene would answer with none
        // (the lines are no items with tooltips) and hide the bucket's.
        const auto *help = static_cast<QHelpEvent *>(event);
        if (const std::optional<int> bucket = bucketAt(help->pos())) {
            m_hovered = bucket;
            QToolTip::showText(
                help->globalPos(), m_plot->bucketToolTip(*bucket), this, {}, kToolTipTime);
            return true;
        }
    }
    return QChartView::viewportEvent(event);
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

void VolumeChartView::applyPalette()
{
    const QPalette colors = palette();
    hover(std::nullopt, {});
    m_plot->applyPalette(colors, font());
    QColor line = colors.color(QPalette::Text);
    line.setAlphaF(0.45F);
    m_hoverLine->setPen(QPen(line, 1, Qt::DashLine));
    QPalette placeholderColors = m_placeholder->palette();
    placeholderColors.setColor(QPalette::WindowText, colors.color(QPalette::PlaceholderText));
    m_placeholder->setPalette(placeholderColors);
    QFont larger = font();
    larger.setPointSizeF(larger.pointSizeF() * 1.15);
    m_placeholder->setFont(larger);
}

void VolumeChartView::placeOverlays()
{
    QRect area = viewport()->rect();
    const QRectF plotArea = m_plot->currentPlotArea();
    if (m_plot->showsAxes() && plotArea.width() > 0) {
        area = mapFromScene(m_plot->mapToScene(plotArea)).boundingRect();
    }
    m_placeholder->setGeometry(area.adjusted(8, 4, -8, -4));
    const QSize badge = m_busy->sizeHint();
    m_busy->setGeometry(QRect(QPoint(area.right() - badge.width() - 6, area.top() + 6), badge));
    m_busy->raise();
}
