#pragma once

#include "llmconversation.h"

#include <QSet>
#include <QTextBrowser>

// A call's input as a conversation: each message's role, then its content as plain text.
// Content longer than kFoldLength characters (or kFoldLines lines) is folded to its start
// with a "Show all N characters" link; unfolded, lines over 10,000 characters are still
// shortened with a marker (ShortenedText: the Raw JSON view has every character). An input
// Hindsight cut says how much it kept; an input that is not a message list is shown as text.
// Text is display-safe (control and bidi characters shown, not obeyed; displaytext.h) and
// comes masked from LlmConversation. Used for the output and the error text too.
// Thread: the GUI thread.
class LlmConversationView : public QTextBrowser
{
    Q_OBJECT
public:
    explicit LlmConversationView(QWidget *parent = nullptr);

    static constexpr qsizetype kFoldLength = 1500;
    static constexpr int kFoldLines = 24;

    // Shows `conversation` with every long message folded.
    void setConversation(const LlmConversation &conversation);
    const LlmConversation &conversation() const { return m_conversation; }
    // Unfolds (or folds again) message `index` (0 for the text of a non-list input).
    void setExpanded(int index, bool expanded);
    bool isExpanded(int index) const { return m_expanded.contains(index); }
    // Whether message `index` is long enough to fold.
    bool isFoldable(int index) const;
    // The links the text shows ("expand:3", "fold:3"), in order.
    QStringList links() const;

private:
    void render();
    void appendMessages();
    void appendBlock(const QString &role, const QString &text, int index);

    LlmConversation m_conversation;
    QSet<int> m_expanded;
};
