#pragma once

#include <QChar>
#include <QStringView>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

// The key patterns of SecretMasker's rules, folded and matched against the keys of a
// document ("*secret*", "headers.authorization"). Only secretscan.h includes it.
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

inline bool isAuthorization(std::u16string_view folded)
{
    return folded == u"authorization" || folded.ends_with(u"_authorization");
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

} // namespace SecretScan
