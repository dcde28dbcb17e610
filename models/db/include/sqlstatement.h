#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

// A statement with numbered parameters ($1, $2, ...) and their values as text.
// Values are never spliced into the SQL; libpq sends them separately.
struct SqlStatement
{
    QString sql;
    QList<std::optional<QByteArray>> params;

    // Appends a parameter and returns its placeholder, e.g. "$3".
    QString bind(const QString &value);
    QString bind(const QByteArray &value);
};
