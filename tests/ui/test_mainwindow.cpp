#include "audittablemodel.h"
#include "auditworker.h"
#include "chartpanel.h"
#include "entrydetaildialog.h"
#include "errorbanner.h"
#include "filterbar.h"
#include "mainwindow.h"
#include "paginationbar.h"
#include "pgbouncer.h"
#include "resultsview.h"
#include "statuspanel.h"
#include "testconnection.h"
#include "testdatabase.h"
#include "volumechart.h"

#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <gtest/gtest.h>

namespace {

// 1,234 rows in schema "mw", one every 3 minutes and 0.000017 s, with every 7th failed,
// actions, transports and banks in a fixed pattern, and 60 rows sharing one timestamp.
class MainWindowTest : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        ASSERT_NO_FATAL_FAILURE(createSeededAuditSchema(QStringLiteral("mw"),
            QStringLiteral(
                "INSERT INTO mw.audit_log (action, transport, bank_id, started_at, ended_at, "
                "request, "
                "response) "
                "SELECT (ARRAY['retain','recall','reflect','consolidation'])[1 + g % 4], "
                "(ARRAY['http','mcp','system'])[1 + g % 3], "
                " 'bank-' || (g % 5), now() - g * interval '3 minutes 0.000017 seconds', now() - g "
                "* "
                "interval '3 minutes', "
                " jsonb_build_object('q', 'text ' || g), CASE WHEN g % 7 = 0 THEN NULL ELSE "
                "'{\"ok\": "
                "true}'::jsonb END "
                "FROM generate_series(1, 1174) g;"
                "INSERT INTO mw.audit_log (action, transport, bank_id, started_at, ended_at, "
                "response) "
                "SELECT 'recall', 'http', 'bank-same', '2026-01-01 00:00:00.000001+00', "
                "'2026-01-01 "
                "00:00:01+00', '{}' "
                "FROM generate_series(1, 60);"
                "ANALYZE mw.audit_log;")));
    }

    void SetUp() override
    {
        QSettings().clear();
        m_settings = testConnectionSettings(QStringLiteral("mw"));
        m_settings.setValue(
            QStringLiteral("application_name"), QStringLiteral("audit-viewer-ui-test"));
    }

    // Opens a window connected with `filter` and waits for its first page.
    std::unique_ptr<MainWindow> openWindow(const AuditFilter &filter = {})
    {
        auto window = std::make_unique<MainWindow>();
        QSignalSpy shown(window.get(), &MainWindow::pageShown);
        window->connectTo(m_settings, filter);
        EXPECT_TRUE(shown.wait(15000)) << window->errorBanner()->message().toStdString();
        return window;
    }

    static bool waitForPage(MainWindow &window)
    {
        QSignalSpy shown(&window, &MainWindow::pageShown);
        return shown.wait(15000);
    }

    static QStringList shownIds(const MainWindow &window)
    {
        QStringList ids;
        for (const AuditEntry &entry : window.tableModel()->entries()) {
            ids.append(entry.id);
        }
        return ids;
    }

    QStringList sqlIds(const QString &where, int limit, int offset = 0)
    {
        return m_admin.column(QStringLiteral("SELECT id FROM mw.audit_log WHERE %1 ORDER BY "
                                             "started_at DESC, id DESC LIMIT %2 OFFSET %3")
                                  .arg(where)
                                  .arg(limit)
                                  .arg(offset));
    }

    TestDatabase m_admin;
    ConnectionSettings m_settings;
};

} // namespace

TEST_F(MainWindowTest, ShowsTheNewestEntriesFirstWithTheirCount)
{
    auto window = openWindow();
    EXPECT_EQ(shownIds(*window), sqlIds(QStringLiteral("TRUE"), 100));
    QSignalSpy counted(window.get(), &MainWindow::pageShown);
    // The exact count replaces the estimate in the pagination label.
    EXPECT_TRUE(QTest::qWaitFor(
        [&] { return window->paginationBar()->positionText().endsWith(QLatin1String("of 1,234")); },
        10000));
    EXPECT_EQ(window->paginationBar()->positionText().toStdString(), "rows 1–100 of 1,234");
}

