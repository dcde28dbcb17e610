#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <string>
#include <vector>

// Hides the values of sensitive keys in JSON text (Hindsight stores request bodies
// unredacted: a webhook's signing secret, API keys, Authorization headers). Works on the
// stored text token by token, like JsonPrettyPrinter: everything else stays byte for byte.
// Rules: key patterns matched case-insensitively, '*' as a wildcard ("*secret*",
// "*token*", "*api_key*", "password", "authorization", "cookie"); a masked string value
// becomes "••••" — except an Authorization value keeps its scheme ("Bearer ••••"); a
// masked object or array value is masked as a whole ("••••").
// Details of the rules:
// - '-' and '_' match each other, so "*api_key*" also catches the header "X-Api-Key".
// - Keys are compared decoded: "api\u005fkey" is "api_key".
// - Numbers, booleans, null, "" and empty containers stay: they carry no secret, and
//   *token* must not hide "max_tokens": 4096 in every recall request.
// - Under a "headers" key, headers given as a list are masked too: [["Authorization",
//   "Bearer x"]] and [{"name": "Cookie", "value": "x"}] (name before value).
// Thread: any (no shared state; each instance is immutable after construction).
class SecretMasker
{
public:
    SecretMasker(); // the default rules
    explicit SecretMasker(const QStringList &keyPatterns);

    static QStringList defaultKeyPatterns();
    // What a masked value reads, inside its quotes: "••••".
    static QString maskText();

    const QStringList &keyPatterns() const { return m_patterns; }
    // `key` is the decoded key text (no quotes, no escapes).
    bool isSensitiveKey(QStringView key) const;

    // `json` with sensitive values replaced; invalid JSON is returned unchanged. When
    // maskedCount is given it receives how many values were replaced.
    QString mask(const QString &json, int *maskedCount = nullptr) const;
    // The same for UTF-8 text (exports, clipboard); invalid UTF-8 counts as invalid JSON.
    QByteArray maskUtf8(QByteArrayView utf8, int *maskedCount = nullptr) const;
    // How many values mask() replaces in `json`.
    int countMasked(const QString &json) const;

private:
    QStringList m_patterns;
    // The patterns lower-cased with '-' as '_', the form keys are compared in.
    std::vector<std::u16string> m_foldedPatterns;
};
