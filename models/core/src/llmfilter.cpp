#include "llmfilter.h"

bool LlmFilter::isEmpty() const
{
    return operations.isEmpty() && statuses.isEmpty() && scopes.isEmpty() && providers.isEmpty()
        && models.isEmpty() && !bank && !traceId && !documentId && !memoryId && !since && !until
        && !minDurationMs && search.isEmpty() && schemas.isEmpty();
}

QString LlmFilter::cacheKey() const
{
    // One binding per field: a new member of LlmFilter is a compile error here.
    const auto &[operationList, statusList, scopeList, providerList, modelList, bankId, trace,
        document, memory, from, to, minDuration, searchText, schemaList]
        = *this;
    // Each text carries its length, so no value can imitate a separator or another field.
    const auto text = [](QChar tag, const QString &value) {
        return tag + QString::number(value.size()) + QLatin1Char(':') + value;
    };
    const auto list = [&text](QChar tag, const QStringList &values) {
        QString key = tag + QString::number(values.size());
        for (const QString &value : values) {
            key += text(QLatin1Char(':'), value);
        }
        return key;
    };
    const auto optionalText = [&text](QChar tag, const std::optional<QString> &value) {
        return value ? text(tag, *value) : QString(tag) + QLatin1Char('-');
    };
    const auto optionalNumber = [](QChar tag, std::optional<qint64> value) {
        return value ? tag + QString::number(*value) : QString(tag) + QLatin1Char('-');
    };
    const auto usecs = [](const std::optional<AuditTimestamp> &time) {
        return time ? std::optional<qint64>(time->usecsSinceEpoch()) : std::nullopt;
    };
    return list(QLatin1Char('o'), operationList) + list(QLatin1Char('s'), statusList)
        + list(QLatin1Char('c'), scopeList) + list(QLatin1Char('p'), providerList)
        + list(QLatin1Char('m'), modelList) + optionalText(QLatin1Char('b'), bankId)
        + optionalText(QLatin1Char('t'), trace) + optionalText(QLatin1Char('d'), document)
        + optionalText(QLatin1Char('y'), memory) + optionalNumber(QLatin1Char('f'), usecs(from))
        + optionalNumber(QLatin1Char('u'), usecs(to))
        + optionalNumber(QLatin1Char('r'), minDuration) + text(QLatin1Char('q'), searchText)
        + list(QLatin1Char('n'), schemaList);
}
