#include "connectiondialog.h"
#include "recentconnections.h"
#include "rememberedpasswords.h"
#include "screenshot.h"
#include "tenantlistmodel.h"
#include "testconnection.h"
#include "testdatabase.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QCompleter>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QToolButton>

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

// A loopback port that accepts connections (the kernel completes them) and never answers:
// libpq waits on it until connect_timeout. Closing it resets the waiting connections.
class SilentListener
{
public:
    SilentListener()
        : m_fd(::socket(AF_INET, SOCK_STREAM, 0))
    {
        sockaddr_in address {};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        if (m_fd < 0 || ::bind(m_fd, reinterpret_cast<sockaddr *>(&address), length) != 0
            || ::listen(m_fd, 4) != 0
            || ::getsockname(m_fd, reinterpret_cast<sockaddr *>(&address), &length) != 0) {
            return;
        }
        m_port = ntohs(address.sin_port);
    }
    ~SilentListener()
    {
        if (m_fd >= 0) {
            ::close(m_fd);
        }
    }
    SilentListener(const SilentListener &) = delete;
    SilentListener &operator=(const SilentListener &) = delete;

    int port() const { return m_port; }

private:
    int m_fd;
    int m_port = 0;
};

// Drives the dialog as a user would, against the test cluster. Each test has its own
// schema ("dlg_<test>") and roles, dropped again afterwards.
class ConnectionDialogTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_admin.isOpen()) << m_admin.error().toStdString();
        QSettings().remove(QStringLiteral("recentConnections"));
        m_dialog = std::make_unique<ConnectionDialog>();
        m_dialog->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(m_dialog.get()));
    }

    void TearDown() override
    {
        m_dialog.reset();
        for (const QString &schema : std::as_const(m_schemas)) {
            EXPECT_TRUE(
                m_admin.exec(QStringLiteral("DROP SCHEMA IF EXISTS \"%1\" CASCADE").arg(schema)))
                << m_admin.error().toStdString();
        }
        for (const QString &role : std::as_const(m_roles)) {
            EXPECT_TRUE(m_admin.exec(QStringLiteral("DROP ROLE IF EXISTS \"%1\"").arg(role)))
                << m_admin.error().toStdString();
        }
    }

    void createAuditSchema(const QString &schema)
    {
        m_schemas.append(schema);
        ASSERT_TRUE(m_admin.createAuditSchema(schema)) << m_admin.error().toStdString();
    }

    // A role that logs in with `password` and may look into `schema`; with `mayRead` it
    // may also read its audit table.
    void createRole(
        const QString &role, const QString &password, const QString &schema, bool mayRead = true)
    {
        m_roles.append(role);
        QString sql = QStringLiteral("DROP ROLE IF EXISTS \"%1\";"
                                     "CREATE ROLE \"%1\" LOGIN PASSWORD '%2';"
                                     "GRANT USAGE ON SCHEMA \"%3\" TO \"%1\";")
                          .arg(role, password, schema);
        if (mayRead) {
            sql += QStringLiteral("GRANT SELECT ON \"%2\".audit_log TO \"%1\";").arg(role, schema);
        }
        ASSERT_TRUE(m_admin.exec(sql)) << m_admin.error().toStdString();
    }

    template <typename T = QLineEdit> T *field(const char *name) const
    {
        T *widget = m_dialog->findChild<T *>(QString::fromLatin1(name));
        EXPECT_NE(widget, nullptr) << name;
        return widget;
    }

    // Replaces a field's text by typing, as a user would.
    void type(const char *name, const QString &text) const
    {
        QLineEdit *edit = field(name);
        edit->setFocus();
        edit->selectAll();
        QTest::keyClick(edit, Qt::Key_Backspace);
        QTest::keyClicks(edit, text);
    }

    // Types the test cluster's connection string, then the schema.
    void typeTestDatabase(const QString &schema) const
    {
        type("connectionString", TestDatabase::conninfo());
        type("schema", schema);
    }

    // Clicks Connect and waits until the attempt has an answer.
    bool clickConnectAndWait() const
    {
        QTest::mouseClick(field<QPushButton>("connectButton"), Qt::LeftButton);
        EXPECT_TRUE(m_dialog->isConnecting() || !m_dialog->errorText().isEmpty());
        return QTest::qWaitFor([this] { return !m_dialog->isConnecting(); }, 20000);
    }

    // Connects to `table` in public (where no test has one) and waits until the error line
    // also says `words`, as it does once the schema lookup after a missing table answered.
    bool connectToMissingTable(const QString &table, const QString &words) const
    {
        typeTestDatabase(QStringLiteral("public"));
        type("table", table);
        return clickConnectAndWait()
            && QTest::qWaitFor(
                [this, &words] { return m_dialog->errorText().contains(words); }, 10000);
    }

    // The application's settings file as stored on disk.
    static QByteArray storedSettings()
    {
        QSettings settings;
        settings.sync();
        QFile file(settings.fileName());
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    // Connects as a new role of a new audit schema, "Remember password" ticked.
    void connectRemembering(const QString &name, const QString &password)
    {
        createAuditSchema(name);
        createRole(name + QStringLiteral("_reader"), password, name);
        typeTestDatabase(name);
        type("user", name + QStringLiteral("_reader"));
        type("password", password);
        field<QCheckBox>("rememberPassword")->setChecked(true);
        QSignalSpy accepted(m_dialog.get(), &QDialog::accepted);
        ASSERT_TRUE(clickConnectAndWait());
        ASSERT_EQ(accepted.count(), 1) << m_dialog->errorText().toStdString();
    }

    TestDatabase m_admin;
    std::unique_ptr<ConnectionDialog> m_dialog;
    QStringList m_schemas;
    QStringList m_roles;
};

