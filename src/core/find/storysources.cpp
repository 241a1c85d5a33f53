// What a story reads from each kind of game data the layout knows (story_p.h).
#include "core/find/story_p.h"

#include "core/layout/layout.h"

#include <limits>

namespace statescope::find::story {

namespace {

using layout::Kind;
using layout::Relation;

// The value as a JSON string literal inside a jsonpath.
QString jsonString(const QString &text)
{
    return QString::fromStdString(nlohmann::json(text.toStdString()).dump());
}

class Builder
{
public:
    Builder(const Relation &rel, QString kind) : m_rel(rel)
    {
        m_source = std::make_unique<Story::Source>();
        m_source->kind = std::move(kind);
        m_source->table = rel.qualifiedName();
        m_source->from = layout::quoteIdent(rel.schema) + QLatin1Char('.') + layout::quoteIdent(rel.table);
        m_source->rlsSettings = rel.rlsSettings;
        m_source->schemaName = rel.schema;
        m_source->tableName = rel.table;
    }

    const Relation &relation() const { return m_rel; }
    Story::Source &source() { return *m_source; }

    QString column(const QString &role) const
    {
        return m_rel.has(role) ? layout::quoteIdent(m_rel.columns.at(role).name) : QString();
    }

    QString bind(pg::Param value)
    {
        m_source->params.push_back(std::move(value));
        return QStringLiteral("$%1").arg(m_source->params.size());
    }

    // The condition "the column playing `role` is the value", when its type can hold it.
    QString keyIs(const QString &role, const Needle &needle)
    {
        if (!m_rel.has(role))
            return {};
        const layout::Column &c = m_rel.columns.at(role);
        const QString col = layout::quoteIdent(c.name);
        if (c.isEnum)
            return {};
        if (c.type == QLatin1String("uuid")) {
            if (needle.uuid)
                return QStringLiteral("%1 = %2::uuid").arg(col, bind(*needle.uuid));
            if (needle.uuidRange)
                return QStringLiteral("%1 BETWEEN %2::uuid AND %3::uuid")
                    .arg(col, bind(needle.uuidRange->first), bind(needle.uuidRange->second));
            return {};
        }
        const qint64 max = c.type == QLatin1String("smallint") ? 32767
                           : c.type == QLatin1String("integer") ? 2147483647
                           : c.type == QLatin1String("bigint")  ? std::numeric_limits<qint64>::max()
                                                                : 0;
        if (max) {
            if (!needle.integer || *needle.integer > max || *needle.integer < -max - 1)
                return {};
            return QStringLiteral("%1 = %2::int8").arg(col, bind(*needle.integer));
        }
        if (c.type == QLatin1String("text") || c.type.startsWith(QLatin1String("character"))
            || c.type == QLatin1String("name") || c.type == QLatin1String("citext"))
            return QStringLiteral("%1 = %2").arg(col, bind(needle.text));
        return {};
    }

    // The column playing `role` as jsonb, when it is a document the server can read as one
    // (jsonb, json; a text column may hold what is not JSON, and would fail the read).
    QString asJsonb(const QString &role) const
    {
        if (!m_rel.has(role))
            return {};
        const layout::Column &c = m_rel.columns.at(role);
        const QString col = layout::quoteIdent(c.name);
        if (c.type == QLatin1String("jsonb"))
            return col;
        if (c.type == QLatin1String("json"))
            return col + QStringLiteral("::jsonb");
        return {};
    }

    // "The value stands anywhere in the document" (a GIN index answers it where there is one),
    // and the document's parts that hold it: every object with a member whose value it is.
    QString holds(const QString &doc, const Needle &needle)
    {
        QString path = QStringLiteral("$.** == ") + jsonString(needle.text);
        if (needle.integer)
            path += QStringLiteral(" || $.** == ") + QString::number(*needle.integer);
        return QStringLiteral("%1 @@ %2::jsonpath").arg(doc, bind(path));
    }
    QString partsHolding(const QString &doc, const Needle &needle)
    {
        nlohmann::json vars{{"v", needle.text.toStdString()}};
        QString match = QStringLiteral("@ == $v");
        if (needle.integer) {
            vars["n"] = *needle.integer;
            match += QStringLiteral(" || @ == $n");
        }
        const QString path = QStringLiteral("strict $.** ? (@.type() == \"object\" && exists(@.* ? (%1)))").arg(match);
        return QStringLiteral("jsonb_path_query_array(%1, %2::jsonpath, %3::jsonb)")
            .arg(doc, bind(path), bind(QString::fromStdString(vars.dump())));
    }

