#include "gitleaksconfig.h"

#include "patternkeywords.h"
#include "tomlreader.h"
#include "valuepatterns.h"

#include <QRegularExpression>

#include <algorithm>

namespace {

bool isStringList(const QVariant &value)
{
    if (value.typeId() != QMetaType::QVariantList) {
        return false;
    }
    const QVariantList items = value.toList();
    return std::all_of(items.begin(), items.end(),
        [](const QVariant &item) { return item.typeId() == QMetaType::QString; });
}

bool isTable(const QVariant &value)
{
    return value.typeId() == QMetaType::QVariantMap;
}

bool isTableList(const QVariant &value)
{
    if (value.typeId() != QMetaType::QVariantList) {
        return false;
    }
    const QVariantList items = value.toList();
    return std::all_of(items.begin(), items.end(), isTable);
}

// `regex` with its capturing group number `group` named "secret" (the value patterns hide
// such a group alone), or empty when it has no such group or one is named so already.
QString withSecretGroup(const QString &regex, qint64 group)
{
    const QRegularExpression original(regex);
    if (group < 1 || original.namedCaptureGroups().contains(QStringLiteral("secret"))) {
        return {};
    }
    qint64 seen = 0;
    bool inClass = false;
    for (qsizetype i = 0; i < regex.size(); ++i) {
        const QChar c = regex.at(i);
        if (c == QLatin1Char('\\')) {
            ++i;
        } else if (inClass) {
            inClass = c != QLatin1Char(']');
        } else if (c == QLatin1Char('[')) {
            inClass = true;
            i += regex.mid(i + 1, 1) == QLatin1String("^") ? 1 : 0;
            i += regex.mid(i + 1, 1) == QLatin1String("]") ? 1 : 0;
        } else if (c == QLatin1Char('(')) {
            const QStringView rest = QStringView(regex).mid(i + 1);
            qsizetype name = -1; // where a named group's name starts
            if (rest.startsWith(QLatin1String("?P<"))) {
                name = i + 4;
            } else if (rest.startsWith(QLatin1String("?<"))
                && !rest.startsWith(QLatin1String("?<="))
                && !rest.startsWith(QLatin1String("?<!"))) {
                name = i + 3;
            } else if (rest.startsWith(QLatin1Char('?')) || rest.startsWith(QLatin1Char('*'))) {
                continue; // not a capturing group
            }
            if (++seen != group) {
                continue;
            }
            const QString named = name < 0
                ? regex.left(i + 1) + QStringLiteral("?<secret>") + regex.mid(i + 1)
                : regex.left(name) + QStringLiteral("secret")
                    + regex.mid(regex.indexOf(QLatin1Char('>'), name));
            const QRegularExpression expression(named);
            return expression.isValid() && expression.captureCount() == original.captureCount()
                ? named
                : QString();
        }
    }
    return {};
}

} // namespace

bool GitleaksConfig::isGitleaksConfig(const QString &text)
{
    static const QRegularExpression assignment(QStringLiteral("^[A-Za-z0-9_.\"'-]+\\s*="));
    for (const QStringView line : QStringView(text).split(QLatin1Char('\n'))) {
        const QString trimmed = line.trimmed().toString();
        if (trimmed.isEmpty() || trimmed.startsWith(QLatin1Char('#'))) {
            continue;
        }
        return trimmed.startsWith(QLatin1Char('[')) || assignment.match(trimmed).hasMatch();
    }
    return false;
}

