#include "llmwaterfall.h"

#include <QElapsedTimer>
#include <QImage>
#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

#include <iostream>

namespace {

constexpr qint64 kRunStart = 1774606530000000; // 2026-03-27T10:15:30Z

LlmCall makeCall(const QString &id, const QString &span, const QString &parent, qint64 startMs,
    qint64 durationMs, const QString &status = QStringLiteral("success"))
{
    LlmCall call;
    call.id = id;
    call.schema = QStringLiteral("public");
    call.bankId = QStringLiteral("team-alpha");
    call.operation = QStringLiteral("reflect");
    call.scope = QStringLiteral("reflect_tool_call");
    call.model = QStringLiteral("gpt-4o");
    call.traceId = QStringLiteral("trace-1");
    call.spanId = span;
    call.parentSpanId = parent;
    call.status = status;
    call.startedAt = AuditTimestamp::fromUsecsSinceEpoch(kRunStart + startMs * 1000);
    call.endedAt = AuditTimestamp::fromUsecsSinceEpoch(kRunStart + (startMs + durationMs) * 1000);
    call.durationMs = durationMs;
    call.inputTokens = 1000;
    call.outputTokens = 234;
    call.totalTokens = 1234;
    if (status != QLatin1String("success")) {
        call.errorStart = QStringLiteral("RateLimitError: 429");
    }
    return call;
}

LlmRunCalls makeRun(const QList<LlmCall> &calls)
{
    LlmRunCalls run;
    run.run.key = QStringLiteral("trace-1");
    run.run.traceId = QStringLiteral("trace-1");
    run.run.operation = QStringLiteral("reflect");
    run.run.schema = QStringLiteral("public");
    run.run.firstStart = AuditTimestamp::fromUsecsSinceEpoch(kRunStart);
    run.run.calls = calls.size();
    run.calls = calls;
    return run;
}

// a (under the operation) with b under it, c and d under the operation (d's parent is no
// call of the run), e failed.
LlmRunCalls nestedRun()
{
    return makeRun({ makeCall(QStringLiteral("a"), QStringLiteral("span-a"), QStringLiteral("op"),
                         0, 100),
        makeCall(QStringLiteral("b"), QStringLiteral("span-b"), QStringLiteral("span-a"), 20, 50),
        makeCall(QStringLiteral("c"), QStringLiteral("span-c"), QStringLiteral("op"), 500, 500),
        makeCall(
            QStringLiteral("d"), QStringLiteral("span-d"), QStringLiteral("elsewhere"), 600, 100),
        makeCall(QStringLiteral("e"), QStringLiteral("span-e"), QStringLiteral("op"), 900, 100,
            QStringLiteral("error")) });
}

} // namespace

TEST(LlmWaterfall, NestsCallsByParentSpanUnderTheOperation)
{
    LlmWaterfall waterfall;
    waterfall.setRun(nestedRun());
    ASSERT_EQ(waterfall.rowCount(), 6);
    EXPECT_EQ(waterfall.callAt(0), nullptr);
    EXPECT_EQ(waterfall.nameAt(0), QStringLiteral("reflect · 5 calls"));
    QStringList order;
    QList<int> depths;
    for (int row = 1; row < waterfall.rowCount(); ++row) {
        order.append(waterfall.callAt(row)->id);
        depths.append(waterfall.depthAt(row));
    }
    EXPECT_EQ(order, QStringList({ "a", "b", "c", "d", "e" }));
    EXPECT_EQ(depths, QList<int>({ 1, 2, 1, 1, 1 }));
}

TEST(LlmWaterfall, ShowsEveryCallOfAParentChainThatLoops)
{
    LlmWaterfall waterfall;
    waterfall.setRun(
        makeRun({ makeCall(QStringLiteral("x"), QStringLiteral("s1"), QStringLiteral("s2"), 0, 10),
            makeCall(QStringLiteral("y"), QStringLiteral("s2"), QStringLiteral("s1"), 5, 10),
            makeCall(QStringLiteral("z"), QStringLiteral("s3"), QStringLiteral("s3"), 8, 10) }));
    EXPECT_EQ(waterfall.rowCount(), 4);
    EXPECT_GE(waterfall.rowOf(QStringLiteral("x")), 1);
    EXPECT_GE(waterfall.rowOf(QStringLiteral("y")), 1);
    EXPECT_GE(waterfall.rowOf(QStringLiteral("z")), 1);
}

TEST(LlmWaterfall, BarsSitOnTheTimeAxisInMillisecondsFromTheRunStart)
{
    LlmWaterfall waterfall;
    waterfall.resize(1000, 400);
    waterfall.setRun(nestedRun());
    waterfall.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&waterfall));
    EXPECT_EQ(waterfall.spanMicros(), 1'000'000);
    const QRect a = waterfall.barRect(waterfall.rowOf(QStringLiteral("a")));
    const QRect c = waterfall.barRect(waterfall.rowOf(QStringLiteral("c")));
    const QRect operation = waterfall.barRect(0);
    // c starts at half the run and lasts five times as long as a.
    EXPECT_NEAR(c.left() - a.left(), operation.width() / 2, 2);
    EXPECT_NEAR(double(c.width()) / a.width(), 5.0, 0.2);
    EXPECT_NEAR(c.right(), operation.right(), 2);
    EXPECT_GT(c.top(), a.top());
    const QStringList ticks = waterfall.tickLabels();
    ASSERT_GE(ticks.size(), 3);
    EXPECT_EQ(ticks.first(), QStringLiteral("0 ms"));
    EXPECT_EQ(ticks.last(), QStringLiteral("1,000 ms"))
        << ticks.join(QLatin1Char(' ')).toStdString();
}

