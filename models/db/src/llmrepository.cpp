#include "llmrepository.h"
#include "auditquery.h"
#include "auditrepository.h"
#include "llmquery.h"
#include "volumecache.h"

#include <QCoreApplication>
#include <QHash>

namespace {

std::optional<qint64> numberAt(const PgResult &result, int row, int column)
{
    if (result.isNull(row, column)) {
        return std::nullopt;
    }
    return result.integer(row, column);
}

QString tr(const char *text)
{
    return QCoreApplication::translate("LlmRepository", text);
}

// A runs() row (LlmQuery::runs columns) as a run.
LlmRun runFromRow(const PgResult &result, int row)
{
    LlmRun run;
    run.lastCallId = result.text(row, 0);
    run.schema = result.text(row, 1);
    run.bankId = result.optionalText(row, 2);
    run.traceId = result.optionalText(row, 3);
    run.key = run.traceId ? *run.traceId : QStringLiteral("single:") + run.lastCallId;
    run.operation = result.text(row, 4);
    const QString models = result.text(row, 5);
    if (!models.isEmpty()) {
        run.models = models.split(QChar(31));
    }
    run.firstStart = result.timestamp(row, 6).value_or(AuditTimestamp());
    run.lastStart = result.timestamp(row, 7).value_or(AuditTimestamp());
    run.lastEnd = result.timestamp(row, 8);
    run.calls = result.integer(row, 9);
    run.errors = result.integer(row, 10);
    run.tokens = { result.integer(row, 11), result.integer(row, 12), result.integer(row, 13),
        result.integer(row, 14) };
    return run;
}

LlmRun runOfCalls(const QList<LlmCall> &calls)
{
    LlmRun run;
    if (calls.isEmpty()) {
        return run;
    }
    const LlmCall &first = calls.first();
    run.key = first.runKey();
    run.schema = first.schema;
    run.bankId = first.bankId;
    run.traceId = first.traceId;
    run.firstStart = first.startedAt;
    run.lastStart = first.startedAt;
    for (const LlmCall &call : calls) {
        if (run.operation.isEmpty() && call.operation) {
            run.operation = *call.operation;
        }
        if (call.model && !run.models.contains(*call.model)) {
            run.models.append(*call.model);
        }
        if (call.startedAt >= run.lastStart) {
            run.lastStart = call.startedAt;
            run.lastCallId = call.id;
        }
        if (call.endedAt && (!run.lastEnd || *call.endedAt > *run.lastEnd)) {
            run.lastEnd = call.endedAt;
        }
        ++run.calls;
        run.errors += call.failed() ? 1 : 0;
        run.tokens += { call.inputTokens.value_or(0), call.outputTokens.value_or(0),
            call.cachedTokens.value_or(0), call.totalTokens.value_or(0) };
    }
    std::sort(run.models.begin(), run.models.end(),
        [](const QString &a, const QString &b) { return a.toUtf8() < b.toUtf8(); });
    return run;
}

// The chart's counts as VolumeCache keeps them: per bucket, one named count per group and
// measure ("<group>\x1f" then "n" for calls, "s:<status>", "i", "o", "c", "t" for tokens).
constexpr QChar kSeparator(0x1f);

void flatten(const LlmStatsSeries &series, VolumeSeries &out)
{
    out.range = series.range;
    out.zoneId = series.zoneId;
    out.buckets.clear();
    for (const LlmStatsBucket &bucket : series.buckets) {
        VolumeBucket flat { bucket.start, bucket.total.calls, {} };
        for (auto group = bucket.groups.cbegin(); group != bucket.groups.cend(); ++group) {
            const QString prefix = group.key() + kSeparator;
            flat.actions.insert(prefix + QLatin1Char('n'), group->calls);
            for (auto status = group->statuses.cbegin(); status != group->statuses.cend();
                 ++status) {
                flat.actions.insert(prefix + QStringLiteral("s:") + status.key(), status.value());
            }
            flat.actions.insert(prefix + QLatin1Char('i'), group->tokens.input);
            flat.actions.insert(prefix + QLatin1Char('o'), group->tokens.output);
            flat.actions.insert(prefix + QLatin1Char('c'), group->tokens.cached);
            flat.actions.insert(prefix + QLatin1Char('t'), group->tokens.total);
        }
        out.buckets.append(flat);
    }
}

LlmStatsSeries unflatten(const VolumeSeries &flat, LlmGrouping grouping)
{
    LlmStatsSeries series;
    series.range = flat.range;
    series.zoneId = flat.zoneId;
    series.grouping = grouping;
    for (const VolumeBucket &bucket : flat.buckets) {
        LlmStatsBucket stats { bucket.start, {}, {} };
        for (auto it = bucket.actions.cbegin(); it != bucket.actions.cend(); ++it) {
            const qsizetype at = it.key().lastIndexOf(kSeparator);
            LlmCounts &group = stats.groups[it.key().left(at)];
            const QStringView measure = QStringView(it.key()).mid(at + 1);
            if (measure == QLatin1String("n")) {
                group.calls = it.value();
            } else if (measure.startsWith(QLatin1String("s:"))) {
                group.statuses.insert(measure.mid(2).toString(), it.value());
            } else if (measure == QLatin1String("i")) {
                group.tokens.input = it.value();
            } else if (measure == QLatin1String("o")) {
                group.tokens.output = it.value();
            } else if (measure == QLatin1String("c")) {
                group.tokens.cached = it.value();
            } else if (measure == QLatin1String("t")) {
                group.tokens.total = it.value();
            }
        }
        for (const LlmCounts &group : std::as_const(stats.groups)) {
            stats.total += group;
        }
        series.buckets.append(stats);
    }
    return series;
}

class LlmVolumeCounter : public VolumeCounter
{
public:
    LlmVolumeCounter(const LlmRepository &llm, const LlmFilter &filter, LlmGrouping grouping)
        : m_llm(llm)
        , m_filter(filter)
        , m_grouping(grouping)
    {
    }

