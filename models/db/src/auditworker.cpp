#include "auditworker.h"

#include "auditrepository.h"
#include "databaseconnection.h"
#include "volumecache.h"

#include <QMutexLocker>

AuditWorker::AuditWorker(QObject *parent)
    : QObject(parent)
    , m_context(new QObject)
    , m_connection(std::make_unique<DatabaseConnection>())
    , m_volumeCache(std::make_unique<VolumeCache>())
{
    qRegisterMetaType<QueryError>();
    qRegisterMetaType<ConnectionInfo>();
    m_context->moveToThread(&m_thread);
    m_thread.setObjectName(QStringLiteral("audit-worker"));
    m_thread.start();
}

AuditWorker::~AuditWorker()
{
    {
        QMutexLocker lock(&m_mutex);
        if (m_running != 0) {
            m_connection->cancel();
        }
    }
    // The connection belongs to the worker thread: close it there, after the jobs already
    // queued (each fails fast once cancelled or finishes), then let the thread end.
    QMetaObject::invokeMethod(
        m_context,
        [this] {
            m_connection->close();
            delete m_context;
            QThread::currentThread()->quit();
        },
        Qt::QueuedConnection);
    m_thread.wait();
}

quint64 AuditWorker::connectTo(const ConnectionSettings &settings)
{
    const quint64 id = m_nextRequestId++;
    QMetaObject::invokeMethod(
        m_context,
        [this, id, settings] {
            if (!startRunning(id)) {
                return;
            }
            m_volumeCache->clear(); // another database or table: nothing counted before applies
            Result<bool> opened = m_connection->open(settings);
            if (opened) {
                opened = AuditRepository(m_connection->session(), settings.table()).checkTable();
            }
            const ConnectionInfo info = m_connection->info();
            stopRunning();
            QMetaObject::invokeMethod(
                this,
                [this, id, opened, info] {
                    if (opened) {
                        emit connected(id, info);
                    } else {
                        emit queryFailed(id, opened.error());
                    }
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
    return id;
}

quint64 AuditWorker::loadSchemas()
{
    const quint64 id = m_nextRequestId++;
    run(id, [this, id](AuditRepository &repository) -> std::optional<QueryError> {
        auto schemas = repository.schemasHoldingTable();
        if (!schemas) {
            return schemas.error();
        }
        QMetaObject::invokeMethod(
            this, [this, id, s = std::move(schemas).value()] { emit schemasLoaded(id, s); },
            Qt::QueuedConnection);
        return std::nullopt;
    });
    return id;
}

quint64 AuditWorker::loadPage(const AuditFilter &filter, int limit,
    const std::optional<PageCursor> &after, SortOrder order, bool backward)
{
    const quint64 id = m_nextRequestId++;
    run(id,
        [this, id, filter, limit, after, order, backward](
            AuditRepository &repository) -> std::optional<QueryError> {
            auto page = repository.page(filter, limit, after, order, backward);
            if (!page) {
                return page.error();
            }
            QMetaObject::invokeMethod(
                this, [this, id, page = std::move(page).value()] { emit pageLoaded(id, page); },
                Qt::QueuedConnection);
            return std::nullopt;
        });
    return id;
}

quint64 AuditWorker::estimateCount(const AuditFilter &filter)
{
    const quint64 id = m_nextRequestId++;
    run(id, [this, id, filter](AuditRepository &repository) -> std::optional<QueryError> {
        auto count = repository.estimatedCount(filter);
        if (!count) {
            return count.error();
        }
        QMetaObject::invokeMethod(
            this, [this, id, n = *count] { emit countLoaded(id, n, false); }, Qt::QueuedConnection);
        return std::nullopt;
    });
    return id;
}

quint64 AuditWorker::countExactly(const AuditFilter &filter)
{
    const quint64 id = m_nextRequestId++;
    run(id, [this, id, filter](AuditRepository &repository) -> std::optional<QueryError> {
        auto count = repository.exactCount(filter);
        if (!count) {
            return count.error();
        }
        QMetaObject::invokeMethod(
            this, [this, id, n = *count] { emit countLoaded(id, n, true); }, Qt::QueuedConnection);
        return std::nullopt;
    });
    return id;
}

quint64 AuditWorker::loadVolume(
    const AuditFilter &filter, VolumePeriod period, const QTimeZone &zone, bool recountAll)
{
    const quint64 id = m_nextRequestId++;
    run(id,
        [this, id, filter, period, zone, recountAll](
            AuditRepository &repository) -> std::optional<QueryError> {
            if (recountAll) {
                m_volumeCache->clear();
            }
            auto series = m_volumeCache->volume(repository, filter, period, zone);
            if (!series) {
                return series.error();
            }
            QMetaObject::invokeMethod(
                this, [this, id, s = std::move(series).value()] { emit volumeLoaded(id, s); },
                Qt::QueuedConnection);
            return std::nullopt;
        });
    return id;
}

quint64 AuditWorker::loadChoices(Choices which, const QString &startingAfter)
{
    const quint64 id = m_nextRequestId++;
    run(id,
        [this, id, which, startingAfter](AuditRepository &repository) -> std::optional<QueryError> {
            Result<QStringList> values = which == Choices::Actions ? repository.distinctActions()
                : which == Choices::Transports                     ? repository.distinctTransports()
                                               : repository.distinctBanks(startingAfter);
            if (!values) {
                return values.error();
            }
            QMetaObject::invokeMethod(
                this,
                [this, id, which, v = std::move(values).value()] {
                    emit choicesLoaded(id, which, v);
                },
                Qt::QueuedConnection);
            return std::nullopt;
        });
    return id;
}

quint64 AuditWorker::loadEntry(const QString &entryId)
{
    const quint64 id = m_nextRequestId++;
    run(id, [this, id, entryId](AuditRepository &repository) -> std::optional<QueryError> {
        auto entry = repository.entry(entryId);
        if (!entry) {
            return entry.error();
        }
        QMetaObject::invokeMethod(
            this, [this, id, e = std::move(entry).value()] { emit entryLoaded(id, e); },
            Qt::QueuedConnection);
        return std::nullopt;
    });
    return id;
}

quint64 AuditWorker::loadLatency(const AuditFilter &filter)
{
    const quint64 id = m_nextRequestId++;
    run(id, [this, id, filter](AuditRepository &repository) -> std::optional<QueryError> {
        auto summary = repository.latencySummary(filter);
        if (!summary) {
            return summary.error();
        }
        QMetaObject::invokeMethod(
            this, [this, id, s = std::move(summary).value()] { emit latencyLoaded(id, s); },
            Qt::QueuedConnection);
        return std::nullopt;
    });
    return id;
}

quint64 AuditWorker::exportToFile(
    const AuditFilter &filter, SortOrder order, const ExportOptions &options, const QString &path)
{
    const quint64 id = m_nextRequestId++;
    run(id,
        [this, id, filter, order, options, path](
            AuditRepository &repository) -> std::optional<QueryError> {
            AuditExporter exporter(m_connection->session(), repository.table());
            auto written
                = exporter.exportToFile(filter, order, options, path, [this, id](qint64 rows) {
                      QMetaObject::invokeMethod(
                          this, [this, id, rows] { emit exportProgress(id, rows); },
                          Qt::QueuedConnection);
                  });
            if (!written) {
                return written.error();
            }
            QMetaObject::invokeMethod(
                this, [this, id, rows = *written, path] { emit exportFinished(id, rows, path); },
                Qt::QueuedConnection);
            return std::nullopt;
        });
    return id;
}

void AuditWorker::cancel(quint64 requestId)
{
    QMutexLocker lock(&m_mutex);
    if (m_running == requestId) {
        // Under the mutex, so the statement cannot finish and the next one start meanwhile.
        m_connection->cancel();
    } else {
        m_cancelled.insert(requestId);
    }
}

bool AuditWorker::startRunning(quint64 requestId)
{
    QMutexLocker lock(&m_mutex);
    if (m_cancelled.remove(requestId)) {
        lock.unlock();
        QMetaObject::invokeMethod(
            this, [this, requestId] { emit queryFailed(requestId, QueryError::cancelled()); },
            Qt::QueuedConnection);
        return false;
    }
    m_running = requestId;
    return true;
}

void AuditWorker::stopRunning()
{
    QMutexLocker lock(&m_mutex);
    m_running = 0;
}

void AuditWorker::run(
    quint64 requestId, std::function<std::optional<QueryError>(AuditRepository &)> job)
{
    QMetaObject::invokeMethod(
        m_context,
        [this, requestId, job = std::move(job)] {
            if (!startRunning(requestId)) {
                return;
            }
            std::optional<QueryError> error;
            for (int attempt = 0; attempt < 2; ++attempt) {
                const Result<bool> open = m_connection->ensureOpen();
                if (!open) {
                    error = open.error();
                    break;
                }
                AuditRepository repository(
                    m_connection->session(), m_connection->settings().table());
                error = job(repository);
                if (!error || error->kind != QueryError::Kind::Connection) {
                    break;
                }
                m_connection->close(); // reconnect once: the server may have restarted
            }
            stopRunning();
            if (error) {
                QMetaObject::invokeMethod(
                    this, [this, requestId, e = *error] { emit queryFailed(requestId, e); },
                    Qt::QueuedConnection);
            }
        },
        Qt::QueuedConnection);
}
