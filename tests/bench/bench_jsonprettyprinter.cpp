// Throughput of JsonPrettyPrinter (and of SecretMasker and JsonTreeModel's index, which
// scan the same way) on a ~50 MB document shaped like Hindsight's audit entries (requests
// and responses with text, scores and big integers), in the compact layout PostgreSQL
// prints jsonb in.
// Usage:
//   bench_jsonprettyprinter [MEGABYTES]             every entry point, in memory
//   bench_jsonprettyprinter --write FILE [MEGABYTES]
//                                                   writes the document (for jq, psql)
//   bench_jsonprettyprinter --file FILE [--rounds N] [--output OUT]
//       formatUtf8 on FILE, best of N: the formatting alone, and end to end (read FILE,
//       format, write to OUT or /dev/null), as "name MB/s" lines for run-formatter-bench

#include "jsonprettyprinter.h"
#include "jsontreemodel.h"
#include "secretmasker.h"

#include <QElapsedTimer>
#include <QFile>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>

namespace {

// Deterministic: the same size gives the same bytes.
QByteArray auditLikeDocument(qsizetype targetBytes)
{
    std::mt19937 random(42);
    const char *words[] = { "memory", "bank", "recall", "Zürich", "naïve", "東京", "reflect", "😀",
        "the", "of", "\\\"quoted\\\"", "Alice", "\\u00e9t\\u00e9", "שלום" };
    const char *actions[] = { "recall", "retain", "reflect", "create_bank", "consolidation" };
    const auto text = [&](int minWords, int maxWords) {
        QByteArray result;
        const int count = minWords + int(random() % quint32(maxWords - minWords + 1));
        for (int w = 0; w < count; ++w) {
            result += words[random() % std::size(words)];
            result += w % 9 == 8 ? "\\n" : " ";
        }
        return result;
    };
    const auto hex = [&](int digits) {
        QByteArray result = QByteArray::number(quint64(random()) << 32 | random(), 16);
        return result.rightJustified(digits, '0').right(digits);
    };
    const auto bigInteger = [&] {
        // Above 2^53, and often above 2^63: doubles and int64 both lose these.
        return QByteArray::number(quint64(random()) << 32 | random())
            + QByteArray::number(random() % 10);
    };

    QByteArray json = "{\"entries\": [";
    json.reserve(targetBytes + 65536);
    for (int i = 0; json.size() < targetBytes; ++i) {
        if (i > 0) {
            json += ", ";
        }
        const QByteArray id = hex(8) + "-" + hex(4) + "-4" + hex(3) + "-a" + hex(3) + "-" + hex(12);
        json += "{\"id\": \"" + id + "\", \"action\": \"" + actions[random() % std::size(actions)]
            + "\", \"transport\": \"http\", \"bank_id\": \"bank-"
            + QByteArray::number(random() % 300) + "\", \"started_at\": \"2026-03-27T10:15:30."
            + QByteArray::number(100000 + random() % 900000)
            + "+00:00\", \"request\": {\"query\": \"" + text(3, 12)
            + "\", \"max_tokens\": 4096, \"budget\": \"mid\", \"types\": [\"world\", "
              "\"experience\"]}, "
              "\"response\": {\"results\": [";
        const int results = 1 + int(random() % 6);
        for (int r = 0; r < results; ++r) {
            json += (r ? ", " : "") + QByteArray("{\"id\": \"") + hex(16) + "\", \"text\": \""
                + text(5, 40) + "\", \"score\": 0." + QByteArray::number(random())
                + ", \"seq\": " + bigInteger()
                + ", \"entities\": [], \"occurred_start\": null, \"metadata\": {\"source\": "
                  "\"http\", \"ok\": true}}";
        }
        json += "], \"usage\": {\"input_tokens\": " + QByteArray::number(random() % 5000)
            + ", \"total\": -1.5e-7}}, \"metadata\": {\"duration_ms\": "
            + QByteArray::number(random() % 2000) + "}}";
    }
    json += "], \"total\": 12345678901234567890}";
    return json;
}

double megabytesPerSecond(qsizetype bytes, qint64 nanoseconds)
{
    return double(bytes) / 1e6 / (double(nanoseconds) / 1e9);
}

template <typename Run> double bestMegabytesPerSecond(qsizetype inputBytes, int rounds, Run run)
{
    double best = 0;
    for (int round = 0; round < rounds; ++round) {
        QElapsedTimer timer;
        timer.start();
        const bool ok = run();
        const qint64 ns = timer.nsecsElapsed();
        if (!ok) {
            std::fprintf(stderr, "formatting failed\n");
            std::exit(1);
        }
        best = std::max(best, megabytesPerSecond(inputBytes, ns));
    }
    return best;
}

int inMemory(qsizetype megabytes)
{
    const QByteArray utf8 = auditLikeDocument(megabytes * 1000 * 1000);
    const QString utf16 = QString::fromUtf8(utf8);
    const JsonPrettyPrinter printer;

    qsizetype outputBytes = 0;
    const double utf8Rate = bestMegabytesPerSecond(utf8.size(), 5, [&] {
        const JsonUtf8FormatResult result = printer.formatUtf8(utf8);
        outputBytes = result.text.size();
        return result.ok;
    });
    const double utf16Rate = bestMegabytesPerSecond(
        utf8.size(), 5, [&] { return printer.format(QStringView(utf16)).ok; });
    const double bytesToStringRate = bestMegabytesPerSecond(
        utf8.size(), 5, [&] { return printer.format(QByteArrayView(utf8)).ok; });
    std::printf("input %.1f MB UTF-8, output %.1f MB\n", utf8.size() / 1e6, outputBytes / 1e6);
    std::printf("formatUtf8(QByteArrayView)  -> QByteArray: %7.0f MB/s\n", utf8Rate);
    std::printf(
        "format(QStringView)         -> QString:    %7.0f MB/s (of UTF-8 input size)\n", utf16Rate);
    std::printf("format(QByteArrayView)      -> QString:    %7.0f MB/s\n", bytesToStringRate);
    // The masker scans the same way and runs beside the formatter in the detail view.
    const SecretMasker masker;
    const double maskRate
        = bestMegabytesPerSecond(utf8.size(), 5, [&] { return !masker.maskUtf8(utf8).isEmpty(); });
    std::printf("SecretMasker::maskUtf8      -> QByteArray: %7.0f MB/s\n", maskRate);
    JsonTreeModel tree;
    const double treeRate
        = bestMegabytesPerSecond(utf8.size(), 5, [&] { return tree.setDocument(utf16); });
    std::printf(
        "JsonTreeModel::setDocument(QString):       %7.0f MB/s (of UTF-8 input size)\n", treeRate);
    return 0;
}

int writeDocument(const char *path, qsizetype megabytes)
{
    QFile file(QString::fromLocal8Bit(path));
    const QByteArray json = auditLikeDocument(megabytes * 1000 * 1000);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(json) != json.size()) {
        std::fprintf(stderr, "cannot write %s\n", path);
        return 1;
    }
    return 0;
}

