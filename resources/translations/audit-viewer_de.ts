<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ActionChecklist</name>
    <message>
        <source>All actions</source>
        <translation>Alle Aktionen</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Aktionen</translation>
    </message>
    <message>
        <source>Filter actions…</source>
        <translation>Aktionen filtern…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Uncheck every action (show all actions)</source>
        <translation>Alle Häkchen entfernen (alle Aktionen anzeigen)</translation>
    </message>
    <message>
        <source>Actions to show</source>
        <translation>Anzuzeigende Aktionen</translation>
    </message>
    <message>
        <source>Click or press Space to check an action; Enter or Escape closes the list and applies</source>
        <translation>Klicken oder Leertaste drücken, um eine Aktion anzukreuzen; Eingabetaste oder Esc schließt die Liste und wendet sie an</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message numerus="yes">
        <source>%n actions</source>
        <translation>
            <numerusform>%n Aktion</numerusform>
            <numerusform>%n Aktionen</numerusform>
        </translation>
    </message>
    <message>
        <source>Actions to show; several can be checked in a list with a filter field.</source>
        <translation>Anzuzeigende Aktionen; in einer Liste mit Filterfeld lassen sich mehrere ankreuzen.</translation>
    </message>
    <message>
        <source>Showing: %1</source>
        <translation>Angezeigt: %1</translation>
    </message>
</context>
<context>
    <name>AuditExporter</name>
    <message>
        <source>Not connected to a database.</source>
        <translation>Keine Verbindung zu einer Datenbank.</translation>
    </message>
    <message>
        <source>Could not write the export: %1.</source>
        <translation>Der Export konnte nicht geschrieben werden: %1.</translation>
    </message>
    <message>
        <source>Could not write %1: %2.</source>
        <translation>%1 konnte nicht geschrieben werden: %2.</translation>
    </message>
</context>
<context>
    <name>AuditRepository</name>
    <message>
        <source>The table %1 does not exist; choose the schema and table that Hindsight writes its audit log to.</source>
        <translation>Die Tabelle %1 existiert nicht; wählen Sie das Schema und die Tabelle, in die Hindsight sein Audit-Protokoll schreibt.</translation>
    </message>
    <message>
        <source>%1 is %2, not %3</source>
        <comment>a column, its type, the type it should have</comment>
        <translation>%1 ist %2 statt %3</translation>
    </message>
    <message numerus="yes">
        <source>it has no column %1</source>
        <comment>the names of the missing columns</comment>
        <translation>
            <numerusform>ihr fehlt die Spalte %1</numerusform>
            <numerusform>ihr fehlen die Spalten %1</numerusform>
        </translation>
    </message>
    <message>
        <source>The table %1 is not Hindsight&apos;s audit table: %2.</source>
        <translation>Die Tabelle %1 ist nicht die Audit-Tabelle von Hindsight: %2.</translation>
    </message>
    <message>
        <source>This database role may not read %1 (it lacks the SELECT privilege).</source>
        <translation>Diese Datenbankrolle darf %1 nicht lesen (ihr fehlt das SELECT-Recht).</translation>
    </message>
    <message>
        <source>A page holds at least one row.</source>
        <translation>Eine Seite umfasst mindestens eine Zeile.</translation>
    </message>
    <message>
        <source>The server&apos;s query plan had no row estimate.</source>
        <translation>Der Abfrageplan des Servers enthielt keine Zeilenschätzung.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an audit entry id (a UUID).</source>
        <translation>„%1“ ist keine ID eines Audit-Eintrags (eine UUID).</translation>
    </message>
    <message>
        <source>No audit entry has the id %1.</source>
        <translation>Es gibt keinen Audit-Eintrag mit der ID %1.</translation>
    </message>
    <message>
        <source>Skipped %1: this role may not read it.</source>
        <translation>%1 übersprungen: Diese Rolle darf sie nicht lesen.</translation>
    </message>
    <message numerus="yes">
        <source>This database role may not read any of the %n tables %1 matches.</source>
        <translation>
            <numerusform>Diese Datenbankrolle darf die %n Tabelle, auf die %1 passt, nicht lesen.</numerusform>
            <numerusform>Diese Datenbankrolle darf keine der %n Tabellen lesen, auf die %1 passt.</numerusform>
        </translation>
    </message>
    <message>
        <source>No schema matching %1 has a table named %2.</source>
        <translation>Kein Schema, das auf %1 passt, hat eine Tabelle namens %2.</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <source>ok</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>Started %1
%2 UTC</source>
        <translation>Beginn %1
%2 UTC</translation>
    </message>
    <message>
        <source>Still running, or its end was never written</source>
        <translation>Läuft noch, oder das Ende wurde nie geschrieben</translation>
    </message>
    <message>
        <source>No bank</source>
        <translation>Keine Bank</translation>
    </message>
    <message>
        <source>Ended without a response</source>
        <translation>Ohne Antwort beendet</translation>
    </message>
    <message>
        <source>No end time recorded yet</source>
        <translation>Noch keine Endzeit erfasst</translation>
    </message>
    <message>
        <source>Ended with a response</source>
        <translation>Mit Antwort beendet</translation>
    </message>
    <message>
        <source>Started (UTC)</source>
        <translation>Beginn (UTC)</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>Transport</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>Bank</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Too large for a preview; open the entry to read it</source>
        <translation>Zu groß für eine Vorschau; öffnen Sie den Eintrag, um ihn zu lesen</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <source>%1 (ended %2)</source>
        <translation>%1 (Ende %2)</translation>
    </message>
    <message>
        <source>Ended %1
%2 UTC</source>
        <translation>Ende %1
%2 UTC</translation>
    </message>
    <message numerus="yes">
        <source>%Ln bytes stored for the request and response (compressed as on disk)</source>
        <translation>
            <numerusform>%Ln Byte gespeichert für Anfrage und Antwort (komprimiert wie auf der Platte)</numerusform>
            <numerusform>%Ln Bytes gespeichert für Anfrage und Antwort (komprimiert wie auf der Platte)</numerusform>
        </translation>
    </message>
    <message>
        <source>Stored size of the request and response, compressed as on disk. Not sortable: no index holds it, so ordering by it would read the whole table.</source>
        <translation>Gespeicherte Größe von Anfrage und Antwort, komprimiert wie auf der Platte. Nicht sortierbar: kein Index enthält sie, eine Sortierung müsste die ganze Tabelle lesen.</translation>
    </message>
    <message>
        <source>Ended (UTC)</source>
        <translation>Ende (UTC)</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Mandant</translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>Try &apos;audit-viewer --help&apos;.</source>
        <translation>Weitere Informationen mit „audit-viewer --help“.</translation>
    </message>
    <message>
        <source>CONNINFO is a postgresql:// URI or key=value connection string, as psql takes; what it leaves
out comes from the PG* environment variables, ~/.pgpass and the service file.
</source>
        <translation>CONNINFO ist eine postgresql://-URI oder eine Verbindungszeichenkette aus key=value-Paaren,
wie psql sie annimmt; was darin fehlt, kommt aus den PG*-Umgebungsvariablen, ~/.pgpass
und der Dienstdatei.
</translation>
    </message>
    <message>
        <source>show takes an entry id, optionally after a CONNINFO.</source>
        <translation>show erwartet eine Eintrags-ID, optional nach einer CONNINFO.</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;; give at most one CONNINFO (quote it if it has spaces).</source>
        <translation>Unerwartetes Argument „%1“; geben Sie höchstens eine CONNINFO an (in Anführungszeichen, wenn sie Leerzeichen enthält).</translation>
    </message>
    <message>
        <source>--schema and --table must not be empty.</source>
        <translation>--schema und --table dürfen nicht leer sein.</translation>
    </message>
    <message>
        <source>--statement-timeout takes a number of milliseconds.</source>
        <translation>--statement-timeout erwartet eine Anzahl Millisekunden.</translation>
    </message>
    <message>
        <source>--limit takes a positive number.</source>
        <translation>--limit erwartet eine positive Zahl.</translation>
    </message>
    <message>
        <source>--after takes the last row&apos;s started_at,id, e.g. 2026-03-27T10:15:30.123456Z,&lt;uuid&gt;.</source>
        <translation>--after erwartet started_at,id der letzten Zeile, z. B. 2026-03-27T10:15:30.123456Z,&lt;uuid&gt;.</translation>
    </message>
    <message>
        <source>--format takes table, jsonl or csv.</source>
        <translation>--format erwartet table, jsonl oder csv.</translation>
    </message>
    <message>
        <source>--period takes today, 7d or 30d.</source>
        <translation>--period erwartet today, 7d oder 30d.</translation>
    </message>
    <message>
        <source>--format takes table or json.</source>
        <translation>--format erwartet table oder json.</translation>
    </message>
    <message>
        <source>export needs --output FILE (or - for standard output).</source>
        <translation>export benötigt --output FILE (oder - für die Standardausgabe).</translation>
    </message>
    <message>
        <source>--format takes csv or jsonl.</source>
        <translation>--format erwartet csv oder jsonl.</translation>
    </message>
    <message>
        <source>--format takes text or json.</source>
        <translation>--format erwartet text oder json.</translation>
    </message>
    <message>
        <source>No saved view is named &quot;%1&quot;.</source>
        <translation>Es gibt keine gespeicherte Ansicht namens „%1“.</translation>
    </message>
    <message>
        <source>Usage: audit-viewer stats [CONNINFO] [--period today|7d|30d] [FILTERS] [--utc] [--by action|tenant] [--format table|json]
       audit-viewer stats [CONNINFO] --latency [FILTERS] [--format table|json]

Request volume per hour (today) or per day (7d, 30d), per action.
  --period P        today, 7d (default) or 30d
  --utc             buckets by UTC hours and days instead of local time
  --latency         instead: calls, p50, p95, p99 and max duration per action and for all
                    actions, of the calls that ended (time range: --since or --last)
  --by tenant       one column per schema instead of per action
  --format F        table (default) or json

</source>
        <translation>Aufruf: audit-viewer stats [CONNINFO] [--period today|7d|30d] [FILTER] [--utc] [--by action|tenant] [--format table|json]
        audit-viewer stats [CONNINFO] --latency [FILTER] [--format table|json]

Anfragen pro Stunde (today) oder pro Tag (7d, 30d), je Aktion.
  --period P        today, 7d (Standard) oder 30d
  --utc             Stunden und Tage in UTC statt in Ortszeit
  --latency         stattdessen: Aufrufe, p50, p95, p99 und maximale Dauer je Aktion und für
                    alle Aktionen, über die beendeten Aufrufe (Zeitraum: --since oder --last)
  --by tenant       eine Spalte je Schema statt je Aktion
  --format F        table (Standard) oder json

</translation>
    </message>
    <message>
        <source>  --no-mask         show the secrets as stored

</source>
        <translation>  --no-mask         die geheimen Werte wie gespeichert anzeigen

</translation>
    </message>
    <message>
        <source>  --no-mask         show and export: secrets as stored

</source>
        <translation>  --no-mask         show und export: geheime Werte wie gespeichert

</translation>
    </message>
    <message>
        <source>--view takes the filter from the saved view; give no filter options with it.</source>
        <translation>--view übernimmt den Filter aus der gespeicherten Ansicht; geben Sie dazu keine Filteroptionen an.</translation>
    </message>
    <message>
        <source>--latency summarises the filter: give its time range with --since, --until or --last instead of --period and --utc.</source>
        <translation>--latency fasst den Filter zusammen: Geben Sie seinen Zeitraum mit --since, --until oder --last statt mit --period und --utc an.</translation>
    </message>
    <message>
        <source>Usage: audit-viewer list [CONNINFO] [FILTERS] [--limit N] [--after CURSOR] [--sort ORDER] [--format table|jsonl|csv]

Lists audit entries, newest first, without their JSON documents.
  --limit N         at most N entries (default 50)
  --after CURSOR    continue after this entry: its started_at,id as printed
  --sort ORDER      newest (default), oldest, longest or shortest first; calls in flight
                    come last in longest and shortest; finished: the calls that started
                    in the last hour, the latest to end first (calls in flight first)
  --oldest-first    the same as --sort oldest
  --format F        table (default), jsonl or csv

</source>
        <translation>Aufruf: audit-viewer list [CONNINFO] [FILTER] [--limit N] [--after CURSOR] [--sort ORDER] [--format table|jsonl|csv]

Listet Audit-Einträge, die neuesten zuerst, ohne ihre JSON-Dokumente.
  --limit N         höchstens N Einträge (Standard: 50)
  --after CURSOR    nach diesem Eintrag fortsetzen: sein started_at,id wie ausgegeben
  --sort ORDER      newest (Standard), oldest, longest oder shortest zuerst; laufende Aufrufe
                    kommen bei longest und shortest zuletzt; finished: die Aufrufe, die in
                    der letzten Stunde begannen, die zuletzt beendeten zuerst (laufende zuerst)
  --oldest-first    dasselbe wie --sort oldest
  --format F        table (Standard), jsonl oder csv

</translation>
    </message>
    <message>
        <source>  --no-mask         export the secrets as stored

</source>
        <translation>  --no-mask         die geheimen Werte wie gespeichert exportieren

</translation>
    </message>
    <message>
        <source>A password in CONNINFO is blanked out of the process&apos;s arguments once read, but
another user may see it before that, and your shell keeps it in its history:
PGPASSWORD, ~/.pgpass or the keyring (the window&apos;s &quot;Remember password&quot;) are better
places for it.
</source>
        <translation>Ein Passwort in CONNINFO wird in den Argumenten des Prozesses überschrieben, sobald es
gelesen ist; bis dahin können andere Benutzer es sehen, und die Shell behält es in ihrem
Verlauf: PGPASSWORD, ~/.pgpass oder der Schlüsselbund („Passwort merken“ im Fenster) sind
bessere Orte dafür.
</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an entry id: show takes a UUID such as 0b1e4c52-6f0a-4d2b-9c1e-5a7f3e2d1c0b.</source>
        <translation>„%1“ ist keine Eintrags-ID: show erwartet eine UUID wie 0b1e4c52-6f0a-4d2b-9c1e-5a7f3e2d1c0b.</translation>
    </message>
    <message>
        <source>Usage: audit-viewer export [CONNINFO] [FILTERS] --output FILE|- [--format csv|jsonl] [--sort ORDER]
                           [--no-json] [--no-formula-guard] [--bom] [--no-mask]

Writes every entry the filter matches, with its JSON documents, as the window&apos;s export does.
  --output FILE     the file to write (replaced when it is complete), or - for standard output
  --format F        csv or jsonl (default: from the file name, else csv)
  --sort ORDER      newest (default), oldest, longest, shortest or finished (last hour)
  --oldest-first    the same as --sort oldest
  --no-json         without the request, response and metadata columns
  --no-formula-guard  CSV: leave cells starting with = + - @ as they are
  --bom             CSV: start with a UTF-8 byte order mark (for Excel)

</source>
        <translation>Aufruf: audit-viewer export [CONNINFO] [FILTER] --output FILE|- [--format csv|jsonl] [--sort ORDER]
                            [--no-json] [--no-formula-guard] [--bom] [--no-mask]

Schreibt jeden Eintrag, auf den der Filter passt, mit seinen JSON-Dokumenten, wie der Export
im Fenster.
  --output FILE     die zu schreibende Datei (ersetzt, sobald sie vollständig ist), oder - für
                    die Standardausgabe
  --format F        csv oder jsonl (Standard: nach dem Dateinamen, sonst csv)
  --sort ORDER      newest (Standard), oldest, longest, shortest oder finished (letzte Stunde)
  --oldest-first    dasselbe wie --sort oldest
  --no-json         ohne die Spalten request, response und metadata
  --no-formula-guard  CSV: Zellen, die mit = + - @ beginnen, unverändert lassen
  --bom             CSV: mit einer UTF-8-Bytereihenfolgemarke beginnen (für Excel)

</translation>
    </message>
    <message>
        <source>Filters:
  --action A        only this action (repeatable: any of them)
  --transport T     http, mcp or system
  --bank B          only this bank id (matched exactly)
  --since TIME      from TIME (ISO 8601, local time unless it has an offset) or 1h, 24h, 7d, 30d ago
  --last 1h|24h|7d|30d  the last hour, day, week or month (the window keeps counting back from now)
  --until TIME      before TIME (exclusive)
  --failed          only calls that ended without a response
  --min-duration DURATION  only calls that ended and took at least DURATION: 500us, 250ms, 5s, 1.5s, 2m, 1h
  --search TEXT     TEXT anywhere in request or response (literal, case-insensitive)
  --schema S        schema of the audit table (default public)
  --table T         audit table (default audit_log)
  --statement-timeout MS  stop any statement after MS milliseconds (default 300000, 0 = none)
  --verbose         say on standard error what the server confirmed: read-only, the
                    statement timeout, the time zone, a connection pooler between
</source>
        <translation>Filter:
  --action A        nur diese Aktion (mehrfach angebbar: eine davon genügt)
  --transport T     http, mcp oder system
  --bank B          nur diese Bank-ID (exakt verglichen)
  --since TIME      ab TIME (ISO 8601, Ortszeit, sofern ohne Offset) oder vor 1h, 24h, 7d, 30d
  --last 1h|24h|7d|30d  die letzte Stunde, der letzte Tag, die letzte Woche oder der letzte Monat
                    (im Fenster zählt der Zeitraum stets ab jetzt zurück)
  --until TIME      vor TIME (ausschließlich)
  --failed          nur Aufrufe, die ohne Antwort endeten
  --min-duration DURATION  nur beendete Aufrufe, die mindestens DURATION dauerten: 500us, 250ms, 5s, 1.5s, 2m, 1h
  --search TEXT     TEXT irgendwo in Anfrage oder Antwort (wörtlich, ohne Beachtung der Groß-/Kleinschreibung)
  --schema S        Schema der Audit-Tabelle (Standard: public)
  --table T         Audit-Tabelle (Standard: audit_log)
  --statement-timeout MS  jede Anweisung nach MS Millisekunden abbrechen (Standard: 300000, 0 = nie)
  --verbose         auf der Standardfehlerausgabe nennen, was der Server bestätigt hat:
                    schreibgeschützt, Zeitlimit, Zeitzone, ein Verbindungspooler dazwischen
