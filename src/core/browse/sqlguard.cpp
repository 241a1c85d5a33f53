#include "core/browse/sqlguard.h"
#include "core/browse/sqlscanner_p.h"

#include "core/error.h"
#include "core/pg/connection.h"
#include "core/pg/readerlogin.h"
#include "core/settings.h"

#include <QMutex>
#include <QSet>

#include <algorithm>
#include <vector>

namespace statescope::browse {

using detail::Scanner;
using detail::Token;

namespace {

const QSet<QString> &dangerousFunctions()
{
    static const QSet<QString> names = {
        // other sessions and the server itself
        QStringLiteral("pg_terminate_backend"), QStringLiteral("pg_cancel_backend"),
        QStringLiteral("pg_reload_conf"), QStringLiteral("pg_switch_wal"), QStringLiteral("pg_switch_xlog"),
        QStringLiteral("pg_rotate_logfile"), QStringLiteral("pg_rotate_logfile_old"),
        QStringLiteral("pg_promote"), QStringLiteral("pg_create_restore_point"),
        QStringLiteral("pg_backup_start"), QStringLiteral("pg_backup_stop"),
        QStringLiteral("pg_start_backup"), QStringLiteral("pg_stop_backup"),
        QStringLiteral("pg_wal_replay_pause"), QStringLiteral("pg_wal_replay_resume"),
        QStringLiteral("pg_log_backend_memory_contexts"), QStringLiteral("pg_import_system_collations"),
        QStringLiteral("pg_notify"), QStringLiteral("pg_logical_emit_message"),
        QStringLiteral("pg_stat_statements_reset"),
        // server files read (pg_read_server_files' business, which a guarded superuser has)
        QStringLiteral("pg_read_file"), QStringLiteral("pg_read_binary_file"), QStringLiteral("pg_ls_dir"),
        QStringLiteral("pg_stat_file"), QStringLiteral("pg_ls_logdir"), QStringLiteral("pg_ls_waldir"),
        QStringLiteral("pg_ls_tmpdir"), QStringLiteral("pg_ls_archive_statusdir"),
        QStringLiteral("pg_ls_logicalsnapdir"), QStringLiteral("pg_ls_logicalmapdir"),
        QStringLiteral("pg_ls_replslotdir"), QStringLiteral("pg_current_logfile"),
        // server files (adminpack)
        QStringLiteral("pg_file_write"), QStringLiteral("pg_file_rename"), QStringLiteral("pg_file_unlink"),
        QStringLiteral("pg_file_sync"),
        // server-side large objects
        QStringLiteral("lo_import"), QStringLiteral("lo_export"), QStringLiteral("lo_creat"),
        QStringLiteral("lo_create"), QStringLiteral("lo_unlink"), QStringLiteral("lo_open"),
        QStringLiteral("lo_close"), QStringLiteral("loread"), QStringLiteral("lowrite"),
        QStringLiteral("lo_lseek"), QStringLiteral("lo_lseek64"), QStringLiteral("lo_tell"),
        QStringLiteral("lo_tell64"), QStringLiteral("lo_truncate"), QStringLiteral("lo_truncate64"),
        QStringLiteral("lo_get"), QStringLiteral("lo_put"), QStringLiteral("lo_from_bytea"),
        // functions that run SQL given as text: nothing here can see what that text does
        QStringLiteral("query_to_xml"), QStringLiteral("query_to_xmlschema"),
        QStringLiteral("query_to_xml_and_xmlschema"), QStringLiteral("cursor_to_xml"),
        QStringLiteral("cursor_to_xmlschema"), QStringLiteral("ts_stat"), QStringLiteral("ts_rewrite")};
    return names;
}

bool isDangerousFunction(const QString &name)
{
    return dangerousFunctions().contains(name) || name.startsWith(QLatin1String("dblink"))
        || name.contains(QLatin1String("replication_slot"))
        || name.startsWith(QLatin1String("pg_replication_origin"))
        || name.startsWith(QLatin1String("pg_logical_slot_")) || name.startsWith(QLatin1String("pg_stat_reset"));
}

void statementFindings(const std::vector<Token> &t, QStringList &out)
{
    if (t.empty())
        return;
    // A keyword may be written as a quoted name too (SET "role"): compared lower-cased.
    const auto word = [&](size_t i) { return i < t.size() && t[i].isName() ? t[i].text.toLower() : QString(); };
    const QString first = word(0);
    if (first == QLatin1String("do"))
        out << SqlGuard::tr("a DO block");
    else if (first == QLatin1String("reindex") || first == QLatin1String("cluster") || first == QLatin1String("analyze")
             || first == QLatin1String("analyse") || first == QLatin1String("vacuum") || first == QLatin1String("lock")
             || first == QLatin1String("refresh") || first == QLatin1String("listen") || first == QLatin1String("notify")
             || first == QLatin1String("call") || first == QLatin1String("discard"))
        out << first.toUpper();
    else if (first == QLatin1String("checkpoint"))
        out << QStringLiteral("CHECKPOINT");
    else if (first == QLatin1String("load"))
        out << SqlGuard::tr("LOAD (a server library)");
    else if (first == QLatin1String("set") || first == QLatin1String("reset")) {
        for (size_t i = 1; i < std::min<size_t>(t.size(), 5); ++i) {
            if (word(i) == QLatin1String("role")) {
                out << (first == QLatin1String("set") ? QStringLiteral("SET ROLE") : QStringLiteral("RESET ROLE"));
                break;
            }
            if (word(i) == QLatin1String("session") && word(i + 1) == QLatin1String("authorization")) {
                out << (first == QLatin1String("set") ? QStringLiteral("SET SESSION AUTHORIZATION")
                                                       : QStringLiteral("RESET SESSION AUTHORIZATION"));
                break;
            }
        }
    } else if (first == QLatin1String("copy")) {
        int depth = 0;
        bool found = false;
        for (size_t i = 1; i < t.size() && !found; ++i) {
            if (t[i].isPunct('('))
                ++depth;
            else if (t[i].isPunct(')'))
                --depth;
            else if (t[i].isWord("program")) {
                out << SqlGuard::tr("COPY to or from a program");
                found = true;
            } else if (depth == 0 && (t[i].isWord("to") || t[i].isWord("from"))) {
                if (!word(i + 1).startsWith(QLatin1String("std")))
                    out << SqlGuard::tr("COPY to or from a server file");
                found = true;
            }
        }
    }
    QSet<QString> named;
    for (size_t i = 0; i < t.size(); ++i) {
        // U&"..." UESCAPE '!': names written with another escape character are not read here.
        if (t[i].isWord("uescape"))
            named.insert(QStringLiteral("UESCAPE"));
        if (!t[i].isName())
            continue;
        const QString &name = t[i].text;
        if (name == QLatin1String("set_config")) {
            // set_config('role' | 'session_authorization', ...) takes the role back; a name
            // that is not a plain literal cannot be told from those.
            const bool call = i + 1 < t.size() && t[i + 1].isPunct('(');
            const bool literal = call && i + 2 < t.size() && t[i + 2].kind == Token::Kind::String
                                 && i + 3 < t.size() && t[i + 3].isPunct(',');
            const QString setting = literal ? t[i + 2].text.trimmed().toLower() : QString();
            if (!call || !literal)
                named.insert(SqlGuard::tr("set_config() with a setting name that is not a plain literal"));
            else if (setting == QLatin1String("role") || setting == QLatin1String("session_authorization"))
                named.insert(QStringLiteral("set_config('%1', ...)").arg(setting));
        } else if (isDangerousFunction(name)) {
            named.insert(name + QStringLiteral("()"));
        }
    }
    QStringList sorted(named.begin(), named.end());
    sorted.sort();
    out << sorted;
}

} // namespace

QStringList SqlGuard::findings(const QString &sql, bool standardStrings)
{
    const std::vector<Token> tokens = Scanner(sql, standardStrings).tokens();
    QStringList out;
    std::vector<Token> statement;
    for (const Token &t : tokens) {
        if (t.isPunct(';')) {
            statementFindings(statement, out);
            statement.clear();
        } else {
            statement.push_back(t);
        }
    }
    statementFindings(statement, out);
    out.removeDuplicates();
    return out;
}

QString SqlGuard::transactionControl(const QString &sql)
{
    const std::vector<Token> t = Scanner(sql, true).tokens();
    const auto word = [&](size_t i) { return i < t.size() && t[i].isName() ? t[i].text.toLower() : QString(); };
    static const QStringList control = {QStringLiteral("begin"), QStringLiteral("start"), QStringLiteral("commit"),
                                        QStringLiteral("end"), QStringLiteral("rollback"), QStringLiteral("abort"),
                                        QStringLiteral("savepoint"), QStringLiteral("release")};
    for (size_t i = 0; i < t.size(); ++i) {
        if (i > 0 && !t[i - 1].isPunct(';'))
            continue;
        const QString w = word(i);
        if (control.contains(w) || (w == QLatin1String("prepare") && word(i + 1) == QLatin1String("transaction")))
            return w == QLatin1String("prepare") ? QStringLiteral("PREPARE TRANSACTION") : w.toUpper();
    }
    return {};
}

QString SqlGuard::writeInQuery(const QString &sql)
{
    const std::vector<Token> t = Scanner(sql, true).tokens();
    for (size_t i = 0; i < t.size(); ++i) {
        if (t[i].isWord("into"))
            return tr("SELECT ... INTO (it makes a table)");
        if (t[i].isPunct('(') && i + 1 < t.size()
            && (t[i + 1].isWord("insert") || t[i + 1].isWord("update") || t[i + 1].isWord("delete")
                || t[i + 1].isWord("merge")))
            return tr("%1 inside WITH (it writes)").arg(t[i + 1].text.toUpper());
        if (t[i].isWord("for") && i + 1 < t.size()) {
            const Token &n = t[i + 1];
            const bool key = n.isWord("key") && i + 2 < t.size() && t[i + 2].isWord("share");
            const bool noKey = n.isWord("no") && i + 2 < t.size() && t[i + 2].isWord("key");
            if (n.isWord("update") || n.isWord("share") || key || noKey)
                return tr("a locking clause (FOR %1)")
                    .arg(key ? QStringLiteral("KEY SHARE")
                             : noKey ? QStringLiteral("NO KEY UPDATE") : n.text.toUpper());
        }
    }
    return {};
}

namespace {

QMutex allowedLock;
QStringList allowedObjects;

QString arrayLiteral(const QStringList &items)
{
    QStringList quoted;
    for (QString s : items)
        quoted << QLatin1Char('"') + s.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('"'), QStringLiteral("\\\""))
                      + QLatin1Char('"');
    return QLatin1Char('{') + quoted.join(QLatin1Char(',')) + QLatin1Char('}');
}

} // namespace

