#include "recentconnections.h"

#include <QUrl>

namespace {

QString group()
{
    return QStringLiteral("recentConnections");
}

QString keyPart(const QString &value)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}

} // namespace

QString RecentConnection::passwordKeyOf(const ConnectionSettings &settings)
{
    return QStringLiteral("%1@%2:%3/%4")
        .arg(keyPart(settings.value(QStringLiteral("user"))),
            keyPart(settings.value(QStringLiteral("host"))),
            keyPart(settings.value(QStringLiteral("port"))),
            keyPart(settings.value(QStringLiteral("dbname"))));
}

QString RecentConnection::passwordKey() const
{
    const auto parsed = ConnectionSettings::parse(conninfo);
    return parsed ? passwordKeyOf(parsed.value()) : QString();
}

QStringList RecentConnections::passwordKeysDropped(
    const QList<RecentConnection> &before, const QList<RecentConnection> &after)
{
    QStringList kept;
    for (const RecentConnection &entry : after) {
        kept.append(entry.passwordKey());
    }
    QStringList dropped;
    for (const RecentConnection &entry : before) {
        const QString key = entry.passwordKey();
        if (!key.isEmpty() && !kept.contains(key) && !dropped.contains(key)) {
            dropped.append(key);
        }
    }
    return dropped;
}

RecentConnections::RecentConnections(const QString &fileName, QSettings::Format format)
    : m_fileName(fileName)
    , m_format(format)
{
}

std::unique_ptr<QSettings> RecentConnections::open() const
{
    return m_fileName.isEmpty() ? std::make_unique<QSettings>()
                                : std::make_unique<QSettings>(m_fileName, m_format);
}

QList<RecentConnection> RecentConnections::load() const
{
    const std::unique_ptr<QSettings> settings = open();
    QList<RecentConnection> recent;
    const int count = settings->beginReadArray(group());
    for (int i = 0; i < count && recent.size() < kMaximum; ++i) {
        settings->setArrayIndex(i);
        RecentConnection entry;
        entry.conninfo = settings->value(QStringLiteral("conninfo")).toString();
        entry.table.schema
            = settings->value(QStringLiteral("schema"), entry.table.schema).toString();
        entry.table.table = settings->value(QStringLiteral("table"), entry.table.table).toString();
        recent.append(entry);
    }
    settings->endArray();
    return recent;
}

QList<RecentConnection> RecentConnections::remember(const ConnectionSettings &settings) const
{
    const RecentConnection entry { settings.toConninfoWithoutPassword(), settings.table() };
    QList<RecentConnection> recent = load();
    recent.removeAll(entry);
    recent.prepend(entry);
    while (recent.size() > kMaximum) {
        recent.removeLast();
    }
    save(recent);
    return recent;
}

void RecentConnections::save(const QList<RecentConnection> &recent) const
{
    const std::unique_ptr<QSettings> settings = open();
    settings->remove(group()); // no leftovers from a longer list
    settings->beginWriteArray(group(), int(recent.size()));
    for (int i = 0; i < recent.size(); ++i) {
        settings->setArrayIndex(i);
        settings->setValue(QStringLiteral("conninfo"), recent[i].conninfo);
        settings->setValue(QStringLiteral("schema"), recent[i].table.schema);
        settings->setValue(QStringLiteral("table"), recent[i].table.table);
    }
    settings->endArray();
}
