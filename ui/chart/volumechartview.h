#pragma once

#include <QChartView>

#include <optional>

class QFrame;
class QGraphicsLineItem;
class QLabel;
class VolumeChartPlot;

// Shows a VolumeChartPlot and makes it answer the mouse: a dashed line and a tooltip follow
// the hovered bucket (the tooltip stays while the pointer rests there), and a click on a
// bucket is reported. Over the plot it lays a
// placeholder text (empty period, error) and a busy badge in the corner. Positions are in
// this view's viewport coordinates. Thread: the GUI thread.
class VolumeChartView : public QChartView
{
    Q_OBJECT
public:
    explicit VolumeChartView(QWidget *parent = nullptr);

    VolumeChartPlot *plot() const { return m_plot; }

    // Text shown instead of the lines; empty: the lines are drawn. `withAxes` keeps the
    // period's axes behind the text.
    void setPlaceholder(const QString &text, bool withAxes);
    QString placeholder() const;
    void setBusy(bool busy);

    std::optional<int> bucketAt(QPoint pos) const;
    QPoint bucketPosition(int index) const;

signals:
    void bucketClicked(int index);

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;
    bool viewportEvent(QEvent *event) override;

private:
    void applyPalette();
    void placeOverlays();
    void hover(std::optional<int> bucket, QPoint globalPos);

    VolumeChartPlot *m_plot;
    QGraphicsLineItem *m_hoverLine;
    QLabel *m_placeholder;
    QFrame *m_busy;
    std::optional<int> m_pressed;
    std::optional<int> m_hovered;
};
