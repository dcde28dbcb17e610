#include "entryformat.h"

#include <gtest/gtest.h>

namespace {

AuditEntry sampleEntry()
{
    AuditEntry e;
    e.id = QStringLiteral("0b5f3c9e-8d1a-4c4e-9a53-0c6f0e6b9a10");
    e.schema = QStringLiteral("tenant_a");
    e.action = QStringLiteral("retain");
    e.transport = QStringLiteral("http");
    e.bankId = QStringLiteral("bank \"q\"");
    e.startedAt = AuditTimestamp::fromUsecsSinceEpoch(1774606530123456LL);
    e.endedAt = AuditTimestamp::fromUsecsSinceEpoch(1774606530135801LL);
    e.hasResponse = true;
    return e;
}

} // namespace

TEST(EntryFormat, JsonLineHasTheListFieldsWithMicroseconds)
{
    EXPECT_EQ(EntryFormat::jsonLine(sampleEntry()).toStdString(),
        R"({"id":"0b5f3c9e-8d1a-4c4e-9a53-0c6f0e6b9a10","schema":"tenant_a","action":"retain",)"
        R"("transport":"http",)"
        R"("bank_id":"bank \"q\"","started_at":"2026-03-27T10:15:30.123456Z",)"
        R"("ended_at":"2026-03-27T10:15:30.135801Z","duration_ms":12.345})");
}

TEST(EntryFormat, RunningEntryHasNullEndAndDuration)
{
    AuditEntry e = sampleEntry();
    e.endedAt.reset();
    e.bankId.reset();
    const std::string line = EntryFormat::jsonLine(e).toStdString();
    EXPECT_NE(line.find(R"("bank_id":null)"), std::string::npos);
    EXPECT_NE(line.find(R"("ended_at":null,"duration_ms":null)"), std::string::npos);
    EXPECT_EQ(e.status(), AuditEntry::Status::Running);
}

TEST(EntryFormat, JsonStringEscapesControlCharactersAndKeepsUnicode)
{
    EXPECT_EQ(EntryFormat::jsonString(QStringLiteral("a\"b\\c\n\x01 café 😀 \u202e")).toStdString(),
        "\"a\\\"b\\\\c\\n\\u0001 café 😀 \u202e\"");
}

TEST(EntryFormat, CsvQuotesOnlyWhenNeeded)
{
    EXPECT_EQ(EntryFormat::csvField(u"plain", false).toStdString(), "plain");
    EXPECT_EQ(EntryFormat::csvField(u"a,b", false).toStdString(), "\"a,b\"");
    EXPECT_EQ(EntryFormat::csvField(u"say \"hi\"", false).toStdString(), "\"say \"\"hi\"\"\"");
    EXPECT_EQ(EntryFormat::csvField(u"two\nlines", false).toStdString(), "\"two\nlines\"");
}

TEST(EntryFormat, FormulaGuardNeutralisesSpreadsheetFormulas)
{
    for (const char16_t *text : { u"=1+1", u"+1", u"-1", u"@SUM(A1)", u"\tx", u"\rx" }) {
        EXPECT_EQ(EntryFormat::csvField(text, true).at(0) == QLatin1Char('"')
                ? EntryFormat::csvField(text, true).at(1)
                : EntryFormat::csvField(text, true).at(0),
            QLatin1Char('\''));
        EXPECT_NE(EntryFormat::csvField(text, false).at(0), QLatin1Char('\''));
    }
    EXPECT_EQ(EntryFormat::csvField(u"safe=1", true).toStdString(), "safe=1");
}

TEST(EntryFormat, DurationKeepsMicroseconds)
{
    AuditEntry e = sampleEntry();
    EXPECT_EQ(e.durationMsText().toStdString(), "12.345");
    e.endedAt = AuditTimestamp::fromUsecsSinceEpoch(e.startedAt.usecsSinceEpoch() + 7);
    EXPECT_EQ(e.durationMsText().toStdString(), "0.007");
    e.endedAt = AuditTimestamp::fromUsecsSinceEpoch(e.startedAt.usecsSinceEpoch() + 61234567);
    EXPECT_EQ(e.durationMsText().toStdString(), "61234.567");
}

TEST(EntryFormat, CsvRowNamesTheSchemaAfterTheId)
{
    EXPECT_EQ(EntryFormat::csvHeader().toStdString(),
        "id,schema,action,transport,bank_id,started_at,ended_at,duration_ms");
    AuditEntry e = sampleEntry();
    e.schema = QStringLiteral("=tenant,b");
    EXPECT_EQ(EntryFormat::csvRow(e, true).toStdString(),
        "0b5f3c9e-8d1a-4c4e-9a53-0c6f0e6b9a10,\"'=tenant,b\",retain,http,\"bank \"\"q\"\"\","
        "2026-03-27T10:15:30.123456Z,2026-03-27T10:15:30.135801Z,12.345");
}
