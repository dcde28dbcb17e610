#include "darkpalette.h"
#include "durationtext.h"
#include "entrydetaildialog.h"
#include "entryformat.h"
#include "entryheader.h"
#include "hindsightsecrets.h"
#include "jsonhighlighter.h"
#include "jsonpane.h"
#include "jsonprettyprinter.h"
#include "jsontextview.h"
#include "screenshot.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>

#include <gtest/gtest.h>

#include <functional>
#include <iostream>

namespace {

const QString recallRequest = QStringLiteral(
    R"({"query": "What did Alice decide about the Q3 launch?", "max_tokens": 4096, )"
    R"("budget": "mid", "types": ["world", "experience"], "trace": 12345678901234567890})");
const QString recallResponse = QStringLiteral(
    R"({"results": [{"id": "5f0c1a9e-2b7d-4c1e-9a43-0d8e6f1b2c3d", "text": "Alice decided )"
    R"(to move the Q3 launch to September after the beta feedback from Alice's team.", )"
    R"("type": "world", "score": 0.8123}, {"id": "9b2e4f6a-1c3d-4e5f-8a7b-6c5d4e3f2a1b", )"
    R"("text": "Bob asked Alice whether the launch date was final.", "type": "experience", )"
    R"("score": 0.7311}, {"id": "c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f", "text": "Carol )"
    R"(reminded Alice and Bob that Alice owns the launch checklist.", "type": "world", )"
    R"("score": 0.6502}], "token_count": 83, "truncated": false, "next": null})");
const QString recallMetadata = QStringLiteral(
    R"({"client": "hindsight-py/0.4.2", "latency_ms": {"embed": 4.21, "search": 18.7}, )"
    R"("tenant": "acme"})");
const QString webhookRequest = QStringLiteral(
    R"({"url": "https://hooks.example.com/hindsight", "secret": "whsec_9f8e7d6c5b4a", )"
    R"("event_types": ["retain.completed", "consolidation.completed"], "http_config": )"
    R"({"timeout_seconds": 10, "headers": {"Authorization": "Bearer tok_live_1234", )"
    R"("X-Team": "memory"}}})");

AuditEntryDetail makeEntry(const QString &action, std::optional<QString> request,
    std::optional<QString> response, std::optional<QString> metadata)
{
    AuditEntryDetail detail;
    detail.entry.id = QStringLiteral("0b4c7d3e-5a61-4f0e-9c2a-7e1d2f3a4b5c");
    detail.entry.action = action;
    detail.entry.transport = QStringLiteral("http");
    detail.entry.bankId = QStringLiteral("team-alpha");
    // 2026-03-27T10:15:30.123456Z, 12.345 ms long.
    detail.entry.startedAt = AuditTimestamp::fromUsecsSinceEpoch(1774606530123456);
    detail.entry.endedAt = AuditTimestamp::fromUsecsSinceEpoch(1774606530135801);
    detail.entry.hasResponse = response.has_value();
    detail.request = std::move(request);
    detail.response = std::move(response);
    detail.metadata = std::move(metadata);
    return detail;
}

AuditEntryDetail recallEntry()
{
    return makeEntry(QStringLiteral("recall"), recallRequest, recallResponse, recallMetadata);
}

JsonPane *pane(EntryDetailDialog &dialog, const char *name)
{
    return dialog.findChild<JsonPane *>(QLatin1String(name));
}

QString paneText(EntryDetailDialog &dialog, const char *name)
{
    return pane(dialog, name)->textView()->editor()->toPlainText();
}

QString labelText(EntryDetailDialog &dialog, const char *name)
{
    auto *label = dialog.findChild<QLabel *>(QLatin1String(name));
    return label ? label->text() : QStringLiteral("<no label %1>").arg(QLatin1String(name));
}

// Runs the event loop until `condition` holds, at most `timeoutMs`.
bool waitFor(const std::function<bool()> &condition, int timeoutMs = 5000)
{
    return QTest::qWaitFor(condition, timeoutMs);
}

// The token kind the highlighter gave the character at `column` of `block`.
int tokenAt(const QTextBlock &block, int column)
{
    for (const QTextLayout::FormatRange &range : block.layout()->formats()) {
        if (column >= range.start && column < range.start + range.length) {
            return range.format.property(JsonHighlighter::TokenProperty).toInt();
        }
    }
    return 0;
}

QTextBlock blockContaining(QPlainTextEdit *edit, const QString &text)
{
    for (QTextBlock block = edit->document()->begin(); block.isValid(); block = block.next()) {
        if (block.text().contains(text)) {
            return block;
        }
    }
    return {};
}

} // namespace

