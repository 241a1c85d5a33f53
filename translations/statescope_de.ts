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
    <name>Metrics</name>
    <message>
        <source>%1 holds no events, plays or snapshots: there is no reset start to align on.</source>
        <translation>%1 enthält keine Ereignisse, Spielzüge oder Snapshots: Es gibt keinen Reset-Start, an dem sich die Daten ausrichten lassen.</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>(no time)</source>
        <translation>(keine Zeit)</translation>
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
        <source>Preparing %1</source>
        <translation>%1 wird vorbereitet</translation>
    </message>
</context>
<context>
    <name>statescope::demo::GameSimulator</name>
    <message>
        <source>A demo game did not end after %1 innings.</source>
        <translation>Ein Demospiel war nach %1 Innings nicht beendet.</translation>
    </message>
</context>
<context>
    <name>statescope::demo::Seeder</name>
    <message>
        <source>The number of API events must be between 0 and %1.</source>
        <translation>Die Anzahl der API-Ereignisse muss zwischen 0 und %1 liegen.</translation>
    </message>
    <message>
        <source>The number of games must be between 0 and %1.</source>
        <translation>Die Anzahl der Spiele muss zwischen 0 und %1 liegen.</translation>
    </message>
    <message>
        <source>The number of snapshots must be between 0 and %1.</source>
        <translation>Die Anzahl der Snapshots muss zwischen 0 und %1 liegen.</translation>
    </message>
    <message>
        <source>The reset start time is not a valid date and time.</source>
        <translation>Die Startzeit der Zurücksetzung ist kein gültiges Datum mit Uhrzeit.</translation>
    </message>
    <message>
        <source>Database %1 does not have the weekly schema.</source>
        <translation>Die Datenbank %1 hat nicht das Schema einer Wochendatenbank.</translation>
    </message>
    <message>
        <source>Migrate the database before loading demo data into it.</source>
        <translation>Migrieren Sie die Datenbank, bevor Sie Demodaten in sie laden.</translation>
    </message>
    <message>
        <source>Database %1 already holds data; demo data only goes into an empty weekly database.</source>
        <translation>Die Datenbank %1 enthält bereits Daten; Demodaten werden nur in eine leere Wochendatenbank geladen.</translation>
    </message>
    <message>
        <source>Tables with rows: %1.</source>
        <translation>Tabellen mit Zeilen: %1.</translation>
    </message>
    <message>
        <source>Create a new weekly database, or reset this one first.</source>
        <translation>Erstellen Sie eine neue Wochendatenbank oder setzen Sie diese zuerst zurück.</translation>
    </message>
    <message>
        <source>Generating API events</source>
        <translation>API-Ereignisse werden erzeugt</translation>
    </message>
    <message>
        <source>Simulating games</source>
        <translation>Spiele werden simuliert</translation>
    </message>
    <message>
        <source>Writing snapshots</source>
        <translation>Snapshots werden geschrieben</translation>
    </message>
    <message>
        <source>Demo data loaded</source>
        <translation>Demodaten geladen</translation>
    </message>
</context>
<context>
    <name>statescope::events</name>
    <message>
        <source>No file to export to.</source>
        <translation>Keine Datei für den Export angegeben.</translation>
    </message>
    <message>
        <source>%1 already exists.</source>
        <translation>%1 existiert bereits.</translation>
    </message>
    <message>
        <source>Choose another file, or allow overwriting it.</source>
        <translation>Wählen Sie eine andere Datei oder erlauben Sie das Überschreiben.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>Der Ordner %1 existiert nicht.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>%L1 events exported</source>
        <translation>%L1 Ereignisse exportiert</translation>
    </message>
    <message>
        <source>Writing %1 failed: %2</source>
        <translation>Schreiben von %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Cannot move the export into %1.</source>
        <translation>Der Export kann nicht nach %1 verschoben werden.</translation>
    </message>
    <message>
        <source>Status %1 is out of range: HTTP codes run from 100 to 599.</source>
        <translation>Status %1 liegt außerhalb des gültigen Bereichs: HTTP-Codes reichen von 100 bis 599.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a status: write a code (404), a class (4xx) or a comma-separated list (429,5xx).</source>
        <translation>„%1“ ist kein Status: Geben Sie einen Code (404), eine Klasse (4xx) oder eine kommagetrennte Liste (429,5xx) ein.</translation>
    </message>
    <message>
        <source>The status filter is empty.</source>
        <translation>Der Statusfilter ist leer.</translation>
    </message>
    <message>
        <source>A JSON path starts from $, for example $.data[*] ? (@.fuel.current == 0)</source>
        <translation>Ein JSON-Pfad beginnt mit $, zum Beispiel $.data[*] ? (@.fuel.current == 0)</translation>
    </message>
    <message>
        <source>Unbalanced &quot;%1&quot; at character %2.</source>
        <translation>„%1“ ohne Gegenstück an Zeichenposition %2.</translation>
    </message>
    <message>
        <source>A string in the path is not closed.</source>
        <translation>Eine Zeichenkette im Pfad ist nicht abgeschlossen.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is missing at the end of the path.</source>
        <translation>Am Ende des Pfads fehlt „%1“.</translation>
    </message>
    <message>
        <source>An endpoint in the filter is empty.</source>
        <translation>Ein Endpunkt im Filter ist leer.</translation>
    </message>
    <message>
        <source>The start time is not a valid time.</source>
        <translation>Die Startzeit ist keine gültige Zeitangabe.</translation>
    </message>
    <message>
        <source>The end time is not a valid time.</source>
        <translation>Die Endzeit ist keine gültige Zeitangabe.</translation>
    </message>
    <message>
        <source>The end time must be after the start time.</source>
        <translation>Die Endzeit muss nach der Startzeit liegen.</translation>
    </message>
    <message>
        <source>Not valid JSON at line %1, column %2: %3</source>
        <translation>Kein gültiges JSON in Zeile %1, Spalte %2: %3</translation>
    </message>
    <message>
        <source>A payload hash is hexadecimal, for example the SHA-256 shown next to an event.</source>
        <translation>Ein Payload-Hash ist hexadezimal, zum Beispiel der SHA-256, der neben einem Ereignis angezeigt wird.</translation>
    </message>
</context>
<context>
    <name>statescope::events::EventStore</name>
    <message>
        <source>Database %1 has no raw.api_events table.</source>
        <translation>Die Datenbank %1 hat keine Tabelle raw.api_events.</translation>
    </message>
    <message>
        <source>Migrate it from the Admin pane, or pick another database.</source>
        <translation>Migrieren Sie sie im Admin-Bereich oder wählen Sie eine andere Datenbank.</translation>
    </message>
    <message>
        <source>The server&apos;s plan could not be read.</source>
        <translation>Der Abfrageplan des Servers konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>There is no event %1.</source>
        <translation>Es gibt kein Ereignis %1.</translation>
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
    <name>statescope::gui::ChartView</name>
    <message>
        <source>Drag or wheel to zoom, right-click to zoom out, middle-drag or arrow keys to pan, +/- to zoom, 0 to reset</source>
        <translation>Ziehen oder Mausrad zum Zoomen, Rechtsklick zum Herauszoomen, Ziehen mit der mittleren Maustaste oder Pfeiltasten zum Verschieben, +/- zum Zoomen, 0 zum Zurücksetzen</translation>
    </message>
    <message>
        <source>hours since the reset</source>
        <translation>Stunden seit dem Reset</translation>
    </message>
    <message>
        <source>local time</source>
        <translation>Ortszeit</translation>
    </message>
    <message>
        <source>+%1 h</source>
        <translation>+%1 h</translation>
    </message>
</context>
<context>
    <name>statescope::gui::ConfirmDialog</name>
    <message>
        <source>Type &lt;b&gt;%1&lt;/b&gt; to confirm:</source>
        <translation>Geben Sie zur Bestätigung &lt;b&gt;%1&lt;/b&gt; ein:</translation>
    </message>
    <message>
        <source>&amp;Reason (required, kept in the audit log):</source>
        <translation>&amp;Begründung (erforderlich, wird im Audit-Protokoll gespeichert):</translation>
    </message>
    <message>
        <source>&amp;Reason (kept in the audit log):</source>
        <translation>&amp;Begründung (wird im Audit-Protokoll gespeichert):</translation>
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
    <name>statescope::gui::DiffView</name>
    <message>
        <source>%1 is not valid JSON: line %2, column %3: %4</source>
        <translation>%1 ist kein gültiges JSON: Zeile %2, Spalte %3: %4</translation>
    </message>
    <message>
        <source>Only changes</source>
        <translation>Nur Änderungen</translation>
    </message>
    <message>
        <source>Keyed arrays</source>
        <translation>Arrays nach Schlüssel</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Hide rows that are the same on both sides</source>
        <translation>Zeilen ausblenden, die auf beiden Seiten gleich sind</translation>
    </message>
    <message>
        <source>Match array elements that are objects by an identifying key (ship_id, name, id, symbol) instead of by position</source>
        <translation>Array-Elemente, die Objekte sind, über einen identifizierenden Schlüssel (ship_id, name, id, symbol) statt über ihre Position zuordnen</translation>
    </message>
    <message>
        <source>Copy the whole patch to the clipboard</source>
        <translation>Den gesamten Patch in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>Tree</source>
        <translation>Baum</translation>
    </message>
    <message>
        <source>Patch (RFC 6902)</source>
        <translation>Patch (RFC 6902)</translation>
    </message>
    <message>
        <source>Comparing…</source>
        <translation>Wird verglichen…</translation>
    </message>
    <message>
        <source>Comparison cancelled.</source>
        <translation>Vergleich abgebrochen.</translation>
    </message>
    <message>
        <source>No differences.</source>
        <translation>Keine Unterschiede.</translation>
    </message>
    <message>
        <source>%1 added, %2 removed, %3 changed</source>
        <translation>%1 hinzugefügt, %2 entfernt, %3 geändert</translation>
    </message>
    <message>
        <source>
… (cut here; Copy copies the whole patch)</source>
        <translation>
