#include "llmcommands.h"

#include "auditexporter.h"
#include "auditrepository.h"
#include "clioutput.h"
#include "databaseconnection.h"
#include "displaytext.h"
#include "durationtext.h"
#include "entryformat.h"
#include "llmrepository.h"
#include "secretmasker.h"

#include <QIODevice>
#include <QLocale>

using namespace CliOutput;

namespace {

QString jsonText(const std::optional<QString> &text)
{
    return text ? EntryFormat::jsonString(*text) : QStringLiteral("null");
}

QString jsonNumber(const std::optional<qint64> &number)
{
    return number ? QString::number(*number) : QStringLiteral("null");
}

QString jsonTime(const std::optional<AuditTimestamp> &time)
{
    return time ? EntryFormat::jsonString(time->toIsoUtc()) : QStringLiteral("null");
}

QString number(const std::optional<qint64> &value)
{
    return value ? QLocale::c().toString(*value) : QStringLiteral("-");
}

// The error as a page holds it (its first LlmCall::kErrorStartLength characters), masked.
std::pair<std::optional<QString>, bool> errorShown(const LlmCall &call, bool mask)
{
    if (!call.errorStart) {
        return { std::nullopt, false };
    }
    QString text = *call.errorStart;
    const bool cut = text.size() > LlmCall::kErrorStartLength;
    if (cut) {
        text.truncate(LlmCall::kErrorStartLength);
    }
    return { mask ? SecretMasker().mask(text) : text, cut };
}

// One call as a JSON object of llm_requests' columns; the error as a page holds it unless
// `withError` is false (the caller adds the whole one).
QString callJson(const LlmCall &call, bool mask, bool withError = true)
{
    const auto [error, cut] = errorShown(call, mask);
    QString line = QStringLiteral("{\"id\":%1,\"schema\":%2,\"bank_id\":%3,\"operation\":%4,"
                                  "\"scope\":%5,\"trace_id\":%6,\"span_id\":%7,"
                                  "\"parent_span_id\":%8,\"provider\":%9,")
                       .arg(EntryFormat::jsonString(call.id), EntryFormat::jsonString(call.schema),
                           jsonText(call.bankId), jsonText(call.operation), jsonText(call.scope),
                           jsonText(call.traceId), jsonText(call.spanId),
                           jsonText(call.parentSpanId), jsonText(call.provider));
    line += QStringLiteral("\"model\":%1,\"status\":%2,\"started_at\":%3,\"ended_at\":%4,"
                           "\"duration_ms\":%5,\"input_tokens\":%6,\"output_tokens\":%7,"
                           "\"cached_tokens\":%8,\"total_tokens\":%9,")
                .arg(jsonText(call.model), EntryFormat::jsonString(call.status),
                    jsonTime(call.startedAt), jsonTime(call.endedAt), jsonNumber(call.durationMs),
                    jsonNumber(call.inputTokens), jsonNumber(call.outputTokens),
                    jsonNumber(call.cachedTokens), jsonNumber(call.totalTokens));
    if (!withError) {
        line.chop(1);
        return line + QLatin1Char('}');
    }
    line += QStringLiteral("\"error\":%1").arg(jsonText(error));
    if (cut) {
        line += QStringLiteral(",\"error_truncated\":true");
    }
    return line + QLatin1Char('}');
}

void writeCallTable(const QList<LlmCall> &calls, QIODevice &out, bool mask)
{
    const QTimeZone zone = QTimeZone::systemTimeZone();
    writeLine(out,
        padded(QStringLiteral("started"), 35) + padded(QStringLiteral("operation"), 16)
            + padded(QStringLiteral("scope"), 22) + padded(QStringLiteral("status"), 8)
            + padded(QStringLiteral("model"), 20)
            + QStringLiteral("   ms      in     out  cached"
                             "   total  bank / error"));
    for (const LlmCall &call : calls) {
        const auto [error, cut] = errorShown(call, mask);
        Q_UNUSED(cut);
        writeLine(out,
            padded(call.startedAt.toDisplayString(zone), 35)
                + padded(visibleText(call.operation.value_or(QString())).left(15), 16)
                + padded(visibleText(call.scope.value_or(QString())).left(21), 22)
                + padded(visibleText(call.status).left(7), 8)
                + padded(visibleText(call.model.value_or(QString())).left(19), 20)
                + number(call.durationMs).rightJustified(5)
                + number(call.inputTokens).rightJustified(8)
                + number(call.outputTokens).rightJustified(8)
                + number(call.cachedTokens).rightJustified(8)
                + number(call.totalTokens).rightJustified(8) + QStringLiteral("  ")
                + visibleText(call.bankId.value_or(QStringLiteral("(none)")))
                + (error ? QStringLiteral("  ") + visibleText(error->left(80)) : QString()));
    }
}

QString runJson(const LlmRun &run)
{
    return QStringLiteral("{\"run\":%1,\"schema\":%2,\"bank_id\":%3,\"trace_id\":%4,"
                          "\"operation\":%5,\"models\":[%6],\"first_start\":%7,\"last_end\":%8,")
               .arg(
                   EntryFormat::jsonString(run.key), EntryFormat::jsonString(run.schema),
                   jsonText(run.bankId), jsonText(run.traceId),
                   EntryFormat::jsonString(run.operation),
                   [&] {
                       QStringList models;
                       for (const QString &model : run.models) {
                           models.append(EntryFormat::jsonString(model));
                       }
                       return models.join(QLatin1Char(','));
                   }(),
                   jsonTime(run.firstStart), jsonTime(run.lastEnd))
        + QStringLiteral("\"wall_ms\":%1,\"calls\":%2,\"errors\":%3,\"tokens\":{\"input\":%4,"
                         "\"output\":%5,\"cached\":%6,\"total\":%7}")
              .arg(run.spanMicros()
                      ? QStringLiteral("%1.%2")
                            .arg(*run.spanMicros() / 1000)
                            .arg(std::abs(*run.spanMicros() % 1000), 3, 10, QLatin1Char('0'))
                      : QStringLiteral("null"))
              .arg(run.calls)
              .arg(run.errors)
              .arg(run.tokens.input)
              .arg(run.tokens.output)
              .arg(run.tokens.cached)
              .arg(run.tokens.total);
}

QString runCursor(const LlmRun &run)
{
    return PageCursor { run.lastStart, run.lastCallId, {}, {}, run.schema }.encode();
}

void writeRunTable(const QList<LlmRun> &runs, QIODevice &out)
{
    const QTimeZone zone = QTimeZone::systemTimeZone();
    writeLine(out,
        padded(QStringLiteral("first start"), 35) + padded(QStringLiteral("operation"), 22)
            + padded(QStringLiteral("bank"), 16)
            + QStringLiteral(
                "      wall  calls errors        in       out    cached     total  run"));
    for (const LlmRun &run : runs) {
        writeLine(out,
            padded(run.firstStart.toDisplayString(zone), 35)
                + padded(visibleText(run.operation).left(21), 22)
                + padded(visibleText(run.bankId.value_or(QStringLiteral("(none)"))).left(15), 16)
                + (run.spanMicros() ? readable(*run.spanMicros()) : QStringLiteral("-"))
                      .rightJustified(10)
                + QString::number(run.calls).rightJustified(7)
                + QString::number(run.errors).rightJustified(7)
                + QLocale::c().toString(run.tokens.input).rightJustified(10)
                + QLocale::c().toString(run.tokens.output).rightJustified(10)
                + QLocale::c().toString(run.tokens.cached).rightJustified(10)
                + QLocale::c().toString(run.tokens.total).rightJustified(10) + QStringLiteral("  ")
                + visibleText(run.key));
    }
}

int listCalls(const LlmCommandLine &cl, const LlmRepository &llm, QIODevice &out, QIODevice &err)
{
    auto page = llm.page(cl.filter, cl.limit, cl.after, cl.oldestFirst);
    if (!page) {
        return fail(err, page.error());
    }
    writeNotes(err, page->notes);
    if (cl.format == QLatin1String("jsonl")) {
        for (const LlmCall &call : page->calls) {
            writeLine(out, callJson(call, cl.maskSecrets));
        }
    } else {
        writeCallTable(page->calls, out, cl.maskSecrets);
    }
    if (page->hasMore && !page->calls.isEmpty()) {
        writeLine(err,
            QCoreApplication::translate(
                "LlmCommands", "audit-viewer: more calls; continue with --after %1")
                .arg(PageCursor { page->calls.last().startedAt, page->calls.last().id, {}, {},
                    page->calls.last().schema }
                         .encode()));
    }
    return kExitOk;
}

int listRuns(const LlmCommandLine &cl, const LlmRepository &llm, QIODevice &out, QIODevice &err)
{
    auto page = llm.runs(cl.filter, cl.limit, cl.after);
    if (!page) {
        return fail(err, page.error());
    }
    writeNotes(err, page->notes);
    if (cl.format == QLatin1String("jsonl")) {
        for (const LlmRun &run : page->runs) {
            writeLine(out, runJson(run) + QLatin1Char('}'));
        }
    } else {
        writeRunTable(page->runs, out);
    }
    if (page->hasMore && !page->runs.isEmpty()) {
        writeLine(err,
            QCoreApplication::translate(
                "LlmCommands", "audit-viewer: more runs; continue with --after %1")
                .arg(runCursor(page->runs.last())));
    }
    return kExitOk;
}

int listDuring(const LlmCommandLine &cl, const LlmRepository &llm, QIODevice &out, QIODevice &err)
{
    auto entry = AuditRepository(llm.session(), llm.auditTable())
                     .entry(cl.during, cl.filter.schemas.value(0));
    if (!entry) {
        return fail(err, entry.error());
    }
    auto attribution = llm.attribution(entry->entry);
    if (!attribution) {
        return fail(err, attribution.error());
    }
    writeNotes(err, attribution->notes);
    for (const LlmAttributedRun &run : attribution->runs) {
        if (!run.otherEntryIds.isEmpty()) {
            writeLine(err,
                QCoreApplication::translate("LlmCommands",
                    "audit-viewer: run %1 started while %2 also ran (same bank and operation): "
                    "its attribution is ambiguous.")
                    .arg(run.run.key, run.otherEntryIds.join(QLatin1String(", "))));
        }
    }
    if (cl.format == QLatin1String("jsonl")) {
        for (const LlmAttributedRun &run : attribution->runs) {
            QStringList others;
            for (const QString &id : run.otherEntryIds) {
                others.append(EntryFormat::jsonString(id));
            }
            writeLine(out,
                runJson(run.run)
                    + QStringLiteral(",\"also_during\":[%1]}").arg(others.join(QLatin1Char(','))));
        }
        return kExitOk;
    }
    QList<LlmRun> runs;
    for (const LlmAttributedRun &run : attribution->runs) {
        runs.append(run.run);
    }
    writeRunTable(runs, out);
    writeLine(out,
        QCoreApplication::translate(
            "LlmCommands", "%n run(s)", nullptr, pluralCount(attribution->runs.size()))
            + QCoreApplication::translate(
                "LlmCommands", ": calls %1, errors %2, tokens %3 (input %4, output %5, cached %6)")
                  .arg(attribution->calls)
                  .arg(attribution->errors)
                  .arg(QLocale::c().toString(attribution->tokens.total),
                      QLocale::c().toString(attribution->tokens.input),
                      QLocale::c().toString(attribution->tokens.output),
                      QLocale::c().toString(attribution->tokens.cached)));
    return kExitOk;
}

int showStats(const LlmCommandLine &cl, const LlmRepository &llm, QIODevice &out, QIODevice &err)
{
    const QTimeZone zone = cl.utc ? QTimeZone::utc() : QTimeZone::systemTimeZone();
    auto series = llm.stats(cl.filter, cl.period, zone, cl.grouping);
    if (!series) {
        return fail(err, series.error());
    }
    const bool hours = series->range.unit == VolumeBucketUnit::Hour;
    if (cl.format == QLatin1String("json")) {
        QStringList buckets;
        for (const LlmStatsBucket &bucket : series->buckets) {
            QStringList statuses;
            for (auto it = bucket.total.statuses.cbegin(); it != bucket.total.statuses.cend();
                 ++it) {
                statuses.append(EntryFormat::jsonString(it.key()) + QLatin1Char(':')
                    + QString::number(it.value()));
            }
            QStringList groups;
            for (auto it = bucket.groups.cbegin(); it != bucket.groups.cend(); ++it) {
                groups.append(QStringLiteral("%1:{\"calls\":%2,\"tokens\":%3}")
                                  .arg(EntryFormat::jsonString(it.key()))
                                  .arg(it->calls)
                                  .arg(it->tokens.total));
            }
            buckets.append(
                QStringLiteral("{\"time\":%1,\"calls\":%2,\"status\":{%3},\"tokens\":{"
                               "\"input\":%4,\"output\":%5,\"cached\":%6,\"total\":%7},"
                               "\"%8\":{%9}}")
                    .arg(EntryFormat::jsonString(bucket.start.toIsoUtc()))
                    .arg(bucket.total.calls)
                    .arg(statuses.join(QLatin1Char(',')))
                    .arg(bucket.total.tokens.input)
                    .arg(bucket.total.tokens.output)
                    .arg(bucket.total.tokens.cached)
                    .arg(bucket.total.tokens.total)
                    .arg(cl.grouping == LlmGrouping::Model ? QStringLiteral("models")
                                                           : QStringLiteral("operations"),
                        groups.join(QLatin1Char(','))));
        }
        writeLine(out,
            QStringLiteral("{\"period\":%1,\"unit\":%2,\"zone\":%3,\"buckets\":[%4]}")
                .arg(EntryFormat::jsonString(volumePeriodName(cl.period)),
                    EntryFormat::jsonString(volumeUnitName(series->range.unit)),
                    EntryFormat::jsonString(series->zoneId), buckets.join(QLatin1Char(','))));
        return kExitOk;
    }
    writeLine(out,
        padded(hours ? QStringLiteral("hour") : QStringLiteral("day"), 18)
            + (cl.tokens ? QStringLiteral("      input     output     cached      total")
                         : QStringLiteral("   calls success   error")));
    const QLocale c = QLocale::c();
    for (const LlmStatsBucket &bucket : series->buckets) {
        const QDateTime local = bucket.start.toDateTime(zone);
        const QString label = local.toString(
            hours ? QStringLiteral("yyyy-MM-dd HH:mm") : QStringLiteral("yyyy-MM-dd"));
        const LlmCounts &t = bucket.total;
        const qint64 success = t.statuses.value(QStringLiteral("success"));
        writeLine(out,
            padded(label, 18)
                + (cl.tokens ? c.toString(t.tokens.input).rightJustified(11)
                            + c.toString(t.tokens.output).rightJustified(11)
                            + c.toString(t.tokens.cached).rightJustified(11)
                            + c.toString(t.tokens.total).rightJustified(11)
                             : c.toString(t.calls).rightJustified(8)
                            + c.toString(success).rightJustified(8)
                            + c.toString(t.calls - success).rightJustified(8)));
    }
    const LlmCounts all = series->total();
    writeLine(out,
        padded(QStringLiteral("total"), 18)
            + (cl.tokens ? c.toString(all.tokens.input).rightJustified(11)
                        + c.toString(all.tokens.output).rightJustified(11)
                        + c.toString(all.tokens.cached).rightJustified(11)
                        + c.toString(all.tokens.total).rightJustified(11)
                         : c.toString(all.calls).rightJustified(8)));
    return kExitOk;
}

int showCall(const LlmCommandLine &cl, const LlmRepository &llm, QIODevice &out, QIODevice &err)
{
    auto detail = llm.call(cl.id, cl.filter.schemas.value(0));
    if (!detail) {
        return fail(err, detail.error());
    }
    const LlmCall &call = detail->call;
    const std::optional<QString> error = detail->error && cl.maskSecrets
        ? std::optional<QString>(SecretMasker().mask(*detail->error))
        : detail->error;
    if (cl.format == QLatin1String("json")) {
        QString json = callJson(call, cl.maskSecrets, false);
        json.chop(1);
        writeLine(out,
            json
                + QStringLiteral(",\"error\":%1,\"input\":%2,\"output\":%3,\"llm_info\":%4,"
                                 "\"metadata\":%5}")
                      .arg(jsonText(error), prettyDocument(detail->input, 0, cl.maskSecrets),
                          prettyDocument(detail->output, 0, cl.maskSecrets),
                          prettyDocument(detail->llmInfo, 0, cl.maskSecrets),
                          prettyDocument(detail->metadata, 0, cl.maskSecrets)));
        return kExitOk;
    }
    writeCallTable({ call }, out, cl.maskSecrets);
    if (call.inputOriginalChars) {
        writeLine(out,
            QCoreApplication::translate("LlmCommands",
                "The input was stored cut: Hindsight kept a preview (original length in "
                "characters: %1).")
                .arg(QLocale::c().toString(*call.inputOriginalChars)));
    }
    const QList<QPair<QString, std::optional<QString>>> documents {
        { QStringLiteral("Input"), detail->input },
        { QStringLiteral("Output"), detail->output },
        { QStringLiteral("llm_info"), detail->llmInfo },
        { QStringLiteral("Metadata"), detail->metadata },
    };
    if (error) {
        writeLine(out, QString());
        writeLine(out, QStringLiteral("Error:"));
        for (const QString &line : error->split(QLatin1Char('\n'))) {
            writeLine(out, visibleText(line));
        }
    }
    writeDocuments(out, documents, cl.maskSecrets);
    return kExitOk;
}

int showRun(const LlmCommandLine &cl, const LlmRepository &llm, QIODevice &out, QIODevice &err)
{
    QString key = cl.id;
    std::optional<QString> bank = cl.filter.bank;
    QString schema = cl.filter.schemas.value(0);
    if (AuditEntry::isId(cl.id)) {
        // A call's id names its run; a trace id (also a UUID in Hindsight) is read as one below.
        if (auto call = llm.call(cl.id, schema)) {
            key = call->call.runKey();
            bank = call->call.bankId;
            schema = call->call.schema;
        }
    }
    auto run = llm.run(key, bank, schema);
    if (!run) {
        return fail(err, run.error());
    }
    if (cl.format == QLatin1String("jsonl")) {
        writeLine(out, runJson(run->run) + QLatin1Char('}'));
        for (const LlmCall &call : run->calls) {
            writeLine(out, callJson(call, cl.maskSecrets));
        }
        return kExitOk;
    }
    writeRunTable({ run->run }, out);
    writeLine(out, QString());
    writeCallTable(run->calls, out, cl.maskSecrets);
    return kExitOk;
}

int exportCalls(const LlmCommandLine &cl, const LlmRepository &llm, QIODevice &out, QIODevice &err)
{
    // --mask-rules was made the active rules when the command started.
    const ExportOptions options = exportOptions(
        cl.format, cl.formulaGuard, cl.byteOrderMark, cl.includeJson, cl.maskSecrets);
    AuditExporter exporter(llm.session(), llm.auditTable());
    return writeExport(
        [&](const AuditExporter::Progress &progress) {
            return cl.output == QLatin1String("-")
                ? exporter.exportLlmTo(cl.filter, cl.oldestFirst, options, out, progress)
                : exporter.exportLlmToFile(cl.filter, cl.oldestFirst, options, cl.output, progress);
        },
        cl.output, err);
}

} // namespace

