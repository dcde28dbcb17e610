#include "jsontextview.h"

#include "findbar.h"
#include "jsonhighlighter.h"
#include "theme.h"

#include <QClipboard>
#include <QEvent>
#include <QFontDatabase>
#include <QFuture>
#include <QGuiApplication>
#include <QLocale>
#include <QMenu>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QShortcut>
#include <QTextBlock>
#include <QTextDocument>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrentRun>

#include <algorithm>

namespace {

// More matches than this are counted as "1,000,000+": positions cost memory, not time.
constexpr qsizetype maxMatches = 1'000'000;
// Highlights are made for the matches in sight; this bounds a screen full of one letter.
constexpr int maxHighlights = 5000;
// Typing into a large document waits for a pause before searching it.
constexpr qsizetype largeText = 1'000'000;

} // namespace

struct JsonTextView::Matches
{
    quint64 id = 0;
    QString needle;
    std::vector<qsizetype> positions;
    bool capped = false;
};

JsonTextView::JsonTextView(QWidget *parent)
    : QWidget(parent)
    , m_edit(new QPlainTextEdit)
    , m_findBar(new FindBar)
    , m_searchDelay(new QTimer(this))
{
    m_edit->setObjectName(QStringLiteral("jsonText"));
    m_edit->setReadOnly(true);
    m_edit->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    // The current match stays visible while the focus is in the Find bar.
    QPalette pal = m_edit->palette();
    pal.setColor(
        QPalette::Inactive, QPalette::Highlight, pal.color(QPalette::Active, QPalette::Highlight));
    pal.setColor(QPalette::Inactive, QPalette::HighlightedText,
        pal.color(QPalette::Active, QPalette::HighlightedText));
    m_edit->setPalette(pal);
    m_edit->viewport()->installEventFilter(this);
    m_edit->setContextMenuPolicy(Qt::CustomContextMenu);
    // A scroll area reports the position in its viewport's coordinates.
    connect(m_edit, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        QMenu *menu = createContextMenu(pos);
        menu->exec(m_edit->viewport()->mapToGlobal(pos));
        delete menu;
    });
    m_findBar->setObjectName(QStringLiteral("findBar"));
    m_findBar->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_findBar);

    m_searchDelay->setSingleShot(true);
    connect(m_searchDelay, &QTimer::timeout, this, &JsonTextView::startSearch);
    connect(m_findBar, &FindBar::textChanged, this,
        [this] { m_searchDelay->start(m_text.size() > largeText ? 250 : 0); });
    connect(m_findBar, &FindBar::nextRequested, this, &JsonTextView::findNext);
    connect(m_findBar, &FindBar::previousRequested, this, &JsonTextView::findPrevious);
    connect(m_findBar, &FindBar::closeRequested, this, &JsonTextView::closeFind);
    connect(m_edit->verticalScrollBar(), &QScrollBar::valueChanged, this, [this] {
        highlightVisibleBlocks();
        updateHighlights();
    });

    auto *next = new QShortcut(QKeySequence(Qt::Key_F3), this);
    next->setContext(Qt::WidgetWithChildrenShortcut);
    connect(next, &QShortcut::activated, this, &JsonTextView::findNext);
    auto *previous = new QShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F3), this);
    previous->setContext(Qt::WidgetWithChildrenShortcut);
    connect(previous, &QShortcut::activated, this, &JsonTextView::findPrevious);
    // Esc in the text closes the Find bar first, and the dialog only once it is closed.
    m_closeFind = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    m_closeFind->setContext(Qt::WidgetWithChildrenShortcut);
    m_closeFind->setEnabled(false);
    connect(m_closeFind, &QShortcut::activated, this, &JsonTextView::closeFind);
}

JsonTextView::~JsonTextView()
{
    // The view must let go of the document before the document goes.
    m_edit->setExtraSelections({});
    m_edit->setDocument(nullptr);
}

void JsonTextView::setDocument(std::shared_ptr<QTextDocument> document, const QString &text)
{
    const int scroll = m_edit->verticalScrollBar()->value();
    m_edit->setExtraSelections({});
    m_edit->setDocument(document.get());
    m_document = std::move(document);
    m_text = m_document ? text : QString();
    m_maskedSpans.clear();
    m_cuts.clear();
    m_wholeText.clear();
    m_highlighter = m_document ? m_document->findChild<JsonHighlighter *>() : nullptr;
    if (m_highlighter && !m_highlighter->isOnDemand()) {
        m_highlighter = nullptr;
    }
    m_highlighted.assign(m_highlighter ? static_cast<size_t>(m_document->blockCount()) : 0, false);
    highlightVisibleBlocks();
    m_edit->verticalScrollBar()->setValue(scroll);
    m_matches.clear();
    m_current = -1;
    m_needle.clear();
    if (isFindOpen() && !m_findBar->text().isEmpty()) {
        startSearch();
    } else {
        updateStatus();
    }
}

