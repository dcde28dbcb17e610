#pragma once

#include <QLocale>
#include <QString>
#include <QStringView>

#include <optional>

// Durations as operators type them in the filter bar and on the command line
// (`--min-duration 5s`), in whole microseconds as PostgreSQL measures ended_at - started_at.
//
// The spelling: a non-negative decimal number, optionally a space, then a unit:
//   us, µs, μs   microseconds ("500us"; both the micro sign and the Greek mu)
//   ms           milliseconds ("250ms")
//   s, sec       seconds ("5s", "5 s", "1.5s")
//   m, min       minutes ("2m")
//   h            hours ("1h")
// Units ignore case. A number without a unit is seconds, as sleep(1) and systemd read it
// ("5" is five seconds). A fraction must come to whole microseconds ("1.5us" is refused).
// Thread: any (pure functions).

// The duration in microseconds, or nullopt for anything else: empty text, a sign, a
// negative number, an exponent, an unknown unit, a fraction finer than a microsecond, or
// more microseconds than a qint64 holds.
std::optional<qint64> parseDuration(QStringView text);

// The shortest exact spelling in the units above (ASCII only, no space; on a tie the larger
// unit): 0 -> "0s", 500 -> "500us", 250'000 -> "250ms", 1'500'000 -> "1.5s", 5'000'001 ->
// "5.000001s", 90'000'000 -> "90s", 120'000'000 -> "2m", 3'600'000'000 -> "1h". Never a
// number below 1 in its unit ("250ms", not "0.25s"). parseDuration(formatDuration(n)) == n
// for every n >= 0. A negative value gets a leading minus sign and does not parse back.
// Unit symbols are not translated: the text is also the command-line spelling.
QString formatDuration(qint64 micros);

// A duration as an operator reads it, the one spelling of every screen and of the command
// line's human formats: three significant digits in the largest unit that keeps the number at
// least 1, whole seconds past a minute and whole minutes past an hour.
//   412 -> "412 µs", 8'079 -> "8.08 ms", 84'213 -> "84.2 ms", 842'000 -> "842 ms",
//   14'344'090 -> "14.3 s", 125'000'000 -> "2 min 5 s", 3'723'000'000 -> "1 h 2 min".
// Rounding half up may carry into the next unit (999'999 -> "1.00 s", 59'960'000 -> "1 min
// 0 s"). A negative value (a clock that stepped back) is its magnitude with a minus sign.
// `locale` gives the decimal separator only (no digit grouping); the command line passes
// QLocale::c(). Unit symbols are SI symbols and not translated.
QString readableDuration(qint64 micros, const QLocale &locale = QLocale());

// The exact value for a tooltip or beside a readable one: whole microseconds, digits grouped
// by `locale` ("14,344,090 µs").
QString exactDuration(qint64 micros, const QLocale &locale = QLocale());

// "a duration such as 5s, 250ms, 1.5s, 2m or 1h" (translated), for error messages that
// reject what parseDuration refused.
QString durationSyntaxHint();
