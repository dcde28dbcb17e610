#include "durationtext.h"

#include <QCoreApplication>
#include <QtNumeric>

#include <array>
#include <limits>

namespace {

struct Unit
{
    const char *symbol; // what formatDuration writes
    qint64 micros;
};

// Largest first: formatDuration prefers the larger unit on a tie.
constexpr std::array<Unit, 5> kUnits { {
    { "h", 3'600'000'000LL },
    { "m", 60'000'000LL },
    { "s", 1'000'000LL },
    { "ms", 1'000LL },
    { "us", 1LL },
} };

std::optional<qint64> unitMicros(QStringView unit)
{
    if (unit.isEmpty()) {
        return 1'000'000; // a bare number is seconds
    }
    const QString lower = unit.toString().toLower();
    if (lower == QLatin1String("us") || lower == QStringLiteral("\u00b5s")
        || lower == QStringLiteral("\u03bcs")) {
        return 1;
    }
    if (lower == QLatin1String("ms")) {
        return 1'000;
    }
    if (lower == QLatin1String("s") || lower == QLatin1String("sec")) {
        return 1'000'000;
    }
    if (lower == QLatin1String("m") || lower == QLatin1String("min")) {
        return 60'000'000;
    }
    if (lower == QLatin1String("h")) {
        return 3'600'000'000LL;
    }
    return std::nullopt;
}

bool isAsciiDigit(QChar c)
{
    return c >= QLatin1Char('0') && c <= QLatin1Char('9');
}

// `fraction` (the digits after the point) of one `unit`, in whole microseconds. Read from
// the last digit (Horner): the total is whole exactly when every step divides by ten, and
// each step stays below ten units, so nothing overflows.
std::optional<qint64> fractionMicros(QStringView fraction, qint64 unit)
{
    qint64 value = 0;
    for (qsizetype i = fraction.size() - 1; i >= 0; --i) {
        const qint64 step = (fraction.at(i).unicode() - '0') * unit + value;
        if (step % 10 != 0) {
            return std::nullopt;
        }
        value = step / 10;
    }
    return value;
}

// `micros` in `unit` as "int[.digits]", or empty when the decimal does not end within
// twelve digits (a third of a minute, say).
QString decimalIn(qint64 micros, qint64 unit)
{
    QString text = QString::number(micros / unit);
    qint64 remainder = micros % unit;
    if (remainder == 0) {
        return text;
    }
    text += QLatin1Char('.');
    for (int digits = 0; remainder != 0; ++digits) {
        if (digits == 12) {
            return {};
        }
        remainder *= 10; // below 10 * 3.6e9: no overflow
        text += QLatin1Char(char('0' + remainder / unit));
        remainder %= unit;
    }
    return text;
}

// readableDuration's ladder: below `below` microseconds, round to `step` and write the value
// in `unit` with `decimals` digits after the point (three significant digits), or as two
// whole units (minutes and seconds, hours and minutes).
struct ReadableStep
{
    quint64 below;
    quint64 step;
    quint64 unit;
    int decimals;
    const char *symbol;
    quint64 minor = 0; // the second unit of "2 min 5 s", 0 for a decimal
    const char *minorSymbol = nullptr;
};

constexpr quint64 kMinute = 60'000'000;
constexpr quint64 kHour = 3'600'000'000ULL;

constexpr std::array<ReadableStep, 8> kReadableSteps { {
    { 1'000, 1, 1, 0, "\u00b5s" },
    { 10'000, 10, 1'000, 2, "ms" },
    { 100'000, 100, 1'000, 1, "ms" },
    { 1'000'000, 1'000, 1'000, 0, "ms" },
    { 10'000'000, 10'000, 1'000'000, 2, "s" },
    { kMinute, 100'000, 1'000'000, 1, "s" },
    { kHour, 1'000'000, kMinute, 0, "min", 1'000'000, "s" },
    { std::numeric_limits<quint64>::max(), kMinute, kHour, 0, "h", kMinute, "min" },
} };

} // namespace

QString readableDuration(qint64 micros, const QLocale &locale)
{
    // The magnitude as unsigned: -(INT64_MIN) fits, and so does its rounding.
    const quint64 magnitude = micros < 0 ? 0 - quint64(micros) : quint64(micros);
    size_t i = 0;
    while (magnitude >= kReadableSteps[i].below) {
        ++i;
    }
    quint64 rounded = magnitude / kReadableSteps[i].step;
    if ((magnitude % kReadableSteps[i].step) * 2 >= kReadableSteps[i].step) {
        ++rounded;
    }
    rounded *= kReadableSteps[i].step;
    if (rounded >= kReadableSteps[i].below) {
        ++i; // 999'999 us rounds to 1'000'000: "1.00 s", not "1000 ms"
    }
    const ReadableStep &s = kReadableSteps[i];
    QLocale plain = locale;
    plain.setNumberOptions(plain.numberOptions() | QLocale::OmitGroupSeparator);
    QString text = micros < 0 ? QStringLiteral("-") : QString();
    // Exact as a double: a multiple of `step` below a minute.
    text += s.decimals > 0 ? plain.toString(double(rounded) / double(s.unit), 'f', s.decimals)
                           : plain.toString(rounded / s.unit);
    text += QLatin1Char(' ') + QString::fromUtf8(s.symbol);
    if (s.minor != 0) {
        text += QLatin1Char(' ') + plain.toString((rounded % s.unit) / s.minor) + QLatin1Char(' ')
            + QLatin1String(s.minorSymbol);
    }
    return text;
}

QString exactDuration(qint64 micros, const QLocale &locale)
{
    return locale.toString(micros) + QStringLiteral(" \u00b5s");
}

std::optional<qint64> parseDuration(QStringView text)
{
    const QStringView trimmed = text.trimmed();
    qsizetype pos = 0;
    const qsizetype intStart = pos;
    while (pos < trimmed.size() && isAsciiDigit(trimmed.at(pos))) {
        ++pos;
    }
    const QStringView integer = trimmed.mid(intStart, pos - intStart);
    QStringView fraction;
    if (pos < trimmed.size() && trimmed.at(pos) == QLatin1Char('.')) {
        const qsizetype fracStart = ++pos;
        while (pos < trimmed.size() && isAsciiDigit(trimmed.at(pos))) {
            ++pos;
        }
        fraction = trimmed.mid(fracStart, pos - fracStart);
        if (fraction.isEmpty()) {
            return std::nullopt; // "5." reads like a typo
        }
    }
    if (integer.isEmpty() && fraction.isEmpty()) {
        return std::nullopt;
    }
    const auto unit = unitMicros(trimmed.mid(pos).trimmed());
    if (!unit) {
        return std::nullopt;
    }

    qint64 whole = 0;
    for (const QChar digit : integer) {
        if (qMulOverflow(whole, qint64(10), &whole)
            || qAddOverflow(whole, qint64(digit.unicode() - '0'), &whole)) {
            return std::nullopt;
        }
    }
    const auto part = fractionMicros(fraction, *unit);
    qint64 micros = 0;
    if (!part || qMulOverflow(whole, *unit, &micros) || qAddOverflow(micros, *part, &micros)) {
        return std::nullopt;
    }
    return micros;
}

QString formatDuration(qint64 micros)
{
    if (micros < 0) {
        // -(INT64_MIN) does not exist; its digits are those of INT64_MAX + 1.
        return micros == std::numeric_limits<qint64>::min()
            ? QStringLiteral("-9223372036854775808us")
            : QLatin1Char('-') + formatDuration(-micros);
    }
    if (micros == 0) {
        return QStringLiteral("0s");
    }
    QString best;
    for (const Unit &unit : kUnits) {
        if (micros < unit.micros) {
            continue; // never "0.25s"
        }
        const QString number = decimalIn(micros, unit.micros);
        if (number.isEmpty()) {
            continue;
        }
        const QString candidate = number + QLatin1String(unit.symbol);
        if (best.isEmpty() || candidate.size() < best.size()) {
            best = candidate;
        }
    }
    return best; // microseconds always qualify, so never empty
}

QString durationSyntaxHint()
{
    return QCoreApplication::translate(
        "DurationText", "a duration such as 5s, 250ms, 1.5s, 2m or 1h");
}
