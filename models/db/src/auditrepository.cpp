#include "auditrepository.h"

#include "auditquery.h"
#include "tenantlog.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <cmath>

namespace {

AuditTimestamp timestampAt(const PgResult &result, int row, int column)
{
    // The session runs in UTC and PostgreSQL's output is regular; a value it could not
    // produce would be a driver bug, so a parse failure maps to the epoch, not a crash.
    return result.timestamp(row, column).value_or(AuditTimestamp());
}

} // namespace

AuditRepository::AuditRepository(PgSession session, AuditTableRef table)
    : m_session(session)
    , m_table(std::move(table))
{
}

AuditEntry AuditRepository::entryFromRow(const PgResult &result, int row, int column)
{
    AuditEntry entry;
    entry.id = result.text(row, column);
    entry.action = result.text(row, column + 1);
    entry.transport = result.text(row, column + 2);
    entry.bankId = result.optionalText(row, column + 3);
    entry.startedAt = timestampAt(result, row, column + 4);
    if (!result.isNull(row, column + 5)) {
        entry.endedAt = timestampAt(result, row, column + 5);
    }
    entry.hasResponse = result.boolean(row, column + 6);
    entry.requestStart = result.optionalText(row, column + 7);
    entry.storedBytes = result.integer(row, column + 8);
    if (entry.requestStart && entry.requestStart->isEmpty()) {
        entry.requestGoesOn = true; // too large to preview
    } else if (entry.requestStart && entry.requestStart->size() > AuditEntry::kRequestStartLength) {
        // left() counts characters, QString UTF-16 units: step over surrogate pairs.
        const QString &text = *entry.requestStart;
        qsizetype units = 0;
        for (int n = 0; n < AuditEntry::kRequestStartLength && units < text.size(); ++n) {
            units += text.at(units).isHighSurrogate() && units + 1 < text.size() ? 2 : 1;
        }
        entry.requestGoesOn = units < text.size();
        entry.requestStart->truncate(units);
    }
    return entry;
}

Result<bool> AuditRepository::checkTable() const
{
    if (m_table.isMultiSchema()) {
        return checkTables();
    }
    auto result = m_session.exec(AuditQuery::tableColumns(m_table));
    if (!result) {
        return result.error();
    }
    if (result->rowCount() == 0) {
        return QueryError::missingTable(QCoreApplication::translate("AuditRepository",
            "The table %1 does not exist; choose the schema and table "
            "that Hindsight writes its audit log to.")
                                            .arg(m_table.displayName()));
    }
    static const QList<QPair<QString, QString>> expected = {
        { QStringLiteral("id"), QStringLiteral("uuid") },
        { QStringLiteral("action"), QStringLiteral("text") },
        { QStringLiteral("transport"), QStringLiteral("text") },
        { QStringLiteral("bank_id"), QStringLiteral("text") },
        { QStringLiteral("started_at"), QStringLiteral("timestamp with time zone") },
        { QStringLiteral("ended_at"), QStringLiteral("timestamp with time zone") },
        { QStringLiteral("request"), QStringLiteral("jsonb") },
        { QStringLiteral("response"), QStringLiteral("jsonb") },
        { QStringLiteral("metadata"), QStringLiteral("jsonb") },
    };
    QHash<QString, QString> actual;
    for (int row = 0; row < result->rowCount(); ++row) {
        actual.insert(result->text(row, 0), result->text(row, 1));
    }
    QStringList missing;
    QStringList wrongType;
    for (const auto &[name, type] : expected) {
        const auto it = actual.constFind(name);
        if (it == actual.constEnd()) {
            missing.append(name);
        } else if (*it != type) {
            wrongType.append(QCoreApplication::translate("AuditRepository", "%1 is %2, not %3",
                "a column, its type, the type it should have")
                                 .arg(name, *it, type));
        }
    }
    if (!missing.isEmpty() || !wrongType.isEmpty()) {
        QStringList problems;
        if (!missing.isEmpty()) {
            problems.append(QCoreApplication::translate("AuditRepository", "it has no column %1",
                "the names of the missing columns", int(missing.size()))
                                .arg(missing.join(QLatin1String(", "))));
        }
        if (!wrongType.isEmpty()) {
            problems.append(wrongType.join(QLatin1String(", ")));
        }
        return QueryError::schema(
            QCoreApplication::translate(
                "AuditRepository", "The table %1 is not Hindsight's audit table: %2.")
                .arg(m_table.displayName(), problems.join(QLatin1String("; "))));
    }
    if (!result->boolean(0, 2)) {
        return QueryError::schema(QCoreApplication::translate("AuditRepository",
            "This database role may not read %1 (it lacks the SELECT privilege).")
                                      .arg(m_table.displayName()));
    }
    return true;
}

