// Repository benchmark: every operation of the viewer on a seeded table, each beside psql
// running the same SQL with the same values in the same run (rounds taken in turns) and
// beside the SQL Hindsight's control plane runs for the same view. Prints a table of
// medians and ratios with the targets; run by hand (scripts/bench at 10 million rows,
// tests/bench/run-repository-bench at one million), never as a timed test.
//
//   bench_repository CONNINFO [SCHEMA] [ITERATIONS] [--markdown FILE] [--largest ID]
//       [--export-rows N] [--export-dir DIR] [--deep-page N] [--page-size N]
//       [--only pages,deep,counts,distinct,charts,export,entry]
#include "benchconnection.h"
#include "repositorybench.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QTemporaryDir>

#include <cstdio>

int main(int argc, char *argv[])
{
    // The chart's cache on disk goes to a folder of this run, never the user's.
    const QTemporaryDir cacheHome;
    qputenv("XDG_CACHE_HOME", cacheHome.path().toUtf8());
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("conninfo"), QStringLiteral("libpq conninfo"));
    parser.addPositionalArgument(QStringLiteral("schema"), QStringLiteral("default bench"));
    parser.addPositionalArgument(QStringLiteral("iterations"), QStringLiteral("default 30"));
    const QCommandLineOption markdown(QStringLiteral("markdown"),
        QStringLiteral("Also write the table as Markdown"), QStringLiteral("file"));
    const QCommandLineOption largest(
        QStringLiteral("largest"), QStringLiteral("Id of the largest entry"), QStringLiteral("id"));
    const QCommandLineOption exportRows(QStringLiteral("export-rows"),
        QStringLiteral("Rows to export (0: none)"), QStringLiteral("n"), QStringLiteral("1000000"));
    const QCommandLineOption exportDir(QStringLiteral("export-dir"),
        QStringLiteral("Folder for the export files"), QStringLiteral("dir"));
    const QCommandLineOption deepPage(QStringLiteral("deep-page"),
        QStringLiteral("The far page to compare"), QStringLiteral("n"), QStringLiteral("10000"));
    const QCommandLineOption pageSize(QStringLiteral("page-size"), QStringLiteral("Rows per page"),
        QStringLiteral("n"), QStringLiteral("100"));
    const QCommandLineOption only(QStringLiteral("only"),
        QStringLiteral("Sections: pages,deep,counts,distinct,charts,export,entry"),
        QStringLiteral("list"));
    parser.addOptions({ markdown, largest, exportRows, exportDir, deepPage, pageSize, only });
    parser.addHelpOption();
    parser.process(app);
    const QStringList args = parser.positionalArguments();
    if (args.isEmpty()) {
        parser.showHelp(1);
    }

    RepositoryBench::Options options;
    options.conninfo = args.at(0);
    options.table
        = AuditTableRef { args.value(1, QStringLiteral("bench")), QStringLiteral("audit_log") };
    options.iterations = std::max(1, args.value(2, QStringLiteral("30")).toInt());
    options.largestId = parser.value(largest);
    options.exportRows = parser.value(exportRows).toLongLong();
    options.exportDir = parser.value(exportDir);
    options.deepPage = std::max(2, parser.value(deepPage).toInt());
    options.pageSize = std::max(1, parser.value(pageSize).toInt());
    const QStringList sections = parser.isSet(only)
        ? parser.value(only).split(QLatin1Char(','))
        : QStringList { QStringLiteral("pages"), QStringLiteral("deep"), QStringLiteral("counts"),
              QStringLiteral("distinct"), QStringLiteral("charts"), QStringLiteral("export"),
              QStringLiteral("entry") };

    DatabaseConnection connection;
    if (!openBenchConnection(connection, options.conninfo)) {
        return 2;
    }
    RepositoryBench bench(options, connection);
    if (!bench.prepare()) {
        return 2;
    }
    std::printf("medians in milliseconds, up to %d rounds per line (fewer for slow "
                "statements), page size %d\n",
        options.iterations, options.pageSize);
    std::printf("%-30s %-34s %9s %9s %8s %10s %9s  %-16s\n", "operation", "filter", "ours", "psql",
        "ratio", "Hindsight", "ratio", "target");
    const QList<std::pair<QString, void (RepositoryBench::*)()>> steps {
        { QStringLiteral("pages"), &RepositoryBench::firstPages },
        { QStringLiteral("deep"), &RepositoryBench::deepPages },
        { QStringLiteral("counts"), &RepositoryBench::counts },
        { QStringLiteral("distinct"), &RepositoryBench::distinctValues },
        { QStringLiteral("charts"), &RepositoryBench::charts },
        { QStringLiteral("export"), &RepositoryBench::exportRows },
        { QStringLiteral("entry"), &RepositoryBench::largestEntry },
    };
    for (const auto &[name, step] : steps) {
        if (sections.contains(name)) {
            (bench.*step)();
        }
    }

    const QStringList misses = bench.table().misses();
    std::printf("%s\n",
        misses.isEmpty()
            ? "every target met"
            : qPrintable(QStringLiteral("missed: ") + misses.join(QLatin1String("; "))));
    if (parser.isSet(markdown)) {
        QFile file(parser.value(markdown));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            std::fprintf(stderr, "cannot write %s\n", qPrintable(parser.value(markdown)));
            return 2;
        }
        file.write(QStringLiteral("Table: %1.\n\n").arg(bench.summary()).toUtf8());
        file.write(bench.table().markdown().toUtf8());
    }
    return 0;
}
