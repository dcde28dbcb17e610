#include "auditrepository.h"
#include "databaseconnection.h"
#include "testconnection.h"
#include "testdatabase.h"

#include <QHash>

#include <gtest/gtest.h>

namespace {

// Rows every 7 minutes 13.000017 seconds from 2026-10-17 to 2026-10-27 UTC, so every
// hour and day around Berlin's 2026-10-25 fall-back has calls, with three actions.
class VolumeTest : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        ASSERT_NO_FATAL_FAILURE(createSeededAuditSchema(QStringLiteral("volume"),
            QStringLiteral(
                "INSERT INTO volume.audit_log (action, transport, bank_id, started_at, ended_at, "
                "response) "
                "SELECT (ARRAY['retain','recall','reflect'])[1 + g % 3], 'http', 'bank-' || (g % "
                "5), "
                "'2026-10-17 00:00:00+00'::timestamptz + g * interval '433.000017 seconds', NULL, "
                "NULL "
                "FROM generate_series(0, 2000) g")));
    }

    void SetUp() override { openTestConnection(m_connection, testConnectionSettings()); }

    AuditRepository repository() const
    {
        return AuditRepository(m_connection.session(),
            AuditTableRef { QStringLiteral("volume"), QStringLiteral("audit_log") });
    }

    // Independent truth: PostgreSQL's own GROUP BY, bucketed with AT TIME ZONE for days and
    // by whole hours since the period's start for hours.
    QHash<qint64, qint64> groupBy(
        const QString &bucketExpression, const VolumeRange &range, const QString &where)
    {
        const QStringList rows = m_admin.column(
            QStringLiteral("SELECT (extract(epoch FROM b) * 1000000)::int8 || ':' || n FROM ("
                           " SELECT %1 AS b, count(*) AS n FROM volume.audit_log"
                           " WHERE started_at >= '%2' AND started_at < '%3' %4 GROUP BY 1) s")
                .arg(bucketExpression, range.from.toIsoUtc(), range.to.toIsoUtc(), where));
        QHash<qint64, qint64> counts;
        for (const QString &row : rows) {
            counts.insert(row.section(QLatin1Char(':'), 0, 0).toLongLong(),
                row.section(QLatin1Char(':'), 1, 1).toLongLong());
        }
        return counts;
    }

    void expectEqualsGroupBy(const VolumeSeries &series, const QHash<qint64, qint64> &truth)
    {
        qint64 truthTotal = 0;
        for (qint64 n : truth) {
            truthTotal += n;
        }
        EXPECT_EQ(series.total(), truthTotal);
        for (const VolumeBucket &bucket : series.buckets) {
            EXPECT_EQ(bucket.total, truth.value(bucket.start.usecsSinceEpoch()))
                << "bucket " << bucket.start.toIsoUtc().toStdString();
            qint64 sum = 0;
            for (qint64 n : bucket.actions) {
                sum += n;
            }
            EXPECT_EQ(sum, bucket.total);
        }
    }

    TestDatabase m_admin;
    DatabaseConnection m_connection;
};

QDateTime utc(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
}

} // namespace

TEST_F(VolumeTest, DailyBucketsEqualGroupByInBerlinAcrossFallBack)
{
    const QTimeZone berlin("Europe/Berlin");
    const auto series = repository().volume(
        AuditFilter(), VolumePeriod::SevenDays, berlin, utc("2026-10-26T12:00:00Z"));
    ASSERT_TRUE(series) << series.error().message.toStdString();
    ASSERT_EQ(series->buckets.size(), 7);
    const auto truth
        = groupBy(QStringLiteral("((started_at AT TIME ZONE 'Europe/Berlin')::date::timestamp AT "
                                 "TIME ZONE 'Europe/Berlin')"),
            series->range, QString());
    expectEqualsGroupBy(*series, truth);
    // 2026-10-25 lasts 25 hours in Berlin, so it holds more calls than its neighbours.
    EXPECT_GT(series->buckets[5].total, series->buckets[4].total);
}

TEST_F(VolumeTest, HourlyBucketsOfTheFallBackDayAreTwentyFiveDistinctHours)
{
    const QTimeZone berlin("Europe/Berlin");
    const auto series = repository().volume(
        AuditFilter(), VolumePeriod::Today, berlin, utc("2026-10-25T22:30:00Z"));
    ASSERT_TRUE(series) << series.error().message.toStdString();
    ASSERT_EQ(series->buckets.size(), 25);
    const auto truth
        = groupBy(QStringLiteral("'%1'::timestamptz + floor(extract(epoch FROM started_at - "
                                 "'%1'::timestamptz) / 3600) * interval '1 hour'")
                      .arg(series->range.from.toIsoUtc()),
            series->range, QString());
    expectEqualsGroupBy(*series, truth);
    for (const VolumeBucket &bucket : series->buckets) {
        EXPECT_GT(bucket.total, 0) << bucket.start.toIsoUtc().toStdString();
    }
}

