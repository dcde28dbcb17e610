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
    auto &[actions, transport, bank, since, until, failedOnly, search, minDurationMicros, schemas]
        = filter;
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
        { "schemas", [&] { schemas = { QStringLiteral("tenant_a") }; } },
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

TEST(AuditFilter, RecentlyFinishedFirstReadsOnlyTheRecentPastAndNeverWidensTheRange)
{
    const AuditTimestamp now = AuditTimestamp::fromUsecsSinceEpoch(1'800'000'000'000'000LL);
    const AuditTimestamp hourAgo = AuditTimestamp::fromUsecsSinceEpoch(
        now.usecsSinceEpoch() - kRecentPastMinutes * 60'000'000LL);
    AuditFilter filter;
    filter.search = QStringLiteral("x");
    for (SortOrder order : { SortOrder::NewestFirst, SortOrder::OldestFirst,
             SortOrder::LongestFirst, SortOrder::ShortestFirst }) {
        EXPECT_EQ(filterForOrder(filter, order, now), filter);
    }
    const AuditFilter recent = filterForOrder(filter, SortOrder::RecentlyFinishedFirst, now);
    EXPECT_EQ(recent.since, std::optional<AuditTimestamp>(hourAgo));
    EXPECT_EQ(recent.search, filter.search);
    // A filter that starts later keeps its start; an earlier one is narrowed.
    filter.since = AuditTimestamp::fromUsecsSinceEpoch(now.usecsSinceEpoch() - 60'000'000LL);
    EXPECT_EQ(filterForOrder(filter, SortOrder::RecentlyFinishedFirst, now).since, filter.since);
    filter.since = AuditTimestamp::fromUsecsSinceEpoch(0);
    EXPECT_EQ(filterForOrder(filter, SortOrder::RecentlyFinishedFirst, now).since,
        std::optional<AuditTimestamp>(hourAgo));
}
