#include "jsonprettyprinter.h"
#include "jsontreemodel.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QSignalSpy>

#include <gtest/gtest.h>

#include <ostream>

// Lets GoogleTest print QString values in failure messages.
inline void PrintTo(const QString &text, std::ostream *out)
{
    *out << '"' << text.toStdString() << '"';
}

namespace {

const QString webhookRequest = QStringLiteral(
    R"({"url": "https://hooks.example.com/h", "event_types": ["retain.completed", "consolidation.completed"],)"
    R"( "http_config": {"timeout_seconds": 30, "headers": {"X-Team": "memory"}},)"
    R"( "items": [{"content": "Alice moved to Zürich\nin 2024", "seq": 12345678901234567890,)"
    R"( "score": 0.1000000000000000055511151231257827, "ok": true, "tags": [], "meta": {}, "parent": null}]})");

// Expands a node fully (every batch) and returns its index.
QModelIndex expanded(JsonTreeModel &model, const QModelIndex &index)
{
    while (model.canFetchMore(index)) {
        model.fetchMore(index);
    }
    return index;
}

// The child `row` of `parent`, expanding `parent` first.
QModelIndex child(JsonTreeModel &model, const QModelIndex &parent, int row, int column = 0)
{
    expanded(model, parent);
    return model.index(row, column, parent);
}

QString cell(const QModelIndex &index, int column, int role = Qt::DisplayRole)
{
    return index.siblingAtColumn(column).data(role).toString();
}

} // namespace

TEST(JsonTreeModel, PassesTheItemModelTesterWhileDocumentsAreExpandedAndReplaced)
{
    JsonTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    ASSERT_TRUE(model.setDocument(webhookRequest));
    const QModelIndex root = child(model, {}, 0);
    const QModelIndex items = child(model, root, 3);
    child(model, child(model, items, 0), 0);
    EXPECT_FALSE(model.setDocument(QStringLiteral("{\"a\": ")));
    EXPECT_EQ(model.rowCount(), 0);
    ASSERT_TRUE(model.setDocument(QStringLiteral("[1, [2, [3]], {}]")));
    expanded(model, child(model, child(model, {}, 0), 1));
    model.clear();
    EXPECT_EQ(model.rowCount(), 0);
}

TEST(JsonTreeModel, ShowsKeysValuesAndTypesExactlyAsStored)
{
    JsonTreeModel model;
    ASSERT_TRUE(model.setDocument(webhookRequest));
    const QModelIndex root = child(model, {}, 0);
    EXPECT_EQ(cell(root, JsonTreeModel::KeyColumn), QStringLiteral("$"));
    EXPECT_EQ(cell(root, JsonTreeModel::ValueColumn), QStringLiteral("{4 keys}"));
    EXPECT_EQ(cell(root, JsonTreeModel::TypeColumn), QStringLiteral("object"));

    const QModelIndex types = child(model, root, 1);
    EXPECT_EQ(cell(types, JsonTreeModel::KeyColumn), QStringLiteral("event_types"));
    EXPECT_EQ(cell(types, JsonTreeModel::ValueColumn), QStringLiteral("[2 items]"));
    EXPECT_EQ(cell(child(model, types, 1), JsonTreeModel::KeyColumn), QStringLiteral("[1]"));

    const QModelIndex item = child(model, child(model, root, 3), 0);
    EXPECT_EQ(cell(item, JsonTreeModel::ValueColumn), QStringLiteral("{7 keys}"));
    const auto member = [&](int row) { return child(model, item, row); };
    // A string is shown decoded, newline made visible.
    EXPECT_EQ(cell(member(0), JsonTreeModel::ValueColumn),
        QStringLiteral("Alice moved to Zürich\u240Ain 2024"));
    EXPECT_EQ(cell(member(0), JsonTreeModel::TypeColumn), QStringLiteral("string"));
    EXPECT_EQ(cell(member(0), JsonTreeModel::ValueColumn, JsonTreeModel::ValueRole),
        QStringLiteral("Alice moved to Zürich\nin 2024"));
    // Numbers are never converted.
    EXPECT_EQ(cell(member(1), JsonTreeModel::ValueColumn), QStringLiteral("12345678901234567890"));
    EXPECT_EQ(cell(member(2), JsonTreeModel::ValueColumn),
        QStringLiteral("0.1000000000000000055511151231257827"));
    EXPECT_EQ(cell(member(2), JsonTreeModel::TypeColumn), QStringLiteral("number"));
    EXPECT_EQ(cell(member(3), JsonTreeModel::ValueColumn), QStringLiteral("true"));
    EXPECT_EQ(cell(member(3), JsonTreeModel::TypeColumn), QStringLiteral("boolean"));
    EXPECT_EQ(member(3).data(JsonTreeModel::TypeRole).toInt(), JsonTreeModel::BooleanType);
    EXPECT_EQ(cell(member(4), JsonTreeModel::ValueColumn), QStringLiteral("[0 items]"));
    EXPECT_EQ(cell(member(5), JsonTreeModel::ValueColumn), QStringLiteral("{0 keys}"));
    EXPECT_EQ(cell(member(6), JsonTreeModel::ValueColumn), QStringLiteral("null"));
    EXPECT_EQ(cell(member(6), JsonTreeModel::TypeColumn), QStringLiteral("null"));
    EXPECT_FALSE(model.hasChildren(member(4)));
    EXPECT_TRUE(model.flags(member(6)).testFlag(Qt::ItemNeverHasChildren));

    EXPECT_EQ(model.headerData(JsonTreeModel::KeyColumn, Qt::Horizontal).toString(),
        QStringLiteral("Key"));
}

