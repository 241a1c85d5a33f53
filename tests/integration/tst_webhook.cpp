// notifyGameServer() against a small HTTP server run by this test on 127.0.0.1: the POST
// it sends, the answers it understands (2xx, 500, nobody listening), the URLs it refuses
// without any network call, and statescope-cli rollback / rollback undo --webhook.

#include "core/pg/connection.h"
#include "core/replay/gamestore.h"
#include "core/replay/notifier.h"
#include "support/testhelpers.h"
#include "support/testserver.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QUrl>
#include <map>

using namespace statescope;
using namespace statescope::test;
using namespace statescope::replay;

namespace {

// A guard against a hang, never a timing assertion.
constexpr int kPatience = 120000;

struct Request
{
    QByteArray method;
    QByteArray path;
    std::map<QByteArray, QByteArray> headers; // names in lower case
    QByteArray body;
};

// Minimal HTTP/1.1: reads a request up to the end of its Content-Length body, records it and
// answers with the configured status and an empty body, then closes the connection.
class HookServer : public QObject
{
public:
    int status = 200;
    QList<Request> requests;
    int connections = 0;

    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    quint16 port() const { return m_server.serverPort(); }
    QUrl url(const QString &path = QStringLiteral("/hook")) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port()).arg(path));
    }
    QTcpServer &server() { return m_server; }

    HookServer()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                ++connections;
                auto buffer = std::make_shared<QByteArray>();
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
                connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
                    buffer->append(socket->readAll());
                    const qsizetype end = buffer->indexOf("\r\n\r\n");
                    if (end < 0)
                        return;
                    Request r;
                    const QList<QByteArray> lines = buffer->left(end).split('\n');
                    const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
                    r.method = first.value(0);
                    r.path = first.value(1);
                    for (qsizetype i = 1; i < lines.size(); ++i) {
                        const qsizetype colon = lines[i].indexOf(':');
                        if (colon > 0)
                            r.headers[lines[i].left(colon).trimmed().toLower()] =
                                lines[i].mid(colon + 1).trimmed();
                    }
                    const qsizetype length = r.headers.count("content-length")
                                                 ? r.headers["content-length"].toLongLong()
                                                 : 0;
                    if (buffer->size() < end + 4 + length)
                        return; // the body is still coming
                    r.body = buffer->mid(end + 4, length);
                    requests.append(r);
                    const QByteArray reason = status == 200 ? "OK" : "Internal Server Error";
                    socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reason +
                                  "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                    socket->disconnectFromHost();
                });
            }
        });
    }

private:
    QTcpServer m_server;
};

QJsonObject bodyOf(const Request &r)
{
    return QJsonDocument::fromJson(r.body).object();
}

// A port with nobody listening: bound once, then released.
quint16 closedPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

} // namespace

class TestWebhook : public QObject
{
    Q_OBJECT

private:
    QStringList m_databases;

private slots:
    void cleanupTestCase()
    {
        for (const QString &db : std::as_const(m_databases))
            dropDatabase(db);
    }

    void rollbackNoticeShape()
    {
        const nlohmann::json n =
            rollbackNotice(QStringLiteral("rollback"), QStringLiteral("g-1"), 7, 42);
        QCOMPARE(n.size(), size_t(4));
        QCOMPARE(n.at("event").get<std::string>(), std::string("rollback"));
        QCOMPARE(n.at("game_id").get<std::string>(), std::string("g-1"));
        QCOMPARE(n.at("play_number").get<int>(), 7);
        QCOMPARE(n.at("rollback_id").get<qint64>(), qint64(42));
    }

    void postsTheNotice()
    {
        HookServer server;
        QVERIFY(server.listen());
        const QString game = QStringLiteral("7f3c2a10-0000-4000-8000-000000000001");
        const WebhookResult r = notifyGameServer(
            server.url(), rollbackNotice(QStringLiteral("rollback"), game, 17, 5), 30000);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.httpStatus, 200);
        QVERIFY(r.error.isEmpty());

