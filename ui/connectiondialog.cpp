#include "connectiondialog.h"

// Placeholder until the dialog is written.
struct ConnectionDialog::Private
{
    ConnectionSettings settings;
};

ConnectionDialog::ConnectionDialog(QWidget *parent)
    : QDialog(parent)
    , d(new Private)
{
}
ConnectionDialog::~ConnectionDialog()
{
    delete d;
}
void ConnectionDialog::setSettings(const ConnectionSettings &settings)
{
    d->settings = settings;
}
ConnectionSettings ConnectionDialog::settings() const
{
    return d->settings;
}
QString ConnectionDialog::connectedDescription() const
{
    return {};
}
QString ConnectionDialog::connectedServerVersion() const
{
    return {};
}
void ConnectionDialog::showError(const QString &) { }
QString ConnectionDialog::errorText() const
{
    return {};
}
