#pragma once

#include "auditentry.h"
#include "auditfilter.h"
#include "auditrepository.h"
#include "llmcall.h"
#include "llmfilter.h"
#include "pgresult.h"
#include "queryerror.h"
#include "volumestats.h"

#include <QDateTime>
#include <QStringList>
#include <QTimeZone>

#include <optional>

class VolumeCache;

// Whether Hindsight's LLM log is there to read.
struct LlmLogState
{
    enum class Kind {
        Missing, // no llm_requests table: a Hindsight older than its migration (June 2026)
        Empty, // the table has no rows: tracing is off (HINDSIGHT_API_LLM_TRACE_ENABLED)
        HasRows
    };
    Kind kind = Kind::Missing;
    QString message; // one sentence for the operator when not HasRows
};

// Runs the viewer's read-only queries against Hindsight's llm_requests, next to the audit
// table on the same connection: the same schema, or the same schemas when many are read.
// Synchronous: call it from the thread that owns the connection (a worker, or the CLI).
class LlmRepository
{
public:
    // `auditTable`: the audit log's table; the LLM log is llm_requests beside it.
    LlmRepository(PgSession session, AuditTableRef auditTable);

    static constexpr const char *kTableName = "llm_requests";
    // llm_requests in the schema (or the schemas) of `auditTable`.
    static AuditTableRef tableBeside(const AuditTableRef &auditTable);

    const AuditTableRef &table() const { return m_table; }
    const AuditTableRef &auditTable() const { return m_auditTable; }
    const PgSession &session() const { return m_session; }

    Result<LlmLogState> state() const;

    // Up to `limit` calls after `after`, newest first (`oldestFirst`: the reverse), ties by
    // id; `backward` reads the calls before `after` (the previous page), handed over in
    // display order like every page.
    Result<LlmPage> page(const LlmFilter &filter, int limit,
        const std::optional<PageCursor> &after = {}, bool oldestFirst = false,
        bool backward = false) const;
    Result<qint64> estimatedCount(const LlmFilter &filter) const;
    Result<qint64> exactCount(const LlmFilter &filter) const;

    // Runs with at least one call matching the filter, by their latest matching call,
    // newest first; totals over every call of the run. `after`: the cursor of the last run
    // of the previous page (LlmRun::lastStart, lastCallId and schema).
    Result<LlmRunPage> runs(
        const LlmFilter &filter, int limit, const std::optional<PageCursor> &after = {}) const;
    // Every call of the run `key` (a trace_id, or "single:<id>") of `bank` in `schema`, in
    // start order, with the run's totals.
    Result<LlmRunCalls> run(
        const QString &key, const std::optional<QString> &bank, const QString &schema = {}) const;

    // The call with its documents; a Usage error when no call has this id.
    Result<LlmCallDetail> call(const QString &id, const QString &schema = {}) const;

    // Calls and tokens per bucket of `period` in `zone`, by status and per operation or model.
    // With `countFrom`, only buckets starting at or after it are counted.
    Result<LlmStatsSeries> stats(const LlmFilter &filter, VolumePeriod period,
        const QTimeZone &zone, LlmGrouping grouping = LlmGrouping::Operation,
        const QDateTime &now = QDateTime::currentDateTimeUtc(),
        std::optional<AuditTimestamp> countFrom = std::nullopt) const;

    // stats() through `cache`: closed buckets are counted once and kept (VolumeCache), so a
    // refresh counts only the open ones.
    Result<LlmStatsSeries> cachedStats(VolumeCache &cache, const LlmFilter &filter,
        VolumePeriod period, const QTimeZone &zone, LlmGrouping grouping = LlmGrouping::Operation,
        const QDateTime &now = QDateTime::currentDateTimeUtc()) const;
    Result<std::optional<AuditTimestamp>> earliestEndedSince(
        const LlmFilter &filter, const AuditTimestamp &endedSince) const;
    // Where the rows live, for caches kept across runs (AuditRepository::source()).
    Result<AuditSource> source() const;

    // The runs an audit entry caused (see LlmAttribution): calls of the entry's bank whose
    // operation the entry's action runs (llmOperationsOfAction) and whose run's first call
    // started within the entry's span (a call still running: until now).
    Result<LlmAttribution> attribution(const AuditEntry &entry) const;
    // The audit entries a run belongs to (the inverse): same bank, an action running the
    // run's operation, a span holding the run's first call. More than one: ambiguous.
    Result<QList<AuditEntry>> auditEntriesOf(const LlmRun &run) const;

    enum class Column { Operation, Status, Scope, Provider, Model, Bank };
    // The distinct values of a column (NULL left out), in byte order.
    Result<QStringList> distinct(Column column) const;

    // Reads a page row (as LlmQuery::page selects it) starting at `column`.
    static LlmCall callFromRow(const PgResult &result, int row, int column = 0);
    static constexpr int kPageColumnCount = 20;

private:
    Result<QList<AuditTableRef>> tables(const LlmFilter &filter, QStringList *skipped) const;
    // Audit entries of `bank` with one of `actions` whose span holds `at`, newest first.
    Result<QList<AuditEntry>> entriesHolding(
        const QString &bank, const QStringList &actions, const AuditTimestamp &at) const;

    PgSession m_session;
    AuditTableRef m_auditTable;
    AuditTableRef m_table;
};
