#pragma once

#include "auditexporter.h"
#include "connectionsettings.h"
#include "queryerror.h"

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

class DatabaseConnection;
class QIODevice;

// What every headless sub-command writes the same way: lines, errors, notes, tables, the
// documents, the connection's report and an export's progress.
namespace CliOutput {

constexpr int kExitOk = 0;
constexpr int kExitUsage = 1;
constexpr int kExitDatabase = 2;

// The count that picks a plural form; past INT_MAX any large number does.
int pluralCount(qint64 n);
void writeLine(QIODevice &device, const QString &line);
// "audit-viewer: <message>" on `err`; the exit code of the error's kind.
int fail(QIODevice &err, const QueryError &error);
// Reading many schemas: the ones left out, one line each.
void writeNotes(QIODevice &err, const QStringList &notes);
// Pads to `width` columns of text for the table formats.
QString padded(const QString &text, qsizetype width);
// A duration in the table formats: as the window reads it, with a point for the decimals.
QString readable(qint64 micros);
// The document pretty-printed, secrets masked unless `mask` is false.
QString prettyDocument(const std::optional<QString> &stored, int baseIndent, bool mask);

// Each document under its title, pretty-printed line by line (masked unless `mask` is false),
// "(none)" for NULL.
void writeDocuments(
    QIODevice &out, const QList<QPair<QString, std::optional<QString>>> &documents, bool mask);
// Opens `connection` for a sub-command reading `table`; says what --verbose asks and any
// note of the connection on `err`. 0, or the exit code of the failure (already reported).
int openConnection(DatabaseConnection &connection, const ConnectionSettings &settings,
    const AuditTableRef &table, int statementTimeoutMs, bool verbose, QIODevice &err);
// What export's options ask for: csv or jsonl (`format`), and secrets masked by the active rules
// (MaskingRules::active(), --mask-rules when given) unless `maskSecrets` is false.
ExportOptions exportOptions(const QString &format, bool formulaGuard, bool byteOrderMark,
    bool includeJson, bool maskSecrets);
// Runs an export, with its progress on a terminal and a summary line for a file.
int writeExport(const std::function<Result<qint64>(const AuditExporter::Progress &)> &run,
    const QString &output, QIODevice &err);

} // namespace CliOutput
