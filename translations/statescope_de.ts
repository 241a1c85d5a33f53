<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ConfirmDialog</name>
    <message>
        <source>Confirm</source>
        <translation>Bestätigen</translation>
    </message>
    <message>
        <source>Take a dump first (the way back)</source>
        <translation>Zuerst einen Dump (Sicherung) erstellen – der Weg zurück</translation>
    </message>
    <message>
        <source>&amp;Reason (kept in the audit log):</source>
        <translation>&amp;Begründung (wird im Audit-Protokoll gespeichert):</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <source>Connect to a server</source>
        <translation>Mit einem Server verbinden</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>Na&amp;me:</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>Se&amp;rver:</translation>
    </message>
    <message>
        <source>host=db1 user=analyst dbname=postgres  or  postgresql://…  or  service=prod</source>
        <translation>host=db1 user=analyst dbname=postgres  oder  postgresql://…  oder  service=prod</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>from ~/.pgpass if empty; never saved</source>
        <translation>aus ~/.pgpass, falls leer; wird nie gespeichert</translation>
    </message>
    <message>
        <source>&amp;Webhook:</source>
        <translation>&amp;Webhook:</translation>
    </message>
    <message>
        <source>optional: told about rollbacks</source>
        <translation>optional: wird über Rollbacks benachrichtigt</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Inspect, compare, replay and administer per-reset PostgreSQL game databases.</source>
        <translation>PostgreSQL-Spieldatenbanken (eine je Zurücksetzung) untersuchen, vergleichen, wiedergeben und verwalten.</translation>
    </message>
    <message>
        <source>Start (or reuse) the private sandbox server with demo data and connect to it.</source>
        <translation>Den privaten Sandbox-Server mit Demodaten starten (oder wiederverwenden) und sich damit verbinden.</translation>
    </message>
    <message>
        <source>Connect to this server (conninfo, URI or service=NAME).</source>
        <translation>Mit diesem Server verbinden (conninfo, URI oder service=NAME).</translation>
    </message>
    <message>
        <source>Start with admin mode switched on.</source>
        <translation>Mit eingeschaltetem Admin-Modus starten.</translation>
    </message>
    <message>
        <source>Invalid server</source>
        <translation>Ungültiger Server</translation>
    </message>
</context>
<context>
    <name>statescope::Error</name>
    <message>
        <source>Detail: %1</source>
        <translation>Details: %1</translation>
    </message>
    <message>
        <source>Hint: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
    <message>
        <source>Cancelled by the user.</source>
        <translation>Vom Benutzer abgebrochen.</translation>
    </message>
</context>
<context>
    <name>statescope::demo</name>
    <message>
        <source>A demo game did not end after %1 innings.</source>
        <translation>Ein Demospiel war nach %1 Innings nicht beendet.</translation>
    </message>
    <message>
        <source>Preparing %1</source>
        <translation>%1 wird vorbereitet</translation>
    </message>