… (hier abgeschnitten; „Kopieren“ kopiert den gesamten Patch)</translation>
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
    <name>statescope::gui::EventDetail</name>
    <message>
        <source>Payload</source>
        <translation>Payload</translation>
    </message>
    <message>
        <source>Show them all in the table</source>
        <translation>Alle in der Tabelle anzeigen</translation>
    </message>
    <message>
        <source>Fetched at</source>
        <translation>Abgerufen am</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Request key</source>
        <translation>Anfrageschlüssel</translation>
    </message>
    <message>
        <source>Double-click to go to the event</source>
        <translation>Doppelklicken, um zum Ereignis zu springen</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>Duplikate</translation>
    </message>
    <message>
        <source>Same request key</source>
        <translation>Gleicher Anfrageschlüssel</translation>
    </message>
    <message>
        <source>Same endpoint</source>
        <translation>Gleicher Endpunkt</translation>
    </message>
    <message>
        <source>Diff with previous</source>
        <translation>Mit vorheriger vergleichen</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>Zuerst gesehen</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Zuletzt gesehen</translation>
    </message>
    <message>
        <source>Fetches</source>
        <translation>Abrufe</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Payload hash</source>
        <translation>Payload-Hash</translation>
    </message>
    <message>
        <source>Each row is a payload that differs from the one before it. Double-click: what changed from the previous payload.</source>
        <translation>Jede Zeile ist eine Payload, die sich von der vorherigen unterscheidet. Doppelklick: was sich gegenüber der vorherigen Payload geändert hat.</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Diff</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <source>no event selected</source>
        <translation>kein Ereignis ausgewählt</translation>
    </message>
    <message>
        <source>Select an event.</source>
        <translation>Wählen Sie ein Ereignis aus.</translation>
    </message>
    <message>
        <source>Loading event %1</source>
        <translation>Ereignis %1 wird geladen</translation>
    </message>
    <message>
        <source>event %1 (%2)</source>
        <translation>Ereignis %1 (%2)</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Wird gezählt…</translation>
    </message>
    <message>
        <source>Duplicates and history of event %1</source>
        <translation>Duplikate und Verlauf von Ereignis %1</translation>
    </message>
    <message>
        <source>This event has no payload hash.</source>
        <translation>Dieses Ereignis hat keinen Payload-Hash.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln event(s) share this payload</source>
        <translation>
            <numerusform>%Ln Ereignis hat diese Payload</numerusform>
            <numerusform>%Ln Ereignisse teilen sich diese Payload</numerusform>
        </translation>
    </message>
    <message>
        <source> (the newest %L1 listed)</source>
        <translation> (die neuesten %L1 aufgeführt)</translation>
    </message>
    <message numerus="yes">
        <source>%1: %Ln fetch(es); each row is a payload that differs from the one before (%2 shown, newest first)</source>
        <translation>
            <numerusform>%1: %Ln Abruf; jede Zeile ist eine Payload, die sich von der vorherigen unterscheidet (%2 angezeigt, neueste zuerst)</numerusform>
            <numerusform>%1: %Ln Abrufe; jede Zeile ist eine Payload, die sich von der vorherigen unterscheidet (%2 angezeigt, neueste zuerst)</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading events %1 and %2</source>
        <translation>Ereignisse %1 und %2 werden geladen</translation>
    </message>
    <message>
        <source>Event %1</source>
        <translation>Ereignis %1</translation>
    </message>
</context>
<context>
    <name>statescope::gui::EventFilterBar</name>
    <message>
        <source>Endpoints</source>
        <translation>Endpunkte</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>404, 5xx, 429,5xx</source>
        <translation>404, 5xx, 429,5xx</translation>
    </message>
    <message>
        <source>From (UTC)</source>
        <translation>Von (UTC)</translation>
    </message>
    <message>
        <source>2025-01-06 14:00</source>
        <translation>2025-01-06 14:00</translation>
    </message>
    <message>
        <source>Until (UTC)</source>
        <translation>Bis (UTC)</translation>
    </message>
    <message>
        <source>2025-01-06 15:00</source>
        <translation>2025-01-06 15:00</translation>
    </message>
    <message>
        <source>Request key contains</source>
        <translation>Anfrageschlüssel enthält</translation>
    </message>
    <message>
        <source>/my/ships/</source>
        <translation>/my/ships/</translation>
    </message>
    <message>
        <source>Payload contains (JSON)</source>
        <translation>Payload enthält (JSON)</translation>
    </message>
    <message>
        <source>{&quot;data&quot;: {&quot;symbol&quot;: &quot;X&quot;}}</source>
        <translation>{&quot;data&quot;: {&quot;symbol&quot;: &quot;X&quot;}}</translation>
    </message>
    <message>
        <source>Payload matches (JSON path)</source>
        <translation>Payload passt zu (JSON-Pfad)</translation>
    </message>
    <message>
        <source>$.data[*] ? (@.fuel.current == 0)</source>
        <translation>$.data[*] ? (@.fuel.current == 0)</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Anwenden</translation>
    </message>
    <message>
        <source>Run the filter (Enter in any field)</source>
        <translation>Filter ausführen (Eingabetaste in einem beliebigen Feld)</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>%1  (≈%L2)</source>
        <translation>%1  (≈%L2)</translation>
    </message>
    <message>
        <source>All endpoints</source>
        <translation>Alle Endpunkte</translation>
    </message>
    <message numerus="yes">
        <source>%n endpoints</source>
        <translation>
            <numerusform>%n Endpunkt</numerusform>
            <numerusform>%n Endpunkte</numerusform>
        </translation>
    </message>
    <message>
        <source>Only payload %1…</source>
        <translation>Nur Payload %1…</translation>
    </message>
    <message>
        <source>Not a time: write 2025-01-06 14:02 (UTC) or ISO 8601 with an offset.</source>
        <translation>Keine Zeitangabe: Geben Sie 2025-01-06 14:02 (UTC) oder ISO 8601 mit Zeitzonenversatz ein.</translation>
    </message>
</context>
<context>
    <name>statescope::gui::EventsPane</name>
    <message>
        <source>Cancel count</source>
        <translation>Zählung abbrechen</translation>
    </message>
    <message>
        <source>Count exactly</source>
        <translation>Exakt zählen</translation>
    </message>
    <message>
        <source>Counts every matching event on the server (may take a while on a big week; click again to cancel)</source>
        <translation>Zählt jedes passende Ereignis auf dem Server (kann bei einer großen Woche eine Weile dauern; zum Abbrechen erneut klicken)</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Go to time (UTC): 2025-01-06 14:02</source>
        <translation>Zu Zeitpunkt springen (UTC): 2025-01-06 14:02</translation>
    </message>
    <message>
        <source>Go</source>
        <translation>Los</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a time: write 2025-01-06 14:02 (UTC) or ISO 8601.</source>
        <translation>„%1“ ist keine Zeitangabe: Geben Sie 2025-01-06 14:02 (UTC) oder ISO 8601 ein.</translation>
    </message>
    <message>
        <source>Live tail</source>
        <translation>Live mitverfolgen</translation>
    </message>
    <message>
        <source>Show new events as they arrive (asks only for events newer than the last one seen, every 2 s) (Ctrl+T)</source>
        <translation>Neue Ereignisse anzeigen, sobald sie eintreffen (fragt alle 2 s nur nach Ereignissen, die neuer als das zuletzt gesehene sind) (Strg+T)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Filtered events as CSV…</source>
        <translation>Gefilterte Ereignisse als CSV…</translation>
    </message>
    <message>
        <source>Filtered events as JSON Lines…</source>
        <translation>Gefilterte Ereignisse als JSON Lines…</translation>
    </message>
    <message>
        <source>Selected events as CSV…</source>
        <translation>Ausgewählte Ereignisse als CSV…</translation>
    </message>
    <message>
        <source>Selected events as JSON Lines…</source>
        <translation>Ausgewählte Ereignisse als JSON Lines…</translation>
    </message>
    <message>
        <source>Diff selected</source>
        <translation>Auswahl vergleichen</translation>
    </message>
    <message>
        <source>Compare the payloads of the two selected events (Ctrl+D)</source>
        <translation>Die Payloads der beiden ausgewählten Ereignisse vergleichen (Strg+D)</translation>
    </message>
    <message>
        <source>Select two events (Ctrl+click) to compare their payloads.</source>
        <translation>Wählen Sie zwei Ereignisse aus (Strg+Klick), um ihre Payloads zu vergleichen.</translation>
    </message>
    <message>
        <source>Listing endpoints</source>
        <translation>Endpunkte werden aufgelistet</translation>
    </message>
    <message>
        <source>Checking the filter</source>
        <translation>Filter wird geprüft</translation>
    </message>
    <message>
        <source>%L1 events</source>
        <translation>%L1 Ereignisse</translation>
    </message>
    <message>
        <source>≈ %L1 events (planner&apos;s estimate)</source>
        <translation>≈ %L1 Ereignisse (Schätzung des Planers)</translation>
    </message>
    <message>
        <source>Select the events to export first.</source>
        <translation>Wählen Sie zuerst die zu exportierenden Ereignisse aus.</translation>
    </message>
    <message>
        <source>Export events</source>
        <translation>Ereignisse exportieren</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>Exporting events to %1</source>
        <translation>Ereignisse werden nach %1 exportiert</translation>
    </message>
    <message>
        <source>Export cancelled; the partial file was removed.</source>
        <translation>Export abgebrochen; die unvollständige Datei wurde entfernt.</translation>
    </message>
    <message>
        <source>Exported %L1 events (%2) to %3</source>
        <translation>%L1 Ereignisse (%2) nach %3 exportiert</translation>
    </message>
</context>
<context>
    <name>statescope::gui::JsonTextPane</name>
    <message>
        <source>Show more</source>
        <translation>Mehr anzeigen</translation>
    </message>
    <message>
        <source>Append the next %1 MB of text</source>
        <translation>Die nächsten %1 MB Text anhängen</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Formatting JSON</source>
        <translation>JSON wird formatiert</translation>
    </message>
    <message>
        <source>Showing the text from byte %L1 on, around the error.</source>
        <translation>Der Text wird ab Byte %L1 angezeigt, rund um den Fehler.</translation>
    </message>
