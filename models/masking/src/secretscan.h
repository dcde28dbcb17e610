#pragma once

#include "jsonlexical.h"
#include "keypattern.h"
#include "secretmasker.h"
#include "tokenreader.h"
#include "valuepatterns.h"

#include <QByteArray>
#include <QChar>
#include <QString>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

// The one pass over a document behind SecretMasker, for UTF-16 and UTF-8 text alike.
// Only secretmasker.cpp includes it.
// Thread: any (a Scan lives for one call).
namespace SecretScan {

using namespace JsonLexical;

// What happens to one value.
enum class Verdict : unsigned char {
    Keep,
    Mask,
    MaskAfterScheme, // an Authorization value: "Bearer ••••"
    MaskIfCredential, // a string that looks like a credential (looksLikeCredential)
};

// How the items of a container take part in the headers rule.
enum class HeaderRole : unsigned char {
    None,
    List, // the array under a "headers" key: each item is one header
    Pair, // ["Name", "value"]
    Fields, // {"name": "Name", "value": "value"}
};

constexpr char16_t kBullet = 0x2022;
constexpr int kBulletCount = 4;
// Longer "schemes" are more likely the credential itself, which must not stay visible.
constexpr qsizetype kMaxSchemeLength = 32;
// How far back from the end of text that is not JSON a cut-off secret is looked for.
constexpr qsizetype kCutWindow = 1024;

inline bool isAsciiLetter(char32_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// What one call needs besides the text.
struct Context
{
    const KeyRules &keys;
    const ValuePatterns &valuePatterns;
    const std::vector<TextSpan> &matches; // of the value patterns, in the text's units
    const RevealedValues *revealed = nullptr;
    std::vector<MaskedValue> *values = nullptr;
};

inline void appendText(QString &out, const char16_t *text, qsizetype length)
{
    out.append(reinterpret_cast<const QChar *>(text), length);
}

inline void appendText(QByteArray &out, const char *text, qsizetype length)
{
    out.append(text, length);
}

inline void appendBullets(QString &out)
{
    out.append(QString(kBulletCount, QChar(kBullet)));
}

inline void appendBullets(QByteArray &out)
{
    for (int i = 0; i < kBulletCount; ++i) {
        out.append("\xE2\x80\xA2"); // U+2022 in UTF-8
    }
}

// One pass over the text: reads it as JSON (the grammar JsonPrettyPrinter accepts) and
// hides secret values, copying everything between them unchanged. Nesting is tracked in
// a vector, so depth costs heap, never stack. Where the text ends early or stops being
// JSON, the pass finishes as SecretMasker describes.
template <typename Char, typename Buffer> class Scan : private TokenReader<Char>
{
public:
    // out may be null to only count.
    Scan(const Context &context, const Char *begin, const Char *end, Buffer *out)
        : TokenReader<Char>(end)
        , m_context(context)
        , m_begin(begin)
        , m_out(out)
        , m_copied(begin)
    {
    }

    // The number of values the rules hide (revealed ones included).
    int run()
    {
        const Char *p = m_begin;
        Expect expect = Expect::Value;
        for (;;) {
            while (p != m_end && isJsonWhitespace(unitOf(*p))) {
                ++p;
            }
            if (p == m_end) {
                return expect == Expect::End ? finish() : cutOff();
            }
            const char32_t c = unitOf(*p);
            switch (expect) {
            case Expect::FirstKeyOrClose:
            case Expect::FirstValueOrClose:
                if (c == closer()) {
                    close(p, true);
                    ++p;
                    expect = afterValue();
                } else {
                    // Read the same character again as the first key or item.
                    expect = expect == Expect::FirstKeyOrClose ? Expect::Key : Expect::Value;
                }
                break;
            case Expect::Key: {
                const Char *q = c == '"' ? scanString(p) : nullptr;
                if (!q) {
                    return m_hitEnd ? cutOff() : notJson(p);
                }
                readKey(p, q);
                p = q;
                expect = Expect::Colon;
                break;
            }
            case Expect::Colon:
                if (c != ':') {
                    return notJson(p);
                }
                ++p;
                expect = Expect::Value;
                break;
            case Expect::Value: {
                const Slot slot = slotOfNextValue(c);
                if (c == '{' || c == '[') {
                    open(p, c == '{', slot);
                    ++p;
                    expect = c == '{' ? Expect::FirstKeyOrClose : Expect::FirstValueOrClose;
                    break;
                }
                const Char *q = nullptr;
                if (c == '"') {
                    q = scanString(p);
                    if (!q) {
                        return m_hitEnd ? cutInString(p, slot) : notJsonString(p, slot);
                    }
                    readString(p, q, slot);
                } else if (c == '-' || isDigit(c)) {
                    q = scanNumber(p);
                } else if (c == 't' || c == 'f' || c == 'n') {
                    q = scanLiteral(p);
                }
                if (!q) {
                    return m_hitEnd ? cutOff() : notJson(p);
                }
                p = q;
                expect = afterValue();
                break;
            }
            case Expect::CommaOrClose:
                if (c == ',') {
                    ++m_stack.back().item;
                    ++p;
                    expect = m_stack.back().isObject ? Expect::Key : Expect::Value;
                } else if (c == closer()) {
                    close(p, false);
                    ++p;
                    expect = afterValue();
                } else {
                    return notJson(p);
                }
                break;
            case Expect::End:
                return notJson(p);
            }
        }
    }

    // How many values were replaced in the output (hidden, not revealed).
    int replaced() const { return m_replaced; }

private:
    // The reader's members, named here as a template cannot see its base's otherwise.
    using Reader = TokenReader<Char>;
    using Reader::bracketEnd;
    using Reader::decodeFolded;
    using Reader::decodeText;
    using Reader::m_end;
    using Reader::m_hitEnd;
    using Reader::quotedEnd;
    using Reader::scanLiteral;
    using Reader::scanNumber;
    using Reader::scanString;
    using Reader::skipWhitespace;

    struct Frame
    {
        const Char *start; // the opening bracket
        bool isObject;
        HeaderRole role;
        bool masked; // the container is replaced as a whole
        // Whether the container is the value of a key (its folded text is m_frameKeys[its
        // index]); array items and the document itself have none.
        bool hasKey = false;
        int keyedBelow = -1; // the nearest frame under this one that has a key
        int item = 0; // the item being read (arrays)
        Verdict headerVerdict = Verdict::Keep; // Pair and Fields: what the header value gets
    };

    // A run of the text to hide as it is (no quotes added).
    struct RawSpan
    {
        const Char *start;
        const Char *stop;
    };

    // What the value about to be read gets.
    struct Slot
    {
        Verdict verdict = Verdict::Keep;
        HeaderRole role = HeaderRole::None; // for a container value
        bool isHeaderName = false;
    };

    Expect afterValue() const { return m_stack.empty() ? Expect::End : Expect::CommaOrClose; }

    char32_t closer() const { return m_stack.back().isObject ? '}' : ']'; }

    int top() const { return int(m_stack.size()) - 1; }

    Slot slotOfNextValue(char32_t c) const
    {
        Slot slot;
        if (m_maskedDepth != 0 || m_stack.empty()) {
            return slot;
        }
        const Frame &parent = m_stack.back();
        if (parent.isObject) {
            slot.verdict = m_keyVerdict;
            if (m_keyIsHeaders && c == '[') {
                slot.role = HeaderRole::List;
            }
            if (parent.role == HeaderRole::Fields) {
                // The header's name stays, its value gets what the name calls for.
                if (m_key == u"name") {
                    slot.isHeaderName = true;
                    slot.verdict = Verdict::Keep;
                } else if (m_key == u"value" && parent.headerVerdict != Verdict::Keep) {
                    slot.verdict = parent.headerVerdict;
                }
            }
            return slot;
        }
        if (parent.role == HeaderRole::List) {
            slot.role = c == '[' ? HeaderRole::Pair
                : c == '{'       ? HeaderRole::Fields
                                 : HeaderRole::None;
        } else if (parent.role == HeaderRole::Pair) {
            slot.isHeaderName = parent.item == 0;
            slot.verdict = parent.item == 1 ? parent.headerVerdict : Verdict::Keep;
        }
        return slot;
    }

    void open(const Char *p, bool isObject, const Slot &slot)
    {
        // A container is never a credential on its own.
        const bool masked
            = slot.verdict == Verdict::Mask || slot.verdict == Verdict::MaskAfterScheme;
        Frame frame { p, isObject, slot.role, masked };
        if (!m_stack.empty()) {
            const Frame &parent = m_stack.back();
            frame.keyedBelow = parent.hasKey ? top() : parent.keyedBelow;
            if (parent.isObject) {
                // Kept per depth: the strings keep their capacity from document to depth.
                frame.hasKey = true;
                const size_t depth = m_stack.size();
                if (m_frameKeys.size() <= depth) {
                    m_frameKeys.resize(depth + 1);
                }
                m_frameKeys[depth] = m_key;
            }
        }
        m_stack.push_back(frame);
        if (masked) {
            m_maskedDepth = m_stack.size();
        }
    }

    void close(const Char *p, bool empty)
    {
        const Frame frame = m_stack.back();
        m_stack.pop_back();
        if (frame.masked) {
            m_maskedDepth = 0;
            // An empty container hides nothing; leave it as it is.
            if (!empty) {
                hide(frame.start, p + 1, 0, true);
            }
        }
    }

    // p..q is a key token, quotes included.
    void readKey(const Char *p, const Char *q)
    {
        m_keyVerdict = Verdict::Keep;
        m_keyIsHeaders = false;
        m_key.clear();
        if (m_maskedDepth != 0) {
            return; // nothing inside a masked container is looked at
        }
        readKeyText(p + 1, q - 1, m_key);
        m_keyVerdict = classify(m_key, top());
        m_keyIsHeaders = m_key == u"headers";
    }

    // Decodes the key text [p, end) into `folded`, and cuts it into m_words when there
    // are word rules.
    void readKeyText(const Char *p, const Char *end, std::u16string &folded)
    {
        if (!m_context.keys.hasWordRules()) {
            decodeFolded(p, end, folded);
            return;
        }
        // Most keys are plain ASCII: their units are their characters.
        const bool plain
            = std::none_of(p, end, [](Char c) { return unitOf(c) == '\\' || unitOf(c) >= 0x80; });
        if (plain) {
            m_words.assign(p, size_t(end - p), folded);
            return;
        }
        m_keyText.clear();
        decodeText(p, end, m_keyText);
        m_words.assign(m_keyText.data(), m_keyText.size(), folded);
    }

    // What the value of `key` (read by readKeyText last) gets, when the keys of the frames
    // up from `frame` (array levels skipped) lead to it.
    Verdict classify(std::u16string_view key, int frame)
    {
        const auto secret
            = [key] { return isAuthorization(key) ? Verdict::MaskAfterScheme : Verdict::Mask; };
        for (const KeyPattern &pattern : m_context.keys.patterns) {
            if (pattern.segments.back().matches(key) && pathMatches(pattern, frame)) {
                return secret();
            }
        }
        if (m_context.keys.hasWordRules()) {
            switch (m_context.keys.byWords(m_words)) {
            case KeyVerdict::Secret:
                return secret();
            case KeyVerdict::SecretIfCredential:
                return Verdict::MaskIfCredential;
            case KeyVerdict::Keep:
                break;
            }
        }
        return Verdict::Keep;
    }

    // Whether the string content [p, end) reads like a credential; `whole` is false when
    // the text was cut off inside it.
    bool isCredential(const Char *p, const Char *end, bool whole)
    {
        m_valueText.clear();
        decodeText(p, end, m_valueText);
        return looksLikeCredential(m_valueText, whole);
    }

    bool pathMatches(const KeyPattern &pattern, int frame)
    {
        size_t left = pattern.segments.size() - 1;
        if (left > 0 && frame >= 0 && !m_stack[size_t(frame)].hasKey) {
            frame = m_stack[size_t(frame)].keyedBelow;
        }
        for (; left > 0; --left) {
            if (frame < 0) {
                return false;
            }
            if (!pattern.segments[left - 1].matches(m_frameKeys[size_t(frame)])) {
                return false;
            }
            frame = m_stack[size_t(frame)].keyedBelow;
        }
        return true;
    }

    // p..q is a string value token, quotes included.
    void readString(const Char *p, const Char *q, const Slot &slot)
    {
        if (m_maskedDepth != 0) {
            return;
        }
        if (slot.isHeaderName) {
            m_headerName.clear();
            readKeyText(p + 1, q - 1, m_headerName);
            m_stack.back().headerVerdict = classify(m_headerName, top());
        }
        if (q - p == 2) {
            return; // "" hides nothing
        }
        const Char *content = p + 1;
        const Char *contentEnd = q - 1;
        Verdict verdict = slot.verdict;
        if (verdict == Verdict::MaskIfCredential) {
            verdict = isCredential(content, contentEnd, true) ? Verdict::Mask : Verdict::Keep;
        }
        qsizetype scheme = 0;
        if (verdict == Verdict::MaskAfterScheme) {
            scheme = schemeLength(content, contentEnd);
        } else if (verdict == Verdict::Keep) {
            const Matches found = matchesIn(content, contentEnd);
            if (!found.whole && !found.parts) {
                return;
            }
            if (!found.whole) {
                hideParts(found, nullptr);
                return;
            }
            scheme = schemeBefore(content, contentEnd, found.whole);
        }
        hide(p, q, scheme, true);
    }

    // The value pattern matches that start in a string's content [from, to).
    struct Matches
    {
        const Char *whole = nullptr; // where the first whole match starts
        size_t first = 0; // the matches, as indexes into m_context.matches
        size_t last = 0;
        bool parts = false; // some are secret parts (and lie inside the string)
    };

    // Called with rising positions, so the matches are stepped through once.
    Matches matchesIn(const Char *from, const Char *to)
    {
        const std::vector<TextSpan> &matches = m_context.matches;
        while (m_nextMatch < matches.size() && m_begin + matches[m_nextMatch].start < from) {
            ++m_nextMatch;
        }
        Matches found;
        found.first = m_nextMatch;
        found.last = m_nextMatch;
        for (; found.last < matches.size() && m_begin + matches[found.last].start < to;
             ++found.last) {
            const TextSpan &match = matches[found.last];
            // A part that runs past the string's end is no part of it: the string goes.
            if (match.part && m_begin + match.end <= to) {
                found.parts = true;
            } else if (!found.whole) {
                found.whole = m_begin + match.start;
            }
        }
        return found;
    }

    // Hides the secret parts in `found` where they are (overlapping ones as one), and
    // [cut, the end) when `cut` is given, inside a string whose quotes stay.
    void hideParts(const Matches &found, const Char *cut)
    {
        const std::vector<TextSpan> &matches = m_context.matches;
        std::vector<RawSpan> spans;
        for (size_t i = found.first; i < found.last; ++i) {
            spans.push_back({ m_begin + matches[i].start, m_begin + matches[i].end });
        }
        if (cut) {
            spans.push_back({ cut, m_end });
        }
        hideSpans(spans);
    }

    // "Bearer eyJ..." keeps "Bearer" when the match starts after it. Under a key that is
    // not Authorization only the usual schemes count: "use sk-..." is a sentence.
    static qsizetype schemeBefore(const Char *content, const Char *contentEnd, const Char *match)
    {
        const qsizetype scheme = schemeLength(content, contentEnd);
        if (scheme == 0 || match - content <= scheme) {
            return 0;
        }
        std::u16string word;
        for (const Char *p = content; p != content + scheme; ++p) {
            word.push_back(foldUnit(char16_t(unitOf(*p))));
        }
        for (const std::u16string_view known :
            { u"bearer", u"basic", u"token", u"bot", u"digest" }) {
            if (word == known) {
                return scheme;
            }
        }
        return 0;
    }

    // "Bearer sk-..." keeps "Bearer": a letter, then letters, digits, '-', '_' or '.', then
    // a space and something after it.
    static qsizetype schemeLength(const Char *content, const Char *contentEnd)
    {
        if (content >= contentEnd || !isAsciiLetter(unitOf(*content))) {
            return 0;
        }
        const Char *q = content + 1;
        while (q != contentEnd && q - content <= kMaxSchemeLength) {
            const char32_t c = unitOf(*q);
            if (!isAsciiLetter(c) && !isDigit(c) && c != '-' && c != '_' && c != '.') {
                break;
            }
            ++q;
        }
        if (q - content > kMaxSchemeLength || q == contentEnd || unitOf(*q) != ' ') {
            return 0;
        }
        const Char *credentials = q;
        while (credentials != contentEnd && unitOf(*credentials) == ' ') {
            ++credentials;
        }
        return credentials == contentEnd ? 0 : q - content;
    }

    // The text ended inside the document (not inside a string value).
    int cutOff()
    {
        if (m_maskedDepth != 0) {
            // Cut inside a hidden container: all of it that is there is hidden.
            hide(m_stack[m_maskedDepth - 1].start, m_end, 0, true);
        }
        return finish();
    }

    // The text ended inside the string value starting at p.
    int cutInString(const Char *p, const Slot &slot)
    {
        if (m_maskedDepth != 0) {
            return cutOff();
        }
        const Char *content = p + 1;
        Verdict verdict = slot.verdict;
        if (verdict == Verdict::MaskIfCredential) {
            // Cut off, its length is unknown: the rest must read like a credential.
            verdict = isCredential(content, m_end, false) ? Verdict::Mask : Verdict::Keep;
        }
        qsizetype scheme = 0;
        bool secret = verdict != Verdict::Keep;
        if (verdict == Verdict::MaskAfterScheme) {
            scheme = schemeLength(content, m_end);
        } else if (!secret) {
            const Matches found = matchesIn(content, m_end);
            const Char *match = found.whole;
            if (!match) {
                const CutMatch cut = cutMatch(content);
                if (cut.start && !cut.part) {
                    match = cut.start;
                } else if (cut.start || found.parts) {
                    hideParts(found, cut.start);
                    return finish();
                }
            }
            if (match) {
                secret = true;
                scheme = schemeBefore(content, m_end, match);
            }
        }
        if (secret && content != m_end) {
            hide(p, m_end, scheme, true);
        }
        return finish();
    }

    // The string value starting at p is malformed (a bad escape, a control character):
    // a secret one is hidden up to its closing quote all the same.
    int notJsonString(const Char *p, const Slot &slot)
    {
        if (m_maskedDepth != 0 || slot.verdict == Verdict::Keep) {
            return notJson(p);
        }
        const Char *q = p + 1;
        while (q != m_end && unitOf(*q) != '"') {
            q += unitOf(*q) == '\\' && q + 1 != m_end ? 2 : 1;
        }
        if (slot.verdict == Verdict::MaskIfCredential && !isCredential(p + 1, q, q != m_end)) {
            return notJson(p);
        }
        if (q != m_end) {
            ++q;
        }
        const qsizetype scheme = slot.verdict == Verdict::MaskAfterScheme
            ? schemeLength(p + 1, q == m_end ? q : q - 1)
            : 0;
        hide(p, q, scheme, true);
        return notJson(q);
    }

    // The text stops being JSON at p.
    int notJson(const Char *p)
    {
        if (m_maskedDepth != 0) {
            // The error falls inside a hidden container: hide the rest of the text too.
            hide(m_stack[m_maskedDepth - 1].start, m_end, 0, true);
            return finish();
        }
        std::vector<RawSpan> spans;
        findRawPairs(p, spans);
        const std::vector<TextSpan> &matches = m_context.matches;
        for (size_t i = m_nextMatch; i < matches.size(); ++i) {
            const Char *start = m_begin + matches[i].start;
            if (start >= p) {
                spans.push_back({ start, std::min(m_begin + matches[i].end, m_end) });
            }
        }
        // The text may be cut off in the middle of a secret.
        const Char *window = std::max(p, m_end - kCutWindow);
        if (const CutMatch cut = cutMatch(window); cut.start) {
            spans.push_back({ cut.start, m_end });
        }
        hideSpans(spans);
        return finish();
    }

    // Hides each span as text (no quotes added), overlapping ones as one.
    void hideSpans(std::vector<RawSpan> &spans)
    {
        std::sort(spans.begin(), spans.end(),
            [](const RawSpan &a, const RawSpan &b) { return a.start < b.start; });
        for (size_t i = 0; i < spans.size();) {
            RawSpan span = spans[i++];
            while (i < spans.size() && spans[i].start <= span.stop) {
                span.stop = std::max(span.stop, spans[i++].stop);
            }
            hide(span.start, span.stop, 0, false);
        }
    }

    // A value pattern match that the end of the text cuts off (ValuePatterns::cutMatch),
    // looking from `from`: where what is hidden of it starts, or null.
    struct CutMatch
    {
        const Char *start = nullptr;
        bool part = false;
    };

    CutMatch cutMatch(const Char *from) const
    {
        if constexpr (sizeof(Char) == 1) {
            while (from != m_end && (unitOf(*from) & 0xC0) == 0x80) {
                ++from; // start on a whole character
            }
            std::vector<qsizetype> offsets;
            const QString text = ValuePatterns::decodeUtf8(QByteArrayView(from, m_end), offsets);
            const TextSpan cut = m_context.valuePatterns.cutMatch(text);
            return cut.start < 0 ? CutMatch()
                                 : CutMatch { from + offsets[size_t(cut.start)], cut.part };
        } else {
            if (from != m_end && QChar::isLowSurrogate(*from)) {
                ++from;
            }
            const TextSpan cut = m_context.valuePatterns.cutMatch(QStringView(from, m_end));
            return cut.start < 0 ? CutMatch() : CutMatch { from + cut.start, cut.part };
        }
    }

    static bool isWordUnit(char32_t c)
    {
        return isAsciiLetter(c) || isDigit(c) || c == '_' || c == '-' || c == '.' || c >= 0x80;
    }

    // Best effort in text that is not JSON: "key": value, 'key': value and key=value
    // whose key the single-part key patterns name (or whose container value a pattern
    // like "headers.*" covers).
    void findRawPairs(const Char *p, std::vector<RawSpan> &spans)
    {
        while (p != m_end) {
            const char32_t c = unitOf(*p);
            const Char *keyBegin = nullptr;
            const Char *keyEnd = nullptr;
            const Char *after = nullptr;
            if (c == '"' || c == '\'') {
                after = quotedEnd(p);
                keyBegin = p + 1;
                keyEnd = after != m_end || unitOf(after[-1]) == c ? after - 1 : after;
            } else if (isWordUnit(c)) {
                after = p;
                while (after != m_end && isWordUnit(unitOf(*after))) {
                    ++after;
                }
                keyBegin = p;
                keyEnd = after;
            } else {
                ++p;
                continue;
            }
            const Char *separator = skipWhitespace(after);
            if (separator == m_end || (unitOf(*separator) != ':' && unitOf(*separator) != '=')
                || keyEnd < keyBegin) {
                p = after;
                continue;
            }
            p = rawValue(keyBegin, keyEnd, skipWhitespace(separator + 1), spans);
        }
    }

    // Reads the value at p of the raw key; returns where to go on.
    const Char *rawValue(
        const Char *keyBegin, const Char *keyEnd, const Char *p, std::vector<RawSpan> &spans)
    {
        if (p == m_end) {
            return p;
        }
        m_scratch.clear();
        readKeyText(keyBegin, keyEnd, m_scratch);
        bool secret = false;
        bool secretContainer = false;
        for (const KeyPattern &pattern : m_context.keys.patterns) {
            if (pattern.segments.size() == 1) {
                secret = secret || pattern.segments.front().matches(m_scratch);
            } else if (pattern.segments.size() == 2) {
                secretContainer = secretContainer || pattern.segments.front().matches(m_scratch);
            }
        }
        const KeyVerdict byWords
            = m_context.keys.hasWordRules() ? m_context.keys.byWords(m_words) : KeyVerdict::Keep;
        secret = secret || byWords == KeyVerdict::Secret;
        const bool ifCredential = !secret && byWords == KeyVerdict::SecretIfCredential;
        const char32_t c = unitOf(*p);
        if (c == '{' || c == '[') {
            const Char *end = bracketEnd(p);
            if (secret || secretContainer) {
                spans.push_back({ p, end });
                return end;
            }
            return p + 1; // its own pairs are read one by one
        }
        if (!secret && !ifCredential) {
            return p;
        }
        const bool authorization = secret && isAuthorization(m_scratch);
        const Char *start = p;
        const Char *end = p;
        const Char *next = p;
        if (c == '"' || c == '\'') {
            next = quotedEnd(p);
            start = p + 1;
            end = next != m_end || unitOf(next[-1]) == c ? next - 1 : next;
            end = std::max(end, start); // a quote that is the text's last character
        } else {
            // A bare value ends at a delimiter; an Authorization value at the line's end.
            while (end != m_end) {
                const char32_t u = unitOf(*end);
                if (u == '\n' || u == '\r'
                    || (!authorization
                        && (u == ' ' || u == '\t' || u == ',' || u == ';' || u == '&' || u == '}'
                            || u == ']' || u == ')' || u == '"' || u == '\''))) {
                    break;
                }
                ++end;
            }
            next = end;
        }
        if (authorization) {
            const qsizetype scheme = schemeLength(start, end);
            start += scheme > 0 ? scheme + 1 : 0;
        }
        if (ifCredential && !isCredential(start, end, end != m_end)) {
            return next;
        }
        if (start < end) {
            spans.push_back({ start, end });
        }
        return next;
    }

    // Hides [start, stop): as a JSON string value ("••••", "Bearer ••••") when `quoted`,
    // else the text itself. A revealed value stays, and is reported all the same.
    void hide(const Char *start, const Char *stop, qsizetype schemeLength, bool quoted)
    {
        const int ordinal = m_count++;
        const bool revealed = m_context.revealed && m_context.revealed->contains(ordinal);
        if (!m_out) {
            return;
        }
        if (revealed) {
            report(ordinal, m_out->size() + (start - m_copied), true);
            return;
        }
        if (m_replaced++ == 0) {
            m_out->reserve((m_end - m_begin) + 64);
        }
        appendText(*m_out, m_copied, start - m_copied);
        const Char quote = Char('"');
        if (quoted) {
            appendText(*m_out, &quote, 1);
            if (schemeLength > 0) {
                const Char space = Char(' ');
                appendText(*m_out, start + 1, schemeLength);
                appendText(*m_out, &space, 1);
            }
        }
        report(ordinal, m_out->size(), false);
        appendBullets(*m_out);
        if (quoted) {
            appendText(*m_out, &quote, 1);
        }
        m_copied = stop;
    }

    void report(int ordinal, qsizetype position, bool revealed)
    {
        if (m_context.values) {
            m_context.values->push_back({ ordinal, position, revealed });
        }
    }

    int finish()
    {
        if (m_out && m_replaced > 0) {
            appendText(*m_out, m_copied, m_end - m_copied);
            m_copied = m_end;
        }
        return m_count;
    }

    const Context &m_context;
    const Char *m_begin;
    Buffer *m_out;
    const Char *m_copied; // the input up to here is in m_out already
    int m_count = 0;
    int m_replaced = 0;
    size_t m_nextMatch = 0;
    std::vector<Frame> m_stack;
    size_t m_maskedDepth = 0; // the stack size at which a masked container is open, or 0
    std::u16string m_key; // the last key read, decoded and folded
    std::vector<std::u16string> m_frameKeys; // by depth: the key a container is the value of
    std::u16string m_headerName;
    std::u16string m_scratch;
    std::u16string m_keyText; // the last key as it reads, for m_words
    KeyWords m_words; // the last key read, in words
    std::u16string m_valueText; // a value looked at by isCredential
    Verdict m_keyVerdict = Verdict::Keep;
    bool m_keyIsHeaders = false;
};

} // namespace SecretScan
