#include "store/indicator_queries.hpp"

#include <stdexcept>

#include "domain/decimal.hpp"
#include "domain/registry_kinds.hpp"
#include "store/record_store.hpp"

namespace kc::store {
namespace {

using domain::FieldType;
using domain::KindDef;
using domain::formula::Aggregate;
using domain::formula::Condition;
using domain::formula::Operand;

const KindDef& kind_named(const std::string& name) {
  const KindDef* k = domain::find_kind(name);
  if (!k) throw std::invalid_argument("indicator query: unknown kind " + name);  // checked before
  return *k;
}

// SQL of one aggregate: FROM with the joins that reach the district, the district expression,
// and the WHERE built from the formula's filter with numbered parameters.
class QueryBuilder {
 public:
  QueryBuilder(const Aggregate& a, int year) : kind_(kind_named(a.kind)), year_(year) {
    from_ = kind_.table + " r0";
    district_ = district_of(kind_, "r0");
  }

  // The district scope and the formula's filter.
  std::string where(const std::string& prefix, const Aggregate& a) {
    const auto [low, high] = district_range(prefix);
    std::string w = district_ + " >= " + param(low) + " AND " + district_ + " < " + param(high);
    for (const auto& c : a.where) w += " AND (" + condition(c, kind_, "r0", nullptr, "") + ")";
    // A record without the summed figure adds nothing and is not among the records behind a sum.
    if (a.function == Aggregate::Function::sum) w += " AND r0." + a.field + " IS NOT NULL";
    return w;
  }

  const std::string& from() const { return from_; }
  const std::string& district() const { return district_; }
  const KindDef& kind() const { return kind_; }
  // What names a record in a list of them: its title, led by the title of the record it is placed
  // through when it has one (an enterprise year as "宁波甬新材料有限公司 2013", not "2013").
  std::string label() const {
    const std::string own = kind_.title_field.empty() ? "CAST(r0.id AS TEXT)" : "CAST(r0." + kind_.title_field + " AS TEXT)";
    if (!parent_ || parent_->title_field.empty()) return own;
    return "COALESCE(CAST(d1." + parent_->title_field + " AS TEXT) || ' ', '') || " + own;
  }
  Params& params() { return params_; }
  std::string param(Value v) {
    params_.push_back(std::move(v));
    return "$" + std::to_string(params_.size());
  }

 private:
  // The column that places a record of `kind` (alias `alias`) in a district: its own region field,
  // or through the record it references there, joined in (enterprise years → their enterprise).
  std::string district_of(const KindDef& kind, const std::string& alias) {
    const domain::FieldDef* f = kind.field(kind.region_scope);
    if (!f) throw std::invalid_argument("indicator query: kind without a district: " + kind.name);
    if (f->type == FieldType::region_code) return alias + "." + f->name;
    const KindDef& parent = kind_named(f->references);
    if (joins_ == 0) parent_ = &parent;
    const std::string next = "d" + std::to_string(++joins_);
    from_ += " JOIN " + parent.table + " " + next + " ON " + next + ".id = " + alias + "." + f->name;
    return district_of(parent, next);
  }

  std::string column(const std::string& alias, const std::string& field) { return alias + "." + field; }

  // A literal for a field of `type` in the field's stored form (amounts scaled to yuan).
  Value literal(const Operand& o, const domain::FieldDef* field) {
    switch (o.kind) {
      case Operand::Kind::boolean: return std::int64_t{o.truth ? 1 : 0};
      case Operand::Kind::year: return std::int64_t{year_ + o.offset};
      case Operand::Kind::year_start: return std::to_string(year_) + "-01-01";
      case Operand::Kind::year_end: return std::to_string(year_) + "-12-31";
      case Operand::Kind::text: return o.value;
      case Operand::Kind::number: {
        auto d = domain::Decimal::parse(o.value);
        if (!d) throw std::invalid_argument("indicator query: number out of range: " + o.value);
        if (field && domain::is_scaled_decimal(field->type)) return d->units();
        if (d->units() % domain::Decimal::kUnitsPerOne != 0) {
          throw std::invalid_argument("indicator query: a whole number was expected: " + o.value);
        }
        return d->units() / domain::Decimal::kUnitsPerOne;
      }
      default: throw std::logic_error("indicator query: not a literal");
    }
  }

  // The SQL of an operand, with `other` the field on the other side (to scale a literal to it).
  std::string operand(const Operand& o, const std::string& alias, const std::string& outer_alias,
                      const domain::FieldDef* other) {
    if (o.kind == Operand::Kind::field) return column(alias, o.value);
    if (o.kind == Operand::Kind::outer_field) return column(outer_alias, o.value);
    return param(literal(o, other));
  }

  const domain::FieldDef* field_named(const Operand& o, const KindDef& kind, const KindDef* outer) {
    if (o.kind == Operand::Kind::field) return kind.field(o.value);
    if (o.kind == Operand::Kind::outer_field && outer) return outer->field(o.value);
    return nullptr;
  }