Result<bool> AuditRepository::checkTables() const
{
    auto schemas = schemasHoldingTable();
    if (!schemas) {
        return schemas.error();
    }
    if (schemas->isEmpty()) {
        return QueryError::missingTable(QCoreApplication::translate(
            "AuditRepository", "No schema matching %1 has a table named %2.")
                                            .arg(m_table.schemaPattern, m_table.table));
    }
    // The first readable tenant stands for the others: Hindsight creates them all alike.
    for (const AuditSchema &schema : std::as_const(*schemas)) {
        if (schema.readable) {
            return AuditRepository(m_session, m_table.inSchema(schema.schema)).checkTable();
        }
    }
    return QueryError::schema(QCoreApplication::translate("AuditRepository",
        "This database role may not read any of the %n tables %1 matches.", nullptr,
        int(schemas->size()))
                                  .arg(m_table.displayName()));
}

Result<QList<AuditSchema>> AuditRepository::schemasHoldingTable() const
{
    auto result
        = m_session.exec(AuditQuery::schemasHoldingTable(m_table.table, m_table.schemaPattern));
    if (!result) {
        return result.error();
    }
    QList<AuditSchema> schemas;
    schemas.reserve(result->rowCount());
    for (int row = 0; row < result->rowCount(); ++row) {
        AuditSchema schema { result->text(row, 0), std::nullopt, result->boolean(row, 2) };
        if (!result->isNull(row, 1)) {
            schema.estimatedRows = result->integer(row, 1);
        }
        schemas.append(schema);
    }
    return schemas;
}

Result<QList<AuditTableRef>> AuditRepository::tablesToRead(
    const AuditFilter &filter, QStringList *skipped) const
{
    if (!m_table.isMultiSchema()) {
        return QList<AuditTableRef> { m_table };
    }
    auto schemas = schemasHoldingTable();
    if (!schemas) {
        return schemas.error();
    }
    QList<AuditTableRef> tables;
    tables.reserve(schemas->size());
    for (const AuditSchema &schema : std::as_const(*schemas)) {
        if (!filter.schemas.isEmpty() && !filter.schemas.contains(schema.schema)) {
            continue;
        }
        if (!schema.readable) {
            if (skipped) {
                skipped->append(QCoreApplication::translate(
                    "AuditRepository", "Skipped %1: this role may not read it.")
                                    .arg(m_table.inSchema(schema.schema).displayName()));
            }
            continue;
        }
        tables.append(m_table.inSchema(schema.schema));
    }
    return tables;
}

Result<AuditPage> AuditRepository::page(const AuditFilter &filter, int limit,
    const std::optional<PageCursor> &after, SortOrder order, bool backward) const
{
    if (limit < 1) {
        return QueryError::usage(
            QCoreApplication::translate("AuditRepository", "A page holds at least one row."));
    }
    if (m_table.isMultiSchema()) {
        return TenantLog(m_session, *this).page(filter, limit, after, order, backward);
    }
    // One row more than asked tells whether another page follows, without a count.
    auto result
        = m_session.exec(AuditQuery::page(m_table, filter, limit + 1, after, order, backward));
    if (!result) {
        return result.error();
    }
    AuditPage page;
    const int rows = result->rowCount();
    page.hasMore = rows > limit;
    page.entries.reserve(std::min(rows, limit));
    for (int row = 0; row < std::min(rows, limit); ++row) {
        page.entries.append(entryFromRow(*result, row));
        page.entries.last().schema = m_table.schema;
    }
    return page;
}

Result<qint64> AuditRepository::estimatedCount(const AuditFilter &filter) const
{
    if (m_table.isMultiSchema()) {
        return TenantLog(m_session, *this).estimatedCount(filter);
    }
    auto result = m_session.exec(AuditQuery::estimatedCount(m_table, filter));
    if (!result) {
        return result.error();
    }
    return estimateFromPlan(*result);
}

Result<qint64> AuditRepository::estimateFromPlan(const PgResult &result)
{
    QString plan;
    for (int row = 0; row < result.rowCount(); ++row) {
        plan += result.text(row, 0);
    }
    const QJsonDocument doc = QJsonDocument::fromJson(plan.toUtf8());
    const double rows = doc.array()
                            .at(0)
                            .toObject()
                            .value(QLatin1String("Plan"))
                            .toObject()
                            .value(QLatin1String("Plan Rows"))
                            .toDouble(-1);
    if (rows < 0) {
        return QueryError::query(QCoreApplication::translate(
            "AuditRepository", "The server's query plan had no row estimate."));
    }
    return static_cast<qint64>(std::llround(rows));
}

