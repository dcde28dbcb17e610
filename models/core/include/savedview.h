#pragma once

#include "auditfilter.h"
#include "volumestats.h"

#include <QByteArray>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QList>
#include <QSettings>
#include <QString>
#include <QStringList>
#include <QTimeZone>

#include <memory>
#include <optional>

// Saved views: a name for what the window shows (filter, table columns, chart period), kept
// in the settings, reopened from a menu, and shared as an audit-viewer command line.
//
// How the window uses this (ui/ and app/ own the widgets and options):
//   Save view…   SavedView v; v.name = typed; v.setFilter(filterBar->filter(), range);
//                v.columnState = header->saveState(); v.chartPeriod = ...; v.utc = ...;
//                if (views.contains(v.name)) ask to replace; views.save(v, &error).
//   Views menu   views.names() (sorted); opening one: filterBar->setFilter(v.filter) (a
//                Custom view's since/until show as the custom range), then for a preset
//                filterBar->setTimeRange(range), which counts back from the clock on every
//                refresh; header->restoreState(v.columnState). Without the widgets (the
//                CLI, a test), v.filterAt(now) is the filter to query with.
//   At exit      views.saveLastView(current); at start views.lastView() when no --view.
//   --view NAME  views.find(NAME); nullopt: "No saved view named …" (exit 1).
//   Copy view as text   toCommandLine(view) to the clipboard.
//   Paste view   fromCommandLine(clipboard, &error): a view without name, columns or chart
//                period (unless the line had --period/--utc); ask for a name, then save.
//
// Command-line spelling (the options the CLI integrator adds are marked new):
//   audit-viewer --action A --action B   one --action per value, as `list` reads them
//                --transport T --bank B --failed --search TEXT
//                --last 1h|24h|7d|30d     (new) a relative preset, counted back from now
//                --since TIME --until TIME  a custom range: ISO 8601 UTC with microseconds,
//                                         2026-03-27T10:15:30.123456Z; --until is exclusive
//                --min-duration 5s        (new) see durationtext.h: us, ms, s, m, h
//                --sort longest           the table's order, when not newest first
// Values are quoted for a POSIX shell: single quotes, a quote inside as '\''. The columns,
// chart period and UTC toggle are not part of the line: it is a filter, runnable as
// `audit-viewer list …` or `audit-viewer export …` as well.

// The time range a view keeps. Presets stay relative: a view saved as "last 7 days" shows
// the last seven days before the moment it is opened. Same members, in the same order, as
// TimeRangePicker::Range in ui/.
enum class RelativeRange { All, LastHour, Last24Hours, Last7Days, Last30Days, Custom };

// "all", "1h", "24h", "7d", "30d", "custom": the settings spelling, and `--last` for presets.
QString relativeRangeName(RelativeRange range);
std::optional<RelativeRange> relativeRangeFromName(QStringView name);
// How far a preset reaches back, in microseconds; nullopt for All and Custom.
std::optional<qint64> relativeRangeSpan(RelativeRange range);

struct SavedView
{
    QString name;
    // What the table filters by; since/until only matter (and are only stored) when the
    // range is Custom.
    AuditFilter filter;
    RelativeRange range = RelativeRange::All;
    QByteArray columnState; // QHeaderView::saveState() of the results table, opaque here
    VolumePeriod chartPeriod = VolumePeriod::SevenDays;
    bool utc = false; // times and chart buckets in UTC instead of the local zone
    // The table's order; part of the command line (--sort) when it is not the default.
    SortOrder order = SortOrder::NewestFirst;

    // The filter to query with at `now`: a preset's since counted back from `now` (no
    // until), a custom range as saved, All without bounds.
    AuditFilter filterAt(AuditTimestamp now) const;
    // The filter and range as the window shows them. For a preset, the since/until the
    // picker computed from the clock are dropped, so the view stays relative.
    void setFilter(const AuditFilter &filter, RelativeRange range);
    // As stored: the name trimmed, since/until dropped unless the range is Custom.
    SavedView normalized() const;

    bool operator==(const SavedView &) const = default;
};

// The view's filter, range and order as an `audit-viewer` command line (see the spelling
// above); columns, chart period and UTC are left out. fromCommandLine(toCommandLine(v)) gives back
// v's filter and range, except that a Custom range without either bound reads as All.
QString toCommandLine(const SavedView &view);

