#include "app/indicators/evaluate.hpp"

#include <algorithm>

#include "domain/field_messages.hpp"
#include "domain/registry_kinds.hpp"

namespace kc::app {
namespace {

using domain::Error;
using domain::Fraction;
using domain::Int128;
using domain::formula::Aggregate;
using domain::formula::Condition;
using domain::formula::Expr;
using domain::formula::Operand;

constexpr int kMaxDepth = 16;  // indicators reading indicators

// The error of a formula evaluated, naming the indicator whose formula it is (the innermost).
Error formula_error(const IndicatorDef& def, const Error& e) {
  if (e.param("code")) return e;
  Error out = e;
  out.params.emplace_back("code", def.code);
  out.message = def.code + ": " + e.message;
  return out;
}

Error cycle_error(const std::string&) { return domain::refusal(domain::fmsg::indicator_cycle); }

Error unknown_indicator(const std::string& code) {
  return domain::refusal(domain::fmsg::formula_evaluation,
                         {{"code", code}, {"detail_zh", "未知的指标“" + code + "”"}, {"detail_en", "unknown indicator '" + code + "'"}});
}

// Stored units of a field as a number: amounts and decimals are kept ×10^4.
Fraction scaled(const std::string& kind, const std::string& field, std::int64_t units) {
  const domain::KindDef* k = domain::find_kind(kind);
  const domain::FieldDef* f = k ? k->field(field) : nullptr;
  if (f && domain::is_scaled_decimal(f->type)) return Fraction(units, domain::Decimal::kUnitsPerOne);
  return Fraction::integer(units);
}

// A district-level code: 6 digits not ending in 00 (330200 is the city itself).
bool district_code(const std::string& code) { return code.size() == 6 && code.substr(4) != "00"; }

void touch(Evaluated& into, std::int64_t records, const std::string& updated_at) {
  into.records += records;
  into.updated_at = std::max(into.updated_at, updated_at);
}

int year_of(const domain::formula::YearRef& y, int year) {
  return y.fixed ? static_cast<int>(y.value) : year + static_cast<int>(y.value);
}

std::string int128_text(Int128 v) {
  if (v == 0) return "0";
  const bool negative = v < 0;
  std::string s;
  while (v != 0) {
    const int digit = static_cast<int>(v % 10);
    s += static_cast<char>('0' + (digit < 0 ? -digit : digit));
    v /= 10;
  }
  if (negative) s += '-';
  std::reverse(s.begin(), s.end());
  return s;
}

// The divide node a ratio formula is, looking through scaling by constants (× 100) and negation.
const Expr* ratio_node(const Expr& e) {
  switch (e.op) {
    case Expr::Op::divide: return &e;
    case Expr::Op::negate: return ratio_node(e.args[0]);
    case Expr::Op::multiply:
      if (e.args[1].op == Expr::Op::number) return ratio_node(e.args[0]);
      if (e.args[0].op == Expr::Op::number) return ratio_node(e.args[1]);
      return nullptr;
    default: return nullptr;
  }
}

}  // namespace

Aggregate statistic_aggregate(const std::string& field) {
  Aggregate a;
  a.function = Aggregate::Function::sum;
  a.kind = "region_statistics";
  a.field = field;
  Condition c;
  c.op = Condition::Op::compare;
  c.comparison = "=";
  Operand column, year;
  column.kind = Operand::Kind::field;
  column.value = "year";
  year.kind = Operand::Kind::year;
  c.operands = {column, year};
  a.where.push_back(std::move(c));
  return a;
}

bool additive_formula(const Expr& e, const IndicatorLookup& lookup, int depth) {
  switch (e.op) {
    case Expr::Op::aggregate:
    case Expr::Op::statistic:
    case Expr::Op::null_value: return true;
    case Expr::Op::add:
    case Expr::Op::subtract:
    case Expr::Op::negate:
      return std::all_of(e.args.begin(), e.args.end(), [&](const Expr& a) { return additive_formula(a, lookup, depth); });
    case Expr::Op::indicator: {
      const IndicatorDef* def = depth < kMaxDepth ? lookup(e.text) : nullptr;
      if (!def) return false;
      auto parsed = domain::formula::parse(def->formula);
      return parsed && additive_formula(parsed.value(), lookup, depth + 1);
    }
    default: return false;
  }
}

std::string decimal_text(const Fraction& f, int decimals) {
  Int128 scale = 1;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  const Int128 num = f.num() * scale, den = f.den();
  Int128 q = num / den, r = num % den;
  if (r < 0) r = -r;
  if (2 * r >= den) q += num < 0 ? -1 : 1;
  std::string digits = int128_text(q < 0 ? -q : q);
  if (decimals > 0) {
    if (digits.size() <= static_cast<std::size_t>(decimals)) digits.insert(0, decimals + 1 - digits.size(), '0');
    digits.insert(digits.size() - decimals, ".");
    while (digits.back() == '0') digits.pop_back();
    if (digits.back() == '.') digits.pop_back();
  }
  return (q < 0 ? "-" : "") + digits;
}

IndicatorEvaluator::IndicatorEvaluator(IndicatorSource& source, IndicatorLookup lookup, bool district)
    : source_(source), lookup_(std::move(lookup)), district_(district) {}

domain::Result<Expr> IndicatorEvaluator::parsed(const IndicatorDef& def) {
  if (auto it = parsed_.find(def.code); it != parsed_.end()) return it->second;
  auto e = domain::formula::parse(def.formula);
  if (!e) return formula_error(def, e.error());
  parsed_.emplace(def.code, e.value());
  return e;
}

domain::Result<Evaluated> IndicatorEvaluator::value(const IndicatorDef& def, int year) {
  const auto key = std::make_pair(def.code, year);
  if (auto it = done_.find(key); it != done_.end()) return it->second;
  if (running_.contains(key) || running_.size() >= kMaxDepth) return cycle_error(def.code);
  auto e = parsed(def);
  if (!e) return e.error();
  running_.insert(key);
  auto v = expr(e.value(), year);
  running_.erase(key);
  if (!v) return formula_error(def, v.error());
  done_.emplace(key, v.value());
  return v;
}

domain::Result<Evaluated> IndicatorEvaluator::leaf_aggregate(const Aggregate& a, int year) {
  Evaluated out;
  std::optional<Fraction> total;
  for (const auto& row : source_.aggregate(a, year)) {
    touch(out, row.records, row.updated_at);
    if (!row.value) continue;
    const Fraction v = a.function == Aggregate::Function::sum ? scaled(a.kind, a.field, *row.value)
                                                              : Fraction::integer(*row.value);
    total = total ? *total + v : v;
  }
  // A count of nothing is 0; a sum of nothing is unknown (no figures were filed).
  if (!total && a.function != Aggregate::Function::sum) total = Fraction::integer(0);
  out.value = total;
  return out;
}

domain::Result<Evaluated> IndicatorEvaluator::statistic(const std::string& field, int year) {
  Evaluated out;
  std::map<std::string, std::int64_t> by_district;
  for (const auto& row : source_.aggregate(statistic_aggregate(field), year)) {
    if (!district_ && !district_code(row.district)) continue;  // the city's own row is not a district
    touch(out, row.records, row.updated_at);
    if (row.value) by_district[row.district] = *row.value;
  }
  if (district_) {
    if (!by_district.empty()) out.value = scaled("region_statistics", field, by_district.begin()->second);
    return out;
  }
  // A city's statistic is the sum over its districts, unknown when any district lacks it.
  const auto districts = source_.districts(year);
  if (districts.empty()) return out;
  std::int64_t sum = 0;
  for (const auto& d : districts) {
    const auto it = by_district.find(d);
    if (it == by_district.end()) return out;
    sum += it->second;
  }
  out.value = scaled("region_statistics", field, sum);
  return out;
}

domain::Result<Evaluated> IndicatorEvaluator::expr(const Expr& e, int year) {
  switch (e.op) {
    case Expr::Op::null_value: return Evaluated{};
    case Expr::Op::number: {
      auto f = Fraction::parse(e.text);
      if (!f) {
        return domain::refusal(domain::fmsg::formula_evaluation, {{"code", e.text},
                                                                  {"detail_zh", "无法读取数值“" + e.text + "”"},
                                                                  {"detail_en", "cannot read the number '" + e.text + "'"}});
      }
      return Evaluated{*f, 0, ""};
    }
    case Expr::Op::aggregate: return leaf_aggregate(e.aggregate, year);
    case Expr::Op::statistic: return statistic(e.text, year_of(e.year, year));
    case Expr::Op::indicator: {
      const IndicatorDef* def = lookup_(e.text);
      if (!def) return unknown_indicator(e.text);
      return value(*def, year_of(e.year, year));
    }
    case Expr::Op::negate: {
      auto a = expr(e.args[0], year);
      if (a && a.value().value) a.value().value = Fraction::integer(0) - *a.value().value;
      return a;
    }
    default: break;
  }
  auto left = expr(e.args[0], year);
  if (!left) return left;
  auto right = expr(e.args[1], year);
  if (!right) return right;
  Evaluated out;
  touch(out, left.value().records, left.value().updated_at);
  touch(out, right.value().records, right.value().updated_at);
  const auto &a = left.value().value, &b = right.value().value;
  if (!a || !b) return out;
  switch (e.op) {
    case Expr::Op::add: out.value = *a + *b; break;
    case Expr::Op::subtract: out.value = *a - *b; break;
    case Expr::Op::multiply: out.value = *a * *b; break;
    case Expr::Op::divide:
      if (!b->is_zero()) out.value = *a / *b;  // a share of nothing is unknown, not infinite
      break;
    default: break;
  }
  return out;
}

domain::Status IndicatorEvaluator::gather(const Expr& e, int year, bool additive, int sign,
                                          std::vector<Contribution>& out, std::size_t limit, bool& truncated,
                                          int depth) {
  if (depth > kMaxDepth) return cycle_error(e.text);
  auto add_records = [&](const Aggregate& a, int y) {
    auto rows = source_.records(a, y, limit + 1);
    if (rows.size() > limit) {
      truncated = true;
      rows.resize(limit);
    }
    std::set<std::int64_t> distinct;
    for (const auto& r : rows) {
      if (a.kind == "region_statistics" && !district_ && !district_code(r.district)) continue;
      Contribution c{a.kind, r.id, r.label, r.district, std::nullopt, std::nullopt, r.updated_at};
      if (r.value) c.value = a.function == Aggregate::Function::sum ? scaled(a.kind, a.field, *r.value) : Fraction::integer(*r.value);
      if (additive) {
        Fraction share = Fraction::integer(0);
        if (a.function == Aggregate::Function::count) share = Fraction::integer(1);
        else if (a.function == Aggregate::Function::count_distinct) share = Fraction::integer(r.value && distinct.insert(*r.value).second ? 1 : 0);
        else if (c.value) share = *c.value;
        c.contributes = sign < 0 ? Fraction::integer(0) - share : share;
      }
      out.push_back(std::move(c));
    }
  };
  switch (e.op) {
    case Expr::Op::aggregate: add_records(e.aggregate, year); return domain::ok();
    case Expr::Op::statistic: add_records(statistic_aggregate(e.text), year_of(e.year, year)); return domain::ok();
    case Expr::Op::indicator: {
      const IndicatorDef* def = lookup_(e.text);
      if (!def) return unknown_indicator(e.text);
      auto sub = parsed(*def);
      if (!sub) return sub.error();
      return gather(sub.value(), year_of(e.year, year), additive, sign, out, limit, truncated, depth + 1);
    }
    case Expr::Op::negate: return gather(e.args[0], year, additive, -sign, out, limit, truncated, depth);
    case Expr::Op::add:
    case Expr::Op::subtract:
    case Expr::Op::multiply:
    case Expr::Op::divide: {
      if (auto st = gather(e.args[0], year, additive, sign, out, limit, truncated, depth); !st) return st;
      return gather(e.args[1], year, additive, e.op == Expr::Op::subtract ? -sign : sign, out, limit, truncated, depth);
    }
    default: return domain::ok();
  }
}

domain::Result<Provenance> IndicatorEvaluator::explain(const IndicatorDef& def, int year, std::size_t limit) {
  auto e = parsed(def);
  if (!e) return e.error();
  Provenance p;
  const bool additive = additive_formula(e.value(), lookup_);
  p.ratio = !additive;
  const Expr* ratio = additive ? nullptr : ratio_node(e.value());
  domain::Status st = domain::ok();
  if (ratio) {
    st = gather(ratio->args[0], year, false, 1, p.numerator, limit, p.truncated, 0);
    if (st) st = gather(ratio->args[1], year, false, 1, p.denominator, limit, p.truncated, 0);
  } else {
    st = gather(e.value(), year, additive, 1, p.records, limit, p.truncated, 0);
  }
  if (!st) return formula_error(def, st.error());
  return p;
}

}  // namespace kc::app
