#include "interleaved.h"

#include <algorithm>
#include <cmath>

double Interleaved::timed(const std::function<bool()> &operation)
{
    QElapsedTimer timer;
    timer.start();
    const bool ok = operation();
    const double ms = timer.nsecsElapsed() / 1e6;
    return ok ? ms : -1;
}

double Interleaved::median(QList<double> values)
{
    if (values.isEmpty()) {
        return -1;
    }
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 == 1 ? values.at(n / 2) : (values.at(n / 2 - 1) + values.at(n / 2)) / 2;
}

QList<double> Interleaved::measure(const QList<Side> &sides)
{
    QList<QList<double>> times(sides.size());
    QList<bool> failed(sides.size(), false);
    // The warm-up round also tells how long a round takes.
    double roundMs = 0;
    for (qsizetype i = 0; i < sides.size(); ++i) {
        const double ms = sides.at(i).run();
        failed[i] = ms < 0;
        roundMs += std::max(0.0, ms);
    }
    const int affordable = roundMs > 0 ? static_cast<int>(std::floor(m_budgetMs / roundMs)) : 0;
    m_rounds = std::clamp(affordable, std::min(m_minRounds, m_maxRounds), m_maxRounds);
    for (int round = 0; round < m_rounds; ++round) {
        for (qsizetype k = 0; k < sides.size(); ++k) {
            const qsizetype i = round % 2 == 0 ? k : sides.size() - 1 - k;
            if (failed.at(i)) {
                continue;
            }
            const double ms = sides.at(i).run();
            if (ms < 0) {
                failed[i] = true;
            } else {
                times[i].append(ms);
            }
        }
    }
    QList<double> medians;
    for (qsizetype i = 0; i < sides.size(); ++i) {
        medians.append(failed.at(i) ? -1 : median(times.at(i)));
    }
    return medians;
}
