// Benchmark (not a test): the snapshots pane's tree and diff on big Galaxy states, next
// to nlohmann::json::parse of the same bytes in the same run (the floor); medians of
// --reps repetitions after one warm-up. Needs no database.
//
//   bench_snapshots [--reps R] [--sizes MB,MB,...]
//
//   --reps R   repetitions of each figure (default 9)
//   --sizes    state sizes in MB (default 1,20); each is a generated Galaxy state with as
//              many ships as fit, and a second state one tick interval later
//
// For each size:
// 1. first paint: JsonView::setRawText(bytes) until the tree's root row is expanded, its
//    children are rows of the model and the viewport has painted them (the view's own
//    parse included; above 1 MiB it parses on a worker), vs parse of the bytes; target 3x;
// 2. diffStates(a, b, keyed): what the pane's diff does (both parses, ships matched by
//    ship_id), vs parse of both texts; target 5x. Also vs parse of one text, and the
//    positional diff (json::diff as it is) for reference.
#include "bench/benchutil.h"
#include "core/demo/random.h"
#include "core/error.h"
#include "core/snapshots/statediff.h"
#include "gui/widgets/jsonview.h"

#include <QApplication>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QTimeZone>
#include <QTimer>
#include <QTreeView>
#include <algorithm>
#include <cstdio>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

using namespace statescope;
using Json = nlohmann::json;

using namespace statescope::bench;

