#pragma once

#include "auditfilter.h"
#include "llmfilter.h"
#include "maskingrules.h"
#include "pgresult.h"
#include "queryerror.h"
#include "sqlstatement.h"

#include <QByteArrayView>
#include <QString>

#include <atomic>
#include <functional>

class QIODevice;
class ExportSink;
struct ExportColumn;
class SecretMasker;

struct ExportOptions
{
    enum class Format { Csv, JsonLines };

    Format format = Format::Csv;
    // A text cell starting with = + - @ TAB or CR gets a leading ' (spreadsheets run formulas).
    bool formulaGuard = true;
    bool byteOrderMark = false; // CSV only: for spreadsheet programs that need it
    bool includeJson = true; // request, response and metadata columns
    // Secret values in the documents are hidden (SecretMasker), by `maskingRules` or,
    // without them, by MaskingRules::active(). Off only when the user asks for the
    // secrets: "Include secrets unmasked", --no-mask.
    bool maskSecrets = true;
    std::optional<MaskingRules> maskingRules;

    static QString formatName(Format format);
};

// Writes exactly the rows matching a filter, all of them, in the table's order, as CSV
// (RFC 4180, UTF-8) or JSON Lines, in constant memory however many rows match; JSON columns are
// written as PostgreSQL renders them (secrets masked unless ExportOptions says otherwise),
// times as 2026-03-27T10:15:30.123456Z, NULL as an empty CSV field. Rows stream in libpq's
// single-row mode, so the server sends while this side writes.
// Thread: the thread owning the connection; cancel() from any thread.
class AuditExporter
{
public:
    using Progress = std::function<void(qint64 rowsWritten)>;

    AuditExporter(PgSession session, AuditTableRef table);

    // Streams into `out`; returns the number of rows written. Stops with a Cancelled
    // error once cancel() was called. `progress` is called every few thousand rows.
    Result<qint64> exportTo(const AuditFilter &filter, SortOrder order,
        const ExportOptions &options, QIODevice &out, const Progress &progress = {});
    // The same into a file written atomically (QSaveFile): on any error or cancel the
    // file is left as it was (or absent).
    Result<qint64> exportToFile(const AuditFilter &filter, SortOrder order,
        const ExportOptions &options, const QString &path, const Progress &progress = {});

    // The LLM log (llm_requests beside the audit table): every call matching `filter`, newest
    // first unless `oldestFirst`, with the columns LlmQuery::exportColumns names.
    Result<qint64> exportLlmTo(const LlmFilter &filter, bool oldestFirst,
        const ExportOptions &options, QIODevice &out, const Progress &progress = {});
    Result<qint64> exportLlmToFile(const LlmFilter &filter, bool oldestFirst,
        const ExportOptions &options, const QString &path, const Progress &progress = {});

    // Thread: any. The caller should also cancel the running statement on the server
    // (DatabaseConnection::cancel) to stop a slow batch at once.
    void cancel() { m_cancelled = true; }

    static QByteArray csvHeader(const ExportOptions &options);
    static QByteArray llmCsvHeader(const ExportOptions &options);
    // One RFC 4180 field as the export writes it (quoted when needed, formula guard).
    static void appendCsvField(QByteArray &out, QByteArrayView value, bool formulaGuard);

private:
    // Streams the rows of `statement` (nullopt: no table to read, no rows) with `columns`.
    Result<qint64> write(const std::function<Result<std::optional<SqlStatement>>()> &statement,
        const QList<ExportColumn> &columns, const ExportOptions &options, QIODevice &out,
        const Progress &progress);
    // Into `path` atomically (a device or pipe in place).
    static Result<qint64> toFile(
        const QString &path, const std::function<Result<qint64>(QIODevice &)> &exportInto);
    static void appendRow(ExportSink &buffer, const PgResult &result, int row,
        const QList<ExportColumn> &columns, const ExportOptions &options,
        const SecretMasker *masker, QByteArray &maskBuffer);

    PgSession m_session;
    AuditTableRef m_table;
    std::atomic<bool> m_cancelled { false };
};
