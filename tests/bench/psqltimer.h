#pragma once

#include "auditquery.h"

#include <QProcess>
#include <QString>

// psql beside the viewer: one long-lived psql session with \timing on, its result rows
// thrown away (\o /dev/null), that runs one statement when asked and returns psql's own
// time for it (the server's work plus the round trip and reading the rows, as psql
// reports it). Long-lived so that a benchmark can alternate one run of ours and one of
// psql's and both share the machine's noise. Bench code only.
// Thread: one thread.
class PsqlTimer
{
public:
    explicit PsqlTimer(const QString &conninfo);
    ~PsqlTimer();
    PsqlTimer(const PsqlTimer &) = delete;
    PsqlTimer &operator=(const PsqlTimer &) = delete;

    bool isRunning() const;
    // Runs one statement; psql's \timing in milliseconds, or -1 when it failed (the
    // session is restarted so that the next statement runs).
    double time(const QString &sql);
    double time(const SqlStatement &statement) { return time(withLiterals(statement)); }
    // The last error psql printed.
    QString lastError() const { return m_lastError; }

    // The statement with its parameters as SQL literals, as someone would type it into psql
    // (bench code only: the viewer itself never splices values into SQL).
    static QString withLiterals(const SqlStatement &statement);
    // psql's \copy of `select` into a CSV file with a header, in a psql process of its own
    // in UTC, as an operator would export; false when psql failed.
    static bool copyToCsv(const QString &conninfo, const QString &select, const QString &path);

private:
    void start();

    QString m_conninfo;
    QProcess m_psql;
    QByteArray m_pending;
    QString m_lastError;
};
