#include "entrydetaildialog.h"

#include "displaytext.h"
#include "theme.h"

#include "entryformat.h"
#include "entryheader.h"
#include "jsonpane.h"
#include "jsonprettyprinter.h"
#include "llmentryruns.h"
#include "llmwindows.h"
#include "secretmasker.h"

#include <QClipboard>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QShortcut>
#include <QSignalBlocker>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <array>

namespace {

QPushButton *makeButton(const QString &text, const QString &objectName)
{
    auto *button = new QPushButton(text);
    button->setObjectName(objectName);
    // Enter belongs to the Find bar; no button may take it as the dialog's default.
    button->setAutoDefault(false);
    return button;
}

QLabel *makeLine(const QString &objectName)
{
    auto *label = new QLabel;
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    return label;
}

} // namespace

struct EntryDetailDialog::Private
{
    EntryHeader *header = new EntryHeader;
    QLabel *notice = makeLine(QStringLiteral("dialogNotice"));
    QWidget *loading = new QWidget;
    // A translucent sheet over the documents while another entry loads.
    QWidget *dim = new QWidget;
    QLabel *maskedCount = makeLine(QStringLiteral("maskedCount"));
    QPushButton *reveal
        = makeButton(EntryDetailDialog::tr("Reveal all"), QStringLiteral("revealSecrets"));
    QTabWidget *tabs = new QTabWidget;
    std::array<JsonPane *, 3> panes { new JsonPane, new JsonPane, new JsonPane };
    QPushButton *previous
        = makeButton(EntryDetailDialog::tr("Previous"), QStringLiteral("previous"));
    QPushButton *next = makeButton(EntryDetailDialog::tr("Next"), QStringLiteral("next"));
    QPushButton *copy
        = makeButton(EntryDetailDialog::tr("Copy entry"), QStringLiteral("copyEntry"));
    QPushButton *save = makeButton(EntryDetailDialog::tr("Save…"), QStringLiteral("saveEntry"));
    QPushButton *close = makeButton(EntryDetailDialog::tr("Close"), QStringLiteral("close"));
    QLabel *status = makeLine(QStringLiteral("dialogStatus"));
    QTimer *statusTimer = nullptr;

    std::optional<AuditEntryDetail> detail;
    AuditWorker *worker = nullptr;
    LlmEntryRuns *llmRuns = nullptr;

    void setBusy(bool busy)
    {
        loading->setVisible(busy);
        header->setEnabled(!busy);
        tabs->setEnabled(!busy);
        // Dimmed, not hidden: the previous entry stays readable until the next arrives.
        dim->setGeometry(tabs->rect());
        dim->raise();
        dim->setVisible(busy);
        const bool ready = !busy && detail.has_value();
        copy->setEnabled(ready);
        save->setEnabled(ready);
    }
};

EntryDetailDialog::EntryDetailDialog(QWidget *parent)
    : QDialog(parent)
    , d(std::make_unique<Private>())
{
    setModal(false);
    setWindowTitle(tr("Audit entry"));
    setSizeGripEnabled(true);

    setUpNoticeAndLoading();

    d->maskedCount->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    d->maskedCount->setForegroundRole(QPalette::PlaceholderText);
    d->reveal->setCheckable(true);
    d->reveal->setToolTip(tr("Show every secret value of this entry as stored (right-click a "
                             "masked value to reveal only that one); the next entry is masked "
                             "again"));

    const std::array<QString, 3> titles { tr("Request"), tr("Response"), tr("Metadata") };
    const std::array<QString, 3> names { QStringLiteral("requestPane"),
        QStringLiteral("responsePane"), QStringLiteral("metadataPane") };
    for (size_t i = 0; i < d->panes.size(); ++i) {
        d->panes[i]->setObjectName(names[i]);
        d->tabs->addTab(d->panes[i], titles[i]);
        connect(d->panes[i], &JsonPane::formattingFinished, this,
            &EntryDetailDialog::updateMaskedCount);
    }
    d->tabs->setDocumentMode(true);

    d->previous->setIcon(QIcon(QStringLiteral(":/icons/go-previous.svg")));
    d->previous->setToolTip(tr("The entry above in the table (Alt+Up)"));
    d->previous->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Up));
    d->next->setIcon(QIcon(QStringLiteral(":/icons/go-next.svg")));
    d->next->setToolTip(tr("The entry below in the table (Alt+Down)"));
    d->next->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Down));
    d->copy->setToolTip(tr("Copy the entry as one JSON object"));
    d->save->setToolTip(tr("Save the entry as a JSON file"));
    d->status->setForegroundRole(QPalette::PlaceholderText);
    d->statusTimer = new QTimer(this);
    d->statusTimer->setSingleShot(true);
    connect(d->statusTimer, &QTimer::timeout, d->status, &QLabel::clear);

    layOut();
    connectButtons();

    setNavigation(false, false);
    d->setBusy(false);
    updateMaskedCount();
    resize(900, 700);
}

