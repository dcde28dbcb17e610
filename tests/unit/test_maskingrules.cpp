#include "maskingrules.h"

#include <gtest/gtest.h>

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>

TEST(MaskingRules, ReadsTheRulesFileFormat)
{
    QStringList problems;
    const MaskingRules rules = MaskingRules::fromText(QStringLiteral("# secrets of our own\n"
                                                                     "key:db_password\n"
                                                                     "  key: *pin*  \r\n"
                                                                     "\n"
                                                                     "value:\\bcorp-[0-9]{8}\\b\n"
                                                                     "value: starts with a space\n"
                                                                     "token:nope\n"
                                                                     "just words\n"),
        &problems);
    EXPECT_EQ(rules.keyPatterns,
        (QStringList { QStringLiteral("db_password"), QStringLiteral("*pin*") }));
    EXPECT_EQ(rules.valuePatterns,
        (QStringList {
            QStringLiteral("\\bcorp-[0-9]{8}\\b"), QStringLiteral(" starts with a space") }));
    ASSERT_EQ(problems.size(), 2);
    EXPECT_TRUE(problems[0].startsWith(QLatin1String("line 7: \"token:nope\" is not a rule")))
        << problems[0].toStdString();
    EXPECT_TRUE(problems[1].startsWith(QLatin1String("line 8:"))) << problems[1].toStdString();

    // "defaults" brings in the built-in rules; the text form reads back the same.
    const MaskingRules withDefaults
        = MaskingRules::fromText(QStringLiteral("defaults\nkey:db_password\n"));
    EXPECT_EQ(withDefaults.keyPatterns,
        MaskingRules::defaultKeyPatterns() + QStringList { QStringLiteral("db_password") });
    EXPECT_EQ(withDefaults.valuePatterns, MaskingRules::defaultValuePatterns());
    EXPECT_EQ(MaskingRules::fromText(withDefaults.toText()), withDefaults);
}

TEST(MaskingRules, ReadsAFileOrSaysWhyItCannot)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("rules.txt"));
    QString error;
    EXPECT_FALSE(MaskingRules::fromFile(path, &error));
    EXPECT_TRUE(error.startsWith(QStringLiteral("Could not read the masking rules %1").arg(path)))
        << error.toStdString();
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("key:pin\nvalue:x[\n");
    file.close();
    const auto rules = MaskingRules::fromFile(path, &error);
    ASSERT_TRUE(rules);
    EXPECT_EQ(rules->keyPatterns, QStringList { QStringLiteral("pin") });
    ASSERT_EQ(rules->problems().size(), 1);
    EXPECT_TRUE(rules->problems()[0].contains(QLatin1String("is not a valid regular expression")));
}

TEST(MaskingRules, LiveInTheSettingsGroupMaskingAndDefaultWhenAbsent)
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("a.conf")), QSettings::IniFormat);
    EXPECT_EQ(MaskingRules::fromSettings(settings), MaskingRules::defaults());

    const MaskingRules custom { { QStringLiteral("pin") }, { QStringLiteral("\\bcorp-\\d{8,}") } };
    custom.save(settings);
    settings.sync();
    EXPECT_EQ(settings.value(QStringLiteral("masking/keyPatterns")).toStringList(),
        QStringList { QStringLiteral("pin") });
    QSettings reread(dir.filePath(QStringLiteral("a.conf")), QSettings::IniFormat);
    EXPECT_EQ(MaskingRules::fromSettings(reread), custom);

    // No value patterns at all is a choice, kept as such.
    const MaskingRules keysOnly { MaskingRules::defaultKeyPatterns(), {} };
    keysOnly.save(settings);
    settings.sync();
    QSettings again(dir.filePath(QStringLiteral("a.conf")), QSettings::IniFormat);
    EXPECT_EQ(MaskingRules::fromSettings(again), keysOnly);
    // Saving the defaults removes the keys, so that later defaults apply.
    MaskingRules::defaults().save(settings);
    EXPECT_FALSE(settings.contains(QStringLiteral("masking/keyPatterns")));
    EXPECT_FALSE(settings.contains(QStringLiteral("masking/valuePatterns")));
}