TEST_F(MainWindowTest, EachFilterShowsTheRowsSqlSelects)
{
    auto window = openWindow();
    struct Case
    {
        AuditFilter filter;
        QString where;
    };
    QList<Case> cases;
    AuditFilter f;
    f.actions = { QStringLiteral("recall"), QStringLiteral("reflect") };
    cases.append({ f, QStringLiteral("action IN ('recall','reflect')") });
    f = AuditFilter();
    f.transport = QStringLiteral("mcp");
    cases.append({ f, QStringLiteral("transport = 'mcp'") });
    f = AuditFilter();
    f.bank = QStringLiteral("bank-3");
    cases.append({ f, QStringLiteral("bank_id = 'bank-3'") });
    f = AuditFilter();
    f.failedOnly = true;
    cases.append({ f, QStringLiteral("ended_at IS NOT NULL AND response IS NULL") });
    f = AuditFilter();
    f.search = QStringLiteral("text 11");
    cases.append({ f, QStringLiteral("request::text LIKE '%text 11%'") });
    f = AuditFilter();
    f.since = AuditTimestamp::fromDateTime(QDateTime::currentDateTimeUtc().addSecs(-3600 * 5));
    cases.append({ f, QStringLiteral("started_at >= '%1'").arg(f.since->toIsoUtc()) });
    f = AuditFilter();
    f.bank = QStringLiteral("no such bank");
    cases.append({ f, QStringLiteral("bank_id = 'no such bank'") });
    for (const Case &c : cases) {
        window->filterBar()->setFilter(c.filter);
        window->applyFilter(c.filter);
        ASSERT_TRUE(waitForPage(*window)) << c.where.toStdString();
        EXPECT_EQ(shownIds(*window), sqlIds(c.where, 100)) << c.where.toStdString();
    }
    EXPECT_EQ(window->paginationBar()->positionText().toStdString(), "No matching entries");
}

TEST_F(MainWindowTest, FivePagesForwardAndFiveBackShowTheSameRows)
{
    auto window = openWindow();
    window->paginationBar()->setPageSize(50);
    ASSERT_TRUE(waitForPage(*window));
    QList<QStringList> forward { shownIds(*window) };
    for (int page = 1; page <= 5; ++page) {
        window->goNext();
        ASSERT_TRUE(waitForPage(*window));
        forward.append(shownIds(*window));
        EXPECT_EQ(forward.last(), sqlIds(QStringLiteral("TRUE"), 50, page * 50)) << "page " << page;
    }
    EXPECT_TRUE(window->paginationBar()->positionText().startsWith(QStringLiteral("rows 251–300")));
    for (int page = 4; page >= 0; --page) {
        window->goPrevious();
        ASSERT_TRUE(waitForPage(*window));
        EXPECT_EQ(shownIds(*window), forward.at(page)) << "back to page " << page;
    }
    EXPECT_TRUE(window->paginationBar()->positionText().startsWith(QStringLiteral("rows 1–50")));
}

TEST_F(MainWindowTest, LastPageShowsTheOldestRowsAndPagesBackThroughEqualTimestamps)
{
    auto window = openWindow();
    window->paginationBar()->setPageSize(50);
    ASSERT_TRUE(waitForPage(*window));
    window->goLast();
    ASSERT_TRUE(waitForPage(*window));
    EXPECT_EQ(shownIds(*window), sqlIds(QStringLiteral("TRUE"), 50, 1234 - 50));
    window->goPrevious();
    ASSERT_TRUE(waitForPage(*window));
    EXPECT_EQ(shownIds(*window), sqlIds(QStringLiteral("TRUE"), 50, 1234 - 100));
}

