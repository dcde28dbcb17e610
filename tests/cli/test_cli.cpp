#include "connectionsettings.h"
#include "durationtext.h"
#include "pgbouncer.h"
#include "testconnection.h"
#include "testdatabase.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>

#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace {

struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

CliRun runCli(const QStringList &arguments, const QProcessEnvironment &extra = {})
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &key : extra.keys()) {
        env.insert(key, extra.value(key));
    }
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(AUDIT_VIEWER_BINARY), arguments);
    if (!process.waitForFinished(60000)) {
        process.kill();
        return {};
    }
    return { process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
        QString::fromUtf8(process.readAllStandardOutput()),
        QString::fromUtf8(process.readAllStandardError()) };
}

// `arguments` (a sub-command first) with the test cluster's CONNINFO after the sub-command
// and the audit table in `schema`.
QStringList connectedTo(const QString &schema, QStringList arguments)
{
    arguments.insert(1, TestDatabase::conninfo());
    arguments.append({ QStringLiteral("--schema"), schema });
    return arguments;
}

QStringList lines(const QString &text)
{
    return text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

// 240 rows in schema "cli": an hour apart, newest first an hour ago; every 10th failed.
class CliTest : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        ASSERT_NO_FATAL_FAILURE(createSeededAuditSchema(QStringLiteral("cli"),
            QStringLiteral("INSERT INTO cli.audit_log (action, transport, bank_id, started_at, "
                           "ended_at, request, response, metadata) "
                           "SELECT (ARRAY['retain','recall','reflect'])[1 + g % 3], "
                           "(ARRAY['http','mcp'])[1 + g % 2], 'bank-' || (g % 4), "
                           " now() - g * interval '1 hour' - interval '0.000007 seconds', now() - "
                           "g * interval '1 hour' + interval '0.25 seconds', "
                           " '{\"big\": 12345678901234567890, \"query\": \"caf\\u00e9\"}', CASE "
                           "WHEN g % 10 = 0 THEN NULL ELSE '{\"ok\": true}'::jsonb END, '{}' "
                           "FROM generate_series(1, 240) g;"
                           "DROP ROLE IF EXISTS cli_reader; CREATE ROLE cli_reader LOGIN PASSWORD "
                           "'cli-right-pw';")));
    }

    static QStringList withConn(const QStringList &arguments)
    {
        return connectedTo(QStringLiteral("cli"), arguments);
    }

    TestDatabase m_admin;
};

} // namespace

TEST_F(CliTest, ListPrintsJsonLinesWithMicrosecondTimes)
{
    const CliRun run = runCli(withConn({ QStringLiteral("list"), QStringLiteral("--format"),
        QStringLiteral("jsonl"), QStringLiteral("--limit"), QStringLiteral("5") }));
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    const QStringList rows = lines(run.out);
    ASSERT_EQ(rows.size(), 5);
    for (const QString &row : rows) {
        const QJsonObject object = QJsonDocument::fromJson(row.toUtf8()).object();
        EXPECT_EQ(object.keys().size(), 8) << row.toStdString();
        EXPECT_EQ(object.value(QLatin1String("schema")).toString().toStdString(), "cli");
        EXPECT_TRUE(object.value(QLatin1String("started_at"))
                        .toString()
                        .contains(QRegularExpression(QStringLiteral(
                            "^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z$"))))
            << row.toStdString();
        EXPECT_DOUBLE_EQ(object.value(QLatin1String("duration_ms")).toDouble(), 250.007);
    }
    // Exactly what PostgreSQL holds, to the microsecond.
    const QString newest
        = m_admin.scalar(QStringLiteral("SELECT to_char(max(started_at) AT TIME ZONE 'UTC', "
                                        "'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') FROM cli.audit_log"));
    EXPECT_EQ(QJsonDocument::fromJson(rows[0].toUtf8())
                  .object()
                  .value(QLatin1String("started_at"))
                  .toString(),
        newest);
}

