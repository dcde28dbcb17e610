#pragma once

#include <QStyledItemDelegate>

// Paints transport and status cells as small coloured badges ("http", "failed"), in
// colours that read on light and dark palettes. Text is drawn as plain text.
// Thread: the GUI thread.
class BadgeDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The badge colour of a value: known transports and statuses have their own.
    static QColor colorFor(const QString &value);
};
