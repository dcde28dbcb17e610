#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringView>

#include <memory>
#include <optional>
#include <vector>

// A structural comparison of two JSON documents, as stored (see JsonPrettyPrinter: nothing
// is parsed into doubles, so 12345678901234567890 stays itself). Values are matched by JSON
// path: object members by key, array items by index. Scalars are equal when their JSON
// text is equal, byte for byte (1.0 and 1 differ; so do "a" and "\u0061").
//
// The result is a flat list of rows in document order, one per value, each knowing its
// parent: what a tree view shows. A row is Same, Changed (scalar changed, or the type
// changed), Added, Removed, or Contains (a container present on both sides with a
// difference somewhere below). The rows under an added or removed container, and the
// members of both sides under a type change, are Added / Removed too, but only the row
// where the difference starts is a difference: that one is counted in the summary.
//
// NULL documents (a response of a call still running or that failed) are absent: the
// other document is Added or Removed as a whole. Text that is not valid JSON is compared
// as text, in one row. Below maxDepth levels a subtree is compared as a whole (token by
// token, whitespace aside) in one row. Parsing and comparing are iterative and linear in
// the size of the documents.
// Thread: any. A JsonDiff is immutable once compare() returned it.
class JsonDiff
{
    Q_DECLARE_TR_FUNCTIONS(JsonDiff)

public:
    enum class Side { Left, Right };
    enum class Kind : unsigned char { Same, Contains, Changed, Added, Removed };
    // Invalid: a document that is not JSON, compared as text.
    enum class ValueType : unsigned char { Object, Array, String, Number, Boolean, Null, Invalid };

    struct Row
    {
        int parent = -1; // row number of the parent; -1 for the document ("$")
        int depth = 0; // 0 for the document
        int end = 0; // one past the last row of its subtree
        int left = -1; // the value on each side (a node of that document), -1 when absent
        int right = -1;
        int index = -1; // position in the parent array, -1 for an object member
        Kind kind = Kind::Same;
        bool difference = false; // a difference starts here (counted in the summary)
    };

    struct Summary
    {
        int changed = 0;
        int added = 0;
        int removed = 0;
        int total() const { return changed + added + removed; }
    };

    // Levels below this are compared as a whole, like JsonPrettyPrinter::maxIndentLevels
    // stops indenting: a tree 100,000 levels deep reads no better than one 64 levels deep.
    static constexpr int maxDepth = 64;
    // Cells show at most this many characters of a value (JsonTreeModel's limit).
    static constexpr int maxDisplayLength = 1000;

    // nullopt is a NULL document.
    static JsonDiff compare(
        const std::optional<QString> &left, const std::optional<QString> &right);

    // No rows. Copies are cheap: they share the result.
    JsonDiff();

    const std::vector<Row> &rows() const;
    const Summary &summary() const;
    // The first row that is a difference after / before `row` in document order, or -1.
    // nextDifference(-1) is the first one.
    int nextDifference(int row) const;
    int previousDifference(int row) const;

    bool isNull(Side side) const;
    // Valid JSON, or NULL.
    bool isValid(Side side) const;
    // JsonPrettyPrinter's words for why the document is not valid JSON; else empty.
    QString error(Side side) const;

    // "$.http_config.headers.Authorization", "$.items[3]", "$[\"odd key\"]".
    QString path(int row) const;
    // What the tree's first column shows: the key, "[3]" for an array item, "$".
    QString label(int row) const;
    bool has(int row, Side side) const;
    ValueType type(int row, Side side) const;
    bool isContainer(int row, Side side) const;
    // The value as the cell shows it: a scalar's JSON text (a string with its quotes and
    // escapes), "{3 keys}" / "[2 items]" for a container; at most maxDisplayLength
    // characters, with control and bidi characters made visible. Empty when absent.
    QString cellText(int row, Side side) const;
    // The exact JSON text of the value as stored (the whole subtree); empty when absent.
    QStringView json(int row, Side side) const;

    struct Data; // the rows and both documents, defined in jsondiff.cpp

private:
    explicit JsonDiff(std::shared_ptr<const Data> data);

    std::shared_ptr<const Data> d;
};
