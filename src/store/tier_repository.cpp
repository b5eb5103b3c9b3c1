#include "store/tier_repository.hpp"

#include "domain/registry_kinds.hpp"
#include "store/record_store.hpp"
#include "store/sql_filter.hpp"

namespace kc::store {
namespace {

std::string table(const char* kind) { return domain::find_kind(kind)->table; }

// Dates are ISO text; an unreadable one counts as unknown, like a NULL.
std::optional<domain::Date> date_of(const Row& row, std::size_t i) {
  auto text = row.optional_text(i);
  return text ? domain::Date::parse(*text) : std::nullopt;
}

}  // namespace

std::vector<TierRepository::Enterprise> TierRepository::enterprises(const std::string& district_prefix) {
  std::vector<Enterprise> out;
  SqlFilter scope;
  if (!district_prefix.empty()) add_district_condition(scope, *domain::find_kind("enterprises"), district_prefix);
  for (const auto& row : conn_.query("SELECT id, credit_code, name, registered_on FROM " + table("enterprises") +
                                         scope.where() + " ORDER BY id",
                                     scope.params())) {
    out.push_back({row.integer(0), row.optional_text(1).value_or(""), row.optional_text(2).value_or(""),
                   date_of(row, 3)});
  }
  return out;
}

std::vector<TierRepository::SmeRegistration> TierRepository::sme_registrations() {
  std::vector<SmeRegistration> out;
  for (const auto& row : conn_.query("SELECT enterprise_id, year FROM " + table("sme_registrations"))) {
    out.push_back({row.integer(0), static_cast<int>(row.integer(1))});
  }
  return out;
}

std::vector<TierRepository::Certificate> TierRepository::hte_certificates() {
  std::vector<Certificate> out;
  for (const auto& row : conn_.query("SELECT enterprise_id, issued_on, valid_until, revoked_on FROM " +
                                     table("hte_certificates"))) {
    out.push_back({row.integer(0), date_of(row, 1), date_of(row, 2), date_of(row, 3)});
  }
  return out;
}

std::vector<TierRepository::Membership> TierRepository::memberships(const std::string& programme,
                                                                    const std::string& tier) {
  std::vector<Membership> out;
  for (const auto& row : conn_.query("SELECT enterprise_id, entered_on, exited_on FROM " + table("programme_tiers") +
                                         " WHERE programme = $1 AND tier = $2",
                                     {programme, tier})) {
    out.push_back({row.integer(0), date_of(row, 1), date_of(row, 2)});
  }
  return out;
}

}  // namespace kc::store