  std::string condition(const Condition& c, const KindDef& kind, const std::string& alias, const KindDef* outer,
                        const std::string& outer_alias) {
    auto child = [&](const Condition& x) { return "(" + condition(x, kind, alias, outer, outer_alias) + ")"; };
    switch (c.op) {
      case Condition::Op::all:
      case Condition::Op::any: {
        std::string out;
        for (const auto& x : c.children) out += (out.empty() ? "" : c.op == Condition::Op::all ? " AND " : " OR ") + child(x);
        return out;
      }
      case Condition::Op::negate: return "NOT " + child(c.children[0]);
      case Condition::Op::compare:
      case Condition::Op::in_list: {
        const Operand& left = c.operands[0];
        const domain::FieldDef* lf = field_named(left, kind, outer);
        std::string out;
        if (c.op == Condition::Op::compare) {
          const domain::FieldDef* rf = field_named(c.operands[1], kind, outer);
          out = operand(left, alias, outer_alias, rf) + " " + c.comparison + " " +
                operand(c.operands[1], alias, outer_alias, lf);
        } else {
          out = operand(left, alias, outer_alias, nullptr) + " IN (";
          for (std::size_t i = 1; i < c.operands.size(); ++i) {
            out += (i > 1 ? ", " : "") + operand(c.operands[i], alias, outer_alias, lf);
          }
          out += ")";
        }
        return out;
      }
      case Condition::Op::is_null:
      case Condition::Op::is_not_null:
        return operand(c.operands[0], alias, outer_alias, nullptr) +
               (c.op == Condition::Op::is_null ? " IS NULL" : " IS NOT NULL");
      case Condition::Op::in_year: {
        const std::string col = column(alias, c.operands[0].value);
        return col + " >= " + param(std::to_string(year_) + "-01-01") + " AND " + col + " <= " +
               param(std::to_string(year_) + "-12-31");
      }
      case Condition::Op::in_region: return column(alias, c.operands[0].value) + " = " + district_;
      case Condition::Op::starts_with: {
        const std::string& text = c.operands[1].value;
        return "substr(" + column(alias, c.operands[0].value) + ", 1, " + std::to_string(text.size()) + ") = " + param(text);
      }
      case Condition::Op::exists: {
        const KindDef& inner = kind_named(c.kind);
        const std::string a = "x" + std::to_string(++subqueries_);
        std::string out = "EXISTS (SELECT 1 FROM " + inner.table + " " + a;
        if (!c.children.empty()) out += " WHERE " + condition(c.children[0], inner, a, &kind, alias);
        return out + ")";
      }
    }
    throw std::logic_error("indicator query: unknown condition");
  }

  const KindDef& kind_;
  int year_;
  std::string from_, district_;
  Params params_;
  int joins_ = 0, subqueries_ = 0;
  const KindDef* parent_ = nullptr;  // the kind of the first join (d1), if any
};

std::string aggregated(const Aggregate& a) {
  switch (a.function) {
    case Aggregate::Function::count: return "COUNT(*)";
    case Aggregate::Function::sum: return "SUM(r0." + a.field + ")";
    case Aggregate::Function::count_distinct: return "COUNT(DISTINCT r0." + a.field + ")";
  }
  return "COUNT(*)";
}

}  // namespace

std::vector<AggregateRow> aggregate_by_district(Connection& conn, const Aggregate& a, const std::string& prefix, int year) {
  QueryBuilder q(a, year);
  const std::string where = q.where(prefix, a);
  const std::string sql = "SELECT " + q.district() + ", " + aggregated(a) + ", COUNT(*), MAX(r0.updated_at) FROM " +
                          q.from() + " WHERE " + where + " GROUP BY " + q.district() + " ORDER BY " + q.district();
  std::vector<AggregateRow> out;
  for (const auto& row : conn.query(sql, q.params())) {
    AggregateRow r;
    r.district = row.text(0);
    if (!row.is_null(1)) r.value = row.integer(1);
    r.records = row.integer(2);
    r.updated_at = row.optional_text(3).value_or("");
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<AggregateRecord> aggregate_records(Connection& conn, const Aggregate& a, const std::string& prefix, int year,
                                               std::size_t limit) {
  QueryBuilder q(a, year);
  const std::string where = q.where(prefix, a);
  const std::string label = q.label();
  const std::string value = a.field.empty() ? "NULL" : "r0." + a.field;
  const std::string limit_param = q.param(static_cast<std::int64_t>(limit));
  const std::string sql = "SELECT r0.id, " + q.district() + ", " + label + ", " + value + ", r0.updated_at FROM " +
                          q.from() + " WHERE " + where + " ORDER BY r0.id LIMIT " + limit_param;
  std::vector<AggregateRecord> out;
  for (const auto& row : conn.query(sql, q.params())) {
    AggregateRecord r;
    r.id = row.integer(0);
    r.district = row.text(1);
    r.label = row.optional_text(2).value_or("");
    if (!row.is_null(3)) r.value = row.integer(3);
    r.updated_at = row.optional_text(4).value_or("");
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<std::string> districts_with_data(Connection& conn, const std::string& prefix, int year) {
  const auto [low, high] = district_range(prefix);
  std::vector<std::string> out;
  for (const auto& row : conn.query("SELECT region_code FROM reg_enterprises WHERE region_code >= $1 AND region_code < $2 "
                                    "UNION SELECT region_code FROM reg_region_statistics WHERE year = $3 AND "
                                    "region_code >= $1 AND region_code < $2 ORDER BY 1",
                                    {low, high, std::int64_t{year}})) {
    if (row.text(0).size() == 6) out.push_back(row.text(0));
  }
  return out;
}

bool region_has_year(Connection& conn, const std::string& prefix, int year) {
  const auto [low, high] = district_range(prefix);
  const Params params{low, high, std::int64_t{year}};
  if (conn.query_one("SELECT 1 FROM reg_region_statistics WHERE year = $3 AND region_code >= $1 AND region_code < $2 LIMIT 1",
                     params)) {
    return true;
  }
  return conn
      .query_one("SELECT 1 FROM reg_enterprise_years y JOIN reg_enterprises e ON e.id = y.enterprise_id WHERE y.year = $3 "
                 "AND e.region_code >= $1 AND e.region_code < $2 LIMIT 1",
                 params)
      .has_value();
}

}  // namespace kc::store
