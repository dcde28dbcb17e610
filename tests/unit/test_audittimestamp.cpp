#include "audittimestamp.h"

#include <gtest/gtest.h>

#include <cstring>

namespace {

std::optional<AuditTimestamp> fromPg(const char *text)
{
    return AuditTimestamp::fromPostgresText(text, static_cast<qsizetype>(std::strlen(text)));
}

} // namespace

TEST(AuditTimestamp, FormatsUtcWithAllSixFractionDigits)
{
    const auto ts = AuditTimestamp::fromUsecsSinceEpoch(1774606530123456LL);
    EXPECT_EQ(ts.toIsoUtc().toStdString(), "2026-03-27T10:15:30.123456Z");
    EXPECT_EQ(AuditTimestamp::fromUsecsSinceEpoch(0).toIsoUtc().toStdString(),
        "1970-01-01T00:00:00.000000Z");
}

TEST(AuditTimestamp, FormatsTimesBeforeTheEpoch)
{
    EXPECT_EQ(AuditTimestamp::fromUsecsSinceEpoch(-1).toIsoUtc().toStdString(),
        "1969-12-31T23:59:59.999999Z");
}

TEST(AuditTimestamp, ReadsPostgresTextKeepingMicroseconds)
{
    EXPECT_EQ(fromPg("2026-03-27 10:15:30.123456+00")->toIsoUtc().toStdString(),
        "2026-03-27T10:15:30.123456Z");
    // PostgreSQL drops trailing zeros of the fraction, and the fraction when it is zero.
    EXPECT_EQ(fromPg("2026-03-27 10:15:30.12+00")->toIsoUtc().toStdString(),
        "2026-03-27T10:15:30.120000Z");
    EXPECT_EQ(
        fromPg("2026-03-27 10:15:30+00")->toIsoUtc().toStdString(), "2026-03-27T10:15:30.000000Z");
    EXPECT_EQ(fromPg("2026-03-27 10:15:30.000001+00")->usecsSinceEpoch() % 1000000, 1);
}

TEST(AuditTimestamp, ReadsPostgresTextWithOffsets)
{
    EXPECT_EQ(fromPg("2026-03-27 12:15:30.5+02")->toIsoUtc().toStdString(),
        "2026-03-27T10:15:30.500000Z");
    EXPECT_EQ(fromPg("2026-03-27 15:45:30+05:30")->toIsoUtc().toStdString(),
        "2026-03-27T10:15:30.000000Z");
}

TEST(AuditTimestamp, RejectsMalformedPostgresText)
{
    EXPECT_FALSE(fromPg(""));
    EXPECT_FALSE(fromPg("2026-03-27"));
    EXPECT_FALSE(fromPg("2026-13-27 10:15:30+00"));
    EXPECT_FALSE(fromPg("2026-03-27 10:15:30.+00"));
    EXPECT_FALSE(fromPg("2026-03-27 10:15:30+00 junk"));
}

TEST(AuditTimestamp, ParsesUserTimesInUtcAndWithOffsets)
{
    const QTimeZone berlin("Europe/Berlin");
    EXPECT_EQ(AuditTimestamp::parse(QStringLiteral("2026-03-27T10:15:30.123456Z"), berlin)
                  ->toIsoUtc()
                  .toStdString(),
        "2026-03-27T10:15:30.123456Z");
    EXPECT_EQ(AuditTimestamp::parse(QStringLiteral("2026-03-27T12:15:30.1+02:00"), berlin)
                  ->toIsoUtc()
                  .toStdString(),
        "2026-03-27T10:15:30.100000Z");
}

TEST(AuditTimestamp, ReadsTimesWithoutOffsetInTheGivenZone)
{
    const QTimeZone berlin("Europe/Berlin");
    // Winter (UTC+1) and summer (UTC+2) in Berlin.
    EXPECT_EQ(
        AuditTimestamp::parse(QStringLiteral("2026-01-15 08:00"), berlin)->toIsoUtc().toStdString(),
        "2026-01-15T07:00:00.000000Z");
    EXPECT_EQ(AuditTimestamp::parse(QStringLiteral("2026-07-15"), berlin)->toIsoUtc().toStdString(),
        "2026-07-14T22:00:00.000000Z");
}

TEST(AuditTimestamp, RejectsInvalidUserTimes)
{
    EXPECT_FALSE(AuditTimestamp::parse(QStringLiteral("yesterday"), QTimeZone::utc()));
    EXPECT_FALSE(AuditTimestamp::parse(QStringLiteral("2026-02-30"), QTimeZone::utc()));
    EXPECT_FALSE(AuditTimestamp::parse(QStringLiteral("2026-03-27T25:00"), QTimeZone::utc()));
}

TEST(AuditTimestamp, DisplaysLocalTimeWithMicrosecondsAndOffset)
{
    const auto ts = fromPg("2026-03-27 10:15:30.000042+00");
    EXPECT_EQ(ts->toDisplayString(QTimeZone("Europe/Berlin")).toStdString(),
        "2026-03-27 11:15:30.000042 +01:00");
    EXPECT_EQ(ts->toDisplayString(QTimeZone("America/St_Johns")).toStdString(),
        "2026-03-27 07:45:30.000042 -02:30");
}

TEST(AuditTimestamp, RoundTripsThroughIsoTextExactly)
{
    for (qint64 usecs : { 1LL, 999999LL, 1774606530123456LL, -123456789LL, 4102444799999999LL }) {
        const auto ts = AuditTimestamp::fromUsecsSinceEpoch(usecs);
        const auto back = AuditTimestamp::parse(ts.toIsoUtc(), QTimeZone::utc());
        ASSERT_TRUE(back);
        EXPECT_EQ(back->usecsSinceEpoch(), usecs);
    }
}
