#include "jsontreemodel.h"

#include "displaytext.h"

#include "jsonlexical.h"
#include "jsonprettyprinter.h"
#include "jsontreeindex.h"

#include <QScopedValueRollback>

#include <algorithm>
#include <string_view>
#include <vector>

namespace {

using namespace JsonLexical;
using namespace JsonTreeIndex;

// Text for a cell: shown as displaytext.h shows database text, "…" when cut short.
QString cellText(QString text, bool truncated)
{
    text = visibleText(text);
    if (truncated) {
        text.append(QChar(0x2026));
    }
    return text;
}

bool isIdentifier(QStringView key)
{
    if (key.isEmpty()) {
        return false;
    }
    const auto isStart
        = [](char16_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; };
    return isStart(key.front().unicode())
        && std::all_of(key.begin() + 1, key.end(),
            [&isStart](QChar c) { return isStart(c.unicode()) || isDigit(c.unicode()); });
}

// `key` as a JSON string literal, for the bracket form of a path.
QString quotedKey(QStringView key)
{
    QString quoted = QStringLiteral("\"");
    for (const QChar c : key) {
        const char16_t u = c.unicode();
        if (u == '"' || u == '\\') {
            quoted.append(QLatin1Char('\\')).append(c);
        } else if (u == '\n') {
            quoted.append(QLatin1String("\\n"));
        } else if (u == '\t') {
            quoted.append(QLatin1String("\\t"));
        } else if (u == '\r') {
            quoted.append(QLatin1String("\\r"));
        } else if (u < 0x20) {
            quoted.append(QStringLiteral("\\u%1").arg(uint(u), 4, 16, QLatin1Char('0')));
        } else {
            quoted.append(c);
        }
    }
    return quoted.append(QLatin1Char('"'));
}

JsonTreeModel::ValueType valueType(Kind kind)
{
    switch (kind) {
    case Kind::Object:
        return JsonTreeModel::ObjectType;
    case Kind::Array:
        return JsonTreeModel::ArrayType;
    case Kind::String:
        return JsonTreeModel::StringType;
    case Kind::Number:
        return JsonTreeModel::NumberType;
    case Kind::True:
    case Kind::False:
        return JsonTreeModel::BooleanType;
    case Kind::Null:
        break;
    }
    return JsonTreeModel::NullType;
}

} // namespace

struct JsonTreeModel::Private
{
    QString text;
    std::vector<Node> nodes; // document order; node 0 is the root
    std::vector<int> children; // each node's children, at [childBegin, childBegin + childCount)
    QString error;
    qsizetype errorOffset = -1;
    // True from begin...() to end...() of a change, signals included. A slot reacting to
    // those signals may ask for more rows; nesting that insertion inside the change being
    // announced confuses views and proxies, so fetching waits until the change is over.
    bool changing = false;

    const Node &node(const QModelIndex &index) const { return nodes[size_t(index.internalId())]; }

    QStringView textOf(const Node &node) const
    {
        return QStringView(text).mid(node.start, node.end - node.start);
    }

    QString key(const Node &node, qsizetype limit, bool *truncated = nullptr) const
    {
        const QStringView token = QStringView(text).mid(node.keyStart, node.keyEnd - node.keyStart);
        return decodeString(token.mid(1, token.size() - 2), limit, truncated);
    }

    QString keyCell(const Node &node) const;
    QString valueCell(const Node &node) const;
    QString path(int id) const;
    QString typeName(Kind kind) const;
};

QString JsonTreeModel::Private::keyCell(const Node &node) const
{
    if (node.parent < 0) {
        return QStringLiteral("$");
    }
    if (nodes[size_t(node.parent)].kind == Kind::Array) {
        return QStringLiteral("[%1]").arg(node.row);
    }
    bool truncated = false;
    QString shown = key(node, maxDisplayLength, &truncated);
    return cellText(std::move(shown), truncated);
}

QString JsonTreeModel::Private::valueCell(const Node &node) const
{
    const QStringView token = textOf(node);
    switch (node.kind) {
    case Kind::Object:
        return node.childCount == 1 ? JsonTreeModel::tr("{1 key}")
                                    : JsonTreeModel::tr("{%n keys}", nullptr, node.childCount);
    case Kind::Array:
        return node.childCount == 1 ? JsonTreeModel::tr("[1 item]")
                                    : JsonTreeModel::tr("[%n items]", nullptr, node.childCount);
    case Kind::String: {
        bool truncated = false;
        QString shown = decodeString(token.mid(1, token.size() - 2), maxDisplayLength, &truncated);
        return cellText(std::move(shown), truncated);
    }
    case Kind::Number:
    case Kind::True:
    case Kind::False:
    case Kind::Null:
        break;
    }
    return cellText(token.left(maxDisplayLength).toString(), token.size() > maxDisplayLength);
}

QString JsonTreeModel::Private::path(int id) const
{
    std::vector<int> chain;
    for (int n = id; nodes[size_t(n)].parent >= 0; n = nodes[size_t(n)].parent) {
        chain.push_back(n);
    }
    QString path = QStringLiteral("$");
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
        const Node &node = nodes[size_t(*it)];
        if (nodes[size_t(node.parent)].kind == Kind::Array) {
            path.append(QLatin1Char('['))
                .append(QString::number(node.row))
                .append(QLatin1Char(']'));
            continue;
        }
        const QString name = key(node, node.keyEnd - node.keyStart);
        if (isIdentifier(name)) {
            path.append(QLatin1Char('.')).append(name);
        } else {
            path.append(QLatin1Char('[')).append(quotedKey(name)).append(QLatin1Char(']'));
        }
    }
    return path;
}