EntryDetailDialog::~EntryDetailDialog() = default;

// The error notice over the tabs, and what shows while an entry loads: a busy bar beside the
// buttons and a veil over the tabs.
void EntryDetailDialog::setUpNoticeAndLoading()
{
    QPalette red = d->notice->palette();
    red.setColor(QPalette::WindowText, Theme::errorText(red));
    d->notice->setPalette(red);
    d->notice->hide();

    auto *busy = new QProgressBar;
    busy->setRange(0, 0);
    busy->setMaximumSize(80, 12);
    busy->setTextVisible(false);
    auto *loadingLayout = new QHBoxLayout(d->loading);
    loadingLayout->setContentsMargins(0, 0, 0, 0);
    loadingLayout->addWidget(new QLabel(tr("Loading…")));
    loadingLayout->addWidget(busy);
    d->loading->setObjectName(QStringLiteral("loading"));
    d->loading->hide();
    d->dim->setParent(d->tabs);
    d->dim->setAutoFillBackground(true);
    QPalette sheet = d->dim->palette();
    QColor window = sheet.color(QPalette::Window);
    window.setAlpha(150);
    sheet.setColor(QPalette::Window, window);
    d->dim->setPalette(sheet);
    d->dim->hide();
    d->tabs->installEventFilter(this);
}

void EntryDetailDialog::layOut()
{
    auto *corner = new QWidget;
    auto *cornerLayout = new QHBoxLayout(corner);
    cornerLayout->setContentsMargins(0, 0, 0, 2);
    cornerLayout->addWidget(d->maskedCount);
    cornerLayout->addWidget(d->reveal);
    d->tabs->setCornerWidget(corner, Qt::TopRightCorner);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(d->previous);
    buttons->addWidget(d->next);
    buttons->addSpacing(12);
    buttons->addWidget(d->loading);
    buttons->addWidget(d->status, 1);
    buttons->addWidget(d->copy);
    buttons->addWidget(d->save);
    buttons->addWidget(d->close);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(d->header);
    layout->addWidget(d->notice);
    layout->addWidget(d->tabs, 1);
    layout->addLayout(buttons);
}

void EntryDetailDialog::connectButtons()
{
    connect(d->previous, &QPushButton::clicked, this, &EntryDetailDialog::previousRequested);
    connect(d->next, &QPushButton::clicked, this, &EntryDetailDialog::nextRequested);
    connect(d->copy, &QPushButton::clicked, this, &EntryDetailDialog::copyEntry);
    connect(d->save, &QPushButton::clicked, this, &EntryDetailDialog::saveEntry);
    connect(d->close, &QPushButton::clicked, this, &QDialog::close);
    connect(d->reveal, &QPushButton::toggled, this, &EntryDetailDialog::setRevealed);
    auto *find = new QShortcut(QKeySequence::Find, this);
    connect(find, &QShortcut::activated, this, [this] {
        if (auto *pane = qobject_cast<JsonPane *>(d->tabs->currentWidget())) {
            pane->openFind();
        }
    });
}

void EntryDetailDialog::showLoading(const QString &id)
{
    d->notice->hide();
    d->header->setPendingId(id);
    setWindowTitle(tr("Loading… · %1").arg(id));
    d->setBusy(true);
}

