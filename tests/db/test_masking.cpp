#include "auditexporter.h"
#include "auditrepository.h"
#include "audittablemodel.h"
#include "auditworker.h"
#include "databaseconnection.h"
#include "gitleaksrules.h"
#include "hindsightsecrets.h"
#include "requestpreview.h"
#include "secretmasker.h"
#include "testconnection.h"
#include "testdatabase.h"
#include "viewercli.h"
#include "workeranswers.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace {

using namespace HindsightSecrets;

const AuditTableRef kTable { QStringLiteral("masking"), QStringLiteral("audit_log") };

// A webhook secret the 512-character preview cuts in two.
const QString kLongSecret = QStringLiteral("whsec_") + QString(94, QLatin1Char('Q'));

QStringList allSecrets()
{
    return secrets() + QStringList { kLongSecret };
}

QString leaks(const QString &text)
{
    QStringList found;
    for (const QString &secret : allSecrets()) {
        if (text.contains(secret)) {
            found.append(secret);
        }
    }
    return found.join(QLatin1String(", "));
}

// Every Hindsight case, newest first: create_webhook (its response echoes the secret, its
// metadata carries a header), update_bank_config, a recall with a JWT, a body stored as one
// JSON string holding a key, a request whose secret straddles the preview's cut, and one
// too large to preview.
class MaskingTest : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        const QString row = QStringLiteral(
            "('%1', 'http', '2026-03-27 10:00:0%2+00', '2026-03-27 10:00:0%2.5+00', %3, %4, %5)");
        const QString insert
            = QStringLiteral("INSERT INTO masking.audit_log (action, transport, started_at, "
                             "ended_at, request, response, metadata) VALUES ")
            + QStringList {
                  row.arg(QStringLiteral("create_webhook"), QStringLiteral("5"),
                      QStringLiteral("$$%1$$").arg(createWebhook),
                      QStringLiteral("$${\"id\": \"wh_1\", \"secret\": \"%1\"}$$").arg(webhookSecret),
                      QStringLiteral("$${\"headers\": {\"X-Tenant\": \"%1\"}}$$").arg(tenant)),
                  row.arg(QStringLiteral("update_bank_config"), QStringLiteral("4"),
                      QStringLiteral("$$%1$$").arg(updateBankConfig), QStringLiteral("'{}'"),
                      QStringLiteral("'{}'")),
                  row.arg(QStringLiteral("recall"), QStringLiteral("3"),
                      QStringLiteral("$$%1$$").arg(recallWithJwt), QStringLiteral("NULL"),
                      QStringLiteral("'{}'")),
                  row.arg(QStringLiteral("retain"), QStringLiteral("2"),
                      QStringLiteral("to_jsonb($$call it with %1 please$$::text)").arg(invalidSk),
                      QStringLiteral("'{}'"), QStringLiteral("'{}'")),
                  row.arg(QStringLiteral("retain"), QStringLiteral("1"),
                      QStringLiteral("jsonb_build_object('a', repeat('p', 470), 'secret', '%1')")
                          .arg(kLongSecret),
                      QStringLiteral("'{}'"), QStringLiteral("'{}'")),
                  row.arg(QStringLiteral("retain"), QStringLiteral("0"),
                      QStringLiteral("jsonb_build_object('blob', (SELECT string_agg(md5(i::text), "
                                     "'') FROM generate_series(1, 2000) i))"),
                      QStringLiteral("'{}'"), QStringLiteral("'{}'")),
              }.join(QLatin1String(", "));
        ASSERT_NO_FATAL_FAILURE(createSeededAuditSchema(kTable.schema, insert));
    }

    void SetUp() override
    {
        m_settings = testConnectionSettings(kTable);
        ASSERT_TRUE(m_connection.open(m_settings));
        ASSERT_TRUE(m_config.isValid());
    }

    AuditExporter exporter() const { return AuditExporter(m_connection.session(), kTable); }

    // The database's own text of `column` for every row, newest first.
    QStringList stored(const char *column)
    {
        return m_admin.column(
            QStringLiteral("SELECT coalesce(%1::text, '<null>') FROM masking.audit_log ORDER BY "
                           "started_at DESC, id DESC")
                .arg(QLatin1String(column)));
    }

    QByteArray exported(const ExportOptions &options)
    {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        const auto written
            = exporter().exportTo(AuditFilter(), SortOrder::NewestFirst, options, buffer);
        EXPECT_TRUE(written) << written.error().message.toStdString();
        return buffer.data();
    }

    // The command line with the test cluster and schema, its settings in a folder of its own.
    ViewerCliRun cli(QStringList arguments)
    {
        arguments.insert(1, TestDatabase::conninfo());
        arguments.append({ QStringLiteral("--schema"), kTable.schema });
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_config.path());
        return runViewerCli(arguments, environment);
    }

    TestDatabase m_admin;
    ConnectionSettings m_settings;
    DatabaseConnection m_connection;
    QTemporaryDir m_config;
};

} // namespace

