#pragma once

#include "auditschema.h"

#include "connectionsettings.h"
#include "recentconnections.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class TenantListModel;

// The fields of the connection dialog: a recent connection to start from, the connection
// string (a postgresql:// URI or key=value conninfo, as psql takes it) and the fields it
// stands for, grouped as server (host, port, database), authentication (user, password),
// security (sslmode, root certificate) and audit table (schema, table). The string and the
// fields follow each other; the string never shows the password or the table. Empty fields
// say what libpq would use instead (PG* variables, its built-in defaults). Problems are
// reported by signal, for the dialog's error line. Fields carry object names
// (recentConnections, connectionString, host, port, database, user, password,
// rememberPassword, keyringNote, sslMode, sslRootCert, browseRootCertificate, schema, table).
// Thread: the GUI thread.
class ConnectionForm : public QWidget
{
    Q_OBJECT
public:
    explicit ConnectionForm(QWidget *parent = nullptr);

    // Fills every field (the password too) and keeps the keys without a field of their own.
    void setSettings(const ConnectionSettings &settings);
    // What the fields say now (password included, in memory only).
    ConnectionSettings settings() const;
    // The connections offered in the recent list, newest first.
    void setRecentConnections(const QList<RecentConnection> &recent);

    // Why the connection string cannot be used; empty while it parses.
    QString connectionStringError() const { return m_connectionStringError; }

    // "Remember password" (off unless ticked or a remembered password was filled in).
    bool rememberPassword() const;
    // Fills the password field with one read from the keyring, unless something was typed.
    void fillRememberedPassword(const QString &password);
    // No keyring here: the box goes off and grey, and `message` is shown below it (`detail`
    // in its tooltip).
    void setKeyringUnavailable(const QString &message, const QString &detail);

    // Schemas the Schema field completes to (those that hold the audit table, with their
    // estimated rows, and "All tenants": %); with `show`, the list opens at once.
    void setSchemas(const QList<AuditSchema> &schemas, bool show = false);

    void focusHost();
    void focusConnectionString();
    // Focuses (and selects) the field that `error` most likely comes from.
    void focusFieldAtFault(const QueryError &error);

signals:
    // Something typed or chosen cannot be used: `message` is one sentence to show.
    void problemFound(const QString &message);
    // The connection string parses again: the problem reported as `message` is gone.
    void problemGone(const QString &message);
    // The fields were filled anew, or the connection string was rewritten from the fields
    // after it did not parse: no problem reported before applies any more.
    void problemsCleared();
    // A recent connection was chosen and its fields filled (the password left empty).
    void recentConnectionChosen();
    // The button beside the Schema field: list the schemas that hold the audit table.
    void schemasWanted();

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    // The constructor's groups of fields, each a form.
    QFormLayout *buildServerFields();
    QFormLayout *buildAuthenticationFields();
    QFormLayout *buildSecurityFields();
    QFormLayout *buildAuditTableFields();
    // A form layout does not give a word-wrapped row the height it needs at its width.
    void fitKeyringNote();
    QLineEdit *addLineEdit(QFormLayout *form, const QString &label, const QString &name,
        const QString &placeholder, QWidget *beside = nullptr);
    void fillFields(const ConnectionSettings &settings);
    void setSslMode(const QString &mode);
    void setTableFields(const AuditTableRef &table);
    void updateConnectionString();
    void connectionStringEdited(const QString &text);
    void chooseRecent(int index);
    void browseRootCertificate();

    QComboBox *m_recent = nullptr;
    QLineEdit *m_connectionString = nullptr;
    QLineEdit *m_host = nullptr;
    QLineEdit *m_port = nullptr;
    QLineEdit *m_database = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_password = nullptr;
    QCheckBox *m_rememberPassword = nullptr;
    QLabel *m_keyringNote = nullptr;
    QComboBox *m_sslMode = nullptr;
    QLineEdit *m_sslRootCert = nullptr;
    QLineEdit *m_schema = nullptr; // a schema, or a LIKE pattern (%: all tenants)
    TenantListModel *m_schemas = nullptr;
    QLineEdit *m_table = nullptr;
    QList<QLabel *> m_labels;

    // Keys without a field of their own (application_name, service, ...) and the
    // statement timeout ride along from setSettings() or the connection string.
    ConnectionSettings m_base;
    QList<RecentConnection> m_recentConnections;
    QString m_connectionStringError; // set while the connection string does not parse
};
