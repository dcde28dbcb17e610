#pragma once

#include "auditfilter.h"
#include "connectionsettings.h"
#include "latencysummary.h"
#include "latestrequest.h"

#include <QDialog>
#include <QElapsedTimer>
#include <QTimeZone>

class AuditWorker;
class LatencyTableModel;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;
struct QueryError;

// View → Latency…: how long the calls matching the main window's filter took, per action
// and for all of them (calls, p50, p95, p99, max), computed by PostgreSQL on a worker and
// connection of its own. Non-modal: it follows the window's filter while open, computing
// again (and cancelling a computation still running) when the filter changes. Nothing
// indexes durations, so on a large table this reads every matching row; it shows that it
// is working, and can be cancelled.
// Thread: the GUI thread.
class LatencyDialog : public QDialog
{
    Q_OBJECT
public:
    explicit LatencyDialog(const ConnectionSettings &settings, QWidget *parent = nullptr);
    ~LatencyDialog() override;

    // Computes the summary for `filter` unless it is the one shown or being computed;
    // times in the description read in `zone`.
    void setFilter(const AuditFilter &filter, const QTimeZone &zone = QTimeZone::systemTimeZone());
    const AuditFilter &filter() const { return m_filter; }
    // The filter in one line, as the dialog shows it.
    QString filterText() const;
    QString statusText() const;
    bool isLoading() const { return m_request.isPending(); }
    LatencyTableModel *model() const { return m_model; }
    // The actions, sortable by any column (calls, most first, until then).
    QTableView *table() const { return m_table; }
    // The row for all actions, under the table and outside its sort and scrolling.
    QTableView *totalTable() const { return m_total; }

    // One line for a filter: "All entries", or its parts ("Actions: recall · Slower than 5s").
    static QString describe(const AuditFilter &filter, const QTimeZone &zone);

public slots:
    // Computes the summary for the current filter again.
    void refresh();
    void cancel();
    // What the worker answers; public so that a test can show a summary without a database.
    void showSummary(const LatencySummary &summary);
    void showError(const QString &message);

signals:
    // A summary (or an error) is shown; tests wait on it.
    void summaryShown();

private:
    void onLoaded(quint64 requestId, const LatencySummary &summary);
    void onFailed(quint64 requestId, const QueryError &error);
    void setLoading(bool loading);
    void setStatus(const QString &text, bool error = false);
    void fitColumns();
    // Grows the dialog to show every action, within most of the screen.
    void fitRows();

    AuditWorker *m_worker;
    AuditFilter m_filter;
    QTimeZone m_zone = QTimeZone::systemTimeZone();
    bool m_everSet = false;
    LatestRequest m_request; // a refresh cancels the computation still running
    QElapsedTimer m_timer;

    LatencyTableModel *m_model;
    QLabel *m_filterLabel;
    QTableView *m_table;
    QTableView *m_total;
    bool m_fitted = false;
    QProgressBar *m_busy;
    QLabel *m_status;
    QPushButton *m_cancelButton;
    QPushButton *m_refreshButton;
};
