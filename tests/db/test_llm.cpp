#include "auditexporter.h"
#include "auditrepository.h"
#include "databaseconnection.h"
#include "llmrepository.h"
#include "llmseed.h"
#include "testconnection.h"
#include "testdatabase.h"
#include "volumecache.h"

#include <QBuffer>
#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

namespace {

class LlmTest : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        TestDatabase admin;
        ASSERT_TRUE(admin.createAuditSchema(QStringLiteral("llm"))) << admin.error().toStdString();
        ASSERT_TRUE(admin.exec(TestDatabase::llmTableDdl(QStringLiteral("llm"))))
            << admin.error().toStdString();
        ASSERT_TRUE(admin.exec(llmSeedSql(QStringLiteral("llm")))) << admin.error().toStdString();
        ASSERT_TRUE(admin.exec(QStringLiteral("ANALYZE llm.llm_requests")));
    }

    void SetUp() override
    {
        openTestConnection(m_connection, testConnectionSettings(QStringLiteral("llm")));
    }

    LlmRepository llm(
        const AuditTableRef &audit = { QStringLiteral("llm"), QStringLiteral("audit_log") }) const
    {
        return LlmRepository(m_connection.session(), audit);
    }

    AuditEntry auditEntry(const QString &id) const
    {
        auto detail = AuditRepository(m_connection.session(),
            AuditTableRef { QStringLiteral("llm"), QStringLiteral("audit_log") })
                          .entry(id);
        EXPECT_TRUE(detail.ok());
        return detail ? detail->entry : AuditEntry();
    }

    // Every id the filter's pages list, walking forwards `limit` at a time.
    QStringList walk(const LlmFilter &filter, int limit, bool oldestFirst = false) const
    {
        QStringList ids;
        std::optional<PageCursor> after;
        for (int pages = 0; pages < 1000; ++pages) {
            auto page = llm().page(filter, limit, after, oldestFirst);
            EXPECT_TRUE(page.ok()) << (page ? "" : page.error().message.toStdString());
            if (!page) {
                break;
            }
            for (const LlmCall &call : page->calls) {
                ids.append(call.id);
            }
            if (!page->hasMore) {
                break;
            }
            const LlmCall &last = page->calls.last();
            after = PageCursor { last.startedAt, last.id, std::nullopt, std::nullopt, {} };
        }
        return ids;
    }

    QStringList sqlIds(const QString &where, const QString &order = QStringLiteral("DESC"))
    {
        return m_admin.column(QStringLiteral(
            "SELECT id::text FROM llm.llm_requests WHERE %1 ORDER BY started_at %2, id %2")
                                  .arg(where, order));
    }

    TestDatabase m_admin;
    DatabaseConnection m_connection;
};

