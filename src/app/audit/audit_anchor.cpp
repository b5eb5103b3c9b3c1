#include "app/audit/audit_anchor.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <cerrno>
#include <cstring>
#include <fstream>

#include "app/audit/audit_secret_file.hpp"
#include "crypto/crypto.hpp"
#include "domain/timestamp.hpp"

namespace kc::app {
namespace {

constexpr std::string_view kSeedPrefix = "ed25519:";

Problem anchor_problem(std::string code, std::string detail) {
  return {500, std::move(code), "Audit anchor", std::move(detail), {}};
}

}  // namespace

Outcome<AnchorPaths> choose_anchor_paths(const AnchorSettings& s) {
  AnchorPaths p;
  p.anchor_file = !s.anchor_file.empty() ? s.anchor_file : s.env_anchor_file;
  p.key_file = !s.key_file.empty() ? s.key_file : s.env_key_file;
  if (s.postgres && ((p.anchor_file.empty() && s.need_anchor_file) || (p.key_file.empty() && s.need_key_file))) {
    return anchor_problem(
        "audit_anchor_paths_missing",
        "With PostgreSQL, give the anchor file and its signing key explicitly: --audit-anchor-file and "
        "--audit-anchor-key-file (or KECHUANG_AUDIT_ANCHOR_FILE and KECHUANG_AUDIT_ANCHOR_KEY_FILE).");
  }
  if (p.anchor_file.empty()) p.anchor_file = s.db_target + ".audit-anchors";
  if (p.key_file.empty()) p.key_file = s.db_target + ".audit-anchor-key";
  return p;
}

Outcome<AnchorSigner> load_anchor_signer(const std::string& key_file, bool create) {
  if (create) {
    const std::string text = "# Kechuang audit anchor signing key (Ed25519 seed). Keep it mode 0600.\n" +
                             std::string(kSeedPrefix) + crypto::to_hex(crypto::random_bytes(crypto::kEd25519SeedBytes)) + "\n";
    auto created = create_secret_file(key_file, text, "anchor signing key");
    if (!created) return created.problem();
  }
  auto text = read_secret_file(key_file, "anchor signing key");
  if (!text) return text.problem();
  const std::string& t = text.value();
  const auto at = t.find(kSeedPrefix);
  std::optional<std::string> seed;
  if (at != std::string::npos) {
    const auto begin = at + kSeedPrefix.size();
    const auto end = t.find_first_of(" \t\r\n", begin);
    seed = crypto::from_hex(std::string_view(t).substr(begin, end == std::string::npos ? std::string::npos : end - begin));
  }
  if (!seed || seed->size() != crypto::kEd25519SeedBytes) {
    return audit_key_problem("audit_key_invalid",
                             "The anchor signing key " + key_file + " holds no `ed25519:` line with 64 hex digits.");
  }
  return AnchorSigner{*seed, crypto::ed25519_public_key(*seed)};
}

std::string public_key_hex(const AnchorSigner& signer) { return crypto::to_hex(signer.public_key); }

std::string anchor_message(const AuditAnchor& a) {
  return "kechuang-audit-anchor-v1\n" + a.at + "\n" + std::to_string(a.last_id) + "\n" + a.head + "\n" +
         std::to_string(a.count) + "\n" + a.key_id + "\n" + a.signer;
}

std::string format_anchor_line(const AuditAnchor& a) {
  return boost::json::serialize(boost::json::object{{"v", 1},
                                                    {"at", a.at},
                                                    {"last_id", a.last_id},
                                                    {"head", a.head},
                                                    {"count", a.count},
                                                    {"key_id", a.key_id},
                                                    {"signer", a.signer},
                                                    {"sig", a.signature}});
}

Outcome<AuditAnchor> make_anchor(store::Connection& conn, const AnchorSigner& signer) {
  auto head = audit_head_for_anchor(conn);
  if (!head) return head.problem();
  AuditAnchor a;
  a.at = domain::to_iso_utc(domain::now_epoch_seconds());
  a.last_id = head->last_id;
  a.head = head->head;
  a.count = head->count;
  a.key_id = head->key_id;
  a.signer = public_key_hex(signer);
  a.signature = crypto::to_base64(crypto::ed25519_sign(signer.seed, anchor_message(a)));
  return a;
}

Status append_anchor_line(const std::string& anchor_file, const std::string& line) {
  const std::string text = line + "\n";
  const int fd = ::open(anchor_file.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) {
    return anchor_problem("audit_anchor_unwritable",
                          "Cannot open the anchor file " + anchor_file + ": " + std::strerror(errno) + ".");
  }
  // One write of a short line with O_APPEND: lines of several servers never interleave.
  const ssize_t n = ::write(fd, text.data(), text.size());
  const int err = n < 0 ? errno : (static_cast<std::size_t>(n) != text.size() ? EIO : 0);
  const int sync_err = err == 0 && ::fsync(fd) != 0 ? errno : 0;
  ::close(fd);
  if (err != 0 || sync_err != 0) {
    return anchor_problem("audit_anchor_unwritable", "Cannot append to the anchor file " + anchor_file + ": " +
                                                         std::strerror(err != 0 ? err : sync_err) + ".");
  }
  return done();
}

Outcome<std::string> anchor_audit_chain(store::Database& db, const AnchorSigner& signer,
                                        const std::string& anchor_file) {
  Outcome<AuditAnchor> anchor = [&] {
    auto conn = db.acquire();
    return make_anchor(*conn, signer);
  }();
  if (!anchor) return anchor.problem();
  std::string line = format_anchor_line(anchor.value());
  if (auto written = append_anchor_line(anchor_file, line); !written) return written.problem();
  return line;
}

Outcome<AnchorFile> read_anchor_file(const std::string& anchor_file, const std::string& public_key) {
  std::ifstream in(anchor_file, std::ios::binary);
  if (!in) {
    return anchor_problem("audit_anchor_unreadable",
                          "Cannot read the anchor file " + anchor_file + ": " + std::strerror(errno) + ".");
  }
  AnchorFile out;
  const std::string signer = crypto::to_hex(public_key);
  std::string line;
  for (std::int64_t line_no = 1; std::getline(in, line); ++line_no) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    auto bad = [&](const char* reason) {
      out.bad_line = line_no;
      out.bad_reason = reason;
      return out;
    };
    AuditAnchor a;
    std::string signature;
    try {
      const auto o = boost::json::parse(line).as_object();
      if (o.at("v").to_number<std::int64_t>() != 1) return bad("malformed");
      a.at = std::string(o.at("at").as_string());
      a.last_id = o.at("last_id").to_number<std::int64_t>();
      a.head = std::string(o.at("head").as_string());
      a.count = o.at("count").to_number<std::int64_t>();
      a.key_id = std::string(o.at("key_id").as_string());
      a.signer = std::string(o.at("signer").as_string());
      signature = std::string(o.at("sig").as_string());
    } catch (const std::exception&) {
      return bad("malformed");
    }
    if (a.signer != signer) return bad("other_signer");
    const auto sig = crypto::from_base64(signature);
    if (!sig || !crypto::ed25519_verify(public_key, anchor_message(a), *sig)) return bad("bad_signature");
    // The chain's ids run from 1 without gaps, so an honest anchor counts as many records as its id.
    if (a.count != a.last_id) return bad("malformed");
    out.points.push_back({a.last_id, a.head, a.key_id, a.at, line_no});
  }
  return out;
}

}  // namespace kc::app
