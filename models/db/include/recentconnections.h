#pragma once

#include "connectionsettings.h"

#include <QList>
#include <QSettings>
#include <QString>

#include <memory>

// A connection offered again: where (the conninfo without its password) and which table.
struct RecentConnection
{
    QString conninfo;
    AuditTableRef table;

    // Where the keyring keeps this connection's remembered password: "user@host:port/dbname",
    // each part percent-encoded, as the conninfo gives them (empty parts stay empty). Not the
    // table: one password serves every schema of a database.
    QString passwordKey() const;
    static QString passwordKeyOf(const ConnectionSettings &settings);

    bool operator==(const RecentConnection &) const = default;
};

// The connections that last succeeded, newest first, at most kMaximum, each once, stored
// in QSettings as the array "recentConnections" (conninfo, schema, table), never with a
// password. Every call reads the store again, since another window may have added some.
// Thread: any; each call opens its own QSettings, which is reentrant.
class RecentConnections
{
public:
    static constexpr int kMaximum = 10;

    // The application's settings (organization and application name of QCoreApplication).
    RecentConnections() = default;
    // A settings file of its own, such as a temporary one in tests.
    RecentConnections(const QString &fileName, QSettings::Format format);

    QList<RecentConnection> load() const;
    // Puts the connection of `settings` first (without its password and once), keeps the
    // kMaximum newest, stores them and returns them.
    QList<RecentConnection> remember(const ConnectionSettings &settings) const;

    // The password keys of `before` that no entry of `after` has any more: the remembered
    // passwords to delete once those connections left the list.
    static QStringList passwordKeysDropped(
        const QList<RecentConnection> &before, const QList<RecentConnection> &after);

private:
    std::unique_ptr<QSettings> open() const;
    void save(const QList<RecentConnection> &recent) const;

    QString m_fileName; // empty: the application's settings
    QSettings::Format m_format = QSettings::NativeFormat;
};
