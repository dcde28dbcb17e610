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
    // The span is the secret part of a match (a pattern's group named "secret"): only it is
    // hidden, the text around it stays. Otherwise the span is a whole match, and the whole
    // string holding it is hidden.
    bool part = false;
};

// SecretMasker's value patterns, compiled once: regular expressions searched in whole
// documents. A pattern with a group named "secret" ("://[^:@/]*:(?<secret>[^@/]+)@")
// reports that group's text rather than the whole match. Exports meet millions of documents, so
// each pattern's literal start (the "sk-" of "\bsk-...") is looked for first, in the UTF-8 bytes as
// they are; only a document holding it is converted and searched. A pattern without one (user rules
// may have none) has every document converted to UTF-16 and searched: slower, and twice the
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
    // A match that the end of `cutText` cuts off: 3 or more characters that could begin one
    // run to the end (a key cut after "sk-ab"); for a pattern with a secret group, what
    // there is of that group ("://app:hun" gives "hun"), and nothing when the cut falls
    // before it. The span runs to the end of `cutText`; start -1 when there is none. When
    // several patterns are cut off, the earliest start counts, and the span is a part only
    // when every one of them is.
    TextSpan cutMatch(QStringView cutText) const;

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
        int secretGroup = -1; // the number of the group named "secret", or -1
        // What precedes the secret group (anchored), for cut-off text; invalid when the
        // group is nested or named another way, and then a cut match is a whole match.
        QRegularExpression lead;
        bool caseless = false; // the literals are keywords (PatternKeywords)
    };
    std::vector<Pattern> m_patterns;
    // Every literal's first two bytes, so that one pass over a document finds where any
    // literal may start; the literals sorted by those two bytes, with the pattern each
    // belongs to, so that a place is compared with the literals that start there only.
    struct Literal
    {
        size_t bigram;
        QByteArray text;
        size_t pattern;
    };
    std::bitset<65536> m_literalStarts;
    std::vector<Literal> m_literals;
};
