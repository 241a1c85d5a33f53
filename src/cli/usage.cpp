// The usage text and the table of commands read from it (usage.h).
#include "usage.h"

#include <QRegularExpression>

namespace statescope::cli {

namespace {

constexpr auto kUsage = R"(statescope-cli: the command-line twin of Statescope.

Usage: statescope-cli <group> <command> [options]   (each command takes --help and --json)

  sandbox start [--dir D] [--tcp] [--demo] [--no-fsync]
                                             start (or reuse) the private PostgreSQL
                                             sandbox; prints its connection string
                                             (--no-fsync: a throw-away one, for tests)
  sandbox stop [--dir D]                     stop it
  sandbox status [--dir D]                   is it running, and where

  db list --server CONN [--prefix P]         databases, grouped by weekly family
  db create --server CONN (--name N | --prefix P [--week YYYY-Www])
  db migrate --db CONN [--dry-run]           apply (or list) pending migrations
  db status --db CONN                        schema version, pending, drift, failures, and
                                             other tools' migration histories
  db adopt --db CONN [--dry-run] [--reason TEXT]
                                             add Statescope's bookkeeping (the statescope
                                             schema only) to a database it did not create
  db unadopt --db CONN [--confirm N] [--backup-dir D]
                                             show what the bookkeeping holds; with --confirm,
                                             dump the database, then remove it
  db create-index --db CONN [--kind api_events|player_events|plays] [--confirm N] [--reason TEXT]
                                             the index that serves the browsing order on the
                                             game's own table (plays: the indexes a rollback's
                                             deletes need): shown, then built CONCURRENTLY
  db repair --db CONN --confirm N            accept drifted migration checksums
  db reset --server CONN --name N --confirm N [--dry-run] [--no-dump] [--reason TEXT]
  db drop  --server CONN --name N --confirm N [--dry-run] [--no-dump] [--reason TEXT]
  db restore --server CONN --name N --from FILE
  db move --server CONN --to CONN --name N [--confirm N] [--reason TEXT] [--backup-dir D]
                                             a week to another server: without --confirm, what
                                             would travel; with it, dumped (writers fenced off),
                                             restored there, rows counted on both, dropped here
                                             only when they agree
  db audit [--db CONN]                       audit log (or the local journal)
  db recover [--server CONN] [--op ID (--finish | --restore) --confirm NAME]
             [--delete-orphans --confirm CODE] [--same-server]
                                             resets, drops, moves, creates, restores and
                                             partition archives killed midway, on any server
                                             (without --server) or this one: list, finish,
                                             undo; files Statescope wrote that no run names,
                                             and removing them
  db diff --db A (--db B | --migrations) [--sql] [--ignore-owners]
                                             schema compare from the catalogs; --sql: the
                                             statements that would bring A to B
  db drift --server CONN [--server ...] --prefix P [--weeks LIST] [--parallel N]
                                             the family's weeks side by side: tools,
                                             checksums, fingerprints, what differs
  db reader --server CONN [--create --confirm ROLE [--no-password | --password-env NAME]]
                                             how reading is kept from acting on the server; the
                                             reader login of a superuser profile

  settings show                              the shared settings file and its values
  settings set [--dumps-keep N] [--dumps-min-age-days D]
                                             dump retention after reset/drop (default 5, 30)
  settings set --cursor-hold-seconds S       how long a result grid's cursor is held after
                                             its last read (default 3)
  settings set --allow-object NAME | --forget-object NAME
                                             let the read guard run an object for a
                                             superuser's session, or take that back

  find (--db CONN | --server CONN [--server CONN2]... --prefix P [--weeks LIST] | --set S) VALUE
       [--scan] [--limit N] [--parallel N]   one value (a uuid or its first 8 characters, a
                                             number, a symbol, a request key) in every table
                                             of a database, a family's every week (newest
                                             first) or a shard set, by indexes only; what
                                             only a scan could find is listed (--scan: searched)
  find --story --db CONN VALUE [--newest | --after P | --before P | --all] [--csv | --jsonl]
                                             one player's, ship's or game's story in that
                                             database: every kind of data in time order, a
                                             page at a time (or all of it, exported)

  tables --db CONN [--schema S]              schemas, tables (partitions folded), views
  rows --db CONN --table T [--where-col C --eq V]... [--sort C] [--desc]
       [--after KEY] [--limit N]             a page of rows by key (no OFFSET)
  query --db CONN --sql TEXT [--csv] [--timeout-ms N]
                                             read-only SQL, rows streamed
  query --server CONN [--server CONN2] --prefix P [--weeks LIST] [--parallel N] --sql TEXT
                                             one statement on every week of a family, each
                                             row with its week (and server)
  rows diff --db A --db B (--table T [--key C,...] | --kind K) [--values sql|text] [--limit N]
            [--format csv|jsonl --out FILE]  a table compared row by row between databases

  collect --server CONN --prefix P (--config FILE | --base-url URL --endpoint PATH... [--paged])
          [--once] [--duration S] [--token-env NAME]
                                             fetch a game's API into this reset's database
                                             (rate-limited, paged, retried); Ctrl+C: 130
  demo seed --db CONN [--events N] [--games N] [--snapshots N] [--seed K]
            [--shape spacetraders|paperdynasty|galaxy|marketland]
  layout show --db CONN [--json]             where the game's data lives (detected); the
                                             JSON is a layout file to edit

  games list --db CONN [--status S] [--league L] [--team ID] [--since D] [--until D]
             [--inconsistent] [--limit N] [--offset N]
  games rules [--for DATABASE | --scope S [--placed-runner-from N]
              [--designated-hitter yes|no|unstated] [--forget]]
                                             a league's rules (extra-inning runner, DH) per
                                             family or database, applied by replay and check
  replay --db CONN --game ID [--to N] [--box]   state after each play (JSON lines), play N,
                                             or the box score (batting, pitching lines)
  check --db CONN --game ID                  plays whose start does not follow the previous, and
                                             the games row fields that differ from the last play
  rollback (--db CONN | --set S) --game ID --to N --reason TEXT (--dry-run | --confirm SHORTID)
           [--keep-rolls] [--webhook URL] [--wait S]
                                             --set: on the shard that owns the game; --wait:
                                             wait up to S s for a busy game
  rollback undo --db CONN --id ROLLBACK_ID [--reason TEXT] [--webhook URL] [--wait S]

  metrics list --db CONN                     built-in metrics and materialized views
  metrics series --db CONN --metric M [--bucket 1m|1h|1d] [--since T] [--until T]
                 [--param K=V]... [--csv]    one metric over time (T: ISO 8601, UTC default)
  metrics compare --server CONN --prefix P --metric M [--weeks 2025-W01,2025-W02]
                  [--align reset|absolute] [--bucket B] [--param K=V]...
                                             the same metric over several weeks, in parallel
  metrics refresh --db CONN --view SCHEMA.NAME   refresh a materialized view (audited)
  metrics sql --db CONN --sql TEXT [--timeout-ms N] [--csv]
                                             one read-only SELECT returning (time, value[, series])

  events list --db CONN [--endpoint E]... [--status S] [--since T] [--until T]
              [--request-key TEXT] [--contains JSON] [--path JSONPATH] [--hash H]
              [--before-id ID] [--limit N]   events newest first, keyset-paged
  events show --db CONN --id ID              one event and its payload, as stored
  events diff --db CONN --id A --id B [--keyed]  changes and the RFC 6902 patch
  events history --db CONN --id ID [--by request-key|endpoint] [--limit N]
                                             distinct payloads over time
  events export --db CONN --format csv|jsonl --out FILE [--force] [filters]
                                             streamed; Ctrl+C removes the partial file
  events changes --db A --db B [--sample N | --all]
                                             how the API changed between two resets: counts,
                                             error rates, payload shapes per endpoint

  snapshots list --db CONN                   world snapshots by tick, size, age; recovery choice
  snapshots show --db CONN --tick T [--path P]   a state, or the value at P (/ships/0/fuel
                                             or ships.0.fuel)
  snapshots diff --db CONN --tick A --tick B [--positional]
                                             changes, arrays keyed by ship_id/name/id/symbol
  snapshots track --db CONN --path P         the value at P in every snapshot, by tick (P: JSON
                                             pointer, dotted, or SQL/JSON path '$.ships[*] ?
                                             (@.ship_id == "S1").fuel')
  snapshots config --db CONN                 Galaxy's game_config and the history its snapshot
                                             retention keeps
  snapshots maneuvers --db CONN [--ship UUID] [--keep N]   maneuver events per ship and
                                             what the game's 1,000-per-ship retention deletes
  player-events list --db CONN [--player ID] [--type T] [--since T] [--until T]
             [--limit N] [--after CURSOR] [--as-player ID]   per-player events, newest
                                             first, keyset-paged across month partitions
  player-events counts --db CONN (--player ID | --since T --until T) [--type T]
                                             events per type per UTC day
  activity sessions --server CONN [--db NAME] [--active] [--idle-in-transaction]
                                             who is connected, oldest transactions first
  activity locks --server CONN [--db NAME]   lock waits, who blocks whom, deadlocks
  activity cancel|terminate --server CONN (--pid N | --db NAME --all | --blocking PID)
                  [--confirm TEXT --reason TEXT]   stop sessions (never Statescope's own)
  activity statements --server CONN [--order total|mean|calls|rows] [--plan QUERYID]
                  [--reset --confirm DBNAME]   pg_stat_statements' top statements
  activity replication --server CONN         standbys, slots and lag; a formation's nodes and events
  activity pools --server CONN               PgBouncer's pools (dbname=pgbouncer console)
  activity health --server CONN [--db NAME]  sizes, growth per week, cache hits, xid age,
                                             dead tuples, findings against the thresholds
  activity bloat --server CONN --db NAME --table T   pgstattuple's dead and free space
  upkeep partitions --db CONN                tables partitioned by time: partitions, scheme
  upkeep create-partitions --db CONN --table T [--ahead N | --until DATE]
                  [--confirm DBNAME] [--reason TEXT]   the next partitions, in the scheme
  upkeep archive-partitions --db CONN --table T [--older-than-months N] [--partition P]...
                  [--backup-dir DIR] [--confirm DBNAME]   detach CONCURRENTLY, dump, check the
                                             dump in a scratch database, then drop
  upkeep archive-jobs --db CONN [--table T] [--days N] [--confirm DBNAME]
                                             completed jobs older than N days to <table>_archive
  upkeep autovacuum --db CONN [--table T --set NAME=VALUE... --reset NAME... --confirm DBNAME]
  upkeep reindex --db CONN [--index I --confirm DBNAME]   biggest indexes; REINDEX CONCURRENTLY
  upkeep cron --db CONN                      pg_cron jobs of this database and their last runs
  snapshots recovery --db CONN [--redis URL] what a Galaxy restart recovers from (snapshot or
                                             Redis, by the game's rule) and the values it uses
  snapshots prune --db CONN (--dry-run | --confirm DBNAME) [--rule game|newest-by-tick]
                  [--keep N] [--min-age-minutes M] [--reason TEXT]
                                             retention (default: the game's own, 100, 60 min)
  snapshots rollback --db CONN --to-tick T --confirm DBNAME --reason TEXT [--dry-run]
  snapshots undo --db CONN --id OP --confirm DBNAME [--reason TEXT]
  snapshots saves --db CONN [--player UUID] [--diff A --diff B] [--as-player UUID]
                                             cloud saves per player, checksums recomputed

  shard save --name S --member [VALUES:]CONN... [--rule EXPR] [--column C] [--slots N] [--resolve]
                                             a shard set: the databases that are one game's
                                             shards and the rule placing a row (default: the
                                             generated column shard_key; values from each
                                             shard's CHECK); overlaps and gaps are refused
  shard list | shard remove --set S          the saved sets
  shard check (--set S | --member ...)       rows in the wrong shard, per table (exit 1 if any)
  shard rows (--set S | --member ...) --table T [--where-col C --eq V]... [--sort C] [--desc]
             [--limit N] [--after CURSOR]    every shard's rows merged by key, with their shard;
                                             a filter on the rule's column reads one shard
  shard count ... --table T [--exact]        rows summed over the shards
  shard locate ... --table T --where-col C --eq V   the shard that owns that row
  shard sql ... --sql TEXT [--csv] [--parallel N]   a statement on each shard, rows with
                                             a shard column; a shard that does not answer is
                                             named and fails the command

Every command that reads a database takes --layout FILE: a layout file (docs/LAYOUTS.md)
that says where the game's data lives when detection alone cannot.
CONN is a libpq connection string ("host=db1 dbname=postgres"), a postgresql:// URI,
service=NAME, or a profile saved in the app (NAME, or NAME/DATABASE for one of its
databases); PG* variables and ~/.pgpass apply as in psql.
Exit status: 0 success, 1 failure, 2 bad usage or input, 130 cancelled.

  --allow OBJECT                             (any command, repeatable) run a function, view
                                             or foreign table the read guard would refuse for
                                             a superuser's session, named as the refusal names it
  --help                                     this text
  --version                                  the version (and git describe of the build)
  completion bash                            the shell completion script (installed for bash)

Statescope is free software under the GNU General Public License, version 3 or later.
)";


// A synopsis's first line: "  group [command] ...", its text up to the gap before the
// description (three spaces or more), and the lines that continue it (indented less than
// the descriptions' column).
constexpr int kDescriptionColumn = 40;

QString synopsisPart(const QString &line)
{
    const qsizetype gap = line.indexOf(QStringLiteral("   "), 2);
    return gap < 0 ? line : line.left(gap);
}

} // namespace

const char *usageText()
{
    return kUsage;
}

QString groupUsage(const QString &group)
{
    QStringList out;
    bool in = false;
    const QString head = QStringLiteral("  ") + group + QLatin1Char(' ');
    for (const QString &line : QString::fromUtf8(kUsage).split(QLatin1Char('\n'))) {
        if (line.startsWith(head) || line == QStringLiteral("  ") + group)
            in = true;
        else if (!line.startsWith(QStringLiteral("   ")))
            in = false;
        if (in)
            out << line;
    }
    return out.join(QLatin1Char('\n'));
}

QList<UsageCommand> commandTable()
{
    static const QRegularExpression word(QStringLiteral("^[a-z][a-z0-9-]*(\\|[a-z][a-z0-9-]*)*$"));
    static const QRegularExpression option(QStringLiteral("--[a-z][a-z0-9-]*"));
    static const QRegularExpression choice(
        QStringLiteral("(--[a-z][a-z0-9-]*) ([a-z0-9_-]+(?:\\|[a-z0-9_-]+)+)"));
    QList<UsageCommand> table;
    QList<qsizetype> open; // the entries the current synopsis fills
    const auto take = [&](const QList<qsizetype> &into, const QString &text) {
        for (const qsizetype i : into) {
            for (auto it = option.globalMatch(text); it.hasNext();)
                if (const QString o = it.next().captured(0); !table[i].options.contains(o))
                    table[i].options << o;
            for (auto it = choice.globalMatch(text); it.hasNext();) {
                const auto m = it.next();
                table[i].choices[m.captured(1)] = m.captured(2).split(QLatin1Char('|'));
            }
        }
    };
    static const QRegularExpression nonSpace(QStringLiteral("\\S"));
    for (const QString &line : QString::fromUtf8(kUsage).split(QLatin1Char('\n'))) {
        if (line.size() > 2 && line.startsWith(QStringLiteral("  ")) && line[2].isLower()) {
            // "shard list | shard remove --set S": an alternative that starts with the group
            // is a command of its own, with the options that follow it; any other
            // alternative ("--newest | --after P") belongs to the command before it.
            open.clear();
            QList<qsizetype> current;
            QString group;
            for (const QString &alt : synopsisPart(line).trimmed().split(QStringLiteral(" | "))) {
                const QStringList words = alt.split(QLatin1Char(' '), Qt::SkipEmptyParts);
                if (!current.isEmpty() && words.value(0) != group) {
                    take(current, alt);
                    continue;
                }
                group = words.value(0);
                const bool isCommand = words.size() > 1 && word.match(words[1]).hasMatch();
                current.clear();
                for (const QString &c : isCommand ? words[1].split(QLatin1Char('|')) : QStringList{QString()}) {
                    current << table.size();
                    table << UsageCommand{group, c, {}, {}};
                }
                open << current;
                take(current, words.mid(isCommand ? 2 : 1).join(QLatin1Char(' ')));
            }
        } else if (line.startsWith(QStringLiteral("   ")) && !open.isEmpty()) {
            if (line.indexOf(nonSpace) < kDescriptionColumn) // the synopsis goes on
                take(open, synopsisPart(line.mid(line.indexOf(nonSpace))));
        } else {
            open.clear();
        }
    }
    return table;
}

} // namespace statescope::cli
