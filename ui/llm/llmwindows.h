#pragma once

#include "auditentry.h"
#include "llmcall.h"

#include <QString>

class AuditWorker;
class EntryDetailDialog;
class LlmCallDialog;
class LlmRunDialog;
class QWidget;

// Opens the windows that lead from an audit entry to its LLM calls and back, each reading
// through `worker`, non-modal and deleted on close, owned by the top-level window `near`
// belongs to (so closing the window that opened one leaves it open), times in UTC or local
// time as `utc` says.
// Thread: the GUI thread.
namespace LlmWindows {

LlmCallDialog *openCall(
    AuditWorker *worker, const QString &callId, const QString &schema, bool utc, QWidget *near);
LlmRunDialog *openRun(AuditWorker *worker, const LlmRun &run, bool utc, QWidget *near);
EntryDetailDialog *openEntry(AuditWorker *worker, const AuditEntry &entry, bool utc, QWidget *near);

} // namespace LlmWindows
