// The one catalog reader (core/catalog/catalog.h) against the readers it replaced, kept frozen
// in catalog_legacy.cpp as the oracle: on the four games' own shapes, on a week Statescope's
// migrations made and on a database holding every kind of object the readers know (enums,
// domains, identity and generated columns, collations, partitions nested, foreign and by
// list, inheritance, policies reading settings, triggers, views, functions, grants, an
// extension's objects), detection's catalog, detection itself and the schema snapshot that
// `db diff` and drift compare are the same as before, field by field. The differences that
// are meant are asserted as such: a column of a user type names its schema, and a function
// nobody revoked from shows PUBLIC's EXECUTE. And in a caller's transaction the reader leaves
// the caller's settings and writability as they were.
#include "integration/catalog_legacy.h"
#include "support/testhelpers.h"
#include "support/testserver.h"

#include "core/catalog/catalog.h"
#include "core/catalog/schemadiff.h"
#include "core/catalog/schemasnapshot.h"
#include "core/demo/shapes.h"
#include "core/layout/catalog.h"
#include "core/pg/connection.h"

#include <QRegularExpression>
#include <QTest>

using namespace statescope;
using namespace statescope::test;

namespace {

// Every kind of object both readers know, in two schemas, with an extension's objects beside.
const char *kZoo =
    "CREATE EXTENSION pgstattuple;"
    "CREATE EXTENSION postgres_fdw;"
    "CREATE SERVER \"Shard B\" FOREIGN DATA WRAPPER postgres_fdw OPTIONS (dbname 'nowhere');"
    "CREATE SCHEMA game;"
    "CREATE SCHEMA \"Odd Schema\";"
    "CREATE COLLATION game.ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false);"
    "CREATE TYPE game.ship_state AS ENUM ('docked', 'in''transit', 'lost');"
    "CREATE DOMAIN game.credits AS bigint DEFAULT 0 NOT NULL CONSTRAINT credits_positive CHECK (VALUE >= 0);"
    "CREATE SEQUENCE game.tickets AS integer INCREMENT BY 5 START 10 CACHE 3 CYCLE;"
    "CREATE TABLE game.ships (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
    "  symbol text COLLATE game.ci NOT NULL UNIQUE, state game.ship_state NOT NULL DEFAULT 'docked',"
    "  fuel int, fuel_half int GENERATED ALWAYS AS (fuel / 2) STORED, owner_id uuid,"
    "  cargo jsonb, credits game.credits, ticket int DEFAULT nextval('game.tickets'),"
    "  CONSTRAINT fuel_ok CHECK (fuel >= 0)) WITH (fillfactor = 70);"
    "ALTER SEQUENCE game.tickets OWNED BY game.ships.ticket;"
    "CREATE INDEX ships_cargo ON game.ships USING gin (cargo);"
    "CREATE INDEX ships_lower ON game.ships (lower(symbol)) WHERE fuel > 0;"
    "CREATE TABLE game.crew (ship_id bigint REFERENCES game.ships (id) ON DELETE CASCADE, name text,"
    "  PRIMARY KEY (ship_id, name)) ;"
    "CREATE UNLOGGED TABLE game.scratch (k text);"
    "CREATE TABLE game.base_log (id bigserial, at timestamptz NOT NULL DEFAULT now(), what text);"
    "CREATE TABLE game.base_log_2025 (note text) INHERITS (game.base_log);"
    "CREATE TABLE game.events (id bigint NOT NULL, at timestamptz NOT NULL, player text NOT NULL, payload jsonb,"
    "  PRIMARY KEY (id, at, player)) PARTITION BY RANGE (at);"
    "CREATE TABLE game.events_2025_01 PARTITION OF game.events FOR VALUES FROM ('2025-01-01 00:00+00') TO ('2025-02-01 00:00+00');"
    "CREATE TABLE game.events_2025_02 PARTITION OF game.events FOR VALUES FROM ('2025-02-01 00:00+00') TO ('2025-03-01 00:00+00')"
    "  PARTITION BY LIST (player);"
    "CREATE TABLE game.events_2025_02_ab PARTITION OF game.events_2025_02 FOR VALUES IN ('a', 'b');"
    "CREATE TABLE game.events_2025_02_rest PARTITION OF game.events_2025_02 DEFAULT;"
    "CREATE TABLE game.archive (id bigint, at timestamptz, what text) PARTITION BY RANGE (at);"
    "CREATE TABLE game.archive_2025 PARTITION OF game.archive FOR VALUES FROM ('2025-01-01 00:00+00') TO (MAXVALUE);"
    "CREATE FOREIGN TABLE game.archive_2024 PARTITION OF game.archive"
    "  FOR VALUES FROM ('2024-01-01 00:00+00') TO ('2025-01-01 00:00+00') SERVER \"Shard B\";"
    "CREATE INDEX events_player ON game.events (player, at DESC);"
    "CREATE TABLE \"Odd Schema\".\"Mixed Case\" (\"Key\" int PRIMARY KEY, \"select\" text, t tstzrange,"
    "  EXCLUDE USING gist (t WITH &&));"
    "INSERT INTO game.ships (symbol, fuel) SELECT 'S-' || g, g FROM generate_series(1, 300) g;"
    "INSERT INTO game.events SELECT g, '2025-01-01'::timestamptz + g * interval '3 hours', 'a', '{}'"
    "  FROM generate_series(1, 400) g;"
    "ANALYZE game.ships, game.events, game.crew;"
    "ALTER TABLE game.ships ENABLE ROW LEVEL SECURITY;"
    "ALTER TABLE game.ships FORCE ROW LEVEL SECURITY;"
    "CREATE POLICY own_ships ON game.ships FOR SELECT USING (owner_id = current_setting('app.player_id')::uuid);"
    "CREATE POLICY admin_ships ON game.ships AS RESTRICTIVE FOR UPDATE TO PUBLIC"
    "  USING (current_setting('app.role', true) = 'admin') WITH CHECK (fuel < 1000);"
    "ALTER TABLE game.events ENABLE ROW LEVEL SECURITY;"
    "CREATE POLICY by_player ON game.events USING (player = current_setting('app.player_id'));"
    "CREATE FUNCTION game.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;"
    "CREATE TRIGGER ships_touch BEFORE UPDATE ON game.ships FOR EACH ROW EXECUTE FUNCTION game.touch();"
    "CREATE TRIGGER events_touch BEFORE INSERT ON game.events FOR EACH ROW EXECUTE FUNCTION game.touch();"
    "ALTER TABLE game.ships DISABLE TRIGGER ships_touch;"
    "CREATE FUNCTION game.score(x int, y text DEFAULT 'a') RETURNS int LANGUAGE sql AS $$ SELECT x * 2 $$;"
    "CREATE FUNCTION game.secret() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;"
    "REVOKE EXECUTE ON FUNCTION game.secret() FROM PUBLIC;"
    "CREATE PROCEDURE game.reset_fuel() LANGUAGE sql AS $$ UPDATE game.ships SET fuel = 0 $$;"
    "CREATE VIEW game.docked AS SELECT id, symbol FROM game.ships WHERE state = 'docked';"
    "CREATE MATERIALIZED VIEW game.fuel_by_state AS SELECT state, sum(fuel) AS fuel FROM game.ships GROUP BY state;"
    "CREATE UNIQUE INDEX fuel_by_state_key ON game.fuel_by_state (state);"
    "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'catalog_reader_role') THEN"
    "  CREATE ROLE catalog_reader_role; END IF; END $$;"
    "GRANT USAGE ON SCHEMA game TO catalog_reader_role;"
    "GRANT SELECT, UPDATE ON game.ships TO catalog_reader_role WITH GRANT OPTION;"
    "GRANT SELECT ON game.docked TO PUBLIC;"
    "GRANT USAGE ON SEQUENCE game.tickets TO catalog_reader_role;"
    "GRANT EXECUTE ON FUNCTION game.secret() TO catalog_reader_role;";

QStringList made;

// Detection's catalog in one line a table: every field the detection and the schema tree read.
QStringList describe(const QList<layout::CatalogTable> &tables)
{
    QStringList out;
    for (const layout::CatalogTable &t : tables) {
        QStringList parts{QString::number(t.oid), t.schema, t.name, QString(QLatin1Char(t.relkind)),
                          t.rowSecurity ? QStringLiteral("rls") : QStringLiteral("-"),
                          QString::number(t.partitions), QString::number(t.estimatedRows, 'g', 12),
                          QString::number(t.sizeBytes), t.primaryKey.join(QLatin1Char(','))};
        QStringList settings = t.rlsSettings;
        settings.sort();
        parts << settings.join(QLatin1Char(','));
        for (const layout::Column &c : t.columns)
            parts << QStringLiteral("col %1 %2 %3 %4 %5")
                         .arg(c.name, c.type)
                         .arg(int(c.typeClass))
                         .arg(c.isEnum)
                         .arg(c.notNull);
        for (const layout::IndexDef &x : t.indexDefs)
            parts << QStringLiteral("idx %1 (%2) %3%4%5%6%7")
                         .arg(x.name, x.columns.join(QLatin1Char(',')))
                         .arg(x.primary)
                         .arg(x.unique)
                         .arg(x.partial)
                         .arg(x.expression)
                         .arg(x.valid);
        for (const QStringList &keys : t.indexes)
            parts << QStringLiteral("keys ") + keys.join(QLatin1Char(','));
        for (const layout::Partition &p : t.partitionList)
            parts << QStringLiteral("part %1 %2 %3 %4 %5 %6")
                         .arg(p.name, p.bounds, QString::number(p.estimatedRows, 'g', 12))
                         .arg(p.sizeBytes)
                         .arg(p.foreign)
                         .arg(p.server);
        out << parts.join(QStringLiteral(" | "));
    }
    return out;
}

// The snapshot as key -> everything an object carries.
// Each object as one text; with `only`, of its attributes only those the other reader has
// (the new one says more of some objects: a table's parents and column order, a column's
// inheritance, a function's result, a view's options; those are checked on their own).
QMap<QString, QString> objectsOf(const catalog::SchemaSnapshot &s, const catalog::SchemaSnapshot *only = nullptr)
{
    QHash<QString, QSet<QString>> names;
    if (only)
        for (const catalog::SchemaObject &o : only->objects)
            for (auto it = o.attributes.cbegin(); it != o.attributes.cend(); ++it)
                names[o.key()].insert(it.key());
    QMap<QString, QString> out;
    for (const catalog::SchemaObject &o : s.objects) {
        QStringList attrs;
        for (auto it = o.attributes.cbegin(); it != o.attributes.cend(); ++it)
            if (!only || names.value(o.key()).contains(it.key()))
                attrs << it.key() + QLatin1Char('=') + it.value();
        const QString key = o.key();
        QString definition = o.definition, ddl = o.ddl;
        if (only) { // what the new reader says of inheritance
            static const QRegularExpression inherits(QStringLiteral(" INHERITS \\([^)]*\\)"));
            definition.remove(inherits);
            ddl.remove(inherits);
            static const QRegularExpression identity(QStringLiteral("(AS IDENTITY) \\([^)]*\\)"));
            definition.replace(identity, QStringLiteral("\\1"));
            ddl.replace(identity, QStringLiteral("\\1"));
            if (definition.endsWith(QLatin1String(" (inherited)")))
                definition.chop(12);
            if (o.kind == catalog::SchemaObject::Kind::Partition && definition.contains(QLatin1String(" PARTITION BY "))) {
                definition.truncate(definition.indexOf(QLatin1String(" PARTITION BY ")));
                ddl.truncate(ddl.indexOf(QLatin1String(" PARTITION BY ")));
                ddl += QLatin1Char(';');
            }
        }
        if (out.contains(key))
            QTest::qFail(qPrintable(QStringLiteral("two objects are %1").arg(key)), __FILE__, __LINE__);
        out.insert(key, QStringList{definition, ddl, o.qualified, attrs.join(QLatin1Char(';'))}.join(QLatin1Char('\n')));
    }
    return out;
}

// The old detection reader, run under the settings the new one pins (search_path empty) so
// the comparison is of what was read, not of how the session prints it.
QList<layout::CatalogTable> legacyDetection(pg::Connection &conn, bool withStatescope)
{
    return conn.transaction([&] {
        conn.exec(QStringLiteral("SELECT set_config('search_path', '', true)"));
        return legacy::readCatalog(conn, withStatescope);
    });
}

void compareLines(const QStringList &was, const QStringList &is, const QString &what)
{
    for (qsizetype i = 0; i < std::max(was.size(), is.size()); ++i) {
        const QString a = i < was.size() ? was.at(i) : QStringLiteral("(none)");
        const QString b = i < is.size() ? is.at(i) : QStringLiteral("(none)");
        QVERIFY2(a == b, qPrintable(QStringLiteral("%1, line %2:\nbefore: %3\nnow:    %4").arg(what).arg(i).arg(a, b)));
    }
}

} // namespace

