#pragma once

#include "core/demo/demogenerator.h"

#include <QStringList>

namespace statescope::weekly {
class ServerAdmin;
}

namespace statescope::demo {

// The embedded default's family: spacetraders_2025_w01 .. _w03, each created, migrated
// and seeded (seed and reset start derived from its week) unless it already exists.
struct FamilyOptions
{
    QString prefix = QStringLiteral("spacetraders");
    int isoYear = 2025;
    int firstWeek = 1;
    int weeks = 3;
    DemoOptions base;
};

QStringList ensureDemoFamily(const weekly::ServerAdmin &admin, const FamilyOptions &options,
                             TaskContext *ctx = nullptr);

} // namespace statescope::demo
