// The credential formats of the default value patterns, one family at a time, in every
// place Hindsight keeps text: requests, responses, metadata, nested objects, arrays, text
// that is not JSON, a JSON document inside a string, and text cut off inside the secret.
// The fakes are put together from pieces so that no secret scanner takes this file for a
// leak.

#include "maskedtext.h"
#include "secretmasker.h"

#include <gtest/gtest.h>

#include <QString>

#include <vector>

namespace {

const QString dots = QStringLiteral("••••");

// `length` letters and digits, mixed, different for each `salt`.
QString fakeBody(int length, int salt = 0, bool upperCaseOnly = false)
{
    const QString mixed = QStringLiteral("Zq4Kt9Wm2Xn7Pr1Lv8Sy3Hb6Jd5Fg0TcRe");
    const QString upper = QStringLiteral("Q3EGXMPL7RTV2K4NZ8WB5HJ6DF9YC1AU");
    const QString &alphabet = upperCaseOnly ? upper : mixed;
    QString body;
    for (int i = 0; i < length; ++i) {
        body += alphabet.at((i * 7 + salt) % alphabet.size());
    }
    return body;
}

// One credential format: the value as stored is before + secret + after, and masking
// leaves before + "••••" + after (before and after are empty when the whole string goes).
struct Family
{
    const char *name;
    QString secret;
    QString before {};
    QString after {};

