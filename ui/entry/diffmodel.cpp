#include "diffmodel.h"

#include "comparedialog.h"
#include "jsonprettyprinter.h"
#include "jsonrenderer.h"
#include "theme.h"

#include <QFontDatabase>
#include <QFontMetrics>
#include <QPainter>
#include <QPalette>
#include <QPixmap>

using Kind = JsonDiff::Kind;
using Side = JsonDiff::Side;

namespace {

// A tooltip shows at most this much of a value.
constexpr qsizetype maxToolTipLength = 4000;

// A value for a tooltip, monospace and wrapped. Qt takes a tooltip for rich text when it
// looks like HTML; escaped inside <qt> it never is, so the tags of a value show as written.
QString valueToolTip(const QString &text)
{
    QString shown = JsonRenderer::neutralizeBidi(text.left(maxToolTipLength));
    if (text.size() > maxToolTipLength) {
        shown.append(QChar(0x2026));
    }
    return QStringLiteral("<qt><pre style=\"white-space: pre-wrap\">%1</pre></qt>")
        .arg(shown.toHtmlEscaped());
}

} // namespace

DiffModel::DiffModel(QObject *parent)
    : QAbstractItemModel(parent)
{
    buildIndex();
}

void DiffModel::setDiff(const JsonDiff &diff, bool hideIdentical)
{
    beginResetModel();
    m_diff = diff;
    m_hide = hideIdentical;
    buildIndex();
    endResetModel();
}

void DiffModel::setHideIdentical(bool hide)
{
    beginResetModel();
    m_hide = hide;
    endResetModel();
}

void DiffModel::setPalette(const QPalette &palette)
{
    // In the order of accentOf().
    const std::array<Theme::Diff, 3> kinds { Theme::Diff::Changed, Theme::Diff::Added,
        Theme::Diff::Removed };
    const std::array<QString, 3> glyphs { QStringLiteral("~"), QStringLiteral("+"),
        QStringLiteral("\u2212") };
    for (size_t i = 0; i < kinds.size(); ++i) {
        m_tints[i] = Theme::diffTint(kinds[i], palette);
        m_icons[i] = kindIcon(Theme::diffMark(kinds[i]), glyphs[i]);
    }
    m_muted = palette.color(QPalette::PlaceholderText);
    m_blank = kindIcon(Qt::transparent, QString()); // as wide as a mark, and nothing drawn
    m_font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_boldFont = m_font;
    m_boldFont.setBold(true);
    const QFontMetrics metrics(m_font);
    m_rowSize = QSize(metrics.averageCharWidth() * 24, metrics.height() + 6);
}

QModelIndex DiffModel::indexOfRow(int row, int column) const
{
    if (row < 0 || !isShown(row) || (m_flat && row == 0)) {
        return {};
    }
    return createIndex(m_position[mode()][size_t(row)], column, quintptr(row));
}

QModelIndex DiffModel::index(int row, int column, const QModelIndex &parent) const
{
    const size_t slot = parent.isValid() ? size_t(rowOf(parent)) : top();
    if (row < 0 || column < 0 || column >= ColumnCount || (parent.isValid() && parent.column() != 0)
        || row >= m_count[mode()][slot]) {
        return {};
    }
    const int child = m_children[mode()][size_t(m_first[mode()][slot] + row)];
    return createIndex(row, column, quintptr(child));
}

QModelIndex DiffModel::parent(const QModelIndex &child) const
{
    if (!child.isValid()) {
        return {};
    }
    const int parent = m_diff.rows()[size_t(rowOf(child))].parent;
    if (parent < 0 || (m_flat && parent == 0)) {
        return {};
    }
    return createIndex(m_position[mode()][size_t(parent)], 0, quintptr(parent));
}

int DiffModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0) {
        return 0;
    }
    return m_count[mode()][parent.isValid() ? size_t(rowOf(parent)) : top()];
}

Qt::ItemFlags DiffModel::flags(const QModelIndex &index) const
{
    if (!index.isValid()) {
        return Qt::NoItemFlags;
    }
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (m_count[mode()][size_t(rowOf(index))] == 0) {
        flags |= Qt::ItemNeverHasChildren;
    }
    return flags;
}

