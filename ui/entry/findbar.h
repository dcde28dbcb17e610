#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QToolButton;

// The Find row under a text view: the search text, a "3 of 17" count, previous / next
// and close. Enter or F3 asks for the next match, Shift+Enter or Shift+F3 the previous,
// Esc closes; the keys are taken here so they never reach the dialog's default button.
// Thread: the GUI thread.
class FindBar : public QWidget
{
    Q_OBJECT
public:
    explicit FindBar(QWidget *parent = nullptr);

    QString text() const;
    void setText(const QString &text);
    // Shows the bar and selects its text for typing over.
    void activate();
    void setStatus(const QString &status, bool noMatch);
    QString status() const;

signals:
    void textChanged(const QString &text);
    void nextRequested();
    void previousRequested();
    void closeRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QLineEdit *m_edit;
    QLabel *m_status;
};
