#include "latencydialog.h"

#include "auditworker.h"
#include "durationtext.h"
#include "latencytablemodel.h"
#include "theme.h"

#include <QDialogButtonBox>
#include <QFont>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QScreen>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTime>
#include <QVBoxLayout>

#include <algorithm>

namespace {

// The model's rows for one of the dialog's two tables: the actions (sorted by SortRole) or
// the row for all actions alone, in bold, which stays in view below them whatever the sort.
class LatencyRowsProxy : public QSortFilterProxyModel
{
public:
    LatencyRowsProxy(bool total, QObject *parent)
        : QSortFilterProxyModel(parent)
        , m_total(total)
    {
    }

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (role == Qt::FontRole && m_total) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return QSortFilterProxyModel::data(index, role);
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        return sourceModel()->index(row, 0, parent).data(LatencyTableModel::IsTotalRole).toBool()
            == m_total;
    }

private:
    bool m_total;
};

// The widest cell of `column` in either table (public in QAbstractItemView, not in QTableView).
int widestCell(const QAbstractItemView *table, const QAbstractItemView *total, int column)
{
    return std::max(table->sizeHintForColumn(column), total->sizeHintForColumn(column));
}

// The common look of both tables.
void setUpTable(QTableView *table, QAbstractItemModel *model, int rowHeight)
{
    table->setModel(model);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setShowGrid(false);
    table->setWordWrap(false);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(rowHeight);
    table->horizontalHeader()->setHighlightSections(false);
}

} // namespace