</context>
<context>
    <name>statescope::gui::AdminPane</name>
    <message>
        <source>&amp;Create next week...</source>
        <translation>Nächste Woche &amp;erstellen...</translation>
    </message>
    <message>
        <source>Create the next weekly database</source>
        <translation>Die nächste Wochendatenbank erstellen</translation>
    </message>
    <message>
        <source>&amp;Migrate</source>
        <translation>&amp;Migrieren</translation>
    </message>
    <message>
        <source>Apply the pending migrations</source>
        <translation>Die ausstehenden Migrationen anwenden</translation>
    </message>
    <message>
        <source>&amp;Reset...</source>
        <translation>&amp;Zurücksetzen...</translation>
    </message>
    <message>
        <source>Dump, drop, recreate and migrate the selected database</source>
        <translation>Die ausgewählte Datenbank per Dump sichern, löschen, neu erstellen und migrieren</translation>
    </message>
    <message>
        <source>&amp;Drop...</source>
        <translation>&amp;Löschen...</translation>
    </message>
    <message>
        <source>Dump, then drop the selected database</source>
        <translation>Die ausgewählte Datenbank per Dump sichern und anschließend löschen</translation>
    </message>
    <message>
        <source>Restore &amp;dump...</source>
        <translation>D&amp;ump wiederherstellen...</translation>
    </message>
    <message>
        <source>Recreate a database from a dump taken before a reset or drop</source>
        <translation>Eine Datenbank aus einem Dump wiederherstellen, der vor dem Zurücksetzen oder Löschen erstellt wurde</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>List the databases again</source>
        <translation>Die Datenbanken erneut auflisten</translation>
    </message>
    <message>
        <source>Read-only: switch on &lt;b&gt;Admin mode&lt;/b&gt; in the toolbar (Ctrl+Shift+A) to create, migrate, reset or drop.</source>
        <translation>Nur Lesen: Schalten Sie in der Werkzeugleiste den &lt;b&gt;Admin-Modus&lt;/b&gt; ein (Strg+Umschalt+A), um Datenbanken zu erstellen, zu migrieren, zurückzusetzen oder zu löschen.</translation>
    </message>
    <message>
        <source>Pending migrations:</source>
        <translation>Ausstehende Migrationen:</translation>
    </message>
    <message>
        <source>Server: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Server: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Nicht verbunden.</translation>
    </message>
    <message>
        <source>Select a database.</source>
        <translation>Wählen Sie eine Datenbank aus.</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt; - %2, %n session(s)</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; - %2, %n Sitzung</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; - %2, %n Sitzungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot inspect: %1</source>
        <translation>Untersuchung nicht möglich: %1</translation>
    </message>
    <message>
        <source>Not managed by Statescope (no migration history).</source>
        <translation>Nicht von Statescope verwaltet (keine Migrationshistorie).</translation>
    </message>
    <message>
        <source>Managed by another tool: %1</source>
        <translation>Von einem anderen Werkzeug verwaltet: %1</translation>
    </message>
    <message>
        <source>Schema version %1.</source>
        <translation>Schemaversion %1.</translation>
    </message>
    <message>
        <source>Reading schema status</source>
        <translation>Schemastatus wird gelesen</translation>
    </message>
    <message>
        <source>None: up to date.</source>
        <translation>Keine: auf dem neuesten Stand.</translation>
    </message>
    <message>
        <source>Cancelled; nothing was changed.</source>
        <translation>Abgebrochen; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Creating %1</source>
        <translation>%1 wird erstellt</translation>
    </message>
    <message>
        <source>Created %1 at schema version %2.</source>
        <translation>%1 mit Schemaversion %2 erstellt.</translation>
    </message>
    <message>
        <source>Migrating %1</source>
        <translation>%1 wird migriert</translation>
    </message>
    <message>
        <source>Migrated %1 from version %2 to %3.</source>
        <translation>%1 von Version %2 auf %3 migriert.</translation>
    </message>
    <message>
        <source>Preparing the preview of %1</source>
        <translation>Vorschau für %1 wird vorbereitet</translation>
    </message>
    <message>
        <source>Reset will &lt;b&gt;drop&lt;/b&gt; %1 and create it again, empty, at the latest schema version.</source>
        <translation>Beim Zurücksetzen wird %1 &lt;b&gt;gelöscht&lt;/b&gt; und leer mit der neuesten Schemaversion neu erstellt.</translation>
    </message>
    <message>
        <source>Drop will &lt;b&gt;delete&lt;/b&gt; %1 from the server.</source>
        <translation>Beim Löschen wird %1 vom Server &lt;b&gt;entfernt&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>Size %1, about %2 rows, schema version %3.</source>
        <translation>Größe %1, etwa %2 Zeilen, Schemaversion %3.</translation>
    </message>
    <message numerus="yes">
        <source>%n open session(s) will be terminated:</source>
        <translation>
            <numerusform>%n offene Sitzung wird beendet:</numerusform>
            <numerusform>%n offene Sitzungen werden beendet:</numerusform>
        </translation>
    </message>
    <message>
        <source>A dump is taken first unless you untick it; restore it with &quot;Restore dump...&quot;.</source>
        <translation>Zuvor wird ein Dump erstellt, sofern Sie dies nicht abwählen; stellen Sie ihn mit „Dump wiederherstellen...“ wieder her.</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Drop</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Reset &lt;b&gt;%1&lt;/b&gt;?</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; zurücksetzen?</translation>
    </message>
    <message>
        <source>Drop &lt;b&gt;%1&lt;/b&gt;?</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; löschen?</translation>
    </message>
    <message>
        <source>Resetting %1</source>
        <translation>%1 wird zurückgesetzt</translation>
    </message>
    <message>
        <source>Dropping %1</source>
        <translation>%1 wird gelöscht</translation>
    </message>
    <message>
        <source>Reset %1.</source>
        <translation>%1 zurückgesetzt.</translation>
    </message>
    <message>
        <source>Dropped %1.</source>
        <translation>%1 gelöscht.</translation>
    </message>
    <message>
        <source>Dump kept at %1.</source>
        <translation>Dump gespeichert unter %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) terminated.</source>
        <translation>
            <numerusform>%n Sitzung beendet.</numerusform>
            <numerusform>%n Sitzungen beendet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Restore a dump</source>
        <translation>Dump wiederherstellen</translation>
    </message>
    <message>
        <source>Dumps (*.dump);;All files (*)</source>
        <translation>Dumps (*.dump);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Restore into the (free) database name:</source>
        <translation>Unter folgendem (freien) Datenbanknamen wiederherstellen:</translation>
    </message>
    <message>
        <source>Restoring %1</source>
        <translation>%1 wird wiederhergestellt</translation>
    </message>
    <message>
        <source>Restored %1.</source>
        <translation>%1 wiederhergestellt.</translation>
    </message>
