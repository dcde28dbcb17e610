#include "testconnection.h"

#include "adminconnection.h"

#include <QTest>

ConnectionSettings connectionSettingsFor(const QString &conninfo, const AuditTableRef &table)
{
    auto parsed = ConnectionSettings::parse(conninfo);
    EXPECT_TRUE(parsed) << parsed.error().message.toStdString();
    ConnectionSettings settings = parsed.value_or(ConnectionSettings());
    settings.setTable(table);
    return settings;
}

ConnectionSettings testConnectionSettings(const AuditTableRef &table)
{
    EXPECT_FALSE(TestDatabase::conninfo().isEmpty())
        << "no test database: set AUDIT_VIEWER_TEST_CONNINFO or AUDIT_VIEWER_TEST_PGDIR";
    return connectionSettingsFor(TestDatabase::conninfo(), table);
}

ConnectionSettings testConnectionSettings(const QString &schema)
{
    return testConnectionSettings(AuditTableRef { schema, QStringLiteral("audit_log") });
}

int testClusterPort()
{
    const int port = testConnectionSettings().value(QStringLiteral("port")).toInt();
    EXPECT_GT(port, 0) << "the test cluster's conninfo names no port";
    return port;
}

void openTestConnection(DatabaseConnection &connection, const ConnectionSettings &settings)
{
    const auto opened = connection.open(settings);
    ASSERT_TRUE(opened) << opened.error().message.toStdString();
}

int lockWaiters(const AuditTableRef &table, const QString &conninfo)
{
    AdminConnection admin(conninfo);
    const QString waiting = admin.scalar(
        QStringLiteral(
            "SELECT count(*) FROM pg_locks WHERE NOT granted AND relation = to_regclass($1)"),
        { table.quoted() });
    EXPECT_FALSE(waiting.isEmpty()) << admin.error().toStdString();
    return waiting.toInt();
}

bool waitForLockWaiters(const AuditTableRef &table, int count, int timeoutMs)
{
    return QTest::qWaitFor([&] { return lockWaiters(table) >= count; }, timeoutMs);
}

void createSeededAuditSchema(const QString &schema, const QString &seedSql)
{
    TestDatabase admin;
    ASSERT_TRUE(admin.isOpen()) << admin.error().toStdString();
    ASSERT_TRUE(admin.createAuditSchema(schema)) << admin.error().toStdString();
    if (!seedSql.isEmpty()) {
        ASSERT_TRUE(admin.exec(seedSql)) << admin.error().toStdString();
    }
}

void FreshAuditSchemaTest::SetUp()
{
    ASSERT_TRUE(m_admin.isOpen()) << m_admin.error().toStdString();
    // PostgreSQL cuts identifiers at 63 bytes; the test names here are ASCII.
    m_schema = (m_prefix + QLatin1Char('_')
        + QString::fromLatin1(::testing::UnitTest::GetInstance()->current_test_info()->name())
              .toLower())
                   .left(63);
    ASSERT_TRUE(m_admin.createAuditSchema(m_schema)) << m_admin.error().toStdString();
    m_settings = testConnectionSettings(table());
    openTestConnection(m_connection, m_settings);
}

void FreshAuditSchemaTest::insert(const QString &values)
{
    ASSERT_TRUE(m_admin.exec(QStringLiteral(
        "INSERT INTO \"%1\".audit_log "
        "(action, transport, bank_id, started_at, ended_at, request, response) VALUES %2")
                                 .arg(m_schema, values)))
        << m_admin.error().toStdString();
}
