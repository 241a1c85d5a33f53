// Schema compare's script against a corpus of schema pairs written for it
// (tests/integration/schema_corpus: every kind of object, views on views, serial and identity
// columns, enums, inheritance, partitions, grants, owners, the four games' own schemas), each
// in both directions. Every object of both sides belongs to a role of its own (corpus_owner,
// or corpus_other where a pair says so), and the script is applied by the server's superuser,
// which owns none of them, as an admin would. A run passes when the script, applied by psql
// in one transaction to a copy of the first side, leaves no difference by `db diff` (owners
// included) and none by pg_dump --schema-only
// (normalised: statements sorted; owners included), and when no table the second side has lost rows, nor any
// column both sides have with the same type its values (unless the script says it drops
// them). A run whose script stops with an error fails; one that
// leaves differences passes only if the script names each of them as NOT DONE. Runs known to
// fail are listed with their reason in schema_corpus/known-failures.txt and reported as
// expected failures (one that starts to pass fails the suite until it leaves the list). The
// rate of exact runs is printed; the suite holds it at or above the figure reached (the goal
// is 95 %, see docs/CLI.md).

#include "support/testhelpers.h"
#include "support/testserver.h"

#include "core/catalog/schemadiff.h"
#include "core/pg/connection.h"
#include "core/pg/pgtools.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSet>
#include <QTemporaryFile>
#include <QTest>

using namespace statescope;
using namespace statescope::test;
using catalog::SchemaDiff;
using catalog::SchemaSnapshot;

namespace {

// What corpus_admin made, given to corpus_owner: every object that has an owner of its own
// (not an extension's member, whose owner is the extension's; not a serial's sequence, which
// follows its table). Written here in SQL, apart from what Statescope reads.
const char *const kGiveToOwner = R"(DO $$
DECLARE o record;
BEGIN
  FOR o IN
    SELECT format('ALTER %s %s OWNER TO corpus_owner', x.kind, x.name) AS sql FROM (
      SELECT CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'S' THEN 'SEQUENCE'
               WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END AS kind, c.oid::regclass::text AS name,
             c.relowner AS owner, 'pg_class'::regclass AS cls, c.oid
        FROM pg_class c WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')
          OR (c.relkind = 'S' AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                AND d.objid = c.oid AND d.deptype IN ('a', 'i') AND d.refclassid = 'pg_class'::regclass))
      UNION ALL
      SELECT CASE t.typtype WHEN 'd' THEN 'DOMAIN' ELSE 'TYPE' END, t.oid::regtype::text, t.typowner, 'pg_type'::regclass, t.oid
        FROM pg_type t WHERE t.typtype IN ('e', 'd')
          OR (t.typtype = 'c' AND (SELECT r.relkind FROM pg_class r WHERE r.oid = t.typrelid) = 'c')
      UNION ALL
      SELECT CASE p.prokind WHEN 'a' THEN 'AGGREGATE' WHEN 'p' THEN 'PROCEDURE' ELSE 'FUNCTION' END,
             p.oid::regprocedure::text, p.proowner, 'pg_proc'::regclass, p.oid FROM pg_proc p
      UNION ALL
      SELECT 'SCHEMA', quote_ident(n.nspname), n.nspowner, 'pg_namespace'::regclass, n.oid FROM pg_namespace n
      UNION ALL
      SELECT 'COLLATION', quote_ident(n.nspname) || '.' || quote_ident(co.collname), co.collowner, 'pg_collation'::regclass, co.oid
        FROM pg_collation co JOIN pg_namespace n ON n.oid = co.collnamespace
      UNION ALL
      SELECT 'SERVER', quote_ident(s.srvname), s.srvowner, 'pg_foreign_server'::regclass, s.oid FROM pg_foreign_server s
      UNION ALL
      SELECT 'STATISTICS', quote_ident(n.nspname) || '.' || quote_ident(s.stxname), s.stxowner, 'pg_statistic_ext'::regclass, s.oid
        FROM pg_statistic_ext s JOIN pg_namespace n ON n.oid = s.stxnamespace) x
    WHERE x.owner = 'corpus_admin'::regrole
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = x.cls AND d.objid = x.oid AND d.deptype = 'e')
  LOOP
    EXECUTE o.sql;
  END LOOP;