TEST_F(CliTest, ListPagesWithAfterCursorWithoutGapOrRepeat)
{
    QStringList seen;
    QString after;
    for (int page = 0; page < 20; ++page) {
        QStringList args { QStringLiteral("list"), QStringLiteral("--format"),
            QStringLiteral("jsonl"), QStringLiteral("--limit"), QStringLiteral("50"),
            QStringLiteral("--action"), QStringLiteral("retain"), QStringLiteral("--action"),
            QStringLiteral("recall") };
        if (!after.isEmpty()) {
            args << QStringLiteral("--after") << after;
        }
        const CliRun run = runCli(withConn(args));
        ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
        const QStringList rows = lines(run.out);
        if (rows.isEmpty()) {
            break;
        }
        for (const QString &row : rows) {
            seen.append(QJsonDocument::fromJson(row.toUtf8())
                            .object()
                            .value(QLatin1String("id"))
                            .toString());
        }
        const QJsonObject last = QJsonDocument::fromJson(rows.last().toUtf8()).object();
        after = last.value(QLatin1String("started_at")).toString() + QLatin1Char(',')
            + last.value(QLatin1String("id")).toString();
    }
    EXPECT_EQ(seen.size(), 160);
    EXPECT_EQ(QSet<QString>(seen.begin(), seen.end()).size(), 160);
}

TEST_F(CliTest, ListFiltersFailedAndCsv)
{
    const CliRun run = runCli(
        withConn({ QStringLiteral("list"), QStringLiteral("--failed"), QStringLiteral("--format"),
            QStringLiteral("csv"), QStringLiteral("--limit"), QStringLiteral("1000") }));
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    const QStringList rows = lines(run.out);
    ASSERT_EQ(rows.size(), 25); // header + every 10th of 240
    EXPECT_EQ(rows[0].toStdString(),
        "id,schema,action,transport,bank_id,started_at,ended_at,duration_ms");
}

TEST_F(CliTest, LastIsTheSameSpanAsARelativeSince)
{
    const QStringList format { QStringLiteral("--format"), QStringLiteral("csv"),
        QStringLiteral("--limit"), QStringLiteral("1000") };
    const CliRun last = runCli(withConn(
        QStringList { QStringLiteral("list"), QStringLiteral("--last"), QStringLiteral("24h") }
        + format));
    const CliRun since = runCli(withConn(
        QStringList { QStringLiteral("list"), QStringLiteral("--since"), QStringLiteral("24h") }
        + format));
    const CliRun all = runCli(withConn(QStringList { QStringLiteral("list") } + format));
    ASSERT_EQ(last.exitCode, 0) << last.err.toStdString();
    EXPECT_EQ(last.out, since.out);
    EXPECT_LT(lines(last.out).size(), lines(all.out).size());
}

TEST_F(CliTest, StatsJsonBucketsByLocalDaysAndByUtc)
{
    QProcessEnvironment berlin;
    berlin.insert(QStringLiteral("TZ"), QStringLiteral("Europe/Berlin"));
    const CliRun local
        = runCli(withConn({ QStringLiteral("stats"), QStringLiteral("--period"),
                     QStringLiteral("7d"), QStringLiteral("--format"), QStringLiteral("json") }),
            berlin);
    ASSERT_EQ(local.exitCode, 0) << local.err.toStdString();
    const QJsonObject stats = QJsonDocument::fromJson(local.out.toUtf8()).object();
    EXPECT_EQ(stats.value(QLatin1String("period")).toString().toStdString(), "7d");
    EXPECT_EQ(stats.value(QLatin1String("trunc")).toString().toStdString(), "day");
    EXPECT_EQ(stats.value(QLatin1String("zone")).toString().toStdString(), "Europe/Berlin");
    const QJsonArray buckets = stats.value(QLatin1String("buckets")).toArray();
    ASSERT_EQ(buckets.size(), 7);
    qint64 total = 0;
    for (const QJsonValue &bucket : buckets) {
        total += bucket.toObject().value(QLatin1String("total")).toInteger();
    }
    const QString start = stats.value(QLatin1String("start")).toString();
    EXPECT_EQ(QString::number(total),
        m_admin.scalar(QStringLiteral("SELECT count(*) FROM cli.audit_log WHERE started_at >= '%1'")
                           .arg(start)));

    const CliRun utc = runCli(
        withConn({ QStringLiteral("stats"), QStringLiteral("--period"), QStringLiteral("today"),
            QStringLiteral("--utc"), QStringLiteral("--format"), QStringLiteral("json"),
            QStringLiteral("--action"), QStringLiteral("recall") }),
        berlin);
    ASSERT_EQ(utc.exitCode, 0) << utc.err.toStdString();
    const QJsonObject today = QJsonDocument::fromJson(utc.out.toUtf8()).object();
    EXPECT_EQ(today.value(QLatin1String("zone")).toString().toStdString(), "UTC");
    EXPECT_EQ(today.value(QLatin1String("trunc")).toString().toStdString(), "hour");
    EXPECT_TRUE(today.value(QLatin1String("start"))
                    .toString()
                    .endsWith(QLatin1String("T00:00:00.000000Z")));
}

