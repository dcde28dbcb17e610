// The operator's actions the GuiProbe drives: each waits by running the event loop, and
// each call a click would make on the GUI thread is timed (TimedApplication::timeCall).
#include "guiprobe.h"

#include "chartpanel.h"
#include "entrydetaildialog.h"
#include "errorbanner.h"
#include "exportdialog.h"
#include "filterbar.h"
#include "jsonpane.h"
#include "jsontextview.h"
#include "llmchart.h"
#include "llmpageloader.h"
#include "llmruntablemodel.h"
#include "llmtablemodel.h"
#include "llmview.h"
#include "mainwindow.h"
#include "resultsview.h"
#include "volumechart.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QKeyEvent>
#include <QLocale>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSignalSpy>

#include <algorithm>

#include <cstdio>

namespace {

QString thousands(qint64 n)
{
    return QLocale(QLocale::English).toString(n);
}

} // namespace

bool GuiProbe::openWindow()
{
    m_window = std::make_unique<MainWindow>();
    m_window->resize(1280, 800);
    m_window->show();
    QSignalSpy page(m_window.get(), &MainWindow::pageShown);
    QSignalSpy chart(m_window->chartPanel(), &ChartPanel::seriesShown);
    QElapsedTimer clock;
    clock.start();
    m_app.timeCall(QStringLiteral("MainWindow::connectTo"),
        [&] { m_window->connectTo(m_settings, AuditFilter()); });
    if (!waitUntil([&] { return !page.isEmpty(); }, 60000, QStringLiteral("the first page"))) {
        std::fprintf(stderr, "%s\n", qPrintable(m_window->errorBanner()->message()));
        return false;
    }
    const qint64 firstPage = clock.elapsed();
    waitUntil([&] { return !chart.isEmpty(); }, 120000, QStringLiteral("the first chart"));
    note(QStringLiteral("window opened: first page after %1 ms, today's chart after %2 ms")
             .arg(firstPage)
             .arg(clock.elapsed()));
    return true;
}

bool GuiProbe::nextPages(int count)
{
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < count; ++i) {
        QSignalSpy page(m_window.get(), &MainWindow::pageShown);
        m_app.timeCall(QStringLiteral("MainWindow::goNext"), [&] { m_window->goNext(); });
        if (!waitUntil(
                [&] { return !page.isEmpty(); }, 60000, QStringLiteral("page %1").arg(i + 2))) {
            return false;
        }
    }
    note(QStringLiteral("%1 next pages in %2 s (%3 ms a page, shown)")
             .arg(count)
             .arg(clock.elapsed() / 1000.0, 0, 'f', 1)
             .arg(count > 0 ? double(clock.elapsed()) / count : 0, 0, 'f', 1));
    return true;
}

bool GuiProbe::repaintPages(int count)
{
    ResultsView *view = m_window->resultsView();
    // Milliseconds of each kind of paint: the first of the table after a new page arrived,
    // the table again, and the whole window.
    QList<double> fresh;
    QList<double> again;
    QList<double> window;
    const auto timed = [&](QList<double> &into, const QString &what, QWidget *widget) {
        QElapsedTimer clock;
        clock.start();
        m_app.timeCall(what, [&] { widget->repaint(); });
        into.append(clock.nsecsElapsed() / 1e6);
    };
    for (int i = 0; i < count; ++i) {
        timed(fresh, QStringLiteral("ResultsView repaint (new page)"), view->viewport());
        timed(again, QStringLiteral("ResultsView repaint"), view->viewport());
        timed(window, QStringLiteral("MainWindow repaint"), m_window.get());
        QSignalSpy page(m_window.get(), &MainWindow::pageShown);
        m_window->goNext();
        if (!waitUntil(
                [&] { return !page.isEmpty(); }, 60000, QStringLiteral("page %1").arg(i + 2))) {
            return false;
        }
    }
    const auto summary = [](QList<double> ms) {
        std::sort(ms.begin(), ms.end());
        return QStringLiteral("median %1 ms, max %2 ms")
            .arg(ms.at(ms.size() / 2), 0, 'f', 1)
            .arg(ms.last(), 0, 'f', 1);
    };
    note(QStringLiteral("%1 pages: table's first paint %2; again %3; whole window %4")
             .arg(count)
             .arg(summary(fresh), summary(again), summary(window)));
    return true;
}

