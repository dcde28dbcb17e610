#include "gitleaksconfig.h"
#include "gitleaksrules.h"
#include "maskingrules.h"
#include "patternkeywords.h"
#include "secretmasker.h"
#include "valuepatterns.h"

#include <gtest/gtest.h>

#include <QFile>
#include <QTemporaryDir>

namespace {

// A team's configuration in gitleaks' own style: the default rules plus an AWS key rule as
// gitleaks writes it, a case-insensitive rule found by its keyword, one that RE2 reads and
// PCRE does not ([\w-.]), one that names its secret group and has an allowlist, and a
// rule that only looks at file names.
const QString kConfig = QString::fromUtf8(R"toml(title = "Acme secret rules"

[extend]
useDefault = true

# Access key ids, the way gitleaks' default rule finds them.
[[rules]]
id = "aws-access-token"
description = "AWS access key id"
regex = '''\b((?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})\b'''
entropy = 3
keywords = [
    "a3t",
    "akia",
    "asia",
    "abia",
    "acca",
]

[[rules]]
id = "acme-service-token"
description = "Acme's internal service tokens"
regex = '''(?i)\bacme[_-]?(?:svc|internal)[_-]?token\s*[:=]\s*["']?([a-z0-9]{24})\b'''
keywords = ["acme"]
)toml"
    + GitleaksRules::re2Only + R"toml(
[[rules]]
id = "db-password"
regex = '''(?i)db_pass(?:word)?["']?\s*[:=]\s*["']?([^\s"']{8,})'''
secretGroup = 1
keywords = ["db_pass"]
    [rules.allowlist]
    regexes = ['''changeme''']

[[rules]]
id = "pem-files"
path = '''\.pem$'''
)toml");

const QString kAwsKey = QStringLiteral("AKIAZ7VQ3MNB2XKLW4PD");
const QString kAcmeToken = QStringLiteral("k3j4h5g6f7d8s9a0q1w2e3r4");
const QString kDbPassword = QStringLiteral("Sup3rS3cretPw");

// One row's request: the secrets in plain text, under keys that say nothing, beside values
// that must stay readable.
const QString kRequest = QStringLiteral(
    R"({"note": "deploy with %1 today", "config": {"env": ["ACME_SVC_TOKEN=%2"]}, )"
    R"("dsn": "db_password: %3", "max_tokens": 4096, "memory_id": "mem_01HXYZ", )"
    R"("prose": "the acme team keeps its recipe secret"})")
                             .arg(kAwsKey, kAcmeToken, kDbPassword);

} // namespace

TEST(GitleaksConfig, TellsAGitleaksFileFromTheRulesFileFormat)
{
    EXPECT_TRUE(GitleaksConfig::isGitleaksConfig(kConfig));
    EXPECT_TRUE(
        GitleaksConfig::isGitleaksConfig(QStringLiteral("# ours\n\n[[rules]]\nid = 'a'\n")));
    EXPECT_TRUE(GitleaksConfig::isGitleaksConfig(QStringLiteral("[extend]\nuseDefault = true\n")));
    EXPECT_FALSE(GitleaksConfig::isGitleaksConfig(QStringLiteral("# ours\nkey:pin\n")));
    EXPECT_FALSE(GitleaksConfig::isGitleaksConfig(QStringLiteral("defaults\n")));
    EXPECT_FALSE(GitleaksConfig::isGitleaksConfig(QStringLiteral("value:[a-z]=x\n")));
    EXPECT_FALSE(GitleaksConfig::isGitleaksConfig(QString()));
}

