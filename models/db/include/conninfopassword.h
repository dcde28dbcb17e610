#pragma once

#include <QByteArrayView>
#include <QList>

// Where a conninfo string, as typed on the command line, spells its password: the
// user:PASSWORD@ of a postgresql:// URI and its ?password= parameter, or the value of a
// password=... key (quoted or not). Read as libpq reads them (fe-connect.c), so that the
// process can blank its own argument once the string is parsed: /proc/PID/cmdline and ps
// then show "xxxx" instead, as the MySQL client does. The spans are the bytes as typed
// (percent-encoding, quotes' contents and backslashes included).
// Thread: any (pure functions).
struct ByteSpan
{
    qsizetype start = 0;
    qsizetype length = 0;
    bool operator==(const ByteSpan &) const = default;
};

QList<ByteSpan> conninfoPasswordSpans(QByteArrayView conninfo);

// Overwrites every byte of each password span in `argument` (a NUL-terminated argv
// string) with 'x'; the length stays, so the string still parses and the arguments after
// it do not move. Returns whether anything was overwritten.
bool blankConninfoPassword(char *argument);
