#include "databaseconnection.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QMutexLocker>
#include <QRegularExpression>
#include <QSqlDriver>
#include <QSqlError>
#include <QStringList>

#include <libpq-fe.h>

namespace {

QString uniqueConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("audit-viewer-%1").arg(counter.fetchAndAddRelaxed(1));
}

// The password where it stands on its own in `message`, masked. Inside a longer word it
// is left alone: a password such as "o" or "pg" would otherwise mask every "o" of the
// sentence and the "pg" of pg_hba.conf.
QString maskedPassword(const QString &message, const QString &password)
{
    auto isWordChar = [](QChar c) { return c.isLetterOrNumber() || c == QLatin1Char('_'); };
    QString masked;
    qsizetype from = 0;
    for (qsizetype at = message.indexOf(password); at >= 0;
         at = message.indexOf(password, at + 1)) {
        const qsizetype end = at + password.size();
        const bool standsAlone = (at == 0 || !isWordChar(message.at(at - 1)))
            && (end == message.size() || !isWordChar(message.at(end)));
        if (standsAlone && at >= from) {
            masked += QStringView(message).mid(from, at - from);
            masked += QStringLiteral("••••");
            from = end;
        }
    }
    masked += QStringView(message).mid(from);
    return masked;
}

// libpq's connection errors: 'connection to server at "h", port p failed: FATAL:  ...'
// over several lines. One sentence, with what the operator can act on.
QString connectionErrorSentence(QString message, const QString &password)
{
    message.replace(QRegularExpression(QStringLiteral("\\b(FATAL|ERROR):\\s+")), QString());
    // One sentence per line of libpq's message, joined with full stops.
    QStringList lines;
    for (const QString &line : message.split(QLatin1Char('\n'))) {
        const QString trimmed = line.trimmed();
        if (!trimmed.isEmpty()) {
            lines.append(trimmed);
        }
    }
    for (int i = 0; i + 1 < lines.size(); ++i) {
        if (!lines[i].endsWith(QLatin1Char('.')) && !lines[i].endsWith(QLatin1Char('?'))) {
            lines[i].append(QLatin1Char('.'));
        }
    }
    message = lines.join(QLatin1Char(' '));
    if (!password.isEmpty()) {
        message = maskedPassword(message, password);
    }
    if (message.contains(QLatin1String("no password supplied"))) {
        return QCoreApplication::translate("DatabaseConnection",
            "Could not connect: the server asks for a password and none was given "
            "(type one in, set PGPASSWORD or add it to ~/.pgpass).");
    }
    if (message.isEmpty()) {
        message = QCoreApplication::translate("DatabaseConnection", "unknown error");
    }
    if (!message.endsWith(QLatin1Char('.')) && !message.endsWith(QLatin1Char('?'))) {
        message.append(QLatin1Char('.'));
    }
    return QCoreApplication::translate("DatabaseConnection", "Could not connect: %1").arg(message);
}

} // namespace

DatabaseConnection::DatabaseConnection()
    : m_name(uniqueConnectionName())
{
}

DatabaseConnection::~DatabaseConnection()
{
    close();
}

Result<bool> DatabaseConnection::open(const ConnectionSettings &settings)
{
    close();
    m_settings = settings;
    m_hasSettings = true;
    m_info = ConnectionInfo();
    QString optionsError;
    const QString options = settings.driverOptions(&optionsError);
    if (!optionsError.isEmpty()) {
        return QueryError::usage(optionsError);
    }
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL"))) {
        return QueryError::connection(QCoreApplication::translate("DatabaseConnection",
            "Qt's PostgreSQL driver (QPSQL) is not installed; install the package "
            "libqt6sql6-psql."));
    }
    QString note;
    Result<bool> opened = openDriver(options, settings.password());
    // pgbouncer, by default, refuses every startup parameter it does not know, `options`
    // among them: connect without the user's options rather than not at all, and say so.
    const QString userOptions = settings.userOptions();
    if (!opened && !userOptions.isEmpty()
        && opened.error().message.contains(QLatin1String("startup parameter"))
        && opened.error().message.contains(QLatin1String("options"))) {
        opened
            = openDriver(settings.driverOptions(nullptr, ConnectionSettings::StartupOptions::Omit),
                settings.password());
        note = QCoreApplication::translate("DatabaseConnection",
            "The server refused the startup parameter \u201coptions\u201d (a connection "
            "pooler does this): connected without \u201c%1\u201d.")
                   .arg(userOptions);
    }
    if (!opened) {
        return opened;
    }
    auto info = verify();
    if (!info) {
        close();
        return info.error();
    }
    m_info = std::move(info).value();
    m_info.note = note;
    return true;
}

