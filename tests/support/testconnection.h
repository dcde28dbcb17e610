#pragma once

#include "auditfilter.h"
#include "auditrepository.h"
#include "connectionsettings.h"
#include "databaseconnection.h"
#include "testdatabase.h"

#include <gtest/gtest.h>

#include <QString>

// How database, widget and command-line tests reach a cluster through the viewer's own
// types. A failure is reported to GoogleTest where it happens (the settings are then
// empty, and the test fails again where it connects).

// The settings of `conninfo` (the test cluster's by default), reading `table`.
ConnectionSettings connectionSettingsFor(
    const QString &conninfo, const AuditTableRef &table = AuditTableRef());
// The test cluster (TestDatabase::conninfo()) reading `table`.
ConnectionSettings testConnectionSettings(const AuditTableRef &table = AuditTableRef());
// The test cluster reading Hindsight's audit_log in `schema`.
ConnectionSettings testConnectionSettings(const QString &schema);
// The port the test cluster listens on (for a pooler in front of it).
int testClusterPort();

// Opens `connection` with `settings` in the calling thread; a failure names the error.
void openTestConnection(DatabaseConnection &connection, const ConnectionSettings &settings);

// Sessions whose statement waits for a lock on `table` (held by another session), on the
// test cluster or the one of `conninfo`.
int lockWaiters(const AuditTableRef &table, const QString &conninfo = TestDatabase::conninfo());
// Turns the event loop until `count` statements wait for a lock on `table`: the statements
// a test's lock holds up have reached the server. False when they did not in `timeoutMs`.
[[nodiscard]] bool waitForLockWaiters(
    const AuditTableRef &table, int count = 1, int timeoutMs = 10000);

// For a suite's SetUpTestSuite: `schema` holds a fresh Hindsight audit_log (and indexes)
// filled by `seedSql`, statements that name the schema themselves.
void createSeededAuditSchema(const QString &schema, const QString &seedSql = QString());

// A fixture whose every test reads a fresh Hindsight audit_log in a schema of its own,
// named `prefix` and the test's name (so a failed test leaves its rows for a look), through
// a connection opened in SetUp.
class FreshAuditSchemaTest : public ::testing::Test
{
protected:
    explicit FreshAuditSchemaTest(QString prefix)
        : m_prefix(std::move(prefix))
    {
    }

    void SetUp() override;

    AuditTableRef table(const QString &name = QStringLiteral("audit_log")) const
    {
        return AuditTableRef { m_schema, name };
    }
    AuditRepository repository(const QString &name = QStringLiteral("audit_log")) const
    {
        return AuditRepository(m_connection.session(), table(name));
    }
    // Inserts rows: `values` are the tuples after VALUES for (action, transport, bank_id,
    // started_at, ended_at, request, response).
    void insert(const QString &values);

    TestDatabase m_admin;
    QString m_schema;
    ConnectionSettings m_settings; // the test cluster reading table()
    DatabaseConnection m_connection;

private:
    QString m_prefix;
};
