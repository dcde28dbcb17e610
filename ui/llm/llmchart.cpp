#include "llmchart.h"

#include "auditworker.h"
#include "theme.h"
#include "volumechartplot.h"
#include "volumechartview.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace {

qint64 tokensOf(const LlmCounts &counts, LlmChart::Metric metric)
{
    return metric == LlmChart::Metric::Calls ? counts.calls : counts.tokens.total;
}

} // namespace

LlmChart::LlmChart(QWidget *parent)
    : QWidget(parent)
    , m_worker(new AuditWorker(this))
    , m_view(new VolumeChartView)
    , m_periods(new QButtonGroup(this))
    , m_metric(new QComboBox)
    , m_breakdown(new QComboBox)
    , m_cumulative(new QCheckBox(tr("Cumulative")))
    , m_connect(m_worker)
    , m_request(m_worker)
{
    setObjectName(QStringLiteral("llmChart"));
    auto *controls = new QHBoxLayout;
    controls->setContentsMargins(2, 2, 2, 0);
    controls->setSpacing(0);
    const struct
    {
        VolumePeriod period;
        QString text;
        const char *name;
    } periods[] = {
        { VolumePeriod::Today, tr("Today"), "llmPeriodToday" },
        { VolumePeriod::SevenDays, tr("7 days"), "llmPeriod7d" },
        { VolumePeriod::ThirtyDays, tr("30 days"), "llmPeriod30d" },
    };
    for (const auto &period : periods) {
        auto *button = new QToolButton;
        button->setText(period.text);
        button->setObjectName(QLatin1String(period.name));
        button->setCheckable(true);
        m_periods->addButton(button, static_cast<int>(period.period));
        controls->addWidget(button);
    }
    m_periods->button(static_cast<int>(VolumePeriod::Today))->setChecked(true);
    controls->addSpacing(12);
    m_metric->setObjectName(QStringLiteral("llmMetricCombo"));
    m_metric->addItem(tr("Calls"), QVariant::fromValue(Metric::Calls));
    m_metric->addItem(tr("Tokens"), QVariant::fromValue(Metric::Tokens));
    m_metric->setToolTip(tr("Count calls, or sum their tokens"));
    controls->addWidget(m_metric);
    controls->addSpacing(6);
    m_breakdown->setObjectName(QStringLiteral("llmBreakdownCombo"));
    m_breakdown->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    controls->addWidget(m_breakdown);
    controls->addSpacing(6);
    m_cumulative->setObjectName(QStringLiteral("llmCumulativeCheck"));
    m_cumulative->setToolTip(tr("Each bucket shows the sum up to its end"));
    controls->addWidget(m_cumulative);
    controls->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(controls);
    layout->addWidget(m_view, 1);
    m_view->setMinimumHeight(fontMetrics().height() * 12);
    m_view->plot()->setLegendFilters(true);
    m_view->plot()->setActionLines(true);

    auto fillBreakdowns = [this] {
        const Breakdown before = breakdown();
        const bool tokens = shownMetric() == Metric::Tokens;
        m_breakdown->clear();
        m_breakdown->addItem(tokens ? tr("Input / cached / output") : tr("By status"),
            QVariant::fromValue(Breakdown::Stacked));
        m_breakdown->addItem(tr("Total"), QVariant::fromValue(Breakdown::Total));
        m_breakdown->addItem(tr("Per operation"), QVariant::fromValue(Breakdown::PerOperation));
        m_breakdown->addItem(tr("Per model"), QVariant::fromValue(Breakdown::PerModel));
        m_breakdown->setCurrentIndex(m_breakdown->findData(QVariant::fromValue(before)));
    };
    m_breakdown->addItem(QString(), QVariant::fromValue(Breakdown::Stacked));
    fillBreakdowns();
    connect(m_metric, &QComboBox::activated, this, [this, fillBreakdowns] {
        fillBreakdowns();
        redraw();
    });
    connect(m_breakdown, &QComboBox::activated, this, [this] {
        // Per model needs the worker to count per model; everything else is drawn from the
        // series already loaded (its groups are per operation).
        if ((breakdown() == Breakdown::PerModel) != (m_stats.grouping == LlmGrouping::Model)) {
            reload();
        } else {
            redraw();
        }
    });
    connect(m_cumulative, &QCheckBox::toggled, this, &LlmChart::redraw);
    connect(m_periods, &QButtonGroup::idClicked, this, [this] { reload(); });
    connect(m_view, &VolumeChartView::bucketClicked, this, &LlmChart::onBucketClicked);
    connect(m_view->plot(), &VolumeChartPlot::groupClicked, this, &LlmChart::onGroupClicked);
    connect(m_worker, &AuditWorker::connected, this, [this](quint64 id) {
        if (m_connect.take(id)) {
            m_connected = true;
            reload();
        }
    });
    connect(m_worker, &AuditWorker::llmStatsLoaded, this, &LlmChart::onStats);
    connect(m_worker, &AuditWorker::queryFailed, this, &LlmChart::onFailed);
    updatePlaceholder();
}

