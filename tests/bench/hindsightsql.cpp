#include "hindsightsql.h"

#include "auditquery.h"
#include "psqltimer.h"

namespace {

// The filter's terms as the viewer writes them, with literals: both sides filter alike.
QString where(const AuditFilter &filter)
{
    SqlStatement s;
    s.sql = AuditQuery::whereClause(filter, s);
    return PsqlTimer::withLiterals(s);
}

} // namespace

namespace HindsightSql {

QString count(const AuditTableRef &table, const AuditFilter &filter)
{
    return QStringLiteral("SELECT count(*) FROM %1 WHERE %2").arg(table.quoted(), where(filter));
}

QString page(const AuditTableRef &table, const AuditFilter &filter, int limit, qint64 offset)
{
    return QStringLiteral("SELECT * FROM %1 WHERE %2 ORDER BY started_at DESC LIMIT %3 OFFSET %4")
        .arg(table.quoted(), where(filter))
        .arg(limit)
        .arg(offset);
}

QString stats(const AuditTableRef &table, const AuditFilter &filter, VolumePeriod period)
{
    const QString unit
        = period == VolumePeriod::Today ? QStringLiteral("hour") : QStringLiteral("day");
    const QString interval = period == VolumePeriod::Today ? QStringLiteral("1 day")
        : period == VolumePeriod::SevenDays                ? QStringLiteral("7 days")
                                                           : QStringLiteral("30 days");
    const QString terms = filter.isEmpty() ? QString() : QStringLiteral(" AND ") + where(filter);
    return QStringLiteral("SELECT date_trunc('%1', started_at) AS bucket, action, count(*) FROM %2 "
                          "WHERE started_at >= now() - interval '%3'%4 GROUP BY 1, 2 ORDER BY 1")
        .arg(unit, table.quoted(), interval, terms);
}

QString distinct(const AuditTableRef &table, const QString &column)
{
    return QStringLiteral("SELECT DISTINCT %1 FROM %2 ORDER BY 1").arg(column, table.quoted());
}

QString entry(const AuditTableRef &table, const QString &id)
{
    return QStringLiteral("SELECT * FROM %1 WHERE id = '%2'").arg(table.quoted(), id);
}

} // namespace HindsightSql
