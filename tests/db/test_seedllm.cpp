// scripts/seed-llm: the LLM calls the demo and the benchmark read have the shape Hindsight
// writes (its table and indexes, runs sharing a trace_id, durations, tokens, errors, nested
// spans) and, with --with-audit, each run lies in an audit entry of its bank and action.
#include "testdatabase.h"

#include <QProcess>

#include <gtest/gtest.h>

namespace {

const QString kSchema = QStringLiteral("seedllm");

class SeedLlmTest : public ::testing::Test
{
protected:
    // Seeds once per process; a failure fails every test (SetUp), never skips it.
    static void SetUpTestSuite()
    {
        s_seedError.clear();
        TestDatabase db;
        if (!db.isOpen()) {
            s_seedError = db.error();
            return;
        }
        if (!db.exec(QStringLiteral("DROP SCHEMA IF EXISTS seedllm CASCADE; DROP SCHEMA IF EXISTS "
                                    "seedllm_ddl CASCADE; CREATE SCHEMA seedllm_ddl;")
                + TestDatabase::llmTableDdl(QStringLiteral("seedllm_ddl")))) {
            s_seedError = db.error();
            return;
        }
        QProcess seed;
        seed.start(QStringLiteral(AUDIT_VIEWER_SCRIPTS_DIR "/seed-llm"),
            { QStringLiteral("--with-audit"), QStringLiteral("--schema"), kSchema,
                QStringLiteral("--rows"), QStringLiteral("4000"), QStringLiteral("--seed"),
                QStringLiteral("3"), QStringLiteral("--days"), QStringLiteral("10"),
                QStringLiteral("--end"), QStringLiteral("2026-03-27T10:00:00Z"),
                TestDatabase::conninfo() });
        if (!seed.waitForFinished(120000) || seed.exitStatus() != QProcess::NormalExit
            || seed.exitCode() != 0) {
            s_seedError
                = QStringLiteral("scripts/seed-llm failed: %1 %2")
                      .arg(seed.errorString(), QString::fromUtf8(seed.readAllStandardError()));
        }
    }

    void SetUp() override { ASSERT_TRUE(s_seedError.isEmpty()) << s_seedError.toStdString(); }

    QString scalar(const QString &sql)
    {
        const QString value = m_db.scalar(sql);
        EXPECT_FALSE(value.isEmpty()) << m_db.error().toStdString() << "\n" << sql.toStdString();
        return value;
    }
    qint64 count(const QString &where)
    {
        return scalar(QStringLiteral("SELECT count(*) FROM seedllm.llm_requests WHERE ") + where)
            .toLongLong();
    }

