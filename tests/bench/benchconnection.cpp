#include "benchconnection.h"

#include "connectionsettings.h"

#include <cstdio>

bool openBenchConnection(DatabaseConnection &connection, const QString &conninfo)
{
    auto settings = ConnectionSettings::parse(conninfo);
    if (!settings) {
        std::fprintf(stderr, "%s\n", qPrintable(settings.error().message));
        return false;
    }
    if (auto opened = connection.open(settings.value()); !opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error().message));
        return false;
    }
    return true;
}
