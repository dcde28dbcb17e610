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
enum class SortOrder { NewestFirst, OldestFirst, LongestFirst, ShortestFirst };

inline bool isDurationOrder(SortOrder order)
{
    return order == SortOrder::LongestFirst || order == SortOrder::ShortestFirst;
}

// "newest", "oldest", "longest", "shortest": the words of --sort.
QString sortOrderName(SortOrder order);
std::optional<SortOrder> sortOrderFromName(const QString &name);

// The position after the last row of a page: keyset pagination on (started_at, id), or on
// (duration, id) in the duration orders.
struct PageCursor
{
    AuditTimestamp startedAt;
    QString id;
    // The row's ended_at - started_at in microseconds; nullopt while it is in flight. Only
    // the duration orders read it.
    std::optional<qint64> durationMicros = std::nullopt;

    // "2026-03-27T10:15:30.123456Z,<uuid>", the form `list --after` takes.
    QString encode() const;
    static std::optional<PageCursor> decode(const QString &text);

    bool operator==(const PageCursor &) const = default;
};
