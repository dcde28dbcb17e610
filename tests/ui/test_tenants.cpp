#include "audittablemodel.h"
#include "chartpanel.h"
#include "entrydetaildialog.h"
#include "errorbanner.h"
#include "filterbar.h"
#include "mainwindow.h"
#include "resultsview.h"
#include "screenshot.h"
#include "statuspanel.h"
#include "tenantlistmodel.h"
#include "tenantpicker.h"
#include "testconnection.h"
#include "testdatabase.h"
#include "volumechart.h"

#include <QAction>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>

namespace {

// Three tenant schemas read as one log. Their audit tables are named "tui_log" (no other test uses
// the name), so the audit_log tables of other tests stay out of "All tenants". tui_b holds a copy
// of one of tui_a's rows (a tenant copied from another keeps its ids) with another request.
class WindowTenantsTest : public ::testing::Test
{
protected:
    static constexpr const char *kTable = "tui_log";

    static void SetUpTestSuite()
    {
        TestDatabase admin;
        ASSERT_TRUE(admin.isOpen()) << admin.error().toStdString();
        for (const char *schema : { "tui_a", "tui_b", "tui_c" }) {
            ASSERT_TRUE(admin.createAuditSchema(QString::fromLatin1(schema)))
                << admin.error().toStdString();
            ASSERT_TRUE(admin.exec(QStringLiteral("ALTER TABLE %1.audit_log RENAME TO tui_log")
                                       .arg(QString::fromLatin1(schema))))
                << admin.error().toStdString();
        }
        ASSERT_TRUE(admin.exec(QStringLiteral(
            "INSERT INTO tui_a.tui_log (id, action, transport, started_at, ended_at, request)"
            " VALUES ('00000000-0000-4000-8000-00000000000a', 'recall', 'http',"
            "  now() - interval '1 minute', now(), '{\"from\": \"tui_a\"}');"
            "INSERT INTO tui_a.tui_log (action, transport, started_at, ended_at)"
            " SELECT 'recall', 'http', now() - n * interval '2 minute', now()"
            " FROM generate_series(1, 2) n;"
            "INSERT INTO tui_b.tui_log (id, action, transport, started_at, ended_at, request)"
            " VALUES ('00000000-0000-4000-8000-00000000000a', 'recall', 'http',"
            "  now() - interval '1 minute', now(), '{\"from\": \"tui_b\"}');"
            "INSERT INTO tui_b.tui_log (action, transport, started_at, ended_at)"
            " SELECT 'retain', 'mcp', now() - n * interval '3 minute', now()"
            " FROM generate_series(1, 4) n;"
            "INSERT INTO tui_c.tui_log (action, transport, started_at, ended_at)"
            " SELECT 'reflect', 'http', now() - n * interval '5 minute', now()"
            " FROM generate_series(1, 2) n;"
            "ANALYZE tui_a.tui_log; ANALYZE tui_b.tui_log; ANALYZE tui_c.tui_log;")))
            << admin.error().toStdString();
    }

    static void TearDownTestSuite()
    {
        TestDatabase admin;
        EXPECT_TRUE(admin.exec(QStringLiteral("DROP SCHEMA IF EXISTS tui_a, tui_b, tui_c CASCADE")))
            << admin.error().toStdString();
    }

    static AuditTableRef tenants(const QString &pattern)
    {
        AuditTableRef table;
        table.table = QString::fromLatin1(kTable);
        table.schemaPattern = pattern;
        return table;
    }

    // Independent SQL: the rows of every tenant table matching `where`.
    qint64 sqlCount(const QString &where = QStringLiteral("true"))
    {
        return m_admin
            .scalar(QStringLiteral("SELECT count(*) FROM (SELECT * FROM tui_a.tui_log"
                                   " UNION ALL SELECT * FROM tui_b.tui_log"
                                   " UNION ALL SELECT * FROM tui_c.tui_log) t WHERE %1")
                        .arg(where))
            .toLongLong();
    }

