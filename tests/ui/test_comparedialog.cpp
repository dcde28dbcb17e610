#include "comparedialog.h"
#include "darkpalette.h"
#include "durationtext.h"
#include "entryheader.h"
#include "jsondiff.h"
#include "screenshot.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>
#include <QTreeView>

#include <gtest/gtest.h>

#include <functional>
#include <ostream>
#include <set>

// Lets GoogleTest print QString values in failure messages.
inline void PrintTo(const QString &text, std::ostream *out)
{
    *out << '"' << text.toStdString() << '"';
}

namespace {

const QString recallRequestA = QStringLiteral(
    R"({"query": "What did Alice decide about the Q3 launch?", "max_tokens": 4096, )"
    R"("budget": "mid", "types": ["world", "experience"], "trace": 12345678901234567890})");
const QString recallRequestB = QStringLiteral(
    R"({"query": "Who owns the launch checklist?", "max_tokens": 2048, )"
    R"("budget": "mid", "types": ["world", "experience"], "trace": 12345678901234567890})");
const QString recallResponseA = QStringLiteral(
    R"({"results": [{"id": "5f0c1a9e-2b7d-4c1e-9a43-0d8e6f1b2c3d", "text": "Alice decided )"
    R"(to move the Q3 launch to September after the beta feedback.", "type": "world", )"
    R"("score": 0.8123}, {"id": "9b2e4f6a-1c3d-4e5f-8a7b-6c5d4e3f2a1b", "text": "Bob asked )"
    R"(Alice whether the launch date was final.", "type": "experience", "score": 0.7311}], )"
    R"("token_count": 83, "truncated": false})");
const QString recallResponseB = QStringLiteral(
    R"({"results": [{"id": "c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f", "text": "Carol reminded )"
    R"(Alice and Bob that Alice owns the launch checklist.", "type": "world", )"
    R"("score": 0.9012}, {"id": "9b2e4f6a-1c3d-4e5f-8a7b-6c5d4e3f2a1b", "text": "Bob asked )"
    R"(Alice whether the launch date was final.", "type": "experience", "score": 0.7311}, )"
    R"({"id": "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "text": "The checklist lives in the )"
    R"(launch folder.", "type": "world", "score": 0.5120}], "token_count": 61})");
const QString metadataA = QStringLiteral(
    R"({"client": "hindsight-py/0.4.2", "latency_ms": {"embed": 4.21, "search": 18.7}, )"
    R"("tenant": "acme"})");
const QString metadataB = QStringLiteral(
    R"({"client": "hindsight-py/0.4.2", "latency_ms": {"embed": 3.98, "search": 22.4}, )"
    R"("tenant": "acme"})");
const QString webhookA = QStringLiteral(
    R"({"url": "https://hooks.example.com/hindsight", "secret": "whsec_9f8e7d6c5b4a", )"
    R"("http_config": {"timeout_seconds": 10, "headers": {"Authorization": "Bearer tok_live_1234", )"
    R"("X-Team": "memory"}}, "note": "<b>x</b>"})");
const QString webhookB = QStringLiteral(
    R"({"url": "https://hooks.example.com/hindsight", "secret": "whsec_0000aaaa1111", )"
    R"("http_config": {"timeout_seconds": 30, "headers": {"Authorization": "Bearer tok_live_9999", )"
    R"("X-Team": "memory"}}, "note": "<i>y</i>"})");

