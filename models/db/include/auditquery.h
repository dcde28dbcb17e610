#pragma once

#include "auditfilter.h"
#include "sqlstatement.h"
#include "volumestats.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

// Builds the SQL the repository runs. Pure: no database, so unit tests can read it.
namespace AuditQuery {

// Columns of a page row, in this order: id, action, transport, bank_id, started_at,
// ended_at, has_response, and the request's first AuditEntry::kRequestStartLength + 1
// characters as text (the table's preview; '' when it is stored too large for one; no other
// JSON is read for the table). `backward` reads the rows before `after` in the reverse of
// `order` (the previous and last pages).
// `includeCursorRow` also reads a row whose key equals the cursor's (another schema's row
// with the same id, when many schemas are read as one log).
SqlStatement page(const AuditTableRef &table, const AuditFilter &filter, int limit,
    const std::optional<PageCursor> &after, SortOrder order, bool backward = false,
    bool includeCursorRow = false);
SqlStatement exactCount(const AuditTableRef &table, const AuditFilter &filter);
// The same over many tables read as one (UNION ALL): the server may count them in parallel.
SqlStatement exactCount(const QList<AuditTableRef> &tables, const AuditFilter &filter);
// EXPLAIN (FORMAT JSON) of the count: the planner's row estimate, in about a millisecond.
SqlStatement estimatedCount(const AuditTableRef &table, const AuditFilter &filter);
// Rows: bucket start (timestamptz), action, count. `zoneId` is an IANA name. A filter of
// actions and time only is counted action by action on (action, started_at); any other
// filter by volumeInOneScan().
SqlStatement volume(const AuditTableRef &table, const AuditFilter &filter, const VolumeRange &range,
    const QString &zoneId);
// The same rows from one scan of the period's rows and a GROUP BY of bucket and action.
SqlStatement volumeInOneScan(const AuditTableRef &table, const AuditFilter &filter,
    const VolumeRange &range, const QString &zoneId);
// The earliest started_at of the rows matching the filter that ended at or after
// `endedSince` (one row, NULL when none): where the chart's late arrivals begin. Nothing
// indexes ended_at; the filter's time range bounds the scan on the started_at index.
SqlStatement earliestEndedSince(
    const AuditTableRef &table, const AuditFilter &filter, const AuditTimestamp &endedSince);
// One row naming where the rows live, for caches kept across runs: the database's oid and
// name, the table's oid, the server's start time, and the table's earliest started_at (NULL
// when it is empty; an endpoint of the started_at index). Many schemas: the last two NULL.
SqlStatement volumeSource(const AuditTableRef &table);
// Durations of the ended calls matching the filter, per action and then for all actions
// (the ROLLUP row: grouped = 1): action, grouped, calls, p50, p95, p99, max, the last four in
// whole microseconds (NULL when no call ended).
SqlStatement latencySummary(const AuditTableRef &table, const AuditFilter &filter);
// The same over many tables read as one (UNION ALL): percentiles do not add up.
SqlStatement latencySummary(const QList<AuditTableRef> &tables, const AuditFilter &filter);
// Loose index scans over Hindsight's (action, started_at) and (bank_id, started_at) indexes.
SqlStatement distinctActions(const AuditTableRef &table);
SqlStatement distinctBanks(const AuditTableRef &table, const QString &startingAfter, int limit);
// transport has no index: read the newest rows through the started_at index instead.
SqlStatement recentTransports(const AuditTableRef &table, int sampleRows);
SqlStatement entry(const AuditTableRef &table, const QString &id);
// Every row matching the filter in the table's order, for exports: id, the schema, the page
// columns but has_response, then request, response and metadata as text when
// `includeJson`. Over many tables: one UNION ALL, ties between equal ids broken by schema.
SqlStatement exportRows(
    const AuditTableRef &table, const AuditFilter &filter, SortOrder order, bool includeJson);
SqlStatement exportRows(const QList<AuditTableRef> &tables, const AuditFilter &filter,
    SortOrder order, bool includeJson);
// Columns and types of the table, and whether this role may read it; no rows if it is missing.
SqlStatement tableColumns(const AuditTableRef &table);
// Rows: schema, estimated rows (bigint; NULL when the planner has no figure yet), readable
// (USAGE on the schema and SELECT on the table), one per schema holding a table or
// partitioned table named `tableName` (and, when given, whose name is LIKE
// `schemaPattern`), by schema name in byte order. One catalog query; a partitioned parent
// has no reltuples of its own, so its leaf partitions are summed.
SqlStatement schemasHoldingTable(const QString &tableName, const QString &schemaPattern = {});

// Whether `order`, read forwards or (`backward`) backwards, runs from the largest key down.
bool isDescending(SortOrder order, bool backward);
// The WHERE clause (without "WHERE"; "TRUE" for an empty filter), binding into `statement`.
QString whereClause(const AuditFilter &filter, SqlStatement &statement);
// A chart bucket's start for each row's started_at, binding into `statement`.
QString volumeBucket(SqlStatement &statement, const VolumeRange &range, const QString &zoneId);
// `text` as a LIKE pattern that matches it literally anywhere: %, _ and \ escaped.
QString containsPattern(const QString &text);

} // namespace AuditQuery
