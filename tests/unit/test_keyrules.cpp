// The key rules of SecretMasker: key patterns, word: rules and credential: rules.

#include "maskedtext.h"
#include "secretmasker.h"

#include <gtest/gtest.h>

#include <QString>

TEST(KeyRules, DefaultWordsMeanSecretsNotCountsOrBudgets)
{
    const SecretMasker masker(MaskingRules::defaults());
    for (const char *key : { "token", "access_token", "refresh_token", "id_token", "auth_token",
             "accessToken", "X-Auth-Token", "api_key", "apikey", "apiKey", "APIKey", "x-api-key",
             "llm_api_key", "secret", "client_secret", "webhookSecret", "aws_secret_access_key",
             "password", "DB_PASSWORD", "passwd", "private_key", "authorization",
             "Proxy-Authorization", "cookie", "Set-Cookie" }) {
        EXPECT_TRUE(masker.isSensitiveKey(QString::fromUtf8(key))) << key;
    }
    for (const char *key : { "max_tokens", "input_tokens", "output_tokens", "total_tokens",
             "cached_tokens", "tokens_budget", "token_budget", "token_count", "maxToken",
             "tokenizer", "secretary", "key", "monkey", "api_keys_rotated", "password_min_length",
             "secret_type", "bank_id" }) {
        EXPECT_FALSE(masker.isSensitiveKey(QString::fromUtf8(key))) << key;
    }
    EXPECT_EQ(
        masked(QStringLiteral(
            R"({"tokens_budget": "mid", "max_tokens": "4096", "access_token": "t", "X-Auth-Token": "u"})")),
        QStringLiteral(
            R"({"tokens_budget": "mid", "max_tokens": "4096", "access_token": "••••", "X-Auth-Token": "••••"})"));
}

TEST(KeyRules, AKeyNamedKeyIsHiddenOnlyWhenItsValueLooksLikeACredential)
{
    const QString credential = QStringLiteral("a8f3k2l9m4n7p1q6r0s5");
    EXPECT_EQ(masked(QStringLiteral(R"({"llm": {"provider": "groq", "key": "%1"}, "x": 1})")
                         .arg(credential)),
        QStringLiteral(R"({"llm": {"provider": "groq", "key": "••••"}, "x": 1})"));
    // Other words before it count too: a provider's key under its own name.
    EXPECT_EQ(masked(QStringLiteral(R"({"openai_key": "%1", "sort_key": "name"})").arg(credential)),
        QStringLiteral(R"({"openai_key": "••••", "sort_key": "name"})"));
    // In text that is not JSON.
    EXPECT_EQ(masked(QStringLiteral("oops key=%1 and key=plain").arg(credential)),
        QStringLiteral("oops key=•••• and key=plain"));
    // Cut off, the rest must read like one.
    EXPECT_EQ(masked(QStringLiteral(R"({"key": "a8f3k2)")), QStringLiteral(R"({"key": "••••")"));
    EXPECT_EQ(masked(QStringLiteral(R"({"key": "user_na)")), QStringLiteral(R"({"key": "user_na)"));
    // Words, short values, containers and numbers stay.
    for (const char *json : { R"({"key": "user_name"})", R"({"key": "a1"})",
             R"({"key": "a sentence with 12 words in it"})", R"({"key": "abcdefghijklmnopqrstu"})",
             R"({"key": {"a": "a8f3k2l9m4n7p1q6r0s5"}})", R"({"key": 12345678901234567890})" }) {
        const QString text = QString::fromUtf8(json);
        EXPECT_EQ(masked(text), text) << json;
    }
}

TEST(KeyRules, KeyPatternsStillMatchAsBefore)
{
    // A user's key: rules are globs over the whole key, as they always were.
    const SecretMasker masker(
        MaskingRules { { QStringLiteral("*secret*"), QStringLiteral("*token*") }, {} });
    EXPECT_EQ(masked(QStringLiteral(R"({"secretary": "s", "max_tokens": "m", "id": "i"})"), nullptr,
                  masker),
        QStringLiteral(R"({"secretary": "••••", "max_tokens": "••••", "id": "i"})"));
    // Word rules of one's own, written in any of the key's forms.
    MaskingRules words;
    words.keyWords = QStringList { QStringLiteral("pin_code") };
    words.credentialKeyWords = QStringList { QStringLiteral("license") };
    const SecretMasker own(words);
    EXPECT_EQ(masked(QStringLiteral(R"({"pinCode": "1", "card-PIN-code": "2", "pincode": "3", )"
                                    R"("pin": "4", "license": "AB12-CD34-EF56-GH78", "l": "x"})"),
                  nullptr, own),
        QStringLiteral(R"({"pinCode": "••••", "card-PIN-code": "••••", "pincode": "••••", )"
                       R"("pin": "4", "license": "••••", "l": "x"})"));
}
