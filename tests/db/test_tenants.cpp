// Many tenant schemas read as one log (AuditTableRef::schemaPattern), every view compared
// with independent SQL over a UNION ALL of the same tables: pages in each order, walked
// forwards and back, counts, the chart per action and per tenant, latency and the export.
// The tenants include two with equal ids (one copied from the other), a month-partitioned
// table, one this role may not read, and one dropped between two pages.
#include "auditexporter.h"
#include "auditrepository.h"
#include "sqlstatement.h"
#include "testconnection.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace {

class TenantsTest : public ::testing::Test
{
protected:
    static QString schema(const QString &tenant) { return QStringLiteral("tnt_") + tenant; }

    static void SetUpTestSuite()
    {
        TestDatabase admin;
        ASSERT_TRUE(admin.isOpen());
        for (const QString &tenant :
            { QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("d") }) {
            ASSERT_TRUE(admin.createAuditSchema(schema(tenant))) << admin.error().toStdString();
        }
        // Timestamps repeat (every 3 rows share one) so ties between equal times are paged
        // by id; durations repeat too.
        const QString rows = QStringLiteral(
            "INSERT INTO %1.audit_log (id, action, transport, bank_id, started_at, ended_at, "
            "request, response) SELECT md5('%2' || g)::uuid, (ARRAY['retain','recall',"
            "'reflect'])[1 + g %% 3], 'http', 'bank' || (g %% 4), "
            "date_trunc('hour', now()) - (g / 3) * interval '7 hours', "
            "CASE WHEN g %% 5 = 0 THEN NULL ELSE date_trunc('hour', now()) - (g / 3) * "
            "interval '7 hours' + (g %% 7) * interval '1 ms' END, '{\"q\": 1}', "
            "CASE WHEN g %% 4 = 0 THEN NULL ELSE '{}'::jsonb END FROM generate_series(1, %3) g;");
        ASSERT_TRUE(admin.exec(rows.arg(schema(QStringLiteral("a")), QStringLiteral("a"))
                                   .replace(QStringLiteral("%%"), QStringLiteral("%"))
                                   .arg(60)))
            << admin.error().toStdString();
        ASSERT_TRUE(admin.exec(rows.arg(schema(QStringLiteral("b")), QStringLiteral("b"))
                                   .replace(QStringLiteral("%%"), QStringLiteral("%"))
                                   .arg(40)))
            << admin.error().toStdString();
        // b was copied from a: 15 of a's rows with their ids and times.
        ASSERT_TRUE(admin.exec(QStringLiteral(
            "INSERT INTO tnt_b.audit_log SELECT * FROM tnt_a.audit_log ORDER BY started_at DESC "
            "LIMIT 15; INSERT INTO tnt_d.audit_log SELECT * FROM tnt_a.audit_log LIMIT 5;")))
            << admin.error().toStdString();
        // c: Hindsight's table partitioned by month, rows in two of them.
        ASSERT_TRUE(admin.exec(QStringLiteral(
            "DROP SCHEMA IF EXISTS tnt_c CASCADE; CREATE SCHEMA tnt_c;"
            "CREATE TABLE tnt_c.audit_log (id uuid NOT NULL DEFAULT gen_random_uuid(), "
            "action text NOT NULL, transport text NOT NULL, bank_id text, started_at "
            "timestamptz NOT NULL DEFAULT now(), ended_at timestamptz, request jsonb, "
            "response jsonb, metadata jsonb DEFAULT '{}'::jsonb, PRIMARY KEY (id, started_at)) "
            "PARTITION BY RANGE (started_at);"
            "CREATE TABLE tnt_c.audit_log_old PARTITION OF tnt_c.audit_log FOR VALUES FROM "
            "(MINVALUE) TO (date_trunc('month', now()));"
            "CREATE TABLE tnt_c.audit_log_now PARTITION OF tnt_c.audit_log FOR VALUES FROM "
            "(date_trunc('month', now())) TO (MAXVALUE);"
            "CREATE INDEX ON tnt_c.audit_log (started_at DESC);"
            "CREATE INDEX ON tnt_c.audit_log (action, started_at DESC);"
            "INSERT INTO tnt_c.audit_log (id, action, transport, bank_id, started_at, ended_at, "
            "request, response) SELECT md5('c' || g)::uuid, 'consolidation', 'system', NULL, "
            "date_trunc('hour', now()) - g * interval '11 hours', date_trunc('hour', now()) - "
            "g * interval '11 hours' + interval '2 s', NULL, '{}' FROM generate_series(1, 50) g;"
            "ANALYZE tnt_a.audit_log, tnt_b.audit_log, tnt_c.audit_log, tnt_d.audit_log;"
            // A role that may read a, b and c, not d.
            "DROP ROLE IF EXISTS tnt_reader; CREATE ROLE tnt_reader LOGIN PASSWORD 'pw';"
            "GRANT USAGE ON SCHEMA tnt_a, tnt_b, tnt_c, tnt_d TO tnt_reader;"
            "GRANT SELECT ON tnt_a.audit_log, tnt_b.audit_log, tnt_c.audit_log TO tnt_reader;")))
            << admin.error().toStdString();
    }

