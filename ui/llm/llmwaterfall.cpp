#include "llmwaterfall.h"

#include "displaytext.h"
#include "durationtext.h"
#include "llmtext.h"
#include "secretmasker.h"
#include "theme.h"

#include <QHash>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace {

constexpr int kIndent = 14;
constexpr int kMargin = 8;

} // namespace

LlmWaterfall::LlmWaterfall(QWidget *parent)
    : QAbstractScrollArea(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setMouseTracking(true);
    viewport()->setBackgroundRole(QPalette::Base);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    verticalScrollBar()->setSingleStep(kRowHeight);
}

void LlmWaterfall::setRun(const LlmRunCalls &run)
{
    m_run = run;
    m_current = -1;
    m_hovered = -1;
    buildRows();
    verticalScrollBar()->setValue(0);
    updateScrollBars();
    viewport()->update();
}

// Rows in depth-first order from the operation: a call under the call whose span_id is its
// parent_span_id, children in start order (the calls come in start order). A parent chain
// that loops (no call of it is reachable from the operation) is shown under the operation.
void LlmWaterfall::buildRows()
{
    m_rows.clear();
    const QList<LlmCall> &calls = m_run.calls;
    qint64 first = calls.isEmpty() ? m_run.run.firstStart.usecsSinceEpoch()
                                   : calls.first().startedAt.usecsSinceEpoch();
    for (const LlmCall &call : calls) {
        first = std::min(first, call.startedAt.usecsSinceEpoch());
    }
    QHash<QString, int> bySpan;
    for (int i = 0; i < calls.size(); ++i) {
        if (calls[i].spanId && !bySpan.contains(*calls[i].spanId)) {
            bySpan.insert(*calls[i].spanId, i);
        }
    }
    QList<QList<int>> children(calls.size() + 1); // the last one: the operation's
    for (int i = 0; i < calls.size(); ++i) {
        const int parent = calls[i].parentSpanId ? bySpan.value(*calls[i].parentSpanId, -1) : -1;
        children[parent >= 0 && parent != i ? parent : calls.size()].append(i);
    }

    Row operation;
    operation.barText
        = calls.size() == 1 ? tr("1 call") : tr("%Ln calls", nullptr, int(calls.size()));
    operation.name = tr("%1 · %2").arg(
        m_run.run.operation.isEmpty() ? tr("(no operation)") : visibleText(m_run.run.operation),
        operation.barText);
    m_rows.append(operation);
    m_span = 1;
    QList<bool> placed(calls.size(), false);
    const auto place = [&](int root, int depth) {
        QList<std::pair<int, int>> stack { { root, depth } };
        while (!stack.isEmpty()) {
            const auto [index, level] = stack.takeLast();
            if (placed[index]) {
                continue;
            }
            placed[index] = true;
            const LlmCall &call = calls[index];
            Row row;
            row.call = index;
            row.depth = level;
            row.start = call.startedAt.usecsSinceEpoch() - first;
            row.end = row.start + std::max<qint64>(0, LlmText::durationMicros(call).value_or(0));
            row.name = LlmText::callName(call);
            QStringList parts;
            if (call.failed()) {
                parts.append(LlmText::status(call.status));
            }
            if (const QString tokens = LlmText::shortTokens(call); !tokens.isEmpty()) {
                parts.append(tokens);
            }
            parts.append(LlmText::duration(call));
            row.barText = parts.join(QStringLiteral(" · "));
            m_span = std::max(m_span, row.end);
            m_rows.append(row);
            const QList<int> &below = children[index];
            for (auto it = below.crbegin(); it != below.crend(); ++it) {
                stack.append({ *it, level + 1 });
            }
        }
    };
    for (int root : children[calls.size()]) {
        place(root, 1);
    }
    for (int i = 0; i < calls.size(); ++i) {
        place(i, 1);
    }
    m_rows[0].end = m_span;
}

const LlmCall *LlmWaterfall::callAt(int row) const
{
    if (row < 0 || row >= m_rows.size() || m_rows[row].call < 0) {
        return nullptr;
    }
    return &m_run.calls[m_rows[row].call];
}

