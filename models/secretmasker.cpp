#include "secretmasker.h"

#include "jsonlexical.h"

#include <QChar>

#include <algorithm>
#include <string_view>

namespace {

using namespace JsonLexical;

// What happens to one value.
enum class Verdict : unsigned char { Keep, Mask, MaskAfterScheme };

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

bool isAsciiLetter(char32_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Keys and patterns are compared in this form: ASCII lower case, '-' as '_', the rest
// case-folded one UTF-16 unit at a time.
char16_t foldUnit(char16_t c)
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

std::u16string fold(QStringView text)
{
    std::u16string folded;
    folded.reserve(size_t(text.size()));
    for (const QChar c : text) {
        folded.push_back(foldUnit(c.unicode()));
    }
    return folded;
}

// '*' matches any run of characters (also none); everything else matches itself.
bool matchesPattern(std::u16string_view pattern, std::u16string_view text)
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

bool matchesAny(const std::vector<std::u16string> &patterns, std::u16string_view folded)
{
    return std::any_of(patterns.begin(), patterns.end(),
        [folded](const std::u16string &pattern) { return matchesPattern(pattern, folded); });
}

Verdict classify(const std::vector<std::u16string> &patterns, std::u16string_view folded)
{
    if (!matchesAny(patterns, folded)) {
        return Verdict::Keep;
    }
    const bool authorization = folded == u"authorization" || folded.ends_with(u"_authorization");
    return authorization ? Verdict::MaskAfterScheme : Verdict::Mask;
}

void appendText(QString &out, const char16_t *text, qsizetype length)
{
    out.append(reinterpret_cast<const QChar *>(text), length);
}

void appendText(QByteArray &out, const char *text, qsizetype length)
{
    out.append(text, length);
}

void appendBullets(QString &out)
{
    out.append(QString(kBulletCount, QChar(kBullet)));
}

void appendBullets(QByteArray &out)
{
    for (int i = 0; i < kBulletCount; ++i) {
        out.append("\xE2\x80\xA2"); // U+2022 in UTF-8
    }
}

// One pass over the text: validates it as JSON (the grammar JsonPrettyPrinter accepts)
// and replaces sensitive values, copying everything between them unchanged. Nesting is
// tracked in a vector, so depth costs heap, never stack.
template <typename Char, typename Buffer> class Masking
{
public:
    // out may be null to only count.
    Masking(const std::vector<std::u16string> &patterns, const Char *begin, const Char *end,
        Buffer *out)
        : m_patterns(patterns)
        , m_begin(begin)
        , m_end(end)
        , m_out(out)
        , m_copied(begin)
    {
    }

    // The number of values masked, or -1 when the text is not valid JSON.
    int run()
    {
        const Char *p = m_begin;
        Expect expect = Expect::Value;
        for (;;) {
            while (p != m_end && isJsonWhitespace(unitOf(*p))) {
                ++p;
            }
            if (p == m_end) {
                return expect == Expect::End ? finish() : -1;
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
                    return -1;
                }
                readKey(p, q);
                p = q;
                expect = Expect::Colon;
                break;
            }
            case Expect::Colon:
                if (c != ':') {
                    return -1;
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
                    if (q) {
                        readString(p, q, slot);
                    }
                } else if (c == '-' || isDigit(c)) {
                    q = scanNumber(p);
                } else if (c == 't' || c == 'f' || c == 'n') {
                    q = scanLiteral(p);
                }
                if (!q) {
                    return -1;
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
                    return -1;
                }
                break;
            case Expect::End:
                return -1;
            }
        }
    }

private:
    struct Frame
    {
        const Char *start; // the opening bracket
        bool isObject;
        HeaderRole role;
        bool masked; // the container is replaced as a whole
        int item = 0; // the item being read (arrays)
        Verdict headerVerdict = Verdict::Keep; // Pair and Fields: what the header value gets
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
                if (m_key == u"name") {
                    slot.isHeaderName = true;
                } else if (m_key == u"value" && slot.verdict == Verdict::Keep) {
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
        const bool masked = slot.verdict != Verdict::Keep;
        m_stack.push_back(Frame { p, isObject, slot.role, masked });
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
                replace(frame.start, p + 1, 0);
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
        decodeFolded(p + 1, q - 1, m_key);
        m_keyVerdict = classify(m_patterns, m_key);
        m_keyIsHeaders = m_key == u"headers";
    }

