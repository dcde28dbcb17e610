#pragma once

#include "auditentry.h"
#include "auditexporter.h"
#include "auditfilter.h"
#include "auditschema.h"
#include "connectioninfo.h"
#include "connectionsettings.h"
#include "latencysummary.h"
#include "llmcall.h"
#include "llmfilter.h"
#include "llmrepository.h"
#include "queryerror.h"
#include "volumestats.h"

#include <QMutex>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <QThread>
#include <QTimeZone>

#include <memory>
#include <optional>

class AuditRepository;
class DatabaseConnection;
class VolumeCache;

// Runs the repository on a thread and connection of its own, so the GUI never waits for
// the database. Each request returns a number; its answer (or queryFailed) carries the
// same number, so the caller can drop answers to requests it no longer cares about.
// Thread: create, call and destroy it on one thread (the GUI's); signals arrive there.
class AuditWorker : public QObject
{
    Q_OBJECT
public:
    enum class Choices { Actions, Transports, Banks };
    Q_ENUM(Choices)

    explicit AuditWorker(QObject *parent = nullptr);
    ~AuditWorker() override;

    quint64 connectTo(const ConnectionSettings &settings);
    quint64 loadPage(const AuditFilter &filter, int limit,
        const std::optional<PageCursor> &after = {}, SortOrder order = SortOrder::NewestFirst,
        bool backward = false);
    quint64 estimateCount(const AuditFilter &filter);
    quint64 countExactly(const AuditFilter &filter);
    // Closed buckets come from this worker's VolumeCache; `recountAll` counts everything again.
    // `grouping` Tenant counts per schema when many are read (the buckets' `actions` hold
    // schema names).
    quint64 loadVolume(const AuditFilter &filter, VolumePeriod period, const QTimeZone &zone,
        bool recountAll = false, VolumeGrouping grouping = VolumeGrouping::Action);
    quint64 loadChoices(Choices which, const QString &startingAfter = {});
    // The entry `id` of `schema` (reading many schemas, equal ids may live in two of them;
    // empty: the first schema that holds it).
    quint64 loadEntry(const QString &id, const QString &schema = {});
    // Count and p50/p95/p99/max duration per action of the ended calls matching `filter`.
    quint64 loadLatency(const AuditFilter &filter);
    // The schemas holding a table named like the audit table
    // (AuditRepository::schemasHoldingTable); works on a connection whose audit table is missing.
    // Every schema of the database, also when the connection reads a pattern of them (the
    // tenant picker lists them all).
    quint64 loadSchemas();
    // Writes every row matching `filter` to `path` (atomically); progress as it goes.
    quint64 exportToFile(const AuditFilter &filter, SortOrder order, const ExportOptions &options,
        const QString &path);

    // Hindsight's LLM log (llm_requests beside the audit table; LlmRepository), on the same
    // connection and with the same answers to cancel().
    quint64 loadLlmState();
    quint64 loadLlmPage(const LlmFilter &filter, int limit,
        const std::optional<PageCursor> &after = {}, bool oldestFirst = false,
        bool backward = false);
    quint64 countLlmCalls(const LlmFilter &filter, bool exact);
    quint64 loadLlmRuns(
        const LlmFilter &filter, int limit, const std::optional<PageCursor> &after = {});
    quint64 loadLlmRun(
        const QString &key, const std::optional<QString> &bank, const QString &schema);
    quint64 loadLlmCall(const QString &callId, const QString &schema);
    quint64 loadLlmStats(const LlmFilter &filter, VolumePeriod period, const QTimeZone &zone,
        LlmGrouping grouping, bool recountAll = false);
    quint64 loadLlmChoices(LlmRepository::Column column);
    // The LLM runs an audit entry caused, and the audit entries a run belongs to.
    quint64 loadAttribution(const AuditEntry &entry);
    quint64 loadEntriesOfRun(const LlmRun &run);
    // Writes every LLM call matching `filter` to `path`, like exportToFile.
    quint64 exportLlmToFile(const LlmFilter &filter, bool oldestFirst, const ExportOptions &options,
        const QString &path);

    // Thread: any. A queued request is dropped; a running one is stopped on the server
    // (PQcancel) and answers queryFailed with a Cancelled error.
    void cancel(quint64 requestId);

signals:
    // The connection is open and the server confirmed what `info` says.
    void connected(quint64 requestId, const ConnectionInfo &info);
    void pageLoaded(quint64 requestId, const AuditPage &page);
    void countLoaded(quint64 requestId, qint64 count, bool exact);
    void volumeLoaded(quint64 requestId, const VolumeSeries &series);
    void choicesLoaded(quint64 requestId, AuditWorker::Choices which, const QStringList &values);
    void entryLoaded(quint64 requestId, const AuditEntryDetail &entry);
    void latencyLoaded(quint64 requestId, const LatencySummary &summary);
    void schemasLoaded(quint64 requestId, const QList<AuditSchema> &schemas);
    void llmStateLoaded(quint64 requestId, const LlmLogState &state);
    void llmPageLoaded(quint64 requestId, const LlmPage &page);
    void llmCountLoaded(quint64 requestId, qint64 count, bool exact);
    void llmRunsLoaded(quint64 requestId, const LlmRunPage &page);
    void llmRunLoaded(quint64 requestId, const LlmRunCalls &run);
    void llmCallLoaded(quint64 requestId, const LlmCallDetail &call);
    void llmStatsLoaded(quint64 requestId, const LlmStatsSeries &series);
    void llmChoicesLoaded(
        quint64 requestId, LlmRepository::Column column, const QStringList &values);
    void attributionLoaded(quint64 requestId, const LlmAttribution &attribution);
    void entriesOfRunLoaded(quint64 requestId, const QList<AuditEntry> &entries);
    void exportProgress(quint64 requestId, qint64 rowsWritten);
    void exportFinished(quint64 requestId, qint64 rowsWritten, const QString &path);
    void queryFailed(quint64 requestId, const QueryError &error);

private:
    // The one way a request reaches the worker. Thread: the caller's. Numbers the request and
    // queues it; on m_thread, unless it was cancelled while queued, `work(id)` returns a
    // Result whose value goes to `answer(id, value)` back on this object's thread and whose
    // error goes to queryFailed.
    template <typename Work, typename Answer> quint64 submit(Work work, Answer answer);
    // submit() for statements on the repository: `work(repository)` runs on an open
    // connection (reopened if it dropped), and a connection error is retried once after
    // reconnecting, which is safe because every statement only reads.
    template <typename Work, typename Answer> quint64 query(Work work, Answer answer);
    // Thread: m_thread. The repository part of query(), also for work that needs the id.
    template <typename Work> auto onRepository(const Work &work);
    // onRepository() for the LLM log: `work(llm)` on an LlmRepository beside the audit table.
    template <typename Work> auto onLlm(const Work &work);
    template <typename Work, typename Answer> quint64 llmQuery(Work work, Answer answer);
    bool startRunning(quint64 requestId);
    void stopRunning();

    QThread m_thread;
    QObject *m_context = nullptr; // lives on m_thread; jobs are posted to it
    std::unique_ptr<DatabaseConnection> m_connection; // used only on m_thread
    std::unique_ptr<VolumeCache> m_volumeCache; // used only on m_thread
    quint64 m_nextRequestId = 1;

    QMutex m_mutex; // guards the two members below, shared with cancel()
    quint64 m_running = 0;
    QSet<quint64> m_cancelled;
};
