#include "connectiondialog.h"

#include "auditworker.h"
#include "connectionform.h"
#include "latestrequest.h"
#include "recentconnections.h"
#include "rememberedpasswords.h"
#include "schemachoice.h"
#include "theme.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSet>
#include <QStyle>
#include <QVBoxLayout>

#include <algorithm>
#include <memory>

struct ConnectionDialog::Private
{
    explicit Private(ConnectionDialog *dialog)
        : q(dialog)
    {
    }

    void build();
    void startConnecting();
    // The worker, created on first use, with its answers wired.
    AuditWorker *ensureWorker();
    // The List… button: connects to every schema holding the table and lists them.
    void listSchemas();
    void setConnecting(bool connecting);
    void abandonWorker();
    void hideError();
    void fitHeight();
    // Asks the keyring for the password of the connection the fields describe.
    void readRememberedPassword();
    // After a successful connection: the recent list, and the keyring as the box says.
    void rememberConnection();
    // The table is missing: names the schemas that hold one in the error line.
    void showSchemas(const QString &error, const QList<AuditSchema> &schemas);

    ConnectionDialog *q;
    ConnectionForm *form = nullptr; // everything editable; disabled while connecting
    QWidget *errorRow = nullptr;
    QLabel *errorLabel = nullptr;
    QWidget *busyRow = nullptr;
    QPushButton *connectButton = nullptr;

    RecentConnections recentConnections;
    RememberedPasswords *passwords = nullptr;
    QSet<QString> keysWithPassword; // keys the keyring answered with a password
    std::unique_ptr<AuditWorker> worker;
    LatestRequest pendingRequest; // the connection attempt, on `worker`
    LatestRequest schemasRequest; // the schema lookup after a missing table, or for List…
    LatestRequest listRequest; // List…'s connection, before its schema lookup
    bool listing = false; // the schemas asked for are List…'s: open them, no error
    ConnectionSettings attempted;
    QString description;
    QString serverVersion;
};

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

    form = new ConnectionForm;
    QObject::connect(form, &ConnectionForm::problemFound, q, &ConnectionDialog::showError);
    QObject::connect(form, &ConnectionForm::problemGone, q, [this](const QString &message) {
        if (q->errorText() == message) {
            hideError();
        }
    });
    QObject::connect(form, &ConnectionForm::problemsCleared, q, [this] { hideError(); });
    QObject::connect(
        form, &ConnectionForm::recentConnectionChosen, q, [this] { readRememberedPassword(); });
    QObject::connect(form, &ConnectionForm::schemasWanted, q, [this] { listSchemas(); });

    passwords = new RememberedPasswords(q);
    QObject::connect(passwords, &RememberedPasswords::passwordRead, q,
        [this](const QString &key, const QString &password) {
            keysWithPassword.insert(key);
            // Only while the fields still describe that connection.
            if (key == RecentConnection::passwordKeyOf(form->settings())) {
                form->fillRememberedPassword(password);
            }
        });
    QObject::connect(
        passwords, &RememberedPasswords::unavailable, q, [this](const QString &message) {
            form->setKeyringUnavailable(message, RememberedPasswords::unavailableDetail());
            fitHeight();
        });

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
    red.setColor(QPalette::WindowText, Theme::errorText(red));
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
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));
    QObject::connect(buttons, &QDialogButtonBox::accepted, q, [this] { startConnecting(); });
    QObject::connect(buttons, &QDialogButtonBox::rejected, q, &ConnectionDialog::reject);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(busyRow);
    bottom->addStretch(1);
    bottom->addWidget(buttons);

    auto *layout = new QVBoxLayout(q);
    layout->addWidget(form);
    layout->addWidget(errorRow);
    layout->addStretch(1);
    layout->addLayout(bottom);

    // Enter connects from any field. A push button in a dialog is "auto default" unless told
    // otherwise: on show QDialog made the first one after the focused field (Browse…) the
    // default, and a focused Cancel would take Enter too. setDefault() only registers with
    // the dialog once the button is inside it, hence here, after the layout.
    for (QPushButton *button : q->findChildren<QPushButton *>()) {
        button->setAutoDefault(button == connectButton);
    }
    connectButton->setDefault(true);
}

void ConnectionDialog::Private::startConnecting()
{
    const QString connectionStringError = form->connectionStringError();
    if (!connectionStringError.isEmpty()) {
        q->showError(connectionStringError);
        form->focusConnectionString();
        return;
    }
    hideError();
    schemasRequest.clear();
    listRequest.clear();
    attempted = q->settings();
    ensureWorker();
    setConnecting(true);
    pendingRequest.start(worker->connectTo(attempted));
}