Result<qint64> AuditRepository::exactCount(const AuditFilter &filter) const
{
    if (m_table.isMultiSchema()) {
        return TenantLog(m_session, *this).exactCount(filter);
    }
    auto result = m_session.exec(AuditQuery::exactCount(m_table, filter));
    if (!result) {
        return result.error();
    }
    return result->integer(0, 0);
}

Result<AuditSource> AuditRepository::source() const
{
    auto result = m_session.exec(AuditQuery::volumeSource(m_table));
    if (!result) {
        return result.error();
    }
    if (result->rowCount() != 1) {
        return AuditSource {}; // cannot happen (one row without FROM); named by nothing
    }
    // The address libpq reached tells servers apart as the user typed them. Two servers
    // behind one address over time (a container recreated, a backup restored, a standby
    // promoted) are told apart by the server's start time: every role may read it, and each
    // of those starts a server. Its cost is a count from scratch after a restart of the
    // server. (pg_control_system()'s system_identifier outlives a restart, but a restored
    // backup or a clone shares it while its rows differ.) Oids tell a database or table
    // dropped and created again under its old name apart.
    const auto part = [](QChar tag, const QString &value) {
        return tag + QString::number(value.size()) + QLatin1Char(':') + value;
    };
    AuditSource source;
    source.key = part(QLatin1Char('h'), m_session.address())
        + part(QLatin1Char('s'), result->text(0, 3))
        + part(QLatin1Char('d'), result->text(0, 0) + QLatin1Char('/') + result->text(0, 1));
    if (m_table.isMultiSchema()) {
        auto tenants = TenantLog(m_session, *this).source();
        if (!tenants) {
            return tenants.error();
        }
        source.key += part(QLatin1Char('t'),
            QStringLiteral("pattern/%1/%2/").arg(m_table.schemaPattern, m_table.table)
                + tenants->key);
        source.earliestStart = tenants->earliestStart;
        return source;
    }
    source.key += part(QLatin1Char('t'), result->text(0, 2) + QLatin1Char('/') + m_table.quoted());
    if (!result->isNull(0, 4)) {
        source.earliestStart = timestampAt(*result, 0, 4);
    }
    return source;
}

Result<VolumeSeries> AuditRepository::volume(const AuditFilter &filter, VolumePeriod period,
    const QTimeZone &zone, const QDateTime &now, std::optional<AuditTimestamp> countFrom,
    VolumeGrouping grouping) const
{
    VolumeSeries series;
    series.range = VolumeRange::forPeriod(period, now, zone);
    series.zoneId = zone == QTimeZone::utc() ? QStringLiteral("UTC") : QString::fromUtf8(zone.id());
    series.buckets.reserve(series.range.bucketStarts.size());
    for (const AuditTimestamp &start : series.range.bucketStarts) {
        series.buckets.append(VolumeBucket { start, 0, {} });
    }
    AuditFilter counted = filter;
    if (countFrom) {
        counted.since = counted.since ? std::max(*counted.since, *countFrom) : *countFrom;
    }
    if (m_table.isMultiSchema()) {
        if (auto error = TenantLog(m_session, *this).addVolume(series, counted, grouping)) {
            return *error;
        }
        return series;
    }
    auto result = m_session.exec(AuditQuery::volume(m_table, counted, series.range, series.zoneId));
    if (!result) {
        return result.error();
    }
    addVolumeRows(series, *result, grouping == VolumeGrouping::Tenant ? m_table.schema : QString());
    return series;
}

void AuditRepository::addVolumeRows(
    VolumeSeries &series, const PgResult &result, const QString &group)
{
    // Buckets are ascending and few (at most 31 days or 25 hours): a binary search each.
    for (int row = 0; row < result.rowCount(); ++row) {
        const AuditTimestamp start = timestampAt(result, row, 0);
        const auto it = std::lower_bound(series.buckets.begin(), series.buckets.end(), start,
            [](const VolumeBucket &bucket, const AuditTimestamp &at) { return bucket.start < at; });
        if (it == series.buckets.end() || !(it->start == start)) {
            continue; // a row started after `now` (clock skew): not part of the period
        }
        const qint64 count = result.integer(row, 2);
        it->actions[group.isEmpty() ? result.text(row, 1) : group] += count;
        it->total += count;
    }
}