TEST_F(MainWindowTest, ClickingTheTimeHeaderShowsOldestFirst)
{
    auto window = openWindow();
    window->show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(window.get()));
    QHeaderView *header = window->resultsView()->horizontalHeader();
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
        QPoint(header->sectionViewportPosition(AuditTableModel::TimeColumn) + 5,
            header->height() / 2));
    ASSERT_TRUE(waitForPage(*window));
    EXPECT_EQ(shownIds(*window),
        m_admin.column(
            QStringLiteral("SELECT id FROM mw.audit_log ORDER BY started_at, id LIMIT 100")));
}

TEST_F(MainWindowTest, ClickingTheDurationHeaderSortsLongestFirstThenShortestFirst)
{
    auto window = openWindow();
    window->show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(window.get()));
    QHeaderView *header = window->resultsView()->horizontalHeader();
    const auto click = [&](int column) {
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
            QPoint(header->sectionViewportPosition(column) + 5, header->height() / 2));
    };
    // Written without the viewer's sentinel; the 60 calls of 0.999999 s are ties.
    const auto byDuration = [&](const char *direction, int limit, int offset) {
        return m_admin.column(QStringLiteral("SELECT id FROM mw.audit_log ORDER BY ended_at IS "
                                             "NULL, ended_at - started_at %1, id %1 LIMIT %2 "
                                             "OFFSET %3")
                                  .arg(QLatin1String(direction))
                                  .arg(limit)
                                  .arg(offset));
    };
    click(AuditTableModel::DurationColumn);
    ASSERT_TRUE(waitForPage(*window));
    EXPECT_EQ(shownIds(*window), byDuration("DESC", 100, 0));
    EXPECT_EQ(header->sortIndicatorSection(), AuditTableModel::DurationColumn);
    EXPECT_EQ(header->sortIndicatorOrder(), Qt::DescendingOrder);
    window->goNext();
    ASSERT_TRUE(waitForPage(*window));
    EXPECT_EQ(shownIds(*window), byDuration("DESC", 100, 100));

    click(AuditTableModel::DurationColumn);
    ASSERT_TRUE(waitForPage(*window));
    EXPECT_EQ(shownIds(*window), byDuration("ASC", 100, 0));
    EXPECT_EQ(header->sortIndicatorOrder(), Qt::AscendingOrder);
    window->goLast();
    ASSERT_TRUE(waitForPage(*window));
    EXPECT_EQ(shownIds(*window), byDuration("ASC", 100, 1234 - 100));
    window->goPrevious();
    ASSERT_TRUE(waitForPage(*window));
    EXPECT_EQ(shownIds(*window), byDuration("ASC", 100, 1234 - 200));

    click(AuditTableModel::TimeColumn); // back to time order, newest first
    ASSERT_TRUE(waitForPage(*window));
    EXPECT_EQ(shownIds(*window), sqlIds(QStringLiteral("TRUE"), 100));
    EXPECT_EQ(header->sortIndicatorSection(), AuditTableModel::TimeColumn);
    EXPECT_EQ(header->sortIndicatorOrder(), Qt::DescendingOrder);
}

