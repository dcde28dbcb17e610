#include "comparedialog.h"

#include "entryheader.h"
#include "jsondiff.h"
#include "jsonprettyprinter.h"
#include "jsonrenderer.h"
#include "secretmasker.h"

#include <QAbstractItemModel>
#include <QAction>
#include <QCheckBox>
#include <QClipboard>
#include <QEvent>
#include <QFontDatabase>
#include <QFutureWatcher>
#include <QGroupBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QPromise>
#include <QPushButton>
#include <QShortcut>
#include <QTabWidget>
#include <QThreadPool>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

#include <array>

namespace {

using Kind = JsonDiff::Kind;
using Side = JsonDiff::Side;

constexpr int documentCount = 3;
// Smaller pairs of entries are compared at once: faster than a round trip through the
// pool, and nothing flickers.
constexpr qsizetype compareInBackgroundFrom = 64 * 1024;
// A tooltip shows at most this much of a value.
constexpr qsizetype maxToolTipLength = 4000;
// Differences below a container of at most this many rows are shown unfolded.
constexpr int unfoldUpTo = 200;

// The three documents of both entries, compared.
struct Comparison
{
    std::array<JsonDiff, documentCount> diffs;
    int maskedCount = 0; // values SecretMasker hides (or would hide, when revealed)
};

Comparison compareEntries(const AuditEntryDetail &left, const AuditEntryDetail &right, bool reveal)
{
    const SecretMasker masker;
    Comparison comparison;
    const auto prepare = [&](const std::optional<QString> &stored) -> std::optional<QString> {
        if (!stored) {
            return std::nullopt;
        }
        int masked = 0;
        QString text = masker.mask(*stored, &masked);
        comparison.maskedCount += masked;
        return reveal ? *stored : text;
    };
    comparison.diffs[0] = JsonDiff::compare(prepare(left.request), prepare(right.request));
    comparison.diffs[1] = JsonDiff::compare(prepare(left.response), prepare(right.response));
    comparison.diffs[2] = JsonDiff::compare(prepare(left.metadata), prepare(right.metadata));
    return comparison;
}

qsizetype sizeOf(const AuditEntryDetail &detail)
{
    return detail.request.value_or(QString()).size() + detail.response.value_or(QString()).size()
        + detail.metadata.value_or(QString()).size();
}

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

// The tree of one JsonDiff: a row's children are its children in the diff, except that a
// document whose top is a container on both sides shows its members at the top level.
// With hideIdentical only rows that are not Same are children. Both shapes are indexed
// once per diff, so switching between them and data() never walk the rows.
// Thread: the GUI thread.
class DiffModel : public QAbstractItemModel
{
public:
    enum Column { KeyColumn, LeftColumn, RightColumn, ColumnCount };

    explicit DiffModel(QObject *parent)
        : QAbstractItemModel(parent)
    {
        buildIndex();
    }

    const JsonDiff &diff() const { return m_diff; }

    void setDiff(const JsonDiff &diff, bool hideIdentical)
    {
        beginResetModel();
        m_diff = diff;
        m_hide = hideIdentical;
        buildIndex();
        endResetModel();
    }

    void setHideIdentical(bool hide)
    {
        beginResetModel();
        m_hide = hide;
        endResetModel();
    }

    void setPalette(const QPalette &palette)
    {
        const QColor base = palette.color(QPalette::Base);
        const bool dark = base.lightness() < 128;
        const auto tint = [&](QColor accent) {
            const qreal a = dark ? 0.38 : 0.26;
            return QColor::fromRgbF(base.redF() * (1 - a) + accent.redF() * a,
                base.greenF() * (1 - a) + accent.greenF() * a,
                base.blueF() * (1 - a) + accent.blueF() * a);
        };
        const std::array<QColor, 3> accents { QColor(0xf0, 0xa2, 0x02), QColor(0x2d, 0xa4, 0x4e),
            QColor(0xe5, 0x48, 0x4d) };
        const std::array<QString, 3> glyphs { QStringLiteral("~"), QStringLiteral("+"),
            QStringLiteral("\u2212") };
        for (size_t i = 0; i < accents.size(); ++i) {
            m_tints[i] = tint(accents[i]);
            m_icons[i] = kindIcon(accents[i], glyphs[i]);
        }
        m_muted = palette.color(QPalette::PlaceholderText);
        m_blank = kindIcon(Qt::transparent, QString());
        m_font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
        m_boldFont = m_font;
        m_boldFont.setBold(true);
        const QFontMetrics metrics(m_font);
        m_rowSize = QSize(metrics.averageCharWidth() * 24, metrics.height() + 6);
    }

