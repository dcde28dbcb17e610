#pragma once

#include "connectioninfo.h"
#include "connectionsettings.h"
#include "latestrequest.h"
#include "pagenavigator.h"
#include "queryerror.h"

#include <QElapsedTimer>
#include <QObject>
#include <QStringList>

#include <optional>

class AuditWorker;

// The paging of a keyset-paged log (the audit log, the LLM calls) without knowing which:
// keyset moves on a paging worker, the planner's estimate and then the exact count on a
// counting worker (each with its own connection, so a long count never delays paging). A
// newer request cancels the one still running; answers to replaced requests are dropped.
// A subclass says how a page and a count are asked for and where the rows go.
// Thread: the GUI thread.
class KeysetPager : public QObject
{
    Q_OBJECT
public:
    explicit KeysetPager(QObject *parent = nullptr);

    void connectTo(const ConnectionSettings &settings);
    bool isConnected() const { return m_connected; }
    bool isLoading() const { return m_page.isPending(); }

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

protected:
    AuditWorker *pageWorker() const { return m_pageWorker; }
    AuditWorker *countWorker() const { return m_countWorker; }
    PageNavigator &changeNavigator() { return m_navigator; }
    // The move whose page is awaited (or was shown last).
    const PageNavigator::Request &pendingRequest() const { return m_pending; }
    // The time the current count counts up to (what was listed as of then).
    AuditTimestamp countedAt() const { return m_countedAt; }
    // A new filter: back to the first page, counted again.
    void restart();

    // Asks the page worker for the page of `request`; returns the request number.
    virtual quint64 requestPage(const PageNavigator::Request &request) = 0;
    // Asks the count worker for the estimate or the exact count of the listed rows.
    virtual quint64 requestCount(bool exact) = 0;
    // What the status bar says while a page of `request` loads.
    virtual QString loadingText(const PageNavigator::Request &request) const;

    // The page worker's answer: `show(rows, quiet)` puts the rows, in display order, into the
    // model. `cursorAfter(row)` is the position after a row.
    template <typename Row, typename CursorAfter, typename Show>
    void takePage(quint64 requestId, const QList<Row> &rows, bool hasMore, const QStringList &notes,
        CursorAfter cursorAfter, Show show)
    {
        if (!m_page.take(requestId)) {
            return; // an answer to a request that was replaced
        }
        if (m_navigator.needsFirstInstead(m_pending, rows.size(), hasMore)) {
            move(PageNavigator::Move::First);
            return;
        }
        const qint64 elapsed = m_timer.elapsed();
        show(m_navigator.accept(
                 m_pending, rows, hasMore, m_totalExact ? m_total : std::nullopt, cursorAfter),
            m_pendingQuiet);
        m_notes = notes;
        pageTaken(elapsed);
    }
    // The count worker's answer.
    void takeCount(quint64 requestId, qint64 count, bool exact);

private:
    void pageTaken(qint64 elapsedMs);
    void onPageFailed(quint64 requestId, const QueryError &error);
    void setLoading(bool loading, const QString &what = {});
    // A new estimate of the listed rows, counted as of now; the total is no longer exact.
    void startEstimate();

    AuditWorker *m_pageWorker;
    AuditWorker *m_countWorker;
    PageNavigator m_navigator;
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
    AuditTimestamp m_countedAt;
    bool m_exactCountQueued = false; // recountLive() came while an exact count ran
    QElapsedTimer m_timer;
};