TEST_F(ConnectionDialogTest, PastingAUriFillsTheServerAndUserFields)
{
    QApplication::clipboard()->setText(
        QStringLiteral("postgresql://reader:s3cret@db.example.org:6543/hindsight?sslmode=require"));
    field("connectionString")->setFocus();
    QTest::keyClick(field("connectionString"), Qt::Key_V, Qt::ControlModifier);

    EXPECT_EQ(field("host")->text(), QStringLiteral("db.example.org"));
    EXPECT_EQ(field("port")->text(), QStringLiteral("6543"));
    EXPECT_EQ(field("database")->text(), QStringLiteral("hindsight"));
    EXPECT_EQ(field("user")->text(), QStringLiteral("reader"));
    EXPECT_EQ(field("password")->text(), QStringLiteral("s3cret"));
    EXPECT_EQ(field<QComboBox>("sslMode")->currentText(), QStringLiteral("require"));
    EXPECT_EQ(m_dialog->errorText(), QString());
    EXPECT_EQ(m_dialog->settings().value(QStringLiteral("host")), QStringLiteral("db.example.org"));
}

TEST_F(ConnectionDialogTest, AnInvalidConnectionStringShowsWhyAndIsNotUsed)
{
    type("connectionString", QStringLiteral("host=db.example.org port"));
    EXPECT_TRUE(
        m_dialog->errorText().startsWith(QStringLiteral("The connection string is not valid")))
        << m_dialog->errorText().toStdString();
    EXPECT_TRUE(m_dialog->errorText().contains(QStringLiteral("port")));

    QTest::mouseClick(field<QPushButton>("connectButton"), Qt::LeftButton);
    EXPECT_FALSE(m_dialog->isConnecting());
    EXPECT_TRUE(m_dialog->isVisible());

    QTest::keyClicks(field("connectionString"), QStringLiteral("=6543"));
    EXPECT_EQ(m_dialog->errorText(), QString());
    EXPECT_EQ(field("port")->text(), QStringLiteral("6543"));
}

TEST_F(ConnectionDialogTest, EditingAFieldRewritesTheConnectionStringWithoutThePassword)
{
    type("connectionString", QStringLiteral("host=db.example.org password=s3cret"));
    type("user", QStringLiteral("reader"));
    const QString shown = field("connectionString")->text();
    EXPECT_TRUE(shown.contains(QStringLiteral("user='reader'"))) << shown.toStdString();
    EXPECT_TRUE(shown.contains(QStringLiteral("host='db.example.org'"))) << shown.toStdString();
    EXPECT_FALSE(shown.contains(QStringLiteral("s3cret"))) << shown.toStdString();
    EXPECT_EQ(m_dialog->settings().password(), QStringLiteral("s3cret"));
}