bool GuiProbe::showFilter(const AuditFilter &filter, bool waitForChart)
{
    QSignalSpy page(m_window.get(), &MainWindow::pageShown);
    QSignalSpy chart(m_window->chartPanel(), &ChartPanel::seriesShown);
    m_app.timeCall(QStringLiteral("FilterBar::setFilter + MainWindow::applyFilter"), [&] {
        m_window->filterBar()->setFilter(filter);
        m_window->applyFilter(filter);
    });
    if (!waitUntil([&] { return !page.isEmpty(); }, 120000, QStringLiteral("a filtered page"))) {
        return false;
    }
    if (waitForChart) {
        waitUntil([&] { return !chart.isEmpty(); }, 120000, QStringLiteral("a filtered chart"));
    }
    return true;
}

bool GuiProbe::changeFilters()
{
    QList<std::pair<QString, AuditFilter>> filters;
    AuditFilter f;
    f.actions = { QStringLiteral("recall") };
    filters.append({ QStringLiteral("action=recall"), f });
    f = AuditFilter();
    f.transport = QStringLiteral("mcp");
    f.failedOnly = true;
    filters.append({ QStringLiteral("mcp+failed"), f });
    f = AuditFilter();
    f.bank = m_busyBank;
    filters.append({ QStringLiteral("bank"), f });
    f = AuditFilter();
    f.since = AuditTimestamp::fromDateTime(QDateTime::currentDateTimeUtc().addDays(-1));
    filters.append({ QStringLiteral("last 24h"), f });
    f = AuditFilter();
    f.search = QStringLiteral("Lisbon");
    filters.append({ QStringLiteral("search=Lisbon"), f });
    filters.append({ QStringLiteral("none"), AuditFilter() });
    QStringList times;
    for (const auto &[name, filter] : filters) {
        QElapsedTimer clock;
        clock.start();
        if (!showFilter(filter)) {
            return false;
        }
        times.append(QStringLiteral("%1 %2 ms").arg(name).arg(clock.elapsed()));
    }
    note(QStringLiteral("filters (page and today's chart): ") + times.join(QLatin1String(", ")));
    return true;
}

bool GuiProbe::chartPeriods()
{
    ChartPanel *panel = m_window->chartPanel();
    QStringList times;
    const auto load = [&](const QString &name, const std::function<void()> &trigger) {
        QSignalSpy chart(panel, &ChartPanel::seriesShown);
        QElapsedTimer clock;
        clock.start();
        m_app.timeCall(QStringLiteral("chart: ") + name, trigger);
        const bool ok = waitUntil([&] { return !chart.isEmpty(); }, 180000, name);
        times.append(QStringLiteral("%1 %2 ms").arg(name).arg(clock.elapsed()));
        return ok;
    };
    const bool ok
        = load(QStringLiteral("7d"), [&] { panel->chart()->setPeriod(VolumePeriod::SevenDays); })
        && load(QStringLiteral("30d"), [&] { panel->chart()->setPeriod(VolumePeriod::ThirtyDays); })
        && load(QStringLiteral("30d refresh"), [&] { panel->reload(); })
        && load(QStringLiteral("30d F5 (recount all)"), [&] { m_window->refresh(); })
        && load(QStringLiteral("today"), [&] { panel->chart()->setPeriod(VolumePeriod::Today); });
    note(QStringLiteral("chart: ") + times.join(QLatin1String(", ")));
    return ok;
}

