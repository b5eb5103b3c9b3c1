// Rows of submissions: enterprise self-service changes waiting for (or decided by) bureau staff.
// The changed values are kept as JSON text, read and written by app/registry/submission_service.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"
#include "store/user_repository.hpp"  // Page

namespace kc::store {

struct SubmissionRow {
  std::int64_t id = 0;
  std::string kind;
  std::optional<std::int64_t> record_id;  // empty for a new record
  std::int64_t enterprise_id = 0;
  std::string values_json;
  std::string status;  // pending, approved, rejected
  std::string submitted_by;
  std::string submitted_at;
  std::optional<std::string> decided_by;
  std::optional<std::string> decided_at;
  std::optional<std::string> note;
  std::optional<std::int64_t> result_record_id;
};

// Which submissions a list shows; empty members do not filter.
struct SubmissionFilter {
  std::optional<std::int64_t> enterprise_id;
  std::string status;
  std::string district_prefix;  // only submissions of enterprises in this scope (RecordQuery's)
};

class SubmissionRepository {
 public:
  explicit SubmissionRepository(Connection& conn) : conn_(conn) {}

  std::optional<SubmissionRow> find(std::int64_t id);
  // Newest first.
  std::vector<SubmissionRow> list(const SubmissionFilter& filter, const Page& page);
  std::int64_t count(const SubmissionFilter& filter);
  // A new pending submission (the row's kind, record, enterprise, values and submitter); returns its id.
  std::int64_t insert_pending(const SubmissionRow& row);
  // Decides the submission if it is still pending, in one conditional UPDATE, so of two decisions
  // sent at once exactly one wins; false when it was not pending (or does not exist).
  [[nodiscard]] bool decide(std::int64_t id, const std::string& status, const std::string& decided_by,
                            const std::string& decided_at, const std::optional<std::string>& note);
  // The record an approval wrote; false when no submission has `id`.
  [[nodiscard]] bool set_result(std::int64_t id, std::int64_t record_id);

 private:
  Connection& conn_;
};

}  // namespace kc::store
