#pragma once

#include "auditfilter.h"
#include "llmcall.h"
#include "llmfilter.h"
#include "maskingrules.h"
#include "volumestats.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

class QIODevice;

// `audit-viewer llm list|stats|show|run|export [CONNINFO] ...`: Hindsight's LLM log
// (llm_requests) from the command line, over the same LlmRepository the window uses.
struct LlmCommandLine
{
    Q_DECLARE_TR_FUNCTIONS(LlmCommandLine)
public:
    enum class Command { List, Stats, Show, Run, Export, Help };
    Command command = Command::Help;
    QString conninfo;
    AuditTableRef auditTable; // llm_requests is read beside it (LlmRepository::tableBeside)
    LlmFilter filter;
    int limit = 50;
    std::optional<PageCursor> after;
    bool runs = false; // list --runs
    QString during; // list --during AUDIT_ID
    bool oldestFirst = false;
    QString format;
    VolumePeriod period = VolumePeriod::SevenDays;
    bool tokens = false; // stats --metric tokens
    LlmGrouping grouping = LlmGrouping::Operation;
    bool utc = false;
    QString id; // show CALL_ID, run CALL_ID|TRACE_ID
    QString output;
    bool formulaGuard = true;
    bool byteOrderMark = false;
    bool includeJson = true;
    bool maskSecrets = true;
    std::optional<MaskingRules> maskingRules;
    int statementTimeoutMs = 5 * 60 * 1000;
    bool verbose = false;
    QString helpText;

    // `arguments` start with the program name and "llm". Nullopt on a usage error, with one
    // sentence in `error`.
    static std::optional<LlmCommandLine> parse(const QStringList &arguments, QString *error);
};

// Runs the command on the calling thread; the exit code (0 ok, 1 usage, 2 database).
int runLlmCommand(const LlmCommandLine &commandLine, QIODevice &out, QIODevice &err);