TEST(EntryDetailDialog, ShowsTheHeaderWithMicroseconds)
{
    EntryDetailDialog dialog;
    dialog.setUtc(true);
    dialog.setEntry(recallEntry());
    EXPECT_EQ(dialog.entryId(), QStringLiteral("0b4c7d3e-5a61-4f0e-9c2a-7e1d2f3a4b5c"));
    EXPECT_TRUE(labelText(dialog, "action").contains(QLatin1String("recall")));
    EXPECT_TRUE(labelText(dialog, "transport").contains(QLatin1String("http")));
    EXPECT_TRUE(labelText(dialog, "bank").contains(QLatin1String("team-alpha")));
    EXPECT_TRUE(labelText(dialog, "status").contains(QLatin1String("ok")));
    EXPECT_EQ(labelText(dialog, "started"), QStringLiteral("2026-03-27 10:15:30.123456 +00:00"));
    EXPECT_EQ(labelText(dialog, "ended"), QStringLiteral("2026-03-27 10:15:30.135801 +00:00"));
    // Read as the table reads it, every microsecond in the tooltip.
    EXPECT_EQ(labelText(dialog, "duration"), readableDuration(12'345));
    EXPECT_EQ(
        labelText(dialog, "duration"), QLocale().toString(12.3, 'f', 1) + QStringLiteral(" ms"));
    EXPECT_EQ(
        dialog.findChild<QLabel *>(QStringLiteral("duration"))->toolTip(), exactDuration(12'345));
    const auto *started = dialog.findChild<QLabel *>(QStringLiteral("started"));
    EXPECT_EQ(started->toolTip(),
        AuditTimestamp::fromUsecsSinceEpoch(1774606530123456)
            .toDisplayString(QTimeZone::systemTimeZone()));
    EXPECT_TRUE(dialog.windowTitle().contains(QLatin1String("recall")));
    EXPECT_TRUE(dialog.windowTitle().endsWith(dialog.entryId()));
    EXPECT_FALSE(dialog.isModal());
    EXPECT_FALSE(dialog.testAttribute(Qt::WA_DeleteOnClose));
}

TEST(EntryDetailDialog, ShowsDatabaseTextWithoutObeyingControlCharacters)
{
    AuditEntryDetail detail = recallEntry();
    detail.entry.bankId.reset();
    detail.entry.action = QStringLiteral("<b>x</b>\u202Etxt.exe\n");
    EntryDetailDialog dialog;
    dialog.setEntry(detail);
    const auto *action = dialog.findChild<QLabel *>(QStringLiteral("action"));
    EXPECT_EQ(action->textFormat(), Qt::PlainText);
    EXPECT_FALSE(action->text().contains(QChar(0x202E)));
    EXPECT_TRUE(action->text().contains(QLatin1String("<U+202E>")));
    EXPECT_TRUE(action->text().contains(QChar(0x240A))); // the line feed as ␊
    EXPECT_FALSE(dialog.windowTitle().contains(QChar(0x202E)));
    EXPECT_FALSE(dialog.windowTitle().contains(QLatin1Char('\n')));
    EXPECT_TRUE(labelText(dialog, "bank").contains(QLatin1String("(none)")));
}

TEST(EntryDetailDialog, RequestTextIsThePrettyPrintedStoredJson)
{
    EntryDetailDialog dialog;
    dialog.setEntry(recallEntry());
    const QString expected = JsonPrettyPrinter(2).format(QStringView(recallRequest)).text;
    EXPECT_EQ(paneText(dialog, "requestPane"), expected);
    EXPECT_TRUE(paneText(dialog, "requestPane").contains(QLatin1String("12345678901234567890")));
    EXPECT_TRUE(pane(dialog, "requestPane")->notice().isEmpty());
}

TEST(EntryDetailDialog, NullResponseReadsNone)
{
    EntryDetailDialog dialog;
    dialog.setEntry(makeEntry(QStringLiteral("recall"), recallRequest, std::nullopt, std::nullopt));
    EXPECT_EQ(pane(dialog, "responsePane")->placeholder(), QStringLiteral("(none)"));
    EXPECT_EQ(pane(dialog, "metadataPane")->placeholder(), QStringLiteral("(none)"));
    EXPECT_TRUE(pane(dialog, "requestPane")->placeholder().isEmpty());
    EXPECT_TRUE(labelText(dialog, "status").contains(QLatin1String("failed")));
}

TEST(EntryDetailDialog, HighlightsKeysStringsNumbersAndLiterals)
{
    EntryDetailDialog dialog;
    dialog.setEntry(recallEntry());
    QPlainTextEdit *request = pane(dialog, "requestPane")->textView()->editor();
    const auto key = static_cast<int>(JsonHighlighter::Token::Key);
    const auto string = static_cast<int>(JsonHighlighter::Token::String);
    const auto number = static_cast<int>(JsonHighlighter::Token::Number);
    const auto literal = static_cast<int>(JsonHighlighter::Token::Literal);
    const auto punctuation = static_cast<int>(JsonHighlighter::Token::Punctuation);

    const QTextBlock tokens = blockContaining(request, QStringLiteral("\"max_tokens\""));
    ASSERT_TRUE(tokens.isValid());
    const int keyAt = static_cast<int>(tokens.text().indexOf(QLatin1String("\"max_tokens\"")));
    const int numberAt = static_cast<int>(tokens.text().indexOf(QLatin1String("4096")));
    EXPECT_EQ(tokenAt(tokens, keyAt), key);
    EXPECT_EQ(tokenAt(tokens, keyAt + 11), key); // the closing quote
    EXPECT_EQ(tokenAt(tokens, keyAt + 12), punctuation); // the colon
    EXPECT_EQ(tokenAt(tokens, numberAt), number);
    EXPECT_EQ(tokenAt(tokens, numberAt + 3), number);
    EXPECT_EQ(tokenAt(tokens, numberAt - 1), 0); // the space

    const QTextBlock budget = blockContaining(request, QStringLiteral("\"budget\""));
    const int midAt = static_cast<int>(budget.text().indexOf(QLatin1String("\"mid\"")));
    EXPECT_EQ(tokenAt(budget, midAt), string);
    EXPECT_EQ(tokenAt(budget, midAt + 4), string);
    EXPECT_NE(tokenAt(budget, 2), string);

    QPlainTextEdit *response = pane(dialog, "responsePane")->textView()->editor();
    const QTextBlock truncated = blockContaining(response, QStringLiteral("\"truncated\""));
    EXPECT_EQ(
        tokenAt(truncated, static_cast<int>(truncated.text().indexOf(QLatin1String("false")))),
        literal);
    const QTextBlock next = blockContaining(response, QStringLiteral("\"next\""));
    EXPECT_EQ(tokenAt(next, static_cast<int>(next.text().indexOf(QLatin1String("null")))), literal);
    // Key and string do not look alike.
    EXPECT_NE(JsonHighlighter::formatFor(JsonHighlighter::Token::Key, false).foreground(),
        JsonHighlighter::formatFor(JsonHighlighter::Token::String, false).foreground());
}

TEST(EntryDetailDialog, FindCountsHighlightsAndStepsThroughMatches)
{
    EntryDetailDialog dialog;
    dialog.setEntry(recallEntry());
    dialog.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&dialog));
    auto *tabs = dialog.findChild<QTabWidget *>();
    tabs->setCurrentIndex(1);
    JsonTextView *view = pane(dialog, "responsePane")->textView();

    QTest::keyClick(&dialog, Qt::Key_F, Qt::ControlModifier);
    ASSERT_TRUE(view->isFindOpen());
    auto *find = view->findChild<QLineEdit *>(QStringLiteral("findEdit"));
    ASSERT_NE(find, nullptr);
    QTest::keyClicks(find, QStringLiteral("ALICE")); // case-insensitive
    ASSERT_TRUE(waitFor([&] { return view->findStatus() == QLatin1String("1 of 5"); }))
        << view->findStatus().toStdString();
    EXPECT_EQ(view->matchCount(), 5);
    EXPECT_EQ(view->editor()->extraSelections().size(), 5);
    const int first = view->editor()->textCursor().selectionStart();
    EXPECT_EQ(view->editor()->textCursor().selectedText(), QStringLiteral("Alice"));

    QTest::keyClick(find, Qt::Key_Return);
    EXPECT_EQ(view->findStatus(), QStringLiteral("2 of 5"));
    const int second = view->editor()->textCursor().selectionStart();
    EXPECT_GT(second, first);
    QTest::keyClick(find, Qt::Key_F3);
    EXPECT_EQ(view->findStatus(), QStringLiteral("3 of 5"));
    EXPECT_GT(view->editor()->textCursor().selectionStart(), second);
    QTest::keyClick(find, Qt::Key_Return, Qt::ShiftModifier);
    EXPECT_EQ(view->findStatus(), QStringLiteral("2 of 5"));
    EXPECT_EQ(view->editor()->textCursor().selectionStart(), second);
    QTest::keyClick(find, Qt::Key_F3, Qt::ShiftModifier);
    EXPECT_EQ(view->findStatus(), QStringLiteral("1 of 5"));
    EXPECT_EQ(view->editor()->textCursor().selectionStart(), first);
    QTest::keyClick(find, Qt::Key_Return, Qt::ShiftModifier);
    EXPECT_EQ(view->findStatus(), QStringLiteral("5 of 5")); // wraps around
    EXPECT_TRUE(dialog.isVisible()); // Enter never reached a dialog button

    find->setText(QStringLiteral("no such text"));
    ASSERT_TRUE(waitFor([&] { return view->findStatus() == QLatin1String("No matches"); }));
    EXPECT_TRUE(view->editor()->extraSelections().isEmpty());

    QTest::keyClick(find, Qt::Key_Escape);
    EXPECT_FALSE(view->isFindOpen());
    EXPECT_TRUE(dialog.isVisible()); // Esc closed the Find bar, not the dialog

    // From the text too: the first Esc closes the Find bar.
    QTest::keyClick(&dialog, Qt::Key_F, Qt::ControlModifier);
    ASSERT_TRUE(view->isFindOpen());
    view->editor()->setFocus();
    QTest::keyClick(view->editor(), Qt::Key_Escape);
    EXPECT_FALSE(view->isFindOpen());
    EXPECT_TRUE(dialog.isVisible());
}

TEST(EntryDetailDialog, MasksWebhookSecretsUntilRevealed)
{
    EntryDetailDialog dialog;
    dialog.setEntry(makeEntry(
        QStringLiteral("create_webhook"), webhookRequest, QStringLiteral("{}"), std::nullopt));
    const QString masked = paneText(dialog, "requestPane");
    EXPECT_FALSE(masked.contains(QLatin1String("whsec_9f8e7d6c5b4a")));
    EXPECT_FALSE(masked.contains(QLatin1String("tok_live_1234")));
    EXPECT_TRUE(masked.contains(QStringLiteral("\"secret\": \"••••\"")));
    EXPECT_TRUE(masked.contains(QStringLiteral("\"X-Team\": \"••••\""))); // every header
    EXPECT_EQ(labelText(dialog, "maskedCount"), QStringLiteral("3 values hidden"));
    EXPECT_FALSE(dialog.entryJson().contains(QLatin1String("whsec_9f8e7d6c5b4a")));

    auto *reveal = dialog.findChild<QPushButton *>(QStringLiteral("revealSecrets"));
    ASSERT_NE(reveal, nullptr);
    QTest::mouseClick(reveal, Qt::LeftButton);
    EXPECT_TRUE(paneText(dialog, "requestPane").contains(QLatin1String("whsec_9f8e7d6c5b4a")));
    EXPECT_TRUE(dialog.entryJson().contains(QLatin1String("whsec_9f8e7d6c5b4a")));
    EXPECT_EQ(labelText(dialog, "maskedCount"), QStringLiteral("3 values revealed"));

    QTest::mouseClick(reveal, Qt::LeftButton);
    EXPECT_FALSE(paneText(dialog, "requestPane").contains(QLatin1String("whsec_9f8e7d6c5b4a")));

    // A new dialog starts masked again: revealing is never remembered.
    EntryDetailDialog another;
    another.setEntry(makeEntry(
        QStringLiteral("create_webhook"), webhookRequest, QStringLiteral("{}"), std::nullopt));
    EXPECT_FALSE(paneText(another, "requestPane").contains(QLatin1String("whsec_9f8e7d6c5b4a")));
}

TEST(EntryDetailDialog, RevealAllBecomesMaskAllAndBack)
{
    EntryDetailDialog dialog;
    dialog.setEntry(makeEntry(
        QStringLiteral("create_webhook"), webhookRequest, QStringLiteral("{}"), std::nullopt));
    auto *reveal = dialog.findChild<QPushButton *>(QStringLiteral("revealSecrets"));
    ASSERT_NE(reveal, nullptr);
    EXPECT_EQ(reveal->text(), QStringLiteral("Reveal all"));
    QTest::mouseClick(reveal, Qt::LeftButton);
    ASSERT_TRUE(paneText(dialog, "requestPane").contains(QLatin1String("whsec_9f8e7d6c5b4a")));
    EXPECT_EQ(reveal->text(), QStringLiteral("Mask all"));
    QTest::mouseClick(reveal, Qt::LeftButton);
    EXPECT_EQ(reveal->text(), QStringLiteral("Reveal all"));
    // The next entry starts masked, and the button says so.
    QTest::mouseClick(reveal, Qt::LeftButton);
    dialog.setEntry(makeEntry(
        QStringLiteral("create_webhook"), webhookRequest, QStringLiteral("{}"), std::nullopt));
    EXPECT_EQ(reveal->text(), QStringLiteral("Reveal all"));
}

namespace {

// Shows the webhook entry in `dialog` and switches its request to the tree; its pane.
JsonPane *showWebhookTree(EntryDetailDialog &dialog)
{
    dialog.setEntry(makeEntry(
        QStringLiteral("create_webhook"), webhookRequest, QStringLiteral("{}"), std::nullopt));
    dialog.show();
    JsonPane *request = pane(dialog, "requestPane");
    QTest::mouseClick(
        request->findChild<QToolButton *>(QStringLiteral("treeViewButton")), Qt::LeftButton);
    return request;
}

} // namespace

TEST(EntryDetailDialog, TheTreeOpensWithTheDocumentsFirstLevelShown)
{
    EntryDetailDialog dialog;
    QTreeView *tree = showWebhookTree(dialog)->treeView();
    ASSERT_TRUE(tree->isVisible());
    const QModelIndex root = tree->model()->index(0, 0);
    EXPECT_EQ(root.data().toString(), QStringLiteral("$"));
    EXPECT_TRUE(tree->isExpanded(root));
    ASSERT_TRUE(waitFor([&] { return tree->model()->rowCount(root) == 4; }));
    // Its children are in sight, closed.
    const QModelIndex first = tree->model()->index(0, 0, root);
    EXPECT_FALSE(tree->visualRect(first).isEmpty());
}

TEST(EntryDetailDialog, TreeCopiesValuesAndPathsOfTheMaskedDocument)
{
    EntryDetailDialog dialog;
    JsonPane *request = showWebhookTree(dialog);
    ASSERT_EQ(request->view(), JsonPane::View::Tree);
    QTreeView *tree = request->treeView();
    ASSERT_TRUE(tree->isVisible());
    QAbstractItemModel *model = tree->model();
    const QModelIndex root = model->index(0, 0);
    tree->expand(root);
    ASSERT_TRUE(waitFor([&] { return model->rowCount(root) == 4; }));

    auto copied = [&](const QModelIndex &index, QAction *action) {
        tree->setCurrentIndex(index);
        action->trigger();
        return QGuiApplication::clipboard()->text();
    };
    const QModelIndex url = model->index(0, 0, root);
    EXPECT_EQ(copied(url, request->copyPathAction()), QStringLiteral("$.url"));
    EXPECT_EQ(copied(url, request->copyValueAction()),
        QStringLiteral("https://hooks.example.com/hindsight"));
    const QModelIndex secret = model->index(1, 0, root);
    EXPECT_EQ(copied(secret, request->copyPathAction()), QStringLiteral("$.secret"));
    EXPECT_EQ(copied(secret, request->copyValueAction()), QStringLiteral("••••"));
}

TEST(EntryDetailDialog, PreviousAndNextEmitTheirSignals)
{
    EntryDetailDialog dialog;
    dialog.setEntry(recallEntry());
    QSignalSpy previous(&dialog, &EntryDetailDialog::previousRequested);
    QSignalSpy next(&dialog, &EntryDetailDialog::nextRequested);
    auto *previousButton = dialog.findChild<QPushButton *>(QStringLiteral("previous"));
    auto *nextButton = dialog.findChild<QPushButton *>(QStringLiteral("next"));
    dialog.setNavigation(false, true);
    EXPECT_FALSE(previousButton->isEnabled());
    EXPECT_TRUE(nextButton->isEnabled());
    QTest::mouseClick(nextButton, Qt::LeftButton);
    QTest::mouseClick(previousButton, Qt::LeftButton);
    EXPECT_EQ(next.count(), 1);
    EXPECT_EQ(previous.count(), 0);
    dialog.setNavigation(true, true);
    QTest::mouseClick(previousButton, Qt::LeftButton);
    EXPECT_EQ(previous.count(), 1);
}

TEST(EntryDetailDialog, EntryJsonParsesAndKeepsStoredNumbers)
{
    EntryDetailDialog dialog;
    EXPECT_TRUE(dialog.entryJson().isEmpty());
    dialog.setEntry(
        makeEntry(QStringLiteral("recall"), recallRequest, std::nullopt, recallMetadata));
    const QString json = dialog.entryJson();
    EXPECT_TRUE(JsonPrettyPrinter(2).format(QStringView(json)).ok);
    EXPECT_TRUE(json.contains(QLatin1String("\"trace\": 12345678901234567890")));
    EXPECT_TRUE(json.contains(QLatin1String("\"duration_ms\": 12.345,")));
    EXPECT_TRUE(json.contains(QLatin1String("\"embed\": 4.21")));
    QJsonParseError error;
    const QJsonObject object = QJsonDocument::fromJson(json.toUtf8(), &error).object();
    ASSERT_EQ(error.error, QJsonParseError::NoError) << error.errorString().toStdString();
    EXPECT_EQ(object.value(QLatin1String("id")).toString(), dialog.entryId());
    EXPECT_EQ(object.value(QLatin1String("action")).toString(), QStringLiteral("recall"));
    EXPECT_EQ(object.value(QLatin1String("transport")).toString(), QStringLiteral("http"));
    EXPECT_EQ(object.value(QLatin1String("bank_id")).toString(), QStringLiteral("team-alpha"));
    EXPECT_EQ(object.value(QLatin1String("started_at")).toString(),
        QStringLiteral("2026-03-27T10:15:30.123456Z"));
    EXPECT_EQ(object.value(QLatin1String("ended_at")).toString(),
        QStringLiteral("2026-03-27T10:15:30.135801Z"));
    EXPECT_EQ(object.value(QLatin1String("status")).toString(), QStringLiteral("failed"));
    EXPECT_TRUE(object.value(QLatin1String("response")).isNull());
    EXPECT_EQ(object.value(QLatin1String("request")).toObject().value(QLatin1String("budget")),
        QStringLiteral("mid"));
    EXPECT_EQ(object.value(QLatin1String("metadata")).toObject().value(QLatin1String("tenant")),
        QStringLiteral("acme"));
}

TEST(EntryDetailDialog, EightMegabyteDocumentIsFormattedOffTheGuiThread)
{
    QString big = QStringLiteral(R"({"results": [)");
    big.reserve(8 * 1024 * 1024 + 4096);
    for (int i = 0; big.size() < 8 * 1024 * 1024; ++i) {
        if (i > 0) {
            big += QLatin1Char(',');
        }
        big += QStringLiteral(R"({"id": "mem-%1", "text": "Alice reviewed the rollout plan for )"
                              R"(region %2 and asked for a second load test before Friday.", )"
                              R"("type": "world", "score": 0.%3, "tags": ["launch", "q3"]})")
                   .arg(i)
                   .arg(i % 17)
                   .arg(8000 + i % 1000);
    }
    big += QStringLiteral("]}");

    EntryDetailDialog dialog;
    dialog.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&dialog));
    auto *tabs = dialog.findChild<QTabWidget *>();
    tabs->setCurrentIndex(1);
    JsonPane *response = pane(dialog, "responsePane");
    QSignalSpy firstLines(response, &JsonPane::firstLinesShown);
    QSignalSpy formatted(response, &JsonPane::formattingFinished);

    QElapsedTimer sinceTick;
    qint64 longestGap = 0;
    int ticks = 0;
    QTimer ticker;
    ticker.setInterval(10);
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        longestGap = std::max(longestGap, sinceTick.restart());
        ++ticks;
    });
    ticker.start();
    sinceTick.start();
    QElapsedTimer clock;
    clock.start();
    dialog.setEntry(makeEntry(QStringLiteral("recall"), recallRequest, big, recallMetadata));
    const int ticksBeforeFormatting = ticks;
    EXPECT_TRUE(response->isFormatting());
    EXPECT_EQ(pane(dialog, "responsePane")->placeholder(), QStringLiteral("Formatting…"));
    ASSERT_TRUE(firstLines.wait(5000));
    const qint64 readable = clock.elapsed();
    QPlainTextEdit *edit = response->textView()->editor();
    EXPECT_TRUE(edit->document()->firstBlock().text().startsWith(QLatin1Char('{')));
    EXPECT_GE(edit->document()->blockCount(), 5000);
    ASSERT_TRUE(formatted.wait(30000));
    const qint64 complete = clock.elapsed();
    ticker.stop();

    // The event loop went on turning while the 8 MB were formatted: done on the GUI thread in
    // one go (seconds in a debug build), the 10 ms ticker would hardly fire. How late it
    // fires is measured by the stall probe (scripts/bench: the largest entry), not here.
    EXPECT_GE(ticks - ticksBeforeFormatting, 5);
    RecordProperty("first_lines_ms", static_cast<int>(readable));
    RecordProperty("longest_gap_ms", static_cast<int>(longestGap));
    EXPECT_GT(edit->document()->blockCount(), 100000);
    EXPECT_TRUE(response->notice().isEmpty());
    // The whole document is highlighted where it is shown.
    const QTextBlock results = edit->document()->findBlockByNumber(1);
    EXPECT_EQ(tokenAt(results, 3), static_cast<int>(JsonHighlighter::Token::Key));
    std::cout << "8 MB document: first lines readable after " << readable
              << " ms, whole document after " << complete << " ms; longest event loop gap "
              << longestGap << " ms\n";
}

