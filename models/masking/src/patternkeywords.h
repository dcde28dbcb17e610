#pragma once

#include <QRegularExpression>
#include <QString>
#include <QStringList>

// Keywords of a value pattern, as gitleaks has them: words one of which (in any case) a
// document holds wherever the pattern matches it. ValuePatterns looks for them first, as
// it does for a pattern's literal start, so that a rule whose expression starts with a
// group or (?i) costs a search only in the documents that mention one of its words.
// They travel inside the pattern, as a regular-expression comment in front of it, so the
// rules dialog, the settings and a rules file keep them without a field of their own:
// "(?#keywords: akia, asia)\b((?:AKIA|ASIA)[A-Z2-7]{16})\b". Each keyword is ASCII, two
// characters or more, without spaces, commas or parentheses; a list with another is not
// written (the pattern is then searched in every document).
// Thread: any.
namespace PatternKeywords {

inline bool usable(const QString &keyword)
{
    static const QRegularExpression plain(QStringLiteral("^[\\x21-\\x7E]{2,}$"));
    return plain.match(keyword).hasMatch() && !keyword.contains(QLatin1Char(','))
        && !keyword.contains(QLatin1Char('(')) && !keyword.contains(QLatin1Char(')'));
}

// `pattern` with `keywords` in front (lowercase), or `pattern` alone when there are none or
// one of them is not usable.
inline QString withKeywords(const QStringList &keywords, const QString &pattern)
{
    if (keywords.isEmpty()) {
        return pattern;
    }
    for (const QString &keyword : keywords) {
        if (!usable(keyword)) {
            return pattern;
        }
    }
    return QStringLiteral("(?#keywords: %1)").arg(keywords.join(QLatin1String(", ")).toLower())
        + pattern;
}

// The keywords in front of `pattern` (lowercase), or none.
inline QStringList of(const QString &pattern)
{
    static const QRegularExpression comment(QStringLiteral("^\\(\\?#keywords:([^)]*)\\)"));
    const QRegularExpressionMatch match = comment.match(pattern);
    if (!match.hasMatch()) {
        return {};
    }
    QStringList keywords;
    for (const QString &keyword : match.captured(1).split(QLatin1Char(','))) {
        if (!usable(keyword.trimmed())) {
            return {};
        }
        keywords.append(keyword.trimmed().toLower());
    }
    return keywords;
}

// `pattern` without its keywords.
inline QString withoutKeywords(const QString &pattern)
{
    static const QRegularExpression comment(QStringLiteral("^\\(\\?#keywords:[^)]*\\)"));
    return QString(pattern).remove(comment);
}

} // namespace PatternKeywords
