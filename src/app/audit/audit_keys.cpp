#include "app/audit/audit_keys.hpp"

#include <spdlog/spdlog.h>

#include <boost/json.hpp>

#include <mutex>
#include <optional>

#include "app/audit/audit_secret_file.hpp"
#include "crypto/crypto.hpp"

namespace kc::app {
namespace {

constexpr std::string_view kFileHeader =
    "# Kechuang audit keyring: one key per line, key_id:secret (hex). New audit records are signed\n"
    "# with the last key; the others verify older records. Keep it mode 0600, out of the database\n"
    "# and its backups. Rotate with `kechuang audit rotate-key`, never by editing old lines.\n";

bool valid_key_id(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
    if (!ok) return false;
  }
  return true;
}

std::optional<std::string> decode_secret(std::string_view text) {
  if (auto hex = crypto::from_hex(text)) return hex;
  return crypto::from_base64(text);
}

std::vector<std::string_view> split_entries(std::string_view line) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= line.size(); ++i) {
    if (i == line.size() || line[i] == ',' || line[i] == ' ' || line[i] == '\t' || line[i] == '\r') {
      if (i > start) out.push_back(line.substr(start, i - start));
      start = i + 1;
    }
  }
  return out;
}

}  // namespace

AuditKeyring::AuditKeyring(std::vector<AuditKey> keys) : keys_(std::move(keys)) {
  if (keys_.empty()) throw std::invalid_argument("an audit keyring needs a key");
}

const AuditKey* AuditKeyring::find(std::string_view id) const {
  for (const auto& k : keys_) {
    if (k.id == id) return &k;
  }
  return nullptr;
}

std::string audit_key_id(std::string_view secret) {
  // Domain-separated, so the id says nothing useful about the secret.
  return "k" + crypto::sha256_hex("kechuang audit key id\n" + std::string(secret)).substr(0, 15);
}

AuditKey generate_audit_key() {
  AuditKey key;
  key.secret = crypto::random_bytes(kAuditKeyBytes);
  key.id = audit_key_id(key.secret);
  return key;
}

Outcome<AuditKeyring> parse_keyring(std::string_view text, std::string_view origin) {
  std::vector<AuditKey> keys;
  int line_no = 0;
  auto bad = [&](const std::string& why) {
    return audit_key_problem("audit_key_invalid",
                             std::string(origin) + ", line " + std::to_string(line_no) + ": " + why + ".");
  };
  std::size_t pos = 0;
  while (pos <= text.size()) {
    const std::size_t nl = text.find('\n', pos);
    const std::string_view line = text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? text.size() + 1 : nl + 1;
    ++line_no;
    const auto first = line.find_first_not_of(" \t\r");
    if (first == std::string_view::npos || line[first] == '#') continue;
    for (std::string_view entry : split_entries(line)) {
      AuditKey key;
      std::string_view secret_text = entry;
      if (const auto colon = entry.find(':'); colon != std::string_view::npos) {
        key.id = std::string(entry.substr(0, colon));
        secret_text = entry.substr(colon + 1);
        if (!valid_key_id(key.id)) return bad("a key id is 1 to 64 letters, digits, '-', '_' or '.'");
      }
      auto secret = decode_secret(secret_text);
      if (!secret) return bad("the secret is neither hex nor base64");
      if (secret->size() < kAuditKeyBytes) {
        return bad("the secret has " + std::to_string(secret->size()) + " bytes; at least " +
                   std::to_string(kAuditKeyBytes) + " are needed");
      }
      key.secret = std::move(*secret);
      if (key.id.empty()) key.id = audit_key_id(key.secret);
      for (const auto& k : keys) {
        if (k.id == key.id) return bad("the key id " + key.id + " appears twice");
      }
      keys.push_back(std::move(key));
    }
  }
  if (keys.empty()) return audit_key_problem("audit_key_invalid", std::string(origin) + " holds no key.");
  return AuditKeyring(std::move(keys));
}

std::string format_keyring(const AuditKeyring& keyring) {
  std::string out(kFileHeader);
  for (const auto& k : keyring.keys()) out += k.id + ":" + crypto::to_hex(k.secret) + "\n";
  return out;
}