void SqlGuard::setAllowed(const QStringList &objects)
{
    QMutexLocker lock(&allowedLock);
    allowedObjects = objects;
}

QStringList SqlGuard::objectFindings(pg::Connection &conn, const QString &sql)
{
    QStringList out;
    for (const Refusal &r : objectRefusals(conn, sql))
        out << r.text;
    out.removeDuplicates();
    return out;
}

namespace {

// A "*" that no operator can be: a select list's star (SELECT *, t.*, a, * FROM), count(*).
// Read as an operator, it made every generated "SELECT * FROM" refused wherever a user had
// made an operator named * for a type of their own.
bool isStar(const std::vector<Token> &t, size_t i)
{
    if (t[i].text != QLatin1String("*"))
        return false;
    const Token *prev = i > 0 ? &t[i - 1] : nullptr;
    const Token *next = i + 1 < t.size() ? &t[i + 1] : nullptr;
    // OPERATOR(*), OPERATOR(schema.*), OPERATOR(db.schema.*) name the operator itself.
    const auto opens = [&](size_t paren) { return paren >= 1 && t[paren].isPunct('(') && t[paren - 1].isWord("operator"); };
    if (prev && prev->isPunct('(') && opens(i - 1))
        return false;
    if (prev && prev->isPunct('.')) {
        // t.*, s.t.*, (row).*, a[1].*: a star after a name, a parenthesis or a subscript. Not
        // after a number ("1.*2" is 1. times 2: the scanner has no number token).
        if (i < 2 || !(t[i - 2].isName() || t[i - 2].isPunct(')') || t[i - 2].isPunct(']')))
            return false;
        size_t at = i - 2; // walk back over "name ." pairs to what the chain follows
        while (at >= 2 && t[at].isName() && t[at - 1].isPunct('.') && t[at - 2].isName())
            at -= 2;
        return !(t[at].isName() && at >= 1 && opens(at - 1));
    }
    const bool starts = !prev || prev->isPunct('(') || prev->isPunct(',') || prev->isWord("select")
                       || prev->isWord("distinct") || prev->isWord("all") || prev->isWord("returning");
    const bool closes = !next || next->isPunct(')') || next->isPunct(',') || next->isPunct(';') || next->isWord("from")
                        || next->isWord("into");
    return starts && closes;
}

} // namespace

