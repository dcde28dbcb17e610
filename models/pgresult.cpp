#include "pgresult.h"

#include "auditquery.h"

#include <QCoreApplication>

#include <libpq-fe.h>

#include <vector>

namespace {

constexpr char kQueryCanceled[] = "57014";
constexpr char kAdminShutdown[] = "57P01";

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

Result<PgResult> PgSession::exec(const SqlStatement &statement) const
{
    if (!m_connection) {
        return QueryError::connection(
            QCoreApplication::translate("PgSession", "Not connected to a database."));
    }
    const QByteArray sql = statement.sql.toUtf8();
    std::vector<const char *> values;
    values.reserve(statement.params.size());
    for (const auto &param : statement.params) {
        values.push_back(param ? param->constData() : nullptr);
    }
    pg_result *raw = PQexecParams(m_connection, sql.constData(), static_cast<int>(values.size()),
        nullptr, values.data(), nullptr, nullptr, 0);
    const ExecStatusType status = raw ? PQresultStatus(raw) : PGRES_FATAL_ERROR;
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
        QueryError error = errorFrom(m_connection, raw);
        PQclear(raw);
        return error;
    }
    return PgResult(raw);
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
