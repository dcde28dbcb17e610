#pragma once

#include "latencysummary.h"

#include <QAbstractTableModel>

// A LatencySummary as table rows: one per action, then "All actions" last (IsTotalRole, for
// the view to set it apart). Durations read as
// in the results table ("12.3 ms", "4.56 s") with the exact microseconds in the tooltip;
// SortRole carries the number (or the action name) to sort by.
// Thread: the GUI thread.
class LatencyTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        ActionColumn,
        CallsColumn,
        P50Column,
        P95Column,
        P99Column,
        MaxColumn,
        ColumnCount
    };
    Q_ENUM(Column)
    enum Role {
        SortRole = Qt::UserRole + 1, // qint64, or the action name
        IsTotalRole, // bool: the row for all actions
    };

    explicit LatencyTableModel(QObject *parent = nullptr);

    void setSummary(const LatencySummary &summary);
    void clear();
    bool hasSummary() const { return m_hasSummary; }
    const LatencySummary &summary() const { return m_summary; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    const LatencyRow &rowAt(int row) const;
    bool isTotal(int row) const { return row == m_summary.actions.size(); }
    static qint64 micros(const LatencyRow &row, int column);

    LatencySummary m_summary;
    bool m_hasSummary = false;
};
