#include "audittablemodel.h"
#include "errorbanner.h"
#include "mainwindow.h"
#include "screenshot.h"
#include "testconnection.h"
#include "testdatabase.h"

#include <QComboBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

#include <memory>

namespace {

// A database without the audit table in the schema asked for: the window lists the
// schemas that hold one (with their estimated rows) and opens the one the operator picks;
// with none anywhere it says that Hindsight creates the table. The audit tables here are
// named "pick_log", so that the audit_log tables of other tests stay out of the list.
class SchemaChoiceTest : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        TestDatabase admin;
        ASSERT_TRUE(admin.isOpen()) << admin.error().toStdString();
        for (const char *schema : { "pick_a", "pick_b" }) {
            ASSERT_TRUE(admin.createAuditSchema(QString::fromLatin1(schema)))
                << admin.error().toStdString();
        }
        ASSERT_TRUE(admin.exec(
            QStringLiteral("ALTER TABLE pick_a.audit_log RENAME TO pick_log;"
                           "ALTER TABLE pick_b.audit_log RENAME TO pick_log;"
                           "INSERT INTO pick_a.pick_log (action, transport, started_at, ended_at)"
                           " SELECT 'recall', 'http', now() - n * interval '1 minute', now()"
                           " FROM generate_series(1, 3) n;"
                           "INSERT INTO pick_b.pick_log (action, transport, started_at, ended_at)"
                           " SELECT 'retain', 'mcp', now() - n * interval '1 minute', now()"
                           " FROM generate_series(1, 7) n;"
                           "ANALYZE pick_a.pick_log; ANALYZE pick_b.pick_log;"
                           "DROP SCHEMA IF EXISTS pick_foreign CASCADE; CREATE SCHEMA pick_foreign;"
                           "CREATE TABLE pick_foreign.pick_log (id int, note text);")))
            << admin.error().toStdString();
    }

    static void TearDownTestSuite()
    {
        TestDatabase admin;
        EXPECT_TRUE(admin.exec(
            QStringLiteral("DROP SCHEMA IF EXISTS pick_a, pick_b, pick_foreign CASCADE")))
            << admin.error().toStdString();
    }

    // Connects the window to `schema`.`table` and waits until the banner speaks.
    std::unique_ptr<MainWindow> openWindow(const QString &schema, const QString &table)
    {
        ConnectionSettings connection = testConnectionSettings(AuditTableRef { schema, table });
        auto window = std::make_unique<MainWindow>();
        window->show();
        window->connectTo(connection);
        EXPECT_TRUE(QTest::qWaitFor(
            [&window] { return !window->errorBanner()->message().isEmpty(); }, 15000));
        return window;
    }

    template <typename T> static T *child(MainWindow *window, const char *name)
    {
        // The audit log's banner: the LLM calls tab has one of its own.
        T *widget = window->errorBanner()->findChild<T *>(QString::fromLatin1(name));
        EXPECT_NE(widget, nullptr) << name;
        return widget;
    }
};

} // namespace

TEST_F(SchemaChoiceTest, AMissingTableOffersTheSchemasHoldingOneAndOpensThePickedOne)
{
    auto window = openWindow(QStringLiteral("public"), QStringLiteral("pick_log"));
    auto *choice = child<QComboBox>(window.get(), "schemaChoice");
    ASSERT_NE(choice, nullptr);
    // The schemas arrive after the connection error, from a catalog query on the worker.
    ASSERT_TRUE(QTest::qWaitFor([choice] { return choice->isVisible(); }, 15000))
        << window->errorBanner()->message().toStdString();
    saveScreenshot(*window, QStringLiteral("schema-choice.png"));

    const QString message = window->errorBanner()->message();
    EXPECT_TRUE(message.contains(QStringLiteral("public.pick_log does not exist")))
        << message.toStdString();
    EXPECT_TRUE(message.contains(QStringLiteral("3 schemas"))) << message.toStdString();
    ASSERT_EQ(choice->count(), 3);
    EXPECT_EQ(choice->itemText(0), QStringLiteral("pick_a — about 3 rows"));
    EXPECT_EQ(choice->itemText(1), QStringLiteral("pick_b — about 7 rows"));
    EXPECT_TRUE(choice->itemText(2).startsWith(QStringLiteral("pick_foreign")));

    QSignalSpy shown(window.get(), &MainWindow::pageShown);
    choice->setCurrentIndex(1);
    QTest::mouseClick(child<QPushButton>(window.get(), "openSchema"), Qt::LeftButton);
    ASSERT_TRUE(shown.wait(15000)) << window->errorBanner()->message().toStdString();
    EXPECT_TRUE(window->windowTitle().contains(QStringLiteral("pick_b.pick_log")))
        << window->windowTitle().toStdString();
    EXPECT_EQ(window->tableModel()->rowCount(), 7);
    EXPECT_TRUE(window->errorBanner()->message().isEmpty());
}

TEST_F(SchemaChoiceTest, ADatabaseWithoutTheTableSaysHindsightCreatesIt)
{
    auto window = openWindow(QStringLiteral("public"), QStringLiteral("pick_nowhere_log"));
    ASSERT_TRUE(QTest::qWaitFor(
        [&window] {
            return window->errorBanner()->message().contains(QStringLiteral("in any schema"));
        },
        15000))
        << window->errorBanner()->message().toStdString();
    saveScreenshot(*window, QStringLiteral("schema-none.png"));
    const QString message = window->errorBanner()->message();
    EXPECT_TRUE(message.contains(QStringLiteral("no table pick_nowhere_log in any schema")))
        << message.toStdString();
    EXPECT_TRUE(message.contains(QStringLiteral("Hindsight creates")));
    EXPECT_FALSE(child<QComboBox>(window.get(), "schemaChoice")->isVisible());
}

TEST_F(SchemaChoiceTest, ATableWithoutHindsightsColumnsSaysWhichAreMissing)
{
    auto window = openWindow(QStringLiteral("pick_foreign"), QStringLiteral("pick_log"));
    const QString message = window->errorBanner()->message();
    EXPECT_TRUE(
        message.contains(QStringLiteral("pick_foreign.pick_log is not Hindsight's audit table")))
        << message.toStdString();
    EXPECT_TRUE(message.contains(QStringLiteral("no column action")));
    EXPECT_FALSE(child<QComboBox>(window.get(), "schemaChoice")->isVisible());
}