TEST(EntryDetailDialog, DeepAndTruncatedDocumentsShowWithoutCrashing)
{
    const QString deep = QString(3000, QLatin1Char('[')) + QString(3000, QLatin1Char(']'));
    const QString cutDeep = QString(3000, QLatin1Char('['));
    const QString truncated = QStringLiteral(R"({"query": "what did Alice say", "max_tokens": 40)");
    EntryDetailDialog dialog;
    dialog.show();
    dialog.setEntry(makeEntry(QStringLiteral("recall"), truncated, deep, cutDeep));
    ASSERT_TRUE(waitFor([&] {
        return !pane(dialog, "responsePane")->isFormatting()
            && !pane(dialog, "metadataPane")->isFormatting();
    }));

    JsonPane *request = pane(dialog, "requestPane");
    EXPECT_TRUE(request->notice().startsWith(QLatin1String("Not valid JSON")))
        << request->notice().toStdString();
    EXPECT_TRUE(paneText(dialog, "requestPane").contains(QLatin1String("\"max_tokens\": 40")));

    JsonPane *response = pane(dialog, "responsePane");
    EXPECT_TRUE(response->notice().isEmpty());
    EXPECT_GT(response->textView()->editor()->document()->blockCount(), 3000);
    response->setView(JsonPane::View::Tree);
    EXPECT_TRUE(response->placeholder().isEmpty());
    EXPECT_EQ(response->treeView()->model()->rowCount(), 1);

    JsonPane *metadata = pane(dialog, "metadataPane");
    EXPECT_FALSE(metadata->notice().isEmpty());

    // Copy entry still gives valid JSON: a document that is not JSON goes in as a string.
    const QString json = dialog.entryJson();
    EXPECT_TRUE(JsonPrettyPrinter(2).format(QStringView(json)).ok);
    EXPECT_TRUE(
        json.contains(QStringLiteral("\"request\": ") + EntryFormat::jsonString(truncated)));
    metadata->setView(JsonPane::View::Tree);
    EXPECT_TRUE(metadata->placeholder().startsWith(QLatin1String("No tree")));
}

