#pragma once

#include <QByteArray>
#include <QFile>
#include <QList>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>

#include <unistd.h>

// How much more memory this process held at its peak while a MemoryPeak lived than when
// it was made: the resident set size from /proc (Linux), sampled every 2 ms on a thread
// of its own. For bounds such as "a 50 MB row costs a few times 50 MB, not more".
// Thread: create and stop it on one thread.
class MemoryPeak
{
public:
    MemoryPeak()
        : m_start(residentBytes())
        , m_peak(m_start)
        , m_sampler([this] {
            while (!m_stop) {
                m_peak = std::max<qint64>(m_peak, residentBytes());
                std::this_thread::sleep_for(std::chrono::milliseconds(2));
            }
        })
    {
    }
    ~MemoryPeak() { stop(); }
    MemoryPeak(const MemoryPeak &) = delete;
    MemoryPeak &operator=(const MemoryPeak &) = delete;

    // Stops sampling; the peak above the start, in bytes.
    qint64 stop()
    {
        if (m_sampler.joinable()) {
            m_stop = true;
            m_sampler.join();
        }
        return m_peak - m_start;
    }

    static qint64 residentBytes()
    {
        QFile statm(QStringLiteral("/proc/self/statm"));
        if (!statm.open(QIODevice::ReadOnly)) {
            return 0;
        }
        const QList<QByteArray> fields = statm.readAll().split(' ');
        return fields.value(1).toLongLong() * sysconf(_SC_PAGESIZE);
    }

private:
    qint64 m_start;
    std::atomic<qint64> m_peak;
    std::atomic<bool> m_stop { false };
    std::thread m_sampler;
};
