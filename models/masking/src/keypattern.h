#pragma once

#include <QChar>
#include <QStringView>
#include <QtGlobal>

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <vector>

// The key rules of SecretMasker, folded and matched against the keys of a document: key
// patterns ("*secret*", "headers.authorization") and word rules ("token", "api_key").
// Only secretscan.h includes it.
// Thread: any (patterns are immutable once built).
namespace SecretScan {

// Keys and patterns are compared in this form: ASCII lower case, '-' as '_', the rest
// case-folded one UTF-16 unit at a time.
inline char16_t foldUnit(char16_t c)
{
    if (c >= u'A' && c <= u'Z') {
        return char16_t(c - u'A' + u'a');
    }
    if (c == u'-') {
        return u'_';
    }
    if (c < 0x80 || QChar::isSurrogate(c)) {
        return c;
    }
    const char32_t folded = QChar::toCaseFolded(char32_t(c));
    return folded <= 0xFFFF ? char16_t(folded) : c;
}

inline std::u16string fold(QStringView text)
{
    std::u16string folded;
    folded.reserve(size_t(text.size()));
    for (const QChar c : text) {
        folded.push_back(foldUnit(c.unicode()));
    }
    return folded;
}

// '*' matches any run of characters (also none); everything else matches itself.
inline bool matchesPattern(std::u16string_view pattern, std::u16string_view text)
{
    size_t p = 0;
    size_t t = 0;
    size_t star = std::u16string_view::npos;
    size_t resume = 0;
    while (t < text.size()) {
        if (p < pattern.size() && pattern[p] == u'*') {
            star = p++;
            resume = t;
        } else if (p < pattern.size() && pattern[p] == text[t]) {
            ++p;
            ++t;
        } else if (star != std::u16string_view::npos) {
            // Let the last '*' swallow one more character and try again from there.
            p = star + 1;
            t = ++resume;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == u'*') {
        ++p;
    }
    return p == pattern.size();
}

// Authorization, Proxy-Authorization, proxyAuthorization: values that start with a scheme.
inline bool isAuthorization(std::u16string_view folded)
{
    return folded.ends_with(u"authorization");
}

// One part of a key pattern, folded. Every key of every document is compared with every
// pattern, so the usual shapes ("*secret*", "password", "x_*", "*") skip the general
// wildcard match.
class Glob
{
public:
    explicit Glob(std::u16string folded)
        : m_pattern(std::move(folded))
    {
        const size_t stars = size_t(std::count(m_pattern.begin(), m_pattern.end(), u'*'));
        const bool leading = !m_pattern.empty() && m_pattern.front() == u'*';
        const bool trailing = m_pattern.size() > 1 && m_pattern.back() == u'*';
        m_text = m_pattern.substr(leading ? 1 : 0);
        if (trailing) {
            m_text.pop_back();
        }
        m_kind = m_pattern == u"*"              ? Kind::Any
            : stars == 0                        ? Kind::Exact
            : stars == 1 && leading             ? Kind::Suffix
            : stars == 1 && trailing            ? Kind::Prefix
            : stars == 2 && leading && trailing ? Kind::Contains
                                                : Kind::General;
    }

    bool matches(std::u16string_view text) const
    {
        switch (m_kind) {
        case Kind::Any:
            return true;
        case Kind::Exact:
            return text == m_text;
        case Kind::Prefix:
            return text.starts_with(m_text);
        case Kind::Suffix:
            return text.ends_with(m_text);
        case Kind::Contains:
            return text.find(m_text) != std::u16string_view::npos;
        case Kind::General:
            break;
        }
        return matchesPattern(m_pattern, text);
    }

private:
    enum class Kind : unsigned char { Any, Exact, Prefix, Suffix, Contains, General };
    std::u16string m_pattern;
    std::u16string m_text; // without the leading and trailing '*'
    Kind m_kind = Kind::General;
};

// A key pattern split at its dots; it matches the end of a key path.
struct KeyPattern
{
    std::vector<Glob> segments;
};

inline bool isAsciiUpper(char16_t c)
{
    return c >= u'A' && c <= u'Z';
}

inline bool isAsciiLower(char16_t c)
{
    return c >= u'a' && c <= u'z';
}

// A key cut into words for the word rules: at every ASCII character that is neither a
// letter nor a digit ('_', '-', '.', ' ') and where camelCase starts a word ("accessToken";
// "APIKey" is api, key; digits stay in their word: "oauth2"). The words are folded and
// kept joined ("accesstoken"), with a mark where each one starts and ends, so that a rule
// is one comparison at a word start. Short keys need no heap: this runs for every key of
// every exported document.
class KeyWords
{
public:
    // `key` holds the key's characters, decoded and not folded (camelCase needs its case):
    // UTF-16 units, or bytes of ASCII text. `folded` receives the whole key folded as
    // fold() does, in the same pass.
    template <typename Unit> void assign(const Unit *key, size_t size, std::u16string &folded)
    {
        m_joined.clear();
        m_starts.clear();
        m_boundaries = 0;
        folded.resize(size);
        bool inWord = false;
        for (size_t i = 0; i < size; ++i) {
            const char16_t c = unit(key[i]);
            const char16_t f = foldUnit(c);
            folded[i] = f;
            if (c < 0x80 && !isAsciiUpper(c) && !isAsciiLower(c) && !(c >= u'0' && c <= u'9')) {
                inWord = false;
                continue;
            }
            bool starts = !inWord;
            if (inWord && isUpper(c)) {
                const bool nextIsLower = i + 1 < size && isLower(unit(key[i + 1]));
                starts = !isUpper(unit(key[i - 1])) || nextIsLower;
            }
            if (starts) {
                markBoundary(m_joined.size());
            }
            m_joined.append(f);
            inWord = true;
        }
        markBoundary(m_joined.size());
    }

    std::u16string_view joined() const
    {
        return std::u16string_view(m_joined.constData(), size_t(m_joined.size()));
    }
    // Where each word starts in joined(), and joined()'s size last.
    const QVarLengthArray<size_t, 16> &starts() const { return m_starts; }

    bool isBoundary(size_t at) const
    {
        if (at < 64) {
            return (m_boundaries >> at) & 1;
        }
        return std::binary_search(m_starts.begin(), m_starts.end(), at);
    }

private:
    static char16_t unit(char16_t c) { return c; }
    static char16_t unit(char c) { return char16_t(static_cast<unsigned char>(c)); }
    static bool isUpper(char16_t c)
    {
        return c < 0x80 ? isAsciiUpper(c) : QChar::isUpper(char32_t(c));
    }
    static bool isLower(char16_t c)
    {
        return c < 0x80 ? isAsciiLower(c) : QChar::isLower(char32_t(c));
    }

    void markBoundary(size_t at)
    {
        m_starts.append(at);
        if (at < 64) {
            m_boundaries |= quint64(1) << at;
        }
    }

    QVarLengthArray<char16_t, 64> m_joined;
    QVarLengthArray<size_t, 16> m_starts;
    quint64 m_boundaries = 0; // bit n: a word starts or ends at n
};

// One word rule ("token", "api_key"): its words, folded and joined the way KeyWords joins
// a key's, so "api_key", "apiKey" and "apikey" are the same rule. It matches a key with a
// run of whole words that joins to the same text ("x-api-key", "llm_api_key", "APIKey";
// not "max_tokens", not "monkey"), unless another word of the key says the value is a
// measure of the thing rather than the thing ("token_count", "max_token", "secret_type").
class WordRule
{
public:
    explicit WordRule(QStringView rule)
    {
        KeyWords words;
        std::u16string folded;
        words.assign(rule.utf16(), size_t(rule.size()), folded);
        m_joined = words.joined();
    }

    bool isEmpty() const { return m_joined.empty(); }
    char16_t first() const { return m_joined.front(); }

    // Whether the rule's words start at the word start `at` of `key`.
    bool matchesAt(const KeyWords &key, size_t at) const
    {
        const size_t end = at + m_joined.size();
        return end <= key.joined().size() && key.isBoundary(end)
            && key.joined().compare(at, m_joined.size(), m_joined) == 0
            && !hasMeasureWordBeside(key, at, end);
    }

private:
    static bool hasMeasureWordBeside(const KeyWords &key, size_t from, size_t to)
    {
        static constexpr std::u16string_view measures[]
            = { u"count", u"counts", u"budget", u"budgets", u"limit", u"limits", u"max", u"min",
                  u"usage", u"length", u"size", u"type", u"ttl", u"expiry", u"expires" };
        const auto &starts = key.starts();
        for (qsizetype w = 0; w + 1 < starts.size(); ++w) {
            if (starts[w] >= from && starts[w] < to) {
                continue; // a word of the match itself
            }
            const std::u16string_view word
                = key.joined().substr(starts[w], starts[w + 1] - starts[w]);
            if (std::find(std::begin(measures), std::end(measures), word) != std::end(measures)) {
                return true;
            }
        }
        return false;
    }

    std::u16string m_joined;
};

// What a key's name says about its value.
enum class KeyVerdict : unsigned char {
    Keep,
    Secret, // hidden whatever it is
    SecretIfCredential, // hidden when it looks like a credential (looksLikeCredential)
};

// Every key rule of a rule set, compiled.
class KeyRules
{
public:
    std::vector<KeyPattern> patterns; // key: globs, matched against the key path

    // A word: rule (`ifCredential`: a credential: rule); one without a word is ignored.
    void addWordRule(const WordRule &rule, bool ifCredential)
    {
        if (rule.isEmpty()) {
            return;
        }
        m_words.push_back({ rule, ifCredential });
        const size_t index = m_words.size() - 1;
        const char16_t first = rule.first();
        (first < 0x80 ? m_byFirstUnit[first] : m_otherFirstUnits).push_back(index);
    }

    bool hasWordRules() const { return !m_words.empty(); }

    KeyVerdict byWords(const KeyWords &key) const
    {
        KeyVerdict verdict = KeyVerdict::Keep;
        const auto &starts = key.starts();
        // Only the rules whose first letter is there are tried at a word start.
        for (qsizetype w = 0; w + 1 < starts.size(); ++w) {
            const char16_t first = key.joined()[starts[w]];
            for (const size_t index : first < 0x80 ? m_byFirstUnit[first] : m_otherFirstUnits) {
                const Word &word = m_words[index];
                if (word.rule.matchesAt(key, starts[w])) {
                    if (!word.ifCredential) {
                        return KeyVerdict::Secret;
                    }
                    verdict = KeyVerdict::SecretIfCredential;
                }
            }
        }
        return verdict;
    }

private:
    struct Word
    {
        WordRule rule;
        bool ifCredential;
    };
    std::vector<Word> m_words;
    std::array<std::vector<size_t>, 128> m_byFirstUnit;
    std::vector<size_t> m_otherFirstUnits;
};

// The value of a credential: rule's key is hidden when it reads like a key or password
// rather than a word or a sentence: at least 16 characters (when the text is whole), no
// whitespace, letters and digits both ("gsk_4f…", not "user_name", not "default").
inline bool looksLikeCredential(std::u16string_view decoded, bool whole)
{
    constexpr size_t kMinimumLength = 16;
    if (whole && decoded.size() < kMinimumLength) {
        return false;
    }
    bool letter = false;
    bool digit = false;
    for (const char16_t c : decoded) {
        if (QChar::isSpace(char32_t(c))) {
            return false;
        }
        letter = letter || isAsciiUpper(c) || isAsciiLower(c);
        digit = digit || (c >= u'0' && c <= u'9');
    }
    return letter && digit;
}

} // namespace SecretScan
