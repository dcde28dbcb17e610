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

QString ConnectionSettings::driverOptions(QString *error) const
{
    // Session settings the viewer depends on: read-only, bounded statements, custom plans
    // for skewed banks and actions, and UTC text timestamps that are parsed exactly.
    QString sessionOptions
        = QStringLiteral("-c default_transaction_read_only=on -c statement_timeout=%1 -c "
                         "plan_cache_mode=force_custom_plan"
                         " -c TimeZone=UTC -c DateStyle=ISO -c IntervalStyle=iso_8601")
              .arg(m_statementTimeoutMs);
    QStringList parts;
    bool hasConnectTimeout = false;
    bool hasOptions = false;
    for (const auto &pair : m_values) {
        QString value = pair.second;
        if (pair.first == QLatin1String("options")) {
            sessionOptions = value + QLatin1Char(' ') + sessionOptions;
            hasOptions = true;
            continue;
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
    // libpq reads PGOPTIONS only when no options are given, and these always are: keep the
    // user's, before the viewer's own, which win.
    const QString environmentOptions = qEnvironmentVariable("PGOPTIONS").trimmed();
    if (!hasOptions && !environmentOptions.isEmpty()) {
        sessionOptions = environmentOptions + QLatin1Char(' ') + sessionOptions;
    }
    if (sessionOptions.contains(QLatin1Char(';'))) {
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
    parts.append(QStringLiteral("options=") + quoteValue(sessionOptions));
    return parts.join(QLatin1Char(' '));
}
