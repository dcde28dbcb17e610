#include "adminconnection.h"
#include "auditexporter.h"
#include "auditrepository.h"
#include "auditworker.h"
#include "databaseconnection.h"
#include "localcluster.h"
#include "testconnection.h"
#include "testdatabase.h"
#include "workeranswers.h"

#include <QDate>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <future>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

const AuditTableRef kTable { QStringLiteral("faults"), QStringLiteral("audit_log") };
constexpr int kRows = 20000;

// A port that accepts TCP connections and never says a word: a frozen server, or a
// firewall that lets the handshake through. The kernel completes the handshake for
// the listen backlog, so the client waits for the server's first byte.
class SilentServer
{
public:
    SilentServer()
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in address {};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        if (m_fd >= 0 && ::bind(m_fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0
            && ::listen(m_fd, 16) == 0
            && ::getsockname(m_fd, reinterpret_cast<sockaddr *>(&address), &length) == 0) {
            m_port = ntohs(address.sin_port);
        }
    }
    ~SilentServer() { close(); }
    SilentServer(const SilentServer &) = delete;
    SilentServer &operator=(const SilentServer &) = delete;

    int port() const { return m_port; }
    // Resets the connections still waiting: a client that hangs on them wakes up.
    void close()
    {
        if (m_fd >= 0) {
            ::close(m_fd);
            m_fd = -1;
        }
    }

private:
    int m_fd = -1;
    int m_port = 0;
};

// One cluster of the suite's own, so restarting it disturbs no other test; 20,000 rows
// of about 2 kB of JSON each in faults.audit_log, a row every 10 seconds back from the
// moment they were written. Each test runs in a process of its own and starts from a copy
// of one prepared data directory (written afresh each day, so "now" stays recent).
class FaultTest : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        const QString rows = QStringLiteral("CREATE SCHEMA faults;")
            + TestDatabase::auditTableDdl(kTable.schema)
            + QStringLiteral(
                "INSERT INTO faults.audit_log (action, transport, bank_id, started_at, ended_at, "
                "request, response) SELECT (ARRAY['retain','recall','reflect'])[1 + g % 3], "
                "'http', 'bank-' || (g % 7), now() - g * interval '10 seconds', "
                "now() - g * interval '10 seconds' + interval '0.2 seconds', "
                "jsonb_build_object('n', g, 'text', repeat(md5(g::text), 64)), '{}' "
                "FROM generate_series(1, %1) g; ANALYZE faults.audit_log;")
                  .arg(kRows);
        QString error;
        s_cluster = std::make_unique<LocalCluster>();
        ASSERT_TRUE(s_cluster->initFromTemplate(rows + QDate::currentDate().toString(Qt::ISODate),
            [&](LocalCluster &cluster) {
                AdminConnection admin(cluster.conninfo());
                const bool written = admin.exec(rows);
                error = admin.error();
                return written;
            }))
            << s_cluster->error().toStdString() << error.toStdString();
        ASSERT_TRUE(s_cluster->start()) << s_cluster->error().toStdString();
    }

    static void TearDownTestSuite() { s_cluster.reset(); }

    void SetUp() override
    {
        ASSERT_TRUE(s_cluster && s_cluster->isRunning());
        ASSERT_TRUE(m_admin.isOpen()) << m_admin.error().toStdString();
        m_settings = connectionSettingsFor(s_cluster->conninfo(), kTable);
        m_settings.setValue(QStringLiteral("application_name"), applicationName());
    }

    // Tells this test's sessions apart in pg_stat_activity (63 bytes at most).
    static QString applicationName()
    {
        return QStringLiteral("fault-%1")
            .arg(
                QString::fromLatin1(::testing::UnitTest::GetInstance()->current_test_info()->name())
                    .left(40));
    }

    // Holds a lock that every query of the viewer must wait for, until releaseTable().
    bool lockTable()
    {
        m_locked = m_locker.exec(
            QStringLiteral("BEGIN; LOCK TABLE faults.audit_log IN ACCESS EXCLUSIVE MODE;"));
        return m_locked;
    }
    bool releaseTable()
    {
        if (!m_locked) {
            return true;
        }
        m_locked = false;
        return m_locker.exec(QStringLiteral("COMMIT"));
    }

    // The pid of this test's viewer session once it waits for the lock (not `otherThan`).
    QString waitingBackend(const QString &otherThan = QStringLiteral("0"))
    {
        QString pid;
        (void)QTest::qWaitFor(
            [&] {
                pid = m_admin.scalar(
                    QStringLiteral("SELECT pid FROM pg_stat_activity WHERE application_name = $1 "
                                   "AND wait_event_type = 'Lock' AND pid <> $2"),
                    { applicationName(), otherThan });
                return !pid.isEmpty();
            },
            10000);
        return pid;
    }

    // Declared after a std::async future, so that a failed assertion releases the lock
    // before the future's destructor waits for the blocked statement to finish.
    auto releaseTableOnExit()
    {
        return qScopeGuard([this] { releaseTable(); });
    }

    bool terminate(const QString &pid)
    {
        return m_admin.scalar(QStringLiteral("SELECT pg_terminate_backend($1::int, 5000)"), { pid })
            == QLatin1String("t");
    }

    static inline std::unique_ptr<LocalCluster> s_cluster;
    AdminConnection m_admin { s_cluster ? s_cluster->conninfo() : QString() };
    AdminConnection m_locker { s_cluster ? s_cluster->conninfo() : QString() };
    bool m_locked = false;
    ConnectionSettings m_settings;
};

