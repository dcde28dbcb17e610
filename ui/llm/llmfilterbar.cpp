#include "llmfilterbar.h"

#include "actionchecklist.h"
#include "displaytext.h"

#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QIntValidator>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace {

// The combo's value as a one-value list (empty: any). Items show the safe display form and
// hold the exact value; an editable combo may hold typed text.
QStringList chosen(const QComboBox *combo)
{
    if (combo->isEditable()) {
        const QString text = combo->currentText().trimmed();
        const int index = combo->findText(text);
        const QString value = index > 0 ? combo->itemData(index).toString() : text;
        return value.isEmpty() ? QStringList() : QStringList { value };
    }
    return combo->currentIndex() > 0 ? QStringList { combo->currentData().toString() }
                                     : QStringList();
}

void showChoice(QComboBox *combo, const QStringList &values)
{
    if (values.isEmpty()) {
        combo->setCurrentIndex(0);
        return;
    }
    const int index = combo->findData(values.first());
    if (index >= 0) {
        combo->setCurrentIndex(index);
    } else if (combo->isEditable()) {
        combo->setEditText(values.first());
    }
}

std::optional<QString> textOf(const QLineEdit *edit)
{
    const QString text = edit->text().trimmed();
    return text.isEmpty() ? std::nullopt : std::optional<QString>(text);
}

} // namespace

LlmFilterBar::LlmFilterBar(QWidget *parent)
    : QWidget(parent)
    , m_operations(new ActionChecklist)
    , m_models(new ActionChecklist)
    , m_time(new TimeRangePicker)
    , m_tenantChip(new QToolButton)
{
    m_operations->setObjectName(QStringLiteral("llmOperationsCombo"));
    m_operations->setWording({ tr("All operations"), tr("Operations"), tr("Filter operations…"),
        tr("Operations to show (retain, reflect, consolidation, …); several can be checked."),
        [](int n) { return tr("%n operations", nullptr, n); } });
    m_models->setObjectName(QStringLiteral("llmModelsCombo"));
    m_models->setWording({ tr("All models"), tr("Models"), tr("Filter models…"),
        tr("Models to show; several can be checked."),
        [](int n) { return tr("%n models", nullptr, n); } });

    auto *rows = new QVBoxLayout(this);
    rows->setContentsMargins(0, 0, 0, 0);
    rows->setSpacing(4);
    auto *first = new QHBoxLayout;
    auto *second = new QHBoxLayout;
    rows->addLayout(first);
    rows->addLayout(second);
    rows->addWidget(m_time);

    first->addWidget(m_operations);
    m_status = addChoiceCombo(QStringLiteral("llmStatusCombo"), tr("Any status"),
        tr("Only successful calls, or only failed ones"));
    m_status->addItem(tr("success"), QStringLiteral("success"));
    m_status->addItem(tr("error"), QStringLiteral("error"));
    first->addWidget(m_status);
    m_scope = addChoiceCombo(QStringLiteral("llmScopeCombo"), tr("Any scope"),
        tr("The call site inside the operation (retain_extract_facts, reflect_tool_call, …)"));
    first->addWidget(m_scope);
    m_provider = addChoiceCombo(
        QStringLiteral("llmProviderCombo"), tr("Any provider"), tr("The LLM provider"));
    first->addWidget(m_provider);
    first->addWidget(m_models);
    m_bank = addChoiceCombo(QStringLiteral("llmBankCombo"), tr("Any bank"), tr("The memory bank"));
    m_bank->setEditable(true);
    m_bank->setItemText(0, QString());
    m_bank->setMinimumWidth(fontMetrics().averageCharWidth() * 22);
    m_bank->lineEdit()->setPlaceholderText(tr("Any bank"));
    connect(m_bank->lineEdit(), &QLineEdit::returnPressed, this, &LlmFilterBar::apply);
    first->addWidget(m_bank);
    first->addWidget(m_time->presetCombo());
    m_slowerThan = addLineEdit(QStringLiteral("llmSlowerThanEdit"), tr("Slower than (ms)"),
        tr("Only calls that took at least this many milliseconds"));
    m_slowerThan->setValidator(new QIntValidator(0, INT_MAX, m_slowerThan));
    m_slowerThan->setMaximumWidth(fontMetrics().averageCharWidth() * 18);
    first->addWidget(m_slowerThan);
    first->addStretch(1);

    m_search = addLineEdit(QStringLiteral("llmSearchEdit"), tr("Search input, output and error…"),
        tr("Literal text, any case, in the input messages, the output and the error"));
    second->addWidget(m_search, 3);
    m_trace = addLineEdit(QStringLiteral("llmTraceEdit"), tr("Run (trace id)"),
        tr("Only the calls of one run: its trace id"));
    second->addWidget(m_trace, 2);
    m_document = addLineEdit(QStringLiteral("llmDocumentEdit"), tr("Document id"),
        tr("Calls whose metadata names this document"));
    second->addWidget(m_document, 1);
    m_memory = addLineEdit(QStringLiteral("llmMemoryEdit"), tr("Memory id"),
        tr("Calls of runs that created or read this memory"));
    second->addWidget(m_memory, 1);
    m_tenantChip->setObjectName(QStringLiteral("llmTenantChip"));
    m_tenantChip->setAccessibleName(tr("Tenant filter"));
    m_tenantChip->hide();
    connect(m_tenantChip, &QToolButton::clicked, this, [this] { setTenantFilter({}); });
    second->addWidget(m_tenantChip);
    auto *applyButton = new QPushButton(tr("Apply"));
    applyButton->setObjectName(QStringLiteral("llmApplyButton"));
    auto *resetButton = new QPushButton(tr("Reset"));
    resetButton->setObjectName(QStringLiteral("llmResetButton"));
    resetButton->setToolTip(tr("Clear every filter and show all calls"));
    second->addWidget(applyButton);
    second->addWidget(resetButton);

    connect(applyButton, &QPushButton::clicked, this, &LlmFilterBar::apply);
    connect(resetButton, &QPushButton::clicked, this, &LlmFilterBar::reset);
    connect(m_operations, &ActionChecklist::actionsChosen, this, &LlmFilterBar::apply);
    connect(m_models, &ActionChecklist::actionsChosen, this, &LlmFilterBar::apply);
    connect(m_time, &TimeRangePicker::presetChosen, this, &LlmFilterBar::apply);
    connect(m_time, &TimeRangePicker::returnPressed, this, &LlmFilterBar::apply);
}

