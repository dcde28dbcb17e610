#pragma once

#include "displaytext.h"

#include <QComboBox>
#include <QStringList>

class QFrame;
class QLineEdit;
class QListWidget;
class QListWidgetItem;

// The actions filter: looks like the other combo boxes (same height, arrow, keyboard), but
// opens a checklist of actions with a filter field and Clear instead of a list of items.
// Several actions can be checked; the combo's text sums them up ("retain, recall",
// "3 actions"). Closing the list after changing it emits actionsChosen once. Checked actions
// stay listed even when they are not among the choices, so a prefilled filter round-trips.
// It and its popup carry object names (actionsCombo, actionsPopup, actionsFilter, actionsList).
// Thread: the GUI thread.
class ActionChecklist : public QComboBox
{
    Q_OBJECT
public:
    explicit ActionChecklist(QWidget *parent = nullptr);

    // What the combo says about its values, for a checklist of something other than actions
    // (the LLM calls' operations, models): all strings already translated.
    struct Wording
    {
        QString all; // "All actions": nothing checked
        QString name; // "Actions": the accessible name
        QString filterPlaceholder; // "Filter actions…"
        QString tip; // the combo's tooltip
        QString (*count)(int n) = nullptr; // "%n actions"
    };
    void setWording(const Wording &wording);

    // The actions offered (duplicates dropped).
    void setChoices(const QStringList &actions);
    // The checked actions in the order they were checked.
    QStringList selectedActions() const;
    // Checks exactly these, without emitting actionsChosen.
    void setSelectedActions(const QStringList &actions);

    // Opens the checklist, or closes it when it is open (the combo was clicked again).
    void showPopup() override;
    // Closes the checklist; emits actionsChosen if the checked actions changed.
    void closeChecklist();

signals:
    // The checklist closed with other actions checked than when it opened.
    void actionsChosen(const QStringList &actions);
    // The summary text changed, and with it the combo's size hint.
    void summaryChanged();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void toggle(QListWidgetItem *item);
    void rebuildList();
    void filterList(const QString &text);
    void updateSummary();

    Wording m_wording;
    QFrame *m_popup;
    QLineEdit *m_filter;
    QListWidget *m_list;
    QStringList m_choices;
    QStringList m_selected; // in the order chosen, so setSelectedActions round-trips
    QStringList m_selectedAtOpen;
};
