#include "models/relationkind.h"

#include <QCoreApplication>

namespace statescope::models {

QString relationKindLabel(browse::RelationInfo::Kind kind)
{
    using Kind = browse::RelationInfo::Kind;
    switch (kind) {
    case Kind::Table: return QCoreApplication::translate("statescope::models::RelationKind", "table");
    case Kind::Partitioned: return QCoreApplication::translate("statescope::models::RelationKind", "partitioned table");
    case Kind::View: return QCoreApplication::translate("statescope::models::RelationKind", "view");
    case Kind::MaterializedView: return QCoreApplication::translate("statescope::models::RelationKind", "materialized view");
    case Kind::Partition: return QCoreApplication::translate("statescope::models::RelationKind", "partition");
    }
    return QCoreApplication::translate("statescope::models::RelationKind", "table");
}

} // namespace statescope::models
