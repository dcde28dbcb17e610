#include "mainwindow.h"

#include "auditworker.h"
#include "errorbanner.h"
#include "pageloader.h"
#include "schemachoice.h"
#include "statuspanel.h"

// The audit table is missing from the database connected to: find the schemas that hold a
// table of its name (one catalog query on the choices worker) and offer them in the banner;
// choosing one reconnects on it, as --schema does.
void MainWindow::wireSchemaChoice()
{
    connect(m_loader, &PageLoader::connectionFailed, this, [this](const QueryError &error) {
        m_schemasRequest.clear();
        if (error.isMissingTable()) {
            m_schemasRequest.start(m_choicesWorker->loadSchemas());
            m_status->setConnection(tr("No audit table"));
        }
    });
    connect(m_choicesWorker, &AuditWorker::schemasLoaded, this,
        [this](quint64 id, const QList<AuditSchema> &schemas) {
            if (!m_schemasRequest.take(id)) {
                return;
            }
            const AuditTableRef table = m_settings.table();
            if (schemas.isEmpty()) {
                m_banner->showError(SchemaChoice::noneMessage(table.table));
                return;
            }
            const int count = int(schemas.size());
            m_banner->showSchemaChoice(count == 1
                    ? tr("The table %1 does not exist. One schema of this database holds a "
                         "table %2: open it from there.")
                          .arg(table.displayName(), table.table)
                    : tr("The table %1 does not exist. %n schemas of this database hold a table "
                         "%2: choose one to open it.",
                        nullptr, count)
                          .arg(table.displayName(), table.table),
                schemas);
        });
    connect(m_banner, &ErrorBanner::schemaChosen, this, [this](const QString &schema) {
        ConnectionSettings settings = m_settings;
        AuditTableRef table = settings.table();
        table.schema = schema;
        settings.setTable(table);
        connectTo(settings);
    });
}
