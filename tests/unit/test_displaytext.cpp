#include "displaytext.h"

#include <gtest/gtest.h>

TEST(DisplayText, OrdinaryTextIsUnchangedIncludingRightToLeftAndEmojiSequences)
{
    for (const QString &text : { QStringLiteral("bank-0194"), QStringLiteral("مخزن ١"),
             QStringLiteral("\U0001F468\u200D\U0001F469\u200D\U0001F467"), // family emoji, ZWJ
             QStringLiteral("می\u200Cخواهم"), // Persian with ZWNJ
             QStringLiteral("<b>bold</b> & 'quotes'") }) {
        EXPECT_EQ(visibleText(text), text) << text.toStdString();
    }
}

TEST(DisplayText, ControlsBidiOverridesAndInvisibleCharactersAreShown)
{
    EXPECT_EQ(visibleText(u"a\nb\tc\x1b"), QStringLiteral("a\u240Ab\u2409c\u241B"));
    EXPECT_EQ(visibleText(u"\x7f"), QStringLiteral("\u2421"));
    EXPECT_EQ(visibleText(u"evil\u202Egnp.exe"), QStringLiteral("evil<U+202E>gnp.exe"));
    EXPECT_EQ(visibleText(u"a\u2066b\u2069"), QStringLiteral("a<U+2066>b<U+2069>"));
    EXPECT_EQ(visibleText(u"zero\u200Bwidth\u2060joiner\uFEFF"),
        QStringLiteral("zero<U+200B>width<U+2060>joiner<U+FEFF>"));
    EXPECT_EQ(visibleText(u"soft\u00ADhyphen\u0085"), QStringLiteral("soft<U+00AD>hyphen<U+0085>"));
    EXPECT_EQ(visibleText(u"line\u2028para\u2029"), QStringLiteral("line<U+2028>para<U+2029>"));
}

TEST(DisplayText, IsolatedTextCannotReorderItsSurroundings)
{
    EXPECT_EQ(isolatedText(u"مخزن"), QStringLiteral("\u2068مخزن\u2069"));
    EXPECT_EQ(isolatedText(u"x\u202E"), QStringLiteral("\u2068x<U+202E>\u2069"));
}

TEST(DisplayText, ToolTipsAreLiteral)
{
    EXPECT_EQ(plainToolTip(QStringLiteral("<img src=x>\n& more")),
        QStringLiteral("<qt>&lt;img src=x&gt;<br>&amp; more</qt>"));
}