TEST(JsonTreeModel, GivesTheExactTextOfEveryNodeAndSubtree)
{
    JsonTreeModel model;
    const QString json = QStringLiteral(
        " {\"a\" : [ 1 , -0 , 1e400, \"\\u00e9\\ud83d\\ude00\" ] , \"b\":{\"c\":  null}}\n");
    ASSERT_TRUE(model.setDocument(json));
    const QModelIndex root = child(model, {}, 0);
    EXPECT_EQ(cell(root, 0, JsonTreeModel::ValueTextRole), json.trimmed());
    const QModelIndex a = child(model, root, 0);
    EXPECT_EQ(cell(a, 0, JsonTreeModel::ValueTextRole),
        QStringLiteral("[ 1 , -0 , 1e400, \"\\u00e9\\ud83d\\ude00\" ]"));
    EXPECT_EQ(cell(child(model, a, 1), 0, JsonTreeModel::ValueTextRole), QStringLiteral("-0"));
    EXPECT_EQ(cell(child(model, a, 2), 1), QStringLiteral("1e400"));
    const QModelIndex escaped = child(model, a, 3);
    EXPECT_EQ(cell(escaped, 0, JsonTreeModel::ValueTextRole),
        QStringLiteral("\"\\u00e9\\ud83d\\ude00\""));
    EXPECT_EQ(cell(escaped, 1), QStringLiteral("é😀"));
    EXPECT_EQ(cell(child(model, root, 1), 2, JsonTreeModel::ValueTextRole),
        QStringLiteral("{\"c\":  null}"));
}

TEST(JsonTreeModel, BuildsPathsAndQuotesKeysThatAreNoIdentifiers)
{
    JsonTreeModel model;
    ASSERT_TRUE(model.setDocument(QStringLiteral(
        R"({"items":[{"content":"x"}],"a b":{"2x":1,"k\"q":2,"_ok9":3,"\u0041":4,"":5,"é":6}})")));
    const QModelIndex root = child(model, {}, 0);
    EXPECT_EQ(cell(root, 0, JsonTreeModel::PathRole), QStringLiteral("$"));
    const QModelIndex content = child(model, child(model, child(model, root, 0), 0), 0);
    EXPECT_EQ(cell(content, 2, JsonTreeModel::PathRole), QStringLiteral("$.items[0].content"));
    const QModelIndex odd = child(model, root, 1);
    EXPECT_EQ(cell(odd, 0, JsonTreeModel::PathRole), QStringLiteral(R"($["a b"])"));
    const QStringList expected
        = { QStringLiteral(R"($["a b"]["2x"])"), QStringLiteral(R"($["a b"]["k\"q"])"),
              QStringLiteral(R"($["a b"]._ok9)"), QStringLiteral(R"($["a b"].A)"),
              QStringLiteral(R"($["a b"][""])"), QStringLiteral(R"($["a b"]["é"])") };
    for (int row = 0; row < expected.size(); ++row) {
        EXPECT_EQ(cell(child(model, odd, row), 0, JsonTreeModel::PathRole), expected.at(row));
    }
    EXPECT_EQ(cell(child(model, odd, 1), 0), QStringLiteral("k\"q"));
}