TEST_F(CliTest, ShowJsonKeepsStoredNumbersExactly)
{
    const QString id = m_admin.scalar(
        QStringLiteral("SELECT id FROM cli.audit_log ORDER BY started_at DESC LIMIT 1"));
    const CliRun run = runCli(withConn(
        { QStringLiteral("show"), id, QStringLiteral("--format"), QStringLiteral("json") }));
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    EXPECT_TRUE(run.out.contains(QLatin1String("\"big\": 12345678901234567890")))
        << run.out.toStdString();
    EXPECT_TRUE(run.out.contains(QStringLiteral("\"query\": \"café\""))) << run.out.toStdString();
    QJsonParseError error;
    const QJsonObject object = QJsonDocument::fromJson(run.out.toUtf8(), &error).object();
    ASSERT_EQ(error.error, QJsonParseError::NoError) << run.out.toStdString();
    EXPECT_EQ(object.value(QLatin1String("id")).toString(), id);
    EXPECT_TRUE(object.value(QLatin1String("request")).isObject());

    const CliRun text = runCli(withConn({ QStringLiteral("show"), id }));
    ASSERT_EQ(text.exitCode, 0) << text.err.toStdString();
    EXPECT_TRUE(text.out.contains(QLatin1String("Request:")));
    EXPECT_TRUE(text.out.contains(QLatin1String("12345678901234567890")));
}

TEST_F(CliTest, UsageErrorsExitWithOne)
{
    for (const QStringList &args : QList<QStringList> {
             { QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("xml") },
             { QStringLiteral("list"), QStringLiteral("--bogus") },
             { QStringLiteral("list"), QStringLiteral("--since"), QStringLiteral("last tuesday") },
             { QStringLiteral("list"), QStringLiteral("--after"), QStringLiteral("nonsense") },
             { QStringLiteral("stats"), QStringLiteral("--period"), QStringLiteral("year") },
             { QStringLiteral("list"), QStringLiteral("--last"), QStringLiteral("2d") },
             { QStringLiteral("list"), QStringLiteral("--last"), QStringLiteral("7d"),
                 QStringLiteral("--since"), QStringLiteral("2026-01-01") },
             { QStringLiteral("show") } }) {
        const CliRun run = runCli(args);
        EXPECT_EQ(run.exitCode, 1) << args.join(QLatin1Char(' ')).toStdString();
        EXPECT_TRUE(run.err.startsWith(QLatin1String("audit-viewer: "))) << run.err.toStdString();
        EXPECT_TRUE(run.out.isEmpty());
    }
}

TEST_F(CliTest, TheWindowRefusesAMissingViewOrAViewWithFilters)
{
    QTemporaryDir runtime;
    QProcessEnvironment env;
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtime.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), runtime.path());
    for (const QStringList &args :
        QList<QStringList> { { QStringLiteral("--view"), QStringLiteral("no such view \u2713") },
            { QStringLiteral("--view"), QStringLiteral("x"), QStringLiteral("--action"),
                QStringLiteral("retain") } }) {
        const CliRun run = runCli(args, env);
        EXPECT_EQ(run.exitCode, 1) << args.join(QLatin1Char(' ')).toStdString();
        EXPECT_TRUE(run.err.startsWith(QLatin1String("audit-viewer: "))) << run.err.toStdString();
    }
}

TEST_F(CliTest, HelpAndVersionExitWithZero)
{
    const CliRun help = runCli({ QStringLiteral("--help") });
    EXPECT_EQ(help.exitCode, 0);
    EXPECT_TRUE(help.out.contains(QLatin1String("audit-viewer list")));
    const CliRun listHelp = runCli({ QStringLiteral("list"), QStringLiteral("--help") });
    EXPECT_EQ(listHelp.exitCode, 0);
    EXPECT_TRUE(listHelp.out.contains(QLatin1String("--after")));
    const CliRun version = runCli({ QStringLiteral("--version") });
    EXPECT_EQ(version.exitCode, 0);
    EXPECT_TRUE(version.out.startsWith(QLatin1String("audit-viewer ")));
}

