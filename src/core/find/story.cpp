// The story of one value in one database, page by page (story.h).
#include "core/find/story.h"

#include "core/catalog/lookup.h"
#include "core/error.h"
#include "core/find/story_p.h"
#include "core/layout/layout.h"
#include "core/pg/arrayliteral.h"
#include "core/snapshots/statediff.h"
#include "core/task/worker.h"

#include <QDateTime>
#include <QHash>
#include <QSet>

#include <algorithm>

namespace statescope::find {

namespace {

// Pages of a kind whose rows are entries only where something changed read this many
// batches at most before they stop at the last row read (the page is then shorter).
constexpr int kMaxRounds = 8;
constexpr int kMaxChangesShown = 6;
constexpr int kMaxChangesKept = 50;

QString microsText(qint64 micros)
{
    qint64 secs = micros / 1000000, frac = micros % 1000000;
    if (frac < 0) {
        frac += 1000000;
        --secs;
    }
    return QDateTime::fromSecsSinceEpoch(secs, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
        + QStringLiteral(".%1+00").arg(frac, 6, 10, QLatin1Char('0'));
}

// One row read, with what comparing it needs.
struct Row
{
    StoryEntry entry;
    QString group;
    bool hasDocument = false;
};

// Whether a is before b in the direction pages are read (ties: the same source, whose rows
// come in order already).
bool before(const StoryCursor &a, const StoryCursor &b, bool newer)
{
    if (a.atMicros != b.atMicros)
        return newer ? a.atMicros < b.atMicros : a.atMicros > b.atMicros;
    return newer ? a.source < b.source : a.source > b.source;
}

} // namespace

QString StoryCursor::token() const
{
    return QStringLiteral("%1.%2.%3")
        .arg(atMicros)
        .arg(source)
        .arg(QString::fromLatin1(key.toUtf8().toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)));
}

StoryCursor StoryCursor::parse(const QString &token)
{
    const QStringList parts = token.split(QLatin1Char('.'));
    bool okAt = false, okSource = false;
    StoryCursor c;
    if (parts.size() == 3) {
        c.atMicros = parts[0].toLongLong(&okAt);
        c.source = parts[1].toInt(&okSource);
        const auto decoded = QByteArray::fromBase64Encoding(
            parts[2].toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
        if (okAt && okSource && c.source >= 0 && decoded) {
            c.key = QString::fromUtf8(*decoded);
            return c;
        }
    }
    throw Error::invalidInput(Story::tr("\"%1\" is not a place in a story.").arg(token.left(80)),
                              Story::tr("Give a token a story page printed (its older or newer place)."));
}

Story::Story(pg::Connection &conn, Needle needle) : m_conn(conn), m_needle(std::move(needle))
{
    const auto lay = layout::of(conn);
    const bool audit = catalog::anyRelationExists(conn, QStringLiteral("statescope"), QStringLiteral("audit_log"));
    m_sources = story::sourcesFor(*lay, audit, m_needle, &m_skipped);
    // A table this login may not read is named and left out, rather than failing every page.
    QStringList schemas, names;
    for (const auto &s : m_sources) {
        schemas << s->schemaName;
        names << s->tableName;
    }
    if (names.isEmpty())
        return;
    const pg::Result readable = catalog::readability(conn, schemas, names);
    // An id (a uuid or a number) can be what a policy's setting names; a symbol cannot.
    const QString id = m_needle.uuid ? *m_needle.uuid : m_needle.integer ? QString::number(*m_needle.integer) : QString();
    std::vector<std::unique_ptr<Source>> kept;
    for (size_t i = 0; i < m_sources.size(); ++i) {
        Source &s = *m_sources[i];
        if (!readable.toBool(int(i), 0)) {
            m_skipped << tr("%1 (%2): this login may not read it").arg(s.kind, s.table);
            continue;
        }
        if (readable.toBool(int(i), 1) && !s.rlsSettings.isEmpty()) {
            if (id.isEmpty()) {
                m_skipped << tr("%1 (%2): row-level security shows it only as one player (%3)")
                                 .arg(s.kind, s.table, s.rlsSettings.join(QStringLiteral(", ")));
                continue;
            }
            for (const QString &setting : s.rlsSettings) {
                bool known = false;
                for (const auto &[name, value] : m_viewAs)
                    known = known || name == setting;
                if (!known)
                    m_viewAs.append({setting, id});
            }
        }
        kept.push_back(std::move(m_sources[i]));
    }
    m_sources = std::move(kept);
}

Story::~Story() = default;

QStringList Story::sources() const
{
    QStringList out;
    for (const auto &s : m_sources)
        out << QStringLiteral("%1 (%2)").arg(s->kind, s->table);
    return out;
}

QStringList Story::skipped() const
{
    return m_skipped;
}

namespace {

pg::Connection::Statement selectRows(const Story::Source &s, int rank, const std::optional<StoryCursor> &from,
                                     bool newer, int n)
{
    std::vector<pg::Param> params = s.params;
    const auto bind = [&](pg::Param p) {
        params.push_back(std::move(p));
        return QStringLiteral("$%1").arg(params.size());
    };
    QStringList cols{QStringLiteral("(extract(epoch FROM %1) * 1000000)::int8").arg(s.time), s.time + QStringLiteral("::text"),
                     s.key + QStringLiteral("::text"),
                     s.document.isEmpty() ? QStringLiteral("NULL::text") : QStringLiteral("(%1)::text").arg(s.document),
                     s.group.isEmpty() ? QStringLiteral("NULL::text") : QStringLiteral("(%1)::text").arg(s.group)};
    for (const auto &[name, expr] : s.summary)
        cols << QStringLiteral("left((%1)::text, 80)").arg(expr);
    for (const auto &[role, expr] : s.context)
        cols << QStringLiteral("(%1)::text").arg(expr);
    QString where = QStringLiteral("(%1) AND %2 IS NOT NULL").arg(s.where, s.time);
    if (from) {
        const QString op = newer ? QStringLiteral(">") : QStringLiteral("<");
        const QString at = QStringLiteral("(%1::timestamptz)::%2").arg(bind(microsText(from->atMicros)), s.timeType);
        if (rank == from->source)
            where += QStringLiteral(" AND (%1, %2) %3 (%4, %5::%6)")
                         .arg(s.time, s.key, op, at, bind(from->key), s.keyType);
        else
            where += QStringLiteral(" AND %1 %2%3 %4")
                         .arg(s.time, op, (rank > from->source) == newer ? QStringLiteral("=") : QString(), at);
    }
    // Each output column named apart: ORDER BY "fetched_at" would otherwise sort by the
    // output column of that name, the time as text (and a key as text: 10 before 9), and
    // no index would serve it.
    for (qsizetype i = 0; i < cols.size(); ++i)
        cols[i] += QStringLiteral(" AS statescope_c%1").arg(i);
    const QString dir = newer ? QStringLiteral("ASC") : QStringLiteral("DESC");
    const QString sql = QStringLiteral("SELECT %1 FROM %2 WHERE %3 ORDER BY %4 %5, %6 %5 LIMIT %7")
                            .arg(cols.join(QStringLiteral(", ")), s.from, where, s.time, dir, s.key, bind(qint64(n)));
    return {sql, params};
}

// The document of the row just before `row` of its source (and group).
pg::Connection::Statement selectPrevious(const Story::Source &s, const Row &row)
{
    std::vector<pg::Param> params = s.params;
    const auto bind = [&](pg::Param p) {
        params.push_back(std::move(p));
        return QStringLiteral("$%1").arg(params.size());
    };
    QString where = QStringLiteral("(%1) AND %2 IS NOT NULL").arg(s.where, s.time);
    if (!s.group.isEmpty())
        where += QStringLiteral(" AND (%1)::text = %2").arg(s.group, bind(row.group));
    where += QStringLiteral(" AND (%1, %2) < ((%3::timestamptz)::%4, %5::%6)")
                 .arg(s.time, s.key, bind(microsText(row.entry.atMicros)), s.timeType, bind(row.entry.key), s.keyType);
    return {QStringLiteral("SELECT (%1)::text AS statescope_c0 FROM %2 WHERE %3 ORDER BY %4 DESC, %5 DESC LIMIT 1")
                .arg(s.document, s.from, where, s.time, s.key),
            params};
}

QList<Row> readRows(const Story::Source &s, int rank, const pg::Result &r)
{
    QList<Row> rows;
    for (int i = 0; i < r.rowCount(); ++i) {
        Row row;
        StoryEntry &e = row.entry;
        e.source = s.kind;
        e.table = s.table;
        e.atMicros = r.toLongLong(i, 0);
        e.at = r.value(i, 1);
        e.key = r.value(i, 2);
        e.keyColumn = s.keyName;
        // No part holds the value (a row found by its request key, say): nothing to compare.
        row.hasDocument = !r.isNull(i, 3) && r.value(i, 3) != QLatin1String("[]");
        e.document = r.value(i, 3);
        row.group = r.value(i, 4);
        int c = 5;
        QStringList summary;
        for (const auto &[name, expr] : s.summary) {
            summary << QStringLiteral("%1=%2").arg(name, r.isNull(i, c) ? QStringLiteral("NULL") : r.value(i, c));
            ++c;
        }
        e.summary = summary.join(QLatin1Char(' '));
        for (const auto &[role, expr] : s.context) {
            if (!r.isNull(i, c))
                e.context.insert(role, r.value(i, c));
            ++c;
        }
        e.cursor = {e.atMicros, rank, e.key};
        rows.append(row);
    }
    return rows;
}

// What changed from `previous` (nullopt: nothing before) to the entry's document.
void describeChange(StoryEntry &e, const std::optional<QString> &previous, const QString &value)
{
    if (!previous) {
        e.change = Story::tr("first seen");
        return;
    }
    const snapshots::StateDiff d = snapshots::diffStates(previous->toUtf8(), e.document.toUtf8(), true);
    // One part on both sides (the usual case): its place in the list says nothing either.
    const bool single = d.from.root().kind == json::Kind::Array && d.to.root().kind == json::Kind::Array
        && d.from.childCount(d.from.root()) == 1 && d.to.childCount(d.to.root()) == 1;
    // The parts are found by the value: where they are keyed by it, the key says nothing.
    const QString self = QStringLiteral("=%1]").arg(QString::fromStdString(nlohmann::json(value.toStdString()).dump()));
    const auto shortPath = [&](QString path) {
        if (path.startsWith(QLatin1String("$[")) && path.indexOf(self) > 0 && path.indexOf(QLatin1Char(']')) == path.indexOf(self) + self.size() - 1)
            path = path.mid(path.indexOf(self) + self.size());
        if (single && path.startsWith(QLatin1String("$[0]")))
            path = path.mid(4);
        if (path.startsWith(QLatin1String("$.")))
            path = path.mid(2);
        else if (path.startsWith(QLatin1Char('.')))
            path = path.mid(1);
        return path.isEmpty() ? QStringLiteral("$") : path;
    };
    QStringList shown;
    int n = 0;
    for (const json::Change &c : d.result.changes) {
        const QString was = c.before ? d.from.display(*c.before, 60) : QStringLiteral("—");
        const QString now = c.after ? d.to.display(*c.after, 60) : QStringLiteral("—");
        if (n < kMaxChangesShown)
            shown << QStringLiteral("%1: %2 → %3").arg(shortPath(c.displayPath), was, now);
        if (n < kMaxChangesKept)
            e.changes.push_back(nlohmann::json{
                {"path", shortPath(c.displayPath).toStdString()},
                {"before", c.before ? nlohmann::json(d.from.display(*c.before, 400).toStdString()) : nlohmann::json()},
                {"after", c.after ? nlohmann::json(d.to.display(*c.after, 400).toStdString()) : nlohmann::json()}});
        ++n;
    }
    if (n > kMaxChangesShown)
        shown << Story::tr("%n more", nullptr, n - kMaxChangesShown);
    e.change = n == 0 ? Story::tr("no change") : shown.join(QStringLiteral("; "));
}

} // namespace

StoryPage Story::page(const std::optional<StoryCursor> &from, Direction direction, int limit, TaskContext *ctx)
{
    if (limit < 1 || limit > kMaxLimit)
        throw Error::invalidInput(tr("A page of %1 entries is out of range: 1 to %2.").arg(limit).arg(kMaxLimit));
    if (from && from->source >= int(m_sources.size()))
        throw Error::invalidInput(tr("That place belongs to another story."));
    const bool newer = direction == Direction::Newer;
    const auto run = [&](std::vector<pg::Connection::Statement> statements) {
        if (ctx)
            ctx->throwIfCancelled();
        // Times are read and written in UTC, whatever the session's zone.
        // Where row-level security binds this login, the story is read as the one it follows.
        std::vector<pg::Connection::Statement> first{{QStringLiteral("SELECT set_config('TimeZone', 'UTC', true)")}};
        for (const auto &[name, value] : m_viewAs)
            first.push_back({QStringLiteral("SELECT set_config($1, $2, true)"), {name, value}});
        statements.insert(statements.begin(), first.begin(), first.end());
        std::vector<pg::Result> results = m_conn.pipeline(statements, pg::Connection::Framing{true, true, {}, true});
        results.erase(results.begin(), results.begin() + qsizetype(first.size()));
        return results;
    };

    struct Read
    {
        QList<StoryEntry> entries;        // in the direction read, each at or before the horizon
        std::optional<StoryCursor> horizon; // read up to here (more may follow); none: all read
        QList<Row> batch;                   // the last batch read
        std::optional<StoryCursor> next;    // where the next batch starts
        bool more = false;                  // the last batch was full
    };
    const int n = int(m_sources.size());
    std::vector<Read> reads(size_t(n), Read{});
    std::vector<int> pending(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) {
        pending[size_t(i)] = i;
        reads[size_t(i)].next = from;
    }
    for (int round = 0; round < kMaxRounds && !pending.empty(); ++round) {
        if (ctx)
            ctx->progress(round, kMaxRounds, tr("Reading the story"));
        std::vector<pg::Connection::Statement> batch;
        for (int i : pending)
            batch.push_back(selectRows(*m_sources[size_t(i)], i, reads[size_t(i)].next, newer, limit));
        const std::vector<pg::Result> results = run(batch);
        // The previous row of each group, for the oldest row of the group in the batch.
        std::vector<pg::Connection::Statement> previous;
        QList<QPair<int, int>> previousOf; // source, row in its batch
        for (size_t k = 0; k < pending.size(); ++k) {
            const int i = pending[k];
            const Source &s = *m_sources[size_t(i)];
            Read &read = reads[size_t(i)];
            read.batch = readRows(s, i, results[k]);
            read.more = read.batch.size() == limit;
            if (!read.batch.isEmpty())
                read.next = read.batch.back().entry.cursor;
            if (!newer)
                std::reverse(read.batch.begin(), read.batch.end()); // oldest first, to compare
            if (!s.compare)
                continue;
            QSet<QString> seen;
            for (int r = 0; r < read.batch.size(); ++r)
                if (read.batch[r].hasDocument && !seen.contains(read.batch[r].group)) {
                    seen.insert(read.batch[r].group);
                    previous.push_back(selectPrevious(s, read.batch[r]));
                    previousOf.append({i, r});
                }
        }
        QHash<QPair<int, int>, std::optional<QString>> before;
        if (!previous.empty()) {
            const std::vector<pg::Result> found = run(previous);
            for (qsizetype k = 0; k < previousOf.size(); ++k)
                before.insert(previousOf[k], found[size_t(k)].rowCount() && !found[size_t(k)].isNull(0, 0)
                                                 ? std::optional<QString>(found[size_t(k)].value(0, 0))
                                                 : std::nullopt);
        }
        std::vector<int> again;
        for (int i : pending) {
            const Source &s = *m_sources[size_t(i)];
            Read &read = reads[size_t(i)];
            QHash<QString, std::optional<QString>> last; // group -> its latest document
            QList<StoryEntry> kept;
            for (int r = 0; r < read.batch.size(); ++r) {
                Row &row = read.batch[r];
                if (s.compare && row.hasDocument) {
                    const std::optional<QString> prev =
                        last.contains(row.group) ? last.value(row.group) : before.value({i, r});
                    last.insert(row.group, row.entry.document);
                    if (s.changesOnly && prev && *prev == row.entry.document)
                        continue;
                    describeChange(row.entry, prev, m_needle.text);
                }
                kept.append(row.entry);
            }
            if (!newer)
                std::reverse(kept.begin(), kept.end());
            read.entries += kept;
            if (read.entries.size() > limit) {
                read.entries.resize(limit);
                read.horizon = read.entries.back().cursor;
            } else if (!read.more) {
                read.horizon.reset(); // every row read
            } else if (read.entries.size() == limit) {
                read.horizon = read.entries.back().cursor;
            } else {
                again.push_back(i); // fewer changes than asked for, and more rows to read
                read.horizon = read.next;
            }
        }
        pending = again;
    }

    // Merged: what every kind has read up to the nearest horizon is complete and in order.
    std::optional<StoryCursor> horizon;
    QList<StoryEntry> merged;
    for (const Read &read : reads) {
        merged += read.entries;
        if (read.horizon && (!horizon || before(*read.horizon, *horizon, newer)))
            horizon = read.horizon;
    }
    std::stable_sort(merged.begin(), merged.end(),
                     [&](const StoryEntry &a, const StoryEntry &b) { return before(a.cursor, b.cursor, newer); });
    QList<StoryEntry> taken;
    for (const StoryEntry &e : merged) {
        if (taken.size() == limit)
            break;
        if (horizon && e.cursor.source != horizon->source && before(*horizon, e.cursor, newer))
            break;
        taken.append(e);
    }
    const bool more = horizon.has_value() || taken.size() < merged.size();
    std::optional<StoryCursor> onward;
    if (more)
        onward = taken.size() == limit ? taken.back().cursor : *horizon;

    StoryPage page;
    page.entries = taken;
    const std::optional<StoryCursor> back =
        from ? std::optional<StoryCursor>(taken.isEmpty() ? *from : taken.front().cursor) : std::nullopt;
    if (newer) {
        page.newer = onward;
        page.older = back;
    } else {
        std::reverse(page.entries.begin(), page.entries.end());
        page.older = onward;
        page.newer = back;
    }
    if (ctx)
        ctx->progress(kMaxRounds, kMaxRounds, tr("Story read"));
    return page;
}

} // namespace statescope::find