END $$;)";

struct Pair
{
    QString name, from, to;
};

QList<Pair> corpus()
{
    QList<Pair> out;
    // STATESCOPE_SCHEMA_CORPUS_DIR: another corpus of the same shape (a team's own pairs).
    const QDir dir(qEnvironmentVariable("STATESCOPE_SCHEMA_CORPUS_DIR", QStringLiteral(STATESCOPE_SCHEMA_CORPUS)));
    for (const QString &file : dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name)) {
        QFile f(dir.filePath(file));
        if (!f.open(QIODevice::ReadOnly))
            qFatal("cannot read %s", qPrintable(f.fileName()));
        const QString text = QString::fromUtf8(f.readAll());
        static const QRegularExpression from(QStringLiteral("^-- from$"), QRegularExpression::MultilineOption);
        static const QRegularExpression to(QStringLiteral("^-- to$"), QRegularExpression::MultilineOption);
        const auto a = from.match(text), b = to.match(text);
        if (!a.hasMatch() || !b.hasMatch() || b.capturedStart() < a.capturedEnd())
            qFatal("%s: no '-- from' and '-- to' sections", qPrintable(file));
        out.append({file.chopped(4), text.mid(a.capturedEnd(), b.capturedStart() - a.capturedEnd()), text.mid(b.capturedEnd())});
    }
    return out;
}

SchemaSnapshot snapshot(const QString &db)
{
    auto conn = pg::Connection::open(serverSettings().withDatabase(db), pg::Connection::Access::ReadOnly);
    return SchemaSnapshot::read(*conn);
}

// psql as a person would run the script: one transaction, stop at the first error.
QString applyWithPsql(const QString &db, const QString &script)
{
    QTemporaryFile file;
    if (!file.open())
        qFatal("no temporary file");
    file.write(script.toUtf8());
    file.flush();
    QProcess p;
    p.setProcessEnvironment(pg::environmentFor(serverSettings().withDatabase(db)));
    p.start(pg::clientProgram(QStringLiteral("psql")), {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-1"),
                                                       QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"),
                                                       QStringLiteral("-f"), file.fileName()});
    if (!p.waitForFinished(120000))
        return QStringLiteral("psql did not finish");
    if (p.exitCode() != 0)
        return QString::fromUtf8(p.readAllStandardError()).trimmed();
    return {};
}

// The rows of each table (a partitioned one with its partitions'), by qualified name.
QMap<QString, qint64> rowCounts(const QString &db)
{
    auto conn = test::connect(serverSettings().withDatabase(db));
    const auto tables = conn->exec(QStringLiteral(
        "SELECT format('%I.%I', n.nspname, c.relname) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND n.nspname NOT IN ('pg_catalog', 'information_schema') "
        "AND n.nspname NOT LIKE 'pg\\_%' ORDER BY 1"));
    QMap<QString, qint64> out;
    for (int i = 0; i < tables.rowCount(); ++i)
        out.insert(tables.value(i, 0), test::scalar(*conn, QStringLiteral("SELECT count(*) FROM %1").arg(tables.value(i, 0))));
    return out;
}

