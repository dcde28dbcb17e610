#include "audittablemodel.h"
#include "exportdialog.h"
#include "llmchart.h"
#include "llmfilterbar.h"
#include "llmpageloader.h"
#include "llmruntablemodel.h"
#include "llmtablemodel.h"
#include "llmview.h"
#include "mainwindow.h"
#include "paginationbar.h"
#include "testconnection.h"
#include "testdatabase.h"
#include "theme.h"
#include "volumechartplot.h"
#include "volumechartview.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QAreaSeries>
#include <QFile>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <gtest/gtest.h>

#include <memory>
#include <ostream>

namespace {

constexpr int kWait = 20000;

// 250 calls over the last three days in 50 runs of five: three operations and models, one
// call in ten failed (its error quoting an API key), one in thirteen without token counts.
QString llmSeed(const QString &schema)
{
    return QStringLiteral(
        "INSERT INTO \"%1\".llm_requests (bank_id, operation, scope, trace_id, span_id,"
        " provider, model, status, started_at, ended_at, duration_ms, input_tokens,"
        " output_tokens, cached_tokens, total_tokens, input, output, error, metadata)"
        " SELECT 'bank-' || (i / 5) % 2,"
        " (ARRAY['retain','reflect','consolidation'])[1 + (i / 5) % 3],"
        " 'scope_' || i % 4, 'trace-' || i / 5, 'span-' || i,"
        " (ARRAY['openai','anthropic'])[1 + i % 2],"
        " (ARRAY['gpt-4o','claude-sonnet','gpt-4o-mini'])[1 + i % 3],"
        " CASE WHEN i % 10 = 0 THEN 'error' ELSE 'success' END,"
        " t, t + (100 + i * 7) * interval '1 millisecond', 100 + i * 7,"
        " CASE WHEN i % 13 = 0 THEN NULL ELSE 1000 + i END,"
        " CASE WHEN i % 13 = 0 THEN NULL ELSE 100 + i END,"
        " CASE WHEN i % 13 = 0 THEN NULL ELSE i END,"
        " CASE WHEN i % 13 = 0 THEN NULL ELSE 1100 + 2 * i END,"
        " jsonb_build_array(jsonb_build_object('role', 'user', 'content', 'question ' || i)),"
        " to_jsonb('answer ' || i),"
        " CASE WHEN i % 10 = 0 THEN 'provider refused: {\"api_key\": \"sk-live-Qw3Er5Ty7Ui9\"}'"
        " END,"
        " jsonb_build_object('document_id', 'doc-' || i % 7)"
        " FROM generate_series(0, 249) i,"
        " LATERAL (SELECT date_trunc('second', now()) - i * interval '17 minutes'"
        " - (i % 7) * interval '1 microsecond' AS t) times")
        .arg(schema);
}

class LlmViewTest : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        ASSERT_NO_FATAL_FAILURE(createSeededAuditSchema(QStringLiteral("llm_view"),
            TestDatabase::llmTableDdl(QStringLiteral("llm_view"))
                + llmSeed(QStringLiteral("llm_view"))));
        ASSERT_NO_FATAL_FAILURE(createSeededAuditSchema(QStringLiteral("llm_view_empty"),
            TestDatabase::llmTableDdl(QStringLiteral("llm_view_empty"))));
        ASSERT_NO_FATAL_FAILURE(createSeededAuditSchema(QStringLiteral("llm_view_missing"),
            QStringLiteral("INSERT INTO llm_view_missing.audit_log (action, transport, "
                           "started_at, ended_at) VALUES ('recall', 'http', now(), now())")));
    }

    // A view on `schema`, once it has shown its state (and, with rows, its first page).
    std::unique_ptr<LlmView> openView(const QString &schema, bool waitForPage = true)
    {
        auto view = std::make_unique<LlmView>();
        view->resize(1400, 900);
        QSignalSpy state(view.get(), &LlmView::stateShown);
        QSignalSpy page(view.get(), &LlmView::pageShown);
        view->connectTo(testConnectionSettings(schema));
        EXPECT_TRUE(state.wait(kWait));
        if (waitForPage) {
            EXPECT_TRUE(page.count() > 0 || page.wait(kWait));
        }
        return view;
    }

    // A view on the seeded calls showing `filter`.
    std::unique_ptr<LlmView> openFiltered(const LlmFilter &filter)
    {
        auto view = openView(QStringLiteral("llm_view"));
        applyAndWait(*view, filter);
        return view;
    }

    static void applyAndWait(LlmView &view, const LlmFilter &filter)
    {
        QSignalSpy page(&view, &LlmView::pageShown);
        view.applyFilter(filter);
        ASSERT_TRUE(page.wait(kWait));
    }

    static qint64 sqlCount(const QString &where)
    {
        TestDatabase admin;
        return admin
            .scalar(QStringLiteral("SELECT count(*) FROM llm_view.llm_requests WHERE ") + where)
            .toLongLong();
    }

    // The ids shown, one per line (readable when a test fails).
    static std::string shownIds(const LlmView &view)
    {
        QStringList ids;
        for (const LlmCall &call : view.callModel()->calls()) {
            ids.append(call.id);
        }
        return ids.join(QLatin1Char('\n')).toStdString();
    }

    static std::string sqlIds(int offset, int limit)
    {
        TestDatabase admin;
        return admin
            .column(QStringLiteral("SELECT id::text FROM llm_view.llm_requests "
                                   "ORDER BY started_at DESC, id DESC OFFSET %1 LIMIT %2")
                        .arg(offset)
                        .arg(limit))
            .join(QLatin1Char('\n'))
            .toStdString();
    }
};

} // namespace

