// Schema compare on real databases: two weeks made by Statescope's migrations, with a
// difference planted in each kind of object in the second (a column added, a type changed,
// an index dropped, a trigger changed, a policy added, a partition added, a view, a
// function, a sequence, an enum, a grant, an extension). Each is found with the right kind
// and change; the script made from the two catalogs, run on the first, leaves nothing to
// tell them apart; a week compared with Statescope's own weekly schema (built in a scratch
// database) is the same; and the CLI twin.

#include "support/testhelpers.h"
#include "support/testserver.h"

#include "core/catalog/schemadiff.h"
#include "core/pg/connection.h"
#include "core/weekly/drift.h"
#include "core/weekly/serveradmin.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QScopeGuard>
#include <QSet>
#include <QTest>

using namespace statescope;
using namespace statescope::test;
using catalog::SchemaChange;
using catalog::SchemaDiff;
using catalog::SchemaSnapshot;

namespace {

// What both weeks have before the second is changed.
const char *kShared = R"(
CREATE TYPE public.ship_state AS ENUM ('docked', 'in_transit');
CREATE TABLE public.events_by_month (id bigint, at timestamptz NOT NULL, v int) PARTITION BY RANGE (at);
CREATE TABLE public.events_2025_01 PARTITION OF public.events_by_month
    FOR VALUES FROM ('2025-01-01') TO ('2025-02-01');
CREATE FUNCTION public.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER touch_events BEFORE INSERT ON raw.api_events FOR EACH ROW EXECUTE FUNCTION public.touch();
CREATE FUNCTION public.score(x int) RETURNS int LANGUAGE sql AS $$ SELECT x * 2 $$;
CREATE SEQUENCE public.tickets START 1;
CREATE VIEW public.recent AS SELECT id, endpoint FROM raw.api_events WHERE id > 10;
ALTER TABLE raw.api_events ENABLE ROW LEVEL SECURITY;
)";

// Planted in the second week only.
const char *kPlanted = R"(
ALTER TABLE raw.api_events ADD COLUMN region text DEFAULT 'eu';
ALTER TABLE raw.api_events ALTER COLUMN status_code TYPE bigint;
DROP INDEX raw.api_events_hash_idx;
DROP TRIGGER touch_events ON raw.api_events;
CREATE TRIGGER touch_events BEFORE INSERT OR UPDATE ON raw.api_events FOR EACH ROW EXECUTE FUNCTION public.touch();
CREATE POLICY players_only ON raw.api_events FOR SELECT USING (status_code < 500);
CREATE TABLE public.events_2025_02 PARTITION OF public.events_by_month
    FOR VALUES FROM ('2025-02-01') TO ('2025-03-01');
CREATE OR REPLACE VIEW public.recent AS SELECT id, endpoint FROM raw.api_events WHERE id > 20;
CREATE OR REPLACE FUNCTION public.score(x int) RETURNS int LANGUAGE sql AS $$ SELECT x * 3 $$;
ALTER SEQUENCE public.tickets INCREMENT BY 5;
ALTER TYPE public.ship_state ADD VALUE 'lost';
GRANT SELECT ON public.recent TO PUBLIC;
CREATE EXTENSION pgstattuple;
)";

// A table whose columns' order differs (ships) and one that is partitioned on one side only
// (events), with rows, an identity counter past its rows, a serial, a foreign key into it, a
// view and a materialized view reading it and a trigger that refuses every insert.
const char *kShipsA = R"(
CREATE TABLE public.ships (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, player_id int NOT NULL,
    name text NOT NULL, ticket serial, fuel int DEFAULT 100 CHECK (fuel >= 0));
CREATE TABLE public.events (id bigint, at date NOT NULL, what text);
)";
const char *kShipsB = R"(
CREATE TABLE public.ships (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL,
    fuel int DEFAULT 100 CHECK (fuel >= 0), player_id int NOT NULL, ticket serial);
