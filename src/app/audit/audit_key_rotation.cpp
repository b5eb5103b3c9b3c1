#include "app/audit/audit_key_rotation.hpp"

#include "app/audit/audit_log.hpp"

namespace kc::app {

Outcome<RotatedKey> rotate_and_audit_key(store::Database& db, const Actor& actor, const AuditKeySource& source) {
  auto key = rotate_audit_key(source);
  if (!key) return key.problem();
  if (auto installed = install_audit_keys(source); !installed) return installed.problem();
  const auto keys = audit_keys();
  auto conn = db.acquire();
  store::in_transaction(*conn, [&] {
    append_audit(*conn, actor, "audit.rotate_key", "audit_key", key->id, std::nullopt,
                 boost::json::value({{"key_id", key->id}, {"keys", keys->keys().size()}}));
  });
  return RotatedKey{key.value(), keys->keys().size()};
}

}  // namespace kc::app