TEST_F(ConnectionDialogTest, SettingsComeBackAsTheyWereGiven)
{
    ConnectionSettings settings = connectionSettingsFor(
        QStringLiteral(
            "host=db.example.org port=6543 dbname=hindsight user=reader sslmode=verify-full "
            "sslrootcert=certs/ca.crt application_name=audit connect_timeout=3 password=s3cret"),
        AuditTableRef { QStringLiteral("tenant a"), QStringLiteral("audit") });
    settings.setStatementTimeoutMs(1234);

    m_dialog->setSettings(settings);
    const ConnectionSettings back = m_dialog->settings();
    EXPECT_EQ(back.toConninfoWithoutPassword(), settings.toConninfoWithoutPassword());
    EXPECT_EQ(back.password(), QStringLiteral("s3cret"));
    EXPECT_EQ(back.table(), settings.table());
    EXPECT_EQ(back.statementTimeoutMs(), 1234);
    EXPECT_EQ(field<QComboBox>("sslMode")->currentText(), QStringLiteral("verify-full"));

    m_dialog->setSettings(ConnectionSettings());
    EXPECT_EQ(m_dialog->settings().toConninfoWithoutPassword(), QString());
    EXPECT_EQ(m_dialog->settings().table(), AuditTableRef());
}

TEST_F(ConnectionDialogTest, EmptyFieldsSayWhatLibpqWouldUse)
{
    qputenv("PGPORT", "6543");
    ConnectionDialog withPort;
    qunsetenv("PGPORT");
    ConnectionDialog withoutPort;
    EXPECT_TRUE(withPort.findChild<QLineEdit *>(QStringLiteral("port"))
                    ->placeholderText()
                    .contains(QStringLiteral("6543")));
    EXPECT_EQ(withoutPort.findChild<QLineEdit *>(QStringLiteral("port"))->placeholderText(),
        QStringLiteral("5432"));
    EXPECT_EQ(field("schema")->placeholderText(), QStringLiteral("public"));
    EXPECT_EQ(field("table")->placeholderText(), QStringLiteral("audit_log"));
    EXPECT_FALSE(field("host")->placeholderText().isEmpty());
    EXPECT_FALSE(field("user")->placeholderText().isEmpty());
}

TEST_F(ConnectionDialogTest, PasswordIsMaskedAndErrorsAreNeverRichText)
{
    EXPECT_EQ(field("password")->echoMode(), QLineEdit::Password);
    m_dialog->showError(QStringLiteral("<b>not bold</b>"));
    auto *label = m_dialog->findChild<QLabel *>(QStringLiteral("errorText"));
    ASSERT_NE(label, nullptr);
    EXPECT_EQ(label->textFormat(), Qt::PlainText);
    EXPECT_TRUE(label->wordWrap());
    EXPECT_EQ(m_dialog->errorText(), QStringLiteral("<b>not bold</b>"));
}

TEST_F(ConnectionDialogTest, EnterAfterTypingTheDatabaseConnectsInsteadOfBrowsing)
{
    createAuditSchema(QStringLiteral("dlg_enter"));
    // A file dialog opened by Enter would block here until closed: note it and close it.
    QStringList modalTitles;
    QTimer closer;
    QObject::connect(&closer, &QTimer::timeout, [&modalTitles, this] {
        QWidget *modal = QApplication::activeModalWidget();
        if (modal && modal != m_dialog.get()) {
            modalTitles.append(modal->windowTitle());
            modal->close();
        }
    });
    closer.start(20);
    QSignalSpy accepted(m_dialog.get(), &QDialog::accepted);

    typeTestDatabase(QStringLiteral("dlg_enter"));
    type("database", testConnectionSettings().value(QStringLiteral("dbname")));
    QTest::keyClick(field("database"), Qt::Key_Return);

    EXPECT_TRUE(modalTitles.isEmpty()) << modalTitles.join(QLatin1Char('|')).toStdString();
    EXPECT_TRUE(m_dialog->isConnecting() || accepted.count() == 1);
    EXPECT_TRUE(QTest::qWaitFor([&accepted] { return accepted.count() == 1; }, 20000))
        << m_dialog->errorText().toStdString();
}

TEST_F(ConnectionDialogTest, ConnectIsTheOnlyButtonEnterCanPress)
{
    const QList<QPushButton *> buttons = m_dialog->findChildren<QPushButton *>();
    ASSERT_GE(buttons.size(), 3); // Connect, Cancel, Browse… at least
    for (QPushButton *button : buttons) {
        const bool isConnect = button->objectName() == QStringLiteral("connectButton");
        EXPECT_EQ(button->isDefault(), isConnect) << button->text().toStdString();
        EXPECT_EQ(button->autoDefault(), isConnect) << button->text().toStdString();
    }
}

