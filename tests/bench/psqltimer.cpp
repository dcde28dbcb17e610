#include "psqltimer.h"

#include <QProcess>
#include <QRegularExpression>

#include <cstdio>

PsqlTimer::PsqlTimer(const QString &conninfo)
    : m_conninfo(conninfo)
{
    start();
}

PsqlTimer::~PsqlTimer()
{
    m_psql.closeWriteChannel();
    if (!m_psql.waitForFinished(5000)) {
        m_psql.kill();
        m_psql.waitForFinished(5000);
    }
}

void PsqlTimer::start()
{
    m_pending.clear();
    m_psql.start(QStringLiteral("psql"),
        { QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-v"),
            QStringLiteral("ON_ERROR_STOP=1"), m_conninfo });
    if (!m_psql.waitForStarted(10000)) {
        m_lastError = QStringLiteral("psql did not start");
        return;
    }
    // The viewer's session settings (ConnectionSettings::driverOptions), so that both
    // sides plan and print alike; JIT stays as the server has it, for both.
    m_psql.write("SET plan_cache_mode = force_custom_plan;\n"
                 "SET TimeZone = 'UTC';\n"
                 "SET DateStyle = ISO;\n"
                 "SET IntervalStyle = iso_8601;\n"
                 "\\o /dev/null\n"
                 "\\timing on\n");
}

bool PsqlTimer::isRunning() const
{
    return m_psql.state() == QProcess::Running;
}

double PsqlTimer::time(const QString &sql)
{
    if (!isRunning()) {
        start();
    }
    QString statement = sql.trimmed();
    if (!statement.endsWith(QLatin1Char(';'))) {
        statement += QLatin1Char(';');
    }
    m_psql.write(statement.toUtf8() + '\n');
    // psql prints "Time: 12.345 ms" (and " (00:01.235)" past a second) after each statement.
    static const QRegularExpression timing(QStringLiteral("Time: ([0-9.]+) ms[^\\n]*\\n"));
    for (;;) {
        const QString text = QString::fromUtf8(m_pending);
        const QRegularExpressionMatch match = timing.match(text);
        if (match.hasMatch()) {
            m_pending = text.mid(match.capturedEnd()).toUtf8();
            return match.captured(1).toDouble();
        }
        if (!isRunning() || !m_psql.waitForReadyRead(-1)) {
            m_pending += m_psql.readAllStandardOutput();
            if (timing.match(QString::fromUtf8(m_pending)).hasMatch()) {
                continue;
            }
            m_lastError = QString::fromUtf8(m_psql.readAllStandardError()).trimmed();
            std::fprintf(stderr, "psql failed: %s\n  on: %s\n", qPrintable(m_lastError),
                qPrintable(statement.left(300)));
            m_psql.waitForFinished(5000);
            start();
            return -1;
        }
        m_pending += m_psql.readAllStandardOutput();
    }
}

QString PsqlTimer::withLiterals(const SqlStatement &statement)
{
    QString sql = statement.sql;
    // From the last parameter down, so that $1 never matches the start of $10.
    for (qsizetype i = statement.params.size(); i >= 1; --i) {
        const auto &param = statement.params.at(i - 1);
        QString literal = QStringLiteral("NULL");
        if (param) {
            QString text = QString::fromUtf8(*param);
            text.replace(QLatin1Char('\''), QLatin1String("''"));
            // A backslash in a standard string is literal (standard_conforming_strings).
            literal = QLatin1Char('\'') + text + QLatin1Char('\'');
        }
        sql.replace(QLatin1Char('$') + QString::number(i), literal);
    }
    return sql;
}

bool PsqlTimer::copyToCsv(const QString &conninfo, const QString &select, const QString &path)
{
    QProcess psql;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PGOPTIONS"), QStringLiteral("-c TimeZone=UTC"));
    psql.setProcessEnvironment(env);
    psql.start(QStringLiteral("psql"),
        { QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-v"),
            QStringLiteral("ON_ERROR_STOP=1"), conninfo, QStringLiteral("-c"),
            QStringLiteral("\\copy (%1) TO '%2' WITH (FORMAT csv, HEADER)").arg(select, path) });
    return psql.waitForFinished(-1) && psql.exitCode() == 0;
}
