#include "store/ping.hpp"

namespace kc::store {

bool ping(Connection& conn) { return conn.query_one("SELECT 1").has_value(); }

}  // namespace kc::store
