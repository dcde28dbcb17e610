#include "volumechart.h"

#include "volumechartactionmenu.h"
#include "volumechartplot.h"
#include "volumechartview.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QMouseEvent>
#include <QToolButton>
#include <QVBoxLayout>

struct VolumeChart::Private
{
    VolumePeriod period = VolumePeriod::Today;
    bool busy = false;
    bool loaded = false; // a series has been shown
    QString error;
    std::optional<int> pressed;
    QButtonGroup *periods = nullptr;
    QToolButton *perAction = nullptr;
    QToolButton *perTenant = nullptr;
    QCheckBox *follow = nullptr;
    VolumeChartActionMenu *actions = nullptr;
    VolumeChartView *view = nullptr;
};

namespace {

QToolButton *periodButton(const QString &text, const QString &name)
{
    auto *button = new QToolButton;
    button->setText(text);
    button->setObjectName(name);
    button->setCheckable(true);
    button->setAutoRaise(false);
    return button;
}

} // namespace

VolumeChart::VolumeChart(QWidget *parent)
    : QWidget(parent)
    , d(std::make_unique<Private>())
{
    setObjectName(QStringLiteral("volumeChart"));
    d->periods = new QButtonGroup(this);
    d->periods->setExclusive(true);
    d->perAction = new QToolButton;
    d->perTenant = new QToolButton;
    d->follow = new QCheckBox(tr("Follow table filter"));
    d->actions = new VolumeChartActionMenu;
    d->view = new VolumeChartView;

    auto *controls = new QHBoxLayout;
    controls->setContentsMargins(2, 2, 2, 0);
    controls->setSpacing(0); // the period buttons read as one segmented control
    const struct
    {
        VolumePeriod period;
        QString text;
        QString name;
        QString tip;
    } periods[] = {
        { VolumePeriod::Today, tr("Today"), QStringLiteral("periodToday"),
            tr("Requests per hour since midnight") },
        { VolumePeriod::SevenDays, tr("7 days"), QStringLiteral("period7d"),
            tr("Requests per day over the last 7 days") },
        { VolumePeriod::ThirtyDays, tr("30 days"), QStringLiteral("period30d"),
            tr("Requests per day over the last 30 days") },
    };
    for (const auto &period : periods) {
        QToolButton *button = periodButton(period.text, period.name);
        button->setToolTip(period.tip);
        d->periods->addButton(button, static_cast<int>(period.period));
        controls->addWidget(button);
    }
    d->periods->button(static_cast<int>(d->period))->setChecked(true);
    controls->addStretch(1);
    d->perAction->setObjectName(QStringLiteral("perActionButton"));
    d->perAction->setText(tr("Per action"));
    d->perAction->setCheckable(true);
    d->perAction->setToolTip(
        tr("The five busiest actions and the rest as bands stacked up to the total"));
    controls->addWidget(d->perAction);
    d->perTenant->setObjectName(QStringLiteral("perTenantButton"));
    d->perTenant->setText(tr("Per tenant"));
    d->perTenant->setCheckable(true);
    d->perTenant->setToolTip(
        tr("The five busiest tenants and the rest as bands stacked up to the total"));
    d->perTenant->hide();
    controls->addWidget(d->perTenant);
    controls->addSpacing(12);
    d->follow->setObjectName(QStringLiteral("followTableFilter"));
    d->follow->setChecked(true);
    d->follow->setToolTip(tr("Count what the table's filter selects, over the chart's period"));
    controls->addWidget(d->follow);
    controls->addSpacing(6);
    d->actions->setEnabled(false);
    controls->addWidget(d->actions);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(controls);
    layout->addWidget(d->view, 1);
    // Low enough for a splitter to give the table most of the window, high enough for the
    // legend of five actions, "other" and the total (Qt clips a legend that does not fit).
    d->view->setMinimumHeight(fontMetrics().height() * 12);

    connect(d->periods, &QButtonGroup::idClicked, this,
        [this](int id) { setPeriod(static_cast<VolumePeriod>(id)); });
    connect(d->perAction, &QToolButton::toggled, this, [this](bool on) {
        if (on) {
            setGrouping(VolumeGrouping::Action);
        }
        d->view->plot()->setActionLines(on || d->perTenant->isChecked());
    });
    // The bands are the buckets' groups: per tenant, the counts are per schema.
    connect(d->perTenant, &QToolButton::toggled, this, [this](bool on) {
        if (on) {
            d->perAction->setChecked(false);
        }
        d->view->plot()->setActionLines(on || d->perAction->isChecked());
        emit groupingChanged();
    });
    connect(d->follow, &QCheckBox::toggled, this, [this](bool follows) {
        d->actions->setEnabled(!follows);
        emit actionFilterChanged();
    });
    connect(d->actions, &VolumeChartActionMenu::selectionChanged, this, [this] {
        if (!followsTableFilter()) {
            emit actionFilterChanged();
        }
    });
    connect(d->view, &VolumeChartView::bucketClicked, this, &VolumeChart::emitBucketClicked);
    updatePlaceholder();
}

VolumeChart::~VolumeChart() = default;

VolumePeriod VolumeChart::period() const
{
    return d->period;
}

void VolumeChart::setPeriod(VolumePeriod period)
{
    d->periods->button(static_cast<int>(period))->setChecked(true);
    if (period == d->period) {
        return;
    }
    d->period = period;
    emit periodChanged(period);
}

