#pragma once

#include "secretmasker.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// One message of a call's input as the Conversation tab shows it.
struct LlmMessage
{
    QString role; // as stored (decoded); empty when the message has none
    // The content as text: a string content decoded, the text of {type: text} parts joined
    // by blank lines, anything else pretty-printed JSON; then any other member of the
    // message ("tool_calls: [...]").
    QString text;
};

// What a call's `input` column holds, read for the Conversation tab: usually the message list
// [{"role": ..., "content": ...}, ...]; a long input as Hindsight cut it ({"_truncated": true,
// "_original_chars": N, "preview": "<the first characters of the list's JSON>"}); anything
// else as text. Secrets are masked by the same rules as the JSON panes (SecretMasker) before
// any text is taken out, so the conversation never shows what the raw JSON hides.
// Thread: any (a pure function of its input).
struct LlmConversation
{
    enum class Shape {
        None, // NULL
        Messages, // a list of message objects
        Text, // anything else: a string decoded, other JSON pretty-printed, invalid JSON as stored
        Truncated // Hindsight kept a preview only
    };

    Shape shape = Shape::None;
    QList<LlmMessage> messages;
    // Messages; Truncated: the messages of the preview, the last one cut short, when the
    // preview is the start of a message list.
    // Text: the input as text. Truncated without messages: the preview (itself the start of
    // a JSON text) pretty-printed as far as it goes.
    QString text;
    qint64 originalChars = 0; // Truncated: what Hindsight's _original_chars says
    qint64 keptChars = 0; // Truncated: the characters (code points) of the preview
    int maskedCount = 0; // secret values hidden
    int revealedCount = 0; // secret values shown because revealAll

    static LlmConversation read(
        const std::optional<QString> &input, const SecretMasker &masker, bool revealAll);
    // Text that is not JSON (the error column), masked by the rules' best effort, as Text.
    static LlmConversation plainText(
        const std::optional<QString> &text, const SecretMasker &masker, bool revealAll);
};

// The documents and memories a call's metadata names (Hindsight's document_id for a
// retain's extraction, memory_ids created and source_memory_ids consumed by its run), read
// from the metadata masked like the rest.
struct LlmCallLinks
{
    QString documentId;
    QStringList memoryIds;
    QStringList sourceMemoryIds;

    static LlmCallLinks read(
        const std::optional<QString> &metadata, const SecretMasker &masker, bool revealAll);
};
