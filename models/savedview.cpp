#include "savedview.h"

#include "durationtext.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QRegularExpression>

#include <algorithm>

namespace {

const QString kViewsGroup = QStringLiteral("views");
const QString kLastViewGroup = QStringLiteral("lastView");
// A corrupt "size" must not make us loop for ever.
constexpr int kMaximumActions = 1000;

// For the free functions; SavedViews has tr() of its own.
QString translate(const char *text)
{
    return QCoreApplication::translate("SavedView", text);
}

bool fail(QString *error, const QString &message)
{
    if (error) {
        *error = message;
    }
    return false;
}

AuditTimestamp currentTime()
{
    return AuditTimestamp::fromUsecsSinceEpoch(QDateTime::currentMSecsSinceEpoch() * 1000);
}

// Lowercase hex of the UTF-8 name: no '/', '\\' or '=' for QSettings to interpret, and the
// same key whatever the case sensitivity of the store.
QString keyForName(const QString &name)
{
    return QString::fromLatin1(name.toUtf8().toHex());
}

std::optional<QString> nameForKey(const QString &key)
{
    static const QRegularExpression hex(QStringLiteral("^(?:[0-9a-f]{2})+$"));
    if (!hex.match(key).hasMatch()) {
        return std::nullopt;
    }
    const QString name = QString::fromUtf8(QByteArray::fromHex(key.toLatin1()));
    return keyForName(name) == key ? std::optional(name) : std::nullopt; // valid UTF-8 only
}

std::optional<bool> readBool(const QSettings &settings, const QString &key)
{
    const QVariant value = settings.value(key, false);
    if (value.typeId() == QMetaType::Bool) {
        return value.toBool();
    }
    const QString text = value.toString();
    if (text == QLatin1String("true") || text == QLatin1String("false")) {
        return text == QLatin1String("true");
    }
    return std::nullopt;
}

std::optional<AuditTimestamp> readTime(const QSettings &settings, const QString &key, bool *ok)
{
    if (!settings.contains(key)) {
        return std::nullopt;
    }
    const auto time = AuditTimestamp::parse(settings.value(key).toString(), QTimeZone::utc());
    *ok = *ok && time.has_value();
    return time;
}

void writeView(QSettings &settings, const SavedView &view)
{
    const AuditFilter &f = view.filter;
    settings.setValue(QStringLiteral("version"), SavedViews::kFormatVersion);
    settings.setValue(QStringLiteral("name"), view.name);
    // An array rather than a QStringList: INI's list syntax loses a lone empty string.
    settings.beginWriteArray(QStringLiteral("actions"), int(f.actions.size()));
    for (int i = 0; i < f.actions.size(); ++i) {
        settings.setArrayIndex(i);
        settings.setValue(QStringLiteral("action"), f.actions.at(i));
    }
    settings.endArray();
    settings.setValue(QStringLiteral("transport"), f.transport);
    if (f.bank) {
        settings.setValue(QStringLiteral("bank"), *f.bank);
    }
    if (f.since) {
        settings.setValue(QStringLiteral("since"), f.since->toIsoUtc());
    }
    if (f.until) {
        settings.setValue(QStringLiteral("until"), f.until->toIsoUtc());
    }
    settings.setValue(QStringLiteral("failedOnly"), f.failedOnly);
    settings.setValue(QStringLiteral("search"), f.search);
    if (f.minDurationMicros) {
        settings.setValue(QStringLiteral("minDurationMicros"), *f.minDurationMicros);
    }
    settings.setValue(QStringLiteral("range"), relativeRangeName(view.range));
    settings.setValue(QStringLiteral("columnState"), view.columnState);
    settings.setValue(QStringLiteral("chartPeriod"), volumePeriodName(view.chartPeriod));
    settings.setValue(QStringLiteral("utc"), view.utc);
    settings.setValue(QStringLiteral("order"), sortOrderName(view.order));
}

// The view in the current group, or nullopt when it is missing, newer or does not read back.
std::optional<SavedView> readView(QSettings &settings)
{
    bool ok = false;
    const int version = settings.value(QStringLiteral("version")).toInt(&ok);
    if (!ok || version < 1 || version > SavedViews::kFormatVersion) {
        return std::nullopt;
    }
    SavedView view;
    AuditFilter &f = view.filter;
    view.name = settings.value(QStringLiteral("name")).toString();
    const int actions = settings.beginReadArray(QStringLiteral("actions"));
    for (int i = 0; i < actions && ok; ++i) {
        settings.setArrayIndex(i);
        ok = i < kMaximumActions && settings.contains(QStringLiteral("action"));
        f.actions.append(settings.value(QStringLiteral("action")).toString());
    }
    settings.endArray();
    f.transport = settings.value(QStringLiteral("transport")).toString();
    if (settings.contains(QStringLiteral("bank"))) {
        f.bank = settings.value(QStringLiteral("bank")).toString();
    }
    f.since = readTime(settings, QStringLiteral("since"), &ok);
    f.until = readTime(settings, QStringLiteral("until"), &ok);
    const auto failedOnly = readBool(settings, QStringLiteral("failedOnly"));
    f.failedOnly = failedOnly.value_or(false);
    f.search = settings.value(QStringLiteral("search")).toString();
    if (settings.contains(QStringLiteral("minDurationMicros"))) {
        bool numberOk = false;
        f.minDurationMicros
            = settings.value(QStringLiteral("minDurationMicros")).toLongLong(&numberOk);
        ok = ok && numberOk && *f.minDurationMicros >= 0;
    }
    const auto range = relativeRangeFromName(
        settings.value(QStringLiteral("range"), QStringLiteral("all")).toString());
    view.range = range.value_or(RelativeRange::All);
    view.columnState = settings.value(QStringLiteral("columnState")).toByteArray();
    const auto period = volumePeriodFromName(
        settings.value(QStringLiteral("chartPeriod"), QStringLiteral("7d")).toString());
    view.chartPeriod = period.value_or(VolumePeriod::SevenDays);
    const auto utc = readBool(settings, QStringLiteral("utc"));
    view.utc = utc.value_or(false);
    // Views saved before the order was kept read as newest first.
    const auto order = sortOrderFromName(
        settings.value(QStringLiteral("order"), QStringLiteral("newest")).toString());
    view.order = order.value_or(SortOrder::NewestFirst);
    if (!ok || !failedOnly || !range || !period || !utc || !order) {
        return std::nullopt;
    }
    return view;
}

bool lessByName(const SavedView &a, const SavedView &b)
{
    const int folded = a.name.compare(b.name, Qt::CaseInsensitive);
    return folded != 0 ? folded < 0 : a.name < b.name;
}

} // namespace

