#include "testconnection.h"
#include "testdatabase.h"
#include "viewercli.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QRegularExpression>

#include <gtest/gtest.h>

namespace {

const QString kTable = QStringLiteral("tenant_log");
const QString kPattern = QStringLiteral("clitenant_%");
const QString kReader = QStringLiteral(" user=clitenant_reader password=clitenant-pw");

QStringList linesOf(const QString &text)
{
    return text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

QJsonObject objectOf(const QString &line)
{
    return QJsonDocument::fromJson(line.toUtf8()).object();
}

// "id,schema" of every JSON line.
QStringList idsAndSchemas(const QString &jsonLines)
{
    QStringList keys;
    for (const QString &line : linesOf(jsonLines)) {
        const QJsonObject row = objectOf(line);
        keys.append(row.value(QLatin1String("id")).toString() + QLatin1Char(',')
            + row.value(QLatin1String("schema")).toString());
    }
    return keys;
}

// Three tenants, each holding Hindsight's audit table under the name tenant_log (so no
// public table of that name exists): clitenant_a 30 rows a minute apart; clitenant_b 20 rows
// of its own half a minute after each of a's first 20, and a copy of a's 10 newest rows (the
// same ids and times: a tenant copied from another); clitenant_c 5 rows that the role
// clitenant_reader may not read.
class CliTenantsTest : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        const QString rows = QStringLiteral(
            "INSERT INTO %1.tenant_log (action, transport, bank_id, started_at, ended_at, "
            "response) SELECT (ARRAY['retain','recall'])[1 + g % 2], 'http', 'bank-' || g % 3, "
            "now() - g * interval '1 minute' - interval '%2 seconds', now() - g * interval '1 "
            "minute' + interval '0.5 seconds', '{}' FROM generate_series(1, %3) g;");
        for (const QString &schema : { QStringLiteral("clitenant_a"), QStringLiteral("clitenant_b"),
                 QStringLiteral("clitenant_c") }) {
            ASSERT_NO_FATAL_FAILURE(createSeededAuditSchema(schema,
                QStringLiteral("ALTER TABLE %1.audit_log RENAME TO tenant_log;").arg(schema)));
        }
        TestDatabase admin;
        ASSERT_TRUE(admin.exec(
            rows.arg(QStringLiteral("clitenant_a"), QStringLiteral("0"), QStringLiteral("30"))
            + rows.arg(QStringLiteral("clitenant_b"), QStringLiteral("30"), QStringLiteral("20"))
            + rows.arg(QStringLiteral("clitenant_c"), QStringLiteral("10"), QStringLiteral("5"))
            + QStringLiteral(
                "INSERT INTO clitenant_b.tenant_log SELECT * FROM clitenant_a.tenant_log "
                "ORDER BY started_at DESC LIMIT 10;"
                "ANALYZE clitenant_a.tenant_log; ANALYZE clitenant_b.tenant_log;"
                "DROP ROLE IF EXISTS clitenant_reader;"
                "CREATE ROLE clitenant_reader LOGIN PASSWORD 'clitenant-pw';"
                "GRANT USAGE ON SCHEMA clitenant_a, clitenant_b, clitenant_c TO "
                "clitenant_reader;"
                "GRANT SELECT ON clitenant_a.tenant_log, clitenant_b.tenant_log TO "
                "clitenant_reader;")))
            << admin.error().toStdString();
    }

    // `arguments` (a sub-command first) as clitenant_reader, reading every tenant.
    static ViewerCliRun runAsReader(QStringList arguments)
    {
        arguments.insert(1, TestDatabase::conninfo() + kReader);
        arguments << QStringLiteral("--table") << kTable << QStringLiteral("--schemas") << kPattern;
        return runViewerCli(arguments);
    }

    // What the reader may read of the tenants, newest first, by independent SQL: "id,schema"
    // in started_at, id, then schema order (descending).
    QStringList readableRowsBySql(const QString &where = QString())
    {
        return m_admin.column(QStringLiteral(
            "SELECT id || ',' || s FROM (SELECT id, started_at, action, 'clitenant_a' s FROM "
            "clitenant_a.tenant_log UNION ALL SELECT id, started_at, action, 'clitenant_b' FROM "
            "clitenant_b.tenant_log) t %1 ORDER BY started_at DESC, id DESC, s COLLATE \"C\" DESC")
                                  .arg(where));
    }

    TestDatabase m_admin;
};

} // namespace