    QString value() const { return before + secret + after; }
    QString maskedValue() const { return before + dots + after; }
    bool isPart() const { return !before.isEmpty() || !after.isEmpty(); }
};

std::vector<Family> families()
{
    const QString password = QStringLiteral("hunter2-") + fakeBody(10, 3);
    return {
        { "AWS access key id",
            QStringLiteral("AK") + QStringLiteral("IA") + fakeBody(16, 1, true) },
        { "AWS temporary key id",
            QStringLiteral("AS") + QStringLiteral("IA") + fakeBody(16, 2, true) },
        { "Google API key", QStringLiteral("AI") + QStringLiteral("za") + fakeBody(35, 3) },
        { "Google OAuth token", QStringLiteral("ya") + QStringLiteral("29.") + fakeBody(40, 4) },
        { "Groq", QStringLiteral("gs") + QStringLiteral("k_") + fakeBody(52, 5) },
        { "Stripe live secret", QStringLiteral("sk") + QStringLiteral("_live_") + fakeBody(24, 6) },
        { "Stripe test secret", QStringLiteral("sk") + QStringLiteral("_test_") + fakeBody(24, 7) },
        { "Stripe live restricted",
            QStringLiteral("rk") + QStringLiteral("_live_") + fakeBody(24, 8) },
        { "Stripe test restricted",
            QStringLiteral("rk") + QStringLiteral("_test_") + fakeBody(24, 9) },
        { "Hugging Face", QStringLiteral("hf") + QStringLiteral("_") + fakeBody(34, 10) },
        { "GitLab", QStringLiteral("gl") + QStringLiteral("pat-") + fakeBody(20, 11) },
        { "xAI", QStringLiteral("xa") + QStringLiteral("i-") + fakeBody(80, 12) },
        { "npm", QStringLiteral("np") + QStringLiteral("m_") + fakeBody(36, 13) },
        { "OpenAI", QStringLiteral("sk") + QStringLiteral("-proj-") + fakeBody(40, 14) },
        { "Anthropic", QStringLiteral("sk") + QStringLiteral("-ant-api03-") + fakeBody(40, 15) },
        { "webhook signing secret",
            QStringLiteral("wh") + QStringLiteral("sec_") + fakeBody(32, 16) },
        { "GitHub", QStringLiteral("gh") + QStringLiteral("p_") + fakeBody(36, 17) },
        { "GitHub fine-grained",
            QStringLiteral("github") + QStringLiteral("_pat_") + fakeBody(40, 18) },
        { "Slack token",
            QStringLiteral("xo") + QStringLiteral("xb-1234567890-") + fakeBody(24, 19) },
        { "JWT",
            QStringLiteral("ey") + QStringLiteral("JhbGciOiJIUzI1NiJ9.eyJzdWIiOiJib3QifQ.")
                + fakeBody(30, 20) },
        { "PEM private key",
            QStringLiteral("-----BEGIN OPENSSH ") + QStringLiteral("PRIVATE KEY-----\\n")
                + fakeBody(40, 21) + QStringLiteral("\\n-----END OPENSSH PRIVATE KEY-----") },
        { "Slack incoming webhook",
            QStringLiteral("T0") + fakeBody(8, 22, true) + QStringLiteral("/B0")
                + fakeBody(8, 23, true) + QLatin1Char('/') + fakeBody(24, 24),
            QStringLiteral("https://hooks.") + QStringLiteral("slack.com/services/"), QString() },
        { "Discord webhook", QStringLiteral("112233445566778899/") + fakeBody(60, 25),
            QStringLiteral("https://discord.com/api/") + QStringLiteral("webhooks/"), QString() },
        { "password in a webhook URL", password, QStringLiteral("https://admin:"),
            QStringLiteral("@hooks.example.com/x") },
        { "password in a PostgreSQL URI", password, QStringLiteral("postgresql://app:"),
            QStringLiteral("@db.internal:5432/prod") },
        { "password in a Redis URL", password, QStringLiteral("redis://:"),
            QStringLiteral("@cache.internal:6379/0") },
        { "password in an AMQP URL", password, QStringLiteral("amqp://guest:"),
            QStringLiteral("@mq.internal:5672/hindsight") },
        { "password in a connection string", password, QStringLiteral("host=db.internal password="),
            QStringLiteral(" user=app") },
    };
}

// Where Hindsight keeps text: `text` holds the value at %1; `whole` is what masking gives
// when the whole string goes.
struct Place
{
    const char *name;
    const char *text;
    const char *whole;
};

const Place places[] = {
    { "request",
        R"({"items": [{"content": "deploy with %1 today", "document_id": "doc-1"}], "tokens_budget": "mid"})",
        R"({"items": [{"content": "••••", "document_id": "doc-1"}], "tokens_budget": "mid"})" },
    { "response", R"({"result": {"text": "%1"}, "usage": {"input_tokens": 12}})",
        R"({"result": {"text": "••••"}, "usage": {"input_tokens": 12}})" },
    { "metadata", R"({"source": "cli", "labels": {"note": "rotated %1"}})",
        R"({"source": "cli", "labels": {"note": "••••"}})" },
    { "nested objects", R"({"a": {"b": {"c": {"d": "%1"}}}, "e": "f"})",
        R"({"a": {"b": {"c": {"d": "••••"}}}, "e": "f"})" },
    { "arrays", R"([1, ["x", ["%1", "y"]]])", R"([1, ["x", ["••••", "y"]]])" },
    { "JSON inside a string", R"({"body": "{\"config\": {\"v\": \"%1\"}}", "n": 1})",
        R"({"body": "••••", "n": 1})" },
    { "text that is not JSON", "deploying with %1 now", nullptr },
};

} // namespace

TEST(SecretFamilies, EveryFamilyIsMaskedWhereverHindsightKeepsText)
{
    for (const Family &family : families()) {
        for (const Place &place : places) {
            const QString text = QString::fromUtf8(place.text).arg(family.value());
            const QString expected = family.isPart() || !place.whole
                ? QString::fromUtf8(place.text).arg(family.maskedValue())
                : QString::fromUtf8(place.whole);
            EXPECT_EQ(masked(text), expected) << family.name << " in " << place.name;
        }
    }
}

TEST(SecretFamilies, EveryFamilyIsMaskedWhenTheTextIsCutOffInsideTheSecret)
{
    for (const Family &family : families()) {
        // Cut a few characters into the secret, as a preview or a truncated read does. A
        // string hidden whole gets its closing quote back; a part is hidden to the end.
        const QString head = family.before + family.secret.left(6);
        const QString inString = QStringLiteral(R"({"note": "see )") + head;
        EXPECT_EQ(masked(inString),
            family.isPart() ? QStringLiteral(R"({"note": "see )") + family.before + dots
                            : QStringLiteral(R"({"note": "••••")"))
            << family.name;
        const QString inText = QStringLiteral("deploying with ") + head;
        EXPECT_EQ(masked(inText), QStringLiteral("deploying with ") + family.before + dots)
            << family.name;
    }
}

