// Password rules beyond length and character classes (crypto/crypto.hpp): a block-list of common
// passwords (src/app/accounts/data/common_passwords.txt, embedded at build time) and the account's own
// name. Applied wherever a password is chosen: an administrator's create (API and CLI) and the
// user's own change; generated passwords are drawn until they pass.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "app/outcome.hpp"

namespace kc::app {

// The embedded list, one lower-case entry a line (generated from data/common_passwords.txt).
std::string_view embedded_common_passwords();

// True when the password, lower-cased, is on the list, or is once trailing digits and symbols
// are stripped ("Password123!" → "password").
bool is_common_password(std::string_view password);

// True when the password contains `name` (ASCII case-insensitive); names shorter than 3 code
// points are not checked, they would refuse too much.
bool contains_name(std::string_view password, std::string_view name);

// Every rule at once, as the problem a person is shown: 422 `validation` for length/classes,
// `password_common`, `password_contains_name`; the field error names `field`. Names are the
// account's username and display name.
std::optional<Problem> password_problem(std::string_view password, std::string_view username,
                                        std::string_view display_name, const std::string& field);

// A generated password (crypto.hpp) that passes every rule for this account.
std::string generate_password_for(std::string_view username, std::string_view display_name);

}  // namespace kc::app
