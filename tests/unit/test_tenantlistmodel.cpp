#include "tenantlistmodel.h"

#include <QAbstractItemModelTester>
#include <QLocale>

#include <gtest/gtest.h>

namespace {

QList<AuditSchema> threeTenants()
{
    return { { QStringLiteral("tenant_a"), 2000, true }, { QStringLiteral("tenant_b"), 500, true },
        { QStringLiteral("tenantxc"), std::nullopt, false } };
}

} // namespace

TEST(TenantListModel, ListsAllTenantsThenEverySchemaWithItsRows)
{
    TenantListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setSchemas(threeTenants());
    ASSERT_EQ(model.rowCount(), 4);
    // Only the readable schemas' rows are counted: an unreadable one is skipped.
    EXPECT_EQ(model.index(0).data().toString(),
        QStringLiteral("All tenants (3 schemas, about %1 rows)").arg(QLocale().toString(2500)));
    EXPECT_EQ(model.index(0).data(TenantListModel::PatternRole).toString(), QStringLiteral("%"));
    EXPECT_EQ(model.index(1).data().toString(),
        QStringLiteral("tenant_a — about %1 rows").arg(QLocale().toString(2000)));
    EXPECT_EQ(
        model.index(1).data(TenantListModel::SchemaRole).toString(), QStringLiteral("tenant_a"));
    EXPECT_EQ(model.index(3).data().toString(), QStringLiteral("tenantxc (no access)"));
    EXPECT_FALSE(model.flags(model.index(3)) & Qt::ItemIsEnabled);
    EXPECT_TRUE(model.flags(model.index(2)) & Qt::ItemIsEnabled);
    EXPECT_EQ(model.rowOfSchema(QStringLiteral("tenant_b")), 2);
    EXPECT_EQ(model.rowOfSchema(QStringLiteral("absent")), -1);
}

TEST(TenantListModel, ATypedPatternGetsARowCountingTheSchemasItMatches)
{
    TenantListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setSchemas(threeTenants());
    model.setPattern(QStringLiteral("tenant\\_%"));
    ASSERT_EQ(model.rowCount(), 5);
    EXPECT_EQ(model.rowOfPattern(QStringLiteral("tenant\\_%")), 1);
    EXPECT_EQ(model.index(1).data(Qt::EditRole).toString(), QStringLiteral("tenant\\_%"));
    EXPECT_TRUE(
        model.index(1).data().toString().startsWith(QStringLiteral("Pattern tenant\\_% (")));
    EXPECT_EQ(model.rowOfSchema(QStringLiteral("tenant_a")), 2);
    model.setPattern(QStringLiteral("%")); // All tenants has its own row
    EXPECT_EQ(model.rowCount(), 4);
}

TEST(TenantListModel, PatternsMatchAsLikeDoes)
{
    TenantListModel model;
    model.setSchemas(threeTenants());
    const auto names = [&](const QString &pattern) {
        QStringList found;
        for (const AuditSchema &schema : model.matching(pattern)) {
            found.append(schema.schema);
        }
        return found.join(QLatin1Char(' ')).toStdString();
    };
    EXPECT_EQ(names(QStringLiteral("%")), "tenant_a tenant_b tenantxc");
    EXPECT_EQ(names(QStringLiteral("tenant_%")), "tenant_a tenant_b tenantxc"); // _ is any one
    EXPECT_EQ(names(QStringLiteral("tenant\\_%")), "tenant_a tenant_b");
    EXPECT_EQ(names(QStringLiteral("tenant_b")), "tenant_b");
    EXPECT_EQ(names(QStringLiteral("Tenant%")), ""); // LIKE is case-sensitive
    EXPECT_EQ(names(QStringLiteral("%.%")), ""); // no regular expression inside
}
