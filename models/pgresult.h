#pragma once

#include "queryerror.h"

#include <QByteArray>
#include <QString>

#include <memory>
#include <optional>

struct pg_conn;
struct pg_result;
struct SqlStatement;

// One result of libpq, freed when it goes out of scope. Values are the server's text
// output, read without conversion (exact numbers, JSON and microsecond timestamps).
class PgResult
{
public:
    PgResult() = default;
    explicit PgResult(pg_result *result);

    int rowCount() const;
    int columnCount() const;
    bool isNull(int row, int column) const;
    const char *rawValue(int row, int column) const;
    int rawLength(int row, int column) const;
    QString text(int row, int column) const;
    std::optional<QString> optionalText(int row, int column) const;
    qint64 integer(int row, int column) const;
    bool boolean(int row, int column) const;

private:
    struct Free
    {
        void operator()(pg_result *result) const;
    };
    std::unique_ptr<pg_result, Free> m_result;
};

// Runs statements on a libpq connection (the one inside a QPSQL QSqlDatabase).
// Parameters travel separately from the SQL (PQexecParams), each statement is planned
// for its actual values, and there is one round trip per statement.
// Thread: only the thread that owns the connection.
class PgSession
{
public:
    explicit PgSession(pg_conn *connection = nullptr)
        : m_connection(connection)
    {
    }

    pg_conn *connection() const { return m_connection; }
    bool isOpen() const;
    Result<PgResult> exec(const SqlStatement &statement) const;
    Result<PgResult> exec(const QString &sql) const;

    // One clear sentence from libpq's error text; cancellation is reported as such.
    static QueryError errorFrom(pg_conn *connection, pg_result *result);

private:
    pg_conn *m_connection = nullptr;
};
