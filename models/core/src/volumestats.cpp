#include "volumestats.h"

namespace {

// Local midnight of `date`; where midnight does not exist (a DST jump at 00:00) Qt moves
// forward to the first valid time, as PostgreSQL's date_trunc does.
QDateTime startOfDay(const QDate &date, const QTimeZone &zone)
{
    return date.startOfDay(zone);
}

} // namespace

VolumeRange VolumeRange::forPeriod(VolumePeriod period, const QDateTime &now, const QTimeZone &zone)
{
    VolumeRange range;
    range.period = period;
    const QDate today = now.toTimeZone(zone).date();
    const AuditTimestamp nowTs = AuditTimestamp::fromDateTime(now);
    if (period == VolumePeriod::Today) {
        range.unit = VolumeBucketUnit::Hour;
        const QDateTime midnight = startOfDay(today, zone);
        const QDateTime tomorrow = startOfDay(today.addDays(1), zone);
        // Hours are counted in absolute time from local midnight, so the repeated hour of
        // a DST fall-back day is a bucket of its own and the skipped one does not exist.
        for (QDateTime hour = midnight; hour < tomorrow; hour = hour.addSecs(3600)) {
            const AuditTimestamp start = AuditTimestamp::fromDateTime(hour);
            if (start > nowTs) {
                break;
            }
            range.bucketStarts.append(start);
        }
        range.from = AuditTimestamp::fromDateTime(midnight);
        const AuditTimestamp last
            = range.bucketStarts.isEmpty() ? range.from : range.bucketStarts.last();
        range.to = std::min(
            AuditTimestamp::fromUsecsSinceEpoch(last.usecsSinceEpoch() + 3600LL * 1000000),
            AuditTimestamp::fromDateTime(tomorrow));
        return range;
    }
    range.unit = VolumeBucketUnit::Day;
    const int days = period == VolumePeriod::SevenDays ? 7 : 30;
    for (int i = days - 1; i >= 0; --i) {
        range.bucketStarts.append(
            AuditTimestamp::fromDateTime(startOfDay(today.addDays(-i), zone)));
    }
    range.from = range.bucketStarts.first();
    range.to = AuditTimestamp::fromDateTime(startOfDay(today.addDays(1), zone));
    return range;
}

qint64 VolumeSeries::total() const
{
    qint64 sum = 0;
    for (const VolumeBucket &bucket : buckets) {
        sum += bucket.total;
    }
    return sum;
}

QString volumePeriodName(VolumePeriod period)
{
    switch (period) {
    case VolumePeriod::Today:
        return QStringLiteral("today");
    case VolumePeriod::SevenDays:
        return QStringLiteral("7d");
    case VolumePeriod::ThirtyDays:
        return QStringLiteral("30d");
    }
    return {};
}

std::optional<VolumePeriod> volumePeriodFromName(const QString &name)
{
    for (VolumePeriod p :
        { VolumePeriod::Today, VolumePeriod::SevenDays, VolumePeriod::ThirtyDays }) {
        if (volumePeriodName(p) == name) {
            return p;
        }
    }
    return std::nullopt;
}

QString volumeUnitName(VolumeBucketUnit unit)
{
    return unit == VolumeBucketUnit::Hour ? QStringLiteral("hour") : QStringLiteral("day");
}
