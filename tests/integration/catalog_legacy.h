#pragma once

// The catalog readers before the one reader (core/catalog/catalogread.cpp), frozen: the
// oracle tst_catalog_reader compares the new reader's answers with.
#include "core/catalog/schemasnapshot.h"
#include "core/layout/catalog.h"

namespace statescope::test::legacy {

QList<layout::CatalogTable> readCatalog(pg::Connection &conn, bool includeStatescope);
catalog::SchemaSnapshot readSnapshot(pg::Connection &conn);

} // namespace statescope::test::legacy
