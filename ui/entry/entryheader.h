#pragma once

#include "auditentry.h"

#include <QWidget>

class QLabel;
class QLineEdit;

// The scalar columns of one entry above its documents: id (copyable), tenant, action, transport
// and status badges, bank, started / ended with microseconds (the other zone in the
// tooltip) and duration. Database text is shown as plain text with control and bidi
// characters made visible.
// Thread: the GUI thread.
class EntryHeader : public QWidget
{
    Q_OBJECT
public:
    explicit EntryHeader(QWidget *parent = nullptr);

    void setEntry(const AuditEntry &entry);
    // Another entry is on its way: its id replaces the shown one.
    void setPendingId(const QString &id);
    void setUtc(bool utc);
    bool isUtc() const { return m_utc; }
    QString id() const;
    // The schema the shown entry was read from (its tenant); empty before one is shown.
    QString schema() const { return m_hasEntry ? m_entry.schema : QString(); }

    // `text` for a label: isolatedText() of displaytext.h.
    static QString displayText(const QString &text);
    // A label for a value of the database: plain, selectable, cut at the edge.
    static QLabel *makeValue(const QString &objectName);
    // `time` on `label` with microseconds, in UTC or local time as `utc` says, the other zone
    // in its tooltip.
    static void showTime(QLabel *label, const AuditTimestamp &time, bool utc);

private:
    void showTimes();

    AuditEntry m_entry;
    bool m_hasEntry = false;
    bool m_utc = false;
    QLineEdit *m_id;
    QLabel *m_action;
    QLabel *m_transport;
    QLabel *m_bank;
    QLabel *m_started;
    QLabel *m_ended;
    QLabel *m_duration;
    QLabel *m_status;
    QLabel *m_tenant;
};
