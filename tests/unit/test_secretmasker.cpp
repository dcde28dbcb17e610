#include "jsonprettyprinter.h"
#include "secretmasker.h"

#include <gtest/gtest.h>

#include <QString>

#include <ostream>

// Lets GoogleTest print QString values in failure messages.
inline void PrintTo(const QString &text, std::ostream *out)
{
    *out << '"' << text.toStdString() << '"';
}

namespace {

const QString dots = QStringLiteral("••••");

// Masks through the UTF-16 and the UTF-8 entry points, checks that they agree with each
// other and with countMasked, and that the result is still valid JSON.
QString masked(const QString &json, int *count = nullptr, const SecretMasker &masker = {})
{
    int fromText = -1;
    const QString text = masker.mask(json, &fromText);
    int fromBytes = -1;
    const QByteArray bytes = masker.maskUtf8(json.toUtf8(), &fromBytes);
    EXPECT_EQ(QString::fromUtf8(bytes), text);
    EXPECT_EQ(fromBytes, fromText);
    EXPECT_EQ(masker.countMasked(json), fromText);
    if (JsonPrettyPrinter().format(QStringView(json)).ok) {
        EXPECT_TRUE(JsonPrettyPrinter().format(QStringView(text)).ok) << text.toStdString();
    }
    if (count) {
        *count = fromText;
    }
    return text;
}

} // namespace

TEST(SecretMasker, MasksTheSigningSecretAndAuthorizationHeaderOfCreateWebhook)
{
    const QString body = QStringLiteral(
        R"({"url": "https://hooks.example.com/hindsight", "secret": "whsec_5f2b9c0d8e7a",)"
        R"( "event_types": ["retain.completed"], "enabled": true,)"
        R"( "http_config": {"timeout_seconds": 30, "headers": {"Authorization": "Bearer sk-proj-abc123", "X-Team": "memory"}}})");
    int count = 0;
    EXPECT_EQ(masked(body, &count),
        QStringLiteral(
            R"({"url": "https://hooks.example.com/hindsight", "secret": "••••",)"
            R"( "event_types": ["retain.completed"], "enabled": true,)"
            R"( "http_config": {"timeout_seconds": 30, "headers": {"Authorization": "Bearer ••••", "X-Team": "memory"}}})"));
    EXPECT_EQ(count, 2);
}

TEST(SecretMasker, MasksAnApiKeyInsideUpdateBankConfig)
{
    const QString body = QStringLiteral(
        R"({"updates":{"llm_provider":"openai","api_key":"sk-live-0123456789","temperature":0.2}})");
    EXPECT_EQ(masked(body),
        QStringLiteral(
            R"({"updates":{"llm_provider":"openai","api_key":"••••","temperature":0.2}})"));
}

