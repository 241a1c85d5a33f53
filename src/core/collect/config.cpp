#include "config.h"

#include "core/error.h"

#include <QFile>
#include <QRegularExpression>
#include <QUrl>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <vector>

namespace statescope::collect {

namespace {

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

[[noreturn]] void bad(const QString &origin, const QString &what)
{
    throw Error::invalidInput(Config::tr("%1: %2").arg(origin, what),
                              Config::tr("docs/COLLECTOR.md describes the file."));
}

double number(const nlohmann::json &obj, const char *key, double fallback, const QString &origin)
{
    if (!obj.contains(key))
        return fallback;
    const auto &v = obj.at(key);
    if (!v.is_number())
        bad(origin, Config::tr("\"%1\" must be a number.").arg(QLatin1String(key)));
    return v.get<double>();
}

QString text(const nlohmann::json &obj, const char *key, const QString &origin, bool required)
{
    if (!obj.contains(key)) {
        if (required)
            bad(origin, Config::tr("\"%1\" is missing.").arg(QLatin1String(key)));
        return {};
    }
    const auto &v = obj.at(key);
    if (!v.is_string())
        bad(origin, Config::tr("\"%1\" must be a string.").arg(QLatin1String(key)));
    return q(v.get<std::string>());
}

const QRegularExpression &placeholder()
{
    static const QRegularExpression re(QStringLiteral("\\{([A-Za-z_][A-Za-z0-9_]*)\\}"));
    return re;
}

// A key the format does not have is refused, naming it (and the nearest known key): a
// misspelt "rate_limt" must not quietly run at the default rate.
void onlyKeys(const nlohmann::json &obj, std::initializer_list<const char *> known, const QString &where,
              const QString &origin)
{
    for (const auto &[key, value] : obj.items()) {
        Q_UNUSED(value);
        const QString k = q(key);
        QString nearest;
        int best = 1 << 30;
        bool found = false;
        for (const char *name : known) {
            const QString n = QLatin1String(name);
            if (n == k) {
                found = true;
                break;
            }
            // Edit distance, to name what was probably meant.
            std::vector<int> row(size_t(n.size()) + 1);
            for (int j = 0; j <= n.size(); ++j)
                row[size_t(j)] = j;
            for (int i = 1; i <= k.size(); ++i) {
                int diag = row[0];
                row[0] = i;
                for (int j = 1; j <= n.size(); ++j) {
                    const int up = row[size_t(j)];
                    row[size_t(j)] = std::min({up + 1, row[size_t(j - 1)] + 1,
                                               diag + (k[i - 1].toLower() == n[j - 1] ? 0 : 1)});
                    diag = up;
                }
            }
            if (row[size_t(n.size())] < best) {
                best = row[size_t(n.size())];
                nearest = n;
            }
        }
        if (found)
            continue;
        QStringList names;
        for (const char *name : known)
            names << QLatin1String(name);
        const bool close = best <= std::max<qsizetype>(2, k.size() / 3) || nearest.startsWith(k) || k.startsWith(nearest);
        bad(origin, close ? Config::tr("%1 has no key \"%2\"; did you mean \"%3\"? (Its keys: %4.)")
                                .arg(where, k, nearest, names.join(QStringLiteral(", ")))
                          : Config::tr("%1 has no key \"%2\". (Its keys: %3.)").arg(where, k, names.join(QStringLiteral(", "))));
    }
}

} // namespace

QStringList Endpoint::expand() const
{
    QStringList out{path};
    for (const auto &[name, values] : params) {
        QStringList next;
        for (const QString &p : std::as_const(out))
            for (const QString &v : values)
                next << QString(p).replace(QLatin1Char('{') + name + QLatin1Char('}'),
                                           QString::fromLatin1(QUrl::toPercentEncoding(v)));
        out = next;
    }
    return out;
}

Config Config::fromJson(const QByteArray &bytes, const QString &origin)
{
    nlohmann::json doc;
    try {
        doc = nlohmann::json::parse(bytes.constData(), bytes.constData() + bytes.size());
    } catch (const nlohmann::json::exception &e) {
        bad(origin, tr("not JSON: %1").arg(QString::fromUtf8(e.what())));
    }
    if (!doc.is_object())
        bad(origin, tr("the document must be an object."));
    onlyKeys(doc, {"base_url", "rate_limit", "timeout_s", "max_attempts", "batch_rows", "refresh_minutes", "reset",
                   "endpoints"},
             tr("The configuration"), origin);
    Config c;
    c.baseUrl = text(doc, "base_url", origin, true);
    if (doc.contains("rate_limit")) {
        const auto &r = doc.at("rate_limit");
        if (!r.is_object())
            bad(origin, tr("\"rate_limit\" must be an object."));
        onlyKeys(r, {"burst", "per_second"}, QStringLiteral("\"rate_limit\""), origin);
        c.burst = number(r, "burst", c.burst, origin);
        c.perSecond = number(r, "per_second", c.perSecond, origin);
    }
    c.timeoutSeconds = int(number(doc, "timeout_s", c.timeoutSeconds, origin));
    c.maxAttempts = int(number(doc, "max_attempts", c.maxAttempts, origin));
    c.batchRows = int(number(doc, "batch_rows", c.batchRows, origin));
    c.refreshMinutes = int(number(doc, "refresh_minutes", c.refreshMinutes, origin));
    if (doc.contains("reset")) {
        const auto &r = doc.at("reset");
        if (!r.is_object())
            bad(origin, tr("\"reset\" must be an object."));
        onlyKeys(r, {"path", "field", "check_s"}, QStringLiteral("\"reset\""), origin);
        c.reset = ResetSource{text(r, "path", origin, true), text(r, "field", origin, true),
                              int(number(r, "check_s", 60, origin))};
    }
    if (!doc.contains("endpoints") || !doc.at("endpoints").is_array())
        bad(origin, tr("\"endpoints\" must be an array."));
    for (const auto &e : doc.at("endpoints")) {
        if (!e.is_object())
            bad(origin, tr("each endpoint must be an object."));
        onlyKeys(e, {"path", "paged", "limit", "interval_s", "params"}, tr("An endpoint"), origin);
        Endpoint ep;
        ep.path = text(e, "path", origin, true);
        if (e.contains("paged") && !e.at("paged").is_boolean())
            bad(origin, tr("\"paged\" of %1 must be true or false.").arg(ep.path));
        ep.paged = e.value("paged", false);
        ep.limit = int(number(e, "limit", ep.limit, origin));
        ep.intervalSeconds = int(number(e, "interval_s", ep.intervalSeconds, origin));
        if (e.contains("params")) {
            if (!e.at("params").is_object())
                bad(origin, tr("\"params\" of %1 must be an object.").arg(ep.path));
            for (const auto &[name, values] : e.at("params").items()) {
                QStringList list;
                if (values.is_string())
                    list << q(values.get<std::string>());
                else if (values.is_array())
                    for (const auto &v : values) {
                        if (!v.is_string())
                            bad(origin, tr("values of \"%1\" must be strings.").arg(q(name)));
                        list << q(v.get<std::string>());
                    }
                else
                    bad(origin, tr("\"%1\" must be a string or an array of strings.").arg(q(name)));
                ep.params[q(name)] = list;
            }
        }
        c.endpoints.push_back(ep);
    }
    c.validate(origin);
    return c;
}

Config Config::fromFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        throw Error::invalidInput(tr("Cannot read the collector config %1: %2").arg(path, f.errorString()));
    return fromJson(f.readAll(), path);
}

