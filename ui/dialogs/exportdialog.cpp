#include "exportdialog.h"

#include "auditworker.h"
#include "theme.h"

#include <QCheckBox>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QStandardPaths>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>

namespace {

// The count that picks a plural form; past INT_MAX any large number does.
int pluralCount(qint64 n)
{
    return static_cast<int>(std::min<qint64>(n, INT_MAX));
}

} // namespace

ExportDialog::ExportDialog(const ConnectionSettings &settings, const AuditFilter &filter,
    SortOrder order, std::optional<qint64> expectedRows, QWidget *parent)
    : ExportDialog(
        settings,
        [filter, order](AuditWorker *worker, const ExportOptions &options, const QString &path) {
            return worker->exportToFile(filter, order, options, path);
        },
        expectedRows, parent)
{
}

ExportDialog::ExportDialog(const ConnectionSettings &settings, const LlmFilter &filter,
    bool oldestFirst, std::optional<qint64> expectedRows, QWidget *parent)
    : ExportDialog(
        settings,
        [filter, oldestFirst](
            AuditWorker *worker, const ExportOptions &options, const QString &path) {
            return worker->exportLlmToFile(filter, oldestFirst, options, path);
        },
        expectedRows, parent)
{
    setWindowTitle(tr("Export LLM calls"));
    m_includeJson->setText(tr("Include input, output, llm_info and metadata"));
}

