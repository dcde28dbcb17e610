#include "filterbar.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDateTimeEdit>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QPushButton>
#include <QScreen>
#include <QStandardItemModel>
#include <QStyle>
#include <QStyleOption>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <functional>

namespace {

// The exact database value behind an item whose display text may have been made visible.
constexpr int kValueRole = Qt::UserRole + 1;

// Database text as shown: control and bidi/format characters become "<U+202E>" marks
// instead of acting on the text around them. Values sent back stay exact.
QString visibleText(const QString &text)
{
    const auto hidden = [](char32_t c) {
        const QChar::Category category = QChar::category(c);
        return category == QChar::Other_Control || category == QChar::Other_Format;
    };
    const QList<uint> codePoints = text.toUcs4();
    if (std::none_of(codePoints.begin(), codePoints.end(), hidden)) {
        return text;
    }
    QString shown;
    for (const uint c : codePoints) {
        const char32_t codePoint = c;
        shown += hidden(codePoint)
            ? QStringLiteral("<U+%1>").arg(c, 4, 16, QLatin1Char('0')).toUpper()
            : QString::fromUcs4(&codePoint, 1);
    }
    return shown;
}

// Tooltips guess rich text; escaping and marking them as rich keeps database text literal.
QString plainToolTip(const QString &text)
{
    return QStringLiteral("<qt>")
        + text.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"))
        + QStringLiteral("</qt>");
}

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

bool isEnterKey(QEvent *event)
{
    if (event->type() != QEvent::KeyPress) {
        return false;
    }
    const int key = static_cast<QKeyEvent *>(event)->key();
    return key == Qt::Key_Return || key == Qt::Key_Enter;
}

// Looks like the other combo boxes (same height, arrow, keyboard), but opens the
// actions checklist instead of a list of items.
class ChecklistCombo : public QComboBox
{
public:
    using QComboBox::QComboBox;
    std::function<void()> openChecklist;
    void showPopup() override { openChecklist(); }
};

// The style's own drop-down arrow, for the bank field's "show all" button.
QIcon dropDownIcon(const QWidget *widget)
{
    const int size = widget->style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, widget);
    const qreal ratio = widget->devicePixelRatioF();
    QPixmap pixmap(QSize(size, size) * ratio);
    pixmap.setDevicePixelRatio(ratio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    QStyleOption option;
    option.initFrom(widget);
    option.rect = QRect(0, 0, size, size);
    widget->style()->drawPrimitive(QStyle::PE_IndicatorArrowDown, &option, &painter, widget);
    return QIcon(pixmap);
}

qint64 presetSeconds(FilterBar::TimeRange range)
{
    switch (range) {
    case FilterBar::TimeRange::LastHour:
        return 3600;
    case FilterBar::TimeRange::Last24Hours:
        return 86400;
    case FilterBar::TimeRange::Last7Days:
        return 7 * 86400;
    case FilterBar::TimeRange::Last30Days:
        return 30 * 86400;
    case FilterBar::TimeRange::All:
    case FilterBar::TimeRange::Custom:
        break;
    }
    return 0;
}

qint64 nowUsecs()
{
    return QDateTime::currentMSecsSinceEpoch() * 1000;
}

} // namespace

struct FilterBar::Private
{
    explicit Private(FilterBar *bar)
        : q(bar)
    {
    }

    void buildActions();
    void buildCustomRow();
    void buildLayout();

    void openActionsPopup();
    void toggleAction(QListWidgetItem *item);
    void rebuildActionList();
    void filterActionList(const QString &text);
    void updateActionsSummary();

    TimeRange range() const { return timeCombo->currentData().value<TimeRange>(); }
    void selectRange(TimeRange range);
    void prefillCustom(TimeRange previous);
    void showTime(QDateTimeEdit *edit, AuditTimestamp at);
    AuditTimestamp readTime(QDateTimeEdit *edit, const std::optional<AuditTimestamp> &exact) const;
    std::optional<AuditTimestamp> since() const;
    std::optional<AuditTimestamp> until() const;
    bool rangeValid() const;
    bool validateRange(); // and shows the result

