#pragma once

#include "llmcall.h"

#include <QWidget>

class QLabel;
class QLineEdit;

// The scalar columns of one LLM call above its documents: id (copyable), operation, status
// (an error in red and marked ✖), scope, provider and model, bank, tenant, started and ended
// with microseconds (the other zone in the tooltip), duration, tokens in / out / cached /
// total, and the run's trace and span ids. Database text is display-safe.
// Thread: the GUI thread.
class LlmCallHeader : public QWidget
{
    Q_OBJECT
public:
    explicit LlmCallHeader(QWidget *parent = nullptr);

    void setCall(const LlmCall &call);
    void setPendingId(const QString &id);
    void setUtc(bool utc);
    bool isUtc() const { return m_utc; }
    QString id() const;

private:
    void showTimes();

    LlmCall m_call;
    bool m_hasCall = false;
    bool m_utc = false;
    QLineEdit *m_id;
    QLabel *m_operation;
    QLabel *m_status;
    QLabel *m_scope;
    QLabel *m_model;
    QLabel *m_bank;
    QLabel *m_tenant;
    QLabel *m_started;
    QLabel *m_ended;
    QLabel *m_duration;
    QLabel *m_tokens;
    QLabel *m_trace;
    QLabel *m_span;
};