TEST(JsonTreeModel, RevealsTwentyThousandKeysInBatchesAndOpensAtOnce)
{
    QString json = QStringLiteral("{");
    for (int i = 0; i < 20000; ++i) {
        json += QStringLiteral("%1\"key%2\": %2").arg(i ? QStringLiteral(", ") : QString()).arg(i);
    }
    json += QLatin1Char('}');
    JsonTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QElapsedTimer timer;
    timer.start();
    ASSERT_TRUE(model.setDocument(json));
    const QModelIndex root = model.index(0, 0);
    EXPECT_EQ(cell(root, 1), QStringLiteral("{20000 keys}"));
    EXPECT_TRUE(model.hasChildren(root));
    EXPECT_EQ(model.rowCount(root), 0);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    ASSERT_TRUE(model.canFetchMore(root));
    model.fetchMore(root);
    EXPECT_EQ(model.rowCount(root), JsonTreeModel::fetchBatchSize);
    EXPECT_EQ(cell(model.index(999, 0, root), 1), QStringLiteral("999"));
    EXPECT_LT(timer.elapsed(), 1000);
    expanded(model, root);
    EXPECT_EQ(model.rowCount(root), 20000);
    EXPECT_EQ(inserted.count(), 20);
    EXPECT_EQ(cell(model.index(19999, 0, root), 0), QStringLiteral("key19999"));
    EXPECT_EQ(cell(model.index(19999, 0, root), 0, JsonTreeModel::PathRole),
        QStringLiteral("$.key19999"));
}

TEST(JsonTreeModel, OpensThreeThousandAndHundredThousandLevelsWithoutRecursion)
{
    for (const int depth : { 3000, 100000 }) {
        QString json;
        for (int i = 0; i < depth; ++i) {
            json += i % 2 ? QStringLiteral("[") : QStringLiteral("{\"a\":");
        }
        json += QStringLiteral("\"bottom\"");
        for (int i = depth - 1; i >= 0; --i) {
            json += i % 2 ? QStringLiteral("]") : QStringLiteral("}");
        }
        JsonTreeModel model;
        ASSERT_TRUE(model.setDocument(json)) << depth;
        QModelIndex index = model.index(0, 0);
        for (int level = 0; level < depth; ++level) {
            index = child(model, index, 0);
            ASSERT_TRUE(index.isValid()) << level;
        }
        EXPECT_EQ(cell(index, 1), QStringLiteral("bottom"));
        const QString path = cell(index, 0, JsonTreeModel::PathRole);
        EXPECT_TRUE(path.startsWith(QStringLiteral("$.a[0].a[0].a")));
        EXPECT_EQ(path.size(), 1 + depth / 2 * (2 + 3));
        // Walking back up is iterative too.
        QModelIndex up = index;
        int levels = 0;
        while (up.parent().isValid()) {
            up = up.parent();
            ++levels;
        }
        EXPECT_EQ(levels, depth);
        EXPECT_FALSE(model.setDocument(json.chopped(1)));
    }
}

