#include "app/policy/enterprise_facts.hpp"

#include <map>

#include "app/messages.hpp"
#include "domain/field_messages.hpp"
#include "domain/registry_kinds.hpp"
#include "store/record_store.hpp"
#include "store/sql_filter.hpp"

namespace kc::app {
namespace {

using rules::Decimal;

// Field access by name over a record of a known kind.
class View {
 public:
  View(const domain::KindDef& kind, const store::Record& r) : kind_(kind), r_(r) {}
  const domain::Cell& cell(const std::string& name) const {
    static const domain::Cell null;
    for (std::size_t i = 0; i < kind_.fields.size(); ++i) {
      if (kind_.fields[i].name == name) return r_.cells[i];
    }
    return null;
  }
  std::optional<std::int64_t> integer(const std::string& name) const {
    if (auto v = std::get_if<std::int64_t>(&cell(name))) return *v;
    return std::nullopt;
  }
  std::optional<std::string> text(const std::string& name) const {
    if (auto v = std::get_if<std::string>(&cell(name))) return *v;
    return std::nullopt;
  }
  std::optional<Decimal> amount(const std::string& name) const {
    if (auto v = integer(name)) return Decimal::from_units(*v);
    return std::nullopt;
  }
  std::optional<Decimal> count(const std::string& name) const {
    if (auto v = integer(name)) return Decimal::from_int(*v);
    return std::nullopt;
  }
  std::optional<domain::Date> date(const std::string& name) const {
    if (auto t = text(name)) return domain::Date::parse(*t);
    return std::nullopt;
  }

