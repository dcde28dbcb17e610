#include "auditexporter.h"

#include "auditquery.h"
#include "audittimestamp.h"

#include <QFile>
#include <QFileInfo>
#include <QIODevice>
#include <QSaveFile>

namespace {

constexpr int kBatchRows = 5000;
constexpr qsizetype kFlushBytes = 1 << 20;
const char kCursor[] = "audit_viewer_export";

// Byte-level writers: a million rows should not build a QString per cell.
void appendCsvField(QByteArray &out, const char *value, int length, bool formulaGuard)
{
    const bool guard = formulaGuard && length > 0
        && (value[0] == '=' || value[0] == '+' || value[0] == '-' || value[0] == '@'
            || value[0] == '\t' || value[0] == '\r');
    bool quote = false;
    for (int i = 0; i < length; ++i) {
        const char c = value[i];
        if (c == ',' || c == '"' || c == '\n' || c == '\r') {
            quote = true;
            break;
        }
    }
    if (!quote) {
        if (guard) {
            out.append('\'');
        }
        out.append(value, length);
        return;
    }
    out.append('"');
    if (guard) {
        out.append('\'');
    }
    const char *start = value;
    const char *end = value + length;
    for (const char *p = value; p < end; ++p) {
        if (*p == '"') {
            out.append(start, p - start + 1); // the quote itself...
            out.append('"'); // ...doubled
            start = p + 1;
        }
    }
    out.append(start, end - start);
    out.append('"');
}

void appendJsonString(QByteArray &out, const char *value, int length)
{
    static const char hex[] = "0123456789abcdef";
    out.append('"');
    const char *start = value;
    const char *end = value + length;
    for (const char *p = value; p < end; ++p) {
        const unsigned char c = static_cast<unsigned char>(*p);
        if (c >= 0x20 && c != '"' && c != '\\') {
            continue;
        }
        out.append(start, p - start);
        start = p + 1;
        switch (c) {
        case '"':
            out.append("\\\"", 2);
            break;
        case '\\':
            out.append("\\\\", 2);
            break;
        case '\n':
            out.append("\\n", 2);
            break;
        case '\r':
            out.append("\\r", 2);
            break;
        case '\t':
            out.append("\\t", 2);
            break;
        default: {
            const char escape[6] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 15] };
            out.append(escape, 6);
        }
        }
    }
    out.append(start, end - start);
    out.append('"');
}

// started_at / ended_at arrive as PostgreSQL's UTC text; written as 2026-...123456Z.
std::optional<AuditTimestamp> timestampOf(const PgResult &result, int row, int column)
{
    if (result.isNull(row, column)) {
        return std::nullopt;
    }
    return AuditTimestamp::fromPostgresText(
        result.rawValue(row, column), result.rawLength(row, column));
}

int formatDurationMs(qint64 usecs, char *out)
{
    const qint64 absolute = usecs < 0 ? -usecs : usecs;
    return std::snprintf(out, 32, "%s%lld.%03lld", usecs < 0 ? "-" : "",
        static_cast<long long>(absolute / 1000), static_cast<long long>(absolute % 1000));
}

} // namespace

QString ExportOptions::formatName(Format format)
{
    return format == Format::Csv ? QStringLiteral("csv") : QStringLiteral("jsonl");
}

AuditExporter::AuditExporter(PgSession session, AuditTableRef table)
    : m_session(session)
    , m_table(std::move(table))
{
}

QByteArray AuditExporter::csvHeader(const ExportOptions &options)
{
    QByteArray header("id,action,transport,bank_id,started_at,ended_at,duration_ms");
    if (options.includeJson) {
        header.append(",request,response,metadata");
    }
    header.append("\r\n");
    return header;
}

