#pragma once

#include <QString>

namespace statescope::paths {

// Where Statescope keeps its own files. STATESCOPE_HOME overrides the base (tests use it
// so they never touch the user's home); otherwise the XDG data location.
QString dataDir();
QString backupDir();   // dumps taken before reset and drop
QString journalPath(); // local audit journal (JSON lines) for server-level actions
QString osUser();

} // namespace statescope::paths
