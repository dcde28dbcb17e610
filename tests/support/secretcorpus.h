#pragma once

#include "adminconnection.h"
#include "hindsightsecrets.h"
#include "testdatabase.h"

#include <QString>
#include <QStringList>

// The secret scanners' high-confidence families, one audit row each, placed where
// Hindsight stores such things: a bank's configuration, a webhook, retained text, a
// prompt, a response, metadata; in nested objects, arrays, prose and a JSON document kept
// as a string. Every secret is a distinct, made-up string in its family's format that must
// never show where masking applies; every look-alike must stay visible. For the masking
// tests of every surface (table preview, entry window, copies, show, exports).
namespace SecretCorpus {

struct Row
{
    QString family;
    QString action;
    QString request; // JSON as stored
    QString response; // JSON or empty (NULL)
    QString metadata; // JSON
};

// Made-up credentials in each family's format.
inline const QString groqKey = QStringLiteral("gsk_Qz7Wm2Xn9Pr4Lv8Sy3Kt6Hd1Bf5Gc0Jr2Mn");
inline const QString urlPassword = QStringLiteral("Hook-Pw_7Zq4Xm9");
inline const QString awsKeyId = QStringLiteral("AKIAZ7QX3M4N5P6R7S8T");
inline const QString slackWebhook = QStringLiteral(
    "https://hooks.slack.com/services/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");
inline const QString postgresPassword = QStringLiteral("Db-Pw_9x7Q2m");
inline const QString stripeLive = QStringLiteral("sk_live_51HqZx7Wm2Pr4Lv8Sy3Kt6Hd1Bf5Gc0Jr");
inline const QString googleApiKey = QStringLiteral("AIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q");
inline const QString huggingFace = QStringLiteral("hf_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789");
inline const QString gitlabToken = QStringLiteral("glpat-Xy7Zq9Wm2Lp4Rv8Ks3Nd");
inline const QString discordWebhook
    = QStringLiteral("https://discord.com/api/webhooks/123456789012345678/"
                     "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdefGHIJKLmnopQRSTuvwxYZ012345");
inline const QString escapedKey = QStringLiteral("gsk_Lp4Rv8Ks3Nd6Hf1Xq9Wm2Zt7Bc5Vn0");
inline const QString escapedUrlPassword = QStringLiteral("Esc-Pw_3Kd8Lq");

// What stays readable around a credential inside a URL.
inline const QString webhookUrlMasked = QStringLiteral("https://admin:••••@hooks.example.com/x");
inline const QString postgresUriMasked
    = QStringLiteral("postgresql://app:••••@db.internal:5432/prod");

inline QStringList secrets()
{
    return { groqKey, urlPassword, awsKeyId, slackWebhook, postgresPassword, stripeLive,
        googleApiKey, huggingFace, gitlabToken, discordWebhook, escapedKey, escapedUrlPassword };
}

// Values an operator needs to read, which no rule may hide.
inline const QString memoryId = QStringLiteral("3f0c2a9e-5b7d-4e21-9a6c-0d8e4f1b2c3a");
inline const QString contentHash
    = QStringLiteral("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
inline const QString documentId = QStringLiteral("doc_2026_q3_board_report");
inline const QString prose = QStringLiteral("the secret to good recall is spaced repetition");
inline const QString budget = QStringLiteral("\"tokens_budget\":\"mid\"");

inline QStringList lookAlikes()
{
    return { memoryId, contentHash, documentId, prose, budget,
        QStringLiteral("\"max_tokens\":4096"), QStringLiteral("\"input_tokens\":812"),
        QStringLiteral("\"key\":\"user_name\"") };
}

inline QList<Row> rows()
{
    return {
        { QStringLiteral("Groq key under \"key\" (bank configuration)"),
            QStringLiteral("update_bank_config"),
            QStringLiteral(R"({"updates": {"llm": {"provider": "groq", "key": "%1"}, )"
                           R"("max_tokens": 4096, "tokens_budget": "mid"}})")
                .arg(groqKey),
            QStringLiteral(R"({"ok": true})"), QStringLiteral(R"({"key": "user_name"})") },
        { QStringLiteral("credentials in a webhook URL"), QStringLiteral("create_webhook"),
            QStringLiteral(R"({"url": "https://admin:%1@hooks.example.com/x", )"
                           R"("event_types": ["retain.completed"]})")
                .arg(urlPassword),
            QStringLiteral(R"({"id": "wh_7", "url": "https://admin:%1@hooks.example.com/x"})")
                .arg(urlPassword),
            QStringLiteral("{}") },
        { QStringLiteral("AWS access key id in retained text"), QStringLiteral("retain"),
            QStringLiteral(R"({"items": [{"content": "deploy with %1 from the CI runner", )"
                           R"("document_id": "%2"}]})")
                .arg(awsKeyId, documentId),
            QStringLiteral(R"({"memory_ids": ["%1"]})").arg(memoryId),
            QStringLiteral(R"({"content_hash": "%1"})").arg(contentHash) },
        { QStringLiteral("Slack incoming-webhook URL (the URL is the secret)"),
            QStringLiteral("create_webhook"),
            QStringLiteral(R"({"url": "%1", "event_types": ["consolidation.completed"]})")
                .arg(slackWebhook),
            QString(), QStringLiteral("{}") },
        { QStringLiteral("password in a PostgreSQL URI, in retained text"),
            QStringLiteral("retain"),
            QStringLiteral(R"({"items": [{"content": "the replica is postgresql://app:%1@)"
                           R"(db.internal:5432/prod since May"}]})")
                .arg(postgresPassword),
            QStringLiteral(R"({"ok": true})"), QStringLiteral("{}") },
        { QStringLiteral("Stripe live key in a recall prompt"), QStringLiteral("recall"),
            QStringLiteral(R"({"query": "why does %1 fail at checkout?", "max_tokens": 4096, )"
                           R"("input_tokens": 812})")
                .arg(stripeLive),
            QStringLiteral(R"({"results": [{"text": "%1"}]})").arg(prose), QStringLiteral("{}") },
        { QStringLiteral("Google API key in a response array"), QStringLiteral("reflect"),
            QStringLiteral(R"({"query": "which keys are configured?"})"),
            QStringLiteral(R"({"answer": ["maps", "key %1 in the frontend"]})").arg(googleApiKey),
            QStringLiteral("{}") },
        { QStringLiteral("Hugging Face token in metadata"), QStringLiteral("retain"),
            QStringLiteral(R"({"items": [{"content": "note"}]})"),
            QStringLiteral(R"({"ok": true})"),
            QStringLiteral(R"({"source": {"loader": {"auth": "%1"}}})").arg(huggingFace) },
        { QStringLiteral("GitLab token nested in an array of objects"), QStringLiteral("retain"),
            QStringLiteral(R"({"items": [{"content": "x"}, {"content": "ci uses %1"}]})")
                .arg(gitlabToken),
            QStringLiteral(R"({"ok": true})"), QStringLiteral("{}") },
        { QStringLiteral("Discord webhook URL"), QStringLiteral("create_webhook"),
            QStringLiteral(R"({"url": "%1"})").arg(discordWebhook),
            QStringLiteral(R"({"ok": true})"), QStringLiteral("{}") },
        { QStringLiteral("a JSON document kept as a string, with a key and a URL password"),
            QStringLiteral("retain"),
            QStringLiteral(R"({"items": [{"content": "{\"api_key\": \"%1\", \"hook\": )"
                           R"(\"https://ops:%2@hooks.example.com/y\"}"}]})")
                .arg(escapedKey, escapedUrlPassword),
            QStringLiteral(R"({"ok": true})"), QStringLiteral("{}") },
    };
}