Result<qint64> AuditExporter::exportTo(const AuditFilter &filter, SortOrder order,
    const ExportOptions &options, QIODevice &out, const Progress &progress)
{
    m_cancelled = false;
    const bool csv = options.format == ExportOptions::Format::Csv;
    QByteArray buffer;
    buffer.reserve(kFlushBytes + (kFlushBytes >> 2));
    auto flush = [&]() -> std::optional<QueryError> {
        if (!buffer.isEmpty() && out.write(buffer) != buffer.size()) {
            return QueryError::query(
                QStringLiteral("Could not write the export: %1.").arg(out.errorString()));
        }
        buffer.clear();
        return std::nullopt;
    };
    if (csv) {
        if (options.byteOrderMark) {
            buffer.append("\xEF\xBB\xBF");
        }
        buffer.append(csvHeader(options));
    }

    // A cursor in a read-only transaction: rows arrive in batches with bound parameters
    // (COPY takes none), so memory stays flat and the values never touch the SQL.
    if (auto begun = m_session.exec(QStringLiteral("BEGIN READ ONLY")); !begun) {
        return begun.error();
    }
    auto finish = [this](bool commit) {
        m_session.exec(commit ? QStringLiteral("COMMIT") : QStringLiteral("ROLLBACK"));
    };
    SqlStatement declare = AuditQuery::exportRows(m_table, filter, order, options.includeJson);
    declare.sql = QStringLiteral("DECLARE %1 NO SCROLL CURSOR FOR ").arg(QLatin1String(kCursor))
        + declare.sql;
    if (auto declared = m_session.exec(declare); !declared) {
        finish(false);
        return declared.error();
    }
    const QString fetch
        = QStringLiteral("FETCH FORWARD %1 FROM %2").arg(kBatchRows).arg(QLatin1String(kCursor));
    qint64 rows = 0;
    char scratch[32];
    for (;;) {
        if (m_cancelled) {
            finish(false);
            return QueryError::cancelled();
        }
        auto batch = m_session.exec(fetch);
        if (!batch) {
            finish(false);
            return m_cancelled ? QueryError::cancelled() : batch.error();
        }
        const int count = batch->rowCount();
        if (count == 0) {
            break;
        }
        for (int row = 0; row < count; ++row) {
            const auto started = timestampOf(*batch, row, 4);
            const auto ended = timestampOf(*batch, row, 5);
            if (csv) {
                for (int column = 0; column < 4; ++column) {
                    if (column > 0) {
                        buffer.append(',');
                    }
                    if (!batch->isNull(row, column)) {
                        appendCsvField(buffer, batch->rawValue(row, column),
                            batch->rawLength(row, column), options.formulaGuard);
                    }
                }
                buffer.append(',');
                if (started) {
                    buffer.append(scratch, started->formatIsoUtc(scratch));
                }
                buffer.append(',');
                if (ended) {
                    buffer.append(scratch, ended->formatIsoUtc(scratch));
                }
                buffer.append(',');
                if (started && ended) {
                    buffer.append(scratch,
                        formatDurationMs(
                            ended->usecsSinceEpoch() - started->usecsSinceEpoch(), scratch));
                }
                if (options.includeJson) {
                    for (int column = 6; column < 9; ++column) {
                        buffer.append(',');
                        if (!batch->isNull(row, column)) {
                            appendCsvField(buffer, batch->rawValue(row, column),
                                batch->rawLength(row, column), options.formulaGuard);
                        }
                    }
                }
                buffer.append("\r\n", 2);
            } else {
                static const char *const names[]
                    = { "{\"id\":", ",\"action\":", ",\"transport\":", ",\"bank_id\":" };
                for (int column = 0; column < 4; ++column) {
                    buffer.append(names[column]);
                    if (batch->isNull(row, column)) {
                        buffer.append("null", 4);
                    } else {
                        appendJsonString(
                            buffer, batch->rawValue(row, column), batch->rawLength(row, column));
                    }
                }
                buffer.append(",\"started_at\":\"");
                if (started) {
                    buffer.append(scratch, started->formatIsoUtc(scratch));
                }
                buffer.append('"');
                buffer.append(",\"ended_at\":");
                if (ended) {
                    buffer.append('"');
                    buffer.append(scratch, ended->formatIsoUtc(scratch));
                    buffer.append('"');
                } else {
                    buffer.append("null", 4);
                }
                buffer.append(",\"duration_ms\":");
                if (started && ended) {
                    buffer.append(scratch,
                        formatDurationMs(
                            ended->usecsSinceEpoch() - started->usecsSinceEpoch(), scratch));
                } else {
                    buffer.append("null", 4);
                }
                if (options.includeJson) {
                    static const char *const documents[]
                        = { ",\"request\":", ",\"response\":", ",\"metadata\":" };
                    for (int column = 6; column < 9; ++column) {
                        buffer.append(documents[column - 6]);
                        if (batch->isNull(row, column)) {
                            buffer.append("null", 4);
                        } else {
                            // jsonb's text is valid JSON: embedded as it is, numbers unchanged.
                            buffer.append(
                                batch->rawValue(row, column), batch->rawLength(row, column));
                        }
                    }
                }
                buffer.append("}\n", 2);
            }
            if (buffer.size() >= kFlushBytes) {
                if (auto error = flush()) {
                    finish(false);
                    return *error;
                }
            }
        }
        rows += count;
        if (progress) {
            progress(rows);
        }
        if (count < kBatchRows) {
            break;
        }
    }
    finish(true);
    if (auto error = flush()) {
        return *error;
    }
    return rows;
}

Result<qint64> AuditExporter::exportToFile(const AuditFilter &filter, SortOrder order,
    const ExportOptions &options, const QString &path, const Progress &progress)
{
    // A device or pipe (/dev/stdout, a FIFO) is written in place: renaming a temporary
    // file over it would replace the device node itself.
    const QFileInfo info(path);
    if (info.exists() && !info.isFile()) {
        QFile device(path);
        if (!device.open(QIODevice::WriteOnly | QIODevice::Unbuffered)) {
            return QueryError::usage(
                QStringLiteral("Could not write %1: %2.").arg(path, device.errorString()));
        }
        return exportTo(filter, order, options, device, progress);
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return QueryError::usage(
            QStringLiteral("Could not write %1: %2.").arg(path, file.errorString()));
    }
    auto written = exportTo(filter, order, options, file, progress);
    if (!written) {
        file.cancelWriting();
        return written.error();
    }
    if (!file.commit()) {
        return QueryError::query(
            QStringLiteral("Could not write %1: %2.").arg(path, file.errorString()));
    }
    return written;
}
