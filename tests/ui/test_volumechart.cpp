#include "volumechart.h"
#include "volumechartplot.h"

#include <QAreaSeries>
#include <QCategoryAxis>
#include <QChart>
#include <QCheckBox>
#include <QFrame>
#include <QGraphicsRectItem>
#include <QGraphicsTextItem>
#include <QGraphicsView>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QMenu>
#include <QPointer>
#include <QScatterSeries>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>
#include <QToolTip>

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <ostream>

// Readable failure messages (internal linkage: other test files may print these too).
// NOLINTBEGIN(readability-identifier-naming): GoogleTest looks for PrintTo by name.
static void PrintTo(const QString &text, std::ostream *out)
{
    *out << '"' << text.toStdString() << '"';
}
static void PrintTo(const AuditTimestamp &at, std::ostream *out)
{
    *out << at.toIsoUtc().toStdString();
}
// NOLINTEND(readability-identifier-naming)

namespace {

using ActionCounts = QMap<QString, qint64>;

QTimeZone berlin()
{
    return QTimeZone("Europe/Berlin");
}

// A series as the core delivers it: every bucket of the period, counts from `countsOf`.
VolumeSeries makeSeries(VolumePeriod period, const QDateTime &now, const QTimeZone &zone,
    const std::function<ActionCounts(int)> &countsOf)
{
    VolumeSeries series;
    series.range = VolumeRange::forPeriod(period, now, zone);
    series.zoneId = QString::fromUtf8(zone.id());
    for (int i = 0; i < series.range.bucketStarts.size(); ++i) {
        VolumeBucket bucket;
        bucket.start = series.range.bucketStarts.at(i);
        bucket.actions = countsOf(i);
        for (const qint64 count : std::as_const(bucket.actions)) {
            bucket.total += count;
        }
        series.buckets.append(bucket);
    }
    return series;
}

// Sunday 25 October 2026 in Berlin has 25 hours: 02:00–03:00 happens twice.
QDateTime lateOnTheLongDay()
{
    return QDateTime(QDate(2026, 10, 25), QTime(23, 30), berlin());
}

ActionCounts someTraffic(int i)
{
    return { { QStringLiteral("recall"), 10 + (i * 7) % 13 },
        { QStringLiteral("retain"), 3 + (i * 5) % 11 } };
}

// The names of the lines and stacked bands, in the legend's order (the peak is neither).
QStringList lineNames(QChart *chart)
{
    QStringList names;
    const QList<QAbstractSeries *> all = chart->series();
    for (QAbstractSeries *series : all) {
        if (qobject_cast<QLineSeries *>(series) || qobject_cast<QAreaSeries *>(series)) {
            names.append(series->name());
        }
    }
    return names;
}

QAreaSeries *bandNamed(QChart *chart, const QString &name)
{
    const QList<QAbstractSeries *> all = chart->series();
    for (QAbstractSeries *series : all) {
        if (series->name() == name) {
            return qobject_cast<QAreaSeries *>(series);
        }
    }
    return nullptr;
}

// How many requests band `band` stands for in bucket `i`: its thickness.
qreal bandCount(const QAreaSeries *band, int i)
{
    return band->upperSeries()->at(i).y() - band->lowerSeries()->at(i).y();
}

QLineSeries *lineNamed(QChart *chart, const QString &name)
{
    const QList<QAbstractSeries *> all = chart->series();
    for (QAbstractSeries *series : all) {
        if (series->name() == name && !qobject_cast<QScatterSeries *>(series)) {
            return qobject_cast<QLineSeries *>(series);
        }
    }
    return nullptr;
}

QScatterSeries *peakSeries(QChart *chart)
{
    const QList<QAbstractSeries *> all = chart->series();
    for (QAbstractSeries *series : all) {
        if (auto *scatter = qobject_cast<QScatterSeries *>(series)) {
            return scatter;
        }
    }
    return nullptr;
}

bool isUniform(const QImage &image)
{
    const QRgb first = image.pixel(0, 0);
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            if (image.pixel(x, y) != first) {
                return false;
            }
        }
    }
    return true;
}

class VolumeChartTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        m_chart = std::make_unique<VolumeChart>();
        m_chart->resize(900, 260);
        m_chart->setTimeZone(berlin());
        m_chart->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(m_chart.get()));
    }

    // Clicks bucket `index` where the chart draws it and returns the drill-down range.
    std::pair<AuditTimestamp, AuditTimestamp> click(int index)
    {
        QSignalSpy clicked(m_chart.get(), &VolumeChart::bucketClicked);
        QTest::mouseClick(m_chart.get(), Qt::LeftButton, {}, m_chart->bucketPosition(index));
        if (clicked.size() != 1) {
            ADD_FAILURE() << "bucket " << index << " emitted " << clicked.size() << " clicks";
            return {};
        }
        return { clicked.at(0).at(0).value<AuditTimestamp>(),
            clicked.at(0).at(1).value<AuditTimestamp>() };
    }

    std::unique_ptr<VolumeChart> m_chart;
};

} // namespace

TEST_F(VolumeChartTest, ClickingAnHourOfTheLongAutumnDayDrillsDownToThatHour)
{
    const VolumeSeries series
        = makeSeries(VolumePeriod::Today, lateOnTheLongDay(), berlin(), someTraffic);
    ASSERT_EQ(series.buckets.size(), 25);
    m_chart->setSeries(series);
    const QList<AuditTimestamp> &starts = series.range.bucketStarts;
    for (int i = 0; i < 25; ++i) {
        EXPECT_EQ(m_chart->bucketAt(m_chart->bucketPosition(i)), i);
        const auto [from, until] = click(i);
        EXPECT_EQ(from, starts.at(i)) << "bucket " << i;
        EXPECT_EQ(until, i + 1 < 25 ? starts.at(i + 1) : series.range.to) << "bucket " << i;
    }
    // The repeated hour reads as two different hours.
    EXPECT_TRUE(m_chart->bucketToolTip(2).contains(QStringLiteral("02:00 CEST–02:00 CET")));
    EXPECT_TRUE(m_chart->bucketToolTip(3).contains(QStringLiteral("02:00–03:00")));
}

TEST_F(VolumeChartTest, ClickingADayOfSevenDaysDrillsDownToThatDay)
{
    // The week holds the 25-hour day: one bucket all the same.
    const QDateTime now(QDate(2026, 10, 28), QTime(9, 15), berlin());
    const VolumeSeries series = makeSeries(VolumePeriod::SevenDays, now, berlin(), someTraffic);
    m_chart->setPeriod(VolumePeriod::SevenDays);
    m_chart->setSeries(series);
    ASSERT_EQ(series.buckets.size(), 7);
    for (int i = 0; i < 7; ++i) {
        const auto [from, until] = click(i);
        EXPECT_EQ(from, series.range.bucketStarts.at(i));
        EXPECT_EQ(until, i < 6 ? series.range.bucketStarts.at(i + 1) : series.range.to);
    }
    EXPECT_TRUE(m_chart->bucketToolTip(6).contains(QStringLiteral("Wed 28 Oct 2026")));
    const QStringList labels
        = qobject_cast<QCategoryAxis *>(m_chart->chart()->axes(Qt::Horizontal).first())
              ->categoriesLabels();
    EXPECT_EQ(labels.size(), 7);
    EXPECT_EQ(labels.last(), QStringLiteral("Wed 28 Oct"));
}

TEST_F(VolumeChartTest, AnEmptyPeriodSaysSoInTheChartArea)
{
    m_chart->setSeries(makeSeries(
        VolumePeriod::SevenDays, lateOnTheLongDay(), berlin(), [](int) { return ActionCounts(); }));
    EXPECT_EQ(m_chart->placeholderText(), QStringLiteral("No requests in this period"));
    auto *text = m_chart->findChild<QLabel *>(QStringLiteral("chartPlaceholder"));
    ASSERT_NE(text, nullptr);
    EXPECT_TRUE(text->isVisible());
    EXPECT_EQ(text->text(), m_chart->placeholderText());
    const QRect where(text->mapTo(m_chart.get(), QPoint(0, 0)), text->size());
    EXPECT_FALSE(isUniform(m_chart->grab(where).toImage()));
    EXPECT_FALSE(m_chart->bucketAt(m_chart->rect().center()).has_value());
    EXPECT_FALSE(m_chart->peakBucket().has_value());

    m_chart->setSeries(
        makeSeries(VolumePeriod::SevenDays, lateOnTheLongDay(), berlin(), someTraffic));
    EXPECT_TRUE(m_chart->placeholderText().isEmpty());
    EXPECT_FALSE(text->isVisible());
}