int LlmWaterfall::depthAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows[row].depth : -1;
}

QString LlmWaterfall::nameAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows[row].name : QString();
}

QString LlmWaterfall::barTextAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows[row].barText : QString();
}

int LlmWaterfall::rowOf(const QString &callId) const
{
    for (int row = 1; row < m_rows.size(); ++row) {
        if (m_run.calls[m_rows[row].call].id == callId) {
            return row;
        }
    }
    return -1;
}

int LlmWaterfall::labelWidth() const
{
    return std::clamp(viewport()->width() * 2 / 5, 120, 340);
}

double LlmWaterfall::xOf(qint64 micros) const
{
    const int left = labelWidth() + kMargin;
    const int width = std::max(10, viewport()->width() - left - kMargin);
    return left + double(micros) * width / double(m_span);
}

QRect LlmWaterfall::barRect(int row) const
{
    if (row < 0 || row >= m_rows.size()) {
        return {};
    }
    const int y = kAxisHeight + row * kRowHeight - verticalScrollBar()->value();
    if (y + kRowHeight <= kAxisHeight || y >= viewport()->height()) {
        return {};
    }
    const Row &r = m_rows[row];
    const int x0 = int(std::floor(xOf(r.start)));
    const int x1 = std::max(x0 + 2, int(std::ceil(xOf(r.end))));
    const int inset = row == 0 ? 9 : 5;
    return QRect(QPoint(x0, y + inset), QPoint(x1 - 1, y + kRowHeight - inset - 1));
}

int LlmWaterfall::rowAt(const QPoint &pos) const
{
    if (pos.y() < kAxisHeight) {
        return -1;
    }
    const int row = (pos.y() - kAxisHeight + verticalScrollBar()->value()) / kRowHeight;
    return row < m_rows.size() ? row : -1;
}

void LlmWaterfall::setCurrentRow(int row)
{
    m_current = std::clamp(row, -1, int(m_rows.size()) - 1);
    ensureVisible(m_current);
    viewport()->update();
}

void LlmWaterfall::ensureVisible(int row)
{
    if (row < 0) {
        return;
    }
    const int top = row * kRowHeight;
    const int shown = viewport()->height() - kAxisHeight;
    QScrollBar *bar = verticalScrollBar();
    if (top < bar->value()) {
        bar->setValue(top);
    } else if (top + kRowHeight > bar->value() + shown) {
        bar->setValue(top + kRowHeight - shown);
    }
}

void LlmWaterfall::updateScrollBars()
{
    const int content = int(m_rows.size()) * kRowHeight;
    const int shown = std::max(0, viewport()->height() - kAxisHeight);
    verticalScrollBar()->setRange(0, std::max(0, content - shown));
    verticalScrollBar()->setPageStep(shown);
}

qint64 LlmWaterfall::tickStep() const
{
    const double pixels = std::max(10.0, xOf(m_span) - xOf(0));
    const double wanted = double(m_span) * 90.0 / pixels; // a tick every ~90 px
    qint64 step = 1000; // at least a millisecond
    for (qint64 magnitude = 1000; step < wanted; magnitude *= 10) {
        for (const qint64 factor : { 1, 2, 5 }) {
            step = magnitude * factor;
            if (step >= wanted) {
                break;
            }
        }
    }
    return step;
}

QString LlmWaterfall::tickLabel(qint64 micros, qint64 step) const
{
    const QLocale locale;
    if (step < 1'000'000) {
        return tr("%1 ms").arg(locale.toString(micros / 1000));
    }
    const int decimals = step % 1'000'000 == 0 ? 0 : 1;
    return tr("%1 s").arg(locale.toString(double(micros) / 1e6, 'f', decimals));
}

QStringList LlmWaterfall::tickLabels() const
{
    QStringList labels;
    const qint64 step = tickStep();
    for (qint64 t = 0; t <= m_span; t += step) {
        labels.append(tickLabel(t, step));
    }
    return labels;
}

