#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QString>
#include <QStringView>

// The outcome of pretty-printing one document. When ok is false, text holds everything
// formatted before the error (still worth showing), error is one sentence and errorOffset
// points into the input: in QChar units for QStringView input, in bytes for UTF-8 input.
struct JsonFormatResult
{
    QString text;
    bool ok = false;
    QString error;
    qsizetype errorOffset = -1;
};

// The same for the UTF-8 in, UTF-8 out path that exports and `show` use.
struct JsonUtf8FormatResult
{
    QByteArray text;
    bool ok = false;
    QString error;
    qsizetype errorOffset = -1;
};

// Re-indents JSON text token by token in the layout of jq and PostgreSQL's jsonb_pretty
// ("key": value, one member per line, `,` at line end), except that empty containers stay
// `{}` and `[]` on one line. Nothing is parsed into values: numbers, string escapes and
// key order come out exactly as in the input (QJsonDocument would round big integers
// through double). The scanner is iterative, so nesting depth costs heap, never stack.
//
// Stateless: any thread may call it, concurrently.
class JsonPrettyPrinter
{
    Q_DECLARE_TR_FUNCTIONS(JsonPrettyPrinter)

public:
    // Levels deeper than this are indented like this level. Output size grows with the
    // square of the nesting depth otherwise: 100,000 levels would need ~20 GB of spaces.
    static constexpr int maxIndentLevels = 64;
    static constexpr int maxIndentWidth = 16;

    // indent: spaces per level, clamped to 0..maxIndentWidth.
    explicit JsonPrettyPrinter(int indent = 2);

    int indent() const { return m_indent; }

    // Pretty-prints `json`. The first line has no leading indent; following lines start
    // baseIndent levels in, so the result can be embedded inside an outer document.
    JsonFormatResult format(QStringView json, int baseIndent = 0) const;
    // The same for UTF-8 bytes; invalid UTF-8 is reported as an error.
    JsonFormatResult format(QByteArrayView utf8, int baseIndent = 0) const;
    // UTF-8 in, UTF-8 out: the fastest path, with no conversion to UTF-16.
    JsonUtf8FormatResult formatUtf8(QByteArrayView utf8, int baseIndent = 0) const;

private:
    int m_indent;
};
