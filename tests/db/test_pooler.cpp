#include "adminconnection.h"
#include "auditexporter.h"
#include "auditrepository.h"
#include "auditworker.h"
#include "databaseconnection.h"
#include "pgbouncer.h"
#include "testconnection.h"
#include "testdatabase.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

#include <future>
#include <map>

// The viewer behind pgbouncer: in transaction mode with its default configuration (which
// refuses the startup parameter "options"), in transaction mode told to ignore "options"
// (which then drops it silently), in session mode, and directly. On every route the key
// paths give what the direct connection gives, and read-only, the statement timeout and
// cancel hold, because they are set per transaction rather than per session.

namespace {

const AuditTableRef kTable { QStringLiteral("pooler"), QStringLiteral("audit_log") };
constexpr int kRows = 3000;

enum class Route { Direct, TransactionPooling, TransactionIgnoringOptions, SessionPooling };

QString routeName(Route route)
{
    switch (route) {
    case Route::Direct:
        return QStringLiteral("Direct");
    case Route::TransactionPooling:
        return QStringLiteral("TransactionPooling");
    case Route::TransactionIgnoringOptions:
        return QStringLiteral("TransactionIgnoringOptions");
    case Route::SessionPooling:
        return QStringLiteral("SessionPooling");
    }
    return {};
}

class PoolerTest : public ::testing::TestWithParam<Route>
{
protected:
    static void SetUpTestSuite()
    {
        TestDatabase db;
        ASSERT_TRUE(db.isOpen()) << db.error().toStdString();
        ASSERT_TRUE(db.createAuditSchema(kTable.schema)) << db.error().toStdString();
        // Rows over the last 40 days, a few still running, with documents to export; the
        // newest (a recall) starts now, so that "today" has one in any zone at any hour.
        ASSERT_TRUE(db.exec(QStringLiteral(
            "INSERT INTO pooler.audit_log (action, transport, bank_id, started_at, ended_at, "
            "request, response, metadata) SELECT (ARRAY['retain','recall','reflect'])[1 + g % 3],"
            " 'http', 'bank-' || (g % 5), now() - (g - 1) * interval '19 minutes',"
            " CASE WHEN g % 50 = 0 THEN NULL ELSE now() - (g - 1) * interval '19 minutes'"
            " + (g % 997) * interval '1.25 milliseconds' END,"
            " jsonb_build_object('n', g, 'q', 'caf\u00e9 \u2603 ' || md5(g::text)),"
            " CASE WHEN g % 7 = 0 THEN NULL ELSE jsonb_build_object('ok', g % 2 = 0) END,"
            " '{}' FROM generate_series(1, %1) g; ANALYZE pooler.audit_log;")
                                .arg(kRows)))
            << db.error().toStdString();

        const int port = testClusterPort();
        ASSERT_GT(port, 0);
        const std::map<Route, PgBouncer::Options> configurations {
            { Route::TransactionPooling, { PgBouncer::PoolMode::Transaction, {}, 2 } },
            { Route::TransactionIgnoringOptions,
                { PgBouncer::PoolMode::Transaction, { QStringLiteral("options") }, 2 } },
            { Route::SessionPooling, { PgBouncer::PoolMode::Session, {}, 8 } },
        };
        for (const auto &[route, options] : configurations) {
            auto bouncer = std::make_unique<PgBouncer>();
            ASSERT_TRUE(bouncer->start(port, options)) << bouncer->error().toStdString();
            s_bouncers[route] = std::move(bouncer);
        }
    }

    static void TearDownTestSuite()
    {
        s_bouncers.clear();
        TestDatabase db;
        db.exec(QStringLiteral("DROP SCHEMA IF EXISTS pooler CASCADE"));
    }

    static QString conninfo(Route route)
    {
        return route == Route::Direct ? TestDatabase::conninfo() : s_bouncers.at(route)->conninfo();
    }

    static ConnectionSettings settingsFor(Route route, const QString &extra = {})
    {
        return connectionSettingsFor(conninfo(route) + QLatin1Char(' ') + extra, kTable);
    }

    void SetUp() override
    {
        m_settings = settingsFor(GetParam());
        ASSERT_TRUE(m_routed.open(m_settings)) << "route " << routeName(GetParam()).toStdString();
        ASSERT_TRUE(m_direct.open(settingsFor(Route::Direct)));
    }

