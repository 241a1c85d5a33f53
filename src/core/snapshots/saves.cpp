#include "saves.h"

#include "core/error.h"
#include "core/json/canonical.h"
#include "core/json/document.h"
#include "core/layout/layout.h"
#include "core/snapshots/snapshotsql.h"
#include "core/validate.h"

#include <QUuid>

namespace statescope::snapshots {

using namespace detail;

namespace {

// jsonb's text without the blanks it puts after ',' and ':' (strings left as they are): the
// compact text of a client that kept the stored key order.
QByteArray compactText(const QByteArray &text)
{
    QByteArray out;
    out.reserve(text.size());
    bool inString = false, escaped = false;
    for (const char c : text) {
        if (inString) {
            out.append(c);
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
            out.append(c);
        } else if (c != ' ' && c != '\n' && c != '\t' && c != '\r') {
            out.append(c);
        }
    }
    return out;
}

} // namespace

ChecksumCheck checkChecksum(const QString &stored, const QByteArray &jsonbText)
{
    ChecksumCheck c;
    const QString want = stored.trimmed().toLower();
    // Python's canonical form, integers of any size kept exact.
    const json::PythonCanonical canon = json::pythonCanonical(json::Document::parse(jsonbText));
    const QByteArray canonicalHash = canon.ok ? json::sha256Hex(canon.text) : QByteArray();
    const std::pair<const char *, QByteArray> forms[] = {
        {"canonical", canonicalHash},
        {"compact", json::sha256Hex(compactText(jsonbText))},
        {"jsonb", json::sha256Hex(jsonbText)},
    };
    c.computed = QString::fromLatin1(forms[2].second);
    for (const auto &[form, hash] : forms)
        if (!hash.isEmpty() && want == QLatin1String(hash)) {
            c.form = QLatin1String(form);
            c.computed = QString::fromLatin1(hash);
            break;
        }
    return c;
}

QString checksumFormName(const QString &form)
{
    if (form == QLatin1String("canonical"))
        return SaveStore::tr("canonical JSON (sorted keys, compact)");
    if (form == QLatin1String("compact"))
        return SaveStore::tr("compact text (stored key order)");
    if (form == QLatin1String("jsonb"))
        return SaveStore::tr("jsonb text");
    return SaveStore::tr("no known form");
}

SaveStore::SaveStore(pg::Connection &conn) : m_conn(conn)
{
    if (const layout::Relation *r = layout::of(conn)->find(layout::Kind::Saves))
        m_table = r->qualifiedName();
}

QString SaveStore::source() const
{
    const layout::Relation *r = layout::of(m_conn)->find(layout::Kind::Saves);
    return r ? r->describe() : QString();
}

QString SaveStore::checksumRule()
{
    return tr("SHA-256, in hex, of snapshot_data in one of the forms clients use: canonical JSON "
              "(keys sorted, no blanks, UTF-8), the compact text in stored key order, or the "
              "text PostgreSQL prints for jsonb (snapshot_data::text). The form that matches is "
              "shown; MISMATCH when none does.");
}

pg::Result SaveStore::run(const QString &templ, const std::vector<pg::Param> &params) const
{
    const auto lay = layout::of(m_conn);
    const layout::Relation &rel = lay->require(layout::Kind::Saves);
    try {
        return m_conn.exec(lay->sql(templ), params);
    } catch (const Error &e) {
        throw layout::explainRowSecurity(rel, e);
    }
}

void SaveStore::viewAsPlayer(const QString &playerId)
{
    const std::optional<QUuid> id = validate::uuid(playerId);
    if (!id)
        throw Error::invalidInput(tr("\"%1\" is not a player id (a UUID).").arg(playerId));
    const layout::Relation &rel = layout::of(m_conn)->require(layout::Kind::Saves);
    if (rel.rlsSettings.isEmpty())
        throw Error::invalidInput(tr("%1 has no row-level security keyed on a setting; every "
                                     "player's saves are already visible.").arg(rel.qualifiedName()));
    for (const QString &setting : rel.rlsSettings)
        layout::viewAs(m_conn, setting, id->toString(QUuid::WithoutBraces));
}

QList<SavePlayer> SaveStore::players(int limit) const
{
    layout::of(m_conn)->require(layout::Kind::Saves);
    const auto r = run(
        (QStringLiteral("SELECT player_id, count(*), %1 FROM {saves d} "
                                               "GROUP BY player_id ORDER BY max(created_at) DESC, "
                                               "player_id LIMIT $1")
                                    .arg(utcMillis(QStringLiteral("max(d.created_at)")))),
        {limit});
    QList<SavePlayer> out;
    for (int i = 0; i < r.rowCount(); ++i)
        out.append({r.value(i, 0), r.toLongLong(i, 1), parseUtc(r.value(i, 2))});
    return out;
}

QList<SaveInfo> SaveStore::query(const QString &where, const std::vector<pg::Param> &params) const
{
    const auto r = run(
        (
            QStringLiteral("SELECT d.snapshot_id, d.player_id, d.version, %1, %2, "
                           "pg_column_size(d.snapshot_data), d.checksum, d.snapshot_data::text "
                           "FROM {saves d} WHERE %3 ORDER BY d.created_at DESC, d.snapshot_id DESC")
                .arg(utcMillis(QStringLiteral("d.created_at")),
                     utcMicros(QStringLiteral("d.created_at")), where)),
        params);
    QList<SaveInfo> out;
    for (int i = 0; i < r.rowCount(); ++i) {
        SaveInfo s;
        s.snapshotId = r.toLongLong(i, 0);
        s.playerId = r.value(i, 1);
        s.version = r.value(i, 2);
        s.createdAt = parseUtc(r.value(i, 3));
        s.createdAtExact = r.value(i, 4);
        s.sizeBytes = r.toLongLong(i, 5);
        s.storedChecksum = r.value(i, 6);
        const ChecksumCheck c = checkChecksum(s.storedChecksum, r.bytes(i, 7));
        s.computedChecksum = c.computed;
        s.checksumForm = c.form;
        s.checksumMatches = !c.form.isEmpty();
        out.append(s);
    }
    return out;
}

QList<SaveInfo> SaveStore::saves(const QString &playerId) const
{
    const std::optional<QUuid> id = validate::uuid(playerId);
    if (!id)
        throw Error::invalidInput(tr("\"%1\" is not a player id (a UUID).").arg(playerId));
    return query(QStringLiteral("d.player_id = $1"), {id->toString(QUuid::WithoutBraces)});
}

SaveInfo SaveStore::save(qint64 snapshotId) const
{
    const QList<SaveInfo> rows = query(QStringLiteral("d.snapshot_id = $1"), {snapshotId});
    if (rows.isEmpty())
        throw Error(Error::Kind::NotFound, tr("There is no save %1.").arg(snapshotId));
    return rows.first();
}

QByteArray SaveStore::data(qint64 snapshotId) const
{
    const auto r = run(QStringLiteral("SELECT snapshot_data::text FROM {saves} "
                                      "WHERE snapshot_id = $1"),
        {snapshotId});
    if (r.rowCount() == 0)
        throw Error(Error::Kind::NotFound, tr("There is no save %1.").arg(snapshotId));
    return r.bytes(0, 0);
}

StateDiff SaveStore::diff(qint64 fromId, qint64 toId, bool keyed) const
{
    return diffStates(data(fromId), data(toId), keyed);
}

} // namespace statescope::snapshots
