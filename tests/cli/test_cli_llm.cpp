#include "llmseed.h"
#include "testdatabase.h"
#include "viewercli.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

namespace {

// The db tests' seed (tests/support/llmseed.h) in a schema of its own.
class CliLlmTest : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        TestDatabase admin;
        ASSERT_TRUE(admin.createAuditSchema(QStringLiteral("clillm")));
        ASSERT_TRUE(admin.exec(TestDatabase::llmTableDdl(QStringLiteral("clillm"))));
        ASSERT_TRUE(admin.exec(llmSeedSql(QStringLiteral("clillm"))))
            << admin.error().toStdString();
        ASSERT_TRUE(admin.exec(
            QStringLiteral("DROP SCHEMA IF EXISTS clillm_old CASCADE; CREATE SCHEMA clillm_old;")));
        ASSERT_TRUE(admin.exec(TestDatabase::auditTableDdl(QStringLiteral("clillm_old"))));
    }

    static ViewerCliRun llm(QStringList arguments)
    {
        arguments.insert(1, TestDatabase::conninfo());
        arguments.prepend(QStringLiteral("llm"));
        if (!arguments.contains(QLatin1String("--schema"))) {
            arguments << QStringLiteral("--schema") << QStringLiteral("clillm");
        }
        return runViewerCli(arguments);
    }

    TestDatabase m_admin;
};

