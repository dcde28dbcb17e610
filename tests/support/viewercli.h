#pragma once

#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

// Runs the audit-viewer binary (its path comes from the AUDIT_VIEWER_BINARY compile
// definition of the test target) and collects what it printed and its exit code.
struct ViewerCliRun
{
    int exitCode = -1; // -1 when it crashed or did not finish in time
    QString out;
    QString err;
};

inline ViewerCliRun runViewerCli(
    const QStringList &arguments, const QProcessEnvironment &extra = {}, int timeoutMs = 60000)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    for (const QString &key : extra.keys()) {
        env.insert(key, extra.value(key));
    }
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(AUDIT_VIEWER_BINARY), arguments);
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        return {};
    }
    return { process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
        QString::fromUtf8(process.readAllStandardOutput()),
        QString::fromUtf8(process.readAllStandardError()) };
}
