#include "connectiondialog.h"

#include "auditworker.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QSettings>
#include <QStyle>
#include <QVBoxLayout>

#include <algorithm>
#include <memory>

#ifdef Q_OS_UNIX
#include <pwd.h>
#include <unistd.h>
#endif

namespace {

constexpr int kMaxRecentConnections = 10;

QString recentGroup()
{
    return QStringLiteral("recentConnections");
}

// A remembered connection: never with its password.
struct RecentConnection
{
    QString conninfo;
    AuditTableRef table;

    bool operator==(const RecentConnection &) const = default;
};

QList<RecentConnection> loadRecentConnections()
{
    QSettings settings;
    QList<RecentConnection> recent;
    const int count = settings.beginReadArray(recentGroup());
    for (int i = 0; i < count && recent.size() < kMaxRecentConnections; ++i) {
        settings.setArrayIndex(i);
        RecentConnection entry;
        entry.conninfo = settings.value(QStringLiteral("conninfo")).toString();
        entry.table.schema
            = settings.value(QStringLiteral("schema"), entry.table.schema).toString();
        entry.table.table = settings.value(QStringLiteral("table"), entry.table.table).toString();
        recent.append(entry);
    }
    settings.endArray();
    return recent;
}

void saveRecentConnections(const QList<RecentConnection> &recent)
{
    QSettings settings;
    settings.remove(recentGroup()); // no leftovers from a longer list
    settings.beginWriteArray(recentGroup(), int(recent.size()));
    for (int i = 0; i < recent.size(); ++i) {
        settings.setArrayIndex(i);
        settings.setValue(QStringLiteral("conninfo"), recent[i].conninfo);
        settings.setValue(QStringLiteral("schema"), recent[i].table.schema);
        settings.setValue(QStringLiteral("table"), recent[i].table.table);
    }
    settings.endArray();
}

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
            : !service.isEmpty() ? ConnectionDialog::tr("service %1").arg(service)
                                 : ConnectionDialog::tr("localhost");
        where += port.isEmpty() ? QString() : QLatin1Char(':') + port;
        where += db.isEmpty() ? QString() : QLatin1Char('/') + db;
    } else {
        where = recent.conninfo;
    }
    return ConnectionDialog::tr("%1 — %2").arg(where, recent.table.displayName());
}

// Tooltips guess rich text; escaped text marked as rich stays literal.
QString plainToolTip(const QString &text)
{
    return QStringLiteral("<qt>") + text.toHtmlEscaped() + QStringLiteral("</qt>");
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
        : ConnectionDialog::tr("%1 (from %2)").arg(value, QString::fromLatin1(variable));
}

} // namespace

struct ConnectionDialog::Private
{
    explicit Private(ConnectionDialog *dialog)
        : q(dialog)
    {
    }

    void build();
    QLineEdit *addLineEdit(QFormLayout *form, const QString &label, const QString &name,
        const QString &placeholder, QWidget *beside = nullptr);
    void fillFields(const ConnectionSettings &settings);
    void setSslMode(const QString &mode);
    void setTableFields(const AuditTableRef &table);
    void updateConnectionString();
    void connectionStringEdited(const QString &text);
    void fillRecentCombo();
    void chooseRecent(int index);
    void browseRootCertificate();
    void startConnecting();
    void setConnecting(bool connecting);
    void abandonWorker();
    void rememberConnection(const ConnectionSettings &settings);
    QWidget *fieldAtFault(const QueryError &error) const;
    void hideError();
    void fitHeight();

    ConnectionDialog *q;
    QWidget *fields = nullptr; // everything editable; disabled while connecting
    QComboBox *recent = nullptr;
    QLineEdit *connectionString = nullptr;
    QLineEdit *host = nullptr;
    QLineEdit *port = nullptr;
    QLineEdit *database = nullptr;
    QLineEdit *user = nullptr;
    QLineEdit *password = nullptr;
    QComboBox *sslMode = nullptr;
    QLineEdit *sslRootCert = nullptr;
    QLineEdit *schema = nullptr;
    QLineEdit *table = nullptr;
    QWidget *errorRow = nullptr;
    QLabel *errorLabel = nullptr;
    QWidget *busyRow = nullptr;
    QPushButton *connectButton = nullptr;
    QList<QLabel *> labels;

