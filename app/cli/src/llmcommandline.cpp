#include "llmcommands.h"

#include "clioptions.h"

#include "auditentry.h"
#include "savedview.h"

#include <QCommandLineParser>
#include <QDateTime>

namespace {

const QStringList kLlmCommands { QStringLiteral("list"), QStringLiteral("stats"),
    QStringLiteral("show"), QStringLiteral("run"), QStringLiteral("export") };

QString usage()
{
    return LlmCommandLine::tr(
        "Usage: audit-viewer llm list   [CONNINFO] [FILTERS] [--limit N] [--after CURSOR] "
        "[--oldest-first] [--format table|jsonl]\n"
        "       audit-viewer llm list   [CONNINFO] --runs [FILTERS] [--limit N] [--after CURSOR] "
        "[--format table|jsonl]\n"
        "       audit-viewer llm list   [CONNINFO] --during AUDIT_ID [--format table|jsonl]\n"
        "       audit-viewer llm stats  [CONNINFO] [FILTERS] [--period today|7d|30d] "
        "[--metric calls|tokens] [--by operation|model] [--utc] [--format table|json]\n"
        "       audit-viewer llm show   [CONNINFO] CALL_ID [--format text|json] [--no-mask]\n"
        "       audit-viewer llm run    [CONNINFO] CALL_ID|TRACE_ID [--bank B] [--format "
        "table|jsonl]\n"
        "       audit-viewer llm export [CONNINFO] [FILTERS] --output FILE|- [--format csv|jsonl] "
        "[--oldest-first] [--no-json] [--no-formula-guard] [--bom] [--no-mask]\n\n"
        "Hindsight's LLM calls (the llm_requests table beside the audit table; recorded when\n"
        "HINDSIGHT_API_LLM_TRACE_ENABLED=true). A run is every call of one operation (one\n"
        "trace_id); --during lists the runs an audit entry caused: Hindsight keeps no exact\n"
        "link, so they are the calls of the entry's bank and operation whose run started within\n"
        "the entry's span, and a run that started within two entries is reported as ambiguous.\n\n"
        "Filters (a list option is repeatable: any of its values):\n"
        "  --operation O     retain, reflect, consolidation, ...\n"
        "  --status S        success or error\n"
        "  --scope S, --provider P, --model M\n"
        "  --bank B          only this bank\n"
        "  --trace T         only the run T (a trace_id)\n"
        "  --document D      calls whose metadata names document D\n"
        "  --memory M        calls of runs that created or consumed memory M\n"
        "  --since TIME, --until TIME, --last 1h|24h|7d|30d  as for list\n"
        "  --min-duration DURATION  duration_ms at least this (250ms, 5s, 2m)\n"
        "  --search TEXT     TEXT in input, output or error (literal, case-insensitive)\n"
        "  --schema S        schema of the tables (default public); --schemas PATTERN and\n"
        "                    --tenant S read many, as for list\n"
        "  --statement-timeout MS, --verbose, --mask-rules FILE  as for list\n\n"
        "list's jsonl keys are llm_requests' columns (no documents; error cut at 300\n"
        "characters, with \"error_truncated\": true); export writes every column, documents as\n"
        "stored (secrets masked unless --no-mask). stats --format json gives per bucket time,\n"
        "calls, status (calls per status) and tokens {input, output, cached, total}.\n");
}

// The shared options, and the LLM log's own.
struct LlmOptions : CliOptions
{
    QCommandLineOption operation { QStringLiteral("operation"), QString(), QStringLiteral("O") };
    QCommandLineOption status { QStringLiteral("status"), QString(), QStringLiteral("S") };
    QCommandLineOption scope { QStringLiteral("scope"), QString(), QStringLiteral("S") };
    QCommandLineOption provider { QStringLiteral("provider"), QString(), QStringLiteral("P") };
    QCommandLineOption model { QStringLiteral("model"), QString(), QStringLiteral("M") };
    QCommandLineOption trace { QStringLiteral("trace"), QString(), QStringLiteral("T") };
    QCommandLineOption document { QStringLiteral("document"), QString(), QStringLiteral("D") };
    QCommandLineOption memory { QStringLiteral("memory"), QString(), QStringLiteral("M") };
    QCommandLineOption runs { QStringLiteral("runs"), QString() };
    QCommandLineOption during { QStringLiteral("during"), QString(), QStringLiteral("AUDIT_ID") };
    QCommandLineOption oldest { QStringLiteral("oldest-first"), QString() };
    QCommandLineOption metric { QStringLiteral("metric"), QString(), QStringLiteral("M") };
};

bool fail(QString *error, const QString &message)
{
    *error = message;
    return false;
}

bool oneOf(const QString &value, std::initializer_list<const char *> allowed)
{
    for (const char *name : allowed) {
        if (value == QLatin1String(name)) {
            return true;
        }
    }
    return false;
}

// The filter: the LLM options, and the audit filter options that mean the same here (bank,
// time, duration, search); those that do not (action, transport, failed) are refused.
bool readFilter(
    const QCommandLineParser &parser, const LlmOptions &o, LlmCommandLine &result, QString *error)
{
    for (const char *audit : { "action", "transport", "failed" }) {
        if (parser.isSet(QString::fromLatin1(audit))) {
            return fail(error,
                LlmCommandLine::tr("--%1 filters the audit log; the LLM calls take --operation, "
                                   "--status, --scope, --provider and --model.")
                    .arg(QString::fromLatin1(audit)));
        }
    }
    const AuditTimestamp now
        = AuditTimestamp::fromUsecsSinceEpoch(QDateTime::currentMSecsSinceEpoch() * 1000);
    const std::optional<SavedView> view
        = readViewFilterOptions(parser, error, QTimeZone::systemTimeZone(), now);
    if (!view) {
        return false;
    }
    const AuditFilter audit = view->filterAt(now);
    LlmFilter &filter = result.filter;
    filter.bank = audit.bank;
    filter.since = audit.since;
    filter.until = audit.until;
    filter.search = audit.search;
    if (audit.minDurationMicros) {
        // duration_ms holds whole milliseconds: "at least 1.5 ms" is at least 2.
        filter.minDurationMs = (*audit.minDurationMicros + 999) / 1000;
    }
    filter.operations = parser.values(o.operation);
    filter.statuses = parser.values(o.status);
    filter.scopes = parser.values(o.scope);
    filter.providers = parser.values(o.provider);
    filter.models = parser.values(o.model);
    const auto optional = [&](const QCommandLineOption &option) {
        return parser.isSet(option) ? std::optional<QString>(parser.value(option)) : std::nullopt;
    };
    filter.traceId = optional(o.trace);
    filter.documentId = optional(o.document);
    filter.memoryId = optional(o.memory);
    filter.schemas = parser.values(o.tenant);
    return true;
}

bool readTables(
    const QCommandLineParser &parser, const LlmOptions &o, LlmCommandLine &result, QString *error)
{
    if (parser.isSet(o.schema)) {
        result.auditTable.schema = parser.value(o.schema);
    }
    if (parser.isSet(o.table)) {
        result.auditTable.table = parser.value(o.table);
    }
    if (parser.isSet(o.schemas)) {
        result.auditTable.schemaPattern = parser.value(o.schemas);
        if (result.auditTable.schemaPattern.isEmpty()) {
            return fail(error, LlmCommandLine::tr("--schemas takes a LIKE pattern."));
        }
    } else if (parser.isSet(o.tenant)) {
        result.auditTable.schemaPattern = QStringLiteral("%");
    }
    if (result.auditTable.isMultiSchema() && parser.isSet(o.schema)) {
        return fail(error,
            LlmCommandLine::tr("--schema reads one schema, --schemas and --tenant read many: "
                               "give one or the other."));
    }
    if (parser.isSet(o.timeout)) {
        bool ok = false;
        result.statementTimeoutMs = parser.value(o.timeout).toInt(&ok);
        if (!ok || result.statementTimeoutMs < 0) {
            return fail(
                error, LlmCommandLine::tr("--statement-timeout takes a number of milliseconds."));
        }
    }
    result.verbose = parser.isSet(o.verbose);
    if (parser.isSet(o.maskRules)) {
        result.maskingRules = MaskingRules::fromFile(parser.value(o.maskRules), error);
        if (!result.maskingRules) {
            return false;
        }
    }
    result.maskSecrets = !parser.isSet(o.noMask);
    return true;
}

bool readListOptions(
    const QCommandLineParser &parser, const LlmOptions &o, LlmCommandLine &result, QString *error)
{
    if (parser.isSet(o.limit)) {
        bool ok = false;
        result.limit = parser.value(o.limit).toInt(&ok);
        if (!ok || result.limit < 1) {
            return fail(error, LlmCommandLine::tr("--limit takes a positive number."));
        }
    }
    result.runs = parser.isSet(o.runs);
    result.during = parser.value(o.during);
    if (parser.isSet(o.during) && !AuditEntry::isId(result.during)) {
        return fail(error, LlmCommandLine::tr("--during takes an audit entry's id (a UUID)."));
    }
    if (result.runs && !result.during.isEmpty()) {
        return fail(
            error, LlmCommandLine::tr("--during lists runs already; give --runs or --during."));
    }
    if (parser.isSet(o.after)) {
        result.after = PageCursor::decode(parser.value(o.after));
        if (!result.after) {
            return fail(error,
                LlmCommandLine::tr("--after takes the last row's started_at,id[,schema] as "
                                   "list prints it."));
        }
    }
    result.format = parser.isSet(o.format) ? parser.value(o.format) : QStringLiteral("table");
    if (!oneOf(result.format, { "table", "jsonl" })) {
        return fail(error, LlmCommandLine::tr("--format takes table or jsonl."));
    }
    return true;
}

bool readStatsOptions(
    const QCommandLineParser &parser, const LlmOptions &o, LlmCommandLine &result, QString *error)
{
    if (parser.isSet(o.period)) {
        const auto period = volumePeriodFromName(parser.value(o.period));
        if (!period) {
            return fail(error, LlmCommandLine::tr("--period takes today, 7d or 30d."));
        }
        result.period = *period;
    }
    const QString metric
        = parser.isSet(o.metric) ? parser.value(o.metric) : QStringLiteral("calls");
    if (!oneOf(metric, { "calls", "tokens" })) {
        return fail(error, LlmCommandLine::tr("--metric takes calls or tokens."));
    }
    result.tokens = metric == QLatin1String("tokens");
    const QString by = parser.isSet(o.by) ? parser.value(o.by) : QStringLiteral("operation");
    if (!oneOf(by, { "operation", "model" })) {
        return fail(error, LlmCommandLine::tr("--by takes operation or model."));
    }
    result.grouping = by == QLatin1String("model") ? LlmGrouping::Model : LlmGrouping::Operation;
    result.utc = parser.isSet(o.utc);
    result.format = parser.isSet(o.format) ? parser.value(o.format) : QStringLiteral("table");
    if (!oneOf(result.format, { "table", "json" })) {
        return fail(error, LlmCommandLine::tr("--format takes table or json."));
    }
    return true;
}

bool readExportOptions(
    const QCommandLineParser &parser, const LlmOptions &o, LlmCommandLine &result, QString *error)
{
    result.output = parser.value(o.output);
    if (result.output.isEmpty()) {
        return fail(
            error, LlmCommandLine::tr("export needs --output FILE (or - for standard output)."));
    }
    result.format = parser.isSet(o.format) ? parser.value(o.format)
        : result.output.endsWith(QLatin1String(".jsonl"), Qt::CaseInsensitive)
        ? QStringLiteral("jsonl")
        : QStringLiteral("csv");
    if (!oneOf(result.format, { "csv", "jsonl" })) {
        return fail(error, LlmCommandLine::tr("--format takes csv or jsonl."));
    }
    result.formulaGuard = !parser.isSet(o.noGuard);
    result.byteOrderMark = parser.isSet(o.bom);
    result.includeJson = !parser.isSet(o.noJson);
    return true;
}

} // namespace