</context>
<context>
    <name>statescope::gui::JsonView</name>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>Vorheriger Treffer (Umschalt+F3)</translation>
    </message>
    <message>
        <source>Next match (Enter, F3)</source>
        <translation>Nächster Treffer (Eingabetaste, F3)</translation>
    </message>
    <message>
        <source>Tree</source>
        <translation>Baum</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Find in keys and values (Ctrl+F)</source>
        <translation>In Schlüsseln und Werten suchen (Strg+F)</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Find next</source>
        <translation>Weitersuchen</translation>
    </message>
    <message>
        <source>Find previous</source>
        <translation>Rückwärts suchen</translation>
    </message>
    <message>
        <source>Stop searching</source>
        <translation>Suche beenden</translation>
    </message>
    <message>
        <source>Copy value</source>
        <translation>Wert kopieren</translation>
    </message>
    <message>
        <source>Copy path</source>
        <translation>Pfad kopieren</translation>
    </message>
    <message>
        <source>Copy JSON Pointer</source>
        <translation>JSON Pointer kopieren</translation>
    </message>
    <message>
        <source>Parsing %1…</source>
        <translation>%1 wird geparst…</translation>
    </message>
    <message>
        <source>Parsing JSON</source>
        <translation>JSON wird geparst</translation>
    </message>
    <message>
        <source>Not valid JSON: %1 (line %2, column %3)</source>
        <translation>Kein gültiges JSON: %1 (Zeile %2, Spalte %3)</translation>
    </message>
    <message>
        <source>Search stopped</source>
        <translation>Suche beendet</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Wird gesucht…</translation>
    </message>
    <message>
        <source>Searching JSON</source>
        <translation>JSON wird durchsucht</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Keine Treffer</translation>
    </message>
    <message>
        <source>%1+</source>
        <translation>%1+</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Expand all below</source>
        <translation>Alles darunter aufklappen</translation>
    </message>
    <message>
        <source>Expand one level</source>
        <translation>Eine Ebene aufklappen</translation>
    </message>
    <message>
        <source>Collapse</source>
        <translation>Zuklappen</translation>
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
        <source>Snapshots</source>
        <translation>Snapshots</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Metriken</translation>
    </message>
    <message>
        <source>Replay</source>
        <translation>Wiedergabe</translation>
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
    <name>statescope::gui::MetricsPane</name>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>New SQL metric...</source>
        <translation>Neue SQL-Metrik...</translation>
    </message>
    <message>
        <source>e.g. 429</source>
        <translation>z. B. 429</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>Minute</source>
        <translation>Minute</translation>
    </message>
    <message>
        <source>Hour</source>
        <translation>Stunde</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Linie</translation>
    </message>
    <message>
        <source>Bar</source>
        <translation>Balken</translation>
    </message>
    <message>
        <source>&amp;Compare weeks</source>
        <translation>Wochen &amp;vergleichen</translation>
    </message>
    <message>
        <source>From each reset&apos;s start</source>
        <translation>Vom Start jedes Resets</translation>
    </message>
    <message>
        <source>Absolute time</source>
        <translation>Absolute Zeit</translation>
    </message>
    <message>
        <source>Save as...</source>
        <translation>Speichern unter...</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>Aus&amp;führen</translation>
    </message>
    <message>
        <source>Run the metric (Ctrl+Return)</source>
        <translation>Die Metrik ausführen (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Materialized view</source>
        <translation>Materialisierte Sicht</translation>
    </message>
    <message>
        <source>Refreshed</source>
        <translation>Aktualisiert</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Refresh &amp;view</source>
        <translation>&amp;Sicht aktualisieren</translation>
    </message>
    <message>
        <source>REFRESH MATERIALIZED VIEW (concurrently where possible); needs admin mode</source>
        <translation>REFRESH MATERIALIZED VIEW (nach Möglichkeit nebenläufig); erfordert den Admin-Modus</translation>
    </message>
    <message>
        <source>&amp;Metric:</source>
        <translation>&amp;Metrik:</translation>
    </message>
    <message>
        <source>Endpoint:</source>
        <translation>Endpunkt:</translation>
    </message>
    <message>
        <source>JSON path:</source>
        <translation>JSON-Pfad:</translation>
    </message>
    <message>
        <source>Aggregate:</source>
        <translation>Aggregation:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Bucket:</source>
        <translation>Intervall:</translation>
    </message>
    <message>
        <source>Chart:</source>
        <translation>Diagramm:</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>Reihe</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Mittelwert</translation>
    </message>
    <message>
        <source>Peak</source>
        <translation>Spitze</translation>
    </message>
    <message>
        <source>Time to peak</source>
        <translation>Zeit bis zur Spitze</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Diagramm</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Export %1...</source>
        <translation>%1 exportieren...</translation>
    </message>
    <message>
        <source>Your own SELECT returning (time, value[, series])</source>
        <translation>Eigenes SELECT, das (Zeit, Wert[, Reihe]) liefert</translation>
    </message>
    <message>
        <source>Running %1 on %2</source>
        <translation>%1 wird auf %2 ausgeführt</translation>
    </message>
    <message>
        <source>Tick the weeks to compare.</source>
        <translation>Markieren Sie die Wochen, die verglichen werden sollen.</translation>
    </message>
    <message numerus="yes">
        <source>Comparing %n week(s)</source>
        <translation>
            <numerusform>%n Woche wird verglichen</numerusform>
            <numerusform>%n Wochen werden verglichen</numerusform>
        </translation>
    </message>
    <message>
        <source>Some weeks could not be measured.</source>
        <translation>Einige Wochen konnten nicht ausgewertet werden.</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n series, %2 bucket(s) of %3%4</source>
        <translation>
            <numerusform>%1, %n Reihe, %2 Intervall(e) zu je %3%4</numerusform>
            <numerusform>%1, %n Reihen, %2 Intervall(e) zu je %3%4</numerusform>
        </translation>
    </message>
    <message>
        <source> (zoomed; 0 resets)</source>
        <translation> (gezoomt; 0 setzt zurück)</translation>
    </message>
    <message>
        <source>Reading materialized views</source>
        <translation>Materialisierte Sichten werden gelesen</translation>
    </message>
    <message>
        <source>never (by Statescope)</source>
        <translation>nie (durch Statescope)</translation>
    </message>
    <message>
        <source>Refreshing %1.%2</source>
        <translation>%1.%2 wird aktualisiert</translation>
    </message>
    <message>
        <source>Refreshed %1.%2.</source>
        <translation>%1.%2 aktualisiert.</translation>
    </message>
    <message>
        <source>Save SQL metric</source>
        <translation>SQL-Metrik speichern</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>%1 konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Export %1</source>
        <translation>%1 exportieren</translation>
    </message>
    <message>
        <source>%1 files (*.%2)</source>
        <translation>%1-Dateien (*.%2)</translation>
    </message>
    <message>
        <source>Exported %1.</source>
        <translation>%1 exportiert.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
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
    <name>statescope::gui::ReplayPane</name>
    <message>
        <source>Any status</source>
        <translation>Beliebiger Status</translation>
    </message>
    <message>
        <source>Any league</source>
        <translation>Beliebige Liga</translation>
    </message>
    <message>
        <source>team id</source>
        <translation>Team-ID</translation>
    </message>
    <message>
        <source>Only &amp;inconsistent</source>
        <translation>Nur &amp;inkonsistente</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Select a game.</source>
        <translation>Wählen Sie ein Spiel aus.</translation>
    </message>
    <message>
        <source>At bat:</source>
        <translation>Am Schlag:</translation>
    </message>
    <message>
        <source>Dice:</source>
        <translation>Würfel:</translation>
    </message>
    <message>
        <source>Result:</source>
        <translation>Ergebnis:</translation>
    </message>
    <message>
        <source>Change:</source>
        <translation>Änderung:</translation>
    </message>
    <message>
        <source>First play (Ctrl+Home)</source>
        <translation>Erster Spielzug (Strg+Pos1)</translation>
    </message>
    <message>
        <source>Previous play (Ctrl+Left)</source>
        <translation>Vorheriger Spielzug (Strg+Links)</translation>
    </message>
    <message>
        <source>Play / pause (Ctrl+Space)</source>
        <translation>Wiedergabe / Pause (Strg+Leertaste)</translation>
    </message>
    <message>
        <source>Next play (Ctrl+Right)</source>
        <translation>Nächster Spielzug (Strg+Rechts)</translation>
    </message>
    <message>
        <source>Last play (Ctrl+End)</source>
        <translation>Letzter Spielzug (Strg+Ende)</translation>
    </message>
    <message>
        <source>play </source>
        <translation>Spielzug </translation>
    </message>
    <message>
        <source>Roll &amp;back to this play...</source>
        <translation>Auf diesen Spielzug &amp;zurückrollen...</translation>
    </message>
    <message>
        <source>&amp;Undo last rollback...</source>
        <translation>Letztes Rollback &amp;rückgängig machen...</translation>
    </message>
    <message>
        <source>Select a weekly database in the sidebar.</source>
        <translation>Wählen Sie in der Seitenleiste eine Wochendatenbank aus.</translation>
    </message>
    <message>
        <source>Switch on admin mode (Ctrl+Shift+A) to roll back.</source>
        <translation>Schalten Sie den Admin-Modus ein (Strg+Umschalt+A), um zurückzurollen.</translation>
    </message>
    <message>
        <source>Completed games cannot be rolled back.</source>
        <translation>Abgeschlossene Spiele können nicht zurückgerollt werden.</translation>
    </message>
    <message>
        <source>Delete the plays after the selected one (previewed, confirmed, archived, undoable)</source>
        <translation>Die Spielzüge nach dem ausgewählten löschen (mit Vorschau und Bestätigung, archiviert, rückgängig zu machen)</translation>
    </message>
    <message>
        <source>Cancelled; nothing was changed.</source>
        <translation>Abgebrochen; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Loading games</source>
        <translation>Spiele werden geladen</translation>
    </message>
    <message>
        <source>Loading game %1</source>
        <translation>Spiel %1 wird geladen</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt; &amp;nbsp; %2, team %3 at team %4, %5, %n play(s)</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; &amp;nbsp; %2, Team %3 zu Gast bei Team %4, %5, %n Spielzug</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; &amp;nbsp; %2, Team %3 zu Gast bei Team %4, %5, %n Spielzüge</numerusform>
        </translation>
    </message>
    <message>
        <source>First inconsistency at play %1: %2</source>
        <translation>Erste Inkonsistenz bei Spielzug %1: %2</translation>
    </message>
    <message>
        <source>#%1 (not in the lineups)</source>
        <translation>#%1 (nicht in den Aufstellungen)</translation>
    </message>
    <message>
        <source>batter %1, pitcher %2, catcher %3</source>
        <translation>Schlagmann %1, Pitcher %2, Catcher %3</translation>
    </message>
    <message>
        <source>Play %1: %2</source>
        <translation>Spielzug %1: %2</translation>
    </message>
    <message>
        <source>after: %1</source>
        <translation>danach: %1</translation>
    </message>
    <message>
        <source>since play %1: %2 run(s), outs %3 -&gt; %4</source>
        <translation>seit Spielzug %1: %2 Run(s), Aus %3 -&gt; %4</translation>
    </message>
    <message>
        <source>Loading dice rolls</source>
        <translation>Würfelwürfe werden geladen</translation>
    </message>
    <message>
        <source>none recorded</source>
        <translation>keine aufgezeichnet</translation>
    </message>
    <message>
        <source>Preparing the rollback preview</source>
        <translation>Vorschau für das Zurückrollen wird vorbereitet</translation>
    </message>
    <message>
        <source>Game %1 will keep plays 1 to %2.</source>
        <translation>Spiel %1 behält die Spielzüge 1 bis %2.</translation>
    </message>
    <message numerus="yes">
        <source>%n play(s) deleted (%1 to %2)</source>
        <translation>
            <numerusform>%n Spielzug gelöscht (%1 bis %2)</numerusform>
            <numerusform>%n Spielzüge gelöscht (%1 bis %2)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n substitution(s) deleted, %1 lineup row(s) back in the game</source>
        <translation>
            <numerusform>%n Auswechslung gelöscht, %1 Aufstellungszeile(n) wieder im Spiel</numerusform>
            <numerusform>%n Auswechslungen gelöscht, %1 Aufstellungszeile(n) wieder im Spiel</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n dice roll(s) of those plays kept for audit unless you tick the box</source>
        <translation>
            <numerusform>%n Würfelwurf dieser Spielzüge bleibt für das Audit erhalten, sofern Sie das Kontrollkästchen nicht aktivieren</numerusform>
            <numerusform>%n Würfelwürfe dieser Spielzüge bleiben für das Audit erhalten, sofern Sie das Kontrollkästchen nicht aktivieren</numerusform>
        </translation>
    </message>
    <message>
        <source>The game will stand at: %1</source>
        <translation>Danach steht das Spiel bei: %1</translation>
    </message>
    <message>
        <source>Every deleted row is archived; &quot;Undo last rollback&quot; puts it back while no newer plays exist.</source>
        <translation>Jede gelöschte Zeile wird archiviert; „Letztes Rollback rückgängig machen“ stellt sie wieder her, solange keine neueren Spielzüge existieren.</translation>
    </message>
    <message>
        <source>Roll back</source>
        <translation>Zurückrollen</translation>
    </message>
    <message>
        <source>Roll game &lt;b&gt;%1&lt;/b&gt; back to play &lt;b&gt;%2&lt;/b&gt;?</source>
        <translation>Spiel &lt;b&gt;%1&lt;/b&gt; auf Spielzug &lt;b&gt;%2&lt;/b&gt; zurückrollen?</translation>
    </message>
    <message>
        <source>Also delete the dice rolls of the removed plays</source>
        <translation>Auch die Würfelwürfe der entfernten Spielzüge löschen</translation>
    </message>
    <message>
        <source>Rolling back game %1</source>
        <translation>Spiel %1 wird zurückgerollt</translation>
    </message>
    <message>
        <source>Rolled back to play %1 (rollback %2: %3 plays archived).</source>
        <translation>Auf Spielzug %1 zurückgerollt (Rollback %2: %3 Spielzüge archiviert).</translation>
    </message>
    <message>
        <source>Reading the rollback history</source>
        <translation>Rollback-Verlauf wird gelesen</translation>
    </message>
    <message>
        <source>Game %1 has no rollback to undo.</source>
        <translation>Spiel %1 hat kein Rollback, das rückgängig gemacht werden kann.</translation>
    </message>
    <message>
        <source>Undo rollback</source>
        <translation>Rollback rückgängig machen</translation>
    </message>
    <message>
        <source>Undo rollback &lt;b&gt;%1&lt;/b&gt; of game &lt;b&gt;%2&lt;/b&gt;?</source>
        <translation>Rollback &lt;b&gt;%1&lt;/b&gt; von Spiel &lt;b&gt;%2&lt;/b&gt; rückgängig machen?</translation>
    </message>
    <message>
        <source>&lt;p&gt;Rolled back from play %1 to play %2 by %3 at %4 (&quot;%5&quot;).&lt;/p&gt;&lt;p&gt;%6 plays, %7 substitutions and %8 rolls come back.&lt;/p&gt;</source>
        <translation>&lt;p&gt;%3 hat am %4 von Spielzug %1 auf Spielzug %2 zurückgerollt („%5“).&lt;/p&gt;&lt;p&gt;%6 Spielzüge, %7 Auswechslungen und %8 Würfelwürfe werden wiederhergestellt.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Undoing rollback %1</source>
        <translation>Rollback %1 wird rückgängig gemacht</translation>
    </message>
    <message>
        <source>Undid rollback %1; the game is back at play %2.</source>
        <translation>Rollback %1 rückgängig gemacht; das Spiel steht wieder bei Spielzug %2.</translation>
    </message>
    <message>
        <source>The game server was told.</source>
        <translation>Der Spielserver wurde benachrichtigt.</translation>
    </message>
    <message>
        <source>The game server was NOT told: %1</source>
        <translation>Der Spielserver wurde NICHT benachrichtigt: %1</translation>
    </message>
    <message>
        <source>any start</source>
        <translation>beliebiger Beginn</translation>
    </message>
    <message>
        <source>any end</source>
        <translation>beliebiges Ende</translation>
    </message>
    <message>
        <source>Games created on or after this day</source>
        <translation>Spiele, die an oder nach diesem Tag erstellt wurden</translation>
    </message>
    <message>
        <source>Games created on or before this day</source>
        <translation>Spiele, die an oder vor diesem Tag erstellt wurden</translation>
    </message>
    <message>
        <source>Team %1: %2</source>
        <translation>Team %1: %2</translation>
    </message>
</context>
<context>
    <name>statescope::gui::Scoreboard</name>
    <message>
        <source>%1 %2, %3 out, away %4, home %5</source>
        <translation>%1 %2, %3 Aus, Gast %4, Heim %5</translation>
    </message>
    <message>
        <source>Away (team %1)</source>
        <translation>Gast (Team %1)</translation>
    </message>
    <message>
        <source>Home (team %1)</source>
        <translation>Heim (Team %1)</translation>
    </message>
    <message numerus="yes">
        <source>%n out(s)</source>
        <translation>
            <numerusform>%n Aus</numerusform>
            <numerusform>%n Aus</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>statescope::gui::SnapshotsPane</name>
    <message>
        <source>tick %1 (id %2, created %3)</source>
        <translation>Tick %1 (ID %2, erstellt %3)</translation>
    </message>
    <message numerus="yes">
        <source>%n of %1 snapshot(s) will be archived, then deleted:</source>
        <translation>
            <numerusform>%n von %1 Snapshot wird archiviert und dann gelöscht:</numerusform>
            <numerusform>%n von %1 Snapshots werden archiviert und dann gelöscht:</numerusform>
        </translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… und %1 weitere</translation>
    </message>
    <message>
        <source>Afterwards a restart recovers from %1.</source>
        <translation>Danach stellt ein Neustart den Zustand ab %1 wieder her.</translation>
    </message>
    <message>
        <source>Afterwards no snapshot is left to recover from.</source>
        <translation>Danach bleibt kein Snapshot übrig, aus dem wiederhergestellt werden kann.</translation>
    </message>
    <message>
        <source>Every deleted row is archived in one transaction; Undo puts it back with the same id.</source>
        <translation>Jede gelöschte Zeile wird in einer Transaktion archiviert; „Rückgängig machen“ stellt sie mit derselben ID wieder her.</translation>
    </message>
    <message>
        <source>Retention policy</source>
        <translation>Aufbewahrungsrichtlinie</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Keep at most (newest by tick):</source>
        <translation>Höchstens behalten (die neuesten nach Tick):</translation>
    </message>
    <message>
        <source>Never prune younger than:</source>
        <translation>Nie bereinigen, wenn jünger als:</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>Prune…</source>
        <translation>Bereinigen…</translation>
    </message>
    <message>
        <source>Roll world back to selected tick…</source>
        <translation>Welt auf den ausgewählten Tick zurückrollen…</translation>
    </message>
    <message>
        <source>Preview shows what the policy would prune now; nothing changes.</source>
        <translation>Die Vorschau zeigt, was die Richtlinie jetzt bereinigen würde; es wird nichts geändert.</translation>
    </message>
    <message>
        <source>Operations (newest first):</source>
        <translation>Vorgänge (neueste zuerst):</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Gelöscht</translation>
    </message>
    <message>
        <source>Ticks</source>
        <translation>Ticks</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begründung</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>At (UTC)</source>
        <translation>Zeitpunkt (UTC)</translation>
    </message>
    <message>
        <source>Undone (UTC)</source>
        <translation>Rückgängig gemacht (UTC)</translation>
    </message>
    <message>
        <source>Undo…</source>
        <translation>Rückgängig machen…</translation>
    </message>
    <message>
        <source>Turn on admin mode (Ctrl+Shift+A) to change snapshots.</source>
        <translation>Schalten Sie den Admin-Modus ein (Strg+Umschalt+A), um Snapshots zu ändern.</translation>
    </message>
    <message>
        <source>Archive and delete what the policy prunes now</source>
        <translation>Archivieren und löschen, was die Richtlinie jetzt bereinigt</translation>
    </message>
    <message>
        <source>Archive and delete every snapshot after the selected tick</source>
        <translation>Jeden Snapshot nach dem ausgewählten Tick archivieren und löschen</translation>
    </message>
    <message>
        <source>Put the selected operation&apos;s snapshots back</source>
        <translation>Die Snapshots des ausgewählten Vorgangs wiederherstellen</translation>
    </message>
    <message>
        <source>Previewing retention</source>
        <translation>Vorschau der Aufbewahrung wird erstellt</translation>
    </message>
    <message numerus="yes">
        <source>Pruning now would delete %n of %1 snapshot(s)</source>
        <translation>
            <numerusform>Eine Bereinigung würde jetzt %n von %1 Snapshot löschen</numerusform>
            <numerusform>Eine Bereinigung würde jetzt %n von %1 Snapshots löschen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (%n kept only because younger than the minimum age)</source>
        <translation>
            <numerusform> (%n nur behalten, weil jünger als das Mindestalter)</numerusform>
            <numerusform> (%n nur behalten, weil jünger als das Mindestalter)</numerusform>
        </translation>
    </message>
    <message>
        <source>Recovery afterwards: %1.</source>
        <translation>Wiederherstellung danach: %1.</translation>
    </message>
    <message>
        <source>No snapshot would be left to recover from.</source>
        <translation>Es bliebe kein Snapshot übrig, aus dem wiederhergestellt werden kann.</translation>
    </message>
    <message>
        <source>Preparing the prune preview</source>
        <translation>Vorschau der Bereinigung wird vorbereitet</translation>
    </message>
    <message>
        <source>The policy prunes nothing now.</source>
        <translation>Die Richtlinie bereinigt derzeit nichts.</translation>
    </message>
    <message>
        <source>Prune</source>
        <translation>Bereinigen</translation>
    </message>
    <message>
        <source>Prune the snapshots of &lt;b&gt;%1&lt;/b&gt; (keep %2, none younger than %3 min)?</source>
        <translation>Snapshots von &lt;b&gt;%1&lt;/b&gt; bereinigen (%2 behalten, keine jünger als %3 min)?</translation>
    </message>
    <message>
        <source>Pruning snapshots</source>
        <translation>Snapshots werden bereinigt</translation>
    </message>
    <message>
        <source>Nothing matched the policy any more; nothing was deleted.</source>
        <translation>Nichts entsprach mehr der Richtlinie; es wurde nichts gelöscht.</translation>
    </message>
    <message numerus="yes">
        <source>Pruned %n snapshot(s) (operation %1).</source>
        <translation>
            <numerusform>%n Snapshot bereinigt (Vorgang %1).</numerusform>
            <numerusform>%n Snapshots bereinigt (Vorgang %1).</numerusform>
        </translation>
    </message>
    <message>
        <source>Preparing the roll back preview</source>
        <translation>Vorschau für das Zurückrollen wird vorbereitet</translation>
    </message>
    <message>
        <source>No snapshot is newer than tick %1.</source>
        <translation>Kein Snapshot ist neuer als Tick %1.</translation>
    </message>
    <message>
        <source>Roll back</source>
        <translation>Zurückrollen</translation>
    </message>
    <message>
        <source>Roll the world of &lt;b&gt;%1&lt;/b&gt; back to tick &lt;b&gt;%2&lt;/b&gt;?</source>
        <translation>Die Welt von &lt;b&gt;%1&lt;/b&gt; auf Tick &lt;b&gt;%2&lt;/b&gt; zurückrollen?</translation>
    </message>
    <message>
        <source>Rolling back to tick %1</source>
        <translation>Wird auf Tick %1 zurückgerollt</translation>
    </message>
    <message numerus="yes">
        <source>Rolled the world back to tick %1: %n snapshot(s) archived (operation %2).</source>
        <translation>
            <numerusform>Welt auf Tick %1 zurückgerollt: %n Snapshot archiviert (Vorgang %2).</numerusform>
            <numerusform>Welt auf Tick %1 zurückgerollt: %n Snapshots archiviert (Vorgang %2).</numerusform>
        </translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig machen</translation>
    </message>
    <message>
        <source>Undo %1 operation &lt;b&gt;%2&lt;/b&gt; on &lt;b&gt;%3&lt;/b&gt;?</source>
        <translation>%1-Vorgang &lt;b&gt;%2&lt;/b&gt; auf &lt;b&gt;%3&lt;/b&gt; rückgängig machen?</translation>
    </message>
    <message numerus="yes">
        <source>&lt;p&gt;%n archived snapshot(s) (ticks %1 to %2) come back with their ids.&lt;/p&gt;&lt;p&gt;Done by %3 at %4 (&quot;%5&quot;).&lt;/p&gt;</source>
        <translation>
            <numerusform>&lt;p&gt;%n archivierter Snapshot (Ticks %1 bis %2) wird mit seiner ID wiederhergestellt.&lt;/p&gt;&lt;p&gt;Ausgeführt von %3 am %4 („%5“).&lt;/p&gt;</numerusform>
            <numerusform>&lt;p&gt;%n archivierte Snapshots (Ticks %1 bis %2) werden mit ihren IDs wiederhergestellt.&lt;/p&gt;&lt;p&gt;Ausgeführt von %3 am %4 („%5“).&lt;/p&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>Undoing operation %1</source>
        <translation>Vorgang %1 wird rückgängig gemacht</translation>
    </message>
    <message numerus="yes">
        <source>Undid operation %1: %n snapshot(s) restored.</source>
        <translation>
            <numerusform>Vorgang %1 rückgängig gemacht: %n Snapshot wiederhergestellt.</numerusform>
            <numerusform>Vorgang %1 rückgängig gemacht: %n Snapshots wiederhergestellt.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <source>Player</source>
        <translation>Spieler</translation>
    </message>
    <message>
        <source>Saves</source>
        <translation>Spielstände</translation>
    </message>
    <message>
        <source>Latest (UTC)</source>
        <translation>Neuester (UTC)</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Created at (UTC)</source>
        <translation>Erstellt am (UTC)</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Checksum stored</source>
        <translation>Prüfsumme gespeichert</translation>
    </message>
    <message>
        <source>Checksum recomputed</source>
        <translation>Prüfsumme neu berechnet</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Übereinstimmung</translation>
    </message>
    <message>
        <source>In stored order: created_at, then snapshot_id, newest first. Select two to diff them.</source>
        <translation>In gespeicherter Reihenfolge: created_at, dann snapshot_id, neueste zuerst. Wählen Sie zwei aus, um sie zu vergleichen.</translation>
    </message>
    <message>
        <source>&lt;small&gt;Checksums recomputed by the stated rule (hover).&lt;/small&gt;</source>
        <translation>&lt;small&gt;Prüfsummen nach der angegebenen Regel neu berechnet (Mauszeiger darüber halten).&lt;/small&gt;</translation>
    </message>
    <message>
        <source>Diff selected saves</source>
        <translation>Ausgewählte Spielstände vergleichen</translation>
    </message>
    <message>
        <source>This database has no save_snapshots table.</source>
        <translation>Diese Datenbank hat keine Tabelle save_snapshots.</translation>
    </message>
    <message numerus="yes">
        <source>%n player(s) with saves.</source>
        <translation>
            <numerusform>%n Spieler mit Spielständen.</numerusform>
            <numerusform>%n Spieler mit Spielständen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading the saves of %1</source>
        <translation>Spielstände von %1 werden gelesen</translation>
    </message>
    <message>
        <source>match</source>
        <translation>stimmt überein</translation>
    </message>
    <message>
        <source>MISMATCH</source>
        <translation>ABWEICHUNG</translation>
    </message>
    <message>
        <source>Select exactly two saves to compare.</source>
        <translation>Wählen Sie genau zwei Spielstände zum Vergleichen aus.</translation>
    </message>
    <message>
        <source>Reading saves %1 and %2</source>
        <translation>Spielstände %1 und %2 werden gelesen</translation>
    </message>
    <message>
        <source>save %1</source>
        <translation>Spielstand %1</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 d %2 h</translation>
    </message>
    <message>
        <source>Tick</source>
        <translation>Tick</translation>
    </message>
    <message>
        <source>Game time (UTC)</source>
        <translation>Spielzeit (UTC)</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Alter</translation>
    </message>
    <message>
        <source>Newest first. Select two snapshots and press Ctrl+D to diff them.</source>
        <translation>Neueste zuerst. Wählen Sie zwei Snapshots aus und drücken Sie Strg+D, um sie zu vergleichen.</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <source>Reload the timeline (F5)</source>
        <translation>Die Zeitleiste neu laden (F5)</translation>
    </message>
    <message>
        <source>Diff selected</source>
        <translation>Auswahl vergleichen</translation>
    </message>
    <message>
        <source>Two selected: those two. One: it and the one before it (Ctrl+D)</source>
        <translation>Zwei ausgewählt: diese beiden. Einer ausgewählt: dieser und sein Vorgänger (Strg+D)</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Diff</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <source>Track</source>
        <translation>Verfolgen</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>Aufbewahrung</translation>
    </message>
    <message>
        <source>Loading the snapshots of %1</source>
        <translation>Snapshots von %1 werden geladen</translation>
    </message>
    <message>
        <source>%1  (recovery)</source>
        <translation>%1  (Wiederherstellung)</translation>
    </message>
    <message>
        <source>Snapshot id %1</source>
        <translation>Snapshot-ID %1</translation>
    </message>
    <message>
        <source>No snapshots: a restart would start from scratch.</source>
        <translation>Keine Snapshots: Ein Neustart würde von vorne beginnen.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Recovery:&lt;/b&gt; tick %1 (id %2), %3.&lt;br&gt;&lt;small&gt;%4&lt;/small&gt;</source>
        <translation>&lt;b&gt;Wiederherstellung:&lt;/b&gt; Tick %1 (ID %2), %3.&lt;br&gt;&lt;small&gt;%4&lt;/small&gt;</translation>
    </message>
    <message numerus="yes">
        <source>%n snapshot(s)</source>
        <translation>
            <numerusform>%n Snapshot</numerusform>
            <numerusform>%n Snapshots</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b&gt;%1 snapshots share this tick.&lt;/b&gt;</source>
        <translation>&lt;br&gt;&lt;b&gt;%1 Snapshots teilen sich diesen Tick.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Reading snapshot %1</source>
        <translation>Snapshot %1 wird gelesen</translation>
    </message>
    <message>
        <source>Snapshot %1</source>
        <translation>Snapshot %1</translation>
    </message>
    <message>
        <source>Tick %1 (snapshot %2)</source>
        <translation>Tick %1 (Snapshot %2)</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>The selected snapshot against the one before it by tick; with two selected, those two (older first). Ships and other arrays of objects are matched by their id, so reordering is no change.</source>
        <translation>Der ausgewählte Snapshot im Vergleich zu seinem Vorgänger nach Tick; bei zwei ausgewählten diese beiden (älterer zuerst). Schiffe und andere Arrays von Objekten werden über ihre ID zugeordnet, eine andere Reihenfolge ist also keine Änderung.</translation>
    </message>
    <message>
        <source>Tick %1 is the first snapshot: select another one to compare it with.</source>
        <translation>Tick %1 ist der erste Snapshot: Wählen Sie einen weiteren aus, mit dem er verglichen werden soll.</translation>
    </message>
    <message>
        <source>Reading ticks %1 and %2</source>
        <translation>Ticks %1 und %2 werden gelesen</translation>
    </message>
    <message>
        <source>tick %1</source>
        <translation>Tick %1</translation>
    </message>
    <message>
        <source>/ships/0/fuel or ships.0.fuel</source>
        <translation>/ships/0/fuel oder ships.0.fuel</translation>
    </message>
    <message>
        <source>A JSON Pointer or a dotted path; in the State tree, right-click a value and &quot;Copy JSON Pointer&quot;.</source>
        <translation>Ein JSON Pointer oder ein Pfad mit Punkten; klicken Sie im Baum „Zustand“ mit der rechten Maustaste auf einen Wert und wählen Sie „JSON Pointer kopieren“.</translation>
    </message>
    <message>
        <source>Path:</source>
        <translation>Pfad:</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a path: write a JSON Pointer (/ships/0/fuel) or a dotted path (ships.0.fuel).</source>
        <translation>„%1“ ist kein Pfad: Geben Sie einen JSON Pointer (/ships/0/fuel) oder einen Pfad mit Punkten (ships.0.fuel) ein.</translation>
    </message>
    <message>
        <source>Tracking %1</source>
        <translation>%1 wird verfolgt</translation>
    </message>
    <message>
        <source>(absent)</source>
        <translation>(fehlt)</translation>
    </message>
    <message numerus="yes">
        <source>%1: present in %2 of %n snapshot(s), %3 numeric.</source>
        <translation>
            <numerusform>%1: vorhanden in %2 von %n Snapshot, %3 numerisch.</numerusform>
            <numerusform>%1: vorhanden in %2 von %n Snapshots, %3 numerisch.</numerusform>
        </translation>
    </message>
    <message>
        <source>tick</source>
        <translation>Tick</translation>
    </message>
    <message>
        <source>%1 (first %2)</source>
        <translation>%1 (erste %2)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>statescope::json::Document</name>
    <message>
        <source>the end of the text</source>
        <translation>das Ende des Textes</translation>
    </message>
    <message>
        <source>control character U+%1</source>
        <translation>Steuerzeichen U+%1</translation>
    </message>
    <message>
        <source>byte 0x%1, which is not UTF-8</source>
        <translation>Byte 0x%1, das kein UTF-8 ist</translation>
    </message>
    <message>
        <source>The text starts with a byte order mark (BOM); JSON text must not (remove the first three bytes)</source>
        <translation>Der Text beginnt mit einer Bytereihenfolge-Markierung (BOM); JSON-Text darf das nicht (entfernen Sie die ersten drei Bytes)</translation>
    </message>
    <message>
        <source>The text looks like UTF-16 or UTF-32; JSON text must be UTF-8</source>
        <translation>Der Text sieht nach UTF-16 oder UTF-32 aus; JSON-Text muss UTF-8 sein</translation>
    </message>
    <message>
        <source>The text is empty: expected a JSON value</source>
        <translation>Der Text ist leer: JSON-Wert erwartet</translation>
    </message>
    <message>
        <source>Unexpected end of the text: expected a value</source>
        <translation>Unerwartetes Ende des Textes: Wert erwartet</translation>
    </message>
    <message>
        <source>Expected a member name in double quotes or &apos;}&apos;, found %1</source>
        <translation>Membername in doppelten Anführungszeichen oder &apos;}&apos; erwartet, gefunden: %1</translation>
    </message>
    <message>
        <source>A number must not start with &apos;+&apos;</source>
        <translation>Eine Zahl darf nicht mit &apos;+&apos; beginnen</translation>
    </message>
    <message>
        <source>A number needs a digit before the decimal point</source>
        <translation>Eine Zahl braucht eine Ziffer vor dem Dezimalpunkt</translation>
    </message>
    <message>
        <source>Expected a value, found %1 (a trailing or extra comma?)</source>
        <translation>Wert erwartet, gefunden: %1 (ein abschließendes oder überzähliges Komma?)</translation>
    </message>
    <message>
        <source>Expected a JSON value (object, array, string, number, true, false or null), found %1</source>
        <translation>JSON-Wert erwartet (Objekt, Array, Zeichenkette, Zahl, true, false oder null), gefunden: %1</translation>
    </message>
    <message>
        <source>Unexpected %1 after the JSON value</source>
        <translation>Unerwartet nach dem JSON-Wert: %1</translation>
    </message>
    <message>
        <source>Expected a member name in double quotes after &apos;,&apos;, found %1</source>
        <translation>Membername in doppelten Anführungszeichen nach &apos;,&apos; erwartet, gefunden: %1</translation>
    </message>
    <message>
        <source>Expected &apos;,&apos; or &apos;}&apos; after an object member, found %1</source>
        <translation>&apos;,&apos; oder &apos;}&apos; nach einem Objekt-Member erwartet, gefunden: %1</translation>
    </message>
    <message>
        <source>Expected &apos;,&apos; or &apos;]&apos; after an array element, found %1</source>
        <translation>&apos;,&apos; oder &apos;]&apos; nach einem Array-Element erwartet, gefunden: %1</translation>
    </message>
    <message>
        <source>Unexpected end of the text: expected a member name</source>
        <translation>Unerwartetes Ende des Textes: Membername erwartet</translation>
    </message>
    <message>
        <source>Expected &apos;:&apos; after the member name, found %1</source>
        <translation>&apos;:&apos; nach dem Membernamen erwartet, gefunden: %1</translation>
    </message>
    <message>
        <source>Unexpected end of the text inside a string (missing &apos;&quot;&apos;)</source>
        <translation>Unerwartetes Ende des Textes innerhalb einer Zeichenkette (&apos;&quot;&apos; fehlt)</translation>
    </message>
    <message>
        <source>Control character U+%1 must be escaped in a string</source>
        <translation>Das Steuerzeichen U+%1 muss in einer Zeichenkette maskiert werden</translation>
    </message>
    <message>
        <source>Unexpected end of the text in an escape sequence</source>
        <translation>Unerwartetes Ende des Textes in einer Escape-Sequenz</translation>
    </message>
    <message>
        <source>\u must be followed by four hexadecimal digits</source>
        <translation>Auf \u müssen vier Hexadezimalziffern folgen</translation>
    </message>
    <message>
        <source>Invalid escape sequence in a string: &apos;\&apos; followed by %1 (allowed: \&quot; \\ \/ \b \f \n \r \t \uXXXX)</source>
        <translation>Ungültige Escape-Sequenz in einer Zeichenkette: &apos;\&apos; gefolgt von %1 (erlaubt: \&quot; \\ \/ \b \f \n \r \t \uXXXX)</translation>
    </message>
    <message>
        <source>Invalid UTF-8 in a string: overlong encoding (byte 0x%1)</source>
        <translation>Ungültiges UTF-8 in einer Zeichenkette: überlange Kodierung (Byte 0x%1)</translation>
    </message>
    <message>
        <source>Invalid UTF-8 in a string: unexpected continuation byte 0x%1</source>
        <translation>Ungültiges UTF-8 in einer Zeichenkette: unerwartetes Folgebyte 0x%1</translation>
    </message>
    <message>
        <source>Invalid UTF-8 in a string: byte 0x%1 never occurs in UTF-8</source>
        <translation>Ungültiges UTF-8 in einer Zeichenkette: Byte 0x%1 kommt in UTF-8 nie vor</translation>
    </message>
    <message>
        <source>Invalid UTF-8 in a string: truncated sequence at the end</source>
        <translation>Ungültiges UTF-8 in einer Zeichenkette: abgeschnittene Sequenz am Ende</translation>
    </message>
    <message>
        <source>Invalid UTF-8 in a string: an encoded UTF-16 surrogate</source>
        <translation>Ungültiges UTF-8 in einer Zeichenkette: ein kodiertes UTF-16-Surrogat</translation>
    </message>
    <message>
        <source>Invalid UTF-8 in a string: code point beyond U+10FFFF</source>
        <translation>Ungültiges UTF-8 in einer Zeichenkette: Codepunkt jenseits von U+10FFFF</translation>
    </message>
    <message>
        <source>Invalid UTF-8 in a string: overlong encoding</source>
        <translation>Ungültiges UTF-8 in einer Zeichenkette: überlange Kodierung</translation>
    </message>
    <message>
        <source>Invalid UTF-8 in a string: incomplete sequence</source>
        <translation>Ungültiges UTF-8 in einer Zeichenkette: unvollständige Sequenz</translation>
    </message>
    <message>
        <source>Expected a digit after &apos;-&apos;, found %1</source>
        <translation>Ziffer nach &apos;-&apos; erwartet, gefunden: %1</translation>
    </message>
    <message>
        <source>A number must not have leading zeros</source>
        <translation>Eine Zahl darf keine führenden Nullen haben</translation>
    </message>
    <message>
        <source>Expected a digit after the decimal point, found %1</source>
        <translation>Ziffer nach dem Dezimalpunkt erwartet, gefunden: %1</translation>
    </message>
    <message>
        <source>Expected a digit in the exponent, found %1</source>
        <translation>Ziffer im Exponenten erwartet, gefunden: %1</translation>
    </message>
    <message>
        <source>Invalid literal: expected &apos;%1&apos;</source>
        <translation>Ungültiges Literal: &apos;%1&apos; erwartet</translation>
    </message>
