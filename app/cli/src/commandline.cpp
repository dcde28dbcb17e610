#include "commandline.h"
#include "clioptions.h"

#include "auditentry.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>

namespace {

const QStringList kSubcommands { QStringLiteral("list"), QStringLiteral("stats"),
    QStringLiteral("show"), QStringLiteral("export"), QStringLiteral("schemas") };

// The help is for people and is translated; option names and values stay as they are typed.
// Over 100 lines because it is the help page itself, in the order it prints: split up, the
// page could not be read (or translated) top to bottom.
QString usage(const QString &command) // NOLINT(readability-function-size)
{
    const QString filters = CommandLine::tr(
        "Filters:\n"
        "  --action A        only this action (repeatable: any of them)\n"
        "  --transport T     http, mcp or system\n"
        "  --bank B          only this bank id (matched exactly)\n"
        "  --since TIME      from TIME (ISO 8601, local time unless it has an offset) or 1h, 24h, "
        "7d, 30d ago\n"
        "  --last 1h|24h|7d|30d  the last hour, day, week or month (the window keeps counting "
        "back from now)\n"
        "  --until TIME      before TIME (exclusive)\n"
        "  --failed          only calls that ended without a response\n"
        "  --min-duration DURATION  only calls that ended and took at least DURATION: 500us, "
        "250ms, 5s, 1.5s, 2m, 1h\n"
        "  --search TEXT     TEXT anywhere in request or response (literal, case-insensitive)\n"
        "  --schema S        schema of the audit table (default public)\n"
        "  --table T         audit table (default audit_log)\n"
        "  --statement-timeout MS  stop any statement after MS milliseconds (default 300000, 0 = "
        "none)\n"
        "  --verbose         say on standard error what the server confirmed: read-only, the\n"
        "                    statement timeout, the time zone, a connection pooler between\n");
    const QString masking = CommandLine::tr(
        "Secrets (webhook secrets, API keys, Authorization and every other header) are masked\n"
        "in the window, in show and in exports, by the rules in the settings or:\n"
        "  --mask-rules FILE  one rule per line: key:PATTERN (a key; * matches anything, - and _\n"
        "                    alike, headers.* every value under a key named headers),\n"
        "                    word:WORDS (a key with these words: word:token masks access_token,\n"
        "                    not max_tokens), credential:WORDS (the same, when the value looks\n"
        "                    like a credential), value:REGEX (a string holding a match; only\n"
        "                    the group (?<secret>...) when there is one), defaults (the\n"
        "                    built-in rules); lines starting with # are comments. Or a gitleaks\n"
        "                    configuration (.gitleaks.toml): each [[rules]] regex masks\n"
        "                    a string holding a match, beside the built-in key rules\n");
    const QString tenants = CommandLine::tr(
        "Many schemas (one per tenant) read as one log:\n"
        "  --schemas PATTERN  every schema whose name is LIKE PATTERN ('tenant_%'; % for all)\n"
        "                    that holds the table; not with --schema. Each row names its\n"
        "                    schema, and list's cursor is started_at,id,schema\n"
        "  --tenant S        of those, only schema S (repeatable; alone, it reads --schemas %)\n");
    const QString connection = CommandLine::tr(
        "CONNINFO is a postgresql:// URI or key=value connection string, as psql takes; what it "
        "leaves\n"
        "out comes from the PG* environment variables, ~/.pgpass and the service file.\n");
    const QString password = CommandLine::tr(
        "A password in CONNINFO is blanked out of the process's arguments once read, but\n"
        "another user may see it before that, and your shell keeps it in its history:\n"
        "PGPASSWORD, ~/.pgpass or the keyring (the window's \"Remember password\") are better\n"
        "places for it.\n");
    // The end of a help that shows documents: masking, its --no-mask, then connecting.
    const auto maskedEnd
        = [&](const QString &noMask) { return masking + noMask + connection + password; };
    if (command == QLatin1String("list")) {
        return CommandLine::tr(
                   "Usage: audit-viewer list [CONNINFO] [FILTERS] [--limit N] [--after CURSOR] "
                   "[--sort ORDER] [--format table|jsonl|csv]\n\n"
                   "Lists audit entries, newest first, without their JSON documents.\n"
                   "  --limit N         at most N entries (default 50)\n"
                   "  --after CURSOR    continue after this entry: its started_at,id as printed\n"
                   "  --sort ORDER      newest (default), oldest, longest or shortest first; "
                   "calls in flight\n"
                   "                    come last in longest and shortest; finished: the "
                   "calls that started\n"
                   "                    in the last hour, the latest to end first (calls "
                   "in flight first)\n"
                   "  --oldest-first    the same as --sort oldest\n"
                   "  --format F        table (default), jsonl or csv\n\n")
            + filters + QLatin1Char('\n') + tenants + QLatin1Char('\n') + connection + password;
    }
    if (command == QLatin1String("stats")) {
        return CommandLine::tr(
                   "Usage: audit-viewer stats [CONNINFO] [--period today|7d|30d] [FILTERS] "
                   "[--utc] [--by action|tenant] [--format table|json]\n"
                   "       audit-viewer stats [CONNINFO] --latency [FILTERS] [--format "
                   "table|json]\n\n"
                   "Request volume per hour (today) or per day (7d, 30d), per action.\n"
                   "  --period P        today, 7d (default) or 30d\n"
                   "  --utc             buckets by UTC hours and days instead of local time\n"
                   "  --latency         instead: calls, p50, p95, p99 and max duration per action "
                   "and for all\n"
                   "                    actions, of the calls that ended (time range: --since or "
                   "--last)\n"
                   "  --by tenant       one column per schema instead of per action\n"
                   "  --format F        table (default) or json\n\n")
            + filters + QLatin1Char('\n') + tenants + QLatin1Char('\n') + connection + password;
    }
    if (command == QLatin1String("export")) {
        return CommandLine::tr(
                   "Usage: audit-viewer export [CONNINFO] [FILTERS] --output FILE|- "
                   "[--format csv|jsonl] [--sort ORDER]\n"
                   "                           [--no-json] [--no-formula-guard] [--bom] "
                   "[--no-mask]\n\n"
                   "Writes every entry the filter matches, with its JSON documents, as the "
                   "window's export does.\n"
                   "  --output FILE     the file to write (replaced when it is complete), or - "
                   "for standard output\n"
                   "  --format F        csv or jsonl (default: from the file name, else csv)\n"
                   "  --sort ORDER      newest (default), oldest, longest, shortest or finished "
                   "(last hour)\n"
                   "  --oldest-first    the same as --sort oldest\n"
                   "  --no-json         without the request, response and metadata columns\n"
                   "  --no-formula-guard  CSV: leave cells starting with = + - @ as they are\n"
                   "  --bom             CSV: start with a UTF-8 byte order mark (for Excel)\n\n")
            + filters + QLatin1Char('\n') + tenants + QLatin1Char('\n')
            + maskedEnd(CommandLine::tr("  --no-mask         export the secrets as stored\n\n"));
    }
    if (command == QLatin1String("show")) {
        return CommandLine::tr(
                   "Usage: audit-viewer show [CONNINFO] ID [--format text|json]\n\n"
                   "Shows one audit entry with its request, response and metadata.\n"
                   "  --format F        text (default) or json (one object, documents as stored)\n"
                   "  --schema S, --table T, --statement-timeout MS, --verbose as for list\n\n")
            + tenants
            + CommandLine::tr(
                "                    show reads the first schema, by name, that holds "
                "the entry\n\n")
            + maskedEnd(CommandLine::tr("  --no-mask         show the secrets as stored\n\n"));
    }
    if (command == QLatin1String("schemas")) {
        return CommandLine::tr(
                   "Usage: audit-viewer schemas [CONNINFO] [--table T] [--schemas PATTERN] "
                   "[--format table|jsonl]\n\n"
                   "Lists the schemas that hold the audit table, from the catalog, with the "
                   "planner's\n"
                   "estimate of their rows and whether this role may read them.\n"
                   "  --table T         the table's name (default audit_log)\n"
                   "  --schemas PATTERN  only schemas whose name is LIKE PATTERN (default %: "
                   "all)\n"
                   "  --format F        table (default) or jsonl: schema, table, estimated_rows "
                   "(null\n"
                   "                    before the first ANALYZE) and readable\n"
                   "  --statement-timeout MS, --verbose as for list\n\n")
            + connection + password;
    }
    return CommandLine::tr(
               "Usage: audit-viewer [CONNINFO] [FILTERS] [--view NAME] [--sort ORDER] [--schema S "
               "| "
               "--schemas PATTERN] [--table T]\n"
               "       audit-viewer list   [CONNINFO] [FILTERS] [--limit N] [--after "
               "CURSOR] [--sort ORDER] [--format table|jsonl|csv]\n"
               "       audit-viewer stats  [CONNINFO] [--period today|7d|30d] [--action "
               "A] [--bank B] [--utc] [--by action|tenant] [--format table|json]\n"
               "       audit-viewer show   [CONNINFO] ID [--format text|json]\n"
               "       audit-viewer export [CONNINFO] [FILTERS] --output FILE|- "
               "[--format csv|jsonl] [--no-formula-guard]\n"
               "       audit-viewer schemas [CONNINFO] [--table T] [--schemas PATTERN] "
               "[--format table|jsonl]\n"
               "       audit-viewer llm list|stats|show|run|export [CONNINFO] ...  (LLM calls: "
               "'audit-viewer llm --help')\n\n"
               "Browse the audit log of a Hindsight memory server. Without a "
               "sub-command the window opens,\n"
               "with FILTERS, with the saved view NAME (--view), or as it was left.\n"
               "'audit-viewer COMMAND --help' describes a sub-command.\n\n"
               "Exit status: 0 ok, 1 usage error, 2 connection or query error.\n\n"
               "The window:\n"
               "  --view NAME       open the saved view NAME (give no filter options with it)\n"
               "  --sort ORDER      newest (default), oldest, longest or shortest first\n"
               "  --oldest-first    the same as --sort oldest\n"
               "  -h, --help        this help; -v, --version  the version\n\n")
        + filters + QLatin1Char('\n') + tenants + QLatin1Char('\n')
        + maskedEnd(CommandLine::tr("  --no-mask         show and export: secrets as stored\n\n"));
}

} // namespace

