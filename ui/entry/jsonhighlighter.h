#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

#include <utility>
#include <vector>

// Colours JSON text line by line: keys, strings, numbers, literals (true, false, null),
// punctuation, masked values, and the markers that stand for what a shortened line leaves
// out (ShortenedText). Pretty-printed JSON never continues a token on the next
// line, so no state is carried between blocks. Each format carries its token kind in
// TokenProperty, so what was highlighted can be read back from a block's layout.
// Thread: the thread that owns the document; it may be built on a worker together with
// its document and moved with it (it is the document's child).
class JsonHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    enum class Token { Key = 1, String, Number, Literal, Punctuation, Masked, Shortened };
    static constexpr int TokenProperty = QTextFormat::UserProperty + 1;

    // `dark`: pick the colours that read on a dark base colour.
    JsonHighlighter(QTextDocument *document, bool dark);

    static QTextCharFormat formatFor(Token token, bool dark);

    // On demand: the document was filled without the highlighter hearing of it, and the
    // view calls rehighlightBlock() for the blocks it shows.
    void setOnDemand(bool onDemand) { m_onDemand = onDemand; }
    bool isOnDemand() const { return m_onDemand; }
    // Where the markers of shortened lines are: [start, end) in the document, in order. Set
    // before the document is filled.
    void setMarkers(std::vector<std::pair<qsizetype, qsizetype>> markers)
    {
        m_markers = std::move(markers);
    }

protected:
    void highlightBlock(const QString &text) override;

private:
    QTextCharFormat m_key;
    QTextCharFormat m_string;
    QTextCharFormat m_number;
    QTextCharFormat m_literal;
    QTextCharFormat m_punctuation;
    QTextCharFormat m_masked;
    QTextCharFormat m_shortened;
    std::vector<std::pair<qsizetype, qsizetype>> m_markers;
    bool m_onDemand = false;
};
