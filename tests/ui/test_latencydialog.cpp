#include "auditworker.h"
#include "filterbar.h"
#include "latencydialog.h"
#include "latencytablemodel.h"
#include "mainwindow.h"
#include "screenshot.h"
#include "testconnection.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QHeaderView>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

#include <gtest/gtest.h>

namespace {

// Schema "lat": recall calls of 1 s, 2 s and 4 s, a retain that failed after 250 ms, and
// a recall still in flight.
class LatencyDialogTest : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        ASSERT_NO_FATAL_FAILURE(createSeededAuditSchema(QStringLiteral("lat"),
            QStringLiteral(
                "INSERT INTO lat.audit_log (action, transport, started_at, ended_at, response) "
                "VALUES"
                " ('recall', 'http', now() - interval '3 hours', now() - interval '3 hours' + "
                "interval '1 s', '{}'),"
                " ('recall', 'http', now() - interval '2 hours', now() - interval '2 hours' + "
                "interval '2 s', '{}'),"
                " ('recall', 'http', now() - interval '1 hour', now() - interval '1 hour' + "
                "interval '4.000001 s', '{}'),"
                " ('retain', 'mcp', now() - interval '1 hour', now() - interval '1 hour' + "
                "interval '250 ms', NULL),"
                " ('recall', 'http', now() - interval '1 minute', NULL, NULL)")));
    }

    void SetUp() override
    {
        QSettings().clear();
        m_settings = testConnectionSettings(QStringLiteral("lat"));
    }

    // The cell's text as the dialog's table shows it (sorted).
    static QString shown(const LatencyDialog &dialog, int row, int column)
    {
        return dialog.table()->model()->index(row, column).data().toString();
    }

    // The cell's text in the row for all actions, under the table.
    static QString total(const LatencyDialog &dialog, int column)
    {
        return dialog.totalTable()->model()->index(0, column).data().toString();
    }

    ConnectionSettings m_settings;
};

} // namespace

TEST_F(LatencyDialogTest, ShowsCallsAndPercentilesPerActionWithAllActionsBelow)
{
    LatencyDialog dialog(m_settings);
    QAbstractItemModelTester tester(
        dialog.model(), QAbstractItemModelTester::FailureReportingMode::Warning);
    dialog.show();
    QSignalSpy shownSpy(&dialog, &LatencyDialog::summaryShown);
    dialog.setFilter(AuditFilter());
    EXPECT_TRUE(dialog.isLoading());
    ASSERT_TRUE(shownSpy.wait(15000));
    EXPECT_FALSE(dialog.isLoading());
    ASSERT_EQ(dialog.table()->model()->rowCount(), 2) << dialog.statusText().toStdString();
    ASSERT_EQ(dialog.totalTable()->model()->rowCount(), 1);
    using C = LatencyTableModel::Column;
    EXPECT_EQ(shown(dialog, 0, C::ActionColumn), QStringLiteral("recall"));
    EXPECT_EQ(shown(dialog, 0, C::CallsColumn), QStringLiteral("3")); // not the one in flight
    EXPECT_EQ(shown(dialog, 0, C::P50Column), QStringLiteral("2.00 s"));
    EXPECT_EQ(shown(dialog, 0, C::MaxColumn), QStringLiteral("4.00 s"));
    EXPECT_EQ(dialog.table()->model()->index(0, C::MaxColumn).data(Qt::ToolTipRole).toString(),
        QStringLiteral("4,000,001 µs (4.000001s)"));
    EXPECT_EQ(shown(dialog, 1, C::ActionColumn), QStringLiteral("retain"));
    EXPECT_EQ(shown(dialog, 1, C::P99Column), QStringLiteral("250 ms"));
    EXPECT_EQ(total(dialog, C::ActionColumn), QStringLiteral("All actions"));
    EXPECT_EQ(total(dialog, C::CallsColumn), QStringLiteral("4"));
    EXPECT_EQ(dialog.table()->model()->index(0, C::P95Column).data(Qt::TextAlignmentRole),
        QVariant(Qt::AlignRight | Qt::AlignVCenter));
    EXPECT_EQ(dialog.filterText(), QStringLiteral("Filter: none, all entries"));
    EXPECT_TRUE(dialog.statusText().startsWith(QLatin1String("Ended calls: 4,")))
        << dialog.statusText().toStdString();

    // Sorting by a column leaves the row for all actions where it is, either way.
    QHeaderView *header = dialog.table()->horizontalHeader();
    header->setSortIndicator(C::P95Column, Qt::AscendingOrder);
    EXPECT_EQ(shown(dialog, 0, C::ActionColumn), QStringLiteral("retain"));
    EXPECT_EQ(total(dialog, C::ActionColumn), QStringLiteral("All actions"));
    header->setSortIndicator(C::P95Column, Qt::DescendingOrder);
    EXPECT_EQ(shown(dialog, 0, C::ActionColumn), QStringLiteral("recall"));
    EXPECT_EQ(total(dialog, C::ActionColumn), QStringLiteral("All actions"));
}

