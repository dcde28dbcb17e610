#include "repositorybench.h"

#include "auditquery.h"
#include "hindsightsql.h"

#include <QLocale>

#include <algorithm>
#include <cstdio>

namespace {

QString thousands(qint64 n)
{
    return QLocale(QLocale::English).toString(n);
}

} // namespace

RepositoryBench::RepositoryBench(Options options, DatabaseConnection &connection)
    : m_options(std::move(options))
    , m_connection(connection)
    , m_repository(connection.session(), m_options.table)
    , m_psql(m_options.conninfo)
{
}

QList<double> RepositoryBench::interleave(const QList<Interleaved::Side> &sides, int minRounds)
{
    Interleaved rounds(m_options.iterations, m_options.budgetMs, minRounds);
    return rounds.measure(sides);
}

double RepositoryBench::hindsightList(const AuditFilter &filter, qint64 offset)
{
    // Slow on a large table (it counts every match): a few rounds, on its own.
    Interleaved rounds(std::min(m_options.iterations, 5), m_options.budgetMs);
    const QList<double> t = rounds.measure({
        { QStringLiteral("count"),
            [&] { return m_psql.time(HindsightSql::count(m_options.table, filter)); } },
        { QStringLiteral("page"),
            [&] {
                return m_psql.time(
                    HindsightSql::page(m_options.table, filter, m_options.pageSize, offset));
            } },
    });
    return t.at(0) < 0 || t.at(1) < 0 ? -1 : t.at(0) + t.at(1);
}

std::optional<AuditTimestamp> RepositoryBench::timestampOf(const QString &sql)
{
    auto result = m_connection.session().exec(sql);
    if (!result || result->rowCount() == 0 || result->isNull(0, 0)) {
        return std::nullopt;
    }
    return AuditTimestamp::fromPostgresText(result->rawValue(0, 0), result->rawLength(0, 0));
}

AuditTimestamp RepositoryBench::hoursBeforeNewest(qint64 hours) const
{
    return AuditTimestamp::fromUsecsSinceEpoch(
        m_newest.usecsSinceEpoch() - hours * 3600LL * 1000000);
}

std::optional<PageCursor> RepositoryBench::cursorAfter(const AuditFilter &filter, qint64 rows)
{
    SqlStatement s;
    const QString where = AuditQuery::whereClause(filter, s);
    s.sql = QStringLiteral("SELECT started_at, id::text FROM %1 WHERE %2 ORDER BY started_at DESC, "
                           "id DESC LIMIT 1 OFFSET %3")
                .arg(m_options.table.quoted(), where)
                .arg(rows - 1);
    auto result = m_connection.session().exec(s);
    if (!result || result->rowCount() == 0) {
        return std::nullopt;
    }
    const auto started
        = AuditTimestamp::fromPostgresText(result->rawValue(0, 0), result->rawLength(0, 0));
    if (!started) {
        return std::nullopt;
    }
    return PageCursor { *started, result->text(0, 1), std::nullopt };
}

