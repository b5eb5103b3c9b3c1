// Expected failures of use cases as values: a Problem says what went wrong in terms the HTTP
// layer turns into RFC 9457 problem details and the CLI into a message and an exit status.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "domain/result.hpp"

namespace kc::domain {
struct FieldMessageDef;  // domain/field_messages.hpp
}

namespace kc::app {

struct Message;  // app/messages.hpp

// The parameters of a message: figures and names the translation puts into its sentence. The
// same shape as a domain::Error's, so a refusal's parameters pass through unchanged.
using MessageParam = domain::ErrorParam;
using MessageParams = domain::ErrorParams;

// What is wrong with one field: `code` (domain/field_messages.hpp) and `params` for the web to
// translate, `message` the English rendering for the CLI and API clients that show text.
struct FieldError {
  std::string field;
  std::string message;
  std::string code{};
  MessageParams params{};
};

// A field error from a refusal of the field's value, or saying `def` about the field.
FieldError field_error(std::string field, const domain::Error& error);
FieldError field_error(std::string field, const domain::FieldMessageDef& def, MessageParams params = {});

struct Problem {
  int status = 400;         // the HTTP status it maps to
  std::string code;         // stable machine-readable code, e.g. "validation"
  std::string title;        // short human summary
  std::string detail;       // what exactly went wrong
  std::vector<FieldError> errors;
  // What the message needs (a limit and what passed it, a kind's labels, an id), sent as `params`
  // so the front end can translate the message with them.
  MessageParams params{};
  // The code of the sentence for a person (app/messages.hpp), sent as `message`; empty when the
  // web's translation of `code` says enough (a size limit with its params, a validation failure
  // whose field errors say the rest).
  std::string message{};

  static Problem validation(std::vector<FieldError> errors, std::string detail = "");
  static Problem unauthenticated();  // msg::sign_in_first
  static Problem unauthenticated(const Message& message);
  static Problem forbidden(const Message& message);
  static Problem not_found(const Message& message);
  static Problem conflict(const Message& message);
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
