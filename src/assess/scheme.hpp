// The data of an assessment (spec/assessment.md §1–§2): a scheme (a tree of groups and indicator
// nodes, grades, vetoes) and the units it judges. Parsed and checked once by parse.hpp, so the
// scoring code can rely on every invariant listed in §1 and §9.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kc::assess {

enum class Method { target_ratio, base_index, points };
enum class MissingPolicy { zero, reweight };
enum class Transform { level, growth, change };

struct Band {
  double from = 0;
  double share = 0;
};

struct Bonus {
  double per = 0;
  double points = 0;
  double max = 0;
};

struct Node {
  std::string code;
  std::optional<std::string> parent;  // nullopt: a child of the root
  double weight = 1;
  bool is_indicator = false;
  // Indicator nodes only:
  std::string indicator;
  int direction = 1;
  Transform transform = Transform::level;
  std::optional<double> target;
  std::optional<double> cap;  // already resolved: an absent cap is the method's default
  double points = 0;
  std::optional<std::vector<Band>> bands;
  std::optional<Bonus> bonus;
  // Filled by the parser: indices into Scheme::nodes.
  std::vector<std::size_t> children;
};

struct Grade {
  std::string grade;
  std::optional<double> min;  // nullopt: the last, catch-all grade
};

enum class VetoTest { falls, growth_below, below_target, below };

struct Condition {
  std::string indicator;
  VetoTest test = VetoTest::falls;
  double value = 0;
};

struct Veto {
  std::string code;
  std::vector<Condition> all;
  std::optional<std::size_t> max_grade;  // index into Scheme::grades
};

struct Scheme {
  std::string code;
  Method method = Method::target_ratio;
  MissingPolicy missing = MissingPolicy::zero;
  std::vector<Node> nodes;            // in input order (the output lists them in this order)
  std::vector<std::size_t> roots;     // nodes with parent null
  std::vector<Grade> grades;          // empty: every grade is null
  std::vector<Veto> vetoes;
};

// An absent value and a JSON null are both "missing".
using Values = std::map<std::string, std::optional<double>>;

struct Unit {
  std::string code;
  Values values;    // year t
  Values previous;  // year t-1
  Values base;      // base year (base_index)
};

struct Input {
  Scheme scheme;
  std::vector<Unit> units;
  bool next_rank = false;
};

// The value of `key` in `v`, or nullopt when absent or null.
inline std::optional<double> lookup(const Values& v, const std::string& key) {
  const auto it = v.find(key);
  return it == v.end() ? std::nullopt : it->second;
}

}  // namespace kc::assess
