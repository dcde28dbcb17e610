#include <QCoreApplication>
#include <QTemporaryDir>

#include <gtest/gtest.h>

// Database tests need an event loop for the worker's queued signals.
int main(int argc, char **argv)
{
    // The chart's cache on disk (QStandardPaths::CacheLocation) goes to a folder of this
    // run, never the user's.
    const QTemporaryDir cacheHome;
    qputenv("XDG_CACHE_HOME", cacheHome.path().toUtf8());
    QCoreApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
