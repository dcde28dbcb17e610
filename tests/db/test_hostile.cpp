#include "adminconnection.h"
#include "auditexporter.h"
#include "auditrepository.h"
#include "auditworker.h"
#include "databaseconnection.h"
#include "jsonprettyprinter.h"
#include "memorypeak.h"
#include "testconnection.h"
#include "viewercli.h"
#include "workeranswers.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace {

// ---- read-only ----------------------------------------------------------------------

// A database of its own, so that the catalog counts it compares change only if the viewer
// creates something (other suites create schemas in the shared database meanwhile).
constexpr char kReadOnlyDatabase[] = "audit_viewer_readonly";

class ReadOnlyTest : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        TestDatabase admin;
        ASSERT_TRUE(admin.exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)")
                                   .arg(QLatin1String(kReadOnlyDatabase))));
        ASSERT_TRUE(
            admin.exec(QStringLiteral("CREATE DATABASE %1").arg(QLatin1String(kReadOnlyDatabase))))
            << admin.error().toStdString();
        AdminConnection db(conninfo());
        ASSERT_TRUE(db.exec(TestDatabase::auditTableDdl(QStringLiteral("public"))
            + QStringLiteral(
                "INSERT INTO audit_log (action, transport, bank_id, started_at, ended_at, "
                "request, response) SELECT (ARRAY['retain','recall'])[1 + g % 2], 'http', "
                "'bank-' || (g % 3), now() - g * interval '1 hour', now() - g * interval '1 "
                "hour' + interval '1 s', '{\"q\": \"find\"}', '{}' FROM generate_series(1, 200) g;"
                "ANALYZE audit_log;")))
            << db.error().toStdString();
    }

    static void TearDownTestSuite()
    {
        TestDatabase admin;
        admin.exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)")
                       .arg(QLatin1String(kReadOnlyDatabase)));
    }

    static QString conninfo()
    {
        return TestDatabase::conninfo() + QStringLiteral(" dbname=")
            + QLatin1String(kReadOnlyDatabase);
    }

    static ConnectionSettings settings(const QString &extra = {})
    {
        return connectionSettingsFor(conninfo() + QLatin1Char(' ') + extra);
    }

    // Everything the viewer could create in this database. (Roles and databases are
    // cluster-wide, where other test programs may create them meanwhile; a read-only
    // transaction refuses CREATE ROLE and CREATE DATABASE anyway.)
    QString catalogCounts()
    {
        return m_db.scalar(QStringLiteral(
            "SELECT format('%s classes, %s schemas, %s functions, %s types, %s large objects, "
            "%s rows', (SELECT count(*) FROM pg_class), (SELECT count(*) FROM pg_namespace), "
            "(SELECT count(*) FROM pg_proc), (SELECT count(*) FROM pg_type), "
            "(SELECT count(*) FROM pg_largeobject_metadata), (SELECT count(*) FROM audit_log))"));
    }

    AdminConnection m_db { conninfo() };
};

} // namespace

TEST_F(ReadOnlyTest, TheUsersOwnOptionsCannotMakeTheSessionWritable)
{
    const QStringList attempts = {
        QStringLiteral("options='-c default_transaction_read_only=off -c search_path=public'"),
        QStringLiteral("options='--default_transaction_read_only=off --transaction_read_only=off "
                       "-c search_path=public'"),
        QStringLiteral("options='-c search_path=public -c default_transaction_read_only=off' "
                       "application_name=x"),
    };
    for (const QString &attempt : attempts) {
        SCOPED_TRACE(attempt.toStdString());
        DatabaseConnection connection;
        const auto opened = connection.open(settings(attempt));
        ASSERT_TRUE(opened) << opened.error().message.toStdString();
        const auto written = connection.session().exec(
            QStringLiteral("INSERT INTO audit_log (action, transport) VALUES ('x', 'y')"));
        ASSERT_FALSE(written) << "the viewer's session wrote a row";
        EXPECT_EQ(written.error().sqlState.toStdString(), "25006"); // read_only_sql_transaction
        const auto created = connection.session().exec(QStringLiteral("CREATE TABLE t (x int)"));
        ASSERT_FALSE(created);
        EXPECT_EQ(created.error().sqlState.toStdString(), "25006");
        // The user's other options still apply.
        const auto path = connection.session().exec(QStringLiteral("SHOW search_path"));
        ASSERT_TRUE(path);
        EXPECT_EQ(path->text(0, 0).toStdString(), "public");
    }
    EXPECT_EQ(m_db.scalar(QStringLiteral("SELECT count(*) FROM audit_log")).toStdString(), "200");
}

