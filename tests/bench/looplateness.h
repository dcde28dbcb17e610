#pragma once

#include <QApplication>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>

// How late the GUI thread's event loop runs, phase by phase: a precise timer ticks every
// `intervalMs` and each tick records its lateness (the time since the previous tick minus
// the interval), which is how long the loop could not answer the operator. Bench code only.
// Thread: the GUI thread.
class LoopLateness : public QObject
{
    Q_OBJECT
public:
    struct Phase
    {
        QString name;
        QList<double> lateness; // milliseconds, one per tick
        double seconds = 0;
    };
    struct Stats
    {
        int ticks = 0;
        double max = 0;
        double p99 = 0;
        int over50 = 0; // ticks later than 50 ms
    };

    explicit LoopLateness(int intervalMs = 5, QObject *parent = nullptr);

    // Later ticks count for `name` (the tick that ends a stall counts where it lands).
    void beginPhase(const QString &name);
    void stop();
    const QList<Phase> &phases() const { return m_phases; }
    QString currentPhase() const;

    static Stats statsOf(const QList<double> &lateness);

private:
    void tick();

    int m_intervalMs;
    QTimer m_timer;
    QElapsedTimer m_clock;
    QElapsedTimer m_phaseClock;
    qint64 m_lastTickNs = -1;
    QList<Phase> m_phases;
};

// A QApplication that times every event it delivers from the event loop (not nested ones)
// and remembers those that held the GUI thread longer than a threshold, with the receiver's
// class and object name, the event type and the phase: which handler stalled the window.
// Thread: the GUI thread.
class TimedApplication : public QApplication
{
public:
    struct LongEvent
    {
        QString phase;
        QString receiver;
        QString event;
        double ms = 0;
    };

    TimedApplication(int &argc, char **argv);

    bool notify(QObject *receiver, QEvent *event) override;
    // Runs `call` (what a click would run on the GUI thread) and times it like an event.
    void timeCall(const QString &what, const std::function<void()> &call);
    void setLateness(const LoopLateness *lateness) { m_lateness = lateness; }
    void setThresholdMs(double ms) { m_thresholdMs = ms; }
    const QList<LongEvent> &longEvents() const { return m_longEvents; }

private:
    const LoopLateness *m_lateness = nullptr;
    double m_thresholdMs = 20;
    int m_depth = 0;
    QList<LongEvent> m_longEvents;
};
