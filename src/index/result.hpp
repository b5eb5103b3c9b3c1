// Result<T> for the index engine: a value or an Error. The engine depends on the standard library
// only, so it carries its own small copy of the house Result type rather than including domain/.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace kc::index {

// Why a step refused its input: `code` is stable ("treat.winmax"), `message` names the row, column
// or parameter at fault so a user can fix the file.
struct Error {
  std::string code;
  std::string message;
};

template <class T>
class Result {
 public:
  Result(T value) : v_(std::in_place_index<0>, std::move(value)) {}
  Result(Error error) : v_(std::in_place_index<1>, std::move(error)) {}

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

struct Ok {};
using Status = Result<Ok>;
inline Status ok() { return Ok{}; }

inline Error make_error(std::string code, std::string message) {
  return Error{std::move(code), std::move(message)};
}

}  // namespace kc::index