int runLlmCommand(const LlmCommandLine &cl, QIODevice &out, QIODevice &err)
{
    if (cl.command == LlmCommandLine::Command::Help) {
        out.write(cl.helpText.toUtf8());
        return kExitOk;
    }
    if (cl.maskingRules) {
        MaskingRules::setActive(*cl.maskingRules);
    }
    auto settings = ConnectionSettings::parse(cl.conninfo);
    if (!settings) {
        fail(err, settings.error());
        return kExitUsage;
    }
    DatabaseConnection connection;
    if (const int failed = openConnection(
            connection, *settings, cl.auditTable, cl.statementTimeoutMs, cl.verbose, err)) {
        return failed;
    }
    const LlmRepository llm(connection.session(), cl.auditTable);
    // Empty is not off: a missing table (a Hindsight before the migration) is said in one
    // sentence, not as a relation error; no rows at all says how tracing is enabled.
    auto state = llm.state();
    if (!state) {
        return fail(err, state.error());
    }
    if (state->kind == LlmLogState::Kind::Missing) {
        writeLine(err, QStringLiteral("audit-viewer: ") + state->message);
        return kExitDatabase;
    }
    if (state->kind == LlmLogState::Kind::Empty) {
        writeLine(err, QStringLiteral("audit-viewer: ") + state->message);
    }
    switch (cl.command) {
    case LlmCommandLine::Command::List:
        return !cl.during.isEmpty() ? listDuring(cl, llm, out, err)
            : cl.runs               ? listRuns(cl, llm, out, err)
                                    : listCalls(cl, llm, out, err);
    case LlmCommandLine::Command::Stats:
        return showStats(cl, llm, out, err);
    case LlmCommandLine::Command::Show:
        return showCall(cl, llm, out, err);
    case LlmCommandLine::Command::Run:
        return showRun(cl, llm, out, err);
    case LlmCommandLine::Command::Export:
        return exportCalls(cl, llm, out, err);
    case LlmCommandLine::Command::Help:
        break;
    }
    return kExitOk;
}
