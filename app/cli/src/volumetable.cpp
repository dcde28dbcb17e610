#include "volumetable.h"

#include "displaytext.h"

#include <QHash>

#include <algorithm>

namespace {

constexpr qsizetype kSeparator = 2; // the spaces between two columns
constexpr qsizetype kLabelWidth = 16; // "yyyy-MM-dd HH:mm"
constexpr qsizetype kMinNumberWidth = 5;
constexpr qsizetype kMaxActionWidth = 14;

struct Column
{
    QString title;
    qsizetype width = 0;
};

qsizetype digits(qint64 n)
{
    return QString::number(n).size();
}

} // namespace

QString cutToWidth(const QString &text, qsizetype width)
{
    return text.size() <= width ? text : text.left(width - 1) + QChar(0x2026);
}

QStringList volumeTableLines(const VolumeSeries &series, const QTimeZone &zone, int width)
{
    QHash<QString, qint64> totals;
    QHash<QString, qint64> peaks;
    qint64 peakTotal = 0;
    for (const VolumeBucket &bucket : series.buckets) {
        peakTotal = std::max(peakTotal, bucket.total);
        for (auto it = bucket.actions.cbegin(); it != bucket.actions.cend(); ++it) {
            totals[it.key()] += it.value();
            peaks[it.key()] = std::max(peaks.value(it.key()), it.value());
        }
    }
    QStringList actions = totals.keys();
    std::sort(actions.begin(), actions.end(), [&](const QString &a, const QString &b) {
        return totals.value(a) != totals.value(b) ? totals.value(a) > totals.value(b) : a < b;
    });

    const Column total { QStringLiteral("total"), std::max(kMinNumberWidth, digits(peakTotal)) };
    QList<Column> columns;
    for (const QString &action : std::as_const(actions)) {
        const QString title = cutToWidth(visibleText(action), kMaxActionWidth);
        const qsizetype w
            = std::max({ title.size(), digits(peaks.value(action)), kMinNumberWidth });
        columns.append({ title, w });
    }
    // As many of the busiest actions as fit; when some are left, room for "other" too.
    const qsizetype other = std::max(kMinNumberWidth, digits(peakTotal));
    qsizetype used = kLabelWidth + kSeparator + total.width;
    qsizetype shown = 0;
    for (const Column &column : std::as_const(columns)) {
        const bool last = shown + 1 == columns.size();
        const qsizetype needed = used + kSeparator + column.width + (last ? 0 : kSeparator + other);
        if (needed > width) {
            break;
        }
        used += kSeparator + column.width;
        ++shown;
    }
    const bool hasOther = shown < columns.size();

    const bool hourly = series.range.unit == VolumeBucketUnit::Hour;
    const auto line = [&](const QString &label, const QStringList &cells) {
        QStringList parts { label.leftJustified(kLabelWidth) };
        for (qsizetype i = 0; i < cells.size(); ++i) {
            const qsizetype w = i == 0     ? total.width
                : qsizetype(i - 1) < shown ? columns.at(i - 1).width
                                           : other;
            parts.append(cells.at(i).rightJustified(w));
        }
        return parts.join(QString(kSeparator, QLatin1Char(' ')));
    };
    QStringList header { total.title };
    for (qsizetype i = 0; i < shown; ++i) {
        header.append(columns.at(i).title);
    }
    if (hasOther) {
        header.append(QStringLiteral("other"));
    }
    QStringList lines { line(hourly ? QStringLiteral("hour") : QStringLiteral("day"), header) };
    for (const VolumeBucket &bucket : series.buckets) {
        QStringList cells { QString::number(bucket.total) };
        qint64 rest = bucket.total;
        for (qsizetype i = 0; i < shown; ++i) {
            const qint64 count = bucket.actions.value(actions.at(i));
            cells.append(QString::number(count));
            rest -= count;
        }
        if (hasOther) {
            cells.append(QString::number(rest));
        }
        const QDateTime local = bucket.start.toDateTime(zone);
        lines.append(line(local.toString(hourly ? QStringLiteral("yyyy-MM-dd HH:mm")
                                                : QStringLiteral("yyyy-MM-dd")),
            cells));
    }
    return lines;
}
