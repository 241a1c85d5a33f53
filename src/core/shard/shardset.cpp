#include "core/shard/shardset.h"

#include "core/catalog/lookup.h"
#include "core/error.h"
#include "core/pg/connection.h"
#include "core/validate.h"

#include <algorithm>

#include <QRegularExpression>

#include <map>
#include <set>

namespace statescope::shard {

namespace {
constexpr int kMaxValues = 1024;

QString where(const pg::ConnectionSettings &s)
{
    return QStringLiteral("%1:%2/%3").arg(s.value(QStringLiteral("host")), s.value(QStringLiteral("port")), s.database());
}
} // namespace

QString Member::displayLabel() const
{
    if (!label.isEmpty())
        return label;
    const QString host = settings.value(QStringLiteral("host"));
    return host.isEmpty() ? settings.database() : QStringLiteral("%1/%2").arg(host, settings.database());
}

QList<int> ShardSet::parseValues(const QString &text)
{
    static const validate::WholePattern form(QStringLiteral(R"(\d{1,4}(-\d{1,4})?(,\d{1,4}(-\d{1,4})?)*)"));
    const QString t = QString(text).remove(QLatin1Char(' '));
    if (!form.matches(t))
        throw Error::invalidInput(tr("\"%1\" is not a list of shard values (e.g. 0,1 or 4-7).").arg(text));
    std::set<int> out;
    for (const QString &part : t.split(QLatin1Char(','))) {
        const QStringList ends = part.split(QLatin1Char('-'));
        const int from = ends.first().toInt();
        const int to = ends.last().toInt();
        if (from > to || to >= kMaxValues)
            throw Error::invalidInput(tr("\"%1\" is not a range of shard values from 0 to %2.").arg(part).arg(kMaxValues - 1));
        for (int v = from; v <= to; ++v)
            out.insert(v);
    }
    return QList<int>(out.begin(), out.end());
}

QString ShardSet::valuesText(const QList<int> &list)
{
    QStringList parts;
    for (qsizetype i = 0; i < list.size();) {
        qsizetype j = i;
        while (j + 1 < list.size() && list[j + 1] == list[j] + 1)
            ++j;
        parts << (j > i + 1 ? QStringLiteral("%1-%2").arg(list[i]).arg(list[j])
                            : QString::number(list[i]) + (j == i + 1 ? QStringLiteral(",%1").arg(list[j]) : QString()));
        i = j + 1;
    }
    return parts.join(QLatin1Char(','));
}

bool ShardSet::isResolved() const
{
    if (rule.expression.isEmpty() || rule.values <= 0)
        return false;
    for (const Member &m : members)
        if (m.values.isEmpty())
            return false;
    return true;
}

int ShardSet::memberOf(int slot) const
{
    for (qsizetype i = 0; i < members.size(); ++i)
        if (members[i].values.contains(slot))
            return int(i);
    return -1;
}

void ShardSet::validate() const
{
    static const validate::WholePattern names(QStringLiteral(R"([A-Za-z0-9][A-Za-z0-9_.-]{0,62})"));
    if (!names.matches(name))
        throw Error::invalidInput(tr("\"%1\" is not a shard set name (letters, digits, _ . -, at most 63).").arg(name));
    if (members.size() < 2)
        throw Error::invalidInput(tr("A shard set needs at least two databases; %1 has %2.").arg(name).arg(members.size()));
    if (rule.values < 0 || rule.values > kMaxValues)
        throw Error::invalidInput(tr("A shard rule yields 1 to %1 values, not %2.").arg(kMaxValues).arg(rule.values));
    if (rule.expression.contains(QLatin1Char(';')))
        throw Error::invalidInput(tr("The shard rule must be one SQL expression over the row, without \";\"."));
    static const validate::WholePattern column(QStringLiteral(R"([A-Za-z_][A-Za-z0-9_$]{0,62})"));
    if (rule.expression.isEmpty() && !column.matches(rule.column))
        throw Error::invalidInput(tr("\"%1\" is not a column name to read the shard rule from.").arg(rule.column));

    std::map<QString, QString> databases; // where -> member
    std::map<int, QString> holder;        // value -> member
    QStringList overlaps;
    for (const Member &m : members) {
        if (m.settings.database().isEmpty())
            throw Error::invalidInput(tr("The shard %1 names no database (dbname).").arg(m.displayLabel()));
        const auto [at, fresh] = databases.emplace(where(m.settings), m.displayLabel());
        if (!fresh)
            throw Error::invalidInput(tr("%1 and %2 are the same database; a shard set names each once.")
                                          .arg(at->second, m.displayLabel()));
        for (int v : m.values) {
            if (rule.values > 0 && (v < 0 || v >= rule.values))
                throw Error::invalidInput(tr("The shard %1 holds value %2, but the rule yields 0 to %3.")
                                              .arg(m.displayLabel())
                                              .arg(v)
                                              .arg(rule.values - 1));
            const auto [h, first] = holder.emplace(v, m.displayLabel());
            if (!first)
                overlaps << tr("%1 (held by %2 and %3)").arg(v).arg(h->second, m.displayLabel());
        }
    }
    if (!overlaps.isEmpty())
        throw Error(Error::Kind::InvalidInput, tr("The shards of %1 overlap: a row would have two homes.").arg(name),
                    tr("Shared values: %1.").arg(overlaps.join(QStringLiteral(", "))),
                    tr("Give each value to one shard only."));
    // Whenever every shard's values and the number of values are known (the rule itself may
    // still be read from the databases later), a value no shard holds is a gap.
    if (rule.values <= 0 || std::any_of(members.begin(), members.end(), [](const Member &m) { return m.values.isEmpty(); }))
        return;
    QList<int> missing;
    for (int v = 0; v < rule.values; ++v)
        if (!holder.count(v))
            missing << v;
    if (!missing.isEmpty())
        throw Error::invalidInput(tr("The shards of %1 leave rule values %2 to no database: rows placed there "
                                     "would have no home.")
                                      .arg(name, valuesText(missing)),
                                  tr("Add the shard that holds them, or give a member those values."));
}

namespace detail {

int modulusOf(const QString &expression)
{
    static const QRegularExpression mod(QStringLiteral(R"(%\s*\(?\s*(\d+)\s*\)*\s*$)"));
    const auto m = mod.match(expression.trimmed());
    return m.hasMatch() ? m.captured(1).toInt() : 0;
}

std::optional<GeneratedRule> readGeneratedRule(pg::Connection &conn, const QString &column)
{
    const pg::Result r = catalog::generatedColumns(conn, column);
    if (r.rowCount() == 0)
        return std::nullopt;
    for (int i = 1; i < r.rowCount(); ++i)
        if (r.value(i, 1) != r.value(0, 1))
            throw Error(Error::Kind::Conflict,
                        ShardSet::tr("%1 generates %2 as %3, but %4 as %5: which rule places a row is not clear.")
                            .arg(r.value(0, 0), column, r.value(0, 1), r.value(i, 0), r.value(i, 1)),
                        {}, ShardSet::tr("Give the rule in the shard set instead."));
    return GeneratedRule{r.value(0, 0), r.value(0, 1)};
}

std::optional<QList<int>> valuesFromCheck(const QString &definition, const QString &column)
{
    // pg_get_constraintdef: "CHECK ((shard_key = ANY (ARRAY[0, 1])))", "CHECK ((shard_key = 3))",
    // "CHECK (((shard_key >= 0) AND (shard_key <= 3)))"; casts ("::smallint") and brackets go.
    QString t = definition;
    t.remove(QRegularExpression(QStringLiteral(R"(::[a-z ]+(\[\])?)")));
    t.remove(QLatin1Char('(')).remove(QLatin1Char(')'));
    t = t.simplified();
    if (!t.startsWith(QLatin1String("CHECK ")))
        return std::nullopt;
    t = t.mid(6);
    const QString c = QRegularExpression::escape(column);
    const auto whole = [](const QString &p) { return validate::WholePattern(p); };
    if (const auto m = whole(c + QStringLiteral(R"( = ANY (?:ARRAY\[([\d, ]+)\]|'\{([\d,]+)\}'))")).match(t); m.hasMatch()) {
        const QString list = m.captured(1).isEmpty() ? m.captured(2) : m.captured(1);
        try {
            return ShardSet::parseValues(list);
        } catch (const Error &) {
            return std::nullopt;
        }
    }
    if (const auto m = whole(c + QStringLiteral(R"( = (\d+))")).match(t); m.hasMatch())
        return QList<int>{m.captured(1).toInt()};
    if (const auto m = whole(c + QStringLiteral(R"( (>=|>) (\d+) AND )") + c + QStringLiteral(R"( (<=|<) (\d+))")).match(t);
        m.hasMatch()) {
        const int from = m.captured(2).toInt() + (m.captured(1) == QLatin1String(">") ? 1 : 0);
        const int to = m.captured(4).toInt() - (m.captured(3) == QLatin1String("<") ? 1 : 0);
        if (from > to || to >= kMaxValues)
            return std::nullopt;
        QList<int> out;
        for (int v = from; v <= to; ++v)
            out << v;
        return out;
    }
    return std::nullopt;
}

std::optional<QList<int>> readCheckedValues(pg::Connection &conn, const QString &column)
{
    const pg::Result r = catalog::columnChecks(conn, column);
    std::optional<QList<int>> found;
    QString from;
    for (int i = 0; i < r.rowCount(); ++i) {
        const auto allowed = valuesFromCheck(r.value(i, 1), column);
        if (!allowed)
            continue;
        if (found && *found != *allowed)
            throw Error(Error::Kind::Conflict,
                        ShardSet::tr("%1 and %2 allow different values of %3 in the same shard.")
                            .arg(from, r.value(i, 0), column));
        found = allowed;
        from = r.value(i, 0);
    }
    return found;
}

} // namespace detail

} // namespace statescope::shard