TEST_F(MaskingTest, PagePreviewIsTheRequestsStartMaskedWhereverTheCutFalls)
{
    const auto page = AuditRepository(m_connection.session(), kTable).page(AuditFilter(), 10);
    ASSERT_TRUE(page) << page.error().message.toStdString();
    ASSERT_EQ(page->entries.size(), 6);
    const QStringList requests = stored("request");
    for (int row = 0; row < 5; ++row) {
        const AuditEntry &entry = page->entries.at(row);
        ASSERT_TRUE(entry.requestStart);
        EXPECT_EQ(*entry.requestStart, requests[row].left(RequestPreview::storedLength));
        EXPECT_EQ(entry.requestGoesOn, requests[row].size() > RequestPreview::storedLength);
    }
    EXPECT_TRUE(page->entries.at(4).requestGoesOn);
    // Stored larger than a preview may cost: not read, only marked.
    EXPECT_EQ(page->entries.at(5).requestStart, QString());
    EXPECT_TRUE(page->entries.at(5).requestGoesOn);
    // The cut falls inside the long secret.
    const qsizetype at = requests[4].indexOf(kLongSecret);
    ASSERT_GT(at, 0);
    ASSERT_LT(at, RequestPreview::storedLength);
    ASSERT_GT(at + kLongSecret.size(), RequestPreview::storedLength);
    const QString present = kLongSecret.left(RequestPreview::storedLength - at);

    AuditTableModel model;
    model.setEntries(page->entries);
    for (int row = 0; row < 6; ++row) {
        for (int role :
            { int(Qt::DisplayRole), int(AuditTableModel::RawTextRole), int(Qt::ToolTipRole) }) {
            const QString text
                = model.index(row, AuditTableModel::RequestColumn).data(role).toString();
            EXPECT_TRUE(leaks(text).isEmpty()) << row << ": " << text.toStdString();
            EXPECT_FALSE(text.contains(present.left(8))) << text.toStdString();
        }
    }
    const auto copied = [&](int row) {
        return model.index(row, AuditTableModel::RequestColumn)
            .data(AuditTableModel::RawTextRole)
            .toString();
    };
    EXPECT_TRUE(copied(0).contains(QStringLiteral("\"Authorization\":\"Bearer ••••\"")));
    EXPECT_TRUE(copied(1).contains(QLatin1String("\"trace\":12345678901234567890")));
    EXPECT_EQ(copied(3).toStdString(), "\"••••\""); // a string holding a key: all of it
    EXPECT_TRUE(copied(4).endsWith(QStringLiteral("\"secret\":\"••••\"…")))
        << copied(4).toStdString();
    EXPECT_EQ(copied(5), QStringLiteral("…"));
    EXPECT_TRUE(model.index(5, AuditTableModel::RequestColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .startsWith(QLatin1String("Too large for a preview")));
}

TEST_F(MaskingTest, ExportsMaskEverySecretAndKeepTheRestExactlyAsStored)
{
    const SecretMasker masker(MaskingRules::defaults());
    for (const auto format : { ExportOptions::Format::Csv, ExportOptions::Format::JsonLines }) {
        ExportOptions options;
        options.format = format;
        const QString text = QString::fromUtf8(exported(options));
        EXPECT_TRUE(leaks(text).isEmpty()) << leaks(text).toStdString();
        EXPECT_TRUE(text.contains(QLatin1String("12345678901234567890")));
        if (format == ExportOptions::Format::JsonLines) {
            const QStringList lines = text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
            ASSERT_EQ(lines.size(), 6);
            const QStringList requests = stored("request");
            for (int row = 0; row < 6; ++row) {
                QJsonParseError error;
                QJsonDocument::fromJson(lines[row].toUtf8(), &error);
                EXPECT_EQ(error.error, QJsonParseError::NoError) << lines[row].toStdString();
                // Exactly the stored text with the secrets hidden, nothing else changed.
                EXPECT_TRUE(lines[row].contains(
                    QStringLiteral(",\"request\":%1,").arg(masker.mask(requests[row]))))
                    << lines[row].toStdString();
            }
        }
    }
}

TEST_F(MaskingTest, ExportsWithoutMaskingHoldTheStoredTextExactly)
{
    ExportOptions options;
    options.format = ExportOptions::Format::JsonLines;
    options.maskSecrets = false;
    const QStringList lines
        = QString::fromUtf8(exported(options)).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 6);
    const QStringList requests = stored("request");
    const QStringList responses = stored("response");
    for (int row = 0; row < 6; ++row) {
        EXPECT_TRUE(lines[row].contains(QStringLiteral(",\"request\":%1,").arg(requests[row])));
        if (responses[row] != QLatin1String("<null>")) {
            EXPECT_TRUE(
                lines[row].contains(QStringLiteral(",\"response\":%1,").arg(responses[row])));
        }
    }
    options.format = ExportOptions::Format::Csv;
    const QString csv = QString::fromUtf8(exported(options));
    for (const QString &secret : allSecrets()) {
        if (secret != invalidPassword) { // only in the unit tests' text that is not JSON
            EXPECT_TRUE(csv.contains(secret)) << secret.toStdString();
        }
    }
}

