#pragma once

#include "auditentry.h"

#include <QDialog>

// A first, read-only look at one entry: its header and pretty-printed request, response
// and metadata. Non-modal; several can be open. (The full detail dialog replaces it.)
// Thread: the GUI thread.
class EntryPreview : public QDialog
{
    Q_OBJECT
public:
    EntryPreview(const AuditEntryDetail &detail, bool utc, QWidget *parent = nullptr);
};
