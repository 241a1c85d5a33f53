#include "core/events/eventfilter.h"

#include "core/error.h"
#include "core/json/document.h"
#include "core/validate.h"

#include <QRegularExpression>
#include <QTimeZone>

namespace statescope::events {

namespace {

constexpr int kFullHashLength = 64; // SHA-256 in hex; shorter: a prefix


QString tr(const char *text)
{
    // The context lupdate gives a free tr() in this namespace (translations/statescope_de.ts).
    return QCoreApplication::translate("statescope::events", text);
}

// A PostgreSQL array literal of quoted elements: {"a","b\"c"}.
QByteArray arrayLiteral(const QStringList &items)
{
    QByteArray out = "{";
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (i)
            out += ',';
        out += '"';
        for (const char c : items[i].toUtf8()) {
            if (c == '"' || c == '\\')
                out += '\\';
            out += c;
        }
        out += '"';
    }
    return out + '}';
}

struct StatusSpec
{
    QStringList codes;   // exact codes
    QStringList classes; // leading digits of NxX classes
};

std::optional<StatusSpec> parseStatus(const QString &text, QString *error)
{
    StatusSpec spec;
    static const validate::WholePattern exact(QStringLiteral("[0-9]{3}"));
    static const validate::WholePattern klass(QStringLiteral("([1-5])[xX]{2}"));
    for (const QString &raw : text.split(QLatin1Char(','))) {
        const QString token = raw.trimmed();
        if (token.isEmpty())
            continue;
        if (exact.match(token).hasMatch()) {
            const int code = token.toInt();
            if (code < 100 || code > 599) {
                *error = tr("Status %1 is out of range: HTTP codes run from 100 to 599.").arg(token);
                return std::nullopt;
            }
            spec.codes << QString::number(code);
        } else if (auto m = klass.match(token); m.hasMatch()) {
            spec.classes << m.captured(1);
        } else {
            *error = tr("\"%1\" is not a status: write a code (404), a class (4xx) or a "
                        "comma-separated list (429,5xx).")
                         .arg(token);
            return std::nullopt;
        }
    }
    if (spec.codes.isEmpty() && spec.classes.isEmpty()) {
        *error = tr("The status filter is empty.");
        return std::nullopt;
    }
    return spec;
}

QString likeEscaped(const QString &text)
{
    QString out;
    for (const QChar c : text) {
        if (c == QLatin1Char('\\') || c == QLatin1Char('%') || c == QLatin1Char('_'))
            out += QLatin1Char('\\');
        out += c;
    }
    return out;
}

// A path is checked by the server before use (EventStore::checkOnServer); here only what
// can be told without it: something to run, and balanced quotes and brackets.
QString jsonPathProblem(const QString &path)
{
    const QString p = path.trimmed();
    if (!p.contains(QLatin1Char('$')))
        return tr("A JSON path starts from $, for example $.data[*] ? (@.fuel.current == 0)");
    std::vector<QChar> stack;
    bool inString = false;
    for (qsizetype i = 0; i < p.size(); ++i) {
        const QChar c = p[i];
        if (inString) {
            if (c == QLatin1Char('\\'))
                ++i;
            else if (c == QLatin1Char('"'))
                inString = false;
            continue;
        }
        if (c == QLatin1Char('"'))
            inString = true;
        else if (c == QLatin1Char('(') || c == QLatin1Char('['))
            stack.push_back(c == QLatin1Char('(') ? QLatin1Char(')') : QLatin1Char(']'));
        else if (c == QLatin1Char(')') || c == QLatin1Char(']')) {
            if (stack.empty() || stack.back() != c)
                return tr("Unbalanced \"%1\" at character %2.").arg(c).arg(i + 1);
            stack.pop_back();
        }
    }
    if (inString)
        return tr("A string in the path is not closed.");
    if (!stack.empty())
        return tr("\"%1\" is missing at the end of the path.").arg(stack.back());
    return {};
}

} // namespace

