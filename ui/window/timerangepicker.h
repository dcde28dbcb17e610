#pragma once

#include "audittimestamp.h"

#include <QList>
#include <QTimeZone>
#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QHBoxLayout;
class QLabel;

// When the calls started: a preset combo (all time, last hour, 24 hours, 7 days, 30 days,
// or a custom range) and, while "Custom range…" is chosen, this widget's row of From and
// Until pickers, each with a checkbox that leaves its end open. Presets count back from the
// moment since() is called, so a refresh of "last hour" moves with the clock. The pickers
// show and read wall-clock times in timeZone(); a time skipped by a daylight-saving jump
// moves forward. A custom range whose from is not before its until is marked invalid.
// The owner places presetCombo() in its own layout (which makes the combo the owner's child)
// and this widget, the custom row, below it. Controls carry object names (timeRangeCombo,
// fromCheck, fromEdit, untilCheck, untilEdit, rangeError).
// Thread: the GUI thread.
class TimeRangePicker : public QWidget
{
    Q_OBJECT
public:
    enum class Range { All, LastHour, Last24Hours, Last7Days, Last30Days, Custom };
    Q_ENUM(Range)

    explicit TimeRangePicker(QWidget *parent = nullptr);

    QComboBox *presetCombo() const { return m_combo; }
    // The combo, then the checkboxes and pickers of the custom row: for the owner's tab order.
    QList<QWidget *> tabOrder() const;

    Range range() const;
    // Shows `range`; switching to Custom fills the pickers with the span shown before.
    void setRange(Range range);
    // Shows `since` and `until` as a custom range, microseconds kept until a picker is
    // edited; with neither, shows all time.
    void setBounds(
        const std::optional<AuditTimestamp> &since, const std::optional<AuditTimestamp> &until);
    // All time, with both ends of the custom range unchecked.
    void clear();

    std::optional<AuditTimestamp> since() const; // inclusive
    std::optional<AuditTimestamp> until() const; // exclusive

    // The zone the pickers show and read; they keep the instants they show.
    void setTimeZone(const QTimeZone &zone);
    QTimeZone timeZone() const { return m_zone; }

    // False while the custom range is shown and from is not before until.
    bool isValid() const;
    // isValid(), and shows the answer: a red border and a message when invalid.
    bool validate();

signals:
    // The operator picked a preset other than "Custom range…" in the combo.
    void presetChosen();
    // Enter was pressed in the From or Until picker.
    void returnPressed();
    void validityChanged(bool valid);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QDateTimeEdit *addPicker(QHBoxLayout *layout, QCheckBox *check, const char *name);
    void prefillCustom(Range previous);
    void showTime(QDateTimeEdit *edit, AuditTimestamp at);
    AuditTimestamp readTime(QDateTimeEdit *edit, const std::optional<AuditTimestamp> &exact) const;

    QComboBox *m_combo;
    QCheckBox *m_fromCheck;
    QCheckBox *m_untilCheck;
    QDateTimeEdit *m_fromEdit = nullptr;
    QDateTimeEdit *m_untilEdit = nullptr;
    QLabel *m_zoneLabel;
    QLabel *m_rangeError;
    QTimeZone m_zone = QTimeZone::systemTimeZone();
    Range m_shownRange = Range::All;
    // The pickers show whole seconds; a prefilled since/until keeps its microseconds
    // until the operator edits that picker.
    std::optional<AuditTimestamp> m_exactSince;
    std::optional<AuditTimestamp> m_exactUntil;
    bool m_filling = false;
    bool m_valid = true;
};