TEST_F(LlmTest, PagesWalkEveryCallInOrderUnderEachFilter)
{
    struct Case
    {
        LlmFilter filter;
        QString where;
    };
    LlmFilter errors;
    errors.statuses = { QStringLiteral("error") };
    LlmFilter retain;
    retain.operations = { QStringLiteral("retain"), QStringLiteral("reflect") };
    retain.bank = QStringLiteral("b1");
    LlmFilter document;
    document.documentId = QStringLiteral("doc-1");
    LlmFilter memory;
    memory.memoryId = QStringLiteral("m9");
    LlmFilter slow;
    slow.minDurationMs = 4000;
    slow.models = { QStringLiteral("gpt-4o-mini"), QStringLiteral("gemini-2.5-pro") };
    LlmFilter search;
    search.search = QStringLiteral("DROP TABLE");
    LlmFilter percent;
    percent.search = QStringLiteral("%");
    LlmFilter window;
    window.since = AuditTimestamp::parse(QStringLiteral("2026-11-10T00:00:00Z"), QTimeZone::utc());
    window.until = AuditTimestamp::parse(QStringLiteral("2026-11-11T00:00:00Z"), QTimeZone::utc());
    window.scopes = { QStringLiteral("scope-1"), QStringLiteral("retain_extract_facts") };
    const QList<Case> cases {
        { {}, QStringLiteral("TRUE") },
        { errors, QStringLiteral("status = 'error'") },
        { retain, QStringLiteral("operation IN ('retain', 'reflect') AND bank_id = 'b1'") },
        { document, QStringLiteral("metadata->>'document_id' = 'doc-1'") },
        { memory,
            QStringLiteral(
                "(metadata->'memory_ids' ? 'm9' OR metadata->'source_memory_ids' ? 'm9')") },
        { slow,
            QStringLiteral("duration_ms >= 4000 AND model IN ('gpt-4o-mini', 'gemini-2.5-pro')") },
        { search, QStringLiteral("error LIKE '%DROP TABLE%'") },
        { percent, QStringLiteral("FALSE") },
        { window,
            QStringLiteral(
                "started_at >= '2026-11-10Z' AND started_at < '2026-11-11Z' AND scope IN "
                "('scope-1', 'retain_extract_facts')") },
    };
    for (const Case &c : cases) {
        const QStringList truth = sqlIds(c.where);
        EXPECT_EQ(walk(c.filter, 7), truth) << c.where.toStdString();
        EXPECT_EQ(walk(c.filter, 50, true), sqlIds(c.where, QStringLiteral("ASC")))
            << c.where.toStdString();
        auto count = llm().exactCount(c.filter);
        ASSERT_TRUE(count.ok());
        EXPECT_EQ(*count, truth.size()) << c.where.toStdString();
    }
    EXPECT_GE(sqlIds(QStringLiteral("TRUE")).size(), 611);
}

TEST_F(LlmTest, BackwardPageIsThePreviousPage)
{
    const QStringList all = sqlIds(QStringLiteral("TRUE"));
    auto first = llm().page({}, 10);
    ASSERT_TRUE(first.ok());
    const LlmCall &last = first->calls.last();
    auto second = llm().page({}, 10, PageCursor { last.startedAt, last.id, {}, {}, {} });
    ASSERT_TRUE(second.ok());
    const LlmCall &head = second->calls.first();
    auto back = llm().page({}, 10, PageCursor { head.startedAt, head.id, {}, {}, {} }, false, true);
    ASSERT_TRUE(back.ok());
    QStringList ids;
    for (const LlmCall &call : back->calls) {
        ids.append(call.id);
    }
    EXPECT_EQ(ids, all.mid(0, 10));
}

TEST_F(LlmTest, PageRowsCarryEveryColumnExactly)
{
    LlmFilter filter;
    filter.traceId = QStringLiteral("t1");
    auto page = llm().page(filter, 10, {}, true);
    ASSERT_TRUE(page.ok());
    ASSERT_EQ(page->calls.size(), 3);
    const LlmCall &first = page->calls.first();
    EXPECT_EQ(first.id, QStringLiteral("c0000000-0000-0000-0000-000000000011"));
    EXPECT_EQ(first.startedAt.toIsoUtc(), QStringLiteral("2026-11-10T10:00:01.000007Z"));
    EXPECT_EQ(first.durationMs, 2999);
    EXPECT_EQ(first.cachedTokens, 100);
    EXPECT_EQ(first.parentSpanId, QStringLiteral("op1"));
    EXPECT_EQ(first.schema, QStringLiteral("llm"));
    const LlmCall &nested = page->calls.at(1);
    EXPECT_EQ(nested.parentSpanId, QStringLiteral("s11"));
    EXPECT_FALSE(nested.inputTokens.has_value()) << "NULL tokens stay NULL";
    EXPECT_FALSE(nested.totalTokens.has_value());

    auto hostile = llm().call(QStringLiteral("c0000000-0000-0000-0000-000000000099"));
    ASSERT_TRUE(hostile.ok());
    EXPECT_EQ(hostile->error,
        m_admin.scalar(QStringLiteral("SELECT error FROM llm.llm_requests WHERE id = "
                                      "'c0000000-0000-0000-0000-000000000099'")));
    EXPECT_FALSE(hostile->call.bankId.has_value());
    EXPECT_FALSE(hostile->call.traceId.has_value());
    EXPECT_FALSE(hostile->input.has_value());
}

