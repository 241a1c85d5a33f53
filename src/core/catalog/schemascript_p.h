#pragma once

// The planner behind SchemaDiff::script (schemascript.cpp: what goes with what, the order;
// schemaalter.cpp: what each changed object needs). Private to those two files.
#include "core/catalog/schemadiff.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QStringList>

#include <functional>
#include <map>

namespace statescope::catalog::script {

using Kind = SchemaObject::Kind;
using Type = SchemaChange::Type;

QString attr(const SchemaObject &o, const char *name);
bool isForeignKey(const SchemaObject &o);
int dropRank(const SchemaObject &o);
int makeRank(const SchemaObject &o);
QString dropOf(const SchemaObject &o);
QStringList splitList(const QString &s);
QStringList optionKeys(const QString &options);
bool versionBefore(const QString &a, const QString &b);
QStringList commonOrder(const QStringList &mine, const QStringList &other);
QString quoteName(const QString &name);
QString optionChanges(const QString &from, const QString &to);
QString reparseable(const QString &sql);
QString quoteLiteral(QString s); // a string literal: 'it''s'

class Planner
{
public:
    Planner(const SchemaDiff &d)
        : m_diff(d)
    {
        for (const SchemaObject &o : d.fromSnapshot.objects)
            m_a.insert(o.key(), &o);
        for (const SchemaObject &o : d.toSnapshot.objects)
            m_b.insert(o.key(), &o);
        for (const SchemaObject &o : d.fromSnapshot.objects) {
            for (const QString &k : o.uses)
                m_usersA[k] << o.key();
            for (const QString &k : o.defaultUses)
                m_defaultUsersA[k] << o.key();
            for (const QString &k : o.within)
                m_partsA[k] << o.key();
        }
    }

    QString script();
    // The roles whose objects the script gives or takes (ALTER ... OWNER TO), quoted, sorted:
    // its runner must be a superuser or a member of each.
    QStringList roles() const { return m_roles; }

private:
    enum class Phase { Drop, Make };
    struct Step
    {
        Phase phase = Phase::Make;
        int rank = 0;
        QString key; // the object's
        QStringList sql;
    };

    const SchemaDiff &m_diff;
    QHash<QString, const SchemaObject *> m_a, m_b;
    QHash<QString, QStringList> m_usersA, m_defaultUsersA, m_partsA;
    QSet<QString> m_drop, m_gone, m_make, m_blocking, m_defaultAgain, m_released, m_own;
    QSet<QString> m_detached, m_attached; // partitions that become tables, tables that become partitions
    QSet<QString> m_detach;               // partitions detached to be attached with other bounds
    QSet<QString> m_notDoneKeys, m_kindNotDone;
    QSet<QString> m_rebuild;                 // tables made again with their rows
    QHash<QString, QString> m_rebuildWhy;    // such a table -> why, for people
    QSet<QString> m_keyKept;                 // tables whose partition key's column keeps its type (NOT DONE)
    int m_counters = 0;                      // identity and serial counters kept across a change
    QSet<QString> m_enumAgain;               // enums made again (a value goes or moves)
    QHash<QString, QStringList> m_retire;    // such an enum -> the columns moved off the old one
    QHash<QString, QString> m_retireSql;
    QHash<QString, QStringList> m_alter;   // in-place statements
    QStringList m_notDone;
    QStringList m_roles;
    std::map<QString, Step> m_steps; // by step id

    const SchemaObject *a(const QString &k) const { return m_a.value(k); }
    const SchemaObject *b(const QString &k) const { return m_b.value(k); }
    static QString tableKey(const SchemaObject &o) { return QStringLiteral("table %1.%2").arg(o.schema, o.table); }
    // The key of `table`'s column named `name` (whichever side has it).
    static QString columnKey(const SchemaObject &table, const QString &name)
    {
        SchemaObject column;
        column.kind = Kind::Column;
        column.schema = table.schema;
        column.table = table.name;
        column.name = name;
        return column.key();
    }

    void notDone(const QString &key, const QString &why)
    {
        m_notDone << QStringLiteral("-- NOT DONE: %1: %2").arg(key, why);
        m_notDoneKeys.insert(key);
    }
    void classify(const SchemaChange &c);
    void alterColumn(const SchemaObject &from, const SchemaObject &to);
    void alterTable(const SchemaObject &from, const SchemaObject &to);
    void alterType(const SchemaObject &from, const SchemaObject &to);
    void drop(const QString &key);
    void close();
    void ownersAgain();
    QStringList makeOf(const SchemaObject &o) const;
    QString makeNode(const QString &key) const;
    void addSteps();
    void enumAgain();
    void columnOrder();
    bool under(const QString &key, const QString &table, bool second, int depth = 0) const;
    bool rebuilt(const SchemaObject &o) const;
    void rebuilds();
    void rebuildSteps();
    void rebuildEdges(const std::function<void(const QString &, const QString &)> &edge) const;
    bool inPartitionKey(const SchemaObject &column) const;
    // The table of the column a sequence is OWNED BY on the second side, if any.
    const SchemaObject *owningTable(const SchemaObject &sequence) const
    {
        static const QRegularExpression identifier(QStringLiteral("^([a-z_][a-z0-9_$]*|\"([^\"]|\"\")*\")$"));
        const QString owned = attr(sequence, "owned");
        for (const SchemaObject &t : m_diff.toSnapshot.objects)
            if ((t.kind == Kind::Table || t.kind == Kind::Partition) && !owned.isEmpty()
                && owned.startsWith(t.qualified + QLatin1Char('.'))
                && identifier.match(owned.mid(t.qualified.size() + 1)).hasMatch())
                return &t;
        return nullptr;
    }
    QString unlessAllLocal(const SchemaObject &table) const;
    QString dropColumn(const SchemaObject &column) const;
    QStringList carryCounter(const SchemaObject &from, const SchemaObject &to);
    void counterEdges(const std::function<void(const QString &, const QString &)> &edge) const;
    void persistenceEdges(const std::function<void(const QString &, const QString &)> &edge) const;
    QStringList ordered();
};


} // namespace statescope::catalog::script