    // The model index of a diff row, or an invalid index when it is not shown.
    QModelIndex indexOfRow(int row, int column = 0) const
    {
        if (row < 0 || !isShown(row) || (m_flat && row == 0)) {
            return {};
        }
        return createIndex(m_position[mode()][size_t(row)], column, quintptr(row));
    }

    static int rowOf(const QModelIndex &index) { return int(index.internalId()); }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override
    {
        const size_t slot = parent.isValid() ? size_t(rowOf(parent)) : top();
        if (row < 0 || column < 0 || column >= ColumnCount
            || (parent.isValid() && parent.column() != 0) || row >= m_count[mode()][slot]) {
            return {};
        }
        const int child = m_children[mode()][size_t(m_first[mode()][slot] + row)];
        return createIndex(row, column, quintptr(child));
    }

    QModelIndex parent(const QModelIndex &child) const override
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

    int rowCount(const QModelIndex &parent = {}) const override
    {
        if (parent.isValid() && parent.column() != 0) {
            return 0;
        }
        return m_count[mode()][parent.isValid() ? size_t(rowOf(parent)) : top()];
    }

    int columnCount(const QModelIndex & = {}) const override { return ColumnCount; }

    Qt::ItemFlags flags(const QModelIndex &index) const override
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

    QVariant data(const QModelIndex &index, int role) const override
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

    QVariant headerData(int section, Qt::Orientation orientation, int role) const override
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

private:
    static int accentOf(Kind kind)
    {
        return kind == Kind::Changed ? 0 : kind == Kind::Added ? 1 : kind == Kind::Removed ? 2 : -1;
    }

    static QIcon kindIcon(const QColor &color, const QString &glyph)
    {
        QPixmap pixmap(28, 28);
        pixmap.setDevicePixelRatio(2);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        painter.setBrush(color);
        painter.drawRoundedRect(QRectF(1, 1, 12, 12), 3, 3);
        QFont font;
        font.setPixelSize(12);
        font.setBold(true);
        painter.setFont(font);
        painter.setPen(Qt::white);
        painter.drawText(QRectF(1, 0, 12, 13), Qt::AlignCenter, glyph);
        return QIcon(pixmap);
    }

    QString toolTip(int row, int column) const
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

    size_t top() const { return m_diff.rows().size(); }
    int mode() const { return m_hide ? 1 : 0; }

    bool isShown(int row) const { return !m_hide || m_diff.rows()[size_t(row)].kind != Kind::Same; }

    // For both modes: each row's children and its position among its parent's.
    void buildIndex()
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

} // namespace

struct CompareDialog::Private
{
    AuditEntryDetail left;
    AuditEntryDetail right;
    std::array<EntryHeader *, 2> headers { new EntryHeader, new EntryHeader };
    QTabWidget *tabs = new QTabWidget;
    std::array<QTreeView *, documentCount> views {};
    std::array<DiffModel *, documentCount> models {};
    std::array<QLabel *, documentCount> notices {};
    QCheckBox *hideIdentical = new QCheckBox(CompareDialog::tr("Hide identical"));
    QToolButton *expandAll = new QToolButton;
    QToolButton *collapseAll = new QToolButton;
    QPushButton *previous = new QPushButton(CompareDialog::tr("Previous"));
    QPushButton *next = new QPushButton(CompareDialog::tr("Next"));
    QLabel *summary = new QLabel;
    QLabel *maskedCount = new QLabel;
    QPushButton *reveal = new QPushButton(CompareDialog::tr("Reveal secrets"));
    QLabel *path = new QLabel;
    QPushButton *copyPath = new QPushButton(CompareDialog::tr("Copy path"));
    QPushButton *close = new QPushButton(CompareDialog::tr("Close"));
    QFutureWatcher<Comparison> *watcher = nullptr;
    bool comparing = false;
    int masked = 0;

