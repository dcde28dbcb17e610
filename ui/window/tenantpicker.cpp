#include "tenantpicker.h"

#include "tenantlistmodel.h"

#include <QComboBox>
#include <QCompleter>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QScrollBar>

TenantPicker::TenantPicker(QWidget *parent)
    : QWidget(parent)
    , m_label(new QLabel(tr("Te&nant:")))
    , m_combo(new QComboBox)
    , m_model(new TenantListModel(this))
{
    setObjectName(QStringLiteral("tenantPicker"));
    m_combo->setObjectName(QStringLiteral("tenantCombo"));
    m_combo->setEditable(true);
    m_combo->setInsertPolicy(QComboBox::NoInsert);
    m_combo->setModel(m_model);
    // Measuring thousands of names for the width would stall the window: a fixed length.
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_combo->setMinimumContentsLength(28);
    m_combo->setMaxVisibleItems(20);
    if (auto *list = qobject_cast<QListView *>(m_combo->view())) {
        list->setUniformItemSizes(true);
    }
    m_combo->lineEdit()->setPlaceholderText(tr("Schema or pattern (tenant_%)"));
    m_combo->setToolTip(tr("The tenants read as one log: all of them, the schemas matching a "
                           "pattern (type tenant_% and press Enter), or one schema"));
    auto *completer = new QCompleter(m_model, m_combo);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    completer->setCompletionMode(QCompleter::PopupCompletion);
    completer->setMaxVisibleItems(20);
    m_combo->setCompleter(completer);
    m_label->setBuddy(m_combo);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(QMargins());
    layout->addWidget(m_label);
    layout->addWidget(m_combo);
    layout->addStretch(1);

    connect(m_combo, &QComboBox::activated, this, &TenantPicker::chooseRow);
    // Typed text that names no row is a pattern (QComboBox itself chooses a row it names).
    connect(m_combo->lineEdit(), &QLineEdit::returnPressed, this,
        [this] { chooseText(m_combo->currentText()); });
    // Typed and left without Enter: the field shows what is read again.
    connect(m_combo->lineEdit(), &QLineEdit::editingFinished, this, [this] {
        if (!m_combo->lineEdit()->hasFocus()) {
            showCurrent();
        }
    });
    updateVisibility();
}

void TenantPicker::setTable(const AuditTableRef &table)
{
    m_table = table;
    if (table.isMultiSchema()) {
        m_model->setPattern(table.schemaPattern);
    }
    showCurrent();
    updateVisibility();
}

void TenantPicker::setSchemas(const QList<AuditSchema> &schemas)
{
    m_model->setSchemas(schemas);
    // The list may be wider than the field: "All tenants (1,000 schemas, about 2,000,000 rows)"
    // is its longest line (the schema rows are measured by none: thousands of them).
    const int margin = 4 * m_combo->fontMetrics().averageCharWidth()
        + m_combo->view()->verticalScrollBar()->sizeHint().width();
    m_combo->view()->setMinimumWidth(
        m_combo->fontMetrics().horizontalAdvance(m_model->index(0).data().toString()) + margin);
    showCurrent();
    updateVisibility();
}

void TenantPicker::chooseText(const QString &typed)
{
    const QString text = typed.trimmed();
    if (text.isEmpty()) {
        showCurrent();
        return;
    }
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex index = m_model->index(row);
        if (index.data(Qt::EditRole).toString() == text
            || index.data(Qt::DisplayRole).toString() == text) {
            chooseRow(row);
            return;
        }
    }
    m_model->setPattern(text);
    chooseRow(m_model->rowOfPattern(text));
}

void TenantPicker::chooseRow(int row)
{
    const QModelIndex index = m_model->index(row);
    if (!index.isValid() || !(m_model->flags(index) & Qt::ItemIsEnabled)) {
        showCurrent();
        return;
    }
    AuditTableRef chosen = m_table;
    const QString pattern = index.data(TenantListModel::PatternRole).toString();
    if (!pattern.isEmpty()) {
        chosen.schemaPattern = pattern;
    } else {
        chosen = m_table.inSchema(index.data(TenantListModel::SchemaRole).toString());
    }
    const bool changed = chosen != m_table;
    m_table = chosen;
    showCurrent();
    if (changed) {
        emit tableChosen(chosen);
    }
}

void TenantPicker::showCurrent()
{
    const int row = m_table.isMultiSchema() ? m_model->rowOfPattern(m_table.schemaPattern)
                                            : m_model->rowOfSchema(m_table.schema);
    const QSignalBlocker blocker(m_combo);
    m_combo->setCurrentIndex(row);
    if (row < 0) {
        m_combo->setEditText(m_table.isMultiSchema() ? m_table.schemaPattern : m_table.schema);
    }
}

void TenantPicker::updateVisibility()
{
    const bool wanted = m_table.isMultiSchema() || m_model->schemas().size() > 1;
    if (wanted != m_wanted) {
        m_wanted = wanted;
        emit wantedChanged(wanted);
    }
}
