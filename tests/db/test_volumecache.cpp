#include "auditrepository.h"
#include "databaseconnection.h"
#include "testconnection.h"
#include "volumecache.h"

#include <gtest/gtest.h>

namespace {

const QDateTime kNow = QDateTime::fromString(QStringLiteral("2026-10-26T12:00:00Z"), Qt::ISODate);

class VolumeCacheTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_NO_FATAL_FAILURE(createSeededAuditSchema(QStringLiteral("vcache"),
            QStringLiteral("INSERT INTO vcache.audit_log (action, transport, started_at) "
                           "SELECT (ARRAY['retain','recall'])[1 + g % 2], 'http', '2026-10-26 "
                           "11:59:00+00'::timestamptz - g * interval '17 minutes 0.000003 seconds' "
                           "FROM generate_series(0, 3000) g")));
        openTestConnection(m_connection, testConnectionSettings());
    }

    AuditRepository repository() const
    {
        return AuditRepository(m_connection.session(),
            AuditTableRef { QStringLiteral("vcache"), QStringLiteral("audit_log") });
    }

    static void expectSameBuckets(const VolumeSeries &a, const VolumeSeries &b)
    {
        ASSERT_EQ(a.buckets.size(), b.buckets.size());
        for (qsizetype i = 0; i < a.buckets.size(); ++i) {
            EXPECT_EQ(a.buckets[i].start, b.buckets[i].start);
            EXPECT_EQ(a.buckets[i].total, b.buckets[i].total) << "bucket " << i;
            EXPECT_EQ(a.buckets[i].actions, b.buckets[i].actions) << "bucket " << i;
        }
    }

    TestDatabase m_admin;
    DatabaseConnection m_connection;
};

} // namespace

TEST_F(VolumeCacheTest, FirstLoadCountsThePeriodAndEqualsTheRepository)
{
    VolumeCache cache;
    for (const QTimeZone &zone : { QTimeZone::utc(), QTimeZone("Europe/Berlin") }) {
        for (VolumePeriod period :
            { VolumePeriod::Today, VolumePeriod::SevenDays, VolumePeriod::ThirtyDays }) {
            const auto cached = cache.volume(repository(), AuditFilter(), period, zone, kNow);
            ASSERT_TRUE(cached) << cached.error().message.toStdString();
            EXPECT_EQ(cache.lastCountedFrom(), cached->range.from);
            const auto direct = repository().volume(AuditFilter(), period, zone, kNow);
            expectSameBuckets(*cached, *direct);
        }
    }
}

TEST_F(VolumeCacheTest, RefreshRecountsOnlyTheOpenBuckets)
{
    VolumeCache cache;
    const auto first = cache.volume(
        repository(), AuditFilter(), VolumePeriod::ThirtyDays, QTimeZone::utc(), kNow);
    ASSERT_TRUE(first);
    // A late row in a closed day is not recounted; a new row today is.
    ASSERT_TRUE(m_admin.exec(
        QStringLiteral("INSERT INTO vcache.audit_log (action, transport, started_at) VALUES "
                       "('retain', 'http', '2026-10-20 10:00:00+00'), ('retain', 'http', "
                       "'2026-10-26 11:30:00+00')")));
    const auto refreshed = cache.volume(
        repository(), AuditFilter(), VolumePeriod::ThirtyDays, QTimeZone::utc(), kNow.addSecs(60));
    ASSERT_TRUE(refreshed);
    EXPECT_EQ(cache.lastCountedFrom().toIsoUtc().toStdString(), "2026-10-26T00:00:00.000000Z");
    EXPECT_EQ(refreshed->buckets.last().total, first->buckets.last().total + 1);
    EXPECT_EQ(refreshed->buckets.at(23).total, first->buckets.at(23).total); // 2026-10-20, closed
    cache.clear();
    const auto recounted = cache.volume(
        repository(), AuditFilter(), VolumePeriod::ThirtyDays, QTimeZone::utc(), kNow.addSecs(60));
    EXPECT_EQ(recounted->buckets.at(23).total, first->buckets.at(23).total + 1);
}

TEST_F(VolumeCacheTest, HourlyRefreshKeepsTheSettleTimeOpen)
{
    VolumeCache cache(15 * 60);
    ASSERT_TRUE(
        cache.volume(repository(), AuditFilter(), VolumePeriod::Today, QTimeZone::utc(), kNow));
    // At 12:10 the 11:00 bucket ended only ten minutes ago: it is still recounted.
    ASSERT_TRUE(cache.volume(
        repository(), AuditFilter(), VolumePeriod::Today, QTimeZone::utc(), kNow.addSecs(600)));
    EXPECT_EQ(cache.lastCountedFrom().toIsoUtc().toStdString(), "2026-10-26T11:00:00.000000Z");
}