TEST_F(ConnectionDialogTest, ConnectingToAnAuditSchemaAcceptsAndRemembersItWithoutThePassword)
{
    const QString password = QStringLiteral("pw-dlg-accept-6f1c93");
    createAuditSchema(QStringLiteral("dlg_accept"));
    createRole(QStringLiteral("dlg_accept_reader"), password, QStringLiteral("dlg_accept"));
    QSignalSpy accepted(m_dialog.get(), &QDialog::accepted);

    typeTestDatabase(QStringLiteral("dlg_accept"));
    type("user", QStringLiteral("dlg_accept_reader"));
    type("password", password);
    ASSERT_TRUE(clickConnectAndWait());

    ASSERT_EQ(accepted.count(), 1) << m_dialog->errorText().toStdString();
    EXPECT_FALSE(m_dialog->isVisible());
    EXPECT_TRUE(m_dialog->connectedDescription().startsWith(QStringLiteral("dlg_accept_reader@")))
        << m_dialog->connectedDescription().toStdString();
    EXPECT_FALSE(m_dialog->connectedServerVersion().isEmpty());

    // The next dialog offers it; choosing it fills everything but the password.
    m_dialog = std::make_unique<ConnectionDialog>();
    m_dialog->show();
    auto *recent = field<QComboBox>("recentConnections");
    ASSERT_EQ(recent->count(), 1);
    EXPECT_TRUE(recent->itemText(0).contains(QStringLiteral("dlg_accept_reader")));
    EXPECT_TRUE(recent->itemText(0).contains(QStringLiteral("dlg_accept.audit_log")));
    recent->setFocus();
    QTest::keyClick(recent, Qt::Key_Down);
    EXPECT_EQ(field("user")->text(), QStringLiteral("dlg_accept_reader"));
    EXPECT_EQ(field("schema")->text(), QStringLiteral("dlg_accept"));
    EXPECT_EQ(field("password")->text(), QString());
    EXPECT_EQ(
        m_dialog->settings().value(QStringLiteral("port")), QString::number(testClusterPort()));

    QSettings settings;
    settings.sync();
    QFile file(settings.fileName());
    ASSERT_TRUE(file.open(QIODevice::ReadOnly)) << settings.fileName().toStdString();
    const QByteArray stored = file.readAll();
    EXPECT_TRUE(stored.contains("dlg_accept_reader"));
    EXPECT_FALSE(stored.contains(password.toUtf8()));
}

TEST_F(ConnectionDialogTest, AWrongPasswordKeepsTheDialogOpenUntilTheRightOneIsTyped)
{
    const QString password = QStringLiteral("pw-dlg-retry-0b7e");
    createAuditSchema(QStringLiteral("dlg_retry"));
    createRole(QStringLiteral("dlg_retry_reader"), password, QStringLiteral("dlg_retry"));
    QSignalSpy accepted(m_dialog.get(), &QDialog::accepted);

    typeTestDatabase(QStringLiteral("dlg_retry"));
    type("user", QStringLiteral("dlg_retry_reader"));
    type("password", QStringLiteral("not-the-password"));
    ASSERT_TRUE(clickConnectAndWait());

    EXPECT_TRUE(m_dialog->isVisible());
    EXPECT_EQ(accepted.count(), 0);
    EXPECT_TRUE(m_dialog->errorText().contains(QStringLiteral("password authentication failed")))
        << m_dialog->errorText().toStdString();
    EXPECT_FALSE(m_dialog->errorText().contains(QStringLiteral("not-the-password")));
    EXPECT_TRUE(field("password")->isEnabled());
    EXPECT_EQ(m_dialog->focusWidget(), field("password"));

    type("password", password);
    ASSERT_TRUE(clickConnectAndWait());
    EXPECT_EQ(accepted.count(), 1) << m_dialog->errorText().toStdString();
}

