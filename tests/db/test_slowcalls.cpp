// Slow calls: the minimum-duration filter, the latency summary and keyset pages in duration
// order, each checked against SQL written independently of the viewer's.
#include "auditrepository.h"
#include "databaseconnection.h"
#include "keysetwalk.h"
#include "pagenavigator.h"
#include "testconnection.h"
#include "testdatabase.h"

#include <QHash>
#include <QSet>

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <ostream>

namespace {

constexpr qint64 kSecond = 1'000'000;

// Schema "slow": calls with known durations, microsecond edges around 5 s included.
//   recall   exactly 5 s, 5 s - 1 us, 5 s + 1 us, and 9 calls still in flight
//   retain   failed after 7.25 s, one that "ended" 3 us before it started (clock skew),
//            and 20 calls of exactly 250 ms (ties, broken by id)
//   consolidation  1 day 2 h and 1 us
//   reflect  101 calls from 61 ms to 6.2 s
class SlowCallsTest : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        ASSERT_NO_FATAL_FAILURE(createSeededAuditSchema(QStringLiteral("slow"),
            QStringLiteral(
                "INSERT INTO slow.audit_log (action, transport, started_at, ended_at, response) "
                "VALUES"
                " ('recall', 'http', '2026-03-27 10:00:00+00', '2026-03-27 10:00:05+00', '{}'),"
                " ('recall', 'http', '2026-03-27 10:00:01+00', '2026-03-27 10:00:05.999999+00', "
                "'{}'),"
                " ('recall', 'http', '2026-03-27 10:00:02+00', '2026-03-27 10:00:07.000001+00', "
                "'{}'),"
                " ('retain', 'mcp', '2026-03-27 10:00:03+00', '2026-03-27 10:00:10.25+00', NULL),"
                " ('retain', 'http', '2026-03-27 10:00:04+00', '2026-03-27 10:00:03.999997+00', "
                "'{}'),"
                " ('consolidation', 'system', '2026-03-26 08:00:00+00',"
                "  '2026-03-27 10:00:00.000001+00', '{}');"
                "INSERT INTO slow.audit_log (action, transport, started_at)"
                " SELECT 'recall', 'http', '2026-03-27 11:00:00+00'::timestamptz + g * interval '1 "
                "s'"
                " FROM generate_series(1, 9) g;"
                "INSERT INTO slow.audit_log (action, transport, started_at, ended_at, response)"
                " SELECT 'retain', 'http', t, t + interval '250 milliseconds', '{}' FROM ("
                "  SELECT '2026-03-27 12:00:00+00'::timestamptz + g * interval '1 minute' AS t"
                "  FROM generate_series(1, 20) g) s;"
                "INSERT INTO slow.audit_log (action, transport, started_at, ended_at, response)"
                " SELECT 'reflect', 'mcp', t, t + d * interval '1 microsecond', '{}' FROM ("
                "  SELECT '2026-03-27 13:00:00.000123+00'::timestamptz + g * interval '1 s' AS t,"
                "   g * 61003 + (g * g) % 997 AS d FROM generate_series(1, 101) g) s;"
                "ANALYZE slow.audit_log;")));
    }

    void SetUp() override
    {
        ASSERT_TRUE(m_admin.isOpen()) << m_admin.error().toStdString();
        openTestConnection(m_connection, testConnectionSettings(table()));
    }

    static AuditTableRef table()
    {
        return AuditTableRef { QStringLiteral("slow"), QStringLiteral("audit_log") };
    }
    AuditRepository repository() const { return AuditRepository(m_connection.session(), table()); }

    static QStringList idsOf(const QList<AuditEntry> &entries)
    {
        QStringList ids;
        for (const AuditEntry &entry : entries) {
            ids.append(entry.id);
        }
        return ids;
    }

    // Every matching id with one query, in the order the viewer pages through.
    QStringList sqlIds(const QString &where, const QString &orderBy)
    {
        return m_admin.column(QStringLiteral("SELECT id FROM slow.audit_log WHERE %1 ORDER BY %2")
                                  .arg(where, orderBy));
    }

    // The ended calls' durations in microseconds, per action, from the stored timestamps.
    QHash<QString, QList<qint64>> storedDurations(const QString &where)
    {
        QHash<QString, QList<qint64>> durations;
        const QStringList rows = m_admin.column(QStringLiteral(
            "SELECT action || ' ' || ((extract(epoch FROM ended_at) - extract(epoch FROM "
            "started_at)) * 1000000)::bigint FROM slow.audit_log WHERE ended_at IS NOT NULL "
            "AND %1")
                                                    .arg(where));
        for (const QString &row : rows) {
            durations[row.section(QLatin1Char(' '), 0, 0)].append(
                row.section(QLatin1Char(' '), 1).toLongLong());
        }
        return durations;
    }

    TestDatabase m_admin;
    DatabaseConnection m_connection;
};