TEST_F(LlmTest, CallDocumentsAreExactlyAsStoredAndATruncatedInputSaysHowLong)
{
    for (const char *id :
        { "c0000000-0000-0000-0000-000000000011", "c0000000-0000-0000-0000-000000000031" }) {
        auto call = llm().call(QString::fromLatin1(id));
        ASSERT_TRUE(call.ok());
        const QString where
            = QStringLiteral(" FROM llm.llm_requests WHERE id = '%1'").arg(QString::fromLatin1(id));
        EXPECT_EQ(call->input, m_admin.scalar(QStringLiteral("SELECT input::text") + where));
        EXPECT_EQ(call->output, m_admin.scalar(QStringLiteral("SELECT output::text") + where));
        EXPECT_EQ(call->llmInfo, m_admin.scalar(QStringLiteral("SELECT llm_info::text") + where));
        EXPECT_EQ(call->metadata, m_admin.scalar(QStringLiteral("SELECT metadata::text") + where));
    }
    auto truncated = llm().call(QStringLiteral("c0000000-0000-0000-0000-000000000031"));
    EXPECT_EQ(truncated->call.inputOriginalChars, 123456);
    auto whole = llm().call(QStringLiteral("c0000000-0000-0000-0000-000000000011"));
    EXPECT_FALSE(whole->call.inputOriginalChars.has_value());
    auto missing = llm().call(QStringLiteral("c0000000-0000-0000-0000-0000000000ff"));
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().kind, QueryError::Kind::Usage);
}

TEST_F(LlmTest, RunsAgreeWithAGroupByOfEveryTrace)
{
    // Independent truth: runs by (bank, trace) or the lone call, newest latest call first.
    const QStringList truth = m_admin.column(QStringLiteral(
        "SELECT concat_ws('|', k, count(*), count(*) FILTER (WHERE status <> 'success'), "
        "COALESCE(sum(input_tokens), 0), COALESCE(sum(output_tokens), 0), "
        "COALESCE(sum(cached_tokens), 0), COALESCE(sum(total_tokens), 0), "
        "to_char(min(started_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')) "
        "FROM (SELECT *, COALESCE(trace_id, 'single:' || id) AS k FROM llm.llm_requests) r "
        "GROUP BY k, bank_id ORDER BY max(started_at) DESC, max(id::text) DESC"));
    QStringList listed;
    std::optional<PageCursor> after;
    for (int pages = 0; pages < 500; ++pages) {
        auto page = llm().runs({}, 9, after);
        ASSERT_TRUE(page.ok()) << page.error().message.toStdString();
        for (const LlmRun &run : page->runs) {
            listed.append(QStringList { run.key, QString::number(run.calls),
                QString::number(run.errors), QString::number(run.tokens.input),
                QString::number(run.tokens.output), QString::number(run.tokens.cached),
                QString::number(run.tokens.total), run.firstStart.toIsoUtc() }
                              .join(QLatin1Char('|')));
        }
        if (!page->hasMore) {
            break;
        }
        const LlmRun &last = page->runs.last();
        after = PageCursor { last.lastStart, last.lastCallId, {}, {}, last.schema };
    }
    EXPECT_EQ(listed, truth);
}

TEST_F(LlmTest, FilteredRunsListRunsWithAMatchingCallAndTotalTheWholeRun)
{
    LlmFilter errors;
    errors.statuses = { QStringLiteral("error") };
    errors.bank = QStringLiteral("b1");
    auto page = llm().runs(errors, 50);
    ASSERT_TRUE(page.ok());
    ASSERT_EQ(page->runs.size(), 1);
    EXPECT_EQ(page->runs.first().key, QStringLiteral("t2"));
    EXPECT_EQ(page->runs.first().calls, 2) << "both calls of the run, not only the failed one";
    EXPECT_EQ(page->runs.first().errors, 1);
    EXPECT_EQ(page->runs.first().tokens.total, 30);
}

