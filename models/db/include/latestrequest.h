#pragma once

#include <QPointer>
#include <QtGlobal>

class AuditWorker;

// "Latest request wins": the one request of a kind whose answer still counts. Starting
// another makes the one before stale (its answer is dropped) and, for Superseded::Cancel,
// stops it on the worker (queued: dropped; running: PQcancel). Every answer carries its
// request number; a caller uses an answer only when take() (or isCurrent()) says so.
// Thread: the thread that owns the worker (the GUI's).
class LatestRequest
{
public:
    // What becomes of a request that a newer one replaces before it was answered.
    enum class Superseded {
        Cancel, // stopped on the worker, so it no longer holds the connection
        Finish, // left to finish on the worker; its answer is dropped
    };

    // Without a worker: a superseded request is left to finish, and cancel() does nothing.
    LatestRequest() = default;
    explicit LatestRequest(AuditWorker *worker, Superseded superseded = Superseded::Cancel);

    // `requestId` (the number a worker call returned) becomes the one whose answer counts.
    void start(quint64 requestId);
    // True when an answer to the current request is still to come.
    bool isPending() const { return m_id != 0; }
    bool isCurrent(quint64 requestId) const { return requestId != 0 && requestId == m_id; }
    // True when `requestId` is the current request, which is then answered (no longer pending):
    // the answer is the one to use. False for a stale answer, to be dropped.
    bool take(quint64 requestId);
    // Stops the current request on the worker. It stays current, so its answer (queryFailed
    // with a Cancelled error) still reaches take(), for saying that it was cancelled.
    void cancel();
    // Stops the current request on the worker and forgets it: its answer is dropped.
    void abandon();
    // Forgets the current request and leaves it to finish: its answer is dropped.
    void clear() { m_id = 0; }

private:
    QPointer<AuditWorker> m_worker;
    Superseded m_superseded = Superseded::Finish;
    quint64 m_id = 0;
};
