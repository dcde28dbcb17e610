#include "errorbanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>

ErrorBanner::ErrorBanner(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel)
    , m_text(new QLabel)
    , m_retry(new QPushButton(tr("Retry")))
{
    setObjectName(QStringLiteral("errorBanner"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    QPalette pal = palette();
    const bool dark = pal.color(QPalette::Window).lightness() < 128;
    pal.setColor(QPalette::Window, dark ? QColor(0x5c, 0x1f, 0x1f) : QColor(0xfd, 0xec, 0xea));
    pal.setColor(QPalette::WindowText, dark ? QColor(0xff, 0xdc, 0xd8) : QColor(0x8a, 0x16, 0x16));
    setPalette(pal);

    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_icon->setPixmap(
        style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(iconSize, iconSize));
    m_text->setTextFormat(Qt::PlainText);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *close = new QToolButton;
    close->setAutoRaise(true);
    close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    close->setToolTip(tr("Dismiss"));

    auto *layout = new QHBoxLayout(this);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_retry);
    layout->addWidget(close);
    connect(m_retry, &QPushButton::clicked, this, [this] {
        hide();
        emit retryRequested();
    });
    connect(close, &QToolButton::clicked, this, &QWidget::hide);
    hide();
}

void ErrorBanner::showError(const QString &message, bool canRetry)
{
    m_text->setText(message);
    m_retry->setVisible(canRetry);
    show();
}

QString ErrorBanner::message() const
{
    return isHidden() ? QString() : m_text->text();
}
