#include "latestrequest.h"

#include "auditworker.h"

LatestRequest::LatestRequest(AuditWorker *worker, Superseded superseded)
    : m_worker(worker)
    , m_superseded(superseded)
{
}

void LatestRequest::start(quint64 requestId)
{
    if (m_superseded == Superseded::Cancel) {
        cancel();
    }
    m_id = requestId;
}

bool LatestRequest::take(quint64 requestId)
{
    if (!isCurrent(requestId)) {
        return false;
    }
    m_id = 0;
    return true;
}

void LatestRequest::cancel()
{
    if (m_id != 0 && m_worker) {
        m_worker->cancel(m_id);
    }
}

void LatestRequest::abandon()
{
    cancel();
    m_id = 0;
}
