#include "store/submission_repository.hpp"

#include "domain/registry_kinds.hpp"
#include "store/record_store.hpp"
#include "store/sql_filter.hpp"

namespace kc::store {
namespace {

constexpr const char* kSelect =
    "SELECT id, kind, record_id, enterprise_id, values_json, status, submitted_by, submitted_at, decided_by, "
    "decided_at, note, result_record_id FROM submissions";

SubmissionRow to_submission(const Row& r) {
  SubmissionRow s;
  s.id = r.integer(0);
  s.kind = r.text(1);
  s.record_id = r.optional_integer(2);
  s.enterprise_id = r.integer(3);
  s.values_json = r.text(4);
  s.status = r.text(5);
  s.submitted_by = r.text(6);
  s.submitted_at = r.text(7);
  s.decided_by = r.optional_text(8);
  s.decided_at = r.optional_text(9);
  s.note = r.optional_text(10);
  s.result_record_id = r.optional_integer(11);
  return s;
}

SqlFilter where_of(const SubmissionFilter& f) {
  SqlFilter sql;
  if (f.enterprise_id) sql.add("enterprise_id = ?", *f.enterprise_id);
  if (!f.status.empty()) sql.add("status = ?", f.status);
  if (!f.district_prefix.empty()) {
    add_reference_in_district(sql, "enterprise_id", *domain::find_kind("enterprises"), f.district_prefix);
  }
  return sql;
}

template <class T>
Value optional(const std::optional<T>& v) {
  return v ? Value{*v} : Value{std::monostate{}};
}

}  // namespace

std::optional<SubmissionRow> SubmissionRepository::find(std::int64_t id) {
  auto row = conn_.query_one(std::string(kSelect) + " WHERE id = $1", {id});
  if (!row) return std::nullopt;
  return to_submission(*row);
}

std::vector<SubmissionRow> SubmissionRepository::list(const SubmissionFilter& filter, const Page& page) {
  const auto sql = where_of(filter);
  const std::string limit = sql.next_placeholder();
  const std::string offset = "$" + std::to_string(sql.params().size() + 2);
  std::vector<SubmissionRow> out;
  for (const auto& r : conn_.query(std::string(kSelect) + sql.where() + " ORDER BY id DESC LIMIT " + limit +
                                       " OFFSET " + offset,
                                   sql.params_with({std::int64_t{page.page_size}, std::int64_t{page.offset()}}))) {
    out.push_back(to_submission(r));
  }
  return out;
}

std::int64_t SubmissionRepository::count(const SubmissionFilter& filter) {
  const auto sql = where_of(filter);
  return conn_.query_one("SELECT COUNT(*) FROM submissions" + sql.where(), sql.params())->integer(0);
}

std::int64_t SubmissionRepository::insert_pending(const SubmissionRow& s) {
  return conn_
      .query_one("INSERT INTO submissions (kind, record_id, enterprise_id, values_json, status, submitted_by, "
                 "submitted_at) VALUES ($1, $2, $3, $4, 'pending', $5, $6) RETURNING id",
                 {s.kind, optional(s.record_id), s.enterprise_id, s.values_json, s.submitted_by, s.submitted_at})
      ->integer(0);
}

bool SubmissionRepository::decide(std::int64_t id, const std::string& status, const std::string& decided_by,
                                  const std::string& decided_at, const std::optional<std::string>& note) {
  return conn_.execute("UPDATE submissions SET status = $2, decided_by = $3, decided_at = $4, note = $5 "
                       "WHERE id = $1 AND status = 'pending'",
                       {id, status, decided_by, decided_at, optional(note)}) == 1;
}

bool SubmissionRepository::set_result(std::int64_t id, std::int64_t record_id) {
  return conn_.execute("UPDATE submissions SET result_record_id = $2 WHERE id = $1", {id, record_id}) > 0;
}

}  // namespace kc::store
