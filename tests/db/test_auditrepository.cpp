#include "auditquery.h"
#include "auditrepository.h"
#include "databaseconnection.h"
#include "testconnection.h"

#include <QSet>

#include <gtest/gtest.h>

namespace {

// Each test gets its own schema holding a fresh Hindsight audit_log.
class AuditRepositoryTest : public FreshAuditSchemaTest
{
protected:
    AuditRepositoryTest()
        : FreshAuditSchemaTest(QStringLiteral("repo"))
    {
    }

    QList<AuditEntry> allPages(
        const AuditFilter &filter, int pageSize, SortOrder order = SortOrder::NewestFirst)
    {
        QList<AuditEntry> entries;
        std::optional<PageCursor> after;
        for (int guard = 0; guard < 10000; ++guard) {
            const auto page = repository().page(filter, pageSize, after, order);
            EXPECT_TRUE(page) << page.error().message.toStdString();
            if (!page) {
                break;
            }
            entries += page->entries;
            if (!page->hasMore) {
                break;
            }
            EXPECT_EQ(page->entries.size(), pageSize);
            after = PageCursor { page->entries.last().startedAt, page->entries.last().id };
        }
        return entries;
    }
};

} // namespace

TEST_F(AuditRepositoryTest, EmptyTableListsNothing)
{
    const auto page = repository().page(AuditFilter(), 50);
    ASSERT_TRUE(page);
    EXPECT_TRUE(page->entries.isEmpty());
    EXPECT_FALSE(page->hasMore);
    EXPECT_EQ(*repository().exactCount(AuditFilter()), 0);
}

TEST_F(AuditRepositoryTest, ListsNewestFirst)
{
    insert(QStringLiteral("('retain','http','b','2026-03-01 10:00:00+00',NULL,NULL,NULL),"
                          "('recall','http','b','2026-03-03 10:00:00+00',NULL,NULL,NULL),"
                          "('reflect','mcp','b','2026-03-02 10:00:00+00',NULL,NULL,NULL)"));
    const auto page = repository().page(AuditFilter(), 50);
    ASSERT_TRUE(page);
    ASSERT_EQ(page->entries.size(), 3);
    EXPECT_EQ(page->entries[0].action.toStdString(), "recall");
    EXPECT_EQ(page->entries[1].action.toStdString(), "reflect");
    EXPECT_EQ(page->entries[2].action.toStdString(), "retain");
    const auto oldest = repository().page(AuditFilter(), 1, std::nullopt, SortOrder::OldestFirst);
    EXPECT_EQ(oldest->entries[0].action.toStdString(), "retain");
    EXPECT_TRUE(oldest->hasMore);
}

TEST_F(AuditRepositoryTest, FiltersByActionTransportAndDateRange)
{
    insert(QStringLiteral("('retain','http','b','2026-03-01 10:00:00+00',NULL,NULL,NULL),"
                          "('retain','mcp','b','2026-03-02 10:00:00+00',NULL,NULL,NULL),"
                          "('recall','mcp','b','2026-03-03 10:00:00+00',NULL,NULL,NULL),"
                          "('reflect','system','b','2026-03-04 10:00:00+00',NULL,NULL,NULL)"));
    AuditFilter byAction;
    byAction.actions = { QStringLiteral("retain") };
    EXPECT_EQ(repository().page(byAction, 50)->entries.size(), 2);
    byAction.actions.append(QStringLiteral("reflect"));
    EXPECT_EQ(repository().page(byAction, 50)->entries.size(), 3);

    AuditFilter byTransport;
    byTransport.transport = QStringLiteral("mcp");
    EXPECT_EQ(repository().page(byTransport, 50)->entries.size(), 2);

    AuditFilter byDate;
    byDate.since = AuditTimestamp::parse(QStringLiteral("2026-03-02T10:00:00Z"), QTimeZone::utc());
    byDate.until = AuditTimestamp::parse(QStringLiteral("2026-03-04T10:00:00Z"), QTimeZone::utc());
    const auto page = repository().page(byDate, 50);
    ASSERT_EQ(page->entries.size(), 2); // since inclusive, until exclusive
    EXPECT_EQ(page->entries[0].action.toStdString(), "recall");
    EXPECT_EQ(page->entries[1].transport.toStdString(), "mcp");
    EXPECT_EQ(*repository().exactCount(byDate), 2);
}

