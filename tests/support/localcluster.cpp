#include "localcluster.h"

#include "adminconnection.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QVersionNumber>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

constexpr char kServerUser[] = "postgres";

bool runningAsRoot()
{
    return geteuid() == 0;
}

bool hasServerPrograms(const QString &dir)
{
    return !dir.isEmpty() && QFileInfo(dir + QStringLiteral("/initdb")).isExecutable()
        && QFileInfo(dir + QStringLiteral("/pg_ctl")).isExecutable();
}

QString findBinDirectory()
{
    // When PG_BINDIR names a version (the PostgreSQL 18 run), no other version stands in.
    const QString fromEnvironment = qEnvironmentVariable("PG_BINDIR");
    if (!fromEnvironment.isEmpty()) {
        return hasServerPrograms(fromEnvironment) ? fromEnvironment : QString();
    }
    const QString pgConfig = QStandardPaths::findExecutable(QStringLiteral("pg_config"));
    if (!pgConfig.isEmpty()) {
        QProcess process;
        process.start(pgConfig, { QStringLiteral("--bindir") });
        if (process.waitForFinished(10000)) {
            const QString dir = QString::fromLocal8Bit(process.readAllStandardOutput()).trimmed();
            if (hasServerPrograms(dir)) {
                return dir;
            }
        }
    }
    // Debian keeps the server programs out of PATH, one folder per major version.
    QString best;
    QVersionNumber bestVersion;
    const QDir debian(QStringLiteral("/usr/lib/postgresql"));
    for (const QString &version : debian.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QString dir = debian.filePath(version) + QStringLiteral("/bin");
        const QVersionNumber number = QVersionNumber::fromString(version);
        if (hasServerPrograms(dir) && number > bestVersion) {
            best = dir;
            bestVersion = number;
        }
    }
    if (!best.isEmpty()) {
        return best;
    }
    const QString initdb = QStandardPaths::findExecutable(QStringLiteral("initdb"));
    return initdb.isEmpty() ? QString() : QFileInfo(initdb).absolutePath();
}

} // namespace

LocalCluster::LocalCluster()
    // Under /tmp rather than TMPDIR: the server user must be able to reach the folder,
    // which a TMPDIR inside a private home folder would not allow.
    : m_folder(std::make_unique<QTemporaryDir>(QStringLiteral("/tmp/audit-viewer-cluster-XXXXXX")))
{
    if (!m_folder->isValid()) {
        m_error = QStringLiteral("could not create a temporary folder: %1")
                      .arg(m_folder->errorString());
        return;
    }
    handToServerUser(m_folder->path());
}

LocalCluster::~LocalCluster()
{
    if (m_running) {
        // Immediate: the data is thrown away with the folder, so no checkpoint is needed.
        runServerProgram(QStringLiteral("pg_ctl"),
            { QStringLiteral("stop"), QStringLiteral("-D"), dataDirectory(), QStringLiteral("-m"),
                QStringLiteral("immediate"), QStringLiteral("-w"), QStringLiteral("-t"),
                QStringLiteral("30"), QStringLiteral("-s") },
            40000);
    }
}

QString LocalCluster::binDirectory()
{
    static const QString dir = findBinDirectory();
    return dir;
}

int LocalCluster::freeLoopbackPort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        return 0;
    }
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0; // the kernel picks a free one
    socklen_t length = sizeof address;
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0
        && ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) == 0) {
        port = ntohs(address.sin_port);
    }
    ::close(fd);
    return port;
}

QString LocalCluster::conninfo() const
{
    return QStringLiteral("host=127.0.0.1 port=%1 user=postgres dbname=postgres").arg(m_port);
}

QString LocalCluster::folder() const
{
    return m_folder->path();
}

QString LocalCluster::dataDirectory() const
{
    return m_folder->filePath(QStringLiteral("data"));
}

QString LocalCluster::logPath() const
{
    return m_folder->filePath(QStringLiteral("server.log"));
}

