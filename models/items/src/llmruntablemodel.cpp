#include "llmruntablemodel.h"

#include "displaytext.h"
#include "durationtext.h"
#include "llmtablemodel.h"

LlmRunTableModel::LlmRunTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void LlmRunTableModel::setRuns(const QList<LlmRun> &runs)
{
    beginResetModel();
    m_runs = runs;
    endResetModel();
}

const LlmRun *LlmRunTableModel::runAt(int row) const
{
    return row >= 0 && row < m_runs.size() ? &m_runs.at(row) : nullptr;
}

void LlmRunTableModel::setUtc(bool utc)
{
    if (utc == m_utc) {
        return;
    }
    m_utc = utc;
    m_zone = utc ? QTimeZone::utc() : QTimeZone::systemTimeZone();
    if (!m_runs.isEmpty()) {
        emit dataChanged(index(0, StartColumn), index(rowCount() - 1, StartColumn));
    }
    emit headerDataChanged(Qt::Horizontal, StartColumn, StartColumn);
}

QString LlmRunTableModel::cellText(const LlmRun &run, int column) const
{
    switch (column) {
    case StartColumn:
        return LlmTableModel::timeText(run.firstStart, m_zone);
    case OperationColumn:
        return visibleText(run.operation);
    case BankColumn:
        return run.bankId ? visibleText(*run.bankId) : QStringLiteral("—");
    case TenantColumn:
        return visibleText(run.schema);
    case WallTimeColumn: {
        const auto span = run.spanMicros();
        return span ? readableDuration(*span) : QString();
    }
    case CallsColumn:
        return LlmTableModel::tokenText(run.calls);
    case ErrorsColumn:
        return run.errors == 0 ? QString() : tr("%Ln failed", "", int(run.errors));
    case InputTokensColumn:
        return LlmTableModel::tokenText(run.tokens.input);
    case OutputTokensColumn:
        return LlmTableModel::tokenText(run.tokens.output);
    case CachedTokensColumn:
        return LlmTableModel::tokenText(run.tokens.cached);
    case TotalTokensColumn:
        return LlmTableModel::tokenText(run.tokens.total);
    case ModelsColumn:
        return visibleText(run.models.join(QStringLiteral(", ")));
    default:
        return {};
    }
}

int LlmRunTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_runs.size());
}

int LlmRunTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LlmRunTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const LlmRun &run = m_runs.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return cellText(run, index.column());
    case Qt::ToolTipRole:
        if (index.column() == StartColumn) {
            return plainToolTip(tr("First call started %1 UTC\nRun %2")
                                    .arg(run.firstStart.toIsoUtc(), visibleText(run.key)));
        }
        if (index.column() == WallTimeColumn) {
            const auto span = run.spanMicros();
            return span ? plainToolTip(
                       tr("From the first start to the last end: %1").arg(exactDuration(*span)))
                        : plainToolTip(tr("No end recorded"));
        }
        return plainToolTip(cellText(run, index.column()));
    case Qt::TextAlignmentRole:
        if (index.column() >= WallTimeColumn && index.column() <= TotalTokensColumn) {
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        }
        return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case RunKeyRole:
        return run.key;
    case SchemaRole:
        return run.schema;
    default:
        return {};
    }
}

QVariant LlmRunTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case StartColumn:
        return m_utc ? tr("First start (UTC)") : tr("First start");
    case OperationColumn:
        return LlmTableModel::headerText(LlmTableModel::OperationColumn);
    case BankColumn:
        return LlmTableModel::headerText(LlmTableModel::BankColumn);
    case TenantColumn:
        return LlmTableModel::headerText(LlmTableModel::TenantColumn);
    case WallTimeColumn:
        return tr("Wall time");
    case CallsColumn:
        return tr("Calls");
    case ErrorsColumn:
        return tr("Errors");
    case InputTokensColumn:
    case OutputTokensColumn:
    case CachedTokensColumn:
    case TotalTokensColumn:
        return LlmTableModel::headerText(static_cast<LlmTableModel::Column>(
            LlmTableModel::InputTokensColumn + (section - InputTokensColumn)));
    case ModelsColumn:
        return tr("Models");
    default:
        return {};
    }
}
