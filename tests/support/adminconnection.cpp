#include "adminconnection.h"

#include <libpq-fe.h>

#include <vector>

AdminConnection::AdminConnection(const QString &conninfo)
{
    m_conn = PQconnectdb(conninfo.toUtf8().constData());
    if (PQstatus(m_conn) != CONNECTION_OK) {
        m_error = QString::fromUtf8(PQerrorMessage(m_conn)).trimmed();
        PQfinish(m_conn);
        m_conn = nullptr;
        return;
    }
    exec(QStringLiteral("SET client_min_messages = warning"));
}

AdminConnection::~AdminConnection()
{
    if (m_conn) {
        PQfinish(m_conn);
    }
}

bool AdminConnection::run(const QString &sql, const QStringList &params, QStringList *firstColumn)
{
    if (!m_conn) {
        if (m_error.isEmpty()) {
            m_error = QStringLiteral("not connected");
        }
        return false;
    }
    PGresult *result = nullptr;
    if (params.isEmpty()) {
        // PQexec accepts several statements; PQexecParams only one.
        result = PQexec(m_conn, sql.toUtf8().constData());
    } else {
        std::vector<QByteArray> storage;
        storage.reserve(params.size());
        std::vector<const char *> values;
        for (const QString &param : params) {
            storage.push_back(param.toUtf8());
            values.push_back(param.isNull() ? nullptr : storage.back().constData());
        }
        result = PQexecParams(m_conn, sql.toUtf8().constData(), static_cast<int>(values.size()),
            nullptr, values.data(), nullptr, nullptr, 0);
    }
    const ExecStatusType status = PQresultStatus(result);
    const bool ok = status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
    if (!ok) {
        m_error = QString::fromUtf8(result ? PQresultErrorMessage(result) : PQerrorMessage(m_conn))
                      .trimmed();
    } else if (firstColumn && status == PGRES_TUPLES_OK) {
        for (int row = 0; row < PQntuples(result); ++row) {
            firstColumn->append(
                QString::fromUtf8(PQgetvalue(result, row, 0), PQgetlength(result, row, 0)));
        }
    }
    PQclear(result);
    return ok;
}

bool AdminConnection::exec(const QString &sql, const QStringList &params)
{
    return run(sql, params, nullptr);
}

QStringList AdminConnection::column(const QString &sql, const QStringList &params)
{
    QStringList values;
    run(sql, params, &values);
    return values;
}

QString AdminConnection::scalar(const QString &sql, const QStringList &params)
{
    return column(sql, params).value(0);
}
