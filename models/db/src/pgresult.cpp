#include "pgresult.h"

#include "sqlstatement.h"

#include <QCoreApplication>

#include <libpq-fe.h>

#include <vector>

namespace {

constexpr char kQueryCanceled[] = "57014";
constexpr char kAdminShutdown[] = "57P01";

// Everything the viewer relies on, for this transaction only (is_local = true): read-only
// first, then the rest. $1 is the statement timeout in milliseconds (0: none).
constexpr char kSettings[] = "SELECT set_config('transaction_read_only', 'on', true),"
                             " set_config('statement_timeout', $1, true),"
                             " set_config('TimeZone', 'UTC', true),"
                             " set_config('DateStyle', 'ISO', true),"
                             " set_config('IntervalStyle', 'iso_8601', true),"
                             " set_config('plan_cache_mode', 'force_custom_plan', true),"
                             " set_config('client_encoding', 'UTF8', true)";

void cancelRunning(pg_conn *conn)
{
    if (PGcancel *cancel = PQgetCancel(conn)) {
        char message[256];
        PQcancel(cancel, message, sizeof message);
        PQfreeCancel(cancel);
    }
}

// libpq's messages span lines ("ERROR:  ...\nDETAIL: ...\nLINE 1: ..."): keep the first
// line, drop the severity prefix, end with a period.
QString firstSentence(const char *message)
{
    QString text = QString::fromUtf8(message).trimmed();
    text = text.section(QLatin1Char('\n'), 0, 0).trimmed();
    for (const char *prefix : { "ERROR:", "FATAL:", "PANIC:" }) {
        if (text.startsWith(QLatin1String(prefix))) {
            text = text.mid(qstrlen(prefix)).trimmed();
        }
    }
    if (text.isEmpty()) {
        text = QCoreApplication::translate("PgSession", "unknown error");
    }
    text[0] = text[0].toUpper();
    if (!text.endsWith(QLatin1Char('.'))) {
        text.append(QLatin1Char('.'));
    }
    return text;
}

constexpr qsizetype kPipelineChunk = 200;

bool isSkippable(const QString &sqlState)
{
    return sqlState == QLatin1String("42P01") || sqlState == QLatin1String("3F000")
        || sqlState == QLatin1String("42501");
}

// Reads what is left of a pipeline up to its sync; a broken connection ends it early.
void drainToSync(pg_conn *conn)
{
    for (int empty = 0; empty < 2 && PQstatus(conn) == CONNECTION_OK;) {
        PGresult *raw = PQgetResult(conn);
        if (!raw) {
            ++empty;
            continue;
        }
        const bool synced = PQresultStatus(raw) == PGRES_PIPELINE_SYNC;
        PQclear(raw);
        if (synced) {
            return;
        }
    }
}

// Queues one statement of a pipeline, its parameters sent apart from the SQL.
bool sendStatement(pg_conn *conn, const SqlStatement &statement)
{
    const QByteArray sql = statement.sql.toUtf8();
    std::vector<const char *> values;
    values.reserve(statement.params.size());
    for (const auto &param : statement.params) {
        values.push_back(param ? param->constData() : nullptr);
    }
    return PQsendQueryParams(conn, sql.constData(), static_cast<int>(values.size()), nullptr,
               values.data(), nullptr, nullptr, 0)
        == 1;
}

} // namespace

PgResult::PgResult(pg_result *result)
    : m_result(result)
{
}

void PgResult::Free::operator()(pg_result *result) const
{
    PQclear(result);
}

int PgResult::rowCount() const
{
    return m_result ? PQntuples(m_result.get()) : 0;
}

int PgResult::columnCount() const
{
    return m_result ? PQnfields(m_result.get()) : 0;
}

bool PgResult::isNull(int row, int column) const
{
    return PQgetisnull(m_result.get(), row, column) != 0;
}

const char *PgResult::rawValue(int row, int column) const
{
    return PQgetvalue(m_result.get(), row, column);
}

int PgResult::rawLength(int row, int column) const
{
    return PQgetlength(m_result.get(), row, column);
}

QString PgResult::text(int row, int column) const
{
    return QString::fromUtf8(rawValue(row, column), rawLength(row, column));
}