TEST_F(CliTest, DatabaseErrorsExitWithTwoAndOneClearLine)
{
    const QString conn = TestDatabase::conninfo();
    struct Case
    {
        QStringList args;
        const char *expected;
    };
    const QList<Case> cases {
        { { QStringLiteral("list"),
              conn + QStringLiteral(" user=cli_reader password=cli-wrong-pw") },
            "password authentication failed" },
        { { QStringLiteral("list"), QStringLiteral("host=127.0.0.1 port=1 connect_timeout=5") },
            "Could not connect" },
        { { QStringLiteral("list"), conn, QStringLiteral("--table"),
              QStringLiteral("no_such_table") },
            "does not exist" },
        { { QStringLiteral("show"), conn, QStringLiteral("00000000-0000-0000-0000-000000000000"),
              QStringLiteral("--schema"), QStringLiteral("cli") },
            "No audit entry" },
        { { QStringLiteral("list"), QStringLiteral("host=127.0.0.1 port=notaport") },
            "Could not connect" },
    };
    for (const Case &c : cases) {
        const CliRun run = runCli(c.args);
        EXPECT_EQ(run.exitCode, 2)
            << c.args.join(QLatin1Char(' ')).toStdString() << run.err.toStdString();
        EXPECT_EQ(lines(run.err).size(), 1) << run.err.toStdString();
        EXPECT_TRUE(run.err.contains(QLatin1String(c.expected))) << run.err.toStdString();
        EXPECT_FALSE(run.err.contains(QLatin1String("cli-wrong-pw")));
    }
}

TEST_F(CliTest, InvalidConninfoIsAUsageErrorAndExitsWithOne)
{
    const CliRun run = runCli({ QStringLiteral("list"), QStringLiteral("host=x bogus") });
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_TRUE(run.err.contains(QLatin1String("connection string is not valid")))
        << run.err.toStdString();
}

TEST_F(CliTest, ExportWritesEveryMatchingRowToAFileOrStdout)
{
    const QString path = QDir::temp().filePath(QStringLiteral("audit-viewer-cli-export.csv"));
    QFile::remove(path);
    const CliRun run = runCli(withConn({ QStringLiteral("export"), QStringLiteral("--failed"),
        QStringLiteral("--output"), path }));
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> rows = file.readAll().split('\n');
    EXPECT_EQ(rows.size(), 26); // header, 24 failed rows, final newline
    EXPECT_TRUE(rows[0].startsWith(
        "id,schema,action,transport,bank_id,started_at,ended_at,duration_ms,request,response,"
        "metadata"));
    EXPECT_TRUE(rows[1].contains("12345678901234567890"));
    file.remove();

    const CliRun jsonl = runCli(withConn({ QStringLiteral("export"), QStringLiteral("--output"),
        QStringLiteral("-"), QStringLiteral("--format"), QStringLiteral("jsonl"),
        QStringLiteral("--action"), QStringLiteral("reflect") }));
    ASSERT_EQ(jsonl.exitCode, 0) << jsonl.err.toStdString();
    EXPECT_EQ(lines(jsonl.out).size(), 80);
    EXPECT_TRUE(jsonl.err.isEmpty()) << jsonl.err.toStdString();
}

TEST_F(CliTest, ExportToAFullDiskExitsWithTwo)
{
    const CliRun run = runCli(withConn(
        { QStringLiteral("export"), QStringLiteral("--output"), QStringLiteral("/dev/full") }));
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_EQ(lines(run.err).size(), 1) << run.err.toStdString();
    EXPECT_TRUE(run.err.contains(QLatin1String("No space left on device")))
        << run.err.toStdString();
    const CliRun usage
        = runCli({ QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("csv") });
    EXPECT_EQ(usage.exitCode, 1);
    EXPECT_TRUE(usage.err.contains(QLatin1String("--output")));
}

