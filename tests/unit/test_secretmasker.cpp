#include "hindsightsecrets.h"
#include "maskedtext.h"
#include "secretmasker.h"
#include "valuepatterns.h"

#include <gtest/gtest.h>

#include <QString>

namespace {

using namespace HindsightSecrets;

const QString dots = QStringLiteral("••••");

} // namespace

TEST(SecretMasker, MasksEveryHindsightCaseWithTheDefaultRules)
{
    int count = 0;
    EXPECT_EQ(masked(createWebhook, &count),
        QStringLiteral(R"({"url": "https://hooks.example.com/hindsight", "secret": "••••", )"
                       R"("event_types": ["retain.completed"], "http_config": {"method": "POST", )"
                       R"("timeout_seconds": 30, "headers": {"Authorization": "Bearer ••••", )"
                       R"("X-Tenant": "••••"}}})"));
    EXPECT_EQ(count, 3);
    EXPECT_EQ(masked(updateBankConfig, &count),
        QStringLiteral(R"({"updates": {"llm_model": "gpt-4o-mini", "api_key": "••••", )"
                       R"("notes": "••••", "max_tokens": 4096, "trace": 12345678901234567890}})"));
    EXPECT_EQ(count, 2);
    EXPECT_EQ(masked(recallWithJwt, &count),
        QStringLiteral(R"({"query": "who is alice", "context": "••••", "max_tokens": 4096})"));
    EXPECT_EQ(count, 1);
    EXPECT_EQ(masked(invalidJson, &count),
        QStringLiteral(R"({note: "call it with •••• please", "password": "••••"})"));
    EXPECT_EQ(count, 2);
    for (const QString &document : documents()) {
        EXPECT_TRUE(leaked(masked(document)).isEmpty()) << document.toStdString();
    }
}

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
            R"( "http_config": {"timeout_seconds": 30, "headers": {"Authorization": "Bearer ••••", "X-Team": "••••"}}})"));
    EXPECT_EQ(count, 3);
}

