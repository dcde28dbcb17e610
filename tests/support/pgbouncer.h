#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>

#include <memory>

class QTemporaryDir;

// A pgbouncer of a test's own in front of a PostgreSQL on 127.0.0.1, listening on a free
// port of 127.0.0.1; every database name is passed through, and the user `postgres` logs
// in without a password. As root it runs as the `postgres` OS user (pgbouncer refuses
// root). The destructor stops it. Thread: one thread.
class PgBouncer
{
public:
    enum class PoolMode { Session, Transaction };
    struct Options
    {
        PoolMode mode = PoolMode::Transaction;
        // Startup parameters accepted and dropped (pgbouncer's ignore_startup_parameters);
        // without any, pgbouncer refuses a client that sends one it does not know.
        QStringList ignoreStartupParameters;
        int poolSize = 2; // server connections per database and user
    };

    PgBouncer();
    ~PgBouncer();
    PgBouncer(const PgBouncer &) = delete;
    PgBouncer &operator=(const PgBouncer &) = delete;

    // Starts in front of 127.0.0.1:`serverPort` and waits until it accepts connections.
    bool start(int serverPort, const Options &options);
    int port() const { return m_port; }
    // "host=127.0.0.1 port=N user=postgres dbname=postgres"
    QString conninfo() const;
    // What failed, with pgbouncer's own output.
    QString error() const { return m_error; }

private:
    std::unique_ptr<QTemporaryDir> m_folder;
    QProcess m_process;
    int m_port = 0;
    QString m_error;
};
