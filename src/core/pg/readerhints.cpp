// What earlier processes learnt of reader logins (readerlogin_p.h), kept in a small file so
// that a command run on its own opens one connection per database instead of two: it logs in
// as the reader login at once rather than as the superuser first to look it up.
//
// A hint only chooses the first attempt; it grants nothing. The session it leads to is
// trusted as it always is (not a superuser, nor risky by roleRisk, asked on that session),
// and a hint that no longer holds (the login gone, its password changed, CONNECT taken away)
// is dropped and the superuser's path taken as before. Reading as the reader login needs its
// credentials, which are this user's already (keychain, password file, trust).
//
// The file (readers.json in the data folder) names no server: entries are keyed by a hash of
// the connection settings without database and password.
#include "core/pg/readerlogin_p.h"

#include "core/paths.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QSaveFile>

#include <nlohmann/json.hpp>

#include <mutex>

namespace statescope::pg::detail {

namespace {

constexpr qint64 kHintLifeMs = 24LL * 3600 * 1000; // looked up again as the superuser after a day

std::mutex &hintLock()
{
    static std::mutex m;
    return m;
}

QString hintPath()
{
    return paths::dataDir() + QStringLiteral("/readers.json");
}

std::string hintKey(const ConnectionSettings &settings)
{
    ConnectionSettings s = settings;
    s.remove(QStringLiteral("dbname"));
    s.remove(QStringLiteral("password"));
    s.remove(QStringLiteral("sslpassword"));
    return QCryptographicHash::hash(s.storableString().toUtf8(), QCryptographicHash::Sha256).toHex().toStdString();
}

// An entry: {"role": R, "superuser": S, "at": ms, "databases": {name: ms}}. What is not
// that shape, or is older than a day, is left out here: the rest of the file reads only
// well-formed entries (a damaged file hints nothing and is written anew).
bool fresh(const nlohmann::json &ms)
{
    return ms.is_number_integer() && ms.get<qint64>() > QDateTime::currentMSecsSinceEpoch() - kHintLifeMs;
}

nlohmann::json load()
{
    nlohmann::json out = nlohmann::json::object();
    QFile f(hintPath());
    if (!f.open(QIODevice::ReadOnly))
        return out;
    const QByteArray text = f.readAll();
    const nlohmann::json j = nlohmann::json::parse(text.constData(), text.constData() + text.size(), nullptr, false);
    if (!j.is_object())
        return out;
    for (const auto &[key, e] : j.items()) {
        if (!e.is_object() || !e.contains("role") || !e["role"].is_string() || !e.contains("superuser")
            || !e["superuser"].is_string() || !e.contains("at") || !fresh(e["at"]) || !e.contains("databases")
            || !e["databases"].is_object())
            continue;
        nlohmann::json entry = e;
        entry["databases"] = nlohmann::json::object();
        for (const auto &[db, at] : e["databases"].items())
            if (fresh(at))
                entry["databases"][db] = at;
        out[key] = std::move(entry);
    }
    return out;
}

// Best effort: a hint that cannot be written is learnt again next time.
void save(const nlohmann::json &j)
{
    QSaveFile f(hintPath());
    if (!f.open(QIODevice::WriteOnly))
        return;
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    const std::string text = j.dump(1);
    f.write(text.data(), qint64(text.size()));
    f.commit();
}

} // namespace

std::optional<ReaderHint> readerHint(const ConnectionSettings &settings, const QString &database)
{
    std::lock_guard guard(hintLock());
    const nlohmann::json j = load();
    const auto it = j.find(hintKey(settings));
    if (it == j.end() || !(*it)["databases"].contains(database.toStdString()))
        return std::nullopt;
    ReaderHint hint{QString::fromStdString((*it)["role"].get<std::string>()),
                    QString::fromStdString((*it)["superuser"].get<std::string>())};
    if (hint.role.isEmpty() || hint.superuser.isEmpty())
        return std::nullopt;
    return hint;
}

void keepReaderHint(const ConnectionSettings &settings, const QString &role, const QString &superuser,
                    const QString &database)
{
    constexpr qint64 kRefreshMs = 3600 * 1000; // a hint younger than this is not written again
    std::lock_guard guard(hintLock());
    nlohmann::json j = load();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    nlohmann::json &entry = j[hintKey(settings)];
    if (entry.is_null() || entry["role"] != role.toStdString() || entry["superuser"] != superuser.toStdString())
        entry = {{"role", role.toStdString()}, {"superuser", superuser.toStdString()},
                 {"databases", nlohmann::json::object()}, {"at", qint64(0)}};
    nlohmann::json &db = entry["databases"][database.toStdString()];
    if (db.is_number_integer() && db.get<qint64>() > now - kRefreshMs && entry["at"].get<qint64>() > now - kRefreshMs)
        return;
    entry["at"] = now;
    db = now;
    save(j);
}

void dropReaderHint(const ConnectionSettings &settings, const QString &database)
{
    std::lock_guard guard(hintLock());
    nlohmann::json j = load();
    const auto it = j.find(hintKey(settings));
    if (it == j.end())
        return;
    if (database.isEmpty())
        j.erase(it);
    else
        (*it)["databases"].erase(database.toStdString());
    save(j);
}

} // namespace statescope::pg::detail
