#pragma once

#include "core/pg/connection.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace statescope {
class Error;
}

namespace statescope::browse {

// The check user-typed SQL passes before it is sent on a session that reads as a superuser
// with no reader login (pg/readerlogin.h): a READ ONLY transaction does not stop a superuser
// from acting on the server, so whatever could is refused here, by name:
//   DO blocks; SET/RESET ROLE, SET SESSION AUTHORIZATION, set_config('role' |
//   'session_authorization' | a name that is not a plain literal); COPY to or from a
//   program or a server file; server-side large objects (lo_import, lo_export, ...);
//   dblink*; pg_terminate_backend, pg_cancel_backend; replication slots and origins;
//   pg_reload_conf, pg_switch_wal, CHECKPOINT, LOAD and the other server controls;
//   functions that run SQL given as text (query_to_xml, ts_stat, ...), which no check can see
//   into; commands that take strong locks or act on tables (REINDEX, CLUSTER, ANALYZE, VACUUM,
//   LOCK, REFRESH, CALL, LISTEN, NOTIFY, DISCARD); names written with UESCAPE.
// Strings, comments and dollar-quoted bodies are read as such, so a name inside a string does
// not count; quoted and schema-qualified names do ("pg_catalog"."pg_reload_conf").
class SqlGuard
{
    Q_DECLARE_TR_FUNCTIONS(statescope::browse::SqlGuard)
public:
    // What the text does that could act on the server, one entry each (empty: nothing).
    // standardStrings: the server's standard_conforming_strings (off: '\'' does not end a
    // string).
    static QStringList findings(const QString &sql, bool standardStrings = true);
    // The transaction control the text holds (BEGIN, COMMIT, ROLLBACK, SAVEPOINT, PREPARE
    // TRANSACTION...), or empty. Typed SQL never runs it, whoever reads: it would end or
    // outlive the read-only transaction it runs in.
    static QString transactionControl(const QString &sql);
    // What a read-only transaction refuses in a statement that returns rows: SELECT ... INTO
    // (it makes a table), a data-modifying WITH (INSERT, UPDATE, DELETE, MERGE inside it), a
    // locking clause (FOR UPDATE, FOR NO KEY UPDATE, FOR SHARE, FOR KEY SHARE); empty when
    // none. Said before a statement goes to many databases, rather than by each of them.
    static QString writeInQuery(const QString &sql);
    // Throws Error(InvalidInput) naming the findings, before anything is sent, when `conn`
    // reads guarded; then checkObjects().
    static void check(const pg::Connection &conn, const QString &sql);

    // What the objects the text names would run, read from the catalog (one statement,
    // nothing of the user's executed): the functions it calls by name, and through every view
    // it names (recursively, from pg_depend of their rules) the functions and operators those
    // call and the foreign tables they read. Refused, named, unless allowed:
    //   - reading guarded (a superuser with no reader login): every function that is not
    //     PostgreSQL's own (oid >= 16384: user, extension, SECURITY DEFINER alike), the
    //     built-ins that act on the server or read its files, and file_fdw tables that run a
    //     program;
    //   - reading as a reader login: functions that run with a superuser's rights (SECURITY
    //     DEFINER, owned by a superuser) and file_fdw tables that run a program.
    // A plain role's reads are left to the server's privileges.
    static QStringList objectFindings(pg::Connection &conn, const QString &sql);
    // The same, with each object's name as consent takes it (setAllowed, settings'
    // read/allowed): what a window offers the person to allow.
    struct Refusal
    {
        QString object; // "public.refresh_scores()", "public.feed"
        QString text;   // as objectFindings says it
    };
    static QList<Refusal> objectRefusals(pg::Connection &conn, const QString &sql);
    static void checkObjects(pg::Connection &conn, const QString &sql);
    // For Statescope's own reads of `relation` (a quoted, qualified name): the statement that
    // fails, its error naming them, when the types of its columns (their domains' base types,
    // elements and composite members too) have comparison operators, casts to text or btree
    // support functions (what a page's filters, order, keyset and cut cells call) whose code
    // is not PostgreSQL's own nor an extension's (guarded), or is a superuser's SECURITY
    // DEFINER (reader login); allowed objects aside. Sent before the read, in its pipeline.
    static pg::Connection::Statement columnTypesCheck(const pg::Connection &conn, const QString &relation);
    // When `e` is that statement's failure: throws the refusal (InvalidInput, with how to
    // allow each by name). Anything else returns.
    static void throwColumnTypesRefusal(const Error &e, const pg::Connection &conn);
    // The user's per-object consent ("public.refresh_scores()", "public.feed"): named objects
    // are not refused by checkObjects (process-wide; the CLI's --allow).
    static void setAllowed(const QStringList &objects);
};

} // namespace statescope::browse
