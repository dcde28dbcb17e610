#include "llmcalldialog.h"

#include "auditworker.h"
#include "displaytext.h"
#include "jsonpane.h"
#include "llmcallheader.h"
#include "llmconversation.h"
#include "llmconversationview.h"
#include "llmtext.h"
#include "secretmasker.h"
#include "theme.h"

#include <QClipboard>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSignalBlocker>
#include <QStackedWidget>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <array>

namespace {

// A document shown readable, with "Raw JSON" one click away.
struct DocumentTab
{
    QWidget *widget = new QWidget;
    QToolButton *raw = new QToolButton;
    QStackedWidget *stack = new QStackedWidget;
    LlmConversationView *readable = new LlmConversationView;
    JsonPane *pane = new JsonPane;

    DocumentTab(const QString &name, const QString &rawToolTip)
    {
        readable->setObjectName(name);
        pane->setObjectName(name + QStringLiteral("Json"));
        raw->setObjectName(name + QStringLiteral("Raw"));
        raw->setText(LlmCallDialog::tr("Raw JSON"));
        raw->setToolTip(rawToolTip);
        raw->setCheckable(true);
        raw->setAutoRaise(true);
        stack->addWidget(readable);
        stack->addWidget(pane);
        auto *bar = new QHBoxLayout;
        bar->setContentsMargins(0, 0, 0, 0);
        bar->addStretch(1);
        bar->addWidget(raw);
        auto *layout = new QVBoxLayout(widget);
        layout->setContentsMargins(0, 4, 0, 0);
        layout->addLayout(bar);
        layout->addWidget(stack, 1);
        QObject::connect(raw, &QToolButton::toggled, stack, [this](bool on) {
            stack->setCurrentWidget(on ? static_cast<QWidget *>(pane) : readable);
        });
    }

    void setRaw(bool on)
    {
        raw->setChecked(on);
        stack->setCurrentWidget(on ? static_cast<QWidget *>(pane) : readable);
    }
};

// An id with a Copy button, or a list of them.
struct IdField
{
    QPlainTextEdit *text = new QPlainTextEdit;
    QToolButton *copy = new QToolButton;
    QWidget *row = new QWidget;

    explicit IdField(const QString &name)
    {
        text->setObjectName(name);
        text->setReadOnly(true);
        text->setLineWrapMode(QPlainTextEdit::NoWrap);
        copy->setText(LlmCallDialog::tr("Copy"));
        copy->setObjectName(name + QStringLiteral("Copy"));
        copy->setAutoRaise(true);
        auto *layout = new QHBoxLayout(row);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(text, 1);
        layout->addWidget(copy, 0, Qt::AlignTop);
        QObject::connect(copy, &QToolButton::clicked, text,
            [this] { QGuiApplication::clipboard()->setText(text->toPlainText()); });
    }

    void set(const QStringList &ids)
    {
        QStringList shown;
        for (const QString &id : ids) {
            shown.append(visibleText(id));
        }
        text->setPlainText(shown.join(QLatin1Char('\n')));
        const int lines = std::clamp(int(ids.size()), 1, 6);
        text->setFixedHeight(text->fontMetrics().lineSpacing() * lines + 12);
    }
};

} // namespace

struct LlmCallDialog::Private
{
    LlmCallHeader *header = new LlmCallHeader;
    QLabel *notice = new QLabel;
    QLabel *maskedCount = new QLabel;
    QPushButton *reveal = new QPushButton(LlmCallDialog::tr("Reveal all"));
    QTabWidget *tabs = new QTabWidget;
    DocumentTab input { QStringLiteral("conversation"),
        LlmCallDialog::tr("The input as Hindsight stored it") };
    DocumentTab output { QStringLiteral("output"),
        LlmCallDialog::tr("The output as Hindsight stored it") };
    LlmConversationView *error = new LlmConversationView;
    JsonPane *llmInfo = new JsonPane;
    JsonPane *metadata = new JsonPane;
    IdField document { QStringLiteral("documentId") };
    IdField memories { QStringLiteral("memoryIds") };
    IdField sources { QStringLiteral("sourceMemoryIds") };
    QFormLayout *links = new QFormLayout;
    QPushButton *close = new QPushButton(LlmCallDialog::tr("Close"));

    std::optional<LlmCallDetail> detail;
    AuditWorker *worker = nullptr;
    quint64 request = 0;

    std::array<JsonPane *, 4> panes() const
    {
        return { input.pane, output.pane, llmInfo, metadata };
    }
};

