#include "timerangepicker.h"

#include "theme.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>

namespace {

qint64 presetSeconds(TimeRangePicker::Range range)
{
    switch (range) {
    case TimeRangePicker::Range::LastHour:
        return 3600;
    case TimeRangePicker::Range::Last24Hours:
        return 86400;
    case TimeRangePicker::Range::Last7Days:
        return 7 * 86400;
    case TimeRangePicker::Range::Last30Days:
        return 30 * 86400;
    case TimeRangePicker::Range::All:
    case TimeRangePicker::Range::Custom:
        break;
    }
    return 0;
}

qint64 nowUsecs()
{
    return QDateTime::currentMSecsSinceEpoch() * 1000;
}

} // namespace

TimeRangePicker::TimeRangePicker(QWidget *parent)
    : QWidget(parent)
    , m_combo(new QComboBox(this))
{
    m_combo->setObjectName(QStringLiteral("timeRangeCombo"));
    m_combo->setToolTip(tr("When the calls started; presets count back from now at each "
                           "refresh"));
    m_combo->setAccessibleName(tr("Time range"));
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_combo->addItem(tr("All time"), QVariant::fromValue(Range::All));
    m_combo->addItem(tr("Last hour"), QVariant::fromValue(Range::LastHour));
    m_combo->addItem(tr("Last 24 hours"), QVariant::fromValue(Range::Last24Hours));
    m_combo->addItem(tr("Last 7 days"), QVariant::fromValue(Range::Last7Days));
    m_combo->addItem(tr("Last 30 days"), QVariant::fromValue(Range::Last30Days));
    m_combo->addItem(tr("Custom range…"), QVariant::fromValue(Range::Custom));

    m_fromCheck = new QCheckBox(tr("From"), this);
    m_fromCheck->setObjectName(QStringLiteral("fromCheck"));
    m_fromCheck->setToolTip(tr("Only entries that started at or after this time"));
    m_untilCheck = new QCheckBox(tr("Until"), this);
    m_untilCheck->setObjectName(QStringLiteral("untilCheck"));
    m_untilCheck->setToolTip(tr("Only entries that started before this time "
                                "(the time itself is not included)"));
    m_zoneLabel = new QLabel(this);
    m_zoneLabel->setTextFormat(Qt::PlainText);
    m_zoneLabel->setToolTip(tr("The time zone of From and Until"));
    m_zoneLabel->setForegroundRole(QPalette::PlaceholderText);
    m_rangeError = new QLabel(tr("“Until” must be later than “From”."), this);
    m_rangeError->setObjectName(QStringLiteral("rangeError"));
    m_rangeError->setTextFormat(Qt::PlainText);
    QPalette errorPalette = m_rangeError->palette();
    errorPalette.setColor(QPalette::WindowText, Theme::invalidInput());
    m_rangeError->setPalette(errorPalette);
    m_rangeError->hide();

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(QMargins());
    m_fromEdit = addPicker(layout, m_fromCheck, "fromEdit");
    layout->addSpacing(fontMetrics().averageCharWidth());
    m_untilEdit = addPicker(layout, m_untilCheck, "untilEdit");
    layout->addWidget(m_zoneLabel);
    layout->addSpacing(fontMetrics().averageCharWidth());
    layout->addWidget(m_rangeError);
    layout->addStretch(1);
    hide(); // shown while the custom range is chosen

    setTimeZone(m_zone);
    connect(m_combo, &QComboBox::activated, this, [this] {
        const Range chosen = range();
        setRange(chosen);
        if (chosen == Range::Custom) {
            m_fromEdit->setFocus(Qt::TabFocusReason); // selects the year: type at once
        } else {
            emit presetChosen();
        }
    });
}

QDateTimeEdit *TimeRangePicker::addPicker(QHBoxLayout *layout, QCheckBox *check, const char *name)
{
    auto *edit = new QDateTimeEdit(this);
    edit->setObjectName(QLatin1String(name));
    // A zone-less wall-clock value: the edit keeps UTC so no time is skipped by a
    // daylight-saving gap of the machine's zone; readTime() applies m_zone.
    edit->setTimeSpec(Qt::UTC);
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    edit->setCalendarPopup(true);
    edit->setToolTip(
        check->toolTip() + QLatin1Char('\n') + tr("Press Enter or Apply to use the range"));
    edit->setAccessibleName(check->text());
    edit->setEnabled(false);
    layout->addWidget(check);
    layout->addWidget(edit);
    connect(check, &QCheckBox::toggled, edit, &QWidget::setEnabled);
    connect(check, &QCheckBox::toggled, this, [this] { validate(); });
    connect(edit, &QDateTimeEdit::dateTimeChanged, this, [this, edit] {
        if (!m_filling) {
            (edit == m_fromEdit ? m_exactSince : m_exactUntil).reset();
        }
        validate();
    });
    edit->installEventFilter(this);
    return edit;
}

bool TimeRangePicker::eventFilter(QObject *watched, QEvent *event)
{
    if ((watched == m_fromEdit || watched == m_untilEdit) && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            emit returnPressed();
        }
    }
    return QWidget::eventFilter(watched, event);
}

QList<QWidget *> TimeRangePicker::tabOrder() const
{
    return { m_combo, m_fromCheck, m_fromEdit, m_untilCheck, m_untilEdit };
}

TimeRangePicker::Range TimeRangePicker::range() const
{
    return m_combo->currentData().value<Range>();
}

