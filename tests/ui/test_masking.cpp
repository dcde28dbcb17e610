#include "audittablemodel.h"
#include "entrydetaildialog.h"
#include "exportdialog.h"
#include "gitleaksrules.h"
#include "hindsightsecrets.h"
#include "jsonpane.h"
#include "jsontextview.h"
#include "jsontreemodel.h"
#include "mainwindow.h"
#include "maskingrulesdialog.h"
#include "resultsview.h"
#include "screenshot.h"
#include "testconnection.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

#include <gtest/gtest.h>

#include <functional>

namespace {

using namespace HindsightSecrets;

bool waitUntil(const std::function<bool()> &condition, int timeoutMs = 10000)
{
    return QTest::qWaitFor(condition, timeoutMs);
}

// The Hindsight requests in schema "mask_ui", newest first: create_webhook,
// update_bank_config, a recall with a JWT.
class MaskingUiTest : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        ASSERT_NO_FATAL_FAILURE(createSeededAuditSchema(QStringLiteral("mask_ui"),
            QStringLiteral(
                "INSERT INTO mask_ui.audit_log (action, transport, started_at, ended_at, "
                "request, response) VALUES "
                "('create_webhook', 'http', now() - interval '1 min', now(), $$%1$$, "
                "'{\"id\": \"wh_1\"}'), "
                "('update_bank_config', 'http', now() - interval '2 min', now(), $$%2$$, "
                "'{}'), "
                "('recall', 'mcp', now() - interval '3 min', now(), $$%3$$, '{}')")
                .arg(createWebhook, updateBankConfig, recallWithJwt)));
    }

    void SetUp() override
    {
        QSettings().clear();
        MaskingRules::setActive(MaskingRules::defaults());
        m_settings = testConnectionSettings(QStringLiteral("mask_ui"));
    }

    void TearDown() override
    {
        MaskingRules::setActive(MaskingRules::defaults());
        QSettings().clear();
    }

    std::unique_ptr<MainWindow> openWindow()
    {
        auto window = std::make_unique<MainWindow>();
        QSignalSpy shown(window.get(), &MainWindow::pageShown);
        window->connectTo(m_settings, AuditFilter());
        EXPECT_TRUE(shown.wait(15000));
        return window;
    }

    QString exportFile(ExportDialog &dialog, const QString &name)
    {
        const QString path = m_dir.filePath(name);
        dialog.setPath(path);
        QSignalSpy finished(&dialog, &ExportDialog::finished);
        dialog.start();
        EXPECT_TRUE(finished.wait(15000)) << dialog.statusText().toStdString();
        QFile file(path);
        EXPECT_TRUE(file.open(QIODevice::ReadOnly));
        return QString::fromUtf8(file.readAll());
    }

    ConnectionSettings m_settings;
    QTemporaryDir m_dir;
};

} // namespace

TEST_F(MaskingUiTest, TheRequestColumnIsShownAndCopiesMasked)
{
    auto window = openWindow();
    window->show();
    ResultsView *view = window->resultsView();
    QHeaderView *header = view->horizontalHeader();
    EXPECT_FALSE(header->isSectionHidden(AuditTableModel::RequestColumn));
    view->selectAll();
    view->setFocus();
    QTest::keyClick(view, Qt::Key_C, Qt::ControlModifier);
    const QString copied = QApplication::clipboard()->text();
    const QStringList lines = copied.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 3) << copied.toStdString();
    EXPECT_TRUE(leaked(copied).isEmpty()) << copied.toStdString();
    EXPECT_TRUE(lines[0].endsWith(
        // jsonb's order: shorter keys first.
        QStringLiteral("\t{\"url\":\"https://hooks.example.com/hindsight\",\"secret\":\"••••\","
                       "\"event_types\":[\"retain.completed\"],\"http_config\":{\"method\":"
                       "\"POST\",\"headers\":{\"X-Tenant\":\"••••\",\"Authorization\":"
                       "\"Bearer ••••\"},\"timeout_seconds\":30}}")))
        << lines[0].toStdString();
    EXPECT_TRUE(lines[1].contains(QLatin1String("\"trace\":12345678901234567890")));
    EXPECT_TRUE(lines[2].contains(QStringLiteral("\"context\":\"••••\"")));
    // What the cell shows is masked as well.
    const QModelIndex cell = window->tableModel()->index(0, AuditTableModel::RequestColumn);
    EXPECT_TRUE(leaked(cell.data().toString()).isEmpty());
}

