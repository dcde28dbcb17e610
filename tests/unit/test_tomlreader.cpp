#include "tomlreader.h"

#include <gtest/gtest.h>

#include <utility>
#include <vector>

namespace {

QVariantMap read(const QString &text)
{
    QString error;
    const std::optional<QVariantMap> document = TomlReader::read(text, &error);
    EXPECT_TRUE(document) << error.toStdString();
    return document.value_or(QVariantMap());
}

QString errorOf(const QString &text)
{
    QString error;
    EXPECT_FALSE(TomlReader::read(text, &error)) << text.toStdString();
    return error;
}

} // namespace

TEST(TomlReader, ReadsBasicStringsWithEveryEscape)
{
    const QVariantMap document = read(QStringLiteral(R"toml(plain = "a b"
escapes = "tab\tquote\" backslash\\ nl\n cr\r bs\b ff\f"
unicode = "\u00e9 \U0001F600"
regex = "(?i)\\bkey\\s*=\\s*([a-z0-9]{32})"
empty = ""
)toml"));
    EXPECT_EQ(document[QStringLiteral("plain")], QStringLiteral("a b"));
    EXPECT_EQ(document[QStringLiteral("escapes")],
        QStringLiteral("tab\tquote\" backslash\\ nl\n cr\r bs\b ff\f"));
    EXPECT_EQ(document[QStringLiteral("unicode")], QStringLiteral("é 😀"));
    EXPECT_EQ(
        document[QStringLiteral("regex")], QStringLiteral("(?i)\\bkey\\s*=\\s*([a-z0-9]{32})"));
    EXPECT_EQ(document[QStringLiteral("empty")], QString());
}

TEST(TomlReader, ReadsLiteralAndMultiLineStringsAsWritten)
{
    const QVariantMap document = read(QStringLiteral("literal = 'C:\\path\\ \"quoted\"'\n"
                                                     "regex = '''\\b(AKIA[A-Z2-7]{16})\\b'''\n"
                                                     "lines = '''\n"
                                                     "first \\n\n"
                                                     "second'''\n"
                                                     "quotes = ''''it's'''''\n"
                                                     "basic = \"\"\"\n"
                                                     "one\\tand \\\n"
                                                     "     two \"quoted\"\"\"\"\n"));
    EXPECT_EQ(document[QStringLiteral("literal")], QStringLiteral("C:\\path\\ \"quoted\""));
    EXPECT_EQ(document[QStringLiteral("regex")], QStringLiteral("\\b(AKIA[A-Z2-7]{16})\\b"));
    // The line end after the opening quotes is dropped; the others stay.
    EXPECT_EQ(document[QStringLiteral("lines")], QStringLiteral("first \\n\nsecond"));
    EXPECT_EQ(document[QStringLiteral("quotes")], QStringLiteral("'it's''"));
    // A backslash at the end of a line joins the next one without its indentation.
    EXPECT_EQ(document[QStringLiteral("basic")], QStringLiteral("one\tand two \"quoted\""));
}

TEST(TomlReader, ReadsNumbersBooleansAndArraysAcrossLinesWithComments)
{
    const QVariantMap document = read(QStringLiteral("# a comment line\n"
                                                     "count = 1_000 # after a value\n"
                                                     "negative = -42\n"
                                                     "hex = 0xff\n"
                                                     "entropy = 3.5\n"
                                                     "big = 6.02e23\n"
                                                     "on = true\n"
                                                     "off = false\n"
                                                     "keywords = [\n"
                                                     "    \"akia\", # the usual one\n"
                                                     "    'asia',\n"
                                                     "\n"
                                                     "    \"\"\"abia\"\"\",\n"
                                                     "]\n"
                                                     "nested = [[1, 2], [\"a\"]]\n"
                                                     "none = []\n"));
    EXPECT_EQ(document[QStringLiteral("count")], QVariant(qint64(1000)));
    EXPECT_EQ(document[QStringLiteral("negative")], QVariant(qint64(-42)));
    EXPECT_EQ(document[QStringLiteral("hex")], QVariant(qint64(255)));
    EXPECT_EQ(document[QStringLiteral("entropy")], QVariant(3.5));
    EXPECT_EQ(document[QStringLiteral("big")], QVariant(6.02e23));
    EXPECT_EQ(document[QStringLiteral("on")], QVariant(true));
    EXPECT_EQ(document[QStringLiteral("off")], QVariant(false));
    EXPECT_EQ(document[QStringLiteral("keywords")].toStringList(),
        (QStringList { QStringLiteral("akia"), QStringLiteral("asia"), QStringLiteral("abia") }));
    const QVariantList nested = document[QStringLiteral("nested")].toList();
    ASSERT_EQ(nested.size(), 2);
    EXPECT_EQ(nested[0].toList(), (QVariantList { qint64(1), qint64(2) }));
    EXPECT_EQ(nested[1].toStringList(), QStringList { QStringLiteral("a") });
    EXPECT_TRUE(document[QStringLiteral("none")].toList().isEmpty());
}

TEST(TomlReader, ReadsTablesArraysOfTablesAndDottedKeys)
{
    const QVariantMap document = read(QStringLiteral("title = \"ours\"\r\n"
                                                     "[extend]\r\n"
                                                     "useDefault = true\r\n"
                                                     "\r\n"
                                                     "[[rules]]\n"
                                                     "id = \"first\"\n"
                                                     "[rules.allowlist]\n"
                                                     "paths = ['''^vendor/''']\n"
                                                     "  [[ rules ]]\n"
                                                     "  id = 'second'\n"
                                                     "  meta.owner = \"team\"\n"
                                                     "  \"quoted key\" = 1\n"
                                                     "[a.b]\n"
                                                     "c = 1\n"
                                                     "[a]\n"
                                                     "d = 2\n"));
    EXPECT_EQ(document[QStringLiteral("title")], QStringLiteral("ours"));
    EXPECT_EQ(
        document[QStringLiteral("extend")].toMap()[QStringLiteral("useDefault")], QVariant(true));
    const QVariantList rules = document[QStringLiteral("rules")].toList();
    ASSERT_EQ(rules.size(), 2);
    const QVariantMap first = rules[0].toMap();
    EXPECT_EQ(first[QStringLiteral("id")], QStringLiteral("first"));
    // [rules.allowlist] belongs to the last [[rules]] before it.
    EXPECT_EQ(first[QStringLiteral("allowlist")].toMap()[QStringLiteral("paths")].toStringList(),
        QStringList { QStringLiteral("^vendor/") });
    const QVariantMap second = rules[1].toMap();
    EXPECT_EQ(second[QStringLiteral("id")], QStringLiteral("second"));
    EXPECT_EQ(
        second[QStringLiteral("meta")].toMap()[QStringLiteral("owner")], QStringLiteral("team"));
    EXPECT_EQ(second[QStringLiteral("quoted key")], QVariant(qint64(1)));
    EXPECT_FALSE(second.contains(QStringLiteral("allowlist")));
    const QVariantMap a = document[QStringLiteral("a")].toMap();
    EXPECT_EQ(a[QStringLiteral("b")].toMap()[QStringLiteral("c")], QVariant(qint64(1)));
    EXPECT_EQ(a[QStringLiteral("d")], QVariant(qint64(2)));
}

TEST(TomlReader, RefusesAMalformedFileNamingTheLine)
{
    // The text, and the error it gets. An unclosed multi-line string or array is named by
    // the line it starts on.
    const std::vector<std::pair<const char *, const char *>> cases {
        { "id = \"x\"\nregex = \"\\d+\"\n",
            "line 2: \\d is not an escape in a TOML string (write \\\\d, or use a "
            "literal string '...')" },
        { "a = 1\n\n\nb = 'open\n", "line 4: a string is not closed on its line" },
        { "a = 1\nregex = '''\\b(x\n\n",
            "line 2: the multi-line string that starts here is not closed" },
        { "# keywords\nkeywords = [\n  \"a\",\n  \"b\"\n",
            "line 2: the array that starts here is not closed" },
        { "keywords = [\"a\" \"b\"]\n", "line 1: the values of an array are separated by commas" },
        { "[[rules]]\nid = \"a\"\nid = \"b\"\n", "line 3: the key id is defined twice" },
        { "[extend]\n[extend]\n", "line 2: the table [extend] is defined twice" },
        { "rules = 1\n[[rules]]\n", "line 2: [[rules]] names a table or value defined before" },
        { "[rules\n", "line 1: a table header ends with ]" },
        { "id = \"a\" id = \"b\"\n",
            "line 1: \"id = \"b\"\" follows on the same line; one key = value or "
            "table header per line" },
        { "key:value\n", "line 1: a key is followed by = and its value" },
        { "a =\n", "line 1: a value is missing" },
        { "when = 2026-03-27\n",
            "line 1: 2026-03-27 is not a value this reader knows (a string, number, "
            "boolean or array; dates are not read)" },
        { "x = { a = 1 }\n",
            "line 1: inline tables ({ ... }) are not read; write the table with a "
            "[header]" },
        { "x = \"\\u12\"\n",
            "line 1: \\u is followed by 4 hexadecimal digits of a Unicode scalar "
            "value" },
        { "x = 'a\x01'\n", "line 1: a string holds a control character" },
    };
    for (const auto &[text, message] : cases) {
        EXPECT_EQ(errorOf(QString::fromUtf8(text)), QString::fromUtf8(message)) << text;
    }
}
