#include "paginationbar.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLocale>
#include <QStyle>
#include <QToolButton>

PaginationBar::PaginationBar(QWidget *parent)
    : QWidget(parent)
    , m_first(new QToolButton)
    , m_previous(new QToolButton)
    , m_next(new QToolButton)
    , m_last(new QToolButton)
    , m_pageSize(new QComboBox)
    , m_position(new QLabel)
{
    struct Button
    {
        QToolButton *button;
        const char *icon;
        QString tip;
    };
    const QList<Button> buttons {
        { m_first, ":/icons/go-first.svg", tr("First page (Ctrl+Home)") },
        { m_previous, ":/icons/go-previous.svg", tr("Previous page (Ctrl+PgUp)") },
        { m_next, ":/icons/go-next.svg", tr("Next page (Ctrl+PgDown)") },
        { m_last, ":/icons/go-last.svg", tr("Last page (Ctrl+End)") },
    };
    for (const Button &b : buttons) {
        b.button->setIcon(QIcon(QString::fromLatin1(b.icon)));
        b.button->setToolTip(b.tip);
        b.button->setAutoRaise(true);
    }
    for (int size : { 50, 100, 200, 500 }) {
        m_pageSize->addItem(tr("%1 per page").arg(size), size);
    }
    m_pageSize->setCurrentIndex(1);
    m_pageSize->setToolTip(tr("Rows per page"));
    m_position->setTextFormat(Qt::PlainText);
    m_position->setObjectName(QStringLiteral("pagePosition"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_position);
    layout->addStretch(1);
    layout->addWidget(m_pageSize);
    layout->addSpacing(8);
    for (const Button &b : buttons) {
        layout->addWidget(b.button);
    }

    connect(m_first, &QToolButton::clicked, this, &PaginationBar::firstRequested);
    connect(m_previous, &QToolButton::clicked, this, &PaginationBar::previousRequested);
    connect(m_next, &QToolButton::clicked, this, &PaginationBar::nextRequested);
    connect(m_last, &QToolButton::clicked, this, &PaginationBar::lastRequested);
    connect(m_pageSize, &QComboBox::currentIndexChanged, this,
        [this] { emit pageSizeChanged(pageSize()); });
    setNavigation(false, false);
}

int PaginationBar::pageSize() const
{
    return m_pageSize->currentData().toInt();
}

void PaginationBar::setPageSize(int size)
{
    const int index = m_pageSize->findData(size);
    if (index >= 0) {
        m_pageSize->setCurrentIndex(index);
    }
}

void PaginationBar::setPosition(
    std::optional<qint64> offset, int rowsShown, std::optional<qint64> total, bool totalIsExact)
{
    const QLocale locale;
    QString totalText;
    if (total) {
        totalText = totalIsExact ? locale.toString(*total)
                                 : QStringLiteral("≈ ") + locale.toString(*total);
    }
    if (rowsShown == 0) {
        m_position->setText(tr("No matching entries"));
        return;
    }
    const QString range = offset
        ? tr("rows %1–%2").arg(locale.toString(*offset + 1), locale.toString(*offset + rowsShown))
        : rowsShown == 1 ? tr("1 row")
                         : tr("%1 rows", nullptr, rowsShown).arg(locale.toString(rowsShown));
    m_position->setText(totalText.isEmpty() ? range : tr("%1 of %2").arg(range, totalText));
}

QString PaginationBar::positionText() const
{
    return m_position->text();
}

void PaginationBar::setNavigation(bool hasPrevious, bool hasNext)
{
    m_hasPrevious = hasPrevious;
    m_hasNext = hasNext;
    m_first->setEnabled(hasPrevious && !m_busy);
    m_previous->setEnabled(hasPrevious && !m_busy);
    m_next->setEnabled(hasNext && !m_busy);
    m_last->setEnabled(hasNext && !m_busy);
}

void PaginationBar::setBusy(bool busy)
{
    m_busy = busy;
    setNavigation(m_hasPrevious, m_hasNext);
}

void PaginationBar::setLastAvailable(bool available)
{
    m_last->setVisible(available);
}
