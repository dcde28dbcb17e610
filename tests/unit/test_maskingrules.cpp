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
