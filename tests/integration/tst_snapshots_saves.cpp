// Marketland cloud saves (core.save_snapshots) against a real server: the game's retention
// trigger reproduced with its quirk (a batch sharing created_at loses its newest rows), the
// saves list ordered by what is stored, checksums recomputed by the stated rule (a match,
// and a tampered row that no longer matches), and keyed diffs between two saves.

#include "core/error.h"
#include "core/pg/connection.h"
#include "core/layout/layout.h"
#include "core/snapshots/saves.h"
#include "integration/snapshotsfixture.h"
#include "support/testhelpers.h"
#include "support/testserver.h"

#include <QCryptographicHash>
#include <QTest>
#include <algorithm>

using namespace statescope;
using namespace statescope::test;
using namespace statescope::snapshots;

namespace {

const QString kBatchPlayer = QStringLiteral("11111111-1111-4111-8111-111111111111");
const QString kLatePlayer = QStringLiteral("22222222-2222-4222-8222-222222222222");
const QString kSumPlayer = QStringLiteral("33333333-3333-4333-8333-333333333333");

qint64 insertSave(pg::Connection &conn, const QString &player, const QByteArray &data,
                  const QString &createdAt = QStringLiteral("now()"),
                  const QString &checksum = QStringLiteral("unset"))
{
    return conn
        .exec(QStringLiteral("INSERT INTO core.save_snapshots (player_id, version, snapshot_data, "
                             "checksum, created_at) VALUES ($1, '3.0.1', $2::jsonb, $3, %1) "
                             "RETURNING snapshot_id")
                  .arg(createdAt),
              {player, data, checksum})
        .toLongLong(0, 0);
}

QList<qint64> stored(pg::Connection &conn, const QString &player, const char *order)
{
    const auto r = conn.exec(QStringLiteral("SELECT snapshot_id FROM core.save_snapshots WHERE "
                                            "player_id = $1 ORDER BY %1")
                                 .arg(QLatin1String(order)),
                             {player});
    QList<qint64> ids;
    for (int i = 0; i < r.rowCount(); ++i)
        ids << r.toLongLong(i, 0);
    return ids;
}

QList<qint64> listed(const QList<SaveInfo> &saves)
{
    QList<qint64> ids;
    for (const SaveInfo &s : saves)
        ids << s.snapshotId;
    return ids;
}

QString sha256(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

} // namespace

class TestSnapshotsSaves : public QObject, private SnapshotsFixture
{
    Q_OBJECT

private slots:
    void cleanupTestCase() { dropAll(); }

    void retentionTriggerQuirkIsReproduced()
    {
        auto conn = test::connect(empty(QStringLiteral("saves_quirk")));
        // Seven saves in one transaction: all share now() as created_at.
        QList<qint64> inserted;
        conn->transaction([&] {
            for (int i = 1; i <= 7; ++i)
                inserted << insertSave(*conn, kBatchPlayer,
                                       QByteArray("{\"n\": ") + QByteArray::number(i) + '}');
        });
        const QList<qint64> survivors = stored(*conn, kBatchPlayer, "snapshot_id");
        QCOMPARE(survivors.size(), 5);
        QCOMPARE(scalar(*conn,
                        QStringLiteral("SELECT count(DISTINCT created_at) FROM core.save_snapshots "
                                       "WHERE player_id = $1"),
                        {kBatchPlayer}),
                 1);
        // The tie on created_at is broken by scan order: the newest saves were deleted, so
        // the survivors are not the five highest ids.
        QVERIFY2(survivors != inserted.mid(2), "survivors are the five highest ids");
        QVERIFY(!survivors.contains(inserted.last()));
        QVERIFY(*std::max_element(survivors.begin(), survivors.end()) < inserted.last());

        // The list orders by what is stored: created_at, then id, exactly as the server does.
        SaveStore store(*conn);
        const QList<SaveInfo> saves = store.saves(kBatchPlayer);
        QCOMPARE(listed(saves), stored(*conn, kBatchPlayer, "created_at DESC, snapshot_id DESC"));
        for (const SaveInfo &s : saves)
            QCOMPARE(s.createdAtExact, saves.first().createdAtExact); // a visible tie

        // An offline save uploaded late carries an older created_at: it has the highest id,
        // and the trigger deletes it at once.
        for (int i = 1; i <= 5; ++i)
            insertSave(*conn, kLatePlayer, "{\"late\": false}",
                       QStringLiteral("'2025-01-06 10:00:%1+00'").arg(i * 10));
        const QList<qint64> five = stored(*conn, kLatePlayer, "snapshot_id");
        const qint64 late = insertSave(*conn, kLatePlayer, "{\"late\": true}",
                                       QStringLiteral("'2025-01-06 09:00+00'"));
        QCOMPARE(stored(*conn, kLatePlayer, "snapshot_id"), five);
        QVERIFY(late > five.last());
        // A save written between two others is listed between them, whatever its id.
        conn->exec(QStringLiteral("DELETE FROM core.save_snapshots WHERE snapshot_id = $1"),
                   {five.first()});
        const qint64 middle = insertSave(*conn, kLatePlayer, "{\"late\": 0}",
                                         QStringLiteral("'2025-01-06 10:00:35+00'"));
        const QList<qint64> order = listed(store.saves(kLatePlayer));
        QCOMPARE(order, (QList<qint64>{five[4], five[3], middle, five[2], five[1]}));
        QVERIFY(order.first() != *std::max_element(order.begin(), order.end()));

        // Players, the most recently saved first.
        const QList<SavePlayer> players = store.players();
        QCOMPARE(players.size(), 2);
        QCOMPARE(players[0].playerId, kBatchPlayer);
        QCOMPARE(players[0].saves, 5);
        QCOMPARE(players[1].playerId, kLatePlayer);
        QCOMPARE(players[1].saves, 5);
    }

