// The RepositoryBench measurements that read many rows or big ones: the volume chart,
// an export of a million rows and the largest entry.
#include "repositorybench.h"

#include "auditexporter.h"
#include "auditquery.h"
#include "auditworker.h"
#include "hindsightsql.h"
#include "jsonprettyprinter.h"
#include "secretmasker.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QProcess>

#include <algorithm>
#include <cstdio>

namespace {

QString thousands(qint64 n)
{
    return QLocale(QLocale::English).toString(n);
}

// Runs the event loop until `worker` answers `request`: false when it failed.
bool waitForAnswer(AuditWorker &worker, quint64 request)
{
    QEventLoop loop;
    bool ok = false;
    QObject::connect(&worker, &AuditWorker::volumeLoaded, &loop, [&](quint64 id) {
        if (id == request) {
            ok = true;
            loop.quit();
        }
    });
    QObject::connect(&worker, &AuditWorker::connected, &loop, [&](quint64 id) {
        if (id == request) {
            ok = true;
            loop.quit();
        }
    });
    QObject::connect(
        &worker, &AuditWorker::queryFailed, &loop, [&](quint64 id, const QueryError &error) {
            if (id == request) {
                std::fprintf(stderr, "worker: %s\n", qPrintable(error.message));
                loop.quit();
            }
        });
    loop.exec();
    return ok;
}

} // namespace

void RepositoryBench::charts()
{
    // As the window does it: a worker with its own connection and VolumeCache.
    const auto parsed = ConnectionSettings::parse(m_options.conninfo);
    if (!parsed) {
        return;
    }
    ConnectionSettings settings = parsed.value();
    settings.setTable(m_options.table);
    AuditWorker worker;
    if (!waitForAnswer(worker, worker.connectTo(settings))) {
        return;
    }
    const QTimeZone zone = QTimeZone::systemTimeZone();
    const QString zoneId
        = zone == QTimeZone::utc() ? QStringLiteral("UTC") : QString::fromUtf8(zone.id());
    AuditFilter recall;
    recall.actions = { QStringLiteral("recall") };
    const QList<std::pair<VolumePeriod, AuditFilter>> charts { { VolumePeriod::Today, {} },
        { VolumePeriod::SevenDays, {} }, { VolumePeriod::ThirtyDays, {} },
        { VolumePeriod::ThirtyDays, recall } };
    for (const auto &[period, filter] : charts) {
        const bool targeted = period == VolumePeriod::ThirtyDays && filter.isEmpty();
        const auto load = [&](bool recountAll) {
            return Interleaved::timed([&] {
                return waitForAnswer(worker, worker.loadVolume(filter, period, zone, recountAll));
            });
        };
        // The window opened again: a worker of its own, whose VolumeCache starts empty and
        // reads what the first loads left on disk. Connecting is not timed.
        const auto afterRestart = [&] {
            AuditWorker again;
            if (!waitForAnswer(again, again.connectTo(settings))) {
                return -1.0;
            }
            return Interleaved::timed([&] {
                return waitForAnswer(again, again.loadVolume(filter, period, zone, false));
            });
        };
        QList<Interleaved::Side> sides {
            { QStringLiteral("first load"), [&] { return load(true); } },
            { QStringLiteral("psql"),
                [&] {
                    const VolumeRange range
                        = VolumeRange::forPeriod(period, QDateTime::currentDateTimeUtc(), zone);
                    return m_psql.time(AuditQuery::volume(m_options.table, filter, range, zoneId));
                } },
            { QStringLiteral("refresh"), [&] { return load(false); } },
            { QStringLiteral("psql in one scan"),
                [&] {
                    const VolumeRange range
                        = VolumeRange::forPeriod(period, QDateTime::currentDateTimeUtc(), zone);
                    // The way the viewer counted them before it went action by action.
                    return m_psql.time(
                        AuditQuery::volumeInOneScan(m_options.table, filter, range, zoneId));
                } },
        };
        if (targeted) {
            sides.append({ QStringLiteral("after restart"), afterRestart });
        }
        const QList<double> t = interleave(sides, 5); // rounds of seconds on a noisy machine
        Interleaved hindsightRounds(std::min(m_options.iterations, 5), m_options.budgetMs);
        const double hindsight
            = hindsightRounds
                  .measure({ { QStringLiteral("stats"),
                      [&] {
                          return m_psql.time(HindsightSql::stats(m_options.table, filter, period));
                      } } })
                  .at(0);
        const QString name = QStringLiteral("chart %1").arg(volumePeriodName(period));
        const QString filterName
            = filter.isEmpty() ? QStringLiteral("none") : QStringLiteral("action=recall");
        BenchLine first { name + QStringLiteral(" first load"), filterName, t.at(0), t.at(1),
            hindsight, targeted ? QStringLiteral("≤ 1.2x psql") : QString(), std::nullopt,
            QStringLiteral("through AuditWorker and VolumeCache, as the window, action by "
                           "action on (action, started_at); the same counts in one scan of the "
                           "period's rows and a GROUP BY: %1 ms in psql")
                .arg(BenchTable::milliseconds(t.at(3))) };
        BenchLine refresh { name + QStringLiteral(" refresh"), filterName, t.at(2), t.at(1),
            hindsight, targeted ? QStringLiteral("≤ 0.1x psql") : QString(), std::nullopt,
            QStringLiteral("closed buckets cached: refresh / first load = %1; Hindsight "
                           "recounts everything")
                .arg(BenchTable::ratio(t.at(2), t.at(0))) };
        if (targeted && t.at(1) > 0) {
            first.pass = t.at(0) >= 0 && t.at(0) <= 1.2 * t.at(1);
            refresh.pass = t.at(2) >= 0 && t.at(2) <= 0.1 * t.at(1);
        }
        m_table.add(first);
        m_table.add(refresh);
        if (targeted) {
            BenchLine restart { name + QStringLiteral(" after restart"), filterName, t.at(4),
                t.at(1), hindsight, QStringLiteral("≤ 0.1x first load"),
                t.at(4) >= 0 && t.at(0) > 0 && t.at(4) <= 0.1 * t.at(0),
                QStringLiteral("a new worker and VolumeCache, the closed buckets read from disk: "
                               "after restart / first load = %1")
                    .arg(BenchTable::ratio(t.at(4), t.at(0))) };
            m_table.add(restart);
        }
    }
}