QStringList lines(const QString &text)
{
    return text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

TEST_F(CliLlmTest, ListJsonLinesUseTheColumnNamesAndPageWithTheCursor)
{
    const QStringList truth
        = m_admin.column(QStringLiteral("SELECT id::text FROM clillm.llm_requests WHERE status = "
                                        "'error' ORDER BY started_at DESC, id DESC"));
    QStringList listed;
    QStringList after;
    for (int page = 0; page < 20; ++page) {
        const ViewerCliRun run
            = llm(QStringList { QStringLiteral("list"), QStringLiteral("--status"),
                      QStringLiteral("error"), QStringLiteral("--limit"), QStringLiteral("9"),
                      QStringLiteral("--format"), QStringLiteral("jsonl") }
                + after);
        ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
        for (const QString &line : lines(run.out)) {
            const QJsonObject row = QJsonDocument::fromJson(line.toUtf8()).object();
            listed.append(row.value(QLatin1String("id")).toString());
            EXPECT_EQ(row.value(QLatin1String("status")).toString(), QStringLiteral("error"));
            EXPECT_TRUE(row.contains(QLatin1String("total_tokens")));
        }
        const int at = run.err.indexOf(QLatin1String("--after "));
        if (at < 0) {
            break;
        }
        after = QStringList { QStringLiteral("--after"), run.err.mid(at + 8).trimmed() };
    }
    EXPECT_EQ(listed, truth);
}

TEST_F(CliLlmTest, DuringListsTheEntrysRunsAndSaysWhenTheyAreAmbiguous)
{
    const ViewerCliRun run = llm({ QStringLiteral("list"), QStringLiteral("--during"),
        QStringLiteral("a0000000-0000-0000-0000-000000000002"), QStringLiteral("--format"),
        QStringLiteral("jsonl") });
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    const QStringList rows = lines(run.out);
    ASSERT_EQ(rows.size(), 1);
    const QJsonObject r2 = QJsonDocument::fromJson(rows.first().toUtf8()).object();
    EXPECT_EQ(r2.value(QLatin1String("run")).toString(), QStringLiteral("t2"));
    EXPECT_EQ(r2.value(QLatin1String("calls")).toInt(), 2);
    EXPECT_EQ(
        r2.value(QLatin1String("tokens")).toObject().value(QLatin1String("total")).toInt(), 30);
    EXPECT_TRUE(run.err.contains(QLatin1String("ambiguous")));
    EXPECT_TRUE(run.err.contains(QLatin1String("a0000000-0000-0000-0000-000000000001")));
}

TEST_F(CliLlmTest, StatsJsonCountsCallsStatusesAndTokensPerBucket)
{
    const ViewerCliRun run
        = llm({ QStringLiteral("stats"), QStringLiteral("--period"), QStringLiteral("30d"),
            QStringLiteral("--utc"), QStringLiteral("--format"), QStringLiteral("json") });
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    const QJsonObject stats = QJsonDocument::fromJson(run.out.toUtf8()).object();
    qint64 calls = 0;
    qint64 errors = 0;
    qint64 total = 0;
    for (const QJsonValue &bucket : stats.value(QLatin1String("buckets")).toArray()) {
        calls += bucket[QLatin1String("calls")].toInteger();
        errors += bucket[QLatin1String("status")][QLatin1String("error")].toInteger();
        total += bucket[QLatin1String("tokens")][QLatin1String("total")].toInteger();
    }
    // The seed lies in November 2026; a run after mid-December sees none of it.
    const QString within = QStringLiteral(
        " FROM clillm.llm_requests WHERE started_at >= date_trunc('day', now() AT TIME ZONE 'UTC') "
        "AT TIME ZONE 'UTC' - interval '29 days'");
    EXPECT_EQ(calls, m_admin.scalar(QStringLiteral("SELECT count(*)") + within).toLongLong());
    EXPECT_EQ(errors,
        m_admin
            .scalar(QStringLiteral("SELECT count(*)") + within
                + QStringLiteral(" AND status = 'error'"))
            .toLongLong());
    EXPECT_EQ(total,
        m_admin.scalar(QStringLiteral("SELECT COALESCE(sum(total_tokens), 0)") + within)
            .toLongLong());
}

TEST_F(CliLlmTest, ShowMasksTheKeyInAPromptAndRunListsEveryCall)
{
    const ViewerCliRun shown
        = llm({ QStringLiteral("show"), QStringLiteral("c0000000-0000-0000-0000-000000000011") });
    ASSERT_EQ(shown.exitCode, 0) << shown.err.toStdString();
    EXPECT_FALSE(shown.out.contains(QLatin1String("sk-proj-abcdefghijklmnop")));
    EXPECT_TRUE(shown.out.contains(QLatin1String("Extract facts")));
    const ViewerCliRun run
        = llm({ QStringLiteral("run"), QStringLiteral("c0000000-0000-0000-0000-000000000012"),
            QStringLiteral("--format"), QStringLiteral("jsonl") });
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    EXPECT_EQ(lines(run.out).size(), 1 + 3) << "the run, then its three calls";
}

TEST_F(CliLlmTest, ExportWritesExactlyTheFilteredCalls)
{
    const ViewerCliRun run
        = llm({ QStringLiteral("export"), QStringLiteral("--output"), QStringLiteral("-"),
            QStringLiteral("--format"), QStringLiteral("jsonl"), QStringLiteral("--operation"),
            QStringLiteral("reflect"), QStringLiteral("--min-duration"), QStringLiteral("2s") });
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    EXPECT_EQ(lines(run.out).size(),
        m_admin
            .scalar(QStringLiteral("SELECT count(*) FROM clillm.llm_requests WHERE operation = "
                                   "'reflect' AND duration_ms >= 2000"))
            .toInt());
}

TEST_F(CliLlmTest, AMissingTableIsSaidInOneSentenceAndAuditOptionsAreRefused)
{
    const ViewerCliRun missing
        = llm({ QStringLiteral("list"), QStringLiteral("--schema"), QStringLiteral("clillm_old") });
    EXPECT_EQ(missing.exitCode, 2);
    EXPECT_TRUE(missing.err.contains(QLatin1String("has no clillm_old.llm_requests table")))
        << missing.err.toStdString();
    const ViewerCliRun action
        = llm({ QStringLiteral("list"), QStringLiteral("--action"), QStringLiteral("retain") });
    EXPECT_EQ(action.exitCode, 1);
    EXPECT_TRUE(action.err.contains(QLatin1String("--operation")));
}

} // namespace
