// What the small catalog reads (lookup.h) share.
#pragma once

#include "core/pg/result.h"

#include <QStringList>

namespace statescope::catalog {

// The first column of every row, in order.
inline QStringList firstColumn(const pg::Result &r)
{
    QStringList out;
    for (int i = 0; i < r.rowCount(); ++i)
        out << r.value(i, 0);
    return out;
}

} // namespace statescope::catalog