TEST_F(LlmViewTest, PagesKeysetWiseAndCountsTheEstimateThenExactly)
{
    auto view = openView(QStringLiteral("llm_view"));
    QAbstractItemModelTester tester(view->callModel());
    EXPECT_EQ(shownIds(*view), sqlIds(0, 100));
    QTRY_COMPARE_WITH_TIMEOUT(view->loader()->totalIsExact(), true, kWait);
    EXPECT_EQ(view->pagination()->positionText().toStdString(), "rows 1–100 of 250");

    QSignalSpy page(view.get(), &LlmView::pageShown);
    emit view->pagination()->nextRequested();
    ASSERT_TRUE(page.wait(kWait));
    EXPECT_EQ(shownIds(*view), sqlIds(100, 100));
    EXPECT_EQ(view->pagination()->positionText().toStdString(), "rows 101–200 of 250");

    emit view->pagination()->lastRequested();
    ASSERT_TRUE(page.wait(kWait));
    EXPECT_EQ(shownIds(*view), sqlIds(150, 100)); // the last full page
    EXPECT_EQ(view->pagination()->positionText().toStdString(), "rows 151–250 of 250");

    emit view->pagination()->previousRequested();
    ASSERT_TRUE(page.wait(kWait));
    EXPECT_EQ(shownIds(*view), sqlIds(50, 100));
    EXPECT_EQ(view->pagination()->positionText().toStdString(), "rows 51–150 of 250");
}

TEST_F(LlmViewTest, ShowsTokensGroupedMicrosecondsAndTheErrorMaskedAsText)
{
    auto view = openView(QStringLiteral("llm_view"));
    const LlmTableModel *model = view->callModel();
    int failedRow = -1;
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->callAt(row)->failed() && model->callAt(row)->inputTokens) {
            failedRow = row;
            break;
        }
    }
    ASSERT_GE(failedRow, 0);
    const LlmCall &call = *model->callAt(failedRow);
    EXPECT_EQ(model->index(failedRow, LlmTableModel::StatusColumn).data().toString(),
        QStringLiteral("error"));
    const QString error = model->index(failedRow, LlmTableModel::ErrorColumn).data().toString();
    EXPECT_TRUE(error.startsWith(QStringLiteral("provider refused"))) << error.toStdString();
    EXPECT_FALSE(error.contains(QStringLiteral("Qw3Er5Ty7Ui9"))) << error.toStdString();
    // 1000 + i input tokens: four digits, grouped.
    EXPECT_EQ(model->index(failedRow, LlmTableModel::InputTokensColumn).data().toString(),
        QLocale().toString(*call.inputTokens));
    EXPECT_TRUE(model->index(failedRow, LlmTableModel::InputTokensColumn)
                    .data()
                    .toString()
                    .contains(QLocale().groupSeparator()));
    EXPECT_EQ(model->index(failedRow, LlmTableModel::InputTokensColumn)
                  .data(Qt::TextAlignmentRole)
                  .toInt(),
        int(Qt::AlignRight | Qt::AlignVCenter));
    // The seed's times carry microseconds (i % 7); the cell shows all six digits.
    view->setUtc(true);
    const QString time = model->index(failedRow, LlmTableModel::TimeColumn).data().toString();
    EXPECT_EQ(time.toStdString(),
        call.startedAt.toDisplayString(QTimeZone::utc()).left(26).toStdString());
}

