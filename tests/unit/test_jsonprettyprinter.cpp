#include "jsonprettyprinter.h"

#include <gtest/gtest.h>

#include <QString>

#include <ostream>
#include <random>

// Lets GoogleTest print QString values in failure messages.
inline void PrintTo(const QString &text, std::ostream *out)
{
    *out << '"' << text.toStdString() << '"';
}

namespace {

// Formats through the UTF-8 and the UTF-16 entry points and checks that they agree, so
// every test below covers both.
JsonFormatResult formatBoth(const QByteArray &utf8, int indent = 2, int baseIndent = 0)
{
    const JsonPrettyPrinter printer(indent);
    const JsonUtf8FormatResult bytes = printer.formatUtf8(utf8, baseIndent);
    JsonFormatResult fromBytes = printer.format(QByteArrayView(utf8), baseIndent);
    const QString text = QString::fromUtf8(utf8);
    const JsonFormatResult fromText = printer.format(QStringView(text), baseIndent);
    EXPECT_EQ(QString::fromUtf8(bytes.text), fromBytes.text);
    EXPECT_EQ(bytes.ok, fromBytes.ok);
    EXPECT_EQ(bytes.error, fromBytes.error);
    EXPECT_EQ(fromText.text, fromBytes.text);
    EXPECT_EQ(fromText.ok, fromBytes.ok);
    return fromBytes;
}

QString pretty(const QByteArray &utf8, int indent = 2, int baseIndent = 0)
{
    const JsonFormatResult result = formatBoth(utf8, indent, baseIndent);
    EXPECT_TRUE(result.ok) << result.error.toStdString();
    return result.text;
}

QByteArray nested(int depth)
{
    return QByteArray(depth, '[') + "{\"k\":1}" + QByteArray(depth, ']');
}

} // namespace

TEST(JsonPrettyPrinter, MatchesJsonbPrettyForADocumentAsPostgresRendersIt)
{
    // Input is `value::jsonb::text`, expected is `jsonb_pretty(value)` from PostgreSQL 15
    // (which indents by four spaces).
    const QByteArray stored
        = R"({"id": 12345678901234567890, "ok": true, "bank": "café \"x\" \\ /", )"
          R"("meta": {"n": -15000000000, "when": "2026-03-27"}, )"
          R"("tags": ["a", [1, 2], {"k": null}], "ratio": 0.1000000000000000055511151231257827})";
    const QString expected = QString::fromUtf8(R"({
    "id": 12345678901234567890,
    "ok": true,
    "bank": "café \"x\" \\ /",
    "meta": {
        "n": -15000000000,
        "when": "2026-03-27"
    },
    "tags": [
        "a",
        [
            1,
            2
        ],
        {
            "k": null
        }
    ],
    "ratio": 0.1000000000000000055511151231257827
})");
    EXPECT_EQ(pretty(stored, 4), expected);
}

TEST(JsonPrettyPrinter, KeepsBigIntegersExactly)
{
    EXPECT_EQ(
        pretty(R"({"id":12345678901234567890,"n":9007199254740993,"neg":-98765432109876543210})"),
        QString(R"({
  "id": 12345678901234567890,
  "n": 9007199254740993,
  "neg": -98765432109876543210
})"));
}

TEST(JsonPrettyPrinter, KeepsLongDecimalsAndExponentsExactly)
{
    EXPECT_EQ(pretty("[0.1000000000000000055511151231257827,1E+400,-0.0,2.50e-7,0]"),
        QString(
            "[\n  0.1000000000000000055511151231257827,\n  1E+400,\n  -0.0,\n  2.50e-7,\n  0\n]"));
}

TEST(JsonPrettyPrinter, KeepsStringEscapesExactly)
{
    const QByteArray escaped = R"("caf\u00e9 \"q\" \\ \/ \b\f\n\r\t \ud83d\ude00 \u00E9")";
    EXPECT_EQ(
        pretty("{\"s\":" + escaped + "}"), "{\n  \"s\": " + QString::fromUtf8(escaped) + "\n}");
}

TEST(JsonPrettyPrinter, KeepsKeyOrderAndDuplicateKeys)
{
    EXPECT_EQ(
        pretty(R"({"z":1,"a":2,"z":3})"), QString("{\n  \"z\": 1,\n  \"a\": 2,\n  \"z\": 3\n}"));
}