TEST_F(VolumeChartTest, AnErrorIsShownAsPlainTextUntilTheNextSeries)
{
    m_chart->setSeries(makeSeries(VolumePeriod::Today, lateOnTheLongDay(), berlin(), someTraffic));
    const QString message = QStringLiteral("could not connect to <b>server</b>");
    m_chart->showError(message);
    EXPECT_EQ(m_chart->placeholderText(), message);
    auto *text = m_chart->findChild<QLabel *>(QStringLiteral("chartPlaceholder"));
    EXPECT_EQ(text->textFormat(), Qt::PlainText);
    EXPECT_TRUE(text->isVisible());
    EXPECT_TRUE(m_chart->chart()->series().isEmpty());

    m_chart->setSeries(m_chart->series());
    EXPECT_TRUE(m_chart->placeholderText().isEmpty());
    EXPECT_FALSE(m_chart->chart()->series().isEmpty());
}

TEST_F(VolumeChartTest, ThePeakIsMarkedAtTheBusiestBucketOutsideTheLegend)
{
    m_chart->setSeries(
        makeSeries(VolumePeriod::ThirtyDays, lateOnTheLongDay(), berlin(), [](int i) {
            return ActionCounts { { QStringLiteral("recall"), i == 17 ? 1234 : 40 } };
        }));
    EXPECT_EQ(m_chart->peakBucket(), 17);
    QScatterSeries *peak = peakSeries(m_chart->chart());
    ASSERT_NE(peak, nullptr);
    ASSERT_EQ(peak->count(), 1);
    const QLineSeries *total = lineNamed(m_chart->chart(), QStringLiteral("Total"));
    ASSERT_NE(total, nullptr);
    EXPECT_EQ(peak->at(0), total->at(17));
    auto *plot = qobject_cast<VolumeChartPlot *>(m_chart->chart());
    EXPECT_EQ(plot->peakLabelText(), QStringLiteral("peak %1").arg(QLocale().toString(1234)));
    const QList<QLegendMarker *> markers = m_chart->chart()->legend()->markers(peak);
    EXPECT_TRUE(std::none_of(
        markers.begin(), markers.end(), [](QLegendMarker *marker) { return marker->isVisible(); }));
}

TEST_F(VolumeChartTest, PerActionBandsStackTheFiveBusiestAndTheRestAsOtherUpToTheTotal)
{
    const VolumeSeries series
        = makeSeries(VolumePeriod::SevenDays, lateOnTheLongDay(), berlin(), [](int i) {
              return ActionCounts { { QStringLiteral("recall"), 90 + i },
                  { QStringLiteral("retain"), 80 }, { QStringLiteral("reflect"), 70 },
                  { QStringLiteral("create_bank"), 5 }, { QStringLiteral("consolidation"), 60 },
                  { QStringLiteral("list_banks"), 50 }, { QStringLiteral("delete_bank"), 4 },
                  { QStringLiteral("get_bank"), i } };
          });
    m_chart->setSeries(series);
    EXPECT_EQ(lineNames(m_chart->chart()), QStringList { QStringLiteral("Total") });

    QTest::mouseClick(
        m_chart->findChild<QToolButton *>(QStringLiteral("perActionButton")), Qt::LeftButton);
    EXPECT_TRUE(m_chart->showsActionLines());
    // The legend lists the stack from the top: the busiest action lies at the bottom.
    EXPECT_EQ(lineNames(m_chart->chart()),
        (QStringList { QStringLiteral("other"), QStringLiteral("list_banks"),
            QStringLiteral("consolidation"), QStringLiteral("reflect"), QStringLiteral("retain"),
            QStringLiteral("recall"), QStringLiteral("Total") }));
    const QAreaSeries *recall = bandNamed(m_chart->chart(), QStringLiteral("recall"));
    const QAreaSeries *other = bandNamed(m_chart->chart(), QStringLiteral("other"));
    ASSERT_NE(recall, nullptr);
    ASSERT_NE(other, nullptr);
    for (int i = 0; i < 7; ++i) {
        EXPECT_EQ(recall->lowerSeries()->at(i).y(), 0) << "bucket " << i;
        EXPECT_EQ(bandCount(recall, i), 90 + i) << "bucket " << i;
        EXPECT_EQ(bandCount(other, i), 5 + 4 + i) << "bucket " << i;
        // The top of the stack is the total line.
        EXPECT_EQ(other->upperSeries()->at(i).y(), series.buckets.at(i).total) << "bucket " << i;
    }
    m_chart->setShowsActionLines(false);
    EXPECT_EQ(lineNames(m_chart->chart()), QStringList { QStringLiteral("Total") });
}