TEST_F(ReadOnlyTest, PgoptionsFromTheEnvironmentApplyButCannotMakeTheSessionWritable)
{
    // psql's way of passing session settings: the viewer keeps it, under its own.
    qputenv("PGOPTIONS", "-c search_path=pg_catalog,public -c default_transaction_read_only=off");
    const auto unset = qScopeGuard([] { qunsetenv("PGOPTIONS"); });
    DatabaseConnection connection;
    const auto opened = connection.open(settings());
    ASSERT_TRUE(opened) << opened.error().message.toStdString();
    const auto path = connection.session().exec(QStringLiteral("SHOW search_path"));
    ASSERT_TRUE(path);
    EXPECT_EQ(path->text(0, 0).toStdString(), "pg_catalog,public");
    const auto written = connection.session().exec(
        QStringLiteral("INSERT INTO audit_log (action, transport) VALUES ('x', 'y')"));
    ASSERT_FALSE(written) << "the viewer's session wrote a row";
    EXPECT_EQ(written.error().sqlState.toStdString(), "25006");
}

TEST_F(ReadOnlyTest, AFullRunOfTheViewerCreatesNoObjects)
{
    const QString before = catalogCounts();
    ASSERT_FALSE(before.isEmpty()) << m_db.error().toStdString();
    QTemporaryDir dir;
    {
        AuditWorker worker;
        WorkerAnswers answers(worker);
        ASSERT_EQ(answers.wait(worker.connectTo(settings())), std::nullopt);
        AuditFilter filter;
        filter.search = QStringLiteral("find");
        const QString id = m_db.scalar(QStringLiteral("SELECT id FROM audit_log LIMIT 1"));
        ExportOptions jsonLines;
        jsonLines.format = ExportOptions::Format::JsonLines;
        const QList<quint64> requests = {
            worker.loadPage(AuditFilter(), 50),
            worker.loadPage(filter, 50, std::nullopt, SortOrder::OldestFirst),
            worker.estimateCount(filter),
            worker.countExactly(filter),
            worker.loadVolume(filter, VolumePeriod::Today, QTimeZone::utc()),
            worker.loadVolume(AuditFilter(), VolumePeriod::ThirtyDays,
                QTimeZone(QByteArrayLiteral("Europe/Berlin"))),
            worker.loadVolume(AuditFilter(), VolumePeriod::ThirtyDays,
                QTimeZone(QByteArrayLiteral("Europe/Berlin"))), // from the cache
            worker.loadChoices(AuditWorker::Choices::Actions),
            worker.loadChoices(AuditWorker::Choices::Transports),
            worker.loadChoices(AuditWorker::Choices::Banks),
            worker.loadEntry(id),
            worker.exportToFile(filter, SortOrder::NewestFirst, ExportOptions(),
                dir.filePath(QStringLiteral("a.csv"))),
            worker.exportToFile(AuditFilter(), SortOrder::OldestFirst, jsonLines,
                dir.filePath(QStringLiteral("a.jsonl"))),
        };
        for (quint64 request : requests) {
            const auto error = answers.wait(request);
            EXPECT_EQ(error, std::nullopt) << error->message.toStdString();
        }
        // Compared while the viewer is still connected: temporary objects would show now.
        EXPECT_EQ(catalogCounts().toStdString(), before.toStdString());
    }
    EXPECT_EQ(catalogCounts().toStdString(), before.toStdString());
}

// ---- hostile input ------------------------------------------------------------------

namespace {

class HostileTest : public FreshAuditSchemaTest
{
protected:
    HostileTest()
        : FreshAuditSchemaTest(QStringLiteral("hostile"))
    {
    }

