#include "secretmasker.h"

#include "secretscan.h"
#include "valuepatterns.h"

#include <QMutex>

#include <algorithm>

struct SecretMasker::Compiled
{
    MaskingRules rules;
    SecretScan::KeyRules keys;
    ValuePatterns values;
};

SecretMasker::SecretMasker()
{
    // Compiled once per rule set, not once per document: regular expressions are
    // compiled (and JIT-compiled on first use) when a masker is built.
    static QMutex mutex;
    static std::shared_ptr<const Compiled> cached;
    const MaskingRules active = MaskingRules::active();
    QMutexLocker lock(&mutex);
    if (!cached || cached->rules != active) {
        cached = SecretMasker(active).m_rules;
    }
    m_rules = cached;
}

SecretMasker::SecretMasker(const MaskingRules &rules)
{
    auto compiled = std::make_shared<Compiled>();
    compiled->rules = rules;
    for (const QString &pattern : rules.keyPatterns) {
        const QStringList parts = pattern.trimmed().split(QLatin1Char('.'));
        if (parts.contains(QString())) {
            continue; // "a..b" or "": MaskingRules::problems() names it
        }
        SecretScan::KeyPattern key;
        for (const QString &part : parts) {
            key.segments.emplace_back(SecretScan::fold(part));
        }
        compiled->keys.patterns.push_back(std::move(key));
    }
    // Rules without a word or with a '*' are skipped: MaskingRules::problems() names them.
    const auto addWords = [&compiled](const QStringList &rules, bool ifCredential) {
        for (const QString &rule : rules) {
            if (!rule.contains(QLatin1Char('*'))) {
                compiled->keys.addWordRule(SecretScan::WordRule(rule), ifCredential);
            }
        }
    };
    addWords(rules.keyWords, false);
    addWords(rules.credentialKeyWords, true);
    compiled->values = ValuePatterns(rules.valuePatterns);
    m_rules = std::move(compiled);
}

const MaskingRules &SecretMasker::rules() const
{
    return m_rules->rules;
}

QString SecretMasker::maskText()
{
    return QString(SecretScan::kBulletCount, QChar(SecretScan::kBullet));
}

bool SecretMasker::isSensitiveKey(QStringView key) const
{
    const std::u16string folded = SecretScan::fold(key);
    const std::vector<SecretScan::KeyPattern> &patterns = m_rules->keys.patterns;
    if (std::any_of(patterns.begin(), patterns.end(), [&](const SecretScan::KeyPattern &pattern) {
            return pattern.segments.size() == 1 && pattern.segments.front().matches(folded);
        })) {
        return true;
    }
    SecretScan::KeyWords words;
    std::u16string unused;
    words.assign(key.utf16(), size_t(key.size()), unused);
    return m_rules->keys.byWords(words) == SecretScan::KeyVerdict::Secret;
}

QString SecretMasker::mask(const QString &json, int *maskedCount) const
{
    const std::vector<TextSpan> matches = m_rules->values.find(json);
    const SecretScan::Context context { m_rules->keys, m_rules->values, matches };
    QString masked;
    const char16_t *begin = QStringView(json).utf16();
    SecretScan::Scan<char16_t, QString> scan(context, begin, begin + json.size(), &masked);
    const int count = scan.run();
    if (maskedCount) {
        *maskedCount = count;
    }
    return scan.replaced() > 0 ? masked : json;
}

QString SecretMasker::mask(
    const QString &json, const RevealedValues &revealed, std::vector<MaskedValue> *values) const
{
    if (values) {
        values->clear();
    }
    const std::vector<TextSpan> matches = m_rules->values.find(json);
    const SecretScan::Context context { m_rules->keys, m_rules->values, matches, &revealed,
        values };
    QString masked;
    const char16_t *begin = QStringView(json).utf16();
    SecretScan::Scan<char16_t, QString> scan(context, begin, begin + json.size(), &masked);
    scan.run();
    return scan.replaced() > 0 ? masked : json;
}

bool SecretMasker::maskUtf8Into(QByteArrayView utf8, QByteArray &masked, int *maskedCount) const
{
    masked.resize(0);
    const std::vector<TextSpan> matches = m_rules->values.findUtf8(utf8);
    const SecretScan::Context context { m_rules->keys, m_rules->values, matches };
    const char *begin = utf8.data();
    SecretScan::Scan<char, QByteArray> scan(context, begin, begin + utf8.size(), &masked);
    const int count = scan.run();
    if (maskedCount) {
        *maskedCount = count;
    }
    return scan.replaced() > 0;
}

QByteArray SecretMasker::maskUtf8(QByteArrayView utf8, int *maskedCount) const
{
    QByteArray masked;
    return maskUtf8Into(utf8, masked, maskedCount) ? masked : utf8.toByteArray();
}

int SecretMasker::countMasked(const QString &json) const
{
    const std::vector<TextSpan> matches = m_rules->values.find(json);
    const SecretScan::Context context { m_rules->keys, m_rules->values, matches };
    const char16_t *begin = QStringView(json).utf16();
    return SecretScan::Scan<char16_t, QString>(context, begin, begin + json.size(), nullptr).run();
}