TEST_F(MaskingTest, TheWindowsExportMasksUnlessTheUserAsksForTheSecrets)
{
    AuditWorker worker;
    WorkerAnswers answers(worker);
    ASSERT_FALSE(answers.wait(worker.connectTo(m_settings)));
    QTemporaryDir dir;
    for (const bool mask : { true, false }) {
        for (const auto format : { ExportOptions::Format::Csv, ExportOptions::Format::JsonLines }) {
            ExportOptions options;
            options.format = format;
            options.maskSecrets = mask;
            const QString path = dir.filePath(
                QStringLiteral("%1.%2").arg(mask).arg(ExportOptions::formatName(format)));
            const auto error = answers.wait(
                worker.exportToFile(AuditFilter(), SortOrder::NewestFirst, options, path));
            ASSERT_FALSE(error) << error->message.toStdString();
            QFile file(path);
            ASSERT_TRUE(file.open(QIODevice::ReadOnly));
            const QString text = QString::fromUtf8(file.readAll());
            if (mask) {
                EXPECT_TRUE(leaks(text).isEmpty()) << leaks(text).toStdString();
            } else {
                EXPECT_TRUE(text.contains(webhookSecret) && text.contains(tenant)
                    && text.contains(jwt) && text.contains(innocentSk));
            }
        }
    }
}

