#include "llmrundialog.h"

#include "auditworker.h"
#include "displaytext.h"
#include "entryheader.h"
#include "llmtext.h"
#include "llmwaterfall.h"
#include "llmwindows.h"
#include "theme.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QTimeZone>
#include <QVBoxLayout>

namespace {

QLabel *valueLabel(const QString &objectName)
{
    return EntryHeader::makeValue(objectName);
}

} // namespace

struct LlmRunDialog::Private
{
    QLabel *operation = valueLabel(QStringLiteral("operation"));
    QLabel *bank = valueLabel(QStringLiteral("bank"));
    QLabel *tenant = valueLabel(QStringLiteral("tenant"));
    QLabel *firstStart = valueLabel(QStringLiteral("firstStart"));
    QLabel *wallTime = valueLabel(QStringLiteral("wallTime"));
    QLabel *calls = valueLabel(QStringLiteral("calls"));
    QLabel *errors = valueLabel(QStringLiteral("errors"));
    QLabel *tokens = valueLabel(QStringLiteral("tokens"));
    QLabel *models = valueLabel(QStringLiteral("models"));
    QLabel *trace = valueLabel(QStringLiteral("trace"));
    QLabel *entry = valueLabel(QStringLiteral("entryStatus"));
    QPushButton *openEntry = new QPushButton(LlmRunDialog::tr("Open audit entry"));
    QListWidget *entries = new QListWidget;
    QLabel *notice = valueLabel(QStringLiteral("dialogNotice"));
    LlmWaterfall *waterfall = new LlmWaterfall;
    QPushButton *close = new QPushButton(LlmRunDialog::tr("Close"));

    AuditWorker *worker = nullptr;
    LlmRun run;
    QList<AuditEntry> found;
    quint64 runRequest = 0;
    quint64 entriesRequest = 0;
};

LlmRunDialog::LlmRunDialog(QWidget *parent)
    : QDialog(parent)
    , d(std::make_unique<Private>())
{
    setModal(false);
    setWindowTitle(tr("LLM run"));
    setSizeGripEnabled(true);
    d->waterfall->setObjectName(QStringLiteral("waterfall"));
    d->openEntry->setObjectName(QStringLiteral("openEntry"));
    d->openEntry->setAutoDefault(false);
    d->openEntry->hide();
    d->entries->setObjectName(QStringLiteral("entries"));
    d->entries->hide();
    d->entry->setWordWrap(true);
    d->close->setAutoDefault(false);
    QPalette red = d->notice->palette();
    red.setColor(QPalette::WindowText, Theme::errorText(red));
    d->notice->setPalette(red);
    d->notice->hide();
    layOut();
    connect(d->close, &QPushButton::clicked, this, &QDialog::close);
    connect(d->openEntry, &QPushButton::clicked, this, [this] { openEntry(0); });
    connect(d->entries, &QListWidget::itemActivated, this,
        [this](QListWidgetItem *item) { openEntry(d->entries->row(item)); });
    connect(d->waterfall, &LlmWaterfall::callActivated, this, [this](const QString &id) {
        emit callRequested(id, d->run.schema);
        if (d->worker) {
            LlmWindows::openCall(d->worker, id, d->run.schema, m_utc, this);
        }
    });
    resize(1100, 720);
}

LlmRunDialog::~LlmRunDialog() = default;

void LlmRunDialog::layOut()
{
    auto *grid = new QGridLayout;
    grid->setHorizontalSpacing(10);
    grid->setVerticalSpacing(4);
    const QList<std::pair<QString, QLabel *>> left { { tr("Operation"), d->operation },
        { tr("Bank"), d->bank }, { tr("First start"), d->firstStart },
        { tr("Wall time"), d->wallTime }, { tr("Trace"), d->trace } };
    const QList<std::pair<QString, QLabel *>> right { { tr("Calls"), d->calls },
        { tr("Errors"), d->errors }, { tr("Tokens"), d->tokens }, { tr("Models"), d->models },
        { tr("Tenant"), d->tenant } };
    for (int i = 0; i < left.size(); ++i) {
        for (const auto &[column, pair] : { std::pair { 0, left[i] }, std::pair { 3, right[i] } }) {
            auto *name = new QLabel(pair.first);
            name->setForegroundRole(QPalette::PlaceholderText);
            grid->addWidget(name, i, column);
            grid->addWidget(pair.second, i, column + 1);
        }
    }
    grid->setColumnStretch(1, 3);
    grid->setColumnMinimumWidth(2, 16);
    grid->setColumnStretch(4, 3);
    auto *entryName = new QLabel(tr("Audit entry"));
    entryName->setForegroundRole(QPalette::PlaceholderText);
    auto *entryRow = new QHBoxLayout;
    entryRow->addWidget(d->entry, 1);
    entryRow->addWidget(d->openEntry, 0, Qt::AlignTop);
    grid->addWidget(entryName, int(left.size()), 0, Qt::AlignTop);
    grid->addLayout(entryRow, int(left.size()), 1, 1, 4);
    grid->addWidget(d->entries, int(left.size()) + 1, 1, 1, 4);

    auto *buttons = new QHBoxLayout;
    auto *hint = new QLabel(tr("Click a call, or press Enter, to open it"));
    hint->setForegroundRole(QPalette::PlaceholderText);
    buttons->addWidget(hint, 1);
    buttons->addWidget(d->close);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(grid);
    layout->addWidget(d->notice);
    layout->addWidget(d->waterfall, 1);
    layout->addLayout(buttons);
}

