#pragma once

#include "connectionsettings.h"
#include "latestrequest.h"
#include "llmcall.h"
#include "llmfilter.h"
#include "llmrepository.h"

#include <QWidget>

class AuditWorker;
class QAction;
class ErrorBanner;
class ExportDialog;
class LlmChart;
class LlmFilterBar;
class LlmPageLoader;
class LlmRunLoader;
class LlmRunTableModel;
class LlmTableModel;
class PaginationBar;
class QLabel;
class QStackedWidget;
class QTableView;
class QTimer;
class QToolButton;
struct QueryError;

// The "LLM calls" tab beside the audit log: Hindsight's llm_requests with its own filter bar,
// the chart of calls or tokens, and the calls (keyset pages, estimate then exact count) or
// the runs they form. It says so when the table is missing (a Hindsight before the tracing
// migration) or empty (tracing off), instead of an empty table; the audit log works either
// way. Opening a call or a run is left to the owner (callActivated, runActivated). Its
// workers have connections of their own: two for the pages and counts, one for the chart,
// one for the state, the choices and the runs. Thread: the GUI thread.
class LlmView : public QWidget
{
    Q_OBJECT
public:
    enum class Mode { Calls, Runs };

    explicit LlmView(QWidget *parent = nullptr);

    void connectTo(const ConnectionSettings &settings);
    void setUtc(bool utc);
    // Live refresh every `seconds` (0: off), as the audit log's auto-refresh.
    void setAutoRefreshSeconds(int seconds);
    // Reading many schemas: the Tenant column shows, and "Only this tenant" on a row filters
    // by its schema.
    void setShowsTenants(bool shows);
    // The tenant picker's choice (LlmFilter::schemas); applies.
    void setTenantFilter(const QStringList &schemas);

    Mode mode() const;
    void setMode(Mode mode);
    void applyFilter(const LlmFilter &filter);
    const LlmFilter &filter() const { return m_filter; }

    // The state of the table as last read; the sentence shown instead of the calls when it is
    // missing or empty (empty while it has rows).
    LlmLogState::Kind state() const { return m_state.kind; }
    QString stateMessage() const;
    // What the calls table says over itself while it has no rows (a filter matching nothing).
    QString emptyMessage() const;

    LlmFilterBar *filterBar() const { return m_filterBar; }
    LlmChart *chart() const { return m_chart; }
    LlmTableModel *callModel() const { return m_callModel; }
    LlmRunTableModel *runModel() const { return m_runModel; }
    QTableView *callTable() const { return m_callTable; }
    QTableView *runTable() const { return m_runTable; }
    PaginationBar *pagination() const { return m_pagination; }
    LlmPageLoader *loader() const { return m_loader; }

public slots:
    // F5: the state, the page, the counts and the chart again.
    void refresh();
    // Auto-refresh: the first page quietly, the counts and the chart's open buckets.
    void refreshLive();
    // Exports exactly the filtered calls (non-modal dialog).
    ExportDialog *exportCalls();

signals:
    void callActivated(const LlmCall &call);
    void runActivated(const LlmRun &run);
    void stateShown(); // the state of the table is known and shown
    void pageShown(); // a page of calls is shown
    void runsShown(); // a page of runs is shown

private:
    void layOut();
    void wire();
    void wireTablesAndChart();
    void onState(quint64 requestId, const LlmLogState &state);
    void startIfReady();
    void updatePosition();
    void updateEmptyMessage();
    void showFailure(const QueryError &error);

    AuditWorker *m_worker; // the state, the choices and the runs
    LlmTableModel *m_callModel;
    LlmRunTableModel *m_runModel;
    LlmPageLoader *m_loader;
    LlmRunLoader *m_runLoader;
    LlmFilterBar *m_filterBar;
    ErrorBanner *m_banner;
    LlmChart *m_chart;
    QStackedWidget *m_pages; // the state message, or the chart and tables
    QLabel *m_stateLabel;
    QStackedWidget *m_tables; // calls or runs
    QTableView *m_callTable;
    QTableView *m_runTable;
    QLabel *m_emptyLabel;
    PaginationBar *m_pagination;
    QToolButton *m_callsButton;
    QToolButton *m_runsButton;
    QTimer *m_autoRefresh;
    QAction *m_tenantFilterAction; // "Only this tenant", reading many schemas
    ConnectionSettings m_settings;
    LlmFilter m_filter;
    LlmLogState m_state;
    bool m_stateKnown = false;
    bool m_started = false;
    LatestRequest m_connect;
    LatestRequest m_stateRequest;
};
