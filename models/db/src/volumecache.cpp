#include "volumecache.h"

#include "auditrepository.h"

#include <QCryptographicHash>
#include <QDataStream>
#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QStandardPaths>

#include <algorithm>

namespace {

// "AVVC" and the layout's version: a file of another version is ignored and replaced.
constexpr quint32 kMagic = 0x41565643;
constexpr quint32 kVersion = 1;
const QString kSuffix = QStringLiteral(".volume");
// Bounds on what a file may claim, so a foreign or damaged one cannot make us allocate much.
constexpr quint32 kMaxBuckets = 100000;
constexpr quint32 kMaxActions = 100000;

bool sameBuckets(const QList<VolumeBucket> &a, const QList<VolumeBucket> &b)
{
    return std::equal(a.cbegin(), a.cend(), b.cbegin(), b.cend(),
        [](const VolumeBucket &x, const VolumeBucket &y) {
            return x.start == y.start && x.total == y.total && x.actions == y.actions;
        });
}

// The index of the bucket of `range` that holds `t`; -1 before the range.
qsizetype bucketHolding(const VolumeRange &range, AuditTimestamp t)
{
    const auto after = std::upper_bound(range.bucketStarts.cbegin(), range.bucketStarts.cend(), t);
    return (after - range.bucketStarts.cbegin()) - 1;
}

// The audit log's requests per action or tenant.
class AuditVolumeCounter : public VolumeCounter
{
public:
    AuditVolumeCounter(
        const AuditRepository &repository, const AuditFilter &filter, VolumeGrouping grouping)
        : m_repository(repository)
        , m_filter(filter)
        , m_grouping(grouping)
    {
    }

    Result<AuditSource> source() const override { return m_repository.source(); }
    QString key() const override
    {
        return (m_grouping == VolumeGrouping::Tenant ? QLatin1String("tenant")
                                                     : QLatin1String("action"))
            + QLatin1Char('\x1f') + m_filter.cacheKey();
    }
    std::optional<AuditTimestamp> since() const override { return m_filter.since; }
    std::optional<AuditTimestamp> until() const override { return m_filter.until; }
    Result<VolumeSeries> count(VolumePeriod period, const QTimeZone &zone, const QDateTime &now,
        std::optional<AuditTimestamp> countFrom,
        std::optional<AuditTimestamp> before) const override
    {
        AuditFilter counted = m_filter;
        if (before) {
            counted.until = std::min(m_filter.until.value_or(*before), *before);
        }
        return m_repository.volume(counted, period, zone, now, countFrom, m_grouping);
    }
    Result<std::optional<AuditTimestamp>> earliestEndedSince(
        AuditTimestamp from, AuditTimestamp to, AuditTimestamp endedSince) const override
    {
        AuditFilter closed = m_filter;
        closed.since = from;
        closed.until = to;
        return m_repository.earliestEndedSince(closed, endedSince);
    }

private:
    const AuditRepository &m_repository;
    const AuditFilter &m_filter;
    VolumeGrouping m_grouping;
};

} // namespace

VolumeCache::VolumeCache(
    qint64 settleSeconds, qint64 lateSeconds, QString directory, qsizetype maxFiles)
    : m_settleUsecs(settleSeconds * 1000000)
    , m_lateUsecs(lateSeconds * 1000000)
    , m_directory(std::move(directory))
    , m_maxFiles(maxFiles)
{
}

QString VolumeCache::defaultDirectory()
{
    const QString cache = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
    return cache.isEmpty() ? QString() : cache + QStringLiteral("/volume");
}

QString VolumeCache::keyOf(
    const QString &source, const QString &counted, VolumePeriod period, const QString &zoneId)
{
    return source + QLatin1Char('\x1f') + volumePeriodName(period) + QLatin1Char('\x1f') + zoneId
        + QLatin1Char('\x1f') + counted;
}