// PostgreSQL's percentile_cont for durations closer than a day: the value at
// p * (n - 1), interpolated between its neighbours and rounded to a microsecond.
qint64 percentileCont(QList<qint64> values, double p)
{
    std::sort(values.begin(), values.end());
    const double position = p * double(values.size() - 1);
    const auto below = static_cast<qsizetype>(std::floor(position));
    const auto above = static_cast<qsizetype>(std::ceil(position));
    if (below == above) {
        return values[below];
    }
    return values[below]
        + static_cast<qint64>(
            std::rint(double(values[above] - values[below]) * (position - double(below))));
}

LatencyRow expectedRow(const QString &action, const QList<qint64> &durations)
{
    return LatencyRow { action, durations.size(), percentileCont(durations, 0.5),
        percentileCont(durations, 0.95), percentileCont(durations, 0.99),
        *std::max_element(durations.begin(), durations.end()) };
}

} // namespace

// Readable failure messages. NOLINTNEXTLINE(readability-identifier-naming): GoogleTest's name.
static void PrintTo(const LatencyRow &row, std::ostream *out)
{
    *out << row.action.toStdString() << ": " << row.calls << " calls, p50 " << row.p50Micros
         << ", p95 " << row.p95Micros << ", p99 " << row.p99Micros << ", max " << row.maxMicros;
}

TEST_F(SlowCallsTest, MinDurationKeepsACallOfExactlyThatLongAndDropsOneMicrosecondLess)
{
    AuditFilter filter;
    filter.minDurationMicros = 5 * kSecond;
    const auto page = repository().page(filter, 1000);
    ASSERT_TRUE(page) << page.error().message.toStdString();
    EXPECT_EQ(idsOf(page->entries),
        sqlIds(QStringLiteral("ended_at - started_at >= interval '5 seconds'"),
            QStringLiteral("started_at DESC, id DESC")));
    QList<qint64> durations;
    for (const AuditEntry &entry : page->entries) {
        ASSERT_TRUE(entry.durationUsecs()) << "a call in flight has no duration";
        durations.append(*entry.durationUsecs());
    }
    EXPECT_TRUE(durations.contains(5 * kSecond));
    EXPECT_TRUE(durations.contains(5 * kSecond + 1));
    EXPECT_FALSE(durations.contains(5 * kSecond - 1));
    EXPECT_TRUE(durations.contains(7'250'000)); // failed calls have a duration too

    filter.minDurationMicros = 5 * kSecond + 1;
    EXPECT_EQ(*repository().exactCount(filter),
        m_admin
            .scalar(QStringLiteral("SELECT count(*) FROM slow.audit_log WHERE ended_at - "
                                   "started_at > interval '5 seconds'"))
            .toLongLong());
}

