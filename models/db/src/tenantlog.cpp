#include "tenantlog.h"

#include "auditquery.h"

#include <QCoreApplication>
#include <QCryptographicHash>

#include <algorithm>
#include <limits>
#include <numeric>

namespace {

// Up to this many tenants, an exact count is one UNION ALL statement and the chart reads each
// tenant the way it reads one table; past it, tenants are many and small.
constexpr qsizetype kOneStatementTables = 32;

// The order's key of a row as AuditQuery::page sorts it, then the id, then the schema.
struct RowKey
{
    AuditTimestamp time; // started_at, or ended_at in RecentlyFinishedFirst
    qint64 number = 0; // the duration in the duration orders; 1 for a call in flight there
    QString id;
    QString schema;
};

RowKey keyOf(const AuditEntry &entry, SortOrder order)
{
    RowKey key { AuditTimestamp(), 0, entry.id, entry.schema };
    if (isDurationOrder(order)) {
        // A call in flight sorts after every ended call in both duration orders.
        const auto duration = entry.durationUsecs();
        key.number = duration
            ? *duration
            : (order == SortOrder::LongestFirst ? std::numeric_limits<qint64>::min()
                                                : std::numeric_limits<qint64>::max());
    } else if (order == SortOrder::RecentlyFinishedFirst) {
        // In flight first when reading the newest first: above every ended_at.
        key.number = entry.endedAt ? 0 : 1;
        key.time = entry.endedAt.value_or(AuditTimestamp());
    } else {
        key.time = entry.startedAt;
    }
    return key;
}

// Whether `a` comes before `b` in the order read.
bool comesBefore(const RowKey &a, const RowKey &b, SortOrder order, bool descending)
{
    const auto less = [order](const RowKey &x, const RowKey &y) {
        // RecentlyFinishedFirst: the in-flight flag outranks the time.
        if (order == SortOrder::RecentlyFinishedFirst && x.number != y.number) {
            return x.number < y.number;
        }
        return std::tie(x.time, x.number, x.id, x.schema)
            < std::tie(y.time, y.number, y.id, y.schema);
    };
    return descending ? less(b, a) : less(a, b);
}

// One schema's part of a page: the rows read from it so far, in order.
struct Stream
{
    AuditTableRef table;
    QList<AuditEntry> rows;
    int asked = 0; // rows asked for in the last read
    bool done = false; // it has no more rows (or is gone)
};

} // namespace

TenantLog::TenantLog(PgSession session, const AuditRepository &repository)
    : m_session(session)
    , m_repository(repository)
{
}

Result<QList<AuditTableRef>> TenantLog::tables(
    const AuditFilter &filter, QStringList *skipped) const
{
    return m_repository.tablesToRead(filter, skipped);
}

std::optional<QueryError> TenantLog::forEach(const QList<AuditTableRef> &tables, const Build &build,
    const Answer &answer, QStringList *skipped) const
{
    QList<SqlStatement> statements;
    statements.reserve(tables.size());
    for (const AuditTableRef &table : tables) {
        statements.append(build(table));
    }
    return run(tables, statements, answer, skipped);
}

std::optional<QueryError> TenantLog::run(const QList<AuditTableRef> &tables,
    const QList<SqlStatement> &statements, const Answer &answer, QStringList *skipped) const
{
    auto answers = m_session.execEach(statements);
    if (!answers) {
        return answers.error();
    }
    for (qsizetype index = 0; index < tables.size(); ++index) {
        const Result<PgResult> &result = (*answers)[static_cast<size_t>(index)];
        if (!result) {
            if (skipped) {
                skipped->append(QCoreApplication::translate("TenantLog", "Skipped %1: %2")
                                    .arg(tables.at(index).displayName(), result.error().message));
            }
            continue;
        }
        answer(index, *result);
    }
    return std::nullopt;
}

