#pragma once

#include <QtGlobal>

#include <algorithm>
#include <string_view>

// The lexical pieces of JSON shared by the token-level readers (JsonPrettyPrinter,
// SecretMasker, JsonTreeModel, JsonDiff): each keeps its own loop, these are the same everywhere.
// Thread: any (pure functions).
namespace JsonLexical {

// What the next non-whitespace token may be.
enum class Expect { Value, FirstValueOrClose, FirstKeyOrClose, Key, Colon, CommaOrClose, End };

// A code unit as a number: UTF-8 bytes unsigned, UTF-16 units as they are.
template <typename Char> char32_t unitOf(Char c)
{
    if constexpr (sizeof(Char) == 1) {
        return static_cast<unsigned char>(c);
    } else {
        return c;
    }
}

inline bool isJsonWhitespace(char32_t c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

inline bool isDigit(char32_t c)
{
    return c >= '0' && c <= '9';
}

// The value of a hexadecimal digit, -1 for any other character.
inline int hexValue(char32_t c)
{
    if (isDigit(c)) {
        return int(c - '0');
    }
    if (c >= 'a' && c <= 'f') {
        return int(c - 'a' + 10);
    }
    if (c >= 'A' && c <= 'F') {
        return int(c - 'A' + 10);
    }
    return -1;
}

// What a one-letter escape (\" \\ \/ \b \f \n \r \t) stands for; 0 for any other letter.
inline char16_t unescaped(char32_t letter)
{
    constexpr std::u16string_view letters = u"\"\\/bfnrt";
    constexpr std::u16string_view meanings = u"\"\\/\b\f\n\r\t";
    const size_t at = letter < 0x80 ? letters.find(char16_t(letter)) : letters.npos;
    return at == letters.npos ? char16_t(0) : meanings[at];
}

// Token scanners over UTF-16 text of `size` units, for readers that index a whole
// document (JsonTreeModel, JsonDiff). Each returns the offset after the token that starts at
// p, or -1 if it is malformed.

// A string token (p at its opening quote): escapes checked, never decoded.
inline qsizetype scanString(const char16_t *text, qsizetype size, qsizetype p)
{
    qsizetype q = p + 1;
    while (q != size) {
        const char16_t c = text[q];
        if (c == '"') {
            return q + 1;
        }
        if (c < 0x20) {
            return -1;
        }
        if (c != '\\') {
            ++q;
        } else if (q + 1 != size && unescaped(text[q + 1]) != 0) {
            q += 2;
        } else if (q + 1 != size && text[q + 1] == 'u' && size - q >= 6
            && std::all_of(
                text + q + 2, text + q + 6, [](char16_t h) { return hexValue(h) >= 0; })) {
            q += 6;
        } else {
            return -1;
        }
    }
    return -1;
}

// A number token: the grammar is checked; the digits are never converted.
inline qsizetype scanNumber(const char16_t *text, qsizetype size, qsizetype p)
{
    qsizetype q = p;
    const auto digits = [&q, text, size] {
        const qsizetype first = q;
        while (q != size && isDigit(text[q])) {
            ++q;
        }
        return q != first;
    };
    if (text[q] == '-') {
        ++q;
    }
    if (q != size && text[q] == '0') {
        ++q;
    } else if (!digits()) {
        return -1;
    }
    if (q != size && text[q] == '.') {
        ++q;
        if (!digits()) {
            return -1;
        }
    }
    if (q != size && (text[q] == 'e' || text[q] == 'E')) {
        ++q;
        if (q != size && (text[q] == '+' || text[q] == '-')) {
            ++q;
        }
        if (!digits()) {
            return -1;
        }
    }
    return q;
}

// true, false or null (p at its first letter).
inline qsizetype scanLiteral(const char16_t *text, qsizetype size, qsizetype p)
{
    const std::string_view literal = text[p] == 't' ? "true" : text[p] == 'f' ? "false" : "null";
    if (size - p < qsizetype(literal.size())
        || !std::equal(literal.begin(), literal.end(), text + p)) {
        return -1;
    }
    return p + qsizetype(literal.size());
}

// Length of the well-formed UTF-8 sequence at p (RFC 3629: no overlongs, no surrogates,
// nothing above U+10FFFF), 0 if it is malformed, -1 if the input ends inside a sequence
// that was well-formed so far (a truncated document rather than a bad byte).
inline int utf8SequenceLength(const char *p, const char *end)
{
    const auto byteAt = [p](int i) { return static_cast<unsigned char>(p[i]); };
    const unsigned char lead = byteAt(0);
    int length = 0;
    unsigned char low = 0x80;
    unsigned char high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        low = lead == 0xE0 ? 0xA0 : 0x80;
        high = lead == 0xED ? 0x9F : 0xBF;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        low = lead == 0xF0 ? 0x90 : 0x80;
        high = lead == 0xF4 ? 0x8F : 0xBF;
    } else {
        return 0;
    }
    for (int i = 1; i < length; ++i) {
        if (p + i == end) {
            return -1;
        }
        const unsigned char b = byteAt(i);
        if (b < low || b > high) {
            return 0;
        }
        // Only the second byte has a narrowed range.
        low = 0x80;
        high = 0xBF;
    }
    return length;
}

} // namespace JsonLexical