enum class Load { Page, Volume, Export };

quint64 request(AuditWorker &worker, Load load, const QString &exportPath)
{
    switch (load) {
    case Load::Page:
        return worker.loadPage(AuditFilter(), 50);
    case Load::Volume:
        return worker.loadVolume(AuditFilter(), VolumePeriod::Today, QTimeZone::utc());
    case Load::Export:
        return worker.exportToFile(
            AuditFilter(), SortOrder::NewestFirst, ExportOptions(), exportPath);
    }
    return 0;
}

QStringList filesIn(const QTemporaryDir &dir)
{
    return QDir(dir.path()).entryList(QDir::Files | QDir::Hidden | QDir::System);
}

} // namespace

TEST_F(FaultTest, AfterTheServerRestartsTheNextRequestReconnectsAndSucceeds)
{
    AuditWorker worker;
    WorkerAnswers answers(worker);
    ASSERT_EQ(answers.wait(worker.connectTo(m_settings)), std::nullopt);
    ASSERT_EQ(answers.wait(worker.loadPage(AuditFilter(), 50)), std::nullopt);
    DatabaseConnection connection;
    ASSERT_TRUE(connection.open(m_settings));

    ASSERT_TRUE(s_cluster->restart()) << s_cluster->error().toStdString();

    // The worker reconnects by itself, for every kind of request.
    for (Load load : { Load::Page, Load::Volume }) {
        const auto error = answers.wait(request(worker, load, {}));
        EXPECT_EQ(error, std::nullopt) << error->message.toStdString();
    }
    ASSERT_EQ(answers.wait(worker.countExactly(AuditFilter())), std::nullopt);

    // A connection used directly (the command line) says the connection was lost, once;
    // ensureOpen() then reconnects.
    const AuditRepository repository(connection.session(), kTable);
    const auto lost = repository.page(AuditFilter(), 10);
    ASSERT_FALSE(lost);
    EXPECT_EQ(lost.error().kind, QueryError::Kind::Connection);
    EXPECT_TRUE(
        lost.error().message.startsWith(QLatin1String("The connection to the database was lost")))
        << lost.error().message.toStdString();
    EXPECT_FALSE(lost.error().message.contains(QLatin1Char('\n')));
    ASSERT_TRUE(connection.ensureOpen());
    const auto page = AuditRepository(connection.session(), kTable).page(AuditFilter(), 10);
    ASSERT_TRUE(page) << page.error().message.toStdString();
    EXPECT_EQ(page->entries.size(), 10);
}

