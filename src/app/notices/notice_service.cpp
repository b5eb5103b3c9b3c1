#include "app/notices/notice_service.hpp"

#include <boost/json.hpp>
#include <functional>

#include "app/audit/audit_log.hpp"
#include "app/messages.hpp"
#include "app/transaction.hpp"
#include "domain/plain_text.hpp"
#include "domain/registry_kinds.hpp"
#include "domain/timestamp.hpp"
#include "store/record_store.hpp"

namespace kc::app {
namespace {

std::optional<Problem> may_manage(const Actor& actor) {
  if (actor.role != Role::admin && actor.role != Role::staff) return Problem::forbidden({msg::staff_publish_notices});
  return std::nullopt;
}

std::string now() { return domain::to_iso_utc(domain::now_epoch_seconds()); }

std::size_t characters(const std::string& text) {
  std::size_t n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80;
  return n;
}

std::string trimmed(const std::string& text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

// Field errors of a title or body, "中文 / English" as every field error the web splits by language.
void check_text(std::vector<FieldError>& errors, const char* field, const char* zh_name, const std::string& text,
                std::size_t max, bool multiline) {
  if (text.empty()) {
    errors.push_back({field, std::string("请填写") + zh_name + " / is required"});
  } else if (auto bad = domain::find_forbidden_character(text, multiline)) {
    errors.push_back({field, bad->message});
  } else if (const auto n = characters(text); n > max) {
    errors.push_back({field, std::string(zh_name) + "最多 " + std::to_string(max) + " 个字符，现有 " + std::to_string(n) +
                                 " 个 / must be at most " + std::to_string(max) + " characters (has " +
                                 std::to_string(n) + ")"});
  }
}

std::vector<FieldError> check(NoticeDraft& draft) {
  draft.title = trimmed(draft.title);
  std::vector<FieldError> errors;
  check_text(errors, "title", "标题", draft.title, kNoticeTitleMax, false);
  check_text(errors, "body", "正文", trimmed(draft.body).empty() ? std::string() : draft.body, kNoticeBodyMax, true);
  return errors;
}

boost::json::value audit_json(const store::NoticeRow& n) {
  return boost::json::object{
      {"title", n.title},
      {"body", n.body},
      {"region_code", n.region_code ? boost::json::value(*n.region_code) : boost::json::value(nullptr)},
      {"status", n.status},
      {"published_at", n.published_at ? boost::json::value(*n.published_at) : boost::json::value(nullptr)}};
}

// Whose notices the actor reads: a bureau user's scope (visible_rows); an enterprise account's,
// its enterprise's district as if it were a district user there, or only the installation's
// notices when the enterprise lies in no district.
store::RegionRows readers_rows(store::Connection& conn, const Actor& actor) {
  if (actor.role != Role::enterprise) return visible_rows(actor);
  std::optional<std::string> district;
  if (actor.enterprise_id) {
    store::RecordStore enterprises(conn, *domain::find_kind("enterprises"));
    if (auto record = enterprises.get(*actor.enterprise_id)) district = enterprises.district_of(*record);
  }
  auto code = district ? domain::RegionCode::parse(*district) : domain::Result<domain::RegionCode>(domain::Error{});
  if (!code) {
    store::RegionRows installation;
    installation.installation_only = true;
    return installation;
  }
  Actor placed = actor;
  placed.region = code.value();
  return visible_rows(placed);
}

// Loads notice `id` the actor may change (404 unseen, 403 seen but outside its scope), lets
// `apply` change the row (or refuse with a problem), writes it and audits `action`, all in one
// transaction that a problem rolls back.
Outcome<store::NoticeRow> change(store::Database& db, const Actor& actor, std::int64_t id, const char* action,
                                 const std::function<std::optional<Problem>(store::NoticeRow&)>& apply) {
  if (auto p = may_manage(actor)) return *p;
  auto conn = db.acquire();
  return in_transaction_unless_problem(*conn, [&]() -> Outcome<store::NoticeRow> {
    store::NoticeRepository notices(*conn);
    auto row = notices.find(id, visible_rows(actor));
    if (!row) return Problem::not_found({msg::no_notice, {{"id", id}}});
    if (!may_change_row(actor, row->region_code)) return Problem::forbidden({msg::record_of_another_district});
    const auto before = audit_json(*row);
    if (auto refused = apply(*row)) return *refused;
    row->updated_by = actor.username;
    row->updated_at = now();
    // On PostgreSQL a concurrent delete may land between the read and the update.
    if (!notices.update(*row)) return Problem::not_found({msg::no_notice, {{"id", id}}});
    append_audit(*conn, actor, action, "notice", std::to_string(id), before, audit_json(*row));
    return *row;
  });
}

}  // namespace

Outcome<NoticePage> NoticeService::published(const Actor& actor, const store::Page& page, bool unread_only) {
  auto conn = db_.acquire();
  store::NoticeRepository notices(*conn);
  store::NoticeFilter filter{readers_rows(*conn, actor), "published", actor.user_id, false};
  NoticePage out;
  out.total = notices.count(filter);
  if (actor.user_id) {
    store::NoticeFilter unread = filter;
    unread.unread_only = true;
    out.unread = notices.count(unread);
    if (unread_only) {
      filter = unread;
      out.total = out.unread;
    }
  }
  out.items = notices.list(filter, page);
  return out;
}

Outcome<NoticePage> NoticeService::managed(const Actor& actor, const std::optional<std::string>& status,
                                           const store::Page& page) {
  if (auto p = may_manage(actor)) return *p;
  if (status && *status != "draft" && *status != "published" && *status != "withdrawn") {
    return Problem::validation({{"status", "状态应为 draft、published 或 withdrawn / must be draft, published or withdrawn"}});
  }
  auto conn = db_.acquire();
  store::NoticeRepository notices(*conn);
  const store::NoticeFilter filter{visible_rows(actor), status, std::nullopt, false};
  return NoticePage{notices.list(filter, page), notices.count(filter), 0};
}

Outcome<store::NoticeRow> NoticeService::create(const Actor& actor, const NoticeDraft& request) {
  if (auto p = may_manage(actor)) return *p;
  NoticeDraft draft = request;
  if (auto errors = check(draft); !errors.empty()) return Problem::validation(std::move(errors));
  auto placed = choose_region(actor, draft.region, region_of_scope(actor));
  if (!placed) return placed.problem();
  store::NoticeRow row;
  row.title = draft.title;
  row.body = draft.body;
  row.region_code = placed.value();
  row.status = "draft";
  row.created_by = row.updated_by = actor.username;
  row.created_at = row.updated_at = now();
  auto conn = db_.acquire();
  Transaction transaction(*conn);
  row.id = store::NoticeRepository(*conn).insert(row);
  append_audit(*conn, actor, "notice.create", "notice", std::to_string(row.id), std::nullopt, audit_json(row));
  transaction.commit();
  return row;
}

Outcome<store::NoticeRow> NoticeService::update(const Actor& actor, std::int64_t id, const NoticeDraft& request) {
  if (auto p = may_manage(actor)) return *p;
  NoticeDraft draft = request;
  if (auto errors = check(draft); !errors.empty()) return Problem::validation(std::move(errors));
  return change(db_, actor, id, "notice.update", [&](store::NoticeRow& row) -> std::optional<Problem> {
    auto placed = choose_region(actor, draft.region, row.region_code);
    if (!placed) return placed.problem();
    row.title = draft.title;
    row.body = draft.body;
    row.region_code = placed.value();
    return std::nullopt;
  });
}

Outcome<store::NoticeRow> NoticeService::publish(const Actor& actor, std::int64_t id) {
  return change(db_, actor, id, "notice.publish", [&](store::NoticeRow& row) -> std::optional<Problem> {
    if (row.status == "published") return Problem::conflict({msg::notice_already_published});
    row.status = "published";
    row.published_at = now();
    return std::nullopt;
  });
}

Outcome<store::NoticeRow> NoticeService::withdraw(const Actor& actor, std::int64_t id) {
  return change(db_, actor, id, "notice.withdraw", [&](store::NoticeRow& row) -> std::optional<Problem> {
    if (row.status != "published") return Problem::conflict({msg::notice_not_published});
    row.status = "withdrawn";
    return std::nullopt;
  });
}

Status NoticeService::remove(const Actor& actor, std::int64_t id) {
  if (auto p = may_manage(actor)) return *p;
  auto conn = db_.acquire();
  return in_transaction_unless_problem(*conn, [&]() -> Status {
    store::NoticeRepository notices(*conn);
    auto row = notices.find(id, visible_rows(actor));
    if (!row) return Problem::not_found({msg::no_notice, {{"id", id}}});
    if (!may_change_row(actor, row->region_code)) return Problem::forbidden({msg::record_of_another_district});
    if (!notices.remove(id)) return Problem::not_found({msg::no_notice, {{"id", id}}});
    append_audit(*conn, actor, "notice.delete", "notice", std::to_string(id), audit_json(*row), std::nullopt);
    return done();
  });
}

Status NoticeService::mark_read(const Actor& actor, std::int64_t id) {
  if (!actor.user_id) return Problem::unauthenticated();
  auto conn = db_.acquire();
  return in_transaction_unless_problem(*conn, [&]() -> Status {
    store::NoticeRepository notices(*conn);
    auto row = notices.find(id, readers_rows(*conn, actor));
    if (!row || row->status != "published") return Problem::not_found({msg::no_notice, {{"id", id}}});
    notices.mark_read(id, *actor.user_id, now());
    return done();
  });
}

}  // namespace kc::app
