#include "durationtext.h"

#include <QList>
#include <QRandomGenerator>

#include <gtest/gtest.h>

#include <limits>

namespace {

std::optional<qint64> parse(const char *text)
{
    return parseDuration(QString::fromUtf8(text));
}

std::string format(qint64 micros)
{
    return formatDuration(micros).toStdString();
}

} // namespace

TEST(DurationText, ReadsEachUnit)
{
    EXPECT_EQ(parse("500us"), 500);
    EXPECT_EQ(parse("500µs"), 500); // U+00B5 MICRO SIGN
    EXPECT_EQ(parse("500μs"), 500); // U+03BC GREEK SMALL LETTER MU
    EXPECT_EQ(parse("250ms"), 250'000);
    EXPECT_EQ(parse("5s"), 5'000'000);
    EXPECT_EQ(parse("5sec"), 5'000'000);
    EXPECT_EQ(parse("2m"), 120'000'000);
    EXPECT_EQ(parse("2min"), 120'000'000);
    EXPECT_EQ(parse("1h"), 3'600'000'000LL);
    EXPECT_EQ(parse("0s"), 0);
}

TEST(DurationText, AllowsSpacesAndAnyCaseAroundTheUnit)
{
    EXPECT_EQ(parse("5 s"), 5'000'000);
    EXPECT_EQ(parse("  250 ms  "), 250'000);
    EXPECT_EQ(parse("250MS"), 250'000);
    EXPECT_EQ(parse("1H"), 3'600'000'000LL);
}

TEST(DurationText, ReadsANumberWithoutUnitAsSeconds)
{
    EXPECT_EQ(parse("5"), 5'000'000);
    EXPECT_EQ(parse("0.25"), 250'000);
    EXPECT_EQ(parse("007"), 7'000'000);
}

TEST(DurationText, ReadsFractionsThatComeToWholeMicroseconds)
{
    EXPECT_EQ(parse("1.5s"), 1'500'000);
    EXPECT_EQ(parse(".5s"), 500'000);
    EXPECT_EQ(parse("1.25m"), 75'000'000);
    EXPECT_EQ(parse("0.001h"), 3'600'000);
    EXPECT_EQ(parse("0.000001s"), 1);
    EXPECT_EQ(parse("1.500000000000000000000s"), 1'500'000); // trailing zeros change nothing
    EXPECT_EQ(parse("2.5ms"), 2'500);
}

TEST(DurationText, RefusesFractionsFinerThanAMicrosecond)
{
    EXPECT_FALSE(parse("1.5us"));
    EXPECT_FALSE(parse("0.0000001s"));
    EXPECT_FALSE(parse("0.0001ms"));
    EXPECT_FALSE(parse("0.3333333333333m"));
}

TEST(DurationText, RefusesNegativeSignedAndMalformedText)
{
    for (const char *text : { "", " ", "-5s", "-0s", "+5s", "s", "ms", "5x", "5 5s", "5s5", "1e3s",
             "5.", ".", "..5s", "1.2.3s", "5 d", "5,5s", "five seconds", "0x10s", "5 s s",
             "١٢s" /* Arabic-Indic digits */, "５s" /* fullwidth digit */ }) {
        EXPECT_FALSE(parse(text)) << text;
    }
}

TEST(DurationText, RefusesWhatAQint64CannotHold)
{
    constexpr qint64 max = std::numeric_limits<qint64>::max();
    EXPECT_EQ(parse("9223372036854775807us"), max);
    EXPECT_FALSE(parse("9223372036854775808us"));
    EXPECT_FALSE(parse("99999999999999999999999999s"));
    EXPECT_EQ(parse("2562047788h"), 2562047788LL * 3'600'000'000LL);
    EXPECT_FALSE(parse("2562047789h")); // max / 1 h is 2562047788.0152
    EXPECT_FALSE(parse("9223372036854.775808s"));
    EXPECT_EQ(parse("9223372036854.775807s"), max);
}

TEST(DurationText, FormatsInTheShortestExactUnit)
{
    EXPECT_EQ(format(0), "0s");
    EXPECT_EQ(format(1), "1us");
    EXPECT_EQ(format(500), "500us");
    EXPECT_EQ(format(1'500), "1.5ms");
    EXPECT_EQ(format(250'000), "250ms");
    EXPECT_EQ(format(999'999), "999999us"); // shorter than 999.999ms
    EXPECT_EQ(format(5'000'000), "5s");
    EXPECT_EQ(format(1'500'000), "1.5s");
    EXPECT_EQ(format(5'000'001), "5.000001s");
    EXPECT_EQ(format(90'000'000), "90s"); // shorter than 1.5m
    EXPECT_EQ(format(120'000'000), "2m");
    EXPECT_EQ(format(150'000'000), "2.5m");
    EXPECT_EQ(format(3'600'000'000LL), "1h");
    EXPECT_EQ(format(5'400'000'000LL), "90m"); // shorter than 1.5h
    EXPECT_EQ(format(9'000'000'000LL), "2.5h");
    EXPECT_EQ(format(20'000'000), "20s"); // a third of a minute is not a finite decimal
}

TEST(DurationText, FormatsNegativeValuesWithAMinusThatDoesNotParse)
{
    EXPECT_EQ(format(-5'000'000), "-5s");
    EXPECT_EQ(format(std::numeric_limits<qint64>::min()), "-9223372036854775808us");
    EXPECT_FALSE(parseDuration(formatDuration(-5'000'000)));
}

TEST(DurationText, EveryFormattedValueParsesBackToTheSameMicroseconds)
{
    QList<qint64> values { 0, 1, 9, 10, 999, 1'000, 1'001, 59'999'999, 60'000'000, 61'000'000,
        3'599'999'999LL, 3'600'000'001LL, 86'400'000'000LL, std::numeric_limits<qint64>::max(),
        std::numeric_limits<qint64>::max() - 1 };
    QRandomGenerator random(20260327); // fixed: a failure reproduces
    for (int i = 0; i < 20000; ++i) {
        // Every magnitude, and round numbers of each unit with a few digits of fraction.
        const int bits = random.bounded(1, 63);
        values.append(qint64(random.generate64() >> (64 - bits)));
        const qint64 unit
            = QList<qint64> { 1'000, 1'000'000, 60'000'000, 3'600'000'000LL }.at(random.bounded(4));
        values.append(random.bounded(100000) * unit / 1000);
    }
    for (const qint64 micros : values) {
        const QString text = formatDuration(micros);
        ASSERT_EQ(parseDuration(text), micros) << text.toStdString();
    }
}

namespace {

std::string readable(qint64 micros, const QLocale &locale = QLocale::c())
{
    return readableDuration(micros, locale).toStdString();
}

} // namespace

TEST(DurationText, ReadsAsThreeSignificantDigitsInTheLargestUnit)
{
    const QList<std::pair<qint64, const char *>> cases { { 0, "0 µs" }, { 412, "412 µs" },
        { 8'079, "8.08 ms" }, { 12'345, "12.3 ms" }, { 84'213, "84.2 ms" }, { 358'031, "358 ms" },
        { 2'000'000, "2.00 s" }, { 9'724'831, "9.72 s" }, { 14'344'090, "14.3 s" },
        { 62'000'000, "1 min 2 s" }, { 125'000'000, "2 min 5 s" }, { 3'723'000'000LL, "1 h 2 min" },
        { -8'079, "-8.08 ms" } };
    for (const auto &[micros, text] : cases) {
        EXPECT_EQ(readable(micros), text) << micros;
    }
}

TEST(DurationText, ReadableRoundingCarriesIntoTheNextUnit)
{
    const QList<std::pair<qint64, const char *>> cases { { 999, "999 µs" }, { 9'994, "9.99 ms" },
        { 9'995, "10.0 ms" }, { 99'950, "100 ms" }, { 999'499, "999 ms" }, { 999'500, "1.00 s" },
        { 59'949'999, "59.9 s" }, { 59'950'000, "1 min 0 s" }, { 3'599'500'000LL, "1 h 0 min" },
        { std::numeric_limits<qint64>::max(), "2562047788 h 1 min" },
        { std::numeric_limits<qint64>::min(), "-2562047788 h 1 min" } };
    for (const auto &[micros, text] : cases) {
        EXPECT_EQ(readable(micros), text) << micros;
    }
}

TEST(DurationText, EveryReadableValueHasAtMostThreeSignificantDigitsBelowAMinute)
{
    QRandomGenerator random(20261206);
    for (int i = 0; i < 20000; ++i) {
        const qint64 micros = random.bounded(qint64(1), qint64(59'000'000));
        const QString text = readableDuration(micros, QLocale::c());
        QString digits = text.section(QLatin1Char(' '), 0, 0).remove(QLatin1Char('.'));
        while (digits.startsWith(QLatin1Char('0')) && digits.size() > 1) {
            digits.remove(0, 1);
        }
        ASSERT_LE(digits.size(), 3) << text.toStdString();
    }
}

TEST(DurationText, ReadableUsesTheLocalesDecimalSeparatorAndNoGrouping)
{
    const QLocale german(QLocale::German, QLocale::Germany);
    EXPECT_EQ(readable(8'079, german), "8,08 ms");
    EXPECT_EQ(readable(14'344'090, german), "14,3 s");
    EXPECT_EQ(readable(std::numeric_limits<qint64>::max(), german), "2562047788 h 1 min");
    EXPECT_EQ(exactDuration(14'344'090, german).toStdString(), "14.344.090 µs");
    EXPECT_EQ(exactDuration(14'344'090, QLocale::c()).toStdString(), "14344090 µs");
}
