#include "mainwindow.h"

#include "auditworker.h"

#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

MainWindow::MainWindow(const ConnectionSettings &settings, QWidget *parent)
    : QMainWindow(parent)
    , m_worker(new AuditWorker(this))
    , m_settings(settings)
    , m_connectionLabel(new QLabel(tr("Connecting…")))
    , m_countLabel(new QLabel(tr("—")))
    , m_errorLabel(new QLabel)
{
    setWindowTitle(tr("Audit Viewer"));
    for (QLabel *label : { m_connectionLabel, m_countLabel, m_errorLabel }) {
        label->setTextFormat(Qt::PlainText); // database text is never rich text
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_errorLabel->hide();

    auto *central = new QWidget;
    auto *form = new QFormLayout;
    form->addRow(tr("Database:"), m_connectionLabel);
    form->addRow(tr("Table:"), new QLabel(settings.table().displayName()));
    form->addRow(tr("Audit entries:"), m_countLabel);
    auto *layout = new QVBoxLayout(central);
    layout->addLayout(form);
    layout->addWidget(m_errorLabel);
    layout->addStretch();
    setCentralWidget(central);
    resize(640, 240);

    connect(m_worker, &AuditWorker::connected, this,
        [this](quint64, const QString &description, const QString &version) {
            showConnected(description, version);
        });
    connect(m_worker, &AuditWorker::countLoaded, this,
        [this](quint64, qint64 count, bool exact) { showCount(count, exact); });
    connect(m_worker, &AuditWorker::queryFailed, this,
        [this](quint64, const QueryError &error) { showError(error); });
    m_worker->connectTo(settings);
}

MainWindow::~MainWindow() = default;

void MainWindow::showConnected(const QString &description, const QString &serverVersion)
{
    m_connectionLabel->setText(tr("%1 (PostgreSQL %2)").arg(description, serverVersion));
    m_worker->estimateCount(AuditFilter());
    m_worker->countExactly(AuditFilter());
}

void MainWindow::showCount(qint64 count, bool exact)
{
    const QString number = QLocale().toString(count);
    m_countLabel->setText(exact ? number : tr("about %1 (estimate; counting…)").arg(number));
}

void MainWindow::showError(const QueryError &error)
{
    m_errorLabel->setText(error.message);
    m_errorLabel->show();
    if (m_connectionLabel->text() == tr("Connecting…")) {
        m_connectionLabel->setText(tr("not connected"));
    }
}
