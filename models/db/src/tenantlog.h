#pragma once

#include "auditrepository.h"

#include <functional>

// Many schemas' audit tables read as one log (AuditTableRef::schemaPattern: one schema per
// tenant). Planning one UNION ALL over a thousand tables takes over a second, so each query
// here is one small statement per schema, all sent together in libpq's pipeline mode
// (PgSession::execEach), and the answers are merged on this side: pages by a k-way merge of
// per-schema keyset reads that asks each schema only for the rows the page can take, counts
// and chart buckets by adding them up. A schema dropped or revoked mid-query is skipped with a
// note, never a failed page. Latency and exports, which need one ordered or aggregated
// stream, use one UNION ALL (AuditQuery).
// Thread: the thread that owns the repository's connection.
class TenantLog
{
public:
    explicit TenantLog(PgSession session, const AuditRepository &repository);

    Result<AuditPage> page(const AuditFilter &filter, int limit,
        const std::optional<PageCursor> &after, SortOrder order, bool backward) const;
    Result<qint64> estimatedCount(const AuditFilter &filter) const;
    Result<qint64> exactCount(const AuditFilter &filter) const;
    // Adds the counts of every schema to `series`' buckets (see AuditRepository::volume).
    std::optional<QueryError> addVolume(
        VolumeSeries &series, const AuditFilter &counted, VolumeGrouping grouping) const;
    Result<std::optional<AuditTimestamp>> earliestEndedSince(
        const AuditFilter &filter, const AuditTimestamp &endedSince) const;
    Result<QStringList> distinctActions() const;
    Result<QStringList> distinctBanks(const QString &startingAfter, int limit) const;
    // What the chart cache keys its counts by: every readable tenant's table (oid and name)
    // and the earliest row of each, hashed; earliestStart is the earliest of all. The set
    // changes when a tenant is created, dropped or granted, and the earliest rows when any
    // tenant's retention sweep runs: either is another key, counted again from scratch.
    Result<AuditSource> source() const;
    // The entry with this id in the first schema, by name, that holds one.
    Result<AuditEntryDetail> entry(const QString &id) const;

private:
    using Build = std::function<SqlStatement(const AuditTableRef &table)>;
    using Answer = std::function<void(qsizetype index, const PgResult &result)>;
    // Runs build(table) for every table in one pipeline and hands each answer over by index;
    // a table that is gone or not readable adds a sentence to `skipped` (when given).
    std::optional<QueryError> forEach(const QList<AuditTableRef> &tables, const Build &build,
        const Answer &answer, QStringList *skipped = nullptr) const;
    std::optional<QueryError> run(const QList<AuditTableRef> &tables,
        const QList<SqlStatement> &statements, const Answer &answer,
        QStringList *skipped = nullptr) const;
    Result<QList<AuditTableRef>> tables(const AuditFilter &filter, QStringList *skipped) const;

    PgSession m_session;
    const AuditRepository &m_repository;
};
