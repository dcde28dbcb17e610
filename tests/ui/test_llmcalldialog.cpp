#include "hindsightsecrets.h"
#include "jsonpane.h"
#include "jsontextview.h"
#include "llmcalldialog.h"
#include "llmconversation.h"
#include "llmconversationview.h"

#include <QApplication>
#include <QClipboard>
#include <QElapsedTimer>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTest>
#include <QToolButton>
#include <QUrl>

#include <gtest/gtest.h>

namespace {

// A JSON string literal of `text` (quotes and backslashes escaped; no control characters).
QString quoted(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    escaped.replace(QLatin1Char('"'), QStringLiteral("\\\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

LlmCallDetail makeCall(std::optional<QString> input, std::optional<QString> output = {},
    std::optional<QString> error = {}, std::optional<QString> metadata = QStringLiteral("{}"))
{
    LlmCallDetail detail;
    detail.call.id = QStringLiteral("7d1f2c3a-9b8e-4f60-a1b2-c3d4e5f60718");
    detail.call.schema = QStringLiteral("public");
    detail.call.bankId = QStringLiteral("team-alpha");
    detail.call.operation = QStringLiteral("retain");
    detail.call.scope = QStringLiteral("retain_extract_facts");
    detail.call.traceId = QStringLiteral("trace-1");
    detail.call.spanId = QStringLiteral("span-1");
    detail.call.parentSpanId = QStringLiteral("op-1");
    detail.call.provider = QStringLiteral("openai");
    detail.call.model = QStringLiteral("gpt-4o-mini");
    detail.call.status = error ? QStringLiteral("error") : QStringLiteral("success");
    // 2026-03-27T10:15:30.123456Z, 2.5 s long.
    detail.call.startedAt = AuditTimestamp::fromUsecsSinceEpoch(1774606530123456);
    detail.call.endedAt = AuditTimestamp::fromUsecsSinceEpoch(1774606532623456);
    detail.call.durationMs = 2500;
    detail.call.inputTokens = 1234;
    detail.call.outputTokens = 567;
    detail.call.cachedTokens = 0;
    detail.call.totalTokens = 1801;
    detail.input = std::move(input);
    detail.output = std::move(output);
    detail.error = std::move(error);
    detail.llmInfo
        = QStringLiteral(R"({"finish_reason": "stop", "request": {"temperature": 0.1}})");
    detail.metadata = std::move(metadata);
    return detail;
}

const QString conversationInput = QStringLiteral(
    R"([{"role": "system", "content": "You extract facts from what the user retains."}, )"
    R"({"role": "user", "content": [{"type": "text", "text": "Alice moved the launch to )"
    R"(September."}, {"type": "image_url", "image_url": {"url": "https://x.example/a.png"}}]}, )"
    R"({"role": "assistant", "content": null, "tool_calls": [{"id": "call_1", "type": )"
    R"("function", "function": {"name": "store_fact", "arguments": "{}"}}]}])");

template <typename T> T *child(QWidget &parent, const char *name)
{
    T *found = parent.findChild<T *>(QString::fromLatin1(name));
    EXPECT_NE(found, nullptr) << name;
    return found;
}

} // namespace

TEST(LlmCallDialog, RendersTheInputAsAConversationOfRolesAndContents)
{
    LlmCallDialog dialog;
    dialog.setCall(makeCall(conversationInput));
    const QString shown = child<LlmConversationView>(dialog, "conversation")->toPlainText();
    const QStringList expected { QStringLiteral("system"),
        QStringLiteral("You extract facts from what the user retains."), QStringLiteral("user"),
        QStringLiteral("Alice moved the launch to September."), QStringLiteral("image_url"),
        QStringLiteral("assistant"), QStringLiteral("tool_calls: ["),
        QStringLiteral("\"name\": \"store_fact\"") };
    qsizetype at = 0;
    for (const QString &part : expected) {
        const qsizetype found = shown.indexOf(part, at);
        ASSERT_GE(found, 0) << part.toStdString() << " in order, in\n" << shown.toStdString();
        at = found;
    }
    // The text part's JSON is not shown, only its text.
    EXPECT_FALSE(shown.contains(QStringLiteral("\"type\": \"text\"")));
}