void LlmWaterfall::paintEvent(QPaintEvent *)
{
    QPainter painter(viewport());
    const int labelColumn = labelWidth();
    const int first = verticalScrollBar()->value() / kRowHeight;
    const int last = std::min<int>(int(m_rows.size()) - 1,
        (verticalScrollBar()->value() + viewport()->height() - kAxisHeight) / kRowHeight);
    m_paintedRows = 0;
    for (int row = first; row <= last; ++row) {
        paintRow(painter, row, kAxisHeight + row * kRowHeight - verticalScrollBar()->value(),
            labelColumn);
        ++m_paintedRows;
    }
    paintAxis(painter, labelColumn);
}

void LlmWaterfall::paintAxis(QPainter &painter, int labelColumn)
{
    const QPalette &pal = palette();
    painter.fillRect(QRect(0, 0, viewport()->width(), kAxisHeight), pal.color(QPalette::Window));
    painter.setPen(pal.color(QPalette::PlaceholderText));
    painter.drawText(QRect(kMargin, 0, labelColumn - kMargin, kAxisHeight),
        Qt::AlignVCenter | Qt::AlignLeft, tr("Call"));
    const qint64 step = tickStep();
    QColor grid = pal.color(QPalette::Text);
    grid.setAlpha(40);
    for (qint64 t = 0; t <= m_span; t += step) {
        const int x = int(xOf(t));
        painter.setPen(pal.color(QPalette::PlaceholderText));
        const QString label = tickLabel(t, step);
        const int w = painter.fontMetrics().horizontalAdvance(label);
        const int left = std::min(x - w / 2, viewport()->width() - w - 2);
        painter.drawText(QPoint(std::max(labelColumn, left), kAxisHeight - 8), label);
        painter.setPen(grid);
        painter.drawLine(x, kAxisHeight - 4, x, viewport()->height());
    }
    painter.setPen(pal.color(QPalette::Mid));
    painter.drawLine(0, kAxisHeight - 1, viewport()->width(), kAxisHeight - 1);
}

void LlmWaterfall::paintRow(QPainter &painter, int row, int y, int labelColumn)
{
    const QPalette &pal = palette();
    const Row &r = m_rows[row];
    const QRect line(0, y, viewport()->width(), kRowHeight);
    if (row == m_current) {
        painter.fillRect(line, pal.color(QPalette::Highlight).lighter(hasFocus() ? 100 : 130));
    } else if (row == m_hovered) {
        painter.fillRect(line, pal.color(QPalette::AlternateBase));
    }
    const bool failed = r.call >= 0 && m_run.calls[r.call].failed();
    const QColor text = row == m_current ? pal.color(QPalette::HighlightedText)
        : failed                         ? Theme::errorText(pal)
                                         : pal.color(QPalette::Text);
    const int indent = kMargin + r.depth * kIndent;
    painter.setPen(text);
    QFont font = painter.font();
    font.setBold(row == 0);
    painter.setFont(font);
    painter.drawText(QRect(indent, y, labelColumn - indent, kRowHeight),
        Qt::AlignVCenter | Qt::AlignLeft,
        painter.fontMetrics().elidedText(r.name, Qt::ElideRight, labelColumn - indent));
    font.setBold(false);
    painter.setFont(font);

    const QRect bar = barRect(row);
    const QColor fill = row == 0 ? pal.color(QPalette::Mid)
        : failed                 ? Theme::badge(QStringLiteral("failed"))
                                 : Theme::badge(QStringLiteral("http"));
    painter.fillRect(bar, fill);
    if (failed) {
        // Not colour alone: a failed bar is hatched as well as labelled.
        QColor hatch = Theme::onBadge();
        hatch.setAlpha(110);
        painter.fillRect(bar, QBrush(hatch, Qt::BDiagPattern));
    }
    const QFontMetrics metrics = painter.fontMetrics();
    const int textWidth = metrics.horizontalAdvance(r.barText);
    QRect textRect;
    if (textWidth + 8 <= bar.width() && row != 0) {
        painter.setPen(Theme::onBadge());
        textRect = bar.adjusted(4, -5, -4, 5);
    } else if (bar.right() + 6 + textWidth <= viewport()->width()) {
        painter.setPen(text);
        textRect = QRect(bar.right() + 6, y, textWidth + 2, kRowHeight);
    } else {
        painter.setPen(text);
        const int left = std::max(labelColumn, bar.left() - 6 - textWidth);
        textRect = QRect(left, y, bar.left() - 6 - left, kRowHeight);
    }
    painter.drawText(textRect, Qt::AlignVCenter | Qt::AlignLeft,
        metrics.elidedText(r.barText, Qt::ElideRight, textRect.width()));
}

