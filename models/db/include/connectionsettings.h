#pragma once

#include "auditfilter.h"
#include "queryerror.h"

#include <QList>
#include <QMetaType>
#include <QPair>
#include <QString>

// Where and how to connect, as psql understands it: a postgresql:// URI or key=value
// conninfo, parsed by libpq itself. Keys left out fall back to libpq's defaults
// (PG* variables, ~/.pgpass, the service file), exactly as in psql.
class ConnectionSettings
{
public:
    // Parses a conninfo string; an empty string means "all libpq defaults".
    static Result<ConnectionSettings> parse(const QString &conninfo);

    QString value(const QString &key) const;
    void setValue(const QString &key, const QString &value); // an empty value removes the key
    QString password() const { return m_password; }
    void setPassword(const QString &password) { m_password = password; }

    AuditTableRef table() const { return m_table; }
    void setTable(const AuditTableRef &table) { m_table = table; }

    // statement_timeout for each statement, in milliseconds; 0 means none.
    int statementTimeoutMs() const { return m_statementTimeoutMs; }
    void setStatementTimeoutMs(int ms) { m_statementTimeoutMs = ms; }

    // The conninfo in key=value form without the password: safe to remember or show.
    QString toConninfoWithoutPassword() const;
    // The startup options the user gave: the conninfo's `options`, else PGOPTIONS.
    QString userOptions() const;
    enum class StartupOptions { Send, Omit };
    // The libpq options QPSQL passes through (setConnectOptions): the user's keys, a
    // connect timeout, the application name and UTF-8. No session setting of the viewer's
    // own: those are set per transaction (PgSession). With StartupOptions::Omit the
    // user's `options` are left out (for a pooler that refuses them). Empty with `error`
    // set if a value cannot pass.
    QString driverOptions(QString *error, StartupOptions startup = StartupOptions::Send) const;

private:
    QList<QPair<QString, QString>> m_values; // libpq keywords except password, in given order
    QString m_password;
    AuditTableRef m_table;
    int m_statementTimeoutMs = 5 * 60 * 1000;
};

Q_DECLARE_METATYPE(ConnectionSettings)
