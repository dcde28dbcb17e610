#pragma once

#include "auditfilter.h"
#include "connectionsettings.h"
#include "looplateness.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

class MainWindow;

// Drives the real MainWindow through what an operator does on a large table and measures
// the GUI thread meanwhile (LoopLateness, TimedApplication), or the process's peak memory.
// It waits by running the event loop, never by sleeping on the GUI thread (QTest::qWait
// sleeps 10 ms between polls, which would count as a stall). Bench code only.
// Thread: the GUI thread.
class GuiProbe
{
public:
    struct Options
    {
        QString conninfo;
        AuditTableRef table;
        QString largestId; // empty: looked up (a scan of the whole table)
        int pages = 50;
        qint64 exportRows = 1000000;
        QString exportDir;
        QStringList phases; // pages, repaint, filters, chart, export, entry, llm; empty: all
    };

    GuiProbe(Options options, TimedApplication &app);
    ~GuiProbe();

    // Reads what the phases need from the table, before anything is measured.
    bool prepare();
    // Every phase, with the loop's lateness.
    bool run();
    // One phase in a fresh process: its peak resident set size.
    bool memoryOfPaging();
    bool memoryOfExport();

    QString stallMarkdown() const;
    QString memoryMarkdown() const;

private:
    bool openWindow();
    bool nextPages(int count);
    // Paints the table, then the whole window, on each of `count` pages.
    bool repaintPages(int count);
    bool changeFilters();
    bool chartPeriods();
    bool exportFiltered();
    bool openLargestEntry();
    // The LLM calls tab: its first page, next pages, the 30-day token chart, the runs, the
    // largest run's waterfall and a call's window.
    bool llmCalls();
    // Applies `filter` as the filter bar does; waits for the page (and the chart).
    bool showFilter(const AuditFilter &filter, bool waitForChart = true);
    // Runs the event loop until `done` holds; false (and a note) after `timeoutMs`.
    bool waitUntil(const std::function<bool()> &done, int timeoutMs, const QString &what);
    void note(const QString &text);
    void removeLeftoverFiles();
    static qint64 statusKb(const char *field);

    Options m_options;
    TimedApplication &m_app;
    ConnectionSettings m_settings;
    std::unique_ptr<MainWindow> m_window;
    LoopLateness m_lateness;
    AuditTimestamp m_exportSince;
    AuditTimestamp m_largestStarted;
    QString m_busyBank;
    QStringList m_notes;
    // Files the phases wrote (the export), removed when nothing is being measured.
    QStringList m_leftoverFiles;
    QString m_memoryPhase;
    qint64 m_baselineKb = 0;
    qint64 m_peakKb = 0;
};
