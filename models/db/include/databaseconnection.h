#pragma once

#include "connectioninfo.h"
#include "connectionsettings.h"
#include "pgresult.h"
#include "queryerror.h"

#include <QMutex>
#include <QSqlDatabase>
#include <QString>

struct pg_cancel;

// One open QPSQL connection, owned by the thread that opened it (Qt's rule for
// QSqlDatabase), with a cancel handle any thread may use.
class DatabaseConnection
{
public:
    DatabaseConnection();
    ~DatabaseConnection();
    DatabaseConnection(const DatabaseConnection &) = delete;
    DatabaseConnection &operator=(const DatabaseConnection &) = delete;

    // Thread: the owning thread. Closes any previous connection first. When a pooler
    // refuses the user's startup `options`, connects again without them and says so in
    // info().note. Then asks the server, inside one of the viewer's transactions, what is
    // in effect (info()), and fails unless it is read-only with the asked timeout.
    Result<bool> open(const ConnectionSettings &settings);
    void close();
    bool isOpen() const;
    // Reopens with the same settings when the server dropped the connection.
    Result<bool> ensureOpen();

    // Statements on this connection, each in its own read-only transaction with the
    // settings' statement timeout.
    PgSession session() const;
    // What the server confirmed at the last successful open().
    const ConnectionInfo &info() const { return m_info; }
    // "user@host:port/dbname" as libpq resolved it; never the password.
    QString description() const;
    const ConnectionSettings &settings() const { return m_settings; }

    // Thread: any. Asks the server to cancel the statement running now, if any.
    void cancel();

private:
    Result<bool> openDriver(const QString &options, const QString &password);
    Result<ConnectionInfo> verify() const;

    QString m_name;
    QSqlDatabase m_db;
    ConnectionSettings m_settings;
    bool m_hasSettings = false;
    ConnectionInfo m_info;
    QMutex m_cancelMutex;
    pg_cancel *m_cancel = nullptr;
};
