#include "errorbanner.h"
#include "mainwindow.h"
#include "resultsview.h"
#include "testconnection.h"
#include "testdatabase.h"

#include <QSignalSpy>

#include <gtest/gtest.h>

#include <memory>

namespace {

// An empty table is not an empty filter: with no rows at all the window says so and
// explains that Hindsight's auditing is off by default; a filter that matches nothing says
// that instead; rows hide the message.
class EmptyTableTest : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        ASSERT_NO_FATAL_FAILURE(createSeededAuditSchema(QStringLiteral("empty_table")));
    }

    std::unique_ptr<MainWindow> openWindow(const AuditFilter &filter)
    {
        ConnectionSettings connection = testConnectionSettings(QStringLiteral("empty_table"));
        auto window = std::make_unique<MainWindow>();
        QSignalSpy shown(window.get(), &MainWindow::pageShown);
        window->connectTo(connection, filter);
        EXPECT_TRUE(shown.wait(15000)) << window->errorBanner()->message().toStdString();
        return window;
    }

    static void insertRow()
    {
        TestDatabase admin;
        ASSERT_TRUE(admin.exec(QStringLiteral(
            "INSERT INTO empty_table.audit_log (action, transport, started_at, ended_at) "
            "VALUES ('recall', 'http', now(), now())")))
            << admin.error().toStdString();
    }
};

} // namespace

TEST_F(EmptyTableTest, AnEmptyTableExplainsThatAuditingIsOffByDefault)
{
    auto window = openWindow({});
    const QString message = window->resultsView()->emptyMessage();
    EXPECT_TRUE(message.contains(QStringLiteral("empty_table.audit_log has no entries")))
        << message.toStdString();
    EXPECT_TRUE(message.contains(QStringLiteral("HINDSIGHT_API_AUDIT_LOG_ENABLED")));
    EXPECT_TRUE(message.contains(QStringLiteral("audit_log_enabled")));
}

TEST_F(EmptyTableTest, AFilterThatMatchesNothingSaysSoAndRowsHideTheMessage)
{
    AuditFilter filter;
    filter.actions = { QStringLiteral("no_such_action") };
    auto window = openWindow(filter);
    const QString message = window->resultsView()->emptyMessage();
    EXPECT_TRUE(message.startsWith(QStringLiteral("No entries match this filter")))
        << message.toStdString();

    insertRow();
    QSignalSpy shown(window.get(), &MainWindow::pageShown);
    window->applyFilter({});
    ASSERT_TRUE(shown.wait(15000));
    EXPECT_TRUE(window->resultsView()->emptyMessage().isEmpty());
}

TEST_F(EmptyTableTest, OverAllTimeTheEmptyTableDoesNotSuggestWideningTheTimeRange)
{
    AuditFilter filter;
    filter.actions = { QStringLiteral("no_such_action") };
    auto window = openWindow(filter); // no since, no until: all time
    QString message = window->resultsView()->emptyMessage();
    EXPECT_TRUE(message.startsWith(QStringLiteral("No entries match this filter")))
        << message.toStdString();
    EXPECT_FALSE(message.contains(QStringLiteral("time range"))) << message.toStdString();
    EXPECT_TRUE(message.contains(QStringLiteral("Reset"))) << message.toStdString();

    filter.since = AuditTimestamp::fromUsecsSinceEpoch(QDateTime::currentMSecsSinceEpoch() * 1000);
    QSignalSpy shown(window.get(), &MainWindow::pageShown);
    window->applyFilter(filter);
    ASSERT_TRUE(shown.wait(15000));
    message = window->resultsView()->emptyMessage();
    EXPECT_TRUE(message.contains(QStringLiteral("Widen the time range"))) << message.toStdString();
}
