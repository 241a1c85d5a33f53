// LocalRule, the shard rules the program evaluates itself, against the server as the oracle:
// the forms are recognised as typed and as pg_get_expr prints them (and others are not), and
// for thousands of values of every type each form handles (canonical, upper case, odd
// spellings, out of range, not values at all) every answer the program gives is the server's.
// A value the program does not answer for is left to the server, so it cannot be wrong.

#include "support/testhelpers.h"
#include "support/testserver.h"

#include "core/error.h"
#include "core/pg/connection.h"
#include "core/shard/localrule.h"

#include <QRandomGenerator>
#include <QTest>

using namespace statescope;
using namespace statescope::test;

class TestLocalRule : public QObject
{
    Q_OBJECT

    pg::ConnectionSettings m_db;
    std::unique_ptr<pg::Connection> m_conn;

    // The server's value of `expression` for each value, as `type` in a column named `column`.
    QList<int> serverValues(const QString &expression, const QString &type, const QString &column,
                            const QStringList &values)
    {
        const pg::Result r = m_conn->exec(
            QStringLiteral("SELECT (%1)::integer FROM (SELECT u.n, CAST(u.v AS %2) AS %3 FROM "
                           "unnest($1::text[]) WITH ORDINALITY AS u(v, n)) AS r ORDER BY r.n")
                .arg(expression, type, m_conn->quoteIdentifier(column)),
            {arrayOf(values)});
        QList<int> out;
        for (int i = 0; i < r.rowCount(); ++i)
            out << (r.isNull(i, 0) ? -1 : r.toInt(i, 0));
        return out;
    }
    static QString arrayOf(const QStringList &values)
    {
        QStringList quoted;
        for (QString v : values)
            quoted << QLatin1Char('"') + v.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('"'), QStringLiteral("\\\""))
                          + QLatin1Char('"');
        return QLatin1Char('{') + quoted.join(QLatin1Char(',')) + QLatin1Char('}');
    }

    static QString hex(QRandomGenerator &g, int n)
    {
        QString s;
        for (int i = 0; i < n; ++i)
            s += QLatin1Char("0123456789abcdef"[g.bounded(16)]);
        return s;
    }

    // Values a person or a script could give for a column of `type`: most readable by the
    // program, many only by the server, some by neither.
    static QStringList candidates(const QString &type, QRandomGenerator &g)
    {
        QStringList out;
        for (int i = 0; i < 3000; ++i) {
            if (type == QLatin1String("uuid")) {
                const QString u = hex(g, 8) + QLatin1Char('-') + hex(g, 4) + QLatin1Char('-') + hex(g, 4) + QLatin1Char('-')
                                  + hex(g, 4) + QLatin1Char('-') + hex(g, 12);
                switch (i % 6) {
                case 0: out << u; break;
                case 1: out << u.toUpper(); break;
                case 2: out << QString(u).remove(QLatin1Char('-')); break;
                case 3: out << QLatin1Char('{') + u + QLatin1Char('}'); break;
                case 4: out << QLatin1Char(' ') + u; break;
                default: out << u.left(4) + QLatin1Char('-') + QString(u).remove(QLatin1Char('-')).mid(4); break;
                }
            } else if (type == QLatin1String("text") || type == QLatin1String("character varying")) {
                switch (i % 5) {
                case 0: out << hex(g, 12); break;
                case 1: out << hex(g, 3).toUpper() + QStringLiteral("zz"); break;
                case 2: out << hex(g, g.bounded(0, 3)); break; // shorter than the prefix, some of them
                case 3: out << QStringLiteral("g") + hex(g, 5); break;
                default: out << QString::fromUtf8("\xc3\xa9") + hex(g, 4); break;
                }
            } else {
                const qint64 big = qint64(g.generate64());
                switch (i % 6) {
                case 0: out << QString::number(g.bounded(-100000, 100000)); break;
                case 1: out << QString::number(big); break;
                case 2: out << QString::number(big >> 33); break;
                case 3: out << QString::number(big >> 49); break;
                case 4: out << QStringLiteral("+") + QString::number(g.bounded(0, 99)); break;
                default: out << QStringLiteral(" %1 ").arg(g.bounded(-99, 99)); break;
                }
            }
        }
        if (type == QLatin1String("smallint"))
            out << QStringLiteral("-32768") << QStringLiteral("32767") << QStringLiteral("32768");
        if (type == QLatin1String("integer"))
            out << QStringLiteral("-2147483648") << QStringLiteral("2147483647") << QStringLiteral("2147483648");
        if (type == QLatin1String("bigint"))
            out << QStringLiteral("-9223372036854775808") << QStringLiteral("9223372036854775807")
                << QStringLiteral("9223372036854775808");
        out << QStringLiteral("-0") << QStringLiteral("007") << QString();
        return out;
    }

