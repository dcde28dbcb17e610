#pragma once

#include <QCommandLineOption>

// The options the sub-commands share, each with the value name its help shows; which of them a
// command takes is its reader's choice (CommandLineReader::addOptions, LlmCommandLine::parse).
struct CliOptions
{
    QCommandLineOption help { { QStringLiteral("h"), QStringLiteral("help") }, QString() };
    QCommandLineOption version { { QStringLiteral("v"), QStringLiteral("version") }, QString() };
    QCommandLineOption view { QStringLiteral("view"), QString(), QStringLiteral("NAME") };
    QCommandLineOption schema { QStringLiteral("schema"), QString(), QStringLiteral("S") };
    QCommandLineOption table { QStringLiteral("table"), QString(), QStringLiteral("T") };
    QCommandLineOption schemas { QStringLiteral("schemas"), QString(), QStringLiteral("PATTERN") };
    QCommandLineOption tenant { QStringLiteral("tenant"), QString(), QStringLiteral("S") };
    QCommandLineOption by { QStringLiteral("by"), QString(), QStringLiteral("GROUP") };
    QCommandLineOption timeout { QStringLiteral("statement-timeout"), QString(),
        QStringLiteral("MS") };
    QCommandLineOption limit { QStringLiteral("limit"), QString(), QStringLiteral("N") };
    QCommandLineOption after { QStringLiteral("after"), QString(), QStringLiteral("CURSOR") };
    QCommandLineOption format { QStringLiteral("format"), QString(), QStringLiteral("F") };
    QCommandLineOption period { QStringLiteral("period"), QString(), QStringLiteral("P") };
    QCommandLineOption utc { QStringLiteral("utc"), QString() };
    QCommandLineOption latency { QStringLiteral("latency"), QString() };
    QCommandLineOption output { QStringLiteral("output"), QString(), QStringLiteral("FILE") };
    QCommandLineOption noGuard { QStringLiteral("no-formula-guard"), QString() };
    QCommandLineOption bom { QStringLiteral("bom"), QString() };
    QCommandLineOption noJson { QStringLiteral("no-json"), QString() };
    QCommandLineOption noMask { QStringLiteral("no-mask"), QString() };
    QCommandLineOption verbose { QStringLiteral("verbose"), QString() };
    QCommandLineOption maskRules { QStringLiteral("mask-rules"), QString(),
        QStringLiteral("FILE") };
};