TEST(EntryDetailDialog, LoadingDimsTheEntryAndErrorsShowOneLine)
{
    EntryDetailDialog dialog;
    dialog.show();
    dialog.setEntry(recallEntry());
    auto *tabs = dialog.findChild<QTabWidget *>();
    auto *loading = dialog.findChild<QWidget *>(QStringLiteral("loading"));
    dialog.showLoading(QStringLiteral("11111111-2222-3333-4444-555555555555"));
    EXPECT_EQ(dialog.entryId(), QStringLiteral("11111111-2222-3333-4444-555555555555"));
    EXPECT_TRUE(loading->isVisible());
    EXPECT_FALSE(tabs->isEnabled());
    // The previous entry stays readable underneath.
    EXPECT_TRUE(paneText(dialog, "requestPane").contains(QLatin1String("max_tokens")));

    dialog.showError(QStringLiteral("Connection lost <b>now</b>\nsecond line"));
    EXPECT_FALSE(loading->isVisible());
    auto *notice = dialog.findChild<QLabel *>(QStringLiteral("dialogNotice"));
    EXPECT_TRUE(notice->isVisible());
    EXPECT_EQ(notice->textFormat(), Qt::PlainText);
    EXPECT_EQ(notice->text(), QStringLiteral("Connection lost <b>now</b>"));

    dialog.setEntry(recallEntry());
    EXPECT_FALSE(notice->isVisible());
    EXPECT_TRUE(tabs->isEnabled());
}

