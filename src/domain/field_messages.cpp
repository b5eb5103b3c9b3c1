#include "domain/field_messages.hpp"

#include <array>

namespace kc::domain {

std::span<const FieldMessageDef* const> all_field_messages() {
  using namespace fmsg;
  static constexpr std::array kAll{
      &required, &too_long, &not_integer, &not_record_id, &out_of_range, &amount_decimals, &number_too_large,
      &not_amount, &negative, &decimals, &not_number, &not_date, &not_boolean, &not_choice, &year_range, &not_date_or_time, &whole_number_range, &at_least,
      &year_order, &too_many_years, &taken, &unknown_type,
      &invalid_utf8, &control_character, &bidi_control,
      &credit_code_empty, &credit_code_length, &credit_code_illegal_char, &credit_code_authority,
      &credit_code_org_type, &credit_code_region_digit, &credit_code_region, &credit_code_org_check,
      &credit_code_check_char,
      &region_code_length, &region_code_digit, &region_code_province, &region_code_level,
      &industry_code_empty, &industry_code_section, &industry_code_format, &industry_code_length,
      &industry_code_division, &industry_code_section_mismatch,
      &patent_number_empty, &patent_number_dot, &patent_number_format, &patent_number_check_missing,
      &patent_number_length, &patent_number_check_char, &patent_number_old_year, &patent_number_year,
      &patent_number_type, &patent_number_check_digit,
      &money_empty, &money_format, &money_character, &money_decimal_character, &money_commas, &money_precision,
      &money_range,
      &tech_field_code, &tech_field_name,
      &record_unknown_field, &record_sum_mismatch, &record_no_linked, &record_duplicate_key_id,
      &record_duplicate_key,
      &column_no_unit, &column_unit, &column_unknown, &column_duplicate, &column_missing,
      &row_extra_cells, &row_no_such_reference, &row_duplicate, &row_other_district, &row_record_differs,
      &row_record_deleted,
      &list_too_many_ids, &list_bad_ids, &list_not_a_filter, &list_cannot_sort, &list_header_language,
      &scope_choose_district, &scope_outside, &scope_whole_installation, &scope_enterprise_account,
      &scope_district_code, &policy_registration_date_needed, &policy_expression, &index_no_region_statistics,
      &formula_syntax, &formula_invalid, &formula_too_long, &formula_evaluation, &indicator_cycle, &indicator_code,
      &indicator_region_needed, &indicator_home_district, &indicator_one_code, &indicator_direction,
      &target_base_year_needed, &target_base_year_before, &series_span, &assessment_scheme,
      &account_wrong_password, &account_same_password,
      &request_not_string, &request_not_integer, &request_object_required, &request_unknown_field,
  };
  return kAll;
}

namespace {

std::string text_of(const ErrorParam& value) {
  if (const auto* n = std::get_if<std::int64_t>(&value)) return std::to_string(*n);
  return std::get<std::string>(value);
}

}  // namespace

std::string fill_placeholders(std::string_view tpl, const ErrorParams& params) {
  std::string out;
  out.reserve(tpl.size() + 32);
  for (std::size_t i = 0; i < tpl.size();) {
    const std::size_t open = tpl.find('{', i);
    if (open == std::string_view::npos) {
      out.append(tpl.substr(i));
      break;
    }
    out.append(tpl.substr(i, open - i));
    const std::size_t close = tpl.find('}', open);
    if (close == std::string_view::npos) {
      out.append(tpl.substr(open));
      break;
    }
    const std::string_view name = tpl.substr(open + 1, close - open - 1);
    const ErrorParam* value = nullptr;
    for (const auto& [key, v] : params)
      if (key == name) value = &v;
    out.append(value ? text_of(*value) : std::string(tpl.substr(open, close - open + 1)));
    i = close + 1;
  }
  return out;
}

Error refusal(const FieldMessageDef& def, ErrorParams params) {
  std::string message = fill_placeholders(def.english, params);
  return Error{std::string(def.code), std::move(message), std::move(params)};
}

}  // namespace kc::domain
