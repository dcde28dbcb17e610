#include "badgedelegate.h"

#include "audittablemodel.h"
#include "theme.h"

#include <QPainter>
#include <QPainterPath>
#include <QtMath>

int BadgeDelegate::badgeWidth(const QFontMetrics &metrics, const QString &text)
{
    // Padding inside the badge on both sides, and as much around it in the cell.
    return metrics.horizontalAdvance(text) + 1 + 4 * (metrics.height() / 3);
}

void BadgeDelegate::drawContent(QPainter *painter, const QStyleOptionViewItem &opt,
    const QModelIndex &index, const QString &text) const
{
    const QFontMetrics metrics(opt.font);
    const int padding = metrics.height() / 3;
    const QRect cell = opt.rect.adjusted(padding, 2, -padding, -2);
    // The text's width from the laid-out texts: measuring it would shape it on every paint.
    const int width = std::min(cell.width(), qCeil(naturalWidth(text, opt.font)) + 1 + 2 * padding);
    const int height = std::min(cell.height(), metrics.height() + 2);
    if (width <= 0 || height <= 0) {
        return;
    }
    // A status is shown translated; its colour follows the stored value.
    const QVariant status = m_colorKeyRole < 0 && index.column() == AuditTableModel::StatusColumn
        ? index.data(AuditTableModel::StatusRole)
        : QVariant();
    const QColor color = m_colorKeyRole >= 0 ? Theme::badge(index.data(m_colorKeyRole).toString())
        : status.isValid()
        ? Theme::badge(AuditEntry::statusName(static_cast<AuditEntry::Status>(status.toInt())))
        : Theme::badge(text);
    const qreal ratio = painter->device() ? painter->device()->devicePixelRatio() : 1.0;
    painter->drawPixmap(QPoint(cell.left(), cell.center().y() - height / 2),
        badge(text, color, opt.font, width, height, ratio));
}

QPixmap BadgeDelegate::badge(const QString &text, const QColor &color, const QFont &font, int width,
    int height, qreal ratio) const
{
    const BadgeKey key { text, color.rgba(), font, QSize(width, height), ratio };
    const auto found = m_badges.constFind(key);
    if (found != m_badges.cend()) {
        return *found;
    }
    if (m_badges.size() > 256) {
        m_badges.clear(); // columns resized over and over: start again
    }
    ++m_drawn;
    QPixmap pixmap(QSize(width, height) * ratio);
    pixmap.setDevicePixelRatio(ratio);
    pixmap.fill(Qt::transparent); // only the badge is painted
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRect badge(0, 0, width, height);
    QPainterPath path;
    path.addRoundedRect(badge, height / 2.0, height / 2.0);
    painter.fillPath(path, color);
    const QFontMetrics metrics(font);
    const int padding = metrics.height() / 3;
    const QRect textRect = badge.adjusted(padding, 0, -padding, 0);
    const QString shown = metrics.horizontalAdvance(text) + 1 <= textRect.width()
        ? text
        : metrics.elidedText(text, Qt::ElideRight, textRect.width());
    painter.setPen(Theme::onBadge());
    painter.setFont(font);
    painter.drawText(textRect, Qt::AlignCenter | Qt::TextSingleLine | Qt::TextDontClip, shown);
    painter.end();
    m_badges.insert(key, pixmap);
    return pixmap;
}

QSize BadgeDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    const QFontMetrics metrics(option.font);
    size.setWidth(size.width() + metrics.height());
    return size;
}
