#include "tomlreader.h"

#include <QRegularExpression>

#include <map>
#include <memory>
#include <vector>

namespace {

// What the document builds before it becomes QVariants: tables must stay open for the
// keys and headers that follow, and a table defined twice must be told from one that was
// only on the way to another ([a.b] before [a]).
struct Node
{
    enum class Kind { Table, TableArray, Value };
    Kind kind = Kind::Table;
    bool defined = false;
    QVariant value;
    std::map<QString, std::unique_ptr<Node>> children;
    std::vector<std::unique_ptr<Node>> tables;

    QVariant toVariant() const
    {
        if (kind == Kind::Value) {
            return value;
        }
        if (kind == Kind::TableArray) {
            QVariantList list;
            for (const auto &table : tables) {
                list.append(table->toVariant());
            }
            return list;
        }
        QVariantMap map;
        for (const auto &[key, child] : children) {
            map.insert(key, child->toVariant());
        }
        return map;
    }
};

bool isControl(QChar c)
{
    return (c.unicode() < 0x20 && c != QLatin1Char('\t')) || c.unicode() == 0x7F;
}

bool isBareKeyCharacter(QChar c)
{
    return c.unicode() < 0x80
        && (c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('-'));
}

class Parser
{
public:
    explicit Parser(QString text)
        : m_text(std::move(text))
    {
        m_text.replace(QLatin1String("\r\n"), QLatin1String("\n"));
        if (m_text.startsWith(QChar(0xFEFF))) {
            m_text.remove(0, 1);
        }
    }

    std::optional<QVariantMap> run(QString *error)
    {
        if (!document()) {
            if (error) {
                *error = TomlReader::tr("line %1: %2").arg(m_errorLine).arg(m_error);
            }
            return std::nullopt;
        }
        return m_root.toVariant().toMap();
    }

private:
    bool document()
    {
        for (;;) {
            skipSpaces();
            if (atEnd()) {
                return true;
            }
            if (peek() == QLatin1Char('\n')) {
                advance();
                continue;
            }
            if (peek() == QLatin1Char('#')) {
                skipComment();
                continue;
            }
            const bool ok = peek() == QLatin1Char('[') ? header() : keyValue();
            if (!ok || !lineEnd()) {
                return false;
            }
        }
    }

    bool fail(const QString &message, int line = 0)
    {
        m_error = message;
        m_errorLine = line > 0 ? line : m_line;
        return false;
    }

    bool atEnd() const { return m_pos >= m_text.size(); }
    QChar peek(qsizetype ahead = 0) const
    {
        return m_pos + ahead < m_text.size() ? m_text.at(m_pos + ahead) : QChar();
    }
    bool lookingAt(QLatin1String text) const
    {
        return QStringView(m_text).mid(m_pos).startsWith(text);
    }
    void advance(qsizetype count = 1)
    {
        for (; count > 0 && !atEnd(); --count) {
            m_line += m_text.at(m_pos) == QLatin1Char('\n') ? 1 : 0;
            ++m_pos;
        }
    }
    void skipSpaces()
    {
        while (peek() == QLatin1Char(' ') || peek() == QLatin1Char('\t')) {
            advance();
        }
    }
    void skipComment()
    {
        while (!atEnd() && peek() != QLatin1Char('\n')) {
            advance();
        }
    }
    // Inside an array: spaces, line ends and comments. False at the end of the text.
    bool skipBlank()
    {
        for (;;) {
            skipSpaces();
            if (peek() == QLatin1Char('#')) {
                skipComment();
            } else if (peek() == QLatin1Char('\n')) {
                advance();
            } else {
                return !atEnd();
            }
        }
    }

    bool lineEnd()
    {
        skipSpaces();
        if (peek() == QLatin1Char('#')) {
            skipComment();
        }
        if (atEnd() || peek() == QLatin1Char('\n')) {
            advance();
            return true;
        }
        const qsizetype end = m_text.indexOf(QLatin1Char('\n'), m_pos);
        return fail(TomlReader::tr("\"%1\" follows on the same line; one key = value or table "
                                   "header per line")
                        .arg(m_text.mid(m_pos, end < 0 ? -1 : end - m_pos).trimmed()));
    }

