#pragma once

#include "auditentry.h"
#include "secretmasker.h"

#include <QAbstractTableModel>
#include <QSet>
#include <QTimeZone>

// The page of audit entries the table shows. Holds the scalar columns and the start of
// each request, shown (and copied) only masked as a one-line preview; whole documents are
// fetched by the detail view for one entry. Times show in local time or UTC.
// Thread: the GUI thread.
class AuditTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        TimeColumn,
        ActionColumn,
        TransportColumn,
        BankColumn,
        DurationColumn,
        StatusColumn,
        IdColumn,
        RequestColumn, // a one-line, masked preview of the request
        // Added later: new columns go last so that header states saved before keep their
        // meaning (ResultsView places them).
        EndedColumn,
        SizeColumn, // the stored size of request + response
        TenantColumn, // the schema a row comes from; shown while many schemas are read
        ColumnCount
    };
    Q_ENUM(Column)
    enum Role {
        EntryIdRole = Qt::UserRole + 1, // QString
        StatusRole, // int of AuditEntry::Status
        IsNewRole, // bool: arrived with the last refresh
        RawTextRole, // the cell's text for copying (full precision)
        SchemaRole, // QString: the schema the row comes from (its tenant)
    };

    explicit AuditTableModel(QObject *parent = nullptr);

    // Replaces the page. With `markNew`, entries that arrived since the previous page (not
    // on it, and ended after every row on it or still in flight) are flagged (IsNewRole)
    // until clearNewMarks().
    void setEntries(const QList<AuditEntry> &entries, bool markNew = false);
    void clearNewMarks();
    const QList<AuditEntry> &entries() const { return m_entries; }
    const AuditEntry *entryAt(int row) const;
    int rowOfId(const QString &id) const;
    // The row of `id` in `schema` (reading many schemas, two tenants may hold equal ids);
    // an empty `schema` matches any.
    int rowOf(const QString &id, const QString &schema) const;

    void setUtc(bool utc);
    bool isUtc() const { return m_utc; }
    // The rules the request previews are masked by (SecretMasker() until set).
    void setMasker(const SecretMasker &masker);

    // "12.3 ms", "4.56 s", "2 min 05 s", "1 h 02 min"; empty while running.
    static QString durationText(const AuditEntry &entry);
    // "812 bytes", "1.2 MB": decimal units, as a file manager shows them.
    static QString sizeText(qint64 bytes);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    // The tooltip's text, before plainToolTip() makes it literal.
    QString toolTip(const AuditEntry &entry, int column) const;
    QString cellText(const AuditEntry &entry, int column) const;
    // Milliseconds in the cell; tooltips and copies keep all six digits.
    QString timeText(const AuditTimestamp &at) const;

    void maskPreviews();

    QList<AuditEntry> m_entries;
    // Per entry: the request preview as the cell shows it (long strings shortened) and
    // whole (copies, tooltip); both masked.
    QList<QPair<QString, QString>> m_previews;
    SecretMasker m_masker;
    QSet<QString> m_newIds;
    bool m_utc = false;
    QTimeZone m_zone = QTimeZone::systemTimeZone();
};