TEST(LlmCallDialog, FoldsLongContentUntilShowAllIsClicked)
{
    const QString longText = QString(4000, QLatin1Char('a')) + QStringLiteral("THE-END");
    LlmCallDialog dialog;
    dialog.setCall(makeCall(QStringLiteral(R"([{"role": "user", "content": "short"}, )"
                                           R"({"role": "user", "content": %1}])")
                                .arg(quoted(longText))));
    auto *view = child<LlmConversationView>(dialog, "conversation");
    EXPECT_FALSE(view->toPlainText().contains(QStringLiteral("THE-END")));
    EXPECT_TRUE(view->toPlainText().contains(QStringLiteral("Show all 4,007 characters")))
        << view->toPlainText().right(200).toStdString();
    EXPECT_EQ(view->links(), QStringList { QStringLiteral("expand:1") });

    emit view->anchorClicked(QUrl(QStringLiteral("expand:1")));
    EXPECT_TRUE(view->toPlainText().contains(QStringLiteral("THE-END")));
    EXPECT_EQ(view->links(), QStringList { QStringLiteral("fold:1") });
    emit view->anchorClicked(QUrl(QStringLiteral("fold:1")));
    EXPECT_FALSE(view->toPlainText().contains(QStringLiteral("THE-END")));
}

TEST(LlmCallDialog, FoldsContentOfManyShortLines)
{
    QStringList lines;
    for (int i = 0; i < 100; ++i) {
        lines.append(QStringLiteral("line %1").arg(i));
    }
    LlmCallDialog dialog;
    dialog.setCall(makeCall(
        QStringLiteral(R"([{"role": "user", "content": %1}])")
            .arg(QLatin1Char('"') + lines.join(QStringLiteral("\\n")) + QLatin1Char('"'))));
    auto *view = child<LlmConversationView>(dialog, "conversation");
    EXPECT_TRUE(view->toPlainText().contains(QStringLiteral("line 23")));
    EXPECT_FALSE(view->toPlainText().contains(QStringLiteral("line 24")));
    EXPECT_EQ(view->links(), QStringList { QStringLiteral("expand:0") });
}

TEST(LlmCallDialog, ATruncatedInputSaysHowMuchHindsightKept)
{
    // Hindsight keeps the first characters of the list's JSON as a string: here cut in the
    // second message's content.
    const QString preview = QStringLiteral(R"([{"role": "system", "content": "Extract facts."}, )"
                                           R"({"role": "user", "content": "Alice said \n)")
        + QString(200, QLatin1Char('x')) + QStringLiteral(" api_key=")
        + HindsightSecrets::bankApiKey + QStringLiteral(" and then");
    const QString input
        = QStringLiteral(R"({"_truncated": true, "_original_chars": 183412, "preview": %1})")
              .arg(quoted(preview));
    LlmCallDialog dialog;
    dialog.setCall(makeCall(input));
    auto *view = child<LlmConversationView>(dialog, "conversation");
    const QString shown = view->toPlainText();
    EXPECT_TRUE(shown.startsWith(
        QStringLiteral("Hindsight stored the first %1 of 183,412 characters").arg(preview.size())))
        << shown.toStdString();
    // Read as the conversation it starts: two messages, the second cut short.
    ASSERT_EQ(view->conversation().messages.size(), 2);
    EXPECT_EQ(view->conversation().messages[1].role, QStringLiteral("user"));
    EXPECT_TRUE(view->conversation().messages[1].text.startsWith(QStringLiteral("Alice said \n")));
    EXPECT_TRUE(shown.contains(QStringLiteral("Extract facts.")));
    EXPECT_FALSE(shown.contains(HindsightSecrets::bankApiKey)) << shown.toStdString();
    EXPECT_TRUE(shown.contains(QStringLiteral("and then")));
    EXPECT_TRUE(shown.endsWith(QStringLiteral("⟪ cut here: Hindsight did not keep the rest ⟫")));

    // Cut where no message list can be completed: the preview as JSON text, as far as it goes.
    const QString between = QStringLiteral(R"([{"role": "user", "content": )");
    dialog.setCall(
        makeCall(QStringLiteral(R"({"_truncated": true, "_original_chars": 99, "preview": %1})")
                     .arg(quoted(between))));
    EXPECT_TRUE(view->conversation().messages.isEmpty());
    EXPECT_TRUE(view->toPlainText().contains(QStringLiteral("\"role\": \"user\"")))
        << view->toPlainText().toStdString();
}

