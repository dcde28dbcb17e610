#include "chartpanel.h"

#include "auditworker.h"
#include "volumechart.h"

#include <QVBoxLayout>

ChartPanel::ChartPanel(QWidget *parent)
    : QWidget(parent)
    , m_worker(new AuditWorker(this))
    , m_chart(new VolumeChart)
    , m_volume(m_worker)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_chart);

    connect(m_chart, &VolumeChart::periodChanged, this, [this] { reload(); });
    connect(m_chart, &VolumeChart::actionFilterChanged, this, [this] { reload(); });
    connect(m_chart, &VolumeChart::groupingChanged, this, [this] { reload(); });
    connect(m_chart, &VolumeChart::bucketClicked, this, &ChartPanel::drillDownRequested);
    connect(m_worker, &AuditWorker::connected, this, [this](quint64 id) {
        if (m_connect.take(id)) {
            m_connected = true;
            reload(true);
        }
    });
    connect(m_worker, &AuditWorker::volumeLoaded, this, &ChartPanel::onSeries);
    connect(m_worker, &AuditWorker::queryFailed, this, &ChartPanel::onFailed);
}

void ChartPanel::connectTo(const ConnectionSettings &settings)
{
    m_volume.abandon();
    m_connected = false;
    m_chart->setBusy(true);
    m_connect.start(m_worker->connectTo(settings));
}

void ChartPanel::setTableFilter(const AuditFilter &filter)
{
    m_tableFilter = filter;
    if (m_chart->followsTableFilter()) {
        reload();
    }
}

void ChartPanel::setActionChoices(const QStringList &actions)
{
    m_chart->setActionChoices(actions);
}

void ChartPanel::setUtc(bool utc)
{
    if (utc == m_utc) {
        return;
    }
    m_utc = utc;
    m_chart->setTimeZone(utc ? QTimeZone::utc() : QTimeZone::systemTimeZone());
    reload();
}

void ChartPanel::setPerTenantAvailable(bool available)
{
    m_chart->setPerTenantAvailable(available);
}

AuditFilter ChartPanel::chartFilter() const
{
    AuditFilter filter;
    if (m_chart->followsTableFilter()) {
        filter = m_tableFilter;
        // The chart's period is its time range; a drill-down narrows the table, not the chart.
        filter.since.reset();
        filter.until.reset();
    } else {
        filter.actions = m_chart->detachedActions();
    }
    return filter;
}

void ChartPanel::reload(bool recountAll)
{
    if (!m_connected) {
        return;
    }
    m_chart->setBusy(true);
    m_volume.start(m_worker->loadVolume(chartFilter(), m_chart->period(),
        m_utc ? QTimeZone::utc() : QTimeZone::systemTimeZone(), recountAll, m_chart->grouping()));
}

void ChartPanel::onSeries(quint64 requestId, const VolumeSeries &series)
{
    if (!m_volume.take(requestId)) {
        return;
    }
    m_chart->setSeries(series);
    emit seriesShown();
}

void ChartPanel::onFailed(quint64 requestId, const QueryError &error)
{
    if (!m_connected && m_connect.take(requestId)) {
        m_chart->setBusy(false);
        // The window's banner says why; the chart only says that it has nothing to show.
        m_chart->showError(tr("Not connected"));
        return;
    }
    if (!m_volume.take(requestId)) {
        return;
    }
    m_chart->setBusy(false);
    if (error.kind != QueryError::Kind::Cancelled) {
        m_chart->showError(error.message);
    }
}
