#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

// A non-modal strip above the table that shows one error sentence with Retry and Close.
// Thread: the GUI thread.
class ErrorBanner : public QFrame
{
    Q_OBJECT
public:
    explicit ErrorBanner(QWidget *parent = nullptr);

    void showError(const QString &message, bool canRetry = true);
    QString message() const;

signals:
    void retryRequested();

private:
    QLabel *m_icon;
    QLabel *m_text;
    QPushButton *m_retry;
};