TEST_F(CliTenantsTest, SchemasListsEveryTenantWithEstimatedRowsAndWhetherThisRoleMayRead)
{
    const ViewerCliRun run = runAsReader(
        { QStringLiteral("schemas"), QStringLiteral("--format"), QStringLiteral("jsonl") });
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    const QStringList expected = m_admin.column(QStringLiteral(
        "SELECT json_build_object('schema', n.nspname, 'table', c.relname, 'estimated_rows', "
        "CASE WHEN c.reltuples >= 0 THEN c.reltuples::bigint END, 'readable', "
        "has_schema_privilege('clitenant_reader', n.oid, 'USAGE') AND "
        "has_table_privilege('clitenant_reader', c.oid, 'SELECT'))::text FROM pg_class c JOIN "
        "pg_namespace n ON n.oid = c.relnamespace WHERE c.relname = 'tenant_log' AND n.nspname "
        "LIKE 'clitenant_%' ORDER BY n.nspname COLLATE \"C\""));
    const QStringList printed = linesOf(run.out);
    ASSERT_EQ(printed.size(), 3) << run.out.toStdString();
    ASSERT_EQ(expected.size(), 3);
    for (qsizetype i = 0; i < printed.size(); ++i) {
        EXPECT_EQ(objectOf(printed.at(i)), objectOf(expected.at(i))) << printed.at(i).toStdString();
        EXPECT_EQ(objectOf(printed.at(i)).keys(),
            QStringList({ "estimated_rows", "readable", "schema", "table" }));
    }
    EXPECT_EQ(objectOf(printed.at(0)).value(QLatin1String("estimated_rows")).toInteger(), 30);
    EXPECT_EQ(objectOf(printed.at(1)).value(QLatin1String("estimated_rows")).toInteger(), 30);
    EXPECT_TRUE(objectOf(printed.at(2)).value(QLatin1String("estimated_rows")).isNull())
        << "never analysed";
    EXPECT_FALSE(objectOf(printed.at(2)).value(QLatin1String("readable")).toBool());

    const ViewerCliRun table = runAsReader({ QStringLiteral("schemas") });
    ASSERT_EQ(table.exitCode, 0) << table.err.toStdString();
    const auto cells = [](const QString &row) {
        return row.trimmed().split(QRegularExpression(QStringLiteral(" {2,}")));
    };
    const QStringList rows = linesOf(table.out);
    ASSERT_EQ(rows.size(), 4) << table.out.toStdString();
    EXPECT_EQ(cells(rows[0]), QStringList({ "schema", "estimated rows", "readable" }));
    EXPECT_EQ(cells(rows[1]), QStringList({ "clitenant_a", "30", "yes" }));
    EXPECT_EQ(cells(rows[3]), QStringList({ "clitenant_c", "-", "no: this role may not read it" }));
    // The columns line up.
    EXPECT_EQ(rows[0].indexOf(QLatin1String("readable")), rows[1].indexOf(QLatin1String("yes")));
}

TEST_F(CliTenantsTest, ListAndExportReadEveryReadableTenantAsOneLogAndNoteTheOthers)
{
    const QStringList expected = readableRowsBySql();
    ASSERT_EQ(expected.size(), 60);
    const ViewerCliRun list = runAsReader({ QStringLiteral("list"), QStringLiteral("--format"),
        QStringLiteral("jsonl"), QStringLiteral("--limit"), QStringLiteral("1000") });
    ASSERT_EQ(list.exitCode, 0) << list.err.toStdString();
    EXPECT_EQ(idsAndSchemas(list.out), expected);
    EXPECT_EQ(linesOf(list.err),
        QStringList({ "audit-viewer: note: Skipped clitenant_c.tenant_log: this role may not "
                      "read it." }));

    const ViewerCliRun csv = runAsReader({ QStringLiteral("list"), QStringLiteral("--format"),
        QStringLiteral("csv"), QStringLiteral("--limit"), QStringLiteral("1000"),
        QStringLiteral("--action"), QStringLiteral("recall") });
    ASSERT_EQ(csv.exitCode, 0) << csv.err.toStdString();
    QStringList csvRows = linesOf(csv.out);
    ASSERT_FALSE(csvRows.isEmpty());
    EXPECT_EQ(csvRows.takeFirst().toStdString(),
        "id,schema,action,transport,bank_id,started_at,ended_at,duration_ms");
    QStringList csvKeys;
    for (const QString &row : std::as_const(csvRows)) {
        csvKeys.append(row.section(QLatin1Char(','), 0, 1));
    }
    EXPECT_EQ(csvKeys, readableRowsBySql(QStringLiteral("WHERE action = 'recall'")));

    const ViewerCliRun exported
        = runAsReader({ QStringLiteral("export"), QStringLiteral("--output"), QStringLiteral("-"),
            QStringLiteral("--format"), QStringLiteral("jsonl") });
    ASSERT_EQ(exported.exitCode, 0) << exported.err.toStdString();
    EXPECT_EQ(idsAndSchemas(exported.out), expected);
    EXPECT_TRUE(exported.err.contains(QLatin1String("note: Skipped clitenant_c.tenant_log")))
        << exported.err.toStdString();

    const ViewerCliRun exportedCsv = runAsReader({ QStringLiteral("export"),
        QStringLiteral("--output"), QStringLiteral("-"), QStringLiteral("--no-json") });
    ASSERT_EQ(exportedCsv.exitCode, 0) << exportedCsv.err.toStdString();
    QStringList exportedRows = linesOf(exportedCsv.out);
    ASSERT_EQ(exportedRows.size(), 61);
    EXPECT_TRUE(exportedRows.takeFirst().startsWith(QLatin1String("id,schema,action,")));
    QStringList exportedKeys;
    for (const QString &row : std::as_const(exportedRows)) {
        exportedKeys.append(row.section(QLatin1Char(','), 0, 1));
    }
    EXPECT_EQ(exportedKeys, expected);
}

