#include "maskingrules.h"

#include "gitleaksconfig.h"

#include <QFile>
#include <QMutex>
#include <QRegularExpression>
#include <QSettings>

namespace {

const QString kGroup = QStringLiteral("masking");
const QString kKeyPatterns = QStringLiteral("keyPatterns");
const QString kValuePatterns = QStringLiteral("valuePatterns");
const QString kKeyWords = QStringLiteral("keyWords");
const QString kCredentialKeyWords = QStringLiteral("credentialKeyWords");

const QString kKeyKind = QStringLiteral("key");
const QString kWordKind = QStringLiteral("word");
const QString kCredentialKind = QStringLiteral("credential");
const QString kValueKind = QStringLiteral("value");

QMutex s_activeMutex;
std::optional<MaskingRules> s_active;
QString s_activeFile;

// Blank entries carry no rule; they are dropped rather than reported.
QStringList withoutBlanks(const QStringList &patterns)
{
    QStringList kept;
    for (const QString &pattern : patterns) {
        if (!pattern.trimmed().isEmpty()) {
            kept.append(pattern);
        }
    }
    return kept;
}

// A rule line "kind:pattern" split at its first colon; the pattern keeps its spaces (a
// regular expression may start or end with one).
struct RuleLine
{
    QString kind;
    QString pattern;
};

RuleLine splitRuleLine(const QString &line)
{
    const qsizetype colon = line.indexOf(QLatin1Char(':'));
    if (colon < 0) {
        return {};
    }
    return { line.left(colon).trimmed(), line.mid(colon + 1) };
}

bool isKeyKind(const QString &kind)
{
    return kind == kKeyKind || kind == kWordKind || kind == kCredentialKind;
}

// Adds a key rule of kind key:, word: or credential:; false for another kind, and for an
// empty pattern unless `keepEmpty` (problems() names it then).
bool addKeyRule(MaskingRules &rules, const RuleLine &rule, bool keepEmpty = false)
{
    const QString pattern = rule.pattern.trimmed();
    if (pattern.isEmpty() && !keepEmpty) {
        return false;
    }
    if (rule.kind == kKeyKind) {
        rules.keyPatterns.append(pattern);
    } else if (rule.kind == kWordKind) {
        rules.keyWords.append(pattern);
    } else if (rule.kind == kCredentialKind) {
        rules.credentialKeyWords.append(pattern);
    } else {
        return false;
    }
    return true;
}

// As SecretMasker cuts keys into words: ASCII letters and digits, and anything not ASCII.
bool hasWord(const QString &rule)
{
    return std::any_of(rule.begin(), rule.end(),
        [](QChar c) { return c.unicode() >= 0x80 || c.isLetterOrNumber(); });
}

} // namespace

QStringList MaskingRules::defaultKeyPatterns()
{
    // Every header value: X-Tenant or a custom auth header gives nothing away by its name.
    return { QStringLiteral("headers.*") };
}

QStringList MaskingRules::defaultKeyWords()
{
    // As words: "token" is also access_token, refresh_token, id_token, auth_token and
    // X-Auth-Token; "secret" also client_secret and aws_secret_access_key; "api_key" also
    // apikey, apiKey and x-api-key; "cookie" also set-cookie. Never max_tokens,
    // input_tokens, tokens_budget (other words) nor token_count (a measure).
    return { QStringLiteral("token"), QStringLiteral("secret"), QStringLiteral("secrets"),
        QStringLiteral("api_key"), QStringLiteral("password"), QStringLiteral("passwd"),
        QStringLiteral("passphrase"), QStringLiteral("private_key"),
        QStringLiteral("authorization"), QStringLiteral("cookie") };
}

QStringList MaskingRules::defaultCredentialKeyWords()
{
    // Hindsight's bank configurations hold provider keys as {"key": "gsk_…"}; a key named
    // key also holds names and paths, which stay.
    return { QStringLiteral("key") };
}

