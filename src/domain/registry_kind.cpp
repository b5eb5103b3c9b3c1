#include "domain/registry_kind.hpp"

#include <charconv>

#include "domain/credit_code.hpp"
#include "domain/date.hpp"
#include "domain/decimal.hpp"
#include "domain/field_messages.hpp"
#include "domain/industry_code.hpp"
#include "domain/patent_number.hpp"
#include "domain/plain_text.hpp"
#include "domain/region_code.hpp"

namespace kc::domain {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::string_view to_string(FieldType type) {
  switch (type) {
    case FieldType::text: return "text";
    case FieldType::integer: return "integer";
    case FieldType::amount: return "amount";
    case FieldType::date: return "date";
    case FieldType::boolean: return "boolean";
    case FieldType::choice: return "choice";
    case FieldType::reference: return "reference";
    case FieldType::credit_code: return "credit_code";
    case FieldType::region_code: return "region_code";
    case FieldType::industry_code: return "industry_code";
    case FieldType::patent_number: return "patent_number";
    case FieldType::decimal: return "decimal";
  }
  return "unknown";
}

const FieldDef* KindDef::field(std::string_view wanted) const {
  const std::size_t i = index_of(wanted);
  return i < fields.size() ? &fields[i] : nullptr;
}

std::size_t KindDef::index_of(std::string_view wanted) const {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (fields[i].name == wanted) return i;
  }
  return fields.size();
}

Result<Cell> parse_cell(const FieldDef& f, std::string_view raw) {
  using namespace fmsg;
  // Amounts and decimals keep four decimal places (an amount in 万元 to the yuan).
  constexpr std::int64_t kDecimals = 4;
  const std::string_view text = f.type == FieldType::text ? raw : trim(raw);
  if (text.empty()) return Cell{};
  switch (f.type) {
    case FieldType::text:
      if (text.size() > f.max_length) {
        return refusal(too_long, {{"max", static_cast<std::int64_t>(f.max_length)}});
      }
      if (auto bad = find_forbidden_character(text, f.multiline())) return *bad;
      return Cell{std::string(text)};
    case FieldType::integer:
    case FieldType::reference: {
      std::int64_t v = 0;
      const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
      if (ec != std::errc{} || end != text.data() + text.size()) {
        return refusal(not_integer);
      }
      if (f.type == FieldType::reference && v <= 0) return refusal(not_record_id);
      if (v < f.min || v > f.max) return refusal(out_of_range, {{"min", f.min}, {"max", f.max}});
      return Cell{v};
    }
    case FieldType::amount: {
      Decimal::ParseError why{};
      auto d = Decimal::parse(text, &why);
      if (!d) {
        if (why == Decimal::ParseError::too_many_decimals) return refusal(amount_decimals, {{"decimals", kDecimals}});
        if (why == Decimal::ParseError::out_of_range) return refusal(number_too_large);
        return refusal(not_amount);
      }
      if (d->is_negative() && f.min >= 0) return refusal(negative);
      return Cell{d->units()};
    }
    case FieldType::decimal: {
      Decimal::ParseError why{};
      auto d = Decimal::parse(text, &why);
      if (!d) {
        if (why == Decimal::ParseError::too_many_decimals) return refusal(decimals, {{"decimals", kDecimals}});
        return refusal(not_number);
      }
      const Int128 units = d->units();  // 128 bits: the default min/max would overflow ×10^4
      if (units < Int128{f.min} * Decimal::kUnitsPerOne || units > Int128{f.max} * Decimal::kUnitsPerOne) {
        return refusal(out_of_range, {{"min", f.min}, {"max", f.max}});
      }
      return Cell{d->units()};
    }
    case FieldType::date: {
      auto d = Date::parse(text);
      if (!d) return refusal(not_date);
      return Cell{d->to_string()};
    }
    case FieldType::boolean: {
      if (text == "true" || text == "1" || text == "是" || text == "TRUE" || text == "True") {
        return Cell{std::int64_t{1}};
      }
      if (text == "false" || text == "0" || text == "否" || text == "FALSE" || text == "False") {
        return Cell{std::int64_t{0}};
      }
      return refusal(not_boolean);
    }
    case FieldType::choice: {
      for (const auto& c : f.choices) {
        if (text == c.value || text == c.zh || text == c.en) return Cell{c.value};
      }
      std::string allowed;
      for (const auto& c : f.choices) allowed += (allowed.empty() ? "" : ", ") + c.value;
      return refusal(not_choice, {{"allowed", allowed}});
    }
    case FieldType::credit_code: {
      auto code = CreditCode::parse(text);
      if (!code) return code.error();
      return Cell{std::string(code->text())};
    }
    case FieldType::region_code: {
      auto code = RegionCode::parse(text);
      if (!code) return code.error();
      return Cell{std::string(code->text())};
    }
    case FieldType::industry_code: {
      auto code = IndustryCode::parse(text);
      if (!code) return code.error();
      return Cell{std::string(code->text())};
    }
    case FieldType::patent_number: {
      auto number = PatentNumber::parse(text);
      if (!number) return number.error();
      return Cell{number->text()};
    }
  }
  return refusal(unknown_type);  // every FieldType is a case above
}

std::string format_cell(const FieldDef& f, const Cell& cell) {
  if (std::holds_alternative<std::monostate>(cell)) return {};
  if (auto s = std::get_if<std::string>(&cell)) return *s;
  const std::int64_t v = std::get<std::int64_t>(cell);
  switch (f.type) {
    case FieldType::amount:
    case FieldType::decimal: return Decimal::from_units(v).to_string();
    case FieldType::boolean: return v ? "true" : "false";
    default: return std::to_string(v);
  }
}

}  // namespace kc::domain
