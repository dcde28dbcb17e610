#include "entryformat.h"

#include <QStringList>

namespace EntryFormat {

QString jsonString(QStringView text)
{
    QString out;
    out.reserve(text.size() + 2);
    out.append(QLatin1Char('"'));
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        switch (u) {
        case u'"':
            out.append(QLatin1String("\\\""));
            break;
        case u'\\':
            out.append(QLatin1String("\\\\"));
            break;
        case u'\n':
            out.append(QLatin1String("\\n"));
            break;
        case u'\r':
            out.append(QLatin1String("\\r"));
            break;
        case u'\t':
            out.append(QLatin1String("\\t"));
            break;
        case u'\b':
            out.append(QLatin1String("\\b"));
            break;
        case u'\f':
            out.append(QLatin1String("\\f"));
            break;
        default:
            if (u < 0x20) {
                out.append(
                    QStringLiteral("\\u%1").arg(static_cast<int>(u), 4, 16, QLatin1Char('0')));
            } else {
                out.append(c);
            }
        }
    }
    out.append(QLatin1Char('"'));
    return out;
}

QString durationMsJson(const AuditEntry &entry)
{
    const QString text = entry.durationMsText();
    return text.isEmpty() ? QStringLiteral("null") : text;
}

QString jsonLine(const AuditEntry &entry)
{
    const QString null = QStringLiteral("null");
    return QStringLiteral(
        R"({"id":%1,"schema":%2,"action":%3,"transport":%4,"bank_id":%5,"started_at":%6,"ended_at":%7,"duration_ms":%8})")
        .arg(jsonString(entry.id), jsonString(entry.schema), jsonString(entry.action),
            jsonString(entry.transport), entry.bankId ? jsonString(*entry.bankId) : null,
            jsonString(entry.startedAt.toIsoUtc()),
            entry.endedAt ? jsonString(entry.endedAt->toIsoUtc()) : null, durationMsJson(entry));
}

QString csvField(QStringView text, bool formulaGuard)
{
    QString value = text.toString();
    if (formulaGuard && !value.isEmpty()) {
        const QChar first = value.front();
        if (first == QLatin1Char('=') || first == QLatin1Char('+') || first == QLatin1Char('-')
            || first == QLatin1Char('@') || first == QLatin1Char('\t')
            || first == QLatin1Char('\r')) {
            value.prepend(QLatin1Char('\''));
        }
    }
    bool needsQuotes = false;
    for (const QChar c : value) {
        if (c == QLatin1Char(',') || c == QLatin1Char('"') || c == QLatin1Char('\n')
            || c == QLatin1Char('\r')) {
            needsQuotes = true;
            break;
        }
    }
    if (!needsQuotes) {
        return value;
    }
    value.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + value + QLatin1Char('"');
}

QString csvHeader()
{
    return QStringLiteral("id,schema,action,transport,bank_id,started_at,ended_at,duration_ms");
}

QString csvRow(const AuditEntry &entry, bool formulaGuard)
{
    const QStringList fields {
        csvField(entry.id, formulaGuard),
        csvField(entry.schema, formulaGuard),
        csvField(entry.action, formulaGuard),
        csvField(entry.transport, formulaGuard),
        entry.bankId ? csvField(*entry.bankId, formulaGuard) : QString(),
        entry.startedAt.toIsoUtc(),
        entry.endedAt ? entry.endedAt->toIsoUtc() : QString(),
        entry.durationMsText(),
    };
    return fields.join(QLatin1Char(','));
}

} // namespace EntryFormat