ExportDialog::ExportDialog(const ConnectionSettings &settings, ExportStarter startExport,
    std::optional<qint64> expectedRows, QWidget *parent)
    : QDialog(parent)
    , m_worker(new AuditWorker(this))
    , m_settings(settings)
    , m_startExport(std::move(startExport))
    , m_expectedRows(expectedRows)
    , m_request(m_worker)
    , m_path(new QLineEdit)
    , m_csv(new QRadioButton(tr("CSV (spreadsheets)")))
    , m_jsonl(new QRadioButton(tr("JSON Lines (scripts)")))
    , m_includeJson(new QCheckBox(tr("Include request, response and metadata")))
    , m_formulaGuard(new QCheckBox(tr("Guard against spreadsheet formulas")))
    , m_bom(new QCheckBox(tr("Start with a UTF-8 byte order mark")))
    , m_unmasked(new QCheckBox(tr("Include secrets unmasked")))
    , m_unmaskedWarning(new QLabel)
    , m_progress(new QProgressBar)
    , m_status(new QLabel)
    , m_openFolder(new QPushButton(tr("Open folder")))
    , m_exportButton(new QPushButton(tr("Export")))
    , m_buttons(new QDialogButtonBox)
{
    setWindowTitle(tr("Export entries"));
    const QLocale locale;
    auto *summary = new QLabel(expectedRows
            ? tr("Every entry matching the current filter (%1) is written, in the table's order.")
                  .arg(tr("≈ %1 entries", nullptr, pluralCount(*expectedRows))
                           .arg(locale.toString(*expectedRows)))
            : tr("Every entry matching the current filter is written, in the table's order."));
    summary->setWordWrap(true);

    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    m_path->setText(QDir(documents.isEmpty() ? QDir::homePath() : documents)
                        .filePath(QStringLiteral("audit-log-%1.csv")
                                      .arg(QDateTime::currentDateTime().toString(
                                          QStringLiteral("yyyyMMdd-HHmmss")))));
    auto *browseButton = new QPushButton(tr("Browse…"));
    browseButton->setAutoDefault(false); // Enter exports; it does not open the file chooser
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browseButton);
    m_csv->setChecked(true);
    auto *formatRow = new QHBoxLayout;
    formatRow->addWidget(m_csv);
    formatRow->addWidget(m_jsonl);
    formatRow->addStretch();
    m_includeJson->setChecked(true);
    m_includeJson->setToolTip(tr("Without them the file is much smaller"));
    m_formulaGuard->setChecked(true);
    m_formulaGuard->setToolTip(tr(
        "A cell starting with = + - @ or a tab gets a leading ' so spreadsheets show it as text"));
    m_bom->setToolTip(tr("Some spreadsheet programs need it to read UTF-8"));
    m_unmasked->setObjectName(QStringLiteral("includeSecretsUnmasked"));
    m_unmasked->setToolTip(tr("Write webhook secrets, API keys, Authorization and other headers "
                              "as stored instead of masked"));
    m_unmaskedWarning->setObjectName(QStringLiteral("secretsWarning"));
    m_unmaskedWarning->setText(tr("The file will hold the secrets as stored: keep it where "
                                  "only people allowed to see them can read it."));
    m_unmaskedWarning->setTextFormat(Qt::PlainText);
    m_unmaskedWarning->setWordWrap(true);
    QPalette warning = m_unmasked->palette();
    const QColor warningColor = Theme::errorText(warning);
    warning.setColor(QPalette::WindowText, warningColor);
    warning.setColor(QPalette::ButtonText, warningColor);
    m_unmasked->setPalette(warning);
    m_unmaskedWarning->setPalette(warning);
    m_unmaskedWarning->hide();

    auto *form = new QFormLayout;
    auto *fileLabel = new QLabel(tr("&File:"));
    fileLabel->setBuddy(m_path);
    form->addRow(fileLabel, pathRow);
    form->addRow(tr("Format:"), formatRow);
    form->addRow(QString(), m_includeJson);
    form->addRow(QString(), m_formulaGuard);
    form->addRow(QString(), m_bom);
    form->addRow(QString(), m_unmasked);
    form->addRow(QString(), m_unmaskedWarning);

    m_progress->hide();
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_buttons->addButton(m_exportButton, QDialogButtonBox::AcceptRole);
    m_buttons->addButton(m_openFolder, QDialogButtonBox::ActionRole);
    m_buttons->addButton(QDialogButtonBox::Cancel);
    // After addButton, which shows the buttons it lays out.
    m_openFolder->setAutoDefault(false);
    m_openFolder->hide();
    m_exportButton->setDefault(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(summary);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addStretch();
    layout->addWidget(m_buttons);
    // Wide enough for a path in the documents folder and the file's name.
    setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('M')) * 52);

    connect(browseButton, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(m_csv, &QRadioButton::toggled, this, &ExportDialog::formatChanged);
    connect(m_unmasked, &QCheckBox::toggled, m_unmaskedWarning, &QWidget::setVisible);
    connect(m_exportButton, &QPushButton::clicked, this, &ExportDialog::start);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ExportDialog::reject);
    connect(m_openFolder, &QPushButton::clicked, this, [this] {
        QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(path()).absolutePath()));
    });
    connect(m_worker, &AuditWorker::connected, this, [this](quint64 id) {
        if (m_connect.take(id)) {
            m_connected = true;
        }
    });
    connect(m_worker, &AuditWorker::exportProgress, this, &ExportDialog::onProgress);
    connect(m_worker, &AuditWorker::exportFinished, this, &ExportDialog::onFinished);
    connect(m_worker, &AuditWorker::queryFailed, this, &ExportDialog::onFailed);
    // Its own connection, opened at once, so the export starts without a wait.
    m_connect.start(m_worker->connectTo(settings));
}

ExportDialog::~ExportDialog() = default;

void ExportDialog::setPath(const QString &path)
{
    m_path->setText(path);
}

QString ExportDialog::path() const
{
    return m_path->text().trimmed();
}

ExportOptions ExportDialog::options() const
{
    ExportOptions options;
    options.format
        = m_csv->isChecked() ? ExportOptions::Format::Csv : ExportOptions::Format::JsonLines;
    options.includeJson = m_includeJson->isChecked();
    options.formulaGuard = m_formulaGuard->isChecked();
    options.byteOrderMark = m_bom->isChecked();
    options.maskSecrets = !m_unmasked->isChecked();
    options.maskingRules = MaskingRules::active();
    return options;
}

QString ExportDialog::statusText() const
{
    return m_status->text();
}

void ExportDialog::browse()
{
    const QString chosen = QFileDialog::getSaveFileName(this, tr("Export to"), path(),
        m_csv->isChecked() ? tr("CSV files (*.csv)") : tr("JSON Lines files (*.jsonl)"));
    if (!chosen.isEmpty()) {
        m_path->setText(chosen);
    }
}

