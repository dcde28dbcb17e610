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

} // namespace

QStringList MaskingRules::defaultKeyPatterns()
{
    return { QStringLiteral("*secret*"), QStringLiteral("*token*"), QStringLiteral("*api_key*"),
        QStringLiteral("*apikey*"), QStringLiteral("password"), QStringLiteral("passwd"),
        QStringLiteral("authorization"), QStringLiteral("*_authorization"),
        QStringLiteral("cookie"), QStringLiteral("set-cookie"), QStringLiteral("*private_key*"),
        QStringLiteral("headers.*") };
}

QStringList MaskingRules::defaultValuePatterns()
{
    return {
        // OpenAI and Anthropic keys: sk-..., sk-proj-..., sk-ant-api03-...
        QStringLiteral("\\bsk-(?:ant-)?[A-Za-z0-9_-]{16,}"),
        // Webhook signing secrets (Svix, Stripe).
        QStringLiteral("\\bwhsec_[A-Za-z0-9+/=_-]{16,}"),
        // GitHub tokens: personal, OAuth, user, server, refresh.
        QStringLiteral("\\bgh[pousr]_[A-Za-z0-9]{20,}"),
        // Slack tokens.
        QStringLiteral("\\bxox[abprs]-[A-Za-z0-9-]{10,}"),
        // JSON Web Tokens: header and payload both start {" in base64url.
        QStringLiteral("\\beyJ[A-Za-z0-9_-]{4,}\\.eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*"),
        // PEM private keys, up to their end line (or the end of the text).
        QStringLiteral("-----BEGIN[A-Z ]*PRIVATE KEY-----[\\s\\S]*?(?:-----END[A-Z ]*PRIVATE "
                       "KEY-----|$)"),
    };
}

MaskingRules MaskingRules::defaults()
{
    return { defaultKeyPatterns(), defaultValuePatterns() };
}

MaskingRules MaskingRules::fromSettings(QSettings &settings)
{
    settings.beginGroup(kGroup);
    MaskingRules rules = defaults();
    if (settings.contains(kKeyPatterns)) {
        rules.keyPatterns = withoutBlanks(settings.value(kKeyPatterns).toStringList());
    }
    if (settings.contains(kValuePatterns)) {
        rules.valuePatterns = withoutBlanks(settings.value(kValuePatterns).toStringList());
    }
    settings.endGroup();
    return rules;
}

void MaskingRules::save(QSettings &settings) const
{
    settings.beginGroup(kGroup);
    if (keyPatterns == defaultKeyPatterns()) {
        settings.remove(kKeyPatterns);
    } else {
        settings.setValue(kKeyPatterns, keyPatterns);
    }
    if (valuePatterns == defaultValuePatterns()) {
        settings.remove(kValuePatterns);
    } else {
        settings.setValue(kValuePatterns, valuePatterns);
    }
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
            rules.keyPatterns += defaultKeyPatterns();
            rules.valuePatterns += defaultValuePatterns();
            continue;
        }
        // The pattern is everything after the first colon: a regular expression may
        // start or end with a space, so only the rule's name is trimmed.
        const qsizetype colon = line.indexOf(QLatin1Char(':'));
        const QString kind = colon < 0 ? QString() : line.left(colon).trimmed();
        const QString pattern = colon < 0 ? QString() : line.mid(colon + 1);
        if (kind == QLatin1String("key") && !pattern.trimmed().isEmpty()) {
            rules.keyPatterns.append(pattern.trimmed());
        } else if (kind == QLatin1String("value") && !pattern.trimmed().isEmpty()) {
            rules.valuePatterns.append(pattern);
        } else if (problems) {
            problems->append(tr("line %1: \"%2\" is not a rule (key:PATTERN, value:REGEX or "
                                "defaults); it is ignored.")
                                 .arg(i + 1)
                                 .arg(trimmed));
        }
    }
    return rules;
}

QString MaskingRules::toText() const
{
    QString text;
    for (const QString &pattern : keyPatterns) {
        text += QStringLiteral("key:") + pattern + QLatin1Char('\n');
    }
    for (const QString &pattern : valuePatterns) {
        text += QStringLiteral("value:") + pattern + QLatin1Char('\n');
    }
    return text;
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
