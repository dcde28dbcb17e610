#include "jsonhighlighter.h"

#include "secretmasker.h"
#include "theme.h"

#include <QTextBlock>

#include <algorithm>

namespace {

bool isSpace(QChar c)
{
    return c == QLatin1Char(' ') || c == QLatin1Char('\t') || c == QLatin1Char('\r');
}

bool isNumberChar(QChar c)
{
    return (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('-')
        || c == QLatin1Char('+') || c == QLatin1Char('.') || c == QLatin1Char('e')
        || c == QLatin1Char('E');
}

bool isPunctuation(QChar c)
{
    return c == QLatin1Char('{') || c == QLatin1Char('}') || c == QLatin1Char('[')
        || c == QLatin1Char(']') || c == QLatin1Char(':') || c == QLatin1Char(',');
}

// One past the closing quote of the string starting at `start`, or the line's end when
// the string is cut off (a truncated document).
qsizetype endOfString(const QString &text, qsizetype start)
{
    qsizetype i = start + 1;
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('\\')) {
            i += 2;
            continue;
        }
        ++i;
        if (c == QLatin1Char('"')) {
            return i;
        }
    }
    return text.size();
}

} // namespace

JsonHighlighter::JsonHighlighter(QTextDocument *document, bool dark)
    : QSyntaxHighlighter(document)
    , m_key(formatFor(Token::Key, dark))
    , m_string(formatFor(Token::String, dark))
    , m_number(formatFor(Token::Number, dark))
    , m_literal(formatFor(Token::Literal, dark))
    , m_punctuation(formatFor(Token::Punctuation, dark))
    , m_masked(formatFor(Token::Masked, dark))
    , m_shortened(formatFor(Token::Shortened, dark))
{
}

QTextCharFormat JsonHighlighter::formatFor(Token token, bool dark)
{
    const Theme::JsonColors colors = Theme::jsonColors(dark);
    QColor color;
    switch (token) {
    case Token::Key:
        color = colors.key;
        break;
    case Token::String:
        color = colors.string;
        break;
    case Token::Number:
        color = colors.number;
        break;
    case Token::Literal:
        color = colors.literal;
        break;
    case Token::Punctuation:
        color = colors.punctuation;
        break;
    case Token::Masked:
        color = colors.masked;
        break;
    case Token::Shortened:
        color = colors.shortened;
        break;
    }
    QTextCharFormat format;
    format.setForeground(color);
    if (token == Token::Key) {
        format.setFontWeight(QFont::DemiBold);
    }
    if (token == Token::Masked || token == Token::Shortened) {
        format.setFontItalic(true);
    }
    if (token == Token::Shortened) {
        // A band, so that it does not read as part of the value.
        format.setBackground(colors.shortenedBackground);
    }
    format.setProperty(TokenProperty, static_cast<int>(token));
    return format;
}

void JsonHighlighter::highlightBlock(const QString &text)
{
    static const QString maskText = SecretMasker::maskText();
    const qsizetype length = text.size();
    qsizetype i = 0;
    while (i < length) {
        const QChar c = text.at(i);
        if (isSpace(c)) {
            ++i;
        } else if (c == QLatin1Char('"')) {
            const qsizetype end = endOfString(text, i);
            qsizetype next = end;
            while (next < length && isSpace(text.at(next))) {
                ++next;
            }
            const bool isKey = next < length && text.at(next) == QLatin1Char(':');
            const bool masked
                = !isKey && QStringView(text).mid(i, end - i).contains(QStringView(maskText));
            setFormat(static_cast<int>(i), static_cast<int>(end - i),
                isKey ? m_key : (masked ? m_masked : m_string));
            i = end;
        } else if (isPunctuation(c)) {
            setFormat(static_cast<int>(i), 1, m_punctuation);
            ++i;
        } else if (isNumberChar(c)) {
            qsizetype end = i + 1;
            while (end < length && isNumberChar(text.at(end))) {
                ++end;
            }
            setFormat(static_cast<int>(i), static_cast<int>(end - i), m_number);
            i = end;
        } else if (c.isLetter()) {
            qsizetype end = i + 1;
            while (end < length && text.at(end).isLetter()) {
                ++end;
            }
            const QStringView word = QStringView(text).mid(i, end - i);
            if (word == u"true" || word == u"false" || word == u"null") {
                setFormat(static_cast<int>(i), static_cast<int>(end - i), m_literal);
            }
            i = end;
        } else {
            ++i;
        }
    }
    const qsizetype blockStart = currentBlock().position();
    auto marker = std::upper_bound(m_markers.begin(), m_markers.end(), blockStart,
        [](qsizetype at, const std::pair<qsizetype, qsizetype> &m) { return at < m.second; });
    for (; marker != m_markers.end() && marker->first < blockStart + length; ++marker) {
        const qsizetype from = std::max(marker->first, blockStart) - blockStart;
        const qsizetype to = std::min(marker->second, blockStart + length) - blockStart;
        setFormat(static_cast<int>(from), static_cast<int>(to - from), m_shortened);
    }
}