    // Keys without a field of their own (application_name, service, ...) and the
    // statement timeout ride along from setSettings() or the connection string.
    ConnectionSettings base;
    QList<RecentConnection> recentConnections;
    QString connectionStringError; // set while the connection string does not parse

    std::unique_ptr<AuditWorker> worker;
    quint64 pendingRequest = 0; // 0 when not connecting
    ConnectionSettings attempted;
    QString description;
    QString serverVersion;
};

QLineEdit *ConnectionDialog::Private::addLineEdit(QFormLayout *form, const QString &label,
    const QString &name, const QString &placeholder, QWidget *beside)
{
    auto *edit = new QLineEdit;
    edit->setObjectName(name);
    edit->setPlaceholderText(placeholder);
    edit->setClearButtonEnabled(true);
    auto *caption = new QLabel(label);
    caption->setBuddy(edit);
    labels.append(caption);
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

void ConnectionDialog::Private::build()
{
    q->setWindowTitle(tr("Connect to an audit database"));
    q->setWindowIcon(QIcon(QStringLiteral(":/icons/database-connect.svg")));
    q->setMinimumWidth(520);
    // Placeholders are drawn darker than disabled text, so empty fields would look
    // editable while connecting.
    QPalette palette = q->palette();
    palette.setColor(QPalette::Disabled, QPalette::PlaceholderText,
        palette.color(QPalette::Disabled, QPalette::Text));
    q->setPalette(palette);

    auto *top = new QFormLayout;
    recent = new QComboBox;
    recent->setObjectName(QStringLiteral("recentConnections"));
    recent->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    recent->setMinimumContentsLength(20);
    auto *recentLabel = new QLabel(tr("&Recent:"));
    recentLabel->setBuddy(recent);
    labels.append(recentLabel);
    top->addRow(recentLabel, recent);
    connectionString
        = addLineEdit(top, tr("Connection &string:"), QStringLiteral("connectionString"),
            tr("postgresql://user@host:5432/dbname or host=… dbname=…"));
    connectionString->setToolTip(tr("Paste a postgresql:// URI or a key=value connection "
                                    "string, as psql accepts it; the fields below follow it."));
    QObject::connect(connectionString, &QLineEdit::textEdited, q,
        [this](const QString &text) { connectionStringEdited(text); });

    const auto group = [](const QString &title, QFormLayout *form) {
        auto *box = new QGroupBox(title);
        box->setLayout(form);
        return box;
    };
    auto *server = new QFormLayout;
    host = addLineEdit(server, tr("&Host:"), QStringLiteral("host"),
        defaultFrom("PGHOST", tr("local socket / localhost")));
    port = addLineEdit(server, tr("&Port:"), QStringLiteral("port"),
        defaultFrom("PGPORT", QStringLiteral("5432")));
    // Several hosts take a port each, separated by commas.
    port->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("[0-9]*(,[0-9]*)*")), port));
    database = addLineEdit(server, tr("&Database:"), QStringLiteral("database"),
        defaultFrom("PGDATABASE", tr("same as the user name")));

    auto *authentication = new QFormLayout;
    user = addLineEdit(authentication, tr("&User:"), QStringLiteral("user"),
        defaultFrom("PGUSER", tr("%1 (your login name)").arg(osUserName())));
    password = addLineEdit(authentication, tr("Pass&word:"), QStringLiteral("password"),
        qEnvironmentVariableIsEmpty("PGPASSWORD") ? tr("from ~/.pgpass, or none")
                                                  : tr("from PGPASSWORD"));
    password->setEchoMode(QLineEdit::Password);

    auto *security = new QFormLayout;
    sslMode = new QComboBox;
    sslMode->setObjectName(QStringLiteral("sslMode"));
    const QString envSslMode = qEnvironmentVariable("PGSSLMODE");
    sslMode->addItem(envSslMode.isEmpty() ? tr("default (prefer)")
                                          : tr("default (%1, from PGSSLMODE)").arg(envSslMode),
        QString());
    for (const char *mode :
        { "disable", "allow", "prefer", "require", "verify-ca", "verify-full" }) {
        sslMode->addItem(QString::fromLatin1(mode), QString::fromLatin1(mode));
    }
    auto *sslModeLabel = new QLabel(tr("SS&L mode:"));
    sslModeLabel->setBuddy(sslMode);
    labels.append(sslModeLabel);
    security->addRow(sslModeLabel, sslMode);
    QObject::connect(sslMode, &QComboBox::activated, q, [this] { updateConnectionString(); });
    auto *browse = new QPushButton(tr("&Browse…"));
    browse->setObjectName(QStringLiteral("browseRootCertificate"));
    QObject::connect(browse, &QPushButton::clicked, q, [this] { browseRootCertificate(); });
    sslRootCert = addLineEdit(security, tr("Root &certificate:"), QStringLiteral("sslRootCert"),
        defaultFrom("PGSSLROOTCERT", tr("~/.postgresql/root.crt, if present")), browse);
    sslRootCert->setToolTip(tr("The certificate authority that signed the server's "
                               "certificate (libpq's sslrootcert), for verify-ca and "
                               "verify-full."));

    auto *auditTable = new QFormLayout;
    const AuditTableRef defaults;
    schema = addLineEdit(auditTable, tr("Sch&ema:"), QStringLiteral("schema"), defaults.schema);
    table = addLineEdit(auditTable, tr("T&able:"), QStringLiteral("table"), defaults.table);
    schema->setToolTip(tr("The schema of Hindsight's audit table; per-tenant deployments "
                          "keep one per tenant."));

    fields = new QWidget;
    auto *fieldsLayout = new QVBoxLayout(fields);
    fieldsLayout->setContentsMargins(0, 0, 0, 0);
    fieldsLayout->addLayout(top);
    fieldsLayout->addWidget(group(tr("Server"), server));
    fieldsLayout->addWidget(group(tr("Authentication"), authentication));
    fieldsLayout->addWidget(group(tr("Security"), security));
    fieldsLayout->addWidget(group(tr("Audit table"), auditTable));
    // Line the fields of every group up as if they were one form.
    int labelWidth = 0;
    for (QLabel *label : std::as_const(labels)) {
        labelWidth = std::max(labelWidth, label->sizeHint().width());
    }
    for (QLabel *label : std::as_const(labels)) {
        label->setMinimumWidth(labelWidth);
    }

    errorRow = new QWidget;
    errorRow->setObjectName(QStringLiteral("errorRow"));
    auto *errorIcon = new QLabel;
    const int iconSize = q->style()->pixelMetric(QStyle::PM_SmallIconSize);
    errorIcon->setPixmap(
        q->style()->standardIcon(QStyle::SP_MessageBoxCritical).pixmap(iconSize, iconSize));
    errorLabel = new QLabel;
    errorLabel->setObjectName(QStringLiteral("errorText"));
    errorLabel->setTextFormat(Qt::PlainText);
    errorLabel->setWordWrap(true);
    errorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette red = errorLabel->palette();
    const bool dark = red.color(QPalette::Window).lightness() < 128;
    red.setColor(QPalette::WindowText, dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x1a, 0x1a));
    errorLabel->setPalette(red);
    auto *errorLayout = new QHBoxLayout(errorRow);
    errorLayout->setContentsMargins(0, 0, 0, 0);
    errorLayout->addWidget(errorIcon, 0, Qt::AlignTop);
    errorLayout->addWidget(errorLabel, 1);
    errorRow->hide();

    busyRow = new QWidget;
    busyRow->setObjectName(QStringLiteral("busyRow"));
    auto *progress = new QProgressBar;
    progress->setRange(0, 0); // indeterminate: libpq reports no progress while connecting
    progress->setTextVisible(false);
    progress->setMaximumWidth(120);
    auto *busyLayout = new QHBoxLayout(busyRow);
    busyLayout->setContentsMargins(0, 0, 0, 0);
    busyLayout->addWidget(progress);
    busyLayout->addWidget(new QLabel(tr("Connecting…")));
    busyRow->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    connectButton = buttons->addButton(tr("Co&nnect"), QDialogButtonBox::AcceptRole);
    connectButton->setObjectName(QStringLiteral("connectButton"));
    connectButton->setIcon(QIcon(QStringLiteral(":/icons/database-connect.svg")));
    connectButton->setDefault(true);
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));
    QObject::connect(buttons, &QDialogButtonBox::accepted, q, [this] { startConnecting(); });
    QObject::connect(buttons, &QDialogButtonBox::rejected, q, &ConnectionDialog::reject);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(busyRow);
    bottom->addStretch(1);
    bottom->addWidget(buttons);

    auto *layout = new QVBoxLayout(q);
    layout->addWidget(fields);
    layout->addWidget(errorRow);
    layout->addStretch(1);
    layout->addLayout(bottom);

    QObject::connect(recent, &QComboBox::activated, q, [this](int index) { chooseRecent(index); });
    // The connection string shows what the fields say (never the password or the table).
    for (QLineEdit *edit : { host, port, database, user, sslRootCert }) {
        QObject::connect(edit, &QLineEdit::textEdited, q, [this] { updateConnectionString(); });
    }
}

