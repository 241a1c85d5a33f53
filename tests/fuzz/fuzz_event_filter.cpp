// The Events filter on arbitrary fields (status, contains JSON, SQL/JSON path, times, hash,
// request key, endpoints): validate() never crashes, and whatever it accepts compiles to a
// WHERE clause whose placeholders match its parameters, in both styles.
#include "core/error.h"
#include "core/events/eventfilter.h"

#include <QList>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace statescope;
using namespace statescope::events;

namespace {

// A broken invariant names itself before the process aborts (libFuzzer keeps the input).
void failed(const char *what, int line)
{
    std::fprintf(stderr, "fuzz: invariant broken at line %d: %s\n", line, what);
    std::abort();
}
#define check(ok) ((ok) ? void() : failed(#ok, __LINE__))

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // Fields separated by NUL bytes, in this order.
    const QList<QByteArray> f = QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)).split('\0');
    auto field = [&](int i) { return i < f.size() ? QString::fromUtf8(f[i]) : QString(); };
    EventFilter filter;
    filter.status = field(0);
    filter.contains = field(1);
    filter.jsonPath = field(2);
    filter.since = parseTime(field(3));
    filter.until = parseTime(field(4));
    filter.payloadHash = field(5);
    filter.requestKey = field(6);
    if (!field(7).isEmpty())
        filter.endpoints = field(7).split(QLatin1Char(','));
    if (filter.since)
        check(parseTime(filter.since->toIso()) == filter.since); // exact round trip
    (void)filter.describe();
    (void)filter.isEmpty();
    if (!validate(filter).empty())
        return 0;
    try {
        const SqlFilter sql(filter);
        check(!sql.where().isEmpty());
        check(sql.nextParam() == int(sql.params().size()) + 1);
        for (size_t i = 1; i <= sql.params().size(); ++i)
            check(sql.where().contains(QStringLiteral("$%1").arg(i)));
        // COPY takes no parameters: the same filter through session settings, no placeholders.
        const SqlFilter settings(filter, SqlFilter::Style::SessionSettings);
        (void)settings.settingsSql();
    } catch (const Error &) {
        // Refused input is fine; only a crash or a broken invariant is a finding.
    }
    return 0;
}