TEST_F(CliTenantsTest, TheListTableNamesEachRowsTenantAndItsCursorCarriesTheSchema)
{
    const ViewerCliRun table
        = runAsReader({ QStringLiteral("list"), QStringLiteral("--limit"), QStringLiteral("4") });
    ASSERT_EQ(table.exitCode, 0) << table.err.toStdString();
    const QStringList rows = linesOf(table.out);
    ASSERT_EQ(rows.size(), 5) << table.out.toStdString();
    const QStringList expected = readableRowsBySql();
    const auto cells = [](const QString &row) {
        return row.trimmed().split(QRegularExpression(QStringLiteral(" {2,}")));
    };
    EXPECT_EQ(cells(rows[0]).mid(0, 3), QStringList({ "started", "schema", "action" }));
    for (int i = 1; i < rows.size(); ++i) {
        // started, schema, ..., id.
        EXPECT_EQ(cells(rows[i]).last() + u',' + cells(rows[i]).at(1), expected.at(i - 1))
            << rows[i].toStdString();
    }
    const QString fourth = expected.at(3);
    const QString startedAt = m_admin.scalar(
        QStringLiteral("SELECT to_char(started_at AT TIME ZONE 'UTC', "
                       "'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') FROM %1.tenant_log WHERE id = '%2'")
            .arg(fourth.section(u',', 1), fourth.section(u',', 0, 0)));
    EXPECT_TRUE(table.err.contains(QStringLiteral("--after %1,%2").arg(startedAt, fourth)))
        << table.err.toStdString();
}

TEST_F(CliTenantsTest, PagingWithTheSchemaInTheCursorGivesEveryRowOnceAcrossEqualIds)
{
    // Two rows a page: rows 4 and 5 (newest first) are one entry copied into two tenants,
    // so a page ends between them.
    QStringList seen;
    QString after;
    bool splitAPair = false;
    for (int page = 0; page < 40; ++page) {
        QStringList args { QStringLiteral("list"), QStringLiteral("--format"),
            QStringLiteral("jsonl"), QStringLiteral("--limit"), QStringLiteral("2") };
        if (!after.isEmpty()) {
            args << QStringLiteral("--after") << after;
        }
        const ViewerCliRun run = runAsReader(args);
        ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
        const QStringList rows = linesOf(run.out);
        if (rows.isEmpty()) {
            break;
        }
        const QString firstId = objectOf(rows.first()).value(QLatin1String("id")).toString();
        splitAPair = splitAPair || (!seen.isEmpty() && seen.last().startsWith(firstId));
        seen.append(idsAndSchemas(run.out));
        const QJsonObject last = objectOf(rows.last());
        after = QStringList { last.value(QLatin1String("started_at")).toString(),
            last.value(QLatin1String("id")).toString(),
            last.value(QLatin1String("schema")).toString() }
                    .join(u',');
    }
    EXPECT_TRUE(splitAPair) << "no page ended between two rows with the same id";
    EXPECT_EQ(seen, readableRowsBySql());
}

