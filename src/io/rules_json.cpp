#include "io/rules_json.hpp"

#include <boost/json.hpp>
#include <cstdint>
#include <set>

#include "rules/names.hpp"

namespace kc::io {
namespace {

namespace json = boost::json;
using domain::Date;
using domain::Decimal;
using domain::Fraction;
using namespace kc::rules;

// Raised while mapping one enterprise and turned into a RulesInputError at the edge of
// parse_rules_input; never escapes this file.
struct Bad {
  std::string field;
  std::string message;
};

std::string join(const std::string& prefix, std::string_view key) {
  return prefix.empty() ? std::string(key) : prefix + "." + std::string(key);
}

std::string describe(const json::value& v) {
  switch (v.kind()) {
    case json::kind::null: return "null";
    case json::kind::bool_: return "a boolean";
    case json::kind::string: return "a string";
    case json::kind::array: return "an array";
    case json::kind::object: return "an object";
    default: return "a number";
  }
}

class Reader {
 public:
  explicit Reader(const json::object& o, std::string path = "") : o_(o), path_(std::move(path)) {}

  const json::value* get(std::string_view key) const { return o_.if_contains(key); }
  bool present(std::string_view key) const {
    const auto* v = get(key);
    return v && !v->is_null();
  }
  std::string field(std::string_view key) const { return join(path_, key); }

  std::string string(std::string_view key) const {
    const auto* v = get(key);
    if (!v) throw Bad{field(key), "is required"};
    if (!v->is_string()) throw Bad{field(key), "must be a string, not " + describe(*v)};
    return std::string(v->get_string());
  }

  bool boolean(std::string_view key, bool fallback) const {
    const auto* v = get(key);
    if (!v || v->is_null()) return fallback;
    if (!v->is_bool()) throw Bad{field(key), "must be true or false, not " + describe(*v)};
    return v->get_bool();
  }

  Date date(std::string_view key) const {
    const std::string s = string(key);
    auto d = Date::parse(s);
    if (!d) throw Bad{field(key), "\"" + s + "\" is not a date (YYYY-MM-DD)"};
    return *d;
  }

  std::optional<int> integer(std::string_view key, long long lo, long long hi) const {
    const auto* v = get(key);
    if (!v || v->is_null()) return std::nullopt;
    long long n = 0;
    if (v->is_int64())
      n = v->get_int64();
    else if (v->is_uint64())
      throw Bad{field(key), "is out of range"};
    else if (v->is_double() && v->get_double() == static_cast<double>(static_cast<long long>(v->get_double())))
      n = static_cast<long long>(v->get_double());
    else
      throw Bad{field(key), "must be a whole number, not " + describe(*v)};
    if (n < lo || n > hi)
      throw Bad{field(key), std::to_string(n) + " is outside " + std::to_string(lo) + ".." + std::to_string(hi)};
    return static_cast<int>(n);
  }

  // Amounts: JSON numbers or decimal strings, at most 4 decimals, negative only when allowed.
  std::optional<Decimal> amount(std::string_view key, bool allow_negative = false) const {
    const auto* v = get(key);
    if (!v || v->is_null()) return std::nullopt;
    return amount_value(*v, field(key), allow_negative);
  }

  static Decimal amount_value(const json::value& v, const std::string& f, bool allow_negative) {
    std::optional<Decimal> d;
    Decimal::ParseError why = Decimal::ParseError::malformed;
    if (v.is_int64()) {
      const auto n = v.get_int64();
      if (n > Decimal::kMaxUnits / Decimal::kUnitsPerOne || n < -Decimal::kMaxUnits / Decimal::kUnitsPerOne)
        why = Decimal::ParseError::out_of_range;
      else
        d = Decimal::from_int(n);
    } else if (v.is_uint64()) {
      why = Decimal::ParseError::out_of_range;
    } else if (v.is_double()) {
      d = Decimal::from_double(v.get_double(), &why);
    } else if (v.is_string()) {
      d = Decimal::parse(std::string_view(v.get_string()), &why);
    } else {
      throw Bad{f, "must be a number, not " + describe(v)};
    }
    if (!d) {
      switch (why) {
        case Decimal::ParseError::too_many_decimals:
          throw Bad{f, "has more than 4 decimal places (amounts are 万元 to the yuan)"};
        case Decimal::ParseError::out_of_range: throw Bad{f, "is out of range"};
        default: throw Bad{f, "is not a decimal number"};
      }
    }
    if (d->is_negative() && !allow_negative)
      throw Bad{f, "must not be negative (" + d->to_string() + ")"};
    return *d;
  }