TEST_F(LlmTest, ARunsCallsComeInStartOrderWithTheirNesting)
{
    auto run = llm().run(QStringLiteral("t1"), QStringLiteral("b1"));
    ASSERT_TRUE(run.ok());
    ASSERT_EQ(run->calls.size(), 3);
    EXPECT_EQ(run->calls.at(1).parentSpanId, run->calls.at(0).spanId);
    EXPECT_EQ(run->run.calls, 3);
    EXPECT_EQ(run->run.tokens.total, 2500);
    EXPECT_EQ(run->run.tokens.cached, 100);
    EXPECT_EQ(run->run.firstStart.toIsoUtc(), QStringLiteral("2026-11-10T10:00:01.000007Z"));
    EXPECT_EQ(run->run.spanMicros(), 11'499'993);
    EXPECT_EQ(
        run->run.models, (QStringList { QStringLiteral("gpt-4o"), QStringLiteral("gpt-4o-mini") }));
    auto midnight = llm().run(QStringLiteral("t3"), QStringLiteral("b2"));
    ASSERT_TRUE(midnight.ok());
    EXPECT_EQ(midnight->calls.size(), 2);
    auto lone
        = llm().run(QStringLiteral("single:c0000000-0000-0000-0000-000000000099"), std::nullopt);
    ASSERT_TRUE(lone.ok());
    EXPECT_EQ(lone->calls.size(), 1);
    EXPECT_EQ(lone->run.errors, 1);
    EXPECT_FALSE(llm().run(QStringLiteral("t1"), QStringLiteral("b2")).ok())
        << "a trace belongs to its bank";
}

TEST_F(LlmTest, StatsAgreeWithAGroupByPerDayStatusAndOperation)
{
    const QDateTime now
        = QDateTime::fromString(QStringLiteral("2026-11-12T12:00:00Z"), Qt::ISODate);
    for (const LlmGrouping grouping : { LlmGrouping::Operation, LlmGrouping::Model }) {
        auto series = llm().stats({}, VolumePeriod::SevenDays, QTimeZone::utc(), grouping, now);
        ASSERT_TRUE(series.ok());
        const QString column = grouping == LlmGrouping::Model ? QStringLiteral("model")
                                                              : QStringLiteral("operation");
        const QStringList truth = m_admin.column(QStringLiteral(
            "SELECT concat_ws('|', to_char(date_trunc('day', started_at AT TIME ZONE 'UTC'), "
            "'YYYY-MM-DD'), "
            "status, COALESCE(%1, ''), count(*), COALESCE(sum(input_tokens), 0), "
            "COALESCE(sum(output_tokens), 0), COALESCE(sum(cached_tokens), 0), "
            "COALESCE(sum(total_tokens), 0)) FROM llm.llm_requests "
            "WHERE started_at >= '2026-11-06Z' AND started_at < '2026-11-13Z' "
            "GROUP BY date_trunc('day', started_at AT TIME ZONE 'UTC'), status, %1 ORDER BY 1")
                                                     .arg(column));
        // Compare per (day, group): calls and tokens summed over statuses, and per
        // (day, status) calls.
        QMap<QString, QList<qint64>> perGroup;
        QMap<QString, qint64> perStatus;
        for (const QString &row : truth) {
            const QStringList f = row.split(QLatin1Char('|'));
            auto &sums = perGroup[f[0] + QLatin1Char('|') + f[2]];
            sums.resize(5);
            for (int i = 0; i < 5; ++i) {
                sums[i] += f[3 + i].toLongLong();
            }
            perStatus[f[0] + QLatin1Char('|') + f[1]] += f[3].toLongLong();
        }
        QMap<QString, QList<qint64>> shownGroups;
        QMap<QString, qint64> shownStatuses;
        for (const LlmStatsBucket &bucket : series->buckets) {
            const QString day = bucket.start.toIsoUtc().left(10);
            for (auto group = bucket.groups.cbegin(); group != bucket.groups.cend(); ++group) {
                shownGroups.insert(day + QLatin1Char('|') + group.key(),
                    { group->calls, group->tokens.input, group->tokens.output, group->tokens.cached,
                        group->tokens.total });
            }
            for (auto status = bucket.total.statuses.cbegin();
                 status != bucket.total.statuses.cend(); ++status) {
                shownStatuses.insert(day + QLatin1Char('|') + status.key(), status.value());
            }
        }
        EXPECT_EQ(shownGroups, perGroup);
        EXPECT_EQ(shownStatuses, perStatus);
        EXPECT_EQ(series->buckets.size(), 7);
        EXPECT_EQ(series->total().calls,
            m_admin
                .scalar(QStringLiteral("SELECT count(*) FROM llm.llm_requests WHERE started_at "
                                       ">= '2026-11-06Z'"))
                .toLongLong());
    }
}

