#pragma once

#include <QApplication>
#include <QDir>
#include <QString>
#include <QWidget>

// For looking at a widget by eye: with AUDIT_VIEWER_SCREENSHOT_DIR set, saves `widget` there
// as `name` (its pending layout done first); otherwise does nothing.
inline void saveScreenshot(QWidget &widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("AUDIT_VIEWER_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        QApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        widget.grab().save(QDir(dir).filePath(name));
    }
}