void Config::validate(const QString &origin) const
{
    const QUrl url(baseUrl, QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))
        || url.host().isEmpty() || url.hasQuery() || url.hasFragment())
        bad(origin, tr("\"base_url\" must be an http(s) URL without query: %1").arg(baseUrl));
    if (!(burst >= 1 && burst <= 10000))
        bad(origin, tr("\"burst\" must be between 1 and 10000."));
    if (!(perSecond > 0 && perSecond <= 10000))
        bad(origin, tr("\"per_second\" must be above 0 and at most 10000."));
    if (timeoutSeconds < 1 || timeoutSeconds > 600)
        bad(origin, tr("\"timeout_s\" must be between 1 and 600."));
    if (maxAttempts < 1 || maxAttempts > 20)
        bad(origin, tr("\"max_attempts\" must be between 1 and 20."));
    if (batchRows < 1 || batchRows > 10000)
        bad(origin, tr("\"batch_rows\" must be between 1 and 10000."));
    if (refreshMinutes < 0 || refreshMinutes > 1440)
        bad(origin, tr("\"refresh_minutes\" must be between 0 and 1440."));
    if (endpoints.empty())
        bad(origin, tr("no endpoint to fetch."));
    auto checkPath = [&](const QString &path) {
        if (!path.startsWith(QLatin1Char('/')) || path.contains(QLatin1Char('?'))
            || path.contains(QLatin1Char('#')) || path.contains(QLatin1String("..")))
            bad(origin, tr("the path \"%1\" must start with / and hold no query, fragment or \"..\".").arg(path));
    };
    for (const Endpoint &e : endpoints) {
        checkPath(e.path);
        if (e.limit < 1 || e.limit > 1000)
            bad(origin, tr("\"limit\" of %1 must be between 1 and 1000.").arg(e.path));
        if (e.intervalSeconds < 1 || e.intervalSeconds > 86400)
            bad(origin, tr("\"interval_s\" of %1 must be between 1 and 86400.").arg(e.path));
        auto it = placeholder().globalMatch(e.path);
        while (it.hasNext()) {
            const QString name = it.next().captured(1);
            const auto p = e.params.find(name);
            if (p == e.params.end() || p->second.isEmpty())
                bad(origin, tr("%1 needs values for {%2} in \"params\".").arg(e.path, name));
        }
        for (const auto &[name, values] : e.params)
            if (!e.path.contains(QLatin1Char('{') + name + QLatin1Char('}')))
                bad(origin, tr("%1 has no {%2} for its parameter.").arg(e.path, name));
    }
    if (reset) {
        checkPath(reset->path);
        if (reset->checkSeconds < 1 || reset->checkSeconds > 86400)
            bad(origin, tr("\"check_s\" of \"reset\" must be between 1 and 86400."));
    }
}

} // namespace statescope::collect
