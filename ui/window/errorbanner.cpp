#include "errorbanner.h"

#include "schemachoice.h"
#include "theme.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>

ErrorBanner::ErrorBanner(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel)
    , m_text(new QLabel)
    , m_schemas(new QComboBox)
    , m_openSchema(new QPushButton(tr("Open")))
    , m_retry(new QPushButton(tr("Retry")))
{
    setObjectName(QStringLiteral("errorBanner"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    QPalette pal = palette();
    pal.setColor(QPalette::WindowText, Theme::bannerText(pal));
    pal.setColor(QPalette::Window, Theme::bannerBackground(pal));
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
    layout->addWidget(m_schemas);
    layout->addWidget(m_openSchema);
    layout->addWidget(m_retry);
    layout->addWidget(close);
    connect(m_retry, &QPushButton::clicked, this, [this] {
        hide();
        emit retryRequested();
    });
    connect(close, &QToolButton::clicked, this, &QWidget::hide);
    m_schemas->setObjectName(QStringLiteral("schemaChoice"));
    m_schemas->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_openSchema->setObjectName(QStringLiteral("openSchema"));
    m_openSchema->setToolTip(tr("Open the audit table of the chosen schema"));
    connect(m_openSchema, &QPushButton::clicked, this, [this] {
        const QString schema = m_schemas->currentData().toString();
        if (!schema.isEmpty()) {
            hide();
            emit schemaChosen(schema);
        }
    });
    m_schemas->hide();
    m_openSchema->hide();
    hide();
}

void ErrorBanner::showError(const QString &message, bool canRetry)
{
    m_text->setText(message);
    m_retry->setVisible(canRetry);
    m_schemas->hide();
    m_openSchema->hide();
    show();
}

void ErrorBanner::showSchemaChoice(const QString &message, const QList<AuditSchema> &schemas)
{
    showError(message);
    m_schemas->clear();
    for (const AuditSchema &schema : schemas) {
        m_schemas->addItem(SchemaChoice::label(schema), schema.schema);
    }
    m_schemas->setVisible(!schemas.isEmpty());
    m_openSchema->setVisible(!schemas.isEmpty());
}

QString ErrorBanner::message() const
{
    return isHidden() ? QString() : m_text->text();
}
