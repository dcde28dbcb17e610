#pragma once

#include "auditfilter.h"
#include "volumestats.h"

#include <QString>

// The SQL Hindsight's own web control plane runs for the same views, reconstructed from
// what it does (its source is not part of this project): a list is a total count plus an
// OFFSET page of whole rows, and its stats group the rows since now() minus the period by
// date_trunc and action. Values are spliced in as literals, as psql would run them.
// Bench code only.
namespace HindsightSql {

// SELECT count(*) FROM t WHERE <filter>
QString count(const AuditTableRef &table, const AuditFilter &filter);
// SELECT * FROM t WHERE <filter> ORDER BY started_at DESC LIMIT n OFFSET m
QString page(const AuditTableRef &table, const AuditFilter &filter, int limit, qint64 offset);
// SELECT date_trunc('hour'|'day', started_at) AS bucket, action, count(*) FROM t
// WHERE started_at >= now() - interval '1 day'|'7 days'|'30 days' [AND <filter>]
// GROUP BY 1, 2 ORDER BY 1
QString stats(const AuditTableRef &table, const AuditFilter &filter, VolumePeriod period);
// SELECT DISTINCT action / bank_id FROM t ORDER BY 1: its filter choices.
QString distinct(const AuditTableRef &table, const QString &column);
// SELECT * FROM t WHERE id = '<id>'
QString entry(const AuditTableRef &table, const QString &id);

} // namespace HindsightSql