bool RepositoryBench::prepare()
{
    if (auto checked = m_repository.checkTable(); !checked) {
        std::fprintf(stderr, "%s\n", qPrintable(checked.error().message));
        return false;
    }
    const QString t = m_options.table.quoted();
    const auto newest = timestampOf(QStringLiteral("SELECT max(started_at) FROM %1").arg(t));
    const auto oldest = timestampOf(QStringLiteral("SELECT min(started_at) FROM %1").arg(t));
    auto banks = m_connection.session().exec(
        QStringLiteral("SELECT bank_id, count(*) FROM %1 WHERE bank_id IS NOT NULL GROUP BY 1 "
                       "ORDER BY 2 DESC, 1")
            .arg(t));
    SqlStatement sizeQuery;
    sizeQuery.sql
        = QStringLiteral("SELECT reltuples::bigint, pg_size_pretty(pg_total_relation_size("
                         "oid)) FROM pg_class WHERE oid = to_regclass(%1)")
              .arg(sizeQuery.bind(t));
    auto size = m_connection.session().exec(sizeQuery);
    if (!newest || !oldest || !banks || banks->rowCount() == 0 || !size) {
        std::fprintf(stderr, "the table is empty or unreadable\n");
        return false;
    }
    m_newest = *newest;
    m_oldest = *oldest;
    m_busyBank = banks->text(0, 0);
    m_rareBank = banks->text(banks->rowCount() - 1, 0);
    m_summary = QStringLiteral("%1 rows (planner's count), %2 with indexes, %3 banks; busiest "
                               "bank %4 (%5 rows), rarest %6 (%7 rows); newest row %8")
                    .arg(thousands(size->integer(0, 0)), size->text(0, 1),
                        QString::number(banks->rowCount()), m_busyBank,
                        thousands(banks->integer(0, 1)), m_rareBank,
                        thousands(banks->integer(banks->rowCount() - 1, 1)), m_newest.toIsoUtc());
    std::printf("%s\n", qPrintable(m_summary));

    const auto add = [this](const QString &name, auto setup) {
        AuditFilter f;
        setup(f);
        m_cases.append({ name, f });
    };
    const auto day = [](qint64 days) { return days * 24; };
    add(QStringLiteral("none"), [](AuditFilter &) {});
    add(QStringLiteral("action=recall"),
        [](AuditFilter &f) { f.actions = { QStringLiteral("recall") }; });
    add(QStringLiteral("action=delete_bank (rare)"),
        [](AuditFilter &f) { f.actions = { QStringLiteral("delete_bank") }; });
    add(QStringLiteral("transport=mcp"),
        [](AuditFilter &f) { f.transport = QStringLiteral("mcp"); });
    add(QStringLiteral("bank=busiest"), [this](AuditFilter &f) { f.bank = m_busyBank; });
    add(QStringLiteral("bank=rarest"), [this](AuditFilter &f) { f.bank = m_rareBank; });
    add(QStringLiteral("last 24h"), [&](AuditFilter &f) { f.since = hoursBeforeNewest(24); });
    add(QStringLiteral("one day, 30 days back"), [&](AuditFilter &f) {
        f.since = hoursBeforeNewest(day(30));
        f.until = hoursBeforeNewest(day(29));
    });
    add(QStringLiteral("failed"), [](AuditFilter &f) { f.failedOnly = true; });
    add(QStringLiteral("search=Lisbon"),
        [](AuditFilter &f) { f.search = QStringLiteral("Lisbon"); });
    add(QStringLiteral("search=whsec_ (rare text)"),
        [](AuditFilter &f) { f.search = QStringLiteral("whsec_"); });
    add(QStringLiteral("action=retain+bank=busiest"), [this](AuditFilter &f) {
        f.actions = { QStringLiteral("retain") };
        f.bank = m_busyBank;
    });
    add(QStringLiteral("action=recall,reflect+7d"), [&](AuditFilter &f) {
        f.actions = { QStringLiteral("recall"), QStringLiteral("reflect") };
        f.since = hoursBeforeNewest(day(7));
    });
    add(QStringLiteral("transport=mcp+failed"), [](AuditFilter &f) {
        f.transport = QStringLiteral("mcp");
        f.failedOnly = true;
    });
    add(QStringLiteral("bank=busiest+24h"), [&](AuditFilter &f) {
        f.bank = m_busyBank;
        f.since = hoursBeforeNewest(24);
    });
    add(QStringLiteral("delete_bank+mcp+failed (rare)"), [](AuditFilter &f) {
        f.actions = { QStringLiteral("delete_bank") };
        f.transport = QStringLiteral("mcp");
        f.failedOnly = true;
    });
    add(QStringLiteral("only old rows (first day)"), [this](AuditFilter &f) {
        f.until
            = AuditTimestamp::fromUsecsSinceEpoch(m_oldest.usecsSinceEpoch() + 86400LL * 1000000);
    });
    add(QStringLiteral("failed+only old rows"), [this](AuditFilter &f) {
        f.failedOnly = true;
        f.until
            = AuditTimestamp::fromUsecsSinceEpoch(m_oldest.usecsSinceEpoch() + 86400LL * 1000000);
    });
    add(QStringLiteral("consolidation+mcp (no match)"), [](AuditFilter &f) {
        f.actions = { QStringLiteral("consolidation") };
        f.transport = QStringLiteral("mcp");
    });
    return true;
}

