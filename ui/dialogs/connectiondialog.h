#pragma once

#include "connectionsettings.h"

#include <QDialog>

// Asks where to connect: host, port, database, user, password, sslmode (with root
// certificate), schema and table, or a pasted postgresql:// URI / key=value conninfo.
// Empty fields fall back to libpq's defaults (PG* variables, ~/.pgpass, service file).
// "Connect" tries the connection and checks the table on a worker thread; the dialog
// accepts only when that succeeds, otherwise it shows one clear sentence and stays open
// for the user to correct and retry. Successful connections are remembered in QSettings
// (group "recentConnections", see RecentConnections), never with their password; with
// "Remember password" ticked the password goes to the desktop keyring (RememberedPasswords),
// is read back when the connection is chosen again and is deleted when it leaves the recent
// list. Enter connects from any field. The fields themselves are a ConnectionForm.
// Thread: the GUI thread.
class ConnectionDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ConnectionDialog(QWidget *parent = nullptr);
    ~ConnectionDialog() override;

    // Prefills the fields (e.g. from the command line or the last connection).
    void setSettings(const ConnectionSettings &settings);
    // What the fields say now (password included, in memory only).
    ConnectionSettings settings() const;
    // After accept(): "user@host:port/db" and the server version, as the worker reported.
    QString connectedDescription() const;
    QString connectedServerVersion() const;

    // Shows `message` in the dialog's error line (plain text).
    void showError(const QString &message);
    // The error line's text, empty when none is shown (for tests).
    QString errorText() const;

    // True from "Connect" until the worker answers or the user cancels the attempt.
    bool isConnecting() const;

public slots:
    // While connecting, stops waiting for the attempt and keeps the dialog open;
    // otherwise closes the dialog.
    void reject() override;

private:
    struct Private;
    Private *d;
};