</context>
<context>
    <name>statescope::gui::ConfirmDialog</name>
    <message>
        <source>Type &lt;b&gt;%1&lt;/b&gt; to confirm:</source>
        <translation>Geben Sie zur Bestätigung &lt;b&gt;%1&lt;/b&gt; ein:</translation>
    </message>
</context>
<context>
    <name>statescope::gui::ConnectionDialog</name>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>&amp;Save profile</source>
        <translation>Profil &amp;speichern</translation>
    </message>
    <message>
        <source>Give the profile a name.</source>
        <translation>Geben Sie dem Profil einen Namen.</translation>
    </message>
    <message>
        <source>Saved (without the password).</source>
        <translation>Gespeichert (ohne Passwort).</translation>
    </message>
    <message>
        <source>Connecting...</source>
        <translation>Verbindung wird hergestellt...</translation>
    </message>
    <message>
        <source>Testing connection</source>
        <translation>Verbindung wird getestet</translation>
    </message>
    <message>
        <source>Connected: %1</source>
        <translation>Verbunden: %1</translation>
    </message>
</context>
<context>
    <name>statescope::gui::CreateDialog</name>
    <message>
        <source>Create weekly database</source>
        <translation>Wochendatenbank erstellen</translation>
    </message>
    <message>
        <source>&amp;Family prefix:</source>
        <translation>&amp;Familienpräfix:</translation>
    </message>
    <message>
        <source>ISO &amp;week:</source>
        <translation>ISO-&amp;Woche:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Begründung:</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Erstellen</translation>
    </message>
    <message>
        <source>Will create &lt;b&gt;%1&lt;/b&gt; (UTF8, from template0) and migrate it.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; wird erstellt (UTF8, aus template0) und migriert.</translation>
    </message>
</context>
<context>
    <name>statescope::gui::ErrorPanel</name>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>SQLSTATE: %1</source>
        <translation>SQLSTATE: %1</translation>
    </message>
    <message>
        <source>Detail: %1</source>
        <translation>Details: %1</translation>
    </message>
    <message>
        <source>Hint: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