TEST_F(CliTenantsTest, StatsCountsEachTenantAndShowFindsAnEntryInTheTenantAsked)
{
    const ViewerCliRun stats
        = runAsReader({ QStringLiteral("stats"), QStringLiteral("--by"), QStringLiteral("tenant"),
            QStringLiteral("--utc"), QStringLiteral("--format"), QStringLiteral("json") });
    ASSERT_EQ(stats.exitCode, 0) << stats.err.toStdString();
    EXPECT_TRUE(stats.err.contains(QLatin1String("note: Skipped clitenant_c.tenant_log")))
        << stats.err.toStdString();
    const QJsonObject series = objectOf(stats.out);
    QMap<QString, qint64> perTenant;
    qint64 total = 0;
    for (const QJsonValue &bucket : series.value(QLatin1String("buckets")).toArray()) {
        const QJsonObject tenants = bucket.toObject().value(QLatin1String("tenants")).toObject();
        for (auto it = tenants.begin(); it != tenants.end(); ++it) {
            perTenant[it.key()] += it.value().toInteger();
        }
        total += bucket.toObject().value(QLatin1String("total")).toInteger();
    }
    const QString start = series.value(QLatin1String("start")).toString();
    for (const QString &schema : { QStringLiteral("clitenant_a"), QStringLiteral("clitenant_b") }) {
        EXPECT_EQ(QString::number(perTenant.value(schema)),
            m_admin.scalar(
                QStringLiteral("SELECT count(*) FROM %1.tenant_log WHERE started_at >= '%2'")
                    .arg(schema, start)))
            << schema.toStdString();
    }
    EXPECT_EQ(perTenant.keys(), QStringList({ "clitenant_a", "clitenant_b" }));
    EXPECT_EQ(total, 60);

    // A copied entry: the first tenant by name that holds it, or the one asked for.
    const QString id = m_admin.scalar(
        QStringLiteral("SELECT id FROM clitenant_b.tenant_log b WHERE EXISTS (SELECT 1 FROM "
                       "clitenant_a.tenant_log a WHERE a.id = b.id) LIMIT 1"));
    ASSERT_FALSE(id.isEmpty());
    const ViewerCliRun first = runAsReader(
        { QStringLiteral("show"), id, QStringLiteral("--format"), QStringLiteral("json") });
    ASSERT_EQ(first.exitCode, 0) << first.err.toStdString();
    EXPECT_EQ(
        objectOf(first.out).value(QLatin1String("schema")).toString().toStdString(), "clitenant_a");
    const ViewerCliRun asked = runAsReader(
        { QStringLiteral("show"), id, QStringLiteral("--tenant"), QStringLiteral("clitenant_b") });
    ASSERT_EQ(asked.exitCode, 0) << asked.err.toStdString();
    EXPECT_TRUE(asked.out.contains(QRegularExpression(
        QStringLiteral("^schema +clitenant_b$"), QRegularExpression::MultilineOption)))
        << asked.out.toStdString();
}

TEST_F(CliTenantsTest, OneSchemaStillNamesItsSchemaInEveryRow)
{
    // list of clitenant_a alone, in `format`.
    const auto listed = [](const QString &format) {
        return runViewerCli(
            { QStringLiteral("list"), TestDatabase::conninfo(), QStringLiteral("--format"), format,
                QStringLiteral("--limit"), QStringLiteral("3"), QStringLiteral("--schema"),
                QStringLiteral("clitenant_a"), QStringLiteral("--table"), kTable });
    };
    const ViewerCliRun jsonl = listed(QStringLiteral("jsonl"));
    ASSERT_EQ(jsonl.exitCode, 0) << jsonl.err.toStdString();
    ASSERT_EQ(linesOf(jsonl.out).size(), 3);
    for (const QString &line : linesOf(jsonl.out)) {
        EXPECT_EQ(
            objectOf(line).value(QLatin1String("schema")).toString().toStdString(), "clitenant_a");
    }
    const ViewerCliRun csv = listed(QStringLiteral("csv"));
    ASSERT_EQ(csv.exitCode, 0) << csv.err.toStdString();
    ASSERT_EQ(linesOf(csv.out).size(), 4);
    for (const QString &line : linesOf(csv.out).mid(1)) {
        EXPECT_EQ(line.section(u',', 1, 1).toStdString(), "clitenant_a");
    }
}

TEST_F(CliTenantsTest, SchemaAndSchemasTogetherOrNoMatchingTenantAreRefused)
{
    for (const QString &command : { QStringLiteral("list"), QStringLiteral("stats"),
             QStringLiteral("show"), QStringLiteral("export"), QString() }) {
        QStringList args { QStringLiteral("--schema"), QStringLiteral("clitenant_a"),
            QStringLiteral("--schemas"), kPattern };
        if (command == QLatin1String("show")) {
            args.append(QStringLiteral("00000000-0000-0000-0000-000000000000"));
        }
        if (!command.isEmpty()) {
            args.prepend(command);
        }
        const ViewerCliRun run = runViewerCli(args);
        EXPECT_EQ(run.exitCode, 1) << command.toStdString();
        EXPECT_TRUE(run.err.contains(QLatin1String("audit-viewer: --schema reads one schema")))
            << run.err.toStdString();
    }
    const ViewerCliRun none = runViewerCli(
        { QStringLiteral("list"), TestDatabase::conninfo(), QStringLiteral("--table"), kTable,
            QStringLiteral("--schemas"), QStringLiteral("no_such_tenant_%") });
    EXPECT_EQ(none.exitCode, 2);
    EXPECT_EQ(linesOf(none.err).size(), 1) << none.err.toStdString();
    EXPECT_TRUE(none.err.contains(QLatin1String("No schema matching no_such_tenant_%")))
        << none.err.toStdString();
}