bool CommandLine::isHeadless(const QStringList &arguments)
{
    for (const QString &argument : arguments.mid(1)) {
        if (kSubcommands.contains(argument) || argument == QLatin1String("llm")
            || argument == QLatin1String("--help") || argument == QLatin1String("-h")
            || argument == QLatin1String("--version") || argument == QLatin1String("-v")) {
            return true;
        }
        if (!argument.startsWith(QLatin1Char('-'))) {
            return false; // the first word decides; a CONNINFO means the GUI
        }
    }
    return false;
}

namespace {

// Reads one command's options into a CommandLine, in the order the checks report: the
// parse, help and version, the positional arguments, the connection, the filter, then
// what is the command's own. Each read* returns false with *error set.
class CommandLineReader
{
public:
    CommandLineReader(const QString &command, QString *error)
        : m_command(command)
        , m_error(error)
        // Masking applies where documents are shown: the window, show and export.
        , m_masked(command.isEmpty() || command == QLatin1String("show")
              || command == QLatin1String("export"))
        , m_filtered(command == QLatin1String("list") || command == QLatin1String("stats")
              || command == QLatin1String("export") || command.isEmpty())
    {
        m_parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
        addOptions();
    }

    bool read(const QStringList &arguments, CommandLine &result)
    {
        if (!m_parser.parse(arguments)) {
            const QString text = m_parser.errorText();
            return fail(text.endsWith(QLatin1Char('.')) ? text : text + QLatin1Char('.'));
        }
        result.helpText = usage(m_command);
        if (m_parser.isSet(m_options.help)) {
            result.command = CommandLine::Command::Help;
            return true;
        }
        if (m_parser.isSet(m_options.version)) {
            result.command = CommandLine::Command::Version;
            return true;
        }
        return readPositional(result) && readConnection(result) && readFilter(result)
            && readCommandOptions(result);
    }

private:
    void addOptions();
    bool readPositional(CommandLine &result);
    bool readConnection(CommandLine &result);
    bool readSchemaPattern(CommandLine &result, bool listsSchemas);
    bool readFilter(CommandLine &result);
    bool readCommandOptions(CommandLine &result);
    bool readList(CommandLine &result, const QString &format);
    bool readStats(CommandLine &result, const QString &format);
    bool readExport(CommandLine &result, const QString &format);
    bool readShow(CommandLine &result, const QString &format);
    bool readSchemas(CommandLine &result, const QString &format);

