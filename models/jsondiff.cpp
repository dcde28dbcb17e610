#include "jsondiff.h"
#include "jsondiffdata.h"

#include "jsonlexical.h"
#include "jsonprettyprinter.h"

#include <algorithm>
#include <climits>
#include <string_view>

using Kind = JsonDiff::Kind;
using Row = JsonDiff::Row;
using Side = JsonDiff::Side;
using ValueType = JsonDiff::ValueType;
using Data = JsonDiff::Data;
using Node = JsonDiff::Data::Node;

namespace {

using namespace JsonLexical;

// Builds the node table in one pass. Iterative: open containers are a vector of node
// numbers, so nesting depth costs heap, never stack (as in JsonTreeModel).
class Parser
{
public:
    Parser(QStringView text, std::vector<Node> &nodes)
        : m_text(text.utf16())
        , m_size(text.size())
        , m_nodes(nodes)
    {
    }

    bool run()
    {
        qsizetype p = 0;
        Expect expect = Expect::Value;
        for (;;) {
            while (p != m_size && isJsonWhitespace(m_text[p])) {
                ++p;
            }
            if (p == m_size) {
                return expect == Expect::End;
            }
            const char16_t c = m_text[p];
            switch (expect) {
            case Expect::FirstKeyOrClose:
            case Expect::FirstValueOrClose:
                if (c == closer()) {
                    close(p++);
                    expect = afterValue();
                } else {
                    expect = expect == Expect::FirstKeyOrClose ? Expect::Key : Expect::Value;
                }
                break;
            case Expect::Key: {
                const qsizetype q = c == '"' ? scanString(p) : -1;
                if (q < 0) {
                    return false;
                }
                m_keyStart = p;
                m_keyEnd = q;
                p = q;
                expect = Expect::Colon;
                break;
            }
            case Expect::Colon:
                if (c != ':') {
                    return false;
                }
                ++p;
                expect = Expect::Value;
                break;
            case Expect::Value: {
                ValueType type = ValueType::Null;
                qsizetype q = p + 1;
                if (c == '{' || c == '[') {
                    type = c == '{' ? ValueType::Object : ValueType::Array;
                } else if (c == '"') {
                    type = ValueType::String;
                    q = scanString(p);
                } else if (c == '-' || isDigit(c)) {
                    type = ValueType::Number;
                    q = scanNumber(p);
                } else if (c == 't' || c == 'f' || c == 'n') {
                    type = c == 'n' ? ValueType::Null : ValueType::Boolean;
                    q = scanLiteral(p);
                } else {
                    return false;
                }
                if (q < 0 || m_nodes.size() >= size_t(INT_MAX) - 1) {
                    return false;
                }
                const int id = addNode(p, type);
                if (Data::isContainerType(type)) {
                    m_open.push_back(id);
                    expect = type == ValueType::Object ? Expect::FirstKeyOrClose
                                                       : Expect::FirstValueOrClose;
                } else {
                    m_nodes.back().end = q;
                    m_nodes.back().after = id + 1;
                    expect = afterValue();
                }
                p = q;
                break;
            }
            case Expect::CommaOrClose:
                if (c == ',') {
                    ++p;
                    expect = m_nodes[size_t(m_open.back())].type == ValueType::Object
                        ? Expect::Key
                        : Expect::Value;
                } else if (c == closer()) {
                    close(p++);
                    expect = afterValue();
                } else {
                    return false;
                }
                break;
            case Expect::End:
                return false;
            }
        }
    }

private:
    Expect afterValue() const { return m_open.empty() ? Expect::End : Expect::CommaOrClose; }

    char16_t closer() const
    {
        return m_nodes[size_t(m_open.back())].type == ValueType::Object ? '}' : ']';
    }

    int addNode(qsizetype p, ValueType type)
    {
        Node node;
        node.start = p;
        node.type = type;
        if (!m_open.empty()) {
            Node &parent = m_nodes[size_t(m_open.back())];
            ++parent.childCount;
            if (parent.type == ValueType::Object) {
                node.keyStart = m_keyStart;
                node.keyEnd = m_keyEnd;
            }
        }
        m_nodes.push_back(node);
        return int(m_nodes.size() - 1);
    }

