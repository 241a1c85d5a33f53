#include "version.h"

#include "statescope_version.h"

namespace statescope {

QString versionString()
{
    return QStringLiteral(STATESCOPE_VERSION_FULL);
}

} // namespace statescope