    Result<AuditSource> source() const override { return m_llm.source(); }
    QString key() const override
    {
        return (m_grouping == LlmGrouping::Model ? QLatin1String("llm-model")
                                                 : QLatin1String("llm-operation"))
            + kSeparator + m_filter.cacheKey();
    }
    std::optional<AuditTimestamp> since() const override { return m_filter.since; }
    std::optional<AuditTimestamp> until() const override { return m_filter.until; }
    Result<VolumeSeries> count(VolumePeriod period, const QTimeZone &zone, const QDateTime &now,
        std::optional<AuditTimestamp> countFrom,
        std::optional<AuditTimestamp> before) const override
    {
        LlmFilter counted = m_filter;
        if (before) {
            counted.until = std::min(m_filter.until.value_or(*before), *before);
        }
        auto stats = m_llm.stats(counted, period, zone, m_grouping, now, countFrom);
        if (!stats) {
            return stats.error();
        }
        VolumeSeries flat;
        flatten(*stats, flat);
        return flat;
    }
    Result<std::optional<AuditTimestamp>> earliestEndedSince(
        AuditTimestamp from, AuditTimestamp to, AuditTimestamp endedSince) const override
    {
        LlmFilter closed = m_filter;
        closed.since = from;
        closed.until = to;
        return m_llm.earliestEndedSince(closed, endedSince);
    }

private:
    const LlmRepository &m_llm;
    const LlmFilter &m_filter;
    LlmGrouping m_grouping;
};

} // namespace

LlmRepository::LlmRepository(PgSession session, AuditTableRef auditTable)
    : m_session(session)
    , m_auditTable(std::move(auditTable))
    , m_table(tableBeside(m_auditTable))
{
}

AuditTableRef LlmRepository::tableBeside(const AuditTableRef &auditTable)
{
    AuditTableRef table = auditTable;
    table.table = QString::fromLatin1(kTableName);
    return table;
}