TEST_F(VolumeChartTest, WhenOneActionMakesUpTheSeriesItIsDrawnOnceAsTheTotal)
{
    m_chart->setShowsActionLines(true);
    m_chart->setSeries(makeSeries(VolumePeriod::Today, lateOnTheLongDay(), berlin(), [](int i) {
        return ActionCounts { { QStringLiteral("recall"), 10 + i } };
    }));
    EXPECT_EQ(lineNames(m_chart->chart()), QStringList { QStringLiteral("Total (recall)") });
    EXPECT_EQ(m_chart->peakBucket(), 24);
}

TEST_F(VolumeChartTest, ClickingALegendEntryHidesItsBandAndDimsTheEntry)
{
    m_chart->setShowsActionLines(true);
    const VolumeSeries series
        = makeSeries(VolumePeriod::Today, lateOnTheLongDay(), berlin(), [](int i) {
              return ActionCounts { { QStringLiteral("recall"), 30 + i },
                  { QStringLiteral("retain"), 20 }, { QStringLiteral("reflect"), 10 } };
          });
    m_chart->setSeries(series);
    // Click the legend's "retain" label where it is drawn.
    auto *view = m_chart->findChild<QGraphicsView *>(QStringLiteral("chartView"));
    ASSERT_NE(view, nullptr);
    QGraphicsTextItem *label = nullptr;
    const QList<QGraphicsItem *> items = view->scene()->items();
    for (QGraphicsItem *item : items) {
        auto *text = dynamic_cast<QGraphicsTextItem *>(item);
        if (text && text->isVisible() && text->toPlainText() == QStringLiteral("retain")) {
            label = text;
        }
    }
    ASSERT_NE(label, nullptr);
    const QPoint at = view->mapFromScene(label->mapToScene(label->boundingRect().center()));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);

    QAreaSeries *retain = bandNamed(m_chart->chart(), QStringLiteral("retain"));
    QLegendMarker *marker = m_chart->chart()->legend()->markers(retain).first();
    EXPECT_FALSE(retain->isVisible());
    EXPECT_TRUE(marker->isVisible());
    EXPECT_LT(marker->labelBrush().color().alpha(), 255);
    // The band above closes up onto the one below.
    const QAreaSeries *reflect = bandNamed(m_chart->chart(), QStringLiteral("reflect"));
    EXPECT_EQ(reflect->lowerSeries()->at(3).y(), 33);
    EXPECT_EQ(reflect->upperSeries()->at(3).y(), 43);

    // A reload keeps it hidden; a second click shows it again.
    m_chart->setSeries(series);
    retain = bandNamed(m_chart->chart(), QStringLiteral("retain"));
    EXPECT_FALSE(retain->isVisible());
    marker = m_chart->chart()->legend()->markers(retain).first();
    emit marker->clicked();
    EXPECT_TRUE(retain->isVisible());
    EXPECT_EQ(marker->labelBrush().color().alpha(), 255);
    reflect = bandNamed(m_chart->chart(), QStringLiteral("reflect"));
    EXPECT_EQ(reflect->lowerSeries()->at(3).y(), 53);
}

