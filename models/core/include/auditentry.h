#pragma once

#include "audittimestamp.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

// One row of audit_log without its JSON documents (only the start of the request, for
// the table's preview): what the table shows.
struct AuditEntry
{
    enum class Status { Ok, Failed, Running };

    QString id;
    // The schema the row was read from (the tenant, in a multi-tenant deployment).
    QString schema;
    QString action;
    QString transport;
    std::optional<QString> bankId;
    AuditTimestamp startedAt;
    std::optional<AuditTimestamp> endedAt;
    bool hasResponse = false;
    // Characters of the request a page reads into requestStart; it reads one more to tell
    // whether the request goes on.
    static constexpr int kRequestStartLength = 512;
    // Requests stored larger than this many bytes (compressed, as pg_column_size counts) get
    // no requestStart: a page of megabyte requests would take a second instead of a
    // millisecond.
    static constexpr int kRequestStartMaxStoredBytes = 4096;

    // The first kRequestStartLength characters of the request exactly as stored, secrets
    // included: mask it (SecretMasker) before showing it anywhere. nullopt when NULL, empty
    // when the request is too large to preview (kRequestStartMaxStoredBytes).
    std::optional<QString> requestStart;
    bool requestGoesOn = false; // the request is longer than requestStart
    // pg_column_size(request) + pg_column_size(response), a NULL counting 0: the bytes the
    // two documents take on disk (compressed and TOASTed as stored), read without detoasting.
    qint64 storedBytes = 0;

    // Running while ended_at is NULL; failed when it ended without a response.
    Status status() const;
    std::optional<qint64> durationUsecs() const;
    // "12.345" milliseconds with microsecond precision, or empty while running.
    QString durationMsText() const;
    static QString statusName(Status status);
    // True for what the id column can hold as the viewer asks for it: a UUID's 32 hex
    // digits, in any case, with or without its four hyphens.
    static bool isId(const QString &text);
};

// An entry with its request, response and metadata as the exact text PostgreSQL returns.
struct AuditEntryDetail
{
    AuditEntry entry;
    std::optional<QString> request;
    std::optional<QString> response;
    std::optional<QString> metadata;
};

struct AuditPage
{
    QList<AuditEntry> entries;
    bool hasMore = false; // another row exists after the last one
    // Reading many schemas: one sentence per schema that was skipped (not readable by this
    // role, or dropped while the page was read).
    QStringList notes;
};

Q_DECLARE_METATYPE(AuditEntry)
Q_DECLARE_METATYPE(AuditEntryDetail)
Q_DECLARE_METATYPE(AuditPage)
