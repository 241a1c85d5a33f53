#include "auditlog.h"

#include "core/paths.h"
#include "core/pg/connection.h"

#include <QFile>
#include <QThread>
#include <QSet>

#include <csignal>
#include <unistd.h>

namespace statescope::audit {

void writeToDatabase(pg::Connection &conn, const Entry &entry)
{
    conn.exec(QStringLiteral("INSERT INTO statescope.audit_log (os_user, action, target, reason, "
                             "details) VALUES ($1, $2, $3, $4, $5::jsonb)"),
              {paths::osUser(), entry.action, entry.target,
               entry.reason.isEmpty() ? pg::Param(nullptr) : pg::Param(entry.reason),
               QByteArray::fromStdString(entry.details.dump())});
}

bool hasAuditTable(pg::Connection &conn)
{
    const auto r = conn.exec(QStringLiteral(
        "SELECT to_regclass('statescope.audit_log') IS NOT NULL AS present"));
    return r.toBool(0, 0);
}

QList<Entry> readFromDatabase(pg::Connection &conn, int limit)
{
    const auto r = conn.exec(
        QStringLiteral("SELECT at, os_user, action, target, coalesce(reason, '') AS reason, "
                       "details::text AS details FROM statescope.audit_log "
                       "ORDER BY at DESC, id DESC LIMIT $1"),
        {limit});
    QList<Entry> entries;
    for (int i = 0; i < r.rowCount(); ++i) {
        Entry e;
        e.at = QDateTime::fromString(r.value(i, "at"), Qt::ISODateWithMs);
        e.osUser = r.value(i, "os_user");
        e.action = r.value(i, "action");
        e.target = r.value(i, "target");
        e.reason = r.value(i, "reason");
        e.details = nlohmann::json::parse(r.value(i, "details").toStdString(), nullptr, false);
        entries.append(e);
    }
    return entries;
}

bool appendToJournal(const Entry &entry, QString *error)
{
    nlohmann::json line = {
        {"at", QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toStdString()},
        {"os_user", paths::osUser().toStdString()},
        {"server", entry.server.toStdString()},
        {"action", entry.action.toStdString()},
        {"target", entry.target.toStdString()},
        {"reason", entry.reason.toStdString()},
        {"details", entry.details},
    };
    if (!entry.serverId.isEmpty())
        line["server_id"] = entry.serverId.toStdString();
    if (!entry.op.isEmpty()) {
        line["op"] = entry.op.toStdString();
        line["phase"] = entry.phase.toStdString();
    }
    QFile f(paths::journalPath());
    if (!f.open(QIODevice::Append | QIODevice::Text)) {
        if (error)
            *error = f.errorString();
        return false;
    }
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    const QByteArray bytes = QByteArray::fromStdString(line.dump()) + '\n';
    if (f.write(bytes) != bytes.size() || !f.flush() || ::fsync(f.handle()) != 0) {
        if (error)
            *error = f.errorString();
        return false;
    }
    // The kill sweeps of the tests: STATESCOPE_KILL_AFTER=<phase>[:<n>] kills this process
    // (SIGKILL, as a crash or kill -9 would) right after the n-th journal line of that phase,
    // so that every stage of every journalled run can be killed and recovered.
    static const QByteArray killAfter = qgetenv("STATESCOPE_KILL_AFTER");
    if (!killAfter.isEmpty() && !entry.phase.isEmpty()) {
        static int seen = 0;
        const QList<QByteArray> parts = killAfter.split(':');
        if (entry.phase.toUtf8() == parts[0] && ++seen >= (parts.size() > 1 ? parts[1].toInt() : 1)) {
            f.close();
            ::kill(::getpid(), SIGKILL);
        }
    }
    // The restart sweeps: STATESCOPE_PAUSE_AFTER=<phase>[:<n>] holds this process right after
    // the n-th journal line of that phase, having created the file STATESCOPE_PAUSE_FILE
    // names, until the file is removed (at most five minutes): the test restarts a server
    // meanwhile.
    static const QByteArray pauseAfter = qgetenv("STATESCOPE_PAUSE_AFTER");
    static const QString pauseFile = qEnvironmentVariable("STATESCOPE_PAUSE_FILE");
    static int pauseSeen = 0;
    const QList<QByteArray> pauseParts = pauseAfter.split(':');
    if (!pauseAfter.isEmpty() && !pauseFile.isEmpty() && entry.phase.toUtf8() == pauseParts[0]
        && ++pauseSeen == (pauseParts.size() > 1 ? pauseParts[1].toInt() : 1)) {
        f.close();
        QFile flag(pauseFile);
        if (flag.open(QIODevice::WriteOnly)) {
            flag.close();
            for (int i = 0; i < 6000 && QFile::exists(pauseFile); ++i)
                QThread::msleep(50);
        }
    }
    return true;
}

QList<Entry> readJournal(int limit)
{
    QList<Entry> entries;
    QFile f(paths::journalPath());
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return entries;
    const QList<QByteArray> lines = f.readAll().split('\n');
    for (auto it = lines.crbegin(); it != lines.crend() && entries.size() < limit; ++it) {
        if (it->trimmed().isEmpty())
            continue;
        const auto j = nlohmann::json::parse(it->toStdString(), nullptr, false);
        if (!j.is_object())
            continue;
        Entry e;
        e.at = QDateTime::fromString(QString::fromStdString(j.value("at", "")), Qt::ISODateWithMs);
        e.osUser = QString::fromStdString(j.value("os_user", ""));
        e.server = QString::fromStdString(j.value("server", ""));
        e.serverId = QString::fromStdString(j.value("server_id", ""));
        e.action = QString::fromStdString(j.value("action", ""));
        e.target = QString::fromStdString(j.value("target", ""));
        e.reason = QString::fromStdString(j.value("reason", ""));
        e.details = j.value("details", nlohmann::json::object());
        if (!e.details.is_object())
            e.details = nlohmann::json::object(); // read as an object whatever a line holds
        e.op = QString::fromStdString(j.value("op", ""));
        e.phase = QString::fromStdString(j.value("phase", ""));
        entries.append(e);
    }
    return entries;
}

QList<Entry> readJournalActions(int limit)
{
    QList<Entry> entries = readJournal(limit * 4);
    entries.removeIf([](const Entry &e) {
        return e.action == QLatin1String("file_created") || e.action == QLatin1String("file_complete");
    });
    if (entries.size() > limit)
        entries.resize(limit);
    return entries;
}

QList<Entry> incomplete(const QList<Entry> &entries)
{
    QSet<QString> closed;
    QHash<QString, QString> dumps;
    for (const Entry &e : entries) {
        if (e.phase == QLatin1String("done") || e.phase == QLatin1String("failed")
            || e.phase == QLatin1String("resolved"))
            closed.insert(e.op);
        else if (e.phase == QLatin1String("dumped") && e.details.contains("dump"))
            dumps.insert(e.op, QString::fromStdString(e.details.value("dump", "")));
    }
    QList<Entry> open;
    for (const Entry &e : entries) {
        if (e.phase != QLatin1String("intent") || closed.contains(e.op))
            continue;
        Entry copy = e;
        if (dumps.contains(e.op))
            copy.details["dump"] = dumps.value(e.op).toStdString();
        open.append(copy);
    }
    return open;
}

} // namespace statescope::audit