QString LlmWaterfall::toolTipOf(int row) const
{
    const Row &r = m_rows[row];
    const QTimeZone zone = m_utc ? QTimeZone::utc() : QTimeZone::systemTimeZone();
    if (r.call < 0) {
        return tr("%1 · %2 · tokens %3").arg(r.name, r.barText, LlmText::tokens(m_run.run.tokens));
    }
    const LlmCall &call = m_run.calls[r.call];
    QStringList lines { r.name, tr("Status: %1").arg(LlmText::status(call.status)),
        tr("Provider: %1").arg(LlmText::orNone(call.provider)),
        tr("Started: %1 (+%2 from the run's start)")
            .arg(call.startedAt.toDisplayString(zone), readableDuration(r.start)),
        tr("Duration: %1").arg(LlmText::duration(call)),
        tr("Tokens: %1").arg(LlmText::tokens(call)) };
    if (call.errorStart) {
        lines.append(tr("Error: %1").arg(visibleText(SecretMasker().mask(*call.errorStart))));
    }
    lines.append(tr("Click or press Enter to open the call"));
    return lines.join(QLatin1Char('\n'));
}

void LlmWaterfall::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBars();
}

void LlmWaterfall::scrollContentsBy(int, int)
{
    viewport()->update();
}

void LlmWaterfall::mousePressEvent(QMouseEvent *event)
{
    // The release opens the call; the press only takes the focus, for the keys.
    setFocus(Qt::MouseFocusReason);
    event->accept();
}

void LlmWaterfall::mouseReleaseEvent(QMouseEvent *event)
{
    const int row = rowAt(event->position().toPoint());
    if (event->button() != Qt::LeftButton || row < 0) {
        return;
    }
    setCurrentRow(row);
    if (const LlmCall *call = callAt(row)) {
        emit callActivated(call->id);
    }
}

void LlmWaterfall::mouseMoveEvent(QMouseEvent *event)
{
    const int row = rowAt(event->position().toPoint());
    if (row != m_hovered) {
        m_hovered = row;
        viewport()->setCursor(callAt(row) ? Qt::PointingHandCursor : Qt::ArrowCursor);
        viewport()->update();
    }
}

void LlmWaterfall::keyPressEvent(QKeyEvent *event)
{
    const int page = std::max(1, (viewport()->height() - kAxisHeight) / kRowHeight);
    switch (event->key()) {
    case Qt::Key_Down:
        setCurrentRow(std::max(0, m_current + 1));
        return;
    case Qt::Key_Up:
        setCurrentRow(std::max(0, m_current - 1));
        return;
    case Qt::Key_PageDown:
        setCurrentRow(m_current + page);
        return;
    case Qt::Key_PageUp:
        setCurrentRow(std::max(0, m_current - page));
        return;
    case Qt::Key_Home:
        setCurrentRow(0);
        return;
    case Qt::Key_End:
        setCurrentRow(int(m_rows.size()) - 1);
        return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (const LlmCall *call = callAt(m_current)) {
            emit callActivated(call->id);
            return;
        }
        break;
    default:
        break;
    }
    QAbstractScrollArea::keyPressEvent(event);
}

bool LlmWaterfall::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int row = rowAt(help->pos());
        if (row >= 0) {
            QToolTip::showText(help->globalPos(), plainToolTip(toolTipOf(row)), viewport());
        } else {
            QToolTip::hideText();
        }
        return true;
    }
    if (event->type() == QEvent::Leave && m_hovered >= 0) {
        m_hovered = -1;
        viewport()->update();
    }
    return QAbstractScrollArea::viewportEvent(event);
}
