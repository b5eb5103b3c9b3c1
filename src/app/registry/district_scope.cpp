#include "app/registry/district_scope.hpp"

#include "app/messages.hpp"
#include "domain/field_messages.hpp"
#include "domain/registry_kinds.hpp"

namespace kc::app {
namespace {

// The kind's own district field, when its records are placed by one (not through a reference).
const domain::FieldDef* own_district_field(const domain::KindDef& kind) {
  const domain::FieldDef* f = kind.field(kind.region_scope);
  return f && f->type == domain::FieldType::region_code ? f : nullptr;
}

std::optional<std::string> enterprise_district(store::Connection& conn, const domain::KindDef& kind,
                                               const store::Record& record) {
  const std::size_t i = kind.index_of("enterprise_id");
  if (i >= kind.fields.size() || kind.fields[i].references != "enterprises") return std::nullopt;
  const auto* id = std::get_if<std::int64_t>(&record.cells[i]);
  if (!id) return std::nullopt;
  const auto& enterprises = *domain::find_kind("enterprises");
  store::RecordStore store(conn, enterprises);
  auto enterprise = store.get(*id);
  return enterprise ? store.district_of(*enterprise) : std::nullopt;
}

}  // namespace

void fill_district(store::Connection& conn, const Actor& actor, const domain::KindDef& kind, store::Record& record) {
  const domain::FieldDef* f = own_district_field(kind);
  if (!f) return;
  domain::Cell& cell = record.cells[kind.index_of(f->name)];
  if (!std::holds_alternative<std::monostate>(cell)) return;
  if (auto code = enterprise_district(conn, kind, record)) {
    cell = *code;
  } else if (actor.region && actor.region->level() == domain::RegionLevel::county) {
    cell = actor.region->text();
  }
}

std::vector<FieldError> check_district(const Actor& actor, const domain::KindDef& kind, const store::Record& record) {
  const domain::FieldDef* f = own_district_field(kind);
  if (!f || !actor.region) return {};
  const auto* code = std::get_if<std::string>(&record.cells[kind.index_of(f->name)]);
  if (!code) {
    return {field_error(f->name, domain::fmsg::scope_choose_district)};
  }
  if (!actor.may_see_district(*code)) {
    return {field_error(f->name, domain::fmsg::scope_outside, {{"region", *code}, {"scope", actor.region->text()}})};
  }
  return {};
}

bool in_actor_scope(store::RecordStore& records, const Actor& actor, std::int64_t id) {
  return !actor.region || records.exists_in(id, actor.district_prefix());
}

bool enterprise_in_scope(store::Connection& conn, const Actor& actor, std::int64_t enterprise_id) {
  if (!actor.region) return true;
  store::RecordStore enterprises(conn, *domain::find_kind("enterprises"));
  return in_actor_scope(enterprises, actor, enterprise_id);
}

store::RegionRows visible_rows(const Actor& actor) {
  if (!actor.region) return {};
  store::RegionRows rows{std::string(actor.region->prefix()), {}};
  if (actor.region->level() != domain::RegionLevel::province) rows.covering.push_back(actor.region->province().text());
  if (actor.region->level() == domain::RegionLevel::county) rows.covering.push_back(actor.region->prefecture().text());
  return rows;
}

bool may_change_row(const Actor& actor, const std::optional<std::string>& code) {
  return !actor.region || (code && actor.may_see_district(*code));
}

std::optional<std::string> region_of_scope(const Actor& actor) {
  if (!actor.region) return std::nullopt;
  return actor.region->text();
}

Outcome<std::optional<std::string>> choose_region(const Actor& actor, const RegionChoice& choice,
                                                  const std::optional<std::string>& current) {
  if (!choice) return current;
  if (!*choice) {
    if (!actor.region) return std::optional<std::string>{};
    return Problem::validation({field_error("region_code", domain::fmsg::scope_whole_installation)});
  }
  auto code = domain::RegionCode::parse(**choice);
  if (!code) return Problem::validation({field_error("region_code", code.error())});
  if (actor.region && !actor.region->contains(code.value())) {
    return Problem::forbidden({msg::region_outside_scope, {{"region", code->text()}}});
  }
  return std::optional<std::string>{code->text()};
}

}  // namespace kc::app
