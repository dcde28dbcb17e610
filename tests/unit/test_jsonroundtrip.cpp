// Hostile documents through JsonPrettyPrinter and back: the pretty text must hold the same
// tokens, numbers and strings compared as text, and only whitespace may differ. The tree
// model and the masker must keep them as stored too.

#include "jsonprettyprinter.h"
#include "jsontreemodel.h"
#include "secretmasker.h"

#include <gtest/gtest.h>

#include <QString>

#include <vector>

namespace {

// One token as written: punctuation, or the full text of a string, number or literal.
struct Token
{
    char kind; // one of {}[]:, or s (string), n (number), l (literal), ? (anything else)
    QString text;
    bool operator==(const Token &other) const = default;
};

bool isWhitespace(QChar c)
{
    return c == u' ' || c == u'\n' || c == u'\r' || c == u'\t';
}

// A test-only tokenizer, independent of the code under test: it cuts tokens, it does not
// check the grammar (the printer's own tests do).
std::vector<Token> tokens(QStringView json)
{
    std::vector<Token> result;
    qsizetype i = 0;
    while (i < json.size()) {
        const QChar c = json[i];
        if (isWhitespace(c)) {
            ++i;
            continue;
        }
        qsizetype end = i + 1;
        char kind = '?';
        if (QStringView(u"{}[]:,").contains(c)) {
            kind = char(c.unicode());
        } else if (c == u'"') {
            kind = 's';
            while (end < json.size() && json[end] != u'"') {
                end += json[end] == u'\\' ? 2 : 1;
            }
            end = std::min(end + 1, json.size());
        } else if (c == u'-' || c.isDigit()) {
            kind = 'n';
            while (end < json.size() && QStringView(u"0123456789+-.eE").contains(json[end])) {
                ++end;
            }
        } else if (c.isLetter()) {
            kind = 'l';
            while (end < json.size() && json[end].isLetter()) {
                ++end;
            }
        }
        result.push_back({ kind, json.mid(i, end - i).toString() });
        i = end;
    }
    return result;
}

// The document without whitespace between tokens.
QString compact(QStringView json)
{
    QString result;
    for (const Token &token : tokens(json)) {
        result += token.text;
    }
    return result;
}

QString repeated(const QString &piece, int times)
{
    QString result;
    result.reserve(piece.size() * times);
    for (int i = 0; i < times; ++i) {
        result += piece;
    }
    return result;
}

std::vector<QString> hostileDocuments()
{
    std::vector<QString> documents = {
        QStringLiteral(
            R"({"a":12345678901234567890,"b":-123456789012345678901234567890,"c":[9007199254740993]})"),
        QStringLiteral(
            "[-0, -0.0, 1e400, -1E-400, 0.1000000000000000055511151231257827, 1E+2, 0e0]"),
        QStringLiteral(
            R"({"\u0000":"\u0000\u2028\u2029\ud83d\ude00\"\\\/\b\f\n\r\t","\uD83D\uDE00":"\ud800 lone"})"),
        QStringLiteral(
            "{\"😀\":\"👩\u200D👩\u200D👧\",\"שלום\":\"مرحبا \u200F\u202Eabc\u202C\u2066x\u2069\"}"),
        QStringLiteral(R"({"a":{},"b":[],"c":[{}],"d":[[]],"e":"","f":[{},[],""]})"),
        QStringLiteral("{}"),
        QStringLiteral("[]"),
        QStringLiteral("\"\""),
        QStringLiteral("0"),
        QStringLiteral("null"),
        QStringLiteral(R"({"k":1,"k":"two","k":{"k":[true,false,null]}})"),
        QStringLiteral(
            "\n\t {  \"a\" :\r\n [ 1 ,2 ,{ \"b\"\t:\"c d\" } ] ,\"e\" : \" \\n \" }  \n"),
        QStringLiteral("[") + repeated(QStringLiteral("{\"x\":["), 3000) + QStringLiteral("1e400")
            + repeated(QStringLiteral("]}"), 3000) + QStringLiteral("]"),
        QStringLiteral("{\"long\":\"")
            + repeated(QStringLiteral("Zürich \\\"quoted\\\" 😀 \\u00e9 "), 40000)
            + QStringLiteral("\"}"),
    };
    QString manyKeys = QStringLiteral("{");
    for (int i = 0; i < 20000; ++i) {
        manyKeys += QStringLiteral("%1\"k%2\":%3")
                        .arg(i ? QStringLiteral(",") : QString())
                        .arg(i)
                        .arg(i % 2 ? QStringLiteral("12345678901234567890")
                                   : QStringLiteral("\"v\\u00e9\""));
    }
    documents.push_back(manyKeys + QLatin1Char('}'));
    return documents;
}

} // namespace

