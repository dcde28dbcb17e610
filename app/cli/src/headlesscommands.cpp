#include "headlesscommands.h"

#include "auditexporter.h"
#include "auditrepository.h"
#include "clioutput.h"
#include "databaseconnection.h"
#include "displaytext.h"
#include "durationtext.h"
#include "entryformat.h"
#include "jsonprettyprinter.h"
#include "secretmasker.h"
#include "volumetable.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QIODevice>
#include <QLocale>
#include <QSet>
#include <QSettings>
#include <QStringList>

#include <algorithm>
#include <climits>

#include <unistd.h>

namespace {

using namespace CliOutput;

// The widest the latency table's action column gets (the table stays within 100 columns).
constexpr qsizetype kLatencyActionWidth = 30;
// The widest the list's and the schemas table's schema column gets.
constexpr qsizetype kSchemaWidth = 30;

// The width of the list's schema column: its widest name, within bounds.
qsizetype schemaColumnWidth(const AuditPage &page)
{
    qsizetype width = 6; // "schema"
    for (const AuditEntry &entry : page.entries) {
        width = std::max(width, visibleText(entry.schema).size());
    }
    return std::min(width, kSchemaWidth);
}

int listEntries(
    const CommandLine &cl, const AuditRepository &repository, QIODevice &out, QIODevice &err)
{
    std::optional<PageCursor> after = cl.after;
    if (after && (isDurationOrder(cl.order) || cl.order == SortOrder::RecentlyFinishedFirst)) {
        // The cursor names the row as in every order (started_at,id); the duration orders
        // seek on its duration and "finished" on its end, read from the row itself.
        const auto row = repository.entry(after->id, after->schema);
        if (!row) {
            return fail(err, row.error());
        }
        after->durationMicros = row->entry.durationUsecs();
        after->endedAt = row->entry.endedAt;
    }
    const AuditFilter filter = filterForOrder(
        cl.filter, cl.order, AuditTimestamp::fromDateTime(QDateTime::currentDateTimeUtc()));
    auto page = repository.page(filter, cl.limit, after, cl.order);
    if (!page) {
        return fail(err, page.error());
    }
    writeNotes(err, page->notes);
    if (cl.format == QLatin1String("jsonl")) {
        for (const AuditEntry &entry : page->entries) {
            writeLine(out, EntryFormat::jsonLine(entry));
        }
    } else if (cl.format == QLatin1String("csv")) {
        writeLine(out, EntryFormat::csvHeader());
        for (const AuditEntry &entry : page->entries) {
            writeLine(out, EntryFormat::csvRow(entry, true));
        }
    } else {
        // Database text by the window's rule: a newline, TAB or bidi override shows as a
        // marker instead of splitting the row or reordering the terminal's line.
        const QTimeZone zone = QTimeZone::systemTimeZone();
        // Reading many schemas, each row's schema (the tenant) follows its start.
        const qsizetype schemaWidth = cl.table.isMultiSchema() ? schemaColumnWidth(*page) : 0;
        const auto schemaCell = [schemaWidth](const QString &schema) {
            return schemaWidth == 0
                ? QString()
                : padded(cutToWidth(visibleText(schema), schemaWidth), schemaWidth)
                    + QStringLiteral("  ");
        };
        writeLine(out,
            QStringLiteral("%1  %8%2  %3  %4  %5  %6  %7")
                .arg(padded(QStringLiteral("started"), 33), padded(QStringLiteral("action"), 20),
                    padded(QStringLiteral("transport"), 9), padded(QStringLiteral("bank"), 24),
                    QStringLiteral("duration").rightJustified(12),
                    padded(QStringLiteral("status"), 7), QStringLiteral("id"),
                    schemaCell(QStringLiteral("schema"))));
        for (const AuditEntry &entry : page->entries) {
            writeLine(out,
                QStringLiteral("%1  %8%2  %3  %4  %5  %6  %7")
                    .arg(padded(entry.startedAt.toDisplayString(zone), 33),
                        padded(visibleText(entry.action), 20),
                        padded(visibleText(entry.transport), 9),
                        padded(entry.bankId ? visibleText(*entry.bankId) : QStringLiteral("-"), 24),
                        (entry.durationUsecs() ? readable(*entry.durationUsecs()) : QString())
                            .rightJustified(12),
                        padded(AuditEntry::statusName(entry.status()), 7), entry.id,
                        schemaCell(entry.schema)));
        }
        if (page->hasMore && !page->entries.isEmpty()) {
            PageCursor next { page->entries.last().startedAt, page->entries.last().id };
            // Across schemas the schema breaks a tie between equal ids (a copied tenant).
            if (cl.table.isMultiSchema()) {
                next.schema = page->entries.last().schema;
            }
            writeLine(err,
                QCoreApplication::translate("HeadlessCommands", "More entries follow: --after %1")
                    .arg(next.encode()));
        }
    }
    return kExitOk;
}

int showStats(
    const CommandLine &cl, const AuditRepository &repository, QIODevice &out, QIODevice &err)
{
    const QTimeZone zone = cl.utc ? QTimeZone::utc() : QTimeZone::systemTimeZone();
    auto series = repository.volume(
        cl.filter, cl.period, zone, QDateTime::currentDateTimeUtc(), std::nullopt, cl.grouping);
    if (!series) {
        return fail(err, series.error());
    }
    if (cl.format == QLatin1String("json")) {
        QStringList buckets;
        for (const VolumeBucket &bucket : series->buckets) {
            QStringList actions;
            for (auto it = bucket.actions.cbegin(); it != bucket.actions.cend(); ++it) {
                actions.append(EntryFormat::jsonString(it.key()) + QLatin1Char(':')
                    + QString::number(it.value()));
            }
            // --by tenant: the counts per schema, under "tenants".
            buckets.append(
                QStringLiteral(R"({"time":%1,"total":%2,"%3":{%4}})")
                    .arg(EntryFormat::jsonString(bucket.start.toIsoUtc()))
                    .arg(bucket.total)
                    .arg(cl.grouping == VolumeGrouping::Tenant ? QStringLiteral("tenants")
                                                               : QStringLiteral("actions"),
                        actions.join(QLatin1Char(','))));
        }
        writeLine(out,
            QStringLiteral(
                R"({"period":%1,"trunc":%2,"zone":%3,"start":%4,"end":%5,"total":%6,"buckets":[%7]})")
                .arg(EntryFormat::jsonString(volumePeriodName(cl.period)),
                    EntryFormat::jsonString(volumeUnitName(series->range.unit)),
                    EntryFormat::jsonString(series->zoneId),
                    EntryFormat::jsonString(series->range.from.toIsoUtc()),
                    EntryFormat::jsonString(series->range.to.toIsoUtc()))
                .arg(series->total())
                .arg(buckets.join(QLatin1Char(','))));
        return kExitOk;
    }
    for (const QString &line : volumeTableLines(*series, zone)) {
        writeLine(out, line);
    }
    writeLine(out,
        QStringLiteral("%1 requests, %2 time zone %3")
            .arg(series->total())
            .arg(volumePeriodName(cl.period), series->zoneId));
    return kExitOk;
}

// stats --latency: one row per action, then all actions. The table reads durations as the
// window does (readableDuration); JSON gives whole microseconds.
int showLatency(
    const CommandLine &cl, const AuditRepository &repository, QIODevice &out, QIODevice &err)
{
    auto summary = repository.latencySummary(cl.filter);
    if (!summary) {
        return fail(err, summary.error());
    }
    const bool none = summary->total.calls == 0;
    if (cl.format == QLatin1String("json")) {
        const auto object = [none](const LatencyRow &row) {
            const auto micros = [none](qint64 value) {
                return none ? QStringLiteral("null") : QString::number(value);
            };
            return QStringLiteral(R"("calls":%1,"p50_us":%2,"p95_us":%3,"p99_us":%4,"max_us":%5)")
                .arg(QString::number(row.calls), micros(row.p50Micros), micros(row.p95Micros),
                    micros(row.p99Micros), micros(row.maxMicros));
        };
        QStringList actions;
        for (const LatencyRow &row : summary->actions) {
            actions.append(QStringLiteral(R"({"action":%1,%2})")
                               .arg(EntryFormat::jsonString(row.action), object(row)));
        }
        writeLine(out,
            QStringLiteral(R"({"actions":[%1],"total":{%2}})")
                .arg(actions.join(QLatin1Char(',')), object(summary->total)));
        return kExitOk;
    }
    qsizetype width = 11; // "all actions"
    for (const LatencyRow &row : summary->actions) {
        width = std::max(width, visibleText(row.action).size());
    }
    width = std::min<qsizetype>(width, kLatencyActionWidth);
    const auto line = [&](const QString &action, const QStringList &cells) {
        QStringList columns { padded(cutToWidth(action, width), width) };
        for (const QString &cell : cells) {
            columns.append(cell.rightJustified(11));
        }
        writeLine(out, columns.join(QLatin1String("  ")));
    };
    const auto cells = [none](const LatencyRow &row) {
        QStringList texts { QString::number(row.calls) };
        for (const qint64 value : { row.p50Micros, row.p95Micros, row.p99Micros, row.maxMicros }) {
            texts.append(none ? QStringLiteral("-") : readable(value));
        }
        return texts;
    };
    line(QStringLiteral("action"),
        { QStringLiteral("calls"), QStringLiteral("p50"), QStringLiteral("p95"),
            QStringLiteral("p99"), QStringLiteral("max") });
    for (const LatencyRow &row : summary->actions) {
        line(visibleText(row.action), cells(row));
    }
    line(QStringLiteral("all actions"), cells(summary->total));
    return kExitOk;
}

int showEntry(
    const CommandLine &cl, const AuditRepository &repository, QIODevice &out, QIODevice &err)
{
    auto detail = repository.entry(cl.entryId, cl.filter.schemas.value(0));
    if (!detail) {
        return fail(err, detail.error());
    }
    const AuditEntry &e = detail->entry;
    const QString null = QStringLiteral("null");
    if (cl.format == QLatin1String("json")) {
        const QString text
            = QStringLiteral("{\n"
                             "  \"id\": %1,\n"
                             "  \"schema\": %12,\n"
                             "  \"action\": %2,\n"
                             "  \"transport\": %3,\n"
                             "  \"bank_id\": %4,\n"
                             "  \"started_at\": %5,\n"
                             "  \"ended_at\": %6,\n"
                             "  \"duration_ms\": %7,\n"
                             "  \"status\": %8,\n"
                             "  \"request\": %9,\n"
                             "  \"response\": %10,\n"
                             "  \"metadata\": %11\n"
                             "}")
                  .arg(EntryFormat::jsonString(e.id), EntryFormat::jsonString(e.action),
                      EntryFormat::jsonString(e.transport),
                      e.bankId ? EntryFormat::jsonString(*e.bankId) : null,
                      EntryFormat::jsonString(e.startedAt.toIsoUtc()),
                      e.endedAt ? EntryFormat::jsonString(e.endedAt->toIsoUtc()) : null,
                      EntryFormat::durationMsJson(e),
                      EntryFormat::jsonString(AuditEntry::statusName(e.status())),
                      prettyDocument(detail->request, 1, cl.maskSecrets))
                  .arg(prettyDocument(detail->response, 1, cl.maskSecrets),
                      prettyDocument(detail->metadata, 1, cl.maskSecrets),
                      EntryFormat::jsonString(e.schema));
        writeLine(out, text);
        return kExitOk;
    }
    const QTimeZone zone = QTimeZone::systemTimeZone();
    auto field = [&](const QString &name, const QString &value) {
        writeLine(out, padded(name, 11) + value);
    };
    field(QStringLiteral("id"), e.id);
    field(QStringLiteral("schema"), visibleText(e.schema));
    field(QStringLiteral("action"), visibleText(e.action));
    field(QStringLiteral("transport"), visibleText(e.transport));
    field(QStringLiteral("bank"), e.bankId ? visibleText(*e.bankId) : QStringLiteral("(none)"));
    field(QStringLiteral("started"),
        e.startedAt.toDisplayString(zone) + QStringLiteral("  (") + e.startedAt.toIsoUtc()
            + QLatin1Char(')'));
    field(QStringLiteral("ended"),
        e.endedAt ? e.endedAt->toDisplayString(zone) + QStringLiteral("  (") + e.endedAt->toIsoUtc()
                + QLatin1Char(')')
                  : QStringLiteral("(running)"));
    field(QStringLiteral("duration"),
        e.durationUsecs() ? readable(*e.durationUsecs()) + QStringLiteral("  (")
                + exactDuration(*e.durationUsecs(), QLocale::c()) + QLatin1Char(')')
                          : QStringLiteral("-"));
    field(QStringLiteral("status"), AuditEntry::statusName(e.status()));
    const QList<QPair<QString, std::optional<QString>>> documents {
        { QStringLiteral("Request"), detail->request },
        { QStringLiteral("Response"), detail->response },
        { QStringLiteral("Metadata"), detail->metadata },
    };
    writeDocuments(out, documents, cl.maskSecrets);
    return kExitOk;
}

int exportEntries(const CommandLine &cl, const AuditRepository &repository,
    const PgSession &session, QIODevice &out, QIODevice &err)
{
    const ExportOptions options = CliOutput::exportOptions(
        cl.format, cl.formulaGuard, cl.byteOrderMark, cl.includeJson, cl.maskSecrets);
    AuditExporter exporter(session, repository.table());
    return CliOutput::writeExport(
        [&](const AuditExporter::Progress &progress) {
            return cl.output == QLatin1String("-")
                ? exporter.exportTo(cl.filter, cl.order, options, out, progress)
                : exporter.exportToFile(cl.filter, cl.order, options, cl.output, progress);
        },
        cl.output, err);
}

int listSchemas(
    const CommandLine &cl, const AuditRepository &repository, QIODevice &out, QIODevice &err)
{
    auto schemas = repository.schemasHoldingTable();
    if (!schemas) {
        return fail(err, schemas.error());
    }
    if (cl.format == QLatin1String("jsonl")) {
        for (const AuditSchema &schema : std::as_const(*schemas)) {
            writeLine(out,
                QStringLiteral(R"({"schema":%1,"table":%2,"estimated_rows":%3,"readable":%4})")
                    .arg(EntryFormat::jsonString(schema.schema),
                        EntryFormat::jsonString(cl.table.table),
                        schema.estimatedRows ? QString::number(*schema.estimatedRows)
                                             : QStringLiteral("null"),
                        schema.readable ? QStringLiteral("true") : QStringLiteral("false")));
        }
        return kExitOk;
    }
    qsizetype width = 6; // "schema"
    for (const AuditSchema &schema : std::as_const(*schemas)) {
        width = std::max(width, visibleText(schema.schema).size());
    }
    const auto line = [&](const QString &name, const QString &rows, const QString &readable) {
        writeLine(out,
            padded(name, width) + QStringLiteral("  ") + rows.rightJustified(14)
                + QStringLiteral("  ") + readable);
    };
    line(QStringLiteral("schema"), QStringLiteral("estimated rows"), QStringLiteral("readable"));
    for (const AuditSchema &schema : std::as_const(*schemas)) {
        line(visibleText(schema.schema),
            schema.estimatedRows ? QString::number(*schema.estimatedRows) : QStringLiteral("-"),
            schema.readable ? QStringLiteral("yes")
                            : QStringLiteral("no: this role may not read it"));
    }
    if (schemas->isEmpty()) {
        writeLine(err,
            QStringLiteral("audit-viewer: ")
                + QCoreApplication::translate("HeadlessCommands", "No schema holds a table %1.")
                      .arg(cl.table.displayName()));
    }
    return kExitOk;
}

} // namespace