TEST_F(FaultTest, WorkerRidesOutOneTerminatedBackendAndReportsARepeatedOneClearly)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("audit.csv"));
    AuditWorker worker;
    WorkerAnswers answers(worker);
    ASSERT_EQ(answers.wait(worker.connectTo(m_settings)), std::nullopt);
    for (Load load : { Load::Page, Load::Volume, Load::Export }) {
        SCOPED_TRACE(static_cast<int>(load));
        // Terminated once while waiting: the worker reconnects and asks again, so the
        // operator sees the answer as soon as the lock goes.
        ASSERT_TRUE(lockTable()) << m_locker.error().toStdString();
        quint64 id = request(worker, load, path);
        QString pid = waitingBackend();
        ASSERT_FALSE(pid.isEmpty()) << "the request never waited for the lock";
        ASSERT_TRUE(terminate(pid));
        ASSERT_FALSE(waitingBackend(pid).isEmpty()) << "the worker did not ask again";
        ASSERT_TRUE(releaseTable());
        auto error = answers.wait(id);
        EXPECT_EQ(error, std::nullopt) << error->message.toStdString();

        // Terminated again after reconnecting: one clear error reaches the caller.
        ASSERT_TRUE(QFile::remove(path) || load != Load::Export);
        ASSERT_TRUE(lockTable());
        id = request(worker, load, path);
        pid = waitingBackend();
        ASSERT_FALSE(pid.isEmpty());
        ASSERT_TRUE(terminate(pid));
        const QString retried = waitingBackend(pid);
        ASSERT_FALSE(retried.isEmpty());
        ASSERT_TRUE(terminate(retried));
        error = answers.wait(id);
        ASSERT_TRUE(error.has_value()) << "the request succeeded although every backend died";
        EXPECT_EQ(error->kind, QueryError::Kind::Connection);
        EXPECT_TRUE(
            error->message.startsWith(QLatin1String("The connection to the database was lost: ")))
            << error->message.toStdString();
        EXPECT_FALSE(error->message.contains(QLatin1Char('\n')));
        EXPECT_EQ(filesIn(dir), QStringList()) << "a failed export left a file";
        ASSERT_TRUE(releaseTable());

        // Retry works.
        error = answers.wait(request(worker, load, path));
        EXPECT_EQ(error, std::nullopt) << error->message.toStdString();
    }
    EXPECT_EQ(filesIn(dir), QStringList { QStringLiteral("audit.csv") });
}

TEST_F(FaultTest, RepositoryReportsATerminatedBackendAndWorksAfterReconnecting)
{
    DatabaseConnection connection;
    ASSERT_TRUE(connection.open(m_settings));
    for (Load load : { Load::Page, Load::Volume }) {
        SCOPED_TRACE(static_cast<int>(load));
        ASSERT_TRUE(lockTable());
        const AuditRepository repository(connection.session(), kTable);
        auto running = std::async(std::launch::async, [&]() -> std::optional<QueryError> {
            if (load == Load::Page) {
                auto page = repository.page(AuditFilter(), 50);
                return page ? std::nullopt : std::optional(page.error());
            }
            auto series = repository.volume(AuditFilter(), VolumePeriod::Today, QTimeZone::utc());
            return series ? std::nullopt : std::optional(series.error());
        });
        const auto release = releaseTableOnExit();
        const QString pid = waitingBackend();
        ASSERT_FALSE(pid.isEmpty());
        ASSERT_TRUE(terminate(pid));
        ASSERT_EQ(running.wait_for(std::chrono::seconds(10)), std::future_status::ready);
        const auto error = running.get();
        ASSERT_TRUE(releaseTable());
        ASSERT_TRUE(error.has_value());
        EXPECT_EQ(error->kind, QueryError::Kind::Connection);
        EXPECT_TRUE(
            error->message.startsWith(QLatin1String("The connection to the database was lost: ")))
            << error->message.toStdString();
        EXPECT_FALSE(error->message.contains(QLatin1Char('\n')));
        ASSERT_TRUE(connection.ensureOpen());
        EXPECT_TRUE(AuditRepository(connection.session(), kTable).page(AuditFilter(), 50));
    }
}

