#include "requestpreview.h"

#include <algorithm>

namespace {

bool isBidiControl(char16_t c)
{
    return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E)
        || (c >= 0x2066 && c <= 0x2069);
}

bool isWhitespace(char16_t c)
{
    return c == u' ' || c == u'\n' || c == u'\r' || c == u'\t';
}

void appendShown(QString &out, char16_t c)
{
    if (c < 0x20) {
        out.append(QLatin1Char(' '));
    } else if (isBidiControl(c)) {
        out.append(QStringLiteral("\\u%1").arg(int(c), 4, 16, QLatin1Char('0')));
    } else {
        out.append(QChar(c));
    }
}

} // namespace

namespace RequestPreview {

QString compact(QStringView maskedJson, bool cut, qsizetype maxStringLength)
{
    const qsizetype size = maskedJson.size();
    QString out;
    out.reserve(size + 1);
    qsizetype i = 0;
    while (i < size) {
        const char16_t c = maskedJson[i].unicode();
        if (c != u'"') {
            if (!isWhitespace(c)) {
                appendShown(out, c);
            }
            ++i;
            continue;
        }
        // A string: copied whole, or its first maxStringLength characters and "…". An
        // escape (\n, \u00e9) or a surrogate pair counts as one character and is never split.
        out.append(QLatin1Char('"'));
        ++i;
        qsizetype characters = 0;
        bool shortened = false;
        while (i < size && maskedJson[i] != QLatin1Char('"')) {
            qsizetype length = 1;
            if (maskedJson[i] == QLatin1Char('\\')) {
                length = i + 1 < size && maskedJson[i + 1] == QLatin1Char('u') ? 6 : 2;
            } else if (maskedJson[i].isHighSurrogate()) {
                length = 2;
            }
            length = std::min(length, size - i);
            if (maxStringLength >= 0 && characters == maxStringLength && !shortened) {
                out.append(QChar(0x2026));
                shortened = true;
            }
            if (!shortened) {
                for (qsizetype k = 0; k < length; ++k) {
                    appendShown(out, maskedJson[i + k].unicode());
                }
            }
            ++characters;
            i += length;
        }
        if (i < size) {
            out.append(QLatin1Char('"'));
            ++i;
        }
    }
    if (cut) {
        out.append(QChar(0x2026));
    }
    return out;
}

} // namespace RequestPreview