TEST(LlmCallDialog, CountsASecretOnlyTheCutPreviewShowsAsJson)
{
    // In the stored document the key is text inside the preview string; read as the JSON it
    // is, it hides a value, which the count and the Reveal button must include.
    const QString preview
        = QStringLiteral(R"([{"role": "user", "content": "configure", "api_key": "%1", )")
              .arg(HindsightSecrets::bankApiKey);
    LlmCallDialog dialog;
    dialog.setCall(
        makeCall(QStringLiteral(R"({"_truncated": true, "_original_chars": 5000, "preview": %1})")
                     .arg(quoted(preview))));
    auto *view = child<LlmConversationView>(dialog, "conversation");
    QTRY_VERIFY(!child<JsonPane>(dialog, "conversationJson")->isFormatting());
    EXPECT_FALSE(view->toPlainText().contains(HindsightSecrets::bankApiKey));
    EXPECT_EQ(dialog.maskedCount(), 1);
    auto *reveal = child<QPushButton>(dialog, "revealSecrets");
    EXPECT_TRUE(reveal->isEnabled());
    reveal->click();
    EXPECT_TRUE(view->toPlainText().contains(HindsightSecrets::bankApiKey));
}

TEST(LlmCallDialog, MasksTheConversationByDefaultAndRevealsOnRequest)
{
    using namespace HindsightSecrets;
    const QString input = QStringLiteral(R"([{"role": "user", "content": "configure it", )"
                                         R"("api_key": "%1"}, {"role": "user", "content": )"
                                         R"("the token is %2"}])")
                              .arg(bankApiKey, jwt);
    LlmCallDialog dialog;
    dialog.setCall(makeCall(input, QStringLiteral("\"ok, stored %1\"").arg(innocentSk),
        QStringLiteral("AuthenticationError: bad key %1").arg(invalidSk)));
    auto *conversation = child<LlmConversationView>(dialog, "conversation");
    auto *output = child<LlmConversationView>(dialog, "output");
    auto *error = child<LlmConversationView>(dialog, "error");
    auto *pane = child<JsonPane>(dialog, "conversationJson");
    QTRY_VERIFY(!pane->isFormatting());
    const QString everything = conversation->toPlainText() + output->toPlainText()
        + error->toPlainText() + pane->textView()->editor()->toPlainText();
    EXPECT_TRUE(foundIn(everything, secrets()).isEmpty())
        << foundIn(everything, secrets()).join(QStringLiteral(", ")).toStdString();
    EXPECT_TRUE(conversation->toPlainText().contains(QStringLiteral("configure it")));
    // A secret in a prompt hides the secret, not the prompt.
    EXPECT_TRUE(conversation->toPlainText().contains(QStringLiteral("the token is ")))
        << conversation->toPlainText().toStdString();
    EXPECT_GT(dialog.maskedCount(), 0);

    auto *reveal = child<QPushButton>(dialog, "revealSecrets");
    reveal->click();
    QTRY_VERIFY(!pane->isFormatting());
    EXPECT_TRUE(conversation->toPlainText().contains(bankApiKey));
    EXPECT_TRUE(conversation->toPlainText().contains(jwt));
    EXPECT_TRUE(output->toPlainText().contains(innocentSk));
    EXPECT_TRUE(error->toPlainText().contains(invalidSk));

    // The next call is masked again.
    dialog.setCall(makeCall(input));
    EXPECT_FALSE(conversation->toPlainText().contains(bankApiKey));
    EXPECT_FALSE(reveal->isChecked());
}

