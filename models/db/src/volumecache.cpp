#include "volumecache.h"

#include "auditrepository.h"

#include <algorithm>

QString VolumeCache::keyOf(
    const AuditFilter &filter, VolumePeriod period, const QString &zoneId, VolumeGrouping grouping)
{
    return volumePeriodName(period) + QLatin1Char('\x1f') + zoneId + QLatin1Char('\x1f')
        + (grouping == VolumeGrouping::Tenant ? QLatin1String("tenant") : QLatin1String("action"))
        + QLatin1Char('\x1f') + filter.cacheKey();
}

Result<VolumeSeries> VolumeCache::volume(const AuditRepository &repository,
    const AuditFilter &filter, VolumePeriod period, const QTimeZone &zone, const QDateTime &now,
    VolumeGrouping grouping)
{
    const VolumeRange range = VolumeRange::forPeriod(period, now, zone);
    const QString zoneId
        = zone == QTimeZone::utc() ? QStringLiteral("UTC") : QString::fromUtf8(zone.id());
    const QString key = keyOf(filter, period, zoneId, grouping);
    const auto cached = m_entries.constFind(key);
    const bool usable = cached != m_entries.constEnd() && cached->rangeFrom == range.from;
    qsizetype known = usable ? std::min(cached->closed.size(), range.bucketStarts.size()) : 0;
    if (known >= range.bucketStarts.size()) {
        // Cannot happen for a period containing now (its last bucket is open); recount all.
        m_entries.remove(key);
        return volume(repository, filter, period, zone, now, grouping);
    }
    const AuditTimestamp counted = AuditTimestamp::fromDateTime(now);
    if (known > 0) {
        auto holding = stillClosed(repository, filter, range, *cached, known, counted);
        if (!holding) {
            return holding.error();
        }
        known = *holding;
    }
    const std::optional<AuditTimestamp> countFrom
        = known > 0 ? std::optional<AuditTimestamp>(range.bucketStarts.at(known)) : std::nullopt;

    auto fresh = repository.volume(filter, period, zone, now, countFrom, grouping);
    if (!fresh) {
        return fresh.error();
    }
    VolumeSeries series = std::move(fresh).value();
    for (qsizetype i = 0; i < known; ++i) {
        series.buckets[i] = cached->closed.at(i);
    }
    m_lastCountedFrom = countFrom.value_or(range.from);

    // Remember the buckets that are closed now: they ended a settle time ago.
    const qint64 settledBefore = counted.usecsSinceEpoch() - m_settleUsecs;
    Entry entry { range.from, {}, counted };
    for (qsizetype i = 0; i < series.buckets.size(); ++i) {
        const AuditTimestamp end
            = i + 1 < range.bucketStarts.size() ? range.bucketStarts.at(i + 1) : range.to;
        if (end.usecsSinceEpoch() > settledBefore) {
            break;
        }
        entry.closed.append(series.buckets.at(i));
    }
    m_entries.insert(key, entry);
    return series;
}

Result<qsizetype> VolumeCache::stillClosed(const AuditRepository &repository,
    const AuditFilter &filter, const VolumeRange &range, const Entry &entry, qsizetype known,
    AuditTimestamp now) const
{
    // Calls that ran longer than the look-back are left to F5: the bound keeps this an
    // indexed range scan of the last hours, whatever the period.
    const AuditTimestamp recent
        = AuditTimestamp::fromUsecsSinceEpoch(now.usecsSinceEpoch() - m_lateUsecs);
    AuditFilter closed = filter;
    closed.since = std::max({ filter.since.value_or(recent), recent, range.from });
    closed.until = std::min(
        filter.until.value_or(range.bucketStarts.at(known)), range.bucketStarts.at(known));
    if (*closed.since >= *closed.until) {
        return known;
    }
    const auto late = repository.earliestEndedSince(closed,
        AuditTimestamp::fromUsecsSinceEpoch(entry.countedAt.usecsSinceEpoch() - m_settleUsecs));
    if (!late) {
        return late.error();
    }
    if (!*late) {
        return known;
    }
    // The bucket the earliest late row started in, and every one after it, are counted again.
    const auto after = std::upper_bound(
        range.bucketStarts.cbegin(), range.bucketStarts.cbegin() + known, **late);
    return std::max<qsizetype>(0, (after - range.bucketStarts.cbegin()) - 1);
}
