// The declaration of a registry kind (enterprises, enterprise years, certificates, …): its fields
// with types, units, validation, natural key, references and who may read and write it. Storage,
// the REST API, import/export and the generic pages are all derived from these declarations, so
// adding a field or a kind is a change in one place (registry_kinds.cpp).
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "domain/result.hpp"

namespace kc::domain {

enum class FieldType {
  text,           // free text up to max_length bytes
  integer,        // whole number within [min, max]
  amount,         // 万元 with up to 4 decimals, stored as integer yuan (Decimal units)
  date,           // YYYY-MM-DD
  boolean,
  choice,         // one of `choices`
  reference,      // id of a record of kind `references`
  credit_code,    // 统一社会信用代码, GB 32100 check digit verified
  region_code,    // GB/T 2260
  industry_code,  // GB/T 4754-2017
  patent_number,  // Chinese patent application number, check digit verified
  decimal,        // a number with up to 4 decimals within [min, max] (scores), stored ×10^4 like amount
};

std::string_view to_string(FieldType type);
// Amounts and decimals are exact numbers with 4 decimals, stored as integers scaled by 10^4.
constexpr bool is_scaled_decimal(FieldType t) { return t == FieldType::amount || t == FieldType::decimal; }

struct Choice {
  std::string value;
  std::string zh;
  std::string en;
};

struct FieldDef {
  std::string name;
  FieldType type = FieldType::text;
  std::string zh;
  std::string en;
  bool required = false;
  std::string unit;  // shown next to the value: "万元", "人", "%"
  std::size_t max_length = 200;
  std::int64_t min = std::numeric_limits<std::int64_t>::min();
  std::int64_t max = std::numeric_limits<std::int64_t>::max();
  std::vector<Choice> choices;
  std::string references;  // kind name, for FieldType::reference
  bool searchable = false;  // matched by the list's free-text search
  bool filterable = false;  // exact-match filter in lists (and an index)
  bool calendar_year = false;  // an integer that is a year (年度): chosen with a year picker

  // Text longer than one line's worth: shown as a text area, and may hold tabs and line breaks.
  bool multiline() const { return type == FieldType::text && max_length > kSingleLineTextBytes; }
  static constexpr std::size_t kSingleLineTextBytes = 200;
};

// A stored value: NULL, an integer (integers, amounts in yuan units, booleans, references) or text.
using Cell = std::variant<std::monostate, std::int64_t, std::string>;

// A total field that is the sum of part fields (研发费用总额 of its nine categories): a record that
// gives parts but no total gets the sum; one that gives both must agree to the yuan.
struct FieldSum {
  std::string total;
  std::vector<std::string> parts;
};

struct KindDef {
  std::string name;  // English snake_case plural, also the URL segment and the CLI KIND
  std::string table;
  std::string zh;
  std::string en;
  std::vector<FieldDef> fields;
  std::vector<std::string> natural_key;  // unique together; the import's idempotency key
  std::string title_field;               // what names a record in lists and history
  // Enterprise scope: "id" for the enterprises kind itself, the name of the reference field to
  // enterprises for kinds that belong to one, empty for kinds enterprise users may not see.
  std::string enterprise_scope;
  // District scope: the field that places a record in a district (every record belongs to one):
  // a region_code field of the kind itself, or a reference field whose kind has a district scope
  // (enterprise years lie in their enterprise's district). Users scoped to a district, city or
  // province see and change only records whose district lies in their scope.
  std::string region_scope;
  std::vector<std::string> read_roles;
  std::vector<std::string> write_roles;
  // Roles whose changes wait for staff confirmation instead of being written (enterprise
  // self-service: an enterprise files its own data, the bureau confirms it).
  std::vector<std::string> submit_roles;
  std::vector<FieldSum> sums;

  const FieldDef* field(std::string_view name) const;
  // The position of a field in `fields` (and in a record's cells); fields.size() when there is none.
  std::size_t index_of(std::string_view name) const;
};

// Parses the text form of a value (a JSON string, a CSV or XLSX cell) into its stored form; an
// empty text is NULL. Errors say why in Chinese and English.
Result<Cell> parse_cell(const FieldDef& field, std::string_view text);
// The text form of a stored value (amounts as "1234.5", booleans as "true"/"false").
std::string format_cell(const FieldDef& field, const Cell& cell);

}  // namespace kc::domain