    // Walks `path` from `from`, making the tables on the way; through an array of tables
    // it goes into the last one, as TOML says.
    Node *descend(Node *from, const QStringList &path)
    {
        Node *node = from;
        for (const QString &key : path) {
            auto &child = node->children[key];
            if (!child) {
                child = std::make_unique<Node>();
            }
            node = child.get();
            if (node->kind == Node::Kind::TableArray) {
                node = node->tables.back().get();
            } else if (node->kind == Node::Kind::Value) {
                fail(TomlReader::tr("%1 is a value, not a table").arg(key));
                return nullptr;
            }
        }
        return node;
    }

    bool header()
    {
        advance();
        const bool array = peek() == QLatin1Char('[');
        if (array) {
            advance();
        }
        skipSpaces();
        QStringList path;
        if (!key(path)) {
            return false;
        }
        const QLatin1String close(array ? "]]" : "]");
        if (!lookingAt(close)) {
            return fail(TomlReader::tr("a table header ends with %1").arg(close));
        }
        advance(close.size());
        const QString name = path.join(QLatin1Char('.'));
        const QString last = path.takeLast();
        Node *parent = descend(&m_root, path);
        if (!parent) {
            return false;
        }
        auto &node = parent->children[last];
        if (array) {
            if (!node) {
                node = std::make_unique<Node>();
                node->kind = Node::Kind::TableArray;
            } else if (node->kind != Node::Kind::TableArray) {
                return fail(
                    TomlReader::tr("[[%1]] names a table or value defined before").arg(name));
            }
            node->tables.push_back(std::make_unique<Node>());
            m_current = node->tables.back().get();
            m_current->defined = true;
            return true;
        }
        if (!node) {
            node = std::make_unique<Node>();
        } else if (node->kind != Node::Kind::Table || node->defined) {
            return fail(TomlReader::tr("the table [%1] is defined twice").arg(name));
        }
        node->defined = true;
        m_current = node.get();
        return true;
    }

    bool keyValue()
    {
        QStringList path;
        if (!key(path)) {
            return false;
        }
        if (peek() != QLatin1Char('=')) {
            return fail(TomlReader::tr("a key is followed by = and its value"));
        }
        advance();
        skipSpaces();
        QVariant parsed;
        if (!value(parsed)) {
            return false;
        }
        const QString name = path.join(QLatin1Char('.'));
        const QString last = path.takeLast();
        Node *parent = descend(m_current, path);
        if (!parent) {
            return false;
        }
        auto &node = parent->children[last];
        if (node) {
            return fail(TomlReader::tr("the key %1 is defined twice").arg(name));
        }
        node = std::make_unique<Node>();
        node->kind = Node::Kind::Value;
        node->value = parsed;
        return true;
    }

    // A dotted key; the spaces after it are read too.
    bool key(QStringList &path)
    {
        for (;;) {
            QString part;
            // A key is a one-line string or bare.
            const bool quoted = (peek() == QLatin1Char('"') || peek() == QLatin1Char('\''))
                && !lookingAt(QLatin1String("\"\"\"")) && !lookingAt(QLatin1String("'''"));
            if (quoted) {
                if (!singleLineString(part)) {
                    return false;
                }
            } else {
                while (isBareKeyCharacter(peek())) {
                    part += peek();
                    advance();
                }
                if (part.isEmpty()) {
                    return fail(atEnd() || peek() == QLatin1Char('\n')
                            ? TomlReader::tr("a key is missing")
                            : TomlReader::tr("a key cannot start with %1").arg(peek()));
                }
            }
            path.append(part);
            skipSpaces();
            if (peek() != QLatin1Char('.')) {
                return true;
            }
            advance();
            skipSpaces();
        }
    }

