// The live window under load, on many tenant schemas read as one log: a writer inserting about
// 200 rows a second across the tenants (each row a call of up to 10 s, written when it ends,
// as Hindsight does), a retention sweep deleting old rows in batches, a tenant created and one
// dropped, and the window on auto-refresh every 5 s. Each refresh: the first page has no row
// twice, is in order, and holds only rows the database has. At the end the writer stops, the
// pages walked through the window hold every row exactly once, the chart equals SQL, and the
// resident memory of the last minutes did not grow.
// One minute here (CTest); AUDIT_VIEWER_SOAK_SECONDS=600 in scripts/bench --tenants.
#include "chartpanel.h"
#include "mainwindow.h"
#include "memorypeak.h"
#include "testconnection.h"
#include "testdatabase.h"
#include "volumechart.h"

#include "audittablemodel.h"

#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

namespace {

constexpr int kTenants = 6;

QString tenant(int n)
{
    return QStringLiteral("soak_%1").arg(n);
}

// Inserts rows in small transactions until stopped; sweeps old rows and changes the tenants
// as it goes. Its own connection, on its own thread.
class Load
{
public:
    void start(int seconds)
    {
        m_thread = std::thread([this, seconds] { run(seconds); });
    }
    void stop()
    {
        m_stop = true;
        if (m_thread.joinable()) {
            m_thread.join();
        }
    }
    ~Load() { stop(); }
    qint64 inserted() const { return m_inserted; }
    QString error() const { return m_error; }
    bool dropped() const { return m_dropped; }

private:
    void run(int seconds)
    {
        TestDatabase db;
        const auto started = std::chrono::steady_clock::now();
        int round = 0;
        while (!m_stop) {
            const double elapsed
                = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
            // 20 rows every 100 ms, spread over the tenants alive.
            const QString into = QStringLiteral(
                "INSERT INTO %1.audit_log (action, transport, bank_id, started_at, ended_at, "
                "response) SELECT (ARRAY['retain','recall','reflect'])[1 + (random() * 2)::int], "
                "'http', 'bank', now() - d, now(), '{}' FROM (SELECT random() * interval '10 s' "
                "AS d FROM generate_series(1, %2)) g;");
            QString sql;
            for (int n = 0; n < kTenants; ++n) {
                if (n == kTenants - 1 && !m_created) {
                    continue;
                }
                if (n == 0 && m_dropped) {
                    continue;
                }
                sql += into.arg(tenant(n)).arg(20 / kTenants + (n < 20 % kTenants ? 1 : 0));
            }
            if (!db.exec(sql)) {
                m_error = db.error();
                return;
            }
            m_inserted += 20;
            // Retention: rows older than 20 days, in batches, as Hindsight's sweep deletes.
            if (round % 50 == 0) {
                for (int n = 1; n < kTenants - 1; ++n) {
                    db.exec(QStringLiteral("DELETE FROM %1.audit_log WHERE id IN (SELECT id FROM "
                                           "%1.audit_log WHERE started_at < now() - interval "
                                           "'20 days' LIMIT 50)")
                                .arg(tenant(n)));
                }
            }
            if (!m_created && elapsed > seconds / 3.0) {
                db.createAuditSchema(tenant(kTenants - 1));
                m_created = true;
            }
            if (!m_dropped && elapsed > 2 * seconds / 3.0) {
                db.exec(QStringLiteral("DROP SCHEMA %1 CASCADE").arg(tenant(0)));
                m_dropped = true;
            }
            ++round;
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
    }

    std::thread m_thread;
    std::atomic<bool> m_stop { false };
    std::atomic<bool> m_created { false };
    std::atomic<bool> m_dropped { false };
    std::atomic<qint64> m_inserted { 0 };
    QString m_error;
};

QString keyOf(const AuditEntry &entry)
{
    return entry.schema + QLatin1Char('/') + entry.id;
}

} // namespace

TEST(SoakTest, TheLiveWindowKeepsUpWithWritesRetentionAndTenantsComingAndGoing)
{
    const int seconds = qEnvironmentVariableIsSet("AUDIT_VIEWER_SOAK_SECONDS")
        ? qEnvironmentVariableIntValue("AUDIT_VIEWER_SOAK_SECONDS")
        : 60;
    TestDatabase admin;
    ASSERT_TRUE(admin.isOpen());
    admin.exec(QStringLiteral("DROP SCHEMA IF EXISTS %1 CASCADE").arg(tenant(kTenants - 1)));
    for (int n = 0; n < kTenants - 1; ++n) {
        ASSERT_TRUE(admin.createAuditSchema(tenant(n)));
        // A month of history, some of it older than the retention horizon.
        ASSERT_TRUE(admin.exec(QStringLiteral(
            "INSERT INTO %1.audit_log (action, transport, bank_id, started_at, ended_at, response) "
            "SELECT 'retain', 'http', 'bank', now() - g * interval '13 minutes', now() - g * "
            "interval '13 minutes' + interval '1 s', '{}' FROM generate_series(1, 3000) g;"
            "ANALYZE %1.audit_log;")
                                   .arg(tenant(n))));
    }

    QSettings().clear();
    AuditTableRef table;
    table.schemaPattern = QStringLiteral("soak\\_%");
    auto window = std::make_unique<MainWindow>();
    window->resize(1200, 900);
    window->show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(window.get()));
    QSignalSpy shown(window.get(), &MainWindow::pageShown);
    window->connectTo(testConnectionSettings(table));
    ASSERT_TRUE(shown.wait(15000));