AuditEntryDetail makeEntry(const QString &id, const QString &action, qint64 startedUsecs,
    std::optional<QString> request, std::optional<QString> response,
    std::optional<QString> metadata)
{
    AuditEntryDetail detail;
    detail.entry.id = id;
    detail.entry.action = action;
    detail.entry.transport = QStringLiteral("http");
    detail.entry.bankId = QStringLiteral("team-alpha");
    detail.entry.startedAt = AuditTimestamp::fromUsecsSinceEpoch(startedUsecs);
    if (response) {
        detail.entry.endedAt = AuditTimestamp::fromUsecsSinceEpoch(startedUsecs + 48'211);
    }
    detail.entry.hasResponse = response.has_value();
    detail.request = std::move(request);
    detail.response = std::move(response);
    detail.metadata = std::move(metadata);
    return detail;
}

AuditEntryDetail recallA()
{
    return makeEntry(QStringLiteral("0b4c7d3e-5a61-4f0e-9c2a-7e1d2f3a4b5c"),
        QStringLiteral("recall"), 1774606530123456, recallRequestA, recallResponseA, metadataA);
}

AuditEntryDetail recallB()
{
    return makeEntry(QStringLiteral("7e2a9c41-0d3b-4b8e-a5f6-1c2d3e4f5a6b"),
        QStringLiteral("recall"), 1774606892004117, recallRequestB, recallResponseB, metadataB);
}

AuditEntryDetail webhookEntry(const QString &id, const QString &request)
{
    return makeEntry(id, QStringLiteral("create_webhook"), 1774606530123456, request,
        QStringLiteral(R"({"id": "wh_1"})"), QStringLiteral("{}"));
}

QTreeView *view(CompareDialog &dialog, const char *name)
{
    return dialog.findChild<QTreeView *>(QLatin1String(name));
}

QString labelText(CompareDialog &dialog, const char *name)
{
    auto *label = dialog.findChild<QLabel *>(QLatin1String(name));
    return label ? label->text() : QStringLiteral("<no label %1>").arg(QLatin1String(name));
}

// Every row of the model, depth first, whether or not the view has it expanded.
void forEachRow(const QAbstractItemModel *model,
    const std::function<void(const QModelIndex &)> &visit, const QModelIndex &parent = {})
{
    for (int row = 0; row < model->rowCount(parent); ++row) {
        const QModelIndex index = model->index(row, 0, parent);
        visit(index);
        forEachRow(model, visit, index);
    }
}

std::set<QString> highlightedPaths(const QTreeView *tree)
{
    std::set<QString> paths;
    forEachRow(tree->model(), [&paths](const QModelIndex &index) {
        if (index.data(Qt::BackgroundRole).isValid()) {
            paths.insert(index.data(CompareDialog::PathRole).toString());
        }
    });
    return paths;
}

std::set<QString> differencePaths(const QTreeView *tree)
{
    std::set<QString> paths;
    forEachRow(tree->model(), [&paths](const QModelIndex &index) {
        if (index.data(CompareDialog::DifferenceRole).toBool()) {
            paths.insert(index.data(CompareDialog::PathRole).toString());
        }
    });
    return paths;
}

int rowCount(const QTreeView *tree)
{
    int count = 0;
    forEachRow(tree->model(), [&count](const QModelIndex &) { ++count; });
    return count;
}

QModelIndex findPath(const QTreeView *tree, const QString &path, int column = 0)
{
    QModelIndex found;
    forEachRow(tree->model(), [&](const QModelIndex &index) {
        if (index.data(CompareDialog::PathRole).toString() == path) {
            found = index.siblingAtColumn(column);
        }
    });
    return found;
}

// Every text the tree would show: cells and tooltips.
QStringList allTexts(const QTreeView *tree)
{
    QStringList texts;
    forEachRow(tree->model(), [&texts](const QModelIndex &index) {
        for (int column = 0; column < 3; ++column) {
            const QModelIndex cell = index.siblingAtColumn(column);
            texts << cell.data(Qt::DisplayRole).toString() << cell.data(Qt::ToolTipRole).toString();
        }
    });
    return texts;
}

} // namespace

