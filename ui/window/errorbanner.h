#pragma once

#include "auditschema.h"

#include <QFrame>

class QComboBox;
class QLabel;
class QPushButton;

// A non-modal strip above the table that shows one error sentence with Retry and Close,
// and, when the audit table is missing, the schemas that hold one to open instead (a combo
// box "schemaChoice" with the estimated rows, and "Open", object name "openSchema").
// Thread: the GUI thread.
class ErrorBanner : public QFrame
{
    Q_OBJECT
public:
    explicit ErrorBanner(QWidget *parent = nullptr);

    void showError(const QString &message, bool canRetry = true);
    // Shows `message` with `schemas` to choose from (none: only the message and Retry).
    void showSchemaChoice(const QString &message, const QList<AuditSchema> &schemas);
    QString message() const;

signals:
    void retryRequested();
    // The operator picked a schema and pressed Open.
    void schemaChosen(const QString &schema);

private:
    QLabel *m_icon;
    QLabel *m_text;
    QComboBox *m_schemas;
    QPushButton *m_openSchema;
    QPushButton *m_retry;
};