QList<SqlGuard::Refusal> SqlGuard::objectRefusals(pg::Connection &conn, const QString &sql)
{
    const pg::ReadProtection &p = conn.readProtection();
    if (p.kind == pg::ReadProtection::Kind::PlainRole)
        return {};
    const bool guarded = p.isGuarded();
    // Every name (schema-qualified or not) the text holds; those followed by "(" as calls.
    const std::vector<Token> t = Scanner(sql, true).tokens();
    QStringList relSchemas, relNames, fnSchemas, fnNames, operators;
    for (size_t i = 0; i < t.size(); ++i) {
        if (t[i].kind == Token::Kind::Operator) {
            if (isStar(t, i))
                continue;
            // Every operator the run could be read as (spaces are not kept: "a +- b").
            const QString &run = t[i].text;
            for (qsizetype from = 0; from < run.size(); ++from)
                for (qsizetype len = 1; from + len <= run.size() && len <= 63; ++len)
                    operators << run.mid(from, len);
            continue;
        }
        if (!t[i].isName() || (detail::isReservedWord(t[i]) && !(i + 1 < t.size() && t[i + 1].isPunct('.'))))
            continue;
        QString schema, name = t[i].text;
        size_t last = i;
        while (last + 2 < t.size() && t[last + 1].isPunct('.') && t[last + 2].isName()) {
            schema = t[last].text;
            name = t[last + 2].text;
            last += 2;
        }
        if (last + 1 < t.size() && t[last + 1].isPunct('(')) {
            fnSchemas << schema;
            fnNames << name;
        } else {
            relSchemas << schema;
            relNames << name;
        }
        i = last;
    }
    operators.removeDuplicates();
    if (relNames.isEmpty() && fnNames.isEmpty() && operators.isEmpty())
        return {};
    const pg::Result r = conn.exec(QStringLiteral(R"(
WITH RECURSIVE named_rel AS (
  SELECT c.oid FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  JOIN unnest($1::text[], $2::text[]) AS q(s, r) ON c.relname = q.r
   AND CASE WHEN q.s = '' THEN pg_catalog.pg_table_is_visible(c.oid) ELSE n.nspname = q.s END
  WHERE c.relkind IN ('v', 'm', 'f', 'p') OR (c.relkind = 'r' AND (c.relhassubclass OR (c.relrowsecurity AND $6)))),
-- What reading a relation reads or runs besides its own rows: a view's rule's relations,
-- functions and operators; a parent's partitions and inheritance children (a foreign one may
-- run a program); the expressions of the row-security policies the session is subject to ($6:
-- not a superuser, who bypasses them).
walk(classid, objid) AS (
  SELECT 'pg_catalog.pg_class'::regclass::oid, oid FROM named_rel
  UNION
  SELECT e.classid, e.objid FROM walk w CROSS JOIN LATERAL (
    SELECT d.refclassid, d.refobjid FROM pg_catalog.pg_rewrite rw
    JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_rewrite'::regclass AND d.objid = rw.oid
    WHERE w.classid = 'pg_catalog.pg_class'::regclass AND rw.ev_class = w.objid
    UNION ALL
    SELECT 'pg_catalog.pg_class'::regclass::oid, i.inhrelid FROM pg_catalog.pg_inherits i
    WHERE w.classid = 'pg_catalog.pg_class'::regclass AND i.inhparent = w.objid
    UNION ALL
    SELECT d.refclassid, d.refobjid FROM pg_catalog.pg_policy po
    JOIN pg_catalog.pg_class pc ON pc.oid = po.polrelid AND pc.relrowsecurity
    JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_policy'::regclass AND d.objid = po.oid
    WHERE $6 AND w.classid = 'pg_catalog.pg_class'::regclass AND po.polrelid = w.objid) e(classid, objid)
  WHERE e.classid IN ('pg_catalog.pg_class'::regclass, 'pg_catalog.pg_proc'::regclass,
                      'pg_catalog.pg_operator'::regclass)),
funcs AS (
  SELECT objid AS oid FROM walk WHERE classid = 'pg_catalog.pg_proc'::regclass
  UNION SELECT o.oprcode::oid FROM walk w JOIN pg_catalog.pg_operator o
    ON w.classid = 'pg_catalog.pg_operator'::regclass AND o.oid = w.objid
  UNION SELECT p.oid FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
  JOIN unnest($3::text[], $4::text[]) AS q(s, f) ON p.proname = q.f
   AND CASE WHEN q.s = '' THEN pg_catalog.pg_function_is_visible(p.oid) ELSE n.nspname = q.s END)
SELECT 'f', n.nspname || '.' || p.proname || '(' || pg_catalog.pg_get_function_identity_arguments(p.oid) || ')',
       p.oid >= 16384, p.prosecdef AND coalesce(ro.rolsuper, false), p.proname, ''
FROM funcs f JOIN pg_catalog.pg_proc p ON p.oid = f.oid
JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
LEFT JOIN pg_catalog.pg_roles ro ON ro.oid = p.proowner
UNION ALL
SELECT 't', n.nspname || '.' || c.relname, false, false, c.relname,
       coalesce(pg_catalog.array_to_string(ft.ftoptions, ','), '')
FROM walk w JOIN pg_catalog.pg_class c ON w.classid = 'pg_catalog.pg_class'::regclass AND c.oid = w.objid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_foreign_table ft ON ft.ftrelid = c.oid
WHERE c.relkind = 'f'
UNION ALL
SELECT 'v', n.nspname || '.' || c.relname, false, false, c.relname, coalesce(pg_catalog.pg_get_viewdef(c.oid), '')
FROM walk w JOIN pg_catalog.pg_class c ON w.classid = 'pg_catalog.pg_class'::regclass AND c.oid = w.objid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('v', 'm')
UNION ALL
-- Operators typed in the text, and casts to the types it names, that call a function that is
-- not PostgreSQL's own nor an extension's (an extension's operators are its C code, as its
-- types' are): a user's operator or cast runs whatever its function does.
SELECT 'f', 'operator ' || n.nspname || '.' || o.oprname || '(' || coalesce(pg_catalog.format_type(o.oprleft, NULL), 'NONE')
       || ', ' || coalesce(pg_catalog.format_type(o.oprright, NULL), 'NONE') || ')',
       true, p.prosecdef AND coalesce(ro.rolsuper, false), p.proname, ''
FROM pg_catalog.pg_operator o JOIN pg_catalog.pg_proc p ON p.oid = o.oprcode
JOIN pg_catalog.pg_namespace n ON n.oid = o.oprnamespace
LEFT JOIN pg_catalog.pg_roles ro ON ro.oid = p.proowner
WHERE o.oprname = ANY($5::text[]) AND p.oid >= 16384
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e WHERE e.classid = 'pg_catalog.pg_proc'::regclass
                  AND e.objid = p.oid AND e.deptype = 'e')
UNION ALL
SELECT 'f', 'cast (' || pg_catalog.format_type(c.castsource, NULL) || ' AS ' || pg_catalog.format_type(c.casttarget, NULL) || ')',
       true, p.prosecdef AND coalesce(ro.rolsuper, false), p.proname, ''
FROM pg_catalog.pg_cast c JOIN pg_catalog.pg_type ty ON ty.oid = c.casttarget
JOIN pg_catalog.pg_proc p ON p.oid = c.castfunc
LEFT JOIN pg_catalog.pg_roles ro ON ro.oid = p.proowner
WHERE ty.typname = ANY($2::text[]) AND p.oid >= 16384
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e WHERE e.classid = 'pg_catalog.pg_proc'::regclass
                  AND e.objid = p.oid AND e.deptype = 'e'))"),
                                   {arrayLiteral(relSchemas), arrayLiteral(relNames), arrayLiteral(fnSchemas),
                                    arrayLiteral(fnNames), arrayLiteral(operators),
                                    p.kind == pg::ReadProtection::Kind::ReaderLogin ? QStringLiteral("true")
                                                                                     : QStringLiteral("false")});
    QStringList allowed = settings::readAllowed(); // kept consent, the window's and the CLI's
    {
        QMutexLocker lock(&allowedLock);
        allowed += allowedObjects; // this command's --allow
    }
    QList<Refusal> out;
    for (int i = 0; i < r.rowCount(); ++i) {
        const QString object = r.value(i, 1);
        if (allowed.contains(object) || allowed.contains(object.section(QLatin1Char('('), 0, 0)))
            continue;
        if (r.value(i, 0) == QLatin1String("v")) {
            // Built-ins a view calls are pinned, so its dependencies do not list them: its
            // definition is read as typed SQL would be.
            if (guarded) {
                const QStringList inside = findings(r.value(i, 5), true);
                if (!inside.isEmpty())
                    out << Refusal{object, tr("the view %1 (it uses %2)").arg(object, inside.join(QStringLiteral(", ")))};
            }
            continue;
        }
        if (r.value(i, 0) == QLatin1String("t")) {
            // file_fdw's program option: reading the table runs a command on the server.
            const bool program = r.value(i, 5).startsWith(QLatin1String("program="))
                                 || r.value(i, 5).contains(QLatin1String(",program="));
            if (program)
                out << Refusal{object, tr("%1 (a foreign table that runs a program on the server when read)").arg(object)};
            continue;
        }
        const bool own = !r.toBool(i, 2);
        const bool superuserDefiner = r.toBool(i, 3);
        if (superuserDefiner)
            out << Refusal{object, tr("%1 (SECURITY DEFINER: runs with its owner's superuser rights)").arg(object)};
        else if (guarded && !own && (object.startsWith(QLatin1String("operator ")) || object.startsWith(QLatin1String("cast ("))))
            out << Refusal{object, tr("%1 (calls %2, which is not one of PostgreSQL's own functions: it may do anything a "
                                      "superuser can)")
                                       .arg(object, r.value(i, 4))};
        else if (guarded && !own)
            out << Refusal{object, tr("%1 (not one of PostgreSQL's own functions: it may do anything a superuser can)").arg(object)};
        else if (guarded && isDangerousFunction(r.value(i, 4)))
            out << Refusal{object, tr("%1 (acts on the server or reads its files)").arg(object)};
    }
    QList<Refusal> unique;
    for (const Refusal &one : out)
        if (std::none_of(unique.begin(), unique.end(), [&](const Refusal &u) { return u.object == one.object; }))
            unique << one;
    return unique;
}