QComboBox *LlmFilterBar::addChoiceCombo(
    const QString &name, const QString &any, const QString &toolTip)
{
    auto *combo = new QComboBox;
    combo->setObjectName(name);
    combo->addItem(any);
    combo->setToolTip(toolTip);
    combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(combo, &QComboBox::activated, this, &LlmFilterBar::apply);
    return combo;
}

QLineEdit *LlmFilterBar::addLineEdit(
    const QString &name, const QString &placeholder, const QString &toolTip)
{
    auto *edit = new QLineEdit;
    edit->setObjectName(name);
    edit->setPlaceholderText(placeholder);
    edit->setToolTip(toolTip);
    edit->setClearButtonEnabled(true);
    connect(edit, &QLineEdit::returnPressed, this, &LlmFilterBar::apply);
    return edit;
}

LlmFilter LlmFilterBar::filter() const
{
    LlmFilter filter;
    filter.operations = m_operations->selectedActions();
    filter.models = m_models->selectedActions();
    if (m_status->currentIndex() > 0) {
        filter.statuses = { m_status->currentData().toString() };
    }
    filter.scopes = chosen(m_scope);
    filter.providers = chosen(m_provider);
    const QStringList bank = chosen(m_bank);
    if (!bank.isEmpty()) {
        filter.bank = bank.first();
    }
    filter.since = m_time->since();
    filter.until = m_time->until();
    if (!m_slowerThan->text().isEmpty()) {
        filter.minDurationMs = m_slowerThan->text().toLongLong();
    }
    filter.traceId = textOf(m_trace);
    filter.documentId = textOf(m_document);
    filter.memoryId = textOf(m_memory);
    filter.search = m_search->text();
    filter.schemas = m_tenants;
    return filter;
}

void LlmFilterBar::setFilter(const LlmFilter &filter)
{
    m_filling = true;
    m_operations->setSelectedActions(filter.operations);
    m_models->setSelectedActions(filter.models);
    m_status->setCurrentIndex(filter.statuses.isEmpty() ? 0
            : m_status->findData(filter.statuses.first()) > 0
            ? m_status->findData(filter.statuses.first())
            : 0);
    showChoice(m_scope, filter.scopes);
    showChoice(m_provider, filter.providers);
    m_bank->setEditText(filter.bank.value_or(QString()));
    m_time->setBounds(filter.since, filter.until);
    m_slowerThan->setText(
        filter.minDurationMs ? QString::number(*filter.minDurationMs) : QString());
    m_trace->setText(filter.traceId.value_or(QString()));
    m_document->setText(filter.documentId.value_or(QString()));
    m_memory->setText(filter.memoryId.value_or(QString()));
    m_search->setText(filter.search);
    m_filling = false;
}

void LlmFilterBar::setTenantFilter(const QStringList &schemas)
{
    m_tenants = schemas;
    m_tenantChip->setVisible(!schemas.isEmpty());
    m_tenantChip->setText(schemas.size() == 1 ? tr("Tenant: %1 ✕").arg(visibleText(schemas.first()))
                                              : tr("%n tenants ✕", nullptr, int(schemas.size())));
    m_tenantChip->setToolTip(tr("Only the calls of these tenants; click to show every tenant"));
    apply();
}

TimeRangePicker::Range LlmFilterBar::timeRange() const
{
    return m_time->range();
}

void LlmFilterBar::setTimeRange(TimeRangePicker::Range range)
{
    m_time->setRange(range);
}

void LlmFilterBar::setTimeZone(const QTimeZone &zone)
{
    m_time->setTimeZone(zone);
}

void LlmFilterBar::setChoices(Choice which, const QStringList &values)
{
    if (which == Choice::Operation) {
        m_operations->setChoices(values);
        return;
    }
    if (which == Choice::Model) {
        m_models->setChoices(values);
        return;
    }
    if (which == Choice::Status) {
        return; // success and error are fixed
    }
    QComboBox *combo = which == Choice::Scope ? m_scope
        : which == Choice::Provider           ? m_provider
                                              : m_bank;
    const QStringList current = chosen(combo);
    while (combo->count() > 1) {
        combo->removeItem(1);
    }
    for (const QString &value : values) {
        // The item shows the safe display form; its data is the exact value.
        combo->addItem(visibleText(value), value);
    }
    if (combo->isEditable()) {
        combo->setEditText(current.value(0));
    } else {
        showChoice(combo, current);
    }
}

void LlmFilterBar::apply()
{
    if (m_filling || !m_time->validate()) {
        return;
    }
    emit filterApplied(filter());
}

void LlmFilterBar::reset()
{
    setFilter(LlmFilter());
    m_time->clear();
    m_tenants.clear();
    m_tenantChip->hide();
    apply();
}