</context>
<context>
    <name>statescope::metrics::Metrics</name>
    <message>
        <source>No %1 events in the range.</source>
        <translation>Keine Ereignisse von %1 im Bereich.</translation>
    </message>
    <message>
        <source>The path %1 matched no value in %2 %3 events.</source>
        <translation>Der Pfad %1 hat in %2 Ereignissen von %3 keinen Wert gefunden.</translation>
    </message>
    <message>
        <source>The path %1 matched %2 values in %3 events, none of them a number.</source>
        <translation>Der Pfad %1 hat %2 Werte in den Ereignissen von %3 gefunden, aber keiner davon ist eine Zahl.</translation>
    </message>
    <message>
        <source>Unknown metric &quot;%1&quot;.</source>
        <translation>Unbekannte Metrik „%1“.</translation>
    </message>
    <message>
        <source>Known metrics: %1.</source>
        <translation>Bekannte Metriken: %1.</translation>
    </message>
    <message>
        <source>The metric %1 has no parameter &quot;%2&quot;.</source>
        <translation>Die Metrik %1 hat keinen Parameter „%2“.</translation>
    </message>
    <message>
        <source>It takes no parameters.</source>
        <translation>Sie hat keine Parameter.</translation>
    </message>
    <message>
        <source>Its parameters: %1.</source>
        <translation>Ihre Parameter: %1.</translation>
    </message>
    <message>
        <source>The start of the range must come before its end.</source>
        <translation>Der Beginn des Bereichs muss vor seinem Ende liegen.</translation>
    </message>
    <message>
        <source>Unknown aggregate &quot;%1&quot; for %2.</source>
        <translation>Unbekannte Aggregation „%1“ für %2.</translation>
    </message>
    <message>
        <source>Use one of: %1.</source>
        <translation>Verwenden Sie eine der folgenden: %1.</translation>
    </message>
    <message>
        <source>The endpoint parameter is empty.</source>
        <translation>Der Parameter endpoint ist leer.</translation>
    </message>
    <message>
        <source>status must be an HTTP status code from 100 to 599, not &quot;%1&quot;.</source>
        <translation>status muss ein HTTP-Statuscode von 100 bis 599 sein, nicht „%1“.</translation>
    </message>
    <message>
        <source>rate must be true or false, not &quot;%1&quot;.</source>
        <translation>rate muss true oder false sein, nicht „%1“.</translation>
    </message>
    <message>
        <source>payload_value needs the parameter %1.</source>
        <translation>payload_value erfordert den Parameter %1.</translation>
    </message>
    <message>
        <source>For example: endpoint=/my/agent path=data.credits</source>
        <translation>Zum Beispiel: endpoint=/my/agent path=data.credits</translation>
    </message>
    <message>
        <source>Computing %1</source>
        <translation>%1 wird berechnet</translation>
    </message>
    <message>
        <source>Metrics need PostgreSQL 14 or newer (date_bin).</source>
        <translation>Metriken erfordern PostgreSQL 14 oder neuer (date_bin).</translation>
    </message>
    <message>
        <source>%1 has no table %2 for the metric %3.</source>
        <translation>%1 hat keine Tabelle %2 für die Metrik %3.</translation>
    </message>
    <message>
        <source>Migrate the database to the weekly schema.</source>
        <translation>Migrieren Sie die Datenbank auf das Schema einer Wochendatenbank.</translation>
    </message>
    <message>
        <source>No rows in the range.</source>
        <translation>Keine Zeilen im Bereich.</translation>
    </message>
    <message>
        <source>Computed %1</source>
        <translation>%1 berechnet</translation>
    </message>
    <message>
        <source>%1 of %2 weeks done</source>
        <translation>%1 von %2 Wochen erledigt</translation>
    </message>
    <message>
        <source>Name the view as schema.name, e.g. metrics.events_per_hour.</source>
        <translation>Geben Sie die Sicht als schema.name an, z. B. metrics.events_per_hour.</translation>
    </message>
    <message>
        <source>Refreshing %1</source>
        <translation>%1 wird aktualisiert</translation>
    </message>
    <message>
        <source>%1 has no materialized view %2.</source>
        <translation>%1 hat keine materialisierte Sicht %2.</translation>
    </message>
    <message>
        <source>List them with: statescope-cli metrics list</source>
        <translation>Auflisten mit: statescope-cli metrics list</translation>
    </message>
    <message>
        <source>%1 has no refresh log (statescope.matview_refreshes).</source>
        <translation>%1 hat kein Aktualisierungsprotokoll (statescope.matview_refreshes).</translation>
    </message>
    <message>
        <source>Migrate the database to schema version 6 or later.</source>
        <translation>Migrieren Sie die Datenbank auf Schemaversion 6 oder höher.</translation>
    </message>
    <message>
        <source>Refreshed %1</source>
        <translation>%1 aktualisiert</translation>
    </message>
    <message>
        <source>API events</source>
        <translation>API-Ereignisse</translation>
    </message>
    <message>
        <source>Raw API events fetched per bucket, one series per endpoint.</source>
        <translation>Abgerufene rohe API-Ereignisse je Intervall, eine Reihe je Endpunkt.</translation>
    </message>
    <message>
        <source>events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Failed requests</source>
        <translation>Fehlgeschlagene Anfragen</translation>
    </message>
    <message>
        <source>Responses with status 400 or more per bucket, as series 4xx and 5xx; status=N counts one exact code; rate=true gives the share of all requests instead.</source>
        <translation>Antworten mit Status 400 oder höher je Intervall, als Reihen 4xx und 5xx; status=N zählt genau einen Code; rate=true liefert stattdessen den Anteil an allen Anfragen.</translation>
    </message>
    <message>
        <source>requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Distinct payloads</source>
        <translation>Unterschiedliche Payloads</translation>
    </message>
    <message>
        <source>Different payload hashes per bucket (a re-fetch of unchanged data counts once).</source>
        <translation>Verschiedene Payload-Hashes je Intervall (ein erneuter Abruf unveränderter Daten zählt einmal).</translation>
    </message>
    <message>
        <source>payloads</source>
        <translation>Payloads</translation>
    </message>
    <message>
        <source>Payload size</source>
        <translation>Payload-Größe</translation>
    </message>
    <message>
        <source>Size of the stored payload text per bucket; agg=avg (default), sum or max.</source>
        <translation>Größe des gespeicherten Payload-Texts je Intervall; agg=avg (Standard), sum oder max.</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <source>Plays</source>
        <translation>Spielzüge</translation>
    </message>
    <message>
        <source>Plays recorded per bucket (by created_at).</source>
        <translation>Aufgezeichnete Spielzüge je Intervall (nach created_at).</translation>
    </message>
    <message>
        <source>plays</source>
        <translation>Spielzüge</translation>
    </message>
    <message>
        <source>Games completed</source>
        <translation>Abgeschlossene Spiele</translation>
    </message>
    <message>
        <source>Games completed per bucket (by completed_at).</source>
        <translation>Abgeschlossene Spiele je Intervall (nach completed_at).</translation>
    </message>
    <message>
        <source>games</source>
        <translation>Spiele</translation>
    </message>
    <message>
        <source>Snapshots</source>
        <translation>Snapshots</translation>
    </message>
    <message>
        <source>World snapshots per bucket (by game_time).</source>
        <translation>Welt-Snapshots je Intervall (nach game_time).</translation>
    </message>
    <message>
        <source>snapshots</source>
        <translation>Snapshots</translation>
    </message>
    <message>
        <source>Payload value</source>
        <translation>Payload-Wert</translation>
    </message>
    <message>
        <source>A number inside the payloads of one endpoint per bucket: endpoint=/my/agent path=data.credits (array items as [n]), agg=avg (default), min, max or last. Values that are not JSON numbers are left out.</source>
        <translation>Eine Zahl in den Payloads eines Endpunkts je Intervall: endpoint=/my/agent path=data.credits (Array-Elemente als [n]), agg=avg (Standard), min, max oder last. Werte, die keine JSON-Zahlen sind, werden ausgelassen.</translation>
    </message>
    <message>
        <source>value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>The path &quot;%1&quot; is not valid: %2</source>
        <translation>Der Pfad „%1“ ist ungültig: %2</translation>
    </message>
    <message>
        <source>Write keys with dots and array items as [n], e.g. data.credits or data.ships[0].fuel.current.</source>
        <translation>Trennen Sie Schlüssel durch Punkte und schreiben Sie Array-Elemente als [n], z. B. data.credits oder data.ships[0].fuel.current.</translation>
    </message>
    <message>
        <source>it is empty.</source>
        <translation>er ist leer.</translation>
    </message>
    <message>
        <source>it is longer than %1 characters.</source>
        <translation>er ist länger als %1 Zeichen.</translation>
    </message>
    <message>
        <source>an array index must be [n] with a whole number n.</source>
        <translation>ein Array-Index muss die Form [n] mit einer ganzen Zahl n haben.</translation>
    </message>
    <message>
        <source>expected a key at position %1.</source>
        <translation>an Position %1 wurde ein Schlüssel erwartet.</translation>
    </message>
    <message>
        <source>it has more than %1 steps.</source>
        <translation>er hat mehr als %1 Schritte.</translation>
    </message>
    <message>
        <source>expected a key after the dot at position %1.</source>
        <translation>nach dem Punkt an Position %1 wurde ein Schlüssel erwartet.</translation>
    </message>
    <message>
        <source>unexpected &quot;%1&quot; at position %2.</source>
        <translation>unerwartetes „%1“ an Position %2.</translation>
    </message>
    <message>
        <source>The metric query is empty.</source>
        <translation>Die Metrikabfrage ist leer.</translation>
    </message>
    <message>
        <source>A metric query must be a SELECT (or WITH ... SELECT), not %1.</source>
        <translation>Eine Metrikabfrage muss ein SELECT (oder WITH ... SELECT) sein, nicht %1.</translation>
    </message>
    <message>
        <source>Return (time, value[, series]) rows, e.g. SELECT date_trunc(&apos;hour&apos;, fetched_at), count(*) FROM raw.api_events GROUP BY 1 ORDER BY 1</source>
        <translation>Liefern Sie Zeilen der Form (Zeit, Wert[, Reihe]), z. B. SELECT date_trunc(&apos;hour&apos;, fetched_at), count(*) FROM raw.api_events GROUP BY 1 ORDER BY 1</translation>
    </message>
    <message>
        <source>A metric query must be a single statement.</source>
        <translation>Eine Metrikabfrage muss aus einer einzigen Anweisung bestehen.</translation>
    </message>
    <message>
        <source>Remove everything after the first &apos;;&apos;.</source>
        <translation>Entfernen Sie alles nach dem ersten „;“.</translation>
    </message>
    <message>
        <source>type OID %1</source>
        <translation>Typ-OID %1</translation>
    </message>
    <message>
        <source>A metric query returns a time (timestamptz, timestamp or date), a number and optionally a text series name, in that order.</source>
        <translation>Eine Metrikabfrage liefert eine Zeit (timestamptz, timestamp oder date), eine Zahl und optional einen Reihennamen als Text, in dieser Reihenfolge.</translation>
    </message>
    <message numerus="yes">
        <source>It returned %n column(s): %1. Cast where needed, e.g. count(*)::bigint, endpoint::text.</source>
        <translation>
            <numerusform>Sie lieferte %n Spalte: %1. Konvertieren Sie den Typ bei Bedarf, z. B. count(*)::bigint, endpoint::text.</numerusform>
            <numerusform>Sie lieferte %n Spalten: %1. Konvertieren Sie den Typ bei Bedarf, z. B. count(*)::bigint, endpoint::text.</numerusform>
        </translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>The timeout must be from 1 to %1 ms.</source>
        <translation>Das Zeitlimit muss zwischen 1 und %1 ms liegen.</translation>
    </message>
    <message>
        <source>Running the metric query</source>
        <translation>Metrikabfrage wird ausgeführt</translation>
    </message>
    <message>
        <source>The metric query ran too long and was stopped after %1 ms.</source>
        <translation>Die Metrikabfrage lief zu lange und wurde nach %1 ms abgebrochen.</translation>
    </message>
    <message>
        <source>Narrow it (a time range, fewer rows) or allow more time.</source>
        <translation>Schränken Sie sie ein (Zeitbereich, weniger Zeilen) oder lassen Sie mehr Zeit zu.</translation>
    </message>
    <message>
        <source>A metric query may only read; this one tried to write.</source>
        <translation>Eine Metrikabfrage darf nur lesen; diese hat versucht zu schreiben.</translation>
    </message>
    <message>
        <source>The query returned no rows.</source>
        <translation>Die Abfrage lieferte keine Zeilen.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) left out: no time, no finite number, or a time outside the calendar (infinity, BC).</source>
        <translation>
            <numerusform>%n Zeile ausgelassen: keine Zeit, keine endliche Zahl oder eine Zeit außerhalb des Kalenders (infinity, v. Chr.).</numerusform>
            <numerusform>%n Zeilen ausgelassen: keine Zeit, keine endliche Zahl oder eine Zeit außerhalb des Kalenders (infinity, v. Chr.).</numerusform>
        </translation>
    </message>
    <message>
        <source>Metric query done</source>
        <translation>Metrikabfrage abgeschlossen</translation>
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
    <message numerus="yes">
        <source>%n database(s)</source>
        <translation>
            <numerusform>%n Datenbank</numerusform>
            <numerusform>%n Datenbanken</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>statescope::models::DiffTreeModel</name>
    <message>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Δ</source>
        <translation>Δ</translation>
    </message>
