#include "collector.h"

#include "batchstore.h"
#include "http.h"

#include "core/error.h"
#include "core/pg/connection.h"
#include "core/task/canceltoken.h"
#include "core/weekly/serveradmin.h"
#include "core/weekly/weeklyname.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QThread>

#include <nlohmann/json.hpp>

#include <cmath>

namespace statescope::collect {

namespace {

constexpr int kMaxPages = 100000;

// The value at a dotted path ("status.resetDate") of a JSON body, as text.
std::optional<QString> field(const QByteArray &body, const QString &path)
{
    try {
        nlohmann::json v = nlohmann::json::parse(body.constData(), body.constData() + body.size());
        for (const QString &step : path.split(QLatin1Char('.'))) {
            if (!v.is_object() || !v.contains(step.toStdString()))
                return std::nullopt;
            v = v.at(step.toStdString());
        }
        if (v.is_string())
            return QString::fromStdString(v.get<std::string>());
    } catch (const nlohmann::json::exception &) {
    }
    return std::nullopt;
}

bool success(const Response &r)
{
    return r.status && *r.status >= 200 && *r.status < 300;
}

} // namespace

Collector::Collector(Config config, Options options)
    : m_config(std::move(config)), m_options(std::move(options)),
      m_bucket(m_config.burst, m_config.perSecond, 0)
{
    m_config.validate(tr("the collector's settings"));
    weekly::WeeklyName::forDate(m_options.prefix, QDate(2025, 1, 6)); // validates the prefix
    m_stats.burst = m_config.burst;
    m_stats.perSecond = m_config.perSecond;
}

Collector::~Collector() = default;

QString Collector::tokenRef(const QString &token)
{
    if (token.isEmpty())
        return QStringLiteral("none");
    return QString::fromLatin1(QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex().left(16));
}

double Collector::now() const
{
    return m_clockStart.msecsTo(QDateTime::currentDateTimeUtc()) / 1000.0;
}

void Collector::sleepFor(double seconds, CancelToken &cancel)
{
    const double until = now() + seconds;
    while (!cancel.isCancelled()) {
        const double left = until - now();
        if (left <= 0)
            return;
        QThread::msleep(static_cast<unsigned long>(std::ceil(std::min(left, 0.1) * 1000)));
    }
}

void Collector::report()
{
    const double t = now();
    while (!m_recent.empty() && m_recent.front() < t - 60)
        m_recent.erase(m_recent.begin());
    m_stats.requestsPerMinute = double(m_recent.size()) * 60 / std::max(1.0, std::min(60.0, t));
    m_stats.tokens = m_bucket.tokens(t);
    m_stats.pending = qint64(m_batch.size());
    if (m_progress)
        m_progress(m_stats);
}

void Collector::keep(const Response &r)
{
    m_batch.push_back(toRow(r));
    if (r.status)
        ++m_stats.byStatus[*r.status];
    else
        ++m_stats.noAnswer;
    if (int(m_batch.size()) >= m_config.batchRows)
        flush();
    else
        report();
}

void Collector::flush()
{
    if (m_batch.empty() || !m_store)
        return;
    m_stats.rows += m_store->store(m_batch);
    ++m_stats.batches;
    m_batch.clear();
    report();
}

Response Collector::request(const QString &path, const QString &endpoint, const QString &query,
                            CancelToken &cancel, bool keepAnswer)
{
    QString url = m_config.baseUrl;
    while (url.endsWith(QLatin1Char('/')))
        url.chop(1);
    url += path;
    if (!query.isEmpty())
        url += QLatin1Char('?') + query;
    Response r;
    for (int attempt = 1;; ++attempt) {
        for (double w = m_bucket.wait(now()); w > 0 && !cancel.isCancelled(); w = m_bucket.wait(now()))
            sleepFor(w, cancel);
        if (cancel.isCancelled()) {
            r = Response{};
            r.error = QStringLiteral("cancelled");
            return r;
        }
        m_bucket.take(now());
        m_recent.push_back(now());
        ++m_stats.requests;
        r = m_http->get(url, endpoint, cancel);
        if (cancel.isCancelled() && !r.status)
            return r; // aborted by the stop: not a response
        const bool again = (!r.status || *r.status == 429 || *r.status >= 500) && attempt < m_config.maxAttempts;
        if (r.status && *r.status == 429)
            m_bucket.drain(now()); // the server's count is the one that matters
        if (!again) {
            if (keepAnswer)
                keep(r);
            return r;
        }
        keep(r); // every response is a row, the failed ones too
        // Retry-After when the server said; otherwise exponential backoff, half jitter.
        const double delay = r.retryAfterSeconds >= 0
                                 ? r.retryAfterSeconds
                                 : std::min(30.0, m_options.backoffBaseSeconds * std::pow(2.0, attempt - 1))
                                       * (0.5 + 0.5 * QRandomGenerator::global()->generateDouble());
        ++m_stats.retries;
        report();
        sleepFor(delay, cancel);
    }
}

void Collector::fetchEndpoint(const Endpoint &e, CancelToken &cancel)
{
    for (const QString &path : e.expand()) {
        if (!e.paged) {
            request(path, e.path, {}, cancel);
            continue;
        }
        for (int page = 1; page <= kMaxPages && !cancel.isCancelled(); ++page) {
            const Response r = request(path, e.path, QStringLiteral("page=%1&limit=%2").arg(page).arg(e.limit), cancel);
            if (!success(r))
                break;
            // SpaceTraders: {"data": [...], "meta": {"total": 53, "page": 1, "limit": 20}}.
            qint64 total = -1;
            bool empty = true;
            try {
                const auto doc = nlohmann::json::parse(r.body.constData(), r.body.constData() + r.body.size());
                if (doc.contains("meta") && doc["meta"].contains("total") && doc["meta"]["total"].is_number())
                    total = doc["meta"]["total"].get<qint64>();
                empty = !doc.contains("data") || !doc["data"].is_array() || doc["data"].empty();
            } catch (const nlohmann::json::exception &) {
            }
            if (total < 0 || empty || qint64(page) * e.limit >= total)
                break;
        }
    }
}

QString Collector::databaseForNow(CancelToken &cancel, std::optional<Response> *answer)
{
    QDate date = QDateTime::currentDateTimeUtc().date();
    if (m_config.reset) {
        // Kept by the caller once it knows the database: the answer that reports a new
        // reset belongs to the new week.
        const Response r = request(m_config.reset->path, m_config.reset->path, {}, cancel, false);
        if (r.status || r.error != QLatin1String("cancelled"))
            *answer = r;
        const std::optional<QString> value = success(r) ? field(r.body, m_config.reset->field) : std::nullopt;
        const QDate reported = value ? QDate::fromString(value->left(10), Qt::ISODate) : QDate();
        if (!reported.isValid()) {
            if (m_store)
                return m_store->database(); // keep going where we are; ask again later
            throw Error(Error::Kind::Query,
                        tr("The reset date could not be read from %1 (field %2): %3")
                            .arg(m_config.reset->path, m_config.reset->field,
                                 r.status ? tr("status %1").arg(*r.status) : r.error));
        }
        date = reported;
    }
    return weekly::WeeklyName::forDate(m_options.prefix, date).databaseName();
}

void Collector::checkReset(CancelToken &cancel)
{
    std::optional<Response> answer;
    switchTo(databaseForNow(cancel, &answer));
    if (answer)
        keep(*answer);
}

void Collector::switchTo(const QString &database)
{
    if (m_store && m_store->database() == database)
        return;
    const weekly::ServerAdmin admin(m_options.server);
    if (!admin.exists(database))
        admin.create(database, tr("collector: the reset's database"));
    auto store = std::make_unique<BatchStore>(admin.databaseSettings(database), m_options.prefix,
                                              tokenRef(m_options.token));
    store->prepare();
    if (m_store) {
        flush(); // the rows fetched before the reset belong to the old week
        m_stats.switches << database;
    }
    m_store = std::move(store);
    m_stats.database = database;
}

Stats Collector::run(CancelToken &cancel, const std::function<void(const Stats &)> &progress)
{
    m_progress = progress;
    m_clockStart = QDateTime::currentDateTimeUtc();
    m_stats.started = m_clockStart;
    m_bucket = TokenBucket(m_config.burst, m_config.perSecond, 0);

    // One collector per token and family: two would double the rate the game allows.
    auto lock = pg::Connection::open(m_options.server, pg::Connection::Access::ReadWrite);
    const QString lockKey = tokenRef(m_options.token) + QLatin1Char(':') + m_options.prefix;
    if (!lock->exec(QStringLiteral("SELECT pg_try_advisory_lock(hashtext('statescope.collector'), hashtext($1))"),
                    {lockKey})
             .toBool(0, 0))
        throw Error(Error::Kind::Conflict,
                    tr("Another collector is running for this token and the family %1.").arg(m_options.prefix),
                    {}, tr("Stop it first: two collectors would double the rate the game allows."));

    m_http = std::make_unique<HttpClient>(m_options.token, m_config.timeoutSeconds);
    checkReset(cancel);
    std::vector<double> due(m_config.endpoints.size(), 0);
    std::vector<bool> fetched(m_config.endpoints.size(), false);
    double lastResetCheck = now();
    double lastRefresh = now();
    try {
        while (!cancel.isCancelled()) {
            if (m_options.durationSeconds > 0 && now() >= m_options.durationSeconds)
                break;
            if (m_options.once && std::all_of(fetched.begin(), fetched.end(), [](bool b) { return b; }))
                break;
            const size_t next = size_t(std::min_element(due.begin(), due.end()) - due.begin());
            if (due[next] > now()) {
                flush(); // nothing to fetch now: store what we have
                if (m_config.refreshMinutes > 0 && now() - lastRefresh >= m_config.refreshMinutes * 60) {
                    m_store->refreshLatest();
                    lastRefresh = now();
                }
                sleepFor(std::min(due[next] - now(), 1.0), cancel);
                continue;
            }
            if (m_config.reset && now() - lastResetCheck >= m_config.reset->checkSeconds) {
                checkReset(cancel);
                lastResetCheck = now();
            }
            fetchEndpoint(m_config.endpoints[next], cancel);
            fetched[next] = true;
            due[next] = now() + m_config.endpoints[next].intervalSeconds;
        }
        flush(); // the batch in flight, also after a stop
        if (m_config.refreshMinutes > 0)
            m_store->refreshLatest();
    } catch (...) {
        try {
            flush();
        } catch (const Error &) {
            // the first error is the one to report; these rows are the batch in flight
        }
        throw;
    }
    report();
    return m_stats;
}

} // namespace statescope::collect