TEST_F(AuditRepositoryTest, PagesThroughIdenticalTimestampsWithoutGapOrRepeat)
{
    ASSERT_TRUE(m_admin.exec(QStringLiteral(
        "INSERT INTO \"%1\".audit_log (action, transport, started_at) "
        "SELECT 'retain', 'http', '2026-03-27 10:15:30.123456+00' FROM generate_series(1, 300)")
                                 .arg(m_schema)));
    for (SortOrder order : { SortOrder::NewestFirst, SortOrder::OldestFirst }) {
        const QList<AuditEntry> entries = allPages(AuditFilter(), 37, order);
        ASSERT_EQ(entries.size(), 300);
        QSet<QString> ids;
        for (const AuditEntry &entry : entries) {
            ids.insert(entry.id);
            EXPECT_EQ(entry.startedAt.toIsoUtc().toStdString(), "2026-03-27T10:15:30.123456Z");
        }
        EXPECT_EQ(ids.size(), 300);
    }
}

TEST_F(AuditRepositoryTest, PagingMatchesOneBigQueryAcrossMixedTimestamps)
{
    ASSERT_TRUE(m_admin.exec(
        QStringLiteral("INSERT INTO \"%1\".audit_log (action, transport, started_at) "
                       "SELECT 'retain', 'http', '2026-03-27 10:00:00+00'::timestamptz + (g % 17) "
                       "* interval '1 microsecond' "
                       "FROM generate_series(1, 500) g")
            .arg(m_schema)));
    const QList<AuditEntry> paged = allPages(AuditFilter(), 23);
    const auto whole = repository().page(AuditFilter(), 1000);
    ASSERT_EQ(paged.size(), whole->entries.size());
    for (int i = 0; i < paged.size(); ++i) {
        ASSERT_EQ(paged[i].id, whole->entries[i].id) << "row " << i;
    }
}

TEST_F(AuditRepositoryTest, KeepsMicrosecondsAndNulls)
{
    insert(QStringLiteral(
        "('retain','http',NULL,'2026-03-27 10:15:30.000001+00','2026-03-27 "
        "10:15:30.012346+00',NULL,NULL),"
        "('recall','http','b','2026-03-27 10:15:29.999999+00',NULL,'{\"q\":1}',NULL)"));
    const auto page = repository().page(AuditFilter(), 50);
    ASSERT_EQ(page->entries.size(), 2);
    const AuditEntry &failed = page->entries[0];
    EXPECT_EQ(failed.startedAt.toIsoUtc().toStdString(), "2026-03-27T10:15:30.000001Z");
    EXPECT_EQ(failed.endedAt->toIsoUtc().toStdString(), "2026-03-27T10:15:30.012346Z");
    EXPECT_EQ(failed.durationMsText().toStdString(), "12.345");
    EXPECT_FALSE(failed.bankId);
    EXPECT_EQ(failed.status(), AuditEntry::Status::Failed);
    const AuditEntry &running = page->entries[1];
    EXPECT_EQ(running.startedAt.toIsoUtc().toStdString(), "2026-03-27T10:15:29.999999Z");
    EXPECT_FALSE(running.endedAt);
    EXPECT_EQ(running.status(), AuditEntry::Status::Running);

    AuditFilter failedOnly;
    failedOnly.failedOnly = true;
    const auto failures = repository().page(failedOnly, 50);
    ASSERT_EQ(failures->entries.size(), 1); // a running call has not failed
    EXPECT_EQ(failures->entries[0].id, failed.id);
}