Result<bool> DatabaseConnection::openDriver(const QString &options, const QString &password)
{
    close(); // a first attempt that the server refused
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_name);
    m_db.setConnectOptions(options);
    if (!password.isEmpty()) {
        m_db.setPassword(password);
    }
    if (!m_db.open()) {
        const QString message = connectionErrorSentence(m_db.lastError().databaseText(), password);
        close();
        return QueryError::connection(message);
    }
    pg_conn *conn = session().connection();
    QMutexLocker lock(&m_cancelMutex);
    m_cancel = PQgetCancel(conn);
    return true;
}

Result<ConnectionInfo> DatabaseConnection::verify() const
{
    const PgSession pg = session();
    auto result = pg.exec(QStringLiteral(
        "SELECT current_setting('transaction_read_only'), setting::bigint,"
        " current_setting('TimeZone'), pg_backend_pid(), current_setting('server_version')"
        " FROM pg_catalog.pg_settings WHERE name = 'statement_timeout'"));
    if (!result) {
        return result.error();
    }
    if (result->rowCount() != 1) {
        return QueryError::connection(QCoreApplication::translate(
            "DatabaseConnection", "The server did not say which statement timeout is in effect."));
    }
    ConnectionInfo info;
    info.description = description();
    info.readOnly = result->text(0, 0) == QLatin1String("on");
    info.statementTimeoutMs = result->integer(0, 1);
    info.timeZone = result->text(0, 2);
    info.throughPooler = result->integer(0, 3) != PQbackendPID(pg.connection());
    info.serverVersion = result->text(0, 4);
    if (!info.readOnly) {
        return QueryError::connection(QCoreApplication::translate("DatabaseConnection",
            "The server did not confirm a read-only transaction; Audit Viewer does not read "
            "without one."));
    }
    if (info.statementTimeoutMs != pg.statementTimeoutMs()) {
        return QueryError::connection(QCoreApplication::translate("DatabaseConnection",
            "The server did not confirm the statement timeout (%1 ms asked, %2 ms in "
            "effect).")
                                          .arg(pg.statementTimeoutMs())
                                          .arg(info.statementTimeoutMs));
    }
    return info;
}

void DatabaseConnection::close()
{
    {
        QMutexLocker lock(&m_cancelMutex);
        if (m_cancel) {
            PQfreeCancel(m_cancel);
            m_cancel = nullptr;
        }
    }
    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
    }
}

bool DatabaseConnection::isOpen() const
{
    return m_db.isValid() && m_db.isOpen() && session().isOpen();
}

Result<bool> DatabaseConnection::ensureOpen()
{
    if (isOpen()) {
        return true;
    }
    if (!m_hasSettings) {
        return QueryError::connection(
            QCoreApplication::translate("DatabaseConnection", "Not connected to a database."));
    }
    return open(m_settings);
}

PgSession DatabaseConnection::session() const
{
    if (!m_db.isValid() || !m_db.isOpen()) {
        return PgSession();
    }
    const QVariant handle = m_db.driver()->handle();
    // Qt 6.4 names the type "pg_conn*", other versions "PGconn*".
    if (qstrcmp(handle.typeName(), "PGconn*") != 0 && qstrcmp(handle.typeName(), "pg_conn*") != 0) {
        return PgSession();
    }
    return PgSession(*static_cast<pg_conn *const *>(handle.constData()),
        m_hasSettings ? m_settings.statementTimeoutMs() : 0);
}

QString DatabaseConnection::description() const
{
    pg_conn *conn = session().connection();
    if (!conn) {
        return {};
    }
    return QStringLiteral("%1@%2:%3/%4")
        .arg(QString::fromUtf8(PQuser(conn)), QString::fromUtf8(PQhost(conn)),
            QString::fromUtf8(PQport(conn)), QString::fromUtf8(PQdb(conn)));
}

void DatabaseConnection::cancel()
{
    QMutexLocker lock(&m_cancelMutex);
    if (m_cancel) {
        char error[256];
        PQcancel(m_cancel, error, sizeof error);
    }
}
