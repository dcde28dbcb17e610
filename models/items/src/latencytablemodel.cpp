#include "latencytablemodel.h"

#include "durationtext.h"

#include <QLocale>

LatencyTableModel::LatencyTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void LatencyTableModel::setSummary(const LatencySummary &summary)
{
    beginResetModel();
    m_summary = summary;
    m_hasSummary = true;
    endResetModel();
}

void LatencyTableModel::clear()
{
    beginResetModel();
    m_summary = LatencySummary();
    m_hasSummary = false;
    endResetModel();
}

const LatencyRow &LatencyTableModel::rowAt(int row) const
{
    return isTotal(row) ? m_summary.total : m_summary.actions.at(row);
}

qint64 LatencyTableModel::micros(const LatencyRow &row, int column)
{
    switch (column) {
    case P50Column:
        return row.p50Micros;
    case P95Column:
        return row.p95Micros;
    case P99Column:
        return row.p99Micros;
    case MaxColumn:
        return row.maxMicros;
    default:
        return 0;
    }
}

int LatencyTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_hasSummary ? 0 : static_cast<int>(m_summary.actions.size()) + 1;
}

int LatencyTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LatencyTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const LatencyRow &row = rowAt(index.row());
    const int column = index.column();
    const bool total = isTotal(index.row());
    // Without an ended call there is no duration to show (only the total row can be so).
    const bool noDuration = column > CallsColumn && row.calls == 0;
    switch (role) {
    case Qt::DisplayRole:
        if (column == ActionColumn) {
            return total ? tr("All actions") : row.action;
        }
        if (column == CallsColumn) {
            return QLocale().toString(row.calls);
        }
        return noDuration ? QStringLiteral("—") : readableDuration(micros(row, column));
    case Qt::ToolTipRole:
        if (column > CallsColumn && !noDuration) {
            const qint64 value = micros(row, column);
            return tr("%1 (%2)").arg(exactDuration(value), formatDuration(value));
        }
        if (column == CallsColumn) {
            return tr("Calls that ended; calls still in flight have no duration");
        }
        return {};
    case Qt::TextAlignmentRole:
        return column == ActionColumn ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                      : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case SortRole:
        if (column == ActionColumn) {
            return row.action;
        }
        return column == CallsColumn ? row.calls : micros(row, column);
    case IsTotalRole:
        return total;
    default:
        return {};
    }
}

QVariant LatencyTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    if (role == Qt::DisplayRole) {
        switch (section) {
        case ActionColumn:
            return tr("Action");
        case CallsColumn:
            return tr("Calls");
        case P50Column:
            return tr("p50");
        case P95Column:
            return tr("p95");
        case P99Column:
            return tr("p99");
        case MaxColumn:
            return tr("Max");
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case CallsColumn:
            return tr("Calls that ended (calls still in flight have no duration)");
        case P50Column:
            return tr("Median: half of the calls took at most this long");
        case P95Column:
            return tr("95% of the calls took at most this long");
        case P99Column:
            return tr("99% of the calls took at most this long");
        case MaxColumn:
            return tr("The slowest call");
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole) {
        return section == ActionColumn ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                       : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    }
    return QAbstractTableModel::headerData(section, orientation, role);
}
