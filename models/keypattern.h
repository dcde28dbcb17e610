#pragma once

#include <QChar>
#include <QStringView>

#include <algorithm>
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
// is one comparison at a word start.
class KeyWords
{
public:
    // `key` is the decoded key, not folded (camelCase needs its case).
    void assign(std::u16string_view key)
    {
        m_joined.clear();
        m_starts.clear();
        bool inWord = false;
        for (size_t i = 0; i < key.size(); ++i) {
            const char16_t c = key[i];
            if (c < 0x80 && !isAsciiUpper(c) && !isAsciiLower(c) && !(c >= u'0' && c <= u'9')) {
                inWord = false;
                continue;
            }
            bool starts = !inWord;
            if (inWord && isUpper(c)) {
                const char16_t before = key[i - 1];
                const bool nextIsLower = i + 1 < key.size() && isLower(key[i + 1]);
                starts = !isUpper(before) || nextIsLower;
            }
            if (starts) {
                m_starts.push_back(m_joined.size());
            }
            m_joined.push_back(foldUnit(c));
            inWord = true;
        }
        m_starts.push_back(m_joined.size());
    }

    std::u16string_view joined() const { return m_joined; }
    // Where each word starts in joined(), and joined()'s size last.
    const std::vector<size_t> &starts() const { return m_starts; }

    bool isBoundary(size_t at) const
    {
        return std::binary_search(m_starts.begin(), m_starts.end(), at);
    }

private:
    static bool isUpper(char16_t c)
    {
        return c < 0x80 ? isAsciiUpper(c) : QChar::isUpper(char32_t(c));
    }
    static bool isLower(char16_t c)
    {
        return c < 0x80 ? isAsciiLower(c) : QChar::isLower(char32_t(c));
    }

    std::u16string m_joined;
    std::vector<size_t> m_starts;
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
        words.assign(std::u16string_view(rule.utf16(), size_t(rule.size())));
        m_joined = words.joined();
    }

    bool isEmpty() const { return m_joined.empty(); }

    bool matches(const KeyWords &key) const
    {
        if (m_joined.empty()) {
            return false; // MaskingRules::problems() names the rule
        }
        const std::u16string_view joined = key.joined();
        const std::vector<size_t> &starts = key.starts();
        for (size_t w = 0; w + 1 < starts.size(); ++w) {
            const size_t at = starts[w];
            if (joined.size() - at < m_joined.size() || joined[at] != m_joined.front()
                || joined.compare(at, m_joined.size(), m_joined) != 0
                || !key.isBoundary(at + m_joined.size())) {
                continue;
            }
            return !hasMeasureWordBeside(key, at, at + m_joined.size());
        }
        return false;
    }

private:
    static bool hasMeasureWordBeside(const KeyWords &key, size_t from, size_t to)
    {
        static constexpr std::u16string_view measures[]
            = { u"count", u"counts", u"budget", u"budgets", u"limit", u"limits", u"max", u"min",
                  u"usage", u"length", u"size", u"type", u"ttl", u"expiry", u"expires" };
        const std::vector<size_t> &starts = key.starts();
        for (size_t w = 0; w + 1 < starts.size(); ++w) {
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
struct KeyRules
{
    std::vector<KeyPattern> patterns; // key: globs, matched against the key path
    std::vector<WordRule> words; // word: rules
    std::vector<WordRule> credentialWords; // credential: rules

    bool hasWordRules() const { return !words.empty() || !credentialWords.empty(); }

    KeyVerdict byWords(const KeyWords &key) const
    {
        const auto matches = [&key](const WordRule &rule) { return rule.matches(key); };
        if (std::any_of(words.begin(), words.end(), matches)) {
            return KeyVerdict::Secret;
        }
        if (std::any_of(credentialWords.begin(), credentialWords.end(), matches)) {
            return KeyVerdict::SecretIfCredential;
        }
        return KeyVerdict::Keep;
    }
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
