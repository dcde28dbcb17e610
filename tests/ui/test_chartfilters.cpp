#include "chartpanel.h"
#include "filterbar.h"
#include "mainwindow.h"
#include "testconnection.h"
#include "testdatabase.h"
#include "volumechart.h"

#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

namespace {

// The chart beside SQL while the table's filter changes and is reset: closed buckets are
// cached, and a cache entry counted for one filter must never be shown for another.
// 3,000 rows in schema "chartf", one every 3 min 7 s back from now over six and a half days,
// each taking 0 to 10 whole seconds.
class ChartFilterTest : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        ASSERT_NO_FATAL_FAILURE(createSeededAuditSchema(QStringLiteral("chartf"),
            QStringLiteral(
                "INSERT INTO chartf.audit_log (action, transport, bank_id, started_at, ended_at, "
                "response) "
                "SELECT (ARRAY['retain','recall','reflect','consolidation'])[1 + g % 4], 'http', "
                "'bank-' || (g % 3), s, s + (g % 11) * interval '1 second', '{}' "
                "FROM generate_series(1, 3000) g, "
                "LATERAL (SELECT now() - g * interval '3 minutes 7 seconds' AS s) t;"
                "ANALYZE chartf.audit_log;")));
    }

    void SetUp() override
    {
        QSettings().clear();
        m_settings = testConnectionSettings(QStringLiteral("chartf"));
        m_window = std::make_unique<MainWindow>();
        m_window->resize(1200, 900);
        m_window->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(m_window.get()));
    }

    VolumeChart *chart() const { return m_window->chartPanel()->chart(); }

    // Runs `act` and waits until the chart shows a series for the table's filter after it.
    [[nodiscard]] bool chartAfter(const std::function<void()> &act)
    {
        QSignalSpy charted(m_window->chartPanel(), &ChartPanel::seriesShown);
        act();
        return charted.wait(15000);
    }

    // Every bucket of the series on screen against SQL's count of the rows `where` selects.
    void expectBucketsAsSql(const QString &where, const char *step)
    {
        const VolumeSeries &series = chart()->series();
        ASSERT_FALSE(series.buckets.isEmpty()) << step;
        for (qsizetype i = 0; i < series.buckets.size(); ++i) {
            const VolumeBucket &bucket = series.buckets.at(i);
            const AuditTimestamp end
                = i + 1 < series.buckets.size() ? series.buckets.at(i + 1).start : series.range.to;
            const QStringList rows = m_admin.column(
                QStringLiteral("SELECT action || '=' || count(*) FROM chartf.audit_log "
                               "WHERE started_at >= '%1' AND started_at < '%2' AND (%3) "
                               "GROUP BY action ORDER BY action")
                    .arg(bucket.start.toIsoUtc(), end.toIsoUtc(), where));
            QStringList shown;
            for (auto it = bucket.actions.cbegin(); it != bucket.actions.cend(); ++it) {
                if (it.value() > 0) {
                    shown.append(it.key() + QLatin1Char('=') + QString::number(it.value()));
                }
            }
            qint64 sqlTotal = 0;
            for (const QString &row : rows) {
                sqlTotal += row.section(QLatin1Char('='), 1).toLongLong();
            }
            EXPECT_EQ(bucket.total, sqlTotal)
                << step << ", bucket from " << bucket.start.toIsoUtc().toStdString();
            EXPECT_EQ(shown.join(QLatin1Char(' ')).toStdString(),
                rows.join(QLatin1Char(' ')).toStdString())
                << step << ", bucket from " << bucket.start.toIsoUtc().toStdString();
        }
    }

    TestDatabase m_admin;
    ConnectionSettings m_settings;
    std::unique_ptr<MainWindow> m_window;
};

} // namespace

TEST_F(ChartFilterTest, SlowerThanAndResetShowWhatSqlCountsInEveryPeriod)
{
    ASSERT_TRUE(chartAfter([&] { m_window->connectTo(m_settings); }));
    auto *minDuration
        = m_window->filterBar()->findChild<QLineEdit *>(QStringLiteral("minDurationEdit"));
    auto *reset = m_window->filterBar()->findChild<QPushButton *>(QStringLiteral("resetButton"));
    ASSERT_TRUE(minDuration && reset);

    const QString all = QStringLiteral("TRUE");
    const QString slow = QStringLiteral("ended_at - started_at >= interval '5 seconds'");
    for (const VolumePeriod period :
        { VolumePeriod::SevenDays, VolumePeriod::Today, VolumePeriod::ThirtyDays }) {
        const std::string name = volumePeriodName(period).toStdString();
        SCOPED_TRACE(name);
        if (chart()->series().range.period != period) {
            ASSERT_TRUE(chartAfter([&] { chart()->setPeriod(period); }));
        }
        expectBucketsAsSql(all, "unfiltered");

        ASSERT_TRUE(chartAfter([&] {
            minDuration->clear();
            QTest::keyClicks(minDuration, QStringLiteral("5s"));
            QTest::keyClick(minDuration, Qt::Key_Return);
        }));
        ASSERT_EQ(m_window->chartPanel()->chartFilter().minDurationMicros, 5000000);
        expectBucketsAsSql(slow, "slower than 5s");

        // A refresh must not store the filtered counts under the plain chart's key.
        ASSERT_TRUE(chartAfter([&] { m_window->chartPanel()->reload(); }));
        expectBucketsAsSql(slow, "slower than 5s, refreshed");

        ASSERT_TRUE(chartAfter([&] { QTest::mouseClick(reset, Qt::LeftButton); }));
        ASSERT_FALSE(m_window->chartPanel()->chartFilter().minDurationMicros);
        expectBucketsAsSql(all, "after Reset");
    }
}
