#pragma once

#include "auditfilter.h"
#include "connectioninfo.h"
#include "connectionsettings.h"
#include "latestrequest.h"
#include "pagenavigator.h"
#include "savedview.h"

#include <QHash>
#include <QMainWindow>
#include <QPointer>

#include <memory>
#include <optional>

class AuditTableModel;
class AuditWorker;
class ChartPanel;
class EntryDetailDialog;
class ErrorBanner;
class ExportDialog;
class FilterBar;
class LatencyDialog;
class LlmView;
class PageLoader;
class PaginationBar;
class QAction;
class QActionGroup;
class QMenu;
class QSplitter;
class QTabWidget;
class QTimer;
class ResultsView;
class StatusPanel;
class TenantPicker;
class ViewsMenu;
struct QueryError;

// The screen operators live in: filter bar, error banner, the volume chart above the
// table of entries with keyset pagination, and a status bar. Its parts own their work:
// the PageLoader pages and counts, the ChartPanel charts, each on workers with their own
// connections; a third worker here loads the filter's choices and single entries.
// Thread: the GUI thread.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Connects every worker; the table loads once the connection is checked, with
    // `initialFilter`, or without one with what the filter bar shows.
    void connectTo(const ConnectionSettings &settings,
        const std::optional<AuditFilter> &initialFilter = std::nullopt);
    // Asks for a connection (the connection dialog, prefilled with `initial` or the current
    // settings) and connects on success.
    bool chooseConnection(const std::optional<ConnectionSettings> &initial = std::nullopt);

    FilterBar *filterBar() const { return m_filterBar; }
    ResultsView *resultsView() const { return m_view; }
    AuditTableModel *tableModel() const { return m_model; }
    PaginationBar *paginationBar() const { return m_pagination; }
    ErrorBanner *errorBanner() const { return m_banner; }
    StatusPanel *statusPanel() const { return m_status; }
    ChartPanel *chartPanel() const { return m_chartPanel; }
    ViewsMenu *viewsMenu() const { return m_views; }
    TenantPicker *tenantPicker() const { return m_tenants; }
    // The "LLM calls" tab beside the audit log (Hindsight's llm_requests).
    LlmView *llmView() const { return m_llmView; }
    QTabWidget *logTabs() const { return m_logTabs; }
    bool isLoading() const;

    // Saved views (ui/mainwindowviews.cpp): the filter, time range, columns, chart period
    // and UTC toggle shown now, and showing one. The last view is saved on close and
    // restored by restoreLastView() (main calls it when no --view or filter is given).
    SavedView currentView() const;
    void applyView(const SavedView &view);
    void restoreLastView();

public slots:
    void applyFilter(const AuditFilter &filter);
    // F5: the page, the counts and the whole chart again (of the LLM calls, on their tab).
    void refresh();
    // What auto-refresh runs: reloads the first page quietly and highlights new rows.
    void refreshLive();
    void goFirst();
    void goNext();
    void goPrevious();
    void goLast();
    void setUtc(bool utc);
    void setAutoRefreshSeconds(int seconds);
    // Filters the table to [from, until) (a chart bucket); back() restores the filter before.
    void drillDown(AuditTimestamp from, AuditTimestamp until);
    void back();
    // File → Export…: opens the export dialog for the current filter (non-modal); on the LLM
    // calls tab, for the filtered calls.
    ExportDialog *exportEntries();
    // View → Latency… (Ctrl+L): opens (or raises) the latency summary, which follows the
    // filter while it is open.
    LatencyDialog *showLatency();
    // Ctrl+D: the two selected rows side by side (ui/mainwindowcompare.cpp).
    void compareSelected();

signals:
    // Enter or double-click on a row.
    void entryOpened(const QString &id);
    // A page was shown (tests and the stall probe wait on it).
    void pageShown();
    void compareOpened(); // a CompareDialog (a child of this window) was shown

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    // buildMenus()'s parts, in the order of the menu bar.
    QMenu *addAutoRefreshMenu(QMenu *view);
    void addSortMenu(QMenu *view);
    void addCompareActions(QMenu *view);
    void addGoMenu();
    void addHelpMenu();
    void layOut();
    void wireControls();
    void wireChoicesWorker();
    void wireLoader();
    // A missing audit table offers the schemas that hold one (mainwindowschemas.cpp).
    void wireSchemaChoice();
    // The tenant picker, the Tenant column, the tenant filter and the notes on skipped
    // schemas (mainwindowschemas.cpp).
    void wireTenants();
    void showTenantsOf(const AuditTableRef &table);
    void restoreSettings();
    void saveSettings() const;
    void saveLastView() const;
    void onConnected(const ConnectionInfo &info);
    // Opens (or, with `dialog`, reuses) a detail dialog for the entry (of `schema`, when
    // many are read) and loads it.
    void openEntry(
        const QString &id, const QString &schema = {}, EntryDetailDialog *dialog = nullptr);
    void stepEntry(EntryDetailDialog *dialog, int step);
    void updatePosition();
    // The table's order: the header's indicator and the pages (from the first one again).
    void setSortOrder(SortOrder order);
    // Why the table is empty: no entries at all (auditing is off), or none match.
    void updateEmptyMessage();
    struct PendingCompare;
    // An entry the choices worker loaded (or, with no detail, failed to) for a compare;
    // false when the request was not one.
    bool takeCompareAnswer(quint64 requestId, const AuditEntryDetail *detail);
    void updateCompareAction();

    PageLoader *m_loader;
    AuditWorker *m_choicesWorker;
    AuditTableModel *m_model;
    FilterBar *m_filterBar;
    ErrorBanner *m_banner;
    ChartPanel *m_chartPanel;
    QSplitter *m_splitter;
    ResultsView *m_view;
    PaginationBar *m_pagination;
    StatusPanel *m_status;
    QTimer *m_autoRefresh;
    QTimer *m_clearHighlight;
    QAction *m_utcAction = nullptr;
    QAction *m_backAction = nullptr;
    QActionGroup *m_autoRefreshGroup = nullptr;
    QActionGroup *m_sortGroup = nullptr; // View → Sort
    ViewsMenu *m_views = nullptr;

    ConnectionSettings m_settings;
    bool m_banksLoaded = false;
    struct FilterState
    {
        AuditFilter filter;
        int timeRange; // FilterBar::TimeRange: a preset stays a preset when restored
    };
    QList<FilterState> m_filterHistory;
    QHash<quint64, QPointer<EntryDetailDialog>> m_entryRequests;
    QPointer<LatencyDialog> m_latency;
    QHash<quint64, std::shared_ptr<PendingCompare>> m_compareRequests;
    QAction *m_compareAction = nullptr;
    LatestRequest m_schemasRequest; // the choices worker's schema lookup
    LatestRequest m_tenantsRequest; // the tenant picker's schemas
    TenantPicker *m_tenants = nullptr;
    QAction *m_tenantFilterAction = nullptr; // the table's "Only this tenant"
    LlmView *m_llmView;
    QTabWidget *m_logTabs; // the audit log and the LLM calls
};