const VolumeCache::Entry *VolumeCache::find(const QString &key, bool onDisk)
{
    const auto held = m_entries.constFind(key);
    if (held != m_entries.constEnd()) {
        return &*held;
    }
    if (!m_readFiles || !onDisk) {
        return nullptr;
    }
    auto stored = readFile(key);
    return stored ? &*m_entries.insert(key, *stored) : nullptr;
}

Result<VolumeSeries> VolumeCache::volume(const AuditRepository &repository,
    const AuditFilter &filter, VolumePeriod period, const QTimeZone &zone, const QDateTime &now,
    VolumeGrouping grouping)
{
    return volume(AuditVolumeCounter(repository, filter, grouping), period, zone, now);
}

Result<VolumeSeries> VolumeCache::volume(
    const VolumeCounter &counter, VolumePeriod period, const QTimeZone &zone, const QDateTime &now)
{
    const VolumeRange range = VolumeRange::forPeriod(period, now, zone);
    const QString zoneId
        = zone == QTimeZone::utc() ? QStringLiteral("UTC") : QString::fromUtf8(zone.id());
    const auto source = counter.source();
    if (!source) {
        return source.error();
    }
    const QString key = keyOf(source->key, counter.key(), period, zoneId);
    const bool onDisk = !m_directory.isEmpty();
    const Entry *cached = source->key.isEmpty() ? nullptr : find(key, onDisk);

    // The cached buckets from the period's start on: all of them on a refresh, those of
    // the days it still shares when the period moved on since.
    QList<VolumeBucket> closed;
    if (cached) {
        const auto first = std::find_if(cached->closed.cbegin(), cached->closed.cend(),
            [&](const VolumeBucket &bucket) { return bucket.start == range.from; });
        for (auto it = first;
             it != cached->closed.cend() && closed.size() + 1 < range.bucketStarts.size()
             && it->start == range.bucketStarts.at(closed.size());
             ++it) {
            closed.append(*it);
        }
    }
    qsizetype known = closed.size();
    const AuditTimestamp counted = AuditTimestamp::fromDateTime(now);

    std::optional<qsizetype> recountOne;
    if (known > 0 && cached->earliestStart != source->earliestStart) {
        if (!source->earliestStart
            || (cached->earliestStart && *source->earliestStart > *cached->earliestStart)) {
            // Deleted oldest first: no row is left before the earliest one, whatever the filter.
            const qsizetype holding = source->earliestStart
                ? bucketHolding(range, *source->earliestStart)
                : range.bucketStarts.size();
            for (qsizetype i = 0; i < std::min(holding, known); ++i) {
                closed[i] = VolumeBucket { closed.at(i).start, 0, {} };
            }
            if (holding >= 0 && holding < known) {
                recountOne = holding;
            }
        } else {
            // A row older than the earliest one arrived (restored, imported): count from there.
            known = std::clamp<qsizetype>(bucketHolding(range, *source->earliestStart), 0, known);
        }
    }
    if (known > 0) {
        auto holding = stillClosed(counter, range, *cached, known);
        if (!holding) {
            return holding.error();
        }
        known = *holding;
    }
    closed.resize(known);
    const std::optional<AuditTimestamp> countFrom
        = known > 0 ? std::optional<AuditTimestamp>(range.bucketStarts.at(known)) : std::nullopt;

    if (recountOne && *recountOne < known) {
        // The bucket the sweep reached lost some of its rows: that bucket alone, once more.
        const AuditTimestamp end = range.bucketStarts.at(*recountOne + 1);
        auto one = counter.count(period, zone, now, range.bucketStarts.at(*recountOne), end);
        if (!one) {
            return one.error();
        }
        closed[*recountOne] = one->buckets.at(*recountOne);
    }
    auto fresh = counter.count(period, zone, now, countFrom, std::nullopt);
    if (!fresh) {
        return fresh.error();
    }
    VolumeSeries series = std::move(fresh).value();
    std::copy(closed.cbegin(), closed.cend(), series.buckets.begin());
    m_lastCountedFrom = countFrom.value_or(range.from);

    // A source named by nothing is not remembered.
    remember(source->key.isEmpty() ? QString() : key, cached, source->earliestStart, series, range,
        counted, onDisk);
    return series;
}