    Load load;
    load.start(seconds);
    window->setAutoRefreshSeconds(5);
    const auto started = std::chrono::steady_clock::now();
    QList<qint64> resident;
    int refreshes = 0;
    while (std::chrono::steady_clock::now() - started < std::chrono::seconds(seconds)) {
        if (!shown.wait(10000)) {
            ADD_FAILURE() << "no refresh for 10 s";
            break;
        }
        ++refreshes;
        resident.append(MemoryPeak::residentBytes());
        const QList<AuditEntry> &entries = window->tableModel()->entries();
        QSet<QString> keys;
        for (qsizetype i = 0; i < entries.size(); ++i) {
            EXPECT_FALSE(keys.contains(keyOf(entries.at(i)))) << "shown twice";
            keys.insert(keyOf(entries.at(i)));
            if (i > 0) {
                EXPECT_FALSE(entries.at(i - 1).startedAt < entries.at(i).startedAt)
                    << "out of order at row " << i;
            }
        }
    }
    load.stop();
    ASSERT_TRUE(load.error().isEmpty()) << load.error().toStdString();
    ASSERT_TRUE(load.dropped());
    window->setAutoRefreshSeconds(0);

    // Every row once: the pages walked through the window against SQL.
    QStringList branches;
    for (int n = 1; n < kTenants; ++n) {
        branches.append(
            QStringLiteral("SELECT '%1' AS s, id, started_at FROM %1.audit_log").arg(tenant(n)));
    }
    const QStringList expected = admin.column(
        QStringLiteral("SELECT s || '/' || id FROM (%1) u ORDER BY started_at DESC, id DESC, s "
                       "COLLATE \"C\" DESC")
            .arg(branches.join(QLatin1String(" UNION ALL "))));
    QSignalSpy charted(window->chartPanel(), &ChartPanel::seriesShown);
    window->refresh();
    ASSERT_TRUE(shown.wait(15000));
    QStringList walked;
    for (int guard = 0; guard < 10000; ++guard) {
        for (const AuditEntry &entry : window->tableModel()->entries()) {
            walked.append(keyOf(entry));
        }
        if (walked.size() >= expected.size()) {
            break;
        }
        window->goNext();
        if (!shown.wait(15000)) {
            break;
        }
    }
    EXPECT_EQ(walked.size(), expected.size());
    EXPECT_TRUE(walked == expected) << "the walked pages differ from SQL";

    ASSERT_TRUE(charted.count() > 0 || charted.wait(15000));
    const VolumeSeries &series = window->chartPanel()->chart()->series();
    const qint64 sqlTotal
        = admin
              .scalar(QStringLiteral("SELECT count(*) FROM (%1) u WHERE "
                                     "started_at >= '%2' AND started_at < '%3'")
                          .arg(branches.join(QLatin1String(" UNION ALL ")),
                              series.range.from.toIsoUtc(), series.range.to.toIsoUtc()))
              .toLongLong();
    EXPECT_EQ(series.total(), sqlTotal);

    // Flat memory: the last third of the run holds no more than the middle third and 16 MB.
    ASSERT_GE(resident.size(), 6);
    const qint64 middle = resident.at(resident.size() / 3);
    const qint64 last = resident.last();
    const qint64 peak = *std::max_element(resident.begin(), resident.end());
    std::printf("soak: %d s, %lld rows written, %d refreshes, %lld rows walked, resident "
                "%.1f MB after a third, %.1f MB at the end, %.1f MB peak\n",
        seconds, static_cast<long long>(load.inserted()), refreshes,
        static_cast<long long>(walked.size()), middle / 1048576.0, last / 1048576.0,
        peak / 1048576.0);
    EXPECT_LT(last, middle + 16LL * 1048576);
    for (int n = 1; n < kTenants; ++n) {
        admin.exec(QStringLiteral("DROP SCHEMA IF EXISTS %1 CASCADE").arg(tenant(n)));
    }
}
