#include "app/policy/programmes.hpp"

#include <regex>
#include <set>

#include "app/audit/audit_log.hpp"
#include "app/messages.hpp"
#include "app/policy/enterprise_facts.hpp"
#include "app/registry/district_scope.hpp"
#include "domain/field_messages.hpp"
#include "domain/registry_kinds.hpp"
#include "domain/timestamp.hpp"
#include "store/programme_repository.hpp"
#include "store/record_store.hpp"

namespace kc::app {
namespace {

using domain::Fraction;
using rules::FactType;

std::optional<Problem> may_read(const Actor& actor) {
  if (actor.role == Role::viewer) return Problem::forbidden({msg::staff_and_reviewers_only});
  return std::nullopt;
}

std::optional<Problem> may_edit(const Actor& actor) {
  if (actor.role != Role::admin) return Problem::forbidden({msg::admins_only});
  return std::nullopt;
}

std::string text_of(const boost::json::object& o, const char* key) {
  auto* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

// An expression the rules engine refused, in its two languages, at `path`.
FieldError expression_error(std::string path, const rules::ExpressionError& e) {
  return field_error(std::move(path), domain::fmsg::policy_expression, {{"detail_zh", e.zh}, {"detail_en", e.en}});
}

// Checks a definition; returns field errors with paths such as "conditions[2].expr".
std::vector<FieldError> check(const boost::json::object& d) {
  std::vector<FieldError> errors;
  static const std::regex code_re("[a-z0-9][a-z0-9-]{0,59}");
  if (!std::regex_match(text_of(d, "code"), code_re)) errors.push_back({"code", "must be 1–60 of a-z, 0-9 and -"});
  for (const char* k : {"zh", "en"}) {
    if (text_of(d, k).empty()) errors.push_back({k, "is required"});
  }
  const std::string kind = text_of(d, "kind");
  if (kind != "tier" && kind != "subsidy") errors.push_back({"kind", "must be tier or subsidy"});
  for (const auto& kv : d) {
    static const std::set<std::string> known = {"code", "zh", "en", "kind", "conditions", "subsidy"};
    if (!known.contains(std::string(kv.key()))) errors.push_back({std::string(kv.key()), "is not part of a programme"});
  }
  auto* conditions = d.if_contains("conditions");
  if (!conditions || !conditions->is_array() || conditions->as_array().empty() || conditions->as_array().size() > 50) {
    errors.push_back({"conditions", "must list 1–50 conditions"});
  } else {
    std::size_t i = 0;
    for (const auto& c : conditions->as_array()) {
      const std::string path = "conditions[" + std::to_string(i++) + "]";
      if (!c.is_object()) {
        errors.push_back({path, "must be an object with code, zh, en and expr"});
        continue;
      }
      for (const char* k : {"code", "zh", "en", "expr"}) {
        if (text_of(c.as_object(), k).empty()) errors.push_back({path + "." + k, "is required"});
      }
      auto compiled = rules::Expression::compile(text_of(c.as_object(), "expr"), programme_fact_schema());
      if (auto e = std::get_if<rules::ExpressionError>(&compiled)) errors.push_back(expression_error(path + ".expr", *e));
    }
  }
  if (auto* subsidy = d.if_contains("subsidy")) {
    if (!subsidy->is_object()) {
      errors.push_back({"subsidy", "must be an object with amount and cap"});
    } else {
      auto compiled = rules::Expression::compile(text_of(subsidy->as_object(), "amount"), programme_fact_schema(), true);
      if (auto e = std::get_if<rules::ExpressionError>(&compiled)) errors.push_back(expression_error("subsidy.amount", *e));
      auto* cap = subsidy->as_object().if_contains("cap");
      if (cap && (!cap->is_number() || cap->to_number<double>() < 0)) errors.push_back({"subsidy.cap", "must be a number ≥ 0 (万元)"});
    }
  } else if (kind == "subsidy") {
    errors.push_back({"subsidy", "a subsidy programme needs {amount, cap}"});
  }
  return errors;
}

ProgrammeRecord to_record(const store::ProgrammeRow& r) {
  return {r.id, r.code, boost::json::parse(r.definition_json).as_object(), r.updated_by, r.updated_at, r.region_code};
}

std::optional<Fraction> amount(const std::optional<domain::Decimal>& d) {
  if (!d) return std::nullopt;
  return Fraction::of(*d);
}

const char* truth_text(rules::Expression::Truth t) {
  return t == rules::Expression::Truth::yes ? "pass" : t == rules::Expression::Truth::no ? "fail" : "unknown";
}

// The facts of one enterprise on `as_of`, from its fiscal year before that date (the data year).
rules::FactValues facts_of(const rules::EnterpriseFacts& f, domain::Date as_of, bool above_size, int& data_year) {
  data_year = as_of.year() - 1;
  rules::FactValues v;
  auto set_number = [&](const char* name, std::optional<Fraction> x) {
    if (x) v[name] = rules::FactValue{*x};
    else v[name] = std::nullopt;
  };
  auto rd_of = [](const rules::YearFacts& y) -> std::optional<domain::Decimal> {
    if (y.rd) {
      const auto& r = *y.rd;
      return r.personnel + r.direct_inputs + r.depreciation + r.amortisation + r.design + r.trials +
             r.commissioned_domestic + r.commissioned_foreign + r.other;
    }
    return y.rd_total;
  };
  const auto* y = f.year(data_year);
  const auto* prior = f.year(data_year - 1);
  set_number("sales_revenue", y ? amount(y->sales_revenue) : std::nullopt);
  set_number("rd_total", y ? amount(rd_of(*y)) : std::nullopt);
  set_number("high_tech_revenue", y ? amount(y->high_tech_revenue) : std::nullopt);
  set_number("net_assets", y ? amount(y->net_assets) : std::nullopt);
  set_number("total_assets", y ? amount(y->total_assets) : std::nullopt);
  set_number("employees", y ? amount(y->employees) : std::nullopt);
  set_number("st_staff", y ? amount(y->st_staff) : std::nullopt);
  set_number("prior_sales_revenue", prior ? amount(prior->sales_revenue) : std::nullopt);
  set_number("prior_rd_total", prior ? amount(rd_of(*prior)) : std::nullopt);
  std::int64_t inventions = 0, ip_items = 0;
  for (const auto& ip : f.ip) {
    if (!ip.valid) continue;
    if (ip.kind == rules::IpKind::invention_patent) ++inventions;
    ++ip_items;
  }
  set_number("invention_patents", Fraction::integer(inventions));
  set_number("ip_items", Fraction::integer(ip_items));
  set_number("years_registered", Fraction::integer(domain::days_between(f.registered_on, as_of) / 365));
  v["hte_certified"] = rules::FactValue{f.hte_certificate_issued_on && as_of < f.hte_certificate_issued_on->add_years(3)};
  v["above_size"] = rules::FactValue{above_size};
  return v;
}

}  // namespace

const rules::FactSchema& programme_fact_schema() {
  static const rules::FactSchema schema = {
      {"sales_revenue", {FactType::number, "上年销售收入", "Sales revenue, last year", "万元"}},
      {"rd_total", {FactType::number, "上年研发费用", "R&D expenditure, last year", "万元"}},
      {"high_tech_revenue", {FactType::number, "上年高新技术产品（服务）收入", "High-tech revenue, last year", "万元"}},
      {"net_assets", {FactType::number, "上年净资产", "Net assets, last year", "万元"}},
      {"total_assets", {FactType::number, "上年资产总额", "Total assets, last year", "万元"}},
      {"employees", {FactType::number, "上年职工总数", "Employees, last year", "人"}},
      {"st_staff", {FactType::number, "上年科技人员数", "S&T staff, last year", "人"}},
      {"prior_sales_revenue", {FactType::number, "前年销售收入", "Sales revenue, the year before", "万元"}},
      {"prior_rd_total", {FactType::number, "前年研发费用", "R&D expenditure, the year before", "万元"}},
      {"invention_patents", {FactType::number, "有效发明专利数", "Valid invention patents", "件"}},
      {"ip_items", {FactType::number, "有效知识产权数", "Valid IP items", "件"}},
      {"years_registered", {FactType::number, "成立年限", "Years since registration", "年"}},
      {"hte_certified", {FactType::boolean, "高新技术企业证书有效", "Holds a valid HTE certificate", ""}},
      {"above_size", {FactType::boolean, "规上企业", "Above designated size", ""}},
  };
  return schema;
}

Outcome<std::vector<ProgrammeRecord>> Programmes::list(const Actor& actor) {
  if (auto p = may_read(actor)) return *p;
  auto conn = db_.acquire();
  std::vector<ProgrammeRecord> out;
  for (const auto& r : store::ProgrammeRepository(*conn).list(visible_rows(actor))) out.push_back(to_record(r));
  return out;
}

Outcome<ProgrammeRecord> Programmes::get(const Actor& actor, std::int64_t id) {
  if (auto p = may_read(actor)) return *p;
  auto conn = db_.acquire();
  auto row = store::ProgrammeRepository(*conn).find(id, visible_rows(actor));
  if (!row) return Problem::not_found({msg::no_programme, {{"id", id}}});
  return to_record(*row);
}

Outcome<ProgrammeRecord> Programmes::save(const Actor& actor, std::optional<std::int64_t> id,
                                          const boost::json::object& definition, const RegionChoice& region) {
  if (auto p = may_edit(actor)) return *p;
  auto errors = check(definition);
  if (!errors.empty()) return Problem::validation(std::move(errors));
  const std::string code = text_of(definition, "code");
  const std::string now = domain::to_iso_utc(domain::now_epoch_seconds());
  auto conn = db_.acquire();
  std::optional<Problem> problem;
  ProgrammeRecord saved;
  try {
    store::in_transaction(*conn, [&] {
      store::ProgrammeRepository programmes(*conn);
      std::optional<boost::json::value> before;
      store::ProgrammeRow row{id.value_or(0), code, boost::json::serialize(definition), actor.username, now, {}};
      std::optional<store::ProgrammeRow> existing;
      if (id) {
        existing = programmes.find(*id, visible_rows(actor));
        if (!existing) {
          problem = Problem::not_found({msg::no_programme, {{"id", *id}}});
          return;
        }
        if (!may_change_row(actor, existing->region_code)) {
          problem = Problem::forbidden({msg::record_of_another_district});
          return;
        }
      }
      auto placed = choose_region(actor, region, existing ? existing->region_code : region_of_scope(actor));
      if (!placed) {
        problem = placed.problem();
        return;
      }
      row.region_code = placed.value();
      if (id) {
        // On PostgreSQL a concurrent delete may land between the read and the update.
        if (!programmes.update(row)) {
          problem = Problem::not_found({msg::no_programme, {{"id", *id}}});
          return;
        }
        before = boost::json::value(to_record(*existing).definition);
      } else {
        row.id = programmes.insert(row);
      }
      saved = to_record(*programmes.find(row.id));
      append_audit(*conn, actor, id ? "programme.update" : "programme.create", "programme", std::to_string(row.id), before,
                   boost::json::value(saved.definition));
    });
  } catch (const store::DbError& e) {
    if (e.kind() != store::DbError::Kind::unique_violation) throw;
    return Problem::validation({field_error("code", domain::fmsg::taken)});
  }
  if (problem) return *problem;
  return saved;
}

Status Programmes::remove(const Actor& actor, std::int64_t id) {
  if (auto p = may_edit(actor)) return *p;
  auto conn = db_.acquire();
  bool found = false;
  bool refused = false;
  store::in_transaction(*conn, [&] {
    store::ProgrammeRepository programmes(*conn);
    auto row = programmes.find(id, visible_rows(actor));
    if (row && !may_change_row(actor, row->region_code)) {
      refused = true;
      return;
    }
    if (!row || !programmes.remove(id)) return;
    found = true;
    append_audit(*conn, actor, "programme.delete", "programme", std::to_string(id),
                 boost::json::value(to_record(*row).definition), std::nullopt);
  });
  if (refused) return Problem::forbidden({msg::record_of_another_district});
  if (!found) return Problem::not_found({msg::no_programme, {{"id", id}}});
  return done();
}

Outcome<boost::json::object> Programmes::evaluate(const Actor& actor, std::int64_t id, std::int64_t enterprise_id,
                                                  const std::string& as_of) {
  if (actor.role == Role::viewer) return Problem::forbidden({msg::staff_and_reviewers_only});
  if (!actor.may_access_enterprise(enterprise_id)) return Problem::forbidden({msg::own_enterprise_only});
  auto date = domain::Date::parse(as_of);
  if (!date) return Problem::validation({field_error("as_of", domain::fmsg::not_date)});
  Actor reader = actor;
  if (actor.role == Role::enterprise) reader.role = Role::reviewer;  // reading the rules themselves is fine
  auto programme = get(reader, id);
  if (!programme) return programme.problem();
  auto conn = db_.acquire();
  if (!enterprise_in_scope(*conn, actor, enterprise_id)) {
    return Problem::not_found({msg::no_enterprise, {{"id", enterprise_id}}});
  }
  auto facts = load_enterprise_facts(*conn, enterprise_id, *date, actor.role != Role::enterprise);
  if (!facts) return facts.problem();
  const auto& enterprises = *domain::find_kind("enterprises");
  store::RecordStore enterprise_store(*conn, enterprises);
  const auto record = enterprise_store.get(enterprise_id);
  // A region's programme applies to the enterprises placed inside it only.
  if (programme->region_code) {
    const auto district = enterprise_store.district_of(*record);
    const auto region = domain::RegionCode::parse(*programme->region_code);
    if (!district || !region || !district->starts_with(region->prefix())) {
      return Problem::not_found({msg::no_programme, {{"id", id}}});
    }
  }
  bool above_size = false;
  for (std::size_t i = 0; i < enterprises.fields.size(); ++i) {
    if (enterprises.fields[i].name == "above_size") above_size = record->cells[i] == domain::Cell{std::int64_t{1}};
  }
  int data_year = 0;
  const auto values = facts_of(facts.value(), *date, above_size, data_year);

  const auto& d = programme->definition;
  boost::json::array conditions;
  bool any_fail = false, any_unknown = false;
  for (const auto& c : d.at("conditions").as_array()) {
    const auto& co = c.as_object();
    auto compiled = std::get<rules::Expression>(rules::Expression::compile(text_of(co, "expr"), programme_fact_schema()));
    const auto out = compiled.evaluate(values);
    any_fail = any_fail || out.truth == rules::Expression::Truth::no;
    any_unknown = any_unknown || out.truth == rules::Expression::Truth::unknown;
    boost::json::array comparisons;
    for (const auto& cmp : out.comparisons) {
      boost::json::object o{{"text", cmp.text}, {"status", truth_text(cmp.result)}};
      o["value"] = cmp.left ? boost::json::value(*cmp.left) : boost::json::value(nullptr);
      o["threshold"] = cmp.right ? boost::json::value(*cmp.right) : boost::json::value(nullptr);
      comparisons.push_back(std::move(o));
    }
    boost::json::array used;
    for (const auto& name : compiled.facts_used()) {
      const auto& info = programme_fact_schema().at(name);
      boost::json::object u{{"name", name}, {"zh", info.zh}, {"en", info.en}, {"unit", info.unit}};
      const auto& v = values.at(name);
      if (!v) u["value"] = nullptr;
      else if (auto f = std::get_if<Fraction>(&*v)) u["value"] = f->to_double();
      else u["value"] = std::get<bool>(*v);
      used.push_back(std::move(u));
    }
    conditions.push_back({{"code", text_of(co, "code")},
                          {"zh", text_of(co, "zh")},
                          {"en", text_of(co, "en")},
                          {"expr", text_of(co, "expr")},
                          {"status", truth_text(out.truth)},
                          {"comparisons", std::move(comparisons)},
                          {"facts", std::move(used)}});
  }
  const char* verdict = any_fail ? "not_qualified" : any_unknown ? "needs_review" : "qualified";
  boost::json::object result{{"programme", programme->code},
                             {"as_of", date->to_string()},
                             {"data_year", data_year},
                             {"enterprise_id", enterprise_id},
                             {"verdict", verdict},
                             {"conditions", std::move(conditions)}};
  if (auto* subsidy = d.if_contains("subsidy"); subsidy && std::string(verdict) == "qualified") {
    const auto& so = subsidy->as_object();
    auto compiled = std::get<rules::Expression>(rules::Expression::compile(text_of(so, "amount"), programme_fact_schema(), true));
    const auto out = compiled.evaluate(values);
    boost::json::object s{{"zh", text_of(so, "zh")}, {"en", text_of(so, "en")}};
    if (out.number) {
      Fraction value = *out.number;
      bool capped = false;
      if (auto* cap = so.if_contains("cap")) {
        auto limit = Fraction::parse(boost::json::serialize(*cap));
        if (limit && value > *limit) {
          value = *limit;
          capped = true;
        }
      }
      s["amount"] = value.ceil_to_decimal().to_string();
      s["capped"] = capped;
    } else {
      s["amount"] = nullptr;
    }
    result["subsidy"] = std::move(s);
  }
  return result;
}

}  // namespace kc::app