bool GuiProbe::exportFiltered()
{
    AuditFilter filter;
    filter.since = m_exportSince;
    if (!showFilter(filter)) {
        return false;
    }
    ExportDialog *dialog = nullptr;
    m_app.timeCall(QStringLiteral("MainWindow::exportEntries (opens the dialog)"),
        [&] { dialog = m_window->exportEntries(); });
    if (!dialog) {
        return false;
    }
    const QString path = QDir(m_options.exportDir).filePath(QStringLiteral("probe-export.csv"));
    dialog->setPath(path);
    QSignalSpy finished(dialog, &ExportDialog::finished);
    QSignalSpy failed(dialog, &ExportDialog::failed);
    QElapsedTimer clock;
    clock.start();
    m_app.timeCall(QStringLiteral("ExportDialog::start"), [&] { dialog->start(); });
    const bool ok = waitUntil([&] { return !finished.isEmpty() || !failed.isEmpty(); }, 900000,
                        QStringLiteral("the export"))
        && !finished.isEmpty();
    const double seconds = clock.elapsed() / 1000.0;
    const qint64 rows = ok ? finished.first().at(0).toLongLong() : 0;
    note(QStringLiteral("export through the dialog: %1 rows, %2 MB in %3 s")
             .arg(thousands(rows))
             .arg(QFile(path).size() / 1000000)
             .arg(seconds, 0, 'f', 1));
    if (!ok && !failed.isEmpty()) {
        note(QStringLiteral("export failed: ") + failed.first().at(0).toString());
    }
    m_app.timeCall(QStringLiteral("ExportDialog::close"), [&] { dialog->close(); });
    // Removed once nothing is measured: unlinking 800 MB holds the calling thread for a
    // quarter of a second, which is the probe's doing, not the window's.
    m_leftoverFiles.append(path);
    return ok;
}

bool GuiProbe::openLargestEntry()
{
    AuditFilter filter;
    filter.since = m_largestStarted;
    filter.until = AuditTimestamp::fromUsecsSinceEpoch(m_largestStarted.usecsSinceEpoch() + 1);
    if (!showFilter(filter, false)) {
        return false;
    }
    ResultsView *view = m_window->resultsView();
    view->setFocus();
    view->selectEntry(m_options.largestId);
    if (view->currentEntryId() != m_options.largestId) {
        note(QStringLiteral("the largest entry is not in the table"));
        return false;
    }
    QElapsedTimer clock;
    clock.start();
    // Enter on the row, as the operator opens it.
    m_app.timeCall(QStringLiteral("Return on the row (opens EntryDetailDialog)"), [&] {
        QKeyEvent press(QEvent::KeyPress, Qt::Key_Return, Qt::NoModifier);
        QApplication::sendEvent(view, &press);
        QKeyEvent release(QEvent::KeyRelease, Qt::Key_Return, Qt::NoModifier);
        QApplication::sendEvent(view, &release);
    });
    EntryDetailDialog *dialog = nullptr;
    JsonPane *request = nullptr;
    const bool opened = waitUntil(
        [&] {
            dialog = m_window->findChild<EntryDetailDialog *>();
            request
                = dialog ? dialog->findChild<JsonPane *>(QStringLiteral("requestPane")) : nullptr;
            return request && request->isReadable() && !request->isFormatting();
        },
        60000, QStringLiteral("the entry window"));
    if (!opened) {
        return false;
    }
    const qint64 readable = clock.elapsed();
    // Read it: page through the document to its end.
    QPlainTextEdit *editor = request->textView()->editor();
    QScrollBar *bar = editor->verticalScrollBar();
    for (int step = 1; step <= 20; ++step) {
        m_app.timeCall(QStringLiteral("scrolling the request text to %1%").arg(step * 5),
            [&] { bar->setValue(bar->maximum() * step / 20); });
        QElapsedTimer pause;
        pause.start();
        waitUntil([&] { return pause.elapsed() >= 50; }, 1000, QStringLiteral("a pause"));
    }
    note(QStringLiteral("largest entry %1: request formatted and shown after %2 ms (%3 lines), "
                        "then scrolled to its end")
             .arg(m_options.largestId.left(8))
             .arg(readable)
             .arg(thousands(editor->document()->blockCount())));
    m_app.timeCall(QStringLiteral("EntryDetailDialog::close"), [&] { dialog->close(); });
    return true;
}

