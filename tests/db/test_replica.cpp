#include "adminconnection.h"
#include "auditexporter.h"
#include "auditrepository.h"
#include "databaseconnection.h"
#include "localcluster.h"
#include "testconnection.h"
#include "testdatabase.h"
#include "viewercli.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

namespace {

const AuditTableRef kTable { QStringLiteral("replica"), QStringLiteral("audit_log") };
constexpr int kRows = 300;

// A primary and a streaming hot standby made from it with pg_basebackup -R. The rows are
// written on the primary after the standby started, so they reach it by streaming only.
class ReplicaTest : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        s_primary = std::make_unique<LocalCluster>();
        s_replica = std::make_unique<LocalCluster>();
        ASSERT_TRUE(s_primary->init({ QStringLiteral("wal_level = replica") }))
            << s_primary->error().toStdString();
        ASSERT_TRUE(s_primary->start()) << s_primary->error().toStdString();
        AdminConnection primary(s_primary->conninfo());
        ASSERT_TRUE(primary.exec(
            QStringLiteral("CREATE SCHEMA replica;") + TestDatabase::auditTableDdl(kTable.schema)))
            << primary.error().toStdString();
        ASSERT_TRUE(s_replica->initReplicaOf(*s_primary)) << s_replica->error().toStdString();
        ASSERT_TRUE(s_replica->start()) << s_replica->error().toStdString();

        ASSERT_TRUE(primary.exec(QStringLiteral(
            "INSERT INTO replica.audit_log (action, transport, bank_id, started_at, ended_at, "
            "request, response, metadata) SELECT (ARRAY['retain','recall','reflect'])[1 + g % 3], "
            "(ARRAY['http','mcp','system'])[1 + g % 3], CASE WHEN g % 5 = 0 THEN NULL ELSE "
            "'bank-' || (g % 4) END, now() - g * interval '1 minute' - interval '0.000007 s', "
            "now() - g * interval '1 minute' + interval '0.25 s', "
            "jsonb_build_object('big', 12345678901234567890, 'g', g), CASE WHEN g % 10 = 0 THEN "
            "NULL ELSE '{\"ok\": true}'::jsonb END, '{}' FROM generate_series(1, %1) g;"
            "ANALYZE replica.audit_log;")
                                     .arg(kRows)))
            << primary.error().toStdString();
        // The insert position, not pg_current_wal_lsn(): with synchronous_commit=off the
        // commit record may not be written yet, and a standby that replayed only up to the
        // write position would not show the rows.
        const QString target = primary.scalar(QStringLiteral("SELECT pg_current_wal_insert_lsn()"));
        AdminConnection standby(s_replica->conninfo());
        ASSERT_TRUE(standby.isOpen()) << standby.error().toStdString();
        ASSERT_TRUE(QTest::qWaitFor(
            [&] {
                return standby.scalar(
                           QStringLiteral("SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn"),
                           { target })
                    == QLatin1String("t");
            },
            30000))
            << "the replica did not catch up with the primary";
    }

    static void TearDownTestSuite()
    {
        s_replica.reset(); // the standby first, or it keeps asking for the primary
        s_primary.reset();
    }

    void SetUp() override
    {
        ASSERT_TRUE(s_replica && s_replica->isRunning());
        ASSERT_EQ(
            m_standby.scalar(QStringLiteral("SELECT pg_is_in_recovery()")).toStdString(), "t");
        m_settings = connectionSettingsFor(s_replica->conninfo(), kTable);
        openTestConnection(m_connection, m_settings);
    }

    AuditRepository repository() const { return AuditRepository(m_connection.session(), kTable); }

    static QStringList withReplica(QStringList arguments)
    {
        arguments.insert(1, s_replica->conninfo());
        arguments.append({ QStringLiteral("--schema"), kTable.schema });
        return arguments;
    }

    static inline std::unique_ptr<LocalCluster> s_primary;
    static inline std::unique_ptr<LocalCluster> s_replica;
    AdminConnection m_primary { s_primary ? s_primary->conninfo() : QString() };
    AdminConnection m_standby { s_replica ? s_replica->conninfo() : QString() };
    ConnectionSettings m_settings;
    DatabaseConnection m_connection;
};

} // namespace

