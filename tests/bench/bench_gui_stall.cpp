// GUI stall probe: the real MainWindow on a large table, driven the way an operator would
// (pages, filters, chart periods, an export of a million rows through the export dialog,
// the largest entry in the entry window), while a 5 ms precise timer on the GUI thread
// records how late the event loop answers. Prints max and p99 lateness per phase, and the
// events that held the GUI thread longest (receiver, event type). With --memory, one
// phase only and the process's peak resident set size (VmHWM), for a separate peak each.
// Run by scripts/bench under QT_QPA_PLATFORM=offscreen; never by CTest.
//
//   bench_gui_stall CONNINFO SCHEMA --largest ID [--pages N] [--export-rows N]
//       [--export-dir DIR] [--markdown FILE] [--memory paging|export]
//       [--phases pages,repaint,filters,chart,export,entry]
#include "guiprobe.h"
#include "looplateness.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>

#include <cstdio>

namespace {

// The offscreen platform says this for every dialog it shows; it is not a finding.
void quietHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (!message.contains(QLatin1String("does not support propagateSizeHints"))) {
        std::fprintf(stderr, "%s\n", qPrintable(qFormatLogMessage(type, context, message)));
    }
}

} // namespace

int main(int argc, char *argv[])
{
    qInstallMessageHandler(quietHandler);
    TimedApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("HindsightBench"));
    QApplication::setApplicationName(QStringLiteral("audit-viewer-stall-probe"));
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("conninfo"), QStringLiteral("libpq conninfo"));
    parser.addPositionalArgument(QStringLiteral("schema"), QStringLiteral("the table's schema"));
    const QCommandLineOption largest(
        QStringLiteral("largest"), QStringLiteral("Id of the largest entry"), QStringLiteral("id"));
    const QCommandLineOption pages(QStringLiteral("pages"), QStringLiteral("Next pages to load"),
        QStringLiteral("n"), QStringLiteral("50"));
    const QCommandLineOption exportRows(QStringLiteral("export-rows"),
        QStringLiteral("Rows to export (0: none)"), QStringLiteral("n"), QStringLiteral("1000000"));
    const QCommandLineOption exportDir(QStringLiteral("export-dir"),
        QStringLiteral("Folder for the export file"), QStringLiteral("dir"), QDir::tempPath());
    const QCommandLineOption markdown(QStringLiteral("markdown"),
        QStringLiteral("Also write the results as Markdown"), QStringLiteral("file"));
    const QCommandLineOption memory(QStringLiteral("memory"),
        QStringLiteral("Only this phase, then the peak RSS: paging or export"),
        QStringLiteral("phase"));
    const QCommandLineOption phases(QStringLiteral("phases"),
        QStringLiteral("Only these phases after opening: pages,repaint,filters,chart,export,entry"),
        QStringLiteral("list"));
    parser.addOptions({ largest, pages, exportRows, exportDir, markdown, memory, phases });
    parser.addHelpOption();
    parser.process(app);
    const QStringList args = parser.positionalArguments();
    if (args.size() < 2) {
        parser.showHelp(1);
    }

    GuiProbe::Options options;
    options.conninfo = args.at(0);
    options.table = AuditTableRef { args.at(1), QStringLiteral("audit_log") };
    if (args.at(1).contains(QLatin1Char('%'))) {
        options.table.schemaPattern = args.at(1); // many tenants as one log
    }
    options.largestId = parser.value(largest);
    options.pages = parser.value(pages).toInt();
    options.exportRows = parser.value(exportRows).toLongLong();
    options.exportDir = parser.value(exportDir);
    if (parser.isSet(phases)) {
        options.phases = parser.value(phases).split(QLatin1Char(','));
    }

    GuiProbe probe(options, app);
    if (!probe.prepare()) {
        return 2;
    }
    QString report;
    if (parser.isSet(memory)) {
        const QString phase = parser.value(memory);
        const bool ok
            = phase == QLatin1String("export") ? probe.memoryOfExport() : probe.memoryOfPaging();
        if (!ok) {
            return 2;
        }
        report = probe.memoryMarkdown();
    } else {
        if (!probe.run()) {
            return 2;
        }
        report = probe.stallMarkdown();
    }
    std::printf("%s", qPrintable(report));
    if (parser.isSet(markdown)) {
        QFile file(parser.value(markdown));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            return 2;
        }
        file.write(report.toUtf8());
    }
    return 0;
}
