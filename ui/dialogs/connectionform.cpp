#include "connectionform.h"

#include "tenantlistmodel.h"

#include "displaytext.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QResizeEvent>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

#ifdef Q_OS_UNIX
#include <pwd.h>
#include <unistd.h>
#endif

namespace {

// "user@host:port/db — schema.table", leaving out what libpq would default.
QString recentLabel(const RecentConnection &recent)
{
    const auto parsed = ConnectionSettings::parse(recent.conninfo);
    QString where;
    if (parsed) {
        const QString user = parsed->value(QStringLiteral("user"));
        const QString host = parsed->value(QStringLiteral("host"));
        const QString port = parsed->value(QStringLiteral("port"));
        const QString db = parsed->value(QStringLiteral("dbname"));
        const QString service = parsed->value(QStringLiteral("service"));
        where = user.isEmpty() ? QString() : user + QLatin1Char('@');
        where += !host.isEmpty() ? host
            : !service.isEmpty() ? ConnectionForm::tr("service %1").arg(service)
                                 : ConnectionForm::tr("localhost");
        where += port.isEmpty() ? QString() : QLatin1Char(':') + port;
        where += db.isEmpty() ? QString() : QLatin1Char('/') + db;
    } else {
        where = recent.conninfo;
    }
    return ConnectionForm::tr("%1 — %2").arg(where, recent.table.displayName());
}

// The OS user name, libpq's default for "user".
QString osUserName()
{
#ifdef Q_OS_UNIX
    if (const passwd *entry = getpwuid(geteuid())) {
        return QString::fromLocal8Bit(entry->pw_name);
    }
#endif
    return qEnvironmentVariable("USERNAME", qEnvironmentVariable("USER"));
}

// What libpq uses for an empty field: the PG* variable when set, else its built-in default.
QString defaultFrom(const char *variable, const QString &builtIn)
{
    const QString value = qEnvironmentVariable(variable);
    return value.isEmpty()
        ? builtIn
        : ConnectionForm::tr("%1 (from %2)").arg(value, QString::fromLatin1(variable));
}

} // namespace

ConnectionForm::ConnectionForm(QWidget *parent)
    : QWidget(parent)
{
    auto *top = new QFormLayout;
    m_recent = new QComboBox;
    m_recent->setObjectName(QStringLiteral("recentConnections"));
    m_recent->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_recent->setMinimumContentsLength(20);
    auto *recentCaption = new QLabel(tr("&Recent:"));
    recentCaption->setBuddy(m_recent);
    m_labels.append(recentCaption);
    top->addRow(recentCaption, m_recent);
    m_connectionString
        = addLineEdit(top, tr("Connection &string:"), QStringLiteral("connectionString"),
            tr("postgresql://user@host:5432/dbname or host=… dbname=…"));
    m_connectionString->setToolTip(tr("Paste a postgresql:// URI or a key=value connection "
                                      "string, as psql accepts it; the fields below follow it."));
    connect(
        m_connectionString, &QLineEdit::textEdited, this, &ConnectionForm::connectionStringEdited);

    const auto group = [](const QString &title, QFormLayout *form) {
        auto *box = new QGroupBox(title);
        box->setLayout(form);
        return box;
    };
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(group(tr("Server"), buildServerFields()));
    layout->addWidget(group(tr("Authentication"), buildAuthenticationFields()));
    layout->addWidget(group(tr("Security"), buildSecurityFields()));
    layout->addWidget(group(tr("Audit table"), buildAuditTableFields()));
    // Line the fields of every group up as if they were one form.
    int labelWidth = 0;
    for (QLabel *label : std::as_const(m_labels)) {
        labelWidth = std::max(labelWidth, label->sizeHint().width());
    }
    for (QLabel *label : std::as_const(m_labels)) {
        label->setMinimumWidth(labelWidth);
    }

    connect(m_recent, &QComboBox::activated, this, &ConnectionForm::chooseRecent);
    // The connection string shows what the fields say (never the password or the table).
    for (QLineEdit *edit : { m_host, m_port, m_database, m_user, m_sslRootCert }) {
        connect(edit, &QLineEdit::textEdited, this, &ConnectionForm::updateConnectionString);
    }
}

QFormLayout *ConnectionForm::buildServerFields()
{
    auto *server = new QFormLayout;
    m_host = addLineEdit(server, tr("&Host:"), QStringLiteral("host"),
        defaultFrom("PGHOST", tr("local socket / localhost")));
    m_port = addLineEdit(server, tr("&Port:"), QStringLiteral("port"),
        defaultFrom("PGPORT", QStringLiteral("5432")));
    // Several hosts take a port each, separated by commas.
    m_port->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("[0-9]*(,[0-9]*)*")), m_port));
    m_database = addLineEdit(server, tr("&Database:"), QStringLiteral("database"),
        defaultFrom("PGDATABASE", tr("same as the user name")));
    return server;
}

