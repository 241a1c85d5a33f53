// Every small parser of typed text: connection strings and URIs, times, whole numbers,
// database names, game ids, JSON Pointers. Each either refuses (nullopt or Error) or gives
// a value that round-trips.
#include "core/error.h"
#include "core/json/document.h"
#include "core/pg/connectionsettings.h"
#include "core/timestamp.h"
#include "core/validate.h"
#include "core/weekly/weeklyname.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace statescope;

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
    if (size == 0)
        return 0;
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    switch (data[0] % 6) {
    case 0:
        try {
            const pg::ConnectionSettings s = pg::ConnectionSettings::parse(text);
            (void)s.displayName();
            // What it stores it can read back.
            const pg::ConnectionSettings again = pg::ConnectionSettings::parse(s.storableString());
            check(again.storableString() == s.storableString());
        } catch (const Error &) {
        }
        break;
    case 1:
        if (const auto t = Timestamp::parse(text)) {
            check(Timestamp::parse(t->toIso()) == t);
            check(t->toDateTime().isValid());
        }
        break;
    case 2:
        if (const auto n = validate::wholeNumber(text))
            check(validate::wholeNumber(QString::number(*n)) == n);
        break;
    case 3:
        if (const auto id = validate::uuid(text))
            check(validate::uuid(id->toString(QUuid::WithoutBraces)) == id);
        break;
    case 4:
        if (const auto p = json::fromPointer(text))
            check(json::toPointer(*p) == text);
        break;
    case 5:
        try {
            const auto w = weekly::WeeklyName::parse(text);
            if (w)
                check(weekly::WeeklyName::parse(w->databaseName()) == w);
        } catch (const Error &) {
        }
        break;
    }
    return 0;
}