</translation>
    </message>
    <message>
        <source>Usage: audit-viewer show [CONNINFO] ID [--format text|json]

Shows one audit entry with its request, response and metadata.
  --format F        text (default) or json (one object, documents as stored)
  --schema S, --table T, --statement-timeout MS, --verbose as for list

</source>
        <translation>Aufruf: audit-viewer show [CONNINFO] ID [--format text|json]

Zeigt einen Audit-Eintrag mit Anfrage, Antwort und Metadaten.
  --format F        text (Standard) oder json (ein Objekt, Dokumente wie gespeichert)
  --schema S, --table T, --statement-timeout MS, --verbose wie bei list

</translation>
    </message>
    <message>
        <source>Secrets (webhook secrets, API keys, Authorization and every other header) are masked
in the window, in show and in exports, by the rules in the settings or:
  --mask-rules FILE  one rule per line: key:PATTERN (a key; * matches anything, - and _
                    alike, headers.* every value under a key named headers),
                    word:WORDS (a key with these words: word:token masks access_token,
                    not max_tokens), credential:WORDS (the same, when the value looks
                    like a credential), value:REGEX (a string holding a match; only
                    the group (?&lt;secret&gt;...) when there is one), defaults (the
                    built-in rules); lines starting with # are comments. Or a gitleaks
                    configuration (.gitleaks.toml): each [[rules]] regex masks
                    a string holding a match, beside the built-in key rules
</source>
        <translation>Geheime Werte (Webhook-Secrets, API-Schlüssel, Authorization und alle anderen Header)
werden im Fenster, bei show und in Exporten maskiert, nach den Regeln in den Einstellungen
oder nach:
  --mask-rules FILE  eine Regel pro Zeile: key:PATTERN (ein Schlüssel; * passt auf alles,
                    - und _ gelten als gleich, headers.* ist jeder Wert unter einem Schlüssel
                    namens headers), word:WORDS (ein Schlüssel mit diesen Wörtern:
                    word:token maskiert access_token, nicht max_tokens), credential:WORDS
                    (ebenso, wenn der Wert wie ein Zugangsschlüssel aussieht), value:REGEX
                    (eine Zeichenkette, die einen Treffer enthält; nur die Gruppe
                    (?&lt;secret&gt;...), wenn es sie gibt), defaults (die eingebauten Regeln);
                    Zeilen, die mit # beginnen, sind Kommentare. Oder eine gitleaks-
                    Konfiguration (.gitleaks.toml): jede regex unter [[rules]] maskiert eine
                    Zeichenkette mit einem Treffer, neben den eingebauten Schlüsselregeln
</translation>
    </message>
    <message>
        <source>Many schemas (one per tenant) read as one log:
  --schemas PATTERN  every schema whose name is LIKE PATTERN (&apos;tenant_%&apos;; % for all)
                    that holds the table; not with --schema. Each row names its
                    schema, and list&apos;s cursor is started_at,id,schema
  --tenant S        of those, only schema S (repeatable; alone, it reads --schemas %)
</source>
        <translation>Mehrere Schemas (eines je Mandant) als ein Protokoll:
  --schemas PATTERN  jedes Schema, dessen Name LIKE PATTERN entspricht (&apos;tenant_%&apos;; % für
                    alle) und das die Tabelle enthält; nicht mit --schema. Jede Zeile nennt
                    ihr Schema, der Cursor von list ist started_at,id,schema
  --tenant S        davon nur das Schema S (mehrfach angebbar; allein: --schemas %)
</translation>
    </message>
    <message>
        <source>                    show reads the first schema, by name, that holds the entry

</source>
        <translation>                    show liest das erste Schema (nach Namen), das den Eintrag enthält

</translation>
    </message>
    <message>
        <source>Usage: audit-viewer schemas [CONNINFO] [--table T] [--schemas PATTERN] [--format table|jsonl]

Lists the schemas that hold the audit table, from the catalog, with the planner&apos;s
estimate of their rows and whether this role may read them.
  --table T         the table&apos;s name (default audit_log)
  --schemas PATTERN  only schemas whose name is LIKE PATTERN (default %: all)
  --format F        table (default) or jsonl: schema, table, estimated_rows (null
                    before the first ANALYZE) and readable
  --statement-timeout MS, --verbose as for list

</source>
        <translation>Aufruf: audit-viewer schemas [CONNINFO] [--table T] [--schemas PATTERN] [--format table|jsonl]

Listet die Schemas, die die Audit-Tabelle enthalten, aus dem Katalog, mit der
Zeilenschätzung des Planers und ob diese Rolle sie lesen darf.
  --table T         der Name der Tabelle (Standard: audit_log)
  --schemas PATTERN  nur Schemas, deren Name LIKE PATTERN entspricht (Standard %: alle)
  --format F        table (Standard) oder jsonl: schema, table, estimated_rows (null
                    vor dem ersten ANALYZE) und readable
  --statement-timeout MS, --verbose wie bei list

</translation>
    </message>
    <message>
        <source>--schemas takes a LIKE pattern such as &apos;tenant_%&apos; (% for every schema).</source>
        <translation>--schemas erwartet ein LIKE-Muster wie &apos;tenant_%&apos; (% für jedes Schema).</translation>
    </message>
    <message>
        <source>--schema reads one schema, --schemas and --tenant read many: give one or the other.</source>
        <translation>--schema liest ein Schema, --schemas und --tenant lesen mehrere: geben Sie nur eines davon an.</translation>
    </message>
    <message>
        <source>--tenant takes a schema name.</source>
        <translation>--tenant erwartet einen Schemanamen.</translation>
    </message>
    <message>
        <source>--by takes action or tenant.</source>
        <translation>--by erwartet action oder tenant.</translation>
    </message>
    <message>
        <source>--by groups the volume; --latency lists every action.</source>
        <translation>--by gruppiert das Anfragevolumen; --latency listet jede Aktion.</translation>
    </message>
    <message>
        <source>show reads one --tenant (or, without it, every schema).</source>
        <translation>show liest höchstens ein --tenant (ohne es jedes Schema).</translation>
    </message>
    <message>
        <source>--format takes table or jsonl.</source>
        <translation>--format erwartet table oder jsonl.</translation>
    </message>
    <message>
        <source>Usage: audit-viewer [CONNINFO] [FILTERS] [--view NAME] [--sort ORDER] [--schema S | --schemas PATTERN] [--table T]
       audit-viewer list   [CONNINFO] [FILTERS] [--limit N] [--after CURSOR] [--sort ORDER] [--format table|jsonl|csv]
       audit-viewer stats  [CONNINFO] [--period today|7d|30d] [--action A] [--bank B] [--utc] [--by action|tenant] [--format table|json]
       audit-viewer show   [CONNINFO] ID [--format text|json]
       audit-viewer export [CONNINFO] [FILTERS] --output FILE|- [--format csv|jsonl] [--no-formula-guard]
       audit-viewer schemas [CONNINFO] [--table T] [--schemas PATTERN] [--format table|jsonl]
       audit-viewer llm list|stats|show|run|export [CONNINFO] ...  (LLM calls: &apos;audit-viewer llm --help&apos;)

Browse the audit log of a Hindsight memory server. Without a sub-command the window opens,
with FILTERS, with the saved view NAME (--view), or as it was left.
&apos;audit-viewer COMMAND --help&apos; describes a sub-command.

Exit status: 0 ok, 1 usage error, 2 connection or query error.

The window:
  --view NAME       open the saved view NAME (give no filter options with it)
  --sort ORDER      newest (default), oldest, longest or shortest first
  --oldest-first    the same as --sort oldest
  -h, --help        this help; -v, --version  the version

</source>
        <translation>Aufruf: audit-viewer [CONNINFO] [FILTER] [--view NAME] [--sort ORDER] [--schema S | --schemas PATTERN] [--table T]
        audit-viewer list   [CONNINFO] [FILTER] [--limit N] [--after CURSOR] [--sort ORDER] [--format table|jsonl|csv]
        audit-viewer stats  [CONNINFO] [--period today|7d|30d] [--action A] [--bank B] [--utc] [--by action|tenant] [--format table|json]
        audit-viewer show   [CONNINFO] ID [--format text|json]
        audit-viewer export [CONNINFO] [FILTER] --output FILE|- [--format csv|jsonl] [--no-formula-guard]
        audit-viewer schemas [CONNINFO] [--table T] [--schemas PATTERN] [--format table|jsonl]
        audit-viewer llm list|stats|show|run|export [CONNINFO] ...  (LLM-Aufrufe: „audit-viewer llm --help“)

Durchsucht das Audit-Protokoll eines Hindsight-Memory-Servers. Ohne Unterbefehl öffnet sich
das Fenster: mit FILTER, mit der gespeicherten Ansicht NAME (--view) oder so, wie es zuletzt
geschlossen wurde.
„audit-viewer BEFEHL --help“ beschreibt einen Unterbefehl.

Rückgabewert: 0 in Ordnung, 1 Aufruffehler, 2 Verbindungs- oder Abfragefehler.

Das Fenster:
  --view NAME       öffnet die gespeicherte Ansicht NAME (ohne Filteroptionen)
  --sort ORDER      newest (Standard), oldest, longest oder shortest zuerst
  --oldest-first    dasselbe wie --sort oldest
  -h, --help        diese Hilfe; -v, --version  die Version

</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <source>(none)</source>
        <translation>(nicht vorhanden)</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Links</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Rechts</translation>
    </message>
    <message>
        <source>Identical</source>
        <translation>Identisch</translation>
    </message>
    <message>
        <source>Differences inside</source>
        <translation>Unterschiede darin</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Only on the right (added)</source>
        <translation>Nur rechts (hinzugefügt)</translation>
    </message>
    <message>
        <source>Only on the left (removed)</source>
        <translation>Nur links (entfernt)</translation>
    </message>
    <message>
        <source>Hide identical</source>
        <translation>Identische ausblenden</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Vorheriger</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Nächster</translation>
    </message>
    <message>
        <source>Reveal secrets</source>
        <translation>Geheime Werte zeigen</translation>
    </message>
    <message>
        <source>Copy path</source>
        <translation>Pfad kopieren</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Compare %1 ↔ %2</source>
        <translation>Vergleich %1 ↔ %2</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation>Metadaten</translation>
    </message>
    <message>
        <source>Copy left value</source>
        <translation>Linken Wert kopieren</translation>
    </message>
    <message>
        <source>Copy right value</source>
        <translation>Rechten Wert kopieren</translation>
    </message>
    <message>
        <source>Show only the differences and the keys that lead to them</source>
        <translation>Nur die Unterschiede und die Schlüssel anzeigen, die zu ihnen führen</translation>
    </message>
    <message>
        <source>Expand all</source>
        <translation>Alle aufklappen</translation>
    </message>
    <message>
        <source>Collapse all</source>
        <translation>Alle zuklappen</translation>
    </message>
    <message>
        <source>The previous difference (Shift+F7)</source>
        <translation>Der vorherige Unterschied (Umschalt+F7)</translation>
    </message>
    <message>
        <source>The next difference (F7)</source>
        <translation>Der nächste Unterschied (F7)</translation>
    </message>
    <message>
        <source>Compare the secret values as stored, for this window only</source>
        <translation>Die geheimen Werte wie gespeichert vergleichen, nur in diesem Fenster</translation>
    </message>
    <message>
        <source>Copy the JSON path of the current row (Ctrl+C)</source>
        <translation>Den JSON-Pfad der aktuellen Zeile kopieren (Strg+C)</translation>
    </message>
    <message>
        <source>The left document is not valid JSON (%1).</source>
        <translation>Das linke Dokument ist kein gültiges JSON (%1).</translation>
    </message>
    <message>
        <source>The right document is not valid JSON (%1).</source>
        <translation>Das rechte Dokument ist kein gültiges JSON (%1).</translation>
    </message>
    <message>
        <source>The documents are compared as text.</source>
        <translation>Die Dokumente werden als Text verglichen.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Comparing…</source>
        <translation>Wird verglichen…</translation>
    </message>
    <message>
        <source>No differences</source>
        <translation>Keine Unterschiede</translation>
    </message>
    <message>
        <source>%1 changed, %2 added, %3 removed</source>
        <translation>%1 geändert, %2 hinzugefügt, %3 entfernt</translation>
    </message>
    <message>
        <source>No secrets found</source>
        <translation>Keine geheimen Werte gefunden</translation>
    </message>
    <message>
        <source>1 value revealed</source>
        <translation>1 Wert sichtbar</translation>
    </message>
    <message>
        <source>1 value hidden</source>
        <translation>1 Wert verborgen</translation>
    </message>
    <message numerus="yes">
        <source>%n values revealed</source>
        <translation>
            <numerusform>%n Wert sichtbar</numerusform>
            <numerusform>%n Werte sichtbar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n values hidden</source>
        <translation>
            <numerusform>%n Wert verborgen</numerusform>
            <numerusform>%n Werte verborgen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <source>Connect to an audit database</source>
        <translation>Mit einer Audit-Datenbank verbinden</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbindung wird hergestellt…</translation>
    </message>
    <message>
        <source>Co&amp;nnect</source>
        <translation>Verbi&amp;nden</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 und %n weiteres</numerusform>
            <numerusform>%1 und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>Schemas here that hold a table %1: %2.</source>
        <translation>Schemas hier, die eine Tabelle %1 enthalten: %2.</translation>
    </message>
</context>
<context>
    <name>ConnectionForm</name>
    <message>
        <source>service %1</source>
        <translation>Dienst %1</translation>
    </message>
    <message>
        <source>localhost</source>
        <translation>localhost</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 (from %2)</source>
        <translation>%1 (aus %2)</translation>
    </message>
    <message>
        <source>&amp;Recent:</source>
        <translation>&amp;Zuletzt verwendet:</translation>
    </message>
    <message>
        <source>Connection &amp;string:</source>
        <translation>&amp;Verbindungszeichenkette:</translation>
    </message>
    <message>
        <source>postgresql://user@host:5432/dbname or host=… dbname=…</source>
        <translation>postgresql://user@host:5432/dbname oder host=… dbname=…</translation>
    </message>
    <message>
        <source>Paste a postgresql:// URI or a key=value connection string, as psql accepts it; the fields below follow it.</source>
        <translation>Fügen Sie eine postgresql://-URI oder eine Verbindungszeichenkette aus key=value-Paaren ein, wie psql sie annimmt; die Felder darunter übernehmen sie.</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>local socket / localhost</source>
        <translation>lokaler Socket / localhost</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Datenbank:</translation>
    </message>
    <message>
        <source>same as the user name</source>
        <translation>wie der Benutzername</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <source>%1 (your login name)</source>
        <translation>%1 (Ihr Anmeldename)</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <source>from ~/.pgpass, or none</source>
        <translation>aus ~/.pgpass oder keins</translation>
    </message>
    <message>
        <source>from PGPASSWORD</source>
        <translation>aus PGPASSWORD</translation>
    </message>
    <message>
        <source>default (prefer)</source>
        <translation>Standard (prefer)</translation>
    </message>
    <message>
        <source>default (%1, from PGSSLMODE)</source>
        <translation>Standard (%1, aus PGSSLMODE)</translation>
    </message>
    <message>
        <source>SS&amp;L mode:</source>
        <translation>SS&amp;L-Modus:</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>Durch&amp;suchen…</translation>
    </message>
    <message>
        <source>Root &amp;certificate:</source>
        <translation>Stammzerti&amp;fikat:</translation>
    </message>
    <message>
        <source>~/.postgresql/root.crt, if present</source>
        <translation>~/.postgresql/root.crt, falls vorhanden</translation>
    </message>
    <message>
        <source>The certificate authority that signed the server&apos;s certificate (libpq&apos;s sslrootcert), for verify-ca and verify-full.</source>
        <translation>Die Zertifizierungsstelle, die das Zertifikat des Servers signiert hat (sslrootcert von libpq), für verify-ca und verify-full.</translation>
    </message>
    <message>
        <source>Sch&amp;ema:</source>
        <translation>Sch&amp;ema:</translation>
    </message>
    <message>
        <source>T&amp;able:</source>
        <translation>&amp;Tabelle:</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>Authentifizierung</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Sicherheit</translation>
    </message>
    <message>
        <source>Audit table</source>
        <translation>Audit-Tabelle</translation>
    </message>
    <message>
        <source>No recent connections</source>
        <translation>Keine zuletzt verwendeten Verbindungen</translation>
    </message>
    <message>
        <source>Choose a recent connection…</source>
        <translation>Zuletzt verwendete Verbindung wählen…</translation>
    </message>
    <message>
        <source>Choose the root certificate of the server&apos;s authority</source>
        <translation>Stammzertifikat der Zertifizierungsstelle des Servers wählen</translation>
    </message>
    <message>
        <source>Certificates (*.crt *.pem *.cer);;All files (*)</source>
        <translation>Zertifikate (*.crt *.pem *.cer);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Re&amp;member password</source>
        <translation>Passwort &amp;merken</translation>
    </message>
    <message>
        <source>Keep the password in the desktop&apos;s keyring (Secret Service) for this server, database and user; never in the settings file.</source>
        <translation>Das Passwort im Schlüsselbund der Arbeitsumgebung (Secret Service) für diesen Server, diese Datenbank und diesen Benutzer aufbewahren, nie in der Einstellungsdatei.</translation>
    </message>
    <message>
        <source>The schemas of this database that hold the audit table, with their estimated rows</source>
        <translation>Die Schemas dieser Datenbank, die die Audit-Tabelle enthalten, mit ihrer geschätzten Zeilenzahl</translation>
    </message>
    <message>
        <source>The schema of Hindsight&apos;s audit table; per-tenant deployments keep one per tenant. A pattern reads every schema it matches as one log: % for all tenants, tenant_% for those named so.</source>
        <translation>Das Schema der Audit-Tabelle von Hindsight; mandantenfähige Installationen haben eines je Mandant. Ein Muster liest jedes passende Schema als ein Protokoll: % für alle Mandanten, tenant_% für die so benannten.</translation>
    </message>
    <message>
        <source>L&amp;ist…</source>
        <translation>Aufl&amp;isten…</translation>
    </message>
