// Throughput of SecretMasker::maskUtf8Into the way an export calls it: document by
// document, each row's request, response and metadata on its own. The documents come
// from a file with one per line (jsonb as psql prints it: one line per value), e.g.
//   psql -XAtc "SELECT request FROM audit_log UNION ALL SELECT response ..." > docs.jsonl
// Usage:
//   bench_masking FILE [--rounds N]
// Prints the documents and megabytes read, how many the default rules changed, and the
// best of N rounds as MB/s and nanoseconds per document.

#include "secretmasker.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QFile>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_masking FILE [--rounds N]\n");
        return 1;
    }
    int rounds = 5;
    if (argc >= 4 && std::strcmp(argv[2], "--rounds") == 0) {
        rounds = std::max(1, std::atoi(argv[3]));
    }
    QFile file(QString::fromLocal8Bit(argv[1]));
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "bench_masking: cannot read %s\n", argv[1]);
        return 1;
    }
    const QByteArray all = file.readAll();
    std::vector<QByteArrayView> documents;
    qsizetype bytes = 0;
    for (qsizetype at = 0; at < all.size();) {
        qsizetype end = all.indexOf('\n', at);
        if (end < 0) {
            end = all.size();
        }
        if (end > at) {
            documents.emplace_back(all.constData() + at, end - at);
            bytes += end - at;
        }
        at = end + 1;
    }
    if (documents.empty()) {
        std::fprintf(stderr, "bench_masking: no documents in %s\n", argv[1]);
        return 1;
    }

    const SecretMasker masker(MaskingRules::defaults());
    QByteArray masked;
    qint64 best = -1;
    int changed = 0;
    for (int round = 0; round < rounds; ++round) {
        changed = 0;
        QElapsedTimer timer;
        timer.start();
        for (const QByteArrayView document : documents) {
            changed += masker.maskUtf8Into(document, masked) ? 1 : 0;
        }
        const qint64 elapsed = timer.nsecsElapsed();
        best = best < 0 ? elapsed : std::min(best, elapsed);
    }
    std::printf("documents %zu, %.1f MB, changed by masking %d\n", documents.size(),
        double(bytes) / 1e6, changed);
    std::printf("maskUtf8Into best of %d: %.0f MB/s, %.0f ns per document\n", rounds,
        double(bytes) / 1e6 / (double(best) / 1e9), double(best) / double(documents.size()));
    return 0;
}
