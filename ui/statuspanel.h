#pragma once

#include <QWidget>

#include <optional>

class QLabel;
class QProgressBar;
class QToolButton;

// The permanent part of the status bar: a busy indicator with Cancel, the entry count
// (estimate, then exact), how long the last page took, and where the viewer is connected.
// Thread: the GUI thread.
class StatusPanel : public QWidget
{
    Q_OBJECT
public:
    explicit StatusPanel(QWidget *parent = nullptr);

    // `text` elided to the room there is; `details` and `note` (what had to be left out to
    // connect, shown as a short warning) in full on hover.
    void setConnection(const QString &text, const QString &details = {}, const QString &note = {});
    void setCount(std::optional<qint64> count, bool exact);
    QString countText() const; // "1,234 entries" as shown
    void setPageTime(qint64 milliseconds);
    void setBusy(bool busy);
    bool isBusy() const;

signals:
    void cancelRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void elideConnection();

    QProgressBar *m_busyBar;
    QToolButton *m_cancel;
    QLabel *m_count;
    QLabel *m_timing;
    QLabel *m_connection;
    QString m_connectionText; // before eliding
};