</context>
<context>
    <name>statescope::gui::MainWindow</name>
    <message>
        <source>Statescope</source>
        <translation>Statescope</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Browse raw API events and their JSON payloads, duplicates and history.</source>
        <translation>Rohe API-Ereignisse mit ihren JSON-Nutzdaten, Duplikaten und ihrem Verlauf durchsuchen.</translation>
    </message>
    <message>
        <source>Snapshots</source>
        <translation>Snapshots</translation>
    </message>
    <message>
        <source>Tick snapshots and per-player saves: timelines, diff, recovery and retention.</source>
        <translation>Tick-Snapshots und Spielstände je Spieler: Zeitleisten, Vergleich, Wiederherstellung und Aufbewahrung.</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Metriken</translation>
    </message>
    <message>
        <source>Chart metrics over time and compare resets side by side.</source>
        <translation>Metriken im Zeitverlauf darstellen und Zurücksetzungen nebeneinander vergleichen.</translation>
    </message>
    <message>
        <source>Replay</source>
        <translation>Wiedergabe</translation>
    </message>
    <message>
        <source>Step through a game&apos;s plays, find where it broke, roll it back safely.</source>
        <translation>Die Spielzüge eines Spiels schrittweise durchgehen, die Fehlerstelle finden und das Spiel sicher zurückrollen.</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <source>Databases</source>
        <translation>Datenbanken</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Nicht verbunden.</translation>
    </message>
    <message>
        <source>Connect to a server (Ctrl+O).</source>
        <translation>Mit einem Server verbinden (Strg+O).</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source>&amp;Connect...</source>
        <translation>&amp;Verbinden...</translation>
    </message>
    <message>
        <source>Connect to a server (Ctrl+O)</source>
        <translation>Mit einem Server verbinden (Strg+O)</translation>
    </message>
    <message>
        <source>Open the &amp;sandbox</source>
        <translation>&amp;Sandbox öffnen</translation>
    </message>
    <message>
        <source>Start the private demo server and connect to it</source>
        <translation>Den privaten Demo-Server starten und sich damit verbinden</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Admin mode</source>
        <translation>A&amp;dmin-Modus</translation>
    </message>
    <message>
        <source>Allow changes: create, migrate, reset, drop (Ctrl+Shift+A)</source>
        <translation>Änderungen erlauben: Erstellen, Migrieren, Zurücksetzen, Löschen (Strg+Umschalt+A)</translation>
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
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Statescope</source>
        <translation>&amp;Über Statescope</translation>
    </message>
    <message>
        <source>About Statescope</source>
        <translation>Über Statescope</translation>
    </message>
    <message>
        <source>&lt;b&gt;Statescope %1&lt;/b&gt;&lt;p&gt;Inspect, compare, replay and administer PostgreSQL game databases kept one per weekly reset.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Statescope %1&lt;/b&gt;&lt;p&gt;PostgreSQL-Spieldatenbanken untersuchen, vergleichen, wiedergeben und verwalten – eine Datenbank je wöchentlicher Zurücksetzung.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Admin mode: ON</source>
        <translation>A&amp;dmin-Modus: EIN</translation>
    </message>
    <message>
        <source>Admin mode on: changes are possible and audited.</source>
        <translation>Admin-Modus ein: Änderungen sind möglich und werden protokolliert.</translation>
    </message>
    <message>
        <source>Admin mode off: read-only.</source>
        <translation>Admin-Modus aus: nur Lesen.</translation>
    </message>
    <message>
        <source>Starting the sandbox server...</source>
        <translation>Sandbox-Server wird gestartet...</translation>
    </message>
    <message>
        <source>Starting the sandbox</source>
        <translation>Sandbox wird gestartet</translation>
    </message>
    <message>
        <source>Starting the private PostgreSQL server</source>
        <translation>Privater PostgreSQL-Server wird gestartet</translation>
    </message>
    <message>
        <source>Preparing the demo databases</source>
        <translation>Demodatenbanken werden vorbereitet</translation>
    </message>
    <message>
        <source>The sandbox could not start.</source>
        <translation>Die Sandbox konnte nicht gestartet werden.</translation>
    </message>
    <message>
        <source>Sandbox</source>
        <translation>Sandbox</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;&lt;small&gt;%2&lt;/small&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;&lt;small&gt;%2&lt;/small&gt;</translation>
    </message>
    <message>
        <source>Statescope - %1</source>
        <translation>Statescope - %1</translation>
    </message>
    <message>
        <source>Listing databases on %1...</source>
        <translation>Datenbanken auf %1 werden aufgelistet...</translation>
    </message>
    <message>
        <source>Listing databases</source>
        <translation>Datenbanken werden aufgelistet</translation>
    </message>
    <message>
        <source>Could not list the databases.</source>
        <translation>Die Datenbanken konnten nicht aufgelistet werden.</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n database(s)</source>
        <translation>
            <numerusform>%1: %n Datenbank</numerusform>
            <numerusform>%1: %n Datenbanken</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>statescope::gui::PlaceholderPane</name>
    <message>
        <source>This pane is not available in this version yet.</source>
        <translation>Dieser Bereich ist in dieser Version noch nicht verfügbar.</translation>
    </message>
