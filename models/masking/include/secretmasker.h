#pragma once

#include "maskingrules.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QSet>
#include <QString>
#include <QStringView>

#include <memory>
#include <vector>

// Which of the values the rules hide are shown as stored after all: every one, or some
// by their number (0 is the first value the rules hide, in document order).
struct RevealedValues
{
    bool all = false;
    QSet<int> ordinals;

    bool contains(int ordinal) const { return all || ordinals.contains(ordinal); }
    bool isEmpty() const { return !all && ordinals.isEmpty(); }
};

// One value the rules hide, as mask() reports it.
struct MaskedValue
{
    int ordinal = 0; // its number in document order
    // Where it is in mask()'s result: the first "•" when hidden, its first character when
    // revealed.
    qsizetype position = 0;
    bool revealed = false;
};

// Hides secret values in JSON text (Hindsight stores request bodies unredacted: a
// webhook's signing secret and headers, API keys, Authorization headers) by the rules of
// a MaskingRules. Works on the stored text token by token, like JsonPrettyPrinter:
// everything else stays byte for byte, so valid JSON stays valid and numbers stay exact.
// - A hidden string becomes "••••", except that an Authorization value keeps its scheme
//   ("Bearer ••••"); a hidden object or array becomes "••••" as a whole.
// - Key rules (MaskingRules says how each kind decides): keys are compared decoded
//   ("api\u005fkey" is "api_key"). Array levels do not count in a key path, and headers
//   given as a list take the header's name as their key: [["Authorization", "Bearer x"]]
//   and [{"name": "Cookie", "value": "x"}] under "headers" (name before value); the names
//   stay. A credential: rule hides a string only, and only one that looks like a credential.
// - A value pattern hides the whole string that contains a match (a scheme before the
//   match stays), wherever it is; a pattern with a group named "secret" hides only that
//   group's text, in place ("postgresql://app:••••@db:5432/prod"), unless another
//   pattern's match hides the whole string.
// - Numbers, booleans, null, "" and empty containers stay: they carry no secret (a
//   secret's key with a number is a count: "token_count": 12).
// - Text cut off inside a document (a preview, a truncated read) is masked as far as it
//   goes, and a secret the cut falls into is hidden to the end: a key's value, a string
//   holding a match, or a string ending in what could begin one (3 characters or more);
//   of a pattern with a secret group, what there is of the group.
// - Text that is not JSON is masked up to the error as JSON; after it, best effort:
//   "key": value and key=value pairs by the key patterns, and the text of every value
//   pattern match. A hidden container the error falls into is hidden to the end.
// Thread: any (each instance is immutable; copies share their compiled rules).
class SecretMasker
{
public:
    SecretMasker(); // MaskingRules::active()
    explicit SecretMasker(const MaskingRules &rules);

    const MaskingRules &rules() const;
    // What a masked value reads, inside its quotes: "••••".
    static QString maskText();

    // `key` is the decoded key text (no quotes, no escapes), matched against the
    // single-segment key patterns and the word rules: whether its value is hidden whatever
    // it is (a credential: rule's key is not, it depends on the value).
    bool isSensitiveKey(QStringView key) const;

    // `json` with secret values hidden. When maskedCount is given it receives how many
    // values were hidden.
    QString mask(const QString &json, int *maskedCount = nullptr) const;
    // The same, leaving `revealed` values as stored; `values` receives every value the
    // rules hide, in document order, with where it ended up in the result.
    QString mask(const QString &json, const RevealedValues &revealed,
        std::vector<MaskedValue> *values = nullptr) const;
    // The same for UTF-8 text.
    QByteArray maskUtf8(QByteArrayView utf8, int *maskedCount = nullptr) const;
    // For exports, without a copy when nothing is secret: returns false when `utf8` is
    // fine as it is, else true with the masked text in `masked` (replacing its content,
    // keeping its capacity).
    bool maskUtf8Into(QByteArrayView utf8, QByteArray &masked, int *maskedCount = nullptr) const;
    // How many values mask() hides in `json`.
    int countMasked(const QString &json) const;

private:
    struct Compiled;
    std::shared_ptr<const Compiled> m_rules;
};
