#pragma once

#include <QStringList>
#include <QToolButton>

class QAction;
class QMenu;

// The volume chart's own action filter, used while the chart does not follow the table: a
// button whose menu lists the actions as check items under "All actions" (checked while none
// is). The menu stays open while entries are toggled; the button's text sums up the choice
// ("All actions", "retain, recall", "3 actions"). Checked actions stay listed when they are
// not among the choices. Thread: the GUI thread.
class VolumeChartActionMenu : public QToolButton
{
    Q_OBJECT
public:
    explicit VolumeChartActionMenu(QWidget *parent = nullptr);

    void setChoices(const QStringList &actions);
    // Checked actions in the order they were checked; empty: all actions.
    QStringList selectedActions() const { return m_selected; }
    // Checks exactly these, without emitting selectionChanged.
    void setSelectedActions(const QStringList &actions);

    QMenu *actionsMenu() const { return m_menu; }

signals:
    // The user changed the checked actions: once when the menu closes, or at once when an
    // entry is triggered while the menu is closed (keyboard shortcut, tests).
    void selectionChanged();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void rebuildMenu();
    void toggle(QAction *action);
    void updateSummary();
    void finishChange();

    QMenu *m_menu;
    QStringList m_choices;
    QStringList m_selected;
    QStringList m_selectedAtOpen;
};
