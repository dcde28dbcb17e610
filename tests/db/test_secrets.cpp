#include "adminconnection.h"
#include "auditrepository.h"
#include "auditworker.h"
#include "databaseconnection.h"
#include "testconnection.h"
#include "testdatabase.h"
#include "viewercli.h"
#include "workeranswers.h"

#include <QFile>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QUrl>

#include <gtest/gtest.h>

namespace {

const AuditTableRef kTable { QStringLiteral("secrets"), QStringLiteral("audit_log") };
constexpr char kRole[] = "audit_secret_reader";

// Every part of these passwords carries a marker ("Xq", "Zk"): wherever a marker shows up,
// some piece of a password leaked, whole or cut, quoted or escaped.
const QString kPassword = QStringLiteral(
    "Xq1 paXqss 'Xq2' \"Xq3\" Xq4\\back\\\\slash Xq5;semi Xq6=eq Xq7%20 ünïcødé-Xq8 \U0001F511Xq9");
const QString kWrongPassword = QStringLiteral("Zk1 'Zk2' \"Zk3\" Zk4\\ Zk5;Zk6");

void expectNoSecret(const QString &text, const char *where)
{
    EXPECT_FALSE(text.contains(QLatin1String("Xq")))
        << where << " shows the password: " << text.toStdString();
    EXPECT_FALSE(text.contains(QLatin1String("Zk")))
        << where << " shows the password: " << text.toStdString();
}

// A conninfo value as libpq reads it: single quotes, \ and ' escaped.
QString conninfoQuoted(QString value)
{
    value.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    value.replace(QLatin1Char('\''), QLatin1String("\\'"));
    return QLatin1Char('\'') + value + QLatin1Char('\'');
}

// Qt's log (qDebug, qWarning, ...) while a test runs, to look for passwords in it.
QStringList s_log;
void recordMessage(QtMsgType, const QMessageLogContext &, const QString &message)
{
    s_log.append(message);
}

// A role whose password has spaces, quotes, backslashes, a semicolon, '=', '%', non-ASCII
// and an emoji, allowed to read secrets.audit_log on the shared test cluster.
class SecretsTest : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        ASSERT_NO_FATAL_FAILURE(createSeededAuditSchema(kTable.schema));
        AdminConnection roles(TestDatabase::conninfo());
        const QString create = roles.scalar(
            QStringLiteral(
                "SELECT format('DROP ROLE IF EXISTS %1; CREATE ROLE %1 LOGIN PASSWORD %L; "
                "GRANT USAGE ON SCHEMA secrets TO %1; GRANT SELECT ON secrets.audit_log "
                "TO %1;', $1::text)")
                .arg(QLatin1String(kRole)),
            { kPassword });
        ASSERT_FALSE(create.isEmpty()) << roles.error().toStdString();
        ASSERT_TRUE(roles.exec(create
            + QStringLiteral("INSERT INTO secrets.audit_log (action, transport) VALUES "
                             "('retain', 'http'), ('recall', 'mcp');")))
            << roles.error().toStdString();
    }

    static void TearDownTestSuite()
    {
        TestDatabase admin;
        admin.exec(QStringLiteral("DROP SCHEMA secrets CASCADE; DROP OWNED BY %1; DROP ROLE %1;")
                       .arg(QLatin1String(kRole)));
    }

    void SetUp() override
    {
        s_log.clear();
        m_previousHandler = qInstallMessageHandler(recordMessage);
        m_settings = testConnectionSettings();
        m_settings.setValue(QStringLiteral("user"), QString::fromLatin1(kRole));
        m_settings.setTable(kTable);
    }

    void TearDown() override
    {
        qInstallMessageHandler(m_previousHandler);
        expectNoSecret(s_log.join(QLatin1Char('\n')), "Qt's log");
    }

    // Connects with `settings`, proves the session is the role's, and checks the table.
    static void expectConnects(const ConnectionSettings &settings, const char *how)
    {
        DatabaseConnection connection;
        const auto opened = connection.open(settings);
        ASSERT_TRUE(opened) << how << ": " << opened.error().message.toStdString();
        expectNoSecret(connection.description(), "description()");
        EXPECT_TRUE(connection.description().startsWith(QLatin1String(kRole)))
            << connection.description().toStdString();
        const auto page = AuditRepository(connection.session(), kTable).page(AuditFilter(), 10);
        ASSERT_TRUE(page) << how << ": " << page.error().message.toStdString();
        EXPECT_EQ(page->entries.size(), 2);
    }

    QtMessageHandler m_previousHandler = nullptr;
    ConnectionSettings m_settings;
};

} // namespace