// The peak's label and "so far" over the open bucket: wherever the peak falls and however
// low the chart, both lie inside the plot, apart, and off the peak's marker.
TEST_F(VolumeChartTest, ThePeakAndSoFarLabelsStayInsideThePlotAndApart)
{
    struct Case
    {
        VolumePeriod period;
        int peak;
        bool soFarFits; // the open bucket's band is wide enough for "so far"
    };
    const QDateTime now(QDate(2026, 10, 27), QTime(16, 30), berlin());
    const Case cases[] = {
        { VolumePeriod::Today, 15, true }, // the last closed hour, beside "so far"
        { VolumePeriod::Today, 16, true }, // the open hour: at the right edge
        { VolumePeriod::Today, 0, true },
        { VolumePeriod::SevenDays, 5, true },
        { VolumePeriod::SevenDays, 6, true },
        { VolumePeriod::ThirtyDays, 29, false },
        { VolumePeriod::ThirtyDays, 28, false },
    };
    auto *plot = qobject_cast<VolumeChartPlot *>(m_chart->chart());
    ASSERT_NE(plot, nullptr);
    for (const QSize size : { QSize(1400, 150), QSize(1400, 300), QSize(700, 150) }) {
        m_chart->resize(size);
        for (const Case &c : cases) {
            m_chart->setPeriod(c.period);
            m_chart->setSeries(makeSeries(c.period, now, berlin(), [&](int i) {
                return ActionCounts { { QStringLiteral("recall"), i == c.peak ? 699 : 600 } };
            }));
            const std::string where = "period " + std::to_string(static_cast<int>(c.period))
                + " peak " + std::to_string(c.peak) + " size " + std::to_string(size.width()) + "x"
                + std::to_string(size.height());
            const QRectF area = plot->currentPlotArea();
            const QRectF peak = plot->peakLabelRect();
            const QRectF soFar = plot->openBucketLabelRect();
            ASSERT_FALSE(peak.isNull()) << where;
            EXPECT_EQ(plot->peakLabelText(), QStringLiteral("peak %1").arg(699)) << where;
            EXPECT_TRUE(area.contains(peak)) << where;
            EXPECT_FALSE(peak.contains(plot->bucketPoint(c.peak))) << where;
            if (c.soFarFits && size.width() > 1000) {
                EXPECT_FALSE(soFar.isNull()) << where;
            }
            if (!soFar.isNull()) {
                EXPECT_TRUE(area.contains(soFar)) << where;
                EXPECT_FALSE(soFar.intersects(peak)) << where;
            }
        }
    }
}

TEST_F(VolumeChartTest, BusyKeepsThePreviousPictureUntilTheNextSeries)
{
    const VolumeSeries first
        = makeSeries(VolumePeriod::Today, lateOnTheLongDay(), berlin(), someTraffic);
    m_chart->setSeries(first);
    const int lines = static_cast<int>(m_chart->chart()->series().size());
    m_chart->setBusy(true);
    EXPECT_TRUE(m_chart->isBusy());
    EXPECT_EQ(m_chart->series().range.bucketStarts, first.range.bucketStarts);
    EXPECT_EQ(m_chart->chart()->series().size(), lines);
    auto *badge = m_chart->findChild<QFrame *>(QStringLiteral("chartBusy"));
    ASSERT_NE(badge, nullptr);
    EXPECT_TRUE(badge->isVisible());

    m_chart->setPeriod(VolumePeriod::SevenDays);
    EXPECT_TRUE(m_chart->isBusy());
    m_chart->setSeries(
        makeSeries(VolumePeriod::SevenDays, lateOnTheLongDay(), berlin(), someTraffic));
    EXPECT_FALSE(m_chart->isBusy());
    EXPECT_FALSE(badge->isVisible());
    EXPECT_EQ(m_chart->series().buckets.size(), 7);
}

TEST_F(VolumeChartTest, PeriodButtonsEmitPeriodChangedOncePerChange)
{
    QSignalSpy changed(m_chart.get(), &VolumeChart::periodChanged);
    auto *week = m_chart->findChild<QToolButton *>(QStringLiteral("period7d"));
    auto *month = m_chart->findChild<QToolButton *>(QStringLiteral("period30d"));
    QTest::mouseClick(week, Qt::LeftButton);
    QTest::mouseClick(week, Qt::LeftButton);
    ASSERT_EQ(changed.size(), 1);
    EXPECT_EQ(changed.at(0).at(0).value<VolumePeriod>(), VolumePeriod::SevenDays);
    EXPECT_TRUE(week->isChecked());
    QTest::mouseClick(month, Qt::LeftButton);
    EXPECT_EQ(changed.size(), 2);
    EXPECT_FALSE(week->isChecked());
    m_chart->setPeriod(VolumePeriod::ThirtyDays);
    EXPECT_EQ(changed.size(), 2);
    m_chart->setPeriod(VolumePeriod::Today);
    EXPECT_EQ(changed.size(), 3);
    EXPECT_TRUE(m_chart->findChild<QToolButton *>(QStringLiteral("periodToday"))->isChecked());
    EXPECT_EQ(m_chart->period(), VolumePeriod::Today);
}

