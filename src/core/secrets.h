#pragma once

#include <QCoreApplication>
#include <QObject>
#include <QString>

#include <functional>

namespace statescope::secrets {

// The system keychain, through QtKeychain (the freedesktop Secret Service or KWallet on
// Linux), under the service name "statescope". Secrets are never written anywhere else:
// QtKeychain's plain-text fallback is off, and when no keychain is reachable (a headless
// machine, no D-Bus session) the caller is told so and asks the person instead.
//
// Keys: profileKey(id) for a saved profile's database password; tokenKey(name) for an API
// token (the collector's).
QString profileKey(const QString &profileId);
QString tokenKey(const QString &name);
QString redisKey(const QString &family); // a family's Redis password (Galaxy's recovery)

struct Result
{
    enum class Status {
        Ok,
        NotFound,    // the keychain works but holds nothing under the key
        Unavailable, // no keychain could be reached (or it refused): ask the person
    };
    Status status = Status::Unavailable;
    QString secret; // Ok from read()
    QString error;  // the keychain's own words, for Unavailable

    bool ok() const { return status == Status::Ok; }
};

using Callback = std::function<void(const Result &)>;

// Asynchronous: `done` runs on context's thread (its event loop) once the keychain answers,
// never before the call returns; not at all when context is destroyed first.
void read(const QString &key, QObject *context, Callback done);
void write(const QString &key, const QString &secret, QObject *context, Callback done);
void remove(const QString &key, QObject *context, Callback done);

// Blocking, for the command line (a local event loop, at most timeoutMs; a keychain that
// does not answer in time is Unavailable).
Result readNow(const QString &key, int timeoutMs = 15000);
Result writeNow(const QString &key, const QString &secret, int timeoutMs = 15000);

// Lets reading sessions find a reader login's password in the keychain (pg/readerlogin.h).
// Call once, from a program with a QCoreApplication.
void installReaderPasswordProvider();

} // namespace statescope::secrets
