// The catalog reader's statements that live outside catalogread.cpp (catalogdefsql.cpp: a
// snapshot's definitions; catalogdepends.cpp: dependencies, comments, statistics, rules,
// default privileges), all sent in its one pipeline.
#pragma once

// Every schema but the system's, TOAST and temporary ones (a user cannot make a schema whose
// name starts with pg_).
#define STATESCOPE_USER_SCHEMA                                                                  \
    " n.nspname NOT IN ('pg_catalog', 'information_schema')"                                    \
    " AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%' "

namespace statescope::catalog {

extern const char *const kExtensionMembersSql, *const kConstraintsSql, *const kTriggersSql, *const kTypesSql,
    *const kSequencesSql, *const kFunctionsSql, *const kGrantsSql, *const kServersSql, *const kUserMappingsSql,
    *const kExtensionsSql, *const kSchemasSql, *const kCollationsSql;
extern const char *const kDependenciesSql, *const kCommentsSql, *const kStatisticsSql, *const kRulesSql,
    *const kDefaultPrivilegesSql, *const kOwnersSql;

} // namespace statescope::catalog