TEST_F(LlmTest, StatsHonourTheFilterAndAChangedFilterIsCountedAgain)
{
    const QDateTime now
        = QDateTime::fromString(QStringLiteral("2026-11-12T12:00:00Z"), Qt::ISODate);
    LlmFilter errors;
    errors.statuses = { QStringLiteral("error") };
    auto failed = llm().stats(
        errors, VolumePeriod::ThirtyDays, QTimeZone::utc(), LlmGrouping::Operation, now);
    ASSERT_TRUE(failed.ok());
    EXPECT_EQ(failed->total().calls,
        m_admin
            .scalar(QStringLiteral("SELECT count(*) FROM llm.llm_requests WHERE status = 'error'"))
            .toLongLong());
    auto all
        = llm().stats({}, VolumePeriod::ThirtyDays, QTimeZone::utc(), LlmGrouping::Operation, now);
    ASSERT_TRUE(all.ok());
    EXPECT_EQ(all->total().calls,
        m_admin.scalar(QStringLiteral("SELECT count(*) FROM llm.llm_requests")).toLongLong());
    EXPECT_EQ(all->total().tokens.total,
        m_admin.scalar(QStringLiteral("SELECT sum(total_tokens) FROM llm.llm_requests"))
            .toLongLong());
}

TEST_F(LlmTest, AnAuditEntryGetsTheRunsThatStartedWithinItsSpan)
{
    auto a1 = llm().attribution(auditEntry(QStringLiteral("a0000000-0000-0000-0000-000000000001")));
    ASSERT_TRUE(a1.ok()) << a1.error().message.toStdString();
    // R2 starts at 10:00:25, inside A1 as well as A2: listed for both, and marked ambiguous.
    QStringList keys;
    for (const LlmAttributedRun &run : a1->runs) {
        keys.append(run.run.key);
        const QStringList expected = run.run.key == QLatin1String("t2")
            ? QStringList { QStringLiteral("a0000000-0000-0000-0000-000000000002") }
            : QStringList {};
        EXPECT_EQ(run.otherEntryIds, expected) << run.run.key.toStdString();
    }
    EXPECT_EQ(
        keys, (QStringList { QStringLiteral("t1"), QStringLiteral("t5"), QStringLiteral("t2") }));
    EXPECT_EQ(a1->calls, 7);
    EXPECT_EQ(a1->errors, 1);
    EXPECT_EQ(a1->tokens.total, 2500 + 2650 + 30);
    EXPECT_EQ(a1->overlappingEntries, 1) << "A2 runs during A1";

    auto a2 = llm().attribution(auditEntry(QStringLiteral("a0000000-0000-0000-0000-000000000002")));
    ASSERT_TRUE(a2.ok());
    ASSERT_EQ(a2->runs.size(), 1);
    EXPECT_EQ(a2->runs.first().run.key, QStringLiteral("t2"));
    EXPECT_EQ(a2->runs.first().otherEntryIds,
        QStringList { QStringLiteral("a0000000-0000-0000-0000-000000000001") })
        << "A1 also holds R2's start: ambiguous";
    EXPECT_EQ(a2->errors, 1);

    auto a3 = llm().attribution(auditEntry(QStringLiteral("a0000000-0000-0000-0000-000000000003")));
    ASSERT_TRUE(a3.ok());
    ASSERT_EQ(a3->runs.size(), 1);
    EXPECT_EQ(a3->runs.first().run.calls, 2) << "both calls, across midnight";
    EXPECT_EQ(a3->overlappingEntries, 0);

    auto a4 = llm().attribution(auditEntry(QStringLiteral("a0000000-0000-0000-0000-000000000004")));
    ASSERT_TRUE(a4.ok());
    ASSERT_EQ(a4->runs.size(), 1);
    EXPECT_EQ(a4->runs.first().run.operation, QStringLiteral("consolidation_dedup"));
}

