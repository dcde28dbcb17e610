// LLM calls benchmark: Hindsight's llm_requests (scripts/seed-llm) read through
// LlmRepository and AuditExporter, each operation beside psql running the same SQL with the
// same values in the same run (rounds taken in turns), and beside the SQL Hindsight's own
// control plane runs for the same view (memory_engine.list_llm_requests and
// llm_request_stats: a COUNT(*) plus an OFFSET page of whole rows, per bank). Run by
// scripts/bench --llm, never as a timed test.
//
//   bench_llm CONNINFO SCHEMA [ITERATIONS] [--markdown FILE] [--long-run TRACE]
//             [--export-rows N] [--export-dir DIR]
#include "auditexporter.h"
#include "auditquery.h"
#include "auditrepository.h"
#include "benchconnection.h"
#include "benchtable.h"
#include "connectionsettings.h"
#include "databaseconnection.h"
#include "interleaved.h"
#include "llmquery.h"
#include "llmrepository.h"
#include "psqltimer.h"
#include "volumecache.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QProcess>

#include <algorithm>
#include <cstdio>

namespace {

constexpr int kPageSize = 100;

QString thousands(qint64 n)
{
    return QLocale(QLocale::English).toString(n);
}

// A value as a SQL literal (bench code only: the viewer binds every value).
QString literal(const QString &value)
{
    QString text = value;
    text.replace(QLatin1Char('\''), QLatin1String("''"));
    return QLatin1Char('\'') + text + QLatin1Char('\'');
}

class LlmBench
{
public:
    LlmBench(const QString &conninfo, const AuditTableRef &audit, int iterations,
        DatabaseConnection &connection)
        : m_conninfo(conninfo)
        , m_audit(audit)
        , m_table(LlmRepository::tableBeside(audit))
        , m_iterations(iterations)
        , m_connection(connection)
        , m_repository(connection.session(), audit)
        , m_psql(conninfo)
    {
    }

    bool prepare(const QString &longRun);
    void firstPages();
    void runs();
    void charts();
    void openRun();
    void attribution();
    void exportRows(qint64 rows, const QString &dir);

    const BenchTable &results() const { return m_results; }
    QString summary() const { return m_summary; }

private:
    struct Case
    {
        QString name;
        LlmFilter filter;
        // Hindsight lists one bank at a time: its list SQL exists only for a filter with one.
        bool hindsight = false;
    };

    QList<double> interleave(const QList<Interleaved::Side> &sides, int minRounds = 3)
    {
        Interleaved rounds(m_iterations, 3000, minRounds);
        return rounds.measure(sides);
    }
    QString scalar(const QString &sql)
    {
        auto result = m_connection.session().exec(sql);
        return result && result->rowCount() > 0 ? result->text(0, 0) : QString();
    }
    // Hindsight's WHERE for a filter (memory_engine.list_llm_requests): bank_id first.
    QString hindsightWhere(const LlmFilter &filter) const;
    double hindsightList(const LlmFilter &filter);
    double hindsightRuns(const LlmFilter &filter);
    double psqlSum(const QList<SqlStatement> &statements);
    // One line of `ours` beside psql running `psql`, and Hindsight's SQL when the case has a bank.
    void pageLine(const QString &operation, const Case &c, const std::function<bool()> &ours,
        const SqlStatement &psql, const std::function<double()> &hindsight,
        const QString &hindsightNote);
    std::optional<AuditEntry> auditEntry(const QString &id);

