// The events core against a real server: keyset paging both ways with ties on
// fetched_at and events without a time, every filter against a hand-written WHERE,
// local and server-side filter validation, jumps in time, counts, duplicates, history,
// and export (CSV, JSON Lines, cancel, refusing to overwrite). The CLI is in tst_events_cli.

#include "core/error.h"
#include "core/events/eventexport.h"
#include "core/pg/copytext.h"
#include "core/events/eventstore.h"
#include "core/task/worker.h"
#include "integration/eventsfixture.h"
#include "support/testhelpers.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <nlohmann/json.hpp>

using namespace statescope;
using namespace statescope::test;
using namespace statescope::events;

namespace {

QList<qint64> idsOf(const std::vector<EventRow> &rows)
{
    QList<qint64> ids;
    for (const EventRow &r : rows)
        ids << r.id;
    return ids;
}

// Every matching event, walked page by page from the newest.
QList<qint64> walkDown(EventStore &store, const EventFilter &f, int page)
{
    QList<qint64> ids;
    std::optional<EventKey> from;
    for (int guard = 0; guard < 10000; ++guard) {
        const auto rows = store.page(f, from, EventStore::Direction::Older, page);
        ids << idsOf(rows);
        if (int(rows.size()) < page)
            break;
        from = EventKey::of(rows.back());
    }
    return ids;
}

// The same, walked from the oldest upwards, handed back in browsing order.
QList<qint64> walkUp(EventStore &store, const EventFilter &f, int page)
{
    QList<qint64> ids;
    std::optional<EventKey> from;
    for (int guard = 0; guard < 10000; ++guard) {
        const auto rows = store.page(f, from, EventStore::Direction::Newer, page);
        ids = idsOf(rows) + ids;
        if (int(rows.size()) < page)
            break;
        from = EventKey::of(rows.front());
    }
    return ids;
}

} // namespace

class TestEvents : public QObject, private EventsFixture
{
    Q_OBJECT

    std::unique_ptr<pg::Connection> m_conn;
    std::unique_ptr<EventStore> m_store;

private slots:
    void initTestCase()
    {
        seedEvents(QStringLiteral("events"));
        m_conn = pg::Connection::open(db, pg::Connection::Access::ReadOnly);
        m_store = std::make_unique<EventStore>(*m_conn);
        m_store->prepare();
    }

    void pagingBothWaysMatchesTheServersOrder_data()
    {
        QTest::addColumn<int>("page");
        QTest::newRow("1") << 1;
        QTest::newRow("3 (splits ties)") << 3;
        QTest::newRow("200") << 200;
        QTest::newRow("larger than the table") << 5000;
    }
    void pagingBothWaysMatchesTheServersOrder()
    {
        QFETCH(int, page);
        const QList<qint64> expected = expectedIds();
        QCOMPARE(expected.size(), kTimed + kUntimed + 1);
        QCOMPARE(walkDown(*m_store, {}, page), expected);
        QCOMPARE(walkUp(*m_store, {}, page), expected);
    }

    void keysKeepMicroseconds()
    {
        const auto rows = m_store->page({}, std::nullopt, EventStore::Direction::Older, 1);
        QCOMPARE(rows.size(), size_t(1));
        QVERIFY2(rows[0].time.contains(".123457"), rows[0].time.constData());
        QCOMPARE(rows[0].fetchedAt.offsetFromUtc(), 0);
        QCOMPARE(rows[0].fetchedAt.time().msec(), 123);
    }