TEST(EntryDetailDialog, SavesTheEntryAtomically)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    EntryDetailDialog dialog;
    dialog.setEntry(recallEntry());
    const QString path = dir.filePath(QStringLiteral("entry.json"));
    ASSERT_TRUE(dialog.saveTo(path));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_EQ(QString::fromUtf8(file.readAll()), dialog.entryJson() + QLatin1Char('\n'));
    // Readable by its owner only (0600): no group or other bits.
    EXPECT_EQ(file.permissions()
            & (QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ReadOther
                | QFileDevice::WriteOther),
        QFileDevice::Permissions());

    EXPECT_FALSE(dialog.saveTo(dir.filePath(QStringLiteral("missing/entry.json"))));
    auto *notice = dialog.findChild<QLabel *>(QStringLiteral("dialogNotice"));
    EXPECT_TRUE(notice->text().startsWith(QLatin1String("Could not save")))
        << notice->text().toStdString();
}

// Set AUDIT_VIEWER_SCREENSHOT_DIR to look at the dialog (detail-*.png).
TEST(EntryDetailDialog, Screenshots)
{
    EntryDetailDialog dialog;
    dialog.setNavigation(true, true);
    dialog.setEntry(recallEntry());
    dialog.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&dialog));
    auto *tabs = dialog.findChild<QTabWidget *>();
    tabs->setCurrentIndex(1);
    saveScreenshot(dialog, QStringLiteral("detail-recall.png"));

    JsonPane *response = pane(dialog, "responsePane");
    response->setView(JsonPane::View::Tree);
    QTreeView *tree = response->treeView();
    tree->expandRecursively(tree->model()->index(0, 0), 3);
    saveScreenshot(dialog, QStringLiteral("detail-tree.png"));

    response->setView(JsonPane::View::Text);
    response->openFind();
    auto *find = response->textView()->findChild<QLineEdit *>(QStringLiteral("findEdit"));
    find->setText(QStringLiteral("alice"));
    ASSERT_TRUE(waitFor([&] { return response->textView()->matchCount() == 5; }));
    QTest::keyClick(find, Qt::Key_Return);
    saveScreenshot(dialog, QStringLiteral("detail-find.png"));

    dialog.setEntry(makeEntry(QStringLiteral("create_webhook"), webhookRequest,
        QStringLiteral("{\"id\": \"wh_1\"}"), QStringLiteral("{}")));
    tabs->setCurrentIndex(0);
    saveScreenshot(dialog, QStringLiteral("detail-webhook-masked.png"));

    dialog.setEntry(makeEntry(
        QStringLiteral("recall"), recallRequest.left(120), std::nullopt, QStringLiteral("{}")));
    saveScreenshot(dialog, QStringLiteral("detail-invalid.png"));

    dialog.showLoading(QStringLiteral("11111111-2222-3333-4444-555555555555"));
    saveScreenshot(dialog, QStringLiteral("detail-loading.png"));
    dialog.showError(QStringLiteral("The entry could not be read: connection lost."));
    saveScreenshot(dialog, QStringLiteral("detail-error.png"));

    EntryDetailDialog darkDialog;
    darkDialog.setPalette(darkPalette());
    darkDialog.setEntry(makeEntry(
        QStringLiteral("create_webhook"), webhookRequest, recallResponse, recallMetadata));
    darkDialog.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&darkDialog));
    JsonPane *darkResponse = pane(darkDialog, "responsePane");
    darkDialog.findChild<QTabWidget *>()->setCurrentIndex(1);
    darkResponse->openFind();
    darkResponse->textView()
        ->findChild<QLineEdit *>(QStringLiteral("findEdit"))
        ->setText(QStringLiteral("launch"));
    ASSERT_TRUE(waitFor([&] { return darkResponse->textView()->matchCount() == 3; }));
    saveScreenshot(darkDialog, QStringLiteral("detail-dark.png"));
}

