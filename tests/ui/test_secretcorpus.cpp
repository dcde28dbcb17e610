#include "audittablemodel.h"
#include "entrydetaildialog.h"
#include "jsonpane.h"
#include "jsontextview.h"
#include "mainwindow.h"
#include "resultsview.h"
#include "secretcorpus.h"
#include "testconnection.h"

#include <QApplication>
#include <QClipboard>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

// The scanners' secret families (SecretCorpus) in the window: the table's cells and their
// copies, and the entry window's three documents and its copy. Each secret stays hidden;
// a URL stays readable around its masked credential; the look-alikes stay as stored.

namespace {

using namespace SecretCorpus;

const AuditTableRef kTable { QStringLiteral("corpus_ui"), QStringLiteral("audit_log") };

QString normalized(QString text)
{
    text.replace(QLatin1String("\": "), QLatin1String("\":"));
    return text;
}

class SecretCorpusUiTest : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        QString error;
        ASSERT_TRUE(insertInto(kTable.schema, QStringLiteral("now()"), &error))
            << error.toStdString();
    }

    void SetUp() override
    {
        QSettings().clear();
        MaskingRules::setActive(MaskingRules::defaults());
        m_settings = testConnectionSettings(kTable);
    }

    std::unique_ptr<MainWindow> openWindow()
    {
        auto window = std::make_unique<MainWindow>();
        QSignalSpy shown(window.get(), &MainWindow::pageShown);
        window->connectTo(m_settings, AuditFilter());
        EXPECT_TRUE(shown.wait(15000));
        window->show();
        return window;
    }

    ConnectionSettings m_settings;
};

} // namespace

TEST_F(SecretCorpusUiTest, CellsAndTheirCopiesHideEverySecret)
{
    auto window = openWindow();
    ASSERT_EQ(window->tableModel()->rowCount(), rows().size());
    ResultsView *view = window->resultsView();
    view->selectAll();
    view->setFocus();
    QTest::keyClick(view, Qt::Key_C, Qt::ControlModifier);
    const QString copied = QApplication::clipboard()->text();
    EXPECT_EQ(copied.count(QLatin1Char('\n')) + (copied.endsWith(QLatin1Char('\n')) ? 0 : 1),
        rows().size())
        << copied.toStdString();
    EXPECT_TRUE(leaked(copied).isEmpty()) << leaked(copied).join(u' ').toStdString();
    EXPECT_TRUE(normalized(copied).contains(webhookUrlMasked)) << copied.toStdString();
    for (int row = 0; row < window->tableModel()->rowCount(); ++row) {
        const QString cell
            = window->tableModel()->index(row, AuditTableModel::RequestColumn).data().toString();
        EXPECT_TRUE(leaked(cell).isEmpty()) << cell.toStdString();
    }
}

TEST_F(SecretCorpusUiTest, TheEntryWindowAndItsCopyHideEverySecretAndKeepTheLookAlikes)
{
    auto window = openWindow();
    const QList<AuditEntry> entries = window->tableModel()->entries();
    ASSERT_EQ(entries.size(), rows().size());
    ResultsView *view = window->resultsView();
    view->setCurrentIndex(window->tableModel()->index(0, 0));
    QTest::keyClick(view, Qt::Key_Return);
    EntryDetailDialog *dialog = nullptr;
    QString everything;
    for (qsizetype row = 0; row < entries.size(); ++row) {
        const QString &id = entries.at(row).id;
        ASSERT_TRUE(QTest::qWaitFor(
            [&] {
                dialog = dialog ? dialog : window->findChild<EntryDetailDialog *>();
                return dialog && dialog->entryId() == id && dialog->entryJson().contains(id);
            },
            10000))
            << rows().at(row).family.toStdString();
        const QString json = dialog->entryJson();
        EXPECT_TRUE(leaked(json).isEmpty())
            << rows().at(row).family.toStdString() << ": " << json.toStdString();
        everything += json;
        for (const char *pane : { "requestPane", "responsePane", "metadataPane" }) {
            JsonTextView *textView = dialog->findChild<JsonPane *>(QLatin1String(pane))->textView();
            // A NULL document shows nothing: wait for text, but not for ever.
            (void)QTest::qWaitFor(
                [&] { return !textView->editor()->toPlainText().isEmpty(); }, 3000);
            const QString text = textView->editor()->toPlainText();
            EXPECT_TRUE(leaked(text).isEmpty())
                << rows().at(row).family.toStdString() << " " << pane << ": " << text.toStdString();
            everything += text;
        }
        if (row + 1 < entries.size()) {
            emit dialog->nextRequested();
        }
    }
    const QString plain = normalized(everything);
    for (const QString &lookAlike : lookAlikes()) {
        EXPECT_TRUE(plain.contains(normalized(lookAlike)))
            << "\"" << lookAlike.toStdString() << "\" was hidden";
    }
    EXPECT_TRUE(plain.contains(webhookUrlMasked));
    EXPECT_TRUE(plain.contains(postgresUriMasked));
}