TEST_F(SecretsTest, AHostilePasswordConnectsHoweverItIsGiven)
{
    ConnectionSettings typed = m_settings;
    typed.setPassword(kPassword);
    expectConnects(typed, "a typed password");

    const QString conninfo = m_settings.toConninfoWithoutPassword() + QStringLiteral(" password=")
        + conninfoQuoted(kPassword);
    auto parsed = ConnectionSettings::parse(conninfo);
    ASSERT_TRUE(parsed) << parsed.error().message.toStdString();
    EXPECT_EQ(parsed->password(), kPassword);
    ConnectionSettings fromConninfo = parsed.value();
    fromConninfo.setTable(kTable);
    expectConnects(fromConninfo, "a key=value conninfo");

    const QString uri
        = QStringLiteral("postgresql://%1:%2@%3:%4/%5")
              .arg(QLatin1String(kRole), QString::fromLatin1(QUrl::toPercentEncoding(kPassword)),
                  m_settings.value(QStringLiteral("host")),
                  m_settings.value(QStringLiteral("port")),
                  m_settings.value(QStringLiteral("dbname")));
    auto fromUri = ConnectionSettings::parse(uri);
    ASSERT_TRUE(fromUri) << fromUri.error().message.toStdString();
    EXPECT_EQ(fromUri->password(), kPassword);
    fromUri.value().setTable(kTable);
    expectConnects(fromUri.value(), "a postgresql:// URI");

    // libpq's own sources, as in psql: PGPASSWORD and a password file.
    {
        qputenv("PGPASSWORD", kPassword.toUtf8());
        const auto unset = qScopeGuard([] { qunsetenv("PGPASSWORD"); });
        expectConnects(m_settings, "PGPASSWORD");
    }
    QTemporaryDir dir;
    QFile passfile(dir.filePath(QStringLiteral("pgpass")));
    ASSERT_TRUE(passfile.open(QIODevice::WriteOnly));
    QString escaped = kPassword;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
        .replace(QLatin1Char(':'), QLatin1String("\\:"));
    passfile.write(QStringLiteral("*:*:*:%1:%2\n").arg(QLatin1String(kRole), escaped).toUtf8());
    passfile.close();
    passfile.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    qputenv("PGPASSFILE", QFile::encodeName(passfile.fileName()));
    const auto unset = qScopeGuard([] { qunsetenv("PGPASSFILE"); });
    expectConnects(m_settings, "a password file");
}

TEST_F(SecretsTest, AFailedLoginNeverShowsThePassword)
{
    ConnectionSettings wrong = m_settings;
    wrong.setPassword(kWrongPassword);
    DatabaseConnection connection;
    const auto opened = connection.open(wrong);
    ASSERT_FALSE(opened);
    EXPECT_EQ(opened.error().kind, QueryError::Kind::Connection);
    EXPECT_TRUE(opened.error().message.contains(QLatin1String("password authentication failed")))
        << opened.error().message.toStdString();
    expectNoSecret(opened.error().message, "the wrong password's error");

    // The right password, failing for another reason.
    ConnectionSettings otherDatabase = m_settings;
    otherDatabase.setPassword(kPassword);
    otherDatabase.setValue(QStringLiteral("dbname"), QStringLiteral("no_such_database"));
    const auto missing = connection.open(otherDatabase);
    ASSERT_FALSE(missing);
    expectNoSecret(missing.error().message, "a missing database's error");
    expectNoSecret(connection.description(), "description() after a failure");

    // The worker reports the same way.
    AuditWorker worker;
    WorkerAnswers answers(worker);
    const auto error = answers.wait(worker.connectTo(wrong));
    ASSERT_TRUE(error.has_value());
    expectNoSecret(error->message, "the worker's error");
}