namespace {

// The point of the editor's viewport where the text position `position` is.
QPoint pointOf(JsonTextView *view, int position)
{
    QTextCursor cursor(view->editor()->document());
    cursor.setPosition(position);
    return view->editor()->cursorRect(cursor).center();
}

// Right-clicks the text at `position` and triggers "Reveal this value"; false when the
// menu does not offer it.
bool revealAt(JsonTextView *view, int position)
{
    std::unique_ptr<QMenu> menu(view->createContextMenu(pointOf(view, position)));
    auto *reveal = menu->findChild<QAction *>(QStringLiteral("revealValue"));
    if (!reveal || !menu->actions().contains(reveal)) {
        return false;
    }
    reveal->trigger();
    return true;
}

AuditEntryDetail hindsightEntry(const QString &request)
{
    return makeEntry(QStringLiteral("create_webhook"), request, HindsightSecrets::updateBankConfig,
        HindsightSecrets::recallWithJwt);
}

} // namespace

TEST(EntryDetailDialog, ShowsCopiesAndSavesEveryHindsightSecretMasked)
{
    QTemporaryDir dir;
    for (const QString &document : HindsightSecrets::documents()) {
        EntryDetailDialog dialog;
        dialog.setEntry(hindsightEntry(document));
        for (const char *name : { "requestPane", "responsePane", "metadataPane" }) {
            EXPECT_TRUE(HindsightSecrets::leaked(paneText(dialog, name)).isEmpty())
                << name << ": " << paneText(dialog, name).toStdString();
        }
        EXPECT_TRUE(HindsightSecrets::leaked(dialog.entryJson()).isEmpty());
        QTest::mouseClick(
            dialog.findChild<QPushButton *>(QStringLiteral("copyEntry")), Qt::LeftButton);
        EXPECT_TRUE(HindsightSecrets::leaked(QGuiApplication::clipboard()->text()).isEmpty());
        EXPECT_TRUE(
            QGuiApplication::clipboard()->text().contains(QLatin1String("12345678901234567890")));
        EXPECT_EQ(labelText(dialog, "dialogStatus"), QStringLiteral("Copied, secrets masked"));
        const QString path = dir.filePath(QStringLiteral("entry.json"));
        ASSERT_TRUE(dialog.saveTo(path));
        QFile saved(path);
        ASSERT_TRUE(saved.open(QIODevice::ReadOnly));
        EXPECT_TRUE(HindsightSecrets::leaked(QString::fromUtf8(saved.readAll())).isEmpty());
    }
    EntryDetailDialog webhook;
    webhook.setEntry(hindsightEntry(HindsightSecrets::createWebhook));
    const QString text = paneText(webhook, "requestPane");
    EXPECT_TRUE(text.contains(QStringLiteral("\"Authorization\": \"Bearer ••••\"")))
        << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("\"X-Tenant\": \"••••\"")));
}