    // Ordered by the column playing `timeRole`, then the key (the first of `keyRoles` the
    // table has, else ctid: an append-only table's rows keep their place).
    bool order(const QString &timeRole, const QStringList &keyRoles)
    {
        if (!m_rel.has(timeRole))
            return false;
        m_source->time = column(timeRole);
        m_source->timeType = m_rel.columns.at(timeRole).type;
        for (const QString &k : keyRoles)
            if (m_rel.has(k)) {
                m_source->key = column(k);
                m_source->keyType = m_rel.columns.at(k).type;
                m_source->keyName = m_rel.columns.at(k).name;
                return true;
            }
        m_source->key = QStringLiteral("ctid");
        m_source->keyType = QStringLiteral("tid");
        m_source->keyName = QStringLiteral("ctid");
        return true;
    }

    void summarize(const QStringList &roles)
    {
        for (const QString &r : roles)
            if (m_rel.has(r))
                m_source->summary.append({m_rel.columns.at(r).name, column(r)});
    }
    void placeBy(const QStringList &roles)
    {
        for (const QString &r : roles)
            if (m_rel.has(r))
                m_source->context.append({r, column(r)});
    }

    std::unique_ptr<Story::Source> take() { return std::move(m_source); }

private:
    const Relation &m_rel;
    std::unique_ptr<Story::Source> m_source;
};

QString anyOf(const QStringList &conditions)
{
    QStringList c = conditions;
    c.removeAll(QString());
    return c.isEmpty() ? QString() : QLatin1Char('(') + c.join(QStringLiteral(" OR ")) + QLatin1Char(')');
}

QString label(Kind kind)
{
    return QLatin1String(layout::spec(kind).key);
}

} // namespace

std::vector<std::unique_ptr<Story::Source>> sourcesFor(const layout::Layout &lay, bool auditLog,
                                                       const Needle &needle, QStringList *skipped)
{
    std::vector<std::unique_ptr<Story::Source>> out;
    const auto keep = [&](Builder &b, const QString &where, const QString &timeRole, const QStringList &keyRoles) {
        if (where.isEmpty())
            return; // no column of its can hold the value
        if (!b.order(timeRole, keyRoles)) {
            if (skipped)
                *skipped << Story::tr("%1 (%2): no time column to place its rows in the story")
                                .arg(b.source().kind, b.relation().qualifiedName());
            return;
        }
        b.source().where = where;
        out.push_back(b.take());
    };
    const QString id = QStringLiteral("id");
    for (const auto &[kind, rel] : lay.relations) {
        Builder b(rel, label(kind));
        switch (kind) {
        case Kind::ApiEvents: {
            const QString doc = b.asJsonb(QStringLiteral("payload"));
            // The request key and payload hash are asked only where an index answers them:
            // OR-ed unindexed, they would make every page read the whole table.
            const auto indexedKey = [&](const QString &role) {
                return b.relation().indexLeadsWith(role) ? b.keyIs(role, needle) : QString();
            };
            const QString where = anyOf({doc.isEmpty() ? QString() : b.holds(doc, needle),
                                         indexedKey(QStringLiteral("request_key")),
                                         indexedKey(QStringLiteral("payload_hash"))});
            if (!doc.isEmpty()) {
                b.source().document = b.partsHolding(doc, needle);
                b.source().compare = true;
                b.source().group = b.column(QStringLiteral("endpoint"));
            }
            b.summarize({QStringLiteral("endpoint"), QStringLiteral("status_code"), QStringLiteral("request_key")});
            b.placeBy({id});
            keep(b, where, QStringLiteral("fetched_at"), {id});
            break;
        }
        case Kind::Snapshots: {
            const QString doc = b.asJsonb(QStringLiteral("state"));
            if (doc.isEmpty())
                break;
            const QString where = b.holds(doc, needle);
            b.source().document = b.partsHolding(doc, needle);
            b.source().compare = b.source().changesOnly = true;
            b.summarize({QStringLiteral("tick_number")});
            b.placeBy({id, QStringLiteral("tick_number")});
            keep(b, where, QStringLiteral("created_at"), {id});
            break;
        }
        case Kind::Saves: {
            const QString where = b.keyIs(QStringLiteral("player_id"), needle);
            if (const QString doc = b.asJsonb(QStringLiteral("snapshot_data")); !doc.isEmpty()) {
                b.source().document = doc;
                b.source().compare = true;
            }
            b.summarize({QStringLiteral("version"), QStringLiteral("checksum")});
            b.placeBy({QStringLiteral("snapshot_id"), QStringLiteral("player_id")});
            keep(b, where, QStringLiteral("created_at"), {QStringLiteral("snapshot_id")});
            break;
        }
        case Kind::PlayerEvents: {
            const QString where = b.keyIs(QStringLiteral("player_id"), needle);
            b.source().document = b.asJsonb(QStringLiteral("event_data"));
            b.summarize({QStringLiteral("event_type"), QStringLiteral("event_data")});
            b.placeBy({id, QStringLiteral("player_id")});
            keep(b, where, QStringLiteral("occurred_at"), {id});
            break;
        }
        case Kind::ManeuverEvents: {
            const QString where = b.keyIs(QStringLiteral("ship_id"), needle);
            b.summarize({QStringLiteral("event_type"), QStringLiteral("maneuver_type"), QStringLiteral("phase"),
                         QStringLiteral("tick"), QStringLiteral("status_text")});
            b.placeBy({id});
            keep(b, where, QStringLiteral("created_at"), {id});
            break;
        }
        case Kind::Games: {
            const QString where = b.keyIs(id, needle);
            b.summarize({QStringLiteral("status"), QStringLiteral("away_score"), QStringLiteral("home_score"),
                         QStringLiteral("completed_at")});
            b.placeBy({QStringLiteral("id")});
            if (b.relation().has(id))
                b.source().context.append({QStringLiteral("game_id"), b.column(id)});
            keep(b, where, QStringLiteral("created_at"), {id});
            break;
        }
        case Kind::Plays: {
            const QString where = b.keyIs(QStringLiteral("game_id"), needle);
            b.summarize({QStringLiteral("play_number"), QStringLiteral("inning"), QStringLiteral("half"),
                         QStringLiteral("away_score"), QStringLiteral("home_score"),
                         QStringLiteral("result_description")});
            b.placeBy({id, QStringLiteral("game_id"), QStringLiteral("play_number")});
            keep(b, where, QStringLiteral("created_at"), {id, QStringLiteral("play_number")});
            break;
        }
        case Kind::Rolls: {
            const QString where = b.keyIs(QStringLiteral("game_id"), needle);
            b.source().document = b.asJsonb(QStringLiteral("roll_data"));
            b.summarize({QStringLiteral("roll_type"), QStringLiteral("play_number"), QStringLiteral("roll_data")});
            b.placeBy({QStringLiteral("game_id"), QStringLiteral("play_number")});
            keep(b, where, QStringLiteral("created_at"), {QStringLiteral("roll_id")});
            break;
        }
        default:
            break; // configuration, lineups, rosters, sessions: state, not a history
        }
    }
    if (auditLog) {
        // Statescope's own record: rollbacks, prunes, resets that name the value (as their
        // target, or anywhere in their details).
        Story::Source s;
        s.kind = QStringLiteral("audit_log");
        s.table = QStringLiteral("statescope.audit_log");
        s.from = QStringLiteral("statescope.audit_log");
        s.schemaName = QStringLiteral("statescope");
        s.tableName = QStringLiteral("audit_log");
        s.params = {needle.text};
        QString path = QStringLiteral("$.** == ") + jsonString(needle.text);
        if (needle.integer)
            path += QStringLiteral(" || $.** == ") + QString::number(*needle.integer);
        s.params.emplace_back(path);
        s.where = QStringLiteral("(target = $1 OR details @@ $2::jsonpath)");
        s.time = QStringLiteral("at");
        s.timeType = QStringLiteral("timestamp with time zone");
        s.key = QStringLiteral("id");
        s.keyType = QStringLiteral("bigint");
        s.keyName = QStringLiteral("id");
        s.summary = {{QStringLiteral("action"), QStringLiteral("action")},
                     {QStringLiteral("target"), QStringLiteral("target")},
                     {QStringLiteral("reason"), QStringLiteral("reason")},
                     {QStringLiteral("os_user"), QStringLiteral("os_user")}};
        s.document = QStringLiteral("details");
        out.push_back(std::make_unique<Story::Source>(std::move(s)));
    }
    return out;
}

} // namespace statescope::find::story
