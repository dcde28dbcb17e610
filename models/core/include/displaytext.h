#pragma once

#include <QString>
#include <QStringView>

// Database text shown in the interface, one rule for every label, cell, tooltip, legend and
// window title: characters that would act on the text instead of being part of it are
// shown, not obeyed.
// - C0 controls and DEL appear as their Control Pictures ("a␊b").
// - C1 controls, bidi overrides, embeddings, isolates and marks, line and paragraph
//   separators, and invisible characters (zero-width space, word joiner, BOM, soft
//   hyphen) appear as "<U+202E>".
// - Zero-width joiners and non-joiners stay: emoji sequences and Persian text need them.
// The exact value stays in the data; this is for display only.

// True for a character visibleText() replaces.
bool isHiddenCharacter(char32_t c);
QString visibleText(QStringView text);
// visibleText() inside a first-strong isolate, for a label that sits among other text:
// right-to-left text cannot reorder what is around it.
QString isolatedText(QStringView text);
// A tooltip that shows `text` literally: Qt guesses rich text for anything that looks like
// HTML, so the text is escaped inside <qt>, with its line breaks kept.
QString plainToolTip(const QString &text);