TEST(EntryDetailDialog, FindNeverFindsAHiddenSecret)
{
    EntryDetailDialog dialog;
    dialog.setEntry(hindsightEntry(HindsightSecrets::createWebhook));
    dialog.show();
    JsonTextView *view = pane(dialog, "requestPane")->textView();
    view->openFind();
    auto *find = view->findChild<QLineEdit *>(QStringLiteral("findEdit"));
    find->setText(HindsightSecrets::bearerToken.left(8));
    ASSERT_TRUE(waitFor([&] { return view->findStatus() == QLatin1String("No matches"); }))
        << view->findStatus().toStdString();
    find->setText(QStringLiteral("Bearer"));
    ASSERT_TRUE(waitFor([&] { return view->findStatus() == QLatin1String("1 of 1"); }))
        << view->findStatus().toStdString();
}

TEST(EntryDetailDialog, RevealsExactlyOneValueFromItsContextMenuUntilAnotherEntryShows)
{
    EntryDetailDialog dialog;
    const AuditEntryDetail entry = hindsightEntry(HindsightSecrets::createWebhook);
    dialog.setEntry(entry);
    dialog.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&dialog));
    JsonTextView *view = pane(dialog, "requestPane")->textView();
    const QString masked = view->editor()->toPlainText();
    const int secret = int(masked.indexOf(QStringLiteral("\"secret\": \"••••\"")) + 12);
    ASSERT_GE(secret, 12);
    EXPECT_GE(view->maskedValueAt(secret), 0);
    // Not on a hidden value: no such entry in the menu.
    EXPECT_FALSE(revealAt(view, int(masked.indexOf(QLatin1String("hooks.example.com")))));

    ASSERT_TRUE(revealAt(view, secret));
    const QString text = view->editor()->toPlainText();
    EXPECT_TRUE(text.contains(HindsightSecrets::webhookSecret));
    EXPECT_FALSE(text.contains(HindsightSecrets::bearerToken));
    EXPECT_FALSE(text.contains(HindsightSecrets::tenant));
    EXPECT_EQ(
        labelText(dialog, "maskedCount"), QStringLiteral("5 values hidden, 1 value revealed"));
    // Copy and Save follow what is shown.
    const QString json = dialog.entryJson();
    EXPECT_TRUE(json.contains(HindsightSecrets::webhookSecret));
    EXPECT_EQ(HindsightSecrets::leaked(json), QStringList { HindsightSecrets::webhookSecret });
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("copyEntry")), Qt::LeftButton);
    EXPECT_EQ(
        labelText(dialog, "dialogStatus"), QStringLiteral("Copied, the revealed secrets included"));
    // Find finds what is revealed.
    view->openFind();
    view->findChild<QLineEdit *>(QStringLiteral("findEdit"))
        ->setText(HindsightSecrets::webhookSecret);
    ASSERT_TRUE(waitFor([&] { return view->findStatus() == QLatin1String("1 of 1"); }));

    // The Authorization value, by a click on its kept scheme.
    const int bearer = int(text.indexOf(QStringLiteral("\"Bearer ••••\"")) + 2);
    ASSERT_TRUE(revealAt(view, bearer));
    EXPECT_TRUE(view->editor()->toPlainText().contains(
        QStringLiteral("\"Bearer %1\"").arg(HindsightSecrets::bearerToken)));
    EXPECT_FALSE(view->editor()->toPlainText().contains(HindsightSecrets::tenant));

    // Next / Previous load another entry (or the same again): masked from scratch.
    dialog.showLoading(entry.entry.id);
    dialog.setEntry(entry);
    EXPECT_TRUE(HindsightSecrets::leaked(paneText(dialog, "requestPane")).isEmpty());
    EXPECT_TRUE(HindsightSecrets::leaked(dialog.entryJson()).isEmpty());
    EXPECT_EQ(labelText(dialog, "maskedCount"), QStringLiteral("6 values hidden"));

    // Reveal all is one entry's too.
    auto *revealAll = dialog.findChild<QPushButton *>(QStringLiteral("revealSecrets"));
    QTest::mouseClick(revealAll, Qt::LeftButton);
    EXPECT_TRUE(paneText(dialog, "requestPane").contains(HindsightSecrets::tenant));
    dialog.setEntry(entry);
    EXPECT_FALSE(revealAll->isChecked());
    EXPECT_FALSE(paneText(dialog, "requestPane").contains(HindsightSecrets::tenant));

    // And a dialog opened again starts masked.
    EntryDetailDialog reopened;
    reopened.setEntry(entry);
    EXPECT_TRUE(HindsightSecrets::leaked(paneText(reopened, "requestPane")).isEmpty());
}