    void TearDown() override
    {
        m_connection.close();
        m_admin.exec(QStringLiteral("DROP SCHEMA IF EXISTS \"%1\" CASCADE").arg(m_schema));
    }

    QStringList ids(const Result<AuditPage> &page)
    {
        QStringList list;
        if (page) {
            for (const AuditEntry &entry : page->entries) {
                list.append(entry.id);
            }
        }
        return list;
    }

    AdminConnection m_params { TestDatabase::conninfo() };
};

void expectOneSentence(const QueryError &error)
{
    const std::string message = error.message.toStdString();
    EXPECT_FALSE(error.message.isEmpty());
    EXPECT_FALSE(error.message.contains(QLatin1Char('\n'))) << message;
    EXPECT_TRUE(error.message.endsWith(QLatin1Char('.'))) << message;
}

} // namespace

TEST_F(HostileTest, AMissingTableOrSchemaIsOneClearSentenceEverywhere)
{
    for (const AuditTableRef &missing : { table(QStringLiteral("no_such_table")),
             AuditTableRef { QStringLiteral("no_such_schema"), QStringLiteral("audit_log") } }) {
        SCOPED_TRACE(missing.displayName().toStdString());
        const AuditRepository repository(m_connection.session(), missing);
        const auto checked = repository.checkTable();
        ASSERT_FALSE(checked);
        EXPECT_EQ(checked.error().kind, QueryError::Kind::Schema);
        EXPECT_TRUE(checked.error().message.contains(
            missing.displayName() + QLatin1String(" does not exist")))
            << checked.error().message.toStdString();
        expectOneSentence(checked.error());

        const auto page = repository.page(AuditFilter(), 10);
        ASSERT_FALSE(page);
        expectOneSentence(page.error());
        EXPECT_TRUE(page.error().message.contains(QLatin1String("does not exist")))
            << page.error().message.toStdString();

        QTemporaryDir dir;
        const auto exported = AuditExporter(m_connection.session(), missing)
                                  .exportToFile(AuditFilter(), SortOrder::NewestFirst,
                                      ExportOptions(), dir.filePath(QStringLiteral("x.csv")));
        ASSERT_FALSE(exported);
        expectOneSentence(exported.error());
        EXPECT_TRUE(QDir(dir.path()).isEmpty());

        AuditWorker worker;
        WorkerAnswers answers(worker);
        ConnectionSettings settings = m_settings;
        settings.setTable(missing);
        const auto error = answers.wait(worker.connectTo(settings));
        ASSERT_TRUE(error.has_value());
        EXPECT_EQ(error->kind, QueryError::Kind::Schema);
    }
}

TEST_F(HostileTest, ColumnsMissingOrOfAnotherTypeAreNamed)
{
    ASSERT_TRUE(m_admin.exec(QStringLiteral(
        "CREATE TABLE \"%1\".lookalike (id text, action text, transport varchar(10), bank_id text, "
        "started_at timestamp, ended_at timestamptz, request json, response jsonb)")
                                 .arg(m_schema)));
    const auto checked = repository(QStringLiteral("lookalike")).checkTable();
    ASSERT_FALSE(checked);
    EXPECT_EQ(checked.error().kind, QueryError::Kind::Schema);
    expectOneSentence(checked.error());
    const std::string message = checked.error().message.toStdString();
    for (const char *named : { "it has no column metadata", "id is text, not uuid",
             "transport is character varying(10), not text",
             "started_at is timestamp without time zone, not timestamp with time zone",
             "request is json, not jsonb" }) {
        EXPECT_NE(message.find(named), std::string::npos) << message << " does not say " << named;
    }
}