void RepositoryBench::exportRows()
{
    if (m_options.exportRows <= 0) {
        return;
    }
    // The newest N rows: a time bound both sides use.
    const auto cursor = cursorAfter(AuditFilter(), m_options.exportRows);
    if (!cursor) {
        std::fprintf(stderr, "fewer rows than the export should write\n");
        return;
    }
    AuditFilter filter;
    filter.since = cursor->startedAt;
    const QDir dir(m_options.exportDir.isEmpty() ? QDir::tempPath() : m_options.exportDir);
    const QString ours = dir.filePath(QStringLiteral("bench-export-ours.csv"));
    const QString theirs = dir.filePath(QStringLiteral("bench-export-psql.csv"));
    qint64 written = -1;
    // CSV with request, response and metadata, secrets masked: the export dialog's defaults.
    const ExportOptions masked;
    ExportOptions unmasked;
    unmasked.maskSecrets = false;
    const auto exportWith = [&](const ExportOptions &options) {
        return Interleaved::timed([&] {
            AuditExporter exporter(m_connection.session(), m_options.table);
            const auto rows = exporter.exportToFile(filter, SortOrder::NewestFirst, options, ours);
            written = rows ? *rows : -1;
            return rows.ok();
        });
    };
    const QString select = PsqlTimer::withLiterals(
        AuditQuery::exportRows(m_options.table, filter, SortOrder::NewestFirst, true));
    const int exports = std::clamp(m_options.iterations / 10, 1, 3);
    Interleaved rounds(exports, 1e12, exports);
    const QList<double> t = rounds.measure({
        { QStringLiteral("ours"), [&] { return exportWith(masked); } },
        { QStringLiteral("psql \\copy"),
            [&] {
                return Interleaved::timed(
                    [&] { return PsqlTimer::copyToCsv(m_options.conninfo, select, theirs); });
            } },
        { QStringLiteral("ours unmasked"), [&] { return exportWith(unmasked); } },
    });
    const auto mb = [](const QString &path) { return QFileInfo(path).size() / 1e6; };
    const QString rowsName = QStringLiteral("newest %1 rows").arg(thousands(m_options.exportRows));
    BenchLine line { QStringLiteral("export with JSON (CSV)"), rowsName, t.at(0), t.at(1), -1,
        QStringLiteral("≤ 1.25x psql"), std::nullopt,
        QStringLiteral("%1 rows, %2 MB (%3 MB/s), psql \\copy %4 MB; secrets masked (the "
                       "dialog's default); medians of %5; Hindsight has no export")
            .arg(thousands(written), QString::number(mb(ours), 'f', 0),
                QString::number(t.at(0) > 0 ? mb(ours) / (t.at(0) / 1000) : 0, 'f', 0),
                QString::number(mb(theirs), 'f', 0), QString::number(rounds.rounds())) };
    if (t.at(0) >= 0 && t.at(1) > 0) {
        line.pass = t.at(0) <= 1.25 * t.at(1);
    }
    m_table.add(line);
    m_table.add({ QStringLiteral("export with JSON (CSV), unmasked"), rowsName, t.at(2), t.at(1),
        -1, {}, std::nullopt,
        QStringLiteral("\"Include secrets unmasked\": the exporter without SecretMasker; masking "
                       "costs %1 ms")
            .arg(BenchTable::milliseconds(t.at(0) - t.at(2))) });
    QFile::remove(ours);
    QFile::remove(theirs);
}