QString JsonTreeModel::Private::typeName(Kind kind) const
{
    switch (valueType(kind)) {
    case ObjectType:
        return JsonTreeModel::tr("object");
    case ArrayType:
        return JsonTreeModel::tr("array");
    case StringType:
        return JsonTreeModel::tr("string");
    case NumberType:
        return JsonTreeModel::tr("number");
    case BooleanType:
        return JsonTreeModel::tr("boolean");
    case NullType:
        break;
    }
    return JsonTreeModel::tr("null");
}

JsonTreeModel::JsonTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
    , d(std::make_unique<Private>())
{
}

JsonTreeModel::~JsonTreeModel() = default;

bool JsonTreeModel::setDocument(const QString &json)
{
    const QScopedValueRollback changing(d->changing, true);
    beginResetModel();
    d->text.clear();
    d->nodes.clear();
    d->children.clear();
    d->error.clear();
    d->errorOffset = -1;

    if (!JsonTreeIndex::build(json, d->nodes)) {
        d->nodes.clear();
        d->nodes.shrink_to_fit();
        // The formatter words the error, so the text and tree views say the same.
        const JsonFormatResult formatted = JsonPrettyPrinter().format(QStringView(json));
        d->error = formatted.ok ? tr("the document has too many values to show as a tree")
                                : formatted.error;
        d->errorOffset = formatted.errorOffset;
        endResetModel();
        return false;
    }

    // Lay each node's children out side by side so that row r of any node is one lookup.
    int next = 0;
    for (Node &node : d->nodes) {
        node.childBegin = next;
        next += node.childCount;
    }
    d->children.resize(size_t(next));
    for (size_t id = 1; id < d->nodes.size(); ++id) {
        const Node &node = d->nodes[id];
        d->children[size_t(d->nodes[size_t(node.parent)].childBegin + node.row)] = int(id);
    }
    d->text = json;
    endResetModel();
    return true;
}

void JsonTreeModel::clear()
{
    beginResetModel();
    d = std::make_unique<Private>();
    d->changing = true;
    endResetModel();
    d->changing = false;
}

QString JsonTreeModel::errorString() const
{
    return d->error;
}

qsizetype JsonTreeModel::errorOffset() const
{
    return d->errorOffset;
}

QModelIndex JsonTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount) {
        return {};
    }
    if (!parent.isValid()) {
        return row == 0 && !d->nodes.empty() ? createIndex(0, column, quintptr(0)) : QModelIndex();
    }
    if (parent.column() != 0 || parent.model() != this) {
        return {};
    }
    const Node &node = d->node(parent);
    if (row >= node.fetched) {
        return {};
    }
    return createIndex(row, column, quintptr(d->children[size_t(node.childBegin + row)]));
}

QModelIndex JsonTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid()) {
        return {};
    }
    const int parentId = d->node(child).parent;
    if (parentId < 0) {
        return {};
    }
    return createIndex(d->nodes[size_t(parentId)].row, 0, quintptr(parentId));
}

int JsonTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid()) {
        return d->nodes.empty() ? 0 : 1;
    }
    return parent.column() == 0 ? d->node(parent).fetched : 0;
}

int JsonTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

bool JsonTreeModel::hasChildren(const QModelIndex &parent) const
{
    if (!parent.isValid()) {
        return !d->nodes.empty();
    }
    return parent.column() == 0 && d->node(parent).childCount > 0;
}

bool JsonTreeModel::canFetchMore(const QModelIndex &parent) const
{
    if (!parent.isValid() || parent.column() != 0 || d->changing) {
        return false;
    }
    const Node &node = d->node(parent);
    return node.fetched < node.childCount;
}

void JsonTreeModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent)) {
        return;
    }
    Node &node = d->nodes[size_t(parent.internalId())];
    const int first = node.fetched;
    const int last = first + std::min(fetchBatchSize, node.childCount - first) - 1;
    const QScopedValueRollback changing(d->changing, true);
    beginInsertRows(parent, first, last);
    node.fetched = last + 1;
    endInsertRows();
}

Qt::ItemFlags JsonTreeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid()) {
        return Qt::NoItemFlags;
    }
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (d->node(index).childCount == 0) {
        flags |= Qt::ItemNeverHasChildren;
    }
    return flags;
}

QVariant JsonTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid()) {
        return {};
    }
    const Node &node = d->node(index);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case KeyColumn:
            return d->keyCell(node);
        case ValueColumn:
            return d->valueCell(node);
        case TypeColumn:
            return d->typeName(node.kind);
        default:
            return {};
        }
    case PathRole:
        return d->path(int(index.internalId()));
    case ValueTextRole:
        return d->textOf(node).toString();
    case StartRole:
        return qlonglong(node.start);
    case EndRole:
        return qlonglong(node.end);
    case ValueRole:
        if (node.kind == Kind::String) {
            const QStringView token = d->textOf(node);
            return decodeString(token.mid(1, token.size() - 2), token.size());
        }
        return d->textOf(node).toString();
    case TypeRole:
        return int(valueType(node.kind));
    default:
        return {};
    }
}

QVariant JsonTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case KeyColumn:
        return tr("Key");
    case ValueColumn:
        return tr("Value");
    case TypeColumn:
        return tr("Type");
    default:
        return {};
    }
}
