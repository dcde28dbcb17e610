#pragma once

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

    // Thread: the owning thread. Closes any previous connection first.
    Result<bool> open(const ConnectionSettings &settings);
    void close();
    bool isOpen() const;
    // Reopens with the same settings when the server dropped the connection.
    Result<bool> ensureOpen();

    PgSession session() const;
    // "user@host:port/dbname" as libpq resolved it; never the password.
    QString description() const;
    QString serverVersion() const;
    const ConnectionSettings &settings() const { return m_settings; }

    // Thread: any. Asks the server to cancel the statement running now, if any.
    void cancel();

private:
    QString m_name;
    QSqlDatabase m_db;
    ConnectionSettings m_settings;
    bool m_hasSettings = false;
    QMutex m_cancelMutex;
    pg_cancel *m_cancel = nullptr;
};