TEST_F(LlmTest, ARunLinksBackToTheEntriesHoldingItsStart)
{
    auto r2 = llm().run(QStringLiteral("t2"), QStringLiteral("b1"));
    ASSERT_TRUE(r2.ok());
    auto entries = llm().auditEntriesOf(r2->run);
    ASSERT_TRUE(entries.ok());
    QStringList ids;
    for (const AuditEntry &entry : *entries) {
        ids.append(entry.id);
    }
    ids.sort();
    EXPECT_EQ(ids,
        (QStringList { QStringLiteral("a0000000-0000-0000-0000-000000000001"),
            QStringLiteral("a0000000-0000-0000-0000-000000000002") }));
    auto r3 = llm().run(QStringLiteral("t3"), QStringLiteral("b2"));
    auto reflect = llm().auditEntriesOf(r3->run);
    ASSERT_TRUE(reflect.ok());
    ASSERT_EQ(reflect->size(), 1);
    EXPECT_EQ(reflect->first().id, QStringLiteral("a0000000-0000-0000-0000-000000000003"));
}

TEST_F(LlmTest, ExportWritesExactlyTheFilteredCallsMasked)
{
    LlmFilter filter;
    filter.bank = QStringLiteral("b1");
    for (const auto format : { ExportOptions::Format::Csv, ExportOptions::Format::JsonLines }) {
        QBuffer out;
        out.open(QIODevice::WriteOnly);
        ExportOptions options;
        options.format = format;
        AuditExporter exporter(m_connection.session(),
            AuditTableRef { QStringLiteral("llm"), QStringLiteral("audit_log") });
        auto rows = exporter.exportLlmTo(filter, false, options, out);
        ASSERT_TRUE(rows.ok()) << rows.error().message.toStdString();
        EXPECT_EQ(*rows, 8);
        const QByteArray text = out.data();
        EXPECT_FALSE(text.contains("sk-proj-abcdefghijklmnopqrstuvwxyz")) << "masked";
        if (format == ExportOptions::Format::Csv) {
            EXPECT_TRUE(text.startsWith("id,schema,bank_id,operation,scope,trace_id,span_id,"
                                        "parent_span_id,provider,model,status,started_at,ended_at,"
                                        "duration_ms,input_tokens,output_tokens,cached_tokens,"
                                        "total_tokens,error,input,output,llm_info,metadata\r\n"));
            continue;
        }
        const QList<QByteArray> lines = text.trimmed().split('\n');
        ASSERT_EQ(lines.size(), 8);
        const QJsonObject newest = QJsonDocument::fromJson(lines.first()).object();
        EXPECT_EQ(newest.value(QLatin1String("id")).toString(),
            QStringLiteral("c0000000-0000-0000-0000-000000000041"));
        EXPECT_EQ(newest.value(QLatin1String("started_at")).toString(),
            QStringLiteral("2026-11-10T12:01:00.000000Z"));
        EXPECT_EQ(newest.value(QLatin1String("duration_ms")).toInt(), 2000);
        EXPECT_TRUE(newest.value(QLatin1String("cached_tokens")).isNull());
        EXPECT_EQ(newest.value(QLatin1String("schema")).toString(), QStringLiteral("llm"));
    }
}