std::optional<QString> PgResult::optionalText(int row, int column) const
{
    if (isNull(row, column)) {
        return std::nullopt;
    }
    return text(row, column);
}

std::optional<AuditTimestamp> PgResult::timestamp(int row, int column) const
{
    if (isNull(row, column)) {
        return std::nullopt;
    }
    return AuditTimestamp::fromPostgresText(rawValue(row, column), rawLength(row, column));
}

qint64 PgResult::integer(int row, int column) const
{
    return QByteArray::fromRawData(rawValue(row, column), rawLength(row, column)).toLongLong();
}

bool PgResult::boolean(int row, int column) const
{
    return rawLength(row, column) > 0 && rawValue(row, column)[0] == 't';
}

bool PgSession::isOpen() const
{
    return m_connection && PQstatus(m_connection) == CONNECTION_OK;
}

QString PgSession::address() const
{
    if (!m_connection) {
        return QString();
    }
    return QString::fromUtf8(PQhost(m_connection)) + QLatin1Char(':')
        + QString::fromUtf8(PQport(m_connection));
}

Result<PgResult> PgSession::exec(const SqlStatement &statement) const
{
    return run(statement, nullptr, nullptr);
}

Result<qint64> PgSession::stream(const SqlStatement &statement, const RowHandler &onRow) const
{
    qint64 rows = 0;
    auto result = run(statement, &onRow, &rows);
    if (!result) {
        return result.error();
    }
    return rows;
}

Result<PgResult> PgSession::run(
    const SqlStatement &statement, const RowHandler *onRow, qint64 *rowsStreamed) const
{
    if (!m_connection) {
        return QueryError::connection(
            QCoreApplication::translate("PgSession", "Not connected to a database."));
    }
    pg_conn *conn = m_connection;
    const QByteArray timeout = QByteArray::number(m_statementTimeoutMs);
    const char *timeoutValue = timeout.constData();

    // The settings, the statement and a sync, sent at once and read in order. Without an
    // explicit BEGIN, everything before the sync is one transaction, committed by the sync
    // (rolled back after an error): the settings hold for the statement and end with it.
    if (PQenterPipelineMode(conn) != 1) {
        return errorFrom(conn, nullptr);
    }
    const bool sent
        = PQsendQueryParams(conn, kSettings, 1, nullptr, &timeoutValue, nullptr, nullptr, 0) == 1
        && sendStatement(conn, statement) && PQpipelineSync(conn) == 1;
    std::optional<QueryError> error;
    if (!sent) {
        error = errorFrom(conn, nullptr);
    }

    PgResult kept;
    constexpr int kStatementIndex = 1;
    constexpr int kQueryCount = 2;
    for (int query = 0; sent && query < kQueryCount && PQstatus(conn) == CONNECTION_OK; ++query) {
        const bool streaming = onRow && query == kStatementIndex && !error;
        if (streaming && PQsetSingleRowMode(conn) != 1) {
            error = errorFrom(conn, nullptr);
        }
        while (PGresult *raw = PQgetResult(conn)) {
            const ExecStatusType status = PQresultStatus(raw);
            if (status == PGRES_SINGLE_TUPLE) {
                PgResult row(raw);
                if (!error) {
                    ++*rowsStreamed;
                    error = (*onRow)(row);
                    if (error) {
                        cancelRunning(conn); // the server stops sending the rest
                    }
                }
            } else if (status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK) {
                if (query == kStatementIndex && !onRow) {
                    kept = PgResult(raw);
                } else {
                    PQclear(raw);
                }
            } else if (status == PGRES_PIPELINE_ABORTED) {
                PQclear(raw); // skipped after an earlier error, which is the one to report
            } else {
                if (!error) {
                    error = errorFrom(conn, raw);
                }
                PQclear(raw);
            }
        }
    }
    if (sent) {
        drainToSync(conn); // the sync's own result ends the pipeline
    }
    PQexitPipelineMode(conn);
    if (error) {
        return *error;
    }
    return kept;
}

