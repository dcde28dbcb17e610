#include "mainwindow.h"

#include "auditworker.h"
#include "chartpanel.h"
#include "errorbanner.h"
#include "filterbar.h"
#include "llmview.h"
#include "pageloader.h"
#include "resultsview.h"
#include "schemachoice.h"
#include "statuspanel.h"
#include "tenantpicker.h"

#include <QAction>
#include <QStatusBar>

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

// Many tenants: the picker lists every schema that holds the audit table (one catalog query
// on the choices worker after each connection); choosing reconnects on that schema or
// pattern, as --schema and --schemas do. Reading many, the table shows a Tenant column, its
// context menu filters to a row's tenant, and the status bar says which schemas were skipped.
void MainWindow::wireTenants()
{
    connect(m_choicesWorker, &AuditWorker::schemasLoaded, this,
        [this](quint64 id, const QList<AuditSchema> &schemas) {
            if (m_tenantsRequest.take(id)) {
                m_tenants->setSchemas(schemas);
            }
        });
    connect(m_tenants, &TenantPicker::tableChosen, this, [this](const AuditTableRef &table) {
        ConnectionSettings settings = m_settings;
        settings.setTable(table);
        if (!table.isMultiSchema()) {
            AuditFilter filter = m_filterBar->filter();
            filter.schemas.clear(); // one schema: no tenant to filter by
            m_filterBar->setFilter(filter);
        }
        connectTo(settings);
    });
    connect(m_loader, &PageLoader::pageShown, this, [this] {
        if (!m_loader->notes().isEmpty()) {
            statusBar()->showMessage(m_loader->notes().join(QLatin1Char(' ')));
        }
    });
}

void MainWindow::showTenantsOf(const AuditTableRef &table)
{
    m_tenants->setTable(table);
    m_view->setShowsTenants(table.isMultiSchema());
    m_llmView->setShowsTenants(table.isMultiSchema());
    m_tenantFilterAction->setVisible(table.isMultiSchema());
    m_chartPanel->setPerTenantAvailable(table.isMultiSchema());
    m_tenantsRequest.start(m_choicesWorker->loadSchemas());
}