void LlmRunDialog::load(AuditWorker *worker, const LlmRun &run)
{
    if (d->worker != worker) {
        d->worker = worker;
        connect(worker, &AuditWorker::llmRunLoaded, this,
            [this](quint64 request, const LlmRunCalls &calls) {
                if (request == d->runRequest) {
                    d->runRequest = 0;
                    setRunCalls(calls);
                    d->entriesRequest = d->worker->loadEntriesOfRun(calls.run);
                }
            });
        connect(worker, &AuditWorker::entriesOfRunLoaded, this,
            [this](quint64 request, const QList<AuditEntry> &entries) {
                if (request == d->entriesRequest) {
                    d->entriesRequest = 0;
                    setEntries(entries);
                }
            });
        connect(worker, &AuditWorker::queryFailed, this,
            [this](quint64 request, const QueryError &error) {
                if (request == d->runRequest || request == d->entriesRequest) {
                    d->runRequest = d->entriesRequest = 0;
                    showError(error.message);
                }
            });
    }
    d->run = run;
    setWindowTitle(tr("Loading… · LLM run %1").arg(visibleText(run.key)));
    d->entry->setText(tr("Looking for it…"));
    d->runRequest = worker->loadLlmRun(run.key, run.bankId, run.schema);
}

void LlmRunDialog::setRunCalls(const LlmRunCalls &calls)
{
    const LlmRun &run = calls.run;
    d->run = run;
    const QLocale locale;
    const QString operation = run.operation.isEmpty() ? tr("(none)") : isolatedText(run.operation);
    setWindowTitle(tr("%1 · LLM run %2")
                       .arg(run.operation.isEmpty() ? tr("(none)") : visibleText(run.operation),
                           visibleText(run.key)));
    d->operation->setText(operation);
    d->bank->setText(LlmText::orNone(run.bankId));
    d->tenant->setText(isolatedText(run.schema));
    EntryHeader::showTime(d->firstStart, run.firstStart, m_utc);
    d->wallTime->setText(LlmText::wallTime(run));
    d->calls->setText(locale.toString(run.calls));
    d->errors->setText(
        run.errors > 0 ? QStringLiteral("✖ ") + locale.toString(run.errors) : locale.toString(0));
    QPalette palette = d->errors->palette();
    palette.setColor(QPalette::WindowText,
        run.errors > 0 ? Theme::errorText(palette)
                       : QWidget::palette().color(QPalette::WindowText));
    d->errors->setPalette(palette);
    d->tokens->setText(LlmText::tokens(run.tokens));
    d->models->setText(visibleText(run.models.join(QStringLiteral(", "))));
    d->models->setToolTip(plainToolTip(d->models->text()));
    d->trace->setText(LlmText::orNone(run.traceId));
    d->waterfall->setUtc(m_utc);
    d->waterfall->setRun(calls);
    d->waterfall->setFocus();
}

void LlmRunDialog::setEntries(const QList<AuditEntry> &entries)
{
    d->found = entries;
    d->entries->clear();
    const QTimeZone zone = m_utc ? QTimeZone::utc() : QTimeZone::systemTimeZone();
    const auto describe = [&zone](const AuditEntry &entry) {
        return tr("%1 started %2 (%3)")
            .arg(isolatedText(entry.action), entry.startedAt.toDisplayString(zone), entry.id);
    };
    d->openEntry->setVisible(entries.size() == 1);
    d->entries->setVisible(entries.size() > 1);
    QPalette palette = d->entry->palette();
    palette.setColor(QPalette::WindowText,
        entries.size() > 1 ? Theme::errorText(palette)
                           : QWidget::palette().color(QPalette::WindowText));
    d->entry->setPalette(palette);
    if (entries.isEmpty()) {
        d->entry->setText(tr("None found: no audit entry of this bank running this operation "
                             "spans the run's first call."));
    } else if (entries.size() == 1) {
        d->entry->setText(describe(entries.first()));
    } else {
        d->entry->setText(
            tr("Ambiguous: %n audit entries of this bank running this operation span the run's "
               "first call, and Hindsight records no exact link (attribution is by bank, "
               "operation and time). Double-click one to open it:",
                nullptr, int(entries.size())));
        for (const AuditEntry &entry : entries) {
            d->entries->addItem(describe(entry));
        }
        // As tall as its entries, up to five.
        d->entries->setFixedHeight(
            d->entries->sizeHintForRow(0) * int(std::min<qsizetype>(entries.size(), 5))
            + 2 * d->entries->frameWidth());
    }
}

void LlmRunDialog::openEntry(int index)
{
    if (index < 0 || index >= d->found.size()) {
        return;
    }
    emit entryRequested(d->found.at(index));
    if (d->worker) {
        LlmWindows::openEntry(d->worker, d->found.at(index), m_utc, this);
    }
}

void LlmRunDialog::showError(const QString &message)
{
    d->notice->setText(message.section(QLatin1Char('\n'), 0, 0));
    d->notice->setToolTip(plainToolTip(message));
    d->notice->show();
}

void LlmRunDialog::setUtc(bool utc)
{
    m_utc = utc;
    d->waterfall->setUtc(utc);
}

LlmWaterfall *LlmRunDialog::waterfall() const
{
    return d->waterfall;
}

QString LlmRunDialog::entryStatus() const
{
    return d->entry->text();
}
