#include "requestpreview.h"

#include <gtest/gtest.h>

TEST(RequestPreview, DropsTheSpacesBetweenTokensAndMarksACut)
{
    EXPECT_EQ(RequestPreview::compact(
                  QStringLiteral("{\"query\": \"a  b\",\n  \"max_tokens\": 4096}"), false)
                  .toStdString(),
        R"({"query":"a  b","max_tokens":4096})");
    EXPECT_EQ(RequestPreview::compact(QStringLiteral(R"({"query": "wh)"), true).toStdString(),
        "{\"query\":\"wh\u2026");
}

TEST(RequestPreview, ShortensLongStringsWithoutSplittingEscapesOrPairs)
{
    EXPECT_EQ(RequestPreview::compact(QStringLiteral(R"({"q": "abcdef", "n": 1})"), false, 3)
                  .toStdString(),
        "{\"q\":\"abc\u2026\",\"n\":1}");
    EXPECT_EQ(RequestPreview::compact(QStringLiteral(R"(["ab\u00e9cd"])"), false, 3).toStdString(),
        "[\"ab\\u00e9\u2026\"]");
    EXPECT_EQ(RequestPreview::compact(QStringLiteral("[\"a😀bc\"]"), false, 2).toStdString(),
        "[\"a😀\u2026\"]");
    // Exactly as long as allowed: whole.
    EXPECT_EQ(RequestPreview::compact(QStringLiteral(R"(["abc"])"), false, 3).toStdString(),
        R"(["abc"])");
}

TEST(RequestPreview, ShowsControlAndBidiCharactersInsteadOfObeyingThem)
{
    EXPECT_EQ(
        RequestPreview::compact(QStringLiteral("[\"a\u202eb\"] x\ty\u0001"), false).toStdString(),
        "[\"a\\u202eb\"]xy ");
}