 private:
  const domain::KindDef& kind_;
  const store::Record& r_;
};

// Every record of `kind` whose enterprise reference is `id`.
std::vector<store::Record> owned(store::Connection& conn, const char* kind_name, std::int64_t id) {
  const auto* kind = domain::find_kind(kind_name);
  if (!kind) return {};
  store::RecordStore records(conn, *kind);
  store::RecordQuery q;
  q.equals = {{"enterprise_id", domain::Cell{id}}};
  q.page = {1, 10000};
  return records.list(q);
}

std::optional<rules::IpKind> ip_kind(const std::string& kind) {
  static const std::map<std::string, rules::IpKind> kinds = {
      {"invention", rules::IpKind::invention_patent},     {"utility_model", rules::IpKind::utility_model},
      {"design", rules::IpKind::design_patent},           {"software_copyright", rules::IpKind::software_copyright},
      {"ic_layout", rules::IpKind::ic_layout},            {"plant_variety", rules::IpKind::plant_variety},
      {"crop_variety", rules::IpKind::crop_variety},      {"new_drug", rules::IpKind::new_drug},
      {"tcm_protected", rules::IpKind::tcm_protected},    {"defence_patent", rules::IpKind::defence_patent}};
  auto it = kinds.find(kind);
  if (it == kinds.end()) return std::nullopt;
  return it->second;
}

}  // namespace

std::optional<ExpertReview> expert_review_on(store::Connection& conn, std::int64_t enterprise_id, domain::Date as_of) {
  const auto* kind = domain::find_kind("hte_expert_reviews");
  const store::Record* latest = nullptr;
  std::string latest_on;
  const auto reviews = owned(conn, "hte_expert_reviews", enterprise_id);
  for (const auto& r : reviews) {
    const View v(*kind, r);
    const auto on = v.text("reviewed_on").value_or("");
    // ISO dates compare as text; the latest review not after the application date counts.
    if (on.empty() || on > as_of.to_string() || on <= latest_on) continue;
    latest = &r;
    latest_on = on;
  }
  if (!latest) return std::nullopt;
  const View v(*kind, *latest);
  // Decimal scores are stored scaled like amounts; only the standards bonus may be empty.
  auto score = [&](const char* name) { return v.amount(name).value_or(Decimal{}); };
  ExpertReview review;
  review.id = latest->id;
  review.reviewed_on = latest_on;
  review.scores = {score("ip_advancement"), score("ip_core_support"), score("ip_quantity"),
                   score("ip_acquisition"), score("ip_standards_bonus"), score("transfer"),
                   score("rd_management"),  score("growth_net_assets"), score("growth_sales")};
  return review;
}

Outcome<rules::EnterpriseFacts> load_enterprise_facts(store::Connection& conn, std::int64_t enterprise_id,
                                                      domain::Date as_of, bool with_expert_review) {
  const auto& enterprises = *domain::find_kind("enterprises");
  auto record = store::RecordStore(conn, enterprises).get(enterprise_id);
  if (!record) return Problem::not_found({msg::no_enterprise, {{"id", enterprise_id}}});
  const View e(enterprises, *record);
  rules::EnterpriseFacts facts;
  facts.id = e.text("credit_code").value_or(std::to_string(enterprise_id));
  auto registered = e.date("registered_on");
  if (!registered) {
    return Problem::validation({field_error("registered_on", domain::fmsg::policy_registration_date_needed)});
  }
  facts.registered_on = *registered;
  if (auto field = e.text("tech_field")) facts.tech_field = std::stoi(*field);

  // The latest certificate in force on `as_of` counts as the enterprise's HTE certificate. Dates
  // decide, not today's status, so a past date sees the certificates of that time.
  const auto* certs = domain::find_kind("hte_certificates");
  for (const auto& c : owned(conn, "hte_certificates", enterprise_id)) {
    const View v(*certs, c);
    auto issued = v.date("issued_on");
    if (!issued || *issued > as_of) continue;
    const auto until = v.date("valid_until").value_or(issued->add_years(3));
    const auto revoked = v.date("revoked_on");
    if (as_of >= until || (revoked && *revoked <= as_of)) continue;
    if (v.text("status") == "revoked" && !revoked) continue;  // revoked, date unknown: never counts
    if (!facts.hte_certificate_issued_on || *issued > *facts.hte_certificate_issued_on) {
      facts.hte_certificate_issued_on = issued;
    }
  }

  const auto* years = domain::find_kind("enterprise_years");
  for (const auto& y : owned(conn, "enterprise_years", enterprise_id)) {
    const View v(*years, y);
    rules::YearFacts f;
    f.year = static_cast<int>(*v.integer("year"));
    f.sales_revenue = v.amount("sales_revenue");
    f.gross_income = v.amount("gross_income");
    f.non_taxable_income = v.amount("non_taxable_income");
    f.high_tech_revenue = v.amount("high_tech_revenue");
    f.ip_backed_revenue = v.amount("ip_backed_revenue");
    const char* categories[] = {"rd_personnel", "rd_direct_inputs", "rd_depreciation", "rd_amortisation", "rd_design",
                                "rd_trials", "rd_commissioned_domestic", "rd_commissioned_foreign", "rd_other"};
    bool has_breakdown = false;
    for (const char* c : categories) has_breakdown = has_breakdown || v.amount(c).has_value();
    if (has_breakdown) {
      auto z = [&](const char* c) { return v.amount(c).value_or(Decimal{}); };
      f.rd = rules::RdBreakdown{z(categories[0]), z(categories[1]), z(categories[2]), z(categories[3]), z(categories[4]),
                                z(categories[5]), z(categories[6]), z(categories[7]), z(categories[8])};
    } else {
      f.rd_total = v.amount("rd_total");
    }
    f.total_cost_expense = v.amount("total_cost_expense");
    f.net_assets = v.amount("net_assets");
    f.total_assets = v.amount("total_assets");
    f.employees = v.count("employees");
    f.st_staff = v.count("st_staff");
    if (auto t = v.integer("transfers")) f.transfers = static_cast<int>(*t);
    facts.years.push_back(std::move(f));
  }

  const auto* patents = domain::find_kind("patents");
  for (const auto& p : owned(conn, "patents", enterprise_id)) {
    const View v(*patents, p);
    const auto status = v.text("status").value_or("");
    auto kind = ip_kind(v.text("kind").value_or(""));
    if (!kind || (status != "valid" && status != "lapsed") || !v.date("granted_on")) continue;  // granted ones only
    facts.ip.push_back({*v.text("application_no"), *kind, v.date("granted_on"), status == "valid",
                        rules::IpAcquisition::self, std::nullopt});
  }
  const auto* items = domain::find_kind("ip_items");
  for (const auto& i : owned(conn, "ip_items", enterprise_id)) {
    const View v(*items, i);
    auto kind = ip_kind(v.text("kind").value_or(""));
    if (!kind) continue;
    std::optional<int> used;
    if (auto y = v.integer("used_in_hte_recognition")) used = static_cast<int>(*y);
    facts.ip.push_back({*v.text("number"), *kind, v.date("granted_on"), true, rules::IpAcquisition::self, used});
  }

  const auto* institutions = domain::find_kind("rd_institutions");
  for (const auto& r : owned(conn, "rd_institutions", enterprise_id)) {
    const View v(*institutions, r);
    static const std::map<std::string, rules::InstitutionLevel> levels = {
        {"national", rules::InstitutionLevel::national}, {"provincial", rules::InstitutionLevel::provincial},
        {"municipal", rules::InstitutionLevel::municipal}, {"district", rules::InstitutionLevel::district}};
    static const std::map<std::string, rules::InstitutionKind> kinds = {
        {"engineering_centre", rules::InstitutionKind::engineering_tech_centre},
        {"technology_centre", rules::InstitutionKind::enterprise_tech_centre},
        {"key_lab", rules::InstitutionKind::key_lab}};
    auto level = levels.find(v.text("level").value_or(""));
    if (level == levels.end()) continue;
    auto kind = kinds.find(v.text("kind").value_or(""));
    facts.rd_institutions.push_back(
        {level->second, kind == kinds.end() ? rules::InstitutionKind::other : kind->second});
  }
  if (with_expert_review) {
    if (auto review = expert_review_on(conn, enterprise_id, as_of)) facts.expert_scores = review->scores;
  }
  return facts;
}

}  // namespace kc::app