    QString m_conninfo;
    AuditTableRef m_audit;
    AuditTableRef m_table;
    int m_iterations;
    DatabaseConnection &m_connection;
    LlmRepository m_repository;
    PsqlTimer m_psql;
    BenchTable m_results;
    QList<Case> m_cases;
    AuditTimestamp m_newest;
    QString m_busyBank;
    QString m_rareBank;
    QString m_longRun;
    QString m_longRunBank;
    QString m_longRunEntry;
    QString m_typicalEntry;
    QString m_summary;
};

QString LlmBench::hindsightWhere(const LlmFilter &filter) const
{
    QStringList terms { QStringLiteral("bank_id = ") + literal(filter.bank.value_or(QString())) };
    const std::pair<const QStringList *, const char *> lists[] = {
        { &filter.statuses, "status" },
        { &filter.operations, "operation" },
        { &filter.scopes, "scope" },
        { &filter.providers, "provider" },
    };
    for (const auto &[values, column] : lists) {
        if (!values->isEmpty()) {
            terms.append(
                QString::fromLatin1(column) + QStringLiteral(" = ") + literal(values->first()));
        }
    }
    if (filter.traceId) {
        terms.append(QStringLiteral("trace_id = ") + literal(*filter.traceId));
    }
    if (filter.documentId) {
        terms.append(QStringLiteral("metadata->>'document_id' = ") + literal(*filter.documentId));
    }
    if (filter.memoryId) {
        terms.append(
            QStringLiteral("(metadata->'memory_ids' ? %1 OR metadata->'source_memory_ids' ? %1)")
                .arg(literal(*filter.memoryId)));
    }
    if (filter.since) {
        terms.append(QStringLiteral("started_at >= ") + literal(filter.since->toIsoUtc()));
    }
    return terms.join(QLatin1String(" AND "));
}

const QString kHindsightColumns = QStringLiteral(
    "id, bank_id, operation, scope, trace_id, span_id, parent_span_id, provider, model, status, "
    "started_at, ended_at, duration_ms, input_tokens, output_tokens, cached_tokens, "
    "total_tokens, input, output, error, llm_info, metadata");

double LlmBench::hindsightList(const LlmFilter &filter)
{
    const QString where = hindsightWhere(filter);
    Interleaved rounds(std::min(m_iterations, 5), 3000);
    const QList<double> t = rounds.measure({
        { QStringLiteral("count"),
            [&] {
                return m_psql.time(QStringLiteral("SELECT COUNT(*) AS total FROM %1 WHERE %2")
                                       .arg(m_table.quoted(), where));
            } },
        { QStringLiteral("page"),
            [&] {
                return m_psql.time(QStringLiteral("SELECT %1 FROM %2 WHERE %3 ORDER BY started_at "
                                                  "DESC LIMIT %4 OFFSET 0")
                                       .arg(kHindsightColumns, m_table.quoted(), where)
                                       .arg(kPageSize));
            } },
    });
    return t.at(0) < 0 || t.at(1) < 0 ? -1 : t.at(0) + t.at(1);
}

double LlmBench::hindsightRuns(const LlmFilter &filter)
{
    // list_llm_requests(group=True): the number of runs, a page of run keys by their latest
    // call, then every matching call of those runs (three statements).
    const QString where = hindsightWhere(filter);
    const QString runKey = QStringLiteral("COALESCE(trace_id, 'single:' || id::text)");
    const QString t = m_table.quoted();
    auto keys = m_connection.session().exec(QStringLiteral(
        "SELECT %1 FROM %2 WHERE %3 GROUP BY 1 ORDER BY MAX(started_at) DESC LIMIT %4")
                                                .arg(runKey, t, where)
                                                .arg(kPageSize));
    QStringList keyLiterals;
    for (int row = 0; keys && row < keys->rowCount(); ++row) {
        keyLiterals.append(literal(keys->text(row, 0)));
    }
    Interleaved rounds(std::min(m_iterations, 5), 3000);
    const QList<double> times = rounds.measure({
        { QStringLiteral("count"),
            [&] {
                return m_psql.time(QStringLiteral("SELECT COUNT(*) AS total FROM (SELECT 1 FROM %1 "
                                                  "WHERE %2 GROUP BY %3) q")
                                       .arg(t, where, runKey));
            } },
        { QStringLiteral("keys"),
            [&] {
                return m_psql.time(
                    QStringLiteral("SELECT %1 AS run_key, MAX(started_at) AS run_end "
                                   "FROM %2 WHERE %3 GROUP BY %1 ORDER BY run_end "
                                   "DESC LIMIT %4 OFFSET 0")
                        .arg(runKey, t, where)
                        .arg(kPageSize));
            } },
        { QStringLiteral("rows"),
            [&] {
                return m_psql.time(QStringLiteral("SELECT %1 FROM %2 WHERE %3 AND %4 = "
                                                  "ANY(ARRAY[%5]::text[]) ORDER BY started_at DESC")
                                       .arg(kHindsightColumns, t, where, runKey,
                                           keyLiterals.join(QLatin1String(", "))));
            } },
    });
    return times.contains(-1) ? -1 : times.at(0) + times.at(1) + times.at(2);
}

double LlmBench::psqlSum(const QList<SqlStatement> &statements)
{
    double sum = 0;
    for (const SqlStatement &statement : statements) {
        const double t = m_psql.time(statement);
        if (t < 0) {
            return -1;
        }
        sum += t;
    }
    return sum;
}

std::optional<AuditEntry> LlmBench::auditEntry(const QString &id)
{
    auto detail = AuditRepository(m_connection.session(), m_audit).entry(id);
    if (!detail) {
        return std::nullopt;
    }
    return detail->entry;
}

bool LlmBench::prepare(const QString &longRun)
{
    auto state = m_repository.state();
    if (!state || state->kind != LlmLogState::Kind::HasRows) {
        std::fprintf(stderr, "no LLM calls in %s\n", qPrintable(m_table.displayName()));
        return false;
    }
    const QString t = m_table.quoted();
    const QString newest = scalar(QStringLiteral("SELECT max(started_at) FROM %1").arg(t));
    const auto parsed
        = AuditTimestamp::fromPostgresText(newest.toUtf8().constData(), newest.size());
    auto banks = m_connection.session().exec(QStringLiteral(
        "SELECT bank_id, count(*) FROM %1 WHERE bank_id IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1")
                                                 .arg(t));
    if (!parsed || !banks || banks->rowCount() == 0) {
        std::fprintf(stderr, "the table is empty or unreadable\n");
        return false;
    }
    m_newest = *parsed;
    m_busyBank = banks->text(0, 0);
    m_rareBank = banks->text(banks->rowCount() - 1, 0);
    const QString busy = literal(m_busyBank);
    const QString documentId = scalar(QStringLiteral(
        "SELECT metadata->>'document_id' FROM %1 WHERE bank_id = %2 AND operation = 'retain' "
        "ORDER BY started_at DESC LIMIT 1 OFFSET 500")
                                          .arg(t, busy));
    const QString memoryId = scalar(QStringLiteral(
        "SELECT metadata->'memory_ids'->>0 FROM %1 WHERE bank_id = %2 AND operation = 'retain' "
        "AND metadata ? 'memory_ids' ORDER BY started_at DESC LIMIT 1 OFFSET 500")
                                        .arg(t, busy));
    const QString traceId = scalar(QStringLiteral(
        "SELECT trace_id FROM %1 WHERE bank_id = %2 ORDER BY started_at DESC LIMIT 1 "
        "OFFSET 20000")
                                       .arg(t, busy));
    m_longRun = longRun;
    m_longRunBank = scalar(QStringLiteral("SELECT bank_id FROM %1 WHERE trace_id = %2 LIMIT 1")
                               .arg(t, literal(longRun)));
    const qint64 longCalls = scalar(
        QStringLiteral("SELECT count(*) FROM %1 WHERE trace_id = %2").arg(t, literal(longRun)))
                                 .toLongLong();
    // The audit entries to attribute: the long run's, and the newest retain of the busiest
    // bank that caused calls (its span holds a run's first call).
    const QString a = m_audit.quoted();
    m_longRunEntry = scalar(
        QStringLiteral("SELECT a.id FROM %1 a, (SELECT min(started_at) s FROM %2 WHERE trace_id = "
                       "%3) r WHERE a.bank_id = %4 AND a.action = 'consolidation' AND a.started_at "
                       "<= r.s AND a.ended_at >= r.s ORDER BY a.started_at DESC LIMIT 1")
            .arg(a, t, literal(longRun), literal(m_longRunBank)));
    m_typicalEntry = scalar(QStringLiteral(
        "SELECT a.id FROM %1 a WHERE a.bank_id = %2 AND a.action = 'retain' AND EXISTS (SELECT 1 "
        "FROM %3 c WHERE c.bank_id = a.bank_id AND c.started_at >= a.started_at AND c.started_at "
        "<= a.ended_at AND c.operation = 'retain') ORDER BY a.started_at DESC LIMIT 1")
                                .arg(a, busy, t));
    const QString size
        = scalar(QStringLiteral("SELECT pg_size_pretty(pg_total_relation_size(%1::regclass))")
                     .arg(literal(t)));
    const qint64 estimated = m_repository.estimatedCount(LlmFilter()).value_or(-1);
    m_summary = QStringLiteral("%1 calls (planner's count), %2 with indexes and TOAST, %3 banks; "
                               "busiest bank %4 (%5 calls), rarest %6 (%7); newest call %8; the "
                               "long run: %9 calls")
                    .arg(thousands(estimated), size, QString::number(banks->rowCount()), m_busyBank,
                        thousands(banks->integer(0, 1)), m_rareBank,
                        thousands(banks->integer(banks->rowCount() - 1, 1)), m_newest.toIsoUtc(),
                        thousands(longCalls));
    std::printf("%s\n", qPrintable(m_summary));

    const auto hoursBack = [this](qint64 hours) {
        return AuditTimestamp::fromUsecsSinceEpoch(
            m_newest.usecsSinceEpoch() - hours * 3600LL * 1000000);
    };
    const auto add = [this](const QString &name, bool hindsight, auto setup) {
        LlmFilter f;
        setup(f);
        m_cases.append({ name, f, hindsight });
    };
    add(QStringLiteral("none"), false, [](LlmFilter &) {});
    add(QStringLiteral("status=error"), false,
        [](LlmFilter &f) { f.statuses = { QStringLiteral("error") }; });
    add(QStringLiteral("operation=consolidation"), false,
        [](LlmFilter &f) { f.operations = { QStringLiteral("consolidation") }; });
    add(QStringLiteral("operation=mental_model_delta_ops (rare)"), false,
        [](LlmFilter &f) { f.operations = { QStringLiteral("mental_model_delta_ops") }; });
    add(QStringLiteral("scope=verification"), false,
        [](LlmFilter &f) { f.scopes = { QStringLiteral("verification") }; });
    add(QStringLiteral("provider=ollama"), false,
        [](LlmFilter &f) { f.providers = { QStringLiteral("ollama") }; });
    add(QStringLiteral("model=gemini-2.5-pro"), false,
        [](LlmFilter &f) { f.models = { QStringLiteral("gemini-2.5-pro") }; });
    add(QStringLiteral("bank=busiest"), true, [this](LlmFilter &f) { f.bank = m_busyBank; });
    add(QStringLiteral("bank=rarest"), true, [this](LlmFilter &f) { f.bank = m_rareBank; });
    add(QStringLiteral("bank=busiest+status=error"), true, [this](LlmFilter &f) {
        f.bank = m_busyBank;
        f.statuses = { QStringLiteral("error") };
    });
    add(QStringLiteral("bank=busiest+operation=retain"), true, [this](LlmFilter &f) {
        f.bank = m_busyBank;
        f.operations = { QStringLiteral("retain") };
    });
    add(QStringLiteral("bank=busiest+document"), true, [this, documentId](LlmFilter &f) {
        f.bank = m_busyBank;
        f.documentId = documentId;
    });
    add(QStringLiteral("bank=busiest+memory"), true, [this, memoryId](LlmFilter &f) {
        f.bank = m_busyBank;
        f.memoryId = memoryId;
    });
    add(QStringLiteral("bank=busiest+run"), true, [this, traceId](LlmFilter &f) {
        f.bank = m_busyBank;
        f.traceId = traceId;
    });
    add(QStringLiteral("run (no bank)"), false, [traceId](LlmFilter &f) { f.traceId = traceId; });
    add(QStringLiteral("last 24h"), false, [&](LlmFilter &f) { f.since = hoursBack(24); });
    add(QStringLiteral("one day, 30 days back"), false, [&](LlmFilter &f) {
        f.since = hoursBack(30 * 24);
        f.until = hoursBack(29 * 24);
    });
    add(QStringLiteral("slower than 60 s"), false, [](LlmFilter &f) { f.minDurationMs = 60000; });
    add(QStringLiteral("document (no bank)"), false,
        [documentId](LlmFilter &f) { f.documentId = documentId; });
    add(QStringLiteral("search=Lisbon"), false,
        [](LlmFilter &f) { f.search = QStringLiteral("Lisbon"); });
    add(QStringLiteral("search=TimeoutError"), false,
        [](LlmFilter &f) { f.search = QStringLiteral("TimeoutError"); });
    return true;
}

void LlmBench::pageLine(const QString &operation, const Case &c, const std::function<bool()> &ours,
    const SqlStatement &psql, const std::function<double()> &hindsight,
    const QString &hindsightNote)
{
    const QList<double> t = interleave({
        { QStringLiteral("ours"), [&] { return Interleaved::timed(ours); } },
        { QStringLiteral("psql"), [&] { return m_psql.time(psql); } },
    });
    BenchLine line { operation, c.name, t.at(0), t.at(1), c.hindsight ? hindsight() : -1,
        QStringLiteral("≤ 1.5x psql"), std::nullopt,
        c.hindsight ? hindsightNote : QStringLiteral("Hindsight lists one bank at a time") };
    if (line.ours >= 0 && line.psql > 0) {
        line.pass = line.ours <= 1.5 * line.psql;
    }
    m_results.add(line);
}

void LlmBench::firstPages()
{
    for (const Case &c : std::as_const(m_cases)) {
        pageLine(
            QStringLiteral("first page"), c,
            [&] { return m_repository.page(c.filter, kPageSize).ok(); },
            LlmQuery::page({ m_table }, c.filter, kPageSize + 1, std::nullopt, false),
            [&] { return hindsightList(c.filter); }, QString());
    }
}

void LlmBench::runs()
{
    const QStringList names { QStringLiteral("none"), QStringLiteral("status=error"),
        QStringLiteral("operation=consolidation"), QStringLiteral("bank=busiest"),
        QStringLiteral("bank=rarest") };
    for (const Case &c : std::as_const(m_cases)) {
        if (!names.contains(c.name)) {
            continue;
        }
        pageLine(
            QStringLiteral("runs page"), c,
            [&] { return m_repository.runs(c.filter, kPageSize).ok(); },
            LlmQuery::runs({ m_table }, c.filter, kPageSize + 1, std::nullopt),
            [&] { return hindsightRuns(c.filter); },
            QStringLiteral("Hindsight: count of runs, run keys, their calls"));
    }
}

void LlmBench::charts()
{
    const QList<AuditTableRef> tables { m_table };
    const QTimeZone zone = QTimeZone::utc();
    const LlmFilter none;
    // A refresh is the window's: through the chart cache (VolumeCache, in memory here), which
    // asks where the rows live and for late arrivals, then counts only the open buckets.
    VolumeCache cache(15 * 60, 6 * 3600, QString());
    (void)m_repository.cachedStats(cache, none, VolumePeriod::ThirtyDays, zone);
    const QList<double> t = interleave(
        {
            { QStringLiteral("first load"),
                [&] {
                    return Interleaved::timed([&] {
                        return m_repository.stats(none, VolumePeriod::ThirtyDays, zone).ok();
                    });
                } },
            { QStringLiteral("psql"),
                [&] {
                    const VolumeRange range = VolumeRange::forPeriod(
                        VolumePeriod::ThirtyDays, QDateTime::currentDateTimeUtc(), zone);
                    return m_psql.time(
                        LlmQuery::stats(tables, none, range, QStringLiteral("UTC"), false));
                } },
            { QStringLiteral("refresh"),
                [&] {
                    return Interleaved::timed([&] {
                        return m_repository.cachedStats(cache, none, VolumePeriod::ThirtyDays, zone)
                            .ok();
                    });
                } },
        },
        5);
    // llm_request_stats(period="30d"): one bank, by day and status, with the token sums.
    Interleaved hindsightRounds(std::min(m_iterations, 5), 3000);
    const double hindsight
        = hindsightRounds
              .measure({ { QStringLiteral("stats"),
                  [&] {
                      return m_psql.time(QStringLiteral(
                          "SELECT date_trunc('day', started_at) AS bucket, status, COUNT(*) AS "
                          "count, COALESCE(SUM(input_tokens), 0), COALESCE(SUM(output_tokens), "
                          "0), COALESCE(SUM(cached_tokens), 0), COALESCE(SUM(total_tokens), 0) "
                          "FROM %1 WHERE bank_id = %2 AND started_at >= now() - interval '30 "
                          "days' GROUP BY bucket, status ORDER BY bucket ASC")
                                             .arg(m_table.quoted(), literal(m_busyBank)));
                  } } })
              .at(0);
    BenchLine first { QStringLiteral("chart 30d tokens first load"), QStringLiteral("none"),
        t.at(0), t.at(1), hindsight, QStringLiteral("≤ 1.2x psql"), std::nullopt,
        QStringLiteral("calls and tokens per day, status and operation in one statement; "
                       "Hindsight's column: its stats for the busiest bank alone") };
    BenchLine refresh { QStringLiteral("chart 30d tokens refresh"), QStringLiteral("none"), t.at(2),
        t.at(1), hindsight, QStringLiteral("≤ 0.1x psql"), std::nullopt,
        QStringLiteral("through the chart cache: the source, late arrivals, then today's open "
                       "bucket (LlmRepository::cachedStats); refresh / first load = %1")
            .arg(BenchTable::ratio(t.at(2), t.at(0))) };
    if (t.at(1) > 0) {
        first.pass = t.at(0) >= 0 && t.at(0) <= 1.2 * t.at(1);
        refresh.pass = t.at(2) >= 0 && t.at(2) <= 0.1 * t.at(1);
    }
    m_results.add(first);
    m_results.add(refresh);
}

void LlmBench::openRun()
{
    if (m_longRunBank.isEmpty()) {
        std::fprintf(stderr, "no long run %s\n", qPrintable(m_longRun));
        return;
    }
    qint64 calls = 0;
    const QList<double> t = interleave({
        { QStringLiteral("ours"),
            [&] {
                return Interleaved::timed([&] {
                    auto run = m_repository.run(m_longRun, m_longRunBank);
                    calls = run ? run->calls.size() : -1;
                    return run.ok();
                });
            } },
        { QStringLiteral("psql"),
            [&] { return m_psql.time(LlmQuery::runCalls(m_table, m_longRun, m_longRunBank)); } },
    });
    BenchLine line { QStringLiteral("open a run (waterfall data)"),
        QStringLiteral("%1 calls").arg(thousands(calls)), t.at(0), t.at(1), -1,
        QStringLiteral("≤ 100 ms"), std::nullopt,
        QStringLiteral("LlmRepository::run: every call of the run with the run's totals") };
    line.pass = line.ours >= 0 && line.ours <= 100;
    m_results.add(line);
}

void LlmBench::attribution()
{
    const QList<std::pair<QString, QString>> entries {
        { QStringLiteral("retain of the busiest bank"), m_typicalEntry },
        { QStringLiteral("consolidation of the long run"), m_longRunEntry }
    };
    for (const auto &[name, id] : entries) {
        const auto entry = auditEntry(id);
        if (!entry || !entry->bankId) {
            std::fprintf(stderr, "no audit entry for %s\n", qPrintable(name));
            continue;
        }
        // psql runs the statements attribution() runs, one after the other: the runs that
        // started in the span, the entries holding each run's first call, the entries
        // overlapping the span.
        auto attributed = m_repository.attribution(*entry);
        if (!attributed) {
            std::fprintf(stderr, "attribution: %s\n", qPrintable(attributed.error().message));
            continue;
        }
        const AuditTimestamp until = entry->endedAt.value_or(m_newest);
        const AuditTimestamp after
            = AuditTimestamp::fromUsecsSinceEpoch(until.usecsSinceEpoch() + 1);
        QList<SqlStatement> statements { LlmQuery::runsStartingWithin(m_table, *entry->bankId,
            llmOperationsOfAction(entry->action), entry->startedAt, after) };
        for (const LlmAttributedRun &run : std::as_const(attributed->runs)) {
            statements.append(LlmQuery::entriesHolding(m_audit, *entry->bankId,
                auditActionsOfOperation(run.run.operation), run.run.firstStart));
        }
        statements.append(
            LlmQuery::entriesHolding(m_audit, *entry->bankId, { entry->action }, until));
        AuditFilter within;
        within.bank = entry->bankId;
        within.actions = { entry->action };
        within.since = entry->startedAt;
        within.until = after;
        statements.append(
            AuditQuery::page(m_audit, within, 1000, std::nullopt, SortOrder::NewestFirst));
        const QList<double> t = interleave({
            { QStringLiteral("ours"),
                [&] {
                    return Interleaved::timed(
                        [&] { return m_repository.attribution(*entry).ok(); });
                } },
            { QStringLiteral("psql"), [&] { return psqlSum(statements); } },
        });
        BenchLine line { QStringLiteral("attribution (--during)"), name, t.at(0), t.at(1), -1,
            QStringLiteral("≤ 50 ms"), std::nullopt,
            QStringLiteral("%1 run(s), %2 calls, %3 overlapping entries; psql: the same %4 "
                           "statements in turn")
                .arg(attributed->runs.size())
                .arg(attributed->calls)
                .arg(attributed->overlappingEntries)
                .arg(statements.size()) };
        line.pass = line.ours >= 0 && line.ours <= 50;
        m_results.add(line);
    }
}

void LlmBench::exportRows(qint64 rows, const QString &dirPath)
{
    if (rows <= 0) {
        return;
    }
    // The newest N calls: a time bound both sides use.
    const QString since
        = scalar(QStringLiteral("SELECT started_at FROM %1 ORDER BY started_at DESC "
                                "LIMIT 1 OFFSET %2")
                     .arg(m_table.quoted())
                     .arg(rows - 1));
    const auto bound = AuditTimestamp::fromPostgresText(since.toUtf8().constData(), since.size());
    if (!bound) {
        std::fprintf(stderr, "fewer calls than the export should write\n");
        return;
    }
    LlmFilter filter;
    filter.since = *bound;
    const QDir dir(dirPath.isEmpty() ? QDir::tempPath() : dirPath);
    const QString ours = dir.filePath(QStringLiteral("bench-llm-ours.csv"));
    const QString theirs = dir.filePath(QStringLiteral("bench-llm-psql.csv"));
    qint64 written = -1;
    const auto exportWith = [&](bool mask) {
        return Interleaved::timed([&] {
            ExportOptions options;
            options.maskSecrets = mask;
            AuditExporter exporter(m_connection.session(), m_audit);
            const auto n = exporter.exportLlmToFile(filter, false, options, ours);
            written = n ? *n : -1;
            return n.ok();
        });
    };
    const QString select
        = PsqlTimer::withLiterals(LlmQuery::exportRows({ m_table }, filter, false, true));
    const int exports = std::clamp(m_iterations / 10, 1, 3);
    Interleaved rounds(exports, 1e12, exports);
    const QList<double> t = rounds.measure({
        { QStringLiteral("ours"), [&] { return exportWith(false); } },
        { QStringLiteral("psql \\copy"),
            [&] {
                return Interleaved::timed(
                    [&] { return PsqlTimer::copyToCsv(m_conninfo, select, theirs); });
            } },
        { QStringLiteral("ours, masked"), [&] { return exportWith(true); } },
    });
    const auto megabytes
        = [](const QString &path) { return QString::number(QFileInfo(path).size() / 1e6, 'f', 0); };
    BenchLine line { QStringLiteral("export csv"),
        QStringLiteral("newest %1 calls").arg(thousands(rows)), t.at(0), t.at(1), -1,
        QStringLiteral("≤ 1.25x psql \\copy"), std::nullopt,
        QStringLiteral("%1 rows with input, output, llm_info, metadata: %2 MB, psql %3 MB; "
                       "with secrets masked (the dialog's default) %4 ms = %5 psql; medians of %6")
            .arg(thousands(written), megabytes(ours), megabytes(theirs),
                BenchTable::milliseconds(t.at(2)), BenchTable::ratio(t.at(2), t.at(1)))
            .arg(rounds.rounds()) };
    if (line.ours >= 0 && line.psql > 0) {
        line.pass = line.ours <= 1.25 * line.psql;
    }
    m_results.add(line);
    QFile::remove(ours);
    QFile::remove(theirs);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("conninfo"), QStringLiteral("libpq conninfo"));
    parser.addPositionalArgument(
        QStringLiteral("schema"), QStringLiteral("schema of llm_requests"));
    parser.addPositionalArgument(QStringLiteral("iterations"), QStringLiteral("default 30"));
    const QCommandLineOption markdown(QStringLiteral("markdown"),
        QStringLiteral("Also write the table as Markdown"), QStringLiteral("file"));
    const QCommandLineOption longRun(QStringLiteral("long-run"),
        QStringLiteral("trace_id of the run to open as a waterfall"), QStringLiteral("trace"));
    const QCommandLineOption exportRows(QStringLiteral("export-rows"),
        QStringLiteral("Calls to export (0: none)"), QStringLiteral("n"), QStringLiteral("500000"));
    const QCommandLineOption exportDir(QStringLiteral("export-dir"),
        QStringLiteral("Where the export files go"), QStringLiteral("dir"));
    parser.addOptions({ markdown, longRun, exportRows, exportDir });
    parser.addHelpOption();
    parser.process(app);
    const QStringList args = parser.positionalArguments();
    if (args.size() < 2) {
        parser.showHelp(1);
    }
    const QString conninfo = args.at(0);
    const AuditTableRef audit { args.at(1), QStringLiteral("audit_log"), QString() };
    const int iterations = std::max(1, args.value(2, QStringLiteral("30")).toInt());

    DatabaseConnection connection;
    if (!openBenchConnection(connection, conninfo)) {
        return 2;
    }
    LlmBench bench(conninfo, audit, iterations, connection);
    if (!bench.prepare(parser.value(longRun))) {
        return 2;
    }
    std::printf("medians in milliseconds, up to %d rounds per line\n", iterations);
    bench.firstPages();
    bench.runs();
    bench.charts();
    bench.openRun();
    bench.attribution();
    bench.exportRows(parser.value(exportRows).toLongLong(), parser.value(exportDir));

    if (parser.isSet(markdown)) {
        QFile file(parser.value(markdown));
        if (file.open(QIODevice::WriteOnly)) {
            file.write(QStringLiteral("%1.\n\n").arg(bench.summary()).toUtf8());
            file.write(bench.results().markdown().toUtf8());
        }
    }
    const QStringList misses = bench.results().misses();
    for (const QString &miss : misses) {
        std::printf("missed: %s\n", qPrintable(miss));
    }
    return 0;
}
