#pragma once

#include "core/pg/connection.h"
#include "core/pg/connectionsettings.h"

#include <QString>

#include <memory>

namespace statescope::test {

// The real PostgreSQL server the tests talk to. Under ctest a fixture starts one sandbox
// for the whole suite (STATESCOPE_TEST_SANDBOX names its directory); a test binary run
// alone starts its own in a temporary directory and stops it at exit.
// With STATESCOPE_TEST_VIA=pgbouncer (ctest's second pass over the integration suite) the
// harness puts a real PgBouncer in transaction mode in front of it and serverSettings()
// leads through it, so every test runs as a user behind a pooler would.
pg::ConnectionSettings serverSettings();
// The server itself, never through the pooler: for what a pooler cannot carry
// (replication, a pooler of the test's own).
pg::ConnectionSettings directServerSettings();
bool viaPgBouncer();
// The sandbox's directory (for tests that need to know it).
QString sandboxDir();

// A database name unique to this process and call: t_<hint>_<pid>_<n>.
QString uniqueName(const QString &hint);
// Creates a fresh database migrated to the latest version and returns its settings.
pg::ConnectionSettings freshDatabase(const QString &hint);
// Creates an empty, unmigrated database.
pg::ConnectionSettings emptyDatabase(const QString &hint);
void dropDatabase(const QString &name);

std::unique_ptr<pg::Connection> connect(const pg::ConnectionSettings &settings);

} // namespace statescope::test
