#include "shortenedtext.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>
#include <climits>

namespace {

using Range = std::pair<qsizetype, qsizetype>;

// The first range in `ranges` (sorted) that ends after `position`.
std::vector<Range>::const_iterator firstEndingAfter(
    const std::vector<Range> &ranges, qsizetype position)
{
    return std::upper_bound(ranges.begin(), ranges.end(), position,
        [](qsizetype at, const Range &range) { return at < range.second; });
}

// Moves a cut's start forward and its end back until neither splits a range of `keepWhole`
// nor a surrogate pair.
void keepWholeAround(
    const QString &text, const std::vector<Range> &keepWhole, qsizetype &from, qsizetype &to)
{
    auto range = firstEndingAfter(keepWhole, from);
    if (range != keepWhole.end() && range->first < from) {
        from = range->second;
    }
    range = firstEndingAfter(keepWhole, to);
    if (range != keepWhole.end() && range->first < to && to < range->second) {
        to = range->first;
    }
    if (from > 0 && from < text.size() && text[from].isLowSurrogate()) {
        ++from;
    }
    if (to > 0 && to < text.size() && text[to].isLowSurrogate()) {
        --to;
    }
}

} // namespace

QString ShortenedText::marker(qsizetype count)
{
    // Spaced from the text on either side, inside its band, so no word runs into it. The
    // plural form follows the count; past INT_MAX any large number picks the same.
    const int n = static_cast<int>(std::min<qsizetype>(count, INT_MAX));
    return QLatin1Char(' ')
        + QCoreApplication::translate("ShortenedText",
            "⟪ %1 characters not shown: the Tree view, Copy value and Save have the whole value ⟫",
            nullptr, n)
              .arg(QLocale().toString(count))
        + QLatin1Char(' ');
}

ShortenedText ShortenedText::shorten(const QString &text, const std::vector<Range> &keepWhole)
{
    ShortenedText result;
    std::vector<Range> longLines;
    for (qsizetype start = 0; start <= text.size();) {
        qsizetype end = text.indexOf(QLatin1Char('\n'), start);
        if (end < 0) {
            end = text.size();
        }
        if (end - start > maxLineLength) {
            longLines.emplace_back(start, end);
        }
        start = end + 1;
    }
    if (longLines.empty()) {
        result.text = text;
        return result;
    }
    qsizetype copied = 0;
    for (const auto &[start, end] : longLines) {
        qsizetype from = start + headLength;
        qsizetype to = end - tailLength;
        keepWholeAround(text, keepWhole, from, to);
        if (to <= from) {
            continue; // a kept range fills the line
        }
        result.text.append(QStringView(text).mid(copied, from - copied));
        Cut cut { from, to, result.text.size(), 0 };
        result.text.append(marker(to - from));
        cut.markerEnd = result.text.size();
        result.cuts.push_back(cut);
        copied = to;
    }
    if (result.cuts.empty()) {
        result.text = text;
        return result;
    }
    result.text.append(QStringView(text).mid(copied));
    return result;
}

qsizetype ShortenedText::mapFromOriginal(qsizetype position) const
{
    const auto after = std::upper_bound(cuts.begin(), cuts.end(), position,
        [](qsizetype at, const Cut &cut) { return at < cut.from; });
    if (after == cuts.begin()) {
        return position;
    }
    const Cut &cut = *std::prev(after);
    return position < cut.to ? -1 : position - cut.to + cut.markerEnd;
}
