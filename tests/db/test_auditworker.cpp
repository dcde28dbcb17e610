#include "auditworker.h"
#include "latestrequest.h"
#include "testconnection.h"

#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

namespace {

class AuditWorkerTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_NO_FATAL_FAILURE(createSeededAuditSchema(QStringLiteral("worker"),
            QStringLiteral("INSERT INTO worker.audit_log (action, transport, started_at) "
                           "SELECT 'retain', 'http', now() - g * interval '1 minute' FROM "
                           "generate_series(1, 120) g")));
        m_settings = testConnectionSettings(table());
        m_settings.setValue(
            QStringLiteral("application_name"), QStringLiteral("audit-viewer-worker-test"));
    }

    static AuditTableRef table()
    {
        return AuditTableRef { QStringLiteral("worker"), QStringLiteral("audit_log") };
    }

    bool connectWorker(AuditWorker &worker)
    {
        QSignalSpy connected(&worker, &AuditWorker::connected);
        worker.connectTo(m_settings);
        return connected.wait(10000);
    }

    // A page request that `latest` tracks from now on.
    static quint64 startPage(AuditWorker &worker, LatestRequest &latest, int limit)
    {
        const quint64 id = worker.loadPage(AuditFilter(), limit);
        latest.start(id);
        return id;
    }

    TestDatabase m_admin;
    ConnectionSettings m_settings;
};

} // namespace

TEST_F(AuditWorkerTest, AnswersAPageWithTheRequestNumber)
{
    AuditWorker worker;
    ASSERT_TRUE(connectWorker(worker));
    QSignalSpy pages(&worker, &AuditWorker::pageLoaded);
    const quint64 id = worker.loadPage(AuditFilter(), 50);
    ASSERT_TRUE(pages.wait(10000));
    EXPECT_EQ(pages.at(0).at(0).toULongLong(), id);
    const auto page = pages.at(0).at(1).value<AuditPage>();
    EXPECT_EQ(page.entries.size(), 50);
    EXPECT_TRUE(page.hasMore);
}

TEST_F(AuditWorkerTest, ReportsAMissingTableWhenConnecting)
{
    AuditWorker worker;
    m_settings.setTable(AuditTableRef { QStringLiteral("worker"), QStringLiteral("nope") });
    QSignalSpy failed(&worker, &AuditWorker::queryFailed);
    worker.connectTo(m_settings);
    ASSERT_TRUE(failed.wait(10000));
    const auto error = failed.at(0).at(1).value<QueryError>();
    EXPECT_EQ(error.kind, QueryError::Kind::Schema);
}

TEST_F(AuditWorkerTest, CancelStopsARunningQueryOnTheServerAndTheConnectionStaysUsable)
{
    AuditWorker worker;
    ASSERT_TRUE(connectWorker(worker));
    // Another session holds a lock the page query must wait for: a query that runs until cancelled.
    TestDatabase locker;
    ASSERT_TRUE(locker.exec(
        QStringLiteral("BEGIN; LOCK TABLE worker.audit_log IN ACCESS EXCLUSIVE MODE;")));
    QSignalSpy failed(&worker, &AuditWorker::queryFailed);
    QSignalSpy pages(&worker, &AuditWorker::pageLoaded);
    const quint64 blocked = worker.loadPage(AuditFilter(), 50);
    ASSERT_TRUE(waitForLockWaiters(table())) << "the page query never started waiting";
    worker.cancel(blocked);
    ASSERT_TRUE(failed.wait(5000));
    EXPECT_EQ(failed.at(0).at(0).toULongLong(), blocked);
    EXPECT_EQ(failed.at(0).at(1).value<QueryError>().kind, QueryError::Kind::Cancelled);
    // The statement stopped on the server while the lock still stands (how fast the cancel
    // answers is for the benchmarks to say).
    EXPECT_EQ(lockWaiters(table()), 0);
    ASSERT_TRUE(locker.exec(QStringLiteral("COMMIT")));

    worker.loadPage(AuditFilter(), 10);
    ASSERT_TRUE(pages.wait(10000));
    EXPECT_EQ(pages.at(0).at(1).value<AuditPage>().entries.size(), 10);
}

