#include "secrets.h"

#include "core/pg/connectionsettings.h"
#include "core/pg/readerlogin.h"

#include <qt6keychain/keychain.h>

#include <QEventLoop>
#include <QThread>
#include <QPointer>
#include <QTimer>

namespace statescope::secrets {

namespace {

const QString kService = QStringLiteral("statescope");

Result resultOf(const QKeychain::Job *job, const QString &secret)
{
    Result r;
    switch (job->error()) {
    case QKeychain::NoError:
        r.status = Result::Status::Ok;
        r.secret = secret;
        break;
    case QKeychain::EntryNotFound:
        r.status = Result::Status::NotFound;
        break;
    default:
        r.status = Result::Status::Unavailable;
        r.error = job->errorString();
        if (r.error.isEmpty())
            r.error = QCoreApplication::translate("statescope::secrets",
                                                  "No system keychain could be reached.");
        break;
    }
    return r;
}

template <class J>
void run(J *job, const QString &key, QObject *context, Callback done,
         const std::function<QString(J *)> &secretOf)
{
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never a plain-text copy
    job->setKey(key);
    QPointer<QObject> guard(context);
    QObject::connect(job, &QKeychain::Job::finished, context,
                     [guard, done = std::move(done), secretOf](QKeychain::Job *j) {
                         if (guard)
                             done(resultOf(j, secretOf ? secretOf(static_cast<J *>(j)) : QString()));
                     });
    job->start();
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
    run<QKeychain::ReadPasswordJob>(new QKeychain::ReadPasswordJob(kService), key, context,
                                    std::move(done),
                                    [](QKeychain::ReadPasswordJob *j) { return j->textData(); });
}

void write(const QString &key, const QString &secret, QObject *context, Callback done)
{
    auto *job = new QKeychain::WritePasswordJob(kService);
    job->setTextData(secret);
    run<QKeychain::WritePasswordJob>(job, key, context, std::move(done), {});
}

void remove(const QString &key, QObject *context, Callback done)
{
    run<QKeychain::DeletePasswordJob>(new QKeychain::DeletePasswordJob(kService), key, context,
                                      std::move(done), {});
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
