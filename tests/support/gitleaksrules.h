#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>

// gitleaks configuration pieces for the masking tests of every layer.
namespace GitleaksRules {

// A rule that RE2 (gitleaks) reads and PCRE (Qt) refuses: a range that starts at a class
// such as \w is an error in PCRE2, a literal '-' in Go.
inline const QByteArray re2Only = R"toml(
[[rules]]
id = "mail-password"
regex = '''[\w-.]+@corp\.example:(\S{8,})'''
)toml";

// Writes `toml` to `path`, replacing what was there.
inline bool write(const QString &path, const QByteArray &toml)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(toml) == toml.size();
}

} // namespace GitleaksRules
