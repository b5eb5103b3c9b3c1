// The condition language of the district's own programmes: comparisons and arithmetic over named
// enterprise facts, combined with and/or/not, e.g. `rd_total >= 500 and rd_ratio >= 0.03`.
// Expressions are checked when saved (syntax with its position, unknown fact, type error) and
// evaluated exactly (fractions, no binary floating point) with three-valued logic: a missing fact
// makes a comparison unknown, and `false and unknown` is still false.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "domain/decimal.hpp"

namespace kc::rules {

enum class FactType { number, boolean };

struct FactInfo {
  FactType type = FactType::number;
  std::string zh;
  std::string en;
  std::string unit;
};

// The facts an expression may name, with their types and labels.
using FactSchema = std::map<std::string, FactInfo>;
// The facts of one enterprise; an absent name or nullopt is a missing value.
using FactValue = std::variant<domain::Fraction, bool>;
using FactValues = std::map<std::string, std::optional<FactValue>>;

struct ExpressionError {
  std::size_t position = 0;  // 0-based character offset in the text
  std::string zh;
  std::string en;
};

class Expression {
 public:
  // Parses and type-checks `text` as a boolean condition (or, with `numeric`, a number).
  static std::variant<Expression, ExpressionError> compile(const std::string& text, const FactSchema& schema,
                                                           bool numeric = false);

  enum class Truth { yes, no, unknown };
  struct Comparison {  // one comparison met while evaluating, for the explanation
    std::string text;
    std::optional<double> left, right;
    Truth result = Truth::unknown;
  };
  struct Outcome {
    Truth truth = Truth::unknown;
    std::optional<domain::Fraction> number;  // numeric expressions
    std::vector<Comparison> comparisons;
  };
  Outcome evaluate(const FactValues& facts) const;
  const std::string& text() const { return text_; }
  std::vector<std::string> facts_used() const;

  struct Node;

 private:
  std::string text_;
  std::shared_ptr<const Node> root_;
};

}  // namespace kc::rules
