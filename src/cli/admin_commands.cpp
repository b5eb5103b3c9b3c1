// `kechuang migrate`, `kechuang user …` and `kechuang audit …` (verify, anchor, rotate-key):
// operator commands.
#include <unistd.h>

#include <iostream>

#include "app/accounts/user_service.hpp"
#include "app/audit/audit_anchor.hpp"
#include "app/audit/audit_key_rotation.hpp"
#include "app/audit/audit_keys.hpp"
#include "app/audit/audit_log.hpp"
#include "app/audit/audit_secret_file.hpp"
#include "cli/audit_anchor_options.hpp"
#include "cli/commands.hpp"
#include "cli/database_option.hpp"
#include "crypto/crypto.hpp"
#include "store/migrations.hpp"

namespace kc::cli {
namespace {

// Reads a password from standard input (one line); empty when there is none.
std::string password_from_stdin() {
  if (isatty(STDIN_FILENO)) std::cerr << "Password (leave empty to generate one): " << std::flush;
  std::string line;
  std::getline(std::cin, line);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

void fail_with(const app::Problem& problem) {
  // The code is what scripts and the documentation match on (e.g. password_common).
  std::cerr << "kechuang: " << problem.detail << " [" << problem.code << "]\n";
  for (const auto& e : problem.errors) std::cerr << "  " << e.field << ": " << e.message << "\n";
  throw CLI::RuntimeError(1);
}

}  // namespace

void add_migrate_command(CLI::App& app) {
  auto db_target = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand("migrate", "Create or upgrade the database schema");
  add_database_option(*cmd, *db_target);
  cmd->callback([db_target] {
    // Through open_migrated, so the process that applies migration 7 holds the audit key.
    std::vector<int> applied;
    auto db = open_migrated(*db_target, 1, &applied);
    auto conn = db->acquire();
    std::cout << "Schema version " << store::current_schema_version(*conn) << " (" << applied.size()
              << " migration" << (applied.size() == 1 ? "" : "s") << " applied)\n";
  });
}

void add_user_command(CLI::App& app) {
  auto* user = app.add_subcommand("user", "Manage user accounts");
  user->require_subcommand(1);

  struct AddOptions {
    std::string db, name, role, display_name, department;
    std::optional<std::int64_t> enterprise_id;
    std::optional<std::string> region;
    bool no_password_change = false;
  };
  auto o = std::make_shared<AddOptions>();
  auto* add = user->add_subcommand(
      "add", "Add a user; the password is read from standard input, or generated and printed once");
  add_database_option(*add, o->db);
  add->add_option("--name", o->name, "Username")->required();
  add->add_option("--role", o->role, "admin, staff, reviewer, enterprise or viewer")->required();
  add->add_option("--display-name", o->display_name, "Name shown in the interface");
  add->add_option("--department", o->department, "The unit or department (单位/部门) the person works in");
  add->add_option("--enterprise-id,--enterprise", o->enterprise_id,
                  "For enterprise users only: the id of their (existing) enterprise record");
  add->add_option("--region", o->region,
                  "Region scope (GB/T 2260): a district (330205), a city (330200) or a province "
                  "(330000); none for the whole installation");
  add->add_flag("--no-password-change", o->no_password_change,
                "For automation: a password given on standard input need not be changed at first "
                "sign-in (by default every password set here must be)");
  add->callback([o] {
    auto db = open_migrated(o->db, 1);
    const std::string password = password_from_stdin();
    app::UserService users(*db);
    app::NewUser request{o->name, o->display_name, o->role,
                         password.empty() ? std::nullopt : std::optional<std::string>(password),
                         o->enterprise_id, o->region};
    request.must_change_password = !o->no_password_change;
    request.department = o->department;
    auto created = users.create(app::Actor::system("cli"), request);
    if (!created) fail_with(created.problem());
    std::cout << "Added user " << created->user.username << " (" << created->user.role << ", id "
              << created->user.id
              << (created->user.region_code ? ", region " + *created->user.region_code : std::string()) << ")\n";
    if (created->initial_password) {
      std::cout << "Initial password: " << *created->initial_password
                << "\n(shown only this once; it must be changed at first sign-in)\n";
    } else if (created->user.must_change_password) {
      std::cout << "The password must be changed at first sign-in.\n";
    }
  });

  auto reset = std::make_shared<AddOptions>();
  auto* reset_cmd = user->add_subcommand(
      "reset-password", "Give a user a generated password (printed once) and unlock the account");
  add_database_option(*reset_cmd, reset->db);
  reset_cmd->add_option("--name", reset->name, "Username")->required();
  reset_cmd->callback([reset] {
    auto db = open_migrated(reset->db, 1);
    auto password = app::UserService(*db).reset_password_of(app::Actor::system("cli"), reset->name);
    if (!password) fail_with(password.problem());
    std::cout << "New password for " << reset->name << ": " << password.value()
              << "\n(shown only this once; it must be changed at first sign-in)\n";
  });
}

namespace {

// One sentence for a failed verification, naming the first bad record.
std::string describe_failure(const app::AuditVerification& v) {
  const std::string id = std::to_string(*v.first_bad_id);
  const std::string read = " (" + std::to_string(v.records) + " records read).";
  const std::string anchor =
      v.anchor_line ? " by the anchor of " + v.anchor_at + " (line " + std::to_string(*v.anchor_line) + ")" : "";
  if (v.problem == "unknown_key") {
    return "Audit log NOT VERIFIED: record " + id + " names the audit key " + v.key_id +
           ", which is not in the keyring: verify with the newest keyring, or the record was forged" + read;
  }
  if (v.problem == "unsealed") {
    return "Audit log TAMPERED: record " + id +
           " ends the unkeyed records from before the audit key, and their seal is missing or wrong" + read;
  }
  if (v.problem == "recomputed") {
    return "Audit log TAMPERED: records " + id + " to " + std::to_string(*v.last_bad_id) +
           " were rewritten and the chain recomputed: it no longer has the head recorded" + anchor + read;
  }
  if (v.problem == "deleted" && v.anchor_line) {
    return "Audit log TAMPERED: record " + id + " was deleted: records up to " + std::to_string(*v.last_bad_id) +
           " were seen" + anchor + read;
  }
  return "Audit log TAMPERED: record " + id + " was " + v.problem + read;
}

std::string describe_bad_anchor(const app::AnchorFile& f, const std::string& file) {
  const std::string where = "line " + std::to_string(f.bad_line) + " of " + file;
  if (f.bad_reason == "other_signer") return "Audit anchors TAMPERED: " + where + " is signed by another key.";
  if (f.bad_reason == "bad_signature") return "Audit anchors TAMPERED: " + where + " has a bad signature.";
  return "Audit anchors TAMPERED: " + where + " is not a well-formed anchor.";
}

}  // namespace

void add_audit_command(CLI::App& app) {
  auto* audit = app.add_subcommand("audit", "Audit log tools");
  audit->require_subcommand(1);

  struct VerifyOptions {
    std::string db;
    AnchorOptions anchors;
    std::string anchor_file;
    std::string public_key;
    CLI::Option* anchor = nullptr;
  };
  auto vo = std::make_shared<VerifyOptions>();
  auto* verify = audit->add_subcommand(
      "verify", "Check the audit log's keyed chain (and anchors); exit status 1 names the first bad record");
  add_database_option(*verify, vo->db);
  add_anchor_options(*verify, vo->anchors);
  vo->anchor = verify->add_option("--anchor", vo->anchor_file,
                                  "Also check the chain against the anchors in FILE (default: the anchor file)")
                   ->expected(0, 1);
  verify->add_option("--anchor-public-key", vo->public_key,
                     "The anchors' Ed25519 public key in hex (default: derived from the anchor signing key)");
  verify->callback([vo] {
    auto db = open_migrated(vo->db, 1);
    std::vector<app::AnchorPoint> anchors;
    std::string anchor_file;
    if (vo->anchor->count() > 0) {
      auto paths = anchor_paths(vo->anchors, vo->db, db->dialect() == store::Dialect::postgresql,
                                vo->anchor_file.empty(), vo->public_key.empty());
      if (!paths) exit_with(paths.problem(), 2);
      anchor_file = vo->anchor_file.empty() ? paths->anchor_file : vo->anchor_file;
      std::string public_key;
      if (!vo->public_key.empty()) {
        auto raw = crypto::from_hex(vo->public_key);
        if (!raw || raw->size() != 32) {
          exit_with(app::audit_key_problem("audit_anchor_public_key_invalid",
                                           "--anchor-public-key takes the 64 hex digits of an Ed25519 public key."),
                    2);
        }
        public_key = *raw;
      } else {
        auto signer = app::load_anchor_signer(paths->key_file, false);
        if (!signer) exit_with(signer.problem(), 2);
        public_key = signer->public_key;
      }
      auto file = app::read_anchor_file(anchor_file, public_key);
      if (!file) exit_with(file.problem(), 2);
      if (file->bad_line > 0) {
        std::cout << describe_bad_anchor(file.value(), anchor_file) << "\n";
        throw CLI::RuntimeError(1);
      }
      anchors = std::move(file->points);
    }
    auto conn = db->acquire();
    const auto result = app::verify_audit(*conn, anchors);
    if (!result.ok) {
      std::cout << describe_failure(result) << "\n";
      throw CLI::RuntimeError(1);
    }
    std::cout << "Audit log intact: " << result.records << " records verified";
    if (result.legacy_records > 0) {
      std::cout << " (" << result.legacy_records << " unkeyed, from before the audit key, sealed)";
    }
    std::cout << ".\n";
    if (vo->anchor->count() > 0) {
      std::cout << "Anchors: " << result.anchors_checked << " of " << anchors.size() << " in " << anchor_file
                << " match the chain.\n";
    }
  });

  struct AnchorCommand {
    std::string db;
    AnchorOptions anchors;
  };
  auto ao = std::make_shared<AnchorCommand>();
  auto* anchor = audit->add_subcommand(
      "anchor", "Append a signed anchor (time, last id, head MAC, count, key id) to the anchor file");
  add_database_option(*anchor, ao->db);
  add_anchor_options(*anchor, ao->anchors);
  anchor->callback([ao] {
    auto db = open_migrated(ao->db, 1);
    auto paths = anchor_paths(ao->anchors, ao->db, db->dialect() == store::Dialect::postgresql);
    if (!paths) exit_with(paths.problem(), 2);
    auto signer = app::load_anchor_signer(paths->key_file, true);
    if (!signer) exit_with(signer.problem(), 2);
    auto line = app::anchor_audit_chain(*db, signer.value(), paths->anchor_file);
    if (!line) exit_with(line.problem(), 1);
    std::cout << line.value() << "\n";
  });

  auto rotate_db = std::make_shared<std::string>();
  auto* rotate = audit->add_subcommand(
      "rotate-key", "Add a new audit signing key to the keyring file; the old keys stay to verify old records");
  add_database_option(*rotate, *rotate_db);
  rotate->callback([rotate_db] {
    // Opening first checks the keyring (and creates a default one) before it is changed.
    auto db = open_migrated(*rotate_db, 1);
    auto source = audit_key_source(*rotate_db, db->dialect() == store::Dialect::postgresql);
    if (!source) exit_with(source.problem(), 2);
    // The rotation is itself audited, as the first record signed with the new key.
    auto rotated = app::rotate_and_audit_key(*db, app::Actor::system("cli"), source.value());
    if (!rotated) exit_with(rotated.problem(), 2);
    std::cout << "New audit signing key " << rotated->key.id << "; " << source->file << " now holds "
              << rotated->keys << " keys.\n"
              << "Copy it to every server (running servers re-read it when it changes).\n";
  });
}

}  // namespace kc::cli