TEST(LlmWaterfall, LabelsBarsWithTokensAndDurationAndMarksErrors)
{
    LlmWaterfall waterfall;
    waterfall.setRun(nestedRun());
    EXPECT_EQ(waterfall.barTextAt(waterfall.rowOf(QStringLiteral("c"))),
        QStringLiteral("1,234 tok · 500 ms"));
    EXPECT_EQ(waterfall.barTextAt(waterfall.rowOf(QStringLiteral("e"))),
        QStringLiteral("✖ error · 1,234 tok · 100 ms"));
    EXPECT_EQ(waterfall.nameAt(waterfall.rowOf(QStringLiteral("c"))),
        QStringLiteral("reflect_tool_call · gpt-4o"));
}

TEST(LlmWaterfall, PaintsAFailedBarRedAndHatched)
{
    LlmWaterfall waterfall;
    waterfall.resize(1000, 400);
    waterfall.setRun(nestedRun());
    waterfall.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&waterfall));
    const QImage image = waterfall.viewport()->grab().toImage();
    const QRect failed = waterfall.barRect(waterfall.rowOf(QStringLiteral("e")));
    const QRect fine = waterfall.barRect(waterfall.rowOf(QStringLiteral("d")));
    int red = 0;
    QSet<QRgb> colours;
    for (int x = failed.left(); x <= failed.right(); ++x) {
        const QColor pixel = image.pixelColor(x, failed.center().y());
        colours.insert(pixel.rgb());
        red += pixel.red() > 150 && pixel.green() < 90 ? 1 : 0;
    }
    EXPECT_GT(red, failed.width() / 3);
    EXPECT_GE(colours.size(), 2); // the hatching
    const QColor okPixel = image.pixelColor(fine.left() + 1, fine.center().y());
    EXPECT_LT(okPixel.red(), 150);
}

TEST(LlmWaterfall, ClickingACallOrPressingEnterAsksForIt)
{
    LlmWaterfall waterfall;
    waterfall.resize(1000, 400);
    waterfall.setRun(nestedRun());
    waterfall.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&waterfall));
    QSignalSpy activated(&waterfall, &LlmWaterfall::callActivated);
    const int row = waterfall.rowOf(QStringLiteral("c"));
    QTest::mouseClick(waterfall.viewport(), Qt::LeftButton, {}, waterfall.barRect(row).center());
    ASSERT_EQ(activated.size(), 1);
    EXPECT_EQ(activated.at(0).at(0).toString(), QStringLiteral("c"));
    EXPECT_EQ(waterfall.currentRow(), row);

    // The label column selects too; the operation row asks for nothing.
    QTest::mouseClick(
        waterfall.viewport(), Qt::LeftButton, {}, QPoint(20, waterfall.barRect(0).center().y()));
    EXPECT_EQ(activated.size(), 1);
    QTest::keyClick(&waterfall, Qt::Key_Down);
    QTest::keyClick(&waterfall, Qt::Key_Down);
    QTest::keyClick(&waterfall, Qt::Key_Return);
    ASSERT_EQ(activated.size(), 2);
    EXPECT_EQ(activated.at(1).at(0).toString(), QStringLiteral("b"));
}

TEST(LlmWaterfall, OpensARunOfAThousandCallsAtOnce)
{
    QList<LlmCall> calls;
    for (int i = 0; i < 1000; ++i) {
        // Every tenth call nests under the one before it.
        calls.append(makeCall(QStringLiteral("call-%1").arg(i), QStringLiteral("span-%1").arg(i),
            i % 10 == 0 && i > 0 ? QStringLiteral("span-%1").arg(i - 1) : QStringLiteral("op"),
            i * 37, 200 + (i % 7) * 90,
            i % 13 == 0 ? QStringLiteral("error") : QStringLiteral("success")));
    }
    const LlmRunCalls run = makeRun(calls);
    LlmWaterfall waterfall;
    waterfall.resize(1000, 600);
    waterfall.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&waterfall));
    QElapsedTimer timer;
    timer.start();
    waterfall.setRun(run);
    waterfall.viewport()->repaint();
    const qint64 elapsed = timer.elapsed();
    std::cout << "waterfall of 1,000 calls built and painted in " << elapsed << " ms\n";
    EXPECT_LE(elapsed, 100);
    EXPECT_EQ(waterfall.rowCount(), 1001);
    EXPECT_LE(waterfall.paintedRows(), 600 / LlmWaterfall::kRowHeight + 1);
    // The last call can be reached.
    QTest::keyClick(&waterfall, Qt::Key_End);
    EXPECT_EQ(waterfall.currentRow(), 1000);
    EXPECT_FALSE(waterfall.barRect(1000).isEmpty());
}