Result<AuditPage> TenantLog::page(const AuditFilter &filter, int limit,
    const std::optional<PageCursor> &after, SortOrder order, bool backward) const
{
    AuditPage page;
    auto readable = tables(filter, &page.notes);
    if (!readable) {
        return readable.error();
    }
    const bool descending = AuditQuery::isDescending(order, backward);
    const int wanted = limit + 1; // one more tells whether another page follows
    QList<Stream> streams;
    streams.reserve(readable->size());
    for (const AuditTableRef &table : std::as_const(*readable)) {
        streams.append(Stream { table, {}, 0, false });
    }
    // Each schema is asked first for its share of the page and twice as many each time the
    // merge cannot tell yet whether its next rows belong on the page.
    const int share = static_cast<int>(std::clamp<qsizetype>(
        (2 * wanted + streams.size() - 1) / std::max<qsizetype>(1, streams.size()), 2, wanted));
    const auto before = [order, descending](const AuditEntry &a, const AuditEntry &b) {
        return comesBefore(keyOf(a, order), keyOf(b, order), order, descending);
    };
    QList<AuditEntry> merged;
    QList<qsizetype> pending(streams.size());
    std::iota(pending.begin(), pending.end(), 0);
    while (!pending.isEmpty()) {
        QList<AuditTableRef> reading;
        QList<SqlStatement> statements;
        reading.reserve(pending.size());
        statements.reserve(pending.size());
        for (qsizetype index : std::as_const(pending)) {
            Stream &stream = streams[index];
            const AuditTableRef &table = stream.table;
            reading.append(table);
            stream.asked = stream.asked == 0 ? share : std::min(wanted, 2 * stream.asked);
            if (!stream.rows.isEmpty()) {
                statements.append(AuditQuery::page(table, filter, stream.asked,
                    PageCursor::after(stream.rows.last()), order, backward));
                continue;
            }
            // A row with the cursor's key in another schema comes after the cursor when
            // that schema comes after the cursor's in the order read.
            const bool withEqual = after && !after->schema.isEmpty()
                && (descending ? table.schema < after->schema : table.schema > after->schema);
            statements.append(
                AuditQuery::page(table, filter, stream.asked, after, order, backward, withEqual));
        }
        QList<bool> answered(pending.size(), false);
        auto error = run(
            reading, statements,
            [&](qsizetype index, const PgResult &result) {
                answered[index] = true;
                Stream &stream = streams[pending.at(index)];
                for (int row = 0; row < result.rowCount(); ++row) {
                    stream.rows.append(AuditRepository::entryFromRow(result, row));
                    stream.rows.last().schema = stream.table.schema;
                }
                stream.done = result.rowCount() < stream.asked;
            },
            &page.notes);
        if (error) {
            return *error;
        }
        for (qsizetype index = 0; index < pending.size(); ++index) {
            if (!answered.at(index)) {
                streams[pending.at(index)].done = true; // dropped while the page was read
            }
        }
        merged.clear();
        for (const Stream &stream : std::as_const(streams)) {
            merged.append(stream.rows);
        }
        const qsizetype kept = std::min<qsizetype>(wanted, merged.size());
        std::partial_sort(merged.begin(), merged.begin() + kept, merged.end(), before);
        merged.resize(kept);
        // A schema with more rows must be read on while its last row read is on the page:
        // its next rows might be too.
        pending.clear();
        for (qsizetype index = 0; index < streams.size(); ++index) {
            const Stream &stream = streams.at(index);
            if (!stream.done
                && (merged.size() < wanted || !before(merged.last(), stream.rows.last()))) {
                pending.append(index);
            }
        }
    }
    page.hasMore = merged.size() > limit;
    if (page.hasMore) {
        merged.removeLast();
    }
    page.entries = std::move(merged);
    return page;
}

