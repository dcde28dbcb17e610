#pragma once

#include "llmcall.h"

#include <QAbstractTableModel>

// The LLM runs attributed to one audit entry, one row each: operation, first start (in the
// window's zone), wall time, calls, errors, tokens, and which other entries it may belong to.
// Thread: the GUI thread.
class LlmAttributedRunsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        Operation,
        FirstStart,
        WallTime,
        Calls,
        Errors,
        InputTokens,
        OutputTokens,
        CachedTokens,
        TotalTokens,
        Attribution,
        ColumnCount
    };

    using QAbstractTableModel::QAbstractTableModel;

    void setRuns(const QList<LlmAttributedRun> &runs);
    const QList<LlmAttributedRun> &runs() const { return m_runs; }
    void setUtc(bool utc);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<LlmAttributedRun> m_runs;
    bool m_utc = false;
};