void LlmChart::connectTo(const ConnectionSettings &settings)
{
    m_connected = false;
    m_request.abandon();
    m_connect.start(m_worker->connectTo(settings));
}

void LlmChart::setTableFilter(const LlmFilter &filter)
{
    LlmFilter counted = filter;
    counted.since.reset(); // the chart's period replaces the table's range
    counted.until.reset();
    if (counted == m_filter && m_loaded) {
        return;
    }
    m_filter = counted;
    reload();
}

void LlmChart::reload(bool recountAll)
{
    if (!m_connected) {
        return;
    }
    const QTimeZone zone = m_utc ? QTimeZone::utc() : QTimeZone::systemTimeZone();
    const LlmGrouping grouping
        = breakdown() == Breakdown::PerModel ? LlmGrouping::Model : LlmGrouping::Operation;
    m_view->setBusy(m_loaded);
    m_request.start(m_worker->loadLlmStats(m_filter, period(), zone, grouping, recountAll));
    updatePlaceholder();
}

void LlmChart::setUtc(bool utc)
{
    if (utc == m_utc) {
        return;
    }
    m_utc = utc;
    m_view->plot()->setTimeZone(utc ? QTimeZone::utc() : QTimeZone::systemTimeZone());
    reload(); // buckets follow the zone's days
}

VolumePeriod LlmChart::period() const
{
    return static_cast<VolumePeriod>(m_periods->checkedId());
}

void LlmChart::setPeriod(VolumePeriod period)
{
    if (period != this->period()) {
        m_periods->button(static_cast<int>(period))->setChecked(true);
        reload();
    }
}

LlmChart::Metric LlmChart::shownMetric() const
{
    return m_metric->currentData().value<Metric>();
}

void LlmChart::setMetric(Metric metric)
{
    m_metric->setCurrentIndex(m_metric->findData(QVariant::fromValue(metric)));
    emit m_metric->activated(m_metric->currentIndex());
}

LlmChart::Breakdown LlmChart::breakdown() const
{
    return m_breakdown->currentData().value<Breakdown>();
}

void LlmChart::setBreakdown(Breakdown breakdown)
{
    m_breakdown->setCurrentIndex(m_breakdown->findData(QVariant::fromValue(breakdown)));
    emit m_breakdown->activated(m_breakdown->currentIndex());
}

bool LlmChart::isCumulative() const
{
    return m_cumulative->isChecked();
}

void LlmChart::setCumulative(bool cumulative)
{
    m_cumulative->setChecked(cumulative);
}

const VolumeSeries &LlmChart::drawnSeries() const
{
    return m_view->plot()->series();
}

QString LlmChart::placeholderText() const
{
    return m_view->placeholder();
}

