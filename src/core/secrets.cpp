#include "secrets.h"

#include "core/pg/connectionsettings.h"
#include "core/pg/readerlogin.h"

#include "core/io/ioapi.h"

#include <QEventLoop>
#include <QThread>
#include <QTimer>

namespace statescope::secrets {

namespace {

const QString kService = QStringLiteral("statescope");

void run(io::KeychainOp op, const QString &key, const QString &secret, QObject *context, Callback done)
{
    QString why;
    const io::Api *io = io::api(&why);
    if (!io) {
        // Never before the call returns, as the keychain's own answer.
        QMetaObject::invokeMethod(context, [done = std::move(done), why] {
            Result r;
            r.error = why;
            done(r);
        }, Qt::QueuedConnection);
        return;
    }
    io->keychain(op, kService, key, secret, context, [done = std::move(done)](const io::KeychainAnswer &a) {
        Result r;
        switch (a.status) {
        case io::KeychainAnswer::Status::Ok:
            r.status = Result::Status::Ok;
            r.secret = a.secret;
            break;
        case io::KeychainAnswer::Status::NotFound: r.status = Result::Status::NotFound; break;
        case io::KeychainAnswer::Status::Unavailable:
            r.error = a.error.isEmpty()
                          ? QCoreApplication::translate("statescope::secrets", "No system keychain could be reached.")
                          : a.error;
            break;
        }
        done(r);
    });
}

} // namespace

QString profileKey(const QString &profileId)
{
    return QStringLiteral("profile/") + profileId;
}

QString tokenKey(const QString &name)
{
    return QStringLiteral("token/") + name;
}

QString redisKey(const QString &family)
{
    return QStringLiteral("redis/") + family;
}

void read(const QString &key, QObject *context, Callback done)
{
    run(io::KeychainOp::Read, key, {}, context, std::move(done));
}

void write(const QString &key, const QString &secret, QObject *context, Callback done)
{
    run(io::KeychainOp::Write, key, secret, context, std::move(done));
}

void remove(const QString &key, QObject *context, Callback done)
{
    run(io::KeychainOp::Remove, key, {}, context, std::move(done));
}

namespace {

Result waitFor(const std::function<void(QObject *, Callback)> &start, int timeoutMs)
{
    QObject context;
    QEventLoop loop;
    Result result;
    result.error = QCoreApplication::translate("statescope::secrets",
                                               "The system keychain did not answer in time.");
    start(&context, [&](const Result &r) {
        result = r;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return result;
}

} // namespace

Result readNow(const QString &key, int timeoutMs)
{
    return waitFor([&](QObject *context, Callback done) { read(key, context, std::move(done)); }, timeoutMs);
}

Result writeNow(const QString &key, const QString &secret, int timeoutMs)
{
    return waitFor([&](QObject *context, Callback done) { write(key, secret, context, std::move(done)); },
                   timeoutMs);
}

void installReaderPasswordProvider()
{
    pg::setReaderPasswordProvider([](const pg::ConnectionSettings &server,
                                     const QString &role) -> std::optional<QString> {
        // No session bus: no keychain to ask (libpq's own ways remain).
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            return std::nullopt;
        // Asked on a thread of its own: the caller may be a pane's worker, whose queue must not
        // run while a nested event loop waits for the keychain.
        Result r;
        const QString key = pg::readerSecretKey(server, role);
        std::unique_ptr<QThread> asker(QThread::create([&r, key] { r = readNow(key, 5000); }));
        asker->start();
        asker->wait();
        return r.ok() ? std::optional<QString>(r.secret) : std::nullopt;
    });
}

} // namespace statescope::secrets
