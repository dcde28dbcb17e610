#include "statuspanel.h"

#include "durationtext.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QToolButton>

#include <algorithm>
#include <climits>

ElidedLabel::ElidedLabel(const QString &text, QWidget *parent)
    : QLabel(parent)
{
    setTextFormat(Qt::PlainText);
    setFullText(text);
}

void ElidedLabel::setFullText(const QString &text)
{
    m_fullText = text;
    updateGeometry();
    elide();
}

QSize ElidedLabel::sizeHint() const
{
    const QMargins margins = contentsMargins();
    return { fontMetrics().horizontalAdvance(m_fullText) + margins.left() + margins.right()
            + 2 * margin(),
        QLabel::sizeHint().height() };
}

QSize ElidedLabel::minimumSizeHint() const
{
    return { fontMetrics().horizontalAdvance(QLatin1Char('M')) * 8,
        QLabel::minimumSizeHint().height() };
}

void ElidedLabel::resizeEvent(QResizeEvent *event)
{
    QLabel::resizeEvent(event);
    elide();
}

void ElidedLabel::elide()
{
    setText(fontMetrics().elidedText(m_fullText, Qt::ElideRight, contentsRect().width()));
}

StatusPanel::StatusPanel(QWidget *parent)
    : QWidget(parent)
    , m_busyBar(new QProgressBar)
    , m_cancel(new QToolButton)
    , m_count(new QLabel)
    , m_timing(new QLabel)
    , m_connection(new ElidedLabel(tr("Not connected")))
{
    for (QLabel *label : { m_count, m_timing }) {
        label->setTextFormat(Qt::PlainText);
    }
    m_count->setToolTip(tr("Entries matching the filter: the planner's estimate at once, the exact "
                           "count when counted"));
    m_timing->setToolTip(tr("How long the last page took, from request to answer"));
    m_busyBar->setRange(0, 0);
    m_busyBar->setMaximumWidth(fontMetrics().horizontalAdvance(QLatin1Char('M')) * 8);
    m_busyBar->setMaximumHeight(fontMetrics().height());
    m_busyBar->setTextVisible(false);
    m_cancel->setIcon(QIcon(QStringLiteral(":/icons/process-stop.svg")));
    m_cancel->setToolTip(tr("Cancel the running query"));
    m_cancel->setAutoRaise(true);
    setBusy(false);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(fontMetrics().horizontalAdvance(QLatin1Char('M')));
    layout->addWidget(m_busyBar);
    layout->addWidget(m_cancel);
    layout->addWidget(m_count);
    layout->addWidget(m_timing);
    layout->addWidget(m_connection);
    connect(m_cancel, &QToolButton::clicked, this, &StatusPanel::cancelRequested);
}

void StatusPanel::setConnection(const QString &text, const QString &details, const QString &note)
{
    const QString line = note.isEmpty() ? text : tr("%1 · startup options refused").arg(text);
    QStringList tip { line };
    for (const QString &line : { details, note }) {
        if (!line.isEmpty()) {
            tip.append(line);
        }
    }
    m_connection->setToolTip(tip.join(QLatin1Char('\n')));
    m_connection->setFullText(line);
}

void StatusPanel::setCount(std::optional<qint64> count, bool exact)
{
    const QLocale locale;
    if (!count) {
        m_count->setText(tr("Counting…"));
        return;
    }
    // The plural form follows the count; past INT_MAX any large number picks the same.
    const int n = static_cast<int>(std::min<qint64>(*count, INT_MAX));
    if (exact) {
        m_count->setText(
            n == 1 ? tr("1 entry") : tr("%1 entries", nullptr, n).arg(locale.toString(*count)));
    } else {
        m_count->setText(tr("≈ %1 entries (estimate)", nullptr, n).arg(locale.toString(*count)));
    }
}

QString StatusPanel::countText() const
{
    return m_count->text();
}

void StatusPanel::setPageTime(qint64 milliseconds)
{
    m_timing->setText(tr("page in %1").arg(readableDuration(milliseconds * 1000)));
}

void StatusPanel::setBusy(bool busy)
{
    m_busyBar->setVisible(busy);
    m_cancel->setVisible(busy);
}

bool StatusPanel::isBusy() const
{
    return !m_busyBar->isHidden();
}