void ConnectionDialog::Private::fillFields(const ConnectionSettings &settings)
{
    host->setText(settings.value(QStringLiteral("host")));
    port->setText(settings.value(QStringLiteral("port")));
    database->setText(settings.value(QStringLiteral("dbname")));
    user->setText(settings.value(QStringLiteral("user")));
    setSslMode(settings.value(QStringLiteral("sslmode")));
    sslRootCert->setText(settings.value(QStringLiteral("sslrootcert")));
}

void ConnectionDialog::Private::setSslMode(const QString &mode)
{
    int index = sslMode->findData(mode);
    if (index < 0) {
        // Not one libpq knows today: keep it, so that libpq says what is wrong with it.
        sslMode->addItem(mode, mode);
        index = sslMode->count() - 1;
    }
    sslMode->setCurrentIndex(index);
}

void ConnectionDialog::Private::setTableFields(const AuditTableRef &ref)
{
    // The defaults stay as placeholders, so that an empty field reads as "the usual".
    const AuditTableRef defaults;
    schema->setText(ref.schema == defaults.schema ? QString() : ref.schema);
    table->setText(ref.table == defaults.table ? QString() : ref.table);
}

void ConnectionDialog::Private::updateConnectionString()
{
    connectionString->setText(q->settings().toConninfoWithoutPassword());
    if (!connectionStringError.isEmpty()) {
        connectionStringError.clear();
        hideError();
    }
}