TEST(JsonTreeModel, RejectsInvalidJsonWithTheFormattersMessageAndShowsNothing)
{
    JsonTreeModel model;
    ASSERT_TRUE(model.setDocument(QStringLiteral("[1]")));
    EXPECT_TRUE(model.errorString().isEmpty());
    EXPECT_EQ(model.errorOffset(), -1);
    for (const char *json : { R"({"a": 1,})", R"({"a" 1})", "[1, 2", "01", "[\"\\x\"]", "", "  ",
             "nul", "[1]]", "{\"a\":\"\\u12G4\"}", "-", "1.", "[tru]", "\"a\tb\"" }) {
        const QString text = QString::fromUtf8(json);
        EXPECT_FALSE(model.setDocument(text)) << json;
        EXPECT_EQ(model.rowCount(), 0) << json;
        const JsonFormatResult formatted = JsonPrettyPrinter().format(QStringView(text));
        EXPECT_EQ(model.errorString(), formatted.error) << json;
        EXPECT_EQ(model.errorOffset(), formatted.errorOffset) << json;
    }
    EXPECT_FALSE(model.setDocument(QStringLiteral(R"({"a": 1,})")));
    EXPECT_EQ(model.errorString(), QStringLiteral("unexpected character '}' at offset 8"));
}

TEST(JsonTreeModel, AcceptsTopLevelScalarsAndKeepsDuplicateKeys)
{
    JsonTreeModel model;
    ASSERT_TRUE(model.setDocument(QStringLiteral(" 12345678901234567890 ")));
    EXPECT_EQ(cell(model.index(0, 0), 1), QStringLiteral("12345678901234567890"));
    EXPECT_FALSE(model.hasChildren(model.index(0, 0)));
    ASSERT_TRUE(model.setDocument(QStringLiteral(R"({"k":1,"k":2})")));
    const QModelIndex root = child(model, {}, 0);
    EXPECT_EQ(cell(root, 1), QStringLiteral("{2 keys}"));
    EXPECT_EQ(cell(child(model, root, 0), 1), QStringLiteral("1"));
    EXPECT_EQ(cell(child(model, root, 1), 1), QStringLiteral("2"));
    EXPECT_EQ(cell(child(model, root, 1), 0), QStringLiteral("k"));
}

TEST(JsonTreeModel, ShowsControlAndBidiCharactersInsteadOfObeyingThem)
{
    JsonTreeModel model;
    ASSERT_TRUE(model.setDocument(
        QStringLiteral("{\"\\u202Eevil\": \"a\\u0000b\\u2028c\u200Fd\u202Ee\\u001b\", \"emoji\": "
                       "\"👩\u200D👩\u200D👧 \u05E9\u05DC\u05D5\u05DD\"}")));
    const QModelIndex root = child(model, {}, 0);
    const QModelIndex evil = child(model, root, 0);
    EXPECT_EQ(cell(evil, 0), QStringLiteral("<U+202E>evil"));
    EXPECT_EQ(cell(evil, 1), QStringLiteral("a\u2400b<U+2028>c<U+200F>d<U+202E>e\u241B"));
    EXPECT_EQ(cell(evil, 1, JsonTreeModel::ValueRole),
        QStringLiteral("a") + QChar(0) + QStringLiteral("b\u2028c\u200Fd\u202Ee\u001B"));
    // Joiners in emoji and right-to-left letters are text, not controls.
    EXPECT_EQ(
        cell(child(model, root, 1), 1), QStringLiteral("👩\u200D👩\u200D👧 \u05E9\u05DC\u05D5\u05DD"));
}

TEST(JsonTreeModel, ShortensLongValuesInCellsButNeverInTheRoles)
{
    const QString longText = QString(5000, QLatin1Char('x')) + QStringLiteral("😀");
    const QString longNumber = QString(3000, QLatin1Char('9'));
    JsonTreeModel model;
    ASSERT_TRUE(model.setDocument(QStringLiteral("[\"%1\", %2]").arg(longText, longNumber)));
    const QModelIndex root = child(model, {}, 0);
    const QString shown = cell(child(model, root, 0), 1);
    EXPECT_EQ(shown.size(), JsonTreeModel::maxDisplayLength + 1);
    EXPECT_TRUE(shown.endsWith(QChar(0x2026)));
    EXPECT_EQ(cell(child(model, root, 0), 1, JsonTreeModel::ValueRole), longText);
    EXPECT_EQ(cell(child(model, root, 1), 1).size(), JsonTreeModel::maxDisplayLength + 1);
    EXPECT_EQ(cell(child(model, root, 1), 1, JsonTreeModel::ValueTextRole), longNumber);
}
