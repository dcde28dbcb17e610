#include "llmview.h"

#include "auditworker.h"
#include "badgedelegate.h"
#include "celltextdelegate.h"
#include "errorbanner.h"
#include "exportdialog.h"
#include "llmchart.h"
#include "llmfilterbar.h"
#include "llmpageloader.h"
#include "llmrunloader.h"
#include "llmruntablemodel.h"
#include "llmtablemodel.h"
#include "paginationbar.h"

#include <QAction>
#include <QButtonGroup>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace {

QTableView *makeTable(QAbstractItemModel *model, const QString &name)
{
    auto *table = new QTableView;
    table->setObjectName(name);
    table->setModel(model);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setSectionsMovable(true);
    table->horizontalHeader()->setStretchLastSection(true);
    table->setTextElideMode(Qt::ElideRight);
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 8);
    // Database text as plain text, control characters shown (CellTextDelegate).
    table->setItemDelegate(new CellTextDelegate(table));
    return table;
}

} // namespace

LlmView::LlmView(QWidget *parent)
    : QWidget(parent)
    , m_worker(new AuditWorker(this))
    , m_callModel(new LlmTableModel(this))
    , m_runModel(new LlmRunTableModel(this))
    , m_loader(new LlmPageLoader(m_callModel, this))
    , m_runLoader(new LlmRunLoader(m_worker, m_runModel, this))
    , m_filterBar(new LlmFilterBar)
    , m_banner(new ErrorBanner)
    , m_chart(new LlmChart)
    , m_pages(new QStackedWidget)
    , m_stateLabel(new QLabel)
    , m_tables(new QStackedWidget)
    , m_callTable(makeTable(m_callModel, QStringLiteral("llmCallTable")))
    , m_runTable(makeTable(m_runModel, QStringLiteral("llmRunTable")))
    , m_emptyLabel(new QLabel(m_callTable->viewport()))
    , m_pagination(new PaginationBar)
    , m_callsButton(new QToolButton)
    , m_runsButton(new QToolButton)
    , m_autoRefresh(new QTimer(this))
    , m_tenantFilterAction(new QAction(tr("Only this tenant"), this))
    , m_connect(m_worker)
    , m_stateRequest(m_worker)
{
    setObjectName(QStringLiteral("llmView"));
    auto *badges = new BadgeDelegate(m_callTable);
    badges->setColorKeyRole(LlmTableModel::BadgeKeyRole);
    m_callTable->setItemDelegateForColumn(LlmTableModel::StatusColumn, badges);
    const QFontMetrics metrics = fontMetrics();
    const int digits = metrics.horizontalAdvance(QStringLiteral("0000-00-00 00:00:00.000000  "));
    m_callTable->setColumnWidth(LlmTableModel::TimeColumn, digits);
    m_runTable->setColumnWidth(LlmRunTableModel::StartColumn, digits);
    for (int column : { int(LlmTableModel::OperationColumn), int(LlmTableModel::ScopeColumn),
             int(LlmTableModel::ModelColumn), int(LlmTableModel::BankColumn) }) {
        m_callTable->setColumnWidth(column, metrics.averageCharWidth() * 20);
    }
    m_runTable->setColumnWidth(LlmRunTableModel::OperationColumn, metrics.averageCharWidth() * 20);
    m_runTable->setColumnWidth(LlmRunTableModel::BankColumn, metrics.averageCharWidth() * 20);
    layOut();
    wire();
    setShowsTenants(false);
}