TEST(GitleaksConfig, TurnsEachRuleIntoAValuePatternAndNamesWhatItCannotApply)
{
    QString error;
    QStringList problems;
    const std::optional<MaskingRules> rules
        = GitleaksConfig::maskingRules(kConfig, &error, &problems);
    ASSERT_TRUE(rules) << error.toStdString();
    // useDefault: the viewer's own value patterns, then the file's that compile.
    EXPECT_EQ(rules->keyPatterns, MaskingRules::defaultKeyPatterns());
    const QStringList own = rules->valuePatterns.mid(MaskingRules::defaultValuePatterns().size());
    EXPECT_EQ(rules->valuePatterns.mid(0, MaskingRules::defaultValuePatterns().size()),
        MaskingRules::defaultValuePatterns());
    ASSERT_EQ(own.size(), 3) << own.join(QLatin1Char('\n')).toStdString();
    EXPECT_EQ(own[0],
        QStringLiteral("(?#keywords: a3t, akia, asia, abia, acca)"
                       "\\b((?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})\\b"));
    EXPECT_TRUE(own[1].startsWith(QLatin1String("(?#keywords: acme)(?i)\\bacme")));
    // secretGroup 1: that group is named secret.
    EXPECT_EQ(own[2],
        QStringLiteral(
            R"re((?#keywords: db_pass)(?i)db_pass(?:word)?["']?\s*[:=]\s*["']?(?<secret>[^\s"']{8,}))re"));
    EXPECT_TRUE(rules->problems().isEmpty()) << rules->problems().join('\n').toStdString();

    ASSERT_EQ(problems.size(), 3) << problems.join(QLatin1Char('\n')).toStdString();
    EXPECT_TRUE(problems[0].startsWith(
        QLatin1String("rule mail-password: the regular expression does not compile (")))
        << problems[0].toStdString();
    EXPECT_TRUE(problems[0].endsWith(QLatin1String("); the rule is skipped.")));
    EXPECT_EQ(problems[1],
        QStringLiteral("rule db-password: its allowlist is not applied; every match is masked."));
    EXPECT_EQ(problems[2],
        QStringLiteral("rule pem-files: it has no regex (a path rule); it is skipped: the viewer "
                       "masks documents, not files."));
}

TEST(GitleaksConfig, MasksTheSecretsItsRulesFindInAJsonDocument)
{
    QString error;
    const std::optional<MaskingRules> rules = GitleaksConfig::maskingRules(kConfig, &error);
    ASSERT_TRUE(rules) << error.toStdString();
    const SecretMasker masker(*rules);
    // The window's path (UTF-16) and the exports' (UTF-8, prefiltered by the keywords).
    const QString masked = masker.mask(kRequest);
    const QString exported = QString::fromUtf8(masker.maskUtf8(kRequest.toUtf8()));
    for (const QString &text : { masked, exported }) {
        for (const QString &secret : { kAwsKey, kAcmeToken, kDbPassword }) {
            EXPECT_FALSE(text.contains(secret)) << text.toStdString();
        }
        EXPECT_TRUE(text.contains(QLatin1String("\"max_tokens\": 4096")));
        EXPECT_TRUE(text.contains(QLatin1String("\"memory_id\": \"mem_01HXYZ\"")));
        EXPECT_TRUE(text.contains(QLatin1String("the acme team keeps its recipe secret")));
    }
    EXPECT_EQ(masked, exported);

    // Without the file, the viewer's defaults know nothing of Acme's tokens.
    EXPECT_TRUE(SecretMasker(MaskingRules::defaults()).mask(kRequest).contains(kAcmeToken));
}

TEST(GitleaksConfig, WithoutUseDefaultOnlyTheFilesValuePatternsApply)
{
    QString error;
    const std::optional<MaskingRules> rules = GitleaksConfig::maskingRules(
        QStringLiteral("[[rules]]\nid = \"a\"\nregex = '''corp-[0-9]{6}'''\n"), &error);
    ASSERT_TRUE(rules) << error.toStdString();
    EXPECT_EQ(rules->keyPatterns, MaskingRules::defaultKeyPatterns());
    // A literal start is filter enough: no keywords are written in front.
    EXPECT_EQ(rules->valuePatterns, QStringList { QStringLiteral("corp-[0-9]{6}") });
}

TEST(GitleaksConfig, IsReadByTheMaskRulesFileReaderOrRefusedNamingTheLine)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("gitleaks.toml"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(kConfig.toUtf8());
    file.close();
    QString error;
    QStringList problems;
    const std::optional<MaskingRules> rules = MaskingRules::fromFile(path, &error, &problems);
    ASSERT_TRUE(rules) << error.toStdString();
    EXPECT_EQ(rules->valuePatterns.size(), MaskingRules::defaultValuePatterns().size() + 3);
    EXPECT_EQ(problems.size(), 3);

    ASSERT_TRUE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    // "\b" is a TOML escape (a backspace), "\d" is not.
    file.write("[[rules]]\nid = \"x\"\nregex = \"\\bcorp-\\d+\"\n");
    file.close();
    EXPECT_FALSE(MaskingRules::fromFile(path, &error));
    EXPECT_EQ(error.toStdString(),
        QStringLiteral("Could not read the gitleaks configuration %1: line 3: \\d is not an "
                       "escape in a TOML string (write \\\\d, or use a literal string '...').")
            .arg(path)
            .toStdString());
}

TEST(PatternKeywords, TravelInFrontOfThePatternAndFilterDocumentsInAnyCase)
{
    const QString pattern = PatternKeywords::withKeywords(
        { QStringLiteral("Zeta"), QStringLiteral("omega") }, QStringLiteral("(?i)secret\\d+"));
    EXPECT_EQ(pattern, QStringLiteral("(?#keywords: zeta, omega)(?i)secret\\d+"));
    EXPECT_EQ(PatternKeywords::of(pattern),
        (QStringList { QStringLiteral("zeta"), QStringLiteral("omega") }));
    // A keyword that cannot travel leaves the pattern without any.
    EXPECT_EQ(PatternKeywords::withKeywords({ QStringLiteral("a b") }, QStringLiteral("x")),
        QStringLiteral("x"));

    const ValuePatterns patterns(QStringList { pattern });
    for (const char *text : { "SECRET42 and ZETA", "secret42 with Omega", "OmEgA: secret42" }) {
        EXPECT_EQ(patterns.findUtf8(QByteArray(text)).size(), 1u) << text;
        EXPECT_EQ(patterns.find(QString::fromLatin1(text)).size(), 1u) << text;
    }
    // As in gitleaks, a document without any keyword is not searched.
    EXPECT_TRUE(patterns.findUtf8(QByteArray("secret42 alone")).empty());
    EXPECT_TRUE(patterns.find(QStringLiteral("secret42 alone")).empty());
}

TEST(GitleaksConfig, PutsNoKeywordsInFrontOfAPatternThatMustStartWithAVerb)
{
    QString error;
    const std::optional<MaskingRules> rules = GitleaksConfig::maskingRules(
        QStringLiteral("[[rules]]\nid = \"a\"\nregex = '''(*UCP)\\bcorp\\w+'''\nkeywords = "
                       "[\"corp\"]\n"),
        &error);
    ASSERT_TRUE(rules) << error.toStdString();
    EXPECT_EQ(rules->valuePatterns, QStringList { QStringLiteral("(*UCP)\\bcorp\\w+") });
    EXPECT_TRUE(rules->problems().isEmpty());
}

TEST(GitleaksConfig, NamesTheSecretGroupOrSaysWhyItCannot)
{
    const auto rule = [](const char *regex, int group) {
        return QStringLiteral("[[rules]]\nid = \"r\"\nregex = '''%1'''\nsecretGroup = %2\n")
            .arg(QString::fromUtf8(regex))
            .arg(group);
    };
    const auto patternOf = [](const QString &toml, QStringList *problems) {
        QString error;
        const std::optional<MaskingRules> rules
            = GitleaksConfig::maskingRules(toml, &error, problems);
        return rules && !rules->valuePatterns.isEmpty() ? rules->valuePatterns.last() : error;
    };
    QStringList problems;
    // Only capturing groups count: not (?:...), a lookaround or a parenthesis in a class.
    EXPECT_EQ(patternOf(rule(R"(key(?:=|:)(?<=[=:])[(]("?)(\w+))", 2), &problems),
        QStringLiteral(R"(key(?:=|:)(?<=[=:])[(]("?)(?<secret>\w+))"));
    EXPECT_EQ(patternOf(rule(R"(key=(?P<value>\w+))", 1), &problems),
        QStringLiteral(R"(key=(?P<secret>\w+))"));
    EXPECT_TRUE(problems.isEmpty()) << problems.join('\n').toStdString();
    EXPECT_EQ(patternOf(rule(R"(key=(\w+))", 2), &problems), QStringLiteral(R"(key=(\w+))"));
    ASSERT_EQ(problems.size(), 1);
    EXPECT_EQ(problems[0],
        QStringLiteral("rule r: secretGroup 2 is not a capturing group of its regex; the whole "
                       "match is masked."));
}

TEST(GitleaksConfig, ASecretGroupIsAllThatIsHidden)
{
    QString error;
    const std::optional<MaskingRules> rules = GitleaksConfig::maskingRules(kConfig, &error);
    ASSERT_TRUE(rules) << error.toStdString();
    const QString masked = SecretMasker(*rules).mask(kRequest);
    EXPECT_TRUE(masked.contains(QStringLiteral("\"dsn\": \"db_password: ••••\"")))
        << masked.toStdString();
}