TEST_F(VolumeChartTest, FollowToggleAndDetachedSelectionEmitActionFilterChanged)
{
    QSignalSpy changed(m_chart.get(), &VolumeChart::actionFilterChanged);
    m_chart->setActionChoices(
        { QStringLiteral("recall"), QStringLiteral("retain"), QStringLiteral("a&b") });
    auto *follow = m_chart->findChild<QCheckBox *>(QStringLiteral("followTableFilter"));
    auto *button = m_chart->findChild<QToolButton *>(QStringLiteral("chartActionsButton"));
    auto *menu = m_chart->findChild<QMenu *>(QStringLiteral("chartActionsMenu"));
    ASSERT_TRUE(follow && button && menu);
    EXPECT_TRUE(m_chart->followsTableFilter());
    EXPECT_FALSE(button->isEnabled());

    QTest::mouseClick(follow, Qt::LeftButton);
    EXPECT_EQ(changed.size(), 1);
    EXPECT_FALSE(m_chart->followsTableFilter());
    EXPECT_TRUE(button->isEnabled());

    // Two entries picked in the open menu: it stays open, and closing it reports once.
    menu->popup(m_chart->mapToGlobal(QPoint(0, 0)));
    ASSERT_TRUE(QTest::qWaitForWindowExposed(menu));
    const auto entry = [&](const QString &text) {
        const QList<QAction *> actions = menu->actions();
        return *std::find_if(actions.begin(), actions.end(),
            [&](QAction *action) { return action->text() == text; });
    };
    QTest::mouseClick(
        menu, Qt::LeftButton, {}, menu->actionGeometry(entry(QStringLiteral("retain"))).center());
    EXPECT_TRUE(menu->isVisible());
    QTest::mouseClick(
        menu, Qt::LeftButton, {}, menu->actionGeometry(entry(QStringLiteral("a&&b"))).center());
    EXPECT_EQ(changed.size(), 1);
    menu->hide();
    EXPECT_EQ(changed.size(), 2);
    EXPECT_EQ(m_chart->detachedActions(),
        (QStringList { QStringLiteral("retain"), QStringLiteral("a&b") }));
    EXPECT_EQ(button->text(), QStringLiteral("retain, a&&b"));

    entry(QStringLiteral("All actions"))->trigger();
    EXPECT_EQ(changed.size(), 3);
    EXPECT_TRUE(m_chart->detachedActions().isEmpty());
    m_chart->setDetachedActions({ QStringLiteral("recall") });
    EXPECT_EQ(changed.size(), 4);
    m_chart->setDetachedActions({ QStringLiteral("recall") });
    EXPECT_EQ(changed.size(), 4);

    m_chart->setFollowsTableFilter(true);
    EXPECT_EQ(changed.size(), 5);
    EXPECT_FALSE(button->isEnabled());
    m_chart->setDetachedActions({ QStringLiteral("retain") });
    EXPECT_EQ(changed.size(), 5); // a following chart's counts do not change
}

TEST_F(VolumeChartTest, UtcAndLocalLabelsMapTheSameClickToTheSameBucket)
{
    const VolumeSeries series
        = makeSeries(VolumePeriod::Today, lateOnTheLongDay(), berlin(), someTraffic);
    m_chart->setSeries(series);
    const QPoint at = m_chart->bucketPosition(5);
    const auto [localFrom, localUntil] = click(5);
    const QString localTip = m_chart->bucketToolTip(0);
    const QStringList localLabels
        = qobject_cast<QCategoryAxis *>(m_chart->chart()->axes(Qt::Horizontal).first())
              ->categoriesLabels();

    m_chart->setTimeZone(QTimeZone::utc());
    EXPECT_EQ(m_chart->bucketPosition(5), at);
    EXPECT_EQ(m_chart->bucketAt(at), 5);
    const auto [utcFrom, utcUntil] = click(5);
    EXPECT_EQ(utcFrom, localFrom);
    EXPECT_EQ(utcUntil, localUntil);
    EXPECT_EQ(utcFrom, series.range.bucketStarts.at(5));

    // Only the words change: midnight in Berlin is 22:00 the day before in UTC.
    EXPECT_TRUE(localTip.contains(QStringLiteral("25 Oct 00:00–01:00")));
    EXPECT_TRUE(m_chart->bucketToolTip(0).contains(QStringLiteral("24 Oct 22:00–23:00")));
    EXPECT_EQ(localLabels.first(), QStringLiteral("00:00"));
    const QStringList utcLabels
        = qobject_cast<QCategoryAxis *>(m_chart->chart()->axes(Qt::Horizontal).first())
              ->categoriesLabels();
    EXPECT_EQ(utcLabels.first(), QStringLiteral("22:00"));
}

