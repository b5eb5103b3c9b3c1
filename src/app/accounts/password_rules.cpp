#include "app/accounts/password_rules.hpp"

#include <string>
#include <unordered_set>

#include "crypto/crypto.hpp"

namespace kc::app {
namespace {

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

const std::unordered_set<std::string_view>& common_passwords() {
  static const std::unordered_set<std::string_view> set = [] {
    std::unordered_set<std::string_view> out;
    const std::string_view text = embedded_common_passwords();
    std::size_t start = 0;
    while (start < text.size()) {
      std::size_t end = text.find('\n', start);
      if (end == std::string_view::npos) end = text.size();
      if (end > start) out.insert(text.substr(start, end - start));
      start = end + 1;
    }
    return out;
  }();
  return set;
}

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace

bool is_common_password(std::string_view password) {
  const std::string lower = lower_ascii(password);
  const auto& set = common_passwords();
  if (set.contains(lower)) return true;
  // Digits and symbols added at the end are the usual way to pass a class rule with a common
  // word; non-ASCII bytes count as letters and are kept.
  std::size_t end = lower.size();
  while (end > 0 && !is_ascii_letter(lower[end - 1]) && static_cast<unsigned char>(lower[end - 1]) < 0x80) --end;
  return end < lower.size() && end > 0 && set.contains(std::string_view(lower).substr(0, end));
}

bool contains_name(std::string_view password, std::string_view name) {
  if (code_points(name) < 3) return false;
  return lower_ascii(password).find(lower_ascii(name)) != std::string::npos;
}

std::optional<Problem> password_problem(std::string_view password, std::string_view username,
                                        std::string_view display_name, const std::string& field) {
  auto failures = crypto::password_policy_failures(password);
  if (!failures.empty()) {
    std::vector<FieldError> errors;
    for (auto& f : failures) errors.push_back({field, std::move(f)});
    return Problem::validation(std::move(errors));
  }
  if (is_common_password(password)) {
    return Problem{422, "password_common", "Password too common",
                   field + ": is on the list of common passwords (also with digits or symbols added "
                           "at the end); choose another",
                   {{field, "is on the list of common passwords"}}};
  }
  if (contains_name(password, username) || contains_name(password, display_name)) {
    return Problem{422, "password_contains_name", "Password contains the name",
                   field + ": must not contain the account's username or display name",
                   {{field, "must not contain the account's username or display name"}}};
  }
  return std::nullopt;
}

std::string generate_password_for(std::string_view username, std::string_view display_name) {
  for (;;) {
    std::string password = crypto::generate_password();
    if (!password_problem(password, username, display_name, "password")) return password;
  }
}

}  // namespace kc::app
