#pragma once

#include "auditfilter.h"
#include "latestrequest.h"
#include "llmfilter.h"
#include "queryerror.h"

#include <QList>
#include <QObject>

#include <optional>

class AuditWorker;
class LlmRunTableModel;
struct LlmRunPage;

// Pages through the LLM runs matching a filter, newest first, with the worker's cursor
// (the latest call of the last run shown). The worker reads forward only, so the loader
// remembers where each page it showed began: previous goes back to it; there is no "last".
// Thread: the GUI thread (it owns the model).
class LlmRunLoader : public QObject
{
    Q_OBJECT
public:
    LlmRunLoader(AuditWorker *worker, LlmRunTableModel *model, QObject *parent = nullptr);

    void setFilter(const LlmFilter &filter); // back to the first page
    void setPageSize(int size);
    int pageSize() const { return m_pageSize; }
    void first();
    void next();
    void previous();
    void reload();

    bool hasPrevious() const { return m_pageIndex > 0; }
    bool hasNext() const { return m_hasNext; }
    qint64 offset() const { return qint64(m_pageIndex) * m_pageSize; }
    bool isLoading() const { return m_request.isPending(); }

signals:
    void pageShown();
    void pageFailed(const QueryError &error);

private:
    void load(int pageIndex);
    void onRuns(quint64 requestId, const LlmRunPage &page);

    AuditWorker *m_worker;
    LlmRunTableModel *m_model;
    LatestRequest m_request;
    LlmFilter m_filter;
    int m_pageSize = 100;
    // Where each page shown so far began (nullopt: the first page), by page index.
    QList<std::optional<PageCursor>> m_pageStarts;
    int m_pageIndex = 0;
    int m_pendingIndex = 0;
    bool m_hasNext = false;
};
