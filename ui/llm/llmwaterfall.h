#pragma once

#include "llmcall.h"

#include <QAbstractScrollArea>
#include <QList>

// The calls of one LLM run on a time axis (milliseconds from the run's first start, with
// tick labels over the rows): one row per call in start order, nested by parent_span_id (a
// call whose parent_span_id is another call's span_id sits under it; the others under the
// run's operation, the first row). Each row names the call (scope · model, indented by its
// depth) and draws its bar from start to end, labelled with its tokens and duration; a failed
// call's bar is red and its label starts with "✖ error". Hovering a row shows the call in a
// tooltip (its error start masked); clicking a call, or Enter on the current one, asks for
// the call window (callActivated). Only the rows in view are painted, so a run of thousands
// of calls opens and scrolls at once.
// Thread: the GUI thread.
class LlmWaterfall : public QAbstractScrollArea
{
    Q_OBJECT
public:
    explicit LlmWaterfall(QWidget *parent = nullptr);

    void setRun(const LlmRunCalls &run);
    void setUtc(bool utc) { m_utc = utc; }

    // Rows: 0 is the run's operation, then one per call.
    int rowCount() const { return int(m_rows.size()); }
    // The call of `row` (nullptr for the operation row or a row out of range).
    const LlmCall *callAt(int row) const;
    int depthAt(int row) const;
    // The row showing call `id`, or -1.
    int rowOf(const QString &callId) const;
    // The name of row `row` (scope · model) and the label on its bar (tokens · duration, a
    // failed call's starting with "✖ error").
    QString nameAt(int row) const;
    QString barTextAt(int row) const;
    // Where row `row`'s bar is drawn, in viewport coordinates (empty when out of view).
    QRect barRect(int row) const;
    // The row under viewport point `pos`, or -1.
    int rowAt(const QPoint &pos) const;
    int currentRow() const { return m_current; }
    void setCurrentRow(int row);
    // The run's length the axis spans, in microseconds.
    qint64 spanMicros() const { return m_span; }
    // The tick labels the axis draws at the current width.
    QStringList tickLabels() const;
    // Rows painted by the last paint (the ones in view).
    int paintedRows() const { return m_paintedRows; }

    static constexpr int kRowHeight = 24;
    static constexpr int kAxisHeight = 26;

signals:
    void callActivated(const QString &callId);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    struct Row
    {
        int call = -1; // index into m_run.calls; -1 for the operation row
        int depth = 0;
        qint64 start = 0; // microseconds from the run's start
        qint64 end = 0;
        QString name; // scope · model, display-safe
        QString barText; // tokens · duration, display-safe
    };

    void buildRows();
    void updateScrollBars();
    int labelWidth() const;
    // The x of `micros` from the run's start on the axis.
    double xOf(qint64 micros) const;
    // Tick step in microseconds for the current width.
    qint64 tickStep() const;
    QString tickLabel(qint64 micros, qint64 step) const;
    QString toolTipOf(int row) const;
    void paintAxis(QPainter &painter, int labelColumn);
    void paintRow(QPainter &painter, int row, int y, int labelColumn);
    void ensureVisible(int row);

    LlmRunCalls m_run;
    QList<Row> m_rows;
    qint64 m_span = 1;
    int m_current = -1;
    int m_hovered = -1;
    int m_paintedRows = 0;
    bool m_utc = false;
};
