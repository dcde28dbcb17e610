#include "tenantlistmodel.h"

#include "displaytext.h"

#include <algorithm>
#include <climits>

namespace {

const QString kAllTenants = QStringLiteral("%");

int clampedCount(qint64 n)
{
    return int(std::min<qint64>(n, INT_MAX)); // tr() counts in int
}

} // namespace

TenantListModel::TenantListModel(QObject *parent)
    : QAbstractListModel(parent)
    , m_allLabel(patternLabel(kAllTenants))
{
}

void TenantListModel::setSchemas(const QList<AuditSchema> &schemas)
{
    beginResetModel();
    m_schemas = schemas;
    m_allLabel = patternLabel(kAllTenants);
    m_patternLabel = m_pattern.isEmpty() ? QString() : patternLabel(m_pattern);
    endResetModel();
}

void TenantListModel::setPattern(const QString &pattern)
{
    const QString wanted = pattern == kAllTenants ? QString() : pattern;
    if (wanted == m_pattern) {
        return;
    }
    if (!m_pattern.isEmpty()) {
        beginRemoveRows({}, 1, 1);
        m_pattern.clear();
        endRemoveRows();
    }
    if (!wanted.isEmpty()) {
        beginInsertRows({}, 1, 1);
        m_pattern = wanted;
        m_patternLabel = patternLabel(m_pattern);
        endInsertRows();
    }
}

int TenantListModel::rowOfPattern(const QString &pattern) const
{
    if (pattern == kAllTenants) {
        return 0;
    }
    return !m_pattern.isEmpty() && pattern == m_pattern ? 1 : -1;
}

int TenantListModel::rowOfSchema(const QString &schema) const
{
    const auto it = std::find_if(m_schemas.cbegin(), m_schemas.cend(),
        [&](const AuditSchema &candidate) { return candidate.schema == schema; });
    return it == m_schemas.cend() ? -1 : firstSchemaRow() + int(it - m_schemas.cbegin());
}

QRegularExpression TenantListModel::likeExpression(const QString &pattern)
{
    QString expression;
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QChar c = pattern.at(i);
        if (c == QLatin1Char('\\') && i + 1 < pattern.size()) {
            expression += QRegularExpression::escape(pattern.at(++i));
        } else if (c == QLatin1Char('%')) {
            expression += QLatin1String(".*");
        } else if (c == QLatin1Char('_')) {
            expression += QLatin1Char('.');
        } else {
            expression += QRegularExpression::escape(c);
        }
    }
    return QRegularExpression(QRegularExpression::anchoredPattern(expression),
        QRegularExpression::DotMatchesEverythingOption);
}

QList<AuditSchema> TenantListModel::matching(const QString &pattern) const
{
    const QRegularExpression like = likeExpression(pattern);
    QList<AuditSchema> found;
    std::copy_if(m_schemas.cbegin(), m_schemas.cend(), std::back_inserter(found),
        [&](const AuditSchema &schema) { return like.match(schema.schema).hasMatch(); });
    return found;
}

QString TenantListModel::patternLabel(const QString &pattern) const
{
    const QList<AuditSchema> found = matching(pattern);
    qint64 rows = 0;
    for (const AuditSchema &schema : found) {
        rows += schema.readable ? schema.estimatedRows.value_or(0) : 0;
    }
    const QString schemas = tr("%n schemas", "schemas a pattern matches", int(found.size()));
    const QString about = tr("about %Ln rows", nullptr, clampedCount(rows));
    return pattern == kAllTenants
        ? tr("All tenants (%1, %2)").arg(schemas, about)
        : tr("Pattern %1 (%2, %3)").arg(visibleText(pattern), schemas, about);
}

QString TenantListModel::schemaLabel(const AuditSchema &schema)
{
    const QString name = visibleText(schema.schema);
    return schema.estimatedRows ? tr("%1 — about %Ln rows", "a schema and its estimated rows",
               clampedCount(*schema.estimatedRows))
                                      .arg(name)
                                : tr("%1 — rows not counted yet").arg(name);
}

int TenantListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : firstSchemaRow() + int(m_schemas.size());
}

QVariant TenantListModel::data(const QModelIndex &index, int role) const
{
    // A combo box without a current row asks with an invalid index.
    if (!index.isValid()
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const int row = index.row();
    if (row < firstSchemaRow()) {
        const QString pattern = row == 0 ? kAllTenants : m_pattern;
        switch (role) {
        case Qt::DisplayRole:
            return row == 0 ? m_allLabel : m_patternLabel;
        case Qt::EditRole:
            return row == 0 ? tr("All tenants") : pattern;
        case PatternRole:
        case TypedTextRole:
            return pattern;
        case Qt::ToolTipRole:
            return row == 0
                ? tr("Every schema that holds the audit table, read as one log")
                : tr("Every schema whose name matches %1 (%: any text, _: one character)")
                      .arg(pattern);
        case ReadableRole:
            return true;
        default:
            return {};
        }
    }
    const AuditSchema &schema = m_schemas.at(row - firstSchemaRow());
    switch (role) {
    case Qt::DisplayRole:
        if (!schema.readable) {
            return tr("%1 (no access)", "a schema this role may not read")
                .arg(visibleText(schema.schema));
        }
        return schemaLabel(schema);
    case Qt::EditRole:
    case SchemaRole:
    case TypedTextRole:
        return schema.schema;
    case Qt::ToolTipRole:
        return schema.readable
            ? QVariant()
            : QVariant(plainToolTip(
                tr("This database role may not read %1's audit table").arg(schema.schema)));
    case ReadableRole:
        return schema.readable;
    default:
        return {};
    }
}

Qt::ItemFlags TenantListModel::flags(const QModelIndex &index) const
{
    if (!index.isValid()) {
        return Qt::NoItemFlags;
    }
    if (!data(index, ReadableRole).toBool()) {
        return Qt::NoItemFlags; // shown greyed, not chosen
    }
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}