CREATE TABLE public.events (id bigint, at date NOT NULL, what text) PARTITION BY RANGE (at);
CREATE TABLE public.events_2025 PARTITION OF public.events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE TABLE public.events_rest PARTITION OF public.events DEFAULT;
)";
const char *kShipsRows = R"(
INSERT INTO public.ships (player_id, name, fuel) SELECT i % 3, 'ship ' || i, i * 10 FROM generate_series(1, 5) i;
DELETE FROM public.ships WHERE id = 5;
CREATE TABLE public.cargo (ship_id bigint REFERENCES public.ships (id), item text);
INSERT INTO public.cargo VALUES (1, 'ore'), (4, 'fuel');
INSERT INTO public.events SELECT i, date '2024-12-30' + i, 'e' || i FROM generate_series(1, 6) i;
CREATE VIEW public.named AS SELECT id, name FROM public.ships;
CREATE MATERIALIZED VIEW public.fleet AS SELECT player_id, count(*) AS n FROM public.ships GROUP BY player_id;
CREATE FUNCTION public.refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'no new ships'; END $$;
CREATE TRIGGER ships_closed BEFORE INSERT ON public.ships FOR EACH ROW EXECUTE FUNCTION public.refuse();
)";

} // namespace

class TestSchemaCompare : public QObject
{
    Q_OBJECT

    QString m_a, m_b;

    SchemaSnapshot snapshot(const QString &db)
    {
        auto conn = pg::Connection::open(serverSettings().withDatabase(db), pg::Connection::Access::ReadOnly);
        return SchemaSnapshot::read(*conn);
    }

    static const SchemaChange *find(const SchemaDiff &d, const QString &key)
    {
        for (const SchemaChange &c : d.changes)
            if (c.object().key() == key)
                return &c;
        return nullptr;
    }

private slots:
    void initTestCase()
    {
        m_a = freshDatabase(QStringLiteral("sc_a")).database();
        m_b = freshDatabase(QStringLiteral("sc_b")).database();
        for (const QString &db : {m_a, m_b})
            test::connect(serverSettings().withDatabase(db))->execScript(QString::fromLatin1(kShared));
    }

    void cleanupTestCase()
    {
        dropDatabase(m_a);
        dropDatabase(m_b);
    }

    void twoWeeksMadeAlikeAreTheSame()
    {
        const SchemaSnapshot a = snapshot(m_a);
        const SchemaSnapshot b = snapshot(m_b);
        QVERIFY(a.objects.size() > 50);
        const SchemaDiff d = SchemaDiff::compare(a, b);
        QVERIFY2(d.changes.isEmpty(), qPrintable(d.changes.isEmpty() ? QString() : d.changes.first().object().key()));
        QCOMPARE(d.same, int(a.objects.size()));
        QCOMPARE(a.fingerprint(), b.fingerprint());
    }

    // A database whose own settings print times, dates, intervals and floats otherwise reads
    // the same: partition bounds in timestamptz, defaults with intervals and floats.
    void theDatabasesOwnSettingsChangeNothing()
    {
        const QString x = emptyDatabase(QStringLiteral("sc_set_a")).database();
        const QString y = emptyDatabase(QStringLiteral("sc_set_b")).database();
        {
            auto conn = test::connect(serverSettings());
            for (const char *setting : {"TimeZone = 'Asia/Tokyo'", "DateStyle = 'SQL, DMY'", "IntervalStyle = 'sql_standard'",
                                        "extra_float_digits = 0", "bytea_output = 'escape'"})
                conn->exec(QStringLiteral("ALTER DATABASE %1 SET %2").arg(y, QLatin1String(setting)));
        }
        const QString schema = QStringLiteral(
            "CREATE TABLE public.ev (at timestamptz NOT NULL, keep interval DEFAULT '1 day 02:00', w float8 DEFAULT 0.1,"
            " b bytea DEFAULT '\\x00ff') PARTITION BY RANGE (at);"
            "CREATE TABLE public.ev_1 PARTITION OF public.ev FOR VALUES FROM ('2025-01-01 00:00+00') TO ('2025-02-01 00:00+00');"
            "CREATE VIEW public.recent AS SELECT at FROM public.ev WHERE at > '2025-01-15 12:00+00'::timestamptz - interval '3 days';");
        for (const QString &db : {x, y})
            test::connect(serverSettings().withDatabase(db))->execScript(schema);
        const SchemaSnapshot a = snapshot(x), b = snapshot(y);
        const SchemaDiff d = SchemaDiff::compare(a, b);
        QVERIFY2(d.changes.isEmpty(), qPrintable(d.changes.isEmpty() ? QString() : d.changes.first().object().key() + QStringLiteral(": ") + d.changes.first().summary()));
        QCOMPARE(a.fingerprint(), b.fingerprint());
        dropDatabase(x);
        dropDatabase(y);
    }