class TestCatalogReader : public QObject
{
    Q_OBJECT

    pg::ConnectionSettings m_zoo;
    QList<pg::ConnectionSettings> m_databases;

    // Old and new agree on detection's catalog and on the snapshot, but for the differences
    // that are meant; the objects only the new reader lists go to `added`.
    void agree(const pg::ConnectionSettings &db, QStringList *added = nullptr)
    {
        auto conn = test::connect(db);
        const QString name = db.database();
        for (bool withStatescope : {false, true}) {
            const QStringList was = describe(legacyDetection(*conn, withStatescope));
            const QStringList is = describe(layout::readCatalog(*conn, withStatescope));
            compareLines(was, is, name + QStringLiteral(": detection's catalog"));
            if (QTest::currentTestFailed())
                return;
        }
        // Detection itself, from either catalog.
        const auto oldLayout = layout::detectIn(*conn, legacyDetection(*conn, false)).toJson().dump();
        const auto newLayout = layout::detectIn(*conn, layout::readCatalog(*conn)).toJson().dump();
        QCOMPARE(QString::fromStdString(newLayout), QString::fromStdString(oldLayout));

        const catalog::SchemaSnapshot legacySnapshot = legacy::readSnapshot(*conn);
        const QMap<QString, QString> was = objectsOf(legacySnapshot);
        const QMap<QString, QString> is = objectsOf(catalog::SchemaSnapshot::read(*conn), &legacySnapshot);
        QSet<QString> inheriting; // a child's statement holds only its own columns now
        for (const catalog::SchemaObject &o : catalog::SchemaSnapshot::read(*conn).objects)
            if (!o.attributes.value(QStringLiteral("inherits")).isEmpty())
                inheriting.insert(o.key());
        for (auto it = was.cbegin(); it != was.cend(); ++it) {
            QVERIFY2(is.contains(it.key()), qPrintable(name + QStringLiteral(": lost ") + it.key()));
            if (inheriting.contains(it.key())) {
                QCOMPARE(is.value(it.key()).section(QLatin1Char('\n'), 0, 0), it.value().section(QLatin1Char('\n'), 0, 0));
                continue;
            }
            QVERIFY2(is.value(it.key()) == it.value(),
                     qPrintable(QStringLiteral("%1: %2\nbefore: %3\nnow:    %4").arg(name, it.key(), it.value(), is.value(it.key()))));
        }
        for (auto it = is.cbegin(); it != is.cend(); ++it)
            if (!was.contains(it.key())) {
                // Owners, new objects of their own: each of an object both read.
                if (it.key().startsWith(QStringLiteral("owner "))) {
                    const QString of = it.key().mid(6);
                    QVERIFY2(is.contains(of) && (was.contains(of) || of.startsWith(QStringLiteral("collation "))
                                                 || of.startsWith(QStringLiteral("server "))),
                             qPrintable(name + QStringLiteral(": owner of nothing read: ") + it.key()));
                    continue;
                }
                // Meant: the defaults of a function nobody revoked from, expanded.
                // And collations, now objects of their own.
                QVERIFY2((it.key().startsWith(QStringLiteral("grant ")) && it.key().endsWith(QStringLiteral(".EXECUTE to PUBLIC")))
                             || it.key().startsWith(QStringLiteral("collation ")) || it.key().startsWith(QStringLiteral("server "))
                             || it.key().startsWith(QStringLiteral("user mapping ")),
                         qPrintable(name + QStringLiteral(": new ") + it.key()));
                if (added)
                    *added << it.key();
            }
    }

private slots:
    void initTestCase()
    {
        m_zoo = emptyDatabase(QStringLiteral("catalog_zoo"));
        made << m_zoo.database();
        {
            auto zoo = test::connect(m_zoo);
            zoo->execScript(QString::fromLatin1(kZoo));
            // A value kept out of line, and VACUUM to count its pages: a table's size holds its
            // TOAST table's pages, read apart from the table's own.
            zoo->exec(QStringLiteral("INSERT INTO game.scratch SELECT string_agg(md5(g::text), '') "
                                     "FROM generate_series(1, 2000) g"));
            zoo->exec(QStringLiteral("VACUUM game.scratch"));
            QVERIFY(zoo->exec(QStringLiteral("SELECT t.relpages FROM pg_class c JOIN pg_class t ON t.oid = "
                                             "c.reltoastrelid WHERE c.oid = 'game.scratch'::regclass"))
                        .toInt(0, 0)
                    > 0);
        }
        for (demo::Shape shape : {demo::Shape::SpaceTraders, demo::Shape::PaperDynasty, demo::Shape::Galaxy,
                                  demo::Shape::Marketland}) {
            const pg::ConnectionSettings db = emptyDatabase(demo::shapeName(shape));
            made << db.database();
            demo::DemoOptions options;
            options.events = 300;
            options.games = 4;
            options.snapshots = 20;
            auto conn = test::connect(db);
            demo::seedShape(*conn, shape, options);
            conn->exec(QStringLiteral("ANALYZE"));
            m_databases << db;
        }
        const pg::ConnectionSettings week = freshDatabase(QStringLiteral("catalog_week"));
        made << week.database();
        m_databases << week;
    }

