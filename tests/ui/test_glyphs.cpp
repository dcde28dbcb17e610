#include "displaytext.h"

#include <QApplication>
#include <QGlyphRun>
#include <QTextLayout>

#include <gtest/gtest.h>

namespace {

// The characters of `text` that no installed font can draw in the application's font:
// Qt falls back through fontconfig, and a glyph index 0 is the empty box (".notdef").
// Each character is laid out alone, so the message can name it.
QStringList undrawable(const QString &text)
{
    QStringList missing;
    for (const char32_t c : text.toUcs4()) {
        const QString one = QString::fromUcs4(&c, 1);
        QTextLayout layout(one, QApplication::font());
        layout.beginLayout();
        layout.createLine();
        layout.endLayout();
        for (const QGlyphRun &run : layout.glyphRuns()) {
            if (run.glyphIndexes().contains(0u)) {
                missing.append(
                    one + QStringLiteral(" (U+%1)").arg(quint32(c), 4, 16, QLatin1Char('0')));
            }
        }
    }
    return missing;
}

} // namespace

// Control characters in a bank id or an action are shown as markers; on the fonts that
// scripts/setup installs (and the package recommends) none of them is an empty box.
TEST(Glyphs, EveryControlCharacterMarkerIsDrawnByAnInstalledFont)
{
    QString controls;
    for (char16_t c = 0; c < 0x20; ++c) {
        controls += QChar(c);
    }
    controls += QChar(char16_t(0x7F));
    const QString markers = visibleText(controls);
    ASSERT_NE(markers, controls);
    const QStringList missing = undrawable(markers);
    EXPECT_TRUE(missing.isEmpty())
        << "drawn as empty boxes: " << missing.join(QLatin1Char(' ')).toStdString();
}

TEST(Glyphs, EmojiInBankIdsAreDrawnByAnInstalledFont)
{
    // Emoji Hindsight users put in bank names, from the old to the recent blocks.
    const QString bank = QStringLiteral("bank-🚀-🦄-🧠-✅-🔥-🫠");
    const QStringList missing = undrawable(visibleText(bank));
    EXPECT_TRUE(missing.isEmpty())
        << "drawn as empty boxes: " << missing.join(QLatin1Char(' ')).toStdString();
}