</context>
<context>
    <name>statescope::models::EventTableModel</name>
    <message>
        <source>(no time)</source>
        <translation>(keine Zeit)</translation>
    </message>
    <message>
        <source>%L1 bytes as stored (compressed when large)</source>
        <translation>%L1 Bytes wie gespeichert (komprimiert, wenn groß)</translation>
    </message>
    <message>
        <source>Fetched at (UTC)</source>
        <translation>Abgerufen am (UTC)</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <source>Request key</source>
        <translation>Anfrageschlüssel</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Payload hash</source>
        <translation>Payload-Hash</translation>
    </message>
    <message>
        <source>There is no event %1.</source>
        <translation>Es gibt kein Ereignis %1.</translation>
    </message>
</context>
<context>
    <name>statescope::models::GameListModel</name>
    <message>
        <source>%1 - %2</source>
        <translation>%1 - %2</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>play %1</source>
        <translation>Spielzug %1</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>Game</source>
        <translation>Spiel</translation>
    </message>
    <message>
        <source>League</source>
        <translation>Liga</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Away - Home</source>
        <translation>Gast - Heim</translation>
    </message>
    <message>
        <source>Inning</source>
        <translation>Inning</translation>
    </message>
    <message>
        <source>Plays</source>
        <translation>Spielzüge</translation>
    </message>
    <message>
        <source>Consistency</source>
        <translation>Konsistenz</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>%1 %2, %3 out, bases %4, %5-%6</source>
        <translation>%1 %2, %3 Aus, Bases %4, %5-%6</translation>
    </message>
