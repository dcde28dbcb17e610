#include "llmcall.h"

QString LlmCall::runKey() const
{
    return traceId ? *traceId : QStringLiteral("single:") + id;
}

LlmTokens &LlmTokens::operator+=(const LlmTokens &other)
{
    input += other.input;
    output += other.output;
    cached += other.cached;
    total += other.total;
    return *this;
}

std::optional<qint64> LlmRun::spanMicros() const
{
    if (!lastEnd) {
        return std::nullopt;
    }
    return lastEnd->usecsSinceEpoch() - firstStart.usecsSinceEpoch();
}

LlmCounts &LlmCounts::operator+=(const LlmCounts &other)
{
    calls += other.calls;
    for (auto it = other.statuses.cbegin(); it != other.statuses.cend(); ++it) {
        statuses[it.key()] += it.value();
    }
    tokens += other.tokens;
    return *this;
}

LlmCounts LlmStatsSeries::total() const
{
    LlmCounts sum;
    for (const LlmStatsBucket &bucket : buckets) {
        sum += bucket.total;
    }
    return sum;
}

namespace {

struct ActionOperations
{
    const char *action;
    QStringList operations;
};

const QList<ActionOperations> &actionOperations()
{
    // Hindsight's with_config(operation=...) labels, by the audit action that runs them.
    static const QList<ActionOperations> table {
        { "consolidation",
            { QStringLiteral("consolidation"), QStringLiteral("consolidation_dedup") } },
        { "refresh_mental_model",
            { QStringLiteral("refresh_mental_model"), QStringLiteral("mental_model_delta_ops") } },
    };
    return table;
}

} // namespace

QStringList llmOperationsOfAction(const QString &action)
{
    for (const ActionOperations &entry : actionOperations()) {
        if (action == QLatin1String(entry.action)) {
            return entry.operations;
        }
    }
    return { action };
}

QStringList auditActionsOfOperation(const QString &operation)
{
    for (const ActionOperations &entry : actionOperations()) {
        if (entry.operations.contains(operation)) {
            return { QString::fromLatin1(entry.action) };
        }
    }
    return { operation };
}