TEST_F(ReplicaTest, RepositoryReadsEverythingFromTheStandby)
{
    ASSERT_TRUE(repository().checkTable());

    QStringList paged;
    std::optional<PageCursor> after;
    for (int guard = 0; guard < 20; ++guard) {
        const auto page = repository().page(AuditFilter(), 70, after);
        ASSERT_TRUE(page) << page.error().message.toStdString();
        for (const AuditEntry &entry : page->entries) {
            paged.append(entry.id);
        }
        if (!page->hasMore) {
            break;
        }
        after = PageCursor { page->entries.last().startedAt, page->entries.last().id };
    }
    EXPECT_EQ(paged,
        m_primary.column(QStringLiteral(
            "SELECT id::text FROM replica.audit_log ORDER BY started_at DESC, id DESC")));

    EXPECT_EQ(*repository().exactCount(AuditFilter()), kRows);
    EXPECT_EQ(*repository().estimatedCount(AuditFilter()), kRows); // the primary's ANALYZE
    AuditFilter failed;
    failed.failedOnly = true;
    EXPECT_EQ(*repository().exactCount(failed), kRows / 10);

    const auto series
        = repository().volume(AuditFilter(), VolumePeriod::SevenDays, QTimeZone::utc());
    ASSERT_TRUE(series) << series.error().message.toStdString();
    EXPECT_EQ(series->total(), kRows);

    EXPECT_EQ(repository().distinctActions()->join(QLatin1Char(',')).toStdString(),
        "recall,reflect,retain");
    EXPECT_EQ(
        repository().distinctTransports()->join(QLatin1Char(',')).toStdString(), "http,mcp,system");
    EXPECT_EQ(*repository().distinctBanks(),
        m_primary.column(QStringLiteral("SELECT DISTINCT bank_id FROM replica.audit_log WHERE "
                                        "bank_id IS NOT NULL ORDER BY 1")));

    const QString id = paged.value(42);
    const auto entry = repository().entry(id);
    ASSERT_TRUE(entry) << entry.error().message.toStdString();
    EXPECT_EQ(entry->request,
        m_primary.scalar(
            QStringLiteral("SELECT request::text FROM replica.audit_log WHERE id = $1"), { id }));
}

TEST_F(ReplicaTest, ExporterStreamsEveryRowFromTheStandby)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("audit.jsonl"));
    ExportOptions options;
    options.format = ExportOptions::Format::JsonLines;
    const auto written = AuditExporter(m_connection.session(), kTable)
                             .exportToFile(AuditFilter(), SortOrder::OldestFirst, options, path);
    ASSERT_TRUE(written) << written.error().message.toStdString();
    EXPECT_EQ(*written, kRows);
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    ASSERT_EQ(lines.size(), kRows + 1);
    const QStringList ids = m_primary.column(
        QStringLiteral("SELECT id::text FROM replica.audit_log ORDER BY started_at, id"));
    for (int i = 0; i < kRows; ++i) {
        ASSERT_EQ(QJsonDocument::fromJson(lines[i]).object().value(QLatin1String("id")).toString(),
            ids[i])
            << "line " << i;
    }
    EXPECT_TRUE(lines[0].contains("12345678901234567890"));
}

TEST_F(ReplicaTest, TheStandbyRefusesWritesThroughTheViewersConnection)
{
    const auto result = m_connection.session().exec(
        QStringLiteral("INSERT INTO replica.audit_log (action, transport) VALUES ('x', 'y')"));
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().sqlState.toStdString(), "25006"); // read_only_sql_transaction
}

TEST_F(ReplicaTest, CommandLineListsShowsCountsAndExportsFromTheStandby)
{
    const QStringList newest = m_primary.column(QStringLiteral(
        "SELECT id::text FROM replica.audit_log ORDER BY started_at DESC, id DESC LIMIT 5"));
    ASSERT_EQ(newest.size(), 5);

    const ViewerCliRun list
        = runViewerCli(withReplica({ QStringLiteral("list"), QStringLiteral("--limit"),
            QStringLiteral("5"), QStringLiteral("--format"), QStringLiteral("jsonl") }));
    ASSERT_EQ(list.exitCode, 0) << list.err.toStdString();
    const QStringList lines = list.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 5);
    for (int i = 0; i < 5; ++i) {
        EXPECT_EQ(QJsonDocument::fromJson(lines[i].toUtf8())
                      .object()
                      .value(QLatin1String("id"))
                      .toString(),
            newest[i]);
    }

    const ViewerCliRun stats = runViewerCli(
        withReplica({ QStringLiteral("stats"), QStringLiteral("--period"), QStringLiteral("7d"),
            QStringLiteral("--utc"), QStringLiteral("--format"), QStringLiteral("json") }));
    ASSERT_EQ(stats.exitCode, 0) << stats.err.toStdString();
    EXPECT_EQ(
        QJsonDocument::fromJson(stats.out.toUtf8()).object().value(QLatin1String("total")).toInt(),
        kRows)
        << stats.out.toStdString();

    const ViewerCliRun show = runViewerCli(withReplica({ QStringLiteral("show"), newest[0] }));
    ASSERT_EQ(show.exitCode, 0) << show.err.toStdString();
    EXPECT_TRUE(show.out.contains(newest[0]));
    EXPECT_TRUE(show.out.contains(QLatin1String("12345678901234567890")));

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("audit.csv"));
    const ViewerCliRun exported = runViewerCli(withReplica({ QStringLiteral("export"),
        QStringLiteral("--output"), path, QStringLiteral("--format"), QStringLiteral("csv") }));
    ASSERT_EQ(exported.exitCode, 0) << exported.err.toStdString();
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_EQ(file.readAll().count("\r\n"), kRows + 1); // the header and every row
}
