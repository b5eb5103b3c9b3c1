#include "app/registry/submission_service.hpp"

#include <algorithm>
#include <stdexcept>

#include "app/audit/audit_log.hpp"
#include "app/messages.hpp"
#include "app/registry/district_scope.hpp"
#include "app/registry/kind_access.hpp"
#include "app/registry/record_validation.hpp"
#include "app/transaction.hpp"
#include "domain/field_messages.hpp"
#include "domain/registry_kinds.hpp"
#include "domain/timestamp.hpp"
#include "store/submission_repository.hpp"

namespace kc::app {
namespace {

Submission to_submission(const store::SubmissionRow& r) {
  Submission s;
  s.id = r.id;
  s.kind = r.kind;
  s.record_id = r.record_id;
  s.enterprise_id = r.enterprise_id;
  const boost::json::value values = boost::json::parse(r.values_json);  // must outlive the loop
  for (const auto& kv : values.as_object()) {
    s.values[std::string(kv.key())] = std::string(kv.value().as_string());
  }
  s.status = r.status;
  s.submitted_by = r.submitted_by;
  s.submitted_at = r.submitted_at;
  s.decided_by = r.decided_by;
  s.decided_at = r.decided_at;
  s.note = r.note;
  s.result_record_id = r.result_record_id;
  return s;
}

std::optional<Submission> load(store::Connection& conn, std::int64_t id) {
  auto row = store::SubmissionRepository(conn).find(id);
  if (!row) return std::nullopt;
  return to_submission(*row);
}

bool is_staff(const Actor& actor) { return actor.role == Role::admin || actor.role == Role::staff; }

std::string now() { return domain::to_iso_utc(domain::now_epoch_seconds()); }

// Decides a pending submission; false when another decision came first.
bool claim(store::Connection& conn, const Actor& actor, std::int64_t id, const std::string& status,
           const std::optional<std::string>& note) {
  return store::SubmissionRepository(conn).decide(id, status, actor.username, now(), note);
}

Problem already_decided(store::Connection& conn, std::int64_t id) {
  const auto s = load(conn, id);
  return Problem::conflict({msg::submission_decided, {{"status", s ? s->status : std::string("decided")}}});
}

}  // namespace

boost::json::object submission_to_json(const Submission& s) {
  boost::json::object values;
  for (const auto& [k, v] : s.values) values[k] = v;
  auto opt = [](const auto& v) -> boost::json::value {
    if (v) return boost::json::value(*v);
    return nullptr;
  };
  boost::json::object o;
  o["id"] = s.id;
  o["kind"] = s.kind;
  o["record_id"] = opt(s.record_id);
  o["enterprise_id"] = s.enterprise_id;
  o["values"] = std::move(values);
  o["status"] = s.status;
  o["submitted_by"] = s.submitted_by;
  o["submitted_at"] = s.submitted_at;
  o["decided_by"] = opt(s.decided_by);
  o["decided_at"] = opt(s.decided_at);
  o["note"] = opt(s.note);
  o["result_record_id"] = opt(s.result_record_id);
  return o;
}

Outcome<Submission> SubmissionService::submit(const Actor& actor, const domain::KindDef& kind,
                                              std::optional<std::int64_t> record_id, const FieldValues& values) {
  if (!needs_confirmation(actor, kind) || !actor.enterprise_id) {
    return Problem::forbidden({msg::may_not_file, {{"kind_zh", kind.zh}, {"kind_en", kind.en}}});
  }
  auto conn = db_.acquire();
  store::RecordStore records(*conn, kind);
  store::Record record;
  record.cells.resize(kind.fields.size());
  if (record_id) {
    auto existing = records.get(*record_id);
    if (!existing) return Problem::not_found({msg::no_record, {{"id", *record_id}, {"kind_zh", kind.zh}, {"kind_en", kind.en}}});
    const auto owner = records.enterprise_of(*existing);
    if (!owner || *owner != *actor.enterprise_id) return Problem::forbidden({msg::record_of_another_enterprise});
    record = *existing;
  } else if (kind.enterprise_scope == "id") {
    return Problem::forbidden({msg::no_new_enterprises});
  }
  auto errors = apply_values(kind, values, record);
  // What an enterprise files must stay its own: the scope field may not point elsewhere.
  if (kind.enterprise_scope != "id") {
    const auto owner = records.enterprise_of(record);
    if (owner && *owner != *actor.enterprise_id) {
      return Problem::forbidden({msg::own_enterprise_only});
    }
  }
  if (errors.empty()) errors = check_links(*conn, kind, record, actor);
  if (!errors.empty()) return Problem::validation(std::move(errors));

  boost::json::object stored;
  for (const auto& [k, v] : values) stored[k] = v;
  Submission s;
  store::in_transaction(*conn, [&] {
    store::SubmissionRow row;
    row.kind = kind.name;
    row.record_id = record_id;
    row.enterprise_id = *actor.enterprise_id;
    row.values_json = boost::json::serialize(stored);
    row.submitted_by = actor.username;
    row.submitted_at = now();
    s = *load(*conn, store::SubmissionRepository(*conn).insert_pending(row));
    append_audit(*conn, actor, "submission.create", "submission", std::to_string(s.id), std::nullopt,
                 boost::json::value(submission_to_json(s)));
  });
  return s;
}

Outcome<SubmissionPage> SubmissionService::list(const Actor& actor, const std::string& status, const store::Page& page) {
  store::SubmissionFilter filter;
  if (!is_staff(actor)) {
    if (actor.role != Role::enterprise || !actor.enterprise_id) {
      return Problem::forbidden({msg::submissions_scope});
    }
    filter.enterprise_id = *actor.enterprise_id;
  }
  if (!status.empty()) {
    if (status != "pending" && status != "approved" && status != "rejected") {
      return Problem::validation(
          {field_error("status", domain::fmsg::not_choice, {{"allowed", "pending, approved, rejected"}})});
    }
    filter.status = status;
  }
  filter.district_prefix = actor.district_prefix();
  auto conn = db_.acquire();
  store::SubmissionRepository submissions(*conn);
  SubmissionPage out;
  for (const auto& r : submissions.list(filter, page)) out.items.push_back(to_submission(r));
  out.total = submissions.count(filter);
  return out;
}

// A decision is one transaction that claims the submission with a conditional update (`WHERE
// status = 'pending'`): of an approval and a rejection sent at once, exactly one changes the row and
// the other finds it decided (409), so a submission never ends "approved" with a rejection's note.
Outcome<Submission> SubmissionService::approve(const Actor& actor, std::int64_t id) {
  if (!is_staff(actor)) return Problem::forbidden({msg::staff_confirm_submissions});
  auto conn = db_.acquire();
  return in_transaction_unless_problem(*conn, [&]() -> Outcome<Submission> {
    auto s = load(*conn, id);
    if (!s || !enterprise_in_scope(*conn, actor, s->enterprise_id)) return Problem::not_found({msg::no_submission, {{"id", id}}});
    const auto* kind = domain::find_kind(s->kind);
    if (!kind) return Problem::conflict({msg::kind_gone, {{"kind", s->kind}}});
    if (!claim(*conn, actor, id, "approved", std::nullopt)) return already_decided(*conn, id);
    // Written as the approving staff member, with the usual checks and audit.
    RegistryService registry(db_);
    auto written = s->record_id ? registry.update_in(*conn, actor, *kind, *s->record_id, s->values)
                                : registry.create_in(*conn, actor, *kind, s->values);
    if (!written) return written.problem();
    // The row was claimed in this transaction, so it is there.
    if (!store::SubmissionRepository(*conn).set_result(id, written->id)) {
      throw std::logic_error("submission " + std::to_string(id) + " vanished after it was claimed");
    }
    s = load(*conn, id);
    append_audit(*conn, actor, "submission.approve", "submission", std::to_string(id), std::nullopt,
                 boost::json::value(submission_to_json(*s)));
    return *s;
  });
}

Outcome<Submission> SubmissionService::reject(const Actor& actor, std::int64_t id, const std::string& note) {
  if (!is_staff(actor)) return Problem::forbidden({msg::staff_confirm_submissions});
  auto conn = db_.acquire();
  return in_transaction_unless_problem(*conn, [&]() -> Outcome<Submission> {
    if (auto s = load(*conn, id); !s || !enterprise_in_scope(*conn, actor, s->enterprise_id)) {
      return Problem::not_found({msg::no_submission, {{"id", id}}});
    }
    if (!claim(*conn, actor, id, "rejected", note)) return already_decided(*conn, id);
    auto s = load(*conn, id);
    append_audit(*conn, actor, "submission.reject", "submission", std::to_string(id), std::nullopt,
                 boost::json::value(submission_to_json(*s)));
    return *s;
  });
}

}  // namespace kc::app
