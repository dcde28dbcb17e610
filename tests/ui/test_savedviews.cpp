#include "chartpanel.h"
#include "filterbar.h"
#include "mainwindow.h"
#include "resultsview.h"
#include "viewsmenu.h"
#include "volumechart.h"

#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <memory>

namespace {

// Saved views in the window, without a database: what the filter bar, columns, chart and
// UTC toggle show is saved, listed, reopened, shared as a command line and restored after
// a restart. Each test keeps its views in a settings file of its own.
class SavedViewsTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        m_window = makeWindow();
    }

    std::unique_ptr<MainWindow> makeWindow()
    {
        auto window = std::make_unique<MainWindow>();
        ViewsMenu *menu = window->viewsMenu();
        menu->setStore(
            SavedViews(m_dir.filePath(QStringLiteral("views.ini")), QSettings::IniFormat));
        menu->setNamePrompt([this](const QString &, const QString &, const QString &suggestion) {
            m_suggested = suggestion;
            return m_answer;
        });
        menu->setConfirm([this](const QString &) { return m_confirm; });
        menu->setWarn([this](const QString &text) { m_warnings.append(text); });
        return window;
    }

    static AuditFilter sampleFilter()
    {
        AuditFilter filter;
        filter.actions = { QStringLiteral("retain"), QStringLiteral("recall") };
        filter.transport = QStringLiteral("http");
        filter.bank = QStringLiteral("team & <b>ops</b>");
        filter.failedOnly = true;
        filter.search = QStringLiteral("it's \"quoted\"");
        return filter;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
    std::optional<QString> m_answer;
    QString m_suggested;
    bool m_confirm = true;
    QStringList m_warnings;
};

} // namespace

TEST_F(SavedViewsTest, SavingListsTheViewAndOpeningItShowsItsFilterRangeColumnsAndChart)
{
    m_window->filterBar()->setFilter(sampleFilter());
    m_window->filterBar()->setTimeRange(FilterBar::TimeRange::Last7Days);
    m_window->resultsView()->horizontalHeader()->setSectionHidden(3, true);
    m_window->chartPanel()->chart()->setPeriod(VolumePeriod::ThirtyDays);
    m_window->setUtc(true);
    m_answer = QStringLiteral("Failed & slow");
    ASSERT_TRUE(m_window->viewsMenu()->saveCurrent());
    m_window->viewsMenu()->rebuild();
    EXPECT_EQ(
        m_window->viewsMenu()->listedNames(), QStringList { QStringLiteral("Failed & slow") });

    // Something else on screen, then the view again.
    m_window->filterBar()->setFilter({});
    m_window->filterBar()->setTimeRange(FilterBar::TimeRange::All);
    m_window->resultsView()->horizontalHeader()->setSectionHidden(3, false);
    m_window->chartPanel()->chart()->setPeriod(VolumePeriod::Today);
    m_window->setUtc(false);
    ASSERT_TRUE(m_window->viewsMenu()->open(QStringLiteral("Failed & slow")));

    AuditFilter shown = m_window->filterBar()->filter();
    EXPECT_EQ(m_window->filterBar()->timeRange(), FilterBar::TimeRange::Last7Days);
    ASSERT_TRUE(shown.since);
    const qint64 now = QDateTime::currentDateTimeUtc().toMSecsSinceEpoch() * 1000;
    EXPECT_NEAR(static_cast<double>(now - shown.since->usecsSinceEpoch()),
        7.0 * 24 * 3600 * 1'000'000, 60.0 * 1'000'000);
    shown.since.reset();
    EXPECT_EQ(shown, sampleFilter());
    EXPECT_TRUE(m_window->resultsView()->horizontalHeader()->isSectionHidden(3));
    EXPECT_EQ(m_window->chartPanel()->chart()->period(), VolumePeriod::ThirtyDays);
    EXPECT_TRUE(m_window->currentView().utc);
    EXPECT_EQ(m_window->viewsMenu()->currentName(), QStringLiteral("Failed & slow"));
    // Save view… suggests the open view's name.
    m_answer.reset();
    m_window->viewsMenu()->saveCurrent();
    EXPECT_EQ(m_suggested, QStringLiteral("Failed & slow"));
}

