// libFuzzer target for the domain value parsers: no input may crash them, and whatever they accept
// must parse again from its own canonical text to the same value. Built by tests/fuzz/run.sh.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "domain/credit_code.hpp"
#include "domain/industry_code.hpp"
#include "domain/money.hpp"
#include "domain/patent_number.hpp"
#include "domain/region_code.hpp"
#include "domain/tech_field.hpp"

using namespace kc::domain;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  if (auto c = CreditCode::parse(text)) {
    auto again = CreditCode::parse(c->text());
    if (!again || !(again.value() == c.value())) __builtin_trap();
  }
  if (auto p = PatentNumber::parse(text)) {
    auto again = PatentNumber::parse(p->text());
    if (!again || !(again.value() == p.value())) __builtin_trap();
  }
  if (auto r = RegionCode::parse(text)) {
    if (!RegionCode::parse(r->text()) || !r->province().contains(r.value())) __builtin_trap();
  }
  if (auto i = IndustryCode::parse(text)) {
    auto again = IndustryCode::parse(i->text());
    if (!again || !(again.value() == i.value())) __builtin_trap();
  }
  for (auto unit : {MoneyUnit::yuan, MoneyUnit::wan_yuan, MoneyUnit::yi_yuan}) {
    if (auto m = Money::parse(text, unit)) {
      // Exact formatting in each unit must read back to the same number of fen.
      auto y = Money::parse(m->format(MoneyUnit::yuan, 2));
      auto w = Money::parse(m->format(MoneyUnit::wan_yuan, 6) + "万元");
      auto e = Money::parse(m->format(MoneyUnit::yi_yuan, 10) + "亿元");
      if (!y || !w || !e || y->fen() != m->fen() || w->fen() != m->fen() || e->fen() != m->fen())
        __builtin_trap();
    }
  }
  if (auto t = parse_tech_field(text)) {
    if (parse_tech_field(tech_field_name_zh(t.value())).value() != t.value()) __builtin_trap();
  }
  return 0;
}