void ConnectionDialog::Private::connectionStringEdited(const QString &text)
{
    auto parsed = ConnectionSettings::parse(text);
    if (!parsed) {
        connectionStringError = parsed.error().message;
        q->showError(connectionStringError);
        return;
    }
    if (!connectionStringError.isEmpty() && q->errorText() == connectionStringError) {
        hideError();
    }
    connectionStringError.clear();
    ConnectionSettings settings = std::move(parsed).value();
    settings.setStatementTimeoutMs(base.statementTimeoutMs());
    fillFields(settings);
    // A string without a password leaves one typed into the field alone.
    if (!settings.password().isEmpty()) {
        password->setText(settings.password());
    }
    settings.setPassword({});
    base = settings;
}

void ConnectionDialog::Private::fillRecentCombo()
{
    recent->clear();
    for (const RecentConnection &entry : std::as_const(recentConnections)) {
        recent->addItem(recentLabel(entry));
        recent->setItemData(recent->count() - 1, plainToolTip(entry.conninfo), Qt::ToolTipRole);
    }
    recent->setPlaceholderText(recentConnections.isEmpty() ? tr("No recent connections")
                                                           : tr("Choose a recent connection…"));
    recent->setCurrentIndex(-1);
    recent->setEnabled(!recentConnections.isEmpty());
}