    std::unique_ptr<MainWindow> openWindow(const AuditTableRef &table)
    {
        auto window = std::make_unique<MainWindow>();
        window->resize(1300, 800);
        window->show();
        QSignalSpy shown(window.get(), &MainWindow::pageShown);
        window->connectTo(testConnectionSettings(table));
        EXPECT_TRUE(shown.wait(15000)) << window->errorBanner()->message().toStdString();
        return window;
    }

    // The exact count the status bar shows is `count` (formatted as the window does).
    static bool showsCount(MainWindow &window, qint64 count)
    {
        return QTest::qWaitFor(
            [&] {
                return window.statusPanel()->countText()
                    == QLocale().toString(count) + QStringLiteral(" entries");
            },
            15000);
    }

    // Each shown row as "schema/id".
    static QStringList shownRows(MainWindow &window)
    {
        QStringList rows;
        for (const AuditEntry &entry : window.tableModel()->entries()) {
            rows.append(entry.schema + QLatin1Char('/') + entry.id);
        }
        return rows;
    }

    TestDatabase m_admin;
};

} // namespace

TEST_F(WindowTenantsTest, AllTenantsShowEveryRowOnceWithItsTenant)
{
    auto window = openWindow(tenants(QStringLiteral("%")));
    AuditTableModel *model = window->tableModel();
    ASSERT_EQ(model->rowCount(), sqlCount());
    EXPECT_TRUE(showsCount(*window, sqlCount()))
        << window->statusPanel()->countText().toStdString();
    QStringList rows = shownRows(*window);
    rows.removeDuplicates();
    EXPECT_EQ(rows.size(), model->rowCount()) << rows.join(QLatin1Char(' ')).toStdString();
    // The copied id: twice, once per tenant, each row saying which.
    const QString copied = QStringLiteral("00000000-0000-4000-8000-00000000000a");
    EXPECT_TRUE(rows.contains(QStringLiteral("tui_a/") + copied));
    EXPECT_TRUE(rows.contains(QStringLiteral("tui_b/") + copied));
    for (int row = 0; row < model->rowCount(); ++row) {
        const AuditEntry &entry = model->entries().at(row);
        EXPECT_EQ(model->index(row, AuditTableModel::TenantColumn).data().toString(), entry.schema);
        const QString action = entry.schema == QLatin1String("tui_c") ? QStringLiteral("reflect")
            : entry.schema == QLatin1String("tui_b") && entry.id != copied
            ? QStringLiteral("retain")
            : QStringLiteral("recall");
        EXPECT_EQ(entry.action, action) << entry.schema.toStdString();
    }
    EXPECT_FALSE(
        window->resultsView()->horizontalHeader()->isSectionHidden(AuditTableModel::TenantColumn));
    saveScreenshot(*window, QStringLiteral("tenants-all.png"));
}

TEST_F(WindowTenantsTest, OneSchemaHidesTheTenantColumn)
{
    AuditTableRef table = tenants({});
    table.schema = QStringLiteral("tui_c");
    auto window = openWindow(table);
    EXPECT_EQ(window->tableModel()->rowCount(), 2);
    EXPECT_TRUE(
        window->resultsView()->horizontalHeader()->isSectionHidden(AuditTableModel::TenantColumn));
}

