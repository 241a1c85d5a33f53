#pragma once

#include "core/weekly/family.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace statescope {
class TaskContext;
}
namespace statescope::catalog {
struct SchemaSnapshot;
}

namespace statescope::weekly {

// How one week of a family stands against the others.
struct WeekDrift
{
    weekly::FamilyWeek week;
    QStringList tools;         // its migration histories: "Statescope 8", "Alembic 009", "Flyway 12 (1 failed)"
    QStringList checksumDrift; // a migration whose checksum differs from the files (Statescope's) or
                               // from the family's majority for that version (Flyway, sqlx, Statescope)
    QString fingerprint;       // of its schema (SchemaSnapshot::fingerprint)
    bool majority = false;     // its schema is the family's most common one
    QStringList differences;   // where it differs from the majority: "+ index raw.x", "~ column ...", capped
    int differenceCount = 0;   // all of them (owners apart)
    QStringList owners;        // objects whose owner differs from the majority's: "table raw.x: game -> admin", capped
    int ownerCount = 0;        // all of them
    QString error;             // it could not be read (the rest is empty)

    QString shortFingerprint() const { return fingerprint.left(12); }
};

// The weeks of a family side by side: which migration tool and version each has, whether a
// migration's checksum drifted, its schema's fingerprint, and where it differs from the schema
// most weeks share. Read-only; a few weeks at a time.
struct FamilyDrift
{
    Q_DECLARE_TR_FUNCTIONS(statescope::weekly::FamilyDrift)
public:
    QList<WeekDrift> weeks;
    QString majorityFingerprint;
    int majorityWeeks = 0; // how many share it
    QString majorityExample; // a database that has it (to compare with)

    static constexpr int kDifferencesShown = 50;
    static FamilyDrift read(const QList<weekly::FamilyWeek> &weeks, int parallelism = 2, TaskContext *ctx = nullptr);

    const WeekDrift *of(const QString &database) const;
    // Said before a week is copied (create next week, reset): nullopt when `database` has the
    // majority's schema (or the family is too small to have one).
    std::optional<QString> warningFor(const QString &database) const;
    // The same, reading `database`'s family on `server` first (nullopt for a database that is
    // not a weekly one, or a family of one week).
    static std::optional<QString> copyWarning(const pg::ConnectionSettings &server, const QString &database,
                                              TaskContext *ctx = nullptr);
};

// Statescope's own weekly schema, as its migrations make it: built in a scratch database of
// the local sandbox (started when needed), read, and dropped again.
catalog::SchemaSnapshot migrationsSchema(TaskContext *ctx = nullptr);

} // namespace statescope::weekly
