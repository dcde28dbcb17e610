#include "audittablemodel.h"
#include "durationtext.h"
#include "hindsightsecrets.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>

#include <gtest/gtest.h>

namespace {

AuditEntry entry(
    const char *id, qint64 startUsecs, std::optional<qint64> durationUsecs, bool hasResponse)
{
    AuditEntry e;
    e.id = QString::fromLatin1(id);
    e.action = QStringLiteral("retain");
    e.transport = QStringLiteral("http");
    e.bankId = QStringLiteral("bank-1");
    e.startedAt = AuditTimestamp::fromUsecsSinceEpoch(startUsecs);
    if (durationUsecs) {
        e.endedAt = AuditTimestamp::fromUsecsSinceEpoch(startUsecs + *durationUsecs);
    }
    e.hasResponse = hasResponse;
    return e;
}

} // namespace

TEST(AuditTableModel, PassesTheItemModelTesterThroughResetsAndMarks)
{
    AuditTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setEntries({ entry("a", 1774606530123456LL, 1000, true),
        entry("b", 1774606529000000LL, std::nullopt, false) });
    model.setEntries(
        { entry("c", 1774606531000000LL, 5, true), entry("a", 1774606530123456LL, 1000, true) },
        true);
    EXPECT_TRUE(model.index(0, 0).data(AuditTableModel::IsNewRole).toBool());
    EXPECT_FALSE(model.index(1, 0).data(AuditTableModel::IsNewRole).toBool());
    model.clearNewMarks();
    EXPECT_FALSE(model.index(0, 0).data(AuditTableModel::IsNewRole).toBool());
    model.setUtc(true);
    model.setEntries({});
    EXPECT_EQ(model.rowCount(), 0);
}

TEST(AuditTableModel, TimeCellsShowMillisecondsAndCopiesKeepMicroseconds)
{
    AuditTableModel model;
    model.setUtc(true);
    model.setEntries({ entry("a", 1774606530123456LL, 12345, true) });
    const QModelIndex time = model.index(0, AuditTableModel::TimeColumn);
    EXPECT_EQ(time.data().toString().toStdString(), "2026-03-27 10:15:30.123");
    EXPECT_EQ(time.data(AuditTableModel::RawTextRole).toString().toStdString(),
        "2026-03-27 10:15:30.123456 +00:00");
    EXPECT_TRUE(time.data(Qt::ToolTipRole)
                    .toString()
                    .contains(QLatin1String("2026-03-27T10:15:30.123456Z")));
    EXPECT_EQ(model.index(0, AuditTableModel::DurationColumn)
                  .data(AuditTableModel::RawTextRole)
                  .toString()
                  .toStdString(),
        "12.345 ms");
    EXPECT_EQ(
        model.headerData(AuditTableModel::TimeColumn, Qt::Horizontal).toString().toStdString(),
        "Started (UTC)");
}

TEST(AuditTableModel, StatusFollowsEndAndResponse)
{
    AuditTableModel model;
    model.setEntries({ entry("ok", 0, 10, true), entry("failed", 0, 10, false),
        entry("running", 0, std::nullopt, false) });
    EXPECT_EQ(model.index(0, AuditTableModel::StatusColumn).data().toString().toStdString(), "ok");
    EXPECT_EQ(
        model.index(1, AuditTableModel::StatusColumn).data().toString().toStdString(), "failed");
    EXPECT_EQ(
        model.index(2, AuditTableModel::StatusColumn).data().toString().toStdString(), "running");
    EXPECT_TRUE(model.index(2, AuditTableModel::DurationColumn).data().toString().isEmpty());
    EXPECT_EQ(model.rowOfId(QStringLiteral("failed")), 1);
    EXPECT_EQ(model.rowOfId(QStringLiteral("absent")), -1);
}