// Each column's values, as a digest of their text in order, with its type, by
// "schema.table.column": per table that holds rows of its own, read ONLY (a partition, a
// child; so a partition detached or attached keeps its values under its own name), and, as
// `tree`, per table with all its partitions and children (so a table made partitioned keeps
// its values under its name). What a script must keep of every column that both sides have
// with the same type, one way or the other.
struct ColumnValues
{
    QMap<QString, QPair<QString, QString>> own, tree;
};
ColumnValues columnValues(const QString &db)
{
    auto conn = test::connect(serverSettings().withDatabase(db));
    const auto columns = conn->exec(QStringLiteral(
        "SELECT format('%I.%I', n.nspname, c.relname), quote_ident(a.attname), format_type(a.atttypid, a.atttypmod), "
        "c.relkind = 'r' "
        "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_attribute a ON a.attrelid = c.oid "
        "WHERE c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped "
        "AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%' ORDER BY 1, a.attnum"));
    ColumnValues out;
    QHash<QString, bool> holdsRows;
    for (int i = 0; i < columns.rowCount(); ++i) {
        const QString table = columns.value(i, 0), column = columns.value(i, 1);
        if (!holdsRows.contains(table))
            holdsRows[table] = test::scalar(*conn, QStringLiteral("SELECT count(*) FROM (SELECT 1 FROM %1 LIMIT 1) x").arg(table)) > 0;
        if (!holdsRows.value(table))
            continue;
        const auto digest = [&](const QString &from) {
            return conn->exec(QStringLiteral("SELECT md5(coalesce(string_agg(coalesce(v, '<null>'), ',' ORDER BY v), '')) "
                                             "FROM (SELECT %1::text AS v FROM %2) x")
                                  .arg(column, from))
                .value(0, 0);
        };
        const QString key = table + QLatin1Char('.') + column;
        out.tree.insert(key, {columns.value(i, 2), digest(table)});
        if (columns.toBool(i, 3))
            out.own.insert(key, {columns.value(i, 2), digest(QStringLiteral("ONLY ") + table)});
    }
    return out;
}

// The columns fed by a counter (serial or identity) whose next value is past every value the
// column holds, as "schema.table.column": a script that makes a counter again must carry it
// over, or the next insert fails on a duplicate key (pg_dump -s does not show counters).
QSet<QString> countersAhead(const QString &db)
{
    auto conn = test::connect(serverSettings().withDatabase(db));
    const auto fed = conn->exec(QStringLiteral(
        "SELECT format('%I.%I', n.nspname, c.relname), quote_ident(a.attname), s.seq FROM pg_attribute a"
        " JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace,"
        // (guarded: the server may call it before the WHERE leaves a dropped column out)
        " LATERAL (SELECT CASE WHEN a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p')"
        "   THEN pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname) END AS seq) s"
        " WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND a.attnum > 0 AND NOT a.attisdropped"
        " AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%' AND s.seq IS NOT NULL"));
    QSet<QString> out;
    for (int i = 0; i < fed.rowCount(); ++i) {
        const QString table = fed.value(i, 0), column = fed.value(i, 1), seq = fed.value(i, 2);
        if (test::scalar(*conn, QStringLiteral("SELECT (coalesce((SELECT max(%1) FROM %2), 0) < (SELECT CASE WHEN is_called"
                                               " THEN last_value + 1 ELSE last_value END FROM %3))::int")
                                    .arg(column, table, seq)) == 1)
            out.insert(table + QLatin1Char('.') + column);
    }
    return out;
}

// pg_dump --schema-only, its statements sorted (what each side has, whatever the order the
// script made it in), with comments, settings and blank lines left out; its owners kept
// (ALTER ... OWNER TO), an oracle for them apart from Statescope's own reading.
QStringList dumpStatements(const QString &db)
{
    QProcess p;
    p.setProcessEnvironment(pg::environmentFor(serverSettings().withDatabase(db)));
    p.start(pg::clientProgram(QStringLiteral("pg_dump")),
            {QStringLiteral("--schema-only")});
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        qFatal("pg_dump failed: %s", p.readAllStandardError().constData());
    QStringList statements;
    QString current;
    for (const QString &line : QString::fromUtf8(p.readAllStandardOutput()).split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String("--")) || line.startsWith(QLatin1String("SET ")) || line.startsWith(QLatin1Char('\\'))
            || line.startsWith(QLatin1String("SELECT pg_catalog.set_config")) || line.trimmed().isEmpty())
            continue;
        current += line + QLatin1Char('\n');
        if (line.endsWith(QLatin1Char(';'))) {
            statements << current.trimmed();
            current.clear();
        }
    }
    statements.sort();
    return statements;
}

