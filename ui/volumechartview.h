#pragma once

#include "volumecharttimeline.h"
#include "volumestats.h"

#include <QChartView>
#include <QSet>
#include <QTimeZone>

#include <optional>

class QCategoryAxis;
class QFrame;
class QGraphicsLineItem;
class QLabel;
class QLegendMarker;
class QLineSeries;
class QScatterSeries;
class QValueAxis;

// The plot of the volume chart: a thick total line, optionally the five busiest actions and
// "other", the peak marked, a legend whose entries hide and show their lines, a hover line
// with a tooltip of the bucket's counts, and overlays for a placeholder text and a busy badge.
// Positions are in this view's viewport coordinates. Thread: the GUI thread.
class VolumeChartView : public QChartView
{
    Q_OBJECT
public:
    explicit VolumeChartView(QWidget *parent = nullptr);

    const VolumeSeries &series() const { return m_series; }
    void setSeries(const VolumeSeries &series);
    void setActionLines(bool show);
    void setTimeZone(const QTimeZone &zone);
    // Text shown instead of the lines (empty state, error); empty: the lines are drawn.
    // `withAxes` keeps the axes of the period behind the text.
    void setPlaceholder(const QString &text, bool withAxes);
    QString placeholder() const;
    void setBusy(bool busy);

    std::optional<int> bucketAt(QPoint pos) const;
    QPoint bucketPosition(int index) const;
    std::optional<int> peakBucket() const { return m_peak; }
    // The hover tooltip of a bucket (rich text with database text escaped).
    QString bucketToolTip(int index) const;

signals:
    void bucketClicked(int index);

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void rebuild();
    QLineSeries *addLine(
        const QString &key, const QString &name, const QList<qint64> &counts, const QPen &pen);
    void addPeak(const QColor &color);
    void updateAxes();
    void updateTicks();
    void applyPalette();
    void toggleLine(QLegendMarker *marker);
    void styleMarker(QLegendMarker *marker);
    void placeOverlays();
    void hover(std::optional<int> bucket, QPoint globalPos);
    QRectF plotArea() const;

    VolumeSeries m_series;
    VolumeChartTimeline m_timeline;
    QTimeZone m_zone = QTimeZone::systemTimeZone();
    bool m_actionLines = false;
    bool m_drawLines = false;
    std::optional<int> m_peak;
    std::optional<int> m_pressed;
    std::optional<int> m_hovered;
    QSet<QString> m_hiddenLines; // keys of lines the user hid; kept across reloads
    QCategoryAxis *m_axisX;
    QValueAxis *m_axisY;
    QLineSeries *m_total = nullptr;
    QScatterSeries *m_peakSeries = nullptr;
    QList<VolumeChartTimeline::Tick> m_ticks;
    QGraphicsLineItem *m_hoverLine;
    QLabel *m_placeholder;
    bool m_placeholderAxes = false;
    QFrame *m_busy;
};