void LlmView::layOut()
{
    m_callsButton->setText(tr("Calls"));
    m_callsButton->setObjectName(QStringLiteral("llmCallsMode"));
    m_callsButton->setToolTip(tr("One row per LLM call"));
    m_runsButton->setText(tr("Runs"));
    m_runsButton->setObjectName(QStringLiteral("llmRunsMode"));
    m_runsButton->setToolTip(tr("One row per run: every call of one operation (one trace id)"));
    auto *modes = new QButtonGroup(this);
    for (QToolButton *button : { m_callsButton, m_runsButton }) {
        button->setCheckable(true);
        modes->addButton(button);
    }
    m_callsButton->setChecked(true);
    auto *exportButton = new QPushButton(tr("Export…"));
    exportButton->setObjectName(QStringLiteral("llmExportButton"));
    exportButton->setToolTip(tr("Write exactly the filtered calls to CSV or JSON Lines"));
    connect(exportButton, &QPushButton::clicked, this, &LlmView::exportCalls);

    auto *modeRow = new QHBoxLayout;
    modeRow->setSpacing(0);
    modeRow->addWidget(m_callsButton);
    modeRow->addWidget(m_runsButton);
    modeRow->addStretch(1);
    modeRow->addWidget(exportButton);

    m_tables->addWidget(m_callTable);
    m_tables->addWidget(m_runTable);
    m_emptyLabel->setObjectName(QStringLiteral("llmEmptyMessage"));
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->setTextFormat(Qt::PlainText);
    m_emptyLabel->hide();
    // Laid out over the viewport, so it follows the table's size.
    auto *emptyLayout = new QVBoxLayout(m_callTable->viewport());
    emptyLayout->addWidget(m_emptyLabel);

    auto *tableArea = new QWidget;
    auto *tableLayout = new QVBoxLayout(tableArea);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->addLayout(modeRow);
    tableLayout->addWidget(m_tables, 1);
    tableLayout->addWidget(m_pagination);

    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->setObjectName(QStringLiteral("llmSplitter"));
    splitter->addWidget(m_chart);
    splitter->addWidget(tableArea);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({ fontMetrics().height() * 18, fontMetrics().height() * 30 });

    m_stateLabel->setObjectName(QStringLiteral("llmStateMessage"));
    m_stateLabel->setAlignment(Qt::AlignCenter);
    m_stateLabel->setWordWrap(true);
    m_stateLabel->setTextFormat(Qt::PlainText);
    m_stateLabel->setText(tr("Not connected"));
    m_pages->addWidget(m_stateLabel);
    m_pages->addWidget(splitter);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(m_filterBar);
    layout->addWidget(m_banner);
    layout->addWidget(m_pages, 1);
    m_banner->hide();
}

void LlmView::wire()
{
    connect(m_callsButton, &QToolButton::clicked, this, [this] { setMode(Mode::Calls); });
    connect(m_runsButton, &QToolButton::clicked, this, [this] { setMode(Mode::Runs); });
    connect(m_filterBar, &LlmFilterBar::filterApplied, this, &LlmView::applyFilter);
    connect(m_worker, &AuditWorker::connected, this, [this](quint64 id) {
        if (m_connect.take(id)) {
            m_stateRequest.start(m_worker->loadLlmState());
        }
    });
    connect(m_worker, &AuditWorker::llmStateLoaded, this, &LlmView::onState);
    connect(m_worker, &AuditWorker::llmChoicesLoaded, this,
        [this](quint64, LlmRepository::Column column, const QStringList &values) {
            m_filterBar->setChoices(static_cast<LlmFilterBar::Choice>(column), values);
        });
    connect(m_worker, &AuditWorker::queryFailed, this, [this](quint64 id, const QueryError &error) {
        if (m_connect.take(id) || m_stateRequest.take(id)) {
            m_stateLabel->setText(error.message);
            m_pages->setCurrentIndex(0);
            emit stateShown();
        }
    });
    connect(m_loader, &KeysetPager::connected, this, [this] { startIfReady(); });
    connect(m_loader, &KeysetPager::pageShown, this, [this] {
        m_banner->hide();
        updatePosition();
        updateEmptyMessage();
        emit pageShown();
    });
    connect(m_loader, &KeysetPager::countChanged, this, &LlmView::updatePosition);
    connect(m_loader, &KeysetPager::pageFailed, this, &LlmView::showFailure);
    connect(m_loader, &KeysetPager::loadingChanged, this,
        [this](bool loading) { m_pagination->setBusy(loading); });
    connect(m_runLoader, &LlmRunLoader::pageShown, this, [this] {
        m_banner->hide();
        updatePosition();
        emit runsShown();
    });
    connect(m_runLoader, &LlmRunLoader::pageFailed, this, &LlmView::showFailure);
    connect(m_banner, &ErrorBanner::retryRequested, this, &LlmView::refresh);

    connect(m_pagination, &PaginationBar::firstRequested, this, [this] {
        mode() == Mode::Calls ? m_loader->move(PageNavigator::Move::First) : m_runLoader->first();
    });
    connect(m_pagination, &PaginationBar::previousRequested, this, [this] {
        mode() == Mode::Calls ? m_loader->move(PageNavigator::Move::Previous)
                              : m_runLoader->previous();
    });
    connect(m_pagination, &PaginationBar::nextRequested, this, [this] {
        mode() == Mode::Calls ? m_loader->move(PageNavigator::Move::Next) : m_runLoader->next();
    });
    connect(m_pagination, &PaginationBar::lastRequested, this, [this] {
        if (mode() == Mode::Calls) {
            m_loader->move(PageNavigator::Move::Last);
        }
    });
    connect(m_pagination, &PaginationBar::pageSizeChanged, this, [this](int size) {
        m_loader->setPageSize(size);
        m_runLoader->setPageSize(size);
    });

    wireTablesAndChart();
}

