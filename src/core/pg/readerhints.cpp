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

nlohmann::json load()
{
    QFile f(hintPath());
    if (!f.open(QIODevice::ReadOnly))
        return nlohmann::json::object();
    const QByteArray text = f.readAll();
    nlohmann::json j = nlohmann::json::parse(text.constData(), text.constData() + text.size(), nullptr, false);
    return j.is_object() ? j : nlohmann::json::object();
}

// Best effort: a hint that cannot be written is learnt again next time.
void save(nlohmann::json &j)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (auto it = j.begin(); it != j.end();) {
        const auto at = it->is_object() ? it->find("at") : it->end();
        const bool fresh = at != it->end() && at->is_number_integer() && at->get<qint64>() > now - kHintLifeMs;
        it = fresh ? std::next(it) : j.erase(it);
    }
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
    try {
        const nlohmann::json j = load();
        const auto it = j.find(hintKey(settings));
        if (it == j.end() || !it->is_object())
            return std::nullopt;
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const auto dbs = it->find("databases");
        if (it->value("at", qint64(0)) <= now - kHintLifeMs || dbs == it->end() || !dbs->is_object())
            return std::nullopt;
        const auto db = dbs->find(database.toStdString());
        if (db == dbs->end() || !db->is_number_integer() || db->get<qint64>() <= now - kHintLifeMs)
            return std::nullopt;
        ReaderHint hint{QString::fromStdString(it->value("role", std::string())),
                        QString::fromStdString(it->value("superuser", std::string()))};
        if (hint.role.isEmpty() || hint.superuser.isEmpty())
            return std::nullopt;
        return hint;
    } catch (const nlohmann::json::exception &) {
        return std::nullopt; // a damaged file hints nothing
    }
}

void keepReaderHint(const ConnectionSettings &settings, const QString &role, const QString &superuser,
                    const QString &database)
{
    constexpr qint64 kRefreshMs = 3600 * 1000; // a hint younger than this is not written again
    std::lock_guard guard(hintLock());
    nlohmann::json j;
    try {
        j = load();
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        nlohmann::json &entry = j[hintKey(settings)];
        if (!entry.is_object() || entry.value("role", std::string()) != role.toStdString()
            || entry.value("superuser", std::string()) != superuser.toStdString()
            || !entry.contains("databases") || !entry["databases"].is_object())
            entry = {{"role", role.toStdString()}, {"superuser", superuser.toStdString()},
                     {"databases", nlohmann::json::object()}, {"at", qint64(0)}};
        nlohmann::json &db = entry["databases"][database.toStdString()];
        if (db.is_number_integer() && db.get<qint64>() > now - kRefreshMs && entry.value("at", qint64(0)) > now - kRefreshMs)
            return;
        entry["at"] = now;
        db = now;
    } catch (const nlohmann::json::exception &) {
        j = nlohmann::json::object();
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        j[hintKey(settings)] = {{"role", role.toStdString()}, {"superuser", superuser.toStdString()},
                                {"databases", {{database.toStdString(), now}}}, {"at", now}};
    }
    save(j);
}

void dropReaderHint(const ConnectionSettings &settings, const QString &database)
{
    std::lock_guard guard(hintLock());
    nlohmann::json j;
    try {
        j = load();
        const auto it = j.find(hintKey(settings));
        if (it == j.end())
            return;
        if (database.isEmpty() || !it->is_object() || !it->contains("databases") || !(*it)["databases"].is_object())
            j.erase(it);
        else
            (*it)["databases"].erase(database.toStdString());
    } catch (const nlohmann::json::exception &) {
        j = nlohmann::json::object();
    }
    save(j);
}

} // namespace statescope::pg::detail
