// "Recently finished first": keyset pages on (ended_at, id) over the calls that started in
// the recent past, checked against one ORDER BY written independently of the viewer's, and
// the plan that reads them through Hindsight's started_at index.
#include "auditquery.h"
#include "auditrepository.h"
#include "databaseconnection.h"
#include "keysetwalk.h"
#include "testconnection.h"
#include "testdatabase.h"

#include <gtest/gtest.h>

namespace {

// Schema "tail", times relative to the server's now():
//   40 ended calls of the last hour, ended in another order than they started, with
//      microseconds in both times
//   12 calls that share one ended_at (ties, broken by id), and two that ended one
//      microsecond apart
//   5 calls still in flight
//   a consolidation that started 25 hours ago and ended a minute ago (beyond the bound)
//   20,000 older calls over 60 days, so that the planner has a large table to choose in
class RecentlyFinishedTest : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        ASSERT_NO_FATAL_FAILURE(createSeededAuditSchema(QStringLiteral("tail"),
            QStringLiteral(
                "INSERT INTO tail.audit_log (action, transport, started_at, ended_at, response)"
                " SELECT 'recall', 'http', t, t + (g * g % 53) * interval '1.000007 seconds', '{}'"
                " FROM (SELECT now() - g * interval '71.000003 seconds' AS t, g"
                "  FROM generate_series(1, 40) g) s;"
                "INSERT INTO tail.audit_log (action, transport, started_at, ended_at, response)"
                " SELECT 'retain', 'mcp', date_trunc('second', now()) - interval '20 minutes'"
                "  - g * interval '1 second', date_trunc('second', now()) - interval '10 minutes'"
                "  + interval '0.000042 seconds', '{}' FROM generate_series(1, 12) g;"
                "INSERT INTO tail.audit_log (action, transport, started_at, ended_at, response) "
                "VALUES"
                " ('reflect', 'http', now() - interval '30 minutes',"
                "  date_trunc('second', now()) - interval '5 minutes' + interval '0.000001 "
                "seconds',"
                "  '{}'),"
                " ('reflect', 'http', now() - interval '31 minutes',"
                "  date_trunc('second', now()) - interval '5 minutes' + interval '0.000002 "
                "seconds',"
                "  '{}'),"
                " ('consolidation', 'system', now() - interval '25 hours', now() - interval '1 "
                "minute', '{}');"
                "INSERT INTO tail.audit_log (action, transport, started_at)"
                " SELECT 'recall', 'http', now() - g * interval '13 seconds'"
                " FROM generate_series(1, 5) g;"
                "INSERT INTO tail.audit_log (action, transport, started_at, ended_at, response)"
                " SELECT 'retain', 'http', t, t + interval '0.2 seconds', '{}' FROM ("
                "  SELECT now() - interval '2 days' - g * interval '4 minutes 19 seconds' AS t"
                "  FROM generate_series(1, 20000) g) s;"
                "ANALYZE tail.audit_log;")));
    }

    void SetUp() override
    {
        ASSERT_TRUE(m_admin.isOpen()) << m_admin.error().toStdString();
        openTestConnection(m_connection, testConnectionSettings(table()));
        m_filter = filterForOrder(AuditFilter(), SortOrder::RecentlyFinishedFirst,
            AuditTimestamp::fromDateTime(QDateTime::currentDateTimeUtc()));
    }

    static AuditTableRef table()
    {
        return AuditTableRef { QStringLiteral("tail"), QStringLiteral("audit_log") };
    }
    AuditRepository repository() const { return AuditRepository(m_connection.session(), table()); }

    // The recent rows in the order the viewer pages through, with one query: NULLs (in
    // flight) first as PostgreSQL sorts them in a descending order.
    QStringList sqlIds()
    {
        return m_admin.column(QStringLiteral("SELECT id FROM tail.audit_log WHERE started_at >= "
                                             "'%1' ORDER BY ended_at DESC, id DESC")
                                  .arg(m_filter.since->toIsoUtc()));
    }

    KeysetWalk::PageReader reader() const
    {
        return [this](int limit, const std::optional<PageCursor> &after, SortOrder order,
                   bool backward) {
            return repository().page(m_filter, limit, after, order, backward);
        };
    }

    TestDatabase m_admin;
    DatabaseConnection m_connection;
    AuditFilter m_filter; // the last hour, as the window reads them
};

} // namespace

TEST_F(RecentlyFinishedTest, PagesVisitEveryRecentRowOnceInTheOrderOfOneBigQuery)
{
    const QStringList all = sqlIds();
    ASSERT_EQ(all.size(), 40 + 12 + 2 + 5);
    EXPECT_EQ(*repository().exactCount(m_filter), all.size());
    // Each size puts the page edges elsewhere: between in-flight calls, inside the twelve
    // ties, between the two calls a microsecond apart.
    for (int size = 1; size <= 13; ++size) {
        SCOPED_TRACE(size);
        KeysetWalk::expectPagesOf(reader(), SortOrder::RecentlyFinishedFirst, all, size);
    }
}

TEST_F(RecentlyFinishedTest, CallsInFlightComeFirstAndTheLatestToEndNext)
{
    const auto page
        = repository().page(m_filter, 8, std::nullopt, SortOrder::RecentlyFinishedFirst);
    ASSERT_TRUE(page) << page.error().message.toStdString();
    ASSERT_EQ(page->entries.size(), 8);
    for (int i = 0; i < 5; ++i) {
        EXPECT_FALSE(page->entries.at(i).endedAt) << "row " << i;
    }
    // The next row is the latest to end; the keyset keeps its microseconds.
    const QString latest = m_admin.scalar(QStringLiteral(
        "SELECT to_char(max(ended_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') "
        "FROM tail.audit_log WHERE started_at >= '%1'")
                                              .arg(m_filter.since->toIsoUtc()));
    ASSERT_TRUE(page->entries.at(5).endedAt);
    EXPECT_EQ(page->entries.at(5).endedAt->toIsoUtc(), latest);
    // The consolidation started before the bound: this order leaves it out.
    const auto everything
        = repository().page(m_filter, 1000, std::nullopt, SortOrder::RecentlyFinishedFirst);
    ASSERT_TRUE(everything);
    for (const AuditEntry &entry : everything->entries) {
        EXPECT_NE(entry.action, QStringLiteral("consolidation"));
    }
}

TEST_F(RecentlyFinishedTest, ThePlanReadsTheStartedAtIndexNotTheWholeTable)
{
    const auto first
        = repository().page(m_filter, 100, std::nullopt, SortOrder::RecentlyFinishedFirst);
    ASSERT_TRUE(first);
    const AuditEntry &last = first->entries.last();
    for (const std::optional<PageCursor> &after : { std::optional<PageCursor>(),
             std::optional<PageCursor>(
                 PageCursor { last.startedAt, last.id, std::nullopt, last.endedAt }) }) {
        SqlStatement explain
            = AuditQuery::page(table(), m_filter, 101, after, SortOrder::RecentlyFinishedFirst);
        explain.sql.prepend(QStringLiteral("EXPLAIN (FORMAT JSON) "));
        const auto plan = m_connection.session().exec(explain);
        ASSERT_TRUE(plan) << plan.error().message.toStdString();
        const QString text = plan->text(0, 0);
        EXPECT_TRUE(text.contains(QLatin1String("\"idx_audit_log_started\"")))
            << text.toStdString();
        EXPECT_FALSE(text.contains(QLatin1String("Seq Scan"))) << text.toStdString();
    }
}