    int current() const { return tabs->currentIndex(); }
    QTreeView *view() const { return views[size_t(current())]; }
    DiffModel *model() const { return models[size_t(current())]; }

    // Containers on the way to a difference are open, identical ones folded; a difference
    // that is a small container is open too.
    void unfold(size_t document)
    {
        QTreeView *view = views[document];
        const DiffModel *model = models[document];
        const std::vector<JsonDiff::Row> &rows = model->diff().rows();
        for (int row = 0; row < int(rows.size());) {
            const JsonDiff::Row &r = rows[size_t(row)];
            if (r.kind == Kind::Contains) {
                view->expand(model->indexOfRow(row));
            } else if (r.difference && r.end - row <= unfoldUpTo) {
                for (int inner = row; inner < r.end; ++inner) {
                    if (rows[size_t(inner)].end - inner > 1) {
                        view->expand(model->indexOfRow(inner));
                    }
                }
                row = r.end;
                continue;
            }
            ++row;
        }
    }

    // Makes a diff row current, opening the containers above it.
    void select(size_t document, int row)
    {
        QTreeView *view = views[document];
        const DiffModel *model = models[document];
        const std::vector<JsonDiff::Row> &rows = model->diff().rows();
        while (row >= 0 && !model->indexOfRow(row).isValid()) {
            row = rows[size_t(row)].parent; // hidden now: its nearest shown container
        }
        if (row < 0) {
            return;
        }
        for (int parent = rows[size_t(row)].parent; parent >= 0;
             parent = rows[size_t(parent)].parent) {
            const QModelIndex index = model->indexOfRow(parent);
            if (index.isValid()) {
                view->expand(index);
            }
        }
        const QModelIndex index = model->indexOfRow(row);
        view->setCurrentIndex(index);
        view->scrollTo(index, QAbstractItemView::PositionAtCenter);
    }

