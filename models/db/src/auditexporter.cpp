#include "auditexporter.h"

#include "auditquery.h"
#include "auditrepository.h"
#include "audittimestamp.h"
#include "llmquery.h"
#include "llmrepository.h"
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

// What a column of an export holds, and so how each format writes it.
enum class Cell {
    Text, // a CSV field / a JSON string
    Number, // written as PostgreSQL renders it
    Time, // 2026-03-27T10:15:30.123456Z
    Duration, // milliseconds with microseconds, from the two Time cells before it
    Document, // JSON, masked; embedded as it is in JSON Lines
    MaskedText, // text that may hold a secret (an error message): masked, then as Text
};

struct ExportColumn
{
    QByteArray name;
    Cell cell;
};

namespace {

// The audit log's export: id, schema, action, transport, bank_id, started_at, ended_at,
// duration_ms, request, response, metadata (AuditQuery::exportRows).
const QList<ExportColumn> &auditColumns(bool includeJson)
{
    static const QList<ExportColumn> withJson { { "id", Cell::Text }, { "schema", Cell::Text },
        { "action", Cell::Text }, { "transport", Cell::Text }, { "bank_id", Cell::Text },
        { "started_at", Cell::Time }, { "ended_at", Cell::Time }, { "duration_ms", Cell::Duration },
        { "request", Cell::Document }, { "response", Cell::Document },
        { "metadata", Cell::Document } };
    static const QList<ExportColumn> withoutJson = withJson.mid(0, 8);
    return includeJson ? withJson : withoutJson;
}

// The LLM log's export (LlmQuery::exportRows, LlmQuery::exportColumns).
QList<ExportColumn> llmColumns(bool includeJson)
{
    QList<ExportColumn> columns;
    for (const QByteArray &name : LlmQuery::exportColumns(includeJson)) {
        Cell cell = Cell::Text;
        if (name == "started_at" || name == "ended_at") {
            cell = Cell::Time;
        } else if (name == "duration_ms" || name.endsWith("_tokens")) {
            cell = Cell::Number;
        } else if (name == "error") {
            cell = Cell::MaskedText;
        } else if (name == "input" || name == "output" || name == "llm_info"
            || name == "metadata") {
            cell = Cell::Document;
        }
        columns.append({ name, cell });
    }
    return columns;
}

QByteArray csvHeaderOf(const QList<ExportColumn> &columns)
{
    QByteArray header;
    for (const ExportColumn &column : columns) {
        if (!header.isEmpty()) {
            header.append(',');
        }
        header.append(column.name);
    }
    header.append("\r\n");
    return header;
}

} // namespace

QByteArray AuditExporter::csvHeader(const ExportOptions &options)
{
    return csvHeaderOf(auditColumns(options.includeJson));
}

QByteArray AuditExporter::llmCsvHeader(const ExportOptions &options)
{
    return csvHeaderOf(llmColumns(options.includeJson));
}

void AuditExporter::appendRow(ExportSink &buffer, const PgResult &result, int row,
    const QList<ExportColumn> &columns, const ExportOptions &options, const SecretMasker *masker,
    QByteArray &maskBuffer)
{
    const bool csv = options.format == ExportOptions::Format::Csv;
    char scratch[32];
    std::optional<AuditTimestamp> times[2];
    int column = 0; // in the result: a Duration cell has none
    for (qsizetype index = 0; index < columns.size(); ++index) {
        const ExportColumn &spec = columns.at(index);
        if (csv) {
            if (index > 0) {
                buffer.append(',');
            }
        } else {
            buffer.append(index == 0 ? "{\"" : ",\"");
            buffer.append(spec.name);
            buffer.append("\":", 2);
        }
        if (spec.cell == Cell::Duration) {
            if (times[0] && times[1]) {
                buffer.append(scratch,
                    formatDurationMs(
                        times[1]->usecsSinceEpoch() - times[0]->usecsSinceEpoch(), scratch));
            } else if (!csv) {
                buffer.append("null", 4);
            }
            continue;
        }
        const int source = column++;
        if (result.isNull(row, source)) {
            if (spec.cell == Cell::Time) {
                times[0] = times[1];
                times[1] = std::nullopt;
            }
            if (!csv) {
                buffer.append("null", 4);
            }
            continue;
        }
        switch (spec.cell) {
        case Cell::Time: {
            const auto time = result.timestamp(row, source);
            times[0] = times[1];
            times[1] = time;
            if (!csv) {
                buffer.append('"');
            }
            if (time) {
                buffer.append(scratch, time->formatIsoUtc(scratch));
            }
            if (!csv) {
                buffer.append('"');
            }
            break;
        }
        case Cell::Number:
            buffer.append(result.rawValue(row, source), result.rawLength(row, source));
            break;
        case Cell::Document:
        case Cell::MaskedText: {
            const QByteArrayView text = documentAt(result, row, source, masker, maskBuffer);
            if (csv) {
                writeCsvField(
                    buffer, text.data(), static_cast<int>(text.size()), options.formulaGuard);
            } else if (spec.cell == Cell::Document) {
                // jsonb's text is valid JSON, and masked it stays so: embedded as it is,
                // numbers unchanged.
                buffer.append(text);
            } else {
                appendJsonString(buffer, text.data(), static_cast<int>(text.size()));
            }
            break;
        }
        case Cell::Text:
        case Cell::Duration:
            if (csv) {
                writeCsvField(buffer, result.rawValue(row, source), result.rawLength(row, source),
                    options.formulaGuard);
            } else {
                appendJsonString(
                    buffer, result.rawValue(row, source), result.rawLength(row, source));
            }
            break;
        }
    }
    buffer.append(csv ? "\r\n" : "}\n", 2);
}

