#include "audittablemodel.h"
#include "badgedelegate.h"
#include "celltextdelegate.h"
#include "resultsview.h"
#include "screenshot.h"

#include <QHeaderView>
#include <QStandardItemModel>
#include <QStaticText>
#include <QTableView>

#include <gtest/gtest.h>

namespace {

QList<AuditEntry> somePage(int rows)
{
    QList<AuditEntry> entries;
    const QStringList transports = { "http", "mcp", "system" };
    for (int row = 0; row < rows; ++row) {
        AuditEntry e;
        e.id = QStringLiteral("00000000-0000-0000-0000-%1").arg(row, 12, 10, QLatin1Char('0'));
        e.action = QStringLiteral("recall");
        e.transport = transports.at(row % transports.size());
        e.bankId = QStringLiteral("bank-%1").arg(row % 7);
        e.startedAt = AuditTimestamp::fromUsecsSinceEpoch(1774606530123456LL - row * 1'000'000LL);
        if (row % 5 != 0) {
            e.endedAt = AuditTimestamp::fromUsecsSinceEpoch(e.startedAt.usecsSinceEpoch() + 2500);
        }
        e.hasResponse = row % 3 != 0;
        e.requestStart = QStringLiteral(R"({"query": "where did Alice go in %1?"})").arg(row);
        e.storedBytes = 100 + row * 997;
        entries.append(e);
    }
    return entries;
}

// The header of the version before the Ended and Size columns, as it was saved: eight
// columns, the ID and the request preview hidden, the status stretched over the rest, and
// the action column widened by the operator.
QByteArray headerOfEightColumns()
{
    QStandardItemModel model(0, AuditTableModel::RequestColumn + 1);
    QTableView table;
    table.setModel(&model);
    table.resize(1280, 400);
    QHeaderView *header = table.horizontalHeader();
    header->setStretchLastSection(true);
    header->resizeSection(AuditTableModel::ActionColumn, 333);
    header->hideSection(AuditTableModel::IdColumn);
    header->hideSection(AuditTableModel::RequestColumn);
    table.show();
    header->resizeSection(AuditTableModel::StatusColumn, 640);
    return header->saveState();
}

} // namespace

TEST(ResultsView, ByDefaultThePreviewTakesTheRoomAndBadgeColumnsFitTheirBadges)
{
    AuditTableModel model;
    model.setEntries(somePage(20));
    ResultsView view(&model);
    view.resize(1280, 500);
    view.show();
    saveScreenshot(view, QStringLiteral("results-default.png"));
    const QHeaderView *header = view.horizontalHeader();
    using C = AuditTableModel::Column;
    EXPECT_FALSE(header->isSectionHidden(C::RequestColumn));
    EXPECT_FALSE(header->isSectionHidden(C::EndedColumn));
    EXPECT_FALSE(header->isSectionHidden(C::SizeColumn));
    EXPECT_TRUE(header->isSectionHidden(C::IdColumn));
    EXPECT_EQ(header->visualIndex(C::EndedColumn), header->visualIndex(C::TimeColumn) + 1);
    EXPECT_EQ(header->visualIndex(C::SizeColumn), header->visualIndex(C::DurationColumn) + 1);
    EXPECT_EQ(header->visualIndex(C::RequestColumn), header->count() - 1);
    // The preview stretches over what the others leave; status and transport hold a badge.
    EXPECT_GT(header->sectionSize(C::RequestColumn), 2 * header->sectionSize(C::StatusColumn));
    const QFontMetrics metrics = view.fontMetrics();
    for (const int column : { int(C::StatusColumn), int(C::TransportColumn) }) {
        EXPECT_LT(header->sectionSize(column), 10 * metrics.horizontalAdvance(QLatin1Char('M')))
            << column;
    }
    EXPECT_GE(header->sectionSize(C::StatusColumn),
        BadgeDelegate::badgeWidth(metrics, AuditTableModel::tr("running")));
    EXPECT_GE(
        header->sectionSize(C::TransportColumn), BadgeDelegate::badgeWidth(metrics, "system"));
    // Every column is on screen at the default window width: nothing to scroll sideways.
    EXPECT_LE(header->length(), view.viewport()->width());
}

