// Whether the database answers a query at all: what /health reports as "reachable". A pooled
// connection can look healthy (open, no transaction) while the server behind it is gone.
#pragma once

#include "store/database.hpp"

namespace kc::store {

// A round trip with the cheapest query; throws DbError when the database cannot be reached.
bool ping(Connection& conn);

}  // namespace kc::store