TEST_F(VolumeChartTest, HoveringABucketShowsItsTimeAndCountsWithActionNamesEscaped)
{
    const QDateTime now(QDate(2026, 10, 27), QTime(16, 30), berlin());
    m_chart->setSeries(makeSeries(VolumePeriod::Today, now, berlin(), [](int i) {
        return ActionCounts { { QStringLiteral("recall"), 1000 + i },
            { QStringLiteral("<b>bold</b>"), 7 } };
    }));
    QTest::mouseMove(m_chart.get(), m_chart->bucketPosition(14));
    QTRY_VERIFY(QToolTip::isVisible());
    const QString tip = QToolTip::text();
    EXPECT_TRUE(tip.contains(QStringLiteral("27 Oct 14:00–15:00"))) << tip.toStdString();
    EXPECT_TRUE(tip.contains(QLocale().toString(1021))) << tip.toStdString();
    EXPECT_TRUE(tip.contains(QStringLiteral("&lt;b&gt;bold&lt;/b&gt;"))) << tip.toStdString();
    EXPECT_FALSE(tip.contains(QStringLiteral("<b>bold</b>")));
    QTest::mouseMove(m_chart.get(), QPoint(2, 2));
    QTRY_VERIFY(!QToolTip::isVisible());
}

TEST_F(VolumeChartTest, TheTooltipStaysWhileThePointerRestsOnABucket)
{
    m_chart->activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(m_chart.get()));
    const QDateTime now(QDate(2026, 10, 27), QTime(16, 30), berlin());
    m_chart->setSeries(makeSeries(VolumePeriod::Today, now, berlin(), someTraffic));
    auto *view = m_chart->findChild<QGraphicsView *>(QStringLiteral("chartView"));
    ASSERT_NE(view, nullptr);
    // Qt sends the viewport a ToolTip event once the pointer has rested a moment.
    int restEvents = 0;
    class Counter : public QObject
    {
    public:
        explicit Counter(int *count)
            : m_count(count)
        {
        }
        bool eventFilter(QObject * /*watched*/, QEvent *event) override
        {
            *m_count += event->type() == QEvent::ToolTip ? 1 : 0;
            return false;
        }

    private:
        int *m_count;
    } counter(&restEvents);
    view->viewport()->installEventFilter(&counter);
    QTest::mouseMove(m_chart.get(), m_chart->bucketPosition(14));
    QTRY_VERIFY(QToolTip::isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(restEvents > 0, 5000);
    // What is at stake is a duration: Qt would hide the tip some 300 ms after that event, so
    // a whole second passes on purpose (ending early if the tip goes).
    EXPECT_FALSE(QTest::qWaitFor([] { return !QToolTip::isVisible(); }, 1000));
    EXPECT_TRUE(QToolTip::isVisible());
    EXPECT_TRUE(QToolTip::text().contains(QStringLiteral("14:00–15:00")))
        << QToolTip::text().toStdString();
    view->viewport()->removeEventFilter(&counter);
}

TEST_F(VolumeChartTest, ReplacingTheSeriesDeletesTheOldLines)
{
    m_chart->setShowsActionLines(true);
    const VolumeSeries series
        = makeSeries(VolumePeriod::ThirtyDays, lateOnTheLongDay(), berlin(), [](int i) {
              ActionCounts counts;
              for (int a = 0; a < 12; ++a) {
                  counts.insert(QStringLiteral("action%1").arg(a), (i * (a + 3)) % 97 + a);
              }
              return counts;
          });
    m_chart->setSeries(series);
    const qsizetype lines = m_chart->chart()->series().size();
    const QPointer<QAbstractSeries> old = m_chart->chart()->series().first();
    // How long a replacement takes is measured by bench_gui_stall (the chart periods).
    for (int i = 0; i < 20; ++i) {
        m_chart->setSeries(series);
    }
    QTRY_VERIFY(old.isNull());
    EXPECT_EQ(m_chart->chart()->series().size(), lines);
}

