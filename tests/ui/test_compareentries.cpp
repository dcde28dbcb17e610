#include "comparedialog.h"
#include "errorbanner.h"
#include "mainwindow.h"
#include "resultsview.h"
#include "testconnection.h"

#include <QAction>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

#include <memory>

namespace {

// Select two rows, Ctrl+D: the window fetches both entries and opens them side by side.
class CompareEntriesTest : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        ASSERT_NO_FATAL_FAILURE(createSeededAuditSchema(QStringLiteral("compare_rows"),
            QStringLiteral(
                "INSERT INTO compare_rows.audit_log (action, transport, bank_id, started_at, "
                "ended_at, request, response) VALUES "
                "('recall', 'http', 'b', now() - interval '2 minutes', now() - interval '1 "
                "minute', "
                " '{\"query\": \"first\", \"max_tokens\": 4096}', '{\"results\": []}'), "
                "('recall', 'http', 'b', now() - interval '4 minutes', now() - interval '3 "
                "minutes', "
                " '{\"query\": \"second\", \"max_tokens\": 4096}', '{\"results\": []}'), "
                "('retain', 'mcp', 'b', now() - interval '6 minutes', now() - interval '5 "
                "minutes', "
                " '{}', '{}')")));
    }

    void SetUp() override
    {
        ConnectionSettings connection = testConnectionSettings(QStringLiteral("compare_rows"));
        m_window = std::make_unique<MainWindow>();
        m_window->show();
        QSignalSpy shown(m_window.get(), &MainWindow::pageShown);
        m_window->connectTo(connection, AuditFilter {});
        ASSERT_TRUE(shown.wait(15000)) << m_window->errorBanner()->message().toStdString();
        const QList<QAction *> actions = m_window->resultsView()->actions();
        for (QAction *action : actions) {
            if (action->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_D)) {
                m_compare = action;
            }
        }
        ASSERT_NE(m_compare, nullptr);
    }

    void selectRows(const QList<int> &rows)
    {
        ResultsView *view = m_window->resultsView();
        view->clearSelection();
        for (int row : rows) {
            view->selectionModel()->select(view->model()->index(row, 0),
                QItemSelectionModel::Select | QItemSelectionModel::Rows);
        }
    }

    std::unique_ptr<MainWindow> m_window;
    QAction *m_compare = nullptr;
};

} // namespace

TEST_F(CompareEntriesTest, CompareNeedsExactlyTwoRows)
{
    selectRows({ 0 });
    EXPECT_FALSE(m_compare->isEnabled());
    selectRows({ 0, 1, 2 });
    EXPECT_FALSE(m_compare->isEnabled());
    selectRows({ 0, 2 });
    EXPECT_TRUE(m_compare->isEnabled());
}

TEST_F(CompareEntriesTest, CtrlDOpensTheTwoSelectedEntriesSideBySide)
{
    selectRows({ 1, 0 });
    QSignalSpy opened(m_window.get(), &MainWindow::compareOpened);
    QTest::keyClick(m_window->resultsView(), Qt::Key_D, Qt::ControlModifier);
    ASSERT_TRUE(opened.wait(15000));
    auto *dialog = m_window->findChild<CompareDialog *>();
    ASSERT_NE(dialog, nullptr);
    if (dialog->isComparing()) {
        QSignalSpy finished(dialog, &CompareDialog::comparisonFinished);
        ASSERT_TRUE(finished.wait(15000));
    }
    // The newer row is on the left; only the query differs in the requests.
    dialog->showDocument(CompareDialog::Document::Request);
    EXPECT_EQ(dialog->summaryText(), QStringLiteral("1 changed, 0 added, 0 removed"));
    dialog->showDocument(CompareDialog::Document::Response);
    EXPECT_EQ(dialog->summaryText(), QStringLiteral("No differences"));
    dialog->close();
}