void activateMaskingRules(const CommandLine &cl, QIODevice &err)
{
    QSettings settings;
    const MaskingRules rules = cl.maskingRules.value_or(MaskingRules::fromSettings(settings));
    for (const QString &problem : cl.maskingProblems + rules.problems()) {
        writeLine(err, QStringLiteral("audit-viewer: %1").arg(problem));
    }
    MaskingRules::setActive(rules, cl.maskingRules ? cl.maskingRulesFile : QString());
}

// What goes to standard error is for people and is translated. Standard output (the
// list and stats tables, show's fields, every JSON and CSV) stays in English: scripts
// read it.
int runHeadlessCommand(const CommandLine &cl, QIODevice &out, QIODevice &err)
{
    if (cl.command == CommandLine::Command::Show || cl.command == CommandLine::Command::Export) {
        activateMaskingRules(cl, err);
    }
    auto settings = ConnectionSettings::parse(cl.conninfo);
    if (!settings) {
        // A connection string libpq cannot parse is a usage error, like a bad option.
        fail(err, settings.error());
        return kExitUsage;
    }
    DatabaseConnection connection;
    if (const int failed = CliOutput::openConnection(
            connection, *settings, cl.table, cl.statementTimeoutMs, cl.verbose, err)) {
        return failed;
    }
    const AuditRepository repository(connection.session(), cl.table);
    if (cl.command == CommandLine::Command::Schemas) {
        return listSchemas(cl, repository, out, err); // the table in no particular schema
    }
    if (auto checked = repository.checkTable(); !checked) {
        return fail(err, checked.error());
    }
    if (cl.table.isMultiSchema() && cl.command != CommandLine::Command::List) {
        // A page says which schemas it left out; the other commands are told here.
        QStringList skipped;
        if (auto tables = repository.tablesToRead(cl.filter, &skipped); !tables) {
            return fail(err, tables.error());
        }
        writeNotes(err, skipped);
    }
    switch (cl.command) {
    case CommandLine::Command::List:
        return listEntries(cl, repository, out, err);
    case CommandLine::Command::Stats:
        return cl.latency ? showLatency(cl, repository, out, err)
                          : showStats(cl, repository, out, err);
    case CommandLine::Command::Show:
        return showEntry(cl, repository, out, err);
    case CommandLine::Command::Export:
        return exportEntries(cl, repository, connection.session(), out, err);
    default:
        return kExitOk;
    }
}