TEST_F(SlowCallsTest, LatencySummaryEqualsPercentilesOfTheStoredDurations)
{
    const auto summary = repository().latencySummary(AuditFilter());
    ASSERT_TRUE(summary) << summary.error().message.toStdString();
    const QHash<QString, QList<qint64>> durations = storedDurations(QStringLiteral("TRUE"));
    QStringList actions = durations.keys();
    actions.sort();
    ASSERT_EQ(summary->actions.size(), actions.size());
    QList<qint64> all;
    for (int i = 0; i < actions.size(); ++i) {
        EXPECT_EQ(summary->actions[i], expectedRow(actions[i], durations.value(actions[i])));
        all += durations.value(actions[i]);
    }
    EXPECT_EQ(summary->total, expectedRow(QString(), all));

    // The microsecond edges, spelled out: calls in flight are not counted.
    const LatencyRow &recall = summary->actions[1];
    EXPECT_EQ(recall.action, QStringLiteral("recall"));
    EXPECT_EQ(recall.calls, 3);
    EXPECT_EQ(recall.p50Micros, 5 * kSecond);
    EXPECT_EQ(recall.p95Micros, 5 * kSecond + 1); // 5 s + 0.9 us, rounded
    EXPECT_EQ(recall.maxMicros, 5 * kSecond + 1);
    EXPECT_EQ(summary->actions[0].maxMicros, 93'600 * kSecond + 1); // a day and two hours
    EXPECT_EQ(summary->total.calls,
        m_admin.scalar(QStringLiteral("SELECT count(ended_at) FROM slow.audit_log")).toLongLong());
}

TEST_F(SlowCallsTest, LatencySummaryFollowsTheFilter)
{
    AuditFilter filter;
    filter.actions = { QStringLiteral("recall"), QStringLiteral("retain") };
    filter.minDurationMicros = 5 * kSecond;
    const auto summary = repository().latencySummary(filter);
    ASSERT_TRUE(summary) << summary.error().message.toStdString();
    const auto durations = storedDurations(QStringLiteral(
        "action IN ('recall', 'retain') AND ended_at - started_at >= interval '5 seconds'"));
    ASSERT_EQ(summary->actions.size(), 2);
    EXPECT_EQ(summary->actions[0], expectedRow("recall", durations.value("recall")));
    EXPECT_EQ(summary->actions[1], expectedRow("retain", durations.value("retain")));
    EXPECT_EQ(summary->total.calls, 3);
    EXPECT_EQ(summary->total.p50Micros, 5 * kSecond + 1);
    EXPECT_EQ(summary->total.maxMicros, 7'250'000);
}

TEST_F(SlowCallsTest, LatencyOfNothingIsAnEmptyTotal)
{
    AuditFilter filter;
    filter.bank = QStringLiteral("no such bank");
    const auto summary = repository().latencySummary(filter);
    ASSERT_TRUE(summary) << summary.error().message.toStdString();
    EXPECT_TRUE(summary->actions.isEmpty());
    EXPECT_EQ(summary->total, LatencyRow());

    AuditFilter inFlight; // the nine recalls still running and nothing else
    inFlight.since
        = AuditTimestamp::parse(QStringLiteral("2026-03-27T11:00:00Z"), QTimeZone::utc());
    inFlight.until
        = AuditTimestamp::parse(QStringLiteral("2026-03-27T11:01:00Z"), QTimeZone::utc());
    ASSERT_EQ(*repository().exactCount(inFlight), 9);
    const auto running = repository().latencySummary(inFlight);
    ASSERT_TRUE(running) << running.error().message.toStdString();
    EXPECT_TRUE(running->actions.isEmpty());
    EXPECT_EQ(running->total, LatencyRow());
}

TEST_F(SlowCallsTest, DurationPagesVisitEveryRowOnceInTheOrderOfOneBigQuery)
{
    const qint64 total
        = m_admin.scalar(QStringLiteral("SELECT count(*) FROM slow.audit_log")).toLongLong();
    // Written without the viewer's sentinel: in-flight calls last, ties by id.
    const QList<QPair<SortOrder, QString>> orders {
        { SortOrder::LongestFirst,
            QStringLiteral("ended_at IS NULL, ended_at - started_at DESC, id DESC") },
        { SortOrder::ShortestFirst,
            QStringLiteral("ended_at IS NULL, ended_at - started_at ASC, id ASC") },
    };
    const KeysetWalk::PageReader read = [this](int limit, const std::optional<PageCursor> &after,
                                            SortOrder order, bool backward) {
        return repository().page(AuditFilter(), limit, after, order, backward);
    };
    for (const auto &[order, orderBy] : orders) {
        SCOPED_TRACE(orderBy.toStdString());
        const QStringList all = sqlIds(QStringLiteral("TRUE"), orderBy);
        ASSERT_EQ(all.size(), total);
        KeysetWalk::expectPagesOf(read, order, all, 7);
    }
}

TEST_F(SlowCallsTest, DurationOrderAppliesTheFilterToo)
{
    AuditFilter filter;
    filter.minDurationMicros = 5 * kSecond;
    const auto page = repository().page(filter, 1000, std::nullopt, SortOrder::LongestFirst);
    ASSERT_TRUE(page) << page.error().message.toStdString();
    EXPECT_EQ(idsOf(page->entries),
        sqlIds(QStringLiteral("ended_at - started_at >= interval '5 seconds'"),
            QStringLiteral("ended_at - started_at DESC, id DESC")));
}

// 'infinity' and '-infinity' are valid timestamps; before PostgreSQL 17 subtracting them
// fails ("interval out of range"). A call with either has no duration: it is never matched
// by a minimum duration, sorts with the calls in flight, and is left out of the latency.
TEST(SlowCallsAtInfinity, HaveNoDurationAndBreakNothing)
{
    ASSERT_NO_FATAL_FAILURE(createSeededAuditSchema(QStringLiteral("slow_infinite"),
        QStringLiteral(
            "INSERT INTO slow_infinite.audit_log (action, transport, started_at, ended_at, "
            "response)"
            " VALUES"
            " ('recall', 'http', '2026-03-27 10:00:00+00', '2026-03-27 10:00:01+00', '{}'),"
            " ('recall', 'http', '2026-03-27 10:01:00+00', '2026-03-27 10:01:02+00', '{}'),"
            " ('recall', 'http', '2026-03-27 10:02:00+00', '2026-03-27 10:02:03+00', '{}'),"
            " ('recall', 'http', '2026-03-27 10:03:00+00', 'infinity', '{}'),"
            " ('recall', 'http', '-infinity', '2026-03-27 10:04:00+00', '{}'),"
            " ('recall', 'http', 'infinity', 'infinity', '{}'),"
            " ('recall', 'http', '2026-03-27 10:05:00+00', NULL, NULL)")));
    const AuditTableRef table { QStringLiteral("slow_infinite"), QStringLiteral("audit_log") };
    DatabaseConnection connection;
    openTestConnection(connection, testConnectionSettings(table));
    const AuditRepository repository(connection.session(), table);

    AuditFilter slow;
    slow.minDurationMicros = 1'500'000;
    const auto matched = repository.page(slow, 10);
    ASSERT_TRUE(matched) << matched.error().message.toStdString();
    ASSERT_EQ(matched->entries.size(), 2);
    EXPECT_EQ(matched->entries[0].durationUsecs(), 3 * kSecond);
    EXPECT_EQ(matched->entries[1].durationUsecs(), 2 * kSecond);

    // Longest first, two a page: the three durations, then the four without one, each once.
    QList<std::optional<qint64>> durations;
    QSet<QString> seen;
    std::optional<PageCursor> after;
    for (int guard = 0; guard < 10; ++guard) {
        const auto page = repository.page(AuditFilter(), 2, after, SortOrder::LongestFirst);
        ASSERT_TRUE(page) << page.error().message.toStdString();
        for (const AuditEntry &entry : page->entries) {
            EXPECT_FALSE(seen.contains(entry.id));
            seen.insert(entry.id);
            durations.append(entry.durationUsecs());
        }
        if (!page->hasMore) {
            break;
        }
        const AuditEntry &last = page->entries.last();
        after = PageCursor { last.startedAt, last.id, last.durationUsecs() };
    }
    ASSERT_EQ(durations.size(), 7);
    EXPECT_EQ(durations.mid(0, 3),
        (QList<std::optional<qint64>> { 3 * kSecond, 2 * kSecond, 1 * kSecond }));
    for (qsizetype i = 3; i < durations.size(); ++i) {
        EXPECT_FALSE(durations[i].has_value()) << i;
    }

    const auto summary = repository.latencySummary(AuditFilter());
    ASSERT_TRUE(summary) << summary.error().message.toStdString();
    EXPECT_EQ(summary->total.calls, 3);
    EXPECT_EQ(summary->total.p50Micros, 2 * kSecond);
    EXPECT_EQ(summary->total.maxMicros, 3 * kSecond);
}