LlmCall LlmRepository::callFromRow(const PgResult &result, int row, int column)
{
    LlmCall call;
    call.id = result.text(row, column);
    call.bankId = result.optionalText(row, column + 1);
    call.operation = result.optionalText(row, column + 2);
    call.scope = result.optionalText(row, column + 3);
    call.traceId = result.optionalText(row, column + 4);
    call.spanId = result.optionalText(row, column + 5);
    call.parentSpanId = result.optionalText(row, column + 6);
    call.provider = result.optionalText(row, column + 7);
    call.model = result.optionalText(row, column + 8);
    call.status = result.text(row, column + 9);
    call.startedAt = result.timestamp(row, column + 10).value_or(AuditTimestamp());
    call.endedAt = result.timestamp(row, column + 11);
    call.durationMs = numberAt(result, row, column + 12);
    call.inputTokens = numberAt(result, row, column + 13);
    call.outputTokens = numberAt(result, row, column + 14);
    call.cachedTokens = numberAt(result, row, column + 15);
    call.totalTokens = numberAt(result, row, column + 16);
    call.errorStart = result.optionalText(row, column + 17);
    call.storedBytes = result.integer(row, column + 18);
    call.schema = result.text(row, column + 19);
    return call;
}

Result<QList<AuditTableRef>> LlmRepository::tables(
    const LlmFilter &filter, QStringList *skipped) const
{
    AuditFilter schemas;
    schemas.schemas = filter.schemas;
    return AuditRepository(m_session, m_table).tablesToRead(schemas, skipped);
}

Result<LlmLogState> LlmRepository::state() const
{
    QList<AuditTableRef> present;
    if (m_table.isMultiSchema()) {
        auto found = tables({}, nullptr);
        if (!found) {
            return found.error();
        }
        present = *found;
    } else {
        auto columns = m_session.exec(AuditQuery::tableColumns(m_table));
        if (!columns) {
            return columns.error();
        }
        if (columns->rowCount() > 0) {
            present.append(m_table);
        }
    }
    if (present.isEmpty()) {
        return LlmLogState { LlmLogState::Kind::Missing,
            tr("This database has no %1 table: Hindsight records LLM calls since version 0.8 "
               "(June 2026); the audit log is not affected.")
                .arg(m_table.displayName()) };
    }
    SqlStatement any;
    QStringList probes;
    for (const AuditTableRef &table : present) {
        probes.append(QStringLiteral("SELECT 1 FROM %1").arg(table.quoted()));
    }
    any.sql = QStringLiteral("SELECT EXISTS (%1)").arg(probes.join(QLatin1String(" UNION ALL ")));
    auto rows = m_session.exec(any);
    if (!rows) {
        return rows.error();
    }
    if (!rows->boolean(0, 0)) {
        return LlmLogState { LlmLogState::Kind::Empty,
            tr("No LLM calls are recorded. Hindsight traces them only when "
               "HINDSIGHT_API_LLM_TRACE_ENABLED=true is set (it is off by default).") };
    }
    return LlmLogState { LlmLogState::Kind::HasRows, QString() };
}

Result<LlmPage> LlmRepository::page(const LlmFilter &filter, int limit,
    const std::optional<PageCursor> &after, bool oldestFirst, bool backward) const
{
    if (limit < 1) {
        return QueryError::usage(tr("A page holds at least one call."));
    }
    LlmPage page;
    auto read = tables(filter, &page.notes);
    if (!read) {
        return read.error();
    }
    if (read->isEmpty()) {
        return page;
    }
    const bool ascending = oldestFirst != backward;
    auto result = m_session.exec(LlmQuery::page(*read, filter, limit + 1, after, ascending));
    if (!result) {
        return result.error();
    }
    const int rows = result->rowCount();
    page.hasMore = rows > limit;
    for (int row = 0; row < std::min(rows, limit); ++row) {
        page.calls.append(callFromRow(*result, row));
    }
    if (backward) {
        std::reverse(page.calls.begin(), page.calls.end());
    }
    return page;
}