std::optional<MaskingRules> GitleaksConfig::maskingRules(
    const QString &text, QString *error, QStringList *problems)
{
    const std::optional<QVariantMap> document = TomlReader::read(text, error);
    if (!document) {
        return std::nullopt;
    }
    QStringList found;
    // Every key rule of the defaults; value patterns from the file (and useDefault).
    MaskingRules rules = MaskingRules::defaults();
    rules.valuePatterns.clear();

    const QVariantMap extend = document->value(QStringLiteral("extend")).toMap();
    if (extend.value(QStringLiteral("useDefault")).toBool()) {
        rules.valuePatterns = MaskingRules::defaultValuePatterns();
        if (extend.contains(QStringLiteral("disabledRules"))) {
            found.append(tr("[extend] disabledRules is not applied: the viewer's own value "
                            "patterns are not gitleaks' default rules."));
        }
    }
    if (extend.contains(QStringLiteral("path"))) {
        found.append(tr("[extend] path %1 is not read; only the rules in this file apply.")
                         .arg(extend.value(QStringLiteral("path")).toString()));
    }
    for (const char *allowlist : { "allowlist", "allowlists" }) {
        if (document->contains(QLatin1String(allowlist))) {
            found.append(tr("The global %1 is not applied: the viewer masks every match.")
                             .arg(QLatin1String(allowlist)));
        }
    }

    const QVariant rulesValue = document->value(QStringLiteral("rules"));
    if (!rulesValue.isNull() && !isTableList(rulesValue)) {
        found.append(tr("rules is not a list of [[rules]] tables; it is ignored."));
    }
    const QVariantList entries = isTableList(rulesValue) ? rulesValue.toList() : QVariantList();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QVariantMap rule = entries.at(i).toMap();
        const QString id = rule.value(QStringLiteral("id")).typeId() == QMetaType::QString
            ? rule.value(QStringLiteral("id")).toString()
            : QString::number(i + 1);
        const QVariant regex = rule.value(QStringLiteral("regex"));
        const QVariant keywords = rule.value(QStringLiteral("keywords"));
        if (regex.typeId() != QMetaType::QString || regex.toString().isEmpty()) {
            found.append(regex.isNull()
                    ? tr("rule %1: it has no regex (a path rule); it is skipped: the viewer "
                         "masks documents, not files.")
                          .arg(id)
                    : tr("rule %1: its regex is not a string; it is skipped.").arg(id));
            continue;
        }
        const QRegularExpression expression(regex.toString());
        if (!expression.isValid()) {
            found.append(tr("rule %1: the regular expression does not compile (%2, at "
                            "character %3); the rule is skipped.")
                             .arg(id, expression.errorString())
                             .arg(expression.patternErrorOffset() + 1));
            continue;
        }
        if (!keywords.isNull() && !isStringList(keywords)) {
            found.append(
                tr("rule %1: its keywords are not a list of strings; they are not used.").arg(id));
        }
        const QStringList words = isStringList(keywords) ? keywords.toStringList() : QStringList();
        QString pattern = regex.toString();
        if (rule.contains(QStringLiteral("secretGroup"))) {
            const QVariant group = rule.value(QStringLiteral("secretGroup"));
            const QString named = withSecretGroup(pattern, group.toLongLong());
            if (named.isEmpty()) {
                found.append(tr("rule %1: secretGroup %2 is not a capturing group of its regex; "
                                "the whole match is masked.")
                                 .arg(id, group.toString()));
            } else {
                pattern = named;
            }
        }
        // A literal start is the better filter: it is looked for where the match begins.
        // A verb such as (*UCP) must start the pattern: no keywords go in front of it.
        const QString withKeywords = PatternKeywords::withKeywords(words, pattern);
        const bool keywordsFit = ValuePatterns::literalPrefixes(pattern).isEmpty()
            && QRegularExpression(withKeywords).isValid();
        rules.valuePatterns.append(keywordsFit ? withKeywords : pattern);
        if (rule.contains(QStringLiteral("path"))) {
            found.append(tr("rule %1: its path is not applied; the regex masks in every "
                            "document.")
                             .arg(id));
        }
        if (rule.contains(QStringLiteral("allowlist"))
            || rule.contains(QStringLiteral("allowlists"))) {
            found.append(
                tr("rule %1: its allowlist is not applied; every match is masked.").arg(id));
        }
    }
    if (problems) {
        *problems += found;
    }
    return rules;
}
