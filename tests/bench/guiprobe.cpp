#include "guiprobe.h"

#include "auditrepository.h"

#include "auditquery.h"
#include "databaseconnection.h"
#include "mainwindow.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QLocale>
#include <QTimer>

#include <algorithm>
#include <cstdio>

namespace {

QString thousands(qint64 n)
{
    return QLocale(QLocale::English).toString(n);
}

std::optional<AuditTimestamp> timestampAt(const PgResult &result, int row, int column)
{
    if (result.rowCount() <= row || result.isNull(row, column)) {
        return std::nullopt;
    }
    return AuditTimestamp::fromPostgresText(
        result.rawValue(row, column), result.rawLength(row, column));
}

} // namespace

GuiProbe::GuiProbe(Options options, TimedApplication &app)
    : m_options(std::move(options))
    , m_app(app)
{
    m_app.setLateness(&m_lateness);
}

GuiProbe::~GuiProbe()
{
    m_app.setLateness(nullptr);
    removeLeftoverFiles();
}

void GuiProbe::removeLeftoverFiles()
{
    for (const QString &path : std::as_const(m_leftoverFiles)) {
        QFile::remove(path);
    }
    m_leftoverFiles.clear();
}

qint64 GuiProbe::statusKb(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly)) {
        return -1;
    }
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field)) {
            return line.mid(qstrlen(field)).trimmed().split(' ').value(0).toLongLong();
        }
    }
    return -1;
}

void GuiProbe::note(const QString &text)
{
    m_notes.append(text);
    std::printf("  %s\n", qPrintable(text));
    std::fflush(stdout);
}

bool GuiProbe::waitUntil(const std::function<bool()> &done, int timeoutMs, const QString &what)
{
    if (done()) {
        return true;
    }
    QEventLoop loop;
    QTimer poll;
    poll.setInterval(2);
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done()) {
            loop.quit();
        }
    });
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
    poll.start();
    deadline.start(timeoutMs);
    loop.exec();
    if (!done()) {
        note(QStringLiteral("timed out after %1 s waiting for %2").arg(timeoutMs / 1000).arg(what));
        return false;
    }
    return true;
}

bool GuiProbe::prepare()
{
    auto parsed = ConnectionSettings::parse(m_options.conninfo);
    if (!parsed) {
        std::fprintf(stderr, "%s\n", qPrintable(parsed.error().message));
        return false;
    }
    m_settings = parsed.value();
    m_settings.setTable(m_options.table);
    m_settings.setValue(QStringLiteral("application_name"), QStringLiteral("audit-viewer-probe"));
    // A connection of the probe's own, closed before anything is measured.
    DatabaseConnection connection;
    if (auto opened = connection.open(m_settings); !opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error().message));
        return false;
    }
    const PgSession session = connection.session();
    // With a schema pattern, the probe's own lookups read the first tenant it matches.
    AuditTableRef lookup = m_options.table;
    if (lookup.isMultiSchema()) {
        auto first = AuditRepository(session, lookup).schemasHoldingTable();
        if (!first || first->isEmpty()) {
            std::fprintf(stderr, "no schema matches %s\n", qPrintable(lookup.schemaPattern));
            return false;
        }
        lookup = lookup.inSchema(first->first().schema);
    }
    const QString t = lookup.quoted();
    if (m_options.largestId.isEmpty()) {
        auto largest = session.exec(
            QStringLiteral("SELECT id::text FROM %1 ORDER BY coalesce(pg_column_size(request), 0) "
                           "+ coalesce(pg_column_size(response), 0) DESC LIMIT 1")
                .arg(t));
        if (!largest || largest->rowCount() == 0) {
            return false;
        }
        m_options.largestId = largest->text(0, 0);
    }
    SqlStatement entry;
    entry.sql = QStringLiteral("SELECT started_at FROM %1 WHERE id = %2::uuid")
                    .arg(t, entry.bind(m_options.largestId));
    auto started = session.exec(entry);
    auto since = session.exec(
        QStringLiteral("SELECT started_at FROM %1 ORDER BY started_at DESC LIMIT 1 OFFSET %2")
            .arg(t)
            .arg(std::max<qint64>(0, m_options.exportRows - 1)));
    auto bank = session.exec(QStringLiteral(
        "SELECT bank_id FROM (SELECT bank_id FROM %1 ORDER BY started_at DESC LIMIT 10000) r "
        "WHERE bank_id IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1")
                                 .arg(t));
    if (!started || !since || !bank || bank->rowCount() == 0) {
        std::fprintf(stderr, "the table is empty or unreadable\n");
        return false;
    }
    const auto largestStarted = timestampAt(*started, 0, 0);
    const auto exportSince = timestampAt(*since, 0, 0);
    if (!largestStarted || !exportSince) {
        std::fprintf(stderr, "no entry %s, or fewer rows than the export needs\n",
            qPrintable(m_options.largestId));
        return false;
    }
    m_largestStarted = *largestStarted;
    m_exportSince = *exportSince;
    m_busyBank = bank->text(0, 0);
    return true;
}