    static void TearDownTestSuite()
    {
        TestDatabase admin;
        admin.exec(QStringLiteral("DROP OWNED BY tnt_reader; DROP ROLE IF EXISTS tnt_reader;"));
    }

    void SetUp() override
    {
        ASSERT_TRUE(m_admin.isOpen());
        m_table.schemaPattern = QStringLiteral("tnt\\_%");
        ConnectionSettings settings = testConnectionSettings(m_table);
        settings.setValue(QStringLiteral("user"), QStringLiteral("tnt_reader"));
        settings.setPassword(QStringLiteral("pw"));
        openTestConnection(m_connection, settings);
    }

    AuditRepository repository() const { return AuditRepository(m_connection.session(), m_table); }

    // The readable tenants' rows as one relation, for independent SQL.
    static QString all(const QString &where = QStringLiteral("TRUE"))
    {
        QStringList branches;
        for (const QString &tenant :
            { QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c") }) {
            branches.append(QStringLiteral("SELECT '%1'::text AS s, * FROM %1.audit_log WHERE %2")
                                .arg(schema(tenant), where));
        }
        return QStringLiteral("(%1) u").arg(branches.join(QLatin1String(" UNION ALL ")));
    }

    TestDatabase m_admin;
    AuditTableRef m_table;
    DatabaseConnection m_connection;
};

QStringList keysOf(const QList<AuditEntry> &entries)
{
    QStringList keys;
    for (const AuditEntry &entry : entries) {
        keys.append(entry.schema + QLatin1Char('/') + entry.id);
    }
    return keys;
}

} // namespace

TEST_F(TenantsTest, PagesWalkEveryRowOnceInEachOrderForwardsAndBack)
{
    const QString duration = QStringLiteral(
        "COALESCE(CASE WHEN isfinite(started_at) AND isfinite(ended_at) THEN ended_at - "
        "started_at END, interval '%1')");
    const QList<QPair<SortOrder, QString>> orders {
        { SortOrder::NewestFirst,
            QStringLiteral("started_at DESC, id DESC, s COLLATE \"C\" DESC") },
        { SortOrder::OldestFirst, QStringLiteral("started_at, id, s COLLATE \"C\"") },
        { SortOrder::LongestFirst,
            duration.arg(QStringLiteral("-1000000 years"))
                + QStringLiteral(" DESC, id DESC, s COLLATE \"C\" DESC") },
    };
    for (const auto &[order, orderBy] : orders) {
        SCOPED_TRACE(sortOrderName(order).toStdString());
        const QStringList expected = m_admin.column(
            QStringLiteral("SELECT s || '/' || id FROM %1 ORDER BY %2").arg(all(), orderBy));
        ASSERT_EQ(expected.size(), 60 + 55 + 50);
        QList<AuditEntry> walked;
        std::optional<PageCursor> after;
        for (int guard = 0; guard < 100; ++guard) {
            auto page = repository().page(AuditFilter(), 7, after, order);
            ASSERT_TRUE(page) << page.error().message.toStdString();
            walked.append(page->entries);
            ASSERT_FALSE(page->entries.isEmpty());
            after = PageCursor::after(page->entries.last());
            if (!page->hasMore) {
                break;
            }
        }
        EXPECT_EQ(keysOf(walked).join(QLatin1Char(' ')).toStdString(),
            expected.join(QLatin1Char(' ')).toStdString());

        // Backwards from the last row: the rows before it, nearest first.
        QList<AuditEntry> back;
        std::optional<PageCursor> before = PageCursor::after(walked.last());
        for (int guard = 0; guard < 100; ++guard) {
            auto page = repository().page(AuditFilter(), 9, before, order, true);
            ASSERT_TRUE(page) << page.error().message.toStdString();
            back.append(page->entries);
            if (!page->hasMore) {
                break;
            }
            before = PageCursor::after(page->entries.last());
        }
        std::reverse(back.begin(), back.end());
        back.append(walked.last());
        EXPECT_EQ(keysOf(back).join(QLatin1Char(' ')).toStdString(),
            expected.join(QLatin1Char(' ')).toStdString());
    }
}

