#pragma once

#include "core/browse/schema.h"

#include <QString>

namespace statescope::models {

// A relation's kind for people, in the interface's language ("Tabelle" in German);
// RelationInfo::kindName stays the English word that --json and logs carry.
QString relationKindLabel(browse::RelationInfo::Kind kind);

} // namespace statescope::models
