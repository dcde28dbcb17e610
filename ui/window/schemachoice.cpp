#include "schemachoice.h"

#include "tenantlistmodel.h"

#include <QCoreApplication>

namespace SchemaChoice {

QString label(const AuditSchema &schema)
{
    return TenantListModel::schemaLabel(schema);
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
