// A password given on the command line leaves the process's arguments once the connection
// string is parsed: other local users read /proc/PID/cmdline (and ps) for as long as the
// window or a sub-command runs.
#include "testconnection.h"
#include "testdatabase.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QThread>

#include <gtest/gtest.h>

#include <functional>

namespace {

// A password with every character a URI must percent-encode, and a space a key=value
// string must quote.
const QString kPassword = QStringLiteral("P W@:/%x");
const QString kEncoded = QStringLiteral("P%20W%40%3A%2F%25x");

// What /proc shows as the process's arguments, NULs as spaces.
QString commandLineOf(qint64 pid)
{
    QFile file(QStringLiteral("/proc/%1/cmdline").arg(pid));
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    QByteArray bytes = file.readAll();
    return QString::fromUtf8(bytes.replace('\0', ' '));
}

// Polls `condition` until it holds or `timeoutMs` pass (a database state has no signal).
bool waitFor(const std::function<bool()> &condition, int timeoutMs = 30000)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!condition()) {
        if (deadline.hasExpired()) {
            return false;
        }
        QThread::msleep(20);
    }
    return true;
}

class CliPasswordTest : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        ASSERT_NO_FATAL_FAILURE(createSeededAuditSchema(QStringLiteral("cli_pw"),
            QStringLiteral(
                "INSERT INTO cli_pw.audit_log (action, transport, started_at) VALUES ('recall', "
                "'http', now());"
                "DROP ROLE IF EXISTS cli_pw_reader; CREATE ROLE cli_pw_reader LOGIN PASSWORD '%1';"
                "GRANT USAGE ON SCHEMA cli_pw TO cli_pw_reader;"
                "GRANT SELECT ON cli_pw.audit_log TO cli_pw_reader;")
                .arg(kPassword)));
    }

    QString uri()
    {
        return QStringLiteral("postgresql://cli_pw_reader:%1@127.0.0.1:%2/%3")
            .arg(kEncoded, m_admin.scalar(QStringLiteral("SHOW port")),
                m_admin.scalar(QStringLiteral("SELECT current_database()")));
    }

    QString keywords()
    {
        return QStringLiteral("host=127.0.0.1 port=%1 dbname=%2 user=cli_pw_reader password='%3'")
            .arg(m_admin.scalar(QStringLiteral("SHOW port")),
                m_admin.scalar(QStringLiteral("SELECT current_database()")), kPassword);
    }

    // Sessions of the reader role; `waiting` only those that wait for a lock.
    int readerSessions(bool waiting)
    {
        return m_admin
            .scalar(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE usename = "
                                   "'cli_pw_reader'%1")
                        .arg(waiting ? QStringLiteral(" AND wait_event_type = 'Lock'") : QString()))
            .toInt();
    }

    static void expectNoPassword(const QString &shown, const QString &conninfo)
    {
        EXPECT_FALSE(shown.isEmpty());
        EXPECT_FALSE(shown.contains(kPassword)) << shown.toStdString();
        EXPECT_FALSE(shown.contains(kEncoded)) << shown.toStdString();
        EXPECT_FALSE(shown.contains(QStringLiteral("P W"))) << shown.toStdString();
        EXPECT_FALSE(shown.contains(QStringLiteral("P%20W"))) << shown.toStdString();
        // The rest of the string stays, and as long: only the password became x's.
        QString blank = conninfo;
        blank.replace(conninfo.contains(kEncoded) ? kEncoded : kPassword,
            QString(conninfo.contains(kEncoded) ? kEncoded.size() : kPassword.size(), u'x'));
        EXPECT_TRUE(shown.contains(blank)) << shown.toStdString();
    }

    TestDatabase m_admin;
};

} // namespace

TEST_F(CliPasswordTest, ASubCommandBlanksThePasswordInItsArguments)
{
    for (const QString &conninfo : { uri(), keywords() }) {
        // The table locked: the sub-command connects, then waits while we look.
        TestDatabase locker;
        ASSERT_TRUE(locker.exec(
            QStringLiteral("BEGIN; LOCK TABLE cli_pw.audit_log IN ACCESS EXCLUSIVE MODE")))
            << locker.error().toStdString();
        QProcess process;
        process.start(QStringLiteral(AUDIT_VIEWER_BINARY),
            { QStringLiteral("list"), conninfo, QStringLiteral("--schema"),
                QStringLiteral("cli_pw"), QStringLiteral("--format"), QStringLiteral("jsonl") });
        ASSERT_TRUE(process.waitForStarted());
        const bool waiting = waitFor([&] { return readerSessions(true) == 1; });
        const QString shown = commandLineOf(process.processId());
        ASSERT_TRUE(locker.exec(QStringLiteral("COMMIT"))) << locker.error().toStdString();
        ASSERT_TRUE(process.waitForFinished(30000));
        ASSERT_TRUE(waiting) << QString::fromUtf8(process.readAllStandardError()).toStdString();
        EXPECT_EQ(process.exitCode(), 0) << process.readAllStandardError().toStdString();
        EXPECT_EQ(process.readAllStandardOutput().count('\n'), 1);
        expectNoPassword(shown, conninfo);
    }
}

TEST_F(CliPasswordTest, TheWindowBlanksThePasswordInItsArguments)
{
    QTemporaryDir home;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.path());
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), home.path());
    // No session of the reader left from another test: the next one is the window's.
    ASSERT_TRUE(waitFor([&] { return readerSessions(false) == 0; }));
    QProcess process;
    process.setProcessEnvironment(env);
    const QString conninfo = uri();
    process.start(QStringLiteral(AUDIT_VIEWER_BINARY),
        { conninfo, QStringLiteral("--schema"), QStringLiteral("cli_pw") });
    ASSERT_TRUE(process.waitForStarted());
    // Connected: the string was parsed long before.
    const bool connected = waitFor([&] { return readerSessions(false) >= 1; });
    const QString shown = commandLineOf(process.processId());
    process.kill();
    process.waitForFinished(10000);
    ASSERT_TRUE(connected) << process.readAllStandardError().toStdString();
    expectNoPassword(shown, conninfo);
}
