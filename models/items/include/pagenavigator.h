#pragma once

#include "auditentry.h"
#include "auditfilter.h"

#include <algorithm>
#include <optional>

// Keyset page navigation: first, next, previous and last all cost one query, on page 1 as
// on page 10,000 (an indexed one in time order). "Previous" and "last" read backwards and
// turn the rows back. Knows the current page's row offset while it can (for "rows 51–100").
// Serves any keyset-paged log (audit entries, LLM calls): a row is known by the cursor after
// it. Pure logic: the caller runs the requests. Thread: any one thread.
class PageNavigator
{
public:
    enum class Move { First, Next, Previous, Last, Reload };

    struct Request
    {
        Move move = Move::First;
        std::optional<PageCursor> after;
        SortOrder order = SortOrder::NewestFirst; // the order shown
        bool reversed = false; // read backwards: rows come back reversed, flip them
    };

    int pageSize() const { return m_pageSize; }
    void setPageSize(int size) { m_pageSize = size; }
    SortOrder order() const { return m_order; }
    void setOrder(SortOrder order) { m_order = order; }

    // The query for a move from the page shown now.
    Request request(Move move) const;
    // Takes the answer to `request`; returns the rows to show, in display order. When a
    // "previous" comes back short (it reached the start), the caller should ask First.
    QList<AuditEntry> accept(
        const Request &request, const AuditPage &page, std::optional<qint64> totalRows);
    bool needsFirstInstead(const Request &request, const AuditPage &page) const;
    // The same for the rows of any log; `cursorAfter(row)` gives the position after a row.
    template <typename Row, typename CursorAfter>
    QList<Row> accept(const Request &request, QList<Row> rows, bool hasMore,
        std::optional<qint64> totalRows, CursorAfter cursorAfter)
    {
        if (request.reversed) {
            std::reverse(rows.begin(), rows.end());
        }
        acceptPosition(request, rows.size(), hasMore, totalRows,
            rows.isEmpty() ? std::nullopt : std::optional<PageCursor>(cursorAfter(rows.first())),
            rows.isEmpty() ? std::nullopt : std::optional<PageCursor>(cursorAfter(rows.last())));
        return rows;
    }
    bool needsFirstInstead(const Request &request, qsizetype rowCount, bool hasMore) const;

    bool hasPrevious() const { return m_hasPrevious; }
    bool hasNext() const { return m_hasNext; }
    // Zero-based offset of the first row shown, when known.
    std::optional<qint64> offset() const { return m_offset; }
    void forgetPosition(); // a new filter or order: back to "nothing shown"

private:
    void acceptPosition(const Request &request, qsizetype rowCount, bool hasMore,
        std::optional<qint64> totalRows, std::optional<PageCursor> first,
        std::optional<PageCursor> last);

    int m_pageSize = 100;
    SortOrder m_order = SortOrder::NewestFirst;
    std::optional<PageCursor> m_firstShown;
    std::optional<PageCursor> m_lastShown;
    std::optional<PageCursor> m_pageAnchor; // what the shown page was read after (for Reload)
    bool m_anchorReversed = false;
    std::optional<qint64> m_offset;
    bool m_hasPrevious = false;
    bool m_hasNext = false;
};
