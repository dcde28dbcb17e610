#include "valuepatterns.h"

#include "jsonlexical.h"
#include "patternkeywords.h"

#include <algorithm>
#include <cstring>

namespace {

// The shortest tail of a cut-off string that is taken for the start of a secret: "sk-"
// or "eyJ" are, a lone "s" or "ey" at the end of a sentence are not.
constexpr qsizetype kMinimumPartialMatch = 3;

// The group of a value pattern that is hidden instead of the whole match.
const QString kSecretGroup = QStringLiteral("secret");

bool isAscii(QByteArrayView bytes)
{
    unsigned char seen = 0;
    for (const char c : bytes) {
        seen |= static_cast<unsigned char>(c);
    }
    return seen < 0x80;
}

} // namespace

QString ValuePatterns::decodeUtf8(QByteArrayView utf8, std::vector<qsizetype> &byteOffset)
{
    QString text;
    text.reserve(utf8.size());
    byteOffset.clear();
    byteOffset.reserve(size_t(utf8.size()) + 1);
    const char *begin = utf8.data();
    const char *end = begin + utf8.size();
    for (const char *p = begin; p < end;) {
        const unsigned char lead = static_cast<unsigned char>(*p);
        const qsizetype at = p - begin;
        if (lead < 0x80) {
            text.append(QChar(lead));
            byteOffset.push_back(at);
            ++p;
            continue;
        }
        const int length = JsonLexical::utf8SequenceLength(p, end);
        if (length <= 0) {
            text.append(QChar(QChar::ReplacementCharacter));
            byteOffset.push_back(at);
            ++p;
            continue;
        }
        char32_t cp = lead & (0x7F >> length);
        for (int i = 1; i < length; ++i) {
            cp = cp << 6 | (static_cast<unsigned char>(p[i]) & 0x3F);
        }
        if (cp > 0xFFFF) {
            text.append(QChar(QChar::highSurrogate(cp)));
            text.append(QChar(QChar::lowSurrogate(cp)));
            byteOffset.push_back(at);
            byteOffset.push_back(at);
        } else {
            text.append(QChar(char16_t(cp)));
            byteOffset.push_back(at);
        }
        p += length;
    }
    byteOffset.push_back(utf8.size());
    return text;
}

namespace {

bool hasTopLevelAlternation(const QString &pattern)
{
    int depth = 0;
    bool inClass = false;
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QChar c = pattern.at(i);
        if (c == QLatin1Char('\\')) {
            ++i; // an escaped character is never syntax
        } else if (inClass) {
            inClass = c != QLatin1Char(']');
        } else if (c == QLatin1Char('[')) {
            inClass = true;
            // A ']' right after '[' or '[^' belongs to the class.
            if (i + 1 < pattern.size() && pattern.at(i + 1) == QLatin1Char('^')) {
                ++i;
            }
            if (i + 1 < pattern.size() && pattern.at(i + 1) == QLatin1Char(']')) {
                ++i;
            }
        } else if (c == QLatin1Char('(')) {
            ++depth;
        } else if (c == QLatin1Char(')')) {
            depth = std::max(0, depth - 1);
        } else if (c == QLatin1Char('|') && depth == 0) {
            return true;
        }
    }
    return false;
}

// The first two bytes of a literal (every literal has two) as one number.
size_t bigram(const char *bytes)
{
    return size_t(static_cast<unsigned char>(bytes[0]))
        | size_t(static_cast<unsigned char>(bytes[1])) << 8;
}

// Whether `literal` is at `at`; a keyword (lowercase) in any case of its ASCII letters.
bool literalAt(const char *at, const QByteArray &literal, bool caseless)
{
    if (!caseless) {
        return std::memcmp(at, literal.data(), size_t(literal.size())) == 0;
    }
    for (qsizetype i = 0; i < literal.size(); ++i) {
        const char c = at[i];
        if ((c >= 'A' && c <= 'Z' ? char(c + ('a' - 'A')) : c) != literal[i]) {
            return false;
        }
    }
    return true;
}

bool isPlainLiteral(QChar c)
{
    static const QString punctuation = QStringLiteral("_-=:/@!#%&,;<>'\"~ ");
    return c.unicode() < 0x80 && (c.isLetterOrNumber() || punctuation.contains(c));
}

} // namespace

