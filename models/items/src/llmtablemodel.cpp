#include "llmtablemodel.h"

#include "displaytext.h"
#include "durationtext.h"

#include <QLocale>

namespace {

std::optional<qint64> tokensOf(const LlmCall &call, int column)
{
    switch (column) {
    case LlmTableModel::InputTokensColumn:
        return call.inputTokens;
    case LlmTableModel::OutputTokensColumn:
        return call.outputTokens;
    case LlmTableModel::CachedTokensColumn:
        return call.cachedTokens;
    case LlmTableModel::TotalTokensColumn:
        return call.totalTokens;
    default:
        return std::nullopt;
    }
}

QString optionalText(const std::optional<QString> &text)
{
    return text ? visibleText(*text) : QString();
}

} // namespace

LlmTableModel::LlmTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void LlmTableModel::setCalls(const QList<LlmCall> &calls, bool markNew)
{
    QSet<QString> previous;
    if (markNew) {
        for (const LlmCall &call : std::as_const(m_calls)) {
            previous.insert(call.schema + QLatin1Char('/') + call.id);
        }
    }
    beginResetModel();
    m_calls = calls;
    maskErrors();
    m_newIds.clear();
    if (markNew && !previous.isEmpty()) {
        for (const LlmCall &call : calls) {
            const QString key = call.schema + QLatin1Char('/') + call.id;
            if (!previous.contains(key)) {
                m_newIds.insert(key);
            }
        }
    }
    endResetModel();
}

void LlmTableModel::clearNewMarks()
{
    if (m_newIds.isEmpty()) {
        return;
    }
    m_newIds.clear();
    if (!m_calls.isEmpty()) {
        emit dataChanged(
            index(0, 0), index(rowCount() - 1, ColumnCount - 1), { IsNewRole, Qt::BackgroundRole });
    }
}

const LlmCall *LlmTableModel::callAt(int row) const
{
    return row >= 0 && row < m_calls.size() ? &m_calls.at(row) : nullptr;
}

void LlmTableModel::setUtc(bool utc)
{
    if (utc == m_utc) {
        return;
    }
    m_utc = utc;
    m_zone = utc ? QTimeZone::utc() : QTimeZone::systemTimeZone();
    if (!m_calls.isEmpty()) {
        emit dataChanged(index(0, TimeColumn), index(rowCount() - 1, TimeColumn));
    }
    emit headerDataChanged(Qt::Horizontal, TimeColumn, TimeColumn);
}

void LlmTableModel::setMasker(const SecretMasker &masker)
{
    m_masker = masker;
    maskErrors();
    if (!m_calls.isEmpty()) {
        emit dataChanged(index(0, ErrorColumn), index(rowCount() - 1, ErrorColumn));
    }
}

void LlmTableModel::maskErrors()
{
    // Masked once per page, not in data(): provider errors quote prompts and keys.
    m_errors.clear();
    m_errors.reserve(m_calls.size());
    for (const LlmCall &call : std::as_const(m_calls)) {
        m_errors.append(call.errorStart ? visibleText(m_masker.mask(*call.errorStart)) : QString());
    }
}

QString LlmTableModel::timeText(const AuditTimestamp &at, const QTimeZone &zone)
{
    if (!at.isFinite()) {
        return at.toDisplayString(zone);
    }
    return at.toDateTime(zone).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss."))
        + QStringLiteral("%1").arg(at.microsecondOfSecond(), 6, 10, QLatin1Char('0'));
}

QString LlmTableModel::tokenText(std::optional<qint64> tokens)
{
    return tokens ? QLocale().toString(*tokens) : QString();
}