    void wantBankChoices();
    void suggestBanks(); // the completer's list for what is typed, all banks when empty
    void apply();
    void reset();
    // The controls that always stay in the first row.
    QList<QWidget *> rowControls() const
    {
        return { actionsCombo, transportCombo, bankEdit, timeCombo, failedCheck };
    }
    int oneRowWidth() const;
    void updateWrapping();

    FilterBar *q;
    QTimeZone zone = QTimeZone::systemTimeZone();

    ChecklistCombo *actionsCombo = nullptr;
    QFrame *actionsPopup = nullptr;
    QLineEdit *actionsFilter = nullptr;
    QListWidget *actionsList = nullptr;
    QStringList actionChoices;
    QStringList selectedActions; // in the order chosen, so setFilter round-trips
    QStringList actionsAtOpen;

    QComboBox *transportCombo = nullptr;
    QLineEdit *bankEdit = nullptr;
    QStandardItemModel *bankModel = nullptr;
    QCompleter *bankCompleter = nullptr;
    bool bankChoicesAsked = false;
    QComboBox *timeCombo = nullptr;
    TimeRange shownRange = TimeRange::All;
    QCheckBox *failedCheck = nullptr;
    QLineEdit *searchEdit = nullptr;
    QPushButton *applyButton = nullptr;
    QPushButton *resetButton = nullptr;

    QWidget *customRow = nullptr;
    QCheckBox *fromCheck = nullptr;
    QCheckBox *untilCheck = nullptr;
    QDateTimeEdit *fromEdit = nullptr;
    QDateTimeEdit *untilEdit = nullptr;
    QLabel *zoneLabel = nullptr;
    QLabel *rangeError = nullptr;
    // The pickers show whole seconds; a prefilled since/until keeps its microseconds
    // until the operator edits that picker.
    std::optional<AuditTimestamp> exactSince;
    std::optional<AuditTimestamp> exactUntil;
    bool filling = false;

    QVBoxLayout *rows = nullptr;
    QHBoxLayout *topRow = nullptr;
    QHBoxLayout *wrapRow = nullptr;
    QWidget *searchGroup = nullptr;
    bool wrapped = false;
};

void FilterBar::Private::buildActions()
{
    actionsCombo = new ChecklistCombo(q);
    actionsCombo->setObjectName(QStringLiteral("actionsCombo"));
    actionsCombo->addItem(FilterBar::tr("All actions"));
    actionsCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    actionsCombo->setAccessibleName(FilterBar::tr("Actions"));
    actionsCombo->openChecklist = [this] { openActionsPopup(); };

    actionsPopup = new QFrame(actionsCombo, Qt::Popup);
    actionsPopup->setObjectName(QStringLiteral("actionsPopup"));
    actionsPopup->setFrameShape(QFrame::StyledPanel);
    actionsFilter = new QLineEdit(actionsPopup);
    actionsFilter->setObjectName(QStringLiteral("actionsFilter"));
    actionsFilter->setPlaceholderText(FilterBar::tr("Filter actions…"));
    actionsFilter->setClearButtonEnabled(true);
    auto *clear = new QToolButton(actionsPopup);
    clear->setText(FilterBar::tr("Clear"));
    clear->setToolTip(FilterBar::tr("Uncheck every action (show all actions)"));
    actionsList = new QListWidget(actionsPopup);
    actionsList->setObjectName(QStringLiteral("actionsList"));
    actionsList->setAccessibleName(FilterBar::tr("Actions to show"));
    actionsList->setToolTip(FilterBar::tr("Click or press Space to check an action; "
                                          "Enter or Escape closes the list and applies"));

    auto *header = new QHBoxLayout;
    header->addWidget(actionsFilter, 1);
    header->addWidget(clear);
    auto *layout = new QVBoxLayout(actionsPopup);
    layout->setContentsMargins(QMargins(4, 4, 4, 4));
    layout->addLayout(header);
    layout->addWidget(actionsList);

    QObject::connect(actionsList, &QListWidget::itemClicked, q,
        [this](QListWidgetItem *item) { toggleAction(item); });
    QObject::connect(actionsFilter, &QLineEdit::textChanged, q,
        [this](const QString &text) { filterActionList(text); });
    QObject::connect(actionsFilter, &QLineEdit::returnPressed, actionsPopup, &QWidget::hide);
    QObject::connect(clear, &QToolButton::clicked, q, [this] {
        selectedActions.clear();
        rebuildActionList();
    });
    new EventHook(actionsFilter, [this](QEvent *event) {
        if (event->type() == QEvent::KeyPress
            && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Down) {
            for (int row = 0; row < actionsList->count(); ++row) {
                if (!actionsList->item(row)->isHidden()) {
                    actionsList->setCurrentRow(row);
                    break;
                }
            }
            actionsList->setFocus();
            return true;
        }
        return false;
    });
    new EventHook(actionsList, [this](QEvent *event) {
        if (event->type() != QEvent::KeyPress) {
            return false;
        }
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Space && actionsList->currentItem()) {
            toggleAction(actionsList->currentItem());
            return true;
        }
        if (isEnterKey(event) || key == Qt::Key_Escape) {
            actionsPopup->hide();
            return true;
        }
        return false;
    });
    new EventHook(actionsPopup, [this](QEvent *event) {
        if (event->type() == QEvent::MouseButtonPress) {
            // A click on the combo closes the popup; replaying it would reopen it at once.
            const QPoint at = static_cast<QMouseEvent *>(event)->globalPosition().toPoint();
            actionsPopup->setAttribute(Qt::WA_NoMouseReplay,
                actionsCombo->rect().contains(actionsCombo->mapFromGlobal(at)));
        } else if (event->type() == QEvent::Hide && selectedActions != actionsAtOpen) {
            actionsAtOpen = selectedActions;
            apply();
        }
        return false;
    });
}