Result<qint64> TenantLog::estimatedCount(const AuditFilter &filter) const
{
    AuditFilter unscoped = filter;
    unscoped.schemas.clear();
    if (unscoped.isEmpty()) {
        // The catalog's figures, added up: one query, however many schemas.
        auto schemas = m_repository.schemasHoldingTable();
        if (!schemas) {
            return schemas.error();
        }
        qint64 total = 0;
        for (const AuditSchema &schema : std::as_const(*schemas)) {
            if (schema.readable
                && (filter.schemas.isEmpty() || filter.schemas.contains(schema.schema))) {
                total += schema.estimatedRows.value_or(0);
            }
        }
        return total;
    }
    auto readable = tables(filter, nullptr);
    if (!readable) {
        return readable.error();
    }
    qint64 total = 0;
    std::optional<QueryError> planError;
    auto error = forEach(
        *readable,
        [&](const AuditTableRef &table) { return AuditQuery::estimatedCount(table, filter); },
        [&](qsizetype, const PgResult &result) {
            const auto rows = AuditRepository::estimateFromPlan(result);
            if (rows) {
                total += *rows;
            } else {
                planError = rows.error();
            }
        });
    if (error || planError) {
        return error ? *error : *planError;
    }
    return total;
}

Result<qint64> TenantLog::exactCount(const AuditFilter &filter) const
{
    auto readable = tables(filter, nullptr);
    if (!readable) {
        return readable.error();
    }
    if (readable->isEmpty()) {
        return qint64(0);
    }
    // A few large tenants: one UNION ALL, which plans in no time and which the server counts
    // with parallel workers (a statement per table cannot share them). Many tenants: a
    // statement each, as planning the UNION ALL would take longer than counting.
    if (readable->size() <= kOneStatementTables) {
        auto counted = m_session.exec(AuditQuery::exactCount(*readable, filter));
        if (!counted) {
            return counted.error();
        }
        return counted->integer(0, 0);
    }
    qint64 total = 0;
    auto error = forEach(
        *readable,
        [&](const AuditTableRef &table) { return AuditQuery::exactCount(table, filter); },
        [&](qsizetype, const PgResult &result) { total += result.integer(0, 0); });
    if (error) {
        return *error;
    }
    return total;
}

std::optional<QueryError> TenantLog::addVolume(
    VolumeSeries &series, const AuditFilter &counted, VolumeGrouping grouping) const
{
    auto readable = tables(counted, nullptr);
    if (!readable) {
        return readable.error();
    }
    return forEach(
        *readable,
        [&](const AuditTableRef &table) {
            // Many small tenants: the plain scan and GROUP BY plans in a fraction of the
            // time of the per-action index probes, which pay off on large tables only.
            return readable->size() > kOneStatementTables
                ? AuditQuery::volumeInOneScan(table, counted, series.range, series.zoneId)
                : AuditQuery::volume(table, counted, series.range, series.zoneId);
        },
        [&](qsizetype index, const PgResult &result) {
            AuditRepository::addVolumeRows(series, result,
                grouping == VolumeGrouping::Tenant ? readable->at(index).schema : QString());
        });
}

Result<std::optional<AuditTimestamp>> TenantLog::earliestEndedSince(
    const AuditFilter &filter, const AuditTimestamp &endedSince) const
{
    auto readable = tables(filter, nullptr);
    if (!readable) {
        return readable.error();
    }
    std::optional<AuditTimestamp> earliest;
    auto error = forEach(
        *readable,
        [&](const AuditTableRef &table) {
            return AuditQuery::earliestEndedSince(table, filter, endedSince);
        },
        [&](qsizetype, const PgResult &result) {
            if (result.rowCount() > 0 && !result.isNull(0, 0)) {
                const auto start = AuditTimestamp::fromPostgresText(
                    result.rawValue(0, 0), result.rawLength(0, 0));
                if (start && (!earliest || *start < *earliest)) {
                    earliest = start;
                }
            }
        });
    if (error) {
        return *error;
    }
    return earliest;
}