  const json::array* array(std::string_view key) const {
    const auto* v = get(key);
    if (!v || v->is_null()) return nullptr;
    if (!v->is_array()) throw Bad{field(key), "must be an array, not " + describe(*v)};
    return &v->get_array();
  }

  const json::object* object(std::string_view key) const {
    const auto* v = get(key);
    if (!v || v->is_null()) return nullptr;
    if (!v->is_object()) throw Bad{field(key), "must be an object, not " + describe(*v)};
    return &v->get_object();
  }

  template <class E, class F>
  E enumerated(std::string_view key, F from, const char* what) const {
    const std::string s = string(key);
    auto e = from(s);
    if (!e) throw Bad{field(key), "unknown " + std::string(what) + " \"" + s + "\""};
    return *e;
  }

 private:
  const json::object& o_;
  std::string path_;
};

const json::object& element_object(const json::value& v, const std::string& f) {
  if (!v.is_object()) throw Bad{f, "must be an object, not " + describe(v)};
  return v.get_object();
}

RdBreakdown rd_breakdown(const Reader& r) {
  auto a = [&](std::string_view k) { return r.amount(k).value_or(Decimal{}); };
  RdBreakdown b;
  b.personnel = a("personnel");
  b.direct_inputs = a("direct_inputs");
  b.depreciation = a("depreciation");
  b.amortisation = a("amortisation");
  b.design = a("design");
  b.trials = a("trials");
  b.commissioned_domestic = a("commissioned_domestic");
  b.commissioned_foreign = a("commissioned_foreign");
  b.other = a("other");
  return b;
}

YearFacts year_facts(const json::object& o, const std::string& path) {
  Reader r(o, path);
  YearFacts y;
  const auto year = r.integer("year", 1900, 9999);
  if (!year) throw Bad{r.field("year"), "is required"};
  y.year = *year;
  y.sales_revenue = r.amount("sales_revenue");
  y.gross_income = r.amount("gross_income");
  y.non_taxable_income = r.amount("non_taxable_income");
  y.high_tech_revenue = r.amount("high_tech_revenue");
  y.ip_backed_revenue = r.amount("ip_backed_revenue");
  if (const auto* rd = r.object("rd")) y.rd = rd_breakdown(Reader(*rd, r.field("rd")));
  y.rd_total = r.amount("rd_total");
  y.total_cost_expense = r.amount("total_cost_expense");
  y.net_assets = r.amount("net_assets", /*allow_negative=*/true);
  y.total_assets = r.amount("total_assets");
  y.employees = r.amount("employees");
  y.st_staff = r.amount("st_staff");
  if (const auto* months = r.array("staff_monthly")) {
    if (months->empty() || months->size() > 12)
      throw Bad{r.field("staff_monthly"), "must hold 1 to 12 months, not " + std::to_string(months->size())};
    for (std::size_t i = 0; i < months->size(); ++i) {
      const std::string f = r.field("staff_monthly") + "[" + std::to_string(i) + "]";
      Reader m(element_object((*months)[i], f), f);
      auto req = [&](std::string_view k) {
        auto v = m.amount(k);
        if (!v) throw Bad{m.field(k), "is required"};
        return *v;
      };
      y.staff_monthly.push_back({req("employees_start"), req("employees_end"), req("st_start"), req("st_end")});
    }
  }
  y.transfers = r.integer("transfers", 0, 1'000'000);
  return y;
}

ExpertScores expert_scores(const Reader& r) {
  auto s = [&](std::string_view k, int max) {
    auto v = r.amount(k);
    if (!v) throw Bad{r.field(k), "is required"};
    if (*v > Decimal::from_int(max))
      throw Bad{r.field(k), v->to_string() + " is above its maximum of " + std::to_string(max)};
    return *v;
  };
  ExpertScores e;
  e.ip_advancement = s("ip_advancement", 8);
  e.ip_core_support = s("ip_core_support", 8);
  e.ip_quantity = s("ip_quantity", 8);
  e.ip_acquisition = s("ip_acquisition", 6);
  e.ip_standards_bonus = s("ip_standards_bonus", 2);
  e.transfer = s("transfer", 30);
  e.rd_management = s("rd_management", 20);
  e.growth_net_assets = s("growth_net_assets", 10);
  e.growth_sales = s("growth_sales", 10);
  return e;
}

EnterpriseFacts enterprise(const json::object& o) {
  Reader r(o);
  EnterpriseFacts e;
  e.id = r.string("id");
  e.registered_on = r.date("registered_on");
  e.resident = r.boolean("resident", true);
  e.prohibited_industry = r.boolean("prohibited_industry", false);
  e.abnormal_operation_list = r.boolean("abnormal_operation_list", false);
  e.serious_violation_list = r.boolean("serious_violation_list", false);
  auto each = [&](std::string_view key, auto fn) {
    if (const auto* a = r.array(key))
      for (std::size_t i = 0; i < a->size(); ++i) {
        const std::string f = std::string(key) + "[" + std::to_string(i) + "]";
        fn(Reader(element_object((*a)[i], f), f));
      }
  };
  each("incidents", [&](const Reader& x) {
    e.incidents.push_back({x.date("date"), x.enumerated<IncidentKind>("kind", incident_kind_from, "incident kind")});
  });
  e.tech_field = r.integer("tech_field", 1, 8);
  if (const auto* c = r.object("hte_certificate")) e.hte_certificate_issued_on = Reader(*c, "hte_certificate").date("issued_on");
  std::set<int> seen;
  if (const auto* a = r.array("years"))
    for (std::size_t i = 0; i < a->size(); ++i) {
      const std::string f = "years[" + std::to_string(i) + "]";
      YearFacts y = year_facts(element_object((*a)[i], f), f);
      if (!seen.insert(y.year).second) throw Bad{f + ".year", "duplicate year " + std::to_string(y.year)};
      e.years.push_back(std::move(y));
    }
  each("ip", [&](const Reader& x) {
    IpItem item;
    item.id = x.present("id") ? x.string("id") : std::string();
    item.kind = x.enumerated<IpKind>("kind", ip_kind_from, "IP kind");
    if (x.present("granted_on")) item.granted_on = x.date("granted_on");
    item.valid = x.boolean("valid", true);
    item.how = x.present("how") ? x.enumerated<IpAcquisition>("how", ip_acquisition_from, "acquisition")
                                : IpAcquisition::self;
    item.used_in_hte_recognition = x.integer("used_in_hte_recognition", 1900, 9999);
    e.ip.push_back(std::move(item));
  });
  each("standards", [&](const Reader& x) {
    e.standards.push_back({x.enumerated<StandardLevel>("level", standard_level_from, "standard level"),
                           x.date("issued_on"), x.integer("drafting_rank", 1, 1000).value_or(1000)});
  });
  each("awards", [&](const Reader& x) {
    e.awards.push_back({x.string("level"), x.integer("year", 1900, 9999).value_or(0),
                        x.integer("organisation_rank", 1, 1000).value_or(1000)});
  });
  each("rd_institutions", [&](const Reader& x) {
    e.rd_institutions.push_back(
        {x.enumerated<InstitutionLevel>("level", institution_level_from, "institution level"),
         x.enumerated<InstitutionKind>("kind", institution_kind_from, "institution kind")});
  });
  if (const auto* s = r.object("expert_scores")) e.expert_scores = expert_scores(Reader(*s, "expert_scores"));
  if (const auto* a = r.array("panel_totals"))
    for (std::size_t i = 0; i < a->size(); ++i) {
      const std::string f = "panel_totals[" + std::to_string(i) + "]";
      const Decimal d = Reader::amount_value((*a)[i], f, false);
      if (d > Decimal::from_int(100)) throw Bad{f, d.to_string() + " is above 100"};
      e.panel_totals.push_back(d);
    }
  return e;
}

// Whole numbers are written as integers (365, 70), others as doubles (0.0578…).
json::value number(const Fraction& f) {
  const Fraction r = f.reduced();
  if (r.den() == 1 && r.num() <= INT64_MAX && r.num() >= INT64_MIN)
    return json::value(static_cast<std::int64_t>(r.num()));
  return json::value(r.to_double());
}

json::value opt_number(const std::optional<Fraction>& v) {
  return v ? number(*v) : json::value(nullptr);
}

json::object detail(const Bilingual& b) { return {{"zh", b.zh}, {"en", b.en}}; }

json::array conditions_json(const std::vector<Condition>& cs) {
  json::array a;
  for (const auto& c : cs)
    a.push_back(json::object{{"code", c.code},
                             {"status", rules::to_string(c.status)},
                             {"value", opt_number(c.value)},
                             {"threshold", opt_number(c.threshold)},
                             {"unit", rules::condition_unit(c.code)},
                             {"detail", detail(c.detail)}});
  return a;
}

json::array gaps_json(const std::vector<Gap>& gs) {
  json::array a;
  for (const auto& g : gs) {
    json::array years;
    for (int y : g.years) years.push_back(y);
    a.push_back(json::object{
        {"code", g.code},
        {"field", g.field},
        {"years", std::move(years)},
        {"amount", g.amount ? number(Fraction::of(*g.amount)) : json::value(nullptr)},
        {"count", g.count ? json::value(*g.count) : json::value(nullptr)},
        {"date", g.date ? json::value(g.date->to_string()) : json::value(nullptr)},
        {"fixable", g.fixable},
        {"text", detail(g.text)}});
  }
  return a;
}

json::array failed_json(const std::vector<std::string>& f) {
  json::array a;
  for (const auto& s : f) a.push_back(json::value(s));
  return a;
}

json::value band(const std::optional<char>& b) {
  return b ? json::value(std::string(1, *b)) : json::value(nullptr);
}

}  // namespace

std::string RulesInputError::to_string() const {
  std::string s = "enterprise " + enterprise;
  if (!field.empty()) s += ", field " + field;
  return s + ": " + message;
}

std::variant<RulesInput, RulesInputError> parse_rules_input(std::string_view json_text) {
  boost::system::error_code ec;
  const json::value doc = json::parse(json_text, ec);
  if (ec) return RulesInputError{"-", "", "input is not valid JSON (" + ec.message() + ")"};
  if (!doc.is_object()) return RulesInputError{"-", "", "input must be a JSON object"};
  RulesInput in;
  try {
    Reader top(doc.get_object());
    in.as_of = top.date("as_of");
    const auto* list = top.array("enterprises");
    if (!list) throw Bad{"enterprises", "is required"};
    in.enterprises.reserve(list->size());
    std::set<std::string> ids;
    for (std::size_t i = 0; i < list->size(); ++i) {
      const std::string pos = "#" + std::to_string(i + 1);
      const json::value& v = (*list)[i];
      if (!v.is_object()) return RulesInputError{pos, "", "must be an object, not " + describe(v)};
      std::string label = pos;
      if (const auto* id = v.get_object().if_contains("id"); id && id->is_string())
        label = "\"" + std::string(id->get_string()) + "\"";
      try {
        in.enterprises.push_back(enterprise(v.get_object()));
      } catch (const Bad& b) {
        return RulesInputError{label, b.field, b.message};
      }
      if (!ids.insert(in.enterprises.back().id).second)
        return RulesInputError{label, "id", "duplicate enterprise id"};
    }
  } catch (const Bad& b) {
    return RulesInputError{"-", b.field, b.message};
  }
  return in;
}

std::string hte_results_json(const HtePolicy& p, Date as_of, const std::vector<HteResult>& results,
                             const std::vector<std::vector<Gap>>& gaps) {
  json::array out;
  for (std::size_t i = 0; i < results.size(); ++i) {
    const HteResult& r = results[i];
    json::object bands{{"ip_quantity", band(r.score.ip_quantity)},
                       {"transfer", band(r.score.transfer)},
                       {"growth_net_assets", band(r.score.growth_net_assets)},
                       {"growth_sales", band(r.score.growth_sales)}};
    out.push_back(json::object{
        {"id", r.id},
        {"verdict", rules::to_string(r.verdict)},
        {"failed", failed_json(r.failed)},
        {"conditions", conditions_json(r.conditions)},
        {"score", json::object{{"bands", std::move(bands)},
                               {"total", opt_number(r.score.total)}}},
        {"gaps", i < gaps.size() ? gaps_json(gaps[i]) : json::array{}}});
  }
  return json::serialize(json::object{
      {"policy", p.id}, {"as_of", as_of.to_string()}, {"results", std::move(out)}});
}

std::string sme_results_json(const SmePolicy& p, Date as_of, const std::vector<SmeResult>& results,
                             const std::vector<std::vector<Gap>>& gaps) {
  json::array out;
  for (std::size_t i = 0; i < results.size(); ++i) {
    const SmeResult& r = results[i];
    out.push_back(json::object{
        {"id", r.id},
        {"verdict", rules::to_string(r.verdict)},
        {"route", r.route ? json::value(rules::to_string(*r.route)) : json::value(nullptr)},
        {"failed", failed_json(r.failed)},
        {"score", json::object{{"st_staff", r.score.st_staff},
                               {"rd", r.score.rd},
                               {"rd_option", r.score.rd_option},
                               {"ip", r.score.ip},
                               {"total", r.score.total}}},
        {"conditions", conditions_json(r.conditions)},
        {"gaps", i < gaps.size() ? gaps_json(gaps[i]) : json::array{}}});
  }
  return json::serialize(json::object{
      {"policy", p.id}, {"as_of", as_of.to_string()}, {"results", std::move(out)}});
}

RulesEvaluation evaluate_facts(std::string_view policy, Date as_of, const std::vector<EnterpriseFacts>& enterprises) {
  RulesEvaluation ev;
  const PolicyLoad load = load_policy(policy, as_of);
  if (!load.policy) {
    ev.error = load.error;
    return ev;
  }
  if (const auto* hte = std::get_if<HtePolicy>(&*load.policy)) {
    std::vector<HteResult> results;
    std::vector<std::vector<Gap>> gaps;
    for (const auto& e : enterprises) {
      results.push_back(evaluate_hte(e, *hte, as_of));
      gaps.push_back(hte_gaps(e, *hte, as_of, results.back()));
    }
    ev.output = hte_results_json(*hte, as_of, results, gaps);
  } else {
    const auto& sme = std::get<SmePolicy>(*load.policy);
    std::vector<SmeResult> results;
    std::vector<std::vector<Gap>> gaps;
    for (const auto& e : enterprises) {
      results.push_back(evaluate_sme(e, sme, as_of));
      gaps.push_back(sme_gaps(e, sme, as_of, results.back()));
    }
    ev.output = sme_results_json(sme, as_of, results, gaps);
  }
  ev.ok = true;
  return ev;
}

RulesEvaluation evaluate_rules_document(std::string_view policy, std::string_view input_json) {
  auto parsed = parse_rules_input(input_json);
  if (auto* err = std::get_if<RulesInputError>(&parsed)) {
    RulesEvaluation ev;
    ev.error = err->to_string();
    return ev;
  }
  const RulesInput& in = std::get<RulesInput>(parsed);
  return evaluate_facts(policy, in.as_of, in.enterprises);
}

}  // namespace kc::io