namespace {

// Schema "cli_slow": recalls of exactly 5 s, 5 s - 1 us and 5 s + 1 us, a retain that failed
// after 8 s, one of 250 ms, and a recall still in flight.
class CliSlowCallsTest : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        ASSERT_NO_FATAL_FAILURE(createSeededAuditSchema(QStringLiteral("cli_slow"),
            QStringLiteral(
                "INSERT INTO cli_slow.audit_log (action, transport, started_at, ended_at, "
                "response) "
                "VALUES ('recall', 'http', now() - interval '1 hour', now() - interval '1 hour' + "
                "interval '5 s', '{}'),"
                " ('recall', 'http', now() - interval '2 hours', now() - interval '2 hours' + "
                "interval '4.999999 s', '{}'),"
                " ('recall', 'http', now() - interval '3 hours', now() - interval '3 hours' + "
                "interval '5.000001 s', '{}'),"
                " ('retain', 'mcp', now() - interval '4 hours', now() - interval '4 hours' + "
                "interval '8 s', NULL),"
                " ('retain', 'mcp', now() - interval '5 hours', now() - interval '5 hours' + "
                "interval '250 ms', '{}'),"
                " ('recall', 'http', now() - interval '1 minute', NULL, NULL)")));
    }

    static QStringList withConn(const QStringList &arguments)
    {
        return connectedTo(QStringLiteral("cli_slow"), arguments);
    }

    TestDatabase m_admin;
};

} // namespace

TEST_F(CliSlowCallsTest, MinDurationListsOnlyCallsThatTookAtLeastThatLong)
{
    const CliRun run = runCli(withConn({ QStringLiteral("list"), QStringLiteral("--min-duration"),
        QStringLiteral("5s"), QStringLiteral("--format"), QStringLiteral("jsonl") }));
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    QStringList ids;
    for (const QString &row : lines(run.out)) {
        ids.append(
            QJsonDocument::fromJson(row.toUtf8()).object().value(QLatin1String("id")).toString());
    }
    EXPECT_EQ(ids,
        m_admin.column(QStringLiteral("SELECT id FROM cli_slow.audit_log WHERE ended_at - "
                                      "started_at >= interval '5 s' ORDER BY started_at DESC")));
    EXPECT_EQ(ids.size(), 3); // 5 s, 5.000001 s and the failed 8 s; not 4.999999 s

    const CliRun fraction
        = runCli(withConn({ QStringLiteral("list"), QStringLiteral("--min-duration"),
            QStringLiteral("5.000001s"), QStringLiteral("--format"), QStringLiteral("csv") }));
    ASSERT_EQ(fraction.exitCode, 0) << fraction.err.toStdString();
    EXPECT_EQ(lines(fraction.out).size(), 3); // the header, 5.000001 s and 8 s
}

TEST_F(CliSlowCallsTest, AnInvalidDurationIsAUsageError)
{
    for (const QString &command :
        { QStringLiteral("list"), QStringLiteral("stats"), QStringLiteral("export") }) {
        for (const QString &duration : { QStringLiteral("5 parsecs"), QStringLiteral("-5s"),
                 QStringLiteral("1.5us"), QString() }) {
            QStringList args { command, QStringLiteral("--min-duration"), duration };
            if (command == QLatin1String("export")) {
                args << QStringLiteral("--output") << QStringLiteral("-");
            }
            const CliRun run = runCli(withConn(args));
            EXPECT_EQ(run.exitCode, 1) << args.join(QLatin1Char(' ')).toStdString();
            EXPECT_TRUE(run.err.startsWith(QLatin1String("audit-viewer: --min-duration takes")))
                << run.err.toStdString();
            EXPECT_TRUE(run.out.isEmpty());
        }
    }
    const CliRun period = runCli(withConn({ QStringLiteral("stats"), QStringLiteral("--latency"),
        QStringLiteral("--period"), QStringLiteral("30d") }));
    EXPECT_EQ(period.exitCode, 1);
    EXPECT_TRUE(period.err.contains(QLatin1String("--latency"))) << period.err.toStdString();
}

