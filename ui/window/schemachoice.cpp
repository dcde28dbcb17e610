#include "schemachoice.h"

#include <QCoreApplication>

#include <algorithm>
#include <climits>

namespace SchemaChoice {

QString label(const AuditSchema &schema)
{
    if (!schema.estimatedRows) {
        return QCoreApplication::translate("SchemaChoice", "%1 — rows not counted yet")
            .arg(schema.schema);
    }
    // tr() counts in int; an estimate past two billion rows reads as that.
    const int rows = int(std::min<qint64>(*schema.estimatedRows, INT_MAX));
    return QCoreApplication::translate(
        "SchemaChoice", "%1 — about %Ln rows", "a schema and its estimated rows", rows)
        .arg(schema.schema);
}

QString noneMessage(const QString &table)
{
    return QCoreApplication::translate("SchemaChoice",
        "This database has no table %1 in any schema. Hindsight creates its audit table when "
        "auditing is enabled (HINDSIGHT_API_AUDIT_LOG_ENABLED=true); connect to the database "
        "Hindsight writes to.")
        .arg(table);
}

} // namespace SchemaChoice