TEST_F(SavedViewsTest, ReplacingAskFirstAndDeletingRemovesOnlyThatView)
{
    m_answer = QStringLiteral("a");
    ASSERT_TRUE(m_window->viewsMenu()->saveCurrent());
    m_answer = QStringLiteral("b");
    ASSERT_TRUE(m_window->viewsMenu()->saveCurrent());
    m_confirm = false;
    EXPECT_FALSE(m_window->viewsMenu()->saveCurrent()); // "b" exists, replacing declined
    EXPECT_FALSE(m_window->viewsMenu()->remove(QStringLiteral("a")));
    m_confirm = true;
    EXPECT_TRUE(m_window->viewsMenu()->remove(QStringLiteral("a")));
    m_window->viewsMenu()->rebuild();
    EXPECT_EQ(m_window->viewsMenu()->listedNames(), QStringList { QStringLiteral("b") });
    EXPECT_FALSE(m_window->viewsMenu()->open(QStringLiteral("a")));
    EXPECT_EQ(m_warnings.size(), 1);
    m_answer = QStringLiteral("   ");
    EXPECT_FALSE(m_window->viewsMenu()->saveCurrent());
    EXPECT_EQ(m_warnings.size(), 2);
}

TEST_F(SavedViewsTest, TheLastViewComesBackAfterARestart)
{
    m_window->show();
    m_window->filterBar()->setFilter(sampleFilter());
    m_window->filterBar()->setTimeRange(FilterBar::TimeRange::LastHour);
    m_window->chartPanel()->chart()->setPeriod(VolumePeriod::Today);
    // Clicking the Duration header: longest first.
    emit m_window->resultsView()->sortOrderRequested(SortOrder::LongestFirst);
    m_window->close(); // saves the last view
    m_window.reset();

    auto restarted = makeWindow();
    EXPECT_TRUE(restarted->filterBar()->filter().actions.isEmpty());
    restarted->restoreLastView();
    AuditFilter shown = restarted->filterBar()->filter();
    EXPECT_EQ(restarted->filterBar()->timeRange(), FilterBar::TimeRange::LastHour);
    shown.since.reset();
    EXPECT_EQ(shown, sampleFilter());
    EXPECT_EQ(restarted->chartPanel()->chart()->period(), VolumePeriod::Today);
    EXPECT_EQ(restarted->resultsView()->sortOrder(), SortOrder::LongestFirst);
    // The last view is not one of the named ones.
    restarted->viewsMenu()->rebuild();
    EXPECT_TRUE(restarted->viewsMenu()->listedNames().isEmpty());
}

TEST_F(SavedViewsTest, AViewTravelsAsACommandLineThroughTheClipboard)
{
    m_window->filterBar()->setFilter(sampleFilter());
    m_window->filterBar()->setTimeRange(FilterBar::TimeRange::Last24Hours);
    m_window->viewsMenu()->copyCurrent();
    const QString line = QApplication::clipboard()->text();
    EXPECT_TRUE(line.startsWith(QStringLiteral("audit-viewer "))) << line.toStdString();
    EXPECT_TRUE(line.contains(QStringLiteral("--last 24h"))) << line.toStdString();
    EXPECT_TRUE(line.contains(QStringLiteral("--bank 'team & <b>ops</b>'"))) << line.toStdString();

    // A colleague's window: pasting opens it, and a name saves it.
    auto other = makeWindow();
    m_answer = QStringLiteral("from a colleague");
    ASSERT_TRUE(other->viewsMenu()->pasteFromClipboard());
    AuditFilter shown = other->filterBar()->filter();
    EXPECT_EQ(other->filterBar()->timeRange(), FilterBar::TimeRange::Last24Hours);
    shown.since.reset();
    EXPECT_EQ(shown, sampleFilter());
    EXPECT_TRUE(other->viewsMenu()->store().contains(QStringLiteral("from a colleague")));

    QApplication::clipboard()->setText(QStringLiteral("rm -rf / --action x"));
    EXPECT_FALSE(other->viewsMenu()->pasteFromClipboard());
    EXPECT_EQ(m_warnings.size(), 1);
    EXPECT_EQ(other->filterBar()->filter().actions, sampleFilter().actions); // unchanged
}
