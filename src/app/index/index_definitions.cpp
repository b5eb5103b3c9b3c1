#include "app/index/index_definitions.hpp"

#include "app/audit/audit_log.hpp"
#include "app/index/index_service.hpp"
#include "app/messages.hpp"
#include "domain/field_messages.hpp"
#include "domain/registry_kinds.hpp"
#include "domain/timestamp.hpp"
#include "io/csv.hpp"
#include "store/index_definition_repository.hpp"
#include "store/record_store.hpp"

namespace kc::app {
namespace {

IndexDefinition to_definition(store::IndexDefinitionRow r) {
  return {r.id,         std::move(r.name),       std::move(r.description), std::move(r.data_source),
          std::move(r.data_csv), std::move(r.meta_csv), std::move(r.spec_json),  std::move(r.created_by),
          std::move(r.created_at), std::move(r.updated_at), std::move(r.region_code), std::nullopt};
}

store::IndexDefinitionRow to_row(const IndexDefinition& d) {
  return {d.id,       d.name,       d.description, d.data_source, d.data_csv,
          d.meta_csv, d.spec_json, d.created_by,  d.created_at,  d.updated_at, d.region_code};
}

std::optional<Problem> may_read(const Actor& actor) {
  if (actor.role == Role::enterprise) return Problem::forbidden({msg::bureau_users_only});
  return std::nullopt;
}

std::optional<Problem> may_write(const Actor& actor) {
  if (actor.role != Role::admin && actor.role != Role::staff) {
    return Problem::forbidden({msg::staff_save_index_definitions});
  }
  return std::nullopt;
}

bool is_numeric(const domain::FieldDef& f) {
  return (f.type == domain::FieldType::amount || f.type == domain::FieldType::integer) && f.name != "year";
}

}  // namespace

boost::json::object definition_to_json(const IndexDefinition& d, bool with_texts) {
  boost::json::object o;
  o["id"] = d.id;
  o["name"] = d.name;
  o["description"] = d.description;
  o["data_source"] = d.data_source;
  if (with_texts) {
    if (d.data_csv) o["data"] = *d.data_csv;
    else o["data"] = nullptr;
    o["meta"] = d.meta_csv;
    boost::system::error_code ec;
    auto spec = boost::json::parse(d.spec_json, ec);
    o["spec"] = ec ? boost::json::value(nullptr) : spec;
  }
  o["region_code"] = d.region_code ? boost::json::value(*d.region_code) : boost::json::value(nullptr);
  o["created_by"] = d.created_by;
  o["created_at"] = d.created_at;
  o["updated_at"] = d.updated_at;
  return o;
}

Outcome<RegionIndexData> region_index_data(store::Database& db, const Actor& actor, int year) {
  if (auto p = may_read(actor)) return *p;
  const auto& kind = *domain::find_kind("region_statistics");
  auto conn = db.acquire();
  store::RecordStore records(*conn, kind);
  store::RecordQuery q;
  q.equals = {{"year", domain::Cell{std::int64_t{year}}}};
  q.page = {1, 100000};
  q.district_prefix = actor.district_prefix();
  auto rows = records.list(q);
  if (rows.empty()) {
    return Problem::validation({field_error("year", domain::fmsg::index_no_region_statistics, {{"year", std::int64_t{year}}})});
  }
  std::vector<std::string> header = {"uCode", "uName"};
  std::vector<std::size_t> fields;
  for (std::size_t i = 0; i < kind.fields.size(); ++i) {
    if (is_numeric(kind.fields[i])) {
      fields.push_back(i);
      header.push_back(kind.fields[i].name);
    }
  }
  RegionIndexData out;
  io::append_csv_row(out.data_csv, header);
  const auto code = static_cast<std::size_t>(kind.field("region_code") - kind.fields.data());
  const auto name = static_cast<std::size_t>(kind.field("region_name") - kind.fields.data());
  for (const auto& r : rows) {
    std::vector<std::string> cells = {domain::format_cell(kind.fields[code], r.cells[code]),
                                      domain::format_cell(kind.fields[name], r.cells[name])};
    for (auto i : fields) cells.push_back(domain::format_cell(kind.fields[i], r.cells[i]));
    io::append_csv_row(out.data_csv, cells);
  }
  io::append_csv_row(out.meta_csv, std::vector<std::string>{"Level", "iCode", "iName", "Direction", "Weight", "Unit", "Parent", "Type"});
  for (auto i : fields) {
    const auto& f = kind.fields[i];
    io::append_csv_row(out.meta_csv, std::vector<std::string>{"1", f.name, f.zh + " " + f.en, "1", "1", f.unit, "Index", "Indicator"});
  }
  io::append_csv_row(out.meta_csv, std::vector<std::string>{"2", "Index", "Index", "1", "1", "", "", "Aggregate"});
  out.regions = rows.size();
  return out;
}

Outcome<std::vector<IndexDefinition>> IndexDefinitions::list(const Actor& actor) {
  if (auto p = may_read(actor)) return *p;
  auto conn = db_.acquire();
  std::vector<IndexDefinition> out;
  for (auto& r : store::IndexDefinitionRepository(*conn).list(visible_rows(actor))) out.push_back(to_definition(std::move(r)));
  return out;
}

Outcome<IndexDefinition> IndexDefinitions::get(const Actor& actor, std::int64_t id) {
  if (auto p = may_read(actor)) return *p;
  auto conn = db_.acquire();
  auto row = store::IndexDefinitionRepository(*conn).find(id, visible_rows(actor));
  if (!row) return Problem::not_found({msg::no_index_definition, {{"id", id}}});
  return to_definition(std::move(*row));
}

Outcome<IndexDefinition> IndexDefinitions::save(const Actor& actor, std::optional<std::int64_t> id, IndexDefinition d) {
  if (auto p = may_write(actor)) return *p;
  std::vector<FieldError> errors;
  if (d.name.empty() || d.name.size() > 200) errors.push_back({"name", "must be 1–200 bytes"});
  if (d.data_source != "upload" && d.data_source != "region_statistics") {
    errors.push_back({"data_source", "must be upload or region_statistics"});
  }
  if (d.data_source == "upload" && (!d.data_csv || d.data_csv->empty())) errors.push_back({"data", "is required for uploaded data"});
  if (d.data_source == "region_statistics") d.data_csv.reset();
  if (!errors.empty()) return Problem::validation(std::move(errors));
  // A definition is saved only if it builds (on its own data, or the framework alone for registry data).
  if (d.data_source == "upload") {
    auto built = build_index(actor, {*d.data_csv, d.meta_csv, d.spec_json, false});
    if (!built) return built.problem();
  }
  const std::string now = domain::to_iso_utc(domain::now_epoch_seconds());
  auto conn = db_.acquire();
  std::optional<Problem> problem;
  try {
    store::in_transaction(*conn, [&] {
      store::IndexDefinitionRepository definitions(*conn);
      d.updated_at = now;
      std::optional<store::IndexDefinitionRow> before;
      if (id) {
        before = definitions.find(*id, visible_rows(actor));
        if (!before) {
          problem = Problem::not_found({msg::no_index_definition, {{"id", *id}}});
          return;
        }
        if (!may_change_row(actor, before->region_code)) {
          problem = Problem::forbidden({msg::record_of_another_district});
          return;
        }
      }
      auto placed = choose_region(actor, d.region_choice, before ? before->region_code : region_of_scope(actor));
      if (!placed) {
        problem = placed.problem();
        return;
      }
      d.region_code = placed.value();
      if (id) {
        d.id = *id;
        // On PostgreSQL a concurrent delete may land between the read and the update.
        if (!definitions.update(to_row(d))) {
          problem = Problem::not_found({msg::no_index_definition, {{"id", *id}}});
          return;
        }
        d = to_definition(*definitions.find(*id));
        append_audit(*conn, actor, "index_definition.update", "index_definition", std::to_string(d.id),
                     boost::json::value(definition_to_json(to_definition(std::move(*before)), false)),
                     boost::json::value(definition_to_json(d, false)));
      } else {
        d.created_by = actor.username;
        d = to_definition(*definitions.find(definitions.insert(to_row(d))));
        append_audit(*conn, actor, "index_definition.create", "index_definition", std::to_string(d.id), std::nullopt,
                     boost::json::value(definition_to_json(d, false)));
      }
    });
  } catch (const store::DbError& e) {
    if (e.kind() != store::DbError::Kind::unique_violation) throw;
    return Problem::validation({field_error("name", domain::fmsg::taken)});
  }
  if (problem) return *problem;
  return d;
}

Status IndexDefinitions::remove(const Actor& actor, std::int64_t id) {
  if (auto p = may_write(actor)) return *p;
  auto conn = db_.acquire();
  bool found = false;
  bool refused = false;
  store::in_transaction(*conn, [&] {
    store::IndexDefinitionRepository definitions(*conn);
    auto before = definitions.find(id, visible_rows(actor));
    if (before && !may_change_row(actor, before->region_code)) {
      refused = true;
      return;
    }
    if (!before || !definitions.remove(id)) return;
    found = true;
    append_audit(*conn, actor, "index_definition.delete", "index_definition", std::to_string(id),
                 boost::json::value(definition_to_json(to_definition(std::move(*before)), false)), std::nullopt);
  });
  if (refused) return Problem::forbidden({msg::record_of_another_district});
  if (!found) return Problem::not_found({msg::no_index_definition, {{"id", id}}});
  return done();
}

}  // namespace kc::app
