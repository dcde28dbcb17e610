#include "adminconnection.h"
#include "auditrepository.h"
#include "auditworker.h"
#include "databaseconnection.h"
#include "localcluster.h"
#include "testconnection.h"
#include "testdatabase.h"
#include "workeranswers.h"

#include <QFile>
#include <QProcess>

#include <gtest/gtest.h>

namespace {

const AuditTableRef kTable { QStringLiteral("tls"), QStringLiteral("audit_log") };

// Runs openssl in `dir`; false with its output in `error` when it fails.
bool openssl(const QString &dir, const QStringList &arguments, QString *error)
{
    QProcess process;
    process.setWorkingDirectory(dir);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral("openssl"), arguments);
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit
        || process.exitCode() != 0) {
        *error = QStringLiteral("openssl %1: %2 %3")
                     .arg(arguments.join(QLatin1Char(' ')), process.errorString(),
                         QString::fromLocal8Bit(process.readAll()));
        return false;
    }
    return true;
}

// A self-signed certificate authority: NAME.key and NAME.crt in `dir`.
bool makeAuthority(const QString &dir, const QString &name, QString *error)
{
    return openssl(dir,
        { QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
            QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
            QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
            QStringLiteral("-keyout"), name + QStringLiteral(".key"), QStringLiteral("-out"),
            name + QStringLiteral(".crt"), QStringLiteral("-days"), QStringLiteral("2"),
            QStringLiteral("-subj"), QStringLiteral("/CN=Audit Viewer test ") + name },
        error);
}

// A server certificate for 127.0.0.1 and localhost signed by `authority`: server.key, server.crt.
bool makeServerCertificate(const QString &dir, const QString &authority, QString *error)
{
    QFile extensions(dir + QStringLiteral("/server.ext"));
    if (!extensions.open(QIODevice::WriteOnly)) {
        *error = extensions.errorString();
        return false;
    }
    extensions.write("subjectAltName = IP:127.0.0.1, DNS:localhost\nbasicConstraints = CA:FALSE\n");
    extensions.close();
    return openssl(dir,
               { QStringLiteral("req"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                   QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"),
                   QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                   QStringLiteral("server.key"), QStringLiteral("-out"),
                   QStringLiteral("server.csr"), QStringLiteral("-subj"),
                   QStringLiteral("/CN=127.0.0.1") },
               error)
        && openssl(dir,
            { QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                QStringLiteral("server.csr"), QStringLiteral("-CA"),
                authority + QStringLiteral(".crt"), QStringLiteral("-CAkey"),
                authority + QStringLiteral(".key"), QStringLiteral("-set_serial"),
                QStringLiteral("2"), QStringLiteral("-days"), QStringLiteral("2"),
                QStringLiteral("-extfile"), QStringLiteral("server.ext"), QStringLiteral("-out"),
                QStringLiteral("server.crt") },
            error);
}

// A cluster that takes TLS connections only (hostssl), with a certificate from a local CA;
// a second CA that signed nothing stands for a wrong root certificate.
class TlsTest : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        s_cluster = std::make_unique<LocalCluster>();
        const QString dir = s_cluster->folder();
        QString error;
        ASSERT_TRUE(makeAuthority(dir, QStringLiteral("ca"), &error)) << error.toStdString();
        ASSERT_TRUE(makeAuthority(dir, QStringLiteral("other-ca"), &error)) << error.toStdString();
        ASSERT_TRUE(makeServerCertificate(dir, QStringLiteral("ca"), &error))
            << error.toStdString();
        // The server reads its key only when the server user owns it and nobody else may.
        for (const QString &name : { QStringLiteral("server.key"), QStringLiteral("server.crt") }) {
            QFile file(dir + QLatin1Char('/') + name);
            ASSERT_TRUE(file.open(QIODevice::ReadOnly));
            ASSERT_FALSE(s_cluster
                             ->writeServerFile(name, file.readAll(),
                                 QFileDevice::ReadOwner | QFileDevice::WriteOwner)
                             .isEmpty())
                << s_cluster->error().toStdString();
        }
        ASSERT_TRUE(s_cluster->init({ QStringLiteral("ssl = on"),
                                        QStringLiteral("ssl_cert_file = '%1/server.crt'").arg(dir),
                                        QStringLiteral("ssl_key_file = '%1/server.key'").arg(dir) },
            { QStringLiteral("hostssl all postgres 127.0.0.1/32 trust"),
                QStringLiteral("hostssl all all 127.0.0.1/32 scram-sha-256") }))
            << s_cluster->error().toStdString();
        ASSERT_TRUE(s_cluster->start()) << s_cluster->error().toStdString();
        AdminConnection admin(s_cluster->conninfo() + QStringLiteral(" sslmode=require"));
        ASSERT_TRUE(admin.isOpen()) << admin.error().toStdString();
        ASSERT_TRUE(admin.exec(QStringLiteral("CREATE SCHEMA tls;")
            + TestDatabase::auditTableDdl(kTable.schema)
            + QStringLiteral(
                "INSERT INTO tls.audit_log (action, transport) VALUES ('retain', 'http');")))
            << admin.error().toStdString();
    }

    static void TearDownTestSuite() { s_cluster.reset(); }

    void SetUp() override
    {
        ASSERT_TRUE(s_cluster && s_cluster->isRunning());
        m_settings = connectionSettingsFor(s_cluster->conninfo(), kTable);
    }

    // verify-full with the root certificate `authority`.crt.
    ConnectionSettings verifyFull(const QString &authority) const
    {
        ConnectionSettings settings = m_settings;
        settings.setValue(QStringLiteral("sslmode"), QStringLiteral("verify-full"));
        settings.setValue(QStringLiteral("sslrootcert"),
            s_cluster->folder() + QLatin1Char('/') + authority + QStringLiteral(".crt"));
        return settings;
    }

    static void expectOneClearSentence(const QueryError &error, const char *mentions)
    {
        const std::string message = error.message.toStdString();
        EXPECT_EQ(error.kind, QueryError::Kind::Connection) << message;
        EXPECT_TRUE(error.message.startsWith(QLatin1String("Could not connect: "))) << message;
        EXPECT_TRUE(error.message.endsWith(QLatin1Char('.'))) << message;
        EXPECT_FALSE(error.message.contains(QLatin1Char('\n'))) << message;
        EXPECT_TRUE(error.message.contains(QLatin1String(mentions), Qt::CaseInsensitive))
            << "\"" << message << "\" does not mention " << mentions;
    }

    static inline std::unique_ptr<LocalCluster> s_cluster;
    ConnectionSettings m_settings;
};

} // namespace

