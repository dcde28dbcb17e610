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
    // otherwise one sentence naming what is missing. Reading many schemas: when at least
    // one schema matches and the first readable one passes.
    Result<bool> checkTable() const;
    // The schemas of this database that hold a table named like this one (any columns),
    // with the planner's row estimates and whether this role may read them; for offering
    // another schema when it is missing, and the tenant picker. Reading many schemas: only
    // those the pattern matches.
    Result<QList<AuditSchema>> schemasHoldingTable() const;

    // The tables a query reads: this one, or reading many schemas, every readable schema the
    // pattern matches (narrowed to `filter.schemas` when that is set), found again on each
    // call (3 ms for a thousand schemas). `skipped` gets a sentence per schema left out.
    Result<QList<AuditTableRef>> tablesToRead(
        const AuditFilter &filter, QStringList *skipped = nullptr) const;

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
    // VolumeGrouping::Tenant counts per schema instead of per action (the bucket's
    // `actions` map then holds schema names).
    Result<VolumeSeries> volume(const AuditFilter &filter, VolumePeriod period,
        const QTimeZone &zone, const QDateTime &now = QDateTime::currentDateTimeUtc(),
        std::optional<AuditTimestamp> countFrom = std::nullopt,
        VolumeGrouping grouping = VolumeGrouping::Action) const;

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

    // The entry with its documents; a Usage error when no entry has this id. Reading many
    // schemas, `schema` names the one that holds it (empty: the first schema that does).
    Result<AuditEntryDetail> entry(const QString &id, const QString &schema = {}) const;

    // Reads a page row (columns as AuditQuery::page selects them) starting at `column`.
    static AuditEntry entryFromRow(const PgResult &result, int row, int column = 0);
    // How many columns entryFromRow reads.
    static constexpr int kPageColumnCount = 9;
    // The row estimate of an EXPLAIN (FORMAT JSON), or an error when it has none.
    static Result<qint64> estimateFromPlan(const PgResult &result);
    // Adds volume rows (bucket start, action, count) to `series`' buckets, under the action
    // or, when `group` is not empty, under `group` (the tenant).
    static void addVolumeRows(VolumeSeries &series, const PgResult &result, const QString &group);

    // An entry() row: the page columns, then request, response and metadata.
    static AuditEntryDetail detailFromRow(const PgResult &result, int row, const QString &schema);

private:
    Result<bool> checkTables() const;

    PgSession m_session;
    AuditTableRef m_table;
};