TEST_F(MaskingUiTest, ARevealedValueIsForgottenOnNextAndPrevious)
{
    auto window = openWindow();
    const QList<AuditEntry> &entries = window->tableModel()->entries();
    ASSERT_EQ(entries.size(), 3);
    ResultsView *view = window->resultsView();
    view->setCurrentIndex(window->tableModel()->index(0, 0));
    QTest::keyClick(view, Qt::Key_Return);
    EntryDetailDialog *dialog = nullptr;
    const auto showing = [&](const QString &id) {
        return waitUntil([&] {
            dialog = dialog ? dialog : window->findChild<EntryDetailDialog *>();
            return dialog && dialog->entryId() == id && dialog->entryJson().contains(id);
        });
    };
    ASSERT_TRUE(showing(entries[0].id));
    JsonTextView *text = dialog->findChild<JsonPane *>(QStringLiteral("requestPane"))->textView();
    const QString masked = text->editor()->toPlainText();
    const int position = int(masked.indexOf(QStringLiteral("\"X-Tenant\": \"••••\"")) + 14);
    QTextCursor cursor(text->editor()->document());
    cursor.setPosition(position);
    std::unique_ptr<QMenu> menu(
        text->createContextMenu(text->editor()->cursorRect(cursor).center()));
    auto *reveal = menu->findChild<QAction *>(QStringLiteral("revealValue"));
    ASSERT_NE(reveal, nullptr);
    reveal->trigger();
    EXPECT_EQ(leaked(text->editor()->toPlainText()), QStringList { tenant });
    EXPECT_EQ(leaked(dialog->entryJson()), QStringList { tenant });

    emit dialog->nextRequested();
    ASSERT_TRUE(showing(entries[1].id));
    EXPECT_TRUE(leaked(dialog->entryJson()).isEmpty());
    emit dialog->previousRequested();
    ASSERT_TRUE(showing(entries[0].id));
    EXPECT_TRUE(leaked(text->editor()->toPlainText()).isEmpty());
    EXPECT_TRUE(leaked(dialog->entryJson()).isEmpty());
}

TEST_F(MaskingUiTest, TheExportDialogMasksUnlessSecretsAreAskedForWithAWarning)
{
    ExportDialog dialog(m_settings, AuditFilter(), SortOrder::NewestFirst, 3);
    dialog.show();
    auto *unmasked = dialog.findChild<QCheckBox *>(QStringLiteral("includeSecretsUnmasked"));
    auto *warning = dialog.findChild<QLabel *>(QStringLiteral("secretsWarning"));
    ASSERT_NE(unmasked, nullptr);
    ASSERT_NE(warning, nullptr);
    EXPECT_FALSE(unmasked->isChecked());
    EXPECT_TRUE(dialog.options().maskSecrets);
    EXPECT_FALSE(warning->isVisible());

    const QString csv = exportFile(dialog, QStringLiteral("masked.csv"));
    EXPECT_TRUE(leaked(csv).isEmpty()) << csv.toStdString();
    EXPECT_TRUE(csv.contains(QStringLiteral("Bearer ••••")));

    unmasked->click();
    EXPECT_TRUE(warning->isVisible());
    EXPECT_FALSE(dialog.options().maskSecrets);
    const QString plain = exportFile(dialog, QStringLiteral("plain.csv"));
    EXPECT_TRUE(plain.contains(webhookSecret) && plain.contains(tenant) && plain.contains(jwt));

    // The rules are the window's, whatever they are.
    unmasked->click();
    MaskingRules::setActive(MaskingRules { { QStringLiteral("url") }, {} });
    const QString custom = exportFile(dialog, QStringLiteral("custom.csv"));
    EXPECT_FALSE(custom.contains(QLatin1String("hooks.example.com")));
    EXPECT_TRUE(custom.contains(webhookSecret));
}