        QCOMPARE(server.requests.size(), 1);
        const Request &req = server.requests.first();
        QCOMPARE(req.method, QByteArray("POST"));
        QCOMPARE(req.path, QByteArray("/hook"));
        QVERIFY(req.headers.count("content-type"));
        QVERIFY2(req.headers.at("content-type").startsWith("application/json"),
                 req.headers.at("content-type").constData());
        QCOMPARE(req.headers.at("content-length").toInt(), int(req.body.size()));
        const QJsonObject body = bodyOf(req);
        QCOMPARE(body.size(), 4);
        QCOMPARE(body.value(QLatin1String("event")).toString(), QStringLiteral("rollback"));
        QCOMPARE(body.value(QLatin1String("game_id")).toString(), game);
        QCOMPARE(body.value(QLatin1String("play_number")).toInt(), 17);
        QCOMPARE(body.value(QLatin1String("rollback_id")).toInt(), 5);
    }

    void serverErrorIsReported()
    {
        HookServer server;
        server.status = 500;
        QVERIFY(server.listen());
        const WebhookResult r = notifyGameServer(
            server.url(),
            rollbackNotice(QStringLiteral("rollback_undo"), QStringLiteral("g"), 3, 9), 30000);
        QVERIFY(!r.ok);
        QCOMPARE(r.httpStatus, 500);
        QVERIFY2(r.error.contains(QLatin1String("500")), qPrintable(r.error));
        QCOMPARE(server.requests.size(), 1); // it was asked, it said no
        QCOMPARE(bodyOf(server.requests.first()).value(QLatin1String("event")).toString(),
                 QStringLiteral("rollback_undo"));
    }

    void nobodyListeningIsReported()
    {
        const quint16 port = closedPort();
        QVERIFY(port != 0);
        const WebhookResult r = notifyGameServer(
            QUrl(QStringLiteral("http://127.0.0.1:%1/hook").arg(port)),
            rollbackNotice(QStringLiteral("rollback"), QStringLiteral("g"), 1, 1), 30000);
        QVERIFY(!r.ok);
        QCOMPARE(r.httpStatus, 0);
        QVERIFY(!r.error.isEmpty());
    }

    void silentServerTimesOut()
    {
        // Accepts the connection and reads the request, never answers.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        QList<QPointer<QTcpSocket>> sockets;
        connect(&silent, &QTcpServer::newConnection, &silent, [&] {
            while (QTcpSocket *s = silent.nextPendingConnection()) {
                sockets.append(s);
                connect(s, &QTcpSocket::readyRead, s, [s] { s->readAll(); });
            }
        });
        const WebhookResult r = notifyGameServer(
            QUrl(QStringLiteral("http://127.0.0.1:%1/hook").arg(silent.serverPort())),
            rollbackNotice(QStringLiteral("rollback"), QStringLiteral("g"), 1, 1), 1000);
        QVERIFY(!r.ok);
        QCOMPARE(r.httpStatus, 0);
        QVERIFY(!r.error.isEmpty());
        QCOMPARE(sockets.size(), 1); // it did connect: the failure is the missing answer
    }

    void nonHttpUrlsAreRefusedWithoutACall_data()
    {
        QTest::addColumn<QString>("url");
        // %1 is the port of a listening server: none of these may reach it.
        QTest::newRow("ftp") << QStringLiteral("ftp://127.0.0.1:%1/hook");
        QTest::newRow("ftp host") << QStringLiteral("ftp://x");
        QTest::newRow("not a url") << QStringLiteral("not a url");
        QTest::newRow("empty") << QString();
        QTest::newRow("no host") << QStringLiteral("http:///hook");
        QTest::newRow("file") << QStringLiteral("file:///tmp/hook");
        QTest::newRow("host only") << QStringLiteral("127.0.0.1:%1/hook");
    }

    void nonHttpUrlsAreRefusedWithoutACall()
    {
        QFETCH(QString, url);
        HookServer server;
        QVERIFY(server.listen());
        const QString text = url.contains(QLatin1String("%1")) ? url.arg(server.port()) : url;
        const WebhookResult r = notifyGameServer(
            QUrl(text), rollbackNotice(QStringLiteral("rollback"), QStringLiteral("g"), 1, 1),
            30000);
        QVERIFY(!r.ok);
        QCOMPARE(r.httpStatus, 0);
        QVERIFY2(r.error.contains(QLatin1String("http(s)")), qPrintable(r.error));
        // A connection attempt would have completed before the call returned: it would be
        // waiting in the listen queue now.
        QVERIFY(!server.server().waitForNewConnection(0));
        QCoreApplication::processEvents();
        QCOMPARE(server.connections, 0);
        QVERIFY(server.requests.isEmpty());
    }

    // ---- the CLI ------------------------------------------------------------------------

    void cliRollbackAndUndoNotify()
    {
        QVERIFY2(cliIsExecutable(), kNoCli);
        const pg::ConnectionSettings db = freshDatabase(QStringLiteral("hook_cli"));
        m_databases << db.database();
        auto conn = test::connect(db);
        seedDemo(*conn);
        const QString game =
            conn->exec(QStringLiteral(
                           "SELECT id FROM core.games WHERE status = 'active' ORDER BY id LIMIT 1"))
                .value(0, 0);
        QVERIFY(!game.isEmpty());
        const int last = replay::GameStore(*conn).summary(game).lastPlay;
        const int n = last / 2;

        HookServer server;
        QVERIFY(server.listen());
        const CliRun done = runCliSpinning(
            {QStringLiteral("rollback"), QStringLiteral("--db"), db.storableString(),
             QStringLiteral("--game"), game, QStringLiteral("--to"), QString::number(n),
             QStringLiteral("--reason"), QStringLiteral("webhook test"), QStringLiteral("--confirm"), game,
             QStringLiteral("--webhook"), server.url().toString(), QStringLiteral("--json")},
            kPatience);
        QVERIFY2(done.exitCode == 0, qPrintable(done.describe()));
        const QJsonObject o = done.json().object();
        const int id = o.value(QLatin1String("rollback_id")).toInt();
        QVERIFY(id > 0);
        const QJsonObject hook = o.value(QLatin1String("webhook")).toObject();
        QCOMPARE(hook.value(QLatin1String("ok")).toBool(), true);
        QCOMPARE(hook.value(QLatin1String("http_status")).toInt(), 200);
        QCOMPARE(server.requests.size(), 1);
        QCOMPARE(server.requests[0].method, QByteArray("POST"));
        const QJsonObject sent = bodyOf(server.requests[0]);
        QCOMPARE(sent.value(QLatin1String("event")).toString(), QStringLiteral("rollback"));
        QCOMPARE(sent.value(QLatin1String("game_id")).toString(), game);
        QCOMPARE(sent.value(QLatin1String("play_number")).toInt(), n);
        QCOMPARE(sent.value(QLatin1String("rollback_id")).toInt(), id);

        const CliRun undone = runCliSpinning(
            {QStringLiteral("rollback"), QStringLiteral("undo"), QStringLiteral("--db"),
             db.storableString(), QStringLiteral("--id"), QString::number(id),
             QStringLiteral("--webhook"), server.url().toString(), QStringLiteral("--json")},
            kPatience);
        QVERIFY2(undone.exitCode == 0, qPrintable(undone.describe()));
        QCOMPARE(undone.json()
                     .object()
                     .value(QLatin1String("webhook"))
                     .toObject()
                     .value(QLatin1String("ok"))
                     .toBool(),
                 true);
        QCOMPARE(server.requests.size(), 2);
        const QJsonObject sentUndo = bodyOf(server.requests[1]);
        QCOMPARE(sentUndo.value(QLatin1String("event")).toString(),
                 QStringLiteral("rollback_undo"));
        QCOMPARE(sentUndo.value(QLatin1String("game_id")).toString(), game);
        QCOMPARE(sentUndo.value(QLatin1String("play_number")).toInt(),
                 last); // back at the last play
        QCOMPARE(sentUndo.value(QLatin1String("rollback_id")).toInt(), id);
        QCOMPARE(replay::GameStore(*conn).summary(game).lastPlay, last);

        // Nobody listening: the rollback stays committed, the failure is a warning.
        const quint16 port = closedPort();
        const CliRun unheard = runCliSpinning(
            {QStringLiteral("rollback"), QStringLiteral("--db"), db.storableString(),
             QStringLiteral("--game"), game, QStringLiteral("--to"), QString::number(n),
             QStringLiteral("--reason"), QStringLiteral("nobody home"), QStringLiteral("--confirm"), game,
             QStringLiteral("--webhook"),
             QStringLiteral("http://127.0.0.1:%1/hook").arg(port), QStringLiteral("--json")},
            kPatience);
        QVERIFY2(unheard.exitCode == 0, qPrintable(unheard.describe()));
        const QJsonObject w = unheard.json().object().value(QLatin1String("webhook")).toObject();
        QCOMPARE(w.value(QLatin1String("ok")).toBool(true), false);
        QVERIFY(!w.value(QLatin1String("error")).toString().isEmpty());
        QVERIFY2(unheard.err.contains("warning"), unheard.err.constData());
        QCOMPARE(replay::GameStore(*conn).summary(game).lastPlay, n);
        QCOMPARE(
            conn->exec(QStringLiteral(
                           "SELECT count(*) FROM statescope.rollbacks WHERE undone_at IS NULL"))
                .toInt(0, 0),
            1);
    }
};

QTEST_GUILESS_MAIN(TestWebhook)
#include "tst_webhook.moc"