    // --sort ORDER or --oldest-first, read as a view line reads them.
    bool readSortOrder(CommandLine &result)
    {
        result.sortGiven = m_parser.isSet(QStringLiteral("sort"))
            || m_parser.isSet(QStringLiteral("oldest-first"));
        return readViewSortOptions(m_parser, result.order, m_error);
    }
    bool fail(const QString &message)
    {
        *m_error = message;
        return false;
    }

    const QString m_command;
    QString *const m_error;
    const bool m_masked;
    const bool m_filtered;
    const CliOptions m_options;
    QCommandLineParser m_parser;
    QStringList m_tenants; // --tenant, read into the filter's schemas
};

void CommandLineReader::addOptions()
{
    const CliOptions &o = m_options;
    m_parser.addOptions({ o.help, o.version, o.table, o.schemas, o.timeout });
    if (m_command == QLatin1String("schemas")) {
        m_parser.addOptions({ o.verbose, o.format });
        return; // the schemas that hold the table: no single schema, filter or tenant
    }
    m_parser.addOptions({ o.schema, o.tenant });
    if (!m_command.isEmpty()) {
        m_parser.addOption(o.verbose);
    }
    if (m_masked) {
        m_parser.addOption(o.maskRules);
    }
    if (m_filtered) {
        m_parser.addOptions(viewFilterOptions());
    }
    if (m_command.isEmpty()) {
        m_parser.addOption(o.view);
        m_parser.addOptions(viewSortOptions());
    }
    if (m_command == QLatin1String("list")) {
        m_parser.addOptions({ o.limit, o.after, o.format });
        m_parser.addOptions(viewSortOptions());
    } else if (m_command == QLatin1String("stats")) {
        m_parser.addOptions({ o.period, o.utc, o.latency, o.by, o.format });
    } else if (m_command == QLatin1String("show")) {
        m_parser.addOptions({ o.format, o.noMask });
    } else if (m_command == QLatin1String("export")) {
        m_parser.addOptions({ o.output, o.format, o.noGuard, o.bom, o.noJson, o.noMask });
        m_parser.addOptions(viewSortOptions());
    }
}

bool CommandLineReader::readPositional(CommandLine &result)
{
    QStringList positional = m_parser.positionalArguments();
    if (m_command == QLatin1String("show")) {
        if (positional.isEmpty() || positional.size() > 2) {
            return fail(CommandLine::tr("show takes an entry id, optionally after a CONNINFO."));
        }
        result.entryId = positional.takeLast();
        // A typing mistake, refused before connecting: not a query error.
        if (!AuditEntry::isId(result.entryId)) {
            return fail(CommandLine::tr("\"%1\" is not an entry id: show takes a UUID such as "
                                        "0b1e4c52-6f0a-4d2b-9c1e-5a7f3e2d1c0b.")
                            .arg(result.entryId));
        }
    }
    if (positional.size() > 1) {
        return fail(CommandLine::tr("Unexpected argument \"%1\"; give at most one CONNINFO "
                                    "(quote it if it has spaces).")
                        .arg(positional.at(1)));
    }
    result.conninfo = positional.value(0);
    using Command = CommandLine::Command;
    result.command = m_command == QLatin1String("list") ? Command::List
        : m_command == QLatin1String("stats")           ? Command::Stats
        : m_command == QLatin1String("show")            ? Command::Show
        : m_command == QLatin1String("export")          ? Command::Export
        : m_command == QLatin1String("schemas")         ? Command::Schemas
                                                        : Command::Gui;
    return true;
}

// Where the audit table is, how long a statement may run, and how documents are masked.
bool CommandLineReader::readConnection(CommandLine &result)
{
    const bool listsSchemas = m_command == QLatin1String("schemas");
    if (!listsSchemas && m_parser.isSet(m_options.schema)) {
        result.table.schema = m_parser.value(m_options.schema);
    }
    if (m_parser.isSet(m_options.table)) {
        result.table.table = m_parser.value(m_options.table);
    }
    if (result.table.schema.isEmpty() || result.table.table.isEmpty()) {
        return fail(CommandLine::tr("--schema and --table must not be empty."));
    }
    if (!readSchemaPattern(result, listsSchemas)) {
        return false;
    }
    if (m_parser.isSet(m_options.timeout)) {
        bool ok = false;
        result.statementTimeoutMs = m_parser.value(m_options.timeout).toInt(&ok);
        if (!ok || result.statementTimeoutMs < 0) {
            return fail(CommandLine::tr("--statement-timeout takes a number of milliseconds."));
        }
    }
    result.verbose = !m_command.isEmpty() && m_parser.isSet(m_options.verbose);
    if (m_masked && m_parser.isSet(m_options.maskRules)) {
        QString readError;
        result.maskingRulesFile = m_parser.value(m_options.maskRules);
        result.maskingRules
            = MaskingRules::fromFile(result.maskingRulesFile, &readError, &result.maskingProblems);
        if (!result.maskingRules) {
            return fail(readError);
        }
    }
    if (m_command == QLatin1String("show") || m_command == QLatin1String("export")) {
        result.maskSecrets = !m_parser.isSet(m_options.noMask);
    }
    return true;
}

// The filter options, and for the window its sort and --view.
bool CommandLineReader::readFilter(CommandLine &result)
{
    if (m_filtered) {
        // The same reading as a saved view's line: a preset counts back from now.
        const AuditTimestamp now
            = AuditTimestamp::fromUsecsSinceEpoch(QDateTime::currentMSecsSinceEpoch() * 1000);
        QString filterError;
        const std::optional<SavedView> read
            = readViewFilterOptions(m_parser, &filterError, QTimeZone::systemTimeZone(), now);
        if (!read) {
            return fail(filterError);
        }
        result.filter = read->filterAt(now);
        result.range = read->range;
    }
    result.filter.schemas = m_tenants;
    if (!m_command.isEmpty()) {
        return true;
    }
    if (!readSortOrder(result)) {
        return false;
    }
    if (m_parser.isSet(m_options.view)) {
        result.view = m_parser.value(m_options.view);
        if (!result.filter.isEmpty()) {
            return fail(CommandLine::tr("--view takes the filter from the saved view; give no "
                                        "filter options with it."));
        }
    }
    return true;
}

// --schemas PATTERN, and --tenant S, which reads many schemas too (all of them unless
// --schemas narrows them); the schemas command lists every schema without a pattern.
bool CommandLineReader::readSchemaPattern(CommandLine &result, bool listsSchemas)
{
    const bool tenants = !listsSchemas && m_parser.isSet(m_options.tenant);
    if (m_parser.isSet(m_options.schemas)) {
        result.table.schemaPattern = m_parser.value(m_options.schemas);
        if (result.table.schemaPattern.isEmpty()) {
            return fail(CommandLine::tr("--schemas takes a LIKE pattern such as 'tenant_%' (% "
                                        "for every schema)."));
        }
    } else if (tenants || listsSchemas) {
        result.table.schemaPattern = QStringLiteral("%");
    }
    if (result.table.isMultiSchema() && !listsSchemas && m_parser.isSet(m_options.schema)) {
        return fail(CommandLine::tr("--schema reads one schema, --schemas and --tenant read many: "
                                    "give one or the other."));
    }
    if (tenants) {
        m_tenants = m_parser.values(m_options.tenant);
        if (m_tenants.contains(QString())) {
            return fail(CommandLine::tr("--tenant takes a schema name."));
        }
    }
    return true;
}

bool CommandLineReader::readCommandOptions(CommandLine &result)
{
    const QString format = m_command.isEmpty() ? QString() : m_parser.value(m_options.format);
    switch (result.command) {
    case CommandLine::Command::List:
        return readList(result, format);
    case CommandLine::Command::Stats:
        return readStats(result, format);
    case CommandLine::Command::Export:
        return readExport(result, format);
    case CommandLine::Command::Show:
        return readShow(result, format);
    case CommandLine::Command::Schemas:
        return readSchemas(result, format);
    case CommandLine::Command::Gui:
    case CommandLine::Command::Help:
    case CommandLine::Command::Version:
        break;
    }
    return true;
}

bool CommandLineReader::readList(CommandLine &result, const QString &format)
{
    bool ok = false;
    if (m_parser.isSet(m_options.limit)) {
        result.limit = m_parser.value(m_options.limit).toInt(&ok);
        if (!ok || result.limit < 1) {
            return fail(CommandLine::tr("--limit takes a positive number."));
        }
    }
    if (m_parser.isSet(m_options.after)) {
        result.after = PageCursor::decode(m_parser.value(m_options.after));
        if (!result.after) {
            return fail(CommandLine::tr("--after takes the last row's started_at,id, e.g. "
                                        "2026-03-27T10:15:30.123456Z,<uuid>."));
        }
    }
    if (!readSortOrder(result)) {
        return false;
    }
    result.format = format.isEmpty() ? QStringLiteral("table") : format;
    if (!QStringList { QStringLiteral("table"), QStringLiteral("jsonl"), QStringLiteral("csv") }
             .contains(result.format)) {
        return fail(CommandLine::tr("--format takes table, jsonl or csv."));
    }
    return true;
}

bool CommandLineReader::readStats(CommandLine &result, const QString &format)
{
    if (m_parser.isSet(m_options.period)) {
        const auto period = volumePeriodFromName(m_parser.value(m_options.period));
        if (!period) {
            return fail(CommandLine::tr("--period takes today, 7d or 30d."));
        }
        result.period = *period;
    }
    result.utc = m_parser.isSet(m_options.utc);
    result.latency = m_parser.isSet(m_options.latency);
    if (m_parser.isSet(m_options.by)) {
        const QString by = m_parser.value(m_options.by);
        if (by != QLatin1String("action") && by != QLatin1String("tenant")) {
            return fail(CommandLine::tr("--by takes action or tenant."));
        }
        result.grouping
            = by == QLatin1String("tenant") ? VolumeGrouping::Tenant : VolumeGrouping::Action;
        if (result.latency) {
            return fail(CommandLine::tr("--by groups the volume; --latency lists every action."));
        }
    }
    if (result.latency && (m_parser.isSet(m_options.period) || result.utc)) {
        return fail(CommandLine::tr("--latency summarises the filter: give its time range with "
                                    "--since, --until or --last instead of --period and --utc."));
    }
    result.format = format.isEmpty() ? QStringLiteral("table") : format;
    if (result.format != QLatin1String("table") && result.format != QLatin1String("json")) {
        return fail(CommandLine::tr("--format takes table or json."));
    }
    return true;
}

bool CommandLineReader::readExport(CommandLine &result, const QString &format)
{
    result.output = m_parser.value(m_options.output);
    if (result.output.isEmpty()) {
        return fail(CommandLine::tr("export needs --output FILE (or - for standard output)."));
    }
    result.format = !format.isEmpty() ? format
        : result.output.endsWith(QLatin1String(".jsonl"), Qt::CaseInsensitive)
        ? QStringLiteral("jsonl")
        : QStringLiteral("csv");
    if (result.format != QLatin1String("csv") && result.format != QLatin1String("jsonl")) {
        return fail(CommandLine::tr("--format takes csv or jsonl."));
    }
    result.formulaGuard = !m_parser.isSet(m_options.noGuard);
    result.byteOrderMark = m_parser.isSet(m_options.bom);
    result.includeJson = !m_parser.isSet(m_options.noJson);
    return readSortOrder(result);
}

bool CommandLineReader::readShow(CommandLine &result, const QString &format)
{
    result.format = format.isEmpty() ? QStringLiteral("text") : format;
    if (result.format != QLatin1String("text") && result.format != QLatin1String("json")) {
        return fail(CommandLine::tr("--format takes text or json."));
    }
    if (result.filter.schemas.size() > 1) {
        return fail(CommandLine::tr("show reads one --tenant (or, without it, every schema)."));
    }
    return true;
}

bool CommandLineReader::readSchemas(CommandLine &result, const QString &format)
{
    result.format = format.isEmpty() ? QStringLiteral("table") : format;
    if (result.format != QLatin1String("table") && result.format != QLatin1String("jsonl")) {
        return fail(CommandLine::tr("--format takes table or jsonl."));
    }
    return true;
}

} // namespace

std::optional<CommandLine> CommandLine::parse(const QStringList &arguments, QString *error)
{
    QStringList args = arguments;
    QString command;
    if (args.size() > 1 && kSubcommands.contains(args.at(1))) {
        command = args.takeAt(1);
    }
    CommandLine result;
    CommandLineReader reader(command, error);
    if (!reader.read(args, result)) {
        return std::nullopt;
    }
    return result;
}
