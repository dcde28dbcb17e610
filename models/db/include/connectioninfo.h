#pragma once

#include <QMetaType>
#include <QString>

// What is in effect on an open connection, as the server reported it at connect from inside
// one of the viewer's own transactions: verified, not assumed.
struct ConnectionInfo
{
    QString description; // "user@host:port/dbname" as libpq resolved it; never the password
    QString serverVersion; // "15.18 (Debian 15.18-0+deb12u1)"
    bool readOnly = false; // transaction_read_only inside the viewer's transactions
    qint64 statementTimeoutMs = 0; // statement_timeout there; 0: none
    QString timeZone; // TimeZone there
    // The server process that answers is not the one libpq was given at connect: a
    // connection pooler (pgbouncer) stands between.
    bool throughPooler = false;
    // What the viewer had to leave out to connect, as one sentence (empty: nothing).
    QString note;

    // "read-only · timeout 5 min · UTC", plus "· through a pooler" (the statement timeout).
    QString guarantees() const;
};

Q_DECLARE_METATYPE(ConnectionInfo)