void FilterBar::Private::openActionsPopup()
{
    if (actionsPopup->isVisible()) { // the combo was clicked again: it toggles
        actionsPopup->hide();
        return;
    }
    actionsFilter->clear();
    actionsAtOpen = selectedActions;
    const int visibleRows = std::clamp(actionsList->count(), 3, 14);
    const int frame = 2 * actionsList->frameWidth();
    actionsList->setMinimumHeight(actionsList->sizeHintForRow(0) * visibleRows + frame);
    actionsList->setMinimumWidth(actionsList->sizeHintForColumn(0) + frame
        + actionsList->style()->pixelMetric(QStyle::PM_ScrollBarExtent));
    actionsPopup->adjustSize();
    QSize size = actionsPopup->sizeHint().expandedTo(QSize(actionsCombo->width(), 0));
    const QRect screen = actionsCombo->screen()->availableGeometry();
    size = size.boundedTo(screen.size());
    QPoint at = actionsCombo->mapToGlobal(QPoint(0, actionsCombo->height()));
    if (at.y() + size.height() > screen.bottom()) {
        at.setY(actionsCombo->mapToGlobal(QPoint(0, 0)).y() - size.height());
    }
    at.setX(std::clamp(at.x(), screen.left(), screen.right() - size.width()));
    at.setY(std::max(at.y(), screen.top()));
    actionsPopup->setGeometry(QRect(at, size));
    actionsPopup->show();
    actionsFilter->setFocus(Qt::PopupFocusReason);
}

void FilterBar::Private::toggleAction(QListWidgetItem *item)
{
    const QString action = item->data(kValueRole).toString();
    const bool checked = item->checkState() != Qt::Checked;
    item->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
    selectedActions.removeAll(action);
    if (checked) {
        selectedActions.append(action);
    }
    updateActionsSummary();
}

void FilterBar::Private::rebuildActionList()
{
    QStringList all = actionChoices;
    for (const QString &action : std::as_const(selectedActions)) {
        if (!all.contains(action)) {
            all.append(action);
        }
    }
    actionsList->clear();
    for (const QString &action : std::as_const(all)) {
        auto *item = new QListWidgetItem(visibleText(action), actionsList);
        item->setData(kValueRole, action);
        // Not user-checkable: a click anywhere on the row toggles it (see toggleAction).
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        item->setCheckState(selectedActions.contains(action) ? Qt::Checked : Qt::Unchecked);
    }
    filterActionList(actionsFilter->text());
    updateActionsSummary();
}

