#pragma once

#include <QString>

namespace statescope {

// The version both programs print: the CMake project version, followed by
// "(git <describe>)" when the binary was built from a git checkout.
QString versionString();

} // namespace statescope