// The count that picks a plural form; past INT_MAX any large number does.
int CliOutput::pluralCount(qint64 n)
{
    return static_cast<int>(std::min<qint64>(n, INT_MAX));
}

void CliOutput::writeLine(QIODevice &device, const QString &line)
{
    device.write(line.toUtf8());
    device.write("\n", 1);
}

int CliOutput::fail(QIODevice &err, const QueryError &error)
{
    writeLine(err, QStringLiteral("audit-viewer: ") + error.message);
    return error.kind == QueryError::Kind::Usage ? kExitUsage : kExitDatabase;
}

// Reading many schemas: the ones left out (not readable, dropped meanwhile), one line each.
void CliOutput::writeNotes(QIODevice &err, const QStringList &notes)
{
    for (const QString &note : notes) {
        writeLine(err,
            QStringLiteral("audit-viewer: ")
                + QCoreApplication::translate("HeadlessCommands", "note: %1").arg(note));
    }
}

// Pads to `width` columns of text for the table formats.
QString CliOutput::padded(const QString &text, qsizetype width)
{
    return text.leftJustified(width, QLatin1Char(' '));
}

// A duration in the table formats: as the window reads it, with a point for the decimals.
QString CliOutput::readable(qint64 micros)
{
    return readableDuration(micros, QLocale::c());
}