TEST_F(HostileTest, ARoleWithoutSelectPrivilegeIsToldEverywhere)
{
    ASSERT_TRUE(m_admin.exec(QStringLiteral(
        "DROP ROLE IF EXISTS audit_hostile_nogrant; CREATE ROLE audit_hostile_nogrant LOGIN "
        "PASSWORD 'nogrant-pw'; GRANT USAGE ON SCHEMA \"%1\" TO audit_hostile_nogrant;")
                                 .arg(m_schema)));
    const auto dropRole = qScopeGuard([this] {
        m_admin.exec(QStringLiteral(
            "DROP OWNED BY audit_hostile_nogrant; DROP ROLE audit_hostile_nogrant;"));
    });
    ConnectionSettings settings = m_settings;
    settings.setValue(QStringLiteral("user"), QStringLiteral("audit_hostile_nogrant"));
    settings.setPassword(QStringLiteral("nogrant-pw"));
    {
        DatabaseConnection connection;
        ASSERT_TRUE(connection.open(settings));
        const AuditRepository repository(connection.session(), table());
        const auto checked = repository.checkTable();
        ASSERT_FALSE(checked);
        EXPECT_TRUE(checked.error().message.contains(QLatin1String("SELECT privilege")));
        const auto page = repository.page(AuditFilter(), 10);
        ASSERT_FALSE(page);
        expectOneSentence(page.error());
        EXPECT_TRUE(
            page.error().message.contains(QLatin1String("permission denied"), Qt::CaseInsensitive))
            << page.error().message.toStdString();
        QTemporaryDir dir;
        const auto exported = AuditExporter(connection.session(), table())
                                  .exportToFile(AuditFilter(), SortOrder::NewestFirst,
                                      ExportOptions(), dir.filePath(QStringLiteral("x.csv")));
        ASSERT_FALSE(exported);
        EXPECT_TRUE(exported.error().message.contains(
            QLatin1String("permission denied"), Qt::CaseInsensitive));
        EXPECT_TRUE(QDir(dir.path()).isEmpty());
    }
    AuditWorker worker;
    WorkerAnswers answers(worker);
    const auto error = answers.wait(worker.connectTo(settings));
    ASSERT_TRUE(error.has_value());
    EXPECT_EQ(error->kind, QueryError::Kind::Schema);
}

TEST_F(HostileTest, AnEmptyTableAnswersEveryQueryWithNothing)
{
    ASSERT_TRUE(repository().checkTable());
    const auto page = repository().page(AuditFilter(), 50);
    ASSERT_TRUE(page);
    EXPECT_TRUE(page->entries.isEmpty());
    EXPECT_FALSE(page->hasMore);
    EXPECT_EQ(*repository().exactCount(AuditFilter()), 0);
    EXPECT_TRUE(repository().estimatedCount(AuditFilter()));
    for (VolumePeriod period :
        { VolumePeriod::Today, VolumePeriod::SevenDays, VolumePeriod::ThirtyDays }) {
        const auto series = repository().volume(AuditFilter(), period, QTimeZone::utc());
        ASSERT_TRUE(series);
        EXPECT_FALSE(series->buckets.isEmpty());
        EXPECT_EQ(series->total(), 0);
    }
    EXPECT_TRUE(repository().distinctActions()->isEmpty());
    EXPECT_TRUE(repository().distinctBanks()->isEmpty());
    EXPECT_EQ(repository().distinctTransports()->size(), 3); // Hindsight's three, always offered
    const auto entry = repository().entry(QStringLiteral("00000000-0000-0000-0000-000000000000"));
    ASSERT_FALSE(entry);
    expectOneSentence(entry.error());

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("empty.csv"));
    const auto written
        = AuditExporter(m_connection.session(), table())
              .exportToFile(AuditFilter(), SortOrder::NewestFirst, ExportOptions(), path);
    ASSERT_TRUE(written);
    EXPECT_EQ(*written, 0);
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_EQ(file.readAll(), AuditExporter::csvHeader(ExportOptions()));
}