</context>
<context>
    <name>statescope::gui::ProgressPanel</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel the running operation (Esc)</source>
        <translation>Laufenden Vorgang abbrechen (Esc)</translation>
    </message>
    <message>
        <source>Cancelling...</source>
        <translation>Wird abgebrochen...</translation>
    </message>
</context>
<context>
    <name>statescope::migrate::MigrationSet</name>
    <message>
        <source>&quot;%1&quot; is not a migration file name.</source>
        <translation>„%1“ ist kein gültiger Migrationsdateiname.</translation>
    </message>
    <message>
        <source>Name migrations V&lt;number&gt;__&lt;description&gt;.sql, e.g. V007__add_index.sql.</source>
        <translation>Benennen Sie Migrationen nach dem Muster V&lt;Nummer&gt;__&lt;Beschreibung&gt;.sql, z. B. V007__add_index.sql.</translation>
    </message>
    <message>
        <source>Two migrations share version %1: %2 and %3.</source>
        <translation>Zwei Migrationen haben dieselbe Version %1: %2 und %3.</translation>
    </message>
    <message>
        <source>The migrations directory %1 does not exist.</source>
        <translation>Das Migrationsverzeichnis %1 existiert nicht.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>statescope::migrate::Migrator</name>
    <message>
        <source>Migrations need a read-write session.</source>
        <translation>Migrationen erfordern eine Sitzung mit Schreibzugriff.</translation>
    </message>
    <message>
        <source>Migration of %1 is blocked.</source>
        <translation>Die Migration von %1 ist blockiert.</translation>
    </message>
    <message>
        <source>This database was migrated by a newer Statescope; upgrade first.</source>
        <translation>Diese Datenbank wurde von einer neueren Statescope-Version migriert; aktualisieren Sie zuerst Statescope.</translation>
    </message>
    <message>
        <source>Review the changed files, then run repair to accept them.</source>
        <translation>Prüfen Sie die geänderten Dateien und führen Sie dann „repair“ aus, um sie zu übernehmen.</translation>
    </message>
    <message>
        <source>Applying V%1 %2</source>
        <translation>V%1 %2 wird angewendet</translation>
    </message>
    <message>
        <source>Migration V%1 (%2) failed; %3 stays at version %4.</source>
        <translation>Migration V%1 (%2) fehlgeschlagen; %3 bleibt auf Version %4.</translation>
    </message>
    <message>
        <source>Up to date at version %1</source>
        <translation>Aktuell auf Version %1</translation>
    </message>
    <message>
        <source>At version %1; %2 pending.</source>
        <translation>Auf Version %1; %2 ausstehend.</translation>
    </message>
    <message>
        <source>V%1 changed after it was applied (%2: recorded %3, file %4).</source>
        <translation>V%1 wurde nach dem Anwenden geändert (%2: gespeichert %3, Datei %4).</translation>
    </message>
    <message>
        <source>V%1 is applied but unknown to this build.</source>
        <translation>V%1 ist angewendet, aber diesem Build unbekannt.</translation>
    </message>
    <message>
        <source>V%1 failed at %2: %3</source>
        <translation>V%1 fehlgeschlagen am %2: %3</translation>
    </message>
    <message>
        <source>Other migration histories present: %1</source>
        <translation>Weitere Migrationshistorien vorhanden: %1</translation>
    </message>
</context>
<context>
    <name>statescope::models::DatabaseTreeModel</name>
    <message>
        <source>Other databases</source>
        <translation>Weitere Datenbanken</translation>
    </message>
    <message numerus="yes">
        <source>%n week(s)</source>
        <translation>
            <numerusform>%n Woche</numerusform>
            <numerusform>%n Wochen</numerusform>
        </translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>nicht lesbar</translation>
    </message>
    <message>
        <source>unmanaged</source>
        <translation>nicht verwaltet</translation>
    </message>
    <message>
        <source>foreign history</source>
        <translation>fremde Historie</translation>
    </message>
    <message>
        <source>v%1</source>
        <translation>v%1</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>blockiert</translation>
    </message>
    <message>
        <source>Migration blocked: a migration changed after it was applied, or the schema is newer than this Statescope.</source>
        <translation>Migration blockiert: Eine Migration wurde nach dem Anwenden geändert, oder das Schema ist neuer als diese Statescope-Version.</translation>
    </message>
    <message numerus="yes">
        <source>%n migration(s) pending</source>
        <translation>
            <numerusform>%n Migration ausstehend</numerusform>
            <numerusform>%n Migrationen ausstehend</numerusform>
        </translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Woche</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Schema</source>
        <translation>Schema</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