private slots:
    void initTestCase()
    {
        m_db = emptyDatabase(QStringLiteral("localrule"));
        m_conn = test::connect(m_db);
    }

    void cleanupTestCase()
    {
        m_conn.reset();
        dropDatabase(m_db.database());
    }

    void formsAreRecognisedAsTypedAndAsTheServerPrintsThem_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QString>("column");
        QTest::newRow("seed 003") << "uuid" << "('x' || substr(player_id::text, 1, 2))::bit(8)::int % 8" << "player_id";
        QTest::newRow("text, one digit") << "text" << "('x' || substr(t, 1, 1))::bit(4)::int % 16" << "t";
        QTest::newRow("three digits") << "uuid" << "(('x'||substr(\"Player Id\"::text,1,3))::bit(12)::integer % 64)"
                                      << "Player Id";
        QTest::newRow("remainder") << "integer" << "k % 4" << "k";
        QTest::newRow("abs remainder") << "bigint" << "abs(k) % 16" << "k";
        QTest::newRow("mod") << "smallint" << "mod(K, 3)" << "k";
    }
    void formsAreRecognisedAsTypedAndAsTheServerPrintsThem()
    {
        QFETCH(QString, type);
        QFETCH(QString, expression);
        QFETCH(QString, column);
        const auto typed = shard::LocalRule::recognise(expression);
        QVERIFY2(typed, qPrintable(expression));
        QCOMPARE(typed->column(), column);
        // As a generated column, read back as pg_get_expr prints it.
        m_conn->exec(QStringLiteral("DROP TABLE IF EXISTS public.t_rule"));
        m_conn->exec(QStringLiteral("CREATE TABLE public.t_rule (%1 %2, shard_key int GENERATED ALWAYS AS (%3) STORED)")
                         .arg(m_conn->quoteIdentifier(column), type, expression));
        const pg::Result printed = m_conn->exec(QStringLiteral(
            "SELECT pg_get_expr(d.adbin, d.adrelid) FROM pg_attrdef d JOIN pg_attribute a ON a.attrelid = d.adrelid "
            "AND a.attnum = d.adnum WHERE d.adrelid = 'public.t_rule'::regclass AND a.attname = 'shard_key'"));
        const auto read = shard::LocalRule::recognise(printed.value(0, 0));
        QVERIFY2(read, qPrintable(printed.value(0, 0)));
        QCOMPARE(read->column(), column);
        QCOMPARE(read->form(), typed->form());
    }

    void otherRulesAreLeftToTheServer()
    {
        for (const QString &expression :
             {QStringLiteral("abs(hashtext(player_id::text)) % 8"), QStringLiteral("abs(k % 4)"),
              QStringLiteral("('x' || substr(t, 1, 2))::bit(4)::int % 8"), QStringLiteral("k % 0"),
              QStringLiteral("k % 4 + 1"), QStringLiteral("(k / 2) % 4"), QStringLiteral("('x' || substr(t, 2, 2))::bit(8)::int % 8"),
              QStringLiteral("('x' || substr(t, 1, 8))::bit(32)::int % 8"), QStringLiteral("-k % 4"),
              QStringLiteral("k % 4 % 2"), QStringLiteral("hashint4(k) % 4")})
            QVERIFY2(!shard::LocalRule::recognise(expression), qPrintable(expression));
    }

    // The oracle: every value the program answers for, the server answers the same.
    void everyAnswerIsTheServers_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QString>("column");
        for (const char *type : {"uuid", "text", "character varying"})
            for (const char *expression : {"('x' || substr(c::text, 1, 2))::bit(8)::int % 8",
                                           "('x' || substr(c::text, 1, 1))::bit(4)::int % 3",
                                           "('x' || substr(c::text, 1, 4))::bit(16)::int % 1024"})
                QTest::addRow("%s %s", type, expression) << type << expression << "c";
        for (const char *type : {"smallint", "integer", "bigint"})
            for (const char *expression : {"c % 8", "abs(c) % 7", "mod(c, 5)", "mod(c::integer, 5)", "abs(c) % (16)::bigint",
                                           "abs(c::smallint) % 9"})
                QTest::addRow("%s %s", type, expression) << type << expression << "c";
    }
    void everyAnswerIsTheServers()
    {
        QFETCH(QString, type);
        QFETCH(QString, expression);
        QFETCH(QString, column);
        const auto rule = shard::LocalRule::recognise(expression);
        QVERIFY(rule && rule->handles(type));
        // The samples a reader proves the form with are the server's too.
        const QStringList samples = rule->samples(type);
        QVERIFY(samples.size() >= 16);
        const QList<int> proven = serverValues(expression, type, column, samples);
        for (int i = 0; i < samples.size(); ++i)
            QCOMPARE(rule->evaluate(type, samples[i]), std::optional<int>(proven[i]));
        QRandomGenerator g(QStringLiteral("%1 %2").arg(type, expression).size());
        QStringList answered;
        QList<int> ours;
        for (const QString &v : candidates(type, g))
            if (const auto mine = rule->evaluate(type, v)) {
                answered << v;
                ours << *mine;
            }
        QVERIFY2(answered.size() > 500, qPrintable(QString::number(answered.size())));
        QList<int> theirs;
        try {
            theirs = serverValues(expression, type, column, answered); // one refused value fails the test
        } catch (const Error &e) {
            QFAIL(qPrintable(QStringLiteral("the program answered for a value the server refuses: ") + e.oneLine()));
        }
        QCOMPARE(theirs.size(), ours.size());
        for (int i = 0; i < ours.size(); ++i)
            QVERIFY2(theirs[i] == ours[i], qPrintable(QStringLiteral("%1: the program says %2, the server %3")
                                                          .arg(answered[i])
                                                          .arg(ours[i])
                                                          .arg(theirs[i])));
    }
};

QTEST_GUILESS_MAIN(TestLocalRule)
#include "tst_localrule.moc"