TEST_F(MainWindowTest, ASlowQueryKeepsTheEventLoopTurningAndANewFilterCancelsIt)
{
    auto window = openWindow();
    TestDatabase locker;
    ASSERT_TRUE(
        locker.exec(QStringLiteral("BEGIN; LOCK TABLE mw.audit_log IN ACCESS EXCLUSIVE MODE;")));
    QList<QSignalSpy *> failures;
    for (AuditWorker *worker : window->findChildren<AuditWorker *>()) {
        failures.append(new QSignalSpy(worker, &AuditWorker::queryFailed));
    }
    AuditFilter slow;
    slow.actions = { QStringLiteral("retain") };
    window->applyFilter(slow);
    // The event loop keeps turning while the query waits on the lock.
    int ticks = 0;
    QTimer ticker;
    QObject::connect(&ticker, &QTimer::timeout, [&] { ++ticks; });
    ticker.start(10);
    ASSERT_TRUE(waitForLockWaiters(m_settings.table()))
        << "the page query never reached the server";
    // The ticker keeps firing while the query waits (a GUI thread that waited with it would
    // never see the lock released); how late it fires is bench_gui_stall's to measure.
    const int ticksBefore = ticks;
    ASSERT_TRUE(QTest::qWaitFor([&] { return ticks >= ticksBefore + 10; }, 10000));
    EXPECT_TRUE(window->isLoading());
    EXPECT_GE(lockWaiters(m_settings.table()), 1);

    AuditFilter other;
    other.actions = { QStringLiteral("recall") };
    window->applyFilter(other);
    auto cancelledCount = [&] {
        int n = 0;
        for (QSignalSpy *spy : failures) {
            for (const QList<QVariant> &args : *spy) {
                n += args.at(1).value<QueryError>().kind == QueryError::Kind::Cancelled ? 1 : 0;
            }
        }
        return n;
    };
    // The page query of the old filter (and its exact count) stop on the server: they answer
    // Cancelled while the lock still stands.
    EXPECT_TRUE(QTest::qWaitFor([&] { return cancelledCount() >= 1; }, 5000));
    EXPECT_GE(cancelledCount(), 1);
    ASSERT_TRUE(locker.exec(QStringLiteral("COMMIT")));
    ASSERT_TRUE(waitForPage(*window));
    EXPECT_EQ(shownIds(*window), sqlIds(QStringLiteral("action = 'recall'"), 100));
    qDeleteAll(failures);
}

TEST_F(MainWindowTest, WrongPasswordShowsTheBanner)
{
    ASSERT_TRUE(m_admin.exec(QStringLiteral(
        "DROP ROLE IF EXISTS mw_reader; CREATE ROLE mw_reader LOGIN PASSWORD 'mw-right';")));
    MainWindow window;
    ConnectionSettings wrong = m_settings;
    wrong.setValue(QStringLiteral("user"), QStringLiteral("mw_reader"));
    wrong.setPassword(QStringLiteral("mw-wrong"));
    window.connectTo(wrong);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !window.errorBanner()->message().isEmpty(); }, 10000));
    EXPECT_NE(
        window.errorBanner()->message().indexOf(QLatin1String("password authentication failed")),
        -1)
        << window.errorBanner()->message().toStdString();
    EXPECT_EQ(window.errorBanner()->message().indexOf(QLatin1String("mw-wrong")), -1);
    m_admin.exec(QStringLiteral("DROP ROLE mw_reader;"));
}

TEST_F(MainWindowTest, ColumnStateSurvivesARestartOfTheWindow)
{
    QByteArray state;
    {
        auto window = openWindow();
        QHeaderView *header = window->resultsView()->horizontalHeader();
        header->setSectionHidden(AuditTableModel::TransportColumn, true);
        header->setSectionHidden(AuditTableModel::IdColumn, false);
        header->moveSection(header->visualIndex(AuditTableModel::BankColumn), 1);
        header->resizeSection(AuditTableModel::ActionColumn, 217);
        state = header->saveState();
        window->close();
    }
    auto window = openWindow();
    QHeaderView *header = window->resultsView()->horizontalHeader();
    EXPECT_TRUE(header->isSectionHidden(AuditTableModel::TransportColumn));
    EXPECT_FALSE(header->isSectionHidden(AuditTableModel::IdColumn));
    EXPECT_EQ(header->visualIndex(AuditTableModel::BankColumn), 1);
    EXPECT_EQ(header->sectionSize(AuditTableModel::ActionColumn), 217);
}

TEST_F(MainWindowTest, EnterOpensTheEntryAndCtrlCCopiesRowsAsTabSeparatedText)
{
    auto window = openWindow();
    window->show();
    ResultsView *view = window->resultsView();
    view->setFocus();
    view->selectRow(0);
    view->setCurrentIndex(window->tableModel()->index(0, 0));
    QSignalSpy opened(window.get(), &MainWindow::entryOpened);
    QTest::keyClick(view, Qt::Key_Return);
    ASSERT_EQ(opened.size(), 1);
    EXPECT_EQ(opened.at(0).at(0).toString(), shownIds(*window).first());

    view->selectionModel()->select(
        QItemSelection(window->tableModel()->index(0, 0), window->tableModel()->index(1, 0)),
        QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QTest::keyClick(view, Qt::Key_C, Qt::ControlModifier);
    const QStringList lines
        = QApplication::clipboard()->text().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 2);
    const QStringList cells = lines.first().split(QLatin1Char('\t'));
    EXPECT_EQ(cells.size(), 9); // the visible columns
    // The copied time keeps all six fraction digits.
    EXPECT_TRUE(cells.first().contains(
        QRegularExpression(QStringLiteral("\\d\\d:\\d\\d:\\d\\d\\.\\d{6} "))))
        << cells.first().toStdString();
}

