#pragma once

#include "auditfilter.h"
#include "connectionsettings.h"
#include "latestrequest.h"

#include <QWidget>

class AuditWorker;
class VolumeChart;
struct QueryError;
struct VolumeSeries;

// The volume chart with a worker and connection of its own. It follows the table's
// filter (all but its time range, which the chart's period replaces) unless the chart's
// action filter is detached, and asks for a drill-down when a bucket is clicked.
// Thread: the GUI thread.
class ChartPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ChartPanel(QWidget *parent = nullptr);

    VolumeChart *chart() const { return m_chart; }

    void connectTo(const ConnectionSettings &settings);
    // The table's filter changed; reloads when the chart follows it.
    void setTableFilter(const AuditFilter &filter);
    void setActionChoices(const QStringList &actions);
    void setUtc(bool utc);
    // Reading many schemas: the chart offers its per-tenant bands.
    void setPerTenantAvailable(bool available);
    // Reloads; closed buckets come from the cache unless `recountAll`.
    void reload(bool recountAll = false);
    // What the chart counts: the table's filter without its time range, or the detached actions.
    AuditFilter chartFilter() const;

signals:
    void drillDownRequested(AuditTimestamp from, AuditTimestamp until);
    // A chart finished loading (tests and the stall probe wait on it).
    void seriesShown();

private:
    void onSeries(quint64 requestId, const VolumeSeries &series);
    void onFailed(quint64 requestId, const QueryError &error);

    AuditWorker *m_worker;
    VolumeChart *m_chart;
    AuditFilter m_tableFilter;
    bool m_connected = false;
    bool m_utc = false;
    LatestRequest m_connect;
    LatestRequest m_volume; // a reload cancels the count still running
};