VolumeSeries LlmChart::plotted(
    const LlmStatsSeries &stats, Metric metric, Breakdown breakdown, bool cumulative)
{
    VolumeSeries series;
    series.range = stats.range;
    series.zoneId = stats.zoneId;
    VolumeBucket sum;
    for (const LlmStatsBucket &from : stats.buckets) {
        VolumeBucket bucket;
        bucket.start = from.start;
        if (metric == Metric::Tokens && breakdown == Breakdown::Stacked) {
            // Hindsight counts cached tokens inside the input (total = input + output): the
            // input band is the part not read from the cache, so the stack adds up to the total.
            const LlmTokens &tokens = from.total.tokens;
            const qint64 cached = std::min(tokens.cached, tokens.input);
            bucket.actions = { { tr("Input, not cached"), tokens.input - cached },
                { tr("Cached input"), cached }, { tr("Output"), tokens.output } };
            bucket.total = tokens.input + tokens.output;
        } else {
            bucket.total = tokensOf(from.total, metric);
            if (breakdown == Breakdown::Stacked) {
                for (auto it = from.total.statuses.cbegin(); it != from.total.statuses.cend();
                     ++it) {
                    bucket.actions.insert(it.key(), it.value());
                }
            } else if (breakdown != Breakdown::Total) {
                for (auto it = from.groups.cbegin(); it != from.groups.cend(); ++it) {
                    bucket.actions.insert(it.key(), tokensOf(it.value(), metric));
                }
            }
        }
        for (auto it = bucket.actions.begin(); it != bucket.actions.end();) {
            it = it.value() == 0 && !cumulative ? bucket.actions.erase(it) : std::next(it);
        }
        if (cumulative) {
            sum.total += bucket.total;
            for (auto it = bucket.actions.cbegin(); it != bucket.actions.cend(); ++it) {
                sum.actions[it.key()] += it.value();
            }
            bucket.total = sum.total;
            bucket.actions = sum.actions;
        }
        series.buckets.append(bucket);
    }
    return series;
}

void LlmChart::onStats(quint64 requestId, const LlmStatsSeries &series)
{
    if (!m_request.take(requestId)) {
        return;
    }
    m_stats = series;
    m_loaded = true;
    m_error.clear();
    redraw();
    emit seriesShown();
}

void LlmChart::onFailed(quint64 requestId, const QueryError &error)
{
    if (m_connect.take(requestId)) {
        m_error = error.message;
    } else if (m_request.take(requestId)) {
        if (error.kind == QueryError::Kind::Cancelled) {
            return;
        }
        m_error = error.message.isEmpty() ? tr("The chart could not be loaded.") : error.message;
    } else {
        return;
    }
    m_view->setBusy(false);
    updatePlaceholder();
}

void LlmChart::redraw()
{
    m_view->setBusy(false);
    // Calls by status in the audit log's badge colours: a failed call reads red there too.
    const bool byStatus = shownMetric() == Metric::Calls && breakdown() == Breakdown::Stacked;
    m_view->plot()->setBandColors(byStatus
            ? QHash<QString, QColor> { { QStringLiteral("success"),
                                           Theme::badge(QStringLiteral("ok")) },
                { QStringLiteral("error"), Theme::badge(QStringLiteral("failed")) } }
            : QHash<QString, QColor>());
    m_view->plot()->setSeries(plotted(m_stats, shownMetric(), breakdown(), isCumulative()));
    updatePlaceholder();
}

void LlmChart::updatePlaceholder()
{
    if (!m_error.isEmpty()) {
        m_view->setPlaceholder(m_error, false);
    } else if (!m_loaded) {
        m_view->setPlaceholder(
            m_request.isPending() ? tr("Loading…") : tr("No data loaded"), false);
    } else if (m_stats.total().calls == 0) {
        m_view->setPlaceholder(tr("No LLM calls in this period"), true);
    } else {
        m_view->setPlaceholder(QString(), true);
    }
}

void LlmChart::onBucketClicked(int index)
{
    const VolumeRange &range = m_stats.range;
    if (index < 0 || index >= range.bucketStarts.size()) {
        return;
    }
    const AuditTimestamp until
        = index + 1 < range.bucketStarts.size() ? range.bucketStarts.at(index + 1) : range.to;
    emit drillDownRequested(range.bucketStarts.at(index), until);
}

void LlmChart::onGroupClicked(const QString &group)
{
    if (group.isEmpty() || (shownMetric() == Metric::Tokens && breakdown() == Breakdown::Stacked)) {
        return; // calls without an operation or model; input, output and cached are not something
                // to filter by
    }
    switch (breakdown()) {
    case Breakdown::Stacked:
        emit statusClicked(group);
        break;
    case Breakdown::PerOperation:
        emit operationClicked(group);
        break;
    case Breakdown::PerModel:
        emit modelClicked(group);
        break;
    case Breakdown::Total:
        break;
    }
}
