#include "connectioninfo.h"

#include <QCoreApplication>
#include <QStringList>

namespace {

// A timeout as set: "5 min", "30 s", "200 ms" (whole units, as one types them).
QString timeoutText(qint64 ms)
{
    if (ms % 3'600'000 == 0) {
        return QStringLiteral("%1 h").arg(ms / 3'600'000);
    }
    if (ms % 60'000 == 0) {
        return QStringLiteral("%1 min").arg(ms / 60'000);
    }
    if (ms % 1000 == 0) {
        return QStringLiteral("%1 s").arg(ms / 1000);
    }
    return QStringLiteral("%1 ms").arg(ms);
}

} // namespace

QString ConnectionInfo::guarantees() const
{
    QStringList parts;
    parts.append(readOnly ? QCoreApplication::translate("ConnectionInfo", "read-only")
                          : QCoreApplication::translate("ConnectionInfo", "not read-only"));
    parts.append(statementTimeoutMs > 0
            ? QCoreApplication::translate("ConnectionInfo", "timeout %1")
                  .arg(timeoutText(statementTimeoutMs))
            : QCoreApplication::translate("ConnectionInfo", "no timeout"));
    parts.append(timeZone);
    if (throughPooler) {
        parts.append(QCoreApplication::translate("ConnectionInfo", "through a pooler"));
    }
    return parts.join(QStringLiteral(" · "));
}
