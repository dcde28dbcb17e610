#pragma once

#include "audittimestamp.h"
#include "volumestats.h"

#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

// Hindsight's second log: one row of llm_requests (every LLM call it makes, when tracing
// is on) without its JSON documents, as the table of LLM calls shows it.
struct LlmCall
{
    QString id;
    // The schema the row was read from (the tenant, in a multi-tenant deployment).
    QString schema;
    std::optional<QString> bankId;
    std::optional<QString> operation; // retain, reflect, consolidation, ...
    std::optional<QString> scope; // the call site: retain_extract_facts, reflect_tool_call, ...
    std::optional<QString> traceId; // shared by every call of one operation run
    std::optional<QString> spanId;
    std::optional<QString> parentSpanId;
    std::optional<QString> provider;
    std::optional<QString> model;
    QString status; // success | error
    AuditTimestamp startedAt;
    std::optional<AuditTimestamp> endedAt;
    std::optional<qint64> durationMs; // as Hindsight stored it (whole milliseconds)
    std::optional<qint64> inputTokens;
    std::optional<qint64> outputTokens;
    std::optional<qint64> cachedTokens;
    std::optional<qint64> totalTokens;
    // The first kErrorStartLength characters of the error, exactly as stored (mask before
    // showing); nullopt when NULL.
    std::optional<QString> errorStart;
    static constexpr int kErrorStartLength = 300;
    // The input was stored cut ({"_truncated": true, "_original_chars": N, ...}): N, else nullopt.
    std::optional<qint64> inputOriginalChars;
    // pg_column_size(input) + pg_column_size(output): what the documents take on disk.
    qint64 storedBytes = 0;

    bool failed() const { return status != QLatin1String("success"); }
    // The run this call belongs to: its trace_id, or for a call without one, the call alone
    // ("single:" + id, as Hindsight's control plane groups them).
    QString runKey() const;
};

// A call with its documents as the exact text PostgreSQL returns.
struct LlmCallDetail
{
    LlmCall call;
    std::optional<QString> input;
    std::optional<QString> output;
    std::optional<QString> error;
    std::optional<QString> llmInfo;
    std::optional<QString> metadata;
};

struct LlmPage
{
    QList<LlmCall> calls;
    bool hasMore = false; // another row exists after the last one
    QStringList notes; // one sentence per schema that was skipped
};

// Token sums; a NULL token count adds nothing.
struct LlmTokens
{
    qint64 input = 0;
    qint64 output = 0;
    qint64 cached = 0;
    qint64 total = 0;

    LlmTokens &operator+=(const LlmTokens &other);
    bool operator==(const LlmTokens &) const = default;
};

// One operation run: every call sharing a trace_id (in one schema and bank).
struct LlmRun
{
    QString key; // LlmCall::runKey()
    QString schema;
    std::optional<QString> bankId;
    std::optional<QString> traceId; // nullopt for a lone call without one
    QString operation; // of its calls (Hindsight sets one per run); empty when NULL
    QStringList models; // distinct, in byte order
    AuditTimestamp firstStart; // the earliest started_at of its calls
    AuditTimestamp lastStart; // the latest started_at: runs are listed by it, newest first
    std::optional<AuditTimestamp> lastEnd; // the latest ended_at (nullopt: none recorded)
    qint64 calls = 0;
    qint64 errors = 0; // calls whose status is not success
    LlmTokens tokens;
    // The position of this run in the runs list (for the next page): its latest call.
    QString lastCallId;

    // lastEnd - firstStart in microseconds (wall time of the run), nullopt without lastEnd.
    std::optional<qint64> spanMicros() const;
};

struct LlmRunPage
{
    QList<LlmRun> runs;
    bool hasMore = false;
    QStringList notes;
};

// The calls of one run in start order, for the waterfall.
struct LlmRunCalls
{
    LlmRun run;
    QList<LlmCall> calls;
};

// What the chart draws per bucket and group (an operation or a model).
struct LlmCounts
{
    qint64 calls = 0;
    QMap<QString, qint64> statuses; // calls per status
    LlmTokens tokens;

    LlmCounts &operator+=(const LlmCounts &other);
    bool operator==(const LlmCounts &) const = default;
};

enum class LlmGrouping { Operation, Model };

struct LlmStatsBucket
{
    AuditTimestamp start;
    LlmCounts total;
    QMap<QString, LlmCounts> groups; // per operation or model ("" for NULL); empty ones absent
};

struct LlmStatsSeries
{
    VolumeRange range;
    QString zoneId;
    LlmGrouping grouping = LlmGrouping::Operation;
    QList<LlmStatsBucket> buckets; // one per bucket start, gaps filled with zero

    LlmCounts total() const;
};

// The audit actions whose calls Hindsight traces, and the operations their LLM runs carry:
// retain -> retain; reflect -> reflect; consolidation -> consolidation, consolidation_dedup;
// refresh_mental_model -> refresh_mental_model, mental_model_delta_ops; any other action ->
// an operation of the same name.
QStringList llmOperationsOfAction(const QString &action);
// The audit actions that may have caused runs of `operation` (the inverse of the above).
QStringList auditActionsOfOperation(const QString &operation);

// A run attributed to an audit entry: Hindsight keeps no exact link (audit_log has no trace
// id), so a run belongs to an entry of the same bank whose action maps to the run's
// operation and whose span [started_at, ended_at] holds the run's first call.
struct LlmAttributedRun
{
    LlmRun run;
    // Other audit entries (same bank, a matching action) whose span also holds the run's
    // first call: the attribution is ambiguous when this is not empty.
    QStringList otherEntryIds;
};

struct LlmAttribution
{
    QList<LlmAttributedRun> runs;
    // How many other entries of the same bank and action overlap the entry's span.
    qint64 overlappingEntries = 0;
    LlmTokens tokens; // over every attributed run
    qint64 calls = 0;
    qint64 errors = 0;
    QStringList notes;
};

Q_DECLARE_METATYPE(LlmCall)
Q_DECLARE_METATYPE(LlmCallDetail)
Q_DECLARE_METATYPE(LlmPage)
Q_DECLARE_METATYPE(LlmRunPage)
Q_DECLARE_METATYPE(LlmRunCalls)
Q_DECLARE_METATYPE(LlmStatsSeries)
Q_DECLARE_METATYPE(LlmAttribution)
