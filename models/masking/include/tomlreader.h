#pragma once

#include <QCoreApplication>
#include <QString>
#include <QVariantMap>

#include <optional>

// Reads the part of TOML (1.0) that secret scanner configurations use, strictly: tables
// ([a.b]) and arrays of tables ([[rules]]), bare, quoted and dotted keys, basic strings
// with their escapes ("...", """..."""), literal strings ('...', '''...'''), integers
// (decimal, 0x, 0o, 0b, with _), floats, booleans, arrays (across lines, with comments and
// a trailing comma) and comments. Dates, times and inline tables are not read: a file
// holding them is refused like a malformed one, with the line that holds them.
// A table is a QVariantMap, an array (and an array of tables) a QVariantList, a string a
// QString, an integer a qint64, a float a double, a boolean a bool.
// Thread: any (no state).
class TomlReader
{
    Q_DECLARE_TR_FUNCTIONS(TomlReader)

public:
    // The document's top-level table; nullopt with `error` set ("line 3: ...") when the
    // text is not TOML this reader reads.
    static std::optional<QVariantMap> read(const QString &text, QString *error);
};
