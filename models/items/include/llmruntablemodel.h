#pragma once

#include "llmcall.h"

#include <QAbstractTableModel>
#include <QTimeZone>

// A page of LLM runs (every call of one operation run, sharing a trace_id): one row per run
// with its operation, bank, first start, wall time, calls, errors and token totals.
// Thread: the GUI thread.
class LlmRunTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        StartColumn,
        OperationColumn,
        BankColumn,
        TenantColumn,
        WallTimeColumn,
        CallsColumn,
        ErrorsColumn,
        InputTokensColumn,
        OutputTokensColumn,
        CachedTokensColumn,
        TotalTokensColumn,
        ModelsColumn,
        ColumnCount
    };
    Q_ENUM(Column)
    enum Role {
        RunKeyRole = Qt::UserRole + 1, // QString: LlmRun::key
        SchemaRole, // QString
    };

    explicit LlmRunTableModel(QObject *parent = nullptr);

    void setRuns(const QList<LlmRun> &runs);
    const QList<LlmRun> &runs() const { return m_runs; }
    const LlmRun *runAt(int row) const;
    void setUtc(bool utc);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString cellText(const LlmRun &run, int column) const;

    QList<LlmRun> m_runs;
    bool m_utc = false;
    QTimeZone m_zone = QTimeZone::systemTimeZone();
};