void FilterBar::Private::filterActionList(const QString &text)
{
    for (int row = 0; row < actionsList->count(); ++row) {
        QListWidgetItem *item = actionsList->item(row);
        item->setHidden(!item->data(kValueRole).toString().contains(text, Qt::CaseInsensitive));
    }
}

void FilterBar::Private::updateActionsSummary()
{
    QStringList shown;
    for (const QString &action : std::as_const(selectedActions)) {
        shown.append(visibleText(action));
    }
    const QString names = shown.join(FilterBar::tr(", "));
    const QFontMetrics metrics = actionsCombo->fontMetrics();
    actionsCombo->setItemText(0,
        shown.isEmpty() ? FilterBar::tr("All actions")
            : shown.size() <= 2
            ? metrics.elidedText(names, Qt::ElideRight, metrics.averageCharWidth() * 32)
            : FilterBar::tr("%n actions", nullptr, int(shown.size())));
    QString tip = FilterBar::tr("Actions to show; several can be checked in a list with a "
                                "filter field.");
    if (!shown.isEmpty()) {
        tip += QLatin1Char('\n') + FilterBar::tr("Showing: %1").arg(names);
    }
    actionsCombo->setToolTip(plainToolTip(tip));
    updateWrapping();
}

void FilterBar::Private::buildCustomRow()
{
    customRow = new QWidget(q);
    fromCheck = new QCheckBox(FilterBar::tr("From"), customRow);
    fromCheck->setObjectName(QStringLiteral("fromCheck"));
    fromCheck->setToolTip(FilterBar::tr("Only entries that started at or after this time"));
    untilCheck = new QCheckBox(FilterBar::tr("Until"), customRow);
    untilCheck->setObjectName(QStringLiteral("untilCheck"));
    untilCheck->setToolTip(FilterBar::tr("Only entries that started before this time "
                                         "(the time itself is not included)"));
    zoneLabel = new QLabel(customRow);
    zoneLabel->setTextFormat(Qt::PlainText);
    zoneLabel->setToolTip(FilterBar::tr("The time zone of From and Until"));
    zoneLabel->setForegroundRole(QPalette::PlaceholderText);
    rangeError = new QLabel(FilterBar::tr("“Until” must be later than “From”."), customRow);
    rangeError->setObjectName(QStringLiteral("rangeError"));
    rangeError->setTextFormat(Qt::PlainText);
    QPalette errorPalette = rangeError->palette();
    errorPalette.setColor(QPalette::WindowText, QColor(0xe5, 0x39, 0x35));
    rangeError->setPalette(errorPalette);
    rangeError->hide();

    auto *layout = new QHBoxLayout(customRow);
    layout->setContentsMargins(QMargins());
    const auto addPicker = [&](QCheckBox *check, QDateTimeEdit *&edit, const char *name) {
        edit = new QDateTimeEdit(customRow);
        edit->setObjectName(QLatin1String(name));
        // A zone-less wall-clock value: the edit keeps UTC so no time is skipped by a
        // daylight-saving gap of the machine's zone; readTime() applies `zone`.
        edit->setTimeSpec(Qt::UTC);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        edit->setCalendarPopup(true);
        edit->setToolTip(check->toolTip() + QLatin1Char('\n')
            + FilterBar::tr("Press Enter or Apply to use the range"));
        edit->setAccessibleName(check->text());
        edit->setEnabled(false);
        layout->addWidget(check);
        layout->addWidget(edit);
        QObject::connect(check, &QCheckBox::toggled, edit, &QWidget::setEnabled);
        QObject::connect(check, &QCheckBox::toggled, q, [this] { validateRange(); });
        QObject::connect(edit, &QDateTimeEdit::dateTimeChanged, q, [this, edit] {
            if (!filling) {
                (edit == fromEdit ? exactSince : exactUntil).reset();
            }
            validateRange();
        });
        new EventHook(edit, [this](QEvent *event) {
            if (isEnterKey(event)) {
                apply();
            }
            return false;
        });
    };
    addPicker(fromCheck, fromEdit, "fromEdit");
    layout->addSpacing(q->fontMetrics().averageCharWidth());
    addPicker(untilCheck, untilEdit, "untilEdit");
    layout->addWidget(zoneLabel);
    layout->addSpacing(q->fontMetrics().averageCharWidth());
    layout->addWidget(rangeError);
    layout->addStretch(1);
    customRow->hide();
}

