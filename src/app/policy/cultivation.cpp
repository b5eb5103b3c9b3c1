#include "app/policy/cultivation.hpp"

#include <map>

#include "app/messages.hpp"
#include "app/policy/enterprise_facts.hpp"
#include "app/policy/rules_service.hpp"
#include "domain/field_messages.hpp"
#include "domain/registry_kinds.hpp"
#include "rules/gaps.hpp"
#include "rules/hte.hpp"
#include "rules/policy.hpp"
#include "store/record_store.hpp"

namespace kc::app {
namespace {

std::optional<Problem> may_run(const Actor& actor) {
  if (actor.role == Role::enterprise) return Problem::forbidden({msg::bureau_users_only});
  return std::nullopt;
}

std::string field_text(const domain::KindDef& kind, const store::Record& r, const char* name) {
  for (std::size_t i = 0; i < kind.fields.size(); ++i) {
    if (kind.fields[i].name == name) return domain::format_cell(kind.fields[i], r.cells[i]);
  }
  return {};
}

}  // namespace

Outcome<boost::json::object> run_hte_pipeline(store::Database& db, const Actor& actor, const std::string& as_of) {
  if (auto p = may_run(actor)) return *p;
  auto date = domain::Date::parse(as_of);
  if (!date) return Problem::validation({field_error("as_of", domain::fmsg::not_date)});
  const auto choice = rules::policy_for_history("hte", *date);
  if (!choice.load.policy) return Problem{500, "internal", "No HTE policy", choice.load.error, {}};
  const auto& policy = std::get<rules::HtePolicy>(*choice.load.policy);

  const auto& enterprises = *domain::find_kind("enterprises");
  auto conn = db.acquire();
  std::map<std::string, std::int64_t> counts = {
      {"certified", 0}, {"candidate", 0}, {"within_reach", 0}, {"far", 0}, {"incomplete", 0}};
  boost::json::array items;
  store::RecordQuery q;
  q.page = {1, 1000};
  q.district_prefix = actor.district_prefix();
  for (;;) {
    auto batch = store::RecordStore(*conn, enterprises).list(q);
    for (const auto& e : batch) {
      boost::json::object item;
      item["enterprise_id"] = e.id;
      item["name"] = field_text(enterprises, e, "name");
      item["credit_code"] = field_text(enterprises, e, "credit_code");
      auto facts = load_enterprise_facts(*conn, e.id, *date, true);
      if (!facts) {
        ++counts["incomplete"];
        item["category"] = "incomplete";
        item["reason"] = facts.problem().detail;
        items.push_back(std::move(item));
        continue;
      }
      const auto result = rules::evaluate_hte(facts.value(), policy, *date);
      const auto gaps = rules::hte_gaps(facts.value(), policy, *date, result);
      // The facts hold a certificate only when one is in force on the date.
      const bool certified = facts->hte_certificate_issued_on.has_value();
      std::string category;
      if (result.failed.empty()) category = certified ? "certified" : "candidate";
      else if (result.failed.size() == 1 && !gaps.empty() && gaps.front().fixable) category = "within_reach";
      else category = "far";
      ++counts[category];
      item["category"] = category;
      item["verdict"] = rules::to_string(result.verdict);
      item["certified"] = static_cast<bool>(certified);
      item["failed"] = boost::json::value_from(result.failed);
      boost::json::array gap_texts;
      for (const auto& g : gaps) gap_texts.push_back({{"code", g.code}, {"zh", g.text.zh}, {"en", g.text.en}});
      item["gaps"] = std::move(gap_texts);
      items.push_back(std::move(item));
    }
    if (batch.size() < 1000) break;
    q.after_id = batch.back().id;
  }
  boost::json::object count_json;
  for (const auto& [k, v] : counts) count_json[k] = v;
  return boost::json::object{{"policy", policy.id}, {"policy_note", policy_note_json(choice, *date)},
                             {"as_of", date->to_string()}, {"counts", std::move(count_json)},
                             {"items", std::move(items)}};
}

Outcome<boost::json::object> cultivation_deadlines(store::Database& db, const Actor& actor, int year) {
  if (auto p = may_run(actor)) return *p;
  if (year < 2000 || year > 2100) {
    return Problem::validation({field_error("year", domain::fmsg::year_range, {{"min", 2000}, {"max", 2100}})});
  }
  const auto& certs = *domain::find_kind("hte_certificates");
  const auto& enterprises = *domain::find_kind("enterprises");
  auto conn = db.acquire();
  store::RecordStore cert_store(*conn, certs);
  store::RecordStore enterprise_store(*conn, enterprises);
  auto name_of = [&](const std::string& id_text) {
    auto r = enterprise_store.get(std::stoll(id_text));
    return r ? field_text(enterprises, *r, "name") : std::string();
  };
  boost::json::array expiring, reports;
  store::RecordQuery q;
  q.equals = {{"status", domain::Cell{std::string("valid")}}};
  q.page = {1, 1000};
  q.district_prefix = actor.district_prefix();
  for (;;) {
    auto batch = cert_store.list(q);
    for (const auto& c : batch) {
      const std::string until = field_text(certs, c, "valid_until");
      const std::string enterprise = field_text(certs, c, "enterprise_id");
      boost::json::object o{{"certificate_no", field_text(certs, c, "certificate_no")},
                            {"enterprise_id", std::stoll(enterprise)},
                            {"name", name_of(enterprise)},
                            {"valid_until", until}};
      const int until_year = until.size() >= 4 ? std::stoi(until.substr(0, 4)) : 0;
      if (until_year == year || until_year == year + 1) expiring.push_back(o);
      if (until_year >= year) reports.push_back(std::move(o));
    }
    if (batch.size() < 1000) break;
    q.after_id = batch.back().id;
  }
  store::RecordQuery registered_last_year;
  registered_last_year.equals = {{"year", domain::Cell{std::int64_t{year - 1}}}};
  registered_last_year.district_prefix = actor.district_prefix();
  const std::int64_t sme_count =
      store::RecordStore(*conn, *domain::find_kind("sme_registrations")).count(registered_last_year);
  // The days come from the policy versions in force that year (the first version for earlier years).
  const domain::Date new_year = *domain::Date::from_ymd(year, 1, 1);
  const auto sme = rules::policy_for_history("sme", new_year);
  const auto hte = rules::policy_for_history("hte", new_year);
  if (!sme.load.policy || !hte.load.policy) throw std::runtime_error(sme.load.error + hte.load.error);
  auto deadline = [year](const rules::AnnualDeadline& d, std::int64_t enterprises) {
    return boost::json::object{{"what", d.what}, {"zh", d.name.zh}, {"en", d.name.en},
                               {"due", d.due_in(year).to_string()}, {"enterprises", enterprises}};
  };
  boost::json::array deadlines;
  deadlines.push_back(deadline(std::get<rules::SmePolicy>(*sme.load.policy).annual_update, sme_count));
  deadlines.push_back(deadline(std::get<rules::HtePolicy>(*hte.load.policy).annual_report,
                               static_cast<std::int64_t>(reports.size())));
  return boost::json::object{{"year", year},
                             {"deadlines", std::move(deadlines)},
                             {"certificates_expiring", std::move(expiring)},
                             {"annual_report_due", std::move(reports)}};
}

}  // namespace kc::app
