#include "pagenavigator.h"

#include <gtest/gtest.h>

// Reading many tenants as one log, a tenant copied from another keeps its ids: the cursor of
// the next or previous page must carry the schema of the row it continues from, or the row
// with the same id in another tenant is skipped at the page boundary.
TEST(PageNavigator, TheCursorOfTheNextAndPreviousPageCarriesTheRowsSchema)
{
    PageNavigator navigator;
    navigator.setPageSize(2);
    const auto row = [](const char *id, const char *schema) {
        AuditEntry entry;
        entry.id = QString::fromLatin1(id);
        entry.schema = QString::fromLatin1(schema);
        entry.startedAt = AuditTimestamp::fromUsecsSinceEpoch(1'000'000);
        return entry;
    };
    AuditPage page;
    page.entries = { row("00000000-0000-0000-0000-000000000002", "tenant_b"),
        row("00000000-0000-0000-0000-000000000001", "tenant_c") };
    page.hasMore = true;
    navigator.accept(navigator.request(PageNavigator::Move::First), page, std::nullopt);

    const auto next = navigator.request(PageNavigator::Move::Next);
    ASSERT_TRUE(next.after);
    EXPECT_EQ(next.after->id, page.entries.last().id);
    EXPECT_EQ(next.after->schema.toStdString(), "tenant_c");
    const auto previous = navigator.request(PageNavigator::Move::Previous);
    ASSERT_TRUE(previous.after);
    EXPECT_EQ(previous.after->schema.toStdString(), "tenant_b");
}
