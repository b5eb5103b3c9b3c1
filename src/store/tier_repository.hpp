// The registry rows that decide an enterprise's cultivation tier (app/policy/tier_flows), read as
// whole-table scans: no per-enterprise queries, so a million enterprises are read in seconds.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/date.hpp"
#include "store/database.hpp"

namespace kc::store {

class TierRepository {
 public:
  explicit TierRepository(Connection& conn) : conn_(conn) {}

  struct Enterprise {
    std::int64_t id = 0;
    std::string credit_code, name;  // empty when NULL
    std::optional<domain::Date> registered_on;
  };
  struct SmeRegistration {
    std::int64_t enterprise_id = 0;
    int year = 0;
  };
  struct Certificate {
    std::int64_t enterprise_id = 0;
    std::optional<domain::Date> issued_on, valid_until, revoked_on;
  };
  struct Membership {
    std::int64_t enterprise_id = 0;
    std::optional<domain::Date> entered_on, exited_on;
  };

  // In id order; only those in the district scope `district_prefix` (RecordQuery's) when given.
  std::vector<Enterprise> enterprises(const std::string& district_prefix = "");
  std::vector<SmeRegistration> sme_registrations();
  std::vector<Certificate> hte_certificates();
  // Memberships of one tier of one local programme (programme_tiers).
  std::vector<Membership> memberships(const std::string& programme, const std::string& tier);

 private:
  Connection& conn_;
};

}  // namespace kc::store
