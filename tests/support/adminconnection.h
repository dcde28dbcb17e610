#pragma once

#include <QString>
#include <QStringList>

struct pg_conn;

// A writable libpq connection to any server a test set up itself (a LocalCluster, a
// replica, a second database), for roles, tables and rows, and for asking the server what
// is true. Unlike TestDatabase it takes its conninfo; parameters travel apart from the SQL
// (a null QString is SQL NULL), so hostile test strings need no quoting.
class AdminConnection
{
public:
    explicit AdminConnection(const QString &conninfo);
    ~AdminConnection();
    AdminConnection(const AdminConnection &) = delete;
    AdminConnection &operator=(const AdminConnection &) = delete;

    bool isOpen() const { return m_conn != nullptr; }
    QString error() const { return m_error; }

    // Runs SQL (several statements allowed without parameters); false on error.
    bool exec(const QString &sql, const QStringList &params = {});
    // Every row's first column (empty on error).
    QStringList column(const QString &sql, const QStringList &params = {});
    // First column of the first row (empty on error or no row).
    QString scalar(const QString &sql, const QStringList &params = {});

private:
    bool run(const QString &sql, const QStringList &params, QStringList *firstColumn);

    pg_conn *m_conn = nullptr;
    QString m_error;
};