Result<std::vector<Result<PgResult>>> PgSession::execEach(
    const QList<SqlStatement> &statements) const
{
    if (!m_connection) {
        return QueryError::connection(
            QCoreApplication::translate("PgSession", "Not connected to a database."));
    }
    std::vector<Result<PgResult>> answers;
    answers.reserve(statements.size());
    qsizetype next = 0;
    while (next < statements.size()) {
        auto ended = runChunk(
            statements, next, std::min(statements.size(), next + kPipelineChunk), answers);
        if (!ended) {
            return ended.error();
        }
        next = *ended;
    }
    return answers;
}

Result<qsizetype> PgSession::runChunk(const QList<SqlStatement> &statements, qsizetype first,
    qsizetype end, std::vector<Result<PgResult>> &answers) const
{
    pg_conn *conn = m_connection;
    const auto before = static_cast<qsizetype>(answers.size());
    const QByteArray timeout = QByteArray::number(m_statementTimeoutMs);
    const char *timeoutValue = timeout.constData();
    if (PQenterPipelineMode(conn) != 1) {
        return errorFrom(conn, nullptr);
    }
    bool sent
        = PQsendQueryParams(conn, kSettings, 1, nullptr, &timeoutValue, nullptr, nullptr, 0) == 1;
    for (qsizetype index = first; sent && index < end; ++index) {
        sent = sendStatement(conn, statements.at(index));
    }
    sent = sent && PQpipelineSync(conn) == 1;
    std::optional<QueryError> fatal;
    if (!sent) {
        fatal = errorFrom(conn, nullptr);
    }
    // Answers for the settings (index first - 1) and each statement, in order.
    qsizetype resume = end;
    for (qsizetype index = first - 1; sent && index < end && PQstatus(conn) == CONNECTION_OK;
         ++index) {
        std::optional<Result<PgResult>> answer;
        while (PGresult *raw = PQgetResult(conn)) {
            const ExecStatusType status = PQresultStatus(raw);
            if (status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK) {
                answer = PgResult(raw);
                continue;
            }
            if (status != PGRES_PIPELINE_ABORTED && !fatal && resume == end) {
                QueryError error = errorFrom(conn, raw);
                if (index >= first && isSkippable(error.sqlState)) {
                    answer = error;
                    resume = index + 1; // the rest of the chunk was aborted: send it again
                } else {
                    fatal = error;
                }
            }
            PQclear(raw);
        }
        if (index >= first && index < resume && answer) {
            answers.push_back(std::move(*answer));
        }
    }
    drainToSync(conn);
    PQexitPipelineMode(conn);
    if (fatal) {
        return *fatal;
    }
    if (PQstatus(conn) != CONNECTION_OK) {
        return errorFrom(conn, nullptr);
    }
    if (static_cast<qsizetype>(answers.size()) != before + (resume - first)) {
        return QueryError::query(QCoreApplication::translate(
            "PgSession", "The server answered fewer statements than were sent."));
    }
    return resume;
}

Result<PgResult> PgSession::exec(const QString &sql) const
{
    SqlStatement statement;
    statement.sql = sql;
    return exec(statement);
}

QueryError PgSession::errorFrom(pg_conn *connection, pg_result *result)
{
    const char *state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    const QString sqlState = state ? QString::fromLatin1(state) : QString();
    if (sqlState == QLatin1String(kQueryCanceled)) {
        // 57014 is also a statement_timeout; tell the two apart by the message.
        const QString message = QString::fromUtf8(PQresultErrorMessage(result));
        if (message.contains(QLatin1String("statement timeout"))) {
            return QueryError::query(
                QCoreApplication::translate("PgSession",
                    "The query took longer than the statement timeout and was stopped."),
                sqlState);
        }
        return QueryError::cancelled();
    }
    if (PQstatus(connection) != CONNECTION_OK || sqlState == QLatin1String(kAdminShutdown)) {
        const char *message = result ? PQresultErrorMessage(result) : PQerrorMessage(connection);
        return QueryError::connection(
            QCoreApplication::translate("PgSession", "The connection to the database was lost: %1")
                .arg(firstSentence(message)));
    }
    const char *message = result ? PQresultErrorMessage(result) : PQerrorMessage(connection);
    return QueryError::query(firstSentence(message), sqlState);
}
