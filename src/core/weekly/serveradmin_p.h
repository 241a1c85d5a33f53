// Internal to ServerAdmin's files: the maintenance database and the progress step.
#pragma once

#include "core/task/worker.h"

#include <QString>

namespace statescope::weekly::detail {

inline const QString kMaintenanceDb = QStringLiteral("postgres");

inline void step(TaskContext *ctx, int done, int total, const QString &text)
{
    if (ctx) {
        ctx->throwIfCancelled();
        ctx->progress(done, total, text);
    }
}

} // namespace statescope::weekly::detail