TEST(AuditTableModel, DurationsReadByTheOneRuleWithTheExactValueInTheTooltip)
{
    AuditTableModel model;
    QList<AuditEntry> entries;
    const QList<qint64> durations { 412, 8'079, 12'345, 84'213, 842'000, 4'560'000, 45'600'000,
        62'000'000, 3'723'000'000LL };
    for (const qint64 usecs : durations) {
        entries.append(entry("x", 0, usecs, true));
    }
    model.setEntries(entries);
    for (int row = 0; row < durations.size(); ++row) {
        const QModelIndex cell = model.index(row, AuditTableModel::DurationColumn);
        EXPECT_EQ(cell.data().toString(), readableDuration(durations.at(row)));
        EXPECT_TRUE(
            cell.data(Qt::ToolTipRole).toString().contains(exactDuration(durations.at(row))))
            << cell.data(Qt::ToolTipRole).toString().toStdString();
    }
    // The same precision in every cell: "8.08 ms" beside "84.2 ms", not "8.079 ms".
    EXPECT_EQ(
        model.index(1, AuditTableModel::DurationColumn).data().toString(), readableDuration(8'079));
    EXPECT_EQ(readableDuration(8'079, QLocale::c()).toStdString(), "8.08 ms");
}

TEST(AuditTableModel, DatabaseTextIsShownLiterallyWithControlsVisible)
{
    AuditTableModel model;
    AuditEntry hostile = entry("h", 1774606530123456LL, 1000, true);
    hostile.bankId = QStringLiteral("<img src=x onerror=alert(1)>");
    hostile.action = QStringLiteral("recall\u202Eexe.txt");
    hostile.transport = QStringLiteral("ht\u200Btp\n");
    model.setEntries({ hostile });
    const QModelIndex bank = model.index(0, AuditTableModel::BankColumn);
    EXPECT_EQ(bank.data().toString(), QStringLiteral("<img src=x onerror=alert(1)>"));
    // Qt would take the bare text for rich text in a tooltip; escaped inside <qt> it is not.
    EXPECT_EQ(bank.data(Qt::ToolTipRole).toString(),
        QStringLiteral("<qt>&lt;img src=x onerror=alert(1)&gt;</qt>"));
    EXPECT_EQ(model.index(0, AuditTableModel::ActionColumn).data().toString(),
        QStringLiteral("recall<U+202E>exe.txt"));
    EXPECT_EQ(model.index(0, AuditTableModel::TransportColumn).data().toString(),
        QStringLiteral("ht<U+200B>tp\u240A"));
    // Copies keep the stored value.
    EXPECT_EQ(bank.data(AuditTableModel::RawTextRole).toString(), *hostile.bankId);
}

namespace {

AuditEntry entryWithRequest(const QString &id, const QString &request, bool goesOn = false)
{
    AuditEntry entry;
    entry.id = id;
    entry.action = QStringLiteral("create_webhook");
    entry.transport = QStringLiteral("http");
    entry.startedAt = AuditTimestamp::fromUsecsSinceEpoch(1774606530123456);
    entry.requestStart = request;
    entry.requestGoesOn = goesOn;
    return entry;
}

} // namespace

TEST(AuditTableModel, RequestPreviewIsMaskedInTheCellTheTooltipAndCopies)
{
    AuditTableModel model;
    model.setMasker(SecretMasker(MaskingRules::defaults()));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QList<AuditEntry> entries;
    const QStringList documents = HindsightSecrets::documents();
    for (int i = 0; i < documents.size(); ++i) {
        entries.append(entryWithRequest(QString::number(i), documents[i]));
    }
    // Cut where PostgreSQL's left() would cut: inside the webhook secret.
    entries.append(entryWithRequest(QStringLiteral("cut"),
        HindsightSecrets::createWebhook.left(
            HindsightSecrets::createWebhook.indexOf(HindsightSecrets::webhookSecret) + 10),
        true));
    AuditEntry none = entryWithRequest(QStringLiteral("none"), QString());
    none.requestStart.reset();
    entries.append(none);
    model.setEntries(entries);

    EXPECT_EQ(model.headerData(AuditTableModel::RequestColumn, Qt::Horizontal).toString(),
        QStringLiteral("Request"));
    const auto cell = [&](int row, int role) {
        return model.index(row, AuditTableModel::RequestColumn).data(role).toString();
    };
    for (int row = 0; row < model.rowCount(); ++row) {
        for (int role :
            { int(Qt::DisplayRole), int(AuditTableModel::RawTextRole), int(Qt::ToolTipRole) }) {
            EXPECT_TRUE(HindsightSecrets::leaked(cell(row, role)).isEmpty())
                << row << ": " << cell(row, role).toStdString();
        }
    }
    EXPECT_EQ(cell(0, AuditTableModel::RawTextRole).toStdString(),
        R"({"url":"https://hooks.example.com/hindsight","secret":"••••","event_types":)"
        R"(["retain.completed"],"http_config":{"method":"POST","timeout_seconds":30,)"
        R"("headers":{"Authorization":"Bearer ••••","X-Tenant":"••••"}}})");
    // The cell shortens long strings; the numbers stay exact.
    EXPECT_EQ(cell(0, Qt::DisplayRole).toStdString(),
        "{\"url\":\"https://hooks.example.com/hindsight\",\"secret\":\"••••\",\"event_types\":"
        "[\"retain.completed\"],\"http_config\":{\"method\":\"POST\",\"timeout_seconds\":30,"
        "\"headers\":{\"Authorization\":\"Bearer ••••\",\"X-Tenant\":\"••••\"}}}");
    EXPECT_TRUE(cell(1, Qt::DisplayRole).contains(QLatin1String("\"trace\":12345678901234567890")));
    EXPECT_TRUE(cell(4, Qt::DisplayRole).endsWith(QStringLiteral("\"secret\":\"••••\"…")))
        << cell(4, Qt::DisplayRole).toStdString();
    EXPECT_TRUE(cell(5, Qt::DisplayRole).isEmpty());
    EXPECT_FALSE(model.index(5, AuditTableModel::RequestColumn).data(Qt::ToolTipRole).isValid());

    // Other rules: the previews follow at once.
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setMasker(SecretMasker(MaskingRules { { QStringLiteral("url") }, {} }));
    EXPECT_EQ(changed.size(), 1);
    EXPECT_TRUE(cell(0, Qt::DisplayRole).startsWith(QStringLiteral("{\"url\":\"••••\"")));
    EXPECT_TRUE(cell(0, Qt::DisplayRole).contains(HindsightSecrets::webhookSecret.left(20)));
}

TEST(AuditTableModel, EndedCellsShowMillisecondsAndTheTooltipMicroseconds)
{
    AuditTableModel model;
    model.setUtc(true);
    model.setEntries({ entry("a", 1774606530123456LL, 1'000'001, true),
        entry("b", 1774606529000000LL, std::nullopt, false) });
    const QModelIndex ended = model.index(0, AuditTableModel::EndedColumn);
    EXPECT_EQ(ended.data().toString(), QStringLiteral("2026-03-27 10:15:31.123"));
    EXPECT_EQ(ended.data(AuditTableModel::RawTextRole).toString(),
        QStringLiteral("2026-03-27 10:15:31.123457 +00:00"));
    EXPECT_TRUE(ended.data(Qt::ToolTipRole)
                    .toString()
                    .contains(QLatin1String("2026-03-27T10:15:31.123457Z")))
        << ended.data(Qt::ToolTipRole).toString().toStdString();
    const QModelIndex running = model.index(1, AuditTableModel::EndedColumn);
    EXPECT_EQ(running.data().toString(), QString());
    EXPECT_TRUE(running.data(Qt::ToolTipRole).toString().contains(QLatin1String("running")));
    EXPECT_EQ(model.headerData(AuditTableModel::EndedColumn, Qt::Horizontal).toString(),
        QStringLiteral("Ended (UTC)"));
    model.setUtc(false);
    EXPECT_EQ(model.headerData(AuditTableModel::EndedColumn, Qt::Horizontal).toString(),
        QStringLiteral("Ended"));
}

TEST(AuditTableModel, SizeCellsReadInUnitsWithExactBytesInTheTooltipAndCopies)
{
    AuditTableModel model;
    QList<AuditEntry> entries;
    for (const qint64 bytes : { 0LL, 812LL, 1'234'567LL }) {
        AuditEntry e = entry("a", 1774606530123456LL, 1000, true);
        e.storedBytes = bytes;
        entries.append(e);
    }
    model.setEntries(entries);
    const auto cell = [&](int row, int role) {
        return model.index(row, AuditTableModel::SizeColumn).data(role).toString();
    };
    EXPECT_EQ(cell(0, Qt::DisplayRole), QStringLiteral("0 bytes"));
    EXPECT_EQ(cell(1, Qt::DisplayRole), QStringLiteral("812 bytes"));
    EXPECT_EQ(cell(2, Qt::DisplayRole), QStringLiteral("1.2 MB"));
    EXPECT_TRUE(cell(2, Qt::ToolTipRole).contains(QLatin1String("1,234,567 bytes stored")))
        << cell(2, Qt::ToolTipRole).toStdString();
    EXPECT_EQ(cell(2, AuditTableModel::RawTextRole), QStringLiteral("1234567"));
    EXPECT_EQ(model.index(2, AuditTableModel::SizeColumn).data(Qt::TextAlignmentRole),
        QVariant(Qt::AlignRight | Qt::AlignVCenter));
    EXPECT_EQ(model.headerData(AuditTableModel::SizeColumn, Qt::Horizontal).toString(),
        QStringLiteral("Size"));
    EXPECT_TRUE(model.headerData(AuditTableModel::SizeColumn, Qt::Horizontal, Qt::ToolTipRole)
                    .toString()
                    .contains(QLatin1String("Not sortable")));
}
