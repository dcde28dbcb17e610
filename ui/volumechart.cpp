#include "volumechart.h"

// Placeholder until the chart is written.
struct VolumeChart::Private
{
    VolumePeriod period = VolumePeriod::Today;
    VolumeSeries series;
};

VolumeChart::VolumeChart(QWidget *parent)
    : QWidget(parent)
    , d(new Private)
{
}
VolumeChart::~VolumeChart()
{
    delete d;
}
VolumePeriod VolumeChart::period() const
{
    return d->period;
}
void VolumeChart::setPeriod(VolumePeriod period)
{
    d->period = period;
}
void VolumeChart::setSeries(const VolumeSeries &series)
{
    d->series = series;
}
const VolumeSeries &VolumeChart::series() const
{
    return d->series;
}
void VolumeChart::setBusy(bool) { }
bool VolumeChart::isBusy() const
{
    return false;
}
void VolumeChart::showError(const QString &) { }
void VolumeChart::setTimeZone(const QTimeZone &) { }
void VolumeChart::setActionChoices(const QStringList &) { }
bool VolumeChart::followsTableFilter() const
{
    return true;
}
void VolumeChart::setFollowsTableFilter(bool) { }
QStringList VolumeChart::detachedActions() const
{
    return {};
}
void VolumeChart::setDetachedActions(const QStringList &) { }
bool VolumeChart::showsActionLines() const
{
    return false;
}
void VolumeChart::setShowsActionLines(bool) { }
std::optional<int> VolumeChart::bucketAt(const QPoint &) const
{
    return std::nullopt;
}
QPoint VolumeChart::bucketPosition(int) const
{
    return {};
}
QString VolumeChart::placeholderText() const
{
    return {};
}
