#include "llmcallheader.h"

#include "displaytext.h"
#include "durationtext.h"
#include "entryheader.h"
#include "llmtext.h"
#include "theme.h"

#include <QClipboard>
#include <QFontDatabase>
#include <QGridLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QTimeZone>
#include <QToolButton>

namespace {

QLabel *valueLabel(const QString &objectName)
{
    return EntryHeader::makeValue(objectName);
}

QLabel *nameLabel(const QString &text)
{
    auto *label = new QLabel(text);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

void setValue(QLabel *label, const QString &text)
{
    label->setText(text);
    label->setToolTip(plainToolTip(text));
}

} // namespace

LlmCallHeader::LlmCallHeader(QWidget *parent)
    : QWidget(parent)
    , m_id(new QLineEdit)
    , m_operation(valueLabel(QStringLiteral("operation")))
    , m_status(valueLabel(QStringLiteral("status")))
    , m_scope(valueLabel(QStringLiteral("scope")))
    , m_model(valueLabel(QStringLiteral("model")))
    , m_bank(valueLabel(QStringLiteral("bank")))
    , m_tenant(valueLabel(QStringLiteral("tenant")))
    , m_started(valueLabel(QStringLiteral("started")))
    , m_ended(valueLabel(QStringLiteral("ended")))
    , m_duration(valueLabel(QStringLiteral("duration")))
    , m_tokens(valueLabel(QStringLiteral("tokens")))
    , m_trace(valueLabel(QStringLiteral("trace")))
    , m_span(valueLabel(QStringLiteral("span")))
{
    m_id->setObjectName(QStringLiteral("callId"));
    m_id->setReadOnly(true);
    m_id->setFrame(false);
    m_id->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_id->setMinimumWidth(m_id->fontMetrics().horizontalAdvance(QString(38, QLatin1Char('0'))));
    auto *copy = new QToolButton;
    copy->setObjectName(QStringLiteral("copyId"));
    copy->setText(tr("Copy"));
    copy->setToolTip(tr("Copy the id"));
    copy->setAutoRaise(true);
    connect(copy, &QToolButton::clicked, this,
        [this] { QGuiApplication::clipboard()->setText(m_id->text()); });
    auto *idRow = new QHBoxLayout;
    idRow->setContentsMargins(0, 0, 0, 0);
    idRow->addWidget(m_id);
    idRow->addWidget(copy);
    idRow->addStretch(1);

    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(10);
    grid->setVerticalSpacing(4);
    grid->addWidget(nameLabel(tr("ID")), 0, 0);
    grid->addLayout(idRow, 0, 1, 1, 4);
    const QList<std::pair<QString, QLabel *>> left { { tr("Operation"), m_operation },
        { tr("Scope"), m_scope }, { tr("Bank"), m_bank }, { tr("Started"), m_started },
        { tr("Ended"), m_ended }, { tr("Trace"), m_trace } };
    const QList<std::pair<QString, QLabel *>> right { { tr("Status"), m_status },
        { tr("Model"), m_model }, { tr("Tenant"), m_tenant }, { tr("Duration"), m_duration },
        { tr("Tokens"), m_tokens }, { tr("Span"), m_span } };
    for (int i = 0; i < left.size(); ++i) {
        grid->addWidget(nameLabel(left[i].first), i + 1, 0);
        grid->addWidget(left[i].second, i + 1, 1);
        grid->addWidget(nameLabel(right[i].first), i + 1, 3);
        grid->addWidget(right[i].second, i + 1, 4);
    }
    grid->setColumnStretch(1, 3);
    grid->setColumnMinimumWidth(2, 16);
    grid->setColumnStretch(4, 3);
}

void LlmCallHeader::setCall(const LlmCall &call)
{
    m_call = call;
    m_hasCall = true;
    m_id->setText(call.id);
    m_id->setCursorPosition(0);
    setValue(m_operation, LlmText::orNone(call.operation));
    setValue(m_scope, LlmText::orNone(call.scope));
    setValue(m_bank, LlmText::orNone(call.bankId));
    setValue(m_tenant, isolatedText(call.schema));
    setValue(m_model,
        call.provider ? tr("%1 / %2").arg(isolatedText(*call.provider), LlmText::orNone(call.model))
                      : LlmText::orNone(call.model));
    m_status->setText(LlmText::status(call.status));
    QPalette palette = m_status->palette();
    palette.setColor(QPalette::WindowText,
        call.failed() ? Theme::errorText(palette) : Theme::badge(QStringLiteral("ok")));
    m_status->setPalette(palette);
    QFont bold = m_status->font();
    bold.setBold(true);
    m_status->setFont(bold);
    setValue(m_tokens, LlmText::tokens(call));
    m_duration->setText(LlmText::duration(call));
    const std::optional<qint64> micros = LlmText::durationMicros(call);
    m_duration->setToolTip(micros ? exactDuration(*micros) : QString());
    setValue(m_trace, LlmText::orNone(call.traceId));
    setValue(m_span,
        call.spanId ? tr("%1 (parent %2)")
                          .arg(isolatedText(*call.spanId), LlmText::orNone(call.parentSpanId))
                    : LlmText::orNone(call.spanId));
    showTimes();
}

void LlmCallHeader::setPendingId(const QString &id)
{
    m_id->setText(id);
    m_id->setCursorPosition(0);
}

void LlmCallHeader::setUtc(bool utc)
{
    m_utc = utc;
    showTimes();
}

QString LlmCallHeader::id() const
{
    return m_id->text();
}

void LlmCallHeader::showTimes()
{
    if (!m_hasCall) {
        return;
    }
    EntryHeader::showTime(m_started, m_call.startedAt, m_utc);
    if (m_call.endedAt) {
        EntryHeader::showTime(m_ended, *m_call.endedAt, m_utc);
    } else {
        m_ended->setText(tr("(not recorded)"));
        m_ended->setToolTip(QString());
    }
}
