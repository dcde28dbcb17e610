#include "auditexporter.h"

#include "auditquery.h"
#include "auditrepository.h"
#include "audittimestamp.h"
#include "secretmasker.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QIODevice>
#include <QSaveFile>

#include <cstring>

namespace {

constexpr int kProgressRows = 5000;
constexpr qsizetype kFlushBytes = 1 << 20;

} // namespace

// Where a row goes: a buffer written to the device at about a megabyte. A piece larger than
// that (a 50 MB document) goes to the device straight from libpq's result instead of being
// copied into the buffer first. The first write error is kept and later writes are skipped.
class ExportSink
{
public:
    explicit ExportSink(QIODevice &out)
        : m_out(out)
    {
        m_buffer.reserve(kFlushBytes + (kFlushBytes >> 2));
    }

    void append(char c) { m_buffer.append(c); }
    void append(const char *data, qsizetype length)
    {
        if (length < kFlushBytes) {
            m_buffer.append(data, length);
            return;
        }
        flush();
        write(data, length);
    }
    void append(QByteArrayView data) { append(data.data(), data.size()); }

    // Writes the buffer once it holds a megabyte; the first write error so far.
    std::optional<QueryError> flushIfFull()
    {
        if (m_buffer.size() >= kFlushBytes) {
            flush();
        }
        return m_error;
    }
    std::optional<QueryError> flush()
    {
        write(m_buffer.constData(), m_buffer.size());
        m_buffer.clear();
        return m_error;
    }

private:
    void write(const char *data, qsizetype length)
    {
        if (m_error || length == 0) {
            return;
        }
        if (m_out.write(data, length) != length) {
            m_error = QueryError::query(
                QCoreApplication::translate("AuditExporter", "Could not write the export: %1.")
                    .arg(m_out.errorString()));
        }
    }

    QIODevice &m_out;
    QByteArray m_buffer;
    std::optional<QueryError> m_error;
};