void ConnectionDialog::Private::chooseRecent(int index)
{
    if (index < 0 || index >= recentConnections.size()) {
        return;
    }
    const RecentConnection &entry = recentConnections.at(index);
    auto parsed = ConnectionSettings::parse(entry.conninfo);
    if (!parsed) {
        q->showError(parsed.error().message);
        return;
    }
    ConnectionSettings settings = std::move(parsed).value();
    settings.setStatementTimeoutMs(base.statementTimeoutMs());
    settings.setTable(entry.table);
    // Also empties the password field: one typed for another server must not go to this one.
    q->setSettings(settings);
    recent->setCurrentIndex(index);
}

void ConnectionDialog::Private::browseRootCertificate()
{
    const QString current = sslRootCert->text();
    const QString start = current.isEmpty() ? QDir::homePath() : QFileInfo(current).absolutePath();
    const QString file = QFileDialog::getOpenFileName(q,
        tr("Choose the root certificate of the server's authority"), start,
        tr("Certificates (*.crt *.pem *.cer);;All files (*)"));
    if (!file.isEmpty()) {
        sslRootCert->setText(QDir::toNativeSeparators(file));
        updateConnectionString();
    }
}

void ConnectionDialog::Private::startConnecting()
{
    if (!connectionStringError.isEmpty()) {
        q->showError(connectionStringError);
        connectionString->setFocus();
        return;
    }
    hideError();
    attempted = q->settings();
    if (!worker) {
        worker = std::make_unique<AuditWorker>();
        QObject::connect(worker.get(), &AuditWorker::connected, q,
            [this](quint64 requestId, const QString &desc, const QString &version) {
                if (requestId != pendingRequest) {
                    return;
                }
                setConnecting(false);
                description = desc;
                serverVersion = version;
                rememberConnection(attempted);
                q->QDialog::accept();
            });
        QObject::connect(worker.get(), &AuditWorker::queryFailed, q,
            [this](quint64 requestId, const QueryError &error) {
                if (requestId != pendingRequest) {
                    return;
                }
                setConnecting(false);
                q->showError(error.message);
                QWidget *field = fieldAtFault(error);
                field->setFocus(Qt::OtherFocusReason);
                if (auto *edit = qobject_cast<QLineEdit *>(field)) {
                    edit->selectAll();
                }
            });
    }
    setConnecting(true);
    pendingRequest = worker->connectTo(attempted);
}

void ConnectionDialog::Private::setConnecting(bool connecting)
{
    if (!connecting) {
        pendingRequest = 0;
    }
    fields->setEnabled(!connecting);
    connectButton->setEnabled(!connecting);
    busyRow->setVisible(connecting);
}

void ConnectionDialog::Private::abandonWorker()
{
    if (!worker) {
        return;
    }
    // libpq cannot interrupt a connection attempt (it waits up to connect_timeout), so the
    // next attempt gets a fresh worker instead of queueing behind this one, which deletes
    // itself once it answers. Its answer no longer reaches the dialog.
    AuditWorker *stale = worker.release();
    QObject::disconnect(stale, nullptr, q, nullptr);
    QObject::connect(stale, &AuditWorker::connected, stale, &QObject::deleteLater);
    QObject::connect(stale, &AuditWorker::queryFailed, stale, &QObject::deleteLater);
    stale->cancel(pendingRequest);
    setConnecting(false);
}

void ConnectionDialog::Private::rememberConnection(const ConnectionSettings &settings)
{
    const RecentConnection entry { settings.toConninfoWithoutPassword(), settings.table() };
    recentConnections = loadRecentConnections(); // another window may have added some
    recentConnections.removeAll(entry);
    recentConnections.prepend(entry);
    while (recentConnections.size() > kMaxRecentConnections) {
        recentConnections.removeLast();
    }
    saveRecentConnections(recentConnections);
    fillRecentCombo();
}

