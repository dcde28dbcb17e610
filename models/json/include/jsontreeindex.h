#pragma once

#include <QString>
#include <QStringView>

#include <vector>

// The node table behind JsonTreeModel: one pass over a document finds every value, its
// key and its place among its parent's children. JsonTreeModel shows it; JsonDiff compares
// two of them.
// Thread: any (the table is built in one call).
namespace JsonTreeIndex {

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

// Builds the node table of `text` in document order (the root is node 0). Returns false
// when the text is not valid JSON or has too many values; `nodes` is then partly filled.
bool build(QStringView text, std::vector<Node> &nodes);

// Decodes the content of a validated string token (between its quotes), stopping after
// `limit` characters; *truncated tells whether it stopped early.
QString decodeString(QStringView content, qsizetype limit, bool *truncated = nullptr);

} // namespace JsonTreeIndex