TEST_F(FaultTest, ExportWhoseBackendDiesMidStreamLeavesNoPartialFile)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("audit.csv"));
    QFile old(path);
    ASSERT_TRUE(old.open(QIODevice::WriteOnly));
    old.write("the previous export\n");
    old.close();

    DatabaseConnection connection;
    ASSERT_TRUE(connection.open(m_settings));
    const auto backend = connection.session().exec(QStringLiteral("SELECT pg_backend_pid()"));
    ASSERT_TRUE(backend);
    const QString pid = backend->text(0, 0);
    AuditExporter exporter(connection.session(), kTable);
    qint64 rowsWhenKilled = 0;
    // 40 MB of rows: at the first progress report megabytes are written (to QSaveFile's
    // temporary file) and most rows are still on the server.
    const auto written = exporter.exportToFile(
        AuditFilter(), SortOrder::NewestFirst, ExportOptions(), path, [&](qint64 rows) {
            if (rowsWhenKilled == 0) {
                rowsWhenKilled = rows;
                EXPECT_TRUE(terminate(pid));
            }
        });
    ASSERT_GT(rowsWhenKilled, 0);
    ASSERT_FALSE(written) << "the export finished although its backend was terminated";
    EXPECT_EQ(written.error().kind, QueryError::Kind::Connection);
    EXPECT_TRUE(written.error().message.startsWith(
        QLatin1String("The connection to the database was lost")))
        << written.error().message.toStdString();
    ASSERT_TRUE(old.open(QIODevice::ReadOnly));
    EXPECT_EQ(old.readAll().toStdString(), "the previous export\n");
    old.close();
    EXPECT_EQ(filesIn(dir), QStringList { QStringLiteral("audit.csv") });

    ASSERT_TRUE(connection.ensureOpen());
    const auto again
        = AuditExporter(connection.session(), kTable)
              .exportToFile(AuditFilter(), SortOrder::NewestFirst, ExportOptions(), path);
    ASSERT_TRUE(again) << again.error().message.toStdString();
    EXPECT_EQ(*again, kRows);
}

TEST_F(FaultTest, NothingListeningOnThePortFailsAtOnce)
{
    m_settings.setValue(QStringLiteral("port"), QString::number(LocalCluster::freeLoopbackPort()));
    m_settings.setValue(QStringLiteral("connect_timeout"), QStringLiteral("2"));
    DatabaseConnection connection;
    QElapsedTimer timer;
    timer.start();
    const auto opened = connection.open(m_settings);
    EXPECT_LT(timer.elapsed(), 3000);
    ASSERT_FALSE(opened);
    EXPECT_EQ(opened.error().kind, QueryError::Kind::Connection);
    EXPECT_TRUE(opened.error().message.startsWith(QLatin1String("Could not connect: ")));
    EXPECT_TRUE(opened.error().message.contains(QLatin1String("Connection refused")))
        << opened.error().message.toStdString();
    EXPECT_FALSE(opened.error().message.contains(QLatin1Char('\n')));
}

TEST_F(FaultTest, ASilentServerFailsWithinTheConnectTimeout)
{
    SilentServer silent;
    ASSERT_NE(silent.port(), 0);
    m_settings.setValue(QStringLiteral("port"), QString::number(silent.port()));
    m_settings.setValue(QStringLiteral("connect_timeout"), QStringLiteral("2"));
    // The worker (the GUI's path) and a direct connection (the command line's) at once.
    // Should either hang, closing the port ends the wait and the test fails instead.
    AuditWorker worker;
    WorkerAnswers answers(worker);
    QElapsedTimer timer;
    timer.start();
    const quint64 connecting = worker.connectTo(m_settings);
    auto direct = std::async(std::launch::async, [settings = m_settings] {
        DatabaseConnection connection;
        return connection.open(settings);
    });
    const auto error = answers.wait(connecting, 3000);
    const bool directInTime
        = direct.wait_until(std::chrono::steady_clock::now()
              + std::chrono::milliseconds(std::max<qint64>(0, 3000 - timer.elapsed())))
        == std::future_status::ready;
    const qint64 elapsed = timer.elapsed();
    silent.close();
    const auto opened = direct.get();
    ASSERT_TRUE(directInTime) << "a direct connection waited " << elapsed << " ms";
    ASSERT_FALSE(opened);
    EXPECT_EQ(opened.error().kind, QueryError::Kind::Connection);
    EXPECT_TRUE(opened.error().message.startsWith(QLatin1String("Could not connect: ")))
        << opened.error().message.toStdString();
    EXPECT_TRUE(opened.error().message.contains(QLatin1String("timeout")))
        << opened.error().message.toStdString();
    ASSERT_TRUE(error.has_value());
    EXPECT_EQ(error->kind, QueryError::Kind::Connection) << "the worker answered too late";
    EXPECT_TRUE(error->message.contains(QLatin1String("timeout"))) << error->message.toStdString();
}