</context>
<context>
    <name>statescope::models::JsonTreeModel</name>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>false</source>
        <translation>false</translation>
    </message>
    <message>
        <source>true</source>
        <translation>true</translation>
    </message>
    <message>
        <source>number</source>
        <translation>Zahl</translation>
    </message>
    <message>
        <source>string</source>
        <translation>Zeichenkette</translation>
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
    <name>statescope::models::PlayListModel</name>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 - %2</source>
        <translation>%1 - %2</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Inning</source>
        <translation>Inning</translation>
    </message>
    <message>
        <source>Outs</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>Bases</source>
        <translation>Bases</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Spielstand</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Runs</translation>
    </message>
</context>
<context>
    <name>statescope::models::SeriesTableModel</name>
    <message>
        <source>+%1 h</source>
        <translation>+%1 h</translation>
    </message>
    <message>
        <source>Since reset</source>
        <translation>Seit dem Reset</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Zeit (UTC)</translation>
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
    <message>
        <source>Check the user name.</source>
        <translation>Prüfen Sie den Benutzernamen.</translation>
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
    <message>
        <source>Invalid connection string: port &quot;%1&quot; is not a number from 1 to 65535.</source>
        <translation>Ungültige Verbindungszeichenfolge: Der Port „%1“ ist keine Zahl von 1 bis 65535.</translation>
    </message>
    <message>
        <source>Invalid connection string: connect_timeout &quot;%1&quot; is not a number of seconds.</source>
        <translation>Ungültige Verbindungszeichenfolge: connect_timeout „%1“ ist keine Angabe in Sekunden.</translation>
    </message>
