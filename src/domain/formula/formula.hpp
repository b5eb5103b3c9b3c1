// The indicator formula language: what an indicator's definition says it computes from the
// registry, parsed into a tree that the store turns into SQL and the indicator service evaluates.
// It is small and safe on purpose: aggregates over registry kinds with filters, the region's
// statistics, other indicators (optionally at another year), numbers and + − × ÷. Nothing in it
// names a table or a column directly; every kind and field is checked against the declarations.
//
//   sum(enterprise_years.rd_total where year = Y)
//   indicator(rd_expenditure_enterprise) / stat(gdp) * 100
//   count(rd_institutions where kind in ('engineering_centre', 'technology_centre')
//                          and level in ('national', 'provincial', 'municipal') and recognised_year <= Y)
//   count_distinct(hte_certificates.enterprise_id where in_year(issued_on) and not exists(
//       hte_certificates where enterprise_id = outer.enterprise_id and issued_on < outer.issued_on
//       and valid_until >= outer.issued_on))
//
// Grammar (keywords are lower case; `--` starts a comment to the end of the line):
//   formula   := 'null' | expr
//   expr      := term (('+' | '-') term)*
//   term      := unary (('*' | '/') unary)*
//   unary     := '-' unary | primary
//   primary   := NUMBER | '(' expr ')'
//              | 'count' '(' KIND [where] ')'
//              | ('sum' | 'count_distinct') '(' KIND '.' FIELD [where] ')'
//              | 'stat' '(' FIELD [',' year] ')'                  -- the region's statistics
//              | 'indicator' '(' CODE [',' year] ')'              -- another indicator's value
//   year      := 'Y' [('+' | '-') INTEGER] | INTEGER             -- the year computed, or a fixed one
//   where     := 'where' cond
//   cond      := conj ('or' conj)* ;  conj := neg ('and' neg)* ;  neg := 'not' neg | atom
//   atom      := '(' cond ')'
//              | 'exists' '(' KIND [where] ')'                   -- `outer.FIELD` inside names the record outside
//              | 'in_year' '(' FIELD ')'                         -- a date in the year computed
//              | 'in_region' '(' FIELD ')'                       -- a region code inside the region computed
//              | 'starts_with' '(' FIELD ',' STRING ')'
//              | operand ('=' | '<>' | '<' | '<=' | '>' | '>=') operand
//              | operand 'in' '(' operand (',' operand)* ')'
//              | operand 'is' ['not'] 'null'
//   operand   := FIELD | 'outer' '.' FIELD | STRING | NUMBER | 'true' | 'false'
//              | 'Y' [('+' | '-') INTEGER] | 'year_start' | 'year_end'   -- the year, its 1 January, its 31 December
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "domain/result.hpp"

namespace kc::domain::formula {

// A place in the formula's text: 1-based line and column (in characters), for error messages.
struct Position {
  int line = 1;
  int column = 1;
};

struct Operand {
  enum class Kind {
    field,        // a field of the record the condition is about
    outer_field,  // a field of the record outside an `exists`
    text,         // 'municipal' — a string, a date text, a choice value
    number,       // 12, 2.5 — kept as written
    boolean,
    year,         // Y + offset
    year_start,   // 'Y-01-01'
    year_end,     // 'Y-12-31'
  };
  Kind kind = Kind::text;
  std::string value;        // field name, text, or number as written
  std::int64_t offset = 0;  // years added to Y
  bool truth = false;       // for booleans
  Position at;
};

struct Condition {
  enum class Op { all, any, negate, compare, in_list, is_null, is_not_null, in_year, in_region, starts_with, exists };
  Op op = Op::compare;
  std::string comparison;  // "=", "<>", "<", "<=", ">", ">=" for compare
  std::vector<Operand> operands;  // compare: 2; in_list: the left one then the list; is_null,
                                  // in_year, in_region: 1 (a field); starts_with: the field and the text
  std::vector<Condition> children;  // all/any: 2 or more; negate: 1; exists: 0 or 1 (its where)
  std::string kind;                 // exists: the kind looked in
  Position at;
};

// count / sum / count_distinct over the records of one kind inside the region computed.
struct Aggregate {
  enum class Function { count, sum, count_distinct };
  Function function = Function::count;
  std::string kind;
  std::string field;  // empty for count
  std::vector<Condition> where;  // 0 or 1
};

// A year a value is read for: the year computed plus `offset`, or a fixed year.
struct YearRef {
  bool fixed = false;
  std::int64_t value = 0;  // the offset, or the fixed year
};

struct Expr {
  enum class Op { null_value, number, add, subtract, multiply, divide, negate, aggregate, statistic, indicator };
  Op op = Op::null_value;
  std::string text;  // number as written; the statistic's field; the indicator's code
  YearRef year;      // statistic and indicator
  Aggregate aggregate;
  std::vector<Expr> args;  // binary: 2; negate: 1
  Position at;
};

// Parses a formula's text; the error (formula.syntax) says where (params "line" and "column") and
// what was expected (detail_zh, detail_en).
Result<Expr> parse(std::string_view text);

// Every aggregate of `e` (depth-first, left to right) and every indicator code it names.
void collect_aggregates(const Expr& e, std::vector<const Aggregate*>& out);
void collect_indicators(const Expr& e, std::vector<std::string>& out);

}  // namespace kc::domain::formula