TEST(MaskingRules, DefaultsAreAllUsable)
{
    EXPECT_TRUE(MaskingRules::defaults().problems().isEmpty());
    EXPECT_TRUE(MaskingRules::defaultKeyPatterns().contains(QStringLiteral("headers.*")));
    EXPECT_EQ(MaskingRules::active(), MaskingRules::defaults());
}

TEST(MaskingRules, ReadsWordAndCredentialRulesAndWritesThemBack)
{
    QStringList problems;
    const MaskingRules rules = MaskingRules::fromText(QStringLiteral("word:pin_code\n"
                                                                     " credential : license \n"
                                                                     "key:*secret*\n"
                                                                     "word:\n"
                                                                     "words:x\n"),
        &problems);
    EXPECT_EQ(rules.keyWords, QStringList { QStringLiteral("pin_code") });
    EXPECT_EQ(rules.credentialKeyWords, QStringList { QStringLiteral("license") });
    EXPECT_EQ(rules.keyPatterns, QStringList { QStringLiteral("*secret*") });
    ASSERT_EQ(problems.size(), 2) << problems.join(QLatin1Char('\n')).toStdString();
    EXPECT_TRUE(problems[0].startsWith(QLatin1String("line 4: \"word:\" is not a rule")));
    EXPECT_TRUE(problems[1].startsWith(QLatin1String("line 5: \"words:x\" is not a rule")));
    EXPECT_EQ(MaskingRules::fromText(rules.toText()), rules);
    EXPECT_EQ(MaskingRules::fromText(MaskingRules::defaults().toText()), MaskingRules::defaults());
}

TEST(MaskingRules, KeyRuleLinesOfTheRulesDialogRoundTrip)
{
    // The dialog's key list: key patterns as they are, the other kinds with their name.
    MaskingRules rules = MaskingRules::defaults();
    rules.keyPatterns.append(QStringLiteral("word:odd")); // a key pattern that reads like a kind
    const QStringList lines = rules.keyRuleLines();
    EXPECT_TRUE(lines.contains(QStringLiteral("headers.*")));
    EXPECT_TRUE(lines.contains(QStringLiteral("word:token")));
    EXPECT_TRUE(lines.contains(QStringLiteral("credential:key")));
    EXPECT_TRUE(lines.contains(QStringLiteral("key:word:odd")));
    MaskingRules back = MaskingRules::fromKeyRuleLines(lines);
    back.valuePatterns = rules.valuePatterns;
    EXPECT_EQ(back, rules);
    // An empty word rule is kept, so that problems() names it.
    const MaskingRules empty = MaskingRules::fromKeyRuleLines({ QStringLiteral("word: ") });
    EXPECT_EQ(empty.keyWords, QStringList { QString() });
    EXPECT_EQ(empty.problems().size(), 1);
}

TEST(MaskingRules, NamesWordRulesThatCannotBeUsed)
{
    MaskingRules rules;
    rules.keyWords = QStringList { QStringLiteral("*tok*"), QStringLiteral("token") };
    rules.credentialKeyWords = QStringList { QStringLiteral("__") };
    const QStringList problems = rules.problems();
    ASSERT_EQ(problems.size(), 2) << problems.join(QLatin1Char('\n')).toStdString();
    EXPECT_TRUE(problems[0].contains(QLatin1String("\"word:*tok*\" has a *")));
    EXPECT_TRUE(problems[1].contains(QLatin1String("\"credential:__\" names no word")));
}

TEST(MaskingRules, KeepsWordRulesInTheSettings)
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("a.conf")), QSettings::IniFormat);
    MaskingRules rules = MaskingRules::defaults();
    rules.keyWords.append(QStringLiteral("pin"));
    rules.credentialKeyWords.clear();
    rules.save(settings);
    settings.sync();
    EXPECT_FALSE(settings.contains(QStringLiteral("masking/keyPatterns")));
    EXPECT_TRUE(settings.contains(QStringLiteral("masking/keyWords")));
    QSettings reread(dir.filePath(QStringLiteral("a.conf")), QSettings::IniFormat);
    EXPECT_EQ(MaskingRules::fromSettings(reread), rules);
}
