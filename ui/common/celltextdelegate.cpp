#include "celltextdelegate.h"

#include <QApplication>
#include <QPainter>

#include <algorithm>

namespace {

// Enough for the distinct texts of several pages of ten columns; then it starts again.
constexpr qsizetype kMaxTexts = 8192;

} // namespace

void CellTextDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    // The style draws the background, selection and focus; the text is drawn here.
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    const QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);
    if (!text.isEmpty()) {
        drawContent(painter, opt, index, text);
    }
}

void CellTextDelegate::drawContent(QPainter *painter, const QStyleOptionViewItem &opt,
    const QModelIndex & /*index*/, const QString &text) const
{
    // Where and in which colour QCommonStyle would draw it.
    const QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, opt.widget) + 1;
    const QRect area = opt.rect.adjusted(margin, 0, -margin, 0);
    if (area.width() <= 0) {
        return;
    }
    const QPalette::ColorGroup group = !(opt.state & QStyle::State_Enabled) ? QPalette::Disabled
        : (opt.state & QStyle::State_Active)                                ? QPalette::Normal
                                                                            : QPalette::Inactive;
    const QPalette::ColorRole role
        = (opt.state & QStyle::State_Selected) ? QPalette::HighlightedText : QPalette::Text;

    const QStaticText *shown = cachedText(text, -1, opt.font);
    if (!shown || shown->size().width() > area.width()) {
        shown = cachedText(text, area.width(), opt.font);
    }
    if (!shown) {
        shown = &fitted(text, area.width(), opt.font);
    }
    const QSizeF size = shown->size();
    const Qt::Alignment align = QStyle::visualAlignment(opt.direction, opt.displayAlignment);
    qreal x = area.left();
    if (align & Qt::AlignRight) {
        x = area.right() + 1 - size.width();
    } else if (align & Qt::AlignHCenter) {
        x = area.left() + (area.width() - size.width()) / 2;
    }
    const qreal y = area.top() + (area.height() - size.height()) / 2;
    painter->save();
    painter->setPen(opt.palette.color(group, role));
    painter->setFont(opt.font);
    painter->drawStaticText(QPointF(x, y), *shown);
    painter->restore();
}

const QStaticText *CellTextDelegate::cachedText(
    const QString &text, int width, const QFont &font) const
{
    const auto found = m_texts.constFind(Key { text, width, font });
    return found == m_texts.cend() ? nullptr : &*found;
}

const QStaticText &CellTextDelegate::fitted(const QString &text, int width, const QFont &font) const
{
    // A text far wider than the cell (a request preview of hundreds of characters) is elided
    // from a prefix that is itself twice as wide as the cell: the characters after it cannot
    // move the ellipsis, and neither the whole text nor its width is laid out.
    const QFontMetricsF metrics(font);
    qsizetype length = 3 * qsizetype(width / std::max(metrics.averageCharWidth(), 1.0)) + 16;
    if (length < text.size()) {
        if (text.at(length - 1).isHighSurrogate()) {
            --length;
        }
        const QString prefix = text.first(length);
        if (metrics.horizontalAdvance(prefix) > 2.0 * width) {
            return laidOut(text, width, font, &prefix);
        }
    }
    const QStaticText &whole = laidOut(text, -1, font);
    return whole.size().width() > width ? laidOut(text, width, font) : whole;
}

const QStaticText &CellTextDelegate::laidOut(
    const QString &text, int width, const QFont &font, const QString *prefix) const
{
    const Key key { text, width, font };
    auto found = m_texts.find(key);
    if (found != m_texts.end()) {
        return *found;
    }
    if (m_texts.size() >= kMaxTexts) {
        m_texts.clear();
    }
    ++m_laidOut;
    const QFontMetrics metrics(font);
    QStaticText laid(
        width < 0 ? text : metrics.elidedText(prefix ? *prefix : text, Qt::ElideRight, width));
    laid.setTextFormat(Qt::PlainText); // a value holding "<b>" stays literal
    laid.prepare(QTransform(), font);
    return *m_texts.insert(key, laid);
}
