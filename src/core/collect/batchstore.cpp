#include "batchstore.h"

#include "core/error.h"
#include "core/json/canonical.h"
#include "core/json/document.h"
#include "core/weekly/adopt.h"
#include "core/layout/layout.h"
#include "core/pg/connection.h"

#include <nlohmann/json.hpp>

namespace statescope::collect {

namespace {

const QStringList kRoles{QStringLiteral("fetched_at"), QStringLiteral("endpoint"),
                         QStringLiteral("request_key"), QStringLiteral("status_code"),
                         QStringLiteral("payload"), QStringLiteral("payload_hash")};

} // namespace

Row toRow(const Response &r)
{
    Row row{r.fetchedAt, r.endpoint, r.requestKey, r.status, std::nullopt, std::nullopt};
    if (!r.status) {
        const QByteArray doc = QByteArray::fromStdString(nlohmann::json{{"error", r.error.toStdString()}}.dump());
        row.payload = json::canonical(nlohmann::json::parse(doc.toStdString()));
        row.hash = json::sha256Hex(*row.payload);
        return row;
    }
    if (r.body.isEmpty())
        return row; // 204 and the like: no payload
    const json::Document doc = json::Document::parse(r.body);
    const json::PythonCanonical c = json::pythonCanonical(doc);
    if (c.ok) {
        // The canonical text is what the seed stores and hashes; Infinity (a number past
        // double range, as Python writes it) is no JSON, so the body goes in as it came.
        row.payload = c.notJson ? r.body : c.text;
        row.hash = json::sha256Hex(c.text);
        return row;
    }
    // Not JSON (an HTML error page, a truncated body): kept, as a JSON string of its text.
    row.payload = json::canonical(nlohmann::json(QString::fromUtf8(r.body).toStdString()));
    row.hash = json::sha256Hex(*row.payload);
    return row;
}

BatchStore::BatchStore(pg::ConnectionSettings database, QString family, QString tokenRef)
    : m_settings(std::move(database)), m_family(std::move(family)), m_tokenRef(std::move(tokenRef))
{
}

BatchStore::~BatchStore() = default;

QString BatchStore::database() const
{
    return m_settings.database();
}

pg::Connection &BatchStore::conn()
{
    if (!m_conn)
        m_conn = pg::Connection::open(m_settings, pg::Connection::Access::ReadWrite);
    return *m_conn;
}

void BatchStore::prepare()
{
    pg::Connection &c = conn();
    c.requirePrimary(tr("Collecting into %1").arg(c.database()));
    const layout::Layout &l = *layout::of(c);
    l.require(layout::Kind::ApiEvents, {QStringLiteral("fetched_at"), QStringLiteral("endpoint"),
                                        QStringLiteral("status_code"), QStringLiteral("payload")},
              tr("storing API responses"));
    adopt::requireBookkeeping(c, QStringLiteral("statescope.collector_batches"), tr("Collecting"));
}

bool BatchStore::batchStored(const QUuid &id)
{
    return conn()
               .exec(QStringLiteral("SELECT 1 FROM statescope.collector_batches WHERE batch_id = $1"),
                     {id.toString(QUuid::WithoutBraces)})
               .rowCount()
           == 1;
}

int BatchStore::store(const std::vector<Row> &rows, const QUuid &id)
{
    if (rows.empty())
        return 0;
    for (int attempt = 1;; ++attempt) {
        try {
            pg::Connection &c = conn();
            const layout::Layout &l = *layout::of(c);
            const layout::Relation &rel = l.require(layout::Kind::ApiEvents);
            QStringList columns;
            for (const QString &role : kRoles)
                if (rel.has(role))
                    columns << role;
            QStringList targets;
            for (const QString &role : columns)
                targets << QStringLiteral("{api_events.%1}").arg(role);
            std::vector<pg::Param> params;
            QStringList tuples;
            for (const Row &r : rows) {
                QStringList values;
                for (const QString &role : columns) {
                    if (role == QLatin1String("fetched_at"))
                        params.emplace_back(r.fetchedAt.toString(Qt::ISODateWithMs));
                    else if (role == QLatin1String("endpoint"))
                        params.emplace_back(r.endpoint);
                    else if (role == QLatin1String("request_key"))
                        params.emplace_back(r.requestKey);
                    else if (role == QLatin1String("status_code"))
                        params.push_back(r.status ? pg::Param(qint64(*r.status)) : pg::Param(nullptr));
                    else if (role == QLatin1String("payload"))
                        params.push_back(r.payload ? pg::Param(*r.payload) : pg::Param(nullptr));
                    else
                        params.push_back(r.hash ? pg::Param(*r.hash) : pg::Param(nullptr));
                    // Typed as the column is (a VALUES list of several rows would read
                    // untyped parameters as text): the type as the catalog prints it.
                    values << QStringLiteral("$%1::%2").arg(params.size()).arg(rel.columns.at(role).type);
                }
                tuples << QLatin1Char('(') + values.join(QStringLiteral(", ")) + QLatin1Char(')');
            }
            const QString insert = l.sql(QStringLiteral("INSERT INTO {api_events!} (%1) VALUES %2 RETURNING {api_events.id}")
                                             .arg(targets.join(QStringLiteral(", ")), tuples.join(QStringLiteral(", "))));
            return c.transaction([&] {
                // The batch row first: a batch stored before (its COMMIT lost on the way
                // back) fails here on its key, and nothing is added twice.
                c.exec(QStringLiteral("INSERT INTO statescope.collector_batches "
                                      "(batch_id, family, token_ref, rows) VALUES ($1, $2, $3, 0)"),
                       {id.toString(QUuid::WithoutBraces), m_family, m_tokenRef});
                const pg::Result added = c.exec(insert, params);
                QStringList ids;
                for (int i = 0; i < added.rowCount(); ++i)
                    ids << added.value(i, 0);
                c.exec(QStringLiteral("UPDATE statescope.collector_batches SET rows = $2, event_ids = $3::bigint[] "
                                      "WHERE batch_id = $1"),
                       {id.toString(QUuid::WithoutBraces), qint64(added.rowCount()),
                        QStringLiteral("{%1}").arg(ids.join(QLatin1Char(',')))});
                return added.rowCount();
            });
        } catch (const Error &e) {
            if (e.sqlstate() == QLatin1String("23505") && batchStored(id))
                return 0; // stored before: its rows are there once
            if (e.kind() != Error::Kind::Connection || attempt >= 3)
                throw;
            m_conn.reset(); // the server went away: reconnect and look before retrying
            try {
                if (batchStored(id))
                    return int(rows.size()); // the lost answer was a success
            } catch (const Error &again) {
                if (again.kind() != Error::Kind::Connection)
                    throw;
                m_conn.reset();
            }
        }
    }
}

void BatchStore::refreshLatest()
{
    pg::Connection &c = conn();
    const layout::Layout &l = *layout::of(c);
    const layout::Relation &rel = l.require(layout::Kind::ApiEvents);
    const QString key = rel.has(QStringLiteral("request_key")) ? QStringLiteral("request_key")
                                                               : QStringLiteral("endpoint");
    const bool exists = c.exec(QStringLiteral("SELECT to_regclass('statescope.latest_payloads') IS NOT NULL")).toBool(0, 0);
    if (!exists) {
        c.transaction([&] {
            c.exec(l.sql(QStringLiteral(
                "CREATE MATERIALIZED VIEW statescope.latest_payloads AS "
                "SELECT DISTINCT ON (%1) %1 AS request_key, endpoint, fetched_at, status_code, payload, %2 AS payload_hash, id "
                "FROM {api_events} WHERE status_code BETWEEN 200 AND 299 AND payload IS NOT NULL "
                "ORDER BY %1, fetched_at DESC NULLS LAST, id DESC")
                               .arg(key, rel.has(QStringLiteral("payload_hash")) ? QStringLiteral("payload_hash")
                                                                                 : QStringLiteral("NULL::text"))));
            c.exec(QStringLiteral("CREATE UNIQUE INDEX latest_payloads_key_idx ON statescope.latest_payloads (request_key)"));
            return 0;
        });
        return;
    }
    c.exec(QStringLiteral("REFRESH MATERIALIZED VIEW CONCURRENTLY statescope.latest_payloads"));
}

} // namespace statescope::collect