LlmCallDialog::LlmCallDialog(QWidget *parent)
    : QDialog(parent)
    , d(std::make_unique<Private>())
{
    setModal(false);
    setWindowTitle(tr("LLM call"));
    setSizeGripEnabled(true);
    d->notice->setObjectName(QStringLiteral("dialogNotice"));
    d->notice->setTextFormat(Qt::PlainText);
    QPalette red = d->notice->palette();
    red.setColor(QPalette::WindowText, Theme::errorText(red));
    d->notice->setPalette(red);
    d->notice->hide();
    d->maskedCount->setObjectName(QStringLiteral("maskedCount"));
    d->maskedCount->setForegroundRole(QPalette::PlaceholderText);
    d->reveal->setObjectName(QStringLiteral("revealSecrets"));
    d->reveal->setCheckable(true);
    d->reveal->setAutoDefault(false);
    d->reveal->setToolTip(tr("Show every secret value of this call as stored, in the "
                             "conversation and the JSON; the next call is masked again"));
    d->error->setObjectName(QStringLiteral("error"));
    d->llmInfo->setObjectName(QStringLiteral("llmInfoPane"));
    d->metadata->setObjectName(QStringLiteral("metadataPane"));
    d->close->setAutoDefault(false);
    layOut();
    for (JsonPane *pane : d->panes()) {
        connect(pane, &JsonPane::formattingFinished, this, &LlmCallDialog::updateMaskedCount);
    }
    connect(d->reveal, &QPushButton::toggled, this, &LlmCallDialog::setRevealed);
    connect(d->close, &QPushButton::clicked, this, &QDialog::close);
    auto *find = new QShortcut(QKeySequence::Find, this);
    connect(find, &QShortcut::activated, this, [this] {
        const auto panes = d->panes();
        for (JsonPane *pane : panes) {
            if (pane->isVisibleTo(this) && pane->isVisible()) {
                pane->openFind();
                return;
            }
        }
    });
    updateMaskedCount();
    resize(980, 760);
}

LlmCallDialog::~LlmCallDialog() = default;

void LlmCallDialog::layOut()
{
    auto *corner = new QWidget;
    auto *cornerLayout = new QHBoxLayout(corner);
    cornerLayout->setContentsMargins(0, 0, 0, 2);
    cornerLayout->addWidget(d->maskedCount);
    cornerLayout->addWidget(d->reveal);
    d->tabs->setCornerWidget(corner, Qt::TopRightCorner);
    d->tabs->setDocumentMode(true);

    auto *metadataTab = new QWidget;
    d->links->addRow(tr("Document"), d->document.row);
    d->links->addRow(tr("Memories created"), d->memories.row);
    d->links->addRow(tr("Source memories"), d->sources.row);
    auto *metadataLayout = new QVBoxLayout(metadataTab);
    metadataLayout->setContentsMargins(0, 4, 0, 0);
    metadataLayout->addLayout(d->links);
    metadataLayout->addWidget(d->metadata, 1);

    d->tabs->addTab(d->input.widget, tr("Conversation"));
    d->tabs->addTab(d->output.widget, tr("Output"));
    d->tabs->addTab(d->error, tr("Error"));
    d->tabs->addTab(d->llmInfo, tr("llm_info"));
    d->tabs->addTab(metadataTab, tr("Metadata"));

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(d->close);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(d->header);
    layout->addWidget(d->notice);
    layout->addWidget(d->tabs, 1);
    layout->addLayout(buttons);
}

void LlmCallDialog::load(AuditWorker *worker, const QString &id, const QString &schema)
{
    if (d->worker != worker) {
        d->worker = worker;
        connect(worker, &AuditWorker::llmCallLoaded, this,
            [this](quint64 request, const LlmCallDetail &detail) {
                if (request == d->request) {
                    d->request = 0;
                    setCall(detail);
                }
            });
        connect(worker, &AuditWorker::queryFailed, this,
            [this](quint64 request, const QueryError &error) {
                if (request == d->request) {
                    d->request = 0;
                    showError(error.message);
                }
            });
    }
    showLoading(id);
    d->request = worker->loadLlmCall(id, schema);
}

void LlmCallDialog::showLoading(const QString &id)
{
    d->notice->hide();
    d->header->setPendingId(id);
    setWindowTitle(tr("Loading… · %1").arg(id));
}

