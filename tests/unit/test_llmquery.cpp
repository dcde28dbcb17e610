#include "llmcall.h"
#include "llmfilter.h"
#include "llmquery.h"

#include <gtest/gtest.h>

namespace {

const QString kHostile = QStringLiteral("x'); DROP TABLE llm_requests; --");

LlmFilter everyField(const QString &value)
{
    LlmFilter filter;
    filter.operations = { value };
    filter.statuses = { value, value + QLatin1Char('2') };
    filter.scopes = { value };
    filter.providers = { value };
    filter.models = { value };
    filter.bank = value;
    filter.traceId = value;
    filter.documentId = value;
    filter.memoryId = value;
    filter.search = value;
    filter.minDurationMs = 5;
    filter.since = AuditTimestamp::fromUsecsSinceEpoch(1);
    filter.until = AuditTimestamp::fromUsecsSinceEpoch(2);
    return filter;
}

TEST(LlmQueryTest, EveryValueIsABoundParameterNeverSQLText)
{
    const LlmFilter filter = everyField(kHostile);
    const QList<AuditTableRef> tables { AuditTableRef { QStringLiteral("t\"a"),
                                            QStringLiteral("llm_requests") },
        AuditTableRef { QStringLiteral("tb"), QStringLiteral("llm_requests") } };
    const PageCursor cursor { AuditTimestamp::fromUsecsSinceEpoch(3), kHostile, {}, {}, kHostile };
    const QList<SqlStatement> statements { LlmQuery::page(tables, filter, 10, cursor, false),
        LlmQuery::exactCount(tables, filter), LlmQuery::runs(tables, filter, 10, cursor),
        LlmQuery::stats(tables, filter,
            VolumeRange::forPeriod(
                VolumePeriod::SevenDays, QDateTime::currentDateTimeUtc(), QTimeZone::utc()),
            QStringLiteral("UTC"), true),
        LlmQuery::exportRows(tables, filter, true, true),
        LlmQuery::runCalls(tables.first(), kHostile, kHostile),
        LlmQuery::call(tables.first(), kHostile),
        LlmQuery::earliestEndedSince(tables, filter, AuditTimestamp::fromUsecsSinceEpoch(4)) };
    for (const SqlStatement &statement : statements) {
        EXPECT_FALSE(statement.sql.contains(QLatin1String("DROP TABLE")))
            << statement.sql.toStdString();
        bool bound = false;
        for (const auto &param : statement.params) {
            bound = bound || (param && param->contains("DROP TABLE"));
        }
        EXPECT_TRUE(bound) << statement.sql.toStdString();
        EXPECT_TRUE(statement.sql.contains(QLatin1String("\"t\"\"a\".\"llm_requests\"")))
            << "identifiers quoted: " << statement.sql.toStdString();
    }
}

TEST(LlmQueryTest, ASearchIsLiteralAndAnEmptyFilterMatchesAll)
{
    SqlStatement s;
    EXPECT_EQ(LlmQuery::whereClause({}, s), QStringLiteral("TRUE"));
    LlmFilter percent;
    percent.search = QStringLiteral("50%_off\\");
    SqlStatement t;
    LlmQuery::whereClause(percent, t);
    ASSERT_EQ(t.params.size(), 1);
    EXPECT_EQ(*t.params.first(), QByteArray("%50\\%\\_off\\\\%"));
}

TEST(LlmFilterTest, TheCacheKeyChangesWithEveryField)
{
    const LlmFilter base;
    const LlmFilter all = everyField(QStringLiteral("v"));
    QStringList keys { base.cacheKey() };
    // Each field alone, set as in `all`.
    const auto with = [&](auto setter) {
        LlmFilter one;
        setter(one);
        keys.append(one.cacheKey());
    };
    with([&](LlmFilter &f) { f.operations = all.operations; });
    with([&](LlmFilter &f) { f.statuses = all.statuses; });
    with([&](LlmFilter &f) { f.scopes = all.scopes; });
    with([&](LlmFilter &f) { f.providers = all.providers; });
    with([&](LlmFilter &f) { f.models = all.models; });
    with([&](LlmFilter &f) { f.bank = all.bank; });
    with([&](LlmFilter &f) { f.traceId = all.traceId; });
    with([&](LlmFilter &f) { f.documentId = all.documentId; });
    with([&](LlmFilter &f) { f.memoryId = all.memoryId; });
    with([&](LlmFilter &f) { f.since = all.since; });
    with([&](LlmFilter &f) { f.until = all.until; });
    with([&](LlmFilter &f) { f.minDurationMs = all.minDurationMs; });
    with([&](LlmFilter &f) { f.search = all.search; });
    with([&](LlmFilter &f) { f.schemas = { QStringLiteral("t") }; });
    keys.removeDuplicates();
    EXPECT_EQ(keys.size(), 15);
    LlmFilter a;
    a.operations = { QStringLiteral("a:1"), QStringLiteral("b") };
    LlmFilter b;
    b.operations = { QStringLiteral("a"), QStringLiteral("1:b") };
    EXPECT_NE(a.cacheKey(), b.cacheKey());
}

TEST(LlmCallTest, ActionsAndOperationsMapBothWays)
{
    EXPECT_EQ(llmOperationsOfAction(QStringLiteral("consolidation")),
        (QStringList { QStringLiteral("consolidation"), QStringLiteral("consolidation_dedup") }));
    EXPECT_EQ(auditActionsOfOperation(QStringLiteral("mental_model_delta_ops")),
        QStringList { QStringLiteral("refresh_mental_model") });
    EXPECT_EQ(
        llmOperationsOfAction(QStringLiteral("retain")), QStringList { QStringLiteral("retain") });
    LlmCall lone;
    lone.id = QStringLiteral("abc");
    EXPECT_EQ(lone.runKey(), QStringLiteral("single:abc"));
}

} // namespace
