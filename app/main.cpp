#include "commandline.h"
#include "filterbar.h"
#include "headlesscommands.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCoreApplication>
#include <QFile>
#include <QTimer>

#include <cstdio>
#include <memory>

namespace {

constexpr int kExitUsage = 1;

int runHeadless(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QFile out;
    QFile err;
    out.open(stdout, QIODevice::WriteOnly);
    err.open(stderr, QIODevice::WriteOnly);
    QString error;
    const auto commandLine = CommandLine::parse(app.arguments(), &error);
    if (!commandLine) {
        err.write(
            QStringLiteral("audit-viewer: %1\nTry 'audit-viewer --help'.\n").arg(error).toUtf8());
        return kExitUsage;
    }
    switch (commandLine->command) {
    case CommandLine::Command::Help:
        out.write(commandLine->helpText.toUtf8());
        return 0;
    case CommandLine::Command::Version:
        out.write(QStringLiteral("audit-viewer %1\n")
                      .arg(QCoreApplication::applicationVersion())
                      .toUtf8());
        return 0;
    default:
        return runHeadlessCommand(*commandLine, out, err);
    }
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication::setOrganizationName(QStringLiteral("Hindsight"));
    QCoreApplication::setApplicationName(QStringLiteral("audit-viewer"));
    QCoreApplication::setApplicationVersion(QStringLiteral(AUDIT_VIEWER_VERSION));

    QStringList arguments;
    for (int i = 0; i < argc; ++i) {
        arguments.append(QString::fromLocal8Bit(argv[i]));
    }
    if (CommandLine::isHeadless(arguments)) {
        return runHeadless(argc, argv);
    }

    QApplication app(argc, argv);
    QString error;
    const auto commandLine = CommandLine::parse(app.arguments(), &error);
    if (!commandLine) {
        std::fprintf(stderr, "audit-viewer: %s\nTry 'audit-viewer --help'.\n", qPrintable(error));
        return kExitUsage;
    }
    auto settings = ConnectionSettings::parse(commandLine->conninfo);
    if (!settings) {
        std::fprintf(stderr, "audit-viewer: %s\n", qPrintable(settings.error().message));
        return kExitUsage;
    }
    ConnectionSettings connectionSettings = settings.value();
    connectionSettings.setTable(commandLine->table);
    connectionSettings.setStatementTimeoutMs(commandLine->statementTimeoutMs);
    MainWindow window;
    window.show();
    if (commandLine->conninfo.isEmpty()) {
        // Without a CONNINFO the connection dialog asks, prefilled with the table options.
        QTimer::singleShot(0, &window, [&window, connectionSettings, filter = commandLine->filter] {
            window.filterBar()->setFilter(filter);
            window.chooseConnection(connectionSettings);
        });
    } else {
        window.connectTo(connectionSettings, commandLine->filter);
    }
    return app.exec();
}
