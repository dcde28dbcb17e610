#pragma once

#include "auditentry.h"
#include "auditfilter.h"
#include "auditschema.h"
#include "latencysummary.h"
#include "pgresult.h"
#include "queryerror.h"
#include "volumestats.h"

#include <QDateTime>
#include <QStringList>
#include <QTimeZone>

#include <optional>

// Where the rows of a repository live, for caches kept across runs (VolumeCache).
struct AuditSource
{
    // A text that no other server, database or table shares.
    QString key;
    // The table's earliest started_at (nullopt: it has no rows). Hindsight's retention sweep
    // deletes oldest first: once it moves later, every row before it is gone.
    std::optional<AuditTimestamp> earliestStart;
};

// Runs the viewer's read-only queries against one audit table on one connection.
// Synchronous: call it from the thread that owns the connection (a worker, or the CLI).
class AuditRepository
{
public:
    AuditRepository(PgSession session, AuditTableRef table);

    const AuditTableRef &table() const { return m_table; }

    // Names the server, database and table in one statement, with the table's earliest row.
    Result<AuditSource> source() const;

    // Succeeds when the table exists, is readable and has Hindsight's columns and types;
    // otherwise one sentence naming what is missing.
    Result<bool> checkTable() const;
    // The schemas of this database that hold a table named like this one (any columns),
    // with the planner's row estimates; for offering another schema when it is missing.
    Result<QList<AuditSchema>> schemasHoldingTable() const;

    // Up to `limit` rows after `after` in `order` (ties broken by id), without JSON
    // columns; `backward` reads the rows before `after`, nearest first.
    Result<AuditPage> page(const AuditFilter &filter, int limit,
        const std::optional<PageCursor> &after = {}, SortOrder order = SortOrder::NewestFirst,
        bool backward = false) const;
    Result<qint64> estimatedCount(const AuditFilter &filter) const;
    Result<qint64> exactCount(const AuditFilter &filter) const;
    // Request volume per bucket and action, zero-filled, in `zone`. With `countFrom`, only
    // buckets starting at or after it are counted; earlier ones stay zero (VolumeCache
    // fills them from what it counted before).
    Result<VolumeSeries> volume(const AuditFilter &filter, VolumePeriod period,
        const QTimeZone &zone, const QDateTime &now = QDateTime::currentDateTimeUtc(),
        std::optional<AuditTimestamp> countFrom = std::nullopt) const;

    // The earliest start of the rows matching the filter that ended at or after
    // `endedSince`; nullopt when there is none.
    Result<std::optional<AuditTimestamp>> earliestEndedSince(
        const AuditFilter &filter, const AuditTimestamp &endedSince) const;

    // Count, p50, p95, p99 and max duration of the ended calls matching the filter, per
    // action and in total. Reads every matching row: cancel it like any query.
    Result<LatencySummary> latencySummary(const AuditFilter &filter) const;

    Result<QStringList> distinctActions() const;
    Result<QStringList> distinctTransports() const;
    // Banks in the index's order after `startingAfter` (empty: from the first), at most `limit`.
    Result<QStringList> distinctBanks(const QString &startingAfter = {}, int limit = 10000) const;

    // The entry with its documents; a Usage error when no entry has this id.
    Result<AuditEntryDetail> entry(const QString &id) const;

    // Reads a page row (columns as AuditQuery::page selects them) starting at `column`.
    static AuditEntry entryFromRow(const PgResult &result, int row, int column = 0);
    // How many columns entryFromRow reads.
    static constexpr int kPageColumnCount = 9;

private:
    PgSession m_session;
    AuditTableRef m_table;
};