    // p..q is a string value token, quotes included.
    void readString(const Char *p, const Char *q, const Slot &slot)
    {
        if (slot.isHeaderName) {
            m_headerName.clear();
            decodeFolded(p + 1, q - 1, m_headerName);
            m_stack.back().headerVerdict = classify(m_patterns, m_headerName);
        }
        if (slot.verdict == Verdict::Keep || q - p == 2) {
            return;
        }
        const qsizetype scheme
            = slot.verdict == Verdict::MaskAfterScheme ? schemeLength(p + 1, q - 1) : 0;
        replace(p, q, scheme);
    }

    // "Bearer sk-..." keeps "Bearer": a letter, then letters, digits, '-', '_' or '.', then
    // a space and something after it.
    static qsizetype schemeLength(const Char *content, const Char *contentEnd)
    {
        if (content == contentEnd || !isAsciiLetter(unitOf(*content))) {
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

    // Replaces the value at [start, stop) with "••••", or "<scheme> ••••" when the first
    // schemeLength characters after its quote are to stay.
    void replace(const Char *start, const Char *stop, qsizetype schemeLength)
    {
        ++m_count;
        if (!m_out) {
            return;
        }
        if (m_copied == m_begin) {
            m_out->reserve((m_end - m_begin) + 64);
        }
        appendText(*m_out, m_copied, start - m_copied);
        const Char quote = Char('"');
        appendText(*m_out, &quote, 1);
        if (schemeLength > 0) {
            const Char space = Char(' ');
            appendText(*m_out, start + 1, schemeLength);
            appendText(*m_out, &space, 1);
        }
        appendBullets(*m_out);
        appendText(*m_out, &quote, 1);
        m_copied = stop;
    }

    int finish()
    {
        if (m_out && m_count > 0) {
            appendText(*m_out, m_copied, m_end - m_copied);
        }
        return m_count;
    }

    // Decodes validated string content (between the quotes) and folds it for matching.
    void decodeFolded(const Char *p, const Char *end, std::u16string &out) const
    {
        while (p != end) {
            const char32_t c = unitOf(*p);
            if (c == '\\') {
                if (unitOf(p[1]) == 'u') {
                    char16_t unit = 0;
                    for (int i = 2; i < 6; ++i) {
                        unit = char16_t(unit << 4 | hexValue(unitOf(p[i])));
                    }
                    out.push_back(foldUnit(unit));
                    p += 6;
                } else {
                    out.push_back(unescaped(unitOf(p[1])));
                    p += 2;
                }
                continue;
            }
            if constexpr (sizeof(Char) == 1) {
                if (c >= 0x80) {
                    const int length = utf8SequenceLength(p, end);
                    char32_t cp = c & (0x7F >> length);
                    for (int i = 1; i < length; ++i) {
                        cp = cp << 6 | (unitOf(p[i]) & 0x3F);
                    }
                    p += length;
                    if (cp > 0xFFFF) {
                        out.push_back(QChar::highSurrogate(cp));
                        out.push_back(QChar::lowSurrogate(cp));
                    } else {
                        out.push_back(foldUnit(char16_t(cp)));
                    }
                    continue;
                }
            }
            out.push_back(foldUnit(char16_t(c)));
            ++p;
        }
    }

    // Returns the position after the string token at p, or nullptr if it is malformed.
    const Char *scanString(const Char *p) const
    {
        const Char *q = p + 1;
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
                    return nullptr;
                }
                if (unescaped(unitOf(*q)) != 0) {
                    ++q;
                    continue;
                }
                const auto isHex = [](Char h) { return hexValue(unitOf(h)) >= 0; };
                if (unitOf(*q) != 'u' || m_end - q < 5 || !std::all_of(q + 1, q + 5, isHex)) {
                    return nullptr;
                }
                q += 5;
                continue;
            }
            if constexpr (sizeof(Char) == 1) {
                if (c >= 0x80) {
                    const int length = utf8SequenceLength(q, m_end);
                    if (length <= 0) { // malformed, or cut off at the end
                        return nullptr;
                    }
                    q += length;
                    continue;
                }
            }
            ++q;
        }
        return nullptr;
    }