namespace {

struct Figure
{
    QString what, baseline, target;
    double ours = 0, base = 0; // ms; the ratio is ours / base
    double limit = 0;          // 0: reference only, no target
};
std::vector<Figure> figures;

[[noreturn]] void fail(const QString &why)
{
    std::fprintf(stderr, "bench_snapshots: %s\n", qPrintable(why));
    std::exit(1);
}

void report(const Figure &f)
{
    const double ratio = f.ours / f.base;
    std::printf("%-52s %10.2f ms  %-40s %10.2f ms  ratio %5.2f  %s\n", qPrintable(f.what), f.ours,
                qPrintable(f.baseline), f.base, ratio,
                f.limit > 0 ? qPrintable(QStringLiteral("(target <= %1x: %2)")
                                             .arg(f.limit)
                                             .arg(ratio <= f.limit ? QStringLiteral("holds")
                                                                   : QStringLiteral("missed")))
                            : "(reference)");
    std::fflush(stdout);
    figures.push_back(f);
}

// Times ours() and base() alternately, `reps` times after one warm-up, calling after()
// untimed after each pair; returns both medians in ms.
std::pair<double, double> timePair(int reps, const std::function<void()> &ours,
                                   const std::function<void()> &base,
                                   const std::function<void()> &after = {})
{
    std::vector<double> a, b;
    for (int i = 0; i <= reps; ++i) {
        QElapsedTimer t;
        t.start();
        ours();
        const double oursMs = ms(t);
        t.restart();
        base();
        const double baseMs = ms(t);
        if (after)
            after();
        if (i > 0) {
            a.push_back(oursMs);
            b.push_back(baseMs);
        }
    }
    return {median(a), median(b)};
}

// Processes events until done() holds, as QTRY_VERIFY waits; false after timeoutMs.
bool waitFor(const std::function<bool()> &done, int timeoutMs = 120000)
{
    const QDeadlineTimer deadline(timeoutMs);
    QTimer heartbeat; // wakes the loop when nothing else arrives
    heartbeat.start(20);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    return true;
}

// ---- generated states ------------------------------------------------------------------

// jsonb's text form, which is what a snapshot's state arrives as: keys ordered by length,
// then bytes; ", " and ": " between items.
void printJsonb(const Json &v, std::string &out)
{
    if (v.is_object()) {
        std::vector<const std::string *> keys;
        for (auto it = v.begin(); it != v.end(); ++it)
            keys.push_back(&it.key());
        std::sort(keys.begin(), keys.end(), [](const std::string *a, const std::string *b) {
            return a->size() != b->size() ? a->size() < b->size() : *a < *b;
        });
        out += '{';
        for (std::size_t i = 0; i < keys.size(); ++i) {
            out += i ? ", " : "";
            out += Json(*keys[i]).dump();
            out += ": ";
            printJsonb(v.at(*keys[i]), out);
        }
        out += '}';
    } else if (v.is_array()) {
        out += '[';
        for (std::size_t i = 0; i < v.size(); ++i) {
            out += i ? ", " : "";
            printJsonb(v[i], out);
        }
        out += ']';
    } else {
        out += v.dump();
    }
}

double km(qint64 metres)
{
    return double(metres) / 1000.0; // one exact division, as the Galaxy demo does
}

Json vec(demo::Random &rng, qint64 range)
{
    return Json::array({km(rng.uniformInt64(-range, range)), km(rng.uniformInt64(-range, range)),
                        km(rng.uniformInt64(-range / 40, range / 40))});
}

// One ship as the Galaxy demo writes it, plus the nested parts a real game's state has:
// cargo (keyed by symbol), modules (an object of objects) and crew (keyed by name).
Json makeShip(demo::Random &rng, int serial)
{
    static const char *const kNames[] = {"Kestrel", "Osprey", "Marlin", "Tern",
                                         "Heron",   "Petrel", "Skua",   "Gannet"};
    static const char *const kGoods[] = {"ORE", "ICE", "FUEL", "ALLOY", "FOOD", "GEMS"};
    static const char *const kCrew[] = {"Ada", "Bo", "Cy", "Dee", "Eli", "Fay", "Gus"};
    static const char *const kRoles[] = {"pilot", "engineer", "gunner", "medic"};
    const qint64 capacity = rng.uniformInt64(2'000, 90'000);
    Json cargo = Json::array();
    const int goods = rng.uniformInt(1, 3), firstGood = rng.uniformInt(0, 5);
    for (int g = 0; g < goods; ++g)
        cargo.push_back({{"symbol", kGoods[(firstGood + g) % 6]},
                         {"units", rng.uniformInt(1, 500)},
                         {"unit_price", double(rng.uniformInt(100, 99'999)) / 100.0}});
    Json crew = Json::array();
    const int people = rng.uniformInt(1, 3), firstPerson = rng.uniformInt(0, 6);
    for (int p = 0; p < people; ++p)
        crew.push_back({{"name", kCrew[(firstPerson + p) % 7]},
                        {"role", kRoles[rng.index(4)]},
                        {"morale", rng.uniformInt(0, 100)}});
    return {{"ship_id", rng.uuid().toStdString()},
            {"player_id", rng.uuid().toStdString()},
            {"name", std::string(kNames[serial % 8]) + " " + std::to_string(serial)},
            {"position", vec(rng, 800'000'000)},
            {"velocity", vec(rng, 2'500)},
            {"fuel", double(rng.uniformInt64(0, capacity)) / 10.0},
            {"fuel_capacity", double(capacity) / 10.0},
            {"thrust", rng.chance(30) ? rng.uniformInt64(50, 400) * 1000 : 0},
            {"max_thrust", rng.uniformInt64(50, 400) * 1000},
            {"mass", rng.uniformInt64(20, 400) * 1000},
            {"status", rng.pick({"burning", "coasting", "docked"})},
            {"cargo", cargo},
            {"modules",
             {{"engine",
               {{"model", "MK-" + std::to_string(rng.uniformInt(1, 9))},
                {"health", rng.uniformInt(0, 100)}}},
              {"shield", {{"level", rng.uniformInt(0, 5)}, {"health", rng.uniformInt(0, 100)}}}}},
            {"crew", crew}};
}

Json state(qint64 tick, const std::vector<Json> &ships)
{
    Json bodies = Json::array();
    const char *const names[] = {"Helios", "Aster", "Brontes", "Cinder", "Dione"};
    for (int i = 0; i < 5; ++i)
        bodies.push_back({{"name", names[i]},
                          {"type", i ? "planet" : "star"},
                          {"mass", i ? 5.97e24 * i : 1.989e30},
                          {"radius", 2440 * (i + 1)},
                          {"position", Json::array({57'900.5 * i, -1'200.25 * i, 0})},
                          {"velocity", Json::array({-0.5 * i, 0.25 * i, 0})}});
    const QDateTime start(QDate(2025, 1, 6), QTime(0, 0), QTimeZone::utc());
    return {{"tick_number", tick},
            {"game_time", start.addSecs(tick).toString(Qt::ISODateWithMs).toStdString()},
            {"total_spawns", ships.size()},
            {"paused", false},
            {"tick_rate", 1},
            {"bodies", bodies},
            {"ships", ships}};
}

QByteArray text(const Json &doc)
{
    std::string out;
    printJsonb(doc, out);
    return QByteArray(out.data(), qsizetype(out.size()));
}

struct Pair
{
    QByteArray a, b;
    std::size_t shipsA = 0, shipsB = 0;
    int changed = 0, removed = 0, added = 0, moved = 0;
};

// A state of about `bytes` and the state one snapshot interval later: ~1% of the ships
// burned fuel and moved, a few left and a few joined (last), ~1% swapped places with a
// near neighbour. Deterministic for a given size.
Pair makePair(qint64 bytes)
{
    demo::Random rng = demo::Random::stream(quint64(bytes), "bench_snapshots");
    std::vector<Json> ships;
    qint64 size = 2000; // the state without ships, roughly
    while (size < bytes) {
        ships.push_back(makeShip(rng, int(ships.size())));
        std::string one;
        printJsonb(ships.back(), one);
        size += qint64(one.size()) + 2;
    }
    Pair p;
    p.a = text(state(5120, ships));
    p.shipsA = ships.size();

    const std::size_t n = ships.size();
    p.changed = int(std::max<std::size_t>(1, n / 100));
    for (int i = 0; i < p.changed; ++i) {
        Json &s = ships[rng.index(n)];
        s["fuel"] = std::max(0.0, s["fuel"].get<double>() - double(rng.uniformInt(1, 500)) / 10.0);
        for (auto &c : s["position"])
            c = c.get<double>() + km(rng.uniformInt64(-150'000, 150'000));
    }
    p.removed = p.added = 5;
    for (int i = 0; i < p.removed; ++i)
        ships.erase(ships.begin() + std::ptrdiff_t(rng.index(ships.size())));
    for (int i = 0; i < p.added; ++i)
        ships.push_back(makeShip(rng, int(n) + i));
    p.moved = int(std::max<std::size_t>(1, n / 100));
    for (int i = 0; i < p.moved; ++i) {
        const std::size_t at = rng.index(ships.size() - 10);
        std::swap(ships[at], ships[at + 1 + rng.index(9)]);
    }
    p.b = text(state(5180, ships));
    p.shipsB = ships.size();
    return p;
}

// ---- measurements ----------------------------------------------------------------------

Json parse(const QByteArray &bytes)
{
    return Json::parse(bytes.constData(), bytes.constData() + bytes.size());
}

// Watches the tree's viewport: `painted` turns true once it paints with the root row
// expanded and its children in the model.
class PaintWatch : public QObject
{
public:
    explicit PaintWatch(QTreeView *tree) : m_tree(tree)
    {
        tree->viewport()->installEventFilter(this);
    }
    bool shown() const
    {
        const QAbstractItemModel *m = m_tree->model();
        const QModelIndex root = m->index(0, 0);
        return m->rowCount() > 0 && m->rowCount(root) > 0 && m_tree->isExpanded(root);
    }
    bool painted = false;

protected:
    bool eventFilter(QObject *, QEvent *e) override
    {
        // The filter runs before the paint; waitFor() checks after processEvents()
        // returns, so the paint itself is inside the timing.
        if (e->type() == QEvent::Paint && shown())
            painted = true;
        return false;
    }

private:
    QTreeView *m_tree;
};

void benchSize(int megabytes, int reps)
{
    const Pair p = makePair(qint64(megabytes) * 1000 * 1000);
    std::printf("\n%d MB: state A %.2f MB, %zu ships; state B %.2f MB, %zu ships "
                "(%d changed fuel and position, %d removed, %d added, %d swaps)\n",
                megabytes, p.a.size() / 1e6, p.shipsA, p.b.size() / 1e6, p.shipsB, p.changed,
                p.removed, p.added, p.moved);
    const QString size = QStringLiteral("%1 MB").arg(p.a.size() / 1e6, 0, 'f', 1);

    // 1. first paint.
    gui::JsonView view;
    view.resize(1000, 700);
    view.show();
    QCoreApplication::processEvents();
    auto *tree = view.findChild<QTreeView *>(QStringLiteral("jsonTree"));
    if (!tree)
        fail(QStringLiteral("no jsonTree"));
    PaintWatch watch(tree);
    Json parsed;
    std::size_t children = 0;
    const auto [paint, parseOne] = timePair(
        reps,
        [&] {
            watch.painted = false;
            view.setRawText(p.a, QStringLiteral("tick 5120"));
            if (!waitFor([&] { return watch.painted; }))
                fail(QStringLiteral("the tree did not paint the document"));
        },
        [&] { parsed = parse(p.a); },
        [&] {
            children = std::size_t(tree->model()->rowCount(tree->model()->index(0, 0)));
            if (parsed.at("ships").size() != p.shipsA || children != parsed.size())
                fail(QStringLiteral("the tree or the parse lost members"));
            parsed = nullptr; // freed outside the timing
        });
    report({QStringLiteral("first paint, %1 (JsonView::setRawText)").arg(size),
            QStringLiteral("nlohmann::json::parse of the bytes"), QStringLiteral("3x"), paint,
            parseOne, 3});

    // 2. diff.
    Json parsedB;
    std::size_t keyedChanges = 0, positionalChanges = 0;
    const auto [keyed, parseBoth] = timePair(
        reps, [&] { keyedChanges = snapshots::diffStates(p.a, p.b, true).result.changes.size(); },
        [&] {
            parsed = parse(p.a);
            parsedB = parse(p.b);
        },
        [&] { parsed = parsedB = nullptr; });
    const auto [positional, parseBoth2] = timePair(
        reps,
        [&] { positionalChanges = snapshots::diffStates(p.a, p.b, false).result.changes.size(); },
        [&] {
            parsed = parse(p.a);
            parsedB = parse(p.b);
        },
        [&] { parsed = parsedB = nullptr; });
    std::printf("changes: keyed %zu, positional %zu\n", keyedChanges, positionalChanges);
    if (keyedChanges == 0 || keyedChanges >= positionalChanges)
        fail(QStringLiteral("keyed diff found %1 changes, positional %2")
                 .arg(keyedChanges)
                 .arg(positionalChanges));
    report({QStringLiteral("keyed diff, %1 (diffStates(a, b, true))").arg(size),
            QStringLiteral("nlohmann parse of both texts"), QStringLiteral("5x"), keyed, parseBoth,
            5});
    report({QStringLiteral("keyed diff, %1 (the same)").arg(size),
            QStringLiteral("nlohmann parse of text A only"), QString(), keyed, parseOne, 0});
    report({QStringLiteral("positional diff, %1 (diffStates(a, b, false))").arg(size),
            QStringLiteral("nlohmann parse of both texts"), QString(), positional, parseBoth2, 0});
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("default.debug=false"));
    const QStringList args = app.arguments();
    const int reps =
        std::max(1, option(args, QStringLiteral("--reps"), QStringLiteral("9")).toInt());
    const QStringList sizes =
        option(args, QStringLiteral("--sizes"), QStringLiteral("1,20")).split(QLatin1Char(','));
    std::printf("medians of %d after one warm-up\n", reps);
    try {
        for (const QString &s : sizes) {
            const int mb = s.toInt();
            if (mb <= 0)
                fail(QStringLiteral("bad size %1").arg(s));
            benchSize(mb, reps);
        }
    } catch (const Error &e) {
        fail(e.message());
    }
    std::printf("\n| measurement | ours | baseline (same run) | ratio | target | holds |\n"
                "|---|---:|---|---:|---:|---|\n");
    for (const Figure &f : figures)
        std::printf("| %s | %.1f ms | %s: %.1f ms | %.2f | %s | %s |\n", qPrintable(f.what), f.ours,
                    qPrintable(f.baseline), f.base, f.ours / f.base,
                    f.limit > 0 ? qPrintable(QStringLiteral("<= %1").arg(f.target)) : "",
                    f.limit > 0 ? (f.ours / f.base <= f.limit ? "yes" : "no") : "");
    return 0;
}
