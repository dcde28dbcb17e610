#pragma once

#include "volumestats.h"

#include <QStringList>
#include <QTimeZone>

// stats' table: one row per bucket (its start in `zone`), the total, then the busiest actions
// as columns as long as the lines stay within `width` columns, the rest summed as "other".
// Action names follow the window's display rule and are cut with an ellipsis past 14 columns.
// Thread: any (a pure function).
QStringList volumeTableLines(const VolumeSeries &series, const QTimeZone &zone, int width = 100);

// `text` cut to `width` columns with an ellipsis, for a table column that must stay narrow.
QString cutToWidth(const QString &text, qsizetype width);
