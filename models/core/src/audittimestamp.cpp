#include "audittimestamp.h"

#include <QRegularExpression>

#include <cstdio>
#include <cstring>
#include <limits>

namespace {

constexpr qint64 kUsecsPerSecond = 1'000'000;
constexpr qint64 kUsecsPerDay = 86'400 * kUsecsPerSecond;

qint64 floorDiv(qint64 a, qint64 b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil):
// pure integer arithmetic, so parsing a million timestamps costs no calendar lookups.
qint64 daysFromCivil(qint64 y, unsigned m, unsigned d)
{
    y -= m <= 2 ? 1 : 0;
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<qint64>(doe) - 719468;
}

void civilFromDays(qint64 z, qint64 &y, unsigned &m, unsigned &d)
{
    z += 719468;
    const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    y = static_cast<qint64>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y += m <= 2 ? 1 : 0;
}

// Reads exactly `count` digits at `p`; false if any is not a digit.
bool readDigits(const char *&p, const char *end, int count, qint64 &out)
{
    if (end - p < count) {
        return false;
    }
    qint64 v = 0;
    for (int i = 0; i < count; ++i) {
        const char c = p[i];
        if (c < '0' || c > '9') {
            return false;
        }
        v = v * 10 + (c - '0');
    }
    p += count;
    out = v;
    return true;
}

QString sixDigits(int micros)
{
    return QStringLiteral("%1").arg(micros, 6, 10, QLatin1Char('0'));
}

} // namespace

AuditTimestamp AuditTimestamp::fromDateTime(const QDateTime &dateTime)
{
    return AuditTimestamp(dateTime.toMSecsSinceEpoch() * 1000);
}

QDateTime AuditTimestamp::toDateTime(const QTimeZone &zone) const
{
    return QDateTime::fromMSecsSinceEpoch(floorDiv(m_usecs, 1000), zone);
}

int AuditTimestamp::microsecondOfSecond() const
{
    return static_cast<int>(m_usecs - floorDiv(m_usecs, kUsecsPerSecond) * kUsecsPerSecond);
}

int AuditTimestamp::formatIsoUtc(char *out) const
{
    const qint64 days = floorDiv(m_usecs, kUsecsPerDay);
    const qint64 inDay = m_usecs - days * kUsecsPerDay;
    qint64 y;
    unsigned m, d;
    civilFromDays(days, y, m, d);
    const qint64 secs = inDay / kUsecsPerSecond;
    return std::snprintf(out, 32, "%04lld-%02u-%02uT%02lld:%02lld:%02lld.%06lldZ",
        static_cast<long long>(y), m, d, static_cast<long long>(secs / 3600),
        static_cast<long long>(secs / 60 % 60), static_cast<long long>(secs % 60),
        static_cast<long long>(inDay % kUsecsPerSecond));
}

QString AuditTimestamp::toIsoUtc() const
{
    char buf[32];
    const int n = formatIsoUtc(buf);
    return QString::fromLatin1(buf, n);
}

QString AuditTimestamp::toDisplayString(const QTimeZone &zone) const
{
    const QDateTime local = toDateTime(zone);
    const int offset = local.offsetFromUtc();
    const int absOffset = offset < 0 ? -offset : offset;
    return local.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) + QLatin1Char('.')
        + sixDigits(microsecondOfSecond()) + QLatin1Char(' ') + QLatin1Char(offset < 0 ? '-' : '+')
        + QStringLiteral("%1:%2")
              .arg(absOffset / 3600, 2, 10, QLatin1Char('0'))
              .arg(absOffset / 60 % 60, 2, 10, QLatin1Char('0'));
}