Result<QStringList> TenantLog::distinctActions() const
{
    auto readable = tables(AuditFilter(), nullptr);
    if (!readable) {
        return readable.error();
    }
    QStringList actions;
    auto error = forEach(
        *readable, [](const AuditTableRef &table) { return AuditQuery::distinctActions(table); },
        [&](qsizetype, const PgResult &result) {
            for (int row = 0; row < result.rowCount(); ++row) {
                actions.append(result.text(row, 0));
            }
        });
    if (error) {
        return *error;
    }
    actions.sort();
    actions.removeDuplicates();
    return actions;
}

Result<QStringList> TenantLog::distinctBanks(const QString &startingAfter, int limit) const
{
    auto readable = tables(AuditFilter(), nullptr);
    if (!readable) {
        return readable.error();
    }
    QStringList banks;
    auto error = forEach(
        *readable,
        [&](const AuditTableRef &table) {
            return AuditQuery::distinctBanks(table, startingAfter, limit);
        },
        [&](qsizetype, const PgResult &result) {
            for (int row = 0; row < result.rowCount(); ++row) {
                banks.append(result.text(row, 0));
            }
        });
    if (error) {
        return *error;
    }
    // Each schema's banks come in the index's (byte) order; so does their union.
    std::sort(banks.begin(), banks.end(),
        [](const QString &a, const QString &b) { return a.toUtf8() < b.toUtf8(); });
    banks.erase(std::unique(banks.begin(), banks.end()), banks.end());
    if (banks.size() > limit) {
        banks.resize(limit);
    }
    return banks;
}

Result<AuditSource> TenantLog::source() const
{
    auto readable = tables(AuditFilter(), nullptr);
    if (!readable) {
        return readable.error();
    }
    QCryptographicHash digest(QCryptographicHash::Sha256);
    AuditSource source;
    auto error = forEach(
        *readable,
        [](const AuditTableRef &table) {
            SqlStatement s;
            s.sql = QStringLiteral("SELECT %1::regclass::oid, (SELECT min(started_at) FROM %2)")
                        .arg(s.bind(table.quoted()), table.quoted());
            return s;
        },
        [&](qsizetype index, const PgResult &result) {
            digest.addData(readable->at(index).schema.toUtf8());
            digest.addData(QByteArrayView("/"));
            digest.addData(QByteArrayView(result.rawValue(0, 0), result.rawLength(0, 0)));
            digest.addData(QByteArrayView("/"));
            digest.addData(QByteArrayView(result.rawValue(0, 1), result.rawLength(0, 1)));
            digest.addData(QByteArrayView("\n"));
            if (!result.isNull(0, 1)) {
                const auto start = AuditTimestamp::fromPostgresText(
                    result.rawValue(0, 1), result.rawLength(0, 1));
                if (start && (!source.earliestStart || *start < *source.earliestStart)) {
                    source.earliestStart = start;
                }
            }
        },
        nullptr);
    if (error) {
        return *error;
    }
    source.key = QStringLiteral("%1 tenants/").arg(readable->size())
        + QString::fromLatin1(digest.result().toHex());
    return source;
}

Result<AuditEntryDetail> TenantLog::entry(const QString &id) const
{
    auto readable = tables(AuditFilter(), nullptr);
    if (!readable) {
        return readable.error();
    }
    std::optional<AuditEntryDetail> found;
    auto error = forEach(
        *readable, [&](const AuditTableRef &table) { return AuditQuery::entry(table, id); },
        [&](qsizetype index, const PgResult &result) {
            if (!found && result.rowCount() > 0) {
                found = AuditRepository::detailFromRow(result, 0, readable->at(index).schema);
            }
        });
    if (error) {
        return *error;
    }
    if (!found) {
        return QueryError::query(
            QCoreApplication::translate("AuditRepository", "No audit entry has the id %1.")
                .arg(id));
    }
    return *found;
}