QFormLayout *ConnectionForm::buildAuthenticationFields()
{
    auto *authentication = new QFormLayout;
    m_user = addLineEdit(authentication, tr("&User:"), QStringLiteral("user"),
        defaultFrom("PGUSER", tr("%1 (your login name)").arg(osUserName())));
    m_password = addLineEdit(authentication, tr("Pass&word:"), QStringLiteral("password"),
        qEnvironmentVariableIsEmpty("PGPASSWORD") ? tr("from ~/.pgpass, or none")
                                                  : tr("from PGPASSWORD"));
    m_password->setEchoMode(QLineEdit::Password);
    m_rememberPassword = new QCheckBox(tr("Re&member password"));
    m_rememberPassword->setObjectName(QStringLiteral("rememberPassword"));
    m_rememberPassword->setToolTip(tr("Keep the password in the desktop's keyring (Secret "
                                      "Service) for this server, database and user; never in "
                                      "the settings file."));
    authentication->addRow(QString(), m_rememberPassword);
    m_keyringNote = new QLabel;
    m_keyringNote->setObjectName(QStringLiteral("keyringNote"));
    m_keyringNote->setTextFormat(Qt::PlainText);
    m_keyringNote->setWordWrap(true);
    m_keyringNote->setForegroundRole(QPalette::PlaceholderText);
    m_keyringNote->hide();
    authentication->addRow(m_keyringNote); // the whole row: fewer lines
    return authentication;
}

QFormLayout *ConnectionForm::buildSecurityFields()
{
    auto *security = new QFormLayout;
    m_sslMode = new QComboBox;
    m_sslMode->setObjectName(QStringLiteral("sslMode"));
    const QString envSslMode = qEnvironmentVariable("PGSSLMODE");
    m_sslMode->addItem(envSslMode.isEmpty() ? tr("default (prefer)")
                                            : tr("default (%1, from PGSSLMODE)").arg(envSslMode),
        QString());
    for (const char *mode :
        { "disable", "allow", "prefer", "require", "verify-ca", "verify-full" }) {
        m_sslMode->addItem(QString::fromLatin1(mode), QString::fromLatin1(mode));
    }
    auto *sslModeLabel = new QLabel(tr("SS&L mode:"));
    sslModeLabel->setBuddy(m_sslMode);
    m_labels.append(sslModeLabel);
    security->addRow(sslModeLabel, m_sslMode);
    connect(m_sslMode, &QComboBox::activated, this, &ConnectionForm::updateConnectionString);
    auto *browse = new QPushButton(tr("&Browse…"));
    browse->setObjectName(QStringLiteral("browseRootCertificate"));
    connect(browse, &QPushButton::clicked, this, &ConnectionForm::browseRootCertificate);
    m_sslRootCert = addLineEdit(security, tr("Root &certificate:"), QStringLiteral("sslRootCert"),
        defaultFrom("PGSSLROOTCERT", tr("~/.postgresql/root.crt, if present")), browse);
    m_sslRootCert->setToolTip(tr("The certificate authority that signed the server's "
                                 "certificate (libpq's sslrootcert), for verify-ca and "
                                 "verify-full."));
    return security;
}

QFormLayout *ConnectionForm::buildAuditTableFields()
{
    auto *auditTable = new QFormLayout;
    const AuditTableRef defaults;
    auto *listSchemas = new QToolButton;
    listSchemas->setObjectName(QStringLiteral("listSchemas"));
    listSchemas->setText(tr("L&ist…"));
    listSchemas->setToolTip(tr("The schemas of this database that hold the audit table, with "
                               "their estimated rows"));
    connect(listSchemas, &QToolButton::clicked, this, &ConnectionForm::schemasWanted);
    m_schema = addLineEdit(
        auditTable, tr("Sch&ema:"), QStringLiteral("schema"), defaults.schema, listSchemas);
    m_schemas = new TenantListModel(this);
    m_table = addLineEdit(auditTable, tr("T&able:"), QStringLiteral("table"), defaults.table);
    m_schema->setToolTip(tr("The schema of Hindsight's audit table; per-tenant deployments "
                            "keep one per tenant. A pattern reads every schema it matches as "
                            "one log: % for all tenants, tenant_% for those named so."));
    return auditTable;
}