// Rows opening their windows, the chart's drill-down and legend, the tenant filter and the
// live refresh.
void LlmView::wireTablesAndChart()
{
    connect(m_callTable, &QTableView::activated, this, [this](const QModelIndex &index) {
        if (const LlmCall *call = m_callModel->callAt(index.row())) {
            emit callActivated(*call);
        }
    });
    connect(m_runTable, &QTableView::activated, this, [this](const QModelIndex &index) {
        if (const LlmRun *run = m_runModel->runAt(index.row())) {
            emit runActivated(*run);
        }
    });

    connect(m_chart, &LlmChart::drillDownRequested, this,
        [this](AuditTimestamp from, AuditTimestamp until) {
            LlmFilter filter = m_filter;
            filter.since = from;
            filter.until = until;
            m_filterBar->setFilter(filter);
            applyFilter(filter);
        });
    auto filterBy = [this](QStringList LlmFilter::*field, const QString &value) {
        LlmFilter filter = m_filter;
        filter.*field = QStringList { value };
        m_filterBar->setFilter(filter);
        applyFilter(m_filterBar->filter());
    };
    connect(m_chart, &LlmChart::operationClicked, this,
        [filterBy](const QString &operation) { filterBy(&LlmFilter::operations, operation); });
    connect(m_chart, &LlmChart::modelClicked, this,
        [filterBy](const QString &model) { filterBy(&LlmFilter::models, model); });
    connect(m_chart, &LlmChart::statusClicked, this,
        [filterBy](const QString &status) { filterBy(&LlmFilter::statuses, status); });

    m_tenantFilterAction->setObjectName(QStringLiteral("llmTenantFilterAction"));
    m_tenantFilterAction->setToolTip(tr("Show only the calls of the current row's tenant"));
    for (QTableView *table : { m_callTable, m_runTable }) {
        table->setContextMenuPolicy(Qt::ActionsContextMenu);
        table->addAction(m_tenantFilterAction);
    }
    connect(m_tenantFilterAction, &QAction::triggered, this, [this] {
        QTableView *table = mode() == Mode::Calls ? m_callTable : m_runTable;
        const QString schema = table->currentIndex()
                                   .siblingAtColumn(0)
                                   .data(mode() == Mode::Calls ? int(LlmTableModel::SchemaRole)
                                                               : int(LlmRunTableModel::SchemaRole))
                                   .toString();
        if (!schema.isEmpty()) {
            setTenantFilter({ schema });
        }
    });

    m_autoRefresh->setObjectName(QStringLiteral("llmAutoRefresh"));
    connect(m_autoRefresh, &QTimer::timeout, this, &LlmView::refreshLive);
}

void LlmView::connectTo(const ConnectionSettings &settings)
{
    m_settings = settings;
    m_stateKnown = false;
    m_started = false;
    m_stateLabel->setText(tr("Connecting…"));
    m_pages->setCurrentIndex(0);
    m_connect.start(m_worker->connectTo(settings));
    m_loader->connectTo(settings);
    m_chart->connectTo(settings);
}

void LlmView::onState(quint64 requestId, const LlmLogState &state)
{
    if (!m_stateRequest.take(requestId)) {
        return;
    }
    m_state = state;
    m_stateKnown = true;
    switch (state.kind) {
    case LlmLogState::Kind::Missing:
        m_stateLabel->setText(
            tr("This database has no llm_requests table: Hindsight before version 0.8 "
               "(June 2026) does not record LLM calls. The audit log works as before."));
        break;
    case LlmLogState::Kind::Empty:
        m_stateLabel->setText(
            tr("No LLM calls have been recorded yet. Hindsight traces LLM calls only when "
               "tracing is on, and it is off by default: set "
               "HINDSIGHT_API_LLM_TRACE_ENABLED=true (or enable it for a bank) and restart "
               "Hindsight. Calls appear here as they are made."));
        break;
    case LlmLogState::Kind::HasRows:
        break;
    }
    m_pages->setCurrentIndex(state.kind == LlmLogState::Kind::HasRows ? 1 : 0);
    m_filterBar->setEnabled(state.kind == LlmLogState::Kind::HasRows);
    startIfReady();
    emit stateShown();
}

void LlmView::startIfReady()
{
    if (m_started || !m_stateKnown || m_state.kind != LlmLogState::Kind::HasRows
        || !m_loader->isConnected()) {
        return;
    }
    m_started = true;
    for (auto column : { LlmRepository::Column::Operation, LlmRepository::Column::Scope,
             LlmRepository::Column::Provider, LlmRepository::Column::Model,
             LlmRepository::Column::Bank }) {
        m_worker->loadLlmChoices(column);
    }
    applyFilter(m_filterBar->filter());
}

