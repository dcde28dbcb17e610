#include "auditentry.h"

#include <QRegularExpression>

AuditEntry::Status AuditEntry::status() const
{
    if (!endedAt) {
        return Status::Running;
    }
    return hasResponse ? Status::Ok : Status::Failed;
}

std::optional<qint64> AuditEntry::durationUsecs() const
{
    // A call at 'infinity' or '-infinity' has no duration to speak of, as in the database.
    if (!endedAt || !endedAt->isFinite() || !startedAt.isFinite()) {
        return std::nullopt;
    }
    return endedAt->usecsSinceEpoch() - startedAt.usecsSinceEpoch();
}

QString AuditEntry::durationMsText() const
{
    const auto usecs = durationUsecs();
    if (!usecs) {
        return {};
    }
    const qint64 v = *usecs;
    const qint64 absV = v < 0 ? -v : v;
    return QStringLiteral("%1%2.%3")
        .arg(v < 0 ? QStringLiteral("-") : QString())
        .arg(absV / 1000)
        .arg(absV % 1000, 3, 10, QLatin1Char('0'));
}

QString AuditEntry::statusName(Status status)
{
    switch (status) {
    case Status::Ok:
        return QStringLiteral("ok");
    case Status::Failed:
        return QStringLiteral("failed");
    case Status::Running:
        return QStringLiteral("running");
    }
    return {};
}

bool AuditEntry::isId(const QString &text)
{
    static const QRegularExpression uuid(QStringLiteral(
        "^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$"));
    return uuid.match(text).hasMatch();
}