TEST_F(MainWindowTest, LiveRefreshHighlightsNewRowsAndKeepsTheSelection)
{
    auto window = openWindow();
    const QString selected = shownIds(*window).at(3);
    window->resultsView()->selectEntry(selected);
    ASSERT_TRUE(
        m_admin.exec(QStringLiteral("INSERT INTO mw.audit_log (action, transport, started_at) "
                                    "VALUES ('retain', 'http', now() + interval '1 second')")));
    window->refreshLive();
    ASSERT_TRUE(waitForPage(*window));
    AuditTableModel *model = window->tableModel();
    EXPECT_TRUE(model->index(0, 0).data(AuditTableModel::IsNewRole).toBool());
    EXPECT_FALSE(model->index(1, 0).data(AuditTableModel::IsNewRole).toBool());
    EXPECT_EQ(window->resultsView()->currentEntryId(), selected);
    EXPECT_EQ(model->rowOfId(selected), 4);
    ASSERT_TRUE(m_admin.exec(QStringLiteral("DELETE FROM mw.audit_log WHERE started_at > now()")));
}

TEST_F(MainWindowTest, LiveRefreshMarksALateArrivalWhereItLandsButNotRowsThatMovedUp)
{
    auto window = openWindow();
    window->resize(1200, 2400);
    window->show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(window.get()));
    const QStringList before = shownIds(*window);
    // A retention-like delete of four rows of the page pulls the first four of page 2 up;
    // a call that started 31 minutes ago and just ended lands ten rows down; one at the top.
    const QString gone = QStringLiteral("'%1', '%2', '%3', '%4'")
                             .arg(before.at(40), before.at(41), before.at(42), before.at(43));
    ASSERT_TRUE(m_admin.exec(
        QStringLiteral("CREATE TEMP TABLE kept AS SELECT * FROM mw.audit_log WHERE id IN (%1);"
                       "DELETE FROM mw.audit_log WHERE id IN (%1);"
                       "INSERT INTO mw.audit_log (action, transport, started_at, ended_at) VALUES "
                       "('consolidation', 'system', now() - interval '31 minutes', now()),"
                       "('retain', 'http', now() + interval '1 second', NULL)")
            .arg(gone)));
    const QStringList arrived = m_admin.column(QStringLiteral(
        "SELECT id FROM mw.audit_log WHERE started_at > now() - interval '32 minutes' "
        "AND (ended_at IS NULL OR ended_at > now() - interval '10 seconds') ORDER BY started_at"));
    window->refreshLive();
    ASSERT_TRUE(waitForPage(*window));
    AuditTableModel *model = window->tableModel();
    QStringList marked;
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data(AuditTableModel::IsNewRole).toBool()) {
            marked.append(model->entries().at(row).id);
        }
    }
    ASSERT_EQ(arrived.size(), 2);
    EXPECT_EQ(
        QSet<QString>(marked.begin(), marked.end()), QSet<QString>(arrived.begin(), arrived.end()));
    const int late = model->rowOfId(arrived.first());
    EXPECT_GE(late, 10);

    // The mark is drawn: a bar in the highlight colour at the row's left edge, none beside an
    // old row.
    ResultsView *view = window->resultsView();
    view->clearSelection();
    view->setCurrentIndex({});
    view->scrollTo(model->index(late + 1, 0));
    const QImage shot = view->viewport()->grab().toImage();
    const auto edge = [&](int row) {
        return QColor(shot.pixel(1, view->rowViewportPosition(row) + view->rowHeight(row) / 2));
    };
    const QColor bar = view->palette().color(QPalette::Highlight);
    EXPECT_EQ(edge(late).name().toStdString(), bar.name().toStdString());
    EXPECT_NE(edge(late + 1).name().toStdString(), bar.name().toStdString());
    EXPECT_NE(edge(late - 1).name().toStdString(), bar.name().toStdString());

    ASSERT_TRUE(m_admin.exec(QStringLiteral("DELETE FROM mw.audit_log WHERE id IN ('%1');"
                                            "INSERT INTO mw.audit_log SELECT * FROM kept;"
                                            "DROP TABLE kept")
                                 .arg(arrived.join(QStringLiteral("', '")))));
}