TEST_F(ConnectionDialogTest, NoServerListeningSaysCouldNotConnect)
{
    type("connectionString", QStringLiteral("host=127.0.0.1 port=1 user=postgres dbname=postgres"));
    ASSERT_TRUE(clickConnectAndWait());

    EXPECT_TRUE(m_dialog->isVisible());
    EXPECT_TRUE(m_dialog->errorText().startsWith(QStringLiteral("Could not connect")))
        << m_dialog->errorText().toStdString();
    EXPECT_TRUE(field("host")->isEnabled());
    EXPECT_TRUE(field<QPushButton>("connectButton")->isEnabled());
    EXPECT_EQ(m_dialog->focusWidget(), field("host"));
}

TEST_F(ConnectionDialogTest, AMissingTableIsNamedInTheError)
{
    m_schemas.append(QStringLiteral("dlg_missing"));
    ASSERT_TRUE(m_admin.exec(QStringLiteral("DROP SCHEMA IF EXISTS dlg_missing CASCADE;"
                                            "CREATE SCHEMA dlg_missing;")));
    typeTestDatabase(QStringLiteral("dlg_missing"));
    ASSERT_TRUE(clickConnectAndWait());

    EXPECT_TRUE(m_dialog->isVisible());
    EXPECT_TRUE(m_dialog->errorText().contains(QStringLiteral("dlg_missing.audit_log")))
        << m_dialog->errorText().toStdString();
    EXPECT_TRUE(m_dialog->errorText().contains(QStringLiteral("does not exist")));
    EXPECT_EQ(m_dialog->focusWidget(), field("table"));
}

TEST_F(ConnectionDialogTest, AMissingTableNamesTheSchemasThatHoldOne)
{
    createAuditSchema(QStringLiteral("dlg_pick"));
    ASSERT_TRUE(m_admin.exec(
        QStringLiteral("ALTER TABLE dlg_pick.audit_log RENAME TO dlg_pick_log;"
                       "INSERT INTO dlg_pick.dlg_pick_log (action, transport, started_at)"
                       " VALUES ('recall', 'http', now()), ('retain', 'mcp', now());"
                       "ANALYZE dlg_pick.dlg_pick_log;")))
        << m_admin.error().toStdString();
    ASSERT_TRUE(
        connectToMissingTable(QStringLiteral("dlg_pick_log"), QStringLiteral("Schemas here")))
        << m_dialog->errorText().toStdString();
    EXPECT_TRUE(m_dialog->errorText().startsWith(
        QStringLiteral("The table public.dlg_pick_log does not exist")));
    EXPECT_TRUE(m_dialog->errorText().endsWith(
        QStringLiteral("Schemas here that hold a table dlg_pick_log: dlg_pick — about 2 rows.")))
        << m_dialog->errorText().toStdString();
    saveScreenshot(*m_dialog, QStringLiteral("connect-schemas.png"));

    // The Schema field completes to it; connecting there works.
    QCompleter *completer = field("schema")->completer();
    ASSERT_NE(completer, nullptr);
    // "All tenants" first, then the schema.
    EXPECT_EQ(completer->model()->rowCount(), 2);
    EXPECT_EQ(completer->model()->index(1, 0).data(TenantListModel::TypedTextRole).toString(),
        QStringLiteral("dlg_pick"));
    type("schema", QStringLiteral("dlg_pick"));
    QSignalSpy accepted(m_dialog.get(), &QDialog::accepted);
    ASSERT_TRUE(clickConnectAndWait());
    EXPECT_EQ(accepted.count(), 1) << m_dialog->errorText().toStdString();
}

