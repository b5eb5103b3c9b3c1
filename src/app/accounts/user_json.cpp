#include "app/accounts/user_json.hpp"

#include "domain/timestamp.hpp"

namespace kc::app {

boost::json::object user_to_json(const store::UserRecord& u) {
  boost::json::object o;
  o["id"] = u.id;
  o["username"] = u.username;
  o["display_name"] = u.display_name;
  o["role"] = u.role;
  o["department"] = u.department;
  o["disabled"] = u.disabled;
  o["must_change_password"] = u.must_change_password;
  if (u.locked_until && *u.locked_until > domain::now_epoch_seconds()) {
    o["locked_until"] = domain::to_iso_utc(*u.locked_until);
  } else {
    o["locked_until"] = nullptr;
  }
  if (u.enterprise_id) o["enterprise_id"] = *u.enterprise_id;
  else o["enterprise_id"] = nullptr;
  if (u.region_code) o["region_code"] = *u.region_code;
  else o["region_code"] = nullptr;
  o["created_at"] = u.created_at;
  if (u.last_login_at) o["last_login_at"] = *u.last_login_at;
  else o["last_login_at"] = nullptr;
  return o;
}

}  // namespace kc::app
