#include "jsondiff.h"
#include "jsondiffdata.h"

#include "jsonlexical.h"
#include "jsonprettyprinter.h"
#include "jsontreeindex.h"

#include <algorithm>

using Kind = JsonDiff::Kind;
using Row = JsonDiff::Row;
using Side = JsonDiff::Side;
using ValueType = JsonDiff::ValueType;
using Data = JsonDiff::Data;
using Node = JsonDiff::Data::Node;

namespace {

using namespace JsonLexical;

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
    return JsonTreeIndex::decodeString(content, content.size());
}

namespace {

using Document = JsonDiff::Data::Document;

ValueType valueType(JsonTreeIndex::Kind kind)
{
    switch (kind) {
    case JsonTreeIndex::Kind::Object:
        return ValueType::Object;
    case JsonTreeIndex::Kind::Array:
        return ValueType::Array;
    case JsonTreeIndex::Kind::String:
        return ValueType::String;
    case JsonTreeIndex::Kind::Number:
        return ValueType::Number;
    case JsonTreeIndex::Kind::True:
    case JsonTreeIndex::Kind::False:
        return ValueType::Boolean;
    case JsonTreeIndex::Kind::Null:
        break;
    }
    return ValueType::Null;
}

Document load(const std::optional<QString> &stored)
{
    Document document;
    if (!stored) {
        return document;
    }
    document.text = *stored;
    // The tree model's index of the document, with each node's subtree end added.
    std::vector<JsonTreeIndex::Node> index;
    if (JsonTreeIndex::build(document.text, index)) {
        document.nodes.resize(index.size());
        for (size_t id = 0; id < index.size(); ++id) {
            const JsonTreeIndex::Node &from = index[id];
            Node &node = document.nodes[id];
            node.start = from.start;
            node.end = from.end;
            node.keyStart = from.keyStart;
            node.keyEnd = from.keyEnd;
            node.childCount = from.childCount;
            node.type = valueType(from.kind);
            node.after = int(id) + 1;
        }
        // Nodes are in document order: a subtree ends after its last descendant, and every
        // descendant comes after its parent, so one backward pass finds each end.
        for (size_t id = index.size(); id-- > 1;) {
            Node &parent = document.nodes[size_t(index[id].parent)];
            parent.after = std::max(parent.after, document.nodes[id].after);
        }
    } else {
        document.valid = false;
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
        return node->childCount == 1 ? tr("{1 key}") : tr("{%n keys}", nullptr, node->childCount);
    case ValueType::Array:
        return node->childCount == 1 ? tr("[1 item]") : tr("[%n items]", nullptr, node->childCount);
    default:
        return visibleText(d->document(side).textOf(*node), maxDisplayLength);
    }
}

QStringView JsonDiff::json(int row, Side side) const
{
    const Node *node = d->node(row, side);
    return node ? d->document(side).textOf(*node) : QStringView();
}
