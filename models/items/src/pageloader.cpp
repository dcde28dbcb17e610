#include "pageloader.h"

#include "audittablemodel.h"
#include "auditworker.h"

PageLoader::PageLoader(AuditTableModel *model, QObject *parent)
    : KeysetPager(parent)
    , m_model(model)
{
    connect(
        pageWorker(), &AuditWorker::pageLoaded, this, [this](quint64 id, const AuditPage &page) {
            takePage(
                id, page.entries, page.hasMore, page.notes,
                [](const AuditEntry &entry) { return PageCursor::after(entry); },
                [this](const QList<AuditEntry> &rows, bool quiet) {
                    m_model->setEntries(rows, quiet);
                });
        });
    connect(countWorker(), &AuditWorker::countLoaded, this, &PageLoader::takeCount);
}

void PageLoader::setFilter(const AuditFilter &filter)
{
    m_filter = filter;
    restart();
}

void PageLoader::setOrder(SortOrder order)
{
    const bool sameRows = order == navigator().order()
        || (order != SortOrder::RecentlyFinishedFirst
            && navigator().order() != SortOrder::RecentlyFinishedFirst);
    changeNavigator().setOrder(order);
    if (isConnected()) {
        if (!sameRows) {
            recount(); // the recent past or all of the filter's rows
        }
        move(PageNavigator::Move::First);
    }
}

AuditFilter PageLoader::listedFilter() const
{
    return filterForOrder(m_filter, navigator().order(), countedAt());
}

quint64 PageLoader::requestPage(const PageNavigator::Request &request)
{
    return pageWorker()->loadPage(
        listedFilter(), pageSize(), request.after, request.order, request.reversed);
}

quint64 PageLoader::requestCount(bool exact)
{
    return exact ? countWorker()->countExactly(listedFilter())
                 : countWorker()->estimateCount(listedFilter());
}

QString PageLoader::loadingText(const PageNavigator::Request &request) const
{
    // Nothing indexes durations: say why a large table takes a while.
    return !m_filter.search.isEmpty()    ? tr("Searching request and response…")
        : isDurationOrder(request.order) ? tr("Sorting by duration…")
                                         : tr("Loading…");
}