TEST_F(SecretsTest, SettingsShownOrRememberedCarryNoPassword)
{
    const QString conninfo = m_settings.toConninfoWithoutPassword() + QStringLiteral(" password=")
        + conninfoQuoted(kPassword);
    auto parsed = ConnectionSettings::parse(conninfo);
    ASSERT_TRUE(parsed);
    const QString remembered = parsed->toConninfoWithoutPassword();
    expectNoSecret(remembered, "toConninfoWithoutPassword()");
    EXPECT_FALSE(remembered.contains(QLatin1String("password"))) << remembered.toStdString();
    // What goes to Qt's driver as connect options (the password travels apart).
    QString optionsError;
    expectNoSecret(parsed->driverOptions(&optionsError), "driverOptions()");
    EXPECT_TRUE(optionsError.isEmpty()) << optionsError.toStdString();

    // An invalid conninfo around a password: the parse error leaves it out.
    const auto invalid = ConnectionSettings::parse(
        QStringLiteral("password=") + conninfoQuoted(kPassword) + QStringLiteral(" bogus=1"));
    ASSERT_FALSE(invalid);
    expectNoSecret(invalid.error().message, "a conninfo error");
}

TEST_F(SecretsTest, TheCommandLineNeverPrintsThePassword)
{
    const QString base = m_settings.toConninfoWithoutPassword();
    struct Case
    {
        const char *name;
        QString conninfo;
        QString environmentPassword;
        QString table;
    };
    const QList<Case> cases = {
        { "a wrong password in the conninfo",
            base + QStringLiteral(" password=") + conninfoQuoted(kWrongPassword), {},
            kTable.table },
        { "a wrong password in PGPASSWORD", base, kWrongPassword, kTable.table },
        { "the right password and a missing table",
            base + QStringLiteral(" password=") + conninfoQuoted(kPassword), {},
            QStringLiteral("no_such_table") },
        { "a conninfo that libpq rejects",
            base + QStringLiteral(" password=") + conninfoQuoted(kPassword)
                + QStringLiteral(" bogus=1"),
            {}, kTable.table },
    };
    for (const Case &c : cases) {
        SCOPED_TRACE(c.name);
        QProcessEnvironment environment;
        if (!c.environmentPassword.isEmpty()) {
            environment.insert(QStringLiteral("PGPASSWORD"), c.environmentPassword);
        }
        const ViewerCliRun run
            = runViewerCli({ QStringLiteral("list"), c.conninfo, QStringLiteral("--schema"),
                               kTable.schema, QStringLiteral("--table"), c.table },
                environment);
        // A conninfo libpq rejects is a usage error (1); the others are connection or query errors
        // (2).
        const int expectedExit = c.conninfo.endsWith(QLatin1String(" bogus=1")) ? 1 : 2;
        EXPECT_EQ(run.exitCode, expectedExit) << run.err.toStdString();
        EXPECT_EQ(run.err.count(QLatin1Char('\n')), 1) << run.err.toStdString(); // one line
        expectNoSecret(run.err, "stderr");
        expectNoSecret(run.out, "stdout");
    }
}

TEST_F(SecretsTest, AShortWrongPasswordDoesNotGarbleTheMessage)
{
    for (const QString &password :
        { QStringLiteral("o"), QStringLiteral("pg"), QStringLiteral("r") }) {
        ConnectionSettings wrong = m_settings;
        wrong.setPassword(password);
        DatabaseConnection connection;
        const auto opened = connection.open(wrong);
        ASSERT_FALSE(opened);
        const std::string message = opened.error().message.toStdString();
        EXPECT_NE(message.find("password authentication failed for user \"audit_secret_reader\""),
            std::string::npos)
            << message;
    }
}