TEST_F(MaskingUiTest, TheRulesDialogNamesBadPatternsSavesAndAppliesTheRules)
{
    MainWindow window;
    QAction *action = nullptr;
    for (QAction *menu : window.menuBar()->actions()) {
        for (QAction *item : menu->menu()->actions()) {
            if (item->text() == QStringLiteral("Mas&king rules…")) {
                action = item;
            }
        }
    }
    ASSERT_NE(action, nullptr) << "no Masking rules… in the menus";

    MaskingRulesDialog dialog;
    EXPECT_EQ(dialog.rules(), MaskingRules::defaults());
    EXPECT_TRUE(dialog.problemsText().isEmpty());
    auto *values = dialog.findChild<QPlainTextEdit *>(QStringLiteral("valuePatterns"));
    auto *keys = dialog.findChild<QPlainTextEdit *>(QStringLiteral("keyPatterns"));
    ASSERT_TRUE(values && keys);
    values->setPlainText(QStringLiteral("\\bcorp-\\d{6}\nsk-[oops"));
    keys->setPlainText(QStringLiteral("url\n\n  \nheaders.*"));
    EXPECT_TRUE(dialog.problemsText().contains(
        QLatin1String("\"sk-[oops\" is not a valid regular expression")))
        << dialog.problemsText().toStdString();
    const MaskingRules chosen { { QStringLiteral("url"), QStringLiteral("headers.*") },
        { QStringLiteral("\\bcorp-\\d{6}"), QStringLiteral("sk-[oops") } };
    EXPECT_EQ(dialog.rules(), chosen);
    dialog.accept();
    EXPECT_EQ(MaskingRules::active(), chosen);
    QSettings settings;
    EXPECT_EQ(MaskingRules::fromSettings(settings), chosen);
    EXPECT_EQ(SecretMasker().mask(QStringLiteral(R"({"url":"u","v":"corp-123456","secret":"s"})")),
        QStringLiteral(R"({"url":"••••","v":"••••","secret":"s"})"));

    MaskingRulesDialog again;
    EXPECT_EQ(again.rules(), chosen);
    again.restoreDefaults();
    EXPECT_EQ(again.rules(), MaskingRules::defaults());
    again.accept();
    EXPECT_EQ(MaskingRules::active(), MaskingRules::defaults());
    EXPECT_FALSE(settings.contains(QStringLiteral("masking/keyPatterns")));
}

TEST_F(MaskingUiTest, RulesFromAMaskRulesFileApplyToThisWindowAndNeverOverwriteTheSettings)
{
    QSettings settings;
    const MaskingRules saved { { QStringLiteral("password") }, {} };
    saved.save(settings);
    const MaskingRules fromFile { { QStringLiteral("url"), QStringLiteral("secret") }, {} };
    MaskingRules::setActive(fromFile, QStringLiteral("/etc/audit-viewer/rules.txt"));

    MaskingRulesDialog dialog;
    EXPECT_EQ(dialog.rules(), fromFile);
    auto *notice = dialog.findChild<QLabel *>(QStringLiteral("rulesFromFile"));
    ASSERT_NE(notice, nullptr);
    EXPECT_TRUE(notice->text().contains(QLatin1String("/etc/audit-viewer/rules.txt")))
        << notice->text().toStdString();
    auto *keys = dialog.findChild<QPlainTextEdit *>(QStringLiteral("keyPatterns"));
    keys->setPlainText(QStringLiteral("url"));
    dialog.accept();

    // This window masks by the edit; the settings keep their own rules.
    EXPECT_EQ(MaskingRules::active(), (MaskingRules { { QStringLiteral("url") }, {} }));
    EXPECT_EQ(MaskingRules::activeFile(), QStringLiteral("/etc/audit-viewer/rules.txt"));
    settings.sync();
    EXPECT_EQ(MaskingRules::fromSettings(settings), saved);

    // Rules from the settings are saved as before, and the notice is gone.
    MaskingRules::setActive(saved);
    MaskingRulesDialog fromSettings;
    EXPECT_EQ(fromSettings.findChild<QLabel *>(QStringLiteral("rulesFromFile")), nullptr);
}

