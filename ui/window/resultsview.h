#pragma once

#include "auditentry.h"
#include "auditfilter.h"

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
    // The selected rows, top to bottom (with their schema, when many are read).
    QList<AuditEntry> selectedEntries() const;
    void copySelection() const;
    QString currentEntryId() const;
    // The current row's schema (its tenant); empty without a current row.
    QString currentEntrySchema() const;
    // Makes the row of `id` current; reading many schemas, the one of `schema` (empty: any).
    void selectEntry(const QString &id, const QString &schema = {});
    // Shows the Tenant column (reading many schemas) or hides it, also from the column menu.
    void setShowsTenants(bool shows);

    // Shows the sort indicator on the time or duration column for the current order.
    void setSortOrder(SortOrder order);
    SortOrder sortOrder() const { return m_order; }

    // A message in the middle of the table while it has no rows (plain text; empty hides
    // it): why nothing is shown, so that an empty table never looks broken.
    void setEmptyMessage(const QString &text);
    QString emptyMessage() const;

    QByteArray headerState() const;
    // Restores a saved header; one saved before columns were added gets them at their
    // default place and width, and the request preview shown.
    bool restoreHeaderState(const QByteArray &state);

signals:
    // `schema`: the schema of the row (two tenants may hold equal ids).
    void entryActivated(const QString &id, const QString &schema);
    // A click on the time header (newest / oldest first) or the duration header (longest /
    // shortest first) asks for this order; the indicator moves once setSortOrder() is called.
    void sortOrderRequested(SortOrder order);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    // Over the cells: the rows the last auto-refresh brought (AuditTableModel::IsNewRole).
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void showColumnMenu(const QPoint &pos);
    int defaultWidth(int column) const;
    // Moves a column to its default visual place (Ended after Started, Size after Duration,
    // the request preview last, where it stretches).
    void placeColumn(int column);
    void placeEmptyMessage();

    AuditTableModel *m_model;
    SortOrder m_order = SortOrder::NewestFirst;
    QString m_keptEntry;
    QString m_keptSchema;
    bool m_showsTenants = false;
    QLabel *m_emptyMessage;
};
