#include "mainwindow.h"

#include "audittablemodel.h"
#include "auditworker.h"
#include "chartpanel.h"
#include "connectiondialog.h"
#include "entrypreview.h"
#include "errorbanner.h"
#include "filterbar.h"
#include "paginationbar.h"
#include "resultsview.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QProgressBar>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_pageWorker(new AuditWorker(this))
    , m_countWorker(new AuditWorker(this))
    , m_choicesWorker(new AuditWorker(this))
    , m_chartPanel(new ChartPanel)
    , m_splitter(new QSplitter(Qt::Vertical))
    , m_model(new AuditTableModel(this))
    , m_filterBar(new FilterBar)
    , m_banner(new ErrorBanner)
    , m_view(new ResultsView(m_model))
    , m_pagination(new PaginationBar)
    , m_connectionLabel(new QLabel)
    , m_countLabel(new QLabel)
    , m_timingLabel(new QLabel)
    , m_busyBar(new QProgressBar)
    , m_cancelButton(new QToolButton)
    , m_autoRefresh(new QTimer(this))
    , m_clearHighlight(new QTimer(this))
{
    setWindowTitle(tr("Audit Viewer"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/audit-viewer.svg")));

    auto *central = new QWidget;
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(6);
    layout->addWidget(m_filterBar);
    layout->addWidget(m_banner);
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
    m_splitter->setChildrenCollapsible(true);
    m_splitter->setSizes({ fontMetrics().height() * 15, fontMetrics().height() * 40 });
    layout->addWidget(m_splitter, 1);
    setCentralWidget(central);
    connect(m_chartPanel, &ChartPanel::drillDownRequested, this, &MainWindow::drillDown);

    buildActions();
    buildStatusBar();

    m_clearHighlight->setSingleShot(true);
    m_clearHighlight->setInterval(2500);
    connect(m_clearHighlight, &QTimer::timeout, m_model, &AuditTableModel::clearNewMarks);
    connect(m_autoRefresh, &QTimer::timeout, this, &MainWindow::refreshLive);

    connect(m_filterBar, &FilterBar::filterApplied, this, &MainWindow::applyFilter);
    connect(m_filterBar, &FilterBar::bankChoicesWanted, this, [this] {
        if (m_connected && !m_banksLoaded) {
            m_choicesWorker->loadChoices(AuditWorker::Choices::Banks);
        }
    });
    connect(m_banner, &ErrorBanner::retryRequested, this, [this] {
        if (!m_connected) {
            connectTo(m_settings, m_filterBar->filter());
        } else {
            requestPage(m_retryMove.value_or(PageNavigator::Move::Reload));
            requestCounts();
        }
    });
    connect(m_view, &ResultsView::entryActivated, this, [this](const QString &id) {
        emit entryOpened(id);
        showEntryPreview(id);
    });
    connect(m_view, &ResultsView::sortOrderToggled, this, [this] {
        const bool newestFirst = m_navigator.order() != SortOrder::NewestFirst;
        m_navigator.setOrder(newestFirst ? SortOrder::NewestFirst : SortOrder::OldestFirst);
        m_view->setNewestFirst(newestFirst);
        requestPage(PageNavigator::Move::First);
    });
    connect(m_pagination, &PaginationBar::firstRequested, this, &MainWindow::goFirst);
    connect(m_pagination, &PaginationBar::previousRequested, this, &MainWindow::goPrevious);
    connect(m_pagination, &PaginationBar::nextRequested, this, &MainWindow::goNext);
    connect(m_pagination, &PaginationBar::lastRequested, this, &MainWindow::goLast);
    connect(m_pagination, &PaginationBar::pageSizeChanged, this, [this](int size) {
        m_navigator.setPageSize(size);
        if (m_connected) {
            requestPage(PageNavigator::Move::First);
        }
    });

    connect(m_pageWorker, &AuditWorker::connected, this,
        [this](quint64 id, const QString &description, const QString &version) {
            if (id == m_connectRequest) {
                onConnected(description, version);
            }
        });
    connect(m_pageWorker, &AuditWorker::pageLoaded, this, &MainWindow::onPage);
    connect(m_pageWorker, &AuditWorker::queryFailed, this, &MainWindow::onPageFailed);
    connect(m_countWorker, &AuditWorker::countLoaded, this, &MainWindow::onCount);
    connect(m_countWorker, &AuditWorker::queryFailed, this,
        [this](quint64 id, const QueryError &error) {
            if (id == m_exactRequest && error.kind != QueryError::Kind::Cancelled) {
                m_exactRequest = 0;
                statusBar()->showMessage(tr("Counting failed: %1").arg(error.message), 10000);
            }
        });
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
        [this](quint64, const AuditEntryDetail &detail) {
            auto *preview = new EntryPreview(detail, m_model->isUtc(), this);
            preview->show();
        });
    connect(
        m_choicesWorker, &AuditWorker::queryFailed, this, [this](quint64, const QueryError &error) {
            if (m_connected && error.kind != QueryError::Kind::Cancelled) {
                statusBar()->showMessage(error.message, 10000);
            }
        });

    m_navigator.setPageSize(m_pagination->pageSize());
    restoreSettings();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *connectAction = file->addAction(QIcon(QStringLiteral(":/icons/database-connect.svg")),
        tr("&Connect…"), this, [this] { chooseConnection(); });
    connectAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *refreshAction = view->addAction(QIcon(QStringLiteral(":/icons/view-refresh.svg")),
        tr("&Refresh"), this, &MainWindow::refresh);
    refreshAction->setShortcut(QKeySequence::Refresh);
    m_utcAction = view->addAction(tr("Times in &UTC"));
    m_utcAction->setCheckable(true);
    m_utcAction->setToolTip(tr("Show and enter times in UTC instead of the local time zone"));
    connect(m_utcAction, &QAction::toggled, this, &MainWindow::setUtc);
    QMenu *autoRefresh = view->addMenu(tr("&Auto-refresh"));
    m_autoRefreshGroup = new QActionGroup(this);
    for (const auto &[seconds, label] : { std::pair { 0, tr("Off") },
             std::pair { 5, tr("Every 5 seconds") }, std::pair { 30, tr("Every 30 seconds") } }) {
        QAction *action = autoRefresh->addAction(label);
        action->setCheckable(true);
        action->setData(seconds);
        action->setChecked(seconds == 0);
        m_autoRefreshGroup->addAction(action);
        connect(action, &QAction::triggered, this,
            [this, seconds = seconds] { setAutoRefreshSeconds(seconds); });
    }

    QMenu *go = menuBar()->addMenu(tr("&Go"));
    m_backAction = go->addAction(QIcon(QStringLiteral(":/icons/go-previous.svg")),
        tr("&Back to the previous filter"), this, &MainWindow::back);
    m_backAction->setShortcut(QKeySequence::Back);
    m_backAction->setEnabled(false);
    m_backAction->setToolTip(tr("Restore the filter from before the last drill-down (Alt+Left)"));
    go->addSeparator();
    go->addAction(QIcon(QStringLiteral(":/icons/go-first.svg")), tr("&First page"),
        QKeySequence(Qt::CTRL | Qt::Key_Home), this, &MainWindow::goFirst);
    go->addAction(QIcon(QStringLiteral(":/icons/go-previous.svg")), tr("&Previous page"),
        QKeySequence(Qt::CTRL | Qt::Key_PageUp), this, &MainWindow::goPrevious);
    go->addAction(QIcon(QStringLiteral(":/icons/go-next.svg")), tr("&Next page"),
        QKeySequence(Qt::CTRL | Qt::Key_PageDown), this, &MainWindow::goNext);
    go->addAction(QIcon(QStringLiteral(":/icons/go-last.svg")), tr("&Last page"),
        QKeySequence(Qt::CTRL | Qt::Key_End), this, &MainWindow::goLast);

    QToolBar *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolBar"));
    toolbar->setMovable(false);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->addAction(connectAction);
    toolbar->addAction(refreshAction);
    toolbar->addAction(m_backAction);
    toolbar->addAction(m_utcAction);
    auto *autoButton = new QToolButton;
    autoButton->setText(tr("Auto-refresh"));
    autoButton->setMenu(autoRefresh);
    autoButton->setPopupMode(QToolButton::InstantPopup);
    autoButton->setToolTip(tr("Reload the first page periodically; new rows are highlighted"));
    toolbar->addWidget(autoButton);
}

void MainWindow::buildStatusBar()
{
    for (QLabel *label : { m_connectionLabel, m_countLabel, m_timingLabel }) {
        label->setTextFormat(Qt::PlainText);
    }
    m_busyBar->setRange(0, 0);
    m_busyBar->setMaximumWidth(fontMetrics().horizontalAdvance(QLatin1Char('M')) * 8);
    m_busyBar->setMaximumHeight(fontMetrics().height());
    m_busyBar->hide();
    m_cancelButton->setIcon(QIcon(QStringLiteral(":/icons/process-stop.svg")));
    m_cancelButton->setToolTip(tr("Cancel the running query"));
    m_cancelButton->setAutoRaise(true);
    m_cancelButton->hide();
    connect(m_cancelButton, &QToolButton::clicked, this, [this] {
        cancelRunning();
        statusBar()->showMessage(tr("Cancelled."), 5000);
    });
    m_countLabel->setToolTip(tr("Entries matching the filter: the planner's estimate at once, the "
                                "exact count when counted"));
    m_timingLabel->setToolTip(tr("How long the last page took, from request to answer"));
    m_connectionLabel->setToolTip(tr("Every session is read-only"));
    for (QLabel *label : { m_countLabel, m_timingLabel }) {
        label->setContentsMargins(8, 0, 8, 0);
    }
    statusBar()->addPermanentWidget(m_busyBar);
    statusBar()->addPermanentWidget(m_cancelButton);
    statusBar()->addPermanentWidget(m_countLabel);
    statusBar()->addPermanentWidget(m_timingLabel);
    statusBar()->addPermanentWidget(m_connectionLabel);
    m_connectionLabel->setText(tr("Not connected"));
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("mainWindow"));
    if (!restoreGeometry(settings.value(QStringLiteral("geometry")).toByteArray())) {
        const QRect screen = QApplication::primaryScreen()
            ? QApplication::primaryScreen()->availableGeometry()
            : QRect(0, 0, 1280, 800);
        resize(std::min(1280, screen.width() * 9 / 10), std::min(800, screen.height() * 9 / 10));
    }
    m_view->restoreHeaderState(settings.value(QStringLiteral("header")).toByteArray());
    m_splitter->restoreState(settings.value(QStringLiteral("splitter")).toByteArray());
    m_pagination->setPageSize(settings.value(QStringLiteral("pageSize"), 100).toInt());
    m_navigator.setPageSize(m_pagination->pageSize());
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
    cancelRunning();
    QMainWindow::closeEvent(event);
}