LatencyDialog::LatencyDialog(const ConnectionSettings &settings, QWidget *parent)
    : QDialog(parent)
    , m_worker(new AuditWorker(this))
    , m_request(m_worker)
    , m_model(new LatencyTableModel(this))
    , m_filterLabel(new QLabel)
    , m_table(new QTableView)
    , m_total(new QTableView)
    , m_busy(new QProgressBar)
    , m_status(new QLabel)
    , m_cancelButton(new QPushButton(tr("Cancel")))
    , m_refreshButton(new QPushButton(tr("&Refresh")))
{
    setWindowTitle(tr("Latency"));
    setObjectName(QStringLiteral("latencyDialog"));

    m_filterLabel->setObjectName(QStringLiteral("latencyFilter"));
    m_filterLabel->setTextFormat(Qt::PlainText);
    m_filterLabel->setWordWrap(true);
    m_filterLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    const int rowHeight = fontMetrics().height() + 8;
    auto *proxy = new LatencyRowsProxy(false, this);
    proxy->setSourceModel(m_model);
    proxy->setSortRole(LatencyTableModel::SortRole);
    proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_table->setObjectName(QStringLiteral("latencyTable"));
    setUpTable(m_table, proxy, rowHeight);
    m_table->setAlternatingRowColors(true);
    m_table->setSortingEnabled(true);
    // The busiest actions first; a click on any header sorts by it.
    m_table->sortByColumn(LatencyTableModel::CallsColumn, Qt::DescendingOrder);
    auto *totalProxy = new LatencyRowsProxy(true, this);
    totalProxy->setSourceModel(m_model);
    m_total->setObjectName(QStringLiteral("latencyTotal"));
    setUpTable(m_total, totalProxy, rowHeight);
    m_total->horizontalHeader()->hide();
    m_total->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_total->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_total->setFixedHeight(rowHeight + 2 * m_total->frameWidth());
    m_total->setFocusPolicy(Qt::NoFocus);
    QHeaderView *header = m_table->horizontalHeader();
    header->setStretchLastSection(false);
    // Numbers always show in full (fitColumns()); the action takes the rest. The total's
    // columns follow the table's, so that its numbers stand under theirs.
    header->setSectionResizeMode(QHeaderView::Fixed);
    header->setSectionResizeMode(LatencyTableModel::ActionColumn, QHeaderView::Stretch);
    m_total->horizontalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    connect(header, &QHeaderView::sectionResized, m_total, [this](int column, int, int size) {
        m_total->horizontalHeader()->resizeSection(column, size);
    });
    connect(m_table->horizontalScrollBar(), &QScrollBar::valueChanged,
        m_total->horizontalScrollBar(), &QScrollBar::setValue);
    const int em = fontMetrics().horizontalAdvance(QLatin1Char('M'));
    header->setMinimumSectionSize(5 * em);

    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setMaximumWidth(8 * em);
    m_busy->setMaximumHeight(fontMetrics().height());
    m_status->setObjectName(QStringLiteral("latencyStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_cancelButton->setToolTip(tr("Stop the computation on the server"));
    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_busy);
    statusRow->addWidget(m_status, 1);
    statusRow->addWidget(m_cancelButton);

    m_refreshButton->setObjectName(QStringLiteral("latencyRefresh"));
    m_refreshButton->setShortcut(QKeySequence::Refresh);
    m_refreshButton->setToolTip(tr("Compute again for the window's current filter (F5)"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    buttons->addButton(m_refreshButton, QDialogButtonBox::ActionRole);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_filterLabel);
    auto *tables = new QVBoxLayout;
    tables->setSpacing(0); // the total row sits right under the table
    tables->addWidget(m_table, 1);
    tables->addWidget(m_total);
    layout->addLayout(tables, 1);
    layout->addLayout(statusRow);
    layout->addWidget(buttons);
    resize(em * 56, fontMetrics().height() * 22);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_refreshButton, &QPushButton::clicked, this, &LatencyDialog::refresh);
    connect(m_cancelButton, &QPushButton::clicked, this, &LatencyDialog::cancel);
    connect(m_worker, &AuditWorker::latencyLoaded, this, &LatencyDialog::onLoaded);
    connect(m_worker, &AuditWorker::queryFailed, this, &LatencyDialog::onFailed);
    // Its own connection: a long computation never delays the table's pages.
    m_worker->connectTo(settings);
    setLoading(false);
    m_filterLabel->setText(tr("Filter: %1").arg(describe(m_filter, m_zone)));
}

LatencyDialog::~LatencyDialog() = default;

void LatencyDialog::setFilter(const AuditFilter &filter, const QTimeZone &zone)
{
    m_zone = zone;
    m_filterLabel->setText(tr("Filter: %1").arg(describe(filter, zone)));
    if (m_everSet && filter == m_filter) {
        return;
    }
    m_everSet = true;
    m_filter = filter;
    m_model->clear(); // what is shown was for another filter
    refresh();
}

QString LatencyDialog::filterText() const
{
    return m_filterLabel->text();
}

QString LatencyDialog::statusText() const
{
    return m_status->text();
}

void LatencyDialog::refresh()
{
    m_timer.start();
    m_request.start(m_worker->loadLatency(m_filter));
    setLoading(true);
}

void LatencyDialog::cancel()
{
    m_request.cancel();
}

void LatencyDialog::onLoaded(quint64 requestId, const LatencySummary &summary)
{
    if (!m_request.take(requestId)) {
        return; // an answer for a filter no longer shown
    }
    setLoading(false);
    showSummary(summary);
    if (summary.total.calls > 0) {
        const QString took = readableDuration(m_timer.elapsed() * 1000);
        setStatus(tr("Ended calls: %1, computed in %2 at %3. Calls still in flight have no "
                     "duration and are not included.")
                      .arg(QLocale().toString(summary.total.calls), took,
                          QLocale().toString(QTime::currentTime(), QLocale::ShortFormat)));
    }
}

void LatencyDialog::onFailed(quint64 requestId, const QueryError &error)
{
    if (!m_request.take(requestId)) {
        return;
    }
    setLoading(false);
    if (error.kind == QueryError::Kind::Cancelled) {
        setStatus(tr("Cancelled. Refresh computes it again."));
        emit summaryShown();
        return;
    }
    showError(error.message);
}

void LatencyDialog::showSummary(const LatencySummary &summary)
{
    m_model->setSummary(summary);
    m_table->setEnabled(true);
    m_total->setEnabled(true);
    fitColumns();
    if (!m_fitted && !summary.actions.isEmpty()) {
        m_fitted = true; // once: later the operator's size stays
        fitRows();
    }
    if (summary.total.calls == 0) {
        setStatus(tr("No call matching this filter has ended."));
    }
    emit summaryShown();
}

void LatencyDialog::showError(const QString &message)
{
    m_table->setEnabled(true);
    setStatus(tr("Could not compute the latency: %1").arg(message), true);
    emit summaryShown();
}

void LatencyDialog::setLoading(bool loading)
{
    m_busy->setVisible(loading);
    m_cancelButton->setVisible(loading);
    m_table->setEnabled(!loading);
    m_total->setEnabled(!loading);
    if (loading) {
        setStatus(tr("Computing percentiles over every matching call…"));
    }
}

void LatencyDialog::fitColumns()
{
    QHeaderView *header = m_table->horizontalHeader();
    for (int column = LatencyTableModel::CallsColumn; column < LatencyTableModel::ColumnCount;
         ++column) {
        header->resizeSection(column,
            std::max(header->sectionSizeHint(column), widestCell(m_table, m_total, column)));
    }
}

void LatencyDialog::fitRows()
{
    // Tall enough for every action and wide enough for every column, within most of the
    // screen; the table scrolls beyond that, the total stays.
    layout()->activate();
    const QRect screen
        = this->screen() ? this->screen()->availableGeometry() : QRect(0, 0, 1280, 800);
    const int rows = m_table->model()->rowCount();
    const int wantedTable = m_table->horizontalHeader()->height()
        + rows * m_table->verticalHeader()->defaultSectionSize() + 2 * m_table->frameWidth();
    const int actionWidth = widestCell(m_table, m_total, LatencyTableModel::ActionColumn);
    int columns = actionWidth + 2 * m_table->frameWidth()
        + m_table->verticalScrollBar()->sizeHint().width();
    for (int column = LatencyTableModel::CallsColumn; column < LatencyTableModel::ColumnCount;
         ++column) {
        columns += m_table->horizontalHeader()->sectionSize(column);
    }
    const int height
        = std::min(this->height() - m_table->height() + wantedTable, screen.height() * 4 / 5);
    const int width = std::min(std::max(this->width(), this->width() - m_table->width() + columns),
        screen.width() * 4 / 5);
    resize(width, std::max(height, this->height()));
}

void LatencyDialog::setStatus(const QString &text, bool error)
{
    QPalette palette = this->palette();
    if (error) {
        palette.setColor(QPalette::WindowText, Theme::invalidInput());
    }
    m_status->setPalette(palette);
    m_status->setText(text);
}

QString LatencyDialog::describe(const AuditFilter &filter, const QTimeZone &zone)
{
    const auto time = [&zone](const AuditTimestamp &at) {
        return at.toDateTime(zone).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
            + (zone == QTimeZone::utc() ? QStringLiteral(" UTC") : QString());
    };
    QStringList parts;
    if (!filter.actions.isEmpty()) {
        parts.append(tr("actions %1").arg(filter.actions.join(QLatin1String(", "))));
    }
    if (!filter.transport.isEmpty()) {
        parts.append(tr("transport %1").arg(filter.transport));
    }
    if (filter.bank) {
        parts.append(tr("bank %1").arg(*filter.bank));
    }
    if (filter.since) {
        parts.append(tr("from %1").arg(time(*filter.since)));
    }
    if (filter.until) {
        parts.append(tr("until %1").arg(time(*filter.until)));
    }
    if (filter.failedOnly) {
        parts.append(tr("failed only"));
    }
    if (filter.minDurationMicros) {
        parts.append(tr("slower than %1").arg(formatDuration(*filter.minDurationMicros)));
    }
    if (!filter.search.isEmpty()) {
        parts.append(tr("containing “%1”").arg(filter.search));
    }
    return parts.isEmpty() ? tr("none, all entries") : parts.join(QStringLiteral(" · "));
}