TEST_F(LatencyDialogTest, FollowsTheWindowsFilterWhileOpen)
{
    MainWindow window;
    QSignalSpy pageShown(&window, &MainWindow::pageShown);
    window.connectTo(m_settings);
    ASSERT_TRUE(pageShown.wait(15000));
    QAction *latency = nullptr;
    for (QAction *action : window.findChildren<QAction *>()) {
        if (action->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_L)) {
            latency = action;
        }
    }
    ASSERT_NE(latency, nullptr) << "no action on Ctrl+L";
    latency->trigger();
    auto *dialog = window.findChild<LatencyDialog *>();
    ASSERT_NE(dialog, nullptr);
    EXPECT_TRUE(dialog->isVisible());
    EXPECT_FALSE(dialog->isModal());
    QSignalSpy summaryShown(dialog, &LatencyDialog::summaryShown);
    ASSERT_TRUE(summaryShown.wait(15000));
    EXPECT_EQ(dialog->model()->rowCount(), 3);

    AuditFilter slow;
    slow.minDurationMicros = 2'000'000;
    window.filterBar()->setFilter(slow);
    window.applyFilter(slow);
    EXPECT_EQ(dialog->filter(), slow);
    EXPECT_EQ(dialog->filterText(), QStringLiteral("Filter: slower than 2s"));
    ASSERT_TRUE(summaryShown.wait(15000));
    ASSERT_EQ(dialog->model()->rowCount(), 2); // recall, all actions
    EXPECT_EQ(dialog->model()->summary().total.calls, 2);
    EXPECT_EQ(dialog->model()->summary().total.maxMicros, 4'000'001);
}

TEST_F(LatencyDialogTest, ANewFilterCancelsTheComputationStillRunningAndShowsOnlyItsOwn)
{
    LatencyDialog dialog(m_settings);
    auto *worker = dialog.findChild<AuditWorker *>();
    ASSERT_NE(worker, nullptr);
    QSignalSpy connected(worker, &AuditWorker::connected);
    ASSERT_TRUE(connected.wait(15000));
    TestDatabase locker;
    ASSERT_TRUE(
        locker.exec(QStringLiteral("BEGIN; LOCK TABLE lat.audit_log IN ACCESS EXCLUSIVE MODE;")));
    QSignalSpy failed(worker, &AuditWorker::queryFailed);
    QSignalSpy shownSpy(&dialog, &LatencyDialog::summaryShown);
    dialog.setFilter(AuditFilter());
    const AuditTableRef table { QStringLiteral("lat"), QStringLiteral("audit_log") };
    ASSERT_TRUE(waitForLockWaiters(table)) << "the computation never started waiting";

    AuditFilter slow;
    slow.minDurationMicros = 2'000'000;
    dialog.setFilter(slow);
    // The lock is still held: only a cancel on the server ends the first computation.
    ASSERT_TRUE(failed.wait(5000));
    EXPECT_EQ(failed.at(0).at(1).value<QueryError>().kind, QueryError::Kind::Cancelled);
    EXPECT_TRUE(dialog.isLoading()) << "the cancelled computation's answer was taken as current";
    EXPECT_TRUE(shownSpy.isEmpty());
    ASSERT_TRUE(locker.exec(QStringLiteral("COMMIT")));
    ASSERT_TRUE(shownSpy.wait(15000));
    EXPECT_EQ(dialog.model()->summary().total.calls, 2);
    EXPECT_EQ(shownSpy.size(), 1);
}

TEST_F(LatencyDialogTest, AnErrorIsShownInsteadOfNumbers)
{
    ConnectionSettings missing = m_settings;
    missing.setTable(AuditTableRef { QStringLiteral("lat"), QStringLiteral("no_such_table") });
    LatencyDialog dialog(missing);
    QSignalSpy shownSpy(&dialog, &LatencyDialog::summaryShown);
    dialog.setFilter(AuditFilter());
    ASSERT_TRUE(shownSpy.wait(15000));
    EXPECT_FALSE(dialog.isLoading());
    EXPECT_EQ(dialog.model()->rowCount(), 0);
    EXPECT_TRUE(dialog.statusText().startsWith(QLatin1String("Could not compute the latency")))
        << dialog.statusText().toStdString();
}

