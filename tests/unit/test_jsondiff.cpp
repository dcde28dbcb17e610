#include "jsondiff.h"

#include <QElapsedTimer>

#include <gtest/gtest.h>

#include <algorithm>
#include <iostream>
#include <map>
#include <ostream>

// Lets GoogleTest print QString values in failure messages.
inline void PrintTo(const QString &text, std::ostream *out)
{
    *out << '"' << text.toStdString() << '"';
}

namespace {

using Kind = JsonDiff::Kind;
using Side = JsonDiff::Side;

const QString webhookBefore = QStringLiteral(
    R"({"url": "https://hooks.example.com/h", "event_types": ["retain.completed"],)"
    R"( "http_config": {"timeout_seconds": 30, "headers": {"X-Team": "memory"}},)"
    R"( "seq": 12345678901234567890, "enabled": true})");

// Each difference's path and kind: what an operator is shown as changed.
std::map<QString, Kind> differences(const JsonDiff &diff)
{
    std::map<QString, Kind> result;
    for (int row = 0; row < int(diff.rows().size()); ++row) {
        if (diff.rows()[size_t(row)].difference) {
            result.emplace(diff.path(row), diff.rows()[size_t(row)].kind);
        }
    }
    return result;
}

// No row says the documents differ, and the summary agrees.
bool allSame(const JsonDiff &diff)
{
    return diff.summary().total() == 0
        && std::all_of(diff.rows().begin(), diff.rows().end(),
            [](const JsonDiff::Row &row) { return row.kind == Kind::Same && !row.difference; });
}

JsonDiff compare(const QString &left, const QString &right)
{
    return JsonDiff::compare(left, right);
}

int rowOf(const JsonDiff &diff, const QString &path)
{
    for (int row = 0; row < int(diff.rows().size()); ++row) {
        if (diff.path(row) == path) {
            return row;
        }
    }
    return -1;
}

// `depth` arrays around `inner`.
QString nested(int depth, const QString &inner)
{
    return QString(depth, QLatin1Char('[')) + inner + QString(depth, QLatin1Char(']'));
}

// A recall response of roughly `bytes` characters; `variant` changes one result's score.
QString bigResponse(qsizetype bytes, bool variant)
{
    QString json = QStringLiteral(R"({"results": [)");
    for (int i = 0; json.size() < bytes; ++i) {
        if (i > 0) {
            json.append(QLatin1Char(','));
        }
        const QString score = variant && i == 777 ? QStringLiteral("0.5") : QStringLiteral("0.25");
        json.append(QStringLiteral(R"({"id": "m-%1", "text": "Alice met Bob at the launch review )"
                                   R"(number %1 and they agreed on the plan", "score": %2,)"
                                   R"( "tags": ["work", "launch"], "meta": {"seq": %1}})")
                        .arg(i)
                        .arg(score));
    }
    return json + QStringLiteral(R"(], "token_count": 83})");
}

} // namespace

TEST(JsonDiff, IdenticalDocumentsHaveNoDifferences)
{
    const JsonDiff diff = compare(webhookBefore, webhookBefore);
    EXPECT_TRUE(allSame(diff));
    EXPECT_EQ(diff.rows().size(), size_t(10)); // every value has its row
}

TEST(JsonDiff, LayoutAloneIsNoDifference)
{
    const QString spread
        = QStringLiteral("{\n  \"a\" : [ 1 , 2 ],\n  \"b\" : { \"c\" : null }\n}\n");
    const JsonDiff diff = compare(spread, QStringLiteral(R"({"a":[1,2],"b":{"c":null}})"));
    EXPECT_TRUE(allSame(diff));
}

