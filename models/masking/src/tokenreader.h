#pragma once

#include "jsonlexical.h"
#include "keypattern.h"

#include <QChar>

#include <algorithm>
#include <cstring>
#include <string>
#include <string_view>

// The tokens under SecretScan's pass, in UTF-16 or UTF-8 text alike: JSON strings, numbers
// and literals stepped over, string content decoded and folded for matching, and the
// quoted and bracketed runs of text that is not JSON skipped. Only secretscan.h includes it.
// Thread: any (a reader lives for one call, as the base of a Scan).
namespace SecretScan {

using namespace JsonLexical;

template <typename Char> class TokenReader
{
protected:
    explicit TokenReader(const Char *end)
        : m_end(end)
    {
    }

    const Char *skipWhitespace(const Char *p) const
    {
        while (p != m_end && isJsonWhitespace(unitOf(*p))) {
            ++p;
        }
        return p;
    }

    // After the quote at p: one past the matching closing quote, or the end.
    const Char *quotedEnd(const Char *p) const
    {
        const char32_t quote = unitOf(*p);
        const Char *q = p + 1;
        while (q != m_end && unitOf(*q) != quote) {
            q += unitOf(*q) == '\\' && q + 1 != m_end ? 2 : 1;
        }
        return q == m_end ? q : q + 1;
    }

    // One past the bracket closing the one at p (strings skipped), or the end.
    const Char *bracketEnd(const Char *p) const
    {
        int depth = 0;
        for (const Char *q = p; q != m_end;) {
            const char32_t c = unitOf(*q);
            if (c == '"' || c == '\'') {
                q = quotedEnd(q);
                continue;
            }
            if (c == '{' || c == '[') {
                ++depth;
            } else if ((c == '}' || c == ']') && --depth == 0) {
                return q + 1;
            }
            ++q;
        }
        return m_end;
    }

    // Decodes string content (between the quotes) and folds it for matching. The content
    // may be cut off or malformed (text that is not JSON): what cannot be decoded is
    // taken as it is.
    void decodeFolded(const Char *p, const Char *end, std::u16string &out) const
    {
        decode(p, end, out, true);
    }

    // The same without folding: the text as it reads.
    void decodeText(const Char *p, const Char *end, std::u16string &out) const
    {
        decode(p, end, out, false);
    }

private:
    void decode(const Char *p, const Char *end, std::u16string &out, bool fold) const
    {
        const auto folded = [fold](char16_t unit) { return fold ? foldUnit(unit) : unit; };
        // Never more UTF-16 units than input units: written in place, trimmed at the end.
        const size_t start = out.size();
        out.resize(start + size_t(end - p));
        char16_t *w = out.data() + start;
        while (p < end) {
            const char32_t c = unitOf(*p);
            if (c == '\\' && end - p >= 2) {
                const char16_t plain = unescaped(unitOf(p[1]));
                if (plain != 0) {
                    *w++ = folded(plain);
                    p += 2;
                    continue;
                }
                const auto isHex = [](Char h) { return hexValue(unitOf(h)) >= 0; };
                if (unitOf(p[1]) == 'u' && end - p >= 6 && std::all_of(p + 2, p + 6, isHex)) {
                    char16_t unit = 0;
                    for (int i = 2; i < 6; ++i) {
                        unit = char16_t(unit << 4 | hexValue(unitOf(p[i])));
                    }
                    *w++ = folded(unit);
                    p += 6;
                    continue;
                }
            }
            if constexpr (sizeof(Char) == 1) {
                if (c >= 0x80) {
                    const int length = utf8SequenceLength(p, end);
                    if (length > 0) {
                        char32_t cp = c & (0x7F >> length);
                        for (int i = 1; i < length; ++i) {
                            cp = cp << 6 | (unitOf(p[i]) & 0x3F);
                        }
                        p += length;
                        if (cp > 0xFFFF) {
                            *w++ = QChar::highSurrogate(cp);
                            *w++ = QChar::lowSurrogate(cp);
                        } else {
                            *w++ = folded(char16_t(cp));
                        }
                        continue;
                    }
                    *w++ = QChar::ReplacementCharacter;
                    ++p;
                    continue;
                }
            }
            *w++ = folded(char16_t(c));
            ++p;
        }
        out.resize(size_t(w - out.data()));
    }

protected:
    // Returns the position after the string token at p, or nullptr if it is malformed or
    // the text ends inside it (then m_hitEnd is set).
    const Char *scanString(const Char *p)
    {
        const Char *q = p + 1;
        if constexpr (sizeof(Char) == 1) {
            // Most strings are plain ASCII up to their quote: memchr finds it, one branchless
            // pass checks what lies before it; anything else takes the careful way below.
            if (const void *quote = std::memchr(q, '"', size_t(m_end - q))) {
                const auto *from = reinterpret_cast<const unsigned char *>(q);
                const auto *to = static_cast<const unsigned char *>(quote);
                unsigned char special = 0;
                for (const unsigned char *b = from; b != to; ++b) {
                    special
                        |= static_cast<unsigned char>((*b < 0x20) | (*b >= 0x80) | (*b == '\\'));
                }
                if (!special) {
                    return reinterpret_cast<const Char *>(to) + 1;
                }
            }
        }
        while (q != m_end) {
            const char32_t c = unitOf(*q);
            if (c == '"') {
                return q + 1;
            }
            if (c < 0x20) {
                return nullptr;
            }
            if (c == '\\') {
                if (++q == m_end) {
                    break;
                }
                if (unescaped(unitOf(*q)) != 0) {
                    ++q;
                    continue;
                }
                if (unitOf(*q) != 'u') {
                    return nullptr;
                }
                for (int i = 1; i <= 4; ++i) {
                    if (q + i == m_end) {
                        m_hitEnd = true;
                        return nullptr;
                    }
                    if (hexValue(unitOf(q[i])) < 0) {
                        return nullptr;
                    }
                }
                q += 5;
                continue;
            }
            if constexpr (sizeof(Char) == 1) {
                if (c >= 0x80) {
                    const int length = utf8SequenceLength(q, m_end);
                    if (length == 0) {
                        return nullptr;
                    }
                    if (length < 0) {
                        break; // cut off inside a character
                    }
                    q += length;
                    continue;
                }
            }
            ++q;
        }
        m_hitEnd = true;
        return nullptr;
    }

    // The number grammar of RFC 8259; the digits are only stepped over, never converted.
    const Char *scanNumber(const Char *p)
    {
        const Char *q = p;
        const auto digits = [&q, this] {
            const Char *first = q;
            while (q != m_end && isDigit(unitOf(*q))) {
                ++q;
            }
            return q != first;
        };
        const auto fail = [&q, this]() -> const Char * {
            m_hitEnd = q == m_end;
            return nullptr;
        };
        if (unitOf(*q) == '-') {
            ++q;
        }
        if (q != m_end && unitOf(*q) == '0') {
            ++q;
        } else if (!digits()) {
            return fail();
        }
        if (q != m_end && unitOf(*q) == '.') {
            ++q;
            if (!digits()) {
                return fail();
            }
        }
        if (q != m_end && (unitOf(*q) == 'e' || unitOf(*q) == 'E')) {
            ++q;
            if (q != m_end && (unitOf(*q) == '+' || unitOf(*q) == '-')) {
                ++q;
            }
            if (!digits()) {
                return fail();
            }
        }
        return q;
    }

    const Char *scanLiteral(const Char *p)
    {
        const std::string_view literal = unitOf(*p) == 't' ? "true"
            : unitOf(*p) == 'f'                            ? "false"
                                                           : "null";
        for (size_t i = 0; i < literal.size(); ++i) {
            if (p + i == m_end) {
                m_hitEnd = true;
                return nullptr;
            }
            if (unitOf(p[i]) != char32_t(literal[i])) {
                return nullptr;
            }
        }
        return p + literal.size();
    }

    const Char *m_end;
    bool m_hitEnd = false; // a scan stopped because the text ended
};

} // namespace SecretScan
