#include "retention.h"

#include "core/audit/auditlog.h"
#include "core/paths.h"
#include "core/validate.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QTimeZone>

#include <algorithm>
#include <limits>

namespace statescope::weekly {

QStringList expiredDumps(const QString &dir, const QString &database,
                         const settings::DumpRetention &retention, const QSet<QString> &protect,
                         const QDateTime &now)
{
    if (retention.keep == 0 || database.isEmpty())
        return {};
    // Full dumps only: a schema copy (<db>_schema_<stamp>.dump) cannot be told from the
    // dump of a database named <db>_schema, so those are never removed here.
    const validate::WholePattern form(QRegularExpression::escape(database)
                                      + QStringLiteral("_(\\d{8}T\\d{9}Z)\\.dump"));
    std::vector<std::pair<QDateTime, QString>> files; // (stamp, path)
    for (const QFileInfo &f : QDir(dir).entryInfoList({database + QStringLiteral("_*.dump")},
                                                     QDir::Files | QDir::NoSymLinks)) {
        const auto m = form.match(f.fileName());
        if (!m.hasMatch())
            continue;
        QDateTime stamp = QDateTime::fromString(m.captured(1), QStringLiteral("yyyyMMdd'T'HHmmsszzz'Z'"));
        if (!stamp.isValid())
            continue;
        stamp.setTimeZone(QTimeZone::utc());
        files.emplace_back(stamp, f.absoluteFilePath());
    }
    QStringList out;
    const QDateTime cutoff = now.addDays(-retention.minAgeDays);
    std::sort(files.begin(), files.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    for (size_t i = size_t(retention.keep); i < files.size(); ++i) {
        const auto &[stamp, path] = files[i];
        if (stamp < cutoff && !protect.contains(path)
            && !protect.contains(QFileInfo(path).canonicalFilePath()))
            out << path;
    }
    return out;
}

QSet<QString> dumpsOfUnfinishedRuns()
{
    QSet<QString> out;
    for (const audit::Entry &e : audit::incomplete(audit::readJournal(100000))) {
        const auto d = e.details.value("dump", nlohmann::json());
        if (d.is_string())
            out.insert(QString::fromStdString(d.get<std::string>()));
    }
    return out;
}

namespace {

// Every string in a journal line that could name a file.
void collectPaths(const nlohmann::json &j, QSet<QString> &out)
{
    if (j.is_string()) {
        const QString s = QString::fromStdString(j.get<std::string>());
        if (s.startsWith(QLatin1Char('/'))) {
            out.insert(s);
            out.insert(QFileInfo(s).canonicalFilePath());
        }
    } else if (j.is_structured()) {
        for (const auto &item : j)
            collectPaths(item, out);
    }
}

} // namespace

namespace {

const QString kCreated = QStringLiteral("file_created");
const QString kComplete = QStringLiteral("file_complete");

QString sha256Of(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&f))
        return {};
    return QString::fromLatin1(hash.result().toHex());
}

// An archive pg_dump began (custom format: "PGDMP" first), or an empty file it had not yet
// written to.
bool begunByPgDump(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QByteArray head = f.read(5);
    return head.isEmpty() || head == "PGDMP";
}

} // namespace

bool registerFile(const QString &path, QString *why)
{
    const QString abs = QFileInfo(path).absoluteFilePath();
    return audit::appendToJournal({kCreated, abs, {}, {{"path", abs.toStdString()}}}, why);
}

bool registerComplete(const QString &path, QString *why)
{
    const QString abs = QFileInfo(path).absoluteFilePath();
    return audit::appendToJournal({kComplete, abs, {},
                                   {{"path", abs.toStdString()},
                                    {"bytes", QFileInfo(abs).size()},
                                    {"sha256", sha256Of(abs).toStdString()}}},
                                  why);
}

QSet<QString> filesWritten()
{
    QSet<QString> out;
    for (const audit::Entry &e : audit::readJournal(std::numeric_limits<int>::max()))
        if (e.action == kCreated)
            out.insert(e.target);
    return out;
}

QStringList backupDirs()
{
    QStringList dirs{QFileInfo(paths::backupDir()).absoluteFilePath()};
    for (const audit::Entry &e : audit::readJournal(std::numeric_limits<int>::max())) {
        const auto d = e.details.value("backup_dir", nlohmann::json());
        if (!d.is_string())
            continue;
        const QString dir = QFileInfo(QString::fromStdString(d.get<std::string>())).absoluteFilePath();
        if (!dirs.contains(dir) && QFileInfo(dir).isDir())
            dirs << dir;
    }
    return dirs;
}

QString orphansDigest(const QList<OrphanFile> &orphans)
{
    QStringList paths;
    for (const OrphanFile &o : orphans)
        paths << o.path;
    paths.sort();
    return QString::fromLatin1(
        QCryptographicHash::hash(paths.join(QLatin1Char('\n')).toUtf8(), QCryptographicHash::Sha256).toHex().left(12));
}

QList<OrphanFile> orphanFiles(const QStringList &dirs, int quietMinutes, const QDateTime &now)
{
    QSet<QString> named;
    QSet<QString> ours;
    struct Complete
    {
        qint64 bytes = -1;
        QString sha256;
    };
    QHash<QString, Complete> complete;
    const QList<audit::Entry> journal = audit::readJournal(std::numeric_limits<int>::max());
    for (const audit::Entry &e : journal) {
        if (e.action == kCreated) {
            ours.insert(e.target);
        } else if (e.action == kComplete) {
            if (!complete.contains(e.target)) // newest first: the last record of it
                complete.insert(e.target, {e.details.value("bytes", qint64(-1)),
                                           QString::fromStdString(e.details.value("sha256", std::string()))});
        } else {
            collectPaths(e.details, named);
        }
    }
    // A database with an unfinished run may still be dumping (or need what it left).
    QStringList busy;
    for (const audit::Entry &e : audit::incomplete(journal))
        busy << e.target + QLatin1Char('_');
    QList<OrphanFile> out;
    const QStringList patterns{QStringLiteral("*.dump"), QStringLiteral("*.dump.partial"),
                               QStringLiteral("*_history_*.sql")};
    for (const QString &dir : dirs) {
        for (const QFileInfo &f : QDir(dir).entryInfoList(patterns, QDir::Files | QDir::NoSymLinks, QDir::Name)) {
            if (named.contains(f.absoluteFilePath()) || named.contains(f.canonicalFilePath()))
                continue;
            // Only what Statescope wrote, and, once complete, still what it wrote.
            if (!ours.contains(f.absoluteFilePath()))
                continue;
            if (const auto c = complete.constFind(f.absoluteFilePath()); c != complete.cend()
                && (c->bytes != f.size() || c->sha256 != sha256Of(f.absoluteFilePath())))
                continue;
            // Never completed (a .partial): still what pg_dump began to write there (its
            // archive's header, or nothing yet), not a file of the user's put in its place.
            if (!complete.contains(f.absoluteFilePath()) && !begunByPgDump(f.absoluteFilePath()))
                continue;
            if (std::any_of(busy.cbegin(), busy.cend(), [&](const QString &p) { return f.fileName().startsWith(p); }))
                continue;
            OrphanFile o{f.absoluteFilePath(), f.size(), f.lastModified().toUTC(),
                         f.fileName().endsWith(QLatin1String(".partial"))};
            // Written to lately: perhaps a run still going, whose journal has not named it yet.
            if (o.modified.secsTo(now) < qint64(quietMinutes) * 60)
                continue;
            out.append(o);
        }
    }
    return out;
}

} // namespace statescope::weekly
