#include "auditquery.h"

#include "auditentry.h"

#include <QStringList>

namespace AuditQuery {

bool isDescending(SortOrder order, bool backward)
{
    return (order == SortOrder::NewestFirst || order == SortOrder::LongestFirst
               || order == SortOrder::RecentlyFinishedFirst)
        != backward;
}

} // namespace AuditQuery

namespace {

using AuditQuery::isDescending;

// started_at and ended_at are read as text in a UTC session: exact to the microsecond,
// where QPSQL's QDateTime conversion would drop the last three digits.
// The last column is the start of the request for the table's preview: one character
// more than it shows tells whether the request goes on. jsonb has no cheap prefix: the
// whole document is read and printed, a few milliseconds for a megabyte. A request stored
// larger than AuditEntry::kRequestStartMaxStoredBytes (pg_column_size reads only its header)
// is not previewed but marked with '', which no request prints as.
// The stored size of the documents closes the row: pg_column_size reads a TOASTed value's
// size from its pointer without fetching it; bigint, as two of them may pass 2 GB.
// The id is read as text under its own name: an ORDER BY "id" would otherwise mean that
// output column and sort by text, not by the uuid the keyset seek compares.
const QString kPageColumns = QStringLiteral(
    "id::text AS entry_id, action, transport, bank_id, started_at, ended_at, response IS NOT NULL, "
    "CASE WHEN request IS NULL THEN NULL WHEN pg_column_size(request) <= %1 "
    "THEN left(request::text, %2) ELSE '' END, "
    "COALESCE(pg_column_size(request), 0)::bigint + COALESCE(pg_column_size(response), 0)")
                                 .arg(AuditEntry::kRequestStartMaxStoredBytes)
                                 .arg(AuditEntry::kRequestStartLength + 1);

QString limitClause(SqlStatement &statement, int limit)
{
    return QStringLiteral(" LIMIT ") + statement.bind(QByteArray::number(limit));
}

// The sort key of the duration orders. A call still in flight has no duration; it sorts
// as a sentinel beyond every real one (no two PostgreSQL timestamps are a million years
// apart), so it comes after every ended call in both orders and the keyset seek stays an
// exact row comparison. Nothing indexes this key, so a duration page sorts every matching
// row (cancellable like any query); an expression index on exactly this key, i.e.
//   CREATE INDEX ON audit_log ((COALESCE(CASE WHEN isfinite(started_at) AND isfinite(ended_at)
//       THEN ended_at - started_at END, interval '-1000000 years')) DESC, id DESC)
// would let LongestFirst read only a page. (One on the bare (ended_at - started_at) DESC, id
// would not match this ORDER BY.) The viewer never creates it: it only reads.
QString inFlightDuration(SortOrder order)
{
    return order == SortOrder::LongestFirst ? QStringLiteral("interval '-1000000 years'")
                                            : QStringLiteral("interval '1000000 years'");
}

// A call's duration, NULL while it is in flight and when either time is 'infinity' or
// '-infinity' (subtracting those fails before PostgreSQL 17: "interval out of range"; CASE
// keeps the subtraction from being evaluated). AuditEntry::durationUsecs agrees.
const QString kDuration = QStringLiteral(
    "CASE WHEN isfinite(started_at) AND isfinite(ended_at) THEN ended_at - started_at END");

QString durationKey(SortOrder order)
{
    return QStringLiteral("COALESCE(%1, %2)").arg(kDuration, inFlightDuration(order));
}

// Whole microseconds as an exact interval. PostgreSQL multiplies an interval by a double,
// exact only up to 2^53; whole days and the remainder keep every qint64 exact.
QString exactInterval(SqlStatement &statement, qint64 micros)
{
    constexpr qint64 kMicrosPerDay = 86'400'000'000LL;
    const QString days = statement.bind(QByteArray::number(micros / kMicrosPerDay));
    const QString rest = statement.bind(QByteArray::number(micros % kMicrosPerDay));
    return QStringLiteral("(%1::bigint * interval '1 day' + %2::bigint * interval '1 microsecond')")
        .arg(days, rest);
}

// "ORDER BY" terms for `order`, read forwards or backwards.
QString orderByClause(SortOrder order, bool backward)
{
    const bool descending = isDescending(order, backward);
    if (order == SortOrder::RecentlyFinishedFirst) {
        // Calls in flight (no ended_at) first, then the latest to end. Nothing indexes
        // ended_at: the rows come from the started_at range filterForOrder() bounds, and
        // the page is a top-N sort of them.
        return descending ? QStringLiteral(" ORDER BY ended_at DESC NULLS FIRST, id DESC")
                          : QStringLiteral(" ORDER BY ended_at ASC NULLS LAST, id ASC");
    }
    const QString direction = descending ? QStringLiteral("DESC") : QStringLiteral("ASC");
    const QString key = isDurationOrder(order) ? durationKey(order) : QStringLiteral("started_at");
    return QStringLiteral(" ORDER BY %1 %2, id %2").arg(key, direction);
}

// The rows after `after` in RecentlyFinishedFirst, read forwards (`descending`: in flight
// first, then ended_at DESC) or backwards. A row comparison with a NULL ended_at is NULL, so
// the calls in flight get terms of their own.
QString finishedAfter(SqlStatement &s, const PageCursor &after, bool descending, bool inclusive)
{
    const QString id = s.bind(after.id) + QStringLiteral("::uuid");
    const QString equal = inclusive ? QStringLiteral("=") : QString();
    if (!after.endedAt) {
        return descending ? QStringLiteral("(ended_at IS NOT NULL OR id <%1 %2)").arg(equal, id)
                          : QStringLiteral("ended_at IS NULL AND id >%1 %2").arg(equal, id);
    }
    const QString ended = s.bind(after.endedAt->toIsoUtc()) + QStringLiteral("::timestamptz");
    return descending
        ? QStringLiteral("(ended_at, id) <%1 (%2, %3)").arg(equal, ended, id)
        : QStringLiteral("((ended_at, id) >%1 (%2, %3) OR ended_at IS NULL)").arg(equal, ended, id);
}

// The tables read as one relation named audit_log, with each row's schema as schema_name:
// a UNION ALL whose branches the planner reads in order (Merge Append) and filters alone.
QString unionOf(const QList<AuditTableRef> &tables, SqlStatement &s)
{
    QStringList branches;
    branches.reserve(tables.size());
    for (const AuditTableRef &table : tables) {
        branches.append(QStringLiteral("SELECT %1::text AS schema_name, id, action, transport, "
                                       "bank_id, started_at, ended_at, request, response, "
                                       "metadata FROM %2")
                            .arg(s.bind(table.schema), table.quoted()));
    }
    return QStringLiteral("(%1) AS audit_log").arg(branches.join(QLatin1String(" UNION ALL ")));
}

// `filter` within the period: its bounds narrow the filter's own time range, never widen it.
AuditFilter periodFilter(const AuditFilter &filter, const VolumeRange &range)
{
    AuditFilter bounded = filter;
    bounded.since = filter.since ? std::max(*filter.since, range.from) : range.from;
    bounded.until = filter.until ? std::min(*filter.until, range.to) : range.to;
    return bounded;
}

// The table's distinct actions, one index probe each on (action, started_at) instead of a
// scan of every row: a recursive CTE that asks for the next action after the last.
QString looseActionScan(const AuditTableRef &table)
{
    return QStringLiteral(
        "WITH RECURSIVE a(action) AS ("
        " (SELECT action FROM %1 ORDER BY action LIMIT 1)"
        " UNION ALL"
        " SELECT (SELECT t.action FROM %1 t WHERE t.action > a.action ORDER BY t.action LIMIT 1)"
        " FROM a WHERE a.action IS NOT NULL"
        ") SELECT action FROM a WHERE action IS NOT NULL")
        .arg(table.quoted());
}

} // namespace

