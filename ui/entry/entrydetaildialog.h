#pragma once

#include "auditentry.h"

#include <QDialog>

#include <memory>

class AuditWorker;

// One audit entry, for reading what was asked and what came back. Non-modal; several can
// be open at once. Header: id (copyable), action, transport badge, bank, started and ended
// with microseconds (local; UTC on hover), duration, status. Request, Response and
// Metadata tabs, each pretty-printed exactly as stored (JsonPrettyPrinter, formatted off
// the GUI thread), syntax-highlighted in a monospace view with word-wrap toggle and
// Find (Ctrl+F: all matches highlighted, next/previous, count), or as a lazy tree
// (JsonTreeModel) with copy of a value and of its JSON path. An empty document reads
// "(none)". Secret values are masked (SecretMasker, the active rules): right-click one in
// the text for "Reveal this value", or press "Reveal all"; revealing lasts until the dialog
// shows another entry (Previous / Next) and is never remembered. Previous / Next walk the
// table's rows; Copy puts the entry as one JSON object on the clipboard and Save writes it
// to a file, both as shown: masked, but for the values revealed at that moment. Find only
// searches what is shown, so it never finds a hidden secret. With a worker, an entry of an
// action that runs LLM calls gets an "LLM calls" tab listing the runs it caused (LlmEntryRuns),
// each a double-click from its waterfall.
// Thread: the GUI thread.
class EntryDetailDialog : public QDialog
{
    Q_OBJECT
public:
    explicit EntryDetailDialog(QWidget *parent = nullptr);
    ~EntryDetailDialog() override;

    // The entry `id` is being fetched: show its id and a busy state.
    void showLoading(const QString &id);
    void setEntry(const AuditEntryDetail &detail);
    void showError(const QString &message);
    void setUtc(bool utc);
    // Whether Previous / Next have somewhere to go.
    void setNavigation(bool hasPrevious, bool hasNext);
    // Reads the LLM runs of the entries shown through `worker` (the "LLM calls" tab).
    void setWorker(AuditWorker *worker);

    QString entryId() const;
    // The schema of the entry shown (its tenant); empty while the first one loads.
    QString entrySchema() const;
    // The entry as one JSON object (documents embedded as stored, masked but for the values
    // revealed).
    QString entryJson() const;
    // Writes entryJson() to `path` atomically; on failure the dialog shows why.
    bool saveTo(const QString &path);

signals:
    void previousRequested();
    void nextRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // The constructor's steps.
    void setUpNoticeAndLoading();
    void layOut();
    void connectButtons();
    void copyEntry();
    void saveEntry();
    void setRevealed(bool revealed);
    void updateMaskedCount();
    void showNotice(const QString &message);
    void showStatus(const QString &message);
    void showLlmRuns(const AuditEntry &entry);

    struct Private;
    std::unique_ptr<Private> d;
};