TEST_F(LlmTest, StateTellsAMissingTableFromAnEmptyOne)
{
    ASSERT_TRUE(m_admin.exec(
        QStringLiteral("DROP SCHEMA IF EXISTS llm_none CASCADE; CREATE SCHEMA llm_none;"
                       "DROP SCHEMA IF EXISTS llm_off CASCADE; CREATE SCHEMA llm_off;")));
    ASSERT_TRUE(m_admin.exec(TestDatabase::llmTableDdl(QStringLiteral("llm_off"))));
    auto missing = llm({ QStringLiteral("llm_none"), QStringLiteral("audit_log") }).state();
    ASSERT_TRUE(missing.ok());
    EXPECT_EQ(missing->kind, LlmLogState::Kind::Missing);
    EXPECT_TRUE(missing->message.contains(QLatin1String("llm_requests")));
    auto empty = llm({ QStringLiteral("llm_off"), QStringLiteral("audit_log") }).state();
    ASSERT_TRUE(empty.ok());
    EXPECT_EQ(empty->kind, LlmLogState::Kind::Empty);
    EXPECT_TRUE(empty->message.contains(QLatin1String("HINDSIGHT_API_LLM_TRACE_ENABLED")));
    auto rows = llm().state();
    ASSERT_TRUE(rows.ok());
    EXPECT_EQ(rows->kind, LlmLogState::Kind::HasRows);
}

TEST_F(LlmTest, ManySchemasReadAsOneLogWithTiesBrokenBySchema)
{
    ASSERT_TRUE(m_admin.exec(
        QStringLiteral("DROP SCHEMA IF EXISTS llmt_a CASCADE; DROP SCHEMA IF EXISTS llmt_b CASCADE;"
                       "CREATE SCHEMA llmt_a; CREATE SCHEMA llmt_b;")));
    for (const char *schema : { "llmt_a", "llmt_b" }) {
        ASSERT_TRUE(m_admin.exec(TestDatabase::llmTableDdl(QString::fromLatin1(schema))));
        ASSERT_TRUE(m_admin.exec(
            QStringLiteral("INSERT INTO %1.llm_requests SELECT * FROM llm.llm_requests WHERE "
                           "started_at < '2026-11-10Z'")
                .arg(QString::fromLatin1(schema))));
    }
    const AuditTableRef pattern { QString(), QStringLiteral("audit_log"),
        QStringLiteral("llmt_%") };
    const LlmRepository many(m_connection.session(), pattern);
    QStringList listed;
    std::optional<PageCursor> after;
    for (int pages = 0; pages < 200; ++pages) {
        auto page = many.page({}, 11, after);
        ASSERT_TRUE(page.ok()) << page.error().message.toStdString();
        for (const LlmCall &call : page->calls) {
            listed.append(call.id + QLatin1Char('@') + call.schema);
        }
        if (!page->hasMore) {
            break;
        }
        const LlmCall &last = page->calls.last();
        after = PageCursor { last.startedAt, last.id, {}, {}, last.schema };
    }
    const QStringList truth = m_admin.column(QStringLiteral(
        "SELECT id::text || '@' || s FROM (SELECT 'llmt_a' AS s, * FROM llmt_a.llm_requests UNION "
        "ALL "
        "SELECT 'llmt_b', * FROM llmt_b.llm_requests) u ORDER BY started_at DESC, id DESC, s"));
    EXPECT_EQ(listed, truth);
    LlmFilter onlyB;
    onlyB.schemas = { QStringLiteral("llmt_b") };
    auto count = many.exactCount(onlyB);
    ASSERT_TRUE(count.ok());
    EXPECT_EQ(*count, truth.size() / 2);
    auto runs = many.runs({}, 1000);
    ASSERT_TRUE(runs.ok());
    EXPECT_EQ(runs->runs.size(),
        m_admin
            .scalar(QStringLiteral("SELECT count(DISTINCT COALESCE(trace_id, id::text)) * 2 FROM "
                                   "llmt_a.llm_requests"))
            .toInt());
}

} // namespace