Result<std::optional<AuditTimestamp>> AuditRepository::earliestEndedSince(
    const AuditFilter &filter, const AuditTimestamp &endedSince) const
{
    if (m_table.isMultiSchema()) {
        return TenantLog(m_session, *this).earliestEndedSince(filter, endedSince);
    }
    auto result = m_session.exec(AuditQuery::earliestEndedSince(m_table, filter, endedSince));
    if (!result) {
        return result.error();
    }
    if (result->rowCount() < 1 || result->isNull(0, 0)) {
        return std::optional<AuditTimestamp>();
    }
    return std::optional<AuditTimestamp>(timestampAt(*result, 0, 0));
}

Result<LatencySummary> AuditRepository::latencySummary(const AuditFilter &filter) const
{
    QList<AuditTableRef> tables { m_table };
    if (m_table.isMultiSchema()) {
        auto readable = tablesToRead(filter);
        if (!readable) {
            return readable.error();
        }
        if (readable->isEmpty()) {
            return LatencySummary();
        }
        tables = *readable;
    }
    auto result = m_session.exec(AuditQuery::latencySummary(tables, filter));
    if (!result) {
        return result.error();
    }
    LatencySummary summary;
    for (int row = 0; row < result->rowCount(); ++row) {
        // No call ended: the all-actions row still comes, with NULL durations.
        const auto micros = [&](int column) {
            return result->isNull(row, column) ? 0 : result->integer(row, column);
        };
        LatencyRow latency { result->text(row, 0), result->integer(row, 2), micros(3), micros(4),
            micros(5), micros(6) };
        if (result->integer(row, 1) != 0) {
            latency.action.clear();
            summary.total = latency;
        } else {
            summary.actions.append(latency);
        }
    }
    return summary;
}

Result<QStringList> AuditRepository::distinctActions() const
{
    if (m_table.isMultiSchema()) {
        return TenantLog(m_session, *this).distinctActions();
    }
    auto result = m_session.exec(AuditQuery::distinctActions(m_table));
    if (!result) {
        return result.error();
    }
    QStringList actions;
    for (int row = 0; row < result->rowCount(); ++row) {
        actions.append(result->text(row, 0));
    }
    return actions;
}

Result<QStringList> AuditRepository::distinctTransports() const
{
    // Hindsight's three transports are always offered; the sample adds any others in use.
    QStringList transports { QStringLiteral("http"), QStringLiteral("mcp"),
        QStringLiteral("system") };
    if (m_table.isMultiSchema()) {
        return transports; // a sample of each of a thousand tenants would cost more than it tells
    }
    auto result = m_session.exec(AuditQuery::recentTransports(m_table, 10000));
    if (!result) {
        return result.error();
    }
    for (int row = 0; row < result->rowCount(); ++row) {
        const QString transport = result->text(row, 0);
        if (!transports.contains(transport)) {
            transports.append(transport);
        }
    }
    return transports;
}

Result<QStringList> AuditRepository::distinctBanks(const QString &startingAfter, int limit) const
{
    if (m_table.isMultiSchema()) {
        return TenantLog(m_session, *this).distinctBanks(startingAfter, limit);
    }
    auto result = m_session.exec(AuditQuery::distinctBanks(m_table, startingAfter, limit));
    if (!result) {
        return result.error();
    }
    QStringList banks;
    banks.reserve(result->rowCount());
    for (int row = 0; row < result->rowCount(); ++row) {
        banks.append(result->text(row, 0));
    }
    return banks;
}

Result<AuditEntryDetail> AuditRepository::entry(const QString &id, const QString &schema) const
{
    if (!AuditEntry::isId(id)) {
        return QueryError::usage(QCoreApplication::translate(
            "AuditRepository", "\"%1\" is not an audit entry id (a UUID).")
                                     .arg(id));
    }
    if (m_table.isMultiSchema() && schema.isEmpty()) {
        return TenantLog(m_session, *this).entry(id);
    }
    const AuditTableRef table = m_table.isMultiSchema() ? m_table.inSchema(schema) : m_table;
    auto result = m_session.exec(AuditQuery::entry(table, id));
    if (!result) {
        return result.error();
    }
    if (result->rowCount() == 0) {
        return QueryError::query(
            QCoreApplication::translate("AuditRepository", "No audit entry has the id %1.")
                .arg(id));
    }
    return detailFromRow(*result, 0, table.schema);
}

AuditEntryDetail AuditRepository::detailFromRow(
    const PgResult &result, int row, const QString &schema)
{
    AuditEntryDetail detail;
    detail.entry = entryFromRow(result, row);
    detail.entry.schema = schema;
    detail.request = result.optionalText(row, kPageColumnCount);
    detail.response = result.optionalText(row, kPageColumnCount + 1);
    detail.metadata = result.optionalText(row, kPageColumnCount + 2);
    return detail;
}