void FilterBar::Private::buildLayout()
{
    searchGroup = new QWidget(q);
    auto *searchLayout = new QHBoxLayout(searchGroup);
    searchLayout->setContentsMargins(QMargins());
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
    rows->addWidget(customRow);

    // The custom range sits below but belongs to the time range in keyboard order.
    const QList<QWidget *> order = { actionsCombo, transportCombo, bankEdit, timeCombo, fromCheck,
        fromEdit, untilCheck, untilEdit, failedCheck, searchEdit, applyButton, resetButton };
    for (qsizetype i = 1; i < order.size(); ++i) {
        QWidget::setTabOrder(order[i - 1], order[i]);
    }
}

void FilterBar::Private::selectRange(TimeRange range)
{
    if (range == TimeRange::Custom && shownRange != TimeRange::Custom) {
        prefillCustom(shownRange);
    }
    timeCombo->setCurrentIndex(timeCombo->findData(QVariant::fromValue(range)));
    shownRange = range;
    customRow->setVisible(range == TimeRange::Custom);
    validateRange();
}

// Custom starts from what was shown: the preset's span (a day after "All time"), open-ended.
void FilterBar::Private::prefillCustom(TimeRange previous)
{
    const qint64 span = previous == TimeRange::All ? 86400 : presetSeconds(previous);
    const qint64 minute = 60'000'000;
    const qint64 now = nowUsecs();
    exactSince.reset();
    exactUntil.reset();
    showTime(
        fromEdit, AuditTimestamp::fromUsecsSinceEpoch((now - span * 1'000'000) / minute * minute));
    showTime(untilEdit, AuditTimestamp::fromUsecsSinceEpoch((now / minute + 1) * minute));
    fromCheck->setChecked(true);
    untilCheck->setChecked(false);
}

void FilterBar::Private::showTime(QDateTimeEdit *edit, AuditTimestamp at)
{
    const QDateTime inZone = at.toDateTime(zone);
    const QTime time = inZone.time();
    filling = true;
    edit->setDateTime(
        QDateTime(inZone.date(), QTime(time.hour(), time.minute(), time.second()), Qt::UTC));
    filling = false;
}

AuditTimestamp FilterBar::Private::readTime(
    QDateTimeEdit *edit, const std::optional<AuditTimestamp> &exact) const
{
    if (exact) {
        return *exact;
    }
    const QDateTime picked = edit->dateTime();
    const QTime time = picked.time();
    const QDateTime wall(picked.date(), QTime(time.hour(), time.minute(), time.second()), Qt::UTC);
    const QDateTime inZone(wall.date(), wall.time(), zone);
    if (!inZone.isValid()) {
        // A time skipped by a daylight-saving jump (02:30 on the spring night in Berlin):
        // read it with the offset from before the jump, as clocks that were not moved would.
        return AuditTimestamp::fromDateTime(wall.addSecs(-zone.offsetFromUtc(wall.addDays(-1))));
    }
    return AuditTimestamp::fromDateTime(inZone);
}

std::optional<AuditTimestamp> FilterBar::Private::since() const
{
    if (range() == TimeRange::Custom) {
        return fromCheck->isChecked() ? std::optional(readTime(fromEdit, exactSince))
                                      : std::nullopt;
    }
    const qint64 span = presetSeconds(range());
    return span == 0
        ? std::nullopt
        : std::optional(AuditTimestamp::fromUsecsSinceEpoch(nowUsecs() - span * 1'000'000));
}

std::optional<AuditTimestamp> FilterBar::Private::until() const
{
    if (range() == TimeRange::Custom && untilCheck->isChecked()) {
        return readTime(untilEdit, exactUntil);
    }
    return std::nullopt;
}

bool FilterBar::Private::rangeValid() const
{
    const std::optional<AuditTimestamp> from = since();
    const std::optional<AuditTimestamp> to = until();
    return range() != TimeRange::Custom || !from || !to || *from < *to;
}