bool LocalCluster::handToServerUser(const QString &path)
{
    if (!runningAsRoot()) {
        return true;
    }
    const passwd *user = ::getpwnam(kServerUser);
    if (!user) {
        m_error = QStringLiteral("there is no OS user \"postgres\" to run the server as");
        return false;
    }
    if (::chown(QFile::encodeName(path).constData(), user->pw_uid, user->pw_gid) != 0) {
        m_error = QStringLiteral("could not hand %1 to the postgres user").arg(path);
        return false;
    }
    return true;
}

bool LocalCluster::runServerProgram(
    const QString &program, const QStringList &arguments, int timeoutMs, QString *output)
{
    const QString bin = binDirectory();
    if (bin.isEmpty()) {
        m_error = qEnvironmentVariableIsEmpty("PG_BINDIR")
            ? QStringLiteral("no PostgreSQL server programs found (install the Debian "
                             "package postgresql, or set PG_BINDIR)")
            : QStringLiteral("PG_BINDIR=%1 holds no initdb and pg_ctl (scripts/setup installs "
                             "the PostgreSQL 18 of the tests)")
                  .arg(qEnvironmentVariable("PG_BINDIR"));
        return false;
    }
    QProcess process;
    // A working directory the server user can enter, or it warns on every start.
    process.setWorkingDirectory(QStringLiteral("/"));
    process.setProcessChannelMode(QProcess::MergedChannels);
    const QString path = bin + QLatin1Char('/') + program;
    if (runningAsRoot()) {
        process.start(QStringLiteral("runuser"),
            QStringList {
                QStringLiteral("-u"), QString::fromLatin1(kServerUser), QStringLiteral("--"), path }
                + arguments);
    } else {
        process.start(path, arguments);
    }
    const bool finished = process.waitForFinished(timeoutMs);
    if (!finished) {
        process.kill();
        process.waitForFinished(5000);
    }
    const QString text = QString::fromLocal8Bit(process.readAll()).trimmed();
    if (output) {
        *output = text;
    }
    if (finished && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0) {
        return true;
    }
    m_error = QStringLiteral("%1 %2 failed%3: %4")
                  .arg(program, arguments.join(QLatin1Char(' ')),
                      finished ? QString() : QStringLiteral(" (timed out)"), text);
    return false;
}

bool LocalCluster::init(const QStringList &settings, const QStringList &hba)
{
    if (!m_folder->isValid()) {
        return false;
    }
    m_settings = settings;
    if (!runServerProgram(QStringLiteral("initdb"),
            { QStringLiteral("-D"), dataDirectory(), QStringLiteral("-U"),
                QStringLiteral("postgres"), QStringLiteral("-E"), QStringLiteral("UTF8"),
                QStringLiteral("--locale=C.UTF-8"), QStringLiteral("--auth=trust"),
                QStringLiteral("--no-sync"), QStringLiteral("--no-instructions") })) {
        return false;
    }
    const QStringList defaultHba = {
        QStringLiteral("host all postgres 127.0.0.1/32 trust"),
        QStringLiteral("host replication postgres 127.0.0.1/32 trust"),
        QStringLiteral("host all all 127.0.0.1/32 scram-sha-256"),
    };
    return writeHba(hba.isEmpty() ? defaultHba : hba);
}

