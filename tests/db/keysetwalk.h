#pragma once

// Keyset pages checked against one big query: the moves the window makes (PageLoader: first,
// next to the end, previous back to the start, last, and one previous from there), each
// compared with the ids of one ORDER BY written independently of the viewer's.
#include "auditrepository.h"
#include "databaseconnection.h"
#include "pagenavigator.h"

#include <QSet>
#include <QStringList>

#include <gtest/gtest.h>

#include <functional>

namespace KeysetWalk {

// Reads one page as AuditRepository::page does (with the test's filter).
using PageReader = std::function<Result<AuditPage>(
    int limit, const std::optional<PageCursor> &after, SortOrder order, bool backward)>;

inline QStringList idsOf(const QList<AuditEntry> &entries)
{
    QStringList ids;
    for (const AuditEntry &entry : entries) {
        ids.append(entry.id);
    }
    return ids;
}

// A page move as the window makes it (a short "previous" page means First).
inline QStringList show(
    const PageReader &read, PageNavigator &navigator, PageNavigator::Move move, qint64 total)
{
    const PageNavigator::Request request = navigator.request(move);
    const auto page = read(navigator.pageSize(), request.after, request.order, request.reversed);
    EXPECT_TRUE(page) << page.error().message.toStdString();
    if (!page) {
        return {};
    }
    if (navigator.needsFirstInstead(request, *page)) {
        return show(read, navigator, PageNavigator::Move::First, total);
    }
    return idsOf(navigator.accept(request, *page, total));
}

// Every page of `order` forwards, backwards and from the end, against `all` (at least two
// pages of `pageSize`).
inline void expectPagesOf(
    const PageReader &read, SortOrder order, const QStringList &all, int pageSize)
{
    const auto total = static_cast<qint64>(all.size());
    PageNavigator navigator;
    navigator.setPageSize(pageSize);
    navigator.setOrder(order);
    QList<QStringList> pages { show(read, navigator, PageNavigator::Move::First, total) };
    while (navigator.hasNext() && pages.size() <= total) {
        pages.append(show(read, navigator, PageNavigator::Move::Next, total));
    }
    QStringList forward;
    for (const QStringList &page : std::as_const(pages)) {
        forward += page;
    }
    EXPECT_EQ(forward, all);
    EXPECT_EQ(QSet<QString>(forward.begin(), forward.end()).size(), total);

    for (qsizetype page = pages.size() - 2; page >= 0; --page) {
        ASSERT_TRUE(navigator.hasPrevious());
        EXPECT_EQ(show(read, navigator, PageNavigator::Move::Previous, total), pages[page])
            << "back to page " << page;
    }
    EXPECT_FALSE(navigator.hasPrevious());

    EXPECT_EQ(show(read, navigator, PageNavigator::Move::Last, total), all.mid(total - pageSize));
    EXPECT_EQ(navigator.offset(), std::optional<qint64>(total - pageSize));
    EXPECT_EQ(show(read, navigator, PageNavigator::Move::Previous, total),
        all.mid(total - 2 * pageSize, pageSize));
}

} // namespace KeysetWalk
