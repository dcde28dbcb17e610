#include "auditfilter.h"

#include <gtest/gtest.h>

#include <functional>
#include <set>
#include <utility>
#include <vector>

// Caches of counted buckets are keyed by AuditFilter::cacheKey(): a field the key forgot let
// the chart serve one filter's counts for another.
TEST(AuditFilter, CacheKeyChangesWithEveryFieldOfTheFilter)
{
    AuditFilter filter;
    // One name per field: a field added to AuditFilter breaks this build until a change of it
    // is listed below.
    auto &[actions, transport, bank, since, until, failedOnly, search, minDurationMicros] = filter;
    const std::vector<std::pair<const char *, std::function<void()>>> changes {
        { "actions", [&] { actions = { QStringLiteral("retain") }; } },
        { "transport", [&] { transport = QStringLiteral("http"); } },
        { "bank", [&] { bank = QStringLiteral("b1"); } },
        { "empty bank", [&] { bank = QString(); } },
        { "since", [&] { since = AuditTimestamp::fromUsecsSinceEpoch(1); } },
        { "until", [&] { until = AuditTimestamp::fromUsecsSinceEpoch(1); } },
        { "failedOnly", [&] { failedOnly = true; } },
        { "search", [&] { search = QStringLiteral("x"); } },
        { "minDurationMicros", [&] { minDurationMicros = 5000000; } },
        { "zero minDurationMicros", [&] { minDurationMicros = 0; } },
    };

    std::set<QString> keys { filter.cacheKey() };
    for (const auto &[name, change] : changes) {
        filter = AuditFilter();
        change();
        EXPECT_NE(filter, AuditFilter()) << name;
        EXPECT_TRUE(keys.insert(filter.cacheKey()).second)
            << name << " gives a key another filter has: " << filter.cacheKey().toStdString();
    }
}

TEST(AuditFilter, CacheKeyCannotBeImitatedAcrossFields)
{
    // Texts that would run together if the key only joined the values.
    AuditFilter twoActions;
    twoActions.actions = { QStringLiteral("a"), QStringLiteral("b") };
    AuditFilter joinedAction;
    joinedAction.actions = { QStringLiteral("a:b") };
    EXPECT_NE(twoActions.cacheKey(), joinedAction.cacheKey());

    AuditFilter bankThenSearch;
    bankThenSearch.bank = QStringLiteral("x");
    bankThenSearch.search = QStringLiteral("y");
    AuditFilter searchOnly;
    searchOnly.search = QStringLiteral("x") + QStringLiteral("s1:y");
    EXPECT_NE(bankThenSearch.cacheKey(), searchOnly.cacheKey());

    AuditFilter same = bankThenSearch;
    EXPECT_EQ(same.cacheKey(), bankThenSearch.cacheKey());
}