bool GuiProbe::run()
{
    constexpr int kRepaintPages = 20;
    struct Phase
    {
        QString key;
        QString name;
        std::function<bool()> run;
    };
    const QList<Phase> phases {
        { QStringLiteral("window"), QStringLiteral("open the window: first page, today's chart"),
            [&] { return openWindow(); } },
        { QStringLiteral("pages"), QStringLiteral("next page ×%1").arg(m_options.pages),
            [&] { return nextPages(m_options.pages); } },
        { QStringLiteral("repaint"),
            QStringLiteral("repaint the table and the window on %1 pages").arg(kRepaintPages),
            [&] { return repaintPages(kRepaintPages); } },
        { QStringLiteral("filters"), QStringLiteral("six filter changes"),
            [&] { return changeFilters(); } },
        { QStringLiteral("chart"), QStringLiteral("chart 7d, 30d, refresh, F5, today"),
            [&] { return chartPeriods(); } },
        { QStringLiteral("export"),
            QStringLiteral("export %1 rows with JSON").arg(thousands(m_options.exportRows)),
            [&] { return exportFiltered(); } },
        { QStringLiteral("entry"), QStringLiteral("open the largest entry, scroll it"),
            [&] { return openLargestEntry(); } },
        { QStringLiteral("llm"),
            QStringLiteral("LLM calls: first page, 10 next pages, 30-day tokens, runs, the "
                           "largest run's waterfall, a call"),
            [&] { return llmCalls(); } },
    };
    for (const Phase &phase : phases) {
        if (phase.key != QLatin1String("window") && !m_options.phases.isEmpty()
            && !m_options.phases.contains(phase.key)) {
            continue;
        }
        std::printf("%s\n", qPrintable(phase.name));
        m_lateness.beginPhase(phase.name);
        if (!phase.run()) {
            m_lateness.stop();
            return false;
        }
    }
    // A last quiet second: whatever the final phase left queued counts too.
    m_lateness.beginPhase(QStringLiteral("idle"));
    QElapsedTimer idle;
    idle.start();
    waitUntil([&] { return idle.elapsed() >= 1000; }, 2000, QStringLiteral("idle"));
    m_lateness.stop();
    removeLeftoverFiles();
    return true;
}

bool GuiProbe::memoryOfPaging()
{
    m_memoryPhase
        = QStringLiteral("paging through %1 pages of 100 rows").arg(thousands(m_options.pages));
    if (!openWindow()) {
        return false;
    }
    m_baselineKb = statusKb("VmRSS:");
    const bool ok = nextPages(m_options.pages);
    m_peakKb = statusKb("VmHWM:");
    return ok;
}

bool GuiProbe::memoryOfExport()
{
    m_memoryPhase = QStringLiteral("exporting %1 rows with JSON through the export dialog")
                        .arg(thousands(m_options.exportRows));
    if (!openWindow()) {
        return false;
    }
    m_baselineKb = statusKb("VmRSS:");
    const bool ok = exportFiltered();
    m_peakKb = statusKb("VmHWM:");
    return ok;
}

QString GuiProbe::stallMarkdown() const
{
    QStringList out;
    out.append(
        QStringLiteral("| phase | seconds | ticks | max lateness ms | p99 ms | ticks > 50 ms "
                       "| no stall > 50 ms |"));
    out.append(QStringLiteral("|---|--:|--:|--:|--:|--:|---|"));
    QList<double> all;
    const auto row = [&](const QString &name, double seconds, const QList<double> &lateness) {
        const LoopLateness::Stats s = LoopLateness::statsOf(lateness);
        out.append(QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 | %7 |")
                       .arg(name, QString::number(seconds, 'f', 1), QString::number(s.ticks),
                           QString::number(s.max, 'f', 1), QString::number(s.p99, 'f', 1),
                           QString::number(s.over50),
                           s.max <= 50 ? QStringLiteral("PASS") : QStringLiteral("**MISS**")));
    };
    double total = 0;
    for (const LoopLateness::Phase &phase : m_lateness.phases()) {
        row(phase.name, phase.seconds, phase.lateness);
        all += phase.lateness;
        total += phase.seconds;
    }
    row(QStringLiteral("**overall**"), total, all);
    out.append(QString());
    QList<TimedApplication::LongEvent> events = m_app.longEvents();
    std::sort(
        events.begin(), events.end(), [](const auto &a, const auto &b) { return a.ms > b.ms; });
    if (events.isEmpty()) {
        out.append(QStringLiteral("No event held the GUI thread longer than 20 ms."));
    } else {
        out.append(QStringLiteral("Events that held the GUI thread longest (of %1 over 20 ms):")
                       .arg(events.size()));
        out.append(QString());
        out.append(QStringLiteral("| ms | phase | receiver | event |"));
        out.append(QStringLiteral("|--:|---|---|---|"));
        for (const auto &event : events.mid(0, 12)) {
            out.append(QStringLiteral("| %1 | %2 | %3 | %4 |")
                           .arg(QString::number(event.ms, 'f', 1), event.phase, event.receiver,
                               event.event));
        }
    }
    out.append(QString());
    for (const QString &text : m_notes) {
        out.append(QStringLiteral("- ") + text);
    }
    return out.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

QString GuiProbe::memoryMarkdown() const
{
    const double peak = m_peakKb / 1024.0;
    return QStringLiteral("| %1 | %2 | %3 | ≤ 200 MB | %4 |\n")
        .arg(m_memoryPhase, QString::number(m_baselineKb / 1024.0, 'f', 0),
            QString::number(peak, 'f', 0),
            m_peakKb > 0 && peak <= 200 ? QStringLiteral("PASS") : QStringLiteral("**MISS**"));
}
