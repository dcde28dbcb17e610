#pragma once

#include "auditfilter.h"
#include "keysetpager.h"

class AuditTableModel;
struct AuditPage;

// Fills an AuditTableModel with the page of the audit log the operator asked for (the
// paging and counting are KeysetPager's).
// Thread: the GUI thread (it owns the model).
class PageLoader : public KeysetPager
{
    Q_OBJECT
public:
    explicit PageLoader(AuditTableModel *model, QObject *parent = nullptr);

    // A new filter: back to the first page, counted again.
    void setFilter(const AuditFilter &filter);
    const AuditFilter &filter() const { return m_filter; }
    // What the pages and counts read: filter() narrowed by the order (filterForOrder(), as of
    // the last count), so that the count is the count of the rows the order lists.
    AuditFilter listedFilter() const;

    SortOrder order() const { return navigator().order(); }
    void setOrder(SortOrder order);

protected:
    quint64 requestPage(const PageNavigator::Request &request) override;
    quint64 requestCount(bool exact) override;
    QString loadingText(const PageNavigator::Request &request) const override;

private:
    AuditTableModel *m_model;
    AuditFilter m_filter;
};