</context>
<context>
    <name>statescope::pg::Connection</name>
    <message>
        <source>Out of memory while connecting.</source>
        <translation>Nicht genügend Arbeitsspeicher beim Verbindungsaufbau.</translation>
    </message>
    <message>
        <source>Check the user name and password, or the entry in ~/.pgpass.</source>
        <translation>Prüfen Sie Benutzername und Passwort oder den Eintrag in ~/.pgpass.</translation>
    </message>
    <message>
        <source>Check the database name; list the server&apos;s databases first.</source>
        <translation>Prüfen Sie den Datenbanknamen; lassen Sie sich zuerst die Datenbanken des Servers auflisten.</translation>
    </message>
    <message>
        <source>Is the server running and accepting connections at that address?</source>
        <translation>Läuft der Server und nimmt er unter dieser Adresse Verbindungen an?</translation>
    </message>
    <message>
        <source>Could not connect to %1</source>
        <translation>Verbindung zu %1 konnte nicht hergestellt werden</translation>
    </message>
    <message>
        <source>The statement failed.</source>
        <translation>Die Anweisung ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>The script failed.</source>
        <translation>Das Skript ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>COPY did not start.</source>
        <translation>COPY wurde nicht gestartet.</translation>
    </message>
    <message>
        <source>COPY failed.</source>
        <translation>COPY ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Cannot quote identifier: %1</source>
        <translation>Bezeichner kann nicht in Anführungszeichen gesetzt werden: %1</translation>
    </message>
</context>
<context>
    <name>statescope::pg::ConnectionSettings</name>
    <message>
        <source>out of memory while parsing</source>
        <translation>nicht genügend Arbeitsspeicher beim Parsen</translation>
    </message>
    <message>
        <source>Invalid connection string: %1</source>
        <translation>Ungültige Verbindungszeichenfolge: %1</translation>
    </message>
    <message>
        <source>Use key=value pairs (host=db1 dbname=postgres), a postgresql:// URI, or service=NAME.</source>
        <translation>Verwenden Sie key=value-Paare (host=db1 dbname=postgres), eine postgresql://-URI oder service=NAME.</translation>
    </message>
</context>
<context>
    <name>statescope::sandbox::Sandbox</name>
    <message>
        <source>No free TCP port on 127.0.0.1.</source>
        <translation>Kein freier TCP-Port auf 127.0.0.1.</translation>
    </message>
    <message>
        <source>PostgreSQL will not run as root, and the system user &quot;%1&quot; could not be created.</source>
        <translation>PostgreSQL läuft nicht als root, und der Systembenutzer „%1“ konnte nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Create an unprivileged user and set STATESCOPE_SANDBOX_USER to it.</source>
        <translation>Legen Sie einen Benutzer ohne besondere Rechte an und setzen Sie STATESCOPE_SANDBOX_USER auf diesen Benutzer.</translation>
    </message>
    <message>
        <source>Could not run %1: %2</source>
        <translation>%1 konnte nicht ausgeführt werden: %2</translation>
    </message>
    <message>
        <source>%1 did not finish in time.</source>
        <translation>%1 wurde nicht rechtzeitig beendet.</translation>
    </message>
    <message>
        <source>%1 failed.</source>
        <translation>%1 ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Cannot hand %1 to %2</source>
        <translation>Der Besitz von %1 kann nicht an %2 übertragen werden</translation>
    </message>
    <message>
        <source>No PostgreSQL server binaries (initdb, pg_ctl) were found on this machine.</source>
        <translation>Auf diesem Rechner wurden keine PostgreSQL-Serverprogramme (initdb, pg_ctl) gefunden.</translation>
    </message>
    <message>
        <source>Looked in $STATESCOPE_PG_BINDIR, pg_config --bindir, /usr/lib/postgresql/*/bin and PATH.</source>
        <translation>Gesucht wurde in $STATESCOPE_PG_BINDIR, pg_config --bindir, /usr/lib/postgresql/*/bin und PATH.</translation>
    </message>
    <message>
        <source>Install them (Debian: apt-get install postgresql) or connect to an existing server instead.</source>
        <translation>Installieren Sie sie (Debian: apt-get install postgresql) oder verbinden Sie sich stattdessen mit einem vorhandenen Server.</translation>
    </message>
    <message>
        <source>Cannot create %1</source>
        <translation>%1 kann nicht erstellt werden</translation>
    </message>
    <message>
        <source>Cannot hand %1 to the user %2.</source>
        <translation>Der Besitz von %1 kann nicht an den Benutzer %2 übertragen werden.</translation>
    </message>
    <message>
        <source>The sandbox directory %1 is not reachable by the user %2.</source>
        <translation>Das Sandbox-Verzeichnis %1 ist für den Benutzer %2 nicht erreichbar.</translation>
    </message>
    <message>
        <source>Choose a directory outside closed home directories, e.g. under /var/lib or /tmp.</source>
        <translation>Wählen Sie ein Verzeichnis außerhalb geschützter Home-Verzeichnisse, z. B. unter /var/lib oder /tmp.</translation>
    </message>
    <message>
        <source>The sandbox directory path is too long for a Unix socket: %1</source>
        <translation>Der Pfad des Sandbox-Verzeichnisses ist für einen Unix-Socket zu lang: %1</translation>
    </message>
    <message>
        <source>Use a shorter directory (at most about 80 characters).</source>
        <translation>Verwenden Sie einen kürzeren Verzeichnispfad (höchstens etwa 80 Zeichen).</translation>
    </message>
    <message>
        <source>The sandbox server did not start.</source>
        <translation>Der Sandbox-Server ist nicht gestartet.</translation>
    </message>
    <message>
        <source>See %1/server.log</source>
        <translation>Siehe %1/server.log</translation>
    </message>
