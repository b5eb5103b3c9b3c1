// Result<T>: a value or an Error. Expected failures (bad input, a check digit that does not match)
// are returned as values so callers can report them row by row instead of catching exceptions.
//
//   Result<CreditCode> r = CreditCode::parse(text);
//   if (!r) report(r.error().code, r.error().message);
//   else use(r.value());
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace kc::domain {

// A parameter of a message: a figure (a limit, a position) or a text (the value refused, a label).
using ErrorParam = std::variant<std::int64_t, std::string>;
using ErrorParams = std::vector<std::pair<std::string, ErrorParam>>;

// Why something was refused. `code` is stable and machine-readable ("credit_code.check_char");
// for the refusals of one value it is a code of domain/field_messages.hpp, which the web
// translates with `params`. `message` is the English rendering, for the CLI, the logs and API
// clients that show text as it comes.
struct Error {
  std::string code;
  std::string message;
  // What the message names (a limit and what reached it, the character refused), so a caller
  // can pass them on for the front end to translate instead of parsing the text.
  ErrorParams params{};

  // The parameter called `name`, or nullptr.
  const ErrorParam* param(std::string_view name) const {
    for (const auto& [key, value] : params)
      if (key == name) return &value;
    return nullptr;
  }
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
