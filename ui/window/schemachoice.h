#pragma once

#include "auditschema.h"

#include <QList>
#include <QString>

// How the window and the connection dialog speak of the schemas that could hold the audit
// table when it is missing from the one asked for.
namespace SchemaChoice {

// "tenant_a — about 12,000 rows" (or "… rows not counted yet"): TenantListModel::schemaLabel.
QString label(const AuditSchema &schema);
// No schema holds a table named `table`: one sentence saying where it comes from.
QString noneMessage(const QString &table);

} // namespace SchemaChoice