TEST(MaskingRulesDialog, ImportsAGitleaksConfigurationAndNamesTheRulesItSkips)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral(".gitleaks.toml"));
    ASSERT_TRUE(GitleaksRules::write(path, R"toml(title = "Acme"
[[rules]]
id = "acme-service-token"
regex = '''(?i)\bacme[_-]?token\s*[:=]\s*([a-z0-9]{24})'''
keywords = ["acme"]
)toml" + GitleaksRules::re2Only));

    MaskingRulesDialog dialog(MaskingRules::defaults());
    ASSERT_NE(dialog.findChild<QPushButton *>(QStringLiteral("importGitleaks")), nullptr);
    dialog.importFile(path);
    EXPECT_EQ(dialog.rules().keyPatterns, MaskingRules::defaultKeyPatterns());
    EXPECT_EQ(dialog.rules().valuePatterns,
        QStringList {
            QStringLiteral(R"((?#keywords: acme)(?i)\bacme[_-]?token\s*[:=]\s*([a-z0-9]{24}))") });
    EXPECT_TRUE(dialog.problemsText().startsWith(
        QLatin1String("rule mail-password: the regular expression does not compile")))
        << dialog.problemsText().toStdString();
    dialog.resize(900, 600);
    saveScreenshot(dialog, QStringLiteral("masking-rules-gitleaks.png"));

    // A file that is not TOML this reader reads: the line is named, the rules stay.
    ASSERT_TRUE(GitleaksRules::write(path, "[[rules]]\nid = 'x'\nregex = \"\\d+\"\n"));
    dialog.importFile(path);
    EXPECT_TRUE(dialog.problemsText().startsWith(
        QStringLiteral("Could not read the gitleaks configuration %1: line 3:").arg(path)))
        << dialog.problemsText().toStdString();
    EXPECT_EQ(dialog.rules().valuePatterns.size(), 1);
    dialog.restoreDefaults();
    EXPECT_TRUE(dialog.problemsText().isEmpty()) << dialog.problemsText().toStdString();
}

namespace {

// The tree node with JSON path `path`, its ancestors' children fetched on the way.
QModelIndex treeNode(QAbstractItemModel *model, const QString &path)
{
    QModelIndex index = model->index(0, 0);
    while (index.isValid() && index.data(JsonTreeModel::PathRole).toString() != path) {
        while (model->canFetchMore(index)) {
            model->fetchMore(index);
        }
        QModelIndex next;
        for (int row = 0; row < model->rowCount(index) && !next.isValid(); ++row) {
            const QModelIndex child = model->index(row, 0, index);
            const QString childPath = child.data(JsonTreeModel::PathRole).toString();
            if (path == childPath || path.startsWith(childPath + QLatin1Char('.'))) {
                next = child;
            }
        }
        index = next;
    }
    return index;
}

} // namespace

TEST_F(MaskingUiTest, TheTreeRevealsOneValueAndKeepsItsNodeInSight)
{
    JsonPane pane;
    pane.resize(800, 500);
    pane.show();
    pane.setDocument(HindsightSecrets::createWebhook);
    QTest::mouseClick(
        pane.findChild<QToolButton *>(QStringLiteral("treeViewButton")), Qt::LeftButton);
    QTreeView *tree = pane.treeView();
    QAbstractItemModel *model = tree->model();
    QAction *reveal = pane.revealValueAction();

    // Not offered on a value that is not hidden.
    const QModelIndex url = treeNode(model, QStringLiteral("$.url"));
    ASSERT_TRUE(url.isValid());
    tree->setCurrentIndex(url);
    EXPECT_FALSE(reveal->isVisible());

    const QModelIndex secret = treeNode(model, QStringLiteral("$.secret"));
    ASSERT_TRUE(secret.isValid());
    EXPECT_EQ(secret.data(JsonTreeModel::ValueRole).toString(), QStringLiteral("••••"));
    tree->setCurrentIndex(secret);
    ASSERT_TRUE(reveal->isVisible());
    ASSERT_TRUE(tree->actions().contains(reveal));
    reveal->trigger();

    // Exactly that value, and the tree shows it where it was.
    EXPECT_EQ(pane.revealedCount(), 1);
    const QModelIndex current = tree->currentIndex();
    EXPECT_EQ(current.data(JsonTreeModel::PathRole).toString(), QStringLiteral("$.secret"));
    EXPECT_EQ(current.data(JsonTreeModel::ValueRole).toString(), HindsightSecrets::webhookSecret);
    EXPECT_FALSE(reveal->isVisible());
    const QString document = model->index(0, 0).data(JsonTreeModel::ValueTextRole).toString();
    EXPECT_EQ(HindsightSecrets::leaked(document), QStringList { HindsightSecrets::webhookSecret });
    // The text view shows the same.
    EXPECT_TRUE(pane.textView()->editor()->toPlainText().contains(HindsightSecrets::webhookSecret));
}
