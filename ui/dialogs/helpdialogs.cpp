#include "helpdialogs.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QKeySequence>
#include <QTableWidget>
#include <QVBoxLayout>

ShortcutsDialog::ShortcutsDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Keyboard shortcuts"));
    const QList<QPair<QKeySequence, QString>> shortcuts {
        { QKeySequence(Qt::Key_Return), tr("Open the selected entry (or double-click it)") },
        { QKeySequence::Copy, tr("Copy the selected rows as tab-separated text") },
        { QKeySequence::Refresh, tr("Refresh the page, the counts and the chart") },
        { QKeySequence(Qt::CTRL | Qt::Key_PageDown), tr("Next page") },
        { QKeySequence(Qt::CTRL | Qt::Key_PageUp), tr("Previous page") },
        { QKeySequence(Qt::CTRL | Qt::Key_Home), tr("First page") },
        { QKeySequence(Qt::CTRL | Qt::Key_End), tr("Last page") },
        { QKeySequence::Back, tr("Back to the filter before the last drill-down") },
        { QKeySequence(Qt::CTRL | Qt::Key_E), tr("Export the filtered entries") },
        { QKeySequence(Qt::CTRL | Qt::Key_L), tr("Latency per action for the filter") },
        { QKeySequence(Qt::CTRL | Qt::Key_D), tr("Compare the two selected entries") },
        { QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S), tr("Save the current view") },
        { QKeySequence(Qt::Key_F7), tr("Next difference (compare window)") },
        { QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O), tr("Connect to another database") },
        { QKeySequence::Find, tr("Find in an entry's document (entry window)") },
        { QKeySequence::Quit, tr("Quit") },
    };
    auto *table = new QTableWidget(static_cast<int>(shortcuts.size()), 2);
    table->setHorizontalHeaderLabels({ tr("Keys"), tr("Action") });
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionMode(QAbstractItemView::NoSelection);
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    table->horizontalHeader()->setStretchLastSection(true);
    for (int row = 0; row < shortcuts.size(); ++row) {
        table->setItem(
            row, 0, new QTableWidgetItem(shortcuts[row].first.toString(QKeySequence::NativeText)));
        table->setItem(row, 1, new QTableWidgetItem(shortcuts[row].second));
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(table);
    layout->addWidget(buttons);
    resize(fontMetrics().horizontalAdvance(QLatin1Char('M')) * 40, fontMetrics().height() * 24);
}
