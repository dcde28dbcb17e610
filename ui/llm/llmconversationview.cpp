#include "llmconversationview.h"

#include "displaytext.h"
#include "shortenedtext.h"
#include "theme.h"

#include <QLocale>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFragment>
#include <QUrl>

#include <algorithm>
#include <climits>

namespace {

// Text shown line by line by the display rule, keeping its line breaks and tabs.
QString safeLines(const QString &text)
{
    QStringList lines = text.split(QLatin1Char('\n'));
    for (QString &line : lines) {
        if (line.endsWith(QLatin1Char('\r'))) {
            line.chop(1);
        }
        QStringList cells = line.split(QLatin1Char('\t'));
        for (QString &cell : cells) {
            cell = visibleText(cell);
        }
        line = cells.join(QLatin1Char('\t'));
    }
    return lines.join(QChar::LineSeparator);
}

// The start of `text` a folded message shows: kFoldLength characters, at most kFoldLines
// lines, never half a surrogate pair.
QString foldedStart(const QString &text)
{
    qsizetype end = std::min(text.size(), LlmConversationView::kFoldLength);
    qsizetype at = -1;
    for (int line = 0; line < LlmConversationView::kFoldLines; ++line) {
        at = text.indexOf(QLatin1Char('\n'), at + 1);
        if (at < 0) {
            break;
        }
    }
    if (at >= 0) {
        end = std::min(end, at);
    }
    if (end > 0 && end < text.size() && text.at(end - 1).isHighSurrogate()) {
        --end;
    }
    return text.left(end);
}

} // namespace

LlmConversationView::LlmConversationView(QWidget *parent)
    : QTextBrowser(parent)
{
    setOpenLinks(false);
    setOpenExternalLinks(false);
    setUndoRedoEnabled(false);
    connect(this, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        const QString link = url.toString();
        const int index = link.section(QLatin1Char(':'), 1).toInt();
        setExpanded(index, link.startsWith(QLatin1String("expand:")));
    });
}

void LlmConversationView::setConversation(const LlmConversation &conversation)
{
    m_conversation = conversation;
    m_expanded.clear();
    render();
    verticalScrollBar()->setValue(0);
}

void LlmConversationView::setExpanded(int index, bool expanded)
{
    if (expanded == m_expanded.contains(index)) {
        return;
    }
    if (expanded) {
        m_expanded.insert(index);
    } else {
        m_expanded.remove(index);
    }
    const int scroll = verticalScrollBar()->value();
    render();
    verticalScrollBar()->setValue(scroll);
}

bool LlmConversationView::isFoldable(int index) const
{
    const QString &text = !m_conversation.messages.isEmpty()
        ? m_conversation.messages.value(index).text
        : m_conversation.text;
    return foldedStart(text).size() < text.size();
}

QStringList LlmConversationView::links() const
{
    QStringList found;
    for (QTextBlock block = document()->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            if (it.fragment().charFormat().isAnchor()) {
                found.append(it.fragment().charFormat().anchorHref());
            }
        }
    }
    return found;
}

void LlmConversationView::render()
{
    document()->clear();
    const LlmConversation &c = m_conversation;
    switch (c.shape) {
    case LlmConversation::Shape::None:
        appendBlock(QString(), QString(), -1);
        break;
    case LlmConversation::Shape::Truncated: {
        QTextCursor cursor(document());
        QTextCharFormat notice;
        notice.setForeground(Theme::noticeText(palette()));
        notice.setFontWeight(QFont::Bold);
        // Counts as tr()'s plural count: a stored document stays far below INT_MAX.
        const auto count = [](qint64 n) { return int(std::min<qint64>(n, INT_MAX)); };
        cursor.insertText(c.originalChars > 0
                ? tr("Hindsight stored the first %1 of %Ln characters; the rest was not kept.",
                    nullptr, count(c.originalChars))
                      .arg(QLocale().toString(c.keptChars))
                : tr(
                    "Hindsight stored only the first %Ln characters.", nullptr, count(c.keptChars)),
            notice);
        if (c.messages.isEmpty()) {
            appendBlock(tr("preview"), c.text, 0);
            break;
        }
        appendMessages();
        cursor.movePosition(QTextCursor::End);
        cursor.insertBlock();
        cursor.insertText(tr("⟪ cut here: Hindsight did not keep the rest ⟫"), notice);
        break;
    }
    case LlmConversation::Shape::Messages:
        appendMessages();
        break;
    case LlmConversation::Shape::Text:
        appendBlock(QString(), c.text, 0);
        break;
    }
}

void LlmConversationView::appendMessages()
{
    const QList<LlmMessage> &messages = m_conversation.messages;
    for (int i = 0; i < messages.size(); ++i) {
        appendBlock(
            messages[i].role.isEmpty() ? tr("(no role)") : messages[i].role, messages[i].text, i);
    }
}

void LlmConversationView::appendBlock(const QString &role, const QString &text, int index)
{
    QTextCursor cursor(document());
    cursor.movePosition(QTextCursor::End);
    const bool first = document()->isEmpty();
    QTextBlockFormat spaced;
    spaced.setTopMargin(first ? 0 : 10);
    if (!role.isEmpty()) {
        if (!first) {
            cursor.insertBlock(spaced);
        }
        QTextCharFormat label;
        label.setFontWeight(QFont::Bold);
        label.setForeground(Theme::badge(role));
        cursor.insertText(visibleText(role), label);
    }
    QTextBlockFormat body;
    body.setLeftMargin(role.isEmpty() ? 0 : 12);
    body.setTopMargin(role.isEmpty() && !first ? 10 : 2);
    if (!document()->isEmpty()) {
        cursor.insertBlock(body);
    } else {
        cursor.setBlockFormat(body);
    }
    QTextCharFormat plain;
    if (index < 0 || text.isEmpty()) {
        plain.setForeground(palette().color(QPalette::PlaceholderText));
        cursor.insertText(index < 0 ? tr("(none)") : tr("(empty)"), plain);
        return;
    }
    const bool foldable = isFoldable(index);
    const bool folded = foldable && !m_expanded.contains(index);
    cursor.insertText(safeLines(folded ? foldedStart(text) + QStringLiteral(" …")
                                       : ShortenedText::shorten(text).text),
        plain);
    if (foldable) {
        QTextBlockFormat linkBlock = body;
        linkBlock.setTopMargin(4);
        cursor.insertBlock(linkBlock);
        QTextCharFormat link;
        link.setAnchor(true);
        link.setAnchorHref(QStringLiteral("%1:%2")
                               .arg(folded ? QStringLiteral("expand") : QStringLiteral("fold"))
                               .arg(index));
        link.setForeground(palette().color(QPalette::Link));
        link.setFontUnderline(true);
        cursor.insertText(
            folded ? tr("Show all %Ln characters", nullptr, int(text.size())) : tr("Show less"),
            link);
    }
}
