#pragma once

#include "auditfilter.h"
#include "llmfilter.h"
#include "sqlstatement.h"
#include "volumestats.h"

#include <QList>
#include <QString>

#include <optional>

// Builds the SQL the LLM repository runs against llm_requests. Pure: no database, so unit
// tests and the benchmarks (which time psql on the very same text) can read it.
// Many schemas are read as one UNION ALL of one branch per schema, each filtered, ordered
// and limited on its own indexes; the server merges them in order (Merge Append).
namespace LlmQuery {

// Columns of a page row, in this order: id, bank_id, operation, scope, trace_id, span_id,
// parent_span_id, provider, model, status, started_at, ended_at, duration_ms, input_tokens,
// output_tokens, cached_tokens, total_tokens, the error's first LlmCall::kErrorStartLength + 1
// characters, the documents' stored bytes, the schema. No JSON is read.
// Order: started_at, then id, descending (newest first) unless `ascending`; across schemas
// equal keys are ordered by schema name (byte order), ascending when descending.
SqlStatement page(const QList<AuditTableRef> &tables, const LlmFilter &filter, int limit,
    const std::optional<PageCursor> &after, bool ascending);
SqlStatement exactCount(const QList<AuditTableRef> &tables, const LlmFilter &filter);
// EXPLAIN (FORMAT JSON) of the count over one table: the planner's estimate.
SqlStatement estimatedCount(const AuditTableRef &table, const LlmFilter &filter);
// Runs page: columns head id, schema, bank_id, trace_id, operation, models (text[] as
// text), first start, last start (of the listed call), last end, calls, errors, input,
// output, cached, total tokens. `limit` runs after `after` (the last run's head: its latest
// matching call's started_at, id and schema).
SqlStatement runs(const QList<AuditTableRef> &tables, const LlmFilter &filter, int limit,
    const std::optional<PageCursor> &after);
// Every call of one run (page columns), in start order: a trace of a bank (NULL bank: the
// calls without one), or a lone call ("single:<id>").
SqlStatement runCalls(
    const AuditTableRef &table, const QString &key, const std::optional<QString> &bank);
// The call with page columns, then input, output, error, llm_info, metadata as text, and the
// input's _original_chars when it was stored truncated.
SqlStatement call(const AuditTableRef &table, const QString &id);
// Rows: bucket start, status, group (operation or model; NULL stays NULL), calls, input,
// output, cached, total tokens (NULLs add nothing), over the buckets of `range`.
SqlStatement stats(const QList<AuditTableRef> &tables, const LlmFilter &filter,
    const VolumeRange &range, const QString &zoneId, bool byModel);
// The earliest started_at of the calls matching the filter that ended at or after
// `endedSince` (one row, NULL when none): where the chart cache's late arrivals begin.
SqlStatement earliestEndedSince(
    const QList<AuditTableRef> &tables, const LlmFilter &filter, const AuditTimestamp &endedSince);
// The calls the audit entry of `bank` with `action` caused: runs (runs() columns, no paging)
// of that bank whose operation the action runs and whose first call started in
// [`from`, `to`).
SqlStatement runsStartingWithin(const AuditTableRef &table, const QString &bank,
    const QStringList &operations, const AuditTimestamp &from, const AuditTimestamp &to);
// Audit entries (id, action, transport, bank_id, started_at, ended_at, ...: AuditQuery's page
// columns) of `bank` with one of `actions` whose span holds `at` (ended_at NULL: still running).
SqlStatement entriesHolding(const AuditTableRef &auditTable, const QString &bank,
    const QStringList &actions, const AuditTimestamp &at);
// The distinct non-NULL values of `column` (a loose index scan where one leads an index).
SqlStatement distinct(const AuditTableRef &table, const QString &column);
// Every call matching the filter in page order, for exports: id, schema, then the columns of
// llm_requests (documents only with `includeJson`).
SqlStatement exportRows(
    const QList<AuditTableRef> &tables, const LlmFilter &filter, bool ascending, bool includeJson);
// The export's column names, in order.
QList<QByteArray> exportColumns(bool includeJson);

// The WHERE clause for one table (without "WHERE"; "TRUE" for an empty filter).
QString whereClause(const LlmFilter &filter, SqlStatement &statement);

} // namespace LlmQuery
