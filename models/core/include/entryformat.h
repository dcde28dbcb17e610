#pragma once

#include "auditentry.h"

#include <QString>
#include <QStringView>

// Machine formats of audit entries shared by the command line and exports: times as
// "2026-03-27T10:15:30.123456Z", JSON documents exactly as PostgreSQL renders them.
namespace EntryFormat {

// A JSON string literal: quotes, backslashes and control characters escaped, the rest
// (including non-ASCII) kept as is.
QString jsonString(QStringView text);
// One line of JSON: id, schema, action, transport, bank_id, started_at, ended_at, duration_ms
// (the schema column follows the id, as in exports).
QString jsonLine(const AuditEntry &entry);
// The CSV header and row of the list's scalar columns.
QString csvHeader();
QString csvRow(const AuditEntry &entry, bool formulaGuard);
// One RFC 4180 field: quoted when it holds a comma, quote, CR or LF. With `formulaGuard`,
// text starting with = + - @ TAB or CR gets a leading ' so spreadsheets do not run it.
QString csvField(QStringView text, bool formulaGuard);
// Duration in milliseconds with microsecond digits ("12.345"), or "null" while running.
QString durationMsJson(const AuditEntry &entry);

} // namespace EntryFormat