TEST_F(LlmViewTest, AFilterAndItsResetCountWhatSqlCounts)
{
    auto view = openView(QStringLiteral("llm_view"));
    LlmFilter filter;
    filter.operations = { QStringLiteral("reflect") };
    filter.statuses = { QStringLiteral("success") };
    filter.minDurationMs = 900;
    view->filterBar()->setFilter(filter);
    QSignalSpy page(view.get(), &LlmView::pageShown);
    emit view->filterBar()->filterApplied(view->filterBar()->filter());
    ASSERT_TRUE(page.wait(kWait));
    const qint64 expected = sqlCount(
        QStringLiteral("operation = 'reflect' AND status = 'success' AND duration_ms >= 900"));
    ASSERT_GT(expected, 0);
    EXPECT_EQ(view->callModel()->rowCount(), expected);
    for (const LlmCall &call : view->callModel()->calls()) {
        EXPECT_EQ(call.operation.value_or(QString()), QStringLiteral("reflect"));
    }
    QTRY_COMPARE_WITH_TIMEOUT(view->loader()->totalIsExact(), true, kWait);
    EXPECT_EQ(view->loader()->total(), expected);

    auto *reset = view->findChild<QPushButton *>(QStringLiteral("llmResetButton"));
    ASSERT_NE(reset, nullptr);
    QTest::mouseClick(reset, Qt::LeftButton);
    ASSERT_TRUE(page.wait(kWait));
    EXPECT_TRUE(view->filter().isEmpty());
    EXPECT_EQ(view->callModel()->rowCount(), 100);
    QTRY_COMPARE_WITH_TIMEOUT(view->loader()->total(), std::optional<qint64>(250), kWait);
}

TEST_F(LlmViewTest, AFilterMatchingNothingSaysSo)
{
    LlmFilter filter;
    filter.search = QStringLiteral("no call says this");
    auto view = openFiltered(filter);
    EXPECT_EQ(view->callModel()->rowCount(), 0);
    EXPECT_TRUE(view->emptyMessage().startsWith(QStringLiteral("No LLM calls match this filter")))
        << view->emptyMessage().toStdString();
    applyAndWait(*view, {});
    EXPECT_TRUE(view->emptyMessage().isEmpty());
}

