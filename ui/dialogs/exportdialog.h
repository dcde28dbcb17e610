#pragma once

#include "auditexporter.h"
#include "auditfilter.h"
#include "connectionsettings.h"
#include "latestrequest.h"
#include "llmfilter.h"

#include <QDialog>
#include <QElapsedTimer>

#include <functional>
#include <optional>

class AuditWorker;
class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
struct QueryError;

// File → Export…: writes every entry matching the table's filter, in the table's order,
// to CSV or JSON Lines on a worker and connection of its own, so the main window stays
// usable. Shows rows written, rows per second and the time left; Cancel leaves no file
// (and an existing one untouched); at the end, where the file is and "Open folder".
// Secrets in the documents are masked by the active rules unless "Include secrets
// unmasked" is ticked (it never is to begin with, and it warns).
// Thread: the GUI thread.
class ExportDialog : public QDialog
{
    Q_OBJECT
public:
    ExportDialog(const ConnectionSettings &settings, const AuditFilter &filter, SortOrder order,
        std::optional<qint64> expectedRows, QWidget *parent = nullptr);
    // The LLM calls matching `filter` (Hindsight's llm_requests), newest or oldest first.
    ExportDialog(const ConnectionSettings &settings, const LlmFilter &filter, bool oldestFirst,
        std::optional<qint64> expectedRows, QWidget *parent = nullptr);
    ~ExportDialog() override;

    void setPath(const QString &path);
    QString path() const;
    ExportOptions options() const;
    bool isRunning() const { return m_request.isPending(); }
    QString statusText() const;
    // Cancel: stops a running export (no file is written), otherwise closes.
    void reject() override;

public slots:
    void start();

signals:
    void finished(qint64 rows, const QString &path);
    void failed(const QString &message);

private:
    // Starts the export on the worker: the one thing the two logs do differently.
    using ExportStarter = std::function<quint64(
        AuditWorker *worker, const ExportOptions &options, const QString &path)>;
    ExportDialog(const ConnectionSettings &settings, ExportStarter startExport,
        std::optional<qint64> expectedRows, QWidget *parent);
    void browse();
    void formatChanged();
    void onProgress(quint64 requestId, qint64 rows);
    void onFinished(quint64 requestId, qint64 rows, const QString &path);
    void onFailed(quint64 requestId, const QueryError &error);
    void setRunning(bool running);

    AuditWorker *m_worker;
    ConnectionSettings m_settings;
    ExportStarter m_startExport;
    std::optional<qint64> m_expectedRows;
    LatestRequest m_connect;
    LatestRequest m_request; // one export at a time: start() waits for the last to end
    bool m_connected = false;
    QElapsedTimer m_timer;

    QLineEdit *m_path;
    QRadioButton *m_csv;
    QRadioButton *m_jsonl;
    QCheckBox *m_includeJson;
    QCheckBox *m_formulaGuard;
    QCheckBox *m_bom;
    QCheckBox *m_unmasked;
    QLabel *m_unmaskedWarning;
    QProgressBar *m_progress;
    QLabel *m_status;
    QPushButton *m_openFolder;
    QPushButton *m_exportButton;
    QDialogButtonBox *m_buttons;
};
