#include "filterbar.h"

#include "actionchecklist.h"
#include "durationtext.h"
#include "theme.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPushButton>
#include <QStandardItemModel>
#include <QStyle>
#include <QStyleOption>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <functional>

namespace {

// The exact database value behind a bank whose display text may have been made visible.
constexpr int kValueRole = Qt::UserRole + 1;

// Calls `handler` for each event the watched object receives; true swallows the event.
class EventHook : public QObject
{
public:
    EventHook(QObject *watched, std::function<bool(QEvent *)> handler)
        : QObject(watched)
        , m_handler(std::move(handler))
    {
        watched->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *, QEvent *event) override { return m_handler(event); }

private:
    std::function<bool(QEvent *)> m_handler;
};

// The style's own drop-down arrow, for the bank field's "show all" button.
QIcon dropDownIcon(const QWidget *widget)
{
    const int size = widget->style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, widget);
    const qreal ratio = widget->devicePixelRatioF();
    QPixmap pixmap(QSize(size, size) * ratio);
    pixmap.setDevicePixelRatio(ratio);
    pixmap.fill(Qt::transparent); // only the arrow is painted
    QPainter painter(&pixmap);
    QStyleOption option;
    option.initFrom(widget);
    option.rect = QRect(0, 0, size, size);
    widget->style()->drawPrimitive(QStyle::PE_IndicatorArrowDown, &option, &painter, widget);
    return QIcon(pixmap);
}

} // namespace

struct FilterBar::Private
{
    explicit Private(FilterBar *bar)
        : q(bar)
    {
    }

    void buildBank();
    void buildMinDuration();
    void buildLayout();
    void wantBankChoices();
    void suggestBanks(); // the completer's list for what is typed, all banks when empty
    void apply();
    void reset();
    // Shows whether the "Slower than" text is a duration (empty is: no minimum).
    bool validateMinDuration();
    void updateApplyEnabled();
    void showTenants();
    // The controls that always stay in the first row.
    QList<QWidget *> rowControls() const
    {
        return { actions, transportCombo, bankEdit, timeRange->presetCombo(), failedCheck,
            minDurationGroup };
    }
    int oneRowWidth() const;
    void updateWrapping();

    FilterBar *q;
    ActionChecklist *actions = nullptr;
    QComboBox *transportCombo = nullptr;
    QLineEdit *bankEdit = nullptr;
    QStandardItemModel *bankModel = nullptr;
    QCompleter *bankCompleter = nullptr;
    bool bankChoicesAsked = false;
    TimeRangePicker *timeRange = nullptr; // also the custom row below the first
    QCheckBox *failedCheck = nullptr;
    QWidget *minDurationGroup = nullptr; // "Slower than" and its field
    QLineEdit *minDurationEdit = nullptr;
    QLineEdit *searchEdit = nullptr;
    QPushButton *applyButton = nullptr;
    QPushButton *resetButton = nullptr;
    QStringList tenants; // the tenant filter (AuditFilter::schemas), set from the table
    QToolButton *tenantChip = nullptr; // shows it; a click removes it

    QVBoxLayout *rows = nullptr;
    QHBoxLayout *topRow = nullptr;
    QHBoxLayout *wrapRow = nullptr;
    QWidget *searchGroup = nullptr;
    bool wrapped = false;
};

void FilterBar::Private::buildBank()
{
    bankEdit = new QLineEdit(q);
    bankEdit->setObjectName(QStringLiteral("bankEdit"));
    bankEdit->setPlaceholderText(FilterBar::tr("All banks"));
    bankEdit->setClearButtonEnabled(true);
    // Fixed: the clear button appearing with the first character would widen the box and
    // shift every control after it.
    bankEdit->setFixedWidth(q->fontMetrics().averageCharWidth() * 26);
    bankEdit->setToolTip(
        FilterBar::tr("Only this memory bank (the id exactly as stored); empty "
                      "for all banks. Suggestions match anywhere. Enter applies."));
    bankEdit->setAccessibleName(FilterBar::tr("Bank"));
    bankModel = new QStandardItemModel(q);
    bankCompleter = new QCompleter(bankModel, q);
    bankCompleter->setCaseSensitivity(Qt::CaseInsensitive);
    bankCompleter->setFilterMode(Qt::MatchContains);
    bankCompleter->setCompletionRole(kValueRole);
    bankCompleter->setMaxVisibleItems(12);
    bankEdit->setCompleter(bankCompleter);
    QAction *allBanks = bankEdit->addAction(dropDownIcon(q), QLineEdit::TrailingPosition);
    allBanks->setToolTip(FilterBar::tr("Show the banks that match (Down arrow)"));
    QObject::connect(allBanks, &QAction::triggered, q, [this] { suggestBanks(); });
    QObject::connect(bankEdit, &QLineEdit::textEdited, q, [this] { wantBankChoices(); });
    QObject::connect(bankEdit, &QLineEdit::returnPressed, q, [this] { apply(); });
    new EventHook(bankEdit, [this](QEvent *event) {
        if (event->type() == QEvent::FocusIn) {
            wantBankChoices();
        } else if (event->type() == QEvent::KeyPress
            && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Down) {
            suggestBanks();
            return true;
        }
        return false;
    });
}

