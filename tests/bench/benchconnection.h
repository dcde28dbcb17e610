#pragma once

#include "databaseconnection.h"

#include <QString>

// Opens `connection` on `conninfo` with the viewer's settings (ConnectionSettings::parse);
// prints the error on stderr and returns false when it cannot. Bench code only.
bool openBenchConnection(DatabaseConnection &connection, const QString &conninfo);