TEST_F(AuditRepositoryTest, BankIdsWithLikeWildcardsQuotesAndUnicodeMatchOnlyThemselves)
{
    const QStringList banks { QStringLiteral("100%"), QStringLiteral("1000"), QStringLiteral("a_b"),
        QStringLiteral("axb"), QStringLiteral("back\\slash"), QStringLiteral("back\\\\slash"),
        QStringLiteral("o'brien"), QStringLiteral("say \"hi\""), QStringLiteral("café-ü-日本"),
        QStringLiteral("cafe-u-日本"), QStringLiteral("emoji 😀 \u202etxt") };
    for (const QString &bank : banks) {
        QString literal = bank;
        literal.replace(QLatin1Char('\''), QLatin1String("''"));
        insert(QStringLiteral("('retain','http','%1',now(),now(),NULL,'{}')").arg(literal));
    }
    for (const QString &bank : banks) {
        AuditFilter filter;
        filter.bank = bank;
        const auto page = repository().page(filter, 50);
        ASSERT_TRUE(page) << page.error().message.toStdString();
        ASSERT_EQ(page->entries.size(), 1) << bank.toStdString();
        EXPECT_EQ(page->entries[0].bankId->toStdString(), bank.toStdString());
    }
    const auto distinct = repository().distinctBanks();
    ASSERT_TRUE(distinct);
    EXPECT_EQ(QSet<QString>(distinct->begin(), distinct->end()),
        QSet<QString>(banks.begin(), banks.end()));
}

TEST_F(AuditRepositoryTest, SearchMatchesTextLiterally)
{
    insert(
        QStringLiteral("('retain','http','b',now(),now(),'{\"content\":\"50% off_now\"}','{}'),"
                       "('retain','http','b',now(),now(),'{\"content\":\"500 offXnow\"}','{}'),"
                       "('recall','http','b',now(),now(),'{}','{\"text\":\"path C:\\\\temp\"}'),"
                       "('recall','http','b',now(),now(),'{}','{\"text\":\"Needle in caps\"}')"));
    auto count = [&](const QString &text) {
        AuditFilter filter;
        filter.search = text;
        const auto page = repository().page(filter, 50);
        EXPECT_TRUE(page) << page.error().message.toStdString();
        return page ? page->entries.size() : -1;
    };
    EXPECT_EQ(count(QStringLiteral("50% off_now")), 1);
    EXPECT_EQ(count(QStringLiteral("%")), 1);
    EXPECT_EQ(count(QStringLiteral("_")), 1);
    EXPECT_EQ(count(QStringLiteral("C:\\\\temp")), 1); // jsonb text shows the escaped backslash
    EXPECT_EQ(count(QStringLiteral("needle")), 1); // case-insensitive
    EXPECT_EQ(count(QStringLiteral("absent")), 0);
}

TEST_F(AuditRepositoryTest, EntryReturnsDocumentsExactlyAsStored)
{
    insert(
        QStringLiteral("('retain','http','b','2026-03-27 10:15:30.5+00','2026-03-27 10:15:31+00',"
                       "'{\"big\": 12345678901234567890, \"dec\": "
                       "0.1000000000000000055511151231257827, \"s\": \"\\u00e9\\n\"}',"
                       "'{\"ok\": true}')"));
    const QString id
        = m_admin.scalar(QStringLiteral("SELECT id FROM \"%1\".audit_log").arg(m_schema));
    const auto entry = repository().entry(id);
    ASSERT_TRUE(entry) << entry.error().message.toStdString();
    EXPECT_EQ(entry->entry.id, id);
    ASSERT_TRUE(entry->request);
    EXPECT_TRUE(entry->request->contains(QLatin1String("12345678901234567890")));
    EXPECT_TRUE(entry->request->contains(QLatin1String("0.1000000000000000055511151231257827")));
    EXPECT_EQ(entry->request->toStdString(),
        m_admin.scalar(QStringLiteral("SELECT request::text FROM \"%1\".audit_log").arg(m_schema))
            .toStdString());
    EXPECT_EQ(entry->metadata->toStdString(), "{}");

    const auto missing = repository().entry(QStringLiteral("00000000-0000-0000-0000-000000000000"));
    ASSERT_FALSE(missing);
    EXPECT_TRUE(missing.error().message.contains(QLatin1String("No audit entry")));
    const auto invalid = repository().entry(QStringLiteral("x'; DROP TABLE audit_log; --"));
    ASSERT_FALSE(invalid);
    EXPECT_EQ(invalid.error().kind, QueryError::Kind::Usage);
}