namespace AuditQuery {

// A chart bucket's start for each row. Days follow the zone's calendar (date_trunc with a
// zone). Hours are binned in absolute time from local midnight (date_bin), so the repeated
// hour of a DST fall-back day stays a bucket of its own instead of merging into its twin.
QString volumeBucket(SqlStatement &s, const VolumeRange &range, const QString &zoneId)
{
    return range.unit == VolumeBucketUnit::Hour
        ? QStringLiteral("date_bin('1 hour', started_at, %1::timestamptz)")
              .arg(s.bind(range.from.toIsoUtc()))
        : QStringLiteral("date_trunc('day', started_at, %1)").arg(s.bind(zoneId));
}

QString containsPattern(const QString &text)
{
    QString escaped;
    escaped.reserve(text.size() + 8);
    for (const QChar c : text) {
        if (c == QLatin1Char('%') || c == QLatin1Char('_') || c == QLatin1Char('\\')) {
            escaped.append(QLatin1Char('\\'));
        }
        escaped.append(c);
    }
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

QString whereClause(const AuditFilter &filter, SqlStatement &statement)
{
    QStringList terms;
    if (!filter.actions.isEmpty()) {
        QStringList placeholders;
        for (const QString &action : filter.actions) {
            placeholders.append(statement.bind(action));
        }
        terms.append(placeholders.size() == 1 ? QStringLiteral("action = ") + placeholders.first()
                                              : QStringLiteral("action IN (")
                    + placeholders.join(QLatin1String(", ")) + QLatin1Char(')'));
    }
    if (!filter.transport.isEmpty()) {
        terms.append(QStringLiteral("transport = ") + statement.bind(filter.transport));
    }
    if (filter.bank) {
        terms.append(QStringLiteral("bank_id = ") + statement.bind(*filter.bank));
    }
    if (filter.since) {
        terms.append(QStringLiteral("started_at >= ") + statement.bind(filter.since->toIsoUtc())
            + QStringLiteral("::timestamptz"));
    }
    if (filter.until) {
        terms.append(QStringLiteral("started_at < ") + statement.bind(filter.until->toIsoUtc())
            + QStringLiteral("::timestamptz"));
    }
    if (filter.failedOnly) {
        terms.append(QStringLiteral("ended_at IS NOT NULL AND response IS NULL"));
    }
    if (!filter.search.isEmpty()) {
        const QString pattern = statement.bind(containsPattern(filter.search));
        terms.append(QStringLiteral(
            "(request::text ILIKE %1 ESCAPE '\\' OR response::text ILIKE %1 ESCAPE '\\')")
                         .arg(pattern));
    }
    if (filter.minDurationMicros) {
        // Whole microseconds times a one-microsecond interval: exact integer arithmetic.
        terms.append(
            QStringLiteral("%1 >= %2::bigint * interval '1 microsecond'")
                .arg(kDuration, statement.bind(QByteArray::number(*filter.minDurationMicros))));
    }
    return terms.isEmpty() ? QStringLiteral("TRUE") : terms.join(QLatin1String(" AND "));
}

SqlStatement page(const AuditTableRef &table, const AuditFilter &filter, int limit,
    const std::optional<PageCursor> &after, SortOrder order, bool backward, bool includeCursorRow)
{
    SqlStatement s;
    QString where = whereClause(filter, s);
    const bool descending = isDescending(order, backward);
    const QString before = descending ? QStringLiteral("<") : QStringLiteral(">");
    const QString seek = includeCursorRow ? before + QLatin1Char('=') : before;
    if (after && isDurationOrder(order)) {
        const QString duration = after->durationMicros ? exactInterval(s, *after->durationMicros)
                                                       : inFlightDuration(order);
        const QString id = s.bind(after->id) + QStringLiteral("::uuid");
        where += QStringLiteral(" AND (%1, id) %2 (%3, %4)")
                     .arg(durationKey(order), seek, duration, id);
    } else if (after && order == SortOrder::RecentlyFinishedFirst) {
        where += QLatin1String(" AND ") + finishedAfter(s, *after, descending, includeCursorRow);
    } else if (after) {
        const QString ts = s.bind(after->startedAt.toIsoUtc()) + QStringLiteral("::timestamptz");
        const QString id = s.bind(after->id) + QStringLiteral("::uuid");
        // The single-column bound lets the started_at indexes drive the scan; the row
        // comparison breaks ties between rows that share a timestamp.
        where += QStringLiteral(" AND started_at %1= %2 AND (started_at, id) %3 (%2, %4)")
                     .arg(before, ts, seek, id);
    }
    s.sql = QStringLiteral("SELECT %1 FROM %2 WHERE %3").arg(kPageColumns, table.quoted(), where)
        + orderByClause(order, backward) + limitClause(s, limit);
    return s;
}

SqlStatement exactCount(const AuditTableRef &table, const AuditFilter &filter)
{
    SqlStatement s;
    const QString where = whereClause(filter, s);
    s.sql = QStringLiteral("SELECT count(*) FROM %1 WHERE %2").arg(table.quoted(), where);
    return s;
}

SqlStatement exactCount(const QList<AuditTableRef> &tables, const AuditFilter &filter)
{
    SqlStatement s;
    const QString where = whereClause(filter, s);
    s.sql = QStringLiteral("SELECT count(*) FROM %1 WHERE %2").arg(unionOf(tables, s), where);
    return s;
}

SqlStatement estimatedCount(const AuditTableRef &table, const AuditFilter &filter)
{
    SqlStatement s;
    const QString where = whereClause(filter, s);
    s.sql = QStringLiteral("EXPLAIN (FORMAT JSON) SELECT 1 FROM %1 WHERE %2")
                .arg(table.quoted(), where);
    return s;
}

SqlStatement volumeInOneScan(const AuditTableRef &table, const AuditFilter &filter,
    const VolumeRange &range, const QString &zoneId)
{
    SqlStatement s;
    const QString bucket = volumeBucket(s, range, zoneId);
    const QString where = whereClause(periodFilter(filter, range), s);
    s.sql = QStringLiteral(
        "SELECT %1 AS bucket, action, count(*) FROM %2 WHERE %3 GROUP BY 1, 2 ORDER BY 1, 2")
                .arg(bucket, table.quoted(), where);
    return s;
}

SqlStatement volume(const AuditTableRef &table, const AuditFilter &filter, const VolumeRange &range,
    const QString &zoneId)
{
    const bool onlyActions = filter.transport.isEmpty() && !filter.bank && !filter.failedOnly
        && filter.search.isEmpty() && !filter.minDurationMicros;
    if (!onlyActions) {
        return volumeInOneScan(table, filter, range, zoneId);
    }
    // Only actions and time: counted action by action, each a range scan of Hindsight's
    // (action, started_at) index, index-only where the table is vacuumed, instead of
    // fetching every row of the period from the heap through the time index and sorting
    // them (7 days of 10 million rows: 0.3 s instead of 1.4 s). The actions are the filter's
    // or the table's (a loose index scan); the schema makes action NOT NULL.
    SqlStatement s;
    const QString bucket = volumeBucket(s, range, zoneId);
    QStringList actions = filter.actions;
    actions.removeDuplicates();
    AuditFilter bounded = periodFilter(filter, range);
    bounded.actions.clear();
    const QString where = whereClause(bounded, s);
    QString actionRows;
    if (actions.isEmpty()) {
        actionRows = QStringLiteral("(%1) a").arg(looseActionScan(table));
    } else {
        QStringList values;
        for (const QString &action : actions) {
            values.append(QLatin1Char('(') + s.bind(action) + QStringLiteral("::text)"));
        }
        actionRows = QStringLiteral("(VALUES %1) a(action)").arg(values.join(QLatin1String(", ")));
    }
    s.sql = QStringLiteral("SELECT d.bucket, a.action, d.n FROM %1 CROSS JOIN LATERAL ("
                           "SELECT %2 AS bucket, count(*) AS n FROM %3 t"
                           " WHERE t.action = a.action AND %4 GROUP BY 1) d ORDER BY 1, 2")
                .arg(actionRows, bucket, table.quoted(), where);
    return s;
}

SqlStatement earliestEndedSince(
    const AuditTableRef &table, const AuditFilter &filter, const AuditTimestamp &endedSince)
{
    SqlStatement s;
    const QString where = whereClause(filter, s);
    s.sql
        = QStringLiteral("SELECT min(started_at) FROM %1 WHERE %2 AND ended_at >= %3::timestamptz")
              .arg(table.quoted(), where, s.bind(endedSince.toIsoUtc()));
    return s;
}

SqlStatement volumeSource(const AuditTableRef &table)
{
    SqlStatement s;
    // Many schemas: no one table (NULL oid and earliest row).
    const bool one = !table.isMultiSchema();
    s.sql
        = QStringLiteral("SELECT (SELECT oid FROM pg_database WHERE datname = current_database()),"
                         " current_database(), %1, pg_postmaster_start_time(), %2")
              .arg(one ? s.bind(table.quoted()) + QStringLiteral("::regclass::oid")
                       : QStringLiteral("NULL::oid"),
                  one ? QStringLiteral("(SELECT min(started_at) FROM %1)").arg(table.quoted())
                      : QStringLiteral("NULL::timestamptz"));
    return s;
}

SqlStatement latencySummary(const AuditTableRef &table, const AuditFilter &filter)
{
    return latencySummary(QList<AuditTableRef> { table }, filter);
}

SqlStatement latencySummary(const QList<AuditTableRef> &tables, const AuditFilter &filter)
{
    SqlStatement s;
    const QString where = whereClause(filter, s);
    const QString from = tables.size() == 1 ? tables.first().quoted() : unionOf(tables, s);
    // percentile_cont over the interval interpolates in whole microseconds, and since
    // PostgreSQL 14 extract(epoch) is an exact numeric: the bigint is exact. The array form
    // sorts each group once for all three percentiles.
    const auto micros = [](const QString &interval) {
        return QStringLiteral("(extract(epoch FROM %1) * 1000000)::bigint").arg(interval);
    };
    s.sql = QStringLiteral("SELECT action, grouped, calls, %1, %2, %3, %4 FROM ("
                           "SELECT action, GROUPING(action) AS grouped, count(*) AS calls,"
                           " percentile_cont(ARRAY[0.5, 0.95, 0.99]) WITHIN GROUP"
                           " (ORDER BY %5) AS p,"
                           " max(%5) AS longest"
                           " FROM %6 WHERE %7 AND %5 IS NOT NULL GROUP BY ROLLUP (action)"
                           ") latency ORDER BY grouped, action")
                .arg(micros(QStringLiteral("p[1]")), micros(QStringLiteral("p[2]")),
                    micros(QStringLiteral("p[3]")), micros(QStringLiteral("longest")), kDuration,
                    from, where);
    return s;
}

SqlStatement distinctActions(const AuditTableRef &table)
{
    SqlStatement s;
    s.sql = looseActionScan(table);
    return s;
}

SqlStatement distinctBanks(const AuditTableRef &table, const QString &startingAfter, int limit)
{
    SqlStatement s;
    const QString first = startingAfter.isEmpty()
        ? QStringLiteral("bank_id IS NOT NULL")
        : QStringLiteral("bank_id > ") + s.bind(startingAfter);
    s.sql = QStringLiteral("WITH RECURSIVE b(bank_id) AS ("
                           " (SELECT bank_id FROM %1 WHERE %2 ORDER BY bank_id LIMIT 1)"
                           " UNION ALL"
                           " SELECT (SELECT t.bank_id FROM %1 t WHERE t.bank_id > b.bank_id ORDER "
                           "BY t.bank_id LIMIT 1)"
                           " FROM b WHERE b.bank_id IS NOT NULL"
                           ") SELECT bank_id FROM b WHERE bank_id IS NOT NULL")
                .arg(table.quoted(), first)
        + limitClause(s, limit);
    return s;
}

SqlStatement recentTransports(const AuditTableRef &table, int sampleRows)
{
    SqlStatement s;
    s.sql = QStringLiteral(
                "SELECT DISTINCT transport FROM (SELECT transport FROM %1 ORDER BY started_at DESC")
                .arg(table.quoted())
        + limitClause(s, sampleRows) + QStringLiteral(") recent ORDER BY 1");
    return s;
}

SqlStatement entry(const AuditTableRef &table, const QString &id)
{
    SqlStatement s;
    s.sql = QStringLiteral(
        "SELECT %1, request::text, response::text, metadata::text FROM %2 WHERE id = %3::uuid")
                .arg(kPageColumns, table.quoted(), s.bind(id));
    return s;
}

SqlStatement exportRows(
    const AuditTableRef &table, const AuditFilter &filter, SortOrder order, bool includeJson)
{
    return exportRows(QList<AuditTableRef> { table }, filter, order, includeJson);
}

SqlStatement exportRows(const QList<AuditTableRef> &tables, const AuditFilter &filter,
    SortOrder order, bool includeJson)
{
    SqlStatement s;
    const QString where = whereClause(filter, s);
    const bool one = tables.size() == 1;
    const QString schema = one ? s.bind(tables.first().schema) + QStringLiteral("::text")
                               : QStringLiteral("schema_name");
    const QString from = one ? tables.first().quoted() : unionOf(tables, s);
    s.sql = QStringLiteral("SELECT id::text AS entry_id, %1, action, transport, bank_id, "
                           "started_at, ended_at%2 FROM %3 WHERE %4")
                .arg(schema,
                    includeJson ? QStringLiteral(", request::text, response::text, metadata::text")
                                : QString(),
                    from, where)
        + orderByClause(order, false);
    if (!one) {
        // Equal ids in two tenants (one copied from the other): the schema breaks the tie.
        s.sql += isDescending(order, false) ? QStringLiteral(", schema_name COLLATE \"C\" DESC")
                                            : QStringLiteral(", schema_name COLLATE \"C\" ASC");
    }
    return s;
}

SqlStatement tableColumns(const AuditTableRef &table)
{
    SqlStatement s;
    const QString rel = s.bind(table.quoted());
    s.sql = QStringLiteral("SELECT a.attname::text, format_type(a.atttypid, a.atttypmod), "
                           "has_table_privilege(c.oid, 'SELECT'), c.relkind::text"
                           " FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND "
                           "a.attnum > 0 AND NOT a.attisdropped"
                           " WHERE c.oid = to_regclass(%1) ORDER BY a.attnum")
                .arg(rel);
    return s;
}

SqlStatement schemasHoldingTable(const QString &tableName, const QString &schemaPattern)
{
    SqlStatement s;
    const QString name = s.bind(tableName);
    const QString pattern = schemaPattern.isEmpty()
        ? QString()
        : QStringLiteral(" AND n.nspname LIKE %1").arg(s.bind(schemaPattern));
    // reltuples is -1 until the table was first vacuumed or analysed (PostgreSQL 14 and later).
    s.sql = QStringLiteral(
        "SELECT n.nspname::text,"
        " CASE WHEN c.relkind = 'p' THEN"
        "  (SELECT sum(p.reltuples)::bigint FROM pg_partition_tree(c.oid) t"
        "   JOIN pg_class p ON p.oid = t.relid WHERE t.isleaf AND p.reltuples >= 0)"
        " WHEN c.reltuples >= 0 THEN c.reltuples::bigint END,"
        " has_schema_privilege(n.oid, 'USAGE') AND has_table_privilege(c.oid, 'SELECT')"
        " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
        " WHERE c.relname = %1 AND c.relkind IN ('r', 'p') AND NOT c.relispartition%2"
        " ORDER BY n.nspname COLLATE \"C\"")
                .arg(name, pattern);
    return s;
}

} // namespace AuditQuery
