// Enterprise self-service: an enterprise account's changes to its own enterprise and years are
// checked like any edit, then wait as submissions until bureau staff approve (and they are
// written) or reject them.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/actor.hpp"
#include "app/outcome.hpp"
#include "app/registry/registry_service.hpp"
#include "store/database.hpp"

namespace kc::app {

struct Submission {
  std::int64_t id = 0;
  std::string kind;
  std::optional<std::int64_t> record_id;  // empty for a new record
  std::int64_t enterprise_id = 0;
  FieldValues values;
  std::string status;  // pending, approved, rejected
  std::string submitted_by;
  std::string submitted_at;
  std::optional<std::string> decided_by;
  std::optional<std::string> decided_at;
  std::optional<std::string> note;
  std::optional<std::int64_t> result_record_id;
};

struct SubmissionPage {
  std::vector<Submission> items;
  std::int64_t total = 0;
};

class SubmissionService {
 public:
  explicit SubmissionService(store::Database& db) : db_(db) {}

  // `record_id` empty: a new record. The change is validated now, so staff see only sound ones.
  Outcome<Submission> submit(const Actor& actor, const domain::KindDef& kind, std::optional<std::int64_t> record_id,
                             const FieldValues& values);
  Outcome<SubmissionPage> list(const Actor& actor, const std::string& status, const store::Page& page);
  // Writes the change as the approving staff member; refused (and left pending) when it no longer fits.
  Outcome<Submission> approve(const Actor& actor, std::int64_t id);
  Outcome<Submission> reject(const Actor& actor, std::int64_t id, const std::string& note);

 private:
  store::Database& db_;
};

boost::json::object submission_to_json(const Submission& s);

}  // namespace kc::app