TEST_F(WindowTenantsTest, ThePickerListsTheSchemasAndAllTenantsShowsTheirUnion)
{
    AuditTableRef table = tenants({});
    table.schema = QStringLiteral("tui_b");
    auto window = openWindow(table);
    EXPECT_EQ(window->tableModel()->rowCount(), 5);
    TenantPicker *picker = window->tenantPicker();
    TenantListModel *choices = picker->model();
    ASSERT_TRUE(QTest::qWaitFor([&] { return choices->rowCount() == 4; }, 15000))
        << choices->rowCount();
    EXPECT_TRUE(
        QTest::qWaitFor([picker] { return picker->isVisible(); }, 5000)); // the toolbar lays out
    EXPECT_EQ(choices->index(0).data().toString(),
        QStringLiteral("All tenants (3 schemas, about 10 rows)"));
    EXPECT_EQ(choices->index(1).data().toString(), QStringLiteral("tui_a — about 3 rows"));
    EXPECT_EQ(choices->index(2).data().toString(), QStringLiteral("tui_b — about 5 rows"));
    EXPECT_EQ(choices->index(3).data().toString(), QStringLiteral("tui_c — about 2 rows"));
    EXPECT_EQ(picker->comboBox()->currentIndex(), 2); // what is read now

    // Typed and left without Enter: the field shows what is read again.
    window->activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(window.get()));
    QLineEdit *field = picker->comboBox()->lineEdit();
    field->setFocus();
    QTest::keyClicks(field, QStringLiteral("_x"));
    EXPECT_EQ(field->text(), QStringLiteral("tui_b_x"));
    window->resultsView()->setFocus();
    EXPECT_TRUE(QTest::qWaitFor([field] { return field->text() == QStringLiteral("tui_b"); }, 2000))
        << field->text().toStdString();

    picker->comboBox()->showPopup();
    saveScreenshot(*window, QStringLiteral("tenants-picker.png"));
    picker->comboBox()->hidePopup();

    QSignalSpy shown(window.get(), &MainWindow::pageShown);
    picker->comboBox()->setCurrentIndex(0);
    emit picker->comboBox()->activated(0);
    ASSERT_TRUE(shown.wait(15000)) << window->errorBanner()->message().toStdString();
    EXPECT_EQ(window->tableModel()->rowCount(), sqlCount());
    EXPECT_TRUE(showsCount(*window, sqlCount()));
    EXPECT_TRUE(window->windowTitle().contains(QStringLiteral("%.tui_log")))
        << window->windowTitle().toStdString();

    // A typed pattern reads the schemas it matches.
    picker->chooseText(QStringLiteral("tui\\_a%"));
    ASSERT_TRUE(shown.wait(15000)) << window->errorBanner()->message().toStdString();
    EXPECT_EQ(window->tableModel()->rowCount(),
        m_admin.scalar(QStringLiteral("SELECT count(*) FROM tui_a.tui_log")).toInt());
    EXPECT_TRUE(
        choices->index(1).data().toString().startsWith(QStringLiteral("Pattern tui\\_a% (")))
        << choices->index(1).data().toString().toStdString();
}

TEST_F(WindowTenantsTest, TheTenantFilterNarrowsTableAndCounts)
{
    auto window = openWindow(tenants(QStringLiteral("tui%")));
    ASSERT_TRUE(showsCount(*window, sqlCount()));
    ResultsView *view = window->resultsView();
    const int row = window->tableModel()->rowOf(
        QStringLiteral("00000000-0000-4000-8000-00000000000a"), QStringLiteral("tui_b"));
    ASSERT_GE(row, 0);
    view->setCurrentIndex(window->tableModel()->index(row, 0));
    auto *only = view->findChild<QAction *>(QStringLiteral("tenantFilterAction"));
    ASSERT_NE(only, nullptr);
    EXPECT_TRUE(only->isVisible());

    QSignalSpy shown(window.get(), &MainWindow::pageShown);
    only->trigger();
    ASSERT_TRUE(shown.wait(15000));
    EXPECT_EQ(window->filterBar()->filter().schemas, QStringList { QStringLiteral("tui_b") });
    EXPECT_EQ(window->tableModel()->rowCount(), 5);
    EXPECT_TRUE(showsCount(*window, 5)) << window->statusPanel()->countText().toStdString();
    auto *chip = window->filterBar()->findChild<QToolButton *>(QStringLiteral("tenantChip"));
    ASSERT_NE(chip, nullptr);
    EXPECT_TRUE(chip->isVisible());
    saveScreenshot(*window, QStringLiteral("tenants-filter.png"));

    QTest::mouseClick(chip, Qt::LeftButton);
    ASSERT_TRUE(shown.wait(15000));
    EXPECT_TRUE(showsCount(*window, sqlCount()));
    EXPECT_FALSE(chip->isVisible());
}