bool MainWindow::chooseConnection(const std::optional<ConnectionSettings> &initial)
{
    ConnectionDialog dialog(this);
    dialog.setSettings(initial.value_or(m_settings));
    if (dialog.exec() != QDialog::Accepted) {
        return false;
    }
    connectTo(dialog.settings(), m_filterBar->filter());
    return true;
}

void MainWindow::connectTo(const ConnectionSettings &settings, const AuditFilter &initialFilter)
{
    cancelRunning();
    m_settings = settings;
    m_connected = false;
    m_banksLoaded = false;
    m_filterBar->setFilter(initialFilter);
    m_filter = initialFilter;
    m_banner->hide();
    m_connectionLabel->setText(tr("Connecting…"));
    setBusy(true, tr("Connecting…"));
    m_connectRequest = m_pageWorker->connectTo(settings);
    m_countWorker->connectTo(settings);
    m_choicesWorker->connectTo(settings);
    m_chartPanel->connectTo(settings);
}

void MainWindow::onConnected(const QString &description, const QString &serverVersion)
{
    m_connected = true;
    setBusy(false);
    const AuditTableRef table = m_settings.table();
    m_connectionLabel->setText(
        tr("%1 · %2 · PostgreSQL %3 · read-only")
            .arg(description, table.displayName(), serverVersion.section(QLatin1Char(' '), 0, 0)));
    setWindowTitle(tr("%1 — Audit Viewer").arg(table.displayName()));
    m_choicesWorker->loadChoices(AuditWorker::Choices::Actions);
    m_choicesWorker->loadChoices(AuditWorker::Choices::Transports);
    applyFilter(m_filterBar->filter());
}