ValuePatterns::ValuePatterns(const QStringList &patterns)
{
    for (const QString &pattern : patterns) {
        QRegularExpression expression(pattern);
        if (!expression.isValid()) {
            continue;
        }
        expression.optimize();
        QString unbounded = PatternKeywords::withoutKeywords(pattern);
        while (unbounded.startsWith(QLatin1String("\\b"))) {
            unbounded.remove(0, 2);
        }
        QRegularExpression partial(unbounded);
        if (!partial.isValid()) {
            partial = expression;
        }
        // Keywords (gitleaks') stand in for a literal start, in any case.
        const QStringList keywords = PatternKeywords::of(pattern);
        Pattern compiled { expression, partial,
            keywords.isEmpty() ? literalPrefixes(pattern) : keywords, -1, {}, !keywords.isEmpty() };
        compiled.secretGroup = int(expression.namedCaptureGroups().indexOf(kSecretGroup));
        if (compiled.secretGroup > 0) {
            for (const QLatin1String opening :
                { QLatin1String("(?<secret>"), QLatin1String("(?P<secret>") }) {
                const qsizetype at = unbounded.indexOf(opening);
                if (at >= 0) {
                    compiled.lead = QRegularExpression(unbounded.left(at));
                    break;
                }
            }
        }
        for (const QString &literal : std::as_const(compiled.literals)) {
            const QByteArray bytes = literal.toUtf8();
            // A keyword is filed under every case of its first two bytes.
            std::vector<size_t> starts { bigram(bytes.data()) };
            if (compiled.caseless) {
                const QByteArray upper = bytes.toUpper();
                const char lowerUpper[2] = { bytes[0], upper[1] };
                const char upperLower[2] = { upper[0], bytes[1] };
                starts.insert(
                    starts.end(), { bigram(upper.data()), bigram(lowerUpper), bigram(upperLower) });
                std::sort(starts.begin(), starts.end());
                starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
            }
            for (const size_t start : starts) {
                m_literalStarts.set(start);
                m_literals.push_back({ start, bytes, m_patterns.size() });
            }
        }
        m_patterns.push_back(std::move(compiled));
    }
    std::sort(m_literals.begin(), m_literals.end(),
        [](const Literal &a, const Literal &b) { return a.bigram < b.bigram; });
}

QStringList ValuePatterns::literalPrefixes(const QString &pattern)
{
    // An alternation outside any group, or inline options, may let a match start with
    // anything.
    if (hasTopLevelAlternation(pattern) || pattern.startsWith(QLatin1String("(?"))) {
        return {};
    }
    qsizetype i = 0;
    while (i < pattern.size()) {
        if (pattern.mid(i, 2) == QLatin1String("\\b")) {
            i += 2;
        } else if (pattern.at(i) == QLatin1Char('^')) {
            ++i;
        } else {
            break;
        }
    }
    // Each step appends one character, or one of a few ("[pousr]"), to every prefix.
    QStringList prefixes { QString() };
    const auto isOptional = [&pattern](qsizetype next) {
        return next < pattern.size()
            && (pattern.at(next) == QLatin1Char('*') || pattern.at(next) == QLatin1Char('?')
                || pattern.at(next) == QLatin1Char('{'));
    };
    while (i < pattern.size()) {
        const QChar c = pattern.at(i);
        QString choices;
        qsizetype next = i + 1;
        if (isPlainLiteral(c)) {
            choices = c;
        } else if (c == QLatin1Char('\\') && i + 1 < pattern.size()
            && pattern.at(i + 1).unicode() < 0x80 && !pattern.at(i + 1).isLetterOrNumber()) {
            choices = pattern.at(i + 1); // an escaped punctuation character: \. \-
            next = i + 2;
        } else if (c == QLatin1Char('[')) {
            // A short class of plain letters and digits, no ranges: one prefix per member.
            const qsizetype close = pattern.indexOf(QLatin1Char(']'), i + 1);
            if (close < 0) {
                break;
            }
            choices = pattern.mid(i + 1, close - i - 1);
            const bool plain = !choices.isEmpty() && choices.size() * prefixes.size() <= 16
                && std::all_of(choices.begin(), choices.end(),
                    [](QChar m) { return m.unicode() < 0x80 && m.isLetterOrNumber(); });
            if (!plain) {
                break;
            }
            next = close + 1;
        } else {
            break;
        }
        // A quantifier that allows none makes this step optional: the prefixes end here.
        if (isOptional(next)) {
            break;
        }
        QStringList longer;
        for (const QString &prefix : std::as_const(prefixes)) {
            for (const QChar choice : std::as_const(choices)) {
                longer.append(prefix + choice);
            }
        }
        prefixes = longer;
        i = next;
        if (i < pattern.size() && pattern.at(i) == QLatin1Char('+')) {
            break; // at least once: what follows may repeat it
        }
    }
    return prefixes.front().size() >= 2 ? prefixes : QStringList();
}

std::vector<TextSpan> ValuePatterns::find(QStringView text) const
{
    std::vector<bool> candidates(m_patterns.size());
    for (size_t i = 0; i < m_patterns.size(); ++i) {
        const QStringList &literals = m_patterns[i].literals;
        candidates[i] = literals.isEmpty()
            || std::any_of(literals.begin(), literals.end(), [&](const QString &literal) {
                   return text.contains(
                       literal, m_patterns[i].caseless ? Qt::CaseInsensitive : Qt::CaseSensitive);
               });
    }
    return find(text, candidates);
}