TEST_F(AuditWorkerTest, CancelledQueuedRequestNeverRuns)
{
    AuditWorker worker;
    ASSERT_TRUE(connectWorker(worker));
    QSignalSpy failed(&worker, &AuditWorker::queryFailed);
    QSignalSpy pages(&worker, &AuditWorker::pageLoaded);
    TestDatabase locker;
    ASSERT_TRUE(locker.exec(
        QStringLiteral("BEGIN; LOCK TABLE worker.audit_log IN ACCESS EXCLUSIVE MODE;")));
    const quint64 first = worker.loadPage(AuditFilter(), 5);
    const quint64 second = worker.loadPage(AuditFilter(), 6);
    worker.cancel(second);
    ASSERT_TRUE(locker.exec(QStringLiteral("COMMIT")));
    ASSERT_TRUE(pages.wait(10000));
    if (failed.isEmpty()) {
        ASSERT_TRUE(failed.wait(10000));
    }
    ASSERT_EQ(failed.size(), 1);
    EXPECT_EQ(pages.at(0).at(0).toULongLong(), first);
    EXPECT_EQ(failed.at(0).at(0).toULongLong(), second);
    EXPECT_EQ(pages.size(), 1);
}

TEST_F(AuditWorkerTest, ReconnectsAfterTheBackendIsTerminated)
{
    AuditWorker worker;
    ASSERT_TRUE(connectWorker(worker));
    ASSERT_EQ(m_admin.scalar(
                  QStringLiteral("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                                 "WHERE application_name = 'audit-viewer-worker-test'")),
        QStringLiteral("1"));
    QSignalSpy pages(&worker, &AuditWorker::pageLoaded);
    worker.loadPage(AuditFilter(), 7);
    ASSERT_TRUE(pages.wait(10000));
    EXPECT_EQ(pages.at(0).at(1).value<AuditPage>().entries.size(), 7);
}

TEST_F(AuditWorkerTest, AnswersTheLatencySummaryWithTheRequestNumber)
{
    ASSERT_TRUE(m_admin.exec(QStringLiteral(
        "INSERT INTO worker.audit_log (action, transport, started_at, ended_at) VALUES "
        "('recall', 'http', '2026-03-27 10:00:00+00', '2026-03-27 10:00:02+00'),"
        "('recall', 'http', '2026-03-27 10:00:00+00', '2026-03-27 10:00:04+00')")));
    AuditWorker worker;
    ASSERT_TRUE(connectWorker(worker));
    QSignalSpy loaded(&worker, &AuditWorker::latencyLoaded);
    const quint64 id = worker.loadLatency(AuditFilter());
    ASSERT_TRUE(loaded.wait(10000));
    EXPECT_EQ(loaded.at(0).at(0).toULongLong(), id);
    const auto summary = loaded.at(0).at(1).value<LatencySummary>();
    ASSERT_EQ(summary.actions.size(), 1); // the 120 calls still in flight have no duration
    EXPECT_EQ(summary.total.calls, 2);
    EXPECT_EQ(summary.total.p50Micros, 3'000'000);
    EXPECT_EQ(summary.total.maxMicros, 4'000'000);
}

TEST_F(AuditWorkerTest, CancelStopsARunningLatencySummary)
{
    AuditWorker worker;
    ASSERT_TRUE(connectWorker(worker));
    TestDatabase locker;
    ASSERT_TRUE(locker.exec(
        QStringLiteral("BEGIN; LOCK TABLE worker.audit_log IN ACCESS EXCLUSIVE MODE;")));
    QSignalSpy failed(&worker, &AuditWorker::queryFailed);
    const quint64 blocked = worker.loadLatency(AuditFilter());
    ASSERT_TRUE(waitForLockWaiters(table())) << "the summary never started waiting";
    worker.cancel(blocked);
    ASSERT_TRUE(failed.wait(5000));
    EXPECT_EQ(failed.at(0).at(0).toULongLong(), blocked);
    EXPECT_EQ(failed.at(0).at(1).value<QueryError>().kind, QueryError::Kind::Cancelled);
    EXPECT_EQ(lockWaiters(table()), 0);
    ASSERT_TRUE(locker.exec(QStringLiteral("COMMIT")));
}

TEST_F(AuditWorkerTest, LatestRequestDropsTheAnswerToARequestItReplaced)
{
    AuditWorker worker;
    ASSERT_TRUE(connectWorker(worker));
    LatestRequest latest(&worker, LatestRequest::Superseded::Finish);
    QSignalSpy pages(&worker, &AuditWorker::pageLoaded);
    const quint64 first = startPage(worker, latest, 5);
    const quint64 second = startPage(worker, latest, 6);
    ASSERT_TRUE(QTest::qWaitFor([&] { return pages.size() == 2; }, 10000));
    // Left to finish, the replaced request answered too, but its answer is not the current one.
    EXPECT_EQ(pages.at(0).at(0).toULongLong(), first);
    EXPECT_TRUE(latest.isPending());
    EXPECT_FALSE(latest.take(first));
    EXPECT_TRUE(latest.take(second));
    EXPECT_FALSE(latest.isPending());
    EXPECT_FALSE(latest.take(second)) << "an answer counts once";
}

namespace {

// A connected worker, a LatestRequest that cancels what it replaces, and a lock on the audit
// table that the worker's statements wait for until the test commits it.
class LatestRequestTest : public AuditWorkerTest
{
protected:
    void SetUp() override
    {
        AuditWorkerTest::SetUp();
        if (HasFatalFailure()) {
            return;
        }
        ASSERT_TRUE(connectWorker(m_worker));
        ASSERT_TRUE(m_locker.exec(
            QStringLiteral("BEGIN; LOCK TABLE worker.audit_log IN ACCESS EXCLUSIVE MODE;")));
    }

    AuditWorker m_worker;
    LatestRequest m_latest { &m_worker };
    TestDatabase m_locker;
    QSignalSpy m_failed { &m_worker, &AuditWorker::queryFailed };
};

} // namespace

TEST_F(LatestRequestTest, CancelsTheRunningRequestItReplaces)
{
    QSignalSpy pages(&m_worker, &AuditWorker::pageLoaded);
    const quint64 blocked = startPage(m_worker, m_latest, 5);
    ASSERT_TRUE(waitForLockWaiters(table())) << "the page query never started waiting";
    const quint64 queued = startPage(m_worker, m_latest, 6);
    const quint64 newest = startPage(m_worker, m_latest, 7);
    // The lock is still held: only a cancel on the server ends the blocked statement.
    ASSERT_TRUE(QTest::qWaitFor([&] { return m_failed.size() == 2; }, 5000));
    EXPECT_EQ(m_failed.at(0).at(0).toULongLong(), blocked);
    EXPECT_EQ(m_failed.at(0).at(1).value<QueryError>().kind, QueryError::Kind::Cancelled);
    EXPECT_EQ(m_failed.at(1).at(0).toULongLong(), queued) << "a replaced queued request never runs";
    EXPECT_EQ(m_failed.at(1).at(1).value<QueryError>().kind, QueryError::Kind::Cancelled);
    EXPECT_FALSE(m_latest.take(blocked));
    EXPECT_FALSE(m_latest.take(queued));
    ASSERT_TRUE(m_locker.exec(QStringLiteral("COMMIT")));
    ASSERT_TRUE(pages.wait(10000));
    EXPECT_EQ(pages.size(), 1);
    EXPECT_EQ(pages.at(0).at(0).toULongLong(), newest);
    EXPECT_TRUE(m_latest.take(newest));
}

TEST_F(LatestRequestTest, CancelKeepsItsAnswerAndAbandonDropsIt)
{
    const quint64 cancelled = m_worker.loadLatency(AuditFilter());
    m_latest.start(cancelled);
    ASSERT_TRUE(waitForLockWaiters(table()));
    m_latest.cancel();
    ASSERT_TRUE(m_failed.wait(5000));
    EXPECT_EQ(m_failed.at(0).at(0).toULongLong(), cancelled);
    EXPECT_EQ(m_failed.at(0).at(1).value<QueryError>().kind, QueryError::Kind::Cancelled);
    EXPECT_TRUE(m_latest.take(cancelled)) << "the caller hears of its cancel";

    const quint64 abandoned = m_worker.loadLatency(AuditFilter());
    m_latest.start(abandoned);
    ASSERT_TRUE(waitForLockWaiters(table()));
    m_latest.abandon();
    EXPECT_FALSE(m_latest.isPending());
    ASSERT_TRUE(m_failed.wait(5000));
    EXPECT_EQ(m_failed.at(1).at(0).toULongLong(), abandoned);
    EXPECT_EQ(m_failed.at(1).at(1).value<QueryError>().kind, QueryError::Kind::Cancelled);
    EXPECT_FALSE(m_latest.take(abandoned));
}
