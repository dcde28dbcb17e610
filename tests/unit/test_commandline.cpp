#include "commandline.h"

#include <gtest/gtest.h>

// The parser in-process (the cli suite runs the same options through the binary).
namespace {

std::optional<CommandLine> parse(const QStringList &words, QString *error)
{
    return CommandLine::parse(QStringList { QStringLiteral("audit-viewer") } + words, error);
}

} // namespace

TEST(CommandLineParse, ListReadsItsOptionsAndTheFilter)
{
    QString error;
    const auto line
        = parse({ QStringLiteral("list"), QStringLiteral("dbname=x"), QStringLiteral("--limit"),
                    QStringLiteral("7"), QStringLiteral("--action"), QStringLiteral("recall"),
                    QStringLiteral("--oldest-first"), QStringLiteral("--format"),
                    QStringLiteral("csv"), QStringLiteral("--schema"), QStringLiteral("tenant_a") },
            &error);
    ASSERT_TRUE(line) << error.toStdString();
    EXPECT_EQ(line->command, CommandLine::Command::List);
    EXPECT_EQ(line->conninfo, QStringLiteral("dbname=x"));
    EXPECT_EQ(line->limit, 7);
    EXPECT_EQ(line->format, QStringLiteral("csv"));
    EXPECT_EQ(line->order, SortOrder::OldestFirst);
    EXPECT_TRUE(line->sortGiven);
    EXPECT_EQ(line->table.schema, QStringLiteral("tenant_a"));
    EXPECT_EQ(line->filter.actions, QStringList { QStringLiteral("recall") });
}

TEST(CommandLineParse, EachCommandRefusesWhatIsNotItsOwn)
{
    QString error;
    EXPECT_FALSE(
        parse({ QStringLiteral("list"), QStringLiteral("--limit"), QStringLiteral("0") }, &error));
    EXPECT_EQ(error, QStringLiteral("--limit takes a positive number."));
    EXPECT_FALSE(parse(
        { QStringLiteral("stats"), QStringLiteral("--latency"), QStringLiteral("--utc") }, &error));
    EXPECT_TRUE(error.startsWith(QStringLiteral("--latency summarises the filter")));
    EXPECT_FALSE(parse({ QStringLiteral("show"), QStringLiteral("not-a-uuid") }, &error));
    EXPECT_TRUE(error.contains(QStringLiteral("is not an entry id")));
    EXPECT_FALSE(parse({ QStringLiteral("export") }, &error));
    EXPECT_EQ(error, QStringLiteral("export needs --output FILE (or - for standard output)."));
    // The window takes no --limit at all.
    EXPECT_FALSE(parse({ QStringLiteral("--limit"), QStringLiteral("5") }, &error));
    EXPECT_TRUE(error.contains(QStringLiteral("limit"))) << error.toStdString();
    EXPECT_FALSE(parse({ QStringLiteral("a=b"), QStringLiteral("c") }, &error));
    EXPECT_TRUE(error.startsWith(QStringLiteral("Unexpected argument \"c\"")));
}

TEST(CommandLineParse, TheConnectionIsCheckedBeforeTheCommandsOwnOptions)
{
    QString error;
    EXPECT_FALSE(parse({ QStringLiteral("list"), QStringLiteral("--schema="),
                           QStringLiteral("--limit"), QStringLiteral("0") },
        &error));
    EXPECT_EQ(error, QStringLiteral("--schema and --table must not be empty."));
}

TEST(CommandLineParse, ExportTakesItsFormatFromTheFileName)
{
    QString error;
    const auto jsonl = parse({ QStringLiteral("export"), QStringLiteral("--output"),
                                 QStringLiteral("rows.JSONL"), QStringLiteral("--no-json") },
        &error);
    ASSERT_TRUE(jsonl) << error.toStdString();
    EXPECT_EQ(jsonl->format, QStringLiteral("jsonl"));
    EXPECT_FALSE(jsonl->includeJson);
    EXPECT_TRUE(jsonl->maskSecrets);
    const auto csv = parse({ QStringLiteral("export"), QStringLiteral("--output"),
                               QStringLiteral("-"), QStringLiteral("--no-mask") },
        &error);
    ASSERT_TRUE(csv) << error.toStdString();
    EXPECT_EQ(csv->format, QStringLiteral("csv"));
    EXPECT_FALSE(csv->maskSecrets);
}