TEST(CompareDialog, OpensWithBothEntriesAndSummarisesEachDocument)
{
    CompareDialog dialog(recallA(), recallB());
    dialog.show();
    EXPECT_FALSE(dialog.isComparing());
    const auto ids = dialog.findChildren<QLineEdit *>(QStringLiteral("entryId"));
    ASSERT_EQ(ids.size(), 2);
    EXPECT_EQ(ids[0]->text(), recallA().entry.id);
    EXPECT_EQ(ids[1]->text(), recallB().entry.id);

    EXPECT_EQ(dialog.summaryText(), QStringLiteral("2 changed, 0 added, 0 removed"));
    EXPECT_EQ(labelText(dialog, "summary"), dialog.summaryText());
    dialog.showDocument(CompareDialog::Document::Response);
    // results[0] id, text and score; results[2] added; token_count changed; truncated removed.
    EXPECT_EQ(dialog.summaryText(), QStringLiteral("4 changed, 1 added, 1 removed"));
    dialog.showDocument(CompareDialog::Document::Metadata);
    EXPECT_EQ(dialog.summaryText(), QStringLiteral("2 changed, 0 added, 0 removed"));
    auto *tabs = dialog.findChild<QTabWidget *>(QStringLiteral("documents"));
    EXPECT_EQ(tabs->tabText(1), QStringLiteral("Response (6)"));
}

TEST(CompareDialog, HighlightsExactlyTheChangedRows)
{
    CompareDialog dialog(recallA(), recallB());
    QAbstractItemModelTester tester(view(dialog, "responseView")->model(),
        QAbstractItemModelTester::FailureReportingMode::Fatal);
    const std::set<QString> request { QStringLiteral("$.query"), QStringLiteral("$.max_tokens") };
    EXPECT_EQ(highlightedPaths(view(dialog, "requestView")), request);

    const std::set<QString> response { QStringLiteral("$.results[0].id"),
        QStringLiteral("$.results[0].text"), QStringLiteral("$.results[0].score"),
        QStringLiteral("$.results[2]"), QStringLiteral("$.token_count"),
        QStringLiteral("$.truncated") };
    EXPECT_EQ(differencePaths(view(dialog, "responseView")), response);
    // The added result's members are green too, and nothing else is coloured.
    std::set<QString> coloured = response;
    for (const char *key : { "id", "text", "type", "score" }) {
        coloured.insert(QStringLiteral("$.results[2].") + QLatin1String(key));
    }
    EXPECT_EQ(highlightedPaths(view(dialog, "responseView")), coloured);

    const QModelIndex added
        = findPath(view(dialog, "responseView"), QStringLiteral("$.results[2]"));
    const QModelIndex changed
        = findPath(view(dialog, "responseView"), QStringLiteral("$.token_count"));
    const QModelIndex removed
        = findPath(view(dialog, "responseView"), QStringLiteral("$.truncated"));
    const QColor green = added.data(Qt::BackgroundRole).value<QColor>();
    const QColor amber = changed.data(Qt::BackgroundRole).value<QColor>();
    const QColor red = removed.data(Qt::BackgroundRole).value<QColor>();
    EXPECT_GT(green.green(), green.red());
    EXPECT_GT(red.red(), red.green());
    EXPECT_GT(amber.red(), amber.blue());
    EXPECT_NE(amber, red);
    EXPECT_EQ(changed.siblingAtColumn(1).data().toString(), QStringLiteral("83"));
    EXPECT_EQ(changed.siblingAtColumn(2).data().toString(), QStringLiteral("61"));
    EXPECT_EQ(removed.siblingAtColumn(2).data().toString(), QString());
}

