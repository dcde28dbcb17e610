#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

class QSettings;

// What SecretMasker hides. Key patterns name the keys whose values are secret: matched
// case-insensitively, '*' as a wildcard, '-' and '_' alike ("*secret*", "authorization");
// a dotted pattern matches the end of a value's key path, so "headers.*" is every value
// directly under any key named headers. Value patterns are regular expressions (PCRE,
// as QRegularExpression) searched in the text: a string containing a match is hidden
// whatever its key ("\bsk-[A-Za-z0-9_-]{16,}"). A rule that cannot be used (a regular
// expression that does not compile, an empty pattern) is reported by problems() and
// ignored; the others still apply.
// The rules come from QSettings (group "masking": keyPatterns, valuePatterns; a missing
// key means the defaults), or from a rules file (--mask-rules FILE): one rule per line,
// "key:PATTERN" or "value:REGEX", "defaults" for the built-in rules, "#" starting a
// comment line.
// Thread: any (a value type; active() and setActive() are guarded).
struct MaskingRules
{
    Q_DECLARE_TR_FUNCTIONS(MaskingRules)

public:
    QStringList keyPatterns;
    QStringList valuePatterns;

    static MaskingRules defaults();
    static QStringList defaultKeyPatterns();
    static QStringList defaultValuePatterns();

    // Group "masking" of `settings`; a key that is not there gives its defaults.
    static MaskingRules fromSettings(QSettings &settings);
    // Writes the rules, or removes the keys when they are the defaults (so that better
    // defaults of a later version apply).
    void save(QSettings &settings) const;

    // The rules file format (see above). Lines that are not rules are reported in
    // `problems` ("line 3: ...") and skipped.
    static MaskingRules fromText(const QString &text, QStringList *problems = nullptr);
    QString toText() const;
    // Reads a rules file, or a gitleaks configuration (GitleaksConfig); nullopt with
    // `error` set when it cannot be read.
    static std::optional<MaskingRules> fromFile(
        const QString &path, QString *error, QStringList *problems = nullptr);

    // One sentence per rule that is ignored because it cannot be used.
    QStringList problems() const;

    bool operator==(const MaskingRules &other) const = default;

    // The rules SecretMasker() applies: the defaults until setActive() is called (main
    // sets the ones from the settings or --mask-rules; the rules dialog its edits).
    static MaskingRules active();
    // `fromFile`: the --mask-rules file they were read from; empty for the settings' rules.
    static void setActive(const MaskingRules &rules, const QString &fromFile = QString());
    // The file the active rules came from, or empty (the settings or the defaults).
    static QString activeFile();
};
