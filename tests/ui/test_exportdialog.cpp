#include "exportdialog.h"
#include "testconnection.h"
#include "testdatabase.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

namespace {

class ExportDialogTest : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        ASSERT_NO_FATAL_FAILURE(createSeededAuditSchema(QStringLiteral("exp_ui"),
            QStringLiteral(
                "INSERT INTO exp_ui.audit_log (action, transport, started_at, ended_at, request, "
                "response) "
                "SELECT (ARRAY['retain','recall'])[1 + g % 2], 'http', now() - g * interval '1 "
                "minute', now() - g * interval '1 minute' + interval '5 ms', "
                " jsonb_build_object('n', g), '{}' FROM generate_series(1, 3000) g")));
    }

    void SetUp() override
    {
        m_settings = testConnectionSettings(QStringLiteral("exp_ui"));
        ASSERT_TRUE(m_dir.isValid());
    }

    static QPushButton *exportButton(ExportDialog &dialog)
    {
        for (QPushButton *button : dialog.findChildren<QPushButton *>()) {
            if (button->text() == QLatin1String("Export")) {
                return button;
            }
        }
        return nullptr;
    }

    ConnectionSettings m_settings;
    QTemporaryDir m_dir;
    TestDatabase m_admin;
};

} // namespace

TEST_F(ExportDialogTest, ExportsTheFilteredRowsToTheChosenFile)
{
    AuditFilter recall;
    recall.actions = { QStringLiteral("recall") };
    ExportDialog dialog(m_settings, recall, SortOrder::NewestFirst, 1500);
    dialog.show();
    const QString path = m_dir.filePath(QStringLiteral("recall.csv"));
    dialog.setPath(path);
    QSignalSpy finished(&dialog, &ExportDialog::finished);
    QPushButton *button = exportButton(dialog);
    ASSERT_NE(button, nullptr);
    QTest::mouseClick(button, Qt::LeftButton);
    ASSERT_TRUE(finished.wait(15000)) << dialog.statusText().toStdString();
    EXPECT_EQ(finished.at(0).at(0).toLongLong(), 1500);
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    EXPECT_EQ(lines.size(), 1502); // header, 1,500 rows, final newline
    EXPECT_TRUE(lines[1].contains(",recall,"));
    EXPECT_TRUE(dialog.statusText().startsWith(QLatin1String("Wrote 1,500 entries")))
        << dialog.statusText().toStdString();
}

TEST_F(ExportDialogTest, CancelWhileRunningLeavesNoFile)
{
    ExportDialog dialog(m_settings, AuditFilter(), SortOrder::NewestFirst, 3000);
    dialog.show();
    const QString path = m_dir.filePath(QStringLiteral("cancelled.jsonl"));
    dialog.setPath(path);
    // Another session holds a lock the export must wait for: it runs until cancelled.
    TestDatabase locker;
    ASSERT_TRUE(locker.exec(
        QStringLiteral("BEGIN; LOCK TABLE exp_ui.audit_log IN ACCESS EXCLUSIVE MODE;")));
    QSignalSpy failed(&dialog, &ExportDialog::failed);
    dialog.start();
    ASSERT_TRUE(dialog.isRunning());
    ASSERT_TRUE(waitForLockWaiters(m_settings.table())) << "the export never reached the server";
    dialog.reject(); // Cancel
    ASSERT_TRUE(failed.wait(5000));
    EXPECT_FALSE(dialog.isRunning());
    EXPECT_EQ(dialog.statusText().toStdString(), "Export cancelled; no file was written.");
    EXPECT_FALSE(QFile::exists(path));
    EXPECT_TRUE(dialog.isVisible()); // the first Cancel stops the export, not the dialog
    ASSERT_TRUE(locker.exec(QStringLiteral("COMMIT")));
}

TEST_F(ExportDialogTest, AnUnwritablePathIsOneSentenceAndTheDialogStays)
{
    ExportDialog dialog(m_settings, AuditFilter(), SortOrder::NewestFirst, std::nullopt);
    dialog.show();
    dialog.setPath(QStringLiteral("/nonexistent/folder/audit.csv"));
    QSignalSpy failed(&dialog, &ExportDialog::failed);
    dialog.start();
    ASSERT_TRUE(failed.wait(10000));
    EXPECT_TRUE(dialog.statusText().startsWith(
        QLatin1String("Could not write /nonexistent/folder/audit.csv")))
        << dialog.statusText().toStdString();
    EXPECT_TRUE(dialog.isVisible());
    EXPECT_FALSE(dialog.isRunning());
}

TEST_F(ExportDialogTest, EnterExportsAndOpenFolderAppearsOnlyAfterwards)
{
    ExportDialog dialog(m_settings, AuditFilter {}, SortOrder::NewestFirst, 3000);
    dialog.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&dialog));
    QPushButton *openFolder = nullptr;
    for (QPushButton *button : dialog.findChildren<QPushButton *>()) {
        if (button->text() == QLatin1String("Open folder")) {
            openFolder = button;
        }
        // Only Export may take Enter: Browse… must not be a default button.
        EXPECT_EQ(button->isDefault(), button == exportButton(dialog))
            << button->text().toStdString();
    }
    ASSERT_NE(openFolder, nullptr);
    EXPECT_FALSE(openFolder->isVisible());

    const QString path = m_dir.filePath(QStringLiteral("enter.csv"));
    dialog.setPath(path);
    QSignalSpy finished(&dialog, &ExportDialog::finished);
    auto *field = dialog.findChild<QLineEdit *>();
    ASSERT_NE(field, nullptr);
    field->setFocus();
    QTest::keyClick(field, Qt::Key_Return);
    ASSERT_TRUE(finished.wait(15000)) << dialog.statusText().toStdString();
    EXPECT_TRUE(QFile::exists(path));
    EXPECT_TRUE(openFolder->isVisible());
}
