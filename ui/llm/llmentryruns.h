#pragma once

#include "auditentry.h"
#include "llmcall.h"
#include "llmrepository.h"

#include <QWidget>

class AuditWorker;
class LlmAttributedRunsModel;
class QLabel;
class QTableView;

// The "LLM calls" tab of the audit entry window: the LLM runs an entry of a retain, reflect,
// consolidation or refresh_mental_model caused, with their totals, each a double-click (or
// Enter) from its waterfall (runActivated). Hindsight keeps no exact link, so the runs are
// attributed by bank, operation and time (AuditWorker::loadAttribution); the tab says so,
// and says which other entries a run may belong to when entries overlap. Without an
// llm_requests table, or with an empty one (tracing is off by default), it says that in one
// line instead of showing an empty list.
// Thread: the GUI thread.
class LlmEntryRuns : public QWidget
{
    Q_OBJECT
public:
    // `worker` may be null: then only the setters fill the tab.
    explicit LlmEntryRuns(AuditWorker *worker, QWidget *parent = nullptr);

    // Whether entries of `action` run LLM calls that Hindsight traces.
    static bool runsLlmCalls(const QString &action);

    // Reads the LLM log's state, then (when it has rows) the runs of `entry`.
    void showEntry(const AuditEntry &entry);
    void setLogState(const LlmLogState &state);
    void setAttribution(const LlmAttribution &attribution);
    void showError(const QString &message);
    void setUtc(bool utc);

    // The line over the list (the log's state, or how the runs were attributed).
    QString message() const;
    // The totals under it, empty while nothing is listed.
    QString totals() const;
    QTableView *view() const { return m_view; }
    LlmAttributedRunsModel *model() const { return m_model; }

signals:
    void runActivated(const LlmRun &run);

private:
    void showMessage(const QString &text, bool warning);

    AuditWorker *m_worker;
    AuditEntry m_entry;
    quint64 m_request = 0;
    LlmAttributedRunsModel *m_model;
    QLabel *m_message;
    QLabel *m_totals;
    QTableView *m_view;
};
