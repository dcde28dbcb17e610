#pragma once

#include "keysetpager.h"
#include "llmfilter.h"

class LlmTableModel;

// Fills an LlmTableModel with the page of LLM calls the operator asked for, newest first
// (or oldest first), with the estimate and then the exact count (KeysetPager).
// Thread: the GUI thread (it owns the model).
class LlmPageLoader : public KeysetPager
{
    Q_OBJECT
public:
    explicit LlmPageLoader(LlmTableModel *model, QObject *parent = nullptr);

    // A new filter: back to the first page, counted again.
    void setFilter(const LlmFilter &filter);
    const LlmFilter &filter() const { return m_filter; }
    bool isOldestFirst() const { return m_oldestFirst; }
    void setOldestFirst(bool oldestFirst);

protected:
    quint64 requestPage(const PageNavigator::Request &request) override;
    quint64 requestCount(bool exact) override;
    QString loadingText(const PageNavigator::Request &request) const override;

private:
    LlmTableModel *m_model;
    LlmFilter m_filter;
    bool m_oldestFirst = false;
};