TEST_F(MaskingTest, CommandLineExportAndShowMaskUnlessNoMask)
{
    for (const char *format : { "csv", "jsonl" }) {
        const ViewerCliRun masked = cli({ QStringLiteral("export"), QStringLiteral("--output"),
            QStringLiteral("-"), QStringLiteral("--format"), QString::fromLatin1(format) });
        ASSERT_EQ(masked.exitCode, 0) << masked.err.toStdString();
        EXPECT_TRUE(masked.err.isEmpty()) << masked.err.toStdString();
        EXPECT_TRUE(leaks(masked.out).isEmpty())
            << format << ": " << leaks(masked.out).toStdString();
        EXPECT_TRUE(masked.out.contains(QStringLiteral("Bearer ••••")));

        const ViewerCliRun plain = cli({ QStringLiteral("export"), QStringLiteral("--output"),
            QStringLiteral("-"), QStringLiteral("--format"), QString::fromLatin1(format),
            QStringLiteral("--no-mask") });
        ASSERT_EQ(plain.exitCode, 0) << plain.err.toStdString();
        EXPECT_TRUE(plain.out.contains(webhookSecret) && plain.out.contains(bearerToken)
            && plain.out.contains(kLongSecret));
    }
    const ViewerCliRun jsonl
        = cli({ QStringLiteral("export"), QStringLiteral("--output"), QStringLiteral("-"),
            QStringLiteral("--format"), QStringLiteral("jsonl"), QStringLiteral("--no-mask") });
    const QStringList requests = stored("request");
    const QStringList lines = jsonl.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 6);
    for (int row = 0; row < 6; ++row) {
        EXPECT_TRUE(lines[row].contains(QStringLiteral(",\"request\":%1,").arg(requests[row])));
    }

    const QString webhookId = m_admin.scalar(
        QStringLiteral("SELECT id FROM masking.audit_log WHERE action = 'create_webhook'"));
    for (const char *format : { "text", "json" }) {
        const ViewerCliRun show = cli({ QStringLiteral("show"), webhookId,
            QStringLiteral("--format"), QString::fromLatin1(format) });
        ASSERT_EQ(show.exitCode, 0) << show.err.toStdString();
        EXPECT_TRUE(leaks(show.out).isEmpty()) << format << ": " << show.out.toStdString();
        EXPECT_TRUE(show.out.contains(QStringLiteral("\"Authorization\": \"Bearer ••••\"")));
        const ViewerCliRun plain = cli({ QStringLiteral("show"), webhookId,
            QStringLiteral("--format"), QString::fromLatin1(format), QStringLiteral("--no-mask") });
        ASSERT_EQ(plain.exitCode, 0) << plain.err.toStdString();
        EXPECT_TRUE(plain.out.contains(webhookSecret) && plain.out.contains(tenant)) << format;
    }
}

