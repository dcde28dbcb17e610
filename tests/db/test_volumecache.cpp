#include "adminconnection.h"
#include "auditrepository.h"
#include "databaseconnection.h"
#include "localcluster.h"
#include "testconnection.h"
#include "volumecache.h"

#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

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

    // A cache kept in this test's own folder: a second one there is the viewer started again.
    VolumeCache onDisk(qsizetype maxFiles = 500) const
    {
        return VolumeCache(15 * 60, 6 * 3600, m_cacheDir.path(), maxFiles);
    }
    QStringList cacheFiles() const
    {
        return QDir(m_cacheDir.path()).entryList(QDir::Files, QDir::Name);
    }
    // The chart `cache` shows, compared with a count of the repository from scratch.
    void expectChartEqualsSql(VolumeCache &cache, const AuditFilter &filter, VolumePeriod period,
        const QTimeZone &zone, const QDateTime &now,
        const AuditTableRef &table = { QStringLiteral("vcache"), QStringLiteral("audit_log") })
    {
        const AuditRepository tableRepository(m_connection.session(), table);
        const auto shown = cache.volume(tableRepository, filter, period, zone, now);
        ASSERT_TRUE(shown) << shown.error().message.toStdString();
        const auto direct = tableRepository.volume(filter, period, zone, now);
        ASSERT_TRUE(direct) << direct.error().message.toStdString();
        expectSameBuckets(*shown, *direct);
    }

    // Today counted at kNow; then a call that started in a closed hour and ended after the
    // count is written; a viewer started `reopenedAfter` seconds later counts it.
    void expectLateCallCountedAfterRestart(
        const QString &started, const QString &ended, qint64 reopenedAfter, const char *countedFrom)
    {
        ASSERT_TRUE(onDisk().volume(
            repository(), AuditFilter(), VolumePeriod::Today, QTimeZone::utc(), kNow));
        ASSERT_TRUE(m_admin.exec(
            QStringLiteral("INSERT INTO vcache.audit_log (action, transport, started_at, "
                           "ended_at, response) VALUES ('consolidation', 'system', '%1', '%2', "
                           "'{}')")
                .arg(started, ended)));
        VolumeCache again = onDisk();
        expectChartEqualsSql(again, AuditFilter(), VolumePeriod::Today, QTimeZone::utc(),
            kNow.addSecs(reopenedAfter));
        EXPECT_EQ(again.lastCountedFrom().toIsoUtc().toStdString(), countedFrom);
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
    QTemporaryDir m_cacheDir;
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

TEST_F(VolumeCacheTest, AViewerStartedAgainCountsOnlyTheOpenBuckets)
{
    for (const QTimeZone &zone : { QTimeZone::utc(), QTimeZone("Europe/Berlin") }) {
        const VolumeRange range = VolumeRange::forPeriod(VolumePeriod::ThirtyDays, kNow, zone);
        {
            VolumeCache first = onDisk();
            ASSERT_TRUE(
                first.volume(repository(), AuditFilter(), VolumePeriod::ThirtyDays, zone, kNow));
            EXPECT_EQ(first.lastCountedFrom(), range.from);
        }
        VolumeCache again = onDisk();
        expectChartEqualsSql(
            again, AuditFilter(), VolumePeriod::ThirtyDays, zone, kNow.addSecs(60));
        // Today's bucket only: the 29 closed days came from the disk.
        EXPECT_EQ(again.lastCountedFrom(), range.bucketStarts.last());
    }
}

TEST_F(VolumeCacheTest, TheFilesAreReadableByTheirOwnerOnly)
{
    VolumeCache cache = onDisk();
    ASSERT_TRUE(
        cache.volume(repository(), AuditFilter(), VolumePeriod::SevenDays, QTimeZone::utc(), kNow));
    const QStringList files = cacheFiles();
    ASSERT_EQ(files.size(), 1);
    const auto others = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup
        | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
    EXPECT_FALSE(QFile::permissions(m_cacheDir.filePath(files.first())) & others);
    EXPECT_FALSE(QFile::permissions(m_cacheDir.path()) & others);
}

TEST_F(VolumeCacheTest, APeriodThatMovedOnADayUsesTheDaysItShares)
{
    ASSERT_TRUE(onDisk().volume(
        repository(), AuditFilter(), VolumePeriod::ThirtyDays, QTimeZone::utc(), kNow));
    VolumeCache nextDay = onDisk();
    expectChartEqualsSql(
        nextDay, AuditFilter(), VolumePeriod::ThirtyDays, QTimeZone::utc(), kNow.addDays(1));
    // The 26th was open when it was counted: from there on.
    EXPECT_EQ(nextDay.lastCountedFrom().toIsoUtc().toStdString(), "2026-10-26T00:00:00.000000Z");
}

TEST_F(VolumeCacheTest, ALateArrivalAfterARestartIsCounted)
{
    // A consolidation that ran from 09:10 to just after the count, in an hour closed at it.
    expectLateCallCountedAfterRestart(QStringLiteral("2026-10-26 09:10:00.000001+00"),
        QStringLiteral("2026-10-26 12:00:50.000002+00"), 60, "2026-10-26T09:00:00.000000Z");
}

TEST_F(VolumeCacheTest, ALateArrivalIsFoundHoweverLongTheViewerWasClosed)
{
    // Opened again eight hours later: beyond a look-back counted from then.
    expectLateCallCountedAfterRestart(QStringLiteral("2026-10-26 10:50:00.000001+00"),
        QStringLiteral("2026-10-26 12:05:00.000002+00"), 8 * 3600, "2026-10-26T10:00:00.000000Z");
}

TEST_F(VolumeCacheTest, ARetentionSweepIsNoticedAfterARestartAndInTheWindow)
{
    VolumeCache window = onDisk();
    const auto first = window.volume(
        repository(), AuditFilter(), VolumePeriod::ThirtyDays, QTimeZone::utc(), kNow);
    ASSERT_TRUE(first);
    // Hindsight's sweep: the expired rows oldest first, in batches, each committed.
    const auto sweep = [&](const QString &cutoff) {
        const QString expired
            = QStringLiteral("SELECT id FROM vcache.audit_log WHERE started_at < '%1'").arg(cutoff);
        while (m_admin.scalar(QStringLiteral("SELECT count(*) FROM (%1) e").arg(expired))
            != QLatin1String("0")) {
            ASSERT_TRUE(m_admin.exec(
                QStringLiteral("DELETE FROM vcache.audit_log WHERE id IN (%1 ORDER BY started_at "
                               "LIMIT 200)")
                    .arg(expired)))
                << m_admin.error().toStdString();
        }
    };
    ASSERT_NO_FATAL_FAILURE(sweep(QStringLiteral("2026-10-10 07:00:00+00")));

    VolumeCache again = onDisk();
    expectChartEqualsSql(
        again, AuditFilter(), VolumePeriod::ThirtyDays, QTimeZone::utc(), kNow.addSecs(60));
    EXPECT_EQ(again.lastCountedFrom().toIsoUtc().toStdString(), "2026-10-26T00:00:00.000000Z");
    EXPECT_EQ(again
                  .volume(repository(), AuditFilter(), VolumePeriod::ThirtyDays, QTimeZone::utc(),
                      kNow.addSecs(60))
                  ->buckets.at(12)
                  .total,
        0); // 2026-10-09: every row of it went
    expectChartEqualsSql(
        window, AuditFilter(), VolumePeriod::ThirtyDays, QTimeZone::utc(), kNow.addSecs(120));

    // Every row of the table went: every closed bucket is empty.
    ASSERT_TRUE(m_admin.exec(QStringLiteral("DELETE FROM vcache.audit_log")));
    VolumeCache emptied = onDisk();
    expectChartEqualsSql(
        emptied, AuditFilter(), VolumePeriod::ThirtyDays, QTimeZone::utc(), kNow.addSecs(180));
}

TEST_F(VolumeCacheTest, AnotherFilterZonePeriodOrTableNeverSharesAnEntry)
{
    ASSERT_TRUE(onDisk().volume(
        repository(), AuditFilter(), VolumePeriod::ThirtyDays, QTimeZone::utc(), kNow));
    ASSERT_TRUE(m_admin.exec(QStringLiteral(
        "CREATE TABLE vcache.other (LIKE vcache.audit_log INCLUDING ALL); INSERT INTO "
        "vcache.other SELECT * FROM vcache.audit_log WHERE action = 'recall'")));
    AuditFilter recall;
    recall.actions = { QStringLiteral("recall") };
    AuditFilter search;
    search.search = QStringLiteral("x");
    AuditFilter since;
    since.since = AuditTimestamp::fromUsecsSinceEpoch(0);
    const AuditTableRef audit { QStringLiteral("vcache"), QStringLiteral("audit_log") };
    const AuditTableRef other { QStringLiteral("vcache"), QStringLiteral("other") };
    struct Variant
    {
        const char *name;
        AuditFilter filter;
        VolumePeriod period;
        QTimeZone zone;
        AuditTableRef table;
    };
    const QList<Variant> variants {
        { "action", recall, VolumePeriod::ThirtyDays, QTimeZone::utc(), audit },
        { "search", search, VolumePeriod::ThirtyDays, QTimeZone::utc(), audit },
        { "since", since, VolumePeriod::ThirtyDays, QTimeZone::utc(), audit },
        { "period", {}, VolumePeriod::SevenDays, QTimeZone::utc(), audit },
        { "zone", {}, VolumePeriod::ThirtyDays, QTimeZone("Europe/Lisbon"), audit },
        { "table", {}, VolumePeriod::ThirtyDays, QTimeZone::utc(), other },
    };
    for (const Variant &variant : variants) {
        VolumeCache again = onDisk();
        expectChartEqualsSql(
            again, variant.filter, variant.period, variant.zone, kNow.addSecs(60), variant.table);
        EXPECT_EQ(again.lastCountedFrom(),
            VolumeRange::forPeriod(variant.period, kNow, variant.zone).from)
            << variant.name << " used what another one counted";
    }

    // The same table dropped and created again, other rows in it: counted from scratch.
    ASSERT_NO_FATAL_FAILURE(createSeededAuditSchema(QStringLiteral("vcache"),
        QStringLiteral("INSERT INTO vcache.audit_log (action, transport, started_at) "
                       "SELECT 'retain', 'mcp', '2026-10-20 10:00:00+00'::timestamptz - g * "
                       "interval '1 hour' FROM generate_series(0, 500) g")));
    VolumeCache recreated = onDisk();
    expectChartEqualsSql(
        recreated, AuditFilter(), VolumePeriod::ThirtyDays, QTimeZone::utc(), kNow.addSecs(60));
    EXPECT_EQ(recreated.lastCountedFrom(),
        VolumeRange::forPeriod(VolumePeriod::ThirtyDays, kNow, QTimeZone::utc()).from);
}

TEST_F(VolumeCacheTest, DamagedOrForeignFilesAreIgnoredAndReplaced)
{
    const VolumeRange range
        = VolumeRange::forPeriod(VolumePeriod::ThirtyDays, kNow, QTimeZone::utc());
    AuditFilter recall;
    recall.actions = { QStringLiteral("recall") };
    ASSERT_TRUE(
        onDisk().volume(repository(), recall, VolumePeriod::ThirtyDays, QTimeZone::utc(), kNow));
    const QString recallFile = m_cacheDir.filePath(cacheFiles().value(0));
    QFile recallCopy(recallFile);
    ASSERT_TRUE(recallCopy.open(QIODevice::ReadOnly));
    const QByteArray recallBytes = recallCopy.readAll();
    ASSERT_TRUE(QFile::remove(recallFile));
    ASSERT_TRUE(onDisk().volume(
        repository(), AuditFilter(), VolumePeriod::ThirtyDays, QTimeZone::utc(), kNow));
    const QString file = m_cacheDir.filePath(cacheFiles().value(0));
    QFile stored(file);
    ASSERT_TRUE(stored.open(QIODevice::ReadOnly));
    const QByteArray good = stored.readAll();
    stored.close();
    QFile foreign(m_cacheDir.filePath(QStringLiteral("notes.txt")));
    ASSERT_TRUE(foreign.open(QIODevice::WriteOnly));
    foreign.write("not ours");
    foreign.close();

    QByteArray flipped = good;
    flipped[flipped.size() / 2] = char(flipped.at(flipped.size() / 2) ^ 0x40);
    QByteArray newerVersion = good;
    newerVersion[7] = 2;
    const QList<std::pair<const char *, QByteArray>> damages {
        { "empty", {} },
        { "cut short", good.left(good.size() / 2) },
        { "a byte changed", flipped },
        { "another version", newerVersion },
        { "another key's file", recallBytes },
        { "longer", good + "x" },
    };
    for (const auto &[name, bytes] : damages) {
        QFile damaged(file);
        ASSERT_TRUE(damaged.open(QIODevice::WriteOnly | QIODevice::Truncate));
        damaged.write(bytes);
        damaged.close();
        VolumeCache again = onDisk();
        expectChartEqualsSql(
            again, AuditFilter(), VolumePeriod::ThirtyDays, QTimeZone::utc(), kNow.addSecs(60));
        EXPECT_EQ(again.lastCountedFrom(), range.from) << name;
        // Replaced by what it counted.
        VolumeCache third = onDisk();
        expectChartEqualsSql(
            third, AuditFilter(), VolumePeriod::ThirtyDays, QTimeZone::utc(), kNow.addSecs(90));
        EXPECT_EQ(third.lastCountedFrom(), range.bucketStarts.last()) << name;
    }
    EXPECT_TRUE(QFile::exists(m_cacheDir.filePath(QStringLiteral("notes.txt"))));
}

TEST_F(VolumeCacheTest, TheLeastRecentlyUsedFilesGoPastTheLimit)
{
    const VolumeRange range
        = VolumeRange::forPeriod(VolumePeriod::SevenDays, kNow, QTimeZone::utc());
    const auto filterOf = [](const QString &action) {
        AuditFilter filter;
        filter.actions = { action };
        return filter;
    };
    VolumeCache cache = onDisk(2);
    ASSERT_TRUE(cache.volume(repository(), filterOf(QStringLiteral("retain")),
        VolumePeriod::SevenDays, QTimeZone::utc(), kNow));
    for (const QString &name : cacheFiles()) {
        QFile aged(m_cacheDir.filePath(name));
        ASSERT_TRUE(aged.open(QIODevice::ReadOnly));
        ASSERT_TRUE(aged.setFileTime(
            QDateTime::currentDateTimeUtc().addSecs(-3600), QFileDevice::FileModificationTime));
    }
    for (const QString &action : { QStringLiteral("recall"), QStringLiteral("reflect") }) {
        ASSERT_TRUE(cache.volume(
            repository(), filterOf(action), VolumePeriod::SevenDays, QTimeZone::utc(), kNow));
    }
    EXPECT_EQ(cacheFiles().size(), 2);

    VolumeCache again = onDisk(2);
    for (const QString &action : { QStringLiteral("reflect"), QStringLiteral("recall") }) {
        expectChartEqualsSql(
            again, filterOf(action), VolumePeriod::SevenDays, QTimeZone::utc(), kNow.addSecs(60));
        EXPECT_EQ(again.lastCountedFrom(), range.bucketStarts.last()) << action.toStdString();
    }
    expectChartEqualsSql(again, filterOf(QStringLiteral("retain")), VolumePeriod::SevenDays,
        QTimeZone::utc(), kNow.addSecs(60));
    EXPECT_EQ(again.lastCountedFrom(), range.from);
}

// A server on the address of one counted before may hold other rows (a recreated container,
// a restored backup, a promoted standby): each of those started a server.
TEST(VolumeCacheSource, AServerStartedAgainIsAnotherSource)
{
    const QString rows = TestDatabase::auditTableDdl(QStringLiteral("public"))
        + QStringLiteral("INSERT INTO public.audit_log (action, transport, started_at) SELECT "
                         "'retain', 'http', '2026-10-26 11:00:00+00'::timestamptz - g * "
                         "interval '1 hour' FROM generate_series(0, 900) g;");
    LocalCluster cluster;
    ASSERT_TRUE(cluster.initFromTemplate(rows, [&](LocalCluster &server) {
        return AdminConnection(server.conninfo()).exec(rows);
    })) << cluster.error().toStdString();
    ASSERT_TRUE(cluster.start()) << cluster.error().toStdString();
    const QTemporaryDir folder;
    const VolumeRange range
        = VolumeRange::forPeriod(VolumePeriod::ThirtyDays, kNow, QTimeZone::utc());
    // The source's key and where a viewer started again began counting.
    const auto countAfresh = [&]() -> std::pair<QString, AuditTimestamp> {
        DatabaseConnection connection;
        openTestConnection(connection, connectionSettingsFor(cluster.conninfo()));
        const AuditRepository repository(connection.session(), AuditTableRef());
        VolumeCache cache(15 * 60, 6 * 3600, folder.path());
        const auto series = cache.volume(
            repository, AuditFilter(), VolumePeriod::ThirtyDays, QTimeZone::utc(), kNow);
        EXPECT_TRUE(series);
        const auto source = repository.source();
        EXPECT_TRUE(source);
        return { source ? source->key : QString(), cache.lastCountedFrom() };
    };
    const auto first = countAfresh();
    EXPECT_EQ(first.second, range.from);
    EXPECT_EQ(countAfresh().second, range.bucketStarts.last()); // the closed days from disk
    ASSERT_TRUE(cluster.restart()) << cluster.error().toStdString();
    const auto restarted = countAfresh();
    EXPECT_NE(restarted.first, first.first);
    EXPECT_EQ(restarted.second, range.from);
}

TEST_F(VolumeCacheTest, ManySchemasSurviveARestartUntilTheirTenantsOrOldestRowsChange)
{
    ASSERT_NO_FATAL_FAILURE(createSeededAuditSchema(QStringLiteral("vcmulti_b"),
        QStringLiteral("INSERT INTO vcmulti_b.audit_log (action, transport, started_at) SELECT "
                       "'recall', 'http', '2026-10-26 11:00:00+00'::timestamptz - g * interval "
                       "'5 hours' FROM generate_series(0, 200) g")));
    const AuditTableRef tenants { QString(), QStringLiteral("audit_log"), QStringLiteral("vc%") };
    const VolumeRange range
        = VolumeRange::forPeriod(VolumePeriod::ThirtyDays, kNow, QTimeZone::utc());
    VolumeCache window = onDisk();
    expectChartEqualsSql(
        window, AuditFilter(), VolumePeriod::ThirtyDays, QTimeZone::utc(), kNow, tenants);
    EXPECT_EQ(window.lastCountedFrom(), range.from);
    EXPECT_FALSE(cacheFiles().isEmpty());
    // A viewer started again counts only the open day.
    VolumeCache again = onDisk();
    expectChartEqualsSql(again, AuditFilter(), VolumePeriod::ThirtyDays, QTimeZone::utc(),
        kNow.addSecs(60), tenants);
    EXPECT_EQ(again.lastCountedFrom(), range.bucketStarts.last());

    // A retention sweep in one tenant (not the one holding the earliest row of all) is
    // noticed after a restart: its earliest row is part of the key.
    ASSERT_TRUE(m_admin.exec(QStringLiteral(
        "DELETE FROM vcmulti_b.audit_log WHERE started_at < '2026-10-20 00:00:00+00'")));
    VolumeCache swept = onDisk();
    expectChartEqualsSql(swept, AuditFilter(), VolumePeriod::ThirtyDays, QTimeZone::utc(),
        kNow.addSecs(120), tenants);
    EXPECT_EQ(swept.lastCountedFrom(), range.from);

    // So is a tenant created since.
    ASSERT_NO_FATAL_FAILURE(createSeededAuditSchema(QStringLiteral("vcmulti_c"),
        QStringLiteral("INSERT INTO vcmulti_c.audit_log (action, transport, started_at) SELECT "
                       "'retain', 'http', '2026-10-25 11:00:00+00'::timestamptz - g * interval "
                       "'3 hours' FROM generate_series(0, 100) g")));
    VolumeCache grown = onDisk();
    expectChartEqualsSql(grown, AuditFilter(), VolumePeriod::ThirtyDays, QTimeZone::utc(),
        kNow.addSecs(180), tenants);
    EXPECT_EQ(grown.lastCountedFrom(), range.from);
    m_admin.exec(QStringLiteral("DROP SCHEMA vcmulti_c CASCADE"));
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
