#include "jsontreeindex.h"

#include "jsonlexical.h"

#include <algorithm>
#include <climits>

namespace JsonTreeIndex {

namespace {

using namespace JsonLexical;

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

} // namespace

bool build(QStringView text, std::vector<Node> &nodes)
{
    return Indexer(text, nodes).run();
}

QString decodeString(QStringView content, qsizetype limit, bool *truncated)
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

} // namespace JsonTreeIndex
