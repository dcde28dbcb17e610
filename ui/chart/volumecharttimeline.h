#pragma once

#include "audittimestamp.h"
#include "volumestats.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QTimeZone>

#include <optional>

class QFontMetrics;

// The volume chart's time axis. Each bucket is drawn at the real instant in its middle
// (milliseconds since the epoch), so a position maps to the same bucket whichever zone labels
// the axis; only tick texts and range texts follow the display zone. Ticks sit on that zone's
// wall-clock hours or under each day's point: QDateTimeAxis would space them evenly in the
// process's own zone, which across a daylight-saving change labels 23:00 as the wrong day.
// Thread: any (a value type).
class VolumeChartTimeline
{
    Q_DECLARE_TR_FUNCTIONS(VolumeChartTimeline)
public:
    struct Tick
    {
        qreal x = 0;
        QString text;
        bool operator==(const Tick &) const = default;
    };

    VolumeChartTimeline() = default;
    VolumeChartTimeline(const VolumeSeries &series, const QTimeZone &zone);

    bool isEmpty() const { return m_starts.isEmpty(); }
    int bucketCount() const { return static_cast<int>(m_starts.size()); }
    qreal minimum() const { return m_minimum; }
    // Today runs to the end of the day, so the hours still to come have their place.
    qreal maximum() const { return m_maximum; }

    qreal bucketX(int index) const;
    std::optional<int> bucketAtX(qreal x) const;
    AuditTimestamp bucketStart(int index) const { return m_starts.at(index); }
    // The next bucket's start, or the range's end for the last bucket.
    AuditTimestamp bucketEnd(int index) const;

    // Labelled ticks that fit `plotWidth` pixels with labels measured by `metrics`.
    QList<Tick> ticks(qreal plotWidth, const QFontMetrics &metrics) const;
    // The bucket's span in the display zone: "Tue 27 Oct 2026", "27 Oct 14:00–15:00".
    QString rangeText(int index) const;

private:
    QList<Tick> hourTicks(qreal plotWidth, const QFontMetrics &metrics) const;
    QList<Tick> dayTicks(qreal plotWidth, const QFontMetrics &metrics) const;

    QList<AuditTimestamp> m_starts;
    AuditTimestamp m_end;
    VolumeBucketUnit m_unit = VolumeBucketUnit::Hour;
    QTimeZone m_zone;
    qreal m_minimum = 0;
    qreal m_maximum = 0;
};