    void filtersMatchAHandWrittenWhere_data()
    {
        QTest::addColumn<QStringList>("endpoints");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("since");
        QTest::addColumn<QString>("until");
        QTest::addColumn<QString>("requestKey");
        QTest::addColumn<QString>("contains");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("where");
        const QStringList none;
        QTest::newRow("one endpoint") << QStringList{"/my/ships"} << "" << "" << "" << "" << "" << ""
                                      << "endpoint = '/my/ships'";
        QTest::newRow("two endpoints") << QStringList{"/my/ships", "/systems"} << "" << "" << "" << "" << ""
                                       << "" << "endpoint IN ('/my/ships', '/systems')";
        QTest::newRow("exact status") << none << "404" << "" << "" << "" << "" << "" << "status_code = 404";
        QTest::newRow("class") << none << "5xx" << "" << "" << "" << "" << ""
                               << "status_code BETWEEN 500 AND 599";
        QTest::newRow("list") << none << "201, 5XX" << "" << "" << "" << "" << ""
                              << "(status_code = 201 OR status_code >= 500)";
        QTest::newRow("time range") << none << "" << "2025-01-06 00:01" << "2025-01-06T00:02:30Z" << ""
                                    << "" << ""
                                    << "fetched_at >= '2025-01-06 00:01+00' AND fetched_at < '2025-01-06 00:02:30+00'";
        QTest::newRow("offset time") << none << "" << "2025-01-06T02:01:00+02:00" << "" << "" << "" << ""
                                     << "fetched_at >= '2025-01-06 00:01+00'";
        QTest::newRow("request key, case") << none << "" << "" << "" << "K1" << "" << ""
                                           << "request_key LIKE 'k1%'";
        QTest::newRow("request key metacharacters") << none << "" << "" << "" << "%b_c\\" << "" << ""
                                                    << "request_key = 'a%b_c\\d'";
        QTest::newRow("contains") << none << "" << "" << "" << "" << "{\"ship\": {\"fuel\": 3}}" << ""
                                  << "payload -> 'ship' ->> 'fuel' = '3'";
        QTest::newRow("path") << none << "" << "" << "" << "" << "" << "$.n ? (@ >= 5)"
                              << "(payload ->> 'n')::int >= 5";
        QTest::newRow("combined") << QStringList{"/my/agent"} << "2xx" << "" << "2025-01-06 00:03" << ""
                                  << "{\"n\": 0}" << ""
                                  << "endpoint = '/my/agent' AND status_code < 300 AND fetched_at < "
                                     "'2025-01-06 00:03+00' AND payload ->> 'n' = '0'";
    }
    void filtersMatchAHandWrittenWhere()
    {
        QFETCH(QStringList, endpoints);
        QFETCH(QString, status);
        QFETCH(QString, since);
        QFETCH(QString, until);
        QFETCH(QString, requestKey);
        QFETCH(QString, contains);
        QFETCH(QString, path);
        QFETCH(QString, where);
        EventFilter f;
        f.endpoints = endpoints;
        f.status = status;
        if (!since.isEmpty())
            f.since = parseTime(since);
        if (!until.isEmpty())
            f.until = parseTime(until);
        f.requestKey = requestKey;
        f.contains = contains;
        f.jsonPath = path;
        QVERIFY(validate(f).empty());
        QVERIFY(m_store->checkOnServer(f).empty());
        const QList<qint64> expected = expectedIds(where);
        QVERIFY2(!expected.isEmpty(), "the case must select something");
        QVERIFY2(expected.size() < kTimed + kUntimed + 1, "the case must leave something out");
        QCOMPARE(walkDown(*m_store, f, 37), expected);
        QCOMPARE(walkUp(*m_store, f, 37), expected);
        QCOMPARE(m_store->exactCount(f), qint64(expected.size()));
        QVERIFY(m_store->estimateCount(f) > 0);
    }