TEST_F(TenantsTest, TheUnreadableTenantIsSkippedWithANoteAndTheRestCounted)
{
    auto page = repository().page(AuditFilter(), 5);
    ASSERT_TRUE(page) << page.error().message.toStdString();
    ASSERT_EQ(page->notes.size(), 1);
    EXPECT_TRUE(page->notes.first().contains(QLatin1String("tnt_d.audit_log")))
        << page->notes.first().toStdString();
    EXPECT_EQ(QString::number(*repository().exactCount(AuditFilter())),
        m_admin.scalar(QStringLiteral("SELECT count(*) FROM %1").arg(all())));
    auto schemas = repository().schemasHoldingTable();
    ASSERT_TRUE(schemas);
    ASSERT_EQ(schemas->size(), 4);
    EXPECT_FALSE(schemas->at(3).readable);
    EXPECT_TRUE(schemas->at(2).readable);
}

TEST_F(TenantsTest, CountsChartLatencyAndExportEqualSql)
{
    AuditFilter retain;
    retain.actions = { QStringLiteral("retain"), QStringLiteral("consolidation") };
    for (const AuditFilter &filter : { AuditFilter(), retain }) {
        const QString where = filter.actions.isEmpty()
            ? QStringLiteral("TRUE")
            : QStringLiteral("action IN ('retain', 'consolidation')");
        EXPECT_EQ(QString::number(*repository().exactCount(filter)),
            m_admin.scalar(QStringLiteral("SELECT count(*) FROM %1").arg(all(where))));
        EXPECT_TRUE(repository().estimatedCount(filter));

        for (const VolumeGrouping grouping : { VolumeGrouping::Action, VolumeGrouping::Tenant }) {
            const auto series
                = repository().volume(filter, VolumePeriod::ThirtyDays, QTimeZone("Europe/Berlin"),
                    QDateTime::currentDateTimeUtc(), std::nullopt, grouping);
            ASSERT_TRUE(series) << series.error().message.toStdString();
            QStringList ours;
            for (const VolumeBucket &bucket : series->buckets) {
                for (auto it = bucket.actions.cbegin(); it != bucket.actions.cend(); ++it) {
                    ours.append(QStringLiteral("%1 %2 %3")
                                    .arg(bucket.start.toIsoUtc(), it.key())
                                    .arg(it.value()));
                }
            }
            ours.sort();
            QStringList expected = m_admin.column(
                QStringLiteral("SELECT to_char(d AT TIME ZONE 'UTC', "
                               "'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') || ' ' || g || ' ' || n FROM "
                               "(SELECT date_trunc('day', started_at, 'Europe/Berlin') AS d, %1 "
                               "AS g, count(*) AS n FROM %2 WHERE started_at >= %3 GROUP BY 1, 2) "
                               "v")
                    .arg(grouping == VolumeGrouping::Action ? QStringLiteral("action")
                                                            : QStringLiteral("s"),
                        all(where),
                        QStringLiteral("'%1'::timestamptz").arg(series->range.from.toIsoUtc())));
            expected.sort();
            EXPECT_EQ(ours.join(QLatin1Char('\n')).toStdString(),
                expected.join(QLatin1Char('\n')).toStdString());
        }

        const auto latency = repository().latencySummary(filter);
        ASSERT_TRUE(latency) << latency.error().message.toStdString();
        EXPECT_EQ(QString::number(latency->total.calls),
            m_admin.scalar(QStringLiteral("SELECT count(*) FROM %1 WHERE ended_at IS NOT NULL")
                               .arg(all(where))));
    }

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("tenants.jsonl"));
    ExportOptions options;
    options.format = ExportOptions::Format::JsonLines;
    const auto written = AuditExporter(m_connection.session(), m_table)
                             .exportToFile(AuditFilter(), SortOrder::NewestFirst, options, path);
    ASSERT_TRUE(written) << written.error().message.toStdString();
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    QStringList exported;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (!line.isEmpty()) {
            exported.append(QString::fromUtf8(line.mid(7, 36)) + QLatin1Char('/')
                + QString::fromUtf8(line.mid(line.indexOf("\"schema\":\"") + 10, 5)));
        }
    }
    EXPECT_EQ(exported.join(QLatin1Char(' ')).toStdString(),
        m_admin
            .column(QStringLiteral("SELECT id || '/' || s FROM %1 ORDER BY started_at DESC, "
                                   "id DESC, s COLLATE \"C\" DESC")
                        .arg(all()))
            .join(QLatin1Char(' '))
            .toStdString());
}