    int currentRow(size_t document) const
    {
        const QModelIndex index = views[document]->currentIndex();
        return index.isValid() ? DiffModel::rowOf(index) : -1;
    }
};

CompareDialog::CompareDialog(
    const AuditEntryDetail &left, const AuditEntryDetail &right, QWidget *parent)
    : QDialog(parent)
    , d(std::make_unique<Private>())
{
    d->left = left;
    d->right = right;
    setModal(false);
    setSizeGripEnabled(true);
    const auto shortId = [](const AuditEntryDetail &detail) {
        return EntryHeader::displayText(detail.entry.action) + QLatin1Char(' ')
            + EntryHeader::displayText(detail.entry.id.left(8));
    };
    setWindowTitle(tr("Compare %1 \u2194 %2").arg(shortId(left), shortId(right)));

    auto *headers = new QHBoxLayout;
    const std::array<QString, 2> sides { tr("Left"), tr("Right") };
    for (size_t i = 0; i < d->headers.size(); ++i) {
        auto *box = new QGroupBox(sides[i]);
        auto *boxLayout = new QVBoxLayout(box);
        boxLayout->addWidget(d->headers[i]);
        d->headers[i]->setEntry(i == 0 ? left.entry : right.entry);
        d->headers[i]->setObjectName(
            i == 0 ? QStringLiteral("leftHeader") : QStringLiteral("rightHeader"));
        headers->addWidget(box, 1);
    }

    const std::array<QString, documentCount> titles { tr("Request"), tr("Response"),
        tr("Metadata") };
    const std::array<QString, documentCount> names { QStringLiteral("requestView"),
        QStringLiteral("responseView"), QStringLiteral("metadataView") };
    auto *copyLeft = new QAction(tr("Copy left value"), this);
    auto *copyRight = new QAction(tr("Copy right value"), this);
    auto *copyPath = new QAction(tr("Copy path"), this);
    copyPath->setShortcut(QKeySequence::Copy);
    copyPath->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    for (size_t i = 0; i < documentCount; ++i) {
        auto *page = new QWidget;
        auto *pageLayout = new QVBoxLayout(page);
        pageLayout->setContentsMargins(0, 4, 0, 0);
        auto *notice = new QLabel;
        notice->setTextFormat(Qt::PlainText);
        notice->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
        notice->setObjectName(names[i] + QStringLiteral("Notice"));
        QPalette warning = notice->palette();
        const bool dark = warning.color(QPalette::Window).lightness() < 128;
        warning.setColor(
            QPalette::WindowText, dark ? QColor(0xff, 0xb4, 0x6b) : QColor(0x9a, 0x45, 0x00));
        notice->setPalette(warning);
        notice->hide();
        auto *view = new QTreeView;
        view->setObjectName(names[i]);
        auto *model = new DiffModel(view);
        model->setPalette(view->palette());
        view->setModel(model);
        view->setUniformRowHeights(true);
        view->setAllColumnsShowFocus(true);
        view->setTextElideMode(Qt::ElideRight);
        view->setWordWrap(false);
        view->setIndentation(16);
        view->setContextMenuPolicy(Qt::ActionsContextMenu);
        view->addActions({ copyPath, copyLeft, copyRight });
        QHeaderView *header = view->header();
        header->setStretchLastSection(false);
        header->setSectionResizeMode(DiffModel::KeyColumn, QHeaderView::Interactive);
        header->setSectionResizeMode(DiffModel::LeftColumn, QHeaderView::Stretch);
        header->setSectionResizeMode(DiffModel::RightColumn, QHeaderView::Stretch);
        header->resizeSection(DiffModel::KeyColumn, 240);
        pageLayout->addWidget(notice);
        pageLayout->addWidget(view, 1);
        d->tabs->addTab(page, titles[i]);
        d->views[i] = view;
        d->models[i] = model;
        d->notices[i] = notice;
        connect(view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &CompareDialog::updateSummary);
    }
    d->tabs->setObjectName(QStringLiteral("documents"));
    d->tabs->setDocumentMode(true);

    d->hideIdentical->setObjectName(QStringLiteral("hideIdentical"));
    d->hideIdentical->setChecked(true);
    d->hideIdentical->setToolTip(tr("Show only the differences and the keys that lead to them"));
    d->expandAll->setObjectName(QStringLiteral("expandAll"));
    d->expandAll->setText(tr("Expand all"));
    d->expandAll->setAutoRaise(true);
    d->collapseAll->setObjectName(QStringLiteral("collapseAll"));
    d->collapseAll->setText(tr("Collapse all"));
    d->collapseAll->setAutoRaise(true);
    d->previous->setObjectName(QStringLiteral("previousDifference"));
    d->previous->setIcon(QIcon(QStringLiteral(":/icons/go-previous.svg")));
    d->previous->setToolTip(tr("The previous difference (Shift+F7)"));
    d->next->setObjectName(QStringLiteral("nextDifference"));
    d->next->setIcon(QIcon(QStringLiteral(":/icons/go-next.svg")));
    d->next->setToolTip(tr("The next difference (F7)"));
    d->summary->setObjectName(QStringLiteral("summary"));
    d->summary->setTextFormat(Qt::PlainText);
    d->maskedCount->setObjectName(QStringLiteral("maskedCount"));
    d->maskedCount->setTextFormat(Qt::PlainText);
    d->maskedCount->setForegroundRole(QPalette::PlaceholderText);
    d->reveal->setObjectName(QStringLiteral("revealSecrets"));
    d->reveal->setCheckable(true);
    d->reveal->setToolTip(tr("Compare the secret values as stored, for this window only"));
    d->path->setObjectName(QStringLiteral("currentPath"));
    d->path->setTextFormat(Qt::PlainText);
    d->path->setTextInteractionFlags(Qt::TextSelectableByMouse);
    d->path->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    d->path->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    d->copyPath->setObjectName(QStringLiteral("copyPath"));
    d->copyPath->setToolTip(tr("Copy the JSON path of the current row (Ctrl+C)"));
    for (QPushButton *button : { d->previous, d->next, d->reveal, d->copyPath, d->close }) {
        button->setAutoDefault(false);
    }

    auto *tools = new QHBoxLayout;
    tools->addWidget(d->hideIdentical);
    tools->addWidget(d->expandAll);
    tools->addWidget(d->collapseAll);
    tools->addSpacing(12);
    tools->addWidget(d->previous);
    tools->addWidget(d->next);
    tools->addSpacing(12);
    tools->addWidget(d->summary);
    tools->addStretch(1);
    tools->addWidget(d->maskedCount);
    tools->addWidget(d->reveal);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(d->path, 1);
    bottom->addWidget(d->copyPath);
    bottom->addWidget(d->close);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(headers);
    layout->addLayout(tools);
    layout->addWidget(d->tabs, 1);
    layout->addLayout(bottom);

    connect(d->hideIdentical, &QCheckBox::toggled, this, [this](bool hide) {
        for (size_t i = 0; i < documentCount; ++i) {
            const int row = d->currentRow(i);
            d->models[i]->setHideIdentical(hide);
            d->unfold(i);
            d->select(i, row);
        }
        updateSummary();
    });
    connect(d->expandAll, &QToolButton::clicked, this, [this] { d->view()->expandAll(); });
    connect(d->collapseAll, &QToolButton::clicked, this, [this] { d->view()->collapseAll(); });
    connect(d->previous, &QPushButton::clicked, this, &CompareDialog::previousDifference);
    connect(d->next, &QPushButton::clicked, this, &CompareDialog::nextDifference);
    // Shortcuts of their own: a button's shortcut clicks it only after its press animation.
    connect(new QShortcut(QKeySequence(Qt::Key_F7), this), &QShortcut::activated, this,
        &CompareDialog::nextDifference);
    connect(new QShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F7), this), &QShortcut::activated, this,
        &CompareDialog::previousDifference);
    connect(d->reveal, &QPushButton::toggled, this, &CompareDialog::startComparison);
    connect(d->tabs, &QTabWidget::currentChanged, this, &CompareDialog::updateSummary);
    connect(d->copyPath, &QPushButton::clicked, this, &CompareDialog::copyCurrentPath);
    connect(copyPath, &QAction::triggered, this, &CompareDialog::copyCurrentPath);
    const auto copyValue = [this](Side side) {
        const QModelIndex index = d->view()->currentIndex();
        if (index.isValid()) {
            QGuiApplication::clipboard()->setText(
                d->model()->diff().json(DiffModel::rowOf(index), side).toString());
        }
    };
    connect(copyLeft, &QAction::triggered, this, [copyValue] { copyValue(Side::Left); });
    connect(copyRight, &QAction::triggered, this, [copyValue] { copyValue(Side::Right); });
    connect(d->close, &QPushButton::clicked, this, &QDialog::close);

    resize(1240, 780);
    startComparison();
}

