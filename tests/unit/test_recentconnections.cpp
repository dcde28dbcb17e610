#include "recentconnections.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace {

// Each test reads and writes an INI file of its own in a temporary folder, never the
// user's settings.
class RecentConnectionsTest : public ::testing::Test
{
protected:
    void SetUp() override { ASSERT_TRUE(m_dir.isValid()); }

    QString fileName() const { return m_dir.filePath(QStringLiteral("recent.ini")); }
    RecentConnections store() const { return { fileName(), QSettings::IniFormat }; }

    static ConnectionSettings connection(const QString &conninfo)
    {
        return ConnectionSettings::parse(conninfo).value();
    }

    static QStringList hosts(const QList<RecentConnection> &recent)
    {
        QStringList result;
        for (const RecentConnection &entry : recent) {
            result.append(ConnectionSettings::parse(entry.conninfo)->value(QStringLiteral("host")));
        }
        return result;
    }

    QByteArray storedBytes() const
    {
        QFile file(fileName());
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    QTemporaryDir m_dir;
};

} // namespace

TEST_F(RecentConnectionsTest, StartsEmpty)
{
    EXPECT_TRUE(store().load().isEmpty());
}

TEST_F(RecentConnectionsTest, KeepsTheConnectionAndItsTableAcrossInstances)
{
    ConnectionSettings settings = connection(QStringLiteral("host=db.example port=6543"));
    settings.setTable(AuditTableRef { QStringLiteral("tenant a"), QStringLiteral("audit") });
    store().remember(settings);

    const QList<RecentConnection> recent = store().load();
    ASSERT_EQ(recent.size(), 1);
    EXPECT_EQ(recent.first().conninfo, settings.toConninfoWithoutPassword());
    EXPECT_EQ(recent.first().table, settings.table());
}

TEST_F(RecentConnectionsTest, NewestComesFirstAndAConnectionUsedAgainMovesUpInsteadOfTwice)
{
    for (const char *host : { "a", "b", "c" }) {
        store().remember(connection(QStringLiteral("host=%1").arg(QLatin1String(host))));
    }
    EXPECT_EQ(hosts(store().load()), QStringList({ "c", "b", "a" }));

    const QList<RecentConnection> returned = store().remember(connection(QStringLiteral("host=a")));
    EXPECT_EQ(hosts(returned), QStringList({ "a", "c", "b" }));
    EXPECT_EQ(store().load(), returned);
}

TEST_F(RecentConnectionsTest, TheSameServerWithAnotherTableIsAnotherEntry)
{
    ConnectionSettings settings = connection(QStringLiteral("host=a"));
    store().remember(settings);
    settings.setTable(AuditTableRef { QStringLiteral("tenant_b"), QStringLiteral("audit_log") });
    EXPECT_EQ(store().remember(settings).size(), 2);
}

TEST_F(RecentConnectionsTest, KeepsOnlyTheTenNewest)
{
    for (int n = 1; n <= 12; ++n) {
        store().remember(connection(QStringLiteral("host=h%1").arg(n)));
    }
    const QList<RecentConnection> recent = store().load();
    ASSERT_EQ(recent.size(), RecentConnections::kMaximum);
    EXPECT_EQ(hosts(recent).first(), QStringLiteral("h12"));
    EXPECT_EQ(hosts(recent).last(), QStringLiteral("h3"));
    EXPECT_FALSE(storedBytes().contains("h2'"));
}

TEST_F(RecentConnectionsTest, ALongerListWrittenElsewhereIsReadUpToTheMaximumAndLeavesNoLeftovers)
{
    {
        QSettings settings(fileName(), QSettings::IniFormat);
        settings.beginWriteArray(QStringLiteral("recentConnections"));
        for (int i = 0; i < 15; ++i) {
            settings.setArrayIndex(i);
            settings.setValue(QStringLiteral("conninfo"), QStringLiteral("host=old%1").arg(i));
        }
        settings.endArray();
    }
    const QList<RecentConnection> loaded = store().load();
    ASSERT_EQ(loaded.size(), RecentConnections::kMaximum);
    EXPECT_EQ(loaded.first().table, AuditTableRef()); // no schema or table stored: defaults

    store().remember(connection(QStringLiteral("host=new")));
    QSettings settings(fileName(), QSettings::IniFormat);
    EXPECT_EQ(
        settings.beginReadArray(QStringLiteral("recentConnections")), RecentConnections::kMaximum);
    settings.endArray();
    EXPECT_FALSE(storedBytes().contains("old9"));
    EXPECT_FALSE(storedBytes().contains("old14"));
}

