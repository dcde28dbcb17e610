#include "auditexporter.h"
#include "databaseconnection.h"
#include "testconnection.h"
#include "testdatabase.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace {

// RFC 4180 reader, written for the test: fields may be quoted, quotes doubled, and quoted
// fields may hold commas, CR and LF. Returns rows of fields; an empty unquoted field is
// told apart from "" by `quoted`.
struct CsvField
{
    QByteArray value;
    bool quoted = false;
};

QList<QList<CsvField>> parseCsv(const QByteArray &data)
{
    QList<QList<CsvField>> rows;
    QList<CsvField> row;
    CsvField field;
    qsizetype i = 0;
    bool fieldStarted = false;
    while (i < data.size()) {
        const char c = data[i];
        if (!fieldStarted && c == '"') {
            field.quoted = true;
            fieldStarted = true;
            ++i;
            while (i < data.size()) {
                if (data[i] == '"') {
                    if (i + 1 < data.size() && data[i + 1] == '"') {
                        field.value.append('"');
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                field.value.append(data[i++]);
            }
            continue;
        }
        if (c == ',') {
            row.append(field);
            field = CsvField();
            fieldStarted = false;
            ++i;
        } else if (c == '\r' && i + 1 < data.size() && data[i + 1] == '\n') {
            row.append(field);
            rows.append(row);
            row.clear();
            field = CsvField();
            fieldStarted = false;
            i += 2;
        } else {
            field.value.append(c);
            fieldStarted = true;
            ++i;
        }
    }
    if (fieldStarted || !row.isEmpty()) {
        row.append(field);
        rows.append(row);
    }
    return rows;
}

class AuditExporterTest : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        // Hostile text in every text column, NULLs, big and odd JSON.
        ASSERT_NO_FATAL_FAILURE(createSeededAuditSchema(QStringLiteral("export"),
            QStringLiteral(
                "INSERT INTO export.audit_log (action, transport, bank_id, started_at, ended_at, "
                "request, response, metadata) VALUES "
                "('retain', 'http', 'plain', '2026-03-27 10:15:30.123456+00', '2026-03-27 "
                "10:15:30.135801+00', "
                "  '{\"big\": 12345678901234567890, \"dec\": "
                "0.1000000000000000055511151231257827}', "
                "'{\"ok\": true}', '{}'),"
                "('=SUM(A1)', '+mcp', '-bank', '2026-03-27 10:15:29+00', NULL, NULL, NULL, NULL),"
                "('@cmd', E'\\ttab', E'\\rcr', '2026-03-27 10:15:28+00', '2026-03-27 "
                "10:15:28.5+00', "
                "'\"=1+1\"', '-5', '[]'),"
                "('say \"hi\", then', E'two\\nlines', 'café-ü-日本 😀 \u202etxt', '2026-03-27 "
                "10:15:27+00', '2026-03-27 10:15:28+00', "
                "  '{\"text\": \"a,b \\\"quoted\\\"\\nnext\"}', '{\"s\": \"back\\\\\\\\slash\"}', "
                "'{\"k\": null}'),"
                "('big', 'http', NULL, '2026-03-27 10:15:26+00', '2026-03-27 10:15:27+00', "
                "  jsonb_build_object('blob', repeat('x', 1000000)), NULL, '{}');"
                "INSERT INTO export.audit_log (action, transport, bank_id, started_at, ended_at, "
                "response) "
                "SELECT 'recall', 'http', 'bulk', '2026-03-01 00:00:00+00'::timestamptz + g * "
                "interval "
                "'1 second', "
                "  '2026-03-01 00:00:00+00'::timestamptz + g * interval '1 second' + interval "
                "'0.25 "
                "s', '{}' "
                "FROM generate_series(1, 12000) g;")));
    }

    void SetUp() override { openTestConnection(m_connection, testConnectionSettings()); }

    AuditExporter exporter() const
    {
        return AuditExporter(m_connection.session(),
            AuditTableRef { QStringLiteral("export"), QStringLiteral("audit_log") });
    }

    // The database's own text of each exported column for the rows of `where`, in export order.
    QList<QStringList> databaseRows(const QString &where)
    {
        QList<QStringList> rows;
        const QStringList ids = m_admin.column(QStringLiteral(
            "SELECT id FROM export.audit_log WHERE %1 ORDER BY started_at DESC, id DESC")
                                                   .arg(where));
        for (const QString &id : ids) {
            QStringList row;
            for (const char *column : { "id::text", "action", "transport", "bank_id",
                     "request::text", "response::text", "metadata::text" }) {
                const QString isNull = m_admin.scalar(
                    QStringLiteral("SELECT %1 IS NULL FROM export.audit_log WHERE id = '%2'")
                        .arg(QLatin1String(column), id));
                row.append(isNull == QLatin1String("t")
                        ? QString()
                        : m_admin.scalar(
                            QStringLiteral("SELECT %1 FROM export.audit_log WHERE id = '%2'")
                                .arg(QLatin1String(column), id)));
            }
            rows.append(row);
        }
        return rows;
    }

    static QString guarded(const QString &value)
    {
        static const QString starts = QStringLiteral("=+-@\t\r");
        return !value.isEmpty() && starts.contains(value.front()) ? QLatin1Char('\'') + value
                                                                  : value;
    }

    TestDatabase m_admin;
    DatabaseConnection m_connection;
};

} // namespace

