// The JSON shape of a user in the API and in audit records (never the password hash).
#pragma once

#include <boost/json.hpp>

#include "store/user_repository.hpp"

namespace kc::app {

boost::json::object user_to_json(const store::UserRecord& user);

}  // namespace kc::app