TEST_F(AuditRepositoryTest, CountsExactlyAndEstimates)
{
    ASSERT_TRUE(
        m_admin.exec(QStringLiteral("INSERT INTO \"%1\".audit_log (action, transport, started_at) "
                                    "SELECT CASE WHEN g % 4 = 0 THEN 'recall' ELSE 'retain' END, "
                                    "'http', now() - g * interval '1 second' "
                                    "FROM generate_series(1, 4000) g; ANALYZE \"%1\".audit_log;")
                         .arg(m_schema)));
    AuditFilter recall;
    recall.actions = { QStringLiteral("recall") };
    EXPECT_EQ(*repository().exactCount(AuditFilter()), 4000);
    EXPECT_EQ(*repository().exactCount(recall), 1000);
    const auto estimate = repository().estimatedCount(AuditFilter());
    ASSERT_TRUE(estimate) << estimate.error().message.toStdString();
    EXPECT_NEAR(*estimate, 4000, 400);
    const auto recallEstimate = repository().estimatedCount(recall);
    ASSERT_TRUE(recallEstimate);
    EXPECT_NEAR(*recallEstimate, 1000, 300);
}

TEST_F(AuditRepositoryTest, DistinctActionsAndTransports)
{
    insert(QStringLiteral(
        "('retain','http','b',now(),NULL,NULL,NULL),('recall','mcp','b',now(),NULL,NULL,NULL),"
        "('retain','grpc','b',now(),NULL,NULL,NULL),('consolidation','system',NULL,now(),NULL,NULL,"
        "NULL)"));
    EXPECT_EQ(repository().distinctActions()->join(QLatin1Char(',')).toStdString(),
        "consolidation,recall,retain");
    EXPECT_EQ(repository().distinctTransports()->join(QLatin1Char(',')).toStdString(),
        "http,mcp,system,grpc");
    const auto banks = repository().distinctBanks();
    EXPECT_EQ(banks->join(QLatin1Char(',')).toStdString(), "b");
}

TEST_F(AuditRepositoryTest, MissingTableIsOneClearSentence)
{
    const AuditRepository missing(
        m_connection.session(), AuditTableRef { m_schema, QStringLiteral("no_such_table") });
    const auto checked = missing.checkTable();
    ASSERT_FALSE(checked);
    EXPECT_EQ(checked.error().kind, QueryError::Kind::Schema);
    EXPECT_TRUE(checked.error().message.contains(QLatin1String("does not exist")))
        << checked.error().message.toStdString();
}

TEST_F(AuditRepositoryTest, TableWithoutHindsightColumnsNamesWhatIsMissing)
{
    ASSERT_TRUE(m_admin.exec(
        QStringLiteral("CREATE TABLE \"%1\".notes (id uuid, action text, started_at text)")
            .arg(m_schema)));
    const AuditRepository notes(
        m_connection.session(), AuditTableRef { m_schema, QStringLiteral("notes") });
    const auto checked = notes.checkTable();
    ASSERT_FALSE(checked);
    const std::string message = checked.error().message.toStdString();
    EXPECT_NE(message.find("not Hindsight's audit table"), std::string::npos) << message;
    EXPECT_NE(message.find("transport"), std::string::npos) << message;
    EXPECT_NE(message.find("started_at is text"), std::string::npos) << message;
    EXPECT_TRUE(repository().checkTable());
}

