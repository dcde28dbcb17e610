#include "connectionsettings.h"

#include <libpq-fe.h>

#include <QCoreApplication>
#include <QStringList>

namespace {

// Quotes a conninfo value the way libpq reads it: single quotes, with \ and ' escaped.
QString quoteValue(const QString &value)
{
    QString escaped = value;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    escaped.replace(QLatin1Char('\''), QLatin1String("\\'"));
    return QLatin1Char('\'') + escaped + QLatin1Char('\'');
}

} // namespace

Result<ConnectionSettings> ConnectionSettings::parse(const QString &conninfo)
{
    ConnectionSettings settings;
    if (conninfo.trimmed().isEmpty()) {
        return settings;
    }
    char *errorMessage = nullptr;
    PQconninfoOption *options = PQconninfoParse(conninfo.toUtf8().constData(), &errorMessage);
    if (!options) {
        QString message = errorMessage
            ? QString::fromUtf8(errorMessage).trimmed()
            : QCoreApplication::translate("ConnectionSettings", "out of memory");
        PQfreemem(errorMessage);
        return QueryError::usage(QCoreApplication::translate(
            "ConnectionSettings", "The connection string is not valid: %1.")
                                     .arg(message));
    }
    for (PQconninfoOption *option = options; option->keyword; ++option) {
        if (!option->val) {
            continue;
        }
        const QString key = QString::fromUtf8(option->keyword);
        const QString value = QString::fromUtf8(option->val);
        if (key == QLatin1String("password")) {
            settings.m_password = value;
        } else {
            settings.m_values.append({ key, value });
        }
    }
    PQconninfoFree(options);
    return settings;
}

QString ConnectionSettings::value(const QString &key) const
{
    for (const auto &pair : m_values) {
        if (pair.first == key) {
            return pair.second;
        }
    }
    return {};
}

void ConnectionSettings::setValue(const QString &key, const QString &value)
{
    if (key == QLatin1String("password")) {
        m_password = value;
        return;
    }
    for (auto it = m_values.begin(); it != m_values.end(); ++it) {
        if (it->first == key) {
            if (value.isEmpty()) {
                m_values.erase(it);
            } else {
                it->second = value;
            }
            return;
        }
    }
    if (!value.isEmpty()) {
        m_values.append({ key, value });
    }
}

QString ConnectionSettings::toConninfoWithoutPassword() const
{
    QStringList parts;
    for (const auto &pair : m_values) {
        parts.append(pair.first + QLatin1Char('=') + quoteValue(pair.second));
    }
    return parts.join(QLatin1Char(' '));
}

QString ConnectionSettings::userOptions() const
{
    const QString given = value(QStringLiteral("options")).trimmed();
    if (!given.isEmpty()) {
        return given;
    }
    return qEnvironmentVariable("PGOPTIONS").trimmed();
}

QString ConnectionSettings::driverOptions(QString *error, StartupOptions startup) const
{
    // Only what the user asked for goes into the startup packet. The settings the viewer
    // relies on (read-only, statement timeout, UTC, custom plans) are set inside each
    // transaction instead (PgSession): a pooler may refuse the startup parameter
    // "options" or drop it silently, and hands each transaction to another connection.
    QStringList parts;
    bool hasConnectTimeout = false;
    for (const auto &pair : m_values) {
        const QString &value = pair.second;
        if (pair.first == QLatin1String("options")) {
            continue; // below
        }
        if (pair.first == QLatin1String("connect_timeout")) {
            hasConnectTimeout = true;
        }
        // QPSQL turns every ';' of its options into a space before libpq sees them.
        if (value.contains(QLatin1Char(';'))) {
            if (error) {
                *error = QCoreApplication::translate("ConnectionSettings",
                    "The connection setting \"%1\" contains a semicolon, which "
                    "Qt's PostgreSQL driver cannot pass on.")
                             .arg(pair.first);
            }
            return {};
        }
        parts.append(pair.first + QLatin1Char('=') + quoteValue(value));
    }
    const QString options = userOptions();
    if (options.contains(QLatin1Char(';'))) {
        if (error) {
            *error = QCoreApplication::translate("ConnectionSettings",
                "The connection setting \"options\" contains a semicolon, "
                "which Qt's PostgreSQL driver cannot pass on.");
        }
        return {};
    }
    if (!hasConnectTimeout && qEnvironmentVariableIsEmpty("PGCONNECT_TIMEOUT")) {
        parts.append(QStringLiteral("connect_timeout=10"));
    }
    parts.append(QStringLiteral("fallback_application_name=audit-viewer"));
    // The server's text in UTF-8 from the first statement on (also set per transaction).
    if (value(QStringLiteral("client_encoding")).isEmpty()
        && qEnvironmentVariableIsEmpty("PGCLIENTENCODING")) {
        parts.append(QStringLiteral("client_encoding=UTF8"));
    }
    if (startup == StartupOptions::Omit) {
        // An empty value also keeps libpq from sending PGOPTIONS.
        parts.append(QStringLiteral("options=''"));
    } else if (!options.isEmpty()) {
        parts.append(QStringLiteral("options=") + quoteValue(options));
    }
    return parts.join(QLatin1Char(' '));
}