QString LlmTableModel::cellText(const LlmCall &call, int row, int column) const
{
    switch (column) {
    case TimeColumn:
        return timeText(call.startedAt, m_zone);
    case OperationColumn:
        return optionalText(call.operation);
    case ScopeColumn:
        return optionalText(call.scope);
    case StatusColumn:
        return call.failed() ? tr("error") : tr("success");
    case ProviderColumn:
        return optionalText(call.provider);
    case ModelColumn:
        return optionalText(call.model);
    case BankColumn:
        return call.bankId ? visibleText(*call.bankId) : QStringLiteral("—");
    case TenantColumn:
        return visibleText(call.schema);
    case DurationColumn:
        return call.durationMs ? readableDuration(*call.durationMs * 1000) : QString();
    case InputTokensColumn:
    case OutputTokensColumn:
    case CachedTokensColumn:
    case TotalTokensColumn:
        return tokenText(tokensOf(call, column));
    case ErrorColumn:
        return m_errors.at(row);
    default:
        return {};
    }
}

QString LlmTableModel::toolTip(const LlmCall &call, int row, int column) const
{
    switch (column) {
    case TimeColumn:
        return tr("Started %1\n%2 UTC")
            .arg(call.startedAt.toDisplayString(QTimeZone::systemTimeZone()),
                call.startedAt.toIsoUtc());
    case StatusColumn:
        return call.failed() ? tr("The call failed (status %1)").arg(visibleText(call.status))
                             : tr("The call succeeded");
    case DurationColumn:
        return call.durationMs ? tr("%Ln ms, as Hindsight measured it", "", int(*call.durationMs))
                               : tr("No duration recorded");
    case ErrorColumn:
        return call.errorStart ? m_errors.at(row)
                + (call.errorStart->size() >= LlmCall::kErrorStartLength
                        ? tr("\n… open the call for the whole error")
                        : QString())
                               : QString();
    default:
        return cellText(call, row, column);
    }
}

int LlmTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_calls.size());
}

int LlmTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LlmTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const LlmCall &call = m_calls.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        if (column == ErrorColumn) {
            // One line in the cell; the tooltip and copies keep the line breaks (as pictures).
            return m_errors.at(index.row()).left(200);
        }
        return cellText(call, index.row(), column);
    case RawTextRole:
        switch (column) {
        case TimeColumn:
            return call.startedAt.toDisplayString(m_zone);
        case DurationColumn:
            return call.durationMs ? QString::number(*call.durationMs) + QStringLiteral(" ms")
                                   : QString();
        case InputTokensColumn:
        case OutputTokensColumn:
        case CachedTokensColumn:
        case TotalTokensColumn: {
            const auto tokens = tokensOf(call, column);
            return tokens ? QString::number(*tokens) : QString();
        }
        default:
            return cellText(call, index.row(), column);
        }
    case Qt::ToolTipRole: {
        const QString tip = toolTip(call, index.row(), column);
        return tip.isEmpty() ? QVariant() : QVariant(plainToolTip(tip));
    }
    case Qt::TextAlignmentRole:
        if (column == DurationColumn
            || (column >= InputTokensColumn && column <= TotalTokensColumn)) {
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        }
        return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case CallIdRole:
        return call.id;
    case SchemaRole:
        return call.schema;
    case FailedRole:
        return call.failed();
    case BadgeKeyRole:
        return call.failed() ? QStringLiteral("failed") : QStringLiteral("ok");
    case IsNewRole:
        return m_newIds.contains(call.schema + QLatin1Char('/') + call.id);
    default:
        return {};
    }
}

QVariant LlmTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0
        || section >= ColumnCount) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    return headerText(static_cast<Column>(section), m_utc);
}

QString LlmTableModel::headerText(Column column, bool utc)
{
    switch (column) {
    case TimeColumn:
        return utc ? tr("Started (UTC)") : tr("Started");
    case OperationColumn:
        return tr("Operation");
    case ScopeColumn:
        return tr("Scope");
    case StatusColumn:
        return tr("Status");
    case ProviderColumn:
        return tr("Provider");
    case ModelColumn:
        return tr("Model");
    case BankColumn:
        return tr("Bank");
    case TenantColumn:
        return tr("Tenant");
    case DurationColumn:
        return tr("Duration");
    case InputTokensColumn:
        return tr("Input");
    case OutputTokensColumn:
        return tr("Output");
    case CachedTokensColumn:
        return tr("Cached");
    case TotalTokensColumn:
        return tr("Total tokens");
    case ErrorColumn:
        return tr("Error");
    case ColumnCount:
        break;
    }
    return {};
}
