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
            "DROP SCHEMA IF EXISTS sch_plain, sch_parted, sch_fresh, sch_view, sch_other CASCADE;"
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
            "DROP SCHEMA IF EXISTS sch_plain, sch_parted, sch_fresh, sch_view, sch_other CASCADE")))
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

} // namespace
