#include "app/log_service.hpp"

namespace kc::app {
namespace {

std::optional<Problem> require_admin(const Actor& actor) {
  if (actor.role != Role::admin) return Problem::forbidden("Only administrators read the logs.");
  return std::nullopt;
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
  auto conn = db_.acquire();
  export_audit_csv(*conn, filter, out);
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
  auto conn = db_.sign_in().acquire();
  export_logins_csv(*conn, filter, out);
  return done();
}

}  // namespace kc::app
