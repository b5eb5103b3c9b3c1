// `kechuang audit rotate-key` as a use case: a new signing key in the keyring file, put in use by
// this process, and the rotation audited as the first record the new key signs.
#pragma once

#include <cstddef>

#include "app/actor.hpp"
#include "app/audit/audit_keys.hpp"
#include "app/outcome.hpp"
#include "store/database.hpp"

namespace kc::app {

struct RotatedKey {
  AuditKey key;
  std::size_t keys = 0;  // how many keys the keyring now holds
};

Outcome<RotatedKey> rotate_and_audit_key(store::Database& db, const Actor& actor, const AuditKeySource& source);

}  // namespace kc::app
