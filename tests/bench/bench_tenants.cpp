// Tenants benchmark: every schema holding audit_log read as one log (a multi-tenant
// Hindsight), each operation beside psql running the best single statement for the same
// work in the same run (rounds taken in turns). Run by scripts/bench --tenants, never as a
// timed test.
//
//   bench_tenants CONNINFO [PATTERN] [ITERATIONS] [--markdown FILE] [--deep-page N]
#include "auditexporter.h"
#include "auditquery.h"
#include "auditrepository.h"
#include "benchconnection.h"
#include "benchtable.h"
#include "connectionsettings.h"
#include "databaseconnection.h"
#include "interleaved.h"
#include "psqltimer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>

#include <cstdio>

namespace {

constexpr int kPageSize = 100;

// psql's best single statement: one UNION ALL over every schema.
QString unionAll(const QList<AuditTableRef> &tables, const QString &columns, const QString &where)
{
    QStringList branches;
    for (const AuditTableRef &table : tables) {
        branches.append(
            QStringLiteral("SELECT %1 FROM %2 WHERE %3").arg(columns, table.quoted(), where));
    }
    return branches.join(QLatin1String(" UNION ALL "));
}

const QString kColumns = QStringLiteral(
    "id, action, transport, bank_id, started_at, ended_at, response IS NOT NULL AS has_response");

struct Bench
{
    AuditRepository repository;
    PsqlTimer &psql;
    BenchTable &table;
    int iterations;
    QList<AuditTableRef> tables;

    void line(const QString &operation, const QString &filter, const std::function<bool()> &ours,
        const QString &psqlSql, const QString &target, double limit)
    {
        Interleaved interleaved(iterations, 20000);
        const auto medians = interleaved.measure({
            { QStringLiteral("ours"), [&] { return Interleaved::timed(ours); } },
            { QStringLiteral("psql"), [&] { return psql.time(psqlSql); } },
        });
        BenchLine result { operation, filter, medians.at(0), medians.at(1), -1, target, {}, {} };
        if (result.ours >= 0 && result.psql > 0) {
            result.pass = result.ours <= limit * result.psql;
        }
        table.add(result);
    }
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("conninfo"), QStringLiteral("libpq conninfo"));
    parser.addPositionalArgument(QStringLiteral("pattern"), QStringLiteral("default %"));
    parser.addPositionalArgument(QStringLiteral("iterations"), QStringLiteral("default 10"));
    const QCommandLineOption markdown(QStringLiteral("markdown"),
        QStringLiteral("Also write the table as Markdown"), QStringLiteral("file"));
    const QCommandLineOption deepPage(QStringLiteral("deep-page"),
        QStringLiteral("The far page to compare"), QStringLiteral("n"), QStringLiteral("1000"));
    const QCommandLineOption exportDays(QStringLiteral("export-days"),
        QStringLiteral("Export only the rows of the last N days (0: all)"), QStringLiteral("n"),
        QStringLiteral("0"));
    parser.addOptions({ markdown, deepPage, exportDays });
    parser.addHelpOption();
    parser.process(app);
    const QStringList args = parser.positionalArguments();
    if (args.isEmpty()) {
        parser.showHelp(1);
    }
    const QString conninfo = args.at(0);
    AuditTableRef ref;
    ref.schemaPattern = args.value(1, QStringLiteral("%"));
    const int iterations = std::max(1, args.value(2, QStringLiteral("10")).toInt());

    DatabaseConnection connection;
    if (!openBenchConnection(connection, conninfo)) {
        return 2;
    }
    PsqlTimer psql(conninfo);
    BenchTable results;
    Bench bench { AuditRepository(connection.session(), ref), psql, results, iterations, {} };
    auto tables = bench.repository.tablesToRead(AuditFilter());
    if (!tables || tables->isEmpty()) {
        std::fprintf(stderr, "no schema holds audit_log\n");
        return 2;
    }
    bench.tables = *tables;
    const QString filterName = QStringLiteral("%1 schemas").arg(tables->size());
    std::printf("medians in milliseconds, up to %d rounds per line, %lld schemas\n", iterations,
        static_cast<long long>(tables->size()));

