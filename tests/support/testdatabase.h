#pragma once

#include <QString>
#include <QStringList>

struct pg_conn;

// A writable admin connection to the test cluster that scripts/pg-local started, for
// setting up schemas and rows. The viewer's own code never writes; tests do it here.
// The cluster's conninfo comes from AUDIT_VIEWER_TEST_CONNINFO, or from the file
// AUDIT_VIEWER_TEST_PGDIR/conninfo; without either the test fails (it never skips).
class TestDatabase
{
public:
    TestDatabase();
    ~TestDatabase();
    TestDatabase(const TestDatabase &) = delete;
    TestDatabase &operator=(const TestDatabase &) = delete;

    static QString conninfo();
    bool isOpen() const;
    QString error() const { return m_error; }

    // Runs SQL (several statements allowed); returns false and records the error on failure.
    bool exec(const QString &sql);
    // First column of the first row, as text (empty on error or no row).
    QString scalar(const QString &sql);
    // Every row's first column.
    QStringList column(const QString &sql);

    // Drops and re-creates `schema` with Hindsight's audit_log table and indexes in it.
    bool createAuditSchema(const QString &schema);
    static QString auditTableDdl(const QString &schema);
    // Hindsight's llm_requests table and its four indexes in `schema` (its migration).
    static QString llmTableDdl(const QString &schema);

private:
    pg_conn *m_conn = nullptr;
    QString m_error;
};