namespace {

// The chart through VolumeCache: the same counts as stats(), and a call that ends late in a
// closed hour is counted on the next refresh.
TEST(LlmStatsCacheTest, CachedStatsEqualFreshStatsAndPickUpALateCall)
{
    TestDatabase admin;
    ASSERT_TRUE(admin.createAuditSchema(QStringLiteral("llmcache")));
    ASSERT_TRUE(admin.exec(TestDatabase::llmTableDdl(QStringLiteral("llmcache"))));
    ASSERT_TRUE(admin.exec(llmSeedSql(QStringLiteral("llmcache"))));
    DatabaseConnection connection;
    openTestConnection(connection, testConnectionSettings(QStringLiteral("llmcache")));
    const LlmRepository llm(connection.session(),
        AuditTableRef { QStringLiteral("llmcache"), QStringLiteral("audit_log") });
    VolumeCache cache(15 * 60, 6 * 3600, QString());
    const auto utc = [](const char *iso) {
        return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
    };
    const auto same = [](const LlmStatsSeries &a, const LlmStatsSeries &b) {
        if (a.buckets.size() != b.buckets.size()) {
            return false;
        }
        for (qsizetype i = 0; i < a.buckets.size(); ++i) {
            if (!(a.buckets[i].start == b.buckets[i].start)
                || !(a.buckets[i].total == b.buckets[i].total)
                || a.buckets[i].groups != b.buckets[i].groups) {
                return false;
            }
        }
        return true;
    };
    for (const LlmGrouping grouping : { LlmGrouping::Operation, LlmGrouping::Model }) {
        const QDateTime now = utc("2026-11-12T12:00:00Z");
        auto fresh = llm.stats({}, VolumePeriod::SevenDays, QTimeZone::utc(), grouping, now);
        auto cached
            = llm.cachedStats(cache, {}, VolumePeriod::SevenDays, QTimeZone::utc(), grouping, now);
        auto again
            = llm.cachedStats(cache, {}, VolumePeriod::SevenDays, QTimeZone::utc(), grouping, now);
        ASSERT_TRUE(fresh.ok() && cached.ok() && again.ok());
        EXPECT_TRUE(same(*fresh, *cached));
        EXPECT_TRUE(same(*fresh, *again)) << "from the cache";
        EXPECT_GT(fresh->total().calls, 400);
    }
    auto before = llm.cachedStats(cache, {}, VolumePeriod::Today, QTimeZone::utc(),
        LlmGrouping::Operation, utc("2026-11-12T12:00:00Z"));
    ASSERT_TRUE(before.ok());
    EXPECT_EQ(before->total().calls, 0);
    ASSERT_TRUE(admin.exec(QStringLiteral(
        "INSERT INTO llmcache.llm_requests (operation, status, started_at, ended_at, total_tokens) "
        "VALUES ('reflect', 'success', '2026-11-12 08:10+00', '2026-11-12 11:59:30+00', 77)")));
    auto after = llm.cachedStats(cache, {}, VolumePeriod::Today, QTimeZone::utc(),
        LlmGrouping::Operation, utc("2026-11-12T12:01:00Z"));
    ASSERT_TRUE(after.ok());
    EXPECT_EQ(after->total().calls, 1) << "the late call, in the closed 08:00 bucket";
    EXPECT_EQ(after->buckets.at(8).total.tokens.total, 77);
    EXPECT_EQ(after->buckets.at(8)
                  .groups.value(QStringLiteral("reflect"))
                  .statuses.value(QStringLiteral("success")),
        1);
}

} // namespace