bool LocalCluster::initFromTemplate(const QString &key,
    const std::function<bool(LocalCluster &)> &prepare, const QStringList &settings)
{
    if (!m_folder->isValid()) {
        return false;
    }
    const QByteArray id = QCryptographicHash::hash(
        QStringList { key, binDirectory(), settings.join(QLatin1Char('\n')) }
            .join(QLatin1Char('\n'))
            .toUtf8(),
        QCryptographicHash::Sha256)
                              .toHex()
                              .left(16);
    const QString base = QDir::temp().filePath(
        QStringLiteral("audit-viewer-cluster-template-%1").arg(QLatin1String(id)));
    // Processes of one suite may start together (ctest --parallel): one prepares, the
    // others wait and copy.
    QLockFile lock(base + QStringLiteral(".lock"));
    if (!lock.tryLock(5 * 60 * 1000)) {
        m_error = QStringLiteral("could not lock the cluster template %1").arg(base);
        return false;
    }
    const QString complete = base + QStringLiteral("/complete");
    if (!QFileInfo::exists(complete)) {
        removeOldTemplates();
        QDir(base).removeRecursively();
        LocalCluster maker;
        if (!maker.init(settings) || !maker.start() || !prepare(maker) || !maker.stop()) {
            m_error
                = QStringLiteral("preparing the cluster template failed: %1").arg(maker.error());
            return false;
        }
        QFile marker(complete);
        if (!QDir().mkpath(base)
            || !copyDirectory(maker.dataDirectory(), base + QStringLiteral("/data"))
            || !marker.open(QIODevice::WriteOnly)) {
            return false;
        }
    }
    m_settings = settings;
    return copyDirectory(base + QStringLiteral("/data"), dataDirectory());
}

void LocalCluster::removeOldTemplates()
{
    // Templates of keys no longer asked for (rows that changed, yesterday's date).
    const QDateTime before = QDateTime::currentDateTimeUtc().addDays(-2);
    const QFileInfoList templates = QDir::temp().entryInfoList(
        { QStringLiteral("audit-viewer-cluster-template-*") }, QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QFileInfo &folder : templates) {
        if (folder.lastModified() < before) {
            QDir(folder.filePath()).removeRecursively();
        }
    }
}

bool LocalCluster::copyDirectory(const QString &from, const QString &to)
{
    // cp -a keeps the server user as the owner and the modes the server insists on.
    QProcess copy;
    copy.setProcessChannelMode(QProcess::MergedChannels);
    copy.start(QStringLiteral("cp"), { QStringLiteral("-a"), from, to });
    if (!copy.waitForFinished(120000) || copy.exitStatus() != QProcess::NormalExit
        || copy.exitCode() != 0) {
        m_error = QStringLiteral("copying %1 failed: %2")
                      .arg(from, QString::fromLocal8Bit(copy.readAll()).trimmed());
        return false;
    }
    return true;
}

bool LocalCluster::initReplicaOf(const LocalCluster &primary, const QStringList &settings)
{
    if (!m_folder->isValid()) {
        return false;
    }
    m_settings = primary.m_settings + settings;
    if (!QFileInfo(binDirectory() + QStringLiteral("/pg_basebackup")).isExecutable()) {
        return copyRunningDataDirectory(primary);
    }
    // -R writes standby.signal and primary_conninfo; the copied configuration still names
    // the primary's port until start() writes this cluster's own.
    return runServerProgram(QStringLiteral("pg_basebackup"),
        { QStringLiteral("-D"), dataDirectory(), QStringLiteral("-R"), QStringLiteral("-X"),
            QStringLiteral("stream"), QStringLiteral("-c"), QStringLiteral("fast"),
            QStringLiteral("--no-sync"), QStringLiteral("-h"), QStringLiteral("127.0.0.1"),
            QStringLiteral("-p"), QString::number(primary.port()), QStringLiteral("-U"),
            QStringLiteral("postgres") },
        120000);
}

