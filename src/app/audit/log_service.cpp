#include "app/audit/log_service.hpp"

#include "app/audit/export_audit.hpp"
#include "app/messages.hpp"

namespace kc::app {
namespace {

// The logs hold every district's records and accounts: a district's administrator does not read
// them (as it does not manage accounts, app/accounts/user_service.cpp).
std::optional<Problem> require_admin(const Actor& actor) {
  if (actor.role != Role::admin) return Problem::forbidden({msg::admins_only});
  if (actor.region) return Problem::forbidden({msg::installation_admins_only});
  return std::nullopt;
}

// The filter as the export's audit record shows it: the fields that were set.
boost::json::object given(std::initializer_list<std::pair<const char*, std::string>> fields) {
  boost::json::object o;
  for (const auto& [name, value] : fields) {
    if (!value.empty()) o[name] = value;
  }
  return o;
}

}  // namespace

Outcome<LogPage<AuditEntry>> LogService::audit(const Actor& actor, const AuditFilter& filter,
                                               const store::Page& page) {
  if (auto p = require_admin(actor)) return *p;
  auto conn = db_.acquire();
  return LogPage<AuditEntry>{search_audit(*conn, filter, page), count_audit(*conn, filter)};
}

Status LogService::export_audit(const Actor& actor, const AuditFilter& filter, std::ostream& out) {
  if (auto p = require_admin(actor)) return *p;
  std::int64_t rows = 0;
  {
    auto conn = db_.acquire();
    rows = export_audit_csv(*conn, filter, out);
  }
  record_export(db_, actor,
                {"audit_log", "csv",
                 given({{"q", filter.q}, {"actor", filter.actor}, {"action", filter.action}, {"entity", filter.entity},
                        {"entity_id", filter.entity_id}, {"from", filter.from}, {"to", filter.to}}),
                 rows});
  return done();
}

Outcome<AuditVerification> LogService::verify(const Actor& actor) {
  if (auto p = require_admin(actor)) return *p;
  auto conn = db_.acquire();
  return verify_audit(*conn);
}

Outcome<LogPage<LoginEntry>> LogService::logins(const Actor& actor, const LoginFilter& filter,
                                                const store::Page& page) {
  if (auto p = require_admin(actor)) return *p;
  auto conn = db_.sign_in().acquire();
  return LogPage<LoginEntry>{search_logins(*conn, filter, page), count_logins(*conn, filter)};
}

Status LogService::export_logins(const Actor& actor, const LoginFilter& filter, std::ostream& out) {
  if (auto p = require_admin(actor)) return *p;
  std::int64_t rows = 0;
  {
    auto conn = db_.sign_in().acquire();
    rows = export_logins_csv(*conn, filter, out);
  }
  auto trace_filter = given({{"q", filter.q}, {"from", filter.from}, {"to", filter.to}});
  if (filter.success) trace_filter["success"] = *filter.success;
  record_export(db_, actor, {"login_log", "csv", std::move(trace_filter), rows});
  return done();
}

}  // namespace kc::app
