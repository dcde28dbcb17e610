#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

// Colours JSON text line by line: keys, strings, numbers, literals (true, false, null),
// punctuation, and masked values. Pretty-printed JSON never continues a token on the next
// line, so no state is carried between blocks. Each format carries its token kind in
// TokenProperty, so what was highlighted can be read back from a block's layout.
// Thread: the thread that owns the document; it may be built on a worker together with
// its document and moved with it (it is the document's child).
class JsonHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    enum class Token { Key = 1, String, Number, Literal, Punctuation, Masked };
    static constexpr int TokenProperty = QTextFormat::UserProperty + 1;

    // `dark`: pick the colours that read on a dark base colour.
    JsonHighlighter(QTextDocument *document, bool dark);

    static QTextCharFormat formatFor(Token token, bool dark);

    // On demand: the document was filled without the highlighter hearing of it, and the
    // view calls rehighlightBlock() for the blocks it shows.
    void setOnDemand(bool onDemand) { m_onDemand = onDemand; }
    bool isOnDemand() const { return m_onDemand; }

protected:
    void highlightBlock(const QString &text) override;

private:
    QTextCharFormat m_key;
    QTextCharFormat m_string;
    QTextCharFormat m_number;
    QTextCharFormat m_literal;
    QTextCharFormat m_punctuation;
    QTextCharFormat m_masked;
    bool m_onDemand = false;
};