void ExportDialog::formatChanged()
{
    const bool csv = m_csv->isChecked();
    m_bom->setEnabled(csv);
    m_formulaGuard->setEnabled(csv);
    QString current = path();
    const QString from = csv ? QStringLiteral(".jsonl") : QStringLiteral(".csv");
    const QString to = csv ? QStringLiteral(".csv") : QStringLiteral(".jsonl");
    if (current.endsWith(from, Qt::CaseInsensitive)) {
        current.chop(from.size());
        m_path->setText(current + to);
    }
}

void ExportDialog::start()
{
    if (isRunning()) {
        return;
    }
    if (path().isEmpty()) {
        m_status->setText(tr("Choose a file to write."));
        return;
    }
    setRunning(true);
    m_status->setText(tr("Starting…"));
    m_timer.start();
    m_request.start(m_startExport(m_worker, options(), path()));
}

void ExportDialog::setRunning(bool running)
{
    for (QWidget *widget : { static_cast<QWidget *>(m_path), static_cast<QWidget *>(m_csv),
             static_cast<QWidget *>(m_jsonl), static_cast<QWidget *>(m_includeJson),
             static_cast<QWidget *>(m_formulaGuard), static_cast<QWidget *>(m_bom),
             static_cast<QWidget *>(m_unmasked), static_cast<QWidget *>(m_exportButton) }) {
        widget->setEnabled(!running);
    }
    if (!running) {
        formatChanged();
    }
    m_progress->setVisible(running);
    if (running) {
        m_openFolder->hide();
        if (m_expectedRows && *m_expectedRows > 0) {
            m_progress->setRange(0, 1000);
            m_progress->setValue(0);
        } else {
            m_progress->setRange(0, 0);
        }
    }
}

void ExportDialog::onProgress(quint64 requestId, qint64 rows)
{
    if (!m_request.isCurrent(requestId)) {
        return;
    }
    const QLocale locale;
    const double seconds = std::max(0.001, m_timer.elapsed() / 1000.0);
    const qint64 rate = qRound64(rows / seconds);
    QString text = tr("%1 rows written · %2 rows/s", nullptr, pluralCount(rows))
                       .arg(locale.toString(rows), locale.toString(rate));
    if (m_expectedRows && *m_expectedRows > 0 && rate > 0) {
        // The estimate may be off: never past 100 %, never a negative time left.
        m_progress->setValue(
            static_cast<int>(std::min<qint64>(1000, rows * 1000 / *m_expectedRows)));
        const qint64 remaining = std::max<qint64>(0, *m_expectedRows - rows);
        if (remaining < rate) {
            text += tr(" · less than a second left");
        } else {
            // Rounded up: "about 0 s left" while rows remain would be wrong.
            text += tr(" · about %1 s left").arg(locale.toString((remaining + rate - 1) / rate));
        }
    }
    m_status->setText(text);
}

void ExportDialog::onFinished(quint64 requestId, qint64 rows, const QString &path)
{
    if (!m_request.take(requestId)) {
        return;
    }
    setRunning(false);
    m_status->setText(tr("Wrote %1 entries to %2 in %3 s.", nullptr, pluralCount(rows))
                          .arg(QLocale().toString(rows), QDir::toNativeSeparators(path))
                          .arg(m_timer.elapsed() / 1000.0, 0, 'f', 1));
    m_openFolder->show();
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Close"));
    emit finished(rows, path);
}

void ExportDialog::onFailed(quint64 requestId, const QueryError &error)
{
    if (!m_connected && m_connect.take(requestId)) {
        m_status->setText(error.message);
        return;
    }
    if (!m_request.take(requestId)) {
        return;
    }
    setRunning(false);
    m_status->setText(error.kind == QueryError::Kind::Cancelled
            ? tr("Export cancelled; no file was written.")
            : error.message);
    emit failed(error.message);
}

void ExportDialog::reject()
{
    if (isRunning()) {
        // The first Cancel stops the export (the file is not written); the next closes.
        m_request.cancel();
        return;
    }
    QDialog::reject();
}
