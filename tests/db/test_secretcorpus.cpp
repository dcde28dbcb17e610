#include "auditexporter.h"
#include "auditrepository.h"
#include "audittablemodel.h"
#include "databaseconnection.h"
#include "secretcorpus.h"
#include "testconnection.h"
#include "testdatabase.h"
#include "viewercli.h"

#include <QBuffer>
#include <QTemporaryDir>

#include <gtest/gtest.h>

// The scanners' secret families (SecretCorpus), one row each, through every surface that
// masks outside the window: the table's preview, both export formats, `show` and `export`.
// Each secret stays hidden, the rest of a URL around its credential stays readable, and
// the look-alikes (budgets, token counts, ids, hashes, prose) stay as stored.

namespace {

using namespace SecretCorpus;

const AuditTableRef kTable { QStringLiteral("corpus"), QStringLiteral("audit_log") };

// One way of writing JSON for the look-alike checks: PostgreSQL renders jsonb with ": ",
// the window compacts it to ":", CSV doubles every quote.
QString normalized(QString text)
{
    text.replace(QLatin1String("\"\""), QLatin1String("\""));
    text.replace(QLatin1String("\": "), QLatin1String("\":"));
    return text;
}

class SecretCorpusTest : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        QString error;
        ASSERT_TRUE(insertInto(
            kTable.schema, QStringLiteral("'2026-11-30 10:00:00+00'::timestamptz"), &error))
            << error.toStdString();
    }

    void SetUp() override
    {
        ConnectionSettings connection = testConnectionSettings(kTable);
        ASSERT_TRUE(m_connection.open(connection));
        ASSERT_TRUE(m_config.isValid());
    }

    QString exported(ExportOptions::Format format, bool mask)
    {
        ExportOptions options;
        options.format = format;
        options.maskSecrets = mask;
        options.maskingRules = MaskingRules::defaults();
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        const auto written = AuditExporter(m_connection.session(), kTable)
                                 .exportTo(AuditFilter(), SortOrder::NewestFirst, options, buffer);
        EXPECT_TRUE(written) << written.error().message.toStdString();
        return QString::fromUtf8(buffer.data());
    }

    ViewerCliRun cli(QStringList arguments)
    {
        arguments.insert(1, TestDatabase::conninfo());
        arguments.append({ QStringLiteral("--schema"), kTable.schema });
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_config.path());
        return runViewerCli(arguments, environment);
    }

    // Every look-alike present in `text`, and both URLs readable around their masks.
    static void expectReadable(const QString &text, const char *where)
    {
        const QString plain = normalized(text);
        for (const QString &lookAlike : lookAlikes()) {
            EXPECT_TRUE(plain.contains(normalized(lookAlike)))
                << where << ": \"" << lookAlike.toStdString() << "\" was hidden";
        }
        EXPECT_TRUE(plain.contains(webhookUrlMasked)) << where;
        EXPECT_TRUE(plain.contains(postgresUriMasked)) << where;
    }

    DatabaseConnection m_connection;
    QTemporaryDir m_config;
};

} // namespace

TEST_F(SecretCorpusTest, TheCorpusIsStoredWithEverySecretInIt)
{
    // Without masking every secret is there: the other tests can fail.
    for (const auto format : { ExportOptions::Format::Csv, ExportOptions::Format::JsonLines }) {
        const QString plain = exported(format, false);
        EXPECT_EQ(leaked(plain), secrets());
    }
}

TEST_F(SecretCorpusTest, ThePreviewHidesEverySecretOfTheCorpus)
{
    const auto page = AuditRepository(m_connection.session(), kTable).page(AuditFilter(), 50);
    ASSERT_TRUE(page) << page.error().message.toStdString();
    ASSERT_EQ(page->entries.size(), rows().size());
    MaskingRules::setActive(MaskingRules::defaults());
    AuditTableModel model;
    model.setEntries(page->entries);
    QString shown;
    for (int row = 0; row < model.rowCount(); ++row) {
        for (int role :
            { int(Qt::DisplayRole), int(AuditTableModel::RawTextRole), int(Qt::ToolTipRole) }) {
            const QString text
                = model.index(row, AuditTableModel::RequestColumn).data(role).toString();
            EXPECT_TRUE(leaked(text).isEmpty())
                << rows().at(row).family.toStdString() << ": " << text.toStdString();
            shown += text + QLatin1Char('\n');
        }
    }
    EXPECT_TRUE(normalized(shown).contains(webhookUrlMasked)) << shown.toStdString();
    EXPECT_TRUE(normalized(shown).contains(normalized(budget)));
    EXPECT_TRUE(shown.contains(documentId));
}

TEST_F(SecretCorpusTest, ExportsHideEverySecretAndKeepTheLookAlikes)
{
    for (const auto format : { ExportOptions::Format::Csv, ExportOptions::Format::JsonLines }) {
        const QString text = exported(format, true);
        const char *name = format == ExportOptions::Format::Csv ? "csv" : "jsonl";
        EXPECT_TRUE(leaked(text).isEmpty())
            << name << ": " << leaked(text).join(u' ').toStdString();
        expectReadable(text, name);
    }
}

TEST_F(SecretCorpusTest, ShowAndExportOnTheCommandLineHideEverySecret)
{
    const ViewerCliRun exportRun = cli({ QStringLiteral("export"), QStringLiteral("--output"),
        QStringLiteral("-"), QStringLiteral("--format"), QStringLiteral("jsonl") });
    ASSERT_EQ(exportRun.exitCode, 0) << exportRun.err.toStdString();
    EXPECT_TRUE(leaked(exportRun.out).isEmpty()) << leaked(exportRun.out).join(u' ').toStdString();
    expectReadable(exportRun.out, "export");

    TestDatabase db;
    QString shown;
    for (const QString &id :
        db.column(QStringLiteral("SELECT id FROM corpus.audit_log ORDER BY started_at DESC"))) {
        const ViewerCliRun show = cli(
            { QStringLiteral("show"), id, QStringLiteral("--format"), QStringLiteral("json") });
        ASSERT_EQ(show.exitCode, 0) << show.err.toStdString();
        EXPECT_TRUE(leaked(show.out).isEmpty()) << show.out.toStdString();
        shown += show.out;
    }
    expectReadable(shown, "show");
}
