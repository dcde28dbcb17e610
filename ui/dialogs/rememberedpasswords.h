#pragma once

#include <QObject>
#include <QString>

// Passwords the operator asked to remember, kept in the desktop's keyring (the Secret
// Service through QtKeychain, never QSettings), one per RecentConnection::passwordKey()
// under the application's name. Every call starts an asynchronous keyring job and returns
// at once; the answer comes by signal. Writes and deletes finish even when this object goes
// away first. Without a keyring service (a server, Xvfb without D-Bus) every call fails
// fast: unavailable() says so, and the process remembers it, so that later calls do not
// ask again (isUnavailable()).
// Thread: the GUI thread.
class RememberedPasswords : public QObject
{
    Q_OBJECT
public:
    explicit RememberedPasswords(QObject *parent = nullptr);

    void read(const QString &key);
    void store(const QString &key, const QString &password);
    void forget(const QString &key);

    // A keyring job of this process found no keyring service; the sentence to show, or empty.
    static QString unavailableMessage();
    // What the keyring library said when it failed (for a tooltip), or empty.
    static QString unavailableDetail();

signals:
    void passwordRead(const QString &key, const QString &password);
    void passwordMissing(const QString &key);
    // No keyring service answered: `message` says so in one sentence (plain text).
    void unavailable(const QString &message);
};
