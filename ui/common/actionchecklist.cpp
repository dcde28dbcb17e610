#include "actionchecklist.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QMouseEvent>
#include <QScreen>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace {

// The exact database value behind an item whose display text may have been made visible.
constexpr int kValueRole = Qt::UserRole + 1;

} // namespace

ActionChecklist::ActionChecklist(QWidget *parent)
    : QComboBox(parent)
    , m_popup(new QFrame(this, Qt::Popup))
    , m_filter(new QLineEdit(m_popup))
    , m_list(nullptr)
{
    setObjectName(QStringLiteral("actionsCombo"));
    addItem(QString());
    setSizeAdjustPolicy(QComboBox::AdjustToContents);

    m_popup->setObjectName(QStringLiteral("actionsPopup"));
    m_popup->setFrameShape(QFrame::StyledPanel);
    m_filter->setObjectName(QStringLiteral("actionsFilter"));
    m_filter->setClearButtonEnabled(true);
    auto *clear = new QToolButton(m_popup);
    clear->setText(tr("Clear"));
    clear->setToolTip(tr("Uncheck every action (show all actions)"));
    m_list = new QListWidget(m_popup);
    m_list->setObjectName(QStringLiteral("actionsList"));
    m_list->setAccessibleName(tr("Actions to show"));
    m_list->setToolTip(tr("Click or press Space to check an action; "
                          "Enter or Escape closes the list and applies"));

    setWording({ tr("All actions"), tr("Actions"), tr("Filter actions…"),
        tr("Actions to show; several can be checked in a list with a filter field."),
        [](int n) { return tr("%n actions", nullptr, n); } });

    auto *header = new QHBoxLayout;
    header->addWidget(m_filter, 1);
    header->addWidget(clear);
    auto *layout = new QVBoxLayout(m_popup);
    layout->setContentsMargins(QMargins(4, 4, 4, 4));
    layout->addLayout(header);
    layout->addWidget(m_list);

    connect(m_list, &QListWidget::itemClicked, this, &ActionChecklist::toggle);
    connect(m_filter, &QLineEdit::textChanged, this, &ActionChecklist::filterList);
    connect(m_filter, &QLineEdit::returnPressed, m_popup, &QWidget::hide);
    connect(clear, &QToolButton::clicked, this, [this] {
        m_selected.clear();
        rebuildList();
    });
    m_filter->installEventFilter(this);
    m_list->installEventFilter(this);
    m_popup->installEventFilter(this);
}

void ActionChecklist::setChoices(const QStringList &actions)
{
    m_choices = actions;
    m_choices.removeDuplicates();
    rebuildList();
}

QStringList ActionChecklist::selectedActions() const
{
    return m_selected;
}

void ActionChecklist::setSelectedActions(const QStringList &actions)
{
    m_selected = actions;
    m_selected.removeDuplicates();
    m_selectedAtOpen = m_selected;
    rebuildList();
}

void ActionChecklist::showPopup()
{
    if (m_popup->isVisible()) { // the combo was clicked again: it toggles
        m_popup->hide();
        return;
    }
    m_filter->clear();
    m_selectedAtOpen = m_selected;
    const int visibleRows = std::clamp(m_list->count(), 3, 14);
    const int frame = 2 * m_list->frameWidth();
    m_list->setMinimumHeight(m_list->sizeHintForRow(0) * visibleRows + frame);
    m_list->setMinimumWidth(m_list->sizeHintForColumn(0) + frame
        + m_list->style()->pixelMetric(QStyle::PM_ScrollBarExtent));
    m_popup->adjustSize();
    QSize size = m_popup->sizeHint().expandedTo(QSize(width(), 0));
    const QRect available = screen()->availableGeometry();
    size = size.boundedTo(available.size());
    QPoint at = mapToGlobal(QPoint(0, height()));
    if (at.y() + size.height() > available.bottom()) {
        at.setY(mapToGlobal(QPoint(0, 0)).y() - size.height());
    }
    at.setX(std::clamp(at.x(), available.left(), available.right() - size.width()));
    at.setY(std::max(at.y(), available.top()));
    m_popup->setGeometry(QRect(at, size));
    m_popup->show();
    m_filter->setFocus(Qt::PopupFocusReason);
}