bool EventFilter::isEmpty() const
{
    return endpoints.isEmpty() && status.trimmed().isEmpty() && !since && !until
        && requestKey.isEmpty() && contains.trimmed().isEmpty() && jsonPath.trimmed().isEmpty()
        && payloadHash.isEmpty() && ids.empty();
}

QString EventFilter::describe() const
{
    QStringList parts;
    if (!endpoints.isEmpty())
        parts << QStringLiteral("endpoint=%1").arg(endpoints.join(QLatin1Char('|')));
    if (!status.trimmed().isEmpty())
        parts << QStringLiteral("status=%1").arg(status.trimmed());
    if (since)
        parts << QStringLiteral("since=%1").arg(since->toIso());
    if (until)
        parts << QStringLiteral("until=%1").arg(until->toIso());
    if (!requestKey.isEmpty())
        parts << QStringLiteral("request_key~%1").arg(requestKey);
    if (!contains.trimmed().isEmpty())
        parts << QStringLiteral("payload@>%1").arg(contains.trimmed());
    if (!jsonPath.trimmed().isEmpty())
        parts << QStringLiteral("payload@?%1").arg(jsonPath.trimmed());
    if (!payloadHash.isEmpty())
        parts << QStringLiteral("hash=%1").arg(payloadHash);
    if (!ids.empty())
        parts << QStringLiteral("%1 selected").arg(ids.size());
    return parts.isEmpty() ? QStringLiteral("all events") : parts.join(QStringLiteral(", "));
}

std::vector<FieldError> validate(const EventFilter &f)
{
    using F = FieldError::Field;
    std::vector<FieldError> errors;
    for (const QString &e : f.endpoints)
        if (e.isEmpty())
            errors.push_back({F::Endpoints, tr("An endpoint in the filter is empty.")});
    if (!f.status.trimmed().isEmpty()) {
        QString error;
        if (!parseStatus(f.status, &error))
            errors.push_back({F::Status, error});
    }
    if (f.since && f.until && *f.since >= *f.until)
        errors.push_back({F::Until, tr("The end time must be after the start time.")});
    if (!f.contains.trimmed().isEmpty()) {
        const json::Document doc = json::Document::parse(f.contains.trimmed().toUtf8());
        if (!doc.isValid()) {
            const json::ParseError &e = *doc.error();
            errors.push_back({F::Contains, tr("Not valid JSON at line %1, column %2: %3")
                                               .arg(e.line)
                                               .arg(e.column)
                                               .arg(e.message)});
        }
    }
    if (!f.jsonPath.trimmed().isEmpty()) {
        const QString problem = jsonPathProblem(f.jsonPath);
        if (!problem.isEmpty())
            errors.push_back({F::JsonPath, problem});
    }
    static const validate::WholePattern hex(QStringLiteral("[0-9a-fA-F]{1,128}"));
    if (!f.payloadHash.isEmpty() && !hex.match(f.payloadHash).hasMatch())
        errors.push_back({F::Hash, tr("A payload hash is hexadecimal, for example the "
                                      "SHA-256 shown next to an event.")});
    return errors;
}

void requireValid(const EventFilter &filter)
{
    const auto errors = validate(filter);
    if (!errors.empty())
        throw Error::invalidInput(errors.front().message);
}

std::optional<Timestamp> parseTime(const QString &input)
{
    return Timestamp::parse(input);
}