Result<qint64> LlmRepository::estimatedCount(const LlmFilter &filter) const
{
    auto read = tables(filter, nullptr);
    if (!read) {
        return read.error();
    }
    qint64 total = 0;
    for (const AuditTableRef &table : *read) {
        auto result = m_session.exec(LlmQuery::estimatedCount(table, filter));
        if (!result) {
            return result.error();
        }
        auto estimate = AuditRepository::estimateFromPlan(*result);
        if (!estimate) {
            return estimate.error();
        }
        total += *estimate;
    }
    return total;
}

Result<qint64> LlmRepository::exactCount(const LlmFilter &filter) const
{
    auto read = tables(filter, nullptr);
    if (!read) {
        return read.error();
    }
    if (read->isEmpty()) {
        return qint64(0);
    }
    auto result = m_session.exec(LlmQuery::exactCount(*read, filter));
    if (!result) {
        return result.error();
    }
    return result->isNull(0, 0) ? 0 : result->integer(0, 0);
}

Result<LlmRunPage> LlmRepository::runs(
    const LlmFilter &filter, int limit, const std::optional<PageCursor> &after) const
{
    if (limit < 1) {
        return QueryError::usage(tr("A page holds at least one run."));
    }
    LlmRunPage page;
    auto read = tables(filter, &page.notes);
    if (!read) {
        return read.error();
    }
    if (read->isEmpty()) {
        return page;
    }
    auto result = m_session.exec(LlmQuery::runs(*read, filter, limit + 1, after));
    if (!result) {
        return result.error();
    }
    const int rows = result->rowCount();
    page.hasMore = rows > limit;
    for (int row = 0; row < std::min(rows, limit); ++row) {
        page.runs.append(runFromRow(*result, row));
    }
    return page;
}

Result<LlmRunCalls> LlmRepository::run(
    const QString &key, const std::optional<QString> &bank, const QString &schema) const
{
    // One schema: the run's, or on one schema the table's own.
    const AuditTableRef table = m_table.inSchema(schema.isEmpty() ? m_table.schema : schema);
    auto result = m_session.exec(LlmQuery::runCalls(table, key, bank));
    if (!result) {
        return result.error();
    }
    LlmRunCalls run;
    for (int row = 0; row < result->rowCount(); ++row) {
        run.calls.append(callFromRow(*result, row));
    }
    if (run.calls.isEmpty()) {
        return QueryError::usage(tr("No LLM calls belong to the run %1.").arg(key));
    }
    run.run = runOfCalls(run.calls);
    return run;
}

Result<LlmCallDetail> LlmRepository::call(const QString &id, const QString &schema) const
{
    if (!AuditEntry::isId(id)) {
        return QueryError::usage(tr("%1 is not an LLM call id (a UUID).").arg(id));
    }
    QList<AuditTableRef> candidates;
    if (!schema.isEmpty()) {
        candidates.append(m_table.inSchema(schema));
    } else if (m_table.isMultiSchema()) {
        auto read = tables({}, nullptr);
        if (!read) {
            return read.error();
        }
        candidates = *read;
    } else {
        candidates.append(m_table);
    }
    for (const AuditTableRef &table : candidates) {
        auto result = m_session.exec(LlmQuery::call(table, id));
        if (!result) {
            return result.error();
        }
        if (result->rowCount() == 0) {
            continue;
        }
        constexpr int kDocuments = kPageColumnCount;
        LlmCallDetail detail;
        detail.call = callFromRow(*result, 0);
        detail.input = result->optionalText(0, kDocuments);
        detail.output = result->optionalText(0, kDocuments + 1);
        detail.error = result->optionalText(0, kDocuments + 2);
        detail.llmInfo = result->optionalText(0, kDocuments + 3);
        detail.metadata = result->optionalText(0, kDocuments + 4);
        if (!result->isNull(0, kDocuments + 5)) {
            bool ok = false;
            const qint64 chars = result->text(0, kDocuments + 5).toLongLong(&ok);
            if (ok) {
                detail.call.inputOriginalChars = chars;
            }
        }
        return detail;
    }
    return QueryError::usage(tr("No LLM call has the id %1.").arg(id));
}

