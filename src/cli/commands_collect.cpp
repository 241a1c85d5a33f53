// statescope-cli collect: fill this week's database from a game's HTTP API.
#include "interrupt.h"
#include "output.h"

#include "core/collect/collector.h"
#include "core/error.h"
#include "core/secrets.h"

#include <QFileInfo>

#include <cstdio>

namespace statescope::cli {

namespace {

nlohmann::json statsJson(const collect::Stats &s)
{
    nlohmann::json byStatus = nlohmann::json::object();
    for (const auto &[status, n] : s.byStatus)
        byStatus[std::to_string(status)] = n;
    nlohmann::json switches = nlohmann::json::array();
    for (const QString &d : s.switches)
        switches.push_back(utf8(d));
    return {{"database", utf8(s.database)}, {"requests", s.requests}, {"retries", s.retries},
            {"rows", s.rows}, {"batches", s.batches}, {"no_answer", s.noAnswer},
            {"by_status", byStatus}, {"switched_to", switches},
            {"rate_limit", {{"burst", s.burst}, {"per_second", s.perSecond}, {"tokens", s.tokens}}}};
}

QString statusText(const collect::Stats &s)
{
    QStringList parts;
    for (const auto &[status, n] : s.byStatus)
        parts << QStringLiteral("%1 x%2").arg(status).arg(n);
    if (s.noAnswer)
        parts << QStringLiteral("no answer x%1").arg(s.noAnswer);
    return parts.join(QStringLiteral(", "));
}

} // namespace

int runCollect(const QStringList &args)
{
    Command cmd(QStringLiteral("collect"),
                QStringLiteral("Fetches a game's HTTP API into the current reset's database "
                               "({prefix}_{isoyear}_w{week}, created when missing): every response, "
                               "errors included, one row of raw.api_events with its canonical JSON "
                               "and SHA-256; a token-bucket rate limit, pages followed to the end, "
                               "429 and 5xx retried. Ctrl+C stops after storing the batch in flight "
                               "(exit 130). The file format: docs/COLLECTOR.md."));
    auto &p = cmd.parser();
    p.addOption({QStringLiteral("server"), QStringLiteral("The PostgreSQL server (not a pooler)."), QStringLiteral("CONN")});
    p.addOption({QStringLiteral("prefix"), QStringLiteral("The family: databases {prefix}_{isoyear}_w{week}."), QStringLiteral("P")});
    p.addOption({QStringLiteral("config"), QStringLiteral("The endpoints file (JSON)."), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("base-url"), QStringLiteral("Without --config: the API's base URL."), QStringLiteral("URL")});
    p.addOption({QStringLiteral("endpoint"), QStringLiteral("Without --config: a path to fetch (repeatable)."), QStringLiteral("PATH")});
    p.addOption({QStringLiteral("paged"), QStringLiteral("Without --config: follow meta.page/limit/total for every --endpoint.")});
    p.addOption({QStringLiteral("once"), QStringLiteral("Fetch each endpoint (all its pages) one time, then stop.")});
    p.addOption({QStringLiteral("duration"), QStringLiteral("Stop after S seconds (default: until Ctrl+C)."), QStringLiteral("S")});
    p.addOption({QStringLiteral("token-env"),
                 QStringLiteral("The environment variable holding the bearer token (default "
                                "STATESCOPE_API_TOKEN); when it is unset, the keychain's token "
                                "for the prefix."),
                 QStringLiteral("NAME")});
    cmd.parse(args);
    const QString prefix = cmd.required(QStringLiteral("prefix"));
    collect::Config config;
    if (p.isSet(QStringLiteral("config"))) {
        if (p.isSet(QStringLiteral("base-url")) || p.isSet(QStringLiteral("endpoint")))
            throw Error::invalidInput(QStringLiteral("Give --config, or --base-url with --endpoint, not both."));
        config = collect::Config::fromFile(p.value(QStringLiteral("config")));
    } else {
        config.baseUrl = cmd.required(QStringLiteral("base-url"));
        for (const QString &path : p.values(QStringLiteral("endpoint"))) {
            collect::Endpoint e;
            e.path = path;
            e.paged = p.isSet(QStringLiteral("paged"));
            config.endpoints.push_back(e);
        }
        config.validate(QStringLiteral("the options"));
    }
    collect::Options options;
    options.server = cmd.connection(QStringLiteral("server"));
    options.prefix = prefix;
    options.once = p.isSet(QStringLiteral("once"));
    options.durationSeconds = int(cmd.integer(QStringLiteral("duration"), 0, 1, 365 * 86400));
    const QString tokenEnv = p.isSet(QStringLiteral("token-env")) ? p.value(QStringLiteral("token-env"))
                                                                  : QStringLiteral("STATESCOPE_API_TOKEN");
    options.token = qEnvironmentVariable(tokenEnv.toLocal8Bit().constData());
    if (options.token.isEmpty()) {
        const secrets::Result r = secrets::readNow(secrets::tokenKey(prefix), 5000);
        if (r.ok())
            options.token = r.secret;
        else
            std::fprintf(stderr, "statescope-cli collect: no token in %s or the keychain; requests go "
                                 "without Authorization\n", qPrintable(tokenEnv));
    }

    CancelToken token;
    collect::Collector collector(config, options);
    collect::Stats stats;
    qint64 lastBatches = -1;
    {
        InterruptGuard guard(token);
        stats = collector.run(token, [&](const collect::Stats &s) {
            if (cmd.json() || s.batches == lastBatches)
                return;
            lastBatches = s.batches;
            std::fprintf(stderr, "%s: %lld requests, %lld rows stored, %lld retries (%s)\n",
                         qPrintable(s.database), static_cast<long long>(s.requests),
                         static_cast<long long>(s.rows), static_cast<long long>(s.retries),
                         qPrintable(statusText(s)));
        });
    }
    cmd.print(statsJson(stats),
              QStringLiteral("%1: %2 requests, %3 rows in %4 batches, %5 retries (%6)%7")
                  .arg(stats.database)
                  .arg(stats.requests)
                  .arg(stats.rows)
                  .arg(stats.batches)
                  .arg(stats.retries)
                  .arg(statusText(stats))
                  .arg(stats.switches.isEmpty() ? QString()
                                                : QStringLiteral("; reset: switched to ") + stats.switches.join(QStringLiteral(", "))));
    return InterruptGuard::interrupted() || token.isCancelled() ? Cancelled : Ok;
}

} // namespace statescope::cli