SqlFilter::SqlFilter(const EventFilter &f, Style style, int firstParam)
    : m_style(style), m_next(firstParam)
{
    if (f.endpoints.size() == 1) {
        // One endpoint as a plain equality, so the (endpoint, fetched_at, id) index gives
        // the browsing order directly.
        add(QStringLiteral("endpoint = %1").arg(placeholder(QStringLiteral("text"))));
        m_params.emplace_back(f.endpoints.front());
    } else if (f.endpoints.size() > 1) {
        add(QStringLiteral("endpoint = ANY(%1)").arg(placeholder(QStringLiteral("text[]"))));
        m_params.emplace_back(arrayLiteral(f.endpoints));
    }
    if (!f.status.trimmed().isEmpty()) {
        QString error;
        const auto spec = parseStatus(f.status, &error);
        if (!spec)
            throw Error::invalidInput(error);
        const QString codes = placeholder(QStringLiteral("int[]"));
        m_params.emplace_back(arrayLiteral(spec->codes));
        const QString classes = placeholder(QStringLiteral("int[]"));
        m_params.emplace_back(arrayLiteral(spec->classes));
        add(QStringLiteral("(status_code = ANY(%1) OR status_code / 100 = ANY(%2))")
                .arg(codes, classes));
    }
    if (f.since) {
        add(QStringLiteral("fetched_at >= %1").arg(placeholder(QStringLiteral("timestamptz"))));
        m_params.emplace_back(f.since->toIso());
    }
    if (f.until) {
        add(QStringLiteral("fetched_at < %1").arg(placeholder(QStringLiteral("timestamptz"))));
        m_params.emplace_back(f.until->toIso());
    }
    if (!f.requestKey.isEmpty()) {
        add(QStringLiteral("request_key ILIKE %1").arg(placeholder(QStringLiteral("text"))));
        m_params.emplace_back(QLatin1Char('%') + likeEscaped(f.requestKey) + QLatin1Char('%'));
    }
    if (!f.contains.trimmed().isEmpty()) {
        add(QStringLiteral("payload @> %1").arg(placeholder(QStringLiteral("jsonb"))));
        m_params.emplace_back(f.contains.trimmed());
    }
    if (!f.jsonPath.trimmed().isEmpty()) {
        add(QStringLiteral("payload @? %1").arg(placeholder(QStringLiteral("jsonpath"))));
        m_params.emplace_back(f.jsonPath.trimmed());
    }
    if (f.payloadHash.size() >= kFullHashLength) {
        add(QStringLiteral("payload_hash = %1").arg(placeholder(QStringLiteral("text"))));
        m_params.emplace_back(f.payloadHash.toLower());
    } else if (!f.payloadHash.isEmpty()) {
        // The short form the list shows: a prefix (hex digits only, nothing for LIKE to
        // read as a pattern).
        add(QStringLiteral("payload_hash LIKE %1").arg(placeholder(QStringLiteral("text"))));
        m_params.emplace_back(f.payloadHash.toLower() + QLatin1Char('%'));
    }
    if (!f.ids.empty()) {
        QStringList ids;
        for (qint64 id : f.ids)
            ids << QString::number(id);
        add(QStringLiteral("id = ANY(%1)").arg(placeholder(QStringLiteral("bigint[]"))));
        m_params.emplace_back(arrayLiteral(ids));
    }
    m_where = m_conditions.isEmpty() ? QStringLiteral("TRUE")
                                     : m_conditions.join(QStringLiteral(" AND "));
}

QString SqlFilter::placeholder(const QString &type)
{
    const int n = m_next++;
    if (m_style == Style::Placeholders)
        return QStringLiteral("$%1::%2").arg(n).arg(type);
    return QStringLiteral("current_setting('statescope.f%1')::%2").arg(n).arg(type);
}

void SqlFilter::add(const QString &condition)
{
    m_conditions << condition;
}

QString SqlFilter::settingsSql() const
{
    QStringList calls;
    for (size_t i = 0; i < m_params.size(); ++i)
        calls << QStringLiteral("set_config('statescope.f%1', $%2, true)")
                     .arg(m_next - int(m_params.size()) + int(i))
                     .arg(i + 1);
    return calls.isEmpty() ? QString() : QStringLiteral("SELECT ") + calls.join(QStringLiteral(", "));
}

} // namespace statescope::events
