#include "volumecache.h"

#include "auditrepository.h"

#include <QStringList>

QString VolumeCache::keyOf(const AuditFilter &filter, VolumePeriod period, const QString &zoneId)
{
    return volumePeriodName(period) + QLatin1Char('\x1f') + zoneId + QLatin1Char('\x1f')
        + filter.cacheKey();
}

Result<VolumeSeries> VolumeCache::volume(const AuditRepository &repository,
    const AuditFilter &filter, VolumePeriod period, const QTimeZone &zone, const QDateTime &now)
{
    const VolumeRange range = VolumeRange::forPeriod(period, now, zone);
    const QString zoneId
        = zone == QTimeZone::utc() ? QStringLiteral("UTC") : QString::fromUtf8(zone.id());
    const QString key = keyOf(filter, period, zoneId);
    const auto cached = m_entries.constFind(key);
    const bool usable = cached != m_entries.constEnd() && cached->rangeFrom == range.from;
    const qsizetype known = usable ? std::min(cached->closed.size(), range.bucketStarts.size()) : 0;
    const std::optional<AuditTimestamp> countFrom
        = known > 0 ? std::optional<AuditTimestamp>(range.bucketStarts.at(known)) : std::nullopt;
    if (known >= range.bucketStarts.size()) {
        // Cannot happen for a period containing now (its last bucket is open); recount all.
        m_entries.remove(key);
        return volume(repository, filter, period, zone, now);
    }

    auto fresh = repository.volume(filter, period, zone, now, countFrom);
    if (!fresh) {
        return fresh.error();
    }
    VolumeSeries series = std::move(fresh).value();
    for (qsizetype i = 0; i < known; ++i) {
        series.buckets[i] = cached->closed.at(i);
    }
    m_lastCountedFrom = countFrom.value_or(range.from);

    // Remember the buckets that are closed now: they ended a settle time ago.
    const qint64 settledBefore
        = AuditTimestamp::fromDateTime(now).usecsSinceEpoch() - m_settleUsecs;
    Entry entry { range.from, {} };
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
