#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QString>

#include <functional>

// Medians of several ways of doing one thing, measured in turns: one run of each side, then
// the next round in the opposite order, so that the sides share the machine's noise (other
// engineers compiling next door). One unmeasured round warms caches and connections; the
// number of rounds then adapts to a time budget (slow statements get fewer, never fewer
// than `minRounds`). Bench code only. Thread: one thread.
class Interleaved
{
public:
    // A side returns its time in milliseconds, or a negative number when it failed.
    struct Side
    {
        QString name;
        std::function<double()> run;
    };

    Interleaved(int maxRounds, double budgetMs, int minRounds = 3)
        : m_maxRounds(maxRounds)
        , m_budgetMs(budgetMs)
        , m_minRounds(minRounds)
    {
    }

    // Medians in the order of `sides` (-1 for a side that failed), and in rounds() how many
    // rounds counted.
    QList<double> measure(const QList<Side> &sides);
    int rounds() const { return m_rounds; }

    // Times `operation` (which returns whether it succeeded) with a monotonic clock.
    static double timed(const std::function<bool()> &operation);
    static double median(QList<double> values);

private:
    int m_maxRounds;
    double m_budgetMs;
    int m_minRounds;
    int m_rounds = 0;
};