QStringList MaskingRules::defaultValuePatterns()
{
    // The high-confidence formats the secret scanners (gitleaks, trufflehog, GitHub secret
    // scanning) agree on. Each starts with plain text ("AKIA", "gsk_"): exports look for
    // it before anything else, so a document without any is never searched.
    return {
        // OpenAI and Anthropic keys: sk-..., sk-proj-..., sk-ant-api03-...
        QStringLiteral("\\bsk-(?:ant-)?[A-Za-z0-9_-]{16,}"),
        // Webhook signing secrets (Svix, Stripe).
        QStringLiteral("\\bwhsec_[A-Za-z0-9+/=_-]{16,}"),
        // GitHub tokens: personal, OAuth, user, server, refresh; fine-grained personal.
        QStringLiteral("\\bgh[pousr]_[A-Za-z0-9]{20,}"),
        QStringLiteral("\\bgithub_pat_[A-Za-z0-9_]{20,}"),
        // GitLab personal access tokens.
        QStringLiteral("\\bglpat-[A-Za-z0-9_-]{20,}"),
        // Slack tokens.
        QStringLiteral("\\bxox[abprs]-[A-Za-z0-9-]{10,}"),
        // Slack incoming webhooks: the URL is the credential; the host stays readable.
        QStringLiteral("https://hooks\\.slack\\.com/services/"
                       "(?<secret>T[A-Za-z0-9_]+/B[A-Za-z0-9_]+/[A-Za-z0-9]+)"),
        // Discord webhooks: the id and token after /api/webhooks/.
        QStringLiteral(
            "https://discord(?:app)?\\.com/api/webhooks/(?<secret>[0-9]+/[A-Za-z0-9_-]+)"),
        // AWS access key ids: long-term (AKIA) and temporary (ASIA). No \b at the end: PCRE
        // takes any \b as looking one character back, so text cut off inside a key would
        // have the character before it hidden too.
        QStringLiteral("\\bA[KS]IA[A-Z0-9]{16}"),
        // Google API keys (Google Cloud, Gemini).
        QStringLiteral("\\bAIza[A-Za-z0-9_-]{35}"),
        // Google OAuth access tokens.
        QStringLiteral("\\bya29\\.[A-Za-z0-9_-]{20,}"),
        // Groq API keys.
        QStringLiteral("\\bgsk_[A-Za-z0-9]{20,}"),
        // xAI API keys.
        QStringLiteral("\\bxai-[A-Za-z0-9]{20,}"),
        // Hugging Face access tokens.
        QStringLiteral("\\bhf_[A-Za-z0-9]{30,}"),
        // Stripe secret (sk_) and restricted (rk_) keys, live and test.
        QStringLiteral("\\b[sr]k_live_[A-Za-z0-9]{16,}"),
        QStringLiteral("\\b[sr]k_test_[A-Za-z0-9]{16,}"),
        // npm access tokens.
        QStringLiteral("\\bnpm_[A-Za-z0-9]{36}"),
        // JSON Web Tokens: header and payload both start {" in base64url.
        QStringLiteral("\\beyJ[A-Za-z0-9_-]{4,}\\.eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*"),
        // PEM private keys, up to their end line (or the end of the text).
        QStringLiteral("-----BEGIN[A-Z ]*PRIVATE KEY-----[\\s\\S]*?(?:-----END[A-Z ]*PRIVATE "
                       "KEY-----|$)"),
        // The password of a URL or connection string (https://, postgresql://, redis://,
        // amqp://, mongodb+srv://...): scheme://user:password@host, the user may be empty.
        QStringLiteral("://[^\\s/?#@:\"']*:(?<secret>[^\\s/?#@\"']+)@"),
        // A password parameter: ?password=... in a URL, password=... (db_password=...) in
        // a key=value connection string or environment.
        QStringLiteral("[Pp]assword=(?<secret>[^\\s&;\"'\\\\]+)"),
    };
}

MaskingRules MaskingRules::defaults()
{
    return { defaultKeyPatterns(), defaultValuePatterns(), defaultKeyWords(),
        defaultCredentialKeyWords() };
}

MaskingRules MaskingRules::fromSettings(QSettings &settings)
{
    settings.beginGroup(kGroup);
    MaskingRules rules = defaults();
    const auto read = [&settings](const QString &key, QStringList &list) {
        if (settings.contains(key)) {
            list = withoutBlanks(settings.value(key).toStringList());
        }
    };
    read(kKeyPatterns, rules.keyPatterns);
    read(kValuePatterns, rules.valuePatterns);
    read(kKeyWords, rules.keyWords);
    read(kCredentialKeyWords, rules.credentialKeyWords);
    settings.endGroup();
    return rules;
}

void MaskingRules::save(QSettings &settings) const
{
    settings.beginGroup(kGroup);
    const auto write
        = [&settings](const QString &key, const QStringList &list, const QStringList &defaultList) {
              if (list == defaultList) {
                  settings.remove(key);
              } else {
                  settings.setValue(key, list);
              }
          };
    write(kKeyPatterns, keyPatterns, defaultKeyPatterns());
    write(kValuePatterns, valuePatterns, defaultValuePatterns());
    write(kKeyWords, keyWords, defaultKeyWords());
    write(kCredentialKeyWords, credentialKeyWords, defaultCredentialKeyWords());
    settings.endGroup();
}

