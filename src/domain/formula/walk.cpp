#include "domain/formula/formula.hpp"

namespace kc::domain::formula {

void collect_aggregates(const Expr& e, std::vector<const Aggregate*>& out) {
  if (e.op == Expr::Op::aggregate) out.push_back(&e.aggregate);
  for (const auto& a : e.args) collect_aggregates(a, out);
}

void collect_indicators(const Expr& e, std::vector<std::string>& out) {
  if (e.op == Expr::Op::indicator) out.push_back(e.text);
  for (const auto& a : e.args) collect_indicators(a, out);
}

}  // namespace kc::domain::formula