TEST_F(ConnectionDialogTest, ListShowsTheSchemasHoldingTheTableAndAPatternReadsThemAll)
{
    for (const QString &schema : { QStringLiteral("dlg_list_a"), QStringLiteral("dlg_list_b") }) {
        createAuditSchema(schema);
        ASSERT_TRUE(m_admin.exec(
            QStringLiteral("ALTER TABLE %1.audit_log RENAME TO dlg_list_log;"
                           "INSERT INTO %1.dlg_list_log (action, transport, started_at)"
                           " VALUES ('recall', 'http', now());"
                           "ANALYZE %1.dlg_list_log;")
                .arg(schema)))
            << m_admin.error().toStdString();
    }
    typeTestDatabase(QString());
    type("table", QStringLiteral("dlg_list_log"));
    QTest::mouseClick(field<QToolButton>("listSchemas"), Qt::LeftButton);
    QLineEdit *schema = field("schema");
    ASSERT_TRUE(QTest::qWaitFor(
        [schema] { return schema->completer() && schema->completer()->popup()->isVisible(); },
        10000))
        << m_dialog->errorText().toStdString();
    QAbstractItemModel *choices = schema->completer()->model();
    ASSERT_EQ(choices->rowCount(), 3);
    EXPECT_TRUE(choices->index(0, 0).data().toString().startsWith(
        QStringLiteral("All tenants (2 schemas")));
    EXPECT_TRUE(
        choices->index(1, 0).data().toString().startsWith(QStringLiteral("dlg_list_a — about")));
    EXPECT_EQ(choices->index(2, 0).data(TenantListModel::TypedTextRole).toString(),
        QStringLiteral("dlg_list_b"));
    saveScreenshot(*m_dialog, QStringLiteral("connect-list-schemas.png"));
    schema->completer()->popup()->hide();

    type("schema", QStringLiteral("dlg\\_list\\_%"));
    QSignalSpy accepted(m_dialog.get(), &QDialog::accepted);
    ASSERT_TRUE(clickConnectAndWait());
    EXPECT_EQ(accepted.count(), 1) << m_dialog->errorText().toStdString();
    EXPECT_EQ(m_dialog->settings().table().schemaPattern, QStringLiteral("dlg\\_list\\_%"));
}

TEST_F(ConnectionDialogTest, NoSchemaWithTheTableSaysHindsightCreatesIt)
{
    ASSERT_TRUE(
        connectToMissingTable(QStringLiteral("dlg_nowhere_log"), QStringLiteral("in any schema")))
        << m_dialog->errorText().toStdString();
    EXPECT_TRUE(
        m_dialog->errorText().contains(QStringLiteral("Hindsight creates its audit table")));
}

TEST_F(ConnectionDialogTest, ATableWithoutHindsightsColumnsIsNamedInTheError)
{
    m_schemas.append(QStringLiteral("dlg_foreign"));
    ASSERT_TRUE(
        m_admin.exec(QStringLiteral("DROP SCHEMA IF EXISTS dlg_foreign CASCADE;"
                                    "CREATE SCHEMA dlg_foreign;"
                                    "CREATE TABLE dlg_foreign.events (id int, note text);")));
    typeTestDatabase(QStringLiteral("dlg_foreign"));
    type("table", QStringLiteral("events"));
    ASSERT_TRUE(clickConnectAndWait());

    EXPECT_TRUE(m_dialog->isVisible());
    EXPECT_TRUE(m_dialog->errorText().contains(QStringLiteral("dlg_foreign.events")))
        << m_dialog->errorText().toStdString();
    EXPECT_TRUE(m_dialog->errorText().contains(QStringLiteral("not Hindsight's audit table")));
}

TEST_F(ConnectionDialogTest, ARoleWithoutSelectPrivilegeIsToldSo)
{
    const QString password = QStringLiteral("pw-dlg-noselect-52aa");
    createAuditSchema(QStringLiteral("dlg_noselect"));
    createRole(
        QStringLiteral("dlg_noselect_reader"), password, QStringLiteral("dlg_noselect"), false);
    typeTestDatabase(QStringLiteral("dlg_noselect"));
    type("user", QStringLiteral("dlg_noselect_reader"));
    type("password", password);
    ASSERT_TRUE(clickConnectAndWait());

    EXPECT_TRUE(m_dialog->isVisible());
    EXPECT_TRUE(m_dialog->errorText().contains(QStringLiteral("SELECT privilege")))
        << m_dialog->errorText().toStdString();
    EXPECT_TRUE(m_dialog->errorText().contains(QStringLiteral("dlg_noselect.audit_log")));
}