std::optional<LlmCommandLine> LlmCommandLine::parse(const QStringList &arguments, QString *error)
{
    QStringList args = arguments;
    LlmCommandLine result;
    result.helpText = usage();
    args.removeAt(1); // "llm"
    if (args.size() < 2 || args.at(1) == QLatin1String("--help")
        || args.at(1) == QLatin1String("-h")) {
        result.command = Command::Help;
        return result;
    }
    const QString command = args.takeAt(1);
    if (!kLlmCommands.contains(command)) {
        *error = tr("llm takes list, stats, show, run or export, not \"%1\".").arg(command);
        return std::nullopt;
    }
    const LlmOptions o;
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addOptions({ o.help, o.operation, o.status, o.scope, o.provider, o.model, o.trace,
        o.document, o.memory, o.schema, o.schemas, o.tenant, o.table, o.timeout, o.limit, o.after,
        o.runs, o.during, o.oldest, o.format, o.period, o.metric, o.by, o.utc, o.output, o.noGuard,
        o.bom, o.noJson, o.noMask, o.verbose, o.maskRules });
    parser.addOptions(viewFilterOptions());
    if (!parser.parse(args)) {
        *error = parser.errorText();
        return std::nullopt;
    }
    if (parser.isSet(o.help)) {
        result.command = Command::Help;
        return result;
    }
    QStringList positional = parser.positionalArguments();
    const bool takesId = command == QLatin1String("show") || command == QLatin1String("run");
    if (takesId) {
        if (positional.isEmpty()) {
            *error = tr("%1 takes an id, optionally after a CONNINFO.").arg(command);
            return std::nullopt;
        }
        result.id = positional.takeLast();
    }
    if (positional.size() > 1) {
        *error = tr("Unexpected argument \"%1\"; give at most one CONNINFO.").arg(positional.at(1));
        return std::nullopt;
    }
    result.conninfo = positional.value(0);
    result.oldestFirst = parser.isSet(o.oldest);
    if (!readTables(parser, o, result, error) || !readFilter(parser, o, result, error)) {
        return std::nullopt;
    }
    bool ok = true;
    if (command == QLatin1String("list")) {
        result.command = Command::List;
        ok = readListOptions(parser, o, result, error);
    } else if (command == QLatin1String("stats")) {
        result.command = Command::Stats;
        ok = readStatsOptions(parser, o, result, error);
    } else if (command == QLatin1String("export")) {
        result.command = Command::Export;
        ok = readExportOptions(parser, o, result, error);
    } else {
        result.command = command == QLatin1String("show") ? Command::Show : Command::Run;
        result.format = parser.isSet(o.format) ? parser.value(o.format)
            : command == QLatin1String("show") ? QStringLiteral("text")
                                               : QStringLiteral("table");
        if (command == QLatin1String("show") && !AuditEntry::isId(result.id)) {
            *error = tr("\"%1\" is not an LLM call id (a UUID).").arg(result.id);
            return std::nullopt;
        }
        ok = command == QLatin1String("show") ? oneOf(result.format, { "text", "json" })
                                              : oneOf(result.format, { "table", "jsonl" });
        if (!ok) {
            *error = command == QLatin1String("show") ? tr("--format takes text or json.")
                                                      : tr("--format takes table or jsonl.");
        }
    }
    if (!ok) {
        return std::nullopt;
    }
    return result;
}