TEST_F(FaultTest, ABlackholeAddressFailsWithinTheConnectTimeout)
{
    // Nothing answers at 10.255.255.1 on most networks; where a proxy or a missing route
    // answers at once instead, the bound holds all the more.
    m_settings.setValue(QStringLiteral("host"), QStringLiteral("10.255.255.1"));
    m_settings.setValue(QStringLiteral("connect_timeout"), QStringLiteral("2"));
    DatabaseConnection connection;
    QElapsedTimer timer;
    timer.start();
    const auto opened = connection.open(m_settings);
    EXPECT_LT(timer.elapsed(), 3000);
    ASSERT_FALSE(opened);
    EXPECT_EQ(opened.error().kind, QueryError::Kind::Connection);
    EXPECT_TRUE(opened.error().message.startsWith(QLatin1String("Could not connect: ")));
}

TEST_F(FaultTest, RepositoryStatementIsCancelledOnTheServerAndTheConnectionStaysUsable)
{
    DatabaseConnection connection;
    ASSERT_TRUE(connection.open(m_settings));
    const AuditRepository repository(connection.session(), kTable);
    ASSERT_TRUE(lockTable());
    auto running
        = std::async(std::launch::async, [&] { return repository.exactCount(AuditFilter()); });
    const auto release = releaseTableOnExit();
    ASSERT_FALSE(waitingBackend().isEmpty());
    connection.cancel();
    ASSERT_EQ(running.wait_for(std::chrono::seconds(5)), std::future_status::ready);
    // The statement stopped on the server while the lock still stands.
    EXPECT_EQ(lockWaiters(kTable, s_cluster->conninfo()), 0);
    const auto cancelled = running.get();
    ASSERT_TRUE(releaseTable());
    ASSERT_FALSE(cancelled);
    EXPECT_EQ(cancelled.error().kind, QueryError::Kind::Cancelled);

    const auto count = repository.exactCount(AuditFilter());
    ASSERT_TRUE(count) << count.error().message.toStdString();
    EXPECT_EQ(*count, kRows);
}

TEST_F(FaultTest, ExportIsCancelledOnTheServerLeavesNoFileAndTheConnectionStaysUsable)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("audit.jsonl"));
    ExportOptions options;
    options.format = ExportOptions::Format::JsonLines;
    DatabaseConnection connection;
    ASSERT_TRUE(connection.open(m_settings));
    AuditExporter exporter(connection.session(), kTable);
    ASSERT_TRUE(lockTable());
    auto running = std::async(std::launch::async, [&] {
        return exporter.exportToFile(AuditFilter(), SortOrder::NewestFirst, options, path);
    });
    const auto release = releaseTableOnExit();
    ASSERT_FALSE(waitingBackend().isEmpty());
    exporter.cancel();
    connection.cancel();
    ASSERT_EQ(running.wait_for(std::chrono::seconds(5)), std::future_status::ready);
    EXPECT_EQ(lockWaiters(kTable, s_cluster->conninfo()), 0);
    const auto cancelled = running.get();
    ASSERT_TRUE(releaseTable());
    ASSERT_FALSE(cancelled);
    EXPECT_EQ(cancelled.error().kind, QueryError::Kind::Cancelled);
    EXPECT_EQ(filesIn(dir), QStringList());

    const auto written = AuditExporter(connection.session(), kTable)
                             .exportToFile(AuditFilter(), SortOrder::NewestFirst, options, path);
    ASSERT_TRUE(written) << written.error().message.toStdString();
    EXPECT_EQ(*written, kRows);
}
