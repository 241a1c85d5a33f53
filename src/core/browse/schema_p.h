#pragma once

// What readDetails and readPagingDetails share (schema.cpp, pagingdetails.cpp).
#include "core/browse/schema.h"

namespace statescope::browse::detail {

RelationInfo::Kind kindOf(char relkind);
// A column as the catalog describes it: typname and typcategory (pg_type) decide its class.
ColumnInfo columnOf(const QString &name, const QString &type, const QString &typname, const QString &category,
                    bool notNull, const QString &defaultExpression, unsigned typeOid);
// The key pages go by and the columns an index leads with, from the columns and indexes read.
void chooseKey(RelationDetails &d);

} // namespace statescope::browse::detail