    void badFiltersAreRefusedBeforeAnythingRuns_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("contains");
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("field");
        using F = FieldError::Field;
        QTest::newRow("status word") << "ok" << "" << "" << int(F::Status);
        QTest::newRow("status range") << "600" << "" << "" << int(F::Status);
        QTest::newRow("status class") << "6xx" << "" << "" << int(F::Status);
        QTest::newRow("json") << "" << "{\"a\": " << "" << int(F::Contains);
        QTest::newRow("json trailing") << "" << "{\"a\": 1} x" << "" << int(F::Contains);
        QTest::newRow("path no $") << "" << "" << "a.b" << int(F::JsonPath);
        QTest::newRow("path unbalanced") << "" << "" << "$.a ? (@ > 1" << int(F::JsonPath);
        QTest::newRow("path string") << "" << "" << "$.a ? (@ == \"x)" << int(F::JsonPath);
    }
    void badFiltersAreRefusedBeforeAnythingRuns()
    {
        QFETCH(QString, status);
        QFETCH(QString, contains);
        QFETCH(QString, path);
        QFETCH(int, field);
        EventFilter f;
        f.status = status;
        f.contains = contains;
        f.jsonPath = path;
        const auto errors = validate(f);
        QCOMPARE(errors.size(), size_t(1));
        QCOMPARE(int(errors[0].field), field);
        QVERIFY(!errors[0].message.isEmpty());
        const auto e = errorOf([&] { m_store->page(f, std::nullopt, EventStore::Direction::Older, 10); });
        QVERIFY(e);
        QCOMPARE(e->kind(), Error::Kind::InvalidInput);
        QVERIFY(m_conn->isAlive());
    }

    void theServerChecksWhatOnlyItCan()
    {
        EventFilter f;
        f.jsonPath = QStringLiteral("$.a ? (@ === 1)"); // balanced, but not SQL/JSON path
        QVERIFY(validate(f).empty());
        auto errors = m_store->checkOnServer(f);
        QCOMPARE(errors.size(), size_t(1));
        QCOMPARE(errors[0].field, FieldError::Field::JsonPath);
        f = {};
        f.contains = QStringLiteral("{\"a\": \"\\u0000\"}"); // JSON, but not jsonb
        QVERIFY(validate(f).empty());
        errors = m_store->checkOnServer(f);
        QCOMPARE(errors.size(), size_t(1));
        QCOMPARE(errors[0].field, FieldError::Field::Contains);
        // The session is still usable afterwards.
        QCOMPARE(m_store->page({}, std::nullopt, EventStore::Direction::Older, 2).size(), size_t(2));
    }

    void serverTimesAreReadExactly_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("iso");
        QTest::newRow("micro") << QByteArray("2025-01-13 00:00:48.987654+00") << "2025-01-13T00:00:48.987Z";
        QTest::newRow("trimmed") << QByteArray("2025-01-13 00:00:48.5+00") << "2025-01-13T00:00:48.500Z";
        QTest::newRow("whole") << QByteArray("2024-02-29 23:59:59+00") << "2024-02-29T23:59:59.000Z";
        QTest::newRow("epoch") << QByteArray("1970-01-01 00:00:00+00") << "1970-01-01T00:00:00.000Z";
        QTest::newRow("before 1970") << QByteArray("1969-12-31 23:59:59.999+00") << "1969-12-31T23:59:59.999Z";
        QTest::newRow("other zone") << QByteArray("2025-01-13 02:00:00+02") << "2025-01-13T00:00:00.000Z";
    }
    void serverTimesAreReadExactly()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, iso);
        const QDateTime t = timeFromServer(text);
        QVERIFY(t.isValid());
        QCOMPARE(t.toUTC().toString(Qt::ISODateWithMs), iso);
        QVERIFY(!timeFromServer(QByteArray()).isValid());
    }

    void parseTimeReadsWhatPeopleType()
    {
        const Timestamp expected = Timestamp::fromDateTime(
            QDateTime(QDate(2025, 1, 6), QTime(14, 2), QTimeZone::utc()));
        QCOMPARE(*parseTime(QStringLiteral("2025-01-06 14:02")), expected);
        QCOMPARE(*parseTime(QStringLiteral("2025-01-06T14:02:00Z")), expected);
        QCOMPARE(*parseTime(QStringLiteral("2025-01-06T16:02:00+02:00")), expected);
        QCOMPARE(*parseTime(QStringLiteral("2025-01-06 09:32-0430")), expected);
        QCOMPARE(*parseTime(QStringLiteral(" 2025-01-06 14:02:00+00 ")), expected);
        QCOMPARE(parseTime(QStringLiteral("2025-01-06"))->toIso(), QStringLiteral("2025-01-06T00:00:00Z"));
        // Microseconds kept both ways, as the server prints them and as people type them.
        QCOMPARE(parseTime(QStringLiteral("2025-01-06 14:02:21.37216+00"))->toIso(),
                 QStringLiteral("2025-01-06T14:02:21.372160Z"));
        QCOMPARE(parseTime(QStringLiteral("2025-01-06T14:02:21.372160Z"))->usecsSinceEpoch()
                     - parseTime(QStringLiteral("2025-01-06T14:02:21.372159Z"))->usecsSinceEpoch(),
                 qint64(1));
        QCOMPARE(parseTime(QStringLiteral("1969-12-31T23:59:59.999999Z"))->usecsSinceEpoch(), qint64(-1));
        QCOMPARE(parseTime(QStringLiteral("1969-12-31T23:59:59.999999Z"))->toIso(),
                 QStringLiteral("1969-12-31T23:59:59.999999Z"));
        const char *refused[] = {"yesterday", "2025-13-01", "", "2025-02-30", "2025-01-06 24:00",
                                 "2025-01-06T14:02:21.3721601Z", "2025-01-06T14:02:00Zjunk",
                                 "x2025-01-06", "2025-01-06T14:02:00+16:00", "2025-01-06T14:02:00Z\nx"};
        for (const char *text : refused)
            QVERIFY2(!parseTime(QString::fromUtf8(text)), text);
    }

    void timeFiltersKeepMicroseconds()
    {
        // The newest timed events share 2025-01-06 00:04:59.123457 (four per second).
        const QList<qint64> newest = expectedIds(
            QStringLiteral("fetched_at = (SELECT max(fetched_at) FROM raw.api_events)"));
        QCOMPARE(newest.size(), 4);
        const QString at = m_conn->exec(
            QStringLiteral("SELECT to_char(max(fetched_at) AT TIME ZONE 'UTC', "
                           "'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') FROM raw.api_events")).value(0, 0);
        QVERIFY2(at.endsWith(QLatin1String(".123457Z")), qPrintable(at));
        const QString oneLater = at.left(at.size() - 2) + QStringLiteral("8Z");

        EventFilter f;
        f.since = parseTime(at);
        QCOMPARE(idsOf(m_store->page(f, std::nullopt, EventStore::Direction::Older, 10)), newest);
        f.since = parseTime(oneLater);
        QVERIFY(m_store->page(f, std::nullopt, EventStore::Direction::Older, 10).empty());
        QCOMPARE(f.describe(), QStringLiteral("since=%1").arg(oneLater));
        f.since.reset();
        f.until = parseTime(oneLater);
        QCOMPARE(idsOf(m_store->page(f, std::nullopt, EventStore::Direction::Older, 4)), newest);
        f.until = parseTime(at);
        QVERIFY(!idsOf(m_store->page(f, std::nullopt, EventStore::Direction::Older, 4)).contains(newest.front()));
        // Go to time at the same precision.
        QCOMPARE(idsOf(m_store->pageAt({}, *parseTime(at), 4)), newest);
        QVERIFY(!idsOf(m_store->pageAt({}, *parseTime(at.left(at.size() - 2) + QStringLiteral("6Z")), 4))
                     .contains(newest.front()));
    }

    void pageAtATimeStartsAtTheNewestNotAfterIt()
    {
        const Timestamp t = *parseTime(QStringLiteral("2025-01-06T00:02:00.5Z"));
        const auto rows = m_store->pageAt({}, t, 10);
        const QList<qint64> expected =
            expectedIds(QStringLiteral("fetched_at <= '2025-01-06 00:02:00.5+00'")).mid(0, 10);
        QCOMPARE(idsOf(rows), expected);
        // Before every event: nothing at or older than it (the model then shows the oldest).
        QVERIFY(m_store->pageAt({}, *parseTime(QStringLiteral("2024-01-01")), 10).empty());
    }

    void timeScaleMapsBothWays()
    {
        const TimeScale scale = m_store->timeScale({});
        QVERIFY(!scale.isEmpty());
        QCOMPARE(scale.bounds.front(), parseTime(QStringLiteral("2025-01-05T00:00:00Z"))->toDateTime());
        QCOMPARE(scale.fractionFromTop(scale.bounds.back()), 0.0);
        QCOMPARE(scale.fractionFromTop(scale.bounds.front()), 1.0);
        const QDateTime mid = scale.timeAtFractionFromTop(0.5);
        QVERIFY(qAbs(scale.fractionFromTop(mid) - 0.5) < 0.01);
    }

    void duplicatesShareAHash()
    {
        const auto r = m_conn->exec(QStringLiteral(
            "SELECT payload_hash, count(*) FROM raw.api_events GROUP BY 1 HAVING count(*) > 1 ORDER BY 2 DESC LIMIT 1"));
        const QString hash = r.value(0, 0);
        const qint64 n = r.toLongLong(0, 1);
        QCOMPARE(m_store->duplicateCount(hash), n);
        const auto rows = m_store->duplicates(hash, 1000);
        QCOMPARE(qint64(rows.size()), n);
        for (const EventRow &row : rows)
            QCOMPARE(row.payloadHash, hash);
        QCOMPARE(idsOf(rows), expectedIds(QStringLiteral("payload_hash = $1"), {hash}));
        QCOMPARE(m_store->duplicates(hash, 2).size(), size_t(2));

        // The filter takes the whole hash or the short prefix the list shows.
        EventFilter f;
        f.payloadHash = hash.left(12);
        QCOMPARE(walkDown(*m_store, f, 7),
                 expectedIds(QStringLiteral("payload_hash LIKE $1"), {hash.left(12) + QLatin1Char('%')}));
        QVERIFY(walkDown(*m_store, f, 7).size() >= int(n));
        f.payloadHash = hash.toUpper();
        QCOMPARE(walkDown(*m_store, f, 7), expectedIds(QStringLiteral("payload_hash = $1"), {hash}));
    }

    void historyKeepsDistinctPayloadsOnly()
    {
        // Independently: the fetches of one request key in time order, collapsed where the
        // hash repeats the one before.
        const auto r = m_conn->exec(QStringLiteral("SELECT id, payload_hash FROM raw.api_events WHERE "
                                                   "request_key = 'k3' ORDER BY fetched_at, id"));
        QList<qint64> firstIds;
        QList<qint64> runLengths;
        QString previous;
        for (int i = 0; i < r.rowCount(); ++i) {
            if (i == 0 || r.value(i, 1) != previous) {
                firstIds.prepend(r.toLongLong(i, 0));
                runLengths.prepend(0);
            }
            ++runLengths.first();
            previous = r.value(i, 1);
        }
        QVERIFY(firstIds.size() > 1);
        QVERIFY2(firstIds.size() < r.rowCount(), "the fixture must repeat payloads");
        const History h = m_store->history(firstIds.last(), History::By::RequestKey, 1000);
        QCOMPARE(h.key, QStringLiteral("k3"));
        QCOMPARE(h.totalFetches, qint64(r.rowCount()));
        QList<qint64> got, lengths;
        for (const HistoryEntry &e : h.entries) {
            got << e.firstId;
            lengths << e.fetches;
        }
        QCOMPARE(got, firstIds);
        QCOMPARE(lengths, runLengths);
        QCOMPARE(m_store->history(firstIds.last(), History::By::RequestKey, 3).entries.size(), size_t(3));
        const History byEndpoint = m_store->history(firstIds.last(), History::By::Endpoint, 5);
        QCOMPARE(byEndpoint.by, History::By::Endpoint);
        QVERIFY(byEndpoint.totalFetches > h.totalFetches);
        const auto missing = errorOf([&] { m_store->history(999999, History::By::RequestKey, 5); });
        QVERIFY(missing);
        QCOMPARE(missing->kind(), Error::Kind::NotFound);
    }

    void payloadComesAsStored()
    {
        const qint64 id = expectedIds(QStringLiteral("request_key = 'a%b_c\\d'")).first();
        const Payload p = m_store->payload(id);
        QCOMPARE(p.columnType, QStringLiteral("jsonb"));
        QCOMPARE(p.bytes, QByteArray("{\"big\": 123456789012345678901234567890}"));
        const auto missing = errorOf([&] { m_store->payload(987654321); });
        QVERIFY(missing);
        QCOMPARE(missing->kind(), Error::Kind::NotFound);
    }

    void textAndByteaPayloadsComeBackAsStored()
    {
        // Some game databases keep payloads as text or bytea, not jsonb, and may hold text
        // that is not JSON: the store hands back the bytes and their column type, and the
        // viewer shows the parse error.
        const pg::ConnectionSettings other = freshDatabase(QStringLiteral("eventstext"));
        auto conn = test::connect(other);
        conn->execScript(QStringLiteral(
            "ALTER TABLE raw.api_events ALTER COLUMN payload TYPE text;"
            "INSERT INTO raw.api_events (fetched_at, endpoint, payload) VALUES "
            "(now(), '/t', '{\"ok\": 1e400}'), (now(), '/t', '{\"broken\": ');"));
        EventStore text(*conn);
        text.prepare();
        const auto rows = text.page({}, std::nullopt, EventStore::Direction::Older, 10);
        QCOMPARE(rows.size(), size_t(2));
        Payload broken = text.payload(rows[0].id);
        QCOMPARE(broken.columnType, QStringLiteral("text"));
        QCOMPARE(broken.bytes, QByteArray("{\"broken\": "));
        QCOMPARE(text.payload(rows[1].id).bytes, QByteArray("{\"ok\": 1e400}"));
        conn->execScript(QStringLiteral("ALTER TABLE raw.api_events ALTER COLUMN payload TYPE bytea "
                                        "USING convert_to(payload, 'UTF8')"));
        broken = text.payload(rows[0].id);
        QCOMPARE(broken.columnType, QStringLiteral("bytea"));
        QCOMPARE(broken.bytes, QByteArray("{\"broken\": "));
        conn.reset();
        dropDatabase(other.database());
    }

    void newEventsArriveAfterTheWatermark()
    {
        const qint64 top = m_store->maxId();
        QVERIFY(top > 0);
        QVERIFY(m_store->arrivedAfter({}, top, 10).empty());
        auto writer = test::connect(db);
        writer->exec(QStringLiteral("INSERT INTO raw.api_events (fetched_at, endpoint, status_code, payload) "
                                    "VALUES (now(), '/tail', 200, '{}'), (now(), '/tail', 500, '{}')"));
        EventFilter errors;
        errors.status = QStringLiteral("5xx");
        QCOMPARE(m_store->arrivedAfter({}, top, 10).size(), size_t(2));
        QCOMPARE(m_store->arrivedAfter(errors, top, 10).size(), size_t(1));
        writer->exec(QStringLiteral("DELETE FROM raw.api_events WHERE endpoint = '/tail'"));
    }

    void exportWritesEveryMatchingEvent()
    {
        QTemporaryDir dir;
        EventFilter f;
        f.status = QStringLiteral("4xx,5xx");
        const QList<qint64> expected = expectedIds(QStringLiteral("status_code >= 400"));
        ExportRequest csv{f, ExportFormat::Csv, dir.filePath(QStringLiteral("e.csv"))};
        CancelToken token;
        int progressCalls = 0;
        TaskContext task(token, [&](int, int, const QString &) { ++progressCalls; });
        const ExportResult r = exportEvents(*m_conn, csv, &task);
        QCOMPARE(r.rows, qint64(expected.size()));
        QFile file(csv.path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().split('\n');
        QCOMPARE(lines.first(), QByteArray("id,fetched_at,endpoint,request_key,status_code,payload_hash,payload"));
        QCOMPARE(lines.size(), expected.size() + 2); // header, rows, and the empty piece after the last newline
        for (int i = 0; i < expected.size(); ++i)
            QVERIFY2(lines[i + 1].startsWith(QByteArray::number(expected[i]) + ','), lines[i + 1].constData());
        QVERIFY(!QFile::exists(csv.path + QStringLiteral(".partial")));

        ExportRequest jsonl{{}, ExportFormat::JsonLines, dir.filePath(QStringLiteral("e.jsonl"))};
        const ExportResult j = exportEvents(*m_conn, jsonl, nullptr);
        const QList<qint64> all = expectedIds();
        QCOMPARE(j.rows, qint64(all.size()));
        QFile jf(jsonl.path);
        QVERIFY(jf.open(QIODevice::ReadOnly));
        int n = 0;
        bool sawBig = false, sawBackslash = false;
        while (!jf.atEnd()) {
            const QByteArray line = jf.readLine().trimmed();
            const auto doc = nlohmann::json::parse(line.toStdString());
            QCOMPARE(doc["id"].get<qint64>(), all[n]);
            QVERIFY(doc.contains("payload") && doc.contains("fetched_at"));
            sawBig = sawBig || line.contains("123456789012345678901234567890");
            sawBackslash = sawBackslash || doc["request_key"] == "a%b_c\\d";
            ++n;
        }
        QCOMPARE(n, all.size());
        QVERIFY2(sawBig, "a big number must be written as stored");
        QVERIFY2(sawBackslash, "COPY's escaping must be undone");
    }

    void cancelledExportLeavesNothing()
    {
        QTemporaryDir dir;
        ExportRequest request{{}, ExportFormat::JsonLines, dir.filePath(QStringLiteral("c.jsonl"))};
        CancelToken token;
        token.cancel();
        TaskContext task(token, {});
        const auto e = errorOf([&] { exportEvents(*m_conn, request, &task); });
        QVERIFY(e);
        QCOMPARE(e->kind(), Error::Kind::Cancelled);
        QVERIFY(!QFile::exists(request.path));
        QVERIFY(!QFile::exists(request.path + QStringLiteral(".partial")));
        QVERIFY(QDir(dir.path()).entryList(QDir::Files).isEmpty());
        // The connection is usable after the cancelled COPY.
        QCOMPARE(m_store->page({}, std::nullopt, EventStore::Direction::Older, 3).size(), size_t(3));
    }

    void exportRefusesToOverwriteUnlessAsked()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("keep.csv"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("precious");
        f.close();
        ExportRequest request{{}, ExportFormat::Csv, path};
        const auto e = errorOf([&] { exportEvents(*m_conn, request, nullptr); });
        QVERIFY(e);
        QCOMPARE(e->kind(), Error::Kind::InvalidInput);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("precious"));
        f.close();
        request.overwrite = true;
        QVERIFY(exportEvents(*m_conn, request, nullptr).rows > 0);
        const auto nowhere = errorOf([&] {
            exportEvents(*m_conn, {{}, ExportFormat::Csv, dir.filePath(QStringLiteral("no/such/dir/x.csv"))}, nullptr);
        });
        QVERIFY(nowhere);
        QCOMPARE(nowhere->kind(), Error::Kind::Environment);
    }

    void copyTextUnescaping()
    {
        const QByteArray in = "{\"a\":\"x\\\\\\\\y\"}\\t\\101";
        QCOMPARE(pg::unescapeCopyText(in.constData(), int(in.size())), QByteArray("{\"a\":\"x\\\\y\"}\tA"));
    }
};

QTEST_GUILESS_MAIN(TestEvents)
#include "tst_events.moc"
