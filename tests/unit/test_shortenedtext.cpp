#include "shortenedtext.h"

#include <QList>

#include <gtest/gtest.h>

namespace {

qsizetype longestLine(const QString &text)
{
    qsizetype longest = 0;
    for (const QStringView line : QStringView(text).split(u'\n')) {
        longest = std::max(longest, line.size());
    }
    return longest;
}

} // namespace

TEST(ShortenedText, TextWithoutLongLinesIsKeptAndShared)
{
    const QString text = QStringLiteral("{\n  \"a\": \"%1\"\n}")
                             .arg(QString(ShortenedText::maxLineLength - 9, QLatin1Char('x')));
    ASSERT_EQ(longestLine(text), ShortenedText::maxLineLength);
    const ShortenedText shortened = ShortenedText::shorten(text);
    EXPECT_FALSE(shortened.isShortened());
    EXPECT_EQ(shortened.text, text);
    EXPECT_TRUE(shortened.text.isSharedWith(text));
    EXPECT_EQ(shortened.mapFromOriginal(5), 5);
}

TEST(ShortenedText, AMegabyteLineKeepsItsStartAndEndAndSaysHowMuchIsLeftOut)
{
    const QString value(1'000'000, QLatin1Char('v'));
    const QString text = QStringLiteral("{\n  \"content\": \"%1\",\n  \"n\": 1\n}").arg(value);
    const ShortenedText shortened = ShortenedText::shorten(text);
    ASSERT_EQ(shortened.cuts.size(), 1U);
    const ShortenedText::Cut &cut = shortened.cuts.front();
    const qsizetype lineStart = text.indexOf(QLatin1Char('\n')) + 1;
    const qsizetype lineEnd = text.indexOf(QLatin1Char('\n'), lineStart);
    EXPECT_EQ(cut.from, lineStart + ShortenedText::headLength);
    EXPECT_EQ(cut.to, lineEnd - ShortenedText::tailLength);
    EXPECT_LT(longestLine(shortened.text), ShortenedText::maxLineLength);
    // Lines before and after are untouched; the line ends as it did, with its quote and comma.
    EXPECT_TRUE(shortened.text.startsWith(QStringLiteral("{\n  \"content\": \"vvv")));
    EXPECT_TRUE(shortened.text.endsWith(QStringLiteral("vvv\",\n  \"n\": 1\n}")));
    const QString marker = ShortenedText::marker(cut.to - cut.from);
    EXPECT_TRUE(
        marker.contains(QStringLiteral("991,816")) || marker.contains(QStringLiteral("991816")))
        << marker.toStdString();
    EXPECT_EQ(shortened.text.mid(cut.markerStart, cut.markerEnd - cut.markerStart), marker);
    // The kept text plus what was left out is the original, character for character.
    QString rebuilt = shortened.text;
    rebuilt.replace(cut.markerStart, cut.markerEnd - cut.markerStart,
        QStringView(text).mid(cut.from, cut.to - cut.from).toString());
    EXPECT_EQ(rebuilt, text);
}

TEST(ShortenedText, PositionsMapAcrossEveryCut)
{
    const QString longLine(ShortenedText::maxLineLength + 5'000, QLatin1Char('x'));
    const QString text
        = longLine + QStringLiteral("\nmiddle\n") + longLine + QStringLiteral("\nend");
    const ShortenedText shortened = ShortenedText::shorten(text);
    ASSERT_EQ(shortened.cuts.size(), 2U);
    EXPECT_EQ(shortened.mapFromOriginal(0), 0);
    EXPECT_EQ(shortened.mapFromOriginal(shortened.cuts[0].from), -1);
    EXPECT_EQ(shortened.mapFromOriginal(shortened.cuts[1].to - 1), -1);
    const qsizetype middle = text.indexOf(QStringLiteral("middle"));
    EXPECT_EQ(shortened.text.mid(shortened.mapFromOriginal(middle), 6), QStringLiteral("middle"));
    const qsizetype end = text.lastIndexOf(QStringLiteral("end"));
    EXPECT_EQ(shortened.text.mid(shortened.mapFromOriginal(end)), QStringLiteral("end"));
}

TEST(ShortenedText, NeitherAKeptRangeNorASurrogatePairIsSplit)
{
    // A range across where the head would end moves the cut after it; one across where the
    // tail would start moves the cut before it.
    const qsizetype length = ShortenedText::maxLineLength * 3;
    const QString text(length, QLatin1Char('x'));
    const std::pair<qsizetype, qsizetype> atHead { ShortenedText::headLength - 10,
        ShortenedText::headLength + 30 };
    const std::pair<qsizetype, qsizetype> atTail { length - ShortenedText::tailLength - 7,
        length - ShortenedText::tailLength + 3 };
    const ShortenedText shortened = ShortenedText::shorten(text, { atHead, atTail });
    ASSERT_EQ(shortened.cuts.size(), 1U);
    EXPECT_EQ(shortened.cuts[0].from, atHead.second);
    EXPECT_EQ(shortened.cuts[0].to, atTail.first);

    // "😀" is two UTF-16 units; a line of them is cut between pairs.
    QString emoji;
    for (int i = 0; i < ShortenedText::maxLineLength; ++i) {
        emoji += QStringLiteral("\U0001F600");
    }
    const ShortenedText pairs = ShortenedText::shorten(QLatin1Char('a') + emoji);
    ASSERT_EQ(pairs.cuts.size(), 1U);
    EXPECT_TRUE(pairs.text[pairs.cuts[0].markerStart - 1].isHighSurrogate() == false);
    EXPECT_TRUE(pairs.text[pairs.cuts[0].markerEnd].isHighSurrogate());
    EXPECT_TRUE(pairs.text.isValidUtf16());
}