TEST(CommandLineParse, TheWindowTakesAViewButNotWithFilterOptions)
{
    QString error;
    const auto gui = parse({ QStringLiteral("--view"), QStringLiteral("Errors") }, &error);
    ASSERT_TRUE(gui) << error.toStdString();
    EXPECT_EQ(gui->command, CommandLine::Command::Gui);
    EXPECT_EQ(gui->view, QStringLiteral("Errors"));
    EXPECT_FALSE(parse({ QStringLiteral("--view"), QStringLiteral("Errors"),
                           QStringLiteral("--action"), QStringLiteral("recall") },
        &error));
    EXPECT_TRUE(error.startsWith(QStringLiteral("--view takes the filter")));
    const auto help = parse({ QStringLiteral("stats"), QStringLiteral("--help") }, &error);
    ASSERT_TRUE(help);
    EXPECT_EQ(help->command, CommandLine::Command::Help);
    EXPECT_TRUE(help->helpText.contains(QStringLiteral("--period")));
}

TEST(CommandLineParse, SchemasPatternAndTenantsReachTheWindowAndTheCommands)
{
    QString error;
    // The window gets the pattern in the same table reference the connection takes.
    const auto gui = parse(
        { QStringLiteral("dbname=x"), QStringLiteral("--schemas"), QStringLiteral("tenant_%"),
            QStringLiteral("--action"), QStringLiteral("recall") },
        &error);
    ASSERT_TRUE(gui) << error.toStdString();
    EXPECT_EQ(gui->command, CommandLine::Command::Gui);
    EXPECT_EQ(gui->table.schemaPattern, QStringLiteral("tenant_%"));
    EXPECT_TRUE(gui->table.isMultiSchema());
    // --tenant alone reads every schema, narrowed to those named.
    const auto tenants
        = parse({ QStringLiteral("list"), QStringLiteral("--tenant"), QStringLiteral("tenant_b"),
                    QStringLiteral("--tenant"), QStringLiteral("tenant_a") },
            &error);
    ASSERT_TRUE(tenants) << error.toStdString();
    EXPECT_EQ(tenants->table.schemaPattern, QStringLiteral("%"));
    EXPECT_EQ(tenants->filter.schemas, QStringList({ "tenant_b", "tenant_a" }));
    const auto stats
        = parse({ QStringLiteral("stats"), QStringLiteral("--schemas"), QStringLiteral("t%"),
                    QStringLiteral("--by"), QStringLiteral("tenant") },
            &error);
    ASSERT_TRUE(stats) << error.toStdString();
    EXPECT_EQ(stats->grouping, VolumeGrouping::Tenant);
    const auto schemas
        = parse({ QStringLiteral("schemas"), QStringLiteral("--table"), QStringLiteral("log"),
                    QStringLiteral("--format"), QStringLiteral("jsonl") },
            &error);
    ASSERT_TRUE(schemas) << error.toStdString();
    EXPECT_EQ(schemas->command, CommandLine::Command::Schemas);
    EXPECT_EQ(schemas->table.schemaPattern, QStringLiteral("%"));
    EXPECT_EQ(schemas->table.table, QStringLiteral("log"));
}

TEST(CommandLineParse, OneSchemaAndManyAreNotGivenTogether)
{
    QString error;
    for (const QStringList &many :
        { QStringList { QStringLiteral("--schemas"), QStringLiteral("%") },
            QStringList { QStringLiteral("--tenant"), QStringLiteral("a") } }) {
        EXPECT_FALSE(parse(
            QStringList { QStringLiteral("list"), QStringLiteral("--schema"), QStringLiteral("a") }
                + many,
            &error));
        EXPECT_TRUE(error.startsWith(QStringLiteral("--schema reads one schema")))
            << error.toStdString();
    }
    EXPECT_FALSE(parse({ QStringLiteral("list"), QStringLiteral("--schemas=") }, &error));
    EXPECT_TRUE(error.startsWith(QStringLiteral("--schemas takes a LIKE pattern")));
    EXPECT_FALSE(parse({ QStringLiteral("stats"), QStringLiteral("--by"), QStringLiteral("tenant"),
                           QStringLiteral("--latency") },
        &error));
    EXPECT_TRUE(error.startsWith(QStringLiteral("--by groups")));
    EXPECT_FALSE(parse(
        { QStringLiteral("schemas"), QStringLiteral("--schema"), QStringLiteral("a") }, &error));
}