TEST_F(AuditExporterTest, CsvRoundTripsEveryFieldOfHostileRows)
{
    for (bool guard : { true, false }) {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        ExportOptions options;
        options.formulaGuard = guard;
        AuditFilter filter;
        filter.since = AuditTimestamp::parse(QStringLiteral("2026-03-27"), QTimeZone::utc());
        const auto written = exporter().exportTo(filter, SortOrder::NewestFirst, options, buffer);
        ASSERT_TRUE(written) << written.error().message.toStdString();
        EXPECT_EQ(*written, 5);
        const auto csv = parseCsv(buffer.data());
        ASSERT_EQ(csv.size(), 6);
        ASSERT_EQ(csv[0].size(), 11);
        EXPECT_EQ(csv[0][0].value.toStdString(), "id");
        EXPECT_EQ(csv[0][1].value.toStdString(), "schema");
        const QList<QStringList> expected
            = databaseRows(QStringLiteral("started_at >= '2026-03-27'"));
        for (int r = 0; r < 5; ++r) {
            const QList<CsvField> &fields = csv[r + 1];
            ASSERT_EQ(fields.size(), 11) << "row " << r;
            EXPECT_EQ(fields[1].value.toStdString(), "export") << "row " << r;
            const QStringList &db = expected[r];
            const int textColumns[] = { 0, 2, 3, 4, 8, 9, 10 };
            for (int i = 0; i < 7; ++i) {
                const QString value = QString::fromUtf8(fields[textColumns[i]].value);
                const QString want = db[i].isNull() ? QString() : (guard ? guarded(db[i]) : db[i]);
                EXPECT_EQ(value.toStdString(), want.toStdString())
                    << "row " << r << " column " << textColumns[i];
                if (db[i].isNull()) {
                    EXPECT_FALSE(fields[textColumns[i]].quoted); // NULL is an empty, unquoted field
                }
            }
        }
        // Times with microseconds, durations in milliseconds, NULL end while running.
        EXPECT_EQ(csv[1][5].value.toStdString(), "2026-03-27T10:15:30.123456Z");
        EXPECT_EQ(csv[1][7].value.toStdString(), "12.345");
        EXPECT_TRUE(csv[2][6].value.isEmpty());
        EXPECT_TRUE(csv[2][7].value.isEmpty());
    }
}

TEST_F(AuditExporterTest, JsonLinesParseBackWithNumbersUnchanged)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    ExportOptions options;
    options.format = ExportOptions::Format::JsonLines;
    AuditFilter filter;
    filter.since = AuditTimestamp::parse(QStringLiteral("2026-03-27"), QTimeZone::utc());
    ASSERT_TRUE(exporter().exportTo(filter, SortOrder::NewestFirst, options, buffer));
    const QList<QByteArray> lines = buffer.data().split('\n');
    ASSERT_EQ(lines.size(), 6); // five rows and the final newline
    const QList<QStringList> expected = databaseRows(QStringLiteral("started_at >= '2026-03-27'"));
    for (int r = 0; r < 5; ++r) {
        QJsonParseError error;
        const QJsonObject object = QJsonDocument::fromJson(lines[r], &error).object();
        ASSERT_EQ(error.error, QJsonParseError::NoError) << lines[r].left(200).toStdString();
        EXPECT_EQ(object.value(QLatin1String("id")).toString(), expected[r][0]);
        EXPECT_EQ(object.value(QLatin1String("action")).toString(), expected[r][1]);
        EXPECT_EQ(object.value(QLatin1String("transport")).toString(), expected[r][2]);
        EXPECT_EQ(object.value(QLatin1String("bank_id")).toString(), expected[r][3]);
        EXPECT_EQ(object.value(QLatin1String("bank_id")).isNull(), expected[r][3].isNull());
        // The documents are embedded exactly as PostgreSQL renders them.
        for (int i = 4; i < 7; ++i) {
            if (!expected[r][i].isNull()) {
                EXPECT_TRUE(lines[r].contains(expected[r][i].toUtf8())) << "row " << r;
            }
        }
    }
    EXPECT_TRUE(lines[0].contains("12345678901234567890"));
    EXPECT_TRUE(lines[0].contains("0.1000000000000000055511151231257827"));
}