TEST_F(VolumeTest, UtcBucketsEqualGroupByWithAnActionFilter)
{
    AuditFilter recall;
    recall.actions = { QStringLiteral("recall") };
    const auto series = repository().volume(
        recall, VolumePeriod::ThirtyDays, QTimeZone::utc(), utc("2026-10-26T12:00:00Z"));
    ASSERT_TRUE(series) << series.error().message.toStdString();
    ASSERT_EQ(series->buckets.size(), 30);
    const auto truth = groupBy(
        QStringLiteral("date_trunc('day', started_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'"),
        series->range, QStringLiteral("AND action = 'recall'"));
    expectEqualsGroupBy(*series, truth);
    for (const VolumeBucket &bucket : series->buckets) {
        EXPECT_TRUE(bucket.actions.isEmpty()
            || bucket.actions.keys() == QStringList { QStringLiteral("recall") });
    }
    // Days before the data are zero-filled, not missing.
    EXPECT_EQ(series->buckets.first().total, 0);
}

TEST_F(VolumeTest, FilterTimeRangeNarrowsThePeriod)
{
    AuditFilter filter;
    filter.since = AuditTimestamp::parse(QStringLiteral("2026-10-26T00:00:00Z"), QTimeZone::utc());
    const auto series = repository().volume(
        filter, VolumePeriod::SevenDays, QTimeZone::utc(), utc("2026-10-26T12:00:00Z"));
    ASSERT_TRUE(series);
    for (int i = 0; i < 6; ++i) {
        EXPECT_EQ(series->buckets[i].total, 0);
    }
    EXPECT_GT(series->buckets[6].total, 0);
}

// Counts per bucket and action, whichever statement the filter leads to (action by action
// for actions and time only; one GROUP BY otherwise), equal PostgreSQL's own GROUP BY.
TEST_F(VolumeTest, CountsPerActionEqualGroupByForEveryKindOfFilter)
{
    const VolumeRange probe = VolumeRange::forPeriod(
        VolumePeriod::SevenDays, utc("2026-10-26T12:00:00Z"), QTimeZone::utc());
    struct Case
    {
        const char *name;
        AuditFilter filter;
        QString where;
    };
    std::vector<Case> cases(4);
    cases[0].name = "no filter";
    cases[1].name = "two actions, one given twice";
    cases[1].filter.actions
        = { QStringLiteral("recall"), QStringLiteral("reflect"), QStringLiteral("recall") };
    cases[1].where = QStringLiteral("AND action IN ('recall', 'reflect')");
    cases[2].name = "an action no row has";
    cases[2].filter.actions = { QStringLiteral("consolidation") };
    cases[2].where = QStringLiteral("AND false");
    cases[3].name = "an action and a bank";
    cases[3].filter.actions = { QStringLiteral("retain") };
    cases[3].filter.bank = QStringLiteral("bank-2");
    cases[3].where = QStringLiteral("AND action = 'retain' AND bank_id = 'bank-2'");
    for (const Case &c : cases) {
        SCOPED_TRACE(c.name);
        const auto series = repository().volume(
            c.filter, VolumePeriod::SevenDays, QTimeZone::utc(), utc("2026-10-26T12:00:00Z"));
        ASSERT_TRUE(series) << series.error().message.toStdString();
        const QStringList truth = m_admin.column(
            QStringLiteral("SELECT (extract(epoch FROM b) * 1000000)::int8 || ':' || action || ':' "
                           "|| n FROM (SELECT date_trunc('day', started_at AT TIME ZONE 'UTC') "
                           "AT TIME ZONE 'UTC' AS b, action, count(*) AS n FROM volume.audit_log "
                           "WHERE started_at >= '%1' AND started_at < '%2' %3 GROUP BY 1, 2) s "
                           "ORDER BY 1")
                .arg(probe.from.toIsoUtc(), probe.to.toIsoUtc(), c.where));
        QStringList counted;
        for (const VolumeBucket &bucket : series->buckets) {
            for (auto it = bucket.actions.cbegin(); it != bucket.actions.cend(); ++it) {
                counted.append(QStringLiteral("%1:%2:%3")
                                   .arg(bucket.start.usecsSinceEpoch())
                                   .arg(it.key())
                                   .arg(it.value()));
            }
        }
        counted.sort();
        QStringList expected = truth;
        expected.sort();
        EXPECT_EQ(counted, expected);
        EXPECT_EQ(
            counted.isEmpty(), c.filter.actions == QStringList { QStringLiteral("consolidation") });
    }
}
