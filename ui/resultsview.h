#pragma once

#include <QTableView>

class AuditTableModel;

// The table of audit entries: badges for transport and status, a header whose columns
// can be moved, resized and hidden (right-click), Ctrl+C copying the selected rows as
// tab-separated text, and Enter or double-click opening an entry.
// Thread: the GUI thread.
class ResultsView : public QTableView
{
    Q_OBJECT
public:
    explicit ResultsView(AuditTableModel *model, QWidget *parent = nullptr);

    // The selected rows as tab-separated lines of the visible columns in their shown order.
    QString selectedRowsAsText() const;
    void copySelection() const;
    QString currentEntryId() const;
    void selectEntry(const QString &id);

    // Shows the time column's sort indicator for the current order.
    void setNewestFirst(bool newestFirst);

    QByteArray headerState() const;
    bool restoreHeaderState(const QByteArray &state);

signals:
    void entryActivated(const QString &id);
    void sortOrderToggled();

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void showColumnMenu(const QPoint &pos);

    AuditTableModel *m_model;
    bool m_newestFirst = true;
    QString m_keptEntry;
};