TEST_F(VolumeChartTest, ActionNamesInTheLegendAreShownAsWritten)
{
    const QString odd = QStringLiteral("<i>create</i>&bank");
    m_chart->setShowsActionLines(true);
    m_chart->setSeries(makeSeries(VolumePeriod::Today, lateOnTheLongDay(), berlin(), [&](int i) {
        return ActionCounts { { odd, i + 1 }, { QStringLiteral("recall"), 1 } };
    }));
    auto *view = m_chart->findChild<QGraphicsView *>(QStringLiteral("chartView"));
    const QList<QGraphicsItem *> items = view->scene()->items();
    EXPECT_TRUE(std::any_of(items.begin(), items.end(), [&](QGraphicsItem *item) {
        auto *text = dynamic_cast<QGraphicsTextItem *>(item);
        return text && text->isVisible() && text->toPlainText() == odd;
    }));
    EXPECT_TRUE(m_chart->bucketToolTip(0).contains(odd.toHtmlEscaped()));
}

TEST_F(VolumeChartTest, ADarkPaletteGetsTheDarkChartTheme)
{
    m_chart->setSeries(makeSeries(VolumePeriod::Today, lateOnTheLongDay(), berlin(), someTraffic));
    EXPECT_EQ(m_chart->chart()->theme(), QChart::ChartThemeLight);
    QPalette dark = m_chart->palette();
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::Text, QColor(0xe0, 0xe0, 0xe0));
    m_chart->setPalette(dark);
    EXPECT_EQ(m_chart->chart()->theme(), QChart::ChartThemeDark);
    EXPECT_EQ(m_chart->chart()->backgroundBrush().color(), QColor(0x1e, 0x1e, 0x1e));
    // The lines are drawn again in the new colours.
    EXPECT_NE(lineNamed(m_chart->chart(), QStringLiteral("Total")), nullptr);
    EXPECT_EQ(m_chart->peakBucket(), 24);
}

TEST_F(VolumeChartTest, TheFirstLoadIsAnnouncedInTheMiddleAndARetryAfterAnErrorInTheCorner)
{
    auto *badge = m_chart->findChild<QFrame *>(QStringLiteral("chartBusy"));
    m_chart->setBusy(true);
    EXPECT_EQ(m_chart->placeholderText(), QStringLiteral("Loading…"));
    EXPECT_FALSE(badge->isVisible());
    m_chart->setBusy(false);
    m_chart->showError(QStringLiteral("connection refused"));
    m_chart->setBusy(true);
    EXPECT_EQ(m_chart->placeholderText(), QStringLiteral("connection refused"));
    EXPECT_TRUE(badge->isVisible());
    m_chart->setSeries(makeSeries(VolumePeriod::Today, lateOnTheLongDay(), berlin(), someTraffic));
    EXPECT_TRUE(m_chart->placeholderText().isEmpty());
    EXPECT_FALSE(badge->isVisible());
}

TEST_F(VolumeChartTest, TheOpenLastBucketIsShadedAndItsTooltipSaysSoFar)
{
    const QDateTime now(QDate(2026, 10, 27), QTime(16, 30), berlin());
    m_chart->setSeries(makeSeries(VolumePeriod::Today, now, berlin(), [](int i) {
        return ActionCounts { { QStringLiteral("recall"), i == 16 ? 3 : 1000 } };
    }));
    auto *plot = qobject_cast<VolumeChartPlot *>(m_chart->chart());
    ASSERT_NE(plot, nullptr);
    const QGraphicsRectItem *band = plot->openBucketBand();
    ASSERT_NE(band, nullptr);
    // From the last closed bucket (15:00) to the open one (16:00), the plot's full height.
    EXPECT_NEAR(band->rect().left(), plot->bucketPoint(15).x(), 0.5);
    EXPECT_NEAR(band->rect().right(), plot->bucketPoint(16).x(), 0.5);
    EXPECT_NEAR(band->rect().height(), plot->currentPlotArea().height(), 0.5);

    QTest::mouseMove(m_chart.get(), m_chart->bucketPosition(16));
    QTRY_VERIFY(QToolTip::isVisible());
    EXPECT_TRUE(QToolTip::text().contains(QStringLiteral("(so far)")))
        << QToolTip::text().toStdString();
    QTest::mouseMove(m_chart.get(), m_chart->bucketPosition(14));
    QTRY_VERIFY(QToolTip::isVisible() && !QToolTip::text().contains(QStringLiteral("(so far)")));

    m_chart->setSeries(
        makeSeries(VolumePeriod::Today, now, berlin(), [](int) { return ActionCounts {}; }));
    EXPECT_EQ(plot->openBucketBand(), nullptr);
}
