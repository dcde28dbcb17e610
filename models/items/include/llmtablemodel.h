#pragma once

#include "llmcall.h"
#include "secretmasker.h"

#include <QAbstractTableModel>
#include <QSet>
#include <QTimeZone>

// The page of LLM calls (Hindsight's llm_requests) the table shows: scalar columns, token
// counts and the start of the error, masked and shown by the safe display rule; the
// documents are fetched by the call window for one call. Times show to the microsecond in
// local time or UTC. Thread: the GUI thread.
class LlmTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        TimeColumn,
        OperationColumn,
        ScopeColumn,
        StatusColumn,
        ProviderColumn,
        ModelColumn,
        BankColumn,
        TenantColumn, // the schema a row comes from; shown while many schemas are read
        DurationColumn,
        InputTokensColumn,
        OutputTokensColumn,
        CachedTokensColumn,
        TotalTokensColumn,
        ErrorColumn, // a one-line, masked preview of the error
        ColumnCount
    };
    Q_ENUM(Column)
    enum Role {
        CallIdRole = Qt::UserRole + 1, // QString
        SchemaRole, // QString: the schema the row comes from (its tenant)
        FailedRole, // bool
        IsNewRole, // bool: arrived with the last refresh
        RawTextRole, // the cell's text for copying (full precision, unmasked never)
        BadgeKeyRole, // QString: "ok" or "failed", the audit log's badge of the same meaning
    };

    explicit LlmTableModel(QObject *parent = nullptr);

    // Replaces the page. With `markNew`, calls not on the previous page are flagged
    // (IsNewRole) until clearNewMarks().
    void setCalls(const QList<LlmCall> &calls, bool markNew = false);
    void clearNewMarks();
    const QList<LlmCall> &calls() const { return m_calls; }
    const LlmCall *callAt(int row) const;

    void setUtc(bool utc);
    bool isUtc() const { return m_utc; }
    void setMasker(const SecretMasker &masker);

    // The display forms both LLM tables share: "2026-03-27 11:15:30.123456" in `zone`;
    // "12,345" (grouped by the locale) or empty for NULL.
    static QString timeText(const AuditTimestamp &at, const QTimeZone &zone);
    static QString tokenText(std::optional<qint64> tokens);
    // The header of `column` (the runs table shares the operation, bank, tenant and token ones).
    static QString headerText(Column column, bool utc = false);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString cellText(const LlmCall &call, int row, int column) const;
    QString toolTip(const LlmCall &call, int row, int column) const;
    void maskErrors();

    QList<LlmCall> m_calls;
    QStringList m_errors; // per call: the error start masked and made visible (one line)
    SecretMasker m_masker;
    QSet<QString> m_newIds;
    bool m_utc = false;
    QTimeZone m_zone = QTimeZone::systemTimeZone();
};
