#pragma once

#include "audittimestamp.h"
#include "queryerror.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

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
    // A timestamptz as PostgreSQL prints it in the viewer's UTC sessions, to the microsecond;
    // nullopt for NULL (or text it could not have printed).
    std::optional<AuditTimestamp> timestamp(int row, int column) const;
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
// Parameters travel separately from the SQL (PQexecParams), and each statement is planned
// for its actual values.
//
// Every statement runs in a transaction of its own that carries the viewer's guarantees:
// read-only, the statement timeout, TimeZone UTC, ISO dates and intervals, custom plans
// and UTF-8, all set for that transaction only (set_config(..., true)). Nothing depends on
// session state, so a pooler that hands each transaction to another server connection
// (pgbouncer in transaction mode), or drops startup options, cannot lose them. The
// settings, the statement and a sync travel together in libpq's pipeline mode, one
// implicit transaction that the sync ends: one round trip, as a bare statement takes.
// Thread: only the thread that owns the connection.
class PgSession
{
public:
    explicit PgSession(pg_conn *connection = nullptr, int statementTimeoutMs = 0)
        : m_connection(connection)
        , m_statementTimeoutMs(statementTimeoutMs)
    {
    }

    pg_conn *connection() const { return m_connection; }
    int statementTimeoutMs() const { return m_statementTimeoutMs; }
    bool isOpen() const;
    // "host:port" as libpq reached the server (a socket folder for a local socket).
    QString address() const;
    Result<PgResult> exec(const SqlStatement &statement) const;
    Result<PgResult> exec(const QString &sql) const;

    // Called with each row of a streamed statement (row 0 of `row`); an error stops the
    // stream: the statement is cancelled on the server and stream() returns that error.
    using RowHandler = std::function<std::optional<QueryError>(const PgResult &row)>;
    // Runs `statement` in single-row mode inside one transaction (as exec() does), handing
    // each row to `onRow` as it arrives: flat memory for any number of rows. Returns how
    // many rows were handed over.
    Result<qint64> stream(const SqlStatement &statement, const RowHandler &onRow) const;

    // Many statements in libpq's pipeline mode, sent together in chunks and answered in order:
    // a thousand small statements cost about one round trip per chunk, not one each. Each
    // chunk is one read-only transaction with the settings exec() gives. A statement that
    // fails because its relation or schema is gone or not readable (42P01, 3F000, 42501: a
    // tenant dropped or not granted while the window is open) answers with its error and
    // the others run; any other error (a cancel, the timeout, a lost connection) fails the
    // whole call.
    Result<std::vector<Result<PgResult>>> execEach(const QList<SqlStatement> &statements) const;

    // One clear sentence from libpq's error text; cancellation is reported as such.
    static QueryError errorFrom(pg_conn *connection, pg_result *result);

private:
    Result<PgResult> run(
        const SqlStatement &statement, const RowHandler *onRow, qint64 *rowsStreamed) const;
    // Sends statements[first, end) after the settings, with one sync; fills `answers` and
    // returns where the next chunk starts (after a skippable error, the statement after it).
    Result<qsizetype> runChunk(const QList<SqlStatement> &statements, qsizetype first,
        qsizetype end, std::vector<Result<PgResult>> &answers) const;

    pg_conn *m_connection = nullptr;
    int m_statementTimeoutMs = 0;
};
