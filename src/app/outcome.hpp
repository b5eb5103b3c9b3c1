// Expected failures of use cases as values: a Problem says what went wrong in terms the HTTP
// layer turns into RFC 9457 problem details and the CLI into a message and an exit status.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace kc::app {

struct FieldError {
  std::string field;
  std::string message;
};

struct Problem {
  int status = 400;         // the HTTP status it maps to
  std::string code;         // stable machine-readable code, e.g. "validation"
  std::string title;        // short human summary
  std::string detail;       // what exactly went wrong
  std::vector<FieldError> errors;
  // Figures the code's message needs (a limit, what passed it), sent as `params` so the front end
  // can translate the code with them.
  std::vector<std::pair<std::string, std::int64_t>> params{};

  static Problem validation(std::vector<FieldError> errors, std::string detail = "");
  static Problem unauthenticated(std::string detail = "Sign in first.");
  static Problem forbidden(std::string detail = "You may not do this.");
  static Problem not_found(std::string detail = "No such record.");
  static Problem conflict(std::string detail);
};

template <class T>
class Outcome {
 public:
  Outcome(T value) : v_(std::move(value)) {}
  Outcome(Problem problem) : v_(std::move(problem)) {}
  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() { return std::get<0>(v_); }
  const T& value() const { return std::get<0>(v_); }
  T* operator->() { return &value(); }
  const Problem& problem() const { return std::get<1>(v_); }

 private:
  std::variant<T, Problem> v_;
};

struct Done {};
using Status = Outcome<Done>;
inline Status done() { return Done{}; }

}  // namespace kc::app
