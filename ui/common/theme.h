#pragma once

#include <QColor>
#include <QPalette>
#include <QString>

// The colours the widgets add to their palette, in one place. A colour drawn on a surface of
// the palette comes in a pair, one that reads on a light surface and one on a dark one, and
// picks by that surface: labels sit on the window, text views and item views on the base.
// Badges, marks and chart lines carry their own fill and read on both.
// Thread: any (pure functions).
namespace Theme {

// Whether `surface` of `palette` is dark: lighter colours are drawn on it.
bool isDark(const QPalette &palette, QPalette::ColorRole surface = QPalette::Window);

// Text that reports an error or warns of a risk (a refused connection, secrets in a file).
QColor errorText(const QPalette &palette);
// Text of a notice that what is shown is not all there is (a shortened or partial view).
QColor noticeText(const QPalette &palette);
// The main window's error banner: its background and its text.
QColor bannerBackground(const QPalette &palette);
QColor bannerText(const QPalette &palette);

// Input that cannot be used: the border around it and the sentence that says why. One red
// on every palette, because it sits on the window and on the field alike.
QColor invalidInput();
// A style sheet that draws the invalid border around widgets of `widgetClass` ("QLineEdit").
QString invalidBorder(const QString &widgetClass);

// Find: the field's base when nothing matches, and the background of the matches in a text.
QColor noMatchBase(const QPalette &palette);
QColor findMatchBackground(const QPalette &palette);

// Pretty-printed JSON. Chosen by `dark` rather than a palette, because the text may be laid
// out on a worker thread, which reads no palette.
struct JsonColors
{
    QColor key;
    QColor string;
    QColor number;
    QColor literal;
    QColor punctuation;
    QColor masked;
    QColor shortened;
    QColor shortenedBackground;
};
JsonColors jsonColors(bool dark);

// Badges: transports and statuses by their stored value; another value gets a stable hue.
QColor badge(const QString &value);
// Text and glyphs drawn on a badge or a diff mark.
QColor onBadge();

// A comparison: the mark of a changed, an added and a removed value, and the row tint of
// each, the mark blended into the palette's base.
enum class Diff { Changed, Added, Removed };
QColor diffMark(Diff kind);
QColor diffTint(Diff kind, const QPalette &palette);

// The chart's line for its `index`th action: distinct hues, repeating after five. The total
// uses the palette's highlight.
QColor series(int index);

} // namespace Theme
