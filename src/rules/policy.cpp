#include "rules/policy.hpp"

#include <boost/json.hpp>
#include <stdexcept>

#include "rules/names.hpp"
#include "rules/policy_texts.hpp"

namespace kc::rules {
namespace {

namespace json = boost::json;

// Thrown only inside this file and turned into PolicyLoad::error at its edge.
struct SettingError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

const json::value& at(const json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  if (!v) throw SettingError("missing setting \"" + std::string(key) + "\"");
  return *v;
}

std::string str(const json::object& o, std::string_view key) {
  const auto& v = at(o, key);
  if (!v.is_string()) throw SettingError("setting \"" + std::string(key) + "\" must be a string");
  return std::string(v.get_string());
}

int integer(const json::object& o, std::string_view key) {
  const auto& v = at(o, key);
  if (!v.is_int64()) throw SettingError("setting \"" + std::string(key) + "\" must be an integer");
  return static_cast<int>(v.get_int64());
}

bool boolean(const json::object& o, std::string_view key) {
  const auto& v = at(o, key);
  if (!v.is_bool()) throw SettingError("setting \"" + std::string(key) + "\" must be true/false");
  return v.get_bool();
}

// Thresholds are written as strings ("0.05") so they are read exactly.
Fraction frac_value(const json::value& v, std::string_view key) {
  if (v.is_string()) {
    if (auto f = Fraction::parse(std::string_view(v.get_string()))) return *f;
  } else if (v.is_int64()) {
    return Fraction::integer(v.get_int64());
  }
  throw SettingError("setting \"" + std::string(key) + "\" must be a decimal string");
}

Fraction frac(const json::object& o, std::string_view key) { return frac_value(at(o, key), key); }

const json::object& obj(const json::object& o, std::string_view key) {
  const auto& v = at(o, key);
  if (!v.is_object()) throw SettingError("setting \"" + std::string(key) + "\" must be an object");
  return v.get_object();
}

const json::array& arr(const json::object& o, std::string_view key) {
  const auto& v = at(o, key);
  if (!v.is_array()) throw SettingError("setting \"" + std::string(key) + "\" must be an array");
  return v.get_array();
}

Bilingual bilingual(const json::object& o, std::string_view key) {
  const auto& b = obj(o, key);
  return {str(b, "zh"), str(b, "en")};
}

Date date(const json::object& o, std::string_view key) {
  auto d = Date::parse(str(o, key));
  if (!d) throw SettingError("setting \"" + std::string(key) + "\" must be a YYYY-MM-DD date");
  return *d;
}

template <class E, class F>
std::vector<E> enum_list(const json::object& o, std::string_view key, F from) {
  std::vector<E> out;
  for (const auto& v : arr(o, key)) {
    std::optional<E> e;
    if (v.is_string()) e = from(std::string_view(v.get_string()));
    if (!e) throw SettingError("setting \"" + std::string(key) + "\" has an unknown entry");
    out.push_back(*e);
  }
  return out;
}

RdCollection rd_collection(const json::object& o) {
  const auto& c = obj(o, "rd_collection");
  RdCollection r;
  r.commissioned_share = frac(c, "commissioned_share");
  r.other_cap_share = frac(c, "other_cap_share");
  if (!(r.other_cap_share < Fraction::integer(1)) || r.other_cap_share.is_negative())
    throw SettingError("setting \"other_cap_share\" must be in [0, 1)");
  r.cap_base_includes_commissioned = boolean(c, "other_cap_base_includes_commissioned");
  r.commissioned_share = r.commissioned_share.reduced();
  r.other_cap_factor = (r.other_cap_share / (Fraction::integer(1) - r.other_cap_share)).reduced();
  // Only the per-year scope is implemented; a version asking for another must not load silently.
  if (str(c, "other_cap_scope") != "per_year")
    throw SettingError("setting \"other_cap_scope\": only \"per_year\" is implemented");
  return r;
}

std::vector<PointsBand> points_bands(const json::object& o, std::string_view key) {
  std::vector<PointsBand> out;
  for (const auto& v : arr(o, key)) {
    if (!v.is_object()) throw SettingError("setting \"" + std::string(key) + "\" entries are objects");
    out.push_back({frac(v.get_object(), "min"), integer(v.get_object(), "points")});
  }
  for (std::size_t i = 1; i < out.size(); ++i)
    if (!(out[i].min < out[i - 1].min))
      throw SettingError("setting \"" + std::string(key) + "\" must be in descending order");
  return out;
}

PointRange point_range(const json::value& v, const std::string& key) {
  const auto* a = v.if_array();
  if (!a || a->size() != 2 || !(*a)[0].is_int64() || !(*a)[1].is_int64() || (*a)[0].get_int64() < 0 ||
      (*a)[0].get_int64() > (*a)[1].get_int64()) {
    throw SettingError("setting \"" + key + "\" is a range [min, max] of whole points");
  }
  return {static_cast<int>((*a)[0].get_int64()), static_cast<int>((*a)[1].get_int64())};
}

// Band letter → points, one entry per letter of `letters` and no other.
std::vector<std::pair<char, PointRange>> band_points(const json::object& o, std::string_view item,
                                                     std::string_view letters) {
  const auto& bands = obj(o, item);
  std::vector<std::pair<char, PointRange>> out;
  for (char c : letters) {
    const std::string key = "score_points." + std::string(item) + "." + c;
    if (!bands.contains(std::string(1, c))) throw SettingError("setting \"" + key + "\" is missing");
    out.emplace_back(c, point_range(bands.at(std::string(1, c)), key));
  }
  if (bands.size() != letters.size()) {
    throw SettingError("setting \"score_points." + std::string(item) + "\" has bands " + std::string(letters) + " only");
  }
  return out;
}

HteScorePoints score_points(const json::object& o) {
  HteScorePoints p;
  p.ip_quantity = band_points(o, "ip_quantity", "ABCDE");
  p.transfer = band_points(o, "transfer", "ABCDEF");
  p.growth = band_points(o, "growth", "ABCDEF");
  for (const auto& [name, v] : obj(o, "expert")) {
    p.expert.emplace_back(std::string(name), point_range(v, "score_points.expert." + std::string(name)));
  }
  return p;
}

// {"what": code, "due": "MM-DD", "zh": …, "en": …}; the day must exist in every year.
AnnualDeadline annual_deadline(const json::object& o, std::string_view key) {
  const auto& d = obj(o, key);
  AnnualDeadline a;
  a.what = str(d, "what");
  a.name = {str(d, "zh"), str(d, "en")};
  const std::string due = str(d, "due");
  const auto parsed = due.size() == 5 && due[2] == '-' ? Date::parse("2001-" + due) : std::nullopt;
  if (!parsed) throw SettingError("setting \"" + std::string(key) + ".due\" is a day of every year, \"MM-DD\"");
  a.month = std::stoi(due.substr(0, 2));
  a.day = std::stoi(due.substr(3, 2));
  return a;
}

HtePolicy parse_hte(const json::object& o) {
  HtePolicy p;
  p.id = str(o, "id");
  p.effective_from = date(o, "effective_from");
  const auto& docs = obj(o, "documents");
  p.measures = bilingual(docs, "measures");
  p.guide = bilingual(docs, "guide");
  p.annual_report = annual_deadline(o, "annual_report");
  p.age_min_days = integer(o, "age_min_days");
  p.rd_window_years = integer(o, "rd_window_years");
  for (const auto& v : arr(o, "rd_tiers")) {
    if (!v.is_object()) throw SettingError("setting \"rd_tiers\" entries are objects");
    const auto& t = v.get_object();
    RdTier tier;
    if (!at(t, "sales_max").is_null()) tier.sales_max = frac(t, "sales_max");
    tier.min_ratio = frac(t, "min_ratio");
    p.rd_tiers.push_back(tier);
  }
  if (p.rd_tiers.empty() || p.rd_tiers.back().sales_max)
    throw SettingError("setting \"rd_tiers\" must end with an open tier (sales_max null)");
  p.rd_domestic_min_share = frac(o, "rd_domestic_min_share");
  p.rd_collection = rd_collection(o);
  p.st_staff_min_ratio = frac(o, "st_staff_min_ratio");
  p.high_tech_revenue_min_share = frac(o, "high_tech_revenue_min_share");
  p.main_products_min_share = frac(o, "main_products_min_share_exclusive");
  p.score_pass_mark = frac(o, "score_pass_mark_exclusive");
  p.ip_score_cap = frac(o, "ip_score_cap");
  p.incident_window_days = integer(o, "incident_window_days");
  p.incident_kinds = enum_list<IncidentKind>(o, "incident_kinds", incident_kind_from);
  p.ip_class_one = enum_list<IpKind>(o, "ip_class_one", ip_kind_from);
  p.ip_class_two = enum_list<IpKind>(o, "ip_class_two", ip_kind_from);
  p.ip_class_two_single_use = boolean(o, "ip_class_two_single_use");
  for (const auto& v : arr(o, "ip_quantity_class_two_bands")) {
    if (!v.is_int64()) throw SettingError("setting \"ip_quantity_class_two_bands\" holds integers");
    p.ip_quantity_class_two_bands.push_back(static_cast<int>(v.get_int64()));
  }
  if (p.ip_quantity_class_two_bands.size() != 3)
    throw SettingError("setting \"ip_quantity_class_two_bands\" needs 3 entries (B, C, D)");
  for (const auto& v : arr(o, "transfer_bands"))
    p.transfer_bands.push_back(frac_value(v, "transfer_bands"));
  if (p.transfer_bands.size() != 5)
    throw SettingError("setting \"transfer_bands\" needs 5 entries (A..E)");
  for (const auto& v : arr(o, "growth_bands")) p.growth_bands.push_back(frac_value(v, "growth_bands"));
  if (p.growth_bands.size() != 4)
    throw SettingError("setting \"growth_bands\" needs 4 entries (A..D)");
  p.score_points = score_points(obj(o, "score_points"));
  if (str(o, "growth_first_value_zero") != "latter_two_years")
    throw SettingError("setting \"growth_first_value_zero\": only \"latter_two_years\" is implemented");
  if (str(o, "growth_negative_base") != "needs_review")
    throw SettingError("setting \"growth_negative_base\": only \"needs_review\" is implemented");
  return p;
}

SmePolicy parse_sme(const json::object& o) {
  SmePolicy p;
  p.id = str(o, "id");
  p.effective_from = date(o, "effective_from");
  p.measures = bilingual(obj(o, "documents"), "measures");
  p.data_year_offset = integer(o, "data_year_offset");
  p.annual_update = annual_deadline(o, "annual_update");
  p.max_employees = frac(o, "max_employees");
  p.max_sales = frac(o, "max_sales");
  p.max_total_assets = frac(o, "max_total_assets");
  p.st_staff_bands = points_bands(o, "st_staff_bands");
  p.rd_sales_bands = points_bands(o, "rd_sales_bands");
  p.rd_cost_bands = points_bands(o, "rd_cost_bands");
  p.ip_class_one_points = integer(o, "ip_class_one_points");
  for (const auto& v : arr(o, "ip_class_two_bands")) {
    if (!v.is_object()) throw SettingError("setting \"ip_class_two_bands\" entries are objects");
    p.ip_class_two_bands.push_back({integer(v.get_object(), "min"), integer(v.get_object(), "points")});
  }
  p.pass_score = frac(o, "pass_score");
  p.rd_collection = rd_collection(o);
  p.incident_kinds = enum_list<IncidentKind>(o, "incident_kinds", incident_kind_from);
  p.incident_years_back = integer(o, "incident_years_back");
  p.hte_certificate_valid_years = integer(o, "hte_certificate_valid_years");
  for (const auto& v : arr(o, "award_levels")) {
    if (!v.is_string()) throw SettingError("setting \"award_levels\" holds strings");
    p.award_levels.emplace_back(v.get_string());
  }
  p.award_window_years = integer(o, "award_window_years");
  p.award_max_rank = integer(o, "award_max_rank");
  p.institution_levels = enum_list<InstitutionLevel>(o, "institution_levels", institution_level_from);
  p.institution_kinds = enum_list<InstitutionKind>(o, "institution_kinds", institution_kind_from);
  p.standard_levels = enum_list<StandardLevel>(o, "standard_levels", standard_level_from);
  p.standard_window_years = integer(o, "standard_window_years");
  p.standard_max_rank = integer(o, "standard_max_rank");
  p.ip_class_one = enum_list<IpKind>(o, "ip_class_one", ip_kind_from);
  p.ip_class_two = enum_list<IpKind>(o, "ip_class_two", ip_kind_from);
  return p;
}

Date effective_from(const Policy& p) {
  return std::visit([](const auto& v) { return v.effective_from; }, p);
}

std::string kind_of(const Policy& p) { return std::holds_alternative<HtePolicy>(p) ? "hte" : "sme"; }

}  // namespace

PolicyLoad parse_policy(std::string_view json_text) {
  PolicyLoad out;
  boost::system::error_code ec;
  const json::value v = json::parse(json_text, ec);
  if (ec || !v.is_object()) {
    out.error = "policy file is not a JSON object";
    return out;
  }
  try {
    const auto& o = v.get_object();
    const std::string kind = str(o, "kind");
    if (kind == "hte")
      out.policy = parse_hte(o);
    else if (kind == "sme")
      out.policy = parse_sme(o);
    else
      throw SettingError("setting \"kind\" must be \"hte\" or \"sme\"");
  } catch (const SettingError& e) {
    out.error = e.what();
  } catch (const std::exception& e) {  // e.g. a JSON type mismatch inside Boost
    out.error = std::string("policy file: ") + e.what();
  }
  return out;
}

const std::string& policy_id(const Policy& p) {
  return std::visit([](const auto& v) -> const std::string& { return v.id; }, p);
}

std::vector<std::string> policy_ids() {
  std::vector<std::string> ids;
  for (const auto& t : embedded_policy_texts()) ids.emplace_back(t.id);
  return ids;
}

PolicyChoice policy_for_history(std::string_view id_or_kind, Date as_of) {
  PolicyChoice choice{load_policy(id_or_kind, as_of), false};
  if (choice.load.policy) return choice;
  std::optional<Policy> first;
  for (const auto& t : embedded_policy_texts()) {
    PolicyLoad l = parse_policy(t.json);
    if (!l.policy || kind_of(*l.policy) != id_or_kind) continue;
    if (!first || effective_from(*l.policy) < effective_from(*first)) first = std::move(l.policy);
  }
  if (first) choice = {{std::move(first), {}}, true};
  return choice;
}

PolicyLoad load_policy(std::string_view id_or_kind, std::optional<Date> as_of) {
  for (const auto& t : embedded_policy_texts()) {
    if (t.id != id_or_kind) continue;
    PolicyLoad l = parse_policy(t.json);
    if (l.policy && policy_id(*l.policy) != t.id)
      l = {std::nullopt, "policy file " + std::string(t.id) + ".json declares another id"};
    return l;
  }
  // A kind: the newest version in force at as_of.
  PolicyLoad best;
  for (const auto& t : embedded_policy_texts()) {
    PolicyLoad l = parse_policy(t.json);
    if (!l.policy) return {std::nullopt, std::string(t.id) + ": " + l.error};
    if (kind_of(*l.policy) != id_or_kind) continue;
    const Date from = effective_from(*l.policy);
    if (as_of && from > *as_of) continue;
    if (!best.policy || effective_from(*best.policy) < from) best = std::move(l);
  }
  if (!best.policy) {
    std::string known;
    for (const auto& id : policy_ids()) known += (known.empty() ? "" : ", ") + id;
    best.error = "no policy \"" + std::string(id_or_kind) + "\"" +
                 (as_of ? " in force on " + as_of->to_string() : std::string()) +
                 " (known: hte, sme, " + known + ")";
  }
  return best;
}

Date AnnualDeadline::due_in(int year) const { return *Date::from_ymd(year, month, day); }

}  // namespace kc::rules
