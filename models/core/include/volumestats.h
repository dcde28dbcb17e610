#pragma once

#include "audittimestamp.h"

#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>
#include <QTimeZone>

#include <optional>

enum class VolumePeriod { Today, SevenDays, ThirtyDays };
enum class VolumeBucketUnit { Hour, Day };
// What the chart's lines are: one per action, or reading many schemas, one per tenant.
enum class VolumeGrouping { Action, Tenant };

struct VolumeBucket
{
    AuditTimestamp start;
    qint64 total = 0;
    QMap<QString, qint64> actions; // counts per action; actions without calls are absent
};

// The buckets of a period in a time zone: hours of today since local midnight, or
// local days. Days follow the zone's calendar, so a daylight-saving day has 23 or 25 hours.
struct VolumeRange
{
    VolumePeriod period = VolumePeriod::Today;
    VolumeBucketUnit unit = VolumeBucketUnit::Hour;
    QList<AuditTimestamp> bucketStarts; // ascending; the last one contains `now`
    AuditTimestamp from; // the first bucket's start
    AuditTimestamp to; // the end of the last bucket (exclusive)

    static VolumeRange forPeriod(VolumePeriod period, const QDateTime &now, const QTimeZone &zone);
};

struct VolumeSeries
{
    VolumeRange range;
    QString zoneId;
    QList<VolumeBucket> buckets; // one per bucket start, gaps filled with zero

    qint64 total() const;
};

QString volumePeriodName(VolumePeriod period); // "today", "7d", "30d"
std::optional<VolumePeriod> volumePeriodFromName(const QString &name);
QString volumeUnitName(VolumeBucketUnit unit); // "hour", "day"

Q_DECLARE_METATYPE(VolumeSeries)
