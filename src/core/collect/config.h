#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <map>
#include <optional>
#include <vector>

namespace statescope::collect {

// One endpoint to fetch: a path template under the base URL ({name} filled from params,
// each combination fetched), paged through meta.page/limit/total when `paged`.
struct Endpoint
{
    QString path;                                // "/systems/{systemSymbol}/waypoints"
    std::map<QString, QStringList> params;       // systemSymbol -> ["X1-DF55", ...]
    bool paged = false;
    int limit = 20;                              // page size asked for (limit=)
    int intervalSeconds = 60;                    // how often it is fetched again

    // Every concrete path of the template: one per combination of parameter values.
    QStringList expand() const;
};

// The reset the game server reports: a GET of `path` whose JSON holds the reset date at
// the dotted `field` ("resetDate", "status.reset_date"); the week of that date names the
// database ({prefix}_{isoyear}_w{week}).
struct ResetSource
{
    QString path;
    QString field;
    int checkSeconds = 60; // how often the reset date is asked for
};

// What the collector fetches and how fast (docs/COLLECTOR.md has the file format).
struct Config
{
    Q_DECLARE_TR_FUNCTIONS(statescope::collect::Config)
public:
    QString baseUrl;
    std::vector<Endpoint> endpoints;
    std::optional<ResetSource> reset;
    double burst = 30;        // token bucket capacity (requests)
    double perSecond = 2;     // refill rate (requests per second)
    int timeoutSeconds = 10;  // one request
    int maxAttempts = 5;      // per request, counting the first (429, 5xx, timeouts)
    int batchRows = 50;       // responses stored per transaction
    int refreshMinutes = 5;   // statescope.latest_payloads refreshed this often (0: never)

    // Reads and checks a config document; Error(InvalidInput) naming the field otherwise.
    static Config fromJson(const QByteArray &text, const QString &origin);
    static Config fromFile(const QString &path);
    // Checks every field's range and the URL (also for a config built from options).
    void validate(const QString &origin) const;
};

} // namespace statescope::collect
