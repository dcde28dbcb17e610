#include "connectionsettings.h"
#include "conninfopassword.h"

#include <gtest/gtest.h>

#include <string>

namespace {

// The conninfo with its password blanked in place, as main() does to its argument.
std::string blanked(const std::string &conninfo)
{
    std::string copy = conninfo;
    blankConninfoPassword(copy.data());
    return copy;
}

} // namespace

TEST(ConninfoPassword, BlanksTheUserinfoPasswordOfAUri)
{
    EXPECT_EQ(blanked("postgresql://reader:S3cret@db/hindsight"),
        "postgresql://reader:xxxxxx@db/hindsight");
    EXPECT_EQ(blanked("postgres://reader:S3cret@db"), "postgres://reader:xxxxxx@db");
    EXPECT_EQ(blanked("postgresql://reader:p%40ss%20w@db:5432,db2/x?sslmode=require"),
        "postgresql://reader:xxxxxxxxxx@db:5432,db2/x?sslmode=require");
    // A '?' or ':' in the password belongs to it: libpq reads up to the first '@'.
    EXPECT_EQ(blanked("postgresql://u:a?b:c@h/db?application_name=x"),
        "postgresql://u:xxxxx@h/db?application_name=x");
}

TEST(ConninfoPassword, BlanksThePasswordParameterOfAUri)
{
    EXPECT_EQ(blanked("postgresql://h/db?sslmode=disable&password=S3cret&user=u"),
        "postgresql://h/db?sslmode=disable&password=xxxxxx&user=u");
    EXPECT_EQ(
        blanked("postgresql://h/db?pass%77ord=S3cret"), "postgresql://h/db?pass%77ord=xxxxxx");
    EXPECT_EQ(
        blanked("postgresql://u:one@h/db?password=two"), "postgresql://u:xxx@h/db?password=xxx");
}

TEST(ConninfoPassword, BlanksKeywordValuesQuotedOrNot)
{
    EXPECT_EQ(blanked("host=db password=S3cret user=u"), "host=db password=xxxxxx user=u");
    EXPECT_EQ(blanked("host=db password = 'P W' user=u"), "host=db password = 'xxx' user=u");
    EXPECT_EQ(blanked("password='it\\'s' dbname=x"), "password='xxxxx' dbname=x");
    EXPECT_EQ(blanked("password=a\\ b"), "password=xxxx");
    EXPECT_EQ(blanked("passwordx=keep host=db"), "passwordx=keep host=db");
    EXPECT_EQ(blanked("user=password host=db"), "user=password host=db");
}

TEST(ConninfoPassword, LeavesAConninfoWithoutPasswordAlone)
{
    for (const char *text : { "", "host=db user=u", "postgresql://u@db/x",
             "postgresql://db/x?user=u", "service=hindsight", "host=db password=" }) {
        std::string copy = text;
        EXPECT_FALSE(blankConninfoPassword(copy.data())) << text;
        EXPECT_EQ(copy, text);
    }
}

TEST(ConninfoPassword, TheBlankedStringParsesToTheSameSettingsWithAnotherPassword)
{
    for (const char *text : { "postgresql://reader:p%40ss%20w@db:5433/hindsight?sslmode=require",
             "postgresql://h/db?password=S3cret&user=u", "host=db port=5433 password='P W' user=u",
             "password=a\\ b dbname=x" }) {
        const auto original = ConnectionSettings::parse(QString::fromUtf8(text));
        const auto masked = ConnectionSettings::parse(QString::fromStdString(blanked(text)));
        ASSERT_TRUE(original.ok()) << text;
        ASSERT_TRUE(masked.ok()) << blanked(text);
        EXPECT_EQ(masked->toConninfoWithoutPassword(), original->toConninfoWithoutPassword());
        EXPECT_FALSE(masked->password().isEmpty());
        EXPECT_EQ(masked->password().count(QLatin1Char('x')), masked->password().size());
        EXPECT_NE(masked->password(), original->password());
    }
}
