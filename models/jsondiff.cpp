#include "jsondiff.h"

#include "jsonlexical.h"
#include "jsonprettyprinter.h"

#include <QHash>

#include <algorithm>
#include <climits>
#include <string_view>

using Kind = JsonDiff::Kind;
using Row = JsonDiff::Row;
using Side = JsonDiff::Side;
using ValueType = JsonDiff::ValueType;

namespace {

using namespace JsonLexical;

// One value of a document. Nodes are in document order, so a node's subtree is the
// nodes [id, after) and its first child, if any, is id + 1. Offsets are in QChar units.
struct Node
{
    qsizetype start = 0; // the value's first character
    qsizetype end = 0; // one past its last
    qsizetype keyStart = -1; // its key's opening quote, for object members
    qsizetype keyEnd = -1; // one past the key's closing quote
    int after = 0; // one past the last node of its subtree
    int childCount = 0;
    ValueType type = ValueType::Null;
};

bool isContainerType(ValueType type)
{
    return type == ValueType::Object || type == ValueType::Array;
}

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
                if (isContainerType(type)) {
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

// The content of a validated string token (between its quotes), decoded.
QString decodeString(QStringView content)
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

// Two subtrees of valid JSON are the same token for token, whatever whitespace lies
// between the tokens.
bool sameTokens(QStringView a, QStringView b)
{
    qsizetype i = 0;
    qsizetype j = 0;
    bool inString = false;
    for (;;) {
        if (!inString) {
            while (i < a.size() && isJsonWhitespace(a[i].unicode())) {
                ++i;
            }
            while (j < b.size() && isJsonWhitespace(b[j].unicode())) {
                ++j;
            }
        }
        if (i == a.size() || j == b.size()) {
            return i == a.size() && j == b.size();
        }
        if (a[i] != b[j]) {
            return false;
        }
        if (inString && a[i] == u'\\') {
            // The escaped character follows; a quote there does not end the string.
            ++i;
            ++j;
            if (i == a.size() || j == b.size() || a[i] != b[j]) {
                return false;
            }
        } else if (a[i] == u'"') {
            inString = !inString;
        }
        ++i;
        ++j;
    }
}

} // namespace

struct JsonDiff::Data
{
    struct Document
    {
        QString text;
        std::vector<Node> nodes; // empty for a NULL document
        bool valid = true;
        QString error;

        QStringView textOf(const Node &node) const
        {
            return QStringView(text).mid(node.start, node.end - node.start);
        }
        QStringView rawKey(const Node &node) const
        {
            return QStringView(text).mid(node.keyStart + 1, node.keyEnd - node.keyStart - 2);
        }
    };

    std::vector<Row> rows;
    Summary summary;
    Document documents[2];
    // A document that is not JSON: both are compared, and shown, as text in one row.
    bool asText = false;

    const Document &document(Side side) const { return documents[side == Side::Left ? 0 : 1]; }
    const Node *node(int row, Side side) const
    {
        const int id = side == Side::Left ? rows[size_t(row)].left : rows[size_t(row)].right;
        return id < 0 ? nullptr : &document(side).nodes[size_t(id)];
    }
};

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

// Walks both documents at once and writes the rows. The containers being compared are a
// vector of frames, not the call stack.
class Builder
{
public:
    explicit Builder(JsonDiff::Data &data)
        : m_data(data)
        , m_left(data.documents[0])
        , m_right(data.documents[1])
    {
    }

