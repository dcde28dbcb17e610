#pragma once

#include "auditfilter.h"
#include "connectionsettings.h"

#include <QMainWindow>

class AuditWorker;
class QLabel;
struct QueryError;

// The viewer's window. For now it connects, checks the table and shows how many
// audit entries it holds (estimated at once, exact when counted).
// Thread: the GUI thread.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(const ConnectionSettings &settings, QWidget *parent = nullptr);
    ~MainWindow() override;

private:
    void showConnected(const QString &description, const QString &serverVersion);
    void showCount(qint64 count, bool exact);
    void showError(const QueryError &error);

    AuditWorker *m_worker;
    ConnectionSettings m_settings;
    QLabel *m_connectionLabel;
    QLabel *m_countLabel;
    QLabel *m_errorLabel;
};
