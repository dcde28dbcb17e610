#pragma once

#include "llmcall.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

// The words and numbers the LLM windows share: a call's name, its tokens, its status, a
// run's totals. Database text comes back display-safe (displaytext.h).
// Thread: the GUI thread (translations).
class LlmText
{
    Q_DECLARE_TR_FUNCTIONS(LlmText)

public:
    // "retain_extract_facts · gpt-4o-mini"; "(no scope)" without one.
    static QString callName(const LlmCall &call);
    // "1,234" for a count, "—" for NULL.
    static QString count(const std::optional<qint64> &value);
    // "in 1,234 · out 567 · cached 0 · total 1,801" (a NULL count reads "—").
    static QString tokens(const LlmCall &call);
    static QString tokens(const LlmTokens &tokens);
    // "1,801 tok" for a bar: the total, else input + output, else empty.
    static QString shortTokens(const LlmCall &call);
    // The call's duration as stored (duration_ms), else ended - started; "—" without either.
    static QString duration(const LlmCall &call);
    static std::optional<qint64> durationMicros(const LlmCall &call);
    // "success", "✖ error" (the mark so that colour is not the only sign), other statuses as
    // stored.
    static QString status(const QString &status);
    // The badge colour key of a status for Theme::badge: "ok", "failed" or the value.
    static QString statusBadge(const QString &status);
    // A run's wall time, "—" without an end.
    static QString wallTime(const LlmRun &run);
    // Database text for a label, or `none` when it is NULL.
    static QString orNone(const std::optional<QString> &text);
};
