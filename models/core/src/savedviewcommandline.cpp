// SavedView as an audit-viewer command line, and back (toCommandLine, fromCommandLine), with
// the POSIX shell quoting both need. Declared in savedview.h.
#include "savedview.h"

#include "durationtext.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QRegularExpression>

namespace {

// Free functions have no tr(); their messages share SavedView's context. Literals are written
// out as QCoreApplication::translate("SavedView", ...) or QT_TRANSLATE_NOOP so that lupdate
// finds them; this is for the marked ones passed around.
QString translate(const char *text)
{
    return QCoreApplication::translate("SavedView", text);
}

void setError(QString *error, const QString &message)
{
    if (error) {
        *error = message;
    }
}

AuditTimestamp currentTime()
{
    return AuditTimestamp::fromUsecsSinceEpoch(QDateTime::currentMSecsSinceEpoch() * 1000);
}

} // namespace

QString shellQuote(const QString &word)
{
    static const QRegularExpression safe(
        QStringLiteral("^[A-Za-z0-9@%+:,./_-][A-Za-z0-9@%+=:,./_-]*$"));
    if (safe.match(word).hasMatch()) {
        return word;
    }
    QString quoted = word;
    quoted.replace(QLatin1Char('\''), QLatin1String("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

std::optional<QStringList> splitShellWords(QStringView text, QString *error)
{
    QStringList words;
    QString word;
    bool inWord = false;
    auto refuse = [&](const char *message) -> std::optional<QStringList> {
        setError(error, translate(message));
        return std::nullopt;
    };
    // $NAME, ${...}, $(...) and $'...' mean something to a shell that we cannot reproduce.
    auto isExpansion = [&](qsizetype i) {
        if (text.at(i) == QLatin1Char('`')) {
            return true;
        }
        if (text.at(i) != QLatin1Char('$') || i + 1 >= text.size()) {
            return false;
        }
        const QChar next = text.at(i + 1);
        return next.isLetter() || next == QLatin1Char('_') || next == QLatin1Char('{')
            || next == QLatin1Char('(') || next == QLatin1Char('\'');
    };
    const char *expansion = QT_TRANSLATE_NOOP("SavedView",
        "The line uses shell expansion ($, `), which a pasted view cannot follow; put such text "
        "in single quotes.");
    auto isLineBreak = [&](qsizetype i) {
        return text.at(i) == QLatin1Char('\n')
            || (text.at(i) == QLatin1Char('\r') && i + 1 < text.size()
                && text.at(i + 1) == QLatin1Char('\n'));
    };

    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('\'')) {
            const qsizetype end = text.indexOf(QLatin1Char('\''), i + 1);
            if (end < 0) {
                return refuse(QT_TRANSLATE_NOOP("SavedView", "A single quote is not closed."));
            }
            word += text.mid(i + 1, end - i - 1);
            inWord = true;
            i = end;
        } else if (c == QLatin1Char('"')) {
            inWord = true;
            for (++i;; ++i) {
                if (i >= text.size()) {
                    return refuse(QT_TRANSLATE_NOOP("SavedView", "A double quote is not closed."));
                }
                const QChar d = text.at(i);
                if (d == QLatin1Char('"')) {
                    break;
                }
                if (isExpansion(i)) {
                    return refuse(expansion);
                }
                if (d == QLatin1Char('\\') && i + 1 < text.size()) {
                    if (isLineBreak(i + 1)) {
                        i += text.at(i + 1) == QLatin1Char('\r') ? 2 : 1;
                        continue;
                    }
                    const QChar next = text.at(i + 1);
                    if (QStringView(u"$`\"\\").contains(next)) {
                        word += next;
                        ++i;
                        continue;
                    }
                }
                word += d;
            }
        } else if (c == QLatin1Char('\\')) {
            if (i + 1 >= text.size()) {
                return refuse(QT_TRANSLATE_NOOP("SavedView", "The line ends with a backslash."));
            }
            if (isLineBreak(i + 1)) {
                i += text.at(i + 1) == QLatin1Char('\r') ? 2 : 1; // continues on the next line
                continue;
            }
            word += text.at(++i);
            inWord = true;
        } else if (c == QLatin1Char(' ') || c == QLatin1Char('\t') || c == QLatin1Char('\n')
            || c == QLatin1Char('\r')) {
            if (inWord) {
                words.append(word);
            }
            word.clear();
            inWord = false;
        } else if ((c == QLatin1Char('#') && !inWord) || QStringView(u"|;&<>").contains(c)) {
            break; // a comment, or the end of this command
        } else if (isExpansion(i)) {
            return refuse(expansion);
        } else {
            word += c;
            inWord = true;
        }
    }
    if (inWord) {
        words.append(word);
    }
    return words;
}

QString toCommandLine(const SavedView &view)
{
    const SavedView v = view.normalized();
    const AuditFilter &f = v.filter;
    QStringList words { QStringLiteral("audit-viewer") };
    auto add = [&](const char *option, const QString &value) {
        words << QLatin1String(option) << shellQuote(value);
    };
    for (const QString &action : f.actions) {
        add("--action", action);
    }
    if (!f.transport.isEmpty()) {
        add("--transport", f.transport);
    }
    if (f.bank) {
        add("--bank", *f.bank);
    }
    if (relativeRangeSpan(v.range)) {
        add("--last", relativeRangeName(v.range));
    }
    if (f.since) {
        add("--since", f.since->toIsoUtc());
    }
    if (f.until) {
        add("--until", f.until->toIsoUtc());
    }
    if (f.failedOnly) {
        words << QStringLiteral("--failed");
    }
    if (!f.search.isEmpty()) {
        add("--search", f.search);
    }
    if (f.minDurationMicros) {
        add("--min-duration", formatDuration(*f.minDurationMicros));
    }
    if (v.order != SortOrder::NewestFirst) {
        add("--sort", sortOrderName(v.order));
    }
    return words.join(QLatin1Char(' '));
}

QList<QCommandLineOption> viewFilterOptions()
{
    auto valued = [](const char *name) {
        return QCommandLineOption(QLatin1String(name), QString(), QStringLiteral("VALUE"));
    };
    auto flag = [](const char *name) { return QCommandLineOption(QLatin1String(name)); };
    return { valued("action"), valued("transport"), valued("bank"), valued("last"), valued("since"),
        valued("until"), flag("failed"), valued("search"), valued("min-duration") };
}

std::optional<SavedView> readViewFilterOptions(const QCommandLineParser &parser, QString *error,
    const QTimeZone &zoneForLocalTimes, AuditTimestamp now)
{
    auto refuse = [&](const QString &message) -> std::optional<SavedView> {
        setError(error, message);
        return std::nullopt;
    };
    SavedView view;
    AuditFilter &f = view.filter;
    f.actions = parser.values(QStringLiteral("action"));
    f.transport = parser.value(QStringLiteral("transport"));
    if (parser.isSet(QStringLiteral("bank"))) {
        f.bank = parser.value(QStringLiteral("bank"));
    }
    if (parser.isSet(QStringLiteral("last"))) {
        const auto range = relativeRangeFromName(parser.value(QStringLiteral("last")));
        if (!range || !relativeRangeSpan(*range)) {
            return refuse(
                QCoreApplication::translate("SavedView", "--last takes 1h, 24h, 7d or 30d."));
        }
        if (parser.isSet(QStringLiteral("since")) || parser.isSet(QStringLiteral("until"))) {
            return refuse(QCoreApplication::translate(
                "SavedView", "--last cannot be combined with --since or --until."));
        }
        view.range = *range;
    }
    if (parser.isSet(QStringLiteral("since"))) {
        // The CLI's relative --since: "90s", "15m", "1h", "24h", "7d", "2w" back from now.
        static const QRegularExpression relative(QStringLiteral("^(\\d{1,6})([smhdw])$"));
        const QString value = parser.value(QStringLiteral("since")).trimmed();
        const auto match = relative.match(value);
        if (match.hasMatch()) {
            const qint64 unit = QStringView(u"smhdw").indexOf(match.captured(2).at(0));
            constexpr qint64 seconds[] = { 1, 60, 3600, 86400, 7 * 86400 };
            const qint64 span = match.captured(1).toLongLong() * seconds[unit] * 1'000'000;
            for (RelativeRange preset : { RelativeRange::LastHour, RelativeRange::Last24Hours,
                     RelativeRange::Last7Days, RelativeRange::Last30Days }) {
                if (!parser.isSet(QStringLiteral("until")) && relativeRangeSpan(preset) == span) {
                    view.range = preset;
                }
            }
            if (view.range == RelativeRange::All) {
                f.since = AuditTimestamp::fromUsecsSinceEpoch(now.usecsSinceEpoch() - span);
            }
        } else {
            f.since = AuditTimestamp::parse(value, zoneForLocalTimes);
            if (!f.since) {
                return refuse(QCoreApplication::translate("SavedView",
                    "--since takes an ISO 8601 time such as "
                    "2026-03-27T10:15:30Z, or 1h, 24h, 7d, 30d."));
            }
        }
    }
    if (parser.isSet(QStringLiteral("until"))) {
        f.until = AuditTimestamp::parse(parser.value(QStringLiteral("until")), zoneForLocalTimes);
        if (!f.until) {
            return refuse(QCoreApplication::translate(
                "SavedView", "--until takes an ISO 8601 time such as 2026-03-27T10:15:30Z."));
        }
    }
    if (f.since || f.until) {
        view.range = RelativeRange::Custom;
    }
    f.failedOnly = parser.isSet(QStringLiteral("failed"));
    f.search = parser.value(QStringLiteral("search"));
    if (parser.isSet(QStringLiteral("min-duration"))) {
        f.minDurationMicros = parseDuration(parser.value(QStringLiteral("min-duration")));
        if (!f.minDurationMicros) {
            return refuse(QCoreApplication::translate("SavedView", "--min-duration takes %1.")
                              .arg(durationSyntaxHint()));
        }
    }
    return view;
}

QList<QCommandLineOption> viewSortOptions()
{
    return { QCommandLineOption(QStringLiteral("sort"), QString(), QStringLiteral("ORDER")),
        QCommandLineOption(QStringLiteral("oldest-first")) };
}

bool readViewSortOptions(const QCommandLineParser &parser, SortOrder &order, QString *error)
{
    const bool oldestFirst = parser.isSet(QStringLiteral("oldest-first"));
    if (!parser.isSet(QStringLiteral("sort"))) {
        if (oldestFirst) {
            order = SortOrder::OldestFirst;
        }
        return true;
    }
    const QString name = parser.value(QStringLiteral("sort"));
    const auto named = sortOrderFromName(name);
    if (!named) {
        setError(error,
            QCoreApplication::translate(
                "SavedView", "--sort takes newest, oldest, longest, shortest or finished."));
        return false;
    }
    if (oldestFirst && *named != SortOrder::OldestFirst) {
        setError(error,
            QCoreApplication::translate(
                "SavedView", "--oldest-first and --sort %1 contradict each other.")
                .arg(name));
        return false;
    }
    order = *named;
    return true;
}

std::optional<SavedView> fromCommandLine(const QString &text, QString *error,
    const QTimeZone &zoneForLocalTimes, std::optional<AuditTimestamp> now)
{
    auto refuse = [&](const QString &message) -> std::optional<SavedView> {
        setError(error, message);
        return std::nullopt;
    };
    std::optional<QStringList> split = splitShellWords(text, error);
    if (!split) {
        return std::nullopt;
    }
    QStringList words = *split;
    const QString program = QStringLiteral("audit-viewer");
    if (!words.isEmpty()
        && (words.first() == program || words.first().endsWith(QLatin1Char('/') + program))) {
        words.removeFirst();
    }
    if (!words.isEmpty() && words.first() == QLatin1String("show")) {
        return refuse(QCoreApplication::translate(
            "SavedView", "A show command names one entry, not a view."));
    }
    if (!words.isEmpty()
        && QStringList { QStringLiteral("list"), QStringLiteral("stats"), QStringLiteral("export") }
               .contains(words.first())) {
        words.removeFirst();
    }

    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    auto valued = [](const char *name) {
        return QCommandLineOption(QLatin1String(name), QString(), QStringLiteral("VALUE"));
    };
    auto flag = [](const char *name) { return QCommandLineOption(QLatin1String(name)); };
    const QCommandLineOption period = valued("period"), utc = flag("utc");
    parser.addOptions(viewFilterOptions());
    parser.addOptions(viewSortOptions());
    parser.addOptions({ period, utc });
    // Options of the CLI that say nothing about a view.
    for (const char *ignored : { "schema", "schemas", "tenant", "by", "table", "statement-timeout",
             "limit", "after", "format", "output" }) {
        parser.addOption(valued(ignored));
    }
    for (const char *ignored : { "no-formula-guard", "bom", "no-json" }) {
        parser.addOption(flag(ignored));
    }
    if (!parser.parse(QStringList { program } + words)) {
        return refuse(parser.errorText());
    }
    const QStringList positional = parser.positionalArguments();
    for (const QString &argument : positional) {
        const bool conninfo = argument.contains(QLatin1Char('='))
            || argument.startsWith(QLatin1String("postgres://"))
            || argument.startsWith(QLatin1String("postgresql://"));
        if (!conninfo || positional.size() > 1) {
            return refuse(QCoreApplication::translate("SavedView",
                "Unexpected \u201c%1\u201d: a view line has options and at "
                "most one connection string.")
                              .arg(argument));
        }
    }

    QString filterError;
    std::optional<SavedView> read = readViewFilterOptions(
        parser, &filterError, zoneForLocalTimes, now.value_or(currentTime()));
    if (!read) {
        return refuse(filterError);
    }
    SavedView view = *read;
    if (parser.isSet(period)) {
        const auto chartPeriod = volumePeriodFromName(parser.value(period));
        if (!chartPeriod) {
            return refuse(
                QCoreApplication::translate("SavedView", "--period takes today, 7d or 30d."));
        }
        view.chartPeriod = *chartPeriod;
    }
    view.utc = parser.isSet(utc);
    QString sortError;
    if (!readViewSortOptions(parser, view.order, &sortError)) {
        return refuse(sortError);
    }
    return view;
}