TEST_F(TenantsTest, TheTenantFilterNarrowsAndEntriesAreFoundInTheirSchema)
{
    AuditFilter onlyB;
    onlyB.schemas = { QStringLiteral("tnt_b") };
    EXPECT_EQ(*repository().exactCount(onlyB), 55);
    auto page = repository().page(onlyB, 100);
    ASSERT_TRUE(page);
    EXPECT_EQ(page->entries.size(), 55);
    // An id both a and b hold: each schema's own row.
    const QString shared = m_admin.scalar(
        QStringLiteral("SELECT id FROM tnt_b.audit_log INTERSECT SELECT id FROM tnt_a.audit_log "
                       "LIMIT 1"));
    ASSERT_FALSE(shared.isEmpty());
    for (const QString &schemaName : { QStringLiteral("tnt_a"), QStringLiteral("tnt_b") }) {
        const auto entry = repository().entry(shared, schemaName);
        ASSERT_TRUE(entry) << entry.error().message.toStdString();
        EXPECT_EQ(entry->entry.schema, schemaName);
        EXPECT_EQ(entry->entry.id, shared);
    }
    EXPECT_EQ(repository().entry(shared)->entry.schema, QStringLiteral("tnt_a"));
}

TEST_F(TenantsTest, ATenantCreatedOrDroppedBetweenPagesIsPickedUpOrSkipped)
{
    ASSERT_TRUE(m_admin.createAuditSchema(QStringLiteral("tnt_e")));
    ASSERT_TRUE(m_admin.exec(QStringLiteral(
        "GRANT USAGE ON SCHEMA tnt_e TO tnt_reader; GRANT SELECT ON tnt_e.audit_log TO "
        "tnt_reader; INSERT INTO tnt_e.audit_log (action, transport, started_at) VALUES "
        "('retain', 'http', now() + interval '1 hour');")));
    auto first = repository().page(AuditFilter(), 1);
    ASSERT_TRUE(first);
    ASSERT_EQ(first->entries.size(), 1);
    EXPECT_EQ(first->entries.first().schema, QStringLiteral("tnt_e"));
    ASSERT_TRUE(m_admin.exec(QStringLiteral("DROP SCHEMA tnt_e CASCADE")));
    auto next = repository().page(AuditFilter(), 10, PageCursor::after(first->entries.first()));
    ASSERT_TRUE(next) << next.error().message.toStdString();
    EXPECT_EQ(next->entries.size(), 10);
    EXPECT_EQ(QString::number(*repository().exactCount(AuditFilter())),
        m_admin.scalar(QStringLiteral("SELECT count(*) FROM %1").arg(all())));
}

TEST_F(TenantsTest, APipelineAnswersAMissingTableWithItsErrorAndRunsTheRest)
{
    QList<SqlStatement> statements(3);
    statements[0].sql = QStringLiteral("SELECT count(*) FROM tnt_a.audit_log");
    statements[1].sql = QStringLiteral("SELECT count(*) FROM tnt_gone.audit_log");
    statements[2].sql = QStringLiteral("SELECT count(*) FROM tnt_c.audit_log");
    const auto answers = m_connection.session().execEach(statements);
    ASSERT_TRUE(answers) << answers.error().message.toStdString();
    ASSERT_EQ(answers->size(), 3u);
    ASSERT_TRUE(answers->at(0));
    EXPECT_EQ(answers->at(0)->integer(0, 0), 60);
    ASSERT_FALSE(answers->at(1));
    EXPECT_EQ(answers->at(1).error().sqlState, QStringLiteral("42P01"));
    ASSERT_TRUE(answers->at(2));
    EXPECT_EQ(answers->at(2)->integer(0, 0), 50);

    // Any other error fails the whole call.
    statements[1].sql = QStringLiteral("SELECT 1 / 0");
    EXPECT_FALSE(m_connection.session().execEach(statements));
}

