#pragma once

#include "jsonrenderer.h"

#include <QFutureWatcher>
#include <QWidget>

#include <optional>

class JsonTextView;
class JsonTreeModel;
class QAction;
class QCheckBox;
class QLabel;
class QStackedWidget;
class QToolButton;
class QTreeView;

// One JSON document of an entry (its request, response or metadata) as highlighted text
// with Find, or as a lazy tree with "Copy value" / "Copy JSON path". A NULL document reads
// "(none)"; text that is not valid JSON is shown as stored under a one-line notice.
// Documents above a few dozen kilobytes are formatted on a pool thread ("Formatting…").
// Secrets are masked; single values are revealed from the text's or the tree's context
// menu, or all of them, until the next document.
// Thread: the GUI thread.
class JsonPane : public QWidget
{
    Q_OBJECT
public:
    enum class View { Text, Tree };

    explicit JsonPane(QWidget *parent = nullptr);
    ~JsonPane() override;

    // A new document, its secrets masked (every one revealed with `revealAll`).
    void setDocument(const std::optional<QString> &stored, bool revealAll = false);
    // Renders the same document again with every secret revealed, or none, keeping what is
    // shown meanwhile.
    void setRevealed(bool revealAll);
    // Renders it again with the hidden value `ordinal` revealed too.
    void revealValue(int ordinal);
    const RevealedValues &revealedValues() const { return m_revealed; }
    void setView(View view);
    View view() const { return m_view; }
    // Ctrl+F: switches to the text and opens its Find bar.
    void openFind();

    // True until the whole document is on screen (its first lines may be already).
    bool isFormatting() const { return m_formatting; }
    // Some text of the document is on screen (perhaps only its first lines).
    bool isReadable() const { return m_rendering.document != nullptr; }
    bool isNull() const { return !m_stored.has_value(); }
    // Secret values in the document: hidden, and revealed.
    int maskedCount() const { return m_rendering.maskedCount; }
    int revealedCount() const { return m_rendering.revealedCount; }
    // The one-line notice over the text (invalid JSON), or empty.
    QString notice() const;
    // What the placeholder reads when no text or tree is shown ("(none)"), or empty.
    QString placeholder() const;
    JsonTextView *textView() const { return m_text; }
    QTreeView *treeView() const { return m_tree; }
    // The tree's context menu: copy the current node's value / its JSON path.
    QAction *copyValueAction() const { return m_copyValue; }
    QAction *copyPathAction() const { return m_copyPath; }
    // The tree's "Reveal this value": shown when the current node is a hidden value.
    QAction *revealValueAction() const { return m_revealValue; }

signals:
    // The first lines of a long document are on screen; the rest follows.
    void firstLinesShown();
    // The document (or its masked / revealed form) is on screen.
    void formattingFinished();

private:
    // The constructor's steps.
    void setUpTree();
    void layOut();
    void connectControls();
    void startRendering();
    void present(JsonRendering rendering);
    void showPage();
    void copyFromTree(int role);
    // The ordinal of the hidden value the tree node `index` shows, or -1.
    int hiddenValueAt(const QModelIndex &index) const;
    void updateTreeReveal();
    // Expands the tree down to the node with JSON path `path` and makes it current.
    void selectTreePath(const QString &path);

    bool m_hasEntry = false;
    std::optional<QString> m_stored;
    RevealedValues m_revealed;
    bool m_formatting = false;
    QFutureWatcher<JsonRendering> *m_watcher = nullptr;
    View m_view = View::Text;
    JsonRendering m_rendering;
    bool m_treeLoaded = false;
    bool m_treeValid = false;

    QToolButton *m_textButton;
    QToolButton *m_treeButton;
    QCheckBox *m_wrap;
    QToolButton *m_findButton;
    QLabel *m_status;
    QLabel *m_notice;
    QStackedWidget *m_stack;
    JsonTextView *m_text;
    QTreeView *m_tree;
    JsonTreeModel *m_model;
    QLabel *m_message;
    QAction *m_copyValue;
    QAction *m_copyPath;
    QAction *m_revealValue;
    // The node to show again once the tree is rebuilt with a value revealed.
    QString m_treePathToRestore;
};
