#include "connectionsettings.h"

#include <QScopeGuard>

#include <gtest/gtest.h>

TEST(ConnectionSettings, ParsesUrisAsLibpqDoes)
{
    const auto settings = ConnectionSettings::parse(
        QStringLiteral("postgresql://reader:s%3Bcret@db.example:6432/"
                       "hindsight?sslmode=verify-full&application_name=x"));
    ASSERT_TRUE(settings);
    EXPECT_EQ(settings->value(QStringLiteral("host")).toStdString(), "db.example");
    EXPECT_EQ(settings->value(QStringLiteral("port")).toStdString(), "6432");
    EXPECT_EQ(settings->value(QStringLiteral("dbname")).toStdString(), "hindsight");
    EXPECT_EQ(settings->value(QStringLiteral("sslmode")).toStdString(), "verify-full");
    EXPECT_EQ(settings->password().toStdString(), "s;cret");
}

TEST(ConnectionSettings, ParsesKeyValueConninfo)
{
    const auto settings = ConnectionSettings::parse(
        QStringLiteral("host=localhost port=5432 user='o\\'brien' password=pw"));
    ASSERT_TRUE(settings);
    EXPECT_EQ(settings->value(QStringLiteral("user")).toStdString(), "o'brien");
    EXPECT_EQ(settings->password().toStdString(), "pw");
}

TEST(ConnectionSettings, EmptyConninfoLeavesEverythingToLibpqDefaults)
{
    const auto settings = ConnectionSettings::parse(QString());
    ASSERT_TRUE(settings);
    EXPECT_TRUE(settings->toConninfoWithoutPassword().isEmpty());
}

TEST(ConnectionSettings, InvalidConninfoIsOneClearSentence)
{
    const auto settings = ConnectionSettings::parse(QStringLiteral("host=x nonsense"));
    ASSERT_FALSE(settings);
    EXPECT_EQ(settings.error().kind, QueryError::Kind::Usage);
    EXPECT_TRUE(
        settings.error().message.startsWith(QLatin1String("The connection string is not valid")));
    const auto unknown = ConnectionSettings::parse(QStringLiteral("hots=x"));
    ASSERT_FALSE(unknown);
    EXPECT_TRUE(unknown.error().message.contains(QLatin1String("hots")));
}

TEST(ConnectionSettings, PasswordNeverAppearsInRememberedOrDriverForm)
{
    auto settings = ConnectionSettings::parse(QStringLiteral("host=h user=u password=TopSecret42"));
    ASSERT_TRUE(settings);
    EXPECT_FALSE(settings->toConninfoWithoutPassword().contains(QLatin1String("TopSecret42")));
    QString error;
    EXPECT_FALSE(settings->driverOptions(&error).contains(QLatin1String("TopSecret42")));
}

TEST(ConnectionSettings, DriverOptionsCarryOnlyWhatAPoolerAccepts)
{
    // The viewer's own settings travel inside each transaction (PgSession), never as a
    // startup "options" parameter that pgbouncer refuses or drops.
    auto settings = ConnectionSettings::parse(QStringLiteral("host=h port=6432"));
    ASSERT_TRUE(settings);
    settings.value().setStatementTimeoutMs(1234);
    QString error;
    const QString options = settings->driverOptions(&error);
    EXPECT_TRUE(error.isEmpty());
    EXPECT_FALSE(options.contains(QLatin1String("options="))) << options.toStdString();
    EXPECT_FALSE(options.contains(QLatin1String("1234")));
    EXPECT_TRUE(options.contains(QLatin1String("connect_timeout=10")));
    EXPECT_TRUE(options.contains(QLatin1String("client_encoding=UTF8")));
    EXPECT_TRUE(options.contains(QLatin1String("fallback_application_name=audit-viewer")));
}

TEST(ConnectionSettings, TheUsersOwnOptionsAreSentAndCanBeLeftOut)
{
    auto settings = ConnectionSettings::parse(QStringLiteral("host=h options='-c work_mem=64MB'"));
    ASSERT_TRUE(settings);
    EXPECT_EQ(settings->userOptions(), QStringLiteral("-c work_mem=64MB"));
    QString error;
    EXPECT_TRUE(
        settings->driverOptions(&error).contains(QLatin1String("options='-c work_mem=64MB'")));
    const QString omitted
        = settings->driverOptions(&error, ConnectionSettings::StartupOptions::Omit);
    EXPECT_FALSE(omitted.contains(QLatin1String("work_mem")));
    // An empty value, so that libpq does not fall back to PGOPTIONS either.
    EXPECT_TRUE(omitted.contains(QLatin1String("options=''"))) << omitted.toStdString();

    qputenv("PGOPTIONS", "-c search_path=tenant_1");
    const auto guard = qScopeGuard([] { qunsetenv("PGOPTIONS"); });
    auto plain = ConnectionSettings::parse(QStringLiteral("host=h"));
    ASSERT_TRUE(plain);
    EXPECT_EQ(plain->userOptions(), QStringLiteral("-c search_path=tenant_1"));
    EXPECT_EQ(settings->userOptions(), QStringLiteral("-c work_mem=64MB")); // the conninfo wins
}

TEST(ConnectionSettings, SemicolonsThatQpsqlWouldMangleAreRefused)
{
    auto settings = ConnectionSettings::parse(QStringLiteral("host=h application_name='a;b'"));
    ASSERT_TRUE(settings);
    QString error;
    EXPECT_TRUE(settings->driverOptions(&error).isEmpty());
    EXPECT_TRUE(error.contains(QLatin1String("application_name")));
}
