// Connection::pipeline(): several statements in one round trip, and the named statements
// that let a statement run again and again skip the server's parse and planning.
#include "core/pg/connection.h"

#include "core/error.h"

#include <libpq-fe.h>

#include <algorithm>
#include <utility>

namespace statescope::pg {

namespace {

// What one entry of a pipeline asks of the server.
enum class Step {
    Text,      // a statement sent with its text (PQsendQueryParams)
    Prepare,   // a reused statement's text, prepared under its name (PQsendPrepare)
    Run,       // a prepared statement run by name (PQsendQueryPrepared)
    Probe,     // the server session's own pid, to tell whether a pooler sits between us
    Unprepare, // DEALLOCATE of a name no longer kept
};

struct Queued
{
    QByteArray sql; // the text; for Run, the name
    std::vector<Param> params;
    Step step = Step::Text;
    bool caller = false; // one of the caller's statements: its result is kept
    QByteArray name;     // Prepare: the name it is prepared under; Run: the text it runs
    int paramCount = 0;  // Prepare: how many parameters it takes
};

constexpr auto kNamePrefix = "statescope_";

// The server no longer holds our prepared statements: someone ran DISCARD ALL or DEALLOCATE
// on this session.
bool preparedGone(const Error &e)
{
    return e.sqlstate() == QLatin1String("26000");
}

// What a prepared statement gone stale can fail with, where its text today would not: the
// name unknown, the rows' shape changed, a type or operator that no longer matches its
// parameters' old types (42...), a value its old parameter type cannot take (22...). Never a
// cancellation, a lost connection or a conflict: those are not retried.
bool couldBeStale(const Error &e)
{
    const QString s = e.sqlstate();
    return e.kind() == Error::Kind::Query
           && (preparedGone(e) || s == QLatin1String("0A000") || s.startsWith(QLatin1String("42"))
               || s.startsWith(QLatin1String("22")));
}

bool sendOne(pg_conn *conn, const Queued &q)
{
    std::vector<const char *> values;
    values.reserve(q.params.size());
    for (const Param &p : q.params)
        values.push_back(p.text() ? p.text()->constData() : nullptr);
    switch (q.step) {
    case Step::Prepare:
        return PQsendPrepare(conn, q.name.constData(), q.sql.constData(), q.paramCount, nullptr) == 1;
    case Step::Run:
        return PQsendQueryPrepared(conn, q.sql.constData(), int(q.params.size()), values.data(), nullptr,
                                   nullptr, 0)
               == 1;
    default:
        return PQsendQueryParams(conn, q.sql.constData(), int(q.params.size()), nullptr, values.data(),
                                 nullptr, nullptr, 0)
               == 1;
    }
}

} // namespace

std::optional<bool> Connection::prepares() const
{
    if (m_prepares == Prepares::Unknown)
        return std::nullopt;
    return m_prepares == Prepares::Yes;
}

std::vector<Result> Connection::pipeline(const std::vector<Statement> &statements)
{
    return pipeline(statements, Framing());
}

std::vector<Result> Connection::pipeline(const std::vector<Statement> &statements, const Framing &given)
{
    return runPipeline(statements, given, false);
}

QByteArray Connection::preparedName(const QByteArray &sql)
{
    if (const auto it = m_prepared.find(sql); it != m_prepared.end()) {
        it->second.used = m_useClock;
        return it->second.name;
    }
    if (int(m_prepared.size()) >= kMostPrepared) {
        // The least recently used, unless every one is used by this very pipeline.
        auto lru = m_prepared.end();
        for (auto it = m_prepared.begin(); it != m_prepared.end(); ++it)
            if (it->second.used < m_useClock && (lru == m_prepared.end() || it->second.used < lru->second.used))
                lru = it;
        if (lru == m_prepared.end())
            return {};
        m_unprepare.push_back(lru->second.name);
        m_prepared.erase(lru);
    }
    QByteArray name = QByteArray(kNamePrefix) + QByteArray::number(++m_nextName);
    m_prepared.emplace(sql, Prepared{name, m_useClock});
    return name;
}

void Connection::forgetPrepared()
{
    // What the server still holds of ours is deallocated at the next chance; a name it no
    // longer has would only fail there.
    m_prepared.clear();
    m_unprepare.clear();
    try {
        const Result held = execDirect(QByteArrayLiteral("SELECT name FROM pg_catalog.pg_prepared_statements WHERE name LIKE $1"),
                                       {QByteArray(kNamePrefix) + '%'});
        for (int i = 0; i < held.rowCount(); ++i)
            m_unprepare.push_back(held.bytes(i, 0));
    } catch (const Error &) {
        // Left on the server until the session ends; under new names, they are never used.
    }
}

std::vector<Result> Connection::runPipeline(const std::vector<Statement> &statements, const Framing &given,
                                            bool retried)
{
    checkCancelled();
    if (statements.empty() && !given.begin && !given.commit)
        return {};
    Framing framing = given;
    const bool idle = PQtransactionStatus(m_conn) == PQTRANS_IDLE;
    // Outside a transaction, a read-only connection's statements run in one of its own, as
    // exec()'s do (left alone, the server would run them in an implicit transaction that is
    // not read-only).
    if (wrapsStatements() && !framing.begin && idle)
        framing.begin = framing.commit = true;

    if (idle && !framing.commit && m_unprepare.size() >= 16) {
        // A connection whose pipelines are never framed (read-write, no settings) deallocates
        // here, each in the server's implicit transaction of its own.
        for (const QByteArray &name : std::exchange(m_unprepare, {})) {
            try {
                execDirect(QByteArrayLiteral("DEALLOCATE ") + name, {});
            } catch (const Error &) {
                // already gone
            }
        }
    }

    if (PQenterPipelineMode(m_conn) != 1) {
        // Not possible here (a connection already in a pipeline): one at a time, as text.
        std::vector<Result> results;
        try {
            if (framing.begin) {
                execDirect(beginCommand(framing.readOnly, framing.isolation), {});
                if (!m_settings.empty()) {
                    const auto [sql, params] = settingsStatement();
                    execDirect(sql, params);
                }
            }
            for (const Statement &st : statements)
                results.push_back(execDirect(st.sql.toUtf8(), st.params));
            if (framing.commit)
                execDirect(QByteArrayLiteral("COMMIT"), {});
        } catch (...) {
            if (framing.begin)
                rollbackQuietly();
            throw;
        }
        return results;
    }

    ++m_useClock;
    const bool reuses = std::any_of(statements.cbegin(), statements.cend(), [](const Statement &s) { return s.reuse; });
    std::vector<Queued> queue;
    queue.reserve(statements.size() + 6);
    const auto push = [&](QByteArray sql, std::vector<Param> params, bool caller, bool reuse) {
        if (reuse && m_prepares == Prepares::Yes) {
            const bool known = m_prepared.count(sql) > 0;
            const QByteArray name = preparedName(sql);
            if (!name.isEmpty()) {
                if (!known)
                    queue.push_back({sql, {}, Step::Prepare, false, name, int(params.size())});
                queue.push_back({name, std::move(params), Step::Run, caller, sql, 0});
                return;
            }
        }
        queue.push_back({std::move(sql), std::move(params), Step::Text, caller, {}, 0});
    };
    if (framing.begin) {
        push(beginCommand(framing.readOnly, framing.isolation), {}, false, false);
        if (!m_settings.empty()) {
            auto [sql, params] = settingsStatement();
            push(std::move(sql), std::move(params), false, reuses || m_prepares == Prepares::Yes);
        }
    }
    // The first reused statement asks which session the server runs it in: the one libpq
    // logged into (then names live as long as this connection), or, through a pooler in
    // transaction mode, any of its server sessions (then nothing is prepared).
    if (reuses && m_prepares == Prepares::Unknown)
        queue.push_back({QByteArrayLiteral("SELECT pg_catalog.pg_backend_pid()"), {}, Step::Probe, false, {}, 0});
    for (const Statement &st : statements)
        push(st.sql.toUtf8(), st.params, true, st.reuse);
    if (framing.commit)
        push(QByteArrayLiteral("COMMIT"), {}, false, false);
    // Names no longer kept go after our own COMMIT only: in a transaction of their own, where
    // a DEALLOCATE that fails (a name someone else deallocated) undoes nothing of the caller's.
    if (framing.commit) {
        for (QByteArray &name : m_unprepare)
            queue.push_back({QByteArrayLiteral("DEALLOCATE ") + name, {}, Step::Unprepare, false, name, 0});
        m_unprepare.clear();
    }

    std::vector<Result> results;
    results.reserve(statements.size());
    std::optional<Error> error;
    size_t sent = 0;
    ++m_roundTrips;
    for (const Queued &q : queue) {
        if (!sendOne(m_conn, q)) {
            error = errorFrom(nullptr, tr("The statement could not be sent."));
            break;
        }
        ++sent;
    }
    if (!error && PQpipelineSync(m_conn) != 1)
        error = errorFrom(nullptr, tr("The statement could not be sent."));

    std::optional<QByteArray> failedPrepared; // the text of a prepared statement that failed
    for (size_t at = 0; at < queue.size(); ++at) {
        const Queued &q = queue[at];
        bool ok = false, aborted = at >= sent;
        PGresult *kept = nullptr;
        while (at < sent) {
            PGresult *r = PQgetResult(m_conn);
            if (!r)
                break;
            const ExecStatusType status = PQresultStatus(r);
            if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) {
                ok = true;
                if (q.step == Step::Probe && PQntuples(r) == 1)
                    m_prepares = QByteArray(PQgetvalue(r, 0, 0)).toInt() == PQbackendPID(m_conn) ? Prepares::Yes
                                                                                             : Prepares::No;
                if (q.caller && !kept) {
                    kept = r;
                    continue;
                }
            } else if (status == PGRES_PIPELINE_ABORTED) {
                aborted = true;
            } else if (!error && q.step != Step::Unprepare) {
                error = errorFrom(r, tr("The statement failed."));
                if (q.step == Step::Run)
                    failedPrepared = q.name;
            }
            PQclear(r);
        }
        if (q.step == Step::Prepare && !ok)
            m_prepared.erase(q.sql); // never made: prepared again the next time
        if (q.step == Step::Unprepare && aborted)
            m_unprepare.push_back(q.name); // not reached: deallocated the next time
        if (q.caller && kept)
            results.emplace_back(kept);
    }
    // The Sync's own result, then back to ordinary mode.
    while (PGresult *r = PQgetResult(m_conn)) {
        const bool sync = PQresultStatus(r) == PGRES_PIPELINE_SYNC;
        PQclear(r);
        if (sync)
            break;
    }
    PQexitPipelineMode(m_conn);
    if (!error && results.size() != statements.size())
        error = errorFrom(nullptr, tr("The statement failed."));
    if (error) {
        results.clear();
        if (framing.begin)
            rollbackQuietly(); // an error inside BEGIN ... leaves the block open and failed
        // A prepared statement failed. It may no longer be what its text now means: the
        // server lost it (DEALLOCATE), or a table it reads changed since it was prepared (a
        // column's type: its parameters keep the types inferred then). It is dropped, and
        // when the failure left nothing behind (its own transaction, now rolled back) the
        // pipeline is sent once more, prepared anew from the text: the answer, or the error,
        // is what the text alone gives today.
        if (failedPrepared && couldBeStale(*error) && PQstatus(m_conn) == CONNECTION_OK) {
            if (preparedGone(*error)) {
                forgetPrepared();
            } else if (const auto it = m_prepared.find(*failedPrepared); it != m_prepared.end()) {
                m_unprepare.push_back(it->second.name);
                m_prepared.erase(it);
            }
            if (idle && !retried)
                return runPipeline(statements, given, true);
        }
        throw *error;
    }
    return results;
}

} // namespace statescope::pg