// The secrets in `text`, for a failure message; empty when none leaked.
inline QStringList leaked(const QString &text)
{
    return HindsightSecrets::foundIn(text, secrets());
}

// Creates `schema` with Hindsight's audit table and the corpus in it, a minute apart,
// newest first (row 0 a minute before `newest`, an SQL timestamptz expression).
inline bool insertInto(const QString &schema, const QString &newest, QString *error)
{
    TestDatabase db;
    if (!db.createAuditSchema(schema)) {
        *error = db.error();
        return false;
    }
    AdminConnection admin(TestDatabase::conninfo());
    const QList<Row> corpus = rows();
    for (qsizetype i = 0; i < corpus.size(); ++i) {
        const Row &row = corpus.at(i);
        const QString started
            = QStringLiteral("%1 - %2 * interval '1 minute'").arg(newest).arg(i + 1);
        if (!admin.exec(QStringLiteral("INSERT INTO %1.audit_log (action, transport, started_at, "
                                       "ended_at, request, response, metadata) VALUES ($1, "
                                       "'http', %2, %2 + interval '1 second', $2::jsonb, "
                                       "$3::jsonb, $4::jsonb)")
                            .arg(schema, started),
                { row.action, row.request, row.response.isEmpty() ? QString() : row.response,
                    row.metadata })) {
            *error = row.family + QStringLiteral(": ") + admin.error();
            return false;
        }
    }
    return true;
}

} // namespace SecretCorpus