    bool value(QVariant &out)
    {
        QString text;
        if (lookingAt(QLatin1String("\"\"\""))) {
            const bool ok = multiLineString(QLatin1Char('"'), text);
            out = text;
            return ok;
        }
        if (lookingAt(QLatin1String("'''"))) {
            const bool ok = multiLineString(QLatin1Char('\''), text);
            out = text;
            return ok;
        }
        if (peek() == QLatin1Char('"') || peek() == QLatin1Char('\'')) {
            const bool ok = singleLineString(text);
            out = text;
            return ok;
        }
        if (peek() == QLatin1Char('[')) {
            return array(out);
        }
        if (peek() == QLatin1Char('{')) {
            return fail(TomlReader::tr("inline tables ({ ... }) are not read; write the "
                                       "table with a [header]"));
        }
        return scalar(out);
    }

    // "..." with escapes or '...' without, on one line.
    bool singleLineString(QString &out)
    {
        const QChar quote = peek();
        advance();
        for (;;) {
            const QChar c = peek();
            if (atEnd() || c == QLatin1Char('\n')) {
                return fail(TomlReader::tr("a string is not closed on its line"));
            }
            if (c == quote) {
                advance();
                return true;
            }
            if (c == QLatin1Char('\\') && quote == QLatin1Char('"')) {
                if (!escape(out)) {
                    return false;
                }
                continue;
            }
            if (isControl(c)) {
                return fail(TomlReader::tr("a string holds a control character"));
            }
            out += c;
            advance();
        }
    }

    // """...""" with escapes or '''...''' without; a line end right after the opening
    // quotes is not part of the text.
    bool multiLineString(QChar quote, QString &out)
    {
        const int start = m_line;
        advance(3);
        if (peek() == QLatin1Char('\n')) {
            advance();
        }
        for (;;) {
            if (atEnd()) {
                return fail(TomlReader::tr("the multi-line string that starts here is not "
                                           "closed"),
                    start);
            }
            const QChar c = peek();
            if (c == quote && peek(1) == quote && peek(2) == quote) {
                // Up to two more quotes belong to the text: '''it's''''.
                qsizetype run = 3;
                while (peek(run) == quote) {
                    ++run;
                }
                if (run > 5) {
                    return fail(TomlReader::tr("too many quotes end a multi-line string"));
                }
                out += QString(run - 3, quote);
                advance(run);
                return true;
            }
            if (c == QLatin1Char('\\') && quote == QLatin1Char('"')) {
                qsizetype at = 1;
                while (peek(at) == QLatin1Char(' ') || peek(at) == QLatin1Char('\t')) {
                    ++at;
                }
                if (peek(at) == QLatin1Char('\n')) {
                    // A backslash ending a line joins it to the next without the spaces.
                    advance(at);
                    while (peek() == QLatin1Char(' ') || peek() == QLatin1Char('\t')
                        || peek() == QLatin1Char('\n')) {
                        advance();
                    }
                } else if (!escape(out)) {
                    return false;
                }
                continue;
            }
            if (isControl(c) && c != QLatin1Char('\n')) {
                return fail(TomlReader::tr("a string holds a control character"));
            }
            out += c;
            advance();
        }
    }

    bool escape(QString &out)
    {
        advance();
        const QChar c = peek();
        advance();
        // The one-letter escapes and what they stand for.
        static const QString named = QStringLiteral("btnfre\"\\");
        static const QString meaning = QStringLiteral("\b\t\n\f\r\x1b\"\\");
        if (const qsizetype at = c.isNull() ? -1 : named.indexOf(c); at >= 0) {
            out += meaning.at(at);
            return true;
        }
        if (c != QLatin1Char('u') && c != QLatin1Char('U')) {
            return fail(TomlReader::tr("\\%1 is not an escape in a TOML string (write \\\\%1, "
                                       "or use a literal string '...')")
                            .arg(c));
        }
        const int digits = c == QLatin1Char('u') ? 4 : 8;
        const QString hex = m_text.mid(m_pos, digits);
        static const QRegularExpression hexDigits(QStringLiteral("^[0-9A-Fa-f]+$"));
        const bool ok = hex.size() == digits && hexDigits.match(hex).hasMatch();
        const uint code = ok ? hex.toUInt(nullptr, 16) : 0;
        if (!ok || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
            return fail(TomlReader::tr("\\%1 is followed by %2 hexadecimal digits of a "
                                       "Unicode scalar value")
                            .arg(c)
                            .arg(digits));
        }
        advance(digits);
        const char32_t codePoint = code;
        out += QString::fromUcs4(&codePoint, 1);
        return true;
    }

