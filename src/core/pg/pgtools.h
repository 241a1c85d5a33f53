#pragma once

#include "core/pg/connectionsettings.h"

#include <QProcessEnvironment>
#include <QString>

namespace statescope::pg {

// The directory holding the PostgreSQL server and client programs (initdb, pg_ctl,
// pg_dump, pg_restore): $STATESCOPE_PG_BINDIR, then `pg_config --bindir`, then the newest
// /usr/lib/postgresql/*/bin, then PATH. Empty when none has initdb and pg_ctl.
QString serverBinDir();
// A client program (pg_dump, pg_restore): from serverBinDir() or PATH. Empty if absent.
QString clientProgram(const QString &name);

// The PG* variables that make a libpq-based program connect where settings point,
// so that no password ever appears on a command line.
QProcessEnvironment environmentFor(const ConnectionSettings &settings);

} // namespace statescope::pg
