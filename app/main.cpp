#include "commandline.h"
#include "conninfopassword.h"
#include "filterbar.h"
#include "headlesscommands.h"
#include "llmcommands.h"
#include "mainwindow.h"
#include "viewsmenu.h"

#include <QApplication>
#include <QCoreApplication>
#include <QFile>
#include <QLibraryInfo>
#include <QLocale>
#include <QTimer>
#include <QTranslator>

#include <cstdio>
#include <memory>

namespace {

constexpr int kExitUsage = 1;

// The viewer's messages in the language of the system locale (LANGUAGE, LC_ALL,
// LC_MESSAGES, LANG), with Qt's own (standard buttons, file dialogs, the command-line
// parser) from the distribution's catalogues when they are installed.
void installTranslators(QCoreApplication &app)
{
    const QLocale locale;
    const auto install = [&](const QString &name, const QString &folder) {
        auto *translator = new QTranslator(&app);
        if (translator->load(locale, name, QStringLiteral("_"), folder)) {
            QCoreApplication::installTranslator(translator);
        } else {
            delete translator;
        }
    };
    install(QStringLiteral("qtbase"), QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    install(QStringLiteral("audit-viewer"), QStringLiteral(":/i18n"));
}

// Once CONNINFO is parsed, its password leaves the process's arguments (/proc/PID/cmdline,
// ps): every local user can read those for as long as the process runs.
void blankPasswordArgument(int argc, char *argv[], const QString &conninfo)
{
    if (conninfo.isEmpty()) {
        return;
    }
    for (int i = 1; i < argc; ++i) {
        if (QString::fromLocal8Bit(argv[i]) == conninfo) {
            blankConninfoPassword(argv[i]);
        }
    }
}

QString usageError(const QString &error)
{
    return QStringLiteral("audit-viewer: %1\n%2\n")
        .arg(error, QCoreApplication::translate("CommandLine", "Try 'audit-viewer --help'."));
}

int runHeadless(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    installTranslators(app);
    QFile out;
    QFile err;
    out.open(stdout, QIODevice::WriteOnly);
    err.open(stderr, QIODevice::WriteOnly);
    QString error;
    if (app.arguments().value(1) == QLatin1String("llm")) {
        const auto llm = LlmCommandLine::parse(app.arguments(), &error);
        if (!llm) {
            err.write(usageError(error).toUtf8());
            return kExitUsage;
        }
        blankPasswordArgument(argc, argv, llm->conninfo);
        return runLlmCommand(*llm, out, err);
    }
    const auto commandLine = CommandLine::parse(app.arguments(), &error);
    if (!commandLine) {
        err.write(usageError(error).toUtf8());
        return kExitUsage;
    }
    blankPasswordArgument(argc, argv, commandLine->conninfo);
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
    installTranslators(app);
    QString error;
    const auto commandLine = CommandLine::parse(app.arguments(), &error);
    if (!commandLine) {
        std::fputs(qPrintable(usageError(error)), stderr);
        return kExitUsage;
    }
    blankPasswordArgument(argc, argv, commandLine->conninfo);
    auto settings = ConnectionSettings::parse(commandLine->conninfo);
    if (!settings) {
        std::fprintf(stderr, "audit-viewer: %s\n", qPrintable(settings.error().message));
        return kExitUsage;
    }
    ConnectionSettings connectionSettings = settings.value();
    connectionSettings.setTable(commandLine->table);
    connectionSettings.setStatementTimeoutMs(commandLine->statementTimeoutMs);
    QFile err;
    err.open(stderr, QIODevice::WriteOnly);
    activateMaskingRules(*commandLine, err);
    MainWindow window;
    // What the window opens with: the saved view --view names, the filter options given,
    // or the view it was closed with.
    std::optional<AuditFilter> initialFilter;
    if (!commandLine->view.isEmpty()) {
        const std::optional<SavedView> view = window.viewsMenu()->store().find(commandLine->view);
        if (!view) {
            std::fputs(
                qPrintable(usageError(
                    CommandLine::tr("No saved view is named \"%1\".").arg(commandLine->view))),
                stderr);
            return kExitUsage;
        }
        SavedView opened = *view;
        if (commandLine->sortGiven) {
            opened.order = commandLine->order;
        }
        window.applyView(opened);
    } else if (!commandLine->filter.isEmpty() || commandLine->sortGiven) {
        SavedView view = window.currentView();
        view.name.clear();
        view.setFilter(commandLine->filter, commandLine->range);
        view.order = commandLine->order;
        window.applyView(view);
    } else {
        window.restoreLastView();
    }
    window.show();
    if (commandLine->conninfo.isEmpty()) {
        // Without a CONNINFO the connection dialog asks, prefilled with the table options.
        QTimer::singleShot(0, &window,
            [&window, connectionSettings] { window.chooseConnection(connectionSettings); });
    } else {
        window.connectTo(connectionSettings);
    }
    return app.exec();
}