void FilterBar::Private::buildMinDuration()
{
    minDurationGroup = new QWidget(q);
    minDurationEdit = new QLineEdit(minDurationGroup);
    minDurationEdit->setObjectName(QStringLiteral("minDurationEdit"));
    minDurationEdit->setPlaceholderText(FilterBar::tr("e.g. 5s"));
    minDurationEdit->setAccessibleName(FilterBar::tr("Slower than"));
    minDurationEdit->setMaximumWidth(q->fontMetrics().averageCharWidth() * 11);
    minDurationEdit->setMinimumWidth(q->fontMetrics().averageCharWidth() * 8);
    auto *label = new QLabel(FilterBar::tr("Slower &than"), minDurationGroup);
    label->setBuddy(minDurationEdit);
    auto *layout = new QHBoxLayout(minDurationGroup);
    layout->setContentsMargins(QMargins());
    layout->setSpacing(q->fontMetrics().averageCharWidth());
    layout->addWidget(label);
    layout->addWidget(minDurationEdit);
    QObject::connect(minDurationEdit, &QLineEdit::textChanged, q, [this] {
        validateMinDuration();
        updateApplyEnabled();
    });
    QObject::connect(minDurationEdit, &QLineEdit::returnPressed, q, [this] { apply(); });
    validateMinDuration();
}

bool FilterBar::Private::validateMinDuration()
{
    const QString text = minDurationEdit->text();
    const bool valid = text.trimmed().isEmpty() || parseDuration(text).has_value();
    const QString border = valid ? QString() : Theme::invalidBorder(QStringLiteral("QLineEdit"));
    if (minDurationEdit->styleSheet() != border) { // restyling while typing moves the cursor
        minDurationEdit->setStyleSheet(border);
    }
    minDurationEdit->setToolTip(valid
            ? FilterBar::tr("Only calls that ended and took at least this long: 500us, 250ms, "
                            "5s, 1.5s, 2m or 1h (a number alone is seconds). Calls still in "
                            "flight have no duration and are left out. Enter applies.")
            : FilterBar::tr("“%1” is not a duration; type %2.").arg(text, durationSyntaxHint()));
    return valid;
}

void FilterBar::Private::updateApplyEnabled()
{
    applyButton->setEnabled(timeRange->isValid() && validateMinDuration());
}

void FilterBar::Private::buildLayout()
{
    searchGroup = new QWidget(q);
    auto *searchLayout = new QHBoxLayout(searchGroup);
    searchLayout->setContentsMargins(QMargins());
    searchLayout->addWidget(tenantChip);
    searchLayout->addWidget(searchEdit, 1);
    searchLayout->addWidget(applyButton);
    searchLayout->addWidget(resetButton);

    rows = new QVBoxLayout(q);
    topRow = new QHBoxLayout;
    wrapRow = new QHBoxLayout;
    for (QWidget *control : rowControls()) {
        topRow->addWidget(control);
    }
    topRow->addStretch(0);
    topRow->addWidget(searchGroup, 1);
    rows->addLayout(topRow);
    rows->addLayout(wrapRow);
    rows->addWidget(timeRange);

    // The custom range sits below but belongs to the time range in keyboard order.
    const QList<QWidget *> order = QList<QWidget *> { actions, transportCombo, bankEdit }
        + timeRange->tabOrder()
        + QList<QWidget *> { failedCheck, minDurationEdit, searchEdit, applyButton, resetButton };
    for (qsizetype i = 1; i < order.size(); ++i) {
        QWidget::setTabOrder(order[i - 1], order[i]);
    }
}

void FilterBar::Private::wantBankChoices()
{
    if (!bankChoicesAsked) {
        bankChoicesAsked = true;
        emit q->bankChoicesWanted();
    }
}

void FilterBar::Private::suggestBanks()
{
    wantBankChoices();
    bankCompleter->setCompletionPrefix(bankEdit->text());
    bankCompleter->complete();
}

void FilterBar::Private::apply()
{
    // Both show what is wrong; neither applies a filter other than the one shown.
    const bool durationValid = validateMinDuration();
    if (timeRange->validate() && durationValid) {
        emit q->filterApplied(q->filter());
    }
}

