// Schema compare and drift: db diff (two databases, or one and Statescope's own weekly schema)
// and db drift (the weeks of a family against each other).
#include "output.h"

#include "core/weekly/drift.h"
#include "core/catalog/lookup.h"
#include "core/catalog/schemadiff.h"
#include "core/pg/connection.h"

#include <cstdio>

namespace statescope::cli {

namespace {

catalog::SchemaSnapshot snapshotOf(const QString &conninfo)
{
    auto conn = pg::Connection::open(connectionFrom(conninfo), pg::Connection::Access::ReadOnlySelf);
    catalog::SchemaSnapshot s = catalog::SchemaSnapshot::read(*conn);
    s.server = conn->user();
    return s;
}

const char *mark(catalog::SchemaChange::Type t)
{
    switch (t) {
    case catalog::SchemaChange::Type::Added: return "+";
    case catalog::SchemaChange::Type::Removed: return "-";
    case catalog::SchemaChange::Type::Changed: break;
    }
    return "~";
}

nlohmann::json diffJson(const catalog::SchemaDiff &d)
{
    nlohmann::json changes = nlohmann::json::array();
    for (const catalog::SchemaChange &c : d.changes)
        changes.push_back({{"change", utf8(catalog::SchemaChange::typeName(c.type))},
                           {"kind", utf8(catalog::SchemaObject::kindName(c.object().kind))},
                           {"key", utf8(c.object().key())},
                           {"summary", utf8(c.summary())},
                           {"from_ddl", c.from ? nlohmann::json(utf8(c.from->ddl)) : nlohmann::json()},
                           {"to_ddl", c.to ? nlohmann::json(utf8(c.to->ddl)) : nlohmann::json()}});
    return {{"from", utf8(d.from)},
            {"to", utf8(d.to)},
            {"added", d.count(catalog::SchemaChange::Type::Added)},
            {"removed", d.count(catalog::SchemaChange::Type::Removed)},
            {"changed", d.count(catalog::SchemaChange::Type::Changed)},
            {"same", d.same},
            {"owners_compared", d.fromSnapshot.owners && d.toSnapshot.owners},
            {"changes", changes}};
}

} // namespace

int runSchemaDiff(const QStringList &args)
{
    Command cmd(QStringLiteral("db diff"),
                QStringLiteral("Compares two databases' schemas object by object, from their catalogs: tables, "
                               "columns (type, default, nullability, identity, generated), constraints, indexes, "
                               "triggers, views and materialized views, functions, sequences, types, partitions and "
                               "their bounds, row-level security policies, grants, owners, extensions and their "
                               "versions. Added, removed and changed objects; --sql prints the statements that would "
                               "bring the first to the second (never run by Statescope)."));
    auto &p = cmd.parser();
    p.addOption({QStringLiteral("db"), QStringLiteral("A database (give two; the first is compared to the second)."),
                 QStringLiteral("CONN")});
    p.addOption({QStringLiteral("migrations"),
                 QStringLiteral("Compare the database with Statescope's own weekly schema, as its migrations make it "
                                "(built in a scratch database of the local sandbox).")});
    p.addOption({QStringLiteral("sql"), QStringLiteral("Print the statements that would bring the first to the second. "
                                                       "Where they give objects to their owners and the first "
                                                       "database's login may not, a warning says so first.")});
    p.addOption({QStringLiteral("ignore-owners"),
                 QStringLiteral("Leave owners out: neither compared nor given by --sql (weeks owned by different "
                                "roles on purpose). Always so with --migrations.")});
    cmd.parse(args);
    const QStringList dbs = p.values(QStringLiteral("db"));
    const bool migrations = p.isSet(QStringLiteral("migrations"));
    if (dbs.size() != (migrations ? 1 : 2))
        throw Error::invalidInput(migrations ? QStringLiteral("Give one --db with --migrations.")
                                             : QStringLiteral("Give --db twice: the database to compare, and the one to "
                                                              "compare it with."));
    for (const QString &d : dbs)
        connectionFrom(d); // bad text is bad input, before connecting
    if (p.isSet(QStringLiteral("sql")) && cmd.json())
        throw Error::invalidInput(QStringLiteral("Give --sql or --json, not both."));
    catalog::SchemaSnapshot from = snapshotOf(dbs.first());
    catalog::SchemaSnapshot to = migrations ? weekly::migrationsSchema() : snapshotOf(dbs.last());
    if (p.isSet(QStringLiteral("ignore-owners"))) {
        from.leaveOwnersOut();
        to.leaveOwnersOut();
    }
    const catalog::SchemaDiff d = catalog::SchemaDiff::compare(from, to);
    if (p.isSet(QStringLiteral("sql"))) {
        QStringList roles;
        QString script = d.script(&roles);
        if (!roles.isEmpty()) {
            // Said before anything is written, and kept at the script's head.
            auto conn = pg::Connection::open(connectionFrom(dbs.first()), pg::Connection::Access::ReadOnlySelf);
            QStringList cannot;
            for (const auto &[role, missing] : catalog::rolesNotHeld(*conn, roles))
                cannot << (missing ? QStringLiteral("%1 (no such role there)") : QStringLiteral("%1 (not a member)")).arg(role);
            if (!cannot.isEmpty()) {
                const QString warning = QStringLiteral("%1 on %2 cannot give objects to or take them from: %3. Run the "
                                                       "script as a superuser or a member of each, or compare with "
                                                       "--ignore-owners.")
                                            .arg(conn->user(), from.database, cannot.join(QStringLiteral(", ")));
                std::fputs(("statescope-cli: warning: " + utf8(warning) + "\n").c_str(), stderr);
                script.prepend(QStringLiteral("-- WARNING: %1\n").arg(warning));
            }
        }
        std::fputs(script.toUtf8().constData(), stdout);
        return Ok;
    }
    QStringList lines{QStringLiteral("%1 -> %2: %3 added, %4 removed, %5 changed, %6 the same")
                          .arg(d.from, d.to)
                          .arg(d.count(catalog::SchemaChange::Type::Added))
                          .arg(d.count(catalog::SchemaChange::Type::Removed))
                          .arg(d.count(catalog::SchemaChange::Type::Changed))
                          .arg(d.same)};
    for (const catalog::SchemaChange &c : d.changes)
        lines << QStringLiteral("%1 %2%3")
                     .arg(QLatin1String(mark(c.type)), c.object().key(),
                          c.type == catalog::SchemaChange::Type::Changed ? QStringLiteral(": ") + c.summary() : QString());
    cmd.print(diffJson(d), lines.join(QLatin1Char('\n')));
    return Ok;
}

int runDrift(const QStringList &args)
{
    Command cmd(QStringLiteral("db drift"),
                QStringLiteral("The weeks of a family side by side: each week's migration tool and version, "
                               "migrations whose checksum drifted (from the files, or from the family's majority), "
                               "its schema's fingerprint, and the objects where it differs from the schema most "
                               "weeks share."));
    addFamilyOptions(cmd);
    cmd.parser().addOption({QStringLiteral("parallel"), QStringLiteral("Weeks read at once (1..16, default 2)."),
                            QStringLiteral("N")});
    cmd.parse(args);
    const int parallel = int(cmd.integer(QStringLiteral("parallel"), 2, 1, 16));
    QList<weekly::FamilyWeek> weeks;
    const weekly::Family family = familyFrom(cmd, &weeks);
    const weekly::FamilyDrift drift = weekly::FamilyDrift::read(weeks, parallel);
    nlohmann::json doc = {{"prefix", utf8(family.prefix())},
                          {"majority_fingerprint", utf8(drift.majorityFingerprint)},
                          {"majority_weeks", drift.majorityWeeks},
                          {"majority_example", utf8(drift.majorityExample)},
                          {"weeks", nlohmann::json::array()}};
    QStringList lines{QStringLiteral("%1: %2 week(s); %3 share the schema %4 (e.g. %5)")
                          .arg(family.prefix())
                          .arg(weeks.size())
                          .arg(drift.majorityWeeks)
                          .arg(drift.majorityFingerprint.left(12), drift.majorityExample)};
    for (const weekly::WeekDrift &w : drift.weeks) {
        const auto list = [](const QStringList &items) {
            nlohmann::json a = nlohmann::json::array();
            for (const QString &i : items)
                a.push_back(utf8(i));
            return a;
        };
        doc["weeks"].push_back({{"week", utf8(w.week.name.isoWeekString())},
                                {"database", utf8(w.week.database())},
                                {"server", utf8(w.week.server)},
                                {"tools", list(w.tools)},
                                {"checksum_drift", list(w.checksumDrift)},
                                {"fingerprint", utf8(w.fingerprint)},
                                {"majority", w.majority},
                                {"differences", list(w.differences)},
                                {"difference_count", w.differenceCount},
                                {"owners", list(w.owners)},
                                {"owner_count", w.ownerCount},
                                {"error", utf8(w.error)}});
        QString line = QStringLiteral("  %1  %2  %3  %4")
                           .arg(w.week.label(family.spansServers()), -20)
                           .arg(w.error.isEmpty() ? w.shortFingerprint() : QStringLiteral("?"), -12)
                           .arg(w.error.isEmpty() ? w.tools.join(QStringLiteral(", ")) : QString(), -28)
                           .arg(!w.error.isEmpty() ? w.error
                                : w.majority    ? QStringLiteral("as most")
                                : w.differenceCount == 0
                                    ? QStringLiteral("owners differ on %1 object(s)").arg(w.ownerCount)
                                    : QStringLiteral("differs in %1 object(s)%2")
                                          .arg(w.differenceCount)
                                          .arg(w.ownerCount ? QStringLiteral(", owners on %1").arg(w.ownerCount) : QString()));
        lines << line;
        for (const QString &c : w.checksumDrift)
            lines << QStringLiteral("      checksum: %1").arg(c);
        for (const QString &d : w.differences.mid(0, 10))
            lines << QStringLiteral("      %1").arg(d);
        for (const QString &o : w.owners.mid(0, 10))
            lines << QStringLiteral("      owner %1").arg(o);
    }
    cmd.print(doc, lines.join(QLatin1Char('\n')));
    return Ok;
}

} // namespace statescope::cli
