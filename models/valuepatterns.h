#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <bitset>
#include <vector>

// A run of text [start, end), in the units of the text it was found in.
struct TextSpan
{
    qsizetype start = 0;
    qsizetype end = 0;
};

// SecretMasker's value patterns, compiled once: regular expressions searched in whole
// documents. Exports meet millions of documents, so each pattern's literal start (the
// "sk-" of "\bsk-...") is looked for first, in the UTF-8 bytes as they are; only a
// document holding it is converted and searched. A pattern without one (user rules may
// have none) has every document converted to UTF-16 and searched: slower, and twice the
// document's size in memory for a moment. A pattern's keywords (PatternKeywords), when it
// has them, are looked for instead of its literal start, in any case.
// Thread: any (immutable after construction).
class ValuePatterns
{
public:
    ValuePatterns() = default;
    // Patterns that are not valid regular expressions are skipped (MaskingRules::problems
    // names them).
    explicit ValuePatterns(const QStringList &patterns);

    bool isEmpty() const { return m_patterns.empty(); }

    // Every non-empty match in `text`, sorted by start.
    std::vector<TextSpan> find(QStringView text) const;
    // The same in UTF-8, in byte offsets. Invalid UTF-8 is searched as U+FFFD.
    std::vector<TextSpan> findUtf8(QByteArrayView utf8) const;
    // Where a match that the end of `cutText` cuts off starts: 3 or more characters that
    // could begin one run to the end (a key cut after "sk-ab"). -1 when there is none.
    qsizetype cutMatchStart(QStringView cutText) const;

    // `utf8` as UTF-16 (invalid bytes as U+FFFD), with the byte offset of each UTF-16 unit
    // and of the end in `byteOffsets`.
    static QString decodeUtf8(QByteArrayView utf8, std::vector<qsizetype> &byteOffsets);

    // Texts one of which every match of `pattern` starts with, when they are plain to see
    // (at least 2 characters; a short class such as [pousr] gives one text per member);
    // empty otherwise.
    static QStringList literalPrefixes(const QString &pattern);

private:
    std::vector<TextSpan> find(QStringView text, const std::vector<bool> &candidates) const;

    struct Pattern
    {
        QRegularExpression expression;
        // For partial matches: without a leading \b, which PCRE counts as a character
        // looked at before the match, so the match would seem to start one early.
        QRegularExpression partial;
        QStringList literals;
        bool caseless = false; // the literals are keywords (PatternKeywords)
    };
    std::vector<Pattern> m_patterns;
    // Every literal's first two bytes, so that one pass over a document finds where any
    // literal may start; which pattern each literal belongs to.
    std::bitset<65536> m_literalStarts;
    std::vector<std::pair<QByteArray, size_t>> m_literals;
};
