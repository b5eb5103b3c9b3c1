#include "domain/record_sums.hpp"

namespace kc::domain {

std::vector<SumMismatch> complete_sums(const KindDef& kind, std::vector<Cell>& cells) {
  std::vector<SumMismatch> out;
  for (const auto& sum : kind.sums) {
    const std::size_t t = kind.index_of(sum.total);
    if (t >= cells.size()) continue;
    bool any = false;
    std::int64_t parts = 0;
    for (const auto& name : sum.parts) {
      const std::size_t p = kind.index_of(name);
      if (p >= cells.size()) continue;
      if (const auto* v = std::get_if<std::int64_t>(&cells[p])) {
        any = true;
        parts += *v;
      }
    }
    if (!any) continue;
    if (const auto* stated = std::get_if<std::int64_t>(&cells[t])) {
      if (*stated != parts) out.push_back({&kind.fields[t], *stated, parts});
    } else {
      cells[t] = parts;
    }
  }
  return out;
}

}  // namespace kc::domain
