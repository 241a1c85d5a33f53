#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <map>

namespace statescope::pg {
class Connection;
}

namespace statescope::browse {

// A table under row-level security, as this session sees it.
struct ProtectedTable
{
    QString schema;
    QString table;
    QStringList settings;               // settings its policies read: current_setting('app.x')
    std::map<QString, QString> columns; // setting -> the column a policy compares it with
    bool bypassed = false;              // row_security_active() is false for this session
    QString bypassReason;               // "superuser", "BYPASSRLS", "the table's owner (no FORCE ...)"
    QString qualified() const { return schema + QLatin1Char('.') + table; }
};

// Row-level security in one database for the connected role: which tables it protects,
// the settings their policies read, and whether this session bypasses them (and why).
struct RowSecurity
{
    Q_DECLARE_TR_FUNCTIONS(statescope::browse::RowSecurity)
public:
    QString role;
    bool superuser = false;
    bool bypassRls = false;
    QList<ProtectedTable> tables;

    static RowSecurity read(pg::Connection &conn);

    QStringList settings() const; // every setting some policy reads, sorted
    const ProtectedTable *find(const QString &schema, const QString &table) const;
    // InvalidInput unless some policy reads `setting` and the value is not empty.
    void checkViewAs(const QString &setting, const QString &value) const;
    // What "view as" means for this table: empty when the policies apply it; else why the
    // session sees every row (and the filter it gets instead, when a policy names its column).
    QString bypassNote(const ProtectedTable &table, const QString &setting) const;
};

} // namespace statescope::browse