    void close(qsizetype p)
    {
        Node &node = m_nodes[size_t(m_open.back())];
        node.end = p + 1;
        node.after = int(m_nodes.size());
        m_open.pop_back();
    }

    qsizetype scanString(qsizetype p) const { return JsonLexical::scanString(m_text, m_size, p); }
    qsizetype scanNumber(qsizetype p) const { return JsonLexical::scanNumber(m_text, m_size, p); }
    qsizetype scanLiteral(qsizetype p) const { return JsonLexical::scanLiteral(m_text, m_size, p); }

    const char16_t *m_text;
    qsizetype m_size;
    std::vector<Node> &m_nodes;
    std::vector<int> m_open;
    qsizetype m_keyStart = -1;
    qsizetype m_keyEnd = -1;
};

// Characters that would move or break the text of a cell.
bool isLayoutControl(char16_t c)
{
    return (c >= 0x7F && c <= 0x9F) || c == 0x061C || c == 0x200E || c == 0x200F
        || (c >= 0x2028 && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

// Text for a cell: C0 controls as their Control Pictures (␊), bidi and line controls as
// \uXXXX escapes (which mean the same inside a JSON string), "…" when cut short.
QString visibleText(QStringView text, qsizetype limit)
{
    const bool cut = text.size() > limit;
    if (cut) {
        text = text.left(limit);
        if (text.back().isHighSurrogate()) {
            text.chop(1);
        }
    }
    QString shown;
    shown.reserve(text.size() + 1);
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u < 0x20) {
            shown.append(QChar(char16_t(0x2400 + u)));
        } else if (isLayoutControl(u)) {
            shown.append(QStringLiteral("\\u%1").arg(uint(u), 4, 16, QLatin1Char('0')));
        } else {
            shown.append(c);
        }
    }
    if (cut) {
        shown.append(QChar(0x2026));
    }
    return shown;
}

bool isIdentifier(QStringView key)
{
    const auto isStart
        = [](char16_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; };
    return !key.isEmpty() && isStart(key.front().unicode())
        && std::all_of(key.begin() + 1, key.end(),
            [&isStart](QChar c) { return isStart(c.unicode()) || isDigit(c.unicode()); });
}

} // namespace

QString JsonDiff::Data::decodeString(QStringView content)
{
    QString out;
    out.reserve(content.size());
    for (qsizetype i = 0; i < content.size();) {
        const char16_t c = content[i].unicode();
        if (c != '\\') {
            out.append(QChar(c));
            ++i;
        } else if (content[i + 1] == u'u') {
            char16_t unit = 0;
            for (qsizetype k = i + 2; k < i + 6; ++k) {
                unit = char16_t(unit << 4 | hexValue(content[k].unicode()));
            }
            out.append(QChar(unit));
            i += 6;
        } else {
            out.append(QChar(unescaped(content[i + 1].unicode())));
            i += 2;
        }
    }
    return out;
}

namespace {

using Document = JsonDiff::Data::Document;

Document load(const std::optional<QString> &stored)
{
    Document document;
    if (!stored) {
        return document;
    }
    document.text = *stored;
    Parser parser(document.text, document.nodes);
    if (!parser.run()) {
        document.valid = false;
        document.nodes.clear();
        const JsonFormatResult formatted = JsonPrettyPrinter().format(QStringView(document.text));
        document.error = formatted.ok ? JsonDiff::tr("too many values") : formatted.error;
        // The whole text is one value, compared as text.
        Node whole;
        whole.end = document.text.size();
        whole.after = 1;
        whole.type = ValueType::Invalid;
        document.nodes.push_back(whole);
    }
    return document;
}

} // namespace

JsonDiff::JsonDiff()
    : d(std::make_shared<const Data>())
{
}

JsonDiff::JsonDiff(std::shared_ptr<const Data> data)
    : d(std::move(data))
{
}

