#pragma once

#include "auditfilter.h"
#include "connectionsettings.h"
#include "pagenavigator.h"

#include <QElapsedTimer>
#include <QMainWindow>

#include <optional>

class AuditTableModel;
class ChartPanel;
class AuditWorker;
class ErrorBanner;
class FilterBar;
class PaginationBar;
class QAction;
class QActionGroup;
class QLabel;
class QProgressBar;
class QSplitter;
class QTimer;
class QToolButton;
class ResultsView;
struct AuditPage;
struct QueryError;

// The screen operators live in: filter bar, error banner, the table of entries with
// keyset pagination, and a status bar. Three workers, each with its own connection and
// thread, keep the GUI thread off the database: one pages, one counts, one loads the
// filter's choices and single entries.
// Thread: the GUI thread.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Connects every worker; the table loads once the connection is checked.
    void connectTo(const ConnectionSettings &settings, const AuditFilter &initialFilter = {});
    // Asks for a connection (the connection dialog, prefilled with `initial` or the current
    // settings) and connects on success.
    bool chooseConnection(const std::optional<ConnectionSettings> &initial = std::nullopt);

    FilterBar *filterBar() const { return m_filterBar; }
    ResultsView *resultsView() const { return m_view; }
    AuditTableModel *tableModel() const { return m_model; }
    PaginationBar *paginationBar() const { return m_pagination; }
    ErrorBanner *errorBanner() const { return m_banner; }
    ChartPanel *chartPanel() const { return m_chartPanel; }
    bool isLoading() const { return m_pageRequest != 0; }

public slots:
    void applyFilter(const AuditFilter &filter);
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

signals:
    // Enter or double-click on a row.
    void entryOpened(const QString &id);
    // A page was shown (tests and the stall probe wait on it).
    void pageShown();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildActions();
    void buildStatusBar();
    void restoreSettings();
    void saveSettings() const;

    void requestPage(PageNavigator::Move move, bool silent = false);
    void requestCounts();
    void cancelRunning();
    void onConnected(const QString &description, const QString &serverVersion);
    void onPage(quint64 requestId, const AuditPage &page);
    void onPageFailed(quint64 requestId, const QueryError &error);
    void onCount(quint64 requestId, qint64 count, bool exact);
    void updatePosition();
    void setBusy(bool busy, const QString &what = {});
    void showEntryPreview(const QString &id);

    AuditWorker *m_pageWorker;
    AuditWorker *m_countWorker;
    AuditWorker *m_choicesWorker;
    ChartPanel *m_chartPanel;
    QSplitter *m_splitter;
    AuditTableModel *m_model;
    FilterBar *m_filterBar;
    ErrorBanner *m_banner;
    ResultsView *m_view;
    PaginationBar *m_pagination;
    QLabel *m_connectionLabel;
    QLabel *m_countLabel;
    QLabel *m_timingLabel;
    QProgressBar *m_busyBar;
    QToolButton *m_cancelButton;
    QTimer *m_autoRefresh;
    QTimer *m_clearHighlight;
    QAction *m_utcAction;
    QActionGroup *m_autoRefreshGroup;
    QAction *m_backAction;

    ConnectionSettings m_settings;
    bool m_connected = false;
    quint64 m_connectRequest = 0;
    AuditFilter m_filter;
    PageNavigator m_navigator;
    PageNavigator::Request m_pendingMove;
    bool m_pendingSilent = false;
    quint64 m_pageRequest = 0;
    quint64 m_estimateRequest = 0;
    quint64 m_exactRequest = 0;
    quint64 m_choicesRequest = 0;
    std::optional<qint64> m_total;
    bool m_totalExact = false;
    bool m_banksLoaded = false;
    QElapsedTimer m_queryTimer;
    std::optional<PageNavigator::Move> m_retryMove;
    struct FilterState
    {
        AuditFilter filter;
        int timeRange; // FilterBar::TimeRange: a preset stays a preset when restored
    };
    QList<FilterState> m_filterHistory;
};