void SqlGuard::checkObjects(pg::Connection &conn, const QString &sql)
{
    const QList<Refusal> refused = objectRefusals(conn, sql);
    if (refused.isEmpty())
        return;
    QStringList found;
    for (const Refusal &r : refused)
        found << r.text;
    const pg::ReadProtection &p = conn.readProtection();
    // The name as consent takes it, quoted for a shell (names hold spaces and parentheses).
    QString name = refused.first().object;
    name = QLatin1Char('\'') + name.replace(QLatin1Char('\''), QStringLiteral("'\\''")) + QLatin1Char('\'');
    throw Error::invalidInput(
        tr("Refused before running, nothing was run: this session reads as %1 (%2), and the statement would run "
           "%3.")
            .arg(p.login, p.shortName(), found.join(QStringLiteral("; "))),
        tr("If you trust what it runs, allow each object by name: for one command, statescope-cli ... --allow %1; "
           "for every command and the window, statescope-cli settings set --allow-object %1. Or read as a role that "
           "is not a superuser.")
            .arg(name));
}

void SqlGuard::check(const pg::Connection &conn, const QString &sql)
{
    const pg::ReadProtection &p = conn.readProtection();
    if (p.kind == pg::ReadProtection::Kind::PlainRole)
        return;
    if (!p.isGuarded()) {
        checkObjects(const_cast<pg::Connection &>(conn), sql);
        return;
    }
    // The scanner must read strings as the server will.
    const bool standard = const_cast<pg::Connection &>(conn)
                              .exec(QStringLiteral("SELECT current_setting('standard_conforming_strings') = 'on'"))
                              .toBool(0, 0);
    const QStringList found = findings(sql, standard);
    if (found.isEmpty()) {
        checkObjects(const_cast<pg::Connection &>(conn), sql);
        return;
    }
    throw Error::invalidInput(
        tr("Refused before sending, nothing was run: this session reads as the superuser %1, which "
           "has no reader login (%2), and the statement uses %3, which could act on the server "
           "even in a read-only transaction.")
            .arg(p.login, p.reason, found.join(QStringLiteral(", "))),
        tr("Create a reader login for %1 in admin mode (Admin pane, or statescope-cli db reader "
           "--server CONN --create), or connect as a role that is not a superuser.")
            .arg(p.superuser));
}