    // The number grammar of RFC 8259; the digits are only stepped over, never converted.
    const Char *scanNumber(const Char *p) const
    {
        const Char *q = p;
        const auto digits = [&q, this] {
            const Char *first = q;
            while (q != m_end && isDigit(unitOf(*q))) {
                ++q;
            }
            return q != first;
        };
        if (unitOf(*q) == '-') {
            ++q;
        }
        if (q != m_end && unitOf(*q) == '0') {
            ++q;
        } else if (!digits()) {
            return nullptr;
        }
        if (q != m_end && unitOf(*q) == '.') {
            ++q;
            if (!digits()) {
                return nullptr;
            }
        }
        if (q != m_end && (unitOf(*q) == 'e' || unitOf(*q) == 'E')) {
            ++q;
            if (q != m_end && (unitOf(*q) == '+' || unitOf(*q) == '-')) {
                ++q;
            }
            if (!digits()) {
                return nullptr;
            }
        }
        return q;
    }

    const Char *scanLiteral(const Char *p) const
    {
        const std::string_view literal = unitOf(*p) == 't' ? "true"
            : unitOf(*p) == 'f'                            ? "false"
                                                           : "null";
        if (m_end - p < qsizetype(literal.size())) {
            return nullptr;
        }
        for (size_t i = 0; i < literal.size(); ++i) {
            if (unitOf(p[i]) != char32_t(literal[i])) {
                return nullptr;
            }
        }
        return p + literal.size();
    }

    const std::vector<std::u16string> &m_patterns;
    const Char *m_begin;
    const Char *m_end;
    Buffer *m_out;
    const Char *m_copied; // the input up to here is in m_out already
    int m_count = 0;
    std::vector<Frame> m_stack;
    size_t m_maskedDepth = 0; // the stack size at which a masked container is open, or 0
    std::u16string m_key; // the last key read, decoded and folded
    std::u16string m_headerName;
    Verdict m_keyVerdict = Verdict::Keep;
    bool m_keyIsHeaders = false;
};

} // namespace

SecretMasker::SecretMasker()
    : SecretMasker(defaultKeyPatterns())
{
}

SecretMasker::SecretMasker(const QStringList &keyPatterns)
    : m_patterns(keyPatterns)
{
    m_foldedPatterns.reserve(size_t(keyPatterns.size()));
    for (const QString &pattern : keyPatterns) {
        m_foldedPatterns.push_back(fold(pattern));
    }
}

QStringList SecretMasker::defaultKeyPatterns()
{
    return { QStringLiteral("*secret*"), QStringLiteral("*token*"), QStringLiteral("*api_key*"),
        QStringLiteral("*apikey*"), QStringLiteral("password"), QStringLiteral("passwd"),
        QStringLiteral("authorization"), QStringLiteral("cookie"), QStringLiteral("set-cookie"),
        QStringLiteral("*private_key*") };
}

QString SecretMasker::maskText()
{
    return QString(kBulletCount, QChar(kBullet));
}

bool SecretMasker::isSensitiveKey(QStringView key) const
{
    return matchesAny(m_foldedPatterns, fold(key));
}

QString SecretMasker::mask(const QString &json, int *maskedCount) const
{
    QString masked;
    const char16_t *begin = QStringView(json).utf16();
    const int count
        = Masking<char16_t, QString>(m_foldedPatterns, begin, begin + json.size(), &masked).run();
    if (maskedCount) {
        *maskedCount = std::max(count, 0);
    }
    return count > 0 ? masked : json;
}

QByteArray SecretMasker::maskUtf8(QByteArrayView utf8, int *maskedCount) const
{
    QByteArray masked;
    const char *begin = utf8.data();
    const int count
        = Masking<char, QByteArray>(m_foldedPatterns, begin, begin + utf8.size(), &masked).run();
    if (maskedCount) {
        *maskedCount = std::max(count, 0);
    }
    return count > 0 ? masked : utf8.toByteArray();
}

int SecretMasker::countMasked(const QString &json) const
{
    const char16_t *begin = QStringView(json).utf16();
    const int count
        = Masking<char16_t, QString>(m_foldedPatterns, begin, begin + json.size(), nullptr).run();
    return std::max(count, 0);
}
