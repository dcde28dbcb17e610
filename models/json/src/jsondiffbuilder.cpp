// The comparison behind JsonDiff::compare(): both parsed documents in, rows and summary out.
// Thread: any (a Builder lives for one call).

#include "jsondiffdata.h"

#include "jsonlexical.h"

#include <QHash>

#include <algorithm>

using Kind = JsonDiff::Kind;
using Row = JsonDiff::Row;
using ValueType = JsonDiff::ValueType;
using Data = JsonDiff::Data;
using Node = JsonDiff::Data::Node;
using Document = JsonDiff::Data::Document;

namespace {

using namespace JsonLexical;

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
        const bool containers
            = Data::isContainerType(left.type) && Data::isContainerType(right.type);
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
            if (Data::isContainerType(node.type) && node.childCount > 0
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
        decoded.push_back(Data::decodeString(raw));
        return decoded.back();
    }

    JsonDiff::Data &m_data;
    const Document &m_left;
    const Document &m_right;
    std::vector<Frame> m_frames;
};

} // namespace

void JsonDiff::Data::buildRows()
{
    Builder(*this).run();
}