// The chart counts what SQL counts, per bucket, also after the filter changed (a release of
// the audit chart once kept the counts of the filter before).
TEST_F(LlmViewTest, ChartCountsAgreeWithSqlAfterAFilterChange)
{
    auto view = openView(QStringLiteral("llm_view"));
    LlmChart *chart = view->chart();
    QSignalSpy shown(chart, &LlmChart::seriesShown);
    view->setUtc(true);
    chart->setPeriod(VolumePeriod::SevenDays);
    auto compare = [&](const QString &where) {
        TestDatabase admin;
        const LlmStatsSeries &stats = chart->stats();
        ASSERT_FALSE(stats.buckets.isEmpty());
        qint64 sum = 0;
        for (int i = 0; i < stats.buckets.size(); ++i) {
            const AuditTimestamp from = stats.range.bucketStarts.at(i);
            const AuditTimestamp until = i + 1 < stats.range.bucketStarts.size()
                ? stats.range.bucketStarts.at(i + 1)
                : stats.range.to;
            const QString inBucket
                = QStringLiteral("started_at >= '%1' AND started_at < '%2' AND (%3)")
                      .arg(from.toIsoUtc(), until.toIsoUtc(), where);
            EXPECT_EQ(stats.buckets.at(i).total.calls, sqlCount(inBucket)) << "bucket " << i;
            EXPECT_EQ(stats.buckets.at(i).total.tokens.input,
                admin
                    .scalar(QStringLiteral("SELECT coalesce(sum(input_tokens), 0) FROM "
                                           "llm_view.llm_requests WHERE ")
                        + inBucket)
                    .toLongLong())
                << "bucket " << i;
            sum += stats.buckets.at(i).total.calls;
        }
        // What is drawn is what was counted: calls by status stack up to the total.
        const VolumeSeries &drawn = chart->drawnSeries();
        ASSERT_EQ(drawn.buckets.size(), stats.buckets.size());
        for (int i = 0; i < drawn.buckets.size(); ++i) {
            EXPECT_EQ(drawn.buckets.at(i).total, stats.buckets.at(i).total.calls);
        }
        EXPECT_GT(sum, 0);
    };
    QTRY_VERIFY_WITH_TIMEOUT(chart->stats().range.period == VolumePeriod::SevenDays
            && chart->stats().zoneId == QStringLiteral("UTC")
            && !chart->view()->plot()->series().buckets.isEmpty(),
        kWait);
    ASSERT_EQ(chart->stats().total().calls, sqlCount(QStringLiteral("true")));
    compare(QStringLiteral("true"));

    // The exact case: one filter after an unfiltered chart.
    shown.clear();
    LlmFilter filter;
    filter.models = { QStringLiteral("gpt-4o") };
    view->applyFilter(filter);
    ASSERT_TRUE(shown.wait(kWait));
    compare(QStringLiteral("model = 'gpt-4o'"));

    // Failed calls are a band in the audit log's "failed" colour, not a series colour.
    QAreaSeries *errors = nullptr;
    const QList<QAbstractSeries *> drawnSeries = chart->view()->plot()->QChart::series();
    for (QAbstractSeries *series : drawnSeries) {
        if (series->name() == QStringLiteral("error")) {
            errors = qobject_cast<QAreaSeries *>(series);
        }
    }
    ASSERT_NE(errors, nullptr);
    EXPECT_EQ(errors->brush().color().rgb(), Theme::badge(QStringLiteral("failed")).rgb());

    shown.clear();
    filter.statuses = { QStringLiteral("error") };
    view->applyFilter(filter);
    ASSERT_TRUE(shown.wait(kWait));
    compare(QStringLiteral("model = 'gpt-4o' AND status = 'error'"));

    shown.clear();
    view->applyFilter({});
    ASSERT_TRUE(shown.wait(kWait));
    compare(QStringLiteral("true"));
}

