#include "resultsview.h"

#include "audittablemodel.h"
#include "badgedelegate.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
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
    const int em = fontMetrics().horizontalAdvance(QLatin1Char('M'));
    header->resizeSection(AuditTableModel::TimeColumn,
        fontMetrics().horizontalAdvance(QStringLiteral("2026-03-27 10:15:30.123")) + 3 * em);
    header->resizeSection(AuditTableModel::ActionColumn, 14 * em);
    header->resizeSection(AuditTableModel::TransportColumn, 7 * em);
    header->resizeSection(AuditTableModel::BankColumn, 16 * em);
    header->resizeSection(AuditTableModel::DurationColumn, 8 * em);
    header->resizeSection(AuditTableModel::StatusColumn, 7 * em);
    header->resizeSection(AuditTableModel::IdColumn, 24 * em);
    header->hideSection(AuditTableModel::IdColumn);
    header->resizeSection(AuditTableModel::RequestColumn, 40 * em);
    header->hideSection(AuditTableModel::RequestColumn); // the column menu shows it
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
    connect(model, &QAbstractItemModel::modelAboutToBeReset, this,
        [this] { m_keptEntry = currentEntryId(); });
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        if (!m_keptEntry.isEmpty()) {
            selectEntry(m_keptEntry);
        }
    });

    connect(this, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        emit entryActivated(index.siblingAtColumn(0).data(AuditTableModel::EntryIdRole).toString());
    });
}

QStringList ResultsView::selectedEntryIds() const
{
    QModelIndexList rows = selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(),
        [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QStringList ids;
    for (const QModelIndex &index : std::as_const(rows)) {
        ids.append(index.data(AuditTableModel::EntryIdRole).toString());
    }
    return ids;
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

void ResultsView::selectEntry(const QString &id)
{
    const int row = m_model->rowOfId(id);
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

bool ResultsView::restoreHeaderState(const QByteArray &state)
{
    return horizontalHeader()->restoreState(state);
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
