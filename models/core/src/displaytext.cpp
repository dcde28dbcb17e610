#include "displaytext.h"

#include <QList>

#include <algorithm>

bool isHiddenCharacter(char32_t c)
{
    return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x00AD || c == 0x061C || c == 0x180E
        || c == 0x200B || c == 0x200E || c == 0x200F || (c >= 0x2028 && c <= 0x202E)
        || (c >= 0x2060 && c <= 0x2064) || (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF;
}

QString visibleText(QStringView text)
{
    const auto hidden = [](QChar c) { return isHiddenCharacter(c.unicode()); };
    // Every hidden character is in the Basic Multilingual Plane: no surrogate is one.
    if (std::none_of(text.begin(), text.end(), hidden)) {
        return text.toString();
    }
    QString shown;
    shown.reserve(text.size() + 16);
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u < 0x20) {
            shown.append(QChar(char16_t(0x2400 + u)));
        } else if (u == 0x7F) {
            shown.append(QChar(char16_t(0x2421)));
        } else if (isHiddenCharacter(u)) {
            shown.append(QStringLiteral("<U+%1>").arg(uint(u), 4, 16, QLatin1Char('0')).toUpper());
        } else {
            shown.append(c);
        }
    }
    return shown;
}

QString isolatedText(QStringView text)
{
    return QChar(0x2068) + visibleText(text) + QChar(0x2069);
}

QString plainToolTip(const QString &text)
{
    return QStringLiteral("<qt>")
        + text.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"))
        + QStringLiteral("</qt>");
}