TEST_F(LatencyDialogTest, WithoutEndedCallsTheTotalShowsDashes)
{
    LatencyDialog dialog(m_settings);
    dialog.showSummary(LatencySummary());
    EXPECT_EQ(dialog.table()->model()->rowCount(), 0);
    ASSERT_EQ(dialog.totalTable()->model()->rowCount(), 1);
    EXPECT_EQ(total(dialog, LatencyTableModel::ActionColumn), QStringLiteral("All actions"));
    EXPECT_EQ(total(dialog, LatencyTableModel::CallsColumn), QStringLiteral("0"));
    EXPECT_EQ(total(dialog, LatencyTableModel::P95Column), QStringLiteral("—"));
    EXPECT_TRUE(dialog.statusText().contains(QLatin1String("has ended")))
        << dialog.statusText().toStdString();
}

TEST_F(LatencyDialogTest, OpensTallEnoughForEveryActionBusiestFirstWithTheTotalAlwaysInView)
{
    LatencySummary summary;
    for (int i = 0; i < 15; ++i) {
        LatencyRow row;
        row.action = QStringLiteral("action-%1").arg(QChar(u'a' + i));
        row.calls = (i * 7) % 15 + 1; // 1 … 15, in no order
        row.p50Micros = 1000 * (i + 1);
        row.p95Micros = 2000 * (15 - i);
        row.p99Micros = 3000 * (i + 1);
        row.maxMicros = 4000 * (i + 1);
        summary.actions.append(row);
        summary.total.calls += row.calls;
    }
    summary.total.action.clear();
    summary.total.maxMicros = 60000;
    LatencyDialog dialog(m_settings);
    dialog.show();
    dialog.showSummary(summary);
    QApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    saveScreenshot(dialog, QStringLiteral("latency-15-actions.png"));
    QTableView *table = dialog.table();
    ASSERT_EQ(table->model()->rowCount(), 15);
    // Every action is in view, busiest first.
    for (int row = 0; row < 15; ++row) {
        const QRect cell = table->visualRect(table->model()->index(row, 0));
        EXPECT_TRUE(table->viewport()->rect().contains(cell)) << row;
        EXPECT_EQ(table->model()->index(row, LatencyTableModel::CallsColumn).data().toString(),
            QString::number(15 - row));
    }
    EXPECT_EQ(table->horizontalHeader()->sortIndicatorSection(), LatencyTableModel::CallsColumn);
    EXPECT_EQ(table->horizontalHeader()->sortIndicatorOrder(), Qt::DescendingOrder);
    // The total sits under the table, column under column.
    QTableView *totals = dialog.totalTable();
    EXPECT_TRUE(totals->isVisible());
    EXPECT_GE(totals->geometry().top(), table->geometry().bottom());
    EXPECT_EQ(total(dialog, LatencyTableModel::CallsColumn), QStringLiteral("120"));
    for (int column = 0; column < LatencyTableModel::ColumnCount; ++column) {
        EXPECT_EQ(totals->columnViewportPosition(column), table->columnViewportPosition(column))
            << column;
    }

    // Any column sorts; the total stays out of the sort and in view, also in a small window.
    table->horizontalHeader()->setSortIndicator(LatencyTableModel::P95Column, Qt::AscendingOrder);
    EXPECT_EQ(shown(dialog, 0, LatencyTableModel::ActionColumn), QStringLiteral("action-o"));
    table->horizontalHeader()->setSortIndicator(
        LatencyTableModel::ActionColumn, Qt::AscendingOrder);
    EXPECT_EQ(shown(dialog, 0, LatencyTableModel::ActionColumn), QStringLiteral("action-a"));
    dialog.resize(dialog.width(), dialog.minimumSizeHint().height());
    QApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    table->scrollToBottom();
    EXPECT_TRUE(totals->isVisible());
    EXPECT_EQ(totals->height(),
        totals->verticalHeader()->defaultSectionSize() + 2 * totals->frameWidth());
    EXPECT_TRUE(dialog.rect().contains(totals->geometry()));
}

TEST(LatencyDialog, DescribesTheFilterInOneLine)
{
    AuditFilter filter;
    filter.actions = { "recall", "retain" };
    filter.since = AuditTimestamp::parse(QStringLiteral("2026-03-27T10:00:00Z"), QTimeZone::utc());
    filter.failedOnly = true;
    filter.minDurationMicros = 1'500'000;
    EXPECT_EQ(LatencyDialog::describe(filter, QTimeZone::utc()),
        QStringLiteral("actions recall, retain · from 2026-03-27 10:00:00 UTC · failed only · "
                       "slower than 1.5s"));
    EXPECT_EQ(LatencyDialog::describe(AuditFilter(), QTimeZone::utc()),
        QStringLiteral("none, all entries"));
}
