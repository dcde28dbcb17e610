#include "resultsview.h"

#include "audittablemodel.h"
#include "badgedelegate.h"
#include "celltextdelegate.h"

#include <QAction>
#include <QApplication>
#include <QBitArray>
#include <QClipboard>
#include <QDataStream>
#include <QHeaderView>
#include <QKeyEvent>
#include <QKeySequence>
#include <QLabel>
#include <QMenu>
#include <QPainter>

#include <algorithm>

ResultsView::ResultsView(AuditTableModel *model, QWidget *parent)
    : QTableView(parent)
    , m_model(model)
    , m_emptyMessage(new QLabel(viewport()))
{
    m_emptyMessage->setObjectName(QStringLiteral("emptyMessage"));
    m_emptyMessage->setTextFormat(Qt::PlainText);
    m_emptyMessage->setAlignment(Qt::AlignCenter);
    m_emptyMessage->setWordWrap(true);
    m_emptyMessage->setForegroundRole(QPalette::PlaceholderText);
    m_emptyMessage->setAttribute(Qt::WA_TransparentForMouseEvents);
    m_emptyMessage->hide();
    const auto update = [this] {
        m_emptyMessage->setVisible(!m_emptyMessage->text().isEmpty() && m_model->rowCount() == 0);
    };
    connect(model, &QAbstractItemModel::modelReset, this, update);
    connect(model, &QAbstractItemModel::rowsInserted, this, update);
    connect(model, &QAbstractItemModel::rowsRemoved, this, update);
    setModel(model);
    setObjectName(QStringLiteral("resultsView"));
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setAlternatingRowColors(true);
    setShowGrid(false);
    setWordWrap(false);
    setTextElideMode(Qt::ElideRight);
    setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    verticalHeader()->hide();
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);

    setItemDelegate(new CellTextDelegate(this));
    auto *badges = new BadgeDelegate(this);
    setItemDelegateForColumn(AuditTableModel::TransportColumn, badges);
    setItemDelegateForColumn(AuditTableModel::StatusColumn, badges);

    QHeaderView *header = horizontalHeader();
    header->setSectionsMovable(true);
    header->setHighlightSections(false);
    header->setStretchLastSection(true);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    header->setSortIndicatorShown(true);
    header->setSortIndicator(AuditTableModel::TimeColumn, Qt::DescendingOrder);
    header->setSectionsClickable(true);
    for (int column = 0; column < AuditTableModel::ColumnCount; ++column) {
        header->resizeSection(column, defaultWidth(column));
        placeColumn(column);
    }
    header->hideSection(AuditTableModel::IdColumn); // the column menu shows it
    header->hideSection(AuditTableModel::TenantColumn); // setShowsTenants() shows it
    connect(header, &QHeaderView::customContextMenuRequested, this, &ResultsView::showColumnMenu);
    // The time and duration columns sort (on the server: the page holds only some rows):
    // a click flips the column's order, or starts with newest / longest first. The header
    // moves its indicator on any click; put it back where the order says.
    connect(header, &QHeaderView::sectionClicked, this, [this](int section) {
        const SortOrder shown = m_order;
        setSortOrder(shown);
        if (section == AuditTableModel::TimeColumn) {
            emit sortOrderRequested(
                shown == SortOrder::NewestFirst ? SortOrder::OldestFirst : SortOrder::NewestFirst);
        } else if (section == AuditTableModel::DurationColumn) {
            emit sortOrderRequested(shown == SortOrder::LongestFirst ? SortOrder::ShortestFirst
                                                                     : SortOrder::LongestFirst);
        }
    });

    // A new page keeps the entry that was current, if it is still there (auto-refresh).
    connect(model, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        m_keptEntry = currentEntryId();
        m_keptSchema = currentEntrySchema();
    });
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        if (!m_keptEntry.isEmpty()) {
            selectEntry(m_keptEntry, m_keptSchema);
        }
    });

    connect(this, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        const QModelIndex first = index.siblingAtColumn(0);
        emit entryActivated(first.data(AuditTableModel::EntryIdRole).toString(),
            first.data(AuditTableModel::SchemaRole).toString());
    });
}

