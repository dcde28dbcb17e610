#pragma once

#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QToolButton;

// First / previous / next / last, the page size, and "rows 1–50 of ≈ 1,234,567".
// Thread: the GUI thread.
class PaginationBar : public QWidget
{
    Q_OBJECT
public:
    explicit PaginationBar(QWidget *parent = nullptr);

    int pageSize() const;
    void setPageSize(int size);
    // offset: first row shown (0-based) when known; total: rows matching, exact or estimated.
    void setPosition(std::optional<qint64> offset, int rowsShown, std::optional<qint64> total,
        bool totalIsExact);
    void setNavigation(bool hasPrevious, bool hasNext);
    void setBusy(bool busy);
    // A log paged by a cursor that reads forward only (the LLM runs) has no "last": hidden.
    void setLastAvailable(bool available);
    QString positionText() const;

signals:
    void firstRequested();
    void previousRequested();
    void nextRequested();
    void lastRequested();
    void pageSizeChanged(int size);

private:
    QToolButton *m_first;
    QToolButton *m_previous;
    QToolButton *m_next;
    QToolButton *m_last;
    QComboBox *m_pageSize;
    QLabel *m_position;
    bool m_hasPrevious = false;
    bool m_hasNext = false;
    bool m_busy = false;
};
