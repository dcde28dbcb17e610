#include "pagenavigator.h"

#include <algorithm>

void PageNavigator::forgetPosition()
{
    m_firstShown.reset();
    m_lastShown.reset();
    m_pageAnchor.reset();
    m_anchorReversed = false;
    m_offset.reset();
    m_hasPrevious = false;
    m_hasNext = false;
}

PageNavigator::Request PageNavigator::request(Move move) const
{
    Request r;
    r.move = move;
    r.order = m_order;
    switch (move) {
    case Move::First:
        break;
    case Move::Next:
        if (!m_lastShown) {
            return request(Move::First);
        }
        r.after = m_lastShown;
        break;
    case Move::Previous:
        if (!m_firstShown) {
            return request(Move::First);
        }
        r.after = m_firstShown;
        r.reversed = true;
        break;
    case Move::Last:
        r.reversed = true;
        break;
    case Move::Reload:
        // The same page again: read after the same anchor, in the same direction.
        r.after = m_pageAnchor;
        r.reversed = m_anchorReversed;
        break;
    }
    return r;
}

bool PageNavigator::needsFirstInstead(const Request &request, const AuditPage &page) const
{
    return needsFirstInstead(request, page.entries.size(), page.hasMore);
}

bool PageNavigator::needsFirstInstead(
    const Request &request, qsizetype rowCount, bool hasMore) const
{
    // A short page before the current one means we reached the start: show a full page 1.
    return request.move == Move::Previous && !hasMore && rowCount < m_pageSize;
}

QList<AuditEntry> PageNavigator::accept(
    const Request &request, const AuditPage &page, std::optional<qint64> totalRows)
{
    return accept(request, page.entries, page.hasMore, totalRows,
        [](const AuditEntry &entry) { return PageCursor::after(entry); });
}

void PageNavigator::acceptPosition(const Request &request, qsizetype rowCount, bool hasMore,
    std::optional<qint64> totalRows, std::optional<PageCursor> first,
    std::optional<PageCursor> last)
{
    const std::optional<qint64> previousOffset = m_offset;
    m_pageAnchor = request.after;
    m_anchorReversed = request.reversed;
    switch (request.move) {
    case Move::First:
        m_offset = 0;
        m_hasPrevious = false;
        m_hasNext = hasMore;
        break;
    case Move::Next:
        m_offset
            = previousOffset ? std::optional<qint64>(*previousOffset + m_pageSize) : std::nullopt;
        m_hasPrevious = true;
        m_hasNext = hasMore;
        break;
    case Move::Previous:
        m_offset = previousOffset
            ? std::optional<qint64>(std::max<qint64>(0, *previousOffset - rowCount))
            : std::nullopt;
        m_hasPrevious = hasMore;
        m_hasNext = true;
        break;
    case Move::Last:
        m_offset = totalRows ? std::optional<qint64>(std::max<qint64>(0, *totalRows - rowCount))
                             : std::nullopt;
        m_hasPrevious = hasMore;
        m_hasNext = false;
        break;
    case Move::Reload:
        if (request.reversed) {
            m_hasPrevious = hasMore;
        } else {
            m_hasNext = hasMore;
        }
        break;
    }
    if (!m_hasPrevious && request.move != Move::Last) {
        m_offset = 0;
    }
    m_firstShown = std::move(first);
    m_lastShown = std::move(last);
}
