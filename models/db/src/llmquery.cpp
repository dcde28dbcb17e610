#include "llmquery.h"
#include "auditquery.h"
#include "llmcall.h"

#include <QStringList>

namespace {

// Timestamps are read as text in a UTC session: exact to the microsecond. The id is read as
// text under its own name (an ORDER BY "id" would otherwise sort the text, not the uuid).
// The error is cut on the server: a page of megabyte stack traces stays small. The stored
// size of the documents comes from their TOAST pointers, without reading them.
QString pageColumns(const QString &schemaLiteral)
{
    return QStringLiteral(
        "id::text AS call_id, bank_id, operation, scope, trace_id, span_id, parent_span_id, "
        "provider, model, status, started_at, ended_at, duration_ms, input_tokens, "
        "output_tokens, cached_tokens, total_tokens, left(error, %1), "
        "COALESCE(pg_column_size(input), 0)::bigint + COALESCE(pg_column_size(output), 0), "
        "%2 AS schema_name")
        .arg(LlmCall::kErrorStartLength + 1)
        .arg(schemaLiteral);
}

QString schemaLiteral(SqlStatement &s, const AuditTableRef &table)
{
    return s.bind(table.schema) + QStringLiteral("::text");
}

QString anyOf(SqlStatement &s, const QString &column, const QStringList &values)
{
    if (values.size() == 1) {
        return column + QStringLiteral(" = ") + s.bind(values.first());
    }
    QStringList placeholders;
    for (const QString &value : values) {
        placeholders.append(s.bind(value));
    }
    return QStringLiteral("%1 IN (%2)").arg(column, placeholders.join(QLatin1String(", ")));
}

QString timestamp(SqlStatement &s, const AuditTimestamp &time)
{
    return s.bind(time.toIsoUtc()) + QStringLiteral("::timestamptz");
}

// The rows after `after` in one schema: a row comparison on (started_at, id), inclusive of
// the cursor's key in the schemas that come after the cursor's in the order (another
// tenant's copy of a row keeps its id).
QString seek(SqlStatement &s, const PageCursor &after, const QString &schema, bool ascending,
    const QString &prefix = {})
{
    const bool laterSchema = after.schema.isEmpty() ? false
        : ascending                                 ? schema.toUtf8() < after.schema.toUtf8()
                                                    : schema.toUtf8() > after.schema.toUtf8();
    const QString comparison = QString(ascending ? QLatin1Char('>') : QLatin1Char('<'))
        + (laterSchema ? QStringLiteral("=") : QString());
    return QStringLiteral("(%1started_at, %1id) %2 (%3, %4::uuid)")
        .arg(prefix, comparison, timestamp(s, after.startedAt), s.bind(after.id));
}

QString direction(bool ascending)
{
    return ascending ? QStringLiteral("ASC") : QStringLiteral("DESC");
}

QString limitClause(SqlStatement &s, int limit)
{
    return QStringLiteral(" LIMIT ") + s.bind(QByteArray::number(limit));
}

// One branch per table, or the one statement alone; merged in order across schemas.
QString merged(const QStringList &branches, const QString &order, const QString &limit)
{
    if (branches.size() == 1) {
        return branches.first();
    }
    QStringList wrapped;
    for (const QString &branch : branches) {
        wrapped.append(QLatin1Char('(') + branch + QLatin1Char(')'));
    }
    return QStringLiteral("SELECT * FROM (%1) AS merged ORDER BY %2%3")
        .arg(wrapped.join(QLatin1String(" UNION ALL ")), order, limit);
}

// The run totals of head row `h` (a lateral subquery over every call of its run).
QString runTotals(const AuditTableRef &table)
{
    const QString t = table.quoted();
    const QString columns = QStringLiteral("operation, model, status, started_at, ended_at, "
                                           "input_tokens, output_tokens, cached_tokens, "
                                           "total_tokens");
    return QStringLiteral(
        "SELECT min(c.operation) AS operation, "
        "string_agg(DISTINCT c.model, chr(31) ORDER BY c.model) AS models, "
        "min(c.started_at) AS first_start, max(c.ended_at) AS last_end, count(*) AS calls, "
        "count(*) FILTER (WHERE c.status <> 'success') AS errors, "
        "COALESCE(sum(c.input_tokens), 0) AS input_tokens, "
        "COALESCE(sum(c.output_tokens), 0) AS output_tokens, "
        "COALESCE(sum(c.cached_tokens), 0) AS cached_tokens, "
        "COALESCE(sum(c.total_tokens), 0) AS total_tokens FROM ("
        "SELECT %2 FROM %1 c1 WHERE h.trace_id IS NULL AND c1.id = h.id"
        " UNION ALL SELECT %2 FROM %1 c2 WHERE h.bank_id IS NOT NULL"
        " AND c2.bank_id = h.bank_id AND c2.trace_id = h.trace_id"
        " UNION ALL SELECT %2 FROM %1 c3 WHERE h.bank_id IS NULL AND h.trace_id IS NOT NULL"
        " AND c3.bank_id IS NULL AND c3.trace_id = h.trace_id) c")
        .arg(t, columns);
}

// No newer call of the same run (bank and trace) matches: `t` is its run's head. The same
// filter text is bound again for the inner rows, which its unqualified names refer to.
QString isRunHead(SqlStatement &s, const AuditTableRef &table, const LlmFilter &filter)
{
    const QString t = table.quoted();
    const QString where = LlmQuery::whereClause(filter, s);
    return QStringLiteral(
        "(t.trace_id IS NULL OR (NOT EXISTS (SELECT 1 FROM %1 n WHERE t.bank_id IS NOT NULL"
        " AND n.bank_id = t.bank_id AND n.trace_id = t.trace_id"
        " AND (n.started_at, n.id) > (t.started_at, t.id) AND %2)"
        " AND NOT EXISTS (SELECT 1 FROM %1 n WHERE t.bank_id IS NULL AND n.bank_id IS NULL"
        " AND n.trace_id = t.trace_id AND (n.started_at, n.id) > (t.started_at, t.id) AND %2)))")
        .arg(t, where);
}

QString runColumns(const QString &schema)
{
    return QStringLiteral(
        "h.id::text AS head_id, %1 AS schema_name, h.bank_id, h.trace_id, r.operation, "
        "r.models, r.first_start, h.started_at, r.last_end, r.calls, r.errors, r.input_tokens, "
        "r.output_tokens, r.cached_tokens, r.total_tokens")
        .arg(schema);
}

} // namespace

