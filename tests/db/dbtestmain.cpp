#include <QCoreApplication>

#include <gtest/gtest.h>

// Database tests need an event loop for the worker's queued signals.
int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
