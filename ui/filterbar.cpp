#include "filterbar.h"

// Placeholder until the filter bar is written.
struct FilterBar::Private
{
    AuditFilter filter;
};

FilterBar::FilterBar(QWidget *parent)
    : QWidget(parent)
    , d(new Private)
{
}
FilterBar::~FilterBar()
{
    delete d;
}
AuditFilter FilterBar::filter() const
{
    return d->filter;
}
void FilterBar::setFilter(const AuditFilter &filter)
{
    d->filter = filter;
}
FilterBar::TimeRange FilterBar::timeRange() const
{
    return TimeRange::All;
}
void FilterBar::setTimeRange(TimeRange) { }
void FilterBar::setActionChoices(const QStringList &) { }
void FilterBar::setTransportChoices(const QStringList &) { }
void FilterBar::setBankChoices(const QStringList &) { }
void FilterBar::setTimeZone(const QTimeZone &) { }
