#pragma once

#include "auditentry.h"
#include "llmcall.h"

#include <QDialog>

#include <memory>

class AuditWorker;
class LlmWaterfall;

// One LLM run (every call of one operation invocation): its totals (operation, bank, first
// start, wall time, calls, errors, tokens, models) over its waterfall (LlmWaterfall), and
// the audit entry it belongs to. Hindsight keeps no link from a call to its audit entry, so
// the entry is found by bank, operation and time (AuditWorker::loadEntriesOfRun); when
// several entries match, the dialog says the attribution is ambiguous and lists them all.
// Clicking a call opens its window; an entry opens in the audit entry window.
// Thread: the GUI thread.
class LlmRunDialog : public QDialog
{
    Q_OBJECT
public:
    explicit LlmRunDialog(QWidget *parent = nullptr);
    ~LlmRunDialog() override;

    // Asks `worker` for the run's calls, then for its audit entries; calls and entries the
    // user opens are read through it too.
    void load(AuditWorker *worker, const LlmRun &run);
    void setRunCalls(const LlmRunCalls &run);
    // The audit entries the run belongs to (loadEntriesOfRun's answer).
    void setEntries(const QList<AuditEntry> &entries);
    void showError(const QString &message);
    void setUtc(bool utc);
    bool isUtc() const { return m_utc; }

    LlmWaterfall *waterfall() const;
    // What the dialog says about the run's audit entry.
    QString entryStatus() const;

signals:
    // A call was clicked (also opened in a window when the dialog has a worker).
    void callRequested(const QString &callId, const QString &schema);
    // An audit entry was chosen (also opened when the dialog has a worker).
    void entryRequested(const AuditEntry &entry);

private:
    void layOut();
    void openEntry(int index);

    struct Private;
    std::unique_ptr<Private> d;
    bool m_utc = false;
};
