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
        <source>&amp;New</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>optional: told about rollbacks</source>
        <translation>optional: wird über Rollbacks benachrichtigt</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>Servers</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>&amp;Profiles</source>
        <translation>&amp;Profile</translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation>Na&amp;me:</translation>
    </message>
    <message>
        <source>prod-eu, staging, Sandbox…</source>
        <translation>prod-eu, staging, Sandbox…</translation>
    </message>
    <message>
        <source>Colour…</source>
        <translation>Farbe…</translation>
    </message>
    <message>
        <source>A colour that tints the window while this server is open</source>
        <translation>Eine Farbe, die das Fenster einfärbt, solange dieser Server geöffnet ist</translation>
    </message>
    <message>
        <source>No colour</source>
        <translation>Keine Farbe</translation>
    </message>
    <message>
        <source>P&amp;roduction</source>
        <translation>Produ&amp;ktion</translation>
    </message>
    <message>
        <source>Marks the window PRODUCTION while this server is open</source>
        <translation>Kennzeichnet das Fenster als PRODUKTION, solange dieser Server geöffnet ist</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>default: the local socket</source>
        <translation>Standard: der lokale Socket</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>P&amp;ort:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <source>default: your login name</source>
        <translation>Standard: Ihr Anmeldename</translation>
    </message>
    <message>
        <source>Data&amp;base:</source>
        <translation>&amp;Datenbank:</translation>
    </message>
    <message>
        <source>~/.postgresql/root.crt</source>
        <translation>~/.postgresql/root.crt</translation>
    </message>
    <message>
        <source>Choose the root certificate file</source>
        <translation>Datei mit dem Stammzertifikat auswählen</translation>
    </message>
    <message>
        <source>host=db1 user=analyst  or  postgresql://…  or  service=prod</source>
        <translation>host=db1 user=analyst  oder  postgresql://…  oder  service=prod</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>P&amp;asswort:</translation>
    </message>
    <message>
        <source>keychain, ~/.pgpass, or asked</source>
        <translation>Schlüsselbund, ~/.pgpass oder Abfrage</translation>
    </message>
    <message>
        <source>Save in the system &amp;keychain</source>
        <translation>&amp;Im System-Schlüsselbund speichern</translation>
    </message>
    <message>
        <source>&amp;Save profile</source>
        <translation>Profil sp&amp;eichern</translation>
    </message>
    <message>
        <source>Save the profile (Ctrl+S); it does not connect</source>
        <translation>Das Profil speichern (Strg+S); es wird keine Verbindung hergestellt</translation>
    </message>
    <message>
        <source>Dupl&amp;icate</source>
        <translation>D&amp;uplizieren</translation>
    </message>
    <message>
        <source>SS&amp;L mode:</source>
        <translation>&amp;SSL-Modus:</translation>
    </message>
    <message>
        <source>Root certi&amp;ficate:</source>
        <translation>Stamm&amp;zertifikat:</translation>
    </message>
    <message>
        <source>Connection strin&amp;g:</source>
        <translation>Verbindungszeichenfol&amp;ge:</translation>
    </message>
    <message>
        <source>Read replic&amp;a:</source>
        <translation>Lese&amp;replikat:</translation>
    </message>
    <message>
        <source>W&amp;ebhook:</source>
        <translation>&amp;Webhook:</translation>
    </message>
    <message>
        <source>Failo&amp;ver monitor:</source>
        <translation>&amp;Failover-Monitor:</translation>
    </message>
    <message>
        <source>optional: postgres://autoctl_node@monitor:5000/pg_auto_failover</source>
        <translation>optional: postgres://autoctl_node@monitor:5000/pg_auto_failover</translation>
    </message>
    <message>
        <source>A pg_auto_failover monitor: it names the formation&apos;s nodes, so Host and Port are not used. Writes go to the current primary, whichever node that is after a failover.</source>
        <translation>Ein pg_auto_failover-Monitor: Er nennt die Knoten der Formation, daher werden Host und Port nicht verwendet. Schreibzugriffe gehen an den aktuellen Primärserver, welcher Knoten das nach einem Failover auch ist.</translation>
    </message>
    <message>
        <source>Formation:</source>
        <translation>Formation:</translation>
    </message>
    <message>
        <source>PgBouncer port:</source>
        <translation>PgBouncer-Port:</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>Reach each node through the PgBouncer on its host at this port instead of the node&apos;s own port</source>
        <translation>Jeden Knoten über den PgBouncer auf seinem Host an diesem Port erreichen statt über den eigenen Port des Knotens</translation>
    </message>
    <message>
        <source>Browse on a standb&amp;y</source>
        <translation>Auf einem Standb&amp;y lesen</translation>
    </message>
    <message>
        <source>With a failover monitor or several hosts: browsing reads on a standby when one answers (target_session_attrs=prefer-standby); writes and admin always go to the primary</source>
        <translation>Mit einem Failover-Monitor oder mehreren Hosts: Beim Durchsuchen wird auf einem Standby gelesen, wenn einer antwortet (target_session_attrs=prefer-standby); Schreibzugriffe und Verwaltung gehen immer an den Primärserver</translation>
    </message>
    <message>
        <source>optional: host=replica1</source>
        <translation>optional: host=replica1</translation>
    </message>
    <message>
        <source>A read replica: browsing reads there; writes and admin go to the server above.</source>
        <translation>Ein Lesereplikat: Beim Durchsuchen wird dort gelesen; Schreibzugriffe und Verwaltung gehen an den Server oben.</translation>
    </message>
</context>
<context>
    <name>Layout</name>
    <message>
        <source>detected</source>
        <translation>erkannt</translation>
    </message>
    <message>
        <source>layout file</source>
        <translation>Layout-Datei</translation>
    </message>
    <message>
        <source>settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>API events</source>
        <translation>API-Ereignisse</translation>
    </message>
    <message>
        <source>world snapshots</source>
        <translation>Welt-Snapshots</translation>
    </message>
    <message>
        <source>game configuration</source>
        <translation>Spielkonfiguration</translation>
    </message>
    <message>
        <source>games</source>
        <translation>Spiele</translation>
    </message>
    <message>
        <source>plays</source>
        <translation>Spielzüge</translation>
    </message>
    <message>
        <source>lineups</source>
        <translation>Aufstellungen</translation>
    </message>
    <message>
        <source>dice rolls</source>
        <translation>Würfelwürfe</translation>
    </message>
    <message>
        <source>roster links</source>
        <translation>Kaderverknüpfungen</translation>
    </message>
    <message>
        <source>game sessions</source>
        <translation>Spielsitzungen</translation>
    </message>
    <message>
        <source>saves</source>
        <translation>Spielstände</translation>
    </message>
    <message>
        <source>player events</source>
        <translation>Spielerereignisse</translation>
    </message>
    <message>
        <source>maneuver events</source>
        <translation>Manöverereignisse</translation>
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
    <name>PlanTree</name>
    <message>
        <source>%1 of %2 estimated, %3 loops</source>
        <translation>%1 von %2 geschätzt, %3 Durchläufe</translation>
    </message>
    <message>
        <source>%1 estimated</source>
        <translation>%1 geschätzt</translation>
    </message>
    <message>
        <source>%1  ◀ costliest</source>
        <translation>%1  ◀ teuerster</translation>
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
    <name>SchemaObject</name>
    <message>
        <source>extension</source>
        <translation>Erweiterung</translation>
    </message>
    <message>
        <source>schema</source>
        <translation>Schema</translation>
    </message>
    <message>
        <source>server</source>
        <translation>Fremdserver</translation>
    </message>
    <message>
        <source>user mapping</source>
        <translation>Benutzerzuordnung</translation>
    </message>
    <message>
        <source>type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>collation</source>
        <translation>Sortierfolge</translation>
    </message>
    <message>
        <source>sequence</source>
        <translation>Sequenz</translation>
    </message>
    <message>
        <source>table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <source>constraint</source>
        <translation>Constraint</translation>
    </message>
    <message>
        <source>index</source>
        <translation>Index</translation>
    </message>
    <message>
        <source>partition</source>
        <translation>Partition</translation>
    </message>
    <message>
        <source>view</source>
        <translation>Sicht</translation>
    </message>
    <message>
        <source>materialized view</source>
        <translation>materialisierte Sicht</translation>
    </message>
    <message>
        <source>function</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <source>trigger</source>
        <translation>Trigger</translation>
    </message>
    <message>
        <source>policy</source>
        <translation>Richtlinie</translation>
    </message>
    <message>
        <source>grant</source>
        <translation>Recht</translation>
    </message>
    <message>
        <source>comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>statistics</source>
        <translation>Statistik</translation>
    </message>
    <message>
        <source>rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>default privilege</source>
        <translation>Standardrecht</translation>
    </message>
    <message>
        <source>owner</source>
        <translation>Eigentümer</translation>
    </message>
</context>
<context>
    <name>main</name>
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
    <message>
        <source>Inspect, compare, replay and administer per-reset PostgreSQL game databases.
With no option and no saved connection profile, Statescope opens the embedded default: a private PostgreSQL sandbox with demo data.</source>
        <translation>PostgreSQL-Spieldatenbanken je Reset untersuchen, vergleichen, wiedergeben und verwalten.
Ohne Option und ohne gespeichertes Verbindungsprofil öffnet Statescope die eingebaute Voreinstellung: eine private PostgreSQL-Sandbox mit Demodaten.</translation>
    </message>
    <message>
        <source>Check that the application comes up, then exit: open the sandbox (or the --server), wait until the main window lists its databases, print them and exit with status 0 (1 on an error or after the time limit). Uses the offscreen platform unless QT_QPA_PLATFORM is set.</source>
        <translation>Prüfen, ob die Anwendung startet, und dann beenden: die Sandbox (oder den --server) öffnen, warten, bis das Hauptfenster dessen Datenbanken auflistet, diese ausgeben und mit Status 0 beenden (1 bei einem Fehler oder nach Ablauf des Zeitlimits). Verwendet die Plattform offscreen, sofern QT_QPA_PLATFORM nicht gesetzt ist.</translation>
    </message>
    <message>
        <source>Time limit of --smoke in seconds (default %1).</source>
        <translation>Zeitlimit von --smoke in Sekunden (Standard %1).</translation>
    </message>
    <message>
        <source>Start (or reuse) the private sandbox server with demo data and connect to it. Its folder: $STATESCOPE_SANDBOX_DIR if set, else ~/.local/share/statescope/sandbox (/var/lib/statescope/sandbox for root).</source>
        <translation>Den privaten Sandbox-Server mit Demodaten starten (oder wiederverwenden) und sich damit verbinden. Sein Ordner: $STATESCOPE_SANDBOX_DIR, falls gesetzt, sonst ~/.local/share/statescope/sandbox (/var/lib/statescope/sandbox für root).</translation>
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
    <name>statescope::PartialFile</name>
    <message>
        <source>%1 already exists and is not a file this export can replace (a link, or not yours); nothing was written.</source>
        <translation>%1 existiert bereits und ist keine Datei, die dieser Export ersetzen darf (ein Link, oder nicht Ihre); es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>Remove it, or choose another file.</source>
        <translation>Entfernen Sie sie, oder wählen Sie eine andere Datei.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>%1 was already closed.</source>
        <translation>%1 wurde bereits geschlossen.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Could not rename %1 to %2: %3</source>
        <translation>%1 konnte nicht in %2 umbenannt werden: %3</translation>
    </message>
</context>
<context>
    <name>statescope::activity::Activity</name>
    <message>
        <source>%1: this Statescope&apos;s own session</source>
        <translation>%1: die eigene Sitzung dieses Statescope</translation>
    </message>
    <message>
        <source>%1: a %2, not a client session</source>
        <translation>%1: ein Prozess vom Typ %2, keine Client-Sitzung</translation>
    </message>
    <message>
        <source>%1: no such session (it may have ended)</source>
        <translation>%1: keine solche Sitzung (sie wurde möglicherweise beendet)</translation>
    </message>
    <message>
        <source>The session limit %1 is out of range: 1 to 10000.</source>
        <translation>Das Sitzungslimit %1 liegt außerhalb des zulässigen Bereichs: 1 bis 10000.</translation>
    </message>
    <message>
        <source>%1 is neither a superuser nor a member of pg_read_all_stats: other roles&apos; statements, clients and waits are hidden (&quot;&lt;insufficient privilege&gt;&quot;).</source>
        <translation>%1 ist weder Superuser noch Mitglied von pg_read_all_stats: Anweisungen, Clients und Wartezustände anderer Rollen werden ausgeblendet („&lt;insufficient privilege&gt;“).</translation>
    </message>
    <message>
        <source>The lock limit %1 is out of range: 1 to 10000.</source>
        <translation>Das Sperrenlimit %1 liegt außerhalb des zulässigen Bereichs: 1 bis 10000.</translation>
    </message>
    <message>
        <source>No session given.</source>
        <translation>Keine Sitzung angegeben.</translation>
    </message>
    <message>
        <source>%1 is not a process id.</source>
        <translation>%1 ist keine Prozess-ID.</translation>
    </message>
    <message>
        <source>No database given.</source>
        <translation>Keine Datenbank angegeben.</translation>
    </message>
    <message>
        <source>Session %1 is not blocked by anyone now.</source>
        <translation>Sitzung %1 wird derzeit von niemandem blockiert.</translation>
    </message>
    <message>
        <source>The confirmation does not match &quot;%1&quot;; nothing was stopped.</source>
        <translation>Die Bestätigung stimmt nicht mit „%1“ überein; es wurde nichts gestoppt.</translation>
    </message>
    <message>
        <source>No session to stop: %1</source>
        <translation>Keine Sitzung zu stoppen: %1</translation>
    </message>
    <message>
        <source>Stopping sessions</source>
        <translation>Sitzungen werden gestoppt</translation>
    </message>
    <message>
        <source>The local audit journal could not be written; nothing was stopped.</source>
        <translation>Das lokale Audit-Protokoll konnte nicht geschrieben werden; es wurde nichts gestoppt.</translation>
    </message>
    <message>
        <source>Order by total, mean, calls or rows, not &quot;%1&quot;.</source>
        <translation>Sortieren Sie nach total, mean, calls oder rows, nicht nach „%1“.</translation>
    </message>
    <message>
        <source>The statement limit %1 is out of range: 1 to 1000.</source>
        <translation>Das Anweisungslimit %1 liegt außerhalb des zulässigen Bereichs: 1 bis 1000.</translation>
    </message>
    <message>
        <source>pg_stat_statements is loaded but not created in %1: CREATE EXTENSION pg_stat_statements; (as a superuser) shows every database&apos;s statements.</source>
        <translation>pg_stat_statements ist geladen, aber in %1 nicht erstellt: CREATE EXTENSION pg_stat_statements; (als Superuser) zeigt die Anweisungen aller Datenbanken.</translation>
    </message>
    <message>
        <source>pg_stat_statements is not available: add it to shared_preload_libraries in postgresql.conf, restart the server, then CREATE EXTENSION pg_stat_statements;</source>
        <translation>pg_stat_statements ist nicht verfügbar: Fügen Sie es in postgresql.conf zu shared_preload_libraries hinzu, starten Sie den Server neu, dann: CREATE EXTENSION pg_stat_statements;</translation>
    </message>
    <message>
        <source>The confirmation does not match the database name %1; nothing was reset.</source>
        <translation>Die Bestätigung stimmt nicht mit dem Datenbanknamen %1 überein; es wurde nichts zurückgesetzt.</translation>
    </message>
    <message>
        <source>pg_stat_statements is not created in %1.</source>
        <translation>pg_stat_statements ist in %1 nicht erstellt.</translation>
    </message>
    <message>
        <source>The local audit journal could not be written; nothing was reset.</source>
        <translation>Das lokale Audit-Protokoll konnte nicht geschrieben werden; es wurde nichts zurückgesetzt.</translation>
    </message>
    <message>
        <source>No statement to plan.</source>
        <translation>Keine Anweisung zum Planen.</translation>
    </message>
    <message>
        <source>The statement has %1 parameters; at most 1000 are planned.</source>
        <translation>Die Anweisung hat %1 Parameter; geplant werden höchstens 1000.</translation>
    </message>
    <message>
        <source>PgBouncer&apos;s admin console is the database &quot;pgbouncer&quot; of the PgBouncer port (e.g. host=... port=6432 dbname=pgbouncer user=...).</source>
        <translation>Die Admin-Konsole von PgBouncer ist die Datenbank „pgbouncer“ am PgBouncer-Port (z. B. host=... port=6432 dbname=pgbouncer user=...).</translation>
    </message>
    <message>
        <source>PgBouncer&apos;s console did not accept the connection: %1</source>
        <translation>Die Konsole von PgBouncer hat die Verbindung nicht angenommen: %1</translation>
    </message>
    <message>
        <source>PgBouncer refused SHOW POOLS (%1): the user must be in admin_users or stats_users of pgbouncer.ini.</source>
        <translation>PgBouncer hat SHOW POOLS abgelehnt (%1): Der Benutzer muss in admin_users oder stats_users der pgbouncer.ini eingetragen sein.</translation>
    </message>
    <message>
        <source>The table limit %1 is out of range: 0 to 1000.</source>
        <translation>Das Tabellenlimit %1 liegt außerhalb des zulässigen Bereichs: 0 bis 1000.</translation>
    </message>
    <message>
        <source>pgstattuple is not created in %1: CREATE EXTENSION pgstattuple; (it ships with the server).</source>
        <translation>pgstattuple ist in %1 nicht erstellt: CREATE EXTENSION pgstattuple; (die Erweiterung wird mit dem Server ausgeliefert).</translation>
    </message>
    <message>
        <source>%1 has no table named %2.</source>
        <translation>%1 hat keine Tabelle namens %2.</translation>
    </message>
    <message>
        <source>%1 names more than one table; give its schema too.</source>
        <translation>%1 bezeichnet mehr als eine Tabelle; geben Sie auch das Schema an.</translation>
    </message>
    <message>
        <source>%1 may not run pgstattuple.</source>
        <translation>%1 darf pgstattuple nicht ausführen.</translation>
    </message>
    <message>
        <source>GRANT pg_stat_scan_tables TO %1; (a reader login Statescope makes has it)</source>
        <translation>GRANT pg_stat_scan_tables TO %1; (ein von Statescope erstelltes Lese-Login hat dieses Recht)</translation>
    </message>
    <message>
        <source>cache hit ratio of %1</source>
        <translation>Cache-Trefferquote von %1</translation>
    </message>
    <message>
        <source>%1 (threshold %2)</source>
        <translation>%1 (Schwellenwert %2)</translation>
    </message>
    <message>
        <source>cache hit ratio</source>
        <translation>Cache-Trefferquote</translation>
    </message>
    <message>
        <source>every database at or above %1</source>
        <translation>jede Datenbank bei %1 oder darüber</translation>
    </message>
    <message>
        <source>dead tuples of %1.%2 in %3</source>
        <translation>Tote Tupel von %1.%2 in %3</translation>
    </message>
    <message>
        <source>%1 of %2 rows (threshold %3, the statistics&apos; estimate)</source>
        <translation>%1 von %2 Zeilen (Schwellenwert %3, Schätzung der Statistik)</translation>
    </message>
    <message>
        <source>dead tuples</source>
        <translation>Tote Tupel</translation>
    </message>
    <message>
        <source>no table above %1</source>
        <translation>keine Tabelle über %1</translation>
    </message>
    <message>
        <source>statement %1 (%2 calls)</source>
        <translation>Anweisung %1 (%2 Aufrufe)</translation>
    </message>
    <message>
        <source>mean %1 ms, max %2 ms (threshold %3 ms on the mean: PostgreSQL 15 has no p99)</source>
        <translation>Mittelwert %1 ms, Maximum %2 ms (Schwellenwert %3 ms für den Mittelwert: PostgreSQL 15 kennt kein p99)</translation>
    </message>
    <message>
        <source>statement latency</source>
        <translation>Anweisungslatenz</translation>
    </message>
    <message>
        <source>no mean above %1 ms</source>
        <translation>kein Mittelwert über %1 ms</translation>
    </message>
    <message>
        <source>replication lag of %1</source>
        <translation>Replikationsverzögerung von %1</translation>
    </message>
    <message>
        <source>%1 s (threshold %2 s)</source>
        <translation>%1 s (Schwellenwert %2 s)</translation>
    </message>
    <message>
        <source>replay lag of this standby</source>
        <translation>Replay-Verzögerung dieses Standbys</translation>
    </message>
    <message>
        <source>%1 s since the last replayed transaction (threshold %2 s; an idle primary looks the same)</source>
        <translation>%1 s seit der letzten wiedergegebenen Transaktion (Schwellenwert %2 s; ein untätiger Primärserver sieht genauso aus)</translation>
    </message>
    <message>
        <source>inactive replication slot %1</source>
        <translation>Inaktiver Replikationsslot %1</translation>
    </message>
    <message>
        <source>holds %1 of WAL</source>
        <translation>hält %1 WAL zurück</translation>
    </message>
    <message>
        <source>replication</source>
        <translation>Replikation</translation>
    </message>
    <message>
        <source>no lag above %1 s, no inactive slot holding WAL</source>
        <translation>keine Verzögerung über %1 s, kein inaktiver Slot hält WAL zurück</translation>
    </message>
    <message>
        <source>pool %1/%2</source>
        <translation>Pool %1/%2</translation>
    </message>
    <message>
        <source>%1 of %2 servers busy, %3 clients waiting (threshold %4)</source>
        <translation>%1 von %2 Servern belegt, %3 Clients warten (Schwellenwert %4)</translation>
    </message>
    <message>
        <source>connection pools</source>
        <translation>Verbindungspools</translation>
    </message>
    <message>
        <source>no client waiting, none above %1</source>
        <translation>kein Client wartet, keiner über %1</translation>
    </message>
    <message>
        <source>lock wait of session %1 (%2)</source>
        <translation>Sperrwartezeit der Sitzung %1 (%2)</translation>
    </message>
    <message>
        <source>%1 s for %2 (threshold %3 s)</source>
        <translation>%1 s für %2 (Schwellenwert %3 s)</translation>
    </message>
    <message>
        <source>lock waits</source>
        <translation>Sperrwartezeiten</translation>
    </message>
    <message>
        <source>none longer than %1 s</source>
        <translation>keine länger als %1 s</translation>
    </message>
    <message>
        <source>long statement of session %1 in %2</source>
        <translation>Lange Anweisung der Sitzung %1 in %2</translation>
    </message>
    <message>
        <source>running %1 s (threshold %2 s)</source>
        <translation>läuft seit %1 s (Schwellenwert %2 s)</translation>
    </message>
    <message>
        <source>running statements</source>
        <translation>Laufende Anweisungen</translation>
    </message>
    <message>
        <source>%1 (of %2)</source>
        <translation>%1 (von %2)</translation>
    </message>
    <message>
        <source>no database</source>
        <translation>keine Datenbank</translation>
    </message>
    <message>
        <source>Not a session of %1: %2; nothing was stopped.</source>
        <translation>Keine Sitzung von %1: %2; es wurde nichts beendet.</translation>
    </message>
    <message>
        <source>Session %1 is not there any more; nothing was stopped.</source>
        <translation>Sitzung %1 besteht nicht mehr; es wurde nichts gestoppt.</translation>
    </message>
</context>
<context>
    <name>statescope::adopt::Adoption</name>
    <message>
        <source>Database %1 already has a schema named statescope that Statescope did not create; adoption would mix with it.</source>
        <translation>Die Datenbank %1 hat bereits ein Schema namens statescope, das nicht von Statescope erstellt wurde; eine Übernahme würde sich damit vermischen.</translation>
    </message>
    <message>
        <source>It holds: %1</source>
        <translation>Es enthält: %1</translation>
    </message>
    <message>
        <source>Rename that schema first if it is not needed by the game.</source>
        <translation>Benennen Sie dieses Schema zuerst um, sofern das Spiel es nicht benötigt.</translation>
    </message>
    <message>
        <source>Adopting %1</source>
        <translation>%1 wird übernommen</translation>
    </message>
    <message>
        <source>Adoption needs a read-write session.</source>
        <translation>Die Übernahme erfordert eine Sitzung mit Schreibzugriff.</translation>
    </message>
    <message>
        <source>The confirmation does not match the database name %1; nothing was removed.</source>
        <translation>Die Bestätigung stimmt nicht mit dem Datenbanknamen %1 überein; es wurde nichts entfernt.</translation>
    </message>
    <message>
        <source>%1 was created by Statescope: its statescope schema is part of its weekly schema and is not removed.</source>
        <translation>%1 wurde von Statescope erstellt: Das Schema statescope ist Teil des Wochendatenbank-Schemas und wird nicht entfernt.</translation>
    </message>
    <message>
        <source>%1 is not adopted; there is nothing to remove.</source>
        <translation>%1 ist nicht übernommen; es gibt nichts zu entfernen.</translation>
    </message>
    <message>
        <source>Removing the bookkeeping of %1</source>
        <translation>Verwaltungsdaten von %1 werden entfernt</translation>
    </message>
    <message>
        <source>Objects outside the statescope schema depend on it; nothing was removed.</source>
        <translation>Objekte außerhalb des Schemas statescope hängen davon ab; es wurde nichts entfernt.</translation>
    </message>
    <message>
        <source>Drop or change those objects first.</source>
        <translation>Löschen oder ändern Sie diese Objekte zuerst.</translation>
    </message>
    <message>
        <source>The local audit journal could not be written; nothing was removed.</source>
        <translation>Das lokale Audit-Protokoll konnte nicht geschrieben werden; es wurde nichts entfernt.</translation>
    </message>
    <message>
        <source>%1 needs %2, which the weekly schema of %3 does not have yet.</source>
        <translation>Für den Vorgang „%1“ wird %2 benötigt, was das Wochendatenbank-Schema von %3 noch nicht hat.</translation>
    </message>
    <message>
        <source>Migrate the database first: Admin pane, or statescope-cli db migrate --db %1.</source>
        <translation>Migrieren Sie die Datenbank zuerst: im Admin-Bereich oder mit statescope-cli db migrate --db %1.</translation>
    </message>
    <message>
        <source>%1 needs Statescope&apos;s bookkeeping (the statescope schema: audit log and archives), which %2 does not have.</source>
        <translation>Für den Vorgang „%1“ werden die Verwaltungsdaten von Statescope benötigt (das Schema statescope: Audit-Protokoll und Archive), die %2 nicht hat.</translation>
    </message>
    <message>
        <source>Adopt the database first: statescope-cli db adopt --db %1 (or Admin pane, Adopt). It creates the statescope schema and nothing else; the game&apos;s own tables are not touched.</source>
        <translation>Übernehmen Sie die Datenbank zuerst: statescope-cli db adopt --db %1 (oder im Admin-Bereich mit „Übernehmen“). Dabei wird nur das Schema statescope erstellt und sonst nichts; die eigenen Tabellen des Spiels bleiben unberührt.</translation>
    </message>
</context>
<context>
    <name>statescope::browse</name>
    <message>
        <source>%1.%2 is not a table, view or materialized view of %3.</source>
        <translation>%1.%2 ist keine Tabelle, Sicht oder materialisierte Sicht von %3.</translation>
    </message>
    <message>
        <source>statescope-cli tables --db ... lists them.</source>
        <translation>statescope-cli tables --db ... listet sie auf.</translation>
    </message>
</context>
<context>
    <name>statescope::browse::Console</name>
    <message>
        <source>The server did not return a plan.</source>
        <translation>Der Server hat keinen Abfrageplan geliefert.</translation>
    </message>
    <message>
        <source>EXPLAIN ANALYZE of a write needs a read-write connection.</source>
        <translation>EXPLAIN ANALYZE einer schreibenden Anweisung erfordert eine Verbindung mit Schreibzugriff.</translation>
    </message>
    <message>
        <source>Running a write from the console</source>
        <translation>Schreibende Anweisung aus der Konsole wird ausgeführt</translation>
    </message>
    <message>
        <source>The local audit journal cannot be written, so nothing was run: %1</source>
        <translation>Das lokale Audit-Protokoll kann nicht geschrieben werden, daher wurde nichts ausgeführt: %1</translation>
    </message>
</context>
<context>
    <name>statescope::browse::DataCompare</name>
    <message>
        <source>The key (%1) is NULL in %2 row(s) of %3, which it cannot identify; nothing was compared.</source>
        <translation>Der Schlüssel (%1) ist in %2 Zeile(n) von %3 NULL und kann diese nicht identifizieren; es wurde nichts verglichen.</translation>
    </message>
    <message>
        <source>Choose columns that identify a row (the primary key, or a unique index&apos;s).</source>
        <translation>Wählen Sie Spalten, die eine Zeile identifizieren (die des Primärschlüssels oder eines eindeutigen Index).</translation>
    </message>
    <message>
        <source>The key (%1) is not unique in %2: %3 appears %4 times; nothing was compared.</source>
        <translation>Der Schlüssel (%1) ist in %2 nicht eindeutig: %3 kommt %4-mal vor; es wurde nichts verglichen.</translation>
    </message>
    <message>
        <source>There is no table %1 in %2 nor in %3.</source>
        <translation>Es gibt keine Tabelle %1, weder in %2 noch in %3.</translation>
    </message>
    <message>
        <source>%1 has no primary key or unique index to match rows by.</source>
        <translation>%1 hat weder einen Primärschlüssel noch einen eindeutigen Index, über den Zeilen zugeordnet werden können.</translation>
    </message>
    <message>
        <source>Name the columns that identify a row (--key).</source>
        <translation>Geben Sie die Spalten an, die eine Zeile identifizieren (--key).</translation>
    </message>
    <message>
        <source>The key column %1 is not in %2 of %3.</source>
        <translation>Die Schlüsselspalte %1 ist nicht in %2 von %3 vorhanden.</translation>
    </message>
    <message>
        <source>The key column %1 is %2 in %3 and %4 in %5: rows cannot be matched.</source>
        <translation>Die Schlüsselspalte %1 hat in %3 den Typ %2 und in %5 den Typ %4: Die Zeilen können nicht zugeordnet werden.</translation>
    </message>
    <message>
        <source>The key column %1 is %2, which cannot be ordered alike on both sides; choose other key columns (numbers, text, uuids, times).</source>
        <translation>Die Schlüsselspalte %1 hat den Typ %2, der sich nicht auf beiden Seiten gleich sortieren lässt; wählen Sie andere Schlüsselspalten (Zahlen, Text, UUIDs, Zeiten).</translation>
    </message>
    <message>
        <source>%1 cannot be compared by kind; compare its table instead.</source>
        <translation>%1 kann nicht nach Art verglichen werden; vergleichen Sie stattdessen die zugehörige Tabelle.</translation>
    </message>
    <message>
        <source>comparing %1</source>
        <translation>das Vergleichen von %1</translation>
    </message>
    <message>
        <source>The key column %1 of %2 is %3 on one side and %4 on the other.</source>
        <translation>Die Schlüsselspalte %1 von %2 hat auf der einen Seite den Typ %3 und auf der anderen den Typ %4.</translation>
    </message>
    <message>
        <source>The key column %1 of %2 is %3, which cannot be ordered alike on both sides.</source>
        <translation>Die Schlüsselspalte %1 von %2 hat den Typ %3, der sich nicht auf beiden Seiten gleich sortieren lässt.</translation>
    </message>
    <message>
        <source>Name a table or a kind of game data to compare, not both.</source>
        <translation>Geben Sie eine Tabelle oder eine Art von Spieldaten zum Vergleichen an, nicht beides.</translation>
    </message>
    <message>
        <source>The page size must be positive.</source>
        <translation>Die Seitengröße muss positiv sein.</translation>
    </message>
    <message>
        <source>values compared as printed, byte for byte</source>
        <translation>Werte wie gedruckt verglichen, Byte für Byte</translation>
    </message>
    <message>
        <source>values compared as SQL compares them (numeric 1.0 = 1.00, float -0 = 0, interval 1 day = 24:00:00, jsonb by value; in arrays, ranges and domains too), other types as printed</source>
        <translation>Werte verglichen, wie SQL sie vergleicht (numeric 1.0 = 1.00, float -0 = 0, interval 1 day = 24:00:00, jsonb nach Wert; auch in Arrays, Bereichen und Domänen), andere Typen wie gedruckt</translation>
    </message>
</context>
<context>
    <name>statescope::browse::FamilyQuery</name>
    <message>
        <source>There is no statement to run.</source>
        <translation>Es gibt keine Anweisung zum Ausführen.</translation>
    </message>
    <message>
        <source>Run one statement on the weeks, not %1.</source>
        <translation>Führen Sie auf den Wochen eine einzige Anweisung aus, nicht %1.</translation>
    </message>
    <message>
        <source>Only a statement that returns rows (SELECT, WITH, VALUES, TABLE) runs on the weeks of a family.</source>
        <translation>Auf den Wochen einer Familie wird nur eine Anweisung ausgeführt, die Zeilen zurückgibt (SELECT, WITH, VALUES, TABLE).</translation>
    </message>
    <message>
        <source>Run on 1 to 16 weeks at once, not %1.</source>
        <translation>Führen Sie die Anweisung auf 1 bis 16 Wochen gleichzeitig aus, nicht auf %1.</translation>
    </message>
    <message>
        <source>The timeout and the batch size must be positive.</source>
        <translation>Das Zeitlimit und die Batchgröße müssen positiv sein.</translation>
    </message>
    <message>
        <source>%1 takes no connections now (a reset or drop may be under way).</source>
        <translation>%1 nimmt derzeit keine Verbindungen an (möglicherweise läuft gerade ein Zurücksetzen oder Löschen).</translation>
    </message>
    <message>
        <source>The statement uses %1, which a read-only transaction refuses; nothing was sent to any week.</source>
        <translation>Die Anweisung verwendet %1, was eine schreibgeschützte Transaktion ablehnt; an keine Woche wurde etwas gesendet.</translation>
    </message>
</context>
<context>
    <name>statescope::browse::RowSecurity</name>
    <message>
        <source>%1 is a superuser</source>
        <translation>%1 ist ein Superuser</translation>
    </message>
    <message>
        <source>%1 has BYPASSRLS</source>
        <translation>%1 hat BYPASSRLS</translation>
    </message>
    <message>
        <source>%1 owns %2, which has no FORCE ROW LEVEL SECURITY</source>
        <translation>%1 ist Eigentümer von %2, für das kein FORCE ROW LEVEL SECURITY gilt</translation>
    </message>
    <message>
        <source>row security is off for this session</source>
        <translation>Die Sicherheit auf Zeilenebene ist für diese Sitzung ausgeschaltet</translation>
    </message>
    <message>
        <source>No row-level security policy here reads the setting &quot;%1&quot;.</source>
        <translation>Keine Richtlinie für Sicherheit auf Zeilenebene liest hier die Einstellung „%1“.</translation>
    </message>
    <message>
        <source>This database has no row-level security policies.</source>
        <translation>Diese Datenbank hat keine Richtlinien für Sicherheit auf Zeilenebene.</translation>
    </message>
    <message>
        <source>Policies read: %1.</source>
        <translation>Die Richtlinien lesen: %1.</translation>
    </message>
    <message>
        <source>Give the value to view as (a player id).</source>
        <translation>Geben Sie an, als wer angesehen werden soll (eine Spieler-ID).</translation>
    </message>
    <message>
        <source>%1, so its policies do not apply and it sees every player: viewing as a player is applied as the filter %2 = the player on %3 instead.</source>
        <translation>%1, daher gelten die Richtlinien nicht und alle Spieler sind sichtbar: Das Ansehen als Spieler wird stattdessen als Filter %2 = Spieler auf %3 angewendet.</translation>
    </message>
    <message>
        <source>%1, so its policies do not apply: %2 shows every player&apos;s rows (no policy names the column to filter on).</source>
        <translation>%1, daher gelten die Richtlinien nicht: %2 zeigt die Zeilen aller Spieler (keine Richtlinie nennt die Spalte, nach der gefiltert werden kann).</translation>
    </message>
</context>
<context>
    <name>statescope::browse::RowSource</name>
    <message>
        <source>%1 has no column &quot;%2&quot;.</source>
        <translation>%1 hat keine Spalte „%2“.</translation>
    </message>
    <message>
        <source>%1 has no key to page by, so it is shown in the order it is read.</source>
        <translation>%1 hat keinen Schlüssel zum seitenweisen Laden und wird daher in der Lesereihenfolge angezeigt.</translation>
    </message>
    <message>
        <source>Sorting by %1 needs an index that starts with it: without one, every row would be read and sorted for each page.</source>
        <translation>Das Sortieren nach %1 erfordert einen Index, der mit dieser Spalte beginnt: Ohne ihn müsste für jede Seite jede Zeile gelesen und sortiert werden.</translation>
    </message>
    <message>
        <source>Sort by one of: %1.</source>
        <translation>Sortieren Sie nach einer dieser Spalten: %1.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a value of column %2 (%3): %4</source>
        <translation>„%1“ ist kein gültiger Wert für Spalte %2 (%3): %4</translation>
    </message>
    <message numerus="yes">
        <source>The key of %1 has %n column(s).</source>
        <translation>
            <numerusform>Der Schlüssel von %1 hat %n Spalte.</numerusform>
            <numerusform>Der Schlüssel von %1 hat %n Spalten.</numerusform>
        </translation>
    </message>
    <message>
        <source>A filter value does not fit its column: %1</source>
        <translation>Ein Filterwert passt nicht zu seiner Spalte: %1</translation>
    </message>
    <message>
        <source>%1 has no key: read it through a cursor.</source>
        <translation>%1 hat keinen Schlüssel: Lesen Sie die Daten über einen Cursor.</translation>
    </message>
    <message numerus="yes">
        <source>The key of %1 is %2: give it as a JSON array of %n value(s), e.g. --after &apos;[42]&apos;.</source>
        <translation>
            <numerusform>Der Schlüssel von %1 ist %2: Geben Sie ihn als JSON-Array mit %n Wert an, z. B. --after &apos;[42]&apos;.</numerusform>
            <numerusform>Der Schlüssel von %1 ist %2: Geben Sie ihn als JSON-Array mit %n Werten an, z. B. --after &apos;[42]&apos;.</numerusform>
        </translation>
    </message>
    <message>
        <source>A key value cannot be null.</source>
        <translation>Ein Schlüsselwert darf nicht null sein.</translation>
    </message>
    <message>
        <source>%1 is no longer the table it was when it was opened; nothing was read.</source>
        <translation>%1 ist nicht mehr die Tabelle, die beim Öffnen vorlag; nichts wurde gelesen.</translation>
    </message>
    <message>
        <source>Open it again.</source>
        <translation>Öffnen Sie sie erneut.</translation>
    </message>
</context>
<context>
    <name>statescope::browse::SqlGuard</name>
    <message>
        <source>a DO block</source>
        <translation>einen DO-Block</translation>
    </message>
    <message>
        <source>LOAD (a server library)</source>
        <translation>LOAD (eine Serverbibliothek)</translation>
    </message>
    <message>
        <source>COPY to or from a program</source>
        <translation>COPY in ein oder aus einem Programm</translation>
    </message>
    <message>
        <source>COPY to or from a server file</source>
        <translation>COPY in eine oder aus einer Serverdatei</translation>
    </message>
    <message>
        <source>set_config() with a setting name that is not a plain literal</source>
        <translation>set_config() mit einem Einstellungsnamen, der kein einfaches Literal ist</translation>
    </message>
    <message>
        <source>Refused before sending, nothing was run: this session reads as the superuser %1, which has no reader login (%2), and the statement uses %3, which could act on the server even in a read-only transaction.</source>
        <translation>Vor dem Senden abgelehnt, es wurde nichts ausgeführt: Diese Sitzung liest als Superuser %1, der kein Lese-Login hat (%2), und die Anweisung verwendet %3, was selbst in einer schreibgeschützten Transaktion auf den Server einwirken könnte.</translation>
    </message>
    <message>
        <source>Create a reader login for %1 in admin mode (Admin pane, or statescope-cli db reader --server CONN --create), or connect as a role that is not a superuser.</source>
        <translation>Erstellen Sie im Admin-Modus ein Lese-Login für %1 (Admin-Bereich oder statescope-cli db reader --server CONN --create) oder verbinden Sie sich als Rolle, die kein Superuser ist.</translation>
    </message>
    <message>
        <source>%1 is not run here: every statement runs in a read-only transaction of its own, rolled back when it ends; nothing was sent.</source>
        <translation>%1 wird hier nicht ausgeführt: Jede Anweisung läuft in einer eigenen schreibgeschützten Transaktion, die an ihrem Ende zurückgerollt wird; es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>SELECT ... INTO (it makes a table)</source>
        <translation>SELECT ... INTO (legt eine Tabelle an)</translation>
    </message>
    <message>
        <source>%1 inside WITH (it writes)</source>
        <translation>%1 innerhalb von WITH (schreibt)</translation>
    </message>
    <message>
        <source>a locking clause (FOR %1)</source>
        <translation>eine Sperrklausel (FOR %1)</translation>
    </message>
    <message>
        <source>the view %1 (it uses %2)</source>
        <translation>die Sicht %1 (sie verwendet %2)</translation>
    </message>
    <message>
        <source>%1 (a foreign table that runs a program on the server when read)</source>
        <translation>%1 (eine Fremdtabelle, die beim Lesen ein Programm auf dem Server ausführt)</translation>
    </message>
    <message>
        <source>%1 (SECURITY DEFINER: runs with its owner&apos;s superuser rights)</source>
        <translation>%1 (SECURITY DEFINER: läuft mit den Superuser-Rechten ihres Eigentümers)</translation>
    </message>
    <message>
        <source>%1 (not one of PostgreSQL&apos;s own functions: it may do anything a superuser can)</source>
        <translation>%1 (keine eigene Funktion von PostgreSQL: sie kann alles tun, was ein Superuser kann)</translation>
    </message>
    <message>
        <source>%1 (acts on the server or reads its files)</source>
        <translation>%1 (wirkt auf den Server oder liest seine Dateien)</translation>
    </message>
    <message>
        <source>Refused before running, nothing was run: this session reads as %1 (%2), and the statement would run %3.</source>
        <translation>Vor der Ausführung abgelehnt, nichts wurde ausgeführt: Diese Sitzung liest als %1 (%2), und die Anweisung würde %3 ausführen.</translation>
    </message>
    <message>
        <source>If you trust what it runs, allow each object by name: for one command, statescope-cli ... --allow %1; for every command and the window, statescope-cli settings set --allow-object %1. Or read as a role that is not a superuser.</source>
        <translation>Wenn Sie dem vertrauen, was sie ausführt, erlauben Sie jedes Objekt namentlich: für einen Befehl mit statescope-cli ... --allow %1; für alle Befehle und das Fenster mit statescope-cli settings set --allow-object %1. Oder lesen Sie als eine Rolle, die kein Superuser ist.</translation>
    </message>
    <message>
        <source>%1 (calls %2, which is not one of PostgreSQL&apos;s own functions: it may do anything a superuser can)</source>
        <translation>%1 (ruft %2 auf, keine von PostgreSQLs eigenen Funktionen: sie kann alles tun, was ein Superuser kann)</translation>
    </message>
    <message>
        <source>Refused before running, nothing was read: this session reads as %1 (%2), and comparing, sorting or printing the values of these columns would run %3 (not PostgreSQL&apos;s own: it may do anything a superuser can).</source>
        <translation>Vor der Ausführung abgelehnt, nichts wurde gelesen: Diese Sitzung liest als %1 (%2), und Vergleichen, Sortieren oder Ausgeben der Werte dieser Spalten würde %3 ausführen (nicht PostgreSQLs eigener Code: er kann alles tun, was ein Superuser kann).</translation>
    </message>
</context>
<context>
    <name>statescope::catalog::SchemaSnapshot</name>
    <message>
        <source>Statescope&apos;s weekly schema (migrations V001-V%1)</source>
        <translation>Wochendatenbank-Schema von Statescope (Migrationen V001-V%1)</translation>
    </message>
    <message>
        <source>the local sandbox</source>
        <translation>die lokale Sandbox</translation>
    </message>
</context>
<context>
    <name>statescope::collect::BatchStore</name>
    <message>
        <source>Collecting into %1</source>
        <translation>Daten werden in %1 gesammelt</translation>
    </message>
    <message>
        <source>storing API responses</source>
        <translation>das Speichern der API-Antworten</translation>
    </message>
    <message>
        <source>Collecting</source>
        <translation>Daten werden gesammelt</translation>
    </message>
</context>
<context>
    <name>statescope::collect::Collector</name>
    <message>
        <source>the collector&apos;s settings</source>
        <translation>die Collector-Einstellungen</translation>
    </message>
    <message>
        <source>The reset date could not be read from %1 (field %2): %3</source>
        <translation>Das Reset-Datum konnte nicht aus %1 gelesen werden (Feld %2): %3</translation>
    </message>
    <message>
        <source>status %1</source>
        <translation>Status %1</translation>
    </message>
    <message>
        <source>collector: the reset&apos;s database</source>
        <translation>Collector: Datenbank des Resets</translation>
    </message>
    <message>
        <source>Another collector is running for this token and the family %1.</source>
        <translation>Für dieses Token und die Familie %1 läuft bereits ein anderer Collector.</translation>
    </message>
    <message>
        <source>Stop it first: two collectors would double the rate the game allows.</source>
        <translation>Beenden Sie ihn zuerst: Zwei Collectors würden doppelt so viele Anfragen senden, wie das Spiel erlaubt.</translation>
    </message>
</context>
<context>
    <name>statescope::collect::Config</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>docs/COLLECTOR.md describes the file.</source>
        <translation>Die Datei ist in docs/COLLECTOR.md beschrieben.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a number.</source>
        <translation>„%1“ muss eine Zahl sein.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is missing.</source>
        <translation>„%1“ fehlt.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a string.</source>
        <translation>„%1“ muss eine Zeichenkette sein.</translation>
    </message>
    <message>
        <source>not JSON: %1</source>
        <translation>kein JSON: %1</translation>
    </message>
    <message>
        <source>the document must be an object.</source>
        <translation>das Dokument muss ein Objekt sein.</translation>
    </message>
    <message>
        <source>&quot;rate_limit&quot; must be an object.</source>
        <translation>„rate_limit“ muss ein Objekt sein.</translation>
    </message>
    <message>
        <source>&quot;reset&quot; must be an object.</source>
        <translation>„reset“ muss ein Objekt sein.</translation>
    </message>
    <message>
        <source>&quot;endpoints&quot; must be an array.</source>
        <translation>„endpoints“ muss ein Array sein.</translation>
    </message>
    <message>
        <source>each endpoint must be an object.</source>
        <translation>jeder Endpunkt muss ein Objekt sein.</translation>
    </message>
    <message>
        <source>&quot;params&quot; of %1 must be an object.</source>
        <translation>„params“ von %1 muss ein Objekt sein.</translation>
    </message>
    <message>
        <source>values of &quot;%1&quot; must be strings.</source>
        <translation>die Werte von „%1“ müssen Zeichenketten sein.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a string or an array of strings.</source>
        <translation>„%1“ muss eine Zeichenkette oder ein Array von Zeichenketten sein.</translation>
    </message>
    <message>
        <source>Cannot read the collector config %1: %2</source>
        <translation>Die Collector-Konfiguration %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>&quot;base_url&quot; must be an http(s) URL without query: %1</source>
        <translation>„base_url“ muss eine http(s)-URL ohne Query-String sein: %1</translation>
    </message>
    <message>
        <source>&quot;burst&quot; must be between 1 and 10000.</source>
        <translation>„burst“ muss zwischen 1 und 10000 liegen.</translation>
    </message>
    <message>
        <source>&quot;per_second&quot; must be above 0 and at most 10000.</source>
        <translation>„per_second“ muss größer als 0 und höchstens 10000 sein.</translation>
    </message>
    <message>
        <source>&quot;timeout_s&quot; must be between 1 and 600.</source>
        <translation>„timeout_s“ muss zwischen 1 und 600 liegen.</translation>
    </message>
    <message>
        <source>&quot;max_attempts&quot; must be between 1 and 20.</source>
        <translation>„max_attempts“ muss zwischen 1 und 20 liegen.</translation>
    </message>
    <message>
        <source>&quot;batch_rows&quot; must be between 1 and 10000.</source>
        <translation>„batch_rows“ muss zwischen 1 und 10000 liegen.</translation>
    </message>
    <message>
        <source>&quot;refresh_minutes&quot; must be between 0 and 1440.</source>
        <translation>„refresh_minutes“ muss zwischen 0 und 1440 liegen.</translation>
    </message>
    <message>
        <source>no endpoint to fetch.</source>
        <translation>kein Endpunkt zum Abrufen.</translation>
    </message>
    <message>
        <source>&quot;limit&quot; of %1 must be between 1 and 1000.</source>
        <translation>„limit“ von %1 muss zwischen 1 und 1000 liegen.</translation>
    </message>
    <message>
        <source>&quot;interval_s&quot; of %1 must be between 1 and 86400.</source>
        <translation>„interval_s“ von %1 muss zwischen 1 und 86400 liegen.</translation>
    </message>
    <message>
        <source>%1 needs values for {%2} in &quot;params&quot;.</source>
        <translation>%1 benötigt Werte für {%2} in „params“.</translation>
    </message>
    <message>
        <source>%1 has no {%2} for its parameter.</source>
        <translation>%1 enthält keinen Platzhalter {%2} für diesen Parameter.</translation>
    </message>
    <message>
        <source>&quot;check_s&quot; of &quot;reset&quot; must be between 1 and 86400.</source>
        <translation>„check_s“ von „reset“ muss zwischen 1 und 86400 liegen.</translation>
    </message>
    <message>
        <source>the path &quot;%1&quot; must start with / and hold no query, fragment or &quot;..&quot;.</source>
        <translation>der Pfad „%1“ muss mit / beginnen und darf weder Abfrage noch Fragment noch „..“ enthalten.</translation>
    </message>
    <message>
        <source>%1 has no key &quot;%2&quot;; did you mean &quot;%3&quot;? (Its keys: %4.)</source>
        <translation>%1 hat keinen Schlüssel „%2“; meinten Sie „%3“? (Seine Schlüssel: %4.)</translation>
    </message>
    <message>
        <source>%1 has no key &quot;%2&quot;. (Its keys: %3.)</source>
        <translation>%1 hat keinen Schlüssel „%2“. (Seine Schlüssel: %3.)</translation>
    </message>
    <message>
        <source>The configuration</source>
        <translation>Die Konfiguration</translation>
    </message>
    <message>
        <source>An endpoint</source>
        <translation>Ein Endpunkt</translation>
    </message>
    <message>
        <source>&quot;paged&quot; of %1 must be true or false.</source>
        <translation>„paged“ von %1 muss true oder false sein.</translation>
    </message>
</context>
<context>
    <name>statescope::demo</name>
    <message>
        <source>Preparing %1</source>
        <translation>%1 wird vorbereitet</translation>
    </message>
    <message>
        <source>Seeding demo data</source>
        <translation>Demodaten werden geladen</translation>
    </message>
    <message>
        <source>Seeding %1</source>
        <translation>%1 wird mit Demodaten befüllt</translation>
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
        <source>%L1 events exported</source>
        <translation>%L1 Ereignisse exportiert</translation>
    </message>
    <message>
        <source>Writing %1 failed: %2</source>
        <translation>Schreiben von %1 fehlgeschlagen: %2</translation>
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
    <name>statescope::events::ApiChange</name>
    <message>
        <source>The sample must be 0 (every payload) or more.</source>
        <translation>Die Stichprobe muss 0 (jede Payload) oder größer sein.</translation>
    </message>
    <message>
        <source>comparing the API between resets</source>
        <translation>den Vergleich der API zwischen Resets</translation>
    </message>
    <message>
        <source>Reading the payloads of %1</source>
        <translation>Payloads von %1 werden gelesen</translation>
    </message>
</context>
<context>
    <name>statescope::events::EventStore</name>
    <message>
        <source>The server&apos;s plan could not be read.</source>
        <translation>Der Abfrageplan des Servers konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>There is no event %1.</source>
        <translation>Es gibt kein Ereignis %1.</translation>
    </message>
    <message>
        <source>browsing events</source>
        <translation>das Durchsuchen der Ereignisse</translation>
    </message>
    <message>
        <source>%1 has no index on %2: events are paged by id (the order they were stored in), newest first. An index would serve the time order: CREATE INDEX CONCURRENTLY ON %3.%4 (%5 DESC, %6 DESC).</source>
        <translation>%1 hat keinen Index auf %2: Ereignisse werden seitenweise nach ID geladen (in der Reihenfolge, in der sie gespeichert wurden), neueste zuerst. Ein Index würde die zeitliche Reihenfolge ermöglichen: CREATE INDEX CONCURRENTLY ON %3.%4 (%5 DESC, %6 DESC).</translation>
    </message>
    <message>
        <source>the time scale</source>
        <translation>die Zeitskala</translation>
    </message>
</context>
<context>
    <name>statescope::events::PlayerEventStore</name>
    <message numerus="yes">
        <source>%1 (%n partition(s))</source>
        <translation>
            <numerusform>%1 (%n Partition)</numerusform>
            <numerusform>%1 (%n Partitionen)</numerusform>
        </translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a player id.</source>
        <translation>„%1“ ist keine Spieler-ID.</translation>
    </message>
    <message>
        <source>Player ids are UUIDs, e.g. 7f3c2a10-0000-4000-8000-000000000000.</source>
        <translation>Spieler-IDs sind UUIDs, z. B. 7f3c2a10-0000-4000-8000-000000000000.</translation>
    </message>
    <message>
        <source>The start of the range must come before its end.</source>
        <translation>Der Beginn des Bereichs muss vor seinem Ende liegen.</translation>
    </message>
    <message>
        <source>The page size must be between 1 and 10,000.</source>
        <translation>Die Seitengröße muss zwischen 1 und 10.000 liegen.</translation>
    </message>
    <message>
        <source>Counting every player&apos;s events needs a time range of at most 366 days.</source>
        <translation>Das Zählen der Ereignisse aller Spieler erfordert einen Zeitbereich von höchstens 366 Tagen.</translation>
    </message>
    <message>
        <source>Give a player, or a start and an end.</source>
        <translation>Geben Sie einen Spieler oder einen Beginn und ein Ende an.</translation>
    </message>
</context>
<context>
    <name>statescope::find::FamilyFind</name>
    <message>
        <source>%1 databases at once is out of range: 1 to 16.</source>
        <translation>%1 Datenbanken gleichzeitig liegt außerhalb des zulässigen Bereichs: 1 bis 16.</translation>
    </message>
</context>
<context>
    <name>statescope::find::Finder</name>
    <message>
        <source>uuid beginning</source>
        <translation>UUID-Anfang</translation>
    </message>
    <message>
        <source>anywhere in the document</source>
        <translation>irgendwo im Dokument</translation>
    </message>
    <message>
        <source>At most %1 rows per lookup is out of range: 1 to 10000.</source>
        <translation>Höchstens %1 Zeilen je Suche liegt außerhalb des zulässigen Bereichs: 1 bis 10000.</translation>
    </message>
    <message>
        <source>Looking in %1.%2</source>
        <translation>Suche in %1.%2</translation>
    </message>
    <message>
        <source>Every lookup done</source>
        <translation>Alle Suchen erledigt</translation>
    </message>
    <message numerus="yes">
        <source>Looking in %n indexed column(s)</source>
        <translation>
            <numerusform>Suche in %n Spalte mit Index</numerusform>
            <numerusform>Suche in %n Spalten mit Index</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>statescope::find::Needle</name>
    <message>
        <source>Nothing to find: type an id, a number, a symbol or a name.</source>
        <translation>Nichts zu suchen: Geben Sie eine ID, eine Zahl, ein Symbol oder einen Namen ein.</translation>
    </message>
    <message>
        <source>The value is %1 characters long; at most %2 are looked up.</source>
        <translation>Der Wert ist %1 Zeichen lang; gesucht wird nach höchstens %2.</translation>
    </message>
    <message>
        <source>The value holds a control character (U+%1); nothing was looked up.</source>
        <translation>Der Wert enthält ein Steuerzeichen (U+%1); es wurde nichts gesucht.</translation>
    </message>
    <message>
        <source>a uuid</source>
        <translation>eine UUID</translation>
    </message>
    <message>
        <source>a uuid&apos;s beginning</source>
        <translation>der Anfang einer UUID</translation>
    </message>
    <message>
        <source>an integer</source>
        <translation>eine Ganzzahl</translation>
    </message>
    <message>
        <source>text</source>
        <translation>Text</translation>
    </message>
</context>
<context>
    <name>statescope::find::Story</name>
    <message>
        <source>&quot;%1&quot; is not a place in a story.</source>
        <translation>„%1“ ist keine Stelle in einer Geschichte.</translation>
    </message>
    <message>
        <source>Give a token a story page printed (its older or newer place).</source>
        <translation>Geben Sie eine Stelle an, die eine Seite der Geschichte ausgegeben hat (ihre ältere oder neuere).</translation>
    </message>
    <message>
        <source>first seen</source>
        <translation>erstmals gesehen</translation>
    </message>
    <message numerus="yes">
        <source>%n more</source>
        <translation>
            <numerusform>%n weitere</numerusform>
            <numerusform>%n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>no change</source>
        <translation>keine Änderung</translation>
    </message>
    <message>
        <source>A page of %1 entries is out of range: 1 to %2.</source>
        <translation>Eine Seite mit %1 Einträgen liegt außerhalb des Bereichs: 1 bis %2.</translation>
    </message>
    <message>
        <source>That place belongs to another story.</source>
        <translation>Diese Stelle gehört zu einer anderen Geschichte.</translation>
    </message>
    <message>
        <source>Reading the story</source>
        <translation>Geschichte wird gelesen</translation>
    </message>
    <message>
        <source>Story read</source>
        <translation>Geschichte gelesen</translation>
    </message>
    <message numerus="yes">
        <source>%n entries written</source>
        <translation>
            <numerusform>%n Eintrag geschrieben</numerusform>
            <numerusform>%n Einträge geschrieben</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2): no time column to place its rows in the story</source>
        <translation>%1 (%2): keine Zeitspalte, um ihre Zeilen in die Geschichte einzuordnen</translation>
    </message>
    <message>
        <source>%1 (%2): this login may not read it</source>
        <translation>%1 (%2): diese Anmeldung darf sie nicht lesen</translation>
    </message>
    <message>
        <source>%1 (%2): row-level security shows it only as one player (%3)</source>
        <translation>%1 (%2): die Sicherheit auf Zeilenebene zeigt sie nur als ein Spieler (%3)</translation>
    </message>
</context>
<context>
    <name>statescope::gui::ActivityPane</name>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>Save the samples kept (time in UTC, connections, transactions per second, cache hit ratio, replication lag) as a CSV file</source>
        <translation>Die gespeicherten Messpunkte (Zeit in UTC, Verbindungen, Transaktionen pro Sekunde, Cache-Trefferquote, Replikationsverzögerung) als CSV-Datei speichern</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <source>Transactions per second</source>
        <translation>Transaktionen pro Sekunde</translation>
    </message>
    <message>
        <source>Cache hit ratio</source>
        <translation>Cache-Trefferquote</translation>
    </message>
    <message>
        <source>Replication lag</source>
        <translation>Replikationsverzögerung</translation>
    </message>
    <message>
        <source>No standby: no replication lag to draw.</source>
        <translation>Kein Standby: keine Replikationsverzögerung darzustellen.</translation>
    </message>
    <message>
        <source>On a primary, the largest replay lag its standbys report (0 for one that has caught up and idles); on a standby, the time since the last transaction it replayed.</source>
        <translation>Auf einem Primärserver die größte Replay-Verzögerung, die seine Standbys melden (0 für einen, der aufgeholt hat und untätig ist); auf einem Standby die Zeit seit der letzten von ihm wiedergegebenen Transaktion.</translation>
    </message>
    <message>
        <source>Sampling the server&apos;s counters</source>
        <translation>Zähler des Servers werden abgefragt</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Diagramme</translation>
    </message>
    <message>
        <source>client sessions</source>
        <translation>Client-Sitzungen</translation>
    </message>
    <message>
        <source>commits and rollbacks per second</source>
        <translation>Commits und Rollbacks pro Sekunde</translation>
    </message>
    <message>
        <source>blocks found in shared buffers (%)</source>
        <translation>in Shared Buffers gefundene Blöcke (%)</translation>
    </message>
    <message>
        <source>Cache hit ratio (%)</source>
        <translation>Cache-Trefferquote (%)</translation>
    </message>
    <message>
        <source>replay lag (s)</source>
        <translation>Replay-Verzögerung (s)</translation>
    </message>
    <message>
        <source>Replication lag (s)</source>
        <translation>Replikationsverzögerung (s)</translation>
    </message>
    <message>
        <source>at most %1 (the last hour at 5 s; older samples are dropped)</source>
        <translation>höchstens %1 (die letzte Stunde bei 5 s; ältere Messpunkte werden verworfen)</translation>
    </message>
    <message>
        <source>No sample yet: one is taken at each refresh while the pane is shown and not paused, whatever the tab; %1.</source>
        <translation>Noch kein Messpunkt: Bei jeder Aktualisierung wird einer erfasst, solange der Bereich angezeigt wird und nicht pausiert ist, unabhängig vom Tab; %1.</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Nicht verbunden.</translation>
    </message>
    <message numerus="yes">
        <source>%n sample(s) kept in memory over %1, one at each refresh whatever the tab; %2.</source>
        <translation>
            <numerusform>%n Messpunkt über %1 im Speicher, einer bei jeder Aktualisierung, unabhängig vom Tab; %2.</numerusform>
            <numerusform>%n Messpunkte über %1 im Speicher, einer bei jeder Aktualisierung, unabhängig vom Tab; %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>At every %1 s they reach back %2.</source>
        <translation>Bei einem Intervall von %1 s reichen sie %2 zurück.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Charts export</source>
        <translation>Diagrammexport</translation>
    </message>
    <message>
        <source>No sample to export yet.</source>
        <translation>Noch kein Messpunkt zum Exportieren.</translation>
    </message>
    <message>
        <source>Export the activity charts</source>
        <translation>Aktivitätsdiagramme exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n sample(s) to %1.</source>
        <translation>
            <numerusform>%n Messpunkt nach %1 exportiert.</numerusform>
            <numerusform>%n Messpunkte nach %1 exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Cache hit</source>
        <translation>Cache-Treffer</translation>
    </message>
    <message>
        <source>XID age</source>
        <translation>XID-Alter</translation>
    </message>
    <message>
        <source>Temp files</source>
        <translation>Temporäre Dateien</translation>
    </message>
    <message>
        <source>Deadlocks</source>
        <translation>Deadlocks</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>Live rows</source>
        <translation>Lebende Zeilen</translation>
    </message>
    <message>
        <source>Dead rows</source>
        <translation>Tote Zeilen</translation>
    </message>
    <message>
        <source>Dead</source>
        <translation>Tot</translation>
    </message>
    <message>
        <source>Last vacuum</source>
        <translation>Letzter Vacuum-Lauf</translation>
    </message>
    <message>
        <source>Last autovacuum</source>
        <translation>Letzter Autovacuum-Lauf</translation>
    </message>
    <message>
        <source>Last analyze</source>
        <translation>Letzter Analyze-Lauf</translation>
    </message>
    <message>
        <source>Last autoanalyze</source>
        <translation>Letzter Autoanalyze-Lauf</translation>
    </message>
    <message>
        <source>Measure &amp;bloat of the selected table</source>
        <translation>&amp;Bloat der ausgewählten Tabelle messen</translation>
    </message>
    <message>
        <source>pgstattuple&apos;s exact dead and free space (reads the whole table; needs CREATE EXTENSION pgstattuple in the database)</source>
        <translation>Exakter toter und freier Speicherplatz laut pgstattuple (liest die ganze Tabelle; erfordert CREATE EXTENSION pgstattuple in der Datenbank)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Findings&lt;/b&gt;</source>
        <translation>&lt;b&gt;Befunde&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Thresholds (saved, applied at once)</source>
        <translation>Schwellenwerte (gespeichert, sofort angewendet)</translation>
    </message>
    <message>
        <source>Statement mean above</source>
        <translation>Anweisungsmittelwert über</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Statement running longer than</source>
        <translation>Anweisung läuft länger als</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Lock wait longer than</source>
        <translation>Warten auf Sperre länger als</translation>
    </message>
    <message>
        <source>Replication lag above</source>
        <translation>Replikationsverzögerung über</translation>
    </message>
    <message>
        <source>Pool saturation above</source>
        <translation>Pool-Auslastung über</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Cache hit ratio below</source>
        <translation>Cache-Trefferquote unter</translation>
    </message>
    <message>
        <source>Dead rows above</source>
        <translation>Tote Zeilen über</translation>
    </message>
    <message>
        <source>Measuring %1…</source>
        <translation>%1 wird gemessen…</translation>
    </message>
    <message>
        <source>Measuring the bloat of %1</source>
        <translation>Bloat von %1 wird gemessen</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>%1: %2 in all; dead %3 (%4 %), free %5 (%6 %), by pgstattuple.</source>
        <translation>%1: insgesamt %2; tot %3 (%4 %), frei %5 (%6 %), laut pgstattuple.</translation>
    </message>
    <message>
        <source>Reading the health of %1</source>
        <translation>Gesundheitsdaten werden gelesen: %1</translation>
    </message>
    <message>
        <source>every database</source>
        <translation>alle Datenbanken</translation>
    </message>
    <message>
        <source>Databases and tables</source>
        <translation>Datenbanken und Tabellen</translation>
    </message>
    <message>
        <source>%1 not read: %2</source>
        <translation>%1 nicht gelesen: %2</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <source>Locks</source>
        <translation>Sperren</translation>
    </message>
    <message>
        <source>Statements</source>
        <translation>Anweisungen</translation>
    </message>
    <message>
        <source>Replication</source>
        <translation>Replikation</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Gesundheit</translation>
    </message>
    <message>
        <source>%L1 transactions left before the server stops writes to protect against wraparound.</source>
        <translation>Noch %L1 Transaktionen, bevor der Server zum Schutz vor Wraparound keine Schreibzugriffe mehr annimmt.</translation>
    </message>
    <message>
        <source>%L1 (%2)</source>
        <translation>%L1 (%2)</translation>
    </message>
    <message>
        <source>Cache hit ratio %1, below the threshold of %2: reads go to disk.</source>
        <translation>Cache-Trefferquote %1, unter dem Schwellenwert von %2: Lesezugriffe gehen auf die Festplatte.</translation>
    </message>
    <message>
        <source>Tables of %1, the most dead rows first:</source>
        <translation>Tabellen von %1, die mit den meisten toten Zeilen zuerst:</translation>
    </message>
    <message>
        <source>No table statistics in %1.</source>
        <translation>Keine Tabellenstatistiken in %1.</translation>
    </message>
    <message>
        <source>%1 of the rows are dead (the statistics&apos; estimate), above the threshold of %2: vacuum is behind.</source>
        <translation>%1 der Zeilen sind tot (Schätzung der Statistik), über dem Schwellenwert von %2: Vacuum hinkt hinterher.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>The running statement of %n session(s) is cancelled (pg_cancel_backend); the sessions stay connected:</source>
        <translation>
            <numerusform>Die laufende Anweisung von %n Sitzung wird abgebrochen (pg_cancel_backend); die Sitzung bleibt verbunden:</numerusform>
            <numerusform>Die laufenden Anweisungen von %n Sitzungen werden abgebrochen (pg_cancel_backend); die Sitzungen bleiben verbunden:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) are terminated (pg_terminate_backend): the connection closes and an open transaction is rolled back:</source>
        <translation>
            <numerusform>%n Sitzung wird beendet (pg_terminate_backend): Die Verbindung wird geschlossen und eine offene Transaktion zurückgerollt:</numerusform>
            <numerusform>%n Sitzungen werden beendet (pg_terminate_backend): Die Verbindungen werden geschlossen und offene Transaktionen zurückgerollt:</numerusform>
        </translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Anwendung</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Query</source>
        <translation>Abfrage</translation>
    </message>
    <message>
        <source>Left alone:</source>
        <translation>Ausgenommen:</translation>
    </message>
    <message>
        <source>Each session is read again at the moment it is stopped: one that has gone by then is left alone. Journalled, with your reason.</source>
        <translation>Jede Sitzung wird im Moment des Stoppens erneut gelesen: Eine bis dahin verschwundene Sitzung bleibt unberührt. Wird mit Ihrer Begründung lokal protokolliert.</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>Relation</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartezeit</translation>
    </message>
    <message>
        <source>Each session that blocks others and waits for nobody, with the sessions waiting for it below</source>
        <translation>Jede Sitzung, die andere blockiert und selbst auf niemanden wartet, darunter die Sitzungen, die auf sie warten</translation>
    </message>
    <message>
        <source>Granted</source>
        <translation>Gewährt</translation>
    </message>
    <message>
        <source>Terminate the blockers of the selected session…</source>
        <translation>Blockierende Sitzungen der ausgewählten Sitzung beenden…</translation>
    </message>
    <message>
        <source>Close every session that the selected waiting session waits for, so that it can go on (Ctrl+Shift+B)</source>
        <translation>Alle Sitzungen schließen, auf die die ausgewählte wartende Sitzung wartet, damit sie weiterlaufen kann (Strg+Umschalt+B)</translation>
    </message>
    <message>
        <source>Reading the locks</source>
        <translation>Sperren werden gelesen</translation>
    </message>
    <message>
        <source>Waiting for %1, longer than the threshold of %2.</source>
        <translation>Wartet seit %1, länger als der Schwellenwert von %2.</translation>
    </message>
    <message>
        <source>not waiting: %1 for %2</source>
        <translation>wartet nicht: %1 seit %2</translation>
    </message>
    <message>
        <source>not waiting: %1</source>
        <translation>wartet nicht: %1</translation>
    </message>
    <message>
        <source>Idle in transaction while others wait for its locks.</source>
        <translation>Im Leerlauf in einer Transaktion, während andere auf ihre Sperren warten.</translation>
    </message>
    <message>
        <source>granted</source>
        <translation>gewährt</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>wartend</translation>
    </message>
    <message>
        <source>No session waits on a lock</source>
        <translation>Keine Sitzung wartet auf eine Sperre</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) waiting on a lock</source>
        <translation>
            <numerusform>%n Sitzung wartet auf eine Sperre</numerusform>
            <numerusform>%n Sitzungen warten auf eine Sperre</numerusform>
        </translation>
    </message>
    <message>
        <source> (the %1 longest waits shown)</source>
        <translation> (die %1 längsten Wartevorgänge werden angezeigt)</translation>
    </message>
    <message>
        <source> (%1)</source>
        <translation> (%1)</translation>
    </message>
    <message>
        <source>Cancel statements</source>
        <translation>Anweisungen abbrechen</translation>
    </message>
    <message>
        <source>Terminate sessions</source>
        <translation>Sitzungen beenden</translation>
    </message>
    <message>
        <source>Terminate every session of %1</source>
        <translation>Alle Sitzungen von %1 beenden</translation>
    </message>
    <message>
        <source>Terminate the blockers of %1</source>
        <translation>Blockierende Sitzungen von %1 beenden</translation>
    </message>
    <message>
        <source>Preparing: %1</source>
        <translation>Vorbereitung: %1</translation>
    </message>
    <message>
        <source>Nothing to stop: no session matches any more.</source>
        <translation>Nichts zu stoppen: Keine Sitzung passt mehr.</translation>
    </message>
    <message>
        <source>Nothing to stop: %1</source>
        <translation>Nichts zu stoppen: %1</translation>
    </message>
    <message>
        <source>%1 on &lt;b&gt;%2&lt;/b&gt;?</source>
        <translation>%1 auf &lt;b&gt;%2&lt;/b&gt;?</translation>
    </message>
    <message>
        <source>Admin mode or the server changed: nothing was stopped.</source>
        <translation>Admin-Modus oder Server hat sich geändert: Es wurde nichts gestoppt.</translation>
    </message>
    <message>
        <source>Cancelled before it was done: see Sessions for what is still there.</source>
        <translation>Vor dem Abschluss abgebrochen: Unter „Sitzungen“ sehen Sie, was noch vorhanden ist.</translation>
    </message>
    <message numerus="yes">
        <source>Cancelled the running statement of %n session(s): %1.</source>
        <translation>
            <numerusform>Laufende Anweisung von %n Sitzung abgebrochen: %1.</numerusform>
            <numerusform>Laufende Anweisungen von %n Sitzungen abgebrochen: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Terminated %n session(s): %1.</source>
        <translation>
            <numerusform>%n Sitzung beendet: %1.</numerusform>
            <numerusform>%n Sitzungen beendet: %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Gone before it came to them, nothing done: %1.</source>
        <translation>Schon verschwunden, bevor sie an der Reihe waren, nichts getan: %1.</translation>
    </message>
    <message>
        <source>Nothing was stopped.</source>
        <translation>Es wurde nichts gestoppt.</translation>
    </message>
    <message>
        <source>Journalled.</source>
        <translation>Lokal protokolliert.</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Read the tab on screen again (F5)</source>
        <translation>Den angezeigten Tab erneut lesen (F5)</translation>
    </message>
    <message>
        <source>every </source>
        <translation>alle </translation>
    </message>
    <message>
        <source>How often the tab on screen is read while the pane is shown</source>
        <translation>Wie oft der angezeigte Tab gelesen wird, solange der Bereich sichtbar ist</translation>
    </message>
    <message>
        <source>Stop reading every few seconds, to look at what is shown (Ctrl+Shift+P)</source>
        <translation>Das regelmäßige Lesen anhalten, um das Angezeigte in Ruhe anzusehen (Strg+Umschalt+P)</translation>
    </message>
    <message>
        <source>Read-only: switch on &lt;b&gt;Admin mode&lt;/b&gt; (Ctrl+Shift+A) to cancel statements or terminate sessions.</source>
        <translation>Nur Lesen: Schalten Sie den &lt;b&gt;Admin-Modus&lt;/b&gt; ein (Strg+Umschalt+A), um Anweisungen abzubrechen oder Sitzungen zu beenden.</translation>
    </message>
    <message>
        <source>&amp;Sessions</source>
        <translation>&amp;Sitzungen</translation>
    </message>
    <message>
        <source>&amp;Locks</source>
        <translation>S&amp;perren</translation>
    </message>
    <message>
        <source>S&amp;tatements</source>
        <translation>Anw&amp;eisungen</translation>
    </message>
    <message>
        <source>Re&amp;plication</source>
        <translation>&amp;Replikation</translation>
    </message>
    <message>
        <source>P&amp;ools</source>
        <translation>P&amp;ools</translation>
    </message>
    <message>
        <source>H&amp;ealth</source>
        <translation>&amp;Gesundheit</translation>
    </message>
    <message>
        <source>&amp;Charts</source>
        <translation>D&amp;iagramme</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
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
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausieren</translation>
    </message>
    <message>
        <source>Server %1, %2</source>
        <translation>Server %1, %2</translation>
    </message>
    <message>
        <source>database %1</source>
        <translation>Datenbank %1</translation>
    </message>
    <message>
        <source>Select a server in the sidebar.</source>
        <translation>Wählen Sie in der Seitenleiste einen Server aus.</translation>
    </message>
    <message>
        <source>%1 read at %2</source>
        <translation>%1 gelesen um %2</translation>
    </message>
    <message>
        <source>Terminate every session of %1…</source>
        <translation>Alle Sitzungen von %1 beenden…</translation>
    </message>
    <message>
        <source>Active only</source>
        <translation>Nur aktive</translation>
    </message>
    <message>
        <source>Only sessions running a statement now</source>
        <translation>Nur Sitzungen, die gerade eine Anweisung ausführen</translation>
    </message>
    <message>
        <source>Idle in transaction</source>
        <translation>Leerlauf in Transaktion</translation>
    </message>
    <message>
        <source>Only sessions that opened a transaction and wait: they keep their locks and hold back vacuum</source>
        <translation>Nur Sitzungen, die eine Transaktion geöffnet haben und warten: Sie behalten ihre Sperren und halten Vacuum auf</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Wait event</source>
        <translation>Warteereignis</translation>
    </message>
    <message>
        <source>Transaction age</source>
        <translation>Transaktionsalter</translation>
    </message>
    <message>
        <source>Statement age</source>
        <translation>Anweisungsalter</translation>
    </message>
    <message>
        <source>Cancel statement…</source>
        <translation>Anweisung abbrechen…</translation>
    </message>
    <message>
        <source>Cancel the running statement of the selected sessions (pg_cancel_backend); they stay connected (Ctrl+.)</source>
        <translation>Die laufende Anweisung der ausgewählten Sitzungen abbrechen (pg_cancel_backend); sie bleiben verbunden (Strg+.)</translation>
    </message>
    <message>
        <source>Terminate session…</source>
        <translation>Sitzung beenden…</translation>
    </message>
    <message>
        <source>Close the selected sessions (pg_terminate_backend); an open transaction is rolled back (Ctrl+Shift+Del)</source>
        <translation>Die ausgewählten Sitzungen schließen (pg_terminate_backend); eine offene Transaktion wird zurückgerollt (Strg+Umschalt+Entf)</translation>
    </message>
    <message>
        <source>Close every session of the selected database but this Statescope&apos;s own</source>
        <translation>Alle Sitzungen der ausgewählten Datenbank schließen, außer der eigenen Sitzung dieses Statescope</translation>
    </message>
    <message>
        <source>Reading the sessions</source>
        <translation>Sitzungen werden gelesen</translation>
    </message>
    <message>
        <source>%1 (this Statescope)</source>
        <translation>%1 (dieses Statescope)</translation>
    </message>
    <message>
        <source> (blocked by %1)</source>
        <translation> (blockiert von %1)</translation>
    </message>
    <message>
        <source>This Statescope&apos;s own session: it is never cancelled or terminated from here.</source>
        <translation>Die eigene Sitzung dieses Statescope: Sie wird von hier aus nie abgebrochen oder beendet.</translation>
    </message>
    <message>
        <source>Idle in transaction for %1: it keeps its locks and holds back vacuum until it commits or rolls back.</source>
        <translation>Seit %1 im Leerlauf in einer Transaktion: Sie behält ihre Sperren und hält Vacuum auf, bis sie festschreibt oder zurückrollt.</translation>
    </message>
    <message>
        <source>Running for %1, longer than the threshold of %2.</source>
        <translation>Läuft seit %1, länger als der Schwellenwert von %2.</translation>
    </message>
    <message>
        <source>Waiting for a lock held by %1 (see Locks).</source>
        <translation>Wartet auf eine von %1 gehaltene Sperre (siehe „Sperren“).</translation>
    </message>
    <message numerus="yes">
        <source>; %n marked (idle in transaction, long-running or waiting on a lock)</source>
        <translation>
            <numerusform>; %n markiert (Leerlauf in Transaktion, lang laufend oder wartet auf eine Sperre)</numerusform>
            <numerusform>; %n markiert (Leerlauf in Transaktion, lang laufend oder wartend auf eine Sperre)</numerusform>
        </translation>
    </message>
    <message>
        <source>Total time</source>
        <translation>Gesamtzeit</translation>
    </message>
    <message>
        <source>Mean time</source>
        <translation>Mittlere Zeit</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Aufrufe</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>Top &amp;by:</source>
        <translation>Rangfolge &amp;nach:</translation>
    </message>
    <message>
        <source>Generic plan</source>
        <translation>Generischer Plan</translation>
    </message>
    <message>
        <source>The plan of the selected statement with NULL for each parameter, made in its own database without running it (Ctrl+Shift+E)</source>
        <translation>Der Plan der ausgewählten Anweisung mit NULL für jeden Parameter, erstellt in ihrer eigenen Datenbank, ohne sie auszuführen (Strg+Umschalt+E)</translation>
    </message>
    <message>
        <source>Reset statistics…</source>
        <translation>Statistiken zurücksetzen…</translation>
    </message>
    <message>
        <source>Clear what pg_stat_statements has recorded on this server</source>
        <translation>Löschen, was pg_stat_statements auf diesem Server aufgezeichnet hat</translation>
    </message>
    <message>
        <source>Total (ms)</source>
        <translation>Gesamt (ms)</translation>
    </message>
    <message>
        <source>Mean (ms)</source>
        <translation>Mittel (ms)</translation>
    </message>
    <message>
        <source>Min (ms)</source>
        <translation>Min (ms)</translation>
    </message>
    <message>
        <source>Max (ms)</source>
        <translation>Max (ms)</translation>
    </message>
    <message>
        <source>Stddev (ms)</source>
        <translation>Std.-Abw. (ms)</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Self cost</source>
        <translation>Eigene Kosten</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>Anweisung</translation>
    </message>
    <message>
        <source>Plan (JSON)</source>
        <translation>Plan (JSON)</translation>
    </message>
    <message>
        <source>Reading the statements</source>
        <translation>Anweisungen werden gelesen</translation>
    </message>
    <message>
        <source>Read in %1 (%2)</source>
        <translation>Gelesen in %1 (%2)</translation>
    </message>
    <message>
        <source>No statement recorded yet.</source>
        <translation>Noch keine Anweisung aufgezeichnet.</translation>
    </message>
    <message>
        <source>PostgreSQL 15&apos;s pg_stat_statements keeps no percentiles: where p99 would be, the mean and the max are shown; a mean above %1 ms is marked.</source>
        <translation>pg_stat_statements von PostgreSQL 15 führt keine Perzentile: Anstelle von p99 werden Mittelwert und Maximum angezeigt; ein Mittelwert über %1 ms wird markiert.</translation>
    </message>
    <message>
        <source>Mean %1 ms, above the threshold of %2 ms (PostgreSQL 15 has no p99: the mean stands in for it); the slowest call took %3 ms.</source>
        <translation>Mittelwert %1 ms, über dem Schwellenwert von %2 ms (PostgreSQL 15 kennt kein p99: Der Mittelwert steht stellvertretend dafür); der langsamste Aufruf dauerte %3 ms.</translation>
    </message>
    <message>
        <source>-- %1 in %2, as %3
%4</source>
        <translation>-- %1 in %2, als %3
%4</translation>
    </message>
    <message>
        <source>Planning a statement in %1</source>
        <translation>Anweisung wird in %1 geplant</translation>
    </message>
    <message>
        <source>Reset statement statistics</source>
        <translation>Anweisungsstatistiken zurücksetzen</translation>
    </message>
    <message>
        <source>Reset pg_stat_statements on &lt;b&gt;%1&lt;/b&gt;?</source>
        <translation>pg_stat_statements auf &lt;b&gt;%1&lt;/b&gt; zurücksetzen?</translation>
    </message>
    <message>
        <source>&lt;p&gt;Every statement&apos;s calls, times and rows that pg_stat_statements recorded on this server are cleared (pg_stat_statements_reset()), for every database, not only the one selected. The top list starts again from nothing; what was slow before is no longer told apart.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Alle Aufrufe, Zeiten und Zeilen jeder Anweisung, die pg_stat_statements auf diesem Server aufgezeichnet hat, werden gelöscht (pg_stat_statements_reset()), und zwar für alle Datenbanken, nicht nur die ausgewählte. Die Top-Liste beginnt wieder bei null; was vorher langsam war, lässt sich danach nicht mehr unterscheiden.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Admin mode or the server changed: nothing was reset.</source>
        <translation>Admin-Modus oder Server hat sich geändert: Es wurde nichts zurückgesetzt.</translation>
    </message>
    <message>
        <source>The statement statistics were reset. Journalled.</source>
        <translation>Die Anweisungsstatistiken wurden zurückgesetzt. Lokal protokolliert.</translation>
    </message>
    <message>
        <source>Standby</source>
        <translation>Standby</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>Lag (bytes)</source>
        <translation>Verzögerung (Bytes)</translation>
    </message>
    <message>
        <source>Lag</source>
        <translation>Verzögerung</translation>
    </message>
    <message>
        <source>Slot</source>
        <translation>Slot</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>WAL status</source>
        <translation>WAL-Status</translation>
    </message>
    <message>
        <source>WAL retained</source>
        <translation>Zurückgehaltenes WAL</translation>
    </message>
    <message>
        <source>&lt;b&gt;Standbys&lt;/b&gt;</source>
        <translation>&lt;b&gt;Standbys&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Replication slots&lt;/b&gt;</source>
        <translation>&lt;b&gt;Replikationsslots&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Reading replication</source>
        <translation>Replikation wird gelesen</translation>
    </message>
    <message>
        <source>%1 behind, more than the threshold of %2.</source>
        <translation>%1 im Rückstand, mehr als der Schwellenwert von %2.</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Inactive and holding %1 of WAL: the server keeps it, and its disk, until the slot is used again or dropped.</source>
        <translation>Inaktiv und hält %1 WAL zurück: Der Server behält es samt Speicherplatz, bis der Slot wieder verwendet oder gelöscht wird.</translation>
    </message>
    <message>
        <source>This server is a standby: replay lag %1; %2 received and not yet replayed.</source>
        <translation>Dieser Server ist ein Standby: Replay-Verzögerung %1; %2 empfangen und noch nicht wiedergegeben.</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>nothing known</source>
        <translation>Menge unbekannt</translation>
    </message>
    <message>
        <source>That is more than the threshold of %1.</source>
        <translation>Das ist mehr als der Schwellenwert von %1.</translation>
    </message>
    <message>
        <source>No standby is connected and there is no replication slot.</source>
        <translation>Kein Standby ist verbunden, und es gibt keinen Replikationsslot.</translation>
    </message>
    <message numerus="yes">
        <source>%n standby(s) connected</source>
        <translation>
            <numerusform>%n Standby verbunden</numerusform>
            <numerusform>%n Standbys verbunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n replication slot(s).</source>
        <translation>
            <numerusform>%n Replikationsslot.</numerusform>
            <numerusform>%n Replikationsslots.</numerusform>
        </translation>
    </message>
    <message>
        <source>host=... port=6432 dbname=pgbouncer user=...</source>
        <translation>host=... port=6432 dbname=pgbouncer user=...</translation>
    </message>
    <message>
        <source>PgBouncer&apos;s admin console: dbname=pgbouncer, as a user named in its admin_users or stats_users (Enter reads it)</source>
        <translation>Admin-Konsole von PgBouncer: dbname=pgbouncer, als ein Benutzer, der in admin_users oder stats_users eingetragen ist (Eingabetaste liest sie)</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Lesen</translation>
    </message>
    <message>
        <source>SHOW POOLS, SHOW STATS and SHOW CLIENTS on the console</source>
        <translation>SHOW POOLS, SHOW STATS und SHOW CLIENTS auf der Konsole</translation>
    </message>
    <message>
        <source>Clients active</source>
        <translation>Aktive Clients</translation>
    </message>
    <message>
        <source>Clients waiting</source>
        <translation>Wartende Clients</translation>
    </message>
    <message>
        <source>Servers active</source>
        <translation>Aktive Server</translation>
    </message>
    <message>
        <source>Servers idle</source>
        <translation>Server im Leerlauf</translation>
    </message>
    <message>
        <source>Pool size</source>
        <translation>Poolgröße</translation>
    </message>
    <message>
        <source>Saturation</source>
        <translation>Auslastung</translation>
    </message>
    <message>
        <source>Max wait</source>
        <translation>Max. Wartezeit</translation>
    </message>
    <message>
        <source>Pools</source>
        <translation>Pools</translation>
    </message>
    <message>
        <source>Stats</source>
        <translation>Statistiken</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Clients</translation>
    </message>
    <message>
        <source>Console:</source>
        <translation>Konsole:</translation>
    </message>
    <message>
        <source>Give the connection string of PgBouncer&apos;s admin console (dbname=pgbouncer).</source>
        <translation>Geben Sie die Verbindungszeichenfolge der Admin-Konsole von PgBouncer an (dbname=pgbouncer).</translation>
    </message>
    <message>
        <source>PgBouncer</source>
        <translation>PgBouncer</translation>
    </message>
    <message>
        <source>Reading PgBouncer&apos;s pools</source>
        <translation>Pools von PgBouncer werden gelesen</translation>
    </message>
    <message>
        <source>Give the connection string of PgBouncer&apos;s admin console and press Read: its pools, their waiting clients and saturation.</source>
        <translation>Geben Sie die Verbindungszeichenfolge der Admin-Konsole von PgBouncer an und klicken Sie auf „Lesen“: ihre Pools, deren wartende Clients und Auslastung.</translation>
    </message>
    <message numerus="yes">
        <source>%n client(s) waiting for a server connection; the longest for %1.</source>
        <translation>
            <numerusform>%n Client wartet seit %1 auf eine Serververbindung.</numerusform>
            <numerusform>%n Clients warten auf eine Serververbindung; der längste seit %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of the pool&apos;s server connections busy, above the threshold of %2.</source>
        <translation>%1 der Serververbindungen des Pools belegt, über dem Schwellenwert von %2.</translation>
    </message>
    <message numerus="yes">
        <source>%n pool(s)</source>
        <translation>
            <numerusform>%n Pool</numerusform>
            <numerusform>%n Pools</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n client(s) waiting.</source>
        <translation>
            <numerusform>%n Client wartet.</numerusform>
            <numerusform>%n Clients warten.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %Ln lock(s) held or asked for</source>
        <translation>
            <numerusform>; %Ln Sperre gehalten oder angefordert</numerusform>
            <numerusform>; %Ln Sperren gehalten oder angefordert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %Ln deadlock(s) since the statistics were reset</source>
        <translation>
            <numerusform>; %Ln Deadlock seit dem Zurücksetzen der Statistik</numerusform>
            <numerusform>; %Ln Deadlocks seit dem Zurücksetzen der Statistik</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n session(s) running a statement</source>
        <translation>
            <numerusform>%1 von %n Sitzung mit laufender Anweisung</numerusform>
            <numerusform>%1 von %n Sitzungen mit laufender Anweisung</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n session(s) idle in transaction</source>
        <translation>
            <numerusform>%1 von %n Sitzung untätig in einer Transaktion</numerusform>
            <numerusform>%1 von %n Sitzungen untätig in einer Transaktion</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n session(s)</source>
        <translation>
            <numerusform>%1 von %n Sitzung</numerusform>
            <numerusform>%1 von %n Sitzungen</numerusform>
        </translation>
    </message>
    <message>
        <source>No samples yet.</source>
        <translation>Noch keine Messwerte.</translation>
    </message>
    <message>
        <source>PID %1</source>
        <translation>PID %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Formation&lt;/b&gt;</source>
        <translation>&lt;b&gt;Formation&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Reported state</source>
        <translation>Gemeldeter Zustand</translation>
    </message>
    <message>
        <source>Assigned state</source>
        <translation>Zugewiesener Zustand</translation>
    </message>
    <message>
        <source>Candidate priority</source>
        <translation>Kandidatenpriorität</translation>
    </message>
    <message>
        <source>Quorum</source>
        <translation>Quorum</translation>
    </message>
    <message>
        <source>LSN</source>
        <translation>LSN</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Formation %1: %2</source>
        <translation>Formation %1: %2</translation>
    </message>
    <message>
        <source>Formation %1: no node answered: %2</source>
        <translation>Formation %1: kein Knoten hat geantwortet: %2</translation>
    </message>
    <message>
        <source>Formation %1 (monitor %2): settled, primary %3.</source>
        <translation>Formation %1 (Monitor %2): stabil, Primary %3.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>Formation %1 (monitor %2): %3</source>
        <translation>Formation %1 (Monitor %2): %3</translation>
    </message>
    <message>
        <source>healthy</source>
        <translation>gesund</translation>
    </message>
    <message>
        <source>unhealthy</source>
        <translation>nicht erreichbar</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>nicht geprüft</translation>
    </message>
    <message>
        <source>The monitor&apos;s health checks do not reach this node.</source>
        <translation>Die Gesundheitsprüfungen des Monitors erreichen diesen Knoten nicht.</translation>
    </message>
    <message>
        <source>The monitor has assigned %1; the node still reports %2.</source>
        <translation>Der Monitor hat %1 zugewiesen; der Knoten meldet noch %2.</translation>
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
        <source>&amp;Reset...</source>
        <translation>&amp;Zurücksetzen...</translation>
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
        <source>Recreate a database from a dump taken before a reset or drop</source>
        <translation>Eine Datenbank aus einem Dump wiederherstellen, der vor dem Zurücksetzen oder Löschen erstellt wurde</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
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
        <source>Drop will &lt;b&gt;delete&lt;/b&gt; %1 from the server.</source>
        <translation>Beim Löschen wird %1 vom Server &lt;b&gt;entfernt&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>Size %1, about %2 rows, schema version %3.</source>
        <translation>Größe %1, etwa %2 Zeilen, Schemaversion %3.</translation>
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
        <source>Restoring %1</source>
        <translation>%1 wird wiederhergestellt</translation>
    </message>
    <message>
        <source>Restored %1.</source>
        <translation>%1 wiederhergestellt.</translation>
    </message>
    <message>
        <source>&amp;Migrate…</source>
        <translation>&amp;Migrieren…</translation>
    </message>
    <message>
        <source>Apply the pending migrations, after showing them and asking for the database&apos;s name</source>
        <translation>Die ausstehenden Migrationen anwenden, nachdem sie angezeigt wurden und der Datenbankname abgefragt wurde</translation>
    </message>
    <message>
        <source>&amp;Adopt...</source>
        <translation>&amp;Übernehmen...</translation>
    </message>
    <message>
        <source>Add Statescope&apos;s bookkeeping (the statescope schema only) to a database Statescope did not create, so that rollbacks and prunes can be archived and undone there</source>
        <translation>Die Verwaltungsdaten von Statescope (nur das Schema statescope) zu einer Datenbank hinzufügen, die Statescope nicht erstellt hat, damit Rollbacks und Bereinigungen dort archiviert und rückgängig gemacht werden können</translation>
    </message>
    <message>
        <source>Dump, drop and recreate the selected database, empty, with its schema</source>
        <translation>Die ausgewählte Datenbank per Dump sichern, löschen und leer mit ihrem Schema neu erstellen</translation>
    </message>
    <message>
        <source>Dump re&amp;tention...</source>
        <translation>Dump-Auf&amp;bewahrung...</translation>
    </message>
    <message>
        <source>How many old dumps of each database are kept</source>
        <translation>Wie viele alte Dumps jeder Datenbank aufbewahrt werden</translation>
    </message>
    <message>
        <source>List the databases again (F5)</source>
        <translation>Die Datenbanken erneut auflisten (F5)</translation>
    </message>
    <message numerus="yes">
        <source>, partitioned (%n partition(s))</source>
        <translation>
            <numerusform>, partitioniert (%n Partition)</numerusform>
            <numerusform>, partitioniert (%n Partitionen)</numerusform>
        </translation>
    </message>
    <message>
        <source>, row-level security</source>
        <translation>, Sicherheit auf Zeilenebene</translation>
    </message>
    <message>
        <source>Game data: %1</source>
        <translation>Spieldaten: %1</translation>
    </message>
    <message>
        <source>Statescope&apos;s weekly schema does not apply to this database.</source>
        <translation>Das Wochendatenbank-Schema von Statescope gilt nicht für diese Datenbank.</translation>
    </message>
    <message>
        <source>Adopted: Statescope&apos;s bookkeeping is in its statescope schema.</source>
        <translation>Übernommen: Die Verwaltungsdaten von Statescope liegen im Schema statescope der Datenbank.</translation>
    </message>
    <message>
        <source>Read-only for Statescope until adopted (Adopt, in admin mode).</source>
        <translation>Für Statescope schreibgeschützt bis zur Übernahme („Übernehmen“ im Admin-Modus).</translation>
    </message>
    <message>
        <source>Applies, in one transaction (all or none):</source>
        <translation>Wendet in einer Transaktion an (alle oder keine):</translation>
    </message>
    <message>
        <source>Migrate</source>
        <translation>Migrieren</translation>
    </message>
    <message>
        <source>Migrate &lt;b&gt;%1&lt;/b&gt;?</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; migrieren?</translation>
    </message>
    <message>
        <source>Preparing the adoption of %1</source>
        <translation>Übernahme von %1 wird vorbereitet</translation>
    </message>
    <message>
        <source>%1 already has Statescope&apos;s bookkeeping.</source>
        <translation>%1 hat bereits die Verwaltungsdaten von Statescope.</translation>
    </message>
    <message>
        <source>Creates the schema &lt;b&gt;statescope&lt;/b&gt; (audit log, rollback and snapshot archives) in one transaction, and nothing else: no table, index or row of the game&apos;s is created, altered or dropped.</source>
        <translation>Erstellt in einer Transaktion das Schema &lt;b&gt;statescope&lt;/b&gt; (Audit-Protokoll, Rollback- und Snapshot-Archive) und sonst nichts: Keine Tabelle, kein Index und keine Zeile des Spiels wird erstellt, geändert oder gelöscht.</translation>
    </message>
    <message>
        <source>Its own migrations (%1) are not affected.</source>
        <translation>Ihre eigenen Migrationen (%1) sind nicht betroffen.</translation>
    </message>
    <message>
        <source>Adopt</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <source>Adopt &lt;b&gt;%1&lt;/b&gt;?</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; übernehmen?</translation>
    </message>
    <message>
        <source>Adopting %1</source>
        <translation>%1 wird übernommen</translation>
    </message>
    <message>
        <source>Adopted %1: Statescope&apos;s bookkeeping is in its statescope schema (version %2).</source>
        <translation>%1 übernommen: Die Verwaltungsdaten von Statescope liegen im Schema statescope der Datenbank (Version %2).</translation>
    </message>
    <message>
        <source>Reset will &lt;b&gt;drop&lt;/b&gt; %1 and create it again, empty, with %2.</source>
        <translation>Beim Zurücksetzen wird %1 &lt;b&gt;gelöscht&lt;/b&gt; und leer neu erstellt, mit %2.</translation>
    </message>
    <message numerus="yes">
        <source>%n older dump(s) removed by the retention setting.</source>
        <translation>
            <numerusform>%n älterer Dump durch die Aufbewahrungseinstellung entfernt.</numerusform>
            <numerusform>%n ältere Dumps durch die Aufbewahrungseinstellung entfernt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Co&amp;llector…</source>
        <translation>C&amp;ollector…</translation>
    </message>
    <message>
        <source>Fetch the game&apos;s API into this family&apos;s current week (docs/COLLECTOR.md)</source>
        <translation>Die API des Spiels in die aktuelle Woche dieser Familie abrufen (docs/COLLECTOR.md)</translation>
    </message>
    <message>
        <source>Reading as a superuser acts as one: make the role that reading sessions of this superuser use instead (not a superuser; reads all data)</source>
        <translation>Wer als Superuser liest, handelt als Superuser: die Rolle erstellen, die lesende Sitzungen dieses Superusers stattdessen verwenden (kein Superuser; liest alle Daten)</translation>
    </message>
    <message>
        <source>Checking what %1 would be made like</source>
        <translation>Es wird geprüft, nach welchem Vorbild %1 erstellt würde</translation>
    </message>
    <message>
        <source>Create %1</source>
        <translation>%1 erstellen</translation>
    </message>
    <message>
        <source>Create anyway</source>
        <translation>Trotzdem erstellen</translation>
    </message>
    <message>
        <source>Looking at the reader login</source>
        <translation>Lese-Login wird geprüft</translation>
    </message>
    <message>
        <source>%1 is not a superuser: reading uses its own privileges, and no reader login is needed.</source>
        <translation>%1 ist kein Superuser: Beim Lesen gelten die eigenen Berechtigungen der Rolle, ein Lese-Login wird nicht benötigt.</translation>
    </message>
    <message>
        <source>%1 is a superuser. A read-only transaction does not stop a superuser from acting on the server while only reading (COPY … TO PROGRAM, pg_terminate_backend, replication slots…), so reading sessions log in as a second role instead: &lt;b&gt;%2&lt;/b&gt;, which is no superuser, may read all data (pg_read_all_data, pg_read_all_stats) and bypasses row-level security, so it sees what %1 sees.</source>
        <translation>%1 ist ein Superuser. Eine schreibgeschützte Transaktion hindert einen Superuser nicht daran, beim bloßen Lesen auf den Server einzuwirken (COPY … TO PROGRAM, pg_terminate_backend, Replikationsslots…), daher melden sich lesende Sitzungen stattdessen als zweite Rolle an: &lt;b&gt;%2&lt;/b&gt;. Diese ist kein Superuser, darf alle Daten lesen (pg_read_all_data, pg_read_all_stats) und umgeht die Sicherheit auf Zeilenebene, sieht also, was %1 sieht.</translation>
    </message>
    <message>
        <source>It exists and works; going on gives it a new password.</source>
        <translation>Es existiert und funktioniert; beim Fortfahren erhält es ein neues Passwort.</translation>
    </message>
    <message>
        <source>Going on repairs it.</source>
        <translation>Beim Fortfahren wird es repariert.</translation>
    </message>
    <message>
        <source>It does not exist yet: until it does, the SQL pane refuses what could act on the server before sending it.</source>
        <translation>Es existiert noch nicht: Bis dahin lehnt der SQL-Bereich vor dem Senden ab, was auf den Server einwirken könnte.</translation>
    </message>
    <message>
        <source>Its password is made at random and kept in the system keychain only.</source>
        <translation>Sein Passwort wird zufällig erzeugt und nur im System-Schlüsselbund gespeichert.</translation>
    </message>
    <message>
        <source>Reader login</source>
        <translation>Lese-Login</translation>
    </message>
    <message>
        <source>Create the reader login &lt;b&gt;%1&lt;/b&gt;?</source>
        <translation>Das Lese-Login &lt;b&gt;%1&lt;/b&gt; erstellen?</translation>
    </message>
    <message>
        <source>Give it no password (only for a server that lets it in without one: local trust or peer authentication)</source>
        <translation>Kein Passwort vergeben (nur für einen Server, der die Anmeldung ohne Passwort zulässt: lokale trust- oder peer-Authentifizierung)</translation>
    </message>
    <message>
        <source>Creating the reader login %1</source>
        <translation>Lese-Login %1 wird erstellt</translation>
    </message>
    <message>
        <source>Reading as %1 now reads as %2, a role that is not a superuser.</source>
        <translation>Lesen als %1 erfolgt jetzt als %2, einer Rolle, die kein Superuser ist.</translation>
    </message>
    <message>
        <source>The system keychain could not keep the reader login&apos;s password, so it was not created; nothing was changed.</source>
        <translation>Der System-Schlüsselbund konnte das Passwort des Lese-Logins nicht speichern, daher wurde es nicht erstellt; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Tick &quot;no password&quot; for a server that trusts local connections, or create it with statescope-cli db reader --password-env.</source>
        <translation>Aktivieren Sie „Kein Passwort“ für einen Server, der lokalen Verbindungen vertraut, oder erstellen Sie das Lese-Login mit statescope-cli db reader --password-env.</translation>
    </message>
    <message>
        <source>Restore d&amp;ump...</source>
        <translation>D&amp;ump wiederherstellen...</translation>
    </message>
    <message>
        <source>Reader log&amp;in…</source>
        <translation>Le&amp;se-Login…</translation>
    </message>
    <message>
        <source>Every week of the selected family (on every open server) side by side: migration tools and versions, checksum drift, schema fingerprint, and where a week leaves the majority</source>
        <translation>Alle Wochen der ausgewählten Familie (auf allen geöffneten Servern) nebeneinander: Migrationswerkzeuge und -versionen, Prüfsummen-Drift, Schema-Fingerabdruck und wo eine Woche von der Mehrheit abweicht</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; lives on %2. Select it under that server to act on it.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; liegt auf %2. Wählen Sie die Datenbank unter diesem Server aus, um damit zu arbeiten.</translation>
    </message>
    <message numerus="yes">
        <source>%n other session(s) will be terminated:</source>
        <translation>
            <numerusform>%n andere Sitzung wird beendet:</numerusform>
            <numerusform>%n andere Sitzungen werden beendet:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform> und %n weitere</numerusform>
            <numerusform> und %n weitere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more table(s) holding about %1 rows</source>
        <translation>
            <numerusform>und %n weitere Tabelle mit etwa %1 Zeilen</numerusform>
            <numerusform>und %n weitere Tabellen mit etwa %1 Zeilen</numerusform>
        </translation>
    </message>
    <message>
        <source>Up&amp;keep…</source>
        <translation>Wa&amp;rtung…</translation>
    </message>
    <message>
        <source>The selected database&apos;s upkeep: time partitions made ahead and archived, completed jobs archived, autovacuum settings, indexes rebuilt concurrently, pg_cron&apos;s jobs</source>
        <translation>Wartung der ausgewählten Datenbank: Zeitpartitionen im Voraus anlegen und archivieren, abgeschlossene Jobs archivieren, Autovacuum-Einstellungen, Indizes nebenläufig neu aufbauen, Jobs von pg_cron</translation>
    </message>
    <message>
        <source>%1 can only move to another open server: open the server it should go to first (Ctrl+O).</source>
        <translation>%1 kann nur auf einen anderen geöffneten Server verschoben werden: Öffnen Sie zuerst den Zielserver (Strg+O).</translation>
    </message>
    <message>
        <source>Move %1</source>
        <translation>%1 verschieben</translation>
    </message>
    <message>
        <source>The server %1 goes to:</source>
        <translation>Zielserver für %1:</translation>
    </message>
    <message>
        <source>Preparing the move of %1</source>
        <translation>Verschieben von %1 wird vorbereitet</translation>
    </message>
    <message>
        <source>Move will copy %1 to &lt;b&gt;%2&lt;/b&gt; and then &lt;b&gt;drop&lt;/b&gt; it from %3.</source>
        <translation>Beim Verschieben wird %1 nach &lt;b&gt;%2&lt;/b&gt; kopiert und anschließend von %3 &lt;b&gt;gelöscht&lt;/b&gt;.</translation>
    </message>
    <message numerus="yes">
        <source>Size %1, about %2 rows in %n table(s).</source>
        <translation>
            <numerusform>Größe %1, etwa %2 Zeilen in %n Tabelle.</numerusform>
            <numerusform>Größe %1, etwa %2 Zeilen in %n Tabellen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n other session(s) will be terminated.</source>
        <translation>
            <numerusform>%n andere Sitzung wird beendet.</numerusform>
            <numerusform>%n andere Sitzungen werden beendet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Writers are fenced off and %1 is dumped; the dump is restored on %2 with the same owner, settings and grants; every table&apos;s rows are counted on both servers. %1 is dropped here only when the counts agree; otherwise it stays as it was and the copy is taken away. The dump is kept either way.</source>
        <translation>Schreibende Sitzungen werden ausgesperrt und von %1 wird ein Dump erstellt; der Dump wird auf %2 mit demselben Eigentümer sowie denselben Einstellungen und Berechtigungen wiederhergestellt; die Zeilen jeder Tabelle werden auf beiden Servern gezählt. %1 wird hier nur gelöscht, wenn die Zahlen übereinstimmen; andernfalls bleibt die Datenbank unverändert und die Kopie wird wieder entfernt. Der Dump bleibt in jedem Fall erhalten.</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Verschieben</translation>
    </message>
    <message>
        <source>Move &lt;b&gt;%1&lt;/b&gt; to %2?</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; nach %2 verschieben?</translation>
    </message>
    <message>
        <source>Moving %1 to %2</source>
        <translation>%1 wird nach %2 verschoben</translation>
    </message>
    <message numerus="yes">
        <source>Moved %1 to %2: %n table(s), %3 rows, counted on both servers.</source>
        <translation>
            <numerusform>%1 nach %2 verschoben: %n Tabelle, %3 Zeilen, auf beiden Servern gezählt.</numerusform>
            <numerusform>%1 nach %2 verschoben: %n Tabellen, %3 Zeilen, auf beiden Servern gezählt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Move the selected week to another open server: dumped, restored there, every table&apos;s rows counted on both, and dropped here only when they agree</source>
        <translation>Die ausgewählte Woche auf einen anderen geöffneten Server verschieben: per Dump gesichert, dort wiederhergestellt, die Zeilen jeder Tabelle auf beiden Servern gezählt und hier nur gelöscht, wenn sie übereinstimmen</translation>
    </message>
    <message>
        <source>Reading its schema state…</source>
        <translation>Schemastatus wird gelesen…</translation>
    </message>
    <message>
        <source>Move to &amp;server…</source>
        <translation>Auf Server &amp;verschieben…</translation>
    </message>
    <message>
        <source>Famil&amp;y drift…</source>
        <translation>Familien-Dri&amp;ft…</translation>
    </message>
    <message>
        <source>Audit lo&amp;g…</source>
        <translation>Audit&amp;protokoll…</translation>
    </message>
    <message>
        <source>What Statescope did and why: the journal of resets, drops, moves and restores, and the selected database&apos;s own audit log (reading only, in any mode)</source>
        <translation>Was Statescope getan hat und warum: das Journal der Zurücksetzungen, Löschungen, Umzüge und Wiederherstellungen und das Audit-Protokoll der ausgewählten Datenbank (nur lesend, in jedem Modus)</translation>
    </message>
    <message>
        <source>Connect to a server first.</source>
        <translation>Verbinden Sie sich zuerst mit einem Server.</translation>
    </message>
    <message>
        <source>Switch on admin mode (Ctrl+Shift+A) to change databases.</source>
        <translation>Schalten Sie den Admin-Modus ein (Strg+Umschalt+A), um Datenbanken zu ändern.</translation>
    </message>
    <message>
        <source>Wait for the operation under way (or cancel it).</source>
        <translation>Warten Sie, bis der laufende Vorgang fertig ist (oder brechen Sie ihn ab).</translation>
    </message>
    <message>
        <source>Select a database in the list.</source>
        <translation>Wählen Sie eine Datenbank in der Liste aus.</translation>
    </message>
    <message>
        <source>%1 was left invalid by an interrupted drop: finish or undo that first (above).</source>
        <translation>%1 ist nach einem unterbrochenen Löschen ungültig: Schließen Sie das zuerst ab oder machen Sie es rückgängig (oben).</translation>
    </message>
    <message>
        <source>Its schema could not be read: %1</source>
        <translation>Ihr Schema konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Its migrations are blocked: see the details beside the list.</source>
        <translation>Ihre Migrationen sind blockiert: siehe die Details neben der Liste.</translation>
    </message>
    <message>
        <source>Nothing to migrate: %1 has no pending migration.</source>
        <translation>Nichts zu migrieren: %1 hat keine ausstehende Migration.</translation>
    </message>
    <message>
        <source>%1 is already adopted.</source>
        <translation>%1 ist bereits übernommen.</translation>
    </message>
    <message>
        <source>%1 does not take connections.</source>
        <translation>%1 nimmt keine Verbindungen an.</translation>
    </message>
</context>
<context>
    <name>statescope::gui::AuditDialog</name>
    <message>
        <source>Audit log</source>
        <translation>Audit-Protokoll</translation>
    </message>
    <message>
        <source>&amp;Journal (server actions)</source>
        <translation>&amp;Journal (Serveraktionen)</translation>
    </message>
    <message>
        <source>&amp;Database audit log</source>
        <translation>Audit-Protokoll der &amp;Datenbank</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Read both logs again (F5)</source>
        <translation>Beide Protokolle neu lesen (F5)</translation>
    </message>
    <message>
        <source>Filter: any word of any column (an action, a database, a reason…)</source>
        <translation>Filter: ein Wort aus einer beliebigen Spalte (eine Aktion, eine Datenbank, ein Grund…)</translation>
    </message>
    <message>
        <source>Reading the journal</source>
        <translation>Journal wird gelesen</translation>
    </message>
    <message>
        <source>Journal</source>
        <translation>Journal</translation>
    </message>
    <message numerus="yes">
        <source>Reset, drop, move and restore of every server, as this machine&apos;s Statescope (GUI and CLI) wrote them to %1: the newest %Ln entries.</source>
        <translation>
            <numerusform>Zurücksetzen, Löschen, Umziehen und Wiederherstellen auf jedem Server, wie Statescope (GUI und CLI) auf diesem Rechner sie in %1 schrieb: der neueste %Ln Eintrag.</numerusform>
            <numerusform>Zurücksetzen, Löschen, Umziehen und Wiederherstellen auf jedem Server, wie Statescope (GUI und CLI) auf diesem Rechner sie in %1 schrieb: die neuesten %Ln Einträge.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) never finished (shown in red): the Admin pane&apos;s recovery panel finishes or undoes each.</source>
        <translation>
            <numerusform>%n Lauf wurde nie beendet (rot): die Wiederherstellungsleiste im Admin-Bereich beendet ihn oder macht ihn rückgängig.</numerusform>
            <numerusform>%n Läufe wurden nie beendet (rot): die Wiederherstellungsleiste im Admin-Bereich beendet oder macht jeden rückgängig.</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a database in the Admin pane to read its audit log.</source>
        <translation>Eine Datenbank im Admin-Bereich auswählen, um ihr Audit-Protokoll zu lesen.</translation>
    </message>
    <message>
        <source>Reading the audit log of %1…</source>
        <translation>Audit-Protokoll von %1 wird gelesen…</translation>
    </message>
    <message>
        <source>Reading the audit log of %1</source>
        <translation>Audit-Protokoll von %1 wird gelesen</translation>
    </message>
    <message>
        <source>The audit log of %1 could not be read.</source>
        <translation>Das Audit-Protokoll von %1 konnte nicht gelesen werden.</translation>
    </message>
    <message numerus="yes">
        <source>What was done inside %1 (migrations, adoption, rollbacks, prunes), written in the same transaction as the change: the newest %Ln entries.</source>
        <translation>
            <numerusform>Was in %1 getan wurde (Migrationen, Übernahme, Rücksetzungen, Bereinigungen), in derselben Transaktion wie die Änderung geschrieben: der neueste %Ln Eintrag.</numerusform>
            <numerusform>Was in %1 getan wurde (Migrationen, Übernahme, Rücksetzungen, Bereinigungen), in derselben Transaktion wie die Änderung geschrieben: die neuesten %Ln Einträge.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 has no audit log: Statescope did not make it and it is not adopted. Its resets and drops are in the journal.</source>
        <translation>%1 hat kein Audit-Protokoll: Statescope hat sie nicht angelegt, und sie ist nicht übernommen. Ihre Zurücksetzungen und Löschungen stehen im Journal.</translation>
    </message>
    <message>
        <source>Reset, drop, move and restore of every server, as this machine&apos;s Statescope (GUI and CLI) writes them to %1: none so far.</source>
        <translation>Zurücksetzen, Löschen, Umziehen und Wiederherstellen auf jedem Server, wie Statescope (GUI und CLI) auf diesem Rechner sie in %1 schreibt: bisher keine.</translation>
    </message>
    <message>
        <source>What is done inside %1 (migrations, adoption, rollbacks, prunes) is written here, in the same transaction as the change: nothing so far.</source>
        <translation>Was in %1 getan wird (Migrationen, Übernahme, Rücksetzungen, Bereinigungen), steht hier, in derselben Transaktion wie die Änderung geschrieben: bisher nichts.</translation>
    </message>
</context>
<context>
    <name>statescope::gui::Banner</name>
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
    <name>statescope::gui::BoxScoreView</name>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Batter</source>
        <translation>Schlagmann</translation>
    </message>
    <message>
        <source>PA</source>
        <translation>PA</translation>
    </message>
    <message>
        <source>AB</source>
        <translation>AB</translation>
    </message>
    <message>
        <source>H</source>
        <translation>H</translation>
    </message>
    <message>
        <source>HR</source>
        <translation>HR</translation>
    </message>
    <message>
        <source>BB</source>
        <translation>BB</translation>
    </message>
    <message>
        <source>SO</source>
        <translation>SO</translation>
    </message>
    <message>
        <source>Pitcher</source>
        <translation>Werfer</translation>
    </message>
    <message>
        <source>IP</source>
        <translation>IP</translation>
    </message>
    <message>
        <source>BF</source>
        <translation>BF</translation>
    </message>
    <message>
        <source>R</source>
        <translation>R</translation>
    </message>
    <message>
        <source>Summed from the plays up to the one shown, by batter_id, as the game&apos;s own stats query does.</source>
        <translation>Aus den Spielzügen bis zum angezeigten summiert, nach batter_id, wie es die eigene Statistikabfrage des Spiels tut.</translation>
    </message>
    <message>
        <source>The plays table has no %1: those figures are unknown (shown as -).</source>
        <translation>Die Tabelle plays hat keine Spalte(n) %1: Diese Werte sind unbekannt (als - angezeigt).</translation>
    </message>
    <message>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>Summe</translation>
    </message>
    <message>
        <source>PR</source>
        <translation>PR</translation>
    </message>
    <message>
        <source>Runs of the runners placed on second in extra innings (or their pinch runners): counted in R, and unearned.</source>
        <translation>Runs der in Extra-Innings auf die zweite Base gesetzten Läufer (oder ihrer Pinch Runner): in R enthalten und unearned.</translation>
    </message>
    <message>
        <source>PR: runs of runners placed on second in extra innings (unearned).</source>
        <translation>PR: Runs der in Extra-Innings auf die zweite Base gesetzten Läufer (unearned).</translation>
    </message>
    <message>
        <source>ER</source>
        <translation>ER</translation>
    </message>
    <message>
        <source>Earned runs: of R, those not scored by a placed runner, a runner who reached on an error, or on a play with an error or passed ball. Unknown (-) where the plays carry no errors.</source>
        <translation>Verdiente Runs: von R jene, die weder ein gesetzter Läufer noch ein nach einem Fehler auf Base gelangter Läufer erzielt hat und die nicht bei einem Spielzug mit Fehler oder Passed Ball fielen. Unbekannt (-), wo die Spielzüge keine Fehler enthalten.</translation>
    </message>
    <message>
        <source>Summed from the plays up to the one shown, by pitcher_id: outs_recorded, hit, homerun, bb, so. Runs are charged to the pitcher who let the runner on.</source>
        <translation>Summiert aus den Spielzügen bis zum angezeigten, nach pitcher_id: outs_recorded, hit, homerun, bb, so. Runs werden dem Pitcher angerechnet, der den Läufer auf Base gelassen hat.</translation>
    </message>
    <message>
        <source>ER: unknown, the plays carry no errors and passed balls.</source>
        <translation>ER: unbekannt, die Spielzüge enthalten keine Fehler und Passed Balls.</translation>
    </message>
    <message>
        <source>Counted over plays 1 to %1, the play shown included.</source>
        <translation>Gezählt über die Spielzüge 1 bis %1, einschließlich des gezeigten.</translation>
    </message>
</context>
<context>
    <name>statescope::gui::ChartView</name>
    <message>
        <source>hours since the reset</source>
        <translation>Stunden seit dem Reset</translation>
    </message>
    <message>
        <source>Hover for exact values; drag or wheel to zoom, right-click to zoom out, middle-drag or arrow keys to pan, +/- to zoom, 0 to reset. Times are UTC.</source>
        <translation>Für exakte Werte mit der Maus darüberfahren; Ziehen oder Mausrad zum Zoomen, Rechtsklick zum Herauszoomen, Ziehen mit der mittleren Maustaste oder Pfeiltasten zum Verschieben, +/- zum Zoomen, 0 zum Zurücksetzen. Zeiten in UTC.</translation>
    </message>
    <message>
        <source>%1 to %2 UTC</source>
        <translation>%1 bis %2 UTC</translation>
    </message>
    <message>
        <source>time (UTC)</source>
        <translation>Zeit (UTC)</translation>
    </message>
    <message>
        <source>+%1 h since the reset</source>
        <translation>+%1 h seit dem Reset</translation>
    </message>
    <message>
        <source>Nothing to draw yet.</source>
        <translation>Noch nichts zu zeichnen.</translation>
    </message>
    <message>
        <source>%1 (UTC)</source>
        <translation>%1 (UTC)</translation>
    </message>
</context>
<context>
    <name>statescope::gui::CollectorDialog</name>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>S&amp;toppen</translation>
    </message>
    <message>
        <source>Show &amp;rows in Events</source>
        <translation>&amp;Zeilen unter „Ereignisse“ anzeigen</translation>
    </message>
    <message>
        <source>Collector — %1</source>
        <translation>Collector — %1</translation>
    </message>
    <message>
        <source>Endpoints file (JSON, see docs/COLLECTOR.md)</source>
        <translation>Endpunktdatei (JSON, siehe docs/COLLECTOR.md)</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <source>Paged</source>
        <translation>Seitenweise</translation>
    </message>
    <message>
        <source>Every</source>
        <translation>Intervall</translation>
    </message>
    <message>
        <source>Save token in the &amp;keychain…</source>
        <translation>Token im Schlüssel&amp;bund speichern…</translation>
    </message>
    <message>
        <source>Token: from %1.</source>
        <translation>Token: aus %1.</translation>
    </message>
    <message>
        <source>Token: from the keychain when saved there, else none.</source>
        <translation>Token: aus dem Schlüsselbund, falls dort gespeichert, sonst keins.</translation>
    </message>
    <message>
        <source>Endpoints file</source>
        <translation>Endpunktdatei</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Gestoppt.</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>je %1</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <source>Stopping after the batch in flight…</source>
        <translation>Wird nach dem laufenden Batch gestoppt…</translation>
    </message>
    <message>
        <source>no answer: %1</source>
        <translation>keine Antwort: %1</translation>
    </message>
    <message>
        <source>&lt;table&gt;&lt;tr&gt;&lt;td&gt;Requests&lt;/td&gt;&lt;td&gt;%1 (%2 per minute)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Rows stored&lt;/td&gt;&lt;td&gt;%3 in %4 batches, %5 waiting&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Responses&lt;/td&gt;&lt;td&gt;%6&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Retries&lt;/td&gt;&lt;td&gt;%7&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Rate limit&lt;/td&gt;&lt;td&gt;%8 of %9 requests in the bucket, %10 per second&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;table&gt;&lt;tr&gt;&lt;td&gt;Anfragen&lt;/td&gt;&lt;td&gt;%1 (%2 pro Minute)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Gespeicherte Zeilen&lt;/td&gt;&lt;td&gt;%3 in %4 Batches, %5 wartend&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Antworten&lt;/td&gt;&lt;td&gt;%6&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Wiederholungen&lt;/td&gt;&lt;td&gt;%7&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Ratenlimit&lt;/td&gt;&lt;td&gt;%8 von %9 Anfragen im Bucket, %10 pro Sekunde&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>noch keine</translation>
    </message>
    <message>
        <source>Fetch the endpoints into this reset&apos;s database</source>
        <translation>Die Endpunkte in die Datenbank dieses Resets abrufen</translation>
    </message>
    <message>
        <source>Starting the collector is an admin action: switch on admin mode</source>
        <translation>Das Starten des Collectors ist eine Admin-Aktion: Schalten Sie den Admin-Modus ein</translation>
    </message>
    <message>
        <source>API token</source>
        <translation>API-Token</translation>
    </message>
    <message>
        <source>The bearer token for %1 (kept in the system keychain only):</source>
        <translation>Das Bearer-Token für %1 (wird nur im System-Schlüsselbund gespeichert):</translation>
    </message>
    <message>
        <source>Token: saved in the keychain.</source>
        <translation>Token: im Schlüsselbund gespeichert.</translation>
    </message>
    <message>
        <source>The keychain could not keep the token: %1. Set %2 instead.</source>
        <translation>Der Schlüsselbund konnte das Token nicht speichern: %1. Setzen Sie stattdessen %2.</translation>
    </message>
    <message>
        <source>Running: rows go to &lt;b&gt;%1&lt;/b&gt;.</source>
        <translation>Läuft, schreibt in &lt;b&gt;%1&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>Stopped. Starting needs admin mode (toolbar, Ctrl+Shift+A).</source>
        <translation>Angehalten. Zum Starten ist der Admin-Modus nötig (Werkzeugleiste, Strg+Umschalt+A).</translation>
    </message>
    <message>
        <source>Looking up %1</source>
        <translation>%1 wird nachgeschlagen</translation>
    </message>
    <message>
        <source>Family &lt;b&gt;%1&lt;/b&gt; on %2: rows go to &lt;b&gt;%3&lt;/b&gt;.</source>
        <translation>Familie &lt;b&gt;%1&lt;/b&gt; auf %2: Zeilen werden in &lt;b&gt;%3&lt;/b&gt; geschrieben.</translation>
    </message>
    <message>
        <source>checking whether it exists…</source>
        <translation>wird geprüft, ob sie existiert…</translation>
    </message>
    <message>
        <source>it exists</source>
        <translation>sie existiert</translation>
    </message>
    <message>
        <source>it does not exist yet: starting creates it</source>
        <translation>sie existiert noch nicht: wird beim Starten erstellt</translation>
    </message>
    <message>
        <source>Family &lt;b&gt;%1&lt;/b&gt; on %2: rows go to the week the game reports at %3 (field %4); this week that is &lt;b&gt;%5&lt;/b&gt; (%6).</source>
        <translation>Familie &lt;b&gt;%1&lt;/b&gt; auf %2: Zeilen werden in die Woche geschrieben, die das Spiel unter %3 meldet (Feld %4); diese Woche ist das &lt;b&gt;%5&lt;/b&gt; (%6).</translation>
    </message>
    <message>
        <source>Family &lt;b&gt;%1&lt;/b&gt; on %2: rows go to &lt;b&gt;%3&lt;/b&gt; (%4).</source>
        <translation>Familie &lt;b&gt;%1&lt;/b&gt; auf %2: Zeilen werden in &lt;b&gt;%3&lt;/b&gt; geschrieben (%4).</translation>
    </message>
    <message numerus="yes">
        <source>
  … and %n more</source>
        <translation>
            <numerusform>
  … und %n weiterer</numerusform>
            <numerusform>
  … und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>Start the collector?</source>
        <translation>Collector starten?</translation>
    </message>
    <message>
        <source>Start fetching %1 into the family %2 on %3?</source>
        <translation>Abruf von %1 in die Familie %2 auf %3 starten?</translation>
    </message>
    <message numerus="yes">
        <source>%1

%n endpoint(s):
  %2

Rate: %3 requests per second, bursts of up to %4; every response is kept as a row, errors included.</source>
        <translation>
            <numerusform>%1

%n Endpunkt:
  %2

Rate: %3 Anfragen pro Sekunde, Bursts von bis zu %4; jede Antwort wird als Zeile gespeichert, auch Fehler.</numerusform>
            <numerusform>%1

%n Endpunkte:
  %2

Rate: %3 Anfragen pro Sekunde, Bursts von bis zu %4; jede Antwort wird als Zeile gespeichert, auch Fehler.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Start collecting</source>
        <translation>&amp;Sammeln starten</translation>
    </message>
</context>
<context>
    <name>statescope::gui::CompareDialog</name>
    <message>
        <source>Compare weeks of %1</source>
        <translation>Wochen von %1 vergleichen</translation>
    </message>
    <message>
        <source>&amp;Schema</source>
        <translation>&amp;Schema</translation>
    </message>
    <message>
        <source>&amp;Rows</source>
        <translation>&amp;Zeilen</translation>
    </message>
    <message>
        <source>&amp;API</source>
        <translation>&amp;API</translation>
    </message>
    <message>
        <source>&amp;Drift (every week)</source>
        <translation>&amp;Drift (alle Wochen)</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Von:</translation>
    </message>
    <message>
        <source>to:</source>
        <translation>nach:</translation>
    </message>
    <message>
        <source>%1: %2 %3</source>
        <translation>%1: %2 %3</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>The statements that would bring the first week to the second (never run from here).</source>
        <translation>Die Anweisungen, die die erste Woche auf den Stand der zweiten bringen würden (werden von hier aus nie ausgeführt).</translation>
    </message>
    <message>
        <source>Save s&amp;cript…</source>
        <translation>S&amp;kript speichern…</translation>
    </message>
    <message>
        <source>Save script</source>
        <translation>Skript speichern</translation>
    </message>
    <message>
        <source>SQL (*.sql)</source>
        <translation>SQL (*.sql)</translation>
    </message>
    <message>
        <source>Both sides</source>
        <translation>Beide Seiten</translation>
    </message>
    <message>
        <source>Script</source>
        <translation>Skript</translation>
    </message>
    <message>
        <source>Reading both catalogs…</source>
        <translation>Beide Kataloge werden gelesen…</translation>
    </message>
    <message>
        <source>Comparing the schemas of %1 and %2</source>
        <translation>Schemas von %1 und %2 werden verglichen</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message numerus="yes">
        <source>%n object(s)</source>
        <translation>
            <numerusform>%n Objekt</numerusform>
            <numerusform>%n Objekte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The same schema: %n object(s) on both sides.</source>
        <translation>
            <numerusform>Dasselbe Schema: %n Objekt auf beiden Seiten.</numerusform>
            <numerusform>Dasselbe Schema: %n Objekte auf beiden Seiten.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 added, %2 removed, %3 changed; %4 the same.</source>
        <translation>%1 hinzugefügt, %2 entfernt, %3 geändert; %4 gleich.</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;i&gt;not there&lt;/i&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;i&gt;nicht vorhanden&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>schema.table, e.g. core.games</source>
        <translation>Schema.Tabelle, z. B. core.games</translation>
    </message>
    <message>
        <source>key columns, comma-separated (empty: the primary key)</source>
        <translation>Schlüsselspalten, durch Kommas getrennt (leer: der Primärschlüssel)</translation>
    </message>
    <message>
        <source>Export differences</source>
        <translation>Unterschiede exportieren</translation>
    </message>
    <message>
        <source>&amp;Table:</source>
        <translation>&amp;Tabelle:</translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation>S&amp;chlüssel:</translation>
    </message>
    <message>
        <source>Name the table to compare (schema.table).</source>
        <translation>Geben Sie die zu vergleichende Tabelle an (Schema.Tabelle).</translation>
    </message>
    <message>
        <source>Comparing %1 between %2 and %3</source>
        <translation>%1 wird zwischen %2 und %3 verglichen</translation>
    </message>
    <message>
        <source>change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>%1: %L2 added, %L3 removed, %L4 changed, %L5 the same, matched by %6.</source>
        <translation>%1: %L2 hinzugefügt, %L3 entfernt, %L4 geändert, %L5 gleich, zugeordnet über %6.</translation>
    </message>
    <message>
        <source> The table is missing in %1.</source>
        <translation> Die Tabelle fehlt in %1.</translation>
    </message>
    <message>
        <source> Not compared (on one side only): %1.</source>
        <translation> Nicht verglichen (nur auf einer Seite vorhanden): %1.</translation>
    </message>
    <message>
        <source> The first %L1 differences are shown; Export writes them all.</source>
        <translation> Die ersten %L1 Unterschiede werden angezeigt; beim Exportieren werden alle geschrieben.</translation>
    </message>
    <message>
        <source>Compare rows first.</source>
        <translation>Vergleichen Sie zuerst die Zeilen.</translation>
    </message>
    <message>
        <source>Export cancelled; no file was left.</source>
        <translation>Export abgebrochen; es wurde keine Datei hinterlassen.</translation>
    </message>
    <message>
        <source>Exported %L1 differences to %2.</source>
        <translation>%L1 Unterschiede nach %2 exportiert.</translation>
    </message>
    <message>
        <source>Endpoint / path</source>
        <translation>Endpunkt / Pfad</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Error rate</source>
        <translation>Fehlerquote</translation>
    </message>
    <message>
        <source>Types</source>
        <translation>Typen</translation>
    </message>
    <message>
        <source>Example events</source>
        <translation>Beispielereignisse</translation>
    </message>
    <message>
        <source>the newest 200 successful answers per endpoint, on each side</source>
        <translation>die neuesten 200 erfolgreichen Antworten je Endpunkt, auf jeder Seite</translation>
    </message>
    <message>
        <source>Comparing the API of %1 and %2</source>
        <translation>API von %1 und %2 wird verglichen</translation>
    </message>
    <message numerus="yes">
        <source>%n path(s) changed</source>
        <translation>
            <numerusform>%n Pfad geändert</numerusform>
            <numerusform>%n Pfade geändert</numerusform>
        </translation>
    </message>
    <message>
        <source>Event ids showing it, in the first and the second week</source>
        <translation>IDs der Ereignisse, die dies zeigen, in der ersten und in der zweiten Woche</translation>
    </message>
    <message numerus="yes">
        <source>%n with payloads of another shape.</source>
        <translation>
            <numerusform>%n davon mit Payloads anderer Struktur.</numerusform>
            <numerusform>%n davon mit Payloads anderer Struktur.</numerusform>
        </translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Woche</translation>
    </message>
    <message>
        <source>Migrations</source>
        <translation>Migrationen</translation>
    </message>
    <message>
        <source>Checksum drift</source>
        <translation>Prüfsummen-Drift</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Fingerabdruck</translation>
    </message>
    <message>
        <source>Differs from the majority</source>
        <translation>Weicht von der Mehrheit ab</translation>
    </message>
    <message numerus="yes">
        <source>Reading the drift of %n week(s)</source>
        <translation>
            <numerusform>Drift von %n Woche wird gelesen</numerusform>
            <numerusform>Drift von %n Wochen wird gelesen</numerusform>
        </translation>
    </message>
    <message>
        <source>(the majority)</source>
        <translation>(die Mehrheit)</translation>
    </message>
    <message numerus="yes">
        <source>%n difference(s): </source>
        <translation>
            <numerusform>%n Unterschied: </numerusform>
            <numerusform>%n Unterschiede: </numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 weeks share the majority&apos;s schema (%3).</source>
        <translation>%1 von %2 Wochen haben das Schema der Mehrheit (%3).</translation>
    </message>
    <message>
        <source>Against Statescope&apos;s &amp;migrations (not the second week)</source>
        <translation>Mit den &amp;Migrationen von Statescope vergleichen (nicht mit der zweiten Woche)</translation>
    </message>
    <message>
        <source>The schema Statescope&apos;s own migrations make, built in a scratch database of the local sandbox and dropped after reading</source>
        <translation>Das Schema, das die eigenen Migrationen von Statescope erzeugen, aufgebaut in einer temporären Datenbank der lokalen Sandbox und nach dem Lesen gelöscht</translation>
    </message>
    <message>
        <source>Reading the catalog, and building Statescope&apos;s schema in a scratch database…</source>
        <translation>Katalog wird gelesen und das Schema von Statescope in einer temporären Datenbank aufgebaut…</translation>
    </message>
    <message>
        <source>Comparing the schema of %1 with Statescope&apos;s migrations</source>
        <translation>Schema von %1 wird mit den Migrationen von Statescope verglichen</translation>
    </message>
    <message numerus="yes">
        <source>… %n more</source>
        <translation>
            <numerusform>… %n weitere</numerusform>
            <numerusform>… %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>Snapshots, by tick</source>
        <translation>Snapshots, nach Tick</translation>
    </message>
    <message>
        <source>Games, by id</source>
        <translation>Spiele, nach ID</translation>
    </message>
    <message>
        <source>Plays, by game and number</source>
        <translation>Spielzüge, nach Spiel und Nummer</translation>
    </message>
    <message>
        <source>Saves, the newest per player</source>
        <translation>Spielstände, der neueste je Spieler</translation>
    </message>
    <message>
        <source>API events, the newest per request key</source>
        <translation>API-Ereignisse, das neueste je Anfrageschlüssel</translation>
    </message>
    <message>
        <source>A table</source>
        <translation>Eine Tabelle</translation>
    </message>
    <message>
        <source>key columns, comma-separated (empty: the kind&apos;s own key)</source>
        <translation>Schlüsselspalten, durch Kommas getrennt (leer: der eigene Schlüssel der Datenart)</translation>
    </message>
    <message>
        <source>Every change</source>
        <translation>Alle Änderungen</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Hinzugefügt</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Entfernt</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Show rows containing…</source>
        <translation>Zeilen anzeigen mit…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <source>Every difference (not only those shown), as CSV or JSON lines</source>
        <translation>Alle Unterschiede (nicht nur die angezeigten), als CSV oder JSON Lines</translation>
    </message>
    <message>
        <source>CSV (*.csv);;JSON lines (*.jsonl)</source>
        <translation>CSV (*.csv);;JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>&amp;Compare:</source>
        <translation>Ver&amp;gleichen:</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Anzeigen:</translation>
    </message>
    <message>
        <source>Exporting the differences</source>
        <translation>Unterschiede werden exportiert</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>%1 konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>new endpoint</source>
        <translation>neuer Endpunkt</translation>
    </message>
    <message>
        <source>gone: not called in the second week</source>
        <translation>weggefallen: in der zweiten Woche nicht aufgerufen</translation>
    </message>
    <message numerus="yes">
        <source>%n endpoint(s): </source>
        <translation>
            <numerusform>%n Endpunkt: </numerusform>
            <numerusform>%n Endpunkte: </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new, </source>
        <translation>
            <numerusform>%n neu, </numerusform>
            <numerusform>%n neu, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n gone, </source>
        <translation>
            <numerusform>%n weggefallen, </numerusform>
            <numerusform>%n weggefallen, </numerusform>
        </translation>
    </message>
    <message>
        <source>Compare the A&amp;PI</source>
        <translation>API verg&amp;leichen</translation>
    </message>
    <message>
        <source>Read dri&amp;ft</source>
        <translation>Drift &amp;lesen</translation>
    </message>
    <message>
        <source>Compare r&amp;ows</source>
        <translation>Zeilen verg&amp;leichen</translation>
    </message>
    <message>
        <source>Compare sc&amp;hemas</source>
        <translation>Schemas verg&amp;leichen</translation>
    </message>
    <message>
        <source>added</source>
        <translation>hinzugefügt</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>entfernt</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>geändert</translation>
    </message>
    <message>
        <source>Owners</source>
        <translation>Eigentümer</translation>
    </message>
    <message>
        <source>only its owners</source>
        <translation>nur die Eigentümer</translation>
    </message>
    <message numerus="yes">
        <source>%n object(s) owned by another role: </source>
        <translation>
            <numerusform>%n Objekt gehört einer anderen Rolle: </numerusform>
            <numerusform>%n Objekte gehören einer anderen Rolle: </numerusform>
        </translation>
    </message>
    <message>
        <source>Leave o&amp;wners out</source>
        <translation>Eigen&amp;tümer auslassen</translation>
    </message>
    <message>
        <source>Neither compare who owns each object nor give owners in the script: for weeks owned by different roles on purpose (always so against the migrations)</source>
        <translation>Weder vergleichen, wem welches Objekt gehört, noch Eigentümer im Skript setzen: für Wochen, die absichtlich verschiedenen Rollen gehören (gegen die Migrationen immer so)</translation>
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
    <message>
        <source>Type %1 to confirm.</source>
        <translation>Geben Sie zur Bestätigung %1 ein.</translation>
    </message>
    <message>
        <source>Type %1 exactly, without spaces around it.</source>
        <translation>Geben Sie %1 exakt ein, ohne Leerzeichen davor oder danach.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not %2: type the name exactly as shown.</source>
        <translation>„%1“ ist nicht %2: Geben Sie den Namen exakt wie angezeigt ein.</translation>
    </message>
    <message>
        <source>Give a reason: it is kept in the audit log.</source>
        <translation>Geben Sie eine Begründung an: Sie wird im Audit-Protokoll gespeichert.</translation>
    </message>
</context>
<context>
    <name>statescope::gui::ConnectionDialog</name>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>Give the profile a name.</source>
        <translation>Geben Sie dem Profil einen Namen.</translation>
    </message>
    <message>
        <source>Testing connection</source>
        <translation>Verbindung wird getestet</translation>
    </message>
    <message>
        <source>default (prefer)</source>
        <translation>Standard (prefer)</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (Kopie)</translation>
    </message>
    <message>
        <source>A copy: Save profile to keep it.</source>
        <translation>Eine Kopie: Speichern Sie das Profil, um sie zu behalten.</translation>
    </message>
    <message>
        <source>Deleted profile %1.</source>
        <translation>Profil %1 gelöscht.</translation>
    </message>
    <message>
        <source>Root certificate</source>
        <translation>Stammzertifikat</translation>
    </message>
    <message>
        <source>Certificates (*.crt *.pem);;All files (*)</source>
        <translation>Zertifikate (*.crt *.pem);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Profile colour</source>
        <translation>Profilfarbe</translation>
    </message>
    <message>
        <source>Colour…</source>
        <translation>Farbe…</translation>
    </message>
    <message>
        <source>The port must be a number from 1 to 65535, not &quot;%1&quot;.</source>
        <translation>Der Port muss eine Zahl von 1 bis 65535 sein, nicht „%1“.</translation>
    </message>
    <message>
        <source>Read replica: %1</source>
        <translation>Lesereplikat: %1</translation>
    </message>
    <message>
        <source>Saved profile %1.</source>
        <translation>Profil %1 gespeichert.</translation>
    </message>
    <message>
        <source>Saved profile %1; its password is in the system keychain.</source>
        <translation>Profil %1 gespeichert; sein Passwort liegt im System-Schlüsselbund.</translation>
    </message>
    <message>
        <source>Saved profile %1, but not its password: no system keychain could be reached (%2). The password is asked for when it is needed and kept for the session only.</source>
        <translation>Profil %1 gespeichert, aber nicht sein Passwort: Es war kein System-Schlüsselbund erreichbar (%2). Das Passwort wird bei Bedarf abgefragt und nur für diese Sitzung behalten.</translation>
    </message>
    <message>
        <source>Fill in the server (host, or a connection string) first.</source>
        <translation>Geben Sie zuerst den Server an (Host oder eine Verbindungszeichenfolge).</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbindung wird hergestellt…</translation>
    </message>
    <message>
        <source>Read replica: connected, a standby in recovery.</source>
        <translation>Lesereplikat: verbunden, ein Standby im Wiederherstellungsmodus.</translation>
    </message>
    <message>
        <source>Read replica: connected, but it is not a standby (it accepts writes): is it the right server?</source>
        <translation>Lesereplikat: verbunden, aber es ist kein Standby (es nimmt Schreibzugriffe an): Ist es der richtige Server?</translation>
    </message>
    <message>
        <source>Connected: PostgreSQL %1 · %2 · connect %3 ms, round trip %4 ms</source>
        <translation>Verbunden: PostgreSQL %1 · %2 · Verbindungsaufbau %3 ms, Umlaufzeit %4 ms</translation>
    </message>
    <message>
        <source>TLS off</source>
        <translation>TLS aus</translation>
    </message>
    <message>
        <source>TLS on (%1)</source>
        <translation>TLS ein (%1)</translation>
    </message>
    <message>
        <source>TLS off: a Unix-domain socket, where libpq uses no TLS whatever sslmode says (give a host name for TLS)</source>
        <translation>TLS aus: ein Unix-Domain-Socket, über den libpq unabhängig von sslmode kein TLS verwendet (für TLS einen Hostnamen angeben)</translation>
    </message>
    <message>
        <source>Failover monitor: %1</source>
        <translation>Failover-Monitor: %1</translation>
    </message>
    <message>
        <source>the failover monitor names the nodes</source>
        <translation>der Failover-Monitor nennt die Knoten</translation>
    </message>
    <message>
        <source>default: the local socket</source>
        <translation>Standard: der lokale Socket</translation>
    </message>
    <message>
        <source>Reached %1, a standby.</source>
        <translation>Erreicht: %1, ein Standby.</translation>
    </message>
    <message>
        <source>Reached %1, the primary.</source>
        <translation>Erreicht: %1, der Primärserver.</translation>
    </message>
</context>
<context>
    <name>statescope::gui::ConsolePane</name>
    <message>
        <source>&amp;Run</source>
        <translation>Aus&amp;führen</translation>
    </message>
    <message>
        <source>Run the statement under the cursor, or the selection</source>
        <translation>Die Anweisung unter dem Cursor oder die Auswahl ausführen</translation>
    </message>
    <message>
        <source>Run a&amp;ll</source>
        <translation>A&amp;lle ausführen</translation>
    </message>
    <message>
        <source>Run every statement, a result tab each</source>
        <translation>Alle Anweisungen ausführen, mit je einem Ergebnis-Tab</translation>
    </message>
    <message>
        <source>E&amp;xplain</source>
        <translation>&amp;Plan anzeigen</translation>
    </message>
    <message>
        <source>The plan of the statement, as a tree</source>
        <translation>Der Ausführungsplan der Anweisung als Baum</translation>
    </message>
    <message>
        <source>Explain &amp;analyze</source>
        <translation>Plan mit &amp;Analyse</translation>
    </message>
    <message>
        <source>Run it and show where the time went (read-only; a write only in admin mode, rolled back)</source>
        <translation>Die Anweisung ausführen und zeigen, wofür die Zeit verbraucht wurde (nur lesend; eine schreibende Anweisung nur im Admin-Modus, mit Rollback)</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>&amp;Stopp</translation>
    </message>
    <message>
        <source>Cancel what is running (the server stops the statement)</source>
        <translation>Laufende Ausführung abbrechen (der Server stoppt die Anweisung)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Öffnen…</translation>
    </message>
    <message>
        <source>Open a .sql file</source>
        <translation>Eine .sql-Datei öffnen</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>Sp&amp;eichern…</translation>
    </message>
    <message>
        <source>Save the editor to a .sql file</source>
        <translation>Den Editorinhalt in einer .sql-Datei speichern</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>(nothing run on this database yet)</source>
        <translation>(auf dieser Datenbank noch nichts ausgeführt)</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>no timeout</source>
        <translation>kein Zeitlimit</translation>
    </message>
    <message>
        <source>statement_timeout of each statement</source>
        <translation>statement_timeout jeder Anweisung</translation>
    </message>
    <message>
        <source>Open SQL</source>
        <translation>SQL öffnen</translation>
    </message>
    <message>
        <source>SQL (*.sql);;All files (*)</source>
        <translation>SQL (*.sql);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Save SQL</source>
        <translation>SQL speichern</translation>
    </message>
    <message>
        <source>SQL (*.sql)</source>
        <translation>SQL (*.sql)</translation>
    </message>
    <message>
        <source>Timeout:</source>
        <translation>Zeitlimit:</translation>
    </message>
    <message>
        <source>Reading names for completion</source>
        <translation>Namen für die Autovervollständigung werden gelesen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>Wird ausgeführt…</translation>
    </message>
    <message>
        <source>Running %1</source>
        <translation>%1 wird ausgeführt</translation>
    </message>
    <message>
        <source>Explaining (analyze) the statement</source>
        <translation>Ausführungsplan der Anweisung wird mit Analyse ermittelt</translation>
    </message>
    <message>
        <source>Explaining the statement</source>
        <translation>Ausführungsplan der Anweisung wird ermittelt</translation>
    </message>
    <message>
        <source>EXPLAIN ANALYZE runs the statement, and it writes: switch on admin mode to analyze it in a transaction that is rolled back.</source>
        <translation>EXPLAIN ANALYZE führt die Anweisung aus, und sie schreibt: Schalten Sie den Admin-Modus ein, um sie in einer Transaktion zu analysieren, die anschließend zurückgerollt wird.</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Self time</source>
        <translation>Eigene Zeit</translation>
    </message>
    <message>
        <source>Self cost</source>
        <translation>Eigene Kosten</translation>
    </message>
    <message>
        <source>Plan (analyze)</source>
        <translation>Plan (Analyse)</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>The console is read-only: the server refused a write (%1). Switch on admin mode (Ctrl+Shift+A) to run it after a typed confirmation; it is journalled and audited.</source>
        <translation>Die Konsole ist schreibgeschützt: Der Server hat einen Schreibzugriff abgelehnt (%1). Schalten Sie den Admin-Modus ein (Strg+Umschalt+A), um die Anweisung nach einer eingetippten Bestätigung auszuführen; sie wird lokal protokolliert und im Audit-Protokoll vermerkt.</translation>
    </message>
    <message>
        <source>Run write</source>
        <translation>Schreibende Anweisung ausführen</translation>
    </message>
    <message>
        <source>Run a write on &lt;b&gt;%1&lt;/b&gt;?</source>
        <translation>Schreibende Anweisung auf &lt;b&gt;%1&lt;/b&gt; ausführen?</translation>
    </message>
    <message>
        <source>Running a write on %1</source>
        <translation>Schreibende Anweisung wird auf %1 ausgeführt</translation>
    </message>
    <message>
        <source>Committed: %1 (journalled and audited).</source>
        <translation>Festgeschrieben: %1 (lokal protokolliert und im Audit-Protokoll vermerkt).</translation>
    </message>
    <message>
        <source>Write</source>
        <translation>Schreibzugriff</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Run the statement under the cursor on every week of this family (or those you choose), the rows in one grid with their week</source>
        <translation>Die Anweisung unter dem Cursor auf jeder Woche dieser Familie ausführen (oder auf den ausgewählten), die Zeilen in einem Raster mit ihrer Woche</translation>
    </message>
    <message>
        <source>No database selected.</source>
        <translation>Keine Datenbank ausgewählt.</translation>
    </message>
    <message>
        <source>Runs on &lt;b&gt;%1&lt;/b&gt; on %2%3</source>
        <translation>Wird ausgeführt auf &lt;b&gt;%1&lt;/b&gt; auf %2%3</translation>
    </message>
    <message>
        <source> &lt;b&gt;[PRODUCTION]&lt;/b&gt;</source>
        <translation> &lt;b&gt;[PRODUKTION]&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Only for a weekly database (prefix_YYYY_wNN): its family&apos;s weeks</source>
        <translation>Nur für eine Wochendatenbank (prefix_YYYY_wNN): die Wochen ihrer Familie</translation>
    </message>
    <message numerus="yes">
        <source>Run the statement under the cursor on the weeks of %1 (%n week(s)) (%2)</source>
        <translation>
            <numerusform>Die Anweisung unter dem Cursor auf den Wochen von %1 ausführen (%n Woche) (%2)</numerusform>
            <numerusform>Die Anweisung unter dem Cursor auf den Wochen von %1 ausführen (%n Wochen) (%2)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n week(s)</source>
        <translation>
            <numerusform>%n Woche</numerusform>
            <numerusform>%n Wochen</numerusform>
        </translation>
    </message>
    <message>
        <source>%L1+ rows so far, the first in %L2 ms (reading on as you scroll)</source>
        <translation>Bisher %L1+ Zeilen, die ersten nach %L2 ms (weitere werden beim Blättern gelesen)</translation>
    </message>
    <message>
        <source>%1 in %L2 ms</source>
        <translation>%1 in %L2 ms</translation>
    </message>
    <message>
        <source>Reads run with the setting the row-level security policies read, made in each read-only transaction. Writes never carry it.</source>
        <translation>Lesezugriffe laufen mit der Einstellung, die die Richtlinien für Sicherheit auf Zeilenebene lesen; sie wird in jeder schreibgeschützten Transaktion gesetzt. Schreibzugriffe erhalten sie nie.</translation>
    </message>
    <message>
        <source>%1, so the policies of %2 do not apply: statements here see every player&apos;s rows. Add the player to your WHERE clause.</source>
        <translation>%1, daher gelten die Richtlinien von %2 nicht: Anweisungen sehen hier die Zeilen aller Spieler. Nehmen Sie den Spieler in Ihre WHERE-Klausel auf.</translation>
    </message>
    <message>
        <source>viewing as %1 = %2</source>
        <translation>angesehen als %1 = %2</translation>
    </message>
    <message>
        <source>Reading what the statement would run</source>
        <translation>Lese, was die Anweisung ausführen würde</translation>
    </message>
    <message>
        <source>Allow objects to run</source>
        <translation>Objekte ausführen lassen</translation>
    </message>
    <message>
        <source>Allow what this statement would run?</source>
        <translation>Erlauben, was diese Anweisung ausführen würde?</translation>
    </message>
    <message>
        <source>&lt;p&gt;Reading on &lt;b&gt;%1&lt;/b&gt; refused the statement before running it, because it would run:&lt;/p&gt;&lt;ul&gt;%2&lt;/ul&gt;&lt;p&gt;Allow these objects only if you trust what they do: they may change data or act on the server with the rights of the role you read as. The consent is kept in the settings for this window and every command, until &lt;tt&gt;statescope-cli settings set --forget-object NAME&lt;/tt&gt; takes it back.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Das Lesen auf &lt;b&gt;%1&lt;/b&gt; hat die Anweisung abgelehnt, bevor sie lief, denn sie würde ausführen:&lt;/p&gt;&lt;ul&gt;%2&lt;/ul&gt;&lt;p&gt;Erlauben Sie diese Objekte nur, wenn Sie dem vertrauen, was sie tun: Sie können Daten ändern oder mit den Rechten der Rolle, als die Sie lesen, auf dem Server handeln. Die Zustimmung wird in den Einstellungen für dieses Fenster und jeden Befehl aufbewahrt, bis &lt;tt&gt;statescope-cli settings set --forget-object NAME&lt;/tt&gt; sie zurücknimmt.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Allowed: %1.</source>
        <translation>Erlaubt: %1.</translation>
    </message>
    <message>
        <source>Run on wee&amp;ks…</source>
        <translation>Auf Wo&amp;chen ausführen…</translation>
    </message>
    <message>
        <source>&lt;p&gt;The server refused this statement in a read-only transaction. Run it in a read-write transaction of its own, committed, journalled locally and in the database&apos;s audit log (when Statescope&apos;s bookkeeping is there):&lt;/p&gt;</source>
        <translation>&lt;p&gt;Der Server hat diese Anweisung in einer schreibgeschützten Transaktion abgelehnt. Sie wird in einer eigenen Lese-Schreib-Transaktion ausgeführt, festgeschrieben, lokal protokolliert und im Audit-Protokoll der Datenbank vermerkt (sofern die Buchführung von Statescope dort vorhanden ist):&lt;/p&gt;</translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) in %L1 ms</source>
        <translation>
            <numerusform>%Ln Zeile in %L1 ms</numerusform>
            <numerusform>%Ln Zeilen in %L1 ms</numerusform>
        </translation>
    </message>
    <message>
        <source>Running the statement</source>
        <translation>Die Anweisung läuft</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Angehalten.</translation>
    </message>
    <message>
        <source>Stopped: the server cancelled the statement, as asked.</source>
        <translation>Angehalten: Der Server hat die Anweisung wie gewünscht abgebrochen.</translation>
    </message>
    <message>
        <source>%1, line %2, column %3</source>
        <translation>%1, Zeile %2, Spalte %3</translation>
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
    <message>
        <source>optional, kept in the audit log</source>
        <translation>optional, wird im Audit-Protokoll gespeichert</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; already exists on this server. The next free week of %2 is %3.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; existiert auf diesem Server bereits. Die nächste freie Woche von %2 ist %3.</translation>
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
    <message>
        <source>Nothing to compare yet.</source>
        <translation>Noch nichts zu vergleichen.</translation>
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
        <translation>Gleicher Schlüssel</translation>
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
    <message>
        <source>No other event has this payload.</source>
        <translation>Kein anderes Ereignis hat diese Payload.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln other event(s) share this payload</source>
        <translation>
            <numerusform>%Ln anderes Ereignis hat dieselbe Payload</numerusform>
            <numerusform>%Ln andere Ereignisse haben dieselbe Payload</numerusform>
        </translation>
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
    <message>
        <source>For example: %1</source>
        <translation>Zum Beispiel: %1</translation>
    </message>
    <message>
        <source>%1  (none in this database)</source>
        <translation>%1  (keine in dieser Datenbank)</translation>
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
    <message>
        <source>Not applied: the rows are for the filter last run. Press Enter or Apply to run the filter as typed.</source>
        <translation>Nicht angewendet: Die Zeilen gehören zum zuletzt ausgeführten Filter. Drücken Sie die Eingabetaste oder „Anwenden“, um den Filter wie eingegeben auszuführen.</translation>
    </message>
    <message>
        <source>Go to time not applied: &quot;%1&quot; is not a time; write 2025-01-06 14:02 (UTC) or ISO 8601.</source>
        <translation>Sprung zum Zeitpunkt nicht ausgeführt: „%1“ ist keine Zeitangabe; geben Sie 2025-01-06 14:02 (UTC) oder ISO 8601 ein.</translation>
    </message>
    <message>
        <source>Build the index...</source>
        <translation>Index erstellen...</translation>
    </message>
    <message>
        <source>CREATE INDEX CONCURRENTLY on the game&apos;s events table, so that pages follow the time (admin mode; previewed, confirmed, audited)</source>
        <translation>CREATE INDEX CONCURRENTLY auf der Ereignistabelle des Spiels, damit die Seiten der zeitlichen Reihenfolge folgen (Admin-Modus; mit Vorschau und Bestätigung, im Audit-Protokoll vermerkt)</translation>
    </message>
    <message>
        <source>Switch on admin mode (Ctrl+Shift+A) to build the index.</source>
        <translation>Schalten Sie den Admin-Modus ein (Strg+Umschalt+A), um den Index zu erstellen.</translation>
    </message>
    <message>
        <source>Preparing the index of %1</source>
        <translation>Index für %1 wird vorbereitet</translation>
    </message>
    <message>
        <source>Builds the index without blocking the game&apos;s writes; the table&apos;s rows are not changed. Runs, one statement at a time:</source>
        <translation>Erstellt den Index, ohne die Schreibzugriffe des Spiels zu blockieren; die Zeilen der Tabelle werden nicht geändert. Führt nacheinander diese Anweisungen aus:</translation>
    </message>
    <message>
        <source>Build index</source>
        <translation>Index erstellen</translation>
    </message>
    <message>
        <source>Build an index on &lt;b&gt;%1&lt;/b&gt;?</source>
        <translation>Einen Index auf &lt;b&gt;%1&lt;/b&gt; erstellen?</translation>
    </message>
    <message>
        <source>Building the index on %1</source>
        <translation>Index auf %1 wird erstellt</translation>
    </message>
    <message>
        <source>Built %1 on %2.</source>
        <translation>%1 auf %2 erstellt.</translation>
    </message>
    <message>
        <source>Source: %1.</source>
        <translation>Quelle: %1.</translation>
    </message>
    <message>
        <source>Source: %1. %2</source>
        <translation>Quelle: %1. %2</translation>
    </message>
    <message>
        <source>Not applied: %1</source>
        <translation>Nicht angewendet: %1</translation>
    </message>
    <message>
        <source>The planner&apos;s estimate, from the table&apos;s statistics; Count exactly counts on the server.</source>
        <translation>Die Schätzung des Planers aus der Tabellenstatistik; „Exakt zählen“ zählt auf dem Server.</translation>
    </message>
    <message>
        <source>%L1 events (counted; the estimate was ≈ %L2)</source>
        <translation>%L1 Ereignisse (gezählt; die Schätzung war ≈ %L2)</translation>
    </message>
    <message>
        <source>%1 has no events of %2. The filter still asks for it; untick it under Endpoints to see the others.</source>
        <translation>%1 hat keine Ereignisse von %2. Der Filter fragt trotzdem danach; wählen Sie den Endpunkt unter „Endpunkte“ ab, um die anderen zu sehen.</translation>
    </message>
    <message>
        <source>%1, endpoints</source>
        <translation>%1, Endpunkte</translation>
    </message>
    <message>
        <source>at least %L1 events (the planner estimated ≈ %L2)</source>
        <translation>mindestens %L1 Ereignisse (der Planer schätzte ≈ %L2)</translation>
    </message>
    <message>
        <source>Event %1 is not among the events the filter shows.</source>
        <translation>Ereignis %1 ist nicht unter den Ereignissen, die der Filter zeigt.</translation>
    </message>
    <message>
        <source>%1 has no event %2.</source>
        <translation>%1 hat kein Ereignis %2.</translation>
    </message>
</context>
<context>
    <name>statescope::gui::FamilyRunDialog</name>
    <message>
        <source>Run on weeks</source>
        <translation>Auf Wochen ausführen</translation>
    </message>
    <message>
        <source>%1  (takes no connections now)</source>
        <translation>%1  (nimmt derzeit keine Verbindungen an)</translation>
    </message>
    <message>
        <source>Connections at once, each to one week (on its own server)</source>
        <translation>Gleichzeitige Verbindungen, jeweils zu einer Woche (auf ihrem eigenen Server)</translation>
    </message>
    <message>
        <source>&amp;All</source>
        <translation>&amp;Alle</translation>
    </message>
    <message>
        <source>&amp;None</source>
        <translation>&amp;Keine</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>Aus&amp;führen</translation>
    </message>
    <message>
        <source>Read-only, on each week as on one: &lt;code&gt;%1&lt;/code&gt;</source>
        <translation>Nur lesend, auf jeder Woche wie auf einer einzigen: &lt;code&gt;%1&lt;/code&gt;</translation>
    </message>
    <message>
        <source>At &amp;once:</source>
        <translation>&amp;Gleichzeitig:</translation>
    </message>
    <message>
        <source>Weeks of %1:</source>
        <translation>Wochen von %1:</translation>
    </message>
</context>
<context>
    <name>statescope::gui::FamilyRunView</name>
    <message>
        <source>Week</source>
        <translation>Woche</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>wartend</translation>
    </message>
    <message>
        <source>Cancel the statement on every week (each server stops it)</source>
        <translation>Die Anweisung auf jeder Woche abbrechen (jeder Server stoppt sie)</translation>
    </message>
    <message>
        <source>A line per week: a number column over a time column of the result</source>
        <translation>Eine Linie pro Woche: eine Zahlenspalte über einer Zeitspalte des Ergebnisses</translation>
    </message>
    <message>
        <source>The number column to chart</source>
        <translation>Die darzustellende Zahlenspalte</translation>
    </message>
    <message numerus="yes">
        <source>Running on %n week(s)</source>
        <translation>
            <numerusform>Wird auf %n Woche ausgeführt</numerusform>
            <numerusform>Wird auf %n Wochen ausgeführt</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 weeks</source>
        <translation>%1 von %2 Wochen</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
    <message>
        <source>done</source>
        <translation>fertig</translation>
    </message>
    <message>
        <source>%L1 ms</source>
        <translation>%L1 ms</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>unavailable: %1</source>
        <translation>nicht verfügbar: %1</translation>
    </message>
    <message numerus="yes">
        <source>, %n failed (their rows say why)</source>
        <translation>
            <numerusform>, %n fehlgeschlagen (die Zeilen nennen den Grund)</numerusform>
            <numerusform>, %n fehlgeschlagen (ihre Zeilen nennen den Grund)</numerusform>
        </translation>
    </message>
    <message>
        <source>. Stopped at %L1 rows: add a LIMIT, or use statescope-cli query for all of them</source>
        <translation>. Bei %L1 Zeilen gestoppt: Fügen Sie ein LIMIT hinzu oder verwenden Sie statescope-cli query für alle Zeilen</translation>
    </message>
    <message>
        <source>. Stopped</source>
        <translation>. Gestoppt</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>. Not in the grid (the first week had no such column): %1</source>
        <translation>. Nicht im Raster (die erste Woche hatte keine solche Spalte): %1</translation>
    </message>
    <message>
        <source>Nothing to chart: the result needs a time column and a number column.</source>
        <translation>Nichts darzustellen: Das Ergebnis benötigt eine Zeitspalte und eine Zahlenspalte.</translation>
    </message>
    <message>
        <source>%1 by %2, a line per week</source>
        <translation>%1 nach %2, eine Linie pro Woche</translation>
    </message>
    <message>
        <source>Shard</source>
        <translation>Shard</translation>
    </message>
    <message numerus="yes">
        <source>Running on %n shard(s)</source>
        <translation>
            <numerusform>Läuft auf %n Shard</numerusform>
            <numerusform>Läuft auf %n Shards</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 shards</source>
        <translation>%1 von %2 Shards</translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s)</source>
        <translation>
            <numerusform>%Ln Zeile</numerusform>
            <numerusform>%Ln Zeilen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>from %1 of %n shard(s)</source>
        <translation>
            <numerusform>aus %1 von %n Shard</numerusform>
            <numerusform>aus %1 von %n Shards</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>from %1 of %n week(s)</source>
        <translation>
            <numerusform>aus %1 von %n Woche</numerusform>
            <numerusform>aus %1 von %n Wochen</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Chart</source>
        <translation>Dia&amp;gramm</translation>
    </message>
    <message>
        <source>Sto&amp;p all</source>
        <translation>Alle st&amp;oppen</translation>
    </message>
</context>
<context>
    <name>statescope::gui::FindPane</name>
    <message>
        <source>table row</source>
        <translation>Tabellenzeile</translation>
    </message>
    <message>
        <source>Find again</source>
        <translation>Erneut suchen</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Search these too</source>
        <translation>Auch diese durchsuchen</translation>
    </message>
    <message>
        <source>Where to look: the database shown, every week of its family on every open server (the newest first), or a saved shard set</source>
        <translation>Wo gesucht wird: die angezeigte Datenbank, jede Woche ihrer Familie auf jedem offenen Server (die neueste zuerst) oder ein gespeichertes Shard-Set</translation>
    </message>
    <message>
        <source>Look the same value up again, in the scope chosen</source>
        <translation>Denselben Wert erneut suchen, im gewählten Bereich</translation>
    </message>
    <message>
        <source>Type an id, a number, a symbol or a request key in the find field (Ctrl+K) and press Enter.</source>
        <translation>Eine ID, eine Zahl, ein Symbol oder einen Anfrageschlüssel ins Suchfeld (Strg+K) eingeben und Enter drücken.</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Double-click or press Enter to open the row where it belongs</source>
        <translation>Doppelklick oder Enter öffnet die Zeile dort, wo sie hingehört</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <source>Read the tables no index answers for this value, whole (progress below; Cancel stops it)</source>
        <translation>Die Tabellen, die kein Index für diesen Wert beantwortet, ganz lesen (Fortschritt unten; Abbrechen hält es an)</translation>
    </message>
    <message>
        <source>Look in:</source>
        <translation>Suchen in:</translation>
    </message>
    <message>
        <source>Open a server and choose a database first: there is nowhere to look.</source>
        <translation>Zuerst einen Server öffnen und eine Datenbank wählen: Es gibt nichts zu durchsuchen.</translation>
    </message>
    <message>
        <source>Searching %1, tables no index answers included</source>
        <translation>Suche nach %1, auch in Tabellen ohne passenden Index</translation>
    </message>
    <message>
        <source>Finding %1</source>
        <translation>Suche nach %1</translation>
    </message>
    <message>
        <source>%1 of %2 databases</source>
        <translation>%1 von %2 Datenbanken</translation>
    </message>
    <message>
        <source>%1, column %2</source>
        <translation>%1, Spalte %2</translation>
    </message>
    <message>
        <source>no index answers it</source>
        <translation>kein Index beantwortet es</translation>
    </message>
    <message>
        <source>would scan %1 rows</source>
        <translation>würde %1 Zeilen lesen</translation>
    </message>
    <message>
        <source>(the whole database)</source>
        <translation>(die ganze Datenbank)</translation>
    </message>
    <message>
        <source>not searched: %1</source>
        <translation>nicht durchsucht: %1</translation>
    </message>
    <message numerus="yes">
        <source>Not searched: only a scan could answer these (%n lookup(s)).</source>
        <translation>
            <numerusform>Nicht durchsucht: nur ein vollständiges Lesen könnte diese beantworten (%n Abfrage).</numerusform>
            <numerusform>Nicht durchsucht: nur ein vollständiges Lesen könnte diese beantworten (%n Abfragen).</numerusform>
        </translation>
    </message>
    <message>
        <source>Not searched</source>
        <translation>Nicht durchsucht</translation>
    </message>
    <message>
        <source>Every column that can hold the value was searched, scans included.</source>
        <translation>Jede Spalte, die den Wert enthalten kann, wurde durchsucht, auch ohne Index.</translation>
    </message>
    <message>
        <source>Every column that can hold the value was searched by an index.</source>
        <translation>Jede Spalte, die den Wert enthalten kann, wurde über einen Index durchsucht.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n Zeile</numerusform>
            <numerusform>%n Zeilen</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1” (read as %2) in %3: %4 so far, %5 of %6 databases answered.</source>
        <translation>„%1“ (gelesen als %2) in %3: bisher %4, %5 von %6 Datenbanken haben geantwortet.</translation>
    </message>
    <message>
        <source>“%1” (read as %2) in %3: %4 in %5 of %6 databases.</source>
        <translation>„%1“ (gelesen als %2) in %3: %4 in %5 von %6 Datenbanken.</translation>
    </message>
    <message>
        <source>Stopped before every database answered.</source>
        <translation>Angehalten, bevor alle Datenbanken geantwortet haben.</translation>
    </message>
    <message>
        <source>The first %1 rows are shown: narrow the value or the scope.</source>
        <translation>Die ersten %1 Zeilen werden gezeigt: Wert oder Bereich eingrenzen.</translation>
    </message>
    <message>
        <source>Nothing holds it where an index could tell.</source>
        <translation>Nichts enthält ihn, soweit ein Index es sagen kann.</translation>
    </message>
    <message>
        <source>Double-click a row to open it.</source>
        <translation>Doppelklick auf eine Zeile öffnet sie.</translation>
    </message>
    <message>
        <source>Rows found</source>
        <translation>Gefundene Zeilen</translation>
    </message>
    <message>
        <source>Rows found (%1)</source>
        <translation>Gefundene Zeilen (%1)</translation>
    </message>
    <message>
        <source>Not searched (%1)</source>
        <translation>Nicht durchsucht (%1)</translation>
    </message>
    <message>
        <source>Not searched: %1 (its tab).</source>
        <translation>Nicht durchsucht: %1 (eigener Reiter).</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Close this window (Esc); Ctrl+K and Enter show it again</source>
        <translation>Dieses Fenster schließen (Esc); Strg+K und Enter zeigen es wieder</translation>
    </message>
    <message>
        <source>Story</source>
        <translation>Geschichte</translation>
    </message>
    <message>
        <source>Everything the selected row&apos;s database holds about this value, in time order (Ctrl+Shift+K)</source>
        <translation>Alles, was die Datenbank der gewählten Zeile über diesen Wert enthält, in zeitlicher Reihenfolge (Strg+Umschalt+K)</translation>
    </message>
</context>
<context>
    <name>statescope::gui::GalaxyView</name>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Updated (UTC)</source>
        <translation>Aktualisiert (UTC)</translation>
    </message>
    <message>
        <source>Ship</source>
        <translation>Schiff</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Newest (UTC)</source>
        <translation>Neuestes (UTC)</translation>
    </message>
    <message>
        <source>Oldest (UTC)</source>
        <translation>Ältestes (UTC)</translation>
    </message>
    <message>
        <source>Beyond 1,000</source>
        <translation>Über 1.000</translation>
    </message>
    <message>
        <source>Most events first. The game keeps the newest 1,000 per ship and prunes the rest when the ship&apos;s next event is written.</source>
        <translation>Die meisten Ereignisse zuerst. Das Spiel behält die neuesten 1.000 je Schiff und bereinigt den Rest, wenn das nächste Ereignis des Schiffs geschrieben wird.</translation>
    </message>
    <message>
        <source>Created (UTC)</source>
        <translation>Erstellt (UTC)</translation>
    </message>
    <message>
        <source>Tick</source>
        <translation>Tick</translation>
    </message>
    <message>
        <source>Maneuver</source>
        <translation>Manöver</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Select a ship to see its maneuver events, newest first.</source>
        <translation>Wählen Sie ein Schiff aus, um seine Manöverereignisse zu sehen, neueste zuerst.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Game configuration&lt;/b&gt;</source>
        <translation>&lt;b&gt;Spielkonfiguration&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Maneuver events&lt;/b&gt;</source>
        <translation>&lt;b&gt;Manöverereignisse&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Reading the game configuration and maneuver events of %1</source>
        <translation>Spielkonfiguration und Manöverereignisse von %1 werden gelesen</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>This database has no game configuration table.</source>
        <translation>Diese Datenbank hat keine Tabelle für die Spielkonfiguration.</translation>
    </message>
    <message>
        <source>This database has no maneuver events table.</source>
        <translation>Diese Datenbank hat keine Tabelle für Manöverereignisse.</translation>
    </message>
    <message>
        <source>Reading the maneuver events of ship %1</source>
        <translation>Manöverereignisse von Schiff %1 werden gelesen</translation>
    </message>
    <message numerus="yes">
        <source>Ship %1: %n event(s), newest first.</source>
        <translation>
            <numerusform>Schiff %1: %n Ereignis, neuestes zuerst.</numerusform>
            <numerusform>Schiff %1: %n Ereignisse, neueste zuerst.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>statescope::gui::GameInfoView</name>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Karte</translation>
    </message>
    <message>
        <source>Player</source>
        <translation>Spieler</translation>
    </message>
    <message numerus="yes">
        <source>%n roster entr(ies) for this game.</source>
        <translation>
            <numerusform>%n Aufstellungseintrag für dieses Spiel.</numerusform>
            <numerusform>%n Aufstellungseinträge für dieses Spiel.</numerusform>
        </translation>
    </message>
    <message>
        <source>This database has no roster table.</source>
        <translation>Diese Datenbank hat keine Tabelle für Aufstellungen.</translation>
    </message>
    <message>
        <source>This database has no game_sessions table.</source>
        <translation>Diese Datenbank hat keine Tabelle game_sessions.</translation>
    </message>
    <message>
        <source>No session row for this game (nobody has it open, or the game server removed it).</source>
        <translation>Keine Sitzungszeile für dieses Spiel (niemand hat es geöffnet, oder der Spielserver hat sie entfernt).</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>niemand</translation>
    </message>
    <message>
        <source>Connected: %1. Last action: %2. State snapshot: %3.</source>
        <translation>Verbunden: %1. Letzte Aktion: %2. Zustands-Snapshot: %3.</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>(the first 64 kB of %1)</source>
        <translation>(die ersten 64 kB von %1)</translation>
    </message>
</context>
<context>
    <name>statescope::gui::GuideWindow</name>
    <message>
        <source>Statescope user guide</source>
        <translation>Statescope-Benutzerhandbuch</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Zurück</translation>
    </message>
    <message>
        <source>&amp;Contents</source>
        <translation>&amp;Inhalt</translation>
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
    <message>
        <source>Track this value</source>
        <translation>Diesen Wert verfolgen</translation>
    </message>
    <message>
        <source>Track this position (%1)</source>
        <translation>Diese Position verfolgen (%1)</translation>
    </message>
    <message>
        <source>Track this element by its key</source>
        <translation>Dieses Element über seinen Schlüssel verfolgen</translation>
    </message>
</context>
<context>
    <name>statescope::gui::LayoutDialog</name>
    <message>
        <source> (no column for %1)</source>
        <translation> (keine Spalte für %1)</translation>
    </message>
    <message>
        <source>No game data found.</source>
        <translation>Keine Spieldaten gefunden.</translation>
    </message>
    <message>
        <source>Layout of %1</source>
        <translation>Layout von %1</translation>
    </message>
    <message>
        <source>Where the game&apos;s data lives in &lt;b&gt;%1&lt;/b&gt;, as detected. Edit the tables and columns if detection got them wrong, check, then remember the mapping for the family &lt;b&gt;%2&lt;/b&gt; (kept on this machine, never written to the database).</source>
        <translation>Wo die Daten des Spiels in &lt;b&gt;%1&lt;/b&gt; liegen, wie erkannt. Bearbeiten Sie die Tabellen und Spalten, falls die Erkennung falsch lag, prüfen Sie und speichern Sie dann die Zuordnung für die Familie &lt;b&gt;%2&lt;/b&gt; (wird auf diesem Rechner gespeichert, nie in die Datenbank geschrieben).</translation>
    </message>
    <message>
        <source>&amp;Check</source>
        <translation>&amp;Prüfen</translation>
    </message>
    <message>
        <source>&amp;Remember for %1</source>
        <translation>Für %1 &amp;speichern</translation>
    </message>
    <message>
        <source>&amp;Forget the remembered mapping</source>
        <translation>Gespeicherte Zuordnung &amp;verwerfen</translation>
    </message>
    <message>
        <source>Reading the catalog...</source>
        <translation>Katalog wird gelesen...</translation>
    </message>
    <message>
        <source>Reading the layout of %1</source>
        <translation>Layout von %1 wird gelesen</translation>
    </message>
    <message>
        <source>Detected (or as remembered). Check after editing.</source>
        <translation>Erkannt (oder wie gespeichert). Prüfen Sie nach dem Bearbeiten.</translation>
    </message>
    <message>
        <source>Not valid JSON; nothing was checked or remembered.</source>
        <translation>Kein gültiges JSON; es wurde nichts geprüft oder gespeichert.</translation>
    </message>
    <message>
        <source>Checking against %1...</source>
        <translation>Wird mit %1 abgeglichen...</translation>
    </message>
    <message>
        <source>Checking the layout</source>
        <translation>Layout wird geprüft</translation>
    </message>
    <message>
        <source>Not applied: %1</source>
        <translation>Nicht angewendet: %1</translation>
    </message>
    <message>
        <source>It fits:
%1</source>
        <translation>Es passt:
%1</translation>
    </message>
    <message>
        <source>Remembered for %1 (databases opened from now on):
%2</source>
        <translation>Für %1 gespeichert (gilt für ab jetzt geöffnete Datenbanken):
%2</translation>
    </message>
    <message>
        <source>Forgot the mapping of %1; detection applies again.</source>
        <translation>Zuordnung von %1 verworfen; es gilt wieder die automatische Erkennung.</translation>
    </message>
</context>
<context>
    <name>statescope::gui::MainWindow</name>
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
        <source>Open the &amp;sandbox</source>
        <translation>&amp;Sandbox öffnen</translation>
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
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>Ansich&amp;t</translation>
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
        <source>&amp;Admin mode: ON</source>
        <translation>A&amp;dmin-Modus: EIN</translation>
    </message>
    <message>
        <source>Admin mode off: read-only.</source>
        <translation>Admin-Modus aus: nur Lesen.</translation>
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
    <message numerus="yes">
        <source>%1: %n database(s)</source>
        <translation>
            <numerusform>%1: %n Datenbank</numerusform>
            <numerusform>%1: %n Datenbanken</numerusform>
        </translation>
    </message>
    <message>
        <source>Servers</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Listing databases on %1…</source>
        <translation>Datenbanken auf %1 werden aufgelistet…</translation>
    </message>
    <message>
        <source>Could not list the databases of %1.</source>
        <translation>Die Datenbanken von %1 konnten nicht aufgelistet werden.</translation>
    </message>
    <message>
        <source>&amp;Connect…</source>
        <translation>&amp;Verbinden…</translation>
    </message>
    <message>
        <source>Open a server: saved profiles or a new connection (Ctrl+O)</source>
        <translation>Einen Server öffnen: gespeicherte Profile oder eine neue Verbindung (Strg+O)</translation>
    </message>
    <message>
        <source>Start the private demo server and open it</source>
        <translation>Den privaten Demoserver starten und öffnen</translation>
    </message>
    <message>
        <source>List the current server&apos;s databases again (F5)</source>
        <translation>Die Datenbanken des aktuellen Servers erneut auflisten (F5)</translation>
    </message>
    <message>
        <source>Allow changes on the current server: create, migrate, reset, drop, roll back (Ctrl+Shift+A). Goes off when you switch server.</source>
        <translation>Änderungen auf dem aktuellen Server erlauben: erstellen, migrieren, zurücksetzen, löschen, zurückrollen (Strg+Umschalt+A). Wird beim Wechsel des Servers ausgeschaltet.</translation>
    </message>
    <message>
        <source>Database &amp;layout…</source>
        <translation>Datenbank-&amp;Layout…</translation>
    </message>
    <message>
        <source>Where the game&apos;s data lives in the selected database; map it by hand and remember it for the family</source>
        <translation>Wo die Daten des Spiels in der ausgewählten Datenbank liegen; von Hand zuordnen und für die Familie speichern</translation>
    </message>
    <message>
        <source>Database layout</source>
        <translation>Datenbank-Layout</translation>
    </message>
    <message>
        <source>Select a database first.</source>
        <translation>Wählen Sie zuerst eine Datenbank aus.</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&lt;b&gt;Statescope %1&lt;/b&gt;&lt;p&gt;Inspect, compare, replay and administer PostgreSQL game databases kept one per weekly reset.&lt;/p&gt;&lt;p&gt;Copyright © 2025-2026 the Statescope developers.&lt;/p&gt;&lt;p&gt;This program is free software: you can redistribute it and/or modify it under the terms of the GNU General Public License as published by the Free Software Foundation, either version 3 of the License, or (at your option) any later version. It comes with ABSOLUTELY NO WARRANTY. See &lt;a href=&quot;https://www.gnu.org/licenses/gpl-3.0.html&quot;&gt;the GNU General Public License&lt;/a&gt; (on Debian: /usr/share/common-licenses/GPL-3) for details.&lt;/p&gt;&lt;p&gt;Built with Qt %2 (LGPL-3 / GPL-3; Qt Charts GPL-3), libpq (PostgreSQL licence), nlohmann/json (MIT) and QtKeychain (BSD-3-Clause).&lt;/p&gt;</source>
        <translation>&lt;b&gt;Statescope %1&lt;/b&gt;&lt;p&gt;PostgreSQL-Spieldatenbanken, eine je wöchentlichem Reset, untersuchen, vergleichen, wiedergeben und verwalten.&lt;/p&gt;&lt;p&gt;Copyright © 2025-2026 die Statescope-Entwickler.&lt;/p&gt;&lt;p&gt;Dieses Programm ist freie Software: Sie können es unter den Bedingungen der GNU General Public License, wie von der Free Software Foundation veröffentlicht, weitergeben und/oder verändern, entweder gemäß Version 3 der Lizenz oder (nach Ihrer Wahl) jeder späteren Version. Es wird OHNE JEDE GEWÄHRLEISTUNG bereitgestellt. Einzelheiten finden Sie in der &lt;a href=&quot;https://www.gnu.org/licenses/gpl-3.0.html&quot;&gt;GNU General Public License&lt;/a&gt; (unter Debian: /usr/share/common-licenses/GPL-3).&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2 (LGPL-3 / GPL-3; Qt Charts GPL-3), libpq (PostgreSQL-Lizenz), nlohmann/json (MIT) und QtKeychain (BSD-3-Clause).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Design</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>&amp;System</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Fenster</translation>
    </message>
    <message>
        <source>Admin mode on for %1: changes are possible and audited.</source>
        <translation>Admin-Modus ein für %1: Änderungen sind möglich und werden im Audit-Protokoll vermerkt.</translation>
    </message>
    <message>
        <source>Starting the sandbox server…</source>
        <translation>Sandbox-Server wird gestartet…</translation>
    </message>
    <message>
        <source>%1 [PRODUCTION]</source>
        <translation>%1 [PRODUKTION]</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message>
        <source>Tables</source>
        <translation>Tabellen</translation>
    </message>
    <message>
        <source>SQL</source>
        <translation>SQL</translation>
    </message>
    <message>
        <source>&amp;Compare weeks…</source>
        <translation>Wochen &amp;vergleichen…</translation>
    </message>
    <message>
        <source>Two weeks of this family side by side: schema, rows, API, and the family&apos;s drift</source>
        <translation>Zwei Wochen dieser Familie nebeneinander: Schema, Zeilen, API und die Drift der Familie</translation>
    </message>
    <message>
        <source>Compare weeks</source>
        <translation>Wochen vergleichen</translation>
    </message>
    <message>
        <source>Select a weekly database (prefix_YYYY_wNN) first.</source>
        <translation>Wählen Sie zuerst eine Wochendatenbank (prefix_YYYY_wNN) aus.</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 (one of %n database(s))</source>
        <translation>
            <numerusform>%1: %2 (eine von %n Datenbank)</numerusform>
            <numerusform>%1: %2 (eine von %n Datenbanken)</numerusform>
        </translation>
    </message>
    <message>
        <source>Players</source>
        <translation>Spieler</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <source>The host the pane on screen reads from (with several hosts in the connection string, the one that answered)</source>
        <translation>Der Host, von dem der angezeigte Bereich liest (bei mehreren Hosts in der Verbindungszeichenfolge derjenige, der geantwortet hat)</translation>
    </message>
    <message>
        <source>The connection was lost (%1); read again on %2.</source>
        <translation>Die Verbindung wurde unterbrochen (%1); auf %2 erneut gelesen.</translation>
    </message>
    <message>
        <source>The connection to %1 was lost (%2); reconnected to %3 and read again.</source>
        <translation>Die Verbindung zu %1 wurde unterbrochen (%2); mit %3 neu verbunden und erneut gelesen.</translation>
    </message>
    <message>
        <source>on %1</source>
        <translation>auf %1</translation>
    </message>
    <message>
        <source>Shards</source>
        <translation>Shards</translation>
    </message>
    <message>
        <source>Player %1&apos;s shard: %2.</source>
        <translation>Shard von Spieler %1: %2.</translation>
    </message>
    <message>
        <source>Starting the private PostgreSQL sandbox and its demo weeks (a few seconds the first time)…</source>
        <translation>Die private PostgreSQL-Sandbox und ihre Demowochen werden gestartet (beim ersten Mal einige Sekunden)…</translation>
    </message>
    <message>
        <source>formation</source>
        <translation>Formation</translation>
    </message>
    <message>
        <source>Asking the formation&apos;s monitor</source>
        <translation>Der Monitor der Formation wird gefragt</translation>
    </message>
    <message>
        <source>Formation %1: %2</source>
        <translation>Formation %1: %2</translation>
    </message>
    <message>
        <source>the formation&apos;s primary moved from %1 to %2</source>
        <translation>der Primärserver der Formation ist von %1 nach %2 gewechselt</translation>
    </message>
    <message>
        <source>the database %1</source>
        <translation>die Datenbank %1</translation>
    </message>
    <message numerus="yes">
        <source>every week of %1 (%n database(s))</source>
        <translation>
            <numerusform>jede Woche von %1 (%n Datenbank)</numerusform>
            <numerusform>jede Woche von %1 (%n Datenbanken)</numerusform>
        </translation>
    </message>
    <message>
        <source>the shard set %1</source>
        <translation>das Shard-Set %1</translation>
    </message>
    <message>
        <source>Found in %1: %2.%3, %4.</source>
        <translation>Gefunden in %1: %2.%3, %4.</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Find an id, a number, a symbol… (Ctrl+K)</source>
        <translation>ID, Zahl, Symbol suchen… (Strg+K)</translation>
    </message>
    <message>
        <source>A uuid or its first 8 characters, a number, a symbol, a name, a request key or a payload hash, looked up by indexes in the database shown, its family&apos;s every week or a shard set. Enter finds; the rows appear in the Find window.</source>
        <translation>Eine UUID oder ihre ersten 8 Zeichen, eine Zahl, ein Symbol, ein Name, ein Anfrageschlüssel oder ein Payload-Hash, über Indizes gesucht in der angezeigten Datenbank, jeder Woche ihrer Familie oder einem Shard-Set. Enter sucht; die Zeilen erscheinen im Fenster „Suchen“.</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen…</translation>
    </message>
    <message>
        <source>Find an id in the database shown, its family or a shard set (Ctrl+K)</source>
        <translation>Eine ID in der angezeigten Datenbank, ihrer Familie oder einem Shard-Set suchen (Strg+K)</translation>
    </message>
    <message>
        <source>%1 does not list the database %2.</source>
        <translation>%1 führt die Datenbank %2 nicht.</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Benutzerhandbuch</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>Benutzerhandbuch</translation>
    </message>
    <message>
        <source>The user guide is not installed here. It is docs/GUIDE.md in Statescope&apos;s sources, and /usr/share/statescope/guide once installed.</source>
        <translation>Das Benutzerhandbuch ist hier nicht installiert. Es liegt in Statescopes Quellen unter docs/GUIDE.md und nach der Installation unter /usr/share/statescope/guide.</translation>
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
    <message>
        <source> (zoomed; 0 resets)</source>
        <translation> (gezoomt; 0 setzt zurück)</translation>
    </message>
    <message>
        <source>Reading materialized views</source>
        <translation>Materialisierte Sichten werden gelesen</translation>
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
    <message>
        <source>Week</source>
        <translation>Woche</translation>
    </message>
    <message>
        <source>30 days</source>
        <translation>30 Tage</translation>
    </message>
    <message>
        <source>Auto picks a bucket for the week and never makes more than %L1 buckets; the caption says what it chose.</source>
        <translation>„Automatisch“ wählt ein Intervall für die Woche und erzeugt nie mehr als %L1 Intervalle; die Beschriftung zeigt, was gewählt wurde.</translation>
    </message>
    <message>
        <source> - reading %1</source>
        <translation> - gelesen aus %1</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>Choose a metric (and weeks to compare), then Run (Ctrl+Return).</source>
        <translation>Eine Metrik (und Wochen zum Vergleich) wählen, dann Ausführen (Strg+Eingabe).</translation>
    </message>
    <message>
        <source>The metric has no samples in this range.</source>
        <translation>Die Metrik hat in diesem Bereich keine Werte.</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n series</source>
        <translation>
            <numerusform>%1, %n Reihe</numerusform>
            <numerusform>%1, %n Reihen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bucket(s) of %1%2</source>
        <translation>
            <numerusform>%n Intervall zu je %1%2</numerusform>
            <numerusform>%n Intervalle zu je %1%2</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h %2 min %3 s</source>
        <translation>%1 h %2 min %3 s</translation>
    </message>
    <message>
        <source>Refresh materiali&amp;zed view</source>
        <translation>Sicht &amp;neu berechnen</translation>
    </message>
    <message>
        <source>average</source>
        <translation>Mittelwert</translation>
    </message>
    <message>
        <source>minimum</source>
        <translation>Minimum</translation>
    </message>
    <message>
        <source>maximum</source>
        <translation>Maximum</translation>
    </message>
    <message>
        <source>last</source>
        <translation>letzter Wert</translation>
    </message>
    <message>
        <source>sum</source>
        <translation>Summe</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>Never refreshed by Statescope; the server keeps no time of a refresh made elsewhere.</source>
        <translation>Von Statescope nie neu berechnet; der Server speichert keinen Zeitpunkt einer anderswo ausgeführten Neuberechnung.</translation>
    </message>
</context>
<context>
    <name>statescope::gui::PlayerEventsPane</name>
    <message>
        <source>Player (UUID)</source>
        <translation>Spieler (UUID)</translation>
    </message>
    <message>
        <source>Types, comma-separated</source>
        <translation>Typen, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>From (UTC): 2025-11-01</source>
        <translation>Von (UTC): 2025-11-01</translation>
    </message>
    <message>
        <source>Until (UTC): 2025-12-01</source>
        <translation>Bis (UTC): 2025-12-01</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Anwenden</translation>
    </message>
    <message>
        <source>Read the newest events that match (Enter in a field)</source>
        <translation>Die neuesten passenden Ereignisse lesen (Eingabetaste in einem Feld)</translation>
    </message>
    <message>
        <source>Occurred (UTC)</source>
        <translation>Eingetreten (UTC)</translation>
    </message>
    <message>
        <source>Player</source>
        <translation>Spieler</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>Load &amp;more</source>
        <translation>&amp;Mehr laden</translation>
    </message>
    <message>
        <source>Day (UTC)</source>
        <translation>Tag (UTC)</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>&lt;b&gt;Per type per day&lt;/b&gt;</source>
        <translation>&lt;b&gt;Je Typ und Tag&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Give a player, types or a time range and press Enter; empty reads the newest events of every player.</source>
        <translation>Geben Sie einen Spieler, Typen oder einen Zeitbereich an und drücken Sie die Eingabetaste; ohne Angaben werden die neuesten Ereignisse aller Spieler gelesen.</translation>
    </message>
    <message>
        <source>Select a database in the sidebar.</source>
        <translation>Wählen Sie in der Seitenleiste eine Datenbank aus.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a time.</source>
        <translation>„%1“ ist keine Zeitangabe.</translation>
    </message>
    <message>
        <source>ISO 8601, e.g. 2025-11-01 or 2025-11-01 14:00 (UTC).</source>
        <translation>ISO 8601, z. B. 2025-11-01 oder 2025-11-01 14:00 (UTC).</translation>
    </message>
    <message>
        <source>Reading player events of %1</source>
        <translation>Spielerereignisse von %1 werden gelesen</translation>
    </message>
    <message>
        <source>%1 is under row-level security and this session is subject to it: give a player to view as.</source>
        <translation>%1 unterliegt der Sicherheit auf Zeilenebene, und diese Sitzung ist davon betroffen: Geben Sie einen Spieler an, als der angesehen werden soll.</translation>
    </message>
    <message>
        <source>Reading the newest events</source>
        <translation>Die neuesten Ereignisse werden gelesen</translation>
    </message>
    <message>
        <source>Finding the partitions read</source>
        <translation>Gelesene Partitionen werden ermittelt</translation>
    </message>
    <message>
        <source>Counting per type per day</source>
        <translation>Zählung je Typ und Tag</translation>
    </message>
    <message>
        <source>%1 has no per-player events table.</source>
        <translation>%1 hat keine Tabelle für Ereignisse je Spieler.</translation>
    </message>
    <message>
        <source>Reading %1; this page reads %2.</source>
        <translation>Gelesen wird %1; diese Seite liest %2.</translation>
    </message>
    <message>
        <source>no partition (none can match)</source>
        <translation>keine Partition (keine kann passen)</translation>
    </message>
    <message>
        <source>%1: every player&apos;s events are shown.</source>
        <translation>%1: Die Ereignisse aller Spieler werden angezeigt.</translation>
    </message>
    <message>
        <source>Reading older player events</source>
        <translation>Ältere Spielerereignisse werden gelesen</translation>
    </message>
    <message>
        <source>The first 4 kB of %1 bytes</source>
        <translation>Die ersten 4 kB von %1 Bytes</translation>
    </message>
    <message>
        <source>Story</source>
        <translation>Geschichte</translation>
    </message>
    <message>
        <source>Everything this database holds about the player, in time order: events, saves, API events and snapshots that name him, the audit log</source>
        <translation>Alles, was diese Datenbank über den Spieler enthält, in zeitlicher Reihenfolge: Ereignisse, Spielstände, API-Ereignisse und Snapshots, die ihn nennen, das Audit-Protokoll</translation>
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
    <message>
        <source>How long it has run</source>
        <translation>Wie lange er schon läuft</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
</context>
<context>
    <name>statescope::gui::RecoveryPanel</name>
    <message>
        <source>Looking for unfinished resets and drops</source>
        <translation>Suche nach nicht abgeschlossenen Zurücksetzungen und Löschvorgängen</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n reset(s) or drop(s) on this server did not finish.&lt;/b&gt; Decide for each: finish what it started, or put the database back as it was.</source>
        <translation>
            <numerusform>&lt;b&gt;%n Zurücksetzung oder Löschung auf diesem Server wurde nicht abgeschlossen.&lt;/b&gt; Entscheiden Sie jeweils: abschließen, was begonnen wurde, oder die Datenbank in den vorherigen Zustand zurückversetzen.</numerusform>
            <numerusform>&lt;b&gt;%n Zurücksetzungen oder Löschungen auf diesem Server wurden nicht abgeschlossen.&lt;/b&gt; Entscheiden Sie jeweils: abschließen, was begonnen wurde, oder die Datenbank in den vorherigen Zustand zurückversetzen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Finish...</source>
        <translation>Abschließen...</translation>
    </message>
    <message>
        <source>Cannot be finished: no dump to start from.</source>
        <translation>Kann nicht abgeschlossen werden: kein Dump als Ausgangspunkt.</translation>
    </message>
    <message>
        <source>Restore...</source>
        <translation>Wiederherstellen...</translation>
    </message>
    <message>
        <source>Nothing to restore from.</source>
        <translation>Nichts vorhanden, woraus wiederhergestellt werden kann.</translation>
    </message>
    <message>
        <source>Switch on Admin mode to act on it.</source>
        <translation>Schalten Sie den Admin-Modus ein, um hier einzugreifen.</translation>
    </message>
    <message>
        <source>Finish the %1</source>
        <translation>Vorgang „%1“ abschließen</translation>
    </message>
    <message>
        <source>Put %1 back</source>
        <translation>%1 zurückversetzen</translation>
    </message>
    <message>
        <source>Finish the %1 of &lt;b&gt;%2&lt;/b&gt;?</source>
        <translation>Vorgang „%1“ für &lt;b&gt;%2&lt;/b&gt; abschließen?</translation>
    </message>
    <message>
        <source>Put &lt;b&gt;%1&lt;/b&gt; back as it was?</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; in den vorherigen Zustand zurückversetzen?</translation>
    </message>
    <message>
        <source>Finishing the run on %1</source>
        <translation>Vorgang auf %1 wird abgeschlossen</translation>
    </message>
    <message>
        <source>Putting %1 back</source>
        <translation>%1 wird zurückversetzt</translation>
    </message>
    <message>
        <source>Finished the unfinished run on %1.</source>
        <translation>Nicht abgeschlossenen Vorgang auf %1 abgeschlossen.</translation>
    </message>
    <message>
        <source>%1 is back as it was before the run.</source>
        <translation>%1 ist wieder im Zustand vor dem Vorgang.</translation>
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
        <source>%1, team %2 at team %3, %4, %n play(s)</source>
        <translation>
            <numerusform>%1, Team %2 zu Gast bei Team %3, %4, %n Spielzug</numerusform>
            <numerusform>%1, Team %2 zu Gast bei Team %3, %4, %n Spielzüge</numerusform>
        </translation>
    </message>
    <message>
        <source>First inconsistency: %1</source>
        <translation>Erste Inkonsistenz: %1</translation>
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
        <source>Any start</source>
        <translation>Beliebiger Beginn</translation>
    </message>
    <message>
        <source>Any end</source>
        <translation>Beliebiges Ende</translation>
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
    <message>
        <source>%1 holds no games (no tables shaped like games and plays).</source>
        <translation>%1 enthält keine Spiele (keine Tabellen mit der Struktur von Spielen und Spielzügen).</translation>
    </message>
    <message>
        <source>If they are there under other names, map them with a layout file (docs/LAYOUTS.md).</source>
        <translation>Falls sie unter anderen Namen vorhanden sind, ordnen Sie sie mit einer Layout-Datei zu (docs/LAYOUTS.md).</translation>
    </message>
    <message>
        <source>Source: %1.</source>
        <translation>Quelle: %1.</translation>
    </message>
    <message>
        <source>Waiting for the game: another session is writing to it (%1 s of %2 s)</source>
        <translation>Warten auf das Spiel: Eine andere Sitzung schreibt gerade in dieses Spiel (%1 s von %2 s)</translation>
    </message>
    <message>
        <source>%1 has no game %2 (with these filters). Choose one in the list.</source>
        <translation>%1 hat kein Spiel %2 (mit diesen Filtern). Wählen Sie eines in der Liste aus.</translation>
    </message>
    <message>
        <source>Previous play</source>
        <translation>Vorheriger Spielzug</translation>
    </message>
    <message>
        <source>Next play</source>
        <translation>Nächster Spielzug</translation>
    </message>
    <message>
        <source>First play</source>
        <translation>Erster Spielzug</translation>
    </message>
    <message>
        <source>Last play</source>
        <translation>Letzter Spielzug</translation>
    </message>
    <message>
        <source>Play / pause</source>
        <translation>Abspielen / Pause</translation>
    </message>
    <message numerus="yes">
        <source>%n dice roll(s) of those plays deleted, as the game does (archived; tick the box to keep them)</source>
        <translation>
            <numerusform>%n Würfelwurf dieser Spielzüge gelöscht, wie im Spiel (archiviert; zum Behalten das Kästchen ankreuzen)</numerusform>
            <numerusform>%n Würfelwürfe dieser Spielzüge gelöscht, wie im Spiel (archiviert; zum Behalten das Kästchen ankreuzen)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n dice roll(s) of those plays kept (this database keeps no rolls by play)</source>
        <translation>
            <numerusform>%n Würfelwurf dieser Spielzüge behalten (diese Datenbank speichert keine Würfelwürfe nach Spielzug)</numerusform>
            <numerusform>%n Würfelwürfe dieser Spielzüge behalten (diese Datenbank speichert keine Würfelwürfe nach Spielzug)</numerusform>
        </translation>
    </message>
    <message>
        <source>Keep the dice rolls of the removed plays (the game deletes them)</source>
        <translation>Würfelwürfe der entfernten Spielzüge behalten (das Spiel löscht sie)</translation>
    </message>
    <message>
        <source>&amp;Plays</source>
        <translation>&amp;Spielzüge</translation>
    </message>
    <message>
        <source>Bo&amp;x score</source>
        <translation>Bo&amp;x-Score</translation>
    </message>
    <message>
        <source>R&amp;osters and session</source>
        <translation>&amp;Aufstellungen und Sitzung</translation>
    </message>
    <message numerus="yes">
        <source>since play %1: %Ln run(s), outs %2 -&gt; %3</source>
        <translation>
            <numerusform>seit Spielzug %1: %Ln Run, Aus %2 -&gt; %3</numerusform>
            <numerusform>seit Spielzug %1: %Ln Runs, Aus %2 -&gt; %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n substitution(s) deleted</source>
        <translation>
            <numerusform>%n Auswechslung gelöscht</numerusform>
            <numerusform>%n Auswechslungen gelöscht</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n lineup row(s) back in the game</source>
        <translation>
            <numerusform>%n Aufstellungszeile wieder im Spiel</numerusform>
            <numerusform>%n Aufstellungszeilen wieder im Spiel</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading more games</source>
        <translation>Weitere Spiele werden geladen</translation>
    </message>
    <message>
        <source>Index the references to lineups...</source>
        <translation>Verweise auf Aufstellungen indizieren...</translation>
    </message>
    <message>
        <source>Without them, each lineup row a rollback deletes is checked against every play. Built without blocking the game&apos;s writes.</source>
        <translation>Ohne sie wird jede Aufstellungszeile, die ein Rollback löscht, gegen jeden Spielzug geprüft. Wird erstellt, ohne die Schreibzugriffe des Spiels zu blockieren.</translation>
    </message>
    <message>
        <source>Switch on admin mode (Ctrl+Shift+A) to build the indexes.</source>
        <translation>Schalten Sie den Admin-Modus ein (Strg+Umschalt+A), um die Indizes zu erstellen.</translation>
    </message>
    <message>
        <source>Preparing the indexes of %1</source>
        <translation>Indizes für %1 werden vorbereitet</translation>
    </message>
    <message>
        <source>Each lineup row a rollback deletes is checked against every play that may name it. These indexes answer those checks; they are built without blocking the game&apos;s writes, and no row is changed. Runs, one statement at a time:</source>
        <translation>Jede Aufstellungszeile, die ein Rollback löscht, wird gegen jeden Spielzug geprüft, der sie nennen kann. Diese Indizes beantworten diese Prüfungen; sie werden erstellt, ohne die Schreibzugriffe des Spiels zu blockieren, und keine Zeile wird geändert. Ausgeführt wird, eine Anweisung nach der anderen:</translation>
    </message>
    <message>
        <source>Index the references to lineups</source>
        <translation>Verweise auf Aufstellungen indizieren</translation>
    </message>
    <message numerus="yes">
        <source>Build %n index(es) on &lt;b&gt;%1&lt;/b&gt;?</source>
        <translation>
            <numerusform>%n Index auf &lt;b&gt;%1&lt;/b&gt; erstellen?</numerusform>
            <numerusform>%n Indizes auf &lt;b&gt;%1&lt;/b&gt; erstellen?</numerusform>
        </translation>
    </message>
    <message>
        <source>Building indexes on %1</source>
        <translation>Indizes auf %1 werden erstellt</translation>
    </message>
    <message>
        <source>Built %1.</source>
        <translation>%1 erstellt.</translation>
    </message>
    <message>
        <source>%1 placed on second (extra innings)</source>
        <translation>%1 auf die zweite Base gesetzt (Extra-Innings)</translation>
    </message>
    <message>
        <source>League &amp;rules...</source>
        <translation>Liga-Re&amp;geln...</translation>
    </message>
    <message>
        <source>State the rules the plays follow: a runner placed on second in extra innings, the designated hitter</source>
        <translation>Die Regeln angeben, denen die Spielzüge folgen: ein in Extra-Innings auf die zweite Base gesetzter Läufer, der Designated Hitter</translation>
    </message>
    <message>
        <source>League rules: none stated.</source>
        <translation>Liga-Regeln: keine angegeben.</translation>
    </message>
    <message>
        <source>League rules: %1 (stated for %2).</source>
        <translation>Liga-Regeln: %1 (angegeben für %2).</translation>
    </message>
    <message>
        <source>(%1 placed on second by the extra-inning rule)</source>
        <translation>(%1 nach der Extra-Inning-Regel auf die zweite Base gesetzt)</translation>
    </message>
    <message>
        <source>(the next half-inning starts with a runner placed on second)</source>
        <translation>(das nächste halbe Inning beginnt mit einem auf die zweite Base gesetzten Läufer)</translation>
    </message>
    <message>
        <source>final</source>
        <translation>Endstand</translation>
    </message>
    <message>
        <source>before play %1</source>
        <translation>vor Spielzug %1</translation>
    </message>
    <message>
        <source>League rules: %1. Rules... states them.</source>
        <translation>Ligaregeln: %1. Regeln... legt sie fest.</translation>
    </message>
    <message numerus="yes">
        <source>The references to lineup rows have no index: each deleted substitution has all %n play(s) checked, seconds at a season&apos;s size. &quot;Index the references&quot; builds the indexes first (shown before they are built).</source>
        <translation>
            <numerusform>Die Verweise auf Aufstellungszeilen haben keinen Index: Für jede gelöschte Einwechslung wird der %n Spielzug geprüft, bei einer Saison Sekunden. „Verweise indizieren“ erstellt die Indizes zuerst (vor dem Erstellen angezeigt).</numerusform>
            <numerusform>Die Verweise auf Aufstellungszeilen haben keinen Index: Für jede gelöschte Einwechslung werden alle %n Spielzüge geprüft, bei einer Saison Sekunden. „Verweise indizieren“ erstellt die Indizes zuerst (vor dem Erstellen angezeigt).</numerusform>
        </translation>
    </message>
    <message>
        <source>Switch on admin mode (Ctrl+Shift+A) to undo a rollback.</source>
        <translation>Schalten Sie den Admin-Modus ein (Strg+Umschalt+A), um ein Rollback rückgängig zu machen.</translation>
    </message>
    <message>
        <source>This game has no rollback to undo.</source>
        <translation>Dieses Spiel hat kein Rollback, das rückgängig gemacht werden kann.</translation>
    </message>
    <message>
        <source>Put back the rows the game&apos;s last rollback deleted (previewed and confirmed)</source>
        <translation>Die Zeilen zurückholen, die das letzte Rollback des Spiels gelöscht hat (mit Vorschau und Bestätigung)</translation>
    </message>
</context>
<context>
    <name>statescope::gui::RestoreDialog</name>
    <message>
        <source>Restore a dump</source>
        <translation>Dump wiederherstellen</translation>
    </message>
    <message>
        <source>Dump:</source>
        <translation>Dump:</translation>
    </message>
    <message>
        <source>Into the &amp;database:</source>
        <translation>In die &amp;Datenbank:</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>%1 already exists: a dump is restored into a new database. Drop or rename the old one first, or choose another name.</source>
        <translation>%1 existiert bereits: Ein Dump wird in eine neue Datenbank wiederhergestellt. Löschen Sie die alte zuerst oder benennen Sie sie um, oder wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>Will create %1 and restore the dump into it.</source>
        <translation>%1 wird erstellt und der Dump darin wiederhergestellt.</translation>
    </message>
</context>
<context>
    <name>statescope::gui::RetentionDialog</name>
    <message>
        <source>Dump retention</source>
        <translation>Dump-Aufbewahrung</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>After each reset or drop, older dumps of that database are removed unless they are among the newest kept, younger than the minimum age, or the way back of an unfinished run. Removals are written to the local journal.</source>
        <translation>Nach jedem Zurücksetzen oder Löschen werden ältere Dumps dieser Datenbank entfernt, sofern sie nicht zu den neuesten aufbewahrten gehören, jünger als das Mindestalter sind oder den Weg zurück für einen nicht abgeschlossenen Vorgang darstellen. Entfernungen werden im lokalen Protokoll vermerkt.</translation>
    </message>
    <message>
        <source>Newest dumps kept per database:</source>
        <translation>Aufbewahrte neueste Dumps je Datenbank:</translation>
    </message>
    <message>
        <source>Dumps younger than this are kept:</source>
        <translation>Dumps, die jünger sind, werden aufbewahrt:</translation>
    </message>
    <message>
        <source>Kept in %1, shared with statescope-cli settings.</source>
        <translation>Gespeichert in %1, gemeinsam mit den Einstellungen von statescope-cli.</translation>
    </message>
</context>
<context>
    <name>statescope::gui::RulesDialog</name>
    <message>
        <source>League rules</source>
        <translation>Liga-Regeln</translation>
    </message>
    <message>
        <source>The rules the plays of %1 follow that its tables do not say. Replay, the check, the box score, the games list and rollback apply them; the command line shares them.</source>
        <translation>Die Regeln, denen die Spielzüge von %1 folgen und die seine Tabellen nicht nennen. Wiedergabe, Prüfung, Box-Score, Spielliste und Zurücksetzen wenden sie an; die Kommandozeile teilt sie.</translation>
    </message>
    <message>
        <source>This database (%1)</source>
        <translation>Diese Datenbank (%1)</translation>
    </message>
    <message>
        <source>Every week of %1</source>
        <translation>Jede Woche von %1</translation>
    </message>
    <message>
        <source>&amp;Place a runner on second at the start of each half-inning from inning</source>
        <translation>Zu Beginn jedes halben Innings einen Läufer auf die zweite Base &amp;setzen, ab Inning</translation>
    </message>
    <message>
        <source>First inning with a placed runner</source>
        <translation>Erstes Inning mit gesetztem Läufer</translation>
    </message>
    <message>
        <source>Not stated (not checked)</source>
        <translation>Nicht angegeben (nicht geprüft)</translation>
    </message>
    <message>
        <source>Yes: a pitcher does not bat while his team has one</source>
        <translation>Ja: ein Pitcher schlägt nicht, solange sein Team einen hat</translation>
    </message>
    <message>
        <source>No: no lineup has one</source>
        <translation>Nein: keine Aufstellung hat einen</translation>
    </message>
    <message>
        <source>Stated for:</source>
        <translation>Angegeben für:</translation>
    </message>
    <message>
        <source>Designated hitter:</source>
        <translation>Designated Hitter:</translation>
    </message>
    <message>
        <source>&amp;Forget these rules</source>
        <translation>Diese Regeln &amp;vergessen</translation>
    </message>
    <message>
        <source>In force for %1 now: none stated.</source>
        <translation>Jetzt für %1 gültig: keine angegeben.</translation>
    </message>
    <message>
        <source>In force for %1 now: %2 (stated for %3).</source>
        <translation>Jetzt für %1 gültig: %2 (angegeben für %3).</translation>
    </message>
</context>
<context>
    <name>statescope::gui::SafetyStrip</name>
    <message>
        <source>Switch admin mode off (Ctrl+Shift+A)</source>
        <translation>Admin-Modus ausschalten (Strg+Umschalt+A)</translation>
    </message>
    <message>
        <source>PRODUCTION — %1</source>
        <translation>PRODUKTION — %1</translation>
    </message>
    <message>
        <source>ADMIN MODE ON for %1 (PRODUCTION): changes are possible and audited.</source>
        <translation>ADMIN-MODUS EIN für %1 (PRODUKTION): Änderungen sind möglich und werden im Audit-Protokoll vermerkt.</translation>
    </message>
    <message>
        <source>ADMIN MODE ON for %1: changes are possible and audited.</source>
        <translation>ADMIN-MODUS EIN für %1: Änderungen sind möglich und werden im Audit-Protokoll vermerkt.</translation>
    </message>
    <message>
        <source>Turn off</source>
        <translation>Ausschalten</translation>
    </message>
</context>
<context>
    <name>statescope::gui::Scoreboard</name>
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
    <message>
        <source>%1: %2, %3 out, away %4, home %5</source>
        <translation>%1: %2, %3 Aus, Gast %4, Heim %5</translation>
    </message>
</context>
<context>
    <name>statescope::gui::ShardSetDialog</name>
    <message>
        <source>New shard set</source>
        <translation>Neue Shard-Gruppe</translation>
    </message>
    <message>
        <source>marketland</source>
        <translation>marketland</translation>
    </message>
    <message>
        <source>empty: the generation expression of the column below, read from the shards</source>
        <translation>leer: der Generierungsausdruck der Spalte unten, aus den Shards gelesen</translation>
    </message>
    <message>
        <source>from the rule&apos;s final % N</source>
        <translation>aus dem abschließenden „% N“ der Regel</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>Werte</translation>
    </message>
    <message>
        <source>Values: the rule&apos;s values the shard holds (&quot;0-3&quot;, &quot;4,5&quot;); empty: its CHECK constraint on the column says</source>
        <translation>Werte: die Werte der Regel, die der Shard hält („0-3“, „4,5“); leer: seine CHECK-Bedingung auf der Spalte sagt es</translation>
    </message>
    <message>
        <source>&amp;Add shard</source>
        <translation>Shard &amp;hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove shard</source>
        <translation>Shard &amp;entfernen</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>R&amp;ule:</source>
        <translation>Re&amp;gel:</translation>
    </message>
    <message>
        <source>Rule &amp;column:</source>
        <translation>Regel&amp;spalte:</translation>
    </message>
    <message>
        <source>&amp;Values of the rule:</source>
        <translation>&amp;Werte der Regel:</translation>
    </message>
    <message>
        <source>Shards (each database once; every value of the rule on exactly one):</source>
        <translation>Shards (jede Datenbank einmal; jeder Wert der Regel auf genau einem):</translation>
    </message>
    <message>
        <source>Open the servers that hold the shards first (File &gt; Connect).</source>
        <translation>Öffnen Sie zuerst die Server, die die Shards halten (Datei &gt; Verbinden).</translation>
    </message>
    <message>
        <source>Shard %1 has no server: open the server that holds it first.</source>
        <translation>Shard %1 hat keinen Server: Öffnen Sie zuerst den Server, der ihn hält.</translation>
    </message>
    <message>
        <source>Shard %1 has no database.</source>
        <translation>Shard %1 hat keine Datenbank.</translation>
    </message>
</context>
<context>
    <name>statescope::gui::ShardsPane</name>
    <message>
        <source>API events</source>
        <translation>API-Ereignisse</translation>
    </message>
    <message>
        <source>Player events</source>
        <translation>Spielerereignisse</translation>
    </message>
    <message>
        <source>Saves</source>
        <translation>Spielstände</translation>
    </message>
    <message>
        <source>&amp;More rows</source>
        <translation>Weitere &amp;Zeilen</translation>
    </message>
    <message>
        <source>The saved shard sets (statescope-cli shard save adds them too)</source>
        <translation>Die gespeicherten Shard-Gruppen (auch statescope-cli shard save legt sie an)</translation>
    </message>
    <message>
        <source>&amp;New set…</source>
        <translation>&amp;Neue Gruppe…</translation>
    </message>
    <message>
        <source>Say which databases are the shards of one game</source>
        <translation>Angeben, welche Datenbanken die Shards eines Spiels sind</translation>
    </message>
    <message>
        <source>Remove set</source>
        <translation>Gruppe entfernen</translation>
    </message>
    <message>
        <source>Forget this set (its databases are not touched)</source>
        <translation>Diese Gruppe vergessen (ihre Datenbanken bleiben unberührt)</translation>
    </message>
    <message>
        <source>Remove shard set</source>
        <translation>Shard-Gruppe entfernen</translation>
    </message>
    <message>
        <source>Forget the shard set &quot;%1&quot;? Its databases are not touched.</source>
        <translation>Die Shard-Gruppe „%1“ vergessen? Ihre Datenbanken bleiben unberührt.</translation>
    </message>
    <message>
        <source>Shard set:</source>
        <translation>Shard-Gruppe:</translation>
    </message>
    <message>
        <source>player id</source>
        <translation>Spieler-ID</translation>
    </message>
    <message>
        <source>Open the shard the rule places this player on: his events, saves and tables there, viewed as him where the database has row-level security</source>
        <translation>Den Shard öffnen, auf den die Regel diesen Spieler legt: seine Ereignisse, Spielstände und Tabellen dort, als er gesehen, wo die Datenbank Sicherheit auf Zeilenebene hat</translation>
    </message>
    <message>
        <source>Player:</source>
        <translation>Spieler:</translation>
    </message>
    <message>
        <source>Shard</source>
        <translation>Shard</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>Werte</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>SQL on each shard</source>
        <translation>SQL auf jedem Shard</translation>
    </message>
    <message>
        <source>Placement</source>
        <translation>Platzierung</translation>
    </message>
    <message>
        <source>A table of the shards (listed from the first shard that answers)</source>
        <translation>Eine Tabelle der Shards (aufgelistet vom ersten Shard, der antwortet)</translation>
    </message>
    <message>
        <source>The game&apos;s own data on every shard, newest first; with a player in the Player field, his only, read on his shard</source>
        <translation>Die eigenen Daten des Spiels auf jedem Shard, neueste zuerst; mit einem Spieler im Feld „Spieler“ nur seine, auf seinem Shard gelesen</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filtern</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Filter leeren</translation>
    </message>
    <message>
        <source>Count exactly</source>
        <translation>Exakt zählen</translation>
    </message>
    <message>
        <source>Count the matching rows on every shard and add them up</source>
        <translation>Die passenden Zeilen auf jedem Shard zählen und addieren</translation>
    </message>
    <message>
        <source>Click a column&apos;s header to sort by it (it needs an index on each shard)</source>
        <translation>Auf den Kopf einer Spalte klicken, um nach ihr zu sortieren (sie braucht einen Index auf jedem Shard)</translation>
    </message>
    <message>
        <source>SELECT … : run read-only on each shard (Ctrl+Enter); the rows come back with a shard column</source>
        <translation>SELECT … : nur lesend auf jedem Shard ausführen (Strg+Eingabe); die Zeilen kommen mit einer Spalte shard zurück</translation>
    </message>
    <message>
        <source>&amp;Run on each shard</source>
        <translation>Auf jedem Shard &amp;ausführen</translation>
    </message>
    <message>
        <source>&amp;Check placement</source>
        <translation>Platzierung &amp;prüfen</translation>
    </message>
    <message>
        <source>On every shard, count the rows the rule places on another shard (or on none)</source>
        <translation>Auf jedem Shard die Zeilen zählen, die die Regel auf einen anderen Shard (oder auf keinen) legt</translation>
    </message>
    <message>
        <source>On shard</source>
        <translation>Auf Shard</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>Rule value</source>
        <translation>Regelwert</translation>
    </message>
    <message>
        <source>Belongs on</source>
        <translation>Gehört auf</translation>
    </message>
    <message>
        <source>shard sets</source>
        <translation>Shard-Gruppen</translation>
    </message>
    <message>
        <source>no set saved yet</source>
        <translation>noch keine Gruppe gespeichert</translation>
    </message>
    <message>
        <source>choose a set</source>
        <translation>Gruppe wählen</translation>
    </message>
    <message>
        <source>A shard set is N databases that are the shards of one game, read here as one database.</source>
        <translation>Eine Shard-Gruppe sind N Datenbanken, die die Shards eines Spiels sind, hier als eine Datenbank gelesen.</translation>
    </message>
    <message>
        <source>There is no shard set named &quot;%1&quot;.</source>
        <translation>Es gibt keine Shard-Gruppe namens „%1“.</translation>
    </message>
    <message>
        <source>Reading the rule and the shards of %1…</source>
        <translation>Die Regel und die Shards von %1 werden gelesen…</translation>
    </message>
    <message>
        <source>Opening shard set %1</source>
        <translation>Shard-Gruppe %1 wird geöffnet</translation>
    </message>
    <message numerus="yes">
        <source>%n shard(s). Rule: &lt;code&gt;%1&lt;/code&gt; (%2), values 0–%3.</source>
        <translation>
            <numerusform>%n Shard. Regel: &lt;code&gt;%1&lt;/code&gt; (%2), Werte 0–%3.</numerusform>
            <numerusform>%n Shards. Regel: &lt;code&gt;%1&lt;/code&gt; (%2), Werte 0–%3.</numerusform>
        </translation>
    </message>
    <message>
        <source>the tables are listed from the others</source>
        <translation>die Tabellen werden von den anderen aufgelistet</translation>
    </message>
    <message>
        <source>no game data found</source>
        <translation>keine Spieldaten gefunden</translation>
    </message>
    <message>
        <source>game data…</source>
        <translation>Spieldaten…</translation>
    </message>
    <message>
        <source>choose a table</source>
        <translation>Tabelle wählen</translation>
    </message>
    <message>
        <source>answering</source>
        <translation>antwortet</translation>
    </message>
    <message>
        <source>down: %1</source>
        <translation>nicht erreichbar: %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%n shard(s) did not answer: %1. Their rows are missing here; %2.</source>
        <translation>
            <numerusform>%n Shard hat nicht geantwortet: %1. Seine Zeilen fehlen hier; %2.</numerusform>
            <numerusform>%n Shards haben nicht geantwortet: %1. Ihre Zeilen fehlen hier; %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>Open a shard set first.</source>
        <translation>Öffnen Sie zuerst eine Shard-Gruppe.</translation>
    </message>
    <message>
        <source>Give the player&apos;s id.</source>
        <translation>Geben Sie die ID des Spielers an.</translation>
    </message>
    <message>
        <source>Finding the shard of player %1</source>
        <translation>Der Shard von Spieler %1 wird gesucht</translation>
    </message>
    <message>
        <source>Player %1 is on %2.</source>
        <translation>Spieler %1 liegt auf %2.</translation>
    </message>
    <message>
        <source>There is a shard set named &quot;%1&quot; already.</source>
        <translation>Es gibt bereits eine Shard-Gruppe namens „%1“.</translation>
    </message>
    <message>
        <source>new shard set</source>
        <translation>neue Shard-Gruppe</translation>
    </message>
    <message>
        <source>Reading the shards of %1</source>
        <translation>Die Shards von %1 werden gelesen</translation>
    </message>
    <message>
        <source>%1 has no index on %2 on every shard, so its rows are merged by its key, not newest first.</source>
        <translation>%1 hat nicht auf jedem Shard einen Index auf %2, daher werden ihre Zeilen nach ihrem Schlüssel zusammengeführt, nicht neueste zuerst.</translation>
    </message>
    <message>
        <source>Open a shard set and choose one of its tables first.</source>
        <translation>Öffnen Sie zuerst eine Shard-Gruppe und wählen Sie eine ihrer Tabellen.</translation>
    </message>
    <message>
        <source>No filter</source>
        <translation>Kein Filter</translation>
    </message>
    <message>
        <source>Filters: %1</source>
        <translation>Filter: %1</translation>
    </message>
    <message>
        <source> and </source>
        <translation> und </translation>
    </message>
    <message>
        <source>Reading %1.%2 on every shard</source>
        <translation>%1.%2 wird auf jedem Shard gelesen</translation>
    </message>
    <message>
        <source>shard</source>
        <translation>Shard</translation>
    </message>
    <message>
        <source>All rows shown</source>
        <translation>Alle Zeilen angezeigt</translation>
    </message>
    <message>
        <source>Read from %1 only: the rule places what the filter names there.</source>
        <translation>Nur aus %1 gelesen: Die Regel legt dorthin, was der Filter nennt.</translation>
    </message>
    <message>
        <source>Every shard read; rows merged by %1.</source>
        <translation>Jeder Shard gelesen; Zeilen nach %1 zusammengeführt.</translation>
    </message>
    <message>
        <source>the key</source>
        <translation>dem Schlüssel</translation>
    </message>
    <message>
        <source>this page holds the other shards&apos; rows only</source>
        <translation>diese Seite enthält nur die Zeilen der anderen Shards</translation>
    </message>
    <message>
        <source>counting on every shard…</source>
        <translation>Zählen auf jedem Shard…</translation>
    </message>
    <message>
        <source>Counting %1.%2 on every shard</source>
        <translation>%1.%2 wird auf jedem Shard gezählt</translation>
    </message>
    <message>
        <source>Estimating %1.%2</source>
        <translation>%1.%2 wird geschätzt</translation>
    </message>
    <message>
        <source>%L1 rows (summed over the shards)</source>
        <translation>%L1 Zeilen (über die Shards summiert)</translation>
    </message>
    <message>
        <source>≈ %L1 rows (the shards&apos; estimates, summed)</source>
        <translation>≈ %L1 Zeilen (die Schätzungen der Shards, summiert)</translation>
    </message>
    <message numerus="yes">
        <source>, %n shard(s) missing</source>
        <translation>
            <numerusform>, %n Shard fehlt</numerusform>
            <numerusform>, %n Shards fehlen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>did not answer</source>
        <translation>hat nicht geantwortet</translation>
    </message>
    <message>
        <source>the count holds the other shards&apos; rows only</source>
        <translation>die Zählung enthält nur die Zeilen der anderen Shards</translation>
    </message>
    <message>
        <source>SQL</source>
        <translation>SQL</translation>
    </message>
    <message>
        <source>Checking every shard…</source>
        <translation>Jeder Shard wird geprüft…</translation>
    </message>
    <message>
        <source>Checking where the rows are</source>
        <translation>Es wird geprüft, wo die Zeilen liegen</translation>
    </message>
    <message>
        <source>no shard</source>
        <translation>kein Shard</translation>
    </message>
    <message>
        <source>Every row is on the shard its rule value names.</source>
        <translation>Jede Zeile liegt auf dem Shard, den ihr Regelwert nennt.</translation>
    </message>
    <message>
        <source>%L1 row(s) are on a shard the rule does not place them on.</source>
        <translation>%L1 Zeile(n) liegen auf einem Shard, auf den die Regel sie nicht legt.</translation>
    </message>
    <message>
        <source>their rows were not checked</source>
        <translation>ihre Zeilen wurden nicht geprüft</translation>
    </message>
    <message>
        <source>The shard set %1 was not saved: reading its shards was stopped.</source>
        <translation>Die Shard-Gruppe %1 wurde nicht gespeichert: Das Lesen ihrer Shards wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Run on each shard</source>
        <translation>Auf jedem Shard ausführen</translation>
    </message>
    <message>
        <source>&amp;Open the player&apos;s shard</source>
        <translation>Shard des Spielers ö&amp;ffnen</translation>
    </message>
    <message>
        <source>value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>A player_id = … filter reads only that player&apos;s shard.</source>
        <translation>Ein Filter player_id = … liest nur den Shard dieses Spielers.</translation>
    </message>
</context>
<context>
    <name>statescope::gui::Sidebar</name>
    <message>
        <source>Reading the password from the system keychain</source>
        <translation>Passwort wird aus dem System-Schlüsselbund gelesen</translation>
    </message>
    <message>
        <source>No system keychain: %1</source>
        <translation>Kein System-Schlüsselbund: %1</translation>
    </message>
    <message>
        <source>Listing databases on %1</source>
        <translation>Datenbanken auf %1 werden aufgelistet</translation>
    </message>
    <message>
        <source>Password for %1</source>
        <translation>Passwort für %1</translation>
    </message>
    <message>
        <source>%1 needs a password for %2.
%3
It is kept in memory for this session only.</source>
        <translation>%1 benötigt ein Passwort für %2.
%3
Es wird nur für diese Sitzung im Speicher behalten.</translation>
    </message>
    <message>
        <source>No password was given for %1.</source>
        <translation>Für %1 wurde kein Passwort angegeben.</translation>
    </message>
    <message>
        <source>Refresh the server (F5) to be asked again.</source>
        <translation>Aktualisieren Sie den Server (F5), um erneut gefragt zu werden.</translation>
    </message>
    <message>
        <source>&amp;Refresh (reconnect)</source>
        <translation>&amp;Aktualisieren (neu verbinden)</translation>
    </message>
    <message>
        <source>&amp;Edit connection…</source>
        <translation>Verbindung &amp;bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Close this server</source>
        <translation>Diesen Server &amp;schließen</translation>
    </message>
    <message>
        <source>Reading the schemas of %1</source>
        <translation>Schemas von %1 werden gelesen</translation>
    </message>
    <message numerus="yes">
        <source>Reading the schema state of %n database(s) on %1</source>
        <translation>
            <numerusform>Schemastatus von %n Datenbank auf %1 wird gelesen</numerusform>
            <numerusform>Schemastatus von %n Datenbanken auf %1 wird gelesen</numerusform>
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
        <source>Snapshot id %1</source>
        <translation>Snapshot-ID %1</translation>
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
        <source>Path:</source>
        <translation>Pfad:</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
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
    <message>
        <source>View as player (UUID), then Enter: row-level security</source>
        <translation>Als Spieler ansehen (UUID), dann Eingabetaste: Sicherheit auf Zeilenebene</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a player id (a UUID).</source>
        <translation>„%1“ ist keine Spieler-ID (eine UUID).</translation>
    </message>
    <message>
        <source>This database holds no saves (no table shaped like save_snapshots: player id, save data, created at).</source>
        <translation>Diese Datenbank enthält keine Spielstände (keine Tabelle mit der Struktur von save_snapshots: Spieler-ID, Spielstanddaten, Erstellungszeit).</translation>
    </message>
    <message>
        <source>match: %1</source>
        <translation>Übereinstimmung: %1</translation>
    </message>
    <message>
        <source>MISMATCH: no known form</source>
        <translation>ABWEICHUNG: keine bekannte Form</translation>
    </message>
    <message>
        <source>This database holds no world snapshots (no table shaped like snapshots: tick number, state, created at).</source>
        <translation>Diese Datenbank enthält keine Welt-Snapshots (keine Tabelle mit der Struktur von snapshots: Tick-Nummer, Zustand, Erstellungszeit).</translation>
    </message>
    <message>
        <source>No snapshots in %1: a restart would start from scratch.</source>
        <translation>Keine Snapshots in %1: Ein Neustart würde bei null beginnen.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Recovery:&lt;/b&gt; tick %1 (id %2), %3 in %4.&lt;br&gt;&lt;small&gt;%5&lt;/small&gt;</source>
        <translation>&lt;b&gt;Wiederherstellung:&lt;/b&gt; Tick %1 (ID %2), %3 in %4.&lt;br&gt;&lt;small&gt;%5&lt;/small&gt;</translation>
    </message>
    <message>
        <source>Source: %1. %2</source>
        <translation>Quelle: %1. %2</translation>
    </message>
    <message>
        <source>/ships/0/fuel, ships.0.fuel or $.ships[*] ? (@.ship_id == &quot;S1&quot;).fuel</source>
        <translation>/ships/0/fuel, ships.0.fuel oder $.ships[*] ? (@.ship_id == &quot;S1&quot;).fuel</translation>
    </message>
    <message>
        <source>A JSON Pointer or a dotted path follows array positions; an SQL/JSON path ($…) is evaluated by the server and can follow one element by its key. In the State tree, right-click a value and choose &quot;Track this value&quot; or &quot;Track this element by its key&quot;.</source>
        <translation>Ein JSON Pointer oder ein Pfad mit Punkten folgt Array-Positionen; ein SQL/JSON-Pfad ($…) wird vom Server ausgewertet und kann einem Element über seinen Schlüssel folgen. Klicken Sie im Baum unter „Zustand“ mit der rechten Maustaste auf einen Wert und wählen Sie „Diesen Wert verfolgen“ oder „Dieses Element über seinen Schlüssel verfolgen“.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a path: write a JSON Pointer (/ships/0/fuel), a dotted path (ships.0.fuel) or an SQL/JSON path ($.ships[0].fuel).</source>
        <translation>„%1“ ist kein Pfad: Geben Sie einen JSON Pointer (/ships/0/fuel), einen Pfad mit Punkten (ships.0.fuel) oder einen SQL/JSON-Pfad ($.ships[0].fuel) ein.</translation>
    </message>
    <message>
        <source>%1 has no snapshot at tick %2 (its ticks: %3). Choose one in the timeline.</source>
        <translation>%1 hat keinen Snapshot bei Tick %2 (seine Ticks: %3). Wählen Sie einen in der Zeitleiste aus.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Diff the selected snapshots</source>
        <translation>Ausgewählte Snapshots vergleichen</translation>
    </message>
    <message>
        <source>Rule: %1.</source>
        <translation>Regel: %1.</translation>
    </message>
    <message>
        <source>The game deletes, when there are more than the maximum, the lowest-tick snapshots among those older than the minimum age. The two differ when young snapshots have low ticks (after a roll back or a restart from an old snapshot).</source>
        <translation>Gibt es mehr als das Maximum, löscht das Spiel unter den Snapshots, die älter als das Mindestalter sind, die mit den niedrigsten Ticks. Die beiden Regeln unterscheiden sich, wenn junge Snapshots niedrige Ticks haben (nach einem Zurückrollen oder einem Neustart aus einem alten Snapshot).</translation>
    </message>
    <message>
        <source>&amp;Rule:</source>
        <translation>&amp;Regel:</translation>
    </message>
    <message>
        <source>Keep at most:</source>
        <translation>Höchstens behalten:</translation>
    </message>
    <message>
        <source>Prune the snapshots of &lt;b&gt;%1&lt;/b&gt; by %2?</source>
        <translation>Snapshots von &lt;b&gt;%1&lt;/b&gt; bereinigen (%2)?</translation>
    </message>
    <message>
        <source>Redis</source>
        <translation>Redis</translation>
    </message>
    <message>
        <source>the snapshot</source>
        <translation>den Snapshot</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b&gt;A restart uses %1&lt;/b&gt;: tick %2, paused %3, tick rate %4, total spawns %5.&lt;br&gt;&lt;small&gt;%6&lt;/small&gt;</source>
        <translation>&lt;br&gt;&lt;b&gt;Ein Neustart verwendet %1&lt;/b&gt;: Tick %2, paused %3, tick_rate %4, total_spawns %5.&lt;br&gt;&lt;small&gt;%6&lt;/small&gt;</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(kein Wert)</translation>
    </message>
    <message>
        <source>Read only (GET game:tick, game:paused, game:tick_rate, game:total_spawns). A password goes in the URL (redis://:password@host:port/db): it is kept in the system keychain, the URL for every week of the family. TLS is not supported.</source>
        <translation>Nur lesend (GET game:tick, game:paused, game:tick_rate, game:total_spawns). Ein Passwort gehört in die URL (redis://:password@host:port/db): Es wird im System-Schlüsselbund gespeichert, die URL für jede Woche der Familie. TLS wird nicht unterstützt.</translation>
    </message>
    <message>
        <source>Config and maneuvers</source>
        <translation>Konfiguration und Manöver</translation>
    </message>
    <message>
        <source>No keychain could keep the Redis password (%1): it is used until Statescope closes, and asked for again next time.</source>
        <translation>Kein Schlüsselbund konnte das Redis-Passwort speichern (%1): Es wird verwendet, bis Statescope geschlossen wird, und beim nächsten Mal erneut abgefragt.</translation>
    </message>
    <message>
        <source>Track a path to draw its values.</source>
        <translation>Einen Pfad verfolgen, um ihn zu zeichnen.</translation>
    </message>
    <message>
        <source>%1, the snapshot a restart recovers from</source>
        <translation>%1, der Snapshot, aus dem ein Neustart wiederherstellt</translation>
    </message>
    <message>
        <source>%1 has no snapshot %2.</source>
        <translation>%1 hat keinen Snapshot %2.</translation>
    </message>
    <message>
        <source>The game&apos;s own</source>
        <translation>Wie das Spiel selbst</translation>
    </message>
    <message>
        <source>The lowest ticks older than the minimum age</source>
        <translation>Die niedrigsten Ticks, die älter als das Mindestalter sind</translation>
    </message>
    <message>
        <source>Newest by tick</source>
        <translation>Neueste nach Tick</translation>
    </message>
    <message>
        <source>Keep the newest by tick</source>
        <translation>Die neuesten nach Tick behalten</translation>
    </message>
    <message>
        <source>optional: redis://127.0.0.1:6379/0</source>
        <translation>optional: redis://127.0.0.1:6379/0</translation>
    </message>
    <message>
        <source>Created %1 UTC</source>
        <translation>Erstellt %1 UTC</translation>
    </message>
</context>
<context>
    <name>statescope::gui::SqlEditor</name>
    <message>
        <source>SELECT * FROM raw.api_events ORDER BY id DESC LIMIT 100;  Ctrl+Enter runs the statement under the cursor, Ctrl+Shift+Enter all</source>
        <translation>SELECT * FROM raw.api_events ORDER BY id DESC LIMIT 100;  Strg+Eingabe führt die Anweisung unter dem Cursor aus, Strg+Umschalt+Eingabe alle</translation>
    </message>
</context>
<context>
    <name>statescope::gui::StoryWindow</name>
    <message>
        <source>API event</source>
        <translation>API-Ereignis</translation>
    </message>
    <message>
        <source>snapshot</source>
        <translation>Snapshot</translation>
    </message>
    <message>
        <source>save</source>
        <translation>Spielstand</translation>
    </message>
    <message>
        <source>player event</source>
        <translation>Spielerereignis</translation>
    </message>
    <message>
        <source>maneuver</source>
        <translation>Manöver</translation>
    </message>
    <message>
        <source>game</source>
        <translation>Spiel</translation>
    </message>
    <message>
        <source>play</source>
        <translation>Spielzug</translation>
    </message>
    <message>
        <source>roll</source>
        <translation>Wurf</translation>
    </message>
    <message>
        <source>audit log</source>
        <translation>Audit-Protokoll</translation>
    </message>
    <message>
        <source>Oldest</source>
        <translation>Älteste</translation>
    </message>
    <message>
        <source>Older</source>
        <translation>Älter</translation>
    </message>
    <message>
        <source>Newer</source>
        <translation>Neuer</translation>
    </message>
    <message>
        <source>Newest</source>
        <translation>Neueste</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Story of %1 in %2</source>
        <translation>Geschichte von %1 in %2</translation>
    </message>
    <message>
        <source>The story from its beginning</source>
        <translation>Die Geschichte von ihrem Anfang an</translation>
    </message>
    <message>
        <source>The page before this one</source>
        <translation>Die Seite vor dieser</translation>
    </message>
    <message>
        <source>The page after this one</source>
        <translation>Die Seite nach dieser</translation>
    </message>
    <message>
        <source>The story&apos;s last page</source>
        <translation>Die letzte Seite der Geschichte</translation>
    </message>
    <message>
        <source>Write the whole story to a file, CSV or JSON lines (progress below; Cancel stops it)</source>
        <translation>Die ganze Geschichte in eine Datei schreiben, CSV oder JSON-Zeilen (Fortschritt unten; Abbrechen beendet es)</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Zeit (UTC)</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Double-click or press Enter to open the entry where it belongs</source>
        <translation>Doppelklick oder Eingabetaste öffnet den Eintrag dort, wo er hingehört</translation>
    </message>
    <message>
        <source>The selected entry&apos;s changes and the parts of its row that hold the value.</source>
        <translation>Die Änderungen des gewählten Eintrags und die Teile seiner Zeile, die den Wert enthalten.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Reading the story of %1</source>
        <translation>Geschichte von %1 wird gelesen</translation>
    </message>
    <message>
        <source>Nothing here holds %1.</source>
        <translation>Hier enthält nichts %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n entries, %1 to %2.</source>
        <translation>
            <numerusform>%n Eintrag, %1 bis %2.</numerusform>
            <numerusform>%n Einträge, %1 bis %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>No kind of data here can hold this value.</source>
        <translation>Keine Art von Daten hier kann diesen Wert enthalten.</translation>
    </message>
    <message>
        <source>Followed in: %1.</source>
        <translation>Verfolgt in: %1.</translation>
    </message>
    <message>
        <source>Not followed: %1.</source>
        <translation>Nicht verfolgt: %1.</translation>
    </message>
    <message>
        <source>Changes from the previous one:</source>
        <translation>Änderungen gegenüber dem vorigen:</translation>
    </message>
    <message>
        <source>Export the story</source>
        <translation>Geschichte exportieren</translation>
    </message>
    <message>
        <source>CSV (*.csv);;JSON lines (*.jsonl)</source>
        <translation>CSV (*.csv);;JSON-Zeilen (*.jsonl)</translation>
    </message>
    <message>
        <source>Exporting the story of %1</source>
        <translation>Geschichte von %1 wird exportiert</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n entries written to %1.</source>
        <translation>
            <numerusform>%n Eintrag nach %1 geschrieben.</numerusform>
            <numerusform>%n Einträge nach %1 geschrieben.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>statescope::gui::TablesPane</name>
    <message>
        <source>Count exactly</source>
        <translation>Exakt zählen</translation>
    </message>
    <message>
        <source>Count the matching rows on the server (click again to cancel)</source>
        <translation>Die passenden Zeilen auf dem Server zählen (erneut klicken zum Abbrechen)</translation>
    </message>
    <message>
        <source>contains</source>
        <translation>enthält</translation>
    </message>
    <message>
        <source>is NULL</source>
        <translation>ist NULL</translation>
    </message>
    <message>
        <source>is not NULL</source>
        <translation>ist nicht NULL</translation>
    </message>
    <message>
        <source>value, compared as the column&apos;s type</source>
        <translation>Wert, verglichen im Typ der Spalte</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filtern</translation>
    </message>
    <message>
        <source>Add this condition (Enter in the value)</source>
        <translation>Diese Bedingung hinzufügen (Eingabetaste im Wertfeld)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Export rows</source>
        <translation>Zeilen exportieren</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Filtered rows as CSV…</source>
        <translation>Gefilterte Zeilen als CSV…</translation>
    </message>
    <message>
        <source>Filtered rows as JSON Lines…</source>
        <translation>Gefilterte Zeilen als JSON Lines…</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Cancel count</source>
        <translation>Zählung abbrechen</translation>
    </message>
    <message>
        <source>%L1 rows</source>
        <translation>%L1 Zeilen</translation>
    </message>
    <message>
        <source>≈ %L1 rows (planner&apos;s estimate)</source>
        <translation>≈ %L1 Zeilen (Schätzung des Planers)</translation>
    </message>
    <message>
        <source>Choose a table or view under %1 in the sidebar (expand the database).</source>
        <translation>Wählen Sie in der Seitenleiste unter %1 eine Tabelle oder Sicht aus (klappen Sie dazu die Datenbank auf).</translation>
    </message>
    <message>
        <source>Select a database in the sidebar.</source>
        <translation>Wählen Sie in der Seitenleiste eine Datenbank aus.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1.%2&lt;/b&gt; — loading…</source>
        <translation>&lt;b&gt;%1.%2&lt;/b&gt; — wird geladen…</translation>
    </message>
    <message>
        <source>paged by %1 (%2), never by OFFSET</source>
        <translation>seitenweise nach %1 (%2), nie per OFFSET</translation>
    </message>
    <message>
        <source>no key: read in its order through a cursor; scrolling back reads again</source>
        <translation>kein Schlüssel: in Lesereihenfolge über einen Cursor gelesen; Zurückscrollen liest erneut</translation>
    </message>
    <message>
        <source> (INVALID)</source>
        <translation> (UNGÜLTIG)</translation>
    </message>
    <message>
        <source>&lt;h4&gt;Columns&lt;/h4&gt;</source>
        <translation>&lt;h4&gt;Spalten&lt;/h4&gt;</translation>
    </message>
    <message>
        <source>&lt;h4&gt;Indexes&lt;/h4&gt;</source>
        <translation>&lt;h4&gt;Indizes&lt;/h4&gt;</translation>
    </message>
    <message>
        <source>&lt;h4&gt;Foreign keys&lt;/h4&gt;</source>
        <translation>&lt;h4&gt;Fremdschlüssel&lt;/h4&gt;</translation>
    </message>
    <message>
        <source>&lt;h4&gt;Referenced by&lt;/h4&gt;</source>
        <translation>&lt;h4&gt;Referenziert von&lt;/h4&gt;</translation>
    </message>
    <message>
        <source>&lt;h4&gt;Triggers&lt;/h4&gt;</source>
        <translation>&lt;h4&gt;Trigger&lt;/h4&gt;</translation>
    </message>
    <message>
        <source>&lt;h4&gt;Row-level security policies&lt;/h4&gt;</source>
        <translation>&lt;h4&gt;Richtlinien für Sicherheit auf Zeilenebene&lt;/h4&gt;</translation>
    </message>
    <message>
        <source>Remove this condition</source>
        <translation>Diese Bedingung entfernen</translation>
    </message>
    <message>
        <source>%1 has no key, so it is shown in the order it is read.</source>
        <translation>%1 hat keinen Schlüssel und wird daher in der Lesereihenfolge angezeigt.</translation>
    </message>
    <message>
        <source>Sorting by %1 needs an index that starts with it (without one every row would be sorted for each page). Sortable: %2.</source>
        <translation>Das Sortieren nach %1 erfordert einen Index, der mit dieser Spalte beginnt (ohne ihn müsste für jede Seite jede Zeile sortiert werden). Sortierbar: %2.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy rows as CSV</source>
        <translation>Zeilen als CSV kopieren</translation>
    </message>
    <message>
        <source>Copy rows as JSON</source>
        <translation>Zeilen als JSON kopieren</translation>
    </message>
    <message>
        <source>Follow %1 → %2.%3</source>
        <translation>%1 → %2.%3 folgen</translation>
    </message>
    <message>
        <source>Exporting %1.%2 to %3</source>
        <translation>%1.%2 wird nach %3 exportiert</translation>
    </message>
    <message>
        <source>%1 written</source>
        <translation>%1 geschrieben</translation>
    </message>
    <message>
        <source>Export cancelled; the partial file was removed.</source>
        <translation>Export abgebrochen; die unvollständige Datei wurde entfernt.</translation>
    </message>
    <message>
        <source>Exported %L1 rows (%2) to %3</source>
        <translation>%L1 Zeilen (%2) nach %3 exportiert</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <comment>a column of a table</comment>
        <translation>%1 aus %2</translation>
    </message>
    <message>
        <source>Reading the whole value of %1</source>
        <translation>Vollständiger Wert von %1 wird gelesen</translation>
    </message>
    <message>
        <source>a whole number that fits %1</source>
        <translation>eine ganze Zahl, die in %1 passt</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true oder false</translation>
    </message>
    <message>
        <source>a UUID (8-4-4-4-12 hex digits)</source>
        <translation>eine UUID (8-4-4-4-12 Hexadezimalziffern)</translation>
    </message>
    <message>
        <source>a time in ISO 8601 (2025-01-06 or 2025-01-06 14:02:21Z)</source>
        <translation>ein Zeitpunkt in ISO 8601 (2025-01-06 oder 2025-01-06 14:02:21Z)</translation>
    </message>
    <message>
        <source>Not applied: %1 is %2, and &quot;%3&quot; is not %4.</source>
        <translation>Nicht angewendet: %1 ist %2, und „%3“ ist nicht %4.</translation>
    </message>
    <message>
        <source>Read every table as this player: the setting is made in each read-only transaction, as the game&apos;s API does (policies are never changed). Empty: as yourself.</source>
        <translation>Jede Tabelle als dieser Spieler lesen: Die Einstellung wird in jeder schreibgeschützten Transaktion gesetzt, wie es die API des Spiels tut (Richtlinien werden nie geändert). Leer: als Sie selbst.</translation>
    </message>
    <message>
        <source>Viewing %1 as %2 = %3: its policies show that player&apos;s rows only.</source>
        <translation>%1 wird als %2 = %3 angesehen: Die Richtlinien zeigen nur die Zeilen dieses Spielers.</translation>
    </message>
    <message>
        <source>no key (foreign tables can have none): read in its order through a cursor, filters sent on to the foreign servers</source>
        <translation>kein Schlüssel (Fremdtabellen können keinen haben): in Lesereihenfolge über einen Cursor gelesen, Filter werden an die Fremdserver weitergegeben</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1.%2&lt;/b&gt; — not read: see the message above</source>
        <translation>&lt;b&gt;%1.%2&lt;/b&gt; — nicht gelesen: siehe die Meldung oben</translation>
    </message>
</context>
<context>
    <name>statescope::gui::UpkeepDialog</name>
    <message>
        <source>&amp;Partitions</source>
        <translation>&amp;Partitionen</translation>
    </message>
    <message>
        <source>&amp;Jobs archive</source>
        <translation>&amp;Jobarchiv</translation>
    </message>
    <message>
        <source>Auto&amp;vacuum</source>
        <translation>Auto&amp;vacuum</translation>
    </message>
    <message>
        <source>&amp;Indexes</source>
        <translation>&amp;Indizes</translation>
    </message>
    <message>
        <source>pg_&amp;cron</source>
        <translation>pg_&amp;cron</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Read-only: switch on &lt;b&gt;Admin mode&lt;/b&gt; (Ctrl+Shift+A) to change anything.</source>
        <translation>Nur Lesen: Schalten Sie den &lt;b&gt;Admin-Modus&lt;/b&gt; ein (Strg+Umschalt+A), um etwas zu ändern.</translation>
    </message>
    <message>
        <source>Partition</source>
        <translation>Partition</translation>
    </message>
    <message>
        <source>From (UTC)</source>
        <translation>Von (UTC)</translation>
    </message>
    <message>
        <source>To (UTC)</source>
        <translation>Bis (UTC)</translation>
    </message>
    <message>
        <source>Rows (estimate)</source>
        <translation>Zeilen (geschätzt)</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source> period(s) ahead</source>
        <translation> Periode(n) im Voraus</translation>
    </message>
    <message>
        <source>Create &amp;next partitions…</source>
        <translation>&amp;Nächste Partitionen erstellen…</translation>
    </message>
    <message>
        <source>older than </source>
        <translation>älter als </translation>
    </message>
    <message>
        <source> month(s)</source>
        <translation> Monat(e)</translation>
    </message>
    <message>
        <source>&amp;Archive old partitions…</source>
        <translation>Alte Partitionen &amp;archivieren…</translation>
    </message>
    <message>
        <source>Detach CONCURRENTLY, dump, check the dump in a scratch database (same row count), then drop; a dump that does not check out drops nothing</source>
        <translation>Mit CONCURRENTLY abhängen, per Dump sichern, den Dump in einer temporären Datenbank prüfen (gleiche Zeilenzahl), dann löschen; besteht ein Dump die Prüfung nicht, wird nichts gelöscht</translation>
    </message>
    <message>
        <source>Table:</source>
        <translation>Tabelle:</translation>
    </message>
    <message>
        <source>completed more than </source>
        <translation>abgeschlossen vor mehr als </translation>
    </message>
    <message>
        <source> day(s) ago</source>
        <translation> Tag(en)</translation>
    </message>
    <message>
        <source>Archive &amp;completed jobs…</source>
        <translation>A&amp;bgeschlossene Jobs archivieren…</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>Live rows</source>
        <translation>Lebende Zeilen</translation>
    </message>
    <message>
        <source>Dead rows</source>
        <translation>Tote Zeilen</translation>
    </message>
    <message>
        <source>Last autovacuum</source>
        <translation>Letzter Autovacuum-Lauf</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>value (empty: back to the server&apos;s default)</source>
        <translation>Wert (leer: zurück zum Standardwert des Servers)</translation>
    </message>
    <message>
        <source>Change for the selected &amp;table…</source>
        <translation>Für die ausgewählte &amp;Tabelle ändern…</translation>
    </message>
    <message>
        <source>Index</source>
        <translation>Index</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Gültig</translation>
    </message>
    <message>
        <source>Definition</source>
        <translation>Definition</translation>
    </message>
    <message>
        <source>&amp;Rebuild concurrently…</source>
        <translation>Nebenläufig neu a&amp;ufbauen…</translation>
    </message>
    <message>
        <source>REINDEX INDEX CONCURRENTLY: the game keeps reading and writing; Cancel drops the unfinished copy</source>
        <translation>REINDEX INDEX CONCURRENTLY: Das Spiel liest und schreibt weiter; Abbrechen löscht die unfertige Kopie</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Job</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Zeitplan</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Last run</source>
        <translation>Letzte Ausführung</translation>
    </message>
    <message>
        <source>Started (UTC)</source>
        <translation>Gestartet (UTC)</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <source>Reading the upkeep of %1</source>
        <translation>Wartungsdaten von %1 werden gelesen</translation>
    </message>
    <message>
        <source>Partitions</source>
        <translation>Partitionen</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Jobs</translation>
    </message>
    <message>
        <source>%1 completed jobs of %2 finished more than %3 days ago; they would move into %4 in one statement:
%5</source>
        <translation>%1 abgeschlossene Jobs von %2 wurden vor mehr als %3 Tagen beendet; sie würden in einer Anweisung nach %4 verschoben:
%5</translation>
    </message>
    <message>
        <source>Autovacuum</source>
        <translation>Autovacuum</translation>
    </message>
    <message>
        <source>Indexes</source>
        <translation>Indizes</translation>
    </message>
    <message>
        <source>pg_cron</source>
        <translation>pg_cron</translation>
    </message>
    <message>
        <source>(server defaults)</source>
        <translation>(Standardwerte des Servers)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>INVALID</source>
        <translation>UNGÜLTIG</translation>
    </message>
    <message>
        <source>pg_cron keeps its jobs in %1; these run in %2 (a role that is not a superuser sees its own jobs only).</source>
        <translation>pg_cron speichert seine Jobs in %1; diese laufen in %2 (eine Rolle, die kein Superuser ist, sieht nur ihre eigenen Jobs).</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>never ran</source>
        <translation>nie ausgeführt</translation>
    </message>
    <message>
        <source>No table of %1 is partitioned by ranges of time.</source>
        <translation>Keine Tabelle von %1 ist nach Zeitbereichen partitioniert.</translation>
    </message>
    <message>
        <source>By %1; partitions named %2%3.</source>
        <translation>Nach %1; Partitionen benannt als %2%3.</translation>
    </message>
    <message>
        <source>, made through pg_partman</source>
        <translation>, erstellt über pg_partman</translation>
    </message>
    <message>
        <source>By %1; no scheme to continue: %2.</source>
        <translation>Nach %1; kein Muster, das sich fortsetzen ließe: %2.</translation>
    </message>
    <message>
        <source> (detach pending)</source>
        <translation> (Abhängen ausstehend)</translation>
    </message>
    <message>
        <source>default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <source>Preparing: %1</source>
        <translation>Vorbereitung: %1</translation>
    </message>
    <message>
        <source>Cancelled: nothing more was changed.</source>
        <translation>Abgebrochen: Es wurde nichts weiter geändert.</translation>
    </message>
    <message>
        <source>Create partitions</source>
        <translation>Partitionen erstellen</translation>
    </message>
    <message>
        <source>The partitions of %1 already reach %2 period(s) ahead; nothing to create.</source>
        <translation>Die Partitionen von %1 reichen bereits %2 Periode(n) im Voraus; es gibt nichts zu erstellen.</translation>
    </message>
    <message>
        <source>&lt;p&gt;%1 partition(s) of %2, in its scheme (%3), in one transaction:&lt;/p&gt;%4</source>
        <translation>&lt;p&gt;%1 Partition(en) von %2 nach ihrem Muster (%3), in einer Transaktion:&lt;/p&gt;%4</translation>
    </message>
    <message>
        <source>Created %1 partition(s) of %2.</source>
        <translation>%1 Partition(en) von %2 erstellt.</translation>
    </message>
    <message>
        <source>Archive partitions</source>
        <translation>Partitionen archivieren</translation>
    </message>
    <message>
        <source>No partition of %1 ended before %2; nothing to archive.</source>
        <translation>Keine Partition von %1 endete vor %2; es gibt nichts zu archivieren.</translation>
    </message>
    <message>
        <source>%1 (%2 to %3, ~%4 rows)</source>
        <translation>%1 (%2 bis %3, ~%4 Zeilen)</translation>
    </message>
    <message>
        <source>&lt;p&gt;Partitions of %1 that ended before %2, each dumped into %3 and checked in a scratch database before it is dropped:&lt;/p&gt;%4&lt;p&gt;Steps:&lt;/p&gt;%5%6</source>
        <translation>&lt;p&gt;Partitionen von %1, die vor %2 endeten; jede wird per Dump in %3 gesichert und in einer temporären Datenbank geprüft, bevor sie gelöscht wird:&lt;/p&gt;%4&lt;p&gt;Schritte:&lt;/p&gt;%5%6</translation>
    </message>
    <message>
        <source>&lt;p&gt;The table has a default partition: the detach cannot be CONCURRENTLY and waits at most 5 s for its lock.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Die Tabelle hat eine Standardpartition: Das Abhängen kann nicht mit CONCURRENTLY erfolgen und wartet höchstens 5 s auf seine Sperre.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Archived %1 partition(s) of %2; the dumps are in %3.</source>
        <translation>%1 Partition(en) von %2 archiviert; die Dumps liegen in %3.</translation>
    </message>
    <message>
        <source>Archive jobs</source>
        <translation>Jobs archivieren</translation>
    </message>
    <message>
        <source>&lt;p&gt;%1 completed job(s) of %2 older than %3 days move into %4, in one statement:&lt;/p&gt;%5</source>
        <translation>&lt;p&gt;%1 abgeschlossene(r) Job(s) von %2, älter als %3 Tage, werden in einer Anweisung nach %4 verschoben:&lt;/p&gt;%5</translation>
    </message>
    <message>
        <source>Moved %1 completed job(s) into %2.</source>
        <translation>%1 abgeschlossene(n) Job(s) nach %2 verschoben.</translation>
    </message>
    <message>
        <source>the server&apos;s default</source>
        <translation>der Standardwert des Servers</translation>
    </message>
    <message>
        <source>Change autovacuum settings</source>
        <translation>Autovacuum-Einstellungen ändern</translation>
    </message>
    <message>
        <source>&lt;p&gt;%1: %2 (now %3).&lt;/p&gt;</source>
        <translation>&lt;p&gt;%1: %2 (derzeit %3).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Changed the autovacuum settings of %1.</source>
        <translation>Die Autovacuum-Einstellungen von %1 wurden geändert.</translation>
    </message>
    <message>
        <source>Rebuild an index</source>
        <translation>Einen Index neu aufbauen</translation>
    </message>
    <message>
        <source>&lt;p&gt;REINDEX INDEX CONCURRENTLY %1 (%2, on %3): the game keeps reading and writing. Cancel stops it and drops the unfinished copy.&lt;/p&gt;</source>
        <translation>&lt;p&gt;REINDEX INDEX CONCURRENTLY %1 (%2, auf %3): Das Spiel liest und schreibt weiter. Abbrechen stoppt den Vorgang und löscht die unfertige Kopie.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Rebuilt %1 (%2).</source>
        <translation>%1 neu aufgebaut (%2).</translation>
    </message>
    <message>
        <source>Upkeep of %1 on %2</source>
        <translation>Wartung von %1 auf %2</translation>
    </message>
    <message>
        <source>Something is still running: wait for it, or Cancel it first (the change then stops between its steps and puts back what it had begun).</source>
        <translation>Es läuft noch etwas: Warten Sie darauf oder brechen Sie es zuerst ab (die Änderung hält dann zwischen ihren Schritten an und stellt wieder her, was sie begonnen hatte).</translation>
    </message>
    <message>
        <source>%1 in &lt;b&gt;%2&lt;/b&gt; on &lt;b&gt;%3&lt;/b&gt;?</source>
        <translation>%1 in &lt;b&gt;%2&lt;/b&gt; auf &lt;b&gt;%3&lt;/b&gt;?</translation>
    </message>
</context>
<context>
    <name>statescope::gui::ViewAsBar</name>
    <message>
        <source>The setting the row-level security policies read</source>
        <translation>Die Einstellung, die die Richtlinien für Sicherheit auf Zeilenebene lesen</translation>
    </message>
    <message>
        <source>View as player, then Enter</source>
        <translation>Als Spieler ansehen, dann Eingabetaste</translation>
    </message>
    <message>
        <source>Reading the row-level security of %1</source>
        <translation>Sicherheit auf Zeilenebene von %1 wird gelesen</translation>
    </message>
    <message>
        <source>The row-level security of %1 is still being read.</source>
        <translation>Die Sicherheit auf Zeilenebene von %1 wird noch gelesen.</translation>
    </message>
</context>
<context>
    <name>statescope::gui::WeekSwitcher</name>
    <message>
        <source>Previous week</source>
        <translation>Vorherige Woche</translation>
    </message>
    <message>
        <source>Next week</source>
        <translation>Nächste Woche</translation>
    </message>
    <message>
        <source>The family&apos;s previous week, with this set-up kept (Alt+Left)</source>
        <translation>Die vorherige Woche der Familie, mit beibehaltener Einrichtung (Alt+Links)</translation>
    </message>
    <message>
        <source>The family&apos;s next week, with this set-up kept (Alt+Right)</source>
        <translation>Die nächste Woche der Familie, mit beibehaltener Einrichtung (Alt+Rechts)</translation>
    </message>
    <message>
        <source>Every week of this family on the open servers: the panes keep what you set up (filters, table, tick, game, query, chart)</source>
        <translation>Jede Woche dieser Familie auf den geöffneten Servern: Die Bereiche behalten, was Sie eingerichtet haben (Filter, Tabelle, Tick, Spiel, Abfrage, Diagramm)</translation>
    </message>
    <message>
        <source>&amp;Week:</source>
        <translation>&amp;Woche:</translation>
    </message>
    <message>
        <source>%1 (closed)</source>
        <translation>%1 (geschlossen)</translation>
    </message>
    <message>
        <source>%1: week %2 of %3, on %4</source>
        <translation>%1: Woche %2 von %3, auf %4</translation>
    </message>
    <message>
        <source>%1: week %2 of %3</source>
        <translation>%1: Woche %2 von %3</translation>
    </message>
</context>
<context>
    <name>statescope::io</name>
    <message>
        <source>%1 could not be loaded: %2</source>
        <translation>%1 konnte nicht geladen werden: %2</translation>
    </message>
    <message>
        <source>%1 is of another version of Statescope.</source>
        <translation>%1 gehört zu einer anderen Version von Statescope.</translation>
    </message>
    <message>
        <source>The keychain and network module was not found (looked for %1); reinstall Statescope.</source>
        <translation>Das Modul für Schlüsselbund und Netzwerk wurde nicht gefunden (gesucht: %1); installieren Sie Statescope neu.</translation>
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
    <name>statescope::layout::Histories</name>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n fehlgeschlagen</numerusform>
            <numerusform>%n fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n repeatable</source>
        <translation>
            <numerusform>%n wiederholbar</numerusform>
            <numerusform>%n wiederholbar</numerusform>
        </translation>
    </message>
    <message>
        <source>schema marker</source>
        <translation>Schema-Markierung</translation>
    </message>
    <message>
        <source>Statescope weekly schema</source>
        <translation>Statescope-Wochendatenbank-Schema</translation>
    </message>
    <message>
        <source>Statescope bookkeeping</source>
        <translation>Statescope-Verwaltungsdaten</translation>
    </message>
    <message>
        <source>schema_migrations table</source>
        <translation>Tabelle schema_migrations</translation>
    </message>
    <message>
        <source>version table</source>
        <translation>Versionstabelle</translation>
    </message>
    <message numerus="yes">
        <source>%n heads</source>
        <translation>
            <numerusform>%n Head</numerusform>
            <numerusform>%n Heads</numerusform>
        </translation>
    </message>
    <message>
        <source>dirty: a migration failed midway</source>
        <translation>dirty: eine Migration ist mittendrin fehlgeschlagen</translation>
    </message>
    <message numerus="yes">
        <source>%n rows</source>
        <translation>
            <numerusform>%n Zeile</numerusform>
            <numerusform>%n Zeilen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>statescope::layout::IndexBuilder</name>
    <message>
        <source>building the browsing index</source>
        <translation>den Aufbau des Index zum Durchsuchen</translation>
    </message>
    <message>
        <source>The confirmation does not match the database name %1; nothing was built.</source>
        <translation>Die Bestätigung stimmt nicht mit dem Datenbanknamen %1 überein; es wurde nichts erstellt.</translation>
    </message>
    <message>
        <source>%1 already has an index that serves the time order.</source>
        <translation>%1 hat bereits einen Index für die zeitliche Reihenfolge.</translation>
    </message>
    <message>
        <source>Building an index on %1</source>
        <translation>Index auf %1 wird erstellt</translation>
    </message>
    <message>
        <source>The local audit journal could not be written; nothing was built.</source>
        <translation>Das lokale Audit-Protokoll konnte nicht geschrieben werden; es wurde nichts erstellt.</translation>
    </message>
    <message>
        <source>Step %1 of %2: %3</source>
        <translation>Schritt %1 von %2: %3</translation>
    </message>
    <message>
        <source>Built %1 on %2</source>
        <translation>%1 auf %2 erstellt</translation>
    </message>
    <message>
        <source>Only API events, player events and plays have indexes to build.</source>
        <translation>Nur für API-Ereignisse, Spielerereignisse und Spielzüge gibt es Indizes zu erstellen.</translation>
    </message>
    <message>
        <source>Every reference to a lineup row in %1 has its index already.</source>
        <translation>Jeder Verweis auf eine Aufstellungszeile in %1 hat bereits seinen Index.</translation>
    </message>
</context>
<context>
    <name>statescope::layout::Layout</name>
    <message>
        <source>Layout document: %1</source>
        <translation>Layout-Dokument: %1</translation>
    </message>
    <message>
        <source>See docs/LAYOUTS.md; `statescope-cli layout show --db CONN --json` prints a valid one to start from.</source>
        <translation>Siehe docs/LAYOUTS.md; `statescope-cli layout show --db CONN --json` gibt ein gültiges Dokument als Ausgangspunkt aus.</translation>
    </message>
    <message>
        <source>The layout (%1) names %2.%3 for %4, but database %5 has no such table.</source>
        <translation>Das Layout (%1) nennt %2.%3 für „%4“, aber die Datenbank %5 hat keine solche Tabelle.</translation>
    </message>
    <message>
        <source>The layout (%1) maps %2 of %3 to column &quot;%4&quot;, which %5.%6 does not have.</source>
        <translation>Das Layout (%1) ordnet die Rolle %2 von %3 der Spalte „%4“ zu, die %5.%6 nicht hat.</translation>
    </message>
    <message>
        <source>The layout (%1) maps %2 of %3 to column &quot;%4&quot; of type %5, which cannot hold it.</source>
        <translation>Das Layout (%1) ordnet die Rolle %2 von %3 der Spalte „%4“ vom Typ %5 zu, die diesen Wert nicht aufnehmen kann.</translation>
    </message>
    <message>
        <source>Database %1 holds no %2 that Statescope recognises.</source>
        <translation>Die Datenbank %1 enthält keine Daten der Art „%2“, die Statescope erkennt.</translation>
    </message>
    <message>
        <source>Looked in every schema for a table like %1.</source>
        <translation>In jedem Schema wurde nach einer Tabelle wie %1 gesucht.</translation>
    </message>
    <message>
        <source>If the data is there under other names, map it in a layout file: statescope-cli layout show --db %1 --json &gt; layout.json, edit, then --layout layout.json (docs/LAYOUTS.md).</source>
        <translation>Falls die Daten unter anderen Namen vorhanden sind, ordnen Sie sie in einer Layout-Datei zu: statescope-cli layout show --db %1 --json &gt; layout.json, bearbeiten, dann --layout layout.json (docs/LAYOUTS.md).</translation>
    </message>
    <message>
        <source>%1 has no column for %2: %3 cannot run.</source>
        <translation>%1 hat keine Spalte für %2, die für %3 benötigt wird.</translation>
    </message>
    <message>
        <source>If the columns are there under other names, map them in a layout file (docs/LAYOUTS.md).</source>
        <translation>Falls die Spalten unter anderen Namen vorhanden sind, ordnen Sie sie in einer Layout-Datei zu (docs/LAYOUTS.md).</translation>
    </message>
    <message>
        <source>this statement</source>
        <translation>diese Anweisung</translation>
    </message>
    <message>
        <source>Cannot read the layout file %1: %2</source>
        <translation>Die Layout-Datei %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is larger than 4 MiB.</source>
        <translation>%1 ist größer als 4 MiB.</translation>
    </message>
    <message>
        <source>%1 is not valid JSON (%2).</source>
        <translation>%1 ist kein gültiges JSON (%2).</translation>
    </message>
    <message>
        <source>%1 must be an object with &quot;format&quot;: &quot;%2&quot;.</source>
        <translation>%1 muss ein Objekt mit &quot;format&quot;: &quot;%2&quot; sein.</translation>
    </message>
    <message>
        <source>unknown key &quot;%1&quot;.</source>
        <translation>unbekannter Schlüssel „%1“.</translation>
    </message>
    <message>
        <source>&quot;relations&quot; must be an object.</source>
        <translation>„relations“ muss ein Objekt sein.</translation>
    </message>
    <message>
        <source>unknown kind of data &quot;%1&quot;.</source>
        <translation>unbekannte Datenart „%1“.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; needs &quot;schema&quot; and &quot;table&quot; (strings), or null.</source>
        <translation>„%1“ benötigt „schema“ und „table“ (Zeichenketten) oder null.</translation>
    </message>
    <message>
        <source>unknown key &quot;%1&quot; in &quot;%2&quot;.</source>
        <translation>unbekannter Schlüssel „%1“ in „%2“.</translation>
    </message>
    <message>
        <source>&quot;columns&quot; of &quot;%1&quot; must be an object.</source>
        <translation>„columns“ von „%1“ muss ein Objekt sein.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has no column role &quot;%2&quot;.</source>
        <translation>„%1“ hat keine Spaltenrolle „%2“.</translation>
    </message>
    <message>
        <source>column &quot;%1&quot; of &quot;%2&quot; must be a column name or null.</source>
        <translation>Spalte „%1“ von „%2“ muss ein Spaltenname oder null sein.</translation>
    </message>
    <message>
        <source>No row-level security policy of %1 reads the setting &quot;%2&quot;.</source>
        <translation>Keine Richtlinie für Sicherheit auf Zeilenebene von %1 liest die Einstellung „%2“.</translation>
    </message>
    <message>
        <source>Policies read: %1.</source>
        <translation>Die Richtlinien lesen: %1.</translation>
    </message>
    <message>
        <source>Give the value to view as (a player id).</source>
        <translation>Geben Sie an, als wer angesehen werden soll (eine Spieler-ID).</translation>
    </message>
    <message>
        <source>%1 is protected by row-level security: its policies read %2, which this session has not set, so the server refuses to read it.</source>
        <translation>%1 ist durch Sicherheit auf Zeilenebene geschützt: Die Richtlinien lesen %2, das in dieser Sitzung nicht gesetzt ist; daher verweigert der Server das Lesen.</translation>
    </message>
    <message>
        <source>View as a player: choose one in the pane, or pass --as-player ID (the setting is made per transaction, read-only; policies are never changed).</source>
        <translation>Als Spieler ansehen: Wählen Sie einen im Bereich aus oder übergeben Sie --as-player ID (die Einstellung wird je Transaktion gesetzt, nur lesend; Richtlinien werden nie geändert).</translation>
    </message>
</context>
<context>
    <name>statescope::metrics</name>
    <message>
        <source>Refreshing %1.%2</source>
        <translation>%1.%2 wird aktualisiert</translation>
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
    <message>
        <source>the plays metric</source>
        <translation>die Metrik plays</translation>
    </message>
    <message>
        <source>the games_completed metric</source>
        <translation>die Metrik games_completed</translation>
    </message>
    <message>
        <source>%1 has no table for the metric %2.</source>
        <translation>%1 hat keine Tabelle für die Metrik %2.</translation>
    </message>
    <message>
        <source>Auto: %1 buckets (%L2); %3 would make %L4 over the rows&apos; whole span.</source>
        <translation>Automatisch: %1-Intervalle (%L2); %3 ergäbe über die gesamte Zeitspanne der Zeilen %L4.</translation>
    </message>
    <message>
        <source>Auto: %1 buckets (%L2).</source>
        <translation>Automatisch: %1-Intervalle (%L2).</translation>
    </message>
    <message>
        <source>player must be a player id (a UUID), not &quot;%1&quot;.</source>
        <translation>player muss eine Spieler-ID (eine UUID) sein, nicht „%1“.</translation>
    </message>
    <message>
        <source>The type parameter is empty.</source>
        <translation>Der Parameter type ist leer.</translation>
    </message>
    <message>
        <source>Player events</source>
        <translation>Spielerereignisse</translation>
    </message>
    <message>
        <source>Per-player events (Marketland+&apos;s player_events) per bucket by occurred_at, one series per event type; type=T counts one type, player=ID one player. The time bounds prune the table&apos;s partitions.</source>
        <translation>Ereignisse je Spieler (player_events von Marketland+) je Intervall nach occurred_at, eine Reihe je Ereignistyp; type=T zählt einen Typ, player=ID einen Spieler. Die Zeitgrenzen beschränken das Lesen auf die passenden Partitionen der Tabelle.</translation>
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
        <source>Migrating %1</source>
        <translation>%1 wird migriert</translation>
    </message>
    <message>
        <source>%1 manages this database&apos;s schema; Statescope does not apply its weekly schema over it. To roll back games or prune snapshots here, adopt it: statescope-cli db adopt --db %2 (the statescope schema only).</source>
        <translation>%1 verwaltet das Schema dieser Datenbank; Statescope wendet sein Wochendatenbank-Schema nicht darüber an. Um hier Spiele zurückzurollen oder Snapshots zu bereinigen, übernehmen Sie die Datenbank: statescope-cli db adopt --db %2 (nur das Schema statescope).</translation>
    </message>
    <message>
        <source>%1 was not created by Statescope; its weekly schema is for databases Statescope creates. Statescope reads this one as it is; to write here (rollbacks, prunes), adopt it: statescope-cli db adopt --db %1.</source>
        <translation>%1 wurde nicht von Statescope erstellt; das Wochendatenbank-Schema ist für Datenbanken gedacht, die Statescope erstellt. Statescope liest diese Datenbank so, wie sie ist; um hier zu schreiben (Rollbacks, Bereinigungen), übernehmen Sie sie: statescope-cli db adopt --db %1.</translation>
    </message>
    <message>
        <source>Migration of %1 is refused; nothing was applied.</source>
        <translation>Die Migration von %1 wird verweigert; es wurde nichts angewendet.</translation>
    </message>
    <message>
        <source>Migration V%1 (%2) failed; nothing was applied: %3 stays at version %4.</source>
        <translation>Migration V%1 (%2) ist fehlgeschlagen; es wurde nichts angewendet: %3 bleibt auf Version %4.</translation>
    </message>
    <message>
        <source>Repairing the migration history of %1</source>
        <translation>Migrationshistorie von %1 wird repariert</translation>
    </message>
    <message>
        <source>Managed by: %1</source>
        <translation>Verwaltet von: %1</translation>
    </message>
    <message>
        <source>Not created by Statescope: no Statescope history, and tables of its own (%1%2).</source>
        <translation>Nicht von Statescope erstellt: keine Statescope-Historie, aber eigene Tabellen (%1%2).</translation>
    </message>
    <message>
        <source>Already there, would clash: %1</source>
        <translation>Bereits vorhanden, würde kollidieren: %1</translation>
    </message>
    <message>
        <source>Adopted: Statescope&apos;s bookkeeping (the statescope schema) at version %1. Statescope&apos;s weekly schema is not for this database: its schema is the game&apos;s own.</source>
        <translation>Übernommen: Die Verwaltungsdaten von Statescope (das Schema statescope) in Version %1. Das Wochenschema von Statescope ist nicht für diese Datenbank: Ihr Schema ist das eigene des Spiels.</translation>
    </message>
</context>
<context>
    <name>statescope::models::AuditLogModel</name>
    <message>
        <source>intent, never finished</source>
        <translation>Absicht, nie beendet</translation>
    </message>
    <message>
        <source>Operation %1 never finished: Admin → the recovery panel finishes it or puts %2 back (statescope-cli db recover).</source>
        <translation>Vorgang %1 wurde nie beendet: Admin → die Wiederherstellungsleiste beendet ihn oder stellt %2 wieder her (statescope-cli db recover).</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Zeit (UTC)</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
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
    <message>
        <source>own schema</source>
        <translation>eigenes Schema</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <source>Not created by Statescope; no migration history found.</source>
        <translation>Nicht von Statescope erstellt; keine Migrationshistorie gefunden.</translation>
    </message>
    <message>
        <source>Not created by Statescope; managed by %1.</source>
        <translation>Nicht von Statescope erstellt; verwaltet von %1.</translation>
    </message>
    <message>
        <source>%1 lives on %2: select it there to act on it.</source>
        <translation>%1 liegt auf %2: Wählen Sie die Datenbank dort aus, um damit zu arbeiten.</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Its schema state is being read.</source>
        <translation>Der Schemastatus wird gelesen.</translation>
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
    <message>
        <source>The change of a number: second minus first</source>
        <translation>Änderung einer Zahl: zweiter minus erster Wert</translation>
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
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
</context>
<context>
    <name>statescope::models::FamilyResultModel</name>
    <message>
        <source>unavailable: %1</source>
        <translation>nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
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
        <source>top %1</source>
        <translation>%1. oben</translation>
    </message>
    <message>
        <source>bottom %1</source>
        <translation>%1. unten</translation>
    </message>
    <message>
        <source>%1, %2 out, bases %3, %4-%5</source>
        <translation>%1, %2 Aus, Basen %3, %4-%5</translation>
    </message>
</context>
<context>
    <name>statescope::models::JsonTreeModel</name>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>boolean</source>
        <translation>Wahrheitswert</translation>
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
        <translation>Basen</translation>
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
        <translation>Läufe</translation>
    </message>
</context>
<context>
    <name>statescope::models::RelationKind</name>
    <message>
        <source>table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>partitioned table</source>
        <translation>partitionierte Tabelle</translation>
    </message>
    <message>
        <source>view</source>
        <translation>Sicht</translation>
    </message>
    <message>
        <source>materialized view</source>
        <translation>materialisierte Sicht</translation>
    </message>
    <message>
        <source>partition</source>
        <translation>Partition</translation>
    </message>
</context>
<context>
    <name>statescope::models::RowGridModel</name>
    <message>
        <source>NULL (no value; not an empty string)</source>
        <translation>NULL (kein Wert; keine leere Zeichenkette)</translation>
    </message>
    <message>
        <source>About this row number: the rows were reached by the planner&apos;s statistics, not counted. It becomes exact once the rows before it are counted.</source>
        <translation>Ungefähre Zeilennummer: Die Zeilen wurden über die Statistik des Planers erreicht, nicht gezählt. Sie wird genau, sobald die Zeilen davor gezählt sind.</translation>
    </message>
    <message>
        <source>Rows read by running the statement again: its transaction had ended, so that nothing stays open on the server between pages. Rows changed since may differ from those read before.</source>
        <translation>Zeilen durch erneutes Ausführen der Anweisung gelesen: Ihre Transaktion war beendet, damit zwischen den Seiten nichts auf dem Server offen bleibt. Seither geänderte Zeilen können von den zuvor gelesenen abweichen.</translation>
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
    <name>statescope::models::ServerTreeModel</name>
    <message>
        <source>%1 (connecting…)</source>
        <translation>%1 (Verbindung wird hergestellt…)</translation>
    </message>
    <message>
        <source>%1 (not connected)</source>
        <translation>%1 (nicht verbunden)</translation>
    </message>
    <message>
        <source>Other databases</source>
        <translation>Weitere Datenbanken</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n week(s))</source>
        <translation>
            <numerusform>%1 (%n Woche)</numerusform>
            <numerusform>%1 (%n Wochen)</numerusform>
        </translation>
    </message>
    <message>
        <source>Week %1</source>
        <translation>Woche %1</translation>
    </message>
    <message numerus="yes">
        <source>Schema %1: %n relation(s)</source>
        <translation>
            <numerusform>Schema %1: %n Relation</numerusform>
            <numerusform>Schema %1: %n Relationen</numerusform>
        </translation>
    </message>
    <message>
        <source>never analysed</source>
        <translation>nie analysiert</translation>
    </message>
    <message>
        <source>≈ %L1 rows</source>
        <translation>≈ %L1 Zeilen</translation>
    </message>
    <message>
        <source>row-level security</source>
        <translation>Sicherheit auf Zeilenebene</translation>
    </message>
    <message>
        <source>Families across servers</source>
        <translation>Serverübergreifende Familien</translation>
    </message>
    <message>
        <source>Weekly families whose weeks live on several of the open servers, each as one family</source>
        <translation>Familien von Wochendatenbanken, deren Wochen auf mehreren der geöffneten Server liegen, jeweils als eine Familie</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n week(s) on %2 servers)</source>
        <translation>
            <numerusform>%1 (%n Woche auf %2 Servern)</numerusform>
            <numerusform>%1 (%n Wochen auf %2 Servern)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>On %1</source>
        <translation>Auf %1</translation>
    </message>
    <message>
        <source>%1 (on %2)</source>
        <translation>%1 (auf %2)</translation>
    </message>
    <message>
        <source>A foreign table: its rows are on the foreign server %1 (postgres_fdw).</source>
        <translation>Eine Fremdtabelle: Ihre Zeilen liegen auf dem Fremdserver %1 (postgres_fdw).</translation>
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
    <message>
        <source>Could not connect to the read replica %1</source>
        <translation>Verbindung zum Lesereplikat %1 konnte nicht hergestellt werden</translation>
    </message>
    <message>
        <source>The statement could not be sent.</source>
        <translation>Die Anweisung konnte nicht gesendet werden.</translation>
    </message>
    <message>
        <source>%1: this server is a standby (a read-only replica); connect to the primary.</source>
        <translation>%1: Dieser Server ist ein Standby (ein schreibgeschütztes Replikat); verbinden Sie sich mit dem Primärserver.</translation>
    </message>
    <message>
        <source>%1 on %2 is in recovery, following its primary.</source>
        <translation>%1 auf %2 befindet sich im Wiederherstellungsmodus und folgt seinem Primärserver.</translation>
    </message>
    <message>
        <source>Browsing works on a standby; changes must go to the primary server.</source>
        <translation>Durchsuchen funktioniert auf einem Standby; Änderungen müssen an den Primärserver gehen.</translation>
    </message>
    <message>
        <source>The connection settings for %1 are not valid: %2</source>
        <translation>Die Verbindungseinstellungen für %1 sind ungültig: %2</translation>
    </message>
    <message>
        <source>Check the connection string (see the libpq documentation).</source>
        <translation>Prüfen Sie die Verbindungszeichenfolge (siehe die libpq-Dokumentation).</translation>
    </message>
    <message>
        <source>Cannot quote a literal: %1</source>
        <translation>Literal kann nicht in Anführungszeichen gesetzt werden: %1</translation>
    </message>
    <message>
        <source>A foreign server did not answer: %1</source>
        <translation>Ein Fremdserver hat nicht geantwortet: %1</translation>
    </message>
    <message>
        <source>The rows of the foreign tables it serves cannot be read until it does; this database&apos;s own tables and partitions can still be read on their own.</source>
        <translation>Die Zeilen der Fremdtabellen, die er bereitstellt, können erst gelesen werden, wenn er wieder antwortet; die eigenen Tabellen und Partitionen dieser Datenbank lassen sich weiterhin einzeln lesen.</translation>
    </message>
    <message>
        <source>A foreign table was read, but the reading role has no user mapping for its server: %1</source>
        <translation>Eine Fremdtabelle wurde gelesen, aber die lesende Rolle hat keine Benutzerzuordnung (user mapping) für deren Server: %1</translation>
    </message>
    <message>
        <source>Its owner can add one (CREATE USER MAPPING FOR &lt;role&gt; SERVER &lt;server&gt; ...), or a mapping FOR PUBLIC; or read as a role that has one.</source>
        <translation>Der Eigentümer des Servers kann eine anlegen (CREATE USER MAPPING FOR &lt;role&gt; SERVER &lt;server&gt; ...) oder eine Zuordnung FOR PUBLIC; alternativ lesen Sie als eine Rolle, die eine besitzt.</translation>
    </message>
    <message>
        <source>Could not make a password verifier: %1</source>
        <translation>Es konnte kein Passwort-Verifizierer erzeugt werden: %1</translation>
    </message>
    <message>
        <source>%1:%2 did not answer within %3 s.</source>
        <translation>%1:%2 hat nicht innerhalb von %3 s geantwortet.</translation>
    </message>
    <message>
        <source>Could not connect to %1: no node answered as asked.</source>
        <translation>Keine Verbindung zu %1: Kein Knoten hat wie verlangt geantwortet.</translation>
    </message>
    <message>
        <source>A failover may be under way; try again in a moment.</source>
        <translation>Möglicherweise läuft gerade ein Failover; versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>No server of %1 takes writes now: each one that answered is a standby.</source>
        <translation>Kein Server von %1 nimmt gerade Schreibzugriffe an: Jeder, der geantwortet hat, ist ein Standby.</translation>
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
    <message>
        <source>Invalid connection string: it contains a NUL character.</source>
        <translation>Ungültige Verbindungszeichenfolge: Sie enthält ein NUL-Zeichen.</translation>
    </message>
    <message>
        <source>Invalid connection string: a formation needs its monitor (monitor=&apos;postgres://autoctl_node@host:port/pg_auto_failover&apos;).</source>
        <translation>Ungültige Verbindungszeichenfolge: Eine Formation braucht ihren Monitor (monitor=&apos;postgres://autoctl_node@host:port/pg_auto_failover&apos;).</translation>
    </message>
    <message>
        <source>Invalid connection string: a monitor&apos;s string cannot name another monitor.</source>
        <translation>Ungültige Verbindungszeichenfolge: Die Zeichenfolge eines Monitors kann keinen weiteren Monitor nennen.</translation>
    </message>
    <message>
        <source>Invalid connection string: it names a formation and %1 as well; the formation&apos;s monitor says where its nodes are.</source>
        <translation>Ungültige Verbindungszeichenfolge: Sie nennt eine Formation und zusätzlich %1; wo die Knoten sind, sagt der Monitor der Formation.</translation>
    </message>
    <message>
        <source>formation %1</source>
        <translation>Formation %1</translation>
    </message>
    <message>
        <source>Invalid connection string: pooler_port &quot;%1&quot; is not a number from 1 to 65535.</source>
        <translation>Ungültige Verbindungszeichenfolge: pooler_port „%1“ ist keine Zahl von 1 bis 65535.</translation>
    </message>
</context>
<context>
    <name>statescope::pg::FormationState</name>
    <message>
        <source>%1 %2 -&gt; %3</source>
        <translation>%1 %2 -&gt; %3</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Failover in progress: %1</source>
        <translation>Failover läuft: %1</translation>
    </message>
    <message>
        <source>Formation changing: %1</source>
        <translation>Formation ändert sich: %1</translation>
    </message>
    <message>
        <source>%1 is not a pg_auto_failover monitor (it has no pgautofailover schema).</source>
        <translation>%1 ist kein pg_auto_failover-Monitor (es gibt kein Schema pgautofailover).</translation>
    </message>
    <message>
        <source>The monitor %1 has no formation &quot;%2&quot;.</source>
        <translation>Der Monitor %1 hat keine Formation „%2“.</translation>
    </message>
    <message>
        <source>The connection string names no formation (formation=NAME monitor=&apos;...&apos;).</source>
        <translation>Die Verbindungszeichenfolge nennt keine Formation (formation=NAME monitor=&apos;...&apos;).</translation>
    </message>
    <message>
        <source>The formation &quot;%1&quot; has no node yet.</source>
        <translation>Die Formation „%1“ hat noch keinen Knoten.</translation>
    </message>
</context>
<context>
    <name>statescope::pg::ReadProtection</name>
    <message>
        <source>Statescope&apos;s own reading for an administrative action</source>
        <translation>Eigener Lesezugriff von Statescope für eine administrative Aktion</translation>
    </message>
    <message>
        <source>The reader login %1 is %2, so it is not used.</source>
        <translation>Das Lese-Login %1 ist %2, daher wird es nicht verwendet.</translation>
    </message>
    <message>
        <source>its reader login %1 may not connect to %2: %3</source>
        <translation>das zugehörige Lese-Login %1 darf sich nicht mit %2 verbinden: %3</translation>
    </message>
    <message>
        <source>its reader login %1 was not used: %2</source>
        <translation>das zugehörige Lese-Login %1 wurde nicht verwendet: %2</translation>
    </message>
    <message>
        <source>it is %1</source>
        <translation>die Rolle ist %1</translation>
    </message>
    <message>
        <source>its reader login %1 may not connect to %2 (no CONNECT privilege there)</source>
        <translation>das zugehörige Lese-Login %1 darf sich nicht mit %2 verbinden (dort kein CONNECT-Recht)</translation>
    </message>
    <message>
        <source>Reading as %1, a role that is not a superuser: the server&apos;s own privileges keep reading from acting on it.</source>
        <translation>Lesen als %1, einer Rolle, die kein Superuser ist: Die eigenen Berechtigungen des Servers verhindern, dass das Lesen auf ihn einwirkt.</translation>
    </message>
    <message>
        <source>Reading as %1, the reader login of the superuser %2 (not a superuser itself): reading cannot act on the server.</source>
        <translation>Lesen als %1, dem Lese-Login des Superusers %2 (selbst kein Superuser): Das Lesen kann nicht auf den Server einwirken.</translation>
    </message>
    <message>
        <source>Reading as the superuser %1 (%2): statements that could act on the server are refused before they are sent. Create a reader login in admin mode to read as a role that is not a superuser.</source>
        <translation>Lesen als Superuser %1 (%2): Anweisungen, die auf den Server einwirken könnten, werden vor dem Senden abgelehnt. Erstellen Sie im Admin-Modus ein Lese-Login, um als Rolle zu lesen, die kein Superuser ist.</translation>
    </message>
    <message>
        <source>plain role</source>
        <translation>einfache Rolle</translation>
    </message>
    <message>
        <source>reader login</source>
        <translation>Lese-Login</translation>
    </message>
    <message>
        <source>superuser, guarded</source>
        <translation>Superuser, abgesichert</translation>
    </message>
    <message>
        <source>a superuser</source>
        <translation>ein Superuser</translation>
    </message>
    <message>
        <source>allowed REPLICATION</source>
        <translation>zu REPLICATION berechtigt</translation>
    </message>
    <message>
        <source>a member of %1</source>
        <translation>ein Mitglied von %1</translation>
    </message>
    <message>
        <source>it may not log in</source>
        <translation>die Rolle darf sich nicht anmelden</translation>
    </message>
    <message>
        <source>it may create roles or databases</source>
        <translation>die Rolle darf Rollen oder Datenbanken erstellen</translation>
    </message>
    <message>
        <source>it is not a member of pg_read_all_data</source>
        <translation>die Rolle ist kein Mitglied von pg_read_all_data</translation>
    </message>
    <message>
        <source>its password has expired</source>
        <translation>ihr Passwort ist abgelaufen</translation>
    </message>
    <message>
        <source>The reader login %1 exists, but %2.</source>
        <translation>Das Lese-Login %1 existiert, aber %2.</translation>
    </message>
    <message>
        <source>%1 is not a superuser: it reads as itself and needs no reader login.</source>
        <translation>%1 ist kein Superuser: Die Rolle liest als sie selbst und benötigt kein Lese-Login.</translation>
    </message>
    <message>
        <source>Creating the reader login %1</source>
        <translation>Lese-Login %1 wird erstellt</translation>
    </message>
    <message>
        <source>it has no reader login (%1)</source>
        <translation>es gibt kein Lese-Login (%1)</translation>
    </message>
</context>
<context>
    <name>statescope::replay::BoxScore</name>
    <message>
        <source>The games row has %1 = %2; the plays say %3 (after play %4).</source>
        <translation>Die Zeile in games hat %1 = %2; laut den Spielzügen %3 (nach Spielzug %4).</translation>
    </message>
    <message>
        <source>not completed (the plays leave the score tied at %1)</source>
        <translation>nicht abgeschlossen (laut den Spielzügen steht es unentschieden bei %1)</translation>
    </message>
</context>
<context>
    <name>statescope::replay::Consistency</name>
    <message>
        <source>Play %1: %2 is %3, expected %4.</source>
        <translation>Spielzug %1: %2 ist %3, erwartet %4.</translation>
    </message>
    <message>
        <source>[0, a placed runner, 0]</source>
        <translation>[0, ein gesetzter Läufer, 0]</translation>
    </message>
</context>
<context>
    <name>statescope::replay::GameRules</name>
    <message>
        <source>runner placed on second from inning %1</source>
        <translation>Läufer auf der zweiten Base ab Inning %1</translation>
    </message>
    <message>
        <source>designated hitter</source>
        <translation>Designated Hitter</translation>
    </message>
    <message>
        <source>no designated hitter</source>
        <translation>kein Designated Hitter</translation>
    </message>
    <message>
        <source>none stated</source>
        <translation>keine angegeben</translation>
    </message>
    <message>
        <source>The inning a runner is first placed in must be between %1 and %2 (0: no runner is placed); %3 is not.</source>
        <translation>Das erste Inning mit gesetztem Läufer muss zwischen %1 und %2 liegen (0: kein Läufer wird gesetzt); %3 tut es nicht.</translation>
    </message>
    <message>
        <source>Today&apos;s leagues place him from the 10th inning.</source>
        <translation>Heutige Ligen setzen ihn ab dem 10. Inning.</translation>
    </message>
    <message>
        <source>Lineup #%1 of team %2 is a designated hitter; the league&apos;s rules have none.</source>
        <translation>Aufstellungszeile #%1 von Team %2 ist ein Designated Hitter; die Regeln der Liga kennen keinen.</translation>
    </message>
    <message>
        <source>Play %1: pitcher #%2 bats while team %3 has a designated hitter (#%4).</source>
        <translation>Spielzug %1: Pitcher #%2 schlägt, obwohl Team %3 einen Designated Hitter hat (#%4).</translation>
    </message>
    <message>
        <source>%1 (stated for %2)</source>
        <translation>%1 (festgelegt für %2)</translation>
    </message>
    <message>
        <source>none seen in the plays (no runner placed in extra innings)</source>
        <translation>keine in den Spielzügen erkannt (kein gesetzter Läufer in Extra-Innings)</translation>
    </message>
    <message>
        <source>%1 (seen in the plays)</source>
        <translation>%1 (in den Spielzügen erkannt)</translation>
    </message>
    <message>
        <source>none stated, and the plays do not show them</source>
        <translation>keine festgelegt, und die Spielzüge zeigen keine</translation>
    </message>
    <message>
        <source>a runner placed on second from inning %1</source>
        <translation>einen gesetzten Läufer auf der zweiten Base ab Inning %1</translation>
    </message>
    <message>
        <source>no runner placed in extra innings</source>
        <translation>keinen gesetzten Läufer in Extra-Innings</translation>
    </message>
    <message>
        <source>The rules stated for %1 say %2; the plays show %3.</source>
        <translation>Die für %1 festgelegten Regeln sagen %2; die Spielzüge zeigen %3.</translation>
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
    <message>
        <source>%1 has no %2: the consistency check cannot run.</source>
        <translation>In %1 fehlt %2: Die Konsistenzprüfung kann nicht ausgeführt werden.</translation>
    </message>
    <message>
        <source>No dice rolls table: rolls are not shown.</source>
        <translation>Keine Tabelle für Würfelwürfe: Würfelwürfe werden nicht angezeigt.</translation>
    </message>
    <message>
        <source>%1 has no substitution columns (after_play, replacing_id): lineups are shown as started.</source>
        <translation>%1 hat keine Spalten für Auswechslungen (after_play, replacing_id): Aufstellungen werden wie zu Spielbeginn angezeigt.</translation>
    </message>
    <message>
        <source>listing games</source>
        <translation>das Auflisten der Spiele</translation>
    </message>
    <message>
        <source>The offset cannot be negative.</source>
        <translation>Der Versatz darf nicht negativ sein.</translation>
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
        <source>Game %1 is busy: another session is writing to it.</source>
        <translation>Spiel %1 ist belegt: Eine andere Sitzung schreibt gerade in dieses Spiel.</translation>
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
    <message>
        <source>%1 no longer has the columns %2 that rollback %3 archived; putting the rows back would lose them.</source>
        <translation>%1 hat die Spalten %2 nicht mehr, die Rollback %3 archiviert hat; beim Wiederherstellen der Zeilen gingen sie verloren.</translation>
    </message>
    <message>
        <source>The archived rows stay in statescope.rollback_rows.</source>
        <translation>Die archivierten Zeilen bleiben in statescope.rollback_rows.</translation>
    </message>
    <message>
        <source>The wait for a busy game must be from 0 to %1 seconds, not %2.</source>
        <translation>Die Wartezeit für ein belegtes Spiel muss zwischen 0 und %1 Sekunden liegen, nicht %2.</translation>
    </message>
    <message numerus="yes">
        <source>Game %1 is busy: another session held it for the whole %n second(s) waited.</source>
        <translation>
            <numerusform>Spiel %1 ist belegt: Eine andere Sitzung hat es während der gesamten Wartezeit von %n Sekunde blockiert.</numerusform>
            <numerusform>Spiel %1 ist belegt: Eine andere Sitzung hat es während der gesamten Wartezeit von %n Sekunden blockiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Try again later, or wait longer (--wait).</source>
        <translation>Versuchen Sie es später erneut oder warten Sie länger (--wait).</translation>
    </message>
    <message>
        <source>Try again when the game server has finished its write, or wait for it (--wait SECONDS).</source>
        <translation>Versuchen Sie es erneut, wenn der Spielserver seinen Schreibvorgang abgeschlossen hat, oder warten Sie darauf (--wait SECONDS).</translation>
    </message>
    <message>
        <source>rollback</source>
        <translation>das Rollback</translation>
    </message>
    <message>
        <source>This database keeps no dice rolls by play number; there are no rolls to delete.</source>
        <translation>Diese Datenbank speichert keine Würfelwürfe nach Spielzugnummer; es gibt keine Würfelwürfe zu löschen.</translation>
    </message>
    <message>
        <source>Leave out --delete-rolls.</source>
        <translation>Lassen Sie --delete-rolls weg.</translation>
    </message>
    <message>
        <source>Nothing to roll back: play %1 is the last play of game %2 and no substitution follows it.</source>
        <translation>Nichts zurückzurollen: Spielzug %1 ist der letzte Spielzug von Spiel %2, und es folgt keine Auswechslung.</translation>
    </message>
    <message>
        <source>Choose an earlier play (0 undoes every play).</source>
        <translation>Wählen Sie einen früheren Spielzug (0 macht alle Spielzüge rückgängig).</translation>
    </message>
    <message>
        <source>Rolling back game %1</source>
        <translation>Spiel %1 wird zurückgerollt</translation>
    </message>
    <message>
        <source>Rolling back a game</source>
        <translation>Ein Spiel wird zurückgerollt</translation>
    </message>
    <message>
        <source>Undoing rollback %1</source>
        <translation>Rollback %1 wird rückgängig gemacht</translation>
    </message>
    <message>
        <source>Undoing a rollback</source>
        <translation>Ein Rollback wird rückgängig gemacht</translation>
    </message>
    <message>
        <source>undo</source>
        <translation>das Rückgängigmachen</translation>
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
    <message>
        <source>The sandbox in %1 is not running.</source>
        <translation>Die Sandbox in %1 läuft nicht.</translation>
    </message>
</context>
<context>
    <name>statescope::secrets</name>
    <message>
        <source>No system keychain could be reached.</source>
        <translation>Es war kein System-Schlüsselbund erreichbar.</translation>
    </message>
    <message>
        <source>The system keychain did not answer in time.</source>
        <translation>Der System-Schlüsselbund hat nicht rechtzeitig geantwortet.</translation>
    </message>
</context>
<context>
    <name>statescope::settings</name>
    <message>
        <source>Dumps to keep must be from 0 (all) to %1, not %2.</source>
        <translation>Die Anzahl aufzubewahrender Dumps muss zwischen 0 (alle) und %1 liegen, nicht %2.</translation>
    </message>
    <message>
        <source>The minimum age of a removed dump must be from 0 to %1 days, not %2.</source>
        <translation>Das Mindestalter eines zu entfernenden Dumps muss zwischen 0 und %1 Tagen liegen, nicht %2.</translation>
    </message>
    <message>
        <source>A profile needs a name.</source>
        <translation>Ein Profil braucht einen Namen.</translation>
    </message>
    <message>
        <source>There is already a profile named &quot;%1&quot;.</source>
        <translation>Es gibt bereits ein Profil namens „%1“.</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; has no id of its own.</source>
        <translation>Das Profil „%1“ hat keine eigene ID.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a colour: write it as #rrggbb.</source>
        <translation>„%1“ ist keine Farbe: Geben Sie sie als #rrggbb an.</translation>
    </message>
    <message>
        <source>There is already a shard set named &quot;%1&quot;.</source>
        <translation>Es gibt bereits ein Shard-Set namens „%1“.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an object name the read guard gives.</source>
        <translation>„%1“ ist kein Objektname, wie ihn die Leseprüfung angibt.</translation>
    </message>
    <message>
        <source>Rules are stated for a database family&apos;s prefix or a database&apos;s name (1 to 63 bytes).</source>
        <translation>Regeln werden für das Präfix einer Datenbankfamilie oder den Namen einer Datenbank angegeben (1 bis 63 Bytes).</translation>
    </message>
</context>
<context>
    <name>statescope::shard::ShardGuard</name>
    <message>
        <source>%1 is a shard of the set %2, and the set cannot say which shard owns game %3: %4</source>
        <translation>%1 ist ein Shard der Gruppe %2, und die Gruppe kann nicht sagen, welchem Shard Spiel %3 gehört: %4</translation>
    </message>
    <message>
        <source>Remove the database from the set, or fix the set&apos;s rule, before writing to it.</source>
        <translation>Entfernen Sie die Datenbank aus der Gruppe oder korrigieren Sie die Regel der Gruppe, bevor Sie in sie schreiben.</translation>
    </message>
    <message>
        <source>Game %1 belongs to %2 by the rule of the shard set %3, not to %4; nothing was written.</source>
        <translation>Spiel %1 gehört nach der Regel der Shard-Gruppe %3 zu %2, nicht zu %4; es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>Roll it back on its own shard (rollback --set %1).</source>
        <translation>Setzen Sie es auf seinem eigenen Shard zurück (rollback --set %1).</translation>
    </message>
</context>
<context>
    <name>statescope::shard::ShardReader</name>
    <message>
        <source>A shard cursor&apos;s values are strings.</source>
        <translation>Die Werte eines Shard-Cursors sind Zeichenketten.</translation>
    </message>
    <message>
        <source>A cursor of this shard set has one entry per shard (%1).</source>
        <translation>Ein Cursor dieses Shard-Sets hat einen Eintrag pro Shard (%1).</translation>
    </message>
    <message>
        <source>Entry %1 of the cursor is not a place in a shard.</source>
        <translation>Eintrag %1 des Cursors ist keine Position in einem Shard.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>the generated column %1 of %2 in %3</source>
        <translation>die generierte Spalte %1 von %2 in %3</translation>
    </message>
    <message>
        <source>No shard of %1 that answered generates a column %2, so the rule that places a row is not known.</source>
        <translation>Kein antwortender Shard von %1 generiert eine Spalte %2, daher ist die Regel, nach der eine Zeile zugeordnet wird, nicht bekannt.</translation>
    </message>
    <message>
        <source>Give the rule as an SQL expression over the row (--rule).</source>
        <translation>Geben Sie die Regel als SQL-Ausdruck über die Zeile an (--rule).</translation>
    </message>
    <message>
        <source>the shard set</source>
        <translation>das Shard-Set</translation>
    </message>
    <message>
        <source>How many values the rule %1 yields is not clear from it.</source>
        <translation>Wie viele Werte die Regel %1 ergibt, geht aus ihr nicht hervor.</translation>
    </message>
    <message>
        <source>Give the number of values (--slots).</source>
        <translation>Geben Sie die Anzahl der Werte an (--slots).</translation>
    </message>
    <message>
        <source>The shard %1 does not say which values of %2 it holds (no CHECK constraint on it), and the set does not either.</source>
        <translation>Der Shard %1 gibt nicht an, welche Werte von %2 er enthält (kein CHECK-Constraint darauf), und das Set ebenso wenig.</translation>
    </message>
    <message>
        <source>Give its values (0,1 or 4-7) in the shard set.</source>
        <translation>Geben Sie seine Werte (0,1 oder 4-7) im Shard-Set an.</translation>
    </message>
    <message>
        <source>No shard of %1 answers.</source>
        <translation>Kein Shard von %1 antwortet.</translation>
    </message>
    <message>
        <source>%1.%2 has no column %3.</source>
        <translation>%1.%2 hat keine Spalte %3.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a value of %2 (%3): %4</source>
        <translation>„%1“ ist kein Wert von %2 (%3): %4</translation>
    </message>
    <message>
        <source>The rule places a row whose %1 is %2 on no shard (it yields NULL).</source>
        <translation>Die Regel ordnet eine Zeile mit %1 = %2 keinem Shard zu (sie ergibt NULL).</translation>
    </message>
    <message>
        <source>The rule places a row whose %1 is %2 on value %3, which no shard of %4 holds.</source>
        <translation>Die Regel ordnet eine Zeile mit %1 = %2 dem Wert %3 zu, den kein Shard von %4 enthält.</translation>
    </message>
    <message>
        <source>The rule %1 needs more than %2 to name a shard, so the shard that owns this row is not known; nothing was written.</source>
        <translation>Die Regel %1 benötigt mehr als %2, um einen Shard zu bestimmen, daher ist der Shard, dem diese Zeile gehört, nicht bekannt; es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>Act on the shard&apos;s own database instead, or name the row by the column the rule uses.</source>
        <translation>Arbeiten Sie stattdessen direkt auf der Datenbank des Shards, oder bezeichnen Sie die Zeile über die Spalte, die die Regel verwendet.</translation>
    </message>
    <message>
        <source>The shard that owns this row, %1, does not answer; nothing was written.</source>
        <translation>Der Shard, dem diese Zeile gehört (%1), antwortet nicht; es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>A page holds 1 to 100000 rows, not %1.</source>
        <translation>Eine Seite umfasst 1 bis 100000 Zeilen, nicht %1.</translation>
    </message>
    <message>
        <source>%1.%2 has no key on this shard, so its rows cannot be merged by it.</source>
        <translation>%1.%2 hat auf diesem Shard keinen Schlüssel, daher können die Zeilen nicht danach zusammengeführt werden.</translation>
    </message>
    <message>
        <source>%1.%2 is not the same table on %3 and %4 (its columns or key differ), so its rows cannot be shown as one table.</source>
        <translation>%1.%2 ist auf %3 und %4 nicht dieselbe Tabelle (Spalten oder Schlüssel weichen ab), daher können die Zeilen nicht als eine Tabelle angezeigt werden.</translation>
    </message>
    <message>
        <source>Compare the shards&apos; schemas (db diff) and bring them together first.</source>
        <translation>Vergleichen Sie zuerst die Schemas der Shards (db diff) und gleichen Sie sie an.</translation>
    </message>
    <message>
        <source>Checking %1 on %2</source>
        <translation>%1 wird auf %2 geprüft</translation>
    </message>
    <message>
        <source>game %1</source>
        <translation>Spiel %1</translation>
    </message>
    <message>
        <source>player %1</source>
        <translation>Spieler %1</translation>
    </message>
    <message>
        <source>No shard of %1 answers; nothing was written.</source>
        <translation>Kein Shard von %1 antwortet; es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>The shards of %1 have no table that says where %2 is.</source>
        <translation>Die Shards von %1 haben keine Tabelle, die sagt, wo %2 liegt.</translation>
    </message>
    <message>
        <source>The rule %1 names neither %2 alone, so the shard that owns %3 is not known; nothing was written.</source>
        <translation>Die Regel %1 nennt weder %2 allein, daher ist der Shard, dem %3 gehört, nicht bekannt; es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source> nor </source>
        <translation> noch </translation>
    </message>
    <message>
        <source>Act on the shard&apos;s own database (--db) instead.</source>
        <translation>Arbeiten Sie stattdessen auf der eigenen Datenbank des Shards (--db).</translation>
    </message>
</context>
<context>
    <name>statescope::shard::ShardSet</name>
    <message>
        <source>&quot;%1&quot; is not a list of shard values (e.g. 0,1 or 4-7).</source>
        <translation>„%1“ ist keine Liste von Shard-Werten (z. B. 0,1 oder 4-7).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a range of shard values from 0 to %2.</source>
        <translation>„%1“ ist kein Bereich von Shard-Werten von 0 bis %2.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a shard set name (letters, digits, _ . -, at most 63).</source>
        <translation>„%1“ ist kein gültiger Shard-Set-Name (Buchstaben, Ziffern, _ . -, höchstens 63 Zeichen).</translation>
    </message>
    <message>
        <source>A shard set needs at least two databases; %1 has %2.</source>
        <translation>Ein Shard-Set benötigt mindestens zwei Datenbanken; %1 hat %2.</translation>
    </message>
    <message>
        <source>A shard rule yields 1 to %1 values, not %2.</source>
        <translation>Eine Shard-Regel ergibt 1 bis %1 Werte, nicht %2.</translation>
    </message>
    <message>
        <source>The shard rule must be one SQL expression over the row, without &quot;;&quot;.</source>
        <translation>Die Shard-Regel muss ein einzelner SQL-Ausdruck über die Zeile sein, ohne „;“.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a column name to read the shard rule from.</source>
        <translation>„%1“ ist kein Spaltenname, aus dem die Shard-Regel gelesen werden kann.</translation>
    </message>
    <message>
        <source>The shard %1 names no database (dbname).</source>
        <translation>Der Shard %1 nennt keine Datenbank (dbname).</translation>
    </message>
    <message>
        <source>%1 and %2 are the same database; a shard set names each once.</source>
        <translation>%1 und %2 sind dieselbe Datenbank; ein Shard-Set nennt jede nur einmal.</translation>
    </message>
    <message>
        <source>The shard %1 holds value %2, but the rule yields 0 to %3.</source>
        <translation>Der Shard %1 enthält den Wert %2, aber die Regel ergibt 0 bis %3.</translation>
    </message>
    <message>
        <source>%1 (held by %2 and %3)</source>
        <translation>%1 (enthalten in %2 und %3)</translation>
    </message>
    <message>
        <source>The shards of %1 overlap: a row would have two homes.</source>
        <translation>Die Shards von %1 überschneiden sich: Eine Zeile wäre zwei Shards zugeordnet.</translation>
    </message>
    <message>
        <source>Shared values: %1.</source>
        <translation>Gemeinsame Werte: %1.</translation>
    </message>
    <message>
        <source>Give each value to one shard only.</source>
        <translation>Weisen Sie jeden Wert nur einem Shard zu.</translation>
    </message>
    <message>
        <source>The shards of %1 leave rule values %2 to no database: rows placed there would have no home.</source>
        <translation>Die Shards von %1 weisen die Regelwerte %2 keiner Datenbank zu: Dort zugeordnete Zeilen hätten keinen Speicherort.</translation>
    </message>
    <message>
        <source>Add the shard that holds them, or give a member those values.</source>
        <translation>Fügen Sie den Shard hinzu, der sie enthält, oder weisen Sie einem Mitglied diese Werte zu.</translation>
    </message>
    <message>
        <source>%1 generates %2 as %3, but %4 as %5: which rule places a row is not clear.</source>
        <translation>%1 generiert %2 als %3, aber %4 als %5: Es ist nicht eindeutig, welche Regel eine Zeile zuordnet.</translation>
    </message>
    <message>
        <source>Give the rule in the shard set instead.</source>
        <translation>Geben Sie die Regel stattdessen im Shard-Set an.</translation>
    </message>
    <message>
        <source>%1 and %2 allow different values of %3 in the same shard.</source>
        <translation>%1 und %2 erlauben im selben Shard unterschiedliche Werte von %3.</translation>
    </message>
</context>
<context>
    <name>statescope::snapshots::Maneuvers</name>
    <message>
        <source>snapshot_interval is %1, not a number of seconds: the history kept cannot be told in time.</source>
        <translation>snapshot_interval ist %1, keine Anzahl von Sekunden: Die aufbewahrte Historie lässt sich nicht als Zeitspanne angeben.</translation>
    </message>
    <message>
        <source>A snapshot every %1 s (snapshot_interval): the game&apos;s prune keeps %2 of those older than an hour, about %3 hours of history, plus every snapshot younger than an hour.</source>
        <translation>Ein Snapshot alle %1 s (snapshot_interval): Die Bereinigung des Spiels behält %2 der Snapshots, die älter als eine Stunde sind, etwa %3 Stunden Historie, dazu jeden Snapshot, der jünger als eine Stunde ist.</translation>
    </message>
    <message>
        <source>game_config has no snapshot_interval: the history kept is %1 snapshots older than an hour (plus every younger one), whatever their spacing.</source>
        <translation>game_config hat kein snapshot_interval: Die aufbewahrte Historie umfasst %1 Snapshots, die älter als eine Stunde sind (dazu jeden jüngeren), unabhängig von ihrem Abstand.</translation>
    </message>
    <message>
        <source>The game keeps %L1 maneuver events per ship: every ship is within it (%L2 events), the next prune deletes nothing.</source>
        <translation>Das Spiel behält %L1 Manöverereignisse je Schiff: Jedes Schiff liegt darunter (%L2 Ereignisse), die nächste Bereinigung löscht nichts.</translation>
    </message>
    <message numerus="yes">
        <source>The game keeps %L1 maneuver events per ship, pruned on insert: %L2 of %L3 events (the oldest of %n ship(s)) go at the ship&apos;s next event.</source>
        <translation>
            <numerusform>Das Spiel behält %L1 Manöverereignisse je Schiff und bereinigt beim Einfügen: %L2 von %L3 Ereignissen (die ältesten von %n Schiff) werden beim nächsten Ereignis des Schiffs entfernt.</numerusform>
            <numerusform>Das Spiel behält %L1 Manöverereignisse je Schiff und bereinigt beim Einfügen: %L2 von %L3 Ereignissen (die ältesten von %n Schiffen) werden jeweils beim nächsten Ereignis des Schiffs entfernt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Rows kept per ship must be between 1 and 10,000,000.</source>
        <translation>Die Anzahl der je Schiff behaltenen Zeilen muss zwischen 1 und 10.000.000 liegen.</translation>
    </message>
    <message>
        <source>The ship limit must be between 1 and 100,000.</source>
        <translation>Das Schiffslimit muss zwischen 1 und 100.000 liegen.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a ship id.</source>
        <translation>„%1“ ist keine Schiffs-ID.</translation>
    </message>
    <message>
        <source>Ship ids are UUIDs, e.g. 7f3c2a10-0000-4000-8000-000000000000.</source>
        <translation>Schiffs-IDs sind UUIDs, z. B. 7f3c2a10-0000-4000-8000-000000000000.</translation>
    </message>
    <message>
        <source>The limit must be between 1 and 10,000.</source>
        <translation>Das Limit muss zwischen 1 und 10.000 liegen.</translation>
    </message>
</context>
<context>
    <name>statescope::snapshots::RecoveryAnswer</name>
    <message>
        <source>game:tick holds &quot;%1&quot;, not a whole number; the game cannot use it either.</source>
        <translation>game:tick enthält „%1“, keine ganze Zahl; auch das Spiel kann den Wert nicht verwenden.</translation>
    </message>
    <message>
        <source>Redis game:tick %1 is newer than the newest snapshot&apos;s tick %2: Redis is used.</source>
        <translation>game:tick in Redis (%1) ist neuer als Tick %2 des neuesten Snapshots: Redis wird verwendet.</translation>
    </message>
    <message>
        <source>Redis game:tick %1 and no snapshot: Redis is used.</source>
        <translation>game:tick in Redis (%1) und kein Snapshot: Redis wird verwendet.</translation>
    </message>
    <message>
        <source>No snapshot and no Redis tick: a restart starts a new world.</source>
        <translation>Kein Snapshot und kein Redis-Tick: Ein Neustart beginnt eine neue Welt.</translation>
    </message>
    <message>
        <source>The newest snapshot, tick %1, assuming Redis is empty (no Redis named: with game:tick above %1, Redis would win).</source>
        <translation>Der neueste Snapshot, Tick %1, unter der Annahme, dass Redis leer ist (kein Redis angegeben: Bei game:tick über %1 hätte Redis Vorrang).</translation>
    </message>
    <message>
        <source>The newest snapshot, tick %1 - unconfirmed: %2</source>
        <translation>Der neueste Snapshot, Tick %1 - unbestätigt: %2</translation>
    </message>
    <message>
        <source>Redis has no game:tick: the newest snapshot, tick %1, is used.</source>
        <translation>Redis hat kein game:tick: Der neueste Snapshot, Tick %1, wird verwendet.</translation>
    </message>
    <message>
        <source>Redis game:tick %1 equals the snapshot&apos;s: the snapshot is used (authoritative).</source>
        <translation>game:tick in Redis (%1) entspricht dem des Snapshots: Der Snapshot wird verwendet (maßgeblich).</translation>
    </message>
    <message>
        <source>Redis game:tick %1 is behind the snapshot&apos;s tick %2: the snapshot is used (Redis is stale).</source>
        <translation>game:tick in Redis (%1) liegt hinter Tick %2 des Snapshots: Der Snapshot wird verwendet (Redis ist veraltet).</translation>
    </message>
</context>
<context>
    <name>statescope::snapshots::RedisUrl</name>
    <message>
        <source>Redis at %1 stopped answering: %2</source>
        <translation>Redis unter %1 antwortet nicht mehr: %2</translation>
    </message>
    <message>
        <source>Redis at %1 refused: %2</source>
        <translation>Redis unter %1 hat abgelehnt: %2</translation>
    </message>
    <message>
        <source>Redis at %1 holds %2 as something other than a string.</source>
        <translation>Redis unter %1 speichert %2 als etwas anderes als eine Zeichenkette.</translation>
    </message>
    <message>
        <source>%1 asks for TLS, which the Redis client Statescope uses (hiredis 0.14) does not support.</source>
        <translation>%1 verlangt TLS, was der von Statescope verwendete Redis-Client (hiredis 0.14) nicht unterstützt.</translation>
    </message>
    <message>
        <source>Reach Redis without TLS (a tunnel, or a port on a private network).</source>
        <translation>Verbinden Sie sich ohne TLS mit Redis (über einen Tunnel oder einen Port in einem privaten Netzwerk).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a Redis URL.</source>
        <translation>„%1“ ist keine Redis-URL.</translation>
    </message>
    <message>
        <source>Write it as %1.</source>
        <translation>Schreiben Sie sie in der Form %1.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; names port %2: ports run from 1 to 65535.</source>
        <translation>„%1“ gibt Port %2 an: Ports liegen zwischen 1 und 65535.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; names database &quot;%2&quot;: a Redis database is a number (0 to 9999).</source>
        <translation>„%1“ gibt die Datenbank „%2“ an: Eine Redis-Datenbank ist eine Zahl (0 bis 9999).</translation>
    </message>
    <message>
        <source>Redis at %1 does not answer: %2</source>
        <translation>Redis unter %1 antwortet nicht: %2</translation>
    </message>
</context>
<context>
    <name>statescope::snapshots::SaveStore</name>
    <message>
        <source>&quot;%1&quot; is not a player id (a UUID).</source>
        <translation>„%1“ ist keine Spieler-ID (eine UUID).</translation>
    </message>
    <message>
        <source>There is no save %1.</source>
        <translation>Es gibt keinen Spielstand %1.</translation>
    </message>
    <message>
        <source>canonical JSON (sorted keys, compact)</source>
        <translation>kanonisches JSON (sortierte Schlüssel, kompakt)</translation>
    </message>
    <message>
        <source>compact text (stored key order)</source>
        <translation>kompakter Text (gespeicherte Schlüsselreihenfolge)</translation>
    </message>
    <message>
        <source>jsonb text</source>
        <translation>jsonb-Text</translation>
    </message>
    <message>
        <source>no known form</source>
        <translation>keine bekannte Form</translation>
    </message>
    <message>
        <source>SHA-256, in hex, of snapshot_data in one of the forms clients use: canonical JSON (keys sorted, no blanks, UTF-8), the compact text in stored key order, or the text PostgreSQL prints for jsonb (snapshot_data::text). The form that matches is shown; MISMATCH when none does.</source>
        <translation>SHA-256 (hexadezimal) von snapshot_data in einer der Formen, die Clients verwenden: kanonisches JSON (Schlüssel sortiert, ohne Leerraum, UTF-8), der kompakte Text in gespeicherter Schlüsselreihenfolge oder der Text, den PostgreSQL für jsonb ausgibt (snapshot_data::text). Angezeigt wird die passende Form; ABWEICHUNG, wenn keine passt.</translation>
    </message>
    <message>
        <source>%1 has no row-level security keyed on a setting; every player&apos;s saves are already visible.</source>
        <translation>%1 hat keine Sicherheit auf Zeilenebene, die auf einer Einstellung beruht; die Spielstände aller Spieler sind bereits sichtbar.</translation>
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
        <source>Try again when the game server has written its snapshot.</source>
        <translation>Versuchen Sie es erneut, wenn der Spielserver seinen Snapshot geschrieben hat.</translation>
    </message>
    <message>
        <source>Planned %1 snapshots but archived %2 and deleted %3; nothing was changed.</source>
        <translation>%1 Snapshots geplant, aber %2 archiviert und %3 gelöscht; es wurde nichts geändert.</translation>
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
    <message>
        <source>Deleting snapshots</source>
        <translation>Snapshots werden gelöscht</translation>
    </message>
    <message>
        <source>%1 is busy: another session is writing to it.</source>
        <translation>%1 ist belegt: Eine andere Sitzung schreibt gerade hinein.</translation>
    </message>
    <message>
        <source>Pruning snapshots</source>
        <translation>Snapshots werden bereinigt</translation>
    </message>
    <message>
        <source>Rolling the world back</source>
        <translation>Welt wird zurückgerollt</translation>
    </message>
    <message>
        <source>Undoing snapshot operation %1</source>
        <translation>Snapshot-Vorgang %1 wird rückgängig gemacht</translation>
    </message>
    <message>
        <source>Retention policy, %1.</source>
        <translation>Aufbewahrungsrichtlinie, %1.</translation>
    </message>
</context>
<context>
    <name>statescope::snapshots::SnapshotStore</name>
    <message>
        <source>No snapshot has tick %1.</source>
        <translation>Kein Snapshot hat Tick %1.</translation>
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
    <message>
        <source>%1 is empty.</source>
        <translation>%1 ist leer.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an SQL/JSON path the server can read: %2</source>
        <translation>„%1“ ist kein SQL/JSON-Pfad, den der Server lesen kann: %2</translation>
    </message>
    <message>
        <source>No snapshot has tick %1; nothing was changed.</source>
        <translation>Kein Snapshot hat Tick %1; es wurde nichts geändert.</translation>
    </message>
    <message numerus="yes">
        <source>the game&apos;s own rule: above %1 snapshots, the lowest ticks among those older than %n minute(s) go, as many as there are above %1</source>
        <translation>
            <numerusform>Regel des Spiels: Bei mehr als %1 Snapshots werden unter denen, die älter als %n Minute sind, die mit den niedrigsten Ticks entfernt, so viele, wie es über %1 sind</numerusform>
            <numerusform>Regel des Spiels: Bei mehr als %1 Snapshots werden unter denen, die älter als %n Minuten sind, die mit den niedrigsten Ticks entfernt, so viele, wie es über %1 sind</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>newest by tick: the newest %1 by tick stay; of the rest, those older than %n minute(s) go</source>
        <translation>
            <numerusform>neueste nach Tick: Die neuesten %1 nach Tick bleiben; vom Rest werden die entfernt, die älter als %n Minute sind</numerusform>
            <numerusform>neueste nach Tick: Die neuesten %1 nach Tick bleiben; vom Rest werden die entfernt, die älter als %n Minuten sind</numerusform>
        </translation>
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
    <name>statescope::upkeep::Maintenance</name>
    <message>
        <source>%1 has no %2 named %3.</source>
        <translation>%2 %3 existiert in %1 nicht.</translation>
    </message>
    <message>
        <source>%1 names more than one %2; give its schema too.</source>
        <translation>%1 bezeichnet mehr als ein Objekt vom Typ %2; geben Sie auch das Schema an.</translation>
    </message>
    <message>
        <source>The confirmation does not match the database name %1; %2</source>
        <translation>Die Bestätigung stimmt nicht mit dem Datenbanknamen %1 überein; %2</translation>
    </message>
    <message>
        <source>%1 days is out of range: 0 to 36500.</source>
        <translation>%1 Tage liegen außerhalb des zulässigen Bereichs: 0 bis 36500.</translation>
    </message>
    <message>
        <source>table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>%1 has no boolean is_complete (or completed, done) column and no finishes_at (or finished_at, completed_at) time: it is not a jobs table Statescope can archive.</source>
        <translation>%1 hat keine boolesche Spalte is_complete (oder completed, done) und keine Zeitspalte finishes_at (oder finished_at, completed_at): Es ist keine Job-Tabelle, die Statescope archivieren kann.</translation>
    </message>
    <message>
        <source>archive table</source>
        <translation>Archivtabelle</translation>
    </message>
    <message>
        <source>%1 lacks %2 of %3 (or has another type): nothing would be archived.</source>
        <translation>In %1 fehlen Spalten von %3 oder haben einen anderen Typ: %2. Es würde nichts archiviert.</translation>
    </message>
    <message>
        <source>nothing was archived.</source>
        <translation>es wurde nichts archiviert.</translation>
    </message>
    <message>
        <source>Archiving jobs</source>
        <translation>Jobs werden archiviert</translation>
    </message>
    <message>
        <source>No setting to change.</source>
        <translation>Keine Einstellung zum Ändern.</translation>
    </message>
    <message>
        <source>%1 is not an autovacuum setting; these are: %2.</source>
        <translation>%1 ist keine Autovacuum-Einstellung; möglich sind: %2.</translation>
    </message>
    <message>
        <source>autovacuum_enabled is true or false, not %1.</source>
        <translation>autovacuum_enabled ist true oder false, nicht %1.</translation>
    </message>
    <message>
        <source>%1 takes %2 from %3 to %4, not %5.</source>
        <translation>%1 erwartet %2 von %3 bis %4, nicht %5.</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>eine ganze Zahl</translation>
    </message>
    <message>
        <source>nothing was changed.</source>
        <translation>es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Changing autovacuum settings</source>
        <translation>Autovacuum-Einstellungen werden geändert</translation>
    </message>
    <message>
        <source>nothing was rebuilt.</source>
        <translation>es wurde nichts neu aufgebaut.</translation>
    </message>
    <message>
        <source>Rebuilding an index</source>
        <translation>Ein Index wird neu aufgebaut</translation>
    </message>
    <message>
        <source>index</source>
        <translation>Index</translation>
    </message>
    <message>
        <source>Rebuilding %1: %2</source>
        <translation>%1 wird neu aufgebaut: %2</translation>
    </message>
    <message>
        <source>The server does not run pg_cron (it is not in shared_preload_libraries).</source>
        <translation>Auf dem Server läuft pg_cron nicht (es steht nicht in shared_preload_libraries).</translation>
    </message>
    <message>
        <source>pg_cron is loaded, but its extension is not created in %1.</source>
        <translation>pg_cron ist geladen, aber seine Erweiterung wurde in %1 nicht erstellt.</translation>
    </message>
    <message>
        <source>pg_cron&apos;s jobs in %1 could not be read: %2</source>
        <translation>Die Jobs von pg_cron in %1 konnten nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Deleting from %1 would also change %2: nothing is archived while a foreign key acts on delete.</source>
        <translation>Löschen aus %1 würde auch %2 ändern: Solange ein Fremdschlüssel beim Löschen handelt, wird nichts archiviert.</translation>
    </message>
    <message>
        <source>table (or partition, or materialized view)</source>
        <translation>Tabelle (oder Partition oder materialisierte Sicht)</translation>
    </message>
    <message>
        <source>The unfinished copy of %1 could not be dropped (%2): drop the invalid index ending in _ccnew on %3 by hand.</source>
        <translation>Die unfertige Kopie von %1 konnte nicht entfernt werden (%2): Entfernen Sie den ungültigen Index mit der Endung _ccnew auf %3 von Hand.</translation>
    </message>
</context>
<context>
    <name>statescope::upkeep::Partitions</name>
    <message>
        <source>it has no partition with a time range to continue</source>
        <translation>die Tabelle hat keine Partition mit einem Zeitbereich, der sich fortsetzen ließe</translation>
    </message>
    <message>
        <source>%1 does not span one day, week, month or year from midnight UTC like the others</source>
        <translation>%1 umfasst nicht wie die anderen einen Tag, eine Woche, einen Monat oder ein Jahr ab Mitternacht UTC</translation>
    </message>
    <message>
        <source>their names (%1, ...) do not all follow one pattern of the table&apos;s name and the lower bound&apos;s date</source>
        <translation>ihre Namen (%1, ...) folgen nicht alle einem Muster aus dem Tabellennamen und dem Datum der unteren Grenze</translation>
    </message>
    <message>
        <source>The partitions of %1 follow no scheme Statescope can continue: %2.</source>
        <translation>Die Partitionen von %1 folgen keinem Muster, das Statescope fortsetzen kann: %2.</translation>
    </message>
    <message>
        <source>one day from 00:00 UTC</source>
        <translation>ein Tag ab 00:00 UTC</translation>
    </message>
    <message>
        <source>one week from 00:00 UTC</source>
        <translation>eine Woche ab 00:00 UTC</translation>
    </message>
    <message>
        <source>one month from the 1st at 00:00 UTC</source>
        <translation>ein Monat ab dem 1. um 00:00 UTC</translation>
    </message>
    <message>
        <source>one year from January 1st at 00:00 UTC</source>
        <translation>ein Jahr ab dem 1. Januar um 00:00 UTC</translation>
    </message>
    <message>
        <source>no known step</source>
        <translation>keine bekannte Schrittweite</translation>
    </message>
    <message>
        <source>%1%2, each %3</source>
        <translation>%1%2, jeweils %3</translation>
    </message>
    <message>
        <source>%1 is not a table of %2 partitioned by ranges of time.</source>
        <translation>%1 ist keine nach Zeitbereichen partitionierte Tabelle von %2.</translation>
    </message>
    <message>
        <source>The database has no such table.</source>
        <translation>Die Datenbank hat keine solche Tabelle.</translation>
    </message>
    <message>
        <source>Tables partitioned by time: %1.</source>
        <translation>Nach Zeit partitionierte Tabellen: %1.</translation>
    </message>
    <message>
        <source>%1 is not a date; expected YYYY-MM-DD, a bound of %2 (%3).</source>
        <translation>%1 ist kein Datum; erwartet wird YYYY-MM-DD, eine Grenze von %2 (%3).</translation>
    </message>
    <message>
        <source>%1 is not a bound of %2&apos;s partitions (%3); the next bounds are %4 and %5.</source>
        <translation>%1 ist keine Grenze der Partitionen von %2 (%3); die nächsten Grenzen sind %4 und %5.</translation>
    </message>
    <message>
        <source>%1 periods ahead is out of range: 0 to %2.</source>
        <translation>%1 Perioden im Voraus liegen außerhalb des zulässigen Bereichs: 0 bis %2.</translation>
    </message>
    <message>
        <source>That would make more than %1 partitions of %2 (they reach %3); make them in steps with an earlier bound.</source>
        <translation>Das ergäbe mehr als %1 Partitionen von %2 (sie reichen bis %3); erstellen Sie sie schrittweise mit einer früheren Grenze.</translation>
    </message>
    <message>
        <source>The next partition&apos;s name %1 is longer than PostgreSQL&apos;s 63 bytes.</source>
        <translation>Der Name der nächsten Partition, %1, ist länger als die in PostgreSQL zulässigen 63 Bytes.</translation>
    </message>
    <message>
        <source>%1 already exists in %2 but is not a partition of %3.</source>
        <translation>%1 existiert bereits in %2, ist aber keine Partition von %3.</translation>
    </message>
    <message>
        <source>The confirmation does not match the database name %1; nothing was created.</source>
        <translation>Die Bestätigung stimmt nicht mit dem Datenbanknamen %1 überein; es wurde nichts erstellt.</translation>
    </message>
    <message>
        <source>Creating partitions</source>
        <translation>Partitionen werden erstellt</translation>
    </message>
    <message>
        <source>%1&apos;s partitions already reach %2; nothing to create.</source>
        <translation>Die Partitionen von %1 reichen bereits bis %2; es gibt nichts zu erstellen.</translation>
    </message>
    <message>
        <source>pg_partman made other partitions than %1; nothing was kept.</source>
        <translation>pg_partman hat andere Partitionen als %1 erstellt; es wurde nichts behalten.</translation>
    </message>
    <message>
        <source>%1 months is out of range: 0 to 1200.</source>
        <translation>%1 Monate liegen außerhalb des zulässigen Bereichs: 0 bis 1200.</translation>
    </message>
    <message>
        <source>%1 is not a partition of %2; its partitions are named %3.</source>
        <translation>%1 ist keine Partition von %2; deren Partitionen heißen %3.</translation>
    </message>
    <message>
        <source>otherwise</source>
        <translation>anders</translation>
    </message>
    <message>
        <source>%1 holds rows up to %2, after the cutoff %3 (%4 months ago); nothing to archive there.</source>
        <translation>%1 enthält Zeilen bis %2, also nach dem Stichtag %3 (vor %4 Monaten); dort gibt es nichts zu archivieren.</translation>
    </message>
    <message>
        <source>pg_dump --format=custom --table=%1 (and the sequences its defaults use)</source>
        <translation>pg_dump --format=custom --table=%1 (und die Sequenzen, die ihre Standardwerte verwenden)</translation>
    </message>
    <message>
        <source>restore the dump into a scratch database and count its rows</source>
        <translation>den Dump in einer temporären Datenbank wiederherstellen und seine Zeilen zählen</translation>
    </message>
    <message>
        <source>The confirmation does not match the database name %1; nothing was archived.</source>
        <translation>Die Bestätigung stimmt nicht mit dem Datenbanknamen %1 überein; es wurde nichts archiviert.</translation>
    </message>
    <message>
        <source>Archiving partitions</source>
        <translation>Partitionen werden archiviert</translation>
    </message>
    <message>
        <source>No partition of %1 ended before %2; nothing to archive.</source>
        <translation>Keine Partition von %1 endete vor %2; es gibt nichts zu archivieren.</translation>
    </message>
    <message>
        <source>Detaching %1</source>
        <translation>%1 wird abgehängt</translation>
    </message>
    <message>
        <source>Dumping %1 (%2 rows)</source>
        <translation>Dump von %1 wird erstellt (%2 Zeilen)</translation>
    </message>
    <message>
        <source>Checking the dump of %1 in a scratch database</source>
        <translation>Dump von %1 wird in einer temporären Datenbank geprüft</translation>
    </message>
    <message>
        <source>Dropping %1</source>
        <translation>%1 wird gelöscht</translation>
    </message>
    <message>
        <source>Archived %1 partitions of %2</source>
        <translation>%1 Partitionen von %2 archiviert</translation>
    </message>
    <message>
        <source>The archive of %1 in %2 started %3 never finished (partitions %4).</source>
        <translation>Die Archivierung von %1 in %2, begonnen %3, wurde nie beendet (Partitionen %4).</translation>
    </message>
    <message>
        <source>detached, a table of its own with every row: %1</source>
        <translation>abgehängt, eine eigene Tabelle mit allen Zeilen: %1</translation>
    </message>
    <message>
        <source>archived and dropped: %1</source>
        <translation>archiviert und gelöscht: %1</translation>
    </message>
    <message>
        <source>still a partition: %1</source>
        <translation>noch eine Partition: %1</translation>
    </message>
    <message>
        <source>scratch databases left: %1</source>
        <translation>zurückgebliebene Prüfdatenbanken: %1</translation>
    </message>
    <message>
        <source>incomplete dumps left: %1</source>
        <translation>zurückgebliebene unvollständige Dumps: %1</translation>
    </message>
    <message>
        <source>The archive of %1 in %2 started %3 never finished; %4.</source>
        <translation>Die Archivierung von %1 in %2, begonnen %3, wurde nie beendet; %4.</translation>
    </message>
    <message>
        <source>Nothing left to archive</source>
        <translation>Nichts mehr zu archivieren</translation>
    </message>
    <message>
        <source>Archive %1 (each locked against writers, dumped, the dump checked in a scratch database, then dropped)</source>
        <translation>%1 archivieren (jede gegen Schreiber gesperrt, gesichert, der Dump in einer Prüfdatenbank geprüft, dann gelöscht)</translation>
    </message>
    <message>
        <source>; drop the scratch databases and remove the incomplete dumps it left</source>
        <translation>; die zurückgelassenen Prüfdatenbanken löschen und die unvollständigen Dumps entfernen</translation>
    </message>
    <message>
        <source>Nothing is detached</source>
        <translation>Nichts ist abgehängt</translation>
    </message>
    <message>
        <source>Attach %1 to %2 again, with the bounds it had</source>
        <translation>%1 wieder an %2 anhängen, mit den Grenzen, die sie hatte</translation>
    </message>
    <message>
        <source> (%1 stay archived: their dumps hold every row)</source>
        <translation> (%1 bleiben archiviert: ihre Dumps enthalten alle Zeilen)</translation>
    </message>
    <message>
        <source>No unfinished archive with operation id &quot;%1&quot; in %2.</source>
        <translation>Keine unvollendete Archivierung mit der Vorgangs-ID „%1“ in %2.</translation>
    </message>
    <message>
        <source>statescope-cli db recover lists them all.</source>
        <translation>statescope-cli db recover listet sie alle auf.</translation>
    </message>
    <message>
        <source>The confirmation does not match the database name %1; nothing was changed.</source>
        <translation>Die Bestätigung stimmt nicht mit dem Datenbanknamen %1 überein; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Recovering an archive</source>
        <translation>Wiederherstellen einer Archivierung</translation>
    </message>
    <message>
        <source>The journal does not say which bounds %1 had (an older line); it was left as it is, a table of its own with every row.</source>
        <translation>Das Protokoll sagt nicht, welche Grenzen %1 hatte (eine ältere Zeile); sie wurde gelassen, wie sie ist, eine eigene Tabelle mit allen Zeilen.</translation>
    </message>
    <message>
        <source>Attach it by hand: ALTER TABLE %1 ATTACH PARTITION ... FOR VALUES ...</source>
        <translation>Hängen Sie sie von Hand an: ALTER TABLE %1 ATTACH PARTITION ... FOR VALUES ...</translation>
    </message>
    <message>
        <source>Attaching %1 again</source>
        <translation>%1 wird wieder angehängt</translation>
    </message>
    <message>
        <source>Cleaning up</source>
        <translation>Aufräumen</translation>
    </message>
    <message>
        <source>An earlier archive of %1 (operation %2, started %3) never finished; nothing was archived.</source>
        <translation>Eine frühere Archivierung von %1 (Vorgang %2, begonnen %3) wurde nie beendet; es wurde nichts archiviert.</translation>
    </message>
    <message>
        <source>Finish it or put it back first: statescope-cli db recover --server CONN --op %1 --finish|--restore --confirm %2</source>
        <translation>Beenden Sie sie oder machen Sie sie zuerst rückgängig: statescope-cli db recover --server CONN --op %1 --finish|--restore --confirm %2</translation>
    </message>
    <message>
        <source>%1 could not be attached again (%2): it is a table of its own, with every row; statescope-cli db recover attaches it.</source>
        <translation>%1 konnte nicht wieder angehängt werden (%2): sie ist eine eigene Tabelle mit allen Zeilen; statescope-cli db recover hängt sie an.</translation>
    </message>
    <message>
        <source>%1 is a partition of %2 again.</source>
        <translation>%1 ist wieder eine Partition von %2.</translation>
    </message>
    <message>
        <source>The dump of %1 restored %2 rows, not its %3; nothing was dropped.</source>
        <translation>Der Dump von %1 ergab wiederhergestellt %2 Zeilen statt ihrer %3; es wurde nichts gelöscht.</translation>
    </message>
</context>
<context>
    <name>statescope::upkeep::RunJournal</name>
    <message>
        <source>The local audit journal could not be written; nothing was changed.</source>
        <translation>Das lokale Audit-Protokoll konnte nicht geschrieben werden; es wurde nichts geändert.</translation>
    </message>
</context>
<context>
    <name>statescope::weekly::DatabaseProperties</name>
    <message>
        <source>There is no database %1.</source>
        <translation>Es gibt keine Datenbank %1.</translation>
    </message>
    <message>
        <source>%1 was not put back on %2: %3</source>
        <translation>%1 wurde auf %2 nicht wieder angewendet: %3</translation>
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
    <message>
        <source>%1 has %2 MiB free; the dump of %3 may need up to %4 MiB. Nothing was changed.</source>
        <translation>%1 hat %2 MiB frei; der Dump von %3 benötigt möglicherweise bis zu %4 MiB. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Free some space, or choose another backup directory.</source>
        <translation>Geben Sie Speicherplatz frei oder wählen Sie ein anderes Sicherungsverzeichnis.</translation>
    </message>
    <message>
        <source>Cannot create the dump file %1: %2</source>
        <translation>Die Dump-Datei %1 kann nicht erstellt werden: %2</translation>
    </message>
    <message>
        <source>Cannot rename the dump %1: %2</source>
        <translation>Der Dump %1 kann nicht umbenannt werden: %2</translation>
    </message>
    <message>
        <source>The local audit journal could not be written; no dump was taken and nothing was changed.</source>
        <translation>Das lokale Audit-Protokoll konnte nicht geschrieben werden; es wurde kein Dump erstellt und nichts geändert.</translation>
    </message>
</context>
<context>
    <name>statescope::weekly::Family</name>
    <message>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>No weekly database %1_YYYY_wNN on %2.</source>
        <translation>Keine Wochendatenbank %1_YYYY_wNN auf %2.</translation>
    </message>
    <message>
        <source>The family %1 has no week %2 (%3).</source>
        <translation>Die Familie %1 hat keine Woche %2 (%3).</translation>
    </message>
</context>
<context>
    <name>statescope::weekly::FamilyDrift</name>
    <message>
        <source>%1 takes no connections now (a reset or drop may be under way).</source>
        <translation>%1 nimmt derzeit keine Verbindungen an (möglicherweise läuft gerade ein Zurücksetzen oder Löschen).</translation>
    </message>
    <message>
        <source>no migration history</source>
        <translation>keine Migrationshistorie</translation>
    </message>
    <message>
        <source>Statescope V%1 differs from its file %2</source>
        <translation>Statescope V%1 weicht von seiner Datei %2 ab</translation>
    </message>
    <message>
        <source>Reading the schemas of the family&apos;s weeks</source>
        <translation>Schemas der Wochen der Familie werden gelesen</translation>
    </message>
    <message>
        <source>%1: checksum %2, most weeks have %3</source>
        <translation>%1: Prüfsumme %2, die meisten Wochen haben %3</translation>
    </message>
    <message numerus="yes">
        <source>%1 differs from the schema %2 of the family&apos;s %3 weeks share (%n object(s), e.g. %4): what is made from it will too.</source>
        <translation>
            <numerusform>%1 weicht vom Schema von %2 ab, das %3 Wochen der Familie gemeinsam haben (%n Objekt, z. B. %4): Was daraus erstellt wird, weicht ebenfalls ab.</numerusform>
            <numerusform>%1 weicht vom Schema von %2 ab, das %3 Wochen der Familie gemeinsam haben (%n Objekte, z. B. %4): Was daraus erstellt wird, weicht ebenfalls ab.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 has other owners than the schema %2 of the family&apos;s %3 weeks share (%n object(s), e.g. %4): what is made from it will too.</source>
        <translation>
            <numerusform>%1 hat andere Eigentümer als das Schema von %2, das %3 Wochen der Familie gemeinsam haben (%n Objekt, z. B. %4): Was daraus erstellt wird, ebenfalls.</numerusform>
            <numerusform>%1 hat andere Eigentümer als das Schema von %2, das %3 Wochen der Familie gemeinsam haben (%n Objekte, z. B. %4): Was daraus erstellt wird, ebenfalls.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>statescope::weekly::Recovery</name>
    <message>
        <source>The %1 of %2 started %3 never finished; it stopped before the drop: %2 is intact, but may still refuse connections (its fence).</source>
        <translation>Der Vorgang „%1“ für %2, begonnen am %3, wurde nie abgeschlossen; er brach vor dem Löschen ab: %2 ist intakt, verweigert aber möglicherweise noch Verbindungen (wegen der Sperre).</translation>
    </message>
    <message>
        <source>The %1 of %2 started %3 never finished; %2 was dropped%4.</source>
        <translation>Der Vorgang „%1“ für %2, begonnen am %3, wurde nie abgeschlossen; %2 wurde%4 gelöscht.</translation>
    </message>
    <message>
        <source> and no dump was taken</source>
        <translation> ohne vorherigen Dump</translation>
    </message>
    <message>
        <source> after its dump %1</source>
        <translation> nach dem Dump %1</translation>
    </message>
    <message>
        <source>The reset of %1 started %2 never finished; %1 was dropped and created again, perhaps only half made.</source>
        <translation>Das Zurücksetzen von %1, begonnen am %2, wurde nie abgeschlossen; %1 wurde gelöscht und neu erstellt, möglicherweise nur halb.</translation>
    </message>
    <message>
        <source>The %1 of %2 started %3 never finished; %2 exists, but whether it is the original cannot be told (an older journal line).</source>
        <translation>Der Vorgang „%1“ für %2, begonnen am %3, wurde nie abgeschlossen; %2 existiert, aber ob es sich um das Original handelt, lässt sich nicht feststellen (eine ältere Protokollzeile).</translation>
    </message>
    <message>
        <source>Put the fence back down, then %1 %2 again (dumped first).</source>
        <translation>Die Sperre aufheben, dann „%1“ für %2 erneut ausführen (zuvor mit Dump).</translation>
    </message>
    <message>
        <source>Nothing left to do: record the drop of %1 as done.</source>
        <translation>Nichts mehr zu tun: das Löschen von %1 als erledigt vermerken.</translation>
    </message>
    <message>
        <source>Restore %1 from its dump, then reset it (dumped again first).</source>
        <translation>%1 aus dem Dump wiederherstellen, dann zurücksetzen (zuvor erneut mit Dump).</translation>
    </message>
    <message>
        <source>Drop the half-made %1 (dumped first), restore it from its dump, then reset it again.</source>
        <translation>Die halb erstellte Datenbank %1 löschen (zuvor mit Dump), aus ihrem Dump wiederherstellen und dann erneut zurücksetzen.</translation>
    </message>
    <message>
        <source>Put the fence back down (connection limit and CONNECT as they were); %1 keeps its data.</source>
        <translation>Die Sperre aufheben (Verbindungslimit und CONNECT wie zuvor); die Daten von %1 bleiben erhalten.</translation>
    </message>
    <message>
        <source>Restore %1 from %2.</source>
        <translation>%1 aus %2 wiederherstellen.</translation>
    </message>
    <message>
        <source>Drop the half-made %1 (dumped first), then restore it from %2.</source>
        <translation>Die halb erstellte Datenbank %1 löschen (zuvor mit Dump), dann aus %2 wiederherstellen.</translation>
    </message>
    <message>
        <source>Lowering the fence on %1</source>
        <translation>Sperre für %1 wird aufgehoben</translation>
    </message>
    <message>
        <source>The %1 of %2 cannot be finished: %2 is gone and the run took no dump to bring it back from.</source>
        <translation>Der Vorgang „%1“ für %2 kann nicht abgeschlossen werden: %2 existiert nicht mehr, und der Vorgang hat keinen Dump erstellt, aus dem die Datenbank wiederhergestellt werden könnte.</translation>
    </message>
    <message>
        <source>Create it again (db create), then record this run as resolved.</source>
        <translation>Erstellen Sie die Datenbank neu (db create) und vermerken Sie diesen Vorgang dann als erledigt.</translation>
    </message>
    <message>
        <source>The half-made %1 was dumped to %2 before it was dropped.</source>
        <translation>Von der halb erstellten Datenbank %1 wurde vor dem Löschen ein Dump nach %2 erstellt.</translation>
    </message>
    <message>
        <source>%1 exists, and whether it is the one the %2 started on cannot be told; nothing was changed.</source>
        <translation>%1 existiert, aber ob es dieselbe Datenbank ist, auf der der Vorgang „%2“ begonnen hat, lässt sich nicht feststellen; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The %1 of %2 took no dump, so there is nothing to restore from.</source>
        <translation>Der Vorgang „%1“ für %2 hat keinen Dump erstellt, daher gibt es nichts, woraus wiederhergestellt werden kann.</translation>
    </message>
    <message>
        <source>The dump %1 of %2 cannot be read; nothing was changed.</source>
        <translation>Der Dump %1 von %2 kann nicht gelesen werden; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>%1 (system identifier %2)</source>
        <translation>%1 (Systemkennung %2)</translation>
    </message>
    <message>
        <source>%1 (Recorded on %2, a server with this one&apos;s identity.)</source>
        <translation>%1 (Aufgezeichnet auf %2, einem Server mit der Identität dieses Servers.)</translation>
    </message>
    <message>
        <source>The unfinished %1 of %2 with operation id &quot;%3&quot; was on %4, not on %5; nothing was changed.</source>
        <translation>Der nicht abgeschlossene Vorgang „%1“ für %2 mit der Vorgangs-ID „%3“ lief auf %4, nicht auf %5; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Connect to that server (any address of it, or the standby promoted in its place).</source>
        <translation>Verbinden Sie sich mit jenem Server (unter einer beliebigen seiner Adressen oder mit dem Standby, der an seiner Stelle hochgestuft wurde).</translation>
    </message>
    <message>
        <source>statescope-cli db recover lists them all.</source>
        <translation>statescope-cli db recover listet sie alle auf.</translation>
    </message>
    <message>
        <source>The %1 of %2 was recorded on %3; this server (%4) has the same system identifier, which it shares with that server after a restart or a failover, but also with a copy made from it. Nothing was changed.</source>
        <translation>Der Vorgang „%1“ für %2 wurde auf %3 aufgezeichnet; dieser Server (%4) hat dieselbe Systemkennung, die er nach einem Neustart oder Failover mit jenem Server teilt, aber auch mit einer davon erstellten Kopie. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>If this is the server the run was on, say so: statescope-cli db recover ... --same-server.</source>
        <translation>Wenn dies der Server ist, auf dem der Vorgang lief, geben Sie das an: statescope-cli db recover ... --same-server.</translation>
    </message>
    <message>
        <source>Nothing left to do: %1 was dropped only after its copy on the target held the same rows; record the move as done.</source>
        <translation>Nichts mehr zu tun: %1 wurde erst gelöscht, nachdem die Kopie auf dem Ziel dieselben Zeilen enthielt; das Verschieben als erledigt vermerken.</translation>
    </message>
    <message>
        <source>%1 was made again on this server after the move dropped it; the move has nothing left to finish here, and nothing was changed.</source>
        <translation>%1 wurde auf diesem Server neu erstellt, nachdem das Verschieben die Datenbank gelöscht hatte; für das Verschieben ist hier nichts mehr abzuschließen, und es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The %1 of %2 started %3 never finished; %2 exists, perhaps only half made.</source>
        <translation>%1 von %2, begonnen %3, wurde nie beendet; %2 existiert, vielleicht nur halb angelegt.</translation>
    </message>
    <message>
        <source>The %1 of %2 started %3 never finished; it stopped before %2 was made.</source>
        <translation>%1 von %2, begonnen %3, wurde nie beendet; der Vorgang endete, bevor %2 angelegt war.</translation>
    </message>
    <message>
        <source>Drop the half-made %1 (dumped first): the server as it was before the %2.</source>
        <translation>Die halb angelegte %1 löschen (zuvor gesichert): der Server wie vor %2.</translation>
    </message>
    <message>
        <source>Nothing was made; record the %1 as undone.</source>
        <translation>Es wurde nichts angelegt; %1 als rückgängig gemacht vermerken.</translation>
    </message>
    <message>
        <source>No unfinished run with operation id &quot;%1&quot; on %2.</source>
        <translation>Kein unvollendeter Vorgang mit der Vorgangs-ID „%1“ auf %2.</translation>
    </message>
    <message>
        <source>Drop the half-made %1 (dumped first), then create it again.</source>
        <translation>Die halb angelegte %1 löschen (zuvor gesichert), dann neu anlegen.</translation>
    </message>
    <message>
        <source>Drop the half-made %1 (dumped first), then restore it again from %2.</source>
        <translation>Die halb angelegte %1 löschen (zuvor gesichert), dann erneut aus %2 wiederherstellen.</translation>
    </message>
    <message>
        <source>Create %1 again.</source>
        <translation>%1 neu anlegen.</translation>
    </message>
    <message>
        <source>Restore %1 again from %2.</source>
        <translation>%1 erneut aus %2 wiederherstellen.</translation>
    </message>
    <message>
        <source>Drop the copy the move made on %1, then put the fence back down; %2 keeps its data. Move it again if it should still go.</source>
        <translation>Die Kopie, die der Umzug auf %1 angelegt hat, löschen, dann die Sperre aufheben; %2 behält seine Daten. Erneut umziehen, falls sie noch umziehen soll.</translation>
    </message>
    <message>
        <source>Put the fence back down; %1 keeps its data (the move made no copy yet). Move it again if it should still go.</source>
        <translation>Die Sperre aufheben; %1 behält seine Daten (der Umzug hat noch keine Kopie angelegt). Erneut umziehen, falls sie noch umziehen soll.</translation>
    </message>
    <message>
        <source>Drop the copy the move made on %1, then put the fence back down (connection limit and CONNECT as they were); %2 keeps its data.</source>
        <translation>Die Kopie, die der Umzug auf %1 angelegt hat, löschen, dann die Sperre aufheben (Verbindungslimit und CONNECT wie zuvor); %2 behält seine Daten.</translation>
    </message>
    <message>
        <source>The move of %1 got as far as copying it to %2, and recovering the move takes that copy away there too, so it needs that server. Nothing was changed.</source>
        <translation>Der Umzug von %1 kam bis zur Kopie auf %2, und die Wiederherstellung des Umzugs entfernt diese Kopie dort ebenfalls; dafür braucht sie diesen Server. Nichts wurde geändert.</translation>
    </message>
    <message>
        <source>Give the server the move went to (statescope-cli db recover ... --to CONN).</source>
        <translation>Geben Sie den Server an, auf den der Umzug ging (statescope-cli db recover ... --to CONN).</translation>
    </message>
    <message>
        <source>Dropping the copy of %1 on %2</source>
        <translation>Lösche die Kopie von %1 auf %2</translation>
    </message>
    <message>
        <source>%1 is not the server the move of %2 went to: that was %3 (system identifier %4), this one&apos;s identifier is %5. Nothing was changed.</source>
        <translation>%1 ist nicht der Server, auf den der Umzug von %2 ging: das war %3 (Systemkennung %4), dieser hat die Kennung %5. Nichts wurde geändert.</translation>
    </message>
    <message>
        <source>%2 has a database named %1 that the move did not make (it was made there since); nothing was changed.</source>
        <translation>%2 hat eine Datenbank namens %1, die der Umzug nicht angelegt hat (sie wurde seither dort angelegt); nichts wurde geändert.</translation>
    </message>
    <message>
        <source>Drop or rename it there yourself if it is not wanted, then recover the move again.</source>
        <translation>Löschen oder benennen Sie sie dort selbst um, falls sie nicht gebraucht wird, und stellen Sie den Umzug dann erneut wieder her.</translation>
    </message>
    <message>
        <source>The copy of %1 the move made on %2 was dropped there.</source>
        <translation>Die Kopie von %1, die der Umzug auf %2 angelegt hat, wurde dort gelöscht.</translation>
    </message>
    <message>
        <source>The %1 of %2 started %3 never finished; the server stopped during a DROP DATABASE of %2, which PostgreSQL now marks invalid: part of its data is gone and nobody can connect to it. %4</source>
        <translation>Der Vorgang „%1“ für %2, begonnen am %3, wurde nie abgeschlossen; der Server hielt während eines DROP DATABASE von %2 an, das PostgreSQL nun als ungültig kennzeichnet: Ein Teil der Daten ist weg, und niemand kann sich damit verbinden. %4</translation>
    </message>
    <message>
        <source>The run took no dump.</source>
        <translation>Der Vorgang hat keinen Dump erstellt.</translation>
    </message>
    <message>
        <source>The run&apos;s dump %1 holds every committed row.</source>
        <translation>Der Dump %1 des Vorgangs enthält jede bestätigte Zeile.</translation>
    </message>
    <message>
        <source>Finish the interrupted drop of the invalid %1</source>
        <translation>Das unterbrochene Löschen der ungültigen %1 abschließen</translation>
    </message>
    <message>
        <source>%1, then create it again.</source>
        <translation>%1, dann neu erstellen.</translation>
    </message>
    <message>
        <source>%1, then restore it again from %2.</source>
        <translation>%1, dann erneut aus %2 wiederherstellen.</translation>
    </message>
    <message>
        <source>%1, restore it from its dump %2, then reset it (dumped again first).</source>
        <translation>%1, aus ihrem Dump %2 wiederherstellen, dann zurücksetzen (zuvor erneut mit Dump).</translation>
    </message>
    <message>
        <source>%1; it was being dropped only because its copy on the target held the same rows: record the move as done.</source>
        <translation>%1; sie wurde nur gelöscht, weil ihre Kopie auf dem Ziel dieselben Zeilen enthielt: den Umzug als erledigt vermerken.</translation>
    </message>
    <message>
        <source>%1 and record the drop as done (its dump stays).</source>
        <translation>%1 und das Löschen als erledigt vermerken (der Dump bleibt erhalten).</translation>
    </message>
    <message>
        <source>%1: the server as it was before the %2.</source>
        <translation>%1: der Server wie vor dem Vorgang „%2“.</translation>
    </message>
    <message>
        <source>%1, drop the copy the move made on %2, then restore %3 here from %4.</source>
        <translation>%1, die vom Umzug auf %2 erstellte Kopie löschen, dann %3 hier aus %4 wiederherstellen.</translation>
    </message>
    <message>
        <source>%1, then restore it from %2.</source>
        <translation>%1, dann aus %2 wiederherstellen.</translation>
    </message>
    <message>
        <source>Restore %1 from %2, then drop the copy the move made on %3: the week on this server only.</source>
        <translation>%1 aus %2 wiederherstellen, dann die vom Umzug auf %3 erstellte Kopie löschen: die Woche nur auf diesem Server.</translation>
    </message>
    <message>
        <source>The interrupted drop of %1 was finished (PostgreSQL had marked it invalid).</source>
        <translation>Das unterbrochene Löschen von %1 wurde abgeschlossen (PostgreSQL hatte sie als ungültig gekennzeichnet).</translation>
    </message>
    <message>
        <source>The %1 of %2 cannot be finished: its drop was interrupted and the run took no dump to bring it back from. Nothing was changed.</source>
        <translation>Der Vorgang „%1“ für %2 kann nicht abgeschlossen werden: Das Löschen wurde unterbrochen, und der Vorgang hat keinen Dump erstellt, aus dem sie zurückgeholt werden könnte. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Drop it (DROP DATABASE), create it again (db create), then record this run as resolved.</source>
        <translation>Löschen Sie sie (DROP DATABASE), erstellen Sie sie neu (db create) und vermerken Sie diesen Vorgang dann als erledigt.</translation>
    </message>
    <message>
        <source>The %1 of %2 took no dump, so there is nothing to restore from; its drop was interrupted and nothing was changed.</source>
        <translation>Der Vorgang „%1“ für %2 hat keinen Dump erstellt, es gibt also nichts zum Wiederherstellen; das Löschen wurde unterbrochen, und es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>A CREATE DATABASE of the copy of %1 was still running on %2; it was cancelled.</source>
        <translation>Ein CREATE DATABASE der Kopie von %1 lief auf %2 noch; es wurde abgebrochen.</translation>
    </message>
</context>
<context>
    <name>statescope::weekly::SchemaCopier</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Cannot create the directory %1</source>
        <translation>Das Verzeichnis %1 kann nicht erstellt werden</translation>
    </message>
    <message>
        <source>Copying the schema of %1</source>
        <translation>Schema von %1 wird kopiert</translation>
    </message>
    <message>
        <source>Copying the migration history of %1</source>
        <translation>Migrationshistorie von %1 wird kopiert</translation>
    </message>
    <message>
        <source>Creating the schema of %1</source>
        <translation>Schema von %1 wird erstellt</translation>
    </message>
    <message>
        <source>The local audit journal could not be written; nothing was changed.</source>
        <translation>Das lokale Audit-Protokoll konnte nicht geschrieben werden; es wurde nichts geändert.</translation>
    </message>
</context>
<context>
    <name>statescope::weekly::ServerAdmin</name>
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
        <source>Dropping %1</source>
        <translation>%1 wird gelöscht</translation>
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
    <message>
        <source>Copying the schema of %1</source>
        <translation>Schema von %1 wird kopiert</translation>
    </message>
    <message>
        <source>Creating the schema of %1 like %2</source>
        <translation>Schema von %1 wird nach dem Vorbild von %2 erstellt</translation>
    </message>
    <message>
        <source>its own schema: a schema-only copy of itself taken after the dump (tables, indexes, functions, triggers, policies, grants, database settings%1), not Statescope&apos;s weekly schema</source>
        <translation>ihrem eigenen Schema: einer reinen Schemakopie ihrer selbst, erstellt nach dem Dump (Tabellen, Indizes, Funktionen, Trigger, Richtlinien, Berechtigungen, Datenbankeinstellungen%1), nicht dem Wochendatenbank-Schema von Statescope</translation>
    </message>
    <message>
        <source>, and the history rows of %1</source>
        <translation>, außerdem die Historienzeilen von %1</translation>
    </message>
    <message>
        <source>Statescope&apos;s weekly schema, version %1</source>
        <translation>dem Wochendatenbank-Schema von Statescope, Version %1</translation>
    </message>
    <message>
        <source>The local audit journal %1 could not be written, so %2 was not started; nothing was changed.</source>
        <translation>Das lokale Audit-Protokoll %1 konnte nicht geschrieben werden, daher wurde der Vorgang für %2 nicht gestartet; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Stopping other sessions on %1</source>
        <translation>Andere Sitzungen auf %1 werden beendet</translation>
    </message>
    <message>
        <source>Dumping %1 before the %2</source>
        <translation>Dump von %1 vor dem Vorgang „%2“ wird erstellt</translation>
    </message>
    <message>
        <source>Stop the programs writing to it (superusers and roles granted CONNECT by name get past the fence), then try again.</source>
        <translation>Beenden Sie die Programme, die in die Datenbank schreiben (Superuser und Rollen, denen CONNECT namentlich gewährt wurde, kommen an der Sperre vorbei), und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>Resetting %1</source>
        <translation>%1 wird zurückgesetzt</translation>
    </message>
    <message>
        <source>Recreating the schema of %1</source>
        <translation>Schema von %1 wird neu erstellt</translation>
    </message>
    <message>
        <source>The old dump %1 could not be removed.</source>
        <translation>Der alte Dump %1 konnte nicht entfernt werden.</translation>
    </message>
    <message>
        <source>dump retention</source>
        <translation>Dump-Aufbewahrung</translation>
    </message>
    <message>
        <source>Restoring %1</source>
        <translation>%1 wird wiederhergestellt</translation>
    </message>
    <message>
        <source>It takes no connections (ALLOW_CONNECTIONS false): a reset or drop may be under way.</source>
        <translation>Die Datenbank nimmt keine Verbindungen an (ALLOW_CONNECTIONS false): Möglicherweise läuft gerade ein Zurücksetzen oder Löschen.</translation>
    </message>
    <message>
        <source>%1 may not connect to it (no CONNECT privilege).</source>
        <translation>%1 darf sich nicht mit der Datenbank verbinden (kein CONNECT-Recht).</translation>
    </message>
    <message>
        <source>It stopped taking connections (a reset or drop may be under way).</source>
        <translation>Die Datenbank nimmt keine Verbindungen mehr an (möglicherweise läuft gerade ein Zurücksetzen oder Löschen).</translation>
    </message>
    <message>
        <source>Inspecting the databases of %1</source>
        <translation>Datenbanken von %1 werden untersucht</translation>
    </message>
    <message>
        <source>%1 could not be made as it was (%2); it was made with the server&apos;s default encoding, locale and tablespace.</source>
        <translation>%1 konnte nicht wie zuvor erstellt werden (%2); die Datenbank wurde mit der Standardkodierung, dem Standard-Locale und dem Standard-Tablespace des Servers erstellt.</translation>
    </message>
    <message>
        <source>A %1 of %2 started %3 never finished; nothing was changed.</source>
        <translation>Ein Vorgang „%1“ für %2, begonnen am %3, wurde nie abgeschlossen; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Finish it or put %1 back first: statescope-cli db recover --server CONN (or the Admin pane&apos;s recovery panel).</source>
        <translation>Schließen Sie ihn ab oder versetzen Sie %1 zuerst zurück: statescope-cli db recover --server CONN (oder die Wiederherstellungsansicht im Admin-Bereich).</translation>
    </message>
    <message>
        <source>Other sessions kept connecting to %1 and writing to it while it was being dumped, so the dump might miss what they wrote; nothing was changed.</source>
        <translation>Andere Sitzungen haben sich während des Dumps weiter mit %1 verbunden und in die Datenbank geschrieben, daher könnte dem Dump fehlen, was sie geschrieben haben; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Writers were not held off by table locks during the dump (%1); the statistics proved that nobody else wrote.</source>
        <translation>Schreibende Sitzungen wurden während des Dumps nicht durch Tabellensperren abgehalten (%1); die Statistiken haben belegt, dass niemand sonst geschrieben hat.</translation>
    </message>
    <message>
        <source>Putting back the owner, settings and grants of %1</source>
        <translation>Eigentümer, Einstellungen und Berechtigungen von %1 werden wiederhergestellt</translation>
    </message>
    <message>
        <source>No run on record took %1, so the database&apos;s owner, settings, connection limit and grants are the server&apos;s defaults.</source>
        <translation>Kein aufgezeichneter Vorgang hat %1 erstellt, daher entsprechen Eigentümer, Einstellungen, Verbindungslimit und Berechtigungen der Datenbank den Standardwerten des Servers.</translation>
    </message>
    <message>
        <source>Moving %1</source>
        <translation>%1 wird verschoben</translation>
    </message>
    <message>
        <source>Moving %1 to %2</source>
        <translation>%1 wird nach %2 verschoben</translation>
    </message>
    <message>
        <source>%1 and %2 are the same server (system identifier %3); a move needs another server. Nothing was changed.</source>
        <translation>%1 und %2 sind derselbe Server (Systemkennung %3); ein Verschieben erfordert einen anderen Server. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>%1 already has a database named %2; nothing was changed.</source>
        <translation>%1 hat bereits eine Datenbank namens %2; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Drop or rename it there first, or move another week.</source>
        <translation>Löschen Sie sie dort zuerst oder benennen Sie sie um, oder verschieben Sie eine andere Woche.</translation>
    </message>
    <message>
        <source>The copy of %1 made on %2 could not be dropped again: %3</source>
        <translation>Die auf %2 erstellte Kopie von %1 konnte nicht wieder gelöscht werden: %3</translation>
    </message>
    <message>
        <source>Restoring %1 on %2</source>
        <translation>%1 wird auf %2 wiederhergestellt</translation>
    </message>
    <message>
        <source>Counting the rows of %1 on both servers</source>
        <translation>Zeilen von %1 werden auf beiden Servern gezählt</translation>
    </message>
    <message>
        <source>%1: %2 rows here, no such table there</source>
        <translation>%1: %2 Zeilen hier, keine solche Tabelle dort</translation>
    </message>
    <message>
        <source>%1: %2 rows here, %3 there</source>
        <translation>%1: %2 Zeilen hier, %3 dort</translation>
    </message>
    <message>
        <source>%1: not here, %2 rows there</source>
        <translation>%1: hier nicht vorhanden, %2 Zeilen dort</translation>
    </message>
    <message>
        <source>The copy of %1 on %2 does not hold the same rows; %1 was left as it was and the copy taken away.</source>
        <translation>Die Kopie von %1 auf %2 enthält nicht dieselben Zeilen; %1 wurde unverändert gelassen und die Kopie wieder entfernt.</translation>
    </message>
    <message>
        <source>Moved %1 to %2</source>
        <translation>%1 nach %2 verschoben</translation>
    </message>
    <message>
        <source>Not read: this connection goes through a pooler, which keeps a server connection open for each database read, and the server has %1 of its %2 connections left.</source>
        <translation>Nicht gelesen: Diese Verbindung läuft über einen Pooler, der für jede gelesene Datenbank eine Serververbindung offen hält, und der Server hat noch %1 von %2 Verbindungen frei.</translation>
    </message>
    <message>
        <source>Connect to the server&apos;s own port to read every database.</source>
        <translation>Verbinden Sie sich mit dem eigenen Port des Servers, um jede Datenbank zu lesen.</translation>
    </message>
    <message>
        <source>The copy of %1 an earlier, unfinished move left on %2 was dropped first.</source>
        <translation>Die Kopie von %1, die ein früherer, unvollendeter Umzug auf %2 hinterließ, wurde zuerst gelöscht.</translation>
    </message>
    <message>
        <source>The copy of %1 on %2 does not have the properties %1 has here; %1 was left as it was and the copy taken away.</source>
        <translation>Die Kopie von %1 auf %2 hat nicht die Eigenschaften, die %1 hier hat; %1 blieb, wie sie war, und die Kopie wurde wieder entfernt.</translation>
    </message>
    <message>
        <source>Create the roles it names on %1 (owner, grantees), then move it again.</source>
        <translation>Legen Sie die genannten Rollen auf %1 an (Eigentümer, Berechtigte), dann ziehen Sie sie erneut um.</translation>
    </message>
    <message>
        <source>%1 exists: a reset of %2 that never finished was building it; nothing was changed.</source>
        <translation>%1 existiert: Ein nie beendeter Reset von %2 hat sie aufgebaut; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>End that run first: statescope-cli db recover --server CONN.</source>
        <translation>Beenden Sie zuerst diesen Vorgang: statescope-cli db recover --server CONN.</translation>
    </message>
    <message>
        <source>The half-made %1 could not be dropped again (%2); statescope-cli db recover lists it.</source>
        <translation>Die halb angelegte %1 konnte nicht wieder gelöscht werden (%2); statescope-cli db recover listet sie auf.</translation>
    </message>
    <message>
        <source>A CREATE DATABASE of %1 that an earlier run began is still running and did not stop when cancelled; nothing was changed.</source>
        <translation>Ein von einem früheren Vorgang begonnenes CREATE DATABASE von %1 läuft noch und hielt beim Abbrechen nicht an; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Wait for it to end (pg_stat_activity), then recover again.</source>
        <translation>Warten Sie, bis es endet (pg_stat_activity), und stellen Sie dann erneut wieder her.</translation>
    </message>
    <message>
        <source>Finishing the drop of %1</source>
        <translation>Löschen von %1 wird abgeschlossen</translation>
    </message>
    <message>
        <source>Invalid: a DROP DATABASE of it was interrupted (a server restart or crash midway), so part of its data is gone and nobody can connect to it. db recover finishes that drop and, from the run&apos;s dump, brings it back.</source>
        <translation>Ungültig: Ein DROP DATABASE wurde unterbrochen (ein Neustart oder Absturz des Servers mittendrin), daher ist ein Teil der Daten weg, und niemand kann sich damit verbinden. db recover schließt dieses Löschen ab und holt sie aus dem Dump des Vorgangs zurück.</translation>
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
<context>
    <name>statescope::weekly::WriterFence</name>
    <message>
        <source>There is no database %1.</source>
        <translation>Es gibt keine Datenbank %1.</translation>
    </message>
    <message>
        <source>Sessions on %1 did not end after being terminated; nothing was changed.</source>
        <translation>Sitzungen auf %1 liefen trotz Beendigung weiter; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>the session to lock its tables could not connect: %1</source>
        <translation>die Sitzung zum Sperren der Tabellen konnte keine Verbindung herstellen: %1</translation>
    </message>
    <message>
        <source>Waited %1 s to stop the writes to %2, and a transaction did not end; nothing was changed.</source>
        <translation>%1 s gewartet, um die Schreibzugriffe auf %2 anzuhalten, aber eine Transaktion wurde nicht beendet; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The lock was held by %1.</source>
        <translation>Die Sperre wurde von %1 gehalten.</translation>
    </message>
    <message>
        <source>End that transaction (or terminate its session), then try again.</source>
        <translation>Beenden Sie diese Transaktion (oder die zugehörige Sitzung) und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>Sessions kept connecting to %1 as fast as they were terminated; nothing was changed.</source>
        <translation>Sitzungen haben sich so schnell wieder mit %1 verbunden, wie sie beendet wurden; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Stop the programs connecting to it (superusers and roles granted CONNECT by name get past the fence), then try again.</source>
        <translation>Beenden Sie die Programme, die sich mit der Datenbank verbinden (Superuser und Rollen, denen CONNECT namentlich gewährt wurde, kommen an der Sperre vorbei), und versuchen Sie es dann erneut.</translation>
    </message>
</context>
</TS>