void JsonTextView::setMaskedSpans(std::vector<MaskedSpan> spans)
{
    m_maskedSpans = std::move(spans);
}

void JsonTextView::setShortenedLines(std::vector<ShortenedText::Cut> cuts, const QString &wholeText)
{
    m_cuts = std::move(cuts);
    m_wholeText = m_cuts.empty() ? QString() : wholeText;
}

QString JsonTextView::wholeLineAt(qsizetype position) const
{
    if (m_cuts.empty() || !m_document) {
        return {};
    }
    const QTextBlock block = m_document->findBlock(static_cast<int>(position));
    const qsizetype start = block.position();
    const qsizetype end = start + block.length();
    const auto cut = std::find_if(m_cuts.begin(), m_cuts.end(),
        [&](const ShortenedText::Cut &c) { return c.markerStart >= start && c.markerStart < end; });
    if (cut == m_cuts.end()) {
        return {};
    }
    const qsizetype lineStart = m_wholeText.lastIndexOf(QLatin1Char('\n'), cut->from) + 1;
    qsizetype lineEnd = m_wholeText.indexOf(QLatin1Char('\n'), cut->from);
    if (lineEnd < 0) {
        lineEnd = m_wholeText.size();
    }
    return m_wholeText.mid(lineStart, lineEnd - lineStart);
}

int JsonTextView::maskedValueAt(qsizetype position) const
{
    const auto it = std::upper_bound(m_maskedSpans.begin(), m_maskedSpans.end(), position,
        [](qsizetype at, const MaskedSpan &span) { return at < span.start; });
    if (it == m_maskedSpans.begin()) {
        return -1;
    }
    const MaskedSpan &span = *std::prev(it);
    return position < span.end ? span.ordinal : -1;
}

QMenu *JsonTextView::createContextMenu(const QPoint &pos)
{
    QMenu *menu = m_edit->createStandardContextMenu(pos);
    const int position = m_edit->cursorForPosition(pos).position();
    const QString wholeLine = wholeLineAt(position);
    if (!wholeLine.isNull()) {
        auto *copyLine = new QAction(tr("Copy the whole line"), menu);
        copyLine->setObjectName(QStringLiteral("copyWholeLine"));
        copyLine->setToolTip(tr("Copy this line with the part the view leaves out"));
        connect(copyLine, &QAction::triggered, this,
            [wholeLine] { QGuiApplication::clipboard()->setText(wholeLine); });
        QAction *first = menu->actions().value(0);
        menu->insertAction(first, copyLine);
        menu->insertSeparator(first);
    }
    const int ordinal = maskedValueAt(position);
    if (ordinal >= 0) {
        auto *reveal = new QAction(tr("Reveal this value"), menu);
        reveal->setObjectName(QStringLiteral("revealValue"));
        reveal->setToolTip(tr("Show this secret as stored, in this window until it shows "
                              "another entry"));
        connect(
            reveal, &QAction::triggered, this, [this, ordinal] { emit revealRequested(ordinal); });
        QAction *first = menu->actions().value(0);
        menu->insertAction(first, reveal);
        menu->insertSeparator(first);
    }
    return menu;
}

void JsonTextView::setWordWrap(bool wrap)
{
    m_edit->setLineWrapMode(wrap ? QPlainTextEdit::WidgetWidth : QPlainTextEdit::NoWrap);
    highlightVisibleBlocks();
    updateHighlights();
}

void JsonTextView::openFind()
{
    const QString selected = m_edit->textCursor().selectedText();
    const bool takeSelection = !selected.isEmpty() && !selected.contains(QChar::ParagraphSeparator)
        && selected.size() < 200 && selected != m_needle;
    if (takeSelection) {
        m_findBar->setText(selected); // searches through textChanged
    }
    m_findBar->activate();
    m_closeFind->setEnabled(true);
    updateHighlights();
}

void JsonTextView::closeFind()
{
    m_findBar->hide();
    m_closeFind->setEnabled(false);
    m_edit->setExtraSelections({});
    m_edit->setFocus(Qt::OtherFocusReason);
}

bool JsonTextView::isFindOpen() const
{
    return !m_findBar->isHidden();
}

void JsonTextView::findNext()
{
    step(1);
}

void JsonTextView::findPrevious()
{
    step(-1);
}

QString JsonTextView::findStatus() const
{
    return m_findBar->status();
}

bool JsonTextView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_edit->viewport()
        && (event->type() == QEvent::Resize || event->type() == QEvent::Show)) {
        highlightVisibleBlocks();
        updateHighlights();
    }
    return QWidget::eventFilter(watched, event);
}

