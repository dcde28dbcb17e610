#pragma once

#include "savedview.h"

#include <QMenu>

#include <functional>

// The Views menu: Save view… (Ctrl+Shift+S), the saved views by name, Copy view as text
// (the filter as an audit-viewer command line), Paste view (opens a line a colleague
// shared, then offers to save it) and Delete view. The window provides what it shows now
// (`capture`) and opens what viewChosen carries. Questions (a name, replace?, delete?)
// are asked with dialogs; tests answer them through setNamePrompt, setConfirm, setWarn.
// Thread: the GUI thread.
class ViewsMenu : public QMenu
{
    Q_OBJECT
public:
    using Capture = std::function<SavedView()>;
    // Returns the name typed, or nullopt when cancelled. `suggestion` prefills it.
    using NamePrompt = std::function<std::optional<QString>(
        const QString &title, const QString &label, const QString &suggestion)>;
    using Confirm = std::function<bool(const QString &question)>;
    using Warn = std::function<void(const QString &text)>;

    ViewsMenu(Capture capture, QWidget *parent = nullptr);

    // The settings file views are kept in (tests use a file of their own).
    void setStore(const SavedViews &store) { m_store = store; }
    const SavedViews &store() const { return m_store; }
    void setNamePrompt(NamePrompt prompt) { m_prompt = std::move(prompt); }
    void setConfirm(Confirm confirm) { m_confirm = std::move(confirm); }
    void setWarn(Warn warn) { m_warn = std::move(warn); }
    // The saved views the menu lists now, in its order.
    QStringList listedNames() const;

    // The name of the view opened or saved last (suggested by Save view…); empty after
    // the filter changes by hand.
    QString currentName() const { return m_current; }
    void setCurrentName(const QString &name) { m_current = name; }

    // The actions, for tests and the shortcuts window.
    bool saveCurrent(); // Save view…
    void copyCurrent(); // Copy view as text
    bool pasteFromClipboard(); // Paste view
    bool open(const QString &name);
    bool remove(const QString &name);
    // Lists the saved views again (done whenever the menu opens).
    void rebuild();

signals:
    void viewChosen(const SavedView &view);
    // One line for the status bar.
    void message(const QString &text);

private:
    void fail(const QString &text);

    Capture m_capture;
    NamePrompt m_prompt;
    Confirm m_confirm;
    Warn m_warn;
    QMenu *m_deleteMenu;
    QList<QAction *> m_listed;
    SavedViews m_store;
    QString m_current;
};
