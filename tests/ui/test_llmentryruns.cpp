#include "auditworker.h"
#include "entrydetaildialog.h"
#include "llmattributedrunsmodel.h"
#include "llmentryruns.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

#include <gtest/gtest.h>

namespace {

LlmAttributedRun makeRun(const QString &key, QStringList others = {})
{
    LlmAttributedRun attributed;
    LlmRun &run = attributed.run;
    run.key = key;
    run.traceId = key;
    run.schema = QStringLiteral("public");
    run.bankId = QStringLiteral("team-alpha");
    run.operation = QStringLiteral("retain");
    run.models = { QStringLiteral("gpt-4o-mini") };
    run.firstStart = AuditTimestamp::fromUsecsSinceEpoch(1774606530123456);
    run.lastStart = AuditTimestamp::fromUsecsSinceEpoch(1774606531123456);
    run.lastEnd = AuditTimestamp::fromUsecsSinceEpoch(1774606532623456);
    run.calls = 3;
    run.errors = 1;
    run.tokens = { 3000, 600, 100, 3600 };
    attributed.otherEntryIds = std::move(others);
    return attributed;
}

LlmAttribution attributionOf(const QList<LlmAttributedRun> &runs, qint64 overlapping = 0)
{
    LlmAttribution attribution;
    attribution.runs = runs;
    attribution.overlappingEntries = overlapping;
    for (const LlmAttributedRun &run : runs) {
        attribution.calls += run.run.calls;
        attribution.errors += run.run.errors;
        attribution.tokens += run.run.tokens;
    }
    return attribution;
}

} // namespace

TEST(LlmEntryRuns, SaysInOneLineThatTheTableIsMissing)
{
    LlmEntryRuns runs(nullptr);
    runs.setLogState({ LlmLogState::Kind::Missing, {} });
    EXPECT_TRUE(runs.message().contains(QStringLiteral("no llm_requests table")))
        << runs.message().toStdString();
    EXPECT_FALSE(runs.view()->isVisibleTo(&runs));
}

TEST(LlmEntryRuns, SaysThatTracingIsOffWhenTheTableIsEmpty)
{
    LlmEntryRuns runs(nullptr);
    runs.setLogState({ LlmLogState::Kind::Empty, {} });
    EXPECT_TRUE(runs.message().contains(QStringLiteral("HINDSIGHT_API_LLM_TRACE_ENABLED=true")))
        << runs.message().toStdString();
    EXPECT_FALSE(runs.view()->isVisibleTo(&runs));
}

TEST(LlmEntryRuns, ListsTheRunsWithTheirTotals)
{
    LlmEntryRuns runs(nullptr);
    QAbstractItemModelTester tester(
        runs.model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    runs.setUtc(true);
    runs.setAttribution(
        attributionOf({ makeRun(QStringLiteral("t1")), makeRun(QStringLiteral("t2")) }));
    ASSERT_EQ(runs.model()->rowCount(), 2);
    EXPECT_TRUE(runs.view()->isVisibleTo(&runs));
    const auto cell = [&](int column) { return runs.model()->index(0, column).data().toString(); };
    EXPECT_EQ(cell(LlmAttributedRunsModel::Operation), QStringLiteral("retain"));
    EXPECT_EQ(cell(LlmAttributedRunsModel::FirstStart),
        QStringLiteral("2026-03-27 10:15:30.123456 +00:00"));
    EXPECT_EQ(cell(LlmAttributedRunsModel::WallTime), QStringLiteral("2.50 s"));
    EXPECT_EQ(cell(LlmAttributedRunsModel::Errors), QStringLiteral("✖ 1"));
    EXPECT_EQ(cell(LlmAttributedRunsModel::TotalTokens), QStringLiteral("3,600"));
    EXPECT_EQ(runs.totals(),
        QStringLiteral("2 runs · calls 6 · errors 2 · tokens in 6,000 · out 1,200 · cached 200 · "
                       "total 7,200"));
    EXPECT_TRUE(runs.message().contains(QStringLiteral("by bank, operation and time")));
    EXPECT_FALSE(runs.message().contains(QStringLiteral("Ambiguous")));

    QSignalSpy activated(&runs, &LlmEntryRuns::runActivated);
    emit runs.view()->activated(runs.model()->index(1, 0));
    ASSERT_EQ(activated.size(), 1);
    EXPECT_EQ(activated.at(0).at(0).value<LlmRun>().key, QStringLiteral("t2"));
}

TEST(LlmEntryRuns, SaysTheAttributionIsAmbiguousAndNamesTheOtherEntries)
{
    LlmEntryRuns runs(nullptr);
    const QString other = QStringLiteral("0b4c7d3e-5a61-4f0e-9c2a-7e1d2f3a4b5c");
    runs.setAttribution(attributionOf({ makeRun(QStringLiteral("t1"), { other }) }, 1));
    EXPECT_TRUE(runs.message().startsWith(QStringLiteral("Ambiguous")));
    EXPECT_TRUE(runs.message().contains(other));
    EXPECT_TRUE(runs.model()
                    ->index(0, LlmAttributedRunsModel::Attribution)
                    .data()
                    .toString()
                    .contains(other));

    // Overlapping entries that hold no run's start: said, but not ambiguous.
    runs.setAttribution(attributionOf({ makeRun(QStringLiteral("t1")) }, 2));
    EXPECT_TRUE(runs.message().contains(QStringLiteral("2 other entries")))
        << runs.message().toStdString();
    EXPECT_FALSE(runs.message().contains(QStringLiteral("Ambiguous")));
}

TEST(LlmEntryRuns, SaysSoWhenNoRunStartedDuringTheEntry)
{
    LlmEntryRuns runs(nullptr);
    runs.setAttribution(attributionOf({}));
    EXPECT_TRUE(runs.message().startsWith(QStringLiteral("No LLM runs")));
    EXPECT_FALSE(runs.view()->isVisibleTo(&runs));
}

TEST(LlmEntryRuns, TheEntryWindowHasTheTabOnlyForActionsThatRunLlmCalls)
{
    AuditWorker worker;
    EntryDetailDialog dialog;
    dialog.setWorker(&worker);
    auto *tabs = dialog.findChild<QTabWidget *>();
    const auto hasTab = [&] {
        for (int i = 0; i < tabs->count(); ++i) {
            if (tabs->tabText(i) == QStringLiteral("LLM calls")) {
                return true;
            }
        }
        return false;
    };
    AuditEntryDetail detail;
    detail.entry.id = QStringLiteral("0b4c7d3e-5a61-4f0e-9c2a-7e1d2f3a4b5c");
    detail.entry.transport = QStringLiteral("http");
    detail.entry.bankId = QStringLiteral("team-alpha");
    detail.entry.startedAt = AuditTimestamp::fromUsecsSinceEpoch(1774606530123456);
    for (const char *action : { "retain", "reflect", "consolidation", "refresh_mental_model" }) {
        detail.entry.action = QString::fromLatin1(action);
        dialog.setEntry(detail);
        EXPECT_TRUE(hasTab()) << action;
    }
    for (const char *action : { "recall", "create_bank" }) {
        detail.entry.action = QString::fromLatin1(action);
        dialog.setEntry(detail);
        EXPECT_FALSE(hasTab()) << action;
    }

    // Without a worker (no database to ask), no tab.
    EntryDetailDialog plain;
    detail.entry.action = QStringLiteral("retain");
    plain.setEntry(detail);
    EXPECT_EQ(plain.findChild<QTabWidget *>()->count(), 3);
}