QString relativeRangeName(RelativeRange range)
{
    switch (range) {
    case RelativeRange::All:
        return QStringLiteral("all");
    case RelativeRange::LastHour:
        return QStringLiteral("1h");
    case RelativeRange::Last24Hours:
        return QStringLiteral("24h");
    case RelativeRange::Last7Days:
        return QStringLiteral("7d");
    case RelativeRange::Last30Days:
        return QStringLiteral("30d");
    case RelativeRange::Custom:
        return QStringLiteral("custom");
    }
    return {};
}

std::optional<RelativeRange> relativeRangeFromName(QStringView name)
{
    for (RelativeRange range :
        { RelativeRange::All, RelativeRange::LastHour, RelativeRange::Last24Hours,
            RelativeRange::Last7Days, RelativeRange::Last30Days, RelativeRange::Custom }) {
        if (name == relativeRangeName(range)) {
            return range;
        }
    }
    return std::nullopt;
}

std::optional<qint64> relativeRangeSpan(RelativeRange range)
{
    constexpr qint64 hour = 3600LL * 1'000'000;
    switch (range) {
    case RelativeRange::LastHour:
        return hour;
    case RelativeRange::Last24Hours:
        return 24 * hour;
    case RelativeRange::Last7Days:
        return 7 * 24 * hour;
    case RelativeRange::Last30Days:
        return 30 * 24 * hour;
    case RelativeRange::All:
    case RelativeRange::Custom:
        break;
    }
    return std::nullopt;
}

AuditFilter SavedView::filterAt(AuditTimestamp now) const
{
    AuditFilter result = filter;
    if (range != RelativeRange::Custom) {
        result.until.reset();
        const auto span = relativeRangeSpan(range);
        result.since = span
            ? std::optional(AuditTimestamp::fromUsecsSinceEpoch(now.usecsSinceEpoch() - *span))
            : std::nullopt;
    }
    return result;
}

void SavedView::setFilter(const AuditFilter &newFilter, RelativeRange newRange)
{
    filter = newFilter;
    range = newRange;
    if (range != RelativeRange::Custom) {
        filter.since.reset();
        filter.until.reset();
    }
}

SavedView SavedView::normalized() const
{
    SavedView result = *this;
    result.name = name.trimmed();
    result.setFilter(filter, range);
    return result;
}

SavedViews::SavedViews(const QString &fileName, QSettings::Format format)
    : m_fileName(fileName)
    , m_format(format)
{
}

std::unique_ptr<QSettings> SavedViews::open() const
{
    return m_fileName.isEmpty() ? std::make_unique<QSettings>()
                                : std::make_unique<QSettings>(m_fileName, m_format);
}

