#pragma once

#include "connectionsettings.h"
#include "latestrequest.h"
#include "llmcall.h"
#include "llmfilter.h"

#include <QTimeZone>
#include <QWidget>

class AuditWorker;
class QButtonGroup;
class QCheckBox;
class QComboBox;
class VolumeChartView;
struct QueryError;

// The LLM calls over time, above their table: today (hours) / 7 days / 30 days (days), in
// calls (stacked by status, per operation, per model, or the total) or tokens (input, output
// and cached stacked, the total, per operation or per model), per bucket or cumulative. It
// counts what the table's filter selects except its time range, with a worker and connection
// of its own and the worker's cache of closed buckets. It draws with the volume chart's plot
// and view: a click on a bucket asks to drill down; a click on the legend entry of an
// operation, model or status asks to filter by it. Thread: the GUI thread.
class LlmChart : public QWidget
{
    Q_OBJECT
public:
    enum class Metric { Calls, Tokens };
    enum class Breakdown { Stacked, Total, PerOperation, PerModel };
    Q_ENUM(Metric)
    Q_ENUM(Breakdown)

    explicit LlmChart(QWidget *parent = nullptr);

    void connectTo(const ConnectionSettings &settings);
    void setTableFilter(const LlmFilter &filter); // reloads when it changes what is counted
    void reload(bool recountAll = false);
    void setUtc(bool utc);

    VolumePeriod period() const;
    void setPeriod(VolumePeriod period);
    Metric shownMetric() const;
    void setMetric(Metric metric);
    Breakdown breakdown() const;
    void setBreakdown(Breakdown breakdown);
    bool isCumulative() const;
    void setCumulative(bool cumulative);

    // The series as the worker counted it, and as drawn (metric, breakdown, cumulative).
    const LlmStatsSeries &stats() const { return m_stats; }
    const VolumeSeries &drawnSeries() const;
    VolumeChartView *view() const { return m_view; }
    QString placeholderText() const;

    // What the plot draws of `stats`: per bucket a total and the groups stacked under it
    // (statuses; operations or models; input not cached, cached input and output tokens), summed up
    // to each bucket when `cumulative`. Group names are the exact values ("" for NULL); token
    // groups carry the translated names.
    static VolumeSeries plotted(
        const LlmStatsSeries &stats, Metric metric, Breakdown breakdown, bool cumulative);

signals:
    void drillDownRequested(AuditTimestamp from, AuditTimestamp until);
    // A legend entry was clicked: filter the table by this operation, model or status.
    void operationClicked(const QString &operation);
    void modelClicked(const QString &model);
    void statusClicked(const QString &status);
    void seriesShown();

private:
    void onStats(quint64 requestId, const LlmStatsSeries &series);
    void onFailed(quint64 requestId, const QueryError &error);
    void redraw();
    void onBucketClicked(int index);
    void onGroupClicked(const QString &group);
    void updatePlaceholder();

    AuditWorker *m_worker;
    VolumeChartView *m_view;
    QButtonGroup *m_periods;
    QComboBox *m_metric;
    QComboBox *m_breakdown;
    QCheckBox *m_cumulative;
    LlmFilter m_filter;
    LlmStatsSeries m_stats;
    QString m_error;
    bool m_connected = false;
    bool m_loaded = false;
    bool m_utc = false;
    LatestRequest m_connect;
    LatestRequest m_request;
};