TEST_F(MainWindowTest, LiveRefreshCountsAgainAsRowsArrive)
{
    auto window = openWindow();
    const auto shows = [&window](const QString &count) {
        return window->paginationBar()->positionText() == QStringLiteral("rows 1–100 of ") + count
            && window->statusPanel()->countText() == count + QStringLiteral(" entries");
    };
    EXPECT_TRUE(QTest::qWaitFor([&] { return shows(QLocale().toString(1234)); }, 15000))
        << window->paginationBar()->positionText().toStdString();
    for (const int rows : { 25, 7 }) {
        ASSERT_TRUE(m_admin.exec(
            QStringLiteral("INSERT INTO mw.audit_log (action, transport, started_at, ended_at) "
                           "SELECT 'live-count', 'http', now(), now() FROM generate_series(1, %1)")
                .arg(rows)));
        const QString expected = QLocale().toString(
            m_admin.scalar(QStringLiteral("SELECT count(*) FROM mw.audit_log")).toLongLong());
        window->refreshLive();
        EXPECT_TRUE(QTest::qWaitFor([&] { return shows(expected); }, 15000))
            << window->paginationBar()->positionText().toStdString() << " / "
            << window->statusPanel()->countText().toStdString() << ", SQL counts "
            << expected.toStdString();
    }
    ASSERT_TRUE(
        m_admin.exec(QStringLiteral("DELETE FROM mw.audit_log WHERE action = 'live-count'")));
}

TEST_F(MainWindowTest, ClickingAChartBucketFiltersTheTableToItAndBackRestores)
{
    auto window = std::make_unique<MainWindow>();
    window->resize(1200, 900);
    window->show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(window.get()));
    QSignalSpy charted(window->chartPanel(), &ChartPanel::seriesShown);
    QSignalSpy shown(window.get(), &MainWindow::pageShown);
    window->connectTo(m_settings);
    ASSERT_TRUE(charted.wait(15000));
    if (shown.isEmpty()) {
        ASSERT_TRUE(shown.wait(15000));
    }
    VolumeChart *chart = window->chartPanel()->chart();
    chart->setPeriod(VolumePeriod::SevenDays);
    ASSERT_TRUE(charted.wait(15000));
    // Yesterday's bucket: the rows are spread over the last 2.5 days.
    const int bucket = static_cast<int>(chart->series().buckets.size()) - 2;
    const VolumeBucket expected = chart->series().buckets.at(bucket);
    ASSERT_GT(expected.total, 0);
    // A real click where the bucket is drawn, delivered to the widget under it.
    const QPoint at = chart->bucketPosition(bucket);
    QWidget *target = chart->childAt(at);
    ASSERT_NE(target, nullptr);
    QTest::mouseClick(target, Qt::LeftButton, {}, target->mapFrom(chart, at));
    ASSERT_TRUE(waitForPage(*window));
    const AuditFilter filter = window->filterBar()->filter();
    ASSERT_TRUE(filter.since && filter.until);
    EXPECT_EQ(*filter.since, expected.start);
    EXPECT_EQ(*filter.until, chart->series().buckets.at(bucket + 1).start);
    EXPECT_EQ(shownIds(*window),
        sqlIds(QStringLiteral("started_at >= '%1' AND started_at < '%2'")
                   .arg(filter.since->toIsoUtc(), filter.until->toIsoUtc()),
            100));
    // The chart keeps showing the whole period: a drill-down narrows the table only.
    EXPECT_EQ(window->chartPanel()->chartFilter().since, std::nullopt);

    window->back();
    ASSERT_TRUE(waitForPage(*window));
    EXPECT_FALSE(window->filterBar()->filter().since);
    EXPECT_EQ(shownIds(*window), sqlIds(QStringLiteral("TRUE"), 100));
}

