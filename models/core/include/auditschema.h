#pragma once

#include <QString>

#include <optional>

// A schema holding a table named like the audit table, as the catalog lists it.
struct AuditSchema
{
    QString schema;
    std::optional<qint64> estimatedRows; // the planner's figure; none before the first ANALYZE
    bool readable = true; // this role holds SELECT on the table (USAGE on the schema included)

    bool operator==(const AuditSchema &) const = default;
};