bool FilterBar::Private::validateRange()
{
    const bool valid = rangeValid();
    const QString border
        = valid ? QString() : QStringLiteral("QDateTimeEdit { border: 2px solid #e53935; }");
    if (fromEdit->styleSheet() != border) { // restyling while typing would move the cursor
        fromEdit->setStyleSheet(border);
        untilEdit->setStyleSheet(border);
    }
    rangeError->setVisible(!valid);
    rangeError->setToolTip(valid ? QString() : rangeError->text());
    applyButton->setEnabled(valid);
    return valid;
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
    if (validateRange()) {
        emit q->filterApplied(q->filter());
    }
}

void FilterBar::Private::reset()
{
    actionsPopup->hide();
    selectedActions.clear();
    actionsAtOpen.clear();
    rebuildActionList();
    transportCombo->setCurrentIndex(0);
    bankEdit->clear();
    failedCheck->setChecked(false);
    searchEdit->clear();
    exactSince.reset();
    exactUntil.reset();
    selectRange(TimeRange::All);
    fromCheck->setChecked(false);
    untilCheck->setChecked(false);
    apply();
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
    d->buildActions();

    d->transportCombo = new QComboBox(this);
    d->transportCombo->setObjectName(QStringLiteral("transportCombo"));
    d->transportCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    d->transportCombo->setMaximumWidth(charWidth * 30);
    d->transportCombo->setToolTip(tr("How the call reached Hindsight: http, mcp or system"));
    d->transportCombo->setAccessibleName(tr("Transport"));
    setTransportChoices({});

    d->bankEdit = new QLineEdit(this);
    d->bankEdit->setObjectName(QStringLiteral("bankEdit"));
    d->bankEdit->setPlaceholderText(tr("All banks"));
    d->bankEdit->setClearButtonEnabled(true);
    d->bankEdit->setMinimumWidth(charWidth * 12);
    d->bankEdit->setToolTip(tr("Only this memory bank (the id exactly as stored); empty for "
                               "all banks. Suggestions match anywhere. Enter applies."));
    d->bankEdit->setAccessibleName(tr("Bank"));
    d->bankModel = new QStandardItemModel(this);
    d->bankCompleter = new QCompleter(d->bankModel, this);
    d->bankCompleter->setCaseSensitivity(Qt::CaseInsensitive);
    d->bankCompleter->setFilterMode(Qt::MatchContains);
    d->bankCompleter->setCompletionRole(kValueRole);
    d->bankCompleter->setMaxVisibleItems(12);
    d->bankEdit->setCompleter(d->bankCompleter);
    QAction *allBanks = d->bankEdit->addAction(dropDownIcon(this), QLineEdit::TrailingPosition);
    allBanks->setToolTip(tr("Show the banks that match (Down arrow)"));
    connect(allBanks, &QAction::triggered, this, [this] { d->suggestBanks(); });
    connect(d->bankEdit, &QLineEdit::textEdited, this, [this] { d->wantBankChoices(); });
    connect(d->bankEdit, &QLineEdit::returnPressed, this, [this] { d->apply(); });
    new EventHook(d->bankEdit, [this](QEvent *event) {
        if (event->type() == QEvent::FocusIn) {
            d->wantBankChoices();
        } else if (event->type() == QEvent::KeyPress
            && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Down) {
            d->suggestBanks();
            return true;
        }
        return false;
    });

    d->timeCombo = new QComboBox(this);
    d->timeCombo->setObjectName(QStringLiteral("timeRangeCombo"));
    d->timeCombo->setToolTip(tr("When the calls started; presets count back from now at each "
                                "refresh"));
    d->timeCombo->setAccessibleName(tr("Time range"));
    d->timeCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    d->timeCombo->addItem(tr("All time"), QVariant::fromValue(TimeRange::All));
    d->timeCombo->addItem(tr("Last hour"), QVariant::fromValue(TimeRange::LastHour));
    d->timeCombo->addItem(tr("Last 24 hours"), QVariant::fromValue(TimeRange::Last24Hours));
    d->timeCombo->addItem(tr("Last 7 days"), QVariant::fromValue(TimeRange::Last7Days));
    d->timeCombo->addItem(tr("Last 30 days"), QVariant::fromValue(TimeRange::Last30Days));
    d->timeCombo->addItem(tr("Custom range…"), QVariant::fromValue(TimeRange::Custom));

    d->failedCheck = new QCheckBox(tr("Failed only"), this);
    d->failedCheck->setObjectName(QStringLiteral("failedOnlyCheck"));
    d->failedCheck->setToolTip(tr("Only calls that ended without a response (the operation "
                                  "raised an error)"));

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

    d->buildCustomRow();
    d->buildLayout();
    setTimeZone(d->zone);

    connect(d->transportCombo, &QComboBox::activated, this, [this] { d->apply(); });
    connect(d->failedCheck, &QCheckBox::clicked, this, [this] { d->apply(); });
    connect(d->timeCombo, &QComboBox::activated, this, [this] {
        const TimeRange range = d->range();
        d->selectRange(range);
        if (range == TimeRange::Custom) {
            d->fromEdit->setFocus(Qt::TabFocusReason); // selects the year: type at once
        } else {
            d->apply();
        }
    });
}

