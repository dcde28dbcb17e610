#pragma once

#include "auditentry.h"
#include "audittimestamp.h"

#include <QString>
#include <QStringList>

#include <optional>

// Where the audit rows live: Hindsight may keep one table per tenant schema.
struct AuditTableRef
{
    QString schema = QStringLiteral("public");
    QString table = QStringLiteral("audit_log");
    // Not empty: every schema whose name matches this LIKE pattern ("%" for all, "tenant_%")
    // and holds `table` is read as one log (a multi-tenant deployment keeps one schema per
    // tenant); `schema` is then not used. Schemas are found again for every query, so a
    // tenant created or dropped while the window is open is picked up or skipped.
    QString schemaPattern = QString();

    bool isMultiSchema() const { return !schemaPattern.isEmpty(); }
    // The same table in `schemaName` alone.
    AuditTableRef inSchema(const QString &schemaName) const
    {
        return AuditTableRef { schemaName, table, QString() };
    }
    // "schema"."table" with each part quoted as PostgreSQL requires (one schema only).
    QString quoted() const;
    // public.audit_log, or tenant_%.audit_log for a pattern.
    QString displayName() const
    {
        return (isMultiSchema() ? schemaPattern : schema) + QLatin1Char('.') + table;
    }

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
    // Reading many schemas (AuditTableRef::schemaPattern): only these of them (the tenant
    // filter); empty reads every schema the pattern matches. Ignored on one schema.
    QStringList schemas;

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
    // The row's schema when many are read: a tenant copied from another keeps its ids, so
    // the schema breaks a tie between equal ids. Empty on one schema.
    QString schema = QString();

    // "2026-03-27T10:15:30.123456Z,<uuid>" or "...,<uuid>,<schema>", the form `list --after`
    // takes.
    QString encode() const;
    static std::optional<PageCursor> decode(const QString &text);
    // The position just after `entry`, in every order, its schema included.
    static PageCursor after(const AuditEntry &entry);

    bool operator==(const PageCursor &) const = default;
};
