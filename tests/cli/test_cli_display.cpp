// What the command line's table formats print for people: database text by the window's
// display rule, durations by readableDuration, a stats table within 100 columns, and help
// that names every option a sub-command takes.
#include "displaytext.h"
#include "durationtext.h"
#include "testconnection.h"
#include "testdatabase.h"
#include "viewercli.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <gtest/gtest.h>

#include <algorithm>

namespace {

const QString kAction = QStringLiteral("recall\u202Eexe.txt");
const QString kBank = QStringLiteral("bank\nsplit\there\u2028too");
const QString kTransport = QStringLiteral("http\u200B");

// `arguments` (a sub-command first) against the test cluster's audit table in `schema`.
ViewerCliRun runIn(const QString &schema, QStringList arguments)
{
    arguments.insert(1, TestDatabase::conninfo());
    arguments << QStringLiteral("--schema") << schema;
    return runViewerCli(arguments);
}

QStringList linesOf(const QString &text)
{
    return text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

// True when no character of `text` but the line breaks between rows would act on a terminal.
bool showsEveryCharacter(const QString &text)
{
    return std::none_of(text.begin(), text.end(),
        [](QChar c) { return c != QLatin1Char('\n') && isHiddenCharacter(c.unicode()); });
}

// The cells of a table line: columns are two or more spaces apart.
QStringList cellsOf(const QString &line)
{
    return line.trimmed().split(QRegularExpression(QStringLiteral(" {2,}")));
}

// Schema "cli_hostile": three calls of 250.007 ms an hour apart whose action, transport and
// bank hold a bidi override, a zero-width space, a newline, a TAB and a line separator.
class CliHostileTextTest : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        ASSERT_NO_FATAL_FAILURE(createSeededAuditSchema(QStringLiteral("cli_hostile"),
            QStringLiteral(
                "INSERT INTO cli_hostile.audit_log (action, transport, bank_id, started_at, "
                "ended_at, "
                "request, response) SELECT E'recall\\u202Eexe.txt', E'http\\u200B', "
                "E'bank\\nsplit\\there\\u2028too', now() - g * interval '1 hour', now() - g * "
                "interval '1 hour' + interval '250.007 ms', '{\"query\": \"a\\u202Eb\"}', '{}' "
                "FROM generate_series(1, 3) g")));
    }

    TestDatabase m_admin;
};

} // namespace

