#include "chartpanel.h"
#include "errorbanner.h"
#include "mainwindow.h"
#include "testconnection.h"
#include "volumechart.h"
#include "volumechartplot.h"

#include <QGraphicsTextItem>
#include <QGraphicsView>
#include <QSettings>
#include <QSplitter>
#include <QSplitterHandle>
#include <QTest>

#include <gtest/gtest.h>

#include <memory>

namespace {

// The chart in the main window: its height at the window's first size, the splitter that
// resizes it and remembers where it was left, and what it says when the connection fails.
class ChartLayoutTest : public ::testing::Test
{
protected:
    void SetUp() override { QSettings().clear(); }

    // A window at the size a first start gives it on a 1600×1000 screen, shown.
    static std::unique_ptr<MainWindow> showWindow()
    {
        auto window = std::make_unique<MainWindow>();
        window->resize(1280, 800);
        window->show();
        EXPECT_TRUE(QTest::qWaitForWindowExposed(window.get()));
        return window;
    }

    static QSplitter *splitter(const MainWindow &window)
    {
        auto *found = window.findChild<QSplitter *>(QStringLiteral("chartSplitter"));
        EXPECT_NE(found, nullptr);
        return found;
    }
};

} // namespace

TEST_F(ChartLayoutTest, AtTheFirstWindowSizeThePlotHasRoomForItsLegendAndLabels)
{
    auto window = showWindow();
    auto *plot = qobject_cast<VolumeChartPlot *>(window->chartPanel()->chart()->chart());
    ASSERT_NE(plot, nullptr);
    const int line = window->fontMetrics().height();
    // The legend of five actions, "other" and the total takes about ten lines; the peak's
    // label and bands that can be told apart need the rest.
    EXPECT_GE(plot->currentPlotArea().height(), 15 * line)
        << plot->currentPlotArea().height() << " px with lines of " << line << " px";
}

TEST_F(ChartLayoutTest, TheSplitterResizesTheChartAndTheNextWindowRestoresIt)
{
    int dragged = 0;
    {
        auto window = showWindow();
        QSplitter *split = splitter(*window);
        ASSERT_NE(split, nullptr);
        const int before = window->chartPanel()->height();
        QSplitterHandle *handle = split->handle(1);
        const QPoint grip = handle->rect().center();
        QTest::mousePress(handle, Qt::LeftButton, {}, grip);
        QTest::mouseMove(handle, grip + QPoint(0, 90));
        QTest::mouseRelease(handle, Qt::LeftButton, {}, grip + QPoint(0, 90));
        dragged = window->chartPanel()->height();
        EXPECT_NEAR(dragged, before + 90, 2);
        window->close();
    }
    auto window = showWindow();
    EXPECT_EQ(window->chartPanel()->height(), dragged);
}

TEST_F(ChartLayoutTest, AConnectionErrorIsShownOnceInTheBannerNotAgainInTheChart)
{
    ConnectionSettings wrong = testConnectionSettings();
    wrong.setValue(QStringLiteral("dbname"), QStringLiteral("no_such_database_here"));
    auto window = showWindow();
    window->connectTo(wrong);
    VolumeChart *chart = window->chartPanel()->chart();
    QTRY_VERIFY_WITH_TIMEOUT(
        !window->errorBanner()->message().isEmpty() && !chart->isBusy(), 15000);
    const QString message = window->errorBanner()->message();
    EXPECT_TRUE(message.contains(QStringLiteral("no_such_database_here"))) << message.toStdString();
    EXPECT_FALSE(chart->placeholderText().contains(QStringLiteral("no_such_database_here")))
        << chart->placeholderText().toStdString();
    EXPECT_EQ(chart->placeholderText(), QStringLiteral("Not connected"));
}

TEST_F(ChartLayoutTest, AtItsSmallestTheChartStillShowsItsWholeLegend)
{
    auto window = showWindow();
    VolumeChart *chart = window->chartPanel()->chart();
    chart->setShowsActionLines(true);
    VolumeSeries series;
    series.range = VolumeRange::forPeriod(
        VolumePeriod::SevenDays, QDateTime::currentDateTime(), QTimeZone::systemTimeZone());
    for (const AuditTimestamp &start : std::as_const(series.range.bucketStarts)) {
        VolumeBucket bucket;
        bucket.start = start;
        for (int a = 0; a < 8; ++a) {
            bucket.actions.insert(QStringLiteral("action%1").arg(a), 10 + a);
            bucket.total += 10 + a;
        }
        series.buckets.append(bucket);
    }
    chart->setSeries(series);
    QSplitter *split = splitter(*window);
    ASSERT_NE(split, nullptr);
    const int all = split->sizes().at(0) + split->sizes().at(1);
    split->setSizes({ 1, all - 1 }); // as far as dragging the handle up goes
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    auto *view = chart->findChild<QGraphicsView *>(QStringLiteral("chartView"));
    ASSERT_NE(view, nullptr);
    ASSERT_GT(view->height(), 0);
    QStringList shown;
    const QList<QGraphicsItem *> items = view->scene()->items();
    for (QGraphicsItem *item : items) {
        auto *text = dynamic_cast<QGraphicsTextItem *>(item);
        if (text && text->isVisible()) {
            const QRect at = view->mapFromScene(text->sceneBoundingRect()).boundingRect();
            EXPECT_TRUE(view->viewport()->rect().contains(at))
                << text->toPlainText().toStdString() << " is cut off";
            shown.append(text->toPlainText());
        }
    }
    EXPECT_TRUE(shown.contains(QStringLiteral("Total"))) << shown.join(u' ').toStdString();
    EXPECT_TRUE(shown.contains(QStringLiteral("other"))) << shown.join(u' ').toStdString();
}