    bool array(QVariant &out)
    {
        const int start = m_line;
        advance();
        QVariantList items;
        for (;;) {
            if (!skipBlank()) {
                return fail(TomlReader::tr("the array that starts here is not closed"), start);
            }
            if (peek() == QLatin1Char(']')) {
                break;
            }
            QVariant item;
            if (!value(item)) {
                return false;
            }
            items.append(item);
            if (!skipBlank()) {
                return fail(TomlReader::tr("the array that starts here is not closed"), start);
            }
            if (peek() == QLatin1Char(',')) {
                advance();
            } else if (peek() != QLatin1Char(']')) {
                return fail(TomlReader::tr("the values of an array are separated by commas"));
            }
        }
        advance();
        out = items;
        return true;
    }

    bool scalar(QVariant &out)
    {
        QString token;
        while (!atEnd()
            && (isBareKeyCharacter(peek()) || peek() == QLatin1Char('+')
                || peek() == QLatin1Char('.') || peek() == QLatin1Char(':'))) {
            token += peek();
            advance();
        }
        static const QRegularExpression decimal(QStringLiteral("^[+-]?(0|[1-9](_?[0-9])*)$"));
        static const QRegularExpression based(
            QStringLiteral("^0(x[0-9A-Fa-f](_?[0-9A-Fa-f])*|o[0-7](_?[0-7])*|b[01](_?[01])*)$"));
        static const QRegularExpression real(
            QStringLiteral("^[+-]?(0|[1-9](_?[0-9])*)(\\.[0-9](_?[0-9])*)?([eE][+-]?[0-9](_?["
                           "0-9])*)?$"));
        QString digits = token;
        digits.remove(QLatin1Char('_'));
        bool ok = false;
        if (token == QLatin1String("true") || token == QLatin1String("false")) {
            out = token == QLatin1String("true");
            return true;
        }
        if (decimal.match(token).hasMatch()) {
            out = digits.toLongLong(&ok);
        } else if (based.match(token).hasMatch()) {
            const int base = digits.at(1) == QLatin1Char('x') ? 16
                : digits.at(1) == QLatin1Char('o')            ? 8
                                                              : 2;
            out = digits.mid(2).toLongLong(&ok, base);
        } else if (real.match(token).hasMatch()) {
            out = digits.toDouble(&ok);
        } else if (QStringList { QStringLiteral("inf"), QStringLiteral("+inf"),
                       QStringLiteral("-inf"), QStringLiteral("nan"), QStringLiteral("+nan"),
                       QStringLiteral("-nan") }
                       .contains(token)) {
            out = digits.toDouble(&ok);
        }
        if (ok) {
            return true;
        }
        if (token.isEmpty()) {
            return fail(atEnd() || peek() == QLatin1Char('\n')
                    ? TomlReader::tr("a value is missing")
                    : TomlReader::tr("a value cannot start with %1").arg(peek()));
        }
        return fail(TomlReader::tr("%1 is not a value this reader knows (a string, number, "
                                   "boolean or array; dates are not read)")
                        .arg(token));
    }

    QString m_text;
    qsizetype m_pos = 0;
    int m_line = 1;
    QString m_error;
    int m_errorLine = 0;
    Node m_root;
    Node *m_current = &m_root;
};

} // namespace

std::optional<QVariantMap> TomlReader::read(const QString &text, QString *error)
{
    return Parser(text).run(error);
}
