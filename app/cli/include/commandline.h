#pragma once

#include "auditfilter.h"
#include "maskingrules.h"
#include "savedview.h"
#include "volumestats.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

// What the command line asked for: a sub-command with its connection, filter and output
// options, or the GUI. Parsing never touches the database.
struct CommandLine
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)

public:
    enum class Command { Gui, List, Stats, Show, Export, Schemas, Help, Version };

    Command command = Command::Gui;
    QString conninfo;
    AuditTableRef table;
    AuditFilter filter;
    // How the time filter was given: a preset (--last 7d, --since 7d) that the window keeps
    // counting back from the clock, or Custom; All without --since/--until/--last.
    RelativeRange range = RelativeRange::All;
    QString view; // the GUI's --view NAME
    int limit = 50;
    std::optional<PageCursor> after;
    SortOrder order = SortOrder::NewestFirst;
    bool sortGiven = false; // --sort or --oldest-first was given (the window keeps a view's)
    QString format;
    VolumePeriod period = VolumePeriod::SevenDays;
    bool utc = false;
    bool latency = false; // stats --latency: durations per action instead of volume
    // stats --by tenant: one column per schema instead of per action.
    VolumeGrouping grouping = VolumeGrouping::Action;
    QString entryId;
    QString output; // export: a file, or "-" for standard output
    bool formulaGuard = true;
    bool byteOrderMark = false;
    bool includeJson = true;
    bool maskSecrets = true; // show and export; --no-mask turns it off
    // --mask-rules FILE as read, with the lines that are not rules; without it the
    // rules come from the settings.
    std::optional<MaskingRules> maskingRules;
    QString maskingRulesFile; // where maskingRules were read from
    QStringList maskingProblems;
    int statementTimeoutMs = 5 * 60 * 1000;
    // --verbose: say on standard error where the command connected and what the server
    // confirmed (read-only, statement timeout, time zone, a pooler between).
    bool verbose = false;
    QString helpText;

    // Parses argv (including the program name). On a usage error returns nullopt and
    // sets `error` to one sentence.
    static std::optional<CommandLine> parse(const QStringList &arguments, QString *error);
    static bool isHeadless(const QStringList &arguments);
};