MaskingRules MaskingRules::fromText(const QString &text, QStringList *problems)
{
    MaskingRules rules;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QString line = lines.at(i);
        if (line.endsWith(QLatin1Char('\r'))) {
            line.chop(1);
        }
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(QLatin1Char('#'))) {
            continue;
        }
        if (trimmed == QLatin1String("defaults")) {
            const MaskingRules builtIn = defaults();
            rules.keyPatterns += builtIn.keyPatterns;
            rules.valuePatterns += builtIn.valuePatterns;
            rules.keyWords += builtIn.keyWords;
            rules.credentialKeyWords += builtIn.credentialKeyWords;
            continue;
        }
        const RuleLine rule = splitRuleLine(line);
        if (rule.kind == kValueKind && !rule.pattern.trimmed().isEmpty()) {
            rules.valuePatterns.append(rule.pattern);
        } else if (!addKeyRule(rules, rule) && problems) {
            problems->append(tr("line %1: \"%2\" is not a rule (key:PATTERN, word:WORDS, "
                                "credential:WORDS, value:REGEX or defaults); it is ignored.")
                                 .arg(i + 1)
                                 .arg(trimmed));
        }
    }
    return rules;
}

QString MaskingRules::toText() const
{
    QString text;
    const auto add = [&text](const QString &kind, const QStringList &patterns) {
        for (const QString &pattern : patterns) {
            text += kind + QLatin1Char(':') + pattern + QLatin1Char('\n');
        }
    };
    add(kKeyKind, keyPatterns);
    add(kWordKind, keyWords);
    add(kCredentialKind, credentialKeyWords);
    add(kValueKind, valuePatterns);
    return text;
}

QStringList MaskingRules::keyRuleLines() const
{
    QStringList lines;
    for (const QString &pattern : keyPatterns) {
        // A pattern that reads like a rule of another kind keeps its "key:".
        const bool looksLikeAKind = isKeyKind(splitRuleLine(pattern).kind);
        lines.append(looksLikeAKind ? kKeyKind + QLatin1Char(':') + pattern : pattern);
    }
    for (const QString &words : keyWords) {
        lines.append(kWordKind + QLatin1Char(':') + words);
    }
    for (const QString &words : credentialKeyWords) {
        lines.append(kCredentialKind + QLatin1Char(':') + words);
    }
    return lines;
}

MaskingRules MaskingRules::fromKeyRuleLines(const QStringList &lines)
{
    MaskingRules rules;
    for (const QString &line : lines) {
        if (line.trimmed().isEmpty()) {
            continue;
        }
        if (!addKeyRule(rules, splitRuleLine(line), true)) {
            rules.keyPatterns.append(line.trimmed()); // a key pattern without its "key:"
        }
    }
    return rules;
}

std::optional<MaskingRules> MaskingRules::fromFile(
    const QString &path, QString *error, QStringList *problems)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        if (error) {
            *error = tr("Could not read the masking rules %1: %2.").arg(path, file.errorString());
        }
        return std::nullopt;
    }
    const QString text = QString::fromUtf8(file.readAll());
    if (GitleaksConfig::isGitleaksConfig(text)) {
        QString tomlError;
        std::optional<MaskingRules> rules
            = GitleaksConfig::maskingRules(text, &tomlError, problems);
        if (!rules && error) {
            *error = tr("Could not read the gitleaks configuration %1: %2.").arg(path, tomlError);
        }
        return rules;
    }
    return fromText(text, problems);
}

QStringList MaskingRules::problems() const
{
    QStringList found;
    for (const QString &pattern : keyPatterns) {
        if (pattern.split(QLatin1Char('.')).contains(QString())) {
            found.append(
                tr("The key pattern \"%1\" has an empty part; it is ignored.").arg(pattern));
        }
    }
    const auto checkWords = [&found](const QString &kind, const QStringList &rules) {
        for (const QString &words : rules) {
            const QString line = kind + QLatin1Char(':') + words;
            if (words.contains(QLatin1Char('*'))) {
                found.append(tr("The rule \"%1\" has a *: word rules match whole words (key: "
                                "rules take wildcards); it is ignored.")
                                 .arg(line));
            } else if (!hasWord(words)) {
                found.append(tr("The rule \"%1\" names no word; it is ignored.").arg(line));
            }
        }
    };
    checkWords(kWordKind, keyWords);
    checkWords(kCredentialKind, credentialKeyWords);
    for (const QString &pattern : valuePatterns) {
        const QRegularExpression expression(pattern);
        if (!expression.isValid()) {
            found.append(tr("The value pattern \"%1\" is not a valid regular expression (%2, at "
                            "character %3); it is ignored.")
                             .arg(pattern, expression.errorString())
                             .arg(expression.patternErrorOffset() + 1));
        }
    }
    return found;
}

MaskingRules MaskingRules::active()
{
    QMutexLocker lock(&s_activeMutex);
    return s_active.value_or(defaults());
}

void MaskingRules::setActive(const MaskingRules &rules, const QString &fromFile)
{
    QMutexLocker lock(&s_activeMutex);
    s_active = rules;
    s_activeFile = fromFile;
}

QString MaskingRules::activeFile()
{
    QMutexLocker lock(&s_activeMutex);
    return s_activeFile;
}