    void cleanupTestCase()
    {
        for (const QString &db : std::as_const(made))
            dropDatabase(db);
    }

    void theGamesShapesAndAWeekReadAsBefore()
    {
        for (const pg::ConnectionSettings &db : std::as_const(m_databases)) {
            agree(db);
            if (QTest::currentTestFailed())
                return;
        }
    }

    void everyKindOfObjectReadsAsBefore()
    {
        QStringList added;
        agree(m_zoo, &added);
        if (QTest::currentTestFailed())
            return;
        // The functions nobody revoked from now show PUBLIC's EXECUTE; the one revoked does not.
        QVERIFY2(added.contains(QStringLiteral("grant game.score(x integer, y text).EXECUTE to PUBLIC")), qPrintable(added.join(QLatin1Char('\n'))));
        QVERIFY(added.contains(QStringLiteral("grant game.touch().EXECUTE to PUBLIC")));
        QVERIFY(!added.contains(QStringLiteral("grant game.secret().EXECUTE to PUBLIC")));
        // None of the extensions' functions are listed as ours.
        for (const QString &key : added)
            QVERIFY2(key.startsWith(QStringLiteral("grant game.")) || key == QLatin1String("collation game.ci")
                         || key.startsWith(QStringLiteral("server ")) || key.startsWith(QStringLiteral("user mapping ")),
                     qPrintable(key));

        // And the zoo has what the comparison is meant to cover, so agreeing says something.
        auto conn = test::connect(m_zoo);
        const catalog::Catalog cat = catalog::Catalog::read(*conn);
        const auto has = [&](auto pred, const auto &list) { return std::any_of(list.begin(), list.end(), pred); };
        QVERIFY(has([](const catalog::Relation &r) { return r.kind == 'f' && r.isPartition && r.server == QLatin1String("Shard B"); }, cat.relations));
        QVERIFY(has([](const catalog::Relation &r) { return r.persistence == 'u'; }, cat.relations));
        QVERIFY(has([](const catalog::Function &f) { return f.extension; }, cat.functions));
        QVERIFY(has([](const catalog::Index &x) { return x.expression && x.partial; }, cat.indexes));
        QVERIFY(has([](const catalog::Schema &n) { return n.name == QLatin1String("Odd Schema") && n.quoted == QLatin1String("\"Odd Schema\""); }, cat.schemas));
        QVERIFY(has([](const catalog::Trigger &t) { return t.inherited; }, cat.triggers));
        QVERIFY(has([](const catalog::Constraint &c) { return c.inherited; }, cat.constraints));
        QCOMPARE(cat.attributeDefinitions.size(), size_t(cat.attributes.size())); // one each, in order
        QVERIFY(has([](const catalog::AttributeDefinition &a) { return a.identity == 'a'; }, cat.attributeDefinitions));
        QVERIFY(has([](const catalog::AttributeDefinition &a) { return a.generated == 's'; }, cat.attributeDefinitions));
        QVERIFY(has([](const catalog::AttributeDefinition &a) { return a.collation == QLatin1String("game.ci"); }, cat.attributeDefinitions));
        QVERIFY(has([](const catalog::Collation &c) { return c.qualified == QLatin1String("game.ci") && !c.deterministic; }, cat.collations));
        QVERIFY(has([](const catalog::Sequence &s) { return s.ownedBy == QLatin1String("game.ships.ticket"); }, cat.sequences));
        QVERIFY(has([](const catalog::Sequence &s) { return s.identity; }, cat.sequences));
        QVERIFY(has([](const catalog::Grant &g) { return g.byDefault && g.grantee == QLatin1String("PUBLIC"); }, cat.grants));
        QVERIFY(has([](const catalog::Policy &p) { return p.settings.contains(QLatin1String("app.role")); }, cat.policies));
        const catalog::Relation *log = nullptr;
        for (const catalog::Relation &r : cat.relations)
            if (r.name == QLatin1String("base_log"))
                log = &r;
        QVERIFY(log && log->children.size() == 1 && log->kind == 'r');
    }