TEST_F(MaskingTest, CommandLineTakesTheRulesOfAGitleaksConfiguration)
{
    const QString rulesPath = m_config.filePath(QStringLiteral(".gitleaks.toml"));
    ASSERT_TRUE(
        GitleaksRules::write(rulesPath, R"toml(title = "Our webhook receivers are secret too"

[[rules]]
id = "webhook-receiver"
regex = '''(?i)\bhooks\.example\.com/\w+'''
keywords = ["example.com"]
)toml" + GitleaksRules::re2Only));
    const QStringList exportJsonl { QStringLiteral("export"), QStringLiteral("--output"),
        QStringLiteral("-"), QStringLiteral("--format"), QStringLiteral("jsonl"),
        QStringLiteral("--mask-rules"), rulesPath };
    const ViewerCliRun exported = cli(exportJsonl);
    ASSERT_EQ(exported.exitCode, 0) << exported.err.toStdString();
    EXPECT_FALSE(exported.out.contains(QLatin1String("hooks.example.com")))
        << exported.out.toStdString();
    EXPECT_TRUE(exported.out.contains(QStringLiteral("\"url\": \"••••\"")));
    // The viewer's key patterns still apply: gitleaks has none.
    EXPECT_FALSE(exported.out.contains(webhookSecret));
    EXPECT_TRUE(exported.out.contains(QLatin1String("who is alice")));
    const QStringList problems = exported.err.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    ASSERT_EQ(problems.size(), 1) << exported.err.toStdString();
    EXPECT_TRUE(problems[0].startsWith(QLatin1String(
        "audit-viewer: rule mail-password: the regular expression does not compile (")))
        << problems[0].toStdString();

    const QString webhookId = m_admin.scalar(
        QStringLiteral("SELECT id FROM masking.audit_log WHERE action = 'create_webhook'"));
    const ViewerCliRun show = cli({ QStringLiteral("show"), webhookId, QStringLiteral("--format"),
        QStringLiteral("json"), QStringLiteral("--mask-rules"), rulesPath });
    ASSERT_EQ(show.exitCode, 0) << show.err.toStdString();
    EXPECT_FALSE(show.out.contains(QLatin1String("hooks.example.com"))) << show.out.toStdString();

    // A file that is not TOML this reader reads is refused with its line.
    ASSERT_TRUE(GitleaksRules::write(rulesPath, "[[rules]]\nid = 'x'\nregex = \"\\d+\"\n"));
    const ViewerCliRun malformed = cli(exportJsonl);
    EXPECT_EQ(malformed.exitCode, 1);
    EXPECT_TRUE(malformed.err.startsWith(
        QStringLiteral("audit-viewer: Could not read the gitleaks configuration %1: line 3: ")
            .arg(rulesPath)))
        << malformed.err.toStdString();
}

TEST_F(MaskingTest, CommandLineTakesTheRulesFromAFileOrTheSettingsAndNamesBadOnes)
{
    const QString rulesPath = m_config.filePath(QStringLiteral("rules.txt"));
    QFile rules(rulesPath);
    ASSERT_TRUE(rules.open(QIODevice::WriteOnly));
    rules.write("# only the URL, and a broken pattern\nkey:url\nvalue:sk-[\nnonsense\n");
    rules.close();
    const QStringList exportJsonl { QStringLiteral("export"), QStringLiteral("--output"),
        QStringLiteral("-"), QStringLiteral("--format"), QStringLiteral("jsonl") };
    const ViewerCliRun fromFile
        = cli(exportJsonl + QStringList { QStringLiteral("--mask-rules"), rulesPath });
    ASSERT_EQ(fromFile.exitCode, 0) << fromFile.err.toStdString();
    EXPECT_TRUE(fromFile.out.contains(QStringLiteral("\"url\": \"••••\"")));
    // The file replaces the rules: the secret is not one of them now.
    EXPECT_TRUE(fromFile.out.contains(webhookSecret));
    const QStringList problems = fromFile.err.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    ASSERT_EQ(problems.size(), 2) << fromFile.err.toStdString();
    EXPECT_TRUE(
        problems[0].startsWith(QLatin1String("audit-viewer: line 4: \"nonsense\" is not a rule")))
        << problems[0].toStdString();
    EXPECT_TRUE(problems[1].contains(QLatin1String("\"sk-[\" is not a valid regular expression")))
        << problems[1].toStdString();

    const ViewerCliRun missing = cli(exportJsonl
        + QStringList {
            QStringLiteral("--mask-rules"), m_config.filePath(QStringLiteral("none")) });
    EXPECT_EQ(missing.exitCode, 1);
    EXPECT_TRUE(
        missing.err.startsWith(QLatin1String("audit-viewer: Could not read the masking rules")))
        << missing.err.toStdString();

    // The settings (group "masking") apply when no file is given.
    QDir(m_config.path()).mkpath(QStringLiteral("Hindsight"));
    QFile settings(m_config.filePath(QStringLiteral("Hindsight/audit-viewer.conf")));
    ASSERT_TRUE(settings.open(QIODevice::WriteOnly));
    settings.write("[masking]\nkeyPatterns=url\n");
    settings.close();
    const ViewerCliRun fromSettings = cli(exportJsonl);
    ASSERT_EQ(fromSettings.exitCode, 0) << fromSettings.err.toStdString();
    EXPECT_TRUE(fromSettings.out.contains(QStringLiteral("\"url\": \"••••\"")));
    // Only the key patterns were set: the default value patterns still hide the keys.
    EXPECT_FALSE(fromSettings.out.contains(webhookSecret));
    EXPECT_FALSE(fromSettings.out.contains(innocentSk));
    EXPECT_TRUE(fromSettings.out.contains(tenant));
    QFile::remove(settings.fileName());
}