struct Tally
{
    int runs = 0, exact = 0, declared = 0;
    QStringList failed;
};
Tally tally;

// "NNN-name forward<TAB>why" lines.
QHash<QString, QString> knownFailures()
{
    QHash<QString, QString> out;
    QFile f(QDir(qEnvironmentVariable("STATESCOPE_SCHEMA_CORPUS_DIR", QStringLiteral(STATESCOPE_SCHEMA_CORPUS)))
                .filePath(QStringLiteral("known-failures.txt")));
    if (!f.open(QIODevice::ReadOnly))
        return out;
    for (const QByteArray &line : f.readAll().split('\n')) {
        const QString l = QString::fromUtf8(line).trimmed();
        if (l.isEmpty() || l.startsWith(QLatin1Char('#')))
            continue;
        out.insert(l.section(QLatin1Char('\t'), 0, 0), l.section(QLatin1Char('\t'), 1));
    }
    return out;
}

// The floor the exact rate is held at (the issue's goal).
constexpr double kFloor = 95.0;

// Under the sanitizers (ten times slower) one pair in four is run, for memory errors in the
// reader and the planner; the rate is the dev run's, on every pair.
#ifdef __SANITIZE_ADDRESS__
constexpr int kEvery = 4;
#else
constexpr int kEvery = 1;
#endif

} // namespace

