// The keys of the audit chain's HMAC: a keyring kept outside the database (a 0600 file, or the
// environment), where the last key signs new records and the older ones verify older records.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "app/outcome.hpp"

namespace kc::app {

struct AuditKey {
  std::string id;      // recorded in each audit record (never the secret)
  std::string secret;  // raw bytes, at least 32
};

class AuditKeyring {
 public:
  explicit AuditKeyring(std::vector<AuditKey> keys);  // not empty
  const AuditKey& signing() const { return keys_.back(); }
  const AuditKey* find(std::string_view id) const;
  const std::vector<AuditKey>& keys() const { return keys_; }

 private:
  std::vector<AuditKey> keys_;
};

constexpr std::size_t kAuditKeyBytes = 32;

// A new random key; its id is derived from the secret, so the same secret has the same id
// wherever it is configured.
AuditKey generate_audit_key();
std::string audit_key_id(std::string_view secret);

// A keyring's text: `key_id:secret` entries (the secret in hex or base64) separated by new lines,
// commas or spaces; `#` starts a comment line; a bare secret gets the derived id. The file form
// is what `format_keyring` writes. `origin` names the text in messages.
Outcome<AuditKeyring> parse_keyring(std::string_view text, std::string_view origin);
std::string format_keyring(const AuditKeyring& keyring);

// Where the keys come from, in this order: --audit-key-file, $KECHUANG_AUDIT_KEY (the keys
// themselves), $KECHUANG_AUDIT_KEY_FILE, and for SQLite `<db path>.audit-key`. PostgreSQL has no
// default: several servers share its chain, so they must be given the same keyring explicitly.
struct AuditKeySettings {
  std::string key_file;      // --audit-key-file
  std::string env_key;       // $KECHUANG_AUDIT_KEY
  std::string env_key_file;  // $KECHUANG_AUDIT_KEY_FILE
  std::string db_target;
  bool postgres = false;
};
struct AuditKeySource {
  std::string file;      // the keyring file, or empty when the keys come from the environment
  std::string env_keys;  // the keys from $KECHUANG_AUDIT_KEY
  std::string origin;    // how the source was chosen, for messages
};
Outcome<AuditKeySource> choose_audit_key_source(const AuditKeySettings& settings);
// The keyring; a missing keyring file is created (0600) with one new key.
Outcome<AuditKeyring> load_audit_keyring(const AuditKeySource& source);
// Adds a new signing key to the keyring file (the old ones stay, to verify older records) and
// returns it. Refused for keys from the environment: those are rotated where they are set.
Outcome<AuditKey> rotate_audit_key(const AuditKeySource& source);

// Makes `source` the keyring every audit append and verification of this process uses. A keyring
// file is re-read when it changes, so running servers pick up a rotation once the new file reaches
// them; a changed file that cannot be used is logged and the keys in use are kept.
Status install_audit_keys(const AuditKeySource& source);
// The keyring in use. Before any install (unit tests, embedders) it is a random key of this process
// only, with an id starting "ephemeral-", which no other process can verify.
std::shared_ptr<const AuditKeyring> audit_keys();

}  // namespace kc::app