    // Summaries say what changed in words, not in the catalog's codes.
    void summariesAreReadable()
    {
        catalog::SchemaObject from{catalog::SchemaObject::Kind::Column, QStringLiteral("public"), QStringLiteral("t"), QStringLiteral("id"), QStringLiteral("integer"), {}, QStringLiteral("public.t"),
                                   {{QStringLiteral("type"), QStringLiteral("integer")}, {QStringLiteral("identity"), QStringLiteral("a")}, {QStringLiteral("generated"), QString()}}};
        catalog::SchemaObject to = from;
        to.definition = QStringLiteral("bigint");
        to.attributes[QStringLiteral("identity")] = QStringLiteral("d");
        to.attributes[QStringLiteral("type")] = QStringLiteral("bigint");
        const SchemaChange c{SchemaChange::Type::Changed, from, to};
        QCOMPARE(c.summary(), QStringLiteral("identity always -> by default; type integer -> bigint"));
        to.attributes[QStringLiteral("generated")] = QStringLiteral("s");
        const SchemaChange generated{SchemaChange::Type::Changed, from, to};
        QVERIFY2(generated.summary().contains(QLatin1String("generated (none) -> stored")), qPrintable(generated.summary()));
        // Attributes only the first side has are said too; internal ones are not; a generated
        // column's expression is called one; an unset flag is "no".
        catalog::SchemaObject x = from, y = from;
        x.attributes = {{QStringLiteral("type"), QStringLiteral("integer")}, {QStringLiteral("type_storage"), QStringLiteral("PLAIN")},
                        {QStringLiteral("statistics"), QStringLiteral("500")}, {QStringLiteral("generated"), QStringLiteral("s")},
                        {QStringLiteral("default"), QStringLiteral("(c * 2)")}};
        y.attributes = {{QStringLiteral("type"), QStringLiteral("text")}, {QStringLiteral("type_storage"), QStringLiteral("EXTENDED")},
                        {QStringLiteral("storage"), QStringLiteral("MAIN")}, {QStringLiteral("generated"), QStringLiteral("s")},
                        {QStringLiteral("default"), QStringLiteral("(c * 3)")}, {QStringLiteral("inherited_only"), QStringLiteral("true")}};
        y.definition = QStringLiteral("text");
        const QString both = SchemaChange{SchemaChange::Type::Changed, x, y}.summary();
        QCOMPARE(both, QStringLiteral("expression (c * 2) -> (c * 3); only inherited no -> yes; statistics 500 -> default; "
                                      "storage default -> MAIN; type integer -> text"));
        x.attributes.remove(QStringLiteral("generated"));
        const QString plain = SchemaChange{SchemaChange::Type::Changed, x, y}.summary();
        QVERIFY2(plain.contains(QLatin1String("default (c * 2) -> expression (c * 3)")), qPrintable(plain));
    }

    void everyPlantedDifferenceIsFound()
    {
        test::connect(serverSettings().withDatabase(m_b))->execScript(QString::fromLatin1(kPlanted));
        const SchemaSnapshot a = snapshot(m_a);
        const SchemaSnapshot b = snapshot(m_b);
        QVERIFY(a.fingerprint() != b.fingerprint());
        const SchemaDiff d = SchemaDiff::compare(a, b);
        const QList<std::pair<QString, SchemaChange::Type>> expected = {
            {QStringLiteral("column raw.api_events.region"), SchemaChange::Type::Added},
            {QStringLiteral("column raw.api_events.status_code"), SchemaChange::Type::Changed},
            {QStringLiteral("index raw.api_events.api_events_hash_idx"), SchemaChange::Type::Removed},
            {QStringLiteral("trigger raw.api_events.touch_events"), SchemaChange::Type::Changed},
            {QStringLiteral("policy raw.api_events.players_only"), SchemaChange::Type::Added},
            {QStringLiteral("partition public.events_2025_02"), SchemaChange::Type::Added},
            {QStringLiteral("view public.recent"), SchemaChange::Type::Changed},
            {QStringLiteral("function public.score(x integer)"), SchemaChange::Type::Changed},
            {QStringLiteral("sequence public.tickets"), SchemaChange::Type::Changed},
            {QStringLiteral("type public.ship_state"), SchemaChange::Type::Changed},
            {QStringLiteral("grant public.recent.SELECT to PUBLIC"), SchemaChange::Type::Added},
            {QStringLiteral("extension pgstattuple"), SchemaChange::Type::Added},
        };
        for (const auto &[key, type] : expected) {
            const SchemaChange *c = find(d, key);
            QVERIFY2(c, qPrintable(key + QStringLiteral(" not found")));
            QVERIFY2(c->type == type, qPrintable(key + QStringLiteral(": ") + SchemaChange::typeName(c->type)));
        }
        // Exactly these (the extension brings nothing of its own into the list).
        QCOMPARE(d.changes.size(), expected.size());
        const SchemaChange *type = find(d, QStringLiteral("column raw.api_events.status_code"));
        QVERIFY2(type->summary().contains(QLatin1String("integer -> bigint")), qPrintable(type->summary()));
        // Side by side: the changed lines are marked.
        const SchemaChange *trigger = find(d, QStringLiteral("trigger raw.api_events.touch_events"));
        int marked = 0;
        for (const catalog::DiffLine &l : catalog::diffLines(trigger->from->ddl, trigger->to->ddl))
            marked += l.side != catalog::DiffLine::Side::Both;
        QVERIFY(marked >= 2);
    }