TEST_F(MainWindowTest, EntryDialogOpensTheRowAndWalksToNextAndPrevious)
{
    auto window = openWindow();
    const QStringList ids = shownIds(*window);
    ResultsView *view = window->resultsView();
    view->setCurrentIndex(window->tableModel()->index(2, 0));
    QTest::keyClick(view, Qt::Key_Return);
    EntryDetailDialog *dialog = nullptr;
    auto waitFor = [&](const QString &id) {
        return QTest::qWaitFor(
            [&] {
                if (!dialog) {
                    dialog = window->findChild<EntryDetailDialog *>();
                }
                return dialog && dialog->entryId() == id && dialog->entryJson().contains(id);
            },
            10000);
    };
    ASSERT_TRUE(waitFor(ids.at(2)));
    EXPECT_TRUE(dialog->isVisible());
    EXPECT_FALSE(dialog->isModal());
    emit dialog->nextRequested();
    ASSERT_TRUE(waitFor(ids.at(3)));
    EXPECT_EQ(window->resultsView()->currentEntryId(), ids.at(3));
    emit dialog->previousRequested();
    emit dialog->previousRequested();
    ASSERT_TRUE(waitFor(ids.at(1)));
    // The stored request comes through exactly.
    EXPECT_TRUE(dialog->entryJson().contains(QLatin1String("\"q\": \"text ")));
}

TEST_F(MainWindowTest, BehindAPoolerTheStatusBarSaysWhatTheServerConfirmedAndFitsTheWindow)
{
    PgBouncer bouncer; // default configuration: refuses the startup parameter "options"
    ASSERT_TRUE(bouncer.start(m_settings.value(QStringLiteral("port")).toInt(), {}))
        << bouncer.error().toStdString();
    ConnectionSettings pooled = m_settings;
    pooled.setValue(QStringLiteral("port"), QString::number(bouncer.port()));
    pooled.setValue(QStringLiteral("options"), QStringLiteral("-c work_mem=9MB"));
    m_settings = pooled;
    auto window = openWindow();
    window->resize(900, 700);
    window->show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(window.get()));
    EXPECT_EQ(shownIds(*window), sqlIds(QStringLiteral("true"), 100));

    QLabel *connection = nullptr;
    for (QLabel *label : window->findChild<StatusPanel *>()->findChildren<QLabel *>()) {
        if (label->toolTip().contains(QLatin1String("PostgreSQL"))) {
            connection = label;
        }
    }
    ASSERT_NE(connection, nullptr);
    const QString tip = connection->toolTip();
    EXPECT_TRUE(tip.contains(QStringLiteral("/postgres · mw.audit_log · read-only · timeout 5 min "
                                            "· UTC · through a pooler · startup options refused")))
        << tip.toStdString();
    EXPECT_TRUE(tip.contains(QStringLiteral("connected without \u201c-c work_mem=9MB\u201d")))
        << tip.toStdString();
    // The line is longer than the room a 900-pixel window leaves: elided, not widening it.
    EXPECT_EQ(window->width(), 900);
    EXPECT_TRUE(connection->text().endsWith(QChar(0x2026))) << connection->text().toStdString();
    EXPECT_LE(connection->fontMetrics().horizontalAdvance(connection->text()), connection->width());
    window->resize(2400, 700);
    QTRY_VERIFY(!connection->text().endsWith(QChar(0x2026)));
    EXPECT_TRUE(connection->text().endsWith(QStringLiteral("startup options refused")));
}