void VolumeCache::remember(const QString &key, const Entry *cached,
    const std::optional<AuditTimestamp> &earliestStart, const VolumeSeries &series,
    const VolumeRange &range, AuditTimestamp counted, bool onDisk)
{
    // Remember the buckets that are closed now: they ended a settle time ago.
    const qint64 settledBefore = counted.usecsSinceEpoch() - m_settleUsecs;
    Entry entry { {}, counted, earliestStart, std::nullopt };
    for (qsizetype i = 0; i < series.buckets.size(); ++i) {
        const AuditTimestamp end
            = i + 1 < range.bucketStarts.size() ? range.bucketStarts.at(i + 1) : range.to;
        if (end.usecsSinceEpoch() > settledBefore) {
            break;
        }
        entry.closed.append(series.buckets.at(i));
    }
    if (!key.isEmpty()) {
        // Written when what it holds changed, and once a settle time otherwise, so the next
        // run's look-back for late arrivals starts near its last count.
        const bool unchanged = cached && cached->storedAt
            && sameBuckets(cached->closed, entry.closed)
            && cached->earliestStart == entry.earliestStart
            && counted.usecsSinceEpoch() - cached->storedAt->usecsSinceEpoch() < m_settleUsecs;
        if (unchanged) {
            entry.storedAt = cached->storedAt;
        } else if (!entry.closed.isEmpty() && onDisk) {
            writeFile(key, entry);
            entry.storedAt = counted;
        }
        m_entries.insert(key, entry);
    }
}

Result<qsizetype> VolumeCache::stillClosed(const VolumeCounter &counter, const VolumeRange &range,
    const Entry &entry, qsizetype known) const
{
    // Rows that ended after the count in a bucket closed at it started before it closed; calls
    // that ran longer than the look-back are left to F5. The bound keeps this an indexed range
    // scan of some hours, however long ago the count was (the viewer may have been closed).
    const AuditTimestamp endedSince
        = AuditTimestamp::fromUsecsSinceEpoch(entry.countedAt.usecsSinceEpoch() - m_settleUsecs);
    const AuditTimestamp recent
        = AuditTimestamp::fromUsecsSinceEpoch(endedSince.usecsSinceEpoch() - m_lateUsecs);
    const AuditTimestamp from = std::max({ counter.since().value_or(recent), recent, range.from });
    const AuditTimestamp to = std::min(
        counter.until().value_or(range.bucketStarts.at(known)), range.bucketStarts.at(known));
    if (from >= to) {
        return known;
    }
    const auto late = counter.earliestEndedSince(from, to, endedSince);
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

QString VolumeCache::fileOf(const QString &key) const
{
    // The key holds any text (a search, a bank): a hash names the file, the key is inside.
    return m_directory + QLatin1Char('/')
        + QString::fromLatin1(
            QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256).toHex())
        + kSuffix;
}

