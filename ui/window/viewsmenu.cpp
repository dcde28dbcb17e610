#include "viewsmenu.h"

#include <QApplication>
#include <QClipboard>
#include <QInputDialog>
#include <QMessageBox>

ViewsMenu::ViewsMenu(Capture capture, QWidget *parent)
    : QMenu(tr("V&iews"), parent)
    , m_capture(std::move(capture))
{
    setObjectName(QStringLiteral("viewsMenu"));
    m_prompt = [this](const QString &title, const QString &label,
                   const QString &suggestion) -> std::optional<QString> {
        bool ok = false;
        const QString name = QInputDialog::getText(
            parentWidget(), title, label, QLineEdit::Normal, suggestion, &ok);
        return ok ? std::optional(name) : std::nullopt;
    };
    m_confirm = [this](const QString &question) {
        return QMessageBox::question(parentWidget(), tr("Views"), question) == QMessageBox::Yes;
    };
    m_warn = [this](const QString &text) {
        QMessageBox box(QMessageBox::Warning, tr("Views"), text, QMessageBox::Ok, parentWidget());
        box.setTextFormat(Qt::PlainText);
        box.exec();
    };
    QAction *save = addAction(tr("&Save view…"), this, [this] { saveCurrent(); });
    save->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    save->setObjectName(QStringLiteral("saveViewAction"));
    QAction *copy = addAction(tr("&Copy view as text"), this, [this] { copyCurrent(); });
    copy->setObjectName(QStringLiteral("copyViewAction"));
    QAction *paste = addAction(tr("&Paste view"), this, [this] { pasteFromClipboard(); });
    paste->setObjectName(QStringLiteral("pasteViewAction"));
    m_deleteMenu = addMenu(tr("&Delete view"));
    addSeparator();
    // The list is rebuilt when the menu opens, never from one of its own actions.
    connect(this, &QMenu::aboutToShow, this, &ViewsMenu::rebuild);
    rebuild();
}

QStringList ViewsMenu::listedNames() const
{
    QStringList names;
    for (const QAction *action : m_listed) {
        if (action->data().isValid()) { // not the "No saved views" line
            names.append(action->data().toString());
        }
    }
    return names;
}

void ViewsMenu::rebuild()
{
    qDeleteAll(m_listed);
    m_listed.clear();
    m_deleteMenu->clear();
    const QStringList names = m_store.names();
    m_deleteMenu->setEnabled(!names.isEmpty());
    if (names.isEmpty()) {
        QAction *none = addAction(tr("No saved views"));
        none->setEnabled(false);
        m_listed.append(none);
    }
    for (const QString &name : names) {
        // Names are the user's text: '&' must not become an accelerator.
        QString label = name;
        label.replace(QLatin1Char('&'), QLatin1String("&&"));
        QAction *view = addAction(label, this, [this, name] { open(name); });
        view->setData(name);
        view->setCheckable(true);
        view->setChecked(name == m_current);
        m_listed.append(view);
        m_deleteMenu->addAction(label, this, [this, name] { remove(name); });
    }
}

bool ViewsMenu::saveCurrent()
{
    const std::optional<QString> typed
        = m_prompt(tr("Save view"), tr("Name of the view:"), m_current);
    if (!typed) {
        return false;
    }
    QString error;
    const std::optional<QString> name = SavedViews::checkedName(*typed, &error);
    if (!name) {
        fail(error);
        return false;
    }
    if (m_store.contains(*name)
        && !m_confirm(tr("A view named \"%1\" exists. Replace it?").arg(*name))) {
        return false;
    }
    SavedView view = m_capture();
    view.name = *name;
    if (!m_store.save(view, &error)) {
        fail(error);
        return false;
    }
    m_current = *name;
    emit message(tr("Saved the view \"%1\".").arg(*name));
    return true;
}

void ViewsMenu::copyCurrent()
{
    QApplication::clipboard()->setText(toCommandLine(m_capture()));
    emit message(tr("Copied the view as a command line."));
}

bool ViewsMenu::pasteFromClipboard()
{
    QString error;
    const std::optional<SavedView> pasted
        = fromCommandLine(QApplication::clipboard()->text(), &error);
    if (!pasted) {
        fail(tr("The clipboard does not hold a view: %1").arg(error));
        return false;
    }
    // The columns and chart stay as they are; only the filter comes from the line.
    SavedView view = m_capture();
    view.setFilter(pasted->filter, pasted->range);
    view.name.clear();
    m_current.clear();
    emit viewChosen(view);
    const std::optional<QString> typed = m_prompt(
        tr("Save view"), tr("The pasted view is open. Save it as (Cancel keeps it unsaved):"), {});
    if (typed) {
        const std::optional<QString> name = SavedViews::checkedName(*typed, &error);
        if (!name) {
            fail(error);
            return true;
        }
        if (m_store.contains(*name)
            && !m_confirm(tr("A view named \"%1\" exists. Replace it?").arg(*name))) {
            return true;
        }
        view.name = *name;
        if (!m_store.save(view, &error)) {
            fail(error);
            return true;
        }
        m_current = *name;
        emit message(tr("Saved the view \"%1\".").arg(*name));
    }
    return true;
}

bool ViewsMenu::open(const QString &name)
{
    const std::optional<SavedView> view = m_store.find(name);
    if (!view) {
        fail(tr("No saved view is named \"%1\".").arg(name));
        return false;
    }
    m_current = name;
    emit viewChosen(*view);
    emit message(tr("Opened the view \"%1\".").arg(name));
    return true;
}

bool ViewsMenu::remove(const QString &name)
{
    if (!m_confirm(tr("Delete the view \"%1\"?").arg(name))) {
        return false;
    }
    QString error;
    if (!m_store.remove(name, &error)) {
        fail(error);
        return false;
    }
    if (m_current == name) {
        m_current.clear();
    }
    emit message(tr("Deleted the view \"%1\".").arg(name));
    return true;
}

void ViewsMenu::fail(const QString &text)
{
    emit message(text);
    m_warn(text);
}