    SqlStatement discovery = AuditQuery::schemasHoldingTable(ref.table, ref.schemaPattern);
    bench.line(
        QStringLiteral("discovery"), filterName,
        [&] { return bool(bench.repository.schemasHoldingTable()); },
        PsqlTimer::withLiterals(discovery), QStringLiteral("≤ 20 ms"), 1e9);
    bench.line(
        QStringLiteral("estimated total"), filterName,
        [&] { return bool(bench.repository.estimatedCount(AuditFilter())); },
        QStringLiteral("SELECT sum(reltuples) FROM pg_class WHERE relname = 'audit_log' AND "
                       "relkind IN ('r', 'p')"),
        QStringLiteral("≤ 20 ms"), 1e9);

    const QString newest = QStringLiteral("SELECT * FROM (%1) u ORDER BY started_at DESC, id DESC "
                                          "LIMIT %2")
                               .arg(unionAll(*tables, kColumns, QStringLiteral("TRUE")))
                               .arg(kPageSize);
    bench.line(
        QStringLiteral("first page"), filterName,
        [&] { return bool(bench.repository.page(AuditFilter(), kPageSize)); }, newest,
        QStringLiteral("≤ 0.1x psql"), 0.1);

    AuditFilter retain;
    retain.actions = { QStringLiteral("delete_bank") };
    const QString filteredBranch
        = QStringLiteral("(SELECT %1 FROM %2 WHERE action = 'delete_bank' ORDER BY started_at "
                         "DESC, id DESC LIMIT %3)");
    QStringList filteredBranches;
    for (const AuditTableRef &t : std::as_const(*tables)) {
        filteredBranches.append(filteredBranch.arg(kColumns, t.quoted()).arg(kPageSize));
    }
    bench.line(
        QStringLiteral("first page"), QStringLiteral("action = delete_bank"),
        [&] { return bool(bench.repository.page(retain, kPageSize)); },
        QStringLiteral("SELECT * FROM (%1) u ORDER BY started_at DESC, id DESC LIMIT %2")
            .arg(filteredBranches.join(QLatin1String(" UNION ALL ")))
            .arg(kPageSize),
        QStringLiteral("≤ 1x psql"), 1.0);

    // The cursor of page N, found once by walking (not measured).
    const int deep = std::max(2, parser.value(deepPage).toInt());
    std::optional<PageCursor> cursor;
    double firstPage
        = Interleaved::timed([&] { return bool(bench.repository.page(AuditFilter(), kPageSize)); });
    for (int n = 1; n < deep; ++n) {
        auto page = bench.repository.page(AuditFilter(), kPageSize, cursor);
        if (!page || page->entries.isEmpty()) {
            break;
        }
        const AuditEntry &last = page->entries.last();
        cursor = PageCursor { last.startedAt, last.id };
        cursor->schema = last.schema;
    }
    Interleaved deepRounds(iterations, 20000);
    const auto deepMedians = deepRounds.measure({
        { QStringLiteral("page 1"),
            [&] {
                return Interleaved::timed(
                    [&] { return bool(bench.repository.page(AuditFilter(), kPageSize)); });
            } },
        { QStringLiteral("page N"),
            [&] {
                return Interleaved::timed(
                    [&] { return bool(bench.repository.page(AuditFilter(), kPageSize, cursor)); });
            } },
    });
    Q_UNUSED(firstPage);
    BenchLine deepLine { QStringLiteral("page %1 vs page 1").arg(deep), filterName,
        deepMedians.at(1), deepMedians.at(0), -1, QStringLiteral("≤ 2x page 1"), {},
        QStringLiteral("the psql column is our page 1") };
    deepLine.pass = deepLine.ours <= 2 * deepLine.psql;
    results.add(deepLine);

