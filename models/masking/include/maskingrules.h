#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

class QSettings;

// What SecretMasker hides, by four kinds of rule. How each decides:
// - key:PATTERN (keyPatterns) hides the value of every key PATTERN matches, as a whole:
//   case-insensitively, '*' as a wildcard, '-' and '_' alike ("*secret*" also hides
//   "secretary"); a dotted pattern matches the end of a value's key path, so "headers.*"
//   is every value directly under any key named headers.
// - word:WORDS (keyWords) hides the value of every key that has these words. Keys are cut
//   into words at every character that is not a letter or digit ('_', '-', '.') and where
//   camelCase starts one, and compared folded: "word:api_key" hides api_key, apiKey,
//   X-Api-Key, llm_api_key and apikey; "word:token" hides access_token and X-Auth-Token,
//   not max_tokens or tokens_budget. A key with another word that makes it a measure
//   (count, budget, limit, max, min, usage, length, size, type, ttl, expiry, expires) is
//   not hidden: token_count, max_token.
// - credential:WORDS (credentialKeyWords) chooses keys as word: does, and hides a string
//   value only when it looks like a credential: 16 characters or more, no whitespace,
//   letters and digits both ({"key": "gsk_…"} is hidden, {"key": "user_name"} is not).
// - value:REGEX (valuePatterns) is a regular expression (PCRE, as QRegularExpression)
//   searched in the text: a string holding a match is hidden whatever its key
//   ("\bsk-[A-Za-z0-9_-]{16,}"). When the expression has a group named secret, only that
//   group's text is hidden and the rest stays readable:
//   "://[^:@/]*:(?<secret>[^@/]+)@" gives "postgresql://app:••••@db:5432/prod". Exports
//   look for an expression's literal start first ("sk-"): one without ("(?i)…", "\d+")
//   costs a search of every document.
// A value hidden by any rule stays hidden. Numbers, booleans and null are never hidden.
// A rule that cannot be used (a regular expression that does not compile, an empty
// pattern, a word rule with no word) is reported by problems() and ignored; the others
// still apply.
// The rules come from QSettings (group "masking": keyPatterns, keyWords,
// credentialKeyWords, valuePatterns; a missing key means its defaults), or from a rules
// file (--mask-rules FILE): one rule per line, "key:PATTERN", "word:WORDS",
// "credential:WORDS" or "value:REGEX", "defaults" for the built-in rules, "#" starting a
// comment line.
// Thread: any (a value type; active() and setActive() are guarded).
struct MaskingRules
{
    Q_DECLARE_TR_FUNCTIONS(MaskingRules)

public:
    QStringList keyPatterns;
    QStringList valuePatterns;
    // Rules given as { keyPatterns, valuePatterns } have no word rules.
    QStringList keyWords {};
    QStringList credentialKeyWords {};

    static MaskingRules defaults();
    static QStringList defaultKeyPatterns();
    static QStringList defaultValuePatterns();
    static QStringList defaultKeyWords();
    static QStringList defaultCredentialKeyWords();

    // Group "masking" of `settings`; a key that is not there gives its defaults.
    static MaskingRules fromSettings(QSettings &settings);
    // Writes the rules, or removes the keys when they are the defaults (so that better
    // defaults of a later version apply).
    void save(QSettings &settings) const;

    // The rules file format (see above). Lines that are not rules are reported in
    // `problems` ("line 3: ...") and skipped.
    static MaskingRules fromText(const QString &text, QStringList *problems = nullptr);
    QString toText() const;
    // The key rules (key:, word:, credential:) as lines, a key pattern without its "key:"
    // (the rules dialog's key list), and back; value patterns are left out.
    QStringList keyRuleLines() const;
    static MaskingRules fromKeyRuleLines(const QStringList &lines);
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
