#pragma once

#include "jsonrenderer.h"

#include <QString>
#include <QWidget>

#include <memory>
#include <vector>

class FindBar;
class JsonHighlighter;
class QMenu;
class QPlainTextEdit;
class QShortcut;
class QTextDocument;
class QTimer;

// A read-only monospace view of one rendered JSON document with a Find bar: every match
// in sight is highlighted, Enter / F3 and Shift+Enter / Shift+F3 step through them, and
// the bar counts them ("3 of 17"). The search itself runs on a pool thread, so a
// one-letter search in megabytes of text does not stall typing. A long document is
// highlighted block by block as it scrolls into view. Right-clicking a hidden secret
// offers "Reveal this value"; right-clicking a shortened line offers "Copy the whole line".
// Thread: the GUI thread.
class JsonTextView : public QWidget
{
    Q_OBJECT
public:
    explicit JsonTextView(QWidget *parent = nullptr);
    ~JsonTextView() override;

    // `text` is the document's raw text, position for position (JsonRendering::text).
    // A null document clears the view.
    void setDocument(std::shared_ptr<QTextDocument> document, const QString &text);
    void setWordWrap(bool wrap);
    QPlainTextEdit *editor() const { return m_edit; }
    // Where the hidden values are in the text (JsonRendering::maskedSpans).
    void setMaskedSpans(std::vector<MaskedSpan> spans);
    // The lines shortened in the text (JsonRendering::cuts) and the text before shortening.
    void setShortenedLines(std::vector<ShortenedText::Cut> cuts, const QString &wholeText);
    // The whole line, as before shortening, of a shortened line at text position `position`;
    // a null string when that line is not shortened.
    QString wholeLineAt(qsizetype position) const;
    // The ordinal of the hidden value at text position `position`, or -1.
    int maskedValueAt(qsizetype position) const;
    // The editor's context menu for a right-click at `pos` (viewport coordinates), with
    // "Reveal this value" first when it is on a hidden value. The caller owns it.
    QMenu *createContextMenu(const QPoint &pos);

    void openFind();
    void closeFind();
    bool isFindOpen() const;
    void findNext();
    void findPrevious();
    // "3 of 17", "No matches", or empty while nothing is searched.
    QString findStatus() const;
    int matchCount() const { return static_cast<int>(m_matches.size()); }

signals:
    // A search finished and its matches are highlighted.
    void searchFinished();
    // "Reveal this value" on the hidden value `ordinal`.
    void revealRequested(int ordinal);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Matches;
    void startSearch();
    void applyMatches(const Matches &matches);
    void step(int direction);
    void selectCurrent();
    void updateHighlights();
    void updateStatus();
    void highlightVisibleBlocks();

    QPlainTextEdit *m_edit;
    FindBar *m_findBar;
    QTimer *m_searchDelay;
    QShortcut *m_closeFind;
    std::shared_ptr<QTextDocument> m_document;
    QString m_text;
    std::vector<MaskedSpan> m_maskedSpans;
    std::vector<ShortenedText::Cut> m_cuts;
    QString m_wholeText;
    // Set when the document is highlighted on demand; which blocks already are.
    JsonHighlighter *m_highlighter = nullptr;
    std::vector<bool> m_highlighted;
    // The text the matches are for; differs from the bar's text while a search runs.
    QString m_needle;
    std::vector<qsizetype> m_matches;
    bool m_capped = false;
    qsizetype m_current = -1;
    quint64 m_searchId = 0;
    bool m_searching = false;
};
