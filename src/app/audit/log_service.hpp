// Reading the audit and login logs: administrators only.
#pragma once

#include <ostream>

#include "app/accounts/login_log.hpp"
#include "app/actor.hpp"
#include "app/audit/audit_log.hpp"
#include "app/outcome.hpp"
#include "store/database.hpp"

namespace kc::app {

template <class T>
struct LogPage {
  std::vector<T> items;
  std::int64_t total = 0;
};

class LogService {
 public:
  explicit LogService(store::Database& db) : db_(db) {}

  Outcome<LogPage<AuditEntry>> audit(const Actor& actor, const AuditFilter& filter, const store::Page& page);
  Status export_audit(const Actor& actor, const AuditFilter& filter, std::ostream& out);
  Outcome<AuditVerification> verify(const Actor& actor);
  Outcome<LogPage<LoginEntry>> logins(const Actor& actor, const LoginFilter& filter, const store::Page& page);
  Status export_logins(const Actor& actor, const LoginFilter& filter, std::ostream& out);

 private:
  store::Database& db_;
};

}  // namespace kc::app