bool LocalCluster::copyRunningDataDirectory(const LocalCluster &primary)
{
    // PostgreSQL's low-level base backup: the backup stays open while this session does, so
    // an error on the way ends it; fast, so the checkpoint it starts from does not wait.
    AdminConnection session(primary.conninfo());
    if (session.scalar(QStringLiteral("SELECT pg_backup_start('local-cluster replica', true)"))
            .isEmpty()) {
        m_error = QStringLiteral("pg_backup_start failed: %1").arg(session.error());
        return false;
    }
    // The WAL copied with the files may end torn; the standby streams the rest from the
    // primary.
    if (!copyDirectory(primary.dataDirectory(), dataDirectory())) {
        return false;
    }
    const QString label
        = session.scalar(QStringLiteral("SELECT labelfile FROM pg_backup_stop(false)"));
    if (label.isEmpty()) {
        m_error = QStringLiteral("pg_backup_stop failed: %1").arg(session.error());
        return false;
    }
    // The primary's lock file names a live postmaster: the copy would refuse to start.
    for (const char *name : { "postmaster.pid", "postmaster.opts" }) {
        QFile::remove(dataDirectory() + QLatin1Char('/') + QLatin1String(name));
    }
    // What pg_basebackup -R writes: the backup's label, the standby signal, the primary.
    m_settings.append(QStringLiteral("primary_conninfo = 'host=127.0.0.1 port=%1 user=postgres'")
                          .arg(primary.port()));
    const QFileDevice::Permissions ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    return !writeServerFile(QStringLiteral("data/backup_label"), label.toUtf8(), ownerOnly)
                .isEmpty()
        && !writeServerFile(QStringLiteral("data/standby.signal"), {}, ownerOnly).isEmpty();
}

QString LocalCluster::writeServerFile(
    const QString &name, const QByteArray &contents, QFileDevice::Permissions permissions)
{
    const QString path = m_folder->filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || file.write(contents) != contents.size()) {
        m_error = QStringLiteral("could not write %1: %2").arg(path, file.errorString());
        return {};
    }
    file.close();
    if (!file.setPermissions(permissions) || !handToServerUser(path)) {
        m_error = QStringLiteral("could not set the owner or mode of %1").arg(path);
        return {};
    }
    return path;
}

bool LocalCluster::writeHba(const QStringList &lines)
{
    const QByteArray text = QStringLiteral("# TYPE DATABASE USER ADDRESS METHOD\n%1\n")
                                .arg(lines.join(QLatin1Char('\n')))
                                .toUtf8();
    return !writeServerFile(
        QStringLiteral("data/pg_hba.conf"), text, QFileDevice::ReadOwner | QFileDevice::WriteOwner)
                .isEmpty();
}

bool LocalCluster::writeConfiguration()
{
    QStringList lines = {
        QStringLiteral("listen_addresses = '127.0.0.1'"),
        QStringLiteral("port = %1").arg(m_port),
        QStringLiteral("unix_socket_directories = ''"),
        QStringLiteral("max_connections = 40"),
        QStringLiteral("shared_buffers = 32MB"),
        QStringLiteral("fsync = off"),
        QStringLiteral("synchronous_commit = off"),
        QStringLiteral("full_page_writes = off"),
        QStringLiteral("wal_level = replica"),
        QStringLiteral("max_wal_senders = 4"),
        QStringLiteral("hot_standby = on"),
        QStringLiteral("logging_collector = off"),
        QStringLiteral("log_line_prefix = '%m [%p] %q%u@%d '"),
    };
    lines += m_settings;
    if (writeServerFile(QStringLiteral("data/local-cluster.conf"),
            (lines.join(QLatin1Char('\n')) + QLatin1Char('\n')).toUtf8(),
            QFileDevice::ReadOwner | QFileDevice::WriteOwner)
            .isEmpty()) {
        return false;
    }
    // Included last, so these lines win over postgresql.conf (a replica copies both).
    QFile main(dataDirectory() + QStringLiteral("/postgresql.conf"));
    if (!main.open(QIODevice::ReadWrite)) {
        m_error = QStringLiteral("could not open postgresql.conf: %1").arg(main.errorString());
        return false;
    }
    const QByteArray include("include 'local-cluster.conf'\n");
    if (!main.readAll().contains(include)) {
        main.write("\n" + include);
    }
    return true;
}