</context>
<context>
    <name>ConnectionInfo</name>
    <message>
        <source>read-only</source>
        <translation>schreibgeschützt</translation>
    </message>
    <message>
        <source>not read-only</source>
        <translation>nicht schreibgeschützt</translation>
    </message>
    <message>
        <source>timeout %1</source>
        <translation>Zeitlimit %1</translation>
    </message>
    <message>
        <source>no timeout</source>
        <translation>kein Zeitlimit</translation>
    </message>
    <message>
        <source>through a pooler</source>
        <translation>über einen Pooler</translation>
    </message>
</context>
<context>
    <name>ConnectionSettings</name>
    <message>
        <source>out of memory</source>
        <translation>Speicher erschöpft</translation>
    </message>
    <message>
        <source>The connection string is not valid: %1.</source>
        <translation>Die Verbindungszeichenkette ist ungültig: %1.</translation>
    </message>
    <message>
        <source>The connection setting &quot;%1&quot; contains a semicolon, which Qt&apos;s PostgreSQL driver cannot pass on.</source>
        <translation>Die Verbindungseinstellung „%1“ enthält ein Semikolon, das der PostgreSQL-Treiber von Qt nicht weitergeben kann.</translation>
    </message>
    <message>
        <source>The connection setting &quot;options&quot; contains a semicolon, which Qt&apos;s PostgreSQL driver cannot pass on.</source>
        <translation>Die Verbindungseinstellung „options“ enthält ein Semikolon, das der PostgreSQL-Treiber von Qt nicht weitergeben kann.</translation>
    </message>
</context>
<context>
    <name>DatabaseConnection</name>
    <message>
        <source>Could not connect: the server asks for a password and none was given (type one in, set PGPASSWORD or add it to ~/.pgpass).</source>
        <translation>Verbindung fehlgeschlagen: Der Server verlangt ein Passwort, es wurde aber keines angegeben (geben Sie es ein, setzen Sie PGPASSWORD oder tragen Sie es in ~/.pgpass ein).</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>unbekannter Fehler</translation>
    </message>
    <message>
        <source>Could not connect: %1</source>
        <translation>Verbindung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Qt&apos;s PostgreSQL driver (QPSQL) is not installed; install the package libqt6sql6-psql.</source>
        <translation>Der PostgreSQL-Treiber von Qt (QPSQL) ist nicht installiert; installieren Sie das Paket libqt6sql6-psql.</translation>
    </message>
    <message>
        <source>Not connected to a database.</source>
        <translation>Keine Verbindung zu einer Datenbank.</translation>
    </message>
    <message>
        <source>The server refused the startup parameter “options” (a connection pooler does this): connected without “%1”.</source>
        <translation>Der Server hat den Startparameter „options“ abgelehnt (das tut ein Verbindungspooler): ohne „%1“ verbunden.</translation>
    </message>
    <message>
        <source>The server did not say which statement timeout is in effect.</source>
        <translation>Der Server hat nicht mitgeteilt, welches Zeitlimit je Anweisung gilt.</translation>
    </message>
    <message>
        <source>The server did not confirm a read-only transaction; Audit Viewer does not read without one.</source>
        <translation>Der Server hat keine schreibgeschützte Transaktion bestätigt; ohne sie liest Audit Viewer nicht.</translation>
    </message>
    <message>
        <source>The server did not confirm the statement timeout (%1 ms asked, %2 ms in effect).</source>
        <translation>Der Server hat das Zeitlimit je Anweisung nicht bestätigt (%1 ms verlangt, %2 ms in Kraft).</translation>
    </message>
</context>
<context>
    <name>DurationText</name>
    <message>
        <source>a duration such as 5s, 250ms, 1.5s, 2m or 1h</source>
        <translation>eine Dauer wie 5s, 250ms, 1.5s, 2m oder 1h</translation>
    </message>