TEST(JsonPrettyPrinter, PrintsEmptyContainersOnOneLine)
{
    EXPECT_EQ(pretty(R"({"a":{},"b":[ ],"c":[{ }]})"),
        QString("{\n  \"a\": {},\n  \"b\": [],\n  \"c\": [\n    {}\n  ]\n}"));
    EXPECT_EQ(pretty("[]"), QString("[]"));
}

TEST(JsonPrettyPrinter, LaysOutNestedArraysAndObjectsLikeJq)
{
    const QByteArray compact
        = R"({"request":{"bank_id":"b1","items":[{"text":"hi","tags":["x","y"]},[[1],[]]]},"n":null})";
    EXPECT_EQ(pretty(compact), QString(R"({
  "request": {
    "bank_id": "b1",
    "items": [
      {
        "text": "hi",
        "tags": [
          "x",
          "y"
        ]
      },
      [
        [
          1
        ],
        []
      ]
    ]
  },
  "n": null
})"));
}

TEST(JsonPrettyPrinter, IndentsFollowingLinesByBaseIndent)
{
    const QString inner = pretty(R"({"a":[1]})", 2, 1);
    EXPECT_EQ(inner, QString("{\n    \"a\": [\n      1\n    ]\n  }"));
    // Embedded as a member value, the result lines up with the outer document.
    EXPECT_EQ("{\n  \"request\": " + inner + "\n}", pretty(R"({"request":{"a":[1]}})"));
}

TEST(JsonPrettyPrinter, UsesTheRequestedIndentWidth)
{
    EXPECT_EQ(pretty("[1,[2]]", 4), QString("[\n    1,\n    [\n        2\n    ]\n]"));
    EXPECT_EQ(pretty("[1,[2]]", 0), QString("[\n1,\n[\n2\n]\n]"));
    EXPECT_EQ(JsonPrettyPrinter(-3).indent(), 0);
    EXPECT_EQ(JsonPrettyPrinter(1000).indent(), JsonPrettyPrinter::maxIndentWidth);
}

TEST(JsonPrettyPrinter, DropsWhitespaceBetweenTokensButKeepsItInsideStrings)
{
    EXPECT_EQ(pretty(" \r\n\t{ \"a b\" :\t[ \"  x \u00a0 y  \" , true ] }\n "),
        QString::fromUtf8("{\n  \"a b\": [\n    \"  x \u00a0 y  \",\n    true\n  ]\n}"));
}

TEST(JsonPrettyPrinter, PrintsTopLevelScalarsAsTheyAre)
{
    EXPECT_EQ(pretty(" 42 "), QString("42"));
    EXPECT_EQ(pretty("\"text\""), QString("\"text\""));
    EXPECT_EQ(pretty("false"), QString("false"));
    EXPECT_EQ(pretty("null"), QString("null"));
}

TEST(JsonPrettyPrinter, HandlesThreeThousandLevelsOfNesting)
{
    const JsonFormatResult result = formatBoth(nested(3000));
    ASSERT_TRUE(result.ok) << result.error.toStdString();
    const QStringList lines = result.text.split(QLatin1Char('\n'));
    ASSERT_EQ(lines.size(), 3000 + 3 + 3000);
    EXPECT_EQ(lines.first(), QString("["));
    EXPECT_EQ(lines.last(), QString("]"));
    // Indentation stops growing at maxIndentLevels so output stays linear in the depth.
    const QString deepest
        = QString(JsonPrettyPrinter::maxIndentLevels * 2, QLatin1Char(' ')) + "\"k\": 1";
    EXPECT_EQ(lines.at(3001), deepest);
    QString compact = result.text;
    compact.remove(QLatin1Char('\n')).remove(QLatin1Char(' '));
    EXPECT_EQ(compact, QString::fromLatin1(nested(3000)));
}

TEST(JsonPrettyPrinter, HandlesHundredThousandLevelsOfNesting)
{
    QByteArray deep;
    for (int i = 0; i < 50000; ++i) {
        deep += "{\"a\":[";
    }
    deep += "true";
    for (int i = 0; i < 50000; ++i) {
        deep += "]}";
    }
    const JsonFormatResult result = formatBoth(deep);
    ASSERT_TRUE(result.ok) << result.error.toStdString();
    EXPECT_TRUE(result.text.startsWith("{\n  \"a\": [\n    {\n      \"a\": ["));

    // A truncated copy fails at its end instead of exhausting the stack on the way out.
    const JsonFormatResult truncated = formatBoth(deep.left(deep.size() - 1));
    EXPECT_FALSE(truncated.ok);
    EXPECT_EQ(truncated.errorOffset, deep.size() - 1);
}