namespace LlmQuery {

QString whereClause(const LlmFilter &filter, SqlStatement &s)
{
    QStringList terms;
    const std::pair<const QStringList *, const char *> lists[] = {
        { &filter.operations, "operation" },
        { &filter.statuses, "status" },
        { &filter.scopes, "scope" },
        { &filter.providers, "provider" },
        { &filter.models, "model" },
    };
    for (const auto &[values, column] : lists) {
        if (!values->isEmpty()) {
            terms.append(anyOf(s, QString::fromLatin1(column), *values));
        }
    }
    if (filter.bank) {
        terms.append(QStringLiteral("bank_id = ") + s.bind(*filter.bank));
    }
    if (filter.traceId) {
        terms.append(QStringLiteral("trace_id = ") + s.bind(*filter.traceId));
    }
    if (filter.documentId) {
        terms.append(QStringLiteral("metadata->>'document_id' = ") + s.bind(*filter.documentId));
    }
    if (filter.memoryId) {
        const QString memory = s.bind(*filter.memoryId);
        terms.append(
            QStringLiteral("(metadata->'memory_ids' ? %1 OR metadata->'source_memory_ids' ? %1)")
                .arg(memory));
    }
    if (filter.since) {
        terms.append(QStringLiteral("started_at >= ") + timestamp(s, *filter.since));
    }
    if (filter.until) {
        terms.append(QStringLiteral("started_at < ") + timestamp(s, *filter.until));
    }
    if (filter.minDurationMs) {
        terms.append(QStringLiteral("duration_ms >= ")
            + s.bind(QByteArray::number(*filter.minDurationMs)) + QStringLiteral("::integer"));
    }
    if (!filter.search.isEmpty()) {
        const QString pattern = s.bind(AuditQuery::containsPattern(filter.search));
        terms.append(QStringLiteral("(input::text ILIKE %1 ESCAPE '\\' OR output::text ILIKE %1 "
                                    "ESCAPE '\\' OR error ILIKE %1 ESCAPE '\\')")
                         .arg(pattern));
    }
    return terms.isEmpty() ? QStringLiteral("TRUE") : terms.join(QLatin1String(" AND "));
}

SqlStatement page(const QList<AuditTableRef> &tables, const LlmFilter &filter, int limit,
    const std::optional<PageCursor> &after, bool ascending)
{
    SqlStatement s;
    const QString dir = direction(ascending);
    QStringList branches;
    for (const AuditTableRef &table : tables) {
        QString where = whereClause(filter, s);
        if (after) {
            where += QLatin1String(" AND ") + seek(s, *after, table.schema, ascending);
        }
        branches.append(QStringLiteral("SELECT %1 FROM %2 WHERE %3 ORDER BY started_at %4, id %4")
                            .arg(pageColumns(schemaLiteral(s, table)), table.quoted(), where, dir)
            + limitClause(s, limit));
    }
    const QString schemaOrder = ascending ? QStringLiteral("DESC") : QStringLiteral("ASC");
    s.sql = merged(branches,
        QStringLiteral("started_at %1, call_id::uuid %1, schema_name COLLATE \"C\" %2")
            .arg(dir, schemaOrder),
        tables.size() > 1 ? limitClause(s, limit) : QString());
    return s;
}

SqlStatement exactCount(const QList<AuditTableRef> &tables, const LlmFilter &filter)
{
    SqlStatement s;
    QStringList branches;
    for (const AuditTableRef &table : tables) {
        branches.append(QStringLiteral("SELECT count(*) AS n FROM %1 WHERE %2")
                            .arg(table.quoted(), whereClause(filter, s)));
    }
    s.sql = branches.size() == 1 ? branches.first()
                                 : QStringLiteral("SELECT sum(n)::bigint FROM (%1) AS counts")
                                       .arg(branches.join(QLatin1String(" UNION ALL ")));
    return s;
}

SqlStatement estimatedCount(const AuditTableRef &table, const LlmFilter &filter)
{
    SqlStatement s;
    s.sql = QStringLiteral("EXPLAIN (FORMAT JSON) SELECT 1 FROM %1 WHERE %2")
                .arg(table.quoted(), whereClause(filter, s));
    return s;
}

SqlStatement runs(const QList<AuditTableRef> &tables, const LlmFilter &filter, int limit,
    const std::optional<PageCursor> &after)
{
    SqlStatement s;
    QStringList branches;
    for (const AuditTableRef &table : tables) {
        QString where = whereClause(filter, s);
        if (after) {
            where += QLatin1String(" AND ")
                + seek(s, *after, table.schema, false, QStringLiteral("t."));
        }
        where += QLatin1String(" AND ") + isRunHead(s, table, filter);
        const QString heads = QStringLiteral("SELECT t.id, t.bank_id, t.trace_id, t.started_at "
                                             "FROM %1 t WHERE %2 ORDER BY t.started_at DESC, "
                                             "t.id DESC")
                                  .arg(table.quoted(), where)
            + limitClause(s, limit);
        branches.append(QStringLiteral("SELECT %1 FROM (%2) h CROSS JOIN LATERAL (%3) r "
                                       "ORDER BY h.started_at DESC, h.id DESC")
                            .arg(runColumns(schemaLiteral(s, table)), heads, runTotals(table)));
    }
    s.sql = merged(branches,
        QStringLiteral("started_at DESC, head_id::uuid DESC, schema_name COLLATE \"C\" ASC"),
        tables.size() > 1 ? limitClause(s, limit) : QString());
    return s;
}

SqlStatement runCalls(
    const AuditTableRef &table, const QString &key, const std::optional<QString> &bank)
{
    SqlStatement s;
    QString where;
    if (key.startsWith(QLatin1String("single:"))) {
        where = QStringLiteral("id = %1::uuid").arg(s.bind(key.mid(7)));
    } else {
        where = QStringLiteral("trace_id = ") + s.bind(key)
            + (bank ? QStringLiteral(" AND bank_id = ") + s.bind(*bank)
                    : QStringLiteral(" AND bank_id IS NULL"));
    }
    s.sql = QStringLiteral("SELECT %1 FROM %2 WHERE %3 ORDER BY started_at, id")
                .arg(pageColumns(schemaLiteral(s, table)), table.quoted(), where);
    return s;
}

SqlStatement call(const AuditTableRef &table, const QString &id)
{
    SqlStatement s;
    s.sql = QStringLiteral(
        "SELECT %1, input::text, output::text, error, llm_info::text, metadata::text, "
        "CASE WHEN jsonb_typeof(input) = 'object' AND input->'_truncated' = 'true'::jsonb "
        "THEN input->>'_original_chars' END FROM %2 WHERE id = %3::uuid")
                .arg(pageColumns(schemaLiteral(s, table)), table.quoted(), s.bind(id));
    return s;
}

SqlStatement stats(const QList<AuditTableRef> &tables, const LlmFilter &filter,
    const VolumeRange &range, const QString &zoneId, bool byModel)
{
    SqlStatement s;
    LlmFilter bounded = filter;
    bounded.since = filter.since ? std::max(*filter.since, range.from) : range.from;
    bounded.until = filter.until ? std::min(*filter.until, range.to) : range.to;
    const QString group = byModel ? QStringLiteral("model") : QStringLiteral("operation");
    const QString aggregates = QStringLiteral(
        "count(*), COALESCE(sum(input_tokens), 0), COALESCE(sum(output_tokens), 0), "
        "COALESCE(sum(cached_tokens), 0), COALESCE(sum(total_tokens), 0)");
    if (tables.size() == 1) {
        const QString bucket = AuditQuery::volumeBucket(s, range, zoneId);
        s.sql
            = QStringLiteral("SELECT %1 AS bucket, status, %2, %3 FROM %4 WHERE %5 "
                             "GROUP BY 1, 2, 3 ORDER BY 1, 2, 3")
                  .arg(bucket, group, aggregates, tables.first().quoted(), whereClause(bounded, s));
        return s;
    }
    // Each schema grouped on its own (its rows never leave the branch), then added up.
    QStringList branches;
    for (const AuditTableRef &table : tables) {
        const QString bucket = AuditQuery::volumeBucket(s, range, zoneId);
        branches.append(QStringLiteral("SELECT %1 AS bucket, status, %2 AS grp, count(*) AS calls,"
                                       " sum(input_tokens) AS i, sum(output_tokens) AS o,"
                                       " sum(cached_tokens) AS c, sum(total_tokens) AS t"
                                       " FROM %3 WHERE %4 GROUP BY 1, 2, 3")
                            .arg(bucket, group, table.quoted(), whereClause(bounded, s)));
    }
    s.sql = QStringLiteral("SELECT bucket, status, grp, sum(calls)::bigint, COALESCE(sum(i), 0), "
                           "COALESCE(sum(o), 0), COALESCE(sum(c), 0), COALESCE(sum(t), 0) "
                           "FROM (%1) AS b GROUP BY 1, 2, 3 ORDER BY 1, 2, 3")
                .arg(branches.join(QLatin1String(" UNION ALL ")));
    return s;
}

SqlStatement earliestEndedSince(
    const QList<AuditTableRef> &tables, const LlmFilter &filter, const AuditTimestamp &endedSince)
{
    SqlStatement s;
    QStringList branches;
    for (const AuditTableRef &table : tables) {
        branches.append(
            QStringLiteral("SELECT min(started_at) AS m FROM %1 WHERE %2 AND ended_at >= %3")
                .arg(table.quoted(), whereClause(filter, s), timestamp(s, endedSince)));
    }
    s.sql = QStringLiteral("SELECT min(m) FROM (%1) AS late")
                .arg(branches.join(QLatin1String(" UNION ALL ")));
    return s;
}

SqlStatement runsStartingWithin(const AuditTableRef &table, const QString &bank,
    const QStringList &operations, const AuditTimestamp &from, const AuditTimestamp &to)
{
    SqlStatement s;
    const QString t = table.quoted();
    const QString bankParam = s.bind(bank);
    const QString fromParam = timestamp(s, from);
    const QString toParam = timestamp(s, to);
    const QString ops = anyOf(s, QStringLiteral("t.operation"), operations);
    // A run's head here is its first call (a run that began before the entry is not its);
    // the bank's (bank_id, started_at) index bounds the scan to the entry's span.
    const QString heads = QStringLiteral(
        "SELECT t.id, t.bank_id, t.trace_id, t.started_at FROM %1 t WHERE t.bank_id = %2 AND %3"
        " AND t.started_at >= %4 AND t.started_at < %5 AND (t.trace_id IS NULL OR NOT EXISTS ("
        "SELECT 1 FROM %1 n WHERE n.bank_id = t.bank_id AND n.trace_id = t.trace_id"
        " AND (n.started_at, n.id) < (t.started_at, t.id)))")
                              .arg(t, bankParam, ops, fromParam, toParam);
    s.sql = QStringLiteral("SELECT %1 FROM (%2) h CROSS JOIN LATERAL (%3) r "
                           "ORDER BY r.first_start, h.id")
                .arg(runColumns(schemaLiteral(s, table)), heads, runTotals(table));
    return s;
}

SqlStatement entriesHolding(const AuditTableRef &auditTable, const QString &bank,
    const QStringList &actions, const AuditTimestamp &at)
{
    AuditFilter filter;
    filter.bank = bank;
    filter.actions = actions;
    // An entry holding `at` started at most a day before it: Hindsight's longest operations
    // (a consolidation of a large bank) take minutes. The caller keeps those that ended at
    // or after `at`.
    constexpr qint64 kLookBackMicros = 24LL * 3600 * 1'000'000;
    filter.until = AuditTimestamp::fromUsecsSinceEpoch(at.usecsSinceEpoch() + 1);
    filter.since = AuditTimestamp::fromUsecsSinceEpoch(at.usecsSinceEpoch() - kLookBackMicros);
    return AuditQuery::page(auditTable, filter, 200, std::nullopt, SortOrder::NewestFirst);
}

SqlStatement distinct(const AuditTableRef &table, const QString &column)
{
    SqlStatement s;
    const QString t = table.quoted();
    if (column == QLatin1String("status") || column == QLatin1String("bank_id")) {
        // Loose index scans: each value one probe of the index the column leads.
        s.sql = QStringLiteral(
            "WITH RECURSIVE v(x) AS ((SELECT %2 FROM %1 WHERE %2 IS NOT NULL ORDER BY %2 LIMIT 1)"
            " UNION ALL SELECT (SELECT t.%2 FROM %1 t WHERE t.%2 > v.x ORDER BY t.%2 LIMIT 1)"
            " FROM v WHERE v.x IS NOT NULL) SELECT x FROM v WHERE x IS NOT NULL "
            "ORDER BY x COLLATE \"C\"")
                    .arg(t, column);
        return s;
    }
    // Nothing indexes the other columns: the values of the newest calls (the started_at
    // index), which name what Hindsight runs now.
    s.sql
        = QStringLiteral("SELECT DISTINCT x FROM (SELECT %2 AS x FROM %1 ORDER BY started_at "
                         "DESC LIMIT 20000) AS recent WHERE x IS NOT NULL ORDER BY x COLLATE \"C\"")
              .arg(t, column);
    return s;
}

QList<QByteArray> exportColumns(bool includeJson)
{
    QList<QByteArray> names { "id", "schema", "bank_id", "operation", "scope", "trace_id",
        "span_id", "parent_span_id", "provider", "model", "status", "started_at", "ended_at",
        "duration_ms", "input_tokens", "output_tokens", "cached_tokens", "total_tokens", "error" };
    if (includeJson) {
        names << "input"
              << "output"
              << "llm_info"
              << "metadata";
    }
    return names;
}

SqlStatement exportRows(
    const QList<AuditTableRef> &tables, const LlmFilter &filter, bool ascending, bool includeJson)
{
    SqlStatement s;
    const QString dir = direction(ascending);
    const QString documents = includeJson
        ? QStringLiteral(", input::text, output::text, llm_info::text, metadata::text")
        : QString();
    QStringList branches;
    for (const AuditTableRef &table : tables) {
        branches.append(
            QStringLiteral("SELECT id, %1 AS schema_name, bank_id, operation, scope, trace_id, "
                           "span_id, parent_span_id, provider, model, status, started_at, "
                           "ended_at, duration_ms, input_tokens, output_tokens, cached_tokens, "
                           "total_tokens, error%2 FROM %3 WHERE %4")
                .arg(schemaLiteral(s, table), documents, table.quoted(), whereClause(filter, s)));
    }
    const QString schemaOrder = ascending ? QStringLiteral("DESC") : QStringLiteral("ASC");
    if (branches.size() == 1) {
        s.sql = branches.first() + QStringLiteral(" ORDER BY started_at %1, id %1").arg(dir);
    } else {
        s.sql = QStringLiteral("SELECT * FROM (%1) AS merged ORDER BY started_at %2, id %2, "
                               "schema_name COLLATE \"C\" %3")
                    .arg(branches.join(QLatin1String(" UNION ALL ")), dir, schemaOrder);
    }
    return s;
}

} // namespace LlmQuery
