#pragma once

#include "llmfilter.h"
#include "timerangepicker.h"

#include <QWidget>

class ActionChecklist;
class QComboBox;
class QLineEdit;
class QToolButton;

// The filter controls above the table of LLM calls: operations and models (several at once,
// ActionChecklist), status, scope, provider and bank (choices loaded from the database, or
// typed), the time range (TimeRangePicker), "slower than" in milliseconds, the run (trace
// id), document and memory, and a literal search in input, output and error. Picking a choice
// applies at once; typed text applies on Enter or Apply; Reset clears every control and
// applies. Reading many schemas, the tenant filter shows as a chip that removes it. Controls
// carry object names for tests. Thread: the GUI thread.
class LlmFilterBar : public QWidget
{
    Q_OBJECT
public:
    explicit LlmFilterBar(QWidget *parent = nullptr);

    // What the controls say now (a preset range counted back from now).
    LlmFilter filter() const;
    // Shows `filter` (since/until as a custom range) without applying it.
    void setFilter(const LlmFilter &filter);
    void setTenantFilter(const QStringList &schemas); // applies
    TimeRangePicker::Range timeRange() const;
    void setTimeRange(TimeRangePicker::Range range);
    void setTimeZone(const QTimeZone &zone);

    enum class Choice { Operation, Status, Scope, Provider, Model, Bank };
    void setChoices(Choice which, const QStringList &values);

signals:
    void filterApplied(const LlmFilter &filter);

private:
    QComboBox *addChoiceCombo(const QString &name, const QString &any, const QString &toolTip);
    QLineEdit *addLineEdit(const QString &name, const QString &placeholder, const QString &toolTip);
    void apply();
    void reset();

    ActionChecklist *m_operations;
    ActionChecklist *m_models;
    QComboBox *m_status;
    QComboBox *m_scope;
    QComboBox *m_provider;
    QComboBox *m_bank;
    TimeRangePicker *m_time;
    QLineEdit *m_slowerThan;
    QLineEdit *m_trace;
    QLineEdit *m_document;
    QLineEdit *m_memory;
    QLineEdit *m_search;
    QToolButton *m_tenantChip;
    QStringList m_tenants;
    bool m_filling = false;
};