TEST_F(TlsTest, VerifyFullWithTheRightRootCertificateConnectsOverTls)
{
    for (const QString &host : { QStringLiteral("127.0.0.1"), QStringLiteral("localhost") }) {
        SCOPED_TRACE(host.toStdString());
        ConnectionSettings settings = verifyFull(QStringLiteral("ca"));
        settings.setValue(QStringLiteral("host"), host);
        DatabaseConnection connection;
        openTestConnection(connection, settings);
        const auto ssl = connection.session().exec(
            QStringLiteral("SELECT ssl::text FROM pg_stat_ssl WHERE pid = pg_backend_pid()"));
        ASSERT_TRUE(ssl);
        EXPECT_EQ(ssl->text(0, 0).toStdString(), "true");
        const auto page = AuditRepository(connection.session(), kTable).page(AuditFilter(), 10);
        ASSERT_TRUE(page) << page.error().message.toStdString();
        EXPECT_EQ(page->entries.size(), 1);
    }

    // The worker, which the window uses, takes the same settings.
    AuditWorker worker;
    WorkerAnswers answers(worker);
    const auto error = answers.wait(worker.connectTo(verifyFull(QStringLiteral("ca"))));
    EXPECT_EQ(error, std::nullopt) << error->message.toStdString();
}

TEST_F(TlsTest, AnotherAuthoritysRootCertificateFailsWithOneClearSentence)
{
    DatabaseConnection connection;
    const auto opened = connection.open(verifyFull(QStringLiteral("other-ca")));
    ASSERT_FALSE(opened) << "connected although no trusted authority signed the certificate";
    expectOneClearSentence(opened.error(), "certificate");
}

TEST_F(TlsTest, AHostNameTheCertificateDoesNotNameFails)
{
    ConnectionSettings settings = verifyFull(QStringLiteral("ca"));
    settings.setValue(QStringLiteral("host"), QStringLiteral("db.example.invalid"));
    settings.setValue(QStringLiteral("hostaddr"), QStringLiteral("127.0.0.1"));
    DatabaseConnection connection;
    const auto opened = connection.open(settings);
    ASSERT_FALSE(opened) << "connected although the certificate names another host";
    expectOneClearSentence(opened.error(), "certificate");
}

TEST_F(TlsTest, AMissingRootCertificateFileFailsWithOneClearSentence)
{
    DatabaseConnection connection;
    const auto opened = connection.open(verifyFull(QStringLiteral("no-such-ca")));
    ASSERT_FALSE(opened);
    expectOneClearSentence(opened.error(), "root certificate");
}

TEST_F(TlsTest, DisablingTlsAgainstAServerThatRequiresItFailsClearly)
{
    m_settings.setValue(QStringLiteral("sslmode"), QStringLiteral("disable"));
    DatabaseConnection connection;
    const auto opened = connection.open(m_settings);
    ASSERT_FALSE(opened) << "connected without TLS to a hostssl-only server";
    expectOneClearSentence(opened.error(), "encryption");
}