void LocalCluster::startWatchdog()
{
    if (m_watchdogStarted) {
        return;
    }
    // The destructor cannot run when the test process is killed (a CTest timeout) or
    // crashes: a detached shell waits for it to end and then stops the server and removes
    // the folder, so no cluster outlives its test run. After a normal end it finds nothing.
    const QString script
        = QStringLiteral("while kill -0 \"$1\" 2>/dev/null; do sleep 1; done; "
                         "if [ -f \"$3/postmaster.pid\" ]; then "
                         "if [ \"$(id -u)\" -eq 0 ]; then runuser -u postgres -- \"$2/pg_ctl\" "
                         "stop -D \"$3\" -m immediate -w -t 30 -s; "
                         "else \"$2/pg_ctl\" stop -D \"$3\" -m immediate -w -t 30 -s; fi; fi; "
                         "rm -rf \"$4\"");
    QProcess watchdog;
    watchdog.setProgram(QStringLiteral("/bin/sh"));
    watchdog.setArguments({ QStringLiteral("-c"), script, QStringLiteral("local-cluster-watchdog"),
        QString::number(QCoreApplication::applicationPid()), binDirectory(), dataDirectory(),
        folder() });
    watchdog.setWorkingDirectory(QStringLiteral("/"));
    // Not the test's own output channels: CTest would wait for them to close.
    watchdog.setStandardInputFile(QProcess::nullDevice());
    watchdog.setStandardOutputFile(QProcess::nullDevice());
    watchdog.setStandardErrorFile(QProcess::nullDevice());
    m_watchdogStarted = watchdog.startDetached();
}

QString LocalCluster::logSince(qint64 offset) const
{
    QFile log(logPath());
    if (!log.open(QIODevice::ReadOnly)) {
        return {};
    }
    log.seek(std::max<qint64>(offset, log.size() - 4000));
    return QString::fromUtf8(log.readAll());
}

bool LocalCluster::start()
{
    if (m_running) {
        return true;
    }
    // Another process may take a free port before the server binds it: then try another.
    for (int attempt = 0; attempt < 6; ++attempt) {
        if (attempt > 0 || m_port == 0) {
            m_port = freeLoopbackPort();
        }
        if (!writeConfiguration()) {
            return false;
        }
        const qint64 logStart = QFileInfo(logPath()).size();
        if (runServerProgram(QStringLiteral("pg_ctl"),
                { QStringLiteral("start"), QStringLiteral("-D"), dataDirectory(),
                    QStringLiteral("-l"), logPath(), QStringLiteral("-w"), QStringLiteral("-t"),
                    QStringLiteral("60"), QStringLiteral("-s") },
                90000)) {
            m_running = true;
            startWatchdog();
            return true;
        }
        const QString log = logSince(logStart);
        if (!log.contains(QLatin1String("could not bind"))
            && !log.contains(QLatin1String("could not create any TCP/IP sockets"))) {
            m_error += QStringLiteral("\nserver log:\n") + log;
            return false;
        }
    }
    m_error += QStringLiteral("\nevery port tried was taken");
    return false;
}

bool LocalCluster::restart()
{
    const qint64 logStart = QFileInfo(logPath()).size();
    if (!runServerProgram(QStringLiteral("pg_ctl"),
            { QStringLiteral("restart"), QStringLiteral("-D"), dataDirectory(),
                QStringLiteral("-l"), logPath(), QStringLiteral("-m"), QStringLiteral("fast"),
                QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("60"),
                QStringLiteral("-s") },
            90000)) {
        m_error += QStringLiteral("\nserver log:\n") + logSince(logStart);
        m_running = false;
        return false;
    }
    m_running = true;
    return true;
}

bool LocalCluster::stop()
{
    if (!m_running) {
        return true;
    }
    const bool stopped = runServerProgram(QStringLiteral("pg_ctl"),
        { QStringLiteral("stop"), QStringLiteral("-D"), dataDirectory(), QStringLiteral("-m"),
            QStringLiteral("fast"), QStringLiteral("-w"), QStringLiteral("-t"),
            QStringLiteral("60"), QStringLiteral("-s") },
        90000);
    if (stopped) {
        m_running = false;
    }
    return stopped;
}
