#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace statescope::pg {
class Connection;
}

namespace statescope::layout {

// A schema-migration history found in a database: Statescope's own or another tool's.
struct History
{
    QString tool;    // "Flyway", "Alembic", "sqlx", "golang-migrate", "version table", "Statescope"
    QString table;   // schema.table
    QString version; // latest applied ("009", "3.1", "20240101120000"); several Alembic heads joined by ", "
    QStringList notes; // "2 failed", "dirty", "1 repeatable", "2 heads"
    bool problem = false; // a failed or dirty migration is recorded

    QString summary() const; // "Alembic 009" / "Flyway 3 (1 failed)"
};

class Histories
{
    Q_DECLARE_TR_FUNCTIONS(statescope::layout::Histories)
public:
    // Every history table of the database, read in full (read-only). Tables whose rows do
    // not look like their tool's are reported with a note rather than guessed at.
    static QList<History> read(pg::Connection &conn);
    // The histories of tools other than Statescope.
    static QList<History> foreign(const QList<History> &all);
};

} // namespace statescope::layout
