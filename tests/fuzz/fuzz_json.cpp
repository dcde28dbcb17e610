// libFuzzer target: arbitrary bytes through JsonPrettyPrinter (UTF-8 and UTF-16 entry
// points), JsonTreeModel::setDocument and SecretMasker::mask. The bytes are read twice:
// as UTF-8, and as raw UTF-16 code units (lone surrogates included). Besides crashes and
// sanitizer reports it aborts when one of these stops holding:
// - the printer's entry points agree; its output is valid, formats to itself, and holds
//   the input's tokens (compacting both gives the same text);
// - the tree accepts exactly the documents the printer accepts; its nodes' texts are
//   valid documents and the root's is the input without surrounding whitespace;
// - masking changes nothing when it counts 0 (also in text that is not JSON), its UTF-8
//   and UTF-16 entry points agree, it keeps valid JSON valid, counts what it replaced, and
//   masking again changes nothing.

#include "jsonprettyprinter.h"
#include "jsontreemodel.h"
#include "secretmasker.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>

namespace {

void check(bool holds, const char *what)
{
    if (!holds) {
        std::fprintf(stderr, "fuzz_json: %s\n", what);
        std::abort();
    }
}

bool isJsonWhitespace(char16_t c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

// The text without whitespace outside strings (only meaningful for valid JSON).
QString compact(QStringView json)
{
    QString result;
    bool inString = false;
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char16_t c = json[i].unicode();
        if (inString) {
            result.append(json[i]);
            if (c == '\\' && i + 1 < json.size()) {
                result.append(json[++i]);
            } else if (c == '"') {
                inString = false;
            }
        } else if (!isJsonWhitespace(c)) {
            result.append(json[i]);
            inString = c == '"';
        }
    }
    return result;
}

QStringView trimmedJson(QStringView json)
{
    qsizetype begin = 0;
    qsizetype end = json.size();
    while (begin < end && isJsonWhitespace(json[begin].unicode())) {
        ++begin;
    }
    while (end > begin && isJsonWhitespace(json[end - 1].unicode())) {
        --end;
    }
    return json.mid(begin, end - begin);
}

// Expands the tree breadth first, reading every role of up to `budget` nodes.
void walkTree(JsonTreeModel &model, const JsonPrettyPrinter &printer, int budget)
{
    std::deque<QModelIndex> pending { model.index(0, 0) };
    while (!pending.empty() && budget-- > 0) {
        const QModelIndex index = pending.front();
        pending.pop_front();
        check(index.isValid(), "the tree gave an invalid index");
        for (int column = 0; column < JsonTreeModel::ColumnCount; ++column) {
            index.siblingAtColumn(column).data();
        }
        const QString text = index.data(JsonTreeModel::ValueTextRole).toString();
        check(printer.format(QStringView(text)).ok, "a node's text is no valid document");
        index.data(JsonTreeModel::PathRole);
        index.data(JsonTreeModel::ValueRole);
        check(model.parent(index) == index.parent(), "parent() disagrees");
        if (model.canFetchMore(index)) {
            model.fetchMore(index);
        }
        for (int row = 0; row < model.rowCount(index); ++row) {
            pending.push_back(model.index(row, 0, index));
        }
    }
}

void checkDocument(const QString &text)
{
    const JsonPrettyPrinter printer;
    const JsonFormatResult pretty = printer.format(QStringView(text));
    if (pretty.ok) {
        check(printer.format(QStringView(pretty.text)).text == pretty.text, "not idempotent");
        check(compact(pretty.text) == compact(text), "pretty text holds other tokens");
    } else {
        check(!pretty.error.isEmpty(), "an error without a message");
        check(pretty.errorOffset >= 0 && pretty.errorOffset <= text.size(), "error offset");
    }

    JsonTreeModel model;
    const bool indexed = model.setDocument(text);
    check(indexed == pretty.ok, "the tree and the printer disagree on validity");
    if (indexed) {
        check(model.index(0, 0).data(JsonTreeModel::ValueTextRole).toString() == trimmedJson(text),
            "the root's text is not the document");
        walkTree(model, printer, 300);
    } else {
        check(model.rowCount() == 0 && model.errorOffset() == pretty.errorOffset,
            "a rejected document shows something or is placed elsewhere");
    }

    const SecretMasker masker;
    int count = -1;
    const QString masked = masker.mask(text, &count);
    check(count == masker.countMasked(text), "countMasked disagrees with mask");
    if (!pretty.ok) {
        // Text that is not JSON is masked as far as it can be, never grown beyond the
        // masks it adds.
        check(count > 0 || masked == text, "text that is not JSON changed without a mask");
        return;
    }
    if (count == 0) {
        check(masked == text, "a document without secrets was changed");
        return;
    }
    check(printer.format(QStringView(masked)).ok, "masking broke the document");
    int again = -1;
    // A value hidden by its key is hidden again ("••••" under the same key); one hidden
    // for a value pattern match no longer matches.
    check(masker.mask(masked, &again) == masked && again <= count, "masking is not stable");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const JsonPrettyPrinter printer;
    const JsonUtf8FormatResult utf8 = printer.formatUtf8(bytes);
    const QString text = QString::fromUtf8(bytes);
    if (utf8.ok) {
        const JsonFormatResult fromText = printer.format(QStringView(text));
        check(fromText.ok && fromText.text == QString::fromUtf8(utf8.text),
            "the UTF-8 and UTF-16 entry points disagree");
        int fromBytes = -1;
        int fromString = -1;
        const QByteArray masked = SecretMasker().maskUtf8(bytes, &fromBytes);
        check(QString::fromUtf8(masked) == SecretMasker().mask(text, &fromString)
                && fromBytes == fromString,
            "maskUtf8 and mask disagree");
    } else {
        int count = -1;
        const QByteArray masked = SecretMasker().maskUtf8(bytes, &count);
        check(count > 0 || masked == bytes, "invalid UTF-8 changed without a mask");
    }
    checkDocument(text);
    // The same bytes as UTF-16 code units (copied: `data` need not be aligned for them).
    QString units(qsizetype(size / 2), Qt::Uninitialized);
    std::memcpy(units.data(), data, size / 2 * 2);
    checkDocument(units);
    return 0;
}
