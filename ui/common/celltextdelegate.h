#pragma once

#include <QHash>
#include <QStaticText>
#include <QStyledItemDelegate>

// Paints a table cell as the style does (background, selection, focus) and its text, one
// line, elided at the right, from a cache of laid-out text: the style would shape every
// cell's text three times per paint (to size, elide and draw it), two thirds of the time a
// repaint of a page took. The cache is keyed by text and width, so a repaint of the same
// page, or a page that repeats actions and banks, lays out nothing again. A text much wider
// than its cell (a request preview) is elided from its start: the rest is never laid out.
// Thread: the GUI thread.
class CellTextDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override;

    // How many texts were laid out rather than taken from the cache.
    int laidOutTexts() const { return m_laidOut; }
    // The cached layout of `text` in `font` elided to `width` (-1: whole), or null.
    const QStaticText *cachedText(const QString &text, int width, const QFont &font) const;

protected:
    // Draws the cell's non-empty `text` over the background the style has drawn; `opt`
    // holds the cell's options.
    virtual void drawContent(QPainter *painter, const QStyleOptionViewItem &opt,
        const QModelIndex &index, const QString &text) const;
    // The width of `text` in `font`, from the cache.
    qreal naturalWidth(const QString &text, const QFont &font) const
    {
        return laidOut(text, -1, font).size().width();
    }

private:
    struct Key
    {
        QString text;
        int width; // -1: the text whole
        QFont font;
        bool operator==(const Key &) const = default;
    };
    friend size_t qHash(const Key &key, size_t seed)
    {
        return qHashMulti(seed, key.text, key.width, key.font);
    }

    // The cached layout of `text` in `font` elided to `width` (-1: whole), laid out if it is
    // not cached; elided from `prefix`, the start of `text`, if given.
    const QStaticText &laidOut(
        const QString &text, int width, const QFont &font, const QString *prefix = nullptr) const;
    // The cached layout of `text` as shown in a cell `width` wide: whole if it fits, else
    // elided; laid out if it is not cached.
    const QStaticText &fitted(const QString &text, int width, const QFont &font) const;

    mutable QHash<Key, QStaticText> m_texts;
    mutable int m_laidOut = 0;
};