TEST(CompareDialog, HideIdenticalTogglesTheIdenticalRows)
{
    CompareDialog dialog(recallA(), recallB());
    QTreeView *request = view(dialog, "requestView");
    QAbstractItemModelTester tester(
        request->model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    auto *hide = dialog.findChild<QCheckBox *>(QStringLiteral("hideIdentical"));
    ASSERT_TRUE(hide->isChecked());
    EXPECT_EQ(rowCount(request), 2);
    hide->setChecked(false);
    // query, max_tokens, budget, types, types[0], types[1], trace.
    EXPECT_EQ(rowCount(request), 7);
    const QModelIndex types = findPath(request, QStringLiteral("$.types"));
    ASSERT_TRUE(types.isValid());
    EXPECT_FALSE(request->isExpanded(types)); // identical parts are folded
    EXPECT_EQ(types.siblingAtColumn(1).data().toString(), QStringLiteral("[2 items]"));
    EXPECT_EQ(findPath(request, QStringLiteral("$.trace"), 1).data().toString(),
        QStringLiteral("12345678901234567890"));
    EXPECT_EQ(highlightedPaths(request).size(), 2u);
    hide->setChecked(true);
    EXPECT_EQ(rowCount(request), 2);
}

TEST(CompareDialog, NextAndPreviousWalkTheDifferencesAndThePathCopies)
{
    CompareDialog dialog(recallA(), recallB());
    dialog.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&dialog));
    dialog.showDocument(CompareDialog::Document::Response);
    QTreeView *response = view(dialog, "responseView");
    // The first difference is current when the dialog opens.
    EXPECT_EQ(response->currentIndex().data(CompareDialog::PathRole).toString(),
        QStringLiteral("$.results[0].id"));
    QTest::keyClick(&dialog, Qt::Key_F7);
    EXPECT_EQ(labelText(dialog, "currentPath"), QStringLiteral("$.results[0].text"));
    QTest::keyClick(&dialog, Qt::Key_F7);
    QTest::keyClick(&dialog, Qt::Key_F7);
    EXPECT_EQ(labelText(dialog, "currentPath"), QStringLiteral("$.results[2]"));
    QTest::keyClick(&dialog, Qt::Key_F7, Qt::ShiftModifier);
    EXPECT_EQ(labelText(dialog, "currentPath"), QStringLiteral("$.results[0].score"));
    QTest::keyClick(&dialog, Qt::Key_F7);
    QTest::keyClick(&dialog, Qt::Key_F7);
    QTest::keyClick(&dialog, Qt::Key_F7);
    EXPECT_EQ(labelText(dialog, "currentPath"), QStringLiteral("$.truncated"));
    EXPECT_FALSE(dialog.findChild<QPushButton *>(QStringLiteral("nextDifference"))->isEnabled());

    response->setFocus();
    QGuiApplication::clipboard()->clear();
    QTest::keyClick(response, Qt::Key_C, Qt::ControlModifier);
    EXPECT_EQ(QGuiApplication::clipboard()->text(), QStringLiteral("$.truncated"));
    dialog.findChild<QPushButton *>(QStringLiteral("previousDifference"))->click();
    dialog.findChild<QPushButton *>(QStringLiteral("copyPath"))->click();
    EXPECT_EQ(QGuiApplication::clipboard()->text(), QStringLiteral("$.token_count"));
}

TEST(CompareDialog, SecretsStayMaskedUnlessRevealedForThisWindow)
{
    const AuditEntryDetail left = webhookEntry(QStringLiteral("1"), webhookA);
    const AuditEntryDetail right = webhookEntry(QStringLiteral("2"), webhookB);
    {
        CompareDialog dialog(left, right);
        QTreeView *request = view(dialog, "requestView");
        auto *hide = dialog.findChild<QCheckBox *>(QStringLiteral("hideIdentical"));
        hide->setChecked(false);
        const QModelIndex secret = findPath(request, QStringLiteral("$.secret"));
        EXPECT_EQ(secret.siblingAtColumn(1).data().toString(), QStringLiteral("\"••••\""));
        EXPECT_EQ(secret.siblingAtColumn(2).data().toString(), QStringLiteral("\"••••\""));
        EXPECT_EQ(
            findPath(request, QStringLiteral("$.http_config.headers.Authorization"), 2).data(),
            QStringLiteral("\"Bearer ••••\""));
        const QString all = allTexts(request).join(QLatin1Char('\n'));
        EXPECT_FALSE(all.contains(QLatin1String("whsec_")));
        EXPECT_FALSE(all.contains(QLatin1String("tok_live")));
        // Every header is masked, X-Team too (headers.*): three values a side.
        EXPECT_EQ(labelText(dialog, "maskedCount"), QStringLiteral("6 values hidden"));
        // Masked alike, the secrets are no difference.
        const std::set<QString> changed { QStringLiteral("$.http_config.timeout_seconds"),
            QStringLiteral("$.note") };
        EXPECT_EQ(highlightedPaths(request), changed);

        auto *reveal = dialog.findChild<QPushButton *>(QStringLiteral("revealSecrets"));
        reveal->click();
        EXPECT_EQ(findPath(request, QStringLiteral("$.secret"), 2).data().toString(),
            QStringLiteral("\"whsec_0000aaaa1111\""));
        EXPECT_EQ(highlightedPaths(request).size(), 4u);
        EXPECT_EQ(labelText(dialog, "maskedCount"), QStringLiteral("6 values revealed"));
        reveal->click();
        EXPECT_FALSE(allTexts(request).join(QLatin1Char('\n')).contains(QLatin1String("whsec_")));
        reveal->click();
    }
    // Never remembered: the next window masks again.
    CompareDialog again(left, right);
    EXPECT_FALSE(allTexts(view(again, "requestView"))
                     .join(QLatin1Char('\n'))
                     .contains(QLatin1String("whsec_")));
}