void RepositoryBench::firstPages()
{
    for (const Case &c : m_cases) {
        const QList<double> t = interleave({
            { QStringLiteral("ours"),
                [&] {
                    return Interleaved::timed(
                        [&] { return m_repository.page(c.filter, m_options.pageSize).ok(); });
                } },
            { QStringLiteral("psql"),
                [&] {
                    return m_psql.time(AuditQuery::page(m_options.table, c.filter,
                        m_options.pageSize + 1, std::nullopt, SortOrder::NewestFirst));
                } },
        });
        BenchLine line { QStringLiteral("first page"), c.name, t.at(0), t.at(1),
            hindsightList(c.filter, 0), QStringLiteral("≤ 1.5x psql"), std::nullopt, {} };
        if (line.ours >= 0 && line.psql > 0) {
            line.pass = line.ours <= 1.5 * line.psql;
        }
        m_table.add(line);
    }
}

void RepositoryBench::deepPages()
{
    const qint64 before = qint64(m_options.deepPage - 1) * m_options.pageSize;
    for (const qsizetype index : { 0, 1, 3, 4 }) {
        const Case &c = m_cases.at(index);
        const auto cursor = cursorAfter(c.filter, before);
        const QString operation
            = QStringLiteral("keyset page %1").arg(thousands(m_options.deepPage));
        if (!cursor) {
            m_table.add({ operation, c.name, -1, -1, -1, {}, std::nullopt,
                QStringLiteral("fewer than %1 rows match").arg(thousands(before)) });
            continue;
        }
        const QList<double> t = interleave({
            { QStringLiteral("ours deep"),
                [&] {
                    return Interleaved::timed([&] {
                        return m_repository.page(c.filter, m_options.pageSize, cursor).ok();
                    });
                } },
            { QStringLiteral("ours page 1"),
                [&] {
                    return Interleaved::timed(
                        [&] { return m_repository.page(c.filter, m_options.pageSize).ok(); });
                } },
            { QStringLiteral("psql deep"),
                [&] {
                    return m_psql.time(AuditQuery::page(m_options.table, c.filter,
                        m_options.pageSize + 1, cursor, SortOrder::NewestFirst));
                } },
        });
        Interleaved offsetRounds(std::min(m_options.iterations, 5), m_options.budgetMs);
        const double offsetPage = offsetRounds
                                      .measure({ { QStringLiteral("offset"),
                                          [&] {
                                              return m_psql.time(HindsightSql::page(m_options.table,
                                                  c.filter, m_options.pageSize, before));
                                          } } })
                                      .at(0);
        BenchLine line { operation, c.name, t.at(0), t.at(2), hindsightList(c.filter, before),
            QStringLiteral("≤ 2x our page 1"), std::nullopt,
            QStringLiteral("our page 1: %1 ms (page %2 / page 1 = %3); Hindsight's OFFSET "
                           "page alone: %4 ms")
                .arg(BenchTable::milliseconds(t.at(1)), thousands(m_options.deepPage),
                    BenchTable::ratio(t.at(0), t.at(1)), BenchTable::milliseconds(offsetPage)) };
        if (t.at(0) >= 0 && t.at(1) > 0) {
            line.pass = t.at(0) <= 2 * t.at(1);
        }
        m_table.add(line);
    }
}