TEST(SecretMasker, MatchesKeysCaseInsensitivelyWithWildcardsAndHyphenOrUnderscore)
{
    const SecretMasker masker(MaskingRules::defaults());
    for (const char *key : { "secret", "webhook_secret", "CLIENT_SECRET_V2", "access_token",
             "refreshToken", "OPENAI_API_KEY", "x-api-key", "X-Api-Key", "apikey", "Password",
             "passwd", "authorization", "Proxy-Authorization", "Cookie", "Set-Cookie", "set_cookie",
             "ssh_private_key" }) {
        EXPECT_TRUE(masker.isSensitiveKey(QString::fromUtf8(key))) << key;
    }
    for (const char *key : { "url", "bank_id", "passwords_rotated_at", "cookies_enabled", "private",
             "key", "auth", "query", "content", "headers", "X-Tenant" }) {
        EXPECT_FALSE(masker.isSensitiveKey(QString::fromUtf8(key))) << key;
    }
    const SecretMasker custom(
        MaskingRules { { QStringLiteral("db_*"), QStringLiteral("*pin") }, {} });
    EXPECT_TRUE(custom.isSensitiveKey(u"DB_URL"));
    EXPECT_TRUE(custom.isSensitiveKey(u"card_PIN"));
    EXPECT_FALSE(custom.isSensitiveKey(u"secret"));
    EXPECT_EQ(
        masked(QStringLiteral(R"({"db-url":"postgres://u:p@h/db","secret":"s"})"), nullptr, custom),
        QStringLiteral(R"({"db-url":"••••","secret":"s"})"));
}

TEST(SecretMasker, MasksEveryValueUnderAKeyNamedHeadersButKeepsTheirNames)
{
    EXPECT_EQ(masked(QStringLiteral(
                  R"({"headers":{"X-Tenant":"acme","Accept":"*/*","Retry":3,"Meta":{"a":"b"}}})")),
        QStringLiteral(
            R"({"headers":{"X-Tenant":"••••","Accept":"••••","Retry":3,"Meta":"••••"}})"));
    // Outside "headers" the same keys are data.
    const QString plain = QStringLiteral(R"({"labels":{"X-Tenant":"acme"}})");
    EXPECT_EQ(masked(plain), plain);
    // A dotted pattern matches the end of the key path; array levels do not count.
    const SecretMasker custom(
        MaskingRules { { QStringLiteral("http_config.headers.x-*"), QStringLiteral("a.b") }, {} });
    EXPECT_EQ(masked(QStringLiteral(R"({"http_config":{"headers":{"X-Tenant":"t","Accept":"*"}},)"
                                    R"("headers":{"X-Other":"o"},"a":[{"b":"1"}],"b":"2"})"),
                  nullptr, custom),
        QStringLiteral(R"({"http_config":{"headers":{"X-Tenant":"••••","Accept":"*"}},)"
                       R"("headers":{"X-Other":"o"},"a":[{"b":"••••"}],"b":"2"})"));
}

TEST(SecretMasker, MasksHeadersGivenAsPairsOrNameValueObjects)
{
    const QString body = QStringLiteral(
        R"({"headers":[["Authorization","Bearer sk-1"],["Accept","application/json"],)"
        R"({"name":"X-Api-Key","value":"k-2"},{"name":"User-Agent","value":"hindsight"}]})");
    int count = 0;
    EXPECT_EQ(masked(body, &count),
        QStringLiteral(
            R"({"headers":[["Authorization","Bearer ••••"],["Accept","••••"],)"
            R"({"name":"X-Api-Key","value":"••••"},{"name":"User-Agent","value":"••••"}]})"));
    EXPECT_EQ(count, 4);
    // Outside "headers" a name/value list is just data.
    const QString plain = QStringLiteral(R"({"labels":[["Authorization","x"]]})");
    EXPECT_EQ(masked(plain), plain);
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
                R"({"private_key": {"kty": "RSA", "d": "x", "n": [1, 2]}, "secrets": ["a", "b"], "next": 1})"),
            &count),
        QStringLiteral(R"({"private_key": "••••", "secrets": "••••", "next": 1})"));
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
    // A value pattern match after a scheme keeps the scheme, under any key.
    EXPECT_EQ(masked(QStringLiteral(R"({"auth_header":"Bearer %1"})").arg(jwt)),
        QStringLiteral(R"({"auth_header":"Bearer ••••"})"));
}

TEST(SecretMasker, ValuePatternsMaskTheWholeStringWhateverItsKey)
{
    EXPECT_EQ(masked(QStringLiteral(R"(["a", "key: %1 for prod", {"x": ["%2"]}, 7])")
                         .arg(innocentSk, webhookSecret)),
        QStringLiteral(R"(["a", "••••", {"x": ["••••"]}, 7])"));
    for (const char *value : { "ghp_0123456789abcdefghijKLMNOP", "xoxb-1234567890-abcdef",
             "-----BEGIN RSA PRIVATE KEY-----\\nMIIEow\\n-----END RSA PRIVATE KEY-----",
             "sk-0123456789abcdefXYZ" }) {
        EXPECT_EQ(masked(QStringLiteral(R"({"v":"%1"})").arg(QLatin1String(value))),
            QStringLiteral(R"({"v":"••••"})"))
            << value;
    }
    // Too short, inside a word, or a key: not a secret.
    for (const char *json : { R"({"v":"sk-short"})", R"({"v":"task-0123456789abcdefXYZ"})",
             R"({"sk-0123456789abcdefXYZ":1})", R"({"v":"eyJhbGciOi only half"})" }) {
        const QString text = QString::fromUtf8(json);
        EXPECT_EQ(masked(text), text) << json;
    }
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
    // Nothing secret: the very same text, and no copy for exports.
    QByteArray into = "old";
    EXPECT_FALSE(SecretMasker().maskUtf8Into(QByteArrayView("{\"a\": 1}"), into));
    EXPECT_TRUE(into.isEmpty());
}

TEST(SecretMasker, MasksWhatTextThatIsNotJsonHolds)
{
    struct Case
    {
        const char *text;
        const char *expected;
    };
    for (const Case &c : {
             Case { R"({"secret":"s")", R"({"secret":"••••")" },
             Case { R"({"secret":"s",})", R"({"secret":"••••",})" },
             Case { R"({"secret":"s"} x)", R"({"secret":"••••"} x)" },
             Case { R"({"secret":"s","n":01})", R"({"secret":"••••","n":01})" },
             // A malformed secret string is hidden up to its closing quote.
             Case { R"({"secret":"\x", "a": 1})", R"({"secret":"••••", "a": 1})" },
             // An error inside a hidden container hides the rest.
             Case { R"({"a":1,"token":{"t": x}, "b": 2})", R"({"a":1,"token":"••••")" },
             Case { R"(["secret" "s"])", R"(["secret" "s"])" },
             Case { "", "" },
             // After an error: key/value pairs by the key patterns, and value pattern matches.
             Case { R"(oops {"password": "hunter2", 'api_key': 'k1', token=abc&x=1})",
                 R"(oops {"password": "••••", 'api_key': '••••', token=••••&x=1})" },
             Case { "Authorization: Bearer abc def\nX: 1", "Authorization: Bearer ••••\nX: 1" },
             Case { "log: sk-0123456789abcdefXYZ and more", "log: •••• and more" },
             // Found by fuzzing: a secret key's value that is only its opening quote.
             Case { R"(x password: ")", R"(x password: ")" },
         }) {
        int count = -1;
        EXPECT_EQ(masked(QString::fromUtf8(c.text), &count), QString::fromUtf8(c.expected))
            << c.text;
    }
    // Invalid UTF-8 stays as it is around what is hidden.
    const QByteArray bytes = "{\"secret\":\"s\",\"x\":\"\xC3\x28\"}";
    int count = -1;
    EXPECT_EQ(SecretMasker().maskUtf8(bytes, &count), "{\"secret\":\"••••\",\"x\":\"\xC3\x28\"}");
    EXPECT_EQ(count, 1);
}

TEST(SecretMasker, NeverShowsAnyPartOfASecretInADocumentCutAnywhere)
{
    // A preview reads the first characters of a request: wherever the cut falls, what is
    // there of a secret is hidden (a secret's first two characters tell nothing).
    const SecretMasker masker(MaskingRules::defaults());
    for (const QString &document : documents()) {
        for (qsizetype cut = 1; cut < document.size(); ++cut) {
            const QString head = document.left(cut);
            const QString result = masked(head, nullptr, masker);
            for (const QString &secret : secrets()) {
                const qsizetype at = document.indexOf(secret);
                if (at < 0 || at >= cut) {
                    continue;
                }
                const QString present = secret.left(cut - at);
                if (present.size() >= 3) {
                    EXPECT_FALSE(result.contains(present))
                        << "cut at " << cut << ": " << result.toStdString();
                }
            }
        }
    }
    // What is whole before the cut stays as it is.
    EXPECT_EQ(masked(createWebhook.left(50)), createWebhook.left(50));
    EXPECT_EQ(
        masked(QStringLiteral(R"({"secret": "whsec_abc)")), QStringLiteral(R"({"secret": "••••")"));
    EXPECT_EQ(masked(QStringLiteral(R"({"headers": {"Authorization": "Bearer tok_)")),
        QStringLiteral(R"({"headers": {"Authorization": "Bearer ••••")"));
    EXPECT_EQ(masked(QStringLiteral(R"({"private_key": {"d": "x)")),
        QStringLiteral(R"({"private_key": "••••")"));
    EXPECT_EQ(
        masked(QStringLiteral(R"({"notes": "use sk-an)")), QStringLiteral(R"({"notes": "••••")"));
    EXPECT_EQ(masked(QStringLiteral(R"({"query": "what is s)")),
        QStringLiteral(R"({"query": "what is s)"));
}

TEST(SecretMasker, RevealsExactlyTheValuesAskedForAndReportsWhereEachIs)
{
    const SecretMasker masker(MaskingRules::defaults());
    std::vector<MaskedValue> values;
    RevealedValues revealed;
    revealed.ordinals.insert(1);
    const QString result = masker.mask(createWebhook, revealed, &values);
    EXPECT_EQ(result,
        QStringLiteral(R"({"url": "https://hooks.example.com/hindsight", "secret": "••••", )"
                       R"("event_types": ["retain.completed"], "http_config": {"method": "POST", )"
                       R"("timeout_seconds": 30, "headers": {"Authorization": "Bearer %1", )"
                       R"("X-Tenant": "••••"}}})")
            .arg(bearerToken));
    ASSERT_EQ(values.size(), 3u);
    EXPECT_EQ(values[0].ordinal, 0);
    EXPECT_FALSE(values[0].revealed);
    EXPECT_EQ(result.mid(values[0].position, 4), dots);
    EXPECT_TRUE(values[1].revealed);
    EXPECT_EQ(result.mid(values[1].position, 8), QStringLiteral("\"Bearer "));
    EXPECT_EQ(result.mid(values[2].position, 4), dots);

    revealed = RevealedValues { true, {} };
    EXPECT_EQ(masker.mask(createWebhook, revealed, &values), createWebhook);
    EXPECT_EQ(values.size(), 3u);
}

TEST(SecretMasker, AppliesTheActiveRulesByDefault)
{
    EXPECT_EQ(SecretMasker().rules(), MaskingRules::defaults());
    MaskingRules::setActive(MaskingRules { { QStringLiteral("query") }, {} });
    const QString masked = SecretMasker().mask(recallWithJwt);
    MaskingRules::setActive(MaskingRules::defaults());
    EXPECT_EQ(masked,
        QStringLiteral(R"({"query": "••••", "context": "%1", "max_tokens": 4096})").arg(jwt));
    EXPECT_EQ(SecretMasker().mask(recallWithJwt),
        QStringLiteral(R"({"query": "who is alice", "context": "••••", "max_tokens": 4096})"));
}

TEST(SecretMasker, IgnoresPatternsThatCannotBeUsedAndAppliesTheOthers)
{
    const MaskingRules rules { { QStringLiteral("a..b"), QStringLiteral("pin") },
        { QStringLiteral("sk-[0-9"), QStringLiteral("\\bcode-\\d{4}") } };
    const QStringList problems = rules.problems();
    ASSERT_EQ(problems.size(), 2) << problems.join(QLatin1Char('\n')).toStdString();
    EXPECT_TRUE(problems[0].contains(QLatin1String("a..b")));
    EXPECT_TRUE(
        problems[1].contains(QLatin1String("\"sk-[0-9\" is not a valid regular expression")))
        << problems[1].toStdString();
    EXPECT_EQ(masked(QStringLiteral(R"({"pin":"1","v":"code-1234","w":"sk-[0-9"})"), nullptr,
                  SecretMasker(rules)),
        QStringLiteral(R"({"pin":"••••","v":"••••","w":"sk-[0-9"})"));
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
    // Cut off before its end, the document is masked as far as it goes.
    EXPECT_EQ(SecretMasker().countMasked(deep.chopped(1)), 1);
}

TEST(ValuePatterns, FindsTheLiteralsEveryMatchStartsWith)
{
    // Exports look for these first, in the bytes as stored, and skip every document
    // without them: each default pattern has some.
    for (const QString &pattern : MaskingRules::defaultValuePatterns()) {
        EXPECT_FALSE(ValuePatterns::literalPrefixes(pattern).isEmpty()) << pattern.toStdString();
    }
    const auto prefixes = [](const char *pattern) {
        return ValuePatterns::literalPrefixes(QString::fromUtf8(pattern)).join(QLatin1Char(','));
    };
    EXPECT_EQ(prefixes("\\bsk-(?:ant-)?[a-z]{16,}"), QStringLiteral("sk-"));
    EXPECT_EQ(prefixes("\\bwhsec_[A-Za-z0-9]+"), QStringLiteral("whsec_"));
    EXPECT_EQ(prefixes("\\bgh[pou]_[A-Za-z0-9]{20,}"), QStringLiteral("ghp_,gho_,ghu_"));
    EXPECT_EQ(prefixes("-----BEGIN[A-Z ]*KEY(?:-----END|$)"), QStringLiteral("-----BEGIN"));
    EXPECT_EQ(prefixes("ab[|(]c"), QStringLiteral("ab"));
    EXPECT_EQ(prefixes("abcd?e"), QStringLiteral("abc"));
    EXPECT_EQ(prefixes("a\\.b+c"), QStringLiteral("a.b"));
    for (const char *none : { "sk-|pk-", "(sk)-|pk-", "(?i)sk-", "[a-z]+", "a*b", "\\d{4}", "a" }) {
        EXPECT_TRUE(prefixes(none).isEmpty()) << none;
    }
}