LlmView::Mode LlmView::mode() const
{
    return m_tables->currentIndex() == 0 ? Mode::Calls : Mode::Runs;
}

void LlmView::setMode(Mode mode)
{
    (mode == Mode::Calls ? m_callsButton : m_runsButton)->setChecked(true);
    if (mode == this->mode()) {
        return;
    }
    m_tables->setCurrentIndex(mode == Mode::Calls ? 0 : 1);
    if (mode == Mode::Runs && m_started) {
        m_runLoader->setFilter(m_filter);
    }
    updatePosition();
}

void LlmView::applyFilter(const LlmFilter &filter)
{
    m_filter = filter;
    if (!m_started) {
        return;
    }
    m_loader->setFilter(filter);
    if (mode() == Mode::Runs) {
        m_runLoader->setFilter(filter);
    }
    m_chart->setTableFilter(filter);
}

void LlmView::refresh()
{
    if (!m_stateKnown || m_state.kind != LlmLogState::Kind::HasRows) {
        if (m_connect.isPending()) {
            return;
        }
        m_started = false;
        m_stateRequest.start(m_worker->loadLlmState());
        return;
    }
    applyFilter(m_filterBar->filter()); // relative presets move with the clock
    m_chart->reload(true);
}

void LlmView::refreshLive()
{
    if (!m_started) {
        // Tracing may have been switched on since: look again.
        if (m_stateKnown && !m_stateRequest.isPending()) {
            m_stateRequest.start(m_worker->loadLlmState());
        }
        return;
    }
    m_loader->recountLive();
    if (mode() == Mode::Calls && !m_loader->isLoading()
        && m_loader->navigator().offset() == std::optional<qint64>(0)) {
        m_loader->move(PageNavigator::Move::Reload, true);
    } else if (mode() == Mode::Runs && !m_runLoader->hasPrevious() && !m_runLoader->isLoading()) {
        m_runLoader->reload();
    }
    m_chart->reload();
}

void LlmView::setAutoRefreshSeconds(int seconds)
{
    if (seconds <= 0) {
        m_autoRefresh->stop();
    } else {
        m_autoRefresh->start(seconds * 1000);
    }
}

void LlmView::setUtc(bool utc)
{
    m_callModel->setUtc(utc);
    m_runModel->setUtc(utc);
    m_chart->setUtc(utc);
    m_filterBar->setTimeZone(utc ? QTimeZone::utc() : QTimeZone::systemTimeZone());
}

void LlmView::setShowsTenants(bool shows)
{
    m_callTable->setColumnHidden(LlmTableModel::TenantColumn, !shows);
    m_runTable->setColumnHidden(LlmRunTableModel::TenantColumn, !shows);
    m_tenantFilterAction->setVisible(shows);
}

void LlmView::setTenantFilter(const QStringList &schemas)
{
    m_filterBar->setTenantFilter(schemas);
}

QString LlmView::stateMessage() const
{
    return m_pages->currentIndex() == 0 ? m_stateLabel->text() : QString();
}

QString LlmView::emptyMessage() const
{
    return m_emptyLabel->isHidden() ? QString() : m_emptyLabel->text();
}

void LlmView::updatePosition()
{
    if (mode() == Mode::Calls) {
        m_pagination->setPosition(m_loader->navigator().offset(), m_callModel->rowCount(),
            m_loader->total(), m_loader->totalIsExact());
        m_pagination->setNavigation(
            m_loader->navigator().hasPrevious(), m_loader->navigator().hasNext());
    } else {
        m_pagination->setPosition(
            m_runLoader->offset(), m_runModel->rowCount(), std::nullopt, false);
        m_pagination->setNavigation(m_runLoader->hasPrevious(), m_runLoader->hasNext());
    }
    m_pagination->setLastAvailable(mode() == Mode::Calls);
}

void LlmView::updateEmptyMessage()
{
    const bool empty = m_callModel->rowCount() == 0;
    m_emptyLabel->setText(empty ? tr("No LLM calls match this filter. Reset the filter to "
                                     "see every call.")
                                : QString());
    m_emptyLabel->setVisible(empty);
}

void LlmView::showFailure(const QueryError &error)
{
    if (error.kind != QueryError::Kind::Cancelled) {
        m_banner->showError(error.message);
    }
}

ExportDialog *LlmView::exportCalls()
{
    auto *dialog = new ExportDialog(m_settings, m_filter, m_loader->isOldestFirst(),
        m_loader->totalIsExact() ? m_loader->total() : std::nullopt, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}
