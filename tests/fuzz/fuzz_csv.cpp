// libFuzzer target: one CSV field as the export writes it must read back, by RFC 4180,
// as exactly the value (with the formula guard's ' when it applies), and an unquoted
// field must hold nothing that would need quotes.
#include "auditexporter.h"

#include <cstdint>
#include <cstdlib>
#include <cstring>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0) {
        return 0;
    }
    const bool guard = data[0] & 1;
    const QByteArray value(
        reinterpret_cast<const char *>(data + 1), static_cast<qsizetype>(size - 1));
    QByteArray field;
    AuditExporter::appendCsvField(field, value, guard);

    QByteArray read;
    if (!field.isEmpty() && field.front() == '"') {
        if (field.size() < 2 || field.back() != '"') {
            std::abort();
        }
        for (qsizetype i = 1; i + 1 < field.size(); ++i) {
            if (field[i] == '"') {
                if (field[i + 1] != '"' || i + 2 >= field.size()) {
                    std::abort(); // a lone quote inside a quoted field
                }
                ++i;
            }
            read.append(field[i]);
        }
    } else {
        for (const char c : field) {
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                std::abort();
            }
        }
        read = field;
    }
    const bool guarded = guard && !value.isEmpty()
        && std::strchr("=+-@\t\r", value.front()) != nullptr && value.front() != '\0';
    const QByteArray expected = guarded ? QByteArray("'") + value : value;
    if (read != expected) {
        std::abort();
    }
    return 0;
}
