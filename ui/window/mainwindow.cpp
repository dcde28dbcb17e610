#include "mainwindow.h"

#include "audittablemodel.h"
#include "auditworker.h"
#include "chartpanel.h"
#include "connectiondialog.h"
#include "entrydetaildialog.h"
#include "errorbanner.h"
#include "exportdialog.h"
#include "filterbar.h"
#include "latencydialog.h"
#include "llmview.h"
#include "llmwindows.h"
#include "pageloader.h"
#include "paginationbar.h"
#include "resultsview.h"
#include "statuspanel.h"
#include "tenantpicker.h"
#include "viewsmenu.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QLocale>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>

namespace {

// The zone the table shows times in (local, or UTC when toggled).
QTimeZone shownZone(const AuditTableModel &model)
{
    return model.isUtc() ? QTimeZone::utc() : QTimeZone::systemTimeZone();
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_loader(nullptr)
    , m_choicesWorker(new AuditWorker(this))
    , m_model(new AuditTableModel(this))
    , m_filterBar(new FilterBar)
    , m_banner(new ErrorBanner)
    , m_chartPanel(new ChartPanel)
    , m_splitter(new QSplitter(Qt::Vertical))
    , m_view(new ResultsView(m_model))
    , m_pagination(new PaginationBar)
    , m_status(new StatusPanel)
    , m_autoRefresh(new QTimer(this))
    , m_clearHighlight(new QTimer(this))
    , m_tenants(new TenantPicker)
    , m_llmView(new LlmView)
    , m_logTabs(new QTabWidget)
{
    m_loader = new PageLoader(m_model, this);
    setWindowTitle(tr("Audit Viewer"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/audit-viewer.svg")));

    layOut();
    buildMenus();
    wireLoader();
    wireControls();
    wireChoicesWorker();
    wireSchemaChoice();
    wireTenants();
    restoreSettings();
}

MainWindow::~MainWindow() = default;

// The filter bar and the banner above the splitter of chart and table (with its pagination);
// the connection's state in the status bar.
void MainWindow::layOut()
{
    auto *tableArea = new QWidget;
    auto *tableLayout = new QVBoxLayout(tableArea);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->addWidget(m_view, 1);
    tableLayout->addWidget(m_pagination);
    m_splitter->setObjectName(QStringLiteral("chartSplitter"));
    m_splitter->addWidget(m_chartPanel);
    m_splitter->addWidget(tableArea);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    // The chart gets about two fifths: room for the stacked actions, its legend and labels.
    m_splitter->setSizes({ fontMetrics().height() * 20, fontMetrics().height() * 30 });

    auto *auditLog = new QWidget;
    auto *layout = new QVBoxLayout(auditLog);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(6);
    layout->addWidget(m_filterBar);
    layout->addWidget(m_banner);
    layout->addWidget(m_splitter, 1);
    // The LLM calls are a second log of the same database: a tab of their own with their own
    // filter, chart and table, so that switching keeps each log where the operator left it.
    auto *llmCalls = new QWidget;
    auto *llmLayout = new QVBoxLayout(llmCalls);
    llmLayout->setContentsMargins(6, 6, 6, 6);
    llmLayout->addWidget(m_llmView);
    m_logTabs->setObjectName(QStringLiteral("logTabs"));
    m_logTabs->setDocumentMode(true);
    m_logTabs->addTab(auditLog, tr("Audit log"));
    m_logTabs->addTab(llmCalls, tr("LLM calls"));
    setCentralWidget(m_logTabs);
    statusBar()->addPermanentWidget(m_status);
}

// The timers, and what the filter bar, banner, chart, table and pagination ask for.
void MainWindow::wireControls()
{
    // A call or a run of the LLM calls tab opens in the same windows as an entry's runs.
    connect(m_llmView, &LlmView::callActivated, this, [this](const LlmCall &call) {
        LlmWindows::openCall(m_choicesWorker, call.id, call.schema, m_utcAction->isChecked(), this);
    });
    connect(m_llmView, &LlmView::runActivated, this, [this](const LlmRun &run) {
        LlmWindows::openRun(m_choicesWorker, run, m_utcAction->isChecked(), this);
    });
    m_clearHighlight->setSingleShot(true);
    m_clearHighlight->setInterval(2500);
    connect(m_clearHighlight, &QTimer::timeout, m_model, &AuditTableModel::clearNewMarks);
    connect(m_autoRefresh, &QTimer::timeout, this, &MainWindow::refreshLive);
    connect(m_filterBar, &FilterBar::filterApplied, this, [this](const AuditFilter &filter) {
        m_views->setCurrentName({}); // changed by hand: no longer the view that was opened
        applyFilter(filter);
    });
    connect(m_filterBar, &FilterBar::bankChoicesWanted, this, [this] {
        if (m_loader->isConnected() && !m_banksLoaded) {
            m_choicesWorker->loadChoices(AuditWorker::Choices::Banks);
        }
    });
    connect(m_banner, &ErrorBanner::retryRequested, this, [this] {
        if (m_loader->isConnected()) {
            m_loader->retry();
        } else {
            connectTo(m_settings);
        }
    });
    connect(m_chartPanel, &ChartPanel::drillDownRequested, this, &MainWindow::drillDown);
    connect(m_view, &ResultsView::entryActivated, this,
        [this](const QString &id, const QString &schema) {
            emit entryOpened(id);
            openEntry(id, schema);
        });
    connect(m_view, &ResultsView::sortOrderRequested, this, &MainWindow::setSortOrder);
    connect(m_pagination, &PaginationBar::firstRequested, this, &MainWindow::goFirst);
    connect(m_pagination, &PaginationBar::previousRequested, this, &MainWindow::goPrevious);
    connect(m_pagination, &PaginationBar::nextRequested, this, &MainWindow::goNext);
    connect(m_pagination, &PaginationBar::lastRequested, this, &MainWindow::goLast);
    connect(m_pagination, &PaginationBar::pageSizeChanged, m_loader, &PageLoader::setPageSize);
}

// The second worker's answers: filter choices, entries for the detail window and compare.
void MainWindow::wireChoicesWorker()
{
    connect(m_choicesWorker, &AuditWorker::choicesLoaded, this,
        [this](quint64, AuditWorker::Choices which, const QStringList &values) {
            if (which == AuditWorker::Choices::Actions) {
                m_filterBar->setActionChoices(values);
                m_chartPanel->setActionChoices(values);
            } else if (which == AuditWorker::Choices::Transports) {
                m_filterBar->setTransportChoices(values);
            } else {
                m_banksLoaded = true;
                m_filterBar->setBankChoices(values);
            }
        });
    connect(m_choicesWorker, &AuditWorker::entryLoaded, this,
        [this](quint64 id, const AuditEntryDetail &detail) {
            if (takeCompareAnswer(id, &detail)) {
                return;
            }
            const QPointer<EntryDetailDialog> dialog = m_entryRequests.take(id);
            if (dialog) {
                dialog->setEntry(detail);
                const int row = m_model->rowOf(detail.entry.id, detail.entry.schema);
                dialog->setNavigation(row > 0, row >= 0 && row + 1 < m_model->rowCount());
            }
        });
    connect(m_choicesWorker, &AuditWorker::queryFailed, this,
        [this](quint64 id, const QueryError &error) {
            if (takeCompareAnswer(id, nullptr)) {
                statusBar()->showMessage(tr("Could not compare: %1").arg(error.message), 10000);
                return;
            }
            if (const QPointer<EntryDetailDialog> dialog = m_entryRequests.take(id)) {
                dialog->showError(error.message);
                return;
            }
            if (m_loader->isConnected() && error.kind != QueryError::Kind::Cancelled) {
                statusBar()->showMessage(error.message, 10000);
            }
        });
}

void MainWindow::wireLoader()
{
    connect(m_loader, &PageLoader::connected, this, &MainWindow::onConnected);
    connect(m_loader, &PageLoader::connectionFailed, this, [this](const QueryError &error) {
        m_status->setConnection(tr("Not connected"));
        m_banner->showError(error.message);
    });
    connect(m_loader, &PageLoader::loadingChanged, this, [this](bool loading, const QString &what) {
        m_status->setBusy(loading);
        m_pagination->setBusy(loading);
        if (loading && !what.isEmpty()) {
            statusBar()->showMessage(what);
        } else if (!loading) {
            statusBar()->clearMessage();
        }
    });
    connect(m_loader, &PageLoader::pageShown, this, [this](qint64 elapsed, bool quiet) {
        if (quiet) {
            m_clearHighlight->start();
        } else {
            m_view->scrollToTop();
        }
        m_banner->hide();
        m_status->setPageTime(elapsed);
        updatePosition();
        updateEmptyMessage();
        emit pageShown();
    });
    connect(m_loader, &PageLoader::pageFailed, this, [this](const QueryError &error) {
        if (error.kind == QueryError::Kind::Cancelled) {
            statusBar()->showMessage(
                tr("Cancelled; the table shows the last page that loaded."), 5000);
        } else {
            m_banner->showError(error.message);
        }
        updatePosition();
    });
    connect(m_loader, &PageLoader::countChanged, this, [this] {
        m_status->setCount(m_loader->total(), m_loader->totalIsExact());
        updatePosition();
    });
    connect(m_loader, &PageLoader::countFailed, this, [this](const QueryError &error) {
        statusBar()->showMessage(tr("Counting failed: %1").arg(error.message), 10000);
    });
    connect(m_status, &StatusPanel::cancelRequested, this, [this] {
        m_loader->cancel();
        statusBar()->showMessage(tr("Cancelled."), 5000);
    });
}

void MainWindow::updateEmptyMessage()
{
    if (m_model->rowCount() > 0) {
        m_view->setEmptyMessage({});
    } else if (m_loader->filter().isEmpty()) {
        // Hindsight's auditing is off unless switched on: an empty table is the usual sign.
        m_view->setEmptyMessage(
            tr("The audit table %1 has no entries.\n\n"
               "Hindsight writes its audit log only when auditing is on, and it is off by "
               "default: set HINDSIGHT_API_AUDIT_LOG_ENABLED=true for the Hindsight API, and "
               "check the audit_log_enabled setting of the banks you want audited. Calls made "
               "after that appear here (F5 refreshes).")
                .arg(m_settings.table().displayName()));
    } else if (m_loader->filter().since || m_loader->filter().until) {
        m_view->setEmptyMessage(tr("No entries match this filter.\n\n"
                                   "Widen the time range or press Reset in the filter bar."));
    } else { // all time already: only the other conditions can be loosened
        m_view->setEmptyMessage(tr("No entries match this filter.\n\n"
                                   "Press Reset in the filter bar to see every entry."));
    }
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("mainWindow"));
    if (!restoreGeometry(settings.value(QStringLiteral("geometry")).toByteArray())) {
        const QScreen *screen = QApplication::primaryScreen();
        const QRect available = screen ? screen->availableGeometry() : QRect(0, 0, 1280, 800);
        resize(
            std::min(1280, available.width() * 9 / 10), std::min(800, available.height() * 9 / 10));
    }
    m_view->restoreHeaderState(settings.value(QStringLiteral("header")).toByteArray());
    m_splitter->restoreState(settings.value(QStringLiteral("splitter")).toByteArray());
    m_pagination->setPageSize(settings.value(QStringLiteral("pageSize"), 100).toInt());
    m_loader->setPageSize(m_pagination->pageSize());
    m_utcAction->setChecked(settings.value(QStringLiteral("utc"), false).toBool());
    const int seconds = settings.value(QStringLiteral("autoRefresh"), 0).toInt();
    for (QAction *action : m_autoRefreshGroup->actions()) {
        if (action->data().toInt() == seconds) {
            action->setChecked(true);
            setAutoRefreshSeconds(seconds);
        }
    }
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("mainWindow"));
    settings.setValue(QStringLiteral("geometry"), saveGeometry());
    settings.setValue(QStringLiteral("header"), m_view->headerState());
    settings.setValue(QStringLiteral("splitter"), m_splitter->saveState());
    settings.setValue(QStringLiteral("pageSize"), m_pagination->pageSize());
    settings.setValue(QStringLiteral("utc"), m_utcAction->isChecked());
    settings.setValue(QStringLiteral("autoRefresh"),
        m_autoRefresh->isActive() ? m_autoRefresh->interval() / 1000 : 0);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    saveLastView();
    m_loader->cancel();
    QMainWindow::closeEvent(event);
}

bool MainWindow::isLoading() const
{
    return m_loader->isLoading();
}

bool MainWindow::chooseConnection(const std::optional<ConnectionSettings> &initial)
{
    ConnectionDialog dialog(this);
    dialog.setSettings(initial.value_or(m_settings));
    if (dialog.exec() != QDialog::Accepted) {
        return false;
    }
    connectTo(dialog.settings());
    return true;
}

void MainWindow::connectTo(
    const ConnectionSettings &settings, const std::optional<AuditFilter> &initialFilter)
{
    m_settings = settings;
    m_banksLoaded = false;
    if (initialFilter) {
        m_filterBar->setFilter(*initialFilter);
    }
    m_banner->hide();
    if (m_latency) {
        m_latency->close(); // its numbers and connection are for the other database
    }
    m_status->setConnection(tr("Connecting…"));
    m_loader->connectTo(settings);
    m_choicesWorker->connectTo(settings);
    m_llmView->connectTo(settings);
    m_chartPanel->connectTo(settings);
}

void MainWindow::onConnected(const ConnectionInfo &info)
{
    const AuditTableRef table = m_settings.table();
    // What the server confirmed, not what was asked for; the server's version on hover.
    m_status->setConnection(
        tr("%1 · %2 · %3").arg(info.description, table.displayName(), info.guarantees()),
        tr("PostgreSQL %1").arg(info.serverVersion), info.note);
    setWindowTitle(tr("%1 — Audit Viewer").arg(table.displayName()));
    showTenantsOf(table);
    m_choicesWorker->loadChoices(AuditWorker::Choices::Actions);
    m_choicesWorker->loadChoices(AuditWorker::Choices::Transports);
    applyFilter(m_filterBar->filter());
}

void MainWindow::applyFilter(const AuditFilter &filter)
{
    m_loader->setFilter(filter);
    m_chartPanel->setTableFilter(filter);
    if (m_latency) {
        m_latency->setFilter(filter, shownZone(*m_model));
    }
}

void MainWindow::refresh()
{
    if (m_logTabs->currentIndex() == 1 && m_loader->isConnected()) {
        m_llmView->refresh(); // F5 on the LLM calls tab
        return;
    }
    if (!m_loader->isConnected()) {
        connectTo(m_settings);
        return;
    }
    // Relative time presets move with the clock.
    const AuditFilter filter = m_filterBar->filter();
    if (filter == m_loader->filter()) {
        m_loader->recount();
        m_loader->move(PageNavigator::Move::Reload);
    } else {
        m_loader->setFilter(filter);
        if (m_latency) {
            m_latency->setFilter(filter, shownZone(*m_model));
        }
    }
    m_chartPanel->reload(true);
}

void MainWindow::refreshLive()
{
    // Every number follows: the count changes on every page, as F5 counts.
    m_loader->recountLive();
    // Only the first page moves with new rows; elsewhere the operator is reading.
    if (m_loader->isConnected() && !m_loader->isLoading()
        && m_loader->navigator().offset() == std::optional<qint64>(0)) {
        m_loader->move(PageNavigator::Move::Reload, true);
    }
    m_chartPanel->reload();
}

void MainWindow::goFirst()
{
    m_loader->move(PageNavigator::Move::First);
}
void MainWindow::goNext()
{
    m_loader->move(PageNavigator::Move::Next);
}
void MainWindow::goPrevious()
{
    m_loader->move(PageNavigator::Move::Previous);
}
void MainWindow::goLast()
{
    m_loader->move(PageNavigator::Move::Last);
}

void MainWindow::setUtc(bool utc)
{
    m_model->setUtc(utc);
    m_chartPanel->setUtc(utc);
    m_llmView->setUtc(utc);
    m_filterBar->setTimeZone(utc ? QTimeZone::utc() : QTimeZone::systemTimeZone());
    if (m_utcAction->isChecked() != utc) {
        m_utcAction->setChecked(utc);
    }
}

void MainWindow::setAutoRefreshSeconds(int seconds)
{
    m_llmView->setAutoRefreshSeconds(seconds);
    if (seconds <= 0) {
        m_autoRefresh->stop();
    } else {
        m_autoRefresh->start(seconds * 1000);
    }
}

void MainWindow::openEntry(const QString &id, const QString &schema, EntryDetailDialog *dialog)
{
    if (!m_loader->isConnected() || id.isEmpty()) {
        return;
    }
    if (!dialog) {
        dialog = new EntryDetailDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setWorker(m_choicesWorker);
        connect(dialog, &EntryDetailDialog::previousRequested, this,
            [this, dialog] { stepEntry(dialog, -1); });
        connect(dialog, &EntryDetailDialog::nextRequested, this,
            [this, dialog] { stepEntry(dialog, 1); });
        dialog->show();
    }
    dialog->setUtc(m_model->isUtc());
    dialog->showLoading(id);
    m_entryRequests.insert(m_choicesWorker->loadEntry(id, schema), dialog);
}

void MainWindow::stepEntry(EntryDetailDialog *dialog, int step)
{
    // Previous / Next walk the rows of the table's page, and the table follows.
    const int row = m_model->rowOf(dialog->entryId(), dialog->entrySchema()) + step;
    if (row < 0 || row >= m_model->rowCount()) {
        return;
    }
    const AuditEntry &entry = m_model->entries().at(row);
    m_view->selectEntry(entry.id, entry.schema);
    openEntry(entry.id, entry.schema, dialog);
}

ExportDialog *MainWindow::exportEntries()
{
    if (!m_loader->isConnected()) {
        statusBar()->showMessage(tr("Connect to a database first."), 5000);
        return nullptr;
    }
    if (m_logTabs->currentIndex() == 1) {
        return m_llmView->exportCalls(); // the LLM calls tab exports its own filtered calls
    }
    auto *dialog = new ExportDialog(
        m_settings, m_loader->filter(), m_loader->order(), m_loader->total(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ExportDialog::finished, this, [this](qint64 rows, const QString &path) {
        statusBar()->showMessage(tr("Exported %1 entries to %2", nullptr,
                                     static_cast<int>(std::min<qint64>(rows, INT_MAX)))
                                     .arg(QLocale().toString(rows), path),
            10000);
    });
    dialog->show();
    return dialog;
}

LatencyDialog *MainWindow::showLatency()
{
    if (!m_loader->isConnected()) {
        statusBar()->showMessage(tr("Connect to a database first."), 5000);
        return nullptr;
    }
    if (!m_latency) {
        m_latency = new LatencyDialog(m_settings, this);
        m_latency->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_latency->setFilter(m_loader->filter(), shownZone(*m_model));
    m_latency->show();
    m_latency->raise();
    m_latency->activateWindow();
    return m_latency;
}

void MainWindow::drillDown(AuditTimestamp from, AuditTimestamp until)
{
    m_filterHistory.append({ m_filterBar->filter(), static_cast<int>(m_filterBar->timeRange()) });
    m_backAction->setEnabled(true);
    AuditFilter filter = m_filterBar->filter();
    filter.since = from;
    filter.until = until;
    m_filterBar->setFilter(filter);
    applyFilter(filter);
}

void MainWindow::back()
{
    if (m_filterHistory.isEmpty()) {
        return;
    }
    const FilterState previous = m_filterHistory.takeLast();
    m_backAction->setEnabled(!m_filterHistory.isEmpty());
    m_filterBar->setFilter(previous.filter);
    const auto range = static_cast<FilterBar::TimeRange>(previous.timeRange);
    if (range != FilterBar::TimeRange::Custom) {
        m_filterBar->setTimeRange(range);
    }
    applyFilter(m_filterBar->filter());
}

void MainWindow::updatePosition()
{
    const PageNavigator &navigator = m_loader->navigator();
    m_pagination->setPosition(
        navigator.offset(), m_model->rowCount(), m_loader->total(), m_loader->totalIsExact());
    m_pagination->setNavigation(navigator.hasPrevious(), navigator.hasNext());
}

void MainWindow::setSortOrder(SortOrder order)
{
    m_view->setSortOrder(order);
    m_loader->setOrder(order);
    for (QAction *action : m_sortGroup->actions()) {
        action->setChecked(action->data().toInt() == static_cast<int>(order));
    }
}