TEST_F(TenantsTest, ThePatternIsCheckedByTheSchemasItMatches)
{
    EXPECT_TRUE(repository().checkTable());
    AuditTableRef none = m_table;
    none.schemaPattern = QStringLiteral("no\\_such\\_tenant\\_%");
    const auto missing = AuditRepository(m_connection.session(), none).checkTable();
    ASSERT_FALSE(missing);
    EXPECT_TRUE(missing.error().isMissingTable()) << missing.error().message.toStdString();
    AuditTableRef unreadable = m_table;
    unreadable.schemaPattern = QStringLiteral("tnt\\_d");
    const auto denied = AuditRepository(m_connection.session(), unreadable).checkTable();
    ASSERT_FALSE(denied);
    EXPECT_TRUE(denied.error().message.contains(QLatin1String("may not read")))
        << denied.error().message.toStdString();
}

// Past 32 tenants counts and the chart take a statement per tenant (the paths above read a
// few tenants as one UNION ALL or per action).
TEST_F(TenantsTest, FortyTenantsAreCountedAndChartedAStatementEach)
{
    QString sql;
    for (int n = 0; n < 40; ++n) {
        sql += QStringLiteral("DROP SCHEMA IF EXISTS tnm_%1 CASCADE; CREATE SCHEMA tnm_%1;"
                              "CREATE TABLE tnm_%1.audit_log (LIKE tnt_a.audit_log INCLUDING ALL);"
                              "INSERT INTO tnm_%1.audit_log (action, transport, started_at) "
                              "SELECT (ARRAY['retain','recall'])[1 + g %% 2], 'http', now() - "
                              "(g * %1) * interval '1 hour' FROM generate_series(1, %1 + 1) g;")
                   .arg(n)
                   .replace(QStringLiteral("%%"), QStringLiteral("%"));
    }
    ASSERT_TRUE(m_admin.exec(sql)) << m_admin.error().toStdString();
    AuditTableRef many;
    many.schemaPattern = QStringLiteral("tnm\\_%");
    const AuditRepository repository(m_connection.session(), many);
    QStringList branches;
    for (int n = 0; n < 40; ++n) {
        branches.append(QStringLiteral("SELECT * FROM tnm_%1.audit_log").arg(n));
    }
    const QString all = QStringLiteral("(%1) u").arg(branches.join(QLatin1String(" UNION ALL ")));
    // tnt_reader holds no grant on these: the admin's connection reads them.
    DatabaseConnection admin;
    openTestConnection(admin, testConnectionSettings(many));
    const AuditRepository asAdmin(admin.session(), many);
    EXPECT_EQ(QString::number(*asAdmin.exactCount(AuditFilter())),
        m_admin.scalar(QStringLiteral("SELECT count(*) FROM %1").arg(all)));
    const auto series = asAdmin.volume(AuditFilter(), VolumePeriod::ThirtyDays, QTimeZone::utc());
    ASSERT_TRUE(series) << series.error().message.toStdString();
    EXPECT_EQ(QString::number(series->total()),
        m_admin.scalar(QStringLiteral("SELECT count(*) FROM %1 WHERE started_at >= '%2'")
                           .arg(all, series->range.from.toIsoUtc())));
    const auto retained = series->buckets.last().actions.value(QStringLiteral("retain"));
    EXPECT_EQ(QString::number(retained),
        m_admin.scalar(QStringLiteral("SELECT count(*) FROM %1 WHERE action = 'retain' AND "
                                      "started_at >= '%2'")
                           .arg(all, series->buckets.last().start.toIsoUtc())));
    // The reader may read none of them: each is skipped, nothing fails.
    EXPECT_EQ(*repository.exactCount(AuditFilter()), 0);
    for (int n = 0; n < 40; ++n) {
        m_admin.exec(QStringLiteral("DROP SCHEMA tnm_%1 CASCADE").arg(n));
    }
}
