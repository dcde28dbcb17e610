#include "theme.h"

#include <QHash>

#include <array>

namespace Theme {

namespace {

// A light and a dark variant, picked by the surface the colour is drawn on.
QColor pick(const QPalette &palette, QPalette::ColorRole surface, QColor light, QColor dark)
{
    return isDark(palette, surface) ? dark : light;
}

} // namespace

bool isDark(const QPalette &palette, QPalette::ColorRole surface)
{
    return palette.color(surface).lightness() < 128;
}

QColor errorText(const QPalette &palette)
{
    return pick(palette, QPalette::Window, QColor(0xb7, 0x1c, 0x1c), QColor(0xff, 0x8a, 0x80));
}

QColor noticeText(const QPalette &palette)
{
    return pick(palette, QPalette::Window, QColor(0x9a, 0x45, 0x00), QColor(0xff, 0xb4, 0x6b));
}

QColor bannerBackground(const QPalette &palette)
{
    return pick(palette, QPalette::Window, QColor(0xfd, 0xec, 0xea), QColor(0x5c, 0x1f, 0x1f));
}

QColor bannerText(const QPalette &palette)
{
    return pick(palette, QPalette::Window, QColor(0x8a, 0x16, 0x16), QColor(0xff, 0xdc, 0xd8));
}

QColor invalidInput()
{
    return QColor(0xe5, 0x39, 0x35);
}

QString invalidBorder(const QString &widgetClass)
{
    return QStringLiteral("%1 { border: 2px solid %2; }").arg(widgetClass, invalidInput().name());
}

QColor noMatchBase(const QPalette &palette)
{
    return pick(palette, QPalette::Base, QColor(0xfd, 0xe2, 0xe0), QColor(0x5c, 0x1f, 0x1f));
}

QColor findMatchBackground(const QPalette &palette)
{
    return pick(palette, QPalette::Base, QColor(0xff, 0xe5, 0x7a), QColor(0x6b, 0x5a, 0x12));
}

JsonColors jsonColors(bool dark)
{
    // Pairs chosen for contrast on a white and on a near-black base.
    if (dark) {
        return { QColor(0x8c, 0xc4, 0xff), QColor(0xa6, 0xd9, 0x8f), QColor(0xf2, 0xb2, 0x6b),
            QColor(0xd7, 0xa4, 0xf5), QColor(0x9d, 0xa7, 0xb3), QColor(0xff, 0x9e, 0x9e),
            QColor(0xc8, 0xcd, 0xd4), QColor(0x3a, 0x3f, 0x47) };
    }
    return { QColor(0x0b, 0x4f, 0x9c), QColor(0x1d, 0x6e, 0x2f), QColor(0x9a, 0x45, 0x00),
        QColor(0x80, 0x1f, 0x9e), QColor(0x5a, 0x63, 0x6e), QColor(0xa3, 0x1f, 0x1f),
        QColor(0x4a, 0x52, 0x5c), QColor(0xe4, 0xe7, 0xeb) };
}

QColor badge(const QString &value)
{
    if (value == QLatin1String("http")) {
        return QColor(0x2b, 0x6c, 0xb0);
    }
    if (value == QLatin1String("mcp")) {
        return QColor(0x7b, 0x4f, 0xb8);
    }
    if (value == QLatin1String("system")) {
        return QColor(0x5f, 0x6b, 0x7a);
    }
    if (value == QLatin1String("ok")) {
        return QColor(0x2e, 0x8b, 0x57);
    }
    if (value == QLatin1String("failed")) {
        return QColor(0xc6, 0x28, 0x28);
    }
    if (value == QLatin1String("running")) {
        return QColor(0xc7, 0x7c, 0x02);
    }
    // Another value gets a stable colour of its own.
    const int hue = static_cast<int>(qHash(value) % 360);
    return QColor::fromHsl(hue, 110, 105);
}

QColor onBadge()
{
    return QColor(Qt::white);
}

QColor diffMark(Diff kind)
{
    switch (kind) {
    case Diff::Changed:
        return QColor(0xf0, 0xa2, 0x02);
    case Diff::Added:
        return QColor(0x2d, 0xa4, 0x4e);
    case Diff::Removed:
        break;
    }
    return QColor(0xe5, 0x48, 0x4d);
}

QColor diffTint(Diff kind, const QPalette &palette)
{
    const QColor base = palette.color(QPalette::Base);
    const QColor mark = diffMark(kind);
    // More of the mark on a dark base, where a faint tint disappears.
    const qreal a = isDark(palette, QPalette::Base) ? 0.38 : 0.26;
    return QColor::fromRgbF(base.redF() * (1 - a) + mark.redF() * a,
        base.greenF() * (1 - a) + mark.greenF() * a, base.blueF() * (1 - a) + mark.blueF() * a);
}

QColor series(int index)
{
    // Distinct hues that read on light and dark backgrounds.
    static const std::array<QColor, 5> colors { QColor(0xd5, 0x5e, 0x00), QColor(0x00, 0x9e, 0x73),
        QColor(0x8e, 0x63, 0xc4), QColor(0xe6, 0x9f, 0x00), QColor(0xcc, 0x79, 0xa7) };
    return colors.at(static_cast<size_t>(index) % colors.size());
}

} // namespace Theme
