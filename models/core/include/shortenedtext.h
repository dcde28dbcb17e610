#pragma once

#include <QString>

#include <utility>
#include <vector>

// Text with its very long lines shortened for display. Qt lays out and shapes a line as a
// whole, on the GUI thread, several times before it is first painted: one line of 800,000
// characters (a retained document in one JSON string) held the entry window for over half
// a second. Such a line keeps its head and its end, and the middle becomes a marker that
// says how much is left out; the tree view, Copy value, Copy entry and Save keep the whole
// value. Lines up to maxLineLength are kept as they are (the limit editors use too).
// Thread: any.
struct ShortenedText
{
    // A part of the original text left out, and the marker that stands for it.
    struct Cut
    {
        qsizetype from = 0; // [from, to) in the original text
        qsizetype to = 0;
        qsizetype markerStart = 0; // [markerStart, markerEnd) in `text`
        qsizetype markerEnd = 0;
    };

    static constexpr qsizetype maxLineLength = 10'000;
    // What a shortened line keeps: its first and its last characters.
    static constexpr qsizetype headLength = 8'000;
    static constexpr qsizetype tailLength = 200;

    // Shortens every line of `text` over maxLineLength. No range in `keepWhole` ([start,
    // end) in `text`, sorted) is split: it is kept or left out whole. A surrogate pair is
    // never split either. Text without long lines is shared, not copied.
    static ShortenedText shorten(
        const QString &text, const std::vector<std::pair<qsizetype, qsizetype>> &keepWhole = {});
    // The marker for `count` characters left out, e.g. "⟪ 791,800 characters not shown … ⟫".
    static QString marker(qsizetype count);

    // Where original position `position` is in `text`, or -1 when it was left out.
    qsizetype mapFromOriginal(qsizetype position) const;
    bool isShortened() const { return !cuts.empty(); }

    QString text;
    std::vector<Cut> cuts; // in text order
};
