#pragma once

#include "auditentry.h"

#include <QDialog>

#include <memory>

// Two audit entries side by side: both headers, then Request / Response / Metadata tabs,
// each a tree of the two documents compared by JSON path (JsonDiff) with columns Key |
// Left | Right. Changed values are amber, added green, removed red (blended into the
// palette's base colour, so dark themes work); "Hide identical" (on) leaves only the
// differences and the containers leading to them, off it shows everything with identical
// subtrees folded. Previous / Next difference (Shift+F7 / F7), copy of the current path
// (Ctrl+C) and of either value. Documents are masked by SecretMasker before they are
// compared; "Reveal secrets" compares them as stored, for this window only, and is never
// remembered. Database text is plain text throughout. Large documents are compared on a
// pool thread ("Comparing…"). Non-modal.
// Thread: the GUI thread.
class CompareDialog : public QDialog
{
    Q_OBJECT
public:
    // Item data roles of the tree models, beside Display, ToolTip, Background and Font.
    enum Role {
        PathRole = Qt::UserRole + 1, // QString: "$.http_config.headers.Authorization"
        KindRole, // int, a JsonDiff::Kind
        DifferenceRole, // bool: a difference starts here (counted in the summary)
    };
    enum class Document { Request, Response, Metadata };

    CompareDialog(
        const AuditEntryDetail &left, const AuditEntryDetail &right, QWidget *parent = nullptr);
    ~CompareDialog() override;

    void setUtc(bool utc);
    // True while the documents are being compared on a pool thread.
    bool isComparing() const;
    // "3 changed, 1 added, 0 removed" for the document in view, or "No differences".
    QString summaryText() const;
    void showDocument(Document document);

signals:
    // The comparison (first, or after Reveal) is on screen.
    void comparisonFinished();

protected:
    void changeEvent(QEvent *event) override;

private:
    // The constructor's steps: a tab per document with its tree and notice, the tool row's
    // widgets, the layout, and what the tools do.
    void buildDocumentPages();
    void setUpTools();
    void layOut();
    void connectTools();
    void startComparison();
    void nextDifference();
    void previousDifference();
    void updateSummary();
    void copyCurrentPath();

    struct Private;
    std::unique_ptr<Private> d;
};
