// Drift across a family, on real databases: four weeks of Statescope's weekly schema with a
// difference planted in one and a migration's checksum changed in another, and four weeks of
// a game's own Flyway-managed schema, one of which moved ahead (a new migration, a column)
// and one whose recorded checksum disagrees with the others. The matrix says each week's
// tool and version, checksum drift, fingerprint and where it differs from the majority; a
// copy of a differing week is warned about before anything happens; the CLI twin.

#include "support/testhelpers.h"
#include "support/testserver.h"

#include "core/weekly/drift.h"
#include "core/pg/connection.h"
#include "core/weekly/family.h"
#include "core/weekly/serveradmin.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace statescope;
using namespace statescope::test;
using weekly::FamilyDrift;

class TestDrift : public QObject
{
    Q_OBJECT

    QString m_weekly; // prefixes
    QString m_game;
    QStringList m_databases;

    QString name(const QString &prefix, int week) const
    {
        return QStringLiteral("%1_2025_w%2").arg(prefix).arg(week, 2, 10, QLatin1Char('0'));
    }
    std::unique_ptr<pg::Connection> to(const QString &db) { return test::connect(serverSettings().withDatabase(db)); }
    FamilyDrift drift(const QString &prefix)
    {
        const weekly::Family f = weekly::Family::list({{{}, serverSettings(), {}}}, prefix);
        return FamilyDrift::read(f.weeks(), 2);
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(cliIsExecutable(), kNoCli);
        const QString pid = QString::number(QCoreApplication::applicationPid());
        m_weekly = QStringLiteral("t_drw") + pid;
        m_game = QStringLiteral("t_drg") + pid;
        const weekly::ServerAdmin admin(serverSettings());
        for (int w = 1; w <= 4; ++w) {
            admin.create(name(m_weekly, w));
            m_databases << name(m_weekly, w);
        }
        // Week 3 has an index of its own; week 4's V003 was edited after it was applied.
        to(name(m_weekly, 3))->exec(QStringLiteral("CREATE INDEX extra_idx ON raw.api_events (status_code)"));
        to(name(m_weekly, 4))->exec(QStringLiteral("UPDATE statescope.schema_history SET checksum = repeat('0', 64) "
                                                   "WHERE version = 3"));
        // A game's own family, Flyway-managed.
        for (int w = 1; w <= 4; ++w) {
            const pg::ConnectionSettings db = emptyDatabase(QStringLiteral("drg"));
            auto conn = test::connect(serverSettings());
            conn->exec(QStringLiteral("ALTER DATABASE %1 RENAME TO %2").arg(db.database(), name(m_game, w)));
            m_databases << name(m_game, w);
            to(name(m_game, w))->execScript(QStringLiteral(
                "CREATE TABLE public.flyway_schema_history (installed_rank int PRIMARY KEY, version varchar(50), "
                "  description varchar(200) NOT NULL, type varchar(20) NOT NULL, script varchar(1000) NOT NULL, "
                "  checksum int, installed_by varchar(100) NOT NULL, installed_on timestamp NOT NULL DEFAULT now(), "
                "  execution_time int NOT NULL, success boolean NOT NULL);"
                "INSERT INTO public.flyway_schema_history VALUES "
                "  (1, '1', 'init', 'SQL', 'V1__init.sql', 1111, 'app', now(), 5, true),"
                "  (2, '2', 'wallets', 'SQL', 'V2__wallets.sql', 2222, 'app', now(), 5, true);"
                "CREATE TABLE public.players (id uuid PRIMARY KEY, name text NOT NULL);"
                "CREATE TABLE public.wallets (player_id uuid REFERENCES public.players, coins bigint CHECK (coins >= 0));"));
        }
        to(name(m_game, 4))->execScript(QStringLiteral(
            "INSERT INTO public.flyway_schema_history VALUES (3, '3', 'gems', 'SQL', 'V3__gems.sql', 3333, 'app', now(), 5, true);"
            "ALTER TABLE public.wallets ADD COLUMN gems bigint NOT NULL DEFAULT 0;"));
        to(name(m_game, 2))->exec(QStringLiteral("UPDATE public.flyway_schema_history SET checksum = 9999 WHERE version = '2'"));
    }

    void cleanupTestCase()
    {
        for (const QString &db : std::as_const(m_databases))
            dropDatabase(db);
        test::connect(serverSettings())->exec(QStringLiteral("DROP ROLE IF EXISTS %1").arg(serviceRole()));
    }
    QString serviceRole() const { return QStringLiteral("t_drsvc") + QString::number(QCoreApplication::applicationPid()); }

