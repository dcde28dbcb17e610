#pragma once

#include <QString>
#include <QStringList>

// Requests as Hindsight stores them, with the secrets its audit log is known to hold, for
// the masking tests of every layer. Each secret is a distinct string that must never show
// up where masking applies; the other values must stay exactly as stored.
namespace HindsightSecrets {

// create_webhook: the signing secret, and http_config.headers with an Authorization header
// (its scheme stays) and a header whose name gives nothing away (X-Tenant).
inline const QString webhookSecret = QStringLiteral("whsec_Zq4Kt9Wm2Xn7Pr1Lv8Sy3");
inline const QString bearerToken = QStringLiteral("tok_live_7Hc2Qw9Zp4Lm");
inline const QString tenant = QStringLiteral("acme-tenant-4471");
inline const QString createWebhook = QStringLiteral(
    R"({"url": "https://hooks.example.com/hindsight", "secret": "%1", "event_types": )"
    R"(["retain.completed"], "http_config": {"method": "POST", "timeout_seconds": 30, )"
    R"("headers": {"Authorization": "Bearer %2", "X-Tenant": "%3"}}})")
                                         .arg(webhookSecret, bearerToken, tenant);

// update_bank_config: free-form updates with an api_key, an OpenAI-style key under an
// innocent name, and a number no double holds.
inline const QString bankApiKey = QStringLiteral("ak_bank_55Yq2Wd8Ru");
inline const QString innocentSk = QStringLiteral("sk-ant-api03-Zx8Qm2Lp7Vn4Rt6Ws1");
inline const QString updateBankConfig
    = QStringLiteral(R"({"updates": {"llm_model": "gpt-4o-mini", "api_key": "%1", "notes": "%2", )"
                     R"("max_tokens": 4096, "trace": 12345678901234567890}})")
          .arg(bankApiKey, innocentSk);

// A JSON Web Token in a value whose key says nothing.
inline const QString jwt
    = QStringLiteral("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJib3QtNDIifQ.c2lnbmF0dXJlLTk5OTk");
inline const QString recallWithJwt
    = QStringLiteral(R"({"query": "who is alice", "context": "%1", "max_tokens": 4096})").arg(jwt);

// Text that is not JSON from its second character on (an unquoted key), with a key in a
// sentence and a password.
inline const QString invalidSk = QStringLiteral("sk-proj-Qw3Er5Ty7Ui9Op1AsDf");
inline const QString invalidPassword = QStringLiteral("hunter2-Xy9Vb");
inline const QString invalidJson
    = QStringLiteral(R"({note: "call it with %1 please", "password": "%2"})")
          .arg(invalidSk, invalidPassword);

// Every secret above.
inline QStringList secrets()
{
    return { webhookSecret, bearerToken, tenant, bankApiKey, innocentSk, jwt, invalidSk,
        invalidPassword };
}

// Every document above.
inline QStringList documents()
{
    return { createWebhook, updateBankConfig, recallWithJwt, invalidJson };
}

// Those of `candidates` that `text` contains, for a failure message.
inline QStringList foundIn(const QString &text, const QStringList &candidates)
{
    QStringList found;
    for (const QString &secret : candidates) {
        if (text.contains(secret)) {
            found.append(secret);
        }
    }
    return found;
}

// The secrets in `text`, for a failure message; empty when none leaked.
inline QStringList leaked(const QString &text)
{
    return foundIn(text, secrets());
}

} // namespace HindsightSecrets