</context>
<context>
    <name>statescope::weekly::Dump</name>
    <message>
        <source>%1 was not found on this machine.</source>
        <translation>%1 wurde auf diesem Rechner nicht gefunden.</translation>
    </message>
    <message>
        <source>Install the PostgreSQL client tools (apt-get install postgresql-client).</source>
        <translation>Installieren Sie die PostgreSQL-Client-Programme (apt-get install postgresql-client).</translation>
    </message>
    <message>
        <source>Could not start %1: %2</source>
        <translation>%1 konnte nicht gestartet werden: %2</translation>
    </message>
    <message>
        <source>%1 failed.</source>
        <translation>%1 ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Cannot create the backup directory %1</source>
        <translation>Das Sicherungsverzeichnis %1 kann nicht erstellt werden</translation>
    </message>
    <message>
        <source>Dumping %1 to %2</source>
        <translation>Dump von %1 nach %2 wird erstellt</translation>
    </message>
    <message>
        <source>Dumping %1</source>
        <translation>Dump von %1 wird erstellt</translation>
    </message>
    <message>
        <source>Cannot read the dump file %1.</source>
        <translation>Die Dump-Datei %1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Restoring %1</source>
        <translation>%1 wird wiederhergestellt</translation>
    </message>
</context>
<context>
    <name>statescope::weekly::ServerAdmin</name>
    <message>
        <source>Inspecting %1</source>
        <translation>%1 wird untersucht</translation>
    </message>
    <message numerus="yes">
        <source>Listed %n database(s)</source>
        <translation>
            <numerusform>%n Datenbank aufgelistet</numerusform>
            <numerusform>%n Datenbanken aufgelistet</numerusform>
        </translation>
    </message>
    <message>
        <source>The database %1 does not exist on %2.</source>
        <translation>Die Datenbank %1 existiert nicht auf %2.</translation>
    </message>
    <message>
        <source>Creating %1</source>
        <translation>%1 wird erstellt</translation>
    </message>
    <message>
        <source>The database %1 already exists.</source>
        <translation>Die Datenbank %1 existiert bereits.</translation>
    </message>
    <message>
        <source>Migrating %1</source>
        <translation>%1 wird migriert</translation>
    </message>
    <message>
        <source>Created %1</source>
        <translation>%1 erstellt</translation>
    </message>
    <message>
        <source>The confirmation &quot;%1&quot; does not match the database name %2; nothing was changed.</source>
        <translation>Die Bestätigung „%1“ stimmt nicht mit dem Datenbanknamen %2 überein; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Type the database name exactly to confirm.</source>
        <translation>Geben Sie zur Bestätigung den Datenbanknamen exakt ein.</translation>
    </message>
    <message>
        <source>The local audit journal could not be written: %1</source>
        <translation>Das lokale Audit-Protokoll konnte nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>Dumping %1 before the reset</source>
        <translation>Dump von %1 vor dem Zurücksetzen wird erstellt</translation>
    </message>
    <message>
        <source>Dropping %1</source>
        <translation>%1 wird gelöscht</translation>
    </message>
    <message>
        <source>Dumping %1 before the drop</source>
        <translation>Dump von %1 vor dem Löschen wird erstellt</translation>
    </message>
    <message>
        <source>The database %1 exists; restore only into a free name.</source>
        <translation>Die Datenbank %1 existiert bereits; stellen Sie nur unter einem freien Namen wieder her.</translation>
    </message>
    <message>
        <source>Drop it first (which dumps it), or restore under another name.</source>
        <translation>Löschen Sie sie zuerst (dabei wird ein Dump erstellt) oder stellen Sie sie unter einem anderen Namen wieder her.</translation>
    </message>
    <message>
        <source>Restoring %1 from %2</source>
        <translation>%1 wird aus %2 wiederhergestellt</translation>
    </message>
    <message>
        <source>Restored %1</source>
        <translation>%1 wiederhergestellt</translation>
    </message>
