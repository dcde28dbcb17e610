#include "volumestats.h"

#include <gtest/gtest.h>

namespace {

QDateTime at(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
}

std::string iso(AuditTimestamp ts)
{
    return ts.toIsoUtc().toStdString();
}

} // namespace

TEST(VolumeRange, TodayHasHourlyBucketsFromLocalMidnightToNow)
{
    const QTimeZone berlin("Europe/Berlin");
    const auto range
        = VolumeRange::forPeriod(VolumePeriod::Today, at("2026-03-10T09:30:00Z"), berlin);
    EXPECT_EQ(range.unit, VolumeBucketUnit::Hour);
    ASSERT_EQ(range.bucketStarts.size(), 11); // 00:00 .. 10:00 local (UTC+1)
    EXPECT_EQ(iso(range.bucketStarts.first()), "2026-03-09T23:00:00.000000Z");
    EXPECT_EQ(iso(range.bucketStarts.last()), "2026-03-10T09:00:00.000000Z");
    EXPECT_EQ(iso(range.to), "2026-03-10T10:00:00.000000Z");
}

TEST(VolumeRange, FallBackDayHasTwentyFiveHourlyBuckets)
{
    // 2026-10-25: Berlin leaves summer time at 03:00 CEST, so 02:00-03:00 happens twice.
    const QTimeZone berlin("Europe/Berlin");
    const auto range
        = VolumeRange::forPeriod(VolumePeriod::Today, at("2026-10-25T22:59:00Z"), berlin);
    ASSERT_EQ(range.bucketStarts.size(), 25);
    EXPECT_EQ(iso(range.from), "2026-10-24T22:00:00.000000Z");
    EXPECT_EQ(iso(range.to), "2026-10-25T23:00:00.000000Z");
}

TEST(VolumeRange, SpringForwardDayHasTwentyThreeHourlyBuckets)
{
    const QTimeZone berlin("Europe/Berlin");
    const auto range
        = VolumeRange::forPeriod(VolumePeriod::Today, at("2026-03-29T21:59:00Z"), berlin);
    ASSERT_EQ(range.bucketStarts.size(), 23);
    EXPECT_EQ(iso(range.from), "2026-03-28T23:00:00.000000Z");
}

TEST(VolumeRange, DaysFollowTheLocalCalendarAcrossDaylightSaving)
{
    const QTimeZone berlin("Europe/Berlin");
    const auto range
        = VolumeRange::forPeriod(VolumePeriod::SevenDays, at("2026-10-27T12:00:00Z"), berlin);
    EXPECT_EQ(range.unit, VolumeBucketUnit::Day);
    ASSERT_EQ(range.bucketStarts.size(), 7);
    EXPECT_EQ(iso(range.bucketStarts.at(0)), "2026-10-20T22:00:00.000000Z"); // CEST midnight
    EXPECT_EQ(iso(range.bucketStarts.at(4)), "2026-10-24T22:00:00.000000Z"); // the 25-hour day
    EXPECT_EQ(iso(range.bucketStarts.at(5)), "2026-10-25T23:00:00.000000Z"); // CET midnight
    EXPECT_EQ(iso(range.to), "2026-10-27T23:00:00.000000Z");
}

TEST(VolumeRange, ThirtyDaysInUtcEndsAtTomorrowsMidnight)
{
    const auto range = VolumeRange::forPeriod(
        VolumePeriod::ThirtyDays, at("2026-03-27T10:15:30Z"), QTimeZone::utc());
    ASSERT_EQ(range.bucketStarts.size(), 30);
    EXPECT_EQ(iso(range.from), "2026-02-26T00:00:00.000000Z");
    EXPECT_EQ(iso(range.to), "2026-03-28T00:00:00.000000Z");
}

TEST(VolumeRange, PeriodNamesRoundTrip)
{
    for (auto period : { VolumePeriod::Today, VolumePeriod::SevenDays, VolumePeriod::ThirtyDays }) {
        EXPECT_EQ(volumePeriodFromName(volumePeriodName(period)), period);
    }
    EXPECT_FALSE(volumePeriodFromName(QStringLiteral("week")));
}