    void run()
    {
        const int left = m_left.nodes.empty() ? -1 : 0;
        const int right = m_right.nodes.empty() ? -1 : 0;
        if (left < 0 && right < 0) {
            Row row;
            row.end = 1;
            m_data.rows.push_back(row); // NULL and NULL: the same
            return;
        }
        if (left >= 0 && right >= 0 && (!m_left.valid || !m_right.valid)) {
            m_data.asText = true;
            const bool same = m_left.text == m_right.text;
            addRow(-1, left, right, -1, same ? Kind::Same : Kind::Changed, !same);
            if (!same) {
                ++m_data.summary.changed;
            }
            return;
        }
        addPair(-1, left, right, -1);
        while (!m_frames.empty()) {
            Frame &frame = m_frames.back();
            if (frame.next < frame.pairs.size()) {
                const auto [l, r] = frame.pairs[frame.next];
                const int index = frame.isArray ? int(frame.next) : -1;
                ++frame.next;
                addPair(frame.row, l, r, index); // may push a frame: `frame` is stale after
                continue;
            }
            Row &row = m_data.rows[size_t(frame.row)];
            row.end = int(m_data.rows.size());
            row.kind = frame.differs ? Kind::Contains : Kind::Same;
            const bool differs = frame.differs;
            m_frames.pop_back();
            if (differs) {
                markParent();
            }
        }
    }

private:
    struct Frame
    {
        int row;
        bool isArray;
        std::vector<std::pair<int, int>> pairs; // (left node, right node), -1 when absent
        size_t next = 0;
        bool differs = false;
    };

    void markParent()
    {
        if (!m_frames.empty()) {
            m_frames.back().differs = true;
        }
    }

    int addRow(int parent, int left, int right, int index, Kind kind, bool difference)
    {
        Row row;
        row.parent = parent;
        row.depth = parent < 0 ? 0 : m_data.rows[size_t(parent)].depth + 1;
        row.left = left;
        row.right = right;
        row.index = index;
        row.kind = kind;
        row.difference = difference;
        m_data.rows.push_back(row);
        const int number = int(m_data.rows.size() - 1);
        m_data.rows.back().end = number + 1;
        return number;
    }

    void count(Kind kind)
    {
        int &counter = kind == Kind::Added ? m_data.summary.added
            : kind == Kind::Removed        ? m_data.summary.removed
                                           : m_data.summary.changed;
        ++counter;
        markParent();
    }

    void addPair(int parent, int l, int r, int index)
    {
        if (l < 0 || r < 0) {
            const Kind kind = l < 0 ? Kind::Added : Kind::Removed;
            addSubtree(parent, l < 0 ? m_right : m_left, l < 0 ? r : l, index, kind, true);
            count(kind);
            return;
        }
        const Node &left = m_left.nodes[size_t(l)];
        const Node &right = m_right.nodes[size_t(r)];
        const int depth = parent < 0 ? 0 : m_data.rows[size_t(parent)].depth + 1;
        const bool containers = isContainerType(left.type) && isContainerType(right.type);
        if (left.type == right.type && containers && depth < JsonDiff::maxDepth) {
            const int row = addRow(parent, l, r, index, Kind::Same, false);
            m_frames.push_back(Frame { row, left.type == ValueType::Array, pairs(l, r) });
            return;
        }
        const bool same = left.type == right.type
            && (containers ? sameTokens(m_left.textOf(left), m_right.textOf(right))
                           : m_left.textOf(left) == m_right.textOf(right));
        const int row = addRow(parent, l, r, index, same ? Kind::Same : Kind::Changed, !same);
        if (same) {
            return;
        }
        count(Kind::Changed);
        if (left.type != right.type && depth < JsonDiff::maxDepth) {
            // What each side holds under the changed type, so that it can be read.
            addChildren(row, m_left, l, Kind::Removed);
            addChildren(row, m_right, r, Kind::Added);
            m_data.rows[size_t(row)].end = int(m_data.rows.size());
        }
    }

    void addChildren(int row, const Document &document, int id, Kind kind)
    {
        const Node &node = document.nodes[size_t(id)];
        int index = 0;
        for (int child = id + 1; child < node.after; child = document.nodes[size_t(child)].after) {
            addSubtree(
                row, document, child, node.type == ValueType::Array ? index++ : -1, kind, false);
        }
    }