Outcome<AuditKeySource> choose_audit_key_source(const AuditKeySettings& s) {
  if (!s.key_file.empty()) return AuditKeySource{s.key_file, "", "--audit-key-file"};
  if (!s.env_key.empty()) return AuditKeySource{"", s.env_key, "KECHUANG_AUDIT_KEY"};
  if (!s.env_key_file.empty()) return AuditKeySource{s.env_key_file, "", "KECHUANG_AUDIT_KEY_FILE"};
  if (s.postgres) {
    return audit_key_problem(
        "audit_key_missing",
        "A PostgreSQL database needs its audit key given explicitly, the same on every server: "
        "--audit-key-file PATH, or KECHUANG_AUDIT_KEY_FILE, or KECHUANG_AUDIT_KEY (see docs/operations.md, "
        "\"Audit key and anchors\").");
  }
  return AuditKeySource{s.db_target + ".audit-key", "", "the default beside the database"};
}

Outcome<AuditKeyring> load_audit_keyring(const AuditKeySource& source) {
  if (source.file.empty()) return parse_keyring(source.env_keys, source.origin);
  const AuditKeyring fresh({generate_audit_key()});
  auto created = create_secret_file(source.file, format_keyring(fresh), "audit key file");
  if (!created) return created.problem();
  auto text = read_secret_file(source.file, "audit key file");
  if (!text) return text.problem();
  return parse_keyring(text.value(), "The audit key file " + source.file);
}

Outcome<AuditKey> rotate_audit_key(const AuditKeySource& source) {
  if (source.file.empty()) {
    return audit_key_problem(
        "audit_key_from_environment",
        "The audit keys come from KECHUANG_AUDIT_KEY: rotate them there, by appending a new "
        "key_id:secret entry after the old ones (see docs/operations.md).");
  }
  auto current = load_audit_keyring(source);
  if (!current) return current.problem();
  std::vector<AuditKey> keys = current->keys();
  keys.push_back(generate_audit_key());
  const AuditKeyring next(std::move(keys));
  if (auto replaced = replace_secret_file(source.file, format_keyring(next), "audit key file"); !replaced) {
    return replaced.problem();
  }
  return next.signing();
}

namespace {

struct Installed {
  std::mutex mutex;
  std::optional<AuditKeySource> source;
  std::optional<FileStamp> stamp;
  std::shared_ptr<const AuditKeyring> keys;
};

Installed& installed() {
  static Installed state;
  return state;
}

}  // namespace

Status install_audit_keys(const AuditKeySource& source) {
  auto keyring = load_audit_keyring(source);
  if (!keyring) return keyring.problem();
  auto& s = installed();
  std::lock_guard lock(s.mutex);
  s.source = source;
  s.stamp = source.file.empty() ? std::nullopt : file_stamp(source.file);
  s.keys = std::make_shared<const AuditKeyring>(std::move(keyring.value()));
  return done();
}

std::shared_ptr<const AuditKeyring> audit_keys() {
  auto& s = installed();
  std::lock_guard lock(s.mutex);
  if (!s.source) {
    if (!s.keys) {
      AuditKey key = generate_audit_key();
      key.id = "ephemeral-" + key.id;
      s.keys = std::make_shared<const AuditKeyring>(std::vector<AuditKey>{std::move(key)});
    }
    return s.keys;
  }
  if (s.source->file.empty()) return s.keys;
  // A rotation replaces the file (a new inode), and copying it here changes its time or size.
  auto stamp = file_stamp(s.source->file);
  if (stamp && stamp != s.stamp) {
    s.stamp = stamp;
    auto text = read_secret_file(s.source->file, "audit key file");
    auto keyring = text ? parse_keyring(text.value(), "The audit key file " + s.source->file)
                        : Outcome<AuditKeyring>(text.problem());
    if (keyring) {
      s.keys = std::make_shared<const AuditKeyring>(std::move(keyring.value()));
      spdlog::info(boost::json::serialize(boost::json::object{
          {"level", "info"}, {"event", "audit_keys_reloaded"}, {"file", s.source->file},
          {"keys", s.keys->keys().size()}, {"signing_key", s.keys->signing().id}}));
    } else {
      spdlog::warn(boost::json::serialize(boost::json::object{
          {"level", "warn"}, {"event", "audit_keys_reload_failed"}, {"code", keyring.problem().code},
          {"detail", keyring.problem().detail}, {"signing_key", s.keys->signing().id}}));
    }
  }
  return s.keys;
}

}  // namespace kc::app