TEST_F(LlmViewTest, TheTokenMetricStacksInputOutputAndCachedAndCanBeCumulative)
{
    LlmStatsSeries stats;
    for (int i = 0; i < 3; ++i) {
        LlmStatsBucket bucket;
        bucket.start = AuditTimestamp::fromUsecsSinceEpoch(i * 3'600'000'000LL);
        bucket.total.calls = i + 1;
        bucket.total.statuses = { { QStringLiteral("success"), i + 1 } };
        bucket.total.tokens = { 10 * (i + 1), 2 * (i + 1), i, 12 * (i + 1) };
        stats.buckets.append(bucket);
    }
    const VolumeSeries stacked
        = LlmChart::plotted(stats, LlmChart::Metric::Tokens, LlmChart::Breakdown::Stacked, false);
    // Cached tokens are part of the input: the stack adds up to input + output, the total.
    EXPECT_EQ(stacked.buckets.at(2).total, 36);
    EXPECT_EQ(stacked.buckets.at(2).actions.value(QStringLiteral("Input, not cached")), 28);
    EXPECT_EQ(stacked.buckets.at(2).actions.value(QStringLiteral("Cached input")), 2);
    EXPECT_EQ(stacked.buckets.at(2).actions.value(QStringLiteral("Output")), 6);
    const VolumeSeries total
        = LlmChart::plotted(stats, LlmChart::Metric::Tokens, LlmChart::Breakdown::Total, true);
    EXPECT_EQ(total.buckets.at(0).total, 12);
    EXPECT_EQ(total.buckets.at(2).total, 12 + 24 + 36);
    EXPECT_TRUE(total.buckets.at(2).actions.isEmpty());
}

TEST_F(LlmViewTest, ALegendEntryFiltersByItsOperationAndABucketDrillsDown)
{
    auto view = openView(QStringLiteral("llm_view"));
    LlmChart *chart = view->chart();
    QTRY_VERIFY_WITH_TIMEOUT(!chart->stats().buckets.isEmpty(), kWait);
    chart->setBreakdown(LlmChart::Breakdown::PerOperation);
    QSignalSpy page(view.get(), &LlmView::pageShown);
    emit chart->view()->plot()->groupClicked(QStringLiteral("consolidation"));
    ASSERT_TRUE(page.wait(kWait));
    EXPECT_EQ(view->filter().operations, QStringList { QStringLiteral("consolidation") });
    EXPECT_EQ(view->filterBar()->filter().operations, view->filter().operations);

    const int last = int(chart->stats().range.bucketStarts.size()) - 1;
    emit chart->view()->bucketClicked(last);
    ASSERT_TRUE(page.wait(kWait));
    EXPECT_EQ(view->filter().since, chart->stats().range.bucketStarts.at(last));
    EXPECT_EQ(view->filter().until, chart->stats().range.to);
    EXPECT_EQ(view->filter().operations, QStringList { QStringLiteral("consolidation") });
}

TEST_F(LlmViewTest, RunsModeListsOneRowPerRunAndOpensIt)
{
    auto view = openView(QStringLiteral("llm_view"));
    QSignalSpy runs(view.get(), &LlmView::runsShown);
    QTest::mouseClick(
        view->findChild<QToolButton *>(QStringLiteral("llmRunsMode")), Qt::LeftButton);
    ASSERT_TRUE(runs.wait(kWait));
    QAbstractItemModelTester tester(view->runModel());
    TestDatabase admin;
    EXPECT_EQ(view->runModel()->rowCount(),
        admin.scalar(QStringLiteral("SELECT count(DISTINCT trace_id) FROM llm_view.llm_requests"))
            .toInt());
    const LlmRun &first = *view->runModel()->runAt(0);
    ASSERT_TRUE(first.traceId.has_value());
    EXPECT_EQ(first.calls,
        admin
            .scalar(
                QStringLiteral("SELECT count(*) FROM llm_view.llm_requests WHERE trace_id = '%1'")
                    .arg(*first.traceId))
            .toLongLong());
    EXPECT_EQ(first.tokens.total,
        admin
            .scalar(QStringLiteral("SELECT coalesce(sum(total_tokens), 0) FROM "
                                   "llm_view.llm_requests WHERE trace_id = '%1'")
                        .arg(*first.traceId))
            .toLongLong());
    EXPECT_EQ(view->runModel()->index(0, LlmRunTableModel::CallsColumn).data().toString(),
        QString::number(first.calls));

    // A filter narrows the runs too.
    LlmFilter filter;
    filter.statuses = { QStringLiteral("error") };
    view->applyFilter(filter);
    ASSERT_TRUE(runs.wait(kWait));
    EXPECT_EQ(view->runModel()->rowCount(),
        admin
            .scalar(QStringLiteral("SELECT count(DISTINCT trace_id) FROM llm_view.llm_requests "
                                   "WHERE status = 'error'"))
            .toInt());

    QSignalSpy opened(view.get(), &LlmView::runActivated);
    emit view->runTable()->activated(view->runModel()->index(0, 0));
    ASSERT_EQ(opened.count(), 1);
    EXPECT_EQ(opened.at(0).at(0).value<LlmRun>().key, view->runModel()->runAt(0)->key);
}

TEST_F(LlmViewTest, ACallOpensThroughTheHook)
{
    auto view = openView(QStringLiteral("llm_view"));
    QSignalSpy opened(view.get(), &LlmView::callActivated);
    emit view->callTable()->activated(view->callModel()->index(3, 0));
    ASSERT_EQ(opened.count(), 1);
    EXPECT_EQ(opened.at(0).at(0).value<LlmCall>().id, view->callModel()->callAt(3)->id);
}

TEST_F(LlmViewTest, AnEmptyTableSaysTracingIsOffByDefaultAndHowToTurnItOn)
{
    auto view = openView(QStringLiteral("llm_view_empty"), false);
    EXPECT_EQ(view->state(), LlmLogState::Kind::Empty);
    const QString message = view->stateMessage();
    EXPECT_TRUE(message.contains(QStringLiteral("off by default"))) << message.toStdString();
    EXPECT_TRUE(message.contains(QStringLiteral("HINDSIGHT_API_LLM_TRACE_ENABLED=true")));
}

TEST_F(LlmViewTest, AMissingTableIsSaidAndTheAuditLogStillWorks)
{
    MainWindow window;
    QSignalSpy audit(&window, &MainWindow::pageShown);
    QSignalSpy state(window.llmView(), &LlmView::stateShown);
    window.connectTo(testConnectionSettings(QStringLiteral("llm_view_missing")));
    ASSERT_TRUE(state.wait(kWait));
    EXPECT_EQ(window.llmView()->state(), LlmLogState::Kind::Missing);
    EXPECT_TRUE(window.llmView()->stateMessage().contains(QStringLiteral("no llm_requests table")))
        << window.llmView()->stateMessage().toStdString();
    ASSERT_TRUE(audit.count() > 0 || audit.wait(kWait));
    EXPECT_EQ(window.tableModel()->rowCount(), 1);
}

TEST_F(LlmViewTest, ExportsExactlyTheFilteredCalls)
{
    LlmFilter filter;
    filter.statuses = { QStringLiteral("error") };
    auto view = openFiltered(filter);
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    ExportDialog *dialog = view->exportCalls();
    ASSERT_NE(dialog, nullptr);
    EXPECT_EQ(dialog->windowTitle(), QStringLiteral("Export LLM calls"));
    const QString path = dir.filePath(QStringLiteral("errors.csv"));
    dialog->setPath(path);
    QSignalSpy finished(dialog, &ExportDialog::finished);
    dialog->start();
    ASSERT_TRUE(finished.wait(kWait)) << dialog->statusText().toStdString();
    const qint64 expected = sqlCount(QStringLiteral("status = 'error'"));
    ASSERT_GT(expected, 0);
    EXPECT_EQ(finished.at(0).at(0).toLongLong(), expected);
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    EXPECT_EQ(text.count('\n'), expected + 1); // the header and a line per call
    EXPECT_FALSE(text.contains("Qw3Er5Ty7Ui9")) << "the export masks the error's API key";
    dialog->close();
}

TEST_F(LlmViewTest, LiveRefreshShowsANewCallAndCountsAgain)
{
    LlmFilter filter;
    filter.bank = QStringLiteral("live-bank");
    auto view = openFiltered(filter);
    EXPECT_EQ(view->callModel()->rowCount(), 0);
    TestDatabase admin;
    ASSERT_TRUE(admin.exec(QStringLiteral(
        "INSERT INTO llm_view.llm_requests (bank_id, operation, status, started_at, ended_at, "
        "duration_ms) VALUES ('live-bank', 'retain', 'success', now(), now(), 12)")));
    QSignalSpy page(view.get(), &LlmView::pageShown);
    view->setAutoRefreshSeconds(1);
    ASSERT_TRUE(page.wait(kWait));
    EXPECT_EQ(view->callModel()->rowCount(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(view->loader()->total(), std::optional<qint64>(1), kWait);
    view->setAutoRefreshSeconds(0);
    ASSERT_TRUE(admin.exec(
        QStringLiteral("DELETE FROM llm_view.llm_requests WHERE bank_id = 'live-bank'")));
}

// Reading many schemas, each call says its tenant, and "Only this tenant" filters by it.
TEST_F(LlmViewTest, ManyTenantsShowTheirSchemaAndOneCanBeChosen)
{
    for (const QString &schema :
        { QStringLiteral("llm_tenant_a"), QStringLiteral("llm_tenant_b") }) {
        ASSERT_NO_FATAL_FAILURE(createSeededAuditSchema(schema,
            TestDatabase::llmTableDdl(schema)
                + QStringLiteral(
                    "INSERT INTO \"%1\".llm_requests (bank_id, operation, status, started_at) "
                    "SELECT 'b', 'retain', 'success', now() - i * interval '1 minute' "
                    "FROM generate_series(1, %2) i")
                      .arg(schema)
                      .arg(schema.endsWith(QLatin1Char('a')) ? 3 : 4)));
    }
    AuditTableRef tenants;
    tenants.schemaPattern = QStringLiteral("llm\\_tenant\\_%");
    auto view = std::make_unique<LlmView>();
    view->setShowsTenants(true);
    QSignalSpy page(view.get(), &LlmView::pageShown);
    view->connectTo(testConnectionSettings(tenants));
    ASSERT_TRUE(page.wait(kWait));
    EXPECT_EQ(view->callModel()->rowCount(), 7);
    EXPECT_FALSE(view->callTable()->isColumnHidden(LlmTableModel::TenantColumn));

    const int row = [&] {
        for (int r = 0; r < view->callModel()->rowCount(); ++r) {
            if (view->callModel()->callAt(r)->schema == QStringLiteral("llm_tenant_b")) {
                return r;
            }
        }
        return -1;
    }();
    ASSERT_GE(row, 0);
    view->callTable()->setCurrentIndex(view->callModel()->index(row, 0));
    auto *only = view->findChild<QAction *>(QStringLiteral("llmTenantFilterAction"));
    ASSERT_NE(only, nullptr);
    EXPECT_TRUE(only->isVisible());
    only->trigger();
    ASSERT_TRUE(page.wait(kWait));
    EXPECT_EQ(view->filter().schemas, QStringList { QStringLiteral("llm_tenant_b") });
    EXPECT_EQ(view->callModel()->rowCount(), 4);
    QTRY_COMPARE_WITH_TIMEOUT(view->loader()->total(), std::optional<qint64>(4), kWait);
}

// File → Export… and F5 act on the tab shown.
TEST_F(LlmViewTest, OnTheLlmTabExportAndRefreshTakeTheLlmCalls)
{
    MainWindow window;
    QSignalSpy audit(&window, &MainWindow::pageShown);
    QSignalSpy calls(window.llmView(), &LlmView::pageShown);
    window.connectTo(testConnectionSettings(QStringLiteral("llm_view")));
    ASSERT_TRUE(calls.wait(kWait));
    ASSERT_TRUE(audit.count() > 0 || audit.wait(kWait));
    window.logTabs()->setCurrentIndex(1);
    ExportDialog *dialog = window.exportEntries();
    ASSERT_NE(dialog, nullptr);
    EXPECT_EQ(dialog->windowTitle(), QStringLiteral("Export LLM calls"));
    dialog->close();

    calls.clear();
    audit.clear();
    window.refresh();
    ASSERT_TRUE(calls.wait(kWait));
    EXPECT_EQ(audit.count(), 0);
}

namespace {

// The tab's hooks lead to the same windows as an audit entry's runs: a call opens the call
// window, a run its waterfall.
TEST_F(LlmViewTest, InTheWindowACallAndARunOpenTheirWindows)
{
    MainWindow window;
    QSignalSpy calls(window.llmView(), &LlmView::pageShown);
    window.connectTo(testConnectionSettings(QStringLiteral("llm_view")));
    ASSERT_TRUE(calls.wait(kWait));
    const auto open = [] {
        QStringList names;
        for (QWidget *widget : QApplication::topLevelWidgets()) {
            if (widget->isVisible()) {
                names.append(QString::fromLatin1(widget->metaObject()->className()));
            }
        }
        return names;
    };
    ASSERT_FALSE(open().contains(QStringLiteral("LlmCallDialog")));
    emit window.llmView()->callTable()->activated(window.llmView()->callModel()->index(0, 0));
    EXPECT_TRUE(open().contains(QStringLiteral("LlmCallDialog")));
    const LlmCall &call = *window.llmView()->callModel()->callAt(0);
    LlmRun run;
    run.key = call.runKey();
    run.bankId = call.bankId;
    run.traceId = call.traceId;
    run.schema = call.schema;
    emit window.llmView()->runActivated(run);
    EXPECT_TRUE(open().contains(QStringLiteral("LlmRunDialog")));
    for (QWidget *widget : QApplication::topLevelWidgets()) {
        if (widget != &window) {
            widget->close();
        }
    }
}

} // namespace
