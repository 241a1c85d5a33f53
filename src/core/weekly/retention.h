#pragma once

#include "core/settings.h"

#include <QDateTime>
#include <QSet>
#include <QString>
#include <QStringList>

namespace statescope::weekly {

// The dumps of one database in a backup directory that the retention setting lets go: its
// full dumps (<db>_<UTC stamp>.dump) ranked newest first by the stamp in the name, beyond
// the newest `keep` and older than `minAgeDays`. Files named in `protect` (the dumps of unfinished runs) are never
// listed, nor anything not named by Statescope's pattern.
QStringList expiredDumps(const QString &dir, const QString &database,
                         const settings::DumpRetention &retention, const QSet<QString> &protect,
                         const QDateTime &now = QDateTime::currentDateTimeUtc());

// The dumps that unfinished resets and drops (the local journal) may still need.
QSet<QString> dumpsOfUnfinishedRuns();

// Every file Statescope writes into a backup directory (dumps, their .partial files, schema
// copies) is named in the local journal before it is created ("file_created"), and once
// complete with its size and SHA-256 ("file_complete"). Returns false (and says why) when the
// journal cannot be written: the file must then not be written either.
bool registerFile(const QString &path, QString *why = nullptr);
bool registerComplete(const QString &path, QString *why = nullptr);
// The absolute paths the journal says Statescope created.
QSet<QString> filesWritten();

// Files in the backup directories that Statescope itself wrote (registered above; a complete
// one still of the size and checksum it had) and that no run's journal line names: dumps of
// runs killed before they journalled them, their .partial files (never complete: a dump takes
// its name only once pg_dump succeeded), schema copies a killed reset left. Nothing else is
// ever listed, whatever its name: a file of the user's in a folder once used for dumps stays,
// and so does one the user wrote over a .partial of ours (not pg_dump's archive any more).
// A .partial written to in the last `quietMinutes` may belong to a run still going (pg_dump
// writes as it reads) and is left out, as is every file of a database whose run is unfinished.
struct OrphanFile
{
    QString path;
    qint64 bytes = 0;
    QDateTime modified;
    bool partial = false; // a .partial: an incomplete dump, of no use for restoring
};
QList<OrphanFile> orphanFiles(const QStringList &dirs, int quietMinutes = 2,
                              const QDateTime &now = QDateTime::currentDateTimeUtc());
// Names exactly these files (12 hex digits of a SHA-256 of their paths): what a removal is
// confirmed with, so it removes what was listed and nothing that appeared since.
QString orphansDigest(const QList<OrphanFile> &orphans);
// The backup directory, and every other one the journal's runs dumped into.
QStringList backupDirs();

} // namespace statescope::weekly