TEST_F(AuditExporterTest, ExportsEveryMatchingRowInTheTablesOrder)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    ExportOptions options;
    options.includeJson = false;
    AuditFilter filter;
    filter.bank = QStringLiteral("bulk");
    qint64 lastProgress = 0;
    const auto written = exporter().exportTo(
        filter, SortOrder::OldestFirst, options, buffer, [&](qint64 rows) { lastProgress = rows; });
    ASSERT_TRUE(written);
    EXPECT_EQ(*written, 12000);
    EXPECT_EQ(lastProgress, 12000);
    const auto csv = parseCsv(buffer.data());
    ASSERT_EQ(csv.size(), 12001);
    EXPECT_EQ(csv[0].size(), 8);
    const QStringList ids = m_admin.column(QStringLiteral(
        "SELECT id FROM export.audit_log WHERE bank_id = 'bulk' ORDER BY started_at, id"));
    for (int i = 0; i < 12000; ++i) {
        ASSERT_EQ(QString::fromUtf8(csv[i + 1][0].value), ids[i]) << "row " << i;
    }
}

TEST_F(AuditExporterTest, CancelMidwayLeavesNoFileAndKeepsAnOldOne)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("audit.csv"));
    AuditExporter cancelling = exporter();
    AuditFilter filter;
    filter.bank = QStringLiteral("bulk");
    const auto cancelled = cancelling.exportToFile(filter, SortOrder::NewestFirst, ExportOptions(),
        path, [&](qint64) { cancelling.cancel(); });
    ASSERT_FALSE(cancelled);
    EXPECT_EQ(cancelled.error().kind, QueryError::Kind::Cancelled);
    EXPECT_FALSE(QFile::exists(path));
    EXPECT_EQ(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 0)
        << "a temporary file was left behind";

    QFile old(path);
    ASSERT_TRUE(old.open(QIODevice::WriteOnly));
    old.write("previous export\n");
    old.close();
    AuditExporter again = exporter();
    ASSERT_FALSE(again.exportToFile(
        filter, SortOrder::NewestFirst, ExportOptions(), path, [&](qint64) { again.cancel(); }));
    ASSERT_TRUE(old.open(QIODevice::ReadOnly));
    EXPECT_EQ(old.readAll().toStdString(), "previous export\n");
    // And the connection is still usable.
    EXPECT_TRUE(exporter().exportToFile(filter, SortOrder::NewestFirst, ExportOptions(), path));
}

TEST_F(AuditExporterTest, ExportedFilesAreReadableByTheirOwnerOnly)
{
    QTemporaryDir dir;
    AuditFilter filter;
    filter.bank = QStringLiteral("bulk");
    ExportOptions options;
    options.includeJson = false;
    const QString fresh = dir.filePath(QStringLiteral("fresh.csv"));
    ASSERT_TRUE(exporter().exportToFile(filter, SortOrder::NewestFirst, options, fresh));
    const auto ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    // ReadUser/WriteUser mirror the owner bits for the owner; compare the owner, group and
    // other bits only.
    const auto bits = [](const QString &path) {
        return QFileInfo(path).permissions()
            & (QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                | QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup
                | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther);
    };
    EXPECT_EQ(bits(fresh), ownerOnly);

    // Replacing a file that others could read makes it private too.
    const QString shared = dir.filePath(QStringLiteral("shared.csv"));
    QFile old(shared);
    ASSERT_TRUE(old.open(QIODevice::WriteOnly));
    old.close();
    ASSERT_TRUE(old.setPermissions(ownerOnly | QFileDevice::ReadGroup | QFileDevice::ReadOther));
    ASSERT_TRUE(exporter().exportToFile(filter, SortOrder::NewestFirst, options, shared));
    EXPECT_EQ(bits(shared), ownerOnly);
}

TEST_F(AuditExporterTest, AFullDiskFailsWithOneClearSentence)
{
    if (!QFile::exists(QStringLiteral("/dev/full"))) {
        GTEST_SKIP() << "no /dev/full on this system";
    }
    const auto written = exporter().exportToFile(
        AuditFilter(), SortOrder::NewestFirst, ExportOptions(), QStringLiteral("/dev/full"));
    ASSERT_FALSE(written);
    EXPECT_NE(written.error().message.indexOf(QLatin1String("No space left on device")), -1)
        << written.error().message.toStdString();
    const auto missing = exporter().exportToFile(AuditFilter(), SortOrder::NewestFirst,
        ExportOptions(), QStringLiteral("/nonexistent/dir/x.csv"));
    ASSERT_FALSE(missing);
    EXPECT_TRUE(missing.error().message.startsWith(
        QLatin1String("Could not write /nonexistent/dir/x.csv")));
}