TEST_F(ConnectionDialogTest, CancellingAHangingAttemptKeepsTheDialogOpenAndConnectsAgainAtOnce)
{
    createAuditSchema(QStringLiteral("dlg_cancel"));
    SilentListener silent;
    ASSERT_NE(silent.port(), 0);
    type("connectionString",
        QStringLiteral("host=127.0.0.1 port=%1 user=postgres connect_timeout=60")
            .arg(silent.port()));
    QTest::mouseClick(field<QPushButton>("connectButton"), Qt::LeftButton);
    ASSERT_TRUE(m_dialog->isConnecting());
    EXPECT_FALSE(field("host")->isEnabled());
    EXPECT_FALSE(field<QPushButton>("connectButton")->isEnabled());
    EXPECT_TRUE(m_dialog->findChild<QWidget *>(QStringLiteral("busyRow"))->isVisible());

    QTest::mouseClick(field<QPushButton>("cancelButton"), Qt::LeftButton);
    EXPECT_FALSE(m_dialog->isConnecting());
    EXPECT_TRUE(m_dialog->isVisible());
    EXPECT_EQ(m_dialog->errorText(), QString());
    EXPECT_TRUE(field("host")->isEnabled());
    EXPECT_FALSE(m_dialog->findChild<QWidget *>(QStringLiteral("busyRow"))->isVisible());

    // The abandoned attempt still waits; a new one must not queue behind it.
    QSignalSpy accepted(m_dialog.get(), &QDialog::accepted);
    typeTestDatabase(QStringLiteral("dlg_cancel"));
    QTest::mouseClick(field<QPushButton>("connectButton"), Qt::LeftButton);
    EXPECT_TRUE(QTest::qWaitFor([this] { return !m_dialog->isConnecting(); }, 8000));
    EXPECT_EQ(accepted.count(), 1) << m_dialog->errorText().toStdString();
}

TEST_F(ConnectionDialogTest, TheRecentListKeepsTheTenNewestConnectionsNewestFirst)
{
    createAuditSchema(QStringLiteral("dlg_recent"));
    const auto connectAs = [this](int n) {
        m_dialog = std::make_unique<ConnectionDialog>();
        m_dialog->show();
        typeTestDatabase(QStringLiteral("dlg_recent"));
        QTest::keyClicks(
            field("connectionString"), QStringLiteral(" application_name=dlg-%1").arg(n));
        QSignalSpy accepted(m_dialog.get(), &QDialog::accepted);
        EXPECT_TRUE(clickConnectAndWait());
        EXPECT_EQ(accepted.count(), 1) << m_dialog->errorText().toStdString();
    };
    for (int n = 1; n <= 11; ++n) {
        connectAs(n);
    }
    connectAs(5); // again: moves to the top, not in twice

    m_dialog = std::make_unique<ConnectionDialog>();
    auto *recent = field<QComboBox>("recentConnections");
    ASSERT_EQ(recent->count(), 10);
    QStringList order;
    for (int i = 0; i < recent->count(); ++i) {
        const QString tip = recent->itemData(i, Qt::ToolTipRole).toString();
        order.append(tip.section(QStringLiteral("application_name='dlg-"), 1)
                         .section(QLatin1Char('\''), 0, 0));
    }
    EXPECT_EQ(order.join(QLatin1Char(',')), QStringLiteral("5,11,10,9,8,7,6,4,3,2"));
}

// Without a keyring service (ui_tests runs with a session bus address that leads nowhere,
// as on a server or under Xvfb) the dialog says so in one note and connects as before.
TEST_F(ConnectionDialogTest, WithoutAKeyringTheDialogSaysSoOnceAndStillConnects)
{
    auto *note = field<QLabel>("keyringNote");
    auto *remember = field<QCheckBox>("rememberPassword");
    EXPECT_FALSE(remember->isChecked()); // off by default
    ASSERT_TRUE(QTest::qWaitFor([note] { return note->isVisible(); }, 5000));
    saveScreenshot(*m_dialog, QStringLiteral("connect-no-keyring.png"));
    EXPECT_TRUE(note->text().startsWith(QStringLiteral(
        "Passwords cannot be remembered here: the desktop keyring (Secret Service) is not "
        "available")))
        << note->text().toStdString();
    EXPECT_TRUE(note->text().contains(QStringLiteral("~/.pgpass and PGPASSWORD still work")));
    EXPECT_FALSE(note->toolTip().isEmpty()); // what the keyring library said
    EXPECT_GE(note->height(), note->heightForWidth(note->width())); // not cut off
    EXPECT_EQ(note->textFormat(), Qt::PlainText);
    EXPECT_FALSE(remember->isEnabled());
    EXPECT_FALSE(remember->isChecked());
    EXPECT_EQ(m_dialog->errorText(), QString()); // a note, not an error
    EXPECT_EQ(QApplication::activeModalWidget(), nullptr); // nothing pops up

    // Ticked before the keyring answered: connecting works, and the password goes nowhere.
    m_dialog = std::make_unique<ConnectionDialog>();
    m_dialog->show();
    const QString password = QStringLiteral("pw-dlg-nokeyring-7d2e");
    connectRemembering(QStringLiteral("dlg_nokeyring"), password);
    EXPECT_FALSE(storedSettings().isEmpty());
    EXPECT_TRUE(storedSettings().contains("dlg_nokeyring_reader"));
    EXPECT_FALSE(storedSettings().contains(password.toUtf8()));

    // The next dialog still says it once, in the same note.
    m_dialog = std::make_unique<ConnectionDialog>();
    m_dialog->show();
    ASSERT_TRUE(QTest::qWaitFor(
        [this] {
            return m_dialog->findChild<QLabel *>(QStringLiteral("keyringNote"))->isVisible();
        },
        5000));
    int notes = 0;
    for (QLabel *label : m_dialog->findChildren<QLabel *>()) {
        notes += label->isVisible() && label->text().contains(QStringLiteral("keyring")) ? 1 : 0;
    }
    EXPECT_EQ(notes, 1);
}