TEST_F(AuditRepositoryTest, ConnectionIsReadOnly)
{
    const auto result = m_connection.session().exec(
        QStringLiteral("INSERT INTO \"%1\".audit_log (action, transport) VALUES ('x', 'y')")
            .arg(m_schema));
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().sqlState.toStdString(), "25006"); // read_only_sql_transaction
    EXPECT_EQ(m_admin.scalar(QStringLiteral("SELECT count(*) FROM \"%1\".audit_log").arg(m_schema))
                  .toStdString(),
        "0");
}

TEST_F(AuditRepositoryTest, RoleWithoutSelectPrivilegeIsTold)
{
    ASSERT_TRUE(m_admin.exec(QStringLiteral(
        "DROP ROLE IF EXISTS audit_nogrant; CREATE ROLE audit_nogrant LOGIN PASSWORD 'nogrant-pw';"
        "GRANT USAGE ON SCHEMA \"%1\" TO audit_nogrant;")
                                 .arg(m_schema)));
    ConnectionSettings settings = m_settings;
    settings.setValue(QStringLiteral("user"), QStringLiteral("audit_nogrant"));
    settings.setPassword(QStringLiteral("nogrant-pw"));
    DatabaseConnection connection;
    openTestConnection(connection, settings);
    const auto checked = AuditRepository(connection.session(), table()).checkTable();
    ASSERT_FALSE(checked);
    EXPECT_NE(checked.error().message.indexOf(QLatin1String("SELECT privilege")), -1)
        << checked.error().message.toStdString();
    connection.close();
    m_admin.exec(QStringLiteral("DROP OWNED BY audit_nogrant; DROP ROLE audit_nogrant;"));
}

TEST_F(AuditRepositoryTest, WrongPasswordIsOneSentenceWithoutThePassword)
{
    ASSERT_TRUE(m_admin.exec(QStringLiteral(
        "DROP ROLE IF EXISTS audit_reader; CREATE ROLE audit_reader LOGIN PASSWORD 'right-pw';")));
    ConnectionSettings settings = m_settings;
    settings.setValue(QStringLiteral("user"), QStringLiteral("audit_reader"));
    settings.setPassword(QStringLiteral("wrong-pw-123"));
    DatabaseConnection connection;
    const auto opened = connection.open(settings);
    ASSERT_FALSE(opened);
    const std::string message = opened.error().message.toStdString();
    EXPECT_NE(message.find("password authentication failed"), std::string::npos) << message;
    EXPECT_EQ(message.find("wrong-pw-123"), std::string::npos);
    EXPECT_EQ(message.find('\n'), std::string::npos);
    m_admin.exec(QStringLiteral("DROP ROLE audit_reader;"));
}

TEST_F(AuditRepositoryTest, UnreachableServerFailsWithinTheConnectTimeout)
{
    ConnectionSettings settings = m_settings;
    settings.setValue(QStringLiteral("host"), QStringLiteral("127.0.0.1"));
    settings.setValue(QStringLiteral("port"), QStringLiteral("1"));
    DatabaseConnection connection;
    const auto opened = connection.open(settings);
    ASSERT_FALSE(opened);
    EXPECT_EQ(opened.error().kind, QueryError::Kind::Connection);
    EXPECT_TRUE(opened.error().message.startsWith(QLatin1String("Could not connect:")))
        << opened.error().message.toStdString();
}