</context>
<context>
    <name>statescope::weekly::WeeklyName</name>
    <message>
        <source>The database name is empty.</source>
        <translation>Der Datenbankname ist leer.</translation>
    </message>
    <message>
        <source>The database name &quot;%1&quot; is %2 bytes long; PostgreSQL allows 63.</source>
        <translation>Der Datenbankname „%1“ ist %2 Bytes lang; PostgreSQL erlaubt 63.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an accepted database name.</source>
        <translation>„%1“ ist kein zulässiger Datenbankname.</translation>
    </message>
    <message>
        <source>Use lower-case letters, digits and underscores, starting with a letter, e.g. spacetraders_2025_w01.</source>
        <translation>Verwenden Sie Kleinbuchstaben, Ziffern und Unterstriche, beginnend mit einem Buchstaben, z. B. spacetraders_2025_w01.</translation>
    </message>
    <message>
        <source>The prefix is empty.</source>
        <translation>Das Präfix ist leer.</translation>
    </message>
    <message>
        <source>The prefix &quot;%1&quot; is too long: at most 54 bytes leave room for the week suffix.</source>
        <translation>Das Präfix „%1“ ist zu lang: Nur bei höchstens 54 Bytes bleibt Platz für das Wochensuffix.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an accepted prefix.</source>
        <translation>„%1“ ist kein zulässiges Präfix.</translation>
    </message>
    <message>
        <source>Use lower-case letters, digits and underscores, starting with a letter, e.g. spacetraders.</source>
        <translation>Verwenden Sie Kleinbuchstaben, Ziffern und Unterstriche, beginnend mit einem Buchstaben, z. B. spacetraders.</translation>
    </message>
    <message>
        <source>The year %1 is out of range (1970-9999).</source>
        <translation>Das Jahr %1 liegt außerhalb des gültigen Bereichs (1970-9999).</translation>
    </message>
    <message>
        <source>ISO year %1 has no week %2 (it has weeks 1-%3).</source>
        <translation>Das ISO-Jahr %1 hat keine Woche %2 (es hat die Wochen 1-%3).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a weekly database name.</source>
        <translation>„%1“ ist kein Name einer Wochendatenbank.</translation>
    </message>
    <message>
        <source>Weekly names look like &lt;prefix&gt;_&lt;ISO year&gt;_w&lt;week&gt;, e.g. spacetraders_2025_w01.</source>
        <translation>Namen von Wochendatenbanken haben die Form &lt;Präfix&gt;_&lt;ISO-Jahr&gt;_w&lt;Woche&gt;, z. B. spacetraders_2025_w01.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an ISO week.</source>
        <translation>„%1“ ist keine ISO-Woche.</translation>
    </message>
    <message>
        <source>Write the week as YYYY-Www, e.g. 2025-W07.</source>
        <translation>Geben Sie die Woche im Format YYYY-Www an, z. B. 2025-W07.</translation>
    </message>
</context>
</TS>
