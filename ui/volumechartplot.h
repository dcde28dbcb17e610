#pragma once

#include "volumecharttimeline.h"
#include "volumestats.h"

#include <QChart>
#include <QPalette>
#include <QSet>
#include <QTimeZone>

#include <optional>

class QCategoryAxis;
class QGraphicsRectItem;
class QGraphicsSimpleTextItem;
class QLegendMarker;
class QLineSeries;
class QScatterSeries;
class QValueAxis;

// What the volume chart draws: a thick total line and, on request, the five busiest actions
// and "other"; the peak marked with its count (not in the legend); a time axis labelled in
// the display zone and a count axis from 0 with integer ticks. Clicking a legend entry hides
// its line and dims the entry; hidden lines stay hidden across new series. Positions are in
// this chart's coordinates. Thread: the GUI thread.
class VolumeChartPlot : public QChart
{
    Q_OBJECT
public:
    VolumeChartPlot();

    const VolumeSeries &series() const { return m_series; }
    const VolumeChartTimeline &timeline() const { return m_timeline; }
    void setSeries(const VolumeSeries &series);
    void setActionLines(bool show);
    void setTimeZone(const QTimeZone &zone);
    // Whether lines are drawn, and whether the axes are (a placeholder may keep them).
    void setShown(bool lines, bool axes);
    bool showsLines() const { return m_linesShown; }
    bool showsAxes() const { return m_axesShown; }
    // Colours and fonts of the widget that shows the chart (light or dark theme).
    void applyPalette(const QPalette &palette, const QFont &font);

    std::optional<int> bucketAt(QPointF pos) const;
    QPointF bucketPoint(int index) const;
    std::optional<int> peakBucket() const { return m_peak; }
    // Rich text with database text escaped: the bucket's span, total and busiest actions.
    QString bucketToolTip(int index) const;
    // The plot area, laid out now if a change is pending (positions asked right after one).
    QRectF currentPlotArea() const;
    // The shaded span from the last closed bucket to the open one, whose count is still
    // growing, with its "so far" label; null while no lines are drawn.
    const QGraphicsRectItem *openBucketBand() const
    {
        return m_openBand->isVisible() ? m_openBand : nullptr;
    }

private:
    void rebuild();
    QLineSeries *addLine(
        const QString &key, const QString &name, const QList<qint64> &counts, const QPen &pen);
    void addPeak(const QColor &color);
    void updateAxes();
    void updateTicks();
    void toggleLine(QLegendMarker *marker);
    void styleMarker(QLegendMarker *marker);
    void placeOpenBucketBand();

    VolumeSeries m_series;
    VolumeChartTimeline m_timeline;
    QTimeZone m_zone = QTimeZone::systemTimeZone();
    QPalette m_palette;
    QFont m_font;
    bool m_actionLines = false;
    bool m_linesShown = false;
    bool m_axesShown = false;
    std::optional<int> m_peak;
    QSet<QString> m_hiddenLines; // keys of the lines the user hid
    QCategoryAxis *m_axisX;
    QValueAxis *m_axisY;
    QLineSeries *m_total = nullptr;
    QScatterSeries *m_peakSeries = nullptr;
    QList<VolumeChartTimeline::Tick> m_ticks;
    QGraphicsRectItem *m_openBand;
    QGraphicsSimpleTextItem *m_openLabel;
};
