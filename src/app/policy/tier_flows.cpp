#include "app/policy/tier_flows.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <unordered_map>

#include "app/messages.hpp"
#include "domain/field_messages.hpp"
#include "store/tier_repository.hpp"

namespace kc::app {
namespace {

constexpr int kMaxSpan = 30;  // years in one run: enough for any plan period, bounded output
constexpr std::array kLadder = {Tier::leading, Tier::hte, Tier::sme, Tier::none};

struct Enterprise {
  std::int64_t id = 0;
  std::string credit_code, name;
  TierRecords records;
};

// Every enterprise with the records that decide its tier, in id order. Four scans, no per-row
// queries, so a registry of a million enterprises is read in seconds.
std::vector<Enterprise> load(store::Connection& conn, const std::string& district_prefix) {
  store::TierRepository tiers(conn);
  std::vector<Enterprise> all;
  std::unordered_map<std::int64_t, std::size_t> index;
  // Records of enterprises outside the scope find no owner below and are passed over.
  for (auto& e : tiers.enterprises(district_prefix)) {
    index.emplace(e.id, all.size());
    all.push_back({e.id, std::move(e.credit_code), std::move(e.name), {e.registered_on, {}, {}, {}}});
  }
  auto owner = [&](std::int64_t enterprise_id) -> TierRecords* {
    auto it = index.find(enterprise_id);
    return it == index.end() ? nullptr : &all[it->second].records;
  };
  for (const auto& s : tiers.sme_registrations()) {
    if (auto* r = owner(s.enterprise_id)) r->sme_years.push_back(s.year);
  }
  for (const auto& c : tiers.hte_certificates()) {
    auto* r = owner(c.enterprise_id);
    if (r && c.issued_on) r->certificates.push_back({*c.issued_on, c.valid_until, c.revoked_on});
  }
  for (const auto& m : tiers.memberships("p236", "tier1")) {
    auto* r = owner(m.enterprise_id);
    if (r && m.entered_on) r->navigator.push_back({*m.entered_on, m.exited_on});
  }
  return all;
}

std::optional<Problem> check(const Actor& actor, const TierFlowsRequest& r) {
  if (actor.role == Role::enterprise) return Problem::forbidden({msg::bureau_users_only});
  if (r.from_year < 1949 || r.to_year > 2100 || r.from_year > r.to_year) {
    return Problem::validation({field_error("from", domain::fmsg::year_order, {{"min", 1949}, {"max", 2100}})});
  }
  if (r.to_year - r.from_year >= kMaxSpan) {
    return Problem::validation({field_error("to", domain::fmsg::too_many_years, {{"max", std::int64_t{kMaxSpan}}})});
  }
  return std::nullopt;
}

}  // namespace

std::string_view to_string(Tier tier) {
  switch (tier) {
    case Tier::leading: return "leading";
    case Tier::hte: return "hte";
    case Tier::sme: return "sme";
    case Tier::none: return "none";
    case Tier::not_registered: return "not_registered";
  }
  return "none";
}

Tier tier_at_year_end(const TierRecords& r, int year) {
  const auto end = *domain::Date::from_ymd(year, 12, 31);
  if (r.registered_on && *r.registered_on > end) return Tier::not_registered;
  for (const auto& m : r.navigator) {
    if (m.entered_on <= end && (!m.exited_on || *m.exited_on > end)) return Tier::leading;
  }
  for (const auto& c : r.certificates) {
    const auto until = c.valid_until.value_or(c.issued_on.add_years(3));
    const bool revoked = c.revoked_on && *c.revoked_on <= end;
    if (c.issued_on <= end && end < until && !revoked) return Tier::hte;
  }
  if (std::find(r.sme_years.begin(), r.sme_years.end(), year) != r.sme_years.end()) return Tier::sme;
  return Tier::none;
}

Outcome<TierTable> tier_table(store::Database& db, const Actor& actor, const TierFlowsRequest& request) {
  if (auto p = check(actor, request)) return *p;
  auto conn = db.acquire();
  TierTable table;
  for (int y = request.from_year; y <= request.to_year; ++y) table.years.push_back(y);
  for (auto& e : load(*conn, actor.district_prefix())) {
    TierTable::Row row{e.id, std::move(e.credit_code), std::move(e.name), {}};
    for (int y : table.years) row.tiers.push_back(tier_at_year_end(e.records, y));
    table.rows.push_back(std::move(row));
  }
  return table;
}

const std::vector<Tier>& tier_ladder() {
  static const std::vector<Tier> ladder(kLadder.begin(), kLadder.end());
  return ladder;
}

Outcome<TierFlows> tier_flows(store::Database& db, const Actor& actor, const TierFlowsRequest& request) {
  auto table = tier_table(db, actor, request);
  if (!table) return table.problem();
  const auto& years = table->years;
  TierFlows out;
  out.from_year = request.from_year;
  out.to_year = request.to_year;
  for (std::size_t y = 0; y < years.size(); ++y) {
    std::map<Tier, std::int64_t> n;
    for (const auto& row : table->rows) ++n[row.tiers[y]];
    TierFlows::YearCounts counts{years[y], {}};
    for (Tier t : kLadder) counts.enterprises[t] = n[t];
    out.counts.push_back(std::move(counts));
  }
  for (std::size_t y = 1; y < years.size(); ++y) {
    std::map<std::pair<Tier, Tier>, std::int64_t> moves;
    for (const auto& row : table->rows) {
      if (row.tiers[y] != Tier::not_registered) ++moves[{row.tiers[y - 1], row.tiers[y]}];
    }
    for (const auto& [move, count] : moves) out.flows.push_back({years[y - 1], years[y], move.first, move.second, count});
  }
  return out;
}

}  // namespace kc::app
