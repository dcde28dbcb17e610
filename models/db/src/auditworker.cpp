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

template <typename Work, typename Answer> quint64 AuditWorker::submit(Work work, Answer answer)
{
    const quint64 id = m_nextRequestId++;
    QMetaObject::invokeMethod(
        m_context,
        [this, id, work = std::move(work), answer = std::move(answer)] {
            if (!startRunning(id)) {
                return;
            }
            auto result = work(id);
            stopRunning();
            if (!result) {
                QMetaObject::invokeMethod(
                    this, [this, id, e = result.error()] { emit queryFailed(id, e); },
                    Qt::QueuedConnection);
                return;
            }
            QMetaObject::invokeMethod(
                this, [id, answer, value = std::move(result).value()] { answer(id, value); },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
    return id;
}

template <typename Work> auto AuditWorker::onRepository(const Work &work)
{
    using Outcome = decltype(work(std::declval<AuditRepository &>()));
    for (int attempt = 0;; ++attempt) {
        const Result<bool> open = m_connection->ensureOpen();
        if (!open) {
            return Outcome(open.error());
        }
        AuditRepository repository(m_connection->session(), m_connection->settings().table());
        Outcome result = work(repository);
        if (result || result.error().kind != QueryError::Kind::Connection || attempt == 1) {
            return result;
        }
        m_connection->close(); // reconnect once: the server may have restarted
    }
}

template <typename Work, typename Answer> quint64 AuditWorker::query(Work work, Answer answer)
{
    return submit(
        [this, work = std::move(work)](quint64) { return onRepository(work); }, std::move(answer));
}

quint64 AuditWorker::connectTo(const ConnectionSettings &settings)
{
    return submit(
        [this, settings](quint64) -> Result<ConnectionInfo> {
            Result<bool> opened = m_connection->open(settings);
            if (opened) {
                opened = AuditRepository(m_connection->session(), settings.table()).checkTable();
            }
            if (!opened) {
                return opened.error();
            }
            return m_connection->info();
        },
        [this](quint64 id, const ConnectionInfo &info) { emit connected(id, info); });
}

quint64 AuditWorker::loadSchemas()
{
    return query(
        [this](AuditRepository &repository) {
            AuditTableRef every = repository.table();
            every.schemaPattern.clear();
            return AuditRepository(m_connection->session(), every).schemasHoldingTable();
        },
        [this](quint64 id, const QList<AuditSchema> &schemas) { emit schemasLoaded(id, schemas); });
}

quint64 AuditWorker::loadPage(const AuditFilter &filter, int limit,
    const std::optional<PageCursor> &after, SortOrder order, bool backward)
{
    return query(
        [filter, limit, after, order, backward](AuditRepository &repository) {
            return repository.page(filter, limit, after, order, backward);
        },
        [this](quint64 id, const AuditPage &page) { emit pageLoaded(id, page); });
}

quint64 AuditWorker::estimateCount(const AuditFilter &filter)
{
    return query(
        [filter](AuditRepository &repository) { return repository.estimatedCount(filter); },
        [this](quint64 id, qint64 count) { emit countLoaded(id, count, false); });
}

quint64 AuditWorker::countExactly(const AuditFilter &filter)
{
    return query([filter](AuditRepository &repository) { return repository.exactCount(filter); },
        [this](quint64 id, qint64 count) { emit countLoaded(id, count, true); });
}

quint64 AuditWorker::loadVolume(const AuditFilter &filter, VolumePeriod period,
    const QTimeZone &zone, bool recountAll, VolumeGrouping grouping)
{
    return query(
        [this, filter, period, zone, recountAll, grouping](AuditRepository &repository) {
            if (recountAll) {
                m_volumeCache->clear();
            }
            return m_volumeCache->volume(
                repository, filter, period, zone, QDateTime::currentDateTimeUtc(), grouping);
        },
        [this](quint64 id, const VolumeSeries &series) { emit volumeLoaded(id, series); });
}

quint64 AuditWorker::loadChoices(Choices which, const QString &startingAfter)
{
    return query(
        [which, startingAfter](AuditRepository &repository) {
            return which == Choices::Actions   ? repository.distinctActions()
                : which == Choices::Transports ? repository.distinctTransports()
                                               : repository.distinctBanks(startingAfter);
        },
        [this, which](
            quint64 id, const QStringList &values) { emit choicesLoaded(id, which, values); });
}

quint64 AuditWorker::loadEntry(const QString &entryId, const QString &schema)
{
    return query([entryId, schema](
                     AuditRepository &repository) { return repository.entry(entryId, schema); },
        [this](quint64 id, const AuditEntryDetail &entry) { emit entryLoaded(id, entry); });
}

quint64 AuditWorker::loadLatency(const AuditFilter &filter)
{
    return query(
        [filter](AuditRepository &repository) { return repository.latencySummary(filter); },
        [this](quint64 id, const LatencySummary &summary) { emit latencyLoaded(id, summary); });
}

quint64 AuditWorker::exportToFile(
    const AuditFilter &filter, SortOrder order, const ExportOptions &options, const QString &path)
{
    // Progress carries the request number, so the work takes it from submit().
    return submit(
        [this, filter, order, options, path](quint64 id) {
            return onRepository([&](AuditRepository &repository) {
                AuditExporter exporter(m_connection->session(), repository.table());
                return exporter.exportToFile(filter, order, options, path, [this, id](qint64 rows) {
                    QMetaObject::invokeMethod(
                        this, [this, id, rows] { emit exportProgress(id, rows); },
                        Qt::QueuedConnection);
                });
            });
        },
        [this, path](quint64 id, qint64 rows) { emit exportFinished(id, rows, path); });
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

template <typename Work> auto AuditWorker::onLlm(const Work &work)
{
    return onRepository([this, &work](AuditRepository &repository) {
        LlmRepository llm(m_connection->session(), repository.table());
        return work(llm);
    });
}

template <typename Work, typename Answer> quint64 AuditWorker::llmQuery(Work work, Answer answer)
{
    return submit(
        [this, work = std::move(work)](quint64) { return onLlm(work); }, std::move(answer));
}

quint64 AuditWorker::loadLlmState()
{
    return llmQuery([](LlmRepository &llm) { return llm.state(); },
        [this](quint64 id, const LlmLogState &state) { emit llmStateLoaded(id, state); });
}

quint64 AuditWorker::loadLlmPage(const LlmFilter &filter, int limit,
    const std::optional<PageCursor> &after, bool oldestFirst, bool backward)
{
    return llmQuery(
        [filter, limit, after, oldestFirst, backward](
            LlmRepository &llm) { return llm.page(filter, limit, after, oldestFirst, backward); },
        [this](quint64 id, const LlmPage &page) { emit llmPageLoaded(id, page); });
}

quint64 AuditWorker::countLlmCalls(const LlmFilter &filter, bool exact)
{
    return llmQuery(
        [filter, exact](LlmRepository &llm) {
            return exact ? llm.exactCount(filter) : llm.estimatedCount(filter);
        },
        [this, exact](quint64 id, qint64 count) { emit llmCountLoaded(id, count, exact); });
}

quint64 AuditWorker::loadLlmRuns(
    const LlmFilter &filter, int limit, const std::optional<PageCursor> &after)
{
    return llmQuery(
        [filter, limit, after](LlmRepository &llm) { return llm.runs(filter, limit, after); },
        [this](quint64 id, const LlmRunPage &page) { emit llmRunsLoaded(id, page); });
}

quint64 AuditWorker::loadLlmRun(
    const QString &key, const std::optional<QString> &bank, const QString &schema)
{
    return llmQuery([key, bank, schema](LlmRepository &llm) { return llm.run(key, bank, schema); },
        [this](quint64 id, const LlmRunCalls &run) { emit llmRunLoaded(id, run); });
}

quint64 AuditWorker::loadLlmCall(const QString &callId, const QString &schema)
{
    return llmQuery([callId, schema](LlmRepository &llm) { return llm.call(callId, schema); },
        [this](quint64 id, const LlmCallDetail &call) { emit llmCallLoaded(id, call); });
}

quint64 AuditWorker::loadLlmStats(const LlmFilter &filter, VolumePeriod period,
    const QTimeZone &zone, LlmGrouping grouping, bool recountAll)
{
    return llmQuery(
        [this, filter, period, zone, grouping, recountAll](LlmRepository &llm) {
            if (recountAll) {
                m_volumeCache->clear();
            }
            return llm.cachedStats(*m_volumeCache, filter, period, zone, grouping);
        },
        [this](quint64 id, const LlmStatsSeries &series) { emit llmStatsLoaded(id, series); });
}

quint64 AuditWorker::loadLlmChoices(LlmRepository::Column column)
{
    return llmQuery([column](LlmRepository &llm) { return llm.distinct(column); },
        [this, column](
            quint64 id, const QStringList &values) { emit llmChoicesLoaded(id, column, values); });
}

quint64 AuditWorker::loadAttribution(const AuditEntry &entry)
{
    return llmQuery([entry](LlmRepository &llm) { return llm.attribution(entry); },
        [this](quint64 id, const LlmAttribution &attribution) {
            emit attributionLoaded(id, attribution);
        });
}

quint64 AuditWorker::loadEntriesOfRun(const LlmRun &run)
{
    return llmQuery([run](LlmRepository &llm) { return llm.auditEntriesOf(run); },
        [this](quint64 id, const QList<AuditEntry> &entries) {
            emit entriesOfRunLoaded(id, entries);
        });
}

quint64 AuditWorker::exportLlmToFile(
    const LlmFilter &filter, bool oldestFirst, const ExportOptions &options, const QString &path)
{
    return submit(
        [this, filter, oldestFirst, options, path](quint64 id) {
            return onLlm([&](LlmRepository &llm) {
                AuditExporter exporter(m_connection->session(), llm.auditTable());
                return exporter.exportLlmToFile(
                    filter, oldestFirst, options, path, [this, id](qint64 rows) {
                        QMetaObject::invokeMethod(
                            this, [this, id, rows] { emit exportProgress(id, rows); },
                            Qt::QueuedConnection);
                    });
            });
        },
        [this, path](quint64 id, qint64 rows) { emit exportFinished(id, rows, path); });
}
