#pragma once

#include "auditworker.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTest>

#include <optional>

// Records what an AuditWorker answered, by request number, so a test can wait for the
// answer to one request: success (any result signal) or the QueryError it failed with.
// For database tests only (it needs the models library). Thread: the worker's caller.
class WorkerAnswers
{
public:
    explicit WorkerAnswers(AuditWorker &worker)
    {
        auto succeeded = [this](quint64 id) { m_succeeded.insert(id); };
        QObject::connect(&worker, &AuditWorker::connected, &m_context,
            [succeeded](quint64 id, const ConnectionInfo &) { succeeded(id); });
        QObject::connect(&worker, &AuditWorker::pageLoaded, &m_context,
            [succeeded](quint64 id, const AuditPage &) { succeeded(id); });
        QObject::connect(&worker, &AuditWorker::countLoaded, &m_context,
            [succeeded](quint64 id, qint64, bool) { succeeded(id); });
        QObject::connect(&worker, &AuditWorker::volumeLoaded, &m_context,
            [succeeded](quint64 id, const VolumeSeries &) { succeeded(id); });
        QObject::connect(&worker, &AuditWorker::choicesLoaded, &m_context,
            [succeeded](quint64 id, AuditWorker::Choices, const QStringList &) { succeeded(id); });
        QObject::connect(&worker, &AuditWorker::entryLoaded, &m_context,
            [succeeded](quint64 id, const AuditEntryDetail &) { succeeded(id); });
        QObject::connect(&worker, &AuditWorker::latencyLoaded, &m_context,
            [succeeded](quint64 id, const LatencySummary &) { succeeded(id); });
        QObject::connect(&worker, &AuditWorker::exportFinished, &m_context,
            [succeeded](quint64 id, qint64, const QString &) { succeeded(id); });
        QObject::connect(&worker, &AuditWorker::queryFailed, &m_context,
            [this](quint64 id, const QueryError &error) { m_failed.insert(id, error); });
    }

    bool answered(quint64 id) const { return m_succeeded.contains(id) || m_failed.contains(id); }

    // Waits for the answer to `id`: nullopt when it succeeded, else its error (a Usage
    // error "no answer" when none came in time).
    std::optional<QueryError> wait(quint64 id, int timeoutMs = 15000)
    {
        if (!QTest::qWaitFor([&] { return answered(id); }, timeoutMs)) {
            return QueryError::usage(QStringLiteral("no answer from the worker in time"));
        }
        if (m_failed.contains(id)) {
            return m_failed.value(id);
        }
        return std::nullopt;
    }

private:
    QObject m_context;
    QSet<quint64> m_succeeded;
    QHash<quint64, QueryError> m_failed;
};