void MainWindow::applyFilter(const AuditFilter &filter)
{
    m_filter = filter;
    if (!m_connected) {
        return;
    }
    m_navigator.forgetPosition();
    m_total.reset();
    requestCounts();
    requestPage(PageNavigator::Move::First);
    m_chartPanel->setTableFilter(filter);
}

void MainWindow::refresh()
{
    if (!m_connected) {
        if (!m_settings.toConninfoWithoutPassword().isEmpty() || m_connectRequest != 0) {
            connectTo(m_settings, m_filterBar->filter());
        }
        return;
    }
    // Relative time presets move with the clock.
    m_filter = m_filterBar->filter();
    requestCounts();
    requestPage(PageNavigator::Move::Reload);
    m_chartPanel->reload(true);
}

void MainWindow::refreshLive()
{
    // Only the first page moves with new rows; elsewhere the operator is reading.
    if (m_connected && m_pageRequest == 0 && m_navigator.offset() == std::optional<qint64>(0)) {
        m_filter = m_filterBar->filter();
        requestPage(PageNavigator::Move::Reload, true);
    }
    m_chartPanel->reload();
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

void MainWindow::goFirst()
{
    requestPage(PageNavigator::Move::First);
}
void MainWindow::goNext()
{
    requestPage(PageNavigator::Move::Next);
}
void MainWindow::goPrevious()
{
    requestPage(PageNavigator::Move::Previous);
}
void MainWindow::goLast()
{
    requestPage(PageNavigator::Move::Last);
}

void MainWindow::setUtc(bool utc)
{
    m_model->setUtc(utc);
    m_chartPanel->setUtc(utc);
    m_filterBar->setTimeZone(utc ? QTimeZone::utc() : QTimeZone::systemTimeZone());
    if (m_utcAction->isChecked() != utc) {
        m_utcAction->setChecked(utc);
    }
}

void MainWindow::setAutoRefreshSeconds(int seconds)
{
    if (seconds <= 0) {
        m_autoRefresh->stop();
    } else {
        m_autoRefresh->start(seconds * 1000);
    }
}

void MainWindow::cancelRunning()
{
    for (auto [worker, request] : { std::pair { m_pageWorker, &m_pageRequest },
             std::pair { m_countWorker, &m_estimateRequest },
             std::pair { m_countWorker, &m_exactRequest } }) {
        if (*request != 0) {
            worker->cancel(*request);
            *request = 0;
        }
    }
    setBusy(false);
}

void MainWindow::requestCounts()
{
    for (quint64 *request : { &m_estimateRequest, &m_exactRequest }) {
        if (*request != 0) {
            m_countWorker->cancel(*request);
        }
    }
    m_totalExact = false;
    m_countLabel->setText(tr("Counting…"));
    m_estimateRequest = m_countWorker->estimateCount(m_filter);
    m_exactRequest = m_countWorker->countExactly(m_filter);
}

void MainWindow::requestPage(PageNavigator::Move move, bool silent)
{
    if (!m_connected) {
        return;
    }
    // A new request replaces the one still running: its answer would be stale.
    if (m_pageRequest != 0) {
        m_pageWorker->cancel(m_pageRequest);
    }
    m_pendingMove = m_navigator.request(move);
    m_pendingSilent = silent;
    m_queryTimer.start();
    m_pageRequest = m_pageWorker->loadPage(
        m_filter, m_navigator.pageSize(), m_pendingMove.after, m_pendingMove.order);
    if (!silent) {
        setBusy(true,
            m_filter.search.isEmpty() ? tr("Loading…") : tr("Searching request and response…"));
    }
}

void MainWindow::onPage(quint64 requestId, const AuditPage &page)
{
    if (requestId != m_pageRequest) {
        return; // an answer to a request that was replaced
    }
    m_pageRequest = 0;
    const qint64 elapsed = m_queryTimer.elapsed();
    if (m_navigator.needsFirstInstead(m_pendingMove, page)) {
        requestPage(PageNavigator::Move::First);
        return;
    }
    setBusy(false);
    const QString selected = m_view->currentEntryId();
    const QList<AuditEntry> rows
        = m_navigator.accept(m_pendingMove, page, m_totalExact ? m_total : std::nullopt);
    m_model->setEntries(rows, m_pendingSilent);
    if (m_pendingSilent) {
        m_clearHighlight->start();
    }
    if (!selected.isEmpty()) {
        m_view->selectEntry(selected);
    }
    if (!m_pendingSilent) {
        m_view->scrollToTop();
    }
    m_banner->hide();
    m_retryMove.reset();
    m_timingLabel->setText(tr("page in %1 ms").arg(elapsed));
    updatePosition();
    emit pageShown();
}

void MainWindow::onPageFailed(quint64 requestId, const QueryError &error)
{
    if (requestId == m_connectRequest && !m_connected) {
        setBusy(false);
        m_connectionLabel->setText(tr("Not connected"));
        m_banner->showError(error.message);
        return;
    }
    if (requestId != m_pageRequest) {
        return;
    }
    m_pageRequest = 0;
    setBusy(false);
    if (error.kind == QueryError::Kind::Cancelled) {
        statusBar()->showMessage(tr("Cancelled; the table shows the last page that loaded."), 5000);
        updatePosition();
        return;
    }
    // The last good page stays; Retry repeats the move that failed.
    m_retryMove = m_pendingMove.move;
    m_banner->showError(error.message);
    updatePosition();
}

void MainWindow::onCount(quint64 requestId, qint64 count, bool exact)
{
    if (requestId == m_estimateRequest) {
        m_estimateRequest = 0;
        if (m_totalExact) {
            return; // the exact count came first
        }
    } else if (requestId == m_exactRequest) {
        m_exactRequest = 0;
    } else {
        return;
    }
    m_total = count;
    m_totalExact = exact;
    const QLocale locale;
    m_countLabel->setText(exact ? tr("%1 entries").arg(locale.toString(count))
                                : tr("≈ %1 entries (estimate)").arg(locale.toString(count)));
    updatePosition();
}

void MainWindow::updatePosition()
{
    m_pagination->setPosition(m_navigator.offset(), m_model->rowCount(), m_total, m_totalExact);
    m_pagination->setNavigation(m_navigator.hasPrevious(), m_navigator.hasNext());
}

void MainWindow::setBusy(bool busy, const QString &what)
{
    m_busyBar->setVisible(busy);
    m_cancelButton->setVisible(busy);
    m_pagination->setBusy(busy);
    if (busy && !what.isEmpty()) {
        statusBar()->showMessage(what);
    } else if (!busy) {
        statusBar()->clearMessage();
    }
}

void MainWindow::showEntryPreview(const QString &id)
{
    if (m_connected && !id.isEmpty()) {
        m_choicesWorker->loadEntry(id);
    }
}