std::optional<AuditTimestamp> AuditTimestamp::fromPostgresText(const char *text, qsizetype length)
{
    const char *p = text;
    const char *end = text + length;
    if (length == 8 && std::memcmp(text, "infinity", 8) == 0) {
        return AuditTimestamp(std::numeric_limits<qint64>::max());
    }
    if (length == 9 && std::memcmp(text, "-infinity", 9) == 0) {
        return AuditTimestamp(std::numeric_limits<qint64>::min());
    }
    // The year has at least four digits and may have more.
    qint64 year = 0;
    int yearDigits = 0;
    while (p < end && *p >= '0' && *p <= '9') {
        year = year * 10 + (*p - '0');
        ++p;
        ++yearDigits;
    }
    qint64 month, day, hour, minute, second;
    if (yearDigits < 4 || p == end || *p++ != '-' || !readDigits(p, end, 2, month) || p == end
        || *p++ != '-' || !readDigits(p, end, 2, day) || p == end || (*p != ' ' && *p != 'T')) {
        return std::nullopt;
    }
    ++p;
    if (!readDigits(p, end, 2, hour) || p == end || *p++ != ':' || !readDigits(p, end, 2, minute)
        || p == end || *p++ != ':' || !readDigits(p, end, 2, second)) {
        return std::nullopt;
    }
    qint64 micros = 0;
    if (p < end && *p == '.') {
        ++p;
        int digits = 0;
        while (p < end && *p >= '0' && *p <= '9') {
            if (digits < 6) {
                micros = micros * 10 + (*p - '0');
            }
            ++digits;
            ++p;
        }
        if (digits == 0) {
            return std::nullopt;
        }
        for (int i = digits; i < 6; ++i) {
            micros *= 10;
        }
    }
    qint64 offsetSeconds = 0;
    if (p < end && (*p == '+' || *p == '-')) {
        const int sign = *p == '-' ? -1 : 1;
        ++p;
        qint64 oh = 0, om = 0, os = 0;
        if (!readDigits(p, end, 2, oh)) {
            return std::nullopt;
        }
        if (p < end && *p == ':') {
            ++p;
            if (!readDigits(p, end, 2, om)) {
                return std::nullopt;
            }
            if (p < end && *p == ':') {
                ++p;
                if (!readDigits(p, end, 2, os)) {
                    return std::nullopt;
                }
            }
        }
        offsetSeconds = sign * (oh * 3600 + om * 60 + os);
    } else if (p < end && *p == 'Z') {
        ++p;
    }
    bool bc = false;
    if (end - p == 3 && std::memcmp(p, " BC", 3) == 0) {
        bc = true;
        p += 3;
    }
    if (p != end || month < 1 || month > 12 || day < 1 || day > 31 || hour > 24 || minute > 59
        || second > 60) {
        return std::nullopt;
    }
    if (bc) {
        year = 1 - year; // 1 BC is year 0 in the proleptic calendar
    }
    const qint64 days
        = daysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
    const qint64 secs = days * 86400 + hour * 3600 + minute * 60 + second - offsetSeconds;
    return AuditTimestamp(secs * kUsecsPerSecond + micros);
}

std::optional<AuditTimestamp> AuditTimestamp::parse(
    const QString &text, const QTimeZone &zoneForLocalTimes)
{
    static const QRegularExpression pattern(QStringLiteral(
        R"(^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,6}))?)?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?\s*$)"));
    const QRegularExpressionMatch m = pattern.match(text);
    if (!m.hasMatch()) {
        return std::nullopt;
    }
    const QDate date(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    const QTime time(m.captured(4).toInt(), m.captured(5).toInt(), m.captured(6).toInt());
    if (!date.isValid() || !time.isValid()) {
        return std::nullopt;
    }
    QString fraction = m.captured(7);
    const qint64 micros
        = fraction.isEmpty() ? 0 : fraction.leftJustified(6, QLatin1Char('0')).toLongLong();
    const QString offset = m.captured(8);
    QDateTime dateTime;
    if (offset.isEmpty()) {
        dateTime = QDateTime(date, time, zoneForLocalTimes);
    } else if (offset.compare(QLatin1String("Z"), Qt::CaseInsensitive) == 0) {
        dateTime = QDateTime(date, time, QTimeZone::utc());
    } else {
        QString digits = offset.mid(1);
        digits.remove(QLatin1Char(':'));
        const int hours = digits.left(2).toInt();
        const int minutes = digits.size() > 2 ? digits.mid(2, 2).toInt() : 0;
        const int seconds
            = (hours * 3600 + minutes * 60) * (offset.startsWith(QLatin1Char('-')) ? -1 : 1);
        dateTime = QDateTime(date, time, QTimeZone(seconds));
    }
    if (!dateTime.isValid()) {
        return std::nullopt;
    }
    return AuditTimestamp(dateTime.toMSecsSinceEpoch() * 1000 + micros);
}
