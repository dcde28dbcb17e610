#include "testdatabase.h"

#include <QFile>

#include <libpq-fe.h>

QString TestDatabase::conninfo()
{
    const QString direct = qEnvironmentVariable("AUDIT_VIEWER_TEST_CONNINFO");
    if (!direct.isEmpty()) {
        return direct;
    }
    const QString dir = qEnvironmentVariable("AUDIT_VIEWER_TEST_PGDIR");
    if (dir.isEmpty()) {
        return {};
    }
    QFile file(dir + QStringLiteral("/conninfo"));
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return QString::fromUtf8(file.readAll()).trimmed();
}

TestDatabase::TestDatabase()
{
    const QString info = conninfo();
    if (info.isEmpty()) {
        m_error = QStringLiteral(
            "no test database: set AUDIT_VIEWER_TEST_CONNINFO or AUDIT_VIEWER_TEST_PGDIR "
            "(scripts/pg-local start DIR starts one)");
        return;
    }
    m_conn = PQconnectdb(info.toUtf8().constData());
    if (PQstatus(m_conn) != CONNECTION_OK) {
        m_error = QString::fromUtf8(PQerrorMessage(m_conn));
        PQfinish(m_conn);
        m_conn = nullptr;
        return;
    }
    exec(QStringLiteral("SET client_min_messages = warning"));
}

TestDatabase::~TestDatabase()
{
    if (m_conn) {
        PQfinish(m_conn);
    }
}

bool TestDatabase::isOpen() const
{
    return m_conn != nullptr;
}

bool TestDatabase::exec(const QString &sql)
{
    if (!m_conn) {
        return false;
    }
    PGresult *result = PQexec(m_conn, sql.toUtf8().constData());
    const ExecStatusType status = PQresultStatus(result);
    const bool ok = status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
    if (!ok) {
        m_error = QString::fromUtf8(PQresultErrorMessage(result));
    }
    PQclear(result);
    return ok;
}

QStringList TestDatabase::column(const QString &sql)
{
    QStringList values;
    if (!m_conn) {
        return values;
    }
    PGresult *result = PQexec(m_conn, sql.toUtf8().constData());
    if (PQresultStatus(result) == PGRES_TUPLES_OK) {
        for (int row = 0; row < PQntuples(result); ++row) {
            values.append(QString::fromUtf8(PQgetvalue(result, row, 0)));
        }
    } else {
        m_error = QString::fromUtf8(PQresultErrorMessage(result));
    }
    PQclear(result);
    return values;
}

QString TestDatabase::scalar(const QString &sql)
{
    return column(sql).value(0);
}

QString TestDatabase::auditTableDdl(const QString &schema)
{
    return QStringLiteral(
        "CREATE TABLE \"%1\".audit_log ("
        " id UUID PRIMARY KEY DEFAULT gen_random_uuid(),"
        " action TEXT NOT NULL,"
        " transport TEXT NOT NULL,"
        " bank_id TEXT,"
        " started_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),"
        " ended_at TIMESTAMPTZ,"
        " request JSONB,"
        " response JSONB,"
        " metadata JSONB DEFAULT '{}'::jsonb);"
        "CREATE INDEX idx_audit_log_action_started ON \"%1\".audit_log (action, started_at DESC);"
        "CREATE INDEX idx_audit_log_bank_started ON \"%1\".audit_log (bank_id, started_at DESC);"
        "CREATE INDEX idx_audit_log_started ON \"%1\".audit_log (started_at DESC);")
        .arg(schema);
}

QString TestDatabase::llmTableDdl(const QString &schema)
{
    return QStringLiteral(
        "CREATE TABLE \"%1\".llm_requests ("
        " id UUID PRIMARY KEY DEFAULT gen_random_uuid(),"
        " bank_id TEXT, operation TEXT, scope TEXT,"
        " trace_id TEXT, span_id TEXT, parent_span_id TEXT,"
        " provider TEXT, model TEXT,"
        " status TEXT NOT NULL,"
        " started_at TIMESTAMPTZ NOT NULL DEFAULT NOW(), ended_at TIMESTAMPTZ, duration_ms INTEGER,"
        " input_tokens INTEGER, output_tokens INTEGER, cached_tokens INTEGER, total_tokens INTEGER,"
        " input JSONB, output JSONB, error TEXT,"
        " llm_info JSONB DEFAULT '{}'::jsonb, metadata JSONB DEFAULT '{}'::jsonb);"
        "CREATE INDEX idx_llm_requests_bank_started ON \"%1\".llm_requests (bank_id, started_at "
        "DESC);"
        "CREATE INDEX idx_llm_requests_status_started ON \"%1\".llm_requests (status, started_at "
        "DESC);"
        "CREATE INDEX idx_llm_requests_started ON \"%1\".llm_requests (started_at DESC);"
        "CREATE INDEX idx_llm_requests_trace ON \"%1\".llm_requests (bank_id, trace_id, "
        "started_at);")
        .arg(schema);
}

bool TestDatabase::createAuditSchema(const QString &schema)
{
    return exec(QStringLiteral("DROP SCHEMA IF EXISTS \"%1\" CASCADE; CREATE SCHEMA \"%1\";")
                    .arg(schema))
        && exec(auditTableDdl(schema));
}