QLineEdit *ConnectionForm::addLineEdit(QFormLayout *form, const QString &label, const QString &name,
    const QString &placeholder, QWidget *beside)
{
    auto *edit = new QLineEdit;
    edit->setObjectName(name);
    edit->setPlaceholderText(placeholder);
    edit->setClearButtonEnabled(true);
    auto *caption = new QLabel(label);
    caption->setBuddy(edit);
    m_labels.append(caption);
    if (beside) {
        auto *row = new QHBoxLayout;
        row->addWidget(edit, 1);
        row->addWidget(beside);
        form->addRow(caption, row);
    } else {
        form->addRow(caption, edit);
    }
    return edit;
}

void ConnectionForm::setSettings(const ConnectionSettings &settings)
{
    m_base = settings;
    m_base.setPassword({});
    fillFields(settings);
    m_password->setText(settings.password());
    setTableFields(settings.table());
    m_connectionString->setText(settings.toConninfoWithoutPassword());
    m_connectionStringError.clear();
    emit problemsCleared();
}

ConnectionSettings ConnectionForm::settings() const
{
    ConnectionSettings settings = m_base;
    settings.setValue(QStringLiteral("host"), m_host->text().trimmed());
    settings.setValue(QStringLiteral("port"), m_port->text().trimmed());
    settings.setValue(QStringLiteral("dbname"), m_database->text());
    settings.setValue(QStringLiteral("user"), m_user->text());
    settings.setValue(QStringLiteral("sslmode"), m_sslMode->currentData().toString());
    settings.setValue(QStringLiteral("sslrootcert"), m_sslRootCert->text());
    settings.setPassword(m_password->text());
    AuditTableRef table;
    if (m_schema->text().contains(QLatin1Char('%'))) {
        table.schemaPattern = m_schema->text();
    } else if (!m_schema->text().isEmpty()) {
        table.schema = m_schema->text();
    }
    if (!m_table->text().isEmpty()) {
        table.table = m_table->text();
    }
    settings.setTable(table);
    return settings;
}

void ConnectionForm::setRecentConnections(const QList<RecentConnection> &recent)
{
    m_recentConnections = recent;
    m_recent->clear();
    for (const RecentConnection &entry : recent) {
        m_recent->addItem(recentLabel(entry));
        m_recent->setItemData(m_recent->count() - 1, plainToolTip(entry.conninfo), Qt::ToolTipRole);
    }
    m_recent->setPlaceholderText(
        recent.isEmpty() ? tr("No recent connections") : tr("Choose a recent connection…"));
    m_recent->setCurrentIndex(-1);
    m_recent->setEnabled(!recent.isEmpty());
}

bool ConnectionForm::rememberPassword() const
{
    return m_rememberPassword->isEnabled() && m_rememberPassword->isChecked();
}

void ConnectionForm::fillRememberedPassword(const QString &password)
{
    if (m_password->text().isEmpty()) {
        m_password->setText(password);
        m_rememberPassword->setChecked(true);
    }
}

void ConnectionForm::setKeyringUnavailable(const QString &message, const QString &detail)
{
    m_rememberPassword->setChecked(false);
    m_rememberPassword->setEnabled(false);
    m_keyringNote->setText(message);
    m_keyringNote->setToolTip(plainToolTip(detail));
    m_keyringNote->show();
    fitKeyringNote();
}

void ConnectionForm::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitKeyringNote();
}

void ConnectionForm::fitKeyringNote()
{
    if (!m_keyringNote->isHidden()) {
        // At most as wide as the password field, so never too short.
        m_keyringNote->setMinimumHeight(m_keyringNote->heightForWidth(m_password->width()));
    }
}

void ConnectionForm::setSchemas(const QList<AuditSchema> &schemas, bool show)
{
    m_schemas->setSchemas(schemas);
    if (!m_schema->completer()) {
        // The popup lists the rows' labels; matching and the text filled in are what one types.
        auto *completer = new QCompleter(m_schemas, m_schema);
        completer->setCompletionRole(TenantListModel::TypedTextRole);
        completer->setCaseSensitivity(Qt::CaseInsensitive);
        completer->setFilterMode(Qt::MatchContains);
        m_schema->setCompleter(completer);
    }
    if (show) {
        m_schema->setFocus();
        m_schema->completer()->setCompletionPrefix(QString());
        m_schema->completer()->complete();
    }
}

void ConnectionForm::focusHost()
{
    m_host->setFocus();
}

void ConnectionForm::focusConnectionString()
{
    m_connectionString->setFocus();
}