    void aWeeklyFamilysWeeksSideBySide()
    {
        const FamilyDrift d = drift(m_weekly);
        QCOMPARE(d.weeks.size(), 4);
        QCOMPARE(d.majorityWeeks, 3);
        for (const weekly::WeekDrift &w : d.weeks) {
            QVERIFY2(w.error.isEmpty(), qPrintable(w.error));
            QVERIFY2(w.tools.join(QLatin1Char(',')).contains(QLatin1String("Statescope")), qPrintable(w.tools.join(',')));
            QCOMPARE(w.majority, w.week.database() != name(m_weekly, 3));
        }
        const weekly::WeekDrift *third = d.of(name(m_weekly, 3));
        QCOMPARE(third->differenceCount, 1);
        QCOMPARE(third->differences, (QStringList{QStringLiteral("+ index raw.api_events.extra_idx")}));
        // Week 4: the file changed after it was applied, and the others disagree with it.
        const weekly::WeekDrift *fourth = d.of(name(m_weekly, 4));
        QVERIFY2(fourth->checksumDrift.size() == 2, qPrintable(fourth->checksumDrift.join(QStringLiteral("; "))));
        QVERIFY(d.of(name(m_weekly, 1))->checksumDrift.isEmpty());
        // A copy of week 3 is warned about; of week 2, not.
        QVERIFY(d.warningFor(name(m_weekly, 3)).has_value());
        QVERIFY(!d.warningFor(name(m_weekly, 2)).has_value());
    }

    void aGamesOwnFamilyWhoseHeadMoved()
    {
        const FamilyDrift d = drift(m_game);
        QCOMPARE(d.majorityWeeks, 3);
        const weekly::WeekDrift *ahead = d.of(name(m_game, 4));
        QVERIFY(!ahead->majority);
        QVERIFY2(ahead->tools.join(QLatin1Char(',')).contains(QLatin1String("Flyway 3")), qPrintable(ahead->tools.join(',')));
        QVERIFY(d.of(name(m_game, 1))->tools.join(QLatin1Char(',')).contains(QLatin1String("Flyway 2")));
        QCOMPARE(ahead->differences, (QStringList{QStringLiteral("+ column public.wallets.gems")}));
        const weekly::WeekDrift *edited = d.of(name(m_game, 2));
        QVERIFY(edited->majority); // same schema...
        QCOMPARE(edited->checksumDrift.size(), 1); // ...but a history that disagrees
        QVERIFY2(edited->checksumDrift.first().contains(QLatin1String("Flyway 2")), qPrintable(edited->checksumDrift.first()));
        // Reset of the week that moved ahead says so first (its own schema comes back).
        const CliRun reset = runCli({QStringLiteral("db"), QStringLiteral("reset"), QStringLiteral("--server"),
                                     serverSettings().storableString(), QStringLiteral("--name"), name(m_game, 4),
                                     QStringLiteral("--dry-run")});
        QVERIFY2(reset.exitCode == 0, qPrintable(reset.describe()));
        QVERIFY2(reset.err.contains("differs from the schema"), reset.err.constData());
    }

    void theCliTwin()
    {
        const CliRun run = runCli({QStringLiteral("db"), QStringLiteral("drift"), QStringLiteral("--server"),
                                   serverSettings().storableString(), QStringLiteral("--prefix"), m_weekly,
                                   QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        const QJsonObject o = run.json().object();
        QCOMPARE(o.value(QStringLiteral("majority_weeks")).toInt(), 3);
        const QJsonArray weeks = o.value(QStringLiteral("weeks")).toArray();
        QCOMPARE(weeks.size(), 4);
        QCOMPARE(weeks[2].toObject().value(QStringLiteral("majority")).toBool(), false);
        QCOMPARE(weeks[2].toObject().value(QStringLiteral("difference_count")).toInt(), 1);
        QVERIFY(!weeks[0].toObject().value(QStringLiteral("fingerprint")).toString().isEmpty());
    }

    // A week restored by another role: its tables have another owner, and drift says so as a
    // kind of its own (last: it changes the game's majority).
    void aWeekWhoseTablesHaveAnotherOwner()
    {
        auto admin = test::connect(serverSettings());
        const QString me = admin->exec(QStringLiteral("SELECT quote_ident(current_user)")).value(0, 0);
        admin->exec(QStringLiteral("CREATE ROLE %1").arg(serviceRole()));
        to(name(m_game, 3))->execScript(QStringLiteral("ALTER TABLE public.players OWNER TO %1; ALTER TABLE public.wallets OWNER TO %1")
                                       .arg(serviceRole()));
        const FamilyDrift d = drift(m_game);
        const weekly::WeekDrift *third = d.of(name(m_game, 3));
        QVERIFY(!third->majority);
        QCOMPARE(third->differenceCount, 0);
        QCOMPARE(third->ownerCount, 2);
        QCOMPARE(third->owners, (QStringList{QStringLiteral("table public.players: %1 -> %2").arg(me, serviceRole()),
                                             QStringLiteral("table public.wallets: %1 -> %2").arg(me, serviceRole())}));
        QVERIFY(d.of(name(m_game, 1))->majority);
        QCOMPARE(d.of(name(m_game, 1))->ownerCount, 0);
        const std::optional<QString> warning = d.warningFor(name(m_game, 3));
        QVERIFY(warning.has_value());
        QVERIFY2(warning->contains(QLatin1String("other owners")), qPrintable(*warning));
        const CliRun run = runCli({QStringLiteral("db"), QStringLiteral("drift"), QStringLiteral("--server"),
                                   serverSettings().storableString(), QStringLiteral("--prefix"), m_game});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        QVERIFY2(run.out.contains("owners differ on 2 object(s)"), run.out.constData());
        QVERIFY2(run.out.contains(QStringLiteral("owner table public.players: %1 -> %2").arg(me, serviceRole()).toUtf8()),
                 run.out.constData());
    }
};

QTEST_GUILESS_MAIN(TestDrift)
#include "tst_drift.moc"