// The document pretty-printed, secrets masked unless --no-mask.
QString CliOutput::prettyDocument(const std::optional<QString> &stored, int baseIndent, bool mask)
{
    if (!stored) {
        return QStringLiteral("null");
    }
    const QString json = mask ? SecretMasker().mask(*stored) : *stored;
    const JsonFormatResult formatted = JsonPrettyPrinter(2).format(QStringView(json), baseIndent);
    return formatted.ok ? formatted.text : json;
}

void CliOutput::writeDocuments(
    QIODevice &out, const QList<QPair<QString, std::optional<QString>>> &documents, bool mask)
{
    for (const auto &[title, document] : documents) {
        writeLine(out, QString());
        writeLine(out, title + QLatin1Char(':'));
        // Line by line: the printer's own line breaks stay, anything hidden in a string shows.
        const QStringList printed = document
            ? prettyDocument(document, 0, mask).split(QLatin1Char('\n'))
            : QStringList { QStringLiteral("(none)") };
        for (const QString &printedLine : printed) {
            writeLine(out, visibleText(printedLine));
        }
    }
}

int CliOutput::openConnection(DatabaseConnection &connection, const ConnectionSettings &settings,
    const AuditTableRef &table, int statementTimeoutMs, bool verbose, QIODevice &err)
{
    ConnectionSettings connectionSettings = settings;
    connectionSettings.setTable(table);
    connectionSettings.setStatementTimeoutMs(statementTimeoutMs);
    if (auto opened = connection.open(connectionSettings); !opened) {
        return fail(err, opened.error());
    }
    const ConnectionInfo &info = connection.info();
    if (!info.note.isEmpty()) {
        writeLine(err, QStringLiteral("audit-viewer: ") + info.note);
    }
    if (verbose) {
        writeLine(err,
            QCoreApplication::translate("HeadlessCommands",
                "audit-viewer: connected to %1, PostgreSQL %2; the server confirmed: %3.")
                .arg(info.description, info.serverVersion.section(QLatin1Char(' '), 0, 0),
                    info.guarantees()));
    }
    return kExitOk;
}

