#pragma once

#include "auditschema.h"

#include <QAbstractListModel>
#include <QList>
#include <QRegularExpression>

// The choices of the tenant picker: "All tenants" (the pattern %), a name pattern the
// operator typed (tenant_%), then every schema that holds the audit table with its
// estimated rows. A schema this role may not read is listed, disabled, with "(no access)".
// EditRole is the row's short name ("All tenants", the pattern, the schema: what an editable
// combo box shows); TypedTextRole what one types for it (%, the pattern, the schema name),
// for a QCompleter on a text field. Thread: the GUI thread.
class TenantListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        PatternRole = Qt::UserRole + 1, // QString: the LIKE pattern of an "all" or pattern row
        SchemaRole, // QString: the schema of a schema row
        ReadableRole, // bool
        TypedTextRole, // QString: %, the pattern or the schema name
    };

    explicit TenantListModel(QObject *parent = nullptr);

    void setSchemas(const QList<AuditSchema> &schemas);
    const QList<AuditSchema> &schemas() const { return m_schemas; }
    // The row for a typed pattern (after "All tenants"); empty removes it. "%" needs none.
    void setPattern(const QString &pattern);
    QString pattern() const { return m_pattern; }
    // The row offering `pattern` (% is "All tenants") or the schema `schema`; -1 if none.
    int rowOfPattern(const QString &pattern) const;
    int rowOfSchema(const QString &schema) const;
    // The schemas whose names LIKE `pattern` matches (% any run, _ one character, \ escapes).
    QList<AuditSchema> matching(const QString &pattern) const;
    static QRegularExpression likeExpression(const QString &pattern);
    // "tenant_a — about 12,000 rows" (or "… rows not counted yet"), the schema made visible.
    static QString schemaLabel(const AuditSchema &schema);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    int firstSchemaRow() const { return m_pattern.isEmpty() ? 1 : 2; }
    QString patternLabel(const QString &pattern) const;

    QList<AuditSchema> m_schemas;
    QString m_pattern;
    // The labels of the All tenants and pattern rows, counted once per change: a view asks
    // for them on every paint, and a pattern is matched against thousands of names.
    QString m_allLabel;
    QString m_patternLabel;
};
