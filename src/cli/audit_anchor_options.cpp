#include "cli/audit_anchor_options.hpp"

#include <cstdlib>

namespace kc::cli {
namespace {

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

}  // namespace

void add_anchor_options(CLI::App& command, AnchorOptions& o) {
  command.add_option("--audit-anchor-file", o.anchor_file,
                     "File the signed audit anchors are appended to (default $KECHUANG_AUDIT_ANCHOR_FILE, "
                     "or <db>.audit-anchors for SQLite)");
  command.add_option("--audit-anchor-key-file", o.key_file,
                     "Ed25519 key that signs the anchors, mode 0600 (default $KECHUANG_AUDIT_ANCHOR_KEY_FILE, "
                     "or <db>.audit-anchor-key for SQLite)");
}

app::Outcome<app::AnchorPaths> anchor_paths(const AnchorOptions& o, const std::string& db_target, bool postgres,
                                            bool need_anchor_file, bool need_key_file) {
  return app::choose_anchor_paths({o.anchor_file, env("KECHUANG_AUDIT_ANCHOR_FILE"), o.key_file,
                                   env("KECHUANG_AUDIT_ANCHOR_KEY_FILE"), db_target, postgres, need_anchor_file,
                                   need_key_file});
}

}  // namespace kc::cli