Result<LlmStatsSeries> LlmRepository::stats(const LlmFilter &filter, VolumePeriod period,
    const QTimeZone &zone, LlmGrouping grouping, const QDateTime &now,
    std::optional<AuditTimestamp> countFrom) const
{
    LlmStatsSeries series;
    series.range = VolumeRange::forPeriod(period, now, zone);
    series.zoneId = zone == QTimeZone::utc() ? QStringLiteral("UTC") : QString::fromUtf8(zone.id());
    series.grouping = grouping;
    QHash<qint64, qsizetype> bucketAt;
    for (const AuditTimestamp &start : series.range.bucketStarts) {
        bucketAt.insert(start.usecsSinceEpoch(), series.buckets.size());
        series.buckets.append(LlmStatsBucket { start, {}, {} });
    }
    auto read = tables(filter, nullptr);
    if (!read) {
        return read.error();
    }
    if (read->isEmpty()) {
        return series;
    }
    LlmFilter counted = filter;
    if (countFrom) {
        counted.since = filter.since ? std::max(*filter.since, *countFrom) : *countFrom;
    }
    auto result = m_session.exec(LlmQuery::stats(
        *read, counted, series.range, series.zoneId, grouping == LlmGrouping::Model));
    if (!result) {
        return result.error();
    }
    for (int row = 0; row < result->rowCount(); ++row) {
        const auto start = result->timestamp(row, 0);
        const auto index = start ? bucketAt.constFind(start->usecsSinceEpoch()) : bucketAt.cend();
        if (index == bucketAt.cend()) {
            continue; // outside the period (cannot happen: the filter is bounded by it)
        }
        LlmCounts counts;
        counts.calls = result->integer(row, 3);
        counts.statuses.insert(result->text(row, 1), counts.calls);
        counts.tokens = { result->integer(row, 4), result->integer(row, 5), result->integer(row, 6),
            result->integer(row, 7) };
        LlmStatsBucket &bucket = series.buckets[*index];
        bucket.total += counts;
        bucket.groups[result->text(row, 2)] += counts;
    }
    return series;
}

Result<QList<AuditEntry>> LlmRepository::entriesHolding(
    const QString &bank, const QStringList &actions, const AuditTimestamp &at) const
{
    QList<AuditEntry> entries;
    auto result = m_session.exec(LlmQuery::entriesHolding(m_auditTable, bank, actions, at));
    if (!result) {
        return result.error();
    }
    for (int row = 0; row < result->rowCount(); ++row) {
        AuditEntry entry = AuditRepository::entryFromRow(*result, row);
        entry.schema = m_auditTable.schema;
        if (!entry.endedAt || *entry.endedAt >= at) {
            entries.append(entry);
        }
    }
    return entries;
}