TEST(LlmCallDialog, ShowsHostileTextWithoutObeyingIt)
{
    const QString longLine = QString(60'000, QLatin1Char('y'));
    const QString input = QStringLiteral(
        R"([{"role": "us\u202eer", "content": "a\u202eb\u0000c\u200bd\nsecond line"}, )"
        R"({"role": "user", "content": "%1"}])")
                              .arg(longLine);
    LlmCallDialog dialog;
    dialog.setCall(makeCall(input));
    auto *view = child<LlmConversationView>(dialog, "conversation");
    const QString shown = view->toPlainText();
    EXPECT_TRUE(shown.contains(QStringLiteral("us<U+202E>er"))) << shown.left(300).toStdString();
    EXPECT_TRUE(shown.contains(QStringLiteral("a<U+202E>b␀c<U+200B>d")));
    EXPECT_TRUE(shown.contains(QStringLiteral("second line")));
    EXPECT_FALSE(shown.contains(QChar(0x202E)));
    EXPECT_FALSE(shown.contains(QChar(0)));

    // Unfolded, the single 60,000-character line is shortened with a marker, not laid out.
    QElapsedTimer timer;
    timer.start();
    view->setExpanded(1, true);
    dialog.show();
    QApplication::processEvents();
    EXPECT_LT(timer.elapsed(), 500);
    EXPECT_TRUE(view->toPlainText().contains(QStringLiteral("characters not shown")));
    EXPECT_LT(view->toPlainText().size(), 20'000);
}

TEST(LlmCallDialog, ShowsAnInputThatIsNoMessageListAsText)
{
    LlmCallDialog dialog;
    dialog.setCall(makeCall(QStringLiteral(R"("Summarise the bank's mission")")));
    EXPECT_EQ(child<LlmConversationView>(dialog, "conversation")->toPlainText(),
        QStringLiteral("Summarise the bank's mission"));
    dialog.setCall(makeCall(QStringLiteral(R"({"prompt": "x", "n": 12345678901234567890})")));
    EXPECT_TRUE(child<LlmConversationView>(dialog, "conversation")
                    ->toPlainText()
                    .contains(QStringLiteral("\"n\": 12345678901234567890")));
    dialog.setCall(makeCall(std::nullopt));
    EXPECT_EQ(child<LlmConversationView>(dialog, "conversation")->toPlainText(),
        QStringLiteral("(none)"));
}

TEST(LlmCallDialog, RawJsonIsOneClickAwayExactlyAsStored)
{
    LlmCallDialog dialog;
    dialog.setCall(
        makeCall(conversationInput, QStringLiteral(R"({"facts": [1.50, 9007199254740993]})")));
    auto *raw = child<QToolButton>(dialog, "conversationRaw");
    auto *pane = child<JsonPane>(dialog, "conversationJson");
    EXPECT_FALSE(pane->isVisibleTo(&dialog));
    raw->click();
    EXPECT_TRUE(pane->isVisibleTo(&dialog));
    QTRY_VERIFY(!pane->isFormatting());
    EXPECT_TRUE(
        pane->textView()->editor()->toPlainText().contains(QStringLiteral("\"role\": \"system\"")));
    // JSON output opens as JSON, its numbers as stored.
    auto *outputPane = child<JsonPane>(dialog, "outputJson");
    EXPECT_TRUE(child<QToolButton>(dialog, "outputRaw")->isChecked());
    QTRY_VERIFY(!outputPane->isFormatting());
    EXPECT_TRUE(outputPane->textView()->editor()->toPlainText().contains(
        QStringLiteral("9007199254740993")));
    EXPECT_TRUE(outputPane->textView()->editor()->toPlainText().contains(QStringLiteral("1.50")));
    // Text output reads as text.
    dialog.setCall(makeCall(conversationInput, QStringLiteral(R"("Alice moved it.")")));
    EXPECT_FALSE(child<QToolButton>(dialog, "outputRaw")->isChecked());
    EXPECT_EQ(child<LlmConversationView>(dialog, "output")->toPlainText(),
        QStringLiteral("Alice moved it."));
}

TEST(LlmCallDialog, AFailedCallOpensOnItsErrorMarkedNotByColourAlone)
{
    LlmCallDialog dialog;
    dialog.setCall(makeCall(
        conversationInput, std::nullopt, QStringLiteral("RateLimitError: 429 Too Many Requests")));
    EXPECT_EQ(child<QLabel>(dialog, "status")->text(), QStringLiteral("✖ error"));
    auto *tabs = dialog.findChild<QTabWidget *>();
    EXPECT_EQ(tabs->tabText(tabs->currentIndex()), QStringLiteral("✖ Error"));
    EXPECT_TRUE(child<LlmConversationView>(dialog, "error")
                    ->toPlainText()
                    .contains(QStringLiteral("429 Too Many Requests")));

    dialog.setCall(makeCall(conversationInput, QStringLiteral("\"fine\"")));
    EXPECT_EQ(child<QLabel>(dialog, "status")->text(), QStringLiteral("success"));
    EXPECT_FALSE(tabs->isTabEnabled(2));
    EXPECT_EQ(tabs->currentIndex(), 0);
}

TEST(LlmCallDialog, HeaderShowsMicrosecondsTokensAndModel)
{
    LlmCallDialog dialog;
    dialog.setUtc(true);
    dialog.setCall(makeCall(conversationInput));
    EXPECT_EQ(child<QLabel>(dialog, "started")->text(),
        QStringLiteral("2026-03-27 10:15:30.123456 +00:00"));
    EXPECT_EQ(child<QLabel>(dialog, "tokens")->text(),
        QStringLiteral("in 1,234 · out 567 · cached 0 · total 1,801"));
    EXPECT_TRUE(child<QLabel>(dialog, "model")->text().contains(QStringLiteral("gpt-4o-mini")));
    EXPECT_EQ(child<QLabel>(dialog, "duration")->text(), QStringLiteral("2.50 s"));
}

TEST(LlmCallDialog, MetadataNamesTheDocumentAndMemoriesCopyably)
{
    LlmCallDialog dialog;
    dialog.setCall(makeCall(conversationInput, std::nullopt, std::nullopt,
        QStringLiteral(R"({"document_id": "doc-42", "memory_ids": ["m-1", "m-2"], )"
                       R"("source_memory_ids": ["s-9"]})")));
    EXPECT_EQ(child<QPlainTextEdit>(dialog, "documentId")->toPlainText(), QStringLiteral("doc-42"));
    EXPECT_EQ(
        child<QPlainTextEdit>(dialog, "memoryIds")->toPlainText(), QStringLiteral("m-1\nm-2"));
    EXPECT_EQ(
        child<QPlainTextEdit>(dialog, "sourceMemoryIds")->toPlainText(), QStringLiteral("s-9"));
    child<QToolButton>(dialog, "memoryIdsCopy")->click();
    EXPECT_EQ(QApplication::clipboard()->text(), QStringLiteral("m-1\nm-2"));

    dialog.setCall(makeCall(conversationInput));
    EXPECT_FALSE(child<QPlainTextEdit>(dialog, "documentId")->isVisibleTo(&dialog));
}