void TimeRangePicker::setRange(Range range)
{
    if (range == Range::Custom && m_shownRange != Range::Custom) {
        prefillCustom(m_shownRange);
    }
    m_combo->setCurrentIndex(m_combo->findData(QVariant::fromValue(range)));
    m_shownRange = range;
    setVisible(range == Range::Custom);
    validate();
}

void TimeRangePicker::setBounds(
    const std::optional<AuditTimestamp> &since, const std::optional<AuditTimestamp> &until)
{
    if (!since && !until) {
        setRange(Range::All);
        return;
    }
    setRange(Range::Custom);
    m_fromCheck->setChecked(since.has_value());
    m_untilCheck->setChecked(until.has_value());
    if (since) {
        showTime(m_fromEdit, *since);
    }
    if (until) {
        showTime(m_untilEdit, *until);
    }
    m_exactSince = since;
    m_exactUntil = until;
    validate();
}

void TimeRangePicker::clear()
{
    m_exactSince.reset();
    m_exactUntil.reset();
    setRange(Range::All);
    m_fromCheck->setChecked(false);
    m_untilCheck->setChecked(false);
}

// Custom starts from what was shown: the preset's span (a day after "All time"), open-ended.
void TimeRangePicker::prefillCustom(Range previous)
{
    const qint64 span = previous == Range::All ? 86400 : presetSeconds(previous);
    const qint64 minute = 60'000'000;
    const qint64 now = nowUsecs();
    m_exactSince.reset();
    m_exactUntil.reset();
    showTime(m_fromEdit,
        AuditTimestamp::fromUsecsSinceEpoch((now - span * 1'000'000) / minute * minute));
    showTime(m_untilEdit, AuditTimestamp::fromUsecsSinceEpoch((now / minute + 1) * minute));
    m_fromCheck->setChecked(true);
    m_untilCheck->setChecked(false);
}

void TimeRangePicker::showTime(QDateTimeEdit *edit, AuditTimestamp at)
{
    const QDateTime inZone = at.toDateTime(m_zone);
    const QTime time = inZone.time();
    m_filling = true;
    edit->setDateTime(
        QDateTime(inZone.date(), QTime(time.hour(), time.minute(), time.second()), Qt::UTC));
    m_filling = false;
}

AuditTimestamp TimeRangePicker::readTime(
    QDateTimeEdit *edit, const std::optional<AuditTimestamp> &exact) const
{
    if (exact) {
        return *exact;
    }
    const QDateTime picked = edit->dateTime();
    const QTime time = picked.time();
    const QDateTime wall(picked.date(), QTime(time.hour(), time.minute(), time.second()), Qt::UTC);
    const QDateTime inZone(wall.date(), wall.time(), m_zone);
    if (!inZone.isValid()) {
        // A time skipped by a daylight-saving jump (02:30 on the spring night in Berlin):
        // read it with the offset from before the jump, as clocks that were not moved would.
        return AuditTimestamp::fromDateTime(wall.addSecs(-m_zone.offsetFromUtc(wall.addDays(-1))));
    }
    return AuditTimestamp::fromDateTime(inZone);
}

std::optional<AuditTimestamp> TimeRangePicker::since() const
{
    if (range() == Range::Custom) {
        return m_fromCheck->isChecked() ? std::optional(readTime(m_fromEdit, m_exactSince))
                                        : std::nullopt;
    }
    const qint64 span = presetSeconds(range());
    return span == 0
        ? std::nullopt
        : std::optional(AuditTimestamp::fromUsecsSinceEpoch(nowUsecs() - span * 1'000'000));
}

std::optional<AuditTimestamp> TimeRangePicker::until() const
{
    if (range() == Range::Custom && m_untilCheck->isChecked()) {
        return readTime(m_untilEdit, m_exactUntil);
    }
    return std::nullopt;
}

void TimeRangePicker::setTimeZone(const QTimeZone &zone)
{
    // The pickers keep the instants they show; only the wall-clock reading changes.
    const AuditTimestamp from = readTime(m_fromEdit, m_exactSince);
    const AuditTimestamp until = readTime(m_untilEdit, m_exactUntil);
    const std::optional<AuditTimestamp> exactSince = m_exactSince;
    const std::optional<AuditTimestamp> exactUntil = m_exactUntil;
    m_zone = zone;
    showTime(m_fromEdit, from);
    showTime(m_untilEdit, until);
    m_exactSince = exactSince;
    m_exactUntil = exactUntil;
    m_zoneLabel->setText(
        zone == QTimeZone::utc() ? QStringLiteral("UTC") : QString::fromUtf8(zone.id()));
}

bool TimeRangePicker::isValid() const
{
    const std::optional<AuditTimestamp> from = since();
    const std::optional<AuditTimestamp> to = until();
    return range() != Range::Custom || !from || !to || *from < *to;
}

bool TimeRangePicker::validate()
{
    const bool valid = isValid();
    const QString border
        = valid ? QString() : Theme::invalidBorder(QStringLiteral("QDateTimeEdit"));
    if (m_fromEdit->styleSheet() != border) { // restyling while typing would move the cursor
        m_fromEdit->setStyleSheet(border);
        m_untilEdit->setStyleSheet(border);
    }
    m_rangeError->setVisible(!valid);
    m_rangeError->setToolTip(valid ? QString() : m_rangeError->text());
    if (valid != m_valid) {
        m_valid = valid;
        emit validityChanged(valid);
    }
    return valid;
}