TEST(CompareDialog, HtmlLookingValuesAreShownAsText)
{
    AuditEntryDetail left = webhookEntry(QStringLiteral("1"), webhookA);
    left.entry.action = QStringLiteral("<i>create_webhook</i>");
    CompareDialog dialog(left, webhookEntry(QStringLiteral("2"), webhookB));
    const QModelIndex note = findPath(view(dialog, "requestView"), QStringLiteral("$.note"), 1);
    EXPECT_EQ(note.data().toString(), QStringLiteral("\"<b>x</b>\""));
    // The tooltip is rich text only to keep the markup out: it shows the tags as written.
    const QString toolTip = note.data(Qt::ToolTipRole).toString();
    EXPECT_TRUE(toolTip.contains(QLatin1String("&quot;&lt;b&gt;x&lt;/b&gt;&quot;")))
        << toolTip.toStdString();
    EXPECT_FALSE(toolTip.contains(QLatin1String("<b>")));
    auto *action = dialog.findChild<EntryHeader *>(QStringLiteral("leftHeader"))
                       ->findChild<QLabel *>(QStringLiteral("action"));
    EXPECT_EQ(action->textFormat(), Qt::PlainText);
    EXPECT_TRUE(action->text().contains(QLatin1String("<i>create_webhook</i>")));
}

