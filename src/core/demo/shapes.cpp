#include "core/demo/shapes.h"

#include "core/error.h"
#include "core/migrate/migrator.h"
#include "core/pg/connection.h"
#include "core/task/worker.h"
#include "core/weekly/serveradmin.h"

#include <QFile>

namespace statescope::demo {

namespace {

QString script(Shape shape)
{
    QFile f(QStringLiteral(":/sql/shapes/%1.sql").arg(shapeName(shape)));
    if (!f.open(QIODevice::ReadOnly))
        throw Error(Error::Kind::Internal, QStringLiteral("The %1 layout script is missing.").arg(shapeName(shape)));
    return QString::fromUtf8(f.readAll());
}

} // namespace

QString shapeName(Shape shape)
{
    switch (shape) {
    case Shape::SpaceTraders: return QStringLiteral("spacetraders");
    case Shape::PaperDynasty: return QStringLiteral("paperdynasty");
    case Shape::Galaxy: return QStringLiteral("galaxy");
    case Shape::Marketland: return QStringLiteral("marketland");
    }
    return {};
}

QStringList shapeNames()
{
    return {shapeName(Shape::SpaceTraders), shapeName(Shape::PaperDynasty), shapeName(Shape::Galaxy),
            shapeName(Shape::Marketland)};
}

std::optional<Shape> shapeFromName(const QString &name)
{
    for (Shape s : {Shape::SpaceTraders, Shape::PaperDynasty, Shape::Galaxy, Shape::Marketland})
        if (shapeName(s) == name)
            return s;
    return std::nullopt;
}

void seedShape(pg::Connection &conn, Shape shape, const DemoOptions &options, TaskContext *ctx)
{
    conn.requirePrimary(QCoreApplication::translate("statescope::demo", "Seeding %1").arg(conn.database()));
    if (shape != Shape::Marketland) {
        migrate::Migrator().migrate(conn, ctx);
        DemoOptions o = options;
        if (shape == Shape::PaperDynasty)
            o.events = 0, o.snapshots = 0;
        else if (shape == Shape::Galaxy)
            o.events = 0, o.games = 0;
        else
            o.games = 0, o.snapshots = 0;
        seed(conn, o, ctx);
    }
    reshape(conn, shape);
}

void reshape(pg::Connection &conn, Shape shape)
{
    const QString sql = script(shape);
    conn.transaction([&] {
        conn.exec(QStringLiteral("SET LOCAL search_path TO public"));
        conn.execScript(sql);
    });
}

QStringList ensureShapeDemos(const weekly::ServerAdmin &admin, TaskContext *ctx)
{
    QStringList names;
    const Shape shapes[] = {Shape::PaperDynasty, Shape::Galaxy, Shape::Marketland};
    int i = 0;
    for (Shape shape : shapes) {
        const QString name = shapeName(shape) + QStringLiteral("_2025_w01");
        names << name;
        if (ctx) {
            ctx->throwIfCancelled();
            ctx->progress(i++, 3, QCoreApplication::translate("statescope::demo", "Preparing %1").arg(name));
        }
        if (admin.exists(name))
            continue;
        admin.create(name, QStringLiteral("demo data in the %1 layout").arg(shapeName(shape)));
        auto conn = pg::Connection::open(admin.databaseSettings(name), pg::Connection::Access::ReadWrite,
                                         ctx ? &ctx->cancelToken() : nullptr);
        try {
            seedShape(*conn, shape, {}, ctx);
        } catch (...) {
            conn.reset();
            weekly::ActionOptions drop;
            drop.dump = false;
            drop.reason = QStringLiteral("demo seeding did not finish");
            admin.drop(name, name, drop);
            throw;
        }
    }
    return names;
}

} // namespace statescope::demo