CompareDialog::~CompareDialog() = default;

void CompareDialog::setUtc(bool utc)
{
    for (EntryHeader *header : d->headers) {
        header->setUtc(utc);
    }
}

bool CompareDialog::isComparing() const
{
    return d->comparing;
}

QString CompareDialog::summaryText() const
{
    return d->summary->text();
}

void CompareDialog::showDocument(Document document)
{
    d->tabs->setCurrentIndex(int(document));
}

void CompareDialog::startComparison()
{
    const bool reveal = d->reveal->isChecked();
    const auto present = [this](const Comparison &comparison) {
        d->comparing = false;
        d->masked = comparison.maskedCount;
        const std::array<QString, documentCount> titles { tr("Request"), tr("Response"),
            tr("Metadata") };
        for (size_t i = 0; i < documentCount; ++i) {
            const JsonDiff &diff = comparison.diffs[i];
            // After Reveal the rows are the same unless a masked container was opened.
            const bool sameRows = d->models[i]->diff().rows().size() == diff.rows().size();
            const int row = sameRows ? d->currentRow(i) : -1;
            d->models[i]->setDiff(diff, d->hideIdentical->isChecked());
            d->unfold(i);
            d->select(i, row >= 0 ? row : diff.nextDifference(-1));
            QStringList invalid;
            for (const Side side : { Side::Left, Side::Right }) {
                if (!diff.isValid(side)) {
                    invalid.append(side == Side::Left
                            ? tr("The left document is not valid JSON (%1).").arg(diff.error(side))
                            : tr("The right document is not valid JSON (%1).")
                                  .arg(diff.error(side)));
                }
            }
            if (!invalid.isEmpty()) {
                invalid.append(tr("The documents are compared as text."));
            }
            d->notices[i]->setText(invalid.join(QLatin1Char(' ')));
            d->notices[i]->setVisible(!invalid.isEmpty());
            const int total = diff.summary().total();
            d->tabs->setTabText(
                int(i), total == 0 ? titles[i] : tr("%1 (%2)").arg(titles[i]).arg(total));
        }
        d->tabs->setEnabled(true);
        updateSummary();
        emit comparisonFinished();
    };
    delete d->watcher;
    d->watcher = nullptr;
    if (sizeOf(d->left) + sizeOf(d->right) < compareInBackgroundFrom) {
        present(compareEntries(d->left, d->right, reveal));
        return;
    }
    d->comparing = true;
    d->tabs->setEnabled(false);
    updateSummary();
    // A watcher per comparison: the result of one that was replaced is never delivered.
    d->watcher = new QFutureWatcher<Comparison>(this);
    auto *watcher = d->watcher;
    connect(watcher, &QFutureWatcherBase::finished, this, [watcher, present] {
        if (watcher->future().resultCount() > 0) {
            present(watcher->result());
        }
    });
    auto promise = std::make_shared<QPromise<Comparison>>();
    watcher->setFuture(promise->future());
    promise->start();
    QThreadPool::globalInstance()->start([promise, left = d->left, right = d->right, reveal] {
        promise->addResult(compareEntries(left, right, reveal));
        promise->finish();
    });
}