    void theScriptBringsOneToTheOther()
    {
        const SchemaDiff d = SchemaDiff::compare(snapshot(m_a), snapshot(m_b));
        const QString script = d.script();
        QVERIFY(script.contains(QLatin1String("ALTER TABLE raw.api_events ADD COLUMN region")));
        // Run on the first, by hand as a person would: then nothing tells them apart but the
        // enum's order and what cannot change in place (none here).
        test::connect(serverSettings().withDatabase(m_a))->execScript(script);
        const SchemaDiff after = SchemaDiff::compare(snapshot(m_a), snapshot(m_b));
        QVERIFY2(after.changes.isEmpty(),
                 qPrintable(after.changes.isEmpty() ? QString() : after.changes.first().object().key() + QStringLiteral(": ") + after.changes.first().summary()));
    }

    // What cannot change in place is made again with every row: the script run on one side
    // leaves no difference, and the rows, counters and what reads them are all there.
    void aTableMadeAgainKeepsEveryRow()
    {
        const QString rowsSql = QStringLiteral(
            "SELECT (SELECT string_agg(concat_ws(':', id, player_id, name, ticket, fuel), ',' ORDER BY id) FROM public.ships)"
            " || '|' || (SELECT string_agg(concat_ws(':', id, at, what), ',' ORDER BY id) FROM public.events)"
            " || '|' || (SELECT string_agg(concat_ws(':', ship_id, item), ',' ORDER BY item) FROM public.cargo)"
            " || '|' || (SELECT string_agg(concat_ws(':', player_id, n), ',' ORDER BY player_id) FROM public.fleet)"
            " || '|' || pg_sequence_last_value(pg_get_serial_sequence('public.ships', 'id'))"
            " || '|' || pg_sequence_last_value(pg_get_serial_sequence('public.ships', 'ticket'))");
        for (const bool forward : {true, false}) {
            const QString from = freshDatabase(QStringLiteral("rb_from")).database(), to = freshDatabase(QStringLiteral("rb_to")).database();
            auto a = test::connect(serverSettings().withDatabase(from));
            a->execScript(QString::fromLatin1(forward ? kShipsA : kShipsB) + QString::fromLatin1(kShipsRows));
            test::connect(serverSettings().withDatabase(to))->execScript(QString::fromLatin1(forward ? kShipsB : kShipsA) + QString::fromLatin1(kShipsRows));
            const QString before = a->exec(rowsSql).value(0, 0);
            QVERIFY(before.contains(QLatin1String("|5|5"))); // four ships left, counters at five

            const QString script = SchemaDiff::compare(snapshot(from), snapshot(to)).script();
            QVERIFY2(!script.contains(QLatin1String("NOT DONE")), qPrintable(script));
            QVERIFY2(script.contains(QLatin1String("CREATE TEMPORARY TABLE statescope_keep_")), qPrintable(script));
            a->execScript(script);

            const SchemaDiff after = SchemaDiff::compare(snapshot(from), snapshot(to));
            QVERIFY2(after.changes.isEmpty(), qPrintable(script + (after.changes.isEmpty() ? QString() : after.changes.first().object().key() + QStringLiteral(": ") + after.changes.first().summary())));
            QCOMPARE(a->exec(rowsSql).value(0, 0), before);
            QCOMPARE(scalar(*a, QStringLiteral("SELECT count(*) FROM ONLY public.events")), forward ? 0 : 6); // in its partitions
            QVERIFY(errorOf([&] { a->exec(QStringLiteral("INSERT INTO public.ships (player_id, name) VALUES (1, 'late')")); }));
            a.reset();
            dropDatabase(from);
            dropDatabase(to);
        }
    }

