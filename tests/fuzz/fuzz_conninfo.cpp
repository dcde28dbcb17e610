// libFuzzer target: the connection string and command-line parsers never crash, and a
// parsed connection string survives its password-free form: parsing that again gives the
// same keys and values, without the password.
#include "commandline.h"
#include "connectionsettings.h"

#include <QStringList>

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text
        = QString::fromUtf8(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const auto settings = ConnectionSettings::parse(text);
    if (settings) {
        QString error;
        settings->driverOptions(&error);
        const QString remembered = settings->toConninfoWithoutPassword();
        const auto again = ConnectionSettings::parse(remembered);
        if (!again || !again->password().isEmpty()) {
            std::abort();
        }
        for (const char *key :
            { "host", "port", "dbname", "user", "sslmode", "options", "application_name" }) {
            if (settings->value(QLatin1String(key)) != again->value(QLatin1String(key))) {
                std::abort();
            }
        }
    }
    // The same bytes as command-line words, split at NULs.
    QStringList arguments { QStringLiteral("audit-viewer") };
    arguments += text.split(QChar(u'\0'));
    QString error;
    CommandLine::parse(arguments, &error);
    return 0;
}
