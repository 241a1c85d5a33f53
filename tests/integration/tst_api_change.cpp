// API change between two resets on real databases made the way a game's own backend makes them
// (a table named api_log, columns event_id/received_at/route/http_status/body, found through
// the layout): per endpoint the counts and error rates, the payload paths that came, went or
// changed type with an event on each side showing it, an endpoint only one week has, the
// newest-N sample against all payloads, and the CLI twin with its refusals.

#include "support/testhelpers.h"
#include "support/testserver.h"

#include "core/events/apichange.h"
#include "core/pg/connection.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace statescope;
using namespace statescope::test;
using events::ApiChange;
using events::EndpointChange;
using events::ShapeChange;

namespace {

const char *const kTable =
    "CREATE TABLE public.api_log (event_id bigint PRIMARY KEY, received_at timestamptz NOT NULL, "
    "route text NOT NULL, http_status int NOT NULL, body jsonb);";

const EndpointChange *find(const QList<EndpointChange> &changes, const QString &endpoint)
{
    for (const EndpointChange &c : changes)
        if (c.endpoint == endpoint)
            return &c;
    return nullptr;
}

const ShapeChange *find(const EndpointChange &c, const QString &path)
{
    for (const ShapeChange &s : c.shape)
        if (s.path == path)
            return &s;
    return nullptr;
}

} // namespace

class TestApiChange : public QObject
{
    Q_OBJECT

    pg::ConnectionSettings m_a, m_b;

private slots:
    void initTestCase()
    {
        m_a = emptyDatabase(QStringLiteral("api_a"));
        m_b = emptyDatabase(QStringLiteral("api_b"));
        // Week A: /my/agent 10 answers (credits a number), 2 of them errors; /my/ships 4 answers.
        test::connect(m_a)->execScript(QLatin1String(kTable) + QStringLiteral(
            "INSERT INTO public.api_log SELECT g, now() - make_interval(mins => 100 - g), '/my/agent', "
            "  CASE WHEN g <= 2 THEN 429 ELSE 200 END, "
            "  CASE WHEN g <= 2 THEN '{\"error\": {\"code\": 429}}' "
            "       ELSE jsonb_build_object('data', jsonb_build_object('symbol', 'A' || g, 'credits', g * 10)) END "
            "FROM generate_series(1, 10) g;"
            "INSERT INTO public.api_log SELECT 100 + g, now(), '/my/ships', 200, "
            "  '{\"data\": [{\"symbol\": \"S1\", \"fuel\": {\"current\": 5, \"capacity\": 100}}]}' "
            "FROM generate_series(1, 4) g;"));
        // Week B: credits became a string on the newest answer only, a faction appeared, 5 of
        // 10 failed; ships lost fuel; /factions is new.
        test::connect(m_b)->execScript(QLatin1String(kTable) + QStringLiteral(
            "INSERT INTO public.api_log SELECT g, now() - make_interval(mins => 100 - g), '/my/agent', "
            "  CASE WHEN g <= 5 THEN 500 ELSE 200 END, "
            "  CASE WHEN g <= 5 THEN '{\"error\": {\"code\": 500}}' "
            "       WHEN g = 10 THEN '{\"data\": {\"symbol\": \"B10\", \"credits\": \"100\", \"faction\": \"COSMIC\"}}' "
            "       ELSE jsonb_build_object('data', jsonb_build_object('symbol', 'B' || g, 'credits', g * 10, 'faction', 'COSMIC')) END "
            "FROM generate_series(1, 10) g;"
            "INSERT INTO public.api_log SELECT 200 + g, now(), '/my/ships', 200, '{\"data\": [{\"symbol\": \"S1\"}]}' "
            "FROM generate_series(1, 3) g;"
            "INSERT INTO public.api_log VALUES (300, now(), '/factions', 200, '{\"data\": []}');"));
    }

    void cleanupTestCase()
    {
        dropDatabase(m_a.database());
        dropDatabase(m_b.database());
    }

