#pragma once

#include "auditentry.h"

#include <QString>
#include <QStringView>

// The one-line request preview of the table: the first characters of the stored request,
// masked by SecretMasker first, then made compact: no whitespace between tokens, long
// strings shortened ("…" inside their quotes), "…" at the end when the request goes on.
// Bidi controls become \uXXXX escapes (the same text inside a JSON string), control
// characters spaces: the preview is shown, never obeyed.
// Thread: any (pure functions).
namespace RequestPreview {

// Characters of the request the preview is made from (AuditEntry::requestStart).
constexpr int storedLength = AuditEntry::kRequestStartLength;

// `maskedJson` compacted. `cut`: the request goes on after it. `maxStringLength`: strings
// longer than this many characters keep that many and "…"; negative keeps them whole.
QString compact(QStringView maskedJson, bool cut, qsizetype maxStringLength = -1);

} // namespace RequestPreview