    static inline std::map<Route, std::unique_ptr<PgBouncer>> s_bouncers;
    ConnectionSettings m_settings;
    DatabaseConnection m_routed;
    DatabaseConnection m_direct;
};

QStringList idsOf(const AuditPage &page)
{
    QStringList ids;
    for (const AuditEntry &entry : page.entries) {
        ids.append(entry.id + QLatin1Char(' ') + entry.startedAt.toIsoUtc());
    }
    return ids;
}

QByteArray exported(const DatabaseConnection &connection, ExportOptions::Format format)
{
    ExportOptions options;
    options.format = format;
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    auto written = AuditExporter(connection.session(), kTable)
                       .exportTo(AuditFilter(), SortOrder::NewestFirst, options, buffer);
    EXPECT_TRUE(written) << written.error().message.toStdString();
    EXPECT_EQ(written.value_or(-1), kRows);
    return buffer.data();
}

} // namespace

TEST_P(PoolerTest, TheServerConfirmsReadOnlyTheTimeoutAndUtcAndWhetherAPoolerIsBetween)
{
    const ConnectionInfo &info = m_routed.info();
    EXPECT_TRUE(info.readOnly);
    EXPECT_EQ(info.statementTimeoutMs, m_settings.statementTimeoutMs());
    EXPECT_EQ(info.timeZone, QStringLiteral("UTC"));
    EXPECT_EQ(info.throughPooler, GetParam() != Route::Direct);
    EXPECT_TRUE(info.note.isEmpty()) << info.note.toStdString();
    EXPECT_TRUE(info.guarantees().startsWith(QStringLiteral("read-only · timeout 5 min")))
        << info.guarantees().toStdString();

    // Each statement's own transaction, asked from inside.
    const auto inside = m_routed.session().exec(
        QStringLiteral("SELECT current_setting('transaction_read_only'),"
                       " current_setting('statement_timeout'), current_setting('TimeZone'),"
                       " current_setting('IntervalStyle'), current_setting('plan_cache_mode')"));
    ASSERT_TRUE(inside) << inside.error().message.toStdString();
    EXPECT_EQ(inside->text(0, 0), QStringLiteral("on"));
    EXPECT_EQ(inside->text(0, 1), QStringLiteral("5min"));
    EXPECT_EQ(inside->text(0, 2), QStringLiteral("UTC"));
    EXPECT_EQ(inside->text(0, 3), QStringLiteral("iso_8601"));
    EXPECT_EQ(inside->text(0, 4), QStringLiteral("force_custom_plan"));
}

TEST_P(PoolerTest, PagesCountsChartLatencyAndEntryEqualTheDirectConnection)
{
    const AuditRepository routed(m_routed.session(), kTable);
    const AuditRepository direct(m_direct.session(), kTable);
    AuditFilter filter;
    filter.actions = { QStringLiteral("retain"), QStringLiteral("recall") };

    auto first = routed.page(filter, 100);
    auto expectedFirst = direct.page(filter, 100);
    ASSERT_TRUE(first && expectedFirst);
    ASSERT_EQ(first->entries.size(), 100);
    EXPECT_EQ(idsOf(*first), idsOf(*expectedFirst));
    const PageCursor after { first->entries.last().startedAt, first->entries.last().id };
    auto next = routed.page(filter, 100, after);
    auto expectedNext = direct.page(filter, 100, after);
    ASSERT_TRUE(next && expectedNext);
    EXPECT_EQ(idsOf(*next), idsOf(*expectedNext));
    EXPECT_NE(idsOf(*next), idsOf(*first));

    EXPECT_EQ(routed.exactCount(filter).value_or(-1), direct.exactCount(filter).value_or(-2));
    EXPECT_EQ(routed.exactCount(filter).value_or(-1), 2000);
    EXPECT_EQ(
        routed.estimatedCount(filter).value_or(-1), direct.estimatedCount(filter).value_or(-2));

    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const VolumePeriod period :
        { VolumePeriod::Today, VolumePeriod::SevenDays, VolumePeriod::ThirtyDays }) {
        auto series = routed.volume(filter, period, QTimeZone("Europe/Berlin"), now);
        auto expected = direct.volume(filter, period, QTimeZone("Europe/Berlin"), now);
        ASSERT_TRUE(series && expected);
        ASSERT_EQ(series->buckets.size(), expected->buckets.size());
        for (qsizetype i = 0; i < series->buckets.size(); ++i) {
            EXPECT_EQ(series->buckets[i].start, expected->buckets[i].start);
            EXPECT_EQ(series->buckets[i].actions, expected->buckets[i].actions);
        }
        EXPECT_GT(series->total(), 0);
    }

    auto latency = routed.latencySummary(filter);
    auto expectedLatency = direct.latencySummary(filter);
    ASSERT_TRUE(latency && expectedLatency);
    EXPECT_EQ(*latency, *expectedLatency);
    EXPECT_GT(latency->total.calls, 0);

    const QString id = first->entries.at(3).id;
    auto entry = routed.entry(id);
    auto expectedEntry = direct.entry(id);
    ASSERT_TRUE(entry && expectedEntry);
    EXPECT_EQ(entry->request, expectedEntry->request);
    EXPECT_EQ(entry->response, expectedEntry->response);
    EXPECT_EQ(entry->entry.startedAt, expectedEntry->entry.startedAt);
    EXPECT_TRUE(entry->request->contains(QStringLiteral("caf\u00e9 \u2603")));
}

