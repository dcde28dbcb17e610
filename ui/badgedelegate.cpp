#include "badgedelegate.h"

#include "audittablemodel.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

QColor BadgeDelegate::colorFor(const QString &value)
{
    if (value == QLatin1String("http")) {
        return QColor(0x2b, 0x6c, 0xb0);
    }
    if (value == QLatin1String("mcp")) {
        return QColor(0x7b, 0x4f, 0xb8);
    }
    if (value == QLatin1String("system")) {
        return QColor(0x5f, 0x6b, 0x7a);
    }
    if (value == QLatin1String("ok")) {
        return QColor(0x2e, 0x8b, 0x57);
    }
    if (value == QLatin1String("failed")) {
        return QColor(0xc6, 0x28, 0x28);
    }
    if (value == QLatin1String("running")) {
        return QColor(0xc7, 0x7c, 0x02);
    }
    // Another value gets a stable colour of its own.
    const int hue = static_cast<int>(qHash(value) % 360);
    return QColor::fromHsl(hue, 110, 105);
}

void BadgeDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);
    if (text.isEmpty()) {
        return;
    }
    const QFontMetrics metrics(opt.font);
    const int padding = metrics.height() / 3;
    const QRect cell = opt.rect.adjusted(padding, 2, -padding, -2);
    const int textWidth = metrics.horizontalAdvance(text) + 1;
    const int width = std::min(cell.width(), textWidth + 2 * padding);
    const int height = std::min(cell.height(), metrics.height() + 2);
    const QRect badge(cell.left(), cell.center().y() - height / 2, width, height);
    const QRect textRect = badge.adjusted(padding, 0, -padding, 0);
    const QString shown = textWidth <= textRect.width()
        ? text
        : metrics.elidedText(text, Qt::ElideRight, textRect.width());

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QPainterPath path;
    path.addRoundedRect(badge, height / 2.0, height / 2.0);
    // A status is shown translated; its colour follows the stored value.
    const QVariant status = index.column() == AuditTableModel::StatusColumn
        ? index.data(AuditTableModel::StatusRole)
        : QVariant();
    painter->fillPath(path,
        colorFor(status.isValid()
                ? AuditEntry::statusName(static_cast<AuditEntry::Status>(status.toInt()))
                : text));
    painter->setPen(Qt::white);
    painter->setFont(opt.font);
    painter->drawText(textRect, Qt::AlignCenter | Qt::TextSingleLine | Qt::TextDontClip, shown);
    painter->restore();
}

QSize BadgeDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    const QFontMetrics metrics(option.font);
    size.setWidth(size.width() + metrics.height());
    return size;
}
