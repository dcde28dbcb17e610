// MainWindow's Compare: the two selected entries, fetched with their documents on the
// choices worker, side by side in a CompareDialog.

#include "audittablemodel.h"
#include "auditworker.h"
#include "comparedialog.h"
#include "mainwindow.h"
#include "pageloader.h"
#include "resultsview.h"

#include <QAction>
#include <QStatusBar>

struct MainWindow::PendingCompare
{
    AuditEntry leftRow; // id and schema of each side
    AuditEntry rightRow;
    std::optional<AuditEntryDetail> left;
    std::optional<AuditEntryDetail> right;
};

void MainWindow::compareSelected()
{
    const QList<AuditEntry> rows = m_view->selectedEntries();
    if (!m_loader->isConnected() || rows.size() != 2) {
        statusBar()->showMessage(tr("Select two rows to compare them."), 5000);
        return;
    }
    auto pending = std::make_shared<PendingCompare>();
    pending->leftRow = rows.at(0);
    pending->rightRow = rows.at(1);
    m_compareRequests.insert(
        m_choicesWorker->loadEntry(pending->leftRow.id, pending->leftRow.schema), pending);
    m_compareRequests.insert(
        m_choicesWorker->loadEntry(pending->rightRow.id, pending->rightRow.schema), pending);
    statusBar()->showMessage(tr("Loading the two entries…"));
}

bool MainWindow::takeCompareAnswer(quint64 requestId, const AuditEntryDetail *detail)
{
    const std::shared_ptr<PendingCompare> pending = m_compareRequests.take(requestId);
    if (!pending) {
        return false;
    }
    if (!detail) { // failed: forget the other half too
        for (auto it = m_compareRequests.begin(); it != m_compareRequests.end();) {
            it = it.value() == pending ? m_compareRequests.erase(it) : std::next(it);
        }
        return true;
    }
    const bool isLeft = detail->entry.id == pending->leftRow.id
        && (pending->leftRow.schema.isEmpty() || detail->entry.schema == pending->leftRow.schema);
    (isLeft ? pending->left : pending->right) = *detail;
    if (pending->left && pending->right) {
        statusBar()->clearMessage();
        auto *dialog = new CompareDialog(*pending->left, *pending->right, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setUtc(m_model->isUtc());
        dialog->show();
        emit compareOpened();
    }
    return true;
}

void MainWindow::updateCompareAction()
{
    m_compareAction->setEnabled(m_view->selectedEntryIds().size() == 2);
}