</context>
<context>
    <name>statescope::replay::Consistency</name>
    <message>
        <source>Play %1: %2 is %3, expected %4.</source>
        <translation>Spielzug %1: %2 ist %3, erwartet %4.</translation>
    </message>
</context>
<context>
    <name>statescope::replay::GameStore</name>
    <message>
        <source>card %1</source>
        <translation>Karte %1</translation>
    </message>
    <message>
        <source>player %1</source>
        <translation>Spieler %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a game id.</source>
        <translation>„%1“ ist keine Spiel-ID.</translation>
    </message>
    <message>
        <source>Game ids are UUIDs, e.g. 7f3c2a10-0000-4000-8000-000000000000.</source>
        <translation>Spiel-IDs sind UUIDs, z. B. 7f3c2a10-0000-4000-8000-000000000000.</translation>
    </message>
    <message>
        <source>The limit must be between 1 and 100000.</source>
        <translation>Das Limit muss zwischen 1 und 100000 liegen.</translation>
    </message>
    <message>
        <source>There is no game %1.</source>
        <translation>Es gibt kein Spiel %1.</translation>
    </message>
</context>
<context>
    <name>statescope::replay::Notifier</name>
    <message>
        <source>The webhook address &quot;%1&quot; is not an http(s) URL.</source>
        <translation>Die Webhook-Adresse „%1“ ist keine http(s)-URL.</translation>
    </message>
    <message>
        <source>The game server did not answer within %1 s.</source>
        <translation>Der Spielserver hat nicht innerhalb von %1 s geantwortet.</translation>
    </message>
    <message>
        <source>The game server answered HTTP %1.</source>
        <translation>Der Spielserver hat mit HTTP %1 geantwortet.</translation>
    </message>
