#include "conninfopassword.h"

#include <QByteArray>

#include <cstring>

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// libpq's URI prefixes (matched case-sensitively, as libpq does).
qsizetype uriPrefixLength(QByteArrayView text)
{
    for (const QByteArrayView prefix :
        { QByteArrayView("postgresql://"), QByteArrayView("postgres://") }) {
        if (text.startsWith(prefix)) {
            return prefix.size();
        }
    }
    return 0;
}

QList<ByteSpan> uriSpans(QByteArrayView uri, qsizetype start)
{
    QList<ByteSpan> spans;
    // user[:password]@ comes before the first '/', if an '@' does.
    qsizetype at = start;
    while (at < uri.size() && uri[at] != '@' && uri[at] != '/') {
        ++at;
    }
    qsizetype rest = start;
    if (at < uri.size() && uri[at] == '@') {
        const qsizetype colon = uri.sliced(start, at - start).indexOf(':');
        if (colon >= 0) {
            spans.append({ start + colon + 1, at - (start + colon + 1) });
        }
        rest = at + 1;
    }
    // ?key=value&key=value, keys percent-decoded.
    const qsizetype query = uri.indexOf('?', rest);
    if (query < 0) {
        return spans;
    }
    qsizetype pos = query + 1;
    while (pos < uri.size()) {
        qsizetype end = uri.indexOf('&', pos);
        if (end < 0) {
            end = uri.size();
        }
        const QByteArrayView pair = uri.sliced(pos, end - pos);
        const qsizetype equals = pair.indexOf('=');
        if (equals >= 0
            && QByteArray::fromPercentEncoding(pair.first(equals).toByteArray()) == "password") {
            spans.append({ pos + equals + 1, pair.size() - equals - 1 });
        }
        pos = end + 1;
    }
    return spans;
}

QList<ByteSpan> keywordSpans(QByteArrayView text)
{
    QList<ByteSpan> spans;
    qsizetype pos = 0;
    const auto skipSpaces = [&] {
        while (pos < text.size() && isSpace(text[pos])) {
            ++pos;
        }
    };
    while (true) {
        skipSpaces();
        if (pos >= text.size()) {
            return spans;
        }
        const qsizetype keyStart = pos;
        while (pos < text.size() && text[pos] != '=' && !isSpace(text[pos])) {
            ++pos;
        }
        const QByteArrayView key = text.sliced(keyStart, pos - keyStart);
        skipSpaces();
        if (pos >= text.size() || text[pos] != '=') {
            return spans; // libpq refuses the rest; nothing more to find
        }
        ++pos;
        skipSpaces();
        qsizetype valueStart = pos;
        qsizetype valueEnd = pos;
        if (pos < text.size() && text[pos] == '\'') {
            valueStart = ++pos;
            while (pos < text.size() && text[pos] != '\'') {
                pos += text[pos] == '\\' ? 2 : 1;
            }
            valueEnd = std::min(pos, text.size());
            ++pos; // past the closing quote
        } else {
            while (pos < text.size() && !isSpace(text[pos])) {
                pos += text[pos] == '\\' ? 2 : 1;
            }
            pos = std::min(pos, text.size());
            valueEnd = pos;
        }
        if (key == "password" && valueEnd > valueStart) {
            spans.append({ valueStart, valueEnd - valueStart });
        }
    }
}

} // namespace

QList<ByteSpan> conninfoPasswordSpans(QByteArrayView conninfo)
{
    const qsizetype prefix = uriPrefixLength(conninfo);
    return prefix > 0 ? uriSpans(conninfo, prefix) : keywordSpans(conninfo);
}

bool blankConninfoPassword(char *argument)
{
    const QList<ByteSpan> spans
        = conninfoPasswordSpans(QByteArrayView(argument, qsizetype(std::strlen(argument))));
    for (const ByteSpan &span : spans) {
        std::memset(argument + span.start, 'x', size_t(span.length));
    }
    return !spans.isEmpty();
}