    void countsErrorRatesAndShapeChangesPerEndpoint()
    {
        auto a = test::connect(m_a);
        auto b = test::connect(m_b);
        const QList<EndpointChange> changes = ApiChange::compare(ApiChange::read(*a, 0), ApiChange::read(*b, 0));
        QCOMPARE(changes.size(), 3);

        const EndpointChange *agent = find(changes, QStringLiteral("/my/agent"));
        QVERIFY(agent);
        QCOMPARE(agent->fromEvents, 10);
        QCOMPARE(agent->toEvents, 10);
        QCOMPARE(agent->fromErrors, 2);
        QCOMPARE(agent->toErrors, 5);
        QCOMPARE(agent->fromErrorRate(), 0.2);
        QCOMPARE(agent->toErrorRate(), 0.5);
        QCOMPARE(agent->fromSampled, 8); // errors are not the shape of an answer
        QCOMPARE(agent->toSampled, 5);
        QCOMPARE(agent->shape.size(), 2);
        const ShapeChange *faction = find(*agent, QStringLiteral("$.data.faction"));
        QVERIFY(faction);
        QCOMPARE(faction->type, ShapeChange::Type::Added);
        QCOMPARE(faction->toTypes, QStringList{QStringLiteral("string")});
        QCOMPARE(faction->fromExample, 0);
        QVERIFY(faction->toExample >= 6 && faction->toExample <= 10);
        const ShapeChange *credits = find(*agent, QStringLiteral("$.data.credits"));
        QVERIFY(credits);
        QCOMPARE(credits->type, ShapeChange::Type::Changed);
        QCOMPARE(credits->fromTypes, QStringList{QStringLiteral("number")});
        QCOMPARE(credits->toTypes, (QStringList{QStringLiteral("number"), QStringLiteral("string")}));
        QCOMPARE(credits->toExample, 10); // the one event where it is a string

        const EndpointChange *ships = find(changes, QStringLiteral("/my/ships"));
        QVERIFY(ships);
        QCOMPARE(ships->fromEvents, 4);
        QCOMPARE(ships->toEvents, 3);
        QStringList removed;
        for (const ShapeChange &s : ships->shape) {
            QCOMPARE(s.type, ShapeChange::Type::Removed);
            QVERIFY(s.fromExample > 100 && s.fromExample <= 104);
            removed << s.path;
        }
        removed.sort();
        QCOMPARE(removed, (QStringList{QStringLiteral("$.data[*].fuel"), QStringLiteral("$.data[*].fuel.capacity"),
                                       QStringLiteral("$.data[*].fuel.current")}));

        const EndpointChange *factions = find(changes, QStringLiteral("/factions"));
        QVERIFY(factions);
        QCOMPARE(factions->fromEvents, 0);
        QCOMPARE(factions->toEvents, 1);
        QVERIFY(factions->shape.isEmpty()); // nothing to compare a shape with
        QVERIFY(factions->isNew());
        QCOMPARE(factions->status(), "new");
        QCOMPARE(agent->status(), "changed");
        QVERIFY(!agent->isNew() && !agent->isGone());
        // The other way round, it is gone.
        const QList<EndpointChange> back = ApiChange::compare(ApiChange::read(*b, 0), ApiChange::read(*a, 0));
        const EndpointChange *gone = find(back, QStringLiteral("/factions"));
        QVERIFY(gone && gone->isGone() && !gone->isNew());
        QCOMPARE(gone->status(), "gone");
    }

    void theSampleReadsOnlyTheNewest()
    {
        auto b = test::connect(m_b);
        // The newest successful /my/agent answer is event 10, the only one with a string.
        const QList<events::EndpointShape> one = ApiChange::read(*b, 1);
        for (const events::EndpointShape &s : one)
            if (s.endpoint == QLatin1String("/my/agent")) {
                QCOMPARE(s.sampled, 1);
                QCOMPARE(s.events, 10); // counts are of every event, not the sample
                QCOMPARE(s.paths.value(QStringLiteral("$.data.credits")), QStringList{QStringLiteral("string")});
            }
        QVERIFY(errorOf([&] { ApiChange::read(*b, -1); })->kind() == Error::Kind::InvalidInput);
    }

    void walkKeepsAShapeNotEveryKey()
    {
        events::EndpointShape shape;
        QVERIFY(!ApiChange::walk("{not json", 1, shape));
        QCOMPARE(shape.sampled, 0);
        QVERIFY(ApiChange::walk("{\"a b\": {\"x\\\"y\": [1, null, [true]]}}", 7, shape)); // no raw string: moc lost the next slot
        QCOMPARE(shape.paths.value(QStringLiteral("$.\"a b\".\"x\\\"y\"[*]")),
                 (QStringList{QStringLiteral("array"), QStringLiteral("null"), QStringLiteral("number")}));
        QCOMPARE(shape.paths.value(QStringLiteral("$.\"a b\".\"x\\\"y\"[*][*]")), QStringList{QStringLiteral("boolean")});
        // A payload keyed by ids has as many paths as ids: kept to kMaxPaths, and said so.
        QByteArray wide = "{";
        for (int i = 0; i < ApiChange::kMaxPaths + 10; ++i)
            wide += (i ? ",\"k" : "\"k") + QByteArray::number(i) + "\":1";
        wide += "}";
        events::EndpointShape big;
        QVERIFY(ApiChange::walk(wide, 1, big));
        QVERIFY(big.truncated);
        QCOMPARE(big.paths.size(), ApiChange::kMaxPaths);
    }

