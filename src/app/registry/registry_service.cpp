#include "app/registry/registry_service.hpp"

#include "app/audit/audit_log.hpp"
#include "app/messages.hpp"
#include "domain/field_messages.hpp"
#include "app/registry/district_scope.hpp"
#include "app/registry/kind_access.hpp"
#include "app/registry/record_validation.hpp"
#include "app/transaction.hpp"
#include "domain/registry_kinds.hpp"

namespace kc::app {
namespace {

using domain::FieldType;

Problem not_found(const domain::KindDef& kind, std::int64_t id) {
  return Problem::not_found({msg::no_record, {{"id", id}, {"kind_zh", kind.zh}, {"kind_en", kind.en}}});
}

// A record outside the actor's region scope is missing to them; one of another enterprise is
// forbidden to an enterprise account (which knows the id from its own lists' references).
std::optional<Problem> in_scope(const Actor& actor, store::RecordStore& records, const domain::KindDef& kind,
                                const store::Record& r) {
  if (!in_actor_scope(records, actor, r.id)) return not_found(kind, r.id);
  if (actor.role != Role::enterprise) return std::nullopt;
  const auto owner = records.enterprise_of(r);
  if (!owner || !actor.may_access_enterprise(*owner)) {
    return Problem::forbidden({msg::record_of_another_enterprise});
  }
  return std::nullopt;
}

// The record as it will be stored, checked: its district filled and inside the actor's scope, its
// references and natural key.
std::vector<FieldError> check_placement(store::Connection& conn, const Actor& actor, const domain::KindDef& kind,
                                        store::Record& record) {
  fill_district(conn, actor, kind, record);
  auto errors = check_district(actor, kind, record);
  if (errors.empty()) errors = check_links(conn, kind, record, actor);
  return errors;
}

boost::json::value cell_json(const domain::FieldDef& f, const domain::Cell& cell) {
  if (std::holds_alternative<std::monostate>(cell)) return nullptr;
  if (auto s = std::get_if<std::string>(&cell)) return boost::json::value(*s);
  const std::int64_t v = std::get<std::int64_t>(cell);
  if (f.type == FieldType::boolean) return v != 0;
  if (domain::is_scaled_decimal(f.type)) return boost::json::value(domain::format_cell(f, cell));
  return v;
}

}  // namespace

boost::json::object record_to_json(const domain::KindDef& kind, const store::Record& r) {
  boost::json::object o;
  o["id"] = r.id;
  for (std::size_t i = 0; i < kind.fields.size(); ++i) o[kind.fields[i].name] = cell_json(kind.fields[i], r.cells[i]);
  o["created_at"] = r.created_at;
  o["updated_at"] = r.updated_at;
  return o;
}

Outcome<RecordPage> RegistryService::list(const Actor& actor, const domain::KindDef& kind,
                                          const RecordList& request) {
  if (auto p = may_read(actor, kind)) return *p;
  store::RecordQuery query;
  query.q = request.q;
  query.page = request.page;
  query.after_id = request.after_id;
  query.ids = request.ids;
  std::vector<FieldError> errors;
  if (request.ids.size() > kMaxSelectedIds) {
    errors.push_back(
        field_error("ids", domain::fmsg::list_too_many_ids, {{"max", static_cast<std::int64_t>(kMaxSelectedIds)}}));
  }
  for (const auto& [name, text] : request.filters) {
    const auto* f = kind.field(name);
    if (!f || !f->filterable) {
      errors.push_back(field_error(name, domain::fmsg::list_not_a_filter, {{"kind_zh", kind.zh}, {"kind_en", kind.en}}));
      continue;
    }
    auto cell = domain::parse_cell(*f, text);
    if (!cell) errors.push_back(field_error(name, cell.error()));
    else query.equals.emplace_back(name, cell.value());
  }
  if (!request.sort.empty()) {
    const bool desc = request.sort.front() == '-';
    const std::string name = desc ? request.sort.substr(1) : request.sort;
    if (kind.field(name) || name == "id" || name == "created_at" || name == "updated_at") {
      query.sort_field = name;
      query.descending = desc;
    } else {
      errors.push_back(field_error("sort", domain::fmsg::list_cannot_sort, {{"name", name}}));
    }
  }
  if (!errors.empty()) return Problem::validation(std::move(errors));
  if (actor.role == Role::enterprise) query.enterprise_id = actor.enterprise_id;
  query.district_prefix = actor.district_prefix();
  auto conn = db_.acquire();
  store::RecordStore records(*conn, kind);
  return RecordPage{records.list(query), records.count(query)};
}

Outcome<store::Record> RegistryService::get(const Actor& actor, const domain::KindDef& kind, std::int64_t id) {
  if (auto p = may_read(actor, kind)) return *p;
  auto conn = db_.acquire();
  store::RecordStore records(*conn, kind);
  auto record = records.get(id);
  if (!record) return not_found(kind, id);
  if (auto p = in_scope(actor, records, kind, *record)) return *p;
  return *record;
}

Outcome<store::Record> RegistryService::create(const Actor& actor, const domain::KindDef& kind,
                                               const FieldValues& values) {
  if (auto p = may_write(actor, kind)) return *p;
  auto conn = db_.acquire();
  return in_transaction_unless_problem(*conn, [&] { return create_in(*conn, actor, kind, values); });
}

Outcome<store::Record> RegistryService::update(const Actor& actor, const domain::KindDef& kind, std::int64_t id,
                                               const FieldValues& values) {
  if (auto p = may_write(actor, kind)) return *p;
  auto conn = db_.acquire();
  return in_transaction_unless_problem(*conn, [&] { return update_in(*conn, actor, kind, id, values); });
}

Outcome<store::Record> RegistryService::create_in(store::Connection& conn, const Actor& actor,
                                                  const domain::KindDef& kind, const FieldValues& values) {
  if (auto p = may_write(actor, kind)) return *p;
  store::Record record;
  record.cells.resize(kind.fields.size());
  auto errors = apply_values(kind, values, record);
  if (errors.empty()) errors = check_placement(conn, actor, kind, record);
  if (!errors.empty()) return Problem::validation(std::move(errors));
  store::RecordStore records(conn, kind);
  record.id = records.insert(record);
  record = *records.get(record.id);
  append_audit(conn, actor, kind.name + ".create", kind.name, std::to_string(record.id), std::nullopt,
               boost::json::value(record_to_json(kind, record)));
  return record;
}

Outcome<store::Record> RegistryService::update_in(store::Connection& conn, const Actor& actor,
                                                  const domain::KindDef& kind, std::int64_t id,
                                                  const FieldValues& values) {
  if (auto p = may_write(actor, kind)) return *p;
  store::RecordStore records(conn, kind);
  auto existing = records.get(id);
  if (!existing) return not_found(kind, id);
  if (auto p = in_scope(actor, records, kind, *existing)) return *p;
  store::Record updated = *existing;
  auto errors = apply_values(kind, values, updated);
  if (errors.empty()) errors = check_placement(conn, actor, kind, updated);
  if (!errors.empty()) return Problem::validation(std::move(errors));
  // On PostgreSQL a concurrent delete may land between the read above and this write.
  if (!records.update(updated)) return not_found(kind, id);
  auto result = *records.get(id);
  append_audit(conn, actor, kind.name + ".update", kind.name, std::to_string(id),
               boost::json::value(record_to_json(kind, *existing)), boost::json::value(record_to_json(kind, result)));
  return result;
}

Status RegistryService::remove(const Actor& actor, const domain::KindDef& kind, std::int64_t id) {
  if (auto p = may_write(actor, kind)) return *p;
  auto conn = db_.acquire();
  std::optional<Problem> problem;
  try {
    store::in_transaction(*conn, [&] {
      store::RecordStore records(*conn, kind);
      auto existing = records.get(id);
      if (!existing || !in_actor_scope(records, actor, id)) {
        problem = not_found(kind, id);
        return;
      }
      records.remove(id);
      append_audit(*conn, actor, kind.name + ".delete", kind.name, std::to_string(id),
                   boost::json::value(record_to_json(kind, *existing)), std::nullopt);
    });
  } catch (const store::DbError& e) {
    if (e.kind() != store::DbError::Kind::foreign_key_violation) throw;
    return Problem::conflict({msg::has_dependants});
  }
  if (problem) return *problem;
  return done();
}

Outcome<std::vector<HistoryEntry>> RegistryService::history(const Actor& actor, const domain::KindDef& kind,
                                                            std::int64_t id) {
  auto current = get(actor, kind, id);  // same read rules as the record itself
  if (!current) {
    // A deleted record still has a history for those who may read the kind.
    // Not to scoped users: a deleted record's district is not known any more.
    if (current.problem().status != 404 || actor.role == Role::enterprise || actor.region) return current.problem();
  }
  auto conn = db_.acquire();
  AuditFilter filter;
  filter.entity = kind.name;
  filter.entity_id = std::to_string(id);
  auto entries = search_audit(*conn, filter, {1, 200});
  std::vector<HistoryEntry> out;
  for (auto it = entries.rbegin(); it != entries.rend(); ++it) {
    HistoryEntry h{it->id, it->at, it->actor, it->action, {}};
    const auto before = it->before_json ? boost::json::parse(*it->before_json).as_object() : boost::json::object{};
    const auto after = it->after_json ? boost::json::parse(*it->after_json).as_object() : boost::json::object{};
    for (const auto& f : kind.fields) {
      const auto* b = before.if_contains(f.name);
      const auto* a = after.if_contains(f.name);
      const boost::json::value bv = b ? *b : boost::json::value(nullptr);
      const boost::json::value av = a ? *a : boost::json::value(nullptr);
      if (bv != av) h.changes.push_back({f.name, bv, av});
    }
    out.push_back(std::move(h));
  }
  return out;
}

}  // namespace kc::app
