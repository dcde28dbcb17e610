#include "auditquery.h"

#include <gtest/gtest.h>

namespace {

std::string param(const SqlStatement &s, int index)
{
    return s.params.at(index).value_or("<null>").toStdString();
}

} // namespace

TEST(AuditQuery, EmptyFilterMatchesEverything)
{
    SqlStatement s;
    EXPECT_EQ(AuditQuery::whereClause(AuditFilter(), s).toStdString(), "TRUE");
    EXPECT_TRUE(s.params.isEmpty());
}

TEST(AuditQuery, EveryValueIsABoundParameter)
{
    AuditFilter filter;
    filter.actions
        = { QStringLiteral("retain'; DROP TABLE audit_log; --"), QStringLiteral("recall") };
    filter.transport = QStringLiteral("http");
    filter.bank = QStringLiteral("bank \"x\"");
    filter.search = QStringLiteral("needle");
    SqlStatement s;
    const QString where = AuditQuery::whereClause(filter, s);
    EXPECT_EQ(where.toStdString(),
        "action IN ($1, $2) AND transport = $3 AND bank_id = $4 AND "
        "(request::text ILIKE $5 ESCAPE '\\' OR response::text ILIKE $5 ESCAPE '\\')");
    EXPECT_FALSE(where.contains(QLatin1String("DROP")));
    EXPECT_EQ(param(s, 0), "retain'; DROP TABLE audit_log; --");
    EXPECT_EQ(param(s, 3), "bank \"x\"");
}

TEST(AuditQuery, SingleActionUsesEquality)
{
    AuditFilter filter;
    filter.actions = { QStringLiteral("retain") };
    SqlStatement s;
    EXPECT_EQ(AuditQuery::whereClause(filter, s).toStdString(), "action = $1");
}

TEST(AuditQuery, TimeBoundsKeepMicrosecondsAndUntilIsExclusive)
{
    AuditFilter filter;
    filter.since = AuditTimestamp::fromUsecsSinceEpoch(1774606530123456LL);
    filter.until = AuditTimestamp::fromUsecsSinceEpoch(1774606530123457LL);
    SqlStatement s;
    EXPECT_EQ(AuditQuery::whereClause(filter, s).toStdString(),
        "started_at >= $1::timestamptz AND started_at < $2::timestamptz");
    EXPECT_EQ(param(s, 0), "2026-03-27T10:15:30.123456Z");
    EXPECT_EQ(param(s, 1), "2026-03-27T10:15:30.123457Z");
}

TEST(AuditQuery, FailedMeansEndedWithoutResponse)
{
    AuditFilter filter;
    filter.failedOnly = true;
    SqlStatement s;
    EXPECT_EQ(AuditQuery::whereClause(filter, s).toStdString(),
        "ended_at IS NOT NULL AND response IS NULL");
}

TEST(AuditQuery, MinimumDurationIsExactMicrosecondsOnEndedCalls)
{
    AuditFilter filter;
    filter.minDurationMicros = 5'000'001;
    EXPECT_FALSE(filter.isEmpty());
    SqlStatement s;
    // A call at 'infinity' has no duration: never subtracted, never matched.
    EXPECT_EQ(AuditQuery::whereClause(filter, s).toStdString(),
        "CASE WHEN isfinite(started_at) AND isfinite(ended_at) THEN ended_at - started_at END"
        " >= $1::bigint * interval '1 microsecond'");
    EXPECT_EQ(param(s, 0), "5000001");
}

TEST(AuditQuery, SearchTextIsMatchedLiterally)
{
    EXPECT_EQ(AuditQuery::containsPattern(QStringLiteral("50%_off\\now")).toStdString(),
        "%50\\%\\_off\\\\now%");
    EXPECT_EQ(AuditQuery::containsPattern(QStringLiteral("plain")).toStdString(), "%plain%");
}

TEST(AuditQuery, TableNamesAreQuotedIdentifiers)
{
    AuditTableRef table { QStringLiteral("tenant \"a\""), QStringLiteral("audit_log") };
    EXPECT_EQ(table.quoted().toStdString(), "\"tenant \"\"a\"\"\".\"audit_log\"");
    // A name already in quotes is still quoted (QSqlDriver::escapeIdentifier would not).
    AuditTableRef quoted { QStringLiteral("\"x\""), QStringLiteral("t") };
    EXPECT_EQ(quoted.quoted().toStdString(), "\"\"\"x\"\"\".\"t\"");
}