namespace {

constexpr auto kTypesRefused = "statescope:types:";

// What a read of the relation's columns calls through their types. The types: each column's,
// a domain's base type, an array's element, a composite's members, at any depth. Through
// them: the comparison operators (filters, order, the keyset), the casts to text (a cell cut
// for the grid, the "contains" filter) and the btree support functions (sorting). A row names
// the object as consent takes it.
const char *kColumnTypesSql = R"(
WITH RECURSIVE types(oid) AS (
  SELECT a.atttypid FROM pg_catalog.pg_attribute a
  WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped
  UNION
  SELECT v.x FROM types t JOIN pg_catalog.pg_type ty ON ty.oid = t.oid
  CROSS JOIN LATERAL (SELECT ty.typbasetype UNION ALL SELECT ty.typelem UNION ALL
                      SELECT m.atttypid FROM pg_catalog.pg_attribute m
                      WHERE ty.typrelid <> 0 AND m.attrelid = ty.typrelid AND m.attnum > 0
                        AND NOT m.attisdropped) AS v(x)
  WHERE v.x <> 0),
code(name, fn) AS (
  SELECT 'operator ' || n.nspname || '.' || o.oprname || '(' || coalesce(pg_catalog.format_type(o.oprleft, NULL), 'NONE')
         || ', ' || coalesce(pg_catalog.format_type(o.oprright, NULL), 'NONE') || ')', o.oprcode::oid
  FROM pg_catalog.pg_operator o JOIN pg_catalog.pg_namespace n ON n.oid = o.oprnamespace
  WHERE o.oprname IN ('=', '<>', '<', '<=', '>', '>=')
    AND (o.oprleft IN (SELECT oid FROM types) OR o.oprright IN (SELECT oid FROM types))
  UNION ALL
  SELECT 'cast (' || pg_catalog.format_type(c.castsource, NULL) || ' AS ' || pg_catalog.format_type(c.casttarget, NULL) || ')',
         c.castfunc
  FROM pg_catalog.pg_cast c
  WHERE c.castsource IN (SELECT oid FROM types) AND c.casttarget = 'pg_catalog.text'::regtype
  UNION ALL
  SELECT 'operator family ' || n.nspname || '.' || f.opfname, ap.amproc::oid
  FROM pg_catalog.pg_amproc ap JOIN pg_catalog.pg_opfamily f ON f.oid = ap.amprocfamily
  JOIN pg_catalog.pg_am am ON am.oid = f.opfmethod AND am.amname = 'btree'
  JOIN pg_catalog.pg_namespace n ON n.oid = f.opfnamespace
  WHERE ap.amproclefttype IN (SELECT oid FROM types)),
refused AS (
  SELECT DISTINCT code.name FROM code JOIN pg_catalog.pg_proc p ON p.oid = code.fn
  LEFT JOIN pg_catalog.pg_roles ro ON ro.oid = p.proowner
  WHERE p.oid >= 16384 AND ($2 OR (p.prosecdef AND coalesce(ro.rolsuper, false)))
    AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e WHERE e.classid = 'pg_catalog.pg_proc'::regclass
                    AND e.objid = p.oid AND e.deptype = 'e')
    AND NOT code.name = ANY ($3::text[]))