TEST(JsonPrettyPrinter, ReportsATruncatedDocumentAndKeepsThePartialText)
{
    const JsonFormatResult result = formatBoth(R"({"a": [1, 2)");
    EXPECT_FALSE(result.ok);
    EXPECT_EQ(result.error, QString("unexpected end of document at offset 11"));
    EXPECT_EQ(result.errorOffset, 11);
    EXPECT_EQ(result.text, QString("{\n  \"a\": [\n    1,\n    2"));
}

TEST(JsonPrettyPrinter, ReportsEveryTruncationAndKeepsAPrefixOfTheFullOutput)
{
    const QByteArray document = R"({"k\u00e9y":[-1.5e+3,true,null,{"s":"é 😀 \"q\""},[]],"z":{}})";
    const JsonPrettyPrinter printer;
    const QByteArray full = printer.formatUtf8(document).text;
    ASSERT_TRUE(printer.formatUtf8(document).ok);
    for (qsizetype cut = 0; cut < document.size(); ++cut) {
        const JsonUtf8FormatResult partial = printer.formatUtf8(document.left(cut));
        EXPECT_FALSE(partial.ok) << "cut at byte " << cut;
        EXPECT_EQ(partial.errorOffset, cut);
        EXPECT_EQ(partial.error, QString("unexpected end of document at offset %1").arg(cut));
        EXPECT_TRUE(full.startsWith(partial.text)) << "cut at byte " << cut;
    }
    const QString text = QString::fromUtf8(document);
    const QString fullText = QString::fromUtf8(full);
    for (qsizetype cut = 0; cut < text.size(); ++cut) {
        const JsonFormatResult partial = printer.format(QStringView(text).left(cut));
        EXPECT_FALSE(partial.ok) << "cut at unit " << cut;
        EXPECT_EQ(partial.errorOffset, cut);
        EXPECT_TRUE(fullText.startsWith(partial.text)) << "cut at unit " << cut;
    }
}

TEST(JsonPrettyPrinter, ReportsGarbageWithTheOffendingCharacterAndOffset)
{
    const std::pair<QByteArray, QString> cases[] = {
        { "", "unexpected end of document at offset 0" },
        { "  \n", "unexpected end of document at offset 3" },
        { "{\"a\" 1}", "unexpected character '1' at offset 5" },
        { "{\"a\":1]", "unexpected character ']' at offset 6" },
        { "[1}", "unexpected character '}' at offset 2" },
        { "]", "unexpected character ']' at offset 0" },
        { "[1,]", "unexpected character ']' at offset 3" },
        { "{\"a\":1,}", "unexpected character '}' at offset 7" },
        { "[1 2]", "unexpected character '2' at offset 3" },
        { "{1:2}", "unexpected character '1' at offset 1" },
        { "{\"a\":}", "unexpected character '}' at offset 5" },
        { "[1]x", "unexpected character 'x' at offset 3" },
        { "{} {}", "unexpected character '{' at offset 3" },
        { "01", "unexpected character '1' at offset 1" },
        { "-x", "unexpected character 'x' at offset 1" },
        { "1.e5", "unexpected character 'e' at offset 2" },
        { "[+1]", "unexpected character '+' at offset 1" },
        { "tru e", "unexpected character U+0020 at offset 3" },
        { "nulL", "unexpected character 'L' at offset 3" },
        { "'a'", "unexpected character ''' at offset 0" },
        { "\"a\nb\"", "unexpected character U+000A at offset 2" },
        { "\"a\\x\"", "invalid escape sequence at offset 2" },
        { "\"\\u12G4\"", "invalid escape sequence at offset 1" },
        { QByteArray("[\0]", 3), "unexpected character U+0000 at offset 1" },
    };
    for (const auto &[input, message] : cases) {
        const JsonFormatResult result = formatBoth(input);
        EXPECT_FALSE(result.ok) << input.toStdString();
        EXPECT_EQ(result.error, message) << input.toStdString();
    }
}

