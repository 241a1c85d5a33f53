#pragma once

#include "core/browse/resultformat.h"
#include "core/weekly/family.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>
#include <vector>

namespace statescope {
class CancelToken;
}

namespace statescope::browse {

// One message from a family query: rows of one week, that week's end, or its failure.
struct FamilyBatch
{
    // Started: the week's connection is open and its statement goes out now (a week that
    // takes a while says "running" before its first rows).
    enum class Kind { Started, Rows, Done, Failed, Unavailable };
    Kind kind = Kind::Rows;
    int week = 0;        // index into the weeks (or targets) given
    QString label;       // the target's label (a shard's name); empty for a week
    QString database;
    QString server;
    QStringList columns; // the week's own result columns (Rows)
    QList<unsigned> types; // their type OIDs (PQftype), in the same order
    std::vector<std::vector<std::optional<QByteArray>>> rows; // the server's text, NULL as nullopt
    qint64 rowsSoFar = 0; // this week's rows up to and with this batch
    double elapsedMs = 0; // Done, Failed: how long the week took
    QString error;        // Failed, Unavailable: why, for people
    QString sqlstate;
};

// One read-only statement run on every week of a family (or those chosen), at most
// `parallelism` connections at once, each week's rows streamed back through a server-side
// cursor as they come (a batch at a time) with the week it came from. Each week runs as any
// typed statement does (browse::UserTransaction: guarded, read-only, a timeout, cleaned up);
// a week that fails (or takes no connections) is reported and the others go on. Cancel stops
// every running statement on its server.
class FamilyQuery
{
    Q_DECLARE_TR_FUNCTIONS(statescope::browse::FamilyQuery)
public:
    struct Options
    {
        int parallelism = 2; // connections at once (1..16)
        int timeoutMs = 0;   // statement_timeout per week (0: none)
        int batchRows = 500;
    };

    // Checks the statement (one statement that returns rows) and the options; InvalidInput.
    static void check(const QString &sql, const Options &options);

    // Runs; `sink` is called from the query's threads one call at a time (never two at
    // once), in the order rows arrive; returning false stops everything (like Cancel).
    // Returns when every week has ended. Throws Cancelled when cancelled.
    static void run(const QList<weekly::FamilyWeek> &weeks, const QString &sql, const Options &options,
                    const std::function<bool(const FamilyBatch &)> &sink, CancelToken &cancel);

    // Any databases the statement runs on alike: the weeks of a family, the shards of a set.
    struct Target
    {
        QString label; // what the leading column shows for its rows
        QString database;
        QString server;
        pg::ConnectionSettings settings;
        QString unavailable; // not empty: why it is not asked (reported as Unavailable)
    };
    static void run(const QList<Target> &targets, const QString &sql, const Options &options,
                    const std::function<bool(const FamilyBatch &)> &sink, CancelToken &cancel);
    // The weeks as targets, each labelled by its ISO week.
    static QList<Target> targetsOf(const QList<weekly::FamilyWeek> &weeks);
};

// The columns of a family query's grid: week (and server when the weeks are on several),
// then the columns of the first week that answered; a later week's columns are matched by
// name (missing ones are NULL, extra ones left out and named; a name the result has twice is
// matched occurrence by occurrence). The grid's names are unique (resultformat::uniqueNames):
// a column of the user's named like a leading one is suffixed ("week_2").
class FamilyColumns
{
public:
    // leading: the first column's name ("week"; "shard" for a shard set).
    explicit FamilyColumns(bool withServer, QString leading = QStringLiteral("week"))
        : m_withServer(withServer), m_leading(std::move(leading))
    {
        setFrom({});
    }
    bool isSet() const { return !m_columns.isEmpty(); }
    // The first week's columns (and their type OIDs) fix the grid's.
    void setFrom(const QStringList &columns, const QList<unsigned> &types = {});
    // All column names of the grid, leading week (and server), each name once.
    QStringList header() const { return m_header; }
    // How each of the grid's columns is written as JSON (the leading ones are text).
    QList<resultformat::ColumnShape> shapes() const;
    // One row of a batch in the grid's columns; *dropped (when given) lists columns the
    // week has that the grid does not.
    std::vector<std::optional<QByteArray>> place(const FamilyBatch &batch, size_t row,
                                                 QStringList *dropped = nullptr) const;

private:
    bool m_withServer;
    QString m_leading;
    QStringList m_columns;
    QList<unsigned> m_types;
    QStringList m_header;
};

} // namespace statescope::browse