TEST_F(HostileTest, FiftyMegabytesOfJsonInOneRowPageEntryAndExportWork)
{
#if defined(__SANITIZE_ADDRESS__)
    constexpr bool kSanitized = true; // ASan's redzones and quarantine add to every peak
#else
    constexpr bool kSanitized = false;
#endif
    constexpr int kBlob = 50 * 1024 * 1024;
    ASSERT_TRUE(m_admin.exec(QStringLiteral(
        "INSERT INTO \"%1\".audit_log (action, transport, started_at, ended_at, request, response) "
        "SELECT 'retain', 'http', now() - g * interval '1 s', now(), '{\"small\": true}', '{}' "
        "FROM generate_series(1, 20) g;"
        "INSERT INTO \"%1\".audit_log (action, transport, started_at, ended_at, request, response) "
        "VALUES ('retain', 'http', now() - interval '10.5 s', now(), jsonb_build_object('n', "
        "12345678901234567890, 'blob', repeat('x', %2)), '{\"ok\": true}');")
                                 .arg(m_schema)
                                 .arg(kBlob)))
        << m_admin.error().toStdString();
    const QString bigId = m_admin.scalar(
        QStringLiteral("SELECT id FROM \"%1\".audit_log WHERE request ? 'blob'").arg(m_schema));

    MemoryPeak pageMemory;
    const auto page = repository().page(AuditFilter(), 50);
    const qint64 pagePeak = pageMemory.stop();
    ASSERT_TRUE(page);
    EXPECT_EQ(page->entries.size(), 21);
    EXPECT_TRUE(ids(page).contains(bigId));
    EXPECT_LT(pagePeak, kBlob / 5) << pagePeak / 1048576 << " MB more: the page fetched the JSON";

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("big.csv"));
    MemoryPeak exportMemory;
    const auto written
        = AuditExporter(m_connection.session(), table())
              .exportToFile(AuditFilter(), SortOrder::NewestFirst, ExportOptions(), path);
    const qint64 exportPeak = exportMemory.stop();
    ASSERT_TRUE(written) << written.error().message.toStdString();
    EXPECT_EQ(*written, 21);
    EXPECT_GT(QFileInfo(path).size(), kBlob);
    // libpq's input buffer and its result hold the row (2x); the file gets the document
    // straight from the result, never through a copy (which made it 3x, 4x under ASan).
    EXPECT_LT(exportPeak, kSanitized ? 7LL * kBlob / 2 : 5LL * kBlob / 2)
        << exportPeak / 1048576 << " MB more while exporting";

    MemoryPeak entryMemory;
    const auto entry = repository().entry(bigId);
    ASSERT_TRUE(entry) << entry.error().message.toStdString();
    const qint64 entryPeak = entryMemory.stop();
    const QByteArray request = entry->request.value_or(QString()).toUtf8();
    EXPECT_EQ(QString::number(request.size()),
        m_admin.scalar(QStringLiteral("SELECT octet_length(request::text) FROM \"%1\".audit_log "
                                      "WHERE id = '%2'")
                           .arg(m_schema, bigId)));
    EXPECT_EQ(
        QString::fromLatin1(QCryptographicHash::hash(request, QCryptographicHash::Md5).toHex()),
        m_admin.scalar(
            QStringLiteral("SELECT md5(request::text) FROM \"%1\".audit_log WHERE id = '%2'")
                .arg(m_schema, bigId)));
    // libpq's buffer and result beside the UTF-16 entry (twice the UTF-8 size).
    EXPECT_LT(entryPeak, 5LL * kBlob) << entryPeak / 1048576 << " MB more for the entry";
}

TEST_F(HostileTest, JsonNestedThreeThousandDeepComesBackExactAndFormats)
{
    const QString deep = QStringLiteral("{\"a\": [").repeated(1500) + QStringLiteral("1")
        + QStringLiteral("]}").repeated(1500);
    ASSERT_TRUE(m_params.exec(QStringLiteral("INSERT INTO \"%1\".audit_log (action, transport, "
                                             "request, response) VALUES ('retain', 'http', "
                                             "$1::jsonb, $1::jsonb)")
                                  .arg(m_schema),
        { deep }))
        << m_params.error().toStdString();
    const QString id
        = m_admin.scalar(QStringLiteral("SELECT id FROM \"%1\".audit_log").arg(m_schema));
    const QString stored = m_admin.scalar(
        QStringLiteral("SELECT request::text FROM \"%1\".audit_log").arg(m_schema));
    ASSERT_EQ(stored, deep); // jsonb renders it the way it was written

    const auto entry = repository().entry(id);
    ASSERT_TRUE(entry) << entry.error().message.toStdString();
    EXPECT_EQ(entry->request, stored);
    EXPECT_EQ(entry->response, stored);

    const JsonFormatResult pretty = JsonPrettyPrinter(2).format(QStringView(*entry->request));
    ASSERT_TRUE(pretty.ok) << pretty.error.toStdString();
    QString compact = pretty.text;
    compact.remove(QLatin1Char(' ')).remove(QLatin1Char('\n'));
    QString expected = stored;
    expected.remove(QLatin1Char(' '));
    EXPECT_EQ(compact, expected);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("deep.jsonl"));
    ExportOptions options;
    options.format = ExportOptions::Format::JsonLines;
    ASSERT_TRUE(AuditExporter(m_connection.session(), table())
                    .exportToFile(AuditFilter(), SortOrder::NewestFirst, options, path));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_EQ(file.readAll().count(stored.toUtf8()), 2);
}

