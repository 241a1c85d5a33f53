// Every small parser of typed text: connection strings and URIs, times, whole numbers,
// database names, game ids, JSON Pointers, a value as the server prints it written as JSON
// (numbers, booleans, arrays). Each either refuses (nullopt or Error) or gives a value that
// round-trips, or (a value as JSON) always valid JSON.
#include "core/browse/resultformat.h"
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
    switch (data[0] % 7) {
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
    case 6: {
        // Whatever the text, a number, boolean, text or array column's value is valid JSON
        // (json and jsonb are the server's own valid text, embedded as they are: not here).
        namespace rf = browse::resultformat;
        const QByteArrayView bytes(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
        for (const unsigned oid : {23u, 1700u, 16u, 25u, 1007u, 1231u, 1000u, 1009u, 1020u}) {
            const std::string out = rf::jsonValue(rf::shapeOf(oid), bytes);
            check(json::Document::parse(QByteArray::fromStdString(out)).isValid());
        }
        break;
    }
    }
    return 0;
}