// The keyset seek compares (started_at, id) as timestamp and uuid, so the page and export
// statements must order by that uuid, not by the id text they select.
TEST_F(AuditRepositoryTest, PagesAndExportsOrderByTheUuidTheKeysetSeekCompares)
{
    insert(QStringLiteral("('recall', 'http', 'b', now(), now(), '{}', '{}')"));
    const PageCursor after { AuditTimestamp::fromUsecsSinceEpoch(1774606530123456),
        QStringLiteral("0b4c7d3e-5a61-4f0e-9c2a-7e1d2f3a4b5c") };
    const std::vector<SqlStatement> statements {
        AuditQuery::page(table(), AuditFilter(), 51, after, SortOrder::NewestFirst),
        AuditQuery::page(table(), AuditFilter(), 51, std::nullopt, SortOrder::LongestFirst),
        AuditQuery::exportRows(table(), AuditFilter(), SortOrder::OldestFirst, true),
    };
    for (const SqlStatement &statement : statements) {
        QStringList values;
        for (const std::optional<QByteArray> &param : statement.params) {
            values.append(QStringLiteral("'%1'").arg(QString::fromUtf8(param.value_or("NULL"))));
        }
        ASSERT_TRUE(
            m_admin.exec(QStringLiteral("DEALLOCATE ALL; PREPARE ordered AS ") + statement.sql))
            << m_admin.error().toStdString();
        const QStringList plan = m_admin.column(
            QStringLiteral("EXPLAIN (VERBOSE, COSTS OFF) EXECUTE ordered%1")
                .arg(values.isEmpty() ? QString() : QStringLiteral("(%1)").arg(values.join(u','))));
        const QStringList sortKeys = plan.filter(QStringLiteral("Sort Key:"));
        ASSERT_FALSE(sortKeys.isEmpty()) << plan.join(u'\n').toStdString();
        for (const QString &key : sortKeys) {
            EXPECT_TRUE(key.contains(QLatin1String("audit_log.id"))
                && !key.contains(QLatin1String("::text")))
                << key.toStdString();
        }
    }
}

TEST_F(AuditRepositoryTest, SizeIsTheStoredSizeOfRequestAndResponseWithNullsAsZero)
{
    // Small inline documents, NULLs, a compressible megabyte and an incompressible one
    // (random hex, stored out of line): what pg_column_size says, with or without TOAST.
    insert(QStringLiteral(
        "('a','http',NULL,'2026-03-27 10:00:01+00',NULL,'{\"q\": 1}',NULL),"
        "('b','http',NULL,'2026-03-27 10:00:02+00','2026-03-27 10:00:03+00',NULL,NULL),"
        "('c','http',NULL,'2026-03-27 10:00:04+00','2026-03-27 10:00:05+00',NULL,'[1, 2]'),"
        "('d','mcp',NULL,'2026-03-27 10:00:06+00','2026-03-27 10:00:07+00',"
        " jsonb_build_object('text', repeat('abc', 400000)), '{\"ok\": true}'),"
        "('e','mcp',NULL,'2026-03-27 10:00:08+00','2026-03-27 10:00:09+00',"
        " (SELECT jsonb_agg(md5(i::text)) FROM generate_series(1, 20000) i),"
        " (SELECT jsonb_agg(md5((-i)::text)) FROM generate_series(1, 20000) i))"));
    const auto page = repository().page(AuditFilter(), 10);
    ASSERT_TRUE(page) << page.error().message.toStdString();
    const QStringList expected = m_admin.column(
        QStringLiteral("SELECT COALESCE(pg_column_size(request), 0) + "
                       "COALESCE(pg_column_size(response), 0) FROM \"%1\".audit_log "
                       "ORDER BY started_at DESC")
            .arg(m_schema));
    ASSERT_EQ(page->entries.size(), 5);
    ASSERT_EQ(expected.size(), 5);
    for (int row = 0; row < 5; ++row) {
        EXPECT_EQ(page->entries.at(row).storedBytes, expected.at(row).toLongLong())
            << page->entries.at(row).action.toStdString();
    }
    EXPECT_EQ(page->entries.at(3).storedBytes, 0); // b: both NULL
    EXPECT_GT(page->entries.at(0).storedBytes, 500'000); // e: two documents out of line
    // The entry window reads the same columns, then the documents.
    const auto entry = repository().entry(page->entries.at(0).id);
    ASSERT_TRUE(entry) << entry.error().message.toStdString();
    EXPECT_EQ(entry->entry.storedBytes, page->entries.at(0).storedBytes);
    EXPECT_TRUE(entry->response && entry->response->startsWith(QLatin1Char('[')));
    EXPECT_EQ(entry->metadata->toStdString(), "{}");
}