TEST_P(PoolerTest, ExportsAreByteForByteTheDirectConnections)
{
    for (const auto format : { ExportOptions::Format::Csv, ExportOptions::Format::JsonLines }) {
        const QByteArray routed = exported(m_routed, format);
        EXPECT_EQ(routed, exported(m_direct, format));
        EXPECT_GT(routed.count('\n'), kRows - 1);
    }
}

TEST_P(PoolerTest, AWriteIsRefusedEvenWhenTheSessionWasToldOtherwise)
{
    // The user's own options ask for a writable session; the server (or the pooler) may
    // accept them, but the viewer's transaction stays read-only.
    DatabaseConnection connection;
    ASSERT_TRUE(connection.open(
        settingsFor(GetParam(), QStringLiteral("options='-c default_transaction_read_only=off'"))));
    // pgbouncer's default configuration refuses "options": the viewer connects without
    // them and says so; told to ignore them, pgbouncer drops them without a word.
    const bool refused
        = GetParam() == Route::TransactionPooling || GetParam() == Route::SessionPooling;
    EXPECT_EQ(!connection.info().note.isEmpty(), refused) << connection.info().note.toStdString();
    const auto created
        = connection.session().exec(QStringLiteral("CREATE TABLE pooler.written (x int)"));
    ASSERT_FALSE(created);
    EXPECT_EQ(created.error().sqlState, QStringLiteral("25006")) // read_only_sql_transaction
        << created.error().message.toStdString();
    TestDatabase db;
    EXPECT_EQ(db.scalar(QStringLiteral("SELECT to_regclass('pooler.written') IS NULL")),
        QStringLiteral("t"));
    // The connection goes on working after the refusal.
    EXPECT_TRUE(AuditRepository(connection.session(), kTable).exactCount(AuditFilter()));
}

TEST_P(PoolerTest, ASlowStatementIsCutByTheTimeoutAndTheConnectionGoesOn)
{
    ConnectionSettings settings = m_settings;
    settings.setStatementTimeoutMs(200);
    DatabaseConnection connection;
    ASSERT_TRUE(connection.open(settings));
    EXPECT_EQ(connection.info().statementTimeoutMs, 200);
    QElapsedTimer timer;
    timer.start();
    const auto slow = connection.session().exec(QStringLiteral("SELECT pg_sleep(5)"));
    const qint64 elapsed = timer.elapsed();
    ASSERT_FALSE(slow);
    EXPECT_EQ(slow.error().sqlState, QStringLiteral("57014"));
    EXPECT_TRUE(slow.error().message.contains(QStringLiteral("statement timeout")))
        << slow.error().message.toStdString();
    EXPECT_LT(elapsed, 3000);
    EXPECT_EQ(AuditRepository(connection.session(), kTable).exactCount(AuditFilter()).value_or(-1),
        kRows);
}

TEST_P(PoolerTest, AStatementIsCancelledOnTheServerAndTheConnectionGoesOn)
{
    // A lock held from the side makes the viewer's count wait until it is cancelled.
    AdminConnection locker(TestDatabase::conninfo());
    ASSERT_TRUE(locker.exec(
        QStringLiteral("BEGIN; LOCK TABLE pooler.audit_log IN ACCESS EXCLUSIVE MODE;")));
    auto unlock = qScopeGuard([&] { locker.exec(QStringLiteral("ROLLBACK")); });
    const AuditRepository repository(m_routed.session(), kTable);
    auto running
        = std::async(std::launch::async, [&] { return repository.exactCount(AuditFilter()); });
    ASSERT_TRUE(waitForLockWaiters(kTable, 1, 5000));
    m_routed.cancel();
    ASSERT_EQ(running.wait_for(std::chrono::seconds(5)), std::future_status::ready);
    // The statement stopped on the server (behind the pooler) while the lock still stands.
    EXPECT_EQ(lockWaiters(kTable), 0);
    const auto cancelled = running.get();
    unlock.dismiss();
    ASSERT_TRUE(locker.exec(QStringLiteral("ROLLBACK")));
    ASSERT_FALSE(cancelled);
    EXPECT_EQ(cancelled.error().kind, QueryError::Kind::Cancelled);
    EXPECT_EQ(repository.exactCount(AuditFilter()).value_or(-1), kRows);
}