TEST_F(CliSlowCallsTest, StatsLatencyPrintsPercentilesPerActionAndForAll)
{
    const CliRun json = runCli(withConn({ QStringLiteral("stats"), QStringLiteral("--latency"),
        QStringLiteral("--format"), QStringLiteral("json") }));
    ASSERT_EQ(json.exitCode, 0) << json.err.toStdString();
    const QJsonObject summary = QJsonDocument::fromJson(json.out.toUtf8()).object();
    const QJsonArray actions = summary.value(QLatin1String("actions")).toArray();
    ASSERT_EQ(actions.size(), 2) << json.out.toStdString();
    const QJsonObject recall = actions.at(0).toObject();
    EXPECT_EQ(recall.value(QLatin1String("action")).toString(), QStringLiteral("recall"));
    EXPECT_EQ(recall.value(QLatin1String("calls")).toInteger(), 3); // not the one in flight
    EXPECT_EQ(recall.value(QLatin1String("p50_us")).toInteger(), 5'000'000);
    EXPECT_EQ(recall.value(QLatin1String("max_us")).toInteger(), 5'000'001);
    const QJsonObject total = summary.value(QLatin1String("total")).toObject();
    EXPECT_EQ(total.value(QLatin1String("calls")).toInteger(), 5);
    EXPECT_EQ(total.value(QLatin1String("max_us")).toInteger(), 8'000'000);
    EXPECT_EQ(total.value(QLatin1String("p50_us")).toInteger(),
        m_admin
            .scalar(QStringLiteral(
                "SELECT round(percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM "
                "ended_at - started_at) * 1000000)) FROM cli_slow.audit_log"))
            .toLongLong());

    const CliRun table = runCli(withConn(
        { QStringLiteral("stats"), QStringLiteral("--latency"), QStringLiteral("--min-duration"),
            QStringLiteral("5s"), QStringLiteral("--last"), QStringLiteral("7d") }));
    ASSERT_EQ(table.exitCode, 0) << table.err.toStdString();
    const QStringList rows = lines(table.out);
    ASSERT_EQ(rows.size(), 4) << table.out.toStdString();
    // Columns are two or more spaces apart; durations read as in the window.
    const auto cells = [](const QString &row) {
        return row.trimmed().split(QRegularExpression(QStringLiteral(" {2,}")));
    };
    const auto readable = [](qint64 micros) { return readableDuration(micros, QLocale::c()); };
    EXPECT_EQ(cells(rows[0]), QStringList({ "action", "calls", "p50", "p95", "p99", "max" }));
    EXPECT_EQ(cells(rows[1]),
        QStringList({ "recall", "2", readable(5'000'000), readable(5'000'001), readable(5'000'001),
            readable(5'000'001) }));
    // (p50 is 5.0000005 s, which PostgreSQL rounds to the even microsecond.)
    EXPECT_EQ(cells(rows[2]),
        QStringList({ "retain", "1", readable(8'000'000), readable(8'000'000), readable(8'000'000),
            readable(8'000'000) }));
    EXPECT_EQ(cells(rows[3]),
        QStringList({ "all actions", "3", readable(5'000'001), readable(7'700'000),
            readable(7'940'000), readable(8'000'000) }));
    // Not the exact spelling of --min-duration ("358031us" beside "9.724831s").
    EXPECT_EQ(cells(rows[3]).at(4).toStdString(), "7.94 s");
}

TEST_F(CliSlowCallsTest, SortLongestFirstPagesThroughDurationsWithTheSameCursor)
{
    // One row a page: every --after is a started_at,id cursor, as in the time orders.
    QStringList ids;
    QString after;
    for (int page = 0; page < 10; ++page) {
        QStringList args { QStringLiteral("list"), QStringLiteral("--sort"),
            QStringLiteral("longest"), QStringLiteral("--limit"), QStringLiteral("1"),
            QStringLiteral("--format"), QStringLiteral("jsonl") };
        if (!after.isEmpty()) {
            args << QStringLiteral("--after") << after;
        }
        const CliRun run = runCli(withConn(args));
        ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
        const QStringList rows = lines(run.out);
        if (rows.isEmpty()) {
            break;
        }
        const QJsonObject row = QJsonDocument::fromJson(rows.first().toUtf8()).object();
        ids.append(row.value(QLatin1String("id")).toString());
        after = row.value(QLatin1String("started_at")).toString() + QLatin1Char(',')
            + row.value(QLatin1String("id")).toString();
    }
    // 8 s, 5.000001 s, 5 s, 4.999999 s, 250 ms, then the call in flight.
    EXPECT_EQ(ids,
        m_admin.column(QStringLiteral("SELECT id FROM cli_slow.audit_log ORDER BY ended_at - "
                                      "started_at DESC NULLS LAST, id DESC")));

    const CliRun shortest = runCli(withConn({ QStringLiteral("list"), QStringLiteral("--sort"),
        QStringLiteral("shortest"), QStringLiteral("--format"), QStringLiteral("csv") }));
    ASSERT_EQ(shortest.exitCode, 0) << shortest.err.toStdString();
    const QStringList rows = lines(shortest.out);
    ASSERT_EQ(rows.size(), 7);
    EXPECT_TRUE(rows[1].endsWith(QLatin1String(",250.000"))) << rows[1].toStdString();

    const CliRun exported = runCli(withConn({ QStringLiteral("export"), QStringLiteral("--sort"),
        QStringLiteral("longest"), QStringLiteral("--no-json"), QStringLiteral("--output"),
        QStringLiteral("-"), QStringLiteral("--format"), QStringLiteral("jsonl") }));
    ASSERT_EQ(exported.exitCode, 0) << exported.err.toStdString();
    QStringList exportedIds;
    for (const QString &line : lines(exported.out)) {
        exportedIds.append(
            QJsonDocument::fromJson(line.toUtf8()).object().value(QLatin1String("id")).toString());
    }
    EXPECT_EQ(exportedIds, ids);
}

