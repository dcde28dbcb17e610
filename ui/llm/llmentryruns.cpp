#include "llmentryruns.h"

#include "auditworker.h"
#include "llmattributedrunsmodel.h"
#include "llmtext.h"
#include "theme.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableView>
#include <QVBoxLayout>

LlmEntryRuns::LlmEntryRuns(AuditWorker *worker, QWidget *parent)
    : QWidget(parent)
    , m_worker(worker)
    , m_model(new LlmAttributedRunsModel(this))
    , m_message(new QLabel)
    , m_totals(new QLabel)
    , m_view(new QTableView)
{
    m_message->setObjectName(QStringLiteral("llmRunsMessage"));
    m_message->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);
    m_totals->setObjectName(QStringLiteral("llmRunsTotals"));
    m_totals->setTextFormat(Qt::PlainText);
    m_view->setObjectName(QStringLiteral("llmRuns"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setToolTip(tr("Double-click a run, or press Enter, for its waterfall"));
    connect(m_view, &QTableView::activated, this, [this](const QModelIndex &index) {
        if (index.isValid()) {
            emit runActivated(m_model->runs().at(index.row()).run);
        }
    });
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 6, 0, 0);
    layout->addWidget(m_message);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_totals);

    if (m_worker) {
        connect(m_worker, &AuditWorker::llmStateLoaded, this,
            [this](quint64 request, const LlmLogState &state) {
                if (request == m_request) {
                    setLogState(state);
                }
            });
        connect(m_worker, &AuditWorker::attributionLoaded, this,
            [this](quint64 request, const LlmAttribution &attribution) {
                if (request == m_request) {
                    m_request = 0;
                    setAttribution(attribution);
                }
            });
        connect(m_worker, &AuditWorker::queryFailed, this,
            [this](quint64 request, const QueryError &error) {
                if (request == m_request) {
                    m_request = 0;
                    showError(error.message);
                }
            });
    }
}

bool LlmEntryRuns::runsLlmCalls(const QString &action)
{
    static const QStringList actions { QStringLiteral("retain"), QStringLiteral("reflect"),
        QStringLiteral("consolidation"), QStringLiteral("refresh_mental_model") };
    return actions.contains(action);
}

void LlmEntryRuns::showEntry(const AuditEntry &entry)
{
    m_entry = entry;
    m_model->setRuns({});
    m_totals->clear();
    showMessage(tr("Looking for the LLM calls of this entry…"), false);
    if (m_worker) {
        m_request = m_worker->loadLlmState();
    }
}

void LlmEntryRuns::setLogState(const LlmLogState &state)
{
    switch (state.kind) {
    case LlmLogState::Kind::Missing:
        m_request = 0;
        showMessage(tr("No LLM calls to show: this database has no llm_requests table (a "
                       "Hindsight older than its LLM tracing)."),
            false);
        m_view->hide();
        return;
    case LlmLogState::Kind::Empty:
        m_request = 0;
        showMessage(tr("No LLM calls recorded: Hindsight's LLM tracing is off by default "
                       "(HINDSIGHT_API_LLM_TRACE_ENABLED=true enables it)."),
            false);
        m_view->hide();
        return;
    case LlmLogState::Kind::HasRows:
        if (m_worker) {
            m_request = m_worker->loadAttribution(m_entry);
        }
        return;
    }
}

void LlmEntryRuns::setAttribution(const LlmAttribution &attribution)
{
    m_model->setRuns(attribution.runs);
    m_view->setVisible(!attribution.runs.isEmpty());
    m_view->resizeColumnsToContents();
    QStringList others;
    for (const LlmAttributedRun &run : attribution.runs) {
        for (const QString &id : run.otherEntryIds) {
            if (!others.contains(id)) {
                others.append(id);
            }
        }
    }
    QString text;
    bool warning = false;
    if (attribution.runs.isEmpty()) {
        text = tr("No LLM runs of this bank and operation started during this entry (tracing "
                  "may be off for this bank or scope).");
    } else if (!others.isEmpty()) {
        warning = true;
        text = tr("Ambiguous: Hindsight records no exact link, so runs are attributed by bank, "
                  "operation and time, and the runs marked ⚠ started while other entries of "
                  "this bank and action were running too: %1.")
                   .arg(others.join(QStringLiteral(", ")));
    } else if (attribution.overlappingEntries == 1) {
        warning = true;
        text = tr("Attributed by bank, operation and time: one other entry of this bank and "
                  "action overlaps this one, but every run listed started while only this one "
                  "was running.");
    } else if (attribution.overlappingEntries > 1) {
        warning = true;
        text = tr("Attributed by bank, operation and time: %n other entries of this bank and "
                  "action overlap this one, but every run listed started while only this one "
                  "was running.",
            nullptr, int(attribution.overlappingEntries));
    } else {
        text = tr("Attributed by bank, operation and time (Hindsight records no exact link); "
                  "no other entry of this bank and action overlaps this one.");
    }
    for (const QString &note : attribution.notes) {
        text += QLatin1Char(' ') + note;
    }
    showMessage(text, warning);
    if (!attribution.runs.isEmpty()) {
        const QLocale locale;
        const int count = int(attribution.runs.size());
        m_totals->setText(
            tr("%1 · calls %2 · errors %3 · tokens %4")
                .arg(count == 1 ? tr("1 run") : tr("%n runs", nullptr, count),
                    locale.toString(attribution.calls), locale.toString(attribution.errors),
                    LlmText::tokens(attribution.tokens)));
    }
}

void LlmEntryRuns::showError(const QString &message)
{
    showMessage(tr("Could not read the LLM calls: %1").arg(message), true);
}

void LlmEntryRuns::setUtc(bool utc)
{
    m_model->setUtc(utc);
}

QString LlmEntryRuns::message() const
{
    return m_message->text();
}

QString LlmEntryRuns::totals() const
{
    return m_totals->text();
}

void LlmEntryRuns::showMessage(const QString &text, bool warning)
{
    QPalette palette = m_message->palette();
    palette.setColor(QPalette::WindowText,
        warning ? Theme::errorText(palette) : QWidget::palette().color(QPalette::WindowText));
    m_message->setPalette(palette);
    m_message->setText(text);
}
