#pragma once

#include "auditfilter.h"
#include "timerangepicker.h"

#include <QStringList>
#include <QTimeZone>
#include <QWidget>

// The filter controls above the table: actions (several at once), transport, bank
// (searchable, choices loaded lazily), time range (presets: last hour, 24 hours, 7 days,
// 30 days, all, or a custom from/until with date-time pickers), failed only, "slower than" a
// minimum duration (parseDuration's spelling: 5s, 250ms, 1.5s, 2m), and free-text search in
// request/response. Enter in any field or Apply emits filterApplied; Reset
// clears every control and applies. Presets are relative to the moment filter() is called,
// so a refresh of "last hour" moves with the clock.
// Picking something (a preset, a transport, failed only, or closing the actions popup
// after changing it) applies at once; typed text (bank, duration, search, custom times)
// applies on Enter or Apply. An invalid custom range (from not before until) or duration is
// shown and not applied. Controls carry object names (actionsCombo, transportCombo, bankEdit,
// timeRangeCombo, fromCheck, fromEdit, untilCheck, untilEdit, failedOnlyCheck,
// minDurationEdit, searchEdit, applyButton, resetButton) for tests and accessibility tools. The
// actions checklist (ActionChecklist) and the time range with its custom row (TimeRangePicker) are
// widgets of their own. Thread: the GUI thread.
class FilterBar : public QWidget
{
    Q_OBJECT
public:
    using TimeRange = TimeRangePicker::Range;

    explicit FilterBar(QWidget *parent = nullptr);
    ~FilterBar() override;

    AuditFilter filter() const;
    // Prefills the controls; a filter with since/until shows as a custom range.
    void setFilter(const AuditFilter &filter);
    // Reading many schemas: only the rows of these (shown as a chip that removes it);
    // applies. Empty shows every tenant.
    void setTenantFilter(const QStringList &schemas);
    TimeRange timeRange() const;
    void setTimeRange(TimeRange range);

    void setActionChoices(const QStringList &actions);
    void setTransportChoices(const QStringList &transports);
    void setBankChoices(const QStringList &banks);
    // The zone the custom from/until pickers show and read (local, or UTC when toggled).
    void setTimeZone(const QTimeZone &zone);
    QTimeZone timeZone() const;

    // False while the custom range is shown and "from" is not before "until".
    bool isRangeValid() const;

    // Narrower than one row needs, the search field and buttons wrap into a second row.
    QSize minimumSizeHint() const override;

signals:
    void filterApplied(const AuditFilter &filter);
    // The bank control was opened or typed into for the first time: load its choices.
    void bankChoicesWanted();

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    struct Private;
    Private *d;
};