    void theCliTwinAndItsRefusals()
    {
        QVERIFY2(cliIsExecutable(), kNoCli);
        const CliRun run = runCli({QStringLiteral("events"), QStringLiteral("changes"), QStringLiteral("--db"), m_a.storableString(),
                                   QStringLiteral("--db"), m_b.storableString(), QStringLiteral("--all"), QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        const QJsonArray endpoints = run.json().object().value(QStringLiteral("endpoints")).toArray();
        QCOMPARE(endpoints.size(), 3);
        bool sawCredits = false;
        for (const QJsonValue &e : endpoints) {
            const QJsonObject o = e.toObject();
            if (o.value(QStringLiteral("endpoint")).toString() != QLatin1String("/my/agent"))
                continue;
            QCOMPARE(o.value(QStringLiteral("to_error_rate")).toDouble(), 0.5);
            for (const QJsonValue &s : o.value(QStringLiteral("shape")).toArray())
                if (s.toObject().value(QStringLiteral("path")).toString() == QLatin1String("$.data.credits")) {
                    sawCredits = true;
                    QCOMPARE(s.toObject().value(QStringLiteral("change")).toString(), QStringLiteral("changed"));
                    QCOMPARE(s.toObject().value(QStringLiteral("to_example")).toInt(), 10);
                }
        }
        QVERIFY(sawCredits);
        QStringList statuses;
        for (const QJsonValue &e : endpoints)
            statuses << e.toObject().value(QStringLiteral("endpoint")).toString() + QLatin1Char('=')
                            + e.toObject().value(QStringLiteral("status")).toString();
        statuses.sort();
        QCOMPARE(statuses, (QStringList{QStringLiteral("/factions=new"), QStringLiteral("/my/agent=changed"),
                                        QStringLiteral("/my/ships=changed")}));
        const CliRun text = runCli({QStringLiteral("events"), QStringLiteral("changes"), QStringLiteral("--db"), m_b.storableString(),
                                    QStringLiteral("--db"), m_a.storableString(), QStringLiteral("--all")});
        QVERIFY2(text.exitCode == 0, qPrintable(text.describe()));
        QVERIFY2(text.out.contains("/factions") && text.out.contains("GONE"),
                 qPrintable(text.describe()));

        const QString a = m_a.storableString(), b = m_b.storableString();
        const QList<QStringList> refused{
            {QStringLiteral("--db"), a},
            {QStringLiteral("--db"), a, QStringLiteral("--db"), b, QStringLiteral("--sample"), QStringLiteral("0")},
            {QStringLiteral("--db"), a, QStringLiteral("--db"), b, QStringLiteral("--sample"), QStringLiteral("5x")},
            {QStringLiteral("--db"), a, QStringLiteral("--db"), b, QStringLiteral("--sample"), QStringLiteral("3"), QStringLiteral("--all")},
        };
        for (const QStringList &args : refused) {
            const CliRun r = runCli(QStringList{QStringLiteral("events"), QStringLiteral("changes")} + args);
            QVERIFY2(r.exitCode == 2, qPrintable(args.join(QLatin1Char(' ')) + QLatin1Char('\n') + r.describe()));
        }
        // A database with no API events says so and which data it needs.
        const pg::ConnectionSettings bare = emptyDatabase(QStringLiteral("api_none"));
        const CliRun none = runCli({QStringLiteral("events"), QStringLiteral("changes"), QStringLiteral("--db"), a,
                                    QStringLiteral("--db"), bare.storableString(), QStringLiteral("--json")});
        dropDatabase(bare.database());
        QVERIFY2(none.exitCode != 0, qPrintable(none.describe()));
        QVERIFY2(none.errorField("message").contains(QLatin1String("API events")), qPrintable(none.describe()));
    }
};

QTEST_GUILESS_MAIN(TestApiChange)
#include "tst_api_change.moc"
