#pragma once

#include <QList>
#include <QString>

#include <optional>

// One measured operation: our median beside psql's and Hindsight's for the same work, and
// the target it is held to.
struct BenchLine
{
    QString operation;
    QString filter;
    double ours = -1; // milliseconds; negative: not measured or failed
    double psql = -1;
    double hindsight = -1;
    QString target; // e.g. "≤ 1.5x psql"; empty when none applies
    std::optional<bool> pass;
    QString note;
};

// The results table: each line printed as it is added, and all of them as Markdown.
// Bench code only. Thread: one thread.
class BenchTable
{
public:
    void add(const BenchLine &line);
    const QList<BenchLine> &lines() const { return m_lines; }
    QString markdown() const;
    // The lines that missed their target, one "operation filter: note" each.
    QStringList misses() const;

    static QString milliseconds(double ms);
    static QString ratio(double ours, double other);

private:
    QList<BenchLine> m_lines;
};