void ConnectionForm::focusFieldAtFault(const QueryError &error)
{
    const QString &message = error.message;
    const auto mentions = [&message](const char *text) {
        return message.contains(QLatin1String(text), Qt::CaseInsensitive);
    };
    QWidget *field = m_host;
    if (error.kind == QueryError::Kind::Schema) {
        field = m_table;
    } else if (mentions("password")) {
        field = m_password;
    } else if (mentions("role \"") && mentions("does not exist")) {
        field = m_user;
    } else if (mentions("database \"") && mentions("does not exist")) {
        field = m_database;
    } else if (mentions("root certificate") || mentions("sslrootcert")) {
        field = m_sslRootCert;
    } else if (mentions("SSL")) {
        field = m_sslMode;
    }
    field->setFocus(Qt::OtherFocusReason);
    if (auto *edit = qobject_cast<QLineEdit *>(field)) {
        edit->selectAll();
    }
}

void ConnectionForm::fillFields(const ConnectionSettings &settings)
{
    m_host->setText(settings.value(QStringLiteral("host")));
    m_port->setText(settings.value(QStringLiteral("port")));
    m_database->setText(settings.value(QStringLiteral("dbname")));
    m_user->setText(settings.value(QStringLiteral("user")));
    setSslMode(settings.value(QStringLiteral("sslmode")));
    m_sslRootCert->setText(settings.value(QStringLiteral("sslrootcert")));
}

void ConnectionForm::setSslMode(const QString &mode)
{
    int index = m_sslMode->findData(mode);
    if (index < 0) {
        // Not one libpq knows today: keep it, so that libpq says what is wrong with it.
        m_sslMode->addItem(mode, mode);
        index = m_sslMode->count() - 1;
    }
    m_sslMode->setCurrentIndex(index);
}

void ConnectionForm::setTableFields(const AuditTableRef &ref)
{
    // The defaults stay as placeholders, so that an empty field reads as "the usual".
    const AuditTableRef defaults;
    m_schema->setText(ref.isMultiSchema()   ? ref.schemaPattern
            : ref.schema == defaults.schema ? QString()
                                            : ref.schema);
    m_table->setText(ref.table == defaults.table ? QString() : ref.table);
}

void ConnectionForm::updateConnectionString()
{
    m_connectionString->setText(settings().toConninfoWithoutPassword());
    if (!m_connectionStringError.isEmpty()) {
        m_connectionStringError.clear();
        emit problemsCleared();
    }
}

void ConnectionForm::connectionStringEdited(const QString &text)
{
    auto parsed = ConnectionSettings::parse(text);
    if (!parsed) {
        m_connectionStringError = parsed.error().message;
        emit problemFound(m_connectionStringError);
        return;
    }
    if (!m_connectionStringError.isEmpty()) {
        emit problemGone(m_connectionStringError);
    }
    m_connectionStringError.clear();
    ConnectionSettings settings = std::move(parsed).value();
    settings.setStatementTimeoutMs(m_base.statementTimeoutMs());
    fillFields(settings);
    // A string without a password leaves one typed into the field alone.
    if (!settings.password().isEmpty()) {
        m_password->setText(settings.password());
    }
    settings.setPassword({});
    m_base = settings;
}

void ConnectionForm::chooseRecent(int index)
{
    if (index < 0 || index >= m_recentConnections.size()) {
        return;
    }
    const RecentConnection &entry = m_recentConnections.at(index);
    auto parsed = ConnectionSettings::parse(entry.conninfo);
    if (!parsed) {
        emit problemFound(parsed.error().message);
        return;
    }
    ConnectionSettings settings = std::move(parsed).value();
    settings.setStatementTimeoutMs(m_base.statementTimeoutMs());
    settings.setTable(entry.table);
    // Also empties the password field: one typed for another server must not go to this one.
    setSettings(settings);
    m_rememberPassword->setChecked(false); // until the keyring answers with one
    m_recent->setCurrentIndex(index);
    emit recentConnectionChosen();
}

void ConnectionForm::browseRootCertificate()
{
    const QString current = m_sslRootCert->text();
    const QString start = current.isEmpty() ? QDir::homePath() : QFileInfo(current).absolutePath();
    const QString file = QFileDialog::getOpenFileName(window(),
        tr("Choose the root certificate of the server's authority"), start,
        tr("Certificates (*.crt *.pem *.cer);;All files (*)"));
    if (!file.isEmpty()) {
        m_sslRootCert->setText(QDir::toNativeSeparators(file));
        updateConnectionString();
    }
}