void FilterBar::Private::reset()
{
    actions->closeChecklist();
    actions->setSelectedActions({});
    transportCombo->setCurrentIndex(0);
    bankEdit->clear();
    failedCheck->setChecked(false);
    searchEdit->clear();
    minDurationEdit->clear();
    timeRange->clear();
    tenants.clear();
    showTenants();
    apply();
}

void FilterBar::Private::showTenants()
{
    tenantChip->setVisible(!tenants.isEmpty());
    tenantChip->setText(tenants.size() == 1
            ? FilterBar::tr("Tenant: %1 ✕").arg(visibleText(tenants.constFirst()))
            : FilterBar::tr("%n tenants ✕", nullptr, int(tenants.size())));
    tenantChip->setToolTip(
        plainToolTip(FilterBar::tr("Only the rows of %1. Click to show every tenant again.")
                         .arg(visibleText(tenants.join(QLatin1String(", "))))));
}

int FilterBar::Private::oneRowWidth() const
{
    int width = searchGroup->minimumSizeHint().width();
    for (const QWidget *control : rowControls()) {
        width += control->sizeHint().width() + topRow->spacing();
    }
    const QMargins margins = rows->contentsMargins();
    return width + margins.left() + margins.right();
}

void FilterBar::Private::updateWrapping()
{
    if (!rows) {
        return;
    }
    const bool wrap = q->width() < oneRowWidth();
    if (wrap == wrapped) {
        return;
    }
    wrapped = wrap;
    if (wrap) {
        topRow->removeWidget(searchGroup);
        wrapRow->addWidget(searchGroup);
    } else {
        wrapRow->removeWidget(searchGroup);
        topRow->addWidget(searchGroup, 1);
    }
}

FilterBar::FilterBar(QWidget *parent)
    : QWidget(parent)
    , d(new Private(this))
{
    const int charWidth = fontMetrics().averageCharWidth();
    d->actions = new ActionChecklist(this);
    connect(d->actions, &ActionChecklist::actionsChosen, this, [this] { d->apply(); });
    connect(d->actions, &ActionChecklist::summaryChanged, this, [this] { d->updateWrapping(); });

    d->transportCombo = new QComboBox(this);
    d->transportCombo->setObjectName(QStringLiteral("transportCombo"));
    d->transportCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    d->transportCombo->setMaximumWidth(charWidth * 30);
    d->transportCombo->setToolTip(tr("How the call reached Hindsight: http, mcp or system"));
    d->transportCombo->setAccessibleName(tr("Transport"));
    setTransportChoices({});

    d->buildBank();
    d->timeRange = new TimeRangePicker(this);

    d->failedCheck = new QCheckBox(tr("Failed only"), this);
    d->failedCheck->setObjectName(QStringLiteral("failedOnlyCheck"));
    d->failedCheck->setToolTip(tr("Only calls that ended without a response (the operation "
                                  "raised an error)"));
    d->buildMinDuration();

    d->searchEdit = new QLineEdit(this);
    d->searchEdit->setObjectName(QStringLiteral("searchEdit"));
    d->searchEdit->setPlaceholderText(tr("Search request and response…"));
    d->searchEdit->setClearButtonEnabled(true);
    d->searchEdit->setMinimumWidth(charWidth * 18);
    d->searchEdit->setToolTip(tr("Text to find in the request and response JSON, literally "
                                 "and ignoring case. Enter applies."));
    d->searchEdit->setAccessibleName(tr("Search"));
    connect(d->searchEdit, &QLineEdit::returnPressed, this, [this] { d->apply(); });

    d->applyButton = new QPushButton(tr("Apply"), this);
    d->applyButton->setObjectName(QStringLiteral("applyButton"));
    d->applyButton->setDefault(true);
    d->applyButton->setToolTip(tr("Show the entries that match these filters (Enter)"));
    d->resetButton = new QPushButton(tr("Reset"), this);
    d->resetButton->setObjectName(QStringLiteral("resetButton"));
    d->resetButton->setToolTip(tr("Clear every filter and show all entries"));
    connect(d->applyButton, &QPushButton::clicked, this, [this] { d->apply(); });
    connect(d->resetButton, &QPushButton::clicked, this, [this] { d->reset(); });
    d->tenantChip = new QToolButton(this);
    d->tenantChip->setObjectName(QStringLiteral("tenantChip"));
    d->tenantChip->setAccessibleName(tr("Tenant filter"));
    connect(d->tenantChip, &QToolButton::clicked, this, [this] { setTenantFilter({}); });
    d->showTenants();

    d->buildLayout();

    connect(d->transportCombo, &QComboBox::activated, this, [this] { d->apply(); });
    connect(d->failedCheck, &QCheckBox::clicked, this, [this] { d->apply(); });
    connect(d->timeRange, &TimeRangePicker::presetChosen, this, [this] { d->apply(); });
    connect(d->timeRange, &TimeRangePicker::returnPressed, this, [this] { d->apply(); });
    connect(
        d->timeRange, &TimeRangePicker::validityChanged, this, [this] { d->updateApplyEnabled(); });
}

