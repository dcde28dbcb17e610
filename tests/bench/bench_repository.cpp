// Repository benchmark: each operation through AuditRepository beside psql running the
// same SQL in the same run, on the same cluster. Prints medians and ratios; run by hand
// (tests/bench/run-repository-bench), never as a timed test.
#include "auditquery.h"
#include "auditrepository.h"
#include "databaseconnection.h"
#include "volumecache.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryFile>

#include <algorithm>
#include <cstdio>
#include <functional>

namespace {

int g_iterations = 30;
QString g_conninfo;

double median(QList<double> values)
{
    if (values.isEmpty()) {
        return 0;
    }
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

// The statement with its parameters as SQL literals, for psql only (bench code: the viewer
// itself never splices values into SQL).
QString withLiterals(const SqlStatement &statement)
{
    QString sql = statement.sql;
    for (qsizetype i = statement.params.size(); i >= 1; --i) {
        const auto &param = statement.params.at(i - 1);
        QString literal = QStringLiteral("NULL");
        if (param) {
            QString text = QString::fromUtf8(*param);
            text.replace(QLatin1Char('\''), QLatin1String("''"));
            literal = QLatin1Char('\'') + text + QLatin1Char('\'');
        }
        sql.replace(QLatin1Char('$') + QString::number(i), literal);
    }
    return sql;
}

// Median of psql's own \timing over the iterations, in one psql session.
double psqlMedianMs(const SqlStatement &statement)
{
    QString script = QStringLiteral("SET plan_cache_mode = force_custom_plan;\nSET TimeZone = "
                                    "'UTC';\n\\o /dev/null\n\\timing on\n");
    const QString sql = withLiterals(statement);
    for (int i = 0; i < g_iterations + 2; ++i) {
        script += sql + QStringLiteral(";\n");
    }
    QProcess psql;
    psql.start(QStringLiteral("psql"),
        { QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-v"),
            QStringLiteral("ON_ERROR_STOP=1"), g_conninfo });
    psql.write(script.toUtf8());
    psql.closeWriteChannel();
    psql.waitForFinished(-1);
    const QString out = QString::fromUtf8(psql.readAllStandardOutput());
    if (psql.exitCode() != 0) {
        std::fprintf(stderr, "psql failed: %s\n", psql.readAllStandardError().constData());
        return -1;
    }
    static const QRegularExpression timing(QStringLiteral("Time: ([0-9.]+) ms"));
    QList<double> times;
    auto it = timing.globalMatch(out);
    while (it.hasNext()) {
        times.append(it.next().captured(1).toDouble());
    }
    // The first two runs warm the cache and the connection; the rest count.
    return median(times.mid(2));
}

double oursMedianMs(const std::function<bool()> &operation)
{
    QList<double> times;
    for (int i = 0; i < g_iterations + 2; ++i) {
        QElapsedTimer timer;
        timer.start();
        if (!operation()) {
            return -1;
        }
        times.append(timer.nsecsElapsed() / 1e6);
    }
    return median(times.mid(2));
}

struct Row
{
    QString operation;
    QString filter;
    double ours;
    double psql;
};

QList<Row> g_rows;

void report(const QString &operation, const QString &filter, double ours, double psql)
{
    g_rows.append({ operation, filter, ours, psql });
    std::printf("%-22s %-34s %9.3f %9.3f %7.2fx\n", qPrintable(operation), qPrintable(filter), ours,
        psql, psql > 0 ? ours / psql : 0.0);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: bench_repository CONNINFO [SCHEMA] [ITERATIONS]\n");
        return 1;
    }
    g_conninfo = args.at(1);
    const AuditTableRef table { args.value(2, QStringLiteral("bench")),
        QStringLiteral("audit_log") };
    g_iterations = args.value(3, QStringLiteral("30")).toInt();

    auto settings = ConnectionSettings::parse(g_conninfo);
    if (!settings) {
        std::fprintf(stderr, "%s\n", qPrintable(settings.error().message));
        return 2;
    }
    DatabaseConnection connection;
    if (auto opened = connection.open(settings.value()); !opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error().message));
        return 2;
    }
    const AuditRepository repository(connection.session(), table);
    if (auto checked = repository.checkTable(); !checked) {
        std::fprintf(stderr, "%s\n", qPrintable(checked.error().message));
        return 2;
    }
    const auto total = repository.estimatedCount(AuditFilter());
    const auto banks = repository.distinctBanks();
    const auto latest = repository.page(AuditFilter(), 1);
    if (!total || !banks || !latest || latest->entries.isEmpty()) {
        std::fprintf(stderr, "the table is empty or unreadable\n");
        return 2;
    }
    const AuditTimestamp newest = latest->entries.first().startedAt;
    auto ago = [&](qint64 hours) {
        return AuditTimestamp::fromUsecsSinceEpoch(
            newest.usecsSinceEpoch() - hours * 3600LL * 1000000);
    };
    // The busiest and a rare bank, as the seeder's skew makes them.
    const QString busyBank
        = connection.session()
              .exec(QStringLiteral("SELECT bank_id FROM %1 WHERE bank_id IS NOT NULL "
                                   "GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")
                        .arg(table.quoted()))
              ->text(0, 0);
    const QString rareBank
        = connection.session()
              .exec(QStringLiteral("SELECT bank_id FROM %1 WHERE bank_id IS NOT NULL "
                                   "GROUP BY 1 ORDER BY count(*), 1 LIMIT 1")
                        .arg(table.quoted()))
              ->text(0, 0);

    struct Case
    {
        QString name;
        AuditFilter filter;
    };
    QList<Case> cases;
    cases.append({ QStringLiteral("none"), AuditFilter() });
    AuditFilter f;
    f.actions = { QStringLiteral("recall") };
    cases.append({ QStringLiteral("action=recall"), f });
    f = AuditFilter();
    f.actions = { QStringLiteral("delete_bank") };
    cases.append({ QStringLiteral("action=delete_bank (rare)"), f });
    f = AuditFilter();
    f.transport = QStringLiteral("mcp");
    cases.append({ QStringLiteral("transport=mcp"), f });
    f = AuditFilter();
    f.bank = busyBank;
    cases.append({ QStringLiteral("bank=busiest"), f });
    f = AuditFilter();
    f.bank = rareBank;
    cases.append({ QStringLiteral("bank=rarest"), f });
    f = AuditFilter();
    f.actions = { QStringLiteral("retain") };
    f.bank = busyBank;
    cases.append({ QStringLiteral("action=retain+bank=busiest"), f });
    f = AuditFilter();
    f.since = ago(24);
    cases.append({ QStringLiteral("since=24h"), f });
    f = AuditFilter();
    f.actions = { QStringLiteral("recall"), QStringLiteral("reflect") };
    f.since = ago(7 * 24);
    cases.append({ QStringLiteral("action=recall,reflect+7d"), f });
    f = AuditFilter();
    f.failedOnly = true;
    cases.append({ QStringLiteral("failed"), f });

    std::printf("rows (estimate): %lld, banks: %lld, iterations: %d, median milliseconds\n",
        static_cast<long long>(*total), static_cast<long long>(banks->size()), g_iterations);
    std::printf("%-22s %-34s %9s %9s %8s\n", "operation", "filter", "ours", "psql", "ratio");

    const int pageSize = 50;
    for (const Case &c : cases) {
        const double ours = oursMedianMs([&] { return repository.page(c.filter, pageSize).ok(); });
        report(QStringLiteral("first page"), c.name, ours,
            psqlMedianMs(AuditQuery::page(
                table, c.filter, pageSize + 1, std::nullopt, SortOrder::NewestFirst)));
    }
    // Page 1,000: find its cursor once by walking the keyset, then time that page.
    for (const Case &c : { cases.at(0), cases.at(1), cases.at(3) }) {
        std::optional<PageCursor> cursor;
        bool reached = true;
        for (int page = 1; page < 1000; ++page) {
            const auto result = repository.page(c.filter, pageSize, cursor);
            if (!result || !result->hasMore) {
                reached = false;
                break;
            }
            cursor = PageCursor { result->entries.last().startedAt, result->entries.last().id };
        }
        if (!reached) {
            continue;
        }
        const double page1 = oursMedianMs([&] { return repository.page(c.filter, pageSize).ok(); });
        const double ours
            = oursMedianMs([&] { return repository.page(c.filter, pageSize, cursor).ok(); });
        report(QStringLiteral("keyset page 1000"), c.name, ours,
            psqlMedianMs(
                AuditQuery::page(table, c.filter, pageSize + 1, cursor, SortOrder::NewestFirst)));
        std::printf("%-22s %-34s %9.3f %9.3f %7.2fx  (page 1000 / page 1)\n", "page 1000 vs page 1",
            qPrintable(c.name), ours, page1, page1 > 0 ? ours / page1 : 0.0);
    }
    for (const Case &c : cases) {
        const double ours = oursMedianMs([&] { return repository.estimatedCount(c.filter).ok(); });
        report(QStringLiteral("estimated count"), c.name, ours,
            psqlMedianMs(AuditQuery::estimatedCount(table, c.filter)));
    }
    report(QStringLiteral("distinct actions"), QStringLiteral("-"),
        oursMedianMs([&] { return repository.distinctActions().ok(); }),
        psqlMedianMs(AuditQuery::distinctActions(table)));
    report(QStringLiteral("distinct banks"), QStringLiteral("-"),
        oursMedianMs([&] { return repository.distinctBanks().ok(); }),
        psqlMedianMs(AuditQuery::distinctBanks(table, QString(), 10000)));
    report(QStringLiteral("distinct transports"), QStringLiteral("-"),
        oursMedianMs([&] { return repository.distinctTransports().ok(); }),
        psqlMedianMs(AuditQuery::recentTransports(table, 10000)));

    // The volume chart: first load (every bucket counted) beside psql's same aggregation,
    // then a refresh through the cache, which recounts only the open buckets.
    for (VolumePeriod period :
        { VolumePeriod::Today, VolumePeriod::SevenDays, VolumePeriod::ThirtyDays }) {
        const QTimeZone zone = QTimeZone::systemTimeZone();
        const QString zoneId
            = zone == QTimeZone::utc() ? QStringLiteral("UTC") : QString::fromUtf8(zone.id());
        const VolumeRange range
            = VolumeRange::forPeriod(period, QDateTime::currentDateTimeUtc(), zone);
        VolumeCache cache;
        const double first = oursMedianMs([&] {
            cache.clear();
            return cache.volume(repository, AuditFilter(), period, zone).ok();
        });
        const QString name = QStringLiteral("chart ") + volumePeriodName(period);
        report(name + QStringLiteral(" first load"), QStringLiteral("none"), first,
            psqlMedianMs(AuditQuery::volume(table, AuditFilter(), range, zoneId)));
        const double refresh = oursMedianMs(
            [&] { return cache.volume(repository, AuditFilter(), period, zone).ok(); });
        std::printf("%-22s %-34s %9.3f %9.3f %7.2fx  (refresh / first load)\n",
            qPrintable(name + QStringLiteral(" refresh")), "none", refresh, first,
            first > 0 ? refresh / first : 0.0);
        AuditFilter recall;
        recall.actions = { QStringLiteral("recall") };
        const double firstRecall = oursMedianMs([&] {
            cache.clear();
            return cache.volume(repository, recall, period, zone).ok();
        });
        report(name + QStringLiteral(" first load"), QStringLiteral("action=recall"), firstRecall,
            psqlMedianMs(AuditQuery::volume(table, recall, range, zoneId)));
    }

    double worst = 0;
    QString worstName;
    for (const Row &row : g_rows) {
        if (row.psql > 0 && row.ours / row.psql > worst) {
            worst = row.ours / row.psql;
            worstName = row.operation + QLatin1Char(' ') + row.filter;
        }
    }
    std::printf("worst ratio to psql: %.2fx (%s)\n", worst, qPrintable(worstName));
    return 0;
}
