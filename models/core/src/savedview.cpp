// SavedView's values and the SavedViews store in QSettings. The command-line spelling is in
// savedviewcommandline.cpp.
#include "savedview.h"

#include <QRegularExpression>

#include <algorithm>

namespace {

const QString kViewsGroup = QStringLiteral("views");
const QString kLastViewGroup = QStringLiteral("lastView");
// A corrupt "size" must not make us loop for ever.
constexpr int kMaximumActions = 1000;

bool fail(QString *error, const QString &message)
{
    if (error) {
        *error = message;
    }
    return false;
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
    if (!f.schemas.isEmpty()) { // the tenant filter, reading many schemas
        settings.setValue(QStringLiteral("schemas"), f.schemas);
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
    f.schemas = settings.value(QStringLiteral("schemas")).toStringList();
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
        fail(error, tr("A view name can have at most %n characters.", nullptr, kMaximumNameLength));
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