// With a keyring (ctest's ui_keyring_tests runs these on a private D-Bus session with
// gnome-keyring, tests/ui/with-keyring): stored, read back, never in the settings file.
class KeyringRoundTrip : public ConnectionDialogTest
{
};

TEST_F(KeyringRoundTrip, ARememberedPasswordComesBackWithItsRecentConnection)
{
    const QString password = QStringLiteral("pw-dlg-keyring-41c0");
    connectRemembering(QStringLiteral("dlg_keyring"), password);
    EXPECT_FALSE(storedSettings().contains(password.toUtf8()));

    m_dialog = std::make_unique<ConnectionDialog>();
    m_dialog->show();
    EXPECT_FALSE(field<QLabel>("keyringNote")->isVisible());
    auto *recent = field<QComboBox>("recentConnections");
    recent->setFocus();
    QTest::keyClick(recent, Qt::Key_Down);
    ASSERT_TRUE(
        QTest::qWaitFor([this, &password] { return field("password")->text() == password; }, 5000))
        << field("password")->text().toStdString();
    EXPECT_TRUE(field<QCheckBox>("rememberPassword")->isChecked());
    EXPECT_FALSE(field<QLabel>("keyringNote")->isVisible());
    saveScreenshot(*m_dialog, QStringLiteral("connect-remembered.png"));

    // Unticked and connected again: the keyring forgets it.
    field<QCheckBox>("rememberPassword")->setChecked(false);
    ASSERT_TRUE(clickConnectAndWait());
    m_dialog = std::make_unique<ConnectionDialog>();
    m_dialog->show();
    recent = field<QComboBox>("recentConnections");
    recent->setFocus();
    QTest::keyClick(recent, Qt::Key_Down);
    RememberedPasswords probe;
    QSignalSpy missing(&probe, &RememberedPasswords::passwordMissing);
    probe.read(RecentConnection::passwordKeyOf(m_dialog->settings()));
    ASSERT_TRUE(missing.wait(5000));
    EXPECT_EQ(field("password")->text(), QString());
    EXPECT_FALSE(field<QCheckBox>("rememberPassword")->isChecked());
}

TEST_F(KeyringRoundTrip, APasswordLeavesTheKeyringWithItsLastRecentConnection)
{
    const QString password = QStringLiteral("pw-dlg-keyring-drop-93ab");
    connectRemembering(QStringLiteral("dlg_keydrop"), password);
    const QString key = RecentConnection::passwordKeyOf(m_dialog->settings());
    RememberedPasswords probe;
    QSignalSpy read(&probe, &RememberedPasswords::passwordRead);
    probe.read(key);
    ASSERT_TRUE(read.wait(5000));
    EXPECT_EQ(read.at(0).at(1).toString(), password);

    // Ten other connections push it off the recent list.
    createAuditSchema(QStringLiteral("dlg_keydrop_other"));
    for (int n = 1; n <= RecentConnections::kMaximum; ++n) {
        m_dialog = std::make_unique<ConnectionDialog>();
        m_dialog->show();
        typeTestDatabase(QStringLiteral("dlg_keydrop_other"));
        QTest::keyClicks(
            field("connectionString"), QStringLiteral(" application_name=drop-%1").arg(n));
        ASSERT_TRUE(clickConnectAndWait());
    }
    QSignalSpy missing(&probe, &RememberedPasswords::passwordMissing);
    probe.read(key);
    ASSERT_TRUE(missing.wait(5000));
}

} // namespace
