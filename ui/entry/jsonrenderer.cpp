#include "jsonrenderer.h"

#include "jsonhighlighter.h"
#include "jsonprettyprinter.h"
#include "secretmasker.h"

#include <QHash>
#include <QPlainTextDocumentLayout>
#include <QPromise>
#include <QSignalBlocker>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>
#include <QTextOption>
#include <QThread>
#include <QtConcurrentRun>

namespace {

bool isBidiControl(char16_t c)
{
    return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E)
        || (c >= 0x2066 && c <= 0x2069);
}

// Where each run of "•" starts.
std::vector<qsizetype> bulletRuns(QStringView text)
{
    std::vector<qsizetype> runs;
    const QChar bullet = SecretMasker::maskText().front();
    for (qsizetype i = text.indexOf(bullet); i >= 0; i = text.indexOf(bullet, i)) {
        runs.push_back(i);
        while (i < text.size() && text[i] == bullet) {
            ++i;
        }
    }
    return runs;
}

// Places the hidden values in the displayed text. Pretty-printing moves them, but never
// changes or reorders the text of a string, so the k-th run of "•" in the masked JSON is
// the k-th in the text; a run that is not a hidden value (stored "•") is skipped.
std::vector<MaskedSpan> placeMaskedValues(
    const QString &json, const QString &text, const std::vector<MaskedValue> &values)
{
    QHash<qsizetype, int> ordinalAt;
    for (const MaskedValue &value : values) {
        if (!value.revealed) {
            ordinalAt.insert(value.position, value.ordinal);
        }
    }
    const std::vector<qsizetype> inJson = bulletRuns(json);
    const std::vector<qsizetype> inText = bulletRuns(text);
    std::vector<MaskedSpan> spans;
    if (ordinalAt.isEmpty() || inJson.size() != inText.size()) {
        return spans;
    }
    const QChar bullet = SecretMasker::maskText().front();
    for (size_t i = 0; i < inJson.size(); ++i) {
        const auto ordinal = ordinalAt.constFind(inJson[i]);
        if (ordinal == ordinalAt.constEnd()) {
            continue;
        }
        MaskedSpan span { inText[i], inText[i], *ordinal };
        while (span.end < text.size() && text[span.end] == bullet) {
            ++span.end;
        }
        // Take in the quotes (and a kept scheme such as "Bearer "), so that a click on any
        // of it finds the value.
        const qsizetype quote = text.lastIndexOf(QLatin1Char('"'), span.start);
        if (quote >= 0 && span.start - quote <= 40
            && !QStringView(text).mid(quote, span.start - quote).contains(QLatin1Char('\n'))) {
            span.start = quote;
        }
        if (span.end < text.size() && text[span.end] == QLatin1Char('"')) {
            ++span.end;
        }
        spans.push_back(span);
    }
    return spans;
}

// Shortens the lines that Qt could not lay out quickly, keeping every hidden value whole or
// leaving it out whole (it can still be revealed with the others).
void shortenLongLines(JsonRendering &rendering)
{
    std::vector<std::pair<qsizetype, qsizetype>> keepWhole;
    keepWhole.reserve(rendering.maskedSpans.size());
    for (const MaskedSpan &span : rendering.maskedSpans) {
        keepWhole.emplace_back(span.start, span.end);
    }
    ShortenedText shortened = ShortenedText::shorten(rendering.text, keepWhole);
    if (!shortened.isShortened()) {
        return;
    }
    std::vector<MaskedSpan> spans;
    for (const MaskedSpan &span : rendering.maskedSpans) {
        const qsizetype start = shortened.mapFromOriginal(span.start);
        const qsizetype last = shortened.mapFromOriginal(span.end - 1);
        if (start >= 0 && last >= 0) {
            spans.push_back(MaskedSpan { start, last + 1, span.ordinal });
        }
    }
    rendering.maskedSpans = std::move(spans);
    rendering.wholeText = std::move(rendering.text);
    rendering.text = std::move(shortened.text);
    rendering.cuts = std::move(shortened.cuts);
}

// The masked, pretty-printed text, before it becomes a document.
JsonRendering prepare(const QString &stored, const RevealedValues &revealed)
{
    JsonRendering result;
    std::vector<MaskedValue> values;
    result.json = SecretMasker().mask(stored, revealed, &values);
    for (const MaskedValue &value : values) {
        ++(value.revealed ? result.revealedCount : result.maskedCount);
        if (!value.revealed) {
            result.hiddenInJson.emplace_back(value.position, value.ordinal);
        }
    }
    const JsonFormatResult formatted = JsonPrettyPrinter(2).format(QStringView(result.json));
    result.valid = formatted.ok;
    QString text = formatted.text;
    if (!formatted.ok) {
        result.error = formatted.error;
        // The readable part up to the error, then the rest exactly as stored.
        if (formatted.errorOffset >= 0 && formatted.errorOffset <= result.json.size()) {
            text += QStringView(result.json).mid(formatted.errorOffset);
        } else {
            text = result.json;
        }
    }
    result.text = JsonRenderer::neutralizeBidi(text);
    result.lineCount = result.text.count(QLatin1Char('\n')) + 1;
    result.maskedSpans = placeMaskedValues(result.json, result.text, values);
    shortenLongLines(result);
    return result;
}

