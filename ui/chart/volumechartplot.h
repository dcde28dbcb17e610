#pragma once

#include "volumecharttimeline.h"
#include "volumestats.h"

#include <QChart>
#include <QColor>
#include <QHash>
#include <QPalette>
#include <QSet>
#include <QTimeZone>

#include <optional>

class QCategoryAxis;
class QGraphicsRectItem;
class QGraphicsSimpleTextItem;
class QAbstractSeries;
class QAreaSeries;
class QLegendMarker;
class QLineSeries;
class QScatterSeries;
class QValueAxis;

// What the volume chart draws: a thick total line and, on request, the five busiest actions
// and "other" as bands stacked under it (each band as thick as its share, so that a small
// action is a visible stripe instead of a line flat on the axis; the stack's top is the total);
// the peak marked with its count (not in the legend); a time axis labelled in the display zone
// and a count axis from 0 with integer ticks. When one action makes up the whole series, the
// total is its only series. Clicking a legend entry hides its line or band (the stack closes
// up) and dims the entry; hidden entries stay hidden across new series. The peak's and the
// open bucket's labels stay inside the plot and apart. Positions are in this chart's
// coordinates. Thread: the GUI thread.
class VolumeChartPlot : public QChart
{
    Q_OBJECT
public:
    VolumeChartPlot();

    const VolumeSeries &series() const { return m_series; }
    const VolumeChartTimeline &timeline() const { return m_timeline; }
    void setSeries(const VolumeSeries &series);
    void setActionLines(bool show);
    // The buckets' groups are tenants (schemas), not actions: the tooltip says so.
    void setGroupedByTenant(bool byTenant) { m_byTenant = byTenant; }
    void setTimeZone(const QTimeZone &zone);
    // A legend entry of a band asks to filter by its group (groupClicked) instead of hiding
    // the band; the total and "other" still hide and show.
    void setLegendFilters(bool filters) { m_legendFilters = filters; }
    // Fixed colours for the bands of these groups (an error band red); others take the
    // theme's series colours in stack order. Applies from the next setSeries().
    void setBandColors(const QHash<QString, QColor> &colors) { m_bandColors = colors; }
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
    // Where the peak's label ("peak 1,234") and the open bucket's "so far" are drawn, in this
    // chart's coordinates; null while hidden.
    QRectF peakLabelRect() const;
    QRectF openBucketLabelRect() const;
    QString peakLabelText() const;

signals:
    // With setLegendFilters(true): the legend entry of the band of `group` was clicked.
    void groupClicked(const QString &group);

private:
    void rebuild();
    QLineSeries *addLine(
        const QString &key, const QString &name, const QList<qint64> &counts, const QPen &pen);
    void addBands(const QStringList &actions, const QList<qint64> &other);
    void restack();
    void addPeak(const QColor &color);
    void placeLabels();
    void updateAxes();
    void updateTicks();
    void toggleLine(QLegendMarker *marker);
    void styleMarker(QLegendMarker *marker);
    void placeOverlays(); // the open bucket's band and the labels
    void placeOpenBucketBand();
    void finishSeries(QAbstractSeries *series, const QString &key, const QString &name);

    VolumeSeries m_series;
    VolumeChartTimeline m_timeline;
    QTimeZone m_zone = QTimeZone::systemTimeZone();
    QPalette m_palette;
    QFont m_font;
    bool m_actionLines = false;
    bool m_byTenant = false;
    bool m_legendFilters = false;
    QHash<QString, QColor> m_bandColors;
    bool m_linesShown = false;
    bool m_axesShown = false;
    std::optional<int> m_peak;
    QSet<QString> m_hiddenLines; // keys of the lines the user hid
    QCategoryAxis *m_axisX;
    QValueAxis *m_axisY;
    QLineSeries *m_total = nullptr;
    QScatterSeries *m_peakSeries = nullptr;
    QList<QAreaSeries *> m_bands; // bottom first, stacked in this order
    QList<QList<qint64>> m_bandCounts; // each band's counts, bucket by bucket
    QGraphicsSimpleTextItem *m_peakLabel;
    QList<VolumeChartTimeline::Tick> m_ticks;
    QGraphicsRectItem *m_openBand;
    QGraphicsSimpleTextItem *m_openLabel;
};
