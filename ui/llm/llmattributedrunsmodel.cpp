#include "llmattributedrunsmodel.h"

#include "displaytext.h"
#include "llmtext.h"
#include "theme.h"

#include <QGuiApplication>
#include <QLocale>
#include <QPalette>
#include <QTimeZone>

void LlmAttributedRunsModel::setRuns(const QList<LlmAttributedRun> &runs)
{
    beginResetModel();
    m_runs = runs;
    endResetModel();
}

void LlmAttributedRunsModel::setUtc(bool utc)
{
    m_utc = utc;
    if (!m_runs.isEmpty()) {
        emit dataChanged(index(0, FirstStart), index(rowCount() - 1, FirstStart));
    }
}

int LlmAttributedRunsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_runs.size());
}

int LlmAttributedRunsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LlmAttributedRunsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    const LlmAttributedRun &attributed = m_runs[index.row()];
    const LlmRun &run = attributed.run;
    const QLocale locale;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Operation:
            return run.operation.isEmpty() ? tr("(none)") : visibleText(run.operation);
        case FirstStart:
            return run.firstStart.toDisplayString(
                m_utc ? QTimeZone::utc() : QTimeZone::systemTimeZone());
        case WallTime:
            return LlmText::wallTime(run);
        case Calls:
            return locale.toString(run.calls);
        case Errors:
            return run.errors > 0 ? QStringLiteral("✖ ") + locale.toString(run.errors)
                                  : locale.toString(run.errors);
        case InputTokens:
            return locale.toString(run.tokens.input);
        case OutputTokens:
            return locale.toString(run.tokens.output);
        case CachedTokens:
            return locale.toString(run.tokens.cached);
        case TotalTokens:
            return locale.toString(run.tokens.total);
        case Attribution:
            return attributed.otherEntryIds.isEmpty()
                ? tr("this entry only")
                : tr("⚠ ambiguous: also %1")
                      .arg(attributed.otherEntryIds.join(QStringLiteral(", ")));
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() >= Calls && index.column() <= TotalTokens) {
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    }
    if (role == Qt::ForegroundRole
        && ((index.column() == Errors && run.errors > 0)
            || (index.column() == Attribution && !attributed.otherEntryIds.isEmpty()))) {
        return Theme::errorText(QGuiApplication::palette());
    }
    if (role == Qt::ToolTipRole) {
        return plainToolTip(tr("Run %1 of bank %2, models: %3")
                                .arg(visibleText(run.key), LlmText::orNone(run.bankId),
                                    visibleText(run.models.join(QStringLiteral(", ")))));
    }
    return {};
}

QVariant LlmAttributedRunsModel::headerData(
    int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case Operation:
        return tr("Operation");
    case FirstStart:
        return tr("First start");
    case WallTime:
        return tr("Wall time");
    case Calls:
        return tr("Calls");
    case Errors:
        return tr("Errors");
    case InputTokens:
        return tr("Input tokens");
    case OutputTokens:
        return tr("Output tokens");
    case CachedTokens:
        return tr("Cached tokens");
    case TotalTokens:
        return tr("Total tokens");
    case Attribution:
        return tr("Attribution");
    default:
        return {};
    }
}
