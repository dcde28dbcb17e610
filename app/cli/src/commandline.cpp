#include "commandline.h"

#include "auditentry.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>

namespace {

const QStringList kSubcommands { QStringLiteral("list"), QStringLiteral("stats"),
    QStringLiteral("show"), QStringLiteral("export") };

// The help is for people and is translated; option names and values stay as they are typed.
QString usage(const QString &command)
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
            + filters + QLatin1Char('\n') + connection + password;
    }
    if (command == QLatin1String("stats")) {
        return CommandLine::tr(
                   "Usage: audit-viewer stats [CONNINFO] [--period today|7d|30d] [FILTERS] "
                   "[--utc] [--format table|json]\n"
                   "       audit-viewer stats [CONNINFO] --latency [FILTERS] [--format "
                   "table|json]\n\n"
                   "Request volume per hour (today) or per day (7d, 30d), per action.\n"
                   "  --period P        today, 7d (default) or 30d\n"
                   "  --utc             buckets by UTC hours and days instead of local time\n"
                   "  --latency         instead: calls, p50, p95, p99 and max duration per action "
                   "and for all\n"
                   "                    actions, of the calls that ended (time range: --since or "
                   "--last)\n"
                   "  --format F        table (default) or json\n\n")
            + filters + QLatin1Char('\n') + connection + password;
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
            + filters + QLatin1Char('\n')
            + maskedEnd(CommandLine::tr("  --no-mask         export the secrets as stored\n\n"));
    }
    if (command == QLatin1String("show")) {
        return CommandLine::tr(
                   "Usage: audit-viewer show [CONNINFO] ID [--format text|json]\n\n"
                   "Shows one audit entry with its request, response and metadata.\n"
                   "  --format F        text (default) or json (one object, documents as stored)\n"
                   "  --schema S, --table T, --statement-timeout MS, --verbose as for list\n\n")
            + maskedEnd(CommandLine::tr("  --no-mask         show the secrets as stored\n\n"));
    }
    return CommandLine::tr(
               "Usage: audit-viewer [CONNINFO] [FILTERS] [--view NAME] [--sort ORDER] [--schema S] "
               "[--table T]\n"
               "       audit-viewer list   [CONNINFO] [FILTERS] [--limit N] [--after "
               "CURSOR] [--sort ORDER] [--format table|jsonl|csv]\n"
               "       audit-viewer stats  [CONNINFO] [--period today|7d|30d] [--action "
               "A] [--bank B] [--utc] [--format table|json]\n"
               "       audit-viewer show   [CONNINFO] ID [--format text|json]\n"
               "       audit-viewer export [CONNINFO] [FILTERS] --output FILE|- "
               "[--format csv|jsonl] [--no-formula-guard]\n\n"
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
        + filters + QLatin1Char('\n')
        + maskedEnd(CommandLine::tr("  --no-mask         show and export: secrets as stored\n\n"));
}

} // namespace

bool CommandLine::isHeadless(const QStringList &arguments)
{
    for (const QString &argument : arguments.mid(1)) {
        if (kSubcommands.contains(argument) || argument == QLatin1String("--help")
            || argument == QLatin1String("-h") || argument == QLatin1String("--version")
            || argument == QLatin1String("-v")) {
            return true;
        }
        if (!argument.startsWith(QLatin1Char('-'))) {
            return false; // the first word decides; a CONNINFO means the GUI
        }
    }
    return false;
}

