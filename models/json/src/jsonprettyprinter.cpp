#include "jsonprettyprinter.h"

#include "jsonlexical.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <vector>

namespace {

using namespace JsonLexical;

enum class ErrorKind { None, UnexpectedEnd, UnexpectedCharacter, InvalidEscape, InvalidUtf8 };

bool isHexDigit(char32_t c)
{
    return hexValue(c) >= 0;
}

char32_t decodeUtf8(const char *p, int length)
{
    const auto byteAt = [p](int i) { return static_cast<unsigned char>(p[i]); };
    char32_t cp = byteAt(0) & (0xFF >> (length + 1));
    for (int i = 1; i < length; ++i) {
        cp = (cp << 6) | (byteAt(i) & 0x3F);
    }
    return cp;
}

// Skips string content that needs no attention: everything except `"`, `\`, control
// characters and (for UTF-8) bytes >= 0x80, which must be validated.
template <typename Char> const Char *skipPlainStringContent(const Char *p, const Char *end)
{
    while (p != end) {
        const char32_t c = unitOf(*p);
        if (c == '"' || c == '\\' || c < 0x20 || (sizeof(Char) == 1 && c >= 0x80)) {
            break;
        }
        ++p;
    }
    return p;
}

// A growable output buffer written through a raw pointer: QString/QByteArray::append per
// token costs a capacity and detach check in the library each time.
template <typename Buffer, typename Char> class Output
{
public:
    explicit Output(qsizetype expectedSize) { grow(expectedSize); }

    void put(Char c)
    {
        ensureRoom(1);
        m_data[m_size++] = c;
    }

    void append(const Char *text, qsizetype length)
    {
        ensureRoom(length);
        std::memcpy(m_data + m_size, text, size_t(length) * sizeof(Char));
        m_size += length;
    }

    Buffer take()
    {
        m_buffer.resize(m_size);
        // The doubling strategy can leave a lot unused on large documents.
        if (m_buffer.capacity() - m_size > m_size / 4 + 4096) {
            m_buffer.squeeze();
        }
        return std::move(m_buffer);
    }

private:
    void ensureRoom(qsizetype length)
    {
        if (length > m_capacity - m_size) {
            grow(length);
        }
    }

    void grow(qsizetype length)
    {
        m_capacity = std::max(m_capacity * 2, m_size + length);
        m_buffer.resize(m_capacity);
        m_data = reinterpret_cast<Char *>(m_buffer.data());
    }

    Buffer m_buffer;
    Char *m_data = nullptr;
    qsizetype m_size = 0;
    qsizetype m_capacity = 0;
};

template <typename Buffer> struct Outcome
{
    Buffer text;
    ErrorKind error = ErrorKind::None;
    qsizetype errorOffset = -1;
    char32_t unexpected = 0;
};

template <typename Char, typename Buffer> class Formatter
{
public:
    Formatter(const Char *begin, const Char *end, int indent, int baseIndent)
        : m_begin(begin)
        , m_end(end)
        // Room for the input plus some indentation; Output doubles when that is short.
        , m_out((end - begin) + (end - begin) / 2 + 64)
        , m_indent(indent)
        , m_baseIndent(std::clamp(baseIndent, 0, JsonPrettyPrinter::maxIndentLevels))
    {
        m_indentLine.fill(Char(' '));
        m_indentLine[0] = Char('\n');
    }

    Outcome<Buffer> run()
    {
        const Char *p = m_begin;
        Expect expect = Expect::Value;
        for (;;) {
            while (p != m_end && isJsonWhitespace(unitOf(*p))) {
                ++p;
            }
            if (p == m_end) {
                if (expect == Expect::End) {
                    return finish();
                }
                return fail(ErrorKind::UnexpectedEnd, p);
            }
            const char32_t c = unitOf(*p);
            switch (expect) {
            case Expect::FirstKeyOrClose:
            case Expect::FirstValueOrClose:
                if (c == awaitedCloser()) {
                    // Empty container: `{}` / `[]` on one line.
                    m_closers.pop_back();
                    m_out.put(Char(c));
                    ++p;
                    expect = afterValue();
                    break;
                }
                newLine();
                expect = expect == Expect::FirstKeyOrClose ? Expect::Key : Expect::Value;
                break;
            case Expect::Key:
                if (c != '"') {
                    return fail(ErrorKind::UnexpectedCharacter, p);
                }
                p = copyString(p);
                if (!p) {
                    return finish();
                }
                expect = Expect::Colon;
                break;
            case Expect::Colon:
                if (c != ':') {
                    return fail(ErrorKind::UnexpectedCharacter, p);
                }
                m_out.put(Char(':'));
                m_out.put(Char(' '));
                ++p;
                expect = Expect::Value;
                break;
            case Expect::Value:
                if (c == '{' || c == '[') {
                    m_closers.push_back(c == '{' ? '}' : ']');
                    m_out.put(Char(c));
                    ++p;
                    expect = c == '{' ? Expect::FirstKeyOrClose : Expect::FirstValueOrClose;
                    break;
                }
                if (c == '"') {
                    p = copyString(p);
                } else if (c == '-' || isDigit(c)) {
                    p = copyNumber(p);
                } else if (c == 't' || c == 'f' || c == 'n') {
                    p = copyLiteral(p);
                } else {
                    return fail(ErrorKind::UnexpectedCharacter, p);
                }
                if (!p) {
                    return finish();
                }
                expect = afterValue();
                break;
            case Expect::CommaOrClose:
                if (c == ',') {
                    m_out.put(Char(','));
                    ++p;
                    newLine();
                    expect = awaitedCloser() == '}' ? Expect::Key : Expect::Value;
                } else if (c == awaitedCloser()) {
                    m_closers.pop_back();
                    newLine();
                    m_out.put(Char(c));
                    ++p;
                    expect = afterValue();
                } else {
                    return fail(ErrorKind::UnexpectedCharacter, p);
                }
                break;
            case Expect::End:
                return fail(ErrorKind::UnexpectedCharacter, p);
            }
        }
    }

private:
    Expect afterValue() const { return m_closers.empty() ? Expect::End : Expect::CommaOrClose; }

    char32_t awaitedCloser() const { return char32_t(m_closers.back()); }

    void newLine()
    {
        const qsizetype levels = std::min<qsizetype>(
            m_baseIndent + qsizetype(m_closers.size()), JsonPrettyPrinter::maxIndentLevels);
        m_out.append(m_indentLine.data(), 1 + levels * m_indent);
    }

    // Copies the string starting at the quote at p, escapes untouched; returns the
    // position after the closing quote, or nullptr after recording an error.
    const Char *copyString(const Char *p)
    {
        const Char *q = p + 1;
        for (;;) {
            q = skipPlainStringContent(q, m_end);
            if (q == m_end) {
                return failInString(p, q, ErrorKind::UnexpectedEnd, q);
            }
            const char32_t c = unitOf(*q);
            if (c == '"') {
                ++q;
                m_out.append(p, q - p);
                return q;
            }
            if (c == '\\') {
                const Char *escape = q + 1;
                if (escape == m_end) {
                    return failInString(p, q, ErrorKind::UnexpectedEnd, m_end);
                }
                switch (unitOf(*escape)) {
                case '"':
                case '\\':
                case '/':
                case 'b':
                case 'f':
                case 'n':
                case 'r':
                case 't':
                    q = escape + 1;
                    continue;
                case 'u':
                    for (int i = 1; i <= 4; ++i) {
                        if (escape + i == m_end) {
                            return failInString(p, q, ErrorKind::UnexpectedEnd, m_end);
                        }
                        if (!isHexDigit(unitOf(escape[i]))) {
                            return failInString(p, q, ErrorKind::InvalidEscape, q);
                        }
                    }
                    q = escape + 5;
                    continue;
                default:
                    return failInString(p, q, ErrorKind::InvalidEscape, q);
                }
            }
            if (c < 0x20) {
                return failInString(p, q, ErrorKind::UnexpectedCharacter, q);
            }
            if constexpr (sizeof(Char) == 1) {
                const int length = utf8SequenceLength(q, m_end);
                if (length < 0) {
                    return failInString(p, q, ErrorKind::UnexpectedEnd, m_end);
                }
                if (length == 0) {
                    return failInString(p, q, ErrorKind::InvalidUtf8, q);
                }
                q += length;
            }
            // UTF-16 is copied as is: QString already is the decoded text.
        }
    }

    // Checks the number grammar and copies the digits verbatim, never converting them.
    const Char *copyNumber(const Char *p)
    {
        const Char *q = p;
        const auto digitsFollow = [&q, this]() -> bool {
            if (q == m_end || !isDigit(unitOf(*q))) {
                return false;
            }
            while (q != m_end && isDigit(unitOf(*q))) {
                ++q;
            }
            return true;
        };
        if (unitOf(*q) == '-') {
            ++q;
        }
        if (q != m_end && unitOf(*q) == '0') {
            ++q;
        } else if (!digitsFollow()) {
            return failInString(
                p, q, q == m_end ? ErrorKind::UnexpectedEnd : ErrorKind::UnexpectedCharacter, q);
        }
        if (q != m_end && unitOf(*q) == '.') {
            ++q;
            if (!digitsFollow()) {
                return failInString(p, q,
                    q == m_end ? ErrorKind::UnexpectedEnd : ErrorKind::UnexpectedCharacter, q);
            }
        }
        if (q != m_end && (unitOf(*q) == 'e' || unitOf(*q) == 'E')) {
            ++q;
            if (q != m_end && (unitOf(*q) == '+' || unitOf(*q) == '-')) {
                ++q;
            }
            if (!digitsFollow()) {
                return failInString(p, q,
                    q == m_end ? ErrorKind::UnexpectedEnd : ErrorKind::UnexpectedCharacter, q);
            }
        }
        m_out.append(p, q - p);
        return q;
    }

    const Char *copyLiteral(const Char *p)
    {
        const char *literal = unitOf(*p) == 't' ? "true" : unitOf(*p) == 'f' ? "false" : "null";
        const Char *q = p;
        for (const char *l = literal; *l != '\0'; ++l, ++q) {
            if (q == m_end) {
                return failInString(p, q, ErrorKind::UnexpectedEnd, q);
            }
            if (unitOf(*q) != char32_t(*l)) {
                return failInString(p, q, ErrorKind::UnexpectedCharacter, q);
            }
        }
        m_out.append(p, q - p);
        return q;
    }

    // Keeps the token text read so far (up to `stop`) so the partial output shows it.
    std::nullptr_t failInString(const Char *start, const Char *stop, ErrorKind kind, const Char *at)
    {
        m_out.append(start, stop - start);
        record(kind, at);
        return nullptr;
    }

    Outcome<Buffer> fail(ErrorKind kind, const Char *at)
    {
        record(kind, at);
        return finish();
    }

    void record(ErrorKind kind, const Char *at)
    {
        m_error = kind;
        m_errorAt = at;
        if (kind != ErrorKind::UnexpectedCharacter) {
            return;
        }
        m_unexpected = unitOf(*at);
        if constexpr (sizeof(Char) == 1) {
            if (m_unexpected >= 0x80) {
                // Name the character, not its first byte, unless the bytes are no UTF-8.
                const int length = utf8SequenceLength(at, m_end);
                if (length > 0) {
                    m_unexpected = decodeUtf8(at, length);
                } else {
                    m_error = ErrorKind::InvalidUtf8;
                }
            }
        } else {
            if (QChar::isHighSurrogate(m_unexpected) && at + 1 != m_end
                && QChar::isLowSurrogate(unitOf(at[1]))) {
                m_unexpected = QChar::surrogateToUcs4(char16_t(m_unexpected), at[1]);
            }
        }
    }

    Outcome<Buffer> finish()
    {
        Outcome<Buffer> outcome;
        outcome.text = m_out.take();
        outcome.error = m_error;
        outcome.errorOffset = m_error == ErrorKind::None ? -1 : m_errorAt - m_begin;
        outcome.unexpected = m_unexpected;
        return outcome;
    }

    const Char *m_begin;
    const Char *m_end;
    Output<Buffer, Char> m_out;
    int m_indent;
    int m_baseIndent;
    // The closing bracket each open container waits for; a vector, not the call stack.
    std::vector<char> m_closers;
    std::array<Char, 1 + JsonPrettyPrinter::maxIndentLevels * JsonPrettyPrinter::maxIndentWidth>
        m_indentLine;
    ErrorKind m_error = ErrorKind::None;
    const Char *m_errorAt = nullptr;
    char32_t m_unexpected = 0;
};

QString describeCharacter(char32_t c)
{
    if (c > 0x20 && c < 0x7F) {
        return QLatin1Char('\'') + QChar(char16_t(c)) + QLatin1Char('\'');
    }
    // Anything else by code point, so control and bidi characters cannot garble the message.
    return QStringLiteral("U+%1").arg(uint(c), 4, 16, QLatin1Char('0')).toUpper();
}

} // namespace