void CompareDialog::nextDifference()
{
    const size_t document = size_t(d->current());
    const int row = d->model()->diff().nextDifference(d->currentRow(document));
    if (row >= 0) {
        d->select(document, row);
    }
}

void CompareDialog::previousDifference()
{
    const size_t document = size_t(d->current());
    const JsonDiff &diff = d->model()->diff();
    const int current = d->currentRow(document);
    const int row = diff.previousDifference(current < 0 ? int(diff.rows().size()) : current);
    if (row >= 0) {
        d->select(document, row);
    }
}

void CompareDialog::updateSummary()
{
    const size_t document = size_t(d->current());
    const JsonDiff &diff = d->model()->diff();
    const JsonDiff::Summary &summary = diff.summary();
    if (d->comparing) {
        d->summary->setText(tr("Comparing…"));
    } else if (summary.total() == 0) {
        d->summary->setText(tr("No differences"));
    } else {
        d->summary->setText(tr("%1 changed, %2 added, %3 removed")
                                .arg(summary.changed)
                                .arg(summary.added)
                                .arg(summary.removed));
    }
    const int row = d->currentRow(document);
    d->path->setText(row >= 0 ? diff.path(row) : QString());
    d->copyPath->setEnabled(row >= 0);
    const int last = int(diff.rows().size());
    d->next->setEnabled(!d->comparing && diff.nextDifference(row) >= 0);
    d->previous->setEnabled(!d->comparing && diff.previousDifference(row < 0 ? last : row) >= 0);
    if (d->masked == 0) {
        d->maskedCount->setText(d->comparing ? QString() : tr("No secrets found"));
    } else if (d->reveal->isChecked()) {
        d->maskedCount->setText(
            d->masked == 1 ? tr("1 value revealed") : tr("%1 values revealed").arg(d->masked));
    } else {
        d->maskedCount->setText(
            d->masked == 1 ? tr("1 value hidden") : tr("%1 values hidden").arg(d->masked));
    }
    d->reveal->setEnabled(d->masked > 0 || d->reveal->isChecked());
}

void CompareDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange) {
        // The tints are blended into the base colour: a new theme needs new ones.
        for (size_t i = 0; i < documentCount; ++i) {
            d->models[i]->setPalette(palette());
            d->views[i]->viewport()->update();
        }
    }
    QDialog::changeEvent(event);
}

void CompareDialog::copyCurrentPath()
{
    const QModelIndex index = d->view()->currentIndex();
    if (index.isValid()) {
        QGuiApplication::clipboard()->setText(index.data(PathRole).toString());
    }
}