TEST_F(VolumeCacheTest, ACallLongerThanTheSettleTimeIsCountedWhenItArrives)
{
    VolumeCache cache(15 * 60);
    const auto first
        = cache.volume(repository(), AuditFilter(), VolumePeriod::Today, QTimeZone::utc(), kNow);
    ASSERT_TRUE(first);
    // A consolidation that started at 09:10 and ended at 12:00:50 is written at its end, into
    // the 09:00 hour the cache already holds as closed.
    ASSERT_TRUE(m_admin.exec(QStringLiteral(
        "INSERT INTO vcache.audit_log (action, transport, started_at, ended_at, response) "
        "VALUES ('consolidation', 'system', '2026-10-26 09:10:00.000001+00', "
        "'2026-10-26 12:00:50.000002+00', '{}')")));
    const auto refreshed = cache.volume(
        repository(), AuditFilter(), VolumePeriod::Today, QTimeZone::utc(), kNow.addSecs(60));
    ASSERT_TRUE(refreshed) << refreshed.error().message.toStdString();
    EXPECT_EQ(cache.lastCountedFrom().toIsoUtc().toStdString(), "2026-10-26T09:00:00.000000Z");
    EXPECT_EQ(refreshed->buckets.at(9).total, first->buckets.at(9).total + 1);
    expectSameBuckets(*refreshed,
        *repository().volume(
            AuditFilter(), VolumePeriod::Today, QTimeZone::utc(), kNow.addSecs(60)));
    // Counted again while the arrival is within a settle time of the last count; then the
    // cache holds the hour again and only the open one is counted.
    ASSERT_TRUE(cache.volume(
        repository(), AuditFilter(), VolumePeriod::Today, QTimeZone::utc(), kNow.addSecs(30 * 60)));
    EXPECT_EQ(cache.lastCountedFrom().toIsoUtc().toStdString(), "2026-10-26T09:00:00.000000Z");
    const auto settled = cache.volume(
        repository(), AuditFilter(), VolumePeriod::Today, QTimeZone::utc(), kNow.addSecs(50 * 60));
    ASSERT_TRUE(settled);
    EXPECT_EQ(cache.lastCountedFrom().toIsoUtc().toStdString(), "2026-10-26T12:00:00.000000Z");
    EXPECT_EQ(settled->buckets.at(9).total, first->buckets.at(9).total + 1);
}

TEST_F(VolumeCacheTest, AnotherFilterIsCountedOnItsOwn)
{
    VolumeCache cache;
    ASSERT_TRUE(
        cache.volume(repository(), AuditFilter(), VolumePeriod::SevenDays, QTimeZone::utc(), kNow));
    AuditFilter recall;
    recall.actions = { QStringLiteral("recall") };
    const auto series
        = cache.volume(repository(), recall, VolumePeriod::SevenDays, QTimeZone::utc(), kNow);
    ASSERT_TRUE(series);
    EXPECT_EQ(cache.lastCountedFrom(), series->range.from);
    expectSameBuckets(
        *series, *repository().volume(recall, VolumePeriod::SevenDays, QTimeZone::utc(), kNow));
}

TEST_F(VolumeCacheTest, PerTenantIsCountedApartFromPerAction)
{
    // The schema read as a pattern of one: per tenant, the buckets hold its name.
    AuditTableRef tenants { QStringLiteral("public"), QStringLiteral("audit_log"),
        QStringLiteral("vcache") };
    const AuditRepository many(m_connection.session(), tenants);
    VolumeCache cache;
    const auto perAction
        = cache.volume(many, AuditFilter(), VolumePeriod::SevenDays, QTimeZone::utc(), kNow);
    ASSERT_TRUE(perAction) << perAction.error().message.toStdString();
    const auto perTenant = cache.volume(many, AuditFilter(), VolumePeriod::SevenDays,
        QTimeZone::utc(), kNow, VolumeGrouping::Tenant);
    ASSERT_TRUE(perTenant) << perTenant.error().message.toStdString();
    EXPECT_EQ(cache.lastCountedFrom(), perTenant->range.from);
    expectSameBuckets(*perTenant,
        *many.volume(AuditFilter(), VolumePeriod::SevenDays, QTimeZone::utc(), kNow, std::nullopt,
            VolumeGrouping::Tenant));
    EXPECT_EQ(perTenant->buckets.first().actions.keys(), QStringList { QStringLiteral("vcache") });
}
