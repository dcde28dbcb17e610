#include "auditquery.h"

#include <QStringList>

namespace {

// started_at and ended_at are read as text in a UTC session: exact to the microsecond,
// where QPSQL's QDateTime conversion would drop the last three digits.
const QString kPageColumns = QStringLiteral(
    "id::text, action, transport, bank_id, started_at, ended_at, response IS NOT NULL");

QString limitClause(SqlStatement &statement, int limit)
{
    return QStringLiteral(" LIMIT ") + statement.bind(QByteArray::number(limit));
}

} // namespace

QString SqlStatement::bind(const QString &value)
{
    return bind(value.toUtf8());
}

QString SqlStatement::bind(const QByteArray &value)
{
    params.append(value);
    return QLatin1Char('$') + QString::number(params.size());
}

namespace AuditQuery {

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
            QStringLiteral("ended_at - started_at >= %1::bigint * interval '1 microsecond'")
                .arg(statement.bind(QByteArray::number(*filter.minDurationMicros))));
    }
    return terms.isEmpty() ? QStringLiteral("TRUE") : terms.join(QLatin1String(" AND "));
}

SqlStatement page(const AuditTableRef &table, const AuditFilter &filter, int limit,
    const std::optional<PageCursor> &after, SortOrder order)
{
    SqlStatement s;
    QString where = whereClause(filter, s);
    const bool newestFirst = order == SortOrder::NewestFirst;
    if (after) {
        const QString ts = s.bind(after->startedAt.toIsoUtc()) + QStringLiteral("::timestamptz");
        const QString id = s.bind(after->id) + QStringLiteral("::uuid");
        // The single-column bound lets the started_at indexes drive the scan; the row
        // comparison breaks ties between rows that share a timestamp.
        where += newestFirst
            ? QStringLiteral(" AND started_at <= %1 AND (started_at, id) < (%1, %2)").arg(ts, id)
            : QStringLiteral(" AND started_at >= %1 AND (started_at, id) > (%1, %2)").arg(ts, id);
    }
    const QString direction = newestFirst ? QStringLiteral("DESC") : QStringLiteral("ASC");
    s.sql = QStringLiteral("SELECT %1 FROM %2 WHERE %3 ORDER BY started_at %4, id %4")
                .arg(kPageColumns, table.quoted(), where, direction)
        + limitClause(s, limit);
    return s;
}

SqlStatement exactCount(const AuditTableRef &table, const AuditFilter &filter)
{
    SqlStatement s;
    const QString where = whereClause(filter, s);
    s.sql = QStringLiteral("SELECT count(*) FROM %1 WHERE %2").arg(table.quoted(), where);
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

SqlStatement volume(const AuditTableRef &table, const AuditFilter &filter, const VolumeRange &range,
    const QString &zoneId)
{
    SqlStatement s;
    // Days follow the zone's calendar (date_trunc with a zone). Hours are binned in
    // absolute time from local midnight (date_bin), so the repeated hour of a DST
    // fall-back day stays a bucket of its own instead of merging into its twin.
    const QString bucket = range.unit == VolumeBucketUnit::Hour
        ? QStringLiteral("date_bin('1 hour', started_at, %1::timestamptz)")
              .arg(s.bind(range.from.toIsoUtc()))
        : QStringLiteral("date_trunc('day', started_at, %1)").arg(s.bind(zoneId));
    AuditFilter bounded = filter;
    // The period's bounds narrow the filter's own time range, never widen it.
    bounded.since = filter.since ? std::max(*filter.since, range.from) : range.from;
    bounded.until = filter.until ? std::min(*filter.until, range.to) : range.to;
    const QString where = whereClause(bounded, s);
    s.sql = QStringLiteral(
        "SELECT %1 AS bucket, action, count(*) FROM %2 WHERE %3 GROUP BY 1, 2 ORDER BY 1, 2")
                .arg(bucket, table.quoted(), where);
    return s;
}

SqlStatement distinctActions(const AuditTableRef &table)
{
    SqlStatement s;
    s.sql = QStringLiteral(
        "WITH RECURSIVE a(action) AS ("
        " (SELECT action FROM %1 ORDER BY action LIMIT 1)"
        " UNION ALL"
        " SELECT (SELECT t.action FROM %1 t WHERE t.action > a.action ORDER BY t.action LIMIT 1)"
        " FROM a WHERE a.action IS NOT NULL"
        ") SELECT action FROM a WHERE action IS NOT NULL")
                .arg(table.quoted());
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
    SqlStatement s;
    const QString where = whereClause(filter, s);
    const QString direction
        = order == SortOrder::NewestFirst ? QStringLiteral("DESC") : QStringLiteral("ASC");
    s.sql = QStringLiteral(
        "SELECT id::text, action, transport, bank_id, started_at, ended_at%1 FROM %2 WHERE %3 "
        "ORDER BY started_at %4, id %4")
                .arg(includeJson ? QStringLiteral(", request::text, response::text, metadata::text")
                                 : QString(),
                    table.quoted(), where, direction);
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

} // namespace AuditQuery