QVariant DiffModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid()) {
        return {};
    }
    const int row = rowOf(index);
    const JsonDiff::Row &r = m_diff.rows()[size_t(row)];
    const int column = index.column();
    const Side side = column == LeftColumn ? Side::Left : Side::Right;
    switch (role) {
    case Qt::DisplayRole:
        if (column == KeyColumn) {
            return m_diff.label(row);
        }
        if (row == 0 && m_diff.isNull(side)) {
            return CompareDialog::tr("(none)");
        }
        return m_diff.cellText(row, side);
    case Qt::ToolTipRole:
        return toolTip(row, column);
    case Qt::BackgroundRole: {
        const int accent = accentOf(r.kind);
        return accent < 0 ? QVariant() : QVariant(m_tints[size_t(accent)]);
    }
    case Qt::DecorationRole:
        if (column != KeyColumn) {
            return {};
        }
        // A blank icon elsewhere keeps the keys of one level aligned.
        return r.difference ? m_icons[size_t(accentOf(r.kind))] : m_blank;
    case Qt::SizeHintRole:
        return m_rowSize;
    case Qt::ForegroundRole:
        if (column != KeyColumn
            && ((row == 0 && m_diff.isNull(side)) || m_diff.isContainer(row, side))) {
            return m_muted;
        }
        return {};
    case Qt::FontRole:
        // Bold keys lead the way to the differences.
        return column == KeyColumn && r.kind == Kind::Contains ? m_boldFont : m_font;
    case CompareDialog::PathRole:
        return m_diff.path(row);
    case CompareDialog::KindRole:
        return int(r.kind);
    case CompareDialog::DifferenceRole:
        return r.difference;
    default:
        return {};
    }
}

QVariant DiffModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case KeyColumn:
        return CompareDialog::tr("Key");
    case LeftColumn:
        return CompareDialog::tr("Left");
    case RightColumn:
        return CompareDialog::tr("Right");
    default:
        return {};
    }
}

int DiffModel::accentOf(Kind kind)
{
    return kind == Kind::Changed ? 0 : kind == Kind::Added ? 1 : kind == Kind::Removed ? 2 : -1;
}

QIcon DiffModel::kindIcon(const QColor &color, const QString &glyph)
{
    QPixmap pixmap(28, 28);
    pixmap.setDevicePixelRatio(2);
    pixmap.fill(Qt::transparent); // only the mark is painted
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    painter.drawRoundedRect(QRectF(1, 1, 12, 12), 3, 3);
    QFont font;
    font.setPixelSize(12);
    font.setBold(true);
    painter.setFont(font);
    painter.setPen(Theme::onBadge());
    painter.drawText(QRectF(1, 0, 12, 13), Qt::AlignCenter, glyph);
    return QIcon(pixmap);
}

QString DiffModel::toolTip(int row, int column) const
{
    if (column == KeyColumn) {
        QString kind;
        switch (m_diff.rows()[size_t(row)].kind) {
        case Kind::Same:
            kind = CompareDialog::tr("Identical");
            break;
        case Kind::Contains:
            kind = CompareDialog::tr("Differences inside");
            break;
        case Kind::Changed:
            kind = CompareDialog::tr("Changed");
            break;
        case Kind::Added:
            kind = CompareDialog::tr("Only on the right (added)");
            break;
        case Kind::Removed:
            kind = CompareDialog::tr("Only on the left (removed)");
            break;
        }
        return QStringLiteral("<qt>%1<br>%2</qt>")
            .arg(JsonRenderer::neutralizeBidi(m_diff.path(row)).toHtmlEscaped(), kind);
    }
    const Side side = column == LeftColumn ? Side::Left : Side::Right;
    if (!m_diff.has(row, side)) {
        return {};
    }
    const QStringView json = m_diff.json(row, side);
    if (!m_diff.isContainer(row, side)) {
        return valueToolTip(json.toString());
    }
    // Pretty-printed, but only as much as a tooltip can hold.
    const qsizetype cut = maxToolTipLength * 2;
    const JsonFormatResult formatted = JsonPrettyPrinter(2).format(json.left(cut));
    return valueToolTip(formatted.text);
}

void DiffModel::buildIndex()
{
    const std::vector<JsonDiff::Row> &rows = m_diff.rows();
    m_flat = !rows.empty()
        && (rows.front().kind == Kind::Same || rows.front().kind == Kind::Contains)
        && m_diff.isContainer(0, Side::Left) && m_diff.isContainer(0, Side::Right);
    for (int mode = 0; mode < 2; ++mode) {
        const bool hide = mode == 1;
        const auto slotOf = [&](int row) {
            const int parent = rows[size_t(row)].parent;
            return parent < 0 || (m_flat && parent == 0) ? top() : size_t(parent);
        };
        const auto shown = [&](int row) {
            return !(m_flat && row == 0) && (!hide || rows[size_t(row)].kind != Kind::Same);
        };
        std::vector<int> &count = m_count[mode];
        std::vector<int> &first = m_first[mode];
        std::vector<int> &position = m_position[mode];
        count.assign(rows.size() + 1, 0);
        position.assign(rows.size(), -1);
        for (int row = 0; row < int(rows.size()); ++row) {
            if (shown(row)) {
                position[size_t(row)] = count[slotOf(row)]++;
            }
        }
        first.assign(rows.size() + 1, 0);
        int next = 0;
        for (size_t slot = 0; slot < first.size(); ++slot) {
            first[slot] = next;
            next += count[slot];
        }
        m_children[mode].assign(size_t(next), -1);
        for (int row = 0; row < int(rows.size()); ++row) {
            if (shown(row)) {
                m_children[mode][size_t(first[slotOf(row)] + position[size_t(row)])] = row;
            }
        }
    }
}