void EntryDetailDialog::setEntry(const AuditEntryDetail &detail)
{
    d->detail = detail;
    d->notice->hide();
    d->header->setEntry(detail.entry);
    setWindowTitle(tr("%1 · %2").arg(visibleText(detail.entry.action), detail.entry.id));
    // Revealing is never carried over: every entry starts masked.
    {
        const QSignalBlocker quiet(d->reveal);
        d->reveal->setChecked(false);
    }
    d->panes[0]->setDocument(detail.request);
    d->panes[1]->setDocument(detail.response);
    d->panes[2]->setDocument(detail.metadata);
    showLlmRuns(detail.entry);
    d->setBusy(false);
    updateMaskedCount();
}

void EntryDetailDialog::showError(const QString &message)
{
    d->loading->hide();
    showNotice(message);
}

void EntryDetailDialog::setUtc(bool utc)
{
    d->header->setUtc(utc);
    if (d->llmRuns) {
        d->llmRuns->setUtc(utc);
    }
}

void EntryDetailDialog::setWorker(AuditWorker *worker)
{
    if (d->worker || !worker) {
        return;
    }
    d->worker = worker;
    d->llmRuns = new LlmEntryRuns(worker, this);
    d->llmRuns->setObjectName(QStringLiteral("llmRunsTab"));
    d->llmRuns->setUtc(d->header->isUtc());
    d->llmRuns->hide();
    connect(d->llmRuns, &LlmEntryRuns::runActivated, this, [this](const LlmRun &run) {
        LlmWindows::openRun(d->worker, run, d->header->isUtc(), this);
    });
}

// The "LLM calls" tab, for an entry whose action runs LLM calls.
void EntryDetailDialog::showLlmRuns(const AuditEntry &entry)
{
    if (!d->llmRuns) {
        return;
    }
    const int tab = d->tabs->indexOf(d->llmRuns);
    if (!LlmEntryRuns::runsLlmCalls(entry.action)) {
        if (tab >= 0) {
            d->tabs->removeTab(tab);
        }
        return;
    }
    if (tab < 0) {
        d->tabs->addTab(d->llmRuns, tr("LLM calls"));
    }
    d->llmRuns->showEntry(entry);
}

void EntryDetailDialog::setNavigation(bool hasPrevious, bool hasNext)
{
    d->previous->setEnabled(hasPrevious);
    d->next->setEnabled(hasNext);
}

QString EntryDetailDialog::entryId() const
{
    return d->header->id();
}

QString EntryDetailDialog::entrySchema() const
{
    return d->header->schema();
}

QString EntryDetailDialog::entryJson() const
{
    if (!d->detail) {
        return {};
    }
    const AuditEntry &entry = d->detail->entry;
    const SecretMasker masker;
    const JsonPrettyPrinter printer(2);
    const QString null = QStringLiteral("null");
    const QString scalars
        = QStringLiteral(R"({"id":%1,"action":%2,"transport":%3,"bank_id":%4,)"
                         R"("started_at":%5,"ended_at":%6,"duration_ms":%7,"status":%8,)")
              .arg(EntryFormat::jsonString(entry.id), EntryFormat::jsonString(entry.action),
                  EntryFormat::jsonString(entry.transport),
                  entry.bankId ? EntryFormat::jsonString(*entry.bankId) : null,
                  EntryFormat::jsonString(entry.startedAt.toIsoUtc()),
                  entry.endedAt ? EntryFormat::jsonString(entry.endedAt->toIsoUtc()) : null,
                  EntryFormat::durationMsJson(entry),
                  EntryFormat::jsonString(AuditEntry::statusName(entry.status())));
    // With `quoteInvalid`, a document that is not JSON (a cut-off read) goes in as a
    // string, so that the object around it stays valid JSON.
    const auto compose = [&](bool quoteInvalid) {
        const auto embed = [&](const std::optional<QString> &stored, const JsonPane *pane) {
            if (!stored) {
                return null;
            }
            // What the pane shows: masked, but for the values revealed in it.
            const QString json = masker.mask(*stored, pane->revealedValues());
            if (quoteInvalid && !printer.format(QStringView(json)).ok) {
                return EntryFormat::jsonString(json);
            }
            return json;
        };
        return scalars + QStringLiteral(R"("request":)") + embed(d->detail->request, d->panes[0])
            + QStringLiteral(R"(,"response":)") + embed(d->detail->response, d->panes[1])
            + QStringLiteral(R"(,"metadata":)") + embed(d->detail->metadata, d->panes[2])
            + QLatin1Char('}');
    };
    JsonFormatResult formatted = printer.format(QStringView(compose(false)));
    if (!formatted.ok) {
        formatted = printer.format(QStringView(compose(true)));
    }
    return formatted.text;
}

