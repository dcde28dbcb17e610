#pragma once

#include "commandline.h"

class QIODevice;

// Runs list, stats and show on the calling thread and writes their output.
// Returns the process exit code: 0 ok, 2 connection or query error (one line on `err`).
int runHeadlessCommand(const CommandLine &commandLine, QIODevice &out, QIODevice &err);
