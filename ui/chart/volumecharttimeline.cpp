#include "volumecharttimeline.h"

#include <QFontMetrics>
#include <QLocale>
#include <QSet>

#include <algorithm>
#include <array>

namespace {

constexpr qint64 kUsecsPerMsec = 1000;
constexpr qint64 kMsecsPerHour = 3'600'000;

qreal toX(AuditTimestamp at)
{
    return static_cast<qreal>(at.usecsSinceEpoch()) / kUsecsPerMsec;
}

// Room around a label so that neighbours do not touch.
int labelGap(const QFontMetrics &metrics)
{
    return 2 * metrics.averageCharWidth();
}

} // namespace

VolumeChartTimeline::VolumeChartTimeline(const VolumeSeries &series, const QTimeZone &zone)
    : m_starts(series.range.bucketStarts)
    , m_end(series.range.to)
    , m_unit(series.range.unit)
    , m_zone(zone.isValid() ? zone : QTimeZone::systemTimeZone())
{
    if (m_starts.isEmpty()) {
        return;
    }
    m_minimum = toX(m_starts.first());
    m_maximum = toX(m_end);
    if (m_unit == VolumeBucketUnit::Hour) {
        // The day of the series' own zone, which may differ from the zone that labels it.
        const QTimeZone seriesZone(series.zoneId.toUtf8());
        if (seriesZone.isValid()) {
            const QDate day = m_starts.first().toDateTime(seriesZone).date();
            m_maximum = std::max(m_maximum,
                static_cast<qreal>(day.addDays(1).startOfDay(seriesZone).toMSecsSinceEpoch()));
        }
    }
}

qreal VolumeChartTimeline::bucketX(int index) const
{
    const qint64 start = m_starts.at(index).usecsSinceEpoch();
    const qint64 end = bucketEnd(index).usecsSinceEpoch();
    return static_cast<qreal>(start + (end - start) / 2) / kUsecsPerMsec;
}

std::optional<int> VolumeChartTimeline::bucketAtX(qreal x) const
{
    if (m_starts.isEmpty()) {
        return std::nullopt;
    }
    const auto at = AuditTimestamp::fromUsecsSinceEpoch(static_cast<qint64>(x * kUsecsPerMsec));
    if (at < m_starts.first() || at >= m_end) {
        return std::nullopt;
    }
    const auto after = std::upper_bound(m_starts.cbegin(), m_starts.cend(), at);
    return static_cast<int>(after - m_starts.cbegin()) - 1;
}

AuditTimestamp VolumeChartTimeline::bucketEnd(int index) const
{
    return index + 1 < m_starts.size() ? m_starts.at(index + 1) : m_end;
}

QList<VolumeChartTimeline::Tick> VolumeChartTimeline::ticks(
    qreal plotWidth, const QFontMetrics &metrics) const
{
    if (m_starts.isEmpty() || m_maximum <= m_minimum || plotWidth <= 0) {
        return {};
    }
    return m_unit == VolumeBucketUnit::Hour ? hourTicks(plotWidth, metrics)
                                            : dayTicks(plotWidth, metrics);
}

QList<VolumeChartTimeline::Tick> VolumeChartTimeline::hourTicks(
    qreal plotWidth, const QFontMetrics &metrics) const
{
    const QString format = QStringLiteral("HH:mm");
    const qreal pixelsPerHour = plotWidth * kMsecsPerHour / (m_maximum - m_minimum);
    const int labelWidth = metrics.horizontalAdvance(QStringLiteral("00:00")) + labelGap(metrics);
    static constexpr std::array kSteps { 1, 2, 3, 4, 6, 12 };
    const auto fits = std::find_if(
        kSteps.begin(), kSteps.end(), [&](int step) { return step * pixelsPerHour >= labelWidth; });
    const int step = fits == kSteps.end() ? kSteps.back() : *fits;

    QList<Tick> ticks;
    QSet<QString> seen; // a repeated hour (autumn's daylight-saving change) is labelled once
    const auto first = static_cast<qint64>(m_minimum);
    for (qint64 msecs = first; msecs <= static_cast<qint64>(m_maximum); msecs += kMsecsPerHour) {
        const QDateTime local = QDateTime::fromMSecsSinceEpoch(msecs, m_zone);
        if (local.time().hour() % step != 0) {
            continue;
        }
        const QString text = local.toString(format);
        if (!seen.contains(text)) {
            seen.insert(text);
            ticks.append({ static_cast<qreal>(msecs), text });
        }
    }
    return ticks;
}

QList<VolumeChartTimeline::Tick> VolumeChartTimeline::dayTicks(
    qreal plotWidth, const QFontMetrics &metrics) const
{
    const QLocale locale;
    const int count = bucketCount();
    const qreal pixelsPerDay = plotWidth / count;
    QList<QDate> dates;
    for (int i = 0; i < count; ++i) {
        dates.append(QDateTime::fromMSecsSinceEpoch(qint64(bucketX(i)), m_zone).date());
    }
    struct Choice
    {
        QString format;
        int step;
    };
    QList<Choice> choices;
    if (count <= 7) {
        choices.append({ tr("ddd d MMM", "date format of a day on the chart's axis"), 1 });
    }
    for (int step : { 1, 2, 3, 5, 7, 10, 15 }) {
        choices.append({ tr("d MMM", "short date format on the chart's axis"), step });
    }
    Choice chosen = choices.constLast();
    for (const Choice &choice : std::as_const(choices)) {
        int widest = 0;
        for (const QDate &date : std::as_const(dates)) {
            widest
                = std::max(widest, metrics.horizontalAdvance(locale.toString(date, choice.format)));
        }
        if (choice.step * pixelsPerDay >= widest + labelGap(metrics)) {
            chosen = choice;
            break;
        }
    }
    QList<Tick> ticks;
    // Counted back from the last day, so that today always has its label.
    for (int i = 0; i < count; ++i) {
        if ((count - 1 - i) % chosen.step == 0) {
            ticks.append({ bucketX(i), locale.toString(dates.at(i), chosen.format) });
        }
    }
    return ticks;
}

QString VolumeChartTimeline::rangeText(int index) const
{
    const QLocale locale;
    const QDateTime start = m_starts.at(index).toDateTime(m_zone);
    const QDateTime end = bucketEnd(index).toDateTime(m_zone);
    const QDate day = start.date();
    if (m_unit == VolumeBucketUnit::Day && start == day.startOfDay(m_zone)
        && end == day.addDays(1).startOfDay(m_zone)) {
        return locale.toString(day, tr("ddd d MMM yyyy", "date format of a whole day"));
    }
    const QString time = QStringLiteral("HH:mm");
    if (end.date() == day || end == day.addDays(1).startOfDay(m_zone)) {
        QString from = start.toString(time);
        QString until = end.toString(time);
        if (start.offsetFromUtc() != end.offsetFromUtc()) {
            // The repeated hour of a daylight-saving change would read "02:00–02:00".
            from += QLatin1Char(' ') + start.timeZoneAbbreviation();
            until += QLatin1Char(' ') + end.timeZoneAbbreviation();
        }
        return tr("%1 %2–%3", "day, start time, end time")
            .arg(locale.toString(day, tr("d MMM", "short date format in a time range")), from,
                until);
    }
    const QString format = tr("ddd d MMM HH:mm", "date and time format of a range's end");
    return tr("%1 – %2", "start and end of a time range")
        .arg(locale.toString(start, format), locale.toString(end, format));
}
