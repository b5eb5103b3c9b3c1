// What the server says about one value it refused (a field of a form, a cell of an import): a
// stable code with parameters. The web translates each code in zh-CN and en
// (web/src/i18n/field_errors.*.json, checked against this list by
// tests/unit/app/messages_test.cpp); the English template here renders the error's `message`,
// which the CLI prints and API clients may show. One language on the server, as for the problem
// `detail` (app/messages.hpp): the translations live in one place, the web's catalogues.
//
// Placeholders are `{name}`, as in vue-i18n. A label travels as two parameters, `x_zh` and `x_en`
// (a kind's `kind_zh`/`kind_en`, a field's `label_zh`/`label_en`, a unit's `unit_zh`/`unit_en`),
// so the web need not look it up; each translation uses the one of its language and the English
// template names `x_en`.
//
// The codes are grouped by who refuses: the value parsers of domain/ (credit_code., region_code.,
// industry_code., patent_number., money., text., tech_field., field.), the record checks of
// app/registry (record.), the import's rows (import.), and requests (request.).
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "domain/result.hpp"

namespace kc::domain {

struct FieldMessageDef {
  std::string_view code;
  std::string_view english;
};

namespace fmsg {
// A value of a field type (domain::parse_cell).
inline constexpr FieldMessageDef required{"field.required", "is required"};
inline constexpr FieldMessageDef too_long{"field.too_long", "must be at most {max} bytes"};
inline constexpr FieldMessageDef not_integer{"field.not_integer", "must be a whole number"};
inline constexpr FieldMessageDef not_record_id{"field.not_record_id", "must be a record id"};
inline constexpr FieldMessageDef out_of_range{"field.out_of_range", "must be from {min} to {max}"};
inline constexpr FieldMessageDef amount_decimals{"field.amount_decimals",
                                                 "at most {decimals} decimals (10k yuan to the yuan)"};
inline constexpr FieldMessageDef number_too_large{"field.number_too_large", "is out of range"};
inline constexpr FieldMessageDef not_amount{"field.not_amount", "must be a number (10k yuan)"};
inline constexpr FieldMessageDef negative{"field.negative", "must not be negative"};
inline constexpr FieldMessageDef decimals{"field.decimals", "at most {decimals} decimals"};
inline constexpr FieldMessageDef not_number{"field.not_number", "must be a number"};
inline constexpr FieldMessageDef not_date{"field.not_date", "must be a date YYYY-MM-DD"};
inline constexpr FieldMessageDef not_boolean{"field.not_boolean", "must be true or false"};
inline constexpr FieldMessageDef not_choice{"field.not_choice", "must be one of: {allowed}"};
inline constexpr FieldMessageDef year_range{"field.year_range", "must be a year from {min} to {max}"};
inline constexpr FieldMessageDef not_date_or_time{"field.not_date_or_time",
                                                  "must be a date (YYYY-MM-DD) or time (YYYY-MM-DDTHH:MM:SSZ)"};
inline constexpr FieldMessageDef whole_number_range{"field.whole_number_range", "must be a whole number from {min} to {max}"};
inline constexpr FieldMessageDef at_least{"field.at_least", "must be {min} or more"};
inline constexpr FieldMessageDef year_order{"field.year_order",
                                            "from and to must be years from {min} to {max} with from ≤ to"};
inline constexpr FieldMessageDef too_many_years{"field.too_many_years", "at most {max} years in one run"};
inline constexpr FieldMessageDef taken{"field.taken", "is already taken"};
inline constexpr FieldMessageDef unknown_type{"field.unknown_type", "has a field type this server does not know"};

// Text (domain/plain_text).
inline constexpr FieldMessageDef invalid_utf8{"text.invalid_utf8", "character {position} is not valid UTF-8"};
inline constexpr FieldMessageDef control_character{"text.control_character",
                                                   "character {position} is a control character ({code_point})"};
inline constexpr FieldMessageDef bidi_control{"text.bidi_control",
                                              "character {position} is a bidirectional text control ({code_point})"};

// Unified social credit codes (domain/credit_code).
inline constexpr FieldMessageDef credit_code_empty{"credit_code.empty", "the unified social credit code is empty"};
inline constexpr FieldMessageDef credit_code_length{"credit_code.length", "must be 18 characters, got {length}"};
inline constexpr FieldMessageDef credit_code_illegal_char{
    "credit_code.illegal_char",
    "illegal character '{char}' at position {position} (only digits and upper-case letters other than I, O, S, V, "
    "Z are allowed)"};
inline constexpr FieldMessageDef credit_code_authority{"credit_code.authority",
                                                       "position 1: unknown registration-authority code '{char}'"};
inline constexpr FieldMessageDef credit_code_org_type{
    "credit_code.org_type",
    "position 2: organisation-type code '{char}' does not exist under registration authority '{authority}' "
    "({authority_en})"};
inline constexpr FieldMessageDef credit_code_region_digit{
    "credit_code.region_digit", "position {position} must be a digit (positions 3-8 are the region code)"};
inline constexpr FieldMessageDef credit_code_region{"credit_code.region",
                                                    "positions 3-8: region code '{region}' is not a valid GB/T 2260 code"};
inline constexpr FieldMessageDef credit_code_org_check{
    "credit_code.org_check",
    "organisation-code check failed (positions 9-17): position 17 should be '{expected}', not '{actual}'"};
inline constexpr FieldMessageDef credit_code_check_char{"credit_code.check_char",
                                                        "check character should be '{expected}', not '{actual}'"};

// Administrative region codes (domain/region_code).
inline constexpr FieldMessageDef region_code_length{"region_code.length", "a region code has 6 digits, got '{text}'"};
inline constexpr FieldMessageDef region_code_digit{"region_code.digit", "region code position {position} is not a digit"};
inline constexpr FieldMessageDef region_code_province{"region_code.province",
                                                      "'{prefix}' is not a province-level prefix"};
inline constexpr FieldMessageDef region_code_level{"region_code.level",
                                                   "a county part needs a prefecture part: '{text}'"};

// Industry codes, GB/T 4754 (domain/industry_code).
inline constexpr FieldMessageDef industry_code_empty{"industry_code.empty", "the industry code is empty"};
inline constexpr FieldMessageDef industry_code_section{"industry_code.section",
                                                       "section letter '{letter}' does not exist (A-T)"};
inline constexpr FieldMessageDef industry_code_format{"industry_code.format",
                                                      "an industry code is a section letter and/or 2-4 digits: '{text}'"};
inline constexpr FieldMessageDef industry_code_length{"industry_code.length",
                                                      "the digits of an industry code are 2, 3 or 4 long, got {length}"};
inline constexpr FieldMessageDef industry_code_division{"industry_code.division",
                                                        "division '{division}' is not within 01-97"};
inline constexpr FieldMessageDef industry_code_section_mismatch{
    "industry_code.section_mismatch", "division {division} belongs to section {owner}, not {letter}"};

// Patent application numbers (domain/patent_number).
inline constexpr FieldMessageDef patent_number_empty{"patent_number.empty", "the patent application number is empty"};
inline constexpr FieldMessageDef patent_number_dot{"patent_number.dot",
                                                   "exactly one check digit must follow the dot: '{text}'"};
inline constexpr FieldMessageDef patent_number_format{
    "patent_number.format", "an application number has only digits, a dot and the check digit: '{text}'"};
inline constexpr FieldMessageDef patent_number_check_missing{"patent_number.check_missing",
                                                             "the check digit is missing: '{text}'"};
inline constexpr FieldMessageDef patent_number_length{
    "patent_number.length",
    "an application number has 12 digits (since October 2003) or 8 digits plus a check digit, got {length}"};
inline constexpr FieldMessageDef patent_number_check_char{"patent_number.check_char",
                                                          "check digit '{char}' must be a digit or X"};
inline constexpr FieldMessageDef patent_number_old_year{
    "patent_number.old_year", "an 8-digit application number's year '{year}' is not 1985-2003"};
inline constexpr FieldMessageDef patent_number_year{"patent_number.year",
                                                    "a 12-digit application number's year {year} is not 2003-2099"};
inline constexpr FieldMessageDef patent_number_type{"patent_number.type",
                                                    "patent type digit '{digit}' must be 1, 2, 3, 8 or 9"};
inline constexpr FieldMessageDef patent_number_check_digit{"patent_number.check_digit",
                                                           "check digit should be '{expected}', not '{actual}'"};

// Amounts of money as people type them (domain/money).
inline constexpr FieldMessageDef money_empty{"money.empty", "the amount is empty"};
inline constexpr FieldMessageDef money_format{"money.format", "'{text}' is not an amount"};
inline constexpr FieldMessageDef money_character{"money.character",
                                                 "'{text}' is not an amount (unexpected character)"};
inline constexpr FieldMessageDef money_decimal_character{
    "money.decimal_character", "'{text}' is not an amount (unexpected character in the decimals)"};
inline constexpr FieldMessageDef money_commas{"money.commas", "misplaced thousands separator in '{text}'"};
inline constexpr FieldMessageDef money_precision{
    "money.precision", "'{text}' is finer than one fen (at most {decimals} decimals in {unit_en})"};
inline constexpr FieldMessageDef money_range{"money.range", "amount '{text}' is out of range"};

// High-tech fields (domain/tech_field).
inline constexpr FieldMessageDef tech_field_code{"tech_field.code", "technology field code {code} does not exist (1-8)"};
inline constexpr FieldMessageDef tech_field_name{"tech_field.name", "'{text}' is not a top-level high-tech field"};

// A record's checks beyond its cells (app/registry/record_validation).
inline constexpr FieldMessageDef record_unknown_field{"record.unknown_field", "is not a field of {kind_en}"};
inline constexpr FieldMessageDef record_sum_mismatch{"record.sum_mismatch",
                                                     "{label_en} {stated} differs from the sum of its parts, {parts}"};
inline constexpr FieldMessageDef record_no_linked{"record.no_linked", "no {kind_en} record with id {id}"};
inline constexpr FieldMessageDef record_duplicate_key_id{"record.duplicate_key_id",
                                                         "a record with this key already exists (id {id})"};
inline constexpr FieldMessageDef record_duplicate_key{"record.duplicate_key", "a record with this key already exists"};

// The header row of an import (app/registry/import).
inline constexpr FieldMessageDef column_no_unit{"column.no_unit", "this column has no unit"};
inline constexpr FieldMessageDef column_unit{"column.unit", "the unit must be {unit_en}"};
inline constexpr FieldMessageDef column_unknown{"column.unknown", "unknown column for {kind_en}"};
inline constexpr FieldMessageDef column_duplicate{"column.duplicate", "duplicate column"};
inline constexpr FieldMessageDef column_missing{"column.missing", "required column missing"};

// The rows of an import (app/registry/import).
inline constexpr FieldMessageDef row_extra_cells{"row.extra_cells", "more cells than header columns"};
inline constexpr FieldMessageDef row_no_such_reference{"row.no_such_reference", "no such {kind_en} record"};
inline constexpr FieldMessageDef row_duplicate{"row.duplicate", "duplicates row {row}"};
inline constexpr FieldMessageDef row_other_district{"row.other_district",
                                                    "the record with this key belongs to another district"};
inline constexpr FieldMessageDef row_record_differs{
    "row.record_differs", "a different record with this key exists (id {id}); import in update mode to change it"};
inline constexpr FieldMessageDef row_record_deleted{"row.record_deleted",
                                                    "the record with this key (id {id}) was deleted meanwhile"};

// The queries of a record list (app/registry/registry_service, http/api_registry).
inline constexpr FieldMessageDef list_too_many_ids{"list.too_many_ids", "names more than {max} records"};
inline constexpr FieldMessageDef list_bad_ids{"list.bad_ids", "must be record ids separated by commas"};
inline constexpr FieldMessageDef list_not_a_filter{"list.not_a_filter", "is not a filter of {kind_en}"};
inline constexpr FieldMessageDef list_cannot_sort{"list.cannot_sort", "cannot sort by {name}"};
inline constexpr FieldMessageDef list_header_language{"list.header_language", "must be names, zh or en"};

// Districts (app/registry/district_scope, app/accounts).
inline constexpr FieldMessageDef scope_choose_district{"scope.choose_district",
                                                       "choose the district: your scope has several"};
inline constexpr FieldMessageDef scope_outside{"scope.outside", "{region} is outside your scope ({scope})"};
inline constexpr FieldMessageDef scope_whole_installation{
    "scope.whole_installation", "only users of the whole installation keep rows for the whole installation"};
inline constexpr FieldMessageDef scope_enterprise_account{"scope.enterprise_account",
                                                          "enterprise accounts are scoped by their enterprise"};
inline constexpr FieldMessageDef scope_district_code{"scope.district_code",
                                                     "must be a 6-digit district code (GB/T 2260)"};

// Policies and index definitions (app/policy, app/index). The rules engine words an expression's
// error in both languages (rules/expression.hpp); the two travel as a label pair.
inline constexpr FieldMessageDef policy_registration_date_needed{
    "policy.registration_date_needed", "the registration date is needed to judge the enterprise's age"};
inline constexpr FieldMessageDef policy_expression{"policy.expression", "{detail_en}"};
inline constexpr FieldMessageDef index_no_region_statistics{"index.no_region_statistics",
                                                            "no region statistics for {year}"};

// Indicator formulas (domain/formula) and the indicators' use cases (app/indicators). A formula's
// error names its place and what was wrong there, worded in both languages by the parser.
inline constexpr FieldMessageDef formula_syntax{"formula.syntax", "line {line}, column {column}: {detail_en}"};
inline constexpr FieldMessageDef formula_invalid{"formula.invalid", "line {line}, column {column}: {detail_en}"};
inline constexpr FieldMessageDef formula_too_long{"formula.too_long", "the formula is too long (at most {limit} bytes)"};
inline constexpr FieldMessageDef formula_evaluation{"formula.evaluation", "indicator {code}: {detail_en}"};
inline constexpr FieldMessageDef indicator_cycle{"indicator.cycle", "the indicators read each other in a circle"};
inline constexpr FieldMessageDef indicator_code{
    "indicator.code", "lower-case letters, digits and _ starting with a letter, at most 64, and not values, series or targets"};
inline constexpr FieldMessageDef indicator_region_needed{"indicator.region_needed",
                                                         "say which region: the installation has no home district"};
inline constexpr FieldMessageDef indicator_home_district{"indicator.home_district",
                                                         "the home district is a district (county-level) code"};
inline constexpr FieldMessageDef indicator_one_code{"indicator.one_code", "name one indicator"};
inline constexpr FieldMessageDef indicator_direction{"indicator.direction", "must be 1 or -1"};
inline constexpr FieldMessageDef target_base_year_needed{"target.base_year_needed", "a multiple needs a base year"};
inline constexpr FieldMessageDef target_base_year_before{"target.base_year_before", "must be before the target year"};
inline constexpr FieldMessageDef series_span{"series.span", "must not be before from, and at most {max} years after it"};
inline constexpr FieldMessageDef assessment_scheme{"assessment.scheme", "{detail}"};

// Passwords (app/accounts).
inline constexpr FieldMessageDef account_wrong_password{"account.wrong_password", "is not your current password"};
inline constexpr FieldMessageDef account_same_password{"account.same_password", "must differ from the current password"};

// The members of a JSON request body (http/json_body).
inline constexpr FieldMessageDef request_not_string{"request.not_string", "must be a string"};
inline constexpr FieldMessageDef request_not_integer{"request.not_integer", "must be an integer"};
inline constexpr FieldMessageDef request_object_required{"request.object_required", "is required (an object)"};
inline constexpr FieldMessageDef request_unknown_field{"request.unknown_field", "is not a field of this request"};
}  // namespace fmsg

// Every field message above (and those the other layers declare with it), for the test that
// checks the web's translations.
std::span<const FieldMessageDef* const> all_field_messages();

// `tpl` with its `{name}` placeholders filled in from `params` (an unknown one is left as it is).
std::string fill_placeholders(std::string_view tpl, const ErrorParams& params);

// The error saying `def` with `params`: its code, its English rendering and the parameters.
Error refusal(const FieldMessageDef& def, ErrorParams params = {});

}  // namespace kc::domain