std::optional<QString> SavedViews::checkedName(const QString &name, QString *error)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty()) {
        fail(error, tr("A view needs a name."));
        return std::nullopt;
    }
    if (trimmed.size() > kMaximumNameLength) {
        fail(error, tr("A view name can have at most %1 characters.").arg(kMaximumNameLength));
        return std::nullopt;
    }
    const bool control = std::any_of(trimmed.cbegin(), trimmed.cend(), [](QChar c) {
        return c.category() == QChar::Other_Control || c.category() == QChar::Separator_Line
            || c.category() == QChar::Separator_Paragraph;
    });
    if (control || !trimmed.isValidUtf16()) {
        fail(error, tr("A view name cannot contain line breaks or control characters."));
        return std::nullopt;
    }
    return trimmed;
}

QList<SavedView> SavedViews::list() const
{
    const std::unique_ptr<QSettings> settings = open();
    QList<SavedView> views;
    settings->beginGroup(kViewsGroup);
    const QStringList keys = settings->childGroups();
    for (const QString &key : keys) {
        const auto name = nameForKey(key);
        settings->beginGroup(key);
        const auto view = name ? readView(*settings) : std::nullopt;
        settings->endGroup();
        if (view && view->name == *name && checkedName(*name)) {
            views.append(*view);
        }
    }
    settings->endGroup();
    std::sort(views.begin(), views.end(), lessByName);
    return views;
}

QStringList SavedViews::names() const
{
    QStringList result;
    for (const SavedView &view : list()) {
        result.append(view.name);
    }
    return result;
}

std::optional<SavedView> SavedViews::find(const QString &name) const
{
    const auto checked = checkedName(name);
    if (!checked) {
        return std::nullopt;
    }
    const std::unique_ptr<QSettings> settings = open();
    settings->beginGroup(kViewsGroup + QLatin1Char('/') + keyForName(*checked));
    const auto view = readView(*settings);
    settings->endGroup();
    return view && view->name == *checked ? view : std::nullopt;
}

bool SavedViews::write(const QString &group, const SavedView &view, QString *error) const
{
    const std::unique_ptr<QSettings> settings = open();
    settings->remove(group); // no leftovers, such as a bank the view no longer filters by
    settings->beginGroup(group);
    writeView(*settings, view);
    settings->endGroup();
    settings->sync();
    if (settings->status() != QSettings::NoError) {
        return fail(error, tr("The views could not be saved in %1.").arg(settings->fileName()));
    }
    return true;
}

bool SavedViews::save(const SavedView &view, QString *error) const
{
    const auto name = checkedName(view.name, error);
    if (!name) {
        return false;
    }
    return write(kViewsGroup + QLatin1Char('/') + keyForName(*name), view.normalized(), error);
}

bool SavedViews::remove(const QString &name, QString *error) const
{
    const auto checked = checkedName(name, error);
    if (!checked) {
        return false;
    }
    const std::unique_ptr<QSettings> settings = open();
    const QString group = kViewsGroup + QLatin1Char('/') + keyForName(*checked);
    if (!settings->contains(group + QLatin1String("/version"))) {
        return fail(error, tr("There is no view named \u201c%1\u201d.").arg(*checked));
    }
    settings->remove(group);
    settings->sync();
    if (settings->status() != QSettings::NoError) {
        return fail(error, tr("The views could not be saved in %1.").arg(settings->fileName()));
    }
    return true;
}

bool SavedViews::rename(const QString &from, const QString &to, QString *error) const
{
    const auto newName = checkedName(to, error);
    if (!newName) {
        return false;
    }
    std::optional<SavedView> view = find(from);
    if (!view) {
        return fail(error, tr("There is no view named \u201c%1\u201d.").arg(from.trimmed()));
    }
    if (view->name == *newName) {
        return true;
    }
    if (contains(*newName)) {
        return fail(error, tr("A view named \u201c%1\u201d already exists.").arg(*newName));
    }
    const QString oldName = view->name;
    view->name = *newName;
    return save(*view, error) && remove(oldName, error);
}

std::optional<SavedView> SavedViews::lastView() const
{
    const std::unique_ptr<QSettings> settings = open();
    settings->beginGroup(kLastViewGroup);
    const auto view = readView(*settings);
    settings->endGroup();
    return view;
}

bool SavedViews::saveLastView(const SavedView &view, QString *error) const
{
    return write(kLastViewGroup, view.normalized(), error);
}

void SavedViews::clearLastView() const
{
    open()->remove(kLastViewGroup);
}

// ---- Command line ----------------------------------------------------------------------

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
        fail(error, translate(message));
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

