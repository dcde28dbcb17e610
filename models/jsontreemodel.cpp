#include "jsontreemodel.h"

#include "displaytext.h"

#include "jsonlexical.h"
#include "jsonprettyprinter.h"

#include <QScopedValueRollback>

#include <algorithm>
#include <climits>
#include <string_view>
#include <vector>

namespace {

using namespace JsonLexical;

enum class Kind : unsigned char { Object, Array, String, Number, True, False, Null };

// One value of the document, found by one pass over the text. Offsets are in QChar units.
struct Node
{
    qsizetype start = 0; // the value's first character
    qsizetype end = 0; // one past its last
    qsizetype keyStart = -1; // its key's opening quote, for object members
    qsizetype keyEnd = -1; // one past the key's closing quote
    int parent = -1;
    int row = 0; // position among its parent's children
    int childBegin = 0; // where its children start in the child table
    int childCount = 0;
    int fetched = 0; // children revealed by fetchMore (the rowCount)
    Kind kind = Kind::Null;
};

// Builds the node table in document order (the root is node 0). Iterative: open
// containers are a vector of node numbers, so nesting depth costs heap, never stack.
class Indexer
{
public:
    Indexer(QStringView text, std::vector<Node> &nodes)
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
                    // Read the same character again as the first key or item.
                    expect = expect == Expect::FirstKeyOrClose ? Expect::Key : Expect::Value;
                }
                break;
            case Expect::Key: {
                if (c != '"') {
                    return false;
                }
                const qsizetype q = scanString(p);
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
                Kind kind = Kind::Null;
                if (c == '{' || c == '[') {
                    kind = c == '{' ? Kind::Object : Kind::Array;
                } else if (c == '"') {
                    kind = Kind::String;
                } else if (c == '-' || isDigit(c)) {
                    kind = Kind::Number;
                } else if (c == 't' || c == 'f' || c == 'n') {
                    kind = c == 't' ? Kind::True : c == 'f' ? Kind::False : Kind::Null;
                } else {
                    return false;
                }
                if (m_nodes.size() >= size_t(INT_MAX) - 1) {
                    return false;
                }
                const int id = addNode(p, kind);
                if (kind == Kind::Object || kind == Kind::Array) {
                    m_open.push_back(id);
                    ++p;
                    expect = kind == Kind::Object ? Expect::FirstKeyOrClose
                                                  : Expect::FirstValueOrClose;
                    break;
                }
                const qsizetype q = kind == Kind::String ? scanString(p)
                    : kind == Kind::Number               ? scanNumber(p)
                                                         : scanLiteral(p);
                if (q < 0) {
                    return false;
                }
                m_nodes[size_t(id)].end = q;
                p = q;
                expect = afterValue();
                break;
            }
            case Expect::CommaOrClose:
                if (c == ',') {
                    ++p;
                    expect = m_nodes[size_t(m_open.back())].kind == Kind::Object ? Expect::Key
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
        return m_nodes[size_t(m_open.back())].kind == Kind::Object ? '}' : ']';
    }

    int addNode(qsizetype p, Kind kind)
    {
        Node node;
        node.start = p;
        node.kind = kind;
        if (!m_open.empty()) {
            Node &parent = m_nodes[size_t(m_open.back())];
            node.parent = m_open.back();
            node.row = parent.childCount++;
            if (parent.kind == Kind::Object) {
                node.keyStart = m_keyStart;
                node.keyEnd = m_keyEnd;
            }
        }
        m_nodes.push_back(node);
        return int(m_nodes.size() - 1);
    }

    void close(qsizetype p)
    {
        m_nodes[size_t(m_open.back())].end = p + 1;
        m_open.pop_back();
    }

    qsizetype scanString(qsizetype p) const { return JsonLexical::scanString(m_text, m_size, p); }
    qsizetype scanNumber(qsizetype p) const { return JsonLexical::scanNumber(m_text, m_size, p); }
    qsizetype scanLiteral(qsizetype p) const { return JsonLexical::scanLiteral(m_text, m_size, p); }

    const char16_t *m_text;
    qsizetype m_size;
    std::vector<Node> &m_nodes;
    std::vector<int> m_open; // the containers not closed yet, innermost last
    qsizetype m_keyStart = -1;
    qsizetype m_keyEnd = -1;
};

// Decodes the content of a validated string token (between its quotes), stopping after
// `limit` characters; *truncated tells whether it stopped early.
QString decodeString(QStringView content, qsizetype limit, bool *truncated = nullptr)
{
    QString out;
    out.reserve(std::min(content.size(), limit));
    qsizetype i = 0;
    while (i < content.size() && out.size() < limit) {
        const char16_t c = content[i].unicode();
        if (c != '\\') {
            out.append(QChar(c));
            ++i;
            continue;
        }
        if (content[i + 1] == u'u') {
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
    const bool cut = i < content.size();
    if (cut && !out.isEmpty() && out.back().isHighSurrogate()) {
        out.chop(1); // never show half a character
    }
    if (truncated) {
        *truncated = cut;
    }
    return out;
}

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

    Indexer indexer(json, d->nodes);
    if (!indexer.run()) {
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
