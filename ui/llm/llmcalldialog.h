#pragma once

#include "llmcall.h"

#include <QDialog>

#include <memory>

class AuditWorker;

// One LLM call, for reading what the model was asked and what it answered. Non-modal.
// Header: LlmCallHeader. Tabs: Conversation (the input's messages, role and content, long
// ones folded; a cut input says how much Hindsight kept), Output (text, or its JSON), Error,
// llm_info, and Metadata (the document and memory ids, copyable, over the JSON). The input
// and the output are one click ("Raw JSON") from their JSON exactly as stored, in the entry
// window's JsonPane (same printer, tree, Find, masking). Secrets are masked everywhere,
// the conversation too; "Reveal all" shows them until the dialog shows another call.
// Thread: the GUI thread.
class LlmCallDialog : public QDialog
{
    Q_OBJECT
public:
    explicit LlmCallDialog(QWidget *parent = nullptr);
    ~LlmCallDialog() override;

    // Asks `worker` for call `id` of `schema`; its answer (or error) fills the dialog.
    void load(AuditWorker *worker, const QString &id, const QString &schema);
    void showLoading(const QString &id);
    void setCall(const LlmCallDetail &detail);
    void showError(const QString &message);
    void setUtc(bool utc);

    QString callId() const;
    // Secret values hidden / revealed over the call's documents and error.
    int maskedCount() const;
    int revealedCount() const;

private:
    void layOut();
    void setRevealed(bool revealed);
    void showDocuments();
    void updateMaskedCount();

    struct Private;
    std::unique_ptr<Private> d;
};