ExportOptions CliOutput::exportOptions(const QString &format, bool formulaGuard, bool byteOrderMark,
    bool includeJson, bool maskSecrets)
{
    ExportOptions options;
    options.format = format == QLatin1String("jsonl") ? ExportOptions::Format::JsonLines
                                                      : ExportOptions::Format::Csv;
    options.formulaGuard = formulaGuard;
    options.byteOrderMark = byteOrderMark;
    options.includeJson = includeJson;
    options.maskSecrets = maskSecrets;
    options.maskingRules = MaskingRules::active();
    return options;
}

int CliOutput::writeExport(
    const std::function<Result<qint64>(const AuditExporter::Progress &)> &run,
    const QString &output, QIODevice &err)
{
    // Progress on stderr only when a person watches it.
    const bool showProgress = isatty(STDERR_FILENO) == 1;
    QElapsedTimer timer;
    timer.start();
    const QLocale locale;
    auto progress = [&](qint64 rows) {
        if (showProgress) {
            const double seconds = std::max(0.001, timer.elapsed() / 1000.0);
            const QString text
                = QCoreApplication::translate(
                    "HeadlessCommands", "%1 rows, %2 rows/s", nullptr, pluralCount(rows))
                      .arg(locale.toString(rows), locale.toString(qRound64(rows / seconds)));
            err.write((QLatin1Char('\r') + text + QLatin1Char(' ')).toUtf8());
        }
    };
    const Result<qint64> written = run(progress);
    if (showProgress) {
        err.write("\n");
    }
    if (!written) {
        return fail(err, written.error());
    }
    if (output != QLatin1String("-")) {
        writeLine(err,
            QCoreApplication::translate("HeadlessCommands", "%1 entries written to %2 in %3 s",
                nullptr, pluralCount(*written))
                .arg(locale.toString(*written), output)
                .arg(timer.elapsed() / 1000.0, 0, 'f', 1));
    }
    return kExitOk;
}