// The inverse, for a line an operator pastes: an optional leading `audit-viewer` (or a path
// ending in it), an optional `list`, `stats` or `export`, a CONNINFO (ignored: a view has no
// connection), then options. Reads the filter options above, --sort and --oldest-first, `--since
// 1h|24h|7d|30d` (the CLI's relative form) as that preset, other relative spans (`--since 90m`) and
// local times as a Custom range computed with `now` and `zoneForLocalTimes`, and `--period` and
// `--utc` of a stats line. The CLI's options that do not describe a view (--schema, --table,
// --limit, --format, --output, ...) are accepted and ignored. The line ends at an unquoted
// |, ;, &, < or > or a # comment. On an error returns nullopt and sets `error` to one
// translated sentence. The view comes back without a name.
std::optional<SavedView> fromCommandLine(const QString &text, QString *error,
    const QTimeZone &zoneForLocalTimes = QTimeZone::systemTimeZone(),
    std::optional<AuditTimestamp> now = std::nullopt);

// The filter options of the spelling above (--action … --min-duration), for the CLI's parser
// and fromCommandLine()'s alike: one reading of them everywhere.
QList<QCommandLineOption> viewFilterOptions();
// Reads those options from `parser` (which has them and has parsed) into a view's filter and
// range: a preset stays relative (no since; filterAt(now) gives one), `--since 1h|24h|7d|30d`
// is that preset, other relative spans count back from `now`, times without an offset are
// in `zoneForLocalTimes`. On a bad value nullopt, with one translated sentence in `error`.
std::optional<SavedView> readViewFilterOptions(const QCommandLineParser &parser, QString *error,
    const QTimeZone &zoneForLocalTimes, AuditTimestamp now);
// --sort ORDER and --oldest-first (the same as --sort oldest), for the same two parsers.
QList<QCommandLineOption> viewSortOptions();
// Reads them into `order`, which stays as it is when neither is given. False, with one
// translated sentence in `error`, for an unknown order or one that contradicts --oldest-first.
bool readViewSortOptions(const QCommandLineParser &parser, SortOrder &order, QString *error);

// POSIX shell words: single quotes (literal), double quotes (backslash escapes $ ` " \ and
// newline), a backslash outside quotes escapes the next character, backslash-newline joins
// lines. $VAR, $(...), $'...' and backticks are refused rather than silently kept literal.
std::optional<QStringList> splitShellWords(QStringView text, QString *error);
// `word` as one POSIX shell word: unchanged when it has only [A-Za-z0-9@%+=:,./_-] (and
// does not start with '='), otherwise in single quotes.
QString shellQuote(const QString &word);

// The named views and the last view, in QSettings: each view is the group
// "views/<hex of its UTF-8 name>" (any character is safe in a name, and keys never
// depend on case, which the Windows registry ignores); the state at exit is the group
// "lastView", apart from every name. Each group carries "version"; a view written by a
// newer version, or one whose values do not read back (a bad time, an unknown range), is
// skipped and left in place. Every call reads the store again, since another window may
// have changed it. Thread: any; each call opens its own QSettings, which is reentrant.
class SavedViews
{
    Q_DECLARE_TR_FUNCTIONS(SavedViews)
public:
    static constexpr int kFormatVersion = 1;
    static constexpr int kMaximumNameLength = 100;

    // The application's settings (organization and application name of QCoreApplication).
    SavedViews() = default;
    // A settings file of its own, such as a temporary one in tests.
    SavedViews(const QString &fileName, QSettings::Format format);

    // Sorted by name, case-insensitively first, for a menu.
    QList<SavedView> list() const;
    QStringList names() const;
    // Names are case-sensitive and trimmed: find(" Errors ") finds "Errors", not "errors".
    std::optional<SavedView> find(const QString &name) const;
    bool contains(const QString &name) const { return find(name).has_value(); }
    // Stores view.normalized(), replacing a view of the same name. False, with one sentence
    // in `error`, for an invalid name (see checkedName) or a settings file that cannot be
    // written.
    bool save(const SavedView &view, QString *error = nullptr) const;
    // False when no view has that name.
    bool remove(const QString &name, QString *error = nullptr) const;
    // False when `from` does not exist, `to` is invalid or names another view.
    bool rename(const QString &from, const QString &to, QString *error = nullptr) const;

    // The window's state at exit; its name (maybe empty) is the view it was opened from.
    std::optional<SavedView> lastView() const;
    bool saveLastView(const SavedView &view, QString *error = nullptr) const;
    void clearLastView() const;

    // `name` trimmed, or nullopt with a sentence in `error`: empty, longer than
    // kMaximumNameLength, or with line breaks or other control characters.
    static std::optional<QString> checkedName(const QString &name, QString *error = nullptr);

private:
    std::unique_ptr<QSettings> open() const;
    bool write(const QString &group, const SavedView &view, QString *error) const;

    QString m_fileName; // empty: the application's settings
    QSettings::Format m_format = QSettings::NativeFormat;
};