TEST_F(WindowTenantsTest, TheEntryWindowOpensTheRowOfItsTenant)
{
    auto window = openWindow(tenants(QStringLiteral("%")));
    const QString copied = QStringLiteral("00000000-0000-4000-8000-00000000000a");
    for (const QString &schema : { QStringLiteral("tui_b"), QStringLiteral("tui_a") }) {
        const int row = window->tableModel()->rowOf(copied, schema);
        ASSERT_GE(row, 0);
        window->resultsView()->setCurrentIndex(window->tableModel()->index(row, 0));
        QTest::keyClick(window->resultsView(), Qt::Key_Return);
        EntryDetailDialog *dialog = nullptr;
        ASSERT_TRUE(QTest::qWaitFor(
            [&] {
                const auto dialogs = window->findChildren<EntryDetailDialog *>();
                dialog = dialogs.isEmpty() ? nullptr : dialogs.constLast();
                return dialog && dialog->entrySchema() == schema;
            },
            10000));
        EXPECT_TRUE(dialog->entryJson().contains(QStringLiteral("\"from\": \"%1\"").arg(schema)))
            << dialog->entryJson().toStdString();
        auto *tenant = dialog->findChild<QLabel *>(QStringLiteral("tenant"));
        ASSERT_NE(tenant, nullptr);
        EXPECT_TRUE(tenant->text().contains(schema));
        dialog->close();
    }
}

TEST_F(WindowTenantsTest, TheChartCountsPerTenant)
{
    auto window = openWindow(tenants(QStringLiteral("%")));
    VolumeChart *chart = window->chartPanel()->chart();
    auto *perTenant = chart->findChild<QToolButton *>(QStringLiteral("perTenantButton"));
    ASSERT_NE(perTenant, nullptr);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !chart->isBusy(); }, 15000));
    EXPECT_TRUE(perTenant->isVisible());
    QSignalSpy charted(window->chartPanel(), &ChartPanel::seriesShown);
    perTenant->click();
    ASSERT_TRUE(charted.wait(15000));
    QMap<QString, qint64> perSchema;
    qint64 total = 0;
    for (const VolumeBucket &bucket : chart->series().buckets) {
        total += bucket.total;
        for (auto it = bucket.actions.cbegin(); it != bucket.actions.cend(); ++it) {
            perSchema[it.key()] += it.value();
        }
    }
    // The chart's period in the same SQL: from its first bucket on.
    const QString since
        = QStringLiteral("started_at >= '%1'").arg(chart->series().range.from.toIsoUtc());
    const auto today = [&](const QString &schema) {
        return m_admin
            .scalar(QStringLiteral("SELECT count(*) FROM %1.tui_log WHERE %2").arg(schema, since))
            .toLongLong();
    };
    EXPECT_EQ(perSchema.value(QStringLiteral("tui_a")), today(QStringLiteral("tui_a")));
    EXPECT_EQ(perSchema.value(QStringLiteral("tui_b")), today(QStringLiteral("tui_b")));
    EXPECT_EQ(perSchema.value(QStringLiteral("tui_c")), today(QStringLiteral("tui_c")));
    EXPECT_EQ(total, sqlCount(since));
    EXPECT_TRUE(perTenant->isChecked());
    // The busiest bucket's tooltip names the tenants.
    const auto buckets = chart->series().buckets;
    const auto busiest = std::max_element(buckets.cbegin(), buckets.cend(),
        [](const VolumeBucket &a, const VolumeBucket &b) { return a.total < b.total; });
    EXPECT_TRUE(
        chart->bucketToolTip(int(busiest - buckets.cbegin())).contains(QStringLiteral("tui_b")));
    saveScreenshot(*window, QStringLiteral("tenants-chart.png"));
}