std::optional<SavedView> fromCommandLine(const QString &text, QString *error,
    const QTimeZone &zoneForLocalTimes, std::optional<AuditTimestamp> now)
{
    auto refuse = [&](const QString &message) -> std::optional<SavedView> {
        fail(error, message);
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
        return refuse(translate("A show command names one entry, not a view."));
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
    const QCommandLineOption action = valued("action"), transport = valued("transport"),
                             bank = valued("bank"), last = valued("last"), since = valued("since"),
                             until = valued("until"), failed = flag("failed"),
                             search = valued("search"), minDuration = valued("min-duration"),
                             period = valued("period"), utc = flag("utc"), sort = valued("sort"),
                             oldestFirst = flag("oldest-first");
    parser.addOptions({ action, transport, bank, last, since, until, failed, search, minDuration,
        period, utc, sort, oldestFirst });
    // Options of the CLI that say nothing about a view.
    for (const char *ignored :
        { "schema", "table", "statement-timeout", "limit", "after", "format", "output" }) {
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
            return refuse(translate("Unexpected \u201c%1\u201d: a view line has options and at "
                                    "most one connection string.")
                              .arg(argument));
        }
    }

    SavedView view;
    AuditFilter &f = view.filter;
    f.actions = parser.values(action);
    f.transport = parser.value(transport);
    if (parser.isSet(bank)) {
        f.bank = parser.value(bank);
    }
    if (parser.isSet(last)) {
        const auto range = relativeRangeFromName(parser.value(last));
        if (!range || !relativeRangeSpan(*range)) {
            return refuse(translate("--last takes 1h, 24h, 7d or 30d."));
        }
        if (parser.isSet(since) || parser.isSet(until)) {
            return refuse(translate("--last cannot be combined with --since or --until."));
        }
        view.range = *range;
    }
    if (parser.isSet(since)) {
        // The CLI's relative --since: "90s", "15m", "1h", "24h", "7d", "2w" back from now.
        static const QRegularExpression relative(QStringLiteral("^(\\d{1,6})([smhdw])$"));
        const QString value = parser.value(since).trimmed();
        const auto match = relative.match(value);
        if (match.hasMatch()) {
            const qint64 unit = QStringView(u"smhdw").indexOf(match.captured(2).at(0));
            constexpr qint64 seconds[] = { 1, 60, 3600, 86400, 7 * 86400 };
            const qint64 span = match.captured(1).toLongLong() * seconds[unit] * 1'000'000;
            for (RelativeRange preset : { RelativeRange::LastHour, RelativeRange::Last24Hours,
                     RelativeRange::Last7Days, RelativeRange::Last30Days }) {
                if (!parser.isSet(until) && relativeRangeSpan(preset) == span) {
                    view.range = preset;
                }
            }
            if (view.range == RelativeRange::All) {
                f.since = AuditTimestamp::fromUsecsSinceEpoch(
                    now.value_or(currentTime()).usecsSinceEpoch() - span);
            }
        } else {
            f.since = AuditTimestamp::parse(value, zoneForLocalTimes);
            if (!f.since) {
                return refuse(translate("--since takes an ISO 8601 time such as "
                                        "2026-03-27T10:15:30Z, or 1h, 24h, 7d, 30d."));
            }
        }
    }
    if (parser.isSet(until)) {
        f.until = AuditTimestamp::parse(parser.value(until), zoneForLocalTimes);
        if (!f.until) {
            return refuse(
                translate("--until takes an ISO 8601 time such as 2026-03-27T10:15:30Z."));
        }
    }
    if (f.since || f.until) {
        view.range = RelativeRange::Custom;
    }
    f.failedOnly = parser.isSet(failed);
    f.search = parser.value(search);
    if (parser.isSet(minDuration)) {
        f.minDurationMicros = parseDuration(parser.value(minDuration));
        if (!f.minDurationMicros) {
            return refuse(translate("--min-duration takes %1.").arg(durationSyntaxHint()));
        }
    }
    if (parser.isSet(period)) {
        const auto chartPeriod = volumePeriodFromName(parser.value(period));
        if (!chartPeriod) {
            return refuse(translate("--period takes today, 7d or 30d."));
        }
        view.chartPeriod = *chartPeriod;
    }
    view.utc = parser.isSet(utc);
    if (parser.isSet(oldestFirst)) {
        view.order = SortOrder::OldestFirst;
    }
    if (parser.isSet(sort)) {
        const auto order = sortOrderFromName(parser.value(sort));
        if (!order) {
            return refuse(translate("--sort takes newest, oldest, longest or shortest."));
        }
        view.order = *order;
    }
    return view;
}