TEST_F(HostileTest, AnInvalidConninfoFailsWithOneClearSentenceAndNoHang)
{
    const QStringList unparsable = {
        QStringLiteral("host=x bogus=1"),
        QStringLiteral("host='unterminated"),
        QStringLiteral("host"),
        QStringLiteral("postgresql://[::1"),
        QStringLiteral("postgresql://host/db?nonsense=1"),
    };
    for (const QString &conninfo : unparsable) {
        SCOPED_TRACE(conninfo.toStdString());
        const auto parsed = ConnectionSettings::parse(conninfo);
        ASSERT_FALSE(parsed);
        EXPECT_EQ(parsed.error().kind, QueryError::Kind::Usage);
        EXPECT_TRUE(parsed.error().message.startsWith(
            QLatin1String("The connection string is not valid: ")));
        expectOneSentence(parsed.error());
    }
    const QString base = TestDatabase::conninfo();
    const QStringList unusable = {
        base + QStringLiteral(" port=notaport"),
        base + QStringLiteral(" sslmode=sometimes"),
        base + QStringLiteral(" connect_timeout=soon"),
        base + QStringLiteral(" application_name='semi;colon'"),
        base + QStringLiteral(" options='-c no_such_setting=1'"),
        base + QStringLiteral(" dbname=no_such_database"),
    };
    for (const QString &conninfo : unusable) {
        SCOPED_TRACE(conninfo.toStdString());
        const auto parsed = ConnectionSettings::parse(conninfo);
        ASSERT_TRUE(parsed) << parsed.error().message.toStdString();
        DatabaseConnection connection;
        QElapsedTimer timer;
        timer.start();
        const auto opened = connection.open(parsed.value());
        EXPECT_LT(timer.elapsed(), 5000);
        ASSERT_FALSE(opened);
        expectOneSentence(opened.error());
        EXPECT_FALSE(connection.isOpen());
    }
}

namespace {

// Text that trips up quoting, LIKE patterns, escaping, terminals and bidi rendering.
QStringList hostileStrings()
{
    return {
        QStringLiteral("'"),
        QStringLiteral("\""),
        QStringLiteral("\\"),
        QStringLiteral("\\\\"),
        QStringLiteral("%"),
        QStringLiteral("_"),
        QStringLiteral("a%b"),
        QStringLiteral("a_b"),
        QStringLiteral("%%"),
        QStringLiteral("\\%"),
        QStringLiteral("\\_"),
        QStringLiteral("[x]*?.+"),
        QStringLiteral("$1 :name ?"),
        QStringLiteral("'); DROP TABLE audit_log; --"),
        QStringLiteral("/* \"quoted\" */"),
        QStringLiteral("O'Reilly \"quoted\" \\ % _"),
        QStringLiteral("line\nbreak"),
        QStringLiteral("tab\there"),
        QStringLiteral("cr\rhere"),
        QStringLiteral("bell\u0007 esc\u001b[31m del\u007f"),
        QStringLiteral("rlm\u200f"),
        QStringLiteral("\u202eexe.txt"),
        QStringLiteral("\u2066isolate\u2069"),
        QStringLiteral("zero\u200bwidth"),
        QStringLiteral("😀"),
        QStringLiteral("👩‍💻"),
        QStringLiteral("ÄÖÜ"),
        QStringLiteral("äöü"),
        QStringLiteral("e\u0301"),
        QStringLiteral("é"),
        QStringLiteral(" "),
        QStringLiteral(""),
        QStringLiteral("NULL"),
        QStringLiteral("retain"),
        QStringLiteral("RETAIN"),
    };
}

} // namespace

