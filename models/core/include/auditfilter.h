#pragma once

#include "audittimestamp.h"

#include <QString>
#include <QStringList>

#include <optional>

// Where the audit rows live: Hindsight may keep one table per tenant schema.
struct AuditTableRef
{
    QString schema = QStringLiteral("public");
    QString table = QStringLiteral("audit_log");

    // "schema"."table" with each part quoted as PostgreSQL requires.
    QString quoted() const;
    QString displayName() const { return schema + QLatin1Char('.') + table; }

    bool operator==(const AuditTableRef &) const = default;
};

// What the operator asked to see. Empty members do not filter.
struct AuditFilter
{
    QStringList actions; // any of these (an empty list matches every action)
    QString transport; // http, mcp or system
    std::optional<QString> bank;
    std::optional<AuditTimestamp> since; // inclusive
    std::optional<AuditTimestamp> until; // exclusive
    bool failedOnly = false; // the call ended without a response
    QString search; // matched literally, case-insensitively, in request and response
    // Only calls that ended and took at least this long (ended_at - started_at), in
    // microseconds; calls still in flight have no duration and do not match.
    std::optional<qint64> minDurationMicros;

    bool isEmpty() const;
    bool operator==(const AuditFilter &) const = default;

    // A text that differs whenever any field above differs, for caches of what was counted
    // for a filter. Defined with a structured binding of every field, so a field added here
    // stops the build until the key covers it too.
    QString cacheKey() const;
};

// The table's order. Duration orders sort by ended_at - started_at, ties broken by id; calls
// still in flight have no duration and come after every ended call in both of them.
// RecentlyFinishedFirst is for an operator tailing the log: by ended_at, latest first, ties
// broken by id, with the calls still in flight (no ended_at) listed before every ended one;
// it reads only the recent past (filterForOrder()).
enum class SortOrder {
    NewestFirst,
    OldestFirst,
    LongestFirst,
    ShortestFirst,
    RecentlyFinishedFirst
};

inline bool isDurationOrder(SortOrder order)
{
    return order == SortOrder::LongestFirst || order == SortOrder::ShortestFirst;
}

// Hindsight writes a row when the call ends, with started_at at its start, and indexes only
// started_at: "recently finished first" sorts the calls that started in the last
// kRecentPastMinutes by ended_at, so the started_at index bounds the rows it sorts (one range
// scan, however large the table). Nothing indexes ended_at, so every page sorts the whole
// window: its cost grows with the rows written in it (a million rows over 30 days, 24 hours
// are 39,000 rows to sort for every page, an hour 3,000), and an hour holds the calls an
// operator tails, a consolidation of minutes included. A call that ran longer is not in this
// order; newest first still lists it.
inline constexpr qint64 kRecentPastMinutes = 60;

// `filter` as `order` reads it: for RecentlyFinishedFirst, narrowed to the calls that started
// at most kRecentPastMinutes before `now`; unchanged for every other order. Counts and pages
// read the same filter, so "rows 1–100 of N" counts the rows the order lists.
AuditFilter filterForOrder(AuditFilter filter, SortOrder order, AuditTimestamp now);

// "newest", "oldest", "longest", "shortest", "finished": the words of --sort.
QString sortOrderName(SortOrder order);
std::optional<SortOrder> sortOrderFromName(const QString &name);

// The position after the last row of a page: keyset pagination on (started_at, id), on
// (duration, id) in the duration orders, or on (ended_at, id) in RecentlyFinishedFirst.
struct PageCursor
{
    AuditTimestamp startedAt;
    QString id;
    // The row's ended_at - started_at in microseconds; nullopt while it is in flight. Only
    // the duration orders read it.
    std::optional<qint64> durationMicros = std::nullopt;
    // The row's ended_at; nullopt while it is in flight. Only RecentlyFinishedFirst reads it.
    std::optional<AuditTimestamp> endedAt = std::nullopt;

    // "2026-03-27T10:15:30.123456Z,<uuid>", the form `list --after` takes.
    QString encode() const;
    static std::optional<PageCursor> decode(const QString &text);

    bool operator==(const PageCursor &) const = default;
};