TEST(CompareDialog, BothHeadersReadDurationsAsTheTableDoes)
{
    CompareDialog dialog(recallA(), recallB());
    for (const char *side : { "leftHeader", "rightHeader" }) {
        auto *duration = dialog.findChild<EntryHeader *>(QLatin1String(side))
                             ->findChild<QLabel *>(QStringLiteral("duration"));
        ASSERT_NE(duration, nullptr) << side;
        EXPECT_EQ(duration->text(), readableDuration(48'211)) << side; // not "48.211 ms"
        EXPECT_EQ(duration->toolTip(), exactDuration(48'211)) << side;
    }
}

TEST(CompareDialog, ARunningEntryHasNoResponseToCompare)
{
    const AuditEntryDetail running = makeEntry(QStringLiteral("3"), QStringLiteral("recall"),
        1774606530123456, recallRequestA, std::nullopt, metadataA);
    CompareDialog dialog(running, recallA());
    dialog.showDocument(CompareDialog::Document::Response);
    EXPECT_EQ(dialog.summaryText(), QStringLiteral("0 changed, 1 added, 0 removed"));
    const QModelIndex root = findPath(view(dialog, "responseView"), QStringLiteral("$"));
    EXPECT_EQ(root.siblingAtColumn(1).data().toString(), QStringLiteral("(none)"));
    EXPECT_EQ(root.siblingAtColumn(2).data().toString(), QStringLiteral("{3 keys}"));
    dialog.showDocument(CompareDialog::Document::Request);
    EXPECT_EQ(dialog.summaryText(), QStringLiteral("No differences"));
    EXPECT_EQ(rowCount(view(dialog, "requestView")), 0);
}

TEST(CompareDialog, InvalidJsonIsComparedAsTextWithANotice)
{
    AuditEntryDetail cut = recallA();
    cut.request = QStringLiteral(R"({"query": "What did Alice)");
    CompareDialog dialog(cut, recallB());
    EXPECT_EQ(dialog.summaryText(), QStringLiteral("1 changed, 0 added, 0 removed"));
    EXPECT_FALSE(dialog.findChild<QLabel *>(QStringLiteral("requestViewNotice"))->isHidden());
    EXPECT_TRUE(dialog.findChild<QLabel *>(QStringLiteral("responseViewNotice"))->isHidden());
    EXPECT_TRUE(labelText(dialog, "requestViewNotice")
                    .startsWith(QLatin1String("The left document is not valid JSON")));
    EXPECT_EQ(findPath(view(dialog, "requestView"), QStringLiteral("$"), 1).data().toString(),
        QStringLiteral(R"({"query": "What did Alice)"));
}

TEST(CompareDialog, LargeDocumentsAreComparedOffTheGuiThread)
{
    QString big = QStringLiteral(R"({"results": [)");
    for (int i = 0; big.size() < 2'000'000; ++i) {
        big.append(
            QStringLiteral(R"({"id": "m-%1", "text": "memory number %1", "score": 0.5},)").arg(i));
    }
    const QString left = big + QStringLiteral(R"({"id": "last"}]})");
    const QString right = big + QStringLiteral(R"({"id": "final"}]})");
    AuditEntryDetail a = recallA();
    AuditEntryDetail b = recallB();
    a.response = left;
    b.response = right;
    CompareDialog dialog(a, b);
    QSignalSpy finished(&dialog, &CompareDialog::comparisonFinished);
    EXPECT_TRUE(dialog.isComparing());
    EXPECT_EQ(dialog.summaryText(), QStringLiteral("Comparing…"));
    ASSERT_TRUE(finished.wait(30'000));
    EXPECT_FALSE(dialog.isComparing());
    dialog.showDocument(CompareDialog::Document::Response);
    EXPECT_EQ(dialog.summaryText(), QStringLiteral("1 changed, 0 added, 0 removed"));
    EXPECT_EQ(differencePaths(view(dialog, "responseView")).size(), 1u);
}

// Set AUDIT_VIEWER_SCREENSHOT_DIR to look at the dialog (compare-*.png).
TEST(CompareDialog, Screenshots)
{
    CompareDialog dialog(recallA(), recallB());
    dialog.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&dialog));
    dialog.showDocument(CompareDialog::Document::Response);
    saveScreenshot(dialog, QStringLiteral("compare-response.png"));
    dialog.findChild<QCheckBox *>(QStringLiteral("hideIdentical"))->setChecked(false);
    saveScreenshot(dialog, QStringLiteral("compare-response-all.png"));
    dialog.showDocument(CompareDialog::Document::Request);
    saveScreenshot(dialog, QStringLiteral("compare-request-all.png"));
    CompareDialog webhooks(
        webhookEntry(QStringLiteral("1f3c9a20-7b1e-4d2a-9c8b-5e6f7a8b9c0d"), webhookA),
        webhookEntry(QStringLiteral("8d7c6b5a-4f3e-4d2c-8b1a-0f9e8d7c6b5a"), webhookB));
    webhooks.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&webhooks));
    webhooks.findChild<QCheckBox *>(QStringLiteral("hideIdentical"))->setChecked(false);
    saveScreenshot(webhooks, QStringLiteral("compare-webhook-masked.png"));

    dialog.setPalette(darkPalette());
    dialog.showDocument(CompareDialog::Document::Response);
    saveScreenshot(dialog, QStringLiteral("compare-response-dark.png"));
}
