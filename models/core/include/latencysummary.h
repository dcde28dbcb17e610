#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

// How long the ended calls of one action took (ended_at - started_at, whole microseconds):
// what the Latency window and `stats --latency` show. Percentiles are PostgreSQL's
// percentile_cont, interpolated between the two nearest calls. With no call, they are 0.
struct LatencyRow
{
    QString action; // empty in the row for all actions
    qint64 calls = 0; // ended calls; calls still in flight have no duration
    qint64 p50Micros = 0;
    qint64 p95Micros = 0;
    qint64 p99Micros = 0;
    qint64 maxMicros = 0;

    bool operator==(const LatencyRow &) const = default;
};

struct LatencySummary
{
    QList<LatencyRow> actions; // by action name
    LatencyRow total; // every action together

    bool operator==(const LatencySummary &) const = default;
};

Q_DECLARE_METATYPE(LatencySummary)
