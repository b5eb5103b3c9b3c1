// JSON text of a value with numbers in their shortest round-trip decimal form ("92.5", "100.0"),
// as people read them and as the spec writes them; Boost.JSON's own writer gives "9.25E1".
#pragma once

#include <boost/json.hpp>

#include <string>

namespace kc::json {

std::string to_text(const boost::json::value& v);

}  // namespace kc::json