void VolumeChart::setSeries(const VolumeSeries &series)
{
    d->busy = false;
    d->loaded = true;
    d->error.clear();
    d->view->setBusy(false);
    // The series answers the request made with the grouping chosen now (older ones are dropped).
    d->view->plot()->setGroupedByTenant(grouping() == VolumeGrouping::Tenant);
    d->view->plot()->setSeries(series);
    updatePlaceholder();
}

const VolumeSeries &VolumeChart::series() const
{
    return d->view->plot()->series();
}

void VolumeChart::setBusy(bool busy)
{
    d->busy = busy;
    updatePlaceholder();
    // Before anything was shown the centred "Loading…" says it; afterwards a corner badge.
    d->view->setBusy(busy && (d->loaded || !d->error.isEmpty()));
}

bool VolumeChart::isBusy() const
{
    return d->busy;
}

void VolumeChart::showError(const QString &message)
{
    d->error = message.isEmpty() ? tr("The chart could not be loaded.") : message;
    updatePlaceholder();
    d->view->setBusy(d->busy);
}

void VolumeChart::setTimeZone(const QTimeZone &zone)
{
    d->view->plot()->setTimeZone(zone);
}

void VolumeChart::setActionChoices(const QStringList &actions)
{
    d->actions->setChoices(actions);
}

bool VolumeChart::followsTableFilter() const
{
    return d->follow->isChecked();
}

void VolumeChart::setFollowsTableFilter(bool follows)
{
    d->follow->setChecked(follows); // emits actionFilterChanged through toggled when it changes
}

QStringList VolumeChart::detachedActions() const
{
    return d->actions->selectedActions();
}

void VolumeChart::setDetachedActions(const QStringList &actions)
{
    const QStringList before = d->actions->selectedActions();
    d->actions->setSelectedActions(actions);
    if (d->actions->selectedActions() != before && !followsTableFilter()) {
        emit actionFilterChanged();
    }
}

bool VolumeChart::showsActionLines() const
{
    return d->perAction->isChecked();
}

void VolumeChart::setShowsActionLines(bool show)
{
    d->perAction->setChecked(show);
}

void VolumeChart::setPerTenantAvailable(bool available)
{
    if (!available) {
        setGrouping(VolumeGrouping::Action);
    }
    d->perTenant->setVisible(available);
}

VolumeGrouping VolumeChart::grouping() const
{
    return d->perTenant->isChecked() ? VolumeGrouping::Tenant : VolumeGrouping::Action;
}

void VolumeChart::setGrouping(VolumeGrouping grouping)
{
    d->perTenant->setChecked(grouping == VolumeGrouping::Tenant);
}

std::optional<int> VolumeChart::bucketAt(const QPoint &pos) const
{
    QWidget *viewport = d->view->viewport();
    const QPoint at = viewport->mapFrom(this, pos);
    if (!viewport->rect().contains(at)) {
        return std::nullopt;
    }
    return d->view->bucketAt(at);
}

QPoint VolumeChart::bucketPosition(int index) const
{
    const QPoint at = d->view->bucketPosition(index);
    return at.isNull() ? QPoint() : d->view->viewport()->mapTo(this, at);
}

QString VolumeChart::placeholderText() const
{
    return d->view->placeholder();
}

std::optional<int> VolumeChart::peakBucket() const
{
    return d->view->plot()->peakBucket();
}

QString VolumeChart::bucketToolTip(int index) const
{
    if (index < 0 || index >= series().buckets.size()) {
        return {};
    }
    return d->view->plot()->bucketToolTip(index);
}

QChart *VolumeChart::chart() const
{
    return d->view->chart();
}

void VolumeChart::mousePressEvent(QMouseEvent *event)
{
    d->pressed
        = event->button() == Qt::LeftButton ? bucketAt(event->position().toPoint()) : std::nullopt;
    if (d->pressed) {
        event->accept();
    } else {
        QWidget::mousePressEvent(event);
    }
}

void VolumeChart::mouseReleaseEvent(QMouseEvent *event)
{
    const std::optional<int> bucket = bucketAt(event->position().toPoint());
    if (event->button() == Qt::LeftButton && bucket && bucket == d->pressed) {
        emitBucketClicked(*bucket);
    }
    if (d->pressed) {
        event->accept();
    } else {
        QWidget::mouseReleaseEvent(event);
    }
    d->pressed.reset();
}

void VolumeChart::updatePlaceholder()
{
    if (!d->error.isEmpty()) {
        d->view->setPlaceholder(d->error, false);
    } else if (!d->loaded) {
        d->view->setPlaceholder(d->busy ? tr("Loading…") : tr("No data loaded"), false);
    } else if (series().total() == 0) {
        d->view->setPlaceholder(tr("No requests in this period"), true);
    } else {
        d->view->setPlaceholder(QString(), true);
    }
}

void VolumeChart::emitBucketClicked(int index)
{
    const VolumeRange &range = series().range;
    if (index < 0 || index >= range.bucketStarts.size()) {
        return;
    }
    const AuditTimestamp until
        = index + 1 < range.bucketStarts.size() ? range.bucketStarts.at(index + 1) : range.to;
    emit bucketClicked(range.bucketStarts.at(index), until);
}
