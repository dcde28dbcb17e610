#pragma once

#include "auditfilter.h"
#include "connectioninfo.h"
#include "connectionsettings.h"
#include "latestrequest.h"
#include "pagenavigator.h"
#include "queryerror.h"

#include <QElapsedTimer>
#include <QObject>
#include <QStringList>

#include <optional>

class AuditTableModel;
class AuditWorker;
struct AuditPage;

// Fills an AuditTableModel with the page the operator asked for: keyset moves on a paging
// worker, the planner's estimate and then the exact count on a counting worker (each with
// its own connection, so a long count never delays paging). A newer request cancels the
// one still running; answers to replaced requests are dropped.
// Thread: the GUI thread (it owns the model).
class PageLoader : public QObject
{
    Q_OBJECT
public:
    explicit PageLoader(AuditTableModel *model, QObject *parent = nullptr);

    void connectTo(const ConnectionSettings &settings);
    bool isConnected() const { return m_connected; }
    bool isLoading() const { return m_page.isPending(); }

    // A new filter: back to the first page, counted again.
    void setFilter(const AuditFilter &filter);
    const AuditFilter &filter() const { return m_filter; }
    // What the pages and counts read: filter() narrowed by the order (filterForOrder(), as of
    // the last count), so that the count is the count of the rows the order lists.
    AuditFilter listedFilter() const;
    // `quiet` moves (auto-refresh) do not report loading and mark rows that are new.
    void move(PageNavigator::Move move, bool quiet = false);
    void recount();
    // The counts again as recount() does (the estimate at once, the exact count when it
    // arrives) for auto-refresh: an exact count still running is left to finish and the next
    // one starts after it, so a count slower than the refresh interval still arrives.
    void recountLive();
    // Repeats the move that failed last (or reloads the page).
    void retry();
    void cancel();

    int pageSize() const { return m_navigator.pageSize(); }
    void setPageSize(int size);
    SortOrder order() const { return m_navigator.order(); }
    void setOrder(SortOrder order);

    const PageNavigator &navigator() const { return m_navigator; }
    std::optional<qint64> total() const { return m_total; }
    bool totalIsExact() const { return m_totalExact; }
    // Reading many schemas: the shown page's sentences on schemas it skipped (no access,
    // dropped while it was read).
    const QStringList &notes() const { return m_notes; }

signals:
    void connected(const ConnectionInfo &info);
    void connectionFailed(const QueryError &error);
    // Loading started (with what it is doing, for the status bar) or ended.
    void loadingChanged(bool loading, const QString &what);
    // The model holds a new page; `quiet` when it came from auto-refresh.
    void pageShown(qint64 elapsedMs, bool quiet);
    void pageFailed(const QueryError &error);
    void countChanged();
    void countFailed(const QueryError &error);

private:
    void onPage(quint64 requestId, const AuditPage &page);
    void onPageFailed(quint64 requestId, const QueryError &error);
    void onCount(quint64 requestId, qint64 count, bool exact);
    void setLoading(bool loading, const QString &what = {});
    // A new estimate of the listed rows, counted as of now; the total is no longer exact.
    void startEstimate();

    AuditTableModel *m_model;
    AuditWorker *m_pageWorker;
    AuditWorker *m_countWorker;
    PageNavigator m_navigator;
    AuditFilter m_filter;
    bool m_connected = false;
    LatestRequest m_connect;
    LatestRequest m_page;
    LatestRequest m_estimate;
    LatestRequest m_exact;
    PageNavigator::Request m_pending;
    bool m_pendingQuiet = false;
    std::optional<PageNavigator::Move> m_failedMove;
    std::optional<qint64> m_total;
    bool m_totalExact = false;
    QStringList m_notes;
    AuditTimestamp m_countedAt; // the `now` of listedFilter()
    bool m_exactCountQueued = false; // recountLive() came while an exact count ran
    QElapsedTimer m_timer;
};