void ActionChecklist::closeChecklist()
{
    m_popup->hide();
}

bool ActionChecklist::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_filter) {
        if (event->type() == QEvent::KeyPress
            && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Down) {
            for (int row = 0; row < m_list->count(); ++row) {
                if (!m_list->item(row)->isHidden()) {
                    m_list->setCurrentRow(row);
                    break;
                }
            }
            m_list->setFocus();
            return true;
        }
        return false;
    }
    if (watched == m_list) {
        if (event->type() != QEvent::KeyPress) {
            return false;
        }
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Space && m_list->currentItem()) {
            toggle(m_list->currentItem());
            return true;
        }
        if (key == Qt::Key_Return || key == Qt::Key_Enter || key == Qt::Key_Escape) {
            m_popup->hide();
            return true;
        }
        return false;
    }
    if (watched == m_popup) {
        if (event->type() == QEvent::MouseButtonPress) {
            // A click on the combo closes the popup; replaying it would reopen it at once.
            const QPoint at = static_cast<QMouseEvent *>(event)->globalPosition().toPoint();
            m_popup->setAttribute(Qt::WA_NoMouseReplay, rect().contains(mapFromGlobal(at)));
        } else if (event->type() == QEvent::Hide && m_selected != m_selectedAtOpen) {
            m_selectedAtOpen = m_selected;
            emit actionsChosen(m_selected);
        }
        return false;
    }
    return QComboBox::eventFilter(watched, event);
}

void ActionChecklist::toggle(QListWidgetItem *item)
{
    const QString action = item->data(kValueRole).toString();
    const bool checked = item->checkState() != Qt::Checked;
    item->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
    m_selected.removeAll(action);
    if (checked) {
        m_selected.append(action);
    }
    updateSummary();
}

void ActionChecklist::rebuildList()
{
    QStringList all = m_choices;
    for (const QString &action : std::as_const(m_selected)) {
        if (!all.contains(action)) {
            all.append(action);
        }
    }
    m_list->clear();
    for (const QString &action : std::as_const(all)) {
        auto *item = new QListWidgetItem(visibleText(action), m_list);
        item->setData(kValueRole, action);
        // Not user-checkable: a click anywhere on the row toggles it (see toggle()).
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        item->setCheckState(m_selected.contains(action) ? Qt::Checked : Qt::Unchecked);
    }
    filterList(m_filter->text());
    updateSummary();
}

void ActionChecklist::filterList(const QString &text)
{
    for (int row = 0; row < m_list->count(); ++row) {
        QListWidgetItem *item = m_list->item(row);
        item->setHidden(!item->data(kValueRole).toString().contains(text, Qt::CaseInsensitive));
    }
}

void ActionChecklist::setWording(const Wording &wording)
{
    m_wording = wording;
    setAccessibleName(wording.name);
    m_filter->setPlaceholderText(wording.filterPlaceholder);
    updateSummary();
}

void ActionChecklist::updateSummary()
{
    QStringList shown;
    for (const QString &action : std::as_const(m_selected)) {
        shown.append(visibleText(action));
    }
    const QString names = shown.join(tr(", "));
    const QFontMetrics metrics = fontMetrics();
    setItemText(0,
        shown.isEmpty() ? m_wording.all
            : shown.size() <= 2
            ? metrics.elidedText(names, Qt::ElideRight, metrics.averageCharWidth() * 32)
            : m_wording.count(int(shown.size())));
    QString tip = m_wording.tip;
    if (!shown.isEmpty()) {
        tip += QLatin1Char('\n') + tr("Showing: %1").arg(names);
    }
    setToolTip(plainToolTip(tip));
    emit summaryChanged();
}
