#pragma once

#include "jsondiff.h"

#include <QAbstractItemModel>
#include <QColor>
#include <QFont>
#include <QIcon>
#include <QSize>

#include <array>
#include <vector>

// The tree of one JsonDiff: a row's children are its children in the diff, except that a
// document whose top is a container on both sides shows its members at the top level.
// With hideIdentical only rows that are not Same are children. Both shapes are indexed
// once per diff, so switching between them and data() never walk the rows.
// Thread: the GUI thread.
class DiffModel : public QAbstractItemModel
{
public:
    enum Column { KeyColumn, LeftColumn, RightColumn, ColumnCount };

    explicit DiffModel(QObject *parent);

    const JsonDiff &diff() const { return m_diff; }
    void setDiff(const JsonDiff &diff, bool hideIdentical);
    void setHideIdentical(bool hide);
    void setPalette(const QPalette &palette);

    // The model index of a diff row, or an invalid index when it is not shown.
    QModelIndex indexOfRow(int row, int column = 0) const;
    static int rowOf(const QModelIndex &index) { return int(index.internalId()); }
    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex & = {}) const override { return ColumnCount; }
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    static int accentOf(JsonDiff::Kind kind);
    static QIcon kindIcon(const QColor &color, const QString &glyph);
    QString toolTip(int row, int column) const;
    size_t top() const { return m_diff.rows().size(); }
    int mode() const { return m_hide ? 1 : 0; }
    bool isShown(int row) const
    {
        return !m_hide || m_diff.rows()[size_t(row)].kind != JsonDiff::Kind::Same;
    }

    // For both modes: each row's children and its position among its parent's.
    void buildIndex();

    JsonDiff m_diff = JsonDiff::compare(std::nullopt, std::nullopt);
    bool m_hide = true;
    bool m_flat = false; // the document's own row is not shown, its members are
    // Per mode (0: everything, 1: hide identical), per row and one more slot for the top.
    std::array<std::vector<int>, 2> m_count;
    std::array<std::vector<int>, 2> m_first;
    std::array<std::vector<int>, 2> m_position;
    std::array<std::vector<int>, 2> m_children;
    std::array<QColor, 3> m_tints;
    std::array<QIcon, 3> m_icons;
    QIcon m_blank;
    QColor m_muted;
    QFont m_font;
    QFont m_boldFont;
    QSize m_rowSize;
};
