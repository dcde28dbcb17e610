#pragma once

#include "secretmasker.h"
#include "shortenedtext.h"

#include <QFont>
#include <QFuture>
#include <QString>

#include <memory>
#include <vector>

class QTextDocument;
class QThread;

// One JSON document made ready for reading: masked, pretty-printed, its very long lines
// shortened (ShortenedText), and laid into a highlighted QTextDocument for QPlainTextEdit. Filling
// a QTextDocument costs about a second per 400,000 lines here, so large documents are built on a
// pool thread, and their first lines are handed over first, readable while the rest is built.
// Thread: any (start() from the thread that will own the documents; render() keeps them).

// A hidden value in JsonRendering::text: [start, end) covers it with its quotes; `ordinal`
// names it in RevealedValues.
struct MaskedSpan
{
    qsizetype start = 0;
    qsizetype end = 0;
    int ordinal = 0;
};

struct JsonRendering
{
    // Lives in the thread given to JsonRenderer::start; deleted there (deleteLater).
    std::shared_ptr<QTextDocument> document;
    // The document's text, position for position: what Find searches.
    QString text;
    // The document as stored or masked (not re-indented): what the tree view reads.
    QString json;
    bool valid = true;
    // JsonPrettyPrinter's error when !valid.
    QString error;
    // Values SecretMasker hides in this rendering, and values it would hide but that are
    // revealed.
    int maskedCount = 0;
    int revealedCount = 0;
    // Where the hidden values are in `text`, in document order (empty when they cannot be
    // placed, e.g. in text that is not JSON after a cut).
    std::vector<MaskedSpan> maskedSpans;
    // The hidden values in `json` (what the tree shows): where each one's first "•" is, and
    // its ordinal, in document order.
    std::vector<std::pair<qsizetype, int>> hiddenInJson;
    // The lines over ShortenedText::maxLineLength in `text` are shortened here: what each
    // marker stands for, and the text before shortening (empty when nothing is).
    std::vector<ShortenedText::Cut> cuts;
    QString wholeText;
    // Only the first lines: the whole document follows as the next result.
    bool partial = false;
    // Lines of the whole document.
    qsizetype lineCount = 0;
};

namespace JsonRenderer {

struct Style
{
    QFont font;
    bool dark = false;
    bool wrap = false; // as the view will show it, so that it need not lay out again
};

// Documents up to this many lines are highlighted as they are built; longer ones are
// highlighted block by block as they come into view (JsonHighlighter::isOnDemand).
constexpr qsizetype highlightAllUpTo = 20'000;
// The first lines of a long document, handed over before the whole.
constexpr qsizetype firstLines = 5'000;

// Renders `stored` on QThreadPool::globalInstance() (QtConcurrent::run) and moves the documents to
// `target`. The future has one result, or two for a document of more than highlightAllUpTo lines:
// its first lines (partial) and then the whole. `revealed`: the secret values shown as
// stored instead of masked.
QFuture<JsonRendering> start(
    const QString &stored, const RevealedValues &revealed, const Style &style, QThread *target);

// The whole document, built synchronously on the calling thread, which keeps it.
JsonRendering render(const QString &stored, const RevealedValues &revealed, const Style &style);

// The text as displayed: bidi controls (U+202E ...) become \uXXXX escapes, which mean
// the same inside a JSON string, so they cannot reorder what the operator reads.
QString neutralizeBidi(const QString &text);

} // namespace JsonRenderer
