#pragma once

#include "auditfilter.h"
#include "auditrepository.h"
#include "benchtable.h"
#include "connectionsettings.h"
#include "databaseconnection.h"
#include "interleaved.h"
#include "psqltimer.h"

#include <QString>

// Every operation of the viewer on a large seeded table, each beside psql running the same
// SQL with the same values in the same run, and beside the SQL Hindsight's control plane
// runs for the same view (HindsightSql). Ours goes through the models code the window uses:
// AuditRepository on one connection, the chart through an AuditWorker and its VolumeCache,
// the export through AuditExporter. Bench code only. Thread: one thread with an event loop.
class RepositoryBench
{
public:
    struct Options
    {
        QString conninfo;
        AuditTableRef table;
        int iterations = 30; // at most this many rounds per line
        double budgetMs = 3000; // per line: fewer rounds for slow statements (at least 3)
        int pageSize = 100; // the window's default
        int deepPage = 10000;
        qint64 exportRows = 1000000; // 0: no export
        QString largestId; // empty: looked up (a scan of the whole table)
        QString exportDir; // where the export files go (deleted after)
    };

    RepositoryBench(Options options, DatabaseConnection &connection);

    // Reads what the cases are built from (newest and oldest rows, busiest and rarest bank).
    bool prepare();
    void firstPages();
    void deepPages();
    void counts();
    void distinctValues();
    void charts();
    void exportRows();
    void largestEntry();

    const BenchTable &table() const { return m_table; }
    QString summary() const { return m_summary; }

private:
    struct Case
    {
        QString name;
        AuditFilter filter;
    };
    QList<double> interleave(const QList<Interleaved::Side> &sides, int minRounds = 3);
    // Hindsight's list: the total, then the page at `offset` (two statements, as it runs them).
    double hindsightList(const AuditFilter &filter, qint64 offset);
    // The cursor after the first `rows` rows of `filter`, newest first.
    std::optional<PageCursor> cursorAfter(const AuditFilter &filter, qint64 rows);
    std::optional<AuditTimestamp> timestampOf(const QString &sql);
    AuditTimestamp hoursBeforeNewest(qint64 hours) const;

    Options m_options;
    DatabaseConnection &m_connection;
    AuditRepository m_repository;
    PsqlTimer m_psql;
    BenchTable m_table;
    QList<Case> m_cases;
    AuditTimestamp m_newest;
    AuditTimestamp m_oldest;
    QString m_busyBank;
    QString m_rareBank;
    QString m_summary;
};