TEST(ResultsView, AHeaderSavedBeforeTheNewColumnsKeepsItsChoicesAndShowsThePreview)
{
    AuditTableModel model;
    model.setEntries(somePage(20));
    ResultsView fresh(&model);
    ResultsView view(&model);
    view.resize(1280, 500);
    view.show();
    ASSERT_TRUE(view.restoreHeaderState(headerOfEightColumns()));
    saveScreenshot(view, QStringLiteral("results-old-header.png"));
    const QHeaderView *header = view.horizontalHeader();
    using C = AuditTableModel::Column;
    EXPECT_EQ(header->sectionSize(C::ActionColumn), 333); // the operator's width stays
    EXPECT_TRUE(header->isSectionHidden(C::IdColumn));
    EXPECT_FALSE(header->isSectionHidden(C::RequestColumn));
    EXPECT_EQ(header->visualIndex(C::RequestColumn), header->count() - 1);
    EXPECT_EQ(header->visualIndex(C::EndedColumn), header->visualIndex(C::TimeColumn) + 1);
    EXPECT_EQ(header->visualIndex(C::SizeColumn), header->visualIndex(C::DurationColumn) + 1);
    for (const int column : { int(C::EndedColumn), int(C::SizeColumn), int(C::StatusColumn) }) {
        EXPECT_EQ(header->sectionSize(column), fresh.horizontalHeader()->sectionSize(column))
            << column;
    }
    EXPECT_GT(header->sectionSize(C::RequestColumn), 2 * header->sectionSize(C::StatusColumn));

    // A state saved now comes back as it was.
    QHeaderView *now = view.horizontalHeader();
    now->resizeSection(C::SizeColumn, 111);
    now->hideSection(C::EndedColumn);
    const QByteArray saved = view.headerState();
    ResultsView again(&model);
    ASSERT_TRUE(again.restoreHeaderState(saved));
    EXPECT_EQ(again.horizontalHeader()->sectionSize(C::SizeColumn), 111);
    EXPECT_TRUE(again.horizontalHeader()->isSectionHidden(C::EndedColumn));
}

// Performance is measured by the GUI stall probe (bench_gui_stall --phases repaint); this
// counts the expensive calls a repaint must not repeat: laying out a text (shaping it with
// HarfBuzz, eliding it) and drawing a badge.
TEST(ResultsView, RepaintingAPageLaysOutNoTextAndDrawsNoBadgeAgain)
{
    AuditTableModel model;
    model.setEntries(somePage(100));
    ResultsView view(&model);
    view.resize(1280, 3000); // all hundred rows on screen
    view.show();
    auto *texts = qobject_cast<CellTextDelegate *>(view.itemDelegate());
    auto *badges
        = qobject_cast<BadgeDelegate *>(view.itemDelegateForColumn(AuditTableModel::StatusColumn));
    ASSERT_NE(texts, nullptr);
    ASSERT_NE(badges, nullptr);
    EXPECT_EQ(view.itemDelegateForColumn(AuditTableModel::TransportColumn), badges);
    view.grab();
    // Three transports and three statuses: each drawn once for two hundred cells.
    EXPECT_EQ(badges->drawnBadges(), 6);
    const int laidOut = texts->laidOutTexts();
    EXPECT_GT(laidOut, 100);
    view.grab();
    model.setEntries(somePage(100)); // a refresh that brings the same page
    view.grab();
    EXPECT_EQ(texts->laidOutTexts(), laidOut);
    EXPECT_EQ(badges->drawnBadges(), 6);
}