TEST(JsonRoundTrip, PrettyTextHoldsTheSameTokensAsTheInput)
{
    for (const QString &document : hostileDocuments()) {
        const std::vector<Token> original = tokens(document);
        ASSERT_FALSE(original.empty());
        for (const int indent : { 0, 2, 4 }) {
            const JsonPrettyPrinter printer(indent);
            const JsonFormatResult text = printer.format(QStringView(document), 1);
            ASSERT_TRUE(text.ok) << text.error.toStdString() << " in "
                                 << document.left(80).toStdString();
            EXPECT_TRUE(tokens(text.text) == original) << document.left(80).toStdString();
            const JsonUtf8FormatResult bytes = printer.formatUtf8(document.toUtf8(), 1);
            ASSERT_TRUE(bytes.ok) << bytes.error.toStdString();
            EXPECT_TRUE(tokens(QString::fromUtf8(bytes.text)) == original)
                << document.left(80).toStdString();
        }
    }
}

TEST(JsonRoundTrip, CompactingThePrettyTextGivesTheCompactedInput)
{
    for (const QString &document : hostileDocuments()) {
        const JsonUtf8FormatResult pretty = JsonPrettyPrinter().formatUtf8(document.toUtf8());
        ASSERT_TRUE(pretty.ok) << pretty.error.toStdString();
        EXPECT_EQ(compact(QString::fromUtf8(pretty.text)), compact(document))
            << document.left(80).toStdString();
    }
}

TEST(JsonRoundTrip, BigNumbersAndEscapesSurviveByteForByte)
{
    const QString document = hostileDocuments().front();
    const QString pretty = JsonPrettyPrinter().format(QStringView(document)).text;
    EXPECT_TRUE(pretty.contains(QStringLiteral("12345678901234567890")));
    EXPECT_TRUE(pretty.contains(QStringLiteral("-123456789012345678901234567890")));
    EXPECT_TRUE(pretty.contains(QStringLiteral("9007199254740993")));
    const QString escapes = hostileDocuments().at(2);
    EXPECT_TRUE(
        JsonPrettyPrinter()
            .format(QStringView(escapes))
            .text.contains(QStringLiteral(R"("\u0000\u2028\u2029\ud83d\ude00\"\\\/\b\f\n\r\t")")));
}

TEST(JsonRoundTrip, TreeAndMaskerKeepTheDocumentsAsStored)
{
    const SecretMasker masker;
    JsonTreeModel model;
    for (const QString &document : hostileDocuments()) {
        ASSERT_TRUE(model.setDocument(document)) << model.errorString().toStdString();
        EXPECT_EQ(
            model.index(0, 0).data(JsonTreeModel::ValueTextRole).toString(), document.trimmed());
        // None of these has a sensitive key: masking must not touch a byte.
        int count = -1;
        EXPECT_EQ(masker.mask(document, &count), document);
        EXPECT_EQ(count, 0);
        EXPECT_EQ(masker.maskUtf8(document.toUtf8()), document.toUtf8());
    }
}
