#include "jobrunner.h"

namespace statescope::gui {

JobRunner::JobRunner(QObject *parent) : QObject(parent), m_worker(this) {}

} // namespace statescope::gui