    // The subtree of node `id`, which only one side has. Nodes are in document order, so
    // this is one scan over them; containers at maxDepth are not opened.
    void addSubtree(
        int parent, const Document &document, int id, int index, Kind kind, bool difference)
    {
        struct Open
        {
            int row;
            int after;
            bool isArray;
            int nextIndex = 0;
        };
        std::vector<Open> open;
        const bool left = &document == &m_left;
        const int stop = document.nodes[size_t(id)].after;
        for (int n = id; n < stop;) {
            while (!open.empty() && open.back().after <= n) {
                m_data.rows[size_t(open.back().row)].end = int(m_data.rows.size());
                open.pop_back();
            }
            const Node &node = document.nodes[size_t(n)];
            int itemIndex = index;
            int parentRow = parent;
            if (!open.empty()) {
                parentRow = open.back().row;
                itemIndex = open.back().isArray ? open.back().nextIndex++ : -1;
            }
            const int row = addRow(
                parentRow, left ? n : -1, left ? -1 : n, itemIndex, kind, difference && n == id);
            if (isContainerType(node.type) && node.childCount > 0
                && m_data.rows[size_t(row)].depth < JsonDiff::maxDepth) {
                open.push_back(Open { row, node.after, node.type == ValueType::Array });
                ++n;
            } else {
                n = node.after;
            }
        }
        for (auto it = open.rbegin(); it != open.rend(); ++it) {
            m_data.rows[size_t(it->row)].end = int(m_data.rows.size());
        }
    }

    // The children of two containers of the same type, paired: items by index; members by
    // key, in the left order, with members only the right has placed before the next
    // member after them on the right.
    std::vector<std::pair<int, int>> pairs(int l, int r)
    {
        const std::vector<int> lefts = children(m_left, l);
        const std::vector<int> rights = children(m_right, r);
        std::vector<std::pair<int, int>> result;
        result.reserve(std::max(lefts.size(), rights.size()));
        if (m_left.nodes[size_t(l)].type == ValueType::Array) {
            for (size_t i = 0; i < std::max(lefts.size(), rights.size()); ++i) {
                result.emplace_back(
                    i < lefts.size() ? lefts[i] : -1, i < rights.size() ? rights[i] : -1);
            }
            return result;
        }
        std::vector<QString> decoded; // keys with escapes, kept alive for the views
        QHash<QStringView, int> rightByKey; // key → position in `rights`; the first wins
        rightByKey.reserve(qsizetype(rights.size()));
        for (size_t i = 0; i < rights.size(); ++i) {
            rightByKey.insert(key(m_right, rights[i], decoded), int(i));
        }
        std::vector<int> match(lefts.size(), -1);
        std::vector<bool> matched(rights.size(), false);
        for (size_t i = 0; i < lefts.size(); ++i) {
            const auto found = rightByKey.constFind(key(m_left, lefts[i], decoded));
            if (found != rightByKey.cend() && !matched[size_t(*found)]) {
                match[i] = *found;
                matched[size_t(*found)] = true;
            }
        }
        size_t nextRight = 0;
        for (size_t i = 0; i < lefts.size(); ++i) {
            for (; match[i] >= 0 && nextRight < size_t(match[i]); ++nextRight) {
                if (!matched[nextRight]) {
                    result.emplace_back(-1, rights[nextRight]);
                }
            }
            result.emplace_back(lefts[i], match[i] >= 0 ? rights[size_t(match[i])] : -1);
        }
        for (; nextRight < rights.size(); ++nextRight) {
            if (!matched[nextRight]) {
                result.emplace_back(-1, rights[nextRight]);
            }
        }
        return result;
    }

    static std::vector<int> children(const Document &document, int id)
    {
        std::vector<int> result;
        const Node &node = document.nodes[size_t(id)];
        result.reserve(size_t(node.childCount));
        for (int child = id + 1; child < node.after; child = document.nodes[size_t(child)].after) {
            result.push_back(child);
        }
        return result;
    }

    // A member's key as text to compare: the raw token content, decoded when it has escapes.
    static QStringView key(const Document &document, int id, std::vector<QString> &decoded)
    {
        const QStringView raw = document.rawKey(document.nodes[size_t(id)]);
        if (!raw.contains(u'\\')) {
            return raw;
        }
        decoded.push_back(decodeString(raw));
        return decoded.back();
    }

    JsonDiff::Data &m_data;
    const Document &m_left;
    const Document &m_right;
    std::vector<Frame> m_frames;
};

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
    Builder(*data).run();
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
        const QString name = decodeString(document.rawKey(*d->node(*it, side)));
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
        decodeString(d->document(side).rawKey(*d->node(row, side))), maxDisplayLength);
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
    return node && !d->asText && isContainerType(node->type);
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