namespace {

// Byte-level writers: a million rows should not build a QString per cell. `Out` is a
// QByteArray or an ExportSink.
template <typename Out>
void writeCsvField(Out &out, const char *value, int length, bool formulaGuard)
{
    const bool guard = formulaGuard && length > 0
        && (value[0] == '=' || value[0] == '+' || value[0] == '-' || value[0] == '@'
            || value[0] == '\t' || value[0] == '\r');
    const char *end = value + length;
    const char *firstQuote = static_cast<const char *>(std::memchr(value, '"', length));
    bool quote = firstQuote != nullptr;
    for (const char *p = value; !quote && p < end; ++p) {
        quote = *p == ',' || *p == '\n' || *p == '\r';
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
    // Copy runs between quotes with memchr; each quote is doubled.
    const char *start = value;
    for (const char *q = firstQuote; q;
         q = static_cast<const char *>(std::memchr(start, '"', end - start))) {
        out.append(start, q - start + 1);
        out.append('"');
        start = q + 1;
    }
    out.append(start, end - start);
    out.append('"');
}

template <typename Out> void appendJsonString(Out &out, const char *value, int length)
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

// The document in `column`, masked when there is a masker: `maskBuffer` holds the masked
// text (one buffer for every document, so a million rows allocate nothing).
QByteArrayView documentAt(
    const PgResult &result, int row, int column, const SecretMasker *masker, QByteArray &maskBuffer)
{
    const QByteArrayView stored(result.rawValue(row, column), result.rawLength(row, column));
    if (masker && masker->maskUtf8Into(stored, maskBuffer)) {
        return maskBuffer;
    }
    return stored;
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

void AuditExporter::appendCsvField(QByteArray &out, QByteArrayView value, bool formulaGuard)
{
    writeCsvField(out, value.data(), static_cast<int>(value.size()), formulaGuard);
}

QByteArray AuditExporter::csvHeader(const ExportOptions &options)
{
    QByteArray header("id,schema,action,transport,bank_id,started_at,ended_at,duration_ms");
    if (options.includeJson) {
        header.append(",request,response,metadata");
    }
    header.append("\r\n");
    return header;
}

void AuditExporter::appendRow(ExportSink &buffer, const PgResult &result, int row,
    const ExportOptions &options, const SecretMasker *masker, QByteArray &maskBuffer)
{
    char scratch[32];
    const auto started = timestampOf(result, row, 5);
    const auto ended = timestampOf(result, row, 6);
    if (options.format == ExportOptions::Format::Csv) {
        for (int column = 0; column < 5; ++column) {
            if (column > 0) {
                buffer.append(',');
            }
            if (!result.isNull(row, column)) {
                writeCsvField(buffer, result.rawValue(row, column), result.rawLength(row, column),
                    options.formulaGuard);
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
                formatDurationMs(ended->usecsSinceEpoch() - started->usecsSinceEpoch(), scratch));
        }
        if (options.includeJson) {
            for (int column = 7; column < 10; ++column) {
                buffer.append(',');
                if (!result.isNull(row, column)) {
                    const QByteArrayView document
                        = documentAt(result, row, column, masker, maskBuffer);
                    writeCsvField(buffer, document.data(), static_cast<int>(document.size()),
                        options.formulaGuard);
                }
            }
        }
        buffer.append("\r\n", 2);
        return;
    }
    static const char *const names[]
        = { "{\"id\":", ",\"schema\":", ",\"action\":", ",\"transport\":", ",\"bank_id\":" };
    for (int column = 0; column < 5; ++column) {
        buffer.append(names[column]);
        if (result.isNull(row, column)) {
            buffer.append("null", 4);
        } else {
            appendJsonString(buffer, result.rawValue(row, column), result.rawLength(row, column));
        }
    }
    buffer.append(",\"started_at\":\"");
    if (started) {
        buffer.append(scratch, started->formatIsoUtc(scratch));
    }
    buffer.append("\",\"ended_at\":");
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
            formatDurationMs(ended->usecsSinceEpoch() - started->usecsSinceEpoch(), scratch));
    } else {
        buffer.append("null", 4);
    }
    if (options.includeJson) {
        static const char *const documents[]
            = { ",\"request\":", ",\"response\":", ",\"metadata\":" };
        for (int column = 7; column < 10; ++column) {
            buffer.append(documents[column - 7]);
            if (result.isNull(row, column)) {
                buffer.append("null", 4);
            } else {
                // jsonb's text is valid JSON, and masked it stays so: embedded as it is,
                // numbers unchanged.
                buffer.append(documentAt(result, row, column, masker, maskBuffer));
            }
        }
    }
    buffer.append("}\n", 2);
}

Result<qint64> AuditExporter::exportTo(const AuditFilter &filter, SortOrder order,
    const ExportOptions &options, QIODevice &out, const Progress &progress)
{
    m_cancelled = false;
    if (!m_session.isOpen()) {
        return QueryError::connection(
            QCoreApplication::translate("AuditExporter", "Not connected to a database."));
    }
    ExportSink buffer(out);
    if (options.format == ExportOptions::Format::Csv) {
        if (options.byteOrderMark) {
            buffer.append("\xEF\xBB\xBF");
        }
        buffer.append(csvHeader(options));
    }

    std::optional<SecretMasker> masker;
    if (options.maskSecrets) {
        masker = options.maskingRules ? SecretMasker(*options.maskingRules) : SecretMasker();
    }
    QByteArray maskBuffer;

    // Single-row mode, in one read-only transaction: the server streams every row while
    // this thread formats the ones that arrived, with bound parameters (COPY takes none)
    // and flat memory. Many schemas are one UNION ALL, merged in order by the server.
    auto tables = AuditRepository(m_session, m_table).tablesToRead(filter);
    if (!tables) {
        return tables.error();
    }
    if (tables->isEmpty()) {
        if (auto error = buffer.flush()) {
            return *error;
        }
        return qint64(0);
    }
    const SqlStatement statement = AuditQuery::exportRows(*tables,
        filterForOrder(
            filter, order, AuditTimestamp::fromDateTime(QDateTime::currentDateTimeUtc())),
        order, options.includeJson);
    qint64 rows = 0;
    auto streamed
        = m_session.stream(statement, [&](const PgResult &result) -> std::optional<QueryError> {
              appendRow(buffer, result, 0, options, masker ? &*masker : nullptr, maskBuffer);
              ++rows;
              if (rows % kProgressRows == 0) {
                  if (progress) {
                      progress(rows);
                  }
                  if (m_cancelled) {
                      return QueryError::cancelled();
                  }
              }
              return buffer.flushIfFull();
          });
    if (m_cancelled) {
        return QueryError::cancelled();
    }
    if (!streamed) {
        return streamed.error();
    }
    if (auto error = buffer.flush()) {
        return *error;
    }
    if (progress) {
        progress(rows);
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
                QCoreApplication::translate("AuditExporter", "Could not write %1: %2.")
                    .arg(path, device.errorString()));
        }
        return exportTo(filter, order, options, device, progress);
    }
    QSaveFile file(path);
    // Audit rows are for the operator's eyes: the file is readable by its owner only (0600),
    // also when it replaces one that was readable by others.
    if (!file.open(QIODevice::WriteOnly)
        || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        return QueryError::usage(
            QCoreApplication::translate("AuditExporter", "Could not write %1: %2.")
                .arg(path, file.errorString()));
    }
    auto written = exportTo(filter, order, options, file, progress);
    if (!written) {
        file.cancelWriting();
        return written.error();
    }
    if (!file.commit()) {
        return QueryError::query(
            QCoreApplication::translate("AuditExporter", "Could not write %1: %2.")
                .arg(path, file.errorString()));
    }
    return written;
}
