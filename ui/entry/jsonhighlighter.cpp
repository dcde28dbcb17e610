#include "jsonhighlighter.h"

#include "secretmasker.h"

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
    // Pairs chosen for contrast on a white and on a near-black base.
    QColor color;
    switch (token) {
    case Token::Key:
        color = dark ? QColor(0x8c, 0xc4, 0xff) : QColor(0x0b, 0x4f, 0x9c);
        break;
    case Token::String:
        color = dark ? QColor(0xa6, 0xd9, 0x8f) : QColor(0x1d, 0x6e, 0x2f);
        break;
    case Token::Number:
        color = dark ? QColor(0xf2, 0xb2, 0x6b) : QColor(0x9a, 0x45, 0x00);
        break;
    case Token::Literal:
        color = dark ? QColor(0xd7, 0xa4, 0xf5) : QColor(0x80, 0x1f, 0x9e);
        break;
    case Token::Punctuation:
        color = dark ? QColor(0x9d, 0xa7, 0xb3) : QColor(0x5a, 0x63, 0x6e);
        break;
    case Token::Masked:
        color = dark ? QColor(0xff, 0x9e, 0x9e) : QColor(0xa3, 0x1f, 0x1f);
        break;
    case Token::Shortened:
        color = dark ? QColor(0xc8, 0xcd, 0xd4) : QColor(0x4a, 0x52, 0x5c);
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
        format.setBackground(dark ? QColor(0x3a, 0x3f, 0x47) : QColor(0xe4, 0xe7, 0xeb));
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