bool GuiProbe::llmCalls()
{
    LlmView *view = m_window->llmView();
    if (view->state() == LlmLogState::Kind::Missing) {
        note(QStringLiteral("LLM calls: no llm_requests table, phase skipped"));
        return true;
    }
    QElapsedTimer clock;
    clock.start();
    QSignalSpy page(view, &LlmView::pageShown);
    m_app.timeCall(QStringLiteral("QTabWidget::setCurrentIndex (LLM calls)"),
        [&] { m_window->logTabs()->setCurrentIndex(1); });
    if (view->callModel()->rowCount() == 0
        && !waitUntil([&] { return !page.isEmpty(); }, 60000, QStringLiteral("the LLM page"))) {
        return false;
    }
    for (int i = 0; i < 10; ++i) {
        page.clear();
        m_app.timeCall(QStringLiteral("LlmPageLoader::move(Next)"),
            [&] { view->loader()->move(PageNavigator::Move::Next); });
        if (!waitUntil([&] { return !page.isEmpty(); }, 60000, QStringLiteral("LLM page"))) {
            return false;
        }
    }
    QSignalSpy chart(view->chart(), &LlmChart::seriesShown);
    m_app.timeCall(QStringLiteral("LlmChart::setMetric(Tokens)"),
        [&] { view->chart()->setMetric(LlmChart::Metric::Tokens); });
    m_app.timeCall(QStringLiteral("LlmChart::setPeriod(30d)"),
        [&] { view->chart()->setPeriod(VolumePeriod::ThirtyDays); });
    if (!waitUntil([&] { return chart.size() >= 1; }, 300000, QStringLiteral("the 30-day chart"))) {
        return false;
    }
    QSignalSpy runs(view, &LlmView::runsShown);
    m_app.timeCall(
        QStringLiteral("LlmView::setMode(Runs)"), [&] { view->setMode(LlmView::Mode::Runs); });
    if (!waitUntil([&] { return !runs.isEmpty(); }, 60000, QStringLiteral("the runs"))) {
        return false;
    }
    // The run with the most calls on the page opens as a waterfall, then its first call.
    int largest = 0;
    for (int row = 1; row < view->runModel()->rowCount(); ++row) {
        if (view->runModel()->runAt(row)->calls > view->runModel()->runAt(largest)->calls) {
            largest = row;
        }
    }
    const qint64 calls
        = view->runModel()->rowCount() > 0 ? view->runModel()->runAt(largest)->calls : 0;
    if (calls > 0) {
        m_app.timeCall(QStringLiteral("LlmView::runActivated (waterfall)"),
            [&] { emit view->runTable()->activated(view->runModel()->index(largest, 0)); });
    }
    QElapsedTimer settle;
    settle.start();
    waitUntil([&] { return settle.elapsed() >= 2000; }, 3000, QStringLiteral("the waterfall"));
    view->setMode(LlmView::Mode::Calls);
    if (view->callModel()->rowCount() > 0) {
        m_app.timeCall(QStringLiteral("LlmView::callActivated (call window)"),
            [&] { emit view->callTable()->activated(view->callModel()->index(0, 0)); });
    }
    settle.restart();
    waitUntil([&] { return settle.elapsed() >= 2000; }, 3000, QStringLiteral("the call"));
    for (QWidget *widget : QApplication::topLevelWidgets()) {
        if (widget != m_window.get() && widget->isVisible()) {
            widget->close();
        }
    }
    m_window->logTabs()->setCurrentIndex(0);
    note(QStringLiteral("LLM calls: 11 pages, the 30-day token chart, runs, a waterfall of %1 "
                        "calls and a call in %2 s")
             .arg(calls)
             .arg(clock.elapsed() / 1000.0, 0, 'f', 1));
    return true;
}