std::optional<CommandLine> CommandLine::parse(const QStringList &arguments, QString *error)
{
    CommandLine result;
    QStringList args = arguments;
    QString command;
    if (args.size() > 1 && kSubcommands.contains(args.at(1))) {
        command = args.takeAt(1);
    }

    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help({ QStringLiteral("h"), QStringLiteral("help") }, QString());
    const QCommandLineOption version({ QStringLiteral("v"), QStringLiteral("version") }, QString());
    const QCommandLineOption view(QStringLiteral("view"), QString(), QStringLiteral("NAME"));
    const QCommandLineOption schema(QStringLiteral("schema"), QString(), QStringLiteral("S"));
    const QCommandLineOption table(QStringLiteral("table"), QString(), QStringLiteral("T"));
    const QCommandLineOption timeout(
        QStringLiteral("statement-timeout"), QString(), QStringLiteral("MS"));
    const QCommandLineOption limit(QStringLiteral("limit"), QString(), QStringLiteral("N"));
    const QCommandLineOption after(QStringLiteral("after"), QString(), QStringLiteral("CURSOR"));
    const QCommandLineOption format(QStringLiteral("format"), QString(), QStringLiteral("F"));
    const QCommandLineOption period(QStringLiteral("period"), QString(), QStringLiteral("P"));
    const QCommandLineOption utc(QStringLiteral("utc"), QString());
    const QCommandLineOption latency(QStringLiteral("latency"), QString());
    const QCommandLineOption output(QStringLiteral("output"), QString(), QStringLiteral("FILE"));
    const QCommandLineOption noGuard(QStringLiteral("no-formula-guard"), QString());
    const QCommandLineOption bom(QStringLiteral("bom"), QString());
    const QCommandLineOption noJson(QStringLiteral("no-json"), QString());
    const QCommandLineOption noMask(QStringLiteral("no-mask"), QString());
    const QCommandLineOption verbose(QStringLiteral("verbose"), QString());
    const QCommandLineOption maskRules(
        QStringLiteral("mask-rules"), QString(), QStringLiteral("FILE"));
    parser.addOptions({ help, version, schema, table, timeout });
    if (!command.isEmpty()) {
        parser.addOption(verbose);
    }
    // Masking applies where documents are shown: the window, show and export.
    const bool masked = command.isEmpty() || command == QLatin1String("show")
        || command == QLatin1String("export");
    if (masked) {
        parser.addOption(maskRules);
    }
    const bool filtered = command == QLatin1String("list") || command == QLatin1String("stats")
        || command == QLatin1String("export") || command.isEmpty();
    if (filtered) {
        parser.addOptions(viewFilterOptions());
    }
    if (command.isEmpty()) {
        parser.addOption(view);
        parser.addOptions(viewSortOptions());
    }
    if (command == QLatin1String("list")) {
        parser.addOptions({ limit, after, format });
        parser.addOptions(viewSortOptions());
    } else if (command == QLatin1String("stats")) {
        parser.addOptions({ period, utc, latency, format });
    } else if (command == QLatin1String("show")) {
        parser.addOptions({ format, noMask });
    } else if (command == QLatin1String("export")) {
        parser.addOptions({ output, format, noGuard, bom, noJson, noMask });
        parser.addOptions(viewSortOptions());
    }

    auto fail = [&](const QString &message) -> std::optional<CommandLine> {
        *error = message;
        return std::nullopt;
    };
    // --sort ORDER or --oldest-first, read as a view line reads them.
    const auto readSortOrder = [&] {
        result.sortGiven
            = parser.isSet(QStringLiteral("sort")) || parser.isSet(QStringLiteral("oldest-first"));
        return readViewSortOptions(parser, result.order, error);
    };
    if (!parser.parse(args)) {
        const QString text = parser.errorText();
        return fail(text.endsWith(QLatin1Char('.')) ? text : text + QLatin1Char('.'));
    }
    result.helpText = usage(command);
    if (parser.isSet(help)) {
        result.command = Command::Help;
        return result;
    }
    if (parser.isSet(version)) {
        result.command = Command::Version;
        return result;
    }

    QStringList positional = parser.positionalArguments();
    if (command == QLatin1String("show")) {
        if (positional.isEmpty() || positional.size() > 2) {
            return fail(tr("show takes an entry id, optionally after a CONNINFO."));
        }
        result.entryId = positional.takeLast();
        // A typing mistake, refused before connecting: not a query error.
        if (!AuditEntry::isId(result.entryId)) {
            return fail(tr("\"%1\" is not an entry id: show takes a UUID such as "
                           "0b1e4c52-6f0a-4d2b-9c1e-5a7f3e2d1c0b.")
                            .arg(result.entryId));
        }
    }
    if (positional.size() > 1) {
        return fail(
            tr("Unexpected argument \"%1\"; give at most one CONNINFO (quote it if it has spaces).")
                .arg(positional.at(1)));
    }
    result.conninfo = positional.value(0);
    result.command = command == QLatin1String("list") ? Command::List
        : command == QLatin1String("stats")           ? Command::Stats
        : command == QLatin1String("show")            ? Command::Show
        : command == QLatin1String("export")          ? Command::Export
                                                      : Command::Gui;

    if (parser.isSet(schema)) {
        result.table.schema = parser.value(schema);
    }
    if (parser.isSet(table)) {
        result.table.table = parser.value(table);
    }
    if (result.table.schema.isEmpty() || result.table.table.isEmpty()) {
        return fail(tr("--schema and --table must not be empty."));
    }
    if (parser.isSet(timeout)) {
        bool ok = false;
        result.statementTimeoutMs = parser.value(timeout).toInt(&ok);
        if (!ok || result.statementTimeoutMs < 0) {
            return fail(tr("--statement-timeout takes a number of milliseconds."));
        }
    }
    result.verbose = !command.isEmpty() && parser.isSet(verbose);
    if (masked && parser.isSet(maskRules)) {
        QString readError;
        result.maskingRulesFile = parser.value(maskRules);
        result.maskingRules
            = MaskingRules::fromFile(parser.value(maskRules), &readError, &result.maskingProblems);
        if (!result.maskingRules) {
            return fail(readError);
        }
    }
    if (command == QLatin1String("show") || command == QLatin1String("export")) {
        result.maskSecrets = !parser.isSet(noMask);
    }

    if (filtered) {
        // The same reading as a saved view's line: a preset counts back from now.
        const AuditTimestamp now
            = AuditTimestamp::fromUsecsSinceEpoch(QDateTime::currentMSecsSinceEpoch() * 1000);
        QString filterError;
        const std::optional<SavedView> read
            = readViewFilterOptions(parser, &filterError, QTimeZone::systemTimeZone(), now);
        if (!read) {
            return fail(filterError);
        }
        result.filter = read->filterAt(now);
        result.range = read->range;
    }
    if (command.isEmpty() && !readSortOrder()) {
        return std::nullopt;
    }
    if (command.isEmpty() && parser.isSet(view)) {
        result.view = parser.value(view);
        if (!result.filter.isEmpty()) {
            return fail(tr("--view takes the filter from the saved view; give no filter options "
                           "with it."));
        }
    }

    const QString formatValue = command.isEmpty() ? QString() : parser.value(format);
    if (result.command == Command::List) {
        bool ok = false;
        if (parser.isSet(limit)) {
            result.limit = parser.value(limit).toInt(&ok);
            if (!ok || result.limit < 1) {
                return fail(tr("--limit takes a positive number."));
            }
        }
        if (parser.isSet(after)) {
            result.after = PageCursor::decode(parser.value(after));
            if (!result.after) {
                return fail(tr("--after takes the last row's started_at,id, e.g. "
                               "2026-03-27T10:15:30.123456Z,<uuid>."));
            }
        }
        if (!readSortOrder()) {
            return std::nullopt;
        }
        result.format = formatValue.isEmpty() ? QStringLiteral("table") : formatValue;
        if (!QStringList { QStringLiteral("table"), QStringLiteral("jsonl"), QStringLiteral("csv") }
                 .contains(result.format)) {
            return fail(tr("--format takes table, jsonl or csv."));
        }
    } else if (result.command == Command::Stats) {
        if (parser.isSet(period)) {
            const auto p = volumePeriodFromName(parser.value(period));
            if (!p) {
                return fail(tr("--period takes today, 7d or 30d."));
            }
            result.period = *p;
        }
        result.utc = parser.isSet(utc);
        result.latency = parser.isSet(latency);
        if (result.latency && (parser.isSet(period) || result.utc)) {
            return fail(tr("--latency summarises the filter: give its time range with --since, "
                           "--until or --last instead of --period and --utc."));
        }
        result.format = formatValue.isEmpty() ? QStringLiteral("table") : formatValue;
        if (result.format != QLatin1String("table") && result.format != QLatin1String("json")) {
            return fail(tr("--format takes table or json."));
        }
    } else if (result.command == Command::Export) {
        result.output = parser.value(output);
        if (result.output.isEmpty()) {
            return fail(tr("export needs --output FILE (or - for standard output)."));
        }
        result.format = !formatValue.isEmpty() ? formatValue
            : result.output.endsWith(QLatin1String(".jsonl"), Qt::CaseInsensitive)
            ? QStringLiteral("jsonl")
            : QStringLiteral("csv");
        if (result.format != QLatin1String("csv") && result.format != QLatin1String("jsonl")) {
            return fail(tr("--format takes csv or jsonl."));
        }
        result.formulaGuard = !parser.isSet(noGuard);
        result.byteOrderMark = parser.isSet(bom);
        result.includeJson = !parser.isSet(noJson);
        if (!readSortOrder()) {
            return std::nullopt;
        }
    } else if (result.command == Command::Show) {
        result.format = formatValue.isEmpty() ? QStringLiteral("text") : formatValue;
        if (result.format != QLatin1String("text") && result.format != QLatin1String("json")) {
            return fail(tr("--format takes text or json."));
        }
    }
    return result;
}