void LlmCallDialog::setCall(const LlmCallDetail &detail)
{
    d->detail = detail;
    d->notice->hide();
    d->header->setCall(detail.call);
    setWindowTitle(tr("%1 · LLM call %2").arg(LlmText::callName(detail.call), detail.call.id));
    {
        const QSignalBlocker quiet(d->reveal);
        d->reveal->setChecked(false);
    }
    d->input.pane->setDocument(detail.input);
    d->output.pane->setDocument(detail.output);
    d->llmInfo->setDocument(detail.llmInfo);
    d->metadata->setDocument(detail.metadata);
    showDocuments();
    // Output that is JSON (not a string) reads best as JSON.
    const LlmConversation output = d->output.readable->conversation();
    const QString stored = detail.output.value_or(QString()).trimmed();
    d->output.setRaw(output.shape == LlmConversation::Shape::Text
        && !stored.startsWith(QLatin1Char('"')) && detail.output.has_value());
    d->input.setRaw(false);
    // A failed call opens on its error; another leaves the error tab for the conversation.
    if (detail.call.failed() && detail.error) {
        d->tabs->setCurrentIndex(2);
    } else if (d->tabs->currentIndex() == 2) {
        d->tabs->setCurrentIndex(0);
    }
    d->tabs->setTabEnabled(2, detail.error.has_value());
    d->tabs->setTabText(2, detail.error ? tr("✖ Error") : tr("Error"));
    updateMaskedCount();
}

// The readable views, masked or revealed as the Reveal button says.
void LlmCallDialog::showDocuments()
{
    if (!d->detail) {
        return;
    }
    const SecretMasker masker;
    const bool all = d->reveal->isChecked();
    d->input.readable->setConversation(LlmConversation::read(d->detail->input, masker, all));
    d->output.readable->setConversation(LlmConversation::read(d->detail->output, masker, all));
    d->error->setConversation(LlmConversation::plainText(d->detail->error, masker, all));
    const LlmCallLinks links = LlmCallLinks::read(d->detail->metadata, masker, all);
    const QStringList document
        = links.documentId.isEmpty() ? QStringList() : QStringList { links.documentId };
    for (const auto &[field, ids] :
        { std::pair { &d->document, document }, std::pair { &d->memories, links.memoryIds },
            std::pair { &d->sources, links.sourceMemoryIds } }) {
        field->set(ids);
        d->links->setRowVisible(field->row, !ids.isEmpty());
    }
}

void LlmCallDialog::showError(const QString &message)
{
    d->notice->setText(message.section(QLatin1Char('\n'), 0, 0));
    d->notice->setToolTip(plainToolTip(message));
    d->notice->show();
}

void LlmCallDialog::setUtc(bool utc)
{
    d->header->setUtc(utc);
}

QString LlmCallDialog::callId() const
{
    return d->header->id();
}

// The input and the output are counted once, by whichever of their two views hides more (a
// cut input's preview is masked as the JSON text it is, so its view may find more).
int LlmCallDialog::maskedCount() const
{
    int count = d->error->conversation().maskedCount + d->llmInfo->maskedCount()
        + d->metadata->maskedCount();
    for (const DocumentTab *tab : { &d->input, &d->output }) {
        count += std::max(tab->readable->conversation().maskedCount, tab->pane->maskedCount());
    }
    return count;
}

int LlmCallDialog::revealedCount() const
{
    int count = d->error->conversation().revealedCount + d->llmInfo->revealedCount()
        + d->metadata->revealedCount();
    for (const DocumentTab *tab : { &d->input, &d->output }) {
        count += std::max(tab->readable->conversation().revealedCount, tab->pane->revealedCount());
    }
    return count;
}

void LlmCallDialog::setRevealed(bool revealed)
{
    for (JsonPane *pane : d->panes()) {
        pane->setRevealed(revealed);
    }
    showDocuments();
    updateMaskedCount();
}

void LlmCallDialog::updateMaskedCount()
{
    const int hidden = maskedCount();
    const int revealed = revealedCount();
    bool formatting = false;
    for (const JsonPane *pane : d->panes()) {
        formatting = formatting || pane->isFormatting();
    }
    if (hidden + revealed == 0) {
        d->maskedCount->setText(formatting ? QString() : tr("No secrets found"));
    } else if (revealed == 0) {
        d->maskedCount->setText(
            hidden == 1 ? tr("1 value hidden") : tr("%n values hidden", nullptr, hidden));
    } else {
        d->maskedCount->setText(
            revealed == 1 ? tr("1 value revealed") : tr("%n values revealed", nullptr, revealed));
    }
    d->reveal->setEnabled(hidden + revealed > 0 || formatting || d->reveal->isChecked());
    d->reveal->setText(d->reveal->isChecked() ? tr("Mask all") : tr("Reveal all"));
}