TEST(SecretFamilies, HidesOnlyThePasswordOfAUrlAndCountsEachOne)
{
    int count = 0;
    EXPECT_EQ(masked(QStringLiteral(R"({"url": "https://admin:s3cr3t-pw@hooks.example.com/x", )"
                                    R"("dsn": "postgresql://app:pw-2@db.internal:5432/prod"})"),
                  &count),
        QStringLiteral(R"({"url": "https://admin:••••@hooks.example.com/x", )"
                       R"("dsn": "postgresql://app:••••@db.internal:5432/prod"})"));
    EXPECT_EQ(count, 2);
    // Two in one string, each hidden where it is.
    EXPECT_EQ(masked(QStringLiteral(R"(["from redis://:a1@c:6379 to amqp://u:b2@mq/v"])"), &count),
        QStringLiteral(R"(["from redis://:••••@c:6379 to amqp://u:••••@mq/v"])"));
    EXPECT_EQ(count, 2);
    // With a whole-string secret in the same string, the whole string goes.
    EXPECT_EQ(masked(QStringLiteral(R"(["https://a:b@h/x?key=%1"])")
                         .arg(QStringLiteral("sk-") + fakeBody(20))),
        QStringLiteral(R"(["••••"])"));
    // Cut off inside the password, or before it.
    EXPECT_EQ(masked(QStringLiteral(R"({"url": "https://admin:s3c)")),
        QStringLiteral(R"({"url": "https://admin:••••)"));
    EXPECT_EQ(masked(QStringLiteral(R"({"url": "https://admin)")),
        QStringLiteral(R"({"url": "https://admin)"));
    EXPECT_EQ(masked(QStringLiteral(R"({"url": "https://example.com)")),
        QStringLiteral(R"({"url": "https://example.com)"));

    // Revealed, it is shown as stored and reported where it is.
    const SecretMasker masker(MaskingRules::defaults());
    const QString json = QStringLiteral(R"({"url": "https://admin:pw@h/x"})");
    std::vector<MaskedValue> values;
    EXPECT_EQ(masker.mask(json, RevealedValues {}, &values),
        QStringLiteral(R"({"url": "https://admin:••••@h/x"})"));
    ASSERT_EQ(values.size(), 1u);
    EXPECT_EQ(values[0].position, json.indexOf(QLatin1String("pw")));
    EXPECT_EQ(masker.mask(json, RevealedValues { true, {} }, &values), json);
    ASSERT_EQ(values.size(), 1u);
    EXPECT_TRUE(values[0].revealed);
    EXPECT_EQ(values[0].position, json.indexOf(QLatin1String("pw")));
}

TEST(SecretFamilies, LookAlikesStayVisible)
{
    // What Hindsight's requests, responses and LLM records are full of.
    for (const char *json :
        {
            R"({"query": "who is alice", "budget": "mid", "tokens_budget": "mid", "max_tokens": "4096"})",
            R"({"usage": {"input_tokens": "812", "output_tokens": "96", "total_tokens": "908", "cached_tokens": "0"}})",
            R"({"token_count": "12", "max_token": "9", "secret_type": "webhook"})",
            R"({"memory_id": "5f0c2a7e-9b1d-4c3e-8f6a-2d7b9e1c4a08", "document_id": "0d9e8f7a-6b5c-4d3e-2f1a-0b9c8d7e6f5a"})",
            R"({"content_hash": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"})",
            R"({"content": "the secret to good recall is a good question; the token budget too"})",
            R"({"key": "user_name"})",
            R"({"key": "default"})",
            R"({"key": "tags"})",
            R"({"key": "has spaces and 1234567890 digits"})",
            R"({"key": 12345678901234567890})",
            R"({"url": "https://hooks.example.com/hindsight?x=1#a:b@c"})",
            R"({"see": "https://docs.example.com:8443/guide and a@b.example"})",
            R"({"id": "task-0123456789abcdefXYZ", "names": ["AKIA", "sk_live", "gsk_"]})",
        }) {
        const QString text = QString::fromUtf8(json);
        EXPECT_EQ(masked(text), text) << json;
    }
}