    TestDatabase m_db;
    static inline QString s_seedError;
};

TEST_F(SeedLlmTest, TableAndIndexesAreHindsights)
{
    const QString columns = QStringLiteral(
        "SELECT string_agg(column_name || ' ' || data_type || ' ' || is_nullable || ' ' || "
        "coalesce(column_default, ''), ', ' ORDER BY ordinal_position) FROM "
        "information_schema.columns WHERE table_schema = '%1' AND table_name = 'llm_requests'");
    EXPECT_EQ(scalar(columns.arg(kSchema)), scalar(columns.arg(QStringLiteral("seedllm_ddl"))));
    const QString indexes
        = QStringLiteral("SELECT string_agg(regexp_replace(indexdef, ' ON \\S+', ''), '; ' ORDER "
                         "BY indexname) FROM pg_indexes WHERE schemaname = '%1' AND tablename = "
                         "'llm_requests'");
    EXPECT_EQ(scalar(indexes.arg(kSchema)), scalar(indexes.arg(QStringLiteral("seedllm_ddl"))));
    EXPECT_EQ(count(QStringLiteral("TRUE")), 4000);
}

TEST_F(SeedLlmTest, CallsHaveHindsightsShape)
{
    // duration_ms is ended_at - started_at cut to milliseconds; total = input + output.
    EXPECT_EQ(count(QStringLiteral("duration_ms IS DISTINCT FROM floor(extract(epoch FROM ended_at "
                                   "- started_at) * 1000)::int")),
        0);
    EXPECT_EQ(count(QStringLiteral("total_tokens IS DISTINCT FROM nullif(coalesce(input_tokens, 0) "
                                   "+ coalesce(output_tokens, 0), 0)")),
        0);
    EXPECT_GT(count(QStringLiteral("input_tokens IS NULL")), 0);
    EXPECT_GT(count(QStringLiteral("cached_tokens IS NOT NULL")), 0);
    // About 3% errors, each with an error text and no output.
    const qint64 errors = count(QStringLiteral("status = 'error'"));
    EXPECT_GT(errors, 40);
    EXPECT_LT(errors, 240);
    EXPECT_EQ(
        count(QStringLiteral("status = 'error' AND (output IS NOT NULL OR error IS NULL)")), 0);
    EXPECT_EQ(count(QStringLiteral("status NOT IN ('success', 'error')")), 0);
    EXPECT_GT(count(QStringLiteral("error LIKE 'TimeoutError: %'")), 0);
    // Inputs are message lists, or stored cut; some prompts carry an API key.
    EXPECT_EQ(
        count(QStringLiteral("NOT (jsonb_typeof(input) = 'array' OR input ? '_truncated')")), 0);
    EXPECT_GT(count(QStringLiteral("input->0->>'role' = 'system'")), 3900);
    EXPECT_GT(
        count(QStringLiteral("input->>'_truncated' = 'true' AND (input->>'_original_chars')::int "
                             "> length(input->>'preview')")),
        0);
    EXPECT_GT(count(QStringLiteral("input::text LIKE '%sk-%'")), 0);
    EXPECT_GT(count(QStringLiteral("operation = 'retain' AND metadata ? 'document_id'")), 0);
    EXPECT_EQ(count(QStringLiteral("operation <> 'retain' AND metadata ? 'document_id'")), 0);
    EXPECT_GT(count(QStringLiteral("metadata ? 'source_memory_ids'")), 0);
}

TEST_F(SeedLlmTest, RunsShareATraceAndNestedSpansLieInTheirParent)
{
    // One operation, bank, provider and model per run; 1 to 200 calls, most small.
    EXPECT_EQ(scalar(QStringLiteral(
                  "SELECT count(*) FROM (SELECT trace_id FROM seedllm.llm_requests GROUP BY 1 "
                  "HAVING count(DISTINCT operation) > 1 OR count(DISTINCT bank_id) > 1 OR "
                  "count(DISTINCT model) > 1 OR count(*) > 200) r")),
        QStringLiteral("0"));
    EXPECT_EQ(scalar(QStringLiteral("SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY n) < 10 "
                                    "AND max(n) >= 20 FROM (SELECT count(*) AS n FROM "
                                    "seedllm.llm_requests GROUP BY trace_id) r")),
        QStringLiteral("t"));
    // Most calls hang under the run's operation span; the nested ones under a call of the
    // same run, within its time.
    const QString nested = QStringLiteral(
        "FROM seedllm.llm_requests c JOIN seedllm.llm_requests p ON p.trace_id = c.trace_id AND "
        "p.span_id = c.parent_span_id");
    EXPECT_GT(scalar(QStringLiteral("SELECT count(*) ") + nested).toLongLong(), 0);
    EXPECT_EQ(
        scalar(QStringLiteral("SELECT count(*) ") + nested
            + QStringLiteral(" WHERE c.started_at < p.started_at OR c.ended_at > p.ended_at")),
        QStringLiteral("0"));
    EXPECT_EQ(
        scalar(QStringLiteral(
            "SELECT count(*) FROM (SELECT trace_id FROM seedllm.llm_requests c WHERE NOT EXISTS "
            "(SELECT 1 FROM seedllm.llm_requests p WHERE p.span_id = c.parent_span_id) GROUP BY "
            "1 HAVING count(DISTINCT parent_span_id) > 1) r")),
        QStringLiteral("0"));
}

TEST_F(SeedLlmTest, EachRunLiesInAnAuditEntryOfItsBankAndAction)
{
    const QString runs = QStringLiteral(
        "WITH runs AS (SELECT bank_id, CASE operation WHEN 'consolidation_dedup' THEN "
        "'consolidation' WHEN 'mental_model_delta_ops' THEN 'refresh_mental_model' ELSE operation "
        "END AS action, min(started_at) AS s, max(ended_at) AS e FROM seedllm.llm_requests GROUP "
        "BY bank_id, trace_id, operation), held AS (SELECT (SELECT count(*) FROM "
        "seedllm.audit_log a WHERE a.bank_id = r.bank_id AND a.action = r.action AND a.started_at "
        "<= r.s AND a.ended_at >= r.e) AS n FROM runs r) ");
    EXPECT_EQ(scalar(runs + QStringLiteral("SELECT count(*) FROM held WHERE n = 0")),
        QStringLiteral("0"));
    // Concurrent runs of one bank: some runs lie in two entries (an ambiguous attribution).
    EXPECT_GT(
        scalar(runs + QStringLiteral("SELECT count(*) FROM held WHERE n > 1")).toLongLong(), 0);
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM seedllm.audit_log")),
        scalar(QStringLiteral("SELECT count(DISTINCT trace_id) FROM seedllm.llm_requests")));
}

} // namespace
