#include "llmwindows.h"

#include "auditworker.h"
#include "entrydetaildialog.h"
#include "llmcalldialog.h"
#include "llmrundialog.h"

#include <QWidget>

namespace {

// The main window (or whatever top-level window holds `near`).
QWidget *ownerOf(QWidget *near)
{
    QWidget *owner = near;
    while (owner && owner->parentWidget()) {
        owner = owner->parentWidget();
    }
    return owner;
}

template <typename Dialog> Dialog *opened(QWidget *near)
{
    auto *dialog = new Dialog(ownerOf(near));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

} // namespace

namespace LlmWindows {

LlmCallDialog *openCall(
    AuditWorker *worker, const QString &callId, const QString &schema, bool utc, QWidget *near)
{
    auto *dialog = opened<LlmCallDialog>(near);
    dialog->setUtc(utc);
    dialog->load(worker, callId, schema);
    return dialog;
}

LlmRunDialog *openRun(AuditWorker *worker, const LlmRun &run, bool utc, QWidget *near)
{
    auto *dialog = opened<LlmRunDialog>(near);
    dialog->setUtc(utc);
    dialog->load(worker, run);
    return dialog;
}

EntryDetailDialog *openEntry(AuditWorker *worker, const AuditEntry &entry, bool utc, QWidget *near)
{
    auto *dialog = opened<EntryDetailDialog>(near);
    dialog->setUtc(utc);
    dialog->setWorker(worker);
    dialog->showLoading(entry.id);
    const quint64 request = worker->loadEntry(entry.id, entry.schema);
    QObject::connect(worker, &AuditWorker::entryLoaded, dialog,
        [dialog, request](quint64 answered, const AuditEntryDetail &detail) {
            if (answered == request) {
                dialog->setEntry(detail);
            }
        });
    QObject::connect(worker, &AuditWorker::queryFailed, dialog,
        [dialog, request](quint64 answered, const QueryError &error) {
            if (answered == request) {
                dialog->showError(error.message);
            }
        });
    return dialog;
}

} // namespace LlmWindows
