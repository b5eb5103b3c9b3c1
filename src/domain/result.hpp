// Result<T>: a value or an Error. Expected failures (bad input, a check digit that does not match)
// are returned as values so callers can report them row by row instead of catching exceptions.
//
//   Result<CreditCode> r = CreditCode::parse(text);
//   if (!r) report(r.error().code, r.error().message);
//   else use(r.value());
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace kc::domain {

// Why something was refused. `code` is stable and machine-readable ("credit_code.check_char");
// `message` is for people. Domain validators write it bilingually as "中文 / English" so the same
// text serves the zh-CN and en front ends and the CLI.
struct Error {
  std::string code;
  std::string message;
  // The figures the message names (a limit and what reached it), so a caller can build a problem
  // with params for the front end to translate instead of parsing the text.
  std::vector<std::pair<std::string, std::int64_t>> params{};
};

template <class T>
class Result {
 public:
  Result(T value) : v_(std::in_place_index<0>, std::move(value)) {}
  Result(Error error) : v_(std::in_place_index<1>, std::move(error)) {}

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  // Calling value() on an error (or error() on a value) is a bug, not an expected failure.
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

// For operations that succeed with nothing to return.
struct Ok {};
using Status = Result<Ok>;
inline Status ok() { return Ok{}; }

}  // namespace kc::domain
