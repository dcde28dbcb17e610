#include "auditfilter.h"

#include <QRegularExpression>

namespace {

// PostgreSQL identifier quoting. (QSqlDriver::escapeIdentifier leaves a name that already
// starts and ends with a double quote untouched, which is wrong for user-typed names.)
QString quoteIdentifier(const QString &name)
{
    QString quoted = name;
    quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

} // namespace

QString AuditTableRef::quoted() const
{
    return quoteIdentifier(schema) + QLatin1Char('.') + quoteIdentifier(table);
}

bool AuditFilter::isEmpty() const
{
    return actions.isEmpty() && transport.isEmpty() && !bank && !since && !until && !failedOnly
        && search.isEmpty() && !minDurationMicros && schemas.isEmpty();
}

QString AuditFilter::cacheKey() const
{
    // One binding per field: a new member of AuditFilter is a compile error here.
    const auto &[actionList, transportName, bankId, from, to, failed, searchText, minDuration,
        schemaList]
        = *this;
    // Each text carries its length, so no value can imitate a separator or another field.
    const auto text = [](QChar tag, const QString &value) {
        return tag + QString::number(value.size()) + QLatin1Char(':') + value;
    };
    const auto optionalNumber = [](QChar tag, std::optional<qint64> value) {
        return value ? tag + QString::number(*value) : QString(tag) + QLatin1Char('-');
    };
    QString key = QLatin1Char('a') + QString::number(actionList.size());
    for (const QString &action : actionList) {
        key += text(QLatin1Char(':'), action);
    }
    key += text(QLatin1Char('t'), transportName);
    key += bankId ? text(QLatin1Char('b'), *bankId) : QStringLiteral("b-");
    key += optionalNumber(
        QLatin1Char('f'), from ? std::optional<qint64>(from->usecsSinceEpoch()) : std::nullopt);
    key += optionalNumber(
        QLatin1Char('u'), to ? std::optional<qint64>(to->usecsSinceEpoch()) : std::nullopt);
    key += failed ? QStringLiteral("F1") : QStringLiteral("F0");
    key += text(QLatin1Char('s'), searchText);
    key += optionalNumber(QLatin1Char('d'), minDuration);
    key += QLatin1Char('n') + QString::number(schemaList.size());
    for (const QString &schemaName : schemaList) {
        key += text(QLatin1Char(':'), schemaName);
    }
    return key;
}

QString sortOrderName(SortOrder order)
{
    switch (order) {
    case SortOrder::NewestFirst:
        return QStringLiteral("newest");
    case SortOrder::OldestFirst:
        return QStringLiteral("oldest");
    case SortOrder::LongestFirst:
        return QStringLiteral("longest");
    case SortOrder::ShortestFirst:
        return QStringLiteral("shortest");
    case SortOrder::RecentlyFinishedFirst:
        return QStringLiteral("finished");
    }
    return QStringLiteral("newest");
}

std::optional<SortOrder> sortOrderFromName(const QString &name)
{
    for (SortOrder order :
        { SortOrder::NewestFirst, SortOrder::OldestFirst, SortOrder::LongestFirst,
            SortOrder::ShortestFirst, SortOrder::RecentlyFinishedFirst }) {
        if (name == sortOrderName(order)) {
            return order;
        }
    }
    return std::nullopt;
}

AuditFilter filterForOrder(AuditFilter filter, SortOrder order, AuditTimestamp now)
{
    if (order == SortOrder::RecentlyFinishedFirst) {
        constexpr qint64 kMicrosPerMinute = 60'000'000LL;
        const auto recent = AuditTimestamp::fromUsecsSinceEpoch(
            now.usecsSinceEpoch() - kRecentPastMinutes * kMicrosPerMinute);
        filter.since = filter.since ? std::max(*filter.since, recent) : recent;
    }
    return filter;
}

QString PageCursor::encode() const
{
    const QString key = startedAt.toIsoUtc() + QLatin1Char(',') + id;
    return schema.isEmpty() ? key : key + QLatin1Char(',') + schema;
}

PageCursor PageCursor::after(const AuditEntry &entry)
{
    PageCursor cursor { entry.startedAt, entry.id, entry.durationUsecs(), entry.endedAt };
    cursor.schema = entry.schema;
    return cursor;
}

std::optional<PageCursor> PageCursor::decode(const QString &text)
{
    static const QRegularExpression uuid(QStringLiteral(
        "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"));
    // The time holds no comma; a schema name may (a quoted identifier), so it is the rest.
    const qsizetype comma = text.indexOf(QLatin1Char(','));
    if (comma < 0) {
        return std::nullopt;
    }
    const qsizetype second = text.indexOf(QLatin1Char(','), comma + 1);
    const QString id = text.mid(comma + 1, second < 0 ? -1 : second - comma - 1).trimmed();
    const QString schema = second < 0 ? QString() : text.mid(second + 1);
    const auto time = AuditTimestamp::parse(text.left(comma), QTimeZone::utc());
    if (!time || !uuid.match(id).hasMatch() || (second >= 0 && schema.isEmpty())) {
        return std::nullopt;
    }
    PageCursor cursor { *time, id.toLower() };
    cursor.schema = schema;
    return cursor;
}
