#pragma once

#include <QByteArray>
#include <QFileDevice>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

class QTemporaryDir;

// A PostgreSQL cluster of a test's own, for what the shared test cluster must not suffer:
// restarts, replication, TLS, a pg_hba.conf of its own. It lives in a temporary folder
// under /tmp and listens on a free port of 127.0.0.1 only; the superuser `postgres`
// connects without a password, every other role with its password (scram-sha-256),
// unless the test gives its own pg_hba.conf lines. Tuned for speed (fsync=off).
//
// The destructor stops the server at once and removes the folder, so a test that fails
// half-way leaves nothing running. As root, initdb, pg_ctl and pg_basebackup run as the
// `postgres` OS user (the server refuses root). Binaries come from PG_BINDIR (and only from
// there when it is set), `pg_config --bindir`, or the newest Debian /usr/lib/postgresql/N/bin.
// Thread: one thread.
class LocalCluster
{
public:
    LocalCluster();
    ~LocalCluster();
    LocalCluster(const LocalCluster &) = delete;
    LocalCluster &operator=(const LocalCluster &) = delete;

    // A new data directory (initdb). `settings` are postgresql.conf lines added after the
    // defaults; `hba`, when given, replaces the default pg_hba.conf lines.
    bool init(const QStringList &settings = {}, const QStringList &hba = {});
    // A streaming hot standby of a running `primary` (pg_basebackup -R, or where the server
    // programs come without it, as npm's PostgreSQL 18 does, the same through the server's
    // backup functions and a copy of the files); start() it next.
    // init() with `settings`, a first start and `prepare` on the running cluster (schemas,
    // rows), done once per `key` and server build: the prepared data directory is kept as
    // a template in the temporary folder and later clusters start from a copy of it, so a
    // suite whose tests each run in a process of their own prepares once. A new `key` (say,
    // of the rows `prepare` writes) makes a new template. start() it next.
    bool initFromTemplate(const QString &key, const std::function<bool(LocalCluster &)> &prepare,
        const QStringList &settings = {});
    bool initReplicaOf(const LocalCluster &primary, const QStringList &settings = {});
    bool start();
    bool restart(); // pg_ctl restart -m fast: every session is disconnected
    bool stop();
    bool isRunning() const { return m_running; }

    int port() const { return m_port; }
    // "host=127.0.0.1 port=N user=postgres dbname=postgres"
    QString conninfo() const;
    // The temporary folder: the server user may read what is written here.
    QString folder() const;
    QString dataDirectory() const;
    // What failed last, with the end of the server log when the server was involved.
    QString error() const { return m_error; }

    // Writes `name` into folder(), owned by the server user, with `permissions`; returns its
    // path (empty on failure). For certificates and keys the server reads.
    QString writeServerFile(
        const QString &name, const QByteArray &contents, QFileDevice::Permissions permissions);

    static QString binDirectory();
    // A TCP port of 127.0.0.1 that nothing listens on right now.
    static int freeLoopbackPort();

private:
    bool runServerProgram(const QString &program, const QStringList &arguments,
        int timeoutMs = 60000, QString *output = nullptr);
    bool handToServerUser(const QString &path);
    bool writeConfiguration();
    bool writeHba(const QStringList &lines);
    bool copyRunningDataDirectory(const LocalCluster &primary);
    bool copyDirectory(const QString &from, const QString &to);
    static void removeOldTemplates();
    void startWatchdog();
    QString logSince(qint64 offset) const;
    QString logPath() const;

    std::unique_ptr<QTemporaryDir> m_folder;
    QStringList m_settings;
    int m_port = 0;
    bool m_running = false;
    bool m_watchdogStarted = false;
    QString m_error;
};
