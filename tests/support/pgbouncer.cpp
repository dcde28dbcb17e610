#include "pgbouncer.h"

#include "localcluster.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

bool acceptsConnections(int port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        return false;
    }
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(static_cast<quint16>(port));
    const bool connected
        = ::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0;
    ::close(fd);
    return connected;
}

} // namespace

PgBouncer::PgBouncer()
    // Under /tmp: the postgres user, which pgbouncer runs as under root, reads the files.
    : m_folder(
        std::make_unique<QTemporaryDir>(QStringLiteral("/tmp/audit-viewer-pgbouncer-XXXXXX")))
{
    m_process.setProcessChannelMode(QProcess::MergedChannels);
}

PgBouncer::~PgBouncer()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

bool PgBouncer::start(int serverPort, const Options &options)
{
    const QString program = QStandardPaths::findExecutable(
        QStringLiteral("pgbouncer"), { QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin") });
    if (program.isEmpty()) {
        m_error = QStringLiteral("pgbouncer is not installed (scripts/setup installs it)");
        return false;
    }
    if (!m_folder->isValid()) {
        m_error = QStringLiteral("no temporary folder: %1").arg(m_folder->errorString());
        return false;
    }
    m_port = LocalCluster::freeLoopbackPort();
    const QString authFile = m_folder->filePath(QStringLiteral("users.txt"));
    const QString iniFile = m_folder->filePath(QStringLiteral("pgbouncer.ini"));
    QString ini = QStringLiteral("[databases]\n"
                                 "* = host=127.0.0.1 port=%1\n"
                                 "[pgbouncer]\n"
                                 "listen_addr = 127.0.0.1\n"
                                 "listen_port = %2\n"
                                 "unix_socket_dir =\n"
                                 "auth_type = trust\n"
                                 "auth_file = %3\n"
                                 "pool_mode = %4\n"
                                 "default_pool_size = %5\n"
                                 "max_client_conn = 200\n")
                      .arg(serverPort)
                      .arg(m_port)
                      .arg(authFile,
                          options.mode == PoolMode::Session ? QStringLiteral("session")
                                                            : QStringLiteral("transaction"))
                      .arg(options.poolSize);
    if (!options.ignoreStartupParameters.isEmpty()) {
        ini += QStringLiteral("ignore_startup_parameters = %1\n")
                   .arg(options.ignoreStartupParameters.join(QStringLiteral(", ")));
    }
    for (const auto &[path, text] : { std::pair { authFile, QStringLiteral("\"postgres\" \"\"\n") },
             std::pair { iniFile, ini } }) {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0) {
            m_error = QStringLiteral("could not write %1").arg(path);
            return false;
        }
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner
            | QFileDevice::ReadGroup | QFileDevice::ReadOther);
    }
    QFile::setPermissions(m_folder->path(),
        QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
            | QFileDevice::ReadOther | QFileDevice::ExeOther);
    QStringList arguments;
    if (geteuid() == 0) {
        arguments << QStringLiteral("-u") << QStringLiteral("postgres");
    }
    arguments << iniFile;
    m_process.setWorkingDirectory(QStringLiteral("/"));
    m_process.start(program, arguments);
    if (!m_process.waitForStarted(10000)) {
        m_error = QStringLiteral("pgbouncer did not start: %1").arg(m_process.errorString());
        return false;
    }
    // Ready once it accepts a TCP connection.
    const QDeadlineTimer deadline(10000);
    while (!deadline.hasExpired() && m_process.state() == QProcess::Running) {
        if (acceptsConnections(m_port)) {
            return true;
        }
        QThread::msleep(20);
    }
    m_process.waitForFinished(100);
    m_error = QStringLiteral("pgbouncer did not listen on port %1: %2")
                  .arg(m_port)
                  .arg(QString::fromLocal8Bit(m_process.readAll()).trimmed());
    return false;
}

QString PgBouncer::conninfo() const
{
    return QStringLiteral("host=127.0.0.1 port=%1 user=postgres dbname=postgres").arg(m_port);
}