</context>
<context>
    <name>EntryDetailDialog</name>
    <message>
        <source>Previous</source>
        <translation>Vorheriger</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Nächster</translation>
    </message>
    <message>
        <source>Copy entry</source>
        <translation>Eintrag kopieren</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Speichern…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Audit entry</source>
        <translation>Audit-Eintrag</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation>Metadaten</translation>
    </message>
    <message>
        <source>The entry above in the table (Alt+Up)</source>
        <translation>Der Eintrag darüber in der Tabelle (Alt+Hoch)</translation>
    </message>
    <message>
        <source>The entry below in the table (Alt+Down)</source>
        <translation>Der Eintrag darunter in der Tabelle (Alt+Herunter)</translation>
    </message>
    <message>
        <source>Copy the entry as one JSON object</source>
        <translation>Den Eintrag als ein JSON-Objekt kopieren</translation>
    </message>
    <message>
        <source>Save the entry as a JSON file</source>
        <translation>Den Eintrag als JSON-Datei speichern</translation>
    </message>
    <message>
        <source>Loading… · %1</source>
        <translation>Wird geladen… · %1</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Could not save to %1: %2</source>
        <translation>Speichern in %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>In %1 gespeichert</translation>
    </message>
    <message>
        <source>Copied, secrets included</source>
        <translation>Kopiert, mit geheimen Werten</translation>
    </message>
    <message>
        <source>Copied, secrets masked</source>
        <translation>Kopiert, geheime Werte maskiert</translation>
    </message>
    <message>
        <source>Save Entry</source>
        <translation>Eintrag speichern</translation>
    </message>
    <message>
        <source>JSON files (*.json);;All files (*)</source>
        <translation>JSON-Dateien (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>No secrets found</source>
        <translation>Keine geheimen Werte gefunden</translation>
    </message>
    <message>
        <source>1 value revealed</source>
        <translation>1 Wert sichtbar</translation>
    </message>
    <message numerus="yes">
        <source>%n values revealed</source>
        <translation>
            <numerusform>%n Wert sichtbar</numerusform>
            <numerusform>%n Werte sichtbar</numerusform>
        </translation>
    </message>
    <message>
        <source>1 value hidden</source>
        <translation>1 Wert verborgen</translation>
    </message>
    <message numerus="yes">
        <source>%n values hidden</source>
        <translation>
            <numerusform>%n Wert verborgen</numerusform>
            <numerusform>%n Werte verborgen</numerusform>
        </translation>
    </message>
    <message>
        <source>Reveal all</source>
        <translation>Alle zeigen</translation>
    </message>
    <message>
        <source>Mask all</source>
        <translation>Alle maskieren</translation>
    </message>
    <message>
        <source>Show every secret value of this entry as stored (right-click a masked value to reveal only that one); the next entry is masked again</source>
        <translation>Alle geheimen Werte dieses Eintrags wie gespeichert anzeigen (Rechtsklick auf einen maskierten Wert zeigt nur diesen); der nächste Eintrag ist wieder maskiert</translation>
    </message>
    <message>
        <source>Copied, the revealed secrets included</source>
        <translation>Kopiert, mit den sichtbaren geheimen Werten</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <comment>values hidden, values revealed</comment>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>LLM calls</source>
        <translation>LLM-Aufrufe</translation>
    </message>
</context>
<context>
    <name>EntryHeader</name>
    <message>
        <source>ok</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the id</source>
        <translation>Die ID kopieren</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>Bank</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>Transport</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>(running)</source>
        <translation>(läuft)</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Mandant</translation>
    </message>
    <message>
        <source>Read from the schema %1</source>
        <translation>Gelesen aus dem Schema %1</translation>
    </message>
</context>
<context>
    <name>ErrorBanner</name>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Open the audit table of the chosen schema</source>
        <translation>Die Audit-Tabelle des gewählten Schemas öffnen</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>CSV (spreadsheets)</source>
        <translation>CSV (Tabellenkalkulation)</translation>
    </message>
    <message>
        <source>JSON Lines (scripts)</source>
        <translation>JSON Lines (Skripte)</translation>
    </message>
    <message>
        <source>Include request, response and metadata</source>
        <translation>Anfrage, Antwort und Metadaten einschließen</translation>
    </message>
    <message>
        <source>Guard against spreadsheet formulas</source>
        <translation>Vor Tabellenkalkulationsformeln schützen</translation>
    </message>
    <message>
        <source>Start with a UTF-8 byte order mark</source>
        <translation>Mit UTF-8-Byte-Order-Mark (BOM) beginnen</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Ordner öffnen</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Export entries</source>
        <translation>Einträge exportieren</translation>
    </message>
    <message>
        <source>Every entry matching the current filter (%1) is written, in the table&apos;s order.</source>
        <translation>Alle Einträge, die zum aktuellen Filter passen (%1), werden in der Reihenfolge der Tabelle geschrieben.</translation>
    </message>
    <message numerus="yes">
        <source>≈ %1 entries</source>
        <translation>
            <numerusform>≈ %1 Eintrag</numerusform>
            <numerusform>≈ %1 Einträge</numerusform>
        </translation>
    </message>
    <message>
        <source>Every entry matching the current filter is written, in the table&apos;s order.</source>
        <translation>Alle Einträge, die zum aktuellen Filter passen, werden in der Reihenfolge der Tabelle geschrieben.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Without them the file is much smaller</source>
        <translation>Ohne sie ist die Datei viel kleiner</translation>
    </message>
    <message>
        <source>A cell starting with = + - @ or a tab gets a leading &apos; so spreadsheets show it as text</source>
        <translation>Eine Zelle, die mit = + - @ oder einem Tabulator beginnt, erhält ein führendes &apos;, damit Tabellenkalkulationen sie als Text anzeigen</translation>
    </message>
    <message>
        <source>Some spreadsheet programs need it to read UTF-8</source>
        <translation>Manche Tabellenkalkulationen brauchen sie, um UTF-8 zu lesen</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Datei:</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Exportieren nach</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>JSON Lines files (*.jsonl)</source>
        <translation>JSON-Lines-Dateien (*.jsonl)</translation>
    </message>
    <message>
        <source>Choose a file to write.</source>
        <translation>Wählen Sie eine Datei zum Schreiben.</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message numerus="yes">
        <source>%1 rows written · %2 rows/s</source>
        <translation>
            <numerusform>%1 Zeile geschrieben · %2 Zeilen/s</numerusform>
            <numerusform>%1 Zeilen geschrieben · %2 Zeilen/s</numerusform>
        </translation>
    </message>
    <message>
        <source> · about %1 s left</source>
        <translation> · noch etwa %1 s</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %1 entries to %2 in %3 s.</source>
        <translation>
            <numerusform>%1 Eintrag in %L3 s nach %2 geschrieben.</numerusform>
            <numerusform>%1 Einträge in %L3 s nach %2 geschrieben.</numerusform>
        </translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>Export abgebrochen; es wurde keine Datei geschrieben.</translation>
    </message>
    <message>
        <source>Include secrets unmasked</source>
        <translation>Geheime Werte unmaskiert einschließen</translation>
    </message>
    <message>
        <source>Write webhook secrets, API keys, Authorization and other headers as stored instead of masked</source>
        <translation>Webhook-Secrets, API-Schlüssel, Authorization und andere Header wie gespeichert statt maskiert schreiben</translation>
    </message>
    <message>
        <source>The file will hold the secrets as stored: keep it where only people allowed to see them can read it.</source>
        <translation>Die Datei wird die geheimen Werte wie gespeichert enthalten: Bewahren Sie sie so auf, dass nur Personen sie lesen können, die diese Werte sehen dürfen.</translation>
    </message>
    <message>
        <source> · less than a second left</source>
        <translation> · noch weniger als eine Sekunde</translation>
    </message>
    <message>
        <source>Export LLM calls</source>
        <translation>LLM-Aufrufe exportieren</translation>
    </message>
    <message>
        <source>Include input, output, llm_info and metadata</source>
        <translation>Eingabe, Ausgabe, llm_info und Metadaten einschließen</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>All banks</source>
        <translation>Alle Banken</translation>
    </message>
    <message>
        <source>Only this memory bank (the id exactly as stored); empty for all banks. Suggestions match anywhere. Enter applies.</source>
        <translation>Nur diese Speicherbank (die ID exakt wie gespeichert); leer für alle Banken. Vorschläge passen an beliebiger Stelle. Die Eingabetaste wendet den Filter an.</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>Bank</translation>
    </message>
    <message>
        <source>Show the banks that match (Down arrow)</source>
        <translation>Die passenden Banken anzeigen (Pfeil nach unten)</translation>
    </message>
    <message>
        <source>How the call reached Hindsight: http, mcp or system</source>
        <translation>Wie der Aufruf Hindsight erreicht hat: http, mcp oder system</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>Transport</translation>
    </message>
    <message>
        <source>Failed only</source>
        <translation>Nur fehlgeschlagene</translation>
    </message>
    <message>
        <source>Only calls that ended without a response (the operation raised an error)</source>
        <translation>Nur Aufrufe, die ohne Antwort endeten (die Operation hat einen Fehler ausgelöst)</translation>
    </message>
    <message>
        <source>Search request and response…</source>
        <translation>Anfrage und Antwort durchsuchen…</translation>
    </message>
    <message>
        <source>Text to find in the request and response JSON, literally and ignoring case. Enter applies.</source>
        <translation>Text, der im JSON von Anfrage und Antwort gesucht wird, wörtlich und ohne Beachtung der Groß-/Kleinschreibung. Die Eingabetaste wendet den Filter an.</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Anwenden</translation>
    </message>
    <message>
        <source>Show the entries that match these filters (Enter)</source>
        <translation>Die Einträge anzeigen, die zu diesen Filtern passen (Eingabetaste)</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Clear every filter and show all entries</source>
        <translation>Alle Filter leeren und alle Einträge anzeigen</translation>
    </message>
    <message>
        <source>All transports</source>
        <translation>Alle Transporte</translation>
    </message>
    <message>
        <source>e.g. 5s</source>
        <translation>z. B. 5s</translation>
    </message>
    <message>
        <source>Slower than</source>
        <translation>Langsamer als</translation>
    </message>
    <message>
        <source>Slower &amp;than</source>
        <translation>&amp;Langsamer als</translation>
    </message>
    <message>
        <source>Only calls that ended and took at least this long: 500us, 250ms, 5s, 1.5s, 2m or 1h (a number alone is seconds). Calls still in flight have no duration and are left out. Enter applies.</source>
        <translation>Nur beendete Aufrufe, die mindestens so lange dauerten: 500us, 250ms, 5s, 1.5s, 2m oder 1h (eine Zahl allein bedeutet Sekunden). Noch laufende Aufrufe haben keine Dauer und werden ausgelassen. Die Eingabetaste wendet den Filter an.</translation>
    </message>
    <message>
        <source>“%1” is not a duration; type %2.</source>
        <translation>„%1“ ist keine Dauer; geben Sie %2 ein.</translation>
    </message>
    <message>
        <source>Tenant: %1 ✕</source>
        <translation>Mandant: %1 ✕</translation>
    </message>
    <message numerus="yes">
        <source>%n tenants ✕</source>
        <translation>
            <numerusform>%n Mandant ✕</numerusform>
            <numerusform>%n Mandanten ✕</numerusform>
        </translation>
    </message>
    <message>
        <source>Only the rows of %1. Click to show every tenant again.</source>
        <translation>Nur die Zeilen von %1. Klicken, um wieder alle Mandanten anzuzeigen.</translation>
    </message>
    <message>
        <source>Tenant filter</source>
        <translation>Mandantenfilter</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>99,999 of 99,999</source>
        <translation>99.999 von 99.999</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Vorheriger</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>Vorheriger Treffer (Umschalt+F3)</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Nächster</translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation>Nächster Treffer (F3)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Close Find (Esc)</source>
        <translation>Suche schließen (Esc)</translation>
    </message>
</context>
<context>
    <name>GitleaksConfig</name>
    <message>
        <source>[extend] disabledRules is not applied: the viewer&apos;s own value patterns are not gitleaks&apos; default rules.</source>
        <translation>[extend] disabledRules wird nicht angewendet: die eigenen Wertmuster des Viewers sind nicht die Standardregeln von gitleaks.</translation>
    </message>
    <message>
        <source>[extend] path %1 is not read; only the rules in this file apply.</source>
        <translation>[extend] path %1 wird nicht gelesen; es gelten nur die Regeln in dieser Datei.</translation>
    </message>
    <message>
        <source>The global %1 is not applied: the viewer masks every match.</source>
        <translation>Die globale %1 wird nicht angewendet: der Viewer maskiert jeden Treffer.</translation>
    </message>
    <message>
        <source>rules is not a list of [[rules]] tables; it is ignored.</source>
        <translation>rules ist keine Liste von [[rules]]-Tabellen; es wird ignoriert.</translation>
    </message>
    <message>
        <source>rule %1: it has no regex (a path rule); it is skipped: the viewer masks documents, not files.</source>
        <translation>Regel %1: sie hat keine regex (eine path-Regel); sie wird übersprungen: der Viewer maskiert Dokumente, keine Dateien.</translation>
    </message>
    <message>
        <source>rule %1: its regex is not a string; it is skipped.</source>
        <translation>Regel %1: ihre regex ist keine Zeichenkette; sie wird übersprungen.</translation>
    </message>
    <message>
        <source>rule %1: the regular expression does not compile (%2, at character %3); the rule is skipped.</source>
        <translation>Regel %1: der reguläre Ausdruck lässt sich nicht kompilieren (%2, bei Zeichen %3); die Regel wird übersprungen.</translation>
    </message>
    <message>
        <source>rule %1: its keywords are not a list of strings; they are not used.</source>
        <translation>Regel %1: ihre keywords sind keine Liste von Zeichenketten; sie werden nicht verwendet.</translation>
    </message>
    <message>
        <source>rule %1: its path is not applied; the regex masks in every document.</source>
        <translation>Regel %1: ihr path wird nicht angewendet; die regex maskiert in jedem Dokument.</translation>
    </message>
    <message>
        <source>rule %1: its allowlist is not applied; every match is masked.</source>
        <translation>Regel %1: ihre allowlist wird nicht angewendet; jeder Treffer wird maskiert.</translation>
    </message>
    <message>
        <source>rule %1: secretGroup %2 is not a capturing group of its regex; the whole match is masked.</source>
        <translation>Regel %1: secretGroup %2 ist keine einfangende Gruppe ihrer regex; der ganze Treffer wird maskiert.</translation>
    </message>
</context>
<context>
    <name>HeadlessCommands</name>
    <message>
        <source>More entries follow: --after %1</source>
        <translation>Weitere Einträge folgen: --after %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 rows, %2 rows/s</source>
        <translation>
            <numerusform>%1 Zeile, %2 Zeilen/s</numerusform>
            <numerusform>%1 Zeilen, %2 Zeilen/s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 entries written to %2 in %3 s</source>
        <translation>
            <numerusform>%1 Eintrag in %L3 s nach %2 geschrieben</numerusform>
            <numerusform>%1 Einträge in %L3 s nach %2 geschrieben</numerusform>
        </translation>
    </message>
    <message>
        <source>audit-viewer: connected to %1, PostgreSQL %2; the server confirmed: %3.</source>
        <translation>audit-viewer: verbunden mit %1, PostgreSQL %2; der Server hat bestätigt: %3.</translation>
    </message>
    <message>
        <source>note: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
    <message>
        <source>No schema holds a table %1.</source>
        <translation>Kein Schema enthält eine Tabelle %1.</translation>
    </message>
</context>
<context>
    <name>JsonDiff</name>
    <message>
        <source>too many values</source>
        <translation>zu viele Werte</translation>
    </message>
    <message>
        <source>{1 key}</source>
        <translation>{1 Schlüssel}</translation>
    </message>
    <message>
        <source>[1 item]</source>
        <translation>[1 Element]</translation>
    </message>
    <message numerus="yes">
        <source>{%n keys}</source>
        <translation>
            <numerusform>{%n Schlüssel}</numerusform>
            <numerusform>{%n Schlüssel}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>[%n items]</source>
        <translation>
            <numerusform>[%n Element]</numerusform>
            <numerusform>[%n Elemente]</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JsonPane</name>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Pretty-printed text</source>
        <translation>Formatierter Text</translation>
    </message>
    <message>
        <source>Tree</source>
        <translation>Baum</translation>
    </message>
    <message>
        <source>Expandable tree</source>
        <translation>Aufklappbarer Baum</translation>
    </message>
    <message>
        <source>Wrap lines</source>
        <translation>Zeilen umbrechen</translation>
    </message>
    <message>
        <source>Copy value</source>
        <translation>Wert kopieren</translation>
    </message>
    <message>
        <source>Copy JSON path</source>
        <translation>JSON-Pfad kopieren</translation>
    </message>
    <message>
        <source>Find…</source>
        <translation>Suchen…</translation>
    </message>
    <message>
        <source>Find in this document (Ctrl+F)</source>
        <translation>In diesem Dokument suchen (Strg+F)</translation>
    </message>
    <message>
        <source>Not valid JSON (%1); shown as stored from there on.</source>
        <translation>Kein gültiges JSON (%1); ab dort wie gespeichert angezeigt.</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(nicht vorhanden)</translation>
    </message>
    <message>
        <source>Formatting…</source>
        <translation>Wird formatiert…</translation>
    </message>
    <message>
        <source>No tree: %1</source>
        <translation>Kein Baum: %1</translation>
    </message>
    <message numerus="yes">
        <source>Formatting… the first %1 of %2 lines are shown</source>
        <translation>
            <numerusform>Wird formatiert… die ersten %1 von %2 Zeile werden angezeigt</numerusform>
            <numerusform>Wird formatiert… die ersten %1 von %2 Zeilen werden angezeigt</numerusform>
        </translation>
    </message>
    <message>
        <source>1 line</source>
        <translation>1 Zeile</translation>
    </message>
    <message numerus="yes">
        <source>%1 lines</source>
        <translation>
            <numerusform>%1 Zeile</numerusform>
            <numerusform>%1 Zeilen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1, %n shortened</source>
        <translation>
            <numerusform>%1, %n gekürzt</numerusform>
            <numerusform>%1, %n gekürzt</numerusform>
        </translation>
    </message>
    <message>
        <source>Reveal this value</source>
        <translation>Diesen Wert zeigen</translation>
    </message>
    <message numerus="yes">
        <source>Lines over %Ln characters show their start and end only; Find searches what is shown. The Tree view, Copy value, Copy entry and Save have the whole value.</source>
        <translation>
            <numerusform>Zeilen über %Ln Zeichen zeigen nur ihren Anfang und ihr Ende; Suchen durchsucht, was angezeigt wird. Die Baumansicht, Wert kopieren, Eintrag kopieren und Speichern haben den ganzen Wert.</numerusform>
            <numerusform>Zeilen über %Ln Zeichen zeigen nur ihren Anfang und ihr Ende; Suchen durchsucht, was angezeigt wird. Die Baumansicht, Wert kopieren, Eintrag kopieren und Speichern haben den ganzen Wert.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JsonPrettyPrinter</name>
    <message>
        <source>unexpected end of document at offset %1</source>
        <translation>unerwartetes Dokumentende an Position %1</translation>
    </message>
    <message>
        <source>unexpected character %1 at offset %2</source>
        <translation>unerwartetes Zeichen %1 an Position %2</translation>
    </message>
    <message>
        <source>invalid escape sequence at offset %1</source>
        <translation>ungültige Escape-Sequenz an Position %1</translation>
    </message>
    <message>
        <source>invalid UTF-8 at offset %1</source>
        <translation>ungültiges UTF-8 an Position %1</translation>
    </message>
</context>
<context>
    <name>JsonTextView</name>
    <message>
        <source>No matches</source>
        <translation>Keine Treffer</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Reveal this value</source>
        <translation>Diesen Wert zeigen</translation>
    </message>
    <message>
        <source>Show this secret as stored, in this window until it shows another entry</source>
        <translation>Diesen geheimen Wert wie gespeichert anzeigen, in diesem Fenster, bis es einen anderen Eintrag zeigt</translation>
    </message>
    <message>
        <source>Copy the whole line</source>
        <translation>Ganze Zeile kopieren</translation>
    </message>
    <message>
        <source>Copy this line with the part the view leaves out</source>
        <translation>Diese Zeile mit dem Teil kopieren, den die Ansicht auslässt</translation>
    </message>
</context>
<context>
    <name>JsonTreeModel</name>
    <message>
        <source>{1 key}</source>
        <translation>{1 Schlüssel}</translation>
    </message>
    <message numerus="yes">
        <source>{%n keys}</source>
        <translation>
            <numerusform>{%n Schlüssel}</numerusform>
            <numerusform>{%n Schlüssel}</numerusform>
        </translation>
    </message>
    <message>
        <source>[1 item]</source>
        <translation>[1 Element]</translation>
    </message>
    <message numerus="yes">
        <source>[%n items]</source>
        <translation>
            <numerusform>[%n Element]</numerusform>
            <numerusform>[%n Elemente]</numerusform>
        </translation>
    </message>
    <message>
        <source>object</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <source>array</source>
        <translation>Array</translation>
    </message>
    <message>
        <source>string</source>
        <translation>Zeichenkette</translation>
    </message>
    <message>
        <source>number</source>
        <translation>Zahl</translation>
    </message>
    <message>
        <source>boolean</source>
        <translation>Wahrheitswert</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>the document has too many values to show as a tree</source>
        <translation>das Dokument hat zu viele Werte für die Baumansicht</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
</context>
<context>
    <name>KeysetPager</name>
    <message>
        <source>Connecting…</source>
        <translation>Verbindung wird hergestellt…</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
</context>
<context>
    <name>LatencyDialog</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <source>Stop the computation on the server</source>
        <translation>Die Berechnung auf dem Server abbrechen</translation>
    </message>
    <message>
        <source>Compute again for the window&apos;s current filter (F5)</source>
        <translation>Für den aktuellen Filter des Fensters neu berechnen (F5)</translation>
    </message>
    <message>
        <source>Filter: %1</source>
        <translation>Filter: %1</translation>
    </message>
    <message>
        <source>Ended calls: %1, computed in %2 at %3. Calls still in flight have no duration and are not included.</source>
        <translation>Beendete Aufrufe: %1, berechnet in %2 um %3. Noch laufende Aufrufe haben keine Dauer und sind nicht enthalten.</translation>
    </message>
    <message>
        <source>Cancelled. Refresh computes it again.</source>
        <translation>Abgebrochen. „Aktualisieren“ berechnet sie erneut.</translation>
    </message>
    <message>
        <source>No call matching this filter has ended.</source>
        <translation>Kein Aufruf, der zu diesem Filter passt, ist beendet.</translation>
    </message>
    <message>
        <source>Could not compute the latency: %1</source>
        <translation>Die Latenz konnte nicht berechnet werden: %1</translation>
    </message>
    <message>
        <source>Computing percentiles over every matching call…</source>
        <translation>Perzentile über alle passenden Aufrufe werden berechnet…</translation>
    </message>
    <message>
        <source>actions %1</source>
        <translation>Aktionen %1</translation>
    </message>
    <message>
        <source>transport %1</source>
        <translation>Transport %1</translation>
    </message>
    <message>
        <source>bank %1</source>
        <translation>Bank %1</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>ab %1</translation>
    </message>
    <message>
        <source>until %1</source>
        <translation>bis %1</translation>
    </message>
    <message>
        <source>failed only</source>
        <translation>nur fehlgeschlagene</translation>
    </message>
    <message>
        <source>slower than %1</source>
        <translation>langsamer als %1</translation>
    </message>
    <message>
        <source>containing “%1”</source>
        <translation>enthält „%1“</translation>
    </message>
    <message>
        <source>none, all entries</source>
        <translation>keiner, alle Einträge</translation>
    </message>
</context>
<context>
    <name>LatencyTableModel</name>
    <message>
        <source>All actions</source>
        <translation>Alle Aktionen</translation>
    </message>
    <message>
        <source>Calls that ended; calls still in flight have no duration</source>
        <translation>Beendete Aufrufe; noch laufende Aufrufe haben keine Dauer</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Aufrufe</translation>
    </message>
    <message>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <source>p95</source>
        <translation>p95</translation>
    </message>
    <message>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>Max.</translation>
    </message>
    <message>
        <source>Calls that ended (calls still in flight have no duration)</source>
        <translation>Beendete Aufrufe (noch laufende Aufrufe haben keine Dauer)</translation>
    </message>
    <message>
        <source>Median: half of the calls took at most this long</source>
        <translation>Median: Die Hälfte der Aufrufe dauerte höchstens so lange</translation>
    </message>
    <message>
        <source>95% of the calls took at most this long</source>
        <translation>95 % der Aufrufe dauerten höchstens so lange</translation>
    </message>
    <message>
        <source>99% of the calls took at most this long</source>
        <translation>99 % der Aufrufe dauerten höchstens so lange</translation>
    </message>
    <message>
        <source>The slowest call</source>
        <translation>Der langsamste Aufruf</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>LlmAttributedRunsModel</name>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>this entry only</source>
        <translation>nur dieser Eintrag</translation>
    </message>
    <message>
        <source>⚠ ambiguous: also %1</source>
        <translation>⚠ mehrdeutig: auch %1</translation>
    </message>
    <message>
        <source>Run %1 of bank %2, models: %3</source>
        <translation>Lauf %1 der Bank %2, Modelle: %3</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Operation</translation>
    </message>
    <message>
        <source>First start</source>
        <translation>Erster Start</translation>
    </message>
    <message>
        <source>Wall time</source>
        <translation>Gesamtdauer</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Aufrufe</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Input tokens</source>
        <translation>Eingabe-Token</translation>
    </message>
    <message>
        <source>Output tokens</source>
        <translation>Ausgabe-Token</translation>
    </message>
    <message>
        <source>Cached tokens</source>
        <translation>Gecachte Token</translation>
    </message>
    <message>
        <source>Total tokens</source>
        <translation>Token gesamt</translation>
    </message>
    <message>
        <source>Attribution</source>
        <translation>Zuordnung</translation>
    </message>
</context>
<context>
    <name>LlmCallDialog</name>
    <message>
        <source>Raw JSON</source>
        <translation>Roh-JSON</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Reveal all</source>
        <translation>Alle aufdecken</translation>
    </message>
    <message>
        <source>The input as Hindsight stored it</source>
        <translation>Die Eingabe, wie Hindsight sie gespeichert hat</translation>
    </message>
    <message>
        <source>The output as Hindsight stored it</source>
        <translation>Die Ausgabe, wie Hindsight sie gespeichert hat</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>LLM call</source>
        <translation>LLM-Aufruf</translation>
    </message>
    <message>
        <source>Show every secret value of this call as stored, in the conversation and the JSON; the next call is masked again</source>
        <translation>Jeden geheimen Wert dieses Aufrufs wie gespeichert zeigen, im Gespräch und im JSON; der nächste Aufruf ist wieder maskiert</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <source>Memories created</source>
        <translation>Erzeugte Erinnerungen</translation>
    </message>
    <message>
        <source>Source memories</source>
        <translation>Quell-Erinnerungen</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Gespräch</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>llm_info</source>
        <translation>llm_info</translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation>Metadaten</translation>
    </message>
    <message>
        <source>Loading… · %1</source>
        <translation>Wird geladen… · %1</translation>
    </message>
    <message>
        <source>%1 · LLM call %2</source>
        <translation>%1 · LLM-Aufruf %2</translation>
    </message>
    <message>
        <source>✖ Error</source>
        <translation>✖ Fehler</translation>
    </message>
    <message>
        <source>No secrets found</source>
        <translation>Keine Geheimnisse gefunden</translation>
    </message>
    <message>
        <source>1 value hidden</source>
        <translation>1 Wert verborgen</translation>
    </message>
    <message numerus="yes">
        <source>%n values hidden</source>
        <translation>
            <numerusform>%n Wert verborgen</numerusform>
            <numerusform>%n Werte verborgen</numerusform>
        </translation>
    </message>
    <message>
        <source>1 value revealed</source>
        <translation>1 Wert aufgedeckt</translation>
    </message>
    <message numerus="yes">
        <source>%n values revealed</source>
        <translation>
            <numerusform>%n Wert aufgedeckt</numerusform>
            <numerusform>%n Werte aufgedeckt</numerusform>
        </translation>
    </message>
    <message>
        <source>Mask all</source>
        <translation>Alle maskieren</translation>
    </message>
</context>
<context>
    <name>LlmCallHeader</name>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the id</source>
        <translation>Die ID kopieren</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Operation</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Scope</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>Bank</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Trace</source>
        <translation>Trace</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Mandant</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Span</source>
        <translation>Span</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 (parent %2)</source>
        <translation>%1 (übergeordnet %2)</translation>
    </message>
    <message>
        <source>(not recorded)</source>
        <translation>(nicht aufgezeichnet)</translation>
    </message>
</context>
<context>
    <name>LlmChart</name>
    <message>
        <source>Cumulative</source>
        <translation>Kumuliert</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 Tage</translation>
    </message>
    <message>
        <source>30 days</source>
        <translation>30 Tage</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Aufrufe</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>Count calls, or sum their tokens</source>
        <translation>Aufrufe zählen oder ihre Tokens summieren</translation>
    </message>
    <message>
        <source>Each bucket shows the sum up to its end</source>
        <translation>Jedes Intervall zeigt die Summe bis zu seinem Ende</translation>
    </message>
    <message>
        <source>Input / cached / output</source>
        <translation>Eingabe / Cache / Ausgabe</translation>
    </message>
    <message>
        <source>By status</source>
        <translation>Nach Status</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>Per operation</source>
        <translation>Je Operation</translation>
    </message>
    <message>
        <source>Per model</source>
        <translation>Je Modell</translation>
    </message>
    <message>
        <source>Input, not cached</source>
        <translation>Eingabe, nicht aus Cache</translation>
    </message>
    <message>
        <source>Cached input</source>
        <translation>Eingabe aus Cache</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>The chart could not be loaded.</source>
        <translation>Das Diagramm konnte nicht geladen werden.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>No data loaded</source>
        <translation>Keine Daten geladen</translation>
    </message>
    <message>
        <source>No LLM calls in this period</source>
        <translation>Keine LLM-Aufrufe in diesem Zeitraum</translation>
    </message>
</context>
<context>
    <name>LlmCommandLine</name>
    <message>
        <source>Usage: audit-viewer llm list   [CONNINFO] [FILTERS] [--limit N] [--after CURSOR] [--oldest-first] [--format table|jsonl]
       audit-viewer llm list   [CONNINFO] --runs [FILTERS] [--limit N] [--after CURSOR] [--format table|jsonl]
       audit-viewer llm list   [CONNINFO] --during AUDIT_ID [--format table|jsonl]
       audit-viewer llm stats  [CONNINFO] [FILTERS] [--period today|7d|30d] [--metric calls|tokens] [--by operation|model] [--utc] [--format table|json]
       audit-viewer llm show   [CONNINFO] CALL_ID [--format text|json] [--no-mask]
       audit-viewer llm run    [CONNINFO] CALL_ID|TRACE_ID [--bank B] [--format table|jsonl]
       audit-viewer llm export [CONNINFO] [FILTERS] --output FILE|- [--format csv|jsonl] [--oldest-first] [--no-json] [--no-formula-guard] [--bom] [--no-mask]

Hindsight&apos;s LLM calls (the llm_requests table beside the audit table; recorded when
HINDSIGHT_API_LLM_TRACE_ENABLED=true). A run is every call of one operation (one
trace_id); --during lists the runs an audit entry caused: Hindsight keeps no exact
link, so they are the calls of the entry&apos;s bank and operation whose run started within
the entry&apos;s span, and a run that started within two entries is reported as ambiguous.

Filters (a list option is repeatable: any of its values):
  --operation O     retain, reflect, consolidation, ...
  --status S        success or error
  --scope S, --provider P, --model M
  --bank B          only this bank
  --trace T         only the run T (a trace_id)
  --document D      calls whose metadata names document D
  --memory M        calls of runs that created or consumed memory M
  --since TIME, --until TIME, --last 1h|24h|7d|30d  as for list
  --min-duration DURATION  duration_ms at least this (250ms, 5s, 2m)
  --search TEXT     TEXT in input, output or error (literal, case-insensitive)
  --schema S        schema of the tables (default public); --schemas PATTERN and
                    --tenant S read many, as for list
  --statement-timeout MS, --verbose, --mask-rules FILE  as for list

list&apos;s jsonl keys are llm_requests&apos; columns (no documents; error cut at 300
characters, with &quot;error_truncated&quot;: true); export writes every column, documents as
stored (secrets masked unless --no-mask). stats --format json gives per bucket time,
calls, status (calls per status) and tokens {input, output, cached, total}.
</source>
        <translation>Aufruf: audit-viewer llm list   [CONNINFO] [FILTER] [--limit N] [--after CURSOR] [--oldest-first] [--format table|jsonl]
       audit-viewer llm list   [CONNINFO] --runs [FILTER] [--limit N] [--after CURSOR] [--format table|jsonl]
       audit-viewer llm list   [CONNINFO] --during AUDIT_ID [--format table|jsonl]
       audit-viewer llm stats  [CONNINFO] [FILTER] [--period today|7d|30d] [--metric calls|tokens] [--by operation|model] [--utc] [--format table|json]
       audit-viewer llm show   [CONNINFO] CALL_ID [--format text|json] [--no-mask]
       audit-viewer llm run    [CONNINFO] CALL_ID|TRACE_ID [--bank B] [--format table|jsonl]
       audit-viewer llm export [CONNINFO] [FILTER] --output FILE|- [--format csv|jsonl] [--oldest-first] [--no-json] [--no-formula-guard] [--bom] [--no-mask]

Die LLM-Aufrufe von Hindsight (die Tabelle llm_requests neben der Audit-Tabelle; geschrieben,
wenn HINDSIGHT_API_LLM_TRACE_ENABLED=true gesetzt ist). Ein Lauf sind alle Aufrufe einer
Operation (eine trace_id); --during listet die Läufe, die ein Audit-Eintrag ausgelöst hat:
Hindsight speichert keine genaue Verknüpfung, also sind es die Aufrufe von Bank und Operation
des Eintrags, deren Lauf in seiner Zeitspanne begann; ein Lauf, der in zwei Einträgen begann,
wird als mehrdeutig gemeldet.

Filter (eine Listenoption ist wiederholbar: einer ihrer Werte):
  --operation O     retain, reflect, consolidation, ...
  --status S        success oder error
  --scope S, --provider P, --model M
  --bank B          nur diese Bank
  --trace T         nur der Lauf T (eine trace_id)
  --document D      Aufrufe, deren Metadaten das Dokument D nennen
  --memory M        Aufrufe von Läufen, die die Erinnerung M erzeugt oder verwendet haben
  --since TIME, --until TIME, --last 1h|24h|7d|30d  wie bei list
  --min-duration DURATION  duration_ms mindestens so lang (250ms, 5s, 2m)
  --search TEXT     TEXT in input, output oder error (wörtlich, ohne Groß-/Kleinschreibung)
  --schema S        Schema der Tabellen (Standard public); --schemas PATTERN und
                    --tenant S lesen mehrere, wie bei list
  --statement-timeout MS, --verbose, --mask-rules FILE  wie bei list

Die jsonl-Schlüssel von list sind die Spalten von llm_requests (ohne Dokumente; error nach 300
Zeichen abgeschnitten, dann mit &quot;error_truncated&quot;: true); export schreibt jede Spalte, Dokumente
wie gespeichert (Geheimnisse maskiert außer mit --no-mask). stats --format json liefert je
Intervall time, calls, status (Aufrufe je Status) und tokens {input, output, cached, total}.
</translation>
    </message>
    <message>
        <source>--schemas takes a LIKE pattern.</source>
        <translation>--schemas erwartet ein LIKE-Muster.</translation>
    </message>
    <message>
        <source>--schema reads one schema, --schemas and --tenant read many: give one or the other.</source>
        <translation>--schema liest ein Schema, --schemas und --tenant lesen mehrere: bitte nur eines davon angeben.</translation>
    </message>
    <message>
        <source>--statement-timeout takes a number of milliseconds.</source>
        <translation>--statement-timeout erwartet eine Anzahl Millisekunden.</translation>
    </message>
    <message>
        <source>--limit takes a positive number.</source>
        <translation>--limit erwartet eine positive Zahl.</translation>
    </message>
    <message>
        <source>--during takes an audit entry&apos;s id (a UUID).</source>
        <translation>--during erwartet die ID eines Audit-Eintrags (eine UUID).</translation>
    </message>
    <message>
        <source>--during lists runs already; give --runs or --during.</source>
        <translation>--during listet bereits Läufe; bitte --runs oder --during angeben.</translation>
    </message>
    <message>
        <source>--after takes the last row&apos;s started_at,id[,schema] as list prints it.</source>
        <translation>--after erwartet started_at,id[,schema] der letzten Zeile, wie list es ausgibt.</translation>
    </message>
    <message>
        <source>--format takes table or jsonl.</source>
        <translation>--format erwartet table oder jsonl.</translation>
    </message>
    <message>
        <source>--period takes today, 7d or 30d.</source>
        <translation>--period erwartet today, 7d oder 30d.</translation>
    </message>
    <message>
        <source>--metric takes calls or tokens.</source>
        <translation>--metric erwartet calls oder tokens.</translation>
    </message>
    <message>
        <source>--by takes operation or model.</source>
        <translation>--by erwartet operation oder model.</translation>
    </message>
    <message>
        <source>--format takes table or json.</source>
        <translation>--format erwartet table oder json.</translation>
    </message>
    <message>
        <source>export needs --output FILE (or - for standard output).</source>
        <translation>export braucht --output DATEI (oder - für die Standardausgabe).</translation>
    </message>
    <message>
        <source>--format takes csv or jsonl.</source>
        <translation>--format erwartet csv oder jsonl.</translation>
    </message>
    <message>
        <source>llm takes list, stats, show, run or export, not &quot;%1&quot;.</source>
        <translation>llm erwartet list, stats, show, run oder export, nicht „%1“.</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;; give at most one CONNINFO.</source>
        <translation>Unerwartetes Argument „%1“; höchstens ein CONNINFO angeben.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an LLM call id (a UUID).</source>
        <translation>„%1“ ist keine ID eines LLM-Aufrufs (eine UUID).</translation>
    </message>
    <message>
        <source>--format takes text or json.</source>
        <translation>--format erwartet text oder json.</translation>
    </message>
    <message>
        <source>--%1 is an option of the audit log; the LLM calls take --operation, --status, --scope, --provider and --model.</source>
        <translation>--%1 ist eine Option des Audit-Protokolls; die LLM-Aufrufe nehmen --operation, --status, --scope, --provider und --model.</translation>
    </message>
    <message>
        <source>The %1 command takes an id, optionally after a CONNINFO.</source>
        <translation>Der Befehl %1 erwartet eine ID, wahlweise nach einem CONNINFO.</translation>
    </message>
</context>
<context>
    <name>LlmCommands</name>
    <message numerus="yes">
        <source>%n run(s)</source>
        <translation>
            <numerusform>%n Lauf</numerusform>
            <numerusform>%n Läufe</numerusform>
        </translation>
    </message>
    <message>
        <source>audit-viewer: more calls; continue with --after %1</source>
        <translation>audit-viewer: weitere Aufrufe; weiter mit --after %1</translation>
    </message>
    <message>
        <source>audit-viewer: more runs; continue with --after %1</source>
        <translation>audit-viewer: weitere Läufe; weiter mit --after %1</translation>
    </message>
    <message>
        <source>audit-viewer: run %1 started while %2 also ran (same bank and operation): its attribution is ambiguous.</source>
        <translation>audit-viewer: Lauf %1 begann, während auch %2 lief (gleiche Bank und Operation): seine Zuordnung ist mehrdeutig.</translation>
    </message>
    <message>
        <source>: calls %1, errors %2, tokens %3 (input %4, output %5, cached %6)</source>
        <translation>: Aufrufe %1, Fehler %2, Tokens %3 (Eingabe %4, Ausgabe %5, zwischengespeichert %6)</translation>
    </message>
    <message>
        <source>The input was stored cut: Hindsight kept a preview (original length in characters: %1).</source>
        <translation>Die Eingabe wurde gekürzt gespeichert: Hindsight behielt eine Vorschau (ursprüngliche Länge in Zeichen: %1).</translation>
    </message>
</context>
<context>
    <name>LlmConversationView</name>
    <message numerus="yes">
        <source>Hindsight stored the first %1 of %Ln characters; the rest was not kept.</source>
        <translation>
            <numerusform>Hindsight hat die ersten %1 von %Ln Zeichen gespeichert; der Rest wurde nicht behalten.</numerusform>
            <numerusform>Hindsight hat die ersten %1 von %Ln Zeichen gespeichert; der Rest wurde nicht behalten.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Hindsight stored only the first %Ln characters.</source>
        <translation>
            <numerusform>Hindsight hat nur das erste %Ln Zeichen gespeichert.</numerusform>
            <numerusform>Hindsight hat nur die ersten %Ln Zeichen gespeichert.</numerusform>
        </translation>
    </message>
    <message>
        <source>preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>⟪ cut here: Hindsight did not keep the rest ⟫</source>
        <translation>⟪ hier abgeschnitten: den Rest hat Hindsight nicht behalten ⟫</translation>
    </message>
    <message>
        <source>(no role)</source>
        <translation>(keine Rolle)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message numerus="yes">
        <source>Show all %Ln characters</source>
        <translation>
            <numerusform>Das %Ln Zeichen zeigen</numerusform>
            <numerusform>Alle %Ln Zeichen zeigen</numerusform>
        </translation>
    </message>
    <message>
        <source>Show less</source>
        <translation>Weniger zeigen</translation>
    </message>
</context>
<context>
    <name>LlmEntryRuns</name>
    <message>
        <source>Double-click a run, or press Enter, for its waterfall</source>
        <translation>Doppelklick auf einen Lauf oder Eingabetaste zeigt seinen Wasserfall</translation>
    </message>
    <message>
        <source>Looking for the LLM calls of this entry…</source>
        <translation>Die LLM-Aufrufe dieses Eintrags werden gesucht…</translation>
    </message>
    <message>
        <source>No LLM calls to show: this database has no llm_requests table (a Hindsight older than its LLM tracing).</source>
        <translation>Keine LLM-Aufrufe: Diese Datenbank hat keine Tabelle llm_requests (ein Hindsight älter als seine LLM-Aufzeichnung).</translation>
    </message>
    <message>
        <source>No LLM calls recorded: Hindsight&apos;s LLM tracing is off by default (HINDSIGHT_API_LLM_TRACE_ENABLED=true enables it).</source>
        <translation>Keine LLM-Aufrufe aufgezeichnet: Hindsights LLM-Aufzeichnung ist standardmäßig aus (HINDSIGHT_API_LLM_TRACE_ENABLED=true schaltet sie ein).</translation>
    </message>
    <message>
        <source>No LLM runs of this bank and operation started during this entry (tracing may be off for this bank or scope).</source>
        <translation>Während dieses Eintrags begann kein LLM-Lauf dieser Bank und Operation (die Aufzeichnung ist für diese Bank oder diesen Scope vielleicht aus).</translation>
    </message>
    <message>
        <source>Ambiguous: Hindsight records no exact link, so runs are attributed by bank, operation and time, and the runs marked ⚠ started while other entries of this bank and action were running too: %1.</source>
        <translation>Mehrdeutig: Hindsight speichert keine genaue Verknüpfung, daher werden Läufe nach Bank, Operation und Zeit zugeordnet, und die mit ⚠ markierten Läufe begannen, während auch andere Einträge dieser Bank und Aktion liefen: %1.</translation>
    </message>
    <message>
        <source>Attributed by bank, operation and time: one other entry of this bank and action overlaps this one, but every run listed started while only this one was running.</source>
        <translation>Nach Bank, Operation und Zeit zugeordnet: Ein anderer Eintrag dieser Bank und Aktion überschneidet sich mit diesem, aber jeder aufgeführte Lauf begann, während nur dieser lief.</translation>
    </message>
    <message numerus="yes">
        <source>Attributed by bank, operation and time: %n other entries of this bank and action overlap this one, but every run listed started while only this one was running.</source>
        <translation>
            <numerusform>Nach Bank, Operation und Zeit zugeordnet: %n anderer Eintrag dieser Bank und Aktion überschneidet sich mit diesem, aber jeder aufgeführte Lauf begann, während nur dieser lief.</numerusform>
            <numerusform>Nach Bank, Operation und Zeit zugeordnet: %n andere Einträge dieser Bank und Aktion überschneiden sich mit diesem, aber jeder aufgeführte Lauf begann, während nur dieser lief.</numerusform>
        </translation>
    </message>
    <message>
        <source>Attributed by bank, operation and time (Hindsight records no exact link); no other entry of this bank and action overlaps this one.</source>
        <translation>Nach Bank, Operation und Zeit zugeordnet (Hindsight speichert keine genaue Verknüpfung); kein anderer Eintrag dieser Bank und Aktion überschneidet sich mit diesem.</translation>
    </message>
    <message>
        <source>%1 · calls %2 · errors %3 · tokens %4</source>
        <translation>%1 · Aufrufe %2 · Fehler %3 · Token %4</translation>
    </message>
    <message>
        <source>1 run</source>
        <translation>1 Lauf</translation>
    </message>
    <message numerus="yes">
        <source>%n runs</source>
        <translation>
            <numerusform>%n Lauf</numerusform>
            <numerusform>%n Läufe</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not read the LLM calls: %1</source>
        <translation>Die LLM-Aufrufe konnten nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>LlmFilterBar</name>
    <message>
        <source>All operations</source>
        <translation>Alle Operationen</translation>
    </message>
    <message>
        <source>Operations</source>
        <translation>Operationen</translation>
    </message>
    <message>
        <source>Filter operations…</source>
        <translation>Operationen filtern…</translation>
    </message>
    <message>
        <source>Operations to show (retain, reflect, consolidation, …); several can be checked.</source>
        <translation>Anzuzeigende Operationen (retain, reflect, consolidation, …); mehrere können angehakt werden.</translation>
    </message>
    <message numerus="yes">
        <source>%n operations</source>
        <translation>
            <numerusform>%n Operation</numerusform>
            <numerusform>%n Operationen</numerusform>
        </translation>
    </message>
    <message>
        <source>All models</source>
        <translation>Alle Modelle</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>Filter models…</source>
        <translation>Modelle filtern…</translation>
    </message>
    <message>
        <source>Models to show; several can be checked.</source>
        <translation>Anzuzeigende Modelle; mehrere können angehakt werden.</translation>
    </message>
    <message numerus="yes">
        <source>%n models</source>
        <translation>
            <numerusform>%n Modell</numerusform>
            <numerusform>%n Modelle</numerusform>
        </translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Jeder Status</translation>
    </message>
    <message>
        <source>Only successful calls, or only failed ones</source>
        <translation>Nur erfolgreiche oder nur fehlgeschlagene Aufrufe</translation>
    </message>
    <message>
        <source>success</source>
        <translation>Erfolg</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Any scope</source>
        <translation>Jeder Bereich</translation>
    </message>
    <message>
        <source>The call site inside the operation (retain_extract_facts, reflect_tool_call, …)</source>
        <translation>Die Aufrufstelle innerhalb der Operation (retain_extract_facts, reflect_tool_call, …)</translation>
    </message>
    <message>
        <source>Any provider</source>
        <translation>Jeder Anbieter</translation>
    </message>
    <message>
        <source>The LLM provider</source>
        <translation>Der LLM-Anbieter</translation>
    </message>
    <message>
        <source>Any bank</source>
        <translation>Jede Bank</translation>
    </message>
    <message>
        <source>The memory bank</source>
        <translation>Die Speicherbank</translation>
    </message>
    <message>
        <source>Slower than (ms)</source>
        <translation>Langsamer als (ms)</translation>
    </message>
    <message>
        <source>Only calls that took at least this many milliseconds</source>
        <translation>Nur Aufrufe, die mindestens so viele Millisekunden dauerten</translation>
    </message>
    <message>
        <source>Search input, output and error…</source>
        <translation>Eingabe, Ausgabe und Fehler durchsuchen…</translation>
    </message>
    <message>
        <source>Literal text, any case, in the input messages, the output and the error</source>
        <translation>Wörtlicher Text, Groß-/Kleinschreibung egal, in den Eingabenachrichten, der Ausgabe und dem Fehler</translation>
    </message>
    <message>
        <source>Run (trace id)</source>
        <translation>Lauf (Trace-ID)</translation>
    </message>
    <message>
        <source>Only the calls of one run: its trace id</source>
        <translation>Nur die Aufrufe eines Laufs: seine Trace-ID</translation>
    </message>
    <message>
        <source>Document id</source>
        <translation>Dokument-ID</translation>
    </message>
    <message>
        <source>Calls whose metadata names this document</source>
        <translation>Aufrufe, deren Metadaten dieses Dokument nennen</translation>
    </message>
    <message>
        <source>Memory id</source>
        <translation>Erinnerungs-ID</translation>
    </message>
    <message>
        <source>Calls of runs that created or read this memory</source>
        <translation>Aufrufe der Läufe, die diese Erinnerung erzeugt oder gelesen haben</translation>
    </message>
    <message>
        <source>Tenant filter</source>
        <translation>Mandantenfilter</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Anwenden</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Clear every filter and show all calls</source>
        <translation>Alle Filter leeren und alle Aufrufe zeigen</translation>
    </message>
    <message>
        <source>Tenant: %1 ✕</source>
        <translation>Mandant: %1 ✕</translation>
    </message>
    <message numerus="yes">
        <source>%n tenants ✕</source>
        <translation>
            <numerusform>%n Mandant ✕</numerusform>
            <numerusform>%n Mandanten ✕</numerusform>
        </translation>
    </message>
    <message>
        <source>Only the calls of these tenants; click to show every tenant</source>
        <translation>Nur die Aufrufe dieser Mandanten; klicken, um alle Mandanten zu zeigen</translation>
    </message>
</context>
<context>
    <name>LlmPageLoader</name>
    <message>
        <source>Searching input, output and error…</source>
        <translation>Eingabe, Ausgabe und Fehler werden durchsucht…</translation>
    </message>
</context>
<context>
    <name>LlmRepository</name>
    <message>
        <source>This database has no %1 table: Hindsight records LLM calls since version 0.8 (June 2026); the audit log is not affected.</source>
        <translation>Diese Datenbank hat keine Tabelle %1: Hindsight zeichnet LLM-Aufrufe seit Version 0.8 (Juni 2026) auf; das Audit-Protokoll ist davon nicht betroffen.</translation>
    </message>
    <message>
        <source>No LLM calls are recorded. Hindsight traces them only when HINDSIGHT_API_LLM_TRACE_ENABLED=true is set (it is off by default).</source>
        <translation>Es sind keine LLM-Aufrufe aufgezeichnet. Hindsight zeichnet sie nur auf, wenn HINDSIGHT_API_LLM_TRACE_ENABLED=true gesetzt ist (standardmäßig aus).</translation>
    </message>
    <message>
        <source>A page holds at least one call.</source>
        <translation>Eine Seite enthält mindestens einen Aufruf.</translation>
    </message>
    <message>
        <source>A page holds at least one run.</source>
        <translation>Eine Seite enthält mindestens einen Lauf.</translation>
    </message>
    <message>
        <source>No LLM calls belong to the run %1.</source>
        <translation>Zum Lauf %1 gehören keine LLM-Aufrufe.</translation>
    </message>
    <message>
        <source>%1 is not an LLM call id (a UUID).</source>
        <translation>%1 ist keine ID eines LLM-Aufrufs (eine UUID).</translation>
    </message>
    <message>
        <source>No LLM call has the id %1.</source>
        <translation>Kein LLM-Aufruf hat die ID %1.</translation>
    </message>
    <message>
        <source>This entry has no bank: Hindsight&apos;s LLM calls are attributed by bank, so none can be named.</source>
        <translation>Dieser Eintrag hat keine Bank: Die LLM-Aufrufe von Hindsight werden über die Bank zugeordnet, daher lässt sich keiner nennen.</translation>
    </message>
</context>
<context>
    <name>LlmRunDialog</name>
    <message>
        <source>Open audit entry</source>
        <translation>Audit-Eintrag öffnen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>LLM run</source>
        <translation>LLM-Lauf</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Operation</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>Bank</translation>
    </message>
    <message>
        <source>First start</source>
        <translation>Erster Start</translation>
    </message>
    <message>
        <source>Wall time</source>
        <translation>Gesamtdauer</translation>
    </message>
    <message>
        <source>Trace</source>
        <translation>Trace</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Aufrufe</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Mandant</translation>
    </message>
    <message>
        <source>Audit entry</source>
        <translation>Audit-Eintrag</translation>
    </message>
    <message>
        <source>Click a call, or press Enter, to open it</source>
        <translation>Einen Aufruf anklicken oder die Eingabetaste drücken, um ihn zu öffnen</translation>
    </message>
    <message>
        <source>Loading… · LLM run %1</source>
        <translation>Wird geladen… · LLM-Lauf %1</translation>
    </message>
    <message>
        <source>Looking for it…</source>
        <translation>Wird gesucht…</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>%1 · LLM run %2</source>
        <translation>%1 · LLM-Lauf %2</translation>
    </message>
    <message>
        <source>%1 started %2 (%3)</source>
        <translation>%1, gestartet %2 (%3)</translation>
    </message>
    <message>
        <source>None found: no audit entry of this bank running this operation spans the run&apos;s first call.</source>
        <translation>Keiner gefunden: Kein Audit-Eintrag dieser Bank mit dieser Operation umfasst den ersten Aufruf des Laufs.</translation>
    </message>
    <message numerus="yes">
        <source>Ambiguous: %n audit entries of this bank running this operation span the run&apos;s first call, and Hindsight records no exact link (attribution is by bank, operation and time). Double-click one to open it:</source>
        <translation>
            <numerusform>Mehrdeutig: %n Audit-Eintrag dieser Bank mit dieser Operation umfasst den ersten Aufruf des Laufs, und Hindsight speichert keine genaue Verknüpfung (zugeordnet nach Bank, Operation und Zeit). Zum Öffnen doppelklicken:</numerusform>
            <numerusform>Mehrdeutig: %n Audit-Einträge dieser Bank mit dieser Operation umfassen den ersten Aufruf des Laufs, und Hindsight speichert keine genaue Verknüpfung (zugeordnet nach Bank, Operation und Zeit). Einen doppelklicken, um ihn zu öffnen:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LlmRunTableModel</name>
    <message numerus="yes">
        <source>%Ln failed</source>
        <translation>
            <numerusform>%Ln fehlgeschlagen</numerusform>
            <numerusform>%Ln fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message>
        <source>First call started %1 UTC
Run %2</source>
        <translation>Erster Aufruf begann %1 UTC
Lauf %2</translation>
    </message>
    <message>
        <source>From the first start to the last end: %1</source>
        <translation>Vom ersten Beginn bis zum letzten Ende: %1</translation>
    </message>
    <message>
        <source>No end recorded</source>
        <translation>Kein Ende aufgezeichnet</translation>
    </message>
    <message>
        <source>First start (UTC)</source>
        <translation>Erster Beginn (UTC)</translation>
    </message>
    <message>
        <source>First start</source>
        <translation>Erster Beginn</translation>
    </message>
    <message>
        <source>Wall time</source>
        <translation>Gesamtdauer</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Aufrufe</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
</context>
<context>
    <name>LlmTableModel</name>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>success</source>
        <translation>Erfolg</translation>
    </message>
    <message>
        <source>Started %1
%2 UTC</source>
        <translation>Beginn %1
%2 UTC</translation>
    </message>
    <message>
        <source>The call failed (status %1)</source>
        <translation>Der Aufruf schlug fehl (Status %1)</translation>
    </message>
    <message>
        <source>The call succeeded</source>
        <translation>Der Aufruf war erfolgreich</translation>
    </message>
    <message numerus="yes">
        <source>%Ln ms, as Hindsight measured it</source>
        <translation>
            <numerusform>%Ln ms, wie Hindsight sie gemessen hat</numerusform>
            <numerusform>%Ln ms, wie Hindsight sie gemessen hat</numerusform>
        </translation>
    </message>
    <message>
        <source>No duration recorded</source>
        <translation>Keine Dauer aufgezeichnet</translation>
    </message>
    <message>
        <source>
… open the call for the whole error</source>
        <translation>
… den Aufruf öffnen, um den ganzen Fehler zu lesen</translation>
    </message>
    <message>
        <source>Started (UTC)</source>
        <translation>Beginn (UTC)</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Operation</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>Bank</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Mandant</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>Cached</source>
        <translation>Aus Cache</translation>
    </message>
    <message>
        <source>Total tokens</source>
        <translation>Tokens gesamt</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
</context>
<context>
    <name>LlmText</name>
    <message>
        <source>(no scope)</source>
        <translation>(kein Scope)</translation>
    </message>
    <message>
        <source>in %1 · out %2 · cached %3 · total %4</source>
        <translation>ein %1 · aus %2 · gecacht %3 · gesamt %4</translation>
    </message>
    <message>
        <source>%1 tok</source>
        <translation>%1 Tok.</translation>
    </message>
    <message>
        <source>success</source>
        <translation>Erfolg</translation>
    </message>
    <message>
        <source>✖ error</source>
        <translation>✖ Fehler</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
</context>
<context>
    <name>LlmView</name>
    <message>
        <source>Only this tenant</source>
        <translation>Nur dieser Mandant</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Aufrufe</translation>
    </message>
    <message>
        <source>One row per LLM call</source>
        <translation>Eine Zeile je LLM-Aufruf</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>One row per run: every call of one operation (one trace id)</source>
        <translation>Eine Zeile je Lauf: alle Aufrufe einer Operation (eine Trace-ID)</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Write exactly the filtered calls to CSV or JSON Lines</source>
        <translation>Genau die gefilterten Aufrufe als CSV oder JSON Lines schreiben</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>Show only the calls of the current row&apos;s tenant</source>
        <translation>Nur die Aufrufe des Mandanten der aktuellen Zeile zeigen</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbindung wird hergestellt…</translation>
    </message>
    <message>
        <source>This database has no llm_requests table: Hindsight before version 0.8 (June 2026) does not record LLM calls. The audit log works as before.</source>
        <translation>Diese Datenbank hat keine Tabelle llm_requests: Hindsight vor Version 0.8 (Juni 2026) zeichnet keine LLM-Aufrufe auf. Das Audit-Protokoll funktioniert wie bisher.</translation>
    </message>
    <message>
        <source>No LLM calls have been recorded yet. Hindsight traces LLM calls only when tracing is on, and it is off by default: set HINDSIGHT_API_LLM_TRACE_ENABLED=true (or enable it for a bank) and restart Hindsight. Calls appear here as they are made.</source>
        <translation>Noch keine LLM-Aufrufe aufgezeichnet. Hindsight zeichnet LLM-Aufrufe nur bei eingeschalteter Ablaufverfolgung auf, und die ist standardmäßig aus: HINDSIGHT_API_LLM_TRACE_ENABLED=true setzen (oder sie für eine Bank einschalten) und Hindsight neu starten. Aufrufe erscheinen hier, sobald sie stattfinden.</translation>
    </message>
    <message>
        <source>No LLM calls match this filter. Reset the filter to see every call.</source>
        <translation>Keine LLM-Aufrufe passen zu diesem Filter. Den Filter zurücksetzen, um alle Aufrufe zu sehen.</translation>
    </message>
</context>
<context>
    <name>LlmWaterfall</name>
    <message>
        <source>1 call</source>
        <translation>1 Aufruf</translation>
    </message>
    <message numerus="yes">
        <source>%Ln calls</source>
        <translation>
            <numerusform>%Ln Aufruf</numerusform>
            <numerusform>%Ln Aufrufe</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>(no operation)</source>
        <translation>(keine Operation)</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Aufruf</translation>
    </message>
    <message>
        <source>%1 · %2 · tokens %3</source>
        <translation>%1 · %2 · Token %3</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>Provider: %1</source>
        <translation>Anbieter: %1</translation>
    </message>
    <message>
        <source>Started: %1 (+%2 from the run&apos;s start)</source>
        <translation>Gestartet: %1 (+%2 nach dem Start des Laufs)</translation>
    </message>
    <message>
        <source>Duration: %1</source>
        <translation>Dauer: %1</translation>
    </message>
    <message>
        <source>Tokens: %1</source>
        <translation>Token: %1</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>Click or press Enter to open the call</source>
        <translation>Klicken oder Eingabetaste, um den Aufruf zu öffnen</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Audit Viewer</source>
        <translation>Audit Viewer</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>Cancelled; the table shows the last page that loaded.</source>
        <translation>Abgebrochen; die Tabelle zeigt die zuletzt geladene Seite.</translation>
    </message>
    <message>
        <source>Counting failed: %1</source>
        <translation>Zählen fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Connect…</source>
        <translation>&amp;Verbinden…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <source>Write every entry matching the filter to CSV or JSON Lines</source>
        <translation>Alle Einträge, die zum Filter passen, als CSV oder JSON Lines schreiben</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Times in &amp;UTC</source>
        <translation>Zeiten in &amp;UTC</translation>
    </message>
    <message>
        <source>Show and enter times in UTC instead of the local time zone</source>
        <translation>Zeiten in UTC statt in der lokalen Zeitzone anzeigen und eingeben</translation>
    </message>
    <message>
        <source>&amp;Auto-refresh</source>
        <translation>Auto&amp;matisch aktualisieren</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>Every 5 seconds</source>
        <translation>Alle 5 Sekunden</translation>
    </message>
    <message>
        <source>Every 30 seconds</source>
        <translation>Alle 30 Sekunden</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Gehe zu</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Zurück</translation>
    </message>
    <message>
        <source>Restore the filter from before the last drill-down (Alt+Left)</source>
        <translation>Den Filter von vor dem letzten Drilldown wiederherstellen (Alt+Links)</translation>
    </message>
    <message>
        <source>&amp;First page</source>
        <translation>&amp;Erste Seite</translation>
    </message>
    <message>
        <source>&amp;Previous page</source>
        <translation>&amp;Vorherige Seite</translation>
    </message>
    <message>
        <source>&amp;Next page</source>
        <translation>&amp;Nächste Seite</translation>
    </message>
    <message>
        <source>&amp;Last page</source>
        <translation>&amp;Letzte Seite</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;About Audit Viewer</source>
        <translation>Ü&amp;ber Audit Viewer</translation>
    </message>
    <message>
        <source>About Audit Viewer</source>
        <translation>Über Audit Viewer</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Audit Viewer %1&lt;/h3&gt;&lt;p&gt;Browse the audit log of a Hindsight memory server: filter, page, chart, read and export its entries. It never writes to the database.&lt;/p&gt;&lt;p&gt;Built with Qt %2 and libpq.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Audit Viewer %1&lt;/h3&gt;&lt;p&gt;Durchsuchen Sie das Audit-Protokoll eines Hindsight-Memory-Servers: Einträge filtern, blättern, im Diagramm verfolgen, lesen und exportieren. Das Programm schreibt nie in die Datenbank.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2 und libpq.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source>Auto-refresh</source>
        <translation>Automatisch aktualisieren</translation>
    </message>
    <message>
        <source>Reload the first page periodically; new rows are highlighted</source>
        <translation>Die erste Seite regelmäßig neu laden; neue Zeilen werden hervorgehoben</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbindung wird hergestellt…</translation>
    </message>
    <message>
        <source>%1 — Audit Viewer</source>
        <translation>%1 — Audit Viewer</translation>
    </message>
    <message>
        <source>Connect to a database first.</source>
        <translation>Verbinden Sie sich zuerst mit einer Datenbank.</translation>
    </message>
    <message numerus="yes">
        <source>Exported %1 entries to %2</source>
        <translation>
            <numerusform>%1 Eintrag nach %2 exportiert</numerusform>
            <numerusform>%1 Einträge nach %2 exportiert</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not compare: %1</source>
        <translation>Vergleich fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The audit table %1 has no entries.

Hindsight writes its audit log only when auditing is on, and it is off by default: set HINDSIGHT_API_AUDIT_LOG_ENABLED=true for the Hindsight API, and check the audit_log_enabled setting of the banks you want audited. Calls made after that appear here (F5 refreshes).</source>
        <translation>Die Audit-Tabelle %1 enthält keine Einträge.

Hindsight schreibt sein Audit-Protokoll nur, wenn die Protokollierung eingeschaltet ist, und standardmäßig ist sie aus: Setzen Sie HINDSIGHT_API_AUDIT_LOG_ENABLED=true für die Hindsight-API und prüfen Sie die Einstellung audit_log_enabled der Banken, die protokolliert werden sollen. Danach getätigte Aufrufe erscheinen hier (F5 aktualisiert).</translation>
    </message>
    <message>
        <source>No entries match this filter.

Widen the time range or press Reset in the filter bar.</source>
        <translation>Keine Einträge passen zu diesem Filter.

Erweitern Sie den Zeitraum oder klicken Sie in der Filterleiste auf „Zurücksetzen“.</translation>
    </message>
    <message>
        <source>No entries match this filter.

Press Reset in the filter bar to see every entry.</source>
        <translation>Keine Einträge passen zu diesem Filter.

Klicken Sie in der Filterleiste auf „Zurücksetzen“, um alle Einträge zu sehen.</translation>
    </message>
    <message>
        <source>&amp;Latency…</source>
        <translation>&amp;Latenz…</translation>
    </message>
    <message>
        <source>&amp;Sort</source>
        <translation>&amp;Sortierung</translation>
    </message>
    <message>
        <source>&amp;Newest first</source>
        <translation>&amp;Neueste zuerst</translation>
    </message>
    <message>
        <source>&amp;Oldest first</source>
        <translation>&amp;Älteste zuerst</translation>
    </message>
    <message>
        <source>&amp;Longest first</source>
        <translation>&amp;Längste zuerst</translation>
    </message>
    <message>
        <source>&amp;Shortest first</source>
        <translation>&amp;Kürzeste zuerst</translation>
    </message>
    <message>
        <source>Recently &amp;finished first</source>
        <translation>&amp;Zuletzt beendete zuerst</translation>
    </message>
    <message numerus="yes">
        <source>For tailing the log: the calls that started in the last %n minutes, the latest to end first, calls still running on top. Hindsight writes a call when it ends, so a long call shows up here at the top when it arrives.</source>
        <translation>
            <numerusform>Um das Log mitzulesen: die Aufrufe, die in der letzten %n Minute begonnen haben, die zuletzt beendeten zuerst, laufende Aufrufe ganz oben. Hindsight schreibt einen Aufruf, wenn er endet; ein langer Aufruf erscheint hier oben, sobald er eintrifft.</numerusform>
            <numerusform>Um das Log mitzulesen: die Aufrufe, die in den letzten %n Minuten begonnen haben, die zuletzt beendeten zuerst, laufende Aufrufe ganz oben. Hindsight schreibt einen Aufruf, wenn er endet; ein langer Aufruf erscheint hier oben, sobald er eintrifft.</numerusform>
        </translation>
    </message>
    <message>
        <source>Calls, p50, p95, p99 and longest duration per action for the current filter</source>
        <translation>Aufrufe, p50, p95, p99 und längste Dauer je Aktion für den aktuellen Filter</translation>
    </message>
    <message>
        <source>&amp;Compare two entries</source>
        <translation>Zwei Einträge &amp;vergleichen</translation>
    </message>
    <message>
        <source>Select two rows: their request, response and metadata side by side, differences highlighted</source>
        <translation>Zwei Zeilen auswählen: ihre Anfrage, Antwort und Metadaten nebeneinander, Unterschiede hervorgehoben</translation>
    </message>
    <message>
        <source>&amp;Open entry</source>
        <translation>Eintrag &amp;öffnen</translation>
    </message>
    <message>
        <source>Copy &amp;rows</source>
        <translation>&amp;Zeilen kopieren</translation>
    </message>
    <message>
        <source>Mas&amp;king rules…</source>
        <translation>Mas&amp;kierungsregeln…</translation>
    </message>
    <message>
        <source>The key and value patterns secrets are masked by</source>
        <translation>Die Schlüssel- und Wertmuster, nach denen geheime Werte maskiert werden</translation>
    </message>
    <message>
        <source>Select two rows to compare them.</source>
        <translation>Wählen Sie zwei Zeilen aus, um sie zu vergleichen.</translation>
    </message>
    <message>
        <source>Loading the two entries…</source>
        <translation>Die beiden Einträge werden geladen…</translation>
    </message>
    <message>
        <source>No audit table</source>
        <translation>Keine Audit-Tabelle</translation>
    </message>
    <message>
        <source>The table %1 does not exist. One schema of this database holds a table %2: open it from there.</source>
        <translation>Die Tabelle %1 existiert nicht. Ein Schema dieser Datenbank enthält eine Tabelle %2: Öffnen Sie sie von dort.</translation>
    </message>
    <message numerus="yes">
        <source>The table %1 does not exist. %n schemas of this database hold a table %2: choose one to open it.</source>
        <translation>
            <numerusform>Die Tabelle %1 existiert nicht. %n Schema dieser Datenbank enthält eine Tabelle %2: Wählen Sie es zum Öffnen.</numerusform>
            <numerusform>Die Tabelle %1 existiert nicht. %n Schemas dieser Datenbank enthalten eine Tabelle %2: Wählen Sie eines zum Öffnen.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>PostgreSQL %1</source>
        <translation>PostgreSQL %1</translation>
    </message>
    <message>
        <source>Only &amp;this tenant</source>
        <translation>Nur &amp;dieser Mandant</translation>
    </message>
    <message>
        <source>Filter the table to the tenant of the current row</source>
        <translation>Die Tabelle auf den Mandanten der aktuellen Zeile filtern</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Audit-Protokoll</translation>
    </message>
    <message>
        <source>LLM calls</source>
        <translation>LLM-Aufrufe</translation>
    </message>
</context>
<context>
    <name>MaskingRules</name>
    <message>
        <source>Could not read the masking rules %1: %2.</source>
        <translation>Die Maskierungsregeln %1 konnten nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <source>The key pattern &quot;%1&quot; has an empty part; it is ignored.</source>
        <translation>Das Schlüsselmuster „%1“ hat einen leeren Teil; es wird ignoriert.</translation>
    </message>
    <message>
        <source>The value pattern &quot;%1&quot; is not a valid regular expression (%2, at character %3); it is ignored.</source>
        <translation>Das Wertmuster „%1“ ist kein gültiger regulärer Ausdruck (%2, bei Zeichen %3); es wird ignoriert.</translation>
    </message>
    <message>
        <source>line %1: &quot;%2&quot; is not a rule (key:PATTERN, word:WORDS, credential:WORDS, value:REGEX or defaults); it is ignored.</source>
        <translation>Zeile %1: „%2“ ist keine Regel (key:PATTERN, word:WORDS, credential:WORDS, value:REGEX oder defaults); sie wird ignoriert.</translation>
    </message>
    <message>
        <source>The rule &quot;%1&quot; has a *: word rules match whole words (key: rules take wildcards); it is ignored.</source>
        <translation>Die Regel „%1“ enthält ein *: Wortregeln passen auf ganze Wörter (key:-Regeln nehmen Platzhalter); sie wird ignoriert.</translation>
    </message>
    <message>
        <source>The rule &quot;%1&quot; names no word; it is ignored.</source>
        <translation>Die Regel „%1“ nennt kein Wort; sie wird ignoriert.</translation>
    </message>
    <message>
        <source>Could not read the gitleaks configuration %1: %2.</source>
        <translation>Die gitleaks-Konfiguration %1 konnte nicht gelesen werden: %2.</translation>
    </message>
</context>
<context>
    <name>MaskingRulesDialog</name>
    <message>
        <source>Masking rules</source>
        <translation>Maskierungsregeln</translation>
    </message>
    <message>
        <source>Secret values are masked in the table, the entry window, copies and exports alike. One rule per line.</source>
        <translation>Geheime Werte werden in der Tabelle, im Eintragsfenster, in Kopien und in Exporten gleichermaßen maskiert. Eine Regel pro Zeile.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <source>This window masks by the rules in %1 (--mask-rules). Apply changes them for this window only; the rules in the settings stay as they are.</source>
        <translation>Dieses Fenster maskiert nach den Regeln in %1 (--mask-rules). Übernehmen ändert sie nur für dieses Fenster; die Regeln in den Einstellungen bleiben, wie sie sind.</translation>
    </message>
    <message>
        <source>&amp;Key rules: the value of a matching key is masked. A pattern: * matches anything, - and _ alike, case does not matter; headers.* is every value directly under a key named headers. word:WORDS matches keys with these words (word:token masks access_token, not max_tokens). credential:WORDS masks only a value that looks like a credential.</source>
        <translation>&amp;Schlüsselregeln: Der Wert eines passenden Schlüssels wird maskiert. Ein Muster: * passt auf alles, - und _ gelten als gleich, Groß-/Kleinschreibung spielt keine Rolle; headers.* ist jeder Wert direkt unter einem Schlüssel namens headers. word:WÖRTER passt auf Schlüssel mit diesen Wörtern (word:token maskiert access_token, nicht max_tokens). credential:WÖRTER maskiert nur einen Wert, der wie ein Zugangsschlüssel aussieht.</translation>
    </message>
    <message>
        <source>&amp;Value patterns: regular expressions; a string holding a match is masked, whatever its key; with a group named secret, (?&lt;secret&gt;...), only that part of it. With (?#keywords: a, b) in front, only documents that mention a or b are searched.</source>
        <translation>&amp;Wertmuster: reguläre Ausdrücke; eine Zeichenkette, die einen Treffer enthält, wird maskiert, unabhängig von ihrem Schlüssel; mit einer Gruppe namens secret, (?&lt;secret&gt;...), nur dieser Teil davon. Mit (?#keywords: a, b) davor werden nur Dokumente durchsucht, die a oder b erwähnen.</translation>
    </message>
    <message>
        <source>&amp;Import gitleaks configuration…</source>
        <translation>gitleaks-Konfiguration &amp;importieren…</translation>
    </message>
    <message>
        <source>Import gitleaks configuration</source>
        <translation>gitleaks-Konfiguration importieren</translation>
    </message>
    <message>
        <source>gitleaks configuration (*.toml);;All files (*)</source>
        <translation>gitleaks-Konfiguration (*.toml);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>PageLoader</name>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Searching request and response…</source>
        <translation>Anfrage und Antwort werden durchsucht…</translation>
    </message>
    <message>
        <source>Sorting by duration…</source>
        <translation>Wird nach Dauer sortiert…</translation>
    </message>
</context>
<context>
    <name>PaginationBar</name>
    <message>
        <source>First page (Ctrl+Home)</source>
        <translation>Erste Seite (Strg+Pos1)</translation>
    </message>
    <message>
        <source>Previous page (Ctrl+PgUp)</source>
        <translation>Vorherige Seite (Strg+Bild aufwärts)</translation>
    </message>
    <message>
        <source>Next page (Ctrl+PgDown)</source>
        <translation>Nächste Seite (Strg+Bild abwärts)</translation>
    </message>
    <message>
        <source>Last page (Ctrl+End)</source>
        <translation>Letzte Seite (Strg+Ende)</translation>
    </message>
    <message>
        <source>%1 per page</source>
        <translation>%1 pro Seite</translation>
    </message>
    <message>
        <source>Rows per page</source>
        <translation>Zeilen pro Seite</translation>
    </message>
    <message>
        <source>No matching entries</source>
        <translation>Keine passenden Einträge</translation>
    </message>
    <message>
        <source>rows %1–%2</source>
        <translation>Zeilen %1–%2</translation>
    </message>
    <message>
        <source>1 row</source>
        <translation>1 Zeile</translation>
    </message>
    <message numerus="yes">
        <source>%1 rows</source>
        <translation>
            <numerusform>%1 Zeile</numerusform>
            <numerusform>%1 Zeilen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
</context>
<context>
    <name>PgSession</name>
    <message>
        <source>unknown error</source>
        <translation>Unbekannter Fehler</translation>
    </message>
    <message>
        <source>Not connected to a database.</source>
        <translation>Keine Verbindung zu einer Datenbank.</translation>
    </message>
    <message>
        <source>The query took longer than the statement timeout and was stopped.</source>
        <translation>Die Abfrage dauerte länger als die Zeitbegrenzung für Anweisungen und wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The connection to the database was lost: %1</source>
        <translation>Die Verbindung zur Datenbank wurde unterbrochen: %1</translation>
    </message>
    <message>
        <source>The server answered fewer statements than were sent.</source>
        <translation>Der Server hat auf weniger Anweisungen geantwortet, als gesendet wurden.</translation>
    </message>
</context>
<context>
    <name>QueryError</name>
    <message>
        <source>The query was cancelled.</source>
        <translation>Die Abfrage wurde abgebrochen.</translation>
    </message>
</context>
<context>
    <name>RememberedPasswords</name>
    <message>
        <source>Passwords cannot be remembered here: the desktop keyring (Secret Service) is not available. ~/.pgpass and PGPASSWORD still work.</source>
        <translation>Passwörter können hier nicht gemerkt werden: Der Schlüsselbund der Arbeitsumgebung (Secret Service) ist nicht verfügbar. ~/.pgpass und PGPASSWORD funktionieren weiterhin.</translation>
    </message>
</context>
<context>
    <name>SavedView</name>
    <message>
        <source>The line uses shell expansion ($, `), which a pasted view cannot follow; put such text in single quotes.</source>
        <translation>Die Zeile verwendet Shell-Ersetzungen ($, `), denen eine eingefügte Ansicht nicht folgen kann; setzen Sie solchen Text in einfache Anführungszeichen.</translation>
    </message>
    <message>
        <source>A single quote is not closed.</source>
        <translation>Ein einfaches Anführungszeichen ist nicht geschlossen.</translation>
    </message>
    <message>
        <source>A double quote is not closed.</source>
        <translation>Ein doppeltes Anführungszeichen ist nicht geschlossen.</translation>
    </message>
    <message>
        <source>The line ends with a backslash.</source>
        <translation>Die Zeile endet mit einem Backslash.</translation>
    </message>
    <message>
        <source>--last takes 1h, 24h, 7d or 30d.</source>
        <translation>--last erwartet 1h, 24h, 7d oder 30d.</translation>
    </message>
    <message>
        <source>--last cannot be combined with --since or --until.</source>
        <translation>--last lässt sich nicht mit --since oder --until kombinieren.</translation>
    </message>
    <message>
        <source>--since takes an ISO 8601 time such as 2026-03-27T10:15:30Z, or 1h, 24h, 7d, 30d.</source>
        <translation>--since erwartet eine ISO-8601-Zeit wie 2026-03-27T10:15:30Z oder 1h, 24h, 7d, 30d.</translation>
    </message>
    <message>
        <source>--until takes an ISO 8601 time such as 2026-03-27T10:15:30Z.</source>
        <translation>--until erwartet eine ISO-8601-Zeit wie 2026-03-27T10:15:30Z.</translation>
    </message>
    <message>
        <source>--min-duration takes %1.</source>
        <translation>--min-duration erwartet %1.</translation>
    </message>
    <message>
        <source>A show command names one entry, not a view.</source>
        <translation>Ein show-Befehl nennt einen Eintrag, keine Ansicht.</translation>
    </message>
    <message>
        <source>Unexpected “%1”: a view line has options and at most one connection string.</source>
        <translation>Unerwartet: „%1“; eine Ansichtszeile enthält Optionen und höchstens eine Verbindungszeichenkette.</translation>
    </message>
    <message>
        <source>--period takes today, 7d or 30d.</source>
        <translation>--period erwartet today, 7d oder 30d.</translation>
    </message>
    <message>
        <source>--sort takes newest, oldest, longest, shortest or finished.</source>
        <translation>--sort erwartet newest, oldest, longest, shortest oder finished.</translation>
    </message>
    <message>
        <source>--oldest-first and --sort %1 contradict each other.</source>
        <translation>--oldest-first und --sort %1 widersprechen sich.</translation>
    </message>
</context>
<context>
    <name>SavedViews</name>
    <message>
        <source>A view needs a name.</source>
        <translation>Eine Ansicht braucht einen Namen.</translation>
    </message>
    <message>
        <source>A view name cannot contain line breaks or control characters.</source>
        <translation>Ein Ansichtsname darf keine Zeilenumbrüche oder Steuerzeichen enthalten.</translation>
    </message>
    <message>
        <source>The views could not be saved in %1.</source>
        <translation>Die Ansichten konnten nicht in %1 gespeichert werden.</translation>
    </message>
    <message>
        <source>There is no view named “%1”.</source>
        <translation>Es gibt keine Ansicht namens „%1“.</translation>
    </message>
    <message>
        <source>A view named “%1” already exists.</source>
        <translation>Eine Ansicht namens „%1“ existiert bereits.</translation>
    </message>
    <message numerus="yes">
        <source>A view name can have at most %n characters.</source>
        <translation>
            <numerusform>Ein Ansichtsname darf höchstens %n Zeichen haben.</numerusform>
            <numerusform>Ein Ansichtsname darf höchstens %n Zeichen haben.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SchemaChoice</name>
    <message>
        <source>This database has no table %1 in any schema. Hindsight creates its audit table when auditing is enabled (HINDSIGHT_API_AUDIT_LOG_ENABLED=true); connect to the database Hindsight writes to.</source>
        <translation>Diese Datenbank hat in keinem Schema eine Tabelle %1. Hindsight legt seine Audit-Tabelle an, wenn das Audit eingeschaltet ist (HINDSIGHT_API_AUDIT_LOG_ENABLED=true); verbinden Sie sich mit der Datenbank, in die Hindsight schreibt.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Open the selected entry (or double-click it)</source>
        <translation>Den ausgewählten Eintrag öffnen (oder doppelklicken)</translation>
    </message>
    <message>
        <source>Copy the selected rows as tab-separated text</source>
        <translation>Die ausgewählten Zeilen als tabulatorgetrennten Text kopieren</translation>
    </message>
    <message>
        <source>Refresh the page, the counts and the chart</source>
        <translation>Seite, Anzahlen und Diagramm aktualisieren</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Nächste Seite</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Vorherige Seite</translation>
    </message>
    <message>
        <source>First page</source>
        <translation>Erste Seite</translation>
    </message>
    <message>
        <source>Last page</source>
        <translation>Letzte Seite</translation>
    </message>
    <message>
        <source>Back to the filter before the last drill-down</source>
        <translation>Zurück zum Filter von vor dem letzten Drilldown</translation>
    </message>
    <message>
        <source>Export the filtered entries</source>
        <translation>Die gefilterten Einträge exportieren</translation>
    </message>
    <message>
        <source>Connect to another database</source>
        <translation>Mit einer anderen Datenbank verbinden</translation>
    </message>
    <message>
        <source>Find in an entry&apos;s document (entry window)</source>
        <translation>Im Dokument eines Eintrags suchen (Eintragsfenster)</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Latency per action for the filter</source>
        <translation>Latenz je Aktion für den Filter</translation>
    </message>
    <message>
        <source>Compare the two selected entries</source>
        <translation>Die beiden ausgewählten Einträge vergleichen</translation>
    </message>
    <message>
        <source>Save the current view</source>
        <translation>Die aktuelle Ansicht speichern</translation>
    </message>
    <message>
        <source>Next difference (compare window)</source>
        <translation>Nächster Unterschied (Vergleichsfenster)</translation>
    </message>
</context>
<context>
    <name>ShortenedText</name>
    <message numerus="yes">
        <source>⟪ %1 characters not shown: the Tree view, Copy value and Save have the whole value ⟫</source>
        <translation>
            <numerusform>⟪ %1 Zeichen nicht angezeigt: die Baumansicht, Wert kopieren und Speichern haben den ganzen Wert ⟫</numerusform>
            <numerusform>⟪ %1 Zeichen nicht angezeigt: die Baumansicht, Wert kopieren und Speichern haben den ganzen Wert ⟫</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusPanel</name>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>Entries matching the filter: the planner&apos;s estimate at once, the exact count when counted</source>
        <translation>Einträge, die zum Filter passen: sofort die Schätzung des Planers, die genaue Anzahl, sobald gezählt</translation>
    </message>
    <message>
        <source>How long the last page took, from request to answer</source>
        <translation>Wie lange die letzte Seite gedauert hat, von der Anfrage bis zur Antwort</translation>
    </message>
    <message>
        <source>Cancel the running query</source>
        <translation>Die laufende Abfrage abbrechen</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Wird gezählt…</translation>
    </message>
    <message>
        <source>1 entry</source>
        <translation>1 Eintrag</translation>
    </message>
    <message numerus="yes">
        <source>%1 entries</source>
        <translation>
            <numerusform>%1 Eintrag</numerusform>
            <numerusform>%1 Einträge</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>≈ %1 entries (estimate)</source>
        <translation>
            <numerusform>≈ %1 Eintrag (geschätzt)</numerusform>
            <numerusform>≈ %1 Einträge (geschätzt)</numerusform>
        </translation>
    </message>
    <message>
        <source>page in %1</source>
        <translation>Seite in %1</translation>
    </message>
    <message>
        <source>%1 · startup options refused</source>
        <translation>%1 · Startoptionen abgelehnt</translation>
    </message>
</context>
<context>
    <name>TenantListModel</name>
    <message numerus="yes">
        <source>%n schemas</source>
        <comment>schemas a pattern matches</comment>
        <translation>
            <numerusform>%n Schema</numerusform>
            <numerusform>%n Schemas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %Ln rows</source>
        <translation>
            <numerusform>etwa %Ln Zeile</numerusform>
            <numerusform>etwa %Ln Zeilen</numerusform>
        </translation>
    </message>
    <message>
        <source>All tenants (%1, %2)</source>
        <translation>Alle Mandanten (%1, %2)</translation>
    </message>
    <message>
        <source>Pattern %1 (%2, %3)</source>
        <translation>Muster %1 (%2, %3)</translation>
    </message>
    <message>
        <source>All tenants</source>
        <translation>Alle Mandanten</translation>
    </message>
    <message>
        <source>Every schema that holds the audit table, read as one log</source>
        <translation>Jedes Schema, das die Audit-Tabelle enthält, gelesen als ein Protokoll</translation>
    </message>
    <message>
        <source>Every schema whose name matches %1 (%: any text, _: one character)</source>
        <translation>Jedes Schema, dessen Name auf %1 passt (%: beliebiger Text, _: ein Zeichen)</translation>
    </message>
    <message>
        <source>%1 (no access)</source>
        <comment>a schema this role may not read</comment>
        <translation>%1 (kein Zugriff)</translation>
    </message>
    <message numerus="yes">
        <source>%1 — about %Ln rows</source>
        <comment>a schema and its estimated rows</comment>
        <translation>
            <numerusform>%1 — etwa %Ln Zeile</numerusform>
            <numerusform>%1 — etwa %Ln Zeilen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — rows not counted yet</source>
        <translation>%1 — Zeilen noch nicht gezählt</translation>
    </message>
    <message>
        <source>This database role may not read %1&apos;s audit table</source>
        <translation>Diese Datenbankrolle darf die Audit-Tabelle von %1 nicht lesen</translation>
    </message>
</context>
<context>
    <name>TenantLog</name>
    <message>
        <source>Skipped %1: %2</source>
        <translation>%1 übersprungen: %2</translation>
    </message>
</context>
<context>
    <name>TenantPicker</name>
    <message>
        <source>Te&amp;nant:</source>
        <translation>Ma&amp;ndant:</translation>
    </message>
    <message>
        <source>Schema or pattern (tenant_%)</source>
        <translation>Schema oder Muster (tenant_%)</translation>
    </message>
    <message>
        <source>The tenants read as one log: all of them, the schemas matching a pattern (type tenant_% and press Enter), or one schema</source>
        <translation>Die als ein Protokoll gelesenen Mandanten: alle, die zu einem Muster passenden Schemas (tenant_% eingeben und die Eingabetaste drücken) oder ein Schema</translation>
    </message>
</context>
<context>
    <name>TimeRangePicker</name>
    <message>
        <source>When the calls started; presets count back from now at each refresh</source>
        <translation>Wann die Aufrufe begannen; Vorgaben zählen bei jeder Aktualisierung ab jetzt zurück</translation>
    </message>
    <message>
        <source>Time range</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>Gesamter Zeitraum</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Custom range…</source>
        <translation>Benutzerdefinierter Zeitraum…</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Only entries that started at or after this time</source>
        <translation>Nur Einträge, die zu oder nach dieser Zeit begannen</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Only entries that started before this time (the time itself is not included)</source>
        <translation>Nur Einträge, die vor dieser Zeit begannen (die Zeit selbst ist ausgeschlossen)</translation>
    </message>
    <message>
        <source>The time zone of From and Until</source>
        <translation>Die Zeitzone von „Von“ und „Bis“</translation>
    </message>
    <message>
        <source>“Until” must be later than “From”.</source>
        <translation>„Bis“ muss später als „Von“ sein.</translation>
    </message>
    <message>
        <source>Press Enter or Apply to use the range</source>
        <translation>Drücken Sie die Eingabetaste oder „Anwenden“, um den Zeitraum zu verwenden</translation>
    </message>
</context>
<context>
    <name>TomlReader</name>
    <message>
        <source>line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; follows on the same line; one key = value or table header per line</source>
        <translation>„%1“ folgt in derselben Zeile; eine Zuweisung (Schlüssel = Wert) oder Tabellenüberschrift pro Zeile</translation>
    </message>
    <message>
        <source>%1 is a value, not a table</source>
        <translation>%1 ist ein Wert, keine Tabelle</translation>
    </message>
    <message>
        <source>a table header ends with %1</source>
        <translation>eine Tabellenüberschrift endet mit %1</translation>
    </message>
    <message>
        <source>[[%1]] names a table or value defined before</source>
        <translation>[[%1]] nennt eine Tabelle oder einen Wert, die schon definiert sind</translation>
    </message>
    <message>
        <source>the table [%1] is defined twice</source>
        <translation>die Tabelle [%1] ist zweimal definiert</translation>
    </message>
    <message>
        <source>a key is followed by = and its value</source>
        <translation>auf einen Schlüssel folgen = und sein Wert</translation>
    </message>
    <message>
        <source>the key %1 is defined twice</source>
        <translation>der Schlüssel %1 ist zweimal definiert</translation>
    </message>
    <message>
        <source>a key is missing</source>
        <translation>ein Schlüssel fehlt</translation>
    </message>
    <message>
        <source>a key cannot start with %1</source>
        <translation>ein Schlüssel kann nicht mit %1 beginnen</translation>
    </message>
    <message>
        <source>inline tables ({ ... }) are not read; write the table with a [header]</source>
        <translation>Inline-Tabellen ({ ... }) werden nicht gelesen; schreiben Sie die Tabelle mit einer [Überschrift]</translation>
    </message>
    <message>
        <source>a string is not closed on its line</source>
        <translation>eine Zeichenkette wird in ihrer Zeile nicht geschlossen</translation>
    </message>
    <message>
        <source>a string holds a control character</source>
        <translation>eine Zeichenkette enthält ein Steuerzeichen</translation>
    </message>
    <message>
        <source>the multi-line string that starts here is not closed</source>
        <translation>die mehrzeilige Zeichenkette, die hier beginnt, wird nicht geschlossen</translation>
    </message>
    <message>
        <source>too many quotes end a multi-line string</source>
        <translation>zu viele Anführungszeichen beenden eine mehrzeilige Zeichenkette</translation>
    </message>
    <message>
        <source>\%1 is not an escape in a TOML string (write \\%1, or use a literal string &apos;...&apos;)</source>
        <translation>\%1 ist keine Escape-Sequenz in einer TOML-Zeichenkette (schreiben Sie \\%1 oder verwenden Sie eine Literal-Zeichenkette &apos;...&apos;)</translation>
    </message>
    <message>
        <source>\%1 is followed by %2 hexadecimal digits of a Unicode scalar value</source>
        <translation>auf \%1 folgen %2 Hexadezimalziffern eines Unicode-Skalarwerts</translation>
    </message>
    <message>
        <source>the array that starts here is not closed</source>
        <translation>das Array, das hier beginnt, wird nicht geschlossen</translation>
    </message>
    <message>
        <source>the values of an array are separated by commas</source>
        <translation>die Werte eines Arrays werden durch Kommas getrennt</translation>
    </message>
    <message>
        <source>a value is missing</source>
        <translation>ein Wert fehlt</translation>
    </message>
    <message>
        <source>a value cannot start with %1</source>
        <translation>ein Wert kann nicht mit %1 beginnen</translation>
    </message>
    <message>
        <source>%1 is not a value this reader knows (a string, number, boolean or array; dates are not read)</source>
        <translation>%1 ist kein Wert, den dieser Leser kennt (eine Zeichenkette, Zahl, ein Wahrheitswert oder Array; Datumsangaben werden nicht gelesen)</translation>
    </message>
</context>
<context>
    <name>ViewsMenu</name>
    <message>
        <source>V&amp;iews</source>
        <translation>An&amp;sichten</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Ansichten</translation>
    </message>
    <message>
        <source>&amp;Save view…</source>
        <translation>Ansicht &amp;speichern…</translation>
    </message>
    <message>
        <source>&amp;Copy view as text</source>
        <translation>Ansicht als Text &amp;kopieren</translation>
    </message>
    <message>
        <source>&amp;Paste view</source>
        <translation>Ansicht &amp;einfügen</translation>
    </message>
    <message>
        <source>&amp;Delete view</source>
        <translation>Ansicht &amp;löschen</translation>
    </message>
    <message>
        <source>No saved views</source>
        <translation>Keine gespeicherten Ansichten</translation>
    </message>
    <message>
        <source>Save view</source>
        <translation>Ansicht speichern</translation>
    </message>
    <message>
        <source>Name of the view:</source>
        <translation>Name der Ansicht:</translation>
    </message>
    <message>
        <source>A view named &quot;%1&quot; exists. Replace it?</source>
        <translation>Eine Ansicht namens „%1“ existiert bereits. Soll sie ersetzt werden?</translation>
    </message>
    <message>
        <source>Saved the view &quot;%1&quot;.</source>
        <translation>Ansicht „%1“ gespeichert.</translation>
    </message>
    <message>
        <source>Copied the view as a command line.</source>
        <translation>Ansicht als Befehlszeile kopiert.</translation>
    </message>
    <message>
        <source>The clipboard does not hold a view: %1</source>
        <translation>Die Zwischenablage enthält keine Ansicht: %1</translation>
    </message>
    <message>
        <source>The pasted view is open. Save it as (Cancel keeps it unsaved):</source>
        <translation>Die eingefügte Ansicht ist geöffnet. Speichern unter (Abbrechen lässt sie ungespeichert):</translation>
    </message>
    <message>
        <source>No saved view is named &quot;%1&quot;.</source>
        <translation>Es gibt keine gespeicherte Ansicht namens „%1“.</translation>
    </message>
    <message>
        <source>Opened the view &quot;%1&quot;.</source>
        <translation>Ansicht „%1“ geöffnet.</translation>
    </message>
    <message>
        <source>Delete the view &quot;%1&quot;?</source>
        <translation>Ansicht „%1“ löschen?</translation>
    </message>
    <message>
        <source>Deleted the view &quot;%1&quot;.</source>
        <translation>Ansicht „%1“ gelöscht.</translation>
    </message>
</context>
<context>
    <name>VolumeChart</name>
    <message>
        <source>Follow table filter</source>
        <translation>Tabellenfilter folgen</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Requests per hour since midnight</source>
        <translation>Anfragen pro Stunde seit Mitternacht</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 Tage</translation>
    </message>
    <message>
        <source>Requests per day over the last 7 days</source>
        <translation>Anfragen pro Tag in den letzten 7 Tagen</translation>
    </message>
    <message>
        <source>30 days</source>
        <translation>30 Tage</translation>
    </message>
    <message>
        <source>Requests per day over the last 30 days</source>
        <translation>Anfragen pro Tag in den letzten 30 Tagen</translation>
    </message>
    <message>
        <source>Per action</source>
        <translation>Je Aktion</translation>
    </message>
    <message>
        <source>The five busiest actions and the rest as bands stacked up to the total</source>
        <translation>Die fünf häufigsten Aktionen und der Rest als Bänder, bis zur Gesamtzahl gestapelt</translation>
    </message>
    <message>
        <source>Count what the table&apos;s filter selects, over the chart&apos;s period</source>
        <translation>Zählen, was der Filter der Tabelle auswählt, über den Zeitraum des Diagramms</translation>
    </message>
    <message>
        <source>The chart could not be loaded.</source>
        <translation>Das Diagramm konnte nicht geladen werden.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>No data loaded</source>
        <translation>Keine Daten geladen</translation>
    </message>
    <message>
        <source>No requests in this period</source>
        <translation>Keine Anfragen in diesem Zeitraum</translation>
    </message>
    <message>
        <source>Per tenant</source>
        <translation>Je Mandant</translation>
    </message>
    <message>
        <source>The five busiest tenants and the rest as bands stacked up to the total</source>
        <translation>Die fünf aktivsten Mandanten und der Rest als Bänder, bis zur Gesamtzahl gestapelt</translation>
    </message>
</context>
<context>
    <name>VolumeChartActionMenu</name>
    <message>
        <source>Chart actions</source>
        <translation>Aktionen im Diagramm</translation>
    </message>
    <message>
        <source>Actions the chart counts while it does not follow the table&apos;s filter</source>
        <translation>Aktionen, die das Diagramm zählt, solange es nicht dem Filter der Tabelle folgt</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>Alle Aktionen</translation>
    </message>
    <message numerus="yes">
        <source>%n actions</source>
        <translation>
            <numerusform>%n Aktion</numerusform>
            <numerusform>%n Aktionen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VolumeChartPlot</name>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>other</source>
        <translation>andere</translation>
    </message>
    <message>
        <source>peak %1</source>
        <translation>Spitze %1</translation>
    </message>
    <message>
        <source>so far</source>
        <translation>bisher</translation>
    </message>
    <message>
        <source>The last bucket is still open: calls are counted when they end.</source>
        <translation>Der letzte Zeitabschnitt ist noch offen: Aufrufe werden gezählt, sobald sie enden.</translation>
    </message>
    <message>
        <source>%1 (so far)</source>
        <comment>the bucket that is still open</comment>
        <translation>%1 (bisher)</translation>
    </message>
    <message>
        <source>Total (%1)</source>
        <comment>the total when one action makes it up</comment>
        <translation>Gesamt (%1)</translation>
    </message>
    <message numerus="yes">
        <source>%n other actions</source>
        <comment>tooltip: actions not listed</comment>
        <translation>
            <numerusform>%n weitere Aktion</numerusform>
            <numerusform>%n weitere Aktionen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n other tenants</source>
        <comment>tooltip: tenants not listed</comment>
        <translation>
            <numerusform>%n weiterer Mandant</numerusform>
            <numerusform>%n weitere Mandanten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VolumeChartTimeline</name>
    <message>
        <source>ddd d MMM</source>
        <comment>date format of a day on the chart&apos;s axis</comment>
        <translation>ddd d. MMM</translation>
    </message>
    <message>
        <source>d MMM</source>
        <comment>short date format on the chart&apos;s axis</comment>
        <translation>d. MMM</translation>
    </message>
    <message>
        <source>ddd d MMM yyyy</source>
        <comment>date format of a whole day</comment>
        <translation>ddd, d. MMM yyyy</translation>
    </message>
    <message>
        <source>%1 %2–%3</source>
        <comment>day, start time, end time</comment>
        <translation>%1, %2–%3</translation>
    </message>
    <message>
        <source>d MMM</source>
        <comment>short date format in a time range</comment>
        <translation>d. MMM</translation>
    </message>
    <message>
        <source>ddd d MMM HH:mm</source>
        <comment>date and time format of a range&apos;s end</comment>
        <translation>ddd, d. MMM, HH:mm</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <comment>start and end of a time range</comment>
        <translation>%1 – %2</translation>
    </message>
</context>
<context>
    <name>VolumeChartView</name>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
</context>
</TS>
