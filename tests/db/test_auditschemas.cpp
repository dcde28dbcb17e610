#include "auditrepository.h"
#include "databaseconnection.h"
#include "testconnection.h"
#include "testdatabase.h"

#include <gtest/gtest.h>

namespace {

// The catalog query behind the window's schema picker, on schemas made here that hold a
// table of a name no other test uses, so the answer is exactly what this test created.
class AuditSchemasTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_admin.isOpen()) << m_admin.error().toStdString();
        ASSERT_TRUE(m_admin.exec(QStringLiteral(
            "DROP SCHEMA IF EXISTS sch_plain, sch_parted, sch_fresh, sch_view, sch_other, "
            "sch_hindsight CASCADE;"
            "CREATE SCHEMA sch_plain; CREATE SCHEMA sch_parted; CREATE SCHEMA sch_fresh;"
            "CREATE SCHEMA sch_view; CREATE SCHEMA sch_other;"
            "CREATE TABLE sch_plain.sch_probe_log (id int);"
            "INSERT INTO sch_plain.sch_probe_log SELECT generate_series(1, 120);"
            "ANALYZE sch_plain.sch_probe_log;"
            "CREATE TABLE sch_parted.sch_probe_log (id int, at date) PARTITION BY RANGE (at);"
            // A partition named like the parent, in another schema, is not a schema of its own.
            "CREATE TABLE sch_other.sch_probe_log PARTITION OF sch_parted.sch_probe_log"
            " FOR VALUES FROM ('2026-01-01') TO ('2026-02-01');"
            "CREATE TABLE sch_parted.sch_probe_log_2026_02 PARTITION OF sch_parted.sch_probe_log"
            " FOR VALUES FROM ('2026-02-01') TO ('2026-03-01') PARTITION BY RANGE (at);"
            "CREATE TABLE sch_parted.sch_probe_log_2026_02a PARTITION OF"
            " sch_parted.sch_probe_log_2026_02 FOR VALUES FROM ('2026-02-01') TO ('2026-02-15');"
            "INSERT INTO sch_parted.sch_probe_log SELECT n, DATE '2026-01-01' + n % 40"
            " FROM generate_series(1, 300) n WHERE DATE '2026-01-01' + n % 40 < '2026-02-15';"
            "ANALYZE sch_parted.sch_probe_log;"
            "CREATE TABLE sch_fresh.sch_probe_log (id int);"
            "CREATE VIEW sch_view.sch_probe_log AS SELECT 1 AS id;")))
            << m_admin.error().toStdString();
        openTestConnection(m_connection, testConnectionSettings());
    }

    void TearDown() override
    {
        EXPECT_TRUE(m_admin.exec(QStringLiteral(
            "DROP SCHEMA IF EXISTS sch_plain, sch_parted, sch_fresh, sch_view, sch_other, "
            "sch_hindsight CASCADE")))
            << m_admin.error().toStdString();
    }

    Result<QList<AuditSchema>> schemasHolding(const QString &table) const
    {
        return AuditRepository(
            m_connection.session(), AuditTableRef { QStringLiteral("public"), table })
            .schemasHoldingTable();
    }

    TestDatabase m_admin;
    DatabaseConnection m_connection;
};

TEST_F(AuditSchemasTest, ListsTablesAndPartitionedTablesWithTheirEstimatedRows)
{
    const auto schemas = schemasHolding(QStringLiteral("sch_probe_log"));
    ASSERT_TRUE(schemas) << schemas.error().message.toStdString();
    const QString partitionedRows
        = m_admin.scalar(QStringLiteral("SELECT count(*) FROM sch_parted.sch_probe_log"));
    const QList<AuditSchema> expected {
        { QStringLiteral("sch_fresh"), std::nullopt }, // never analysed: no estimate yet
        { QStringLiteral("sch_parted"), partitionedRows.toLongLong() }, // its leaves summed
        { QStringLiteral("sch_plain"), 120 },
    };
    ASSERT_EQ(schemas->size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        EXPECT_EQ(schemas->at(i).schema, expected.at(i).schema);
        EXPECT_EQ(schemas->at(i).estimatedRows, expected.at(i).estimatedRows)
            << expected.at(i).schema.toStdString();
    }
    EXPECT_GT(partitionedRows.toLongLong(), 0);
}

TEST_F(AuditSchemasTest, ATableNoSchemaHoldsListsNothing)
{
    const auto schemas = schemasHolding(QStringLiteral("sch_probe_nowhere"));
    ASSERT_TRUE(schemas) << schemas.error().message.toStdString();
    EXPECT_TRUE(schemas->isEmpty());
}

TEST_F(AuditSchemasTest, AMissingAuditTableIsReportedAsMissing)
{
    const auto checked = AuditRepository(m_connection.session(),
        AuditTableRef { QStringLiteral("sch_view"), QStringLiteral("audit_log") })
                             .checkTable();
    ASSERT_FALSE(checked);
    EXPECT_TRUE(checked.error().isMissingTable()) << checked.error().message.toStdString();
}

TEST_F(AuditSchemasTest, APatternIsCheckedOnTheFirstSchemaThisRoleMayRead)
{
    const auto check = [this](const QString &pattern, const QString &table) {
        AuditTableRef ref { QStringLiteral("public"), table };
        ref.schemaPattern = pattern;
        return AuditRepository(m_connection.session(), ref).checkTable();
    };
    // No public table of that name is needed, and none is looked for.
    ASSERT_TRUE(m_admin.createAuditSchema(QStringLiteral("sch_hindsight")))
        << m_admin.error().toStdString();
    const auto hindsight = check(QStringLiteral("sch_hind%"), QStringLiteral("audit_log"));
    EXPECT_TRUE(hindsight) << hindsight.error().message.toStdString();

    const auto none = check(QStringLiteral("sch_nowhere_%"), QStringLiteral("audit_log"));
    ASSERT_FALSE(none);
    EXPECT_TRUE(none.error().isMissingTable()) << none.error().message.toStdString();

    // sch_fresh comes first by name: a table of that name, but not Hindsight's.
    const auto other = check(QStringLiteral("sch_%"), QStringLiteral("sch_probe_log"));
    ASSERT_FALSE(other);
    EXPECT_TRUE(other.error().message.contains(QLatin1String("sch_fresh.sch_probe_log")))
        << other.error().message.toStdString();

    ASSERT_TRUE(m_admin.exec(QStringLiteral(
        "DROP ROLE IF EXISTS sch_stranger; CREATE ROLE sch_stranger LOGIN PASSWORD 'sch-pw'")))
        << m_admin.error().toStdString();
    DatabaseConnection stranger;
    openTestConnection(stranger,
        connectionSettingsFor(
            TestDatabase::conninfo() + QStringLiteral(" user=sch_stranger password=sch-pw")));
    AuditTableRef ref { QStringLiteral("public"), QStringLiteral("audit_log") };
    ref.schemaPattern = QStringLiteral("sch_hind%");
    const auto unreadable = AuditRepository(stranger.session(), ref).checkTable();
    ASSERT_FALSE(unreadable);
    EXPECT_TRUE(unreadable.error().message.contains(
        QLatin1String("may not read any of the 1 tables sch_hind%.audit_log")))
        << unreadable.error().message.toStdString();
}

} // namespace