AuditWorker *ConnectionDialog::Private::ensureWorker()
{
    if (worker) {
        return worker.get();
    }
    worker = std::make_unique<AuditWorker>();
    pendingRequest = LatestRequest(worker.get()); // abandonWorker() cancels on it
    QObject::connect(worker.get(), &AuditWorker::connected, q,
        [this](quint64 requestId, const ConnectionInfo &info) {
            if (listRequest.take(requestId)) {
                listing = true;
                schemasRequest.start(worker->loadSchemas());
                return;
            }
            if (!pendingRequest.take(requestId)) {
                return;
            }
            setConnecting(false);
            description = info.description;
            serverVersion = info.serverVersion;
            rememberConnection();
            q->QDialog::accept();
        });
    QObject::connect(worker.get(), &AuditWorker::queryFailed, q,
        [this](quint64 requestId, const QueryError &error) {
            if (listRequest.take(requestId) || schemasRequest.isCurrent(requestId)) {
                schemasRequest.clear();
                q->showError(error.isMissingTable()
                        ? SchemaChoice::noneMessage(attempted.table().table)
                        : error.message);
                return;
            }
            if (!pendingRequest.take(requestId)) {
                return;
            }
            setConnecting(false);
            q->showError(error.message);
            form->focusFieldAtFault(error);
            if (error.isMissingTable()) {
                listing = false;
                schemasRequest.start(worker->loadSchemas());
            }
        });
    QObject::connect(worker.get(), &AuditWorker::schemasLoaded, q,
        [this](quint64 requestId, const QList<AuditSchema> &schemas) {
            if (!schemasRequest.take(requestId)) {
                return;
            }
            if (listing) {
                form->setSchemas(schemas, true);
            } else {
                showSchemas(q->errorText(), schemas);
            }
        });
    return worker.get();
}

void ConnectionDialog::Private::listSchemas()
{
    const QString connectionStringError = form->connectionStringError();
    if (!connectionStringError.isEmpty()) {
        q->showError(connectionStringError);
        return;
    }
    hideError();
    // Every schema holding the table, whatever the Schema field says: a pattern of all.
    attempted = q->settings();
    ConnectionSettings every = attempted;
    AuditTableRef table = every.table();
    table.schemaPattern = QStringLiteral("%");
    every.setTable(table);
    schemasRequest.clear();
    listRequest.start(ensureWorker()->connectTo(every));
}

void ConnectionDialog::Private::readRememberedPassword()
{
    passwords->read(RecentConnection::passwordKeyOf(form->settings()));
}

void ConnectionDialog::Private::rememberConnection()
{
    const QList<RecentConnection> before = recentConnections.load();
    const QList<RecentConnection> after = recentConnections.remember(attempted);
    form->setRecentConnections(after);
    for (const QString &key : RecentConnections::passwordKeysDropped(before, after)) {
        passwords->forget(key);
    }
    const QString key = RecentConnection::passwordKeyOf(attempted);
    if (form->rememberPassword() && !attempted.password().isEmpty()) {
        passwords->store(key, attempted.password());
    } else if (!form->rememberPassword() && keysWithPassword.contains(key)) {
        passwords->forget(key); // the box was unticked
    }
}

void ConnectionDialog::Private::showSchemas(const QString &error, const QList<AuditSchema> &schemas)
{
    const QString table = attempted.table().table;
    if (schemas.isEmpty()) {
        q->showError(error + QLatin1Char('\n') + SchemaChoice::noneMessage(table));
        return;
    }
    constexpr int kNamed = 5; // the rest by count: tenants can be thousands
    QStringList named;
    for (const AuditSchema &schema : schemas) {
        if (named.size() < kNamed) {
            named.append(SchemaChoice::label(schema));
        }
    }
    QString list = named.join(QLatin1String("; "));
    if (schemas.size() > kNamed) {
        list = tr("%1 and %n more", nullptr, int(schemas.size()) - kNamed).arg(list);
    }
    q->showError(
        error + QLatin1Char('\n') + tr("Schemas here that hold a table %1: %2.").arg(table, list));
    form->setSchemas(schemas);
}

void ConnectionDialog::Private::setConnecting(bool connecting)
{
    if (!connecting) {
        pendingRequest.clear();
    }
    form->setEnabled(!connecting);
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
    pendingRequest.abandon(); // on `stale`, the worker it was started on
    setConnecting(false);
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
    if (!errorRow->isHidden()) {
        // The label's width once laid out: the form's, less the icon beside it.
        const int width = form->width() - errorRow->layout()->itemAt(0)->sizeHint().width()
            - errorRow->layout()->spacing();
        errorLabel->setMinimumHeight(errorLabel->heightForWidth(width));
    }
    const int needed = layout->hasHeightForWidth() ? layout->totalHeightForWidth(q->width())
                                                   : layout->totalSizeHint().height();
    q->resize(
        q->width(), std::max({ needed, layout->totalMinimumSize().height(), q->minimumHeight() }));
}

ConnectionDialog::ConnectionDialog(QWidget *parent)
    : QDialog(parent)
    , d(new Private(this))
{
    d->build();
    d->form->setRecentConnections(d->recentConnections.load());
    d->form->focusHost();
    // Also finds out early whether a keyring answers here, so that the box can say so.
    d->readRememberedPassword();
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
    d->form->setSettings(settings); // and hides the error line (problemsCleared)
    if (settings.password().isEmpty()) {
        d->readRememberedPassword();
    }
}

ConnectionSettings ConnectionDialog::settings() const
{
    return d->form->settings();
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
    return d->pendingRequest.isPending();
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
