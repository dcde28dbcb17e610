#pragma once

#include <QTableView>

class AuditTableModel;
class QLabel;

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
    // The ids of the selected rows, top to bottom.
    QStringList selectedEntryIds() const;
    void copySelection() const;
    QString currentEntryId() const;
    void selectEntry(const QString &id);

    // Shows the time column's sort indicator for the current order.
    void setNewestFirst(bool newestFirst);

    // A message in the middle of the table while it has no rows (plain text; empty hides
    // it): why nothing is shown, so that an empty table never looks broken.
    void setEmptyMessage(const QString &text);
    QString emptyMessage() const;

    QByteArray headerState() const;
    bool restoreHeaderState(const QByteArray &state);

signals:
    void entryActivated(const QString &id);
    void sortOrderToggled();

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void showColumnMenu(const QPoint &pos);
    void placeEmptyMessage();

    AuditTableModel *m_model;
    bool m_newestFirst = true;
    QString m_keptEntry;
    QLabel *m_emptyMessage;
};
