#pragma once

#include "jsondiff.h"

// What a JsonDiff shares between its copies: the rows and both documents. jsondiff.cpp
// parses the documents and answers for the rows; jsondiffbuilder.cpp compares them.
// Only those two include it.
// Thread: any; immutable once JsonDiff::compare() returned it.
struct JsonDiff::Data
{
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

    static bool isContainerType(ValueType type)
    {
        return type == ValueType::Object || type == ValueType::Array;
    }

    // The content of a validated string token (between its quotes), decoded.
    static QString decodeString(QStringView content);

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

    // Walks both documents at once and writes the rows and the summary (jsondiffbuilder.cpp).
    void buildRows();
};