// The cache keeps what the style would draw: a value that looks like markup stays
// literal, a long one is elided, and the selection's colours apply.
TEST(ResultsView, CachedTextIsDrawnLiterallyAndElided)
{
    AuditTableModel model;
    QList<AuditEntry> entries = somePage(2);
    entries[0].action = QStringLiteral("<b>bold</b>");
    entries[1].action = QString(300, QLatin1Char('w'));
    model.setEntries(entries);
    ResultsView view(&model);
    view.resize(1280, 300);
    view.show();
    view.grab();
    auto *texts = qobject_cast<CellTextDelegate *>(view.itemDelegate());
    ASSERT_NE(texts, nullptr);
    const int width = view.horizontalHeader()->sectionSize(AuditTableModel::ActionColumn);
    const QStaticText *markup = texts->cachedText(QStringLiteral("<b>bold</b>"), -1, view.font());
    ASSERT_NE(markup, nullptr);
    EXPECT_EQ(markup->text(), QStringLiteral("<b>bold</b>"));
    EXPECT_EQ(markup->textFormat(), Qt::PlainText);
    const QStaticText *elided = nullptr;
    for (int w = width; w > width - 20 && !elided; --w) {
        elided = texts->cachedText(QString(300, QLatin1Char('w')), w, view.font());
    }
    ASSERT_NE(elided, nullptr);
    EXPECT_TRUE(elided->text().endsWith(QChar(0x2026))) << elided->text().toStdString();
    EXPECT_LT(elided->size().width(), width);
}

// A request preview is hundreds of characters in a cell that shows a few dozen: the first
// paint lays out what the cell shows, elided from the start of the text, and never the
// whole text (which cost as much as the rest of the page). The ellipsis falls where it
// would for the whole text, in any script.
TEST(ResultsView, ALongTextIsElidedWithoutLayingOutAllOfIt)
{
    AuditTableModel model;
    QList<AuditEntry> entries = somePage(6);
    const QStringList words = { QStringLiteral("Quarterly revenue grew over the quarter"),
        QStringLiteral("\u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd"),
        QStringLiteral("\u0645\u0631\u062d\u0628\u0627 \u0628\u0627\u0644\u0639\u0627\u0644\u0645"),
        QStringLiteral("cafe\u0301 na\u0308ive"), QStringLiteral("\U0001F600 smile \U0001F680"),
        QStringLiteral("iiiiiiiiiiiiiiiiiiii WWWWWWWWWWWWWWWW") };
    for (int row = 0; row < entries.size(); ++row) {
        // Strings shorter than the preview shortens, in fields enough to fill 600 characters.
        QString request = QStringLiteral("{");
        for (int field = 0; request.size() < 600; ++field) {
            request += QStringLiteral(R"("k%1": "%2", )").arg(field).arg(words.at(row));
        }
        entries[row].requestStart = request + QStringLiteral(R"("end": 0})");
    }
    model.setEntries(entries);
    ResultsView view(&model);
    const auto *texts = qobject_cast<CellTextDelegate *>(view.itemDelegate());
    ASSERT_NE(texts, nullptr);
    view.resize(1280, 400);
    view.show();
    view.grab();
    const QFontMetrics metrics(view.font());
    const int laidOut = texts->laidOutTexts();
    for (int row = 0; row < entries.size(); ++row) {
        const QString shown = model.index(row, AuditTableModel::RequestColumn).data().toString();
        ASSERT_GT(shown.size(), 300) << row;
        EXPECT_EQ(texts->cachedText(shown, -1, view.font()), nullptr) << row;
        const QStaticText *elided = nullptr;
        int width = view.horizontalHeader()->sectionSize(AuditTableModel::RequestColumn);
        for (; width > 0 && !elided; --width) {
            elided = texts->cachedText(shown, width, view.font());
        }
        ASSERT_NE(elided, nullptr) << row;
        EXPECT_EQ(elided->text(), metrics.elidedText(shown, Qt::ElideRight, width + 1)) << row;
    }
    view.grab();
    EXPECT_EQ(texts->laidOutTexts(), laidOut);
}