TEST_P(PoolerTest, TheWorkerConnectsAndAnswersAsDirectly)
{
    AuditWorker worker;
    QSignalSpy connected(&worker, &AuditWorker::connected);
    QSignalSpy pages(&worker, &AuditWorker::pageLoaded);
    QSignalSpy failed(&worker, &AuditWorker::queryFailed);
    worker.connectTo(m_settings);
    ASSERT_TRUE(connected.wait(10000) || !connected.isEmpty()) << failed.size();
    const auto info = connected.first().at(1).value<ConnectionInfo>();
    EXPECT_EQ(info.throughPooler, GetParam() != Route::Direct);
    EXPECT_TRUE(info.readOnly);
    worker.loadPage(AuditFilter(), 50);
    ASSERT_TRUE(pages.wait(10000) || !pages.isEmpty());
    const auto page = pages.first().at(1).value<AuditPage>();
    auto expected = AuditRepository(m_direct.session(), kTable).page(AuditFilter(), 50);
    ASSERT_TRUE(expected);
    EXPECT_EQ(idsOf(page), idsOf(*expected));
}

INSTANTIATE_TEST_SUITE_P(Routes, PoolerTest,
    ::testing::Values(Route::Direct, Route::TransactionPooling, Route::TransactionIgnoringOptions,
        Route::SessionPooling),
    [](const ::testing::TestParamInfo<Route> &info) {
        return routeName(info.param).toStdString();
    });

// Another client of the same pooler leaves session settings behind on the one server
// connection both share (transaction pooling runs no reset between clients). The viewer's
// transactions do not inherit them.
TEST(PoolerPollution, SessionSettingsLeftByAnotherClientDoNotReachTheViewer)
{
    PgBouncer bouncer;
    ASSERT_TRUE(bouncer.start(testClusterPort(), { PgBouncer::PoolMode::Transaction, {}, 1 }))
        << bouncer.error().toStdString();
    AdminConnection other(bouncer.conninfo());
    ASSERT_TRUE(other.isOpen()) << other.error().toStdString();
    ASSERT_TRUE(other.exec(QStringLiteral(
        "SET default_transaction_read_only = off; SET statement_timeout = 0;"
        " SET IntervalStyle = sql_standard; SET plan_cache_mode = force_generic_plan;"
        " SET DateStyle = 'SQL, DMY'")));
    EXPECT_EQ(other.scalar(QStringLiteral("SHOW IntervalStyle")), QStringLiteral("sql_standard"));

    ConnectionSettings settings = connectionSettingsFor(bouncer.conninfo());
    settings.setStatementTimeoutMs(250);
    DatabaseConnection connection;
    ASSERT_TRUE(connection.open(settings)) << "the server did not confirm the guarantees";
    EXPECT_TRUE(connection.info().readOnly);
    EXPECT_EQ(connection.info().statementTimeoutMs, 250);
    const auto inside = connection.session().exec(
        QStringLiteral("SELECT current_setting('IntervalStyle'), current_setting('DateStyle'),"
                       " current_setting('plan_cache_mode'), now()::text LIKE '____-__-__ %'"));
    ASSERT_TRUE(inside) << inside.error().message.toStdString();
    EXPECT_EQ(inside->text(0, 0), QStringLiteral("iso_8601"));
    EXPECT_TRUE(inside->text(0, 1).startsWith(QStringLiteral("ISO")));
    EXPECT_EQ(inside->text(0, 2), QStringLiteral("force_custom_plan"));
    EXPECT_EQ(inside->text(0, 3), QStringLiteral("t"));
    const auto slow = connection.session().exec(QStringLiteral("SELECT pg_sleep(5)"));
    ASSERT_FALSE(slow);
    EXPECT_EQ(slow.error().sqlState, QStringLiteral("57014"));
    // And the other client still has its own settings: the viewer changed nothing for it.
    EXPECT_EQ(other.scalar(QStringLiteral("SHOW IntervalStyle")), QStringLiteral("sql_standard"));
}