int formatFile(const char *path, int rounds, const char *outputPath)
{
    const QString input = QString::fromLocal8Bit(path);
    const QString output = QString::fromLocal8Bit(outputPath ? outputPath : "/dev/null");
    const auto readAll = [&input](QByteArray &bytes) {
        QFile file(input);
        if (!file.open(QIODevice::ReadOnly)) {
            return false;
        }
        bytes = file.readAll();
        return true;
    };
    QByteArray bytes;
    if (!readAll(bytes)) {
        std::fprintf(stderr, "cannot read %s\n", path);
        return 1;
    }
    const JsonPrettyPrinter printer;
    const double alone = bestMegabytesPerSecond(
        bytes.size(), rounds, [&] { return printer.formatUtf8(bytes).ok; });
    const double endToEnd = bestMegabytesPerSecond(bytes.size(), rounds, [&] {
        QByteArray document;
        if (!readAll(document)) {
            return false;
        }
        const JsonUtf8FormatResult result = printer.formatUtf8(document);
        QFile out(output);
        return result.ok && out.open(QIODevice::WriteOnly | QIODevice::Truncate)
            && out.write(result.text) == result.text.size();
    });
    std::printf("formatUtf8 %.1f MB/s\n", alone);
    std::printf("end-to-end %.1f MB/s\n", endToEnd);
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc >= 3 && std::strcmp(argv[1], "--write") == 0) {
        return writeDocument(argv[2], argc > 3 ? std::atoi(argv[3]) : 50);
    }
    if (argc >= 3 && std::strcmp(argv[1], "--file") == 0) {
        int rounds = 5;
        const char *output = nullptr;
        for (int i = 3; i + 1 < argc; i += 2) {
            if (std::strcmp(argv[i], "--rounds") == 0) {
                rounds = std::max(1, std::atoi(argv[i + 1]));
            } else if (std::strcmp(argv[i], "--output") == 0) {
                output = argv[i + 1];
            }
        }
        return formatFile(argv[2], rounds, output);
    }
    return inMemory(argc > 1 ? std::atoi(argv[1]) : 50);
}