TEST_F(RecentConnectionsTest, NeverStoresThePassword)
{
    const ConnectionSettings fromUri
        = connection(QStringLiteral("postgresql://reader:s3cret-in-uri@db.example/hindsight"));
    ASSERT_EQ(fromUri.password(), QStringLiteral("s3cret-in-uri"));
    store().remember(fromUri);
    ConnectionSettings typed = connection(QStringLiteral("host=db.example user=reader"));
    typed.setPassword(QStringLiteral("typed-pw"));
    store().remember(typed);

    const QByteArray stored = storedBytes();
    EXPECT_TRUE(stored.contains("reader"));
    EXPECT_FALSE(stored.contains("s3cret-in-uri"));
    EXPECT_FALSE(stored.contains("typed-pw"));
    EXPECT_FALSE(stored.contains("password"));
    for (const RecentConnection &entry : store().load()) {
        EXPECT_TRUE(ConnectionSettings::parse(entry.conninfo)->password().isEmpty());
    }
}

TEST_F(RecentConnectionsTest, APasswordKeyNamesUserServerPortAndDatabaseOnly)
{
    const QString key = RecentConnection::passwordKeyOf(
        connection(QStringLiteral("host=db.example.org port=6543 dbname=hindsight user=reader "
                                  "password=s3cret sslmode=require application_name=x")));
    EXPECT_EQ(key, QStringLiteral("reader@db.example.org:6543/hindsight"));
    EXPECT_FALSE(key.contains(QStringLiteral("s3cret")));

    // Each of the four parts makes another key; the table and other keys do not.
    const QString base = QStringLiteral("host=h port=1 dbname=d user=u");
    const QString baseKey = RecentConnection::passwordKeyOf(connection(base));
    for (const char *other : { "host=h2 port=1 dbname=d user=u", "host=h port=2 dbname=d user=u",
             "host=h port=1 dbname=d2 user=u", "host=h port=1 dbname=d user=u2" }) {
        EXPECT_NE(RecentConnection::passwordKeyOf(connection(QString::fromLatin1(other))), baseKey)
            << other;
    }
    ConnectionSettings withTable = connection(base + QStringLiteral(" connect_timeout=3"));
    withTable.setTable(AuditTableRef { QStringLiteral("tenant"), QStringLiteral("audit_log") });
    EXPECT_EQ(RecentConnection::passwordKeyOf(withTable), baseKey);
    EXPECT_EQ((RecentConnection { withTable.toConninfoWithoutPassword(), withTable.table() }
                      .passwordKey()),
        baseKey);

    // Separators inside a part cannot make two connections share a key.
    EXPECT_NE(RecentConnection::passwordKeyOf(connection(QStringLiteral("user='a@b' host=c"))),
        RecentConnection::passwordKeyOf(connection(QStringLiteral("user=a host='b@c'"))));
}

TEST_F(RecentConnectionsTest, APasswordIsDroppedWhenItsLastConnectionLeavesTheList)
{
    const RecentConnections recent = store();
    ConnectionSettings tenantA = connection(QStringLiteral("host=shared user=u dbname=d"));
    tenantA.setTable(AuditTableRef { QStringLiteral("a"), QStringLiteral("audit_log") });
    ConnectionSettings tenantB = tenantA;
    tenantB.setTable(AuditTableRef { QStringLiteral("b"), QStringLiteral("audit_log") });
    recent.remember(tenantA);
    recent.remember(tenantB);
    for (int n = 1; n <= RecentConnections::kMaximum - 3; ++n) {
        recent.remember(connection(QStringLiteral("host=other%1").arg(n)));
    }
    // Ten entries: tenant A is the oldest. It falls off, but B keeps the same password.
    QList<RecentConnection> before = recent.load();
    ASSERT_EQ(before.size(), RecentConnections::kMaximum - 1);
    before = recent.remember(connection(QStringLiteral("host=other8")));
    QList<RecentConnection> after = recent.remember(connection(QStringLiteral("host=other9")));
    EXPECT_EQ(after.size(), RecentConnections::kMaximum);
    EXPECT_EQ(RecentConnections::passwordKeysDropped(before, after), QStringList());
    EXPECT_FALSE(
        after.contains(RecentConnection { tenantA.toConninfoWithoutPassword(), tenantA.table() }));

    // Then B falls off too: now its password goes.
    before = after;
    after = recent.remember(connection(QStringLiteral("host=other10")));
    EXPECT_EQ(RecentConnections::passwordKeysDropped(before, after),
        QStringList { QStringLiteral("u@shared:/d") });
}
