#pragma once

#include <QAbstractItemModel>
#include <QString>

#include <memory>

// A JSON document as a tree for large documents: key / value / type columns, children
// built only when a node is expanded (canFetchMore/fetchMore), so a 20,000-key object or
// a 3,000-deep nesting opens at once. Values are the exact text of the stored document
// (numbers, escapes and key order unchanged). Each node knows its JSON path
// ("$.items[0].content") and its value's text for copying.
// The one top-level row is the document itself ("$"). A node's rowCount() is 0 until
// fetchMore(), which reveals fetchBatchSize children at a time. Cells show at most
// maxDisplayLength characters, with control and bidi characters made visible instead of
// obeyed; the roles below always give the full text.
// Thread: the GUI thread (the document is indexed once, in setDocument).
class JsonTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { KeyColumn, ValueColumn, TypeColumn, ColumnCount };
    enum Role {
        PathRole = Qt::UserRole + 1, // QString: "$.a.b[2]"
        ValueTextRole, // QString: the node's exact JSON text (whole subtree for containers)
        ValueRole, // QString: a string's decoded text in full; else as ValueTextRole
        TypeRole, // int, a ValueType: for delegates that colour by type
        StartRole, // qlonglong: where the node's value starts in the document (QChar units)
        EndRole, // qlonglong: one past where it ends
    };
    enum ValueType { ObjectType, ArrayType, StringType, NumberType, BooleanType, NullType };

    static constexpr int fetchBatchSize = 1000;
    static constexpr int maxDisplayLength = 1000;

    explicit JsonTreeModel(QObject *parent = nullptr);
    ~JsonTreeModel() override;

    // Returns false (and shows nothing) when `json` is not valid JSON.
    bool setDocument(const QString &json);
    // Shows nothing.
    void clear();
    // Why the last setDocument() failed, in the words JsonPrettyPrinter uses; else empty.
    QString errorString() const;
    // Where it failed, in QChar units into the document; -1 when it did not.
    qsizetype errorOffset() const;

    QModelIndex index(
        int row, int column, const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    bool hasChildren(const QModelIndex &parent = QModelIndex()) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Private;
    std::unique_ptr<Private> d;
};