FilterBar::~FilterBar()
{
    delete d;
}

AuditFilter FilterBar::filter() const
{
    AuditFilter filter;
    filter.actions = d->actions->selectedActions();
    filter.transport = d->transportCombo->currentData().toString();
    if (!d->bankEdit->text().isEmpty()) {
        filter.bank = d->bankEdit->text();
    }
    filter.since = d->timeRange->since();
    filter.until = d->timeRange->until();
    filter.failedOnly = d->failedCheck->isChecked();
    filter.search = d->searchEdit->text();
    filter.minDurationMicros = parseDuration(d->minDurationEdit->text()); // none while invalid
    filter.schemas = d->tenants;
    return filter;
}

void FilterBar::setFilter(const AuditFilter &filter)
{
    d->actions->setSelectedActions(filter.actions);
    d->transportCombo->setCurrentIndex(0);
    if (!filter.transport.isEmpty()) {
        if (d->transportCombo->findData(filter.transport) < 0) {
            d->transportCombo->addItem(visibleText(filter.transport), filter.transport);
        }
        d->transportCombo->setCurrentIndex(d->transportCombo->findData(filter.transport));
    }
    d->bankEdit->setText(filter.bank.value_or(QString()));
    d->failedCheck->setChecked(filter.failedOnly);
    d->searchEdit->setText(filter.search);
    d->minDurationEdit->setText(
        filter.minDurationMicros ? formatDuration(*filter.minDurationMicros) : QString());
    d->timeRange->setBounds(filter.since, filter.until);
    d->tenants = filter.schemas;
    d->showTenants();
}

void FilterBar::setTenantFilter(const QStringList &schemas)
{
    d->tenants = schemas;
    d->showTenants();
    d->apply();
}

FilterBar::TimeRange FilterBar::timeRange() const
{
    return d->timeRange->range();
}

void FilterBar::setTimeRange(TimeRange range)
{
    d->timeRange->setRange(range);
}

void FilterBar::setActionChoices(const QStringList &actions)
{
    d->actions->setChoices(actions);
}

void FilterBar::setTransportChoices(const QStringList &transports)
{
    const QString current = d->transportCombo->currentData().toString();
    QStringList all = transports;
    if (!current.isEmpty() && !all.contains(current)) {
        all.append(current);
    }
    all.removeDuplicates();
    d->transportCombo->clear();
    d->transportCombo->addItem(tr("All transports"), QString());
    for (const QString &transport : std::as_const(all)) {
        d->transportCombo->addItem(visibleText(transport), transport);
    }
    d->transportCombo->setCurrentIndex(current.isEmpty() ? 0 : int(all.indexOf(current)) + 1);
    d->updateWrapping();
}

void FilterBar::setBankChoices(const QStringList &banks)
{
    // Only the completer's model changes: what the operator typed stays as it is.
    d->bankModel->clear();
    for (const QString &bank : banks) {
        auto *item = new QStandardItem(visibleText(bank));
        item->setData(bank, kValueRole);
        item->setEditable(false);
        d->bankModel->appendRow(item);
    }
    if (d->bankEdit->hasFocus() && !d->bankEdit->text().isEmpty()) {
        d->bankCompleter->setCompletionPrefix(d->bankEdit->text());
        d->bankCompleter->complete();
    }
}

void FilterBar::setTimeZone(const QTimeZone &zone)
{
    d->timeRange->setTimeZone(zone);
}

QTimeZone FilterBar::timeZone() const
{
    return d->timeRange->timeZone();
}

bool FilterBar::isRangeValid() const
{
    return d->timeRange->isValid();
}

QSize FilterBar::minimumSizeHint() const
{
    int row = 0;
    for (const QWidget *control : d->rowControls()) {
        row += control->minimumSizeHint().width() + d->topRow->spacing();
    }
    const QMargins margins = d->rows->contentsMargins();
    const int width = std::max({ row, d->searchGroup->minimumSizeHint().width(),
        d->timeRange->isHidden() ? 0 : d->timeRange->minimumSizeHint().width() });
    return { width + margins.left() + margins.right(), QWidget::minimumSizeHint().height() };
}

void FilterBar::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    d->updateWrapping();
}
