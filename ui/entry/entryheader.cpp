#include "entryheader.h"

#include "displaytext.h"
#include "durationtext.h"
#include "theme.h"

#include <QClipboard>
#include <QFontDatabase>
#include <QGridLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QTimeZone>
#include <QToolButton>

QLabel *EntryHeader::makeValue(const QString &objectName)
{
    auto *label = new QLabel;
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Long database text is cut at the edge instead of widening the dialog.
    label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    label->setMinimumWidth(60);
    return label;
}

void EntryHeader::showTime(QLabel *label, const AuditTimestamp &time, bool utc)
{
    const QTimeZone shown = utc ? QTimeZone::utc() : QTimeZone::systemTimeZone();
    const QTimeZone other = utc ? QTimeZone::systemTimeZone() : QTimeZone::utc();
    label->setText(time.toDisplayString(shown));
    label->setToolTip(time.toDisplayString(other));
}

namespace {

QLabel *makeBadge(const QString &objectName)
{
    auto *label = new QLabel;
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    return label;
}

// `value` as stored picks the colour; `shown` is what the badge says (translated for a status).
void setBadge(QLabel *badge, const QString &value, const QString &shown)
{
    badge->setText(EntryHeader::displayText(shown));
    const QColor color = Theme::badge(value);
    QColor faded = color;
    faded.setAlpha(90);
    badge->setStyleSheet(
        QStringLiteral("QLabel { background-color: %1; color: %2; "
                       "border-radius: 8px; padding: 1px 9px; } "
                       "QLabel:disabled { background-color: %3; }")
            .arg(color.name(), Theme::onBadge().name(), faded.name(QColor::HexArgb)));
}

QLabel *makeName(const QString &text)
{
    auto *label = new QLabel(text);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

QString statusText(AuditEntry::Status status)
{
    switch (status) {
    case AuditEntry::Status::Ok:
        return EntryHeader::tr("ok");
    case AuditEntry::Status::Failed:
        return EntryHeader::tr("failed");
    case AuditEntry::Status::Running:
        return EntryHeader::tr("running");
    }
    return {};
}

} // namespace

EntryHeader::EntryHeader(QWidget *parent)
    : QWidget(parent)
    , m_id(new QLineEdit)
    , m_action(makeValue(QStringLiteral("action")))
    , m_transport(makeBadge(QStringLiteral("transport")))
    , m_bank(makeValue(QStringLiteral("bank")))
    , m_started(makeValue(QStringLiteral("started")))
    , m_ended(makeValue(QStringLiteral("ended")))
    , m_duration(makeValue(QStringLiteral("duration")))
    , m_status(makeBadge(QStringLiteral("status")))
    , m_tenant(makeValue(QStringLiteral("tenant")))
{
    m_id->setObjectName(QStringLiteral("entryId"));
    m_id->setReadOnly(true);
    m_id->setFrame(false);
    m_id->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_id->setMinimumWidth(m_id->fontMetrics().horizontalAdvance(QString(38, QLatin1Char('0'))));
    auto *copy = new QToolButton;
    copy->setObjectName(QStringLiteral("copyId"));
    copy->setText(tr("Copy"));
    copy->setIcon(QIcon::fromTheme(QStringLiteral("edit-copy")));
    copy->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
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
    grid->addWidget(makeName(tr("ID")), 0, 0);
    grid->addLayout(idRow, 0, 1, 1, 4);
    grid->addWidget(makeName(tr("Action")), 1, 0);
    grid->addWidget(m_action, 1, 1);
    grid->addWidget(makeName(tr("Status")), 1, 3);
    grid->addWidget(m_status, 1, 4, Qt::AlignLeft);
    grid->addWidget(makeName(tr("Bank")), 2, 0);
    grid->addWidget(m_bank, 2, 1);
    grid->addWidget(makeName(tr("Transport")), 2, 3);
    grid->addWidget(m_transport, 2, 4, Qt::AlignLeft);
    grid->addWidget(makeName(tr("Started")), 3, 0);
    grid->addWidget(m_started, 3, 1);
    grid->addWidget(makeName(tr("Duration")), 3, 3);
    grid->addWidget(m_duration, 3, 4);
    grid->addWidget(makeName(tr("Ended")), 4, 0);
    grid->addWidget(m_ended, 4, 1);
    grid->addWidget(makeName(tr("Tenant")), 4, 3);
    grid->addWidget(m_tenant, 4, 4);
    grid->setColumnStretch(1, 3);
    grid->setColumnMinimumWidth(2, 16);
    grid->setColumnStretch(4, 2);
}

void EntryHeader::setEntry(const AuditEntry &entry)
{
    m_entry = entry;
    m_hasEntry = true;
    m_id->setText(entry.id);
    m_id->setCursorPosition(0);
    m_action->setText(displayText(entry.action));
    m_action->setToolTip(plainToolTip(m_action->text()));
    setBadge(m_transport, entry.transport, entry.transport);
    m_bank->setText(entry.bankId ? displayText(*entry.bankId) : tr("(none)"));
    m_bank->setToolTip(plainToolTip(m_bank->text()));
    m_tenant->setText(displayText(entry.schema));
    m_tenant->setToolTip(plainToolTip(tr("Read from the schema %1").arg(m_tenant->text())));
    // Read as in the table; the tooltip has every microsecond.
    const std::optional<qint64> duration = entry.durationUsecs();
    m_duration->setText(duration ? readableDuration(*duration) : tr("—"));
    m_duration->setToolTip(duration ? exactDuration(*duration) : QString());
    setBadge(m_status, AuditEntry::statusName(entry.status()), statusText(entry.status()));
    showTimes();
}

void EntryHeader::setPendingId(const QString &id)
{
    m_id->setText(id);
    m_id->setCursorPosition(0);
}

void EntryHeader::setUtc(bool utc)
{
    m_utc = utc;
    showTimes();
}

QString EntryHeader::id() const
{
    return m_id->text();
}

QString EntryHeader::displayText(const QString &text)
{
    return isolatedText(text);
}

void EntryHeader::showTimes()
{
    if (!m_hasEntry) {
        return;
    }
    showTime(m_started, m_entry.startedAt, m_utc);
    if (m_entry.endedAt) {
        showTime(m_ended, *m_entry.endedAt, m_utc);
    } else {
        m_ended->setText(tr("(running)"));
        m_ended->setToolTip(QString());
    }
}
