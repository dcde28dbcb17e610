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
    QString leftId;
    QString rightId;
    std::optional<AuditEntryDetail> left;
    std::optional<AuditEntryDetail> right;
};

void MainWindow::compareSelected()
{
    const QStringList ids = m_view->selectedEntryIds();
    if (!m_loader->isConnected() || ids.size() != 2) {
        statusBar()->showMessage(tr("Select two rows to compare them."), 5000);
        return;
    }
    auto pending = std::make_shared<PendingCompare>();
    pending->leftId = ids.at(0);
    pending->rightId = ids.at(1);
    m_compareRequests.insert(m_choicesWorker->loadEntry(pending->leftId), pending);
    m_compareRequests.insert(m_choicesWorker->loadEntry(pending->rightId), pending);
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
    (detail->entry.id == pending->leftId ? pending->left : pending->right) = *detail;
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
