#pragma once

#include "auditfilter.h"
#include "auditschema.h"

#include <QWidget>

class QComboBox;
class QLabel;
class TenantListModel;

// Which tenants the window reads: "All tenants", a name pattern typed into the field
// (tenant_%), or one schema, chosen from a searchable list that holds thousands of them
// (a model behind a combo box; typing filters the list). Schemas this role may not read
// are shown greyed and cannot be chosen. Wanted once the database has more than one schema
// holding the audit table, or while a pattern is read (the window shows it then: in a
// toolbar, through the toolbar's action). Thread: the GUI thread.
class TenantPicker : public QWidget
{
    Q_OBJECT
public:
    explicit TenantPicker(QWidget *parent = nullptr);

    // The table read now (its schema or pattern is shown as chosen).
    void setTable(const AuditTableRef &table);
    AuditTableRef table() const { return m_table; }
    void setSchemas(const QList<AuditSchema> &schemas);
    TenantListModel *model() const { return m_model; }
    QComboBox *comboBox() const { return m_combo; }

    // Chooses what `text` names: a row's name, a schema, "%" or a LIKE pattern.
    void chooseText(const QString &text);
    bool isWanted() const { return m_wanted; }

signals:
    // The operator chose other tenants: `table` reads that schema or pattern.
    void tableChosen(const AuditTableRef &table);
    void wantedChanged(bool wanted);

private:
    void chooseRow(int row);
    void showCurrent();
    void updateVisibility();

    QLabel *m_label;
    QComboBox *m_combo;
    TenantListModel *m_model;
    AuditTableRef m_table;
    bool m_wanted = false;
};