TEST(AuditQuery, PageSelectsNoJsonAndOrdersByTimeThenId)
{
    const SqlStatement s = AuditQuery::page(
        AuditTableRef(), AuditFilter(), 51, std::nullopt, SortOrder::NewestFirst);
    // Of the documents only the start of the request, for the table's preview.
    EXPECT_EQ(s.sql.count(QLatin1String("request::text")), 1);
    EXPECT_TRUE(s.sql.contains(QLatin1String("left(request::text, 513)")));
    EXPECT_FALSE(s.sql.contains(QLatin1String("response::text")));
    EXPECT_FALSE(s.sql.contains(QLatin1String("metadata")));
    EXPECT_TRUE(s.sql.contains(QLatin1String("response IS NOT NULL")));
    EXPECT_TRUE(s.sql.contains(QLatin1String("ORDER BY started_at DESC, id DESC LIMIT $1")));
    EXPECT_FALSE(s.sql.contains(QLatin1String("OFFSET")));
    EXPECT_EQ(param(s, 0), "51");
}

TEST(AuditQuery, KeysetSeekKeepsMicrosecondsAndLetsTheTimeIndexDriveTheScan)
{
    const PageCursor after { AuditTimestamp::fromUsecsSinceEpoch(1774606530123456LL),
        QStringLiteral("0b5f3c9e-8d1a-4c4e-9a53-0c6f0e6b9a10") };
    const SqlStatement s
        = AuditQuery::page(AuditTableRef(), AuditFilter(), 10, after, SortOrder::NewestFirst);
    EXPECT_TRUE(s.sql.contains(QLatin1String(
        "started_at <= $1::timestamptz AND (started_at, id) < ($1::timestamptz, $2::uuid)")));
    EXPECT_EQ(param(s, 0), "2026-03-27T10:15:30.123456Z");
    EXPECT_EQ(param(s, 1), "0b5f3c9e-8d1a-4c4e-9a53-0c6f0e6b9a10");

    const SqlStatement asc
        = AuditQuery::page(AuditTableRef(), AuditFilter(), 10, after, SortOrder::OldestFirst);
    EXPECT_TRUE(asc.sql.contains(QLatin1String("(started_at, id) > ($1::timestamptz, $2::uuid)")));
    EXPECT_TRUE(asc.sql.contains(QLatin1String("ORDER BY started_at ASC, id ASC")));
}