TEST_F(HostileTest, HostileStringsInEveryColumnAndFilterReturnExactlyWhatSqlSays)
{
    const QStringList strings = hostileStrings();
    const qsizetype n = strings.size();
    const QString t = table().quoted();
    // Each string is an action, a transport, a bank and JSON text somewhere; a decoy row
    // holds it inside other text, so that a wildcard or a prefix match shows.
    for (qsizetype i = 0; i < 2 * n; ++i) {
        const bool decoy = i >= n;
        auto at = [&](qsizetype k) {
            const QString s = strings[(i + k) % n];
            return decoy ? QStringLiteral("x") + s + QStringLiteral("x") : s;
        };
        ASSERT_TRUE(m_params.exec(
            QStringLiteral("INSERT INTO %1 (action, transport, bank_id, started_at, ended_at, "
                           "request, response, metadata) VALUES ($1, $2, $3, now() - $4::int * "
                           "interval '1 minute' - interval '0.000001 s', now(), "
                           "jsonb_build_object('q', $1::text, 'w', $5::text), CASE WHEN $7::bool "
                           "THEN NULL ELSE jsonb_build_object('r', $6::text) END, "
                           "jsonb_build_object('m', $1::text))")
                .arg(t),
            { at(0), at(1), i % 7 == 3 ? QString() : at(2), QString::number(i), at(3), at(4),
                i % 5 == 0 ? QStringLiteral("t") : QStringLiteral("f") }))
            << m_params.error().toStdString();
    }
    const QString order = QStringLiteral(" ORDER BY started_at DESC, id DESC");

    // Values come back exactly.
    const auto all = repository().page(AuditFilter(), 1000);
    ASSERT_TRUE(all);
    ASSERT_EQ(all->entries.size(), 2 * n);
    EXPECT_EQ(ids(all), m_params.column(QStringLiteral("SELECT id::text FROM %1").arg(t) + order));
    QStringList actions, transports, banks;
    for (const AuditEntry &entry : all->entries) {
        actions.append(entry.action);
        transports.append(entry.transport);
        banks.append(entry.bankId.value_or(QStringLiteral("<null>")));
        const auto detail = repository().entry(entry.id);
        ASSERT_TRUE(detail) << detail.error().message.toStdString();
        EXPECT_EQ(detail->request,
            m_params.scalar(
                QStringLiteral("SELECT request::text FROM %1 WHERE id = $1").arg(t), { entry.id }));
    }
    EXPECT_EQ(actions, m_params.column(QStringLiteral("SELECT action FROM %1").arg(t) + order));
    EXPECT_EQ(
        transports, m_params.column(QStringLiteral("SELECT transport FROM %1").arg(t) + order));
    EXPECT_EQ(banks,
        m_params.column(
            QStringLiteral("SELECT coalesce(bank_id, '<null>') FROM %1").arg(t) + order));
    EXPECT_EQ(*repository().distinctActions(),
        m_params.column(QStringLiteral("SELECT DISTINCT action FROM %1 ORDER BY 1").arg(t)));
    EXPECT_EQ(*repository().distinctBanks(),
        m_params.column(
            QStringLiteral("SELECT DISTINCT bank_id FROM %1 WHERE bank_id IS NOT NULL ORDER BY 1")
                .arg(t)));

    // Every filter field matches exactly the rows SQL says.
    const QString searched = QStringLiteral(
        " WHERE strpos(lower(request::text), lower($1)) > 0 OR strpos(lower(response::text), "
        "lower($1)) > 0");
    for (const QString &s : strings) {
        SCOPED_TRACE(s.toStdString());
        AuditFilter byAction;
        byAction.actions = { s };
        const QStringList actionTruth = m_params.column(
            QStringLiteral("SELECT id::text FROM %1 WHERE action = $1").arg(t) + order, { s });
        EXPECT_EQ(ids(repository().page(byAction, 1000)), actionTruth) << "action";
        EXPECT_EQ(*repository().exactCount(byAction), actionTruth.size());
        const auto series
            = repository().volume(byAction, VolumePeriod::SevenDays, QTimeZone::utc());
        ASSERT_TRUE(series);
        EXPECT_EQ(series->total(), actionTruth.size());
        for (const VolumeBucket &bucket : series->buckets) {
            for (auto it = bucket.actions.cbegin(); it != bucket.actions.cend(); ++it) {
                EXPECT_EQ(it.key(), s);
            }
        }

        AuditFilter byBank;
        byBank.bank = s;
        const QStringList bankTruth = m_params.column(
            QStringLiteral("SELECT id::text FROM %1 WHERE bank_id = $1").arg(t) + order, { s });
        EXPECT_EQ(ids(repository().page(byBank, 1000)), bankTruth) << "bank";
        QBuffer exported;
        exported.open(QIODevice::WriteOnly);
        ExportOptions jsonLines;
        jsonLines.format = ExportOptions::Format::JsonLines;
        ASSERT_TRUE(AuditExporter(m_connection.session(), table())
                        .exportTo(byBank, SortOrder::NewestFirst, jsonLines, exported));
        QStringList exportedIds;
        for (const QByteArray &line : exported.data().split('\n')) {
            if (!line.isEmpty()) {
                const QJsonObject object = QJsonDocument::fromJson(line).object();
                EXPECT_EQ(object.value(QLatin1String("bank_id")).toString(), s);
                exportedIds.append(object.value(QLatin1String("id")).toString());
            }
        }
        EXPECT_EQ(exportedIds, bankTruth) << "export";

        if (s.isEmpty()) {
            continue; // an empty transport or search does not filter
        }
        AuditFilter byTransport;
        byTransport.transport = s;
        EXPECT_EQ(ids(repository().page(byTransport, 1000)),
            m_params.column(
                QStringLiteral("SELECT id::text FROM %1 WHERE transport = $1").arg(t) + order,
                { s }))
            << "transport";
        AuditFilter bySearch;
        bySearch.search = s;
        const QStringList searchTruth = m_params.column(
            QStringLiteral("SELECT id::text FROM %1").arg(t) + searched + order, { s });
        EXPECT_EQ(ids(repository().page(bySearch, 1000)), searchTruth) << "search";
        EXPECT_EQ(*repository().exactCount(bySearch), searchTruth.size());
    }

    // The command line passes the same strings through its arguments.
    auto listed = [&](const QStringList &filter) {
        const ViewerCliRun run = runViewerCli(
            QStringList { QStringLiteral("list"), TestDatabase::conninfo(),
                QStringLiteral("--schema"), m_schema, QStringLiteral("--limit"),
                QStringLiteral("1000"), QStringLiteral("--format"), QStringLiteral("jsonl") }
            + filter);
        EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();
        QStringList ids;
        for (const QString &line : run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            ids.append(QJsonDocument::fromJson(line.toUtf8())
                           .object()
                           .value(QLatin1String("id"))
                           .toString());
        }
        return ids;
    };
    for (const QString &s : { QStringLiteral("O'Reilly \"quoted\" \\ % _"), QStringLiteral("\\\\"),
             QStringLiteral("line\nbreak"), QStringLiteral("\u202eexe.txt"),
             QStringLiteral("a_b") }) {
        SCOPED_TRACE(s.toStdString());
        const QStringList bankTruth = m_params.column(
            QStringLiteral("SELECT id::text FROM %1 WHERE bank_id = $1").arg(t) + order, { s });
        EXPECT_FALSE(bankTruth.isEmpty());
        EXPECT_EQ(listed({ QStringLiteral("--bank"), s }), bankTruth);
        EXPECT_EQ(listed({ QStringLiteral("--action"), s }),
            m_params.column(
                QStringLiteral("SELECT id::text FROM %1 WHERE action = $1").arg(t) + order, { s }));
        EXPECT_EQ(listed({ QStringLiteral("--search"), s }),
            m_params.column(
                QStringLiteral("SELECT id::text FROM %1").arg(t) + searched + order, { s }));
    }
}