std::optional<VolumeCache::Entry> VolumeCache::readFile(const QString &key) const
{
    if (m_directory.isEmpty()) {
        return std::nullopt;
    }
    QFile file(fileOf(key));
    if (!file.open(QIODevice::ReadOnly)) {
        return std::nullopt;
    }
    QDataStream in(&file);
    in.setVersion(QDataStream::Qt_6_4);
    quint32 magic = 0;
    quint32 version = 0;
    QByteArray payload;
    QByteArray digest;
    in >> magic >> version;
    if (magic != kMagic || version != kVersion) {
        return std::nullopt;
    }
    in >> payload >> digest;
    if (in.status() != QDataStream::Ok || !in.atEnd()
        || digest != QCryptographicHash::hash(payload, QCryptographicHash::Sha256)) {
        return std::nullopt;
    }

    QDataStream body(payload);
    body.setVersion(QDataStream::Qt_6_4);
    QString storedKey;
    qint64 countedAt = 0;
    bool hasEarliest = false;
    qint64 earliest = 0;
    quint32 buckets = 0;
    body >> storedKey >> countedAt >> hasEarliest >> earliest >> buckets;
    if (body.status() != QDataStream::Ok || storedKey != key || buckets > kMaxBuckets) {
        return std::nullopt;
    }
    Entry entry { {}, AuditTimestamp::fromUsecsSinceEpoch(countedAt),
        hasEarliest ? std::optional(AuditTimestamp::fromUsecsSinceEpoch(earliest)) : std::nullopt,
        AuditTimestamp::fromUsecsSinceEpoch(countedAt) };
    for (quint32 i = 0; i < buckets; ++i) {
        qint64 start = 0;
        qint64 total = 0;
        quint32 actions = 0;
        body >> start >> total >> actions;
        if (body.status() != QDataStream::Ok || actions > kMaxActions
            || (!entry.closed.isEmpty() && start <= entry.closed.last().start.usecsSinceEpoch())) {
            return std::nullopt;
        }
        VolumeBucket bucket { AuditTimestamp::fromUsecsSinceEpoch(start), total, {} };
        qint64 sum = 0;
        for (quint32 a = 0; a < actions; ++a) {
            QString action;
            qint64 count = 0;
            body >> action >> count;
            if (count <= 0) {
                return std::nullopt;
            }
            bucket.actions.insert(action, count);
            sum += count;
        }
        if (body.status() != QDataStream::Ok || sum != total
            || bucket.actions.size() != qsizetype(actions)) {
            return std::nullopt;
        }
        entry.closed.append(bucket);
    }
    if (!body.atEnd()) {
        return std::nullopt;
    }
    // Used now: the least recently used files are the ones dropped.
    file.setFileTime(QDateTime::currentDateTimeUtc(), QFileDevice::FileModificationTime);
    return entry;
}

void VolumeCache::writeFile(const QString &key, const Entry &entry) const
{
    // A cache: a folder or file that cannot be written leaves the chart in memory only.
    if (!QDir().mkpath(m_directory)
        || !QFile::setPermissions(m_directory,
            QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner)) {
        return;
    }
    QByteArray payload;
    {
        QDataStream body(&payload, QIODevice::WriteOnly);
        body.setVersion(QDataStream::Qt_6_4);
        body << key << entry.countedAt.usecsSinceEpoch() << entry.earliestStart.has_value()
             << (entry.earliestStart ? entry.earliestStart->usecsSinceEpoch() : qint64(0))
             << quint32(entry.closed.size());
        for (const VolumeBucket &bucket : entry.closed) {
            body << bucket.start.usecsSinceEpoch() << bucket.total
                 << quint32(bucket.actions.size());
            for (auto it = bucket.actions.cbegin(); it != bucket.actions.cend(); ++it) {
                body << it.key() << it.value();
            }
        }
    }
    QSaveFile file(fileOf(key));
    if (!file.open(QIODevice::WriteOnly)
        || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        return;
    }
    QDataStream out(&file);
    out.setVersion(QDataStream::Qt_6_4);
    out << kMagic << kVersion << payload
        << QCryptographicHash::hash(payload, QCryptographicHash::Sha256);
    if (out.status() == QDataStream::Ok && file.commit()) {
        dropLeastRecentlyUsed();
    }
}

void VolumeCache::dropLeastRecentlyUsed() const
{
    // Only our own files count and go: anything else in the folder is left alone.
    const QFileInfoList files = QDir(m_directory)
                                    .entryInfoList({ QLatin1Char('*') + kSuffix },
                                        QDir::Files | QDir::Hidden, QDir::Time);
    for (qsizetype i = m_maxFiles; i < files.size(); ++i) {
        QFile::remove(files.at(i).absoluteFilePath()); // newest first: these are the oldest
    }
}