std::vector<TextSpan> ValuePatterns::find(
    QStringView text, const std::vector<bool> &candidates) const
{
    std::vector<TextSpan> spans;
    for (size_t i = 0; i < m_patterns.size(); ++i) {
        const Pattern &pattern = m_patterns[i];
        if (!candidates[i]) {
            continue;
        }
        QRegularExpressionMatchIterator it = pattern.expression.globalMatch(text);
        while (it.hasNext()) {
            const QRegularExpressionMatch match = it.next();
            if (match.capturedLength() == 0) {
                continue;
            }
            // A secret group that took no part in the match leaves the whole match hidden.
            if (pattern.secretGroup > 0 && match.capturedStart(pattern.secretGroup) >= 0) {
                if (match.capturedLength(pattern.secretGroup) > 0) {
                    spans.push_back({ match.capturedStart(pattern.secretGroup),
                        match.capturedEnd(pattern.secretGroup), true });
                }
                continue;
            }
            spans.push_back({ match.capturedStart(), match.capturedEnd() });
        }
    }
    std::sort(spans.begin(), spans.end(),
        [](const TextSpan &a, const TextSpan &b) { return a.start < b.start; });
    return spans;
}

std::vector<TextSpan> ValuePatterns::findUtf8(QByteArrayView utf8) const
{
    if (m_patterns.empty()) {
        return {};
    }
    // One pass over the bytes for every literal at once: most documents hold none, and are
    // neither converted nor searched.
    std::vector<bool> candidates(m_patterns.size());
    bool any = false;
    for (size_t i = 0; i < m_patterns.size(); ++i) {
        candidates[i] = m_patterns[i].literals.isEmpty();
        any = any || candidates[i];
    }
    const char *data = utf8.data();
    for (qsizetype at = 0; at + 1 < utf8.size(); ++at) {
        const size_t here = bigram(data + at);
        if (!m_literalStarts.test(here)) {
            continue;
        }
        auto literal = std::lower_bound(m_literals.begin(), m_literals.end(), here,
            [](const Literal &l, size_t value) { return l.bigram < value; });
        for (; literal != m_literals.end() && literal->bigram == here; ++literal) {
            const QByteArray &text = literal->text;
            if (!candidates[literal->pattern] && utf8.size() - at >= text.size()
                && literalAt(data + at, text, m_patterns[literal->pattern].caseless)) {
                candidates[literal->pattern] = true;
                any = true;
            }
        }
    }
    if (!any) {
        return {};
    }
    if (isAscii(utf8)) {
        // One byte is one UTF-16 unit: the offsets are the same.
        return find(QString::fromLatin1(utf8), candidates);
    }
    std::vector<qsizetype> byteOffset;
    const QString text = decodeUtf8(utf8, byteOffset);
    std::vector<TextSpan> spans = find(text, candidates);
    for (TextSpan &span : spans) {
        span.start = byteOffset[size_t(span.start)];
        span.end = byteOffset[size_t(span.end)];
    }
    return spans;
}

TextSpan ValuePatterns::cutMatch(QStringView cutText) const
{
    TextSpan cut { -1, cutText.size(), true };
    for (const Pattern &pattern : m_patterns) {
        // Whole matches are stepped over: only one that runs into the end counts.
        for (qsizetype from = 0; from <= cutText.size();) {
            const QRegularExpressionMatch match
                = pattern.partial.match(cutText, from, QRegularExpression::PartialPreferFirstMatch);
            if (match.hasPartialMatch()) {
                // A lookbehind may make PCRE report a start before the text (-1).
                qsizetype at = std::max<qsizetype>(match.capturedStart(), 0);
                bool part = false;
                if (pattern.lead.isValid() && pattern.secretGroup > 0) {
                    // Only what there is of the secret group is hidden: none when the cut
                    // falls before it.
                    const QRegularExpressionMatch lead
                        = pattern.lead.match(cutText, at, QRegularExpression::NormalMatch,
                            QRegularExpression::AnchorAtOffsetMatchOption);
                    if (!lead.hasMatch() || lead.capturedEnd() >= cutText.size()) {
                        break;
                    }
                    at = lead.capturedEnd();
                    part = true;
                } else if (cutText.size() - at < kMinimumPartialMatch) {
                    break;
                }
                if (cut.start < 0 || at < cut.start) {
                    cut.start = at;
                }
                cut.part = cut.part && part;
                break;
            }
            if (!match.hasMatch()) {
                break;
            }
            from = std::max(match.capturedEnd(), from + 1);
        }
    }
    return cut;
}
