#include "llmpageloader.h"

#include "auditworker.h"
#include "llmtablemodel.h"

#include <algorithm>

LlmPageLoader::LlmPageLoader(LlmTableModel *model, QObject *parent)
    : KeysetPager(parent)
    , m_model(model)
{
    connect(
        pageWorker(), &AuditWorker::llmPageLoaded, this, [this](quint64 id, const LlmPage &page) {
            // LlmRepository hands a backward page over in display order already; the
            // navigator turns a backward page round, as the audit log's comes nearest first.
            QList<LlmCall> calls = page.calls;
            if (pendingRequest().reversed) {
                std::reverse(calls.begin(), calls.end());
            }
            takePage(
                id, calls, page.hasMore, page.notes,
                [](const LlmCall &call) {
                    PageCursor cursor;
                    cursor.startedAt = call.startedAt;
                    cursor.id = call.id;
                    cursor.schema = call.schema;
                    return cursor;
                },
                [this](const QList<LlmCall> &rows, bool quiet) { m_model->setCalls(rows, quiet); });
        });
    connect(countWorker(), &AuditWorker::llmCountLoaded, this, &LlmPageLoader::takeCount);
}

void LlmPageLoader::setFilter(const LlmFilter &filter)
{
    m_filter = filter;
    restart();
}

void LlmPageLoader::setOldestFirst(bool oldestFirst)
{
    if (oldestFirst == m_oldestFirst) {
        return;
    }
    m_oldestFirst = oldestFirst;
    changeNavigator().setOrder(oldestFirst ? SortOrder::OldestFirst : SortOrder::NewestFirst);
    if (isConnected()) {
        move(PageNavigator::Move::First);
    }
}

quint64 LlmPageLoader::requestPage(const PageNavigator::Request &request)
{
    return pageWorker()->loadLlmPage(
        m_filter, pageSize(), request.after, m_oldestFirst, request.reversed);
}

quint64 LlmPageLoader::requestCount(bool exact)
{
    return countWorker()->countLlmCalls(m_filter, exact);
}

QString LlmPageLoader::loadingText(const PageNavigator::Request &request) const
{
    return m_filter.search.isEmpty() ? KeysetPager::loadingText(request)
                                     : tr("Searching input, output and error…");
}
