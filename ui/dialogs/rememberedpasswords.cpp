#include "rememberedpasswords.h"

#include <QCoreApplication>

#include <qt6keychain/keychain.h>

namespace {

QString &unavailableState()
{
    static QString message; // GUI thread only
    return message;
}

QString &unavailableDetail()
{
    static QString detail; // GUI thread only: what the keyring library said
    return detail;
}

QString service()
{
    return QCoreApplication::applicationName();
}

// Jobs have no parent: a write or delete must not be cut off when the dialog closes, and
// QtKeychain deletes each job once it finished. Answers go to `receiver` while it lives.
void start(QKeychain::Job *job, const QString &key, RememberedPasswords *receiver,
    void (*answer)(RememberedPasswords *, QKeychain::Job *, const QString &))
{
    if (!unavailableState().isEmpty()) {
        // Known to fail: say so again (queued, like a job's answer) instead of asking.
        delete job;
        QMetaObject::invokeMethod(
            receiver, [receiver] { emit receiver->unavailable(unavailableState()); },
            Qt::QueuedConnection);
        return;
    }
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // a keyring or nothing: never a plain file
    job->setKey(key);
    QObject::connect(job, &QKeychain::Job::finished, receiver,
        [receiver, key, answer](QKeychain::Job *done) { answer(receiver, done, key); });
    job->start();
}

bool reportedUnavailable(RememberedPasswords *receiver, QKeychain::Job *job)
{
    switch (job->error()) {
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError: {
        if (unavailableState().isEmpty()) {
            unavailableState() = RememberedPasswords::tr(
                "Passwords cannot be remembered here: the desktop keyring (Secret Service) is "
                "not available. ~/.pgpass and PGPASSWORD still work.");
            unavailableDetail() = job->errorString();
        }
        emit receiver->unavailable(unavailableState());
        return true;
    }
    default:
        return false;
    }
}

} // namespace

RememberedPasswords::RememberedPasswords(QObject *parent)
    : QObject(parent)
{
}

QString RememberedPasswords::unavailableMessage()
{
    return unavailableState();
}

QString RememberedPasswords::unavailableDetail()
{
    return ::unavailableDetail();
}

void RememberedPasswords::read(const QString &key)
{
    start(new QKeychain::ReadPasswordJob(service()), key, this,
        [](RememberedPasswords *self, QKeychain::Job *job, const QString &key) {
            if (reportedUnavailable(self, job)) {
                return;
            }
            if (job->error() == QKeychain::NoError) {
                emit self->passwordRead(
                    key, static_cast<QKeychain::ReadPasswordJob *>(job)->textData());
            } else {
                emit self->passwordMissing(key); // not stored, or the user refused to unlock
            }
        });
}

void RememberedPasswords::store(const QString &key, const QString &password)
{
    auto *job = new QKeychain::WritePasswordJob(service());
    job->setTextData(password);
    start(job, key, this, [](RememberedPasswords *self, QKeychain::Job *job, const QString &) {
        if (!reportedUnavailable(self, job) && job->error() != QKeychain::NoError) {
            qWarning("The keyring did not store the password: %s", qPrintable(job->errorString()));
        }
    });
}

void RememberedPasswords::forget(const QString &key)
{
    start(new QKeychain::DeletePasswordJob(service()), key, this,
        [](RememberedPasswords *self, QKeychain::Job *job, const QString &) {
            reportedUnavailable(self, job);
        });
}
