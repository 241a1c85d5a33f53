#include "core/weekly/schemacopy.h"

#include "core/catalog/lookup.h"
#include "core/error.h"
#include "core/layout/history.h"
#include "core/layout/layout.h"
#include "core/pg/connection.h"
#include "core/task/worker.h"
#include "core/weekly/dump.h"
#include "core/weekly/retention.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QRegularExpression>

namespace statescope::weekly {

namespace {

QString stamped(const QString &dir, const QString &db, const char *what)
{
    return QDir(dir).filePath(QStringLiteral("%1_%2_%3").arg(
        db, QString::fromLatin1(what),
        QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd'T'HHmmsszzz'Z'"))));
}

// Plain pg_dump output run through execScript: psql meta-commands (\restrict) dropped.
QString withoutMetaCommands(const QByteArray &text)
{
    QStringList kept;
    for (const QString &line : QString::fromUtf8(text).split(QLatin1Char('\n')))
        if (!line.startsWith(QLatin1Char('\\')))
            kept << line;
    return kept.join(QLatin1Char('\n'));
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        throw Error(Error::Kind::Environment, SchemaCopier::tr("Cannot read %1: %2").arg(path, f.errorString()));
    return f.readAll();
}

} // namespace

SchemaCopy SchemaCopier::captureSchema(const pg::ConnectionSettings &database,
                                       const QString &dir, TaskContext *ctx)
{
    SchemaCopy copy;
    copy.source = database.database();
    if (!QDir().mkpath(dir))
        throw Error(Error::Kind::Environment, tr("Cannot create the directory %1").arg(dir));
    {
        auto conn = pg::Connection::open(database, pg::Connection::Access::ReadOnlySelf);
        ++copy.sessions;
        for (const layout::History &h : layout::Histories::foreign(layout::Histories::read(*conn)))
            copy.historyTables << h.table;
        // An adopted database keeps the record of its bookkeeping version too.
        if (conn->exec(QStringLiteral("SELECT to_regclass('statescope.bookkeeping_history') IS NOT NULL"))
                .toBool(0, 0))
            copy.historyTables << QStringLiteral("statescope.bookkeeping_history");
        copy.tables = int(catalog::userTableCount(*conn));
    }
    const QString pgDump = requireProgram(QStringLiteral("pg_dump"));
    const QString db = database.database();
    copy.archive = stamped(dir, db, "schema") + QStringLiteral(".dump");
    QString why;
    if (!registerFile(copy.archive, &why))
        throw Error(Error::Kind::Environment,
                    tr("The local audit journal could not be written; nothing was changed."), why);
    runTool(pgDump,
            {QStringLiteral("--format=custom"), QStringLiteral("--schema-only"), QStringLiteral("--no-password"),
             QStringLiteral("--file"), copy.archive, QStringLiteral("--dbname"), db},
            database, ctx, tr("Copying the schema of %1").arg(db));
    ++copy.sessions;
    if (!copy.historyTables.isEmpty()) {
        copy.historyRows = stamped(dir, db, "history") + QStringLiteral(".sql");
        if (!registerFile(copy.historyRows, &why))
            throw Error(Error::Kind::Environment,
                        tr("The local audit journal could not be written; nothing was changed."), why);
        QStringList args{QStringLiteral("--data-only"), QStringLiteral("--inserts"), QStringLiteral("--no-password"),
                         QStringLiteral("--file"), copy.historyRows};
        for (const QString &t : copy.historyTables) {
            const QStringList parts = t.split(QLatin1Char('.'));
            // -t takes a pattern: the quoted names match exactly these tables.
            args << QStringLiteral("--table") << layout::quoteIdent(parts.value(0)) + QLatin1Char('.')
                        + layout::quoteIdent(parts.value(1));
        }
        args << QStringLiteral("--dbname") << db;
        runTool(pgDump, args, database, ctx, tr("Copying the migration history of %1").arg(db));
        ++copy.sessions;
    }
    return copy;
}

SchemaCopy SchemaCopier::capture(const pg::ConnectionSettings &database, const QString &dir,
                                 TaskContext *ctx)
{
    SchemaCopy copy = captureSchema(database, dir, ctx);
    auto conn = pg::Connection::open(database, pg::Connection::Access::ReadOnlySelf);
    copy.properties = DatabaseProperties::read(*conn, database.database());
    return copy;
}

QStringList SchemaCopier::apply(const SchemaCopy &copy, const pg::ConnectionSettings &target,
                         const pg::ConnectionSettings &maintenance, TaskContext *ctx)
{
    const QString db = target.database();
    runTool(requireProgram(QStringLiteral("pg_restore")),
            {QStringLiteral("--no-password"), QStringLiteral("--exit-on-error"), QStringLiteral("--single-transaction"),
             QStringLiteral("--dbname"), db, copy.archive},
            target, ctx, tr("Creating the schema of %1").arg(db));
    if (!copy.historyRows.isEmpty()) {
        auto conn = pg::Connection::open(target);
        conn->transaction([&] { conn->execScript(withoutMetaCommands(readAll(copy.historyRows))); });
    }
    if (!copy.properties)
        return {};
    DatabaseProperties like = *copy.properties;
    like.comment.clear();
    like.allowConnections = true;
    like.isTemplate = false;
    auto conn = pg::Connection::open(maintenance);
    return like.apply(*conn, db);
}

void SchemaCopier::discard(const SchemaCopy &copy)
{
    for (const QString &f : {copy.archive, copy.historyRows})
        if (!f.isEmpty())
            QFile::remove(f);
}

} // namespace statescope::weekly