TEST(SecretMasker, MatchesKeysCaseInsensitivelyWithWildcardsAndHyphenOrUnderscore)
{
    const SecretMasker masker;
    for (const char *key : { "secret", "webhook_secret", "CLIENT_SECRET_V2", "access_token",
             "refreshToken", "OPENAI_API_KEY", "x-api-key", "X-Api-Key", "apikey", "Password",
             "passwd", "authorization", "Cookie", "Set-Cookie", "set_cookie", "ssh_private_key" }) {
        EXPECT_TRUE(masker.isSensitiveKey(QString::fromUtf8(key))) << key;
    }
    for (const char *key : { "url", "bank_id", "passwords_rotated_at", "cookies_enabled", "private",
             "key", "auth", "query", "content" }) {
        EXPECT_FALSE(masker.isSensitiveKey(QString::fromUtf8(key))) << key;
    }
    const SecretMasker custom({ QStringLiteral("db_*"), QStringLiteral("*pin") });
    EXPECT_TRUE(custom.isSensitiveKey(u"DB_URL"));
    EXPECT_TRUE(custom.isSensitiveKey(u"card_PIN"));
    EXPECT_FALSE(custom.isSensitiveKey(u"secret"));
    EXPECT_EQ(
        masked(QStringLiteral(R"({"db-url":"postgres://u:p@h/db","secret":"s"})"), nullptr, custom),
        QStringLiteral(R"({"db-url":"••••","secret":"s"})"));
}

TEST(SecretMasker, MasksInsideNestedArraysAndObjects)
{
    const QString body = QStringLiteral(
        R"([{"items":[[{"token":"t1"}],[{"token":"t2","id":7}]]},{"deep":{"deeper":[{"password":"p"}]}}])");
    int count = 0;
    EXPECT_EQ(masked(body, &count),
        QStringLiteral(
            R"([{"items":[[{"token":"••••"}],[{"token":"••••","id":7}]]},{"deep":{"deeper":[{"password":"••••"}]}}])"));
    EXPECT_EQ(count, 3);
}

TEST(SecretMasker, MasksAnObjectOrArrayValueAsAWhole)
{
    int count = 0;
    EXPECT_EQ(
        masked(
            QStringLiteral(
                R"({"private_key": {"kty": "RSA", "d": "x", "n": [1, 2]}, "tokens": ["a", "b"], "next": 1})"),
            &count),
        QStringLiteral(R"({"private_key": "••••", "tokens": "••••", "next": 1})"));
    EXPECT_EQ(count, 2);
}

TEST(SecretMasker, KeepsNumbersBooleansNullsAndEmptyValuesOfSensitiveKeys)
{
    const QString body = QStringLiteral(
        R"({"query":"who","max_tokens":4096,"token_budget":12345678901234567890,"secret_set":true,"secret":null,"api_key":"","tokens":[],"cookie":{}})");
    int count = -1;
    EXPECT_EQ(masked(body, &count), body);
    EXPECT_EQ(count, 0);
}

TEST(SecretMasker, KeepsTheSchemeOfAuthorizationValues)
{
    EXPECT_EQ(masked(QStringLiteral(R"({"authorization":"Bearer sk-abc"})")),
        QStringLiteral(R"({"authorization":"Bearer ••••"})"));
    EXPECT_EQ(masked(QStringLiteral(R"({"Authorization":"Basic dXNlcjpwYXNz"})")),
        QStringLiteral(R"({"Authorization":"Basic ••••"})"));
    EXPECT_EQ(
        masked(QStringLiteral(R"({"Authorization":"Digest username=\"a\", response=\"b\""})")),
        QStringLiteral(R"({"Authorization":"Digest ••••"})"));
    // No scheme, or only a scheme: nothing is kept.
    EXPECT_EQ(masked(QStringLiteral(R"({"Authorization":"sk-abc"})")),
        QStringLiteral(R"({"Authorization":"••••"})"));
    EXPECT_EQ(masked(QStringLiteral(R"({"Authorization":"Bearer "})")),
        QStringLiteral(R"({"Authorization":"••••"})"));
    // Other sensitive keys never keep a first word.
    EXPECT_EQ(masked(QStringLiteral(R"({"secret":"Bearer sk-abc"})")),
        QStringLiteral(R"({"secret":"••••"})"));
}

TEST(SecretMasker, MasksHeadersGivenAsPairsOrNameValueObjects)
{
    const QString body = QStringLiteral(
        R"({"headers":[["Authorization","Bearer sk-1"],["Accept","application/json"],)"
        R"({"name":"X-Api-Key","value":"k-2"},{"name":"User-Agent","value":"hindsight"}]})");
    int count = 0;
    EXPECT_EQ(masked(body, &count),
        QStringLiteral(
            R"({"headers":[["Authorization","Bearer ••••"],["Accept","application/json"],)"
            R"({"name":"X-Api-Key","value":"••••"},{"name":"User-Agent","value":"hindsight"}]})"));
    EXPECT_EQ(count, 2);
    // Outside "headers" a name/value list is just data.
    const QString plain = QStringLiteral(R"({"labels":[["Authorization","x"]]})");
    EXPECT_EQ(masked(plain), plain);
}

TEST(SecretMasker, ComparesKeysDecodedFromTheirEscapes)
{
    EXPECT_EQ(
        masked(QStringLiteral(R"({"api\u005fkey":"sk-1","pass\u0077ord":"p","\u0053ECRET":"s"})")),
        QStringLiteral(R"({"api\u005fkey":"••••","pass\u0077ord":"••••","\u0053ECRET":"••••"})"));
    // An escaped quote inside a key does not end it early.
    EXPECT_EQ(masked(QStringLiteral(R"({"a\"token":"t","b":"\"secret\""})")),
        QStringLiteral(R"({"a\"token":"••••","b":"\"secret\""})"));
}

TEST(SecretMasker, LeavesEverythingElseByteForByte)
{
    const QString body
        = QStringLiteral("{ \"big\" : 12345678901234567890 ,\n\t\"neg\": -0, \"exp\": 1e400, "
                         "\"s\": \"\\u00e9\\n😀 \u202eabc\","
                         " \"token\" : \"t\" , \"dec\": 0.1000000000000000055511151231257827 }");
    EXPECT_EQ(masked(body),
        QStringLiteral("{ \"big\" : 12345678901234567890 ,\n\t\"neg\": -0, \"exp\": 1e400, \"s\": "
                       "\"\\u00e9\\n😀 \u202eabc\", \"token\" : \"••••\" , \"dec\": "
                       "0.1000000000000000055511151231257827 }"));
}

TEST(SecretMasker, ReturnsInvalidJsonUnchanged)
{
    for (const char *json : { R"({"secret":"s")", R"({"secret":"s",})", R"({"secret":"s"} x)",
             R"({"secret":"s","n":01})", R"({"secret":"\x"})", R"(["secret" "s"])", "" }) {
        const QString text = QString::fromUtf8(json);
        int count = -1;
        EXPECT_EQ(masked(text, &count), text) << json;
        EXPECT_EQ(count, 0) << json;
    }
    // Invalid UTF-8 is invalid JSON too.
    const QByteArray bytes = "{\"secret\":\"s\",\"x\":\"\xC3\x28\"}";
    int count = -1;
    EXPECT_EQ(SecretMasker().maskUtf8(bytes, &count), bytes);
    EXPECT_EQ(count, 0);
}

TEST(SecretMasker, CountsWhatItMasksAndNothingInsideAMaskedValue)
{
    const SecretMasker masker;
    EXPECT_EQ(masker.countMasked(QStringLiteral(R"({"a":1})")), 0);
    EXPECT_EQ(masker.countMasked(QStringLiteral(R"({"secret":{"token":"t","password":"p"}})")), 1);
    EXPECT_EQ(
        masker.countMasked(QStringLiteral(R"([{"token":"a"},{"token":"b"},{"token":"c"}])")), 3);
    EXPECT_EQ(SecretMasker::maskText(), dots);
}

TEST(SecretMasker, HandlesHundredThousandLevelsOfNesting)
{
    QString deep;
    for (int i = 0; i < 100000; ++i) {
        deep += QStringLiteral("{\"a\":[");
    }
    deep += QStringLiteral("{\"token\":\"t\"}");
    for (int i = 0; i < 100000; ++i) {
        deep += QStringLiteral("]}");
    }
    int count = 0;
    const QString result = SecretMasker().mask(deep, &count);
    EXPECT_EQ(count, 1);
    EXPECT_TRUE(result.contains(QStringLiteral("{\"token\":\"••••\"}")));
    EXPECT_EQ(SecretMasker().mask(deep.chopped(1)), deep.chopped(1));
}
