#pragma once

#include "audittimestamp.h"

#include <QString>
#include <QStringList>

#include <optional>

// What the operator asked to see of the LLM calls. Empty members do not filter; a list
// matches any of its values.
struct LlmFilter
{
    QStringList operations;
    QStringList statuses; // success, error
    QStringList scopes;
    QStringList providers;
    QStringList models;
    std::optional<QString> bank;
    std::optional<QString> traceId; // one run
    // Calls whose metadata names this document (metadata->>'document_id').
    std::optional<QString> documentId;
    // Calls of runs that created this memory (metadata.memory_ids) or consumed it
    // (metadata.source_memory_ids).
    std::optional<QString> memoryId;
    std::optional<AuditTimestamp> since; // inclusive, on started_at
    std::optional<AuditTimestamp> until; // exclusive
    std::optional<qint64> minDurationMs; // duration_ms at least this
    // Matched literally, case-insensitively, in input, output and error.
    QString search;
    // Reading many schemas: only these (the tenant filter); empty reads every one.
    QStringList schemas;

    bool isEmpty() const;
    bool operator==(const LlmFilter &) const = default;

    // A text that differs whenever any field differs (caches of counts and charts).
    QString cacheKey() const;
};
