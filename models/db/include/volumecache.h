#pragma once

#include "auditfilter.h"
#include "queryerror.h"
#include "volumestats.h"

#include <QDateTime>
#include <QHash>
#include <QTimeZone>

#include <optional>

class AuditRepository;
struct AuditSource;

// What VolumeCache counts through: one log read with one filter and grouping. The audit log
// counts requests per action or tenant; the LLM log (LlmRepository) counts calls, statuses
// and tokens per operation or model, flattened into the same buckets of named counts.
class VolumeCounter
{
public:
    virtual ~VolumeCounter() = default;
    // Where the rows live (AuditRepository::source()); an empty key is not cached.
    virtual Result<AuditSource> source() const = 0;
    // A text that differs whenever the filter or the grouping does.
    virtual QString key() const = 0;
    // The filter's own time range.
    virtual std::optional<AuditTimestamp> since() const = 0;
    virtual std::optional<AuditTimestamp> until() const = 0;
    // The series of `period`, zero-filled, counting only the rows from `countFrom` (when
    // given) and before `before` (when given) within the filter.
    virtual Result<VolumeSeries> count(VolumePeriod period, const QTimeZone &zone,
        const QDateTime &now, std::optional<AuditTimestamp> countFrom,
        std::optional<AuditTimestamp> before) const = 0;
    // The earliest start in [`from`, `to`) of the rows matching the filter that ended at or
    // after `endedSince`.
    virtual Result<std::optional<AuditTimestamp>> earliestEndedSince(
        AuditTimestamp from, AuditTimestamp to, AuditTimestamp endedSince) const = 0;
};

// Remembers the buckets of the volume chart that are closed, so a refresh recounts only
// the open ones: one indexed range scan over the last hour or day instead of 30 days.
// A bucket counts as closed once it ended `settleTime` before it was counted, because
// Hindsight writes a row when the call ends, with the time it started: a call running
// across a bucket's end still lands in that bucket for as long as it runs.
//
// Closed buckets are also kept on disk, one small file per server, database, table, filter,
// period and time zone (AuditRepository::source() names the first three), so a viewer
// started again shows the chart at once. Files are readable by their owner only, written
// atomically, and at most `maxFiles` stay (the least recently used go); a file that does not
// read back as one of ours, for this very key, is ignored and replaced. A period that moved
// on by a day uses the days it shares with what was stored. Across many schemas the key also
// names every tenant's table and earliest row (TenantLog::source()), so a tenant created,
// dropped or swept by retention is another key, counted again from scratch.
//
// Before using what it holds, a refresh asks the server one cheap question per kind of
// change since the count:
// - Late arrivals. A call that runs longer than the settle time lands in a bucket already
//   closed: it asks for the earliest start of the rows that ended since the count (less the
//   settle time, for clocks and commits that lag) among the closed buckets that start at most
//   `lateSeconds` (6 hours: a call that ran longer waits for F5) before the count, and
//   counts again from that bucket on. Nothing indexes ended_at: the look-back is one range
//   scan of the started_at index over those hours, however long the viewer was closed.
// - Retention. Hindsight's sweep deletes the rows older than N days, oldest first in
//   batches (ORDER BY started_at LIMIT n FOR UPDATE SKIP LOCKED; hourly by default). So the
//   table's earliest started_at (an endpoint of its index, microseconds) moving later says
//   that every row before it is gone: the closed buckets before it are empty for any filter,
//   and only the one holding it is counted again. A sweep half done (another sweeper holding
//   older rows) is caught when its last batch moves the earliest row. pg_stat_user_tables'
//   n_tup_del was not chosen: it lags by up to seconds, counts nothing on a partitioned
//   parent or a standby, and cannot say which buckets lost rows (a full recount each time).
// - What is not noticed until F5: rows deleted or changed that are not the oldest (Hindsight
//   never does that: deleting a bank keeps its audit rows and writes a delete_bank row;
//   an operator's hand-made DELETE would), and a call that ran longer than `lateSeconds`.
//   A server started again (also a restored backup or a recreated container on the same
//   address) or a table created again is another key, counted from scratch.
// Thread: the thread that owns the repository's connection (one worker).
class VolumeCache
{
public:
    // `directory`: where closed buckets are kept across runs; empty keeps them in memory only.
    explicit VolumeCache(qint64 settleSeconds = 15 * 60, qint64 lateSeconds = 6 * 3600,
        QString directory = defaultDirectory(), qsizetype maxFiles = 500);

    // "volume" in the user's cache folder (QStandardPaths::CacheLocation).
    static QString defaultDirectory();

    // The series for `filter` and `period`, counting on the server only what is not cached;
    // per action, or reading many schemas per tenant (`grouping`).
    Result<VolumeSeries> volume(const AuditRepository &repository, const AuditFilter &filter,
        VolumePeriod period, const QTimeZone &zone,
        const QDateTime &now = QDateTime::currentDateTimeUtc(),
        VolumeGrouping grouping = VolumeGrouping::Action);
    // The same for any log (VolumeCounter).
    Result<VolumeSeries> volume(const VolumeCounter &counter, VolumePeriod period,
        const QTimeZone &zone, const QDateTime &now = QDateTime::currentDateTimeUtc());
    // Counts every chart from scratch again (F5): forgets what it holds and reads no file
    // it did not write itself since; what it counts next replaces the files.
    void clear()
    {
        m_entries.clear();
        m_readFiles = false;
    }

    // Where the last call started counting: the period's start, or the first open bucket.
    AuditTimestamp lastCountedFrom() const { return m_lastCountedFrom; }

private:
    struct Entry
    {
        QList<VolumeBucket> closed; // consecutive buckets, in order
        AuditTimestamp countedAt; // the `now` they were counted at
        std::optional<AuditTimestamp> earliestStart; // the table's earliest row then
        std::optional<AuditTimestamp> storedAt; // countedAt of the copy on disk, if any
    };
    // How many of the cached closed buckets still hold: up to the first one that
    // received a late arrival since `entry` was counted.
    // Keeps the buckets of `series` that are closed now (they ended a settle time ago) under
    // `key` (none when empty), on disk too when they changed or a settle time passed.
    void remember(const QString &key, const Entry *cached,
        const std::optional<AuditTimestamp> &earliestStart, const VolumeSeries &series,
        const VolumeRange &range, AuditTimestamp counted, bool onDisk);
    Result<qsizetype> stillClosed(const VolumeCounter &counter, const VolumeRange &range,
        const Entry &entry, qsizetype known) const;
    static QString keyOf(
        const QString &source, const QString &counted, VolumePeriod period, const QString &zoneId);
    // In memory, else (`onDisk`) from its file.
    const Entry *find(const QString &key, bool onDisk);

    // The file of `key` on disk; nullopt when it is missing or not a valid copy of `key`.
    std::optional<Entry> readFile(const QString &key) const;
    void writeFile(const QString &key, const Entry &entry) const;
    void dropLeastRecentlyUsed() const;
    QString fileOf(const QString &key) const;

    qint64 m_settleUsecs;
    qint64 m_lateUsecs;
    QString m_directory;
    qsizetype m_maxFiles;
    bool m_readFiles = true;
    QHash<QString, Entry> m_entries;
    AuditTimestamp m_lastCountedFrom;
};