class TestSchemaCorpus : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        auto conn = test::connect(serverSettings());
        // corpus_admin loads each side (a superuser, as the pairs need one), then gives all it
        // made to corpus_owner; corpus_other owns what a pair gives it.
        conn->exec(QStringLiteral("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'corpus_reader') THEN "
                                  "CREATE ROLE corpus_reader; END IF; "
                                  "IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'corpus_admin') THEN "
                                  "CREATE ROLE corpus_admin SUPERUSER; END IF; "
                                  "IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'corpus_owner') THEN "
                                  "CREATE ROLE corpus_owner; END IF; "
                                  "IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'corpus_other') THEN "
                                  "CREATE ROLE corpus_other; END IF; END $$"));
        QVERIFY2(corpus().size() >= (qEnvironmentVariableIsSet("STATESCOPE_SCHEMA_CORPUS_DIR") ? 1 : 60), "the corpus has fewer than 60 pairs");
    }

    void pair_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        int n = 0;
        for (const Pair &p : corpus()) {
            if (n++ % kEvery != 0)
                continue;
            QTest::newRow(qPrintable(p.name + QStringLiteral(" forward"))) << p.from << p.to;
            QTest::newRow(qPrintable(p.name + QStringLiteral(" backward"))) << p.to << p.from;
        }
    }

    void pair()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        const QString a = emptyDatabase(QStringLiteral("corpus_a")).database();
        const QString b = emptyDatabase(QStringLiteral("corpus_b")).database();
        const auto cleanup = qScopeGuard([&] {
            dropDatabase(a);
            dropDatabase(b);
        });
        for (const auto &[db, sql] : {std::pair{a, from}, std::pair{b, to}}) {
            auto conn = test::connect(serverSettings().withDatabase(db));
            conn->execScript(QStringLiteral("SET SESSION AUTHORIZATION corpus_admin;\n") + sql);
            conn->execScript(QStringLiteral("RESET SESSION AUTHORIZATION;\n") + QLatin1String(kGiveToOwner));
        }
        const QMap<QString, qint64> rowsBefore = rowCounts(a), rowsThere = rowCounts(b);
        const ColumnValues valuesBefore = columnValues(a);
        QSet<QString> typesThere; // "table.column type" of every column on the second side
        {
            auto conn = test::connect(serverSettings().withDatabase(b));
            const auto r = conn->exec(QStringLiteral(
                "SELECT format('%I.%I.%s ', n.nspname, c.relname, quote_ident(a.attname)) || format_type(a.atttypid, a.atttypmod) "
                "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_attribute a ON a.attrelid = c.oid "
                "WHERE c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped "
                "AND n.nspname NOT IN ('pg_catalog', 'information_schema')"));
            for (int i = 0; i < r.rowCount(); ++i)
                typesThere.insert(r.value(i, 0));
        }
        const QSet<QString> aheadBefore = countersAhead(a);
        // The second side is read once: the script changes only the first.
        const SchemaSnapshot there = snapshot(b);
        const SchemaDiff before = SchemaDiff::compare(snapshot(a), there);
        const QString script = before.script();
        ++tally.runs;
        const QString name = QString::fromLatin1(QTest::currentDataTag());
        if (qEnvironmentVariableIsSet("STATESCOPE_CORPUS_VERBOSE"))
            qInfo().noquote() << script;
        const QString known = knownFailures().value(name);
        const auto fail = [&](const QString &why) {
            tally.failed << name;
            if (!known.isEmpty())
                QEXPECT_FAIL("", qPrintable(known), Abort);
            QVERIFY2(false, qPrintable(why));
        };
        const auto passed = [&] {
            if (!known.isEmpty()) // listed as failing, yet it passes: the list must say so
                QFAIL(qPrintable(QStringLiteral("%1 passes now: take it out of known-failures.txt").arg(name)));
        };
        const QString error = applyWithPsql(a, script);
        if (!error.isEmpty()) {
            fail(QStringLiteral("the script stopped: %1\n%2").arg(error, script));
            return;
        }
        // No rows lost silently: the tables the second side has hold at least the rows they
        // held before (a partition detached takes its rows along into a table of its own),
        // unless the script says it drops some (a partition that goes "with its rows").
        const QMap<QString, qint64> rowsAfter = rowCounts(a);
        qint64 held = 0, holds = 0;
        QStringList counts;
        for (auto it = rowsThere.cbegin(); it != rowsThere.cend(); ++it) {
            held += rowsBefore.value(it.key());
            holds += rowsAfter.value(it.key());
            if (rowsBefore.value(it.key()) != rowsAfter.value(it.key()))
                counts << QStringLiteral("%1: %2 -> %3").arg(it.key()).arg(rowsBefore.value(it.key())).arg(rowsAfter.value(it.key()));
        }
        if (holds < held && !script.contains(QLatin1String("-- with its rows"))) {
            fail(QStringLiteral("rows lost (%1)\n%2").arg(counts.join(QStringLiteral(", ")), script));
            return;
        }
        // No values lost silently either: every column the second side also has, with the same
        // type, holds the values it held, unless the script says it drops them.
        {
            const ColumnValues valuesAfter = columnValues(a);
            QStringList lost;
            for (auto it = valuesBefore.own.cbegin(); it != valuesBefore.own.cend(); ++it) {
                if (!typesThere.contains(it.key() + QLatin1Char(' ') + it.value().first))
                    continue;
                if (valuesAfter.own.value(it.key()).second != it.value().second
                    && valuesAfter.tree.value(it.key()).second != it.value().second)
                    lost << it.key();
            }
            if (!lost.isEmpty() && !script.contains(QLatin1String("-- with its values"))
                && !script.contains(QLatin1String("-- with its rows"))) {
                fail(QStringLiteral("values lost in %1\n%2").arg(lost.join(QStringLiteral(", ")), script));
                return;
            }
        }
        // Every counter that was ahead of its column's values still is, where the column still
        // has a counter.
        const QSet<QString> aheadAfter = countersAhead(a);
        QStringList behind;
        for (const QString &column : aheadBefore)
            if (!aheadAfter.contains(column) && test::scalar(*test::connect(serverSettings().withDatabase(a)),
                                                             QStringLiteral("SELECT count(*) FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
                                                                            " JOIN pg_namespace n ON n.oid = c.relnamespace"
                                                                            " WHERE format('%I.%I.%s', n.nspname, c.relname, quote_ident(a.attname)) = $1"
                                                                            " AND CASE WHEN a.attnum > 0 AND NOT a.attisdropped THEN"
                                                                            " pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname) END IS NOT NULL"),
                                                             {column}) > 0)
                behind << column;
        if (!behind.isEmpty()) {
            fail(QStringLiteral("a counter no longer ahead of its column's values: %1\n%2").arg(behind.join(QStringLiteral(", ")), script));
            return;
        }
        const SchemaDiff after = SchemaDiff::compare(snapshot(a), there);
        const QStringList dumpA = dumpStatements(a), dumpB = dumpStatements(b);
        if (after.changes.isEmpty() && dumpA == dumpB) {
            // Nothing left: a NOT DONE in its script would be a false alarm (what a role may
            // not read of a user mapping aside).
            for (const QString &line : script.split(QLatin1Char('\n')))
                if (line.startsWith(QLatin1String("-- NOT DONE: ")) && !line.contains(QLatin1String("user mapping for "))) {
                    fail(QStringLiteral("nothing is left, yet the script says: %1\n%2").arg(line, script));
                    return;
                }
            ++tally.exact;
            passed();
            return;
        }
        // What is left must be what the script said it would not do.
        QStringList undeclared;
        for (const catalog::SchemaChange &c : after.changes) {
            const catalog::SchemaObject &o = c.object();
            const QString table = o.table.isEmpty() ? QString() : QStringLiteral("table %1.%2").arg(o.schema, o.table);
            if (!script.contains(QStringLiteral("-- NOT DONE: ") + o.key() + QLatin1Char(':'))
                && (table.isEmpty() || !script.contains(QStringLiteral("-- NOT DONE: ") + table + QLatin1Char(':'))))
                undeclared << o.key() + QStringLiteral(": ") + c.summary();
        }
        if (after.changes.isEmpty()) { // only pg_dump tells them apart
            QStringList onlyA, onlyB;
            for (const QString &s : dumpA)
                if (!dumpB.contains(s))
                    onlyA << s;
            for (const QString &s : dumpB)
                if (!dumpA.contains(s))
                    onlyB << s;
            if (!script.contains(QLatin1String("-- NOT DONE: ")))
                undeclared << QStringLiteral("pg_dump differs:\n< %1\n> %2")
                                  .arg(onlyA.join(QStringLiteral("\n< ")), onlyB.join(QStringLiteral("\n> ")));
        }
        if (!undeclared.isEmpty()) {
            fail(QStringLiteral("left after the script:\n%1\n%2").arg(undeclared.join(QLatin1Char('\n')), script));
            return;
        }
        ++tally.declared;
        QStringList said;
        for (const QString &line : script.split(QLatin1Char('\n')))
            if (line.startsWith(QLatin1String("-- NOT DONE: ")))
                said << line;
        qInfo().noquote() << QStringLiteral("declared: %1").arg(said.join(QStringLiteral("; ")));
        passed();
    }

    void passRate()
    {
        QVERIFY(tally.runs > 0);
        if (kEvery != 1)
            QSKIP("a sample of the corpus under the sanitizers: the rate is measured in the dev run, on every pair");
        const double rate = 100.0 * tally.exact / tally.runs;
        qInfo().noquote() << QStringLiteral("schema corpus: %1 runs, %2 exact (%3 %), %4 with what is left declared, %5 failed%6")
                                 .arg(tally.runs)
                                 .arg(tally.exact)
                                 .arg(rate, 0, 'f', 1)
                                 .arg(tally.declared)
                                 .arg(tally.failed.size())
                                 .arg(tally.failed.isEmpty() ? QString() : QStringLiteral(": ") + tally.failed.join(QStringLiteral(", ")));
        QVERIFY2(rate >= kFloor, qPrintable(QStringLiteral("exact rate %1 % is under %2 %").arg(rate, 0, 'f', 1).arg(kFloor)));
    }
};

QTEST_GUILESS_MAIN(TestSchemaCorpus)
#include "tst_schema_corpus.moc"
