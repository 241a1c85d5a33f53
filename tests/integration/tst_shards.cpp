// Shard sets: Marketland+-shaped shard databases (players with the generated shard_key of seed
// 003, player_events) on two real servers, the suite's (through PgBouncer in the pooled pass)
// and a sandbox of the test's own; rows placed by the rule. A set of two and one of four are
// read as one database: exact merged pages, summed counts, one player read on its own shard,
// writes routed or refused, rows in the wrong shard found, a statement on each shard, bad sets
// refused, and a shard whose server is stopped named, its rows visibly missing.

#include "support/shorttemp.h"
#include "support/shardfixture.h"
#include "support/testhelpers.h"
#include "support/testserver.h"

#include "core/browse/familyquery.h"
#include "core/demo/demogenerator.h"
#include "core/error.h"
#include "core/sandbox/sandbox.h"
#include "core/settings.h"
#include "core/shard/shardreader.h"
#include "core/task/canceltoken.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <optional>
#include <set>

using namespace statescope;
using namespace statescope::test;

class TestShards : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir{statescope::test::shortTempTemplate(QStringLiteral("ssshard"))};
    std::optional<sandbox::Sandbox> m_box;
    pg::ConnectionSettings m_far;
    QStringList m_near; // databases on the suite's server
    shard::ShardSet m_two, m_four;

    pg::ConnectionSettings nearDb(const QString &hint)
    {
        const pg::ConnectionSettings db = emptyDatabase(hint);
        m_near << db.database();
        return db;
    }
    pg::ConnectionSettings farDb(const QString &name)
    {
        test::connect(m_far)->exec(QStringLiteral("CREATE DATABASE %1").arg(name));
        return m_far.withDatabase(name);
    }

    // Every player id, in uuid order, as the shards hold them together.
    static QStringList allPlayers(const shard::ShardSet &set)
    {
        QStringList ids;
        for (const shard::Member &m : set.members) {
            const pg::Result r = test::connect(m.settings)->exec(QStringLiteral("SELECT player_id::text FROM players"));
            for (int i = 0; i < r.rowCount(); ++i)
                ids << r.value(i, 0);
        }
        ids.sort();
        return ids;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        sandbox::Options o;
        o.dir = m_dir.path();
        o.durable = false;
        m_box.emplace(o);
        m_far = m_box->start().settings;

        // Two shards: values 0-3 on the suite's server, 4-7 on the other; given in the set.
        m_two.name = QStringLiteral("two");
        m_two.rule.expression = kRule;
        m_two.rule.values = 8;
        const auto a = nearDb(QStringLiteral("ml2a"));
        makeShard(a, {0, 1, 2, 3}, false);
        const auto b = farDb(QStringLiteral("ml2b"));
        makeShard(b, {4, 5, 6, 7}, false);
        m_two.members = {{QStringLiteral("s0"), a, {0, 1, 2, 3}}, {QStringLiteral("s1"), b, {4, 5, 6, 7}}};

        // Four shards, two on each server, the rule and values left to the databases to say.
        m_four.name = QStringLiteral("four");
        for (int s = 0; s < 4; ++s) {
            const auto db = s < 2 ? nearDb(QStringLiteral("ml4_%1").arg(s)) : farDb(QStringLiteral("ml4_%1").arg(s));
            makeShard(db, {2 * s, 2 * s + 1}, true);
            m_four.members.append({QStringLiteral("q%1").arg(s), db, {}});
        }
    }

    void cleanupTestCase()
    {
        for (const QString &db : std::as_const(m_near))
            dropDatabase(db);
        if (m_box)
            m_box->stop();
    }

    void badSetsAreRefusedWhenSaved()
    {
        shard::saveSets({}); // what an earlier run saved
        shard::ShardSet overlap = m_two;
        overlap.members[1].values = {3, 4, 5, 6, 7};
        try {
            shard::saveSets({overlap});
            QFAIL("overlapping shards were saved");
        } catch (const Error &e) {
            QCOMPARE(e.kind(), Error::Kind::InvalidInput);
            QVERIFY2(e.message().contains(QLatin1String("overlap")) && e.detail().contains(QLatin1String("3")),
                     qPrintable(e.message() + e.detail()));
        }
        shard::ShardSet gap = m_two;
        gap.members[1].values = {4, 5, 6};
        QVERIFY_THROWS_EXCEPTION(Error, shard::saveSets({gap}));
        shard::ShardSet twice = m_two;
        twice.members[1].settings = twice.members[0].settings;
        twice.members[1].values = {4, 5, 6, 7};
        QVERIFY_THROWS_EXCEPTION(Error, shard::saveSets({twice}));
        shard::ShardSet outside = m_two;
        outside.members[1].values = {4, 5, 6, 7, 8};
        QVERIFY_THROWS_EXCEPTION(Error, shard::saveSets({outside}));
        QVERIFY(shard::savedSets().isEmpty()); // nothing was written
        // The same gap from the command line, with the rule left to be read later: exit 2,
        // naming the values no shard holds, and nothing saved.
        if (cliIsExecutable()) {
            const CliRun cli = runCli({QStringLiteral("shard"), QStringLiteral("save"), QStringLiteral("--name"),
                                       QStringLiteral("gappy"), QStringLiteral("--member"),
                                       QStringLiteral("0-2:") + m_two.members[0].settings.storableString(),
                                       QStringLiteral("--member"), QStringLiteral("4-7:") + m_two.members[1].settings.storableString(),
                                       QStringLiteral("--slots"), QStringLiteral("8"), QStringLiteral("--json")});
            QVERIFY2(cli.exitCode == 2, qPrintable(cli.describe()));
            QVERIFY2(cli.errorField("message").contains(QLatin1String("3")), qPrintable(cli.describe()));
            QVERIFY(shard::savedSets().isEmpty());
        }

        shard::saveSets({m_two});
        const QList<shard::ShardSet> saved = shard::savedSets();
        QCOMPARE(saved.size(), 1);
        QCOMPARE(saved.first().members.size(), 2);
        QCOMPARE(saved.first().members[1].values, (QList<int>{4, 5, 6, 7}));
        QCOMPARE(saved.first().rule, m_two.rule);
        // A missing value is found once the databases have said theirs too.
        shard::ShardSet threeOfFour = m_four;
        threeOfFour.members.removeLast();
        CancelToken token;
        shard::ShardReader reader(threeOfFour);
        try {
            reader.resolve(token);
            QFAIL("a set missing values 6 and 7 was taken");
        } catch (const Error &e) {
            QVERIFY2(e.message().contains(QLatin1String("6,7")), qPrintable(e.message()));
        }
    }

    void theDatabasesSayTheRuleAndTheirValues()
    {
        CancelToken token;
        shard::ShardReader reader(m_four);
        reader.resolve(token);
        QCOMPARE(reader.set().rule.values, 8);
        QVERIFY(reader.set().rule.expression.contains(QLatin1String("player_id")));
        QVERIFY(reader.ruleSource().contains(QLatin1String("shard_key")));
        for (int s = 0; s < 4; ++s)
            QCOMPARE(reader.set().members[s].values, (QList<int>{2 * s, 2 * s + 1}));
        QVERIFY(reader.down().isEmpty());
    }

    void mergedPagesAreExact_data()
    {
        QTest::addColumn<int>("which");
        QTest::newRow("two shards") << 2;
        QTest::newRow("four shards") << 4;
    }
    void mergedPagesAreExact()
    {
        QFETCH(int, which);
        const shard::ShardSet &set = which == 2 ? m_two : m_four;
        CancelToken token;
        shard::ShardReader reader(set);
        reader.resolve(token);
        // By key: every player once, in uuid order, a page of 7 at a time.
        QStringList seen;
        shard::Cursor at;
        int pages = 0;
        for (;;) {
            const shard::Page p = reader.page(QStringLiteral("public"), QStringLiteral("players"), {}, {}, at, 7, token);
            QVERIFY(p.down.isEmpty());
            QVERIFY(p.rows.size() <= 7);
            for (qsizetype r = 0; r < p.rows.size(); ++r) {
                const QString id = QString::fromUtf8(p.rows[r].key.at(0));
                seen << id;
                // The shard it is shown on is the one its rule value names.
                QVERIFY(set.members.size() == 2 ? reader.set().members[p.member[r]].values.contains(ruleValue(id))
                                                : p.member[r] == ruleValue(id) / 2);
            }
            ++pages;
            if (p.atEnd)
                break;
            // The cursor survives being written out and read back (the CLI's --after).
            at = shard::Cursor::fromJson(p.next.toJson(), int(set.members.size()));
            QVERIFY(pages < 1000);
        }
        QCOMPARE(seen, allPlayers(set));
        QCOMPARE(seen.size(), kPlayers);

        // By an indexed time, newest first: the events of every shard, in order, none twice.
        std::set<std::pair<int, QByteArray>> events;
        QByteArray last;
        at = {};
        for (;;) {
            const shard::Page p = reader.page(QStringLiteral("public"), QStringLiteral("player_events"), {},
                                              {QStringLiteral("occurred_at"), true}, at, 50, token);
            for (qsizetype r = 0; r < p.rows.size(); ++r) {
                QVERIFY(events.insert({p.member[r], p.rows[r].key.at(0)}).second);
                const QByteArray when = *p.rows[r].sortValue;
                QVERIFY2(last.isEmpty() || when <= last, when.constData());
                last = when;
            }
            if (p.atEnd)
                break;
            at = p.next;
        }
        QCOMPARE(int(events.size()), kPlayers * kEventsEach);

        const shard::Count estimated =
            reader.count(QStringLiteral("public"), QStringLiteral("players"), {}, false, token);
        const shard::Count exact = reader.count(QStringLiteral("public"), QStringLiteral("players"), {}, true, token);
        QCOMPARE(exact.rows, qint64(kPlayers));
        QVERIFY(exact.exact && !estimated.exact);
        QCOMPARE(estimated.rows, qint64(kPlayers)); // analyzed: the estimates are the counts
        QCOMPARE(exact.perMember.size(), set.members.size());
    }

    void onePlayerIsReadOnItsShardAndWritesGoThere()
    {
        CancelToken token;
        shard::ShardReader reader(m_four);
        reader.resolve(token);
        const QString player = allPlayers(m_four).at(123);
        const int expected = ruleValue(player) / 2;
        const shard::Page p = reader.page(QStringLiteral("public"), QStringLiteral("player_events"),
                                          {{QStringLiteral("player_id"), browse::Filter::Op::Equals, player}}, {}, {},
                                          100, token);
        QCOMPARE(p.asked, QList<int>{expected});
        QCOMPARE(p.rows.size(), kEventsEach);
        QVERIFY(p.atEnd);
        // Once warm, a routed read is one round trip, the page on that shard: the program
        // evaluates seed 003's rule itself (LocalRule, proven on the server by the first read).
        const auto trips = [&] {
            quint64 n = 0;
            for (int i = 0; i < m_four.members.size(); ++i)
                n += reader.connection(i, token)->roundTrips();
            reader.release();
            return n;
        };
        const QString other = allPlayers(m_four).at(321);
        const quint64 before = trips();
        const shard::Page q = reader.page(QStringLiteral("public"), QStringLiteral("player_events"),
                                          {{QStringLiteral("player_id"), browse::Filter::Op::Equals, other}}, {}, {},
                                          100, token);
        QCOMPARE(q.rows.size(), kEventsEach);
        QCOMPARE(trips() - before, quint64(1));
        QCOMPARE(reader.owner(QStringLiteral("public"), QStringLiteral("players"), QStringLiteral("player_id"), player,
                              token),
                 expected);
        // A column the rule does not go by cannot name a shard: a write by it is refused.
        try {
            reader.owner(QStringLiteral("public"), QStringLiteral("player_events"), QStringLiteral("event_type"),
                         QStringLiteral("login"), token);
            QFAIL("a write was routed by a column the rule does not use");
        } catch (const Error &e) {
            QCOMPARE(e.kind(), Error::Kind::Conflict);
            QVERIFY(e.message().contains(QLatin1String("nothing was written")));
        }
        // A value the column cannot take is the caller's mistake, named.
        QVERIFY_THROWS_EXCEPTION(Error, reader.owner(QStringLiteral("public"), QStringLiteral("players"),
                                                     QStringLiteral("player_id"), QStringLiteral("not-a-uuid"), token));
    }

    void rowsInTheWrongShardAreReported()
    {
        CancelToken token;
        shard::ShardReader reader(m_four);
        reader.resolve(token);
        QVERIFY(reader.check().isEmpty());
        // A player whose value is 7 (shard q3) written into q0 by a broken backend; q0's CHECK
        // would refuse it, so the constraint goes first, as it would on a real mistake.
        QString stray;
        for (int i = 10000; stray.isEmpty(); ++i) {
            const QString id = QString::fromLatin1(QCryptographicHash::hash(QStringLiteral("x%1").arg(i).toUtf8(),
                                                                              QCryptographicHash::Md5)
                                                        .toHex());
            const QString uuid = QStringLiteral("%1-%2-%3-%4-%5").arg(id.left(8), id.mid(8, 4), id.mid(12, 4),
                                                                      id.mid(16, 4), id.mid(20));
            if (ruleValue(uuid) == 7)
                stray = uuid;
        }
        auto q0 = test::connect(m_four.members[0].settings);
        q0->exec(QStringLiteral("ALTER TABLE players DROP CONSTRAINT players_shard_key_check"));
        q0->exec(QStringLiteral("INSERT INTO players (player_id, username) VALUES ($1, 'stray')"), {stray});
        const auto putBack = qScopeGuard([&] {
            q0->exec(QStringLiteral("DELETE FROM players WHERE player_id = $1"), {stray});
            q0->exec(QStringLiteral("ALTER TABLE players ADD CHECK (shard_key = ANY (ARRAY[0, 1]))"));
        });
        shard::ShardSet given = m_four; // the values now given, as the CHECK is gone
        for (int s = 0; s < 4; ++s)
            given.members[s].values = {2 * s, 2 * s + 1};
        shard::ShardReader checking(given);
        checking.resolve(token);
        const QList<shard::Misplaced> wrong = checking.check();
        QCOMPARE(wrong.size(), 1);
        QCOMPARE(wrong.first().member, 0);
        QCOMPARE(wrong.first().table, QStringLiteral("public.players"));
        QCOMPARE(wrong.first().value, 7);
        QCOMPARE(wrong.first().owner, 3);
        QCOMPARE(wrong.first().rows, 1);

        // The CLI says so too, and fails.
        QStringList args{QStringLiteral("shard"), QStringLiteral("check"), QStringLiteral("--json")};
        for (const shard::Member &m : std::as_const(given.members))
            args << QStringLiteral("--member")
                 << QStringLiteral("%1:%2").arg(shard::ShardSet::valuesText(m.values), m.settings.conninfo());
        const CliRun cli = runCli(args);
        QCOMPARE(cli.exitCode, 1);
        const QJsonArray misplaced = cli.json().object().value(QStringLiteral("misplaced")).toArray();
        QCOMPARE(misplaced.size(), 1);
        QCOMPARE(misplaced.first().toObject().value(QStringLiteral("value")).toInt(), 7);
        QCOMPARE(misplaced.first().toObject().value(QStringLiteral("table")).toString(), QStringLiteral("public.players"));
        QVERIFY2(misplaced.first().toObject().value(QStringLiteral("belongs_to")).toString().endsWith(
                     given.members[3].settings.database()),
                 cli.out.constData());
    }

    void aStatementRunsOnEachShard()
    {
        QList<browse::FamilyQuery::Target> targets;
        for (const shard::Member &m : std::as_const(m_four.members))
            targets.append({m.displayLabel(), m.settings.database(), {}, m.settings, {}});
        browse::FamilyColumns columns(false, QStringLiteral("shard"));
        qint64 total = 0;
        std::set<QString> shards;
        CancelToken token;
        browse::FamilyQuery::run(
            targets, QStringLiteral("SELECT count(*) AS players FROM players"), {},
            [&](const browse::FamilyBatch &b) {
                if (b.kind == browse::FamilyBatch::Kind::Rows) {
                    columns.setFrom(b.columns);
                    const auto row = columns.place(b, 0);
                    shards.insert(QString::fromUtf8(*row[0]));
                    total += row[1]->toLongLong();
                }
                return true;
            },
            token);
        QCOMPARE(columns.header().first(), QStringLiteral("shard"));
        QCOMPARE(shards, (std::set<QString>{QStringLiteral("q0"), QStringLiteral("q1"), QStringLiteral("q2"),
                                            QStringLiteral("q3")}));
        QCOMPARE(total, qint64(kPlayers));
    }

    // Paper Dynasty games split by game: a rollback through the set goes to the shard that owns
    // the game and nowhere else; a set whose rule cannot name the owner refuses, writing nothing.
    void aRollbackGoesToTheShardThatOwnsTheGame()
    {
        if (!cliIsExecutable())
            QFAIL("STATESCOPE_CLI does not name the statescope-cli binary");
        shard::ShardSet set;
        set.name = QStringLiteral("games");
        set.rule.expression = QStringLiteral("(('x' || substr(game_id::text, 1, 2))::bit(8)::int % 2)");
        set.rule.values = 2;
        QList<QStringList> owned(2); // per shard: games in progress with plays, the rule placing them there
        for (int s = 0; s < 2; ++s) {
            const auto db = freshDatabase(QStringLiteral("mlg%1").arg(s)); // migrated: the demo's schema
            m_near << db.database();
            auto conn = test::connect(db);
            demo::DemoOptions o;
            o.events = 20;
            o.games = 16;
            o.snapshots = 0;
            o.seed = 4100 + quint64(s);
            demo::seed(*conn, o);
            const pg::Result r = conn->exec(QStringLiteral(
                "SELECT g.id::text FROM core.games g WHERE g.status <> 'completed' AND "
                "(SELECT max(play_number) FROM core.plays p WHERE p.game_id = g.id) > 3 ORDER BY g.id"));
            for (int i = 0; i < r.rowCount(); ++i)
                if (r.value(i, 0).left(2).toInt(nullptr, 16) % 2 == s)
                    owned[s] << r.value(i, 0);
            set.members.append({QStringLiteral("g%1").arg(s), db, {s}});
        }
        QVERIFY2(!owned[1].isEmpty(), "no game in progress on shard g1 that its rule places there");
        shard::ShardSet blind = set; // a rule over a column the game's rows do not have
        blind.name = QStringLiteral("blind");
        blind.rule.expression = QStringLiteral("(abs(hashtext(region)) % 2)");
        QList<shard::ShardSet> sets = shard::savedSets();
        sets << set << blind;
        shard::saveSets(sets);

        const QString game = owned[1].first();
        auto g1 = test::connect(set.members[1].settings);
        auto g0 = test::connect(set.members[0].settings);
        const QString playsSql = QStringLiteral("SELECT count(*) FROM core.plays WHERE game_id = $1");
        const qint64 before = scalar(*g1, playsSql, {game});
        const qint64 otherBefore = scalar(*g0, QStringLiteral("SELECT count(*) FROM core.plays"));
        QVERIFY(before > 3);

        // Refused: the rule needs a column neither plays nor games has alone; nothing written.
        const QStringList args{QStringLiteral("rollback"), QStringLiteral("--game"), game, QStringLiteral("--to"),
                               QStringLiteral("2"), QStringLiteral("--reason"), QStringLiteral("shard test"),
                               QStringLiteral("--confirm"), game.left(8), QStringLiteral("--json")};
        CliRun cli = runCli(QStringList{args} << QStringLiteral("--set") << QStringLiteral("blind"));
        QVERIFY2(cli.exitCode != 0, cli.describe().toUtf8());
        QVERIFY2(cli.errorField("message").contains(QStringLiteral("nothing was written")), cli.describe().toUtf8());
        QCOMPARE(scalar(*g1, playsSql, {game}), before);

        // Through the set: on g1 only.
        cli = runCli(QStringList{args} << QStringLiteral("--set") << QStringLiteral("games"));
        QVERIFY2(cli.exitCode == 0, cli.describe().toUtf8());
        QCOMPARE(cli.json().object().value(QStringLiteral("shard")).toString(), QStringLiteral("g1"));
        QVERIFY2(cli.err.contains("is on shard g1"), cli.err.constData());
        QCOMPARE(scalar(*g1, playsSql, {game}), qint64(2));
        QCOMPARE(scalar(*g0, QStringLiteral("SELECT count(*) FROM core.plays")), otherBefore);
        QCOMPARE(scalar(*g1, QStringLiteral("SELECT count(*) FROM statescope.rollbacks")), qint64(1));

        // --db and --set together are refused.
        cli = runCli(QStringList{args} << QStringLiteral("--set") << QStringLiteral("games") << QStringLiteral("--db")
                                       << set.members[0].settings.conninfo());
        QCOMPARE(cli.exitCode, 2);

        // --db on a shard of a saved set: the set's rule must place the game there. While the
        // blind set holds these databases too, it cannot say, and every rollback is refused.
        const QStringList toOne{QStringLiteral("rollback"), QStringLiteral("--game"), game, QStringLiteral("--to"),
                                QStringLiteral("1"), QStringLiteral("--reason"), QStringLiteral("shard test"),
                                QStringLiteral("--confirm"), game.left(8), QStringLiteral("--json"),
                                QStringLiteral("--db")};
        cli = runCli(QStringList{toOne} << set.members[1].settings.conninfo());
        QCOMPARE(cli.exitCode, 1);
        QVERIFY2(cli.errorField("message").contains(QStringLiteral("cannot say which shard")), cli.describe().toUtf8());
        QCOMPARE(scalar(*g1, playsSql, {game}), qint64(2));
        sets = shard::savedSets();
        sets.removeIf([](const shard::ShardSet &s) { return s.name == QLatin1String("blind"); });
        shard::saveSets(sets);
        // The wrong shard: refused, naming the owner.
        cli = runCli(QStringList{toOne} << set.members[0].settings.conninfo());
        QCOMPARE(cli.exitCode, 1);
        QVERIFY2(cli.errorField("message").contains(QStringLiteral("belongs to g1")), cli.describe().toUtf8());
        QCOMPARE(scalar(*g0, QStringLiteral("SELECT count(*) FROM core.plays")), otherBefore);
        // However the connection string spells that database (here its socket directory with a
        // trailing slash): the server says which database it is.
        pg::ConnectionSettings spelled = set.members[0].settings;
        if (spelled.value(QStringLiteral("host")).startsWith(QLatin1Char('/'))) {
            spelled.setValue(QStringLiteral("host"), spelled.value(QStringLiteral("host")) + QLatin1Char('/'));
            cli = runCli(QStringList{toOne} << spelled.conninfo());
            QCOMPARE(cli.exitCode, 1);
            QVERIFY2(cli.errorField("message").contains(QStringLiteral("belongs to g1")), cli.describe().toUtf8());
        }
        // Its own shard: done.
        cli = runCli(QStringList{toOne} << set.members[1].settings.conninfo());
        QVERIFY2(cli.exitCode == 0, cli.describe().toUtf8());
        QCOMPARE(scalar(*g1, playsSql, {game}), qint64(1));
    }

    void aShardThatIsDownIsNamed()
    {
        CancelToken token;
        shard::ShardReader reader(m_two);
        reader.resolve(token);
        QCOMPARE(reader.page(QStringLiteral("public"), QStringLiteral("players"), {}, {}, {}, 1000, token).rows.size(),
                 kPlayers);
        m_box->stop();
        const shard::Page p = reader.page(QStringLiteral("public"), QStringLiteral("players"), {}, {}, {}, 1000, token);
        QCOMPARE(p.down.size(), 1);
        QCOMPARE(p.down.first().label, QStringLiteral("s1"));
        QVERIFY(!p.down.first().error.isEmpty());
        // Only the answering shard's rows; the missing ones are named, not silently left out.
        const int near = int(scalar(*test::connect(m_two.members[0].settings), QStringLiteral("SELECT count(*) FROM players")));
        QCOMPARE(p.rows.size(), near);
        QVERIFY(p.rows.size() < kPlayers);
        const shard::Count c = reader.count(QStringLiteral("public"), QStringLiteral("players"), {}, true, token);
        QCOMPARE(c.rows, qint64(near));
        QCOMPARE(c.perMember.at(1), qint64(-1));
        QCOMPARE(c.down.size(), 1);
        m_box->start();
    }
};

QTEST_MAIN(TestShards)
#include "tst_shards.moc"