TEST(JsonPrettyPrinter, NamesCharactersOutsideStringsByCodePointAtOffsetsInTheInputsUnits)
{
    const QByteArray input = "[\"\u00e9\", \u202e]"; // U+202E RIGHT-TO-LEFT OVERRIDE
    const JsonPrettyPrinter printer;
    const JsonFormatResult bytes = printer.format(QByteArrayView(input));
    EXPECT_EQ(bytes.error, QString("unexpected character U+202E at offset 7"));
    const QString text = QString::fromUtf8(input);
    const JsonFormatResult units = printer.format(QStringView(text));
    EXPECT_EQ(units.error, QString("unexpected character U+202E at offset 6"));
    EXPECT_EQ(units.text, QString::fromUtf8("[\n  \"é\",\n  "));
}

TEST(JsonPrettyPrinter, ReportsInvalidUtf8Bytes)
{
    const QByteArray cases[] = {
        "[\"ab\xC3\x28\"]", // a lead byte without its continuation
        "[\"ab\xC0\xAF\"]", // overlong encoding of '/'
        "[\"ab\xED\xA0\x80\"]", // UTF-16 surrogate encoded in UTF-8
        "[\"ab\xF4\x90\x80\x80\"]", // above U+10FFFF
        "[\"ab\x80\"]", // a lone continuation byte
        "[\"ab\xFF\"]",
    };
    for (const QByteArray &input : cases) {
        const JsonUtf8FormatResult result = JsonPrettyPrinter().formatUtf8(input);
        EXPECT_FALSE(result.ok);
        EXPECT_EQ(result.error, QString("invalid UTF-8 at offset 4"));
        EXPECT_EQ(result.text, QByteArray("[\n  \"ab"));
    }
    const JsonFormatResult outside = JsonPrettyPrinter().format(QByteArrayView("[1, \xE9]"));
    EXPECT_EQ(outside.error, QString("invalid UTF-8 at offset 4"));
}

TEST(JsonPrettyPrinter, FormatsAnObjectWithTwentyThousandKeys)
{
    QByteArray object = "{";
    QString expected = "{\n";
    for (int i = 0; i < 20000; ++i) {
        const QByteArray member = "\"key" + QByteArray::number(i) + "\": " + QByteArray::number(i);
        object += (i > 0 ? "," : "") + member;
        expected += (i > 0 ? ",\n  " : "  ") + QString::fromLatin1(member);
    }
    object += "}";
    expected += "\n}";
    EXPECT_EQ(pretty(object), expected);
}

TEST(JsonPrettyPrinter, KeepsEmojiAndRightToLeftTextUnchanged)
{
    const QByteArray input = "{\"שלום\":\"مرحبا 👩\u200d👩\u200d👧 \u200f \u202eabc\",\"🔑\":[\"😀\"]}";
    EXPECT_EQ(pretty(input),
        QString::fromUtf8("{\n  \"שלום\": \"مرحبا 👩\u200d👩\u200d👧 \u200f \u202eabc\",\n  \"🔑\": "
                          "[\n    \"😀\"\n  ]\n}"));
}

TEST(JsonPrettyPrinter, NeverCrashesOnRandomlyMutatedDocumentsAndIsIdempotent)
{
    const QByteArray seed
        = R"({"id": 1, "a": [true, false, null, -0.5e-3, "x\"\u00e9y"], "o": {"k": {}}, "é": []})";
    const char alphabet[] = "{}[]:,\" \\-+.0123456789eEtrufalsn\xC3\xA9\x80";
    std::mt19937 random(12345);
    const JsonPrettyPrinter printer;
    for (int round = 0; round < 20000; ++round) {
        QByteArray input = seed;
        const int edits = 1 + int(random() % 4);
        for (int e = 0; e < edits; ++e) {
            const qsizetype at = qsizetype(random() % quint32(input.size() + 1));
            const char c = alphabet[random() % (sizeof(alphabet) - 1)];
            switch (random() % 3) {
            case 0:
                input.insert(at, c);
                break;
            case 1:
                input.remove(at, 1);
                break;
            default:
                if (at < input.size()) {
                    input[at] = c;
                }
                break;
            }
        }
        const JsonUtf8FormatResult result = printer.formatUtf8(input);
        if (result.ok) {
            EXPECT_EQ(printer.formatUtf8(result.text).text, result.text) << input.toStdString();
        } else {
            EXPECT_FALSE(result.error.isEmpty());
            EXPECT_GE(result.errorOffset, 0);
            EXPECT_LE(result.errorOffset, input.size());
        }
        const QString text = QString::fromUtf8(input);
        EXPECT_GE(printer.format(QStringView(text)).text.size(), 0);
    }
}
