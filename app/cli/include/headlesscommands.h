#pragma once

#include "commandline.h"

class QIODevice;

// Runs list, stats and show on the calling thread and writes their output.
// Returns the process exit code: 0 ok, 2 connection or query error (one line on `err`).
int runHeadlessCommand(const CommandLine &commandLine, QIODevice &out, QIODevice &err);

// Makes the rules of --mask-rules, or else those in the settings, the ones every masker
// applies (MaskingRules::setActive); rules that cannot be used are named on `err` (they
// are ignored, the others apply).
void activateMaskingRules(const CommandLine &commandLine, QIODevice &err);
