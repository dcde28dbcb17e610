#include "looplateness.h"

#include <QEvent>
#include <QMetaEnum>
#include <QPointer>
#include <QThread>

#include <algorithm>
#include <cmath>

LoopLateness::LoopLateness(int intervalMs, QObject *parent)
    : QObject(parent)
    , m_intervalMs(intervalMs)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &LoopLateness::tick);
    m_clock.start();
}

void LoopLateness::beginPhase(const QString &name)
{
    if (!m_phases.isEmpty()) {
        m_phases.last().seconds = m_phaseClock.nsecsElapsed() / 1e9;
    }
    m_phases.append({ name, {}, 0 });
    m_phaseClock.start();
    if (!m_timer.isActive()) {
        m_lastTickNs = m_clock.nsecsElapsed();
        m_timer.start();
    }
}

void LoopLateness::stop()
{
    m_timer.stop();
    if (!m_phases.isEmpty()) {
        m_phases.last().seconds = m_phaseClock.nsecsElapsed() / 1e9;
    }
}

QString LoopLateness::currentPhase() const
{
    return m_phases.isEmpty() ? QString() : m_phases.last().name;
}

void LoopLateness::tick()
{
    const qint64 now = m_clock.nsecsElapsed();
    const double late = (now - m_lastTickNs) / 1e6 - m_intervalMs;
    m_lastTickNs = now;
    if (!m_phases.isEmpty()) {
        m_phases.last().lateness.append(std::max(0.0, late));
    }
}

LoopLateness::Stats LoopLateness::statsOf(const QList<double> &lateness)
{
    Stats stats;
    if (lateness.isEmpty()) {
        return stats;
    }
    QList<double> sorted = lateness;
    std::sort(sorted.begin(), sorted.end());
    stats.ticks = static_cast<int>(sorted.size());
    stats.max = sorted.last();
    const qsizetype p99 = std::min<qsizetype>(
        sorted.size() - 1, static_cast<qsizetype>(std::ceil(0.99 * sorted.size())) - 1);
    stats.p99 = sorted.at(std::max<qsizetype>(0, p99));
    stats.over50 = static_cast<int>(
        std::count_if(sorted.begin(), sorted.end(), [](double ms) { return ms > 50; }));
    return stats;
}

TimedApplication::TimedApplication(int &argc, char **argv)
    : QApplication(argc, argv)
{
}

bool TimedApplication::notify(QObject *receiver, QEvent *event)
{
    // Only the GUI thread's own deliveries: notify() also runs on the worker threads.
    if (m_depth > 0 || QThread::currentThread() != thread()) {
        return QApplication::notify(receiver, event);
    }
    // Read before delivery: the receiver may be deleted by its own event.
    const QEvent::Type type = event->type();
    const char *className = receiver->metaObject()->className();
    const QPointer<QObject> guard(receiver);
    QElapsedTimer timer;
    timer.start();
    ++m_depth;
    const bool result = QApplication::notify(receiver, event);
    --m_depth;
    const double ms = timer.nsecsElapsed() / 1e6;
    if (ms > m_thresholdMs) {
        const QMetaEnum types = QMetaEnum::fromType<QEvent::Type>();
        const char *typeName = types.valueToKey(type);
        QString name = QString::fromLatin1(className);
        if (guard && !guard->objectName().isEmpty()) {
            name += QLatin1Char('/') + guard->objectName();
        }
        m_longEvents.append({ m_lateness ? m_lateness->currentPhase() : QString(), name,
            typeName ? QString::fromLatin1(typeName) : QString::number(type), ms });
    }
    return result;
}

void TimedApplication::timeCall(const QString &what, const std::function<void()> &call)
{
    QElapsedTimer timer;
    timer.start();
    ++m_depth;
    call();
    --m_depth;
    const double ms = timer.nsecsElapsed() / 1e6;
    if (ms > m_thresholdMs) {
        m_longEvents.append({ m_lateness ? m_lateness->currentPhase() : QString(), what,
            QStringLiteral("direct call"), ms });
    }
}