JsonDiff JsonDiff::compare(const std::optional<QString> &left, const std::optional<QString> &right)
{
    auto data = std::make_shared<Data>();
    data->documents[0] = load(left);
    data->documents[1] = load(right);
    data->buildRows();
    return JsonDiff(std::move(data));
}

const std::vector<Row> &JsonDiff::rows() const
{
    return d->rows;
}

const JsonDiff::Summary &JsonDiff::summary() const
{
    return d->summary;
}

int JsonDiff::nextDifference(int row) const
{
    for (size_t r = size_t(std::max(row + 1, 0)); r < d->rows.size(); ++r) {
        if (d->rows[r].difference) {
            return int(r);
        }
    }
    return -1;
}

int JsonDiff::previousDifference(int row) const
{
    for (int r = std::min(row, int(d->rows.size())) - 1; r >= 0; --r) {
        if (d->rows[size_t(r)].difference) {
            return r;
        }
    }
    return -1;
}

bool JsonDiff::isNull(Side side) const
{
    return d->document(side).nodes.empty();
}

bool JsonDiff::isValid(Side side) const
{
    return d->document(side).valid;
}

QString JsonDiff::error(Side side) const
{
    return d->document(side).error;
}

QString JsonDiff::path(int row) const
{
    std::vector<int> chain;
    for (int r = row; d->rows[size_t(r)].parent >= 0; r = d->rows[size_t(r)].parent) {
        chain.push_back(r);
    }
    QString path = QStringLiteral("$");
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
        const Row &step = d->rows[size_t(*it)];
        if (step.index >= 0) {
            path.append(QLatin1Char('[') + QString::number(step.index) + QLatin1Char(']'));
            continue;
        }
        const Side side = step.left >= 0 ? Side::Left : Side::Right;
        const Data::Document &document = d->document(side);
        const QString name = Data::decodeString(document.rawKey(*d->node(*it, side)));
        if (isIdentifier(name)) {
            path.append(QLatin1Char('.') + name);
        } else {
            // The key's JSON string as stored is a valid bracket form.
            const Node &node = *d->node(*it, side);
            path.append(QLatin1Char('['))
                .append(QStringView(document.text).mid(node.keyStart, node.keyEnd - node.keyStart))
                .append(QLatin1Char(']'));
        }
    }
    return path;
}

QString JsonDiff::label(int row) const
{
    const Row &r = d->rows[size_t(row)];
    if (r.parent < 0) {
        return QStringLiteral("$");
    }
    if (r.index >= 0) {
        return QLatin1Char('[') + QString::number(r.index) + QLatin1Char(']');
    }
    const Side side = r.left >= 0 ? Side::Left : Side::Right;
    return visibleText(
        Data::decodeString(d->document(side).rawKey(*d->node(row, side))), maxDisplayLength);
}

bool JsonDiff::has(int row, Side side) const
{
    return d->node(row, side) != nullptr;
}

JsonDiff::ValueType JsonDiff::type(int row, Side side) const
{
    const Node *node = d->node(row, side);
    return node ? node->type : ValueType::Null;
}

bool JsonDiff::isContainer(int row, Side side) const
{
    const Node *node = d->node(row, side);
    return node && !d->asText && Data::isContainerType(node->type);
}

QString JsonDiff::cellText(int row, Side side) const
{
    const Node *node = d->node(row, side);
    if (!node) {
        return {};
    }
    switch (d->asText ? ValueType::Invalid : node->type) {
    case ValueType::Object:
        return node->childCount == 1 ? tr("{1 key}") : tr("{%1 keys}").arg(node->childCount);
    case ValueType::Array:
        return node->childCount == 1 ? tr("[1 item]") : tr("[%1 items]").arg(node->childCount);
    default:
        return visibleText(d->document(side).textOf(*node), maxDisplayLength);
    }
}

QStringView JsonDiff::json(int row, Side side) const
{
    const Node *node = d->node(row, side);
    return node ? d->document(side).textOf(*node) : QStringView();
}
