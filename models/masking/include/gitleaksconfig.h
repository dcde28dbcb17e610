#pragma once

#include "maskingrules.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

// A gitleaks configuration (.gitleaks.toml) read as masking rules, so that a team's own
// secret rules mask in the viewer too (--mask-rules FILE, Import in the rules dialog).
// - Each [[rules]] entry becomes a value pattern: its `regex`, with its `keywords` in
//   front (PatternKeywords) when it has any, so that only documents that mention one are
//   searched, as gitleaks does. A rule without a regex (a `path` rule) is skipped.
// - gitleaks writes Go (RE2) expressions; most compile as they are. A rule whose
//   expression QRegularExpression refuses is named by its id and skipped.
// - The viewer masks documents, not files and commits: `path` conditions and allowlists
//   (global or per rule) are not applied, so every match is masked; nor is `entropy`
//   (more is masked, never less). `secretGroup` N names that group "secret"
//   ((?<secret>...)), which value patterns hide alone, the rest of the match staying
//   readable; when the regex has no such group, the whole match is masked. Each path,
//   allowlist and unusable secretGroup is named in the problems.
// - The viewer's key patterns (password, authorization, ...) always apply: gitleaks has
//   none. `[extend] useDefault = true` adds the viewer's own value patterns, as it adds
//   gitleaks' default rules there; an `[extend] path` is not read.
// Thread: any (no state).
class GitleaksConfig
{
    Q_DECLARE_TR_FUNCTIONS(GitleaksConfig)

public:
    // Whether `text` is TOML rather than the rules file format: its first line that is
    // neither blank nor a comment is a table header ([extend], [[rules]]) or a key = value
    // (title = "...").
    static bool isGitleaksConfig(const QString &text);

    // The masking rules of a gitleaks configuration. nullopt with `error` set when the text
    // is not TOML this reader reads (the line is named); otherwise what is not applied is
    // said in `problems`, one sentence each ("rule aws-access-token: ...").
    static std::optional<MaskingRules> maskingRules(
        const QString &text, QString *error, QStringList *problems = nullptr);
};
