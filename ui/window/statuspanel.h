#pragma once

#include <QLabel>
#include <QWidget>

#include <optional>

class QProgressBar;
class QToolButton;

// A one-line label that asks for room for all of its text but can shrink to a few
// characters, eliding the end to the width it gets.
class ElidedLabel : public QLabel
{
    Q_OBJECT
public:
    explicit ElidedLabel(const QString &text = {}, QWidget *parent = nullptr);
    void setFullText(const QString &text);
    QString fullText() const { return m_fullText; }
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void elide();

    QString m_fullText;
};

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

private:
    QProgressBar *m_busyBar;
    QToolButton *m_cancel;
    QLabel *m_count;
    QLabel *m_timing;
    ElidedLabel *m_connection;
};
