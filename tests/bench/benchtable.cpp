#include "benchtable.h"

#include <QStringList>

#include <algorithm>
#include <cmath>
#include <cstdio>

QString BenchTable::milliseconds(double ms)
{
    if (ms < 0) {
        return QStringLiteral("–");
    }
    if (ms < 10) {
        return QString::number(ms, 'f', 2);
    }
    if (ms < 1000) {
        return QString::number(ms, 'f', 1);
    }
    return QString::number(ms, 'f', 0);
}

QString BenchTable::ratio(double ours, double other)
{
    if (ours < 0 || other <= 0) {
        return QStringLiteral("–");
    }
    const double r = ours / other;
    // Two decimals, or two significant digits below 0.1 (0.034x, 0.00037x).
    const int decimals = r >= 0.1 ? 2 : std::clamp(int(std::ceil(-std::log10(r))) + 1, 3, 8);
    return QString::number(r, 'f', decimals) + QLatin1Char('x');
}

void BenchTable::add(const BenchLine &line)
{
    m_lines.append(line);
    const QString verdict
        = line.pass ? (*line.pass ? QStringLiteral("PASS") : QStringLiteral("MISS")) : QString();
    std::printf("%-30s %-34s %9s %9s %8s %10s %9s  %-16s %-4s %s\n", qPrintable(line.operation),
        qPrintable(line.filter), qPrintable(milliseconds(line.ours)),
        qPrintable(milliseconds(line.psql)), qPrintable(ratio(line.ours, line.psql)),
        qPrintable(milliseconds(line.hindsight)), qPrintable(ratio(line.ours, line.hindsight)),
        qPrintable(line.target), qPrintable(verdict), qPrintable(line.note));
    std::fflush(stdout);
}

QString BenchTable::markdown() const
{
    QStringList out;
    out.append(QStringLiteral("| operation | filter | ours ms | psql ms | ours / psql | "
                              "Hindsight's SQL ms | ours / Hindsight | target | | notes |"));
    out.append(QStringLiteral("|---|---|--:|--:|--:|--:|--:|---|---|---|"));
    for (const BenchLine &line : m_lines) {
        const QString verdict = line.pass
            ? (*line.pass ? QStringLiteral("PASS") : QStringLiteral("**MISS**"))
            : QString();
        QString note = line.note;
        note.replace(QLatin1Char('|'), QLatin1String("\\|"));
        out.append(
            QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 | %7 | %8 | %9 | %10 |")
                .arg(line.operation, line.filter, milliseconds(line.ours), milliseconds(line.psql),
                    ratio(line.ours, line.psql), milliseconds(line.hindsight),
                    ratio(line.ours, line.hindsight), line.target, verdict, note));
    }
    return out.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

QStringList BenchTable::misses() const
{
    QStringList out;
    for (const BenchLine &line : m_lines) {
        if (line.pass && !*line.pass) {
            out.append(line.operation + QLatin1Char(' ') + line.filter);
        }
    }
    return out;
}
