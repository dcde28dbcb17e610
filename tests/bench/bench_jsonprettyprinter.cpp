// Throughput of JsonPrettyPrinter on a ~50 MB document shaped like Hindsight's audit
// requests and responses, in the compact layout PostgreSQL prints jsonb in.
// Usage: bench_jsonprettyprinter [megabytes]

#include "jsonprettyprinter.h"

#include <QElapsedTimer>

#include <cstdio>
#include <cstdlib>
#include <random>

namespace {

QByteArray auditLikeDocument(qsizetype targetBytes)
{
    std::mt19937 random(42);
    const char *words[]
        = { "memory", "bank", "recall", "Zürich", "naïve", "東京", "reflect", "😀", "the", "of" };
    QByteArray json = "{\"results\": [";
    json.reserve(targetBytes + 4096);
    for (int i = 0; json.size() < targetBytes; ++i) {
        if (i > 0) {
            json += ", ";
        }
        QByteArray text;
        const int wordCount = 5 + int(random() % 40);
        for (int w = 0; w < wordCount; ++w) {
            text += words[random() % std::size(words)];
            text += w % 7 == 6 ? "\\n" : " ";
        }
        json += "{\"id\": \"" + QByteArray::number(quint64(random()) << 20 | random(), 16)
            + "\", \"text\": \"" + text + "\", \"score\": 0." + QByteArray::number(random())
            + ", \"seq\": " + QByteArray::number(quint64(random()) * 4294967296ULL + random())
            + ", \"tags\": [\"a\", \"b\", \"c\"], \"meta\": {\"source\": \"http\", \"ok\": true, "
              "\"entities\": [], \"parent\": null}}";
    }
    json += "], \"total\": 12345678901234567890}";
    return json;
}

template <typename Run> double bestMegabytesPerSecond(qsizetype inputBytes, Run run)
{
    double best = 0;
    for (int round = 0; round < 5; ++round) {
        QElapsedTimer timer;
        timer.start();
        const bool ok = run();
        const qint64 ns = timer.nsecsElapsed();
        if (!ok) {
            std::fprintf(stderr, "formatting failed\n");
            std::exit(1);
        }
        best = std::max(best, double(inputBytes) / 1e6 / (double(ns) / 1e9));
    }
    return best;
}

} // namespace

int main(int argc, char **argv)
{
    const qsizetype megabytes = argc > 1 ? std::atoi(argv[1]) : 50;
    const QByteArray utf8 = auditLikeDocument(megabytes * 1000 * 1000);
    const QString utf16 = QString::fromUtf8(utf8);
    const JsonPrettyPrinter printer;

    qsizetype outputBytes = 0;
    const double utf8Rate = bestMegabytesPerSecond(utf8.size(), [&] {
        const JsonUtf8FormatResult result = printer.formatUtf8(utf8);
        outputBytes = result.text.size();
        return result.ok;
    });
    const double utf16Rate = bestMegabytesPerSecond(
        utf8.size(), [&] { return printer.format(QStringView(utf16)).ok; });
    const double bytesToStringRate = bestMegabytesPerSecond(
        utf8.size(), [&] { return printer.format(QByteArrayView(utf8)).ok; });
    std::printf("input %.1f MB UTF-8, output %.1f MB\n", utf8.size() / 1e6, outputBytes / 1e6);
    std::printf("formatUtf8(QByteArrayView)  -> QByteArray: %7.0f MB/s\n", utf8Rate);
    std::printf(
        "format(QStringView)         -> QString:    %7.0f MB/s (of UTF-8 input size)\n", utf16Rate);
    std::printf("format(QByteArrayView)      -> QString:    %7.0f MB/s\n", bytesToStringRate);
    return 0;
}