    void checksumsAreRecomputedByTheStatedRule()
    {
        auto conn = test::connect(empty(QStringLiteral("saves_sum")));
        const QByteArray data = R"({"coins": 120, "farm": {"plots": [1, 2]}, "b": true})";
        // PostgreSQL prints jsonb with keys shorter first, ", " and ": " between items.
        const QByteArray printed = R"({"b": true, "farm": {"plots": [1, 2]}, "coins": 120})";
        const qint64 good =
            insertSave(*conn, kSumPlayer, data, QStringLiteral("now()"), sha256(printed));
        const qint64 upper =
            insertSave(*conn, kSumPlayer, data, QStringLiteral("now()"), sha256(printed).toUpper());
        const qint64 tampered =
            insertSave(*conn, kSumPlayer, data, QStringLiteral("now()"), sha256(printed));
        const qint64 compact =
            insertSave(*conn, kSumPlayer, data, QStringLiteral("now()"),
                       sha256(R"({"coins":120,"farm":{"plots":[1,2]},"b":true})"));
        conn->exec(QStringLiteral("UPDATE core.save_snapshots SET snapshot_data = "
                                  "jsonb_set(snapshot_data, '{coins}', '999999') WHERE "
                                  "snapshot_id = $1"),
                   {tampered});

        SaveStore store(*conn);
        QVERIFY(store.available());
        QCOMPARE(store.table(), QStringLiteral("core.save_snapshots"));
        QCOMPARE(store.data(good), printed);
        QVERIFY(SaveStore::checksumRule().contains(QLatin1String("snapshot_data::text")));
        const SaveInfo g = store.save(good);
        QCOMPARE(g.computedChecksum, sha256(printed));
        QVERIFY(g.checksumMatches);
        QVERIFY(store.save(upper).checksumMatches);
        const SaveInfo t = store.save(tampered);
        QVERIFY(!t.checksumMatches);
        QCOMPARE(t.storedChecksum, sha256(printed));
        QCOMPARE(t.computedChecksum, sha256(store.data(tampered)));
        QVERIFY(t.computedChecksum != t.storedChecksum);
        // Another serialization of the same document is another checksum: the rule matters.
        QVERIFY(!store.save(compact).checksumMatches);
        for (const SaveInfo &s : store.saves(kSumPlayer))
            QCOMPARE(s.checksumMatches, s.snapshotId == good || s.snapshotId == upper);

        const auto bad = errorOf([&] { store.saves(QStringLiteral("not-a-uuid")); });
        QVERIFY(bad.has_value());
        QCOMPARE(bad->kind(), Error::Kind::InvalidInput);
        const auto missing = errorOf([&] { store.save(987654); });
        QVERIFY(missing.has_value());
        QCOMPARE(missing->kind(), Error::Kind::NotFound);
    }

    void diffBetweenTwoSavesIsKeyed()
    {
        auto conn = test::connect(empty(QStringLiteral("saves_diff")));
        const qint64 a = insertSave(*conn, kSumPlayer,
                                    R"({"coins": 10, "inventory": [{"id": "wheat", "qty": 3}, )"
                                    R"({"id": "corn", "qty": 5}]})");
        const qint64 b = insertSave(*conn, kSumPlayer,
                                    R"({"coins": 10, "inventory": [{"id": "corn", "qty": 7}, )"
                                    R"({"id": "wheat", "qty": 3}]})");
        SaveStore store(*conn);
        const StateDiff keyed = store.diff(a, b);
        QCOMPARE(keyed.result.changes.size(), std::size_t(1));
        const json::Change &c = keyed.result.changes.front();
        QCOMPARE(c.displayPath, QStringLiteral("$.inventory[id=\"corn\"].qty"));
        QCOMPARE(*c.delta, 2.0);
        QVERIFY(store.diff(a, b, false).result.changes.size() > 1);
    }

    void savesTableIsFoundOrReportedMissing()
    {
        auto conn = test::connect(empty(QStringLiteral("saves_table")));
        conn->exec(QStringLiteral("DROP TABLE core.save_snapshots"));
        SaveStore none(*conn);
        QVERIFY(!none.available());
        const auto e = errorOf([&] { none.players(); });
        QVERIFY(e.has_value());
        QCOMPARE(e->kind(), Error::Kind::NotFound);
        // A game's own database keeps it in public.
        conn->exec(QStringLiteral("CREATE TABLE public.save_snapshots (snapshot_id bigserial "
                                  "PRIMARY KEY, player_id uuid NOT NULL, version varchar(16) NOT "
                                  "NULL, snapshot_data jsonb NOT NULL, checksum varchar(64) NOT "
                                  "NULL, created_at timestamptz NOT NULL DEFAULT now())"));
        conn->exec(QStringLiteral("INSERT INTO public.save_snapshots (player_id, version, "
                                  "snapshot_data, checksum) VALUES ($1, '1', '{}', 'x')"),
                   {kSumPlayer});
        // The layout is read once per connection: a table made afterwards needs a fresh read.
        layout::forget(*conn);
        SaveStore found(*conn);
        QCOMPARE(found.table(), QStringLiteral("public.save_snapshots"));
        QCOMPARE(found.saves(kSumPlayer).size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestSnapshotsSaves)
#include "tst_snapshots_saves.moc"
