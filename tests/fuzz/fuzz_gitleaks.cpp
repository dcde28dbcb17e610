// libFuzzer target: the TOML reader and the gitleaks configuration reader never crash, and
// every value pattern a configuration gives compiles (a rule that does not is skipped).
#include "gitleaksconfig.h"
#include "secretmasker.h"
#include "tomlreader.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text
        = QString::fromUtf8(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    QString error;
    const bool read = TomlReader::read(text, &error).has_value();
    if (!read && !error.startsWith(QLatin1String("line "))) {
        std::abort(); // every refusal names its line
    }
    QStringList problems;
    const std::optional<MaskingRules> rules = GitleaksConfig::maskingRules(text, &error, &problems);
    if (rules.has_value() != read || (rules && !rules->problems().isEmpty())) {
        std::abort();
    }
    if (rules) {
        SecretMasker(*rules).maskUtf8(QByteArrayView(data, static_cast<qsizetype>(size)));
    }
    return 0;
}