Result<LlmAttribution> LlmRepository::attribution(const AuditEntry &entry) const
{
    LlmAttribution attribution;
    if (!entry.bankId) {
        attribution.notes.append(tr("This entry has no bank: Hindsight's LLM calls are "
                                    "attributed by bank, so none can be named."));
        return attribution;
    }
    const LlmRepository here(m_session,
        m_auditTable.inSchema(entry.schema.isEmpty() ? m_auditTable.schema : entry.schema));
    auto state = here.state();
    if (!state) {
        return state.error();
    }
    if (state->kind != LlmLogState::Kind::HasRows) {
        attribution.notes.append(state->message);
        return attribution;
    }
    const AuditTimestamp until
        = entry.endedAt.value_or(AuditTimestamp::fromDateTime(QDateTime::currentDateTimeUtc()));
    auto result = m_session.exec(LlmQuery::runsStartingWithin(here.m_table, *entry.bankId,
        llmOperationsOfAction(entry.action), entry.startedAt,
        AuditTimestamp::fromUsecsSinceEpoch(until.usecsSinceEpoch() + 1)));
    if (!result) {
        return result.error();
    }
    for (int row = 0; row < result->rowCount(); ++row) {
        LlmAttributedRun attributed { runFromRow(*result, row), {} };
        auto holders = here.entriesHolding(*entry.bankId,
            auditActionsOfOperation(attributed.run.operation), attributed.run.firstStart);
        if (!holders) {
            return holders.error();
        }
        for (const AuditEntry &other : *holders) {
            if (other.id != entry.id) {
                attributed.otherEntryIds.append(other.id);
            }
        }
        attribution.calls += attributed.run.calls;
        attribution.errors += attributed.run.errors;
        attribution.tokens += attributed.run.tokens;
        attribution.runs.append(attributed);
    }
    auto overlapping = here.entriesHolding(*entry.bankId, { entry.action }, until);
    if (!overlapping) {
        return overlapping.error();
    }
    // Entries of the same bank and action running at any moment of this one's span: those
    // holding its end, and those that started within it.
    AuditFilter within;
    within.bank = entry.bankId;
    within.actions = { entry.action };
    within.since = entry.startedAt;
    within.until = AuditTimestamp::fromUsecsSinceEpoch(until.usecsSinceEpoch() + 1);
    auto started = m_session.exec(
        AuditQuery::page(here.m_auditTable, within, 1000, std::nullopt, SortOrder::NewestFirst));
    if (!started) {
        return started.error();
    }
    QStringList others;
    for (const AuditEntry &other : *overlapping) {
        if (other.id != entry.id && other.startedAt <= until) {
            others.append(other.id);
        }
    }
    for (int row = 0; row < started->rowCount(); ++row) {
        const QString id = started->text(row, 0);
        if (id != entry.id && !others.contains(id)) {
            others.append(id);
        }
    }
    attribution.overlappingEntries = others.size();
    return attribution;
}

Result<QList<AuditEntry>> LlmRepository::auditEntriesOf(const LlmRun &run) const
{
    if (!run.bankId) {
        return QList<AuditEntry> {};
    }
    const LlmRepository here(
        m_session, m_auditTable.inSchema(run.schema.isEmpty() ? m_auditTable.schema : run.schema));
    return here.entriesHolding(*run.bankId, auditActionsOfOperation(run.operation), run.firstStart);
}

Result<QStringList> LlmRepository::distinct(Column column) const
{
    static const char *const names[]
        = { "operation", "status", "scope", "provider", "model", "bank_id" };
    auto read = tables({}, nullptr);
    if (!read) {
        return read.error();
    }
    QStringList values;
    for (const AuditTableRef &table : *read) {
        auto result = m_session.exec(
            LlmQuery::distinct(table, QString::fromLatin1(names[static_cast<int>(column)])));
        if (!result) {
            return result.error();
        }
        for (int row = 0; row < result->rowCount(); ++row) {
            values.append(result->text(row, 0));
        }
    }
    values.removeDuplicates();
    std::sort(values.begin(), values.end(),
        [](const QString &a, const QString &b) { return a.toUtf8() < b.toUtf8(); });
    return values;
}

Result<AuditSource> LlmRepository::source() const
{
    return AuditRepository(m_session, m_table).source();
}

Result<std::optional<AuditTimestamp>> LlmRepository::earliestEndedSince(
    const LlmFilter &filter, const AuditTimestamp &endedSince) const
{
    auto read = tables(filter, nullptr);
    if (!read) {
        return read.error();
    }
    if (read->isEmpty()) {
        return std::optional<AuditTimestamp>();
    }
    auto result = m_session.exec(LlmQuery::earliestEndedSince(*read, filter, endedSince));
    if (!result) {
        return result.error();
    }
    return result->timestamp(0, 0);
}

Result<LlmStatsSeries> LlmRepository::cachedStats(VolumeCache &cache, const LlmFilter &filter,
    VolumePeriod period, const QTimeZone &zone, LlmGrouping grouping, const QDateTime &now) const
{
    auto flat = cache.volume(LlmVolumeCounter(*this, filter, grouping), period, zone, now);
    if (!flat) {
        return flat.error();
    }
    return unflatten(*flat, grouping);
}
