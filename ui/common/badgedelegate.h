#pragma once

#include "celltextdelegate.h"

#include <QHash>
#include <QPixmap>

// Paints transport and status cells as small coloured badges ("http", "failed"), in the
// theme's badge colours, which read on light and dark palettes. Text is drawn as plain text. A page
// shows a handful of distinct badges two hundred times: each is drawn once into a pixmap, which
// every later paint copies.
// Thread: the GUI thread.
class BadgeDelegate : public CellTextDelegate
{
    Q_OBJECT
public:
    using CellTextDelegate::CellTextDelegate;

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // For a model other than the audit table's: the badge's colour is Theme::badge() of this
    // role's text ("ok", "failed", …) instead of the text shown, which may be translated.
    void setColorKeyRole(int role) { m_colorKeyRole = role; }

    // The width of a cell that shows the badge of `text` whole.
    static int badgeWidth(const QFontMetrics &metrics, const QString &text);

    // How many badges were drawn rather than copied from a pixmap drawn before.
    int drawnBadges() const { return m_drawn; }

protected:
    void drawContent(QPainter *painter, const QStyleOptionViewItem &opt, const QModelIndex &index,
        const QString &text) const override;

private:
    QPixmap badge(const QString &text, const QColor &color, const QFont &font, int width,
        int height, qreal ratio) const;

    struct BadgeKey
    {
        QString text;
        QRgb color;
        QFont font;
        QSize size;
        qreal ratio;
        bool operator==(const BadgeKey &) const = default;
    };
    friend size_t qHash(const BadgeKey &key, size_t seed)
    {
        return qHashMulti(
            seed, key.text, key.color, key.font, key.size.width(), key.size.height(), key.ratio);
    }

    mutable QHash<BadgeKey, QPixmap> m_badges;
    mutable int m_drawn = 0;
    int m_colorKeyRole = -1;
};