TEST(JsonDiff, MarksExactlyTheChangedAddedAndRemovedPaths)
{
    const QString after = QStringLiteral(
        R"({"url": "https://hooks.example.com/other", "event_types": ["retain.completed"],)"
        R"( "http_config": {"timeout_seconds": 30, "headers": {"X-Team": "memory", "X-Env": "prod"}},)"
        R"( "seq": 12345678901234567890})");
    const JsonDiff diff = compare(webhookBefore, after);
    const std::map<QString, Kind> expected {
        { QStringLiteral("$.url"), Kind::Changed },
        // "X-Env" is no identifier: the path quotes it.
        { QStringLiteral(R"($.http_config.headers["X-Env"])"), Kind::Added },
        { QStringLiteral("$.enabled"), Kind::Removed },
    };
    EXPECT_EQ(differences(diff), expected);
    EXPECT_EQ(diff.summary().changed, 1);
    EXPECT_EQ(diff.summary().added, 1);
    EXPECT_EQ(diff.summary().removed, 1);

    // The containers on the way to a difference say so; the rest are the same.
    EXPECT_EQ(diff.rows()[size_t(rowOf(diff, QStringLiteral("$")))].kind, Kind::Contains);
    EXPECT_EQ(diff.rows()[size_t(rowOf(diff, QStringLiteral("$.http_config.headers")))].kind,
        Kind::Contains);
    EXPECT_EQ(diff.rows()[size_t(rowOf(diff, QStringLiteral("$.event_types")))].kind, Kind::Same);

    const int url = rowOf(diff, QStringLiteral("$.url"));
    EXPECT_EQ(diff.cellText(url, Side::Left), QStringLiteral(R"("https://hooks.example.com/h")"));
    EXPECT_EQ(
        diff.cellText(url, Side::Right), QStringLiteral(R"("https://hooks.example.com/other")"));
    const int enabled = rowOf(diff, QStringLiteral("$.enabled"));
    EXPECT_EQ(diff.cellText(enabled, Side::Left), QStringLiteral("true"));
    EXPECT_FALSE(diff.has(enabled, Side::Right));
    EXPECT_EQ(diff.label(enabled), QStringLiteral("enabled"));
}

TEST(JsonDiff, AnAddedMemberLandsWhereTheRightDocumentHasIt)
{
    const JsonDiff diff = compare(
        QStringLiteral(R"({"a": 1, "c": 3})"), QStringLiteral(R"({"a": 1, "b": 2, "c": 3})"));
    ASSERT_EQ(diff.rows().size(), size_t(4));
    EXPECT_EQ(diff.label(1), QStringLiteral("a"));
    EXPECT_EQ(diff.label(2), QStringLiteral("b"));
    EXPECT_EQ(diff.label(3), QStringLiteral("c"));
    EXPECT_EQ(diff.rows()[2].kind, Kind::Added);
}

TEST(JsonDiff, ATypeChangeIsOneChangeWithBothSidesReadableBelowIt)
{
    const JsonDiff diff = compare(QStringLiteral(R"({"v": {"x": 1, "y": 2}, "n": 1})"),
        QStringLiteral(R"({"v": [1], "n": "1"})"));
    const std::map<QString, Kind> expected {
        { QStringLiteral("$.v"), Kind::Changed },
        { QStringLiteral("$.n"), Kind::Changed },
    };
    EXPECT_EQ(differences(diff), expected);
    EXPECT_EQ(diff.summary().total(), 2);
    const int v = rowOf(diff, QStringLiteral("$.v"));
    EXPECT_EQ(diff.cellText(v, Side::Left), QStringLiteral("{2 keys}"));
    EXPECT_EQ(diff.cellText(v, Side::Right), QStringLiteral("[1 item]"));
    // Below it: the left members as removed, the right items as added, not counted again.
    EXPECT_EQ(diff.rows()[size_t(rowOf(diff, QStringLiteral("$.v.x")))].kind, Kind::Removed);
    EXPECT_EQ(diff.rows()[size_t(rowOf(diff, QStringLiteral("$.v[0]")))].kind, Kind::Added);
    EXPECT_EQ(diff.rows()[size_t(v)].end - v, 4);
}

TEST(JsonDiff, ArraysAreComparedByIndex)
{
    const JsonDiff longer = compare(QStringLiteral(R"({"types": ["world", "experience"]})"),
        QStringLiteral(R"({"types": ["world", "opinion", "experience"]})"));
    const std::map<QString, Kind> expected {
        { QStringLiteral("$.types[1]"), Kind::Changed },
        { QStringLiteral("$.types[2]"), Kind::Added },
    };
    EXPECT_EQ(differences(longer), expected);

    const JsonDiff shorter = compare(QStringLiteral("[1, 2, 3]"), QStringLiteral("[1]"));
    const std::map<QString, Kind> removed {
        { QStringLiteral("$[1]"), Kind::Removed },
        { QStringLiteral("$[2]"), Kind::Removed },
    };
    EXPECT_EQ(differences(shorter), removed);
}

TEST(JsonDiff, AnAddedSubtreeIsOneDifferenceWithItsValuesBelow)
{
    const JsonDiff diff = compare(QStringLiteral(R"({"results": []})"),
        QStringLiteral(R"({"results": [{"id": "m-1", "score": 0.8}]})"));
    const std::map<QString, Kind> expected { { QStringLiteral("$.results[0]"), Kind::Added } };
    EXPECT_EQ(differences(diff), expected);
    EXPECT_EQ(diff.summary().added, 1);
    const int score = rowOf(diff, QStringLiteral("$.results[0].score"));
    ASSERT_GE(score, 0);
    EXPECT_EQ(diff.rows()[size_t(score)].kind, Kind::Added);
    EXPECT_FALSE(diff.rows()[size_t(score)].difference);
    EXPECT_EQ(diff.cellText(score, Side::Right), QStringLiteral("0.8"));
}

TEST(JsonDiff, NestedChangesAreFoundAtTheirPath)
{
    const JsonDiff diff = compare(QStringLiteral(R"({"a": {"b": {"c": [0, {"d": "x"}]}}})"),
        QStringLiteral(R"({"a": {"b": {"c": [0, {"d": "y"}]}}})"));
    const std::map<QString, Kind> expected { { QStringLiteral("$.a.b.c[1].d"), Kind::Changed } };
    EXPECT_EQ(differences(diff), expected);
    const int d = rowOf(diff, QStringLiteral("$.a.b.c[1].d"));
    EXPECT_EQ(diff.rows()[size_t(d)].depth, 5);
}

TEST(JsonDiff, BigNumbersAreComparedByTheirText)
{
    // Both are 12345678901234567000 as a double.
    const JsonDiff diff = compare(QStringLiteral(R"({"seq": 12345678901234567890})"),
        QStringLiteral(R"({"seq": 12345678901234567891})"));
    EXPECT_EQ(diff.summary().changed, 1);
    EXPECT_EQ(diff.cellText(1, Side::Left), QStringLiteral("12345678901234567890"));
    EXPECT_EQ(diff.cellText(1, Side::Right), QStringLiteral("12345678901234567891"));
    EXPECT_EQ(diff.json(1, Side::Right), QStringLiteral("12345678901234567891"));

    const JsonDiff same = compare(QStringLiteral(R"({"seq": 12345678901234567890})"),
        QStringLiteral(R"({"seq": 12345678901234567890})"));
    EXPECT_TRUE(allSame(same));
}

TEST(JsonDiff, KeysAreComparedDecoded)
{
    const JsonDiff diff
        = compare(QStringLiteral(R"({"api\u005fkey": 1})"), QStringLiteral(R"({"api_key": 1})"));
    EXPECT_TRUE(allSame(diff));
}

TEST(JsonDiff, InvalidJsonIsComparedAsTextInOneRow)
{
    const QString cut = QStringLiteral(R"({"query": "What did Alice)");
    const JsonDiff diff = compare(cut, QStringLiteral(R"({"query": "What did Bob"})"));
    ASSERT_EQ(diff.rows().size(), size_t(1));
    EXPECT_EQ(diff.rows()[0].kind, Kind::Changed);
    EXPECT_EQ(diff.summary().changed, 1);
    EXPECT_FALSE(diff.isValid(Side::Left));
    EXPECT_TRUE(diff.isValid(Side::Right));
    EXPECT_FALSE(diff.error(Side::Left).isEmpty());
    EXPECT_EQ(diff.cellText(0, Side::Left), cut);
    EXPECT_EQ(diff.cellText(0, Side::Right), QStringLiteral(R"({"query": "What did Bob"})"));

    const JsonDiff same = compare(cut, cut);
    EXPECT_TRUE(allSame(same));
}

TEST(JsonDiff, ANullDocumentMakesTheOtherAddedOrRemovedAsAWhole)
{
    const QString response = QStringLiteral(R"({"results": [1, 2], "token_count": 3})");
    const JsonDiff added = JsonDiff::compare(std::nullopt, response);
    EXPECT_TRUE(added.isNull(Side::Left));
    EXPECT_EQ(added.summary().added, 1);
    EXPECT_EQ(added.summary().total(), 1);
    const std::map<QString, Kind> root { { QStringLiteral("$"), Kind::Added } };
    EXPECT_EQ(differences(added), root);
    EXPECT_EQ(added.rows().size(), size_t(5));

    const JsonDiff removed = JsonDiff::compare(response, std::nullopt);
    EXPECT_EQ(removed.summary().removed, 1);
    EXPECT_EQ(removed.summary().total(), 1);

    const JsonDiff none = JsonDiff::compare(std::nullopt, std::nullopt);
    EXPECT_EQ(none.summary().total(), 0);
    ASSERT_EQ(none.rows().size(), size_t(1));
    EXPECT_FALSE(none.has(0, Side::Left));
    EXPECT_FALSE(none.has(0, Side::Right));
}

TEST(JsonDiff, DeepNestingIsComparedAsAWholeBelowTheLimit)
{
    const int depth = 100'000;
    const JsonDiff diff
        = compare(nested(depth, QStringLiteral("1")), nested(depth, QStringLiteral("2")));
    EXPECT_EQ(diff.summary().changed, 1);
    int deepest = 0;
    for (const JsonDiff::Row &row : diff.rows()) {
        deepest = std::max(deepest, row.depth);
    }
    EXPECT_EQ(deepest, JsonDiff::maxDepth);
    EXPECT_EQ(diff.rows().size(), size_t(JsonDiff::maxDepth + 1));
    const int changed = diff.nextDifference(-1);
    ASSERT_GE(changed, 0);
    EXPECT_EQ(diff.rows()[size_t(changed)].depth, JsonDiff::maxDepth);
    EXPECT_EQ(diff.json(changed, Side::Right).size(), 2 * (depth - JsonDiff::maxDepth) + 1);

    const JsonDiff same
        = compare(nested(depth, QStringLiteral("1")), nested(depth, QStringLiteral(" 1 ")));
    EXPECT_TRUE(allSame(same));
    // One side only: its rows stop at the limit too.
    const JsonDiff added = JsonDiff::compare(std::nullopt, nested(depth, QStringLiteral("1")));
    EXPECT_EQ(added.rows().size(), size_t(JsonDiff::maxDepth + 1));
}

TEST(JsonDiff, DifferencesAreWalkedInDocumentOrder)
{
    const JsonDiff diff = compare(QStringLiteral(R"({"a": 1, "b": 2, "c": 3})"),
        QStringLiteral(R"({"a": 0, "b": 2, "c": 4})"));
    const int first = diff.nextDifference(-1);
    ASSERT_GE(first, 0);
    const int second = diff.nextDifference(first);
    ASSERT_GE(second, 0);
    EXPECT_EQ(diff.path(first), QStringLiteral("$.a"));
    EXPECT_EQ(diff.path(second), QStringLiteral("$.c"));
    EXPECT_EQ(diff.nextDifference(second), -1);
    EXPECT_EQ(diff.previousDifference(second), first);
    EXPECT_EQ(diff.previousDifference(first), -1);
}

TEST(JsonDiff, ControlAndBidiCharactersAreShownNotObeyed)
{
    const QString left = QStringLiteral("{\"name\": \"abc\u202Edef\"}");
    const JsonDiff diff = compare(left, QStringLiteral(R"({"name": "abc"})"));
    EXPECT_EQ(diff.cellText(1, Side::Left), QStringLiteral(R"("abc\u202edef")"));
    EXPECT_EQ(diff.json(1, Side::Left), QStringLiteral("\"abc\u202Edef\""));
}

TEST(JsonDiff, AFiveMegabyteResponseIsComparedQuickly)
{
    const QString left = bigResponse(5'000'000, false);
    const QString right = bigResponse(5'000'000, true);
    QElapsedTimer timer;
    timer.start();
    const JsonDiff diff = compare(left, right);
    const qint64 elapsed = timer.elapsed();
    const std::map<QString, Kind> expected {
        { QStringLiteral("$.results[777].score"), Kind::Changed },
    };
    EXPECT_EQ(differences(diff), expected);
    EXPECT_GT(diff.rows().size(), size_t(200'000));
    // About 0.3 s in a debug build; a quadratic step would take minutes.
    EXPECT_LT(elapsed, 5000) << "ms for " << diff.rows().size() << " rows";
    std::cout << "5 MB diff: " << elapsed << " ms, " << diff.rows().size() << " rows\n";
}