TEST(AuditQuery, DurationOrderSeeksOnTheExactDurationThenIdWithCallsInFlightLast)
{
    const QString id = QStringLiteral("0b5f3c9e-8d1a-4c4e-9a53-0c6f0e6b9a10");
    const QString duration = QStringLiteral(
        "CASE WHEN isfinite(started_at) AND isfinite(ended_at) THEN ended_at - started_at END");
    const QString longest = QStringLiteral("COALESCE(%1, interval '-1000000 years')").arg(duration);
    // Two days and 5 us: whole days and the rest, so no double rounds it.
    const PageCursor after { AuditTimestamp(), id, 2 * 86'400'000'000LL + 5 };
    const SqlStatement s
        = AuditQuery::page(AuditTableRef(), AuditFilter(), 10, after, SortOrder::LongestFirst);
    EXPECT_TRUE(s.sql.contains(longest
        + QStringLiteral(", id) < (($1::bigint * interval '1 day' + $2::bigint * interval "
                         "'1 microsecond'), $3::uuid)")))
        << s.sql.toStdString();
    EXPECT_TRUE(
        s.sql.contains(QStringLiteral("ORDER BY ") + longest + QStringLiteral(" DESC, id DESC")));
    EXPECT_EQ(param(s, 0), "2");
    EXPECT_EQ(param(s, 1), "5");
    EXPECT_EQ(param(s, 2), id.toStdString());
    EXPECT_FALSE(s.sql.contains(QLatin1String("started_at <=")));

    const SqlStatement back = AuditQuery::page(
        AuditTableRef(), AuditFilter(), 10, after, SortOrder::LongestFirst, true);
    EXPECT_TRUE(back.sql.contains(longest + QStringLiteral(", id) > (")));
    EXPECT_TRUE(back.sql.contains(longest + QStringLiteral(" ASC, id ASC")));

    // Shortest first: the sentinel beyond every duration keeps calls in flight last too.
    PageCursor inFlight = after;
    inFlight.durationMicros.reset();
    const SqlStatement shortest
        = AuditQuery::page(AuditTableRef(), AuditFilter(), 10, inFlight, SortOrder::ShortestFirst);
    EXPECT_TRUE(
        shortest.sql.contains(QStringLiteral("(COALESCE(%1, interval '1000000 years'), id) > "
                                             "(interval '1000000 years', $1::uuid)")
                                  .arg(duration)))
        << shortest.sql.toStdString();
    EXPECT_TRUE(shortest.sql.contains(QLatin1String(" ASC, id ASC LIMIT $2")));

    // An export follows the table's order.
    EXPECT_TRUE(
        AuditQuery::exportRows(AuditTableRef(), AuditFilter(), SortOrder::LongestFirst, false)
            .sql.endsWith(
                QStringLiteral(" ORDER BY ") + longest + QStringLiteral(" DESC, id DESC")));
}

TEST(AuditQuery, LatencySummaryIsExactMicrosecondsOfEndedCallsPerActionAndInTotal)
{
    AuditFilter filter;
    filter.minDurationMicros = 5'000'000;
    const SqlStatement s = AuditQuery::latencySummary(AuditTableRef(), filter);
    const QString duration = QStringLiteral(
        "CASE WHEN isfinite(started_at) AND isfinite(ended_at) THEN ended_at - started_at END");
    EXPECT_TRUE(s.sql.contains(duration + QStringLiteral(" IS NOT NULL GROUP BY ROLLUP (action)")));
    EXPECT_TRUE(s.sql.contains(QStringLiteral("percentile_cont(ARRAY[0.5, 0.95, 0.99]) WITHIN "
                                              "GROUP (ORDER BY %1)")
                                   .arg(duration)));
    EXPECT_TRUE(s.sql.contains(QLatin1String("(extract(epoch FROM p[2]) * 1000000)::bigint")));
    EXPECT_EQ(param(s, 0), "5000000");
}

TEST(AuditQuery, CursorEncodesAndDecodesExactly)
{
    const PageCursor cursor { AuditTimestamp::fromUsecsSinceEpoch(1774606530000001LL),
        QStringLiteral("0b5f3c9e-8d1a-4c4e-9a53-0c6f0e6b9a10") };
    EXPECT_EQ(cursor.encode().toStdString(),
        "2026-03-27T10:15:30.000001Z,0b5f3c9e-8d1a-4c4e-9a53-0c6f0e6b9a10");
    EXPECT_EQ(PageCursor::decode(cursor.encode()), cursor);
    EXPECT_FALSE(PageCursor::decode(QStringLiteral("2026-03-27T10:15:30Z")));
    EXPECT_FALSE(PageCursor::decode(QStringLiteral("2026-03-27T10:15:30Z,not-a-uuid")));
    EXPECT_FALSE(
        PageCursor::decode(QStringLiteral("garbage,0b5f3c9e-8d1a-4c4e-9a53-0c6f0e6b9a10")));
}

TEST(AuditQuery, VolumeNarrowsTheFilterToThePeriod)
{
    VolumeRange range;
    range.unit = VolumeBucketUnit::Day;
    range.from = AuditTimestamp::fromUsecsSinceEpoch(1000000);
    range.to = AuditTimestamp::fromUsecsSinceEpoch(9000000);
    AuditFilter filter;
    filter.since = AuditTimestamp::fromUsecsSinceEpoch(5000000); // later than the period's start
    const SqlStatement s
        = AuditQuery::volume(AuditTableRef(), filter, range, QStringLiteral("Europe/Berlin"));
    EXPECT_TRUE(s.sql.contains(QLatin1String("date_trunc('day', started_at, $1)")));
    EXPECT_EQ(param(s, 0), "Europe/Berlin");
    EXPECT_EQ(param(s, 1), "1970-01-01T00:00:05.000000Z");
    EXPECT_EQ(param(s, 2), "1970-01-01T00:00:09.000000Z");
}

TEST(AuditQuery, HourlyVolumeBinsFromLocalMidnight)
{
    VolumeRange range;
    range.unit = VolumeBucketUnit::Hour;
    range.from = AuditTimestamp::fromUsecsSinceEpoch(1000000);
    range.to = AuditTimestamp::fromUsecsSinceEpoch(9000000);
    const SqlStatement s
        = AuditQuery::volume(AuditTableRef(), AuditFilter(), range, QStringLiteral("UTC"));
    EXPECT_TRUE(s.sql.contains(QLatin1String("date_bin('1 hour', started_at, $1::timestamptz)")));
    EXPECT_EQ(param(s, 0), "1970-01-01T00:00:01.000000Z");
}

TEST(AuditQuery, DistinctValuesUseLooseIndexScans)
{
    const SqlStatement actions = AuditQuery::distinctActions(AuditTableRef());
    EXPECT_TRUE(actions.sql.startsWith(QLatin1String("WITH RECURSIVE")));
    EXPECT_FALSE(actions.sql.contains(QLatin1String("DISTINCT")));
    const SqlStatement banks = AuditQuery::distinctBanks(AuditTableRef(), QStringLiteral("m"), 100);
    EXPECT_TRUE(banks.sql.contains(QLatin1String("bank_id > $1")));
    EXPECT_EQ(param(banks, 0), "m");
    EXPECT_EQ(param(banks, 1), "100");
}