FilterBar::~FilterBar()
{
    delete d;
}

AuditFilter FilterBar::filter() const
{
    AuditFilter filter;
    filter.actions = d->selectedActions;
    filter.transport = d->transportCombo->currentData().toString();
    if (!d->bankEdit->text().isEmpty()) {
        filter.bank = d->bankEdit->text();
    }
    filter.since = d->since();
    filter.until = d->until();
    filter.failedOnly = d->failedCheck->isChecked();
    filter.search = d->searchEdit->text();
    return filter;
}

void FilterBar::setFilter(const AuditFilter &filter)
{
    d->selectedActions = filter.actions;
    d->selectedActions.removeDuplicates();
    d->actionsAtOpen = d->selectedActions;
    d->rebuildActionList();
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
    if (filter.since || filter.until) {
        d->selectRange(TimeRange::Custom);
        d->fromCheck->setChecked(filter.since.has_value());
        d->untilCheck->setChecked(filter.until.has_value());
        if (filter.since) {
            d->showTime(d->fromEdit, *filter.since);
        }
        if (filter.until) {
            d->showTime(d->untilEdit, *filter.until);
        }
        d->exactSince = filter.since;
        d->exactUntil = filter.until;
        d->validateRange();
    } else {
        d->selectRange(TimeRange::All);
    }
}

FilterBar::TimeRange FilterBar::timeRange() const
{
    return d->range();
}

void FilterBar::setTimeRange(TimeRange range)
{
    d->selectRange(range);
}

void FilterBar::setActionChoices(const QStringList &actions)
{
    d->actionChoices = actions;
    d->actionChoices.removeDuplicates();
    d->rebuildActionList();
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
    // The pickers keep the instants they show; only the wall-clock reading changes.
    const AuditTimestamp from = d->readTime(d->fromEdit, d->exactSince);
    const AuditTimestamp until = d->readTime(d->untilEdit, d->exactUntil);
    const std::optional<AuditTimestamp> exactSince = d->exactSince;
    const std::optional<AuditTimestamp> exactUntil = d->exactUntil;
    d->zone = zone;
    d->showTime(d->fromEdit, from);
    d->showTime(d->untilEdit, until);
    d->exactSince = exactSince;
    d->exactUntil = exactUntil;
    d->zoneLabel->setText(
        zone == QTimeZone::utc() ? QStringLiteral("UTC") : QString::fromUtf8(zone.id()));
}

QTimeZone FilterBar::timeZone() const
{
    return d->zone;
}

bool FilterBar::isRangeValid() const
{
    return d->rangeValid();
}

QSize FilterBar::minimumSizeHint() const
{
    int row = 0;
    for (const QWidget *control : d->rowControls()) {
        row += control->minimumSizeHint().width() + d->topRow->spacing();
    }
    const QMargins margins = d->rows->contentsMargins();
    const int width = std::max({ row, d->searchGroup->minimumSizeHint().width(),
        d->customRow->isHidden() ? 0 : d->customRow->minimumSizeHint().width() });
    return { width + margins.left() + margins.right(), QWidget::minimumSizeHint().height() };
}

void FilterBar::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    d->updateWrapping();
}
