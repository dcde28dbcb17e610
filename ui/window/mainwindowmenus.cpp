// MainWindow's menus and toolbar: File, View, Views, Go and Help, with their shortcuts.

#include "audittablemodel.h"
#include "chartpanel.h"
#include "exportdialog.h"
#include "filterbar.h"
#include "helpdialogs.h"
#include "latencydialog.h"
#include "mainwindow.h"
#include "maskingrulesdialog.h"
#include "resultsview.h"
#include "tenantpicker.h"
#include "viewsmenu.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QItemSelectionModel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QToolBar>
#include <QToolButton>

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *connectAction = file->addAction(QIcon(QStringLiteral(":/icons/database-connect.svg")),
        tr("&Connect…"), this, [this] { chooseConnection(); });
    connectAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    QAction *exportAction = file->addAction(tr("&Export…"), this, &MainWindow::exportEntries);
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    exportAction->setToolTip(tr("Write every entry matching the filter to CSV or JSON Lines"));
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
    QMenu *autoRefresh = addAutoRefreshMenu(view);
    addSortMenu(view);
    QAction *latencyAction = view->addAction(tr("&Latency…"), this, &MainWindow::showLatency);
    latencyAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    latencyAction->setToolTip(
        tr("Calls, p50, p95, p99 and longest duration per action for the current filter"));

    m_views = new ViewsMenu([this] { return currentView(); }, this);
    menuBar()->addMenu(m_views);
    connect(m_views, &ViewsMenu::viewChosen, this, &MainWindow::applyView);
    connect(m_views, &ViewsMenu::message, this,
        [this](const QString &text) { statusBar()->showMessage(text, 5000); });

    addCompareActions(view);

    addGoMenu();

    view->addSeparator();
    QAction *maskingAction = view->addAction(tr("Mas&king rules…"), this, [this] {
        MaskingRulesDialog dialog(this);
        if (dialog.exec() == QDialog::Accepted) {
            m_model->setMasker(SecretMasker()); // entry windows and exports take them as they open
        }
    });
    maskingAction->setToolTip(tr("The key and value patterns secrets are masked by"));

    addHelpMenu();

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
    // Which tenants are read: beside where the connection is chosen, shown when there are some.
    toolbar->addSeparator();
    QAction *tenants = toolbar->addWidget(m_tenants);
    tenants->setVisible(m_tenants->isWanted());
    connect(m_tenants, &TenantPicker::wantedChanged, tenants, &QAction::setVisible);
}

QMenu *MainWindow::addAutoRefreshMenu(QMenu *view)
{
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
    return autoRefresh;
}

void MainWindow::addSortMenu(QMenu *view)
{
    QMenu *sortMenu = view->addMenu(tr("&Sort"));
    m_sortGroup = new QActionGroup(this);
    for (const auto &[order, label] : { std::pair { SortOrder::NewestFirst, tr("&Newest first") },
             std::pair { SortOrder::OldestFirst, tr("&Oldest first") },
             std::pair { SortOrder::LongestFirst, tr("&Longest first") },
             std::pair { SortOrder::ShortestFirst, tr("&Shortest first") },
             std::pair { SortOrder::RecentlyFinishedFirst, tr("Recently &finished first") } }) {
        QAction *action = sortMenu->addAction(label);
        action->setCheckable(true);
        action->setData(static_cast<int>(order));
        action->setChecked(order == SortOrder::NewestFirst);
        m_sortGroup->addAction(action);
        connect(action, &QAction::triggered, this, [this, order = order] { setSortOrder(order); });
    }
    m_sortGroup->actions().constLast()->setToolTip(
        tr("For tailing the log: the calls that started in the last %n minutes, the latest to end "
           "first, calls still running on top. Hindsight writes a call when it ends, so a long "
           "call shows up here at the top when it arrives.",
            nullptr, static_cast<int>(kRecentPastMinutes)));
    sortMenu->setToolTipsVisible(true);
}

// View's Compare, and the table's context menu, which offers it too.
void MainWindow::addCompareActions(QMenu *view)
{
    m_compareAction
        = view->addAction(tr("&Compare two entries"), this, &MainWindow::compareSelected);
    m_compareAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    m_compareAction->setToolTip(tr("Select two rows: their request, response and metadata side "
                                   "by side, differences highlighted"));
    m_compareAction->setEnabled(false);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &MainWindow::updateCompareAction);
    connect(m_model, &QAbstractItemModel::modelReset, this, &MainWindow::updateCompareAction);
    // The table's context menu.
    auto *openAction = new QAction(tr("&Open entry"), m_view);
    connect(openAction, &QAction::triggered, this, [this] {
        const QString id = m_view->currentEntryId();
        if (!id.isEmpty()) {
            openEntry(id, m_view->currentEntrySchema());
        }
    });
    auto *copyAction = new QAction(tr("Copy &rows"), m_view);
    copyAction->setShortcut(QKeySequence::Copy);
    copyAction->setShortcutContext(Qt::WidgetShortcut);
    connect(copyAction, &QAction::triggered, m_view, &ResultsView::copySelection);
    m_tenantFilterAction = new QAction(tr("Only &this tenant"), m_view);
    m_tenantFilterAction->setObjectName(QStringLiteral("tenantFilterAction"));
    m_tenantFilterAction->setToolTip(tr("Filter the table to the tenant of the current row"));
    m_tenantFilterAction->setVisible(false); // reading many schemas only
    connect(m_tenantFilterAction, &QAction::triggered, this, [this] {
        const QString schema = m_view->currentEntrySchema();
        if (!schema.isEmpty()) {
            m_filterBar->setTenantFilter({ schema });
        }
    });
    m_view->addActions({ openAction, m_compareAction, m_tenantFilterAction, copyAction });
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
}

void MainWindow::addGoMenu()
{
    QMenu *go = menuBar()->addMenu(tr("&Go"));
    m_backAction = go->addAction(
        QIcon(QStringLiteral(":/icons/go-previous.svg")), tr("&Back"), this, &MainWindow::back);
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
}

void MainWindow::addHelpMenu()
{
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Keyboard shortcuts"), this, [this] {
        auto *dialog = new ShortcutsDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
    help->addAction(tr("&About Audit Viewer"), this, [this] {
        QMessageBox::about(this, tr("About Audit Viewer"),
            tr("<h3>Audit Viewer %1</h3>"
               "<p>Browse the audit log of a Hindsight memory server: filter, page, chart, read "
               "and "
               "export its entries. It never writes to the database.</p>"
               "<p>Built with Qt %2 and libpq.</p>")
                .arg(QCoreApplication::applicationVersion().toHtmlEscaped(),
                    QString::fromLatin1(qVersion())));
    });
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}
