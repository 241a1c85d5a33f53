#pragma once

#include <QString>

namespace statescope::format {

// A byte count for people, in IEC units everywhere (B, KiB, MiB, GiB, TiB) with one
// decimal: "512 B", "1.5 KiB", "2.3 GiB". In the user's locale unless `c` is set (the CLI's
// text output, which scripts read).
QString bytes(qint64 count, bool c = false);

} // namespace statescope::format
