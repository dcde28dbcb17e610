#include "llmrunloader.h"

#include "auditworker.h"
#include "llmruntablemodel.h"

LlmRunLoader::LlmRunLoader(AuditWorker *worker, LlmRunTableModel *model, QObject *parent)
    : QObject(parent)
    , m_worker(worker)
    , m_model(model)
    , m_request(worker)
{
    connect(m_worker, &AuditWorker::llmRunsLoaded, this, &LlmRunLoader::onRuns);
    connect(m_worker, &AuditWorker::queryFailed, this, [this](quint64 id, const QueryError &error) {
        if (m_request.take(id)) {
            emit pageFailed(error);
        }
    });
}

void LlmRunLoader::setFilter(const LlmFilter &filter)
{
    m_filter = filter;
    first();
}

void LlmRunLoader::setPageSize(int size)
{
    m_pageSize = size;
    first();
}

void LlmRunLoader::first()
{
    m_pageStarts = { std::nullopt };
    load(0);
}

void LlmRunLoader::next()
{
    if (m_hasNext && m_pageIndex + 1 < m_pageStarts.size()) {
        load(m_pageIndex + 1);
    }
}

void LlmRunLoader::previous()
{
    if (m_pageIndex > 0) {
        load(m_pageIndex - 1);
    }
}

void LlmRunLoader::reload()
{
    if (m_pageStarts.isEmpty()) {
        first();
    } else {
        load(m_pageIndex);
    }
}

void LlmRunLoader::load(int pageIndex)
{
    m_pendingIndex = pageIndex;
    m_request.start(m_worker->loadLlmRuns(m_filter, m_pageSize, m_pageStarts.at(pageIndex)));
}

void LlmRunLoader::onRuns(quint64 requestId, const LlmRunPage &page)
{
    if (!m_request.take(requestId)) {
        return;
    }
    m_pageIndex = m_pendingIndex;
    m_hasNext = page.hasMore && !page.runs.isEmpty();
    m_pageStarts.resize(m_pageIndex + 1);
    if (m_hasNext) {
        const LlmRun &last = page.runs.last();
        PageCursor after;
        after.startedAt = last.lastStart;
        after.id = last.lastCallId;
        after.schema = last.schema;
        m_pageStarts.append(after);
    }
    m_model->setRuns(page.runs);
    emit pageShown();
}
