// The entry window on a document with a line Qt cannot lay out quickly: one string of a
// million characters. The text view shortens that line and says so; the tree, Copy value
// and "Copy the whole line" keep every character.
#include "hindsightsecrets.h"
#include "jsonhighlighter.h"
#include "jsonpane.h"
#include "jsontextview.h"
#include "screenshot.h"
#include "shortenedtext.h"

#include <QAction>
#include <QCheckBox>
#include <QClipboard>
#include <QGuiApplication>
#include <QLabel>
#include <QMenu>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>
#include <QToolButton>
#include <QTreeView>

#include <gtest/gtest.h>

#include <memory>

namespace {

// A retain request whose content is one string of `length` characters, after an API key.
QString retainRequest(qsizetype length)
{
    QString content;
    content.reserve(length);
    const QString sentence = QStringLiteral("Alice moved the Q3 launch to September. ");
    while (content.size() < length) {
        content += sentence;
    }
    content.truncate(length);
    return QStringLiteral(R"({"api_key": "%1", "items": [{"content": "%2", "context": "notes"}]})")
        .arg(HindsightSecrets::bankApiKey, content);
}

// Shows `stored` in a fresh pane and waits until it is formatted.
std::unique_ptr<JsonPane> showDocument(const QString &stored)
{
    auto pane = std::make_unique<JsonPane>();
    pane->resize(900, 600);
    pane->show();
    QSignalSpy formatted(pane.get(), &JsonPane::formattingFinished);
    pane->setDocument(stored);
    if (pane->isFormatting()) {
        EXPECT_TRUE(formatted.wait(20000));
    }
    return pane;
}

qsizetype longestBlock(const QTextDocument *document)
{
    qsizetype longest = 0;
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        longest = std::max<qsizetype>(longest, block.length() - 1);
    }
    return longest;
}

QString statusText(const JsonPane &pane)
{
    for (const QLabel *label : pane.findChildren<QLabel *>()) {
        if (label->text().contains(QLatin1String(" line"))) {
            return label->text();
        }
    }
    return {};
}

} // namespace

TEST(ShortenedLines, AMegabyteStringIsShortenedInTheTextAndWholeInTheTree)
{
    const qsizetype length = 1'000'000;
    const QString stored = retainRequest(length);
    const std::unique_ptr<JsonPane> pane = showDocument(stored);
    ASSERT_FALSE(pane->isFormatting());
    QPlainTextEdit *edit = pane->textView()->editor();

    // No line Qt must lay out is longer than the limit; the long one reads how much is left
    // out, in its own format, and still ends as the JSON does.
    EXPECT_LT(longestBlock(edit->document()), ShortenedText::maxLineLength);
    QTextBlock line;
    for (QTextBlock block = edit->document()->begin(); block.isValid(); block = block.next()) {
        if (block.text().contains(QLatin1String("\"content\""))) {
            line = block;
        }
    }
    ASSERT_TRUE(line.isValid());
    const qsizetype lineLength = QStringLiteral("      \"content\": \"\",").size() + length;
    const qsizetype hidden = lineLength - ShortenedText::headLength - ShortenedText::tailLength;
    const QString marker = ShortenedText::marker(hidden);
    const qsizetype markerColumn = line.text().indexOf(marker);
    ASSERT_GE(markerColumn, ShortenedText::headLength) << line.text().left(100).toStdString();
    EXPECT_TRUE(line.text().endsWith(QLatin1String("\",")));
    int token = 0;
    for (const QTextLayout::FormatRange &range : line.layout()->formats()) {
        if (range.start <= markerColumn && markerColumn < range.start + range.length) {
            token = range.format.property(JsonHighlighter::TokenProperty).toInt();
        }
    }
    EXPECT_EQ(token, static_cast<int>(JsonHighlighter::Token::Shortened));
    EXPECT_TRUE(statusText(*pane).endsWith(QLatin1String(", 1 shortened")))
        << statusText(*pane).toStdString();

    // The secret before it is still hidden, and can still be revealed by a click on it.
    const QString text = edit->toPlainText();
    EXPECT_TRUE(HindsightSecrets::leaked(text).isEmpty());
    const auto secret = static_cast<int>(text.indexOf(QStringLiteral("\"••••\"")) + 2);
    ASSERT_GE(secret, 2);
    EXPECT_GE(pane->textView()->maskedValueAt(secret), 0);

    // "Copy the whole line" copies every character of it, as the view shows the JSON.
    QTextCursor cursor(edit->document());
    cursor.setPosition(line.position() + 6);
    std::unique_ptr<QMenu> menu(
        pane->textView()->createContextMenu(edit->cursorRect(cursor).center()));
    auto *copyLine = menu->findChild<QAction *>(QStringLiteral("copyWholeLine"));
    ASSERT_NE(copyLine, nullptr);
    copyLine->trigger();
    const QString copied = QGuiApplication::clipboard()->text();
    EXPECT_EQ(copied.size(), lineLength);
    EXPECT_TRUE(copied.startsWith(QLatin1String("      \"content\": \"Alice moved")));
    EXPECT_FALSE(copied.contains(marker));
    // Not offered on a line that is whole.
    cursor.setPosition(edit->document()->firstBlock().next().position() + 2);
    menu.reset(pane->textView()->createContextMenu(edit->cursorRect(cursor).center()));
    EXPECT_EQ(menu->findChild<QAction *>(QStringLiteral("copyWholeLine")), nullptr);

    // For a look by eye: wrapped, around the marker.
    if (!qEnvironmentVariableIsEmpty("AUDIT_VIEWER_SCREENSHOT_DIR")) {
        pane->findChild<QCheckBox *>(QStringLiteral("wrapLines"))->setChecked(true);
        cursor.setPosition(static_cast<int>(line.position() + markerColumn));
        edit->setTextCursor(cursor);
        edit->centerCursor();
        saveScreenshot(*pane, QStringLiteral("shortened-line.png"));
    }

    // The tree and its Copy value have the whole value.
    QTest::mouseClick(
        pane->findChild<QToolButton *>(QStringLiteral("treeViewButton")), Qt::LeftButton);
    QAbstractItemModel *model = pane->treeView()->model();
    // The tree reads its children as they are first asked for.
    auto child = [model](const QModelIndex &parent, int row) {
        while (model->canFetchMore(parent)) {
            model->fetchMore(parent);
        }
        return model->index(row, 0, parent);
    };
    const QModelIndex content = child(child(child(child({}, 0), 1), 0), 0);
    ASSERT_EQ(content.data().toString(), QStringLiteral("content"));
    pane->treeView()->setCurrentIndex(content);
    pane->copyValueAction()->trigger();
    EXPECT_EQ(QGuiApplication::clipboard()->text().size(), length);
}

TEST(ShortenedLines, LinesUpToTheLimitAreShownWhole)
{
    // Exactly maxLineLength characters on the content's line: kept as stored.
    const qsizetype length
        = ShortenedText::maxLineLength - 6 - QStringLiteral("\"content\": \"\",").size();
    const std::unique_ptr<JsonPane> pane = showDocument(retainRequest(length));
    QPlainTextEdit *edit = pane->textView()->editor();
    EXPECT_EQ(longestBlock(edit->document()), ShortenedText::maxLineLength);
    EXPECT_FALSE(edit->toPlainText().contains(QStringLiteral("not shown")));
    EXPECT_FALSE(statusText(*pane).contains(QLatin1String("shortened")))
        << statusText(*pane).toStdString();
}