bool EntryDetailDialog::saveTo(const QString &path)
{
    QSaveFile file(path);
    // Readable by its owner only, like exports: the entry may hold revealed secrets.
    if (!file.open(QIODevice::WriteOnly)
        || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        showNotice(
            tr("Could not save to %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
        return false;
    }
    const QByteArray bytes = entryJson().toUtf8() + '\n';
    if (file.write(bytes) != bytes.size() || !file.commit()) {
        showNotice(
            tr("Could not save to %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
        return false;
    }
    d->notice->hide();
    showStatus(tr("Saved to %1").arg(QDir::toNativeSeparators(path)));
    return true;
}

void EntryDetailDialog::copyEntry()
{
    QGuiApplication::clipboard()->setText(entryJson());
    int hidden = 0;
    int revealed = 0;
    for (const JsonPane *pane : d->panes) {
        hidden += pane->maskedCount();
        revealed += pane->revealedCount();
    }
    showStatus(revealed == 0 ? tr("Copied, secrets masked")
            : hidden == 0    ? tr("Copied, secrets included")
                             : tr("Copied, the revealed secrets included"));
}

void EntryDetailDialog::saveEntry()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Entry"),
        entryId() + QStringLiteral(".json"), tr("JSON files (*.json);;All files (*)"));
    if (!path.isEmpty()) {
        saveTo(path);
    }
}

void EntryDetailDialog::setRevealed(bool revealed)
{
    for (JsonPane *pane : d->panes) {
        pane->setRevealed(revealed);
    }
    updateMaskedCount();
}

void EntryDetailDialog::updateMaskedCount()
{
    int hidden = 0;
    int revealed = 0;
    bool formatting = false;
    for (const JsonPane *pane : d->panes) {
        hidden += pane->maskedCount();
        revealed += pane->revealedCount();
        formatting = formatting || pane->isFormatting();
    }
    const QString hiddenText
        = hidden == 1 ? tr("1 value hidden") : tr("%n values hidden", nullptr, hidden);
    const QString revealedText
        = revealed == 1 ? tr("1 value revealed") : tr("%n values revealed", nullptr, revealed);
    if (hidden + revealed == 0) {
        d->maskedCount->setText(formatting ? QString() : tr("No secrets found"));
    } else if (revealed == 0) {
        d->maskedCount->setText(hiddenText);
    } else if (hidden == 0) {
        d->maskedCount->setText(revealedText);
    } else {
        d->maskedCount->setText(
            tr("%1, %2", "values hidden, values revealed").arg(hiddenText, revealedText));
    }
    d->reveal->setEnabled(hidden + revealed > 0 || formatting || d->reveal->isChecked());
    // The button says what pressing it does now.
    d->reveal->setText(d->reveal->isChecked() ? tr("Mask all") : tr("Reveal all"));
}

void EntryDetailDialog::showNotice(const QString &message)
{
    // One line: the first line of the message, as plain text.
    d->notice->setText(message.section(QLatin1Char('\n'), 0, 0));
    d->notice->setToolTip(QStringLiteral("<qt>%1</qt>").arg(message.toHtmlEscaped()));
    d->notice->show();
}

bool EntryDetailDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == d->tabs && event->type() == QEvent::Resize) {
        d->dim->setGeometry(d->tabs->rect());
    }
    return QDialog::eventFilter(watched, event);
}

void EntryDetailDialog::showStatus(const QString &message)
{
    d->status->setText(message);
    d->statusTimer->start(5000);
}