</context>
<context>
    <name>statescope::replay::Rollback</name>
    <message>
        <source>%1 has no rollback archive yet (schema older than version 5).</source>
        <translation>%1 hat noch kein Rollback-Archiv (Schema älter als Version 5).</translation>
    </message>
    <message>
        <source>Migrate the database first: Admin pane, or statescope-cli db migrate.</source>
        <translation>Migrieren Sie zuerst die Datenbank: im Admin-Bereich oder mit statescope-cli db migrate.</translation>
    </message>
    <message>
        <source>Game %1 is busy: another session is writing to it.</source>
        <translation>Spiel %1 ist belegt: Eine andere Sitzung schreibt gerade in dieses Spiel.</translation>
    </message>
    <message>
        <source>Try again when the game server has finished its write.</source>
        <translation>Versuchen Sie es erneut, wenn der Spielserver seinen Schreibvorgang abgeschlossen hat.</translation>
    </message>
    <message>
        <source>Game %1 is completed; completed games cannot be rolled back.</source>
        <translation>Spiel %1 ist abgeschlossen; abgeschlossene Spiele können nicht zurückgerollt werden.</translation>
    </message>
    <message>
        <source>Play %1 is out of range: game %2 has plays 0 to %3.</source>
        <translation>Spielzug %1 liegt außerhalb des gültigen Bereichs: Spiel %2 hat die Spielzüge 0 bis %3.</translation>
    </message>
    <message>
        <source>Game %1 has no play %2 to roll back to.</source>
        <translation>Spiel %1 hat keinen Spielzug %2, auf den zurückgerollt werden kann.</translation>
    </message>
    <message>
        <source>A rollback needs a reason; it is kept in the audit log.</source>
        <translation>Ein Rollback erfordert eine Begründung; sie wird im Audit-Protokoll gespeichert.</translation>
    </message>
    <message>
        <source>There is no rollback %1.</source>
        <translation>Es gibt kein Rollback %1.</translation>
    </message>
    <message>
        <source>Rollback %1 was already undone.</source>
        <translation>Rollback %1 wurde bereits rückgängig gemacht.</translation>
    </message>
    <message>
        <source>Rollback %1 of this game came later and is still in force.</source>
        <translation>Rollback %1 dieses Spiels erfolgte später und ist noch wirksam.</translation>
    </message>
    <message>
        <source>Undo rollback %1 first.</source>
        <translation>Machen Sie zuerst Rollback %1 rückgängig.</translation>
    </message>
    <message>
        <source>Game %1 has plays up to %2, written after the rollback to %3; the rollback can no longer be undone.</source>
        <translation>Spiel %1 hat Spielzüge bis %2, die nach dem Zurückrollen auf %3 geschrieben wurden; das Rollback kann nicht mehr rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Roll back the newer plays first if they should go too.</source>
        <translation>Rollen Sie zuerst die neueren Spielzüge zurück, falls auch diese entfernt werden sollen.</translation>
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
    <name>statescope::snapshots::SaveStore</name>
    <message>
        <source>SHA-256, in lower-case hex, of snapshot_data as PostgreSQL prints jsonb (snapshot_data::text in UTF-8: keys shorter first, then by bytes; &quot;, &quot; and &quot;: &quot; between items). The stored checksum matches when it is the same hex string, ignoring case and surrounding spaces.</source>
        <translation>SHA-256 in Hexadezimal mit Kleinbuchstaben über snapshot_data, so wie PostgreSQL jsonb ausgibt (snapshot_data::text in UTF-8: kürzere Schlüssel zuerst, dann nach Bytes; &quot;, &quot; und &quot;: &quot; zwischen den Einträgen). Die gespeicherte Prüfsumme stimmt überein, wenn sie dieselbe Hex-Zeichenkette ist, ohne Berücksichtigung von Groß-/Kleinschreibung und umgebenden Leerzeichen.</translation>
    </message>
    <message>
        <source>%1 has no save_snapshots table.</source>
        <translation>%1 hat keine Tabelle save_snapshots.</translation>
    </message>
    <message>
        <source>Migrate to version 7 for core.save_snapshots.</source>
        <translation>Migrieren Sie auf Version 7, um core.save_snapshots zu erhalten.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a player id (a UUID).</source>
        <translation>„%1“ ist keine Spieler-ID (eine UUID).</translation>
    </message>
    <message>
        <source>There is no save %1.</source>
        <translation>Es gibt keinen Spielstand %1.</translation>
    </message>
</context>
<context>
    <name>statescope::snapshots::SnapshotAdmin</name>
    <message>
        <source>The confirmation &quot;%1&quot; does not match the database name %2; nothing was changed.</source>
        <translation>Die Bestätigung „%1“ stimmt nicht mit dem Datenbanknamen %2 überein; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Type the database name exactly to confirm.</source>
        <translation>Geben Sie zur Bestätigung den Datenbanknamen exakt ein.</translation>
    </message>
    <message>
        <source>%1 has no snapshot archive yet (schema older than version 7).</source>
        <translation>%1 hat noch kein Snapshot-Archiv (Schema älter als Version 7).</translation>
    </message>
    <message>
        <source>Migrate the database first: Admin pane, or statescope-cli db migrate.</source>
        <translation>Migrieren Sie zuerst die Datenbank: im Admin-Bereich oder mit statescope-cli db migrate.</translation>
    </message>
    <message>
        <source>core.snapshots is busy: another session is writing to it.</source>
        <translation>core.snapshots ist belegt: Eine andere Sitzung schreibt gerade hinein.</translation>
    </message>
    <message>
        <source>Try again when the game server has written its snapshot.</source>
        <translation>Versuchen Sie es erneut, wenn der Spielserver seinen Snapshot geschrieben hat.</translation>
    </message>
    <message>
        <source>Planned %1 snapshots but archived %2 and deleted %3; nothing was changed.</source>
        <translation>%1 Snapshots geplant, aber %2 archiviert und %3 gelöscht; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Retention policy: keep the newest %1, none younger than %2 s.</source>
        <translation>Aufbewahrungsrichtlinie: die neuesten %1 behalten, keine jünger als %2 s.</translation>
    </message>
    <message>
        <source>Rolling the world back needs a reason; it is kept in the audit log.</source>
        <translation>Das Zurückrollen der Welt erfordert eine Begründung; sie wird im Audit-Protokoll gespeichert.</translation>
    </message>
    <message>
        <source>There is no snapshot operation %1.</source>
        <translation>Es gibt keinen Snapshot-Vorgang %1.</translation>
    </message>
    <message>
        <source>Snapshot operation %1 was already undone.</source>
        <translation>Snapshot-Vorgang %1 wurde bereits rückgängig gemacht.</translation>
    </message>
    <message>
        <source>%1 archived snapshots have ids that are in use again (first: %2).</source>
        <translation>%1 archivierte Snapshots haben IDs, die wieder in Verwendung sind (erste: %2).</translation>
    </message>
    <message>
        <source>%1 snapshots after tick %2 were written since the roll back (first tick %3); restoring would mix two timelines.</source>
        <translation>Seit dem Zurückrollen wurden %1 Snapshots nach Tick %2 geschrieben (erster Tick %3); eine Wiederherstellung würde zwei Zeitlinien vermischen.</translation>
    </message>
    <message>
        <source>Roll back to tick %1 first if the newer snapshots should go.</source>
        <translation>Rollen Sie zuerst auf Tick %1 zurück, wenn die neueren Snapshots entfernt werden sollen.</translation>
    </message>
    <message>
        <source>Snapshot operation %1 came later and is still in force.</source>
        <translation>Snapshot-Vorgang %1 erfolgte später und ist noch wirksam.</translation>
    </message>
    <message>
        <source>Undo operation %1 first.</source>
        <translation>Machen Sie zuerst Vorgang %1 rückgängig.</translation>
    </message>
</context>
<context>
    <name>statescope::snapshots::SnapshotStore</name>
    <message>
        <source>No snapshot has tick %1.</source>
        <translation>Kein Snapshot hat Tick %1.</translation>
    </message>
    <message>
        <source>core.snapshots is empty.</source>
        <translation>core.snapshots ist leer.</translation>
    </message>
    <message>
        <source>Ticks run from %1 to %2; see the list of snapshots.</source>
        <translation>Die Ticks reichen von %1 bis %2; siehe die Liste der Snapshots.</translation>
    </message>
    <message>
        <source>There is no snapshot with id %1.</source>
        <translation>Es gibt keinen Snapshot mit der ID %1.</translation>
    </message>
    <message>
        <source>A restart recovers from the latest snapshot by tick_number; when several share that tick, the one created last (created_at), then the highest id. (The game server prefers a newer live tick held elsewhere, which the database cannot see.)</source>
        <translation>Ein Neustart stellt den Zustand aus dem neuesten Snapshot nach tick_number wieder her; teilen sich mehrere diesen Tick, aus dem zuletzt erstellten (created_at), dann aus dem mit der höchsten ID. (Der Spielserver bevorzugt einen neueren Live-Tick, der anderswo gehalten wird und für die Datenbank nicht sichtbar ist.)</translation>
    </message>
    <message>
        <source>The retention policy must keep from 1 to %1 snapshots, not %2.</source>
        <translation>Die Aufbewahrungsrichtlinie muss 1 bis %1 Snapshots behalten, nicht %2.</translation>
    </message>
    <message>
        <source>The minimum age to prune cannot be negative.</source>
        <translation>Das Mindestalter für die Bereinigung darf nicht negativ sein.</translation>
    </message>
</context>
<context>
    <name>statescope::snapshots::StateDiff</name>
    <message>
        <source>The %1 document is not valid JSON: %2 at line %3, column %4.</source>
        <translation>Das Dokument %1 ist kein gültiges JSON: %2 in Zeile %3, Spalte %4.</translation>
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
