#include <QApplication>
#include <QTemporaryDir>

#include <gtest/gtest.h>

// Widget tests run under QT_QPA_PLATFORM=offscreen (set by CTest) with a real event loop.
int main(int argc, char **argv)
{
    // The chart's cache on disk goes to a folder of this run, never the user's.
    const QTemporaryDir cacheHome;
    qputenv("XDG_CACHE_HOME", cacheHome.path().toUtf8());
    qputenv("QT_QPA_PLATFORM",
        qgetenv("QT_QPA_PLATFORM").isEmpty() ? "offscreen" : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("HindsightTest"));
    QApplication::setApplicationName(QStringLiteral("audit-viewer-ui-tests"));
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
