#include "llmtext.h"

#include "displaytext.h"
#include "durationtext.h"

#include <QLocale>

QString LlmText::callName(const LlmCall &call)
{
    QString name = call.scope ? visibleText(*call.scope) : tr("(no scope)");
    if (call.model) {
        name += QStringLiteral(" · ") + visibleText(*call.model);
    }
    return name;
}

QString LlmText::count(const std::optional<qint64> &value)
{
    return value ? QLocale().toString(*value) : QStringLiteral("—");
}

QString LlmText::tokens(const LlmCall &call)
{
    return tr("in %1 · out %2 · cached %3 · total %4")
        .arg(count(call.inputTokens), count(call.outputTokens), count(call.cachedTokens),
            count(call.totalTokens));
}

QString LlmText::tokens(const LlmTokens &tokens)
{
    const QLocale locale;
    return tr("in %1 · out %2 · cached %3 · total %4")
        .arg(locale.toString(tokens.input), locale.toString(tokens.output),
            locale.toString(tokens.cached), locale.toString(tokens.total));
}

QString LlmText::shortTokens(const LlmCall &call)
{
    std::optional<qint64> total = call.totalTokens;
    if (!total && (call.inputTokens || call.outputTokens)) {
        total = call.inputTokens.value_or(0) + call.outputTokens.value_or(0);
    }
    return total ? tr("%1 tok").arg(QLocale().toString(*total)) : QString();
}

std::optional<qint64> LlmText::durationMicros(const LlmCall &call)
{
    if (call.durationMs) {
        return *call.durationMs * 1000;
    }
    if (call.endedAt && call.endedAt->isFinite() && call.startedAt.isFinite()) {
        return call.endedAt->usecsSinceEpoch() - call.startedAt.usecsSinceEpoch();
    }
    return std::nullopt;
}

QString LlmText::duration(const LlmCall &call)
{
    const std::optional<qint64> micros = durationMicros(call);
    return micros ? readableDuration(*micros) : QStringLiteral("—");
}

QString LlmText::status(const QString &status)
{
    if (status == QLatin1String("success")) {
        return tr("success");
    }
    if (status == QLatin1String("error")) {
        return tr("✖ error");
    }
    return QStringLiteral("✖ ") + visibleText(status);
}

QString LlmText::statusBadge(const QString &status)
{
    return status == QLatin1String("success") ? QStringLiteral("ok") : QStringLiteral("failed");
}

QString LlmText::wallTime(const LlmRun &run)
{
    const std::optional<qint64> micros = run.spanMicros();
    return micros ? readableDuration(*micros) : QStringLiteral("—");
}

QString LlmText::orNone(const std::optional<QString> &text)
{
    return text ? isolatedText(*text) : tr("(none)");
}