void JsonTextView::startSearch()
{
    m_searchDelay->stop();
    const QString needle = m_findBar->text();
    const quint64 id = ++m_searchId;
    if (needle.isEmpty() || m_text.isEmpty()) {
        Matches none;
        none.id = id;
        none.needle = needle;
        applyMatches(none);
        return;
    }
    m_searching = true;
    QFuture<Matches> future = QtConcurrent::run([id, needle, text = m_text] {
        Matches found;
        found.id = id;
        found.needle = needle;
        qsizetype from = 0;
        for (;;) {
            const qsizetype at = text.indexOf(needle, from, Qt::CaseInsensitive);
            if (at < 0) {
                break;
            }
            if (static_cast<qsizetype>(found.positions.size()) == maxMatches) {
                found.capped = true;
                break;
            }
            found.positions.push_back(at);
            from = at + needle.size();
        }
        return found;
    });
    future.then(this, [this](const Matches &found) { applyMatches(found); });
}

void JsonTextView::applyMatches(const Matches &matches)
{
    if (matches.id != m_searchId) {
        return; // a newer search is on its way
    }
    m_searching = false;
    m_needle = matches.needle;
    m_matches = matches.positions;
    m_capped = matches.capped;
    m_current = -1;
    if (!m_matches.empty()) {
        // Start at the first match at or after the cursor, as editors do.
        const qsizetype from = m_edit->textCursor().selectionStart();
        const auto it = std::lower_bound(m_matches.begin(), m_matches.end(), from);
        m_current = it == m_matches.end() ? 0 : it - m_matches.begin();
        selectCurrent();
    }
    updateHighlights();
    updateStatus();
    emit searchFinished();
}

void JsonTextView::step(int direction)
{
    if (!isFindOpen()) {
        openFind();
    }
    if (m_searchDelay->isActive() || (!m_searching && m_needle != m_findBar->text())) {
        startSearch(); // its result selects the first match
        return;
    }
    if (m_searching || m_matches.empty()) {
        return;
    }
    const auto count = static_cast<qsizetype>(m_matches.size());
    m_current = (m_current + direction + count) % count;
    selectCurrent();
    updateHighlights();
    updateStatus();
}

void JsonTextView::selectCurrent()
{
    const qsizetype at = m_matches[static_cast<size_t>(m_current)];
    QTextCursor cursor(m_edit->document());
    cursor.setPosition(static_cast<int>(at));
    cursor.setPosition(static_cast<int>(at + m_needle.size()), QTextCursor::KeepAnchor);
    m_edit->setTextCursor(cursor);
    m_edit->centerCursor();
}

void JsonTextView::updateHighlights()
{
    if (!isFindOpen() || m_matches.empty()) {
        m_edit->setExtraSelections({});
        return;
    }
    const QRect area = m_edit->viewport()->rect();
    const QTextBlock first = m_edit->cursorForPosition(area.topLeft()).block();
    const QTextBlock last = m_edit->cursorForPosition(area.bottomRight()).block();
    const qsizetype begin = first.position() - m_needle.size();
    const qsizetype end = last.position() + last.length();

    QTextCharFormat match;
    match.setBackground(Theme::findMatchBackground(m_edit->palette()));
    QList<QTextEdit::ExtraSelection> selections;
    auto it = std::lower_bound(m_matches.begin(), m_matches.end(), begin);
    for (; it != m_matches.end() && *it < end && selections.size() < maxHighlights; ++it) {
        QTextCursor cursor(m_edit->document());
        cursor.setPosition(static_cast<int>(*it));
        cursor.setPosition(static_cast<int>(*it + m_needle.size()), QTextCursor::KeepAnchor);
        selections.append({ cursor, match });
    }
    m_edit->setExtraSelections(selections);
}

void JsonTextView::highlightVisibleBlocks()
{
    if (!m_highlighter) {
        return;
    }
    const QRect area = m_edit->viewport()->rect();
    QTextBlock block = m_edit->cursorForPosition(area.topLeft()).block();
    const int last = m_edit->cursorForPosition(area.bottomRight()).block().blockNumber();
    // A few more lines below, so that scrolling by a line shows them coloured.
    for (int n = block.blockNumber(); block.isValid() && n <= last + 8; ++n, block = block.next()) {
        if (static_cast<size_t>(n) < m_highlighted.size()
            && !m_highlighted[static_cast<size_t>(n)]) {
            m_highlighted[static_cast<size_t>(n)] = true;
            m_highlighter->rehighlightBlock(block);
        }
    }
}

void JsonTextView::updateStatus()
{
    if (m_needle.isEmpty()) {
        m_findBar->setStatus(QString(), false);
    } else if (m_matches.empty()) {
        m_findBar->setStatus(tr("No matches"), true);
    } else {
        const QLocale locale;
        const QString total = locale.toString(static_cast<qlonglong>(m_matches.size()))
            + (m_capped ? QStringLiteral("+") : QString());
        m_findBar->setStatus(
            tr("%1 of %2").arg(locale.toString(static_cast<qlonglong>(m_current + 1)), total),
            false);
    }
}
