#pragma once

#include <QDateTime>
#include <QString>
#include <QTimeZone>

#include <compare>
#include <limits>
#include <optional>

// A point in time with PostgreSQL's microsecond precision. QDateTime stops at
// milliseconds, so cursors, exports and displayed times go through this type instead.
class AuditTimestamp
{
public:
    constexpr AuditTimestamp() = default;
    static constexpr AuditTimestamp fromUsecsSinceEpoch(qint64 usecs)
    {
        return AuditTimestamp(usecs);
    }
    static AuditTimestamp fromDateTime(const QDateTime &dateTime);

    constexpr qint64 usecsSinceEpoch() const { return m_usecs; }
    // False for PostgreSQL's 'infinity' and '-infinity' (the largest and smallest value).
    constexpr bool isFinite() const
    {
        return m_usecs != std::numeric_limits<qint64>::max()
            && m_usecs != std::numeric_limits<qint64>::min();
    }
    // Millisecond precision: for arithmetic with Qt's calendar, never for display or cursors.
    QDateTime toDateTime(const QTimeZone &zone) const;
    int microsecondOfSecond() const;

    // "2026-03-27T10:15:30.123456Z": the machine format of the CLI, cursors and exports.
    QString toIsoUtc() const;
    // The same into `out` (at least 32 bytes); returns the length. For writers of
    // millions of rows that should not build a QString per value.
    int formatIsoUtc(char *out) const;
    // "2026-03-27 11:15:30.123456 +01:00" in the given zone: the format operators read.
    QString toDisplayString(const QTimeZone &zone) const;
    // PostgreSQL's text output of a timestamptz in a UTC session, e.g.
    // "2026-03-27 10:15:30.12+00" (trailing zeros of the fraction are dropped).
    static std::optional<AuditTimestamp> fromPostgresText(const char *text, qsizetype length);
    // ISO 8601 as typed by a user: "2026-03-27", "2026-03-27 10:15", "2026-03-27T10:15:30.123456Z",
    // "...+02:00". Times without an offset are read in `zoneForLocalTimes`.
    static std::optional<AuditTimestamp> parse(
        const QString &text, const QTimeZone &zoneForLocalTimes);

    constexpr auto operator<=>(const AuditTimestamp &) const = default;

private:
    constexpr explicit AuditTimestamp(qint64 usecs)
        : m_usecs(usecs)
    {
    }
    qint64 m_usecs = 0;
};