Result<qint64> AuditExporter::exportTo(const AuditFilter &filter, SortOrder order,
    const ExportOptions &options, QIODevice &out, const Progress &progress)
{
    // Many schemas are one UNION ALL, merged in order by the server.
    const auto statement = [&]() -> Result<std::optional<SqlStatement>> {
        auto tables = AuditRepository(m_session, m_table).tablesToRead(filter);
        if (!tables) {
            return tables.error();
        }
        if (tables->isEmpty()) {
            return std::optional<SqlStatement>();
        }
        return std::optional<SqlStatement>(AuditQuery::exportRows(*tables,
            filterForOrder(
                filter, order, AuditTimestamp::fromDateTime(QDateTime::currentDateTimeUtc())),
            order, options.includeJson));
    };
    return write(statement, auditColumns(options.includeJson), options, out, progress);
}

Result<qint64> AuditExporter::exportLlmTo(const LlmFilter &filter, bool oldestFirst,
    const ExportOptions &options, QIODevice &out, const Progress &progress)
{
    const auto statement = [&]() -> Result<std::optional<SqlStatement>> {
        AuditFilter schemas;
        schemas.schemas = filter.schemas;
        auto tables
            = AuditRepository(m_session, LlmRepository::tableBeside(m_table)).tablesToRead(schemas);
        if (!tables) {
            return tables.error();
        }
        if (tables->isEmpty()) {
            return std::optional<SqlStatement>();
        }
        return std::optional<SqlStatement>(
            LlmQuery::exportRows(*tables, filter, oldestFirst, options.includeJson));
    };
    return write(statement, llmColumns(options.includeJson), options, out, progress);
}

Result<qint64> AuditExporter::write(
    const std::function<Result<std::optional<SqlStatement>>()> &statement,
    const QList<ExportColumn> &columns, const ExportOptions &options, QIODevice &out,
    const Progress &progress)
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
        buffer.append(csvHeaderOf(columns));
    }

    std::optional<SecretMasker> masker;
    if (options.maskSecrets) {
        masker = options.maskingRules ? SecretMasker(*options.maskingRules) : SecretMasker();
    }
    QByteArray maskBuffer;

    // Single-row mode, in one read-only transaction: the server streams every row while
    // this thread formats the ones that arrived, with bound parameters (COPY takes none)
    // and flat memory.
    auto sql = statement();
    if (!sql) {
        return sql.error();
    }
    if (!*sql) {
        if (auto error = buffer.flush()) {
            return *error;
        }
        return qint64(0);
    }
    qint64 rows = 0;
    auto streamed = m_session.stream(
        **sql, [&](const PgResult &result) -> std::optional<QueryError> {
            appendRow(buffer, result, 0, columns, options, masker ? &*masker : nullptr, maskBuffer);
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
    return toFile(
        path, [&](QIODevice &out) { return exportTo(filter, order, options, out, progress); });
}

Result<qint64> AuditExporter::exportLlmToFile(const LlmFilter &filter, bool oldestFirst,
    const ExportOptions &options, const QString &path, const Progress &progress)
{
    return toFile(path,
        [&](QIODevice &out) { return exportLlmTo(filter, oldestFirst, options, out, progress); });
}

Result<qint64> AuditExporter::toFile(
    const QString &path, const std::function<Result<qint64>(QIODevice &)> &exportInto)
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
        return exportInto(device);
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
    auto written = exportInto(file);
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