    void aWeekComparedWithStatescopesOwnSchema()
    {
        // The scratch database goes in the test server (the sandbox the CLI would start).
        qputenv("STATESCOPE_SANDBOX_DIR", sandboxDir().toLocal8Bit());
        const QString fresh = freshDatabase(QStringLiteral("sc_fresh")).database();
        const SchemaSnapshot mine = weekly::migrationsSchema();
        const SchemaDiff d = SchemaDiff::compare(snapshot(fresh), mine);
        QVERIFY2(d.changes.isEmpty(), qPrintable(d.changes.isEmpty() ? QString() : d.changes.first().object().key()));
        dropDatabase(fresh);
        const CliRun run = runCli({QStringLiteral("db"), QStringLiteral("diff"), QStringLiteral("--db"),
                                   serverSettings().withDatabase(m_b).storableString(), QStringLiteral("--migrations"),
                                   QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        QVERIFY(run.json().object().value(QStringLiteral("removed")).toInt() > 0); // what m_b has of its own
    }

    // Owners: compared as their own kind, left out on request, given by the script; and a
    // script a login may not run is said before it is written.
    void ownersAreTheirOwnDifference()
    {
        const QString game = test::uniqueName(QStringLiteral("sc_game")), runner = test::uniqueName(QStringLiteral("sc_runner"));
        auto admin = test::connect(serverSettings());
        admin->execScript(QStringLiteral("CREATE ROLE %1; CREATE ROLE %2 LOGIN").arg(game, runner));
        const QString a = emptyDatabase(QStringLiteral("sc_own_a")).database();
        const QString b = emptyDatabase(QStringLiteral("sc_own_b")).database();
        const auto cleanup = qScopeGuard([&] {
            dropDatabase(a);
            dropDatabase(b);
            test::connect(serverSettings())->execScript(QStringLiteral("DROP ROLE %1; DROP ROLE %2").arg(game, runner));
        });
        const QString shared = QStringLiteral("CREATE TABLE public.ships (id serial PRIMARY KEY, fuel int);"
                                              "CREATE VIEW public.fueled AS SELECT id FROM public.ships WHERE fuel > 0;");
        test::connect(serverSettings().withDatabase(a))->execScript(shared);
        test::connect(serverSettings().withDatabase(b))
            ->execScript(shared + QStringLiteral("ALTER TABLE public.ships OWNER TO %1; ALTER VIEW public.fueled OWNER TO %1;"
                                                 "CREATE FUNCTION public.fuel_of(int) RETURNS int LANGUAGE sql AS 'SELECT 1';"
                                                 "ALTER FUNCTION public.fuel_of(int) OWNER TO %1;")
                                          .arg(game));
        const QString me = admin->exec(QStringLiteral("SELECT quote_ident(current_user)")).value(0, 0);
        QStringList both{me, game};
        both.sort();
        const SchemaDiff d = SchemaDiff::compare(snapshot(a), snapshot(b));
        const SchemaChange *table = find(d, QStringLiteral("owner table public.ships"));
        QVERIFY(table);
        QCOMPARE(table->type, SchemaChange::Type::Changed);
        QCOMPARE(table->summary(), QStringLiteral("%1 -> %2").arg(me, game));
        QVERIFY(find(d, QStringLiteral("owner view public.fueled")));
        // The function is new: its owner is part of it, not a change of its own, and the script gives it.
        QVERIFY(find(d, QStringLiteral("function public.fuel_of(integer)")));
        QVERIFY(!find(d, QStringLiteral("owner function public.fuel_of(integer)")));
        QStringList roles;
        const QString script = d.script(&roles);
        QCOMPARE(roles, both);
        QVERIFY(script.contains(QStringLiteral("ALTER TABLE public.ships OWNER TO %1;").arg(game)));
        QVERIFY(script.contains(QStringLiteral("ALTER FUNCTION public.fuel_of(integer) OWNER TO %1;").arg(game)));
        QVERIFY2(script.contains(QStringLiteral("member of\n-- each of: %1.").arg(both.join(QStringLiteral(", ")))), qPrintable(script));
        QVERIFY2(!script.contains(QStringLiteral("ALTER SEQUENCE")), qPrintable(script)); // the serial's goes with its table

        // Left out: the same schema.
        SchemaSnapshot sa = snapshot(a);
        sa.leaveOwnersOut();
        const SchemaDiff without = SchemaDiff::compare(sa, snapshot(b));
        QVERIFY(find(without, QStringLiteral("function public.fuel_of(integer)")));
        for (const SchemaChange &c : without.changes) // the function, and who may run it
            QVERIFY2(c.object().kind == catalog::SchemaObject::Kind::Function || c.object().kind == catalog::SchemaObject::Kind::Grant,
                     qPrintable(c.object().key()));
        QVERIFY(!without.script().contains(QStringLiteral("OWNER TO")));

        // The CLI twin: the kind in JSON, --ignore-owners, and the warning before the script.
        const QString ca = serverSettings().withDatabase(a).storableString();
        const QString cb = serverSettings().withDatabase(b).storableString();
        const CliRun json = runCli({QStringLiteral("db"), QStringLiteral("diff"), QStringLiteral("--db"), ca,
                                    QStringLiteral("--db"), cb, QStringLiteral("--json")});
        QVERIFY2(json.exitCode == 0, qPrintable(json.describe()));
        QStringList owners;
        for (const QJsonValue &c : json.json().object().value(QStringLiteral("changes")).toArray())
            if (c.toObject().value(QStringLiteral("kind")).toString() == QLatin1String("owner"))
                owners << c.toObject().value(QStringLiteral("key")).toString() + QLatin1Char(' ')
                              + c.toObject().value(QStringLiteral("summary")).toString();
        QCOMPARE(owners, QStringList({QStringLiteral("owner table public.ships %1 -> %2").arg(me, game),
                                      QStringLiteral("owner view public.fueled %1 -> %2").arg(me, game)}));
        const CliRun ignored = runCli({QStringLiteral("db"), QStringLiteral("diff"), QStringLiteral("--db"), ca,
                                       QStringLiteral("--db"), cb, QStringLiteral("--ignore-owners"), QStringLiteral("--json")});
        QVERIFY2(ignored.exitCode == 0, qPrintable(ignored.describe()));
        QCOMPARE(ignored.json().object().value(QStringLiteral("changed")).toInt(), 0);
        QCOMPARE(ignored.json().object().value(QStringLiteral("owners_compared")).toBool(), false);
        const CliRun text = runCli({QStringLiteral("db"), QStringLiteral("diff"), QStringLiteral("--db"), ca,
                                    QStringLiteral("--db"), cb});
        QVERIFY2(text.out.contains(QStringLiteral("~ owner table public.ships: %1 -> %2").arg(me, game).toUtf8()), qPrintable(text.describe()));
        // As the superuser: no warning.
        const CliRun asAdmin = runCli({QStringLiteral("db"), QStringLiteral("diff"), QStringLiteral("--db"), ca,
                                       QStringLiteral("--db"), cb, QStringLiteral("--sql")});
        QVERIFY2(asAdmin.exitCode == 0 && !asAdmin.err.contains("warning"), qPrintable(asAdmin.describe()));
        // As a login that is neither a superuser nor a member of the roles: said first.
        pg::ConnectionSettings other = serverSettings().withDatabase(a);
        other.setValue(QStringLiteral("user"), runner);
        const CliRun asRunner = runCli({QStringLiteral("db"), QStringLiteral("diff"), QStringLiteral("--db"),
                                        other.storableString(), QStringLiteral("--db"), cb, QStringLiteral("--sql")});
        QVERIFY2(asRunner.exitCode == 0, qPrintable(asRunner.describe()));
        QVERIFY2(asRunner.err.contains(QStringLiteral("%1 (not a member)").arg(game).toUtf8()), qPrintable(asRunner.describe()));
        QVERIFY2(asRunner.out.startsWith("-- WARNING: "), qPrintable(asRunner.describe()));
        // Made a member of both: nothing to say.
        admin->exec(QStringLiteral("GRANT %1, %2 TO %3").arg(game, me, runner));
        const CliRun member = runCli({QStringLiteral("db"), QStringLiteral("diff"), QStringLiteral("--db"),
                                      other.storableString(), QStringLiteral("--db"), cb, QStringLiteral("--sql")});
        admin->exec(QStringLiteral("REVOKE %1, %2 FROM %3").arg(game, me, runner));
        QVERIFY2(member.exitCode == 0 && !member.err.contains("warning"), qPrintable(member.describe()));
    }

    // Owners left out, a serial added to a table another role owns still gets its sequence
    // that role first: OWNED BY wants the two alike.
    void aNewSerialOnAnotherRolesTableWithOwnersLeftOut()
    {
        const QString game = test::uniqueName(QStringLiteral("sc_svc"));
        test::connect(serverSettings())->exec(QStringLiteral("CREATE ROLE %1").arg(game));
        const QString a = emptyDatabase(QStringLiteral("sc_ser_a")).database();
        const QString b = emptyDatabase(QStringLiteral("sc_ser_b")).database();
        const auto cleanup = qScopeGuard([&] {
            dropDatabase(a);
            dropDatabase(b);
            test::connect(serverSettings())->exec(QStringLiteral("DROP ROLE %1").arg(game));
        });
        test::connect(serverSettings().withDatabase(a))
            ->execScript(QStringLiteral("CREATE TABLE public.waypoints (symbol text PRIMARY KEY);"
                                        "INSERT INTO public.waypoints VALUES ('X1-A1'), ('X1-B2');"
                                        "ALTER TABLE public.waypoints OWNER TO %1;").arg(game));
        test::connect(serverSettings().withDatabase(b))
            ->execScript(QStringLiteral("CREATE TABLE public.waypoints (symbol text PRIMARY KEY, visit serial NOT NULL);"));
        SchemaSnapshot from = snapshot(a), to = snapshot(b);
        from.leaveOwnersOut();
        to.leaveOwnersOut();
        QStringList roles;
        const QString script = SchemaDiff::compare(from, to).script(&roles);
        const qsizetype given = script.indexOf(QStringLiteral("ALTER SEQUENCE public.waypoints_visit_seq OWNER TO %1;").arg(game));
        QVERIFY2(given > 0 && given < script.indexOf(QStringLiteral("OWNED BY public.waypoints.visit")), qPrintable(script));
        QCOMPARE(roles, QStringList{game});
        test::connect(serverSettings().withDatabase(a))->execScript(script);
        SchemaSnapshot after = snapshot(a);
        after.leaveOwnersOut();
        const SchemaDiff left = SchemaDiff::compare(after, to);
        QVERIFY2(left.changes.isEmpty(), qPrintable(left.changes.isEmpty() ? QString() : left.changes.first().object().key()));
        QCOMPARE(test::scalar(*test::connect(serverSettings().withDatabase(a)), QStringLiteral("SELECT count(DISTINCT visit) FROM public.waypoints")), 2);
    }

    void theCliTwin()
    {
        const QString a = serverSettings().withDatabase(m_a).storableString();
        const QString b = serverSettings().withDatabase(m_b).storableString();
        test::connect(serverSettings().withDatabase(m_b))->exec(QStringLiteral("CREATE INDEX late_idx ON raw.api_events (endpoint, id)"));
        const CliRun json = runCli({QStringLiteral("db"), QStringLiteral("diff"), QStringLiteral("--db"), a,
                                    QStringLiteral("--db"), b, QStringLiteral("--json")});
        QVERIFY2(json.exitCode == 0, qPrintable(json.describe()));
        const QJsonObject o = json.json().object();
        QCOMPARE(o.value(QStringLiteral("added")).toInt(), 1);
        QCOMPARE(o.value(QStringLiteral("changes")).toArray().first().toObject().value(QStringLiteral("key")).toString(),
                 QStringLiteral("index raw.api_events.late_idx"));
        const CliRun sql = runCli({QStringLiteral("db"), QStringLiteral("diff"), QStringLiteral("--db"), a,
                                   QStringLiteral("--db"), b, QStringLiteral("--sql")});
        QVERIFY(sql.out.contains("CREATE INDEX late_idx ON raw.api_events"));
        QCOMPARE(runCli({QStringLiteral("db"), QStringLiteral("diff"), QStringLiteral("--db"), a}).exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestSchemaCompare)
#include "tst_schema_compare.moc"