TEST_F(CliHostileTextTest, ListTableShowsHostileTextAsTheWindowDoesOneLineARow)
{
    const ViewerCliRun run = runIn(QStringLiteral("cli_hostile"), { QStringLiteral("list") });
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    const QStringList rows = linesOf(run.out);
    ASSERT_EQ(rows.size(), 4) << run.out.toStdString(); // the header and three rows
    EXPECT_TRUE(showsEveryCharacter(run.out)) << run.out.toStdString();
    for (const QString &row : rows.mid(1)) {
        EXPECT_TRUE(row.contains(visibleText(kAction))) << row.toStdString();
        EXPECT_TRUE(row.contains(visibleText(kBank))) << row.toStdString();
        EXPECT_TRUE(row.contains(visibleText(kTransport))) << row.toStdString();
        EXPECT_TRUE(row.contains(readableDuration(250'007, QLocale::c()))) << row.toStdString();
    }
}

TEST_F(CliHostileTextTest, MachineFormatsKeepTheStoredTextByteForByte)
{
    const ViewerCliRun jsonl = runIn(QStringLiteral("cli_hostile"),
        { QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("jsonl") });
    ASSERT_EQ(jsonl.exitCode, 0) << jsonl.err.toStdString();
    const QStringList rows = linesOf(jsonl.out);
    ASSERT_EQ(rows.size(), 3);
    const QJsonObject row = QJsonDocument::fromJson(rows.first().toUtf8()).object();
    EXPECT_EQ(row.value(QLatin1String("action")).toString(), kAction);
    EXPECT_EQ(row.value(QLatin1String("bank_id")).toString(), kBank);
    EXPECT_EQ(row.value(QLatin1String("duration_ms")).toDouble(), 250.007);

    const ViewerCliRun csv = runIn(QStringLiteral("cli_hostile"),
        { QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("csv") });
    ASSERT_EQ(csv.exitCode, 0) << csv.err.toStdString();
    EXPECT_TRUE(csv.out.contains(kAction)) << csv.out.toStdString();
    EXPECT_TRUE(csv.out.contains(kBank)) << csv.out.toStdString();

    const QString id
        = m_admin.scalar(QStringLiteral("SELECT id FROM cli_hostile.audit_log LIMIT 1"));
    const ViewerCliRun json = runIn(QStringLiteral("cli_hostile"),
        { QStringLiteral("show"), id, QStringLiteral("--format"), QStringLiteral("json") });
    ASSERT_EQ(json.exitCode, 0) << json.err.toStdString();
    const QJsonObject entry = QJsonDocument::fromJson(json.out.toUtf8()).object();
    EXPECT_EQ(entry.value(QLatin1String("bank_id")).toString(), kBank);
    EXPECT_TRUE(json.out.contains(QStringLiteral("a\u202Eb")));
}

TEST_F(CliHostileTextTest, ShowTextShowsHostileFieldsAndDocumentsAsTheWindowDoes)
{
    const QString id
        = m_admin.scalar(QStringLiteral("SELECT id FROM cli_hostile.audit_log LIMIT 1"));
    const ViewerCliRun run = runIn(QStringLiteral("cli_hostile"), { QStringLiteral("show"), id });
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    EXPECT_TRUE(showsEveryCharacter(run.out)) << run.out.toStdString();
    const QStringList rows = linesOf(run.out);
    const auto field = [&](const char *name) {
        const auto it = std::find_if(rows.begin(), rows.end(),
            [&](const QString &row) { return row.startsWith(QLatin1String(name) + u' '); });
        return it == rows.end() ? QString() : it->mid(11);
    };
    EXPECT_EQ(field("action"), visibleText(kAction));
    EXPECT_EQ(field("transport"), visibleText(kTransport));
    EXPECT_EQ(field("bank"), visibleText(kBank));
    // Readable, then exact.
    EXPECT_EQ(field("duration"),
        readableDuration(250'007, QLocale::c()) + QStringLiteral("  (")
            + exactDuration(250'007, QLocale::c()) + u')');
    EXPECT_TRUE(run.out.contains(visibleText(QStringLiteral("\"a\u202Eb\""))))
        << run.out.toStdString();
}

TEST_F(CliHostileTextTest, StatsTablesShowHostileActionsAsTheWindowDoes)
{
    const ViewerCliRun volume = runIn(QStringLiteral("cli_hostile"), { QStringLiteral("stats") });
    ASSERT_EQ(volume.exitCode, 0) << volume.err.toStdString();
    EXPECT_TRUE(showsEveryCharacter(volume.out)) << volume.out.toStdString();
    EXPECT_EQ(linesOf(volume.out).size(), 9); // header, seven days, the sum

    const ViewerCliRun latency = runIn(
        QStringLiteral("cli_hostile"), { QStringLiteral("stats"), QStringLiteral("--latency") });
    ASSERT_EQ(latency.exitCode, 0) << latency.err.toStdString();
    EXPECT_TRUE(showsEveryCharacter(latency.out)) << latency.out.toStdString();
    const QStringList rows = linesOf(latency.out);
    ASSERT_EQ(rows.size(), 3) << latency.out.toStdString();
    const QString p50 = readableDuration(250'007, QLocale::c());
    EXPECT_EQ(cellsOf(rows[1]),
        QStringList({ visibleText(kAction), QStringLiteral("3"), p50, p50, p50, p50 }));
}

namespace {

// Schema "cli_wide": Hindsight's fifteen actions over the last week, the busiest first
// (action i has 16 - i calls a day).
class CliWideStatsTest : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        ASSERT_NO_FATAL_FAILURE(createSeededAuditSchema(QStringLiteral("cli_wide"),
            QStringLiteral(
                "INSERT INTO cli_wide.audit_log (action, transport, started_at, ended_at, "
                "response) "
                "SELECT a.name, 'http', now() - d * interval '1 day' - c * interval '1 minute', "
                "now() - d * interval '1 day' - c * interval '1 minute' + interval '1 s', '{}' "
                "FROM unnest(ARRAY['retain','recall','reflect','consolidation','create_bank',"
                "'list_memories','get_bank','update_bank_config','delete_bank','list_banks',"
                "'file_retain','get_entity','list_entities','regenerate_entity_observations',"
                "'clear_observations']) WITH ORDINALITY AS a(name, i), generate_series(0, 5) d, "
                "LATERAL generate_series(1, 16 - a.i::int) c")));
    }
};

} // namespace

TEST_F(CliWideStatsTest, StatsTableFitsOneHundredColumnsWithTheRestAsOther)
{
    const ViewerCliRun run = runIn(QStringLiteral("cli_wide"), { QStringLiteral("stats") });
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    const QStringList rows = linesOf(run.out);
    ASSERT_EQ(rows.size(), 9) << run.out.toStdString(); // header, seven days, the sum
    for (const QString &row : rows) {
        EXPECT_LE(row.size(), 100) << row.toStdString();
    }
    const QStringList header = cellsOf(rows.first());
    ASSERT_GE(header.size(), 5) << rows.first().toStdString();
    EXPECT_EQ(header.mid(0, 5),
        QStringList({ "day", "total", "retain", "recall", "reflect" })); // busiest first
    EXPECT_EQ(header.last(), QStringLiteral("other"));
    qint64 total = 0;
    for (const QString &row : rows.mid(1, 7)) {
        const QStringList cells = row.split(u' ', Qt::SkipEmptyParts);
        ASSERT_EQ(cells.size(), header.size()) << row.toStdString();
        qint64 parts = 0;
        for (const QString &cell : cells.mid(2)) {
            parts += cell.toLongLong();
        }
        EXPECT_EQ(parts, cells.at(1).toLongLong()) << row.toStdString();
        total += cells.at(1).toLongLong();
    }
    // Every row is less than six days old: all of them fall in the seven days.
    EXPECT_EQ(QString::number(total),
        TestDatabase().scalar(QStringLiteral("SELECT count(*) FROM cli_wide.audit_log")));
}

TEST(CliHelp, TheMainHelpListsTheFilterOptions)
{
    const ViewerCliRun help = runViewerCli({ QStringLiteral("--help") });
    ASSERT_EQ(help.exitCode, 0);
    for (const char *option : { "--action", "--transport", "--bank", "--since", "--until", "--last",
             "--failed", "--min-duration", "--search", "--schema", "--schemas", "--tenant",
             "--table", "--view", "--sort", "--oldest-first" }) {
        EXPECT_TRUE(help.out.contains(QLatin1String(option) + u' ')) << option;
    }
}

TEST(CliHelp, EverySubCommandsHelpListsEveryOptionItTakes)
{
    const QStringList commands { QString(), QStringLiteral("list"), QStringLiteral("stats"),
        QStringLiteral("show"), QStringLiteral("export"), QStringLiteral("schemas") };
    // Every option any help names, then asked of each sub-command's parser.
    const QRegularExpression optionName(QStringLiteral("(?<![\\w-])--([a-z][a-z-]+)"));
    QMap<QString, QString> helps;
    QSet<QString> options;
    for (const QString &command : commands) {
        QStringList args { QStringLiteral("--help") };
        if (!command.isEmpty()) {
            args.prepend(command);
        }
        const ViewerCliRun help = runViewerCli(args);
        ASSERT_EQ(help.exitCode, 0) << command.toStdString();
        helps.insert(command, help.out);
        for (const auto &match : optionName.globalMatch(help.out)) {
            options.insert(match.captured(1));
        }
    }
    // --help and --version are understood everywhere; the main help names them.
    options.remove(QStringLiteral("help"));
    options.remove(QStringLiteral("version"));
    ASSERT_GE(options.size(), 25);
    for (const QString &command : commands) {
        for (const QString &option : std::as_const(options)) {
            QStringList args { QStringLiteral("--%1=x").arg(option), QStringLiteral("--help") };
            if (!command.isEmpty()) {
                args.prepend(command);
            }
            const ViewerCliRun run = runViewerCli(args);
            const bool taken = !run.err.contains(QLatin1String("Unknown option"));
            if (taken) {
                EXPECT_TRUE(helps.value(command).contains(QStringLiteral("--") + option))
                    << "'audit-viewer " << command.toStdString() << " --help' does not name --"
                    << option.toStdString();
            }
        }
    }
}

TEST_F(CliHostileTextTest, AMalformedEntryIdIsAUsageError)
{
    for (const QString &id : { QStringLiteral("not-a-uuid"), QStringLiteral("1234"),
             QStringLiteral("0b1e4c52-6f0a-4d2b-9c1e-5a7f3e2d1c0"),
             QStringLiteral("{0b1e4c52-6f0a-4d2b-9c1e-5a7f3e2d1c0b}") }) {
        const ViewerCliRun run
            = runIn(QStringLiteral("cli_hostile"), { QStringLiteral("show"), id });
        EXPECT_EQ(run.exitCode, 1) << id.toStdString() << run.err.toStdString();
        EXPECT_TRUE(run.err.startsWith(QLatin1String("audit-viewer: "))) << run.err.toStdString();
        EXPECT_TRUE(run.out.isEmpty());
    }
    // Upper case and without hyphens is still an id; this one is not in the table.
    for (const QString &id : { QStringLiteral("0B1E4C52-6F0A-4D2B-9C1E-5A7F3E2D1C0B"),
             QStringLiteral("0b1e4c526f0a4d2b9c1e5a7f3e2d1c0b") }) {
        const ViewerCliRun run
            = runIn(QStringLiteral("cli_hostile"), { QStringLiteral("show"), id });
        EXPECT_EQ(run.exitCode, 2) << id.toStdString() << run.err.toStdString();
        EXPECT_TRUE(run.err.contains(QLatin1String("No audit entry"))) << run.err.toStdString();
    }
}