QWidget *ConnectionDialog::Private::fieldAtFault(const QueryError &error) const
{
    if (error.kind == QueryError::Kind::Schema) {
        return table;
    }
    const QString &message = error.message;
    const auto mentions = [&message](const char *text) {
        return message.contains(QLatin1String(text), Qt::CaseInsensitive);
    };
    if (mentions("password")) {
        return password;
    }
    if (mentions("role \"") && mentions("does not exist")) {
        return user;
    }
    if (mentions("database \"") && mentions("does not exist")) {
        return database;
    }
    if (mentions("root certificate") || mentions("sslrootcert")) {
        return sslRootCert;
    }
    if (mentions("SSL")) {
        return sslMode;
    }
    return host;
}

void ConnectionDialog::Private::hideError()
{
    if (!errorRow->isHidden()) {
        errorRow->hide();
        fitHeight();
    }
}

void ConnectionDialog::Private::fitHeight()
{
    // Qt does not grow a window for a word-wrapped label's height at its width; the error
    // row needs it, and the dialog shrinks back when the error goes away.
    QLayout *layout = q->layout();
    layout->activate();
    const int needed = layout->hasHeightForWidth() ? layout->totalHeightForWidth(q->width())
                                                   : layout->totalSizeHint().height();
    q->resize(q->width(), std::max(needed, q->minimumHeight()));
}

ConnectionDialog::ConnectionDialog(QWidget *parent)
    : QDialog(parent)
    , d(new Private(this))
{
    d->build();
    d->recentConnections = loadRecentConnections();
    d->fillRecentCombo();
    d->host->setFocus();
}

ConnectionDialog::~ConnectionDialog()
{
    // Closing while connecting must not wait for the attempt to time out.
    if (isConnecting()) {
        d->abandonWorker();
    }
    delete d;
}

void ConnectionDialog::setSettings(const ConnectionSettings &settings)
{
    d->base = settings;
    d->base.setPassword({});
    d->fillFields(settings);
    d->password->setText(settings.password());
    d->setTableFields(settings.table());
    d->connectionString->setText(settings.toConninfoWithoutPassword());
    d->connectionStringError.clear();
    d->hideError();
}

ConnectionSettings ConnectionDialog::settings() const
{
    ConnectionSettings settings = d->base;
    settings.setValue(QStringLiteral("host"), d->host->text().trimmed());
    settings.setValue(QStringLiteral("port"), d->port->text().trimmed());
    settings.setValue(QStringLiteral("dbname"), d->database->text());
    settings.setValue(QStringLiteral("user"), d->user->text());
    settings.setValue(QStringLiteral("sslmode"), d->sslMode->currentData().toString());
    settings.setValue(QStringLiteral("sslrootcert"), d->sslRootCert->text());
    settings.setPassword(d->password->text());
    AuditTableRef table;
    if (!d->schema->text().isEmpty()) {
        table.schema = d->schema->text();
    }
    if (!d->table->text().isEmpty()) {
        table.table = d->table->text();
    }
    settings.setTable(table);
    return settings;
}

QString ConnectionDialog::connectedDescription() const
{
    return d->description;
}

QString ConnectionDialog::connectedServerVersion() const
{
    return d->serverVersion;
}

void ConnectionDialog::showError(const QString &message)
{
    d->errorLabel->setText(message);
    d->errorRow->show();
    d->fitHeight();
}

QString ConnectionDialog::errorText() const
{
    return d->errorRow->isHidden() ? QString() : d->errorLabel->text();
}

bool ConnectionDialog::isConnecting() const
{
    return d->pendingRequest != 0;
}

void ConnectionDialog::reject()
{
    if (isConnecting()) {
        d->abandonWorker();
        d->connectButton->setFocus();
        return;
    }
    QDialog::reject();
}