JsonPrettyPrinter::JsonPrettyPrinter(int indent)
    : m_indent(std::clamp(indent, 0, maxIndentWidth))
{
}

template <typename Result, typename Buffer> static Result toResult(Outcome<Buffer> &&outcome)
{
    Result result;
    result.text = std::move(outcome.text);
    result.ok = outcome.error == ErrorKind::None;
    result.errorOffset = outcome.errorOffset;
    const QString offset = QString::number(outcome.errorOffset);
    switch (outcome.error) {
    case ErrorKind::None:
        break;
    case ErrorKind::UnexpectedEnd:
        result.error = JsonPrettyPrinter::tr("unexpected end of document at offset %1").arg(offset);
        break;
    case ErrorKind::UnexpectedCharacter:
        result.error = JsonPrettyPrinter::tr("unexpected character %1 at offset %2")
                           .arg(describeCharacter(outcome.unexpected), offset);
        break;
    case ErrorKind::InvalidEscape:
        result.error = JsonPrettyPrinter::tr("invalid escape sequence at offset %1").arg(offset);
        break;
    case ErrorKind::InvalidUtf8:
        result.error = JsonPrettyPrinter::tr("invalid UTF-8 at offset %1").arg(offset);
        break;
    }
    return result;
}

JsonFormatResult JsonPrettyPrinter::format(QStringView json, int baseIndent) const
{
    const char16_t *begin = json.utf16();
    Formatter<char16_t, QString> formatter(begin, begin + json.size(), m_indent, baseIndent);
    return toResult<JsonFormatResult>(formatter.run());
}

JsonFormatResult JsonPrettyPrinter::format(QByteArrayView utf8, int baseIndent) const
{
    JsonUtf8FormatResult bytes = formatUtf8(utf8, baseIndent);
    // The output holds only validated UTF-8 (partial text stops before a bad byte).
    return JsonFormatResult { QString::fromUtf8(bytes.text), bytes.ok, std::move(bytes.error),
        bytes.errorOffset };
}

JsonUtf8FormatResult JsonPrettyPrinter::formatUtf8(QByteArrayView utf8, int baseIndent) const
{
    const char *begin = utf8.data();
    Formatter<char, QByteArray> formatter(begin, begin + utf8.size(), m_indent, baseIndent);
    return toResult<JsonUtf8FormatResult>(formatter.run());
}