    const QString counts = QStringLiteral("SELECT date_trunc('day', started_at, 'UTC') AS d, "
                                          "action, count(*) FROM (%1) u GROUP BY 1, 2")
                               .arg(unionAll(*tables, QStringLiteral("started_at, action"),
                                   QStringLiteral("started_at >= now() - interval '30 days'")));
    bench.line(
        QStringLiteral("chart 30d"), filterName,
        [&] {
            return bool(
                bench.repository.volume(AuditFilter(), VolumePeriod::ThirtyDays, QTimeZone::utc()));
        },
        counts, QStringLiteral("≤ 1.2x psql"), 1.2);
    bench.line(
        QStringLiteral("exact count"), filterName,
        [&] { return bool(bench.repository.exactCount(AuditFilter())); },
        QStringLiteral("SELECT count(*) FROM (%1) u")
            .arg(unionAll(*tables, QStringLiteral("1 AS one"), QStringLiteral("TRUE"))),
        QStringLiteral("≤ 1.2x psql"), 1.2);

    // The export beside psql's \copy of the same UNION ALL (AuditQuery::exportRows), each in a
    // process or call of its own, timed end to end.
    QTemporaryDir dir;
    const QString ours = dir.filePath(QStringLiteral("ours.csv"));
    const QString theirs = dir.filePath(QStringLiteral("psql.csv"));
    ExportOptions unmasked;
    unmasked.maskSecrets = false;
    AuditFilter exported;
    if (const int days = parser.value(exportDays).toInt(); days > 0) {
        exported.since
            = AuditTimestamp::fromDateTime(QDateTime::currentDateTimeUtc().addDays(-days));
    }
    const QString select = PsqlTimer::withLiterals(
        AuditQuery::exportRows(*tables, exported, SortOrder::NewestFirst, true));
    const int exports = std::clamp(iterations / 3, 1, 3);
    Interleaved rounds(exports, 1e12, exports);
    qint64 written = -1;
    const QList<double> t = rounds.measure({
        { QStringLiteral("ours"),
            [&] {
                return Interleaved::timed([&] {
                    const auto rows
                        = AuditExporter(connection.session(), ref)
                              .exportToFile(exported, SortOrder::NewestFirst, unmasked, ours);
                    written = rows ? *rows : -1;
                    return rows.ok();
                });
            } },
        { QStringLiteral("psql \\copy"),
            [&] {
                return Interleaved::timed([&] {
                    QProcess psqlCopy;
                    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
                    env.insert(QStringLiteral("PGOPTIONS"), QStringLiteral("-c TimeZone=UTC"));
                    psqlCopy.setProcessEnvironment(env);
                    // A thousand branches pass the 128 kB an argument may hold: a script file.
                    QFile script(dir.filePath(QStringLiteral("copy.sql")));
                    if (!script.open(QIODevice::WriteOnly)) {
                        return false;
                    }
                    script.write(QStringLiteral("\\copy (%1) TO '%2' WITH (FORMAT csv, HEADER)\n")
                                     .arg(select, theirs)
                                     .toUtf8());
                    script.close();
                    psqlCopy.start(QStringLiteral("psql"),
                        { QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-v"),
                            QStringLiteral("ON_ERROR_STOP=1"), conninfo, QStringLiteral("-f"),
                            script.fileName() });
                    return psqlCopy.waitForFinished(-1) && psqlCopy.exitCode() == 0;
                });
            } },
    });
    BenchLine exportLine { QStringLiteral("export csv"), filterName, t.at(0), t.at(1), -1,
        QStringLiteral("≤ 1.25x psql \\copy"), std::nullopt,
        QStringLiteral("%1 rows, %2 MB; psql %3 MB; medians of %4")
            .arg(written)
            .arg(QFileInfo(ours).size() / 1e6, 0, 'f', 0)
            .arg(QFileInfo(theirs).size() / 1e6, 0, 'f', 0)
            .arg(rounds.rounds()) };
    if (exportLine.ours >= 0 && exportLine.psql > 0) {
        exportLine.pass = exportLine.ours <= 1.25 * exportLine.psql;
    }
    results.add(exportLine);

    if (parser.isSet(markdown)) {
        QFile file(parser.value(markdown));
        if (file.open(QIODevice::WriteOnly)) {
            file.write(results.markdown().toUtf8());
        }
    }
    return 0;
}
