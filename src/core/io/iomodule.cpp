// The keychain and the network (io/ioapi.h): linked into the window and the tests, and built
// as libstatescope-io.so for the command line. Qt, QtKeychain and QtNetwork only: nothing of
// the core library, whose state lives in the program that loads this.
#include "core/io/ioapi.h"

#include <qt6keychain/keychain.h>

#include <QCoreApplication>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QTimer>

namespace {

using namespace statescope::io;

void keychain(KeychainOp op, const QString &service, const QString &key, const QString &secret, QObject *context,
              std::function<void(const KeychainAnswer &)> done)
{
    QKeychain::Job *job = nullptr;
    switch (op) {
    case KeychainOp::Read: job = new QKeychain::ReadPasswordJob(service); break;
    case KeychainOp::Write: {
        auto *write = new QKeychain::WritePasswordJob(service);
        write->setTextData(secret);
        job = write;
        break;
    }
    case KeychainOp::Remove: job = new QKeychain::DeletePasswordJob(service); break;
    }
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never a plain-text copy
    job->setKey(key);
    QPointer<QObject> guard(context);
    QObject::connect(job, &QKeychain::Job::finished, context, [guard, done = std::move(done), op](QKeychain::Job *j) {
        if (!guard)
            return;
        KeychainAnswer a;
        switch (j->error()) {
        case QKeychain::NoError:
            a.status = KeychainAnswer::Status::Ok;
            if (op == KeychainOp::Read)
                a.secret = static_cast<QKeychain::ReadPasswordJob *>(j)->textData();
            break;
        case QKeychain::EntryNotFound: a.status = KeychainAnswer::Status::NotFound; break;
        default:
            a.status = KeychainAnswer::Status::Unavailable;
            a.error = j->errorString();
            break;
        }
        done(a);
    });
    job->start();
}

void *httpOpen()
{
    auto *manager = new QNetworkAccessManager;
    manager->setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
    return manager;
}

void httpClose(void *client)
{
    delete static_cast<QNetworkAccessManager *>(client);
}

HttpAnswer httpSend(void *client, const QUrl &url, const Headers &headers, const QByteArray &body, int timeoutMs,
                    const std::function<bool()> &cancelled)
{
    auto *manager = static_cast<QNetworkAccessManager *>(client);
    QNetworkRequest request(url);
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    request.setTransferTimeout(timeoutMs);
    QNetworkReply *reply = body.isNull() ? manager->get(request) : manager->post(request, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    bool wasCancelled = false;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, reply, [&] {
        if (cancelled && cancelled()) {
            wasCancelled = true;
            reply->abort();
        }
    });
    poll.start(100);
    QTimer::singleShot(timeoutMs + 1000, &loop, &QEventLoop::quit); // belt and braces
    if (!reply->isFinished())
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    poll.stop();

    HttpAnswer a;
    a.finished = reply->isFinished();
    if (!a.finished) {
        reply->abort();
        a.timedOut = true;
    } else if (const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute); status.isValid()) {
        a.status = status.toInt();
        a.body = reply->readAll();
        a.retryAfter = reply->rawHeader("Retry-After");
        if (reply->error() != QNetworkReply::NoError)
            a.error = reply->errorString();
    } else {
        a.timedOut = wasCancelled || reply->error() == QNetworkReply::OperationCanceledError
                     || reply->error() == QNetworkReply::TimeoutError;
        a.error = reply->errorString();
    }
    reply->deleteLater();
    return a;
}

const Api kApi = {kVersion, keychain, httpOpen, httpClose, httpSend};

} // namespace

extern "C" Q_DECL_EXPORT const statescope::io::Api *statescope_io_api()
{
    return &kApi;
}
