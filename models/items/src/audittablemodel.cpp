#include "audittablemodel.h"

#include "requestpreview.h"

#include "displaytext.h"
#include "durationtext.h"

#include <QLocale>

AuditTableModel::AuditTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void AuditTableModel::setEntries(const QList<AuditEntry> &entries, bool markNew)
{
    QSet<QString> previous;
    std::optional<AuditTimestamp> latestEnd; // the latest ended_at on the page before
    if (markNew) {
        for (const AuditEntry &entry : std::as_const(m_entries)) {
            previous.insert(entry.id);
            if (entry.endedAt && (!latestEnd || *entry.endedAt > *latestEnd)) {
                latestEnd = entry.endedAt;
            }
        }
    }
    beginResetModel();
    m_entries = entries;
    maskPreviews();
    m_newIds.clear();
    if (markNew && !previous.isEmpty()) {
        // New wherever it lands: Hindsight writes a row when the call ends, so a row that
        // arrived since has ended after every row shown before (a long call lands far below
        // the top in time order). A row not shown before that ended earlier was already
        // there and only moved up into the page (rows above it went, as in a retention
        // sweep). A call in flight has no end: new when it was not shown.
        for (const AuditEntry &entry : entries) {
            if (!previous.contains(entry.id)
                && (!entry.endedAt || !latestEnd || *entry.endedAt > *latestEnd)) {
                m_newIds.insert(entry.id);
            }
        }
    }
    endResetModel();
}

void AuditTableModel::clearNewMarks()
{
    if (m_newIds.isEmpty()) {
        return;
    }
    m_newIds.clear();
    if (!m_entries.isEmpty()) {
        emit dataChanged(
            index(0, 0), index(rowCount() - 1, ColumnCount - 1), { IsNewRole, Qt::BackgroundRole });
    }
}

const AuditEntry *AuditTableModel::entryAt(int row) const
{
    return row >= 0 && row < m_entries.size() ? &m_entries.at(row) : nullptr;
}

int AuditTableModel::rowOfId(const QString &id) const
{
    return rowOf(id, QString());
}

int AuditTableModel::rowOf(const QString &id, const QString &schema) const
{
    for (int row = 0; row < m_entries.size(); ++row) {
        const AuditEntry &entry = m_entries.at(row);
        if (entry.id == id && (schema.isEmpty() || entry.schema == schema)) {
            return row;
        }
    }
    return -1;
}

void AuditTableModel::setMasker(const SecretMasker &masker)
{
    m_masker = masker;
    maskPreviews();
    if (!m_entries.isEmpty()) {
        emit dataChanged(index(0, RequestColumn), index(rowCount() - 1, RequestColumn));
    }
}

void AuditTableModel::maskPreviews()
{
    // Masked once per page, not in data(): a page is a hundred short texts.
    m_previews.clear();
    m_previews.reserve(m_entries.size());
    for (const AuditEntry &entry : std::as_const(m_entries)) {
        if (!entry.requestStart) {
            m_previews.append(QPair<QString, QString>());
            continue;
        }
        const QString masked = m_masker.mask(*entry.requestStart);
        m_previews.append(qMakePair(RequestPreview::compact(masked, entry.requestGoesOn, 40),
            RequestPreview::compact(masked, entry.requestGoesOn)));
    }
}

void AuditTableModel::setUtc(bool utc)
{
    if (utc == m_utc) {
        return;
    }
    m_utc = utc;
    m_zone = utc ? QTimeZone::utc() : QTimeZone::systemTimeZone();
    if (!m_entries.isEmpty()) {
        emit dataChanged(index(0, TimeColumn), index(rowCount() - 1, TimeColumn));
        emit dataChanged(index(0, EndedColumn), index(rowCount() - 1, EndedColumn));
    }
    emit headerDataChanged(Qt::Horizontal, TimeColumn, TimeColumn);
    emit headerDataChanged(Qt::Horizontal, EndedColumn, EndedColumn);
}

QString AuditTableModel::durationText(const AuditEntry &entry)
{
    const auto usecs = entry.durationUsecs();
    return usecs ? readableDuration(*usecs) : QString();
}

QString AuditTableModel::sizeText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat);
}

QString AuditTableModel::timeText(const AuditTimestamp &at) const
{
    return at.toDateTime(m_zone).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
}

QString AuditTableModel::cellText(const AuditEntry &entry, int column) const
{
    switch (column) {
    case TimeColumn:
        return timeText(entry.startedAt);
    case EndedColumn:
        return entry.endedAt ? timeText(*entry.endedAt) : QString();
    case SizeColumn:
        return sizeText(entry.storedBytes);
    case ActionColumn:
        return visibleText(entry.action);
    case TransportColumn:
        return visibleText(entry.transport);
    case BankColumn:
        return entry.bankId ? visibleText(*entry.bankId) : QStringLiteral("—");
    case DurationColumn:
        return entry.endedAt ? durationText(entry) : QString();
    case StatusColumn:
        switch (entry.status()) {
        case AuditEntry::Status::Ok:
            return tr("ok");
        case AuditEntry::Status::Failed:
            return tr("failed");
        case AuditEntry::Status::Running:
            return tr("running");
        }
        return {};
    case IdColumn:
        return entry.id;
    case TenantColumn:
        return visibleText(entry.schema);
    default:
        return {};
    }
}

int AuditTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

int AuditTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString AuditTableModel::toolTip(const AuditEntry &entry, int column) const
{
    switch (column) {
    case TimeColumn:
        return tr("Started %1\n%2 UTC")
            .arg(entry.startedAt.toDisplayString(QTimeZone::systemTimeZone()),
                entry.startedAt.toIsoUtc());
    case EndedColumn:
        return entry.endedAt ? tr("Ended %1\n%2 UTC")
                                   .arg(entry.endedAt->toDisplayString(QTimeZone::systemTimeZone()),
                                       entry.endedAt->toIsoUtc())
                             : tr("Still running, or its end was never written");
    case SizeColumn:
        // A jsonb value holds at most 255 MB: two of them fit an int. Never 1: even an
        // empty document takes more.
        return tr("%Ln bytes stored for the request and response (compressed as on disk)", "",
            static_cast<int>(entry.storedBytes));
    case DurationColumn:
        return entry.endedAt
            ? tr("%1 (ended %2)")
                  .arg(entry.durationUsecs() ? exactDuration(*entry.durationUsecs())
                                             : QStringLiteral("\u2014"),
                      entry.endedAt->toIsoUtc())
            : tr("Still running, or its end was never written");
    case BankColumn:
        return entry.bankId ? visibleText(*entry.bankId) : tr("No bank");
    case StatusColumn:
        return entry.status() == AuditEntry::Status::Failed ? tr("Ended without a response")
            : entry.status() == AuditEntry::Status::Running ? tr("No end time recorded yet")
                                                            : tr("Ended with a response");
    default:
        return cellText(entry, column);
    }
}

QVariant AuditTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const AuditEntry &entry = m_entries.at(index.row());
    if (index.column() == RequestColumn
        && (role == Qt::DisplayRole || role == RawTextRole || role == Qt::ToolTipRole)) {
        const QPair<QString, QString> &preview = m_previews.at(index.row());
        if (role == Qt::ToolTipRole && entry.requestStart && entry.requestStart->isEmpty()) {
            return tr("Too large for a preview; open the entry to read it");
        }
        if (role == Qt::ToolTipRole) {
            // Escaped inside <qt>: Qt would take a request holding "<b>" for rich text.
            return preview.second.isEmpty()
                ? QVariant()
                : QVariant(QStringLiteral("<qt>%1</qt>").arg(preview.second.toHtmlEscaped()));
        }
        return role == Qt::DisplayRole ? preview.first : preview.second;
    }
    switch (role) {
    case Qt::DisplayRole:
        return cellText(entry, index.column());
    case RawTextRole:
        switch (index.column()) {
        case TimeColumn:
            return entry.startedAt.toDisplayString(m_zone);
        case EndedColumn:
            return entry.endedAt ? entry.endedAt->toDisplayString(m_zone) : QString();
        case SizeColumn:
            return QString::number(entry.storedBytes);
        case DurationColumn:
            return entry.endedAt ? entry.durationMsText() + QStringLiteral(" ms") : QString();
        case BankColumn:
            return entry.bankId.value_or(QString());
        case TenantColumn:
            return entry.schema;
        default:
            return cellText(entry, index.column());
        }
    case Qt::ToolTipRole:
        return plainToolTip(toolTip(entry, index.column()));
    case Qt::TextAlignmentRole:
        if (index.column() == DurationColumn || index.column() == SizeColumn) {
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        }
        return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case EntryIdRole:
        return entry.id;
    case SchemaRole:
        return entry.schema;
    case StatusRole:
        return static_cast<int>(entry.status());
    case IsNewRole:
        return m_newIds.contains(entry.id);
    default:
        return {};
    }
}

QVariant AuditTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole && section == SizeColumn) {
        // Nothing indexes the size: ordering by it would read every row of the table.
        return tr("Stored size of the request and response, compressed as on disk. Not "
                  "sortable: no index holds it, so ordering by it would read the whole table.");
    }
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case TimeColumn:
        return m_utc ? tr("Started (UTC)") : tr("Started");
    case ActionColumn:
        return tr("Action");
    case TransportColumn:
        return tr("Transport");
    case BankColumn:
        return tr("Bank");
    case DurationColumn:
        return tr("Duration");
    case StatusColumn:
        return tr("Status");
    case IdColumn:
        return tr("ID");
    case RequestColumn:
        return tr("Request");
    case EndedColumn:
        return m_utc ? tr("Ended (UTC)") : tr("Ended");
    case SizeColumn:
        return tr("Size");
    case TenantColumn:
        return tr("Tenant");
    default:
        return {};
    }
}
