#include "recentconnections.h"

namespace {

QString group()
{
    return QStringLiteral("recentConnections");
}

} // namespace

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
