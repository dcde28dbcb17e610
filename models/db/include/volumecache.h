#pragma once

#include "auditfilter.h"
#include "queryerror.h"
#include "volumestats.h"

#include <QDateTime>
#include <QHash>
#include <QTimeZone>

class AuditRepository;

// Remembers the buckets of the volume chart that are closed, so a refresh recounts only
// the open ones: one indexed range scan over the last hour or day instead of 30 days.
// A bucket counts as closed once it ended `settleTime` before it was counted, because
// Hindsight writes a row when the call ends, with the time it started: a call running
// across a bucket's end still lands in that bucket for as long as it runs.
// A call that runs longer than the settle time lands in a bucket already closed: before
// using the cache, a refresh asks for the earliest start of the rows that ended since the
// last count (less the settle time, for clocks and commits that lag) among the closed
// buckets of the last `lateSeconds` (6 hours: a call that ran longer waits for F5), and
// counts again from that bucket on. Nothing indexes ended_at: the look-back is one range scan
// of the started_at index over those hours (the demo's million rows over 30 days: 8,000).
// Thread: the thread that owns the repository's connection (one worker).
class VolumeCache
{
public:
    explicit VolumeCache(qint64 settleSeconds = 15 * 60, qint64 lateSeconds = 6 * 3600)
        : m_settleUsecs(settleSeconds * 1000000)
        , m_lateUsecs(lateSeconds * 1000000)
    {
    }

    // The series for `filter` and `period`, counting on the server only what is not cached;
    // per action, or reading many schemas per tenant (`grouping`).
    Result<VolumeSeries> volume(const AuditRepository &repository, const AuditFilter &filter,
        VolumePeriod period, const QTimeZone &zone,
        const QDateTime &now = QDateTime::currentDateTimeUtc(),
        VolumeGrouping grouping = VolumeGrouping::Action);
    void clear() { m_entries.clear(); }

    // Where the last call started counting: the period's start, or the first open bucket.
    AuditTimestamp lastCountedFrom() const { return m_lastCountedFrom; }

private:
    struct Entry
    {
        AuditTimestamp rangeFrom;
        QList<VolumeBucket> closed; // the period's first buckets, in order
        AuditTimestamp countedAt; // the `now` they were counted at
    };
    // How many of the cached closed buckets still hold: up to the first one that
    // received a late arrival since `entry` was counted.
    Result<qsizetype> stillClosed(const AuditRepository &repository, const AuditFilter &filter,
        const VolumeRange &range, const Entry &entry, qsizetype known, AuditTimestamp now) const;
    static QString keyOf(const AuditFilter &filter, VolumePeriod period, const QString &zoneId,
        VolumeGrouping grouping);

    qint64 m_settleUsecs;
    qint64 m_lateUsecs;
    QHash<QString, Entry> m_entries;
    AuditTimestamp m_lastCountedFrom;
};
