#include "volumechartactionmenu.h"

#include "actionchecklist.h"

#include <QMenu>
#include <QMouseEvent>

namespace {

// A menu entry's text treats '&' as a mnemonic; database text must show it as written.
QString menuText(const QString &action)
{
    return visibleText(action).replace(QLatin1Char('&'), QStringLiteral("&&"));
}

} // namespace

VolumeChartActionMenu::VolumeChartActionMenu(QWidget *parent)
    : QToolButton(parent)
    , m_menu(new QMenu(this))
{
    setObjectName(QStringLiteral("chartActionsButton"));
    m_menu->setObjectName(QStringLiteral("chartActionsMenu"));
    setMenu(m_menu);
    setPopupMode(QToolButton::InstantPopup);
    setToolButtonStyle(Qt::ToolButtonTextOnly);
    setAccessibleName(tr("Chart actions"));
    setToolTip(tr("Actions the chart counts while it does not follow the table's filter"));
    m_menu->installEventFilter(this);
    connect(m_menu, &QMenu::aboutToShow, this, [this] { m_selectedAtOpen = m_selected; });
    connect(m_menu, &QMenu::aboutToHide, this, [this] {
        if (m_selected != m_selectedAtOpen) {
            m_selectedAtOpen = m_selected;
            emit selectionChanged();
        }
    });
    rebuildMenu();
}

void VolumeChartActionMenu::setChoices(const QStringList &actions)
{
    QStringList unique;
    for (const QString &action : actions) {
        if (!unique.contains(action)) {
            unique.append(action);
        }
    }
    if (unique == m_choices) {
        return;
    }
    m_choices = unique;
    rebuildMenu();
}

void VolumeChartActionMenu::setSelectedActions(const QStringList &actions)
{
    QStringList unique;
    for (const QString &action : actions) {
        if (!unique.contains(action)) {
            unique.append(action);
        }
    }
    m_selected = unique;
    m_selectedAtOpen = unique;
    rebuildMenu();
}

bool VolumeChartActionMenu::eventFilter(QObject *watched, QEvent *event)
{
    // Releasing on a check item toggles it without closing the menu, so several can be picked.
    if (watched == m_menu && event->type() == QEvent::MouseButtonRelease) {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        QAction *action = m_menu->actionAt(mouse->position().toPoint());
        if (action && action->isCheckable() && action->isEnabled()) {
            action->trigger();
            return true;
        }
    }
    return QToolButton::eventFilter(watched, event);
}

void VolumeChartActionMenu::rebuildMenu()
{
    m_menu->clear();
    QAction *all = m_menu->addAction(tr("All actions"));
    all->setCheckable(true);
    all->setChecked(m_selected.isEmpty());
    all->setObjectName(QStringLiteral("chartAllActions"));
    connect(all, &QAction::triggered, this, [this] { toggle(nullptr); });
    m_menu->addSeparator();
    QStringList listed = m_choices;
    for (const QString &action : std::as_const(m_selected)) {
        if (!listed.contains(action)) {
            listed.append(action);
        }
    }
    for (const QString &name : std::as_const(listed)) {
        QAction *action = m_menu->addAction(menuText(name));
        action->setCheckable(true);
        action->setChecked(m_selected.contains(name));
        action->setData(name);
        connect(action, &QAction::triggered, this, [this, action] { toggle(action); });
    }
    updateSummary();
}

void VolumeChartActionMenu::toggle(QAction *action)
{
    if (action == nullptr) {
        m_selected.clear();
    } else {
        const QString name = action->data().toString();
        if (m_selected.contains(name)) {
            m_selected.removeAll(name);
        } else {
            m_selected.append(name);
        }
    }
    const QList<QAction *> entries = m_menu->actions();
    for (QAction *entry : entries) {
        if (!entry->isCheckable()) {
            continue;
        }
        const QString name = entry->data().toString();
        entry->setChecked(
            entry->data().isNull() ? m_selected.isEmpty() : m_selected.contains(name));
    }
    updateSummary();
    finishChange();
}

void VolumeChartActionMenu::finishChange()
{
    if (!m_menu->isVisible()) {
        m_selectedAtOpen = m_selected;
        emit selectionChanged();
    }
}

void VolumeChartActionMenu::updateSummary()
{
    QString text;
    if (m_selected.isEmpty()) {
        text = tr("All actions");
    } else if (m_selected.size() <= 2) {
        QStringList shown;
        for (const QString &action : std::as_const(m_selected)) {
            shown.append(visibleText(action));
        }
        text = shown.join(QStringLiteral(", "));
    } else {
        text = tr("%n actions", nullptr, static_cast<int>(m_selected.size()));
    }
    // Elided so that a long action name cannot push the chart's other controls away.
    setText(fontMetrics()
                .elidedText(text, Qt::ElideRight, 24 * fontMetrics().averageCharWidth())
                .replace(QLatin1Char('&'), QStringLiteral("&&")));
    QStringList names;
    for (const QString &action : std::as_const(m_selected)) {
        names.append(visibleText(action).toHtmlEscaped());
    }
    // Rich text on purpose: escaped, so that action names cannot be read as markup.
    setToolTip(m_selected.isEmpty()
            ? tr("Actions the chart counts while it does not follow the table's filter")
            : QStringLiteral("<qt>%1</qt>").arg(names.join(QStringLiteral("<br>"))));
}