SELECT CASE WHEN count(*) = 0 THEN 1
       ELSE CAST('statescope:types:' || string_agg(name, '; ' ORDER BY name) || ':' AS int) END
FROM refused)";

} // namespace

pg::Connection::Statement SqlGuard::columnTypesCheck(const pg::Connection &conn, const QString &relation)
{
    QStringList allowed = settings::readAllowed();
    {
        QMutexLocker lock(&allowedLock);
        allowed += allowedObjects;
    }
    return {QString::fromLatin1(kColumnTypesSql),
            {relation, conn.readProtection().isGuarded() ? QStringLiteral("true") : QStringLiteral("false"),
             arrayLiteral(allowed)}};
}

void SqlGuard::throwColumnTypesRefusal(const Error &e, const pg::Connection &conn)
{
    const qsizetype at = e.message().indexOf(QLatin1String(kTypesRefused));
    if (at < 0)
        return;
    const qsizetype from = at + qsizetype(qstrlen(kTypesRefused));
    const qsizetype to = e.message().indexOf(QLatin1Char(':'), from); // the server's quotes vary with its language
    const QStringList names = e.message().mid(from, to < 0 ? -1 : to - from).split(QStringLiteral("; "));
    QString name = names.first();
    name = QLatin1Char('\'') + name.replace(QLatin1Char('\''), QStringLiteral("'\\''")) + QLatin1Char('\'');
    const pg::ReadProtection &p = conn.readProtection();
    throw Error::invalidInput(
        tr("Refused before running, nothing was read: this session reads as %1 (%2), and comparing, sorting or "
           "printing the values of these columns would run %3 (not PostgreSQL's own: it may do anything a superuser "
           "can).")
            .arg(p.login, p.shortName(), names.join(QStringLiteral("; "))),
        tr("If you trust what it runs, allow each object by name: for one command, statescope-cli ... --allow %1; "
           "for every command and the window, statescope-cli settings set --allow-object %1. Or read as a role that "
           "is not a superuser.")
            .arg(name));
}

} // namespace statescope::browse
