// MainWindow's saved views: what the window shows as a SavedView, and back.

#include "chartpanel.h"
#include "filterbar.h"
#include "mainwindow.h"
#include "pageloader.h"
#include "resultsview.h"
#include "viewsmenu.h"
#include "volumechart.h"

#include <QAction>
#include <QDateTime>

static_assert(
    static_cast<int>(RelativeRange::Custom) == static_cast<int>(TimeRangePicker::Range::Custom),
    "RelativeRange and TimeRangePicker::Range list the same ranges in the same order");

SavedView MainWindow::currentView() const
{
    SavedView view;
    view.name = m_views ? m_views->currentName() : QString();
    view.setFilter(m_filterBar->filter(), static_cast<RelativeRange>(m_filterBar->timeRange()));
    view.columnState = m_view->headerState();
    view.chartPeriod = m_chartPanel->chart()->period();
    view.utc = m_utcAction && m_utcAction->isChecked();
    view.order = m_view->sortOrder();
    return view;
}

void MainWindow::applyView(const SavedView &view)
{
    setUtc(view.utc);
    m_filterBar->setFilter(
        view.filterAt(AuditTimestamp::fromDateTime(QDateTime::currentDateTimeUtc())));
    if (view.range != RelativeRange::Custom) {
        // A preset counts back from the clock on every refresh, not from when it was saved.
        m_filterBar->setTimeRange(static_cast<FilterBar::TimeRange>(view.range));
    }
    if (!view.columnState.isEmpty()) {
        m_view->restoreHeaderState(view.columnState);
    }
    m_chartPanel->chart()->setPeriod(view.chartPeriod);
    if (view.order != m_loader->order()) {
        setSortOrder(view.order); // the filter below loads the first page again anyway
    }
    if (m_views) {
        m_views->setCurrentName(view.name);
    }
    m_filterHistory.clear();
    m_backAction->setEnabled(false);
    if (m_loader->isConnected()) {
        applyFilter(m_filterBar->filter());
    }
}

void MainWindow::restoreLastView()
{
    if (const std::optional<SavedView> last = m_views->store().lastView()) {
        applyView(*last);
    }
}

void MainWindow::saveLastView() const
{
    m_views->store().saveLastView(currentView());
}
