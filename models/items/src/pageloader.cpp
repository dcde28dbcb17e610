#include "pageloader.h"

#include "audittablemodel.h"
#include "auditworker.h"

PageLoader::PageLoader(AuditTableModel *model, QObject *parent)
    : QObject(parent)
    , m_model(model)
    , m_pageWorker(new AuditWorker(this))
    , m_countWorker(new AuditWorker(this))
    , m_page(m_pageWorker) // a newer move cancels the one still running: its answer would be stale
    , m_estimate(m_countWorker)
    , m_exact(m_countWorker)
{
    connect(m_pageWorker, &AuditWorker::connected, this,
        [this](quint64 id, const ConnectionInfo &info) {
            if (m_connect.take(id)) {
                m_connected = true;
                setLoading(false);
                emit connected(info);
            }
        });
    connect(m_pageWorker, &AuditWorker::pageLoaded, this, &PageLoader::onPage);
    connect(m_pageWorker, &AuditWorker::queryFailed, this, &PageLoader::onPageFailed);
    connect(m_countWorker, &AuditWorker::countLoaded, this, &PageLoader::onCount);
    connect(m_countWorker, &AuditWorker::queryFailed, this,
        [this](quint64 id, const QueryError &error) {
            if (error.kind != QueryError::Kind::Cancelled && m_exact.take(id)) {
                m_exactCountQueued = false;
                emit countFailed(error);
            }
        });
}

void PageLoader::connectTo(const ConnectionSettings &settings)
{
    cancel();
    m_connected = false;
    setLoading(true, tr("Connecting…"));
    m_connect.start(m_pageWorker->connectTo(settings));
    m_countWorker->connectTo(settings);
}

void PageLoader::setFilter(const AuditFilter &filter)
{
    m_filter = filter;
    if (!m_connected) {
        return;
    }
    m_navigator.forgetPosition();
    m_total.reset();
    recount();
    move(PageNavigator::Move::First);
}

void PageLoader::setPageSize(int size)
{
    m_navigator.setPageSize(size);
    if (m_connected) {
        move(PageNavigator::Move::First);
    }
}

void PageLoader::setOrder(SortOrder order)
{
    const bool sameRows = order == m_navigator.order()
        || (order != SortOrder::RecentlyFinishedFirst
            && m_navigator.order() != SortOrder::RecentlyFinishedFirst);
    m_navigator.setOrder(order);
    if (m_connected) {
        if (!sameRows) {
            recount(); // the recent past or all of the filter's rows
        }
        move(PageNavigator::Move::First);
    }
}

AuditFilter PageLoader::listedFilter() const
{
    return filterForOrder(m_filter, m_navigator.order(), m_countedAt);
}

void PageLoader::move(PageNavigator::Move move, bool quiet)
{
    if (!m_connected) {
        return;
    }
    m_pending = m_navigator.request(move);
    m_pendingQuiet = quiet;
    m_timer.start();
    m_page.start(m_pageWorker->loadPage(listedFilter(), m_navigator.pageSize(), m_pending.after,
        m_pending.order, m_pending.reversed));
    if (!quiet) {
        // Nothing indexes durations: say why a large table takes a while.
        setLoading(true,
            !m_filter.search.isEmpty()             ? tr("Searching request and response…")
                : isDurationOrder(m_pending.order) ? tr("Sorting by duration…")
                                                   : tr("Loading…"));
    }
}

void PageLoader::recount()
{
    m_exactCountQueued = false;
    startEstimate();
    m_exact.start(m_countWorker->countExactly(listedFilter()));
    emit countChanged();
}

void PageLoader::startEstimate()
{
    m_totalExact = false;
    m_countedAt = AuditTimestamp::fromDateTime(QDateTime::currentDateTimeUtc());
    m_estimate.start(m_countWorker->estimateCount(listedFilter()));
}

void PageLoader::recountLive()
{
    if (!m_connected) {
        return;
    }
    if (!m_exact.isPending()) {
        recount();
        return;
    }
    startEstimate();
    m_exactCountQueued = true;
}

void PageLoader::retry()
{
    move(m_failedMove.value_or(PageNavigator::Move::Reload));
    recount();
}

void PageLoader::cancel()
{
    for (LatestRequest *request : { &m_page, &m_estimate, &m_exact }) {
        request->abandon();
    }
    m_exactCountQueued = false;
    setLoading(false);
}

void PageLoader::onPage(quint64 requestId, const AuditPage &page)
{
    if (!m_page.take(requestId)) {
        return; // an answer to a request that was replaced
    }
    if (m_navigator.needsFirstInstead(m_pending, page)) {
        move(PageNavigator::Move::First);
        return;
    }
    const qint64 elapsed = m_timer.elapsed();
    const QList<AuditEntry> rows
        = m_navigator.accept(m_pending, page, m_totalExact ? m_total : std::nullopt);
    m_model->setEntries(rows, m_pendingQuiet);
    m_notes = page.notes;
    m_failedMove.reset();
    setLoading(false);
    emit pageShown(elapsed, m_pendingQuiet);
}

void PageLoader::onPageFailed(quint64 requestId, const QueryError &error)
{
    if (!m_connected && m_connect.take(requestId)) {
        setLoading(false);
        emit connectionFailed(error);
        return;
    }
    if (!m_page.take(requestId)) {
        return;
    }
    setLoading(false);
    // The last good page stays; retry() repeats the move that failed.
    if (error.kind != QueryError::Kind::Cancelled) {
        m_failedMove = m_pending.move;
    }
    emit pageFailed(error);
}

void PageLoader::onCount(quint64 requestId, qint64 count, bool exact)
{
    if (m_estimate.take(requestId)) {
        if (m_totalExact) {
            return; // the exact count came first
        }
    } else if (m_exact.take(requestId)) {
        if (m_exactCountQueued) {
            m_exactCountQueued = false;
            m_exact.start(m_countWorker->countExactly(listedFilter()));
        }
    } else {
        return;
    }
    m_total = count;
    m_totalExact = exact;
    emit countChanged();
}

void PageLoader::setLoading(bool loading, const QString &what)
{
    emit loadingChanged(loading, what);
}
