// Placing records written before kinds had a district of their own (migration 9): a record that
// names an enterprise takes the enterprise's district; the rest take the district an operator
// names. Only empty district fields are written.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "store/database.hpp"

namespace kc::store {

struct BackfillCount {
  std::int64_t from_enterprise = 0;  // placed in their enterprise's district
  std::int64_t by_default = 0;       // placed in the district named
  std::int64_t left = 0;             // still without a district (no default named, no enterprise)
};

// By kind name, for every kind placed by a district field of its own. With `dry_run`, counts
// what would be written and writes nothing. The caller opens the transaction.
std::map<std::string, BackfillCount> backfill_districts(Connection& conn, const std::optional<std::string>& fallback,
                                                        bool dry_run);

}  // namespace kc::store