QList<AuditEntry> ResultsView::selectedEntries() const
{
    QModelIndexList rows = selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(),
        [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QList<AuditEntry> entries;
    for (const QModelIndex &index : std::as_const(rows)) {
        if (const AuditEntry *entry = m_model->entryAt(index.row())) {
            entries.append(*entry);
        }
    }
    return entries;
}

QStringList ResultsView::selectedEntryIds() const
{
    QStringList ids;
    for (const AuditEntry &entry : selectedEntries()) {
        ids.append(entry.id);
    }
    return ids;
}

void ResultsView::setShowsTenants(bool shows)
{
    m_showsTenants = shows;
    horizontalHeader()->setSectionHidden(AuditTableModel::TenantColumn, !shows);
}

QString ResultsView::selectedRowsAsText() const
{
    QList<int> rows;
    for (const QModelIndex &index : selectionModel()->selectedRows()) {
        rows.append(index.row());
    }
    std::sort(rows.begin(), rows.end());
    QList<int> columns;
    const QHeaderView *header = horizontalHeader();
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        if (!header->isSectionHidden(logical)) {
            columns.append(logical);
        }
    }
    QStringList lines;
    for (int row : rows) {
        QStringList cells;
        for (int column : columns) {
            QString text
                = m_model->index(row, column).data(AuditTableModel::RawTextRole).toString();
            // A tab or newline inside a value would break the columns.
            text.replace(QLatin1Char('\t'), QLatin1Char(' '))
                .replace(QLatin1Char('\n'), QLatin1Char(' '));
            cells.append(text);
        }
        lines.append(cells.join(QLatin1Char('\t')));
    }
    return lines.isEmpty() ? QString() : lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

void ResultsView::copySelection() const
{
    const QString text = selectedRowsAsText();
    if (!text.isEmpty()) {
        QApplication::clipboard()->setText(text);
    }
}

void ResultsView::keyPressEvent(QKeyEvent *event)
{
    // QAbstractItemView copies only the current cell on Ctrl+C; copy whole rows instead.
    if (event->matches(QKeySequence::Copy)) {
        copySelection();
        event->accept();
        return;
    }
    QTableView::keyPressEvent(event);
}

QString ResultsView::currentEntryId() const
{
    const QModelIndex index = currentIndex();
    return index.isValid() ? index.siblingAtColumn(0).data(AuditTableModel::EntryIdRole).toString()
                           : QString();
}

QString ResultsView::currentEntrySchema() const
{
    const QModelIndex index = currentIndex();
    return index.isValid() ? index.siblingAtColumn(0).data(AuditTableModel::SchemaRole).toString()
                           : QString();
}

void ResultsView::selectEntry(const QString &id, const QString &schema)
{
    const int row = m_model->rowOf(id, schema);
    if (row >= 0) {
        setCurrentIndex(m_model->index(row, horizontalHeader()->logicalIndex(0)));
        selectRow(row);
    }
}

void ResultsView::setSortOrder(SortOrder order)
{
    m_order = order;
    // Nothing shown orders by ended_at (recently finished first): no column has the indicator.
    horizontalHeader()->setSortIndicatorShown(order != SortOrder::RecentlyFinishedFirst);
    horizontalHeader()->setSortIndicator(
        isDurationOrder(order) ? AuditTableModel::DurationColumn : AuditTableModel::TimeColumn,
        order == SortOrder::NewestFirst || order == SortOrder::LongestFirst ? Qt::DescendingOrder
                                                                            : Qt::AscendingOrder);
}

void ResultsView::paintEvent(QPaintEvent *event)
{
    QTableView::paintEvent(event);
    // A tint over the whole row and a bar at its left edge, drawn after the cells so that
    // the alternating row colours and the badges keep their look underneath.
    QPainter painter(viewport());
    QColor tint = palette().color(QPalette::Highlight);
    const QColor bar = tint;
    tint.setAlpha(48);
    const int first = std::max(0, rowAt(0));
    const int last = rowAt(viewport()->height() - 1);
    for (int row = first; row <= (last < 0 ? m_model->rowCount() - 1 : last); ++row) {
        if (!m_model->index(row, 0).data(AuditTableModel::IsNewRole).toBool()) {
            continue;
        }
        const QRect line(0, rowViewportPosition(row), viewport()->width(), rowHeight(row));
        painter.fillRect(line, tint);
        painter.fillRect(QRect(line.topLeft(), QSize(4, line.height())), bar);
    }
}

QByteArray ResultsView::headerState() const
{
    return horizontalHeader()->saveState();
}

namespace {

// How many sections a QHeaderView::saveState() state holds, or -1. The stream is Qt's own
// (QHeaderViewPrivate::write, unchanged since Qt 5.0); only its head is read.
int sectionCountOf(const QByteArray &state)
{
    QDataStream stream(state);
    stream.setVersion(QDataStream::Qt_5_0);
    int marker = 0;
    int version = 0;
    int orientation = 0;
    int order = 0;
    int sortSection = 0;
    bool sortShown = false;
    QList<int> visualIndices;
    QList<int> logicalIndices;
    QBitArray hidden;
    QHash<int, int> hiddenSizes;
    int length = 0;
    int count = -1;
    stream >> marker >> version >> orientation >> order >> sortSection >> sortShown >> visualIndices
        >> logicalIndices >> hidden >> hiddenSizes >> length >> count;
    return stream.status() == QDataStream::Ok ? count : -1;
}

} // namespace

bool ResultsView::restoreHeaderState(const QByteArray &state)
{
    const int saved = sectionCountOf(state);
    QHeaderView *header = horizontalHeader();
    if (!header->restoreState(state)) {
        return false;
    }
    // A state saved before columns were added: Qt appends them at its default width.
    for (int column = std::max(saved, 0); column < AuditTableModel::ColumnCount; ++column) {
        header->resizeSection(column, defaultWidth(column));
        placeColumn(column);
    }
    if (saved >= 0 && saved <= AuditTableModel::RequestColumn + 1) {
        // Those versions hid the request preview and stretched the status over the rest.
        header->showSection(AuditTableModel::RequestColumn);
        placeColumn(AuditTableModel::RequestColumn);
        header->resizeSection(
            AuditTableModel::TransportColumn, defaultWidth(AuditTableModel::TransportColumn));
        header->resizeSection(
            AuditTableModel::StatusColumn, defaultWidth(AuditTableModel::StatusColumn));
    }
    header->setSectionHidden(AuditTableModel::TenantColumn, !m_showsTenants);
    return true;
}

int ResultsView::defaultWidth(int column) const
{
    const QFontMetrics metrics = fontMetrics();
    const int em = metrics.horizontalAdvance(QLatin1Char('M'));
    // A badge column fits its widest badge and its title beside the sort indicator.
    const auto badges = [&](const QStringList &values) {
        int width = QFontMetrics(horizontalHeader()->font())
                        .horizontalAdvance(m_model->headerData(column, Qt::Horizontal).toString())
            + 3 * em;
        for (const QString &value : values) {
            width = std::max(width, BadgeDelegate::badgeWidth(metrics, value));
        }
        return width;
    };
    switch (column) {
    case AuditTableModel::TimeColumn:
    case AuditTableModel::EndedColumn:
        return metrics.horizontalAdvance(QStringLiteral("2026-03-27 10:15:30.123")) + em;
    case AuditTableModel::ActionColumn:
        return 11 * em;
    case AuditTableModel::TransportColumn:
        return badges({ QStringLiteral("system"), QStringLiteral("http") });
    case AuditTableModel::BankColumn:
        return 11 * em;
    case AuditTableModel::DurationColumn:
        return 7 * em;
    case AuditTableModel::SizeColumn:
        return std::max(metrics.horizontalAdvance(AuditTableModel::sizeText(999)),
                   metrics.horizontalAdvance(AuditTableModel::sizeText(999'400'000)))
            + 2 * em;
    case AuditTableModel::StatusColumn:
        return badges({ AuditTableModel::tr("running"), AuditTableModel::tr("failed") });
    case AuditTableModel::IdColumn:
        return 24 * em;
    case AuditTableModel::TenantColumn:
        return 12 * em;
    default:
        return 20 * em; // the request preview; as the last section it stretches
    }
}

void ResultsView::placeColumn(int column)
{
    QHeaderView *header = horizontalHeader();
    switch (column) {
    case AuditTableModel::EndedColumn:
        header->moveSection(
            header->visualIndex(column), header->visualIndex(AuditTableModel::TimeColumn) + 1);
        break;
    case AuditTableModel::SizeColumn:
        header->moveSection(
            header->visualIndex(column), header->visualIndex(AuditTableModel::DurationColumn) + 1);
        break;
    case AuditTableModel::RequestColumn:
        header->moveSection(header->visualIndex(column), header->count() - 1);
        break;
    case AuditTableModel::TenantColumn: // the first thing a multi-tenant operator asks
        header->moveSection(
            header->visualIndex(column), header->visualIndex(AuditTableModel::ActionColumn));
        break;
    default:
        break;
    }
}

void ResultsView::showColumnMenu(const QPoint &pos)
{
    QMenu menu(this);
    QHeaderView *header = horizontalHeader();
    int visible = 0;
    for (int column = 0; column < header->count(); ++column) {
        visible += header->isSectionHidden(column) ? 0 : 1;
    }
    for (int column = 0; column < header->count(); ++column) {
        if (column == AuditTableModel::TenantColumn && !m_showsTenants) {
            continue; // one schema: every row has the same tenant
        }
        QAction *action = menu.addAction(m_model->headerData(column, Qt::Horizontal).toString());
        action->setCheckable(true);
        action->setChecked(!header->isSectionHidden(column));
        // The last visible column cannot be hidden.
        action->setEnabled(header->isSectionHidden(column) || visible > 1);
        connect(action, &QAction::toggled, this,
            [header, column](bool on) { header->setSectionHidden(column, !on); });
    }
    menu.exec(header->mapToGlobal(pos));
}

void ResultsView::setEmptyMessage(const QString &text)
{
    m_emptyMessage->setText(text);
    m_emptyMessage->setVisible(!text.isEmpty() && m_model->rowCount() == 0);
    placeEmptyMessage();
}

QString ResultsView::emptyMessage() const
{
    return m_emptyMessage->isHidden() ? QString() : m_emptyMessage->text();
}

void ResultsView::resizeEvent(QResizeEvent *event)
{
    QTableView::resizeEvent(event);
    placeEmptyMessage();
}

void ResultsView::placeEmptyMessage()
{
    const QRect area = viewport()->rect();
    const int width = std::min(area.width() - 24, fontMetrics().averageCharWidth() * 80);
    m_emptyMessage->setFixedWidth(std::max(0, width));
    m_emptyMessage->adjustSize();
    m_emptyMessage->move(area.center() - m_emptyMessage->rect().center());
}