void RepositoryBench::largestEntry()
{
    QString id = m_options.largestId;
    if (id.isEmpty()) {
        auto result = m_connection.session().exec(
            QStringLiteral("SELECT id::text FROM %1 ORDER BY coalesce(pg_column_size(request), 0) "
                           "+ coalesce(pg_column_size(response), 0) DESC LIMIT 1")
                .arg(m_options.table.quoted()));
        if (!result || result->rowCount() == 0) {
            return;
        }
        id = result->text(0, 0);
    }
    qint64 characters = 0;
    // What the entry window does: fetch, then mask and pretty-print each document (off
    // the GUI thread there, here in line).
    const auto open = [&](bool format) {
        return Interleaved::timed([&] {
            auto detail = m_repository.entry(id);
            if (!detail) {
                return false;
            }
            characters = 0;
            if (!format) {
                return true;
            }
            const SecretMasker masker;
            const JsonPrettyPrinter printer(2);
            for (const auto &document : { detail->request, detail->response, detail->metadata }) {
                if (document) {
                    const QString masked = masker.mask(*document);
                    characters += printer.format(QStringView(masked)).text.size();
                }
            }
            return true;
        });
    };
    const QList<double> t = interleave({
        { QStringLiteral("open"), [&] { return open(true); } },
        { QStringLiteral("fetch"), [&] { return open(false); } },
        { QStringLiteral("psql"),
            [&] { return m_psql.time(AuditQuery::entry(m_options.table, id)); } },
    });
    open(true);
    Interleaved hindsightRounds(m_options.iterations, m_options.budgetMs);
    const double hindsight
        = hindsightRounds
              .measure({ { QStringLiteral("hindsight"),
                  [&] { return m_psql.time(HindsightSql::entry(m_options.table, id)); } } })
              .at(0);
    m_table.add({ QStringLiteral("open the largest entry"), id.left(8) + QStringLiteral("…"),
        t.at(0), t.at(2), hindsight, {}, std::nullopt,
        QStringLiteral("fetch + mask + pretty-print, %1 characters formatted; fetch alone %2 ms")
            .arg(thousands(characters), BenchTable::milliseconds(t.at(1))) });
}