void RepositoryBench::counts()
{
    for (const qsizetype index : { 0, 1, 3, 4, 6, 8 }) {
        const Case &c = m_cases.at(index);
        qint64 estimate = -1;
        const QList<double> t = interleave({
            { QStringLiteral("ours"),
                [&] {
                    return Interleaved::timed([&] {
                        const auto n = m_repository.estimatedCount(c.filter);
                        estimate = n ? *n : -1;
                        return n.ok();
                    });
                } },
            { QStringLiteral("psql"),
                [&] {
                    return m_psql.time(AuditQuery::estimatedCount(m_options.table, c.filter));
                } },
        });
        qint64 exact = -1;
        const QList<double> e = interleave({
            { QStringLiteral("ours"),
                [&] {
                    return Interleaved::timed([&] {
                        const auto n = m_repository.exactCount(c.filter);
                        exact = n ? *n : -1;
                        return n.ok();
                    });
                } },
            { QStringLiteral("psql"),
                [&] { return m_psql.time(AuditQuery::exactCount(m_options.table, c.filter)); } },
        });
        const QString off = exact > 0
            ? QString::number(100.0 * (estimate - exact) / exact, 'f', 1) + QLatin1Char('%')
            : QStringLiteral("–");
        // Hindsight shows only the exact total, and waits for it.
        m_table.add({ QStringLiteral("estimated count"), c.name, t.at(0), t.at(1), e.at(1), {},
            std::nullopt,
            QStringLiteral("estimate %1 vs exact %2 (%3); Hindsight's column: its count(*)")
                .arg(thousands(estimate), thousands(exact), off) });
        m_table.add({ QStringLiteral("exact count"), c.name, e.at(0), e.at(1), e.at(1), {},
            std::nullopt, QStringLiteral("the same count(*) as Hindsight's") });
    }
}

void RepositoryBench::distinctValues()
{
    struct Choice
    {
        QString name;
        std::function<bool()> ours;
        SqlStatement sql;
        QString hindsight;
        bool target;
    };
    const AuditTableRef &table = m_options.table;
    const QList<Choice> choices {
        { QStringLiteral("distinct actions"), [&] { return m_repository.distinctActions().ok(); },
            AuditQuery::distinctActions(table),
            HindsightSql::distinct(table, QStringLiteral("action")), true },
        { QStringLiteral("distinct banks"), [&] { return m_repository.distinctBanks().ok(); },
            AuditQuery::distinctBanks(table, QString(), 10000),
            HindsightSql::distinct(table, QStringLiteral("bank_id")), true },
        { QStringLiteral("distinct transports"),
            [&] { return m_repository.distinctTransports().ok(); },
            AuditQuery::recentTransports(table, 10000),
            HindsightSql::distinct(table, QStringLiteral("transport")), false },
    };
    for (const Choice &choice : choices) {
        const QList<double> t = interleave({
            { QStringLiteral("ours"), [&] { return Interleaved::timed(choice.ours); } },
            { QStringLiteral("psql"), [&] { return m_psql.time(choice.sql); } },
        });
        Interleaved hindsightRounds(std::min(m_options.iterations, 5), m_options.budgetMs);
        const double hindsight = hindsightRounds
                                     .measure({ { QStringLiteral("hindsight"),
                                         [&] { return m_psql.time(choice.hindsight); } } })
                                     .at(0);
        BenchLine line { choice.name, QStringLiteral("–"), t.at(0), t.at(1), hindsight,
            choice.target ? QStringLiteral("< 50 ms") : QString(), std::nullopt,
            choice.target ? QStringLiteral("loose index scan; Hindsight's column: SELECT DISTINCT")
                          : QStringLiteral("no index: the newest 10,000 rows; Hindsight's column: "
                                           "SELECT DISTINCT") };
        if (choice.target && t.at(0) >= 0) {
            line.pass = t.at(0) < 50;
        }
        m_table.add(line);
    }
}