std::shared_ptr<QTextDocument> buildDocument(const QString &text, const JsonRenderer::Style &style,
    bool highlightAll, const std::vector<ShortenedText::Cut> &cuts)
{
    auto *document = new QTextDocument;
    document->setUndoRedoEnabled(false);
    document->setDocumentLayout(new QPlainTextDocumentLayout(document));
    document->setDefaultFont(style.font);
    QTextOption option = document->defaultTextOption();
    // JSON reads left to right even when a value is Arabic or Hebrew.
    option.setTextDirection(Qt::LeftToRight);
    option.setWrapMode(
        style.wrap ? QTextOption::WrapAtWordBoundaryOrAnywhere : QTextOption::NoWrap);
    document->setDefaultTextOption(option);
    // Installed while the document is empty, the highlighter formats each block as the
    // text goes in. A long document is filled unheard instead, and the view highlights
    // what it shows.
    auto *highlighter = new JsonHighlighter(document, style.dark);
    std::vector<std::pair<qsizetype, qsizetype>> markers;
    for (const ShortenedText::Cut &cut : cuts) {
        markers.emplace_back(cut.markerStart, cut.markerEnd);
    }
    highlighter->setMarkers(std::move(markers));
    if (highlightAll) {
        document->setPlainText(text);
    } else {
        highlighter->setOnDemand(true);
        const QSignalBlocker quiet(document);
        document->setPlainText(text);
        // QPlainTextEdit gives every block a layout when it takes the document; doing it
        // here spares the GUI thread that much.
        for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
            block.layout();
        }
    }
    return std::shared_ptr<QTextDocument>(document, [](QTextDocument *doc) { doc->deleteLater(); });
}

void finish(JsonRendering &rendering, const QString &text, const JsonRenderer::Style &style)
{
    rendering.document = buildDocument(
        text, style, rendering.lineCount <= JsonRenderer::highlightAllUpTo, rendering.cuts);
    rendering.text = rendering.document->toRawText();
}

} // namespace

namespace JsonRenderer {

QString neutralizeBidi(const QString &text)
{
    const auto *begin = reinterpret_cast<const char16_t *>(text.utf16());
    const char16_t *end = begin + text.size();
    const char16_t *p = begin;
    // Most documents have none: one quick pass, and the text is shared, not copied.
    while (p != end && !(*p >= 0x061C && isBidiControl(*p))) {
        ++p;
    }
    if (p == end) {
        return text;
    }
    QString out;
    out.reserve(text.size() + 16);
    out.append(QStringView(begin, p));
    for (; p != end; ++p) {
        if (*p >= 0x061C && isBidiControl(*p)) {
            out.append(QStringLiteral("\\u%1").arg(static_cast<int>(*p), 4, 16, QLatin1Char('0')));
        } else {
            out.append(QChar(*p));
        }
    }
    return out;
}

JsonRendering render(const QString &stored, const RevealedValues &revealed, const Style &style)
{
    JsonRendering result = prepare(stored, revealed);
    const QString text = result.text;
    finish(result, text, style);
    return result;
}

QFuture<JsonRendering> start(
    const QString &stored, const RevealedValues &revealed, const Style &style, QThread *target)
{
    return QtConcurrent::run([stored, revealed, style, target](QPromise<JsonRendering> &promise) {
        JsonRendering whole = prepare(stored, revealed);
        const QString text = whole.text;
        if (whole.lineCount > highlightAllUpTo) {
            qsizetype cut = -1;
            for (qsizetype line = 0; line < firstLines && cut < text.size(); ++line) {
                cut = text.indexOf(QLatin1Char('\n'), cut + 1);
                if (cut < 0) {
                    cut = text.size();
                }
            }
            JsonRendering first = whole;
            first.partial = true;
            first.document = buildDocument(text.left(cut), style, true, whole.cuts);
            first.text = first.document->toRawText();
            first.document->moveToThread(target);
            promise.addResult(std::move(first));
        }
        finish(whole, text, style);
        whole.document->moveToThread(target);
        promise.addResult(std::move(whole));
    });
}

} // namespace JsonRenderer