    // A column of a user type names the type's schema now (search_path pinned empty): the
    // same type in two schemas can be told apart. Under the session's own search path, the
    // old reader printed the bare name; nothing else differs.
    void aUserTypeNamesItsSchema()
    {
        // In a transaction of the caller's whose search path finds game's types bare.
        auto conn = test::connect(m_zoo);
        QStringList was, is;
        conn->transaction([&] {
            conn->exec(QStringLiteral("SELECT set_config('search_path', 'game, public', true)"));
            was = describe(legacy::readCatalog(*conn, false));
            is = describe(layout::readCatalog(*conn, false));
        });
        QCOMPARE(is.size(), was.size());
        int qualified = 0;
        for (qsizetype i = 0; i < is.size(); ++i) {
            if (was.at(i) == is.at(i))
                continue;
            QString expected = was.at(i);
            expected.replace(QStringLiteral("| col state ship_state "), QStringLiteral("| col state game.ship_state "))
                .replace(QStringLiteral("| col credits credits "), QStringLiteral("| col credits game.credits "));
            QCOMPARE(is.at(i), expected);
            ++qualified;
        }
        QCOMPARE(qualified, 2); // game.ships (state, credits) and game.fuel_by_state (state)
    }

    // In a caller's transaction: its settings, its writability and its snapshot are its own
    // again after the read; outside one, the reader's transaction is read-only.
    void theReaderActsOnNothing()
    {
        auto conn = pg::Connection::open(m_zoo, pg::Connection::Access::ReadWrite);
        conn->exec(QStringLiteral("BEGIN"));
        conn->exec(QStringLiteral("SELECT set_config('search_path', 'game, public', true), "
                                  "set_config('TimeZone', 'Pacific/Chatham', true), set_config('DateStyle', 'German', true)"));
        const catalog::Catalog cat = catalog::Catalog::read(*conn, catalog::Catalog::Shape);
        QVERIFY(cat.relation(cat.relations.first().oid));
        QCOMPARE(conn->exec(QStringLiteral("SHOW search_path")).value(0, 0), QStringLiteral("game, public"));
        QCOMPARE(conn->exec(QStringLiteral("SHOW TimeZone")).value(0, 0), QStringLiteral("Pacific/Chatham"));
        QCOMPARE(conn->exec(QStringLiteral("SHOW DateStyle")).value(0, 0), QStringLiteral("German, DMY"));
        QCOMPARE(conn->exec(QStringLiteral("SHOW transaction_read_only")).value(0, 0), QStringLiteral("off"));
        conn->exec(QStringLiteral("CREATE TEMP TABLE written_after (x int)"));
        conn->exec(QStringLiteral("INSERT INTO written_after VALUES (1)"));
        conn->exec(QStringLiteral("ROLLBACK"));
        QVERIFY(!conn->inTransaction());

        // Its own transaction ends with it.
        QVERIFY(!catalog::Catalog::read(*conn).relations.isEmpty());
        QVERIFY(!conn->inTransaction());
    }
};

QTEST_GUILESS_MAIN(TestCatalogReader)
#include "tst_catalog_reader.moc"