TEST_F(CliSlowCallsTest, AnUnknownOrContradictorySortIsAUsageError)
{
    for (const QStringList &sort :
        { QStringList { QStringLiteral("--sort"), QStringLiteral("slowest") },
            QStringList { QStringLiteral("--sort"), QStringLiteral("longest"),
                QStringLiteral("--oldest-first") } }) {
        const CliRun run = runCli(withConn(QStringList { QStringLiteral("list") } + sort));
        EXPECT_EQ(run.exitCode, 1) << sort.join(u' ').toStdString();
        EXPECT_TRUE(run.err.contains(QLatin1String("--sort"))) << run.err.toStdString();
        EXPECT_TRUE(run.out.isEmpty());
    }
    const CliRun help = runCli({ QStringLiteral("export"), QStringLiteral("--help") });
    EXPECT_EQ(help.exitCode, 0);
    EXPECT_TRUE(help.out.contains(QLatin1String("--no-formula-guard"))) << help.out.toStdString();
    EXPECT_TRUE(help.out.contains(QLatin1String("--sort ORDER")));
}

TEST_F(CliTest, VerboseSaysWhatTheServerConfirmedAndStandardOutputStaysTheSame)
{
    const CliRun plain = runCli(connectedTo(QStringLiteral("cli"),
        { QStringLiteral("list"), QStringLiteral("--limit"), QStringLiteral("5") }));
    const CliRun verbose = runCli(connectedTo(QStringLiteral("cli"),
        { QStringLiteral("list"), QStringLiteral("--limit"), QStringLiteral("5"),
            QStringLiteral("--verbose"), QStringLiteral("--statement-timeout"),
            QStringLiteral("1500") }));
    ASSERT_EQ(verbose.exitCode, 0) << verbose.err.toStdString();
    EXPECT_EQ(verbose.out, plain.out);
    EXPECT_TRUE(verbose.err.contains(
        QStringLiteral("the server confirmed: read-only · timeout 1500 ms · UTC.")))
        << verbose.err.toStdString();
    EXPECT_FALSE(verbose.err.contains(QStringLiteral("pooler"))) << "a direct connection";
    EXPECT_FALSE(plain.err.contains(QStringLiteral("confirmed")));
}

TEST_F(CliTest, BehindPgbouncerRefusedOptionsAreNamedAndTheOutputIsTheDirectOne)
{
    PgBouncer bouncer; // default configuration: a client sending "options" is refused
    ASSERT_TRUE(bouncer.start(testClusterPort(), {})) << bouncer.error().toStdString();
    const QStringList tail { QStringLiteral("--schema"), QStringLiteral("cli"),
        QStringLiteral("--limit"), QStringLiteral("30"), QStringLiteral("--format"),
        QStringLiteral("jsonl") };
    const CliRun direct
        = runCli(QStringList { QStringLiteral("list"), TestDatabase::conninfo() } + tail);
    const CliRun pooled
        = runCli(QStringList { QStringLiteral("list"),
                     bouncer.conninfo() + QStringLiteral(" options='-c work_mem=7MB'"),
                     QStringLiteral("--verbose") }
            + tail);
    ASSERT_EQ(pooled.exitCode, 0) << pooled.err.toStdString();
    EXPECT_EQ(pooled.out, direct.out);
    EXPECT_EQ(lines(pooled.out).size(), 30);
    EXPECT_TRUE(pooled.err.contains(QStringLiteral("refused the startup parameter")))
        << pooled.err.toStdString();
    EXPECT_TRUE(pooled.err.contains(QStringLiteral("-c work_mem=7MB")));
    EXPECT_TRUE(
        pooled.err.contains(QStringLiteral("read-only · timeout 5 min · UTC · through a pooler.")))
        << pooled.err.toStdString();
}
